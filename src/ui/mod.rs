//! Thin Leptos components over the domain core.

pub mod app;
pub mod assessment;
pub mod banner;
pub mod charts;
pub mod criteria_tree;
pub mod demo;
pub mod review;
pub mod route;
pub mod set_library;
pub mod set_overview;

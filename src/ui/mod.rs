//! Thin Leptos components over the domain core.

// first: its macros (split_page!, load_page!) serve the modules after it
#[macro_use]
pub mod lazy;

pub mod app;
pub mod assessment;
pub mod banner;
pub mod charts;
pub mod criteria_tree;
pub mod demo;
pub mod fold;
pub mod pager;
pub mod paper;
pub mod review;
pub mod route;
pub mod set_library;
pub mod set_overview;
pub mod studio;

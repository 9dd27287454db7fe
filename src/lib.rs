//! Tự đánh giá Chỉ số CCHC: a browser-only PAR INDEX self-assessment.
//!
//! - [`domain`]: the pure core (criteria sets, scoring, formats); no browser.
//! - [`browser`]: the one small layer that touches storage, files, fetch.
//! - [`ui`]: thin Leptos components over the domain.

pub mod browser;
pub mod domain;
pub mod ui;

//! Tự đánh giá Chỉ số CCHC: a browser-only PAR INDEX self-assessment.
//!
//! - [`domain`]: the pure core (criteria sets, scoring, formats); no browser.
//! - [`browser`]: the one small layer that touches storage, files, fetch.
//! - [`ui`]: thin Leptos components over the domain.

// `domain` first: its i18n macros (t!, tf!) serve every module after it.
#[macro_use]
pub mod domain;
pub mod browser;
pub mod ui;

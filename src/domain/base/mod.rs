//! Foundations every stage uses: the interface language (`t!`, `tf!`), exact
//! decimals, and reading JSON files with problems told in people's words.
//! Uses nothing else of the domain.

#[macro_use]
pub mod i18n;

pub mod decimal;
pub mod json;
pub mod serde_vi;
pub mod text;

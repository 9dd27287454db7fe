//! Foundations every stage uses: the interface language (`t!`, `tf!`), exact
//! decimals, reading JSON files with problems told in people's words, and
//! reading tables pasted from Word or Excel, writing Word documents.
//! Uses nothing else of the domain.

#[macro_use]
pub mod i18n;

pub mod decimal;
pub mod docx;
pub mod file_kinds;
pub mod json;
pub mod paging;
pub mod serde_vi;
pub mod table;
pub mod text;

//! The pure domain core: criteria sets, scoring and the data formats.
//! Nothing here may import leptos, web-sys or gloo; it is tested natively.

#[macro_use]
pub mod i18n;

pub mod assessment;
pub mod coverage;
pub mod criteria_set;
pub mod decimal;
pub mod demo;
pub mod desk_storage;
pub mod drafts;
pub mod evidence;
pub mod library;
pub mod loader;
pub mod profile;
pub mod review;
pub mod rule_scoring;
pub mod rule_text;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod scoring;
pub mod serde_vi;
pub mod submission;
pub mod summary;
pub mod validation;

pub use assessment::{
    AgencyProfile, Draft, EvidenceRef, InputKind, Response, DRAFT_FORMAT, DRAFT_FORMAT_VERSION,
};
pub use criteria_set::*;
pub use decimal::{Dec, DecError};
pub use library::{Library, LibraryEntry, Origin, StoredSet};
pub use loader::{load_criteria_set, Problem, MAX_SET_BYTES};
pub use scoring::{
    score, score_with, Answer, AnswerValue, Answers, ItemScore, ItemStatus, Overrides, ScoreReport,
};
pub use validation::validate;

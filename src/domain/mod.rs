//! The pure domain core: criteria sets, scoring and the data formats.
//! Nothing here may import leptos, web-sys or gloo; it is tested natively.
//!
//! The folders are the stages of the work, and dependencies point one way
//! (checked by `tests/domain_layers.rs`):
//! `base` ← `criteria` ← `scoring` ← `assessment` ← `appraisal`; `authoring`
//! (the studio) and `demo` sit on top.

#[macro_use]
pub mod base;

pub mod appraisal;
pub mod assessment;
pub mod authoring;
pub mod criteria;
pub mod demo;
pub mod scoring;

pub use assessment::draft::{
    AnswerInput, Draft, InputKind, ReadResponse, Response, DRAFT_FORMAT, DRAFT_FORMAT_VERSION,
};
pub use assessment::evidence::{link_problem, EvidencePart, EvidenceRef};
pub use assessment::profile::{email_problem, phone_problem, AgencyProfile, ProfileInput};
pub use base::decimal::{Dec, DecError};
pub use base::json::Problem;
pub use criteria::library::{Library, LibraryEntry, Origin, StoredSet};
pub use criteria::loader::{load_criteria_set, MAX_SET_BYTES};
pub use criteria::set::*;
pub use criteria::validation::validate;
pub use scoring::answer::{Answer, AnswerValue, Answers, ItemScore, ItemStatus};
pub use scoring::engine::{score, score_with, Overrides, ScoreReport};

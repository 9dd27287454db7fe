//! Stage 5, authoring a criteria set (the Sở Nội vụ's studio): an annex table
//! read into a set, the scoring texts read into rules (and the unsure ones
//! kept for a person), edits on the tree, comparison of two sets, and the
//! studio's stored draft. Uses `base` and `criteria`.

pub mod annex;
pub mod compare;
pub mod edit;
pub mod ranges;
pub mod rule_reader;
pub mod studio;
pub mod xlsx;

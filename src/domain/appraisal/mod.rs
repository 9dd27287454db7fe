//! Stage 4, the appraisal (thẩm định): the sealed submission an agency sends,
//! the reviewer's desk, how the desk is stored, the council merging its
//! members' parts, and the ranking.
//! Uses every stage below it.

pub mod council;
pub mod desk;
pub mod desk_storage;
pub mod history;
pub mod ranking;
pub mod submission;

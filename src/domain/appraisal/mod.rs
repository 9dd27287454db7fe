//! Stage 4, the appraisal (thẩm định): the sealed submission an agency sends,
//! the reviewer's desk, how the desk is stored, the council (assignments,
//! merging its members' parts), the survey scores, the ranking, the
//! result notice to each agency, last year's result read back, and an
//! agency's draft opened again from the submission it sent.
//! Uses every stage below it.

pub mod assignment;
pub mod council;
pub mod desk;
pub mod desk_list;
pub mod desk_storage;
pub mod history;
pub mod last_year_file;
pub mod notice;
pub mod ranking;
pub mod recovery;
pub mod submission;
pub mod survey;

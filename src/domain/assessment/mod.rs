//! Stage 3, the agency's self-assessment: the draft and its typed responses,
//! its score kept current while typing,
//! the agency profile, cited evidence, the summary's lists, stored drafts and
//! their migrations, the review file the agency receives back, and the
//! report in Word, the score sheet (CSV), and last year's result beside
//! this year's.
//! Uses `base`, `criteria` and `scoring`.

pub mod draft;
pub mod evidence;
pub mod evidence_library;
pub mod last_year;
pub mod live;
pub mod profile;
pub mod report;
pub mod review_file;
pub mod score_sheet;
pub mod stored;
pub mod summary;

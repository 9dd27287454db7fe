//! Stage 3, the agency's self-assessment: the draft and its typed responses,
//! the agency profile, cited evidence, the summary's lists, stored drafts and
//! their migrations, and the review file the agency receives back.
//! Uses `base`, `criteria` and `scoring`.

pub mod draft;
pub mod evidence;
pub mod profile;
pub mod review_file;
pub mod stored;
pub mod summary;

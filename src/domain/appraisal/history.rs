//! Who appraised an item, when, in which round, and what they set: the
//! steps of an item's history on the desk. Merging members' parts is in
//! [`super::council`].

use serde::{Deserialize, Serialize};

use crate::domain::assessment::review_file::Appraisal;

/// Who appraises: a council member, or the secretary.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    /// Họ và tên.
    pub name: String,
    /// The member's agency, e.g. "Sở Tư pháp".
    pub agency: String,
}

impl Member {
    /// "Name (agency)", or whichever is known; "Bàn thẩm định này" when
    /// neither is (appraisals typed before the reviewer gave a name).
    pub fn shown(&self) -> String {
        match (self.name.trim(), self.agency.trim()) {
            ("", "") => t!("Bàn thẩm định này", "This desk").to_string(),
            (n, "") => n.to_string(),
            ("", a) => a.to_string(),
            (n, a) => format!("{n} ({a})"),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.agency.trim().is_empty()
    }
}

/// One member's appraisal of one item, at one time, in one round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppraisalEvent {
    pub by: Member,
    /// Local date-time, YYYY-MM-DDTHH:MM:SS.
    pub at: String,
    /// The submission round appraised.
    pub round: u32,
    pub appraisal: Appraisal,
}

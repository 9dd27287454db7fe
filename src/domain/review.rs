//! The reviewer's desk (bàn thẩm định): imported submissions, one per
//! agency draft, with the previous round kept to show what changed.
//!
//! In storage each submission is kept without its criteria set; sets are
//! kept once per digest. Sixty agencies on one set cost one copy of the set,
//! not sixty, so a province's appraisal fits in the browser's quota.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::criteria_set::CriteriaSet;
use super::loader::Problem;
use super::submission::{check, read_submission, set_digest, Checks, Submission};

/// Where a submission is in the appraisal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    #[default]
    ChoThamDinh,
    DangThamDinh,
    DaGuiYeuCau,
    DaChot,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 4] = [
        ReviewStatus::ChoThamDinh,
        ReviewStatus::DangThamDinh,
        ReviewStatus::DaGuiYeuCau,
        ReviewStatus::DaChot,
    ];

    pub fn label_vi(self) -> &'static str {
        match self {
            ReviewStatus::ChoThamDinh => "Chờ thẩm định",
            ReviewStatus::DangThamDinh => "Đang thẩm định",
            ReviewStatus::DaGuiYeuCau => "Đã gửi yêu cầu",
            ReviewStatus::DaChot => "Đã chốt",
        }
    }
}

/// One agency's submission on the desk.
#[derive(Clone, Debug, PartialEq)]
pub struct DeskEntry {
    pub file_name: String,
    pub imported_at: String,
    pub submission: Submission,
    /// The round before, when a later round replaced it.
    pub previous: Option<Submission>,
    pub status: ReviewStatus,
}

impl DeskEntry {
    /// The agency's draft id: rounds of one agency share it.
    pub fn key(&self) -> &str {
        &self.submission.draft_id
    }
}

/// A submission as stored: its set replaced by the set's digest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredSubmission {
    pub set_digest: String,
    /// The submission with `criteria_set` emptied (it is restored from the
    /// set kept under `set_digest`).
    pub submission: serde_json::Value,
}

/// A desk entry as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredDeskEntry {
    pub format: String,
    pub format_version: u32,
    pub file_name: String,
    pub imported_at: String,
    pub status: ReviewStatus,
    pub current: StoredSubmission,
    #[serde(default)]
    pub previous: Option<StoredSubmission>,
}

pub const DESK_FORMAT: &str = "cchc-review-desk-entry";

fn strip(sub: &Submission) -> StoredSubmission {
    // through text: the compact serializer is already in the wasm, a Value
    // serializer would be one more copy of every Serialize impl
    let mut v: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(sub).unwrap_or_default()).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("criteria_set".into(), serde_json::Value::Null);
    }
    StoredSubmission {
        set_digest: set_digest(&sub.criteria_set),
        submission: v,
    }
}

fn unstrip(s: &StoredSubmission, sets: &BTreeMap<String, CriteriaSet>) -> Result<Submission, String> {
    let set = sets
        .get(&s.set_digest)
        .ok_or_else(|| format!("thiếu bộ tiêu chí có mã băm {}…", &s.set_digest.get(..12).unwrap_or("")))?;
    let mut v = s.submission.clone();
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "criteria_set".into(),
            serde_json::from_str(&serde_json::to_string(set).map_err(|e| e.to_string())?)
                .map_err(|e| e.to_string())?,
        );
    }
    super::loader::typed(v)
}

impl DeskEntry {
    /// The entry and the set(s) it needs, for storage.
    pub fn to_stored(&self) -> (StoredDeskEntry, Vec<CriteriaSet>) {
        let mut sets = vec![self.submission.criteria_set.clone()];
        if let Some(p) = &self.previous {
            if set_digest(&p.criteria_set) != set_digest(&self.submission.criteria_set) {
                sets.push(p.criteria_set.clone());
            }
        }
        (
            StoredDeskEntry {
                format: DESK_FORMAT.into(),
                format_version: 1,
                file_name: self.file_name.clone(),
                imported_at: self.imported_at.clone(),
                status: self.status,
                current: strip(&self.submission),
                previous: self.previous.as_ref().map(strip),
            },
            sets,
        )
    }

    pub fn from_stored(
        s: &StoredDeskEntry,
        sets: &BTreeMap<String, CriteriaSet>,
    ) -> Result<DeskEntry, String> {
        Ok(DeskEntry {
            file_name: s.file_name.clone(),
            imported_at: s.imported_at.clone(),
            status: s.status,
            submission: unstrip(&s.current, sets)?,
            previous: s.previous.as_ref().map(|p| unstrip(p, sets)).transpose()?,
        })
    }
}

/// What happened to one imported file.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportOutcome {
    /// A new agency on the desk.
    Added { key: String },
    /// A later round replaced the earlier one (kept as `previous`).
    NewRound { key: String, round: u32 },
    /// The same file again: nothing changed.
    Unchanged { key: String },
}

/// Every submission on the desk, by agency draft id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Desk {
    pub entries: BTreeMap<String, DeskEntry>,
}

impl Desk {
    /// Imports one file. A bad file is refused with every problem found;
    /// the desk is unchanged.
    pub fn import(&mut self, file_name: &str, bytes: &[u8], now: &str) -> Result<ImportOutcome, Vec<Problem>> {
        let sub = read_submission(bytes)?;
        let key = sub.draft_id.clone();
        if key.trim().is_empty() {
            return Err(vec![Problem {
                path: "draft_id".into(),
                code: None,
                message: "tệp không có mã bản tự đánh giá (draft_id)".into(),
            }]);
        }
        let outcome = match self.entries.get_mut(&key) {
            None => {
                self.entries.insert(
                    key.clone(),
                    DeskEntry {
                        file_name: file_name.to_string(),
                        imported_at: now.to_string(),
                        submission: sub,
                        previous: None,
                        status: ReviewStatus::ChoThamDinh,
                    },
                );
                ImportOutcome::Added { key }
            }
            Some(e) if e.submission.digest == sub.digest => ImportOutcome::Unchanged { key },
            Some(e) => {
                let round = sub.round;
                let old = std::mem::replace(&mut e.submission, sub);
                e.previous = Some(old);
                e.file_name = file_name.to_string();
                e.imported_at = now.to_string();
                if e.status != ReviewStatus::DaChot {
                    e.status = ReviewStatus::DangThamDinh;
                }
                ImportOutcome::NewRound { key, round }
            }
        };
        Ok(outcome)
    }

    /// The checks of every entry against the reviewer's official sets
    /// (looked up by "id@version").
    pub fn checks<'a>(
        &'a self,
        official: impl Fn(&str) -> Option<&'a CriteriaSet>,
    ) -> BTreeMap<String, Checks> {
        self.entries
            .iter()
            .map(|(k, e)| (k.clone(), check(&e.submission, official(&e.submission.criteria_set_key))))
            .collect()
    }
}

/// Items whose response changed between two rounds, in code order.
pub fn changed_items(before: &Submission, after: &Submission) -> Vec<String> {
    let mut codes: Vec<String> = before
        .responses
        .keys()
        .chain(after.responses.keys())
        .cloned()
        .collect();
    codes.sort();
    codes.dedup();
    codes
        .into_iter()
        .filter(|c| before.responses.get(c) != after.responses.get(c))
        .collect()
}

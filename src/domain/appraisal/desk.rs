//! The reviewer's desk (bàn thẩm định): imported submissions, one per
//! agency draft, with the previous round kept to show what changed.
//!
//! How it is stored is in [`super::desk_storage`].

use std::collections::BTreeMap;
use std::sync::Arc;

use super::history::AppraisalEvent;
use super::submission::{check_sealed, read_submission_sealed, Checks, Seal, SetCache, Submission};
use crate::domain::assessment::review_file::{
    appraised_scores, Appraisal, ReviewFile, ReviewStatus, REVIEW_FORMAT,
};
use crate::domain::base::json::Problem;
use crate::domain::criteria::set::CriteriaSet;
use crate::domain::scoring::engine::ScoreReport;

/// One agency's submission on the desk.
#[derive(Clone, Debug, PartialEq)]
pub struct DeskEntry {
    pub file_name: String,
    pub imported_at: String,
    pub submission: Submission,
    /// The seals of `submission`, checked when it was read.
    pub seal: Seal,
    /// The round before, when a later round replaced it.
    pub previous: Option<Submission>,
    pub status: ReviewStatus,
    /// The appraisal, by item code.
    pub appraisals: BTreeMap<String, Appraisal>,
    /// Điểm điều tra xã hội học, as typed by the reviewer.
    pub survey_score: String,
    /// Who set each item's appraisal, when, in which round.
    pub history: BTreeMap<String, Vec<AppraisalEvent>>,
    /// Items the council's members appraised differently, with each
    /// member's word, until the secretary chooses.
    pub conflicts: BTreeMap<String, Vec<AppraisalEvent>>,
}

impl DeskEntry {
    /// The agency's draft id: rounds of one agency share it.
    pub fn key(&self) -> &str {
        &self.submission.draft_id
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
    /// The sets embedded in the files read so far, each read once.
    pub sets_read: SetCache,
}

impl Desk {
    /// Imports one file. A bad file is refused with every problem found;
    /// the desk is unchanged.
    pub fn import(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        now: &str,
    ) -> Result<ImportOutcome, Vec<Problem>> {
        self.import_hashed(file_name, bytes, None, now)
    }

    /// [`Desk::import`] with the SHA-256 of the file's [`seal_preimage`]
    /// already computed (by the browser's own SHA-256, much faster than
    /// this code's in WebAssembly).
    ///
    /// [`seal_preimage`]: super::submission::seal_preimage
    pub fn import_hashed(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        preimage_sha: Option<&str>,
        now: &str,
    ) -> Result<ImportOutcome, Vec<Problem>> {
        let (sub, seal) = read_submission_sealed(bytes, &mut self.sets_read, preimage_sha)?;
        let key = sub.draft_id.clone();
        if key.trim().is_empty() {
            return Err(vec![Problem {
                path: "draft_id".into(),
                code: None,
                message: t!(
                    "tệp không có mã bản tự đánh giá (draft_id)",
                    "file has no self-assessment id (draft_id)"
                )
                .into(),
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
                        seal,
                        previous: None,
                        status: ReviewStatus::ChoThamDinh,
                        appraisals: BTreeMap::new(),
                        survey_score: String::new(),
                        history: BTreeMap::new(),
                        conflicts: BTreeMap::new(),
                    },
                );
                ImportOutcome::Added { key }
            }
            Some(e) if e.submission == sub => ImportOutcome::Unchanged { key },
            Some(e) if !same_agency(&e.submission, &sub) => {
                return Err(vec![Problem {
                    path: "draft_id".into(),
                    code: None,
                    message: tf!(
                        "tệp mang cùng mã bản tự đánh giá với hồ sơ của «{}» đang có trên bàn, nhưng là của «{}» ({}): không thay thế. Nếu đúng là cùng một cơ quan đã đổi thông tin, hãy xóa hồ sơ cũ rồi nhập lại tệp này",
                        "the file has the same self-assessment id as the submission of «{}» on the desk, but is from «{}» ({}): not replaced. If it really is the same agency with changed details, delete the old submission and import this file again",
                        e.submission.agency.name,
                        sub.agency.name,
                        agency_line(&sub)
                    ),
                }]);
            }
            Some(e) if e.status == ReviewStatus::DaChot => {
                return Err(vec![Problem {
                    path: String::new(),
                    code: None,
                    message: tf!(
                        "hồ sơ của «{}» đã chốt điểm; không nhận thêm lần nộp mới",
                        "the record of «{}» is closed; no new submissions are accepted",
                        e.submission.agency.name
                    ),
                }])
            }
            Some(e) => {
                let round = sub.round;
                let old = std::mem::replace(&mut e.submission, sub);
                e.seal = seal;
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
    pub fn checks<'s>(
        &self,
        official: impl Fn(&str) -> Option<&'s CriteriaSet>,
    ) -> BTreeMap<String, Checks> {
        let mut checks = BTreeMap::new();
        let keys: Vec<String> = self.entries.keys().cloned().collect();
        self.recheck(&mut checks, &keys, official);
        checks
    }

    /// Brings `checks` (from [`Desk::checks`]) up to date after the entries
    /// `keys` came, were replaced or went: only those are checked again.
    /// Entries share their embedded set (see [`SetCache`]): each distinct
    /// one is compared with its official set once.
    pub fn recheck<'s>(
        &self,
        checks: &mut BTreeMap<String, Checks>,
        keys: &[String],
        official: impl Fn(&str) -> Option<&'s CriteriaSet>,
    ) {
        let mut compared: Vec<(*const CriteriaSet, *const CriteriaSet, bool)> = Vec::new();
        for k in keys {
            let Some(e) = self.entries.get(k) else {
                checks.remove(k);
                continue;
            };
            let official = official(&e.submission.criteria_set_key).map(|o| {
                let pair = (
                    o as *const CriteriaSet,
                    Arc::as_ptr(&e.submission.criteria_set),
                );
                let same = match compared.iter().find(|(a, b, _)| (*a, *b) == pair) {
                    Some((_, _, same)) => *same,
                    None => {
                        let same = *o == *e.submission.criteria_set;
                        compared.push((pair.0, pair.1, same));
                        same
                    }
                };
                (o, same)
            });
            checks.insert(k.clone(), check_sealed(&e.submission, e.seal, official));
        }
    }
}

/// Whether two rounds come from the same agency: same name (spacing and
/// case aside), unit type and province.
fn same_agency(a: &Submission, b: &Submission) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(&a.agency.name) == norm(&b.agency.name)
        && a.agency.unit_type == b.agency.unit_type
        && norm(&a.agency.province) == norm(&b.agency.province)
}

fn agency_line(s: &Submission) -> String {
    [
        s.agency
            .unit_type
            .map(|t| t.label().to_string())
            .unwrap_or_default(),
        s.agency.province.clone(),
    ]
    .into_iter()
    .filter(|x| !x.trim().is_empty())
    .collect::<Vec<_>>()
    .join(", ")
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

/// Scores after appraisal: the agency's answers, with each appraised score
/// in place of the item's points.
pub fn appraised_report(
    set: &CriteriaSet,
    sub: &Submission,
    appraisals: &BTreeMap<String, Appraisal>,
) -> ScoreReport {
    appraised_scores(set, &sub.answers(set), appraisals)
}

impl DeskEntry {
    /// The review file for the agency.
    pub fn review_file(&self, set: &CriteriaSet, now: &str) -> ReviewFile {
        let r = appraised_report(set, &self.submission, &self.appraisals);
        ReviewFile {
            format: REVIEW_FORMAT.into(),
            format_version: 1,
            draft_id: self.submission.draft_id.clone(),
            agency_name: self.submission.agency.name.clone(),
            round: self.submission.round,
            submission_digest: self.submission.digest.clone(),
            exported_at: now.into(),
            status: self.status,
            items: self
                .appraisals
                .iter()
                .filter(|(_, a)| !a.is_empty())
                .map(|(k, a)| (k.clone(), a.clone()))
                .collect(),
            appraised_total: r.total,
            appraised_index: r.index,
            appraised_class: r.class,
        }
    }
}

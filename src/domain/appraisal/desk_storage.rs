//! How the reviewer's desk is kept in the browser's storage: one entry per
//! agency with its submission stripped of the criteria set, and each set
//! once under its digest. Sixty agencies on one set cost one copy of the
//! set, not sixty. Pure: the browser layer only moves the (key, text) pairs.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::desk::{Desk, DeskEntry};
use super::history::AppraisalEvent;
use super::submission::{set_digest, Seal, Submission};
use crate::domain::assessment::review_file::{Appraisal, ReviewStatus};
use crate::domain::base::file_kinds::not_this_kind;
use crate::domain::base::json::{format_of, typed_from_str};
use crate::domain::criteria::set::CriteriaSet;

/// A submission as stored: its set replaced by the set's digest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredSubmission {
    pub set_digest: String,
    /// The submission with `criteria_set` null (it is restored from the
    /// set kept under `set_digest`).
    pub submission: Submission<()>,
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
    #[serde(default)]
    pub appraisals: BTreeMap<String, Appraisal>,
    #[serde(default)]
    pub survey_score: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub history: BTreeMap<String, Vec<AppraisalEvent>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conflicts: BTreeMap<String, Vec<AppraisalEvent>>,
    /// Whether the current submission's seal held when it was imported, so
    /// that opening the desk does not re-serialise and re-hash every
    /// submission. Trusted only from this browser's own storage; a backup
    /// or a council package is checked again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest_ok: Option<bool>,
}

pub const DESK_FORMAT: &str = "cchc-review-desk-entry";

/// Digests of criteria sets, each computed once: hashing a set's canonical
/// JSON is the costly part of storing a desk, and a province's agencies all
/// share one or two sets.
#[derive(Default)]
pub struct SetDigests(Vec<(Arc<CriteriaSet>, String)>);

impl SetDigests {
    pub fn of(&mut self, set: &Arc<CriteriaSet>) -> String {
        // the submissions of one import share their set: the same pointer
        if let Some((_, d)) = self.0.iter().find(|(s, _)| Arc::ptr_eq(s, set) || s == set) {
            return d.clone();
        }
        let d = set_digest(set);
        self.0.push((Arc::clone(set), d.clone()));
        d
    }
}

fn strip(sub: &Submission, digests: &mut SetDigests) -> StoredSubmission {
    StoredSubmission {
        set_digest: digests.of(&sub.criteria_set),
        submission: sub.clone().with_set(()),
    }
}

fn unstrip(
    s: StoredSubmission,
    sets: &BTreeMap<String, Arc<CriteriaSet>>,
) -> Result<Submission, String> {
    let set = sets.get(&s.set_digest).ok_or_else(|| {
        tf!(
            "thiếu bộ tiêu chí có mã băm {}…",
            "missing the criteria set with hash {}…",
            &s.set_digest.get(..12).unwrap_or("")
        )
    })?;
    Ok(s.submission.with_set(Arc::clone(set)))
}

impl DeskEntry {
    /// The entry and the set(s) it needs (with their digests), for storage.
    pub fn to_stored(
        &self,
        digests: &mut SetDigests,
    ) -> (StoredDeskEntry, Vec<(String, &CriteriaSet)>) {
        let mut sets = vec![(
            digests.of(&self.submission.criteria_set),
            self.submission.criteria_set.as_ref(),
        )];
        if let Some(p) = &self.previous {
            let d = digests.of(&p.criteria_set);
            if d != sets[0].0 {
                sets.push((d, p.criteria_set.as_ref()));
            }
        }
        (
            StoredDeskEntry {
                format: DESK_FORMAT.into(),
                format_version: 1,
                file_name: self.file_name.clone(),
                imported_at: self.imported_at.clone(),
                status: self.status,
                current: strip(&self.submission, digests),
                previous: self.previous.as_ref().map(|p| strip(p, digests)),
                appraisals: self.appraisals.clone(),
                survey_score: self.survey_score.clone(),
                history: self.history.clone(),
                conflicts: self.conflicts.clone(),
                digest_ok: Some(self.seal.digest_ok),
            },
            sets,
        )
    }

    pub fn from_stored(
        s: StoredDeskEntry,
        sets: &BTreeMap<String, Arc<CriteriaSet>>,
        from: StoredBy,
    ) -> Result<DeskEntry, String> {
        // `sets` is keyed by each set's computed digest
        let set_digest_ok = s.current.set_digest == s.current.submission.criteria_set_digest;
        let submission = unstrip(s.current, sets)?;
        let seal = match (from, s.digest_ok) {
            (StoredBy::ThisBrowser, Some(digest_ok)) => Seal {
                digest_ok,
                set_digest_ok,
            },
            _ => Seal::of(&submission),
        };
        Ok(DeskEntry {
            file_name: s.file_name,
            imported_at: s.imported_at,
            status: s.status,
            seal,
            submission,
            previous: s.previous.map(|p| unstrip(p, sets)).transpose()?,
            appraisals: s.appraisals,
            survey_score: s.survey_score,
            history: s.history,
            conflicts: s.conflicts,
        })
    }
}

/// Where stored entries come from: this browser's own storage, whose seals
/// (found at import) are kept, or a file (a backup, a council package),
/// whose seals are all computed again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredBy {
    ThisBrowser,
    File,
}

/// Where the desk is kept in the browser's storage: one entry per agency,
/// and each criteria set once, by digest.
pub const REVIEW_PREFIX: &str = "cchc.review.";
pub const REVIEW_ENTRY_PREFIX: &str = "cchc.review.entry.";
pub const REVIEW_SET_PREFIX: &str = "cchc.review.set.";

impl Desk {
    /// What the desk stores, as (key, text): every set it needs (once), then
    /// every entry.
    pub fn stored(&self) -> Vec<(String, String)> {
        let all: BTreeSet<String> = self.entries.keys().cloned().collect();
        self.stored_changes(&all).0
    }

    /// What to write for the entries named by `keys` (the ones changed since
    /// the last save), as (key, text), with the sets they need, once each;
    /// and the storage keys of those no longer on the desk, to remove. Only
    /// these entries are serialised, so an appraiser typing on a desk of 200
    /// agencies writes one entry, and nothing another tab wrote is touched.
    pub fn stored_changes(&self, keys: &BTreeSet<String>) -> (Vec<(String, String)>, Vec<String>) {
        let mut digests = SetDigests::default();
        let mut sets = BTreeMap::new();
        let mut entries = Vec::new();
        let mut removed = Vec::new();
        for key in keys {
            let storage_key = format!("{REVIEW_ENTRY_PREFIX}{key}");
            let Some(e) = self.entries.get(key) else {
                removed.push(storage_key);
                continue;
            };
            let (stored, needed) = e.to_stored(&mut digests);
            for (d, set) in needed {
                sets.entry(format!("{REVIEW_SET_PREFIX}{d}"))
                    .or_insert_with(|| serde_json::to_string(set).unwrap_or_default());
            }
            entries.push((
                storage_key,
                serde_json::to_string(&stored).unwrap_or_default(),
            ));
        }
        (sets.into_iter().chain(entries).collect(), removed)
    }

    /// Reads the desk back from stored (key, text) pairs; other keys are
    /// ignored. Returns the desk and how many entries could not be read
    /// (they stay in storage, untouched).
    pub fn restore(stored: &[(String, String)], from: StoredBy) -> (Desk, usize) {
        let sets: BTreeMap<String, Arc<CriteriaSet>> = stored
            .iter()
            .filter(|(k, _)| k.starts_with(REVIEW_SET_PREFIX))
            .filter_map(|(_, t)| serde_json::from_str::<CriteriaSet>(t).ok())
            .map(|set| (set_digest(&set), Arc::new(set)))
            .collect();
        let mut desk = Desk::default();
        let mut unreadable = 0;
        for (_, text) in stored
            .iter()
            .filter(|(k, _)| k.starts_with(REVIEW_ENTRY_PREFIX))
        {
            // what this app wrote: read plainly, an unreadable one counted
            match serde_json::from_str::<StoredDeskEntry>(text)
                .map_err(|e| e.to_string())
                .and_then(|s| DeskEntry::from_stored(s, &sets, from))
            {
                Ok(e) => {
                    desk.entries.insert(e.key().to_string(), e);
                }
                Err(_) => unreadable += 1,
            }
        }
        (desk, unreadable)
    }
}

/// The value of the `format` key of a desk backup file.
pub use crate::domain::base::file_kinds::DESK_BACKUP_FORMAT;

/// The whole desk in one file, to keep it safe or move it to another
/// browser: the stored entries and sets, exactly as the browser keeps them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskBackup {
    pub format: String,
    pub format_version: u32,
    pub exported_at: String,
    /// (storage key, text) of every set and entry.
    pub stored: Vec<(String, String)>,
}

impl Desk {
    pub fn backup(&self, now: &str) -> DeskBackup {
        DeskBackup {
            format: DESK_BACKUP_FORMAT.into(),
            format_version: 1,
            exported_at: now.into(),
            stored: self.stored(),
        }
    }
}

/// Reads a backup back into a desk, every entry with its appraisals,
/// status and survey score. A file that is not a backup, or whose entries
/// cannot all be read, is refused with the reason.
pub fn read_backup(text: &str) -> Result<Desk, String> {
    let found = format_of(text.as_bytes());
    if let Some(other) = found.as_deref().filter(|f| *f != DESK_BACKUP_FORMAT) {
        return Err(not_this_kind(
            tf!(
                "không phải bản sao lưu bàn thẩm định (định dạng «{other}»)",
                "not a desk backup (format «{other}»)"
            ),
            Some(other),
        ));
    }
    let b: DeskBackup = typed_from_str(text).map_err(|e| {
        tf!(
            "không phải bản sao lưu bàn thẩm định ({e})",
            "not a desk backup ({e})"
        )
    })?;
    if b.format != DESK_BACKUP_FORMAT || b.format_version != 1 {
        return Err(tf!(
            "không phải bản sao lưu bàn thẩm định «{DESK_BACKUP_FORMAT}» phiên bản 1",
            "not a «{DESK_BACKUP_FORMAT}» desk backup of version 1"
        ));
    }
    let (desk, unreadable) = Desk::restore(&b.stored, StoredBy::File);
    if unreadable > 0 {
        return Err(tf!(
            "{unreadable} hồ sơ trong bản sao lưu không đọc được",
            "{unreadable} submissions in the backup cannot be read"
        ));
    }
    Ok(desk)
}

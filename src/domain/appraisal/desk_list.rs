//! The desk's list as a reviewer looks through a province's ~190 agencies:
//! in the order of their names, found by a part of the name typed without
//! diacritics, narrowed to one status or to those that need a look, and
//! shown a page at a time.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::desk::{Desk, DeskEntry};
use super::submission::Checks;
use crate::domain::assessment::review_file::ReviewStatus;
use crate::domain::base::paging::{PageSpan, DEFAULT_PAGE_SIZE};
use crate::domain::base::text::fold_vi;
use crate::domain::criteria::set::CriteriaSet;

/// Where the reviewer's choice of rows per page is remembered (localStorage),
/// for the desk's list and the ranking alike.
pub const ROWS_PER_PAGE_KEY: &str = "cchc.rows-per-page.v1";

/// What the reviewer asked the list for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeskQuery {
    /// A part of the agency's name (or of the file's), diacritics and case aside.
    pub text: String,
    pub status: Option<ReviewStatus>,
    /// Only the agencies with a warning: a failed check, or items the
    /// council's members have not agreed on.
    pub needs_look: bool,
    /// From 0; a page past the last shows the last.
    pub page: usize,
    /// Rows per page; `None`: every row on one page.
    pub per_page: Option<usize>,
}

impl Default for DeskQuery {
    fn default() -> Self {
        DeskQuery {
            text: String::new(),
            status: None,
            needs_look: false,
            page: 0,
            per_page: DEFAULT_PAGE_SIZE,
        }
    }
}

impl DeskQuery {
    /// Whether anything narrows the list (the page and its size aside).
    pub fn narrows(&self) -> bool {
        !self.text.trim().is_empty() || self.status.is_some() || self.needs_look
    }
}

/// One page of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeskListPage {
    /// The entries' keys on this page, in order.
    pub keys: Vec<String>,
    /// Entries that match the query, on every page.
    pub matching: usize,
    /// Entries on the desk.
    pub total: usize,
    /// Which of the matching this page holds.
    pub span: PageSpan,
}

/// Whether an entry has a warning: a check failed (or was not made) or the
/// council's members disagree on an item.
pub fn needs_look(e: &DeskEntry, checks: Option<&Checks>) -> bool {
    checks.is_none_or(Checks::flagged) || !e.conflicts.is_empty()
}

impl Desk {
    /// How the list names each submission's criteria set, by its key
    /// ("id@version"): the kind of agency it is for and its year ("UBND xã,
    /// phường 2026"), so that a province's list keeps a row to a line or
    /// two where the set's full title took four in every row; with its
    /// version where two sets on the desk would otherwise read the same,
    /// and its key where even that does.
    pub fn set_labels(&self) -> BTreeMap<String, String> {
        let mut sets = BTreeMap::new();
        for e in self.entries.values() {
            let s = &e.submission;
            sets.entry(s.criteria_set_key.clone())
                .or_insert_with(|| Arc::clone(&s.criteria_set));
        }
        let base = |set: &CriteriaSet| format!("{} {}", set.unit_type.label(), set.year);
        let clashes = |label: &dyn Fn(&CriteriaSet) -> String, set: &CriteriaSet| {
            sets.values().filter(|o| label(o) == label(set)).count() > 1
        };
        let versioned = |set: &CriteriaSet| format!("{} ({})", base(set), set.version);
        sets.iter()
            .map(|(key, set)| {
                let label = if !clashes(&base, set) {
                    base(set)
                } else if !clashes(&versioned, set) {
                    versioned(set)
                } else {
                    format!("{} ({key})", base(set))
                };
                (key.clone(), label)
            })
            .collect()
    }

    /// The page of the list the query asks for, agencies in the order of
    /// their names (diacritics aside, then as written).
    pub fn list(&self, q: &DeskQuery, checks: &BTreeMap<String, Checks>) -> DeskListPage {
        let wanted = fold_vi(q.text.trim());
        let mut rows: Vec<(String, &str, &str)> = Vec::new();
        for (k, e) in &self.entries {
            let name = fold_vi(&e.submission.agency.name);
            let found = wanted.is_empty()
                || name.contains(&wanted)
                || fold_vi(&e.file_name).contains(&wanted);
            if found
                && q.status.is_none_or(|s| s == e.status)
                && (!q.needs_look || needs_look(e, checks.get(k)))
            {
                rows.push((name, &e.submission.agency.name, k));
            }
        }
        rows.sort();
        let matching = rows.len();
        let span = PageSpan::of(matching, q.page, q.per_page);
        DeskListPage {
            keys: span
                .of_list(&rows)
                .iter()
                .map(|(_, _, k)| k.to_string())
                .collect(),
            matching,
            total: self.entries.len(),
            span,
        }
    }
}

//! The open draft's score and what is still open, kept current while it is
//! typed in. A keystroke changes one item's response, so only that item's
//! criterion is scored again and the sums are redone from the criteria's
//! parts ([`score_criterion`], [`sum_up`]): a keystroke costs about the same
//! on a set of 10 items or of 1,000. What each change touched is recorded,
//! so the page wakes only the cards of those items.
//!
//! The result is always what scoring the draft anew gives ([`score`] and
//! [`outstanding`]); `tests/assessment.rs` checks that over random edits.
//!
//! [`score`]: crate::domain::scoring::engine::score
//! [`outstanding`]: super::summary::outstanding

use std::collections::BTreeMap;
use std::sync::Arc;

use super::draft::{answer_of, Draft, Response};
use super::review_file::ReviewFile;
use super::summary::{open_flags, OpenFlags, Outstanding};
use crate::domain::base::decimal::Dec;
use crate::domain::criteria::set::CriteriaSet;
use crate::domain::scoring::answer::Answers;
use crate::domain::scoring::engine::{
    score_criterion, sum_up, CriterionPart, Overrides, ScoreReport,
};

/// How many changes are remembered for [`LiveScore::changes_since`]; a
/// reader further behind is told that everything changed.
const LOG_LEN: usize = 32;

#[derive(Debug)]
pub struct LiveScore {
    set: Arc<CriteriaSet>,
    exemptions: Vec<String>,
    /// Items not scored for this agency, with the exemption's label.
    exempted: BTreeMap<String, String>,
    /// Every scored unit of the set, by code.
    units: BTreeMap<String, Unit>,
    /// Every criterion in the set's order: (field index, index in field).
    criteria: Vec<(usize, usize)>,
    /// The reviewer's result the cards show, as last seen.
    review: Option<ReviewFile>,
    parts: Vec<CriterionPart>,
    report: ScoreReport,
    lacking_by_field: Vec<usize>,
    /// Counts the changes; `log` holds what the last ones touched, oldest
    /// first.
    version: u64,
    log: Vec<(u64, Vec<String>)>,
    /// The last version that changed every item (a new set, new
    /// exemptions, a new review).
    all_since: u64,
}

/// What some criteria add up to: see [`LiveScore::progress`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    pub answered: usize,
    pub answerable: usize,
    pub points: Dec,
    pub applicable_max: Dec,
}

/// One scored unit as last scored.
#[derive(Debug)]
struct Unit {
    /// Its criterion, as an index in `criteria`.
    criterion: usize,
    response: Option<Response>,
    flags: OpenFlags,
}

/// What changed since a version a reader has seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Changes<'a> {
    All,
    /// These items' responses, scores or open flags (an item may be named
    /// more than once).
    Items(Vec<&'a str>),
}

impl LiveScore {
    /// Scores the whole draft.
    pub fn new(set: Arc<CriteriaSet>, draft: &Draft) -> LiveScore {
        Self::at_version(set, draft, 1)
    }

    /// Scores the whole draft anew, as a change after this one (a reader
    /// is told that everything changed).
    pub fn anew(&self, set: Arc<CriteriaSet>, draft: &Draft) -> LiveScore {
        Self::at_version(set, draft, self.version + 1)
    }

    fn at_version(set: Arc<CriteriaSet>, draft: &Draft, version: u64) -> LiveScore {
        let exempted = set.exempted(&draft.profile.exemptions);
        let mut units = BTreeMap::new();
        let mut criteria = Vec::new();
        for (fi, field) in set.fields.iter().enumerate() {
            for (ki, criterion) in field.criteria.iter().enumerate() {
                for unit in criterion.units(field) {
                    let unit_state = Unit {
                        criterion: criteria.len(),
                        response: draft.responses.get(unit.code).cloned(),
                        flags: OpenFlags::default(),
                    };
                    units.insert(unit.code.to_string(), unit_state);
                }
                criteria.push((fi, ki));
            }
        }
        let mut live = LiveScore {
            exemptions: draft.profile.exemptions.clone(),
            exempted,
            units,
            parts: Vec::with_capacity(criteria.len()),
            criteria,
            review: draft.review.clone(),
            report: ScoreReport::default(),
            lacking_by_field: vec![0; set.fields.len()],
            version,
            log: Vec::new(),
            all_since: version,
            set,
        };
        for ci in 0..live.criteria.len() {
            let part = live.score_criterion(ci, &mut |_| {});
            live.parts.push(part);
        }
        sum_up(&live.set, &live.parts, &mut live.report);
        live
    }

    /// Brings the score up to date with the draft (and the set it is on).
    /// Returns whether anything a reader sees changed.
    pub fn follow(&mut self, set: &Arc<CriteriaSet>, draft: &Draft) -> bool {
        if !Arc::ptr_eq(&self.set, set) || self.exemptions != draft.profile.exemptions {
            *self = Self::at_version(set.clone(), draft, self.version + 1);
            return true;
        }
        let mut touched: Vec<String> = Vec::new();
        let mut rescore: Vec<usize> = Vec::new();
        for (code, now) in self.changed_responses(draft) {
            let Some(unit) = self.units.get_mut(&code) else {
                continue; // an answer to an item the set does not have
            };
            unit.response = now;
            if !rescore.contains(&unit.criterion) {
                rescore.push(unit.criterion);
            }
            touched.push(code);
        }
        for ci in rescore {
            let part = self.score_criterion(ci, &mut |code| touched.push(code.to_string()));
            if part != self.parts[ci] {
                self.parts[ci] = part;
                sum_up(&self.set, &self.parts, &mut self.report);
            }
        }
        if self.review != draft.review {
            self.review = draft.review.clone();
            self.version += 1;
            self.all_since = self.version;
            self.log.clear();
            return true;
        }
        if touched.is_empty() {
            return false;
        }
        self.version += 1;
        if self.log.len() == LOG_LEN {
            self.log.remove(0);
        }
        self.log.push((self.version, touched));
        true
    }

    /// The items whose response differs from the one scored, with the new
    /// response (None: removed), found by walking both maps in step.
    fn changed_responses(&self, draft: &Draft) -> Vec<(String, Option<Response>)> {
        let mut out = Vec::new();
        let mut theirs = draft.responses.iter().peekable();
        let mut ours = self
            .units
            .iter()
            .filter_map(|(code, u)| Some((code, u.response.as_ref()?)))
            .peekable();
        loop {
            match (theirs.peek(), ours.peek()) {
                (None, None) => break,
                (Some((code, r)), None) => {
                    out.push((code.to_string(), Some((*r).clone())));
                    theirs.next();
                }
                (None, Some((code, _))) => {
                    out.push((code.to_string(), None));
                    ours.next();
                }
                (Some((tc, tr)), Some((oc, or))) => match tc.cmp(oc) {
                    std::cmp::Ordering::Less => {
                        out.push((tc.to_string(), Some((*tr).clone())));
                        theirs.next();
                    }
                    std::cmp::Ordering::Greater => {
                        out.push((oc.to_string(), None));
                        ours.next();
                    }
                    std::cmp::Ordering::Equal => {
                        if tr != or {
                            out.push((tc.to_string(), Some((*tr).clone())));
                        }
                        theirs.next();
                        ours.next();
                    }
                },
            }
        }
        out
    }

    /// Scores criterion `ci` from the responses seen: its items' scores and
    /// open flags are stored, and `touched` hears of each item whose score
    /// or flags changed.
    fn score_criterion(&mut self, ci: usize, touched: &mut dyn FnMut(&str)) -> CriterionPart {
        let set = self.set.clone();
        let (fi, ki) = self.criteria[ci];
        let field = &set.fields[fi];
        let criterion = &field.criteria[ki];
        let mut answers = Answers::new();
        for u in criterion.units(field) {
            let response = self.units.get(u.code).and_then(|s| s.response.as_ref());
            if let Some(a) = answer_of(&u, response, self.exempted.get(u.code)) {
                answers.insert(u.code.to_string(), a);
            }
        }
        let mut scores = Vec::new();
        let part = score_criterion(field, criterion, &answers, &Overrides::new(), &mut |s| {
            scores.push(s)
        });
        for unit in criterion.units(field) {
            let Some(i) = scores.iter().position(|s| s.code == unit.code) else {
                continue;
            };
            let score = scores.swap_remove(i);
            let Some(state) = self.units.get_mut(unit.code) else {
                continue;
            };
            let flags = open_flags(&unit, &score, state.response.as_ref());
            let was = std::mem::replace(&mut state.flags, flags);
            match (was.lacking_evidence, flags.lacking_evidence) {
                (false, true) => self.lacking_by_field[fi] += 1,
                (true, false) => self.lacking_by_field[fi] -= 1,
                _ => {}
            }
            let old = self.report.items.get(unit.code);
            if was != flags || old != Some(&score) {
                touched(unit.code);
                self.report.items.insert(unit.code.to_string(), score);
            }
        }
        part
    }

    pub fn set(&self) -> &Arc<CriteriaSet> {
        &self.set
    }

    pub fn report(&self) -> &ScoreReport {
        &self.report
    }

    /// The exemption's label, for an item not scored for this agency.
    pub fn exempt(&self, code: &str) -> Option<&String> {
        self.exempted.get(code)
    }

    /// Scores above 0 with neither evidence nor explanation.
    pub fn lacking(&self, code: &str) -> bool {
        self.units
            .get(code)
            .is_some_and(|u| u.flags.lacking_evidence)
    }

    /// One criterion's share of the score: its points and how many of its
    /// items are answered. By the field's and the criterion's positions.
    pub fn part(&self, field: usize, criterion: usize) -> Option<&CriterionPart> {
        // `criteria` lists every field's criteria in the set's order
        let fields = self.set.fields.get(..=field)?;
        (criterion < fields[field].criteria.len()).then(|| {
            let before: usize = fields[..field].iter().map(|f| f.criteria.len()).sum();
            &self.parts[before + criterion]
        })
    }

    /// Some consecutive criteria of a field taken together (a part of a
    /// long field): items answered, items to answer, points and the
    /// applicable maximum.
    pub fn progress(&self, field: usize, criteria: std::ops::Range<usize>) -> Progress {
        criteria
            .filter_map(|ci| self.part(field, ci))
            .fold(Progress::default(), |t, p| Progress {
                answered: t.answered + p.answered,
                answerable: t.answerable + p.answerable,
                points: t.points + p.score.points,
                applicable_max: t.applicable_max + p.score.applicable_max,
            })
    }

    /// The first criterion of a field with an item still to answer, by its
    /// position in the field: where an agency picks its work up again.
    pub fn first_unfinished(&self, field: usize) -> Option<usize> {
        self.criteria
            .iter()
            .zip(&self.parts)
            .find(|((f, _), p)| *f == field && p.answered < p.answerable)
            .map(|((_, c), _)| *c)
    }

    /// Per field, in the set's order: how many items lack evidence.
    pub fn lacking_by_field(&self) -> &[usize] {
        &self.lacking_by_field
    }

    /// Everything still open, in the set's order.
    pub fn outstanding(&self) -> Outstanding {
        let mut out = Outstanding {
            lacking_by_field: vec![0; self.set.fields.len()],
            ..Outstanding::default()
        };
        for (fi, field) in self.set.fields.iter().enumerate() {
            for unit in field.criteria.iter().flat_map(|c| c.units(field)) {
                if let Some(u) = self.units.get(unit.code) {
                    out.add(fi, unit.code, u.flags);
                }
            }
        }
        out
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    /// What changed after `version`.
    pub fn changes_since(&self, version: u64) -> Changes<'_> {
        let remembered =
            self.log.first().is_some_and(|(v, _)| *v <= version + 1) || self.version == version;
        if self.all_since > version || !remembered {
            return Changes::All;
        }
        Changes::Items(
            self.log
                .iter()
                .filter(|(v, _)| *v > version)
                .flat_map(|(_, codes)| codes.iter().map(String::as_str))
                .collect(),
        )
    }
}

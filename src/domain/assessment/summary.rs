//! What the focal point needs to know at every moment: what is still
//! missing, which scores lack evidence, where points are lost, and how far
//! the next class is. Pure functions over a draft and its score report.

use super::draft::{Draft, Response};
use crate::domain::base::decimal::Dec;
use crate::domain::base::text::fold_vi;
use crate::domain::criteria::set::{CriteriaSet, Rule, ScoredUnit};
use crate::domain::scoring::answer::{ItemScore, ItemStatus};
use crate::domain::scoring::engine::{index_of, ScoreReport};

/// An item scoring above 0 (or a bonus) with neither a cited document nor a
/// giải trình: appraisers cut such scores ("thiếu tài liệu kiểm chứng").
/// Deductions are the appraiser's business and never flagged.
pub fn lacks_evidence(unit: &ScoredUnit, score: &ItemScore, response: Option<&Response>) -> bool {
    if matches!(unit.rule, Rule::Deduction { .. }) || score.status != ItemStatus::Scored {
        return false;
    }
    if score.points.is_zero() {
        return false;
    }
    response.is_none_or(|r| !r.has_evidence() && !r.has_explanation())
}

/// An item the agency itself declared not applicable (an exemption in its
/// profile needs no reason) with neither an explanation nor a document: the
/// item leaves the maximum, so appraisers ask why.
pub fn na_without_reason(r: &Response) -> bool {
    r.not_applicable && !r.has_explanation() && !r.has_evidence()
}

/// What is still open, in the set's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outstanding {
    pub unanswered: Vec<String>,
    pub lacking_evidence: Vec<String>,
    /// Items whose input has a problem or that the engine cannot score.
    pub input_errors: Vec<String>,
    /// Per field, in the set's order: how many items lack evidence.
    pub lacking_by_field: Vec<usize>,
    /// Items the agency declared not applicable without saying why.
    pub na_unexplained: Vec<String>,
}

pub fn outstanding(set: &CriteriaSet, draft: &Draft, report: &ScoreReport) -> Outstanding {
    let mut out = Outstanding {
        lacking_by_field: vec![0; set.fields.len()],
        ..Outstanding::default()
    };
    for (fi, field) in set.fields.iter().enumerate() {
        for unit in field.criteria.iter().flat_map(|c| c.units(field)) {
            let Some(score) = report.items.get(unit.code) else {
                continue;
            };
            let flags = open_flags(&unit, score, draft.responses.get(unit.code));
            out.add(fi, unit.code, flags);
        }
    }
    out
}

impl Outstanding {
    /// Adds one item of field `fi` (items come in the set's order).
    pub fn add(&mut self, fi: usize, code: &str, flags: OpenFlags) {
        if flags.input_error {
            self.input_errors.push(code.to_string());
        } else if flags.unanswered {
            self.unanswered.push(code.to_string());
        }
        if flags.lacking_evidence {
            self.lacking_evidence.push(code.to_string());
            self.lacking_by_field[fi] += 1;
        }
        if flags.na_unexplained {
            self.na_unexplained.push(code.to_string());
        }
    }
}

/// What is open on one item (see [`Outstanding`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenFlags {
    /// Its input has a problem, or the engine cannot score it.
    pub input_error: bool,
    pub unanswered: bool,
    pub lacking_evidence: bool,
    pub na_unexplained: bool,
}

/// What is open on one item, from its score and what was typed.
pub fn open_flags(unit: &ScoredUnit, score: &ItemScore, response: Option<&Response>) -> OpenFlags {
    let has_problem = response.is_some_and(|r| !r.read(unit).problems.is_empty());
    OpenFlags {
        input_error: has_problem || score.status == ItemStatus::Invalid,
        unanswered: score.status == ItemStatus::Unanswered,
        lacking_evidence: lacks_evidence(unit, score, response),
        na_unexplained: score.status == ItemStatus::NotApplicable
            && response.is_some_and(na_without_reason),
    }
}

/// One line of "Điểm bị mất".
#[derive(Clone, Debug, PartialEq)]
pub struct LostPoints {
    pub code: String,
    pub title: String,
    pub lost: Dec,
    pub reason: String,
}

/// Items that lose points, most first (ties in the set's order). An
/// unanswered item loses its whole maximum; a deduction loses what it takes.
pub fn points_lost(set: &CriteriaSet, report: &ScoreReport) -> Vec<LostPoints> {
    let mut out: Vec<LostPoints> = set
        .scored_units()
        .filter_map(|u| {
            let s = report.items.get(u.code)?;
            let lost = match u.rule {
                Rule::Deduction { .. } => s.points,
                Rule::Bonus { .. } | Rule::Survey {} => Dec::ZERO,
                _ => s.points_lost(),
            };
            (lost > Dec::ZERO).then(|| LostPoints {
                code: u.code.to_string(),
                title: u.title_shown().to_string(),
                lost,
                reason: s.reason.clone(),
            })
        })
        .collect();
    // stable sort keeps the set's order among equal losses
    out.sort_by(|a, b| b.lost.cmp(&a.lost));
    out
}

/// How many more points reach the next class up.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassGap {
    pub label: String,
    /// None when even the maximum (with all bonus) does not reach it.
    pub needed: Option<Dec>,
}

/// The next class above the current one and the points it takes, found on
/// the rounded index exactly as the class itself is found. None when there is
/// no index yet or the top class is already reached.
pub fn next_class_gap(set: &CriteriaSet, report: &ScoreReport) -> Option<ClassGap> {
    let index = report.index?;
    let current_min = report
        .class
        .as_ref()
        .and_then(|c| set.bands.iter().find(|b| &b.label == c))
        .and_then(|b| b.min);
    let target = set
        .bands
        .iter()
        .filter(|b| match (b.min, current_min) {
            (Some(m), Some(c)) => m > c,
            (Some(m), None) => m >= index,
            (None, _) => false,
        })
        .min_by_key(|b| b.min)?;
    let bonus_room = set
        .bonus_cap
        .map(|cap| (cap - report.bonus).max(Dec::ZERO))
        .unwrap_or(Dec::ZERO);
    let ceiling = report.applicable_max + bonus_room;
    let range = target.range();
    let mut t = report.total.hundredths() + 1;
    // at most the applicable maximum in hundredths: 10 000 steps for 100 points
    while t <= ceiling.hundredths() {
        let total = Dec::from_hundredths(t);
        if index_of(total, report.applicable_max).is_some_and(|i| range.contains(i)) {
            return Some(ClassGap {
                label: target.label_shown().to_string(),
                needed: Some(total - report.total),
            });
        }
        t += 1;
    }
    Some(ClassGap {
        label: target.label_shown().to_string(),
        needed: None,
    })
}

/// A search hit: the item and the field that holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub code: String,
    pub title: String,
    pub field: String,
}

/// Items whose code starts with the query, or whose title holds every word
/// of it (accents optional). At most `limit` hits, in the set's order.
pub fn search(set: &CriteriaSet, query: &str, limit: usize) -> Vec<Hit> {
    let q = fold_vi(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let words: Vec<&str> = q.split_whitespace().collect();
    let mut hits = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for field in &set.fields {
        for criterion in &field.criteria {
            let units = criterion.units(field);
            // a criterion with items is found through its items
            for u in units {
                let title = fold_vi(u.title);
                let parent = fold_vi(&u.criterion.title);
                let matches = u.code.starts_with(q.as_str())
                    || words
                        .iter()
                        .all(|w| title.contains(w) || parent.contains(w));
                if matches && seen.insert(u.code.to_string()) {
                    hits.push(Hit {
                        code: u.code.to_string(),
                        title: u.title_shown().to_string(),
                        field: field.code.clone(),
                    });
                    if hits.len() == limit {
                        return hits;
                    }
                }
            }
        }
    }
    hits
}

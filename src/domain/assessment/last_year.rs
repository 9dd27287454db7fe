//! Last year beside this year: what the agency scored itself last year and
//! what the council appraised, kept in this year's draft, and the comparison
//! per field and per item with this year's scores.
//!
//! Items are matched by code. An item whose rule or maximum changed between
//! the two sets is flagged, so a drop is not read as a worse result when the
//! yardstick moved.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::draft::Draft;
use super::review_file::{appraised_scores, ReviewFile};
use crate::domain::base::decimal::Dec;
use crate::domain::criteria::rule_text::rule_line;
use crate::domain::criteria::set::CriteriaSet;
use crate::domain::scoring::answer::{ItemScore, ItemStatus};
use crate::domain::scoring::engine::ScoreReport;

/// Last year's result, as kept in this year's draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LastYear {
    /// The assessment year, e.g. "2025".
    pub year: String,
    pub agency_name: String,
    /// "id@version" of last year's set.
    pub set_key: String,
    /// Where it was taken from (a file's name, or a draft's), for the user.
    pub source: String,
    pub self_total: Dec,
    pub self_index: Option<Dec>,
    pub self_class: Option<String>,
    /// Present when last year's appraisal result came with it.
    pub appraised_total: Option<Dec>,
    pub appraised_index: Option<Dec>,
    pub appraised_class: Option<String>,
    pub fields: Vec<LastField>,
    /// By item code.
    pub items: BTreeMap<String, LastItem>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LastField {
    pub code: String,
    pub title: String,
    pub applicable_max: Dec,
    pub self_points: Dec,
    pub appraised_points: Option<Dec>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LastItem {
    pub title: String,
    pub max: Dec,
    /// None when it was not scored (unanswered, not applicable, survey).
    pub self_points: Option<Dec>,
    pub not_applicable: bool,
    pub appraised: Option<Dec>,
    /// The rule in words ("Có: 1 điểm; Không: 0 điểm"), in the language of
    /// the day it was taken, for people.
    pub rule: String,
    /// The rule as the set writes it, for comparing: the same whatever the
    /// interface language.
    pub rule_json: String,
}

/// A rule as the set writes it (its JSON), to compare two years' rules.
fn rule_json(rule: &crate::domain::criteria::set::Rule) -> String {
    serde_json::to_string(rule).unwrap_or_default()
}

fn scored(s: Option<&ItemScore>) -> Option<Dec> {
    s.filter(|s| matches!(s.status, ItemStatus::Scored | ItemStatus::Invalid))
        .map(|s| s.points)
}

impl LastYear {
    /// Last year's draft on last year's set, with the appraisal it received
    /// (if any). `source` says where it came from.
    pub fn of(
        set: &CriteriaSet,
        draft: &Draft,
        review: Option<&ReviewFile>,
        source: &str,
    ) -> LastYear {
        let mine = draft.score(set);
        let theirs = review.map(|r| appraised_scores(set, &draft.answers(set), &r.items));
        let year = if draft.profile.year.trim().is_empty() {
            set.year.to_string()
        } else {
            draft.profile.year.trim().to_string()
        };
        LastYear {
            year,
            agency_name: draft.profile.name.trim().to_string(),
            set_key: format!("{}@{}", set.id, set.version),
            source: source.to_string(),
            self_total: mine.total,
            self_index: mine.index,
            self_class: mine.class.as_deref().map(|c| set.class_text(Some(c))),
            appraised_total: theirs.as_ref().map(|t| t.total),
            appraised_index: theirs.as_ref().and_then(|t| t.index),
            appraised_class: theirs
                .as_ref()
                .and_then(|t| t.class.as_deref().map(|c| set.class_text(Some(c)))),
            fields: set
                .fields
                .iter()
                .zip(&mine.fields)
                .enumerate()
                .map(|(i, (f, s))| LastField {
                    code: f.code.clone(),
                    title: f.title_shown().to_string(),
                    applicable_max: s.applicable_max,
                    self_points: s.points + s.bonus,
                    appraised_points: theirs
                        .as_ref()
                        .and_then(|t| t.fields.get(i))
                        .map(|t| t.points + t.bonus),
                })
                .collect(),
            items: set
                .scored_units()
                .map(|u| {
                    let s = mine.items.get(u.code);
                    let item = LastItem {
                        title: u.title_shown().to_string(),
                        max: u.max,
                        self_points: scored(s),
                        not_applicable: s.is_some_and(|s| s.status == ItemStatus::NotApplicable),
                        appraised: theirs.as_ref().and_then(|t| scored(t.items.get(u.code))),
                        rule: rule_line(u.rule, u.max),
                        rule_json: rule_json(u.rule),
                    };
                    (u.code.to_string(), item)
                })
                .collect(),
        }
    }

    /// The figure a change is measured from: the appraised one when the
    /// council's result came with it, else the self-score.
    pub fn basis(&self) -> &'static str {
        if self.appraised_total.is_some() {
            t!("điểm thẩm định năm trước", "last year's appraised score")
        } else {
            t!("điểm tự chấm năm trước", "last year's self-score")
        }
    }
}

impl Draft {
    /// Last year's result kept in the draft (None when there is none, or
    /// when what is kept cannot be read: the comparison is then offered
    /// again, and nothing of this year's work depends on it).
    pub fn last_year_result(&self) -> Option<LastYear> {
        serde_json::from_str(self.last_year.as_deref()?).ok()
    }

    pub fn set_last_year_result(&mut self, last: Option<&LastYear>) {
        self.last_year = last.and_then(|l| serde_json::to_string(l).ok());
    }
}

/// How an item of this year's set relates to last year's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Match {
    /// Same code, same rule and maximum.
    Same,
    /// Same code, but the rule or the maximum changed; last year's rule.
    RuleChanged(String),
    /// No item with this code last year.
    New,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRow {
    pub code: String,
    pub title: String,
    pub now: Dec,
    pub now_max: Dec,
    pub last_self: Option<Dec>,
    pub last_appraised: Option<Dec>,
    pub last_max: Option<Dec>,
    /// This year minus last year's basis.
    pub change: Option<Dec>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRow {
    pub code: String,
    pub title: String,
    pub max: Dec,
    pub now: Option<Dec>,
    pub last_self: Option<Dec>,
    pub last_appraised: Option<Dec>,
    pub change: Option<Dec>,
    pub matched: Match,
}

/// This year's scores beside last year's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub fields: Vec<FieldRow>,
    pub items: Vec<ItemRow>,
    /// Last year's items with no item of that code this year: (code, title).
    pub dropped: Vec<(String, String)>,
    pub now_total: Dec,
    pub now_index: Option<Dec>,
    pub last_total: Dec,
    pub last_index: Option<Dec>,
    pub total_change: Dec,
}

impl Comparison {
    pub fn rule_changes(&self) -> usize {
        self.items
            .iter()
            .filter(|r| matches!(r.matched, Match::RuleChanged(_)))
            .count()
    }

    /// Items with a change in points, largest drops first.
    pub fn biggest_drops(&self, n: usize) -> Vec<&ItemRow> {
        let mut v: Vec<&ItemRow> = self
            .items
            .iter()
            .filter(|r| r.change.is_some_and(|c| c.is_negative()))
            .collect();
        v.sort_by_key(|r| r.change);
        v.truncate(n);
        v
    }
}

/// Compares this year's `report` on `set` with `last`.
pub fn compare(set: &CriteriaSet, report: &ScoreReport, last: &LastYear) -> Comparison {
    let basis_item = |l: &LastItem| l.appraised.or(l.self_points);
    let fields = set
        .fields
        .iter()
        .zip(&report.fields)
        .map(|(f, s)| {
            let l = last.fields.iter().find(|l| l.code == f.code);
            let now = s.points + s.bonus;
            let basis = l.map(|l| l.appraised_points.unwrap_or(l.self_points));
            FieldRow {
                code: f.code.clone(),
                title: f.title_shown().to_string(),
                now,
                now_max: s.applicable_max,
                last_self: l.map(|l| l.self_points),
                last_appraised: l.and_then(|l| l.appraised_points),
                last_max: l.map(|l| l.applicable_max),
                change: basis.map(|b| now - b),
            }
        })
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    let items = set
        .scored_units()
        .map(|u| {
            seen.insert(u.code);
            let now = scored(report.items.get(u.code));
            let l = last.items.get(u.code);
            let matched = match l {
                None => Match::New,
                Some(l) if l.max != u.max || l.rule_json != rule_json(u.rule) => {
                    Match::RuleChanged(l.rule.clone())
                }
                Some(_) => Match::Same,
            };
            let change = match (now, l.and_then(basis_item)) {
                (Some(n), Some(b)) => Some(n - b),
                _ => None,
            };
            ItemRow {
                code: u.code.to_string(),
                title: u.title_shown().to_string(),
                max: u.max,
                now,
                last_self: l.and_then(|l| l.self_points),
                last_appraised: l.and_then(|l| l.appraised),
                change,
                matched,
            }
        })
        .collect();
    let dropped = last
        .items
        .iter()
        .filter(|(c, _)| !seen.contains(c.as_str()))
        .map(|(c, l)| (c.clone(), l.title.clone()))
        .collect();
    let last_total = last.appraised_total.unwrap_or(last.self_total);
    let last_index = if last.appraised_total.is_some() {
        last.appraised_index
    } else {
        last.self_index
    };
    Comparison {
        fields,
        items,
        dropped,
        now_total: report.total,
        now_index: report.index,
        last_total,
        last_index,
        total_change: report.total - last_total,
    }
}

/// A change in points as shown: "+1,5", "−0,25", "0".
pub fn change_text(d: Dec) -> String {
    if d.is_negative() {
        format!("−{}", (-d).shown())
    } else if d.is_zero() {
        "0".into()
    } else {
        format!("+{}", d.shown())
    }
}

/// Whether `last` may be compared with a draft of `this_year`: it must be
/// from an earlier year.
pub fn year_problem(last_year: &str, this_year: &str) -> Option<String> {
    let (Ok(l), Ok(t)) = (
        last_year.trim().parse::<u32>(),
        this_year.trim().parse::<u32>(),
    ) else {
        return None;
    };
    (l >= t).then(|| {
        tf!(
            "tệp là kết quả năm {l}, không phải của một năm trước năm {t} của bản đang mở",
            "the file is the result of {l}, not of a year before this draft's {t}"
        )
    })
}

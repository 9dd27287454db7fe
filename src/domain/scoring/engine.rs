//! The scoring engine: answers in, an exact [`ScoreReport`] out.
//!
//! Rules of arithmetic (documented in docs/criteria-set-format.md):
//! - all points are exact hundredths; the only rounding is half-up to the
//!   hundredth after a division (ratio × maximum, percentage deductions, index);
//! - a not-applicable item removes its maximum from the applicable maximum;
//! - deductions subtract from their criterion, never below 0;
//! - bonus points add to the total, capped by the set's `bonus_cap`;
//! - survey items are not self-scored: their maximum is reported apart and
//!   left out of the self-assessment's applicable maximum;
//! - index = points ÷ applicable maximum × 100, rounded half-up to 0,01%,
//!   and the class is looked up on that rounded index (the number people see).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::answer::{Answers, ItemScore, ItemStatus};
use super::rules::{score_deduction, score_unit};
use crate::domain::base::decimal::Dec;
use crate::domain::criteria::rule_text::points_text;
use crate::domain::criteria::set::{CriteriaSet, Criterion, Field, Rule};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionScore {
    pub code: String,
    pub max: Dec,
    pub applicable_max: Dec,
    /// After deductions, never below 0.
    pub points: Dec,
    pub deducted: Dec,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldScore {
    pub code: String,
    /// Declared maximum, survey items included.
    pub max: Dec,
    pub survey_max: Dec,
    pub applicable_max: Dec,
    pub points: Dec,
    /// Bonus earned in this field (before the set-wide cap).
    pub bonus: Dec,
    /// points ÷ applicable_max × 100 (bonus excluded); None when nothing applies.
    pub index: Option<Dec>,
    pub answered: usize,
    pub answerable: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoreReport {
    pub items: BTreeMap<String, ItemScore>,
    pub criteria: Vec<CriterionScore>,
    pub fields: Vec<FieldScore>,
    /// Self-assessable maximum (declared total minus survey).
    pub max: Dec,
    pub survey_max: Dec,
    pub applicable_max: Dec,
    /// Points from the fields, before bonus.
    pub points: Dec,
    pub bonus_earned: Dec,
    /// Bonus after the set's cap.
    pub bonus: Dec,
    /// points + bonus.
    pub total: Dec,
    pub index: Option<Dec>,
    pub class: Option<String>,
    pub answered: usize,
    pub answerable: usize,
}

/// Index in hundredths of a percent, half-up; None when `max` is zero.
pub fn index_of(points: Dec, max: Dec) -> Option<Dec> {
    (max.hundredths() > 0)
        .then(|| Dec::from_ratio(points.hundredths() as i128 * 100, max.hundredths() as i128))
}

/// Scores every unit of the set against the answers.
pub fn score(set: &CriteriaSet, answers: &Answers) -> ScoreReport {
    score_with(set, answers, &BTreeMap::new())
}

/// Points fixed by an appraiser (điểm thẩm định), by item code. They replace
/// the points the answer earns; for a deduction item, the amount deducted.
pub type Overrides = BTreeMap<String, Dec>;

/// Scores like [`score`], with some items' points set by the appraisal; the
/// sums, caps, index and class follow the same rules.
pub fn score_with(set: &CriteriaSet, answers: &Answers, overrides: &Overrides) -> ScoreReport {
    let mut items = BTreeMap::new();
    let mut parts = Vec::new();
    for field in &set.fields {
        for criterion in &field.criteria {
            parts.push(score_criterion(
                field,
                criterion,
                answers,
                overrides,
                &mut |s| {
                    items.insert(s.code.clone(), s);
                },
            ));
        }
    }
    let mut report = ScoreReport {
        items,
        criteria: Vec::new(),
        fields: Vec::new(),
        max: Dec::ZERO,
        survey_max: Dec::ZERO,
        applicable_max: Dec::ZERO,
        points: Dec::ZERO,
        bonus_earned: Dec::ZERO,
        bonus: Dec::ZERO,
        total: Dec::ZERO,
        index: None,
        class: None,
        answered: 0,
        answerable: 0,
    };
    sum_up(set, &parts, &mut report);
    report
}

/// One criterion's share of a report: its score, and what it adds to its
/// field. A criterion is scored from its own items' answers alone, so a
/// changed answer needs only its criterion scored again (see
/// `assessment::live`), then [`sum_up`].
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionPart {
    pub score: CriterionScore,
    pub bonus: Dec,
    pub survey_max: Dec,
    pub answered: usize,
    pub answerable: usize,
}

/// The appraiser's points in place of the answer's, where there are some.
fn appraised(mut s: ItemScore, overrides: &Overrides) -> ItemScore {
    if let Some(p) = overrides.get(&s.code) {
        if s.status != ItemStatus::Survey && s.status != ItemStatus::NotApplicable {
            s.reason = tf!(
                "Điểm thẩm định {} (tự chấm: {})",
                "Appraised score {} (self-score: {})",
                points_text(*p),
                s.reason
            );
            s.points = *p;
            s.status = ItemStatus::Scored;
        }
    }
    s
}

/// Scores one criterion's units (its items, or itself when scored
/// directly); each item's score goes to `item`, in the set's order.
pub fn score_criterion(
    field: &Field,
    criterion: &Criterion,
    answers: &Answers,
    overrides: &Overrides,
    item: &mut dyn FnMut(ItemScore),
) -> CriterionPart {
    let mut part = CriterionPart {
        score: CriterionScore {
            code: criterion.code.clone(),
            max: Dec::ZERO,
            applicable_max: Dec::ZERO,
            points: Dec::ZERO,
            deducted: Dec::ZERO,
        },
        bonus: Dec::ZERO,
        survey_max: Dec::ZERO,
        answered: 0,
        answerable: 0,
    };
    let mut before = Dec::ZERO;
    let mut applicable = Dec::ZERO;
    let mut deductions = Vec::new();
    for unit in criterion.units(field) {
        let answer = answers.get(unit.code);
        if !unit.rule.is_survey() {
            part.answerable += 1;
            if answer.is_some_and(|a| a.value.is_some() || a.not_applicable) {
                part.answered += 1;
            }
        }
        match unit.rule {
            Rule::Deduction { .. } => deductions.push(unit),
            Rule::Bonus { .. } => {
                let s = appraised(score_unit(&unit, answer), overrides);
                part.bonus += s.points;
                item(s);
            }
            _ => {
                let s = appraised(score_unit(&unit, answer), overrides);
                if s.status == ItemStatus::Survey {
                    part.survey_max += unit.max;
                }
                before += s.points;
                applicable += s.applicable_max;
                item(s);
            }
        }
    }
    // Deductions come last: a percentage applies to the criterion's
    // points before any deduction, and the result never drops below 0.
    let mut deducted = Dec::ZERO;
    for unit in deductions {
        let mut s = appraised(
            score_deduction(&unit, answers.get(unit.code), before),
            overrides,
        );
        let room = (before - deducted).max(Dec::ZERO);
        if s.points > room {
            s.points = room;
            s.reason.push_str(&tf!(
                " (chỉ trừ {} để điểm tiêu chí không âm)",
                " (only {} deducted so the criterion's score is not negative)",
                points_text(room)
            ));
        }
        deducted += s.points;
        item(s);
    }
    part.score.max = if criterion
        .rule
        .as_ref()
        .is_some_and(|r| !r.counts_toward_max())
    {
        Dec::ZERO
    } else {
        criterion.max
    };
    part.score.applicable_max = applicable;
    part.score.points = (before - deducted).max(Dec::ZERO);
    part.score.deducted = deducted;
    part
}

/// Rewrites the report's criteria, fields and totals from the criteria's
/// parts (in the set's order): the fields' sums, the capped bonus, the
/// index and the class. Its items are left as they are.
pub fn sum_up(set: &CriteriaSet, parts: &[CriterionPart], report: &mut ScoreReport) {
    let mut parts = parts.iter();
    report.criteria.clear();
    report.fields.clear();
    for field in &set.fields {
        let mut fs = FieldScore {
            code: field.code.clone(),
            max: field.max,
            survey_max: Dec::ZERO,
            applicable_max: Dec::ZERO,
            points: Dec::ZERO,
            bonus: Dec::ZERO,
            index: None,
            answered: 0,
            answerable: 0,
        };
        for part in parts.by_ref().take(field.criteria.len()) {
            fs.survey_max += part.survey_max;
            fs.bonus += part.bonus;
            fs.answered += part.answered;
            fs.answerable += part.answerable;
            fs.points += part.score.points;
            fs.applicable_max += part.score.applicable_max;
            report.criteria.push(part.score.clone());
        }
        fs.index = index_of(fs.points, fs.applicable_max);
        report.fields.push(fs);
    }
    let fields = &report.fields;
    let points: Dec = fields.iter().map(|f| f.points).sum();
    let bonus_earned: Dec = fields.iter().map(|f| f.bonus).sum();
    let bonus = match set.bonus_cap {
        Some(cap) => bonus_earned.min(cap),
        None => bonus_earned,
    };
    let applicable_max: Dec = fields.iter().map(|f| f.applicable_max).sum();
    let survey_max: Dec = fields.iter().map(|f| f.survey_max).sum();
    let total = points + bonus;
    let index = index_of(total, applicable_max);
    report.max = fields.iter().map(|f| f.max).sum::<Dec>() - survey_max;
    report.answered = fields.iter().map(|f| f.answered).sum();
    report.answerable = fields.iter().map(|f| f.answerable).sum();
    report.survey_max = survey_max;
    report.applicable_max = applicable_max;
    report.points = points;
    report.bonus_earned = bonus_earned;
    report.bonus = bonus;
    report.total = total;
    report.index = index;
    report.class = index
        .and_then(|i| set.class_for(i))
        .map(|b| b.label.clone());
}

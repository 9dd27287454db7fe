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
use crate::domain::criteria::set::{CriteriaSet, Rule, ScoredUnit};

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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    let apply = |mut s: ItemScore| {
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
    };
    let mut items = BTreeMap::new();
    let mut criteria = Vec::new();
    let mut fields = Vec::new();
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
        for criterion in &field.criteria {
            let units: Vec<ScoredUnit> = criterion.units(field).collect();
            let mut before = Dec::ZERO;
            let mut applicable = Dec::ZERO;
            let mut deductions = Vec::new();
            for unit in &units {
                let answer = answers.get(unit.code);
                if !unit.rule.is_survey() {
                    fs.answerable += 1;
                    if answer.is_some_and(|a| a.value.is_some() || a.not_applicable) {
                        fs.answered += 1;
                    }
                }
                match unit.rule {
                    Rule::Deduction { .. } => deductions.push(*unit),
                    Rule::Bonus { .. } => {
                        let s = apply(score_unit(unit, answer));
                        fs.bonus += s.points;
                        items.insert(s.code.clone(), s);
                    }
                    _ => {
                        let s = apply(score_unit(unit, answer));
                        if s.status == ItemStatus::Survey {
                            fs.survey_max += unit.max;
                        }
                        before += s.points;
                        applicable += s.applicable_max;
                        items.insert(s.code.clone(), s);
                    }
                }
            }
            // Deductions come last: a percentage applies to the criterion's
            // points before any deduction, and the result never drops below 0.
            let mut deducted = Dec::ZERO;
            for unit in deductions {
                let mut s = apply(score_deduction(&unit, answers.get(unit.code), before));
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
                items.insert(s.code.clone(), s);
            }
            let max = if criterion
                .rule
                .as_ref()
                .is_some_and(|r| !r.counts_toward_max())
            {
                Dec::ZERO
            } else {
                criterion.max
            };
            let cs = CriterionScore {
                code: criterion.code.clone(),
                max,
                applicable_max: applicable,
                points: (before - deducted).max(Dec::ZERO),
                deducted,
            };
            fs.points += cs.points;
            fs.applicable_max += cs.applicable_max;
            criteria.push(cs);
        }
        fs.index = index_of(fs.points, fs.applicable_max);
        fields.push(fs);
    }

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
    let class = index
        .and_then(|i| set.class_for(i))
        .map(|b| b.label.clone());
    ScoreReport {
        items,
        criteria,
        max: fields.iter().map(|f| f.max).sum::<Dec>() - survey_max,
        survey_max,
        applicable_max,
        points,
        bonus_earned,
        bonus,
        total,
        index,
        class,
        answered: fields.iter().map(|f| f.answered).sum(),
        answerable: fields.iter().map(|f| f.answerable).sum(),
        fields,
    }
}

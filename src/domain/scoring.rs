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

use super::criteria_set::{CriteriaSet, Rule, ScoredUnit, ZeroDenominator};
use super::decimal::Dec;
use super::rule_text::{capitalise, deduction_text, points_text, range_text};

/// What the agency answered for one item (keyed by the item's code).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    /// "Không áp dụng", allowed only where the set says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable: bool,
}

/// The value of an answer; its shape follows the item's rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AnswerValue {
    /// An option of a levels, bonus or deduction rule.
    Option {
        id: String,
    },
    YesNo {
        yes: bool,
    },
    Percent {
        percent: Dec,
    },
    Fraction {
        numerator: Dec,
        denominator: Dec,
    },
    Count {
        count: u64,
    },
    /// A direct score.
    Points {
        points: Dec,
    },
}

pub type Answers = BTreeMap<String, Answer>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Unanswered,
    NotApplicable,
    Scored,
    /// The answer cannot be scored (out of range, unknown option…): counts 0.
    Invalid,
    /// Scored by the survey, not by the agency.
    Survey,
}

/// The outcome for one scored unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemScore {
    pub code: String,
    pub status: ItemStatus,
    /// The maximum that counts toward the criterion (0 for bonus/deduction).
    pub max: Dec,
    /// The maximum that counts toward the index (0 when N/A or survey).
    pub applicable_max: Dec,
    /// Points earned. For a bonus item, the bonus; for a deduction item, the
    /// amount actually subtracted from its criterion.
    pub points: Dec,
    /// Why, in Vietnamese: "86% → 0,5 điểm (mức từ 80% đến dưới 100%)".
    pub reason: String,
}

impl ItemScore {
    /// Points lost against the applicable maximum.
    pub fn points_lost(&self) -> Dec {
        (self.applicable_max - self.points).max(Dec::ZERO)
    }
}

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

fn item(
    code: &str,
    status: ItemStatus,
    max: Dec,
    applicable: Dec,
    points: Dec,
    reason: String,
) -> ItemScore {
    ItemScore {
        code: code.to_string(),
        status,
        max,
        applicable_max: applicable,
        points,
        reason,
    }
}

/// Scores one unit that is not a deduction.
pub fn score_unit(unit: &ScoredUnit, answer: Option<&Answer>) -> ItemScore {
    let counted = if unit.rule.counts_toward_max() {
        unit.max
    } else {
        Dec::ZERO
    };
    let code = unit.code;
    if unit.rule.is_survey() {
        return item(
            code,
            ItemStatus::Survey,
            counted,
            Dec::ZERO,
            Dec::ZERO,
            tf!(
                "Chấm qua điều tra xã hội học (tối đa {})",
                "Scored by the sociological survey (at most {})",
                points_text(unit.max)
            ),
        );
    }
    let Some(answer) = answer else {
        return item(
            code,
            ItemStatus::Unanswered,
            counted,
            counted,
            Dec::ZERO,
            t!("Chưa trả lời", "Not answered").into(),
        );
    };
    if answer.not_applicable {
        return if unit.allow_na {
            item(
                code,
                ItemStatus::NotApplicable,
                counted,
                Dec::ZERO,
                Dec::ZERO,
                t!(
                    "Không áp dụng: không tính vào điểm tối đa",
                    "Not applicable: removed from the maximum"
                )
                .into(),
            )
        } else {
            invalid(
                code,
                counted,
                t!(
                    "Tiêu chí này không được chọn «không áp dụng»",
                    "This item may not be marked «not applicable»"
                ),
            )
        };
    }
    let Some(value) = &answer.value else {
        return item(
            code,
            ItemStatus::Unanswered,
            counted,
            counted,
            Dec::ZERO,
            t!("Chưa trả lời", "Not answered").into(),
        );
    };
    let scored = |points: Dec, reason: String| {
        item(code, ItemStatus::Scored, counted, counted, points, reason)
    };
    let na = |reason: &str| {
        item(
            code,
            ItemStatus::NotApplicable,
            counted,
            Dec::ZERO,
            Dec::ZERO,
            reason.to_string(),
        )
    };
    match (unit.rule, value) {
        (Rule::Levels { options } | Rule::Bonus { options }, AnswerValue::Option { id }) => {
            match options.iter().find(|o| &o.id == id) {
                Some(o) => scored(
                    o.points,
                    format!("{} → {}", o.label_shown(), points_text(o.points)),
                ),
                None => invalid(
                    code,
                    counted,
                    &tf!(
                        "Mức «{id}» không có trong bộ tiêu chí",
                        "Level «{id}» is not in the criteria set"
                    ),
                ),
            }
        }
        (
            Rule::YesNo {
                yes_label,
                no_label,
                yes_points,
                no_points,
            },
            AnswerValue::YesNo { yes },
        ) => {
            let (label, p) = if *yes {
                (
                    yes_label.as_deref().unwrap_or(t!("Có", "Yes")),
                    yes_points.unwrap_or(unit.max),
                )
            } else {
                (
                    no_label.as_deref().unwrap_or(t!("Không", "No")),
                    no_points.unwrap_or(Dec::ZERO),
                )
            };
            scored(p, format!("{label} → {}", points_text(p)))
        }
        (Rule::PercentBands { bands, .. }, AnswerValue::Percent { percent }) => {
            if percent.is_negative() || *percent > Dec::HUNDRED {
                return invalid(
                    code,
                    counted,
                    &tf!(
                        "Tỷ lệ {}% nằm ngoài khoảng 0–100%",
                        "Percentage {}% is outside 0–100%",
                        percent.shown()
                    ),
                );
            }
            band_score(bands, percent.hundredths() as i128, 100, "%")
                .map(|(p, r)| {
                    scored(
                        p,
                        tf!(
                            "{}% → {} (mức {r})",
                            "{}% → {} (band {r})",
                            percent.shown(),
                            points_text(p)
                        ),
                    )
                })
                .unwrap_or_else(|| {
                    invalid(
                        code,
                        counted,
                        t!(
                            "Không có mức nào chứa giá trị này",
                            "No band contains this value"
                        ),
                    )
                })
        }
        (
            Rule::PercentBands {
                bands,
                zero_denominator,
                ..
            },
            AnswerValue::Fraction {
                numerator,
                denominator,
            },
        ) => {
            if let Some(bad) = fraction_problem(*numerator, *denominator) {
                return invalid(code, counted, &bad);
            }
            if denominator.is_zero() {
                return match zero_denominator {
                    ZeroDenominator::NotApplicable => na(t!(
                        "Mẫu số bằng 0: không áp dụng",
                        "Denominator is 0: not applicable"
                    )),
                    ZeroDenominator::FullPoints => scored(
                        unit.max,
                        tf!(
                            "Mẫu số bằng 0 → {}",
                            "Denominator is 0 → {}",
                            points_text(unit.max)
                        ),
                    ),
                };
            }
            let (n, d) = (
                numerator.hundredths() as i128,
                denominator.hundredths() as i128,
            );
            let pct = Dec::from_ratio(n * 100, d);
            band_score(bands, n * 100, d, "%")
                .map(|(p, r)| {
                    scored(
                        p,
                        tf!(
                            "{}/{} = {}% → {} (mức {r})",
                            "{}/{} = {}% → {} (band {r})",
                            numerator.shown(),
                            denominator.shown(),
                            pct.shown(),
                            points_text(p)
                        ),
                    )
                })
                .unwrap_or_else(|| {
                    invalid(
                        code,
                        counted,
                        t!(
                            "Không có mức nào chứa giá trị này",
                            "No band contains this value"
                        ),
                    )
                })
        }
        (
            Rule::Ratio {
                zero_denominator, ..
            },
            AnswerValue::Fraction {
                numerator,
                denominator,
            },
        ) => {
            if let Some(bad) = fraction_problem(*numerator, *denominator) {
                return invalid(code, counted, &bad);
            }
            if denominator.is_zero() {
                return match zero_denominator {
                    ZeroDenominator::NotApplicable => na(t!(
                        "Mẫu số bằng 0: không áp dụng",
                        "Denominator is 0: not applicable"
                    )),
                    ZeroDenominator::FullPoints => scored(
                        unit.max,
                        tf!(
                            "Mẫu số bằng 0 → {}",
                            "Denominator is 0 → {}",
                            points_text(unit.max)
                        ),
                    ),
                };
            }
            let (n, d) = (
                numerator.hundredths() as i128,
                denominator.hundredths() as i128,
            );
            let p = Dec::from_ratio(n * unit.max.hundredths() as i128, d * 100).min(unit.max);
            let pct = Dec::from_ratio(n * 100, d);
            scored(
                p,
                tf!(
                    "{}/{} = {}% × {} → {}",
                    "{}/{} = {}% × {} → {}",
                    numerator.shown(),
                    denominator.shown(),
                    pct.shown(),
                    points_text(unit.max),
                    points_text(p)
                ),
            )
        }
        (Rule::CountBands { unit: u, bands }, AnswerValue::Count { count }) => {
            let suffix = u.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            band_score(bands, *count as i128 * 100, 100, &suffix)
                .map(|(p, r)| {
                    scored(
                        p,
                        tf!(
                            "{count}{suffix} → {} (mức {r})",
                            "{count}{suffix} → {} (band {r})",
                            points_text(p)
                        ),
                    )
                })
                .unwrap_or_else(|| {
                    invalid(
                        code,
                        counted,
                        t!(
                            "Không có mức nào chứa giá trị này",
                            "No band contains this value"
                        ),
                    )
                })
        }
        (Rule::Direct { step }, AnswerValue::Points { points }) => {
            if points.is_negative() || *points > unit.max {
                invalid(
                    code,
                    counted,
                    &tf!(
                        "Điểm {} nằm ngoài khoảng 0–{}",
                        "Score {} is outside 0–{}",
                        points.shown(),
                        unit.max.shown()
                    ),
                )
            } else if !points.is_zero() && !points.is_multiple_of(*step) {
                invalid(
                    code,
                    counted,
                    &tf!(
                        "Điểm {} không theo bước {}",
                        "Score {} is not on the {} step",
                        points.shown(),
                        step.shown()
                    ),
                )
            } else {
                scored(
                    *points,
                    tf!("Chấm thẳng → {}", "Direct score → {}", points_text(*points)),
                )
            }
        }
        _ => invalid(
            code,
            counted,
            t!(
                "Câu trả lời không đúng dạng của quy tắc chấm",
                "The answer does not fit the scoring rule"
            ),
        ),
    }
}

fn invalid(code: &str, counted: Dec, message: &str) -> ItemScore {
    item(
        code,
        ItemStatus::Invalid,
        counted,
        counted,
        Dec::ZERO,
        tf!("{message}: chưa tính điểm", "{message}: not scored"),
    )
}

fn fraction_problem(n: Dec, d: Dec) -> Option<String> {
    if n.is_negative() || d.is_negative() {
        Some(
            t!(
                "Tử số và mẫu số không được âm",
                "Numerator and denominator cannot be negative"
            )
            .into(),
        )
    } else if n > d {
        Some(tf!(
            "Tử số ({}) lớn hơn mẫu số ({})",
            "Numerator ({}) is larger than denominator ({})",
            n.shown(),
            d.shown()
        ))
    } else {
        None
    }
}

/// The band containing num/den (as a percent or count), with its description.
fn band_score(
    bands: &[super::criteria_set::ScoreBand],
    num: i128,
    den: i128,
    unit: &str,
) -> Option<(Dec, String)> {
    bands
        .iter()
        .find(|b| b.range().contains_fraction(num, den))
        .map(|b| (b.points, range_text(&b.range(), unit)))
}

/// Scores a deduction item against the criterion's points before deductions.
fn score_deduction(unit: &ScoredUnit, answer: Option<&Answer>, before: Dec) -> ItemScore {
    let code = unit.code;
    let Rule::Deduction { options } = unit.rule else {
        unreachable!("score_deduction called on a non-deduction unit")
    };
    let none = |status, reason: &str| {
        item(
            code,
            status,
            Dec::ZERO,
            Dec::ZERO,
            Dec::ZERO,
            reason.to_string(),
        )
    };
    match answer {
        None => none(ItemStatus::Unanswered, t!("Chưa trả lời", "Not answered")),
        Some(a) if a.not_applicable && unit.allow_na => none(
            ItemStatus::NotApplicable,
            t!("Không áp dụng", "Not applicable"),
        ),
        Some(a) => match &a.value {
            None => none(ItemStatus::Unanswered, t!("Chưa trả lời", "Not answered")),
            Some(AnswerValue::Option { id }) => match options.iter().find(|o| &o.id == id) {
                Some(o) => {
                    let amount = match (o.points, o.percent) {
                        (Some(p), _) => p,
                        (None, Some(pct)) => before.percent_of(pct),
                        (None, None) => Dec::ZERO,
                    };
                    item(
                        code,
                        ItemStatus::Scored,
                        Dec::ZERO,
                        Dec::ZERO,
                        amount,
                        format!(
                            "{} → {}",
                            o.label,
                            capitalise(&deduction_text(o.points, o.percent))
                        ),
                    )
                }
                None => none(
                    ItemStatus::Invalid,
                    &tf!(
                        "Mức «{id}» không có trong bộ tiêu chí: chưa tính",
                        "Level «{id}» is not in the criteria set: not scored"
                    ),
                ),
            },
            Some(_) => none(
                ItemStatus::Invalid,
                t!(
                    "Câu trả lời không đúng dạng của quy tắc chấm: chưa tính",
                    "The answer does not fit the scoring rule: not scored"
                ),
            ),
        },
    }
}

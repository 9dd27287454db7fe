//! How one item's answer becomes points, rule kind by rule kind, with the
//! reason shown beside the result ("90% → 1 điểm (mức từ 70% đến 90%)").
//! The engine in [`super::engine`] sums these into criteria, fields and the
//! total.

use super::answer::{Answer, AnswerValue, ItemScore, ItemStatus};
use crate::domain::base::decimal::Dec;
use crate::domain::criteria::rule_text::{capitalise, deduction_text, points_text, range_text};
use crate::domain::criteria::set::{Rule, ScoreBand, ScoredUnit, ZeroDenominator};

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

fn exempt_reason(label: &str) -> String {
    tf!(
        "Miễn chấm ({label}): không tính vào điểm tối đa",
        "Exempt ({label}): removed from the maximum"
    )
}

/// Scores one unit that is not a deduction.
pub fn score_unit(unit: &ScoredUnit, answer: Option<&Answer>) -> ItemScore {
    let counted = if unit.rule.counts_toward_max() {
        unit.max
    } else {
        Dec::ZERO
    };
    let code = unit.code;
    if let Some(label) = answer.and_then(|a| a.exempt.as_deref()) {
        return item(
            code,
            ItemStatus::NotApplicable,
            counted,
            Dec::ZERO,
            Dec::ZERO,
            exempt_reason(label),
        );
    }
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
    // nothing to count: not applicable, or full points, as the rule says
    let zero_den = |z: ZeroDenominator| match z {
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
                return zero_den(*zero_denominator);
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
                return zero_den(*zero_denominator);
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
fn band_score(bands: &[ScoreBand], num: i128, den: i128, unit: &str) -> Option<(Dec, String)> {
    bands
        .iter()
        .find(|b| b.range().contains_fraction(num, den))
        .map(|b| (b.points, range_text(&b.range(), unit)))
}

/// Scores a deduction item against the criterion's points before deductions.
pub(super) fn score_deduction(
    unit: &ScoredUnit,
    answer: Option<&Answer>,
    before: Dec,
) -> ItemScore {
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
        Some(Answer {
            exempt: Some(label),
            ..
        }) => none(ItemStatus::NotApplicable, &exempt_reason(label)),
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

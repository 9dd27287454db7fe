//! Rules and ranges in plain words, as a criteria set would print them:
//! "Hoàn thành 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm"
//! (in English: "…: 1 point; from 80% to under 100%: 0.5 points; …").

use super::set::{PercentInput, Range, Rule, ZeroDenominator};
use crate::domain::base::decimal::Dec;

/// "1 điểm", "0,5 điểm"; "1 point", "0.5 points".
pub fn points_text(p: Dec) -> String {
    if p == Dec::from_int(1) {
        return t!("1 điểm", "1 point").to_string();
    }
    tf!("{} điểm", "{} points", p.shown())
}

/// Describes a range of values with a unit suffix ("%" or " cuộc").
pub fn range_text(r: &Range, unit: &str) -> String {
    let v = |d: Dec| format!("{}{unit}", d.shown());
    match (r.min, r.max) {
        (None, None) => t!("mọi giá trị", "any value").to_string(),
        (Some(a), Some(b)) if a == b && r.min_inclusive && r.max_inclusive => v(a),
        (Some(a), None) if unit == "%" && a == Dec::HUNDRED && r.min_inclusive => v(a),
        (Some(a), None) => {
            if r.min_inclusive {
                tf!("từ {} trở lên", "{} or more", v(a))
            } else {
                tf!("trên {}", "above {}", v(a))
            }
        }
        (None, Some(b)) => {
            if r.max_inclusive {
                tf!("không quá {}", "at most {}", v(b))
            } else {
                tf!("dưới {}", "below {}", v(b))
            }
        }
        (Some(a), Some(b)) => {
            let from = if r.min_inclusive {
                tf!("từ {}", "from {}", v(a))
            } else {
                tf!("trên {}", "above {}", v(a))
            };
            let to = if r.max_inclusive {
                tf!("đến {}", "to {}", v(b))
            } else {
                tf!("đến dưới {}", "to under {}", v(b))
            };
            format!("{from} {to}")
        }
    }
}

fn zero_den_text(z: ZeroDenominator) -> &'static str {
    match z {
        ZeroDenominator::NotApplicable => t!(
            "Mẫu số bằng 0: tiêu chí không áp dụng.",
            "Denominator is 0: the item does not apply."
        ),
        ZeroDenominator::FullPoints => t!(
            "Mẫu số bằng 0: đạt điểm tối đa.",
            "Denominator is 0: full points."
        ),
    }
}

fn fraction_text(num: &Option<String>, den: &Option<String>) -> String {
    format!(
        "{} ÷ {}",
        num.as_deref().unwrap_or(t!("tử số", "numerator")),
        den.as_deref().unwrap_or(t!("mẫu số", "denominator"))
    )
}

/// The whole rule, one line, in Vietnamese. `max` is the item's maximum.
pub fn rule_line(rule: &Rule, max: Dec) -> String {
    match rule {
        Rule::Levels { options } => options
            .iter()
            .map(|o| format!("{}: {}", o.label_shown(), points_text(o.points)))
            .collect::<Vec<_>>()
            .join("; "),
        Rule::YesNo {
            yes_label,
            no_label,
            yes_points,
            no_points,
        } => format!(
            "{}: {}; {}: {}",
            yes_label.as_deref().unwrap_or(t!("Có", "Yes")),
            points_text(yes_points.unwrap_or(max)),
            no_label.as_deref().unwrap_or(t!("Không", "No")),
            points_text(no_points.unwrap_or(Dec::ZERO)),
        ),
        Rule::PercentBands {
            input,
            numerator_label,
            denominator_label,
            zero_denominator,
            bands,
        } => {
            let list = bands
                .iter()
                .map(|b| {
                    format!(
                        "{}: {}",
                        capitalise(&range_text(&b.range(), "%")),
                        points_text(b.points)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            match input {
                PercentInput::Percent => list,
                PercentInput::Ratio => tf!(
                    "{list}. Tỷ lệ = {}. {}",
                    "{list}. Ratio = {}. {}",
                    fraction_text(numerator_label, denominator_label),
                    zero_den_text(*zero_denominator)
                ),
            }
        }
        Rule::Ratio {
            numerator_label,
            denominator_label,
            zero_denominator,
        } => tf!(
            "Điểm = Tỷ lệ ({}) × {}, tối đa {}. {}",
            "Score = Ratio ({}) × {}, at most {}. {}",
            fraction_text(numerator_label, denominator_label),
            points_text(max),
            points_text(max),
            zero_den_text(*zero_denominator)
        ),
        Rule::CountBands { unit, bands } => {
            let u = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            bands
                .iter()
                .map(|b| {
                    format!(
                        "{}: {}",
                        capitalise(&range_text(&b.range(), &u)),
                        points_text(b.points)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
        Rule::Direct { step } => tf!(
            "Chấm thẳng từ 0 đến {}, mỗi bước {} điểm",
            "Scored directly from 0 to {}, in steps of {} points",
            points_text(max),
            step.shown()
        ),
        Rule::Deduction { options } => {
            let list = options
                .iter()
                .map(|o| {
                    format!(
                        "{}: {}",
                        o.label_shown(),
                        deduction_text(o.points, o.percent)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            tf!(
                "Trừ điểm của tiêu chí — {list}. Điểm tiêu chí không thấp hơn 0",
                "Deducted from the criterion — {list}. The criterion's score never goes below 0"
            )
        }
        Rule::Bonus { options } => {
            let list = options
                .iter()
                .map(|o| format!("{}: {}", o.label_shown(), points_text(o.points)))
                .collect::<Vec<_>>()
                .join("; ");
            tf!("Điểm thưởng — {list}", "Bonus points — {list}")
        }
        Rule::Survey {} => tf!(
            "Chấm qua điều tra xã hội học (tối đa {}); cơ quan không tự chấm",
            "Scored by the sociological survey (at most {}); the agency does not self-score it",
            points_text(max)
        ),
    }
}

/// "trừ 0,5 điểm", "trừ 50% điểm tiêu chí", "không trừ".
pub fn deduction_text(points: Option<Dec>, percent: Option<Dec>) -> String {
    match (points, percent) {
        (Some(p), _) if p.is_zero() => t!("không trừ", "no deduction").into(),
        (_, Some(p)) if p.is_zero() => t!("không trừ", "no deduction").into(),
        (Some(p), _) => tf!("trừ {}", "minus {}", points_text(p)),
        (_, Some(p)) if p == Dec::HUNDRED => t!(
            "trừ toàn bộ điểm tiêu chí",
            "minus all of the criterion's points"
        )
        .into(),
        (_, Some(p)) => tf!(
            "trừ {}% điểm tiêu chí",
            "minus {}% of the criterion's points",
            p.shown()
        ),
        (None, None) => t!("không trừ", "no deduction").into(),
    }
}

/// Vietnamese name of a rule kind, for lists and badges.
pub fn kind_text(rule: &Rule) -> &'static str {
    match rule {
        Rule::Levels { .. } => t!("Theo mức", "By level"),
        Rule::YesNo { .. } => t!("Có / Không", "Yes / No"),
        Rule::PercentBands { .. } => t!("Theo tỷ lệ %", "By percentage"),
        Rule::Ratio { .. } => t!("Tỷ lệ × điểm tối đa", "Ratio × maximum"),
        Rule::CountBands { .. } => t!("Theo số lượng", "By count"),
        Rule::Direct { .. } => t!("Chấm thẳng", "Direct score"),
        Rule::Deduction { .. } => t!("Điểm trừ", "Deduction"),
        Rule::Bonus { .. } => t!("Điểm thưởng", "Bonus"),
        Rule::Survey {} => t!("Điều tra XHH", "Survey"),
    }
}

/// "2023-10-16" → "16/10/2023"; anything else is returned as it is.
pub fn date_text(iso: &str) -> String {
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) if iso.len() == 10 => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(min: Option<i64>, mi: bool, max: Option<i64>, ma: bool) -> Range {
        Range {
            min: min.map(Dec::from_int),
            min_inclusive: mi,
            max: max.map(Dec::from_int),
            max_inclusive: ma,
        }
    }

    #[test]
    fn ranges_read_naturally() {
        assert_eq!(range_text(&r(Some(100), true, None, false), "%"), "100%");
        assert_eq!(
            range_text(&r(Some(80), true, Some(100), false), "%"),
            "từ 80% đến dưới 100%"
        );
        assert_eq!(range_text(&r(None, true, Some(80), false), "%"), "dưới 80%");
        assert_eq!(
            range_text(&r(Some(90), false, None, false), "%"),
            "trên 90%"
        );
        assert_eq!(
            range_text(&r(Some(70), true, Some(90), true), "%"),
            "từ 70% đến 90%"
        );
        assert_eq!(
            range_text(&r(Some(3), true, None, false), " cuộc"),
            "từ 3 cuộc trở lên"
        );
        assert_eq!(
            range_text(&r(Some(0), true, Some(0), true), " cuộc"),
            "0 cuộc"
        );
    }
}

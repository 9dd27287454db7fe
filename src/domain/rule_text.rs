//! Rules and ranges in plain Vietnamese, as a criteria set would print them:
//! "Hoàn thành 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm".

use super::criteria_set::{PercentInput, Range, Rule, ZeroDenominator};
use super::decimal::Dec;

/// "1 điểm", "0,5 điểm".
pub fn points_vi(p: Dec) -> String {
    format!("{} điểm", p.vi())
}

/// Describes a range of values with a unit suffix ("%" or " cuộc").
pub fn range_vi(r: &Range, unit: &str) -> String {
    let v = |d: Dec| format!("{}{unit}", d.vi());
    match (r.min, r.max) {
        (None, None) => "mọi giá trị".to_string(),
        (Some(a), Some(b)) if a == b && r.min_inclusive && r.max_inclusive => v(a),
        (Some(a), None) if unit == "%" && a == Dec::HUNDRED && r.min_inclusive => v(a),
        (Some(a), None) => {
            if r.min_inclusive {
                format!("từ {} trở lên", v(a))
            } else {
                format!("trên {}", v(a))
            }
        }
        (None, Some(b)) => {
            if r.max_inclusive {
                format!("không quá {}", v(b))
            } else {
                format!("dưới {}", v(b))
            }
        }
        (Some(a), Some(b)) => {
            let from = if r.min_inclusive {
                format!("từ {}", v(a))
            } else {
                format!("trên {}", v(a))
            };
            let to = if r.max_inclusive {
                format!("đến {}", v(b))
            } else {
                format!("đến dưới {}", v(b))
            };
            format!("{from} {to}")
        }
    }
}

fn zero_den_vi(z: ZeroDenominator) -> &'static str {
    match z {
        ZeroDenominator::NotApplicable => "Mẫu số bằng 0: tiêu chí không áp dụng.",
        ZeroDenominator::FullPoints => "Mẫu số bằng 0: đạt điểm tối đa.",
    }
}

fn fraction_vi(num: &Option<String>, den: &Option<String>) -> String {
    format!(
        "{} ÷ {}",
        num.as_deref().unwrap_or("tử số"),
        den.as_deref().unwrap_or("mẫu số")
    )
}

/// The whole rule, one line, in Vietnamese. `max` is the item's maximum.
pub fn rule_vi(rule: &Rule, max: Dec) -> String {
    match rule {
        Rule::Levels { options } => options
            .iter()
            .map(|o| format!("{}: {}", o.label, points_vi(o.points)))
            .collect::<Vec<_>>()
            .join("; "),
        Rule::YesNo {
            yes_label,
            no_label,
            yes_points,
            no_points,
        } => format!(
            "{}: {}; {}: {}",
            yes_label.as_deref().unwrap_or("Có"),
            points_vi(yes_points.unwrap_or(max)),
            no_label.as_deref().unwrap_or("Không"),
            points_vi(no_points.unwrap_or(Dec::ZERO)),
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
                        capitalise(&range_vi(&b.range(), "%")),
                        points_vi(b.points)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            match input {
                PercentInput::Percent => list,
                PercentInput::Ratio => format!(
                    "{list}. Tỷ lệ = {}. {}",
                    fraction_vi(numerator_label, denominator_label),
                    zero_den_vi(*zero_denominator)
                ),
            }
        }
        Rule::Ratio {
            numerator_label,
            denominator_label,
            zero_denominator,
        } => format!(
            "Điểm = Tỷ lệ ({}) × {}, tối đa {}. {}",
            fraction_vi(numerator_label, denominator_label),
            points_vi(max),
            points_vi(max),
            zero_den_vi(*zero_denominator)
        ),
        Rule::CountBands { unit, bands } => {
            let u = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            bands
                .iter()
                .map(|b| {
                    format!(
                        "{}: {}",
                        capitalise(&range_vi(&b.range(), &u)),
                        points_vi(b.points)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
        Rule::Direct { step } => format!(
            "Chấm thẳng từ 0 đến {}, mỗi bước {} điểm",
            points_vi(max),
            step.vi()
        ),
        Rule::Deduction { options } => {
            let list = options
                .iter()
                .map(|o| format!("{}: {}", o.label, deduction_vi(o.points, o.percent)))
                .collect::<Vec<_>>()
                .join("; ");
            format!("Trừ điểm của tiêu chí — {list}. Điểm tiêu chí không thấp hơn 0")
        }
        Rule::Bonus { options } => {
            let list = options
                .iter()
                .map(|o| format!("{}: {}", o.label, points_vi(o.points)))
                .collect::<Vec<_>>()
                .join("; ");
            format!("Điểm thưởng — {list}")
        }
        Rule::Survey {} => format!(
            "Chấm qua điều tra xã hội học (tối đa {}); cơ quan không tự chấm",
            points_vi(max)
        ),
    }
}

/// "trừ 0,5 điểm", "trừ 50% điểm tiêu chí", "không trừ".
pub fn deduction_vi(points: Option<Dec>, percent: Option<Dec>) -> String {
    match (points, percent) {
        (Some(p), _) if p.is_zero() => "không trừ".into(),
        (_, Some(p)) if p.is_zero() => "không trừ".into(),
        (Some(p), _) => format!("trừ {}", points_vi(p)),
        (_, Some(p)) if p == Dec::HUNDRED => "trừ toàn bộ điểm tiêu chí".into(),
        (_, Some(p)) => format!("trừ {}% điểm tiêu chí", p.vi()),
        (None, None) => "không trừ".into(),
    }
}

/// Vietnamese name of a rule kind, for lists and badges.
pub fn kind_vi(rule: &Rule) -> &'static str {
    match rule {
        Rule::Levels { .. } => "Theo mức",
        Rule::YesNo { .. } => "Có / Không",
        Rule::PercentBands { .. } => "Theo tỷ lệ %",
        Rule::Ratio { .. } => "Tỷ lệ × điểm tối đa",
        Rule::CountBands { .. } => "Theo số lượng",
        Rule::Direct { .. } => "Chấm thẳng",
        Rule::Deduction { .. } => "Điểm trừ",
        Rule::Bonus { .. } => "Điểm thưởng",
        Rule::Survey {} => "Điều tra XHH",
    }
}

/// "2023-10-16" → "16/10/2023"; anything else is returned as it is.
pub fn date_vi(iso: &str) -> String {
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
        assert_eq!(range_vi(&r(Some(100), true, None, false), "%"), "100%");
        assert_eq!(
            range_vi(&r(Some(80), true, Some(100), false), "%"),
            "từ 80% đến dưới 100%"
        );
        assert_eq!(range_vi(&r(None, true, Some(80), false), "%"), "dưới 80%");
        assert_eq!(range_vi(&r(Some(90), false, None, false), "%"), "trên 90%");
        assert_eq!(
            range_vi(&r(Some(70), true, Some(90), true), "%"),
            "từ 70% đến 90%"
        );
        assert_eq!(
            range_vi(&r(Some(3), true, None, false), " cuộc"),
            "từ 3 cuộc trở lên"
        );
        assert_eq!(
            range_vi(&r(Some(0), true, Some(0), true), " cuộc"),
            "0 cuộc"
        );
    }
}

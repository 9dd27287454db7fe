//! Exact decimal arithmetic for points and percentages.
//!
//! Every quantity a criteria set or an answer carries (points, percentages,
//! numerators) is a [`Dec`]: a whole number of hundredths. Sums are therefore
//! exact: 0,25 + 0,5 + 0,25 is exactly 1. The only place rounding happens is
//! a division (ratio × maximum, percentage deductions, the index), and there
//! it is always half-up to the nearest hundredth; see [`Dec::from_ratio`].

use std::fmt;
use std::ops::{Add, AddAssign, Neg, Sub};

/// The largest magnitude a [`Dec`] may hold when read from a file:
/// one thousand billion. Larger values are refused, never wrapped.
pub const DEC_LIMIT: i64 = 1_000_000_000_000 * 100;

/// A decimal number stored as an integer count of hundredths.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dec(i64);

impl Dec {
    pub const ZERO: Dec = Dec(0);
    pub const HUNDRED: Dec = Dec(100_00);

    pub const fn from_hundredths(h: i64) -> Dec {
        Dec(h)
    }

    pub const fn from_int(n: i64) -> Dec {
        Dec(n * 100)
    }

    pub const fn hundredths(self) -> i64 {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// True when the value is a whole number.
    pub fn is_integer(self) -> bool {
        self.0 % 100 == 0
    }

    pub fn min(self, other: Dec) -> Dec {
        Dec(self.0.min(other.0))
    }

    pub fn max(self, other: Dec) -> Dec {
        Dec(self.0.max(other.0))
    }

    /// `num / den`, expressed in hundredths and rounded half-up (away from
    /// zero for negative values). `den` must not be zero.
    pub fn from_ratio(num: i128, den: i128) -> Dec {
        assert!(den != 0, "Dec::from_ratio with a zero denominator");
        let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
        let scaled = num * 100;
        let q = scaled.div_euclid(den);
        let r = scaled.rem_euclid(den);
        let rounded = if num >= 0 {
            if 2 * r >= den {
                q + 1
            } else {
                q
            }
        } else {
            // symmetric half-up: round the magnitude, then negate
            let m = Dec::from_ratio(-num, den).0 as i128;
            -m
        };
        Dec(rounded.clamp(i64::MIN as i128, i64::MAX as i128) as i64)
    }

    /// `self × percent ÷ 100`, rounded half-up to hundredths.
    pub fn percent_of(self, percent: Dec) -> Dec {
        Dec::from_ratio(self.0 as i128 * percent.0 as i128, 100 * 100 * 100)
    }

    /// Whether `self` is a whole multiple of `step` (step > 0).
    pub fn is_multiple_of(self, step: Dec) -> bool {
        step.0 > 0 && self.0 % step.0 == 0
    }

    /// Converts a JSON number. Refuses non-finite values, values beyond
    /// [`DEC_LIMIT`] and values with more than two decimals.
    pub fn from_f64(x: f64) -> Result<Dec, DecError> {
        if !x.is_finite() {
            return Err(DecError::NotFinite);
        }
        let scaled = x * 100.0;
        if scaled.abs() > DEC_LIMIT as f64 {
            return Err(DecError::OutOfRange);
        }
        let rounded = scaled.round();
        if (scaled - rounded).abs() > 1e-6 * scaled.abs().max(1.0) {
            return Err(DecError::TooManyDecimals);
        }
        Ok(Dec(rounded as i64))
    }

    pub fn from_i64(n: i64) -> Result<Dec, DecError> {
        n.checked_mul(100)
            .filter(|v| v.abs() <= DEC_LIMIT)
            .map(Dec)
            .ok_or(DecError::OutOfRange)
    }

    /// The value as an `f64`, for JSON output and charts only; never for sums.
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Parses what a person types: "0,25", "0.25", "12", "-1,5", " 88,37 ".
    /// Thousands separators are not accepted (they are ambiguous between
    /// Vietnamese and English habits); at most two decimals.
    pub fn parse(text: &str) -> Result<Dec, DecError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(DecError::Empty);
        }
        let (neg, digits) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (int_part, frac_part) = match digits.find([',', '.']) {
            Some(i) => (&digits[..i], &digits[i + 1..]),
            None => (digits, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (int_part.is_empty() && frac_part.is_empty())
            || !all_digits(int_part)
            || !all_digits(frac_part)
            || (digits.contains([',', '.']) && frac_part.is_empty())
        {
            return Err(DecError::NotANumber);
        }
        if frac_part.len() > 2 {
            return Err(DecError::TooManyDecimals);
        }
        if int_part.len() > 13 {
            return Err(DecError::OutOfRange);
        }
        let int: i64 = if int_part.is_empty() {
            0
        } else {
            int_part.parse().map_err(|_| DecError::NotANumber)?
        };
        let mut frac: i64 = if frac_part.is_empty() {
            0
        } else {
            frac_part.parse().map_err(|_| DecError::NotANumber)?
        };
        if frac_part.len() == 1 {
            frac *= 10;
        }
        let v = int * 100 + frac;
        if v > DEC_LIMIT {
            return Err(DecError::OutOfRange);
        }
        Ok(Dec(if neg { -v } else { v }))
    }

    /// Formatting for people, in the interface language, with trailing zeros
    /// dropped: "0,5", "1", "88,37", "1.250" (English: "0.5", "1,250").
    /// This is the form used for points.
    pub fn shown(self) -> String {
        self.format(false)
    }

    /// Formatting for people with exactly two decimals: "88,37", "90,00"
    /// (English: "88.37").
    /// This is the form used for an index.
    pub fn shown_fixed2(self) -> String {
        self.format(true)
    }

    fn format(self, fixed: bool) -> String {
        let neg = self.0 < 0;
        let abs = self.0.unsigned_abs();
        let int = abs / 100;
        let frac = abs % 100;
        let int_digits = int.to_string();
        // Vietnamese groups with dots and writes a decimal comma; English
        // the other way round.
        let (group, point) = if super::i18n::is_en() {
            (',', '.')
        } else {
            ('.', ',')
        };
        let mut grouped = String::with_capacity(int_digits.len() + 4);
        for (i, ch) in int_digits.chars().enumerate() {
            if i > 0 && (int_digits.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(ch);
        }
        let mut out = String::new();
        if neg {
            out.push('-');
        }
        out.push_str(&grouped);
        if fixed {
            out.push_str(&format!("{point}{frac:02}"));
        } else if frac != 0 {
            if frac % 10 == 0 {
                out.push_str(&format!("{point}{}", frac / 10));
            } else {
                out.push_str(&format!("{point}{frac:02}"));
            }
        }
        out
    }
}

impl Add for Dec {
    type Output = Dec;
    fn add(self, rhs: Dec) -> Dec {
        Dec(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Dec {
    fn add_assign(&mut self, rhs: Dec) {
        *self = *self + rhs;
    }
}

impl Sub for Dec {
    type Output = Dec;
    fn sub(self, rhs: Dec) -> Dec {
        Dec(self.0.saturating_sub(rhs.0))
    }
}

impl Neg for Dec {
    type Output = Dec;
    fn neg(self) -> Dec {
        Dec(-self.0)
    }
}

impl std::iter::Sum for Dec {
    fn sum<I: Iterator<Item = Dec>>(iter: I) -> Dec {
        iter.fold(Dec::ZERO, Add::add)
    }
}

/// Plain (machine) formatting with a dot, as JSON would write it: "0.25".
impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let neg = self.0 < 0;
        let abs = self.0.unsigned_abs();
        let (int, frac) = (abs / 100, abs % 100);
        if neg {
            f.write_str("-")?;
        }
        if frac == 0 {
            write!(f, "{int}")
        } else if frac % 10 == 0 {
            write!(f, "{int}.{}", frac / 10)
        } else {
            write!(f, "{int}.{frac:02}")
        }
    }
}

/// Why a number could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecError {
    Empty,
    NotANumber,
    NotFinite,
    TooManyDecimals,
    OutOfRange,
}

impl fmt::Display for DecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecError::Empty => t!("chưa nhập số", "no number entered"),
            DecError::NotANumber => t!("không phải là số", "not a number"),
            DecError::NotFinite => t!("không phải là số hữu hạn", "not a finite number"),
            DecError::TooManyDecimals => t!(
                "chỉ được có tối đa 2 chữ số thập phân",
                "at most 2 decimal places are allowed"
            ),
            DecError::OutOfRange => t!("số quá lớn", "number too large"),
        })
    }
}

impl std::error::Error for DecError {}

impl serde::Serialize for Dec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_integer() {
            s.serialize_i64(self.0 / 100)
        } else {
            s.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> serde::Deserialize<'de> for Dec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Dec, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Dec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(t!(
                    "một số có tối đa 2 chữ số thập phân",
                    "a number with at most 2 decimal places"
                ))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Dec, E> {
                Dec::from_i64(v).map_err(|e| E::custom(tf!("số {v}: {e}", "number {v}: {e}")))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Dec, E> {
                i64::try_from(v)
                    .map_err(|_| {
                        E::custom(tf!("số {v}: {}", "number {v}: {}", DecError::OutOfRange))
                    })
                    .and_then(|v| {
                        Dec::from_i64(v)
                            .map_err(|e| E::custom(tf!("số {v}: {e}", "number {v}: {e}")))
                    })
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Dec, E> {
                Dec::from_f64(v).map_err(|e| E::custom(tf!("số {v}: {e}", "number {v}: {e}")))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Dec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Dec".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Số thập phân, tối đa 2 chữ số sau dấu phẩy (a decimal number with at most two decimals).",
            "type": "number",
            "multipleOf": 0.01
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_vietnamese() {
        assert_eq!(Dec::from_hundredths(50).shown(), "0,5");
        assert_eq!(Dec::from_hundredths(25).shown(), "0,25");
        assert_eq!(Dec::from_int(1).shown(), "1");
        assert_eq!(Dec::from_hundredths(8837).shown_fixed2(), "88,37");
        assert_eq!(Dec::from_int(90).shown_fixed2(), "90,00");
        assert_eq!(Dec::from_int(1250).shown(), "1.250");
        assert_eq!(Dec::from_hundredths(-275).shown(), "-2,75");
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Dec::parse("0,25"), Ok(Dec::from_hundredths(25)));
        assert_eq!(Dec::parse("0.5"), Ok(Dec::from_hundredths(50)));
        assert_eq!(Dec::parse(" 12 "), Ok(Dec::from_int(12)));
        assert_eq!(Dec::parse(",5"), Ok(Dec::from_hundredths(50)));
        assert_eq!(Dec::parse("-1,5"), Ok(Dec::from_hundredths(-150)));
        assert_eq!(Dec::parse("1,255"), Err(DecError::TooManyDecimals));
        assert_eq!(Dec::parse("abc"), Err(DecError::NotANumber));
        assert_eq!(Dec::parse("1,"), Err(DecError::NotANumber));
        assert_eq!(Dec::parse("1.000,5"), Err(DecError::NotANumber));
        assert_eq!(Dec::parse(""), Err(DecError::Empty));
        assert_eq!(Dec::parse("NaN"), Err(DecError::NotANumber));
        assert_eq!(Dec::parse("99999999999999999"), Err(DecError::OutOfRange));
    }

    #[test]
    fn ratio_rounds_half_up() {
        // 7/9 × 2 = 1,5555… → 1,56
        assert_eq!(Dec::from_ratio(7 * 2, 9), Dec::from_hundredths(156));
        assert_eq!(Dec::from_ratio(1, 8), Dec::from_hundredths(13)); // 0,125 → 0,13
        assert_eq!(Dec::from_ratio(-1, 8), Dec::from_hundredths(-13));
        assert_eq!(
            Dec::from_hundredths(25).percent_of(Dec::from_int(50)),
            Dec::from_hundredths(13)
        );
    }

    #[test]
    fn reads_json_numbers() {
        assert_eq!(Dec::from_f64(0.1), Ok(Dec::from_hundredths(10)));
        assert_eq!(Dec::from_f64(0.125), Err(DecError::TooManyDecimals));
        assert_eq!(Dec::from_f64(f64::NAN), Err(DecError::NotFinite));
        assert_eq!(Dec::from_f64(1e300), Err(DecError::OutOfRange));
        let d: Dec = serde_json::from_str("2.75").unwrap();
        assert_eq!(d, Dec::from_hundredths(275));
        assert_eq!(serde_json::to_string(&d).unwrap(), "2.75");
        assert_eq!(serde_json::to_string(&Dec::from_int(3)).unwrap(), "3");
    }
}

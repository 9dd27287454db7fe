//! Reading a [`Rule`] from JSON.
//!
//! The rule is written `{"kind": "levels", "options": [...]}`: an internally
//! tagged enum. Serde's derived reader for such an enum buffers the object
//! in its private `Content` type first, which costs about 31 KB of wasm in
//! the first page (no other type needs it). This reader buffers it in a
//! `serde_json::Value` instead, which the app already carries, takes `kind`
//! out and reads the rest as the kind's own fields, with the same checks and
//! the same messages as the derived reader: unknown kind, missing `kind`,
//! unknown or missing fields per kind.
//!
//! The bodies below mirror [`Rule`]'s variants field for field (writing and
//! the JSON Schema still come from `Rule` itself); `tests/criteria_loader.rs`
//! reads every kind back and checks the messages.

use serde::de::{Deserializer, Error as _};
use serde::Deserialize;
use serde_json::Value;

use super::set::{DeductionOption, LevelOption, PercentInput, Rule, ScoreBand, ZeroDenominator};
use crate::domain::base::decimal::Dec;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options<T> {
    options: Vec<T>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YesNo {
    #[serde(default)]
    yes_label: Option<String>,
    #[serde(default)]
    no_label: Option<String>,
    #[serde(default)]
    yes_points: Option<Dec>,
    #[serde(default)]
    no_points: Option<Dec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PercentBands {
    #[serde(default)]
    input: PercentInput,
    #[serde(default)]
    numerator_label: Option<String>,
    #[serde(default)]
    denominator_label: Option<String>,
    #[serde(default)]
    zero_denominator: ZeroDenominator,
    bands: Vec<ScoreBand>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Ratio {
    #[serde(default)]
    numerator_label: Option<String>,
    #[serde(default)]
    denominator_label: Option<String>,
    #[serde(default)]
    zero_denominator: ZeroDenominator,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountBands {
    #[serde(default)]
    unit: Option<String>,
    bands: Vec<ScoreBand>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Direct {
    step: Dec,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Survey {}

// Read through `&Value`, the deserializer the app's own data (drafts, the
// bundled sets) already goes through, not `from_value`'s owned one: one
// family of Value readers in the first page instead of two.
fn body<T: serde::de::DeserializeOwned>(rest: Value) -> Result<T, serde_json::Error> {
    T::deserialize(&rest)
}

/// The rule in `v`, or serde's own message for what is wrong.
pub fn rule_from_value(v: Value) -> Result<Rule, serde_json::Error> {
    let mut map = match v {
        Value::Object(map) => map,
        other => {
            return Err(serde_json::Error::invalid_type(
                unexpected(&other),
                &"internally tagged enum Rule",
            ))
        }
    };
    let kind = match map.remove("kind") {
        Some(Value::String(k)) => k,
        Some(other) => {
            return Err(serde_json::Error::invalid_type(
                unexpected(&other),
                &"variant identifier",
            ))
        }
        None => return Err(serde_json::Error::missing_field("kind")),
    };
    let rest = Value::Object(map);
    Ok(match kind.as_str() {
        "levels" => Rule::Levels {
            options: body::<Options<LevelOption>>(rest)?.options,
        },
        "yes_no" => {
            let b: YesNo = body(rest)?;
            Rule::YesNo {
                yes_label: b.yes_label,
                no_label: b.no_label,
                yes_points: b.yes_points,
                no_points: b.no_points,
            }
        }
        "percent_bands" => {
            let b: PercentBands = body(rest)?;
            Rule::PercentBands {
                input: b.input,
                numerator_label: b.numerator_label,
                denominator_label: b.denominator_label,
                zero_denominator: b.zero_denominator,
                bands: b.bands,
            }
        }
        "ratio" => {
            let b: Ratio = body(rest)?;
            Rule::Ratio {
                numerator_label: b.numerator_label,
                denominator_label: b.denominator_label,
                zero_denominator: b.zero_denominator,
            }
        }
        "count_bands" => {
            let b: CountBands = body(rest)?;
            Rule::CountBands {
                unit: b.unit,
                bands: b.bands,
            }
        }
        "direct" => Rule::Direct {
            step: body::<Direct>(rest)?.step,
        },
        "deduction" => Rule::Deduction {
            options: body::<Options<DeductionOption>>(rest)?.options,
        },
        "bonus" => Rule::Bonus {
            options: body::<Options<LevelOption>>(rest)?.options,
        },
        "survey" => {
            body::<Survey>(rest)?;
            Rule::Survey {}
        }
        other => return Err(serde_json::Error::unknown_variant(other, &Rule::KINDS)),
    })
}

fn unexpected(v: &Value) -> serde::de::Unexpected<'_> {
    use serde::de::Unexpected;
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (_, Some(i)) => Unexpected::Signed(i),
            // a fraction is named, not printed: printing an f64 would bring
            // the float printer into the first page
            _ => Unexpected::Other("floating point number"),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        rule_from_value(v).map_err(D::Error::custom)
    }
}

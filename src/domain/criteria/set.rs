//! The criteria-set format (bộ tiêu chí): what a province issues each year
//! for one kind of unit. These types ARE the file format: the JSON Schema in
//! `docs/criteria-set.schema.json` is generated from them, and
//! [`super::loader`] reads files into them, reporting every problem.
//!
//! Tree: [`Field`] (lĩnh vực) → [`Criterion`] (tiêu chí) → [`Item`]
//! (tiêu chí thành phần). A criterion either has items or is scored directly
//! with its own [`Rule`].

use serde::{Deserialize, Serialize};

use crate::domain::base::decimal::Dec;
use crate::domain::base::i18n::localized;

/// The value of the `format` key of every criteria-set file.
pub use crate::domain::base::file_kinds::CRITERIA_SET_FORMAT;
/// The newest format version this build reads. Version 2 adds
/// [`Exemption`]s; a set without them is still written as version 1, so
/// copies of the app that read only version 1 keep reading it.
pub const CRITERIA_SET_FORMAT_VERSION: u32 = 2;

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriaSet {
    /// Always "cchc-criteria-set".
    pub format: String,
    /// Version of this file format: 1, or 2 when the set has exemptions.
    pub format_version: u32,
    /// Stable identifier, e.g. "nghe-an-so-ban-nganh-2025".
    pub id: String,
    /// Version of this set, e.g. "2025.1". A reissued set gets a new version.
    pub version: String,
    /// Title in Vietnamese.
    pub title: String,
    /// Optional English title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Issuing body, e.g. "UBND tỉnh Nghệ An".
    pub issuer: String,
    /// The decision that issued the set.
    pub decision: Decision,
    /// The year being assessed (năm đánh giá).
    pub year: u16,
    pub unit_type: UnitType,
    pub provenance: Provenance,
    /// Free text shown beside the provenance, e.g. where the structure came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance_note: Option<String>,
    /// Declared total maximum, survey items included (usually 100).
    pub total_max: Dec,
    /// Cap on the sum of all bonus items (điểm thưởng). Required when the
    /// set has bonus items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bonus_cap: Option<Dec>,
    /// Classification by index (xếp loại), e.g. Tốt ≥ 90%.
    pub bands: Vec<ClassBand>,
    /// Parts not scored for some kinds of agency (format version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exemptions: Vec<Exemption>,
    #[serde(default)]
    pub fields: Vec<Field>,
}

/// Miễn chấm: some fields, criteria or items are not scored for one kind of
/// agency, which declares it on its profile (see [`super::exemption`]).
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exemption {
    /// Stable identifier, e.g. "khong-giai-quyet-tthc".
    pub id: String,
    /// Who it is for, e.g. "Cơ quan không giải quyết thủ tục hành chính".
    pub label: String,
    /// Codes of the fields, criteria or items not scored (with all in them).
    pub codes: Vec<String>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Số quyết định, e.g. "3323/QĐ-UBND".
    pub number: String,
    /// Date in ISO form YYYY-MM-DD, e.g. "2023-10-16".
    pub date: String,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitType {
    /// Sở, ban, ngành cấp tỉnh.
    SoBanNganh,
    /// UBND xã, phường, đặc khu.
    UbndXaPhuong,
    /// Bộ, cơ quan ngang bộ.
    Bo,
    /// UBND tỉnh, thành phố trực thuộc trung ương.
    Tinh,
}

impl UnitType {
    pub const ALL: [UnitType; 4] = [
        UnitType::SoBanNganh,
        UnitType::UbndXaPhuong,
        UnitType::Bo,
        UnitType::Tinh,
    ];

    pub fn label(self) -> &'static str {
        match self {
            UnitType::SoBanNganh => t!("Sở, ban, ngành", "Provincial departments and agencies"),
            UnitType::UbndXaPhuong => t!("UBND xã, phường", "Commune and ward People's Committees"),
            UnitType::Bo => t!(
                "Bộ, cơ quan ngang bộ",
                "Ministries and ministry-level agencies"
            ),
            UnitType::Tinh => t!(
                "UBND tỉnh, thành phố",
                "Provincial and city People's Committees"
            ),
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Transcribed from an issued decision.
    Official,
    /// Built on the published structure for training or trying the app;
    /// not any province's issued text.
    Illustrative,
}

/// A class by index: `label` applies when the index lies in the range.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassBand {
    /// E.g. "Tốt", "Khá", "Trung bình", "Yếu".
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Dec>,
    /// Whether `min` itself is in the band (default true: "từ").
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub min_inclusive: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Dec>,
    /// Whether `max` itself is in the band (default false: "dưới").
    #[serde(default, skip_serializing_if = "is_false")]
    pub max_inclusive: bool,
}

impl ClassBand {
    pub fn range(&self) -> Range {
        Range {
            min: self.min,
            min_inclusive: self.min_inclusive,
            max: self.max,
            max_inclusive: self.max_inclusive,
        }
    }
}

/// An interval of numbers. A missing bound is open-ended. Defaults: the lower
/// bound is inclusive (từ), the upper bound exclusive (dưới).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub min: Option<Dec>,
    pub min_inclusive: bool,
    pub max: Option<Dec>,
    pub max_inclusive: bool,
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}
fn is_false(b: &bool) -> bool {
    !*b
}

impl Range {
    /// Whether the fraction `num / den` (den > 0) lies in the range.
    pub fn contains_fraction(&self, num: i128, den: i128) -> bool {
        debug_assert!(den > 0);
        // compare num/den with bound b (hundredths): num*100 vs b*den
        let cmp = |b: Dec| (num * 100).cmp(&(b.hundredths() as i128 * den));
        use std::cmp::Ordering::*;
        let above_min = match self.min {
            None => true,
            Some(b) => match cmp(b) {
                Greater => true,
                Equal => self.min_inclusive,
                Less => false,
            },
        };
        let below_max = match self.max {
            None => true,
            Some(b) => match cmp(b) {
                Less => true,
                Equal => self.max_inclusive,
                Greater => false,
            },
        };
        above_min && below_max
    }

    pub fn contains(&self, v: Dec) -> bool {
        self.contains_fraction(v.hundredths() as i128, 100)
    }
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// E.g. "1".
    pub code: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Declared maximum; must equal the sum of its criteria.
    pub max: Dec,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// E.g. "1.1".
    pub code: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Declared maximum; with items it must equal the sum of their maxima
    /// (bonus and deduction items excluded).
    #[serde(default)]
    pub max: Dec,
    /// Hướng dẫn chấm (only for a criterion scored directly).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    /// Tài liệu kiểm chứng cần có (only for a criterion scored directly).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Whether "không áp dụng" may be chosen (only when scored directly).
    #[serde(default, skip_serializing_if = "is_false")]
    pub allow_na: bool,
    /// Present when the criterion is scored directly, without items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
}

impl Criterion {
    /// The units of this criterion that receive answers: itself when scored
    /// directly, otherwise its items.
    pub fn units<'a>(&'a self, field: &'a Field) -> impl Iterator<Item = ScoredUnit<'a>> {
        let direct = self.rule.as_ref().map(|rule| ScoredUnit {
            field,
            criterion: self,
            code: &self.code,
            title: &self.title,
            title_en: self.title_en.as_deref(),
            max: self.max,
            allow_na: self.allow_na,
            guidance: self.guidance.as_deref(),
            evidence: self.evidence.as_deref(),
            rule,
        });
        direct
            .into_iter()
            .chain(self.items.iter().map(move |i| ScoredUnit {
                field,
                criterion: self,
                code: &i.code,
                title: &i.title,
                title_en: i.title_en.as_deref(),
                max: i.max,
                allow_na: i.allow_na,
                guidance: i.guidance.as_deref(),
                evidence: i.evidence.as_deref(),
                rule: &i.rule,
            }))
    }
}

/// A sub-criterion (tiêu chí thành phần).
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// E.g. "1.1.4".
    pub code: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Điểm tối đa. For a bonus item, the most it can add; for a deduction
    /// item, 0 (or omitted).
    #[serde(default)]
    pub max: Dec,
    /// Hướng dẫn chấm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    /// Tài liệu kiểm chứng cần có.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Whether "không áp dụng" may be chosen.
    #[serde(default, skip_serializing_if = "is_false")]
    pub allow_na: bool,
    pub rule: Rule,
}

/// How an item is scored. The `kind` key selects the rule.
// Read by `super::rule_de` (the derived reader of a tagged enum is heavy).
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// Named options with points: "Ban hành kịp thời: 1; không kịp thời: 0,5; …".
    Levels { options: Vec<LevelOption> },
    /// Có / Không. Defaults: có = the item's maximum, không = 0.
    YesNo {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        yes_label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        no_label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        yes_points: Option<Dec>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        no_points: Option<Dec>,
    },
    /// Percentage bands: "100%: 1; từ 80% đến dưới 100%: 0,5; dưới 80%: 0".
    /// The bands must cover 0–100% with no gap and no overlap.
    PercentBands {
        #[serde(default)]
        input: PercentInput,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        numerator_label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        denominator_label: Option<String>,
        /// What a zero denominator means (ratio input only).
        #[serde(default)]
        zero_denominator: ZeroDenominator,
        bands: Vec<ScoreBand>,
    },
    /// Điểm = Tỷ lệ × Điểm tối đa, from numerator ÷ denominator, capped at
    /// the maximum, rounded half-up to hundredths.
    Ratio {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        numerator_label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        denominator_label: Option<String>,
        #[serde(default)]
        zero_denominator: ZeroDenominator,
    },
    /// Count thresholds: "từ 3 cuộc trở lên: 1; 1–2 cuộc: 0,5; không có: 0".
    /// Bands must cover 0 upwards with whole-number bounds.
    CountBands {
        /// Unit counted, e.g. "cuộc kiểm tra".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        bands: Vec<ScoreBand>,
    },
    /// Chấm thẳng: any score in [0, max] on the step (e.g. 0,25).
    Direct { step: Dec },
    /// Subtracts from its criterion, never below 0.
    Deduction { options: Vec<DeductionOption> },
    /// Điểm thưởng: adds to the total, within the set's `bonus_cap`.
    Bonus { options: Vec<LevelOption> },
    /// Scored by the sociological survey (ĐTXHH), not self-assessed.
    Survey {},
}

impl Rule {
    /// Stable machine names of every rule kind, as written in `kind`.
    pub const KINDS: [&'static str; 9] = [
        "levels",
        "yes_no",
        "percent_bands",
        "ratio",
        "count_bands",
        "direct",
        "deduction",
        "bonus",
        "survey",
    ];

    pub fn kind(&self) -> &'static str {
        match self {
            Rule::Levels { .. } => "levels",
            Rule::YesNo { .. } => "yes_no",
            Rule::PercentBands { .. } => "percent_bands",
            Rule::Ratio { .. } => "ratio",
            Rule::CountBands { .. } => "count_bands",
            Rule::Direct { .. } => "direct",
            Rule::Deduction { .. } => "deduction",
            Rule::Bonus { .. } => "bonus",
            Rule::Survey {} => "survey",
        }
    }

    /// Whether the item's maximum counts toward its criterion's maximum.
    /// Bonus and deduction items sit outside the maxima.
    pub fn counts_toward_max(&self) -> bool {
        !matches!(self, Rule::Bonus { .. } | Rule::Deduction { .. })
    }

    pub fn is_survey(&self) -> bool {
        matches!(self, Rule::Survey {})
    }
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelOption {
    /// Stable id saved in answers, e.g. "kip_thoi".
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    pub points: Dec,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeductionOption {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    /// Points subtracted. Give this or `percent`, not both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Dec>,
    /// Percentage of the criterion's points (before deductions) subtracted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Dec>,
}

/// One band of a percent or count rule: the points when the value is in range.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreBand {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Dec>,
    /// Whether `min` itself is in the band (default true: "từ").
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub min_inclusive: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Dec>,
    /// Whether `max` itself is in the band (default false: "dưới").
    #[serde(default, skip_serializing_if = "is_false")]
    pub max_inclusive: bool,
    pub points: Dec,
}

impl ScoreBand {
    pub fn range(&self) -> Range {
        Range {
            min: self.min,
            min_inclusive: self.min_inclusive,
            max: self.max,
            max_inclusive: self.max_inclusive,
        }
    }
}

/// How a percentage is entered.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PercentInput {
    /// The percentage itself, 0–100.
    #[default]
    Percent,
    /// A numerator and a denominator (e.g. hồ sơ đúng hạn ÷ tổng số hồ sơ).
    Ratio,
}

/// What a zero denominator means.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZeroDenominator {
    /// Nothing to count: the item is not applicable (its maximum is removed).
    #[default]
    NotApplicable,
    /// Nothing went wrong: full points.
    FullPoints,
}

// Texts in the interface language: the English form when the set gives
// one, otherwise the Vietnamese.
impl CriteriaSet {
    pub fn title_shown(&self) -> &str {
        localized(&self.title, self.title_en.as_deref())
    }

    /// A class label as recorded in a score (always the Vietnamese label,
    /// which is data), shown in the interface language.
    pub fn class_shown<'a>(&'a self, label: &'a str) -> &'a str {
        self.bands
            .iter()
            .find(|b| b.label == label)
            .map_or(label, ClassBand::label_shown)
    }

    /// A score's class for people: shown label, or "—" when there is none.
    pub fn class_text(&self, class: Option<&str>) -> String {
        class.map_or_else(|| "—".into(), |c| self.class_shown(c).to_string())
    }
}

impl Field {
    pub fn title_shown(&self) -> &str {
        localized(&self.title, self.title_en.as_deref())
    }

    /// How many scored units the field has (a criterion scored as a whole
    /// counts one).
    pub fn unit_count(&self) -> usize {
        self.criteria.iter().map(Criterion::unit_count).sum()
    }

    /// The position of the criterion that is `code` or holds the item `code`.
    pub fn criterion_of(&self, code: &str) -> Option<usize> {
        self.criteria
            .iter()
            .position(|c| c.code == code || c.items.iter().any(|i| i.code == code))
    }

    /// The field's criteria in runs of consecutive criteria, each run as
    /// long as it can be without passing `max_units` scored units; a
    /// criterion is never split, and one larger than that is a run of its
    /// own. How a very long field is shown: in parts.
    pub fn parts(&self, max_units: usize) -> Vec<std::ops::Range<usize>> {
        let mut parts = Vec::new();
        let (mut start, mut units) = (0, 0);
        for (i, c) in self.criteria.iter().enumerate() {
            let n = c.unit_count();
            if i > start && units + n > max_units {
                parts.push(start..i);
                (start, units) = (i, 0);
            }
            units += n;
        }
        if start < self.criteria.len() {
            parts.push(start..self.criteria.len());
        }
        parts
    }
}

impl Criterion {
    /// Its items, or 1 when it is scored as a whole.
    pub fn unit_count(&self) -> usize {
        self.items.len().max(1)
    }
}

impl Criterion {
    pub fn title_shown(&self) -> &str {
        localized(&self.title, self.title_en.as_deref())
    }
}

impl ClassBand {
    pub fn label_shown(&self) -> &str {
        localized(&self.label, self.label_en.as_deref())
    }
}

impl LevelOption {
    pub fn label_shown(&self) -> &str {
        localized(&self.label, self.label_en.as_deref())
    }
}

impl DeductionOption {
    pub fn label_shown(&self) -> &str {
        localized(&self.label, self.label_en.as_deref())
    }
}

impl CriteriaSet {
    /// Every scored unit in order: items, and criteria scored directly.
    pub fn scored_units(&self) -> impl Iterator<Item = ScoredUnit<'_>> {
        self.fields
            .iter()
            .flat_map(|f| f.criteria.iter().flat_map(move |c| c.units(f)))
    }

    /// Sum of the survey items' maxima (reported separately).
    pub fn survey_max(&self) -> Dec {
        self.scored_units()
            .filter(|u| u.rule.is_survey())
            .map(|u| u.max)
            .sum()
    }

    pub fn class_for(&self, index: Dec) -> Option<&ClassBand> {
        self.bands.iter().find(|b| b.range().contains(index))
    }
}

/// A thing that receives an answer: an item, or a criterion scored directly.
#[derive(Clone, Copy, Debug)]
pub struct ScoredUnit<'a> {
    pub field: &'a Field,
    pub criterion: &'a Criterion,
    pub code: &'a str,
    pub title: &'a str,
    pub title_en: Option<&'a str>,
    pub max: Dec,
    pub allow_na: bool,
    pub guidance: Option<&'a str>,
    pub evidence: Option<&'a str>,
    pub rule: &'a Rule,
}

impl ScoredUnit<'_> {
    /// The title in the interface language (Vietnamese when the set has no
    /// English title).
    pub fn title_shown(&self) -> &str {
        localized(self.title, self.title_en)
    }
}

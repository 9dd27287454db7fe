//! The appraisal an agency receives back (kết quả thẩm định): the review
//! file's format, the statuses and requests in it, which appraised scores a
//! rule allows, and the draft's scores once those are applied.
//!
//! It lives with the agency's draft because the draft keeps the last one it
//! imported; the reviewer's desk writes it (`crate::domain::appraisal`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::base::decimal::Dec;
use crate::domain::base::json::{read_format, Problem};
use crate::domain::criteria::set::{CriteriaSet, Rule, ScoredUnit};
use crate::domain::scoring::answer::Answers;
use crate::domain::scoring::engine::{score_with, Overrides, ScoreReport};

/// Where a submission is in the appraisal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    #[default]
    ChoThamDinh,
    DangThamDinh,
    DaGuiYeuCau,
    DaChot,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 4] = [
        ReviewStatus::ChoThamDinh,
        ReviewStatus::DangThamDinh,
        ReviewStatus::DaGuiYeuCau,
        ReviewStatus::DaChot,
    ];

    /// A short, stable name for forms and addresses.
    pub fn code(self) -> &'static str {
        match self {
            ReviewStatus::ChoThamDinh => "cho",
            ReviewStatus::DangThamDinh => "dang",
            ReviewStatus::DaGuiYeuCau => "yeu-cau",
            ReviewStatus::DaChot => "chot",
        }
    }

    /// The status whose [`ReviewStatus::code`] this is.
    pub fn from_code(code: &str) -> Option<ReviewStatus> {
        ReviewStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::ChoThamDinh => t!("Chờ thẩm định", "Awaiting appraisal"),
            ReviewStatus::DangThamDinh => t!("Đang thẩm định", "Under appraisal"),
            ReviewStatus::DaGuiYeuCau => t!("Đã gửi yêu cầu", "Requests sent"),
            ReviewStatus::DaChot => t!("Đã chốt", "Closed"),
        }
    }
}

/// What the appraiser asks of the agency for one item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    #[default]
    None,
    /// Yêu cầu giải trình.
    GiaiTrinh,
    /// Yêu cầu bổ sung tài liệu kiểm chứng.
    BoSungTaiLieu,
}

impl RequestKind {
    pub const ALL: [RequestKind; 3] = [
        RequestKind::None,
        RequestKind::GiaiTrinh,
        RequestKind::BoSungTaiLieu,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RequestKind::None => t!("Không yêu cầu", "No request"),
            RequestKind::GiaiTrinh => t!("Yêu cầu giải trình", "Explanation requested"),
            RequestKind::BoSungTaiLieu => t!(
                "Yêu cầu bổ sung tài liệu kiểm chứng",
                "More evidence requested"
            ),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            RequestKind::None => "none",
            RequestKind::GiaiTrinh => "giai_trinh",
            RequestKind::BoSungTaiLieu => "bo_sung_tai_lieu",
        }
    }
}

/// The appraiser's word on one item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Appraisal {
    /// Điểm thẩm định, as typed; empty keeps the recomputed self-score.
    pub score: String,
    /// Ý kiến của Hội đồng thẩm định.
    pub comment: String,
    pub request: RequestKind,
}

impl Appraisal {
    pub fn is_empty(&self) -> bool {
        *self == Appraisal::default()
    }
}

/// The values an appraised score may take under a rule: a list of allowed
/// points, or a range with a step.
pub fn check_appraised(unit: &ScoredUnit, text: &str) -> Result<Option<Dec>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let v = Dec::parse(t)
        .map_err(|e| tf!("Điểm thẩm định «{t}» {e}.", "Appraised score «{t}» {e}."))?;
    if v.is_negative() {
        return Err(t!(
            "Điểm thẩm định không được âm.",
            "The appraised score cannot be negative."
        )
        .into());
    }
    let allowed: Option<Vec<Dec>> = match unit.rule {
        Rule::Levels { options } | Rule::Bonus { options } => {
            Some(options.iter().map(|o| o.points).collect())
        }
        Rule::YesNo {
            yes_points,
            no_points,
            ..
        } => Some(vec![
            yes_points.unwrap_or(unit.max),
            no_points.unwrap_or(Dec::ZERO),
        ]),
        Rule::PercentBands { bands, .. } | Rule::CountBands { bands, .. } => {
            Some(bands.iter().map(|b| b.points).collect())
        }
        _ => None,
    };
    match (allowed, unit.rule) {
        (Some(mut list), _) => {
            if list.contains(&v) {
                Ok(Some(v))
            } else {
                list.sort();
                list.dedup();
                Err(tf!(
                    "Theo cách chấm của mục này, điểm chỉ có thể là {}.",
                    "By this item's scoring rule, the score can only be {}.",
                    list.iter()
                        .map(|d| d.shown())
                        .collect::<Vec<_>>()
                        .join("; ")
                ))
            }
        }
        (None, Rule::Direct { step }) if v > unit.max || !v.is_multiple_of(*step) => Err(tf!(
            "Điểm phải từ 0 đến {}, theo bước {}.",
            "The score must be from 0 to {}, in steps of {}.",
            unit.max.shown(),
            step.shown()
        )),
        (None, Rule::Deduction { .. }) => Ok(Some(v)),
        (None, Rule::Survey {}) => Err(t!(
            "Mục điều tra xã hội học không chấm từng mục.",
            "Survey items are not scored one by one."
        )
        .into()),
        (None, _) if v > unit.max => Err(tf!(
            "Điểm phải từ 0 đến {}.",
            "The score must be from 0 to {}.",
            unit.max.shown()
        )),
        _ => Ok(Some(v)),
    }
}

/// Scores after appraisal: the answers, with each appraised score in place
/// of its item's points (the desk's view, and the agency's after importing a
/// review file).
pub fn appraised_scores(
    set: &CriteriaSet,
    answers: &Answers,
    appraisals: &BTreeMap<String, Appraisal>,
) -> ScoreReport {
    score_with(set, answers, &appraised_points(set, appraisals))
}

/// The points the appraisal fixes, by item code: each valid appraised
/// score (an invalid or blank one leaves the item's own points).
pub fn appraised_points(set: &CriteriaSet, appraisals: &BTreeMap<String, Appraisal>) -> Overrides {
    set.scored_units()
        .filter_map(|u| {
            let a = appraisals.get(u.code)?;
            check_appraised(&u, &a.score)
                .ok()
                .flatten()
                .map(|v| (u.code.to_string(), v))
        })
        .collect()
}

/// The review file sent back to an agency after an appraisal round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewFile {
    /// Always "cchc-review".
    pub format: String,
    pub format_version: u32,
    pub draft_id: String,
    pub agency_name: String,
    /// The submission round this answers, and its seal.
    pub round: u32,
    pub submission_digest: String,
    pub exported_at: String,
    pub status: ReviewStatus,
    /// By item code.
    pub items: BTreeMap<String, Appraisal>,
    /// Appraised total, index and class (for information).
    pub appraised_total: Dec,
    #[serde(default)]
    pub appraised_index: Option<Dec>,
    #[serde(default)]
    pub appraised_class: Option<String>,
}

pub use crate::domain::base::file_kinds::REVIEW_FORMAT;

impl ReviewFile {
    /// The codes of the items the reviewer asked to explain or to add
    /// evidence to.
    pub fn requested(&self) -> impl Iterator<Item = &str> {
        self.items
            .iter()
            .filter(|(_, a)| a.request != RequestKind::None)
            .map(|(code, _)| code.as_str())
    }
}

/// Reads a review file (the agency's side).
pub fn read_review_file(bytes: &[u8]) -> Result<ReviewFile, Vec<Problem>> {
    read_format(
        bytes,
        2 * 1024 * 1024,
        REVIEW_FORMAT,
        tf!(
            "đây không phải tệp kết quả thẩm định «{REVIEW_FORMAT}»",
            "this is not an appraisal result file «{REVIEW_FORMAT}»"
        ),
    )
}

//! The reviewer's desk (bàn thẩm định): imported submissions, one per
//! agency draft, with the previous round kept to show what changed.
//!
//! How it is stored is in [`super::desk_storage`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::assessment::Draft;
use super::criteria_set::{CriteriaSet, Rule, ScoredUnit};
use super::decimal::Dec;
use super::loader::Problem;
use super::scoring::{index_of, score_with, Overrides, ScoreReport};
use super::submission::{check, read_submission, Checks, Submission};

pub use super::desk_storage::{
    SetDigests, StoredDeskEntry, StoredSubmission, DESK_FORMAT, REVIEW_ENTRY_PREFIX,
    REVIEW_SET_PREFIX,
};

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

    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::ChoThamDinh => t!("Chờ thẩm định", "Awaiting appraisal"),
            ReviewStatus::DangThamDinh => t!("Đang thẩm định", "Under appraisal"),
            ReviewStatus::DaGuiYeuCau => t!("Đã gửi yêu cầu", "Requests sent"),
            ReviewStatus::DaChot => t!("Đã chốt", "Closed"),
        }
    }
}

/// One agency's submission on the desk.
#[derive(Clone, Debug, PartialEq)]
pub struct DeskEntry {
    pub file_name: String,
    pub imported_at: String,
    pub submission: Submission,
    /// The round before, when a later round replaced it.
    pub previous: Option<Submission>,
    pub status: ReviewStatus,
    /// The appraisal, by item code.
    pub appraisals: BTreeMap<String, Appraisal>,
    /// Điểm điều tra xã hội học, as typed by the reviewer.
    pub survey_score: String,
}

impl DeskEntry {
    /// The agency's draft id: rounds of one agency share it.
    pub fn key(&self) -> &str {
        &self.submission.draft_id
    }
}

/// What happened to one imported file.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportOutcome {
    /// A new agency on the desk.
    Added { key: String },
    /// A later round replaced the earlier one (kept as `previous`).
    NewRound { key: String, round: u32 },
    /// The same file again: nothing changed.
    Unchanged { key: String },
}

/// Every submission on the desk, by agency draft id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Desk {
    pub entries: BTreeMap<String, DeskEntry>,
}

impl Desk {
    /// Imports one file. A bad file is refused with every problem found;
    /// the desk is unchanged.
    pub fn import(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        now: &str,
    ) -> Result<ImportOutcome, Vec<Problem>> {
        let sub = read_submission(bytes)?;
        let key = sub.draft_id.clone();
        if key.trim().is_empty() {
            return Err(vec![Problem {
                path: "draft_id".into(),
                code: None,
                message: t!(
                    "tệp không có mã bản tự đánh giá (draft_id)",
                    "file has no self-assessment id (draft_id)"
                )
                .into(),
            }]);
        }
        let outcome = match self.entries.get_mut(&key) {
            None => {
                self.entries.insert(
                    key.clone(),
                    DeskEntry {
                        file_name: file_name.to_string(),
                        imported_at: now.to_string(),
                        submission: sub,
                        previous: None,
                        status: ReviewStatus::ChoThamDinh,
                        appraisals: BTreeMap::new(),
                        survey_score: String::new(),
                    },
                );
                ImportOutcome::Added { key }
            }
            Some(e) if e.submission == sub => ImportOutcome::Unchanged { key },
            Some(e) if e.status == ReviewStatus::DaChot => {
                return Err(vec![Problem {
                    path: String::new(),
                    code: None,
                    message: tf!(
                        "hồ sơ của «{}» đã chốt điểm; không nhận thêm lần nộp mới",
                        "the record of «{}» is closed; no new submissions are accepted",
                        e.submission.agency.name
                    ),
                }])
            }
            Some(e) => {
                let round = sub.round;
                let old = std::mem::replace(&mut e.submission, sub);
                e.previous = Some(old);
                e.file_name = file_name.to_string();
                e.imported_at = now.to_string();
                if e.status != ReviewStatus::DaChot {
                    e.status = ReviewStatus::DangThamDinh;
                }
                ImportOutcome::NewRound { key, round }
            }
        };
        Ok(outcome)
    }

    /// The checks of every entry against the reviewer's official sets
    /// (looked up by "id@version").
    pub fn checks<'a>(
        &'a self,
        official: impl Fn(&str) -> Option<&'a CriteriaSet>,
    ) -> BTreeMap<String, Checks> {
        self.entries
            .iter()
            .map(|(k, e)| {
                (
                    k.clone(),
                    check(&e.submission, official(&e.submission.criteria_set_key)),
                )
            })
            .collect()
    }
}

/// Items whose response changed between two rounds, in code order.
pub fn changed_items(before: &Submission, after: &Submission) -> Vec<String> {
    let mut codes: Vec<String> = before
        .responses
        .keys()
        .chain(after.responses.keys())
        .cloned()
        .collect();
    codes.sort();
    codes.dedup();
    codes
        .into_iter()
        .filter(|c| before.responses.get(c) != after.responses.get(c))
        .collect()
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

/// Scores after appraisal: the agency's answers, with each appraised score
/// in place of the item's points.
pub fn appraised_report(
    set: &CriteriaSet,
    sub: &Submission,
    appraisals: &BTreeMap<String, Appraisal>,
) -> ScoreReport {
    let draft = Draft {
        responses: sub.responses.clone(),
        ..Draft::default()
    };
    draft_appraised(set, &draft, appraisals)
}

/// The same for a draft: its current answers, with the appraised scores
/// (the agency's view after importing a review file).
pub fn draft_appraised(
    set: &CriteriaSet,
    draft: &Draft,
    appraisals: &BTreeMap<String, Appraisal>,
) -> ScoreReport {
    let overrides: Overrides = set
        .scored_units()
        .filter_map(|u| {
            let a = appraisals.get(u.code)?;
            check_appraised(&u, &a.score)
                .ok()
                .flatten()
                .map(|v| (u.code.to_string(), v))
        })
        .collect();
    score_with(set, &draft.answers(set), &overrides)
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

pub const REVIEW_FORMAT: &str = "cchc-review";

impl DeskEntry {
    /// The review file for the agency.
    pub fn review_file(&self, set: &CriteriaSet, now: &str) -> ReviewFile {
        let r = appraised_report(set, &self.submission, &self.appraisals);
        ReviewFile {
            format: REVIEW_FORMAT.into(),
            format_version: 1,
            draft_id: self.submission.draft_id.clone(),
            agency_name: self.submission.agency.name.clone(),
            round: self.submission.round,
            submission_digest: self.submission.digest.clone(),
            exported_at: now.into(),
            status: self.status,
            items: self
                .appraisals
                .iter()
                .filter(|(_, a)| !a.is_empty())
                .map(|(k, a)| (k.clone(), a.clone()))
                .collect(),
            appraised_total: r.total,
            appraised_index: r.index,
            appraised_class: r.class,
        }
    }
}

/// Reads a review file (the agency's side).
pub fn read_review_file(bytes: &[u8]) -> Result<ReviewFile, Vec<Problem>> {
    let value = super::loader::read_json(bytes, 2 * 1024 * 1024)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(REVIEW_FORMAT) {
        return Err(vec![Problem {
            path: "format".into(),
            code: None,
            message: tf!(
                "đây không phải tệp kết quả thẩm định «{REVIEW_FORMAT}»",
                "this is not an appraisal result file «{REVIEW_FORMAT}»"
            ),
        }]);
    }
    let mut problems = Vec::new();
    super::loader::piece::<ReviewFile>(value, "", None, &mut problems).ok_or(problems)
}

/// One line of the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct RankRow {
    pub key: String,
    pub agency: String,
    pub self_total: Dec,
    pub appraised: Dec,
    pub survey: Option<Dec>,
    pub total: Dec,
    pub max: Dec,
    pub index: Option<Dec>,
    pub class: Option<String>,
    /// Competition ranking by index: ties share a rank (1, 2, 2, 4).
    pub rank: usize,
    /// Index per field (appraised).
    pub field_index: Vec<Option<Dec>>,
}

/// Ranks every agency on the desk by its index after appraisal, the survey
/// score added (total ÷ (applicable maximum + survey maximum)).
pub fn ranking<'s>(
    desk: &Desk,
    official: impl Fn(&str) -> Option<&'s CriteriaSet>,
) -> Vec<RankRow> {
    let mut rows: Vec<RankRow> = desk
        .entries
        .iter()
        .map(|(k, e)| {
            let set =
                official(&e.submission.criteria_set_key).unwrap_or(&e.submission.criteria_set);
            let own = Draft {
                responses: e.submission.responses.clone(),
                ..Draft::default()
            }
            .score(set);
            let r = appraised_report(set, &e.submission, &e.appraisals);
            let survey = Dec::parse(&e.survey_score)
                .ok()
                .map(|s| s.max(Dec::ZERO).min(r.survey_max));
            let total = r.total + survey.unwrap_or(Dec::ZERO);
            let max = r.applicable_max
                + if survey.is_some() {
                    r.survey_max
                } else {
                    Dec::ZERO
                };
            let index = index_of(total, max);
            RankRow {
                key: k.clone(),
                agency: e.submission.agency.name.clone(),
                self_total: own.total,
                appraised: r.total,
                survey,
                total,
                max,
                class: index
                    .and_then(|i| set.class_for(i))
                    .map(|b| b.label_shown().to_string()),
                index,
                rank: 0,
                field_index: r.fields.iter().map(|f| f.index).collect(),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.index.cmp(&a.index).then_with(|| a.agency.cmp(&b.agency)));
    for i in 0..rows.len() {
        rows[i].rank = if i > 0 && rows[i].index == rows[i - 1].index {
            rows[i - 1].rank
        } else {
            i + 1
        };
    }
    rows
}

/// The ranking as CSV for Excel (UTF-8 with BOM).
pub fn ranking_csv(rows: &[RankRow], field_codes: &[String]) -> String {
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let pct = |i: Option<Dec>| {
        i.map(|i| format!("{}%", i.shown_fixed2()))
            .unwrap_or_default()
    };
    let mut out = String::from(t!(
        "\u{feff}Xếp hạng,Cơ quan,Tự chấm,Điểm thẩm định,Điểm ĐTXHH,Tổng điểm,Chỉ số,Xếp loại",
        "\u{feff}Rank,Agency,Self-score,Appraised score,Survey score,Total score,Index,Class"
    ));
    for c in field_codes {
        out.push_str(&tf!(",Chỉ số LV {c}", ",Field index {c}"));
    }
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{}",
            r.rank,
            q(&r.agency),
            q(&r.self_total.shown()),
            q(&r.appraised.shown()),
            q(&r.survey.map(|s| s.shown()).unwrap_or_default()),
            q(&r.total.shown()),
            q(&pct(r.index)),
            q(r.class.as_deref().unwrap_or(""))
        ));
        for i in &r.field_index {
            out.push_str(&format!(",{}", q(&pct(*i))));
        }
        out.push_str("\r\n");
    }
    out
}

//! An agency's self-assessment in progress (bản tự đánh giá): its profile,
//! what was typed for each item, the evidence cited and the explanations.
//!
//! What the user typed is kept verbatim, as text, even when it is not a valid
//! number: nothing typed is thrown away because it is invalid. The engine's
//! [`Answer`]s are derived from it, and each problem is reported against the
//! input it belongs to, in Vietnamese.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::evidence::EvidenceRef;
use super::profile::AgencyProfile;
use crate::domain::base::decimal::Dec;
use crate::domain::criteria::set::{CriteriaSet, PercentInput, Rule, ScoredUnit};
use crate::domain::scoring::answer::{Answer, AnswerValue, Answers};
use crate::domain::scoring::engine::{score, ScoreReport};

/// The value of the `format` key of a stored draft.
pub use crate::domain::base::file_kinds::DRAFT_FORMAT;
/// Version of the draft data written by this build (1: the first build,
/// without id, name or times; 2: many drafts).
pub const DRAFT_FORMAT_VERSION: u32 = 2;

/// What the user entered for one item.
///
/// Only the inputs of the item's rule are used: `choice` for levels, yes/no
/// ("yes"/"no"), bonus and deduction; `value` for a percentage, a count or a
/// direct score; `numerator`/`denominator` for a ratio.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Response {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub value: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub numerator: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub denominator: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceRef>,
    /// Giải trình, where there is no evidence.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub explanation: String,
}

/// The inputs of an item that can carry a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerInput {
    Value,
    Numerator,
    Denominator,
}

/// How an item's answer is entered, decided by its rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// Radio options (levels, bonus, deduction).
    Choice,
    YesNo,
    Percent,
    Fraction,
    Count,
    Direct,
    /// Not self-scored.
    Survey,
}

impl InputKind {
    pub fn of(rule: &Rule) -> InputKind {
        match rule {
            Rule::Levels { .. } | Rule::Bonus { .. } | Rule::Deduction { .. } => InputKind::Choice,
            Rule::YesNo { .. } => InputKind::YesNo,
            Rule::PercentBands {
                input: PercentInput::Percent,
                ..
            } => InputKind::Percent,
            Rule::PercentBands { .. } | Rule::Ratio { .. } => InputKind::Fraction,
            Rule::CountBands { .. } => InputKind::Count,
            Rule::Direct { .. } => InputKind::Direct,
            Rule::Survey {} => InputKind::Survey,
        }
    }
}

/// The result of reading a response: the engine's answer (None while
/// nothing usable is entered) and the messages for each input.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadResponse {
    pub answer: Option<Answer>,
    pub problems: Vec<(AnswerInput, String)>,
}

impl Response {
    /// Whether anything about the answer itself was entered.
    pub fn has_entry(&self) -> bool {
        self.not_applicable
            || self.choice.is_some()
            || !self.value.trim().is_empty()
            || !self.numerator.trim().is_empty()
            || !self.denominator.trim().is_empty()
    }

    /// Whether any evidence reference identifies a document.
    pub fn has_evidence(&self) -> bool {
        self.evidence.iter().any(|e| !e.is_blank())
    }

    pub fn has_explanation(&self) -> bool {
        !self.explanation.trim().is_empty()
    }

    /// Reads the typed text against the unit's rule.
    pub fn read(&self, unit: &ScoredUnit) -> ReadResponse {
        let mut out = ReadResponse::default();
        if self.not_applicable {
            out.answer = Some(Answer {
                value: None,
                not_applicable: true,
                exempt: None,
            });
            return out;
        }
        let value = match InputKind::of(unit.rule) {
            InputKind::Survey => None,
            InputKind::Choice => self.choice.clone().map(|id| AnswerValue::Option { id }),
            InputKind::YesNo => self.choice.as_deref().and_then(|c| match c {
                "yes" => Some(AnswerValue::YesNo { yes: true }),
                "no" => Some(AnswerValue::YesNo { yes: false }),
                _ => None,
            }),
            // "92,5%" as a percentage reads as it would be said: the sign
            // after the number is allowed
            InputKind::Percent => number(
                {
                    let v = self.value.trim();
                    v.strip_suffix('%').unwrap_or(v).trim_end()
                },
                t!("Tỷ lệ", "Ratio"),
                AnswerInput::Value,
                &mut out.problems,
            )
            .and_then(|percent| {
                if percent.is_negative() || percent > Dec::HUNDRED {
                    out.problems.push((
                        AnswerInput::Value,
                        tf!(
                            "Tỷ lệ phải từ 0 đến 100%, bạn nhập {}%.",
                            "The percentage must be from 0 to 100%; you entered {}%.",
                            percent.shown()
                        ),
                    ));
                    None
                } else {
                    Some(AnswerValue::Percent { percent })
                }
            }),
            InputKind::Fraction => {
                let n = number(
                    &self.numerator,
                    t!("Tử số", "Numerator"),
                    AnswerInput::Numerator,
                    &mut out.problems,
                );
                let d = number(
                    &self.denominator,
                    t!("Mẫu số", "Denominator"),
                    AnswerInput::Denominator,
                    &mut out.problems,
                );
                for (v, input, what) in [
                    (n, AnswerInput::Numerator, t!("Tử số", "Numerator")),
                    (d, AnswerInput::Denominator, t!("Mẫu số", "Denominator")),
                ] {
                    if v.is_some_and(Dec::is_negative) {
                        out.problems.push((
                            input,
                            tf!("{what} không được âm.", "{what} cannot be negative."),
                        ));
                    }
                }
                match (n, d) {
                    (Some(n), Some(d)) if !n.is_negative() && !d.is_negative() => {
                        if n > d {
                            out.problems.push((
                                AnswerInput::Numerator,
                                tf!("Tử số ({}) lớn hơn mẫu số ({}): tỷ lệ không thể quá 100%.", "The numerator ({}) is larger than the denominator ({}): the ratio cannot exceed 100%.",
                                    n.shown(),
                                    d.shown()
                                ),
                            ));
                            None
                        } else {
                            Some(AnswerValue::Fraction {
                                numerator: n,
                                denominator: d,
                            })
                        }
                    }
                    _ => None,
                }
            }
            InputKind::Count => {
                let t = self.value.trim();
                if t.is_empty() {
                    None
                } else if let Ok(count) = t.parse::<u64>() {
                    Some(AnswerValue::Count { count })
                } else if t.starts_with('-') && Dec::parse(t).is_ok() {
                    out.problems.push((
                        AnswerInput::Value,
                        t!("Số lượng không được âm.", "The count cannot be negative.").into(),
                    ));
                    None
                } else {
                    out.problems.push((
                        AnswerInput::Value,
                        tf!(
                            "Số lượng «{t}» phải là số nguyên không âm, ví dụ 3.",
                            "The count «{t}» must be a whole number, not negative, e.g. 3."
                        ),
                    ));
                    None
                }
            }
            InputKind::Direct => {
                let step = match unit.rule {
                    Rule::Direct { step } => *step,
                    _ => Dec::from_hundredths(1),
                };
                number(
                    &self.value,
                    t!("Điểm", "Score"),
                    AnswerInput::Value,
                    &mut out.problems,
                )
                .and_then(|p| {
                    if p.is_negative() || p > unit.max {
                        out.problems.push((
                            AnswerInput::Value,
                            tf!(
                                "Điểm phải từ 0 đến {}, bạn nhập {}.",
                                "The score must be from 0 to {}; you entered {}.",
                                unit.max.shown(),
                                p.shown()
                            ),
                        ));
                        None
                    } else if !p.is_multiple_of(step) {
                        out.problems.push((
                            AnswerInput::Value,
                            tf!(
                                "Điểm {} không theo bước {} điểm.",
                                "Score {} is not on the {}-point step.",
                                p.shown(),
                                step.shown()
                            ),
                        ));
                        None
                    } else {
                        Some(AnswerValue::Points { points: p })
                    }
                })
            }
        };
        out.answer = value.map(|v| Answer {
            value: Some(v),
            not_applicable: false,
            exempt: None,
        });
        out
    }

    /// The next value of a direct-score stepper: one step up or down from
    /// what is typed, kept within [0, max].
    pub fn step_value(&self, step: Dec, max: Dec, up: bool) -> String {
        let current = Dec::parse(&self.value).unwrap_or(Dec::ZERO);
        // snap to the grid first, then move
        let snapped = Dec::from_hundredths(
            current.hundredths() - current.hundredths().rem_euclid(step.hundredths().max(1)),
        );
        let next = if up {
            snapped + step
        } else if snapped < current {
            snapped
        } else {
            snapped - step
        };
        next.max(Dec::ZERO).min(max).shown()
    }
}

fn number(
    text: &str,
    what: &str,
    input: AnswerInput,
    problems: &mut Vec<(AnswerInput, String)>,
) -> Option<Dec> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match Dec::parse(t) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push((input, format!("{what} «{t}» {e}.")));
            None
        }
    }
}

/// The self-assessment being filled in (bản tự đánh giá), as stored: one
/// localStorage entry per draft. See [`super::stored`] for reading stored
/// entries of any format version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// Always "cchc-draft".
    pub format: String,
    pub format_version: u32,
    /// Stable identifier; also the end of its storage key.
    pub id: String,
    /// The name in the list of drafts; empty means "use the agency's name".
    pub name: String,
    /// Local date-times, YYYY-MM-DDTHH:MM:SS.
    pub created: String,
    pub modified: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_exported: Option<String>,
    /// Incremented by every save: another tab that saved in between is
    /// noticed, never silently overwritten.
    pub revision: u64,
    /// The criteria set, as "id@version"; empty until one is chosen.
    pub set_key: String,
    pub profile: AgencyProfile,
    /// By item code.
    pub responses: BTreeMap<String, Response>,
    /// Khó khăn, vướng mắc.
    pub difficulties: String,
    /// Kiến nghị, đề xuất.
    pub proposals: String,
    /// The appraisal of the last round, imported from the reviewer's file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<super::review_file::ReviewFile>,
    /// The seal (digest) of each round exported, by round: a review file is
    /// taken only for the last round sent, with that round's seal.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub sent: BTreeMap<u32, String>,
    /// Last year's result, for the comparison on the summary and in the
    /// report: a [`super::last_year::LastYear`] as JSON text, so that only
    /// the summary's chunk carries the code reading and writing it (the
    /// first page stays light).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_year: Option<String>,
}

/// Where a draft is in the year's round trip (see [`Draft::round_trip`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundTrip {
    /// No submission exported yet.
    NotSent,
    /// Round `round` exported; no result for it yet.
    Sent { round: u32 },
    /// The reviewer's result for the last round sent.
    Reviewed {
        round: u32,
        status: super::review_file::ReviewStatus,
        /// Items the reviewer asked to explain or to add evidence to.
        requests: usize,
        appraised_total: Dec,
    },
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            format: DRAFT_FORMAT.into(),
            format_version: DRAFT_FORMAT_VERSION,
            id: String::new(),
            name: String::new(),
            created: String::new(),
            modified: String::new(),
            last_exported: None,
            revision: 0,
            set_key: String::new(),
            profile: AgencyProfile::default(),
            responses: BTreeMap::new(),
            difficulties: String::new(),
            proposals: String::new(),
            review: None,
            sent: BTreeMap::new(),
            last_year: None,
        }
    }
}

impl Draft {
    /// A new, empty draft.
    pub fn new(id: &str, now: &str) -> Draft {
        Draft {
            id: id.to_string(),
            created: now.to_string(),
            modified: now.to_string(),
            ..Draft::default()
        }
    }

    /// The name shown in the list: the user's, else the agency's.
    pub fn display_name(&self) -> String {
        [&self.name, &self.profile.name]
            .iter()
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
            .unwrap_or(t!("Bản chưa đặt tên", "Untitled draft"))
            .to_string()
    }

    /// Whether two drafts hold the same work (save bookkeeping aside).
    pub fn same_content(&self, other: &Draft) -> bool {
        self.name == other.name
            && self.set_key == other.set_key
            && self.profile == other.profile
            && self.responses == other.responses
            && self.difficulties == other.difficulties
            && self.proposals == other.proposals
            && self.review == other.review
            && self.sent == other.sent
            && self.last_year == other.last_year
    }

    /// Takes the reviewer's result file for this draft: it must answer this
    /// draft, the last round it sent, with that round's seal. (A draft that
    /// sent its rounds before seals were recorded cannot check the seal.)
    pub fn take_review(&mut self, review: super::review_file::ReviewFile) -> Result<(), String> {
        if review.draft_id != self.id {
            return Err(tf!(
                "đây là kết quả thẩm định của «{}», không phải của bản đang mở «{}». Hãy mở đúng bản ở mục «Các bản»",
                "this is the appraisal result of «{}», not of the open draft «{}». Open the right draft under «Drafts»",
                review.agency_name,
                self.display_name()
            ));
        }
        if let Some((&last, digest)) = self.sent.iter().next_back() {
            if review.round != last {
                return Err(tf!(
                    "tệp trả lời hồ sơ lần {}, nhưng lần nộp gần nhất của bản này là lần {last}",
                    "the file answers submission no. {}, but this draft's last submission is no. {last}",
                    review.round
                ));
            }
            if &review.submission_digest != digest {
                return Err(tf!(
                    "mã niêm phong hồ sơ trong tệp không khớp với hồ sơ lần {last} bản này đã nộp: tệp không trả lời hồ sơ của bạn, hoặc đã bị sửa",
                    "the submission seal in the file does not match submission no. {last} this draft sent: the file does not answer your submission, or it was altered"
                ));
            }
        } else if self.last_exported.is_none() {
            return Err(t!(
                "bản này chưa xuất tệp nộp nào, nên chưa thể có kết quả thẩm định",
                "this draft has not exported a submission yet, so it cannot have an appraisal result"
            )
            .into());
        }
        self.review = Some(review);
        Ok(())
    }

    /// The round of the next submission: one after the round appraised,
    /// and never below the last round sent (a draft opened again from its
    /// round 2 file, with no result yet, sends round 2 again).
    pub fn next_round(&self) -> u32 {
        let after_review = self.review.as_ref().map_or(1, |r| r.round + 1);
        let last_sent = self.sent.keys().next_back().copied().unwrap_or(1);
        after_review.max(last_sent)
    }

    /// Where the draft is in the year's round trip with the reviewer: the
    /// last round sent, and the reviewer's result when it answers that round
    /// (a result is news of its round even in a draft kept before rounds
    /// sent were recorded).
    pub fn round_trip(&self) -> RoundTrip {
        let last_sent = self.sent.keys().next_back().copied();
        match (&self.review, last_sent) {
            (Some(r), _) if last_sent.is_none_or(|s| r.round >= s) => RoundTrip::Reviewed {
                round: r.round,
                status: r.status,
                requests: r.requested().count(),
                appraised_total: r.appraised_total,
            },
            (_, Some(round)) => RoundTrip::Sent { round },
            (_, None) => RoundTrip::NotSent,
        }
    }

    /// A copy to carry on from (e.g. next year from this year): everything
    /// entered is kept; it gets its own id, times and name.
    pub fn duplicate(&self, id: &str, now: &str) -> Draft {
        Draft {
            id: id.to_string(),
            name: tf!("{} (bản sao)", "{} (copy)", self.display_name()),
            created: now.to_string(),
            modified: now.to_string(),
            last_exported: None,
            revision: 0,
            sent: BTreeMap::new(),
            // the copy's last year is this draft, picked on its summary
            last_year: None,
            ..self.clone()
        }
    }

    /// The response for an item (empty when nothing was entered).
    pub fn response(&self, code: &str) -> Response {
        self.responses.get(code).cloned().unwrap_or_default()
    }

    /// Changes one item's response; an emptied response is removed.
    pub fn edit(&mut self, code: &str, f: impl FnOnce(&mut Response)) {
        let r = self.responses.entry(code.to_string()).or_default();
        f(r);
        if *r == Response::default() {
            self.responses.remove(code);
        }
    }

    /// The engine's answers for every item with a usable entry.
    /// An item exempted by an exemption the agency declares is not
    /// applicable, whatever was typed.
    pub fn answers(&self, set: &CriteriaSet) -> Answers {
        answers_of(&self.responses, &self.profile.exemptions, set)
    }

    pub fn score(&self, set: &CriteriaSet) -> ScoreReport {
        score(set, &self.answers(set))
    }
}

/// The answers the set scores, read from `responses`; an item exempted for
/// the agency's kind (`exemptions`) is "not applicable" whatever was
/// written. A draft's and a submission's answers alike, without copying
/// either.
pub fn answers_of(
    responses: &BTreeMap<String, Response>,
    exemptions: &[String],
    set: &CriteriaSet,
) -> Answers {
    let exempted = set.exempted(exemptions);
    set.scored_units()
        .filter_map(|u| {
            answer_of(&u, responses.get(u.code), exempted.get(u.code))
                .map(|a| (u.code.to_string(), a))
        })
        .collect()
}

/// One item's answer for the engine: not applicable when an exemption of
/// the agency's (`exempt`, its label) covers it, else what was typed, if
/// it is usable.
pub fn answer_of(
    unit: &ScoredUnit,
    response: Option<&Response>,
    exempt: Option<&String>,
) -> Option<Answer> {
    if let Some(label) = exempt {
        return Some(Answer {
            value: None,
            not_applicable: true,
            exempt: Some(label.clone()),
        });
    }
    response?.read(unit).answer
}

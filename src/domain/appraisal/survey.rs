//! Điểm điều tra xã hội học (the survey scores, ĐTXHH/SIPAS) as the
//! province receives them: a table of agency and score, pasted from Excel
//! or read from a CSV. Each row is matched to one agency on the desk by its
//! name (case, accents, spacing and punctuation aside); a row that matches
//! none, or more than one, or whose score is not a number within the set's
//! survey maximum, is listed with the reason. Nothing is guessed.

use std::collections::BTreeMap;

use super::desk::Desk;
use crate::domain::assessment::review_file::ReviewStatus;
use crate::domain::base::decimal::Dec;
use crate::domain::base::table::{read_table, MAX_TABLE_BYTES};
use crate::domain::base::text::fold_vi;
use crate::domain::criteria::set::CriteriaSet;

/// One row of the table matched to one agency on the desk.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyHit {
    /// The row's number in the pasted table, from 1.
    pub line: usize,
    pub key: String,
    pub agency: String,
    pub score: Dec,
    /// The survey score on the desk before, as typed ("" for none).
    pub before: String,
}

/// A row not taken, with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyMiss {
    pub line: usize,
    /// The row as pasted, cells joined by " | ".
    pub row: String,
    pub why: String,
}

/// What a pasted table of survey scores gives on this desk.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SurveyMatch {
    pub hits: Vec<SurveyHit>,
    pub misses: Vec<SurveyMiss>,
    /// The heading row, when the first row has no score (told, not taken).
    pub heading: Option<String>,
    /// Agencies on the desk that no row names: (key, agency).
    pub not_in_table: Vec<(String, String)>,
}

/// An agency's name as compared: lower case, no accents, letters and
/// digits only, single spaces. "UBND  xã Tân-Lập" = "ubnd xa tan lap".
pub fn name_key(name: &str) -> String {
    fold_vi(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads the table and matches it to the desk. The agency is the first cell
/// with a letter in it; the score is the last cell after it that is a
/// number ("8,5", "8.5", "85%" is refused: scores are points). The survey
/// maximum is the reviewer's official set's (or the file's own set when
/// there is no official one, which never ranks anyway).
pub fn match_survey_table<'s>(
    desk: &Desk,
    text: &str,
    official: impl Fn(&str) -> Option<&'s CriteriaSet>,
) -> SurveyMatch {
    let mut by_name: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (k, e) in &desk.entries {
        by_name
            .entry(name_key(&e.submission.agency.name))
            .or_default()
            .push(k);
    }
    let mut out = SurveyMatch::default();
    if text.len() > MAX_TABLE_BYTES {
        out.misses.push(SurveyMiss {
            line: 0,
            row: String::new(),
            why: tf!(
                "bảng quá lớn ({} KB; giới hạn {} KB): bảng điểm của một tỉnh chỉ vài chục KB, hãy kiểm tra lại nội dung đã dán",
                "the table is too large ({} KB; the limit is {} KB): a province's score table is a few tens of KB, check what was pasted",
                text.len().div_ceil(1024),
                MAX_TABLE_BYTES / 1024
            ),
        });
        return out;
    }
    // the line that took each agency
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    for (i, cells) in read_table(text).into_iter().enumerate() {
        let line = i + 1;
        let row = cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" | ");
        let miss = |why: String| SurveyMiss {
            line,
            row: row.clone(),
            why,
        };
        let Some(name_at) = cells
            .iter()
            .position(|c| c.chars().any(char::is_alphabetic) && Dec::parse(c).is_err())
        else {
            out.misses
                .push(miss(t!("không có tên cơ quan", "no agency name").into()));
            continue;
        };
        let name = cells[name_at].trim();
        let score_cell = cells[name_at + 1..]
            .iter()
            .rev()
            .map(|c| c.trim())
            .find(|c| !c.is_empty());
        let Some(score_text) = score_cell else {
            if i == 0 {
                out.heading = Some(row);
            } else {
                out.misses.push(miss(
                    t!(
                        "không có điểm sau tên cơ quan",
                        "no score after the agency's name"
                    )
                    .into(),
                ));
            }
            continue;
        };
        let score = match Dec::parse(score_text) {
            Ok(s) => s,
            Err(_) if i == 0 => {
                out.heading = Some(row);
                continue;
            }
            Err(e) => {
                out.misses.push(miss(tf!(
                    "điểm «{score_text}» {e}",
                    "score «{score_text}» {e}"
                )));
                continue;
            }
        };
        let keys = by_name.get(&name_key(name)).cloned().unwrap_or_default();
        let key = match keys.as_slice() {
            [] => {
                out.misses.push(miss(tf!(
                    "không có cơ quan «{name}» trên bàn thẩm định (so theo tên, không phân biệt hoa thường, dấu và khoảng trắng)",
                    "no agency «{name}» on the desk (matched by name, case, accents and spacing aside)"
                )));
                continue;
            }
            [k] => k.to_string(),
            many => {
                out.misses.push(miss(tf!(
                    "{} hồ sơ trên bàn cùng tên «{name}»; hãy nhập điểm của các cơ quan này trên trang từng hồ sơ",
                    "{} submissions on the desk share the name «{name}»; type these agencies' scores on each submission's page",
                    many.len()
                )));
                continue;
            }
        };
        let e = &desk.entries[&key];
        if let Some(first) = taken.get(&key) {
            out.misses.push(miss(tf!(
                "cơ quan này đã có điểm ở dòng {first}",
                "this agency already has a score on line {first}"
            )));
            continue;
        }
        let set = official(&e.submission.criteria_set_key).unwrap_or(&e.submission.criteria_set);
        let max = set.survey_max();
        if max.is_zero() {
            out.misses.push(miss(tf!(
                "bộ tiêu chí của «{}» không có điểm điều tra xã hội học",
                "the criteria set of «{}» has no survey score",
                e.submission.agency.name
            )));
            continue;
        }
        if score.is_negative() || score > max {
            out.misses.push(miss(tf!(
                "điểm {} ngoài khoảng 0 đến {} (điểm tối đa điều tra xã hội học của bộ tiêu chí)",
                "score {} is outside 0 to {} (the set's survey maximum)",
                score.shown(),
                max.shown()
            )));
            continue;
        }
        if e.status == ReviewStatus::DaChot {
            out.misses.push(miss(tf!(
                "hồ sơ của «{}» đã chốt điểm",
                "the record of «{}» is closed",
                e.submission.agency.name
            )));
            continue;
        }
        taken.insert(key.clone(), line);
        out.hits.push(SurveyHit {
            line,
            key,
            agency: e.submission.agency.name.clone(),
            score,
            before: e.survey_score.clone(),
        });
    }
    out.not_in_table = desk
        .entries
        .iter()
        .filter(|(k, _)| !taken.contains_key(*k))
        .map(|(k, e)| (k.clone(), e.submission.agency.name.clone()))
        .collect();
    out
}

impl Desk {
    /// Writes the matched scores; returns the keys changed.
    pub fn take_survey_scores(&mut self, hits: &[SurveyHit]) -> Vec<String> {
        let mut changed = Vec::new();
        for h in hits {
            if let Some(e) = self.entries.get_mut(&h.key) {
                let shown = h.score.shown();
                if e.survey_score != shown && e.status != ReviewStatus::DaChot {
                    e.survey_score = shown;
                    changed.push(h.key.clone());
                }
            }
        }
        changed
    }
}

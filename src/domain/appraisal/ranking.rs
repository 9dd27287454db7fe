//! The ranking of the agencies on the desk (bảng xếp hạng), in one block
//! per criteria set, and its CSV.

use std::collections::BTreeMap;

use super::desk::{appraised_report, Desk, DeskEntry};
use crate::domain::base::decimal::Dec;
use crate::domain::base::text::csv_cell;
use crate::domain::criteria::set::CriteriaSet;
use crate::domain::scoring::engine::index_of;

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

/// Agencies not ranked because the reviewer's library has no official set
/// of their submission's id and version: (key, agency, "id@version"). A
/// file's own set could carry forged class bands, so it never ranks.
pub fn held_apart<'s>(
    desk: &Desk,
    official: impl Fn(&str) -> Option<&'s CriteriaSet>,
) -> Vec<(String, String, String)> {
    desk.entries
        .iter()
        .filter(|(_, e)| official(&e.submission.criteria_set_key).is_none())
        .map(|(k, e)| {
            (
                k.clone(),
                e.submission.agency.name.clone(),
                e.submission.criteria_set_key.clone(),
            )
        })
        .collect()
}

/// One block of the ranking: the agencies assessed on one official
/// criteria set (one kind of unit and year), ranked among themselves only.
/// Departments and communes are never ranked against each other.
#[derive(Clone, Debug, PartialEq)]
pub struct RankBlock {
    /// "id@version" of the set.
    pub set_key: String,
    /// The set's title, with its year when the title does not say it.
    pub title: String,
    /// (code, title) of the set's fields: the block's own columns.
    pub fields: Vec<(String, String)>,
    /// The lower bound and label of each of the set's classes.
    pub bands: Vec<(Dec, String)>,
    pub rows: Vec<RankRow>,
}

/// Ranks the agencies on the desk whose set the reviewer has as official
/// (see [`held_apart`] for the others), one block per set, by their index
/// after appraisal, the survey score added (total ÷ (applicable maximum +
/// survey maximum)). The official set's classes apply, never the file's.
/// Blocks come in the order of their titles.
pub fn ranking_blocks<'s>(
    desk: &Desk,
    official: impl Fn(&str) -> Option<&'s CriteriaSet>,
) -> Vec<RankBlock> {
    let mut blocks: BTreeMap<&str, (&CriteriaSet, Vec<RankRow>)> = BTreeMap::new();
    for (k, e) in &desk.entries {
        let key = e.submission.criteria_set_key.as_str();
        let Some(set) = official(key) else { continue };
        blocks
            .entry(key)
            .or_insert_with(|| (set, Vec::new()))
            .1
            .push(rank_row(k, e, set));
    }
    let mut out: Vec<RankBlock> = blocks
        .into_iter()
        .map(|(key, (set, mut rows))| {
            rows.sort_by(|a, b| b.index.cmp(&a.index).then_with(|| a.agency.cmp(&b.agency)));
            for i in 0..rows.len() {
                rows[i].rank = if i > 0 && rows[i].index == rows[i - 1].index {
                    rows[i - 1].rank
                } else {
                    i + 1
                };
            }
            RankBlock {
                set_key: key.to_string(),
                title: if set.title_shown().contains(&set.year.to_string()) {
                    set.title_shown().to_string()
                } else {
                    format!("{} ({})", set.title_shown(), set.year)
                },
                fields: set
                    .fields
                    .iter()
                    .map(|f| (f.code.clone(), f.title_shown().to_string()))
                    .collect(),
                bands: set
                    .bands
                    .iter()
                    .filter_map(|b| Some((b.min?, b.label_shown().to_string())))
                    .collect(),
                rows,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.title
            .cmp(&b.title)
            .then_with(|| a.set_key.cmp(&b.set_key))
    });
    out
}

/// One agency's line, before ranking.
fn rank_row(key: &str, e: &DeskEntry, set: &CriteriaSet) -> RankRow {
    let own = e.submission.as_draft().score(set);
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
        key: key.to_string(),
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
}

/// A block of the ranking as CSV for Excel (UTF-8 with BOM).
pub fn ranking_csv(block: &RankBlock) -> String {
    let rows = &block.rows;
    let q = csv_cell;
    let pct = |i: Option<Dec>| {
        i.map(|i| format!("{}%", i.shown_fixed2()))
            .unwrap_or_default()
    };
    let mut out = String::from(t!(
        "\u{feff}Xếp hạng,Cơ quan,Tự chấm,Điểm thẩm định,Điểm ĐTXHH,Tổng điểm,Chỉ số,Xếp loại",
        "\u{feff}Rank,Agency,Self-score,Appraised score,Survey score,Total score,Index,Class"
    ));
    for (c, _) in &block.fields {
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

//! The ranking of the agencies on the desk (bảng xếp hạng), in one block
//! per criteria set, and its CSV.

use std::collections::BTreeMap;

use super::desk::{Desk, DeskEntry};
use super::submission::Checks;
use crate::domain::assessment::review_file::appraised_points;
use crate::domain::base::decimal::Dec;
use crate::domain::base::text::csv_cell;
use crate::domain::criteria::set::CriteriaSet;
use crate::domain::scoring::engine::{index_of, score, score_with, ScoreReport};

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
    /// Points per criterion after appraisal, in the block's criteria order;
    /// None where nothing of the criterion applies to the agency.
    pub criterion_points: Vec<Option<Dec>>,
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
    /// (code, title, maximum) of the set's criteria.
    pub criteria: Vec<(String, String, Dec)>,
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
    ranking_blocks_checked(desk, official, &BTreeMap::new())
}

/// [`ranking_blocks`], taking each agency's self-assessment as recomputed by
/// the desk's checks (against the same official sets) instead of scoring it
/// again.
pub fn ranking_blocks_checked<'s>(
    desk: &Desk,
    official: impl Fn(&str) -> Option<&'s CriteriaSet>,
    checks: &BTreeMap<String, Checks>,
) -> Vec<RankBlock> {
    let mut blocks: BTreeMap<&str, (&CriteriaSet, Vec<RankRow>)> = BTreeMap::new();
    for (k, e) in &desk.entries {
        let key = e.submission.criteria_set_key.as_str();
        let Some(set) = official(key) else { continue };
        // a check made against this official set holds the recomputation
        let recomputed = checks
            .get(k)
            .filter(|c| c.matches_official.is_some())
            .map(|c| &c.report);
        blocks
            .entry(key)
            .or_insert_with(|| (set, Vec::new()))
            .1
            .push(rank_row(k, e, set, recomputed));
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
                criteria: set
                    .fields
                    .iter()
                    .flat_map(|f| &f.criteria)
                    .map(|c| (c.code.clone(), c.title_shown().to_string(), c.max))
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
fn rank_row(
    key: &str,
    e: &DeskEntry,
    set: &CriteriaSet,
    recomputed: Option<&ScoreReport>,
) -> RankRow {
    // scored as appraised; where nothing is appraised (most agencies, on
    // every visit to the ranking) that is the self-assessment recomputed,
    // which the desk's checks already hold
    let fixed = appraised_points(set, &e.appraisals);
    let scored;
    let (r, self_total) = match recomputed {
        Some(r) if fixed.is_empty() => (r, r.total),
        _ => {
            let answers = e.submission.answers(set);
            scored = score_with(set, &answers, &fixed);
            let self_total = if fixed.is_empty() {
                scored.total
            } else {
                recomputed.map_or_else(|| score(set, &answers).total, |r| r.total)
            };
            (&scored, self_total)
        }
    };
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
        self_total,
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
        // the report lists the criteria in the set's order, as the block's
        // columns are
        criterion_points: r
            .criteria
            .iter()
            .map(|x| (!x.applicable_max.is_zero()).then_some(x.points))
            .collect(),
    }
}

/// What a block is ranked by: the index (overall), one field's index, or
/// one criterion's points after appraisal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RankBy {
    Overall,
    /// By position in the block's `fields`.
    Field(usize),
    /// By position in the block's `criteria`.
    Criterion(usize),
}

impl RankBy {
    /// The column's name, from the block's own set.
    pub fn label(self, block: &RankBlock) -> String {
        match self {
            RankBy::Overall => t!("Chỉ số", "Index").into(),
            RankBy::Field(i) => block
                .fields
                .get(i)
                .map(|(c, t)| tf!("Chỉ số lĩnh vực {c}. {t}", "Index of field {c}. {t}"))
                .unwrap_or_default(),
            RankBy::Criterion(i) => block
                .criteria
                .get(i)
                .map(|(c, t, m)| {
                    tf!(
                        "Điểm tiêu chí {c}. {t} (tối đa {})",
                        "Points of criterion {c}. {t} (at most {})",
                        m.shown()
                    )
                })
                .unwrap_or_default(),
        }
    }

    /// The row's value for this measure.
    pub fn value(self, row: &RankRow) -> Option<Dec> {
        match self {
            RankBy::Overall => row.index,
            RankBy::Field(i) => row.field_index.get(i).copied().flatten(),
            RankBy::Criterion(i) => row.criterion_points.get(i).copied().flatten(),
        }
    }
}

/// The block's rows ranked by a measure: (rank, row, value), highest value
/// first, ties sharing a rank, agencies the measure does not apply to last
/// and unranked (rank 0). Overall, this is the block's own order.
pub fn ranked_by(block: &RankBlock, by: RankBy) -> Vec<(usize, &RankRow, Option<Dec>)> {
    let mut rows: Vec<(usize, &RankRow, Option<Dec>)> =
        block.rows.iter().map(|r| (0, r, by.value(r))).collect();
    rows.sort_by(|a, b| {
        b.2.is_some()
            .cmp(&a.2.is_some())
            .then_with(|| b.2.cmp(&a.2))
            .then_with(|| a.1.agency.cmp(&b.1.agency))
    });
    for i in 0..rows.len() {
        rows[i].0 = match rows[i].2 {
            None => 0,
            Some(_) if i > 0 && rows[i].2 == rows[i - 1].2 => rows[i - 1].0,
            Some(_) => i + 1,
        };
    }
    rows
}

/// The block ranked by a field or a criterion as CSV for Excel (UTF-8 with
/// BOM): rank, agency, the measure, and the overall rank and index.
pub fn ranking_by_csv(block: &RankBlock, by: RankBy) -> String {
    let q = csv_cell;
    let mut out = String::from('\u{feff}');
    out.push_str(&format!(
        "{},{},{},{},{}\r\n",
        q(t!("Xếp hạng", "Rank")),
        q(t!("Cơ quan", "Agency")),
        q(&by.label(block)),
        q(t!("Hạng chung", "Overall rank")),
        q(t!("Chỉ số chung", "Overall index")),
    ));
    let pct = matches!(by, RankBy::Overall | RankBy::Field(_));
    for (rank, r, v) in ranked_by(block, by) {
        let v = v
            .map(|v| {
                if pct {
                    format!("{}%", v.shown_fixed2())
                } else {
                    v.shown()
                }
            })
            .unwrap_or_default();
        out.push_str(&format!(
            "{},{},{},{},{}\r\n",
            if rank == 0 {
                String::new()
            } else {
                rank.to_string()
            },
            q(&r.agency),
            q(&v),
            r.rank,
            q(&r.index
                .map(|i| format!("{}%", i.shown_fixed2()))
                .unwrap_or_default())
        ));
    }
    out
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

//! The ranking of every agency on the desk (bảng xếp hạng) and its CSV.

use super::desk::{appraised_report, Desk};
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

/// Ranks the agencies on the desk whose set the reviewer has as official
/// (see [`held_apart`] for the others) by their index after appraisal, the
/// survey score added (total ÷ (applicable maximum + survey maximum)). The
/// official set's classes apply, never the file's.
pub fn ranking<'s>(
    desk: &Desk,
    official: impl Fn(&str) -> Option<&'s CriteriaSet>,
) -> Vec<RankRow> {
    let mut rows: Vec<RankRow> = desk
        .entries
        .iter()
        .filter_map(|(k, e)| Some((k, e, official(&e.submission.criteria_set_key)?)))
        .map(|(k, e, set)| {
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
    let q = csv_cell;
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

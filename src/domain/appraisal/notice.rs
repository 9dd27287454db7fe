//! Thông báo kết quả thẩm định: what the council tells one agency. The
//! totals self-assessed against appraised, per field and overall (with the
//! survey score when there is one), every item whose appraised score
//! differs from the self-score with the agency's own reason and the
//! council's comment, and every request made.

use super::desk::{appraised_report, DeskEntry};
use crate::domain::assessment::review_file::{RequestKind, ReviewStatus};
use crate::domain::base::decimal::Dec;
use crate::domain::criteria::set::CriteriaSet;
use crate::domain::scoring::engine::index_of;

/// One field's totals, self-assessed and appraised.
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeField {
    pub code: String,
    pub title: String,
    pub applicable_max: Dec,
    pub self_points: Dec,
    pub appraised: Dec,
}

/// One item of the notice.
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeItem {
    pub code: String,
    pub title: String,
    pub max: Dec,
    /// The self-score recomputed from the agency's answers.
    pub self_points: Dec,
    pub appraised: Dec,
    /// Why the agency's answers give the self-score, in words.
    pub self_reason: String,
    /// Ý kiến của Hội đồng.
    pub comment: String,
    pub request: RequestKind,
}

/// The notice for one agency.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultNotice {
    pub agency: String,
    pub province: String,
    pub set_title: String,
    pub year: u16,
    pub round: u32,
    pub status: ReviewStatus,
    pub fields: Vec<NoticeField>,
    pub applicable_max: Dec,
    pub self_total: Dec,
    pub self_index: Option<Dec>,
    pub self_class: Option<String>,
    pub appraised_total: Dec,
    pub appraised_index: Option<Dec>,
    pub appraised_class: Option<String>,
    /// (score, maximum) of the survey, when the council has it.
    pub survey: Option<(Dec, Dec)>,
    /// Appraised + survey ÷ (applicable + survey maximum): the index the
    /// ranking uses, and its class.
    pub final_index: Option<Dec>,
    pub final_class: Option<String>,
    /// Items whose appraised score differs from the self-score.
    pub changed: Vec<NoticeItem>,
    /// Items with a request (giải trình, bổ sung tài liệu), in code order.
    pub requests: Vec<NoticeItem>,
    /// Items still awaiting the secretary's choice between members.
    pub undecided: usize,
}

/// The notice of one entry, on the reviewer's official set.
pub fn result_notice(e: &DeskEntry, set: &CriteriaSet) -> ResultNotice {
    let own = e.submission.score(set);
    let r = appraised_report(set, &e.submission, &e.appraisals);
    let item = |code: &str, title: &str, max: Dec| {
        let a = e.appraisals.get(code).cloned().unwrap_or_default();
        NoticeItem {
            code: code.to_string(),
            title: title.to_string(),
            max,
            self_points: own.items.get(code).map_or(Dec::ZERO, |i| i.points),
            appraised: r.items.get(code).map_or(Dec::ZERO, |i| i.points),
            self_reason: own
                .items
                .get(code)
                .map(|i| i.reason.clone())
                .unwrap_or_default(),
            comment: a.comment,
            request: a.request,
        }
    };
    let mut changed = Vec::new();
    let mut requests = Vec::new();
    for u in set.scored_units() {
        let it = item(u.code, u.title_shown(), u.max);
        if it.request != RequestKind::None {
            requests.push(it.clone());
        }
        if it.self_points != it.appraised {
            changed.push(it);
        }
    }
    let survey = Dec::parse(&e.survey_score)
        .ok()
        .filter(|_| !r.survey_max.is_zero())
        .map(|s| (s.max(Dec::ZERO).min(r.survey_max), r.survey_max));
    let final_index = match survey {
        Some((s, m)) => index_of(r.total + s, r.applicable_max + m),
        None => r.index,
    };
    ResultNotice {
        agency: e.submission.agency.name.clone(),
        province: e.submission.agency.province.clone(),
        set_title: set.title_shown().to_string(),
        year: set.year,
        round: e.submission.round,
        status: e.status,
        fields: set
            .fields
            .iter()
            .map(|f| {
                let find = |rep: &crate::domain::scoring::engine::ScoreReport| {
                    rep.fields.iter().find(|x| x.code == f.code).cloned()
                };
                let (s, a) = (find(&own), find(&r));
                NoticeField {
                    code: f.code.clone(),
                    title: f.title_shown().to_string(),
                    applicable_max: a.as_ref().map_or(Dec::ZERO, |x| x.applicable_max),
                    self_points: s.map_or(Dec::ZERO, |x| x.points),
                    appraised: a.map_or(Dec::ZERO, |x| x.points),
                }
            })
            .collect(),
        applicable_max: r.applicable_max,
        self_total: own.total,
        self_index: own.index,
        self_class: own.class.clone(),
        appraised_total: r.total,
        appraised_index: r.index,
        appraised_class: r.class.clone(),
        survey,
        final_index,
        final_class: final_index
            .and_then(|i| set.class_for(i))
            .map(|b| b.label_shown().to_string()),
        changed,
        requests,
        undecided: e.conflicts.len(),
    }
}

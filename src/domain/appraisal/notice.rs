//! Thông báo kết quả thẩm định: what the council tells one agency. The
//! totals self-assessed against appraised, per field and overall (with the
//! survey score when there is one), every item whose appraised score
//! differs from the self-score with the agency's own reason and the
//! council's comment, and every request made. Printed from the desk, or
//! downloaded as a Word document ([`notice_document`]) the council edits,
//! numbers and signs like its other papers.

use super::desk::{appraised_report, DeskEntry};
use crate::domain::assessment::profile::province_issuer;
use crate::domain::assessment::report::official_heading;
use crate::domain::assessment::review_file::{RequestKind, ReviewStatus};
use crate::domain::base::decimal::Dec;
use crate::domain::base::docx::{header_row, Align, Cell, Document, Para, Run, Table};
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

impl ResultNotice {
    /// Marked DỰ THẢO: the record is not closed, or members still disagree.
    pub fn is_draft(&self) -> bool {
        self.status != ReviewStatus::DaChot || self.undecided > 0
    }
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

fn percent(i: Option<Dec>) -> String {
    i.map(|i| format!("{}%", i.shown_fixed2()))
        .unwrap_or_else(|| "—".into())
}

/// The Word file's name: "thong-bao-ket-qua-tham-dinh-<agency>-<date>.docx".
pub fn notice_file_name(n: &ResultNotice, today_iso: &str) -> String {
    format!(
        "thong-bao-ket-qua-tham-dinh-{}-{}.docx",
        crate::domain::base::text::file_slug(&n.agency, "co-quan"),
        today_iso
    )
}

/// The notice as a Word document (A4, the layout of NĐ 30/2020), with the
/// same parts as the printed one; `chair` signs for the council when known.
pub fn notice_document(n: &ResultNotice, chair: &str, today_iso: &str) -> Document {
    let mut doc = Document::default();
    doc.table(official_heading(
        vec![
            province_issuer(&n.province),
            t!(
                "HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC",
                "PAR INDEX APPRAISAL COUNCIL"
            )
            .into(),
        ],
        t!("Số:       /TB-HĐTĐ", "No.:       /TB-HĐTĐ").into(),
        &n.province,
        today_iso,
    ));
    if n.is_draft() {
        doc.para(Para::new(vec![Run::bold(t!("DỰ THẢO", "DRAFT"))]).align(Align::Right));
    }
    doc.para(
        Para::new(vec![Run::bold(t!("THÔNG BÁO", "NOTICE")).sized(28)])
            .align(Align::Center)
            .after(0),
    );
    doc.para(
        Para::new(vec![Run::bold(tf!(
            "Kết quả thẩm định Chỉ số cải cách hành chính năm {}",
            "Appraisal of the Public Administration Reform Index, {}",
            n.year
        ))])
        .align(Align::Center)
        .after(240),
    );
    doc.para(
        Para::text(tf!("Kính gửi: {}", "To: {}", n.agency))
            .align(Align::Center)
            .after(240),
    );
    doc.para(
        Para::text(tf!(
            "Hội đồng thẩm định Chỉ số cải cách hành chính thông báo kết quả thẩm định hồ sơ tự đánh giá (lần nộp {}) của {}, theo bộ tiêu chí «{}», như sau:",
            "The PAR INDEX appraisal council notifies the appraisal of the self-assessment (submission no. {}) of {}, on the criteria set «{}», as follows:",
            n.round,
            n.agency,
            n.set_title
        ))
        .align(Align::Justify)
        .indent(567),
    );

    // I. totals by field
    doc.para(Para::new(vec![Run::bold(t!(
        "I. KẾT QUẢ THEO LĨNH VỰC",
        "I. RESULTS BY FIELD"
    ))]));
    let mut rows = vec![header_row(&[
        t!("Lĩnh vực", "Field"),
        t!("Điểm tối đa áp dụng", "Applicable maximum"),
        t!("Tự đánh giá", "Self-score"),
        t!("Thẩm định", "Appraised"),
        t!("Chênh lệch", "Difference"),
    ])];
    for f in &n.fields {
        rows.push(vec![
            Cell::text(format!("{}. {}", f.code, f.title)),
            Cell::right(f.applicable_max.shown()),
            Cell::right(f.self_points.shown()),
            Cell::right(f.appraised.shown()),
            Cell::right((f.appraised - f.self_points).shown()),
        ]);
    }
    if let Some((s, m)) = n.survey {
        rows.push(vec![
            Cell::text(t!("Điểm điều tra xã hội học", "Survey score")),
            Cell::right(m.shown()),
            Cell::right("—"),
            Cell::right(s.shown()),
            Cell::text(""),
        ]);
    }
    rows.push(vec![
        Cell::bold(t!(
            "Tổng điểm tự đánh giá và thẩm định",
            "Self-assessed and appraised total"
        )),
        Cell::right(n.applicable_max.shown()),
        Cell::right(n.self_total.shown()),
        Cell::right(n.appraised_total.shown()),
        Cell::right((n.appraised_total - n.self_total).shown()),
    ]);
    if let Some((s, m)) = n.survey {
        rows.push(vec![
            Cell::bold(t!(
                "Tổng điểm (gồm điểm điều tra xã hội học)",
                "Total (survey included)"
            )),
            Cell::right((n.applicable_max + m).shown()),
            Cell::right("—"),
            Cell::right((n.appraised_total + s).shown()),
            Cell::text(""),
        ]);
    }
    doc.table(Table {
        widths: vec![4354, 1250, 1250, 1250, 1250],
        rows,
        header_rows: 1,
        borders: true,
    });
    doc.para(
        Para::new(vec![
            Run::plain(tf!(
                "Tự đánh giá: {} điểm, chỉ số {}, xếp loại {}. ",
                "Self-assessment: {} points, index {}, class {}. ",
                n.self_total.shown(),
                percent(n.self_index),
                n.self_class.as_deref().unwrap_or("—")
            )),
            Run::bold(tf!(
                "Sau thẩm định: chỉ số {}, xếp loại {}.",
                "After appraisal: index {}, class {}.",
                percent(n.final_index),
                n.final_class.as_deref().unwrap_or("—")
            )),
            Run::plain(if n.survey.is_none() {
                t!(
                    " (Chưa gồm điểm điều tra xã hội học.)",
                    " (Survey score not included.)"
                )
            } else {
                ""
            }),
        ])
        .align(Align::Justify)
        .indent(567)
        .after(240),
    );

    // II. items whose appraised score differs
    if n.changed.is_empty() {
        doc.para(Para::new(vec![Run::bold(t!(
            "II. KHÔNG CÓ NỘI DUNG NÀO CÓ ĐIỂM THẨM ĐỊNH KHÁC ĐIỂM TỰ ĐÁNH GIÁ",
            "II. NO ITEM'S APPRAISED SCORE DIFFERS FROM THE SELF-SCORE"
        ))]));
    } else {
        doc.para(Para::new(vec![Run::bold(tf!(
            "II. CÁC NỘI DUNG CÓ ĐIỂM THẨM ĐỊNH KHÁC ĐIỂM TỰ ĐÁNH GIÁ ({})",
            "II. ITEMS WHOSE APPRAISED SCORE DIFFERS FROM THE SELF-SCORE ({})",
            n.changed.len()
        ))]));
        let mut rows = vec![header_row(&[
            t!("Mã", "Code"),
            t!("Nội dung", "Item"),
            t!("Tối đa", "Max."),
            t!("Tự đánh giá", "Self-score"),
            t!("Thẩm định", "Appraised"),
            t!("Căn cứ tự đánh giá", "Basis of the self-score"),
            t!("Ý kiến của Hội đồng", "The council's comment"),
        ])];
        for i in &n.changed {
            let mut comment = Vec::new();
            if i.request != RequestKind::None {
                comment.push(Para::new(vec![Run::bold(i.request.label())]).after(0));
            }
            comment.push(Para::text(i.comment.clone()).after(0));
            rows.push(vec![
                Cell::text(i.code.clone()),
                Cell::text(i.title.clone()),
                Cell::right(i.max.shown()),
                Cell::right(i.self_points.shown()),
                Cell::right(i.appraised.shown()),
                Cell::text(i.self_reason.clone()),
                Cell::new(comment),
            ]);
        }
        doc.table(Table {
            widths: vec![700, 2100, 600, 850, 950, 1900, 2254],
            rows,
            header_rows: 1,
            borders: true,
        });
    }

    // III. requests
    if !n.requests.is_empty() {
        doc.para(Para::new(vec![Run::bold(tf!(
            "III. CÁC NỘI DUNG HỘI ĐỒNG ĐỀ NGHỊ GIẢI TRÌNH, BỔ SUNG TÀI LIỆU ({})",
            "III. ITEMS THE COUNCIL ASKS TO EXPLAIN OR DOCUMENT ({})",
            n.requests.len()
        ))]));
        let mut rows = vec![header_row(&[
            t!("Mã", "Code"),
            t!("Nội dung", "Item"),
            t!("Đề nghị", "Request"),
            t!("Ý kiến của Hội đồng", "The council's comment"),
        ])];
        for i in &n.requests {
            rows.push(vec![
                Cell::text(i.code.clone()),
                Cell::text(i.title.clone()),
                Cell::text(i.request.label()),
                Cell::text(i.comment.clone()),
            ]);
        }
        doc.table(Table {
            widths: vec![800, 3400, 1800, 3354],
            rows,
            header_rows: 1,
            borders: true,
        });
    }

    // Nơi nhận and the chair's signature
    let receivers = vec![
        Para::new(vec![Run::bold(t!("Nơi nhận:", "Recipients:")).sized(24)]).after(0),
        Para::new(vec![Run::plain(tf!("- {};", "- {};", n.agency)).sized(22)]).after(0),
        Para::new(vec![Run::plain(t!(
            "- Các thành viên Hội đồng;",
            "- The council's members;"
        ))
        .sized(22)])
        .after(0),
        Para::new(vec![Run::plain(t!("- Lưu: VT.", "- Archive.")).sized(22)]).after(0),
    ];
    let sign = vec![
        Para::new(vec![Run::bold(t!(
            "TM. HỘI ĐỒNG THẨM ĐỊNH",
            "FOR THE APPRAISAL COUNCIL"
        ))
        .sized(24)])
        .align(Align::Center)
        .after(0),
        Para::new(vec![Run::bold(t!("CHỦ TỊCH", "CHAIR")).sized(24)])
            .align(Align::Center)
            .after(0),
        Para::new(vec![Run::italic(t!(
            "(Ký, ghi rõ họ tên và đóng dấu)",
            "(Signature, full name and seal)"
        ))])
        .align(Align::Center)
        .after(1200),
        Para::new(vec![Run::bold(chair.trim())]).align(Align::Center),
    ];
    doc.table(Table {
        widths: vec![4354, 5000],
        rows: vec![vec![Cell::new(receivers), Cell::new(sign)]],
        header_rows: 0,
        borders: false,
    });
    doc
}

//! The self-assessment report (báo cáo tự đánh giá) as agencies file it, in
//! Word: the heading of an official document, the result, the score table
//! per field and item with the documents cited, the explanations (giải
//! trình) of items scored without evidence, last year beside this year (when
//! the draft has last year's result), the difficulties and proposals, and
//! the signatures.

use super::draft::Draft;
use super::last_year::{change_text, compare, LastYear, Match};
use super::summary::lacks_evidence;
use crate::domain::base::docx::{header_row, Align, Block, Cell, Document, Para, Run, Table};
use crate::domain::criteria::rule_text::points_text;
use crate::domain::criteria::set::CriteriaSet;
use crate::domain::scoring::answer::ItemStatus;
use crate::domain::scoring::engine::ScoreReport;

/// The report's file name: "bao-cao-tu-danh-gia-<agency>-<date>.docx".
pub fn report_file_name(draft: &Draft, today_iso: &str) -> String {
    format!(
        "bao-cao-tu-danh-gia-{}-{}.docx",
        crate::domain::base::text::file_slug(&draft.profile.name, "co-quan"),
        today_iso
    )
}

fn percent(i: Option<crate::domain::Dec>) -> String {
    i.map(|i| format!("{}%", i.shown_fixed2()))
        .unwrap_or_else(|| "—".into())
}

/// "Hà Nội, ngày 05 tháng 12 năm 2026": the line under a document's heading.
pub fn place_and_date(place: &str, today_iso: &str) -> String {
    tf!(
        "{}, ngày {} tháng {} năm {}",
        "{}, {}/{}/{}",
        place.trim(),
        today_iso.get(8..10).unwrap_or(""),
        today_iso.get(5..7).unwrap_or(""),
        today_iso.get(..4).unwrap_or("")
    )
}

fn heading(draft: &Draft, today_iso: &str) -> Table {
    let profile = &draft.profile;
    let number = profile.doc_number.trim();
    official_heading(
        profile.heading_lines(),
        if number.is_empty() {
            t!("Số:       /BC-", "No.:       /BC-").to_string()
        } else {
            tf!("Số: {}", "No.: {}", number)
        },
        &profile.province,
        today_iso,
    )
}

/// The heading of an official document (NĐ 30/2020): the issuer's lines on
/// the left, the last in bold, with the number under them; the national
/// motto on the right, with the place and date.
pub fn official_heading(
    lines: Vec<String>,
    number_line: String,
    place: &str,
    today_iso: &str,
) -> Table {
    let last = lines.len().saturating_sub(1);
    let mut left: Vec<Para> = lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let run = if i == last {
                Run::bold(l)
            } else {
                Run::plain(l)
            };
            Para::new(vec![run.sized(24)]).align(Align::Center).after(0)
        })
        .collect();
    left.push(Para::text(number_line).align(Align::Center).after(0));
    let right = vec![
        Para::new(vec![Run::bold(t!(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SOCIALIST REPUBLIC OF VIET NAM"
        ))
        .sized(24)])
        .align(Align::Center)
        .after(0),
        Para::new(vec![Run::bold(t!(
            "Độc lập - Tự do - Hạnh phúc",
            "Independence - Freedom - Happiness"
        ))])
        .align(Align::Center)
        .after(120),
        Para::new(vec![Run::italic(place_and_date(place, today_iso))])
            .align(Align::Center)
            .after(0),
    ];
    Table {
        widths: vec![3900, 5454],
        rows: vec![vec![Cell::new(left), Cell::new(right)]],
        header_rows: 0,
        borders: false,
    }
}

/// The report of a draft on its set, scored as `report`; `today_iso` dates it.
pub fn self_assessment_report(
    set: &CriteriaSet,
    draft: &Draft,
    report: &ScoreReport,
    today_iso: &str,
) -> Document {
    let mut doc = Document::default();
    let profile = &draft.profile;
    let agency = if profile.name.trim().is_empty() {
        t!("(chưa nhập tên cơ quan)", "(agency name not entered)").to_string()
    } else {
        profile.name.trim().to_string()
    };
    doc.table(heading(draft, today_iso));
    if report.answered < report.answerable {
        doc.para(
            Para::new(vec![Run::bold(tf!(
                "DỰ THẢO — còn {} mục chưa trả lời",
                "DRAFT — {} items not answered",
                report.answerable - report.answered
            ))])
            .align(Align::Right),
        );
    }
    doc.para(
        Para::new(vec![Run::bold(t!("BÁO CÁO", "REPORT")).sized(28)])
            .align(Align::Center)
            .after(0),
    );
    doc.para(
        Para::new(vec![Run::bold(tf!(
            "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {} của {}",
            "Self-assessment of the Public Administration Reform Index, {}, by {}",
            profile.year.trim(),
            agency
        ))])
        .align(Align::Center)
        .after(240),
    );
    doc.para(
        Para::text(tf!(
            "Thực hiện bộ tiêu chí «{}» (phiên bản {}), {} báo cáo kết quả tự đánh giá, chấm điểm như sau:",
            "Under the criteria set «{}» (version {}), {} reports its self-assessment as follows:",
            set.title_shown(),
            set.version,
            agency
        ))
        .align(Align::Justify)
        .indent(567),
    );

    // I. the result
    doc.para(Para::new(vec![Run::bold(t!(
        "I. KẾT QUẢ TỰ ĐÁNH GIÁ",
        "I. SELF-ASSESSMENT RESULT"
    ))]));
    doc.para(
        Para::text(tf!(
            "Tổng điểm tự đánh giá: {} trên {} điểm áp dụng; chỉ số {}; xếp loại: {}.",
            "Total self-assessed score: {} of {} applicable points; index {}; class: {}.",
            report.total.shown(),
            report.applicable_max.shown(),
            percent(report.index),
            set.class_text(report.class.as_deref())
        ))
        .indent(567),
    );
    let mut rows = vec![header_row(&[
        t!("Lĩnh vực", "Field"),
        t!("Điểm tối đa", "Maximum"),
        t!("Tối đa áp dụng", "Applicable"),
        t!("Tự chấm", "Self-score"),
        t!("Chỉ số", "Index"),
    ])];
    for (f, s) in set.fields.iter().zip(&report.fields) {
        rows.push(vec![
            Cell::text(format!("{}. {}", f.code, f.title_shown())),
            Cell::right(f.max.shown()),
            Cell::right(s.applicable_max.shown()),
            Cell::right(s.points.shown()),
            Cell::right(percent(s.index)),
        ]);
    }
    if !report.bonus_earned.is_zero() {
        rows.push(vec![
            Cell::text(t!("Điểm thưởng", "Bonus")),
            Cell::right("—"),
            Cell::right("—"),
            Cell::right(format!("+{}", report.bonus.shown())),
            Cell::right(""),
        ]);
    }
    let declared: crate::domain::Dec = set.fields.iter().map(|f| f.max).sum();
    rows.push(vec![
        Cell::bold(t!("Tổng cộng", "Total")),
        Cell::right(declared.shown()),
        Cell::right(report.applicable_max.shown()),
        Cell::right(report.total.shown()),
        Cell::right(percent(report.index)),
    ]);
    doc.table(Table {
        widths: vec![4554, 1200, 1200, 1200, 1200],
        rows,
        header_rows: 1,
        borders: true,
    });
    if let Some(last) = draft.last_year_result() {
        last_year_part(&mut doc, set, report, &last);
    }

    // II. every item
    doc.para(Para::new(vec![Run::bold(t!(
        "II. BẢNG ĐIỂM CHI TIẾT VÀ TÀI LIỆU KIỂM CHỨNG",
        "II. DETAILED SCORES AND EVIDENCE"
    ))]));
    let mut rows = vec![header_row(&[
        t!("Mã", "Code"),
        t!("Tiêu chí, tiêu chí thành phần", "Criterion or item"),
        t!("Tối đa", "Max"),
        t!("Tự chấm", "Score"),
        t!("Tài liệu kiểm chứng, giải trình", "Evidence, explanation"),
    ])];
    let mut unexplained = Vec::new();
    let mut explained = Vec::new();
    for f in &set.fields {
        rows.push(vec![Cell::bold(format!("{}. {}", f.code, f.title_shown()))
            .span(5)
            .shaded()]);
        for u in f.criteria.iter().flat_map(|c| c.units(f)) {
            let r = draft.responses.get(u.code);
            let score = report.items.get(u.code);
            let points = match score {
                Some(s) if s.status == ItemStatus::Scored => s.points.shown(),
                Some(s) if s.status == ItemStatus::NotApplicable => {
                    t!("Không áp dụng", "Not applicable").to_string()
                }
                _ => t!("Chưa trả lời", "Not answered").to_string(),
            };
            let mut cited: Vec<Para> = r
                .map(|r| {
                    r.evidence
                        .iter()
                        .filter(|e| !e.is_blank())
                        .map(|e| Para::text(format!("– {}", e.citation_with_link())).after(0))
                        .collect()
                })
                .unwrap_or_default();
            if let Some(r) = r.filter(|r| r.has_explanation()) {
                cited.push(
                    Para::new(vec![
                        Run::italic(t!("Giải trình: ", "Explanation: ")),
                        Run::plain(r.explanation.trim()),
                    ])
                    .after(0),
                );
            }
            if let Some(s) = score {
                if lacks_evidence(&u, s, draft.responses.get(u.code)) {
                    unexplained.push(u.code.to_string());
                } else if s.status == ItemStatus::Scored
                    && !s.points.is_zero()
                    && r.is_some_and(|r| !r.has_evidence() && r.has_explanation())
                {
                    explained.push((u.code.to_string(), u.title_shown().to_string(), s.points));
                }
            }
            rows.push(vec![
                Cell::text(u.code),
                Cell::text(u.title_shown()),
                Cell::right(u.max.shown()),
                Cell::right(points),
                Cell::new(cited),
            ]);
        }
    }
    doc.table(Table {
        widths: vec![800, 3900, 800, 1054, 2800],
        rows,
        header_rows: 1,
        borders: true,
    });

    // III. explanations of scores without documents
    doc.para(Para::new(vec![Run::bold(t!(
        "III. GIẢI TRÌNH CÁC NỘI DUNG CHẤM ĐIỂM KHÔNG CÓ TÀI LIỆU KIỂM CHỨNG",
        "III. EXPLANATIONS OF SCORES WITHOUT EVIDENCE"
    ))]));
    if explained.is_empty() && unexplained.is_empty() {
        doc.para(
            Para::text(t!(
                "Mọi nội dung có điểm đều có tài liệu kiểm chứng.",
                "Every scored item has evidence."
            ))
            .indent(567),
        );
    }
    for (code, title, points) in &explained {
        let text = draft
            .responses
            .get(code)
            .map(|r| r.explanation.trim().to_string())
            .unwrap_or_default();
        doc.para(
            Para::new(vec![
                Run::bold(format!("{code} ({}): ", points_text(*points))),
                Run::plain(format!("{title}. ")),
                Run::plain(text),
            ])
            .align(Align::Justify)
            .indent(567),
        );
    }
    if !unexplained.is_empty() {
        doc.para(
            Para::new(vec![Run::italic(tf!(
                "Chưa có tài liệu kiểm chứng hoặc giải trình: {}.",
                "Neither evidence nor an explanation yet: {}.",
                unexplained.join(", ")
            ))])
            .indent(567),
        );
    }

    // IV, V. what the head of the agency signs
    let said = |t: &str| {
        if t.trim().is_empty() {
            t!("Không có.", "None.").to_string()
        } else {
            t.trim().to_string()
        }
    };
    for (title, text) in [
        (
            t!("IV. KHÓ KHĂN, VƯỚNG MẮC", "IV. DIFFICULTIES AND OBSTACLES"),
            &draft.difficulties,
        ),
        (
            t!("V. KIẾN NGHỊ, ĐỀ XUẤT", "V. PROPOSALS AND RECOMMENDATIONS"),
            &draft.proposals,
        ),
    ] {
        doc.para(Para::new(vec![Run::bold(title)]));
        for line in said(text).lines().filter(|l| !l.trim().is_empty()) {
            doc.para(Para::text(line.trim()).align(Align::Justify).indent(567));
        }
    }
    doc.para(
        Para::text(tf!(
            "Trên đây là báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {} của {}.",
            "This is the self-assessment of the Public Administration Reform Index, {}, by {}.",
            profile.year.trim(),
            agency
        ))
        .align(Align::Justify)
        .indent(567)
        .after(240),
    );

    // Nơi nhận and the signatures
    let receivers = vec![
        Para::new(vec![Run::bold(t!("Nơi nhận:", "To:")).sized(24)]).after(0),
        Para::new(vec![Run::plain(t!(
            "- Sở Nội vụ;",
            "- Department of Home Affairs;"
        ))
        .sized(22)])
        .after(0),
        Para::new(vec![Run::plain(t!("- Lưu: VT.", "- Filed.")).sized(22)]).after(0),
    ];
    let focal = profile.focal_name.trim();
    let prepared = vec![
        Para::new(vec![
            Run::bold(t!("NGƯỜI LẬP BIỂU", "PREPARED BY")).sized(24)
        ])
        .align(Align::Center)
        .after(0),
        Para::new(vec![Run::italic(t!(
            "(Ký, ghi rõ họ tên)",
            "(Signature and full name)"
        ))])
        .align(Align::Center)
        .after(1200),
        Para::new(vec![Run::bold(focal)]).align(Align::Center),
    ];
    let head = vec![
        Para::new(vec![Run::bold(t!(
            "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ",
            "HEAD OF THE AGENCY"
        ))
        .sized(24)])
        .align(Align::Center)
        .after(0),
        Para::new(vec![Run::italic(t!(
            "(Ký, ghi rõ họ tên và đóng dấu)",
            "(Signature, full name and seal)"
        ))])
        .align(Align::Center),
    ];
    doc.blocks.push(Block::Table(Table {
        widths: vec![2254, 2700, 4400],
        rows: vec![vec![
            Cell::new(receivers),
            Cell::new(prepared),
            Cell::new(head),
        ]],
        header_rows: 0,
        borders: false,
    }));
    doc
}

/// Last year beside this year, under the result: the totals, a table per
/// field, and the items to read with care (rule changed, new, dropped) and
/// those that lost the most.
fn last_year_part(doc: &mut Document, set: &CriteriaSet, report: &ScoreReport, last: &LastYear) {
    let c = compare(set, report, last);
    let y = last.year.as_str();
    let opt = |d: Option<crate::domain::Dec>| d.map_or_else(|| "—".to_string(), |d| d.shown());
    doc.para(Para::new(vec![Run::bold(tf!(
        "So sánh với năm {y}",
        "Compared with {y}"
    ))]));
    doc.para(
        Para::text(tf!(
            "Năm {y}: tự chấm {} điểm{}; năm nay tự chấm {} điểm, chỉ số {}, thay đổi {} điểm so với {}.",
            "{y}: self-score {}{}; this year's self-score {}, index {}, a change of {} from {}.",
            last.self_total.shown(),
            match last.appraised_total {
                Some(t) => tf!(
                    ", điểm thẩm định {} (chỉ số {}, xếp loại {})",
                    ", appraised {} (index {}, class {})",
                    t.shown(),
                    percent(last.appraised_index),
                    last.appraised_class.as_deref().unwrap_or("—")
                ),
                None => tf!(
                    " (chỉ số {}, xếp loại {})",
                    " (index {}, class {})",
                    percent(last.self_index),
                    last.self_class.as_deref().unwrap_or("—")
                ),
            },
            c.now_total.shown(),
            percent(c.now_index),
            change_text(c.total_change),
            last.basis()
        ))
        .align(Align::Justify)
        .indent(567),
    );
    let (self_then, appraised_then) = (
        tf!("Tự chấm {y}", "Self {y}"),
        tf!("Thẩm định {y}", "Appraised {y}"),
    );
    let mut rows = vec![header_row(&[
        t!("Lĩnh vực", "Field"),
        &self_then,
        &appraised_then,
        t!("Năm nay", "This year"),
        t!("Thay đổi", "Change"),
    ])];
    for f in &c.fields {
        rows.push(vec![
            Cell::text(format!("{}. {}", f.code, f.title)),
            Cell::right(opt(f.last_self)),
            Cell::right(opt(f.last_appraised)),
            Cell::right(f.now.shown()),
            Cell::right(f.change.map_or_else(|| "—".into(), change_text)),
        ]);
    }
    doc.table(Table {
        widths: vec![4554, 1200, 1200, 1200, 1200],
        rows,
        header_rows: 1,
        borders: true,
    });
    let codes = |m: fn(&Match) -> bool| {
        c.items
            .iter()
            .filter(|r| m(&r.matched))
            .map(|r| r.code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let changed = codes(|m| matches!(m, Match::RuleChanged(_)));
    let new = codes(|m| *m == Match::New);
    let dropped = c
        .dropped
        .iter()
        .map(|(code, _)| code.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let drops = c
        .biggest_drops(5)
        .iter()
        .map(|r| format!("{} ({})", r.code, change_text(r.change.unwrap_or_default())))
        .collect::<Vec<_>>()
        .join(", ");
    for (label, list) in [
        (
            tf!(
                "Cách chấm đã thay đổi so với năm {y} (so sánh điểm cần lưu ý): ",
                "Scoring rule changed since {y} (compare with care): "
            ),
            changed,
        ),
        (t!("Mục mới năm nay: ", "New this year: ").to_string(), new),
        (
            tf!(
                "Không còn trong bộ tiêu chí năm nay: ",
                "No longer in this year's set: "
            ),
            dropped,
        ),
        (
            t!(
                "Các mục giảm điểm nhiều nhất: ",
                "Items that lost the most: "
            )
            .to_string(),
            drops,
        ),
    ] {
        if !list.is_empty() {
            doc.para(
                Para::new(vec![Run::italic(label), Run::plain(list)])
                    .align(Align::Justify)
                    .indent(567),
            );
        }
    }
}

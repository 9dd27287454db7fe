//! The score sheet (bảng điểm) as CSV for Excel: what the agency keeps or
//! sends beside its submission.

use super::draft::Draft;
use crate::domain::base::text::csv_cell;
use crate::domain::criteria::set::CriteriaSet;
use crate::domain::scoring::engine::ScoreReport;

/// The score sheet as CSV for Excel (UTF-8 with a BOM, comma-separated,
/// decimal commas inside quoted cells): the agency, set and year on top,
/// then per field and item the maximum, the self-score, why, the documents
/// cited and the explanation; the total, index and class last. Every cell
/// is neutralised against formulas.
pub fn score_csv(set: &CriteriaSet, draft: &Draft, report: &ScoreReport) -> String {
    let q = csv_cell;
    let mut out = String::from("\u{feff}");
    let p = &draft.profile;
    for (label, value) in [
        (
            t!("Cơ quan, đơn vị", "Agency or unit"),
            p.name.trim().to_string(),
        ),
        (
            t!("Bộ tiêu chí", "Criteria set"),
            tf!(
                "{} (phiên bản {})",
                "{} (version {})",
                set.title_shown(),
                set.version
            ),
        ),
        (
            t!("Năm đánh giá", "Assessment year"),
            p.year.trim().to_string(),
        ),
        (
            t!("Người lập", "Prepared by"),
            [p.focal_name.trim(), p.focal_position.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ] {
        out.push_str(&format!("{},{}\r\n", q(label), q(&value)));
    }
    out.push_str("\r\n");
    out.push_str(t!(
        "Mã,Nội dung,Điểm tối đa,Điểm tự chấm,Lý do,Tài liệu kiểm chứng,Giải trình\r\n",
        "Code,Content,Maximum,Self-score,Reason,Evidence,Explanation\r\n"
    ));
    for field in &set.fields {
        let fs = report.fields.iter().find(|f| f.code == field.code);
        out.push_str(&format!(
            "{},{},{},{},{},,\r\n",
            q(&field.code),
            q(field.title_shown()),
            q(&field.max.shown()),
            q(&fs.map(|f| f.points.shown()).unwrap_or_default()),
            q(&fs
                .and_then(|f| f.index)
                .map(|i| tf!("chỉ số {}%", "index {}%", i.shown_fixed2()))
                .unwrap_or_default())
        ));
        for unit in field.criteria.iter().flat_map(|c| c.units(field)) {
            let s = report.items.get(unit.code);
            let r = draft.responses.get(unit.code);
            let cited = r
                .map(|r| {
                    r.evidence
                        .iter()
                        .filter(|e| !e.is_blank())
                        .map(|e| e.citation_with_link())
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default();
            out.push_str(&format!(
                "{},{},{},{},{},{},{}\r\n",
                q(unit.code),
                q(unit.title_shown()),
                q(&unit.max.shown()),
                q(&s.map(|s| s.points.shown()).unwrap_or_default()),
                q(&s.map(|s| s.reason.clone()).unwrap_or_default()),
                q(&cited),
                q(r.map_or("", |r| r.explanation.trim()))
            ));
        }
    }
    out.push_str(&format!(
        "{},{},{},{},{},,\r\n",
        q(t!("Tổng", "Total")),
        q(t!("Tổng điểm tự đánh giá", "Total self-assessed score")),
        q(&report.applicable_max.shown()),
        q(&report.total.shown()),
        q(&tf!(
            "chỉ số {}; xếp loại {}",
            "index {}; class {}",
            report
                .index
                .map(|i| format!("{}%", i.shown_fixed2()))
                .unwrap_or_else(|| "—".into()),
            set.class_text(report.class.as_deref())
        ))
    ));
    out
}

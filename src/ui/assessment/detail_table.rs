//! Bảng chi tiết: every item with its result, points and the documents
//! cited or the explanation given, to print with the summary (the table's
//! header repeats on every printed page).

use leptos::prelude::*;

use crate::domain::criteria::rule_text::points_text;
use crate::domain::{CriteriaSet, Draft, ItemStatus, ScoreReport};

/// One field's rows under a heading row, as a row group (item tables).
pub fn field_group(f: &crate::domain::Field, columns: u32, rows: impl IntoView) -> impl IntoView {
    view! {
        <tbody>
            <tr class="field-row"><th colspan=columns scope="rowgroup">{format!("{}. {}", f.code, f.title_shown())}</th></tr>
            {rows}
        </tbody>
    }
}

pub fn detail_table(set: &CriteriaSet, draft: &Draft, report: &ScoreReport) -> impl IntoView {
    let fields = set
        .fields
        .iter()
        .map(|f| {
            let rows = f
                .criteria
                .iter()
                .flat_map(|cr| cr.units(f))
                .map(|u| {
                    let r = draft.response(u.code);
                    let score = report.items.get(u.code);
                    let points = match score {
                        Some(s) if s.status == ItemStatus::Scored => points_text(s.points),
                        Some(s) if s.status == ItemStatus::NotApplicable => t!("Không áp dụng", "Not applicable").into(),
                        _ => "—".into(),
                    };
                    let result = score.map(|s| s.reason.clone()).unwrap_or_default();
                    let cited = r
                        .evidence
                        .iter()
                        .filter(|e| !e.is_blank())
                        .map(|e| view! { <li>{e.citation_with_link()}</li> })
                        .collect_view();
                    let explanation = (!r.explanation.trim().is_empty()).then(|| {
                        view! { <p class="explanation"><strong>{t!("Giải trình: ", "Explanation: ")}</strong>{r.explanation.clone()}</p> }
                    });
                    view! {
                        <tr>
                            <th scope="row" class="code">{u.code.to_string()}</th>
                            <td>{u.title_shown().to_string()}</td>
                            <td>{result}</td>
                            <td class="num">{points}</td>
                            <td class="num">{points_text(u.max)}</td>
                            <td><ul class="evidence-cited">{cited}</ul>{explanation}</td>
                        </tr>
                    }
                })
                .collect_view();
            field_group(f, 6, rows)
        })
        .collect_view();
    view! {
        <table class="detail-table">
            <caption>{t!("Bảng chi tiết kết quả tự đánh giá từng tiêu chí", "Detailed self-assessment results by item")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!("Mã", "Code")}</th>
                    <th scope="col">{t!("Tiêu chí", "Criterion")}</th>
                    <th scope="col">{t!("Kết quả", "Result")}</th>
                    <th scope="col">{t!("Điểm", "Score")}</th>
                    <th scope="col">{t!("Tối đa", "Max")}</th>
                    <th scope="col">{t!("Tài liệu kiểm chứng, giải trình", "Evidence, explanation")}</th>
                </tr>
            </thead>
            {fields}
        </table>
    }
}

//! Điểm điều tra xã hội học from the table the province receives: pasted
//! from Excel or read from a CSV, matched to the desk by agency name, shown
//! before anything is written; unmatched rows are listed with the reason.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::files;
use crate::domain::appraisal::survey::{match_survey_table, SurveyMatch};
use crate::domain::base::table::MAX_TABLE_BYTES;
use crate::ui::app::LibraryState;
use crate::ui::assessment::inputs::TextArea;
use crate::ui::banner::outcome_banner;
use crate::ui::review::use_review;

#[component]
pub fn SurveyImport() -> impl IntoView {
    let r = use_review();
    let lib = expect_context::<LibraryState>();
    let text = RwSignal::new(String::new());
    let preview = RwSignal::new(None::<SurveyMatch>);
    let message = RwSignal::new(None::<(bool, String)>);
    let check = move || {
        let m = r.desk.with_untracked(|d| {
            lib.library.with_untracked(|l| {
                text.with_untracked(|t| match_survey_table(d, t, |k| l.get(k).map(|e| &e.set)))
            })
        });
        message.set(None);
        preview.set(Some(m));
    };
    let pick = move |ev: leptos::ev::Event| {
        let picked = files::take_picked(&ev);
        let Some(file) = picked.into_iter().next() else {
            return;
        };
        spawn_local(async move {
            match files::read(&file, MAX_TABLE_BYTES).await {
                Ok(f) => {
                    text.set(String::from_utf8_lossy(&f.bytes).into_owned());
                    check();
                }
                Err(e) => message.set(Some((false, e))),
            }
        });
    };
    let take = move |_| {
        let Some(m) = preview.get_untracked() else {
            return;
        };
        let mut changed = Vec::new();
        r.desk.update(|d| changed = d.take_survey_scores(&m.hits));
        r.touched(changed.clone());
        preview.set(None);
        message.set(Some((
            true,
            tf!(
                "Đã ghi điểm điều tra xã hội học của {} cơ quan ({} điểm thay đổi).",
                "Wrote the survey scores of {} agencies ({} changed).",
                m.hits.len(),
                changed.len()
            ),
        )));
    };
    let shown = move || {
        let m = preview.get()?;
        let hits = m.hits.len();
        Some(view! {
            <div class="survey-preview" role="status">
                {m.heading.clone().map(|h| view! { <p>{tf!("Dòng 1 là dòng tiêu đề, không lấy điểm: {h}", "Line 1 is a heading, no score taken: {h}")}</p> })}
                <p><strong>{tf!("{} dòng khớp với hồ sơ trên bàn.", "{} lines match submissions on the desk.", hits)}</strong></p>
                {(hits > 0).then(|| view! {
                    <div class="table-wrap">
                        <table class="ranking-table">
                            <caption>{t!("Điểm sẽ ghi", "Scores to write")}</caption>
                            <thead><tr>
                                <th scope="col">{t!("Dòng", "Line")}</th>
                                <th scope="col">{t!("Cơ quan", "Agency")}</th>
                                <th scope="col">{t!("Điểm ĐTXHH", "Survey score")}</th>
                                <th scope="col">{t!("Điểm đang có", "Current score")}</th>
                            </tr></thead>
                            <tbody>{m.hits.iter().map(|h| view! {
                                <tr>
                                    <td class="num">{h.line}</td>
                                    <th scope="row">{h.agency.clone()}</th>
                                    <td class="num">{h.score.shown()}</td>
                                    <td class="num">{if h.before.trim().is_empty() { "—".to_string() } else { h.before.clone() }}</td>
                                </tr>
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                })}
                {(!m.misses.is_empty()).then(|| view! {
                    <div class="banner banner-warn">
                        <p><strong>{tf!("{} dòng không dùng (không đoán, hãy sửa bảng hoặc nhập trên trang hồ sơ):", "{} lines not used (nothing is guessed; fix the table or type the score on the submission's page):", m.misses.len())}</strong></p>
                        <ul class="survey-misses">{m.misses.iter().map(|x| view! {
                            <li>{tf!("Dòng {} ({}): {}", "Line {} ({}): {}", x.line, x.row, x.why)}</li>
                        }).collect_view()}</ul>
                    </div>
                })}
                {(!m.not_in_table.is_empty()).then(|| view! {
                    <details>
                        <summary>{tf!("{} cơ quan trên bàn không có điểm trong bảng", "{} agencies on the desk have no score in the table", m.not_in_table.len())}</summary>
                        <ul>{m.not_in_table.iter().map(|(_, n)| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                    </details>
                })}
                <div class="actions">
                    <button type="button" class="button" disabled=hits == 0 on:click=take>{tf!("Ghi {} điểm vào hồ sơ", "Write {} scores", hits)}</button>
                    <button type="button" class="button secondary" on:click=move |_| preview.set(None)>{t!("Bỏ", "Discard")}</button>
                </div>
            </div>
        })
    };
    view! {
        <details class="card survey-import">
            <summary><h3>{t!("Nhập điểm điều tra xã hội học từ bảng", "Import survey scores from a table")}</h3></summary>
            <p>{t!("Dán bảng từ Excel (cột tên cơ quan và cột điểm, có thể có cột STT và dòng tiêu đề) hoặc chọn tệp CSV. Tên được so với tên cơ quan trên bàn, không phân biệt hoa thường, dấu và khoảng trắng. Chưa ghi gì cho đến khi bạn xem và bấm Ghi.", "Paste the table from Excel (agency name and score columns; a numbering column and a heading row are fine) or choose a CSV file. Names are matched to the agencies on the desk, case, accents and spacing aside. Nothing is written until you look and press Write.")}</p>
            <TextArea
                id="bang-diem-dtxhh".to_string()
                label={t!("Bảng điểm điều tra xã hội học", "Survey score table").to_string()}
                value=text
                on_input=Callback::new(move |v: String| text.set(v))
                rows=5
            />
            <div class="actions">
                <button type="button" class="button" on:click=move |_| check()>{t!("Đối chiếu với bàn thẩm định", "Match with the desk")}</button>
                <input id="tep-diem-dtxhh" class="file-input" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" on:change=pick/>
                <label for="tep-diem-dtxhh" class="file-button secondary">{t!("Chọn tệp CSV…", "Choose a CSV file…")}</label>
            </div>
            {move || message.get().map(|(ok, m)| outcome_banner(ok, m))}
            {shown}
        </details>
    }
}

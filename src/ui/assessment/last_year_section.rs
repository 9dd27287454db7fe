//! "So sánh với năm trước" on the summary: last year's result taken from
//! last year's files (the submission, with the appraisal result) or from a
//! draft of an earlier year in this browser, and shown per field and per
//! item beside this year's scores.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::files;
use crate::domain::appraisal::last_year_file::read_last_year;
use crate::domain::assessment::last_year::{change_text, compare, year_problem, LastYear, Match};
use crate::domain::criteria::rule_text::points_text;
use crate::domain::{CriteriaSet, Dec};
use crate::ui::app::LibraryState;
use crate::ui::assessment::draft_store::StoredEntry;
use crate::ui::assessment::use_assessment;
use crate::ui::banner::outcome_banner;

fn shown(d: Option<Dec>) -> String {
    d.map_or_else(|| "—".into(), |d| d.shown())
}

fn change_cell(d: Option<Dec>) -> impl IntoView {
    let class = match d {
        Some(d) if d.is_negative() => "num change-down",
        Some(d) if !d.is_zero() => "num change-up",
        _ => "num",
    };
    view! { <td class=class>{d.map_or_else(|| "—".into(), change_text)}</td> }
}

/// The section; `set` is this year's set.
pub fn last_year_section(set: Arc<CriteriaSet>) -> impl IntoView {
    let a = use_assessment();
    let library = expect_context::<LibraryState>().library;
    let message = RwSignal::new(None::<(bool, String)>);
    let last = Memo::new(move |_| a.draft.with(|d| d.last_year_result()));
    let take = move |l: LastYear| {
        let text = tf!(
            "Đã lấy kết quả năm {} từ {}.",
            "Took the result of {} from {}.",
            l.year,
            l.source
        );
        a.draft.update(|d| d.set_last_year_result(Some(&l)));
        message.set(Some((true, text)));
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let picked = files::take_picked(&ev);
        if picked.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            for file in picked {
                match files::read(&file, 3 * 1024 * 1024).await {
                    Ok(f) => read.push((f.name, f.bytes)),
                    Err(e) => {
                        message.set(Some((false, e)));
                        return;
                    }
                }
            }
            let year = a.draft.with_untracked(|d| d.profile.year.clone());
            match read_last_year(&read, &year) {
                Ok(l) => take(l),
                Err(e) => message.set(Some((false, e))),
            }
        });
    };
    // drafts of an earlier year in this browser, on a set in the library
    let earlier = move || {
        let (id, year) = a
            .draft
            .with(|d| (d.id.clone(), d.profile.year.trim().to_string()));
        a.store.entries.with(|entries| {
            entries
                .iter()
                .filter_map(|e| match e {
                    StoredEntry::Readable { draft, .. } => Some(draft),
                    _ => None,
                })
                .filter(|d| d.id != id && !d.profile.year.trim().is_empty())
                .filter(|d| {
                    year_problem(&d.profile.year, &year).is_none() && d.profile.year.trim() != year
                })
                .filter(|d| library.with(|l| l.get(&d.set_key).is_some()))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let from_draft = move |old: crate::domain::Draft| {
        let Some(set) = library.with_untracked(|l| l.get(&old.set_key).map(|e| e.set.clone()))
        else {
            return;
        };
        let source = tf!(
            "bản «{}» trong trình duyệt này",
            "the draft «{}» in this browser",
            old.display_name()
        );
        take(LastYear::of(&set, &old, old.review.as_ref(), &source));
    };
    let body = move || {
        let live = a.score.get()?;
        let report = live.report();
        let Some(last) = last.get() else {
            let drafts = earlier();
            return Some(view! {
                <p class="hint">{t!(
                    "Chọn tệp đã nộp năm trước (CCHC-….json), kèm tệp kết quả thẩm định đã nhận nếu có (chọn cả hai cùng lúc): từng lĩnh vực và từng mục sẽ hiện điểm năm trước bên cạnh năm nay, trên trang này và trong báo cáo Word.",
                    "Pick last year's submission (CCHC-….json), with the appraisal result received if you have it (pick both at once): each field and item then shows last year's score beside this year's, here and in the Word report."
                )}</p>
                {(!drafts.is_empty()).then(|| view! {
                    <ul class="plain-list">
                        {drafts.into_iter().map(|d| {
                            let label = tf!("So sánh với bản «{}» (năm {})", "Compare with «{}» ({})", d.display_name(), d.profile.year.trim());
                            view! { <li><button type="button" class="secondary" on:click=move |_| from_draft(d.clone())>{label}</button></li> }
                        }).collect_view()}
                    </ul>
                })}
            }.into_any());
        };
        let c = compare(&set, &report, &last);
        let y = last.year.clone();
        let field_rows = c
            .fields
            .iter()
            .map(|f| {
                view! {
                    <tr>
                        <th scope="row">{format!("{}. {}", f.code, f.title)}</th>
                        <td class="num">{shown(f.last_self)}</td>
                        <td class="num">{shown(f.last_appraised)}</td>
                        <td class="num">{f.now.shown()}</td>
                        {change_cell(f.change)}
                    </tr>
                }
            })
            .collect_view();
        let item_rows = c
            .items
            .iter()
            .map(|r| {
                let note = match &r.matched {
                    Match::Same => String::new(),
                    Match::New => t!("Mục mới", "New item").into(),
                    Match::RuleChanged(rule) => tf!(
                        "Cách chấm đã đổi; năm trước: {rule}",
                        "Scoring changed; last year: {rule}"
                    ),
                };
                let flagged = r.matched != Match::Same;
                view! {
                    <tr class:flagged=flagged>
                        <td class="code">{r.code.clone()}</td>
                        <td>{r.title.clone()}</td>
                        <td class="num">{shown(r.last_self)}</td>
                        <td class="num">{shown(r.last_appraised)}</td>
                        <td class="num">{shown(r.now)}</td>
                        {change_cell(r.change)}
                        <td>{note}</td>
                    </tr>
                }
            })
            .collect_view();
        let dropped = (!c.dropped.is_empty()).then(|| {
            let list = c
                .dropped
                .iter()
                .map(|(code, title)| format!("{code} {title}"))
                .collect::<Vec<_>>()
                .join("; ");
            view! { <p class="hint">{t!("Không còn trong bộ tiêu chí năm nay: ", "No longer in this year's set: ")}{list}</p> }
        });
        let lead = tf!(
            "Năm {}: {} (tự chấm {}{}). Năm nay: {}, thay đổi {} so với {}.",
            "{}: {} (self-score {}{}). This year: {}, a change of {} from {}.",
            y,
            points_text(c.last_total),
            last.self_total.shown(),
            last.appraised_total.map_or_else(String::new, |t| tf!(
                ", thẩm định {}",
                ", appraised {}",
                t.shown()
            )),
            points_text(c.now_total),
            change_text(c.total_change),
            last.basis()
        );
        let changes = c.rule_changes();
        Some(view! {
            <p>{lead}</p>
            <p class="hint">{tf!("Nguồn: {}.", "Source: {}.", last.source)}
                {(changes > 0).then(|| tf!(" {} mục đã đổi cách chấm: so sánh điểm các mục này cần lưu ý.", " {} items changed their scoring rule: compare those with care.", changes))}
            </p>
            <div class="table-wrap">
                <table class="compare-table" aria-label=tf!("So sánh theo lĩnh vực với năm {}", "By field, compared with {}", y)>
                    <thead>
                        <tr>
                            <th scope="col">{t!("Lĩnh vực", "Field")}</th>
                            <th scope="col" class="num">{tf!("Tự chấm {}", "Self {}", y)}</th>
                            <th scope="col" class="num">{tf!("Thẩm định {}", "Appraised {}", y)}</th>
                            <th scope="col" class="num">{t!("Năm nay", "This year")}</th>
                            <th scope="col" class="num">{t!("Thay đổi", "Change")}</th>
                        </tr>
                    </thead>
                    <tbody>{field_rows}</tbody>
                </table>
            </div>
            <details class="compare-items no-print">
                <summary>{tf!("Từng mục ({} mục)", "Item by item ({} items)", c.items.len())}</summary>
                <div class="table-wrap">
                    <table class="compare-table" aria-label=tf!("So sánh từng mục với năm {}", "Item by item, compared with {}", y)>
                        <thead>
                            <tr>
                                <th scope="col">{t!("Mã", "Code")}</th>
                                <th scope="col">{t!("Nội dung", "Content")}</th>
                                <th scope="col" class="num">{tf!("Tự chấm {}", "Self {}", y)}</th>
                                <th scope="col" class="num">{tf!("Thẩm định {}", "Appraised {}", y)}</th>
                                <th scope="col" class="num">{t!("Năm nay", "This year")}</th>
                                <th scope="col" class="num">{t!("Thay đổi", "Change")}</th>
                                <th scope="col">{t!("Ghi chú", "Note")}</th>
                            </tr>
                        </thead>
                        <tbody>{item_rows}</tbody>
                    </table>
                </div>
                {dropped}
            </details>
            <p class="no-print">
                <button type="button" class="secondary" on:click=move |_| {
                    a.draft.update(|d| d.set_last_year_result(None));
                    message.set(Some((true, t!("Đã bỏ so sánh với năm trước.", "Removed the comparison with last year.").into())));
                }>{t!("Bỏ so sánh", "Remove the comparison")}</button>
            </p>
        }.into_any())
    };
    view! {
        <section class="last-year" aria-labelledby="so-sanh-nam-truoc">
            <h3 id="so-sanh-nam-truoc">{t!("So sánh với năm trước", "Compared with last year")}</h3>
            {body}
            <p class="no-print">
                <input id="nhap-nam-truoc" class="file-input" type="file" multiple=true accept=".json,application/json" on:change=on_pick/>
                <label for="nhap-nam-truoc" class="file-button secondary-file">
                    {move || if last.with(Option::is_some) { t!("Thay bằng tệp năm trước khác", "Replace with other files of last year") } else { t!("Nhập tệp năm trước (JSON)", "Import last year's files (JSON)") }}
                </label>
            </p>
            {move || message.get().map(|(ok, m)| outcome_banner(ok, m))}
        </section>
    }
}

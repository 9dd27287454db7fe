//! The desk: import one file or many (picker or drag and drop), each
//! checked on its own; then every agency with its stated and recomputed
//! score and what was flagged.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{files, page};
use crate::domain::appraisal::desk::ImportOutcome;
use crate::domain::appraisal::submission::{check, Checks, MAX_SUBMISSION_BYTES};
use crate::domain::Problem;
use crate::ui::app::LibraryState;
use crate::ui::assessment::sidebar::nav_link;
use crate::ui::review::use_review;
use crate::ui::route::Route;

/// The outcome of one file of an import.
#[derive(Clone, Debug, PartialEq)]
enum FileResult {
    Ok(String),
    Refused {
        file: String,
        problems: Vec<Problem>,
    },
}

/// Checks of every entry against the library's sets (memoised by the page).
pub fn desk_checks() -> Memo<BTreeMap<String, Checks>> {
    let r = use_review();
    let lib = expect_context::<LibraryState>();
    Memo::new(move |_| {
        r.desk.with(|desk| {
            lib.library.with(|l| {
                desk.entries
                    .iter()
                    .map(|(k, e)| {
                        let official = l.get(&e.submission.criteria_set_key).map(|x| &x.set);
                        (k.clone(), check(&e.submission, official))
                    })
                    .collect()
            })
        })
    })
}

#[component]
pub fn DeskPage() -> impl IntoView {
    let r = use_review();
    let results = RwSignal::new(Vec::<FileResult>::new());
    let dragging = RwSignal::new(false);
    let checks = desk_checks();

    let import = move |picked: Vec<web_sys::File>| {
        results.set(Vec::new());
        spawn_local(async move {
            // read every file first, then import them in one change of the
            // desk: one recomputation and one save for the whole batch
            let mut read = Vec::new();
            for file in picked {
                read.push(match files::read(&file, MAX_SUBMISSION_BYTES).await {
                    Err(e) => Err((file.name(), e)),
                    Ok(f) => Ok(f),
                });
            }
            let now = page::now_iso();
            let mut outcomes = Vec::new();
            r.desk.update(|d| {
                for f in read {
                    outcomes.push(match f {
                        Err((name, e)) => Err((name, vec![Problem { path: String::new(), code: None, message: e }])),
                        Ok(f) => match d.import(&f.name, &f.bytes, &now) {
                            Err(problems) => Err((f.name, problems)),
                            Ok(o) => {
                                let agency = |k: &str| d.entries.get(k).map(|e| e.submission.agency.name.clone()).unwrap_or_default();
                                Ok(match o {
                                    ImportOutcome::Added { key } => tf!("{}: đã nhập hồ sơ của «{}».", "{}: imported the submission of «{}».", f.name, agency(&key)),
                                    ImportOutcome::NewRound { key, round } => tf!("{}: hồ sơ lần {round} của «{}» thay cho lần trước; xem các mục đã thay đổi.", "{}: submission no. {round} of «{}» replaces the previous one; see the changed items.", f.name, agency(&key)),
                                    ImportOutcome::Unchanged { key } => tf!("{}: hồ sơ của «{}» đã có, không có gì mới.", "{}: the submission of «{}» is already here, nothing new.", f.name, agency(&key)),
                                })
                            }
                        },
                    });
                }
            });
            results.set(
                outcomes
                    .into_iter()
                    .map(|o| match o {
                        Ok(m) => FileResult::Ok(m),
                        Err((file, problems)) => FileResult::Refused { file, problems },
                    })
                    .collect(),
            );
        });
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let picked = files::selected(&input);
        input.set_value("");
        import(picked);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        import(files::dropped(&ev));
    };

    let rows = move || {
        let checks = checks.get();
        r.desk.with(|desk| {
            desk.entries
                .iter()
                .map(|(key, e)| {
                    let c = checks.get(key);
                    let recomputed = c.map(|c| c.report.total.shown()).unwrap_or_default();
                    let index = c
                        .and_then(|c| c.report.index)
                        .map(|i| format!("{}%", i.shown_fixed2()))
                        .unwrap_or_else(|| "—".into());
                    let class = e.submission.criteria_set.class_text(c.and_then(|c| c.report.class.as_deref()));
                    let flags = c.map(|c| c.messages()).unwrap_or_default();
                    let flagged = c.is_some_and(|c| c.flagged());
                    let link = nav_link(Route::DeskEntry(key.clone()), "", e.submission.agency.name.clone());
                    view! {
                        <tr class:flagged=flagged>
                            <th scope="row">{link}</th>
                            <td>{format!("{} ({})", e.submission.criteria_set.title_shown(), e.submission.criteria_set.year)}</td>
                            <td class="num" data-label={t!("Lần nộp", "Round")}>{e.submission.round}</td>
                            <td data-label={t!("Trạng thái", "Status")}>{e.status.label()}</td>
                            <td class="num" data-label={t!("Tự chấm (ghi trong tệp)", "Self-score (in the file)")}>{e.submission.scores.total.shown()}</td>
                            <td class="num" data-label={t!("Tính lại", "Recomputed")}>{recomputed}</td>
                            <td class="num" data-label={t!("Chỉ số", "Index")}>{index}</td>
                            <td data-label={t!("Xếp loại", "Class")}>{class}</td>
                            <td class="flags">
                                {if flags.is_empty() {
                                    view! { <span class="ok-note">{t!("Khớp", "Match")}</span> }.into_any()
                                } else {
                                    view! { <ul>{flags.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> }.into_any()
                                }}
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <div class="page-card desk-page">
            <h2 id="trang-tieu-de" tabindex="-1">{t!("Thẩm định hồ sơ tự đánh giá", "Appraisal of self-assessments")}</h2>
            <p class="desk-links">{nav_link(Route::Ranking, "button secondary", t!("Bảng xếp hạng →", "Ranking →"))}</p>
            <p class="lead">{t!("Nhập các tệp nộp (JSON) của cơ quan. Mỗi tệp được kiểm tra riêng: mã niêm phong, bộ tiêu chí, và mọi điểm được tính lại từ câu trả lời theo bộ tiêu chí trong thư viện của bạn.", "Import the agencies' submission files (JSON). Each file is checked on its own: the seal, the criteria set, and every score recomputed from the answers by the criteria set in your library.")}</p>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <input id="nhap-ho-so" class="file-input" type="file" multiple=true accept=".json,application/json" on:change=on_pick aria-describedby="nhap-ho-so-goi-y"/>
                <label for="nhap-ho-so" class="file-button">{t!("Chọn tệp hồ sơ (JSON)", "Choose submission files (JSON)")}</label>
                <p id="nhap-ho-so-goi-y" class="hint">{tf!("hoặc kéo thả một hay nhiều tệp vào đây. Mỗi tệp tối đa {} MB.", "or drag and drop one or more files here. At most {} MB per file.", MAX_SUBMISSION_BYTES / 1024 / 1024)}</p>
            </div>
            {move || {
                let list = results.get();
                (!list.is_empty()).then(|| view! {
                    <ul class="import-results" aria-live="polite">
                        {list.into_iter().map(|res| match res {
                            FileResult::Ok(m) => view! { <li><p class="banner banner-ok">{m}</p></li> }.into_any(),
                            FileResult::Refused { file, problems } => view! {
                                <li><div class="banner banner-error" role="alert">
                                    <strong>{tf!("Không nhập được tệp «{file}»: {} lỗi", "Could not import file «{file}»: {} errors", problems.len())}</strong>
                                    <ul>{problems.into_iter().map(crate::ui::set_library::problem_item).collect_view()}</ul>
                                </div></li>
                            }.into_any(),
                        }).collect_view()}
                    </ul>
                })
            }}
            {move || r.storage_message.get().map(|m| view! { <p class="banner banner-warn" role="alert">{m}</p> })}
            {move || if r.desk.with(|d| d.entries.is_empty()) {
                view! { <p class="placeholder">{t!("Chưa có hồ sơ nào.", "No submissions yet.")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="desk-table">
                            <caption>{move || tf!("{} hồ sơ", "{} submissions", r.desk.with(|d| d.entries.len()))}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!("Cơ quan", "Agency")}</th>
                                    <th scope="col">{t!("Bộ tiêu chí", "Criteria sets")}</th>
                                    <th scope="col" class="num">{t!("Lần nộp", "Round")}</th>
                                    <th scope="col">{t!("Trạng thái", "Status")}</th>
                                    <th scope="col" class="num">{t!("Tự chấm", "Self-score")}</th>
                                    <th scope="col" class="num">{t!("Tính lại", "Recomputed")}</th>
                                    <th scope="col" class="num">{t!("Chỉ số", "Index")}</th>
                                    <th scope="col">{t!("Xếp loại", "Class")}</th>
                                    <th scope="col">{t!("Kiểm tra", "Check")}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </div>
    }
}

//! The desk: import one file or many (picker or drag and drop), each
//! checked on its own; then the agencies, found by name, status or warning
//! and a page at a time, each with its stated and recomputed score and what
//! was flagged.

use futures::stream::{FuturesOrdered, StreamExt};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{digest, files, page};
use crate::domain::appraisal::desk::{DeskEntry, ImportOutcome};
use crate::domain::appraisal::desk_list::{DeskListPage, DeskQuery};
use crate::domain::appraisal::desk_storage::read_backup;
use crate::domain::appraisal::submission::{
    seal_preimage_head, MAX_SUBMISSION_BYTES, SEAL_PREIMAGE_END,
};
use crate::domain::assessment::review_file::ReviewStatus;
use crate::domain::base::file_kinds::binary_kind;
use crate::domain::Problem;
use crate::ui::assessment::sidebar::nav_link;
use crate::ui::fold::Fold;
use crate::ui::pager::{PageSize, Pager};
use crate::ui::review::{use_review, DeskSaveStatus};
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

/// Above this many files, an import's results are summed up, with each
/// refused file shown and the others listed only on request.
const MANY_FILES: usize = 60;

#[component]
pub fn DeskPage() -> impl IntoView {
    let r = use_review();
    let results = RwSignal::new(Vec::<FileResult>::new());
    let dragging = RwSignal::new(false);
    let checks = r.checks;
    let progress = RwSignal::new(None::<(usize, usize)>);
    // the last entry deleted, for "Hoàn tác"
    let deleted = RwSignal::new(None::<DeskEntry>);
    let backup_message = RwSignal::new(None::<(bool, String)>);
    let delete = move |key: String| {
        let name = r.desk.with_untracked(|d| {
            d.entries
                .get(&key)
                .map(|e| e.submission.agency.name.clone())
        });
        let Some(name) = name else { return };
        if !page::confirm(&tf!("Xóa hồ sơ của «{name}» khỏi bàn thẩm định, cùng mọi điểm và ý kiến thẩm định đã nhập? Có thể hoàn tác ngay sau đó.", "Delete the submission of «{name}» from the desk, with every appraised score and comment? You can undo right after.")) {
            return;
        }
        let mut removed = None;
        r.desk.update(|d| removed = d.entries.remove(&key));
        deleted.set(removed);
        r.submissions_changed([key]);
    };
    let on_table_click = move |ev: leptos::ev::MouseEvent| {
        let key = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|t| t.closest("button[data-delete]").ok().flatten())
            .and_then(|b| b.get_attribute("data-delete"));
        if let Some(key) = key {
            delete(key);
        }
    };
    let undo = move |_| {
        if let Some(e) = deleted.get_untracked() {
            let key = e.key().to_string();
            r.desk.update(|d| {
                d.entries.insert(key.clone(), e);
            });
            deleted.set(None);
            r.submissions_changed([key]);
        }
    };
    let download_backup = move |_| {
        let text = r.desk.with_untracked(|d| {
            serde_json::to_string(&d.backup(&page::now_iso())).unwrap_or_default()
        });
        let name = format!("sao-luu-ban-tham-dinh-{}.json", page::today_iso());
        backup_message.set(Some(match files::download(&name, "application/json", &text) {
            Ok(()) => (true, tf!("Đã tải «{name}»: mọi hồ sơ, điểm và ý kiến thẩm định, trạng thái và điểm điều tra XHH. Mở «Khôi phục từ bản sao lưu» ở trình duyệt khác để tiếp tục ở đó.", "Downloaded «{name}»: every submission, appraisal, status and survey score. Use «Restore from a backup» in another browser to carry on there.")),
            Err(e) => (false, e),
        }));
    };
    let restore_backup = move |ev: leptos::ev::Event| {
        let picked = files::take_picked(&ev);
        let Some(file) = picked.into_iter().next() else {
            return;
        };
        spawn_local(async move {
            let outcome = match files::read(&file, 200 * 1024 * 1024).await {
                Err(e) => Err(e),
                Ok(f) => match binary_kind(&f.bytes) {
                    Some(kind) => Err(kind.into()),
                    None => read_backup(&String::from_utf8_lossy(&f.bytes)),
                },
            };
            match outcome {
                Err(e) => backup_message.set(Some((
                    false,
                    tf!(
                        "Không khôi phục được «{}»: {e}",
                        "Could not restore «{}»: {e}",
                        file.name()
                    ),
                ))),
                Ok(backup) => {
                    let keys: Vec<String> = backup.entries.keys().cloned().collect();
                    let clashes = r.desk.with_untracked(|d| {
                        keys.iter().filter(|k| d.entries.contains_key(*k)).count()
                    });
                    if clashes > 0 && !page::confirm(&tf!("{clashes} hồ sơ trong bản sao lưu đã có trên bàn này. Thay chúng bằng bản trong bản sao lưu?", "{clashes} submissions in the backup are already on this desk. Replace them with the backup's?")) {
                        return;
                    }
                    r.desk.update(|d| d.entries.extend(backup.entries));
                    backup_message.set(Some((
                        true,
                        tf!(
                            "Đã khôi phục {} hồ sơ từ bản sao lưu.",
                            "Restored {} submissions from the backup.",
                            keys.len()
                        ),
                    )));
                    r.submissions_changed(keys);
                }
            }
        });
    };

    let import = move |picked: Vec<web_sys::File>| {
        results.set(Vec::new());
        spawn_local(async move {
            // every file is read and its seal hashed by the browser side by
            // side, and each is imported as soon as it and those before it
            // are in: reading, hashing and parsing overlap. (Reading twelve
            // at a time, so that the first arrive sooner, made 200 files'
            // import slower: 1.9–2.1 s against 1.2–1.6 s in paired runs at 4x.)
            // The desk changes once for the batch: one recomputation and one
            // save.
            if picked.len() > 5 {
                progress.set(Some((0, picked.len())));
            }
            let mut arriving: FuturesOrdered<_> = picked
                .iter()
                .map(|file| async move {
                    let read = files::read_file(file, MAX_SUBMISSION_BYTES).await;
                    let hashing = read.as_ref().ok().and_then(|f| {
                        let head = seal_preimage_head(&f.bytes)?;
                        digest::sha256_hex_of_head(&f.read, head, SEAL_PREIMAGE_END)
                    });
                    (read, digest::finish(hashing).await)
                })
                .collect();
            let now = page::now_iso();
            let mut outcomes = Vec::new();
            let total = picked.len();
            let mut slice_start = page::now_ms();
            let mut i = 0;
            while let Some((f, sha)) = arriving.next().await {
                if page::now_ms() - slice_start > 40.0 {
                    // let the page draw the progress and stay responsive
                    progress.set(Some((i, total)));
                    page::next_tick().await;
                    slice_start = page::now_ms();
                }
                i += 1;
                r.desk.update_untracked(|d| {
                    outcomes.push(match f {
                        Err((name, e)) => Err((name, vec![Problem { path: String::new(), code: None, message: e }])),
                        Ok(f) => match d.import_hashed(&f.name, &f.bytes, sha.as_deref(), &now) {
                            Err(problems) => Err((f.name, problems)),
                            Ok(o) => {
                                let agency = |k: &str| d.entries.get(k).map(|e| e.submission.agency.name.clone()).unwrap_or_default();
                                Ok(match o {
                                    ImportOutcome::Added { key } => (tf!("{}: đã nhập hồ sơ của «{}».", "{}: imported the submission of «{}».", f.name, agency(&key)), Some(key)),
                                    ImportOutcome::NewRound { key, round } => (tf!("{}: hồ sơ lần {round} của «{}» thay cho lần trước; xem các mục đã thay đổi.", "{}: submission no. {round} of «{}» replaces the previous one; see the changed items.", f.name, agency(&key)), Some(key)),
                                    ImportOutcome::Unchanged { key } => (tf!("{}: hồ sơ của «{}» đã có, không có gì mới.", "{}: the submission of «{}» is already here, nothing new.", f.name, agency(&key)), None),
                                })
                            }
                        },
                    });
                });
            }
            progress.set(None);
            r.desk.notify();
            let changed: Vec<String> = outcomes
                .iter()
                .filter_map(|o| match o {
                    Ok((_, Some(key))) => Some(key.clone()),
                    _ => None,
                })
                .collect();
            r.submissions_changed(changed);

            results.set(
                outcomes
                    .into_iter()
                    .map(|o| match o {
                        Ok((m, _)) => FileResult::Ok(m),
                        Err((file, problems)) => FileResult::Refused { file, problems },
                    })
                    .collect(),
            );
        });
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let picked = files::take_picked(&ev);
        import(picked);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        import(files::dropped(&ev));
    };

    // the page of the list asked for: only its rows are drawn
    let shown = Memo::new(move |_| {
        let checks = checks.get();
        r.list.with(|q| r.desk.with(|d| d.list(q, &checks)))
    });
    let empty = Memo::new(move |_| r.desk.with(|d| d.entries.is_empty()));
    let rows = move || {
        let checks = checks.get();
        let keys = shown.with(|p| p.keys.clone());
        r.desk.with(|desk| {
            let set_labels = desk.set_labels();
            keys.iter()
                .filter_map(|key| desk.entries.get(key).map(|e| (key, e)))
                .map(|(key, e)| {
                    let c = checks.get(key);
                    let recomputed = c.map(|c| c.report.total.shown()).unwrap_or_default();
                    let index = c
                        .and_then(|c| c.report.index)
                        .map(|i| format!("{}%", i.shown_fixed2()))
                        .unwrap_or_else(|| "—".into());
                    // classed only by the reviewer's official set, never the file's own
                    let class = if c.is_some_and(|c| c.matches_official.is_some()) {
                        e.submission.criteria_set.class_text(c.and_then(|c| c.report.class.as_deref()))
                    } else {
                        t!("— (chưa có bộ chính thức)", "— (no official set)").to_string()
                    };
                    let mut flags = c.map(|c| c.messages()).unwrap_or_default();
                    if !e.conflicts.is_empty() {
                        flags.push(tf!("{} mục chưa thống nhất giữa các thành viên hội đồng.", "{} items not agreed between council members.", e.conflicts.len()));
                    }
                    let flagged = c.is_some_and(|c| c.flagged());
                    // plain links and one click handler for the table: a
                    // province's 190 rows add no reactive work of their own
                    let href = Route::DeskEntry(key.clone()).hash();
                    view! {
                        <tr class:flagged=flagged>
                            <th scope="row"><a href=href>{e.submission.agency.name.clone()}</a></th>
                            <td title=e.submission.criteria_set.title_shown().to_string()>{set_labels.get(&e.submission.criteria_set_key).cloned().unwrap_or_default()}</td>
                            <td class="num" data-label={t!("Lần nộp", "Round")}>{e.submission.round}</td>
                            <td data-label={t!("Trạng thái", "Status")}>{e.status.label()}</td>
                            <td class="num" data-label={t!("Tự chấm (ghi trong tệp)", "Self-score (in the file)")}>{e.submission.scores.total.shown()}</td>
                            <td class="num" data-label={t!("Tính lại", "Recomputed")}>{recomputed}</td>
                            <td class="num" data-label={t!("Chỉ số", "Index")}>{index}</td>
                            <td data-label={t!("Xếp loại", "Class")}>{class}</td>
                            <td class="row-actions">
                                <button type="button" class="secondary small" data-delete=key.clone()>{t!("Xóa", "Delete")}<span class="visually-hidden">{format!(" {}", e.submission.agency.name)}</span></button>
                            </td>
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
            <DeskSaveStatus/>
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
                let refused = list.iter().filter(|r| matches!(r, FileResult::Refused { .. })).count();
                let one = |res: FileResult| match res {
                    FileResult::Ok(m) => view! { <li><p class="banner banner-ok">{m}</p></li> }.into_any(),
                    FileResult::Refused { file, problems } => view! {
                        <li><div class="banner banner-error" role="alert">
                            <strong>{tf!("Không nhập được tệp «{file}»: {} lỗi", "Could not import file «{file}»: {} errors", problems.len())}</strong>
                            <ul>{problems.into_iter().map(crate::ui::set_library::problem_item).collect_view()}</ul>
                        </div></li>
                    }.into_any(),
                };
                if list.len() <= MANY_FILES {
                    return (!list.is_empty()).then(|| view! {
                        <ul class="import-results" aria-live="polite">{list.into_iter().map(one).collect_view()}</ul>
                    }.into_any());
                }
                // a province's batch: the count, every refused file, and the
                // files taken one by one only when asked for
                let (ok, bad): (Vec<_>, Vec<_>) = list.into_iter().partition(|r| matches!(r, FileResult::Ok(_)));
                Some(view! {
                    <div class="import-results-many" aria-live="polite">
                        <p class=if refused == 0 { "banner banner-ok" } else { "banner banner-warn" }>{tf!(
                            "Đã xử lý {} tệp: {} tệp nhập được, {refused} tệp không nhập được.",
                            "Processed {} files: {} imported, {refused} refused.",
                            ok.len() + refused, ok.len()
                        )}</p>
                        <ul class="import-results">{bad.into_iter().map(one).collect_view()}</ul>
                        <Fold class="import-details" summary=view! {
                            <summary>{tf!("Xem kết quả từng tệp đã nhập ({})", "See each imported file ({})", ok.len())}</summary>
                        }.into_any()>
                            <ul class="import-results">{ok.clone().into_iter().map(one).collect_view()}</ul>
                        </Fold>
                    </div>
                }.into_any())
            }}
            {move || progress.get().map(|(i, n)| view! {
                <div class="import-progress" role="status">
                    <label for="tien-do-nhap">{tf!("Đang nhập {i}/{n} tệp…", "Importing {i}/{n} files…")}</label>
                    <progress id="tien-do-nhap" max=n.to_string() value=i.to_string()></progress>
                </div>
            })}
            {move || r.storage_message.get().map(|m| view! { <p class="banner banner-warn" role="alert">{m}</p> })}
            {move || deleted.get().map(|e| view! {
                <p class="banner banner-ok" role="status">
                    {tf!("Đã xóa hồ sơ của «{}». ", "Deleted the submission of «{}». ", e.submission.agency.name)}
                    <button type="button" class="link-button" on:click=undo>{t!("Hoàn tác", "Undo")}</button>
                </p>
            })}
            <crate::ui::review::council_card::CouncilCard/>
            <details class="card desk-backup">
                <summary>{t!("Sao lưu, khôi phục và dung lượng", "Backup, restore and space")}</summary>
                <p class="hint">{move || match r.space.get() {
                    Some((used, quota)) => tf!("Bàn thẩm định lưu trong cơ sở dữ liệu của trình duyệt này. Đã dùng {} trên {} trình duyệt dành cho ứng dụng.", "The desk is kept in this browser's database. {} used of the {} the browser allows the app.", mb(used), mb(quota)),
                    None => t!("Bàn thẩm định lưu trong cơ sở dữ liệu của trình duyệt này.", "The desk is kept in this browser's database.").to_string(),
                }}</p>
                <div class="actions">
                    <button type="button" class="button secondary" on:click=download_backup>{t!("Tải bản sao lưu bàn thẩm định", "Download a backup of the desk")}</button>
                    <input id="khoi-phuc-sao-luu" class="file-input" type="file" accept=".json,application/json" on:change=restore_backup/>
                    <label for="khoi-phuc-sao-luu" class="file-button secondary">{t!("Khôi phục từ bản sao lưu", "Restore from a backup")}</label>
                </div>
                {move || backup_message.get().map(|(ok, m)| crate::ui::banner::outcome_banner(ok, m))}
            </details>
            {move || if !r.ready.get() {
                crate::ui::review::opening_desk()
            } else if empty.get() && progress.with(Option::is_none) {
                view! { <p class="placeholder">{t!("Chưa có hồ sơ nào.", "No submissions yet.")}</p> }.into_any()
            } else {
                view! {
                    <DeskFilters/>
                    <div class="table-wrap" id="danh-sach-ho-so">
                        <table class="desk-table">
                            <caption>{move || shown.with(caption)}</caption>
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
                                    <th scope="col"><span class="visually-hidden">{t!("Thao tác", "Actions")}</span></th>
                                    <th scope="col">{t!("Kiểm tra", "Check")}</th>
                                </tr>
                            </thead>
                            <tbody on:click=on_table_click>{rows}</tbody>
                        </table>
                    </div>
                    {move || shown.with(|p| p.matching == 0 && p.total > 0).then(|| view! {
                        <p class="placeholder" role="status">
                            {t!("Không có hồ sơ nào khớp bộ lọc. ", "No submission matches the filters. ")}
                            {r.list.with(DeskQuery::narrows).then(|| view! {
                                <button type="button" class="link-button" on:click=move |_| r.list.update(|q| *q = DeskQuery { per_page: q.per_page, ..DeskQuery::default() })>
                                    {t!("Bỏ lọc", "Clear the filters")}
                                </button>
                            })}
                        </p>
                    })}
                    <Pager
                        span=Signal::derive(move || shown.with(|p| p.span))
                        go=Callback::new(move |page| r.list.update(|q| q.page = page))
                        label={t!("Các trang của danh sách", "Pages of the list")}
                        top="danh-sach-ho-so".to_string()
                    />
                }.into_any()
            }}
        </div>
    }
}

/// "190 hồ sơ", or what the filters and the page leave of them.
fn caption(p: &DeskListPage) -> String {
    let range = if p.span.pages > 1 {
        tf!(
            " · hồ sơ {}–{}",
            " · submissions {}–{}",
            p.span.first + 1,
            p.span.first + p.keys.len()
        )
    } else {
        String::new()
    };
    if p.matching == p.total {
        tf!("{} hồ sơ{range}", "{} submissions{range}", p.total)
    } else {
        tf!(
            "{} trong {} hồ sơ khớp bộ lọc{range}",
            "{} of {} submissions match the filters{range}",
            p.matching,
            p.total
        )
    }
}

/// Finding an agency on the desk: by name, by status, by warning; and how
/// many rows a page holds. A changed filter starts from the first page.
#[component]
fn DeskFilters() -> impl IntoView {
    let r = use_review();
    let change = move |f: Box<dyn FnOnce(&mut DeskQuery)>| {
        r.list.update(|q| {
            f(q);
            q.page = 0;
        })
    };
    view! {
        <div class="desk-filters" role="search" aria-label={t!("Tìm trên bàn thẩm định", "Search the desk")}>
            <div class="filter">
                <label for="tim-co-quan">{t!("Tìm cơ quan", "Find an agency")}</label>
                <input
                    id="tim-co-quan"
                    type="search"
                    autocomplete="off"
                    placeholder={t!("Ví dụ: ha dong", "E.g. ha dong")}
                    prop:value=move || r.list.with(|q| q.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        change(Box::new(move |q| q.text = text));
                    }
                />
            </div>
            <div class="filter">
                <label for="loc-trang-thai">{t!("Trạng thái", "Status")}</label>
                <select
                    id="loc-trang-thai"
                    prop:value=move || r.list.with(|q| q.status.map_or("", ReviewStatus::code))
                    on:change=move |ev| {
                        let status = ReviewStatus::from_code(&event_target_value(&ev));
                        change(Box::new(move |q| q.status = status));
                    }
                >
                    <option value="">{t!("Tất cả", "All")}</option>
                    {ReviewStatus::ALL.into_iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="filter filter-check">
                <input
                    type="checkbox"
                    id="loc-canh-bao"
                    prop:checked=move || r.list.with(|q| q.needs_look)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        change(Box::new(move |q| q.needs_look = on));
                    }
                />
                <label for="loc-canh-bao">{t!("Chỉ hồ sơ có cảnh báo", "Only those with a warning")}</label>
            </div>
            <PageSize
                id="so-dong"
                value=Signal::derive(move || r.list.with(|q| q.per_page))
                on_change=Callback::new(move |per_page| change(Box::new(move |q| q.per_page = per_page)))
            />
        </div>
    }
}

/// Bytes as megabytes (or gigabytes from 1 GB), one decimal, Vietnamese
/// style ("12,5 MB").
fn mb(bytes: f64) -> String {
    let (value, unit) = if bytes >= 1024.0 * 1024.0 * 1024.0 {
        (bytes / 1024.0 / 1024.0 / 1024.0, "GB")
    } else {
        (bytes / 1024.0 / 1024.0, "MB")
    };
    let tenths = (value * 10.0).round() as u64;
    format!("{},{} {unit}", tenths / 10, tenths % 10)
}

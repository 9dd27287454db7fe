//! Các bản tự đánh giá: every draft with its agency, set and year, progress,
//! score, last change, last export and size; create, open, rename,
//! duplicate, download, open from a file, delete (asked first, with undo);
//! and the recovery of entries that cannot be read.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{files, page, storage};
use crate::domain::appraisal::recovery::{open_draft_file, OpenedDraft};
use crate::domain::assessment::draft::RoundTrip;
use crate::domain::assessment::review_file::ReviewStatus;
use crate::domain::assessment::stored::{
    datetime_text, read_stored, summarize, DraftSummary, MAX_DRAFT_BYTES,
};
use crate::domain::base::file_kinds::binary_kind;
use crate::domain::base::text::file_slug;
use crate::domain::Draft;
use crate::ui::app::LibraryState;
use crate::ui::assessment::draft_store::StoredEntry;
use crate::ui::assessment::use_assessment;
use crate::ui::lazy::ChunkError;

fn kb(bytes: usize) -> String {
    let tenths = (bytes * 10 + 512) / 1024;
    format!("{},{} KB", tenths / 10, tenths % 10)
}

split_page!(
    cac_ban,
    /// The drafts list: a chunk of its own.
    pub fn drafts_page() -> Result<AnyView, ChunkError> {
        Ok(view! { <DraftsPage/> }.into_any())
    }
);

#[component]
pub fn DraftsPage() -> impl IntoView {
    let a = use_assessment();
    let lib = expect_context::<LibraryState>();
    let message = RwSignal::new(None::<(bool, String)>);

    let readable = Memo::new(move |_| {
        let open_id = a.draft.with(|d| d.id.clone());
        a.store.entries.with(|list| {
            lib.library.with(|l| {
                list.iter()
                    .filter_map(|e| match e {
                        StoredEntry::Readable { draft, chars } => {
                            // the open draft as it is now, not as last saved
                            let d = if draft.id == open_id {
                                a.draft.get()
                            } else {
                                draft.clone()
                            };
                            let set = l.get(&d.set_key).map(|e| &e.set);
                            Some((summarize(&d, set, *chars), d))
                        }
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let unreadable = Memo::new(move |_| {
        a.store.entries.with(|list| {
            list.iter()
                .filter_map(|e| match e {
                    StoredEntry::Unreadable { key, raw, reason } => {
                        // the start reads storage without tracking where a
                        // problem is; say where, here
                        let reason = read_stored(raw, "")
                            .err()
                            .map_or_else(|| reason.clone(), |u| u.reason);
                        Some((key.clone(), raw.clone(), reason))
                    }
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    });
    let open_unsaved = Memo::new(move |_| {
        let id = a.draft.with(|d| d.id.clone());
        !readable.with(|r| r.iter().any(|(s, _)| s.id == id))
    });

    let on_import = move |ev: leptos::ev::Event| {
        let picked = files::take_picked(&ev);
        spawn_local(async move {
            for file in picked {
                let result = match files::read(&file, MAX_DRAFT_BYTES).await {
                    Err(e) => Err(e),
                    Ok(f) => match std::str::from_utf8(&f.bytes) {
                        Err(_) => Err(match binary_kind(&f.bytes) {
                            Some(kind) => tf!(
                                "Tệp «{}» không mở được: {kind}.",
                                "File «{}» could not be opened: {kind}.",
                                f.name
                            ),
                            None => tf!(
                                "Tệp «{}» không phải văn bản UTF-8.",
                                "File «{}» is not UTF-8 text.",
                                f.name
                            ),
                        }),
                        Ok(text) => {
                            match open_draft_file(text, &page::new_id(), &page::now_iso()) {
                                Err(e) => Err(tf!(
                                    "Tệp «{}» không mở được: {}.",
                                    "File «{}» could not be opened: {}.",
                                    f.name,
                                    e.reason
                                )),
                                Ok(opened) => {
                                    let is_taken = |id: &str| {
                                        a.store.entries.with_untracked(|l| {
                                        l.iter().any(|e| matches!(e, StoredEntry::Readable { draft, .. } if draft.id == id))
                                    }) || a.draft.with_untracked(|o| o.id == id)
                                    };
                                    let (mut d, altered) = match opened {
                                        OpenedDraft::Draft(read) => (read.draft, false),
                                        OpenedDraft::Recovered {
                                            draft,
                                            set,
                                            seal_holds,
                                        } => {
                                            // its draft is still here: the file is not needed
                                            if is_taken(&draft.id) {
                                                let name = draft.display_name();
                                                message.set(Some((false, tf!("Bản của tệp nộp «{}» vẫn còn trong danh sách: «{name}».", "The draft of submission «{}» is still in the list: «{name}».", f.name))));
                                                continue;
                                            }
                                            // the set it was made on, when the library lacks it
                                            // (the library told only then)
                                            if lib
                                                .library
                                                .with_untracked(|l| l.get(&draft.set_key).is_none())
                                            {
                                                let text =
                                                    serde_json::to_vec(&*set).unwrap_or_default();
                                                lib.library.update(|l| {
                                                    let _ = l.add_loaded(&f.name, &text);
                                                });
                                            }
                                            (draft, !seal_holds)
                                        }
                                    };
                                    if is_taken(&d.id) {
                                        d.id = page::new_id();
                                    }
                                    d.revision = 0;
                                    let name = d.display_name();
                                    a.store.write(d).map(|_| {
                                    let opened = tf!(
                                        "Đã mở «{name}» từ tệp «{}».",
                                        "Opened «{name}» from file «{}».",
                                        f.name
                                    );
                                    if altered {
                                        tf!("{opened} Tệp đã bị sửa sau khi xuất, nên lần nộp này không được ghi nhận.", "{opened} The file was altered after export, so this submission is not recorded as sent.")
                                    } else {
                                        opened
                                    }
                                })
                                }
                            }
                        }
                    },
                };
                message.set(Some(match result {
                    Ok(m) => (true, m),
                    Err(m) => (false, m),
                }));
            }
        });
    };

    let used = move || {
        a.store.entries.track();
        a.store.status.track();
        storage::used_chars() * 2
    };

    view! {
        <div class="page-card drafts-page">
            <h2 id="trang-tieu-de" tabindex="-1">{t!("Các bản tự đánh giá", "Self-assessment drafts")}</h2>
            <p class="lead">{t!("Mỗi bản là một lần tự đánh giá của một cơ quan theo một bộ tiêu chí. Các bản được lưu tự động trong trình duyệt này.", "Each draft is one agency's self-assessment against one criteria set. Drafts are saved automatically in this browser.")}</p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| { a.store.create(); a.go(crate::ui::route::Route::Start); }>{t!("+ Tạo bản mới", "+ New draft")}</button>
                <input id="mo-ban-tu-tep" class="file-input" type="file" accept=".json,application/json" on:change=on_import aria-describedby="mo-ban-tu-tep-goi-y"/>
                <label for="mo-ban-tu-tep" class="file-button secondary-file">{t!("Mở bản từ tệp JSON", "Open a draft from a JSON file")}</label>
            </div>
            <p id="mo-ban-tu-tep-goi-y" class="hint">{t!(
                "Mở được bản đã tải về, và cả tệp nộp đã gửi Sở Nội vụ: khi trình duyệt này không còn bản nháp, bản được dựng lại từ tệp nộp.",
                "Opens a downloaded draft, and also a submission already sent to the Department of Home Affairs: when this browser no longer has the draft, it is rebuilt from the submission."
            )}</p>
            {move || message.get().map(|(ok, m)| crate::ui::banner::outcome_banner(ok, m))}
            {move || a.store.deleted.get().map(|(_, _, name)| view! {
                <div class="banner banner-ok" role="status">
                    {tf!("Đã xóa «{name}». ", "Deleted «{name}». ")}
                    <button type="button" class="link-button inline" on:click=move |_| {
                        if let Err(e) = a.store.undo_delete() { message.set(Some((false, e))); }
                    }>{t!("Hoàn tác", "Undo")}</button>
                </div>
            })}
            {move || {
                let bad = unreadable.get();
                (!bad.is_empty()).then(|| view! {
                    <section class="recovery banner banner-error" aria-labelledby="khoi-phuc-tieu-de">
                        <h3 id="khoi-phuc-tieu-de">{tf!("Có {} bản đã lưu không đọc được", "{} saved drafts could not be read", bad.len())}</h3>
                        <p>{t!("Dữ liệu này vẫn được giữ nguyên trong trình duyệt, không bị xóa hay ghi đè. Hãy tải về máy để cất giữ hoặc gửi cho người hỗ trợ kỹ thuật; sau đó có thể xóa khỏi danh sách.", "This data is kept as it is in the browser, neither deleted nor overwritten. Download it to keep it or to send to technical support; then you can remove it from the list.")}</p>
                        <ul>
                            {bad.into_iter().map(|(key, raw, reason)| {
                                let (k1, k2, raw2) = (key.clone(), key.clone(), raw.clone());
                                view! {
                                    <li>
                                        <p><code>{key.clone()}</code>{tf!(" · {} · lý do: {reason}.", " · {} · reason: {reason}.", kb(raw.encode_utf16().count() * 2))}</p>
                                        <button type="button" class="button" on:click=move |_| {
                                            let name = format!("du-lieu-goc-{}.json", file_slug(&k1, "ban-nhap"));
                                            if let Err(e) = files::download(&name, "application/json", &raw2) { message.set(Some((false, e))); }
                                        }>{t!("Tải dữ liệu gốc về máy", "Download the raw data")}</button>
                                        " "
                                        <button type="button" class="secondary" on:click=move |_| {
                                            if page::confirm(t!("Xóa dữ liệu không đọc được này khỏi trình duyệt? Hãy chắc chắn bạn đã tải nó về máy.", "Remove this unreadable data from the browser? Make sure you have downloaded it.")) {
                                                if let Err(e) = a.store.delete(&k2, &k2) { message.set(Some((false, e))); }
                                            }
                                        }>{t!("Xóa khỏi trình duyệt", "Remove from browser")}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
            {move || open_unsaved.get().then(|| view! {
                <p class="hint">{t!("Bản đang mở chưa có gì để lưu; nó sẽ xuất hiện ở đây khi bạn bắt đầu nhập.", "The open draft has nothing to save yet; it will appear here once you start entering.")}</p>
            })}
            <ul class="draft-list">
                <For each=move || readable.get() key=|(s, _)| format!("{s:?}") let:row>
                    {draft_row(row.0, row.1, message)}
                </For>
            </ul>
            <p class="hint">{move || tf!("Bộ nhớ trình duyệt đang dùng khoảng {} (thường tối đa khoảng 5 MB cho mỗi trang web).", "Browser storage in use: about {} (usually at most about 5 MB per website).", kb(used()))}</p>
        </div>
    }
}

fn draft_row(
    s: DraftSummary,
    d: Draft,
    message: RwSignal<Option<(bool, String)>>,
) -> impl IntoView {
    let a = use_assessment();
    let is_open = {
        let id = s.id.clone();
        Memo::new(move |_| a.draft.with(|o| o.id == id))
    };
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(s.name.clone());
    let heading_id = format!("ban-{}", s.id);
    let labelled_by = heading_id.clone();
    let h = heading_id.clone();
    let rename_id = format!("doi-ten-{}", s.id);
    let score = match (s.total, s.applicable_max) {
        (Some(t), Some(m)) => tf!(
            "{} / {} điểm · chỉ số {} · {}",
            "{} / {} points · index {} · {}",
            t.shown(),
            m.shown(),
            s.index
                .map(|i| format!("{}%", i.shown_fixed2()))
                .unwrap_or_else(|| "—".into()),
            s.class.clone().unwrap_or_else(|| "—".into())
        ),
        _ => t!("Chưa tính được điểm", "Score not computed yet").into(),
    };
    let (d_open, d_dup, d_dl, d_ren) = (d.clone(), d.clone(), d.clone(), d.clone());
    let (name_del, id_del) = (s.name.clone(), s.id.clone());
    view! {
        <li class="draft-card" class:current=move || is_open.get() aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {s.name.clone()}
                {move || is_open.get().then(|| view! { <span class="badge badge-official">{t!("Đang mở", "Open now")}</span> })}
            </h3>
            <p class="draft-meta">
                {if s.agency.trim().is_empty() { t!("Chưa nhập tên cơ quan", "Agency name not entered").to_string() } else { s.agency.clone() }}
                " · "
                {match &s.set_label { Some(l) => l.clone(), None => t!("Chưa chọn bộ tiêu chí", "No criteria set chosen").into() }}
                {s.set_missing.then(|| view! { <span class="badge badge-survey">{t!("Bộ tiêu chí chưa được nạp", "Criteria set not loaded")}</span> })}
            </p>
            <p class="draft-meta">
                {s.percent_complete.map(|p| tf!("Đã trả lời {p}% · ", "Answered {p}% · ")).unwrap_or_default()}
                {score}
            </p>
            <p class="draft-meta">{round_trip_text(s.round_trip)}</p>
            <p class="draft-meta muted">
                {tf!("Sửa lần cuối: {}", "Last edited: {}", if s.modified.is_empty() { t!("không rõ", "unknown").into() } else { datetime_text(&s.modified) })}
                {tf!(" · Xuất tệp lần cuối: {}", " · Last exported: {}", s.last_exported.as_deref().map(datetime_text).unwrap_or_else(|| t!("chưa", "never").into()))}
                {tf!(" · Dung lượng: {}", " · Size: {}", kb(s.bytes))}
            </p>
            {move || renaming.get().then(|| {
                let d_ren = d_ren.clone();
                view! {
                    <form class="rename" on:submit=move |ev| {
                        ev.prevent_default();
                        let mut d = d_ren.clone();
                        d.name = new_name.get_untracked().trim().to_string();
                        d.modified = page::now_iso();
                        match a.store.write(d) {
                            Ok(()) => renaming.set(false),
                            Err(e) => message.set(Some((false, e))),
                        }
                    }>
                        <label for=rename_id.clone()>{t!("Tên mới", "New name")}</label>
                        <input id=rename_id.clone() type="text" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev))/>
                        <button type="submit" class="button">{t!("Lưu tên", "Save name")}</button>
                        <button type="button" class="secondary" on:click=move |_| renaming.set(false)>{t!("Hủy", "Cancel")}</button>
                    </form>
                }
            })}
            <div class="draft-actions">
                <button type="button" class="button" aria-describedby=h.clone() on:click=move |_| a.open(d_open.clone())>{t!("Mở", "Open")}</button>
                <button type="button" class="secondary" aria-describedby=h.clone() on:click=move |_| renaming.set(true)>{t!("Đổi tên", "Rename")}</button>
                <button type="button" class="secondary" aria-describedby=h.clone() on:click=move |_| {
                    let copy = d_dup.duplicate(&page::new_id(), &page::now_iso());
                    let name = copy.name.clone();
                    match a.store.write(copy) {
                        Ok(()) => message.set(Some((true, tf!("Đã tạo «{name}».", "Created «{name}».")))),
                        Err(e) => message.set(Some((false, e))),
                    }
                }>{t!("Nhân bản", "Duplicate")}</button>
                <button type="button" class="secondary" aria-describedby=h.clone() on:click=move |_| {
                    if let Err(e) = a.store.download(&d_dl) { message.set(Some((false, e))); }
                }>{t!("Tải về (JSON)", "Download (JSON)")}</button>
                <button type="button" class="secondary danger" aria-describedby=h.clone() on:click=move |_| {
                    if page::confirm(&tf!("Xóa bản «{name_del}»? Bạn có thể hoàn tác ngay sau khi xóa.", "Delete draft «{name_del}»? You can undo right after deleting.")) {
                        if let Err(e) = a.store.delete(&crate::domain::assessment::stored::draft_key(&id_del), &name_del) {
                            message.set(Some((false, e)));
                        }
                    }
                }>{t!("Xóa", "Delete")}</button>
            </div>
        </li>
    }
}

/// Sent yet, and what the reviewer answered, in a line of the card.
fn round_trip_text(r: RoundTrip) -> String {
    match r {
        RoundTrip::NotSent => t!("Chưa xuất tệp nộp", "No submission exported yet").into(),
        RoundTrip::Sent { round } => tf!(
            "Đã xuất tệp nộp lần {round}, chờ kết quả thẩm định",
            "Submission no. {round} exported, awaiting the appraisal result"
        ),
        RoundTrip::Reviewed {
            round,
            status: ReviewStatus::DaChot,
            appraised_total,
            ..
        } => tf!(
            "Kết quả thẩm định lần {round}: đã chốt, {} điểm",
            "Appraisal result of round {round}: closed, {} points",
            appraised_total.shown()
        ),
        RoundTrip::Reviewed {
            round, requests, ..
        } if requests > 0 => tf!(
            "Kết quả thẩm định lần {round}: {requests} mục được yêu cầu giải trình hoặc bổ sung; trả lời rồi xuất tệp nộp lần {}",
            "Appraisal result of round {round}: {requests} items asked to be explained or completed; answer them, then export submission no. {}",
            round + 1
        ),
        RoundTrip::Reviewed { round, status, .. } => tf!(
            "Kết quả thẩm định lần {round}: {}",
            "Appraisal result of round {round}: {}",
            status.label().to_lowercase()
        ),
    }
}

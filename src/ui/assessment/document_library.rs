//! The draft's library of cited documents: picking a document already cited
//! on another item (inside the evidence box's chunk), and the summary's list of documents, where each is used, edited once for every
//! item.

use leptos::prelude::*;

use crate::domain::assessment::evidence_library::{
    cited_documents, find_documents, update_document, CitedDocument,
};
use crate::domain::EvidenceRef;
use crate::ui::assessment::inputs::TextInput;
use crate::ui::assessment::sidebar::nav_link;
use crate::ui::assessment::use_assessment;
use crate::ui::route::Route;

/// How many documents the picker lists at once (the search narrows them).
const SHOWN: usize = 30;

fn uses_text(d: &CitedDocument) -> String {
    tf!("dùng ở {} mục", "cited on {} items", d.uses.len())
}

/// Picks a document already cited elsewhere for item `code`; `base` is the
/// id prefix of the item's evidence inputs.
#[component]
pub fn DocumentPicker(code: String, base: String, close: Callback<()>) -> impl IntoView {
    let a = use_assessment();
    let query = RwSignal::new(String::new());
    let docs = {
        let code = code.clone();
        Memo::new(move |_| {
            a.draft.with(|d| {
                // not the ones this item already cites
                cited_documents(d)
                    .into_iter()
                    .filter(|c| !c.uses.iter().any(|(u, _)| u == &code))
                    .collect::<Vec<_>>()
            })
        })
    };
    let year = a.draft.with_untracked(|d| d.profile.year.clone());
    let search_id = format!("{base}-tim");
    let focus_id = search_id.clone();
    request_animation_frame(move || {
        crate::browser::page::focus(&focus_id);
    });
    let list = move || {
        docs.with(|all| {
            if all.is_empty() {
                return view! { <p class="hint">{t!("Chưa có tài liệu nào được dẫn ở mục khác.", "No document is cited on another item yet.")}</p> }.into_any();
            }
            let found = query.with(|q| find_documents(all, q));
            if found.is_empty() {
                return view! { <p class="hint" role="status">{t!("Không có tài liệu nào khớp.", "No document matches.")}</p> }.into_any();
            }
            let more = found.len().saturating_sub(SHOWN);
            let items = found
                .into_iter()
                .take(SHOWN)
                .map(|c| {
                    let doc = c.doc.clone();
                    let (code, base) = (code.clone(), base.clone());
                    let pick = move |_| {
                        let index = a.draft.with_untracked(|d| d.response(&code).evidence.len());
                        let copy = doc.clone();
                        a.edit(&code, |r| r.evidence.push(copy));
                        close.run(());
                        // the section or page is this item's own: type it next
                        let id = format!("{base}-{index}-muc-trang");
                        request_animation_frame(move || {
                            crate::browser::page::focus(&id);
                        });
                    };
                    let old = c.from_earlier_year(&year);
                    view! {
                        <li>
                            <button type="button" class="link-button" on:click=pick>{c.doc.citation()}</button>
                            <span class="hint">{format!(" · {}", uses_text(c))}</span>
                            {old.then(|| view! { <span class="tag">{t!("năm trước", "last year")}</span> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul class="picker-list">{items}</ul>
                {(more > 0).then(|| view! { <p class="hint">{tf!("Còn {more} tài liệu nữa: gõ để thu hẹp.", "{more} more documents: type to narrow.")}</p> })}
            }
            .into_any()
        })
    };
    view! {
        <div class="document-picker" role="group" aria-label={t!("Chọn tài liệu đã dùng", "Pick a document already cited")}>
            <TextInput
                id=search_id
                label={t!("Tìm tài liệu đã dùng (số, ký hiệu hoặc trích yếu)", "Find a cited document (number or summary)").to_string()}
                value=Signal::derive(move || query.get())
                on_input=Callback::new(move |v: String| query.set(v))
            />
            {list}
            <button type="button" class="secondary" on:click=move |_| close.run(())>{t!("Đóng", "Close")}</button>
        </div>
    }
}

/// The summary's list: every cited document, where it is cited, and a form
/// to correct it once for every item.
pub fn library_section(set: std::sync::Arc<crate::domain::CriteriaSet>) -> impl IntoView {
    let a = use_assessment();
    let fields: std::collections::HashMap<String, String> = set
        .scored_units()
        .map(|u| (u.code.to_string(), u.field.code.clone()))
        .collect();
    let docs = Memo::new(move |_| a.draft.with(cited_documents));
    let message = RwSignal::new(None::<String>);
    move || {
        let year = a.draft.with_untracked(|d| d.profile.year.clone());
        let all = docs.get();
        let rows = all
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let uses = c
                    .uses
                    .iter()
                    .map(|(code, loc)| {
                        let field = fields.get(code).cloned().unwrap_or_default();
                        let label = if loc.is_empty() { code.clone() } else { format!("{code} ({loc})") };
                        view! { <li>{nav_link(Route::item(&field, code), "", label)}</li> }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <td>
                            {c.doc.citation()}
                            {c.from_earlier_year(&year).then(|| view! { " " <span class="tag">{t!("năm trước", "last year")}</span> })}
                            {edit_form(i, c.doc.clone(), message)}
                        </td>
                        <td><ul class="item-links">{uses}</ul></td>
                    </tr>
                }
            })
            .collect_view();
        // on screen only: the printed summary ends with its signatures
        view! {
            <section class="library-section" aria-labelledby="tai-lieu-da-dung">
            <h3 id="tai-lieu-da-dung">{tf!("Tài liệu kiểm chứng đã dùng ({})", "Evidence documents cited ({})", all.len())}</h3>
            {message.get().map(|m| view! { <p class="ok-note" role="status">{m}</p> })}
            {if all.is_empty() {
                view! { <p class="hint">{t!("Chưa dẫn tài liệu nào.", "No document cited yet.")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="library-table" aria-labelledby="tai-lieu-da-dung">
                            <thead><tr><th scope="col">{t!("Tài liệu", "Document")}</th><th scope="col">{t!("Dẫn ở mục (mục, trang)", "Cited on (section, page)")}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            </section>
        }
    }
}

/// "Sửa ở mọi mục": the document's identifying parts, saved to every item
/// that cites it.
fn edit_form(i: usize, doc: EvidenceRef, message: RwSignal<Option<String>>) -> impl IntoView {
    let a = use_assessment();
    let edited = RwSignal::new(doc.clone());
    let input = |suffix: &str,
                 label: &str,
                 get: fn(&EvidenceRef) -> String,
                 set: fn(&mut EvidenceRef, String),
                 kind: &'static str| {
        view! {
            <TextInput
                id=format!("thu-vien-{i}-{suffix}")
                label=label.to_string()
                value=Signal::derive(move || edited.with(get))
                on_input=Callback::new(move |v: String| edited.update(|e| set(e, v)))
                kind=kind
            />
        }
    };
    let save = move |_| {
        let new = edited.get_untracked();
        let mut n = 0;
        a.draft.update(|d| n = update_document(d, &doc, &new));
        message.set(Some(tf!(
            "Đã sửa tài liệu ở {n} mục.",
            "The document was corrected on {n} items."
        )));
    };
    view! {
        <details class="library-edit no-print-heading">
            <summary>{t!("Sửa ở mọi mục", "Correct on every item")}</summary>
            <div class="form-grid">
                {input("so", t!("Số, ký hiệu", "Document number"), |e| e.number.clone(), |e, v| e.number = v, "text")}
                {input("ngay", t!("Ngày ban hành", "Issue date"), |e| e.date.clone(), |e, v| e.date = v, "date")}
                {input("co-quan", t!("Cơ quan ban hành", "Issuing body"), |e| e.issuer.clone(), |e, v| e.issuer = v, "text")}
                {input("trich-yeu", t!("Trích yếu", "Subject"), |e| e.subject.clone(), |e, v| e.subject = v, "text")}
                {input("duong-dan", t!("Đường dẫn", "Link"), |e| e.link.clone(), |e, v| e.link = v, "text")}
            </div>
            <button type="button" class="secondary" on:click=save>{t!("Lưu cho mọi mục dẫn tài liệu này", "Save on every item citing it")}</button>
        </details>
    }
}

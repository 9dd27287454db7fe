//! The evidence of one item: any number of cited documents (số/ký hiệu,
//! ngày, cơ quan ban hành, trích yếu, mục/trang, đường dẫn, ghi chú) and a
//! giải trình for when there is none. The box's heading is on the first
//! page; what is inside loads (one small chunk) when a box is first opened.

use leptos::prelude::*;

use crate::domain::assessment::evidence::{date_for_typing, date_from_typed};
use crate::domain::EvidencePart;
use crate::domain::{EvidenceRef, Response};
use crate::ui::assessment::document_library::DocumentPicker;
use crate::ui::assessment::inputs::{TextArea, TextInput};
use crate::ui::assessment::use_assessment;
use crate::ui::fold::Fold;
use crate::ui::lazy::ChunkError;

type Part = fn(&mut EvidenceRef) -> &mut String;

#[component]
pub fn EvidenceEditor(code: String, response: Memo<Response>) -> impl IntoView {
    let summary = move || {
        response.with(|r| {
            let n = r.evidence.iter().filter(|e| !e.is_blank()).count();
            let mut s = tf!("Tài liệu kiểm chứng ({n})", "Evidence ({n})");
            if r.has_explanation() {
                s.push_str(t!(" · có giải trình", " · with explanation"));
            }
            s
        })
    };
    let start_open = response.with_untracked(|r| r.has_evidence() || r.has_explanation());
    // drawn once the box is first opened, kept after
    view! {
        <Fold class="evidence-box" open=start_open summary=view! { <summary>{summary}</summary> }.into_any()>
            {
                let code = code.clone();
                crate::ui::lazy::lazy_view(load_page!(evidence_body(code, response)))
            }
        </Fold>
    }
}

split_page!(
    tai_lieu,
    /// The inside of an evidence box: a chunk loaded when one is first opened.
    pub fn evidence_body(code: String, response: Memo<Response>) -> Result<AnyView, ChunkError> {
        Ok(view! { <EvidenceBody code response/> }.into_any())
    }
);

#[component]
fn EvidenceBody(code: String, response: Memo<Response>) -> impl IntoView {
    let a = use_assessment();
    let count = Memo::new(move |_| response.with(|r| r.evidence.len()));
    let base = format!("muc-{code}-tl");

    let add = {
        let code = code.clone();
        let base = base.clone();
        move |_| {
            let index = count.get_untracked();
            a.edit(&code, |r| r.evidence.push(EvidenceRef::default()));
            // focus the new reference's first input once it is drawn
            let id = format!("{base}-{index}-so");
            request_animation_frame(move || {
                crate::browser::page::focus(&id);
            });
        }
    };

    // the last document removed, to put back
    let removed = RwSignal::new(None::<(usize, EvidenceRef)>);
    let references = {
        let code = code.clone();
        let base = base.clone();
        move || {
            (0..count.get())
                .map(|i| reference(&code, &base, i, response, removed))
                .collect_view()
        }
    };
    let undo = {
        let code = code.clone();
        move |_| {
            if let Some((i, e)) = removed.get_untracked() {
                a.edit(&code, |r| r.evidence.insert(i.min(r.evidence.len()), e));
                removed.set(None);
            }
        }
    };
    let picking = RwSignal::new(false);
    let picker = {
        let (code, base) = (code.clone(), base.clone());
        move || {
            picking.get().then(|| {
                let close = Callback::new(move |_| picking.set(false));
                view! { <DocumentPicker code=code.clone() base=base.clone() close/> }
            })
        }
    };

    let explanation_code = code.clone();
    view! {
            <ol class="evidence-list">{references}</ol>
            {move || removed.get().map(|(_, e)| view! {
                <p class="undo-note" role="status">
                    {tf!("Đã xóa tài liệu «{}». ", "Removed document «{}». ", e.citation())}
                    <button type="button" class="link-button" on:click=undo.clone()>{t!("Hoàn tác", "Undo")}</button>
                </p>
            })}
            <div class="actions">
                <button type="button" class="secondary" on:click=add>{t!("+ Thêm tài liệu kiểm chứng", "+ Add evidence")}</button>
                <button type="button" class="secondary" aria-expanded=move || picking.get().to_string() on:click=move |_| picking.update(|p| *p = !*p)>{t!("Chọn tài liệu đã dùng", "Pick a cited document")}</button>
            </div>
            {picker}
            <TextArea
                id=format!("{base}-giai-trinh")
                label={t!("Giải trình (khi không có tài liệu kiểm chứng)", "Explanation (when there is no evidence)").to_string()}
                value=Memo::new(move |_| response.with(|r| r.explanation.clone()))
                on_input=Callback::new(move |v: String| a.edit(&explanation_code, |r| r.explanation = v))
                hint={t!("Nêu lý do không có tài liệu, hoặc nơi lưu trữ tài liệu.", "Say why there is no document, or where the documents are kept.").to_string()}
            />
    }
}

/// One cited document at position `i`.
fn reference(
    code: &str,
    base: &str,
    i: usize,
    response: Memo<Response>,
    removed: RwSignal<Option<(usize, EvidenceRef)>>,
) -> impl IntoView {
    let a = use_assessment();
    let today = a.today.get_value();
    let problems = Memo::new(move |_| {
        response.with(|r| {
            r.evidence
                .get(i)
                .map(|e| e.problems(&today))
                .unwrap_or_default()
        })
    });
    let problem = move |part: EvidencePart| {
        Signal::derive(move || {
            problems.with(|p| p.iter().find(|(q, _)| *q == part).map(|(_, m)| m.clone()))
        })
    };
    let field = |suffix: &str, label: &str, get: fn(&EvidenceRef) -> &String, set: Part| {
        let code = code.to_string();
        let value = Signal::derive(move || {
            response.with(|r| {
                r.evidence
                    .get(i)
                    .map(|e| get(e).clone())
                    .unwrap_or_default()
            })
        });
        let on_input = Callback::new(move |v: String| {
            a.edit(&code, |r| {
                if let Some(e) = r.evidence.get_mut(i) {
                    *set(e) = v;
                }
            })
        });
        (
            format!("{base}-{i}-{suffix}"),
            label.to_string(),
            value,
            on_input,
        )
    };
    let (id_so, l_so, v_so, s_so) = field(
        "so",
        t!("Số, ký hiệu", "Document number"),
        |e| &e.number,
        |e| &mut e.number,
    );
    let (id_ng, l_ng, v_ng, s_ng) = field(
        "ngay",
        t!("Ngày ban hành", "Issue date"),
        |e| &e.date,
        |e| &mut e.date,
    );
    let (id_cq, l_cq, v_cq, s_cq) = field(
        "co-quan",
        t!("Cơ quan ban hành", "Issuing body"),
        |e| &e.issuer,
        |e| &mut e.issuer,
    );
    let (id_ty, l_ty, v_ty, s_ty) = field(
        "trich-yeu",
        t!("Trích yếu", "Subject"),
        |e| &e.subject,
        |e| &mut e.subject,
    );
    let (id_mt, l_mt, v_mt, s_mt) = field(
        "muc-trang",
        t!("Mục, trang", "Section, page"),
        |e| &e.location,
        |e| &mut e.location,
    );
    let (id_dl, l_dl, v_dl, s_dl) = field(
        "duong-dan",
        t!("Đường dẫn", "Link"),
        |e| &e.link,
        |e| &mut e.link,
    );
    let (id_gc, l_gc, v_gc, s_gc) = field(
        "ghi-chu",
        t!("Ghi chú", "Note"),
        |e| &e.note,
        |e| &mut e.note,
    );
    let remove_code = code.to_string();
    view! {
        <li class="evidence-ref">
            <fieldset>
                <legend>{tf!("Tài liệu {}", "Document {}", i + 1)}</legend>
                <div class="evidence-grid">
                    <TextInput id=id_so label=l_so value=v_so on_input=s_so hint={t!("Ví dụ 125/KH-UBND", "E.g. 125/KH-UBND").to_string()}/>
                    <TextInput id=id_ng label=l_ng value=Signal::derive(move || date_for_typing(&v_ng.get())) on_input=Callback::new(move |t: String| s_ng.run(date_from_typed(&t))) hint={t!("Ngày/tháng/năm, ví dụ 25/10/2026", "Day/month/year, e.g. 25/10/2026").to_string()} error=problem(EvidencePart::Date)/>
                    <TextInput id=id_cq label=l_cq value=v_cq on_input=s_cq/>
                    <TextInput id=id_ty label=l_ty value=v_ty on_input=s_ty/>
                    <TextInput id=id_mt label=l_mt value=v_mt on_input=s_mt hint={t!("Ví dụ: Mục II.3, trang 4", "E.g. Section II.3, page 4").to_string()}/>
                    <TextInput id=id_dl label=l_dl value=v_dl on_input=s_dl inputmode="url" error=problem(EvidencePart::Link)/>
                    <TextInput id=id_gc label=l_gc value=v_gc on_input=s_gc/>
                </div>
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| a.edit(&remove_code, |r| {
                        if i < r.evidence.len() {
                            let e = r.evidence.remove(i);
                            // a blank one is gone for good; a filled one can come back
                            removed.set((!e.is_blank()).then_some((i, e)));
                        }
                    })
                >{tf!("Xóa tài liệu {}", "Remove document {}", i + 1)}</button>
            </fieldset>
        </li>
    }
}

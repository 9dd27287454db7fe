//! The set being authored: its header (issuer, decision, year, unit type,
//! provenance, classes, bonus cap), then the tree fields → criteria → items
//! with add, remove (with undo), move and re-number; every problem shown on
//! its node in Vietnamese, with a count at the top; totals recomputed next
//! to the declared ones; the rules read from an annex that await
//! confirmation.

use leptos::prelude::*;

use crate::browser::page;
use crate::domain::authoring::edit::*;
use crate::domain::authoring::studio::author_words;
use crate::domain::base::decimal::Dec;
use crate::domain::base::json::Problem;
use crate::domain::criteria::set::{Provenance, UnitType};
use crate::domain::criteria::validation::validate;
use crate::ui::studio::publish::PublishPanel;
use crate::ui::studio::rule_editor::RuleEditor;
use crate::ui::studio::use_studio;

fn node_id(n: Node) -> String {
    match (n.criterion, n.item) {
        (None, _) => format!("sb-{}", n.field),
        (Some(c), None) => format!("sb-{}-{c}", n.field),
        (Some(c), Some(i)) => format!("sb-{}-{c}-{i}", n.field),
    }
}

/// A labelled text input that writes through `on` on each keystroke.
fn text_input(
    id: String,
    label: String,
    value: String,
    on: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <div class="text-input">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" prop:value=value on:input=move |ev| on(event_target_value(&ev))/>
        </div>
    }
}

fn number_input(
    id: String,
    label: String,
    value: String,
    on: impl Fn(Dec) + 'static,
) -> impl IntoView {
    let bad = RwSignal::new(false);
    view! {
        <div class="text-input narrow" class:invalid=move || bad.get()>
            <label for=id.clone()>{label}</label>
            <input id=id type="text" inputmode="decimal" prop:value=value aria-invalid=move || bad.get().then_some("true")
                on:input=move |ev| match Dec::parse(&event_target_value(&ev)) {
                    Ok(d) => { bad.set(false); on(d) }
                    Err(_) => bad.set(true),
                }/>
        </div>
    }
}

fn area_input(
    id: String,
    label: String,
    value: String,
    on: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <div class="text-input">
            <label for=id.clone()>{label}</label>
            <textarea id=id rows="2" prop:value=value on:input=move |ev| on(event_target_value(&ev))></textarea>
        </div>
    }
}

fn problem_list(problems: Vec<Problem>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <ul class="node-problems" role="list">
                {problems.into_iter().map(|p| view! { <li>{author_words(&p.message)}</li> }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn Header() -> impl IntoView {
    let s = use_studio();
    let v = s
        .draft
        .with_untracked(|d| d.as_ref().map(|d| d.set.clone()))
        .unwrap_or_else(|| crate::domain::authoring::annex::blank_set(2026));
    let edit = move |f: Box<dyn FnOnce(&mut crate::domain::CriteriaSet)>| s.edit(|d| f(&mut d.set));
    let bands = v.bands.iter().enumerate().map(|(k, b)| {
        view! {
            <li>
                {text_input(format!("sb-loai-{k}"), t!("Xếp loại", "Class").into(), b.label.clone(), move |t| edit(Box::new(move |set| if let Some(b) = set.bands.get_mut(k) { b.label = t })))}
                {text_input(format!("sb-loai-tu-{k}"), t!("Từ (%)", "From (%)").into(), b.min.map(|d| d.shown()).unwrap_or_default(), move |t| edit(Box::new(move |set| if let Some(b) = set.bands.get_mut(k) { b.min = Dec::parse(&t).ok() })))}
                {text_input(format!("sb-loai-den-{k}"), t!("Đến dưới (%)", "To under (%)").into(), b.max.map(|d| d.shown()).unwrap_or_default(), move |t| edit(Box::new(move |set| if let Some(b) = set.bands.get_mut(k) { b.max = Dec::parse(&t).ok() })))}
            </li>
        }
    }).collect_view();
    let unit = v.unit_type;
    let official = v.provenance == Provenance::Official;
    view! {
        <details class="card" open>
            <summary><h3>{t!("Thông tin chung của bộ", "The set's header")}</h3></summary>
            <div class="form-grid">
                {text_input("sb-ten".into(), t!("Tên bộ tiêu chí", "Title").into(), v.title.clone(), move |t| edit(Box::new(move |s| s.title = t)))}
                {text_input("sb-co-quan".into(), t!("Cơ quan ban hành (vd. UBND tỉnh Nghệ An)", "Issuer").into(), v.issuer.clone(), move |t| edit(Box::new(move |s| s.issuer = t)))}
                {text_input("sb-so-qd".into(), t!("Số quyết định (vd. 3323/QĐ-UBND)", "Decision number").into(), v.decision.number.clone(), move |t| edit(Box::new(move |s| s.decision.number = t)))}
                <div class="text-input narrow">
                    <label for="sb-ngay-qd">{t!("Ngày ban hành", "Decision date")}</label>
                    <input id="sb-ngay-qd" type="date" prop:value=v.decision.date.clone() on:input=move |ev| { let t = event_target_value(&ev); edit(Box::new(move |s| s.decision.date = t)) }/>
                </div>
                {text_input("sb-ma".into(), t!("Mã bộ (id, không dấu)", "Id").into(), v.id.clone(), move |t| edit(Box::new(move |s| s.id = t)))}
                {text_input("sb-phien-ban".into(), t!("Phiên bản", "Version").into(), v.version.clone(), move |t| edit(Box::new(move |s| s.version = t)))}
                {text_input("sb-nam".into(), t!("Năm đánh giá", "Year assessed").into(), v.year.to_string(), move |t| if let Ok(y) = t.trim().parse() { edit(Box::new(move |s| s.year = y)) })}
                <div class="text-input">
                    <label for="sb-loai-don-vi">{t!("Áp dụng cho", "For")}</label>
                    <select id="sb-loai-don-vi" on:change=move |ev| {
                        let k: usize = event_target_value(&ev).parse().unwrap_or(0);
                        edit(Box::new(move |s| s.unit_type = UnitType::ALL[k.min(3)]))
                    }>
                        {UnitType::ALL.iter().enumerate().map(|(k, u)| view! { <option value=k.to_string() selected=*u == unit>{u.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="text-input">
                    <label for="sb-nguon-goc">{t!("Nguồn gốc", "Provenance")}</label>
                    <select id="sb-nguon-goc" on:change=move |ev| { let o = event_target_value(&ev) == "official"; edit(Box::new(move |s| s.provenance = if o { Provenance::Official } else { Provenance::Illustrative })) }>
                        <option value="official" selected=official>{t!("Chính thức (theo quyết định)", "Official (as issued)")}</option>
                        <option value="illustrative" selected=!official>{t!("Minh họa", "Illustrative")}</option>
                    </select>
                </div>
                {number_input("sb-tong".into(), t!("Tổng điểm tối đa", "Total maximum").into(), v.total_max.shown(), move |d| edit(Box::new(move |s| s.total_max = d)))}
                {text_input("sb-tran-thuong".into(), t!("Trần điểm thưởng (trống: không có)", "Bonus cap (empty: none)").into(), v.bonus_cap.map(|d| d.shown()).unwrap_or_default(), move |t| edit(Box::new(move |s| s.bonus_cap = Dec::parse(&t).ok())))}
            </div>
            <h4>{t!("Xếp loại theo chỉ số", "Classes by index")}</h4>
            <ul class="rule-rows">{bands}</ul>
            <Exemptions/>
        </details>
    }
}

/// Miễn chấm: which kinds of agency are not scored on which parts. Each
/// case gets a stable id the agencies' drafts refer to.
#[component]
fn Exemptions() -> impl IntoView {
    let s = use_studio();
    let edit = move |f: Box<dyn FnOnce(&mut Vec<crate::domain::criteria::set::Exemption>)>| {
        s.edit(|d| f(&mut d.set.exemptions))
    };
    let count = Memo::new(move |_| {
        s.draft
            .with(|d| d.as_ref().map_or(0, |d| d.set.exemptions.len()))
    });
    let rows = move || {
        let list = s.draft.with_untracked(|d| {
            d.as_ref()
                .map(|d| d.set.exemptions.clone())
                .unwrap_or_default()
        });
        let _ = count.get();
        list.into_iter()
            .enumerate()
            .map(|(k, ex)| view! {
                <li class="exemption-row">
                    {text_input(format!("sb-mien-{k}"), t!("Áp dụng cho (vd. Cơ quan không giải quyết TTHC)", "For (e.g. offices with no administrative procedures)").into(), ex.label.clone(), move |t| edit(Box::new(move |l| if let Some(e) = l.get_mut(k) { e.label = t })))}
                    {text_input(format!("sb-mien-ma-{k}"), t!("Không chấm các mã (cách nhau bởi dấu phẩy, vd. 3, 7.3, 7.5)", "Codes not scored (comma-separated, e.g. 3, 7.3, 7.5)").into(), ex.codes.join(", "), move |t| edit(Box::new(move |l| if let Some(e) = l.get_mut(k) {
                        e.codes = t.split([',', ';']).map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
                    })))}
                    <button type="button" class="secondary small" on:click=move |_| edit(Box::new(move |l| { if k < l.len() { l.remove(k); } }))>
                        {t!("Xóa trường hợp này", "Remove this case")}<span class="visually-hidden">{format!(" {}", k + 1)}</span>
                    </button>
                </li>
            })
            .collect_view()
    };
    let add = move |_| {
        edit(Box::new(|l| {
            let n = (1..)
                .find(|n| !l.iter().any(|e| e.id == format!("mien-cham-{n}")))
                .unwrap_or(1);
            l.push(crate::domain::criteria::set::Exemption {
                id: format!("mien-cham-{n}"),
                label: String::new(),
                codes: Vec::new(),
            });
        }));
        let k = count.get_untracked().saturating_sub(1);
        request_animation_frame(move || {
            page::focus(&format!("sb-mien-{k}"));
        });
    };
    view! {
        <h4>{t!("Miễn chấm", "Exemptions")}</h4>
        <p class="hint">{t!("Ví dụ: «Cơ quan không giải quyết thủ tục hành chính» không chấm lĩnh vực 3. Cơ quan thuộc trường hợp này đánh dấu ở trang Bắt đầu; các mục được miễn không tính vào điểm tối đa của họ.", "E.g. «Offices with no administrative procedures» are not scored on field 3. Such an agency ticks it on the Start page; those items leave its maximum.")}</p>
        <ul class="rule-rows">{rows}</ul>
        <button type="button" class="secondary" on:click=add>{t!("+ Thêm trường hợp miễn chấm", "+ Add an exemption")}</button>
    }
}

/// Every problem of the set, placed on its node: computed once per change
/// and shared by every node's editor.
#[derive(Clone, Copy)]
struct Placed(Memo<std::collections::BTreeMap<Option<Node>, Vec<Problem>>>);

#[component]
fn NodeEditor(node: Node) -> impl IntoView {
    let s = use_studio();
    let id = node_id(node);
    let v = s
        .draft
        .with_untracked(|d| d.as_ref().and_then(|d| node_view(&d.set, node)));
    let Some(v) = v else { return ().into_any() };
    let write = move |f: Box<dyn FnOnce(NodeMut)>| {
        s.edit(|d| {
            if let Some(m) = node_mut(&mut d.set, node) {
                f(m)
            }
        })
    };
    let placed = expect_context::<Placed>().0;
    let problems =
        Memo::new(move |_| placed.with(|m| m.get(&Some(node)).cloned().unwrap_or_default()));
    let totals = Memo::new(move |_| {
        s.draft.with(|d| {
            d.as_ref().and_then(|d| {
                let f = d.set.fields.get(node.field)?;
                match (node.criterion, node.item) {
                    (None, _) => Some(field_totals(f)),
                    (Some(c), None) => f
                        .criteria
                        .get(c)
                        .filter(|c| !c.items.is_empty())
                        .map(criterion_totals),
                    _ => None,
                }
            })
        })
    });
    let code_now = Memo::new(move |_| {
        s.draft.with(|d| {
            let f = d.as_ref().and_then(|d| d.set.fields.get(node.field));
            let code = match (node.criterion, node.item) {
                (None, _) => f.map(|f| f.code.clone()),
                (Some(c), None) => f.and_then(|f| f.criteria.get(c)).map(|c| c.code.clone()),
                (Some(c), Some(i)) => f
                    .and_then(|f| f.criteria.get(c))
                    .and_then(|c| c.items.get(i))
                    .map(|i| i.code.clone()),
            };
            code.unwrap_or_default()
        })
    });
    let note = Memo::new(move |_| {
        s.draft.with(|d| {
            d.as_ref()
                .and_then(|d| d.review.get(&code_now.get()).cloned())
        })
    });
    let (level, class) = match (node.criterion, node.item) {
        (None, _) => (t!("Lĩnh vực", "Field"), "node node-field"),
        (Some(_), None) => (t!("Tiêu chí", "Criterion"), "node node-criterion"),
        _ => (t!("Tiêu chí thành phần", "Sub-criterion"), "node node-item"),
    };
    let scored = v.rule.is_some() && !v.has_items;
    let remove = move |_| {
        let what = code_now.get_untracked();
        if !page::confirm(&tf!(
            "Xóa {what} và mọi thứ bên trong? Có thể hoàn tác ngay sau đó.",
            "Delete {what} and everything in it? You can undo right after."
        )) {
            return;
        }
        s.draft.update(|d| {
            if let Some(d) = d.as_mut() {
                if let Some(r) = remove(&mut d.set, node) {
                    s.removed.set(Some(r))
                }
            }
        });
    };
    let mv = move |delta: isize| {
        let mut to = None;
        s.edit(|d| to = move_node(&mut d.set, node, delta));
        if let Some(n) = to {
            request_animation_frame(move || {
                page::focus(&format!("{}-tieu-de", node_id(n)));
            });
        }
    };
    let add_child = move |_| {
        let mut added = None;
        s.edit(|d| {
            added = match node.criterion {
                None => add_criterion(&mut d.set, node.field),
                Some(c) => add_item(&mut d.set, node.field, c),
            }
        });
        if let Some(n) = added {
            request_animation_frame(move || {
                page::focus(&format!("{}-ten", node_id(n)));
            });
        }
    };
    let child_label = match (node.criterion, node.item) {
        (None, _) => Some(t!("+ Thêm tiêu chí", "+ Add criterion")),
        (Some(_), None) => Some(t!("+ Thêm tiêu chí thành phần", "+ Add sub-criterion")),
        _ => None,
    };
    let heading = format!("{}-tieu-de", id);
    view! {
        <li class=class id=id.clone() class:has-problems=move || !problems.with(Vec::is_empty) class:to-review=move || note.with(Option::is_some)>
            <div class="node-head">
                <h4 id=heading.clone() tabindex="-1">{level}" "<span class="code">{move || code_now.get()}</span></h4>
                <span class="node-tools">
                    <button type="button" class="link-button" on:click=move |_| mv(-1) aria-label=move || tf!("Chuyển {} lên", "Move {} up", code_now.get())>"↑"</button>
                    <button type="button" class="link-button" on:click=move |_| mv(1) aria-label=move || tf!("Chuyển {} xuống", "Move {} down", code_now.get())>"↓"</button>
                    <button type="button" class="link-button danger" on:click=remove>{t!("Xóa", "Delete")}</button>
                </span>
            </div>
            {move || note.get().map(|n| view! {
                <div class="review-note" role="note">
                    <p><strong>{t!("Cần xem lại: ", "To review: ")}</strong>{n.why}</p>
                    {(!n.text.is_empty()).then(|| view! { <p class="muted">{tf!("Văn bản gốc (dòng {}): «{}»", "Original text (row {}): «{}»", n.line, n.text)}</p> })}
                    <button type="button" class="secondary small" on:click=move |_| {
                        let code = code_now.get_untracked();
                        s.edit(|d| { d.review.remove(&code); });
                    }>{t!("Đã xem, quy tắc đúng", "Checked, the rule is right")}</button>
                </div>
            })}
            {move || problem_list(problems.get())}
            <div class="form-grid">
                {text_input(format!("{id}-ma"), t!("Mã", "Code").into(), v.code.clone(), move |t| write(Box::new(move |m| match m { NodeMut::Field(f) => f.code = t, NodeMut::Criterion(c) => c.code = t, NodeMut::Item(i) => i.code = t })))}
                {text_input(format!("{id}-ten"), t!("Tên", "Title").into(), v.title.clone(), move |t| write(Box::new(move |m| match m { NodeMut::Field(f) => f.title = t, NodeMut::Criterion(c) => c.title = t, NodeMut::Item(i) => i.title = t })))}
                {number_input(format!("{id}-toi-da"), t!("Điểm tối đa", "Maximum").into(), v.max.shown(), move |d| write(Box::new(move |m| match m { NodeMut::Field(f) => f.max = d, NodeMut::Criterion(c) => c.max = d, NodeMut::Item(i) => i.max = d })))}
                {move || totals.get().map(|t| view! {
                    <p class="totals" class:mismatch=!t.agree()>{if t.agree() {
                        tf!("Tổng các mục bên trong: {} ✓", "Sum of the parts: {} ✓", t.computed.shown())
                    } else {
                        tf!("Tổng các mục bên trong: {} ≠ {} khai báo", "Sum of the parts: {} ≠ {} declared", t.computed.shown(), t.declared.shown())
                    }}</p>
                })}
            </div>
            {scored.then(|| view! {
                <RuleEditor node id=id.clone()/>
                <div class="form-grid">
                    {area_input(format!("{id}-huong-dan"), t!("Hướng dẫn chấm", "Guidance").into(), v.guidance.clone(), move |t| write(Box::new(move |m| { let t = (!t.trim().is_empty()).then_some(t); match m { NodeMut::Criterion(c) => c.guidance = t, NodeMut::Item(i) => i.guidance = t, _ => {} } })))}
                    {area_input(format!("{id}-kiem-chung"), t!("Tài liệu kiểm chứng cần có", "Evidence required").into(), v.evidence.clone(), move |t| write(Box::new(move |m| { let t = (!t.trim().is_empty()).then_some(t); match m { NodeMut::Criterion(c) => c.evidence = t, NodeMut::Item(i) => i.evidence = t, _ => {} } })))}
                </div>
                <label class="check">
                    <input type="checkbox" prop:checked=v.allow_na on:change=move |ev| { let on = event_target_checked(&ev); write(Box::new(move |m| match m { NodeMut::Criterion(c) => c.allow_na = on, NodeMut::Item(i) => i.allow_na = on, _ => {} })) }/>
                    {t!(" Cho phép chọn «không áp dụng»", " Allow «not applicable»")}
                </label>
            })}
            {child_label.map(|l| view! { <button type="button" class="secondary small" on:click=add_child>{l}</button> })}
        </li>
    }
    .into_any()
}

#[component]
pub fn Editor() -> impl IntoView {
    let s = use_studio();
    let shape = Memo::new(move |_| {
        s.draft
            .with(|d| d.as_ref().map(|d| shape(&d.set)).unwrap_or_default())
    });
    let problems = Memo::new(move |_| {
        s.draft
            .with(|d| d.as_ref().map(|d| d.blockers()).unwrap_or_default())
    });
    let placed = Memo::new(move |_| {
        s.draft.with(|d| {
            d.as_ref()
                .map(|d| problems_by_node(&validate(&d.set)))
                .unwrap_or_default()
        })
    });
    provide_context(Placed(placed));
    let header_problems =
        Memo::new(move |_| placed.with(|m| m.get(&None).cloned().unwrap_or_default()));
    let to_review = Memo::new(move |_| {
        s.draft.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.review
                        .iter()
                        .map(|(k, n)| (k.clone(), n.why.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let totals = Memo::new(move |_| s.draft.with(|d| d.as_ref().map(|d| set_totals(&d.set))));
    let tree = move || {
        shape
            .get()
            .into_iter()
            .map(|node| view! { <NodeEditor node/> })
            .collect_view()
    };
    let undo = move |_| {
        if let Some(r) = s.removed.get_untracked() {
            s.edit(|d| undo_remove(&mut d.set, r));
            s.removed.set(None);
        }
    };
    let renumber_all = move |_| {
        s.edit(|d| {
            let moved = renumber(&mut d.set);
            rename_notes(&mut d.review, &moved);
        })
    };
    let discard = move |_| {
        if page::confirm(t!("Bỏ bản đang soạn? Bộ tiêu chí đã phát hành trong thư viện không bị ảnh hưởng.", "Discard the draft being authored? Sets already published in the library are not affected.")) {
            s.draft.set(None);
        }
    };
    view! {
        <div class="studio-status" role="status">
            <p>
                {move || {
                    let n = problems.with(Vec::len);
                    if n == 0 { t!("Không còn vấn đề nào: có thể phát hành.", "No problems left: ready to publish.").to_string() }
                    else { tf!("{n} vấn đề cần xử lý trước khi phát hành", "{n} problems to solve before publishing") }
                }}
                {move || totals.get().map(|t| tf!(" · Tổng điểm các lĩnh vực {} / khai báo {}", " · Fields add up to {} / declared {}", t.computed.shown(), t.declared.shown()))}
            </p>
            {move || (!to_review.with(Vec::is_empty)).then(|| view! {
                <details>
                    <summary>{move || tf!("{} quy tắc cần xem lại", "{} rules to review", to_review.with(Vec::len))}</summary>
                    <ul>{move || to_review.get().into_iter().map(|(code, why)| view! { <li><span class="code">{code}</span>" "{why}</li> }).collect_view()}</ul>
                </details>
            })}
        </div>
        {move || s.removed.with(Option::is_some).then(|| view! {
            <p class="banner banner-ok" role="status">{t!("Đã xóa. ", "Deleted. ")}<button type="button" class="secondary small" on:click=undo>{t!("Hoàn tác", "Undo")}</button></p>
        })}
        <Header/>
        {move || problem_list(header_problems.get())}
        <section aria-labelledby="cay-tieu-de">
            <div class="node-head">
                <h3 id="cay-tieu-de">{t!("Lĩnh vực, tiêu chí, tiêu chí thành phần", "Fields, criteria, sub-criteria")}</h3>
                <span class="node-tools">
                    <button type="button" class="secondary small" on:click=renumber_all>{t!("Đánh số lại 1, 1.1, 1.1.1", "Renumber 1, 1.1, 1.1.1")}</button>
                    <button type="button" class="secondary small" on:click=move |_| s.edit(|d| { add_field(&mut d.set); })>{t!("+ Thêm lĩnh vực", "+ Add field")}</button>
                </span>
            </div>
            <ol class="set-tree-editor">{tree}</ol>
        </section>
        <PublishPanel/>
        <p><button type="button" class="link-button danger" on:click=discard>{t!("Bỏ bản đang soạn", "Discard this draft")}</button></p>
    }
}

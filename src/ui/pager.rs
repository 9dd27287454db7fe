//! The pages of a long list (the desk's agencies, a block's ranking): the
//! previous and the next page, where this one is, and how many rows a page
//! holds. See `domain::base::paging`.

use leptos::prelude::*;

use crate::browser::page;
use crate::domain::base::paging::{PageSpan, PAGE_SIZES};

/// Previous and next page, and "Trang 2/4"; hidden while one page holds
/// every row. Going to another page brings `top` (an element's id: the
/// list's start) into view. At either end the button says it leads nowhere
/// (`aria-disabled`) but keeps the focus, so a keyboard user pressing it
/// page after page is not thrown back to the top of the document.
#[component]
pub fn Pager(
    span: Signal<PageSpan>,
    go: Callback<usize>,
    #[prop(into)] label: String,
    top: String,
) -> impl IntoView {
    let top = StoredValue::new(top);
    let step = move |forward: bool| {
        let s = span.get_untracked();
        let to = if forward {
            s.page + 1
        } else {
            s.page.saturating_sub(1)
        };
        go.run(to.min(s.pages - 1));
        top.with_value(|t| page::scroll_to(t));
    };
    view! {
        <nav class="pager-nav" aria-label=label hidden=move || span.with(|s| s.pages < 2)>
            <button type="button" class="button secondary small" aria-disabled=move || span.with(|s| (s.page == 0).to_string()) on:click=move |_| step(false)>
                {t!("‹ Trang trước", "‹ Previous page")}
            </button>
            <span class="pager-where" aria-live="polite">{move || span.with(|s| tf!("Trang {}/{}", "Page {}/{}", s.page + 1, s.pages))}</span>
            <button type="button" class="button secondary small" aria-disabled=move || span.with(|s| (s.page + 1 >= s.pages).to_string()) on:click=move |_| step(true)>
                {t!("Trang sau ›", "Next page ›")}
            </button>
        </nav>
    }
}

/// "Số dòng mỗi trang": 25, 50, 100 or all.
#[component]
pub fn PageSize(
    id: &'static str,
    value: Signal<Option<usize>>,
    on_change: Callback<Option<usize>>,
) -> impl IntoView {
    let code = |n: Option<usize>| n.map_or("tat-ca".to_string(), |n| n.to_string());
    view! {
        <div class="filter">
            <label for=id>{t!("Số dòng mỗi trang", "Rows per page")}</label>
            <select
                id=id
                prop:value=move || code(value.get())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    on_change.run(PAGE_SIZES.into_iter().find(|n| code(*n) == v).flatten());
                }
            >
                {PAGE_SIZES.into_iter().map(|n| view! {
                    <option value=code(n)>{n.map_or_else(|| t!("Tất cả", "All").to_string(), |n| n.to_string())}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

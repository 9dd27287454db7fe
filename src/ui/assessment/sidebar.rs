//! The wizard's navigation: the overall score, search by code or words,
//! and every field with items answered, points and missing evidence.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::summary::search;
use crate::domain::CriteriaSet;
use crate::ui::assessment::use_assessment;
use crate::ui::route::Route;

/// A link that moves inside the app without reloading.
pub fn nav_link(route: Route, class: &'static str, body: impl IntoView + 'static) -> impl IntoView {
    let a = use_assessment();
    let current = {
        let route = route.clone();
        move || {
            a.route.with(|r| match (r, &route) {
                (
                    Route::Field { code: x, .. },
                    Route::Field {
                        code: y,
                        item: None,
                    },
                ) => x == y,
                // the "Tự đánh giá" tab stays current on every field page
                (Route::Field { .. }, Route::Start) => class == "tab",
                (r, route) => r == route,
            })
        }
    };
    let href = route.hash();
    view! {
        <a
            class=class
            href=href
            aria-current=move || current().then_some("page")
            on:click=move |ev| {
                ev.prevent_default();
                a.go(route.clone());
            }
        >{body}</a>
    }
}

/// Total, index and class, always visible while filling in.
#[component]
pub fn ScoreBar() -> impl IntoView {
    let a = use_assessment();
    move || {
        a.report.get().map(|r| {
            let index = r
                .index
                .map(|i| format!("{}%", i.vi_fixed2()))
                .unwrap_or_else(|| "—".into());
            view! {
                <div class="score-bar" role="status" aria-live="off">
                    <span><span class="label">"Tự chấm "</span><strong>{r.total.vi()}</strong>{format!(" / {}", r.applicable_max.vi())}</span>
                    <span><span class="label">"Chỉ số "</span><strong>{index}</strong></span>
                    <span><span class="label">"Xếp loại "</span><strong>{r.class.clone().unwrap_or_else(|| "—".into())}</strong></span>
                    <span><span class="label">"Đã trả lời "</span><strong>{format!("{}/{}", r.answered, r.answerable)}</strong></span>
                </div>
            }
        })
    }
}

#[component]
pub fn Sidebar(set: Arc<CriteriaSet>) -> impl IntoView {
    let a = use_assessment();
    let query = RwSignal::new(String::new());
    let hits = {
        let set = set.clone();
        Memo::new(move |_| query.with(|q| search(&set, q, 12)))
    };
    let fields = set
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let code = f.code.clone();
            let progress = move || {
                a.report.with(|r| {
                    r.as_ref().and_then(|r| r.fields.get(i)).map(|fs| {
                        format!(
                            "{}/{} mục · {} / {} điểm",
                            fs.answered,
                            fs.answerable,
                            fs.points.vi(),
                            fs.applicable_max.vi()
                        )
                    })
                })
            };
            let flags = move || {
                a.outstanding.with(|o| {
                    o.as_ref()
                        .and_then(|o| o.lacking_by_field.get(i).copied())
                        .filter(|n| *n > 0)
                        .map(|n| view! { <span class="nav-flag">{format!("⚑ {n} thiếu TLKC")}</span> })
                })
            };
            let body = view! {
                <span class="nav-title">{format!("{}. {}", f.code, f.title)}</span>
                <span class="nav-progress">{progress}</span>
                {flags}
            };
            view! { <li>{nav_link(Route::Field { code, item: None }, "nav-field", body)}</li> }
        })
        .collect_view();
    let results = move || {
        let hits = hits.get();
        if query.with(|q| q.trim().is_empty()) {
            return None;
        }
        Some(if hits.is_empty() {
            view! { <p class="hint" role="status">"Không tìm thấy tiêu chí nào."</p> }.into_any()
        } else {
            view! {
                <ul class="search-hits" aria-label="Kết quả tìm kiếm">
                    {hits.into_iter().map(|h| {
                        let body = view! { <span class="code">{h.code.clone()}</span>" "{h.title.clone()} };
                        view! { <li>{nav_link(Route::item(&h.field, &h.code), "hit", body)}</li> }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <nav class="wizard-nav" aria-label="Các bước tự đánh giá">
            <div class="search">
                <label for="tim-tieu-chi">"Tìm tiêu chí (mã hoặc nội dung)"</label>
                <input
                    id="tim-tieu-chi"
                    type="search"
                    autocomplete="off"
                    placeholder="Ví dụ 2.1.3 hoặc kế hoạch"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                {results}
            </div>
            <ol class="nav-list">
                <li>{nav_link(Route::Start, "nav-field", view! { <span class="nav-title">"Thông tin đơn vị"</span> })}</li>
                {fields}
                <li>{nav_link(Route::Summary, "nav-field", view! { <span class="nav-title">"Bảng tổng hợp"</span> })}</li>
            </ol>
        </nav>
    }
}

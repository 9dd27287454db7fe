//! The wizard's navigation: the overall score, search by code or words,
//! and every field with items answered, points and missing evidence.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::assessment::summary::search;
use crate::domain::{CriteriaSet, ScoreReport};
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

/// Total, index and class, always visible while filling in. Drawn once
/// per draft: a keystroke changes only its four figures' text, not its
/// elements (rebuilding them restyled the bar on every keystroke).
#[component]
pub fn ScoreBar() -> impl IntoView {
    let a = use_assessment();
    let has_score = Memo::new(move |_| a.score.with(Option::is_some));
    let figure = move |f: fn(&ScoreReport) -> String| {
        move || a.with_totals(|s| s.as_ref().map(|live| f(live.report())).unwrap_or_default())
    };
    let class = move || {
        a.with_totals(|s| {
            s.as_ref().map(|live| {
                let class = live.report().class.clone();
                a.set
                    .with(|set| set.as_ref().map(|set| set.class_text(class.as_deref())))
            })
        })
    };
    move || {
        has_score.get().then(|| {
            view! {
                <div class="score-bar" role="status" aria-live="off">
                    <span><span class="label">{t!("Tự chấm ", "Self-score ")}</span><strong>{figure(|r| r.total.shown())}</strong>{figure(|r| format!(" / {}", r.applicable_max.shown()))}</span>
                    <span><span class="label">{t!("Chỉ số ", "Index ")}</span><strong>{figure(|r| r.index.map(|i| format!("{}%", i.shown_fixed2())).unwrap_or_else(|| "—".into()))}</strong></span>
                    <span><span class="label">{t!("Xếp loại ", "Class ")}</span><strong>{class}</strong></span>
                    <span><span class="label">{t!("Đã trả lời ", "Answered ")}</span><strong>{figure(|r| format!("{}/{}", r.answered, r.answerable))}</strong></span>
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
            // each field's texts as memos: a keystroke changes one field's,
            // and only what shows that field's is woken
            let progress = Memo::new(move |_| {
                a.with_totals(|s| {
                    s.as_ref().and_then(|s| s.report().fields.get(i)).map(|fs| {
                        tf!(
                            "{}/{} mục · {} / {} điểm",
                            "{}/{} items · {} / {} points",
                            fs.answered,
                            fs.answerable,
                            fs.points.shown(),
                            fs.applicable_max.shown()
                        )
                    })
                })
            });
            let flag = Memo::new(move |_| {
                a.with_totals(|s| {
                    s.as_ref()
                        .and_then(|s| s.lacking_by_field().get(i).copied())
                        .filter(|n| *n > 0)
                        .map(|n| tf!("⚑ {n} thiếu TLKC", "⚑ {n} without evidence"))
                })
            });
            let flags = move || {
                flag.get()
                    .map(|f| view! { <span class="nav-flag">{f}</span> })
            };
            let body = view! {
                <span class="nav-title">{format!("{}. {}", f.code, f.title_shown())}</span>
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
            view! { <p class="hint" role="status">{t!("Không tìm thấy tiêu chí nào.", "No criteria found.")}</p> }.into_any()
        } else {
            view! {
                <ul class="search-hits" aria-label={t!("Kết quả tìm kiếm", "Search results")}>
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
        <nav class="wizard-nav" aria-label={t!("Các bước tự đánh giá", "Self-assessment steps")}>
            <div class="search">
                <label for="tim-tieu-chi">{t!("Tìm tiêu chí (mã hoặc nội dung)", "Find a criterion (code or text)")}</label>
                <input
                    id="tim-tieu-chi"
                    type="search"
                    autocomplete="off"
                    placeholder={t!("Ví dụ 2.1.3 hoặc kế hoạch", "E.g. 2.1.3 or plan")}
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                {results}
            </div>
            <ol class="nav-list">
                <li>{nav_link(Route::Start, "nav-field", view! { <span class="nav-title">{t!("Thông tin đơn vị", "Unit information")}</span> })}</li>
                {fields}
                <li>{nav_link(Route::Summary, "nav-field", view! { <span class="nav-title">{t!("Bảng tổng hợp", "Summary")}</span> })}</li>
            </ol>
        </nav>
    }
}

//! One field (lĩnh vực) of the set: its criteria and their items, the
//! field's live score, and previous / next.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::criteria::rule_text::points_text;
use crate::domain::CriteriaSet;
use crate::ui::assessment::item_card::ItemCard;
use crate::ui::assessment::use_assessment;
use crate::ui::fold::Fold;
use crate::ui::lazy::ChunkError;
use crate::ui::route::Route;

split_page!(
    linh_vuc,
    /// A field's page with its item cards, inputs and evidence: a chunk of
    /// its own, so that the page a new agency opens first (choosing its set
    /// and describing itself) comes without them.
    pub fn field_page(set: Arc<CriteriaSet>, code: String) -> Result<AnyView, ChunkError> {
        Ok(view! { <FieldPage set code/> }.into_any())
    }
);

split_page!(
    linh_vuc,
    /// Nothing but the loading of that chunk (see [`warm_field_chunk`]).
    fn field_chunk() -> Result<AnyView, ChunkError> {
        Ok(().into_any())
    }
);

/// Loads the field pages' chunk ahead of need: at once when the app opens
/// on a field (while the criteria sets are still being read), else a little
/// after the first page is drawn, so that "Bắt đầu chấm điểm" does not wait.
/// Not when it opens on the reviewer's desk or the studio: their users
/// seldom fill in a self-assessment there, and the desk's first import
/// would share the page with the chunk's compilation.
pub fn warm_field_chunk(opening: &Route) {
    let load = || {
        leptos::task::spawn_local(async {
            let _ = load_page!(field_chunk()).await;
        })
    };
    match opening {
        Route::Field { .. } => load(),
        Route::Studio => {}
        r if r.is_desk() => {}
        _ => {
            set_timeout(load, std::time::Duration::from_millis(1500));
        }
    }
}

/// Above this many items on one page, cards off the screen are not laid
/// out or painted until they come near it, and the field comes in parts.
const LONG_FIELD: usize = 40;

/// About how many items a part of a long field holds (whole criteria).
const PART_UNITS: usize = 20;

/// One criterion: its head and its items' cards, or its own card when it
/// is scored as a whole. By the field's and the criterion's positions.
fn criterion_block(set: &Arc<CriteriaSet>, field: usize, ci: usize) -> AnyView {
    let c = &set.fields[field].criteria[ci];
    if c.rule.is_some() {
        return view! {
            <section class="criterion-block">
                <ItemCard set=set.clone() code=c.code.clone()/>
            </section>
        }
        .into_any();
    }
    let items = c
        .items
        .iter()
        .map(|i| view! { <ItemCard set=set.clone() code=i.code.clone()/> })
        .collect_view();
    let heading = format!("muc-{}-tieu-de", c.code);
    let labelled_by = heading.clone();
    view! {
        <section class="criterion-block" id=format!("muc-{}", c.code) aria-labelledby=labelled_by>
            <header class="criterion-head">
                <h3 id=heading tabindex="-1"><span class="code">{c.code.clone()}</span>" "{c.title_shown().to_string()}</h3>
                <span class="max">{points_text(c.max)}</span>
            </header>
            {items}
        </section>
    }
    .into_any()
}

#[component]
pub fn FieldPage(set: Arc<CriteriaSet>, code: String) -> impl IntoView {
    let a = use_assessment();
    let Some(index) = set.fields.iter().position(|f| f.code == code) else {
        return view! {
            <p class="banner banner-warn" role="alert">
                {tf!("Bộ tiêu chí không có lĩnh vực «{code}».", "The criteria set has no field «{code}».")}
            </p>
        }
        .into_any();
    };
    // the item the address names takes the focus once its card is drawn
    // (the page may appear after the set has loaded)
    if let Some(pending) = use_context::<crate::ui::lazy::PendingFocus>() {
        request_animation_frame(move || {
            if !crate::browser::page::focus_in_dialog() {
                pending.try_focus();
            }
        });
    }
    let field = &set.fields[index];
    let prev = index.checked_sub(1).map(|i| set.fields[i].clone());
    let next = set.fields.get(index + 1).cloned();
    let field_score = {
        let code = code.clone();
        Memo::new(move |_| {
            a.with_totals(|s| {
                s.as_ref()
                    .and_then(|s| s.report().fields.iter().find(|f| f.code == code).cloned())
            })
        })
    };
    let score_line = move || {
        field_score.get().map(|f| {
            let index = f
                .index
                .map(|i| tf!(" · chỉ số {}%", " · index {}%", i.shown_fixed2()))
                .unwrap_or_default();
            let bonus = (!f.bonus.is_zero())
                .then(|| tf!(" · thưởng {}", " · bonus {}", points_text(f.bonus)))
                .unwrap_or_default();
            tf!(
                "Đã trả lời {}/{} · {} / {} điểm áp dụng{index}{bonus}",
                "Answered {}/{} · {} / {} applicable points{index}{bonus}",
                f.answered,
                f.answerable,
                f.points.shown(),
                f.applicable_max.shown()
            )
        })
    };
    // A long field: only the cards near the screen are laid out and painted
    // (see style/app.css, `.long-field`), and its criteria come in parts of
    // about PART_UNITS items, each a fold, open where the agency is
    // working: the part of the item the address names, else the first with
    // an item still to answer. A closed part's cards are built when it is
    // first opened, so the page, and every keystroke on it, cost about
    // what a short field's do.
    let long = field.unit_count() > LONG_FIELD;
    let criteria = if !long {
        (0..field.criteria.len())
            .map(|ci| criterion_block(&set, index, ci))
            .collect_view()
            .into_any()
    } else {
        let parts = field.parts(PART_UNITS);
        let working_on = match a.route.get_untracked() {
            Route::Field { item: Some(i), .. } => field.criterion_of(&i),
            _ => None,
        }
        .or_else(|| {
            a.score
                .with_untracked(|s| s.as_ref().and_then(|s| s.first_unfinished(index)))
        })
        .unwrap_or(0);
        parts
            .into_iter()
            .map(|range| {
                let (first, last) = (
                    field.criteria[range.start].code.clone(),
                    field.criteria[range.end - 1].code.clone(),
                );
                let open = range.contains(&working_on);
                let progress = {
                    let range = range.clone();
                    Memo::new(move |_| a.with_totals(|s| s.as_ref().map(|s| s.progress(index, range.clone()))))
                };
                let progress = move || {
                    progress.get().map(|p| {
                        tf!(
                            "{}/{} mục · {} / {} điểm",
                            "{}/{} items · {} / {} points",
                            p.answered,
                            p.answerable,
                            p.points.shown(),
                            p.applicable_max.shown()
                        )
                    })
                };
                let title = if first == last {
                    tf!("Tiêu chí {first}", "Criterion {first}")
                } else {
                    tf!("Tiêu chí {first} – {last}", "Criteria {first} – {last}")
                };
                let summary = view! {
                    <summary class="part-head">
                        <span class="part-title">{title}<span class="visually-hidden">": "</span></span>
                        <span class="part-progress">{progress}</span>
                    </summary>
                }
                .into_any();
                let set = set.clone();
                view! {
                    <Fold class="field-part" open summary>
                        {range.clone().map(|ci| criterion_block(&set, index, ci)).collect_view()}
                    </Fold>
                }
            })
            .collect_view()
            .into_any()
    };
    let title = tf!(
        "Lĩnh vực {}. {}",
        "Field {}. {}",
        field.code,
        field.title_shown()
    );
    let max = field.max;
    view! {
        <div class="page-card field-page" class:long-field=long>
            <header class="field-head">
                <h2 id="trang-tieu-de" tabindex="-1">{title}</h2>
                <p class="field-score" aria-live="polite">{score_line}{t!(" (tối đa ", " (max ")}{points_text(max)}")"</p>
            </header>
            {criteria}
            <nav class="pager" aria-label={t!("Chuyển lĩnh vực", "Go to field")}>
                {prev.map(|p| {
                    let route = Route::Field { code: p.code.clone(), item: None };
                    view! {
                        <a class="button secondary" href=route.hash() on:click=move |ev| { ev.prevent_default(); a.go(route.clone()); }>
                            {tf!("← Lĩnh vực {}", "← Field {}", p.code)}
                        </a>
                    }
                })}
                {match next {
                    Some(n) => {
                        let route = Route::Field { code: n.code.clone(), item: None };
                        view! {
                            <a class="button" href=route.hash() on:click=move |ev| { ev.prevent_default(); a.go(route.clone()); }>
                                {tf!("Lĩnh vực {}: {} →", "Field {}: {} →", n.code, n.title_shown())}
                            </a>
                        }.into_any()
                    }
                    None => view! {
                        <a class="button" href=Route::Summary.hash() on:click=move |ev| { ev.prevent_default(); a.go(Route::Summary); }>
                            {t!("Xem bảng tổng hợp →", "View the summary →")}
                        </a>
                    }.into_any(),
                }}
            </nav>
        </div>
    }
    .into_any()
}

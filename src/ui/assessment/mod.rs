//! The assessment wizard: start (set and agency profile), one page per field
//! with live scores, evidence and explanations, and the summary.
//!
//! State is one plain [`Draft`] in a signal (the todomvc shape: a domain type
//! with tested methods, restored before the saving effect starts; see
//! [`draft_store`]). Its score is one memo holding a [`LiveScore`], which
//! scores again only the criterion of the item typed in and records which
//! items changed. Each item card reads its own signal ([`slices`]: its
//! response, score, evidence flag, exemption and appraisal), and one effect
//! updates only the signals of the items that changed: a keystroke costs
//! the same on a set of 10 items or of 1,000.

pub mod detail_table;
pub mod document_library;
pub mod draft_store;
pub mod drafts_page;
pub mod evidence;
pub mod field_page;
pub mod inputs;
pub mod item_card;
pub mod last_year_section;
pub mod save_status;
pub mod sidebar;
pub mod slices;
pub mod start;
pub mod summary_page;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::page;
use crate::domain::assessment::live::{Changes, LiveScore};
use crate::domain::assessment::review_file::Appraisal;
use crate::domain::{CriteriaSet, Draft, ItemScore, Library, Response};
use crate::ui::route::Route;
use draft_store::{DraftStore, StoredEntry};
use slices::Slices;

#[derive(Clone, Copy)]
pub struct Assessment {
    /// The open draft.
    pub draft: RwSignal<Draft>,
    /// Every stored draft, the open one's saving.
    pub store: DraftStore,
    /// The chosen set, when it is in the library.
    pub set: Memo<Option<Arc<CriteriaSet>>>,
    /// The draft's score on that set, and what is still open.
    pub score: Memo<Option<Arc<LiveScore>>>,
    pub route: RwSignal<Route>,
    /// YYYY-MM-DD, for "date in the future" checks.
    pub today: StoredValue<String>,
    /// The set the open draft was on before the user switched it (last
    /// year's, for a draft duplicated for the new year), for the comparison.
    pub switched_from: RwSignal<Option<String>>,
    items: Slices<ItemView>,
    /// Notified a frame after the score changed (see [`Assessment::with_totals`]).
    totals: Trigger,
}

/// What an item card shows of the draft and its report (see [`slices`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemView {
    pub response: Response,
    pub score: Option<ItemScore>,
    /// Scores above 0 with neither evidence nor explanation.
    pub lacking: bool,
    /// The appraisal in the review file the agency imported.
    pub review: Option<Appraisal>,
    /// Not scored for this agency: the exemption's label.
    pub exempt: Option<String>,
}

impl Assessment {
    /// Restores the drafts, then starts saving (never before), and follows
    /// the address hash.
    pub fn provide(library: RwSignal<Library>) -> Assessment {
        let store = DraftStore::restore();
        let draft = store.draft;
        // a keystroke changes the draft, not its set: the set is looked up
        // (and copied) only when the key or the library changes
        let set_key = Memo::new(move |_| draft.with(|d| d.set_key.clone()));
        let set = Memo::new(move |_| {
            let key = set_key.get();
            library.with(|l| l.get(&key).map(|e| Arc::new(e.set.clone())))
        });
        // Scored again only where the draft changed (see LiveScore): the
        // previous score is taken over and changed in place (scored anew in
        // the rare case that a reader still holds it).
        let score = Memo::new_owning(move |prev: Option<Option<Arc<LiveScore>>>| {
            let Some(set) = set.get() else {
                return (None, prev.flatten().is_some());
            };
            draft.with(|d| {
                let mut prev = prev.flatten();
                if let Some(live) = prev.as_mut().and_then(Arc::get_mut) {
                    let changed = live.follow(&set, d);
                    return (prev, changed);
                }
                let live = match prev {
                    Some(held) => held.anew(set, d),
                    None => LiveScore::new(set, d),
                };
                (Some(Arc::new(live)), true)
            })
        });
        // An entry that cannot be read brings up the recovery screen.
        let has_unreadable = store.entries.with_untracked(|l| {
            l.iter()
                .any(|e| matches!(e, StoredEntry::Unreadable { .. }))
        });
        // (unless the address asks for a page of the form)
        let hash = page::hash();
        let asked = Route::parse(&hash);
        let route = if has_unreadable && asked == Route::Start {
            page::set_hash(&Route::Drafts.hash());
            Route::Drafts
        } else if hash.is_empty() {
            // the app reopened without an address: back where the open
            // draft was left (its profile page only for a new draft)
            let left = draft.with_untracked(|d| {
                (!d.set_key.is_empty())
                    .then(|| draft_store::positions().get(&d.id).cloned())
                    .flatten()
            });
            match left {
                Some(h) => {
                    page::replace_hash(&h);
                    Route::parse(&h)
                }
                None => asked,
            }
        } else {
            asked
        };
        let state = Assessment {
            draft,
            store,
            set,
            score,
            route: RwSignal::new(route),
            today: StoredValue::new(page::today_iso()),
            switched_from: RwSignal::new(None),
            items: Slices::new(),
            totals: Trigger::new(),
        };
        store.start();
        // what shows totals follows the score once the frame after its
        // change has been drawn (see `with_totals`)
        let totals = state.totals;
        let waiting = StoredValue::new(false);
        Effect::new(move |_| {
            score.track();
            if !waiting.get_value() {
                waiting.set_value(true);
                spawn_local(async move {
                    page::after_paint().await;
                    waiting.set_value(false);
                    totals.notify();
                });
            }
        });
        // every item card's signal, brought up to date after each change of
        // the score: only the items it says changed are looked at, and only
        // the cards whose view differs wake
        let items = state.items;
        let synced = StoredValue::new(0u64);
        Effect::new(move |_| {
            score.with(|live| {
                let Some(live) = live else { return };
                let since = synced.get_value();
                synced.set_value(live.version());
                draft.with_untracked(|d| {
                    let view_of = |code: &str, cur: &ItemView| {
                        let now = item_view(d, live, code);
                        (now != *cur).then_some(now)
                    };
                    match live.changes_since(since) {
                        Changes::All => items.sync(None, view_of),
                        Changes::Items(codes) => items.sync(Some(&codes), view_of),
                    }
                })
            })
        });

        // Remember where in the form each draft was left.
        Effect::new(move |_| {
            let route = state.route.get();
            if matches!(route, Route::Field { .. } | Route::Summary)
                && state.store.trial.with_untracked(Option::is_none)
            {
                let id = draft.with_untracked(|d| d.id.clone());
                draft_store::remember_position(&id, &route.hash());
            }
        });

        let _ = window_event_listener(leptos::ev::hashchange, move |_| {
            let r = Route::parse(&page::hash());
            if state.route.get_untracked() != r {
                state.route.set(r);
            }
        });
        provide_context(state);
        state
    }

    /// Opens a draft where it was left.
    pub fn open(self, d: Draft) {
        let position = draft_store::positions().get(&d.id).cloned();
        self.store.open(d);
        self.go(position.map(|h| Route::parse(&h)).unwrap_or(Route::Start));
    }

    /// What one item's card shows, as its own signal.
    pub fn item(self, code: &str) -> Signal<ItemView> {
        self.items.get(code, || {
            self.score.with_untracked(|live| {
                self.draft.with_untracked(|d| match live {
                    Some(live) => item_view(d, live, code),
                    None => ItemView {
                        response: d.response(code),
                        ..ItemView::default()
                    },
                })
            })
        })
    }

    /// The score, read by what shows totals: the score bar, the side
    /// panel, a field's and a part's sums. They follow it a frame late: a
    /// keystroke's own frame draws the edited item's result only, and the
    /// totals catch up in the next, so the browser lays out and paints less
    /// before the key's result shows.
    pub fn with_totals<T>(self, f: impl FnOnce(&Option<Arc<LiveScore>>) -> T) -> T {
        self.totals.track();
        self.score.with_untracked(f)
    }

    pub fn edit(self, code: &str, f: impl FnOnce(&mut Response)) {
        self.draft.update(|d| d.edit(code, f));
    }

    /// Goes to a route and records it in the address (Back works).
    pub fn go(self, route: Route) {
        page::set_hash(&route.hash());
        self.route.set(route);
    }
}

fn item_view(d: &Draft, live: &LiveScore, code: &str) -> ItemView {
    ItemView {
        response: d.response(code),
        score: live.report().items.get(code).cloned(),
        lacking: live.lacking(code),
        review: d.review.as_ref().and_then(|r| r.items.get(code).cloned()),
        exempt: live.exempt(code).cloned(),
    }
}

pub fn use_assessment() -> Assessment {
    expect_context::<Assessment>()
}

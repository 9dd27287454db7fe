//! The assessment wizard: start (set and agency profile), one page per field
//! with live scores, evidence and explanations, and the summary.
//!
//! State is one plain [`Draft`] in a signal (the todomvc shape: a domain type
//! with tested methods, restored before the saving effect starts; see
//! [`draft_store`]). The score report is one memo over the whole draft. Each
//! item card reads its own signals ([`slices`]: its response, score,
//! evidence flag and appraisal), which one effect per source updates only
//! when they change, so a keystroke re-renders only the item typed in.

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

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::page;
use crate::domain::assessment::review_file::Appraisal;
use crate::domain::assessment::summary::{outstanding, Outstanding};
use crate::domain::{CriteriaSet, Draft, ItemScore, Library, Response, ScoreReport};
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
    pub report: Memo<Option<Arc<ScoreReport>>>,
    pub outstanding: Memo<Option<Arc<Outstanding>>>,
    pub route: RwSignal<Route>,
    /// YYYY-MM-DD, for "date in the future" checks.
    pub today: StoredValue<String>,
    /// Items not scored for this agency (by the exemptions its profile
    /// declares), with the exemption's label.
    pub exempted: Memo<Arc<BTreeMap<String, String>>>,
    /// The set the open draft was on before the user switched it (last
    /// year's, for a draft duplicated for the new year), for the comparison.
    pub switched_from: RwSignal<Option<String>>,
    items: Slices<ItemView>,
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
        let report = Memo::new(move |_| {
            let set = set.get()?;
            Some(Arc::new(draft.with(|d| d.score(&set))))
        });
        let outstanding = Memo::new(move |_| {
            let set = set.get()?;
            let report = report.get()?;
            Some(Arc::new(draft.with(|d| outstanding(&set, d, &report))))
        });
        // a keystroke changes the draft, not the declared exemptions: the
        // map is rebuilt only when those or the set change
        let declared = Memo::new(move |_| draft.with(|d| d.profile.exemptions.clone()));
        let exempted = Memo::new(move |_| {
            let declared = declared.get();
            Arc::new(match (set.get(), declared.is_empty()) {
                (Some(set), false) => set.exempted(&declared),
                _ => BTreeMap::new(),
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
            report,
            outstanding,
            route: RwSignal::new(route),
            today: StoredValue::new(page::today_iso()),
            exempted,
            switched_from: RwSignal::new(None),
            items: Slices::new(),
        };
        store.start();
        // every item card's signal, brought up to date after each change
        // (of the draft, then its report): only the cards that changed wake
        let items = state.items;
        Effect::new(move |_| {
            let (report, open) = (report.get(), outstanding.get());
            let empty = Response::default();
            draft.with(|d| {
                items.sync(|code, cur| {
                    let response = d.responses.get(code);
                    let review = d.review.as_ref().and_then(|r| r.items.get(code));
                    let score = report.as_ref().and_then(|r| r.items.get(code));
                    let lacking = lacking(&open, code);
                    let same = response.unwrap_or(&empty) == &cur.response
                        && review == cur.review.as_ref()
                        && score == cur.score.as_ref()
                        && lacking == cur.lacking;
                    (!same).then(|| ItemView {
                        response: d.response(code),
                        score: score.cloned(),
                        lacking,
                        review: review.cloned(),
                    })
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
        self.items.get(code, || ItemView {
            response: self.draft.with_untracked(|d| d.response(code)),
            score: self
                .report
                .with_untracked(|r| r.as_ref().and_then(|r| r.items.get(code).cloned())),
            lacking: self.outstanding.with_untracked(|o| lacking(o, code)),
            review: self
                .draft
                .with_untracked(|d| d.review.as_ref().and_then(|r| r.items.get(code).cloned())),
        })
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

fn lacking(o: &Option<Arc<Outstanding>>, code: &str) -> bool {
    o.as_ref()
        .is_some_and(|o| o.lacking_evidence.iter().any(|c| c == code))
}

pub fn use_assessment() -> Assessment {
    expect_context::<Assessment>()
}

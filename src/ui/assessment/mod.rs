//! The assessment wizard: start (set and agency profile), one page per field
//! with live scores, evidence and explanations, and the summary.
//!
//! State is one plain [`Draft`] in a signal (the todomvc shape: a domain type
//! with tested methods). Each item reads its own [`Memo`] slice of it, so a
//! keystroke re-renders only the item being typed in, and the score report
//! is one memo over the whole draft.

pub mod evidence;
pub mod field_page;
pub mod inputs;
pub mod item_card;
pub mod sidebar;
pub mod start;
pub mod summary_page;

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::{page, storage};
use crate::domain::summary::{outstanding, Outstanding};
use crate::domain::{CriteriaSet, Draft, Library, Response, ScoreReport};
use crate::ui::route::Route;

#[derive(Clone, Copy)]
pub struct Assessment {
    pub draft: RwSignal<Draft>,
    /// The chosen set, when it is in the library.
    pub set: Memo<Option<Arc<CriteriaSet>>>,
    pub report: Memo<Option<Arc<ScoreReport>>>,
    pub outstanding: Memo<Option<Arc<Outstanding>>>,
    pub route: RwSignal<Route>,
    /// YYYY-MM-DD, for "date in the future" checks.
    pub today: StoredValue<String>,
    pub storage_error: RwSignal<Option<String>>,
}

/// Reads the stored draft. Undecodable data is set aside verbatim (never
/// overwritten) and a fresh draft starts, with a message saying so.
fn restore_draft() -> (Draft, Option<String>) {
    match storage::load::<Draft>(storage::DRAFT_KEY) {
        Ok(d) => (d.unwrap_or_default(), None),
        Err(storage::StoreError::Unreadable(e)) => {
            let raw = storage::load_raw(storage::DRAFT_KEY).unwrap_or_default();
            let kept = storage::save_raw(storage::UNREADABLE_DRAFT_KEY, &raw).is_ok();
            let msg = if kept {
                format!("Bản tự đánh giá đã lưu không đọc được ({e}). Dữ liệu cũ được giữ nguyên ở mục «{}» trong bộ nhớ trình duyệt; một bản mới đã được mở.", storage::UNREADABLE_DRAFT_KEY)
            } else {
                format!("Bản tự đánh giá đã lưu không đọc được ({e}). Dữ liệu cũ vẫn được giữ nguyên; các thay đổi mới chưa được lưu.")
            };
            (Draft::default(), Some(msg))
        }
        Err(e) => (Draft::default(), Some(e.to_string())),
    }
}

impl Assessment {
    /// Restores the draft, then starts saving it (never before), and follows
    /// the address hash.
    pub fn provide(library: RwSignal<Library>) -> Assessment {
        let (restored, restore_error) = restore_draft();
        // When the stored draft could not be read nor set aside, do not save
        // over it.
        let may_save = !restore_error
            .as_deref()
            .is_some_and(|m| m.contains("chưa được lưu"));
        let draft = RwSignal::new(restored);
        let set = Memo::new(move |_| {
            let key = draft.with(|d| d.set_key.clone());
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
        let state = Assessment {
            draft,
            set,
            report,
            outstanding,
            route: RwSignal::new(Route::parse(&page::hash())),
            today: StoredValue::new(page::today_iso()),
            storage_error: RwSignal::new(restore_error),
        };

        Effect::new(move |previous: Option<()>| {
            draft.track();
            if previous.is_some() && may_save {
                match draft.with_untracked(|d| storage::save(storage::DRAFT_KEY, d)) {
                    Ok(()) => state.storage_error.set(None),
                    Err(e) => state.storage_error.set(Some(e.to_string())),
                }
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

    /// The response of one item, as its own reactive slice.
    pub fn response(self, code: &str) -> Memo<Response> {
        let code = code.to_string();
        let draft = self.draft;
        Memo::new(move |_| draft.with(|d| d.response(&code)))
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

pub fn use_assessment() -> Assessment {
    expect_context::<Assessment>()
}

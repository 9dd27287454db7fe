//! The reviewer's desk (thẩm định): import agencies' submission files, see
//! each one checked and recomputed, and keep the work across reloads.

pub mod desk_page;
pub mod entry_page;
pub mod ranking_page;

use leptos::prelude::*;

use crate::browser::storage;
use crate::domain::appraisal::desk::Desk;
use crate::domain::appraisal::desk_storage::{REVIEW_ENTRY_PREFIX, REVIEW_SET_PREFIX};
use crate::ui::lazy::ChunkError;
use crate::ui::route::Route;
use desk_page::DeskPage;
use entry_page::EntryPage;
use ranking_page::RankingPage;

#[derive(Clone, Copy)]
pub struct ReviewState {
    pub desk: RwSignal<Desk>,
    /// Why the desk could not be saved or fully restored, if so.
    pub storage_message: RwSignal<Option<String>>,
}

/// Every stored (key, text) of the desk.
fn stored_pairs() -> Result<Vec<(String, String)>, storage::StoreError> {
    let mut keys = storage::keys_with_prefix(REVIEW_SET_PREFIX)?;
    keys.extend(storage::keys_with_prefix(REVIEW_ENTRY_PREFIX)?);
    Ok(keys
        .into_iter()
        .filter_map(|k| storage::load_raw(&k).map(|t| (k, t)))
        .collect())
}

/// Reads the desk back. An entry that cannot be read is left in storage
/// and reported.
fn restore() -> (Desk, Option<String>) {
    let (desk, unreadable) = Desk::restore(&stored_pairs().unwrap_or_default());
    let message = (unreadable > 0).then(|| {
        tf!("{unreadable} hồ sơ đã lưu không đọc được; dữ liệu vẫn được giữ trong trình duyệt. Hãy nhập lại tệp của các cơ quan đó.", "{unreadable} saved submissions could not be read; the data is kept in the browser. Import those agencies' files again.")
    });
    (desk, message)
}

/// Writes what changed since `before` (a set is written once: its key is its
/// digest), and removes what left the desk.
pub(crate) fn persist(desk: &Desk, before: Option<&Desk>) -> Result<(), storage::StoreError> {
    let (writes, keep) = desk.stored_since(before);
    let mut existing = storage::keys_with_prefix(REVIEW_SET_PREFIX)?;
    existing.extend(storage::keys_with_prefix(REVIEW_ENTRY_PREFIX)?);
    for (key, text) in &writes {
        if key.starts_with(REVIEW_SET_PREFIX) && existing.contains(key) {
            continue;
        }
        storage::save_raw(key, text)?;
    }
    for k in &existing {
        if !keep.contains(k) {
            storage::remove(k)?;
        }
    }
    Ok(())
}

impl ReviewState {
    /// Restores the desk, then saves it after every change.
    pub fn provide() -> ReviewState {
        let (desk, message) = restore();
        let state = ReviewState {
            desk: RwSignal::new(desk),
            storage_message: RwSignal::new(message),
        };
        // each change is compared with the desk before it, so only the
        // entries that changed are written
        Effect::new(move |previous: Option<Desk>| {
            let desk = state.desk.get();
            if let Some(before) = &previous {
                if let Err(e) = persist(&desk, Some(before)) {
                    state.storage_message.set(Some(tf!("{e} Công việc thẩm định vẫn còn trong trang; nếu tải lại trang, hãy nhập lại các tệp của cơ quan.", "{e} The appraisal work is still in this page; if you reload it, import the agencies' files again."
                    )));
                }
            }
            desk
        });
        provide_context(state);
        state
    }
}

split_page!(
    tham_dinh,
    /// The desk, one entry and the ranking: one chunk. The desk is restored
    /// (and its saving effect started) the first time any of them opens, under
    /// the app's owner so it outlives the page.
    pub fn desk_pages(route: Route, app: Owner) -> Result<AnyView, ChunkError> {
        if use_context::<ReviewState>().is_none() {
            app.with(ReviewState::provide);
        }
        Ok(match route {
            Route::DeskEntry(key) => view! { <EntryPage key/> }.into_any(),
            Route::Ranking => view! { <RankingPage/> }.into_any(),
            _ => view! { <DeskPage/> }.into_any(),
        })
    }
);

pub fn use_review() -> ReviewState {
    expect_context::<ReviewState>()
}

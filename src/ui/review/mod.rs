//! The reviewer's desk (thẩm định): import agencies' submission files, see
//! each one checked and recomputed, and keep the work across reloads.

pub mod desk_page;
pub mod entry_page;
pub mod ranking_page;

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::browser::storage;
use crate::domain::loader::typed_from_str;
use crate::domain::review::{Desk, DeskEntry, StoredDeskEntry};
use crate::domain::submission::set_digest;
use crate::domain::CriteriaSet;

#[derive(Clone, Copy)]
pub struct ReviewState {
    pub desk: RwSignal<Desk>,
    /// Why the desk could not be saved or fully restored, if so.
    pub storage_message: RwSignal<Option<String>>,
}

/// Reads the desk back: every entry with the sets it refers to. An entry
/// that cannot be read is left in storage and reported.
fn restore() -> (Desk, Option<String>) {
    let mut desk = Desk::default();
    let Ok(set_keys) = storage::keys_with_prefix(storage::REVIEW_SET_PREFIX) else {
        return (desk, None);
    };
    let sets: BTreeMap<String, CriteriaSet> = set_keys
        .iter()
        .filter_map(|k| {
            let set: CriteriaSet = typed_from_str(&storage::load_raw(k)?).ok()?;
            Some((set_digest(&set), set))
        })
        .collect();
    let mut unreadable = 0;
    for key in storage::keys_with_prefix(storage::REVIEW_ENTRY_PREFIX).unwrap_or_default() {
        let entry = storage::load_raw(&key)
            .and_then(|t| typed_from_str::<StoredDeskEntry>(&t).ok())
            .and_then(|s| DeskEntry::from_stored(&s, &sets).ok());
        match entry {
            Some(e) => {
                desk.entries.insert(e.key().to_string(), e);
            }
            None => unreadable += 1,
        }
    }
    let message = (unreadable > 0).then(|| {
        format!("{unreadable} hồ sơ đã lưu không đọc được; dữ liệu vẫn được giữ trong trình duyệt. Hãy nhập lại tệp của các cơ quan đó.")
    });
    (desk, message)
}

/// Writes every entry and the sets they need; removes what left the desk.
fn persist(desk: &Desk) -> Result<(), storage::StoreError> {
    let mut keep_sets = Vec::new();
    let mut keep_entries = Vec::new();
    for e in desk.entries.values() {
        let (stored, sets) = e.to_stored();
        for set in sets {
            let key = format!("{}{}", storage::REVIEW_SET_PREFIX, set_digest(&set));
            if storage::load_raw(&key).is_none() {
                storage::save_raw(&key, &serde_json::to_string(&set).unwrap_or_default())?;
            }
            keep_sets.push(key);
        }
        let key = format!("{}{}", storage::REVIEW_ENTRY_PREFIX, e.key());
        let text = serde_json::to_string(&stored).unwrap_or_default();
        if storage::load_raw(&key).as_deref() != Some(text.as_str()) {
            storage::save_raw(&key, &text)?;
        }
        keep_entries.push(key);
    }
    for k in storage::keys_with_prefix(storage::REVIEW_ENTRY_PREFIX)? {
        if !keep_entries.contains(&k) {
            storage::remove(&k)?;
        }
    }
    for k in storage::keys_with_prefix(storage::REVIEW_SET_PREFIX)? {
        if !keep_sets.contains(&k) {
            storage::remove(&k)?;
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
        Effect::new(move |previous: Option<()>| {
            state.desk.track();
            if previous.is_some() {
                if let Err(e) = state.desk.with_untracked(persist) {
                    state.storage_message.set(Some(format!(
                        "{e} Công việc thẩm định vẫn còn trong trang; nếu tải lại trang, hãy nhập lại các tệp của cơ quan."
                    )));
                }
            }
        });
        provide_context(state);
        state
    }
}

pub fn use_review() -> ReviewState {
    expect_context::<ReviewState>()
}

//! Keeping drafts safe: every draft in its own localStorage entry, the open
//! one saved ≤ 300 ms after each change and at once when the page is hidden
//! or closed; older formats migrated; unreadable entries kept verbatim; a
//! save from another tab noticed (revision numbers and the storage event)
//! and never silently overwritten; every failure said plainly.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::browser::{files, page, storage};
use crate::domain::assessment::stored::{
    draft_key, read_stored_quickly, DRAFT_KEY_PREFIX, LEGACY_DRAFT_KEY,
};
use crate::domain::base::text::file_slug;
use crate::domain::Draft;

/// Debounce of the autosave, in milliseconds (the issue allows ≤ 300).
pub const SAVE_DELAY_MS: u64 = 250;

/// One entry found in storage.
#[derive(Clone, Debug, PartialEq)]
pub enum StoredEntry {
    Readable {
        draft: Draft,
        chars: usize,
    },
    /// Kept verbatim; offered for download, never discarded silently.
    Unreadable {
        key: String,
        raw: String,
        reason: String,
    },
}

/// What the save indicator says.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing typed yet in a new draft.
    Idle,
    Pending,
    Saved {
        at: String,
    },
    Failed {
        message: String,
    },
    /// Storage is blocked: working in memory only.
    Unavailable,
    /// Another tab saved this draft; saving waits for the user's choice.
    Conflict,
}

/// Scans storage: every draft, migrating older formats in place. A legacy
/// entry is removed only after its migrated copy is written.
pub fn scan() -> Result<Vec<StoredEntry>, storage::StoreError> {
    let mut out = Vec::new();
    for key in storage::keys_with_prefix(DRAFT_KEY_PREFIX)? {
        let Some(raw) = storage::load_raw(&key) else {
            continue;
        };
        let suffix = key.trim_start_matches(DRAFT_KEY_PREFIX);
        let fallback = if key == LEGACY_DRAFT_KEY {
            page::new_id()
        } else {
            suffix.to_string()
        };
        match read_stored_quickly(&raw, &fallback) {
            Ok(read) => {
                let draft = read.draft;
                let target = draft_key(&draft.id);
                let mut chars = raw.encode_utf16().count();
                if target != key || read.from_version < crate::domain::DRAFT_FORMAT_VERSION {
                    if let Ok(text) = serde_json::to_string(&draft) {
                        if storage::save_raw(&target, &text).is_ok() {
                            chars = text.encode_utf16().count();
                            if target != key {
                                let _ = storage::remove(&key);
                            }
                        }
                    }
                }
                out.push(StoredEntry::Readable { draft, chars });
            }
            Err(e) => out.push(StoredEntry::Unreadable {
                key,
                raw,
                reason: e.reason,
            }),
        }
    }
    out.sort_by(|a, b| match (a, b) {
        (StoredEntry::Readable { draft: x, .. }, StoredEntry::Readable { draft: y, .. }) => {
            y.modified.cmp(&x.modified)
        }
        (StoredEntry::Unreadable { .. }, StoredEntry::Readable { .. }) => std::cmp::Ordering::Less,
        (StoredEntry::Readable { .. }, StoredEntry::Unreadable { .. }) => {
            std::cmp::Ordering::Greater
        }
        _ => std::cmp::Ordering::Equal,
    });
    Ok(out)
}

/// The drafts and the open one's save state.
#[derive(Clone, Copy)]
pub struct DraftStore {
    pub draft: RwSignal<Draft>,
    pub entries: RwSignal<Vec<StoredEntry>>,
    pub status: RwSignal<SaveStatus>,
    /// What storage holds for the open draft (or the new draft as created).
    baseline: StoredValue<Draft>,
    /// The revision in storage when we last read or wrote it; None while the
    /// open draft has never been stored.
    stored_revision: StoredValue<Option<u64>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// The last deleted draft, for "Hoàn tác": (key, text, name).
    pub deleted: RwSignal<Option<(String, String, String)>>,
    /// While a set being authored is tried as an agency would ("Xem như cơ
    /// quan"), the open draft is a scratch one that is never stored; this
    /// holds the draft to go back to.
    pub trial: RwSignal<Option<Draft>>,
}

impl DraftStore {
    /// Restores: scans storage, opens the last open draft (or the newest, or
    /// a new one). Saving starts only after this.
    pub fn restore() -> DraftStore {
        let (entries, status) = match scan() {
            Ok(e) => (e, SaveStatus::Idle),
            Err(storage::StoreError::Unavailable) => (Vec::new(), SaveStatus::Unavailable),
            Err(e) => (
                Vec::new(),
                SaveStatus::Failed {
                    message: e.to_string(),
                },
            ),
        };
        let last_open = storage::load_raw(storage::OPEN_DRAFT_KEY);
        let readable = |id: Option<&str>| {
            entries.iter().find_map(|e| match e {
                StoredEntry::Readable { draft, .. } if id.is_none_or(|id| draft.id == id) => {
                    Some(draft.clone())
                }
                _ => None,
            })
        };
        let opened = readable(last_open.as_deref()).or_else(|| readable(None));
        let stored_revision = opened.as_ref().map(|d| d.revision);
        // a restored draft is saved as of its last change
        let status = match (&status, &opened) {
            (SaveStatus::Idle, Some(d)) if d.modified.len() > 11 => SaveStatus::Saved {
                at: d.modified[11..].to_string(),
            },
            _ => status,
        };
        let draft = opened.unwrap_or_else(|| Draft::new(&page::new_id(), &page::now_iso()));
        DraftStore {
            draft: RwSignal::new(draft.clone()),
            entries: RwSignal::new(entries),
            status: RwSignal::new(status),
            baseline: StoredValue::new(draft),
            stored_revision: StoredValue::new(stored_revision),
            timer: StoredValue::new(None),
            deleted: RwSignal::new(None),
            trial: RwSignal::new(None),
        }
    }

    /// Starts saving: after each change (debounced), when the page is hidden
    /// or closed, and watches other tabs. Call once, after restore.
    pub fn start(self) {
        Effect::new(move |_| {
            // while a save waits, a keystroke only moves it later: the save
            // compares with storage when it runs (a 1,000-item draft is not
            // compared on every keystroke)
            let waiting = self.timer.with_value(Option::is_some);
            let changed = self
                .draft
                .with(|d| waiting || self.baseline.with_value(|b| differs(d, b)));
            if !changed || self.trial.with_untracked(Option::is_some) {
                return;
            }
            // (already pending while typing goes on: nothing to redraw)
            if !matches!(
                self.status.get_untracked(),
                SaveStatus::Unavailable | SaveStatus::Conflict | SaveStatus::Pending
            ) {
                self.status.set(SaveStatus::Pending);
            }
            if let Some(t) = self.timer.get_value() {
                t.clear();
            }
            let handle = set_timeout_with_handle(
                move || self.flush(),
                std::time::Duration::from_millis(SAVE_DELAY_MS),
            )
            .ok();
            self.timer.set_value(handle);
        });
        let _ = window_event_listener(leptos::ev::pagehide, move |_| self.flush());
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if page::is_hidden() {
                self.flush();
            }
        });
        let _ = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
            let Some(key) = ev.key().and_then(|k| storage::logical(&k)) else {
                return;
            };
            if !key.starts_with(DRAFT_KEY_PREFIX) {
                return;
            }
            let open_key = self.draft.with_untracked(|d| draft_key(&d.id));
            if key == open_key {
                if let Some(text) = ev.new_value() {
                    let theirs = read_stored_quickly(&text, "")
                        .ok()
                        .map(|r| r.draft.revision);
                    if theirs.is_some() && theirs != self.stored_revision.get_value() {
                        self.status.set(SaveStatus::Conflict);
                    }
                }
            }
            self.rescan();
        });
    }

    /// Saves the open draft now if it changed. Never overwrites a newer save
    /// from another tab.
    pub fn flush(self) {
        if let Some(t) = self.timer.get_value() {
            t.clear();
            self.timer.set_value(None);
        }
        let (changed, content_changed) = self.draft.with_untracked(|d| {
            self.baseline
                .with_value(|b| (differs(d, b), !d.same_content(b)))
        });
        if !changed
            || self.status.get_untracked() == SaveStatus::Conflict
            || self.trial.with_untracked(Option::is_some)
        {
            return;
        }
        page::timed("cchc-autosave", || self.save_open(content_changed));
    }

    /// Writes the open draft (serialise, check for a newer save, store).
    fn save_open(self, content_changed: bool) {
        let mut next = self.draft.get_untracked();
        let key = draft_key(&next.id);
        // someone else saved since we last read or wrote?
        if let Some(text) = storage::load_raw(&key) {
            let theirs = read_stored_quickly(&text, &next.id)
                .ok()
                .map(|r| r.draft.revision);
            if theirs != self.stored_revision.get_value() {
                self.status.set(SaveStatus::Conflict);
                return;
            }
        }
        next.revision += 1;
        if content_changed {
            next.modified = page::now_iso();
        }
        let text = match serde_json::to_string(&next) {
            Ok(t) => t,
            Err(e) => {
                self.status.set(SaveStatus::Failed {
                    message: e.to_string(),
                });
                return;
            }
        };
        match storage::save_raw(&key, &text) {
            Ok(()) => {
                let (revision, modified) = (next.revision, next.modified.clone());
                self.draft.update_untracked(|d| {
                    d.revision = revision;
                    d.modified = modified;
                });
                self.stored_revision.set_value(Some(next.revision));
                let chars = text.encode_utf16().count();
                self.baseline.set_value(next.clone());
                let _ = storage::save_raw(storage::OPEN_DRAFT_KEY, &next.id);
                self.put_entry(next, chars);
                self.status.set(SaveStatus::Saved {
                    at: page::now_iso()[11..].to_string(),
                });
            }
            Err(storage::StoreError::Unavailable) => self.status.set(SaveStatus::Unavailable),
            Err(e) => self.status.set(SaveStatus::Failed {
                message: e.to_string(),
            }),
        }
    }

    fn put_entry(self, draft: Draft, chars: usize) {
        self.entries.update(|list| {
            list.retain(
                |e| !matches!(e, StoredEntry::Readable { draft: d, .. } if d.id == draft.id),
            );
            list.insert(
                list.iter()
                    .position(|e| matches!(e, StoredEntry::Readable { .. }))
                    .unwrap_or(list.len()),
                StoredEntry::Readable { draft, chars },
            );
        });
    }

    /// Re-reads the list from storage (after another tab changed it).
    pub fn rescan(self) {
        if let Ok(list) = scan() {
            self.entries.set(list);
        }
    }

    /// Opens another draft; the current one is saved first (a scratch
    /// draft of a trial is dropped).
    pub fn open(self, draft: Draft) {
        if self.trial.get_untracked().is_some() {
            self.trial.set(None);
        } else {
            self.flush();
        }
        self.stored_revision.set_value(
            storage::load_raw(&draft_key(&draft.id))
                .and_then(|t| read_stored_quickly(&t, &draft.id).ok())
                .map(|r| r.draft.revision),
        );
        self.baseline.set_value(draft.clone());
        let _ = storage::save_raw(storage::OPEN_DRAFT_KEY, &draft.id);
        if self.status.get_untracked() != SaveStatus::Unavailable {
            self.status.set(SaveStatus::Idle);
        }
        self.draft.set(draft);
    }

    /// Opens a scratch draft that is never stored, keeping the open draft
    /// (saved first) to come back to.
    pub fn enter_trial(self, scratch: Draft) {
        if self.trial.get_untracked().is_none() {
            self.flush();
            self.trial.set(Some(self.draft.get_untracked()));
        }
        self.baseline.set_value(scratch.clone());
        self.draft.set(scratch);
    }

    /// Drops the scratch draft and reopens the one left for the trial.
    pub fn leave_trial(self) {
        let Some(back) = self.trial.get_untracked() else {
            return;
        };
        self.trial.set(None);
        self.stored_revision.set_value(
            storage::load_raw(&draft_key(&back.id))
                .and_then(|t| read_stored_quickly(&t, &back.id).ok())
                .map(|r| r.draft.revision),
        );
        self.baseline.set_value(back.clone());
        self.draft.set(back);
    }

    /// Starts a new, empty draft (stored once something is entered).
    pub fn create(self) {
        self.open(Draft::new(&page::new_id(), &page::now_iso()));
    }

    /// Conflict resolution: take the other tab's version (ours is dropped;
    /// the page offers to download it first).
    pub fn take_theirs(self) {
        let id = self.draft.with_untracked(|d| d.id.clone());
        if let Some(d) =
            storage::load_raw(&draft_key(&id)).and_then(|t| read_stored_quickly(&t, &id).ok())
        {
            self.status.set(SaveStatus::Idle);
            self.open_without_flush(d.draft);
        }
    }

    fn open_without_flush(self, draft: Draft) {
        self.stored_revision.set_value(Some(draft.revision));
        self.baseline.set_value(draft.clone());
        self.draft.set(draft);
    }

    /// Conflict resolution: keep this tab's version, replacing the other.
    pub fn keep_ours(self) {
        let id = self.draft.with_untracked(|d| d.id.clone());
        let theirs = storage::load_raw(&draft_key(&id))
            .and_then(|t| read_stored_quickly(&t, &id).ok())
            .map(|r| r.draft.revision);
        self.stored_revision.set_value(theirs);
        self.draft
            .update_untracked(|d| d.revision = theirs.unwrap_or(0));
        self.status.set(SaveStatus::Pending);
        // force a save even if nothing changed since the last one
        self.baseline.update_value(|b| b.revision = u64::MAX);
        self.flush();
    }

    /// Writes a draft that is not open (rename, duplicate, import).
    pub fn write(self, mut draft: Draft) -> Result<(), String> {
        if self.draft.with_untracked(|d| d.id == draft.id) {
            let name = draft.name.clone();
            self.draft.update(|d| d.name = name);
            return Ok(());
        }
        draft.revision += 1;
        let text = serde_json::to_string(&draft).map_err(|e| e.to_string())?;
        storage::save_raw(&draft_key(&draft.id), &text).map_err(|e| e.to_string())?;
        self.put_entry(draft, text.encode_utf16().count());
        Ok(())
    }

    /// Deletes a stored entry (after the page asked). Kept for undo.
    pub fn delete(self, key: &str, name: &str) -> Result<(), String> {
        let raw = storage::load_raw(key).unwrap_or_default();
        storage::remove(key).map_err(|e| e.to_string())?;
        self.deleted
            .set(Some((key.to_string(), raw, name.to_string())));
        self.rescan();
        let open_key = self.draft.with_untracked(|d| draft_key(&d.id));
        if open_key == key {
            // the deleted one must not come back through the autosave
            let next = self.entries.with_untracked(|l| {
                l.iter().find_map(|e| match e {
                    StoredEntry::Readable { draft, .. } => Some(draft.clone()),
                    _ => None,
                })
            });
            self.status.set(SaveStatus::Idle);
            match next {
                Some(d) => self.open_without_flush(d),
                None => {
                    let d = Draft::new(&page::new_id(), &page::now_iso());
                    self.stored_revision.set_value(None);
                    self.baseline.set_value(d.clone());
                    self.draft.set(d);
                }
            }
        }
        Ok(())
    }

    pub fn undo_delete(self) -> Result<(), String> {
        let Some((key, raw, _)) = self.deleted.get_untracked() else {
            return Ok(());
        };
        storage::save_raw(&key, &raw).map_err(|e| e.to_string())?;
        self.deleted.set(None);
        self.rescan();
        Ok(())
    }

    /// Offers the open draft, or any draft, as a JSON file.
    pub fn download(self, draft: &Draft) -> Result<(), String> {
        // compact, like storage: one serializer for drafts in the wasm
        let text = serde_json::to_string(draft).map_err(|e| e.to_string())?;
        let name = format!(
            "ban-tu-danh-gia-{}-{}.json",
            file_slug(&draft.display_name(), "ban-nhap"),
            page::today_iso()
        );
        files::download(&name, "application/json", &text)?;
        let now = page::now_iso();
        if self.draft.with_untracked(|d| d.id == draft.id) {
            self.draft.update(|d| d.last_exported = Some(now));
        } else {
            let mut copy = draft.clone();
            copy.last_exported = Some(now);
            let _ = self.write(copy);
        }
        Ok(())
    }
}

/// Whether the draft differs from what storage holds (times aside).
fn differs(d: &Draft, stored: &Draft) -> bool {
    !d.same_content(stored)
        || d.last_exported != stored.last_exported
        || d.revision != stored.revision
}

/// Where each draft was left, by id (best effort; losing it loses nothing).
pub fn positions() -> BTreeMap<String, String> {
    storage::load_raw(storage::POSITIONS_KEY)
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

pub fn remember_position(id: &str, hash: &str) {
    let mut all = positions();
    if all.get(id).map(String::as_str) != Some(hash) {
        all.insert(id.to_string(), hash.to_string());
        if let Ok(text) = serde_json::to_string(&all) {
            let _ = storage::save_raw(storage::POSITIONS_KEY, &text);
        }
    }
}

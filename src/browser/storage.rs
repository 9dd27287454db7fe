//! localStorage through gloo-storage, with every failure turned into a
//! Vietnamese message instead of a panic. gloo's `LocalStorage` throws when
//! storage is unavailable, so availability is checked first.

use gloo_storage::{errors::StorageError, LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

use crate::domain::base::i18n::Lang;

/// Keys used by the app. Each carries its format version.
pub const LOADED_SETS_KEY: &str = "cchc.criteria-sets.v1";
/// Which draft was open last (drafts themselves are `cchc.draft.<id>`).
pub const OPEN_DRAFT_KEY: &str = "cchc.open-draft.v1";
/// Where each draft was left: {draft id: "#/linh-vuc/2/2.1.3"}.
pub const POSITIONS_KEY: &str = "cchc.positions.v1";
// (drafts' and the reviewer's desk's keys are named in the domain: drafts.rs,
// review.rs)
/// Large text for projectors: "1" when on.
pub const LARGE_TEXT_KEY: &str = "cchc.large-text";
/// The guided tour's step while it is open.
pub const TOUR_KEY: &str = "cchc.tour.v1";
/// The interface language, "vi" or "en". Not a `cchc.` key: one choice
/// serves real work and the demo space alike.
pub const LANG_KEY: &str = "cchc-lang";

/// The language the user chose; Vietnamese when none (or storage is blocked).
pub fn load_lang() -> Lang {
    storage()
        .ok()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .map(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Remembers the language (the caller reloads the page to apply it).
pub fn save_lang(lang: Lang) -> Result<(), StoreError> {
    storage()?
        .set_item(LANG_KEY, lang.code())
        .map_err(|_| StoreError::Full)
}

/// Which space the app works in. "demo" keeps the trainer's sample data
/// apart: every key above is then stored as `cchc-demo.…` instead of
/// `cchc.…`, so samples never mix with real drafts or a real desk.
/// Read once per page load; switching space reloads the page.
pub const SPACE_KEY: &str = "cchc.space";
const REAL_PREFIX: &str = "cchc.";
const DEMO_PREFIX: &str = "cchc-demo.";

thread_local! {
    static DEMO: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Whether this page works on the demo space.
pub fn in_demo() -> bool {
    DEMO.with(|c| {
        *c.get().get_or_insert_with(|| {
            storage()
                .ok()
                .and_then(|s| s.get_item(SPACE_KEY).ok().flatten())
                .as_deref()
                == Some("demo")
        })
    })
}

/// Chooses the space for the rest of this page's life (the caller reloads).
pub fn set_space(demo: bool) -> Result<(), StoreError> {
    DEMO.with(|c| c.set(Some(demo)));
    let s = storage()?;
    if demo {
        s.set_item(SPACE_KEY, "demo").map_err(|_| StoreError::Full)
    } else {
        s.remove_item(SPACE_KEY).map_err(|_| {
            StoreError::Other(t!("không đổi được chế độ", "could not switch mode").into())
        })
    }
}

/// The key as stored, in the current space.
pub fn physical(key: &str) -> String {
    match key.strip_prefix(REAL_PREFIX) {
        Some(rest) if in_demo() => format!("{DEMO_PREFIX}{rest}"),
        _ => key.to_string(),
    }
}

/// The app's name for a stored key, when it belongs to the current space
/// (for storage events from other tabs).
pub fn logical(stored: &str) -> Option<String> {
    if stored == SPACE_KEY {
        return None;
    }
    if in_demo() {
        stored
            .strip_prefix(DEMO_PREFIX)
            .map(|rest| format!("{REAL_PREFIX}{rest}"))
    } else {
        stored.starts_with(REAL_PREFIX).then(|| stored.to_string())
    }
}

/// Removes everything stored in the demo space.
pub fn clear_demo() -> Result<(), StoreError> {
    let s = storage()?;
    let n = s.length().map_err(|_| StoreError::Unavailable)?;
    let keys: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(DEMO_PREFIX))
        .collect();
    for k in keys {
        let _ = s.remove_item(&k);
    }
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Blocked, sandboxed, or a private mode without storage.
    Unavailable,
    /// QuotaExceededError.
    Full,
    /// The stored text is not what this version expects.
    Unreadable(String),
    Other(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable => f.write_str(
                t!("Trình duyệt không cho phép lưu dữ liệu (bộ nhớ cục bộ bị chặn hoặc đang ở chế độ riêng tư). Dữ liệu chỉ còn trong trang này: đừng đóng trang trước khi xuất tệp.", "The browser does not allow saving data (local storage is blocked or in private mode). Your data lives only in this page: do not close it before exporting a file."),
            ),
            StoreError::Full => f.write_str(
                t!("Bộ nhớ của trình duyệt đã đầy nên chưa lưu được. Dữ liệu vẫn còn trong trang; hãy xuất tệp hoặc xóa bớt dữ liệu cũ.", "The browser's storage is full, so nothing was saved. Your data is still in the page; export a file or delete old data."),
            ),
            StoreError::Unreadable(e) => f.write_str(&tf!(
                "Dữ liệu đã lưu không đọc được ({e}).",
                "Saved data could not be read ({e})."
            )),
            StoreError::Other(e) => f.write_str(&tf!(
                "Không lưu được dữ liệu: {e}",
                "Could not save data: {e}"
            )),
        }
    }
}

pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

fn map_err(e: StorageError) -> StoreError {
    match e {
        StorageError::KeyNotFound(_) => StoreError::Other(t!("không có dữ liệu", "no data").into()),
        StorageError::SerdeError(e) => StoreError::Unreadable(e.to_string()),
        StorageError::JsError(js) if js.name == "QuotaExceededError" => StoreError::Full,
        StorageError::JsError(js) => StoreError::Other(format!("{}: {}", js.name, js.message)),
    }
}

/// Reads a value; Ok(None) when nothing is stored under the key.
pub fn load<T: DeserializeOwned>(key: &str) -> Result<Option<T>, StoreError> {
    if !available() {
        return Err(StoreError::Unavailable);
    }
    match LocalStorage::get::<T>(physical(key)) {
        Ok(v) => Ok(Some(v)),
        Err(StorageError::KeyNotFound(_)) => Ok(None),
        Err(e) => Err(map_err(e)),
    }
}

pub fn save<T: Serialize>(key: &str, value: &T) -> Result<(), StoreError> {
    if !available() {
        return Err(StoreError::Unavailable);
    }
    LocalStorage::set(physical(key), value).map_err(map_err)
}

/// The raw text under a key, to keep or offer for download when it cannot
/// be decoded.
pub fn load_raw(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(&physical(key))
        .ok()?
}

/// Writes raw text under a key (used to keep unreadable data aside).
pub fn save_raw(key: &str, text: &str) -> Result<(), StoreError> {
    if !available() {
        return Err(StoreError::Unavailable);
    }
    LocalStorage::raw()
        .set_item(&physical(key), text)
        .map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "QuotaExceededError" {
                StoreError::Full
            } else {
                StoreError::Other(name)
            }
        })
}

fn storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StoreError::Unavailable)
}

/// Every key of the current space starting with `prefix`, in storage order.
pub fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, StoreError> {
    let s = storage()?;
    let n = s.length().map_err(|_| StoreError::Unavailable)?;
    Ok((0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| logical(&k))
        .filter(|k| k.starts_with(prefix))
        .collect())
}

pub fn remove(key: &str) -> Result<(), StoreError> {
    storage()?
        .remove_item(&physical(key))
        .map_err(|_| StoreError::Other(t!("không xóa được", "could not delete").into()))
}

/// Characters stored in all (keys and values), as browsers count quota.
pub fn used_chars() -> usize {
    let Ok(s) = storage() else { return 0 };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .map(|k| {
            let v = s.get_item(&k).ok().flatten().unwrap_or_default();
            k.encode_utf16().count() + v.encode_utf16().count()
        })
        .sum()
}

//! localStorage through gloo-storage, with every failure turned into a
//! Vietnamese message instead of a panic. gloo's `LocalStorage` throws when
//! storage is unavailable, so availability is checked first.

use gloo_storage::{errors::StorageError, LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

/// Keys used by the app. Each carries its format version.
pub const LOADED_SETS_KEY: &str = "cchc.criteria-sets.v1";
/// Which draft was open last (drafts themselves are `cchc.draft.<id>`).
pub const OPEN_DRAFT_KEY: &str = "cchc.open-draft.v1";
/// Where each draft was left: {draft id: "#/linh-vuc/2/2.1.3"}.
pub const POSITIONS_KEY: &str = "cchc.positions.v1";
/// The reviewer's desk: one entry per agency, and each set once by digest.
pub const REVIEW_ENTRY_PREFIX: &str = "cchc.review.entry.";
pub const REVIEW_SET_PREFIX: &str = "cchc.review.set.";

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
                "Trình duyệt không cho phép lưu dữ liệu (bộ nhớ cục bộ bị chặn hoặc đang ở chế độ riêng tư). Dữ liệu chỉ còn trong trang này: đừng đóng trang trước khi xuất tệp.",
            ),
            StoreError::Full => f.write_str(
                "Bộ nhớ của trình duyệt đã đầy nên chưa lưu được. Dữ liệu vẫn còn trong trang; hãy xuất tệp hoặc xóa bớt dữ liệu cũ.",
            ),
            StoreError::Unreadable(e) => write!(f, "Dữ liệu đã lưu không đọc được ({e})."),
            StoreError::Other(e) => write!(f, "Không lưu được dữ liệu: {e}"),
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
        StorageError::KeyNotFound(_) => StoreError::Other("không có dữ liệu".into()),
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
    match LocalStorage::get::<T>(key) {
        Ok(v) => Ok(Some(v)),
        Err(StorageError::KeyNotFound(_)) => Ok(None),
        Err(e) => Err(map_err(e)),
    }
}

pub fn save<T: Serialize>(key: &str, value: &T) -> Result<(), StoreError> {
    if !available() {
        return Err(StoreError::Unavailable);
    }
    LocalStorage::set(key, value).map_err(map_err)
}

/// The raw text under a key, to keep or offer for download when it cannot
/// be decoded.
pub fn load_raw(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()?
}

/// Writes raw text under a key (used to keep unreadable data aside).
pub fn save_raw(key: &str, text: &str) -> Result<(), StoreError> {
    if !available() {
        return Err(StoreError::Unavailable);
    }
    LocalStorage::raw().set_item(key, text).map_err(|e| {
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

/// Every key starting with `prefix`, in storage order.
pub fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, StoreError> {
    let s = storage()?;
    let n = s.length().map_err(|_| StoreError::Unavailable)?;
    Ok((0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect())
}

pub fn remove(key: &str) -> Result<(), StoreError> {
    storage()?
        .remove_item(key)
        .map_err(|_| StoreError::Other("không xóa được".into()))
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

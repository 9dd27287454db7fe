//! IndexedDB, for what outgrows localStorage's ~5 MB: the reviewer's desk (a
//! province's ~190 submissions of ~70 KB each). One database, one object
//! store of text values under text keys, read whole and written in batches
//! that either all land or all fail (one transaction). Keys carry the
//! storage space (real work or the trainer's demo) like localStorage's.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::browser::storage;

const DB_NAME: &str = "cchc";
const DB_VERSION: u32 = 1;
const STORE: &str = "kv";

/// The open database.
#[derive(Clone)]
pub struct Db(IdbDatabase);

fn message(e: JsValue) -> String {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => t!(
            "Bộ nhớ của trình duyệt đã đầy",
            "The browser's storage is full"
        )
        .into(),
        "InvalidStateError" | "SecurityError" | "UnknownError" => t!(
            "Trình duyệt không cho lưu dữ liệu (chế độ riêng tư hoặc bị chặn)",
            "The browser does not allow saving data (private mode or blocked)"
        )
        .into(),
        _ => tf!(
            "Không lưu được vào cơ sở dữ liệu của trình duyệt ({})",
            "Could not write to the browser's database ({})",
            if name.is_empty() {
                e.as_string().unwrap_or_default()
            } else {
                name
            }
        ),
    }
}

/// Resolves with the request's result, or rejects with its error.
fn request(req: &IdbRequest) -> JsFuture {
    let req = req.clone();
    JsFuture::from(Promise::new(&mut |resolve: Function, reject: Function| {
        let r = req.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req.clone();
        let fail = Closure::once_into_js(move || {
            let e = r
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(fail.unchecked_ref()));
    }))
}

/// Resolves when the transaction has committed; rejects when it fails or
/// aborts (nothing of it is then written).
fn committed(tx: &IdbTransaction) -> JsFuture {
    let tx = tx.clone();
    JsFuture::from(Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        // an error is followed by an abort; either one rejects (once)
        let t = tx.clone();
        let fail = Closure::<dyn Fn()>::new(move || {
            let e = t.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &e);
        })
        .into_js_value();
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onerror(Some(fail.unchecked_ref()));
        tx.set_onabort(Some(fail.unchecked_ref()));
    }))
}

/// Opens (creating on first use) the app's database.
pub async fn open() -> Result<Db, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| {
            t!(
                "Trình duyệt này không có IndexedDB (hoặc đang chặn lưu dữ liệu)",
                "This browser has no IndexedDB (or blocks saving data)"
            )
            .to_string()
        })?;
    let req = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(message)?;
    let upgrade_req = req.clone();
    let upgrade = Closure::<dyn FnMut()>::new(move || {
        if let Ok(db) = upgrade_req.result() {
            let db: IdbDatabase = db.unchecked_into();
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = request(&req).await.map_err(message)?;
    drop(upgrade);
    Ok(Db(db.unchecked_into()))
}

impl Db {
    /// Every (key, text) whose key starts with `prefix` in this page's space
    /// (keys are returned as the app names them).
    pub async fn all(&self, prefix: &str) -> Result<Vec<(String, String)>, String> {
        let tx = self.0.transaction_with_str(STORE).map_err(message)?;
        let store = tx.object_store(STORE).map_err(message)?;
        let keys = request(&store.get_all_keys().map_err(message)?)
            .await
            .map_err(message)?;
        let values = request(&store.get_all().map_err(message)?)
            .await
            .map_err(message)?;
        let (keys, values) = (Array::from(&keys), Array::from(&values));
        let physical = storage::physical(prefix);
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(k, v)| {
                let k = k.as_string()?;
                if !k.starts_with(&physical) {
                    return None;
                }
                Some((storage::logical(&k)?, v.as_string()?))
            })
            .collect())
    }

    /// The texts stored under `keys` (those present), in one transaction.
    pub async fn get(&self, keys: &[String]) -> Result<Vec<(String, String)>, String> {
        let tx = self.0.transaction_with_str(STORE).map_err(message)?;
        let store = tx.object_store(STORE).map_err(message)?;
        let mut pending = Vec::new();
        for k in keys {
            let req = store
                .get(&JsValue::from_str(&storage::physical(k)))
                .map_err(message)?;
            pending.push((k.clone(), request(&req)));
        }
        let mut out = Vec::new();
        for (k, f) in pending {
            if let Some(text) = f.await.map_err(message)?.as_string() {
                out.push((k, text));
            }
        }
        Ok(out)
    }

    /// Writes `puts` and removes `removes` in one transaction: all of it
    /// lands, or none of it and the error says why.
    pub async fn write(&self, puts: &[(String, String)], removes: &[String]) -> Result<(), String> {
        let tx = self
            .0
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .map_err(message)?;
        let done = committed(&tx);
        let store = tx.object_store(STORE).map_err(message)?;
        let attempt = (|| {
            for (k, v) in puts {
                store.put_with_key(
                    &JsValue::from_str(v),
                    &JsValue::from_str(&storage::physical(k)),
                )?;
            }
            for k in removes {
                store.delete(&JsValue::from_str(&storage::physical(k)))?;
            }
            Ok::<(), JsValue>(())
        })();
        if let Err(e) = attempt {
            let _ = tx.abort();
            let _ = done.await;
            return Err(message(e));
        }
        done.await.map(|_| ()).map_err(message)
    }
}

/// Asks the browser to keep the app's data even when space runs low
/// (`navigator.storage.persist()`); whether it agreed, when it can say.
pub async fn ask_persistent() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let granted = JsFuture::from(manager.persist().ok()?).await.ok()?;
    granted.as_bool()
}

/// Space used and available to this site, in bytes
/// (`navigator.storage.estimate()`), when the browser says.
pub async fn estimate() -> Option<(f64, f64)> {
    let manager = web_sys::window()?.navigator().storage();
    let e = JsFuture::from(manager.estimate().ok()?).await.ok()?;
    let e: web_sys::StorageEstimate = e.unchecked_into();
    Some((e.get_usage()?, e.get_quota()?))
}

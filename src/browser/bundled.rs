//! Fetches the criteria sets shipped with the app (public/criteria) from the
//! app's own origin.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub const INDEX_URL: &str = "criteria/index.json";

pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or(t!("Không có cửa sổ trình duyệt", "No browser window"))?;
    let fail = |_| tf!("Không tải được «{url}»", "Could not load «{url}»");
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(fail)?
        .dyn_into()
        .map_err(fail)?;
    if !resp.ok() {
        return Err(tf!(
            "Không tải được «{url}» (mã {})",
            "Could not load «{url}» (status {})",
            resp.status()
        ));
    }
    let text = JsFuture::from(resp.text().map_err(fail)?)
        .await
        .map_err(fail)?;
    text.as_string()
        .ok_or_else(|| tf!("«{url}» không phải văn bản", "«{url}» is not text"))
}

/// Every bundled set as (file name, text), in the order of the index.
pub async fn fetch_all() -> Result<Vec<(String, String)>, String> {
    let index = fetch_text(INDEX_URL).await?;
    let files: Vec<String> = serde_json::from_str(&index).map_err(|e| {
        tf!(
            "Danh mục bộ tiêu chí có sẵn bị lỗi: {e}",
            "The list of bundled criteria sets is broken: {e}"
        )
    })?;
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let text = fetch_text(&format!("criteria/{f}")).await?;
        out.push((f, text));
    }
    Ok(out)
}

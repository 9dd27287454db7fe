//! Fetches the criteria sets shipped with the app (public/criteria) from the
//! app's own origin.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub const INDEX_URL: &str = "criteria/index.json";

pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("Không có cửa sổ trình duyệt")?;
    let fail = |_| format!("Không tải được «{url}»");
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(fail)?
        .dyn_into()
        .map_err(fail)?;
    if !resp.ok() {
        return Err(format!("Không tải được «{url}» (mã {})", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(fail)?)
        .await
        .map_err(fail)?;
    text.as_string()
        .ok_or_else(|| format!("«{url}» không phải văn bản"))
}

/// Every bundled set as (file name, text), in the order of the index.
pub async fn fetch_all() -> Result<Vec<(String, String)>, String> {
    let index = fetch_text(INDEX_URL).await?;
    let files: Vec<String> = serde_json::from_str(&index)
        .map_err(|e| format!("Danh mục bộ tiêu chí có sẵn bị lỗi: {e}"))?;
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let text = fetch_text(&format!("criteria/{f}")).await?;
        out.push((f, text));
    }
    Ok(out)
}

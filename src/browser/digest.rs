//! SHA-256 by the browser's own Web Crypto: native code, many times faster
//! than a WebAssembly implementation on a province's worth of files.

use wasm_bindgen_futures::JsFuture;

/// Starts hashing `bytes`; await the result for lowercase hex, or None
/// where Web Crypto is missing (an insecure context), so the caller hashes
/// itself. Starting every hash before awaiting any lets them run together.
pub fn sha256_hex(bytes: &[u8]) -> Option<JsFuture> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let data = js_sys::Uint8Array::from(bytes);
    let promise = subtle
        .digest_with_str_and_buffer_source("SHA-256", &data)
        .ok()?;
    Some(JsFuture::from(promise))
}

/// The hex of a finished [`sha256_hex`].
pub async fn finish(hash: Option<JsFuture>) -> Option<String> {
    let buffer = hash?.await.ok()?;
    Some(
        js_sys::Uint8Array::new(&buffer)
            .to_vec()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    )
}

//! Reading files the user picks, with the size checked before reading.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A picked file's name and bytes.
pub struct PickedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Reads many files side by side (every read is started before any is
/// awaited), each refused without reading when it exceeds `limit` bytes;
/// in the order given, as (file name, error) when one fails.
pub async fn read_all(
    files: &[web_sys::File],
    limit: usize,
) -> Vec<Result<PickedFile, (String, String)>> {
    let started: Vec<(String, Result<JsFuture, String>)> = files
        .iter()
        .map(|file| {
            let name = file.name();
            let size = file.size();
            let reading = if size > limit as f64 {
                Err(tf!(
                    "Tệp «{name}» quá lớn ({} KB); giới hạn là {} KB",
                    "File «{name}» is too large ({} KB); the limit is {} KB",
                    (size / 1024.0).ceil(),
                    limit / 1024
                ))
            } else {
                Ok(JsFuture::from(file.array_buffer()))
            };
            (name, reading)
        })
        .collect();
    let mut out = Vec::with_capacity(started.len());
    for (name, reading) in started {
        out.push(match reading {
            Err(e) => Err((name, e)),
            Ok(future) => match future.await {
                Ok(buffer) => Ok(PickedFile {
                    bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
                    name,
                }),
                Err(_) => {
                    let e = tf!(
                        "Không đọc được tệp «{name}»",
                        "Could not read file «{name}»"
                    );
                    Err((name, e))
                }
            },
        });
    }
    out
}

/// Reads a file, refusing it without reading when it exceeds `limit` bytes.
pub async fn read(file: &web_sys::File, limit: usize) -> Result<PickedFile, String> {
    match read_all(std::slice::from_ref(file), limit).await.pop() {
        Some(read) => read.map_err(|(_, e)| e),
        None => Err(t!("Không có tệp", "No file").to_string()),
    }
}

/// The files selected in an `<input type=file>`.
fn selected(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The files dropped on an element.
pub fn dropped(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    let Some(list) = ev.data_transfer().and_then(|d| d.files()) else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Offers text for download as a file (UTF-8).
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_bytes(file_name, mime, text.as_bytes())
}

/// Offers bytes for download as a file.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |_| {
        t!(
            "Trình duyệt không cho tải tệp xuống",
            "The browser does not allow downloading files"
        )
        .to_string()
    };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(t!("Không có tài liệu", "No document"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| {
            t!(
                "Không tạo được liên kết tải",
                "Could not create a download link"
            )
            .to_string()
        })?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The files picked in a file input's change event. The input is cleared,
/// so picking the same file again is seen again.
pub fn take_picked(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let picked = selected(&input);
    input.set_value("");
    picked
}

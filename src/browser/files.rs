//! Reading files the user picks, each refused past a size limit.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A picked file's name and bytes (copied into the app, and as the
/// browser read them).
pub struct PickedFile {
    pub name: String,
    pub bytes: Vec<u8>,
    /// The browser's own copy, for work done beside the app (the seal's
    /// hash, which writes over the file's end).
    pub read: js_sys::Uint8Array,
}

/// Reads one file; a file over `limit` bytes is refused once read, before
/// it is copied into the app. The size is not asked first: `File.size` is a
/// synchronous trip to the browser's file system for each file, and cost
/// 300 ms for 200 files at 4× CPU throttling, as much as reading them.
/// The read starts when the future is first polled, so many polled together
/// (see [`read_all`]) are read side by side.
pub async fn read_file(file: &web_sys::File, limit: usize) -> Result<PickedFile, (String, String)> {
    let name = file.name();
    match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => {
            let bytes = js_sys::Uint8Array::new(&buffer);
            let size = bytes.length() as usize;
            if size > limit {
                let e = tf!(
                    "Tệp «{name}» quá lớn ({} KB); giới hạn là {} KB",
                    "File «{name}» is too large ({} KB); the limit is {} KB",
                    size.div_ceil(1024),
                    limit / 1024
                );
                Err((name, e))
            } else {
                Ok(PickedFile {
                    bytes: bytes.to_vec(),
                    read: bytes,
                    name,
                })
            }
        }
        Err(_) => {
            let e = tf!(
                "Không đọc được tệp «{name}» (tệp đã bị xóa, di chuyển, hoặc quá lớn để đọc)",
                "Could not read file «{name}» (it was deleted, moved, or is too large to read)"
            );
            Err((name, e))
        }
    }
}

/// Reads many files side by side, in the order given, each as
/// [`read_file`] does.
pub async fn read_all(
    files: &[web_sys::File],
    limit: usize,
) -> Vec<Result<PickedFile, (String, String)>> {
    futures::future::join_all(files.iter().map(|f| read_file(f, limit))).await
}

/// Reads a file, refusing it when it exceeds `limit` bytes.
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

/// Offers a Word document (.docx) for download.
pub fn download_word(file_name: &str, docx: &[u8]) -> Result<(), String> {
    download_bytes(
        file_name,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        docx,
    )
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

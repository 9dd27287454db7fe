use cchc_tu_danh_gia::domain::base::i18n::pick;
use cchc_tu_danh_gia::ui::app::{apply_language, App};

fn main() {
    // A bug must never leave a blank page: say so in Vietnamese, in the page.
    std::panic::set_hook(Box::new(|info| {
        let doc = web_sys::window().and_then(|w| w.document());
        if let Some(el) = doc
            .as_ref()
            .and_then(|d| d.get_element_by_id("loi-nghiem-trong"))
        {
            el.set_text_content(Some(
                pick("Ứng dụng gặp lỗi ngoài dự kiến và phải dừng. Dữ liệu đã lưu trong trình duyệt vẫn còn; hãy tải lại trang.", "The app hit an unexpected error and had to stop. Data saved in the browser is still there; reload the page."),
            ));
            let _ = el.remove_attribute("hidden");
        }
        web_sys::console::error_1(&info.to_string().into());
    }));
    // The language first: every text below is written in it.
    apply_language();
    leptos::mount::mount_to_body(App);
}

//! Saying where the work stands: "Đã lưu lúc HH:MM:SS", and a banner the
//! user can act on when saving fails, storage is blocked, or another tab
//! saved the same draft.

use leptos::prelude::*;

use crate::ui::assessment::draft_store::SaveStatus;
use crate::ui::assessment::use_assessment;
use crate::ui::route::Route;

/// The small indicator in the header.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let a = use_assessment();
    let text = move || match a.store.status.get() {
        _ if a.store.trial.with(Option::is_some) => (
            "pending",
            t!("Bản thử: không lưu", "Trial: not saved").to_string(),
        ),
        SaveStatus::Idle => ("idle", t!("Chưa có thay đổi", "No changes yet").to_string()),
        SaveStatus::Pending => ("pending", t!("Đang lưu…", "Saving…").to_string()),
        SaveStatus::Saved { at } => ("saved", tf!("Đã lưu lúc {at}", "Saved at {at}")),
        SaveStatus::Failed { .. } => ("failed", t!("Chưa lưu được", "Not saved").to_string()),
        SaveStatus::Unavailable => (
            "failed",
            t!(
                "Không lưu được vào trình duyệt",
                "Could not save to the browser"
            )
            .to_string(),
        ),
        SaveStatus::Conflict => (
            "failed",
            t!(
                "Tạm dừng lưu: có thay đổi ở thẻ khác",
                "Saving paused: changed in another tab"
            )
            .to_string(),
        ),
    };
    view! {
        // the desk says its own (its save status under the page's title)
        <p class=move || format!("save-indicator save-{}", text().0) role="status" id="trang-thai-luu"
            hidden=move || a.route.with(Route::is_desk)>
            {move || text().1}
        </p>
    }
}

/// Banners for the failures, each with what to do.
#[component]
pub fn SaveBanners() -> impl IntoView {
    let a = use_assessment();
    let download = move |_| {
        let d = a.draft.get_untracked();
        let _ = a.store.download(&d);
    };
    let unreadable = move || {
        a.store.entries.with(|l| {
            l.iter()
                .filter(|e| {
                    matches!(
                        e,
                        crate::ui::assessment::draft_store::StoredEntry::Unreadable { .. }
                    )
                })
                .count()
        })
    };
    let recovery = move || {
        let n = unreadable();
        (n > 0 && a.route.get() != crate::ui::route::Route::Drafts).then(|| view! {
            <p class="banner banner-warn" role="status">
                {tf!("Có {n} bản đã lưu không đọc được; dữ liệu vẫn được giữ nguyên. ", "{n} saved drafts could not be read; the data is kept as it is. ")}
                {crate::ui::assessment::sidebar::nav_link(crate::ui::route::Route::Drafts, "", t!("Xem và tải về", "View and download"))}
            </p>
        })
    };
    let status = move || {
        match a.store.status.get() {
        SaveStatus::Unavailable => Some(view! {
            <div class="banner banner-error" role="alert">
                <p><strong>{t!("Trình duyệt không cho lưu dữ liệu", "The browser does not allow saving data")}</strong>{t!(" (bộ nhớ cục bộ bị chặn hoặc đang ở chế độ riêng tư). Bạn vẫn làm tiếp được, nhưng dữ liệu chỉ còn trong trang này: hãy tải bản tự đánh giá về máy trước khi đóng trang.", " (local storage is blocked or in private mode). You can keep working, but the data lives only in this page: download the draft before closing the page.")}</p>
                <button type="button" class="button" on:click=download>{t!("Tải bản tự đánh giá về máy (JSON)", "Download the draft (JSON)")}</button>
            </div>
        }.into_any()),
        SaveStatus::Failed { message } => Some(view! {
            <div class="banner banner-error" role="alert">
                <p><strong>{t!("Chưa lưu được thay đổi mới nhất. ", "The latest change could not be saved. ")}</strong>{message}</p>
                <p>{t!("Mọi thứ vẫn còn trong trang này. Hãy tải bản tự đánh giá về máy, hoặc xóa bớt bản cũ ở mục «Các bản tự đánh giá»; lần thay đổi sau sẽ thử lưu lại.", "Everything is still in this page. Download the draft, or delete old drafts under «Self-assessment drafts»; the next change will try to save again.")}</p>
                <button type="button" class="button" on:click=download>{t!("Tải bản tự đánh giá về máy (JSON)", "Download the draft (JSON)")}</button>
            </div>
        }.into_any()),
        SaveStatus::Conflict => Some(view! {
            <div class="banner banner-warn" role="alert">
                <p><strong>{t!("Bản này vừa được lưu ở một thẻ (hoặc cửa sổ) khác.", "This draft was just saved in another tab (or window).")}</strong>{t!(" Để không ghi đè lên nhau, thẻ này tạm dừng lưu. Chọn một cách:", " So that they do not overwrite each other, this tab has paused saving. Choose one:")}</p>
                <div class="banner-actions">
                    <button type="button" class="button" on:click=move |_| a.store.take_theirs()>{t!("Tải lại bản mới nhất (bỏ thay đổi chưa lưu ở thẻ này)", "Load the latest version (drop this tab's unsaved changes)")}</button>
                    <button type="button" class="secondary" on:click=move |_| a.store.keep_ours()>{t!("Giữ bản ở thẻ này (ghi đè bản kia)", "Keep this tab's version (overwrite the other)")}</button>
                    <button type="button" class="secondary" on:click=download>{t!("Tải bản ở thẻ này về máy", "Download this tab's version")}</button>
                </div>
            </div>
        }.into_any()),
        _ => None,
    }
    };
    let trial = move || {
        a.store.trial.with(Option::is_some).then(|| {
            let back = move |_| {
                a.store.leave_trial();
                if let Some(lib) = use_context::<crate::ui::app::LibraryState>() {
                    lib.library.update(|l| l.remove_trial());
                }
                a.go(crate::ui::route::Route::Studio);
            };
            view! {
                <div class="banner banner-warn trial-banner" role="status">
                    <p><strong>{t!("Đang xem bộ tiêu chí đang soạn như một cơ quan.", "Trying the set being authored as an agency would.")}</strong>{t!(" Đây là bản thử: không được lưu và không ảnh hưởng các bản tự đánh giá khác.", " This is a trial: it is not saved and does not touch other drafts.")}</p>
                    <button type="button" class="button" on:click=back>{t!("← Quay lại soạn bộ tiêu chí", "← Back to the studio")}</button>
                </div>
            }
        })
    };
    view! { {trial} {recovery} {status} }
}

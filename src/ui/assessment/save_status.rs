//! Saying where the work stands: "Đã lưu lúc HH:MM:SS", and a banner the
//! user can act on when saving fails, storage is blocked, or another tab
//! saved the same draft.

use leptos::prelude::*;

use crate::ui::assessment::draft_store::SaveStatus;
use crate::ui::assessment::use_assessment;

/// The small indicator in the header.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let a = use_assessment();
    let text = move || match a.store.status.get() {
        SaveStatus::Idle => ("idle", "Chưa có thay đổi".to_string()),
        SaveStatus::Pending => ("pending", "Đang lưu…".to_string()),
        SaveStatus::Saved { at } => ("saved", format!("Đã lưu lúc {at}")),
        SaveStatus::Failed { .. } => ("failed", "Chưa lưu được".to_string()),
        SaveStatus::Unavailable => ("failed", "Không lưu được vào trình duyệt".to_string()),
        SaveStatus::Conflict => ("failed", "Tạm dừng lưu: có thay đổi ở thẻ khác".to_string()),
    };
    view! {
        <p class=move || format!("save-indicator save-{}", text().0) role="status" id="trang-thai-luu">
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
                {format!("Có {n} bản đã lưu không đọc được; dữ liệu vẫn được giữ nguyên. ")}
                {crate::ui::assessment::sidebar::nav_link(crate::ui::route::Route::Drafts, "", "Xem và tải về")}
            </p>
        })
    };
    let status = move || {
        match a.store.status.get() {
        SaveStatus::Unavailable => Some(view! {
            <div class="banner banner-error" role="alert">
                <p><strong>"Trình duyệt không cho lưu dữ liệu"</strong>" (bộ nhớ cục bộ bị chặn hoặc đang ở chế độ riêng tư). Bạn vẫn làm tiếp được, nhưng dữ liệu chỉ còn trong trang này: hãy tải bản tự đánh giá về máy trước khi đóng trang."</p>
                <button type="button" class="button" on:click=download>"Tải bản tự đánh giá về máy (JSON)"</button>
            </div>
        }.into_any()),
        SaveStatus::Failed { message } => Some(view! {
            <div class="banner banner-error" role="alert">
                <p><strong>"Chưa lưu được thay đổi mới nhất. "</strong>{message}</p>
                <p>"Mọi thứ vẫn còn trong trang này. Hãy tải bản tự đánh giá về máy, hoặc xóa bớt bản cũ ở mục «Các bản tự đánh giá»; lần thay đổi sau sẽ thử lưu lại."</p>
                <button type="button" class="button" on:click=download>"Tải bản tự đánh giá về máy (JSON)"</button>
            </div>
        }.into_any()),
        SaveStatus::Conflict => Some(view! {
            <div class="banner banner-warn" role="alert">
                <p><strong>"Bản này vừa được lưu ở một thẻ (hoặc cửa sổ) khác."</strong>" Để không ghi đè lên nhau, thẻ này tạm dừng lưu. Chọn một cách:"</p>
                <div class="banner-actions">
                    <button type="button" class="button" on:click=move |_| a.store.take_theirs()>"Tải lại bản mới nhất (bỏ thay đổi chưa lưu ở thẻ này)"</button>
                    <button type="button" class="secondary" on:click=move |_| a.store.keep_ours()>"Giữ bản ở thẻ này (ghi đè bản kia)"</button>
                    <button type="button" class="secondary" on:click=download>"Tải bản ở thẻ này về máy"</button>
                </div>
            </div>
        }.into_any()),
        _ => None,
    }
    };
    view! { {recovery} {status} }
}

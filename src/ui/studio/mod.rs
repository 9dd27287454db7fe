//! Soạn bộ tiêu chí (the criteria-set studio): a Sở Nội vụ turns its annex
//! table, or last year's set, into a set, edits and checks it, compares it
//! and publishes it. Loaded on demand (a chunk of its own): agencies never
//! download it. The set being authored is autosaved in the browser, apart
//! from the published sets.

pub mod publish;
pub mod rule_editor;
pub mod start;
pub mod tree;

use leptos::prelude::*;

use crate::browser::{page, storage};
use crate::domain::authoring::edit::Removed;
use crate::domain::authoring::studio::StudioDraft;
use crate::ui::lazy::ChunkError;

/// Where the studio's draft is kept.
pub const STUDIO_KEY: &str = "cchc.studio.v1";

#[derive(Clone, Copy)]
pub struct StudioState {
    /// The set being authored; None until one is started.
    pub draft: RwSignal<Option<StudioDraft>>,
    /// Why the draft could not be saved or read, if so.
    pub message: RwSignal<Option<String>>,
    /// What the last import or action did (told once, as a status).
    pub notice: RwSignal<Option<String>>,
    /// The last removed node, for undo.
    pub removed: RwSignal<Option<Removed>>,
}

impl StudioState {
    /// Restores the stored draft, then saves it 300 ms after each change
    /// (restore first, then start saving).
    fn provide() -> StudioState {
        let (draft, message) = match storage::load_raw(STUDIO_KEY) {
            None => (None, None),
            Some(text) => match StudioDraft::read(&text) {
                Ok(d) => (Some(d), None),
                Err(e) => {
                    // keep the unreadable text aside rather than overwrite it
                    let _ = storage::save_raw(&format!("{STUDIO_KEY}.khong-doc-duoc"), &text);
                    (None, Some(tf!("Bản soạn đã lưu không đọc được ({e}); bản gốc được giữ riêng trong trình duyệt.", "The saved studio draft could not be read ({e}); the original is kept aside in the browser.")))
                }
            },
        };
        let state = StudioState {
            draft: RwSignal::new(draft),
            message: RwSignal::new(message),
            notice: RwSignal::new(None),
            removed: RwSignal::new(None),
        };
        let pending = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
        Effect::new(move |first: Option<()>| {
            state.draft.track();
            if first.is_some() {
                if let Some(h) = pending.get_value() {
                    h.clear();
                }
                let h = set_timeout_with_handle(
                    move || save(state),
                    std::time::Duration::from_millis(300),
                )
                .ok();
                pending.set_value(h);
            }
        });
        // a page being closed saves at once
        let _ = window_event_listener(leptos::ev::pagehide, move |_| save(state));
        provide_context(state);
        state
    }

    /// Changes the draft and stamps the time.
    pub fn edit(self, f: impl FnOnce(&mut StudioDraft)) {
        self.draft.update(|d| {
            if let Some(d) = d.as_mut() {
                f(d);
                d.modified = page::now_iso();
            }
        });
    }
}

fn save(state: StudioState) {
    let result = state.draft.with_untracked(|d| match d {
        Some(d) => serde_json::to_string(d)
            .map_err(|e| e.to_string())
            .and_then(|t| storage::save_raw(STUDIO_KEY, &t).map_err(|e| e.to_string())),
        None => storage::remove(STUDIO_KEY).map_err(|e| e.to_string()),
    });
    match result {
        Ok(()) => {
            if state.message.with_untracked(Option::is_some) {
                state.message.set(None);
            }
        }
        Err(e) => state.message.set(Some(tf!("Chưa lưu được bản soạn: {e}. Công việc vẫn còn trong trang; hãy xuất tệp JSON để giữ.", "The studio draft could not be saved: {e}. The work is still in the page; export the JSON file to keep it."))),
    }
}

pub fn use_studio() -> StudioState {
    expect_context::<StudioState>()
}

split_page!(
    soan_bo,
    /// The studio page: start a set, or edit the one being authored.
    pub fn studio_page(app: Owner) -> Result<AnyView, ChunkError> {
        if use_context::<StudioState>().is_none() {
            app.with(StudioState::provide);
        }
        Ok(crate::ui::lazy::with_desk_styles(studio))
    }
);

/// The studio's page itself: the start (a new set, an annex table, a
/// file), or the editor of the set being authored.
fn studio() -> AnyView {
    let s = use_studio();
    let has_draft = Memo::new(move |_| s.draft.with(Option::is_some));
    view! {
        <div class="studio">
            <h2 id="trang-tieu-de" tabindex="-1">{t!("Soạn bộ tiêu chí", "Criteria-set studio")}</h2>
            <p class="lead">{t!(
                "Dành cho Sở Nội vụ: chuyển bảng phụ lục của quyết định thành bộ tiêu chí, sửa, kiểm tra và phát hành cho các cơ quan. Không cần viết JSON.",
                "For the Department of Home Affairs: turn the decision's annex table into a criteria set, edit, check and publish it to agencies. No JSON needed."
            )}</p>
            {move || s.message.get().map(|m| view! { <p class="banner banner-warn" role="alert">{m}</p> })}
            {move || s.notice.get().map(|m| view! { <p class="banner banner-ok import-result" role="status">{m}</p> })}
            {move || if has_draft.get() {
                view! { <tree::Editor/> }.into_any()
            } else {
                view! { <start::StartStudio/> }.into_any()
            }}
        </div>
    }
    .into_any()
}

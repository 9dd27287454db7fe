//! Pages that load on demand. The release build splits the wasm (Leptos'
//! `wasm_split`, post-processed by `wasm-split-cli` in `scripts/build.sh`):
//! the agency's wizard is in the first download, and each page most users
//! never open (the drafts list, the summary, the criteria sets, the desk, the
//! studio) is a chunk fetched the first time it is shown.
//!
//! A split function is declared with [`split_page!`]; it is split only when
//! the build sets `--cfg cchc_split` (every release build does). Plain builds
//! (native tests, wasm component tests, `cargo check`) call it directly.

use std::future::Future;

use leptos::prelude::*;

use crate::browser::page;

/// A chunk failed to load (offline before it was ever cached, or a new
/// version replaced it on the server).
#[derive(Clone, Debug)]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Declares a page function loaded on demand, in the chunk named `$chunk`.
/// The function returns `Result<AnyView, ChunkError>`; call it with
/// [`load_page!`].
macro_rules! split_page {
    ($chunk:ident, $(#[$m:meta])* $v:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> Result<AnyView, ChunkError> $body:block) => {
        $(#[$m])*
        #[cfg_attr(cchc_split, leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible))]
        $v fn $name($($arg: $ty),*) -> Result<AnyView, ChunkError> $body
    };
}

/// Calls a page function declared with [`split_page!`]: a future that loads
/// its chunk first when the build splits.
macro_rules! load_page {
    ($($call:tt)*) => {
        async move {
            #[cfg(cchc_split)]
            let r = $($call)*.await;
            #[cfg(not(cchc_split))]
            let r = $($call)*;
            r
        }
    };
}

/// Where focus should go once a lazily loaded page has mounted (set by the
/// app when the user navigated, taken by the page when it appears).
#[derive(Clone, Copy)]
pub struct PendingFocus(pub StoredValue<Option<String>>);

impl PendingFocus {
    pub fn provide() -> PendingFocus {
        let p = PendingFocus(StoredValue::new(None));
        provide_context(p);
        p
    }

    /// Focuses the pending target if it is on the page now; keeps it
    /// pending otherwise (its page is still loading).
    pub fn try_focus(self) {
        if let Some(target) = self.0.get_value() {
            if page::focus(&target) {
                self.0.set_value(None);
            }
        }
    }
}

/// Shows a page that loads on demand: a short "loading" line, then the
/// page, or a Vietnamese message with a reload button if it cannot load.
pub fn lazy_view(load: impl Future<Output = Result<AnyView, ChunkError>> + 'static) -> AnyView {
    let focus = use_context::<PendingFocus>();
    let fut = leptos::__reexports::send_wrapper::SendWrapper::new(async move {
        let view = match load.await {
            Ok(v) => v,
            Err(ChunkError) => chunk_failed().into_any(),
        };
        if let Some(f) = focus {
            // unless something else (the tour's dialog) took the focus meanwhile
            request_animation_frame(move || {
                if !page::focus_in_dialog() {
                    f.try_focus()
                }
            });
        }
        view
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("Đang tải…", "Loading…")}</p> }>
            {Suspend::new(fut)}
        </Suspense>
    }
    .into_any()
}

/// A page of the desk or the studio, drawn once their stylesheet
/// (style/desk-and-studio.css, not part of the first page) has loaded, so
/// it never shows unstyled. Called from their chunks only.
pub fn with_desk_styles(page: impl FnOnce() -> AnyView + 'static) -> AnyView {
    lazy_view(async move {
        page::stylesheet("desk-and-studio.css").await;
        Ok(page())
    })
}

fn chunk_failed() -> impl IntoView {
    view! {
        <div class="banner banner-error" role="alert">
            <p>{t!(
                "Không tải được phần này của ứng dụng (có thể do mất mạng, hoặc ứng dụng vừa được cập nhật). Dữ liệu của bạn vẫn còn trong trình duyệt.",
                "This part of the app could not be loaded (the network may be down, or the app was just updated). Your data is still in the browser."
            )}</p>
            <button type="button" class="button" on:click=move |_| page::reload_at(&page::hash())>
                {t!("Tải lại trang", "Reload the page")}
            </button>
        </div>
    }
}

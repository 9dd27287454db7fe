//! The application shell. Restores what was stored first, and only then
//! starts the effect that saves (the todomvc order: restore, then save).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{bundled, storage};
use crate::domain::{load_criteria_set, Library, StoredSet};
use crate::ui::set_library::{LoadSetForm, SetList};
use crate::ui::set_overview::SetView;

/// Shared state of the criteria-set library.
#[derive(Clone, Copy)]
pub struct LibraryState {
    pub library: RwSignal<Library>,
    /// Key ("id@version") of the set being viewed.
    pub selected: RwSignal<Option<String>>,
}

/// Reads the stored loaded sets; undecodable storage is kept raw.
fn restore_library() -> (Library, Option<String>) {
    match storage::load::<Vec<StoredSet>>(storage::LOADED_SETS_KEY) {
        Ok(stored) => (Library::restore(stored.unwrap_or_default()), None),
        Err(storage::StoreError::Unreadable(_)) => {
            let raw = storage::load_raw(storage::LOADED_SETS_KEY).unwrap_or_default();
            let kept = StoredSet {
                file_name: "du-lieu-luu-khong-doc-duoc.json".into(),
                text: raw,
            };
            (Library::restore(vec![kept]), None)
        }
        Err(e) => (Library::default(), Some(e.to_string())),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let (restored, restore_error) = restore_library();
    let state = LibraryState {
        library: RwSignal::new(restored),
        selected: RwSignal::new(None),
    };
    provide_context(state);
    let storage_error = RwSignal::new(restore_error);
    let bundled_error = RwSignal::new(None::<String>);

    // Save after every change, but not the state just restored.
    Effect::new(move |previous: Option<Vec<StoredSet>>| {
        let stored = state.library.with(Library::stored);
        if previous.is_some_and(|p| p != stored) {
            match storage::save(storage::LOADED_SETS_KEY, &stored) {
                Ok(()) => storage_error.set(None),
                Err(e) => storage_error.set(Some(e.to_string())),
            }
        }
        stored
    });

    spawn_local(async move {
        match bundled::fetch_all().await {
            Ok(files) => {
                let mut problems = Vec::new();
                for (file, text) in files {
                    match load_criteria_set(text.as_bytes()) {
                        Ok(set) => state.library.update(|l| l.add_bundled(&file, set)),
                        Err(p) => problems.push(format!("{file}: {}", p[0])),
                    }
                }
                if !problems.is_empty() {
                    bundled_error.set(Some(format!(
                        "Một số bộ tiêu chí có sẵn bị lỗi: {}",
                        problems.join("; ")
                    )));
                }
            }
            Err(e) => bundled_error.set(Some(e)),
        }
        if state.selected.get_untracked().is_none() {
            let first = state
                .library
                .with_untracked(|l| l.entries().first().map(|e| e.key()));
            state.selected.set(first);
        }
    });

    view! {
        <a class="skip-link" href="#noi-dung">"Bỏ qua, đến nội dung chính"</a>
        <header class="app-header">
            <h1>"Tự đánh giá Chỉ số CCHC"</h1>
            <p class="tagline">
                "Chỉ số cải cách hành chính (PAR INDEX) · Dữ liệu chỉ lưu trong trình duyệt này, không gửi đi đâu"
            </p>
        </header>
        {move || storage_error.get().map(|e| view! { <p class="banner banner-warn" role="alert">{e}</p> })}
        {move || bundled_error.get().map(|e| view! { <p class="banner banner-error" role="alert">{e}</p> })}
        <main id="noi-dung" class="layout" tabindex="-1">
            <aside class="library" aria-labelledby="thu-vien">
                <h2 id="thu-vien">"Bộ tiêu chí"</h2>
                <SetList/>
                <LoadSetForm/>
            </aside>
            <section class="set-view" aria-live="polite">
                <SetView/>
            </section>
        </main>
    }
}

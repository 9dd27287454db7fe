//! The application shell. Restores what was stored first, and only then
//! starts the effect that saves (the todomvc order: restore, then save).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{bundled, page, storage};
use crate::domain::base::i18n;
use crate::domain::criteria::loader::read_known_set;
use crate::domain::{Library, StoredSet};
use crate::ui::assessment::drafts_page::drafts_page;
use crate::ui::assessment::field_page::{field_page, warm_field_chunk};
use crate::ui::assessment::save_status::{SaveBanners, SaveIndicator};
use crate::ui::assessment::sidebar::{nav_link, ScoreBar, Sidebar};
use crate::ui::assessment::start::StartPage;
use crate::ui::assessment::summary_page::summary_page;
use crate::ui::assessment::Assessment;
use crate::ui::demo::{DemoBar, Tour, TourPanel};
use crate::ui::lazy::{lazy_view, PendingFocus};
use crate::ui::review::desk_pages;
use crate::ui::route::Route;
use crate::ui::set_library::library_page;
use crate::ui::studio::studio_page;

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

/// Reads the user's language and applies it to this page's life: the
/// domain's and the UI's texts, `<html lang>` and the title. Called once,
/// before mounting; switching language saves the choice and reloads.
pub fn apply_language() {
    let lang = storage::load_lang();
    i18n::set_lang(lang);
    page::set_language(
        lang.code(),
        t!("Tự đánh giá Chỉ số CCHC", "PAR INDEX Self-Assessment"),
    );
}

#[component]
pub fn App() -> impl IntoView {
    let (restored, restore_error) = restore_library();
    let state = LibraryState {
        library: RwSignal::new(restored),
        selected: RwSignal::new(None),
    };
    provide_context(state);
    let assessment = Assessment::provide(state.library);
    Tour::provide();
    let pending_focus = PendingFocus::provide();
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

    assessment.route.with_untracked(warm_field_chunk);
    spawn_local(async move {
        match bundled::fetch_all().await {
            Ok(files) => {
                let mut problems = Vec::new();
                for (file, text) in files {
                    match read_known_set(text.as_bytes()) {
                        Ok(set) => state.library.update(|l| l.add_bundled(&file, set)),
                        Err(p) => problems.push(format!("{file}: {}", p[0])),
                    }
                }
                if !problems.is_empty() {
                    bundled_error.set(Some(tf!(
                        "Một số bộ tiêu chí có sẵn bị lỗi: {}",
                        "Some bundled criteria sets are broken: {}",
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

    // After a page change, move focus to the new page's heading, or to the
    // item asked for, so keyboard and screen-reader users land in the right
    // place. Not on the first render (the page just opened), unless the
    // address names an item: a reload or a reopened app returns to it.
    Effect::new(move |first: Option<()>| {
        let route = assessment.route.get();
        if first.is_some() || matches!(route, Route::Field { item: Some(_), .. }) {
            let target = match &route {
                Route::Field { item: Some(i), .. } => format!("muc-{i}-tieu-de"),
                _ => "trang-tieu-de".to_string(),
            };
            // a page loaded on demand takes the focus when it appears
            pending_focus.0.set_value(Some(target));
            request_animation_frame(move || pending_focus.try_focus());
        }
    });

    let app_owner = Owner::current().expect("the app has an owner");
    let page = move || {
        let route = assessment.route.get();
        match &route {
            Route::Library => return lazy_view(load_page!(library_page())),
            Route::Drafts => {
                return view! { <div class="wizard single">{lazy_view(load_page!(drafts_page()))}</div> }
                    .into_any()
            }
            Route::Studio => {
                let owner = app_owner.clone();
                return view! { <div class="wizard wide">{lazy_view(load_page!(studio_page(owner)))}</div> }
                    .into_any();
            }
            _ if route.is_desk() => {
                let owner = app_owner.clone();
                return view! { <div class="wizard wide">{lazy_view(load_page!(desk_pages(route, owner)))}</div> }
                    .into_any();
            }
            _ => {}
        }
        let content = match (route, assessment.set.get()) {
            (Route::Field { code, .. }, Some(set)) => lazy_view(load_page!(field_page(set, code))),
            (Route::Summary, Some(set)) => lazy_view(load_page!(summary_page(set))),
            _ => view! { <StartPage/> }.into_any(),
        };
        match assessment.set.get() {
            Some(set) => view! {
                <div class="wizard">
                    <Sidebar set/>
                    <div class="wizard-main">
                        <ScoreBar/>
                        {content}
                    </div>
                </div>
            }
            .into_any(),
            None => view! { <div class="wizard single">{content}</div> }.into_any(),
        }
    };

    view! {
        <a class="skip-link" href="#noi-dung">{t!("Bỏ qua, đến nội dung chính", "Skip to main content")}</a>
        <header class="app-header">
            <div class="brand">
                <h1 class="app-name">{t!("Tự đánh giá Chỉ số CCHC", "PAR INDEX Self-Assessment")}</h1>
                <p class="tagline">
                    {t!("Chỉ số cải cách hành chính (PAR INDEX) · Dữ liệu chỉ lưu trong trình duyệt này, không gửi đi đâu", "Public Administration Reform Index (PAR INDEX) · Data stays in this browser and is never sent anywhere")}
                </p>
            </div>
            <SaveIndicator/>
            <nav class="top-nav" aria-label={t!("Chính", "Main")}>
                {nav_link(Route::Drafts, "tab", t!("Các bản", "Drafts"))}
                {nav_link(Route::Start, "tab", t!("Tự đánh giá", "Self-assessment"))}
                {nav_link(Route::Summary, "tab", t!("Bảng tổng hợp", "Summary"))}
                {nav_link(Route::Library, "tab", t!("Bộ tiêu chí", "Criteria sets"))}
                {nav_link(Route::Desk, "tab", t!("Thẩm định", "Appraisal"))}
                {nav_link(Route::Studio, "tab", t!("Soạn bộ tiêu chí", "Studio"))}
            </nav>
        </header>
        <DemoBar/>
        {move || storage_error.get().map(|e| view! { <p class="banner banner-warn" role="alert">{e}</p> })}
        <SaveBanners/>
        {move || bundled_error.get().map(|e| view! { <p class="banner banner-error" role="alert">{e}</p> })}
        <main id="noi-dung" tabindex="-1">{page}</main>
        <TourPanel/>
    }
}

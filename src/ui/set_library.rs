//! The list of available criteria sets and the form that loads one from a file.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::files;
use crate::domain::{Origin, Problem, Provenance, MAX_SET_BYTES};
use crate::ui::app::LibraryState;
use crate::ui::lazy::ChunkError;
use crate::ui::set_overview::SetView;

split_page!(
    bo_tieu_chi,
    /// The criteria-set library page (list, loading a file, the set's view).
    pub fn library_page() -> Result<AnyView, ChunkError> {
        Ok(view! {
            <div class="layout">
                <aside class="library" aria-labelledby="thu-vien">
                    <h2 id="thu-vien">{t!("Bộ tiêu chí", "Criteria sets")}</h2>
                    <SetList/>
                    <LoadSetForm/>
                </aside>
                <section class="set-view" aria-live="polite">
                    <SetView/>
                </section>
            </div>
        }
        .into_any())
    }
);

#[component]
pub fn SetList() -> impl IntoView {
    let state = expect_context::<LibraryState>();
    let rows = move || {
        state.library.with(|l| {
            l.entries()
                .iter()
                .map(|e| {
                    let key = e.key();
                    let counts = e.set.counts();
                    let origin = match &e.origin {
                        Origin::Bundled { .. } => {
                            t!("Có sẵn trong ứng dụng", "Bundled with the app").to_string()
                        }
                        Origin::Loaded { file_name, .. } => {
                            tf!("Đã nạp từ tệp {file_name}", "Loaded from file {file_name}")
                        }
                        Origin::Trial => t!(
                            "Bản thử từ Soạn bộ tiêu chí (không lưu)",
                            "Trial from the studio (not stored)"
                        )
                        .to_string(),
                    };
                    (
                        key,
                        e.set.title_shown().to_string(),
                        e.set.year,
                        e.set.unit_type.label(),
                        e.set.provenance,
                        counts,
                        origin,
                        e.is_bundled(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="set-list">
            <For each=rows key=|r| (r.0.clone(), r.6.clone()) let:r>
                {
                    let (key, title, year, unit, provenance, counts, origin, bundled) = r;
                    let k1 = key.clone();
                    let k2 = key.clone();
                    let k3 = key.clone();
                    let current = Memo::new(move |_| state.selected.get().as_deref() == Some(k1.as_str()));
                    view! {
                        <li class="set-card" class:current=move || current.get()>
                            <button
                                class="set-pick"
                                aria-current=move || if current.get() { Some("true") } else { None }
                                on:click=move |_| state.selected.set(Some(k2.clone()))
                            >
                                <span class="set-title">{title}</span>
                                <span class="set-meta">
                                    {tf!("Năm {year} · {unit} · {} lĩnh vực, {} tiêu chí, {} tiêu chí thành phần · {} mục tự chấm", "Year {year} · {unit} · {} fields, {} criteria, {} sub-criteria · {} items to answer", counts.fields, counts.criteria, counts.items, counts.answerable)}
                                </span>
                                <span class="set-meta">
                                    {match provenance {
                                        Provenance::Illustrative => view! { <span class="badge badge-illustrative">{t!("Minh họa", "Illustrative")}</span> }.into_any(),
                                        Provenance::Official => view! { <span class="badge badge-official">{t!("Chính thức", "Official")}</span> }.into_any(),
                                    }}
                                    " " {origin}
                                </span>
                            </button>
                            {(!bundled).then(|| view! {
                                <button
                                    class="link-button"
                                    on:click=move |_| {
                                        let k = k3.clone();
                                        state.library.update(|l| { l.remove_loaded(&k); });
                                        if state.selected.get_untracked().as_deref() == Some(k.as_str()) {
                                            state.selected.set(state.library.with_untracked(|l| l.entries().first().map(|e| e.key())));
                                        }
                                    }
                                >{t!("Gỡ bộ tiêu chí này", "Remove this criteria set")}</button>
                            })}
                        </li>
                    }
                }
            </For>
        </ul>
        {move || state.library.with(|l| l.unreadable.len()).gt(&0).then(|| view! {
            <p class="banner banner-warn" role="status">
                {t!("Có dữ liệu bộ tiêu chí đã lưu nhưng không đọc được; dữ liệu vẫn được giữ nguyên, không bị xóa.", "Some saved criteria-set data could not be read; it is kept as it is, not deleted.")}
            </p>
        })}
    }
}

/// Outcome of the last load attempt.
#[derive(Clone, Debug, PartialEq)]
enum LoadOutcome {
    Loaded {
        title: String,
    },
    Refused {
        file: String,
        problems: Vec<Problem>,
    },
}

#[component]
pub fn LoadSetForm() -> impl IntoView {
    let state = expect_context::<LibraryState>();
    let outcome = RwSignal::new(None::<LoadOutcome>);
    let on_change = move |ev: leptos::ev::Event| {
        let picked = files::take_picked(&ev);
        spawn_local(async move {
            for file in picked {
                let result = match files::read(&file, MAX_SET_BYTES).await {
                    Err(e) => LoadOutcome::Refused {
                        file: file.name(),
                        problems: vec![Problem {
                            path: String::new(),
                            code: None,
                            message: e,
                        }],
                    },
                    Ok(f) => {
                        let mut added = None;
                        state
                            .library
                            .update(|l| added = Some(l.add_loaded(&f.name, &f.bytes)));
                        match added.expect("update ran") {
                            Ok(key) => {
                                let title = state
                                    .library
                                    .with_untracked(|l| {
                                        l.get(&key).map(|e| e.set.title_shown().to_string())
                                    })
                                    .unwrap_or_default();
                                state.selected.set(Some(key));
                                LoadOutcome::Loaded { title }
                            }
                            Err(problems) => LoadOutcome::Refused {
                                file: f.name,
                                problems,
                            },
                        }
                    }
                };
                outcome.set(Some(result));
            }
        });
    };
    view! {
        <div class="load-set">
            <h3 class="file-heading">{t!("Nạp bộ tiêu chí của tỉnh", "Load your province's criteria set")}</h3>
            // The native file button speaks the browser's language; it stays
            // focusable but hidden, and its label is the visible button.
            <input
                id="nap-bo-tieu-chi"
                class="file-input"
                type="file"
                accept=".json,application/json"
                aria-describedby="nap-huong-dan"
                on:change=on_change
            />
            <label for="nap-bo-tieu-chi" class="file-button">{t!("Nạp bộ tiêu chí từ tệp JSON", "Load a criteria set from a JSON file")}</label>
            <p id="nap-huong-dan" class="hint">
                {t!("Dùng bộ tiêu chí do tỉnh của bạn ban hành, soạn theo định dạng cchc-criteria-set. Tệp được kiểm tra kỹ rồi lưu trong trình duyệt.", "Use the criteria set your province issued, written in the cchc-criteria-set format. The file is checked thoroughly, then stored in the browser.")}
            </p>
            {move || outcome.get().map(|o| match o {
                LoadOutcome::Loaded { title } => view! {
                    <p class="banner banner-ok" role="status">{tf!("Đã nạp «{title}».", "Loaded «{title}».")}</p>
                }.into_any(),
                LoadOutcome::Refused { file, problems } => view! {
                    <div class="banner banner-error load-errors" role="alert">
                        <p><strong>{tf!("Không nạp được tệp «{file}»: {} lỗi", "Could not load file «{file}»: {} errors", problems.len())}</strong></p>
                        <ul>{problems.into_iter().map(problem_item).collect_view()}</ul>
                    </div>
                }.into_any(),
            })}
        </div>
    }
}

/// One problem: the item code and message first, where in the file after.
/// Every importer lists its problems with this.
pub fn problem_item(p: Problem) -> impl IntoView {
    view! {
        <li>
            {p.code.map(|c| view! { <strong>{format!("[{c}] ")}</strong> })}
            {crate::domain::criteria::rule_text::capitalise(&p.message)}
            {(!p.path.is_empty()).then(|| view! { <span class="problem-path">{t!("Vị trí trong tệp: ", "Position in the file: ")} <code>{p.path}</code></span> })}
        </li>
    }
}

//! Publishing and comparing: what still blocks publishing, the set saved
//! into the library and exported as `<id>-<version>.json`, and the set
//! compared with another (last year's) item by item.

use leptos::prelude::*;

use crate::browser::{files, page};
use crate::domain::authoring::compare::compare;
use crate::domain::authoring::studio::author_words;
use crate::domain::criteria::validation::validate;
use crate::domain::Draft;
use crate::ui::app::LibraryState;
use crate::ui::assessment::use_assessment;
use crate::ui::banner::outcome_banner;
use crate::ui::route::Route;
use crate::ui::studio::use_studio;

#[component]
pub fn PublishPanel() -> impl IntoView {
    let s = use_studio();
    let lib = expect_context::<LibraryState>();
    let outcome = RwSignal::new(None::<(bool, String)>);
    let blockers = RwSignal::new(Vec::<String>::new());
    let publish = move |_| {
        let result = s.draft.with_untracked(|d| d.as_ref().map(|d| d.publish()));
        match result {
            Some(Ok((text, name))) => {
                blockers.set(Vec::new());
                match lib
                    .library
                    .try_update(|l| l.add_loaded(&name, text.as_bytes()))
                    .unwrap_or(Err(Vec::new()))
                {
                    Ok(key) => {
                        lib.selected.set(Some(key));
                        let saved = files::download(&name, "application/json", &text);
                        outcome.set(Some(match saved {
                            Ok(()) => (true, tf!("Đã phát hành: bộ tiêu chí có trong thư viện của trình duyệt này và tệp {name} đã được tải xuống để gửi các cơ quan.", "Published: the set is in this browser's library and {name} was downloaded to send to agencies.")),
                            Err(e) => (false, tf!("Đã lưu vào thư viện nhưng chưa tải được tệp: {e}", "Saved to the library but the file could not be downloaded: {e}")),
                        }));
                    }
                    Err(p) => {
                        blockers.set(p.iter().map(|p| p.to_string()).collect());
                        outcome.set(Some((
                            false,
                            t!("Chưa phát hành được:", "Could not publish:").into(),
                        )));
                    }
                }
            }
            Some(Err(p)) => {
                blockers.set(
                    p.iter()
                        .map(|p| match &p.code {
                            Some(c) => format!("[{c}] {}", author_words(&p.message)),
                            None => author_words(&p.message),
                        })
                        .collect(),
                );
                outcome.set(Some((
                    false,
                    tf!(
                        "Chưa phát hành được: còn {} vấn đề.",
                        "Not published: {} problems remain.",
                        p.len()
                    ),
                )));
            }
            None => {}
        }
    };
    let export_draft = move |_| {
        let text = s.draft.with_untracked(|d| {
            d.as_ref()
                .and_then(|d| serde_json::to_string_pretty(d).ok())
        });
        if let Some(text) = text {
            if let Err(e) = files::download("ban-soan-bo-tieu-chi.json", "application/json", &text)
            {
                outcome.set(Some((false, e)));
            }
        }
    };

    // "Xem như cơ quan": the wizard on the set being authored, with a
    // scratch draft that is never stored
    let trial_message = RwSignal::new(None::<String>);
    let try_it = move |_| {
        let Some(set) = s
            .draft
            .with_untracked(|d| d.as_ref().map(|d| d.set.clone()))
        else {
            return;
        };
        let problems = validate(&set).len();
        if problems > 0 {
            trial_message.set(Some(tf!(
                "Chưa xem thử được: bộ còn {problems} vấn đề (đánh dấu trên cây). Hãy sửa các vấn đề về cấu trúc và điểm trước; các quy tắc «cần xem lại» thì vẫn xem thử được.",
                "Cannot try it yet: the set has {problems} problems (marked in the tree). Fix the structure and points first; rules still «to review» can be tried."
            )));
            return;
        }
        trial_message.set(None);
        let (year, unit_type) = (set.year, set.unit_type);
        let key = lib
            .library
            .try_update(|l| l.put_trial(set))
            .unwrap_or_default();
        let mut scratch = Draft::new(&page::new_id(), &page::now_iso());
        scratch.set_key = key;
        scratch.name = t!("Bản thử", "Trial").into();
        scratch.profile.year = year.to_string();
        scratch.profile.unit_type = Some(unit_type);
        let a = use_assessment();
        a.store.enter_trial(scratch);
        a.go(Route::Start);
    };

    // comparison with a set of the library (by default the one copied)
    let other = RwSignal::new(
        s.draft
            .with_untracked(|d| d.as_ref().and_then(|d| d.based_on.clone()))
            .unwrap_or_default(),
    );
    let changes = Memo::new(move |_| {
        let key = other.get();
        if key.is_empty() {
            return None;
        }
        let before = lib.library.with(|l| l.get(&key).map(|e| e.set.clone()))?;
        s.draft
            .with(|d| d.as_ref().map(|d| compare(&before, &d.set)))
    });
    let options = move || {
        let current = other.get_untracked();
        lib.library.with(|l| {
            l.entries()
                .iter()
                .map(|e| {
                    let key = e.key();
                    let selected = key == current;
                    view! { <option value=key.clone() selected=selected>{format!("{} ({})", e.set.title_shown(), e.set.version)}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="so-sanh">
            <h3 id="so-sanh">{t!("So sánh với bộ khác", "Compare with another set")}</h3>
            <label for="bo-so-sanh">{t!("So với", "Compared with")}</label>
            <select id="bo-so-sanh" on:change=move |ev| other.set(event_target_value(&ev))>
                <option value="">{t!("— chọn bộ (vd. năm trước) —", "— choose a set (e.g. last year's) —")}</option>
                {options}
            </select>
            {move || changes.get().map(|c| if c.is_empty() {
                view! { <p>{t!("Không có khác biệt.", "No differences.")}</p> }.into_any()
            } else {
                view! {
                    <p>{tf!("{} khác biệt:", "{} differences:", c.len())}</p>
                    <ul class="changes">{c.into_iter().map(|ch| view! { <li>{ch.text()}</li> }).collect_view()}</ul>
                }.into_any()
            })}
        </section>
        <section class="card" aria-labelledby="xem-thu">
            <h3 id="xem-thu">{t!("Xem như cơ quan", "Try it as an agency")}</h3>
            <p class="hint">{t!("Mở phần tự đánh giá trên bộ đang soạn với một bản thử không lưu, để tự điền và xem điểm như cơ quan sẽ thấy. Bấm «Quay lại soạn bộ tiêu chí» để trở về đây.", "Opens the self-assessment on the set being authored with a trial draft that is not saved, to fill in and see the scores as an agency will. Press «Back to the studio» to return here.")}</p>
            <button type="button" class="button secondary" on:click=try_it>{t!("Xem như cơ quan", "Try it as an agency")}</button>
            {move || trial_message.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </section>
        <section class="card" aria-labelledby="phat-hanh">
            <h3 id="phat-hanh">{t!("Phát hành", "Publish")}</h3>
            <p class="hint">{t!("Phát hành lưu bộ vào thư viện của trình duyệt này và tải xuống tệp JSON. Gửi tệp này cho các cơ quan (họ nạp ở trang Bộ tiêu chí), hoặc đặt nó vào bản ứng dụng của tỉnh (xem README).", "Publishing saves the set into this browser's library and downloads its JSON file. Send that file to agencies (they load it on the Criteria sets page), or bundle it in the province's copy of the app (see README).")}</p>
            <div class="actions">
                <button type="button" class="button" on:click=publish>{t!("Phát hành bộ tiêu chí", "Publish the criteria set")}</button>
                <button type="button" class="secondary" on:click=export_draft>{t!("Tải bản đang soạn (JSON)", "Download the draft (JSON)")}</button>
            </div>
            {move || outcome.get().map(|(ok, m)| outcome_banner(ok, m))}
            {move || (!blockers.with(Vec::is_empty)).then(|| view! {
                <ul class="node-problems">{blockers.get().into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
            })}
        </section>
    }
}

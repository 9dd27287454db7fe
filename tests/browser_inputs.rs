//! Component tests of the assessment inputs in a real browser.
//! Run by scripts/test.sh: cargo test --target wasm32-unknown-unknown --test browser_inputs
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, Mutex};

use cchc_tu_danh_gia::domain::*;
use cchc_tu_danh_gia::ui::app::LibraryState;
use cchc_tu_danh_gia::ui::assessment::inputs::{Choice, ChoiceGroup, Stepper, TextInput};
use cchc_tu_danh_gia::ui::assessment::item_card::ItemCard;
use cchc_tu_danh_gia::ui::assessment::Assessment;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn find<T: JsCast>(el: &web_sys::HtmlElement, selector: &str) -> T {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .unchecked_into()
}

/// Types into an input as a user would: set the value, fire "input".
fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn text_input_reports_typing_and_ties_its_message() {
    let el = container();
    let value = RwSignal::new(String::new());
    let error = Signal::derive(move || {
        value.with(|v| (v == "8x").then(|| "Tỷ lệ «8x» không phải là số.".to_string()))
    });
    let handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <TextInput
                id="ty-le".to_string()
                label="Tỷ lệ đạt được".to_string()
                value
                on_input=Callback::new(move |v| value.set(v))
                error
                suffix="%".to_string()
                inputmode="decimal"
            />
        }
    });
    settle().await;
    let input: web_sys::HtmlInputElement = find(&el, "#ty-le");
    let label: web_sys::HtmlElement = find(&el, "label[for=ty-le]");
    assert_eq!(label.text_content().unwrap(), "Tỷ lệ đạt được");
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(input.get_attribute("aria-describedby"), None);

    type_into(&input, "8x");
    settle().await;
    assert_eq!(value.get_untracked(), "8x");
    assert_eq!(input.value(), "8x", "invalid text is kept as typed");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("ty-le-loi")
    );
    let msg: web_sys::HtmlElement = find(&el, "#ty-le-loi");
    assert_eq!(msg.text_content().unwrap(), "Tỷ lệ «8x» không phải là số.");

    type_into(&input, "86");
    settle().await;
    assert!(
        el.query_selector("#ty-le-loi").unwrap().is_none(),
        "message gone"
    );
    assert_eq!(input.get_attribute("aria-invalid"), None);
    drop(handle);
}

#[wasm_bindgen_test]
async fn choice_group_picks_and_clears() {
    let el = container();
    let selected = RwSignal::new(None::<String>);
    let picks = Arc::new(Mutex::new(Vec::new()));
    let seen = picks.clone();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let seen = seen.clone();
        view! {
            <ChoiceGroup
                id="muc".to_string()
                legend="Mức đạt".to_string()
                choices=vec![
                    Choice { id: "kip_thoi".into(), label: "Kịp thời".into(), detail: "1 điểm".into() },
                    Choice { id: "khong".into(), label: "Không ban hành".into(), detail: "0 điểm".into() },
                ]
                selected
                on_pick=Callback::new(move |c: Option<String>| {
                    seen.lock().unwrap().push(c.clone());
                    selected.set(c);
                })
            />
        }
    });
    settle().await;
    let clear: web_sys::HtmlElement = find(&el, ".clear-choice");
    assert!(clear.hidden(), "nothing to clear yet");
    find::<web_sys::HtmlElement>(&el, "label[for=muc-1]").click();
    settle().await;
    assert_eq!(selected.get_untracked().as_deref(), Some("khong"));
    assert!(find::<web_sys::HtmlInputElement>(&el, "#muc-1").checked());
    assert!(!clear.hidden());
    clear.click();
    settle().await;
    assert_eq!(selected.get_untracked(), None);
    assert!(!find::<web_sys::HtmlInputElement>(&el, "#muc-1").checked());
    assert_eq!(
        *picks.lock().unwrap(),
        vec![Some("khong".to_string()), None]
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn stepper_buttons_say_what_they_do() {
    let el = container();
    let value = RwSignal::new("0,25".to_string());
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let r = move || Response {
            value: value.get_untracked(),
            ..Response::default()
        };
        view! {
            <Stepper
                id="diem".to_string()
                label="Điểm tự chấm".to_string()
                value
                on_input=Callback::new(move |v| value.set(v))
                on_step=Callback::new(move |up: bool| value.set(r().step_value(Dec::from_hundredths(25), Dec::from_int(1), up)))
                error=Signal::derive(|| None::<String>)
                step_text="0,25".to_string()
            />
        }
    });
    settle().await;
    let plus: web_sys::HtmlElement = find(&el, "button[aria-label='Tăng 0,25 điểm']");
    let minus: web_sys::HtmlElement = find(&el, "button[aria-label='Giảm 0,25 điểm']");
    plus.click();
    plus.click();
    settle().await;
    assert_eq!(
        find::<web_sys::HtmlInputElement>(&el, "#diem").value(),
        "0,75"
    );
    for _ in 0..5 {
        minus.click();
    }
    settle().await;
    assert_eq!(value.get_untracked(), "0");
    drop(handle);
}

/// The item card over a real draft: typing a ratio shows the points and the
/// reason at once, and a bad numerator gets its message.
#[wasm_bindgen_test]
async fn item_card_scores_live_with_the_reason() {
    let (el, handle, num, den) = ratio_card().await;
    assert_eq!(
        find::<web_sys::HtmlElement>(&el, "label[for='muc-1.2-tu-so']")
            .text_content()
            .unwrap(),
        "Hồ sơ đúng hạn"
    );
    type_into(&num, "43");
    type_into(&den, "50");
    settle().await;
    let result = find::<web_sys::HtmlElement>(&el, ".item-result")
        .text_content()
        .unwrap();
    assert!(result.contains("43/50 = 86% →"), "{result}");
    assert!(find::<web_sys::HtmlElement>(&el, ".computed")
        .text_content()
        .unwrap()
        .contains("= 86%"));
    assert!(
        el.text_content()
            .unwrap()
            .contains("Thiếu tài liệu kiểm chứng"),
        "flagged until evidence is cited"
    );

    type_into(&num, "60");
    settle().await;
    let msg = find::<web_sys::HtmlElement>(&el, "[id='muc-1.2-tu-so-loi']")
        .text_content()
        .unwrap();
    assert_eq!(
        msg,
        "Tử số (60) lớn hơn mẫu số (50): tỷ lệ không thể quá 100%."
    );
    assert_eq!(
        num.get_attribute("aria-describedby").as_deref(),
        Some("muc-1.2-tu-so-loi")
    );
    assert!(num.is_connected(), "the input is not redrawn while typing");
    assert_eq!(num.value(), "60", "what was typed stays");

    // an explanation clears the flag; the evidence box's inside is drawn
    // (a chunk in the split build) once the box is first opened
    type_into(&num, "43");
    let details: web_sys::HtmlDetailsElement = find(&el, "details.evidence-box");
    details.set_open(true);
    details
        .dispatch_event(&web_sys::Event::new("toggle").unwrap())
        .unwrap();
    for _ in 0..20 {
        if el
            .query_selector("[id='muc-1.2-tl-giai-trinh']")
            .unwrap()
            .is_some()
        {
            break;
        }
        settle().await;
    }
    let explanation: web_sys::HtmlTextAreaElement = find(&el, "[id='muc-1.2-tl-giai-trinh']");
    explanation.set_value("Hồ sơ lưu tại bộ phận một cửa");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    explanation
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    settle().await;
    assert!(!el
        .text_content()
        .unwrap()
        .contains("Thiếu tài liệu kiểm chứng"));
    drop(handle);
    let _ = gloo_storage_clear();
}

/// A card that leaves the page right after a keystroke that flags it (the
/// agency moves on to another page at once): the flag, which follows a
/// frame late, finds the card gone and does nothing.
#[wasm_bindgen_test]
async fn item_card_gone_before_its_flag_arrives() {
    // a panic in a task the test does not await would not fail it: the
    // hook records it
    static PANICKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    let before = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICKED.store(true, std::sync::atomic::Ordering::SeqCst);
        before(info)
    }));
    let (_, handle, num, den) = ratio_card().await;
    type_into(&num, "43");
    type_into(&den, "50");
    leptos::task::tick().await;
    leptos::task::tick().await;
    drop(handle);
    settle().await;
    settle().await;
    assert!(
        !PANICKED.load(std::sync::atomic::Ordering::SeqCst),
        "no panic once the card is gone"
    );
    let _ = gloo_storage_clear();
}

/// Item 1.2 (a ratio) of the fixture set on a fresh page, as an agency's
/// draft on that set shows it, settled: its container, its mount, and its
/// numerator and denominator inputs.
async fn ratio_card() -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl Mountable>,
    web_sys::HtmlInputElement,
    web_sys::HtmlInputElement,
) {
    let _ = gloo_storage_clear();
    let el = container();
    let handle = mount_ratio_card(&el);
    settle().await;
    let num = find(&el, "[id='muc-1.2-tu-so']");
    let den = find(&el, "[id='muc-1.2-mau-so']");
    (el, handle, num, den)
}

fn mount_ratio_card(el: &web_sys::HtmlElement) -> leptos::mount::UnmountHandle<impl Mountable> {
    let set = load_criteria_set(include_bytes!("fixtures/every-rule-kind.json")).unwrap();
    let key = format!("{}@{}", set.id, set.version);
    let shared = Arc::new(set.clone());
    leptos::mount::mount_to(el.clone(), move || {
        let mut library = Library::default();
        library.add_bundled("every-rule-kind.json", set.clone());
        let state = LibraryState {
            library: RwSignal::new(library),
            selected: RwSignal::new(None),
        };
        provide_context(state);
        let a = Assessment::provide(state.library);
        a.draft.update(|d| d.set_key = key.clone());
        view! { <ItemCard set=shared.clone() code="1.2".to_string()/> }
    })
}

/// Lets effects run and tachys' queued `value` writes (a microtask) land,
/// and what follows a frame late (the totals, the evidence flag) arrive.
async fn settle() {
    leptos::task::tick().await;
    leptos::task::tick().await;
    cchc_tu_danh_gia::browser::page::after_paint().await;
    leptos::task::tick().await;
}

fn gloo_storage_clear() -> Option<()> {
    web_sys::window()?.local_storage().ok()??.clear().ok()
}

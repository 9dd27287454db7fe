//! Component tests in a real browser (wasm-bindgen-test, headless Chromium).
//! Run by scripts/test.sh: cargo test --target wasm32-unknown-unknown --test browser_components
#![cfg(target_arch = "wasm32")]

use cchc_tu_danh_gia::domain::*;
use cchc_tu_danh_gia::ui::criteria_tree::CriteriaTree;
use cchc_tu_danh_gia::ui::set_overview::SetOverview;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fixture() -> CriteriaSet {
    load_criteria_set(include_bytes!("fixtures/every-rule-kind.json")).unwrap()
}

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn all(el: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = el.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

#[wasm_bindgen_test]
async fn tree_lists_fields_criteria_and_rules_in_vietnamese() {
    let el = container();
    let set = fixture();
    let handle = leptos::mount::mount_to(
        el.clone(),
        move || view! { <CriteriaTree set=set.clone()/> },
    );
    leptos::task::tick().await;

    assert_eq!(all(&el, "details.field").len(), 2);
    assert_eq!(all(&el, "details.criterion").len(), 7);
    assert_eq!(
        all(&el, ".unit").len(),
        11,
        "5 items and 6 criteria scored directly"
    );
    let text = el.text_content().unwrap();
    assert!(
        text.contains("Trên 90%: 2 điểm; Từ 70% đến 90%: 1 điểm; Dưới 70%: 0 điểm"),
        "{text}"
    );
    assert!(text
        .contains("Trừ điểm của tiêu chí — Không: không trừ; Vi phạm nhẹ: trừ 50% điểm tiêu chí"));
    assert!(text.contains("Chấm qua điều tra xã hội học (tối đa 3 điểm); cơ quan không tự chấm"));
    assert!(text.contains("thưởng tối đa 2 điểm"));
    assert!(text.contains("Được chọn «không áp dụng»"));
    let code = all(&el, "#tc-1\\.1\\.4 .code")[0].text_content().unwrap();
    assert_eq!(code, "1.1.4");
    drop(handle);
}

#[wasm_bindgen_test]
async fn tree_opens_and_closes_everything_from_the_buttons() {
    let el = container();
    let set = fixture();
    let handle = leptos::mount::mount_to(
        el.clone(),
        move || view! { <CriteriaTree set=set.clone()/> },
    );
    leptos::task::tick().await;
    let details = || {
        all(&el, "details")
            .into_iter()
            .map(|d| d.unchecked_into::<web_sys::HtmlDetailsElement>())
    };
    assert!(details().all(|d| !d.open()), "closed at first");
    let buttons = all(&el, ".tree-tools button");
    assert_eq!(buttons[0].text_content().unwrap(), "Mở tất cả");
    buttons[0].unchecked_ref::<web_sys::HtmlElement>().click();
    leptos::task::tick().await;
    assert!(details().all(|d| d.open()), "all opened");
    buttons[1].unchecked_ref::<web_sys::HtmlElement>().click();
    leptos::task::tick().await;
    assert!(details().all(|d| !d.open()), "all closed");
    drop(handle);
}

#[wasm_bindgen_test]
async fn overview_shows_totals_per_field_and_the_illustrative_warning() {
    let el = container();
    let set = fixture();
    let handle =
        leptos::mount::mount_to(el.clone(), move || view! { <SetOverview set=set.clone()/> });
    leptos::task::tick().await;
    let cells: Vec<Vec<String>> = all(&el, ".fields-table tbody tr")
        .iter()
        .map(|r| {
            let list = r.query_selector_all("th, td").unwrap();
            (0..list.length())
                .map(|i| list.item(i).unwrap().text_content().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(cells[0], ["1. Lĩnh vực một", "4", "5", "10", "—"]);
    assert_eq!(cells[1], ["2. Lĩnh vực hai", "3", "0", "10", "3"]);
    let text = el.text_content().unwrap();
    assert!(text.contains("Bộ tiêu chí minh họa."));
    assert!(text.contains("01/KT, ngày 02/01/2026"));
    assert!(text.contains("20 điểm (trong đó 3 điểm điều tra xã hội học, cơ quan không tự chấm)"));
    assert!(text.contains("Tốt: chỉ số từ 90% trở lên"));
    assert!(text.contains("tối đa 1,5 điểm"), "bonus cap");
    drop(handle);
}

#[wasm_bindgen_test]
async fn percent_bars_draw_one_bar_per_value_with_a_text_alternative() {
    use cchc_tu_danh_gia::ui::charts::PercentBars;
    let el = container();
    let rows = vec![
        (
            "LV 1".to_string(),
            vec![Some(Dec::from_int(80)), Some(Dec::from_int(60))],
        ),
        ("LV 2".to_string(), vec![Some(Dec::from_int(100)), None]),
    ];
    let handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <PercentBars
                series=vec!["Tự chấm", "Thẩm định"]
                rows=rows.clone()
                marks=vec![(Dec::from_int(90), "Ngưỡng loại Tốt".to_string())]
                label_width=52.0
                label="Biểu đồ thử".to_string()
            />
        }
    });
    leptos::task::tick().await;
    let svg = &all(&el, "svg[role=img]")[0];
    assert_eq!(
        svg.get_attribute("aria-label").as_deref(),
        Some("Biểu đồ thử")
    );
    // two bars per row plus one legend swatch per series
    assert_eq!(all(&el, "rect.bar-0").len(), 3);
    assert_eq!(all(&el, "rect.bar-1").len(), 3);
    let widths: Vec<String> = all(&el, "rect.bar-0")
        .iter()
        .skip(1)
        .map(|r| r.get_attribute("width").unwrap())
        .collect();
    // the plot is 560 - 52 = 508 units wide: 80% and 100% of it
    assert_eq!(widths, vec!["406.4", "508.0"]);
    let text = el.text_content().unwrap();
    assert!(text.contains("80,00%") && text.contains("—"), "{text}");
    assert_eq!(all(&el, "line.bar-mark").len(), 1);
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_fold_builds_its_content_once_when_first_opened() {
    use cchc_tu_danh_gia::ui::fold::Fold;
    let el = container();
    let builds = RwSignal::new(0);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <Fold class="gap" summary=view! { <summary>"Mở"</summary> }.into_any()>
                {
                    builds.update_untracked(|n| *n += 1);
                    view! { <p class="noi-dung">"Nội dung"</p> }
                }
            </Fold>
            <Fold class="mo-san" open=true summary=view! { <summary>"Đã mở"</summary> }.into_any()>
                <p class="noi-dung">"Nội dung"</p>
            </Fold>
        }
    });
    leptos::task::tick().await;
    assert!(
        all(&el, ".gap .noi-dung").is_empty(),
        "nothing built while closed"
    );
    assert_eq!(
        all(&el, ".mo-san .noi-dung").len(),
        1,
        "an open fold is built at once"
    );
    let fold: web_sys::HtmlDetailsElement = all(&el, "details.gap")[0].clone().unchecked_into();
    let toggle = |open: bool| {
        fold.set_open(open);
        fold.dispatch_event(&web_sys::Event::new("toggle").unwrap())
            .unwrap();
    };
    toggle(true);
    leptos::task::tick().await;
    assert_eq!(all(&el, ".gap .noi-dung").len(), 1, "built when opened");
    toggle(false);
    leptos::task::tick().await;
    toggle(true);
    leptos::task::tick().await;
    assert_eq!(all(&el, ".gap .noi-dung").len(), 1);
    assert_eq!(builds.get_untracked(), 1, "built once, kept when closed");
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_pager_steps_between_pages_and_hides_while_one_page_holds_all() {
    use cchc_tu_danh_gia::domain::base::paging::PageSpan;
    use cchc_tu_danh_gia::ui::pager::{PageSize, Pager};
    let el = container();
    let page = RwSignal::new(0usize);
    let per_page = RwSignal::new(Some(50usize));
    let span = Signal::derive(move || PageSpan::of(190, page.get(), per_page.get()));
    let handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <div id="dau-danh-sach"></div>
            <PageSize id="so-dong-thu" value=per_page.into() on_change=Callback::new(move |n| { per_page.set(n); page.set(0); })/>
            <Pager span go=Callback::new(move |p| page.set(p)) label="Các trang thử" top="dau-danh-sach".to_string()/>
        }
    });
    leptos::task::tick().await;
    let nav = || all(&el, "nav.pager-nav")[0].clone();
    let buttons = || {
        all(&el, "nav.pager-nav button")
            .into_iter()
            .map(|b| b.unchecked_into::<web_sys::HtmlButtonElement>())
            .collect::<Vec<_>>()
    };
    let shown = || all(&el, ".pager-where")[0].text_content().unwrap();
    assert_eq!(
        nav().get_attribute("aria-label").as_deref(),
        Some("Các trang thử")
    );
    assert_eq!(shown(), "Trang 1/4");
    let leads_nowhere = |b: &web_sys::HtmlButtonElement| {
        b.get_attribute("aria-disabled").as_deref() == Some("true")
    };
    assert!(leads_nowhere(&buttons()[0]), "no page before the first");
    assert!(!leads_nowhere(&buttons()[1]));
    buttons()[1].click();
    leptos::task::tick().await;
    assert_eq!(
        (page.get_untracked(), shown()),
        (1, "Trang 2/4".to_string())
    );
    for _ in 0..5 {
        buttons()[1].click();
        leptos::task::tick().await;
    }
    assert_eq!(page.get_untracked(), 3, "never past the last page");
    assert!(leads_nowhere(&buttons()[1]));
    buttons()[0].click();
    leptos::task::tick().await;
    assert_eq!(shown(), "Trang 3/4");

    // "Tất cả": one page, no pager
    let select: web_sys::HtmlSelectElement = all(&el, "#so-dong-thu")[0].clone().unchecked_into();
    let labels: Vec<String> = all(&el, "#so-dong-thu option")
        .iter()
        .map(|o| o.text_content().unwrap())
        .collect();
    assert_eq!(labels, ["25", "50", "100", "Tất cả"]);
    select.set_value("tat-ca");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(per_page.get_untracked(), None);
    assert!(nav().has_attribute("hidden"));
    drop(handle);
}

//! The trainer's demo: one click loads fictional agencies into a separate
//! storage space (never mixed with real drafts or a real desk), one click
//! resets it, and a short guided tour walks through the app.

use crate::domain::base::i18n::{self, pick};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{bundled, page, storage};
use crate::domain::demo::read_demo;
use crate::ui::assessment::use_assessment;
use crate::ui::lazy::{lazy_view, ChunkError};
use crate::ui::route::Route;

/// The sample data, shipped with the app and cached for offline use.
pub const DEMO_URL: &str = "demo/du-lieu-mau.json";

/// Fills the demo space with the sample data, replacing what was there.
async fn seed() -> Result<(), String> {
    let text = bundled::fetch_text(DEMO_URL).await.map_err(|e| {
        tf!("{e}. Dữ liệu mẫu được lưu sẵn sau lần mở ứng dụng đầu tiên có mạng.", "{e}. The sample data is kept for offline use after the app's first visit with a network.")
    })?;
    let data = read_demo(text.as_bytes()).map_err(|p| {
        tf!(
            "Dữ liệu mẫu bị lỗi: {}",
            "The sample data is broken: {}",
            p[0]
        )
    })?;
    let was_demo = storage::in_demo();
    let write = || -> Result<(), storage::StoreError> {
        storage::set_space(true)?;
        storage::clear_demo()?;
        for (key, text) in &data.entries {
            storage::save_raw(key, text)?;
        }
        storage::save_raw(storage::TOUR_KEY, "0")
    };
    write().map_err(|e| {
        // half a demo is no demo: leave the user where they were
        let _ = storage::clear_demo();
        let _ = storage::set_space(was_demo);
        e.to_string()
    })
}

split_page!(
    du_lieu_mau,
    /// Fills the demo space and reloads into it: a chunk of its own, since
    /// only trainers and first-time visitors ask for the sample data. It
    /// draws nothing; the message says how it went.
    fn seed_and_reload(message: RwSignal<Option<String>>) -> Result<AnyView, ChunkError> {
        spawn_local(async move {
            match seed().await {
                Ok(()) => page::reload_at(&Route::Drafts.hash()),
                Err(e) => message.set(Some(e)),
            }
        });
        Ok(().into_any())
    }
);

/// Enters (or resets) the demo space and reloads into it.
fn start_demo(message: RwSignal<Option<String>>) {
    message.set(Some(
        t!("Đang nạp dữ liệu mẫu…", "Loading sample data…").into(),
    ));
    spawn_local(async move {
        if load_page!(seed_and_reload(message)).await.is_err() {
            message.set(Some(
                t!(
                    "Không tải được phần dữ liệu mẫu của ứng dụng (có thể do mất mạng). Hãy thử lại khi có mạng.",
                    "The sample data's part of the app could not be loaded (the network may be down). Try again when online."
                )
                .into(),
            ));
        }
    });
}

/// The strip under the header: a way into the demo, or, inside it, a
/// plain statement that this is sample data with reset, tour and exit.
#[component]
pub fn DemoBar() -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    let tour = use_tour();
    let leave = move |_| match storage::set_space(false) {
        Ok(()) => page::reload_at(&Route::Drafts.hash()),
        Err(e) => message.set(Some(e.to_string())),
    };
    let reset = move |_| {
        if page::confirm(t!("Đặt lại dữ liệu mẫu? Mọi thay đổi trong chế độ trình diễn sẽ mất; các bản thật của bạn không bị ảnh hưởng.", "Reset the sample data? Every change made in demo mode will be lost; your real drafts are not affected.")) {
            start_demo(message);
        }
    };
    // large text for a projector, remembered
    let large = RwSignal::new(storage::load_raw(storage::LARGE_TEXT_KEY).as_deref() == Some("1"));
    Effect::new(move |_| {
        let on = large.get();
        page::set_root_class("large-text", on);
        let _ = if on {
            storage::save_raw(storage::LARGE_TEXT_KEY, "1")
        } else {
            storage::remove(storage::LARGE_TEXT_KEY)
        };
    });
    let large_button = move || {
        view! {
            <button type="button" class="link-button" aria-pressed=move || large.get().to_string() on:click=move |_| large.update(|l| *l = !*l)>
                {t!("Chữ lớn (trình chiếu)", "Large text (projector)")}
            </button>
        }
    };
    // the interface language, remembered; applied by reloading (drafts are
    // autosaved, and flushed when the page goes away)
    let other = i18n::lang().other();
    let switch_language = move |_| match storage::save_lang(other) {
        Ok(()) => page::reload_at(&page::hash()),
        Err(e) => message.set(Some(e.to_string())),
    };
    let language_button = move || {
        view! {
            <button type="button" class="link-button" lang=other.code() on:click=switch_language>
                {match other {
                    i18n::Lang::En => "English",
                    i18n::Lang::Vi => "Tiếng Việt",
                }}
            </button>
        }
    };
    let bar = if storage::in_demo() {
        view! {
            <div class="demo-bar in-demo" role="region" aria-label={t!("Chế độ trình diễn", "Demo mode")}>
                <p>
                    <strong>{t!("Chế độ trình diễn.", "Demo mode.")}</strong>
                    {t!(" Dữ liệu mẫu của các cơ quan hư cấu thuộc tỉnh Minh Họa. Các bản thật của bạn được cất riêng, không bị thay đổi.", " Sample data of fictional agencies in Minh Họa province. Your real drafts are kept apart and are not changed.")}
                </p>
                <div class="demo-actions">
                    <button type="button" class="secondary" on:click=move |_| tour.open(0)>{t!("Hướng dẫn nhanh", "Quick tour")}</button>
                    <button type="button" class="secondary" on:click=reset>{t!("Đặt lại dữ liệu mẫu", "Reset sample data")}</button>
                    <button type="button" class="secondary" on:click=leave>{t!("Thoát trình diễn", "Leave demo")}</button>
                    {large_button()}
                    {language_button()}
                </div>
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="demo-bar">
                <button type="button" class="link-button" on:click=move |_| start_demo(message)>
                    {t!("Dùng thử với dữ liệu mẫu (trình diễn)", "Try it with sample data (demo)")}
                </button>
                <button type="button" class="link-button" on:click=move |_| tour.open(0)>{t!("Hướng dẫn nhanh", "Quick tour")}</button>
                {large_button()}
                {language_button()}
            </div>
        }
        .into_any()
    };
    view! {
        {bar}
        {move || message.get().map(|m| view! { <p class="banner banner-warn" role="status">{m}</p> })}
    }
}

/// How many stops the tour has (its texts load with the tour's chunk).
const TOUR_STOPS: usize = 7;

/// The tour's state: which stop is shown, if any. Kept in storage so a
/// reload (or entering the demo) resumes it.
#[derive(Clone, Copy)]
pub struct Tour {
    pub stop: RwSignal<Option<usize>>,
    /// Set by `open`: the stop's page is to be shown once the panel is up
    /// (not on a reload, which stays where the user was).
    go_there: StoredValue<bool>,
}

impl Tour {
    pub fn provide() -> Tour {
        let stop = storage::load_raw(storage::TOUR_KEY)
            .and_then(|s| s.parse::<usize>().ok())
            .filter(|i| *i < TOUR_STOPS);
        let tour = Tour {
            stop: RwSignal::new(stop),
            go_there: StoredValue::new(false),
        };
        provide_context(tour);
        tour
    }

    pub fn open(self, i: usize) {
        let _ = storage::save_raw(storage::TOUR_KEY, &i.to_string());
        self.go_there.set_value(true);
        self.stop.set(Some(i));
    }

    pub fn close(self) {
        self.stop.set(None);
        let _ = storage::remove(storage::TOUR_KEY);
    }
}

pub fn use_tour() -> Tour {
    expect_context::<Tour>()
}

/// The tour panel, loaded with its texts the first time the tour opens:
/// few users take the tour, so it is not part of the first page.
#[component]
pub fn TourPanel() -> impl IntoView {
    let tour = use_tour();
    let open = Memo::new(move |_| tour.stop.with(Option::is_some));
    move || open.get().then(|| lazy_view(load_page!(tour_panel())))
}

/// One stop of the guided tour.
struct Stop {
    /// (Vietnamese, English), shown through `i18n::pick`.
    title: (&'static str, &'static str),
    text: (&'static str, &'static str),
    /// Where it shows; None: the first field of the open draft.
    route: Option<Route>,
    /// Brought into view on that page.
    anchor: Option<&'static str>,
}

const STOPS: [Stop; TOUR_STOPS] = [
    Stop {
        title: ("Các bản tự đánh giá", "Self-assessment drafts"),
        text: ("Mỗi cơ quan một bản, lưu ngay trong trình duyệt. Danh sách cho biết tiến độ, điểm, xếp loại, đã nộp chưa và kết quả thẩm định. Bấm «Mở» để làm tiếp một bản.", "One draft per agency, saved right in the browser. The list shows progress, score, class, whether it was sent and the appraisal result. Press «Open» to continue a draft."),
        route: Some(Route::Drafts),
        anchor: None,
    },
    Stop {
        title: ("Chấm điểm từng lĩnh vực", "Scoring each field"),
        text: ("Mỗi lĩnh vực một trang. Chọn hoặc nhập kết quả: điểm hiện ngay kèm lý do. Với mỗi mục, ghi tài liệu kiểm chứng (số, ngày, trích yếu) hoặc giải trình; mục có điểm mà thiếu cả hai được đánh dấu.", "One page per field. Choose or enter the result: the score shows at once with its reason. For each item, cite evidence (number, date, summary) or write an explanation; a scored item with neither is flagged."),
        route: None,
        anchor: None,
    },
    Stop {
        title: ("Bảng tổng hợp", "Summary"),
        text: ("Điểm từng lĩnh vực, tổng điểm, chỉ số và xếp loại, cùng biểu đồ chỉ số theo lĩnh vực và danh sách mục chưa trả lời, thiếu tài liệu.", "Points per field, total, index and class, with a chart of the index by field and the lists of unanswered items and missing evidence."),
        route: Some(Route::Summary),
        anchor: None,
    },
    Stop {
        title: ("Điểm bị mất", "Points lost"),
        text: ("Các mục mất nhiều điểm nhất, và số điểm còn thiếu để lên loại trên: nơi cần tập trung trước khi nộp.", "The items that lose the most points, and the points still needed for the next class: where to focus before submitting."),
        route: Some(Route::Summary),
        anchor: Some("diem-bi-mat"),
    },
    Stop {
        title: ("Nộp hồ sơ", "Submitting"),
        text: ("«Xuất tệp nộp» tạo tệp JSON có niêm phong để gửi Sở Nội vụ; kèm bảng điểm CSV và bản in có chỗ ký của thủ trưởng.", "«Export submission» makes a sealed JSON file to send to the Department of Home Affairs, along with a CSV score sheet and a printout with a signature line for the head of the agency."),
        route: Some(Route::Summary),
        anchor: Some("nop-ho-so"),
    },
    Stop {
        title: ("Bàn thẩm định", "Appraisal desk"),
        text: ("Sở Nội vụ nhập các tệp nộp; ứng dụng tính lại điểm và cảnh báo tệp bị sửa. Thẩm định từng mục, gửi yêu cầu giải trình hoặc bổ sung, rồi chốt điểm.", "The Department of Home Affairs imports the submissions; the app recomputes the scores and warns about altered files. Appraise item by item, request explanations or evidence, then close the scores."),
        route: Some(Route::Desk),
        anchor: None,
    },
    Stop {
        title: ("Xếp hạng", "Ranking"),
        text: ("Xếp hạng các cơ quan theo tổng điểm sau thẩm định, có biểu đồ và xuất CSV.", "Agencies ranked by their total after appraisal, with a chart and a CSV export."),
        route: Some(Route::Ranking),
        anchor: None,
    },
];

/// Goes to the stop's page, then brings its place and the tour into view
/// (after the page has moved focus to its own heading).
fn show(i: usize) {
    let a = use_assessment();
    let stop = &STOPS[i];
    let route = stop.route.clone().unwrap_or_else(|| {
        a.set
            .get_untracked()
            .and_then(|s| s.fields.first().map(|f| f.code.clone()))
            .map(|code| Route::Field { code, item: None })
            .unwrap_or(Route::Start)
    });
    if a.route.get_untracked() != route {
        a.go(route);
    }
    let anchor = stop.anchor;
    set_timeout(
        move || {
            if let Some(id) = anchor {
                page::scroll_to(id);
            }
            page::focus("huong-dan-tieu-de");
        },
        std::time::Duration::from_millis(120),
    );
}

split_page!(
    huong_dan,
    /// The tour's dialog: its stop's text, and the way on.
    fn tour_panel() -> Result<AnyView, ChunkError> {
        Ok(tour_dialog().into_any())
    }
);

fn tour_dialog() -> impl IntoView {
    let tour = use_tour();
    let a = use_assessment();
    let message = RwSignal::new(None::<String>);
    // the page of a stop just opened is shown once the dialog is up
    Effect::new(move |_| {
        if let Some(i) = tour.stop.get() {
            if tour.go_there.get_value() {
                tour.go_there.set_value(false);
                show(i);
            }
        }
    });
    move || {
        tour.stop.get().map(|i| {
            let stop = &STOPS[i];
            let last = i + 1 == STOPS.len();
            // a first-time user has no draft yet: the form and the summary
            // are empty, so offer the sample data (the tour resumes there)
            let empty = matches!(stop.route, None | Some(Route::Summary))
                && a.set.with(Option::is_none)
                && !storage::in_demo();
            let empty_note = empty.then(|| view! {
                <p class="tour-empty">
                    {t!("Trang này còn trống vì chưa có bản tự đánh giá nào. ", "This page is empty because there is no draft yet. ")}
                    <button type="button" class="link-button" on:click=move |_| start_demo(message)>{t!("Xem với dữ liệu mẫu", "See it with sample data")}</button>
                </p>
                {move || message.get().map(|m| view! { <p class="banner banner-warn" role="status">{m}</p> })}
            });
            view! {
                <section class="tour" role="dialog" aria-modal="false" aria-labelledby="huong-dan-tieu-de">
                    <p class="tour-step">{tf!("Hướng dẫn nhanh · bước {} / {}", "Quick tour · step {} / {}", i + 1, STOPS.len())}</p>
                    <h2 id="huong-dan-tieu-de" tabindex="-1">{pick(stop.title.0, stop.title.1)}</h2>
                    <p>{pick(stop.text.0, stop.text.1)}</p>
                    {empty_note}
                    <div class="tour-actions">
                        <button type="button" class="secondary" disabled=i == 0 on:click=move |_| tour.open(i - 1)>{t!("Quay lại", "Back")}</button>
                        {if last {
                            view! { <button type="button" class="button" on:click=move |_| tour.close()>"Xong"</button> }.into_any()
                        } else {
                            view! { <button type="button" class="button" on:click=move |_| tour.open(i + 1)>{t!("Tiếp", "Next")}</button> }.into_any()
                        }}
                        <button type="button" class="link-button" on:click=move |_| tour.close()>{t!("Đóng hướng dẫn", "Close the tour")}</button>
                    </div>
                </section>
            }
        })
    }
}

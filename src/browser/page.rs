//! The page itself: the address's hash (#/…) used for navigation, moving
//! focus after a page change, and today's date for date checks.

use wasm_bindgen::JsCast;

/// The current location hash, with its leading '#'.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Sets the hash, adding a history entry (so Back works).
pub fn set_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}

/// Sets the hash in place, without a history entry or a hashchange event:
/// the address follows where the user works (so a reload returns there)
/// without moving anything on the page.
pub fn replace_hash(hash: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// Moves keyboard focus to an element (made focusable by tabindex=-1) and
/// scrolls it into view. Returns false when the element is not in the page.
pub fn focus(id: &str) -> bool {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    el.scroll_into_view();
    el.focus().is_ok()
}

/// Whether the keyboard focus is inside an open dialog (the guided tour),
/// which a page appearing later must not take it from.
pub fn focus_in_dialog() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|el| el.closest("[role=dialog]").ok().flatten())
        .is_some()
}

/// Today in the user's time zone, as YYYY-MM-DD.
pub fn today_iso() -> String {
    now_iso()[..10].to_string()
}

/// Now in the user's time zone, as YYYY-MM-DDTHH:MM:SS.
pub fn now_iso() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    )
}

/// A new identifier: time and randomness, base 36 (e.g. "mhq3k2-8f1x0a").
pub fn new_id() -> String {
    fn b36(mut n: u64) -> String {
        let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = Vec::new();
        loop {
            out.push(digits[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 2_176_782_336.0) as u64; // 36^6
    format!("{}-{}", b36(time), b36(random))
}

/// Whether the page is being hidden (tab switched, window minimised).
pub fn is_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}

/// Asks the user to confirm (the browser's own dialog, keyboard-operable).
/// When dialogs are blocked, the answer is no: nothing changes.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Opens the browser's print dialog (the print stylesheet does the layout).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Reloads the page at another address (used when switching data space,
/// so every piece of state is read again from the new space).
pub fn reload_at(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
        let _ = w.location().reload();
    }
}

/// Scrolls an element into view without moving focus.
pub fn scroll_to(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}

/// Declares the page's language (`<html lang>`, read by screen readers and
/// hyphenation) and its title.
pub fn set_language(code: &str, title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", code);
        }
        doc.set_title(title);
    }
}

/// Adds or removes a class on the root element (page-wide display modes).
pub fn set_root_class(name: &str, on: bool) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let list = el.class_list();
        let _ = if on {
            list.add_1(name)
        } else {
            list.remove_1(name)
        };
    }
}

/// Runs `f` and records its duration in the page's performance timeline
/// (User Timing) under `name`, where the benchmark and the browser's own
/// profiler read it.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let perf = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
    out
}

thread_local! {
    /// Looked up once: an import asks the time for each of its files.
    static PERFORMANCE: Option<web_sys::Performance> =
        web_sys::window().and_then(|w| w.performance());
}

/// Milliseconds since the page opened (performance.now()).
pub fn now_ms() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map(|p| p.now()).unwrap_or_default())
}

/// Yields to the browser (a zero-delay timeout), so that a long task drawn
/// in steps keeps the page responsive and its progress visible. Browsers
/// delay nested timeouts by 4 ms, so yield after a slice of work, not
/// after every small step.
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once the browser has painted what is on the page now: the next
/// animation frame, then a task after it.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    next_tick().await;
}

/// Adds a stylesheet to the page (once), and resolves when it has loaded,
/// or failed to: a page is then drawn unstyled rather than not at all.
pub async fn stylesheet(href: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let link = match doc
        .query_selector(&format!("link[href=\"{href}\"]"))
        .ok()
        .flatten()
    {
        Some(l) if l.has_attribute("data-loaded") => return,
        Some(l) => l,
        None => {
            let (Ok(l), Some(head)) = (
                doc.create_element("link"),
                doc.query_selector("head").ok().flatten(),
            ) else {
                return;
            };
            let _ = l.set_attribute("rel", "stylesheet");
            let _ = l.set_attribute("href", href);
            if head.append_child(&l).is_err() {
                return;
            }
            l
        }
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let _ = link.set_attribute("data-loaded", "");
}

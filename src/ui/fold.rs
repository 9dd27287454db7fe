//! A fold (`<details>`) whose content is built the first time it is opened:
//! a long list or chart that few readers open costs nothing until asked for.

use leptos::prelude::*;

/// `summary` is the fold's `<summary>` element, given whole so that the
/// caller styles it; `open` opens it (and builds its content) at once.
#[component]
pub fn Fold(
    #[prop(into)] class: String,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional)] open: bool,
    summary: AnyView,
    children: ChildrenFn,
) -> impl IntoView {
    let opened = RwSignal::new(open);
    // opened again after a close: no change, nothing rebuilt
    let built = Memo::new(move |_| opened.get());
    view! {
        <details class=class id=id open=open
            on:toggle=move |ev| {
                if event_target::<web_sys::HtmlDetailsElement>(&ev).open() {
                    opened.set(true);
                }
            }>
            {summary}
            {move || built.get().then(|| children())}
        </details>
    }
}

//! The one way an action's outcome is told: a success is a status, a
//! failure an alert.

use leptos::prelude::*;

pub fn outcome_banner(ok: bool, message: String) -> impl IntoView {
    view! {
        <p class=if ok { "banner banner-ok" } else { "banner banner-error" } role=if ok { "status" } else { "alert" }>
            {message}
        </p>
    }
}

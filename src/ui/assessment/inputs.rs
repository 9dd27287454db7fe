//! Input components, independent of the draft so they can be tested alone.
//! Each input has a visible label; its message sits right under it and is
//! tied to it with aria-describedby, and aria-invalid marks it.
//!
//! Numbers are typed into text inputs with a decimal keyboard, not
//! `type=number`: that one drops "0,5" (a Vietnamese decimal comma) and any
//! other text it cannot parse, and nothing typed may be thrown away.

use leptos::prelude::*;

/// One option of a radio group.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// E.g. "1 điểm".
    pub detail: String,
}

/// A radio group in a fieldset, with a button to clear the choice.
#[component]
pub fn ChoiceGroup(
    /// Unique prefix for ids and the radio group's name.
    id: String,
    legend: String,
    choices: Vec<Choice>,
    #[prop(into)] selected: Signal<Option<String>>,
    on_pick: Callback<Option<String>>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let name = id.clone();
    let options = choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let input_id = format!("{id}-{i}");
            let value = c.id.clone();
            let checked_id = c.id.clone();
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=input_id.clone()
                        name=name.clone()
                        value=c.id.clone()
                        prop:checked=move || selected.with(|s| s.as_deref() == Some(checked_id.as_str()))
                        prop:disabled=move || disabled.get()
                        on:change=move |_| on_pick.run(Some(value.clone()))
                    />
                    <label for=input_id>
                        {c.label}
                        <span class="choice-points">{c.detail}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend class="visually-hidden">{legend}</legend>
            {options}
            <button
                type="button"
                class="link-button clear-choice"
                hidden=move || selected.with(Option::is_none) || disabled.get()
                on:click=move |_| on_pick.run(None)
            >{t!("Bỏ chọn", "Clear choice")}</button>
        </fieldset>
    }
}

/// A labelled text input (numbers are typed as text, see the module doc).
#[component]
pub fn TextInput(
    id: String,
    label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    /// Shown after the input, e.g. "%".
    #[prop(optional)]
    suffix: Option<String>,
    /// "decimal", "numeric", "email", "tel", "url", "text".
    #[prop(default = "text")]
    inputmode: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(into, optional)] disabled: Signal<bool>,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(default = "off")] autocomplete: &'static str,
) -> impl IntoView {
    let err_id = format!("{id}-loi");
    let hint_id = format!("{id}-goi-y");
    let has_hint = hint.is_some();
    let described = {
        let (err_id, hint_id) = (err_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(err_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="text-input" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>
                {label}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </label>
            <span class="input-line">
                <input
                    id=id
                    type=kind
                    inputmode=inputmode
                    autocomplete=autocomplete
                    spellcheck="false"
                    required=required
                    prop:value=move || value.get()
                    prop:disabled=move || disabled.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                    aria-invalid=move || error.with(|e| e.is_some().then_some("true"))
                    aria-describedby=described
                />
                {suffix.map(|s| view! { <span class="suffix" aria-hidden="true">{s}</span> })}
            </span>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || error.get().map(|m| view! { <p class="field-error" id=err_id.clone()>{m}</p> })}
        </div>
    }
}

/// A labelled multi-line text.
#[component]
pub fn TextArea(
    id: String,
    label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    let hint_id = format!("{id}-goi-y");
    let described = hint.is_some().then(|| hint_id.clone());
    view! {
        <div class="text-input">
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                rows=rows
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-describedby=described
            ></textarea>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
        </div>
    }
}

/// A direct score: a text input between − and + buttons that move by the
/// set's step. The buttons say what they do for screen readers.
#[component]
pub fn Stepper(
    id: String,
    label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    on_step: Callback<bool>,
    #[prop(into)] error: Signal<Option<String>>,
    step_text: String,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let down = tf!("Giảm {step_text} điểm", "Decrease by {step_text} points");
    let up = tf!("Tăng {step_text} điểm", "Increase by {step_text} points");
    view! {
        <div class="stepper">
            <button type="button" class="step" aria-label=down prop:disabled=move || disabled.get() on:click=move |_| on_step.run(false)>"−"</button>
            <TextInput id label value on_input error inputmode="decimal" disabled suffix={t!("điểm", "points").to_string()}/>
            <button type="button" class="step" aria-label=up prop:disabled=move || disabled.get() on:click=move |_| on_step.run(true)>"+"</button>
        </div>
    }
}

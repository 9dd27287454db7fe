//! A criteria set as a collapsible tree: field → criterion → sub-criterion,
//! with codes, maxima and each rule in plain Vietnamese. Built on
//! <details>/<summary>, which are keyboard-operable without any script.

use leptos::prelude::*;

use crate::domain::criteria::rule_text::{kind_text, rule_line};
use crate::domain::{CriteriaSet, Rule, ScoredUnit};

#[component]
pub fn CriteriaTree(set: CriteriaSet) -> impl IntoView {
    // None: as the user left them; Some(b): all opened or all closed.
    let all_open = RwSignal::new(None::<bool>);
    let fields = set
        .fields
        .iter()
        .map(|f| {
            let criteria = f
                .criteria
                .iter()
                .map(|c| {
                    let body = if c.rule.is_some() {
                        c.units(f).map(|u| unit_detail(&u)).collect_view().into_any()
                    } else {
                        view! {
                            <ol class="items">
                                {c.units(f).map(|u| view! { <li>{unit_detail(&u)}</li> }).collect_view()}
                            </ol>
                        }
                        .into_any()
                    };
                    view! {
                        <li>
                            <details class="criterion" prop:open=move || all_open.get().unwrap_or(false)>
                                <summary>
                                    <span class="code">{c.code.clone()}</span>
                                    <span class="title">{c.title_shown().to_string()}</span>
                                    <span class="max">{max_label(c.rule.as_ref(), c.max)}</span>
                                </summary>
                                {body}
                            </details>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="field" prop:open=move || all_open.get().unwrap_or(false)>
                    <summary>
                        <span class="code">{f.code.clone()}</span>
                        <span class="title">{f.title_shown().to_string()}</span>
                        <span class="max">{tf!("{} điểm", "{} points", f.max.shown())}</span>
                    </summary>
                    <ol class="criteria">{criteria}</ol>
                </details>
            }
        })
        .collect_view();
    view! {
        <div class="tree-tools">
            <button type="button" on:click=move |_| all_open.set(Some(true))>{t!("Mở tất cả", "Expand all")}</button>
            <button type="button" on:click=move |_| all_open.set(Some(false))>{t!("Thu gọn tất cả", "Collapse all")}</button>
        </div>
        <div class="tree">{fields}</div>
    }
}

fn max_label(rule: Option<&Rule>, max: crate::domain::Dec) -> String {
    match rule {
        Some(Rule::Bonus { .. }) => tf!(
            "thưởng tối đa {} điểm",
            "bonus up to {} points",
            max.shown()
        ),
        Some(Rule::Deduction { .. }) => t!("điểm trừ", "deduction").to_string(),
        _ => tf!("{} điểm", "{} points", max.shown()),
    }
}

/// One scored unit: code, title, maximum, rule kind, the rule in words,
/// guidance and the evidence required.
fn unit_detail(u: &ScoredUnit) -> impl IntoView {
    let is_criterion = u.code == u.criterion.code;
    view! {
        <div class="unit" id=format!("tc-{}", u.code)>
            {(!is_criterion).then(|| view! {
                <p class="unit-head">
                    <span class="code">{u.code.to_string()}</span>
                    <span class="title">{u.title_shown().to_string()}</span>
                    <span class="max">{max_label(Some(u.rule), u.max)}</span>
                </p>
            })}
            <p class="unit-tags">
                <span class="badge badge-kind">{kind_text(u.rule)}</span>
                {u.allow_na.then(|| view! { <span class="badge badge-na">{t!("Được chọn «không áp dụng»", "May be marked «not applicable»")}</span> })}
                {u.rule.is_survey().then(|| view! { <span class="badge badge-survey">{t!("Không tự chấm", "Not self-scored")}</span> })}
            </p>
            <p class="rule"><strong>{t!("Cách chấm: ", "How it is scored: ")}</strong>{rule_line(u.rule, u.max)}</p>
            {u.guidance.map(|g| view! { <p class="guidance"><strong>{t!("Hướng dẫn chấm: ", "Scoring guidance: ")}</strong>{g.to_string()}</p> })}
            {u.evidence.map(|e| view! { <p class="evidence"><strong>{t!("Tài liệu kiểm chứng: ", "Evidence: ")}</strong>{e.to_string()}</p> })}
        </div>
    }
}

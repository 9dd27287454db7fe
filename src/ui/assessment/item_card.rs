//! One item (or a criterion scored directly): how it is scored, the input
//! its rule needs, "không áp dụng" where allowed, the points with the
//! reason in words, the missing-evidence flag, and its evidence.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::assessment::summary::na_without_reason;
use crate::domain::criteria::rule_text::{deduction_text, points_text, rule_line};
use crate::domain::{AnswerInput, InputKind};
use crate::domain::{CriteriaSet, Dec, ItemScore, ItemStatus, Rule, ScoredUnit};
use crate::ui::assessment::evidence::EvidenceEditor;
use crate::ui::assessment::inputs::{Choice, ChoiceGroup, Stepper, TextInput};
use crate::ui::assessment::use_assessment;

/// The id of an item's card; its heading is `<id>-tieu-de`.
pub fn item_dom_id(code: &str) -> String {
    format!("muc-{code}")
}

/// The radio choices of a levels, bonus, deduction or yes/no rule.
pub fn choices_of(unit: &ScoredUnit) -> Vec<Choice> {
    let c = |id: &str, label: &str, detail: String| Choice {
        id: id.to_string(),
        label: label.to_string(),
        detail,
    };
    match unit.rule {
        Rule::Levels { options } => options
            .iter()
            .map(|o| c(&o.id, o.label_shown(), points_text(o.points)))
            .collect(),
        Rule::Bonus { options } => options
            .iter()
            .map(|o| {
                c(
                    &o.id,
                    o.label_shown(),
                    tf!("cộng {}", "plus {}", points_text(o.points)),
                )
            })
            .collect(),
        Rule::Deduction { options } => options
            .iter()
            .map(|o| c(&o.id, o.label_shown(), deduction_text(o.points, o.percent)))
            .collect(),
        Rule::YesNo {
            yes_label,
            no_label,
            yes_points,
            no_points,
        } => vec![
            c(
                "yes",
                yes_label.as_deref().unwrap_or(t!("Có", "Yes")),
                points_text(yes_points.unwrap_or(unit.max)),
            ),
            c(
                "no",
                no_label.as_deref().unwrap_or(t!("Không", "No")),
                points_text(no_points.unwrap_or(Dec::ZERO)),
            ),
        ],
        _ => Vec::new(),
    }
}

fn max_text(rule: &Rule, max: Dec) -> String {
    match rule {
        Rule::Bonus { .. } => tf!("thưởng tối đa {}", "bonus up to {}", points_text(max)),
        Rule::Deduction { .. } => t!("điểm trừ", "deduction").into(),
        Rule::Survey {} => tf!("{} · điều tra XHH", "{} · survey", points_text(max)),
        _ => points_text(max),
    }
}

/// What an item's result line says: its class, what the item earns now,
/// and why.
fn result_parts(unit_rule: &Rule, s: &ItemScore) -> (&'static str, String, Option<String>) {
    let (class, head) = match (s.status, unit_rule) {
        (ItemStatus::Scored, Rule::Bonus { .. }) => (
            "scored",
            tf!("+{} thưởng", "+{} bonus", points_text(s.points)),
        ),
        (ItemStatus::Scored, Rule::Deduction { .. }) => {
            ("deducted", format!("−{}", points_text(s.points)))
        }
        (ItemStatus::Scored, _) => (
            "scored",
            format!("{} / {}", s.points.shown(), points_text(s.max)),
        ),
        (ItemStatus::NotApplicable, _) => ("na", t!("Không áp dụng", "Not applicable").to_string()),
        (ItemStatus::Unanswered, _) => {
            ("unanswered", t!("Chưa trả lời", "Not answered").to_string())
        }
        (ItemStatus::Invalid, _) => (
            "invalid",
            t!("Chưa tính điểm", "Not scored yet").to_string(),
        ),
        (ItemStatus::Survey, _) => ("survey", t!("Không tự chấm", "Not self-scored").to_string()),
    };
    let reason = match s.status {
        ItemStatus::Unanswered => None,
        _ => Some(s.reason.clone()),
    };
    (class, head, reason)
}

/// The item's result line, drawn once: a keystroke changes its class and
/// texts in place. (Rebuilding the line as a new view on every change
/// removed and set again every attribute of its three elements: with
/// `erase_components` an element's attributes are rebuilt as a list.) Its
/// class, points and reason, each None while the item has no result.
fn result_line(
    class: Memo<Option<String>>,
    head: Memo<Option<String>>,
    reason: Memo<Option<String>>,
) -> impl IntoView {
    let has = Memo::new(move |_| head.with(Option::is_some));
    let text = |m: Memo<Option<String>>| move || m.get().unwrap_or_default();
    move || {
        has.get().then(|| {
            view! {
                <p class=text(class)>
                    <strong class="result-points">{text(head)}</strong>
                    <span class="result-reason" hidden=move || reason.with(Option::is_none)>{text(reason)}</span>
                </p>
            }
        })
    }
}

#[component]
pub fn ItemCard(set: Arc<CriteriaSet>, code: String) -> impl IntoView {
    let a = use_assessment();
    let Some(unit) = set.scored_units().find(|u| u.code == code) else {
        return ().into_any();
    };
    let dom_id = item_dom_id(&code);
    let heading_id = format!("{dom_id}-tieu-de");
    let kind = InputKind::of(unit.rule);
    let is_criterion = unit.code == unit.criterion.code;
    let rule = unit.rule.clone();
    let (max, allow_na) = (unit.max, unit.allow_na);
    let choices = choices_of(&unit);
    let rule_text = rule_line(unit.rule, unit.max);
    let guidance = unit.guidance.map(str::to_string);
    let evidence_hint = unit.evidence.map(str::to_string);
    let title = unit.title_shown().to_string();

    let item = a.item(&code);
    let response = Memo::new(move |_| item.with(|i| i.response.clone()));
    let read = {
        let (set, code) = (set.clone(), code.clone());
        Memo::new(move |_| {
            let unit = set.scored_units().find(|u| u.code == code)?;
            Some(response.with(|r| r.read(&unit)).problems)
        })
    };
    let problem = move |input: AnswerInput| {
        Signal::derive(move || {
            read.with(|p| {
                p.as_ref()
                    .and_then(|p| p.iter().find(|(i, _)| *i == input).map(|(_, m)| m.clone()))
            })
        })
    };
    // memos over the item's own signal: they re-run when this item changes,
    // never for another, and wake what shows them only when their own part
    // changed
    // The evidence flag (and the card's flagged border) follows the result
    // a frame late, as the totals do (see `Assessment::with_totals`): it is
    // advice about the answer, and when it comes or goes every card below
    // moves, which the frame showing the key's result need not wait for.
    let lacking_now = Memo::new(move |_| item.with(|i| i.lacking));
    let lacking = RwSignal::new(lacking_now.get_untracked());
    Effect::new(move |_| {
        if lacking_now.get() != lacking.get_untracked() {
            leptos::task::spawn_local(async move {
                crate::browser::page::after_paint().await;
                // the card may have left the page meanwhile
                if let Some(now) = lacking_now.try_get_untracked() {
                    lacking.try_set(now);
                }
            });
        }
    });
    let exempt = Memo::new(move |_| item.with(|i| i.exempt.clone()));
    // memos, not derived signals: a keystroke changes the response, and
    // each input's value and state is set in the page again only when it
    // changed (a property binding writes the DOM on every re-run)
    let na =
        Memo::new(move |_| response.with(|r| r.not_applicable) || exempt.with(Option::is_some));

    let edit = {
        let code = code.clone();
        move |f: Box<dyn FnOnce(&mut crate::domain::Response)>| a.edit(&code, f)
    };
    let set_text = |field: fn(&mut crate::domain::Response) -> &mut String| {
        let edit = edit.clone();
        Callback::new(move |v: String| edit(Box::new(move |r| *field(r) = v)))
    };
    let text_of = move |field: fn(&crate::domain::Response) -> &String| {
        Memo::new(move |_| response.with(|r| field(r).clone()))
    };

    let input = match kind {
        InputKind::Survey => view! {
            <p class="survey-note">
                <span class="badge badge-survey">{t!("Không tự chấm", "Not self-scored")}</span>
                {t!(" Điểm của tiêu chí này do điều tra xã hội học xác định; cơ quan không nhập điểm.", " This item's score comes from the sociological survey; the agency does not enter it.")}
            </p>
        }
        .into_any(),
        InputKind::Choice | InputKind::YesNo => {
            let edit = edit.clone();
            view! {
                <ChoiceGroup
                    id=format!("{dom_id}-chon")
                    legend=tf!("Mức đạt được của {code}", "Level reached for {code}")
                    choices
                    selected=Memo::new(move |_| response.with(|r| r.choice.clone()))
                    on_pick=Callback::new(move |c: Option<String>| edit(Box::new(move |r| r.choice = c)))
                    disabled=na
                />
            }
            .into_any()
        }
        InputKind::Percent => view! {
            <TextInput
                id=format!("{dom_id}-ty-le")
                label={t!("Tỷ lệ đạt được", "Percentage reached").to_string()}
                value=text_of(|r| &r.value)
                on_input=set_text(|r| &mut r.value)
                error=problem(AnswerInput::Value)
                suffix="%".to_string()
                inputmode="decimal"
                disabled=na
            />
        }
        .into_any(),
        InputKind::Fraction => {
            let (num_label, den_label) = match &rule {
                Rule::PercentBands {
                    numerator_label,
                    denominator_label,
                    ..
                }
                | Rule::Ratio {
                    numerator_label,
                    denominator_label,
                    ..
                } => (
                    numerator_label.clone().unwrap_or_else(|| t!("Tử số", "Numerator").into()),
                    denominator_label.clone().unwrap_or_else(|| t!("Mẫu số", "Denominator").into()),
                ),
                _ => (t!("Tử số", "Numerator").into(), t!("Mẫu số", "Denominator").into()),
            };
            let computed = move || {
                response.with(|r| {
                    let n = Dec::parse(&r.numerator).ok()?;
                    let d = Dec::parse(&r.denominator).ok()?;
                    (d > Dec::ZERO && !n.is_negative()).then(|| {
                        format!(
                            "= {}%",
                            Dec::from_ratio(n.hundredths() as i128 * 100, d.hundredths() as i128)
                                .shown()
                        )
                    })
                })
            };
            view! {
                <div class="fraction">
                    <TextInput
                        id=format!("{dom_id}-tu-so")
                        label=num_label
                        value=text_of(|r| &r.numerator)
                        on_input=set_text(|r| &mut r.numerator)
                        error=problem(AnswerInput::Numerator)
                        inputmode="decimal"
                        disabled=na
                    />
                    <span class="fraction-bar" aria-hidden="true">"÷"</span>
                    <TextInput
                        id=format!("{dom_id}-mau-so")
                        label=den_label
                        value=text_of(|r| &r.denominator)
                        on_input=set_text(|r| &mut r.denominator)
                        error=problem(AnswerInput::Denominator)
                        inputmode="decimal"
                        disabled=na
                    />
                    <output class="computed" for=format!("{dom_id}-tu-so {dom_id}-mau-so")>{computed}</output>
                </div>
            }
            .into_any()
        }
        InputKind::Count => {
            let label = match &rule {
                Rule::CountBands { unit: Some(u), .. } => tf!("Số {u}", "Number of {u}"),
                _ => t!("Số lượng", "Count").into(),
            };
            view! {
                <TextInput
                    id=format!("{dom_id}-so-luong")
                    label
                    value=text_of(|r| &r.value)
                    on_input=set_text(|r| &mut r.value)
                    error=problem(AnswerInput::Value)
                    inputmode="numeric"
                    disabled=na
                />
            }
            .into_any()
        }
        InputKind::Direct => {
            let step = match &rule {
                Rule::Direct { step } => *step,
                _ => Dec::from_hundredths(1),
            };
            let edit = edit.clone();
            view! {
                <Stepper
                    id=format!("{dom_id}-diem")
                    label=tf!("Điểm tự chấm (0 đến {}, bước {})", "Self-score (0 to {}, step {})", max.shown(), step.shown())
                    value=text_of(|r| &r.value)
                    on_input=set_text(|r| &mut r.value)
                    on_step=Callback::new(move |up: bool| {
                        edit(Box::new(move |r| r.value = r.step_value(step, max, up)))
                    })
                    error=problem(AnswerInput::Value)
                    step_text=step.shown()
                    disabled=na
                />
            }
            .into_any()
        }
    };

    let na_box = allow_na.then(|| {
        let edit = edit.clone();
        let na_id = format!("{dom_id}-kad");
        view! {
            <div class="na-toggle">
                <input
                    type="checkbox"
                    id=na_id.clone()
                    prop:checked=move || na.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        edit(Box::new(move |r| r.not_applicable = on));
                    }
                />
                <label for=na_id>{t!("Không áp dụng đối với cơ quan, đơn vị", "Not applicable to the agency or unit")}</label>
                {move || item.with(|i| na_without_reason(&i.response)).then(|| view! {
                    <p class="field-warning" role="status">{t!(
                        "Nêu lý do không áp dụng ở phần «Tài liệu kiểm chứng» bên dưới (ô Giải trình): mục này được bỏ khỏi điểm tối đa, nên Hội đồng sẽ hỏi vì sao.",
                        "Give the reason under «Evidence» below (the Explanation box): the item leaves the maximum, so the council will ask why."
                    )}</p>
                })}
            </div>
        }
    });

    let result = |part: fn((&'static str, String, Option<String>)) -> Option<String>| {
        let rule = rule.clone();
        Memo::new(move |_| {
            item.with(|i| i.score.as_ref().and_then(|s| part(result_parts(&rule, s))))
        })
    };
    let (result_class, result_head, result_reason) = (
        result(|(class, _, _)| Some(format!("item-result result-{class}"))),
        result(|(_, head, _)| Some(head)),
        result(|(_, _, reason)| reason),
    );
    let review = move || item.with(|i| i.review.clone());
    let show_evidence = !matches!(kind, InputKind::Survey);
    // Reopening the draft later brings the user back to the item last worked on.
    let position = crate::ui::route::Route::item(&unit.field.code, &code).hash();
    // The address follows too, so a reload returns to this item.
    let remember = move |_| {
        let id = a.draft.with_untracked(|d| d.id.clone());
        crate::ui::assessment::draft_store::remember_position(&id, &position);
        if crate::browser::page::hash() != position {
            crate::browser::page::replace_hash(&position);
        }
    };
    view! {
        <article
            on:focusin=remember
            class="item-card"
            class:flagged=lacking
            id=dom_id.clone()
            aria-labelledby=heading_id.clone()
        >
            <header class="item-head">
                {if is_criterion {
                    view! { <h3 id=heading_id.clone() tabindex="-1"><span class="code">{code.clone()}</span>" "{title}</h3> }.into_any()
                } else {
                    view! { <h4 id=heading_id.clone() tabindex="-1"><span class="code">{code.clone()}</span>" "{title}</h4> }.into_any()
                }}
                <span class="max">{max_text(&rule, max)}</span>
            </header>
            // The options already say their points; other rules need the bands.
            {(!matches!(kind, InputKind::Choice | InputKind::YesNo)).then(|| view! {
                <p class="rule"><strong>{t!("Cách chấm: ", "How it is scored: ")}</strong>{rule_text}</p>
            })}
            {guidance.map(|g| view! { <p class="guidance"><strong>{t!("Hướng dẫn chấm: ", "Scoring guidance: ")}</strong>{g}</p> })}
            {evidence_hint.clone().map(|e| view! { <p class="evidence-hint"><strong>{t!("Tài liệu kiểm chứng cần có: ", "Evidence required: ")}</strong>{e}</p> })}
            {move || {
                review().map(|ap| view! {
                    <div class="review-feedback" role="note">
                        <strong>{t!("Thẩm định: ", "Appraisal: ")}</strong>
                        {(!ap.score.trim().is_empty()).then(|| tf!("{} điểm. ", "{} points. ", ap.score.trim()))}
                        {(ap.request != crate::domain::assessment::review_file::RequestKind::None).then(|| format!("{}. ", ap.request.label()))}
                        {(!ap.comment.trim().is_empty()).then(|| tf!("Ý kiến: {}", "Comment: {}", ap.comment.trim()))}
                    </div>
                })
            }}
            {move || exempt.get().map(|label| view! {
                <p class="exempt-note" role="note">
                    <span class="badge badge-survey">{t!("Miễn chấm", "Exempt")}</span>
                    {tf!(" Cơ quan đã khai «{label}» ở trang Bắt đầu: mục này không chấm và không tính vào điểm tối đa.", " The agency declared «{label}» on the Start page: this item is not scored and is removed from the maximum.")}
                </p>
            })}
            <div class="item-input">{input}{na_box}</div>
            <div class="item-status" aria-live="polite">
                {result_line(result_class, result_head, result_reason)}
                {move || lacking.get().then(|| view! {
                    <p class="flag">{t!("⚑ Thiếu tài liệu kiểm chứng: hãy dẫn văn bản hoặc ghi giải trình", "⚑ Evidence missing: cite a document or write an explanation")}</p>
                })}
            </div>
            {show_evidence.then(|| view! { <EvidenceEditor code=code.clone() response/> })}
        </article>
    }
    .into_any()
}

//! One item's appraisal on a submission's page: the appraised score
//! (checked against the item's rule), the request and the comment, the
//! council's differing words to choose from, and the item's history. Each
//! cell follows a signal of its own, fed by the page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::page;
use crate::domain::appraisal::council::AppraisalEvent;
use crate::domain::appraisal::desk::DeskEntry;
use crate::domain::assessment::review_file::{check_appraised, Appraisal, RequestKind};
use crate::domain::CriteriaSet;
use crate::ui::assessment::inputs::TextInput;
use crate::ui::review::use_review;

/// One item's appraisal and the council's words on it, as the desk holds
/// them: what an item's cell shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellState {
    appraisal: Appraisal,
    conflict: Option<Vec<AppraisalEvent>>,
    history: Option<Vec<AppraisalEvent>>,
}

impl CellState {
    pub fn of(e: &DeskEntry, code: &str) -> CellState {
        CellState {
            appraisal: e.appraisals.get(code).cloned().unwrap_or_default(),
            conflict: e.conflicts.get(code).cloned(),
            history: e.history.get(code).cloned(),
        }
    }

    /// Whether this is still what the entry holds (compared in place, with
    /// nothing copied: it runs for every item on every keystroke).
    pub fn is_of(&self, e: &DeskEntry, code: &str) -> bool {
        e.appraisals
            .get(code)
            .map_or(self.appraisal == Appraisal::default(), |a| {
                *a == self.appraisal
            })
            && e.conflicts.get(code) == self.conflict.as_ref()
            && e.history.get(code) == self.history.as_ref()
    }
}

/// The appraisal of one item: score (checked against the rule), request,
/// comment. Disabled once the scores are locked.
pub fn appraisal_cell(
    key: &str,
    set: &Arc<CriteriaSet>,
    code: &str,
    cell: RwSignal<CellState>,
    locked: Signal<bool>,
) -> impl IntoView {
    let r = use_review();
    let appraisal = Memo::new(move |_| cell.with(|c| c.appraisal.clone()));
    let (k, c) = (key.to_string(), code.to_string());
    let edit = move |f: Box<dyn FnOnce(&mut Appraisal)>| {
        let c = c.clone();
        r.edit(&k, move |e| {
            e.appraise(
                &c,
                &r.seat.with_untracked(|s| s.me.clone()),
                &page::now_iso(),
                f,
            );
        })
    };
    let council = Memo::new(move |_| cell.with(|c| (c.conflict.clone(), c.history.clone())));
    let (k, c) = (key.to_string(), code.to_string());
    let resolve = Callback::new(move |i: usize| {
        let c = c.clone();
        r.edit(&k, move |e| {
            e.choose(
                &c,
                i,
                &r.seat.with_untracked(|s| s.me.clone()),
                &page::now_iso(),
            );
        })
    });
    let (unit_set, ucode) = (set.clone(), code.to_string());
    let error = Signal::derive(move || {
        let unit = unit_set.scored_units().find(|u| u.code == ucode)?;
        appraisal.with(|a| check_appraised(&unit, &a.score).err())
    });
    let id = format!("td-{code}");
    let code_shown = code.to_string();
    let (e1, e2, e3) = (edit.clone(), edit.clone(), edit);
    view! {
        <div class="appraisal-cell">
            <TextInput
                id=format!("{id}-diem")
                label=tf!("Điểm thẩm định {code}", "Appraised score {code}")
                value=Signal::derive(move || appraisal.with(|a| a.score.clone()))
                on_input=Callback::new(move |v: String| e1(Box::new(move |a| a.score = v)))
                error
                inputmode="decimal"
                disabled=locked
            />
            <label for=format!("{id}-yeu-cau") class="visually-hidden">{tf!("Yêu cầu đối với {code}", "Request for {code}")}</label>
            <select
                id=format!("{id}-yeu-cau")
                prop:value=move || appraisal.with(|a| a.request.code())
                prop:disabled=move || locked.get()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let k = RequestKind::ALL.into_iter().find(|k| k.code() == v).unwrap_or_default();
                    e2(Box::new(move |a| a.request = k));
                }
            >
                {RequestKind::ALL.into_iter().map(|k| view! { <option value=k.code()>{k.label()}</option> }).collect_view()}
            </select>
            <label for=format!("{id}-y-kien") class="visually-hidden">{tf!("Ý kiến thẩm định {code}", "Appraisal comment {code}")}</label>
            <textarea
                id=format!("{id}-y-kien")
                rows="2"
                placeholder={t!("Ý kiến thẩm định", "Appraisal comment")}
                prop:value=move || appraisal.with(|a| a.comment.clone())
                prop:disabled=move || locked.get()
                on:input=move |ev| { let v = event_target_value(&ev); e3(Box::new(move |a| a.comment = v)); }
            ></textarea>
            {move || council.with(|(conflict, _)| conflict.clone()).map(|candidates| {
                let code = code_shown.clone();
                view! {
                    <div class="conflict" role="group" aria-label={tf!("Ý kiến khác nhau về mục {code}", "Differing words on item {code}")}>
                        <p><strong>{t!("Chưa thống nhất — chọn một ý kiến:", "Not agreed — choose one word:")}</strong></p>
                        <ul>{candidates.into_iter().enumerate().map(|(i, c)| {
                            let who = c.by.shown();
                            view! {
                                <li>
                                    {step_text(&c)}
                                    " "
                                    <button type="button" class="secondary small" prop:disabled=move || locked.get() on:click=move |_| resolve.run(i)>
                                        {tf!("Chọn ý kiến của {who}", "Choose the word of {who}")}
                                    </button>
                                </li>
                            }
                        }).collect_view()}</ul>
                    </div>
                }
            })}
            {move || {
                let me = r.seat.with(|s| s.me.clone());
                council.with(|(_, history)| history.clone()).filter(|h| h.len() > 1 || h.iter().any(|s| s.by != me)).map(|h| view! {
                    <details class="history">
                        <summary>{tf!("Lịch sử thẩm định ({})", "Appraisal history ({})", h.len())}</summary>
                        <ol>{h.iter().map(|s| view! { <li>{step_text(s)}</li> }).collect_view()}</ol>
                    </details>
                })
            }}
        </div>
    }
}

/// One step of an item's appraisal as a line: who, when, in which round,
/// the score, the request and the comment.
fn step_text(s: &AppraisalEvent) -> String {
    let mut parts = vec![
        format!(
            "{} · {} · {}",
            s.by.shown(),
            crate::domain::assessment::stored::datetime_text(&s.at),
            tf!("lần nộp {}", "submission {}", s.round)
        ),
        tf!(
            "điểm {}",
            "score {}",
            if s.appraisal.score.trim().is_empty() {
                "—"
            } else {
                s.appraisal.score.trim()
            }
        ),
    ];
    if s.appraisal.request != RequestKind::None {
        parts.push(s.appraisal.request.label().to_string());
    }
    if !s.appraisal.comment.trim().is_empty() {
        parts.push(format!("«{}»", s.appraisal.comment.trim()));
    }
    parts.join("; ")
}

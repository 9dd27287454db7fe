//! One agency's submission on the desk: what was checked, the status, and
//! every item with the self-score, the recomputed score, the evidence and
//! the explanation beside each other. Text from the file is only ever
//! rendered as text.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::{files, page};
use crate::domain::appraisal::council::in_fields;
use crate::domain::appraisal::desk::{appraised_report, changed_items};
use crate::domain::assessment::review_file::ReviewStatus;
use crate::domain::base::text::file_slug;
use crate::domain::Dec;
use crate::ui::app::LibraryState;
use crate::ui::assessment::inputs::TextInput;
use crate::ui::review::appraisal_cell::{appraisal_cell, CellState};
use crate::ui::review::{use_review, DeskSaveStatus};

#[component]
pub fn EntryPage(key: String) -> impl IntoView {
    let r = use_review();
    let lib = expect_context::<LibraryState>();
    let checks = r.checks;
    let only_missing = RwSignal::new(false);
    let only_different = RwSignal::new(false);
    let loaded_message = RwSignal::new(None::<String>);
    let k = key.clone();
    // The page is drawn from the submission only; the appraisal, status and
    // survey score are slices of their own, so typing an appraised score
    // redraws that cell, not the table.
    // Which rounds are shown, by their seals: a keystroke in an appraisal
    // compares two short strings here, not two whole submissions.
    let shown = Memo::new(move |_| {
        r.desk.with(|d| {
            d.entries.get(&k).map(|e| {
                (
                    e.submission.digest.clone(),
                    e.previous.as_ref().map(|p| p.digest.clone()),
                    e.file_name.clone(),
                    // a re-import, even of a file whose stated seal is unchanged
                    e.imported_at.clone(),
                )
            })
        })
    });
    let k = key.clone();
    let entry = Memo::new(move |_| {
        // read, not `track()`: tracking a memo does not run it, and a memo
        // nobody ran never hears of the desk's changes
        shown.with(|_| ());
        r.desk.with_untracked(|d| {
            d.entries.get(&k).map(|e| {
                (
                    e.submission.clone(),
                    e.previous.clone(),
                    e.file_name.clone(),
                )
            })
        })
    });
    let k = key.clone();
    let status = Memo::new(move |_| r.desk.with(|d| d.entries.get(&k).map(|e| e.status)));
    let locked = Signal::derive(move || status.get() == Some(ReviewStatus::DaChot));
    let k = key.clone();
    // items the council's members appraised differently, still undecided
    let conflicts = Memo::new(move |_| {
        r.desk.with(|d| {
            d.entries
                .get(&k)
                .map(|e| e.conflicts.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let undecided = Signal::derive(move || conflicts.with(|c| !c.is_empty()));
    let my_fields = r.seat.with_untracked(|s| s.fields.clone());
    let only_mine = RwSignal::new(!my_fields.is_empty());
    let k = key.clone();
    let this_check = Memo::new(move |_| checks.with(|c| c.get(&k).cloned()));
    let official = {
        Memo::new(move |_| {
            let key = entry.with(|e| e.as_ref().map(|e| e.0.criteria_set_key.clone()))?;
            lib.library.with(|l| l.get(&key).map(|x| x.set.clone()))
        })
    };
    // The appraised result depends on the appraised scores only: typing a
    // comment or choosing a request does not score the set again.
    let k = key.clone();
    let scores = Memo::new(move |_| {
        r.desk.with(|d| {
            d.entries.get(&k).map(|e| {
                e.appraisals
                    .iter()
                    .map(|(c, a)| (c.clone(), a.score.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let k = key.clone();
    let appraised = Memo::new(move |_| {
        scores.with(|_| ());
        entry.with(|e| {
            let sub = &e.as_ref()?.0;
            official.with(|o| {
                let set = o.as_ref().unwrap_or(&sub.criteria_set);
                r.desk.with_untracked(|d| {
                    d.entries
                        .get(&k)
                        .map(|e| appraised_report(set, sub, &e.appraisals))
                })
            })
        })
    });
    // Each item's appraisal and the council's words on it, a signal of its
    // own. The desk changes with every keystroke; this one effect passes on
    // what changed, so a keystroke in one comment re-runs that item's cell.
    // (With every cell reading the desk, ~300 memos re-ran and re-subscribed
    // to it on each keystroke.)
    let cells = StoredValue::new(BTreeMap::<String, RwSignal<CellState>>::new());
    let k = key.clone();
    Effect::new(move |_| {
        r.desk.with(|d| {
            let Some(e) = d.entries.get(&k) else {
                return;
            };
            cells.with_value(|m| {
                for (code, cell) in m {
                    if cell.with_untracked(|c| !c.is_of(e, code)) {
                        cell.set(CellState::of(e, code));
                    }
                }
            })
        })
    });
    let entry_key = key.clone();

    let body = move || {
        if !r.ready.get() {
            return crate::ui::review::opening_desk();
        }
        let Some((sub, previous, file_name)) = entry.get() else {
            return view! { <p class="banner banner-warn" role="alert">{t!("Không có hồ sơ này trên bàn thẩm định.", "This submission is not on the appraisal desk.")}</p> }.into_any();
        };
        let key = entry_key.clone();
        let c = this_check.get_untracked();
        let changed = previous
            .as_ref()
            .map(|p| changed_items(p, &sub))
            .unwrap_or_default();
        let set = Arc::new(
            official
                .get_untracked()
                .unwrap_or_else(|| (*sub.criteria_set).clone()),
        );
        cells.update_value(BTreeMap::clear);
        let messages = c.as_ref().map(|c| c.messages()).unwrap_or_default();
        let unknown_set = c.as_ref().is_some_and(|c| c.matches_official.is_none());
        let load_set = {
            let set = sub.criteria_set.clone();
            move |_| {
                let text = serde_json::to_string(&set).unwrap_or_default();
                let mut result = None;
                lib.library.update(|l| {
                    result = Some(l.add_loaded("bo-tieu-chi-tu-ho-so.json", text.as_bytes()))
                });
                loaded_message.set(Some(match result {
                    Some(Ok(_)) => t!("Đã nạp bộ tiêu chí đi kèm hồ sơ vào thư viện. Hãy đối chiếu với văn bản chính thức của tỉnh.", "The criteria set enclosed in the submission was added to the library. Check it against the province's official document.").into(),
                    Some(Err(p)) => tf!("Không nạp được: {}", "Could not load: {}", p.first().map(|p| p.to_string()).unwrap_or_default()),
                    None => String::new(),
                }));
            }
        };
        let status_key = key.clone();
        let (survey_key, export_key, lock_key) = (key.clone(), key.clone(), key.clone());
        let export_set = set.clone();
        let export_review = move |_| {
            let file = r.desk.with_untracked(|d| {
                d.entries
                    .get(&export_key)
                    .map(|e| e.review_file(&export_set, &page::now_iso()))
            });
            if let Some(f) = file {
                let name = format!(
                    "KQ-THAM-DINH-{}-lan-{}-{}.json",
                    file_slug(&f.agency_name, "co-quan"),
                    f.round,
                    page::today_iso()
                );
                let text = serde_json::to_string(&f).unwrap_or_default();
                match files::download(&name, "application/json", &text) {
                    Ok(()) => {
                        r.edit(&export_key, |x| {
                            if x.status != ReviewStatus::DaChot {
                                x.status = ReviewStatus::DaGuiYeuCau;
                            }
                        });
                        loaded_message.set(Some(tf!("Đã xuất «{name}». Gửi tệp này cho cơ quan để giải trình, bổ sung và nộp lần {}.", "Exported «{name}». Send this file to the agency for explanations, more evidence and submission no. {}.", f.round + 1)));
                    }
                    Err(e) => loaded_message.set(Some(e)),
                }
            }
        };
        let lock = move |_| {
            if page::confirm(t!("Chốt điểm hồ sơ này? Sau khi chốt, điểm thẩm định không sửa được nữa và không nhận lần nộp mới.", "Close the scores of this submission? Once closed, the appraised scores cannot be changed and no new submission is accepted.")) {
                r.edit(&lock_key, |x| x.status = ReviewStatus::DaChot);
            }
        };
        let survey_max = appraised
            .with_untracked(|a| a.as_ref().map(|a| a.survey_max))
            .unwrap_or_default();
        let k_survey = survey_key.clone();
        let survey_value = Signal::derive(move || {
            r.desk.with(|d| {
                d.entries
                    .get(&k_survey)
                    .map(|e| e.survey_score.clone())
                    .unwrap_or_default()
            })
        });
        let survey_error = Signal::derive(move || {
            let t = survey_value.get();
            let t = t.trim();
            if t.is_empty() {
                return None;
            }
            match Dec::parse(t) {
                Err(e) => Some(tf!("Điểm «{t}» {e}.", "Score «{t}» {e}.")),
                Ok(v) if v.is_negative() || v > survey_max => Some(tf!(
                    "Điểm điều tra xã hội học phải từ 0 đến {}.",
                    "The survey score must be from 0 to {}.",
                    survey_max.shown()
                )),
                Ok(_) => None,
            }
        });
        let p = sub.agency.clone();
        let p = &p;
        let my_fields = r.seat.with_untracked(|s| s.fields.clone());
        // One table per field: typing in an appraisal lays out that
        // field's table again, not every item's, and a field off screen is
        // not laid out at all (style/desk-and-studio.css, `.entry-field`).
        let shown = move |(has_evidence, survey, differs, mine): (bool, bool, bool, bool)| {
            (!only_missing.get() || (!has_evidence && !survey))
                && (!only_different.get() || differs)
                && (!only_mine.get() || mine)
        };
        let items = set
            .fields
            .iter()
            .map(|f| {
                let mut filters = Vec::new();
                let rows = f
                    .criteria
                    .iter()
                    .flat_map(|cr| cr.units(f))
                    .filter_map(|u| {
                        let code = u.code.to_string();
                        let response = sub.responses.get(&code).cloned().unwrap_or_default();
                        let stated = sub.scores.items.get(&code).copied();
                        let item = c.as_ref().and_then(|c| c.report.items.get(&code).cloned());
                        let recomputed = item.as_ref().map(|i| i.points);
                        let has_evidence = response.has_evidence();
                        let differs = stated != recomputed;
                        let was_changed = changed.contains(&code);
                        let survey = u.rule.is_survey();
                        let cell = (!survey).then(|| {
                            let state = r.desk.with_untracked(|d| {
                                d.entries.get(&key).map(|e| CellState::of(e, &code)).unwrap_or_default()
                            });
                            let state = RwSignal::new(state);
                            cells.update_value(|m| {
                                m.insert(code.clone(), state);
                            });
                            appraisal_cell(&key, &set, &code, state, locked)
                        });
                        let mine = in_fields(&code, &my_fields);
                        let flags = (has_evidence, survey, differs, mine);
                        filters.push(flags);
                        let evidence = response
                            .evidence
                            .iter()
                            .filter(|e| !e.is_blank())
                            .map(|e| {
                                let text = e.citation();
                                let link = (!e.link.is_empty()).then(|| e.link.clone());
                                view! {
                                    <li>
                                        {text}
                                        // shown as text, never as a live link: the reviewer copies it deliberately
                                        {link.map(|l| view! { <span class="link-text">" · "<code>{l}</code></span> })}
                                    </li>
                                }
                            })
                            .collect_view();
                        Some(view! {
                            <tr class:flagged=differs class:changed=was_changed hidden=move || !shown(flags)>
                                <th scope="row"><span class="code">{code.clone()}</span></th>
                                <td>
                                    {u.title_shown().to_string()}
                                    {was_changed.then(|| view! { <span class="badge badge-survey">{t!("Đã sửa ở lần nộp này", "Changed in this submission")}</span> })}
                                </td>
                                <td class="num" data-label={t!("Tự chấm", "Self-score")}>{stated.map(|s| s.shown()).unwrap_or_else(|| "—".into())}</td>
                                <td data-label={t!("Tính lại", "Recomputed")}>
                                    <strong>{recomputed.map(|s| s.shown()).unwrap_or_else(|| "—".into())}</strong>
                                    " "
                                    <span class="reason">{item.map(|i| i.reason).unwrap_or_default()}</span>
                                </td>
                                <td data-label={t!("Tài liệu kiểm chứng, giải trình", "Evidence, explanation")}>
                                    {if has_evidence {
                                        view! { <ul class="evidence-cited">{evidence}</ul> }.into_any()
                                    } else if !survey {
                                        view! { <span class="flag">{t!("Không có tài liệu kiểm chứng", "No evidence")}</span> }.into_any()
                                    } else {
                                        ().into_any()
                                    }}
                                    {(!response.explanation.trim().is_empty()).then(|| view! {
                                        <p class="explanation"><strong>{t!("Giải trình: ", "Explanation: ")}</strong>{response.explanation.clone()}</p>
                                    })}
                                </td>
                                <td data-label={t!("Thẩm định", "Appraisal")} class="appraisal">{cell}</td>
                            </tr>
                        })
                    })
                    .collect_view();
                let none_shown = move || !filters.iter().any(|&x| shown(x));
                view! {
                    <div class="table-wrap entry-field" hidden=none_shown>
                        <table class="entry-table">
                            <caption>{format!("{}. {}", f.code, f.title_shown())}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!("Mã", "Code")}</th>
                                    <th scope="col">{t!("Nội dung", "Content")}</th>
                                    <th scope="col" class="num">{t!("Tự chấm", "Self-score")}</th>
                                    <th scope="col">{t!("Tính lại", "Recomputed")}</th>
                                    <th scope="col">{t!("Tài liệu kiểm chứng, giải trình", "Evidence, explanation")}</th>
                                    <th scope="col">{t!("Thẩm định", "Appraisal")}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })
            .collect_view();
        view! {
            <h2 id="trang-tieu-de" tabindex="-1">{tf!("Hồ sơ: {}", "Submission: {}", p.name)}</h2>
            <DeskSaveStatus/>
            <dl class="meta">
                <dt>{t!("Tỉnh, thành phố", "Province or city")}</dt><dd>{if p.province.trim().is_empty() { t!("(chưa ghi)", "(not given)").to_string() } else { p.province.clone() }}</dd>
                <dt>{t!("Năm đánh giá", "Assessment year")}</dt><dd>{p.year.clone()}</dd>
                <dt>{t!("Người đầu mối", "Focal point")}</dt><dd>{{
                    let parts: Vec<&str> = [&p.focal_name, &p.focal_position, &p.focal_phone, &p.focal_email]
                        .into_iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
                    if parts.is_empty() { t!("(chưa ghi)", "(not given)").to_string() } else { parts.join(" · ") }
                }}</dd>
                {(!p.exemptions.is_empty()).then(|| {
                    let labels: Vec<String> = p.exemptions.iter()
                        .map(|id| set.exemptions.iter().find(|e| &e.id == id).map_or_else(|| id.clone(), |e| format!("{} ({})", e.label, e.codes.join(", "))))
                        .collect();
                    view! { <dt>{t!("Khai miễn chấm", "Declared exemptions")}</dt><dd class="flag">{labels.join("; ")}</dd> }
                })}
                <dt>{t!("Bộ tiêu chí", "Criteria set")}</dt><dd>{tf!("{} (phiên bản {})", "{} (version {})", set.title_shown(), set.version)}</dd>
                <dt>{t!("Lần nộp", "Round")}</dt><dd>{tf!("{} · xuất lúc {} · tệp {}", "{} · exported {} · file {}", sub.round, crate::domain::assessment::stored::datetime_text(&sub.exported_at), file_name)}</dd>
                <dt>{t!("Mã niêm phong", "Seal")}</dt><dd><code class="digest">{sub.digest.clone()}</code></dd>
            </dl>
            {if messages.is_empty() {
                view! { <p class="banner banner-ok" role="status">{t!("Tệp nguyên vẹn; điểm tự chấm khớp với điểm tính lại theo bộ tiêu chí chính thức.", "The file is intact; the self-scores match the scores recomputed with the official criteria set.")}</p> }.into_any()
            } else {
                view! {
                    <div class="banner banner-warn" role="alert">
                        <ul>{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                        {unknown_set.then(|| view! { <button type="button" class="secondary" on:click=load_set.clone()>{t!("Nạp bộ tiêu chí đi kèm vào thư viện", "Add the enclosed criteria set to the library")}</button> })}
                    </div>
                }.into_any()
            }}
            {move || loaded_message.get().map(|m| view! { <p class="banner banner-ok" role="status">{m}</p> })}
            {move || undecided.get().then(|| view! {
                <p class="banner banner-warn conflict-note" role="alert">{tf!(
                    "{} mục chưa thống nhất giữa các thành viên hội đồng: {}. Chọn một ý kiến ở từng mục trước khi xuất kết quả hoặc chốt điểm.",
                    "{} items were appraised differently by council members: {}. Choose one word on each item before exporting the result or closing the scores.",
                    conflicts.with(Vec::len),
                    conflicts.with(|c| c.join(", "))
                )}</p>
            })}
            <div class="result-box" role="group" aria-label={t!("Kết quả thẩm định", "Appraisal result")}>
                {move || appraised.get().map(|a| view! {
                    <p><span class="label">{t!("Điểm thẩm định", "Appraised score")}</span><strong class="big">{a.total.shown()}</strong>{format!(" / {}", a.applicable_max.shown())}</p>
                    <p><span class="label">{t!("Chỉ số (chưa gồm ĐTXHH)", "Index (survey not included)")}</span><strong class="big">{a.index.map(|i| format!("{}%", i.shown_fixed2())).unwrap_or_else(|| "—".into())}</strong></p>
                    <p><span class="label">{t!("Xếp loại", "Class")}</span><strong class="big">{a.class.clone().unwrap_or_else(|| "—".into())}</strong></p>
                })}
                {(!survey_max.is_zero()).then(|| view! {
                    <TextInput
                        id="diem-dtxhh".to_string()
                        label=tf!("Điểm điều tra xã hội học (tối đa {})", "Survey score (at most {})", survey_max.shown())
                        value=survey_value
                        on_input=Callback::new(move |v: String| r.edit(&survey_key, |x| x.survey_score = v))
                        error=survey_error
                        inputmode="decimal"
                        disabled=locked
                    />
                })}
            </div>
            {move || {
                let (self_report, appraised) = (this_check.get()?.report, appraised.get()?);
                let fields = &entry.with_untracked(|e| e.as_ref().map(|e| e.0.criteria_set.clone()))?.fields;
                Some(crate::ui::charts::field_bars(fields, &self_report, &appraised, [t!("Tự chấm (tính lại)", "Self-score (recomputed)"), t!("Thẩm định", "Appraisal")]))
            }}
            <div class="actions">
                <button type="button" class="button" prop:disabled=move || undecided.get() on:click=export_review>{t!("Xuất tệp kết quả thẩm định (gửi cơ quan)", "Export the appraisal result (send to the agency)")}</button>
                <button type="button" class="secondary" prop:disabled=move || locked.get() || undecided.get() on:click=lock>{t!("Chốt điểm", "Close the scores")}</button>
                {crate::ui::assessment::sidebar::nav_link(crate::ui::route::Route::DeskNotice(key.clone()), "button secondary", t!("Thông báo kết quả (in)", "Result notice (print)"))}
                {move || locked.get().then(|| view! { <span class="badge badge-official">{t!("Đã chốt điểm", "Scores closed")}</span> })}
            </div>
            <div class="review-tools">
                <label for="trang-thai-ho-so">{t!("Trạng thái", "Status")}</label>
                <select
                    id="trang-thai-ho-so"
                    prop:value=move || status.get().map(ReviewStatus::code).unwrap_or("cho")
                    prop:disabled=move || locked.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = ReviewStatus::from_code(&v) {
                            r.edit(&status_key, |x| x.status = s);
                        }
                    }
                >
                    {ReviewStatus::ALL.into_iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                </select>
                {(!r.seat.with_untracked(|s| s.fields.is_empty())).then(|| view! {
                    <span class="check">
                        <input type="checkbox" id="loc-linh-vuc-cua-toi" prop:checked=move || only_mine.get() on:change=move |ev| only_mine.set(event_target_checked(&ev))/>
                        <label for="loc-linh-vuc-cua-toi">{tf!("Chỉ lĩnh vực được phân công cho tôi ({})", "Only the fields assigned to me ({})", r.seat.with_untracked(|s| s.fields.join(", ")))}</label>
                    </span>
                })}
                <span class="check">
                    <input type="checkbox" id="loc-thieu-tlkc" prop:checked=move || only_missing.get() on:change=move |ev| only_missing.set(event_target_checked(&ev))/>
                    <label for="loc-thieu-tlkc">{t!("Chỉ mục không có tài liệu kiểm chứng", "Only items without evidence")}</label>
                </span>
                <span class="check">
                    <input type="checkbox" id="loc-khac-diem" prop:checked=move || only_different.get() on:change=move |ev| only_different.set(event_target_checked(&ev))/>
                    <label for="loc-khac-diem">{t!("Chỉ mục có điểm tự chấm khác điểm tính lại", "Only items whose self-score differs from the recomputed score")}</label>
                </span>
            </div>
            <h3 class="entry-items">{t!("Từng mục: điểm tự chấm, điểm tính lại và tài liệu kiểm chứng", "Each item: self-score, recomputed score and evidence")}</h3>
            {items}
        }
        .into_any()
    };
    view! { <div class="page-card entry-page">{body}</div> }
}

//! One agency's submission on the desk: what was checked, the status, and
//! every item with the self-score, the recomputed score, the evidence and
//! the explanation beside each other. Text from the file is only ever
//! rendered as text.

use leptos::prelude::*;

use crate::domain::review::{changed_items, ReviewStatus};
use crate::domain::rule_text::date_vi;
use crate::ui::app::LibraryState;
use crate::ui::review::desk_page::desk_checks;
use crate::ui::review::use_review;

fn status_code(s: ReviewStatus) -> &'static str {
    match s {
        ReviewStatus::ChoThamDinh => "cho",
        ReviewStatus::DangThamDinh => "dang",
        ReviewStatus::DaGuiYeuCau => "yeu-cau",
        ReviewStatus::DaChot => "chot",
    }
}

#[component]
pub fn EntryPage(key: String) -> impl IntoView {
    let r = use_review();
    let lib = expect_context::<LibraryState>();
    let checks = desk_checks();
    let only_missing = RwSignal::new(false);
    let only_different = RwSignal::new(false);
    let loaded_message = RwSignal::new(None::<String>);
    let k = key.clone();
    let entry = Memo::new(move |_| r.desk.with(|d| d.entries.get(&k).cloned()));

    let body = move || {
        let Some(e) = entry.get() else {
            return view! { <p class="banner banner-warn" role="alert">"Không có hồ sơ này trên bàn thẩm định."</p> }.into_any();
        };
        let key = e.key().to_string();
        let c = checks.with(|c| c.get(&key).cloned());
        let sub = e.submission.clone();
        let changed = e.previous.as_ref().map(|p| changed_items(p, &sub)).unwrap_or_default();
        let set = sub.criteria_set.clone();
        let messages = c.as_ref().map(|c| c.messages()).unwrap_or_default();
        let unknown_set = c.as_ref().is_some_and(|c| c.matches_official.is_none());
        let load_set = {
            let set = set.clone();
            move |_| {
                let text = serde_json::to_string(&set).unwrap_or_default();
                let mut result = None;
                lib.library.update(|l| result = Some(l.add_loaded("bo-tieu-chi-tu-ho-so.json", text.as_bytes())));
                loaded_message.set(Some(match result {
                    Some(Ok(_)) => "Đã nạp bộ tiêu chí đi kèm hồ sơ vào thư viện. Hãy đối chiếu với văn bản chính thức của tỉnh.".into(),
                    Some(Err(p)) => format!("Không nạp được: {}", p.first().map(|p| p.to_string()).unwrap_or_default()),
                    None => String::new(),
                }));
            }
        };
        let status_key = key.clone();
        let p = &sub.agency;
        let items = set
            .fields
            .iter()
            .map(|f| {
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
                        let show = move || {
                            (!only_missing.get() || (!has_evidence && !survey))
                                && (!only_different.get() || differs)
                        };
                        let evidence = response
                            .evidence
                            .iter()
                            .filter(|e| !e.is_blank())
                            .map(|e| {
                                let mut parts = vec![e.number.clone()];
                                if !e.date.is_empty() { parts.push(format!("ngày {}", date_vi(&e.date))); }
                                if !e.issuer.is_empty() { parts.push(e.issuer.clone()); }
                                if !e.subject.is_empty() { parts.push(e.subject.clone()); }
                                if !e.location.is_empty() { parts.push(e.location.clone()); }
                                let text = parts.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
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
                            <tr class:flagged=differs class:changed=was_changed hidden=move || !show()>
                                <th scope="row"><span class="code">{code.clone()}</span></th>
                                <td>
                                    {u.title.to_string()}
                                    {was_changed.then(|| view! { <span class="badge badge-survey">"Đã sửa ở lần nộp này"</span> })}
                                </td>
                                <td class="num" data-label="Tự chấm">{stated.map(|s| s.vi()).unwrap_or_else(|| "—".into())}</td>
                                <td data-label="Tính lại">
                                    <strong>{recomputed.map(|s| s.vi()).unwrap_or_else(|| "—".into())}</strong>
                                    " "
                                    <span class="reason">{item.map(|i| i.reason).unwrap_or_default()}</span>
                                </td>
                                <td data-label="Tài liệu kiểm chứng, giải trình">
                                    {if has_evidence {
                                        view! { <ul class="evidence-cited">{evidence}</ul> }.into_any()
                                    } else if !survey {
                                        view! { <span class="flag">"Không có tài liệu kiểm chứng"</span> }.into_any()
                                    } else {
                                        ().into_any()
                                    }}
                                    {(!response.explanation.trim().is_empty()).then(|| view! {
                                        <p class="explanation"><strong>"Giải trình: "</strong>{response.explanation.clone()}</p>
                                    })}
                                </td>
                            </tr>
                        })
                    })
                    .collect_view();
                view! {
                    <tbody>
                        <tr class="field-row"><th colspan="5" scope="rowgroup">{format!("{}. {}", f.code, f.title)}</th></tr>
                        {rows}
                    </tbody>
                }
            })
            .collect_view();
        view! {
            <h2 id="trang-tieu-de" tabindex="-1">{format!("Hồ sơ: {}", p.name)}</h2>
            <dl class="meta">
                <dt>"Tỉnh, thành phố"</dt><dd>{if p.province.trim().is_empty() { "(chưa ghi)".to_string() } else { p.province.clone() }}</dd>
                <dt>"Năm đánh giá"</dt><dd>{p.year.clone()}</dd>
                <dt>"Người đầu mối"</dt><dd>{{
                    let parts: Vec<&str> = [&p.focal_name, &p.focal_position, &p.focal_phone, &p.focal_email]
                        .into_iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
                    if parts.is_empty() { "(chưa ghi)".to_string() } else { parts.join(" · ") }
                }}</dd>
                <dt>"Bộ tiêu chí"</dt><dd>{format!("{} (phiên bản {})", set.title, set.version)}</dd>
                <dt>"Lần nộp"</dt><dd>{format!("{} · xuất lúc {} · tệp {}", sub.round, crate::domain::drafts::datetime_vi(&sub.exported_at), e.file_name)}</dd>
                <dt>"Mã niêm phong"</dt><dd><code class="digest">{sub.digest.clone()}</code></dd>
            </dl>
            {if messages.is_empty() {
                view! { <p class="banner banner-ok" role="status">"Tệp nguyên vẹn; điểm tự chấm khớp với điểm tính lại theo bộ tiêu chí chính thức."</p> }.into_any()
            } else {
                view! {
                    <div class="banner banner-warn" role="alert">
                        <ul>{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                        {unknown_set.then(|| view! { <button type="button" class="secondary" on:click=load_set.clone()>"Nạp bộ tiêu chí đi kèm vào thư viện"</button> })}
                    </div>
                }.into_any()
            }}
            {move || loaded_message.get().map(|m| view! { <p class="banner banner-ok" role="status">{m}</p> })}
            <div class="review-tools">
                <label for="trang-thai-ho-so">"Trạng thái"</label>
                <select
                    id="trang-thai-ho-so"
                    prop:value=status_code(e.status)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = ReviewStatus::ALL.into_iter().find(|s| status_code(*s) == v) {
                            r.desk.update(|d| if let Some(x) = d.entries.get_mut(&status_key) { x.status = s; });
                        }
                    }
                >
                    {ReviewStatus::ALL.into_iter().map(|s| view! { <option value=status_code(s)>{s.label_vi()}</option> }).collect_view()}
                </select>
                <span class="check">
                    <input type="checkbox" id="loc-thieu-tlkc" prop:checked=move || only_missing.get() on:change=move |ev| only_missing.set(event_target_checked(&ev))/>
                    <label for="loc-thieu-tlkc">"Chỉ mục không có tài liệu kiểm chứng"</label>
                </span>
                <span class="check">
                    <input type="checkbox" id="loc-khac-diem" prop:checked=move || only_different.get() on:change=move |ev| only_different.set(event_target_checked(&ev))/>
                    <label for="loc-khac-diem">"Chỉ mục có điểm tự chấm khác điểm tính lại"</label>
                </span>
            </div>
            <div class="table-wrap">
                <table class="entry-table">
                    <caption>"Từng mục: điểm tự chấm, điểm tính lại và tài liệu kiểm chứng"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Mã"</th>
                            <th scope="col">"Nội dung"</th>
                            <th scope="col" class="num">"Tự chấm"</th>
                            <th scope="col">"Tính lại"</th>
                            <th scope="col">"Tài liệu kiểm chứng, giải trình"</th>
                        </tr>
                    </thead>
                    {items}
                </table>
            </div>
        }
        .into_any()
    };
    view! { <div class="page-card entry-page">{body}</div> }
}

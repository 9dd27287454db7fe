//! Bảng tổng hợp: per field maximum, applicable maximum, self-score and
//! index; the total, index and class; what is still open (each linked to its
//! place in the form); and "Điểm bị mất" with the gap to the next class.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::{files, page};
use crate::domain::appraisal::submission::export;
use crate::domain::assessment::report::{report_file_name, self_assessment_report};
use crate::domain::assessment::review_file::{appraised_scores, read_review_file};
use crate::domain::assessment::score_sheet::score_csv;
use crate::domain::assessment::summary::{next_class_gap, points_lost};
use crate::domain::base::text::file_slug;
use crate::domain::criteria::rule_text::points_text;
use crate::domain::CriteriaSet;
use crate::ui::assessment::detail_table::detail_table;
use crate::ui::assessment::inputs::{TextArea, TextInput};
use crate::ui::assessment::sidebar::nav_link;
use crate::ui::assessment::use_assessment;
use crate::ui::lazy::ChunkError;
use crate::ui::paper::{signature_block, Signer};
use crate::ui::route::Route;

/// The field code of an item, for linking to it.
fn field_of(set: &CriteriaSet, code: &str) -> String {
    set.scored_units()
        .find(|u| u.code == code)
        .map(|u| u.field.code.clone())
        .unwrap_or_default()
}

fn item_links(set: &CriteriaSet, codes: &[String]) -> impl IntoView {
    let links = codes
        .iter()
        .map(|c| {
            let title = set
                .scored_units()
                .find(|u| u.code == c)
                .map(|u| u.title_shown().to_string())
                .unwrap_or_default();
            let body = view! { <span class="code">{c.clone()}</span>" "{title} };
            view! { <li>{nav_link(Route::item(&field_of(set, c), c), "", body)}</li> }
        })
        .collect_view();
    view! { <ul class="item-links">{links}</ul> }
}

split_page!(
    tong_hop,
    /// The summary, its exports and print view: a chunk of its own.
    pub fn summary_page(set: Arc<CriteriaSet>) -> Result<AnyView, ChunkError> {
        Ok(view! { <SummaryPage set/> }.into_any())
    }
);

#[component]
pub fn SummaryPage(set: Arc<CriteriaSet>) -> impl IntoView {
    let a = use_assessment();
    let profile = Memo::new(move |_| a.draft.with(|d| d.profile.clone()));
    let review = Memo::new(move |_| a.draft.with(|d| d.review.clone()));
    let (export_set, csv_set, detail_set, word_set, library_set, last_year_set) = (
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
    );
    let with_details = RwSignal::new(false);
    let body = move || {
        let live = a.score.get()?;
        let (report, open) = (live.report(), live.outstanding());
        let profile = profile.get();
        let rows = set
            .fields
            .iter()
            .zip(&report.fields)
            .enumerate()
            .map(|(i, (f, s))| {
                let lacking = open.lacking_by_field.get(i).copied().unwrap_or(0);
                let link = nav_link(
                    Route::Field { code: f.code.clone(), item: None },
                    "",
                    format!("{}. {}", f.code, f.title_shown()),
                );
                view! {
                    <tr>
                        <th scope="row">{link}</th>
                        <td class="num" data-label={t!("Điểm tối đa", "Maximum")}>{f.max.shown()}</td>
                        <td class="num" data-label={t!("Tối đa áp dụng", "Applicable maximum")}>{s.applicable_max.shown()}</td>
                        <td class="num" data-label={t!("Tự chấm", "Self-score")}>{s.points.shown()}</td>
                        <td class="num" data-label={t!("Chỉ số", "Index")}>{s.index.map(|i| format!("{}%", i.shown_fixed2())).unwrap_or_else(|| "—".into())}</td>
                        <td class="num" data-label={t!("Đã trả lời", "Answered")}>{format!("{}/{}", s.answered, s.answerable)}</td>
                        <td class="num" data-label={t!("Thiếu TLKC", "Without evidence")}>{if lacking > 0 { lacking.to_string() } else { "—".into() }}</td>
                    </tr>
                }
            })
            .collect_view();
        let declared: crate::domain::Dec = set.fields.iter().map(|f| f.max).sum();
        let index = report
            .index
            .map(|i| format!("{}%", i.shown_fixed2()))
            .unwrap_or_else(|| "—".into());
        let gap = next_class_gap(&set, &report).map(|g| match g.needed {
            Some(n) => tf!(
                "Cần thêm {} để đạt loại {}.",
                "{} more needed to reach class {}.",
                points_text(n),
                g.label
            ),
            None => tf!(
                "Kể cả đạt tối đa các mục còn lại cũng chưa đủ để đạt loại {}.",
                "Even full marks on every remaining item would not reach class {}.",
                g.label
            ),
        });
        let top = report.class.is_some() && gap.is_none();
        let lost = points_lost(&set, &report);
        let lost_rows = lost
            .iter()
            .map(|l| {
                let link = nav_link(
                    Route::item(&field_of(&set, &l.code), &l.code),
                    "",
                    l.code.clone(),
                );
                view! {
                    <tr>
                        <th scope="row">{link}</th>
                        <td class="lost-title">{l.title.clone()}</td>
                        <td class="num" data-label={t!("Điểm mất", "Points lost")}>{l.lost.shown()}</td>
                        <td class="reason">{l.reason.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        let total_lost: crate::domain::Dec = lost.iter().map(|l| l.lost).sum();
        let lists = [
            (
                "chua-tra-loi",
                t!("Chưa trả lời", "Not answered"),
                &open.unanswered,
                t!("Mọi mục đã được trả lời.", "Every item is answered."),
            ),
            (
                "thieu-tlkc",
                t!("Thiếu tài liệu kiểm chứng", "Evidence missing"),
                &open.lacking_evidence,
                t!(
                    "Mọi mục có điểm đều có tài liệu kiểm chứng hoặc giải trình.",
                    "Every scored item has evidence or an explanation."
                ),
            ),
            (
                "khong-ap-dung-chua-ly-do",
                t!(
                    "Không áp dụng, chưa nêu lý do",
                    "Not applicable, no reason given"
                ),
                &open.na_unexplained,
                t!(
                    "Mọi mục không áp dụng đều đã nêu lý do.",
                    "Every item marked not applicable gives a reason."
                ),
            ),
            (
                "loi-nhap-lieu",
                t!("Có lỗi nhập liệu", "Input errors"),
                &open.input_errors,
                t!("Không có lỗi nhập liệu.", "No input errors."),
            ),
        ]
        .into_iter()
        .map(|(id, title, codes, none)| {
            let heading = format!("{id}-tieu-de");
            let labelled_by = heading.clone();
            view! {
                <section class="open-list" aria-labelledby=labelled_by>
                    <h4 id=heading>{format!("{title} ({})", codes.len())}</h4>
                    {if codes.is_empty() {
                        view! { <p class="ok-note">{none}</p> }.into_any()
                    } else {
                        item_links(&set, codes).into_any()
                    }}
                </section>
            }
        })
        .collect_view();
        // the heading of an official document (Nghị định 30/2020/NĐ-CP), on paper only
        let today = a.today.get_value();
        let number = profile.doc_number.trim();
        let doc_head = crate::ui::paper::doc_head(
            profile.heading_lines(),
            Some(if number.is_empty() {
                t!("Số:       /BC-", "No.:       /BC-").to_string()
            } else {
                tf!("Số: {}", "No.: {}", number)
            }),
            profile.province.clone(),
            &today,
            true,
        );
        // an unfinished self-assessment prints marked as a draft
        let unfinished = report.answered < report.answerable;
        Some(view! {
            {unfinished.then(|| view! { <p class="draft-mark print-only" aria-hidden="true">{t!("DỰ THẢO", "DRAFT")}</p> })}
            {doc_head}
            <dl class="meta summary-meta">
                <dt>{t!("Cơ quan, đơn vị", "Agency or unit")}</dt><dd>{if profile.name.trim().is_empty() { t!("(chưa nhập)", "(not entered)").to_string() } else { profile.name.clone() }}</dd>
                <dt>{t!("Tỉnh, thành phố", "Province or city")}</dt><dd>{profile.province.clone()}</dd>
                <dt>{t!("Năm đánh giá", "Assessment year")}</dt><dd>{profile.year.clone()}</dd>
                <dt>{t!("Bộ tiêu chí", "Criteria set")}</dt><dd>{tf!("{} (phiên bản {})", "{} (version {})", set.title_shown(), set.version)}</dd>
            </dl>
            <div class="result-box" role="group" aria-label={t!("Kết quả tự đánh giá", "Self-assessment result")}>
                <p><span class="label">{t!("Tổng điểm tự đánh giá", "Total self-assessed score")}</span><strong class="big">{report.total.shown()}</strong>{tf!(" / {} điểm áp dụng", " / {} applicable points", report.applicable_max.shown())}</p>
                <p><span class="label">{t!("Chỉ số", "Index")}</span><strong class="big">{index}</strong></p>
                <p><span class="label">{t!("Xếp loại", "Class")}</span><strong class="big">{set.class_text(report.class.as_deref())}</strong></p>
                {gap.map(|g| view! { <p class="gap">{g}</p> })}
                {top.then(|| view! { <p class="gap">{t!("Đã đạt loại cao nhất của thang xếp loại.", "The highest class of the scale is reached.")}</p> })}
            </div>
            <div class="summary-figures">
            <crate::ui::charts::IndexRadar
                fields=set.fields.iter().zip(&report.fields).map(|(f, s)| (f.code.clone(), s.index)).collect()
                label=tf!("Biểu đồ chỉ số theo lĩnh vực: {}", "Index by field chart: {}",
                    set.fields.iter().zip(&report.fields)
                        .map(|(f, s)| tf!("lĩnh vực {} {}", "field {} {}", f.code, s.index.map(|i| format!("{}%", i.shown_fixed2())).unwrap_or_else(|| {t!("không áp dụng", "not applicable").into()})))
                        .collect::<Vec<_>>().join("; ")
                )
            />
            <div class="table-wrap">
                <table class="summary-table">
                    <caption>{t!("Điểm theo lĩnh vực", "Points by field")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!("Lĩnh vực", "Field")}</th>
                            <th scope="col" class="num">{t!("Điểm tối đa", "Maximum")}</th>
                            <th scope="col" class="num">{t!("Tối đa áp dụng", "Applicable maximum")}</th>
                            <th scope="col" class="num">{t!("Tự chấm", "Self-score")}</th>
                            <th scope="col" class="num">{t!("Chỉ số", "Index")}</th>
                            <th scope="col" class="num">{t!("Đã trả lời", "Answered")}</th>
                            <th scope="col" class="num">{t!("Thiếu TLKC", "Without evidence")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        {(!report.bonus_earned.is_zero()).then(|| view! {
                            <tr class="bonus-row">
                                <th scope="row">{match set.bonus_cap { Some(c) => tf!("Điểm thưởng (tối đa {})", "Bonus points (at most {})", c.shown()), None => t!("Điểm thưởng", "Bonus").into() }}</th>
                                <td class="num">"—"</td><td class="num">"—"</td>
                                <td class="num" data-label={t!("Cộng", "Subtotal")}>{format!("+{}", report.bonus.shown())}</td>
                                <td></td><td></td><td></td>
                            </tr>
                        })}
                        <tr>
                            <th scope="row">{t!("Tổng cộng", "Total")}</th>
                            <td class="num" data-label={t!("Điểm tối đa", "Maximum")}>{declared.shown()}</td>
                            <td class="num" data-label={t!("Tối đa áp dụng", "Applicable maximum")}>{report.applicable_max.shown()}</td>
                            <td class="num" data-label={t!("Tự chấm", "Self-score")}>{report.total.shown()}</td>
                            <td class="num" data-label={t!("Chỉ số", "Index")}>{report.index.map(|i| format!("{}%", i.shown_fixed2())).unwrap_or_else(|| "—".into())}</td>
                            <td class="num" data-label={t!("Đã trả lời", "Answered")}>{format!("{}/{}", report.answered, report.answerable)}</td>
                            <td class="num" data-label={t!("Thiếu TLKC", "Without evidence")}>{open.lacking_evidence.len()}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            </div>
            {(!report.survey_max.is_zero()).then(|| view! {
                <p class="hint">{tf!("Điểm tối đa {} gồm {} điểm điều tra xã hội học do cơ quan có thẩm quyền chấm; cơ quan không tự chấm phần này nên nó không tính vào tối đa áp dụng.", "The maximum of {} includes {} survey points scored by the competent authority; the agency does not self-score them, so they are not in the applicable maximum.",
                    declared.shown(), report.survey_max.shown()
                )}</p>
            })}
            {review.get().map(|rv| {
                let requested: Vec<String> = rv.requested().map(str::to_string).collect();
                view! {
                    <section class="review-summary" aria-labelledby="ket-qua-tham-dinh">
                        <h3 id="ket-qua-tham-dinh">{tf!("Kết quả thẩm định lần {}", "Appraisal result, round {}", rv.round)}</h3>
                        <p>{tf!("Điểm thẩm định {} · chỉ số {} · {} · trạng thái: {}", "Appraised score {} · index {} · {} · status: {}",
                            rv.appraised_total.shown(),
                            rv.appraised_index.map(|i| format!("{}%", i.shown_fixed2())).unwrap_or_else(|| "—".into()),
                            set.class_text(rv.appraised_class.as_deref()),
                            rv.status.label()
                        )}</p>
                        {a.draft.with_untracked(|d| {
                            let after = appraised_scores(&set, &d.answers(&set), &rv.items);
                            crate::ui::charts::field_bars(&set.fields, &report, &after, [t!("Tự chấm hiện tại", "Current self-score"), t!("Sau thẩm định", "After appraisal")])
                        })}
                        <h4>{tf!("Mục có yêu cầu giải trình, bổ sung ({})", "Items with requests for explanation or evidence ({})", requested.len())}</h4>
                        {item_links(&set, &requested)}
                    </section>
                }
            })}
            <h3 class="no-print-heading">{t!("Còn phải hoàn thiện", "Still to complete")}</h3>
            <div class="open-lists">{lists}</div>
            <h3 id="diem-bi-mat">{t!("Điểm bị mất", "Points lost")}</h3>
            {if lost.is_empty() {
                view! { <p class="ok-note">{t!("Không mất điểm ở mục nào.", "No points lost on any item.")}</p> }.into_any()
            } else {
                view! {
                    <p>{tf!("Tổng cộng mất {} ở {} mục, xếp từ nhiều đến ít.", "{} lost in total over {} items, largest first.", points_text(total_lost), lost.len())}</p>
                    <div class="table-wrap">
                        <table class="lost-table" aria-labelledby="diem-bi-mat">
                            <thead>
                                <tr>
                                    <th scope="col">{t!("Mã", "Code")}</th>
                                    <th scope="col">{t!("Nội dung", "Content")}</th>
                                    <th scope="col" class="num">{t!("Điểm mất", "Points lost")}</th>
                                    <th scope="col">{t!("Vì sao", "Why")}</th>
                                </tr>
                            </thead>
                            <tbody>{lost_rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        })
    };
    let export_message = RwSignal::new(None::<(bool, String)>);
    let import_review = move |ev: leptos::ev::Event| {
        let picked = files::take_picked(&ev);
        leptos::task::spawn_local(async move {
            for file in picked {
                let result = match files::read(&file, 2 * 1024 * 1024).await {
                    Err(e) => Err(e),
                    Ok(f) => match read_review_file(&f.bytes) {
                        Err(p) => Err(tf!(
                            "Tệp «{}» không đọc được: {}",
                            "File «{}» could not be read: {}",
                            f.name,
                            p.iter()
                                .map(|p| p.to_string())
                                .collect::<Vec<_>>()
                                .join("; ")
                        )),
                        Ok(review) => {
                            let (n, round) = (review.requested().count(), review.round);
                            let mut taken = Ok(());
                            a.draft.update(|d| taken = d.take_review(review));
                            match taken {
                                Err(e) => Err(tf!("Không nhận tệp «{}»: {e}.", "File «{}» not taken: {e}.", f.name)),
                                Ok(()) => Ok(tf!("Đã nhập kết quả thẩm định lần {round}: {n} mục có yêu cầu. Các yêu cầu hiện ở từng mục; sau khi bổ sung, hãy xuất tệp nộp lần {}.", "Imported appraisal result, round {round}: {n} items have requests. The requests show on each item; once answered, export submission number {}.", round + 1)),
                            }
                        }
                    },
                };
                export_message.set(Some(match result {
                    Ok(m) => (true, m),
                    Err(m) => (false, m),
                }));
            }
        });
    };
    let export_json = move |_| {
        let now = page::now_iso();
        let sub = a
            .draft
            .with_untracked(|d| export(d, &export_set, &now, d.next_round()));
        let result = files::download(&sub.file_name(), "application/json", &sub.to_json());
        export_message.set(Some(match result {
            Ok(()) => {
                a.draft.update(|d| {
                    d.last_exported = Some(now);
                    d.sent.insert(sub.round, sub.digest.clone());
                });
                (true, tf!("Đã xuất tệp «{}» (mã niêm phong SHA-256 {}…). Gửi tệp này cho cơ quan thẩm định.", "Exported «{}» (SHA-256 seal {}…). Send this file to the appraisal body.", sub.file_name(), &sub.digest[..12]))
            }
            Err(e) => (false, e),
        }));
    };
    let export_csv = move |_| {
        let Some(live) = a.score.get_untracked() else {
            return;
        };
        let report = live.report();
        let name = a.draft.with_untracked(|d| {
            format!(
                "bang-diem-{}-{}.csv",
                file_slug(&d.profile.name, "co-quan"),
                page::today_iso()
            )
        });
        let csv = a.draft.with_untracked(|d| score_csv(&csv_set, d, &report));
        if let Err(e) = files::download(&name, "text/csv;charset=utf-8", &csv) {
            export_message.set(Some((false, e)));
        }
    };
    let export_word = move |_| {
        let Some(live) = a.score.get_untracked() else {
            return;
        };
        let report = live.report();
        let today = page::today_iso();
        let (name, bytes) = a.draft.with_untracked(|d| {
            (
                report_file_name(d, &today),
                self_assessment_report(&word_set, d, &report, &today).to_docx(),
            )
        });
        export_message.set(Some(match files::download_word(&name, &bytes) {
            Ok(()) => (
                true,
                tf!(
                    "Đã tải báo cáo «{}». Mở bằng Word, kiểm tra rồi trình ký.",
                    "Downloaded the report «{}». Open it in Word, check it, then have it signed.",
                    name
                ),
            ),
            Err(e) => (false, e),
        }));
    };
    view! {
        <div class="page-card summary-page">
            <h2 id="trang-tieu-de" tabindex="-1">{t!("Bảng tổng hợp kết quả tự đánh giá", "Self-assessment summary")}</h2>
            <div class="actions export-actions" id="nop-ho-so">
                <button type="button" class="button" on:click=export_json>
                    {move || match a.draft.with(|d| d.next_round()) { 1 => t!("Xuất tệp nộp (JSON)", "Export submission (JSON)").to_string(), n => tf!("Xuất tệp nộp lần {n} (JSON)", "Export submission no. {n} (JSON)") }}
                </button>
                <input id="nhap-ket-qua" class="file-input" type="file" accept=".json,application/json" on:change=import_review/>
                <label for="nhap-ket-qua" class="file-button secondary-file">{t!("Nhập kết quả thẩm định (JSON)", "Import appraisal result (JSON)")}</label>
                <button type="button" class="secondary" on:click=export_csv>{t!("Xuất bảng điểm (CSV, mở bằng Excel)", "Export score sheet (CSV, opens in Excel)")}</button>
                <button type="button" class="secondary" on:click=export_word>{t!("Tải báo cáo (Word .docx)", "Download the report (Word .docx)")}</button>
                <button type="button" class="secondary" on:click=move |_| page::print()>{t!("In bảng tổng hợp", "Print the summary")}</button>
                <label class="check">
                    <input type="checkbox" prop:checked=move || with_details.get() on:change=move |ev| with_details.set(event_target_checked(&ev))/>
                    {t!(" Kèm bảng chi tiết từng tiêu chí (có tài liệu kiểm chứng)", " Include the detailed table of every item (with evidence)")}
                </label>
            </div>
            {move || export_message.get().map(|(ok, m)| crate::ui::banner::outcome_banner(ok, m))}
            {body}
            {crate::ui::assessment::last_year_section::last_year_section(last_year_set)}
            {move || with_details.get().then(|| {
                let live = a.score.get()?;
                Some(a.draft.with(|d| detail_table(&detail_set, d, live.report())))
            })}
            // what the head of the agency signs: the difficulties and proposals
            // typed below, on paper too
            {move || a.draft.with(|d| {
                let said = |t: &str| if t.trim().is_empty() { t!("Không có.", "None.").to_string() } else { t.trim().to_string() };
                view! {
                    <section class="print-only print-remarks" aria-hidden="true">
                        <h3>{t!("Khó khăn, vướng mắc", "Difficulties and obstacles")}</h3>
                        <p>{said(&d.difficulties)}</p>
                        <h3>{t!("Kiến nghị, đề xuất", "Proposals and recommendations")}</h3>
                        <p>{said(&d.proposals)}</p>
                    </section>
                }
            })}
            {move || signature_block(vec![
                Signer { lines: vec![t!("Người lập biểu", "Prepared by").into()], note: t!("(Ký, ghi rõ họ tên)", "(Signature and full name)"), name: profile.with(|p| p.focal_name.trim().to_string()) },
                Signer { lines: vec![t!("Thủ trưởng cơ quan, đơn vị", "Head of the agency or unit").into()], note: t!("(Ký, ghi rõ họ tên và đóng dấu)", "(Signature, full name and seal)"), name: String::new() },
            ], true)}
            {crate::ui::assessment::document_library::library_section(library_set)}
            <h3 class="no-print-heading">{t!("Văn bản báo cáo", "The report document")}</h3>
            <p class="hint no-print-heading">{t!("In trên tiêu đề của bản in và của báo cáo Word.", "Printed in the heading of the printout and of the Word report.")}</p>
            <div class="form-grid">
                <TextInput
                    id="co-quan-chu-quan".to_string()
                    label={t!("Cơ quan chủ quản (dòng đầu tiêu đề)", "Parent agency (first heading line)").to_string()}
                    value=Signal::derive(move || profile.with(|p| p.parent_agency.clone()))
                    on_input=Callback::new(move |v: String| a.draft.update(|d| d.profile.parent_agency = v))
                    hint={tf!("VD: {}. Để trống nếu cơ quan không có cơ quan chủ quản.", "E.g. {}. Leave empty when the agency has no parent.", profile.with_untracked(|p| crate::domain::assessment::profile::province_issuer(&p.province)))}
                />
                <TextInput
                    id="so-ky-hieu".to_string()
                    label={t!("Số, ký hiệu báo cáo", "Report number").to_string()}
                    value=Signal::derive(move || profile.with(|p| p.doc_number.clone()))
                    on_input=Callback::new(move |v: String| a.draft.update(|d| d.profile.doc_number = v))
                    hint={t!("VD: 125/BC-SNV", "E.g. 125/BC-SNV").to_string()}
                />
            </div>
            <h3 class="no-print-heading">{t!("Khó khăn, kiến nghị", "Difficulties and proposals")}</h3>
            <TextArea
                id="kho-khan".to_string()
                label={t!("Khó khăn, vướng mắc", "Difficulties and obstacles").to_string()}
                value=Signal::derive(move || a.draft.with(|d| d.difficulties.clone()))
                on_input=Callback::new(move |v: String| a.draft.update(|d| d.difficulties = v))
            />
            <TextArea
                id="kien-nghi".to_string()
                label={t!("Kiến nghị, đề xuất", "Proposals and recommendations").to_string()}
                value=Signal::derive(move || a.draft.with(|d| d.proposals.clone()))
                on_input=Callback::new(move |v: String| a.draft.update(|d| d.proposals = v))
            />
        </div>
    }
}

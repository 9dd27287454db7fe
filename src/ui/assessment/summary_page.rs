//! Bảng tổng hợp: per field maximum, applicable maximum, self-score and
//! index; the total, index and class; what is still open (each linked to its
//! place in the form); and "Điểm bị mất" with the gap to the next class.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::{files, page};
use crate::domain::review::{read_review_file, RequestKind};
use crate::domain::rule_text::points_vi;
use crate::domain::submission::{export, file_slug, score_csv};
use crate::domain::summary::{next_class_gap, points_lost};
use crate::domain::CriteriaSet;
use crate::ui::assessment::detail_table::detail_table;
use crate::ui::assessment::inputs::TextArea;
use crate::ui::assessment::sidebar::nav_link;
use crate::ui::assessment::use_assessment;
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
                .map(|u| u.title.to_string())
                .unwrap_or_default();
            let body = view! { <span class="code">{c.clone()}</span>" "{title} };
            view! { <li>{nav_link(Route::item(&field_of(set, c), c), "", body)}</li> }
        })
        .collect_view();
    view! { <ul class="item-links">{links}</ul> }
}

#[component]
pub fn SummaryPage(set: Arc<CriteriaSet>) -> impl IntoView {
    let a = use_assessment();
    let profile = Memo::new(move |_| a.draft.with(|d| d.profile.clone()));
    let review = Memo::new(move |_| a.draft.with(|d| d.review.clone()));
    let (export_set, csv_set, detail_set) = (set.clone(), set.clone(), set.clone());
    let with_details = RwSignal::new(false);
    let body = move || {
        let report = a.report.get()?;
        let open = a.outstanding.get()?;
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
                    format!("{}. {}", f.code, f.title),
                );
                view! {
                    <tr>
                        <th scope="row">{link}</th>
                        <td class="num" data-label="Điểm tối đa">{f.max.vi()}</td>
                        <td class="num" data-label="Tối đa áp dụng">{s.applicable_max.vi()}</td>
                        <td class="num" data-label="Tự chấm">{s.points.vi()}</td>
                        <td class="num" data-label="Chỉ số">{s.index.map(|i| format!("{}%", i.vi_fixed2())).unwrap_or_else(|| "—".into())}</td>
                        <td class="num" data-label="Đã trả lời">{format!("{}/{}", s.answered, s.answerable)}</td>
                        <td class="num" data-label="Thiếu TLKC">{if lacking > 0 { lacking.to_string() } else { "—".into() }}</td>
                    </tr>
                }
            })
            .collect_view();
        let declared: crate::domain::Dec = set.fields.iter().map(|f| f.max).sum();
        let index = report
            .index
            .map(|i| format!("{}%", i.vi_fixed2()))
            .unwrap_or_else(|| "—".into());
        let gap = next_class_gap(&set, &report).map(|g| match g.needed {
            Some(n) => format!("Cần thêm {} để đạt loại {}.", points_vi(n), g.label),
            None => format!(
                "Kể cả đạt tối đa các mục còn lại cũng chưa đủ để đạt loại {}.",
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
                        <td class="num" data-label="Điểm mất">{l.lost.vi()}</td>
                        <td class="reason">{l.reason.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        let total_lost: crate::domain::Dec = lost.iter().map(|l| l.lost).sum();
        let lists = [
            (
                "chua-tra-loi",
                "Chưa trả lời",
                &open.unanswered,
                "Mọi mục đã được trả lời.",
            ),
            (
                "thieu-tlkc",
                "Thiếu tài liệu kiểm chứng",
                &open.lacking_evidence,
                "Mọi mục có điểm đều có tài liệu kiểm chứng hoặc giải trình.",
            ),
            (
                "loi-nhap-lieu",
                "Có lỗi nhập liệu",
                &open.input_errors,
                "Không có lỗi nhập liệu.",
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
        let doc_head = view! {
            <div class="doc-head" aria-hidden="true">
                <p class="doc-agency">{profile.name.to_uppercase()}</p>
                <p class="doc-nation">"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"<br/><span>"Độc lập - Tự do - Hạnh phúc"</span></p>
                <p class="doc-date">{format!(
                    "{}, ngày {} tháng {} năm {}",
                    profile.province.trim(),
                    today.get(8..10).unwrap_or(""),
                    today.get(5..7).unwrap_or(""),
                    today.get(..4).unwrap_or("")
                )}</p>
            </div>
        };
        Some(view! {
            {doc_head}
            <dl class="meta summary-meta">
                <dt>"Cơ quan, đơn vị"</dt><dd>{if profile.name.trim().is_empty() { "(chưa nhập)".to_string() } else { profile.name.clone() }}</dd>
                <dt>"Tỉnh, thành phố"</dt><dd>{profile.province.clone()}</dd>
                <dt>"Năm đánh giá"</dt><dd>{profile.year.clone()}</dd>
                <dt>"Bộ tiêu chí"</dt><dd>{format!("{} (phiên bản {})", set.title, set.version)}</dd>
            </dl>
            <div class="result-box" role="group" aria-label="Kết quả tự đánh giá">
                <p><span class="label">"Tổng điểm tự đánh giá"</span><strong class="big">{report.total.vi()}</strong>{format!(" / {} điểm áp dụng", report.applicable_max.vi())}</p>
                <p><span class="label">"Chỉ số"</span><strong class="big">{index}</strong></p>
                <p><span class="label">"Xếp loại"</span><strong class="big">{report.class.clone().unwrap_or_else(|| "—".into())}</strong></p>
                {gap.map(|g| view! { <p class="gap">{g}</p> })}
                {top.then(|| view! { <p class="gap">"Đã đạt loại cao nhất của thang xếp loại."</p> })}
            </div>
            <div class="summary-figures">
            <crate::ui::charts::IndexRadar
                fields=set.fields.iter().zip(&report.fields).map(|(f, s)| (f.code.clone(), s.index)).collect()
                label=format!(
                    "Biểu đồ chỉ số theo lĩnh vực: {}",
                    set.fields.iter().zip(&report.fields)
                        .map(|(f, s)| format!("lĩnh vực {} {}", f.code, s.index.map(|i| format!("{}%", i.vi_fixed2())).unwrap_or_else(|| "không áp dụng".into())))
                        .collect::<Vec<_>>().join("; ")
                )
            />
            <div class="table-wrap">
                <table class="summary-table">
                    <caption>"Điểm theo lĩnh vực"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Lĩnh vực"</th>
                            <th scope="col" class="num">"Điểm tối đa"</th>
                            <th scope="col" class="num">"Tối đa áp dụng"</th>
                            <th scope="col" class="num">"Tự chấm"</th>
                            <th scope="col" class="num">"Chỉ số"</th>
                            <th scope="col" class="num">"Đã trả lời"</th>
                            <th scope="col" class="num">"Thiếu TLKC"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        {(!report.bonus_earned.is_zero()).then(|| view! {
                            <tr class="bonus-row">
                                <th scope="row">{match set.bonus_cap { Some(c) => format!("Điểm thưởng (tối đa {})", c.vi()), None => "Điểm thưởng".into() }}</th>
                                <td class="num">"—"</td><td class="num">"—"</td>
                                <td class="num" data-label="Cộng">{format!("+{}", report.bonus.vi())}</td>
                                <td></td><td></td><td></td>
                            </tr>
                        })}
                        <tr>
                            <th scope="row">"Tổng cộng"</th>
                            <td class="num" data-label="Điểm tối đa">{declared.vi()}</td>
                            <td class="num" data-label="Tối đa áp dụng">{report.applicable_max.vi()}</td>
                            <td class="num" data-label="Tự chấm">{report.total.vi()}</td>
                            <td class="num" data-label="Chỉ số">{report.index.map(|i| format!("{}%", i.vi_fixed2())).unwrap_or_else(|| "—".into())}</td>
                            <td class="num" data-label="Đã trả lời">{format!("{}/{}", report.answered, report.answerable)}</td>
                            <td class="num" data-label="Thiếu TLKC">{open.lacking_evidence.len()}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            </div>
            {(!report.survey_max.is_zero()).then(|| view! {
                <p class="hint">{format!(
                    "Điểm tối đa {} gồm {} điểm điều tra xã hội học do cơ quan có thẩm quyền chấm; cơ quan không tự chấm phần này nên nó không tính vào tối đa áp dụng.",
                    declared.vi(), report.survey_max.vi()
                )}</p>
            })}
            {review.get().map(|rv| {
                let requested: Vec<String> = rv.items.iter().filter(|(_, i)| i.request != RequestKind::None).map(|(c, _)| c.clone()).collect();
                view! {
                    <section class="review-summary" aria-labelledby="ket-qua-tham-dinh">
                        <h3 id="ket-qua-tham-dinh">{format!("Kết quả thẩm định lần {}", rv.round)}</h3>
                        <p>{format!(
                            "Điểm thẩm định {} · chỉ số {} · {} · trạng thái: {}",
                            rv.appraised_total.vi(),
                            rv.appraised_index.map(|i| format!("{}%", i.vi_fixed2())).unwrap_or_else(|| "—".into()),
                            rv.appraised_class.clone().unwrap_or_else(|| "—".into()),
                            rv.status.label_vi()
                        )}</p>
                        {a.draft.with_untracked(|d| {
                            let after = crate::domain::review::draft_appraised(&set, d, &rv.items);
                            crate::ui::charts::field_bars(&set.fields, &report, &after, ["Tự chấm hiện tại", "Sau thẩm định"])
                        })}
                        <h4>{format!("Mục có yêu cầu giải trình, bổ sung ({})", requested.len())}</h4>
                        {item_links(&set, &requested)}
                    </section>
                }
            })}
            <h3 class="no-print-heading">"Còn phải hoàn thiện"</h3>
            <div class="open-lists">{lists}</div>
            <h3 id="diem-bi-mat">"Điểm bị mất"</h3>
            {if lost.is_empty() {
                view! { <p class="ok-note">"Không mất điểm ở mục nào."</p> }.into_any()
            } else {
                view! {
                    <p>{format!("Tổng cộng mất {} ở {} mục, xếp từ nhiều đến ít.", points_vi(total_lost), lost.len())}</p>
                    <div class="table-wrap">
                        <table class="lost-table" aria-labelledby="diem-bi-mat">
                            <thead>
                                <tr>
                                    <th scope="col">"Mã"</th>
                                    <th scope="col">"Nội dung"</th>
                                    <th scope="col" class="num">"Điểm mất"</th>
                                    <th scope="col">"Vì sao"</th>
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
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let picked = files::selected(&input);
        input.set_value("");
        leptos::task::spawn_local(async move {
            for file in picked {
                let result = match files::read(&file, 2 * 1024 * 1024).await {
                    Err(e) => Err(e),
                    Ok(f) => match read_review_file(&f.bytes) {
                        Err(p) => Err(format!(
                            "Tệp «{}» không đọc được: {}",
                            f.name,
                            p.iter()
                                .map(|p| p.to_string())
                                .collect::<Vec<_>>()
                                .join("; ")
                        )),
                        Ok(review) => {
                            let (id, name) =
                                a.draft.with_untracked(|d| (d.id.clone(), d.display_name()));
                            if review.draft_id != id {
                                Err(format!("Tệp «{}» là kết quả thẩm định của «{}», không phải của bản đang mở «{name}». Hãy mở đúng bản ở mục «Các bản».", f.name, review.agency_name))
                            } else {
                                let (n, round) = (
                                    review
                                        .items
                                        .values()
                                        .filter(|i| i.request != RequestKind::None)
                                        .count(),
                                    review.round,
                                );
                                a.draft.update(|d| d.review = Some(review));
                                Ok(format!("Đã nhập kết quả thẩm định lần {round}: {n} mục có yêu cầu. Các yêu cầu hiện ở từng mục; sau khi bổ sung, hãy xuất tệp nộp lần {}.", round + 1))
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
                a.draft.update(|d| d.last_exported = Some(now));
                (true, format!("Đã xuất tệp «{}» (mã niêm phong SHA-256 {}…). Gửi tệp này cho cơ quan thẩm định.", sub.file_name(), &sub.digest[..12]))
            }
            Err(e) => (false, e),
        }));
    };
    let export_csv = move |_| {
        let Some(report) = a.report.get_untracked() else {
            return;
        };
        let name = a.draft.with_untracked(|d| {
            format!(
                "bang-diem-{}-{}.csv",
                file_slug(&d.profile.name, "co-quan"),
                page::today_iso()
            )
        });
        if let Err(e) = files::download(
            &name,
            "text/csv;charset=utf-8",
            &score_csv(&csv_set, &report),
        ) {
            export_message.set(Some((false, e)));
        }
    };
    view! {
        <div class="page-card summary-page">
            <h2 id="trang-tieu-de" tabindex="-1">"Bảng tổng hợp kết quả tự đánh giá"</h2>
            <div class="actions export-actions" id="nop-ho-so">
                <button type="button" class="button" on:click=export_json>
                    {move || match a.draft.with(|d| d.next_round()) { 1 => "Xuất tệp nộp (JSON)".to_string(), n => format!("Xuất tệp nộp lần {n} (JSON)") }}
                </button>
                <input id="nhap-ket-qua" class="file-input" type="file" accept=".json,application/json" on:change=import_review/>
                <label for="nhap-ket-qua" class="file-button secondary-file">"Nhập kết quả thẩm định (JSON)"</label>
                <button type="button" class="secondary" on:click=export_csv>"Xuất bảng điểm (CSV, mở bằng Excel)"</button>
                <button type="button" class="secondary" on:click=move |_| page::print()>"In bảng tổng hợp"</button>
                <label class="check">
                    <input type="checkbox" prop:checked=move || with_details.get() on:change=move |ev| with_details.set(event_target_checked(&ev))/>
                    " Kèm bảng chi tiết từng tiêu chí (có tài liệu kiểm chứng)"
                </label>
            </div>
            {move || export_message.get().map(|(ok, m)| crate::ui::banner::outcome_banner(ok, m))}
            {body}
            {move || with_details.get().then(|| {
                let report = a.report.get()?;
                Some(a.draft.with(|d| detail_table(&detail_set, d, &report)))
            })}
            <div class="signatures" aria-hidden="true">
                <p><strong>"Người lập biểu"</strong><br/>"(Ký, ghi rõ họ tên)"</p>
                <p><strong>"Thủ trưởng cơ quan, đơn vị"</strong><br/>"(Ký, ghi rõ họ tên và đóng dấu)"</p>
            </div>
            <h3 class="no-print-heading">"Khó khăn, kiến nghị"</h3>
            <TextArea
                id="kho-khan".to_string()
                label="Khó khăn, vướng mắc".to_string()
                value=Signal::derive(move || a.draft.with(|d| d.difficulties.clone()))
                on_input=Callback::new(move |v: String| a.draft.update(|d| d.difficulties = v))
            />
            <TextArea
                id="kien-nghi".to_string()
                label="Kiến nghị, đề xuất".to_string()
                value=Signal::derive(move || a.draft.with(|d| d.proposals.clone()))
                on_input=Callback::new(move |v: String| a.draft.update(|d| d.proposals = v))
            />
        </div>
    }
}

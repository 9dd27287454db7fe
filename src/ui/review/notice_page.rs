//! Thông báo kết quả thẩm định: the printable result the council sends one
//! agency (A4 portrait, print or save as PDF). Totals self-assessed against
//! appraised per field, the survey score and the final index and class,
//! every item whose appraised score differs with the agency's reason and
//! the council's comment, and every request.

use leptos::prelude::*;

use crate::browser::{files, page};
use crate::domain::appraisal::notice::{
    notice_document, notice_file_name, result_notice, NoticeItem, ResultNotice,
};
use crate::domain::assessment::profile::province_issuer;
use crate::domain::assessment::review_file::RequestKind;
use crate::domain::Dec;
use crate::ui::app::LibraryState;
use crate::ui::assessment::sidebar::nav_link;
use crate::ui::paper::{doc_head, signature_block, Signer};
use crate::ui::review::use_review;
use crate::ui::route::Route;

#[component]
pub fn NoticePage(key: String) -> impl IntoView {
    let r = use_review();
    view! {
        <div class="print-page">
            <h2 id="trang-tieu-de" tabindex="-1" class="screen-only">{t!("Thông báo kết quả thẩm định", "Appraisal result notice")}</h2>
            {move || if r.ready.get() { notice_paper(key.clone()) } else { crate::ui::review::opening_desk() }}
        </div>
    }
}

fn pct(i: Option<Dec>) -> String {
    i.map(|i| format!("{}%", i.shown_fixed2()))
        .unwrap_or_else(|| "—".into())
}

fn notice_paper(key: String) -> AnyView {
    let r = use_review();
    let lib = expect_context::<LibraryState>();
    let back = nav_link(
        Route::DeskEntry(key.clone()),
        "",
        t!("← Về hồ sơ", "← Back to the submission"),
    );
    let notice = r.desk.with_untracked(|d| {
        let e = d.entries.get(&key)?;
        Some(lib.library.with_untracked(|l| {
            l.get(&e.submission.criteria_set_key)
                .map(|x| result_notice(e, &x.set))
        }))
    });
    let n = match notice {
        None => {
            return view! {
                <p class="banner banner-warn" role="alert">{t!("Không có hồ sơ này trên bàn thẩm định.", "This submission is not on the appraisal desk.")}</p>
                <div class="actions">{back}</div>
            }
            .into_any()
        }
        Some(None) => {
            return view! {
                <p class="banner banner-warn" role="alert">{t!("Chưa có bộ tiêu chí chính thức của hồ sơ này trong thư viện: kết quả chỉ được thông báo theo bộ chính thức. Hãy nạp bộ tiêu chí ở trang Bộ tiêu chí.", "The official criteria set of this submission is not in the library: results are only notified on the official set. Load it on the Criteria sets page.")}</p>
                <div class="actions">{back}</div>
            }
            .into_any()
        }
        Some(Some(n)) => n,
    };
    let draft = n.is_draft();
    let chair = r.seat.with_untracked(|s| {
        s.members
            .iter()
            .find(|a| a.role == "Chủ tịch Hội đồng")
            .map(|a| a.member.name.clone())
            .unwrap_or_default()
    });
    let today = page::today_iso();
    let word_message = RwSignal::new(None::<(bool, String)>);
    let export_word = {
        let (n, chair, today) = (n.clone(), chair.clone(), today.clone());
        move |_| {
            let name = notice_file_name(&n, &today);
            let bytes = notice_document(&n, &chair, &today).to_docx();
            word_message.set(Some(match files::download_word(&name, &bytes) {
                Ok(()) => (
                    true,
                    tf!(
                        "Đã tải «{}». Mở bằng Word, ghi số văn bản, rồi trình ký.",
                        "Downloaded «{}». Open it in Word, give it its number, then have it signed.",
                        name
                    ),
                ),
                Err(e) => (false, e),
            }));
        }
    };
    let ResultNotice {
        agency,
        province,
        year,
        round,
        set_title,
        ..
    } = n.clone();
    let item_rows = |list: &[NoticeItem]| {
        list.iter()
            .map(|i| {
                view! {
                    <tr>
                        <td>{i.code.clone()}</td>
                        <td>{i.title.clone()}</td>
                        <td class="num">{i.max.shown()}</td>
                        <td class="num">{i.self_points.shown()}</td>
                        <td class="num">{i.appraised.shown()}</td>
                        <td>{i.self_reason.clone()}</td>
                        <td>
                            {(i.request != RequestKind::None).then(|| view! { <strong>{i.request.label()}</strong><br/> })}
                            {i.comment.clone()}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let item_table = move |caption: String, list: &[NoticeItem]| {
        view! {
            <table class="doc-table notice-items">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!("Mã", "Code")}</th>
                        <th scope="col">{t!("Nội dung", "Item")}</th>
                        <th scope="col">{t!("Điểm tối đa", "Maximum")}</th>
                        <th scope="col">{t!("Tự đánh giá", "Self-score")}</th>
                        <th scope="col">{t!("Thẩm định", "Appraised")}</th>
                        <th scope="col">{t!("Căn cứ tự đánh giá", "Basis of the self-score")}</th>
                        <th scope="col">{t!("Ý kiến của Hội đồng", "The council's comment")}</th>
                    </tr>
                </thead>
                <tbody>{item_rows(list)}</tbody>
            </table>
        }
        .into_any()
    };
    let changed = (!n.changed.is_empty()).then(|| {
        item_table(
            tf!(
                "II. Các nội dung có điểm thẩm định khác điểm tự đánh giá ({})",
                "II. Items whose appraised score differs from the self-score ({})",
                n.changed.len()
            ),
            &n.changed,
        )
    });
    let requests = (!n.requests.is_empty()).then(|| {
        view! {
            <table class="doc-table notice-requests">
                <caption>{tf!(
                    "III. Các nội dung Hội đồng đề nghị giải trình, bổ sung tài liệu ({})",
                    "III. Items the council asks to explain or document ({})",
                    n.requests.len()
                )}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!("Mã", "Code")}</th>
                        <th scope="col">{t!("Nội dung", "Item")}</th>
                        <th scope="col">{t!("Đề nghị", "Request")}</th>
                        <th scope="col">{t!("Ý kiến của Hội đồng", "The council's comment")}</th>
                    </tr>
                </thead>
                <tbody>{n.requests.iter().map(|i| view! {
                    <tr>
                        <td>{i.code.clone()}</td>
                        <td>{i.title.clone()}</td>
                        <td>{i.request.label()}</td>
                        <td>{i.comment.clone()}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        }
    });
    let fields = n
        .fields
        .iter()
        .map(|f| {
            let diff = f.appraised - f.self_points;
            view! {
                <tr>
                    <th scope="row">{format!("{}. {}", f.code, f.title)}</th>
                    <td class="num">{f.applicable_max.shown()}</td>
                    <td class="num">{f.self_points.shown()}</td>
                    <td class="num">{f.appraised.shown()}</td>
                    <td class="num">{if diff.is_zero() { "0".to_string() } else { diff.shown() }}</td>
                </tr>
            }
        })
        .collect_view();
    let survey_row = n.survey.map(|(s, m)| {
        view! {
            <tr>
                <th scope="row">{t!("Điểm điều tra xã hội học", "Survey score")}</th>
                <td class="num">{m.shown()}</td>
                <td class="num">"—"</td>
                <td class="num">{s.shown()}</td>
                <td></td>
            </tr>
        }
    });
    view! {
        <div class="print-tools">
            {draft.then(|| view! {
                <p class="banner banner-warn" role="status">{if n.undecided > 0 {
                    tf!("Còn {} mục thành viên hội đồng chấm khác nhau, chưa quyết định: thông báo in ra mang dấu DỰ THẢO.", "{} items the members appraised differently are still undecided: the notice prints marked DRAFT.", n.undecided)
                } else {
                    t!("Hồ sơ chưa chốt điểm: thông báo in ra mang dấu DỰ THẢO.", "The record is not closed: the notice prints marked DRAFT.").to_string()
                }}</p>
            })}
            <div class="actions">
                <button type="button" class="button" on:click=move |_| page::print()>{t!("In thông báo", "Print the notice")}</button>
                <button type="button" class="button secondary" on:click=export_word>{t!("Tải bản Word (.docx)", "Download as Word (.docx)")}</button>
                {back}
            </div>
            {move || word_message.get().map(|(ok, m)| view! {
                <p class=if ok { "banner banner-ok" } else { "banner banner-error" } role="status">{m}</p>
            })}
        </div>
        <article class="paper" aria-label={t!("Bản in thông báo kết quả thẩm định", "The printed result notice")}>
            {draft.then(|| view! { <p class="draft-mark">{t!("DỰ THẢO", "DRAFT")}</p> })}
            {doc_head(vec![province_issuer(&province), t!("HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC", "PAR INDEX APPRAISAL COUNCIL").into()], None, province.clone(), &today, false)}
            <h3 class="doc-title">{t!("Thông báo kết quả thẩm định", "Appraisal result notice")}<br/><span>{tf!("Chỉ số cải cách hành chính năm {year}", "PAR INDEX {year}")}</span></h3>
            <p class="doc-to">{tf!("Kính gửi: {agency}", "To: {agency}")}</p>
            <p>{tf!(
                "Hội đồng thẩm định Chỉ số cải cách hành chính thông báo kết quả thẩm định hồ sơ tự đánh giá (lần nộp {round}) của {agency}, theo bộ tiêu chí «{set_title}», như sau:",
                "The PAR INDEX appraisal council notifies the appraisal of the self-assessment (submission no. {round}) of {agency}, on the criteria set «{set_title}», as follows:"
            )}</p>
            <table class="doc-table notice-totals">
                <caption>{t!("I. Kết quả theo lĩnh vực", "I. Results by field")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!("Lĩnh vực", "Field")}</th>
                        <th scope="col">{t!("Điểm tối đa áp dụng", "Applicable maximum")}</th>
                        <th scope="col">{t!("Tự đánh giá", "Self-score")}</th>
                        <th scope="col">{t!("Thẩm định", "Appraised")}</th>
                        <th scope="col">{t!("Chênh lệch", "Difference")}</th>
                    </tr>
                </thead>
                <tbody>
                    {fields}
                    {survey_row}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{t!("Tổng điểm tự đánh giá và thẩm định", "Self-assessed and appraised total")}</th>
                        <td class="num">{n.applicable_max.shown()}</td>
                        <td class="num">{n.self_total.shown()}</td>
                        <td class="num">{n.appraised_total.shown()}</td>
                        <td class="num">{(n.appraised_total - n.self_total).shown()}</td>
                    </tr>
                    {n.survey.map(|(s, m)| view! {
                        <tr>
                            <th scope="row">{t!("Tổng điểm (gồm điểm điều tra xã hội học)", "Total (survey included)")}</th>
                            <td class="num">{(n.applicable_max + m).shown()}</td>
                            <td class="num">"—"</td>
                            <td class="num">{(n.appraised_total + s).shown()}</td>
                            <td></td>
                        </tr>
                    })}
                </tfoot>
            </table>
            <p class="doc-result">
                {tf!("Tự đánh giá: {} điểm, chỉ số {}, xếp loại {}. ", "Self-assessment: {} points, index {}, class {}. ", n.self_total.shown(), pct(n.self_index), n.self_class.clone().unwrap_or_else(|| "—".into()))}
                <strong>{tf!("Sau thẩm định: chỉ số {}, xếp loại {}.", "After appraisal: index {}, class {}.", pct(n.final_index), n.final_class.clone().unwrap_or_else(|| "—".into()))}</strong>
                {n.survey.is_none().then(|| t!(" (Chưa gồm điểm điều tra xã hội học.)", " (Survey score not included.)"))}
            </p>
            {changed.unwrap_or_else(|| view! { <p>{t!("II. Không có nội dung nào có điểm thẩm định khác điểm tự đánh giá.", "II. No item's appraised score differs from the self-score.")}</p> }.into_any())}
            {requests}
            <div class="doc-foot">
                <p class="recipients"><strong><em>{t!("Nơi nhận:", "Recipients:")}</em></strong><br/>
                    {tf!("- {agency};", "- {agency};")}<br/>
                    {t!("- Các thành viên Hội đồng;", "- The council's members;")}<br/>
                    {t!("- Lưu: VT.", "- Archive.")}
                </p>
                {signature_block(vec![
                    Signer { lines: vec![t!("TM. HỘI ĐỒNG THẨM ĐỊNH", "FOR THE APPRAISAL COUNCIL").into(), t!("CHỦ TỊCH", "CHAIR").into()], note: t!("(Ký, ghi rõ họ tên và đóng dấu)", "(Signature, full name and seal)"), name: chair },
                ], false)}
            </div>
        </article>
    }
    .into_any()
}

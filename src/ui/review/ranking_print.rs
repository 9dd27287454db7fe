//! One block of the ranking as a province publishes it: A4 landscape, the
//! issuer and the national motto, Xếp hạng | Cơ quan | Điểm thẩm định |
//! Điểm ĐTXHH | Tổng điểm | Chỉ số | the index of each field | Xếp loại,
//! the set's classes, and the council's signature block.

use leptos::prelude::*;

use crate::browser::page;
use crate::domain::appraisal::ranking::ranking_blocks_checked;
use crate::domain::assessment::profile::province_issuer;
use crate::domain::Dec;
use crate::ui::app::LibraryState;
use crate::ui::assessment::inputs::TextInput;
use crate::ui::assessment::sidebar::nav_link;
use crate::ui::paper::{doc_head, signature_block, Signer};
use crate::ui::review::use_review;
use crate::ui::route::Route;

/// The province most of the block's agencies give.
fn common_province<'a>(provinces: impl Iterator<Item = &'a str>) -> String {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for p in provinces.map(str::trim).filter(|p| !p.is_empty()) {
        *counts.entry(p).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(p, _)| p.to_string())
        .unwrap_or_default()
}

#[component]
pub fn RankingPrintPage(set_key: String) -> impl IntoView {
    let r = use_review();
    view! {
        <div class="print-page landscape-page">
            <h2 id="trang-tieu-de" tabindex="-1" class="screen-only">{t!("In bảng xếp hạng (A4 ngang)", "Print the ranking (A4 landscape)")}</h2>
            {move || if r.ready.get() { ranking_paper(set_key.clone()) } else { crate::ui::review::opening_desk() }}
        </div>
    }
}

fn ranking_paper(set_key: String) -> AnyView {
    let r = use_review();
    let lib = expect_context::<LibraryState>();
    let block = {
        let set_key = set_key.clone();
        r.desk.with_untracked(|d| {
            lib.library.with_untracked(|l| {
                r.checks
                    .with_untracked(|c| ranking_blocks_checked(d, |k| l.get(k).map(|e| &e.set), c))
                    .into_iter()
                    .find(|b| b.set_key == set_key)
            })
        })
    };
    let back = nav_link(
        Route::Ranking,
        "",
        t!("← Về bảng xếp hạng", "← Back to the ranking"),
    );
    let Some(block) = block else {
        return view! {
            <div class="print-tools">
                <p>{tf!("Không có khối xếp hạng nào theo bộ tiêu chí «{set_key}» trên bàn thẩm định này.", "No ranking block on the criteria set «{set_key}» on this desk.")}</p>
                <div class="actions">{back}</div>
            </div>
        }
        .into_any();
    };
    let province = r.desk.with_untracked(|d| {
        common_province(
            block
                .rows
                .iter()
                .filter_map(|row| d.entries.get(&row.key))
                .map(|e| e.submission.agency.province.as_str()),
        )
    });
    let issuer = RwSignal::new(province_issuer(&province));
    let council_line = RwSignal::new(
        t!(
            "HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC",
            "PAR INDEX APPRAISAL COUNCIL"
        )
        .to_string(),
    );
    let (chair, secretary) = r.seat.with_untracked(|s| {
        let named = |role: &str| {
            s.members
                .iter()
                .find(|a| a.role == role && !a.member.name.trim().is_empty())
                .map(|a| a.member.name.clone())
                .unwrap_or_default()
        };
        let secretary = match named("Thư ký") {
            n if n.is_empty() => s.me.name.clone(),
            n => n,
        };
        (named("Chủ tịch Hội đồng"), secretary)
    });
    let block_title = block.title.clone();
    let pct = |i: Option<Dec>| {
        i.map(|i| format!("{}%", i.shown_fixed2()))
            .unwrap_or_else(|| "—".into())
    };
    let n_fields = block.fields.len();
    let bands = block
        .bands
        .iter()
        .map(|(min, label)| tf!("{label}: từ {}%", "{label}: from {}%", min.shown()))
        .collect::<Vec<_>>()
        .join("; ");
    let today = page::today_iso();
    let head = move || {
        doc_head(
            vec![issuer.get(), council_line.get()],
            None,
            province.clone(),
            &today,
            false,
        )
    };
    view! {
        <div class="print-tools">
                <p class="lead">{t!("Bản in theo mẫu công bố: sửa dòng cơ quan ban hành nếu cần, rồi bấm In (hoặc lưu thành PDF).", "The published layout: change the issuer's lines if needed, then Print (or save as PDF).")}</p>
                <div class="form-grid">
                    <TextInput id="in-co-quan".to_string() label={t!("Cơ quan ban hành (dòng 1)", "Issuer (line 1)").to_string()} value=issuer on_input=Callback::new(move |v| issuer.set(v))/>
                    <TextInput id="in-hoi-dong".to_string() label={t!("Cơ quan ban hành (dòng 2)", "Issuer (line 2)").to_string()} value=council_line on_input=Callback::new(move |v| council_line.set(v))/>
                </div>
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| page::print()>{t!("In bảng xếp hạng", "Print the ranking")}</button>
                    {back}
                </div>
            </div>
            <article class="paper landscape" aria-label={t!("Bản in bảng xếp hạng", "The printed ranking")}>
                {head}
                <h3 class="doc-title">{tf!("Kết quả xếp hạng Chỉ số cải cách hành chính", "PAR INDEX ranking")}<br/><span>{tf!("Khối: {}", "Block: {}", block_title)}</span></h3>
                <table class="doc-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!("Xếp hạng", "Rank")}</th>
                            <th scope="col">{t!("Cơ quan", "Agency")}</th>
                            <th scope="col">{t!("Điểm thẩm định", "Appraised score")}</th>
                            <th scope="col">{t!("Điểm ĐTXHH", "Survey score")}</th>
                            <th scope="col">{t!("Tổng điểm", "Total score")}</th>
                            <th scope="col">{t!("Chỉ số (%)", "Index (%)")}</th>
                            {block.fields.iter().map(|(c, t)| view! { <th scope="col" title=t.clone()>{tf!("LV {c}", "F{c}")}</th> }).collect_view()}
                            <th scope="col">{t!("Xếp loại", "Class")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {block.rows.iter().map(|row| view! {
                            <tr>
                                <td class="num">{row.rank}</td>
                                <th scope="row">{row.agency.clone()}</th>
                                <td class="num">{row.appraised.shown()}</td>
                                <td class="num">{row.survey.map(|s| s.shown()).unwrap_or_else(|| "—".into())}</td>
                                <td class="num">{row.total.shown()}</td>
                                <td class="num">{pct(row.index)}</td>
                                {row.field_index.iter().map(|i| view! { <td class="num">{pct(*i)}</td> }).collect_view()}
                                <td>{row.class.clone().unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="doc-note">
                    {tf!("Các lĩnh vực: {}.", "Fields: {}.", block.fields.iter().map(|(c, t)| format!("LV {c}: {t}")).collect::<Vec<_>>().join("; "))}
                    " "
                    {(!bands.is_empty()).then(|| tf!("Xếp loại: {bands}.", "Classes: {bands}."))}
                    " "
                    {tf!("Tổng điểm = điểm thẩm định + điểm điều tra xã hội học; chỉ số = tổng điểm ÷ điểm tối đa áp dụng. {} cơ quan, {} lĩnh vực.", "Total = appraised score + survey score; index = total ÷ applicable maximum. {} agencies, {} fields.", block.rows.len(), n_fields)}
                </p>
                {signature_block(vec![
                    Signer { lines: vec![t!("THƯ KÝ HỘI ĐỒNG", "COUNCIL SECRETARY").into()], note: t!("(Ký, ghi rõ họ tên)", "(Signature and full name)"), name: secretary },
                    Signer { lines: vec![t!("TM. HỘI ĐỒNG THẨM ĐỊNH", "FOR THE APPRAISAL COUNCIL").into(), t!("CHỦ TỊCH", "CHAIR").into()], note: t!("(Ký, ghi rõ họ tên và đóng dấu)", "(Signature, full name and seal)"), name: chair },
                ], false)}
            </article>
    }
    .into_any()
}

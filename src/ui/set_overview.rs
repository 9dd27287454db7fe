//! The page of one criteria set: metadata, provenance, classification bands,
//! per-field totals, and the tree.

use leptos::prelude::*;

use crate::domain::criteria::rule_text::{date_text, range_text};
use crate::domain::{CriteriaSet, Dec, Provenance, Rule};
use crate::ui::app::LibraryState;
use crate::ui::criteria_tree::CriteriaTree;

#[component]
pub fn SetView() -> impl IntoView {
    let state = expect_context::<LibraryState>();
    let selected_set = Memo::new(move |_| {
        let key = state.selected.get()?;
        state.library.with(|l| l.get(&key).map(|e| e.set.clone()))
    });
    move || {
        match selected_set.get() {
        Some(set) => view! { <SetOverview set/> }.into_any(),
        None => view! { <p class="placeholder">{t!("Đang tải các bộ tiêu chí…", "Loading criteria sets…")}</p> }.into_any(),
    }
    }
}

#[component]
pub fn SetOverview(set: CriteriaSet) -> impl IntoView {
    let counts = set.counts();
    let survey = set.survey_max();
    let bonus_items: Dec = set
        .scored_units()
        .filter(|u| matches!(u.rule, Rule::Bonus { .. }))
        .map(|u| u.max)
        .sum();
    let field_rows = set
        .fields
        .iter()
        .map(|f| {
            let items: usize = f.criteria.iter().map(|c| c.items.len()).sum();
            let survey: Dec = f
                .criteria
                .iter()
                .flat_map(|c| c.units(f))
                .filter(|u| u.rule.is_survey())
                .map(|u| u.max)
                .sum();
            view! {
                <tr>
                    <th scope="row">{format!("{}. {}", f.code, f.title_shown())}</th>
                    <td class="num">{f.criteria.len()}</td>
                    <td class="num">{items}</td>
                    <td class="num">{f.max.shown()}</td>
                    <td class="num">{if survey.is_zero() { "—".to_string() } else { survey.shown() }}</td>
                </tr>
            }
        })
        .collect_view();
    let bands = set
        .bands
        .iter()
        .map(|b| view! { <li><strong>{b.label_shown().to_string()}</strong>{t!(": chỉ số ", ": index ")} {range_text(&b.range(), "%")}</li> })
        .collect_view();
    view! {
        <article class="set-overview">
            <h2 class="set-heading">{set.title_shown().to_string()}</h2>
            {set.title_en.clone().map(|t| view! { <p class="title-en" lang="en">{t}</p> })}
            {(set.provenance == Provenance::Illustrative).then(|| view! {
                <div class="banner banner-illustrative" role="note">
                    <p><strong>{t!("Bộ tiêu chí minh họa.", "Illustrative criteria set.")}</strong>
                    {t!(" Dựng theo cấu trúc đã công bố để tập huấn và dùng thử, không phải văn bản của tỉnh nào. Khi tự đánh giá thật, hãy nạp bộ tiêu chí do tỉnh của bạn ban hành.", " Built on the published structure for training and trying the app; not any province's issued text. For a real self-assessment, load the criteria set your province issued.")}</p>
                    {set.provenance_note.clone().map(|n| view! { <p class="note">{n}</p> })}
                </div>
            })}
            <dl class="meta">
                <dt>{t!("Cơ quan ban hành", "Issuing body")}</dt><dd>{set.issuer.clone()}</dd>
                <dt>{t!("Quyết định", "Decision")}</dt><dd>{tf!("{}, ngày {}", "{}, dated {}", set.decision.number, date_text(&set.decision.date))}</dd>
                <dt>{t!("Năm đánh giá", "Assessment year")}</dt><dd>{set.year}</dd>
                <dt>{t!("Loại đơn vị", "Unit type")}</dt><dd>{set.unit_type.label()}</dd>
                <dt>{t!("Nguồn", "Source")}</dt><dd>{match set.provenance { Provenance::Official => t!("Chính thức", "Official"), Provenance::Illustrative => t!("Minh họa", "Illustrative") }}</dd>
                <dt>{t!("Mã, phiên bản", "Id, version")}</dt><dd><code>{set.id.clone()}</code>{tf!(" · phiên bản {}", " · version {}", set.version)}</dd>
                <dt>{t!("Cơ cấu", "Structure")}</dt><dd>{tf!("{} lĩnh vực, {} tiêu chí, {} tiêu chí thành phần; {} mục tự chấm (các tiêu chí thành phần và các tiêu chí chấm trực tiếp, không kể mục điều tra xã hội học)", "{} fields, {} criteria, {} sub-criteria; {} items to answer (the sub-criteria and the criteria scored directly, survey items aside)", counts.fields, counts.criteria, counts.items, counts.answerable)}</dd>
                <dt>{t!("Tổng điểm", "Total score")}</dt>
                <dd>
                    {tf!("{} điểm", "{} points", set.total_max.shown())}
                    {(!survey.is_zero()).then(|| tf!(" (trong đó {} điểm điều tra xã hội học, cơ quan không tự chấm)", " (of which {} survey points, not self-scored)", survey.shown()))}
                </dd>
                {(!bonus_items.is_zero()).then(|| view! {
                    <dt>{t!("Điểm thưởng", "Bonus")}</dt>
                    <dd>{tf!("tối đa {} điểm", "at most {} points", set.bonus_cap.unwrap_or(bonus_items).shown())}</dd>
                })}
            </dl>
            <h3>{t!("Xếp loại theo chỉ số", "Class by index")}</h3>
            <ul class="bands">{bands}</ul>
            <h3 id="bang-linh-vuc">{t!("Điểm tối đa theo lĩnh vực", "Maximum by field")}</h3>
            <div class="table-wrap">
                <table class="fields-table" aria-labelledby="bang-linh-vuc">
                    <thead>
                        <tr>
                            <th scope="col">{t!("Lĩnh vực", "Field")}</th>
                            <th scope="col" class="num">{t!("Tiêu chí", "Criterion")}</th>
                            <th scope="col" class="num">"TCTP"</th>
                            <th scope="col" class="num">{t!("Điểm tối đa", "Maximum")}</th>
                            <th scope="col" class="num">{t!("Trong đó ĐTXHH", "Of which survey")}</th>
                        </tr>
                    </thead>
                    <tbody>{field_rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{t!("Tổng cộng", "Total")}</th>
                            <td class="num">{counts.criteria}</td>
                            <td class="num">{counts.items}</td>
                            <td class="num">{set.total_max.shown()}</td>
                            <td class="num">{if survey.is_zero() { "—".to_string() } else { survey.shown() }}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <h3>{t!("Cây tiêu chí", "Criteria tree")}</h3>
            <CriteriaTree set/>
        </article>
    }
}

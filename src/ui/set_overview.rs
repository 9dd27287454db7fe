//! The page of one criteria set: metadata, provenance, classification bands,
//! per-field totals, and the tree.

use leptos::prelude::*;

use crate::domain::rule_text::{date_vi, range_vi};
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
    move || match selected_set.get() {
        Some(set) => view! { <SetOverview set/> }.into_any(),
        None => view! { <p class="placeholder">"Đang tải các bộ tiêu chí…"</p> }.into_any(),
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
                    <th scope="row">{format!("{}. {}", f.code, f.title)}</th>
                    <td class="num">{f.criteria.len()}</td>
                    <td class="num">{items}</td>
                    <td class="num">{f.max.vi()}</td>
                    <td class="num">{if survey.is_zero() { "—".to_string() } else { survey.vi() }}</td>
                </tr>
            }
        })
        .collect_view();
    let bands = set
        .bands
        .iter()
        .map(|b| view! { <li><strong>{b.label.clone()}</strong>": chỉ số " {range_vi(&b.range(), "%")}</li> })
        .collect_view();
    view! {
        <article class="set-overview">
            <h2 class="set-heading">{set.title.clone()}</h2>
            {set.title_en.clone().map(|t| view! { <p class="title-en" lang="en">{t}</p> })}
            {(set.provenance == Provenance::Illustrative).then(|| view! {
                <div class="banner banner-illustrative" role="note">
                    <p><strong>"Bộ tiêu chí minh họa."</strong>
                    " Dựng theo cấu trúc đã công bố để tập huấn và dùng thử, không phải văn bản của tỉnh nào. Khi tự đánh giá thật, hãy nạp bộ tiêu chí do tỉnh của bạn ban hành."</p>
                    {set.provenance_note.clone().map(|n| view! { <p class="note">{n}</p> })}
                </div>
            })}
            <dl class="meta">
                <dt>"Cơ quan ban hành"</dt><dd>{set.issuer.clone()}</dd>
                <dt>"Quyết định"</dt><dd>{format!("{}, ngày {}", set.decision.number, date_vi(&set.decision.date))}</dd>
                <dt>"Năm đánh giá"</dt><dd>{set.year}</dd>
                <dt>"Loại đơn vị"</dt><dd>{set.unit_type.label_vi()}</dd>
                <dt>"Nguồn"</dt><dd>{match set.provenance { Provenance::Official => "Chính thức", Provenance::Illustrative => "Minh họa" }}</dd>
                <dt>"Mã, phiên bản"</dt><dd><code>{set.id.clone()}</code>{format!(" · phiên bản {}", set.version)}</dd>
                <dt>"Cơ cấu"</dt><dd>{format!("{} lĩnh vực, {} tiêu chí, {} tiêu chí thành phần", counts.fields, counts.criteria, counts.items)}</dd>
                <dt>"Tổng điểm"</dt>
                <dd>
                    {format!("{} điểm", set.total_max.vi())}
                    {(!survey.is_zero()).then(|| format!(" (trong đó {} điểm điều tra xã hội học, cơ quan không tự chấm)", survey.vi()))}
                </dd>
                {(!bonus_items.is_zero()).then(|| view! {
                    <dt>"Điểm thưởng"</dt>
                    <dd>{format!("tối đa {} điểm", set.bonus_cap.unwrap_or(bonus_items).vi())}</dd>
                })}
            </dl>
            <h3>"Xếp loại theo chỉ số"</h3>
            <ul class="bands">{bands}</ul>
            <h3 id="bang-linh-vuc">"Điểm tối đa theo lĩnh vực"</h3>
            <div class="table-wrap">
                <table class="fields-table" aria-labelledby="bang-linh-vuc">
                    <thead>
                        <tr>
                            <th scope="col">"Lĩnh vực"</th>
                            <th scope="col" class="num">"Tiêu chí"</th>
                            <th scope="col" class="num">"TCTP"</th>
                            <th scope="col" class="num">"Điểm tối đa"</th>
                            <th scope="col" class="num">"Trong đó ĐTXHH"</th>
                        </tr>
                    </thead>
                    <tbody>{field_rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">"Tổng cộng"</th>
                            <td class="num">{counts.criteria}</td>
                            <td class="num">{counts.items}</td>
                            <td class="num">{set.total_max.vi()}</td>
                            <td class="num">{if survey.is_zero() { "—".to_string() } else { survey.vi() }}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <h3>"Cây tiêu chí"</h3>
            <CriteriaTree set/>
        </article>
    }
}

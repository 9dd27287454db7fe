//! Bảng xếp hạng: one block per criteria set (departments and communes are
//! never ranked together), each agency with self-score, appraised score,
//! survey score, total, index, class, rank (ties shared) and the index per
//! field of its block's set; sortable by any column; each block to CSV.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::browser::{files, page};
use crate::domain::appraisal::ranking::{
    held_apart, ranked_by, ranking_blocks_checked, ranking_by_csv, ranking_csv, RankBlock, RankBy,
    RankRow,
};
use crate::domain::base::paging::PageSpan;
use crate::domain::Dec;
use crate::ui::app::LibraryState;
use crate::ui::assessment::sidebar::nav_link;
use crate::ui::charts::PercentBars;
use crate::ui::fold::Fold;
use crate::ui::pager::{PageSize, Pager};
use crate::ui::review::use_review;
use crate::ui::route::Route;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Rank,
    Agency,
    SelfTotal,
    Appraised,
    Survey,
    Total,
    Index,
    Field(usize),
}

fn sort_key(r: &RankRow, c: Column) -> (Option<Dec>, String) {
    match c {
        Column::Rank => (Some(Dec::from_int(r.rank as i64)), String::new()),
        Column::Agency => (None, crate::domain::base::text::fold_vi(&r.agency)),
        Column::SelfTotal => (Some(r.self_total), String::new()),
        Column::Appraised => (Some(r.appraised), String::new()),
        Column::Survey => (r.survey, String::new()),
        Column::Total => (Some(r.total), String::new()),
        Column::Index => (r.index, String::new()),
        Column::Field(i) => (r.field_index.get(i).copied().flatten(), String::new()),
    }
}

/// Above this many agencies in a block, its chart is folded until opened.
const CHART_OPEN_MAX: usize = 40;

#[component]
pub fn RankingPage() -> impl IntoView {
    let r = use_review();
    let lib = expect_context::<LibraryState>();
    let sort = RwSignal::new((Column::Rank, true));
    // rows per page (the reviewer's one choice, the desk's list's too), and
    // each block's page (by its place on the page): a new order or page
    // size starts every block from its first page
    let per_page = Signal::derive(move || r.list.with(|q| q.per_page));
    let pages = RwSignal::new(BTreeMap::<usize, usize>::new());
    let blocks = Memo::new(move |_| {
        r.desk.with(|d| {
            lib.library.with(|l| {
                r.checks
                    .with(|c| ranking_blocks_checked(d, |k| l.get(k).map(|e| &e.set), c))
            })
        })
    });
    let sorted = move |mut list: Vec<RankRow>| {
        let (col, asc) = sort.get();
        list.sort_by(|a, b| {
            let o = sort_key(a, col).cmp(&sort_key(b, col));
            if asc {
                o
            } else {
                o.reverse()
            }
        });
        list
    };
    let header = move |label: String, col: Column| {
        let aria = move || {
            let (c, asc) = sort.get();
            (c == col).then_some(if asc { "ascending" } else { "descending" })
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" on:click=move |_| {
                    sort.update(|(c, asc)| {
                        if *c == col { *asc = !*asc } else { *c = col; *asc = matches!(col, Column::Rank | Column::Agency) }
                    });
                    pages.set(BTreeMap::new());
                }>
                    {label}
                    <span aria-hidden="true">{move || match sort.get() { (c, true) if c == col => " ▲", (c, false) if c == col => " ▼", _ => "" }}</span>
                </button>
            </th>
        }
    };
    let pct = |i: Option<Dec>| {
        i.map(|i| format!("{}%", i.shown_fixed2()))
            .unwrap_or_else(|| "—".into())
    };
    let figure = move |block: &RankBlock| {
        let list = &block.rows;
        let label = tf!(
            "Biểu đồ chỉ số của các cơ quan theo thứ hạng: {}",
            "Chart of the agencies' index by rank: {}",
            list.iter()
                .map(|r| tf!(
                    "hạng {} {} {}",
                    "rank {} {} {}",
                    r.rank,
                    r.agency,
                    pct(r.index)
                ))
                .collect::<Vec<_>>()
                .join("; ")
        );
        let bars: Vec<(String, Vec<Option<Dec>>)> = list
            .iter()
            .map(|r| {
                let mut name: String = r.agency.chars().take(34).collect();
                if name.len() < r.agency.len() {
                    name.push('…');
                }
                (format!("{}. {name}", r.rank), vec![r.index])
            })
            .collect();
        let marks: Vec<(Dec, String)> = block
            .bands
            .iter()
            .map(|(min, label)| (*min, tf!("Ngưỡng loại {}", "Class threshold {}", label)))
            .collect();
        view! {
            <figure class="chart">
                <figcaption>{t!("Chỉ số sau thẩm định, theo thứ hạng (vạch dọc: ngưỡng xếp loại)", "Index after appraisal, by rank (vertical lines: class thresholds)")}</figcaption>
                <PercentBars series=vec![{t!("Chỉ số", "Index")}] rows=bars marks label_width=250.0 label/>
            </figure>
        }
    };
    // A chart of a province's 170 communes is a bar a row, taller than
    // many screens above the table the reviewer came for: it is folded,
    // and drawn the first time it is opened.
    let chart = move |block: &RankBlock| {
        if block.rows.len() <= CHART_OPEN_MAX {
            return figure(block).into_any();
        }
        let summary = view! {
            <summary>{tf!("Biểu đồ chỉ số theo thứ hạng ({} cơ quan)", "Chart of the index by rank ({} agencies)", block.rows.len())}</summary>
        }
        .into_any();
        let block = block.clone();
        view! {
            <Fold class="chart-details" summary>{figure(&block)}</Fold>
        }
        .into_any()
    };
    let block_view = move |(n, block): (usize, RankBlock)| {
        // the CSV is written when asked for, not each time the page is drawn
        let for_csv = block.clone();
        let export = move |_| {
            let file = format!(
                "xep-hang-cchc-{}-{}.csv",
                crate::domain::base::text::file_slug(&for_csv.title, "khoi"),
                page::today_iso()
            );
            let _ = files::download(&file, "text/csv;charset=utf-8", &ranking_csv(&for_csv));
        };
        let fields = block.fields.clone();
        let print = Route::RankingPrint(block.set_key.clone());
        let total = block.rows.len();
        let span = Signal::derive(move || {
            PageSpan::of(
                total,
                pages.with(|p| p.get(&n).copied().unwrap_or(0)),
                per_page.get(),
            )
        });
        let pager_label = tf!(
            "Các trang của khối {}",
            "Pages of the block {}",
            block.title
        );
        let top = format!("khoi-xep-hang-{n}");
        let id = top.clone();
        view! {
            <section class="rank-block" id=id>
                <h3>{tf!("Khối: {}", "Block: {}", block.title)}</h3>
                <div class="actions">
                    <button type="button" class="button" on:click=export>{tf!("Xuất bảng xếp hạng khối này (CSV)", "Export this block's ranking (CSV)")}</button>
                    {nav_link(print, "button secondary", t!("In bảng xếp hạng (A4 ngang)", "Print the ranking (A4 landscape)"))}
                </div>
                {rank_by_view(n, block.clone())}
                {chart(&block)}
                <div class="table-wrap">
                    <table class="ranking-table">
                        <caption>{tf!("{}: {} cơ quan", "{}: {} agencies", block.title, block.rows.len())}</caption>
                        <thead>
                            <tr>
                                {header(t!("Hạng", "Rank").into(), Column::Rank)}
                                {header(t!("Cơ quan", "Agency").into(), Column::Agency)}
                                {header(t!("Tự chấm", "Self-score").into(), Column::SelfTotal)}
                                {header(t!("Điểm thẩm định", "Appraised score").into(), Column::Appraised)}
                                {header(t!("Điểm ĐTXHH", "Survey score").into(), Column::Survey)}
                                {header(t!("Tổng điểm", "Total score").into(), Column::Total)}
                                {header(t!("Chỉ số", "Index").into(), Column::Index)}
                                <th scope="col">{t!("Xếp loại", "Class")}</th>
                                {fields.into_iter().enumerate().map(|(i, (c, _))| header(tf!("LV {c}", "F{c}"), Column::Field(i))).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {move || span.get().of_list(&sorted(block.rows.clone())).iter().map(|row| view! {
                                <tr>
                                    <td class="num">{row.rank}</td>
                                    <th scope="row"><a href=Route::DeskEntry(row.key.clone()).hash()>{row.agency.clone()}</a></th>
                                    <td class="num">{row.self_total.shown()}</td>
                                    <td class="num">{row.appraised.shown()}</td>
                                    <td class="num">{row.survey.map(|s| s.shown()).unwrap_or_else(|| "—".into())}</td>
                                    <td class="num">{row.total.shown()}</td>
                                    <td class="num">{pct(row.index)}</td>
                                    <td>{row.class.clone().unwrap_or_else(|| "—".into())}</td>
                                    {row.field_index.iter().map(|i| view! { <td class="num">{pct(*i)}</td> }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <Pager span go=Callback::new(move |page| pages.update(|p| { p.insert(n, page); })) label=pager_label top/>
            </section>
        }
    };
    view! {
        <div class="page-card ranking-page">
            <h2 id="trang-tieu-de" tabindex="-1">{t!("Bảng xếp hạng", "Ranking")}</h2>
            <p class="lead">{t!("Mỗi bộ tiêu chí một khối: sở, ban, ngành và xã, phường không xếp hạng chung. Xếp theo chỉ số sau thẩm định, đã cộng điểm điều tra xã hội học khi có; các cơ quan bằng chỉ số cùng hạng. Bấm tiêu đề cột để sắp xếp.", "One block per criteria set: departments and communes are never ranked together. Ranked by index after appraisal, with survey points added when present; agencies with the same index share a rank. Click a column heading to sort.")}</p>
            {move || {
                let apart = r.desk.with(|d| lib.library.with(|l| held_apart(d, |k| l.get(k).map(|e| &e.set))));
                (!apart.is_empty()).then(|| view! {
                    <div class="banner banner-warn" role="status">
                        <p><strong>{tf!("{} hồ sơ chưa xếp hạng: chưa có bộ tiêu chí chính thức.", "{} submissions not ranked: no official criteria set.", apart.len())}</strong>
                        {t!(" Bộ tiêu chí của các tệp này không có trong thư viện; xếp loại theo bộ đi kèm tệp có thể bị làm giả. Hãy nạp bộ chính thức ở trang Bộ tiêu chí, hoặc mở hồ sơ và chấp nhận bộ đi kèm tệp.", " Their sets are not in the library; classes from a file's own set could be forged. Load the official set on the Criteria sets page, or open the submission and accept the enclosed set.")}</p>
                        <ul>{apart.into_iter().map(|(key, name, set)| view! {
                            <li>{nav_link(Route::DeskEntry(key), "", name)}{format!(" ({set})")}</li>
                        }).collect_view()}</ul>
                    </div>
                })
            }}
            <div class="actions">
                {nav_link(Route::Desk, "", t!("← Về bàn thẩm định", "← Back to the appraisal desk"))}
            </div>
            <crate::ui::review::survey_import::SurveyImport/>
            <div class="desk-filters">
                <PageSize
                    id="so-dong-xep-hang"
                    value=per_page
                    on_change=Callback::new(move |n| {
                        r.list.update(|q| {
                            q.per_page = n;
                            q.page = 0;
                        });
                        pages.set(BTreeMap::new());
                    })
                />
            </div>
            {move || {
                let list = blocks.get();
                if list.is_empty() {
                    return view! { <p>{t!("Chưa có cơ quan nào để xếp hạng.", "No agency to rank yet.")}</p> }.into_any();
                }
                list.into_iter().enumerate().map(block_view).collect_view().into_any()
            }}
        </div>
    }
}

/// Ranking a block by one field or one criterion: a choice of measure, the
/// agencies ranked by it (ties sharing a rank), and its CSV.
fn rank_by_view(n: usize, block: RankBlock) -> impl IntoView {
    let by = RwSignal::new(RankBy::Overall);
    let id = format!("xep-hang-theo-{n}");
    let parse = |v: &str| match v.split_at(v.len().min(1)) {
        ("f", i) => i.parse().map(RankBy::Field).unwrap_or(RankBy::Overall),
        ("c", i) => i.parse().map(RankBy::Criterion).unwrap_or(RankBy::Overall),
        _ => RankBy::Overall,
    };
    let fields = block
        .fields
        .iter()
        .enumerate()
        .map(|(i, (c, t))| view! { <option value=format!("f{i}")>{format!("{c}. {t}")}</option> })
        .collect_view();
    let criteria = block
        .criteria
        .iter()
        .enumerate()
        .map(
            |(i, (c, t, _))| view! { <option value=format!("c{i}")>{format!("{c}. {t}")}</option> },
        )
        .collect_view();
    let shown = move || {
        let b = by.get();
        if b == RankBy::Overall {
            return None;
        }
        let label = b.label(&block);
        let pct = matches!(b, RankBy::Field(_));
        let csv = ranking_by_csv(&block, b);
        let file = format!(
            "xep-hang-cchc-{}-{}-{}.csv",
            crate::domain::base::text::file_slug(&block.title, "khoi"),
            match b {
                RankBy::Field(i) => format!("lv-{}", block.fields[i].0),
                RankBy::Criterion(i) => format!("tc-{}", block.criteria[i].0),
                RankBy::Overall => String::new(),
            },
            page::today_iso()
        );
        let rows = ranked_by(&block, b)
            .into_iter()
            .map(|(rank, row, v)| {
                let v = v
                    .map(|v| if pct { format!("{}%", v.shown_fixed2()) } else { v.shown() })
                    .unwrap_or_else(|| t!("không áp dụng", "not applicable").into());
                view! {
                    <tr>
                        <td class="num">{if rank == 0 { "—".to_string() } else { rank.to_string() }}</td>
                        <th scope="row"><a href=Route::DeskEntry(row.key.clone()).hash()>{row.agency.clone()}</a></th>
                        <td class="num">{v}</td>
                        <td class="num">{row.rank}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="rank-by">
                <div class="actions">
                    <button type="button" class="button secondary" on:click=move |_| { let _ = files::download(&file, "text/csv;charset=utf-8", &csv); }>{t!("Xuất xếp hạng này (CSV)", "Export this ranking (CSV)")}</button>
                </div>
                <div class="table-wrap">
                    <table class="ranking-table">
                        <caption>{tf!("Xếp hạng theo {label}", "Ranked by {label}")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!("Hạng", "Rank")}</th>
                                <th scope="col">{t!("Cơ quan", "Agency")}</th>
                                <th scope="col">{label.clone()}</th>
                                <th scope="col">{t!("Hạng chung", "Overall rank")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        })
    };
    view! {
        <div class="text-input rank-by-choice">
            <label for=id.clone()>{t!("Xếp hạng theo", "Rank by")}</label>
            <select id=id on:change=move |ev| by.set(parse(&event_target_value(&ev)))>
                <option value="">{t!("Chỉ số chung (bảng dưới)", "Overall index (table below)")}</option>
                <optgroup label={t!("Chỉ số một lĩnh vực", "One field's index")}>{fields}</optgroup>
                <optgroup label={t!("Điểm một tiêu chí", "One criterion's points")}>{criteria}</optgroup>
            </select>
        </div>
        {shown}
    }
}

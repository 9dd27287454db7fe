//! Starting a set: a copy of a set in the library for a new year, an annex
//! table pasted from Word or Excel or uploaded as CSV, or a blank set. A
//! pasted table is shown with its columns recognised, each reassignable,
//! before the set is made.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{files, page};
use crate::domain::authoring::annex::{
    annex_rows, blank_set, import_annex, recognise_columns, Columns,
};
use crate::domain::authoring::studio::{copy_for_year, StudioDraft};
use crate::domain::authoring::xlsx::read_xlsx;
use crate::domain::base::table::{read_table, MAX_TABLE_BYTES};
use crate::ui::app::LibraryState;
use crate::ui::banner::outcome_banner;
use crate::ui::lazy::ChunkError;
use crate::ui::studio::use_studio;

fn this_year() -> u16 {
    page::today_iso()
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(2026)
}

const ROLES: [(&str, &str, &str); 6] = [
    ("", "(bỏ qua)", "(ignore)"),
    ("code", "STT / mã", "Number / code"),
    ("title", "Tên lĩnh vực, tiêu chí", "Field / criterion title"),
    ("max", "Điểm tối đa", "Maximum"),
    ("scoring", "Cách tính điểm", "Scoring"),
    ("evidence", "Tài liệu kiểm chứng", "Evidence"),
];

fn role_of(c: &Columns, i: usize) -> &'static str {
    let is = |x: Option<usize>| x == Some(i);
    if is(c.code) {
        "code"
    } else if is(c.title) {
        "title"
    } else if is(c.max) {
        "max"
    } else if is(c.scoring) {
        "scoring"
    } else if is(c.evidence) {
        "evidence"
    } else {
        ""
    }
}

fn assign(c: &mut Columns, i: usize, role: &str) {
    for slot in [
        &mut c.code,
        &mut c.title,
        &mut c.max,
        &mut c.scoring,
        &mut c.evidence,
    ] {
        if *slot == Some(i) {
            *slot = None;
        }
    }
    let slot = match role {
        "code" => &mut c.code,
        "title" => &mut c.title,
        "max" => &mut c.max,
        "scoring" => &mut c.scoring,
        "evidence" => &mut c.evidence,
        _ => return,
    };
    *slot = Some(i);
}

/// The Excel reader (calamine, ~210 KB) is a chunk of its own, fetched the
/// first time an .xlsx is chosen: neither agencies nor authors who paste
/// download it.
#[cfg_attr(cchc_split, leptos::wasm_split::wasm_split(doc_excel, wasm_split_path = ::leptos::wasm_split, fallible))]
fn read_excel(bytes: Vec<u8>) -> Result<Result<Vec<Vec<String>>, String>, ChunkError> {
    Ok(read_xlsx(&bytes))
}

#[component]
pub fn StartStudio() -> impl IntoView {
    let s = use_studio();
    let lib = expect_context::<LibraryState>();
    let outcome = RwSignal::new(None::<(bool, String)>);
    let year = RwSignal::new(this_year() + 1);
    let source = RwSignal::new(String::new());
    let table = RwSignal::new(None::<(Vec<Vec<String>>, Option<usize>, Columns)>);
    let pasted = RwSignal::new(String::new());

    let copy = move |_| {
        let key = source.get_untracked();
        let set = lib
            .library
            .with_untracked(|l| l.get(&key).map(|e| e.set.clone()));
        match set {
            Some(set) => {
                let copy = copy_for_year(&set, year.get_untracked());
                s.draft
                    .set(Some(StudioDraft::new(copy, Default::default(), Some(key))));
            }
            None => outcome.set(Some((
                false,
                t!(
                    "Hãy chọn bộ tiêu chí để sao chép.",
                    "Choose the criteria set to copy."
                )
                .into(),
            ))),
        }
    };
    let blank = move |_| {
        s.draft.set(Some(StudioDraft::new(
            blank_set(year.get_untracked()),
            Default::default(),
            None,
        )))
    };
    let take_rows = move |rows: Vec<Vec<String>>| {
        if rows.len() < 2 {
            outcome.set(Some((false, t!("Không thấy bảng nào: hãy sao chép cả bảng phụ lục (kể cả dòng tiêu đề) trong Word hoặc Excel rồi dán vào đây.", "No table found: copy the whole annex table (with its header row) in Word or Excel and paste it here.").into())));
            return;
        }
        let (header, cols) = recognise_columns(&rows);
        outcome.set(None);
        table.set(Some((rows, header, cols)));
    };
    let take_table = move |text: String| {
        if text.len() > MAX_TABLE_BYTES {
            outcome.set(Some((
                false,
                t!(
                    "Bảng quá lớn (giới hạn 8 MB).",
                    "The table is too large (8 MB limit)."
                )
                .into(),
            )));
            return;
        }
        take_rows(read_table(&text));
    };
    // the clipboard's HTML table when there is one (Word, Excel), else its text
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        let html = data.get_data("text/html").unwrap_or_default();
        let text = data.get_data("text/plain").unwrap_or_default();
        let chosen = if html.to_ascii_lowercase().contains("<table") {
            html
        } else {
            text
        };
        if !chosen.trim().is_empty() {
            ev.prevent_default();
            pasted.set(tf!(
                "(đã dán bảng: {} ký tự)",
                "(table pasted: {} characters)",
                chosen.chars().count()
            ));
            take_table(chosen);
        }
    };
    let read_pasted = move |_| take_table(pasted.get_untracked());
    let upload = move |ev: leptos::ev::Event| {
        let Some(file) = files::take_picked(&ev).into_iter().next() else {
            return;
        };
        spawn_local(async move {
            match files::read(&file, MAX_TABLE_BYTES).await {
                Ok(f) => {
                    let name = f.name.to_lowercase();
                    if name.ends_with(".xlsx") {
                        outcome.set(Some((
                            true,
                            t!("Đang đọc tệp Excel…", "Reading the Excel file…").into(),
                        )));
                        match load_page!(read_excel(f.bytes)).await {
                            Ok(Ok(rows)) => take_rows(rows),
                            Ok(Err(e)) => outcome.set(Some((false, e))),
                            Err(ChunkError) => outcome.set(Some((false, t!("Không tải được phần đọc Excel (có thể do mất mạng). Hãy thử lại, hoặc sao chép bảng rồi dán.", "The Excel reader could not be loaded (the network may be down). Try again, or copy the table and paste it.").into()))),
                        }
                        return;
                    }
                    if name.ends_with(".xls") || name.ends_with(".doc") || name.ends_with(".docx") {
                        outcome.set(Some((false, t!("Tệp Word (.doc, .docx) và Excel cũ (.xls) chưa đọc trực tiếp được: hãy mở tệp, chọn cả bảng, sao chép rồi dán vào ô bên trên, hoặc lưu Excel thành .xlsx.", "Word files (.doc, .docx) and old Excel files (.xls) cannot be read directly: open the file, select the whole table, copy it and paste it above, or save Excel as .xlsx.").into())));
                        return;
                    }
                    match String::from_utf8(f.bytes) {
                        Ok(text) => take_table(text),
                        Err(_) => outcome.set(Some((
                            false,
                            t!(
                                "Tệp không phải văn bản UTF-8: hãy lưu CSV với mã hóa UTF-8.",
                                "The file is not UTF-8 text: save the CSV as UTF-8."
                            )
                            .into(),
                        ))),
                    }
                }
                Err(e) => outcome.set(Some((false, e))),
            }
        });
    };
    let import = move |_| {
        let Some((rows, header, cols)) = table.get_untracked() else {
            return;
        };
        if cols.title.is_none() {
            outcome.set(Some((
                false,
                t!(
                    "Hãy chọn cột chứa tên lĩnh vực, tiêu chí.",
                    "Choose the column holding the titles."
                )
                .into(),
            )));
            return;
        }
        let result = import_annex(&annex_rows(&rows, header, &cols), year.get_untracked());
        let mut message = result.summary();
        let skipped: Vec<_> = result
            .skipped
            .into_iter()
            .filter(|(_, why)| {
                !["tiêu đề phần", "part heading", "ghi chú", "note row"]
                    .iter()
                    .any(|k| why.contains(k))
            })
            .collect();
        if !skipped.is_empty() {
            message.push_str(&tf!(
                "; {} dòng không xếp vào cây (xem danh sách cần xem lại)",
                "; {} rows not placed in the tree",
                skipped.len()
            ));
        }
        let mut draft = StudioDraft::new(result.set, result.review, None);
        for (line, why) in skipped {
            draft.review.insert(
                tf!("dòng {line}", "row {line}"),
                crate::domain::authoring::annex::ReviewNote {
                    line,
                    text: String::new(),
                    why,
                },
            );
        }
        s.draft.set(Some(draft));
        s.notice.set(Some(message));
    };

    let options = move || {
        lib.library.with(|l| {
            l.entries()
                .iter()
                .map(|e| {
                    let key = e.key();
                    view! { <option value=key.clone()>{format!("{} ({})", e.set.title_shown(), e.set.version)}</option> }
                })
                .collect_view()
        })
    };
    let mapping = move || {
        table.get().map(|(rows, header, cols)| {
            let width = rows.iter().map(Vec::len).max().unwrap_or(0).min(12);
            let head: Vec<String> = header.and_then(|h| rows.get(h).cloned()).unwrap_or_default();
            let preview: Vec<Vec<String>> = rows.iter().skip(header.map_or(0, |h| h + 1)).take(6).cloned().collect();
            let selects = (0..width)
                .map(|i| {
                    let id = format!("cot-{i}");
                    let current = role_of(&cols, i);
                    let name = head.get(i).cloned().unwrap_or_else(|| tf!("Cột {}", "Column {}", i + 1));
                    view! {
                        <th scope="col">
                            <label for=id.clone() class="col-name">{name}</label>
                            <select id=id on:change=move |ev| {
                                let role = event_target_value(&ev);
                                table.update(|t| if let Some((_, _, c)) = t.as_mut() { assign(c, i, &role) });
                            }>
                                {ROLES.iter().map(|(v, vi, en)| view! { <option value=*v selected=*v == current>{crate::domain::base::i18n::pick(vi, en)}</option> }).collect_view()}
                            </select>
                        </th>
                    }
                })
                .collect_view();
            let body = preview
                .into_iter()
                .map(|r| view! { <tr>{(0..width).map(|i| view! { <td>{r.get(i).cloned().unwrap_or_default().chars().take(90).collect::<String>()}</td> }).collect_view()}</tr> })
                .collect_view();
            view! {
                <section class="card" aria-labelledby="cot-tieu-de">
                    <h3 id="cot-tieu-de">{tf!("Bảng đã đọc: {} dòng. Kiểm tra các cột", "Table read: {} rows. Check the columns", rows.len())}</h3>
                    <p class="hint">{t!("Các cột được nhận ra từ dòng tiêu đề; đổi lại nếu chưa đúng. Cấp của từng dòng được suy ra từ STT (1, 1.1, 1.1.1 hoặc I, 1, a).", "Columns are recognised from the header row; change them if wrong. Each row's level comes from its number (1, 1.1, 1.1.1 or I, 1, a).")}</p>
                    <div class="table-scroll"><table class="preview">
                        <thead><tr>{selects}</tr></thead>
                        <tbody>{body}</tbody>
                    </table></div>
                    <button type="button" class="button" on:click=import>{t!("Tạo bộ tiêu chí từ bảng", "Make the criteria set from the table")}</button>
                </section>
            }
        })
    };

    view! {
        {move || outcome.get().map(|(ok, m)| outcome_banner(ok, m))}
        <div class="text-input narrow">
            <label for="nam-danh-gia">{t!("Năm đánh giá của bộ mới", "Year assessed by the new set")}</label>
            <input id="nam-danh-gia" type="text" inputmode="numeric" prop:value=move || year.get().to_string()
                on:input=move |ev| { if let Ok(y) = event_target_value(&ev).trim().parse::<u16>() { year.set(y) } }/>
        </div>
        <div class="studio-start">
            <section class="card" aria-labelledby="dan-bang">
                <h3 id="dan-bang">{t!("Từ bảng phụ lục của quyết định", "From the decision's annex table")}</h3>
                <p class="hint">{t!("Mở phụ lục trong Word hoặc Excel, chọn cả bảng (kể cả dòng tiêu đề STT, Tiêu chí, Điểm tối đa, Cách tính điểm…), sao chép và dán vào ô dưới đây.", "Open the annex in Word or Excel, select the whole table (with its header row), copy it and paste it below.")}</p>
                <label for="o-dan-bang">{t!("Dán bảng vào đây", "Paste the table here")}</label>
                <textarea id="o-dan-bang" rows="4" on:paste=on_paste prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <div class="actions">
                    <button type="button" class="secondary" on:click=read_pasted>{t!("Đọc bảng đã dán", "Read the pasted table")}</button>
                    <input id="tep-phu-luc" class="file-input" type="file" accept=".csv,.tsv,.txt,.html,.htm,.xlsx,.docx" on:change=upload/>
                    <label for="tep-phu-luc" class="file-button">{t!("Hoặc chọn tệp Excel (.xlsx) hoặc CSV…", "Or choose an Excel (.xlsx) or CSV file…")}</label>
                </div>
            </section>
            <section class="card" aria-labelledby="sao-chep">
                <h3 id="sao-chep">{t!("Sao chép để soạn bộ mới", "Copy to author a new set")}</h3>
                <p class="hint">{t!("Bắt đầu từ bộ năm trước: giữ nguyên nội dung, đổi mã, phiên bản và năm; sau đó so sánh để thấy đúng những gì đã sửa.", "Start from last year's set: the content is kept, the id, version and year change; compare afterwards to see exactly what you changed.")}</p>
                <label for="bo-nguon">{t!("Bộ tiêu chí nguồn", "Source set")}</label>
                <select id="bo-nguon" on:change=move |ev| source.set(event_target_value(&ev))>
                    <option value="">{t!("— chọn —", "— choose —")}</option>
                    {options}
                </select>
                <button type="button" class="button" on:click=copy>{t!("Sao chép để soạn bộ mới", "Copy to author a new set")}</button>
            </section>
            <section class="card" aria-labelledby="bo-trong">
                <h3 id="bo-trong">{t!("Bộ trống", "Blank set")}</h3>
                <p class="hint">{t!("Tự thêm lĩnh vực, tiêu chí và tiêu chí thành phần.", "Add fields, criteria and sub-criteria yourself.")}</p>
                <button type="button" class="secondary" on:click=blank>{t!("Bắt đầu bộ trống", "Start a blank set")}</button>
            </section>
        </div>
        {mapping}
    }
}

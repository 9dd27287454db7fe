//! The council on the desk (Hội đồng thẩm định): who appraises here and the
//! fields assigned to them; a member downloads their part, the secretary
//! merges the members' parts. Conflicts are decided on each submission's
//! page (see `entry_page`).

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{files, page};
use crate::domain::appraisal::assignment::set_field;
use crate::domain::appraisal::council::read_part;
use crate::domain::base::text::file_slug;
use crate::ui::assessment::inputs::TextInput;
use crate::ui::review::council_roster::{CouncilRoster, ReceivePackage};
use crate::ui::review::use_review;

#[component]
pub fn CouncilCard() -> impl IntoView {
    let r = use_review();
    let message = RwSignal::new(Vec::<(bool, String)>::new());
    // the fields of the sets on the desk, by code, with their titles
    let fields = Memo::new(move |_| {
        r.submissions.track();
        r.desk.with_untracked(|d| {
            let mut out: BTreeMap<String, String> = BTreeMap::new();
            for e in d.entries.values() {
                for f in &e.submission.criteria_set.fields {
                    out.entry(f.code.clone())
                        .or_insert_with(|| f.title_shown().to_string());
                }
            }
            let mut v: Vec<(String, String)> = out.into_iter().collect();
            v.sort_by_key(|(c, _)| c.parse::<u32>().unwrap_or(u32::MAX));
            v
        })
    });
    let name = Signal::derive(move || r.seat.with(|s| s.me.name.clone()));
    let agency = Signal::derive(move || r.seat.with(|s| s.me.agency.clone()));

    let download_part = move |_| {
        let seat = r.seat.get_untracked();
        if seat.me.is_empty() {
            message.set(vec![(false, t!("Hãy ghi họ tên và cơ quan của bạn trước: phần thẩm định mang tên người thẩm định.", "Give your name and agency first: an appraisal part carries its appraiser's name.").into())]);
            return;
        }
        let part = r
            .desk
            .with_untracked(|d| d.export_part(&seat.me, &seat.fields, &page::now_iso()));
        let items: usize = part.entries.iter().map(|e| e.items.len()).sum();
        let file = format!(
            "PHAN-THAM-DINH-{}-{}.json",
            file_slug(&seat.me.shown(), "thanh-vien"),
            page::today_iso()
        );
        let text = serde_json::to_string(&part).unwrap_or_default();
        message.set(vec![match files::download(&file, "application/json", &text) {
            Ok(()) => (true, tf!("Đã tải «{file}»: {items} mục đã thẩm định của {} hồ sơ. Gửi tệp này cho thư ký hội đồng (Sở Nội vụ).", "Downloaded «{file}»: {items} appraised items of {} submissions. Send this file to the council's secretary.", part.entries.len())),
            Err(e) => (false, e),
        }]);
    };

    let merge_parts = move |ev: leptos::ev::Event| {
        let picked = files::take_picked(&ev);
        spawn_local(async move {
            let mut out = Vec::new();
            for f in files::read_all(&picked, 20 * 1024 * 1024).await {
                let f = match f {
                    Ok(f) => f,
                    Err((_, e)) => {
                        out.push((false, e));
                        continue;
                    }
                };
                let part = match read_part(&f.bytes) {
                    Ok(p) => p,
                    Err(problems) => {
                        out.push((
                            false,
                            tf!(
                                "Không gộp được tệp «{}»: {}",
                                "Could not merge file «{}»: {}",
                                f.name,
                                problems
                                    .iter()
                                    .map(|p| p.to_string())
                                    .collect::<Vec<_>>()
                                    .join("; ")
                            ),
                        ));
                        continue;
                    }
                };
                let report = r.merge(&part);
                out.push((
                    report.conflicts.is_empty() && report.not_merged.is_empty(),
                    tf!(
                        "Đã gộp phần của {}: nhận {} mục, {} mục trùng khớp, {} mục chưa thống nhất{}.",
                        "Merged the part of {}: {} items taken, {} already the same, {} not agreed{}.",
                        report.member,
                        report.taken,
                        report.same,
                        report.conflicts.len(),
                        if report.conflicts.is_empty() {
                            String::new()
                        } else {
                            format!(
                                " ({})",
                                report
                                    .conflicts
                                    .iter()
                                    .map(|(a, c)| format!("{a}: {c}"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        }
                    ),
                ));
                for (agency, why) in report.not_merged {
                    out.push((
                        false,
                        tf!(
                            "Không gộp phần về «{agency}»: {why}.",
                            "Did not merge the part about «{agency}»: {why}."
                        ),
                    ));
                }
            }
            message.set(out);
        });
    };

    view! {
        <details class="card council">
            <summary>{t!("Hội đồng thẩm định: người thẩm định, phân công và gộp ý kiến", "Appraisal council: appraiser, assignment and merging")}</summary>
            <p class="hint">{t!("Mỗi thành viên hội đồng nhập cùng các tệp hồ sơ, thẩm định lĩnh vực được phân công rồi tải phần của mình gửi thư ký. Thư ký gộp các phần: mục của các thành viên khác nhau được nhận; mục hai người chấm khác nhau được giữ lại để thư ký chọn, không ghi đè.", "Each council member imports the same submission files, appraises the assigned fields, then downloads their part for the secretary. The secretary merges the parts: items from different members are taken; an item two members appraised differently is held for the secretary to choose, never overwritten.")}</p>
            <div class="council-me">
                <TextInput
                    id="nguoi-tham-dinh".to_string()
                    label=t!("Họ và tên người thẩm định", "Appraiser's name").to_string()
                    value=name
                    on_input=Callback::new(move |v: String| r.seat.update(|s| s.me.name = v))
                    autocomplete="name"
                />
                <TextInput
                    id="co-quan-tham-dinh".to_string()
                    label=t!("Cơ quan", "Agency").to_string()
                    value=agency
                    on_input=Callback::new(move |v: String| r.seat.update(|s| s.me.agency = v))
                    autocomplete="organization"
                />
            </div>
            <fieldset class="council-fields">
                <legend>{t!("Lĩnh vực được phân công cho bạn (không chọn: mọi lĩnh vực, như thư ký)", "Fields assigned to you (none: every field, as the secretary)")}</legend>
                {move || {
                    let list = fields.get();
                    if list.is_empty() {
                        return view! { <p class="hint">{t!("Nhập hồ sơ để chọn lĩnh vực.", "Import submissions to choose fields.")}</p> }.into_any();
                    }
                    list.into_iter().map(|(code, title)| {
                        let id = format!("phan-cong-{code}");
                        let c = code.clone();
                        let checked = move || r.seat.with(|s| s.fields.contains(&c));
                        let c = code.clone();
                        view! {
                            <span class="check">
                                <input type="checkbox" id=id.clone() prop:checked=checked on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let c = c.clone();
                                    r.seat.update(|s| set_field(&mut s.fields, &c, on));
                                }/>
                                <label for=id>{format!("{code}. {title}")}</label>
                            </span>
                        }
                    }).collect_view().into_any()
                }}
            </fieldset>
            <div class="actions">
                <button type="button" class="button secondary" on:click=download_part>{t!("Tải phần thẩm định của tôi", "Download my appraisal part")}</button>
                <input id="gop-phan-tham-dinh" class="file-input" type="file" multiple=true accept=".json,application/json" on:change=merge_parts/>
                <label for="gop-phan-tham-dinh" class="file-button secondary">{t!("Gộp phần thẩm định của thành viên", "Merge members' appraisal parts")}</label>
            </div>
            <ul class="council-results" aria-live="polite">
                {move || message.get().into_iter().map(|(ok, m)| view! { <li>{crate::ui::banner::outcome_banner(ok, m)}</li> }).collect_view()}
            </ul>
            <ReceivePackage/>
            <CouncilRoster fields/>
        </details>
    }
}

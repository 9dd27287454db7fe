//! The secretary's list of council members (name, agency, role, fields) and
//! each member's assignment package; and, on a member's desk, opening the
//! package the secretary sent.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{files, page};
use crate::domain::appraisal::assignment::{coverage, read_package, set_field, Assignment, ROLES};
use crate::domain::base::text::file_slug;
use crate::ui::review::use_review;

/// The members and their packages. `fields`: (code, title) of the fields of
/// the sets on the desk.
#[component]
pub fn CouncilRoster(fields: Memo<Vec<(String, String)>>) -> impl IntoView {
    let r = use_review();
    let message = RwSignal::new(None::<(bool, String)>);
    let count = Memo::new(move |_| r.seat.with(|s| s.members.len()));
    let add = move |_| {
        r.seat.update(|s| {
            s.members.push(Assignment {
                role: "Thành viên".into(),
                ..Assignment::default()
            })
        });
        let n = r.seat.with_untracked(|s| s.members.len()) - 1;
        request_animation_frame(move || {
            page::focus(&format!("thanh-vien-{n}-ten"));
        });
    };
    let download = move |i: usize| {
        let Some(a) = r.seat.with_untracked(|s| s.members.get(i).cloned()) else {
            return;
        };
        if a.member.is_empty() {
            message.set(Some((
                false,
                t!(
                    "Hãy ghi họ tên và cơ quan của thành viên trước.",
                    "Give the member's name and agency first."
                )
                .into(),
            )));
            return;
        }
        if r.desk.with_untracked(|d| d.entries.is_empty()) {
            message.set(Some((
                false,
                t!(
                    "Bàn thẩm định chưa có hồ sơ nào để giao.",
                    "The desk has no submission to hand out yet."
                )
                .into(),
            )));
            return;
        }
        let me = r.seat.with_untracked(|s| s.me.clone());
        let package = r
            .desk
            .with_untracked(|d| d.assignment_package(&me, &a, &page::now_iso()));
        let n = r.desk.with_untracked(|d| d.entries.len());
        let file = format!(
            "GOI-PHAN-CONG-{}-{}.json",
            file_slug(&a.member.shown(), "thanh-vien"),
            page::today_iso()
        );
        let text = serde_json::to_string(&package).unwrap_or_default();
        message.set(Some(match files::download(&file, "application/json", &text) {
            Ok(()) => (true, tf!("Đã tải «{file}»: {n} hồ sơ và phân công của {}. Gửi tệp này cho thành viên; họ mở nó bằng «Nhận gói phân công».", "Downloaded «{file}»: {n} submissions and the assignment of {}. Send it to the member; they open it with «Open an assignment package».", a.member.shown())),
            Err(e) => (false, e),
        }));
    };
    let gaps = move || {
        let all: Vec<String> = fields.get().into_iter().map(|(c, _)| c).collect();
        let (unassigned, shared) = r.seat.with(|s| coverage(&s.members, &all));
        if count.get() == 0 || all.is_empty() {
            return None;
        }
        Some(view! {
            <p class="hint" role="status">
                {if unassigned.is_empty() { t!("Mọi lĩnh vực đã có người thẩm định.", "Every field has an appraiser.").to_string() } else { tf!("Lĩnh vực chưa phân công: {}.", "Fields not assigned: {}.", unassigned.join(", ")) }}
                {(!shared.is_empty()).then(|| tf!(" Lĩnh vực giao cho hơn một người (mục chấm khác nhau sẽ chờ thư ký chọn): {}.", " Fields given to more than one member (items they appraise differently wait for the secretary): {}.", shared.join(", ")))}
            </p>
        })
    };
    let row = move |i: usize| {
        let get = move |f: fn(&Assignment) -> String| {
            Signal::derive(move || r.seat.with(|s| s.members.get(i).map(f).unwrap_or_default()))
        };
        let set = move |f: fn(&mut Assignment, String)| {
            Callback::new(move |v: String| {
                r.seat.update(|s| {
                    if let Some(a) = s.members.get_mut(i) {
                        f(a, v)
                    }
                })
            })
        };
        let role_id = format!("thanh-vien-{i}-vai-tro");
        view! {
            <fieldset class="council-member">
                <legend>{move || tf!("Thành viên {}: {}", "Member {}: {}", i + 1, r.seat.with(|s| s.members.get(i).map(|a| a.member.shown()).unwrap_or_default()))}</legend>
                <div class="council-me">
                    <crate::ui::assessment::inputs::TextInput id=format!("thanh-vien-{i}-ten") label=t!("Họ và tên", "Name").to_string() value=get(|a| a.member.name.clone()) on_input=set(|a, v| a.member.name = v)/>
                    <crate::ui::assessment::inputs::TextInput id=format!("thanh-vien-{i}-co-quan") label=t!("Cơ quan", "Agency").to_string() value=get(|a| a.member.agency.clone()) on_input=set(|a, v| a.member.agency = v)/>
                    <div class="text-input">
                        <label for=role_id.clone()>{t!("Vai trò", "Role")}</label>
                        <select id=role_id prop:value=get(|a| a.role.clone()) on:change=move |ev| set(|a, v| a.role = v).run(event_target_value(&ev))>
                            {ROLES.map(|x| view! { <option value=x>{x}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="member-fields" role="group" aria-label={t!("Lĩnh vực thẩm định", "Fields appraised")}>
                    {move || fields.get().into_iter().map(|(code, title)| {
                        let id = format!("thanh-vien-{i}-lv-{code}");
                        let c = code.clone();
                        let checked = move || r.seat.with(|s| s.members.get(i).is_some_and(|a| a.fields.contains(&c)));
                        let c = code.clone();
                        view! {
                            <span class="check">
                                <input type="checkbox" id=id.clone() prop:checked=checked on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let c = c.clone();
                                    r.seat.update(|s| if let Some(a) = s.members.get_mut(i) {
                                        set_field(&mut a.fields, &c, on)
                                    });
                                }/>
                                <label for=id>{format!("{code}. {title}")}</label>
                            </span>
                        }
                    }).collect_view()}
                </div>
                <div class="actions">
                    <button type="button" class="button secondary small" on:click=move |_| download(i)>{t!("Tải gói phân công", "Download the assignment package")}</button>
                    <button type="button" class="link-button danger" on:click=move |_| {
                        let who = r.seat.with_untracked(|s| s.members.get(i).map(|a| a.member.shown()).unwrap_or_default());
                        if page::confirm(&tf!("Bỏ «{who}» khỏi danh sách thành viên?", "Remove «{who}» from the members?")) {
                            r.seat.update(|s| { if i < s.members.len() { s.members.remove(i); } });
                        }
                    }>{t!("Bỏ thành viên", "Remove member")}</button>
                </div>
            </fieldset>
        }
    };
    view! {
        <section class="council-roster" aria-labelledby="phan-cong-tieu-de">
            <h3 id="phan-cong-tieu-de">{t!("Phân công thành viên (dành cho thư ký)", "Members' assignments (for the secretary)")}</h3>
            <p class="hint">{t!("Ghi từng thành viên, vai trò và lĩnh vực họ thẩm định, rồi tải gói phân công cho từng người: gói gồm mọi hồ sơ trên bàn (không kèm ý kiến thẩm định) và phân công của họ.", "List each member, their role and the fields they appraise, then download each one's package: every submission on the desk (without appraisals) and their assignment.")}</p>
            {move || (0..count.get()).map(row).collect_view()}
            {gaps}
            <div class="actions">
                <button type="button" class="button secondary" on:click=add>{t!("+ Thêm thành viên", "+ Add a member")}</button>
            </div>
            {move || message.get().map(|(ok, m)| crate::ui::banner::outcome_banner(ok, m))}
        </section>
    }
}

/// On a member's desk: opens the package the secretary sent, taking its
/// submissions and the assignment (who I am, my role and fields).
#[component]
pub fn ReceivePackage() -> impl IntoView {
    let r = use_review();
    let message = RwSignal::new(None::<(bool, String)>);
    let open = move |ev: leptos::ev::Event| {
        let picked = files::take_picked(&ev);
        let Some(file) = picked.into_iter().next() else {
            return;
        };
        spawn_local(async move {
            let read = match files::read(&file, 200 * 1024 * 1024).await {
                Ok(f) => read_package(&f.bytes).map_err(|p| {
                    p.iter()
                        .map(|p| p.to_string())
                        .collect::<Vec<_>>()
                        .join("; ")
                }),
                Err(e) => Err(e),
            };
            let (package, desk) = match read {
                Ok(x) => x,
                Err(e) => {
                    message.set(Some((
                        false,
                        tf!(
                            "Không mở được gói «{}»: {e}",
                            "Could not open the package «{}»: {e}",
                            file.name()
                        ),
                    )));
                    return;
                }
            };
            let a = package.assignment;
            let me = r.seat.with_untracked(|s| s.me.clone());
            if !me.is_empty()
                && me != a.member
                && !page::confirm(&tf!(
                    "Bàn này đang ghi người thẩm định là «{}». Nhận gói phân công cho «{}»?",
                    "This desk's appraiser is «{}». Take the package assigned to «{}»?",
                    me.shown(),
                    a.member.shown()
                ))
            {
                return;
            }
            let mut report = Default::default();
            r.desk.update(|d| report = d.take_package(desk));
            let report: crate::domain::appraisal::assignment::PackageReport = report;
            r.submissions_changed(report.changed.clone());
            r.seat.update(|s| {
                s.me = a.member.clone();
                s.role = a.role.clone();
                s.fields = a.fields.clone();
            });
            let fields = if a.fields.is_empty() {
                t!("mọi lĩnh vực", "every field").to_string()
            } else {
                a.fields.join(", ")
            };
            let mut text = tf!(
                "Đã nhận gói phân công của {} cho {} ({}): lĩnh vực {fields}. {} hồ sơ mới, {} lần nộp sau, {} đã có.",
                "Opened {}'s package for {} ({}): fields {fields}. {} new submissions, {} later rounds, {} already here.",
                package.secretary.shown(),
                a.member.shown(),
                a.role,
                report.added,
                report.newer,
                report.same
            );
            for (agency, why) in &report.kept {
                text.push_str(&tf!(
                    " Không nhận «{agency}»: {why}.",
                    " Not taken «{agency}»: {why}."
                ));
            }
            message.set(Some((report.kept.is_empty(), text)));
        });
    };
    view! {
        <div class="actions">
            <input id="nhan-goi-phan-cong" class="file-input" type="file" accept=".json,application/json" on:change=open/>
            <label for="nhan-goi-phan-cong" class="file-button secondary">{t!("Nhận gói phân công (tệp từ thư ký)", "Open an assignment package (file from the secretary)")}</label>
        </div>
        {move || message.get().map(|(ok, m)| crate::ui::banner::outcome_banner(ok, m))}
    }
}

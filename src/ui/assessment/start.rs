//! Start: choose the criteria set, enter the agency and its focal point.
//! Messages on format appear as the user types; missing required inputs are
//! reported when they ask to go on, and focus moves to the first problem.

use leptos::prelude::*;

use crate::browser::page;
use crate::domain::authoring::compare::compare;
use crate::domain::ProfileInput;
use crate::domain::{AgencyProfile, CriteriaSet, Provenance, UnitType};
use crate::ui::app::LibraryState;
use crate::ui::assessment::inputs::TextInput;
use crate::ui::assessment::use_assessment;
use crate::ui::lazy::{lazy_view, ChunkError};
use crate::ui::route::Route;

fn input_id(i: ProfileInput) -> &'static str {
    match i {
        ProfileInput::Name => "ho-so-ten",
        ProfileInput::UnitType => "ho-so-loai",
        ProfileInput::Province => "ho-so-tinh",
        ProfileInput::Year => "ho-so-nam",
        ProfileInput::FocalName => "ho-so-dau-moi",
        ProfileInput::FocalPosition => "ho-so-chuc-vu",
        ProfileInput::FocalPhone => "ho-so-dien-thoai",
        ProfileInput::FocalEmail => "ho-so-email",
    }
}

fn unit_code(t: UnitType) -> &'static str {
    match t {
        UnitType::SoBanNganh => "so_ban_nganh",
        UnitType::UbndXaPhuong => "ubnd_xa_phuong",
        UnitType::Bo => "bo",
        UnitType::Tinh => "tinh",
    }
}

split_page!(
    so_sanh_bo,
    /// What changed between the set a draft was on and the one it moves to:
    /// loaded on demand (the comparison is shared with the studio's chunk).
    pub fn set_changes(old: CriteriaSet, new: CriteriaSet) -> Result<AnyView, ChunkError> {
        let changes = compare(&old, &new);
        Ok(view! {
        <details class="banner banner-ok set-changes" open>
            <summary>{tf!(
                "Bộ tiêu chí của bản này đã đổi từ «{}» sang «{}»: {} khác biệt. Câu trả lời được giữ theo mã tiêu chí; hãy xem lại các mục dưới đây.",
                "This draft's criteria set changed from «{}» to «{}»: {} differences. Answers are kept by item code; check the items below.",
                old.title_shown(), new.title_shown(), changes.len()
            )}</summary>
            <ul class="changes">{changes.into_iter().map(|c| view! { <li>{c.text()}</li> }).collect_view()}</ul>
        </details>
    }
    .into_any())
    }
);

#[component]
pub fn StartPage() -> impl IntoView {
    let a = use_assessment();
    let lib = expect_context::<LibraryState>();
    // After "Bắt đầu" is pressed, missing inputs are reported too.
    let strict = RwSignal::new(false);
    let problems = Memo::new(move |_| {
        let strict = strict.get();
        match a.set.get() {
            Some(set) => a.draft.with(|d| d.profile.problems(&set, strict)),
            None => Vec::new(),
        }
    });
    let problem = move |i: ProfileInput| {
        Signal::derive(move || {
            problems.with(|p| p.iter().find(|(x, _)| *x == i).map(|(_, m)| m.clone()))
        })
    };
    let profile = move |get: fn(&AgencyProfile) -> &String| {
        Signal::derive(move || a.draft.with(|d| get(&d.profile).clone()))
    };
    let set_profile = move |set: fn(&mut AgencyProfile) -> &mut String| {
        Callback::new(move |v: String| a.draft.update(|d| *set(&mut d.profile) = v))
    };

    let sets = move || {
        lib.library.with(|l| {
            l.entries()
                .iter()
                .map(|e| {
                    (
                        e.key(),
                        e.set.title_shown().to_string(),
                        tf!(
                            "Năm {} · {} · {}",
                            "Year {} · {} · {}",
                            e.set.year,
                            e.set.unit_type.label(),
                            e.set.issuer
                        ),
                        e.set.provenance == Provenance::Illustrative,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let switched_from = a.switched_from;
    let choose = move |key: String| {
        // Answers are kept by item code; under another set the same codes
        // may mean something else, so say so before switching.
        let (current, answered) = a
            .draft
            .with_untracked(|d| (d.set_key.clone(), d.responses.len()));
        if !current.is_empty() && current != key && answered > 0 {
            let ok = page::confirm(&tf!("Bản tự đánh giá này đã có {answered} mục được trả lời theo bộ tiêu chí đang chọn. Đổi bộ tiêu chí thì các câu trả lời vẫn được giữ nhưng sẽ được đọc theo mã tiêu chí của bộ mới. Vẫn đổi?", "This draft already has {answered} answered items under the chosen criteria set. If you change the set, the answers are kept but read by the new set's codes. Change anyway?"
            ));
            if !ok {
                // put the radio back on the set in use
                a.draft.update(|_| {});
                return;
            }
        }
        let (year, unit_type) = lib
            .library
            .with_untracked(|l| l.get(&key).map(|e| (e.set.year, e.set.unit_type)))
            .unzip();
        let old_unit_type = lib
            .library
            .with_untracked(|l| l.get(&current).map(|e| e.set.unit_type));
        if !current.is_empty()
            && current != key
            && answered > 0
            && switched_from.get_untracked().is_none()
        {
            switched_from.set(Some(current.clone()));
        }
        a.draft.update(|d| {
            d.set_key = key;
            if d.profile.year.trim().is_empty() {
                if let Some(y) = year {
                    d.profile.year = y.to_string();
                }
            }
            // the set is for one kind of unit: that is the agency's kind
            // until the user says otherwise
            if d.profile.unit_type.is_none() || d.profile.unit_type == old_unit_type {
                d.profile.unit_type = unit_type;
            }
        });
    };

    let go_on = move |_| {
        if a.set.get_untracked().is_none() {
            page::focus("chon-bo-tieu-chi");
            return;
        }
        strict.set(true);
        let first = problems.with_untracked(|p| p.first().map(|(i, _)| *i));
        match first {
            Some(i) => {
                page::focus(input_id(i));
            }
            None => {
                let first_field = a
                    .set
                    .get_untracked()
                    .and_then(|s| s.fields.first().map(|f| f.code.clone()));
                if let Some(code) = first_field {
                    a.go(Route::Field { code, item: None });
                }
            }
        }
    };

    let text = move |i: ProfileInput,
                     label: &str,
                     get: fn(&AgencyProfile) -> &String,
                     set: fn(&mut AgencyProfile) -> &mut String,
                     required: bool,
                     inputmode: &'static str,
                     autocomplete: &'static str| {
        view! {
            <TextInput
                id=input_id(i).to_string()
                label=label.to_string()
                value=profile(get)
                on_input=set_profile(set)
                error=problem(i)
                required
                inputmode
                autocomplete
            />
        }
    };

    let unit_error = problem(ProfileInput::UnitType);
    view! {
        <div class="page-card start-page">
            <h2 id="trang-tieu-de" tabindex="-1">{t!("Bắt đầu tự đánh giá", "Start a self-assessment")}</h2>
            <p class="lead">
                {t!("Chọn bộ tiêu chí của tỉnh cho loại đơn vị và năm đánh giá, nhập thông tin cơ quan, rồi chấm điểm từng lĩnh vực. Mọi thứ được lưu tự động trong trình duyệt này.", "Choose your province's criteria set for your unit type and year, enter the agency's details, then score each field. Everything is saved automatically in this browser.")}
            </p>
            <section aria-labelledby="chon-bo-tieu-chi-tieu-de">
                <h3 id="chon-bo-tieu-chi-tieu-de">{t!("1. Chọn bộ tiêu chí", "1. Choose the criteria set")}</h3>
                <fieldset class="set-choices" id="chon-bo-tieu-chi" tabindex="-1">
                    <legend class="visually-hidden">{t!("Bộ tiêu chí dùng để tự đánh giá", "Criteria set for this self-assessment")}</legend>
                    <For each=sets key=|s| s.0.clone() let:s>
                        {
                            let (key, title, meta, illustrative) = s;
                            let id = format!("bo-{}", key.replace(['@', '.'], "-"));
                            let (k1, k2) = (key.clone(), key.clone());
                            view! {
                                <div class="set-choice" class:chosen=move || a.draft.with(|d| d.set_key == k2)>
                                    <input
                                        type="radio"
                                        name="bo-tieu-chi"
                                        id=id.clone()
                                        prop:checked=move || a.draft.with(|d| d.set_key == k1)
                                        on:change=move |_| choose(key.clone())
                                    />
                                    <label for=id>
                                        <span class="set-title">{title}</span>
                                        <span class="set-meta">
                                            {illustrative.then(|| view! { <span class="badge badge-illustrative">{t!("Minh họa", "Illustrative")}</span> })}
                                            {meta}
                                        </span>
                                    </label>
                                </div>
                            }
                        }
                    </For>
                </fieldset>
                <p class="hint">
                    {t!("Chưa có bộ tiêu chí của tỉnh? Nạp tệp ở mục ", "No criteria set from your province yet? Load its file under ")}
                    {crate::ui::assessment::sidebar::nav_link(Route::Library, "", t!("Bộ tiêu chí", "Criteria sets"))}
                    "."
                </p>
                {move || {
                    let old_key = switched_from.get()?;
                    let new_key = a.draft.with(|d| d.set_key.clone());
                    let (old, new) = lib.library.with(|l| (l.get(&old_key).map(|e| e.set.clone()), l.get(&new_key).map(|e| e.set.clone())));
                    (old_key != new_key).then_some(())?;
                    let (old, new) = (old?, new?);
                    Some(lazy_view(load_page!(set_changes(old, new))))
                }}
                {move || (a.set.with(Option::is_none) && a.draft.with(|d| !d.set_key.is_empty())).then(|| view! {
                    <p class="banner banner-warn" role="alert">
                        {t!("Bộ tiêu chí của bản tự đánh giá này không còn trong thư viện (có thể đã bị gỡ). Câu trả lời vẫn được giữ; hãy nạp lại bộ tiêu chí đó hoặc chọn bộ khác.", "This draft's criteria set is no longer in the library (it may have been removed). The answers are kept; load that set again or choose another.")}
                    </p>
                })}
            </section>
            <section aria-labelledby="ho-so-tieu-de">
                <h3 id="ho-so-tieu-de">{t!("2. Thông tin cơ quan, đơn vị", "2. Agency or unit")}</h3>
                <div class="form-grid">
                    {text(ProfileInput::Name, t!("Tên cơ quan, đơn vị", "Agency or unit name"), |p| &p.name, |p| &mut p.name, true, "text", "organization")}
                    <div class="text-input" class:invalid=move || unit_error.with(Option::is_some)>
                        <label for="ho-so-loai">{t!("Loại đơn vị", "Unit type")}<span class="required" aria-hidden="true">" *"</span></label>
                        <select
                            id="ho-so-loai"
                            required=true
                            aria-invalid=move || unit_error.with(|e| e.is_some().then_some("true"))
                            aria-describedby=move || unit_error.with(|e| e.is_some().then_some("ho-so-loai-loi"))
                            prop:value=move || a.draft.with(|d| d.profile.unit_type.map(unit_code).unwrap_or(""))
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let t = UnitType::ALL.into_iter().find(|t| unit_code(*t) == v);
                                a.draft.update(|d| d.profile.unit_type = t);
                            }
                        >
                            <option value="">{t!("— Chọn loại đơn vị —", "— Choose a unit type —")}</option>
                            {UnitType::ALL.into_iter().map(|t| view! { <option value=unit_code(t)>{t.label()}</option> }).collect_view()}
                        </select>
                        {move || unit_error.get().map(|m| view! { <p class="field-error" id="ho-so-loai-loi">{m}</p> })}
                    </div>
                    {text(ProfileInput::Province, t!("Tỉnh, thành phố", "Province or city"), |p| &p.province, |p| &mut p.province, true, "text", "address-level1")}
                    {text(ProfileInput::Year, t!("Năm đánh giá", "Assessment year"), |p| &p.year, |p| &mut p.year, true, "numeric", "off")}
                </div>
                <h4>{t!("Người đầu mối CCHC", "PAR focal point")}</h4>
                <div class="form-grid">
                    {text(ProfileInput::FocalName, t!("Họ và tên", "Full name"), |p| &p.focal_name, |p| &mut p.focal_name, true, "text", "name")}
                    {text(ProfileInput::FocalPosition, t!("Chức vụ", "Position"), |p| &p.focal_position, |p| &mut p.focal_position, false, "text", "organization-title")}
                    {text(ProfileInput::FocalPhone, t!("Số điện thoại", "Phone number"), |p| &p.focal_phone, |p| &mut p.focal_phone, true, "tel", "tel")}
                    {text(ProfileInput::FocalEmail, t!("Thư điện tử", "Email"), |p| &p.focal_email, |p| &mut p.focal_email, true, "email", "email")}
                </div>
                <p class="hint">{t!("Các ô có dấu * là bắt buộc.", "Fields marked * are required.")}</p>
                {move || a.set.get().filter(|s| !s.exemptions.is_empty()).map(|set| exemption_boxes(&set))}
            </section>
            <div class="actions">
                <button type="button" class="button" on:click=go_on>
                    {move || if a.draft.with(|d| d.responses.is_empty()) { t!("Bắt đầu chấm điểm →", "Start scoring →") } else { t!("Tiếp tục chấm điểm →", "Continue scoring →") }}
                </button>
                {move || {
                    let n = problems.with(Vec::len);
                    (strict.get() && n > 0).then(|| view! {
                        <p class="field-error" role="alert">{tf!("Còn {n} thông tin cần sửa ở trên.", "{n} details above still need fixing.")}</p>
                    })
                }}
            </div>
        </div>
    }
}

/// The set's exemptions (miễn chấm), one box each: the agency ticks the ones
/// that apply to it, and those items leave its maximum.
fn exemption_boxes(set: &CriteriaSet) -> impl IntoView {
    let a = use_assessment();
    let boxes = set
        .exemptions
        .iter()
        .map(|ex| {
            let id = format!("mien-cham-{}", ex.id);
            let (ex_id, ex_id2) = (ex.id.clone(), ex.id.clone());
            let what = tf!(
                "không chấm: {}",
                "not scored: {}",
                ex.codes.join(", ")
            );
            view! {
                <div class="na-toggle">
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=move || a.draft.with(|d| d.profile.exemptions.contains(&ex_id))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let ex_id = ex_id2.clone();
                            a.draft.update(|d| {
                                d.profile.exemptions.retain(|e| *e != ex_id);
                                if on {
                                    d.profile.exemptions.push(ex_id);
                                }
                            });
                        }
                    />
                    <label for=id>{ex.label.clone()}<span class="set-meta">{format!(" ({what})")}</span></label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="exemptions">
            <legend>{t!("Miễn chấm theo bộ tiêu chí", "Exemptions in the criteria set")}</legend>
            <p class="hint">{t!("Chỉ đánh dấu khi cơ quan thuộc trường hợp được miễn; các mục tương ứng sẽ không chấm và không tính vào điểm tối đa. Hội đồng thẩm định sẽ thấy điều này.", "Tick only if the agency is such a case; those items are then not scored and leave the maximum. The appraisal council will see this.")}</p>
            {boxes}
        </fieldset>
    }
}

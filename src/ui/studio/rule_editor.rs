//! The rule of one scored node, with ordinary form controls per rule kind:
//! options with points, % and count bands with từ/trên … đến/đến dưới
//! bounds, ratio with what a zero denominator means, the direct score's
//! step, deductions in points or %, bonus, survey. The rule is shown in
//! words as the agencies will read it.

use leptos::prelude::*;

use crate::domain::authoring::edit::{node_view, rule_of_kind, set_rule, Node};
use crate::domain::base::decimal::Dec;
use crate::domain::criteria::rule_text::{kind_text, rule_line};
use crate::domain::criteria::set::{
    DeductionOption, LevelOption, PercentInput, Rule, ScoreBand, ZeroDenominator,
};
use crate::ui::studio::use_studio;

/// Reads the node's rule, changes it and writes it back.
fn change_rule(node: Node, f: impl FnOnce(&mut Rule)) {
    let s = use_studio();
    s.edit(|d| {
        if let Some(mut rule) = node_view(&d.set, node).and_then(|v| v.rule) {
            f(&mut rule);
            set_rule(&mut d.set, node, rule);
        }
    });
}

fn dec_text(d: Option<Dec>) -> String {
    d.map(|d| d.shown()).unwrap_or_default()
}

/// A small labelled input that writes on each keystroke; a number that does
/// not read is marked and not written.
fn input(
    id: String,
    label: String,
    value: String,
    numeric: bool,
    on: impl Fn(String) -> Result<(), ()> + 'static,
) -> impl IntoView {
    let bad = RwSignal::new(false);
    view! {
        <span class="mini-input" class:invalid=move || bad.get()>
            <label for=id.clone()>{label}</label>
            <input id=id type="text" inputmode=if numeric { "decimal" } else { "text" } prop:value=value
                aria-invalid=move || bad.get().then_some("true")
                on:input=move |ev| bad.set(on(event_target_value(&ev)).is_err()) />
        </span>
    }
}

fn parse_opt(t: &str) -> Result<Option<Dec>, ()> {
    if t.trim().is_empty() {
        Ok(None)
    } else {
        Dec::parse(t).map(Some).map_err(|_| ())
    }
}

fn level_rows(node: Node, id: &str, options: Vec<LevelOption>) -> impl IntoView {
    let rows = options
        .into_iter()
        .enumerate()
        .map(|(k, o)| {
            let set_label = move |t: String| {
                change_rule(node, |r| if let Rule::Levels { options } | Rule::Bonus { options } = r { if let Some(o) = options.get_mut(k) { o.label = t } });
                Ok(())
            };
            let set_points = move |t: String| {
                let p = Dec::parse(&t).map_err(|_| ())?;
                change_rule(node, |r| if let Rule::Levels { options } | Rule::Bonus { options } = r { if let Some(o) = options.get_mut(k) { o.points = p } });
                Ok(())
            };
            let remove = move |_| change_rule(node, |r| if let Rule::Levels { options } | Rule::Bonus { options } = r { if options.len() > 1 { options.remove(k); } });
            view! {
                <li>
                    {input(format!("{id}-muc-{k}"), tf!("Mức {}", "Level {}", k + 1), o.label, false, set_label)}
                    {input(format!("{id}-diem-{k}"), t!("Điểm", "Points").into(), o.points.shown(), true, set_points)}
                    <button type="button" class="link-button" on:click=remove aria-label=tf!("Bỏ mức {}", "Remove level {}", k + 1)>{t!("Bỏ", "Remove")}</button>
                </li>
            }
        })
        .collect_view();
    let add = move |_| {
        change_rule(node, |r| {
            if let Rule::Levels { options } | Rule::Bonus { options } = r {
                let n = options.len() + 1;
                options.push(LevelOption {
                    id: format!("muc_{n}"),
                    label: tf!("Mức {n}", "Level {n}"),
                    label_en: None,
                    points: Dec::ZERO,
                });
            }
        })
    };
    view! {
        <ul class="rule-rows">{rows}</ul>
        <button type="button" class="secondary small" on:click=add>{t!("+ Thêm mức", "+ Add level")}</button>
    }
}

fn band_rows(node: Node, id: &str, bands: Vec<ScoreBand>, unit: &'static str) -> impl IntoView {
    fn with_band(node: Node, k: usize, f: impl FnOnce(&mut ScoreBand)) {
        change_rule(node, |r| {
            if let Rule::PercentBands { bands, .. } | Rule::CountBands { bands, .. } = r {
                if let Some(b) = bands.get_mut(k) {
                    f(b)
                }
            }
        });
    }
    let rows = bands
        .into_iter()
        .enumerate()
        .map(|(k, b)| {
            let min_id = format!("{id}-tu-{k}");
            let max_id = format!("{id}-den-{k}");
            view! {
                <li>
                    <span class="mini-input">
                        <label for=format!("{min_id}-kieu")>{t!("Cận dưới", "Lower bound")}</label>
                        <select id=format!("{min_id}-kieu") on:change=move |ev| { let v = event_target_value(&ev) == "tu"; with_band(node, k, |b| b.min_inclusive = v) }>
                            <option value="tu" selected=b.min_inclusive>{t!("từ", "from")}</option>
                            <option value="tren" selected=!b.min_inclusive>{t!("trên", "above")}</option>
                        </select>
                    </span>
                    {input(min_id, unit.to_string(), dec_text(b.min), true, move |t| { let v = parse_opt(&t)?; with_band(node, k, |b| b.min = v); Ok(()) })}
                    <span class="mini-input">
                        <label for=format!("{max_id}-kieu")>{t!("Cận trên", "Upper bound")}</label>
                        <select id=format!("{max_id}-kieu") on:change=move |ev| { let v = event_target_value(&ev) == "den"; with_band(node, k, |b| b.max_inclusive = v) }>
                            <option value="den-duoi" selected=!b.max_inclusive>{t!("đến dưới", "to under")}</option>
                            <option value="den" selected=b.max_inclusive>{t!("đến", "to")}</option>
                        </select>
                    </span>
                    {input(max_id, unit.to_string(), dec_text(b.max), true, move |t| { let v = parse_opt(&t)?; with_band(node, k, |b| b.max = v); Ok(()) })}
                    {input(format!("{id}-diem-{k}"), t!("Điểm", "Points").into(), b.points.shown(), true, move |t| { let p = Dec::parse(&t).map_err(|_| ())?; with_band(node, k, |b| b.points = p); Ok(()) })}
                    <button type="button" class="link-button" aria-label=tf!("Bỏ khoảng {}", "Remove band {}", k + 1)
                        on:click=move |_| change_rule(node, |r| if let Rule::PercentBands { bands, .. } | Rule::CountBands { bands, .. } = r { if bands.len() > 1 { bands.remove(k); } })>{t!("Bỏ", "Remove")}</button>
                </li>
            }
        })
        .collect_view();
    let add = move |_| {
        change_rule(node, |r| {
            if let Rule::PercentBands { bands, .. } | Rule::CountBands { bands, .. } = r {
                bands.push(ScoreBand {
                    min: None,
                    min_inclusive: true,
                    max: None,
                    max_inclusive: false,
                    points: Dec::ZERO,
                });
            }
        })
    };
    view! {
        <p class="hint">{t!("Để trống một cận nghĩa là không giới hạn phía đó. Các khoảng phải phủ kín, không chồng nhau.", "Leave a bound empty for no limit on that side. Bands must cover everything without overlapping.")}</p>
        <ul class="rule-rows">{rows}</ul>
        <button type="button" class="secondary small" on:click=add>{t!("+ Thêm khoảng", "+ Add band")}</button>
    }
}

fn zero_den_select(node: Node, id: String, z: ZeroDenominator) -> impl IntoView {
    view! {
        <span class="mini-input">
            <label for=id.clone()>{t!("Khi mẫu số bằng 0", "When the denominator is 0")}</label>
            <select id=id on:change=move |ev| {
                let v = if event_target_value(&ev) == "full" { ZeroDenominator::FullPoints } else { ZeroDenominator::NotApplicable };
                change_rule(node, |r| match r { Rule::Ratio { zero_denominator, .. } | Rule::PercentBands { zero_denominator, .. } => *zero_denominator = v, _ => {} })
            }>
                <option value="na" selected=z == ZeroDenominator::NotApplicable>{t!("không áp dụng (bỏ khỏi điểm tối đa)", "not applicable (removed from the maximum)")}</option>
                <option value="full" selected=z == ZeroDenominator::FullPoints>{t!("đạt điểm tối đa", "full points")}</option>
            </select>
        </span>
    }
}

fn fraction_inputs(
    node: Node,
    id: &str,
    num: Option<String>,
    den: Option<String>,
) -> impl IntoView {
    let set = move |which: bool, t: String| {
        let v = (!t.trim().is_empty()).then_some(t);
        change_rule(node, |r| match r {
            Rule::Ratio {
                numerator_label,
                denominator_label,
                ..
            }
            | Rule::PercentBands {
                numerator_label,
                denominator_label,
                ..
            } => {
                if which {
                    *numerator_label = v
                } else {
                    *denominator_label = v
                }
            }
            _ => {}
        });
        Ok(())
    };
    view! {
        {input(format!("{id}-tu-so"), t!("Tử số (đếm gì)", "Numerator (what is counted)").into(), num.unwrap_or_default(), false, move |t| set(true, t))}
        {input(format!("{id}-mau-so"), t!("Mẫu số", "Denominator").into(), den.unwrap_or_default(), false, move |t| set(false, t))}
    }
}

/// The editor of a node's rule. Redrawn only when the kind or the number of
/// options or bands changes, so typing never loses focus.
#[component]
pub fn RuleEditor(node: Node, id: String) -> impl IntoView {
    let s = use_studio();
    let view_of = move || {
        s.draft
            .with(|d| d.as_ref().and_then(|d| node_view(&d.set, node)))
    };
    let layout = Memo::new(move |_| {
        view_of().and_then(|v| v.rule).map(|r| {
            let n = match &r {
                Rule::Levels { options } | Rule::Bonus { options } => options.len(),
                Rule::Deduction { options } => options.len(),
                Rule::PercentBands { bands, .. } | Rule::CountBands { bands, .. } => bands.len(),
                _ => 0,
            };
            let input_kind = matches!(
                r,
                Rule::PercentBands {
                    input: PercentInput::Ratio,
                    ..
                }
            );
            (r.kind(), n, input_kind)
        })
    });
    let line = move || {
        view_of()
            .and_then(|v| v.rule.map(|r| rule_line(&r, v.max)))
            .unwrap_or_default()
    };
    let kind_id = format!("{id}-kieu-quy-tac");
    let id2 = id.clone();
    let editor = move || {
        layout.get()?;
        // the values are read once per layout: typing does not redraw
        let v = untrack(view_of)?;
        let rule = v.rule?;
        let id = id2.clone();
        Some(match rule {
            Rule::Levels { options } | Rule::Bonus { options } => level_rows(node, &id, options).into_any(),
            Rule::YesNo { yes_label, no_label, yes_points, no_points } => {
                let set = move |f: Box<dyn FnOnce(&mut Option<String>, &mut Option<String>, &mut Option<Dec>, &mut Option<Dec>)>| {
                    change_rule(node, |r| if let Rule::YesNo { yes_label, no_label, yes_points, no_points } = r { f(yes_label, no_label, yes_points, no_points) });
                };
                let text = |t: String| (!t.trim().is_empty()).then_some(t);
                view! {
                    <div class="rule-rows">
                        {input(format!("{id}-co"), t!("Nhãn «Có»", "«Yes» label").into(), yes_label.unwrap_or_default(), false, move |t| { set(Box::new(move |y, _, _, _| *y = text(t))); Ok(()) })}
                        {input(format!("{id}-diem-co"), t!("Điểm «Có» (trống: tối đa)", "«Yes» points (empty: maximum)").into(), dec_text(yes_points), true, move |t| { let p = parse_opt(&t)?; set(Box::new(move |_, _, y, _| *y = p)); Ok(()) })}
                        {input(format!("{id}-khong"), t!("Nhãn «Không»", "«No» label").into(), no_label.unwrap_or_default(), false, move |t| { set(Box::new(move |_, n, _, _| *n = text(t))); Ok(()) })}
                        {input(format!("{id}-diem-khong"), t!("Điểm «Không» (trống: 0)", "«No» points (empty: 0)").into(), dec_text(no_points), true, move |t| { let p = parse_opt(&t)?; set(Box::new(move |_, _, _, n| *n = p)); Ok(()) })}
                    </div>
                }.into_any()
            }
            Rule::PercentBands { input: pin, numerator_label, denominator_label, zero_denominator, bands } => {
                let ratio = pin == PercentInput::Ratio;
                let pid = format!("{id}-nhap");
                view! {
                    <span class="mini-input">
                        <label for=pid.clone()>{t!("Cơ quan nhập", "The agency enters")}</label>
                        <select id=pid on:change=move |ev| { let r = event_target_value(&ev) == "ratio"; change_rule(node, |rule| if let Rule::PercentBands { input, .. } = rule { *input = if r { PercentInput::Ratio } else { PercentInput::Percent } }) }>
                            <option value="percent" selected=!ratio>{t!("tỷ lệ %", "the percentage")}</option>
                            <option value="ratio" selected=ratio>{t!("tử số và mẫu số", "numerator and denominator")}</option>
                        </select>
                    </span>
                    {ratio.then(|| view! { {fraction_inputs(node, &id, numerator_label, denominator_label)} {zero_den_select(node, format!("{id}-mau-0"), zero_denominator)} })}
                    {band_rows(node, &id, bands, "%")}
                }.into_any()
            }
            Rule::CountBands { unit, bands } => view! {
                {input(format!("{id}-don-vi"), t!("Đơn vị đếm (vd. cuộc)", "Unit counted (e.g. inspections)").into(), unit.unwrap_or_default(), false, move |t| {
                    change_rule(node, |r| if let Rule::CountBands { unit, .. } = r { *unit = (!t.trim().is_empty()).then_some(t) }); Ok(())
                })}
                {band_rows(node, &id, bands, t!("số lượng", "count"))}
            }.into_any(),
            Rule::Ratio { numerator_label, denominator_label, zero_denominator } => view! {
                {fraction_inputs(node, &id, numerator_label, denominator_label)}
                {zero_den_select(node, format!("{id}-mau-0"), zero_denominator)}
            }.into_any(),
            Rule::Direct { step } => input(format!("{id}-buoc"), t!("Bước chấm (điểm)", "Step (points)").into(), step.shown(), true, move |t| {
                let p = Dec::parse(&t).map_err(|_| ())?;
                change_rule(node, |r| if let Rule::Direct { step } = r { *step = p }); Ok(())
            }).into_any(),
            Rule::Deduction { options } => {
                let rows = options.into_iter().enumerate().map(|(k, o)| {
                    let with = move |f: Box<dyn FnOnce(&mut DeductionOption)>| change_rule(node, |r| if let Rule::Deduction { options } = r { if let Some(o) = options.get_mut(k) { f(o) } });
                    let pct = o.percent.is_some();
                    let value = dec_text(o.percent.or(o.points));
                    let sel = format!("{id}-cach-tru-{k}");
                    view! {
                        <li>
                            {input(format!("{id}-tru-{k}"), tf!("Trường hợp {}", "Case {}", k + 1), o.label, false, move |t| { with(Box::new(move |o| o.label = t)); Ok(()) })}
                            <span class="mini-input">
                                <label for=sel.clone()>{t!("Trừ theo", "Deduct in")}</label>
                                <select id=sel on:change=move |ev| { let p = event_target_value(&ev) == "pct"; with(Box::new(move |o| { let v = o.percent.or(o.points); if p { o.percent = v; o.points = None } else { o.points = v; o.percent = None } })) }>
                                    <option value="diem" selected=!pct>{t!("điểm", "points")}</option>
                                    <option value="pct" selected=pct>{t!("% điểm tiêu chí", "% of the criterion")}</option>
                                </select>
                            </span>
                            {input(format!("{id}-muc-tru-{k}"), t!("Mức trừ", "Amount").into(), value, true, move |t| {
                                let v = Dec::parse(&t).map_err(|_| ())?;
                                with(Box::new(move |o| if o.percent.is_some() { o.percent = Some(v) } else { o.points = Some(v) })); Ok(())
                            })}
                        </li>
                    }
                }).collect_view();
                let add = move |_| change_rule(node, |r| if let Rule::Deduction { options } = r {
                    let n = options.len() + 1;
                    options.push(DeductionOption { id: format!("muc_{n}"), label: tf!("Trường hợp {n}", "Case {n}"), label_en: None, points: Some(Dec::ZERO), percent: None });
                });
                view! { <ul class="rule-rows">{rows}</ul><button type="button" class="secondary small" on:click=add>{t!("+ Thêm trường hợp", "+ Add case")}</button> }.into_any()
            }
            Rule::Survey {} => view! { <p class="hint">{t!("Chấm qua điều tra xã hội học; cơ quan không tự chấm.", "Scored by the survey; agencies do not self-score it.")}</p> }.into_any(),
        })
    };
    let kinds = Rule::KINDS;
    view! {
        <div class="rule-editor">
            <span class="mini-input">
                <label for=kind_id.clone()>{t!("Cách tính điểm", "Scoring rule")}</label>
                <select id=kind_id on:change=move |ev| {
                    let kind = event_target_value(&ev);
                    s.edit(|d| {
                        if let Some(v) = node_view(&d.set, node) {
                            let rule = rule_of_kind(&kind, v.max, v.rule.as_ref());
                            set_rule(&mut d.set, node, rule);
                        }
                    });
                }>
                    {move || {
                        let current = layout.get().map(|l| l.0).unwrap_or("");
                        kinds.iter().map(|k| {
                            let sample = rule_of_kind(k, Dec::from_int(1), None);
                            view! { <option value=*k selected=*k == current>{kind_text(&sample)}</option> }
                        }).collect_view()
                    }}
                </select>
            </span>
            {editor}
            <p class="rule-line"><span class="muted">{t!("Cơ quan sẽ đọc: ", "Agencies will read: ")}</span>{line}</p>
        </div>
    }
}

//! The arithmetic pass over a structurally sound criteria set: codes, bands,
//! options and sums. Every problem is returned, in Vietnamese.

use std::collections::HashMap;

use super::coverage::{coverage_problems, integer_coverage_problems};
use super::rule_text::range_text;
use super::set::*;
use crate::domain::base::decimal::Dec;
use crate::domain::base::json::{join, problem, Problem};

/// The arithmetic pass: codes, bands, options and sums. Returns every problem.
pub fn validate(set: &CriteriaSet) -> Vec<Problem> {
    let mut out = Vec::new();
    validate_header(set, &mut out);
    out.extend(super::exemption::exemption_problems(set));
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut check_code = |code: &str, path: &str, out: &mut Vec<Problem>| {
        if code.trim().is_empty() {
            out.push(problem(
                path,
                None,
                t!("mã (code) không được để trống", "code cannot be empty"),
            ));
        } else if let Some(first) = seen.get(code) {
            out.push(problem(
                path,
                Some(code),
                tf!(
                    "mã «{code}» bị trùng (đã dùng ở {first})",
                    "code «{code}» is a duplicate (already used at {first})"
                ),
            ));
        } else {
            seen.insert(code.to_string(), path.to_string());
        }
    };
    if set.fields.is_empty() {
        out.push(problem(
            "fields",
            None,
            t!(
                "bộ tiêu chí chưa có lĩnh vực nào",
                "the criteria set has no fields"
            ),
        ));
    }
    let mut has_bonus = false;
    let mut total = Dec::ZERO;
    for (fi, field) in set.fields.iter().enumerate() {
        let fpath = format!("fields[{fi}]");
        let fcode = Some(field.code.as_str());
        check_code(&field.code, &fpath, &mut out);
        check_title(&field.title, &fpath, fcode, &mut out);
        if field.criteria.is_empty() {
            out.push(problem(
                &fpath,
                fcode,
                t!("lĩnh vực chưa có tiêu chí nào", "the field has no criteria"),
            ));
        }
        let mut sum = Dec::ZERO;
        for (ci, c) in field.criteria.iter().enumerate() {
            let cpath = format!("{fpath}.criteria[{ci}]");
            let ccode = Some(c.code.as_str());
            check_code(&c.code, &cpath, &mut out);
            check_title(&c.title, &cpath, ccode, &mut out);
            match (&c.rule, c.items.is_empty()) {
                (Some(_), false) => out.push(problem(
                    &cpath,
                    ccode,
                    t!("tiêu chí vừa có «rule» vừa có «items»: chỉ chấm trực tiếp hoặc chấm qua tiêu chí thành phần", "the criterion has both «rule» and «items»: score it directly or through sub-criteria, not both"),
                )),
                (None, true) => out.push(problem(
                    &cpath,
                    ccode,
                    t!("tiêu chí không có «rule» và cũng không có «items»", "the criterion has neither «rule» nor «items»"),
                )),
                (Some(rule), true) => {
                    if matches!(rule, Rule::Deduction { .. }) {
                        out.push(problem(
                            join(&cpath, "rule"),
                            ccode,
                            t!("điểm trừ phải là tiêu chí thành phần của một tiêu chí có điểm để trừ", "a deduction must be a sub-criterion of a criterion that has points to deduct"),
                        ));
                    }
                    has_bonus |= matches!(rule, Rule::Bonus { .. });
                    validate_rule(rule, c.max, &join(&cpath, "rule"), ccode, &mut out);
                }
                (None, false) => {}
            }
            let counted_max = if c.rule.as_ref().is_some_and(|r| !r.counts_toward_max()) {
                Dec::ZERO
            } else {
                c.max
            };
            if c.rule.is_none() && !c.items.is_empty() {
                let mut isum = Dec::ZERO;
                for (ii, item) in c.items.iter().enumerate() {
                    let ipath = format!("{cpath}.items[{ii}]");
                    let icode = Some(item.code.as_str());
                    check_code(&item.code, &ipath, &mut out);
                    check_title(&item.title, &ipath, icode, &mut out);
                    has_bonus |= matches!(item.rule, Rule::Bonus { .. });
                    validate_rule(&item.rule, item.max, &join(&ipath, "rule"), icode, &mut out);
                    if item.rule.counts_toward_max() {
                        isum += item.max;
                    }
                }
                check_sum(
                    &mut out,
                    &join(&cpath, "max"),
                    ccode,
                    c.max,
                    isum,
                    t!("tiêu chí", "criterion"),
                    t!("tiêu chí thành phần", "sub-criteria"),
                );
            }
            sum += counted_max;
        }
        check_sum(
            &mut out,
            &join(&fpath, "max"),
            fcode,
            field.max,
            sum,
            t!("lĩnh vực", "field"),
            t!("tiêu chí", "criteria"),
        );
        total += field.max;
    }
    if !set.fields.is_empty() && total != set.total_max {
        out.push(problem(
            "total_max",
            None,
            tf!(
                "tổng điểm khai báo ({}) khác tổng điểm tối đa các lĩnh vực ({})",
                "declared total ({}) differs from the sum of the fields' maxima ({})",
                set.total_max.shown(),
                total.shown()
            ),
        ));
    }
    match set.bonus_cap {
        None if has_bonus => out.push(problem(
            "bonus_cap",
            None,
            t!(
                "bộ tiêu chí có điểm thưởng nên phải khai báo mức trần «bonus_cap»",
                "the set has bonus items, so it must declare the cap «bonus_cap»"
            ),
        )),
        Some(cap) if cap.is_negative() => out.push(problem(
            "bonus_cap",
            None,
            t!(
                "mức trần điểm thưởng không được âm",
                "the bonus cap cannot be negative"
            ),
        )),
        _ => {}
    }
    out
}

/// A declared maximum must equal the sum of its children's maxima.
fn check_sum(
    out: &mut Vec<Problem>,
    path: &str,
    code: Option<&str>,
    declared: Dec,
    sum: Dec,
    whose: &str,
    children: &str,
) {
    if declared != sum {
        out.push(problem(
            path,
            code,
            tf!("điểm tối đa khai báo của {whose} ({}) khác tổng điểm tối đa các {children} ({})", "the declared maximum of the {whose} ({}) differs from the sum of the maxima of its {children} ({})",
                declared.shown(),
                sum.shown()
            ),
        ));
    }
}

fn check_title(title: &str, path: &str, code: Option<&str>, out: &mut Vec<Problem>) {
    if title.trim().is_empty() {
        out.push(problem(
            join(path, "title"),
            code,
            t!("tên (title) không được để trống", "title cannot be empty"),
        ));
    }
}

fn validate_header(set: &CriteriaSet, out: &mut Vec<Problem>) {
    let id_ok = !set.id.is_empty()
        && set.id.len() <= 100
        && set
            .id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if !id_ok {
        out.push(problem(
            "id",
            None,
            t!("mã bộ tiêu chí chỉ gồm chữ không dấu, số, «-», «_», «.» (tối đa 100 ký tự)", "a set id may hold only unaccented letters, digits, «-», «_», «.» (at most 100 characters)"),
        ));
    }
    for (key, value) in [
        ("version", &set.version),
        ("title", &set.title),
        ("issuer", &set.issuer),
    ] {
        if value.trim().is_empty() {
            out.push(problem(
                key,
                None,
                tf!("«{key}» không được để trống", "«{key}» cannot be empty"),
            ));
        }
    }
    if set.decision.number.trim().is_empty() {
        out.push(problem(
            "decision.number",
            None,
            t!(
                "số quyết định không được để trống",
                "the decision number cannot be empty"
            ),
        ));
    }
    if !is_iso_date(&set.decision.date) {
        out.push(problem(
            "decision.date",
            None,
            tf!(
                "ngày «{}» không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2023-10-16",
                "date «{}» is not valid; use YYYY-MM-DD, e.g. 2023-10-16",
                set.decision.date
            ),
        ));
    }
    if !(2000..=2100).contains(&set.year) {
        out.push(problem(
            "year",
            None,
            tf!(
                "năm đánh giá {} không hợp lệ",
                "assessment year {} is not valid",
                set.year
            ),
        ));
    }
    if set.total_max <= Dec::ZERO {
        out.push(problem(
            "total_max",
            None,
            t!(
                "tổng điểm phải lớn hơn 0",
                "the total must be greater than 0"
            ),
        ));
    }
    if set.bands.is_empty() {
        out.push(problem(
            "bands",
            None,
            t!(
                "chưa khai báo thang xếp loại («bands»)",
                "no classification scale («bands») declared"
            ),
        ));
    }
    for (i, b) in set.bands.iter().enumerate() {
        if b.label.trim().is_empty() {
            out.push(problem(
                format!("bands[{i}].label"),
                None,
                t!(
                    "tên xếp loại không được để trống",
                    "a class name cannot be empty"
                ),
            ));
        }
    }
    let ranges: Vec<Range> = set.bands.iter().map(ClassBand::range).collect();
    for msg in coverage_problems(&ranges, Dec::HUNDRED, "%") {
        out.push(problem(
            "bands",
            None,
            tf!("thang xếp loại: {msg}", "classification scale: {msg}"),
        ));
    }
}

/// YYYY-MM-DD with a real calendar day.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r)
            .filter(|t| t.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|t| t.parse::<u32>().ok())
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2200).contains(&y) && (1..=days).contains(&d)
}

/// The checks of one rule against its item's maximum (also used by the
/// studio on a rule read from an annex's text).
pub fn validate_rule(
    rule: &Rule,
    max: Dec,
    path: &str,
    code: Option<&str>,
    out: &mut Vec<Problem>,
) {
    let mut p = |sub: &str, msg: String| {
        out.push(problem(
            if sub.is_empty() {
                path.to_string()
            } else {
                join(path, sub)
            },
            code,
            msg,
        ))
    };
    if max.is_negative() {
        p(
            "",
            t!(
                "điểm tối đa không được âm",
                "the maximum cannot be negative"
            )
            .into(),
        );
        return;
    }
    match rule {
        Rule::Deduction { .. } => {
            if !max.is_zero() {
                p("", tf!("điểm trừ không cộng vào điểm tối đa: «max» phải là 0 hoặc bỏ trống (đang là {})", "a deduction does not add to the maximum: «max» must be 0 or left out (it is {})", max.shown()));
            }
        }
        _ if max.is_zero() => p(
            "",
            t!(
                "điểm tối đa («max») phải lớn hơn 0",
                "the maximum («max») must be greater than 0"
            )
            .into(),
        ),
        _ => {}
    }
    let check_points = |label: &str, points: Dec, sub: &str, p: &mut dyn FnMut(&str, String)| {
        if points.is_negative() {
            p(
                sub,
                tf!(
                    "{label}: điểm không được âm ({})",
                    "{label}: points cannot be negative ({})",
                    points.shown()
                ),
            );
        } else if points > max {
            p(
                sub,
                tf!(
                    "{label}: {} điểm, vượt điểm tối đa {} của tiêu chí",
                    "{label}: {} points, above the criterion's maximum of {}",
                    points.shown(),
                    max.shown()
                ),
            );
        }
    };
    let check_best = |best: Option<Dec>, p: &mut dyn FnMut(&str, String)| {
        if let Some(b) = best {
            if b < max {
                p(
                    "",
                    tf!("mức cao nhất chỉ được {} điểm, không đạt điểm tối đa {}", "the highest level gives only {} points and never reaches the maximum of {}",
                        b.shown(),
                        max.shown()
                    ),
                );
            }
        }
    };
    let check_ids = |ids: Vec<(&str, &str)>, p: &mut dyn FnMut(&str, String)| {
        if ids.is_empty() {
            p(
                "options",
                t!(
                    "chưa có mức nào («options» rỗng)",
                    "no levels yet («options» is empty)"
                )
                .into(),
            );
        }
        let mut seen = std::collections::HashSet::new();
        for (i, (id, label)) in ids.iter().enumerate() {
            if id.trim().is_empty() {
                p(
                    &format!("options[{i}].id"),
                    t!(
                        "mã mức («id») không được để trống",
                        "a level id («id») cannot be empty"
                    )
                    .into(),
                );
            } else if !seen.insert(*id) {
                p(
                    &format!("options[{i}].id"),
                    tf!("mã mức «{id}» bị trùng", "level id «{id}» is a duplicate"),
                );
            }
            if label.trim().is_empty() {
                p(
                    &format!("options[{i}].label"),
                    t!(
                        "tên mức («label») không được để trống",
                        "a level name («label») cannot be empty"
                    )
                    .into(),
                );
            }
        }
    };
    match rule {
        Rule::Levels { options } | Rule::Bonus { options } => {
            check_ids(
                options
                    .iter()
                    .map(|o| (o.id.as_str(), o.label.as_str()))
                    .collect(),
                &mut p,
            );
            for (i, o) in options.iter().enumerate() {
                check_points(
                    &tf!("mức «{}»", "level «{}»", o.label),
                    o.points,
                    &format!("options[{i}].points"),
                    &mut p,
                );
            }
            check_best(options.iter().map(|o| o.points).max(), &mut p);
        }
        Rule::YesNo {
            yes_points,
            no_points,
            ..
        } => {
            let (y, n) = (yes_points.unwrap_or(max), no_points.unwrap_or(Dec::ZERO));
            check_points(t!("mức «Có»", "level «Yes»"), y, "yes_points", &mut p);
            check_points(t!("mức «Không»", "level «No»"), n, "no_points", &mut p);
            check_best(Some(y.max(n)), &mut p);
        }
        Rule::PercentBands { bands, .. } => {
            score_bands(bands, max, Some(Dec::HUNDRED), "%", &mut p, check_points);
            check_best(bands.iter().map(|b| b.points).max(), &mut p);
        }
        Rule::CountBands { bands, unit } => {
            let u = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            for (i, b) in bands.iter().enumerate() {
                for (bound, name) in [(b.min, "min"), (b.max, "max")] {
                    if let Some(v) = bound {
                        if !v.is_integer() || v.is_negative() {
                            p(
                                &format!("bands[{i}].{name}"),
                                tf!("ngưỡng số lượng phải là số nguyên không âm (đang là {})", "a count threshold must be a non-negative whole number (it is {})",
                                    v.shown()
                                ),
                            );
                        }
                    }
                }
            }
            score_bands(bands, max, None, &u, &mut p, check_points);
            check_best(bands.iter().map(|b| b.points).max(), &mut p);
        }
        Rule::Ratio { .. } | Rule::Survey {} => {}
        Rule::Direct { step } => {
            if *step <= Dec::ZERO {
                p(
                    "step",
                    t!(
                        "bước chấm («step») phải lớn hơn 0",
                        "the scoring step («step») must be greater than 0"
                    )
                    .into(),
                );
            } else if !max.is_multiple_of(*step) {
                p(
                    "step",
                    tf!(
                        "điểm tối đa {} không chia hết cho bước chấm {}",
                        "the maximum {} is not a multiple of the step {}",
                        max.shown(),
                        step.shown()
                    ),
                );
            }
        }
        Rule::Deduction { options } => {
            check_ids(
                options
                    .iter()
                    .map(|o| (o.id.as_str(), o.label.as_str()))
                    .collect(),
                &mut p,
            );
            for (i, o) in options.iter().enumerate() {
                let sub = format!("options[{i}]");
                match (o.points, o.percent) {
                    (Some(_), Some(_)) => p(
                        &sub,
                        t!("mức trừ chỉ ghi «points» hoặc «percent», không ghi cả hai", "a deduction level gives «points» or «percent», not both").into(),
                    ),
                    (None, None) => p(
                        &sub,
                        t!("mức trừ phải ghi «points» (số điểm trừ) hoặc «percent» (% điểm trừ)", "a deduction level must give «points» (points deducted) or «percent» (% deducted)")
                            .into(),
                    ),
                    (Some(pts), None) if pts.is_negative() => {
                        p(&sub, t!("số điểm trừ không được âm", "points deducted cannot be negative").into())
                    }
                    (None, Some(pct)) if pct.is_negative() || pct > Dec::HUNDRED => p(
                        &sub,
                        tf!("phần trăm trừ phải từ 0 đến 100 (đang là {})", "the percentage deducted must be from 0 to 100 (it is {})", pct.shown()),
                    ),
                    _ => {}
                }
            }
        }
    }
}

fn score_bands(
    bands: &[ScoreBand],
    max: Dec,
    upper: Option<Dec>,
    unit: &str,
    p: &mut dyn FnMut(&str, String),
    check_points: impl Fn(&str, Dec, &str, &mut dyn FnMut(&str, String)),
) {
    if bands.is_empty() {
        p(
            "bands",
            t!(
                "chưa có mức nào («bands» rỗng)",
                "no bands yet («bands» is empty)"
            )
            .into(),
        );
        return;
    }
    let _ = max;
    for (i, b) in bands.iter().enumerate() {
        check_points(
            &tf!("mức «{}»", "level «{}»", range_text(&b.range(), unit)),
            b.points,
            &format!("bands[{i}].points"),
            p,
        );
    }
    let ranges: Vec<Range> = bands.iter().map(ScoreBand::range).collect();
    let problems = match upper {
        Some(hi) => coverage_problems(&ranges, hi, unit),
        None => integer_coverage_problems(&ranges, unit),
    };
    for msg in problems {
        p("bands", msg);
    }
}

//! Reading an annex's scoring text ("Cách tính điểm") into one of the
//! format's rule kinds, where it follows the common phrasings:
//! levels with their points, yes/no, % bands ("từ … đến dưới …", "trên",
//! "dưới"), ratio × maximum, counts, direct score, deductions in points or
//! %, bonus, survey. Anything else is not guessed: the reading says why it
//! needs a person ("cần xem lại"), with a suggestion when there is one.
//!
//! The phrasings the app itself prints ([`rule_line`]) read back to the same
//! rule, so a set written by the studio can be pasted back in.
//!
//! [`rule_line`]: crate::domain::criteria::rule_text::rule_line

use crate::domain::base::decimal::Dec;
use crate::domain::base::text::fold_vi;
use crate::domain::criteria::set::{
    DeductionOption, LevelOption, PercentInput, Rule, ZeroDenominator,
};
use crate::domain::criteria::validation::validate_rule;

use super::ranges::{band_from, number_at, range_of, unit_after_number};

/// Which part of the annex a row is in: bonus and deduction parts change
/// what a list of options means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Part {
    #[default]
    Main,
    Bonus,
    Deduction,
}

/// What the reader made of one scoring text.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The rule read, or the best suggestion when `review` is set.
    pub rule: Option<Rule>,
    /// Why a person must look at it ("cần xem lại"), in the interface language.
    pub review: Option<String>,
}

impl Reading {
    fn sure(rule: Rule) -> Reading {
        Reading {
            rule: Some(rule),
            review: None,
        }
    }
    fn unsure(rule: Option<Rule>, why: String) -> Reading {
        Reading {
            rule,
            review: Some(why),
        }
    }
    pub fn is_sure(&self) -> bool {
        self.review.is_none() && self.rule.is_some()
    }
}

/// Reads a scoring text for an item of maximum `max`.
pub fn read_rule(text: &str, max: Dec, part: Part) -> Reading {
    let reading = read_unchecked(text, max, part);
    // a rule read must also pass the format's own checks
    match (&reading.rule, &reading.review) {
        (Some(rule), None) => {
            let mut problems = Vec::new();
            validate_rule(rule, max, "", None, &mut problems);
            if problems.is_empty() {
                reading
            } else {
                let why = problems
                    .iter()
                    .map(|p| p.message.clone())
                    .collect::<Vec<_>>()
                    .join("; ");
                Reading::unsure(reading.rule, why)
            }
        }
        _ => reading,
    }
}

fn read_unchecked(text: &str, max: Dec, part: Part) -> Reading {
    let text = text.trim();
    let f = fold_vi(text);
    if text.is_empty() {
        return Reading::unsure(None, t!("chưa có cách tính điểm", "no scoring text").into());
    }
    if f.contains("dieu tra xa hoi hoc") || f.contains("dtxhh") || f.contains("khao sat") {
        return Reading::sure(Rule::Survey {});
    }
    if f.contains("cham thang") || f.contains("tuy muc do") || f.contains("can cu muc do") {
        return match step_of(&f) {
            Some(step) => Reading::sure(Rule::Direct { step }),
            None => Reading::unsure(
                Some(Rule::Direct {
                    step: Dec::from_hundredths(25),
                }),
                t!(
                    "chấm thẳng nhưng không ghi bước chấm; đề xuất mỗi bước 0,25 điểm",
                    "scored directly but the step is not stated; 0.25 suggested"
                )
                .into(),
            ),
        };
    }
    if is_ratio_formula(&f) {
        let (num, den) = fraction_labels(text);
        return Reading::sure(Rule::Ratio {
            numerator_label: num,
            denominator_label: den,
            zero_denominator: zero_denominator(&f),
        });
    }

    // Everything else is a list of options: "label: points; label: points".
    let (body, ratio_input) = strip_trailers(text);
    let body = strip_prefixes(&body);
    let segments = split_options(&body);
    let mut options = Vec::new();
    for seg in &segments {
        match read_option(seg) {
            Some(o) => options.push(o),
            // a note beside the levels ("Không áp dụng nếu không phát sinh")
            None if fold_vi(seg).contains("khong ap dung") => {}
            None => {
                return Reading::unsure(
                    None,
                    tf!(
                        "không đọc được «{}» thành một mức với số điểm",
                        "could not read «{}» as a level with its points",
                        seg
                    ),
                )
            }
        }
    }
    if options.is_empty() {
        return Reading::unsure(
            None,
            t!("không thấy mức điểm nào", "no scored level found").into(),
        );
    }

    let deducts = options.iter().any(|o| o.deduct.is_some());
    if part == Part::Deduction || deducts {
        return deduction(&options, part);
    }
    if options.iter().any(|o| fold_vi(&o.label).contains('%')) {
        return percent_bands(&options, ratio_input, &f);
    }
    if let Some(r) = count_bands(&options) {
        return r;
    }
    let levels: Vec<LevelOption> = level_options(&options);
    if part == Part::Bonus || f.contains("diem thuong") || f.contains("diem cong") {
        return Reading::sure(Rule::Bonus { options: levels });
    }
    if levels.len() == 2 && levels[0].points == max && levels[1].points.is_zero() && !max.is_zero()
    {
        let label = |l: &str, default: &str| (fold_vi(l) != default).then(|| l.to_string());
        return Reading::sure(Rule::YesNo {
            yes_label: label(&levels[0].label, "co"),
            no_label: label(&levels[1].label, "khong"),
            yes_points: None,
            no_points: None,
        });
    }
    if levels.len() == 1 {
        return Reading::unsure(
            Some(Rule::Levels { options: levels }),
            t!(
                "chỉ có một mức; các trường hợp còn lại được mấy điểm?",
                "only one level; what do the other cases score?"
            )
            .into(),
        );
    }
    if !levels.iter().any(|o| o.points == max) {
        return Reading::unsure(
            Some(Rule::Levels { options: levels }),
            t!(
                "không có mức nào đạt điểm tối đa",
                "no level reaches the maximum"
            )
            .into(),
        );
    }
    Reading::sure(Rule::Levels { options: levels })
}

/// One "label: points" option as written.
#[derive(Debug)]
struct RawOption {
    label: String,
    points: Option<Dec>,
    /// A deduction: points or percent subtracted.
    deduct: Option<(Option<Dec>, Option<Dec>)>,
}

/// "Điểm = Tỷ lệ × điểm tối đa" in the first clause (a note on a zero
/// denominator may follow after ";").
fn is_ratio_formula(f: &str) -> bool {
    let first = f.split(';').next().unwrap_or(f);
    first.contains("ty le")
        && (first.contains('×')
            || first.contains(" x ")
            || first.contains('*')
            || first.contains(" nhan "))
        && first.contains("diem")
}

/// "Tỷ lệ (A ÷ B)" or "Tỷ lệ = A ÷ B" → the labels, unless they are the defaults.
fn fraction_labels(text: &str) -> (Option<String>, Option<String>) {
    let Some(i) = text.find('÷') else {
        return (None, None);
    };
    let before = &text[..i];
    let start = before
        .rfind(['(', '='])
        .map(|k| k + before[k..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let after = &text[i + '÷'.len_utf8()..];
    let end = after.find([')', '.', ';']).unwrap_or(after.len());
    let num = before[start..].trim();
    let den = after[..end].trim();
    let keep = |s: &str, default: &str| {
        (!s.is_empty() && fold_vi(s) != default && fold_vi(s) != fold_vi(default))
            .then(|| s.to_string())
    };
    (keep(num, "tu so"), keep(den, "mau so"))
}

fn zero_denominator(f: &str) -> ZeroDenominator {
    let Some(i) = f
        .find("mau so bang 0")
        .or_else(|| f.find("khong phat sinh"))
    else {
        return ZeroDenominator::NotApplicable;
    };
    if f[i..].contains("diem toi da") || f[i..].contains("dat toi da") {
        ZeroDenominator::FullPoints
    } else {
        ZeroDenominator::NotApplicable
    }
}

/// Removes the sentences the app appends to a % rule entered as a ratio,
/// and to deductions; tells whether the % is entered as a ratio.
fn strip_trailers(text: &str) -> (String, Option<(Option<String>, Option<String>)>) {
    let f = fold_vi(text);
    let mut body = text.to_string();
    let mut ratio = None;
    // fold_vi keeps one char per char, so positions in chars agree
    let cut_at = |pat: &str| -> Option<usize> { f.find(pat).map(|bi| f[..bi].chars().count()) };
    for pat in [". ty le =", ". ratio ="] {
        if let Some(ci) = cut_at(pat) {
            let byte = text.char_indices().nth(ci).map_or(text.len(), |(b, _)| b);
            ratio = Some(fraction_labels(&text[byte..]));
            body = text[..byte].to_string();
            break;
        }
    }
    let fb = fold_vi(&body);
    if let Some(bi) = fb.find(". diem tieu chi khong thap hon 0") {
        let ci = fb[..bi].chars().count();
        let byte = body.char_indices().nth(ci).map_or(body.len(), |(b, _)| b);
        body.truncate(byte);
    }
    (body, ratio)
}

/// "Điểm thưởng — …", "Trừ điểm của tiêu chí — …" as the app prints them.
fn strip_prefixes(text: &str) -> String {
    for sep in ['—', '–'] {
        if let Some(i) = text.find(sep) {
            let head = fold_vi(&text[..i]);
            if head.contains("diem thuong")
                || head.contains("tru diem")
                || head.contains("diem cong")
            {
                return text[i + sep.len_utf8()..].trim().to_string();
            }
        }
    }
    text.to_string()
}

/// Splits on ";" and line breaks; bullets and trailing dots are removed.
fn split_options(text: &str) -> Vec<String> {
    text.split([';', '\n'])
        .flat_map(|s| s.split(". "))
        .map(|s| {
            s.trim()
                .trim_start_matches(['-', '+', '•', '*', '–'])
                .trim()
                .trim_end_matches(['.', ','])
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// "X điểm", "X đ", "X" at the start of `s`, with nothing after but "điểm".
fn points_at(s: &str) -> Option<Dec> {
    let s = s.trim();
    let (d, rest) = number_at(s)?;
    let rest = fold_vi(rest.trim());
    let rest = rest.trim_end_matches(['.', ')']);
    matches!(rest, "" | "diem" | "d" | "đ").then_some(d)
}

/// "trừ 0,5 điểm", "trừ 50% số điểm", "trừ toàn bộ điểm", "không trừ".
fn deduction_at(f: &str) -> Option<(Option<Dec>, Option<Dec>)> {
    let f = f.trim();
    if f == "khong tru" || f == "khong tru diem" {
        return Some((Some(Dec::ZERO), None));
    }
    let rest = f.strip_prefix("tru")?.trim_start();
    if rest.starts_with("toan bo") || rest.starts_with("het") {
        return Some((None, Some(Dec::HUNDRED)));
    }
    let (d, after) = number_at(rest)?;
    let after = after.trim_start();
    if after.starts_with('%') {
        Some((None, Some(d)))
    } else if after.is_empty() || after.starts_with("diem") || after.starts_with('d') {
        Some((Some(d), None))
    } else {
        None
    }
}

fn read_option(seg: &str) -> Option<RawOption> {
    // "label: points" / "label = points" / "label → points"
    for sep in [':', '=', '→'] {
        if let Some(i) = seg.rfind(sep) {
            let label = seg[..i].trim().to_string();
            let value = seg[i + sep.len_utf8()..].trim();
            let fv = fold_vi(value);
            if let Some(d) = deduction_at(&fv) {
                return Some(RawOption {
                    label,
                    points: None,
                    deduct: Some(d),
                });
            }
            if let Some(p) = points_at(value) {
                return Some(RawOption {
                    label,
                    points: Some(p),
                    deduct: None,
                });
            }
        }
    }
    // "label (1 điểm)"
    if let (Some(open), true) = (seg.rfind('('), seg.ends_with(')')) {
        if let Some(p) = points_at(&seg[open + 1..seg.len() - 1]) {
            return Some(RawOption {
                label: seg[..open].trim().to_string(),
                points: Some(p),
                deduct: None,
            });
        }
    }
    // "label được 1 điểm" / "label thì trừ 0,5 điểm"
    let f = fold_vi(seg);
    for key in [" duoc ", " thi "] {
        if let Some(bi) = f.rfind(key) {
            let ci = f[..bi].chars().count();
            let byte = seg.char_indices().nth(ci).map_or(seg.len(), |(b, _)| b);
            let value_f = f[bi + key.len()..].trim();
            let label = seg[..byte].trim().to_string();
            if let Some(d) = deduction_at(value_f) {
                return Some(RawOption {
                    label,
                    points: None,
                    deduct: Some(d),
                });
            }
            if let Some(p) = points_at(value_f) {
                return Some(RawOption {
                    label,
                    points: Some(p),
                    deduct: None,
                });
            }
        }
    }
    None
}

/// "Ban hành kịp thời" → "ban_hanh_kip_thoi", unique among `taken`.
fn option_id(label: &str, taken: &mut Vec<String>) -> String {
    let mut id: String = fold_vi(label)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    while id.contains("__") {
        id = id.replace("__", "_");
    }
    let mut id = id.trim_matches('_').chars().take(40).collect::<String>();
    if id.is_empty() {
        id = "muc".into();
    }
    let base = id.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    taken.push(id.clone());
    id
}

fn level_options(options: &[RawOption]) -> Vec<LevelOption> {
    let mut taken = Vec::new();
    options
        .iter()
        .map(|o| LevelOption {
            id: option_id(&o.label, &mut taken),
            label: o.label.clone(),
            label_en: None,
            points: o.points.unwrap_or(Dec::ZERO),
        })
        .collect()
}

fn deduction(options: &[RawOption], part: Part) -> Reading {
    let mut taken = Vec::new();
    let mut out = Vec::new();
    for o in options {
        let (points, percent) = match (o.deduct, o.points) {
            (Some(d), _) => d,
            // "Không vi phạm: 0" in a list of deductions: nothing subtracted
            (None, Some(p)) if p.is_zero() => (Some(Dec::ZERO), None),
            _ => {
                return Reading::unsure(
                    None,
                    tf!(
                        "«{}» nằm giữa các mức trừ điểm nhưng không ghi «trừ …»",
                        "«{}» sits among deductions but says no «minus …»",
                        o.label
                    ),
                )
            }
        };
        out.push(DeductionOption {
            id: option_id(&o.label, &mut taken),
            label: o.label.clone(),
            label_en: None,
            points,
            percent,
        });
    }
    let _ = part;
    Reading::sure(Rule::Deduction { options: out })
}

fn percent_bands(
    options: &[RawOption],
    ratio_input: Option<(Option<String>, Option<String>)>,
    f: &str,
) -> Reading {
    let mut bands = Vec::new();
    for o in options {
        let lf = fold_vi(&o.label);
        let Some(r) = range_of(&lf, true) else {
            return Reading::unsure(
                None,
                tf!(
                    "không đọc được khoảng tỷ lệ trong «{}»",
                    "could not read the percentage range in «{}»",
                    o.label
                ),
            );
        };
        // "100%": a percentage cannot exceed 100, so it is "from 100%"
        let r = match r {
            (Some((a, true)), Some((b, true))) if a == b && a == Dec::HUNDRED => {
                (Some((a, true)), None)
            }
            r => r,
        };
        bands.push(band_from(r, o.points.unwrap_or(Dec::ZERO)));
    }
    let (input, num, den) = match ratio_input {
        Some((n, d)) => (PercentInput::Ratio, n, d),
        None => (PercentInput::Percent, None, None),
    };
    Reading::sure(Rule::PercentBands {
        input,
        numerator_label: num,
        denominator_label: den,
        zero_denominator: if input == PercentInput::Ratio {
            zero_denominator(f)
        } else {
            ZeroDenominator::default()
        },
        bands,
    })
}

/// Count bands when every option is a count range ("từ 3 cuộc trở lên",
/// "1-2 cuộc", "không có"); the unit is the word after the first number.
fn count_bands(options: &[RawOption]) -> Option<Reading> {
    let mut bands = Vec::new();
    let mut unit: Option<String> = None;
    let mut any_number = false;
    for o in options {
        let lf = fold_vi(&o.label);
        let r = range_of(&lf, false)?;
        let has_digit = o.label.chars().any(|c| c.is_ascii_digit());
        any_number |= has_digit;
        // a level whose label happens to hold a number ("Quý 1") is no count
        let ranged = !has_digit
            || [
                "tu ",
                "tren",
                "duoi",
                "tro len",
                "den",
                "-",
                "–",
                "khong qua",
                "toi da",
                "it nhat",
            ]
            .iter()
            .any(|k| lf.contains(k))
            || lf
                .trim_start()
                .trim_start_matches("co ")
                .starts_with(|c: char| c.is_ascii_digit());
        if !ranged {
            return None;
        }
        if unit.is_none() && has_digit {
            unit = unit_after_number(&o.label);
        }
        bands.push(band_from(r, o.points.unwrap_or(Dec::ZERO)));
    }
    if !any_number {
        return None;
    }
    Some(Reading::sure(Rule::CountBands { unit, bands }))
}

/// "mỗi bước 0,25" / "bước chấm 0,5" → the step.
fn step_of(f: &str) -> Option<Dec> {
    let i = f.find("buoc")?;
    let rest = &f[i + "buoc".len()..];
    let j = rest.find(|c: char| c.is_ascii_digit())?;
    if rest[..j].trim().len() > 8 {
        return None;
    }
    number_at(&rest[j..]).map(|(d, _)| d)
}

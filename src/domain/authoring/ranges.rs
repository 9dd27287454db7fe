//! Numbers and ranges as annexes write them: "0,5", "từ 80% đến dưới 100%",
//! "trên 90%", "1-2 cuộc", "từ 3 cuộc trở lên", "không có"; and the unit
//! counted. Used by the scoring-text reader.

use crate::domain::base::decimal::Dec;
use crate::domain::base::text::fold_vi;
use crate::domain::criteria::set::ScoreBand;

/// A range read from a label: each bound with whether it is included.
pub type Bounds = (Option<(Dec, bool)>, Option<(Dec, bool)>);

/// A number at the start of `s` ("0,5", "1.25", "2"), and the rest.
pub fn number_at(s: &str) -> Option<(Dec, &str)> {
    let end = s
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || ((c == ',' || c == '.') && s[i + 1..].starts_with(|d: char| d.is_ascii_digit())))
        })
        .map_or(s.len(), |(i, _)| i);
    if end == 0 {
        return None;
    }
    Dec::parse(&s[..end]).ok().map(|d| (d, &s[end..]))
}

/// A bound read from a label: value and whether it is included.
pub fn range_of(label_f: &str, unit_pct: bool) -> Option<Bounds> {
    // numbers in order of appearance
    let mut nums = Vec::new();
    let mut rest = label_f;
    let mut offset = 0;
    while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
        let (d, after) = number_at(&rest[i..])?;
        let at = offset + i;
        let consumed = rest.len() - after.len();
        nums.push((d, at));
        offset += consumed;
        rest = after;
    }
    let before = |at: usize| label_f[..at].trim_end();
    let has = |s: &str| label_f.contains(s);
    let dash = |a: usize| {
        let b = before(a);
        b.ends_with('-') || b.ends_with('–') || b.ends_with("den") || b.ends_with("den duoi")
    };
    match nums.as_slice() {
        [] => {
            if !unit_pct && (has("khong co") || has("khong phat hien") || has("khong to chuc")) {
                Some((Some((Dec::ZERO, true)), Some((Dec::ZERO, true))))
            } else {
                None
            }
        }
        [(a, at)] => {
            let b = before(*at);
            if b.ends_with("duoi")
                || b.ends_with('<')
                || b.ends_with("chua dat")
                || b.ends_with("it hon")
            {
                Some((None, Some((*a, false))))
            } else if b.ends_with("khong qua")
                || b.ends_with("toi da")
                || b.ends_with('≤')
                || b.ends_with("<=")
            {
                Some((None, Some((*a, true))))
            } else if b.ends_with("tren")
                || b.ends_with('>')
                || b.ends_with("hon")
                || b.ends_with("vuot")
            {
                Some((Some((*a, false)), None))
            } else if has("tro len")
                || b.ends_with('≥')
                || b.ends_with(">=")
                || b.ends_with("it nhat")
                || b.ends_with("toi thieu")
            {
                Some((Some((*a, true)), None))
            } else if b.ends_with("tu") {
                // "từ 3 cuộc" alone: from 3 upwards
                Some((Some((*a, true)), None))
            } else {
                Some((Some((*a, true)), Some((*a, true))))
            }
        }
        [(a, at_a), (b, at_b)] => {
            if !dash(*at_b) {
                return None;
            }
            let lower_open = before(*at_a).ends_with("tren");
            let upper_open = before(*at_b).ends_with("duoi");
            Some((Some((*a, !lower_open)), Some((*b, !upper_open))))
        }
        _ => None,
    }
}

pub fn band_from(r: Bounds, points: Dec) -> ScoreBand {
    ScoreBand {
        min: r.0.map(|x| x.0),
        min_inclusive: r.0.is_none_or(|x| x.1),
        max: r.1.map(|x| x.0),
        max_inclusive: r.1.is_some_and(|x| x.1),
        points,
    }
}

/// "từ 3 cuộc kiểm tra trở lên" → "cuộc kiểm tra".
pub fn unit_after_number(label: &str) -> Option<String> {
    let i = label.find(|c: char| c.is_ascii_digit())?;
    let (_, after) = number_at(&label[i..])?;
    let mut words = Vec::new();
    for w in after.split_whitespace() {
        let fw = fold_vi(w);
        if ["tro", "den", "-", "–", "tro len", "va", "hoac"].contains(&fw.as_str())
            || w.starts_with(|c: char| c.is_ascii_digit())
        {
            break;
        }
        words.push(w.trim_end_matches([',', ')']));
    }
    let u = words.join(" ");
    (!u.is_empty()).then_some(u)
}

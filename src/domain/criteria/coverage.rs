//! Whether a list of bands covers its domain exactly once: percentage and
//! classification bands over 0–100%, count bands over 0, 1, 2, …
//! Messages are Vietnamese and name the bands concerned.

use super::rule_text::range_text;
use super::set::Range;
use crate::domain::base::decimal::Dec;

fn overlap_msg(a: &Range, b: &Range, unit: &str) -> String {
    tf!(
        "mức «{}» và mức «{}» chồng lấn nhau",
        "bands «{}» and «{}» overlap",
        range_text(a, unit),
        range_text(b, unit)
    )
}

/// Checks that the ranges cover [0, hi] exactly once. Messages in Vietnamese.
pub fn coverage_problems(ranges: &[Range], hi: Dec, unit: &str) -> Vec<String> {
    let mut out = Vec::new();
    // (lo, lo_incl, hi, hi_incl, original) clipped to [0, hi]
    let mut iv: Vec<(Dec, bool, Dec, bool, usize)> = Vec::new();
    for (i, r) in ranges.iter().enumerate() {
        let (lo, lo_incl) = match r.min {
            Some(v) if v >= Dec::ZERO => (v, r.min_inclusive),
            _ => (Dec::ZERO, true),
        };
        let (h, h_incl) = match r.max {
            Some(v) if v <= hi => (v, r.max_inclusive),
            _ => (hi, true),
        };
        if lo > h || (lo == h && !(lo_incl && h_incl)) {
            out.push(tf!(
                "mức «{}» không chứa giá trị nào trong khoảng 0–{}{unit}",
                "band «{}» contains no value in the range 0–{}{unit}",
                range_text(r, unit),
                hi.shown()
            ));
            continue;
        }
        iv.push((lo, lo_incl, h, h_incl, i));
    }
    if iv.is_empty() {
        return out;
    }
    iv.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let v = |d: Dec| format!("{}{unit}", d.shown());
    let first = iv[0];
    if first.0 > Dec::ZERO || !first.1 {
        out.push(tf!(
            "bỏ trống: không mức nào chứa giá trị từ 0{unit} đến {}",
            "gap: no band contains values from 0{unit} to {}",
            v(first.0)
        ));
    }
    let (mut cov_hi, mut cov_incl, mut cov_idx) = (first.2, first.3, first.4);
    for &(lo, lo_incl, h, h_incl, idx) in &iv[1..] {
        let gap = lo > cov_hi || (lo == cov_hi && !cov_incl && !lo_incl);
        let overlap = lo < cov_hi || (lo == cov_hi && cov_incl && lo_incl);
        if gap {
            if lo == cov_hi {
                out.push(tf!(
                    "bỏ trống: không mức nào chứa giá trị {}",
                    "gap: no band contains the value {}",
                    v(lo)
                ));
            } else {
                out.push(tf!(
                    "bỏ trống: không mức nào chứa giá trị từ {} đến {}",
                    "gap: no band contains values from {} to {}",
                    v(cov_hi),
                    v(lo)
                ));
            }
        } else if overlap {
            out.push(overlap_msg(&ranges[cov_idx], &ranges[idx], unit));
        }
        if h > cov_hi || (h == cov_hi && h_incl && !cov_incl) {
            cov_hi = h;
            cov_incl = h_incl;
            cov_idx = idx;
        }
    }
    if cov_hi < hi || !cov_incl {
        out.push(tf!(
            "bỏ trống: không mức nào chứa giá trị {}",
            "gap: no band contains the value {}",
            v(hi)
        ));
    }
    out
}

/// Checks that whole-number ranges cover 0, 1, 2, … exactly once.
pub fn integer_coverage_problems(ranges: &[Range], unit: &str) -> Vec<String> {
    let mut out = Vec::new();
    // closed integer intervals [a, b], b = None for unbounded
    let mut iv: Vec<(i64, Option<i64>, usize)> = Vec::new();
    for (i, r) in ranges.iter().enumerate() {
        let a = match r.min {
            None => 0,
            Some(v) => {
                let n = v.hundredths().div_euclid(100);
                let n = if v.is_integer() { n } else { n + 1 };
                if r.min_inclusive || !v.is_integer() {
                    n.max(0)
                } else {
                    (n + 1).max(0)
                }
            }
        };
        let b = r.max.map(|v| {
            let n = v.hundredths().div_euclid(100);
            if r.max_inclusive || !v.is_integer() {
                n
            } else {
                n - 1
            }
        });
        if b.is_some_and(|b| b < a) {
            out.push(tf!(
                "mức «{}» không chứa số nguyên nào",
                "band «{}» contains no whole number",
                range_text(r, unit)
            ));
            continue;
        }
        iv.push((a, b, i));
    }
    if iv.is_empty() {
        return out;
    }
    iv.sort_by_key(|x| x.0);
    if iv[0].0 > 0 {
        out.push(tf!(
            "bỏ trống: không mức nào chứa giá trị từ 0 đến {}{unit}",
            "gap: no band contains values from 0 to {}{unit}",
            iv[0].0 - 1
        ));
    }
    let (mut cov, mut cov_idx) = (iv[0].1, iv[0].2);
    for &(a, b, idx) in &iv[1..] {
        match cov {
            None => out.push(overlap_msg(&ranges[cov_idx], &ranges[idx], unit)),
            Some(c) if a <= c => out.push(overlap_msg(&ranges[cov_idx], &ranges[idx], unit)),
            Some(c) if a > c + 1 => {
                if a - 1 == c + 1 {
                    out.push(tf!(
                        "bỏ trống: không mức nào chứa giá trị {}{unit}",
                        "gap: no band contains the value {}{unit}",
                        c + 1
                    ));
                } else {
                    out.push(tf!(
                        "bỏ trống: không mức nào chứa giá trị từ {} đến {}{unit}",
                        "gap: no band contains values from {} to {}{unit}",
                        c + 1,
                        a - 1
                    ));
                }
            }
            _ => {}
        }
        let extends = match (cov, b) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(c), Some(b)) => b > c,
        };
        if extends {
            cov = b;
            cov_idx = idx;
        }
    }
    if let Some(c) = cov {
        out.push(tf!(
            "bỏ trống: không mức nào chứa giá trị từ {}{unit} trở lên",
            "gap: no band contains values from {}{unit} upwards",
            c + 1
        ));
    }
    out
}

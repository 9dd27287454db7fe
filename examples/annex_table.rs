//! Writes a bundled criteria set as a province's annex table would look
//! (tab-separated, as Excel or Word copies it), for the studio's tests:
//! Roman-numeral fields (I, 1, a), the scoring text as people write it, a
//! separate bonus part at the end, and a few rows in unusual wording that
//! the reader must flag instead of guessing.
//!
//!     cargo run --example annex_table -- [set.json] > tests/fixtures/phu-luc-so-ban-nganh.tsv

use cchc_tu_danh_gia::domain::criteria::rule_text::rule_line;
use cchc_tu_danh_gia::domain::load_criteria_set;

/// Rows rewritten the way some annexes word them (item code → scoring text).
const UNUSUAL: &[(&str, &str)] = &[
    ("1.1.1", "Ban hành đúng thời hạn quy định"),
    ("2.1.2", "Theo hướng dẫn của Sở Tư pháp"),
    ("3.2.1", "Mỗi thủ tục công bố chậm trừ 0,25 điểm"),
    ("5.1.1", "Tùy mức độ thực hiện để chấm điểm"),
    ("7.1.1", "Xếp loại Tốt: 1; Khá: 0,5"),
];

fn letter(i: usize) -> String {
    let letters = "abcdeghiklmnopqrstuvxy";
    letters
        .chars()
        .nth(i)
        .map(String::from)
        .unwrap_or_else(|| format!("z{i}"))
}

fn roman(n: usize) -> &'static str {
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n - 1]
}

fn cell(s: &str) -> String {
    if s.contains(['\t', '\n', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "public/criteria/minh-hoa-so-ban-nganh-2026.json".into());
    let set = load_criteria_set(&std::fs::read(&path).expect("read set")).expect("set loads");
    let mut out = String::from("PHỤ LỤC\tBỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH\t\t\t\n");
    out.push_str("STT\tLĩnh vực / Tiêu chí / Tiêu chí thành phần\tĐiểm tối đa\tCách tính điểm (hướng dẫn chấm)\tTài liệu kiểm chứng\n");
    let row =
        |out: &mut String, code: &str, title: &str, max: String, scoring: &str, evidence: &str| {
            out.push_str(&[cell(code), cell(title), max, cell(scoring), cell(evidence)].join("\t"));
            out.push('\n');
        };
    out.push_str("PHẦN I\tĐIỂM ĐÁNH GIÁ CÁC LĨNH VỰC\t\t\t\n");
    for (fi, f) in set.fields.iter().enumerate() {
        row(
            &mut out,
            roman(fi + 1),
            &f.title.to_uppercase(),
            f.max.shown(),
            "",
            "",
        );
        for (ci, c) in f.criteria.iter().enumerate() {
            let code = (ci + 1).to_string();
            match &c.rule {
                Some(r) => {
                    let text = UNUSUAL
                        .iter()
                        .find(|(k, _)| *k == c.code)
                        .map_or_else(|| rule_line(r, c.max), |(_, t)| t.to_string());
                    row(
                        &mut out,
                        &code,
                        &c.title,
                        c.max.shown(),
                        &text,
                        c.evidence.as_deref().unwrap_or(""),
                    );
                }
                None => row(&mut out, &code, &c.title, c.max.shown(), "", ""),
            }
            for (ii, i) in c.items.iter().enumerate() {
                let text = UNUSUAL
                    .iter()
                    .find(|(k, _)| *k == i.code)
                    .map_or_else(|| rule_line(&i.rule, i.max), |(_, t)| t.to_string());
                let max = if i.rule.counts_toward_max() {
                    i.max.shown()
                } else {
                    String::new()
                };
                row(
                    &mut out,
                    &letter(ii),
                    &i.title,
                    max,
                    &text,
                    i.evidence.as_deref().unwrap_or(""),
                );
            }
        }
    }
    out.push_str("PHẦN II\tĐIỂM THƯỞNG (tối đa 2 điểm)\t2\t\t\n");
    row(
        &mut out,
        "1",
        "Có sáng kiến, mô hình mới về cải cách hành chính được cấp có thẩm quyền công nhận",
        "1".into(),
        "Được công nhận cấp tỉnh trở lên: 1; Được công nhận cấp sở: 0,5; Không có: 0",
        "Quyết định công nhận sáng kiến",
    );
    row(
        &mut out,
        "2",
        "Thực hiện tốt nhiệm vụ đột xuất về CCHC do UBND tỉnh giao",
        "1".into(),
        "Xuất sắc: 1; Tốt: 0,75; Hoàn thành: 0,5",
        "Văn bản giao nhiệm vụ, báo cáo kết quả",
    );
    print!("{out}");
}

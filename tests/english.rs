//! The English interface of the domain: messages, rules and numbers follow
//! the chosen language, Vietnamese stays the default, and a criteria set's
//! English titles are used when it has them.
#![cfg(not(target_arch = "wasm32"))]

mod support;
use cchc_tu_danh_gia::domain::base::i18n::{set_lang, Lang};
use cchc_tu_danh_gia::domain::criteria::rule_text::rule_line;
use cchc_tu_danh_gia::domain::*;
use serde_json::{json, Value};
use support::*;

fn fixture() -> Value {
    serde_json::from_slice(&repo_file("tests/fixtures/every-rule-kind.json")).unwrap()
}

/// Vietnamese letters outside the «…» quotes that carry the file's own data.
fn vietnamese_outside_quotes(text: &str) -> Option<String> {
    let mut depth = 0;
    for ch in text.chars() {
        match ch {
            '«' => depth += 1,
            '»' => depth -= 1,
            c if depth == 0 && ('\u{00C0}'..='\u{1EF9}').contains(&c) && c != '×' && c != '÷' => {
                return Some(text.to_string())
            }
            _ => {}
        }
    }
    None
}

#[test]
fn vietnamese_is_the_default() {
    // a fresh thread has not chosen a language
    let msg = std::thread::spawn(|| load_criteria_set(b"").unwrap_err()[0].to_string())
        .join()
        .unwrap();
    assert_eq!(msg, "Tệp rỗng");
}

#[test]
fn a_broken_set_is_explained_in_english() {
    set_lang(Lang::En);
    let mut v = fixture();
    v["title"] = json!("");
    v["total_max"] = json!(25);
    v["fields"][0]["criteria"][0]["items"][1]["code"] = json!("1.1.1");
    v["fields"][0]["criteria"][0]["items"][2]["rule"]["bands"][1]["min"] = json!(75);
    v["fields"][0]["criteria"][0]["items"][0]["rule"]["options"][0]["points"] = json!(-1);
    let problems = load_criteria_set(v.to_string().as_bytes()).unwrap_err();
    let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(lines.len() >= 4, "{lines:?}");
    let leaks: Vec<String> = lines
        .iter()
        .filter_map(|l| vietnamese_outside_quotes(l))
        .collect();
    assert!(
        leaks.is_empty(),
        "Vietnamese in English messages:\n{}",
        leaks.join("\n")
    );
    assert!(
        lines.iter().any(|l| l.contains("«title» cannot be empty")),
        "{lines:?}"
    );

    // a structural error (an unknown key) is English too
    v["bands"][0]["colour"] = json!("green");
    let problems = load_criteria_set(v.to_string().as_bytes()).unwrap_err();
    assert!(
        problems[0]
            .to_string()
            .contains("field «colour» is not part of the format"),
        "{}",
        problems[0]
    );

    // and the same file, in Vietnamese, says it in Vietnamese
    set_lang(Lang::Vi);
    let vi = load_criteria_set(v.to_string().as_bytes()).unwrap_err();
    assert!(vi[0]
        .to_string()
        .contains("trường «colour» không có trong định dạng"));
}

#[test]
fn bad_json_and_oversize_files_in_english() {
    set_lang(Lang::En);
    let e = load_criteria_set(b"{ \"format\": ").unwrap_err();
    assert!(
        e[0].to_string().starts_with("The file is not valid JSON"),
        "{}",
        e[0]
    );
    let big = vec![b' '; MAX_SET_BYTES + 1];
    let e = load_criteria_set(&big).unwrap_err();
    assert!(e[0].to_string().starts_with("File too large"), "{}", e[0]);
}

#[test]
fn rules_and_numbers_read_in_english() {
    set_lang(Lang::En);
    let set = load_criteria_set(fixture().to_string().as_bytes()).unwrap();
    let yes_no = set.scored_units().find(|u| u.code == "1.1.2").unwrap();
    assert_eq!(
        rule_line(yes_no.rule, yes_no.max),
        "Yes: 1 point; No: 0 points"
    );
    let bands = set.scored_units().find(|u| u.code == "1.1.3").unwrap();
    assert_eq!(
        rule_line(bands.rule, bands.max),
        "Above 90%: 2 points; From 70% to 90%: 1 point; Below 70%: 0 points"
    );
    assert_eq!(Dec::from_hundredths(125_050).shown(), "1,250.5");
    assert_eq!(Dec::from_hundredths(8_837).shown_fixed2(), "88.37");
    set_lang(Lang::Vi);
    assert_eq!(Dec::from_hundredths(125_050).shown(), "1.250,5");
    assert_eq!(
        rule_line(yes_no.rule, yes_no.max),
        "Có: 1 điểm; Không: 0 điểm"
    );
}

#[test]
fn set_titles_use_english_when_given_and_fall_back() {
    let mut v = fixture();
    v["title_en"] = json!("Test set: every kind of rule");
    v["fields"][0]["title_en"] = json!("Field one");
    v["bands"][0]["label_en"] = json!("Good");
    let set = load_criteria_set(v.to_string().as_bytes()).unwrap();
    set_lang(Lang::En);
    assert_eq!(set.title_shown(), "Test set: every kind of rule");
    assert_eq!(set.fields[0].title_shown(), "Field one");
    // no English title: the Vietnamese one
    assert_eq!(set.fields[1].title_shown(), set.fields[1].title);
    let unit = set.scored_units().next().unwrap();
    assert_eq!(unit.title_shown(), unit.title);
    assert_eq!(set.class_shown("Tốt"), "Good");
    assert_eq!(set.class_shown("Khá"), "Khá");
    assert_eq!(set.class_text(None), "—");
    set_lang(Lang::Vi);
    assert_eq!(set.title_shown(), set.title);
    assert_eq!(set.class_shown("Tốt"), "Tốt");
}

/// Every `t!("vi", "en")` pair written in the source.
fn interface_pairs() -> Vec<(String, String)> {
    fn literal(s: &str) -> Option<(String, &str)> {
        let s = s.trim_start().strip_prefix('"')?;
        let mut out = String::new();
        let mut chars = s.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    chars.next().map(|(_, c)| out.push(c));
                }
                '"' => return Some((out, &s[i + 1..])),
                c => out.push(c),
            }
        }
        None
    }
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for (i, _) in text.match_indices("t!(") {
                    let Some((vi, rest)) = literal(&text[i + 3..]) else {
                        continue;
                    };
                    let Some(rest) = rest.trim_start().strip_prefix(',') else {
                        continue;
                    };
                    if let Some((en, _)) = literal(rest) {
                        out.push((vi, en));
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    out
}

#[test]
fn one_english_word_never_stands_for_two_different_things() {
    let pairs = interface_pairs();
    assert!(
        pairs.len() > 500,
        "the source's pairs are read ({})",
        pairs.len()
    );
    // Vietnamese synonyms (a short and a long form of one term) may share
    // their English; anything else sharing it would confuse an English reader
    let synonyms: &[&[&str]] = &[
        &["Tổng", "Tổng cộng"],
        &["Điểm tối đa áp dụng", "Tối đa áp dụng"],
        &["Tự đánh giá", "Tự chấm"],
        &["Điểm mất", "Điểm bị mất"],
        &["Người lập", "Người lập biểu"],
        &[
            "Tải bản tự đánh giá về máy (JSON)",
            "Tải bản đang soạn (JSON)",
        ],
        &["Tự chấm", "Điểm"],
        &["Xếp hạng", "Hạng"],
        &["Điểm ĐTXHH", "Điểm điều tra xã hội học"],
        &["Tên bộ tiêu chí", "Tên"],
    ];
    let mut by_english =
        std::collections::BTreeMap::<&str, std::collections::BTreeSet<&str>>::new();
    for (vi, en) in &pairs {
        by_english.entry(en).or_default().insert(vi);
    }
    for (en, vis) in by_english {
        if vis.len() < 2 {
            continue;
        }
        let allowed = synonyms
            .iter()
            .any(|group| vis.iter().all(|v| group.contains(v)));
        assert!(allowed, "«{en}» translates different terms: {vis:?}");
    }
}

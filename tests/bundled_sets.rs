//! The criteria sets shipped in public/criteria: they load, they have the
//! published shape, and together they use every rule kind.
#![cfg(not(target_arch = "wasm32"))]

mod support;
use cchc_tu_danh_gia::domain::criteria::loader::read_known_set;
use cchc_tu_danh_gia::domain::criteria::rule_text;
use cchc_tu_danh_gia::domain::*;
use std::collections::BTreeSet;
use support::*;

fn bundled() -> Vec<(String, CriteriaSet)> {
    let index: Vec<String> =
        serde_json::from_slice(&repo_file("public/criteria/index.json")).unwrap();
    assert!(index.len() >= 2, "ship at least two sets");
    index
        .into_iter()
        .map(|f| {
            let s = load(&format!("public/criteria/{f}"));
            (f, s)
        })
        .collect()
}

#[test]
fn the_start_reads_the_bundled_sets_exactly_as_the_full_loader() {
    for (file, set) in bundled() {
        let bytes = repo_file(&format!("public/criteria/{file}"));
        assert_eq!(read_known_set(&bytes).as_ref(), Ok(&set), "{file}");
    }
}

#[test]
fn every_bundled_set_loads_and_is_labelled_illustrative() {
    for (file, set) in bundled() {
        assert_eq!(set.provenance, Provenance::Illustrative, "{file}");
        assert!(
            set.title.contains("minh họa"),
            "{file}: the title says it is illustrative"
        );
        assert_eq!(set.total_max, Dec::from_int(100), "{file}");
        assert!(
            file.starts_with(&set.id),
            "{file} is named after its id {}",
            set.id
        );
    }
}

#[test]
fn the_department_set_has_the_published_shape() {
    let set = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    assert_eq!(set.unit_type, UnitType::SoBanNganh);
    // Nghệ An 3323/QĐ-UBND (2023): criteria / sub-criteria per field
    let expected = [(8, 12), (6, 9), (7, 18), (5, 11), (8, 13), (5, 12), (9, 14)];
    let got: Vec<(usize, usize)> = set
        .fields
        .iter()
        .map(|f| {
            (
                f.criteria.len(),
                f.criteria.iter().map(|c| c.items.len()).sum(),
            )
        })
        .collect();
    assert_eq!(got, expected);
    let c = &set.fields[0].criteria[0].items[3];
    assert_eq!(c.code, "1.1.4");
    assert_eq!(
        rule_text::rule_line(&c.rule, c.max),
        "Trên 90%: 2 điểm; Từ 70% đến 90%: 1 điểm; Dưới 70%: 0 điểm"
    );
}

#[test]
fn the_commune_set_is_for_communes() {
    let set = load("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json");
    assert_eq!(set.unit_type, UnitType::UbndXaPhuong);
    assert_eq!(set.fields.len(), 7);
}

#[test]
fn together_the_sets_use_every_rule_kind_and_not_applicable() {
    let mut kinds = BTreeSet::new();
    let mut ratio_input = false;
    let mut na = false;
    for (_, set) in bundled() {
        for u in set.scored_units() {
            kinds.insert(u.rule.kind());
            na |= u.allow_na;
            ratio_input |= matches!(
                u.rule,
                Rule::PercentBands {
                    input: PercentInput::Ratio,
                    ..
                }
            );
        }
    }
    assert_eq!(kinds, Rule::KINDS.into_iter().collect::<BTreeSet<_>>());
    assert!(
        ratio_input,
        "a percentage entered as numerator ÷ denominator"
    );
    assert!(na, "some item allows «không áp dụng»");
}

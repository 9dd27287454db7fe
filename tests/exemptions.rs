//! Miễn chấm (format version 2): a set names the parts some kinds of agency
//! are not scored on; an agency that declares it gets those items as not
//! applicable, removed from its maximum. Version 1 files keep loading.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cchc_tu_danh_gia::domain::authoring::studio::StudioDraft;
use cchc_tu_danh_gia::domain::criteria::set::Exemption;
use cchc_tu_danh_gia::domain::*;
use proptest::prelude::*;
use support::*;

fn departments() -> CriteriaSet {
    load("public/criteria/minh-hoa-so-ban-nganh-2026.json")
}

fn exemption(id: &str, codes: &[&str]) -> Exemption {
    Exemption {
        id: id.into(),
        label: format!("Trường hợp {id}"),
        codes: codes.iter().map(|c| c.to_string()).collect(),
    }
}

/// A draft answering every self-scored unit: the first option, "có", 100%,
/// 9 of 10, a count of 0, or the full direct score.
fn full_draft(set: &CriteriaSet) -> Draft {
    let mut d = Draft::new("x", "2026-11-24T10:00:00");
    d.set_key = format!("{}@{}", set.id, set.version);
    for u in set.scored_units() {
        let first = match u.rule {
            Rule::Levels { options } => options.first().map(|o| o.id.clone()),
            Rule::Bonus { options } => options.first().map(|o| o.id.clone()),
            Rule::Deduction { options } => options.first().map(|o| o.id.clone()),
            Rule::YesNo { .. } => Some("yes".into()),
            _ => None,
        };
        let max = u.max.shown();
        d.edit(u.code, |r| match InputKind::of(u.rule) {
            InputKind::Choice | InputKind::YesNo => r.choice = first,
            InputKind::Percent => r.value = "100".into(),
            InputKind::Fraction => {
                r.numerator = "9".into();
                r.denominator = "10".into();
            }
            InputKind::Count => r.value = "0".into(),
            InputKind::Direct => r.value = max,
            InputKind::Survey => {}
        });
    }
    d
}

#[test]
fn a_declared_exemption_takes_its_field_out_of_the_maximum() {
    let set = departments();
    assert_eq!(set.exemptions.len(), 1, "the bundled set shows the feature");
    let ex = set.exemptions[0].id.clone();
    let mut d = full_draft(&set);
    let before = d.score(&set);
    d.profile.exemptions = vec![ex];
    let after = d.score(&set);

    let field3 = set.fields.iter().find(|f| f.code == "3").unwrap();
    let units3: Vec<String> = field3
        .criteria
        .iter()
        .flat_map(|c| c.units(field3))
        .map(|u| u.code.to_string())
        .collect();
    assert!(!units3.is_empty());
    for code in &units3 {
        let s = &after.items[code];
        assert_eq!(s.status, ItemStatus::NotApplicable, "{code}");
        assert_eq!(s.points, Dec::ZERO);
        assert!(s.reason.contains("Miễn chấm"), "{}", s.reason);
    }
    let f3_before = before.fields.iter().find(|f| f.code == "3").unwrap();
    let f3_after = after.fields.iter().find(|f| f.code == "3").unwrap();
    assert_eq!(f3_after.applicable_max, Dec::ZERO);
    assert_eq!(
        f3_after.answered, f3_after.answerable,
        "exempt counts as done"
    );
    assert_eq!(
        after.applicable_max,
        before.applicable_max - f3_before.applicable_max
    );
    assert_eq!(after.points, before.points - f3_before.points);
    // the index is re-normalised on what is left
    assert_eq!(
        after.index,
        Some(Dec::from_ratio(
            after.total.hundredths() as i128 * 100,
            after.applicable_max.hundredths() as i128
        ))
    );
    // other fields are untouched
    for (b, a) in before.fields.iter().zip(&after.fields) {
        if b.code != "3" {
            assert_eq!(b, a);
        }
    }
}

#[test]
fn an_exemption_overrides_items_that_do_not_allow_not_applicable() {
    let mut set = load("tests/fixtures/every-rule-kind.json");
    // 1.1 holds a deduction and items without "không áp dụng"; 2.2 is a
    // criterion scored directly
    set.exemptions = vec![exemption("a", &["1.1", "2.2"])];
    assert!(validate(&set).is_empty(), "{:?}", validate(&set));
    let mut d = full_draft(&set);
    d.profile.exemptions = vec!["a".into()];
    let r = d.score(&set);
    for code in ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "2.2"] {
        assert_eq!(r.items[code].status, ItemStatus::NotApplicable, "{code}");
        assert_eq!(r.items[code].points, Dec::ZERO, "{code}");
    }
    let c11 = r.criteria.iter().find(|c| c.code == "1.1").unwrap();
    assert_eq!(
        (c11.points, c11.applicable_max, c11.deducted),
        (Dec::ZERO, Dec::ZERO, Dec::ZERO)
    );
    // not declared: scored as usual
    d.profile.exemptions.clear();
    assert_eq!(d.score(&set).items["1.1.2"].status, ItemStatus::Scored);
}

#[test]
fn exemption_problems_are_named_in_vietnamese() {
    let mut set = departments();
    set.exemptions = vec![
        exemption("a", &["3", "9.9"]),
        exemption("a", &["2"]),
        Exemption {
            id: "có dấu".into(),
            label: " ".into(),
            codes: vec![],
        },
    ];
    let msgs: Vec<String> = validate(&set).into_iter().map(|p| p.message).collect();
    let has = |s: &str| msgs.iter().any(|m| m.contains(s));
    assert!(has("bộ tiêu chí không có mã «9.9»"), "{msgs:?}");
    assert!(has("mã «a» bị trùng"), "{msgs:?}");
    assert!(has("chưa ghi áp dụng cho cơ quan nào"), "{msgs:?}");
    assert!(
        has("chưa ghi lĩnh vực, tiêu chí hay tiêu chí thành phần nào"),
        "{msgs:?}"
    );
    assert!(has("mã chỉ gồm chữ không dấu"), "{msgs:?}");
    assert_eq!(msgs.len(), 5, "{msgs:?}");
}

#[test]
fn version_1_files_load_and_exemptions_need_version_2() {
    // every file written before exemptions existed still loads
    assert!(load_criteria_set(&repo_file("tests/fixtures/every-rule-kind.json")).is_ok());
    let text =
        String::from_utf8(repo_file("public/criteria/minh-hoa-so-ban-nganh-2026.json")).unwrap();
    let as_v1 = text.replacen("\"format_version\": 2", "\"format_version\": 1", 1);
    let err = load_criteria_set(as_v1.as_bytes()).unwrap_err();
    assert!(
        err[0].message.contains("phải ghi «format_version»: 2"),
        "{err:?}"
    );
    let as_v3 = text.replacen("\"format_version\": 2", "\"format_version\": 3", 1);
    let err = load_criteria_set(as_v3.as_bytes()).unwrap_err();
    assert!(
        err[0]
            .message
            .contains("Phiên bản định dạng 3 chưa được hỗ trợ"),
        "{err:?}"
    );
}

#[test]
fn publishing_writes_the_lowest_version_that_holds_the_set() {
    let mut set = departments();
    set.provenance = Provenance::Official;
    let published = |set: &CriteriaSet| {
        let (text, _) = StudioDraft::new(set.clone(), Default::default(), None)
            .publish()
            .unwrap();
        let back = load_criteria_set(text.as_bytes()).unwrap();
        (back.format_version, back)
    };
    let (v, back) = published(&set);
    assert_eq!((v, &back.exemptions), (2, &set.exemptions));
    set.exemptions.clear();
    set.format_version = 2;
    assert_eq!(
        published(&set).0,
        1,
        "no exemptions: readable by older copies"
    );
}

proptest! {
    /// Declaring exemptions never raises the maximum or the points, and
    /// removes from the maximum exactly the exempted units' share.
    #[test]
    fn exemptions_remove_exactly_their_items(picks in proptest::collection::vec(0usize..200, 0..6)) {
        let mut set = departments();
        let codes: Vec<String> = set
            .fields
            .iter()
            .flat_map(|f| std::iter::once(f.code.clone()).chain(f.criteria.iter().flat_map(|c| {
                std::iter::once(c.code.clone()).chain(c.items.iter().map(|i| i.code.clone()))
            })))
            .collect();
        let chosen: Vec<&str> = picks.iter().map(|p| codes[p % codes.len()].as_str()).collect();
        set.exemptions = vec![exemption("x", &chosen)];
        let mut d = full_draft(&set);
        let before = d.score(&set);
        d.profile.exemptions = vec!["x".into()];
        let after = d.score(&set);
        let exempted = set.exempted(&d.profile.exemptions);
        let removed: Dec = exempted.keys().map(|c| before.items[c].applicable_max).sum();
        prop_assert_eq!(after.applicable_max, before.applicable_max - removed);
        prop_assert!(after.points <= before.points);
        for (code, s) in &after.items {
            if exempted.contains_key(code) {
                prop_assert_eq!(s.status, ItemStatus::NotApplicable);
            } else {
                prop_assert_eq!(s, &before.items[code]);
            }
        }
    }
}

#[test]
fn the_desk_recomputes_an_exempt_agency_as_it_scored_itself() {
    use cchc_tu_danh_gia::domain::appraisal::desk::appraised_report;
    use cchc_tu_danh_gia::domain::appraisal::submission::{check, export};
    let set = departments();
    let mut d = full_draft(&set);
    d.profile.exemptions = vec![set.exemptions[0].id.clone()];
    let sub = export(&d, &set, "2026-11-24T10:00:00", 1);
    let c = check(&sub, Some(&set));
    assert!(
        c.mismatches.is_empty() && !c.total_mismatch,
        "{:?}",
        c.mismatches
    );
    assert_eq!(c.report, d.score(&set));
    let appraised = appraised_report(&set, &sub, &Default::default());
    assert_eq!(appraised.applicable_max, d.score(&set).applicable_max);
}

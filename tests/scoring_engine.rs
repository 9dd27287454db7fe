//! The scoring engine against a hand-written set that uses every rule kind,
//! with totals computed by hand, plus properties that must always hold.
#![cfg(not(target_arch = "wasm32"))]

mod support;
use cchc_tu_danh_gia::domain::*;
use proptest::prelude::*;
use support::*;

const FIXTURE: &str = "tests/fixtures/every-rule-kind.json";

#[test]
fn hand_computed_totals_mixed_answers() {
    let set = load(FIXTURE);
    let a = answers(&[
        ("1.1.1", opt("khong_kip_thoi")), // 0,5
        ("1.1.2", yes(true)),             // 1
        ("1.1.3", percent("90")),         // 90% is in "70–90% inclusive" → 1 (not "> 90%")
        ("1.1.5", points("0,75")),        // 0,75
        ("1.1.4", opt("nhe")),            // −50% of 3,25 = 1,625 → 1,63
        ("1.2", frac("43", "50")),        // 86% → 1,5
        ("1.3", frac("7", "9")),          // 7/9 × 2 = 1,555… → 1,56
        ("1.4", opt("tot")),              // bonus 1,5
        ("2.1", count(2)),                // 1–2 cuộc → 1,5
        ("2.2", na()),                    // removes 4 from the applicable maximum
    ]);
    let r = score(&set, &a);
    let item = |c: &str| r.items[c].points;
    assert_eq!(item("1.1.1"), d("0,5"));
    assert_eq!(item("1.1.3"), d("1"));
    assert_eq!(item("1.1.4"), d("1,63"));
    assert_eq!(item("1.3"), d("1,56"));
    assert_eq!(r.criteria[0].points, d("1,62"));
    assert_eq!(r.criteria[0].deducted, d("1,63"));

    let f1 = &r.fields[0];
    assert_eq!(
        (f1.points, f1.applicable_max, f1.bonus),
        (d("4,68"), d("10"), d("1,5"))
    );
    assert_eq!(f1.index, Some(d("46,8")));
    let f2 = &r.fields[1];
    assert_eq!(
        (f2.points, f2.applicable_max, f2.survey_max),
        (d("1,5"), d("3"), d("3"))
    );
    assert_eq!(f2.index, Some(d("50")));

    assert_eq!(r.max, d("17")); // 20 declared − 3 survey
    assert_eq!(r.survey_max, d("3"));
    assert_eq!(r.applicable_max, d("13"));
    assert_eq!(r.points, d("6,18"));
    assert_eq!(r.bonus, d("1,5"));
    assert_eq!(r.total, d("7,68"));
    assert_eq!(r.index, Some(d("59,08"))); // 7,68 ÷ 13 = 59,0769…%
    assert_eq!(r.index.unwrap().shown_fixed2(), "59,08");
    assert_eq!(r.class.as_deref(), Some("Yếu"));
    assert_eq!((r.answered, r.answerable), (10, 10));
}

#[test]
fn hand_computed_totals_full_marks_with_capped_bonus() {
    let set = load(FIXTURE);
    let a = answers(&[
        ("1.1.1", opt("kip_thoi")),
        ("1.1.2", yes(true)),
        ("1.1.3", percent("90,01")),
        ("1.1.5", points("1")),
        ("1.1.4", opt("khong")),
        ("1.2", frac("0", "0")),  // zero denominator → full points
        ("1.3", frac("0", "0")),  // zero denominator → not applicable
        ("1.4", opt("xuat_sac")), // 2, capped to 1,5 by the set
        ("2.1", count(7)),
        ("2.2", percent("100")),
    ]);
    let r = score(&set, &a);
    assert_eq!(r.items["1.2"].points, d("3"));
    assert_eq!(r.items["1.3"].status, ItemStatus::NotApplicable);
    assert_eq!(r.applicable_max, d("15"));
    assert_eq!(r.points, d("15"));
    assert_eq!(r.bonus_earned, d("2"));
    assert_eq!(r.bonus, d("1,5"));
    assert_eq!(r.total, d("16,5"));
    assert_eq!(r.index, Some(d("110")));
    assert_eq!(r.class.as_deref(), Some("Tốt"));
}

#[test]
fn deduction_never_takes_a_criterion_below_zero() {
    let set = load(FIXTURE);
    let r = score(
        &set,
        &answers(&[("1.1.1", opt("kip_thoi")), ("1.1.4", opt("nang"))]),
    );
    assert_eq!(r.criteria[0].points, Dec::ZERO);
    assert_eq!(r.items["1.1.4"].points, d("1"));
    // a fixed deduction larger than the points left is cut to what is left
    let xa = load("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json");
    let r = score(
        &xa,
        &answers(&[("2.1.1", frac("1", "6")), ("2.1.2", opt("mot"))]),
    );
    assert_eq!(r.items["2.1.1"].points, d("0,5"));
    assert_eq!(r.items["2.1.2"].points, d("0,5"));
    let r = score(
        &xa,
        &answers(&[("2.1.1", frac("1", "10")), ("2.1.2", opt("mot"))]),
    );
    assert_eq!(r.items["2.1.1"].points, d("0,3"));
    assert_eq!(r.items["2.1.2"].points, d("0,3"));
    assert_eq!(
        r.criteria.iter().find(|c| c.code == "2.1").unwrap().points,
        Dec::ZERO
    );
}

#[test]
fn reasons_are_plain_vietnamese() {
    let set = load(FIXTURE);
    let r = score(
        &set,
        &answers(&[
            ("2.2", percent("86")),
            ("1.2", frac("43", "50")),
            ("1.1.1", opt("kip_thoi")),
        ]),
    );
    assert_eq!(
        r.items["2.2"].reason,
        "86% → 2 điểm (mức từ 80% đến dưới 100%)"
    );
    assert_eq!(
        r.items["1.2"].reason,
        "43/50 = 86% → 1,5 điểm (mức từ 80% đến dưới 100%)"
    );
    assert_eq!(r.items["1.1.1"].reason, "Ban hành kịp thời → 1 điểm");
}

#[test]
fn invalid_answers_score_zero_and_say_why() {
    let set = load(FIXTURE);
    let r = score(
        &set,
        &answers(&[
            ("1.2", frac("51", "50")),
            ("2.2", percent("101")),
            ("1.1.5", points("0,3")),
            ("1.1.1", opt("khong_co")),
            ("1.1.2", na()), // N/A is not allowed there
            ("2.1", percent("50")),
        ]),
    );
    for code in ["1.2", "2.2", "1.1.5", "1.1.1", "1.1.2", "2.1"] {
        assert_eq!(r.items[code].status, ItemStatus::Invalid, "{code}");
        assert_eq!(r.items[code].points, Dec::ZERO);
        assert_eq!(
            r.items[code].applicable_max, r.items[code].max,
            "{code} keeps its maximum"
        );
    }
    assert!(r.items["1.2"]
        .reason
        .contains("Tử số (51) lớn hơn mẫu số (50)"));
    assert!(r.items["2.2"].reason.contains("ngoài khoảng 0–100%"));
    assert!(r.items["1.1.5"].reason.contains("không theo bước 0,25"));
}

#[test]
fn unanswered_items_count_against_the_index() {
    let set = load(FIXTURE);
    let r = score(&set, &Answers::new());
    assert_eq!(r.total, Dec::ZERO);
    assert_eq!(r.applicable_max, d("17"));
    assert_eq!(r.index, Some(Dec::ZERO));
    assert_eq!(r.answered, 0);
    assert_eq!(r.answerable, 10); // survey item not counted
}

fn arb_answer() -> impl Strategy<Value = Answer> {
    let dec = (-200i64..20_000).prop_map(Dec::from_hundredths);
    prop_oneof![
        Just(Answer::default()),
        Just(na()),
        "[a-z_]{1,12}".prop_map(|id| opt(&id)),
        prop::sample::select(vec![
            "kip_thoi",
            "khong_kip_thoi",
            "khong",
            "nhe",
            "nang",
            "tot",
            "xuat_sac",
            "hoan_thanh"
        ])
        .prop_map(opt),
        any::<bool>().prop_map(yes),
        dec.clone().prop_map(|p| Answer {
            value: Some(AnswerValue::Percent { percent: p }),
            not_applicable: false,
            exempt: None,
        }),
        (dec.clone(), dec.clone()).prop_map(|(n, den)| Answer {
            value: Some(AnswerValue::Fraction {
                numerator: n,
                denominator: den
            }),
            not_applicable: false,
            exempt: None,
        }),
        (0u64..1000).prop_map(count),
        dec.prop_map(|p| Answer {
            value: Some(AnswerValue::Points { points: p }),
            not_applicable: false,
            exempt: None,
        }),
    ]
}

fn arb_answers(set: &CriteriaSet) -> impl Strategy<Value = Answers> {
    let codes: Vec<String> = set.scored_units().map(|u| u.code.to_string()).collect();
    prop::collection::vec(prop::option::of(arb_answer()), codes.len()).prop_map(move |v| {
        codes
            .iter()
            .cloned()
            .zip(v)
            .filter_map(|(c, a)| a.map(|a| (c, a)))
            .collect()
    })
}

fn sets() -> Vec<CriteriaSet> {
    vec![
        load(FIXTURE),
        load("public/criteria/minh-hoa-so-ban-nganh-2026.json"),
        load("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn scores_stay_within_bounds_and_add_up_exactly(
        (which, a) in (0usize..3).prop_flat_map(|w| (Just(w), arb_answers(&sets()[w])))
    ) {
        let set = &sets()[which];
        let r = score(set, &a);
        for it in r.items.values() {
            prop_assert!(it.points >= Dec::ZERO, "{} negative", it.code);
            prop_assert!(it.applicable_max <= it.max);
        }
        for unit in set.scored_units() {
            let it = &r.items[unit.code];
            if unit.rule.counts_toward_max() {
                prop_assert!(it.points <= unit.max, "{} exceeds its maximum", unit.code);
            }
            if it.status == ItemStatus::NotApplicable {
                prop_assert_eq!(it.applicable_max, Dec::ZERO);
            }
        }
        for (c, f) in r.criteria.iter().zip(set.fields.iter().flat_map(|f| &f.criteria)) {
            prop_assert!(c.points >= Dec::ZERO && c.points <= f.max.max(Dec::ZERO));
        }
        // exact sums: field = Σ criteria, total = Σ fields + capped bonus
        let mut ci = r.criteria.iter();
        for (fs, f) in r.fields.iter().zip(&set.fields) {
            let sum: Dec = ci.by_ref().take(f.criteria.len()).map(|c| c.points).sum();
            prop_assert_eq!(fs.points, sum);
            prop_assert!(fs.points <= fs.applicable_max);
        }
        prop_assert_eq!(r.points, r.fields.iter().map(|f| f.points).sum::<Dec>());
        prop_assert_eq!(r.total, r.points + r.bonus);
        prop_assert!(r.bonus <= set.bonus_cap.unwrap_or(r.bonus_earned));
        // the applicable maximum is the maximum less N/A and survey items
        let na_max: Dec = r.items.values().filter(|i| i.status == ItemStatus::NotApplicable).map(|i| i.max).sum();
        prop_assert_eq!(r.applicable_max, r.max - na_max);
        // the index is over the applicable maximum
        if r.applicable_max > Dec::ZERO {
            let idx = r.index.unwrap();
            let exact = r.total.hundredths() as f64 / r.applicable_max.hundredths() as f64 * 100.0;
            prop_assert!((idx.to_f64() - exact).abs() <= 0.005 + 1e-9);
            prop_assert!(r.class.is_some());
        }
    }

    #[test]
    fn adding_hundredths_never_drifts(parts in prop::collection::vec(0i64..10_000, 0..200)) {
        let sum: Dec = parts.iter().map(|&h| Dec::from_hundredths(h)).sum();
        prop_assert_eq!(sum.hundredths(), parts.iter().sum::<i64>());
        // and formatting then parsing round-trips
        prop_assert_eq!(Dec::parse(&sum.shown().replace('.', "")).unwrap(), sum);
    }
}

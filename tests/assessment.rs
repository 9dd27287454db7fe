//! The self-assessment draft: typed text is kept, read into answers with a
//! message per input; profile and evidence checks; the summary's lists,
//! points lost, gap to the next class, and search.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cchc_tu_danh_gia::domain::assessment::draft::*;
use cchc_tu_danh_gia::domain::assessment::summary::*;
use cchc_tu_danh_gia::domain::base::text::fold_vi;
use cchc_tu_danh_gia::domain::*;
use cchc_tu_danh_gia::domain::{
    email_problem, link_problem, phone_problem, AgencyProfile, EvidencePart, EvidenceRef,
    ProfileInput,
};
use proptest::prelude::*;
use support::*;

fn fixture() -> CriteriaSet {
    load("tests/fixtures/every-rule-kind.json")
}

fn unit<'a>(set: &'a CriteriaSet, code: &str) -> ScoredUnit<'a> {
    set.scored_units().find(|u| u.code == code).unwrap()
}

fn with(code: &str, f: impl FnOnce(&mut Response)) -> Draft {
    let mut d = Draft::default();
    d.edit(code, f);
    d
}

#[test]
fn typed_text_is_kept_and_read_per_rule() {
    let set = fixture();
    let r = Response {
        value: "86,5".into(),
        ..Response::default()
    };
    let read = r.read(&unit(&set, "1.1.3"));
    assert!(read.problems.is_empty());
    assert_eq!(read.answer, Some(percent("86.5")));

    let r = Response {
        value: "12a".into(),
        ..Response::default()
    };
    let read = r.read(&unit(&set, "1.1.3"));
    assert_eq!(read.answer, None);
    assert_eq!(
        read.problems,
        vec![(
            AnswerInput::Value,
            "Tỷ lệ «12a» không phải là số.".to_string()
        )]
    );
    // the text stays in the draft
    let d = with("1.1.3", |r| r.value = "12a".into());
    assert_eq!(d.response("1.1.3").value, "12a");
}

#[test]
fn a_percentage_may_be_typed_with_its_sign() {
    let set = fixture();
    for typed in ["92,5%", " 92,5 % ", "92.5%"] {
        let r = Response {
            value: typed.into(),
            ..Response::default()
        };
        let read = r.read(&unit(&set, "1.1.3"));
        assert!(read.problems.is_empty(), "{typed}: {:?}", read.problems);
        assert_eq!(read.answer, Some(percent("92.5")), "{typed}");
    }
    let r = Response {
        value: "%".into(),
        ..Response::default()
    };
    assert_eq!(r.read(&unit(&set, "1.1.3")).answer, None);
}

#[test]
fn dates_are_typed_day_first_and_stored_as_iso() {
    use cchc_tu_danh_gia::domain::assessment::evidence::{date_for_typing, date_from_typed};
    for (typed, stored) in [
        ("25/10/2026", "2026-10-25"),
        ("5/3/2026", "2026-03-05"),
        (" 25-10-2026 ", "2026-10-25"),
        ("25.10.2026", "2026-10-25"),
        ("2026-10-25", "2026-10-25"),
        // not (yet) a whole valid date: kept as typed
        ("25/10", "25/10"),
        ("31/02/2026", "31/02/2026"),
        ("10/25/2026", "10/25/2026"),
        ("25/10/26", "25/10/26"),
        ("", ""),
    ] {
        assert_eq!(date_from_typed(typed), stored, "{typed}");
    }
    assert_eq!(date_for_typing("2026-03-05"), "05/03/2026");
    assert_eq!(date_for_typing("25/10"), "25/10");
    // a date kept as typed is pointed out, in the order to type it
    let e = EvidenceRef {
        number: "1/KH".into(),
        date: date_from_typed("31/02/2026"),
        ..EvidenceRef::default()
    };
    let problems = e.problems("2026-11-25");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].1.contains("ngày/tháng/năm"), "{problems:?}");
}

#[test]
fn every_input_error_has_its_message_on_its_input() {
    let set = fixture();
    let check = |code: &str, r: Response, input: AnswerInput, msg: &str| {
        let read = r.read(&unit(&set, code));
        assert_eq!(read.answer, None, "{code}");
        assert!(
            read.problems.iter().any(|(i, m)| *i == input && m == msg),
            "{code}: {:?}",
            read.problems
        );
    };
    check(
        "1.2",
        Response {
            numerator: "12".into(),
            denominator: "10".into(),
            ..Default::default()
        },
        AnswerInput::Numerator,
        "Tử số (12) lớn hơn mẫu số (10): tỷ lệ không thể quá 100%.",
    );
    check(
        "1.3",
        Response {
            numerator: "1".into(),
            denominator: "-4".into(),
            ..Default::default()
        },
        AnswerInput::Denominator,
        "Mẫu số không được âm.",
    );
    check(
        "1.1.3",
        Response {
            value: "120".into(),
            ..Default::default()
        },
        AnswerInput::Value,
        "Tỷ lệ phải từ 0 đến 100%, bạn nhập 120%.",
    );
    check(
        "2.1",
        Response {
            value: "-2".into(),
            ..Default::default()
        },
        AnswerInput::Value,
        "Số lượng không được âm.",
    );
    check(
        "2.1",
        Response {
            value: "2,5".into(),
            ..Default::default()
        },
        AnswerInput::Value,
        "Số lượng «2,5» phải là số nguyên không âm, ví dụ 3.",
    );
    check(
        "1.1.5",
        Response {
            value: "0,3".into(),
            ..Default::default()
        },
        AnswerInput::Value,
        "Điểm 0,3 không theo bước 0,25 điểm.",
    );
    check(
        "1.1.5",
        Response {
            value: "1,25".into(),
            ..Default::default()
        },
        AnswerInput::Value,
        "Điểm phải từ 0 đến 1, bạn nhập 1,25.",
    );
}

#[test]
fn draft_scores_like_the_engine_on_the_same_answers() {
    let set = fixture();
    let mut d = Draft::default();
    d.edit("1.1.1", |r| r.choice = Some("kip_thoi".into()));
    d.edit("1.1.2", |r| r.choice = Some("yes".into()));
    d.edit("1.1.3", |r| r.value = "86".into());
    d.edit("1.1.4", |r| r.choice = Some("nhe".into()));
    d.edit("1.1.5", |r| r.not_applicable = true);
    d.edit("1.2", |r| {
        r.numerator = "43".into();
        r.denominator = "50".into();
    });
    d.edit("1.3", |r| {
        r.numerator = "7".into();
        r.denominator = "9".into();
    });
    d.edit("1.4", |r| r.choice = Some("tot".into()));
    d.edit("2.1", |r| r.value = "2".into());
    d.edit("2.2", |r| r.value = "oops".into());
    let expected = score(
        &set,
        &answers(&[
            ("1.1.1", opt("kip_thoi")),
            ("1.1.2", yes(true)),
            ("1.1.3", percent("86")),
            ("1.1.4", opt("nhe")),
            ("1.1.5", na()),
            ("1.2", frac("43", "50")),
            ("1.3", frac("7", "9")),
            ("1.4", opt("tot")),
            ("2.1", count(2)),
        ]),
    );
    assert_eq!(d.score(&set), expected);
    assert_eq!(
        d.score(&set).items["1.1.3"].reason,
        "86% → 1 điểm (mức từ 70% đến 90%)"
    );
}

#[test]
fn an_emptied_response_is_removed() {
    let mut d = with("1.1.1", |r| r.choice = Some("kip_thoi".into()));
    d.edit("1.1.1", |r| r.choice = None);
    assert!(d.responses.is_empty());
}

#[test]
fn the_stepper_moves_on_the_step_within_bounds() {
    let r = |v: &str| Response {
        value: v.into(),
        ..Response::default()
    };
    let (step, max) = (d("0.25"), d("1"));
    assert_eq!(r("").step_value(step, max, true), "0,25");
    assert_eq!(r("0,5").step_value(step, max, true), "0,75");
    assert_eq!(r("0,3").step_value(step, max, true), "0,5");
    assert_eq!(r("0,3").step_value(step, max, false), "0,25");
    assert_eq!(r("1").step_value(step, max, true), "1");
    assert_eq!(r("0").step_value(step, max, false), "0");
    assert_eq!(r("abc").step_value(step, max, true), "0,25");
}

#[test]
fn profile_checks_unit_type_year_phone_email() {
    let set = fixture();
    let mut p = AgencyProfile {
        name: "Sở Tư pháp".into(),
        unit_type: Some(UnitType::SoBanNganh),
        province: "Nghệ An".into(),
        year: "2026".into(),
        focal_name: "Nguyễn Văn A".into(),
        focal_position: "Chuyên viên".into(),
        focal_phone: "0238 3844 123".into(),
        focal_email: "a.nv@tuphap.nghean.gov.vn".into(),
        ..AgencyProfile::default()
    };
    assert_eq!(p.problems(&set, true), vec![]);
    p.unit_type = Some(UnitType::UbndXaPhuong);
    p.year = "2025".into();
    p.focal_phone = "12345".into();
    p.focal_email = "a.nv@".into();
    let problems = p.problems(&set, false);
    let inputs: Vec<ProfileInput> = problems.iter().map(|(i, _)| *i).collect();
    assert_eq!(
        inputs,
        vec![
            ProfileInput::UnitType,
            ProfileInput::Year,
            ProfileInput::FocalPhone,
            ProfileInput::FocalEmail
        ]
    );
    assert_eq!(problems[0].1, "Bộ tiêu chí đã chọn dành cho «Sở, ban, ngành», không dùng được cho «UBND xã, phường». Hãy chọn bộ tiêu chí đúng loại đơn vị.");
    assert_eq!(
        problems[1].1,
        "Bộ tiêu chí đã chọn dùng cho năm 2026, không phải năm 2025."
    );
    // empty required inputs are reported only when strict
    let empty = AgencyProfile::default();
    assert!(empty.problems(&set, false).is_empty());
    assert_eq!(empty.problems(&set, true).len(), 7);
    assert_eq!(phone_problem("+84 912 345 678"), None);
    assert_eq!(phone_problem("0912.345.678"), None);
    assert!(phone_problem("0912x45678").unwrap().contains("«x»"));
    assert!(email_problem("a b@x.vn").is_some());
    assert!(email_problem("a@x").is_some());
}

#[test]
fn evidence_dates_in_the_future_and_bad_links_are_caught() {
    let e = EvidenceRef {
        number: "125/KH-UBND".into(),
        date: "2026-12-01".into(),
        link: "vanban.nghean.gov.vn/125".into(),
        ..EvidenceRef::default()
    };
    let p = e.problems("2026-11-22");
    assert_eq!(
        p,
        vec![
            (
                EvidencePart::Date,
                "Ngày ban hành 01/12/2026 ở tương lai (hôm nay là 22/11/2026).".to_string()
            ),
            (
                EvidencePart::Link,
                "Đường dẫn «vanban.nghean.gov.vn/125» phải bắt đầu bằng http:// hoặc https://."
                    .to_string()
            ),
        ]
    );
    for ok in [
        "https://vanban.nghean.gov.vn/van-ban/125?id=3#p2",
        "http://localhost:8080/tai-lieu.pdf",
        "https://dichvucong.gov.vn",
        "https://sở-nội-vụ.vn/a",
    ] {
        assert_eq!(link_problem(ok), None, "{ok}");
    }
    for bad in [
        "https://",
        "https://khong co dau cach.vn",
        "https://a..b.vn",
        "https://host/",
        "javascript:alert(1)",
        "https://x.vn:port/",
    ] {
        assert!(link_problem(bad).is_some(), "{bad}");
    }
    assert!(EvidenceRef::default().is_blank());
    assert_eq!(
        EvidenceRef {
            date: "2026-02-30".into(),
            ..EvidenceRef::default()
        }
        .problems("2026-11-22")[0]
            .1,
        "Ngày «2026-02-30» chưa đúng: gõ ngày/tháng/năm, ví dụ 25/10/2026."
    );
}

#[test]
fn scores_without_evidence_or_explanation_are_flagged_per_field() {
    let set = fixture();
    let mut d = Draft::default();
    d.edit("1.1.1", |r| r.choice = Some("kip_thoi".into())); // 1 point, nothing cited
    d.edit("1.1.2", |r| {
        r.choice = Some("yes".into());
        r.explanation = "Đã ban hành, chờ số hóa".into();
    });
    d.edit("1.1.3", |r| {
        r.value = "95".into();
        r.evidence.push(EvidenceRef {
            number: "12/BC-STP".into(),
            ..EvidenceRef::default()
        });
    });
    d.edit("1.1.4", |r| r.choice = Some("nhe".into())); // deduction: never flagged
    d.edit("2.1", |r| r.value = "0".into()); // 0 points: nothing to prove
    d.edit("2.2", |r| {
        r.value = "100".into();
        r.evidence.push(EvidenceRef::default()); // a blank reference is no evidence
    });
    d.edit("1.3", |r| r.numerator = "x".into());
    let report = d.score(&set);
    let o = outstanding(&set, &d, &report);
    assert_eq!(o.lacking_evidence, vec!["1.1.1", "2.2"]);
    assert_eq!(o.lacking_by_field, vec![1, 1]);
    assert_eq!(o.input_errors, vec!["1.3"]);
    assert_eq!(o.unanswered, vec!["1.1.5", "1.2", "1.4"]);
}

#[test]
fn points_lost_are_sorted_and_the_next_class_is_exact() {
    let set = fixture();
    let mut dr = Draft::default();
    dr.edit("1.1.1", |r| r.choice = Some("khong_kip_thoi".into())); // loses 0,5
    dr.edit("1.1.2", |r| r.choice = Some("yes".into()));
    dr.edit("1.1.3", |r| r.value = "80".into()); // 1 of 2: loses 1
    dr.edit("1.1.5", |r| r.value = "1".into());
    dr.edit("1.2", |r| {
        r.numerator = "10".into();
        r.denominator = "10".into();
    });
    dr.edit("1.3", |r| {
        r.numerator = "9".into();
        r.denominator = "10".into();
    }); // 1,8 of 2
    dr.edit("2.1", |r| r.value = "3".into());
    dr.edit("2.2", |r| r.value = "100".into());
    let report = dr.score(&set);
    let lost = points_lost(&set, &report);
    let codes: Vec<(&str, String)> = lost
        .iter()
        .map(|l| (l.code.as_str(), l.lost.shown()))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("1.1.3", "1".into()),
            ("1.1.1", "0,5".into()),
            ("1.3", "0,2".into())
        ]
    );
    // 15,3 of 17 applicable = exactly 90%: Tốt (from 90% inclusive), nothing above
    assert_eq!(report.total.shown(), "15,3");
    assert_eq!(report.index.unwrap().shown(), "90");
    assert_eq!(report.class.as_deref(), Some("Tốt"));
    assert_eq!(next_class_gap(&set, &report), None);

    // drop 1.1.5 to 0: 14,3 / 17 = 84,12%: Khá; Tốt needs 90% of 17 = 15,3
    dr.edit("1.1.5", |r| r.value = "0".into());
    let report = dr.score(&set);
    assert_eq!(report.class.as_deref(), Some("Khá"));
    assert_eq!(
        next_class_gap(&set, &report),
        Some(ClassGap {
            label: "Tốt".into(),
            needed: Some(d("1"))
        })
    );
}

#[test]
fn search_finds_by_code_or_words_without_accents() {
    let set = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let by_code = search(&set, "1.1.4", 10);
    assert_eq!(by_code[0].code, "1.1.4");
    let by_words = search(&set, "ke hoach cai cach", 50);
    assert!(!by_words.is_empty());
    assert!(by_words
        .iter()
        .all(|h| fold_vi(&h.title).contains("ke hoach")
            || fold_vi(
                &set.scored_units()
                    .find(|u| u.code == h.code)
                    .unwrap()
                    .criterion
                    .title
            )
            .contains("ke hoach")));
    assert_eq!(fold_vi("Đánh GIÁ Kế hoạch"), "danh gia ke hoach");
    assert!(search(&set, "   ", 10).is_empty());
    assert_eq!(search(&set, "1.", 3).len(), 3);
}

proptest! {
    /// Whatever is typed, reading never panics, typed text survives a
    /// storage round trip, and the draft's score equals the engine's on the
    /// answers it derives.
    #[test]
    fn any_typing_is_kept_and_scored_consistently(
        entries in prop::collection::vec(
            (0usize..11, "[-0-9,.a-z ]{0,6}", "[-0-9,.]{0,4}", prop::option::of("[a-z_]{2,12}"), any::<bool>()),
            0..20,
        )
    ) {
        let set = fixture();
        let codes: Vec<String> = set.scored_units().map(|u| u.code.to_string()).collect();
        let mut draft = Draft::default();
        for (i, text, den, choice, na) in entries {
            let code = &codes[i % codes.len()];
            draft.edit(code, |r| {
                r.value = text.clone();
                r.numerator = text.clone();
                r.denominator = den.clone();
                r.choice = choice.clone();
                r.not_applicable = na && i % 3 == 0;
            });
        }
        let json = serde_json::to_string(&draft).unwrap();
        let back: Draft = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &draft);
        let report = draft.score(&set);
        prop_assert_eq!(&report, &score(&set, &draft.answers(&set)));
        let _ = outstanding(&set, &draft, &report);
        let _ = points_lost(&set, &report);
        let _ = next_class_gap(&set, &report);
    }
}

#[test]
fn the_library_lists_each_document_once_finds_it_and_corrects_it_everywhere() {
    use cchc_tu_danh_gia::domain::assessment::evidence_library::{
        cited_documents, find_documents, update_document,
    };
    let plan = EvidenceRef {
        number: "125/KH-UBND".into(),
        date: "2026-01-15".into(),
        issuer: "UBND tỉnh".into(),
        subject: "Kế hoạch cải cách hành chính năm 2026".into(),
        location: "Mục II".into(),
        ..EvidenceRef::default()
    };
    let old = EvidenceRef {
        number: "88/QĐ-UBND".into(),
        date: "2025-03-02".into(),
        subject: "Quy chế làm việc".into(),
        ..EvidenceRef::default()
    };
    let mut draft = Draft::default();
    draft.profile.year = "2026".into();
    draft.edit("1.1", |r| r.evidence = vec![plan.clone(), old.clone()]);
    // the same plan typed again with other spacing and case, another page
    draft.edit("2.3", |r| {
        r.evidence = vec![EvidenceRef {
            number: " 125/kh-ubnd ".into(),
            issuer: "UBND  TỈNH".into(),
            location: "trang 4".into(),
            ..plan.clone()
        }]
    });
    draft.edit("3.1", |r| r.evidence = vec![EvidenceRef::default()]);
    let docs = cited_documents(&draft);
    assert_eq!(docs.len(), 2, "one entry per document, blanks left out");
    assert_eq!(
        docs[0].uses,
        vec![
            ("1.1".to_string(), "Mục II".to_string()),
            ("2.3".to_string(), "trang 4".to_string())
        ]
    );
    assert_eq!(docs[0].doc.location, "", "the section is each item's own");
    assert!(docs[1].from_earlier_year("2026") && !docs[0].from_earlier_year("2026"));
    assert_eq!(
        find_documents(&docs, "ke hoach 125").len(),
        1,
        "accents optional, every word"
    );
    assert_eq!(find_documents(&docs, "quy che")[0].doc.number, "88/QĐ-UBND");
    assert_eq!(find_documents(&docs, "").len(), 2);
    assert!(find_documents(&docs, "nghị quyết").is_empty());

    let corrected = EvidenceRef {
        number: "126/KH-UBND".into(),
        ..docs[0].doc.clone()
    };
    assert_eq!(update_document(&mut draft, &docs[0].doc, &corrected), 2);
    assert_eq!(draft.response("1.1").evidence[0].number, "126/KH-UBND");
    assert_eq!(draft.response("2.3").evidence[0].number, "126/KH-UBND");
    assert_eq!(
        draft.response("2.3").evidence[0].location,
        "trang 4",
        "each item keeps its page"
    );
    assert_eq!(
        draft.response("1.1").evidence[1],
        old,
        "another document is untouched"
    );
}

#[test]
fn not_applicable_without_a_reason_is_listed_until_one_is_given() {
    let set = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let u = set
        .scored_units()
        .find(|u| u.allow_na)
        .expect("an item that may not apply");
    let code = u.code.to_string();
    let mut draft = Draft::new("x", "2026-11-25T08:00:00");
    draft.set_key = format!("{}@{}", set.id, set.version);
    draft.edit(&code, |r| r.not_applicable = true);
    let open = outstanding(&set, &draft, &draft.score(&set));
    assert_eq!(open.na_unexplained, vec![code.clone()]);
    draft.edit(&code, |r| {
        r.explanation = "Đơn vị không có đơn vị trực thuộc.".into()
    });
    let open = outstanding(&set, &draft, &draft.score(&set));
    assert!(open.na_unexplained.is_empty());
    // an item left unanswered is not "not applicable"
    assert!(!open.unanswered.contains(&code));
}

/// A field whose criteria have these many scored units (1: scored whole).
fn field_of(units: &[usize]) -> Field {
    let criteria: Vec<serde_json::Value> = units
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let code = format!("1.{}", i + 1);
            if n == 1 {
                serde_json::json!({ "code": code, "title": "t", "max": 1, "rule": { "kind": "yes_no" } })
            } else {
                let items: Vec<_> = (0..n)
                    .map(|k| serde_json::json!({ "code": format!("{code}.{}", k + 1), "title": "t", "max": 1, "rule": { "kind": "yes_no" } }))
                    .collect();
                serde_json::json!({ "code": code, "title": "t", "max": n, "items": items })
            }
        })
        .collect();
    serde_json::from_value(serde_json::json!({
        "code": "1", "title": "t", "max": units.iter().sum::<usize>(), "criteria": criteria
    }))
    .unwrap()
}

proptest! {
    /// A long field's parts: every criterion once, in order; no part passes
    /// the limit unless it is one criterion; no part could have taken the
    /// next criterion too.
    #[test]
    fn a_long_field_is_cut_in_parts_of_whole_criteria(
        units in proptest::collection::vec(1usize..12, 0..60),
        max in 1usize..30,
    ) {
        let field = field_of(&units);
        prop_assert_eq!(field.unit_count(), units.iter().sum::<usize>());
        for (i, &n) in units.iter().enumerate() {
            let code = format!("1.{}", i + 1);
            prop_assert_eq!(field.criterion_of(&code), Some(i));
            if n > 1 {
                prop_assert_eq!(field.criterion_of(&format!("{code}.{n}")), Some(i));
            }
        }
        prop_assert_eq!(field.criterion_of("9.9"), None);
        let parts = field.parts(max);
        let flat: Vec<usize> = parts.iter().flat_map(|r| r.clone()).collect();
        prop_assert_eq!(flat, (0..units.len()).collect::<Vec<_>>());
        for (k, r) in parts.iter().enumerate() {
            prop_assert!(!r.is_empty());
            let size: usize = units[r.clone()].iter().sum();
            prop_assert!(size <= max || r.len() == 1, "{:?} has {} units", r, size);
            if let Some(next) = parts.get(k + 1) {
                prop_assert!(size + units[next.start] > max, "{:?} could take {}", r, next.start);
            }
        }
    }
}

//! Submissions: export then import gives the same data; every tampering is
//! flagged; malformed and hostile files are refused with reasons.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cchc_tu_danh_gia::domain::appraisal::submission::*;
use cchc_tu_danh_gia::domain::assessment::score_sheet::score_csv;
use cchc_tu_danh_gia::domain::*;
use proptest::prelude::*;
use support::*;

fn set() -> CriteriaSet {
    load("tests/fixtures/every-rule-kind.json")
}

fn draft() -> Draft {
    let mut d = Draft::new("ban-1", "2026-11-20T09:00:00");
    d.profile = AgencyProfile {
        name: "Sở Tư pháp".into(),
        unit_type: Some(UnitType::SoBanNganh),
        province: "Nghệ An".into(),
        year: "2026".into(),
        focal_name: "Nguyễn Văn A".into(),
        ..AgencyProfile::default()
    };
    d.edit("1.1.1", |r| r.choice = Some("kip_thoi".into()));
    d.edit("1.1.3", |r| {
        r.value = "86".into();
        r.evidence.push(EvidenceRef {
            number: "125/KH-UBND".into(),
            ..EvidenceRef::default()
        });
    });
    d.edit("1.2", |r| {
        r.numerator = "43".into();
        r.denominator = "50".into();
    });
    d.edit("2.1", |r| r.value = "3".into());
    d
}

fn exported() -> Submission {
    export(&draft(), &set(), "2026-11-22T10:15:00", 1)
}

#[test]
fn export_then_import_gives_the_same_data_and_checks_clean() {
    let sub = exported();
    assert_eq!(sub.file_name(), "CCHC-2026-so-tu-phap-20261122.json");
    assert_eq!(sub.digest.len(), 64);
    let back = read_submission(sub.to_json().as_bytes()).unwrap();
    assert_eq!(back, sub);
    let official = set();
    let c = check(&back, Some(&official));
    assert!(c.digest_ok && c.set_digest_ok);
    assert_eq!(c.matches_official, Some(true));
    assert!(c.mismatches.is_empty(), "{:?}", c.mismatches);
    assert!(!c.flagged());
    assert_eq!(c.report, draft().score(&official));
    // re-indenting the file is not an edit
    let compact = serde_json::to_string(&sub).unwrap();
    assert!(
        check(
            &read_submission(compact.as_bytes()).unwrap(),
            Some(&official)
        )
        .digest_ok
    );
    // without the official set, the submission is held apart and that is said
    let c = check(&back, None);
    assert_eq!(c.matches_official, None);
    assert!(c.flagged());
    assert!(c.messages()[0].starts_with("Chưa có bộ tiêu chí chính thức"));
}

#[test]
fn sha256_matches_the_standard_vectors() {
    assert_eq!(
        sha256_hex(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

fn edited(f: impl FnOnce(&mut serde_json::Value)) -> Submission {
    let mut v: serde_json::Value = serde_json::from_str(&exported().to_json()).unwrap();
    f(&mut v);
    read_submission(serde_json::to_string(&v).unwrap().as_bytes()).unwrap()
}

#[test]
fn a_changed_score_is_flagged() {
    let s = edited(|v| v["scores"]["items"]["1.1.3"] = serde_json::json!(2));
    let c = check(&s, Some(&set()));
    assert!(!c.digest_ok);
    assert_eq!(
        c.mismatches,
        vec![ScoreMismatch {
            code: "1.1.3".into(),
            stated: Some(d("2")),
            recomputed: d("1")
        }]
    );
    assert_eq!(
        c.messages()[0],
        "Mã niêm phong (SHA-256) không khớp: tệp đã bị sửa sau khi xuất."
    );
    // even when the editor reseals the file, the recomputation disagrees
    let mut resealed = s.clone();
    resealed.digest = resealed.compute_digest();
    let c = check(&resealed, Some(&set()));
    assert!(c.digest_ok);
    assert!(c.flagged());
    assert_eq!(c.mismatches.len(), 1);
    let t = edited(|v| v["scores"]["total"] = serde_json::json!(99));
    assert!(check(&t, Some(&set())).total_mismatch);
}

#[test]
fn a_changed_answer_is_flagged() {
    let s = edited(|v| v["responses"]["1.1.3"]["value"] = serde_json::json!("100"));
    let c = check(&s, Some(&set()));
    assert!(!c.digest_ok);
    assert_eq!(c.mismatches[0].code, "1.1.3");
    assert_eq!(c.mismatches[0].recomputed, d("2"));
}

#[test]
fn a_changed_embedded_set_is_flagged() {
    // the agency gave "Ban hành kịp thời" 2 points instead of 1 in its copy
    let s = edited(|v| {
        v["criteria_set"]["fields"][0]["criteria"][0]["items"][0]["rule"]["options"][1]["points"] =
            serde_json::json!(0.75)
    });
    let c = check(&s, Some(&set()));
    assert!(!c.digest_ok);
    assert!(!c.set_digest_ok);
    assert_eq!(c.matches_official, Some(false));
    // resealed, with the set digest recomputed too: still differs from the official set
    let mut r = s.clone();
    r.criteria_set_digest = set_digest(&r.criteria_set);
    r.digest = r.compute_digest();
    let c = check(&r, Some(&set()));
    assert!(c.digest_ok && c.set_digest_ok);
    assert_eq!(c.matches_official, Some(false));
    assert!(c
        .messages()
        .iter()
        .any(|m| m.starts_with("Bộ tiêu chí trong tệp khác với bộ tiêu chí chính thức")));
}

#[test]
fn malformed_and_hostile_files_are_refused_with_reasons() {
    let why = |bytes: &[u8]| {
        read_submission(bytes)
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(why(b"").contains("Tệp rỗng"));
    assert!(why(b"\xff\xfe{}").contains("không phải văn bản UTF-8"));
    assert!(why(b"{\"format\": \"cchc-submission\",").contains("JSON"));
    assert!(why(br#"{"format":"cchc-criteria-set"}"#).contains("không phải tệp nộp tự đánh giá"));
    assert!(why(br#"{"a":1}"#).contains("thiếu khóa «format»"));
    assert!(
        why(br#"{"format":"cchc-submission","format_version":9}"#).contains("phiên bản mới hơn")
    );
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    assert!(!why(deep.as_bytes()).is_empty());
    let huge = vec![b' '; MAX_SUBMISSION_BYTES + 1];
    assert!(why(&huge).contains("quá lớn"));
    // an unknown key is reported with its place
    let mut v: serde_json::Value = serde_json::from_str(&exported().to_json()).unwrap();
    v["ghi_chu_la"] = serde_json::json!(1);
    assert!(why(serde_json::to_string(&v).unwrap().as_bytes()).contains("ghi_chu_la"));
    // a number out of range in a score
    let mut v: serde_json::Value = serde_json::from_str(&exported().to_json()).unwrap();
    v["scores"]["total"] = serde_json::json!(1e300);
    assert!(why(serde_json::to_string(&v).unwrap().as_bytes()).contains("scores"));
    // script in a name is just text: kept as is, to be rendered inert
    let mut d = draft();
    d.profile.name = "<img src=x onerror=alert(1)><script>alert(2)</script>".into();
    let s = export(&d, &set(), "2026-11-22T10:15:00", 1);
    let back = read_submission(s.to_json().as_bytes()).unwrap();
    assert_eq!(back.agency.name, d.profile.name);
    assert_eq!(
        back.file_name(),
        "CCHC-2026-img-src-x-onerror-alert-1-script-alert-2-script-20261122.json"
    );
}

#[test]
fn the_score_csv_opens_in_excel_with_vietnamese() {
    let s = set();
    let mut d = draft();
    d.profile.name = "=HYPERLINK(\"http://x\")".into();
    d.profile.year = "2026".into();
    d.edit("1.1.3", |r| {
        r.evidence = vec![EvidenceRef {
            number: "125/KH-UBND".into(),
            date: "2026-01-15".into(),
            subject: "Kế hoạch CCHC".into(),
            ..EvidenceRef::default()
        }];
        r.explanation = "Đã thực hiện 86% kế hoạch.".into();
    });
    let csv = score_csv(&s, &d, &d.score(&s));
    // the agency on top, with a formula neutralised
    assert!(
        csv.starts_with("\u{feff}\"Cơ quan, đơn vị\",\"'=HYPERLINK("),
        "{csv}"
    );
    assert!(csv.contains("\"Năm đánh giá\",\"2026\"\r\n"), "{csv}");
    assert!(csv
        .contains("Mã,Nội dung,Điểm tối đa,Điểm tự chấm,Lý do,Tài liệu kiểm chứng,Giải trình\r\n"));
    assert!(
        csv.contains("\"1.1.3\",\"Mức độ thực hiện\",\"2\",\"1\","),
        "{csv}"
    );
    assert!(
        csv.contains(
            "\"125/KH-UBND · ngày 15/01/2026 · Kế hoạch CCHC\",\"Đã thực hiện 86% kế hoạch.\"\r\n"
        ),
        "{csv}"
    );
    assert!(csv.contains("\"86% → 1 điểm (mức từ 70% đến 90%)\""));
    assert!(csv.trim_end().ends_with("xếp loại Yếu\",,"), "{csv}");
}

proptest! {
    /// Any draft exports and imports back to the same data, sealed.
    #[test]
    fn export_import_round_trips(
        entries in prop::collection::vec((0usize..11, "[-0-9,.a-zà-ỹ \"<>]{0,8}", prop::option::of("[a-z_]{2,10}"), any::<bool>()), 0..15),
        name in "\\PC{0,40}",
    ) {
        let s = set();
        let codes: Vec<String> = s.scored_units().map(|u| u.code.to_string()).collect();
        let mut dr = Draft::new("x", "2026-01-01T00:00:00");
        dr.profile.name = name;
        for (i, text, choice, na) in entries {
            dr.edit(&codes[i % codes.len()], |r| {
                r.value = text.clone();
                r.numerator = text.clone();
                r.choice = choice.clone();
                r.not_applicable = na;
                r.explanation = text.clone();
            });
        }
        let sub = export(&dr, &s, "2026-11-22T10:15:00", 2);
        let back = read_submission(sub.to_json().as_bytes()).unwrap();
        prop_assert_eq!(&back, &sub);
        let c = check(&back, Some(&s));
        prop_assert!(!c.flagged(), "{:?}", c.messages());
        // the desk's fast reader: the same submission, both seals proven
        let mut sets = SetCache::default();
        let sealed = Seal { digest_ok: true, set_digest_ok: true };
        prop_assert_eq!(read_submission_sealed(sub.to_json().as_bytes(), &mut sets, None), Ok((sub.clone(), sealed)));
        let pretty = serde_json::to_string_pretty(&sub).unwrap();
        prop_assert_eq!(read_submission_sealed(pretty.as_bytes(), &mut sets, None), Ok((sub, sealed)));
    }
}

/// The desk reads files with [`read_submission_sealed`] (one parse, each
/// embedded set once, the seal proven on the bytes). On every kind of file,
/// honest, edited, forged or broken, it must say exactly what the careful
/// reader and a full recomputation of the seals say, whatever sets it has
/// met before.
#[test]
fn the_fast_reader_agrees_with_the_careful_one() {
    let sub = exported();
    let compact = sub.to_json();
    let value: serde_json::Value = serde_json::from_str(&compact).unwrap();
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = value.clone();
        f(&mut v);
        serde_json::to_string(&v).unwrap()
    };
    let mut resealed_set = sub.clone();
    std::sync::Arc::make_mut(&mut resealed_set.criteria_set).fields[0].title =
        "Lĩnh vực đã sửa".into();
    resealed_set.criteria_set_digest = set_digest(&resealed_set.criteria_set);
    resealed_set.digest = resealed_set.compute_digest();
    let mut bad_set = sub.clone();
    std::sync::Arc::make_mut(&mut bad_set.criteria_set)
        .fields
        .clear();
    bad_set.digest = bad_set.compute_digest();
    let files: Vec<(&str, String)> = vec![
        ("as exported", compact.clone()),
        ("with a newline", format!("{compact}\n")),
        ("re-indented", serde_json::to_string_pretty(&sub).unwrap()),
        (
            "a score edited",
            with(&|v| v["scores"]["items"]["1.1.3"] = serde_json::json!(2)),
        ),
        (
            "an answer edited",
            with(&|v| v["responses"]["1.1.3"]["value"] = serde_json::json!("100")),
        ),
        (
            "the set edited",
            with(&|v| v["criteria_set"]["fields"][0]["title"] = serde_json::json!("X")),
        ),
        ("the set edited and resealed", resealed_set.to_json()),
        ("a set that does not add up", bad_set.to_json()),
        (
            "the digest changed",
            compact.replace(&sub.digest, &"0".repeat(64)),
        ),
        ("no digest", with(&|v| v["digest"] = serde_json::json!(""))),
        ("a byte-order mark", format!("\u{feff}{compact}")),
        (
            "another format",
            with(&|v| v["format"] = serde_json::json!("cchc-draft")),
        ),
        (
            "a newer format",
            with(&|v| v["format_version"] = serde_json::json!(9)),
        ),
        (
            "an unknown key",
            with(&|v| v["them"] = serde_json::json!(1)),
        ),
        (
            "a wrong type in the set",
            with(&|v| v["criteria_set"]["fields"] = serde_json::json!(3)),
        ),
        ("not JSON", compact[..compact.len() / 2].to_string()),
    ];
    let careful = |bytes: &[u8]| {
        read_submission(bytes).map(|s| {
            let seal = Seal::of(&s);
            (s, seal)
        })
    };
    let mut sets = SetCache::default();
    for round in 0..2 {
        for (what, text) in &files {
            assert_eq!(
                read_submission_sealed(text.as_bytes(), &mut sets, None),
                careful(text.as_bytes()),
                "{what} (round {round})"
            );
            // with the seal's text hashed outside, as the browser does
            let sha = seal_preimage(text.as_bytes()).map(|p| sha256_hex(&p));
            assert_eq!(
                read_submission_sealed(text.as_bytes(), &mut sets, sha.as_deref()),
                careful(text.as_bytes()),
                "{what} (round {round}, hashed outside)"
            );
        }
    }
    // and the honest file really is proven clean, the edited ones are not
    let seal = |t: &str| {
        read_submission_sealed(t.as_bytes(), &mut SetCache::default(), None)
            .unwrap()
            .1
    };
    // the seal's text is the file with its digest blanked; a file laid out
    // otherwise has none, and is checked by re-serialising it
    let blanked = compact.replace(&sub.digest, "");
    assert_eq!(
        seal_preimage(compact.as_bytes()),
        Some(blanked.clone().into_bytes())
    );
    assert_eq!(sha256_hex(blanked.as_bytes()), sub.digest);
    // what the browser puts together from the file it read is the same text
    let head = seal_preimage_head(compact.as_bytes()).unwrap();
    assert_eq!(
        [&compact.as_bytes()[..head], SEAL_PREIMAGE_END].concat(),
        blanked.as_bytes()
    );
    assert_eq!(seal_preimage(files[2].1.as_bytes()), None);
    assert_eq!(seal_preimage_head(files[2].1.as_bytes()), None);
    assert_eq!(
        seal(&files[0].1),
        Seal {
            digest_ok: true,
            set_digest_ok: true
        }
    );
    assert!(!seal(&files[3].1).digest_ok);
    assert!(!seal(&files[5].1).set_digest_ok);
    assert!(seal(&files[6].1).digest_ok && seal(&files[6].1).set_digest_ok);
}

/// The seal's canonical text blanks the digest in place instead of
/// serialising a copy; it must equal serialising a copy, whatever the digest.
#[test]
fn canonical_text_equals_a_copy_with_the_digest_cleared() {
    let copy_cleared = |s: &Submission| {
        let mut c = s.clone();
        c.digest.clear();
        serde_json::to_string(&c).unwrap()
    };
    let sub = exported();
    assert!(!sub.digest.is_empty());
    assert_eq!(sub.canonical(), copy_cleared(&sub));
    for odd in ["", "\"}", ",\"digest\":\"x\"}", "không phải mã", "\\u0000"] {
        let mut s = sub.clone();
        s.digest = odd.to_string();
        assert_eq!(s.canonical(), copy_cleared(&s), "digest {odd:?}");
    }
}

//! The reviewer's desk: many submissions imported and checked, later rounds
//! replacing earlier ones with the changes visible, bad files refused
//! without touching the desk, and storage that keeps each set once.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cchc_tu_danh_gia::domain::appraisal::desk::*;
use cchc_tu_danh_gia::domain::appraisal::desk_storage::*;
use cchc_tu_danh_gia::domain::appraisal::ranking::*;
use cchc_tu_danh_gia::domain::appraisal::submission::*;
use cchc_tu_danh_gia::domain::assessment::review_file::*;
use cchc_tu_danh_gia::domain::*;
use support::*;

fn agency(i: usize, set: &CriteriaSet) -> Submission {
    let mut d = Draft::new(&format!("ban-{i}"), "2026-11-20T09:00:00");
    d.profile.name = format!("Cơ quan số {i}");
    d.profile.year = "2026".into();
    for (k, u) in set.scored_units().enumerate() {
        if (i + k) % 4 == 0 {
            continue; // some unanswered
        }
        d.edit(u.code, |r| match InputKind::of(u.rule) {
            InputKind::Choice | InputKind::YesNo => {
                r.choice = Some(match u.rule {
                    Rule::Levels { options } | Rule::Bonus { options } => {
                        options[(i + k) % options.len()].id.clone()
                    }
                    Rule::Deduction { options } => options[(i + k) % options.len()].id.clone(),
                    _ => {
                        if (i + k) % 3 == 0 {
                            "no".into()
                        } else {
                            "yes".into()
                        }
                    }
                })
            }
            InputKind::Percent => r.value = format!("{}", (i * 13 + k * 7) % 101),
            InputKind::Fraction => {
                r.numerator = format!("{}", (i + k) % 10);
                r.denominator = "10".into();
            }
            InputKind::Count => r.value = format!("{}", (i + k) % 5),
            InputKind::Direct => r.value = "0".into(),
            InputKind::Survey => {}
        });
    }
    export(&d, set, "2026-11-22T10:00:00", 1)
}

#[test]
fn fifty_submissions_import_check_clean_and_store_each_set_once() {
    let set = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let mut desk = Desk::default();
    for i in 0..50 {
        let sub = agency(i, &set);
        let out = desk
            .import(
                &sub.file_name(),
                sub.to_json().as_bytes(),
                "2026-11-23T08:00:00",
            )
            .unwrap();
        assert_eq!(
            out,
            ImportOutcome::Added {
                key: format!("ban-{i}")
            }
        );
    }
    assert_eq!(desk.entries.len(), 50);
    let checks = desk.checks(|key| (key == "minh-hoa-so-ban-nganh-2026@2026.1").then_some(&set));
    assert!(checks.values().all(|c| !c.flagged()));
    // totals differ across agencies: a real ranking is possible
    let mut totals: Vec<String> = checks.values().map(|c| c.report.total.shown()).collect();
    totals.sort();
    totals.dedup();
    assert!(totals.len() > 10);

    // storage: the set once, the entries small; and back again
    let pairs = desk.stored();
    let set_keys = pairs
        .iter()
        .filter(|(k, _)| k.starts_with(REVIEW_SET_PREFIX))
        .count();
    assert_eq!(set_keys, 1, "one copy of the set");
    let entries_size: usize = pairs
        .iter()
        .filter(|(k, _)| k.starts_with(REVIEW_ENTRY_PREFIX))
        .map(|(_, t)| t.len())
        .sum();
    let set_size = serde_json::to_string(&set).unwrap().len();
    assert!(
        entries_size < 50 * set_size / 2,
        "entries ({entries_size} B) are far smaller than 50 sets"
    );
    let (back, unreadable) = Desk::restore(&pairs, StoredBy::ThisBrowser);
    assert_eq!(unreadable, 0);
    assert_eq!(back, desk);

    // one change on a desk of 50: that entry (and its set) is written,
    // nothing else; an entry deleted is removed
    let mut after = desk.clone();
    let mut keys = after.entries.keys().cloned();
    let (first, second) = (keys.next().unwrap(), keys.next().unwrap());
    after.entries.get_mut(&first).unwrap().survey_score = "4,5".into();
    after.entries.remove(&second);
    let changed: std::collections::BTreeSet<String> = [first.clone(), second.clone()].into();
    let (writes, removed) = after.stored_changes(&changed);
    let written: Vec<&String> = writes
        .iter()
        .map(|(k, _)| k)
        .filter(|k| k.starts_with(REVIEW_ENTRY_PREFIX))
        .collect();
    assert_eq!(written, vec![&format!("{REVIEW_ENTRY_PREFIX}{first}")]);
    assert_eq!(writes.len(), 2, "the entry and its set");
    assert_eq!(removed, vec![format!("{REVIEW_ENTRY_PREFIX}{second}")]);
    let mut kept: Vec<(String, String)> = pairs
        .iter()
        .filter(|(k, _)| !removed.contains(k))
        .cloned()
        .collect();
    for (k, t) in writes {
        kept.retain(|(x, _)| *x != k);
        kept.push((k, t));
    }
    assert_eq!(Desk::restore(&kept, StoredBy::ThisBrowser).0, after);
}

#[test]
fn a_later_round_replaces_the_earlier_and_shows_what_changed() {
    let set = load("tests/fixtures/every-rule-kind.json");
    let mut d = Draft::new("so-tp", "2026-11-20T09:00:00");
    d.edit("1.1.1", |r| r.choice = Some("khong_kip_thoi".into()));
    d.edit("2.1", |r| r.value = "1".into());
    let r1 = export(&d, &set, "2026-11-22T10:00:00", 1);
    let mut desk = Desk::default();
    desk.import("r1.json", r1.to_json().as_bytes(), "t1")
        .unwrap();
    assert_eq!(
        desk.import("r1.json", r1.to_json().as_bytes(), "t2")
            .unwrap(),
        ImportOutcome::Unchanged {
            key: "so-tp".into()
        }
    );
    d.edit("1.1.1", |r| {
        r.choice = Some("kip_thoi".into());
        r.explanation = "Bổ sung quyết định số 12".into();
    });
    let r2 = export(&d, &set, "2026-12-05T10:00:00", 2);
    assert_eq!(
        desk.import("r2.json", r2.to_json().as_bytes(), "t3")
            .unwrap(),
        ImportOutcome::NewRound {
            key: "so-tp".into(),
            round: 2
        }
    );
    let e = &desk.entries["so-tp"];
    assert_eq!(e.submission.round, 2);
    assert_eq!(e.status, ReviewStatus::DangThamDinh);
    assert_eq!(
        changed_items(e.previous.as_ref().unwrap(), &e.submission),
        vec!["1.1.1"]
    );
}

#[test]
fn a_bad_file_is_refused_and_the_desk_is_untouched() {
    let set = load("tests/fixtures/every-rule-kind.json");
    let mut desk = Desk::default();
    let good = export(&Draft::new("a", "t"), &set, "2026-11-22T10:00:00", 1);
    desk.import("a.json", good.to_json().as_bytes(), "t")
        .unwrap();
    let before = desk.clone();
    for bad in [
        &b"{"[..],
        b"null",
        b"{\"format\":\"cchc-submission\"}",
        "<script>alert(1)</script>".as_bytes(),
    ] {
        assert!(desk.import("xau.json", bad, "t").is_err());
    }
    assert_eq!(desk, before);
    assert_eq!(ReviewStatus::DaGuiYeuCau.label(), "Đã gửi yêu cầu");
}

fn unit<'a>(set: &'a CriteriaSet, code: &str) -> ScoredUnit<'a> {
    set.scored_units().find(|u| u.code == code).unwrap()
}

#[test]
fn appraised_scores_are_bounded_by_the_rule() {
    let set = load("tests/fixtures/every-rule-kind.json");
    assert_eq!(
        check_appraised(&unit(&set, "1.1.1"), "0,5"),
        Ok(Some(d("0.5")))
    );
    assert_eq!(
        check_appraised(&unit(&set, "1.1.1"), "0,7"),
        Err("Theo cách chấm của mục này, điểm chỉ có thể là 0; 0,5; 1.".into())
    );
    assert_eq!(check_appraised(&unit(&set, "1.1.2"), "1"), Ok(Some(d("1"))));
    assert!(
        check_appraised(&unit(&set, "1.1.3"), "1,5").is_err(),
        "bands give 0, 1 or 2"
    );
    assert_eq!(
        check_appraised(&unit(&set, "1.3"), "1,37"),
        Ok(Some(d("1.37"))),
        "ratio: any value to the maximum"
    );
    assert_eq!(
        check_appraised(&unit(&set, "1.3"), "2,5"),
        Err("Điểm phải từ 0 đến 2.".into())
    );
    assert_eq!(
        check_appraised(&unit(&set, "1.1.5"), "0,3"),
        Err("Điểm phải từ 0 đến 1, theo bước 0,25.".into())
    );
    assert_eq!(check_appraised(&unit(&set, "1.1.5"), ""), Ok(None));
    assert_eq!(
        check_appraised(&unit(&set, "1.1.5"), "-1"),
        Err("Điểm thẩm định không được âm.".into())
    );
    assert!(check_appraised(&unit(&set, "1.1.5"), "abc")
        .unwrap_err()
        .contains("không phải là số"));
}

#[test]
fn the_appraisal_round_trip_and_the_ranking() {
    let set = load("tests/fixtures/every-rule-kind.json");
    let mut desk = Desk::default();
    let mut drafts = Vec::new();
    for (i, name) in ["Sở A", "Sở B", "Sở C"].iter().enumerate() {
        let mut d = Draft::new(&format!("d{i}"), "t");
        d.profile.name = name.to_string();
        d.edit("1.1.1", |r| r.choice = Some("kip_thoi".into()));
        d.edit("1.2", |r| {
            r.numerator = if i == 2 { "10".into() } else { "9".into() };
            r.denominator = "10".into();
        });
        let s = export(&d, &set, "2026-11-22T10:00:00", 1);
        desk.import("f.json", s.to_json().as_bytes(), "t").unwrap();
        drafts.push(d);
    }
    // the reviewer cuts 1.1.1 of Sở C to 0,5 and asks for evidence
    let e = desk.entries.get_mut("d2").unwrap();
    e.appraisals.insert(
        "1.1.1".into(),
        Appraisal {
            score: "0,5".into(),
            comment: "Không có quyết định ban hành".into(),
            request: RequestKind::BoSungTaiLieu,
        },
    );
    e.status = ReviewStatus::DaGuiYeuCau;
    let review = e.review_file(&set, "2026-12-01T09:00:00");
    assert_eq!(review.items.len(), 1);
    let appraised = appraised_report(&set, &e.submission, &e.appraisals);
    assert_eq!(appraised.items["1.1.1"].points, d("0.5"));
    assert_eq!(
        appraised.items["1.1.1"].reason,
        "Điểm thẩm định 0,5 điểm (tự chấm: Ban hành kịp thời → 1 điểm)"
    );

    // the agency imports it, answers, and sends round 2
    let back = read_review_file(serde_json::to_string(&review).unwrap().as_bytes()).unwrap();
    assert_eq!(back, review);
    let mut dc = drafts[2].clone();
    dc.review = Some(back);
    assert_eq!(dc.next_round(), 2);
    dc.edit("1.1.1", |r| {
        r.evidence.push(EvidenceRef {
            number: "15/QĐ-UBND".into(),
            ..EvidenceRef::default()
        })
    });
    let r2 = export(&dc, &set, "2026-12-05T09:00:00", dc.next_round());
    assert_eq!(
        desk.import("r2.json", r2.to_json().as_bytes(), "t")
            .unwrap(),
        ImportOutcome::NewRound {
            key: "d2".into(),
            round: 2
        }
    );
    let e = &desk.entries["d2"];
    assert_eq!(
        changed_items(e.previous.as_ref().unwrap(), &e.submission),
        vec!["1.1.1"]
    );
    assert_eq!(
        e.appraisals["1.1.1"].score, "0,5",
        "the appraisal stays for round 2"
    );

    // ranking: A and B tie, C is cut below them; survey points join the total
    let official = |k: &str| (k == "test-every-rule-kind@1").then_some(&set);
    let rows = ranking_blocks(&desk, official).remove(0).rows;
    let same = ranking_blocks_checked(&desk, official, &desk.checks(official));
    assert_eq!(
        same,
        ranking_blocks(&desk, official),
        "the checks' recomputation ranks the same"
    );
    let ranks: Vec<(String, usize)> = rows.iter().map(|r| (r.agency.clone(), r.rank)).collect();
    assert_eq!(
        ranks,
        vec![("Sở C".into(), 1), ("Sở A".into(), 2), ("Sở B".into(), 2)]
    );
    // C: 0,5 + 3 = 3,5; A, B: 1 + 1,5 = 2,5 (1.2 at 90% is in the 80–100 band)
    assert_eq!(rows[0].appraised, d("3.5"));
    assert_eq!(rows[0].self_total, d("4"));
    desk.entries.get_mut("d0").unwrap().survey_score = "3".into();
    let block = ranking_blocks(&desk, official).remove(0);
    assert_eq!(
        ranking_blocks_checked(&desk, official, &desk.checks(official))[0],
        block
    );
    let rows = &block.rows;
    assert_eq!(rows[0].agency, "Sở A");
    assert_eq!(rows[0].total, d("5.5"));
    assert_eq!(rows[0].survey, Some(d("3")));
    let csv = ranking_csv(&block);
    assert!(csv.starts_with("\u{feff}Xếp hạng,Cơ quan,Tự chấm,Điểm thẩm định,Điểm ĐTXHH,Tổng điểm,Chỉ số,Xếp loại,Chỉ số LV 1,Chỉ số LV 2\r\n1,\"Sở A\""), "{csv}");

    // locked: no new round is taken
    desk.entries.get_mut("d1").unwrap().status = ReviewStatus::DaChot;
    let mut db = drafts[1].clone();
    db.edit("2.1", |r| r.value = "3".into());
    let late = export(&db, &set, "2026-12-20T09:00:00", 2);
    let err = desk
        .import("late.json", late.to_json().as_bytes(), "t")
        .unwrap_err();
    assert!(err[0].message.contains("đã chốt điểm"));
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised() {
    use cchc_tu_danh_gia::domain::base::text::csv_cell;
    for payload in [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\tcmd",
        "\rcmd",
    ] {
        let cell = csv_cell(payload);
        assert!(cell.starts_with("\"'"), "{payload:?} → {cell}");
    }
    // numbers and ordinary text are left as they are
    assert_eq!(csv_cell("-0,5"), "\"-0,5\"");
    assert_eq!(csv_cell("Sở Tư pháp"), "\"Sở Tư pháp\"");
    assert_eq!(csv_cell("a \"b\""), "\"a \"\"b\"\"\"");
    // in the ranking CSV an agency named like a formula stays text
    let rows = vec![RankRow {
        key: "k".into(),
        agency: "=HYPERLINK(\"http://x\",\"Sở\")".into(),
        self_total: Dec::from_int(80),
        appraised: Dec::from_int(80),
        survey: None,
        total: Dec::from_int(80),
        max: Dec::from_int(100),
        index: Some(Dec::from_int(80)),
        class: Some("Khá".into()),
        rank: 1,
        field_index: vec![],
        criterion_points: vec![],
    }];
    let csv = ranking_csv(&RankBlock {
        set_key: "s@1".into(),
        title: "Bộ".into(),
        fields: vec![],
        criteria: vec![],
        bands: vec![],
        rows,
    });
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"Sở\"\")\""),
        "{csv}"
    );
}

#[test]
fn a_desk_backup_restores_every_appraisal_status_and_survey_score() {
    use cchc_tu_danh_gia::domain::appraisal::desk_storage::read_backup;
    let set = load("tests/fixtures/every-rule-kind.json");
    let mut desk = Desk::default();
    for i in 0..3 {
        let mut d = Draft::new(&format!("co-quan-{i}"), "2026-11-20T09:00:00");
        d.profile.name = format!("Cơ quan {i}");
        d.edit("1.1.1", |r| r.choice = Some("kip_thoi".into()));
        let sub = export(&d, &set, "2026-11-22T10:00:00", 1);
        desk.import(&format!("{i}.json"), sub.to_json().as_bytes(), "t")
            .unwrap();
    }
    let key = desk.entries.keys().next().unwrap().clone();
    let e = desk.entries.get_mut(&key).unwrap();
    e.status = ReviewStatus::DaGuiYeuCau;
    e.survey_score = "7,25".into();
    e.appraisals.insert(
        "1.1.1".into(),
        Appraisal {
            score: "0,5".into(),
            comment: "Ban hành muộn".into(),
            ..Appraisal::default()
        },
    );
    let text = serde_json::to_string(&desk.backup("2026-11-24T10:00:00")).unwrap();
    assert_eq!(read_backup(&text).unwrap(), desk);
    // the seal found at import is kept with the entry, so this browser opens
    // its desk without re-hashing every submission; a backup is a file, and
    // an entry edited in it is caught though it still says its seal held
    let forged = text.replacen("Cơ quan 0", "Cơ quan 9", 1);
    assert!(forged.contains(r#"\"digest_ok\":true"#));
    let e = |d: &Desk| d.entries.get("co-quan-0").unwrap().seal;
    assert!(e(&desk).digest_ok);
    assert!(!e(&read_backup(&forged).unwrap()).digest_ok);
    assert!(read_backup("{}")
        .unwrap_err()
        .starts_with("không phải bản sao lưu"));
    // inside the backup each stored entry is a JSON string: its quotes are escaped
    let broken = text.replacen(r#"\"set_digest\":\""#, r#"\"set_digest\":\"x"#, 1);
    assert_ne!(broken, text);
    assert_eq!(
        read_backup(&broken).err().as_deref(),
        Some("1 hồ sơ trong bản sao lưu không đọc được")
    );
}

/// Re-seals a file after editing it, as a forger would: the seal is a
/// digest, not a signature, so it alone proves nothing about the scores.
fn reseal(mut sub: Submission) -> Submission {
    sub.digest = sub.compute_digest();
    sub
}

#[test]
fn a_forged_set_with_a_new_id_is_held_apart_never_classed_or_ranked() {
    let set = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let mut desk = Desk::default();
    let honest = agency(1, &set);
    desk.import("a.json", honest.to_json().as_bytes(), "t")
        .unwrap();
    // the forger lowers the bands so 51,5% reads "Tốt", renames the set and
    // re-seals everything
    let mut forged = agency(2, &set);
    std::sync::Arc::make_mut(&mut forged.criteria_set).id = "bo-gia-mao".into();
    for b in &mut std::sync::Arc::make_mut(&mut forged.criteria_set).bands {
        b.min = b.min.map(|m| Dec::from_ratio(m.hundredths() as i128, 200));
        b.max = b.max.map(|m| Dec::from_ratio(m.hundredths() as i128, 200));
    }
    forged.criteria_set_key = format!("bo-gia-mao@{}", forged.criteria_set.version);
    forged.criteria_set_digest = set_digest(&forged.criteria_set);
    let forged = reseal(forged);
    desk.import("b.json", forged.to_json().as_bytes(), "t")
        .unwrap();

    let official = |k: &str| (k == format!("{}@{}", set.id, set.version)).then_some(&set);
    let blocks = ranking_blocks(&desk, official);
    assert_eq!(blocks.len(), 1);
    let rows = &blocks[0].rows;
    assert_eq!(rows.len(), 1, "only the agency on the official set ranks");
    assert_eq!(rows[0].key, honest.draft_id);
    let apart = held_apart(&desk, official);
    assert_eq!(apart.len(), 1);
    assert_eq!(apart[0].0, forged.draft_id);
    let c = check(&forged, None);
    assert!(c.digest_ok && c.set_digest_ok, "the seals hold");
    assert!(c.flagged(), "yet it is flagged");
    assert!(c
        .messages()
        .iter()
        .any(|m| m.starts_with("Chưa có bộ tiêu chí chính thức")));
    // the CSV has nobody from the forged set
    assert!(!ranking_csv(&blocks[0]).contains(&forged.agency.name));
}

#[test]
fn departments_and_communes_are_ranked_in_blocks_of_their_own() {
    let dept = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let commune = load("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json");
    let mut desk = Desk::default();
    for i in 0..3 {
        desk.import("s.json", agency(i, &dept).to_json().as_bytes(), "t")
            .unwrap();
    }
    for i in 10..12 {
        let mut sub = agency(i, &commune);
        sub.draft_id = format!("xa-{i}");
        sub.agency.name = format!("UBND xã số {i}");
        let sub = reseal(sub);
        desk.import("x.json", sub.to_json().as_bytes(), "t")
            .unwrap();
    }
    let key = |s: &CriteriaSet| format!("{}@{}", s.id, s.version);
    let official = |k: &str| [&dept, &commune].into_iter().find(|s| key(s) == k);
    let blocks = ranking_blocks(&desk, official);
    assert_eq!(blocks.len(), 2);
    for b in &blocks {
        let set = if b.set_key == key(&dept) {
            &dept
        } else {
            &commune
        };
        assert_eq!(b.rows.len(), if set == &dept { 3 } else { 2 });
        assert_eq!(b.rows[0].rank, 1, "each block ranks from 1");
        assert!(
            b.rows
                .iter()
                .all(|r| r.agency.starts_with("UBND xã") == (set == &commune)),
            "never mixed"
        );
        assert_eq!(b.fields.len(), set.fields.len(), "the block's own columns");
        assert!(b.title.contains(set.title_shown()));
        let csv = ranking_csv(b);
        assert_eq!(csv.matches("Chỉ số LV").count(), set.fields.len());
    }
}

#[test]
fn a_stated_total_index_or_class_that_differs_is_flagged_even_when_resealed() {
    let set = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let honest = agency(3, &set);
    assert!(!check(&honest, Some(&set)).total_mismatch);
    let mut sub = honest.clone();
    sub.scores.class = Some("Tốt".into());
    let c = check(&reseal(sub), Some(&set));
    assert!(c.digest_ok && c.total_mismatch);
    assert!(
        c.messages()
            .iter()
            .any(|m| m.contains("Tổng điểm, chỉ số hoặc xếp loại ghi trong tệp")),
        "{:?}",
        c.messages()
    );
    let mut sub = honest.clone();
    sub.scores.index = sub.scores.index.map(|i| i + Dec::from_int(10));
    assert!(check(&reseal(sub), Some(&set)).total_mismatch);
}

#[test]
fn a_file_reusing_another_agencys_draft_id_does_not_replace_it() {
    let set = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let mut desk = Desk::default();
    let first = agency(4, &set);
    desk.import("a.json", first.to_json().as_bytes(), "t")
        .unwrap();
    let mut other = agency(5, &set);
    other.draft_id = first.draft_id.clone();
    other.round = 2;
    let other = reseal(other);
    let err = desk
        .import("b.json", other.to_json().as_bytes(), "t")
        .unwrap_err();
    assert!(
        err[0]
            .message
            .contains("cùng mã bản tự đánh giá với hồ sơ của «Cơ quan số 4»"),
        "{}",
        err[0].message
    );
    assert_eq!(
        desk.entries[&first.draft_id].submission, first,
        "kept as it was"
    );
    // the same agency's next round (name spacing and case aside) replaces it
    let mut next = first.clone();
    next.round = 2;
    next.agency.name = "  cơ quan  số 4".into();
    let next = reseal(next);
    assert!(matches!(
        desk.import("c.json", next.to_json().as_bytes(), "t"),
        Ok(ImportOutcome::NewRound { round: 2, .. })
    ));
}

#[test]
fn the_agency_takes_a_review_only_for_the_last_round_it_sent_with_its_seal() {
    let set = load("tests/fixtures/every-rule-kind.json");
    let mut d = Draft::new("so-tp", "2026-11-20T09:00:00");
    d.profile.name = "Sở Tư pháp".into();
    d.edit("1.1.1", |r| r.choice = Some("kip_thoi".into()));
    let mut desk = Desk::default();
    let sub = export(&d, &set, "2026-11-22T10:00:00", 1);
    desk.import("r1.json", sub.to_json().as_bytes(), "t")
        .unwrap();
    let review = desk.entries[&d.id].review_file(&set, "2026-11-23T10:00:00");

    // nothing exported yet
    assert!(d
        .clone()
        .take_review(review.clone())
        .unwrap_err()
        .contains("chưa xuất tệp nộp nào"));
    d.last_exported = Some("2026-11-22T10:00:00".into());
    d.sent.insert(1, sub.digest.clone());
    // round 99, and a wrong seal
    let mut wrong_round = review.clone();
    wrong_round.round = 99;
    assert!(d
        .clone()
        .take_review(wrong_round)
        .unwrap_err()
        .contains("hồ sơ lần 99"));
    let mut wrong_seal = review.clone();
    wrong_seal.submission_digest = "0".repeat(64);
    assert!(d
        .clone()
        .take_review(wrong_seal)
        .unwrap_err()
        .contains("mã niêm phong"));
    // another draft's result
    let mut other = d.clone();
    other.id = "khac".into();
    assert!(other
        .take_review(review.clone())
        .unwrap_err()
        .contains("không phải của bản đang mở"));
    // the right one
    d.take_review(review.clone()).unwrap();
    assert_eq!(d.review, Some(review));
    assert_eq!(d.next_round(), 2);
}

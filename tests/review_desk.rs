//! The reviewer's desk: many submissions imported and checked, later rounds
//! replacing earlier ones with the changes visible, bad files refused
//! without touching the desk, and storage that keeps each set once.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeMap;

use cchc_tu_danh_gia::domain::review::*;
use cchc_tu_danh_gia::domain::submission::*;
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
                    Rule::Levels { options } | Rule::Bonus { options } => options[(i + k) % options.len()].id.clone(),
                    Rule::Deduction { options } => options[(i + k) % options.len()].id.clone(),
                    _ => if (i + k) % 3 == 0 { "no".into() } else { "yes".into() },
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
        let out = desk.import(&sub.file_name(), sub.to_json().as_bytes(), "2026-11-23T08:00:00").unwrap();
        assert_eq!(out, ImportOutcome::Added { key: format!("ban-{i}") });
    }
    assert_eq!(desk.entries.len(), 50);
    let checks = desk.checks(|key| (key == "minh-hoa-so-ban-nganh-2026@2026.1").then_some(&set));
    assert!(checks.values().all(|c| !c.flagged()));
    // totals differ across agencies: a real ranking is possible
    let mut totals: Vec<String> = checks.values().map(|c| c.report.total.vi()).collect();
    totals.sort();
    totals.dedup();
    assert!(totals.len() > 10);

    // storage: the set once, the entries small; and back again
    let mut sets: BTreeMap<String, CriteriaSet> = BTreeMap::new();
    let mut entries_size = 0;
    let mut stored = Vec::new();
    for e in desk.entries.values() {
        let (s, needed) = e.to_stored();
        entries_size += serde_json::to_string(&s).unwrap().len();
        for set in needed {
            sets.insert(set_digest(&set), set);
        }
        stored.push(s);
    }
    assert_eq!(sets.len(), 1, "one copy of the set");
    let set_size = serde_json::to_string(&set).unwrap().len();
    assert!(entries_size < 50 * set_size / 2, "entries ({entries_size} B) are far smaller than 50 sets");
    for s in &stored {
        let back = DeskEntry::from_stored(s, &sets).unwrap();
        assert_eq!(&back, &desk.entries[&back.submission.draft_id]);
    }
}

#[test]
fn a_later_round_replaces_the_earlier_and_shows_what_changed() {
    let set = load("tests/fixtures/every-rule-kind.json");
    let mut d = Draft::new("so-tp", "2026-11-20T09:00:00");
    d.edit("1.1.1", |r| r.choice = Some("khong_kip_thoi".into()));
    d.edit("2.1", |r| r.value = "1".into());
    let r1 = export(&d, &set, "2026-11-22T10:00:00", 1);
    let mut desk = Desk::default();
    desk.import("r1.json", r1.to_json().as_bytes(), "t1").unwrap();
    assert_eq!(desk.import("r1.json", r1.to_json().as_bytes(), "t2").unwrap(), ImportOutcome::Unchanged { key: "so-tp".into() });
    d.edit("1.1.1", |r| {
        r.choice = Some("kip_thoi".into());
        r.explanation = "Bổ sung quyết định số 12".into();
    });
    let r2 = export(&d, &set, "2026-12-05T10:00:00", 2);
    assert_eq!(desk.import("r2.json", r2.to_json().as_bytes(), "t3").unwrap(), ImportOutcome::NewRound { key: "so-tp".into(), round: 2 });
    let e = &desk.entries["so-tp"];
    assert_eq!(e.submission.round, 2);
    assert_eq!(e.status, ReviewStatus::DangThamDinh);
    assert_eq!(changed_items(e.previous.as_ref().unwrap(), &e.submission), vec!["1.1.1"]);
}

#[test]
fn a_bad_file_is_refused_and_the_desk_is_untouched() {
    let set = load("tests/fixtures/every-rule-kind.json");
    let mut desk = Desk::default();
    let good = export(&Draft::new("a", "t"), &set, "2026-11-22T10:00:00", 1);
    desk.import("a.json", good.to_json().as_bytes(), "t").unwrap();
    let before = desk.clone();
    for bad in [&b"{"[..], b"null", b"{\"format\":\"cchc-submission\"}", "<script>alert(1)</script>".as_bytes()] {
        assert!(desk.import("xau.json", bad, "t").is_err());
    }
    assert_eq!(desk, before);
    assert_eq!(ReviewStatus::DaGuiYeuCau.label_vi(), "Đã gửi yêu cầu");
}

//! The desk's checks are kept per entry: after an import, a later round or
//! a deletion, only the entries concerned are checked again, and the result
//! is what checking the whole desk gives.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cchc_tu_danh_gia::domain::appraisal::desk::*;
use cchc_tu_danh_gia::domain::appraisal::submission::*;
use cchc_tu_danh_gia::domain::*;
use support::*;

fn submission(i: usize, round: u32, set: &CriteriaSet) -> Submission {
    let mut d = Draft::new(&format!("ban-{i}"), "2026-11-20T09:00:00");
    d.profile.name = format!("Sở số {i}");
    d.profile.year = "2026".into();
    if round > 1 {
        d.edit("1.1.1", |r| r.choice = Some("yes".into()));
    }
    export(&d, set, "2026-11-22T10:00:00", round)
}

#[test]
fn only_the_entries_that_came_or_went_are_checked_again() {
    let set = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let official = |_: &str| Some(&set);
    let mut desk = Desk::default();
    for i in 0..4 {
        desk.import(
            "f.json",
            submission(i, 1, &set).to_json().as_bytes(),
            "2026-11-23T08:00:00",
        )
        .unwrap();
    }
    let mut checks = desk.checks(official);

    // a fifth agency, and a later round of the first
    desk.import(
        "g.json",
        submission(4, 1, &set).to_json().as_bytes(),
        "2026-11-24T08:00:00",
    )
    .unwrap();
    desk.import(
        "h.json",
        submission(0, 2, &set).to_json().as_bytes(),
        "2026-11-24T09:00:00",
    )
    .unwrap();
    let before = checks.clone();
    desk.recheck(&mut checks, &["ban-4".into(), "ban-0".into()], official);
    assert_eq!(checks, desk.checks(official));
    assert_ne!(checks["ban-0"], before["ban-0"], "the new round is checked");
    assert_eq!(checks["ban-2"], before["ban-2"]);

    // a deletion: its checks go too
    desk.entries.remove("ban-2");
    desk.recheck(&mut checks, &["ban-2".into()], official);
    assert!(!checks.contains_key("ban-2"));
    assert_eq!(checks, desk.checks(official));

    // keys named twice, or of nothing on the desk, change nothing else
    desk.recheck(
        &mut checks,
        &["ban-1".into(), "ban-1".into(), "khong-co".into()],
        official,
    );
    assert_eq!(checks, desk.checks(official));
}

#[test]
fn each_entry_is_compared_with_its_official_set_as_checking_it_alone_would() {
    let set = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let mut edited = set.clone();
    edited.title = format!("{} (sửa)", edited.title);
    let mut desk = Desk::default();
    for i in 0..3 {
        desk.import(
            "f.json",
            submission(i, 1, &set).to_json().as_bytes(),
            "2026-11-23T08:00:00",
        )
        .unwrap();
    }
    for (official, same) in [(&set, true), (&edited, false)] {
        let checks = desk.checks(|_| Some(official));
        for (k, e) in &desk.entries {
            assert_eq!(checks[k].matches_official, Some(same));
            assert_eq!(checks[k], check(&e.submission, Some(official)), "{k}");
        }
    }
    // no official set: compared with nothing, scored by its own
    let checks = desk.checks(|_| None);
    assert!(checks
        .values()
        .all(|c| c.matches_official.is_none() && c.flagged()));
}

//! The trainer's sample data: it loads through the same readers as real
//! files, every sample answer and citation is valid, the agencies differ,
//! and the desk has appraised submissions whose seals hold.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeSet;

use cchc_tu_danh_gia::domain::appraisal::desk::Desk;
use cchc_tu_danh_gia::domain::appraisal::desk_storage::StoredBy;
use cchc_tu_danh_gia::domain::appraisal::ranking::ranking_blocks;
use cchc_tu_danh_gia::domain::appraisal::submission::check;
use cchc_tu_danh_gia::domain::assessment::review_file::ReviewStatus;
use cchc_tu_danh_gia::domain::assessment::stored::{read_stored, DRAFT_KEY_PREFIX};
use cchc_tu_danh_gia::domain::demo::*;
use cchc_tu_danh_gia::domain::Draft;
use support::*;

fn sets() -> Vec<cchc_tu_danh_gia::domain::CriteriaSet> {
    vec![
        load("public/criteria/minh-hoa-so-ban-nganh-2026.json"),
        load("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json"),
    ]
}

fn demo() -> DemoData {
    read_demo(&repo_file("public/demo/du-lieu-mau.json")).expect("sample data reads")
}

/// The sample drafts, read as the app reads stored drafts.
fn drafts() -> Vec<Draft> {
    demo()
        .entries
        .iter()
        .filter(|(k, _)| k.starts_with(DRAFT_KEY_PREFIX))
        .map(|(k, t)| {
            let r = read_stored(t, &k[DRAFT_KEY_PREFIX.len()..]).expect("stored draft reads");
            assert_eq!(
                r.from_version,
                cchc_tu_danh_gia::domain::DRAFT_FORMAT_VERSION
            );
            assert_eq!(
                &k[DRAFT_KEY_PREFIX.len()..],
                r.draft.id,
                "stored under its id"
            );
            r.draft
        })
        .collect()
}

#[test]
fn sample_drafts_are_valid_varied_agencies() {
    let sets = sets();
    let drafts = drafts();
    assert!(drafts.len() >= 5, "at least five agencies");
    let names: BTreeSet<_> = drafts.iter().map(|d| d.profile.name.clone()).collect();
    assert_eq!(names.len(), drafts.len(), "one draft per agency");
    let mut classes = BTreeSet::new();
    let mut flagged = 0;
    for d in &drafts {
        let set = sets
            .iter()
            .find(|s| format!("{}@{}", s.id, s.version) == d.set_key)
            .unwrap_or_else(|| panic!("{}: set {} is bundled", d.profile.name, d.set_key));
        assert!(
            d.profile.problems(set, true).is_empty(),
            "{}: profile is complete and valid",
            d.profile.name
        );
        for u in set.scored_units() {
            let r = d.response(u.code);
            assert!(
                r.read(&u).problems.is_empty(),
                "{} {}",
                d.profile.name,
                u.code
            );
            for e in &r.evidence {
                assert!(
                    e.problems("2026-11-22").is_empty(),
                    "{} {}",
                    d.profile.name,
                    u.code
                );
            }
        }
        let report = d.score(set);
        flagged += set
            .scored_units()
            .filter(|u| {
                report.items.get(u.code).is_some_and(|s| {
                    cchc_tu_danh_gia::domain::assessment::summary::lacks_evidence(
                        u,
                        s,
                        d.responses.get(u.code),
                    )
                })
            })
            .count();
        classes.insert(report.class.clone());
    }
    assert!(
        classes.len() >= 3,
        "the agencies land in different classes: {classes:?}"
    );
    assert!(
        flagged > 0,
        "some items lack evidence, for the demo to show"
    );
    assert!(
        drafts.iter().any(|d| d.review.is_some()),
        "one agency has received its appraisal"
    );
}

#[test]
fn sample_desk_has_appraised_sealed_submissions() {
    let sets = sets();
    let pairs: Vec<(String, String)> = demo().entries.into_iter().collect();
    let (desk, unreadable) = Desk::restore(&pairs, StoredBy::File);
    assert_eq!(unreadable, 0);
    assert!(desk.entries.len() >= 5);
    let appraised = desk
        .entries
        .values()
        .filter(|e| {
            !e.appraisals.is_empty()
                && matches!(e.status, ReviewStatus::DaGuiYeuCau | ReviewStatus::DaChot)
        })
        .count();
    assert!(appraised >= 2, "two submissions are reviewed");
    for e in desk.entries.values() {
        let official = sets
            .iter()
            .find(|s| format!("{}@{}", s.id, s.version) == e.submission.criteria_set_key);
        let c = check(&e.submission, official);
        assert!(c.digest_ok && c.set_digest_ok, "{} is sealed", e.file_name);
        assert_eq!(c.matches_official, Some(true));
        assert!(c.mismatches.is_empty() && !c.total_mismatch);
    }
    let blocks = ranking_blocks(&desk, |k| {
        sets.iter().find(|s| format!("{}@{}", s.id, s.version) == k)
    });
    let set_keys: std::collections::BTreeSet<&str> = desk
        .entries
        .values()
        .map(|e| e.submission.criteria_set_key.as_str())
        .collect();
    assert_eq!(blocks.len(), set_keys.len(), "one block per set");
    let ranked: usize = blocks.iter().map(|b| b.rows.len()).sum();
    assert_eq!(ranked, desk.entries.len());
}

/// The drafts on the sample desk recorded the round they sent, with the seal
/// the desk holds, so the drafts list tells the trainer's story right: sent,
/// one sent back with requests.
#[test]
fn sample_drafts_record_the_round_they_sent() {
    use cchc_tu_danh_gia::domain::assessment::draft::RoundTrip;
    let pairs: Vec<(String, String)> = demo().entries.into_iter().collect();
    let (desk, _) = Desk::restore(&pairs, StoredBy::File);
    let drafts = drafts();
    for d in &drafts {
        match desk
            .entries
            .values()
            .find(|e| e.submission.draft_id == d.id)
        {
            Some(e) => assert_eq!(
                d.sent.get(&e.submission.round),
                Some(&e.submission.digest),
                "{}",
                d.id
            ),
            None => assert!(d.sent.is_empty(), "{} was not sent", d.id),
        }
    }
    assert!(drafts.iter().any(|d| matches!(
        d.round_trip(),
        RoundTrip::Reviewed { status: ReviewStatus::DaGuiYeuCau, requests, .. } if requests > 0
    )));
    assert!(drafts
        .iter()
        .any(|d| d.round_trip() == RoundTrip::Sent { round: 1 }));
}

#[test]
fn the_demo_opens_on_a_sample_draft() {
    let data = demo();
    let open = data.entries.get(DEMO_OPEN_KEY).expect("an open draft");
    assert!(drafts().iter().any(|d| &d.id == open));
}

#[test]
fn not_sample_data_is_refused_with_a_reason() {
    let e = read_demo(br#"{"format":"cchc-draft"}"#).unwrap_err();
    assert!(e[0].message.contains("không phải dữ liệu mẫu"));
    // a sample may write drafts and the desk, never other keys
    let e =
        read_demo(br#"{"format":"cchc-demo","format_version":1,"entries":{"cchc.space":"demo"}}"#)
            .unwrap_err();
    assert_eq!(e[0].path, "entries.cchc.space");
    assert!(read_demo(
        br#"{"format":"cchc-demo","format_version":1,"entries":{"cchc.draft.":"x"}}"#
    )
    .is_err());
}

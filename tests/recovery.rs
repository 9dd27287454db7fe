//! An agency's draft opened again from the submission it sent (its browser
//! lost the draft): the same draft, taking the reviewer's result, sending
//! the next round as the same agency; an altered file records nothing as
//! sent; draft files open as before and other files are refused; and for
//! any draft, what is opened from its file sends that file again, to the byte.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cchc_tu_danh_gia::domain::appraisal::desk::{Desk, ImportOutcome};
use cchc_tu_danh_gia::domain::appraisal::recovery::{open_draft_file, OpenedDraft};
use cchc_tu_danh_gia::domain::appraisal::submission::export;
use cchc_tu_danh_gia::domain::assessment::review_file::ReviewFile;
use cchc_tu_danh_gia::domain::*;
use proptest::prelude::*;
use support::*;

/// The department set's sample draft, sent as round 1 the way the summary
/// page sends it (its seal recorded in the draft).
fn sent_round_1() -> (CriteriaSet, Draft, String) {
    let (set, mut d) = sample_department_draft();
    d.difficulties = "Thiếu cán bộ chuyên trách".into();
    d.proposals = "Tập huấn thêm về chính quyền số".into();
    let sub = export(&d, &set, "2026-11-21T10:00:00", 1);
    d.sent.insert(1, sub.digest.clone());
    d.last_exported = Some(sub.exported_at.clone());
    (set, d, sub.to_json())
}

/// The file on the reviewer's desk, and the result the reviewer sends back.
fn on_the_desk(file: &str, set: &CriteriaSet) -> (Desk, String, ReviewFile) {
    let mut desk = Desk::default();
    let Ok(ImportOutcome::Added { key }) = desk.import("a.json", file.as_bytes(), "t1") else {
        panic!("the desk takes round 1");
    };
    let review = desk.entries[&key].review_file(set, "2026-11-25T08:00:00");
    (desk, key, review)
}

fn recovered(text: &str) -> (Draft, std::sync::Arc<CriteriaSet>, bool) {
    match open_draft_file(text, "id-moi", "2026-12-07T08:00:00") {
        Ok(OpenedDraft::Recovered {
            draft,
            set,
            seal_holds,
        }) => (draft, set, seal_holds),
        other => panic!("not recovered: {other:?}"),
    }
}

#[test]
fn a_submission_opens_as_the_draft_it_was_sent_from() {
    let (set, sent, file) = sent_round_1();
    let (d, embedded, seal_holds) = recovered(&file);
    assert!(seal_holds);
    assert_eq!(
        d.id, sent.id,
        "the same id: the desk takes its next round as this agency's"
    );
    assert_eq!(d.set_key, sent.set_key);
    assert_eq!(d.profile, sent.profile);
    assert_eq!(
        d.responses, sent.responses,
        "every answer, document and explanation"
    );
    assert_eq!(d.difficulties, sent.difficulties);
    assert_eq!(d.proposals, sent.proposals);
    assert_eq!(d.sent, sent.sent, "round 1 recorded as sent, with its seal");
    assert_eq!(d.last_exported, sent.last_exported);
    assert_eq!(d.review, None);
    assert_eq!(
        *embedded, set,
        "the set it was made on, for a library without it"
    );
    assert_eq!(d.score(&set), sent.score(&set));
    assert_eq!(d.next_round(), 1, "no result yet: round 1 again");
}

#[test]
fn the_recovered_draft_takes_the_result_and_sends_round_2_as_the_same_agency() {
    let (set, _, file) = sent_round_1();
    let (mut desk, key, review) = on_the_desk(&file, &set);
    let (mut d, _, _) = recovered(&file);
    d.take_review(review)
        .expect("the result for the round it sent");
    assert_eq!(d.next_round(), 2);
    d.edit("1.1", |r| r.choice = None);
    let round_2 = export(&d, &set, "2026-11-28T10:00:00", d.next_round());
    match desk.import("b.json", round_2.to_json().as_bytes(), "t2") {
        Ok(ImportOutcome::NewRound { key: k, round: 2 }) => assert_eq!(k, key),
        other => panic!("round 2 should replace round 1 of the same agency: {other:?}"),
    }
}

#[test]
fn a_draft_opened_from_round_2_with_no_result_sends_round_2_again() {
    let (set, mut d, _) = sent_round_1();
    let round_2 = export(&d, &set, "2026-11-28T10:00:00", 2);
    d.sent.insert(2, round_2.digest.clone());
    let (again, _, _) = recovered(&round_2.to_json());
    assert_eq!(again.sent.keys().copied().collect::<Vec<_>>(), vec![2]);
    assert_eq!(again.next_round(), 2, "never back to round 1");
}

#[test]
fn an_altered_file_opens_but_records_nothing_as_sent() {
    let (set, _, file) = sent_round_1();
    let altered = file.replace("Thiếu cán bộ chuyên trách", "Thiếu kinh phí");
    assert_ne!(altered, file);
    let (mut d, _, seal_holds) = recovered(&altered);
    assert!(!seal_holds);
    assert_eq!(
        d.difficulties, "Thiếu kinh phí",
        "what the file holds is opened"
    );
    assert!(d.sent.is_empty() && d.last_exported.is_none());
    // so no result is taken for it
    let (_, _, review) = on_the_desk(&file, &set);
    assert!(d.take_review(review).is_err());
}

#[test]
fn draft_files_open_as_before_and_other_files_are_refused() {
    let (set, d, file) = sent_round_1();
    let draft_file = serde_json::to_string(&d).unwrap();
    match open_draft_file(&draft_file, "x", "t") {
        Ok(OpenedDraft::Draft(read)) => assert_eq!(read.draft, d),
        other => panic!("a draft file: {other:?}"),
    }
    let (_, _, review) = on_the_desk(&file, &set);
    let refused = open_draft_file(&serde_json::to_string(&review).unwrap(), "x", "t")
        .expect_err("a review file is not a draft");
    assert!(refused.reason.contains("cchc-review"), "{}", refused.reason);
    // a damaged submission says what is wrong with it
    let cut = &file[..file.len() / 2];
    let refused = open_draft_file(cut, "x", "t").expect_err("cut short");
    assert!(!refused.reason.is_empty());
}

proptest! {
    /// Whatever a draft holds, opening the file it sent gives it back: sent
    /// again at the same round and time, the file is the same to the byte.
    #[test]
    fn opening_a_sent_file_loses_nothing(
        entries in prop::collection::vec((0usize..40, "[-0-9,.a-zà-ỹ \"<>]{0,8}", prop::option::of("[a-z_]{2,10}"), any::<bool>()), 0..15),
        name in "\\PC{0,40}",
        difficulties in "\\PC{0,60}",
        round in 1u32..5,
    ) {
        let (set, _) = sample_department_draft();
        let codes: Vec<String> = set.scored_units().map(|u| u.code.to_string()).collect();
        let mut d = Draft::new("ban-x", "2026-01-01T00:00:00");
        d.set_key = format!("{}@{}", set.id, set.version);
        d.profile.name = name;
        d.difficulties = difficulties;
        for (i, text, choice, na) in entries {
            d.edit(&codes[i % codes.len()], |r| {
                r.value = text.clone();
                r.choice = choice.clone();
                r.not_applicable = na;
                r.explanation = text.clone();
                r.evidence.push(EvidenceRef { number: text.clone(), ..EvidenceRef::default() });
            });
        }
        let sub = export(&d, &set, "2026-11-22T10:15:00", round);
        let (back, embedded, seal_holds) = recovered(&sub.to_json());
        prop_assert!(seal_holds);
        prop_assert_eq!(&*embedded, &set);
        prop_assert_eq!(&back.responses, &d.responses);
        prop_assert_eq!(&back.profile, &d.profile);
        prop_assert_eq!(back.sent.get(&round), Some(&sub.digest));
        prop_assert_eq!(back.next_round(), round);
        let again = export(&back, &set, "2026-11-22T10:15:00", round);
        prop_assert_eq!(again.to_json(), sub.to_json());
    }
}

//! Stored drafts: the migration chain, unreadable entries explained (and
//! never turned into an empty draft), summaries for the list, duplicates.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cchc_tu_danh_gia::domain::assessment::stored::*;
use cchc_tu_danh_gia::domain::*;
use proptest::prelude::*;
use support::*;

/// Exactly what the first build (format version 1) wrote.
const V1: &str = r#"{"format_version":1,"set_key":"test-every-rule-kind@1","profile":{"name":"Sở Tư pháp","unit_type":"so_ban_nganh","province":"Nghệ An","year":"2026","focal_name":"","focal_position":"","focal_phone":"","focal_email":""},"responses":{"1.1.1":{"choice":"kip_thoi"},"1.2":{"numerator":"43","denominator":"50","evidence":[{"number":"12/BC","date":"2026-01-05","issuer":"","subject":"Báo cáo","location":"","link":"","note":""}]}},"difficulties":"Thiếu người","proposals":""}"#;

#[test]
fn a_version_1_draft_is_migrated_with_everything_kept() {
    let read = read_stored(V1, "cu-1").unwrap();
    assert_eq!(read.from_version, 1);
    let d = read.draft;
    assert_eq!(d.format, DRAFT_FORMAT);
    assert_eq!(d.format_version, DRAFT_FORMAT_VERSION);
    assert_eq!(d.id, "cu-1");
    assert_eq!(d.display_name(), "Sở Tư pháp");
    assert_eq!(d.profile.province, "Nghệ An");
    assert_eq!(d.responses["1.1.1"].choice.as_deref(), Some("kip_thoi"));
    assert_eq!(d.responses["1.2"].evidence[0].number, "12/BC");
    assert_eq!(d.difficulties, "Thiếu người");
    // and it scores as before
    let set = load("tests/fixtures/every-rule-kind.json");
    assert_eq!(
        d.score(&set).items["1.2"].reason,
        "43/50 = 86% → 1,5 điểm (mức từ 80% đến dưới 100%)"
    );
}

#[test]
fn the_current_version_round_trips() {
    let mut d = Draft::new("abc", "2026-11-22T08:00:00");
    d.name = "Năm 2026".into();
    d.revision = 7;
    d.last_exported = Some("2026-11-22T09:00:00".into());
    d.edit("1.1.1", |r| r.value = "8x".into());
    let text = serde_json::to_string(&d).unwrap();
    let read = read_stored(&text, "khac").unwrap();
    assert_eq!(read.from_version, DRAFT_FORMAT_VERSION);
    assert_eq!(read.draft, d);
}

#[test]
fn unreadable_entries_say_why() {
    let why = |text: &str| read_stored(text, "x").unwrap_err().reason;
    assert_eq!(
        why("{\"responses\": [1,"),
        "không phải JSON hợp lệ (dòng 1, cột 17)"
    );
    assert_eq!(
        why("[]"),
        "không phải một bản tự đánh giá (không phải đối tượng JSON)"
    );
    assert_eq!(
        why(r#"{"format":"khac"}"#),
        "định dạng «khac», không phải «cchc-draft»"
    );
    assert!(why(r#"{"format":"cchc-draft","format_version":99}"#)
        .starts_with("được lưu bởi phiên bản mới hơn của ứng dụng (định dạng 99"));
    assert_eq!(
        why(r#"{"format_version":"hai"}"#),
        "số phiên bản định dạng không hợp lệ: \"hai\""
    );
    assert!(why(r#"{"format_version":2,"responses":5}"#)
        .starts_with("nội dung không đúng cấu trúc tại «responses»"));
    let huge = format!("{{\"name\":\"{}\"}}", "a".repeat(MAX_DRAFT_BYTES));
    assert!(why(&huge).starts_with("dữ liệu quá lớn"));
}

#[test]
fn a_duplicate_keeps_the_work_under_a_new_id() {
    let d = read_stored(V1, "cu").unwrap().draft;
    let copy = d.duplicate("moi", "2026-11-22T10:00:00");
    assert_eq!(copy.id, "moi");
    assert_eq!(copy.name, "Sở Tư pháp (bản sao)");
    assert_eq!(copy.responses, d.responses);
    assert_eq!(copy.revision, 0);
    assert_eq!(copy.last_exported, None);
    assert!(!copy.same_content(&d), "the name differs");
}

#[test]
fn summaries_show_progress_score_and_size() {
    let set = load("tests/fixtures/every-rule-kind.json");
    let d = read_stored(V1, "cu").unwrap().draft;
    let s = summarize(&d, Some(&set), 1000);
    assert_eq!(s.name, "Sở Tư pháp");
    assert_eq!(s.percent_complete, Some(20), "2 of 10 answerable");
    assert_eq!(s.total.map(|t| t.shown()).as_deref(), Some("2,5"));
    assert_eq!(s.bytes, 2000);
    assert!(!s.set_missing);
    let missing = summarize(&d, None, 10);
    assert!(missing.set_missing);
    assert_eq!(missing.set_label.as_deref(), Some("test-every-rule-kind@1"));
    assert_eq!(missing.total, None);
    assert_eq!(datetime_text("2026-11-22T05:30:12"), "05:30:12 22/11/2026");
    assert_eq!(draft_key("abc"), "cchc.draft.abc");
}

proptest! {
    /// Whatever is in storage, reading it never panics.
    #[test]
    fn reading_any_text_never_panics(text in "\\PC{0,300}") {
        let _ = read_stored(&text, "x");
    }

    /// Mutations of a real stored draft never panic, and when they read,
    /// the id is never empty.
    #[test]
    fn mutated_drafts_never_panic(cut in 0usize..600, insert in "[\\[\\]{}\",:0-9a-z ]{0,8}") {
        let mut text = V1.to_string();
        let at = text.char_indices().map(|(i, _)| i).nth(cut % V1.chars().count()).unwrap_or(0);
        text.insert_str(at, &insert);
        if let Ok(r) = read_stored(&text, "x") {
            prop_assert!(!r.draft.id.is_empty());
        }
        // the start's reader (no paths) reads exactly the same drafts
        prop_assert_eq!(
            read_stored(&text, "x").ok(),
            read_stored_quickly(&text, "x").ok()
        );
    }
}

#[test]
fn the_start_reads_storage_like_the_recovery_screen_without_the_path() {
    let full = read_stored(V1, "cu").unwrap();
    assert_eq!(read_stored_quickly(V1, "cu").unwrap(), full);
    let bad = r#"{"format_version":2,"responses":5}"#;
    let quick = read_stored_quickly(bad, "x").unwrap_err().reason;
    assert!(
        quick.starts_with("nội dung không đúng cấu trúc: "),
        "{quick}"
    );
    assert!(read_stored(bad, "x")
        .unwrap_err()
        .reason
        .starts_with("nội dung không đúng cấu trúc tại «responses»"));
}

/// The list says whether a draft was sent and what the reviewer answered:
/// not sent, sent and waiting, asked for more (with the next round), closed.
#[test]
fn summaries_tell_the_round_trip_with_the_reviewer() {
    use cchc_tu_danh_gia::domain::appraisal::desk::{Desk, ImportOutcome};
    use cchc_tu_danh_gia::domain::appraisal::submission::export;
    use cchc_tu_danh_gia::domain::assessment::draft::RoundTrip;
    use cchc_tu_danh_gia::domain::assessment::review_file::{Appraisal, RequestKind, ReviewStatus};

    let (set, mut d) = sample_department_draft();
    // as a new agency's: nothing sent, no result
    d.sent.clear();
    d.review = None;
    d.last_exported = None;
    let trip = |d: &Draft| summarize(d, Some(&set), 10).round_trip;
    assert_eq!(trip(&d), RoundTrip::NotSent);
    // a draft downloaded is not a submission sent
    d.last_exported = Some("2026-11-20T09:00:00".into());
    assert_eq!(trip(&d), RoundTrip::NotSent);

    let sub = export(&d, &set, "2026-11-21T10:00:00", 1);
    d.sent.insert(1, sub.digest.clone());
    assert_eq!(trip(&d), RoundTrip::Sent { round: 1 });

    let mut desk = Desk::default();
    let Ok(ImportOutcome::Added { key }) = desk.import("a.json", sub.to_json().as_bytes(), "t")
    else {
        panic!("the desk takes round 1");
    };
    let e = desk.entries.get_mut(&key).unwrap();
    e.appraisals.insert(
        "1.1.1".into(),
        Appraisal {
            score: "0,5".into(),
            comment: "Thiếu quyết định".into(),
            request: RequestKind::BoSungTaiLieu,
        },
    );
    e.status = ReviewStatus::DaGuiYeuCau;
    d.take_review(e.review_file(&set, "2026-12-01T09:00:00"))
        .unwrap();
    let RoundTrip::Reviewed {
        round: 1,
        status: ReviewStatus::DaGuiYeuCau,
        requests: 1,
        ..
    } = trip(&d)
    else {
        panic!("the result of round 1 with its one request: {:?}", trip(&d));
    };

    // a draft kept before rounds sent were recorded still shows its result
    let mut older = d.clone();
    older.sent.clear();
    assert!(matches!(
        older.round_trip(),
        RoundTrip::Reviewed { round: 1, .. }
    ));

    // round 2 sent: waiting again, the old result no longer the news
    let sub2 = export(&d, &set, "2026-12-03T10:00:00", d.next_round());
    d.sent.insert(2, sub2.digest.clone());
    assert_eq!(trip(&d), RoundTrip::Sent { round: 2 });

    let Ok(ImportOutcome::NewRound { key, round: 2 }) =
        desk.import("b.json", sub2.to_json().as_bytes(), "t2")
    else {
        panic!("the desk takes round 2");
    };
    let e = desk.entries.get_mut(&key).unwrap();
    e.status = ReviewStatus::DaChot;
    let closed = e.review_file(&set, "2026-12-05T09:00:00");
    let total = closed.appraised_total;
    d.take_review(closed).unwrap();
    // closed: the list shows the appraised total (a request left on an
    // item of round 1 does not matter any more)
    let RoundTrip::Reviewed {
        round: 2,
        status: ReviewStatus::DaChot,
        appraised_total,
        ..
    } = trip(&d)
    else {
        panic!("the closed result of round 2: {:?}", trip(&d));
    };
    assert_eq!(appraised_total, total);
}

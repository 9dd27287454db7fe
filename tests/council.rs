//! The appraisal council: members' parts merge into the secretary's desk;
//! disjoint items merge in any order, differing ones become conflicts that
//! only the secretary decides; every item keeps its history; parts and the
//! history survive storage and backups.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeMap;

use cchc_tu_danh_gia::domain::appraisal::council::*;
use cchc_tu_danh_gia::domain::appraisal::desk::*;
use cchc_tu_danh_gia::domain::appraisal::desk_storage::*;
use cchc_tu_danh_gia::domain::appraisal::submission::*;
use cchc_tu_danh_gia::domain::assessment::review_file::*;
use cchc_tu_danh_gia::domain::*;
use proptest::prelude::*;
use support::*;

fn set() -> CriteriaSet {
    load("public/criteria/minh-hoa-so-ban-nganh-2026.json")
}

fn submission(i: usize, set: &CriteriaSet) -> Submission {
    let mut d = Draft::new(&format!("ban-{i}"), "2026-11-20T09:00:00");
    d.profile.name = format!("Sở số {i}");
    d.profile.year = "2026".into();
    export(&d, set, "2026-11-22T10:00:00", 1)
}

/// A desk with the same `n` (at most 3) submissions, as each council
/// member has it; built once, copied for each use.
fn desk(n: usize) -> Desk {
    static DESK: std::sync::OnceLock<Desk> = std::sync::OnceLock::new();
    let mut d = DESK
        .get_or_init(|| {
            let s = set();
            let mut d = Desk::default();
            for i in 0..3 {
                d.import(
                    "f.json",
                    submission(i, &s).to_json().as_bytes(),
                    "2026-11-23T08:00:00",
                )
                .unwrap();
            }
            d
        })
        .clone();
    d.entries
        .retain(|k, _| k.trim_start_matches("ban-").parse::<usize>().unwrap() < n);
    d
}

fn member(name: &str, agency: &str) -> Member {
    Member {
        name: name.into(),
        agency: agency.into(),
    }
}

fn appraise(
    d: &mut Desk,
    key: &str,
    code: &str,
    score: &str,
    comment: &str,
    by: &Member,
    at: &str,
) {
    let e = d.entries.get_mut(key).unwrap();
    e.appraisals.insert(
        code.into(),
        Appraisal {
            score: score.into(),
            comment: comment.into(),
            request: RequestKind::None,
        },
    );
    e.record(code, by, at);
}

#[test]
fn two_members_fields_merge_and_a_disagreement_waits_for_the_secretary() {
    let tu_phap = member("Trần Thị B", "Sở Tư pháp");
    let tai_chinh = member("Lê Văn C", "Sở Tài chính");
    let secretary = member("Nguyễn Văn A", "Sở Nội vụ");
    // member 1 appraises field 2 (thể chế), member 2 field 5; both touch 2.1.1
    let mut a = desk(3);
    appraise(
        &mut a,
        "ban-0",
        "2.1.1",
        "0,5",
        "Thiếu kế hoạch",
        &tu_phap,
        "2026-11-24T09:00:00",
    );
    appraise(
        &mut a,
        "ban-1",
        "2.2.1",
        "0",
        "",
        &tu_phap,
        "2026-11-24T09:05:00",
    );
    let mut b = desk(3);
    appraise(
        &mut b,
        "ban-0",
        "5.1.1",
        "1",
        "Đạt",
        &tai_chinh,
        "2026-11-24T10:00:00",
    );
    appraise(
        &mut b,
        "ban-0",
        "2.1.1",
        "0",
        "Không có kế hoạch",
        &tai_chinh,
        "2026-11-24T10:01:00",
    );
    let part_a = a.export_part(&tu_phap, &["2".into()], "2026-11-24T11:00:00");
    let part_b = b.export_part(&tai_chinh, &[], "2026-11-24T11:00:00");
    // through the file, as the secretary receives them
    let part_a = read_part(serde_json::to_string(&part_a).unwrap().as_bytes()).unwrap();
    let part_b = read_part(serde_json::to_string(&part_b).unwrap().as_bytes()).unwrap();
    assert_eq!(part_a.entries.len(), 2);

    let mut s = desk(3);
    let ra = s.merge_part(&part_a);
    assert_eq!((ra.taken, ra.same, ra.conflicts.len()), (2, 0, 0));
    assert_eq!(ra.changed, vec!["ban-0".to_string(), "ban-1".to_string()]);
    let rb = s.merge_part(&part_b);
    assert_eq!(rb.taken, 1);
    assert_eq!(
        rb.conflicts,
        vec![("Sở số 0".to_string(), "2.1.1".to_string())]
    );
    let e = &s.entries["ban-0"];
    // nothing overwritten: the first word stays until the secretary chooses
    assert_eq!(e.appraisals["2.1.1"].score, "0,5");
    let candidates = &e.conflicts["2.1.1"];
    assert_eq!(candidates.len(), 2);
    assert_eq!(
        candidates.iter().map(|c| c.by.shown()).collect::<Vec<_>>(),
        vec!["Lê Văn C (Sở Tài chính)", "Trần Thị B (Sở Tư pháp)"]
    );
    // merging the same parts again changes nothing
    let before = s.clone();
    let again = s.merge_part(&part_a);
    assert!(again.changed.is_empty() || s == before, "{again:?}");
    s.merge_part(&part_b);
    assert_eq!(
        s.entries["ban-0"].conflicts,
        before.entries["ban-0"].conflicts
    );
    assert_eq!(s.entries["ban-0"].history, before.entries["ban-0"].history);

    // the secretary chooses Sở Tài chính's word
    let e = s.entries.get_mut("ban-0").unwrap();
    let pick = e.conflicts["2.1.1"]
        .iter()
        .position(|c| c.by == tai_chinh)
        .unwrap();
    assert!(e.choose("2.1.1", pick, &secretary, "2026-11-24T14:00:00"));
    assert!(
        !e.choose("2.1.1", pick, &secretary, "2026-11-24T14:01:00"),
        "decided once"
    );
    assert!(e.conflicts.is_empty());
    assert_eq!(e.appraisals["2.1.1"].comment, "Không có kế hoạch");
    // the history: each member's word, then the secretary's decision
    let who: Vec<String> = e.history["2.1.1"].iter().map(|h| h.by.shown()).collect();
    assert_eq!(who.len(), 3, "{who:?}");
    assert!(who.contains(&"Lê Văn C (Sở Tài chính)".to_string()));
    assert_eq!(who.last().unwrap(), "Nguyễn Văn A (Sở Nội vụ)");
    assert!(who.contains(&"Trần Thị B (Sở Tư pháp)".to_string()));
}

#[test]
fn a_members_later_word_replaces_their_own_and_an_older_file_does_not() {
    let m = member("Trần Thị B", "Sở Tư pháp");
    let mut a = desk(1);
    appraise(&mut a, "ban-0", "2.2.1", "1", "", &m, "2026-11-24T09:00:00");
    let first = a.export_part(&m, &[], "2026-11-24T09:30:00");
    appraise(
        &mut a,
        "ban-0",
        "2.2.1",
        "0",
        "Xem lại: chưa đủ",
        &m,
        "2026-11-24T10:00:00",
    );
    let second = a.export_part(&m, &[], "2026-11-24T10:30:00");
    let mut s = desk(1);
    s.merge_part(&first);
    let r = s.merge_part(&second);
    assert_eq!((r.taken, r.conflicts.len()), (1, 0));
    assert_eq!(s.entries["ban-0"].appraisals["2.2.1"].score, "0");
    // the older file sent again later is not a newer word
    let r = s.merge_part(&first);
    assert_eq!((r.taken, r.conflicts.len()), (0, 0));
    assert_eq!(s.entries["ban-0"].appraisals["2.2.1"].score, "0");
    assert_eq!(s.entries["ban-0"].history["2.2.1"].len(), 2);
}

#[test]
fn a_part_for_another_round_or_file_is_not_merged_and_says_why() {
    let m = member("Trần Thị B", "Sở Tư pháp");
    let mut a = desk(2);
    appraise(&mut a, "ban-0", "2.2.1", "1", "", &m, "2026-11-24T09:00:00");
    appraise(&mut a, "ban-1", "2.2.1", "1", "", &m, "2026-11-24T09:00:00");
    let mut part = a.export_part(&m, &[], "2026-11-24T09:30:00");
    part.entries[1].submission_digest = "0".repeat(64);
    let mut s = desk(1);
    let r = s.merge_part(&part);
    assert_eq!(r.taken, 1);
    assert_eq!(r.not_merged.len(), 1);
    assert_eq!(r.not_merged[0].0, "Sở số 1");
    assert_eq!(r.not_merged[0].1, "hồ sơ này chưa có trên bàn thẩm định");
    let mut s = desk(2);
    let r = s.merge_part(&part);
    assert!(
        r.not_merged[0]
            .1
            .starts_with("phần này thẩm định lần nộp 1"),
        "{r:?}"
    );
    // not a part at all
    let why = read_part(br#"{"format":"cchc-review"}"#).unwrap_err();
    assert!(why[0].message.contains("không phải tệp phần thẩm định"));
}

#[test]
fn history_is_kept_across_rounds() {
    let set = set();
    let m = member("Trần Thị B", "Sở Tư pháp");
    let mut d = desk(1);
    appraise(
        &mut d,
        "ban-0",
        "2.2.1",
        "0",
        "Thiếu kế hoạch",
        &m,
        "2026-11-24T09:00:00",
    );
    // the agency answers the request: round 2 of the same draft
    let mut draft = Draft::new("ban-0", "2026-11-20T09:00:00");
    draft.profile.name = "Sở số 0".into();
    draft.profile.year = "2026".into();
    let round2 = export(&draft, &set, "2026-11-28T10:00:00", 2);
    let out = d
        .import(
            "f2.json",
            round2.to_json().as_bytes(),
            "2026-11-28T11:00:00",
        )
        .unwrap();
    assert_eq!(
        out,
        ImportOutcome::NewRound {
            key: "ban-0".into(),
            round: 2
        }
    );
    appraise(
        &mut d,
        "ban-0",
        "2.2.1",
        "1",
        "Đã bổ sung",
        &m,
        "2026-11-29T09:00:00",
    );
    let steps = &d.entries["ban-0"].history["2.2.1"];
    assert_eq!(
        steps
            .iter()
            .map(|s| (s.round, s.appraisal.comment.as_str()))
            .collect::<Vec<_>>(),
        vec![(1, "Thiếu kế hoạch"), (2, "Đã bổ sung")],
        "the same member's word in a new round is a new step, the old one kept"
    );
    // and it survives storage
    let (back, _) = Desk::restore(&d.stored(), StoredBy::ThisBrowser);
    assert_eq!(back.entries["ban-0"].history["2.2.1"], *steps);
}

#[test]
fn history_and_conflicts_survive_storage_and_the_backup() {
    let (m1, m2) = (member("B", "Sở Tư pháp"), member("C", "Sở Tài chính"));
    let mut a = desk(1);
    appraise(
        &mut a,
        "ban-0",
        "2.2.1",
        "1",
        "",
        &m1,
        "2026-11-24T09:00:00",
    );
    let mut b = desk(1);
    appraise(
        &mut b,
        "ban-0",
        "2.2.1",
        "0",
        "",
        &m2,
        "2026-11-24T09:00:00",
    );
    let mut s = desk(1);
    s.merge_part(&a.export_part(&m1, &[], "t"));
    s.merge_part(&b.export_part(&m2, &[], "t"));
    assert_eq!(s.entries["ban-0"].conflicts.len(), 1);
    let (back, unreadable) = Desk::restore(&s.stored(), StoredBy::ThisBrowser);
    assert_eq!(unreadable, 0);
    assert_eq!(back.entries, s.entries);
    let text = serde_json::to_string(&s.backup("t")).unwrap();
    assert_eq!(read_backup(&text).unwrap().entries, s.entries);
    // an entry with no council work stores no council keys
    let plain = desk(1).stored();
    assert!(plain
        .iter()
        .all(|(_, t)| !t.contains("\"history\"") && !t.contains("\"conflicts\"")));
}

#[test]
fn appraising_starts_the_appraisal_and_nothing_changes_once_closed() {
    let me = member("Nguyễn Văn A", "Sở Nội vụ");
    let mut d = desk(1);
    let e = d.entries.get_mut("ban-0").unwrap();
    assert_eq!(e.status, ReviewStatus::ChoThamDinh);
    assert!(e.appraise("2.1.1", &me, "2026-11-24T09:00:00", |a| {
        a.comment = "Thiếu kế hoạch".into()
    }));
    assert_eq!(e.status, ReviewStatus::DangThamDinh);
    assert_eq!(e.appraisals["2.1.1"].comment, "Thiếu kế hoạch");
    assert_eq!(e.last_step("2.1.1").unwrap().by, me);
    // requests sent stay sent; an appraisal emptied is removed
    e.status = ReviewStatus::DaGuiYeuCau;
    assert!(e.appraise("2.1.1", &me, "2026-11-24T10:00:00", |a| a.comment.clear()));
    assert_eq!(e.status, ReviewStatus::DaGuiYeuCau);
    assert!(!e.appraisals.contains_key("2.1.1"));
    // closed: neither an edit nor a choice changes anything
    e.status = ReviewStatus::DaChot;
    let before = e.clone();
    assert!(
        !e.appraise("2.1.2", &me, "2026-11-24T11:00:00", |a| a.score =
            "1".into())
    );
    assert!(!e.choose("2.1.1", 0, &me, "2026-11-24T11:00:00"));
    assert_eq!(*e, before);
}

#[test]
fn items_lie_in_their_fields() {
    let f = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(in_fields("1.2.3", &f(&["1"])));
    assert!(in_fields("1", &f(&["1"])));
    assert!(!in_fields("12.1", &f(&["1"])));
    assert!(!in_fields("2.1", &f(&["1", "3"])));
    assert!(in_fields("2.1", &[]));
}

/// The scored item codes of the set, for the property below.
fn codes() -> Vec<String> {
    static CODES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CODES
        .get_or_init(|| set().scored_units().map(|u| u.code.to_string()).collect())
        .clone()
}

proptest! {
    /// Members' parts merge in any order to the same desk when they touch
    /// different items; when they touch the same item differently, exactly
    /// those items are conflicts, with the same candidates in either order.
    #[test]
    fn merging_is_order_free_and_reports_exactly_the_disagreements(
        a_items in prop::collection::btree_map(0usize..40, 0u8..3, 0..12),
        b_items in prop::collection::btree_map(0usize..40, 0u8..3, 0..12),
    ) {
        let codes = codes();
        let (m1, m2) = (member("B", "Sở Tư pháp"), member("C", "Sở Tài chính"));
        let mut a = desk(1);
        for (i, v) in &a_items {
            appraise(&mut a, "ban-0", &codes[i % codes.len()], "0", &format!("ý kiến {v}"), &m1, "2026-11-24T09:00:00");
        }
        let mut b = desk(1);
        for (i, v) in &b_items {
            appraise(&mut b, "ban-0", &codes[i % codes.len()], "0", &format!("ý kiến {v}"), &m2, "2026-11-24T09:00:00");
        }
        let (pa, pb) = (a.export_part(&m1, &[], "t"), b.export_part(&m2, &[], "t"));
        let mut ab = desk(1);
        ab.merge_part(&pa);
        ab.merge_part(&pb);
        let mut ba = desk(1);
        ba.merge_part(&pb);
        ba.merge_part(&pa);
        let expected: BTreeMap<String, ()> = a_items
            .iter()
            .filter(|(i, v)| b_items.get(i).is_some_and(|w| w != *v))
            .map(|(i, _)| (codes[i % codes.len()].clone(), ()))
            .collect();
        let (x, y) = (&ab.entries["ban-0"], &ba.entries["ban-0"]);
        prop_assert_eq!(x.conflicts.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>());
        prop_assert_eq!(&x.conflicts, &y.conflicts);
        // every item not in conflict is the same, with the same history
        for code in x.appraisals.keys().chain(y.appraisals.keys()) {
            if !expected.contains_key(code) {
                prop_assert_eq!(x.appraisals.get(code), y.appraisals.get(code));
                prop_assert_eq!(x.history.get(code), y.history.get(code));
            }
        }
    }
}

//! The desk's list: agencies in the order of their names, found without
//! diacritics, narrowed by status or by warnings, a page at a time, and
//! every matching agency on exactly one page.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeMap;

use cchc_tu_danh_gia::domain::appraisal::council::{AppraisalEvent, Member};
use cchc_tu_danh_gia::domain::appraisal::desk::*;
use cchc_tu_danh_gia::domain::appraisal::desk_list::*;
use cchc_tu_danh_gia::domain::appraisal::submission::*;
use cchc_tu_danh_gia::domain::assessment::review_file::*;
use cchc_tu_danh_gia::domain::base::paging::*;
use cchc_tu_danh_gia::domain::*;
use support::*;

fn set() -> CriteriaSet {
    load("public/criteria/minh-hoa-so-ban-nganh-2026.json")
}

/// A desk with one entry per name; entry i's key is "ban-i".
fn desk_of(names: &[&str], set: &CriteriaSet) -> Desk {
    let agencies: Vec<(String, &CriteriaSet)> =
        names.iter().map(|n| (n.to_string(), set)).collect();
    desk_with(&agencies)
}

/// A desk with one entry per agency, each on its own set; entry i's key is
/// "ban-i".
fn desk_with(agencies: &[(String, &CriteriaSet)]) -> Desk {
    let mut desk = Desk::default();
    for (i, (name, set)) in agencies.iter().enumerate() {
        let mut d = Draft::new(&format!("ban-{i}"), "2026-11-20T09:00:00");
        d.profile.name = name.clone();
        d.profile.year = "2026".into();
        let sub = export(&d, set, "2026-11-22T10:00:00", 1);
        desk.import(
            &format!("ho-so-{i}.json"),
            sub.to_json().as_bytes(),
            "2026-11-23T08:00:00",
        )
        .unwrap();
    }
    desk
}

fn names_on(desk: &Desk, page: &DeskListPage) -> Vec<String> {
    page.keys
        .iter()
        .map(|k| desk.entries[k].submission.agency.name.clone())
        .collect()
}

const NAMES: [&str; 6] = [
    "UBND phường Hà Đông",
    "Sở Tư pháp",
    "UBND xã Ánh Dương",
    "Sở Tài chính",
    "UBND xã Anh Sơn",
    "UBND phường Đống Đa",
];

#[test]
fn agencies_come_in_the_order_of_their_names_and_are_found_without_diacritics() {
    let set = set();
    let desk = desk_of(&NAMES, &set);
    let checks = desk.checks(|_| Some(&set));
    let all = desk.list(&DeskQuery::default(), &checks);
    assert_eq!(
        names_on(&desk, &all),
        [
            "Sở Tài chính",
            "Sở Tư pháp",
            "UBND phường Đống Đa",
            "UBND phường Hà Đông",
            "UBND xã Ánh Dương",
            "UBND xã Anh Sơn",
        ]
    );
    assert_eq!(
        (all.matching, all.total, all.span.page, all.span.pages),
        (6, 6, 0, 1)
    );
    let find = |text: &str| {
        let q = DeskQuery {
            text: text.into(),
            ..DeskQuery::default()
        };
        names_on(&desk, &desk.list(&q, &checks))
    };
    assert_eq!(find("ha dong"), ["UBND phường Hà Đông"]);
    assert_eq!(
        find("  DONG "),
        ["UBND phường Đống Đa", "UBND phường Hà Đông"]
    );
    assert_eq!(find("sở t"), ["Sở Tài chính", "Sở Tư pháp"]);
    // the file's name finds it too
    assert_eq!(find("ho-so-4"), ["UBND xã Anh Sơn"]);
    let none = desk.list(
        &DeskQuery {
            text: "Hà Giang".into(),
            ..DeskQuery::default()
        },
        &checks,
    );
    assert_eq!(
        (none.keys.len(), none.matching, none.total, none.span.pages),
        (0, 0, 6, 1)
    );
}

#[test]
fn the_list_narrows_to_a_status_or_to_the_agencies_with_a_warning() {
    let set = set();
    let mut desk = desk_of(&NAMES, &set);
    desk.entries.get_mut("ban-1").unwrap().status = ReviewStatus::DaChot;
    desk.entries.get_mut("ban-3").unwrap().status = ReviewStatus::DaChot;
    desk.entries.get_mut("ban-2").unwrap().status = ReviewStatus::DangThamDinh;
    let closed = DeskQuery {
        status: Some(ReviewStatus::DaChot),
        ..DeskQuery::default()
    };
    let checks = desk.checks(|_| Some(&set));
    assert_eq!(
        names_on(&desk, &desk.list(&closed, &checks)),
        ["Sở Tài chính", "Sở Tư pháp"]
    );
    assert!(closed.narrows() && !DeskQuery::default().narrows());

    // every check passes: nothing needs a look, until members disagree
    let look = DeskQuery {
        needs_look: true,
        ..DeskQuery::default()
    };
    assert_eq!(desk.list(&look, &checks).matching, 0);
    desk.entries.get_mut("ban-5").unwrap().conflicts.insert(
        "1.1.1".into(),
        ["Sở Tư pháp", "Sở Tài chính"]
            .map(|agency| AppraisalEvent {
                by: Member {
                    name: "Thành viên".into(),
                    agency: agency.into(),
                },
                at: "2026-11-24T09:00:00".into(),
                round: 1,
                appraisal: Appraisal {
                    score: "0,5".into(),
                    ..Appraisal::default()
                },
            })
            .to_vec(),
    );
    assert_eq!(
        names_on(&desk, &desk.list(&look, &checks)),
        ["UBND phường Đống Đa"]
    );
    // a set the reviewer has no official copy of is a warning too
    let unchecked = desk.checks(|_| None);
    assert_eq!(desk.list(&look, &unchecked).matching, 6);
    // so is an entry whose checks are missing
    assert_eq!(desk.list(&look, &BTreeMap::new()).matching, 6);
    // filters add up
    let both = DeskQuery {
        needs_look: true,
        status: Some(ReviewStatus::DaChot),
        ..DeskQuery::default()
    };
    assert_eq!(
        names_on(&desk, &desk.list(&both, &unchecked)),
        ["Sở Tài chính", "Sở Tư pháp"]
    );
}

#[test]
fn a_province_comes_a_page_at_a_time_and_every_agency_is_on_exactly_one_page() {
    let set = set();
    let names: Vec<String> = (1..=123)
        .map(|i| format!("UBND xã thử nghiệm số {i:03}"))
        .collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let desk = desk_of(&refs, &set);
    let checks: BTreeMap<String, Checks> = desk.checks(|_| Some(&set));
    for per_page in PAGE_SIZES {
        let first = desk.list(
            &DeskQuery {
                per_page,
                ..DeskQuery::default()
            },
            &checks,
        );
        let expected_pages = per_page.map_or(1, |n| 123usize.div_ceil(n));
        assert_eq!(first.span.pages, expected_pages, "{per_page:?}");
        let mut seen = Vec::new();
        for page in 0..first.span.pages {
            let p = desk.list(
                &DeskQuery {
                    per_page,
                    page,
                    ..DeskQuery::default()
                },
                &checks,
            );
            assert_eq!((p.span.page, p.matching, p.total), (page, 123, 123));
            assert_eq!(p.span.first, seen.len());
            assert!(per_page.is_none_or(|n| p.keys.len() <= n));
            seen.extend(names_on(&desk, &p));
        }
        assert_eq!(seen, names, "{per_page:?}: every agency once, in order");
    }
    // a page past the last shows the last (after a deletion, or a filter
    // that leaves fewer pages)
    let past = desk.list(
        &DeskQuery {
            page: 9,
            ..DeskQuery::default()
        },
        &checks,
    );
    assert_eq!(
        (
            past.span.page,
            past.span.pages,
            past.span.first,
            past.keys.len()
        ),
        (2, 3, 100, 23)
    );
    // an empty desk is one empty page
    let empty = Desk::default().list(&DeskQuery::default(), &checks);
    assert_eq!(
        (
            empty.keys.len(),
            empty.matching,
            empty.total,
            empty.span.page,
            empty.span.pages
        ),
        (0, 0, 0, 0, 1)
    );
}

#[test]
fn a_page_span_covers_every_row_once_and_clamps_to_the_last_page() {
    for total in [0usize, 1, 24, 25, 26, 49, 50, 51, 170, 190] {
        for per_page in PAGE_SIZES.into_iter().chain([Some(0), Some(1)]) {
            let rows: Vec<usize> = (0..total).collect();
            let pages = PageSpan::of(total, 0, per_page).pages;
            let mut seen = Vec::new();
            for page in 0..pages {
                let span = PageSpan::of(total, page, per_page);
                assert_eq!(
                    (span.page, span.pages, span.first),
                    (page, pages, seen.len())
                );
                assert_eq!(span.of_list(&rows).len(), span.len);
                seen.extend_from_slice(span.of_list(&rows));
            }
            assert_eq!(seen, rows, "{total} rows, {per_page:?} a page");
            assert_eq!(PageSpan::of(total, pages + 5, per_page).page, pages - 1);
        }
    }
    // a list shorter than the span asked for gives what it has
    assert_eq!(
        PageSpan::of(100, 1, Some(50)).of_list(&[1, 2, 3]),
        &[] as &[i32]
    );
}

/// A desk holding one agency on each of these sets.
fn desk_on(sets: &[&CriteriaSet]) -> Desk {
    let agencies: Vec<(String, &CriteriaSet)> = sets
        .iter()
        .enumerate()
        .map(|(i, set)| (format!("Cơ quan {i}"), *set))
        .collect();
    desk_with(&agencies)
}

#[test]
fn each_set_is_named_short_in_the_list_and_told_apart_where_two_would_read_the_same() {
    let departments = set();
    let communes = load("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json");
    let key = |s: &CriteriaSet| format!("{}@{}", s.id, s.version);
    let labels = desk_on(&[&departments, &communes, &communes]).set_labels();
    assert_eq!(
        labels,
        BTreeMap::from([
            (key(&departments), "Sở, ban, ngành 2026".to_string()),
            (key(&communes), "UBND xã, phường 2026".to_string()),
        ])
    );
    // a corrected version of the same set beside the first: their versions
    let mut corrected = departments.clone();
    corrected.version = "2026.2".into();
    let labels = desk_on(&[&departments, &corrected]).set_labels();
    assert_eq!(
        labels[&key(&departments)],
        format!("Sở, ban, ngành 2026 ({})", departments.version)
    );
    assert_eq!(labels[&key(&corrected)], "Sở, ban, ngành 2026 (2026.2)");
    // another province's set of the same kind, year and version: the keys
    let mut other = departments.clone();
    other.id = "tinh-khac-so-ban-nganh-2026".into();
    let labels = desk_on(&[&departments, &other]).set_labels();
    assert_eq!(
        labels[&key(&other)],
        format!("Sở, ban, ngành 2026 ({})", key(&other))
    );
    assert_ne!(labels[&key(&departments)], labels[&key(&other)]);
}

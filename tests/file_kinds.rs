//! A file picked in the wrong place is refused with its reason and where it
//! does open: every reader of a file people pass around, given each other
//! kind of file, names the page (and button) that takes it.
#![cfg(not(target_arch = "wasm32"))]

use cchc_tu_danh_gia::domain::appraisal::assignment::read_package;
use cchc_tu_danh_gia::domain::appraisal::council::read_part;
use cchc_tu_danh_gia::domain::appraisal::desk_storage::read_backup;
use cchc_tu_danh_gia::domain::appraisal::last_year_file::read_last_year;
use cchc_tu_danh_gia::domain::appraisal::recovery::open_draft_file;
use cchc_tu_danh_gia::domain::appraisal::submission::read_submission;
use cchc_tu_danh_gia::domain::assessment::review_file::read_review_file;
use cchc_tu_danh_gia::domain::base::file_kinds::*;
use cchc_tu_danh_gia::domain::load_criteria_set;
use cchc_tu_danh_gia::domain::Problem;

fn joined(p: Vec<Problem>) -> String {
    p.iter()
        .map(Problem::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Each place that opens a file: its own kind, and what it says of a file.
type Reader = fn(&[u8]) -> Option<String>;

fn readers() -> Vec<(&'static str, Reader)> {
    vec![
        (CRITERIA_SET_FORMAT, |b| {
            load_criteria_set(b).err().map(joined)
        }),
        (DRAFT_FORMAT, |b| {
            open_draft_file(std::str::from_utf8(b).unwrap(), "f", "2026-12-07T08:00:00")
                .err()
                .map(|e| e.reason)
        }),
        (SUBMISSION_FORMAT, |b| read_submission(b).err().map(joined)),
        (REVIEW_FORMAT, |b| read_review_file(b).err().map(joined)),
        (DESK_BACKUP_FORMAT, |b| {
            read_backup(std::str::from_utf8(b).unwrap()).err()
        }),
        (PART_FORMAT, |b| read_part(b).err().map(joined)),
        (PACKAGE_FORMAT, |b| read_package(b).err().map(joined)),
    ]
}

#[test]
fn a_file_of_another_kind_is_told_where_it_opens() {
    for (place, read) in readers() {
        for kind in EXCHANGED {
            // the drafts' page opens a sent submission too (the recovery)
            if kind == place || (place == DRAFT_FORMAT && kind == SUBMISSION_FORMAT) {
                continue;
            }
            let file = format!(r#"{{"format":"{kind}","format_version":1}}"#);
            let why = read(file.as_bytes()).unwrap_or_else(|| panic!("{place} took a {kind}"));
            let hint = where_it_opens(kind).unwrap();
            assert!(why.contains(hint), "{place} given a {kind}: {why}");
        }
    }
}

#[test]
fn a_file_of_its_own_kind_or_of_no_known_kind_gets_no_hint() {
    for (place, read) in readers() {
        // a broken file of the right kind: its own problem, no "open it elsewhere"
        let own = format!(r#"{{"format":"{place}","format_version":1}}"#);
        let unknown = r#"{"format":"bang-tinh-khac","format_version":1}"#;
        for file in [own.as_str(), unknown] {
            let why = read(file.as_bytes()).unwrap_or_default();
            assert!(!why.contains("Tệp này là"), "{place} given {file}: {why}");
        }
    }
}

#[test]
fn last_years_files_name_the_place_of_a_file_of_another_kind() {
    let file = format!(r#"{{"format":"{CRITERIA_SET_FORMAT}","format_version":1}}"#);
    let why = read_last_year(&[("bo.json".into(), file.into_bytes())], "2027").unwrap_err();
    assert!(
        why.contains(where_it_opens(CRITERIA_SET_FORMAT).unwrap()),
        "{why}"
    );
}

#[test]
fn the_hint_reads_as_one_sentence_after_the_reason() {
    let why =
        read_submission(format!(r#"{{"format":"{DRAFT_FORMAT}","format_version":1}}"#).as_bytes())
            .unwrap_err();
    assert_eq!(
        why[0].message,
        "tệp có định dạng «cchc-draft», không phải tệp nộp tự đánh giá «cchc-submission». \
         Tệp này là một bản tự đánh giá đang làm (chưa niêm phong): mở nó ở trang «Các bản», \
         nút «Mở bản từ tệp JSON». Tệp gửi Sở Nội vụ là tệp nộp, xuất ở trang «Bảng tổng hợp», \
         nút «Xuất tệp nộp (JSON)»"
    );
}

#[test]
fn a_pdf_an_office_file_or_an_image_is_named_not_misread_as_bad_text() {
    let files: [(&[u8], &str); 5] = [
        (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "tệp PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "«Soạn bộ tiêu chí»"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "(.xls, .doc)"),
        (b"\x89PNG\r\n\x1A\n", "ảnh"),
        (b"\xFF\xD8\xFF\xE0\x00\x10JFIF", "ảnh"),
    ];
    for (bytes, says) in files {
        for (place, read) in readers().into_iter().filter(|(p, _)| {
            // the two places that take text read the bytes in the page first
            *p != DRAFT_FORMAT && *p != DESK_BACKUP_FORMAT
        }) {
            let why = read(bytes).unwrap();
            assert!(
                why.contains(says) && !why.contains("UTF-8"),
                "{place}: {why}"
            );
        }
        assert!(binary_kind(bytes).unwrap().contains(says));
    }
    // JSON text is never taken for one of them
    assert_eq!(binary_kind(br#"{"format":"cchc-submission"}"#), None);
    assert_eq!(binary_kind(b"\xEF\xBB\xBF{}"), None);
}

//! Last year beside this year: last year's submission and appraisal result
//! read back on the agency's side, matched item by item with this year's
//! set, and shown in the Word report.

mod support;

use std::collections::BTreeMap;

use cchc_tu_danh_gia::domain::appraisal::last_year_file::read_last_year;
use cchc_tu_danh_gia::domain::appraisal::submission::export;
use cchc_tu_danh_gia::domain::assessment::last_year::{change_text, compare, LastYear, Match};
use cchc_tu_danh_gia::domain::assessment::report::self_assessment_report;
use cchc_tu_danh_gia::domain::assessment::review_file::{
    Appraisal, RequestKind, ReviewFile, ReviewStatus, REVIEW_FORMAT,
};
use cchc_tu_danh_gia::domain::assessment::stored::read_stored;
use cchc_tu_danh_gia::domain::{CriteriaSet, Draft};
use support::*;

/// Last year's set: the same items, another year, and item 1.1.2 judged
/// by other words (its rule changed); item 1.1.3 did not exist.
fn last_years_set(set: &CriteriaSet) -> CriteriaSet {
    let mut v = serde_json::to_value(set).unwrap();
    v["id"] = "minh-hoa-so-ban-nganh-2025".into();
    v["version"] = "2025.1".into();
    v["year"] = 2025.into();
    let items = v["fields"][0]["criteria"][0]["items"]
        .as_array_mut()
        .unwrap();
    assert_eq!(items[1]["code"], "1.1.2");
    items[1]["rule"]["yes_label"] = "Có kế hoạch".into();
    assert_eq!(items[2]["code"], "1.1.3");
    items[2]["code"] = "1.1.9".into();
    serde_json::from_value(v).unwrap()
}

fn last_years_files(
    set: &CriteriaSet,
    draft: &Draft,
    appraised: &[(&str, &str)],
) -> (Vec<(String, Vec<u8>)>, String) {
    let mut last = draft.clone();
    last.profile.year = "2025".into();
    let last_set = last_years_set(set);
    let sub = export(&last, &last_set, "2025-11-20T09:00:00", 1);
    let review = ReviewFile {
        format: REVIEW_FORMAT.into(),
        format_version: 1,
        draft_id: sub.draft_id.clone(),
        agency_name: sub.agency.name.clone(),
        round: 1,
        submission_digest: sub.digest.clone(),
        exported_at: "2025-12-20T09:00:00".into(),
        status: ReviewStatus::DaChot,
        items: appraised
            .iter()
            .map(|(code, score)| {
                let a = Appraisal {
                    score: score.to_string(),
                    comment: "Chưa đủ tài liệu".into(),
                    request: RequestKind::None,
                };
                (code.to_string(), a)
            })
            .collect::<BTreeMap<_, _>>(),
        appraised_total: sub.scores.total,
        appraised_index: None,
        appraised_class: None,
    };
    (
        vec![
            (sub.file_name(), sub.to_json().into_bytes()),
            ("ket-qua.json".into(), serde_json::to_vec(&review).unwrap()),
        ],
        sub.digest,
    )
}

#[test]
fn last_years_submission_and_result_are_compared_item_by_item() {
    let (set, mut draft) = sample_department_draft();
    let (files, _) = last_years_files(&set, &draft, &[("1.1.1", "0")]);
    let last = read_last_year(&files, "2026").expect("last year is read");
    assert_eq!(last.year, "2025");
    assert!(last.appraised_total.is_some());
    assert_eq!(last.items["1.1.1"].appraised, Some(d("0")));
    assert!(last.source.contains("kết quả thẩm định"), "{}", last.source);

    // this year the agency answers 1.2.1 "no", where last year it said yes
    let before = draft.score(&set).items["1.2.1"].points;
    assert_eq!(before, d("1"), "the sample answers 1.2.1 with full points");
    draft.edit("1.2.1", |r| r.choice = Some("no".into()));
    let report = draft.score(&set);
    let c = compare(&set, &report, &last);

    let row = |code: &str| c.items.iter().find(|r| r.code == code).unwrap();
    // appraised down to 0 last year, full points this year: +1 from the appraisal
    assert_eq!(row("1.1.1").last_appraised, Some(d("0")));
    assert_eq!(row("1.1.1").change, Some(d("1")));
    assert_eq!(row("1.1.1").matched, Match::Same);
    assert_eq!(row("1.2.1").change, Some(d("-1")));
    assert!(
        matches!(&row("1.1.2").matched, Match::RuleChanged(r) if r.contains("Có kế hoạch")),
        "{:?}",
        row("1.1.2").matched
    );
    assert_eq!(row("1.1.3").matched, Match::New);
    assert_eq!(row("1.1.3").change, None);
    assert_eq!(c.dropped.len(), 1);
    assert_eq!(c.dropped[0].0, "1.1.9");
    assert_eq!(c.biggest_drops(3)[0].code, "1.2.1");
    // the field's change is this year minus last year's appraised points
    let f1 = &c.fields[0];
    let last_f1 = &last.fields[0];
    assert_eq!(
        f1.change,
        Some(f1.now - last_f1.appraised_points.unwrap()),
        "{f1:?}"
    );
    assert_eq!(c.total_change, report.total - last.appraised_total.unwrap());
    assert_eq!(change_text(d("-0.25")), "−0,25");
    assert_eq!(change_text(d("1.5")), "+1,5");

    // kept in the draft, it survives storing
    draft.set_last_year_result(Some(&last));
    let text = serde_json::to_string(&draft).unwrap();
    let back = read_stored(&text, &draft.id).unwrap().draft;
    assert_eq!(back.last_year_result(), Some(last));
}

#[test]
fn a_result_alone_a_wrong_result_this_years_file_and_an_edited_file_are_refused() {
    let (set, draft) = sample_department_draft();
    let (files, _) = last_years_files(&set, &draft, &[]);
    let only_result = read_last_year(&files[1..], "2026").unwrap_err();
    assert!(only_result.contains("chọn cùng lúc"), "{only_result}");

    // a result that answers another submission
    let (other, _) = last_years_files(&set, &Draft::new("khac", "2025-01-01T00:00:00"), &[]);
    let mixed = vec![files[0].clone(), other[1].clone()];
    let e = read_last_year(&mixed, "2026").unwrap_err();
    assert!(e.contains("không trả lời"), "{e}");

    // the same year is not last year
    let e = read_last_year(&files, "2025").unwrap_err();
    assert!(e.contains("không phải của một năm trước"), "{e}");

    // an edit after export breaks the seal
    let edited =
        String::from_utf8(files[0].1.clone())
            .unwrap()
            .replacen("\"round\":1", "\"round\":2", 1);
    let e = read_last_year(&[(files[0].0.clone(), edited.into_bytes())], "2026").unwrap_err();
    assert!(e.contains("đã bị sửa"), "{e}");

    // not JSON at all
    let e = read_last_year(&[("x.json".into(), b"\xff{".to_vec())], "2026").unwrap_err();
    assert!(e.contains("x.json"), "{e}");

    // the submission alone is enough: self-scores only
    let last = read_last_year(&files[..1], "2026").unwrap();
    assert_eq!(last.appraised_total, None);
    assert!(last.basis().contains("tự chấm"));
}

#[test]
fn the_word_report_has_last_year_beside_sample_department_draft() {
    let (set, mut draft) = sample_department_draft();
    let mut last_draft = draft.clone();
    last_draft.profile.year = "2025".into();
    last_draft.edit("1.2.1", |r| r.choice = Some("no".into()));
    draft.set_last_year_result(Some(&LastYear::of(
        &last_years_set(&set),
        &last_draft,
        None,
        "bản năm 2025",
    )));
    let report = draft.score(&set);
    let doc = self_assessment_report(&set, &draft, &report, "2026-11-25");
    let text = doc.document_xml();
    assert!(text.contains("So sánh với năm 2025"), "{text}");
    assert!(
        text.contains("Cách chấm đã thay đổi so với năm 2025"),
        "{text}"
    );
    assert!(text.contains("1.1.2"), "{text}");
    // without last year, no such part
    draft.set_last_year_result(None);
    let text = self_assessment_report(&set, &draft, &report, "2026-11-25").document_xml();
    assert!(!text.contains("So sánh với năm"));
}

#[test]
fn a_rule_is_compared_as_the_set_writes_it_not_in_the_interface_language() {
    use cchc_tu_danh_gia::domain::base::i18n::{set_lang, Lang};
    let (set, draft) = sample_department_draft();
    let mut last_draft = draft.clone();
    last_draft.profile.year = "2025".into();
    // taken in Vietnamese, compared after switching to English
    let last = LastYear::of(&last_years_set(&set), &last_draft, None, "2025");
    set_lang(Lang::En);
    let c = compare(&set, &draft.score(&set), &last);
    set_lang(Lang::Vi);
    assert_eq!(c.rule_changes(), 1, "only 1.1.2 changed its rule");
    let changed: Vec<_> = c
        .items
        .iter()
        .filter(|r| matches!(r.matched, Match::RuleChanged(_)))
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(changed, ["1.1.2"]);
}

//! The Word report (báo cáo tự đánh giá): a .docx that real readers open,
//! with the heading, every field and item, the documents cited, the
//! explanations, the difficulties and proposals and the signatures; and the
//! council's result notice (thông báo kết quả thẩm định) in Word.

mod support;

use std::io::Read;

use cchc_tu_danh_gia::domain::appraisal::notice::{
    notice_document, notice_file_name, NoticeField, NoticeItem, ResultNotice,
};
use cchc_tu_danh_gia::domain::assessment::report::{report_file_name, self_assessment_report};
use cchc_tu_danh_gia::domain::assessment::review_file::{RequestKind, ReviewStatus};
use cchc_tu_danh_gia::domain::{Dec, Draft};
use support::*;

/// Every entry of the archive by name, read with the `zip` crate.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid ZIP");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).expect("UTF-8 XML");
            (f.name().unwrap().to_string(), s)
        })
        .collect()
}

/// The text of the document (every w:t), after checking the XML is well
/// formed; paragraphs end with a newline.
fn text_of(xml: &str) -> String {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut depth = 0i32;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                depth += 1;
                let _ = e;
            }
            Event::End(e) => {
                depth -= 1;
                if e.name().as_ref() == "w:p" {
                    out.push('\n');
                }
            }
            Event::Text(t) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let name = r.into_inner().to_string();
                out.push(match name.as_str() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    other => panic!("unexpected entity {other}"),
                });
            }
            Event::Empty(e) if e.name().as_ref() == "w:br" => out.push('\n'),
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "every element closed");
    out
}

#[test]
fn the_word_report_holds_the_heading_scores_evidence_explanations_and_remarks() {
    let (set, mut draft) = sample_department_draft();
    draft.profile.parent_agency = "UBND tỉnh Minh Họa".into();
    draft.profile.doc_number = "125/BC-SNV".into();
    draft.difficulties = "Thiếu nhân lực <CNTT> & kinh phí\u{1}.\nPhần mềm chưa liên thông.".into();
    draft.proposals = "Đề nghị tập huấn \"chuyển đổi số\".".into();
    // a scored item with an explanation and no document
    let unit = set
        .scored_units()
        .find(|u| draft.response(u.code).has_evidence())
        .expect("an item with evidence")
        .code
        .to_string();
    let cited = draft.response(&unit).evidence[0].number.clone();
    let explained = set
        .scored_units()
        .find(|u| {
            u.code != unit
                && draft
                    .score(&set)
                    .items
                    .get(u.code)
                    .is_some_and(|s| !s.points.is_zero())
        })
        .unwrap()
        .code
        .to_string();
    draft.edit(&explained, |r| {
        r.evidence.clear();
        r.explanation = "Văn bản đang trình ký, sẽ bổ sung.".into();
    });
    let report = draft.score(&set);
    let bytes = self_assessment_report(&set, &draft, &report, "2026-12-05").to_docx();

    let files = unzip(&bytes);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/document.xml"
        ]
    );
    for (name, xml) in &files {
        text_of(xml);
        assert!(xml.starts_with("<?xml"), "{name}");
    }
    let text = text_of(&files[4].1);
    let name_upper = draft.profile.name.to_uppercase();
    for expected in [
        "UBND TỈNH MINH HỌA",
        name_upper.as_str(),
        "Số: 125/BC-SNV",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Minh Họa, ngày 05 tháng 12 năm 2026",
        "BÁO CÁO",
        "I. KẾT QUẢ TỰ ĐÁNH GIÁ",
        "II. BẢNG ĐIỂM CHI TIẾT VÀ TÀI LIỆU KIỂM CHỨNG",
        "III. GIẢI TRÌNH",
        "Văn bản đang trình ký, sẽ bổ sung.",
        "IV. KHÓ KHĂN, VƯỚNG MẮC",
        "Thiếu nhân lực <CNTT> & kinh phí.",
        "Phần mềm chưa liên thông.",
        "Đề nghị tập huấn \"chuyển đổi số\".",
        "NGƯỜI LẬP BIỂU",
        draft.profile.focal_name.as_str(),
        "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ",
        cited.as_str(),
        &report.total.shown(),
    ] {
        assert!(
            text.contains(expected),
            "the report lacks «{expected}»:\n{text}"
        );
    }
    for f in &set.fields {
        assert!(
            text.contains(&format!("{}. {}", f.code, f.title)),
            "field {}",
            f.code
        );
    }
    for u in set.scored_units() {
        assert!(
            text.lines().any(|l| l == u.code),
            "item {} has its row",
            u.code
        );
    }
    // the explanation is in part III with the item's code
    let part3 = &text[text.find("III. GIẢI TRÌNH").unwrap()..text.find("IV. KHÓ KHĂN").unwrap()];
    assert!(part3.contains(&explained), "{part3}");
    assert_eq!(
        report_file_name(&draft, "2026-12-05").ends_with("-2026-12-05.docx"),
        true
    );
}

#[test]
fn an_unfinished_draft_is_marked_and_an_empty_one_still_makes_a_valid_file() {
    let (set, _) = sample_department_draft();
    let draft = Draft::default();
    let report = draft.score(&set);
    let text = text_of(
        &unzip(&self_assessment_report(&set, &draft, &report, "2026-12-05").to_docx())[4].1,
    );
    assert!(text.contains("DỰ THẢO"), "{text}");
    assert!(text.contains("(chưa nhập tên cơ quan)"));
    assert!(
        text.contains("Số:       /BC-"),
        "room to write the number by hand"
    );
    assert!(
        !text.contains("UBND TỈNH"),
        "no parent line when none is given"
    );
}

fn notice_item(
    code: &str,
    self_points: i64,
    appraised: i64,
    request: RequestKind,
    comment: &str,
) -> NoticeItem {
    NoticeItem {
        code: code.into(),
        title: format!("Nội dung {code}"),
        max: Dec::from_int(2),
        self_points: Dec::from_int(self_points),
        appraised: Dec::from_int(appraised),
        self_reason: "Ban hành kế hoạch đúng hạn → 2 điểm".into(),
        comment: comment.into(),
        request,
    }
}

#[test]
fn the_result_notice_in_word_holds_the_totals_changes_requests_and_the_chair() {
    let changed = notice_item(
        "2.1.1",
        2,
        0,
        RequestKind::BoSungTaiLieu,
        "Không có <tài liệu> & số hiệu",
    );
    let asked = notice_item("6.1.1", 2, 2, RequestKind::GiaiTrinh, "Giải trình thêm");
    let mut n = ResultNotice {
        agency: "UBND xã Tân Lập".into(),
        province: "Minh Họa".into(),
        set_title: "Bộ tiêu chí cấp xã 2026".into(),
        year: 2026,
        round: 2,
        status: ReviewStatus::DaChot,
        fields: vec![NoticeField {
            code: "2".into(),
            title: "Cải cách thể chế".into(),
            applicable_max: Dec::from_int(10),
            self_points: Dec::from_int(9),
            appraised: Dec::from_int(7),
        }],
        applicable_max: Dec::from_int(10),
        self_total: Dec::from_int(9),
        self_index: Some(Dec::from_int(90)),
        self_class: Some("Tốt".into()),
        appraised_total: Dec::from_int(7),
        appraised_index: Some(Dec::from_int(70)),
        appraised_class: Some("Khá".into()),
        survey: Some((Dec::from_int(8), Dec::from_int(10))),
        final_index: Some(Dec::from_int(75)),
        final_class: Some("Khá".into()),
        changed: vec![changed.clone()],
        requests: vec![changed, asked],
        undecided: 0,
    };
    assert_eq!(
        notice_file_name(&n, "2026-12-05"),
        "thong-bao-ket-qua-tham-dinh-ubnd-xa-tan-lap-2026-12-05.docx"
    );
    let read = |n: &ResultNotice| {
        let parts = unzip(&notice_document(n, "Nguyễn Văn A", "2026-12-05").to_docx());
        let xml = &parts
            .iter()
            .find(|(p, _)| p == "word/document.xml")
            .unwrap()
            .1;
        text_of(xml)
    };
    let text = read(&n);
    for expected in [
        "UBND TỈNH MINH HỌA",
        "HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC",
        "Minh Họa, ngày 05 tháng 12 năm 2026",
        "Kết quả thẩm định Chỉ số cải cách hành chính năm 2026",
        "Kính gửi: UBND xã Tân Lập",
        "(lần nộp 2) của UBND xã Tân Lập, theo bộ tiêu chí «Bộ tiêu chí cấp xã 2026»",
        "2. Cải cách thể chế",
        "Điểm điều tra xã hội học",
        "Tổng điểm (gồm điểm điều tra xã hội học)",
        "Sau thẩm định: chỉ số 75,00%, xếp loại Khá.",
        "II. CÁC NỘI DUNG CÓ ĐIỂM THẨM ĐỊNH KHÁC ĐIỂM TỰ ĐÁNH GIÁ (1)",
        "Không có <tài liệu> & số hiệu",
        "Ban hành kế hoạch đúng hạn → 2 điểm",
        "III. CÁC NỘI DUNG HỘI ĐỒNG ĐỀ NGHỊ GIẢI TRÌNH, BỔ SUNG TÀI LIỆU (2)",
        "Giải trình thêm",
        "TM. HỘI ĐỒNG THẨM ĐỊNH",
        "Nguyễn Văn A",
    ] {
        assert!(text.contains(expected), "missing «{expected}» in:\n{text}");
    }
    assert!(!text.contains("DỰ THẢO"), "a closed record is not a draft");
    // members still disagreeing: marked as a draft, like the printed one
    n.undecided = 1;
    assert!(n.is_draft());
    assert!(read(&n).contains("DỰ THẢO"));
}

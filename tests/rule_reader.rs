//! The scoring-text reader over a corpus of real-style phrasings, each with
//! the rule it must give (written as the app prints that rule) or "cần xem
//! lại"; and the round trip text → rule → text → rule for every rule kind.

mod support;

use cchc_tu_danh_gia::domain::authoring::rule_reader::{read_rule, Part};
use cchc_tu_danh_gia::domain::criteria::rule_text::rule_line;
use cchc_tu_danh_gia::domain::*;
use proptest::prelude::*;
use support::{d, without_ids};

/// (scoring text, item maximum, part, expected: "kind: rule as printed" or "REVIEW")
const CORPUS: &[(&str, &str, Part, &str)] = &[
    // levels
    ("Ban hành kịp thời: 1; Ban hành không kịp thời: 0,5; Không ban hành: 0", "1", Part::Main,
     "levels: Ban hành kịp thời: 1 điểm; Ban hành không kịp thời: 0,5 điểm; Không ban hành: 0 điểm"),
    ("- Ban hành kịp thời: 1 điểm\n- Ban hành không kịp thời: 0,5 điểm\n- Không ban hành: 0 điểm", "1", Part::Main,
     "levels: Ban hành kịp thời: 1 điểm; Ban hành không kịp thời: 0,5 điểm; Không ban hành: 0 điểm"),
    ("Hoàn thành đúng hạn: 2 điểm; Hoàn thành chậm dưới 15 ngày: 1 điểm; Không hoàn thành: 0", "2", Part::Main,
     "levels: Hoàn thành đúng hạn: 2 điểm; Hoàn thành chậm dưới 15 ngày: 1 điểm; Không hoàn thành: 0 điểm"),
    ("Đầy đủ, đúng hạn = 1; Đầy đủ nhưng chậm = 0,5; Không đầy đủ = 0", "1", Part::Main,
     "levels: Đầy đủ, đúng hạn: 1 điểm; Đầy đủ nhưng chậm: 0,5 điểm; Không đầy đủ: 0 điểm"),
    ("Tổ chức thực hiện tốt (1 điểm); Thực hiện chưa tốt (0,5 điểm); Không thực hiện (0 điểm)", "1", Part::Main,
     "levels: Tổ chức thực hiện tốt: 1 điểm; Thực hiện chưa tốt: 0,5 điểm; Không thực hiện: 0 điểm"),
    ("Xếp loại Tốt: 1,5; Khá: 1; Trung bình: 0,5; Yếu: 0", "1.5", Part::Main,
     "levels: Xếp loại Tốt: 1,5 điểm; Khá: 1 điểm; Trung bình: 0,5 điểm; Yếu: 0 điểm"),
    ("Thực hiện đầy đủ được 1 điểm; Thực hiện chưa đầy đủ được 0,5 điểm; Không thực hiện được 0 điểm", "1", Part::Main,
     "levels: Thực hiện đầy đủ: 1 điểm; Thực hiện chưa đầy đủ: 0,5 điểm; Không thực hiện: 0 điểm"),
    ("Ban hành trước ngày 15/12: 1; Ban hành sau ngày 15/12: 0,5; Không ban hành: 0", "1", Part::Main,
     "levels: Ban hành trước ngày 15/12: 1 điểm; Ban hành sau ngày 15/12: 0,5 điểm; Không ban hành: 0 điểm"),
    ("Cập nhật thường xuyên: 0,5 điểm; Có cập nhật nhưng không thường xuyên: 0,25 điểm; Không cập nhật: 0 điểm", "0.5", Part::Main,
     "levels: Cập nhật thường xuyên: 0,5 điểm; Có cập nhật nhưng không thường xuyên: 0,25 điểm; Không cập nhật: 0 điểm"),
    ("Mức độ 4: 2; Mức độ 3: 1; Dưới mức độ 3: 0", "2", Part::Main,
     "levels: Mức độ 4: 2 điểm; Mức độ 3: 1 điểm; Dưới mức độ 3: 0 điểm"),
    // yes / no
    ("Đạt yêu cầu: 1 điểm; Không đạt: 0", "1", Part::Main, "yes_no: Đạt yêu cầu: 1 điểm; Không đạt: 0 điểm"),
    ("Đạt yêu cầu: 1; Không đạt yêu cầu: 0", "1", Part::Main, "yes_no: Đạt yêu cầu: 1 điểm; Không đạt yêu cầu: 0 điểm"),
    ("Có: 1; Không: 0", "1", Part::Main, "yes_no: Có: 1 điểm; Không: 0 điểm"),
    ("Có ban hành: 0,5; Không ban hành: 0", "0.5", Part::Main, "yes_no: Có ban hành: 0,5 điểm; Không ban hành: 0 điểm"),
    ("Thực hiện: 2 điểm\nKhông thực hiện: 0 điểm", "2", Part::Main, "yes_no: Thực hiện: 2 điểm; Không thực hiện: 0 điểm"),
    ("Đúng quy định: 1; Không đúng quy định: 0.", "1", Part::Main, "yes_no: Đúng quy định: 1 điểm; Không đúng quy định: 0 điểm"),
    ("Báo cáo đủ và đúng hạn: 1; Không đủ hoặc không đúng hạn: 0", "1", Part::Main,
     "yes_no: Báo cáo đủ và đúng hạn: 1 điểm; Không đủ hoặc không đúng hạn: 0 điểm"),
    ("Có kiểm tra: 1đ; Không kiểm tra: 0đ", "1", Part::Main, "yes_no: Có kiểm tra: 1 điểm; Không kiểm tra: 0 điểm"),
    // percentage bands
    ("Hoàn thành 100% kế hoạch: 1; từ 80% đến dưới 100%: 0,5; dưới 80%: 0", "1", Part::Main,
     "percent_bands: 100%: 1 điểm; Từ 80% đến dưới 100%: 0,5 điểm; Dưới 80%: 0 điểm"),
    ("Thực hiện trên 90% kế hoạch: 2; từ 70% - 90%: 1; dưới 70%: 0", "2", Part::Main,
     "percent_bands: Trên 90%: 2 điểm; Từ 70% đến 90%: 1 điểm; Dưới 70%: 0 điểm"),
    ("Đạt 100%: 2 điểm; Từ 90% đến dưới 100%: 1 điểm; Dưới 90%: 0 điểm", "2", Part::Main,
     "percent_bands: 100%: 2 điểm; Từ 90% đến dưới 100%: 1 điểm; Dưới 90%: 0 điểm"),
    ("Từ 95% trở lên: 1; Từ 85% đến dưới 95%: 0,5; Dưới 85%: 0", "1", Part::Main,
     "percent_bands: Từ 95% trở lên: 1 điểm; Từ 85% đến dưới 95%: 0,5 điểm; Dưới 85%: 0 điểm"),
    ("≥ 90%: 1; từ 70% đến dưới 90%: 0,5; < 70%: 0", "1", Part::Main,
     "percent_bands: Từ 90% trở lên: 1 điểm; Từ 70% đến dưới 90%: 0,5 điểm; Dưới 70%: 0 điểm"),
    ("Tỷ lệ hồ sơ trực tuyến trên 80%: 2; từ 50% đến 80%: 1; dưới 50%: 0", "2", Part::Main,
     "percent_bands: Trên 80%: 2 điểm; Từ 50% đến 80%: 1 điểm; Dưới 50%: 0 điểm"),
    ("100% hồ sơ đúng hạn: 3 điểm; Từ 95% đến dưới 100%: 2 điểm; Từ 90% đến dưới 95%: 1 điểm; Dưới 90%: 0 điểm", "3", Part::Main,
     "percent_bands: 100%: 3 điểm; Từ 95% đến dưới 100%: 2 điểm; Từ 90% đến dưới 95%: 1 điểm; Dưới 90%: 0 điểm"),
    ("Giải ngân từ 95% kế hoạch trở lên: 2; từ 80% đến dưới 95%: 1; dưới 80%: 0", "2", Part::Main,
     "percent_bands: Từ 95% trở lên: 2 điểm; Từ 80% đến dưới 95%: 1 điểm; Dưới 80%: 0 điểm"),
    ("Đạt 100%: 1; Từ 50% đến dưới 100%: 0,5; Dưới 50%: 0", "1", Part::Main,
     "percent_bands: 100%: 1 điểm; Từ 50% đến dưới 100%: 0,5 điểm; Dưới 50%: 0 điểm"),
    ("Trên 70%: 1; Từ 50% đến 70%: 0,5; Dưới 50%: 0", "1", Part::Main,
     "percent_bands: Trên 70%: 1 điểm; Từ 50% đến 70%: 0,5 điểm; Dưới 50%: 0 điểm"),
    ("Không quá 5%: 1; Trên 5%: 0", "1", Part::Main, "percent_bands: Không quá 5%: 1 điểm; Trên 5%: 0 điểm"),
    ("Tỷ lệ từ 90-100%: 2; từ 70% đến dưới 90%: 1; dưới 70%: 0", "2", Part::Main,
     "percent_bands: Từ 90% đến 100%: 2 điểm; Từ 70% đến dưới 90%: 1 điểm; Dưới 70%: 0 điểm"),
    // ratio × maximum
    ("Điểm đánh giá = Tỷ lệ % × điểm tối đa", "2", Part::Main,
     "ratio: Điểm = Tỷ lệ (tử số ÷ mẫu số) × 2 điểm, tối đa 2 điểm. Mẫu số bằng 0: tiêu chí không áp dụng."),
    ("Điểm = Tỷ lệ (số phản ánh xử lý đúng hạn ÷ tổng số phản ánh) x điểm tối đa", "1", Part::Main,
     "ratio: Điểm = Tỷ lệ (số phản ánh xử lý đúng hạn ÷ tổng số phản ánh) × 1 điểm, tối đa 1 điểm. Mẫu số bằng 0: tiêu chí không áp dụng."),
    ("Điểm đạt được = tỷ lệ hồ sơ đúng hạn * số điểm tối đa. Mẫu số bằng 0: đạt điểm tối đa", "3", Part::Main,
     "ratio: Điểm = Tỷ lệ (tử số ÷ mẫu số) × 3 điểm, tối đa 3 điểm. Mẫu số bằng 0: đạt điểm tối đa."),
    ("Tỷ lệ văn bản được kiểm tra × điểm tối đa; không phát sinh văn bản thì đạt điểm tối đa", "2", Part::Main,
     "ratio: Điểm = Tỷ lệ (tử số ÷ mẫu số) × 2 điểm, tối đa 2 điểm. Mẫu số bằng 0: đạt điểm tối đa."),
    ("Điểm = tỷ lệ % nhân điểm tối đa", "1.5", Part::Main,
     "ratio: Điểm = Tỷ lệ (tử số ÷ mẫu số) × 1,5 điểm, tối đa 1,5 điểm. Mẫu số bằng 0: tiêu chí không áp dụng."),
    // counts
    ("Từ 3 cuộc trở lên: 1; 1-2 cuộc: 0,5; không có: 0", "1", Part::Main,
     "count_bands: Từ 3 cuộc trở lên: 1 điểm; Từ 1 cuộc đến 2 cuộc: 0,5 điểm; 0 cuộc: 0 điểm"),
    ("Từ 2 văn bản trở lên: 1; 1 văn bản: 0,5; Không có: 0", "1", Part::Main,
     "count_bands: Từ 2 văn bản trở lên: 1 điểm; 1 văn bản: 0,5 điểm; 0 văn bản: 0 điểm"),
    ("Tổ chức từ 4 lớp trở lên: 2; từ 2 đến 3 lớp: 1; dưới 2 lớp: 0", "2", Part::Main,
     "count_bands: Từ 4 lớp trở lên: 2 điểm; Từ 2 lớp đến 3 lớp: 1 điểm; Dưới 2 lớp: 0 điểm"),
    ("Trên 5 sáng kiến: 1; từ 1 đến 5 sáng kiến: 0,5; không có sáng kiến: 0", "1", Part::Main,
     "count_bands: Trên 5 sáng kiến: 1 điểm; Từ 1 sáng kiến đến 5 sáng kiến: 0,5 điểm; 0 sáng kiến: 0 điểm"),
    ("0 vụ việc: 1; 1 vụ việc: 0,5; từ 2 vụ việc trở lên: 0", "1", Part::Main,
     "count_bands: 0 vụ việc: 1 điểm; 1 vụ việc: 0,5 điểm; Từ 2 vụ việc trở lên: 0 điểm"),
    ("Không có: 0; Có 1 mô hình: 0,5; Từ 2 mô hình trở lên: 1", "1", Part::Main,
     "count_bands: 0 mô hình: 0 điểm; 1 mô hình: 0,5 điểm; Từ 2 mô hình trở lên: 1 điểm"),
    // direct
    ("Chấm thẳng từ 0 đến 2 điểm, mỗi bước 0,25 điểm", "2", Part::Main,
     "direct: Chấm thẳng từ 0 đến 2 điểm, mỗi bước 0,25 điểm"),
    ("Hội đồng chấm thẳng, bước chấm 0,5", "3", Part::Main, "direct: Chấm thẳng từ 0 đến 3 điểm, mỗi bước 0,5 điểm"),
    ("Tùy mức độ thực hiện để chấm điểm", "2", Part::Main, "REVIEW"),
    ("Căn cứ mức độ hoàn thành, chấm từ 0 đến tối đa", "1", Part::Main, "REVIEW"),
    // deductions
    ("Có vi phạm: trừ 50% số điểm", "0", Part::Main, "deduction: Trừ điểm của tiêu chí — Có vi phạm: trừ 50% điểm tiêu chí. Điểm tiêu chí không thấp hơn 0"),
    ("Không vi phạm: 0; Có vi phạm nhẹ: trừ 0,5 điểm; Vi phạm nghiêm trọng: trừ toàn bộ điểm", "0", Part::Main,
     "deduction: Trừ điểm của tiêu chí — Không vi phạm: không trừ; Có vi phạm nhẹ: trừ 0,5 điểm; Vi phạm nghiêm trọng: trừ toàn bộ điểm tiêu chí. Điểm tiêu chí không thấp hơn 0"),
    ("Bị cơ quan có thẩm quyền nhắc nhở: trừ 0,25 điểm; Bị phê bình: trừ 0,5 điểm", "0", Part::Main,
     "deduction: Trừ điểm của tiêu chí — Bị cơ quan có thẩm quyền nhắc nhở: trừ 0,25 điểm; Bị phê bình: trừ 0,5 điểm. Điểm tiêu chí không thấp hơn 0"),
    ("Có cán bộ bị kỷ luật thì trừ 1 điểm", "0", Part::Main,
     "deduction: Trừ điểm của tiêu chí — Có cán bộ bị kỷ luật: trừ 1 điểm. Điểm tiêu chí không thấp hơn 0"),
    ("Có vi phạm: 0,5; Không vi phạm: 0", "0", Part::Deduction, "REVIEW"),
    ("Có vi phạm nhẹ: trừ 50% điểm; vi phạm nghiêm trọng: 0", "0", Part::Main, "deduction: Trừ điểm của tiêu chí — Có vi phạm nhẹ: trừ 50% điểm tiêu chí; vi phạm nghiêm trọng: không trừ. Điểm tiêu chí không thấp hơn 0"),
    // bonus
    ("Điểm thưởng: Xuất sắc: 2; Tốt: 1,5; Hoàn thành: 1", "2", Part::Main,
     "bonus: Điểm thưởng — Điểm thưởng: Xuất sắc: 2 điểm; Tốt: 1,5 điểm; Hoàn thành: 1 điểm"),
    ("Xuất sắc: 2; Tốt: 1,5; Hoàn thành: 1", "2", Part::Bonus,
     "bonus: Điểm thưởng — Xuất sắc: 2 điểm; Tốt: 1,5 điểm; Hoàn thành: 1 điểm"),
    ("Có sáng kiến được công nhận: 1; Không có: 0", "1", Part::Bonus,
     "bonus: Điểm thưởng — Có sáng kiến được công nhận: 1 điểm; Không có: 0 điểm"),
    ("Được khen thưởng cấp tỉnh: 0,5 điểm; cấp bộ trở lên: 1 điểm", "1", Part::Bonus,
     "bonus: Điểm thưởng — Được khen thưởng cấp tỉnh: 0,5 điểm; cấp bộ trở lên: 1 điểm"),
    // survey
    ("Đánh giá qua điều tra xã hội học", "2", Part::Main, "survey: Chấm qua điều tra xã hội học (tối đa 2 điểm); cơ quan không tự chấm"),
    ("Điểm ĐTXHH do Sở Nội vụ tổng hợp", "5", Part::Main, "survey: Chấm qua điều tra xã hội học (tối đa 5 điểm); cơ quan không tự chấm"),
    ("Qua khảo sát sự hài lòng của người dân", "3", Part::Main, "survey: Chấm qua điều tra xã hội học (tối đa 3 điểm); cơ quan không tự chấm"),
    // what must go to a person
    ("", "1", Part::Main, "REVIEW"),
    ("Mỗi văn bản ban hành chậm trừ 0,25 điểm, tối đa trừ 1 điểm", "1", Part::Main, "REVIEW"),
    ("Theo hướng dẫn của Bộ Nội vụ", "1", Part::Main, "REVIEW"),
    ("Ban hành đúng hạn: 1 điểm", "1", Part::Main, "REVIEW"),
    ("Tốt: 0,75; Khá: 0,5; Trung bình: 0,25", "1", Part::Main, "REVIEW"),
    ("Đạt: 2; Không đạt: 0", "1", Part::Main, "REVIEW"),
    ("Hoàn thành: 1; từ 50%: 0,5", "1", Part::Main, "REVIEW"),
    ("Trên 90%: 1; dưới 80%: 0", "1", Part::Main, "REVIEW"),
    ("Xuất sắc = điểm tối đa; tốt = 75% điểm tối đa", "2", Part::Bonus, "REVIEW"),
    ("Từ 80% đến 100%: 1; 100%: 2; dưới 80%: 0", "2", Part::Main, "REVIEW"),
];

fn expected_of(reading_rule: &Rule, max: Dec) -> String {
    format!("{}: {}", reading_rule.kind(), rule_line(reading_rule, max))
}

#[test]
fn the_corpus_reads_as_expected() {
    assert!(CORPUS.len() >= 60, "{} phrasings", CORPUS.len());
    let mut wrong = Vec::new();
    for (text, max, part, expected) in CORPUS {
        let max = d(max);
        let r = read_rule(text, max, *part);
        let got = match (&r.rule, &r.review) {
            (Some(rule), None) => expected_of(rule, max),
            (_, Some(_)) => "REVIEW".to_string(),
            (None, None) => "NOTHING".to_string(),
        };
        if got != *expected {
            wrong.push(format!(
                "{text:?}\n   want {expected}\n   got  {got} {:?}",
                r.review
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} wrong:\n{}",
        wrong.len(),
        CORPUS.len(),
        wrong.join("\n")
    );
}

#[test]
fn a_review_says_why_and_keeps_the_suggestion() {
    let r = read_rule("Tùy mức độ thực hiện để chấm điểm", d("2"), Part::Main);
    assert!(r.review.as_deref().unwrap().contains("bước"));
    assert_eq!(r.rule, Some(Rule::Direct { step: d("0.25") }));
    let r = read_rule("Theo hướng dẫn của Bộ Nội vụ", d("1"), Part::Main);
    assert!(r.rule.is_none());
    assert!(r.review.unwrap().contains("Theo hướng dẫn"));
}

// ---- round trip: text → rule → text → rule, every rule kind ----

fn label() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Ban hành kịp thời",
        "Không kịp thời",
        "Không ban hành",
        "Đạt yêu cầu",
        "Không đạt",
        "Thực hiện tốt",
        "Chưa tốt",
        "Xuất sắc",
        "Hoàn thành",
        "Có vi phạm",
        "Vi phạm nhẹ",
    ])
    .prop_map(str::to_string)
}

fn points(max_h: i64) -> impl Strategy<Value = Dec> {
    (0..=max_h / 25).prop_map(|k| Dec::from_hundredths(k * 25))
}

fn unique_labels(n: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::btree_set(label(), n..=n).prop_map(|s| s.into_iter().collect())
}

fn arb_rule() -> impl Strategy<Value = (Rule, Dec)> {
    let max = (1i64..=12).prop_map(|k| Dec::from_hundredths(k * 25));
    max.prop_flat_map(|max| {
        let m = max.hundredths();
        prop_oneof![
            (unique_labels(3), points(m), points(m)).prop_map(move |(l, a, b)| (
                Rule::Levels {
                    options: vec![
                        LevelOption {
                            id: "a".into(),
                            label: l[0].clone(),
                            label_en: None,
                            points: max
                        },
                        LevelOption {
                            id: "b".into(),
                            label: l[1].clone(),
                            label_en: None,
                            points: a.min(max)
                        },
                        LevelOption {
                            id: "c".into(),
                            label: l[2].clone(),
                            label_en: None,
                            points: b.min(max)
                        },
                    ]
                },
                max
            )),
            Just((
                Rule::YesNo {
                    yes_label: None,
                    no_label: None,
                    yes_points: None,
                    no_points: None
                },
                max
            )),
            (10i64..=95).prop_map(move |cut| (
                Rule::PercentBands {
                    input: PercentInput::Percent,
                    numerator_label: None,
                    denominator_label: None,
                    zero_denominator: ZeroDenominator::NotApplicable,
                    bands: vec![
                        ScoreBand {
                            min: Some(Dec::from_int(cut)),
                            min_inclusive: true,
                            max: None,
                            max_inclusive: false,
                            points: max
                        },
                        ScoreBand {
                            min: None,
                            min_inclusive: true,
                            max: Some(Dec::from_int(cut)),
                            max_inclusive: false,
                            points: Dec::ZERO
                        },
                    ],
                },
                max
            )),
            prop::bool::ANY.prop_map(move |full| (
                Rule::Ratio {
                    numerator_label: None,
                    denominator_label: None,
                    zero_denominator: if full {
                        ZeroDenominator::FullPoints
                    } else {
                        ZeroDenominator::NotApplicable
                    }
                },
                max
            )),
            (2i64..=6).prop_map(move |k| (
                Rule::CountBands {
                    unit: Some("cuộc".into()),
                    bands: vec![
                        ScoreBand {
                            min: Some(Dec::from_int(k)),
                            min_inclusive: true,
                            max: None,
                            max_inclusive: false,
                            points: max
                        },
                        ScoreBand {
                            min: None,
                            min_inclusive: true,
                            max: Some(Dec::from_int(k)),
                            max_inclusive: false,
                            points: Dec::ZERO
                        },
                    ]
                },
                max
            )),
            Just((
                Rule::Direct {
                    step: Dec::from_hundredths(25)
                },
                max
            )),
            (label(), 1i64..=100).prop_map(|(l, p)| (
                Rule::Deduction {
                    options: vec![DeductionOption {
                        id: "a".into(),
                        label: l,
                        label_en: None,
                        points: None,
                        percent: Some(Dec::from_int(p))
                    }]
                },
                Dec::ZERO
            )),
            (unique_labels(2), points(m)).prop_map(move |(l, p)| (
                Rule::Bonus {
                    options: vec![
                        LevelOption {
                            id: "a".into(),
                            label: l[0].clone(),
                            label_en: None,
                            points: max
                        },
                        LevelOption {
                            id: "b".into(),
                            label: l[1].clone(),
                            label_en: None,
                            points: p.min(max)
                        },
                    ]
                },
                max
            )),
            Just((Rule::Survey {}, max)),
        ]
    })
}

proptest! {
    #[test]
    fn text_rule_text_rule_is_stable((rule, max) in arb_rule()) {
        let text0 = rule_line(&rule, max);
        let r1 = read_rule(&text0, max, Part::Main);
        let rule1 = r1.rule.clone().unwrap_or_else(|| panic!("{text0:?} → {r1:?}"));
        let text1 = rule_line(&rule1, max);
        let rule2 = read_rule(&text1, max, Part::Main).rule.unwrap();
        prop_assert_eq!(&rule1, &rule2);
        prop_assert_eq!(rule1.kind(), rule.kind());
        // what the author wrote is what the app applies
        prop_assert_eq!(without_ids(&rule1), without_ids(&rule), "{}", text0);
    }
}

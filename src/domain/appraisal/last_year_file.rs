//! Reading last year's result on the agency's side: the submission it sent
//! last year, with (optionally) the appraisal result it received for it.
//! The pair becomes the [`LastYear`] kept in this year's draft.

use super::submission::{read_submission, Seal, Submission};
use crate::domain::assessment::last_year::{year_problem, LastYear};
use crate::domain::assessment::review_file::{read_review_file, ReviewFile, REVIEW_FORMAT};
use crate::domain::base::json::{format_of, Problem};

fn problems_text(name: &str, p: &[Problem]) -> String {
    tf!(
        "Tệp «{}» không đọc được: {}.",
        "File «{}» could not be read: {}.",
        name,
        p.iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    )
}

/// Last year's result from the files picked together (name, bytes): one
/// submission, and at most one appraisal result that answers it. The result
/// must be from a year before `this_year` (when both years are known).
pub fn read_last_year(files: &[(String, Vec<u8>)], this_year: &str) -> Result<LastYear, String> {
    let mut subs: Vec<(&str, Submission)> = Vec::new();
    let mut reviews: Vec<(&str, ReviewFile)> = Vec::new();
    for (name, bytes) in files {
        let is_review = format_of(bytes).is_some_and(|f| f == REVIEW_FORMAT);
        if is_review {
            let r = read_review_file(bytes).map_err(|p| problems_text(name, &p))?;
            reviews.push((name, r));
        } else {
            let s = read_submission(bytes).map_err(|p| problems_text(name, &p))?;
            if !Seal::of(&s).digest_ok {
                return Err(tf!(
                    "Tệp «{}» đã bị sửa sau khi xuất (mã niêm phong không khớp), nên không dùng để so sánh. Hãy chọn đúng tệp đã nộp.",
                    "File «{}» was altered after export (its seal does not match), so it is not used for the comparison. Pick the file that was sent.",
                    name
                ));
            }
            subs.push((name, s));
        }
    }
    // the last round sent is the one the result answers
    subs.sort_by_key(|(_, s)| s.round);
    let Some((name, sub)) = subs.pop() else {
        return Err(t!(
            "Tệp kết quả thẩm định chỉ ghi các mục Hội đồng điều chỉnh. Hãy chọn cùng lúc tệp đã nộp năm trước (CCHC-….json) và tệp kết quả thẩm định.",
            "An appraisal result file only holds the items the council changed. Pick last year's submission (CCHC-….json) together with the result file."
        )
        .into());
    };
    if let Some((_, other)) = subs.iter().find(|(_, s)| s.draft_id != sub.draft_id) {
        return Err(tf!(
            "Các tệp đã chọn là của hai bản khác nhau («{}» và «{}»). Hãy chọn tệp nộp của một bản.",
            "The files picked come from two different drafts («{}» and «{}»). Pick one draft's submission.",
            other.agency.name,
            sub.agency.name
        ));
    }
    if reviews.len() > 1 {
        reviews.sort_by_key(|(_, r)| r.round);
        reviews.drain(..reviews.len() - 1);
    }
    let review = match reviews.pop() {
        None => None,
        Some((rname, r)) => {
            if r.draft_id != sub.draft_id || r.submission_digest != sub.digest {
                return Err(tf!(
                    "Tệp kết quả «{}» không trả lời tệp nộp «{}» (lần {}): mã niêm phong không khớp. Hãy chọn tệp nộp đúng lần mà kết quả trả lời.",
                    "Result file «{}» does not answer submission «{}» (round {}): the seals do not match. Pick the submission of the round the result answers.",
                    rname,
                    name,
                    sub.round
                ));
            }
            Some(r)
        }
    };
    if let Some(p) = year_problem(&sub.agency.year, this_year) {
        return Err(tf!("Không so sánh được: {p}.", "Cannot compare: {p}."));
    }
    let source = match &review {
        Some(_) => tf!(
            "{} (lần {}) và kết quả thẩm định",
            "{} (round {}) and the appraisal result",
            name,
            sub.round
        ),
        None => tf!("{} (lần {})", "{} (round {})", name, sub.round),
    };
    Ok(LastYear::of(
        &sub.criteria_set,
        &sub.as_draft(),
        review.as_ref(),
        &source,
    ))
}

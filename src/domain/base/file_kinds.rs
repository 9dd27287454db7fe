//! The files people pass between them, each named by its «format», and
//! where in the app each one opens. A file picked in the wrong place is
//! refused with its reason followed by that place, so a focal point who
//! picked a draft instead of the submission, or a reviewer who loaded a
//! submission as a criteria set, knows where the file goes. A hint, like
//! every problem's message, has no final period: the page adds it.

/// A criteria set (the province's annex as data).
pub const CRITERIA_SET_FORMAT: &str = "cchc-criteria-set";
/// An agency's draft, as saved in the browser or downloaded from the list.
pub const DRAFT_FORMAT: &str = "cchc-draft";
/// An agency's sealed submission, sent to the Department of Home Affairs.
pub const SUBMISSION_FORMAT: &str = "cchc-submission";
/// The appraisal result sent back to an agency.
pub const REVIEW_FORMAT: &str = "cchc-review";
/// The reviewer's whole desk, saved to move or keep it.
pub const DESK_BACKUP_FORMAT: &str = "cchc-desk-backup";
/// A council member's appraisal of their fields.
pub const PART_FORMAT: &str = "cchc-appraisal-part";
/// The secretary's package of submissions for a council member.
pub const PACKAGE_FORMAT: &str = "cchc-council-assignment";

/// Every file people pass between them, by format.
pub const EXCHANGED: [&str; 7] = [
    CRITERIA_SET_FORMAT,
    DRAFT_FORMAT,
    SUBMISSION_FORMAT,
    REVIEW_FORMAT,
    DESK_BACKUP_FORMAT,
    PART_FORMAT,
    PACKAGE_FORMAT,
];

/// What a file of this format is and where it opens; None for a format
/// this app does not write.
pub fn where_it_opens(format: &str) -> Option<&'static str> {
    Some(match format {
        CRITERIA_SET_FORMAT => t!(
            "Tệp này là một bộ tiêu chí: nạp nó ở trang «Bộ tiêu chí»",
            "This file is a criteria set: load it on the «Criteria sets» page"
        ),
        DRAFT_FORMAT => t!(
            "Tệp này là một bản tự đánh giá đang làm (chưa niêm phong): mở nó ở trang «Các bản», nút «Mở bản từ tệp JSON». Tệp gửi Sở Nội vụ là tệp nộp, xuất ở trang «Bảng tổng hợp», nút «Xuất tệp nộp (JSON)»",
            "This file is a self-assessment draft (not sealed): open it on the «Drafts» page, button «Open a draft from a JSON file». The file for the Department of Home Affairs is the submission, exported on the «Summary» page, button «Export submission (JSON)»"
        ),
        SUBMISSION_FORMAT => t!(
            "Tệp này là tệp nộp của một cơ quan: Sở Nội vụ nhập nó ở trang «Thẩm định»; cơ quan đã gửi nó mở lại bản của mình ở trang «Các bản», nút «Mở bản từ tệp JSON»",
            "This file is an agency's submission: the Department of Home Affairs imports it on the «Appraisal» page; the agency that sent it reopens its draft on the «Drafts» page, button «Open a draft from a JSON file»"
        ),
        REVIEW_FORMAT => t!(
            "Tệp này là kết quả thẩm định gửi cơ quan: mở bản đã nộp, rồi nhập tệp ở trang «Bảng tổng hợp», nút «Nhập kết quả thẩm định (JSON)»",
            "This file is an appraisal result for an agency: open the draft that was submitted, then import the file on the «Summary» page, button «Import appraisal result (JSON)»"
        ),
        DESK_BACKUP_FORMAT => t!(
            "Tệp này là bản sao lưu bàn thẩm định: khôi phục nó ở trang «Thẩm định», nút «Khôi phục từ bản sao lưu»",
            "This file is a backup of the appraisal desk: restore it on the «Appraisal» page, button «Restore from a backup»"
        ),
        PART_FORMAT => t!(
            "Tệp này là phần thẩm định của một thành viên hội đồng: thư ký gộp nó ở trang «Thẩm định», nút «Gộp phần thẩm định của thành viên»",
            "This file is a council member's appraisal part: the secretary merges it on the «Appraisal» page, button «Merge members' appraisal parts»"
        ),
        PACKAGE_FORMAT => t!(
            "Tệp này là gói phân công thẩm định: thành viên hội đồng mở nó ở trang «Thẩm định», nút «Nhận gói phân công (tệp từ thư ký)»",
            "This file is an assignment package: the council member opens it on the «Appraisal» page, button «Open an assignment package (file from the secretary)»"
        ),
        _ => return None,
    })
}

/// What a file that is not text is, told by its first bytes: a PDF, an
/// Office document or a ZIP, an image. The app's files are JSON text; these
/// are what people pick by mistake (the signed printout, the province's
/// annex, a scan).
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    Some(if bytes.starts_with(b"%PDF") {
        t!(
            "Tệp này là tệp PDF, không phải tệp JSON của ứng dụng",
            "This file is a PDF, not one of the app's JSON files"
        )
    } else if bytes.starts_with(b"PK\x03\x04") {
        t!(
            "Tệp này là tệp Excel, Word (.xlsx, .docx) hoặc tệp nén, không phải tệp JSON của ứng dụng; bảng phụ lục của tỉnh được nhập ở trang «Soạn bộ tiêu chí»",
            "This file is an Excel or Word file (.xlsx, .docx) or an archive, not one of the app's JSON files; the province's annex is brought in on the «Studio» page"
        )
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        t!(
            "Tệp này là tệp Excel hoặc Word đời cũ (.xls, .doc), không phải tệp JSON của ứng dụng",
            "This file is an old Excel or Word file (.xls, .doc), not one of the app's JSON files"
        )
    } else if bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"\xFF\xD8\xFF") {
        t!(
            "Tệp này là ảnh, không phải tệp JSON của ứng dụng",
            "This file is an image, not one of the app's JSON files"
        )
    } else {
        return None;
    })
}

/// A "not this kind of file" message, followed by where the file picked
/// does open when its format is one this app writes.
pub fn not_this_kind(message: String, found: Option<&str>) -> String {
    match found.and_then(where_it_opens) {
        Some(hint) => format!("{message}. {hint}"),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_exchanged_format_says_where_it_opens() {
        for f in EXCHANGED {
            let hint = where_it_opens(f).unwrap();
            assert!(
                hint.starts_with("Tệp này là") && hint.contains("trang «"),
                "{f}: {hint}"
            );
        }
        assert_eq!(where_it_opens("cchc-khac"), None);
        assert_eq!(not_this_kind("không phải X".into(), None), "không phải X");
        assert_eq!(
            not_this_kind("không phải X".into(), Some("lạ")),
            "không phải X"
        );
    }
}

//! The council's assignments (phân công thẩm định): the secretary lists the
//! members, their role and the fields each appraises, and gives each member
//! a package: the submissions on the desk (without anyone's appraisals) and
//! the member's assignment. The member opens it on their own desk, which
//! then knows who they are and shows their fields; they send back their
//! part (see [`super::council`]).

use serde::{Deserialize, Serialize};

use super::desk::Desk;
use super::desk_storage::StoredBy;
use super::history::Member;
use crate::domain::base::json::{read_format, Problem};

/// One member's assignment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Assignment {
    pub member: Member,
    /// E.g. "Thành viên", "Phó Chủ tịch Hội đồng".
    pub role: String,
    /// The field codes the member appraises; empty: every field.
    pub fields: Vec<String>,
}

/// Adds or removes a field code from a list of assigned fields, keeping it
/// in field order ("2" before "10").
pub fn set_field(fields: &mut Vec<String>, code: &str, on: bool) {
    fields.retain(|f| f != code);
    if on {
        fields.push(code.to_string());
        fields.sort_by_key(|f| f.parse::<u32>().unwrap_or(u32::MAX));
    }
}

/// The roles a council has, for the secretary to pick.
pub const ROLES: [&str; 4] = [
    "Chủ tịch Hội đồng",
    "Phó Chủ tịch Hội đồng",
    "Thành viên",
    "Thư ký",
];

/// Fields no member appraises, and fields more than one member appraises
/// (their items will meet as conflicts when the two disagree), in the order
/// of `all`.
pub fn coverage(members: &[Assignment], all: &[String]) -> (Vec<String>, Vec<String>) {
    let count = |f: &String| {
        members
            .iter()
            .filter(|a| !a.member.is_empty() && (a.fields.is_empty() || a.fields.contains(f)))
            .count()
    };
    let unassigned = all.iter().filter(|f| count(f) == 0).cloned().collect();
    let shared = all.iter().filter(|f| count(f) > 1).cloned().collect();
    (unassigned, shared)
}

/// The value of the `format` key of an assignment package.
pub use crate::domain::base::file_kinds::PACKAGE_FORMAT;

/// What the secretary sends one member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignmentPackage {
    /// Always "cchc-council-assignment".
    pub format: String,
    pub format_version: u32,
    pub secretary: Member,
    pub created_at: String,
    pub assignment: Assignment,
    /// The submissions, stored as the desk stores them, with no appraisal,
    /// history or survey score: the member starts from the agency's file.
    pub stored: Vec<(String, String)>,
}

/// What opening a package did on a member's desk.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PackageReport {
    /// New on this desk.
    pub added: usize,
    /// Already here, the same file.
    pub same: usize,
    /// A later round than this desk had: it replaces the earlier one, whose
    /// appraisals stay.
    pub newer: usize,
    /// (agency, why) not taken.
    pub kept: Vec<(String, String)>,
    /// Desk keys changed.
    pub changed: Vec<String>,
}

impl Desk {
    /// The package for one member: every submission on the desk, without
    /// appraisals.
    pub fn assignment_package(
        &self,
        secretary: &Member,
        assignment: &Assignment,
        now: &str,
    ) -> AssignmentPackage {
        let mut bare = Desk::default();
        for (k, e) in &self.entries {
            let mut e = e.clone();
            e.appraisals.clear();
            e.history.clear();
            e.conflicts.clear();
            e.survey_score.clear();
            bare.entries.insert(k.clone(), e);
        }
        AssignmentPackage {
            format: PACKAGE_FORMAT.into(),
            format_version: 1,
            secretary: secretary.clone(),
            created_at: now.into(),
            assignment: assignment.clone(),
            stored: bare.stored(),
        }
    }

    /// Takes a package's submissions onto this desk: new ones are added, a
    /// later round replaces an earlier one (as an import does, the earlier
    /// kept to show what changed), and the member's own work is never
    /// overwritten.
    pub fn take_package(&mut self, package: Desk) -> PackageReport {
        use crate::domain::assessment::review_file::ReviewStatus;
        let mut report = PackageReport::default();
        for (k, incoming) in package.entries {
            match self.entries.get_mut(&k) {
                None => {
                    report.added += 1;
                    report.changed.push(k.clone());
                    self.entries.insert(k, incoming);
                }
                Some(e) if e.submission.digest == incoming.submission.digest => report.same += 1,
                Some(e) if e.status == ReviewStatus::DaChot => report.kept.push((
                    e.submission.agency.name.clone(),
                    t!("hồ sơ trên bàn này đã chốt điểm", "the record on this desk is closed").into(),
                )),
                Some(e) if incoming.submission.round > e.submission.round => {
                    let old = std::mem::replace(&mut e.submission, incoming.submission);
                    e.seal = incoming.seal;
                    e.previous = Some(old);
                    e.file_name = incoming.file_name;
                    e.imported_at = incoming.imported_at;
                    e.status = ReviewStatus::DangThamDinh;
                    report.newer += 1;
                    report.changed.push(k);
                }
                Some(e) => report.kept.push((
                    e.submission.agency.name.clone(),
                    tf!(
                        "bàn này đã có lần nộp {} (gói có lần nộp {}): giữ bản trên bàn",
                        "this desk has submission no. {} (the package has no. {}): the desk's is kept",
                        e.submission.round,
                        incoming.submission.round
                    ),
                )),
            }
        }
        report
    }
}

/// Reads an assignment package: the assignment, and the submissions as a
/// desk (their seals checked again when read).
pub fn read_package(bytes: &[u8]) -> Result<(AssignmentPackage, Desk), Vec<Problem>> {
    let package: AssignmentPackage = read_format(
        bytes,
        200 * 1024 * 1024,
        PACKAGE_FORMAT,
        tf!(
            "đây không phải gói phân công thẩm định «{PACKAGE_FORMAT}»",
            "this is not a council assignment package «{PACKAGE_FORMAT}»"
        ),
    )?;
    let whole = |message: String| {
        vec![Problem {
            path: String::new(),
            code: None,
            message,
        }]
    };
    if package.format_version != 1 {
        return Err(whole(
            t!(
                "tệp được xuất bởi phiên bản khác của ứng dụng; hãy cập nhật ứng dụng",
                "the file was exported by another version of the app; update the app"
            )
            .into(),
        ));
    }
    if package.assignment.member.is_empty() {
        return Err(whole(
            t!(
                "gói không ghi tên thành viên được phân công",
                "the package names no member"
            )
            .into(),
        ));
    }
    let (desk, unreadable) = Desk::restore(&package.stored, StoredBy::File);
    if unreadable > 0 {
        return Err(whole(tf!(
            "{unreadable} hồ sơ trong gói không đọc được",
            "{unreadable} submissions in the package cannot be read"
        )));
    }
    Ok((package, desk))
}

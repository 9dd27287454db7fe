//! The appraisal council (Hội đồng thẩm định). Members appraise the fields
//! assigned to them on their own desks and send their part as a file; the
//! secretary (Sở Nội vụ) merges the parts into one desk. Items from
//! different members merge; where two members' appraisals of one item
//! differ, the item is a conflict until the secretary chooses, and nothing
//! is overwritten silently. Every item keeps its history: who set which
//! score, request and comment, when, in which round.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use super::assignment::Assignment;
use super::desk::{Desk, DeskEntry};
pub use super::history::{AppraisalEvent, Member};
use crate::domain::assessment::review_file::{Appraisal, ReviewStatus};
use crate::domain::base::json::{read_format, Problem};

/// Whether an item code lies in one of the fields (codes "1", "2"…; an
/// item "1.2.3" lies in field "1"). No fields means every field.
pub fn in_fields(code: &str, fields: &[String]) -> bool {
    fields.is_empty()
        || fields.iter().any(|f| {
            code == f
                || code
                    .strip_prefix(f.as_str())
                    .is_some_and(|r| r.starts_with('.'))
        })
}

impl DeskEntry {
    /// `by` changes the appraisal of `code` (an empty one is removed),
    /// recorded in its history; a submission awaiting appraisal is then
    /// under appraisal. Nothing changes once its scores are closed: false.
    pub fn appraise(
        &mut self,
        code: &str,
        by: &Member,
        now: &str,
        change: impl FnOnce(&mut Appraisal),
    ) -> bool {
        if self.status == ReviewStatus::DaChot {
            return false;
        }
        let a = self.appraisals.entry(code.to_string()).or_default();
        change(a);
        if a.is_empty() {
            self.appraisals.remove(code);
        }
        self.record(code, by, now);
        self.started_by_appraiser();
        true
    }

    /// The secretary chooses a council member's word for a conflict (see
    /// [`DeskEntry::resolve`]), under the same rule as [`DeskEntry::appraise`]:
    /// never once the scores are closed.
    pub fn choose(&mut self, code: &str, chosen: usize, by: &Member, now: &str) -> bool {
        if self.status == ReviewStatus::DaChot || !self.resolve(code, chosen, by, now) {
            return false;
        }
        self.started_by_appraiser();
        true
    }

    fn started_by_appraiser(&mut self) {
        if self.status == ReviewStatus::ChoThamDinh {
            self.status = ReviewStatus::DangThamDinh;
        }
    }

    /// Records that `by` set the appraisal of `code` as it now is on this
    /// desk. Edits in a row by the same person in the same round are one
    /// step of the history (the last), not one per keystroke.
    pub fn record(&mut self, code: &str, by: &Member, now: &str) {
        let appraisal = self.appraisals.get(code).cloned().unwrap_or_default();
        let round = self.submission.round;
        let steps = self.history.entry(code.to_string()).or_default();
        match steps.last_mut() {
            Some(last) if last.by == *by && last.round == round => {
                last.at = now.to_string();
                last.appraisal = appraisal;
            }
            _ => steps.push(AppraisalEvent {
                by: by.clone(),
                at: now.to_string(),
                round,
                appraisal,
            }),
        }
    }

    /// Who set the item's appraisal as it stands, and when.
    pub fn last_step(&self, code: &str) -> Option<&AppraisalEvent> {
        self.history.get(code).and_then(|h| h.last())
    }

    /// Takes one member's appraisal of an item into this entry.
    fn merge_item(&mut self, code: &str, incoming: AppraisalEvent) -> ItemMerge {
        if incoming.appraisal.is_empty() {
            return ItemMerge::Same;
        }
        if let Some(candidates) = self.conflicts.get_mut(code) {
            // still undecided: this member's newer word replaces their older
            match candidates.iter_mut().find(|c| c.by == incoming.by) {
                Some(c) if c.at >= incoming.at || *c == incoming => return ItemMerge::Conflict,
                Some(c) => *c = incoming,
                None => candidates.push(incoming),
            }
            candidates.sort_by(|a, b| a.by.cmp(&b.by));
            return ItemMerge::Conflict;
        }
        let current = self.appraisals.get(code).filter(|a| !a.is_empty());
        let last = self.last_step(code).cloned();
        match current {
            None => {}
            Some(a) if *a == incoming.appraisal => {
                // agreement is history too: who else came to the same word
                add_step(self.history.entry(code.to_string()).or_default(), incoming);
                return ItemMerge::Same;
            }
            Some(_) => match &last {
                // the same member's later word on their own item
                Some(l) if l.by == incoming.by => {
                    if l.at >= incoming.at {
                        return ItemMerge::Same;
                    }
                }
                _ => {
                    let mut candidates = vec![
                        last.filter(|l| self.appraisals.get(code) == Some(&l.appraisal))
                            .unwrap_or_else(|| AppraisalEvent {
                                by: Member::default(),
                                at: String::new(),
                                round: self.submission.round,
                                appraisal: self.appraisals[code].clone(),
                            }),
                        incoming,
                    ];
                    candidates.sort_by(|a, b| a.by.cmp(&b.by));
                    self.conflicts.insert(code.to_string(), candidates);
                    return ItemMerge::Conflict;
                }
            },
        }
        self.appraisals
            .insert(code.to_string(), incoming.appraisal.clone());
        add_step(self.history.entry(code.to_string()).or_default(), incoming);
        ItemMerge::Taken
    }

    /// The secretary decides a conflict: the chosen candidate becomes the
    /// item's appraisal, recorded as the secretary's decision after the
    /// candidates themselves. False when there is no such conflict.
    pub fn resolve(&mut self, code: &str, chosen: usize, by: &Member, now: &str) -> bool {
        let Some(candidates) = self.conflicts.get(code) else {
            return false;
        };
        let Some(pick) = candidates.get(chosen).cloned() else {
            return false;
        };
        let candidates = self.conflicts.remove(code).unwrap_or_default();
        let steps = self.history.entry(code.to_string()).or_default();
        for c in candidates {
            add_step(steps, c);
        }
        self.appraisals
            .insert(code.to_string(), pick.appraisal.clone());
        add_step(
            steps,
            AppraisalEvent {
                by: by.clone(),
                at: now.to_string(),
                round: self.submission.round,
                appraisal: pick.appraisal,
            },
        );
        true
    }
}

/// Adds a step to an item's history in time order (then by member), once:
/// the same parts merged in any order give the same history.
fn add_step(steps: &mut Vec<AppraisalEvent>, step: AppraisalEvent) {
    if steps.contains(&step) {
        return;
    }
    let at = steps.partition_point(|s| (&s.at, &s.by) <= (&step.at, &step.by));
    steps.insert(at, step);
}

enum ItemMerge {
    Taken,
    Same,
    Conflict,
}

/// The value of the `format` key of a member's part.
pub use crate::domain::base::file_kinds::PART_FORMAT;

/// A member's part of the appraisal: their items on every submission they
/// have, for the secretary to merge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppraisalPart {
    /// Always "cchc-appraisal-part".
    pub format: String,
    pub format_version: u32,
    pub member: Member,
    pub exported_at: String,
    /// The field codes assigned to the member; empty: every field.
    #[serde(default)]
    pub fields: Vec<String>,
    pub entries: Vec<PartEntry>,
}

/// One submission's items in a part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartEntry {
    pub draft_id: String,
    pub agency_name: String,
    pub round: u32,
    /// The seal of the submission appraised: a part is merged only into
    /// the same submission.
    pub submission_digest: String,
    /// By item code.
    pub items: BTreeMap<String, AppraisalEvent>,
}

/// What merging one part did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeReport {
    pub member: String,
    /// Items taken in.
    pub taken: usize,
    /// Items already as the part has them.
    pub same: usize,
    /// (agency, item code) now awaiting the secretary's choice.
    pub conflicts: Vec<(String, String)>,
    /// Agencies of the part not merged, with the reason.
    pub not_merged: Vec<(String, String)>,
    /// Desk keys changed.
    pub changed: Vec<String>,
}

impl Desk {
    /// The part of `member`: their appraisals in `fields`, on every entry.
    pub fn export_part(&self, member: &Member, fields: &[String], now: &str) -> AppraisalPart {
        let entries = self
            .entries
            .values()
            .filter_map(|e| {
                let items: BTreeMap<String, AppraisalEvent> = e
                    .appraisals
                    .iter()
                    .filter(|(c, a)| in_fields(c, fields) && !a.is_empty())
                    .map(|(c, a)| {
                        let at = e
                            .last_step(c)
                            .filter(|s| s.appraisal == *a)
                            .map_or_else(|| now.to_string(), |s| s.at.clone());
                        (
                            c.clone(),
                            AppraisalEvent {
                                by: member.clone(),
                                at,
                                round: e.submission.round,
                                appraisal: a.clone(),
                            },
                        )
                    })
                    .collect();
                (!items.is_empty()).then(|| PartEntry {
                    draft_id: e.submission.draft_id.clone(),
                    agency_name: e.submission.agency.name.clone(),
                    round: e.submission.round,
                    submission_digest: e.submission.digest.clone(),
                    items,
                })
            })
            .collect();
        AppraisalPart {
            format: PART_FORMAT.into(),
            format_version: 1,
            member: member.clone(),
            exported_at: now.into(),
            fields: fields.to_vec(),
            entries,
        }
    }

    /// Merges a member's part. Items the desk does not have yet are taken;
    /// the same member's later word replaces their earlier; a different
    /// appraisal by someone else becomes a conflict. A part for another
    /// round or another file of a submission is not merged, and says so.
    pub fn merge_part(&mut self, part: &AppraisalPart) -> MergeReport {
        let mut report = MergeReport {
            member: part.member.shown(),
            ..MergeReport::default()
        };
        for pe in &part.entries {
            let Some(e) = self.entries.get_mut(&pe.draft_id) else {
                report.not_merged.push((
                    pe.agency_name.clone(),
                    t!(
                        "hồ sơ này chưa có trên bàn thẩm định",
                        "this submission is not on the desk"
                    )
                    .into(),
                ));
                continue;
            };
            if e.submission.digest != pe.submission_digest || e.submission.round != pe.round {
                report.not_merged.push((
                    pe.agency_name.clone(),
                    tf!(
                        "phần này thẩm định lần nộp {}, trên bàn là lần nộp {} hoặc một tệp khác",
                        "this part appraises submission no. {}, the desk has no. {} or another file",
                        pe.round,
                        e.submission.round
                    ),
                ));
                continue;
            }
            if e.status == ReviewStatus::DaChot {
                report.not_merged.push((
                    pe.agency_name.clone(),
                    t!("hồ sơ đã chốt điểm", "the record is closed").into(),
                ));
                continue;
            }
            let mut changed = false;
            for (code, item) in &pe.items {
                let incoming = AppraisalEvent {
                    by: part.member.clone(),
                    ..item.clone()
                };
                match e.merge_item(code, incoming) {
                    ItemMerge::Taken => {
                        report.taken += 1;
                        changed = true;
                    }
                    ItemMerge::Same => report.same += 1,
                    ItemMerge::Conflict => {
                        report
                            .conflicts
                            .push((pe.agency_name.clone(), code.clone()));
                        changed = true;
                    }
                }
            }
            if changed {
                report.changed.push(pe.draft_id.clone());
            }
        }
        report
    }
}

/// Reads a member's part file.
pub fn read_part(bytes: &[u8]) -> Result<AppraisalPart, Vec<Problem>> {
    let part: AppraisalPart = read_format(
        bytes,
        20 * 1024 * 1024,
        PART_FORMAT,
        tf!(
            "đây không phải tệp phần thẩm định của thành viên hội đồng «{PART_FORMAT}»",
            "this is not a council member's appraisal part «{PART_FORMAT}»"
        ),
    )?;
    if part.format_version != 1 {
        return Err(vec![Problem {
            path: "format_version".into(),
            code: None,
            message: t!(
                "tệp được xuất bởi phiên bản khác của ứng dụng; hãy cập nhật ứng dụng",
                "the file was exported by another version of the app; update the app"
            )
            .into(),
        }]);
    }
    Ok(part)
}

/// This desk's place in the council: who appraises here, and the fields
/// assigned to them (none: every field, as the secretary sees them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CouncilSeat {
    pub me: Member,
    pub fields: Vec<String>,
    /// My role, as the secretary's assignment gave it.
    pub role: String,
    /// The secretary's list of members and their assignments.
    pub members: Vec<Assignment>,
}

/// Where the seat is kept in the browser's storage.
pub const SEAT_KEY: &str = "cchc.council-seat.v1";

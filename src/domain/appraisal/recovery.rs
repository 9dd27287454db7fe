//! An agency's draft opened again from the submission it sent: the browser
//! that held the draft was cleaned or replaced, and the file sent to the Sở
//! Nội vụ is what is left. That file holds everything entered, so "Mở bản
//! từ tệp JSON" takes it as well as a draft file.

use std::sync::Arc;

use super::submission::{read_submission, Seal, Submission, SUBMISSION_FORMAT};
use crate::domain::assessment::draft::{Draft, DRAFT_FORMAT};
use crate::domain::assessment::stored::{read_stored, ReadDraft, Unreadable};
use crate::domain::base::file_kinds::not_this_kind;
use crate::domain::base::json::{format_of, Problem};
use crate::domain::criteria::set::CriteriaSet;

/// A file opened as a draft.
#[derive(Debug)]
pub enum OpenedDraft {
    /// A draft file, upgraded if it is older.
    Draft(ReadDraft),
    /// The draft a submission was exported from, and the set it embeds
    /// (for a library that does not hold it).
    Recovered {
        draft: Draft,
        set: Arc<CriteriaSet>,
        /// False when the file was altered after export: then no round is
        /// recorded as sent.
        seal_holds: bool,
    },
}

/// Opens `text` as a draft: a draft file (see [`read_stored`]), or a
/// submission (see [`draft_from_submission`]).
pub fn open_draft_file(
    text: &str,
    fallback_id: &str,
    now: &str,
) -> Result<OpenedDraft, Unreadable> {
    let format = format_of(text.as_bytes());
    if format.as_deref() != Some(SUBMISSION_FORMAT) {
        // a file of another kind is told where it opens
        let other = format.as_deref().filter(|f| *f != DRAFT_FORMAT);
        return read_stored(text, fallback_id)
            .map(OpenedDraft::Draft)
            .map_err(|e| Unreadable {
                reason: not_this_kind(e.reason, other),
            });
    }
    let sub = read_submission(text.as_bytes()).map_err(|problems| Unreadable {
        reason: problems
            .iter()
            .map(Problem::to_string)
            .collect::<Vec<_>>()
            .join("; "),
    })?;
    let seal = Seal::of(&sub);
    Ok(OpenedDraft::Recovered {
        draft: draft_from_submission(&sub, seal, now),
        set: sub.criteria_set.clone(),
        seal_holds: seal.digest_ok,
    })
}

/// The draft `sub` was exported from, as far as the file holds it: the same
/// id (so that the reviewer's desk takes its next round as this agency's),
/// the agency, the set, every answer with its evidence and explanation, the
/// difficulties and proposals. The round is recorded as sent with its seal
/// when the seal holds, so that the reviewer's result for it is taken; a
/// file altered after export records nothing as sent (and so no result is
/// taken for it).
pub fn draft_from_submission(sub: &Submission, seal: Seal, now: &str) -> Draft {
    let mut d = Draft::new(&sub.draft_id, now);
    d.set_key = sub.criteria_set_key.clone();
    d.profile = sub.agency.clone();
    d.responses = sub.responses.clone();
    d.difficulties = sub.difficulties.clone();
    d.proposals = sub.proposals.clone();
    if seal.digest_ok {
        d.last_exported = Some(sub.exported_at.clone());
        d.sent.insert(sub.round, sub.digest.clone());
    }
    d
}

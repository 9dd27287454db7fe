//! Stored drafts: one localStorage entry per draft under `cchc.draft.<id>`.
//! Reading an entry upgrades older format versions through a migration
//! chain; an entry that cannot be read is reported with a reason and kept
//! verbatim by the caller, never discarded.

use serde_json::Value;

use super::draft::{Draft, RoundTrip, DRAFT_FORMAT, DRAFT_FORMAT_VERSION};
use crate::domain::base::decimal::Dec;
use crate::domain::base::json::typed_plain;
use crate::domain::criteria::set::CriteriaSet;

/// Every draft's storage key starts with this.
pub const DRAFT_KEY_PREFIX: &str = "cchc.draft.";
/// Where the first build kept its single draft (format version 1).
pub const LEGACY_DRAFT_KEY: &str = "cchc.draft.v1";
/// A stored draft larger than this is not parsed (localStorage holds about
/// 5 MB in all; a real draft is tens of KB).
pub const MAX_DRAFT_BYTES: usize = 4 * 1024 * 1024;

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_KEY_PREFIX}{id}")
}

/// Why a stored entry could not be read, in Vietnamese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub reason: String,
}

/// The outcome of reading one stored entry.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadDraft {
    pub draft: Draft,
    /// The format version it was stored in (lower than current: migrated).
    pub from_version: u32,
}

/// Reads a stored draft of any known format version, upgrading it.
/// `fallback_id` names a version-1 draft, which had no id. A structure
/// problem is reported with its path («responses.1.1.1.value»): for files
/// brought in and the recovery screen.
pub fn read_stored(text: &str, fallback_id: &str) -> Result<ReadDraft, Unreadable> {
    read_with(text, fallback_id, |v| {
        serde_path_to_error::deserialize::<_, Draft>(v).map_err(|e| {
            tf!(
                "nội dung không đúng cấu trúc tại «{}»: {}",
                "content does not have the expected structure at «{}»: {}",
                e.path(),
                e.inner()
            )
        })
    })
}

/// Reads like [`read_stored`] without tracking where a structure problem
/// is: what the app reads from its own storage on every start and save,
/// with far less code in the first download. An entry it cannot read is
/// explained by [`read_stored`] on the recovery screen.
pub fn read_stored_quickly(text: &str, fallback_id: &str) -> Result<ReadDraft, Unreadable> {
    read_with(text, fallback_id, |v| {
        typed_plain::<Draft>(v).map_err(|e| {
            tf!(
                "nội dung không đúng cấu trúc: {}",
                "content does not have the expected structure: {}",
                e
            )
        })
    })
}

fn read_with(
    text: &str,
    fallback_id: &str,
    typed: impl Fn(&Value) -> Result<Draft, String>,
) -> Result<ReadDraft, Unreadable> {
    let fail = |reason: String| Err(Unreadable { reason });
    if text.len() > MAX_DRAFT_BYTES {
        return fail(tf!(
            "dữ liệu quá lớn ({} KB, giới hạn {} KB)",
            "data too large ({} KB, limit {} KB)",
            text.len() / 1024,
            MAX_DRAFT_BYTES / 1024
        ));
    }
    let mut value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return fail(tf!(
                "không phải JSON hợp lệ (dòng {}, cột {})",
                "not valid JSON (line {}, column {})",
                e.line(),
                e.column()
            ))
        }
    };
    if !value.is_object() {
        return fail(
            t!(
                "không phải một bản tự đánh giá (không phải đối tượng JSON)",
                "not a self-assessment draft (not a JSON object)"
            )
            .into(),
        );
    }
    if let Some(f) = value.get("format").and_then(Value::as_str) {
        if f != DRAFT_FORMAT {
            return fail(tf!(
                "định dạng «{f}», không phải «{DRAFT_FORMAT}»",
                "format «{f}», not «{DRAFT_FORMAT}»"
            ));
        }
    }
    let from_version = match value.get("format_version") {
        None => 1,
        Some(v) => match v.as_u64() {
            Some(n) if (1..=u32::MAX as u64).contains(&n) => n as u32,
            _ => {
                return fail(tf!(
                    "số phiên bản định dạng không hợp lệ: {v}",
                    "invalid format version: {v}"
                ))
            }
        },
    };
    if from_version > DRAFT_FORMAT_VERSION {
        return fail(tf!("được lưu bởi phiên bản mới hơn của ứng dụng (định dạng {from_version}, ứng dụng này đọc đến {DRAFT_FORMAT_VERSION}); hãy mở bằng phiên bản mới", "saved by a newer version of the app (format {from_version}, this app reads up to {DRAFT_FORMAT_VERSION}); open it with the newer version"
        ));
    }
    let mut version = from_version;
    while version < DRAFT_FORMAT_VERSION {
        value = MIGRATIONS[(version - 1) as usize](value, fallback_id);
        version += 1;
    }
    match typed(&value) {
        Ok(mut draft) => {
            if draft.id.trim().is_empty() {
                draft.id = fallback_id.to_string();
            }
            Ok(ReadDraft {
                draft,
                from_version,
            })
        }
        Err(reason) => fail(reason),
    }
}

type Migration = fn(Value, &str) -> Value;

/// MIGRATIONS[n - 1] upgrades format version n to n + 1.
const MIGRATIONS: [Migration; (DRAFT_FORMAT_VERSION - 1) as usize] = [v1_to_v2];

/// Version 1 (a single draft) had no format name, id, name or times.
fn v1_to_v2(mut v: Value, id: &str) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.insert("format".into(), DRAFT_FORMAT.into());
        o.insert("format_version".into(), 2.into());
        o.entry("id").or_insert_with(|| id.into());
        o.entry("name").or_insert_with(|| "".into());
        o.entry("created").or_insert_with(|| "".into());
        o.entry("modified").or_insert_with(|| "".into());
        o.entry("revision").or_insert_with(|| 0.into());
    }
    v
}

/// One line of the list of drafts.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub agency: String,
    /// The set's title and year, or its key when the set is not loaded.
    pub set_label: Option<String>,
    pub set_missing: bool,
    /// Answered ÷ answerable, in whole percent.
    pub percent_complete: Option<u32>,
    pub total: Option<Dec>,
    pub applicable_max: Option<Dec>,
    pub index: Option<Dec>,
    pub class: Option<String>,
    pub modified: String,
    pub last_exported: Option<String>,
    /// Sent yet, and what the reviewer answered.
    pub round_trip: RoundTrip,
    /// Size in storage (UTF-16, as browsers count localStorage).
    pub bytes: usize,
}

/// Summarises a draft against its set (None when the set is not loaded).
pub fn summarize(draft: &Draft, set: Option<&CriteriaSet>, stored_chars: usize) -> DraftSummary {
    let report = set.map(|s| draft.score(s));
    DraftSummary {
        id: draft.id.clone(),
        name: draft.display_name(),
        agency: draft.profile.name.clone(),
        set_label: match set {
            Some(s) => Some(format!("{} ({})", s.title_shown(), s.year)),
            None if draft.set_key.is_empty() => None,
            None => Some(draft.set_key.clone()),
        },
        set_missing: set.is_none() && !draft.set_key.is_empty(),
        percent_complete: report.as_ref().map(|r| {
            if r.answerable == 0 {
                100
            } else {
                (r.answered * 100 / r.answerable) as u32
            }
        }),
        total: report.as_ref().map(|r| r.total),
        applicable_max: report.as_ref().map(|r| r.applicable_max),
        index: report.as_ref().and_then(|r| r.index),
        class: report
            .and_then(|r| r.class)
            .map(|c| set.map_or(c.clone(), |s| s.class_shown(&c).to_string())),
        modified: draft.modified.clone(),
        last_exported: draft.last_exported.clone(),
        round_trip: draft.round_trip(),
        bytes: stored_chars * 2,
    }
}

/// "2026-11-22T05:30:12" → "05:30:12 22/11/2026"; anything else unchanged.
pub fn datetime_text(iso: &str) -> String {
    match iso.split_once('T') {
        Some((date, time)) if crate::domain::criteria::validation::is_iso_date(date) => {
            format!(
                "{} {}",
                time,
                crate::domain::criteria::rule_text::date_text(date)
            )
        }
        _ => iso.to_string(),
    }
}

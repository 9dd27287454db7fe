//! The set being authored, as the studio keeps it in the browser (autosaved
//! like an agency's draft, apart from the published sets), and the two ways
//! out: a set copied for a new year, and publishing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::annex::ReviewNote;
use crate::domain::base::json::{typed_from_str, Problem};
use crate::domain::criteria::set::{CriteriaSet, Provenance};
use crate::domain::criteria::validation::validate;

pub const STUDIO_FORMAT: &str = "cchc-studio-draft";

/// The studio's draft: the set, the rules still to confirm, and the set it
/// started from (for the comparison).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StudioDraft {
    pub format: String,
    pub format_version: u32,
    pub set: CriteriaSet,
    /// By unit code: rules read from the annex that a person must confirm.
    #[serde(default)]
    pub review: BTreeMap<String, ReviewNote>,
    /// "id@version" of the set this one was copied from, if any.
    #[serde(default)]
    pub based_on: Option<String>,
    /// Local date-time of the last change.
    #[serde(default)]
    pub modified: String,
}

impl StudioDraft {
    pub fn new(
        set: CriteriaSet,
        review: BTreeMap<String, ReviewNote>,
        based_on: Option<String>,
    ) -> StudioDraft {
        StudioDraft {
            format: STUDIO_FORMAT.into(),
            format_version: 1,
            set,
            review,
            based_on,
            modified: String::new(),
        }
    }

    /// Reads a stored draft; the message says why it cannot be read.
    pub fn read(text: &str) -> Result<StudioDraft, String> {
        let d: StudioDraft = typed_from_str(text)?;
        if d.format != STUDIO_FORMAT {
            return Err(tf!(
                "không phải bản soạn bộ tiêu chí «{STUDIO_FORMAT}»",
                "not a studio draft «{STUDIO_FORMAT}»"
            ));
        }
        Ok(d)
    }

    /// What stops publishing: every validation problem, and every rule not
    /// yet confirmed.
    pub fn blockers(&self) -> Vec<Problem> {
        let mut out = validate(&self.set);
        for (code, note) in &self.review {
            out.push(Problem {
                path: String::new(),
                code: Some(code.clone()),
                message: tf!(
                    "cần xem lại cách tính điểm: {}",
                    "scoring to review: {}",
                    note.why
                ),
            });
        }
        out
    }

    /// The published file's text and name ("<id>-<version>.json"), when
    /// nothing blocks it.
    pub fn publish(&self) -> Result<(String, String), Vec<Problem>> {
        let blockers = self.blockers();
        if !blockers.is_empty() {
            return Err(blockers);
        }
        let mut set = self.set.clone();
        set.format_version = set.needed_format_version();
        let text = serde_json::to_string_pretty(&set).map_err(|e| {
            vec![Problem {
                path: String::new(),
                code: None,
                message: e.to_string(),
            }]
        })?;
        let slug = |s: &str| {
            s.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                        c
                    } else {
                        '-'
                    }
                })
                .collect::<String>()
        };
        Ok((
            text,
            format!("{}-{}.json", slug(&self.set.id), slug(&self.set.version)),
        ))
    }
}

/// A problem as the studio's author reads it: the file's key names replaced
/// by the labels of the form they fill in.
pub fn author_words(message: &str) -> String {
    const KEYS: [(&str, &str, &str); 14] = [
        ("«issuer»", "«Cơ quan ban hành»", "«Issuer»"),
        ("«id»", "«Mã bộ»", "«Id»"),
        ("«version»", "«Phiên bản»", "«Version»"),
        ("«title»", "«Tên»", "«Title»"),
        ("«bonus_cap»", "«Trần điểm thưởng»", "«Bonus cap»"),
        ("«bands»", "«khoảng»", "«bands»"),
        ("«items»", "«tiêu chí thành phần»", "«sub-criteria»"),
        ("«max»", "«Điểm tối đa»", "«Maximum»"),
        ("«options»", "«mức»", "«levels»"),
        ("«percent»", "«% trừ»", "«percent»"),
        ("«points»", "«điểm»", "«points»"),
        ("«rule»", "«cách tính điểm»", "«scoring rule»"),
        ("«step»", "«Bước chấm»", "«Step»"),
        ("«label»", "«tên mức»", "«label»"),
    ];
    let mut m = message.to_string();
    for (key, vi, en) in KEYS {
        m = m.replace(key, crate::domain::base::i18n::pick(vi, en));
    }
    m.replace("mã (code)", "mã").replace("tên (title)", "tên")
}

/// "Sao chép để soạn bộ mới": the content kept, a new id, version and year,
/// and the provenance to be confirmed as official.
pub fn copy_for_year(set: &CriteriaSet, year: u16) -> CriteriaSet {
    let mut copy = set.clone();
    let old_year = set.year.to_string();
    copy.year = year;
    copy.id = if set.id.contains(&old_year) {
        set.id.replace(&old_year, &year.to_string())
    } else {
        format!("{}-{year}", set.id)
    };
    copy.version = format!("{year}.1");
    copy.title = set.title.replace(&old_year, &year.to_string());
    copy.provenance = Provenance::Official;
    copy.decision.number = String::new();
    copy.decision.date = String::new();
    copy
}

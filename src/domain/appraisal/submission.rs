//! The submission an agency sends to the appraising body (hồ sơ tự đánh
//! giá), and what a reviewer's import checks in it.
//!
//! The file is self-contained: the criteria set is embedded, so a reviewer
//! without the agency's browser can recompute everything; its SHA-256 lets
//! the reviewer compare it with the official set. The whole content is
//! sealed by a SHA-256 over its canonical JSON (the file re-serialised by
//! this code, without the `digest` key), so any edit after export is seen,
//! while re-indenting the file is not mistaken for one. Scores in the file
//! are for information only: the reviewer recomputes them.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use crate::domain::assessment::draft::{answers_of, Draft, Response};
use crate::domain::assessment::profile::AgencyProfile;
use crate::domain::base::decimal::Dec;
use crate::domain::base::file_kinds::not_this_kind;
use crate::domain::base::json::{piece, read_json, Problem};
use crate::domain::base::text::file_slug;
use crate::domain::criteria::set::CriteriaSet;
use crate::domain::criteria::validation::validate;
use crate::domain::scoring::answer::Answers;
use crate::domain::scoring::engine::{score, ScoreReport};

pub use crate::domain::base::file_kinds::SUBMISSION_FORMAT;
pub const SUBMISSION_FORMAT_VERSION: u32 = 1;
/// A submission with its embedded set is tens of KB; refuse anything huge.
pub const MAX_SUBMISSION_BYTES: usize = 3 * 1024 * 1024;

/// Lowercase hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The digest of a criteria set: SHA-256 of its canonical JSON.
pub fn set_digest(set: &CriteriaSet) -> String {
    sha256_hex(serde_json::to_string(set).unwrap_or_default().as_bytes())
}

/// The self-scores as the agency saw them (for information).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedScores {
    pub total: Dec,
    pub applicable_max: Dec,
    #[serde(default)]
    pub index: Option<Dec>,
    #[serde(default)]
    pub class: Option<String>,
    /// Points per item code.
    pub items: BTreeMap<String, Dec>,
}

impl StatedScores {
    pub fn of(report: &ScoreReport) -> StatedScores {
        StatedScores {
            total: report.total,
            applicable_max: report.applicable_max,
            index: report.index,
            class: report.class.clone(),
            items: report
                .items
                .iter()
                .map(|(c, s)| (c.clone(), s.points))
                .collect(),
        }
    }
}

/// A submission file. Everything but `digest` is sealed by it.
///
/// `S` is the embedded set: the set itself, or while reading its raw text
/// (each distinct set is read once, see [`SetCache`]), or `()` (written as
/// null) when the desk stores the set apart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission<S = Arc<CriteriaSet>> {
    /// Always "cchc-submission".
    pub format: String,
    pub format_version: u32,
    /// Version of the app that exported it.
    pub app_version: String,
    /// Local date-time of the export, YYYY-MM-DDTHH:MM:SS.
    pub exported_at: String,
    /// 1 for the first submission, 2 after answering the appraisal's requests.
    pub round: u32,
    /// The draft it came from, so later rounds are matched to earlier ones.
    pub draft_id: String,
    pub agency: AgencyProfile,
    /// "id@version" of the set.
    pub criteria_set_key: String,
    /// SHA-256 of the embedded set's canonical JSON.
    pub criteria_set_digest: String,
    pub criteria_set: S,
    /// By item code: what was entered, with evidence and explanations.
    pub responses: BTreeMap<String, Response>,
    #[serde(default)]
    pub difficulties: String,
    #[serde(default)]
    pub proposals: String,
    pub scores: StatedScores,
    /// SHA-256 of the canonical JSON of everything above (this key empty).
    pub digest: String,
}

impl<S> Submission<S> {
    /// The same submission with `set` in place of its embedded set.
    pub fn with_set<T>(self, set: T) -> Submission<T> {
        Submission {
            format: self.format,
            format_version: self.format_version,
            app_version: self.app_version,
            exported_at: self.exported_at,
            round: self.round,
            draft_id: self.draft_id,
            agency: self.agency,
            criteria_set_key: self.criteria_set_key,
            criteria_set_digest: self.criteria_set_digest,
            criteria_set: set,
            responses: self.responses,
            difficulties: self.difficulties,
            proposals: self.proposals,
            scores: self.scores,
            digest: self.digest,
        }
    }
}

impl Submission {
    /// The canonical JSON the seal covers: compact, keys in declared order
    /// (maps are sorted), `digest` empty.
    pub fn canonical(&self) -> String {
        let mut text = self.to_json();
        // `digest` is the last key: blank its value in place rather than
        // serialise a copy of the whole submission (its set included)
        if !self.digest.is_empty() {
            let tail = format!(
                ",\"digest\":{}}}",
                serde_json::to_string(&self.digest).unwrap_or_default()
            );
            if text.ends_with(&tail) {
                text.truncate(text.len() - tail.len());
                text.push_str(",\"digest\":\"\"}");
            } else {
                let mut c = self.clone();
                c.digest.clear();
                text = c.to_json();
            }
        }
        text
    }

    pub fn compute_digest(&self) -> String {
        sha256_hex(self.canonical().as_bytes())
    }
}

/// Builds the submission of a draft against its set.
pub fn export(draft: &Draft, set: &CriteriaSet, now: &str, round: u32) -> Submission {
    let report = draft.score(set);
    let mut sub = Submission {
        format: SUBMISSION_FORMAT.into(),
        format_version: SUBMISSION_FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").into(),
        exported_at: now.into(),
        round,
        draft_id: draft.id.clone(),
        agency: draft.profile.clone(),
        criteria_set_key: format!("{}@{}", set.id, set.version),
        criteria_set_digest: set_digest(set),
        criteria_set: Arc::new(set.clone()),
        responses: draft.responses.clone(),
        difficulties: draft.difficulties.clone(),
        proposals: draft.proposals.clone(),
        scores: StatedScores::of(&report),
        digest: String::new(),
    };
    sub.digest = sub.compute_digest();
    sub
}

impl Submission {
    /// The file's text: compact JSON (one serializer in the wasm; the digest
    /// does not depend on layout, so a re-indented file still checks).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// `CCHC-<năm>-<cơ-quan>-<ngày>.json`, e.g. CCHC-2026-so-tu-phap-20261122.json.
    pub fn file_name(&self) -> String {
        let year = match self.agency.year.trim() {
            "" => self.criteria_set.year.to_string(),
            y => y.to_string(),
        };
        let date: String = self
            .exported_at
            .chars()
            .take(10)
            .filter(char::is_ascii_digit)
            .collect();
        format!(
            "CCHC-{year}-{}-{date}.json",
            file_slug(&self.agency.name, "co-quan")
        )
    }
}

/// Reads a submission file: size, encoding, JSON, structure (every
/// problem with its place), then the embedded set's own checks.
pub fn read_submission(bytes: &[u8]) -> Result<Submission, Vec<Problem>> {
    let value = read_json(bytes, MAX_SUBMISSION_BYTES)?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(SUBMISSION_FORMAT) => {}
        Some(other) => {
            return Err(vec![Problem {
                path: "format".into(),
                code: None,
                message: not_this_kind(tf!("tệp có định dạng «{other}», không phải tệp nộp tự đánh giá «{SUBMISSION_FORMAT}»", "the file has format «{other}», not a self-assessment submission «{SUBMISSION_FORMAT}»"
            ), Some(other)),
            }])
        }
        None => {
            return Err(vec![Problem {
                path: "format".into(),
                code: None,
                message: tf!("thiếu khóa «format»: đây không phải tệp nộp tự đánh giá «{SUBMISSION_FORMAT}»", "missing key «format»: this is not a self-assessment submission «{SUBMISSION_FORMAT}»"
                ),
            }])
        }
    }
    if let Some(v) = value.get("format_version").and_then(|v| v.as_u64()) {
        if v > SUBMISSION_FORMAT_VERSION as u64 {
            return Err(vec![Problem {
                path: "format_version".into(),
                code: None,
                message: tf!("tệp được xuất bởi phiên bản mới hơn của ứng dụng (định dạng {v}); hãy cập nhật ứng dụng", "the file was exported by a newer version of the app (format {v}); update the app"),
            }]);
        }
    }
    let mut problems = Vec::new();
    let Some(sub) = piece::<Submission>(value, "", None, &mut problems) else {
        return Err(problems);
    };
    let problems = validate(&sub.criteria_set);
    if !problems.is_empty() {
        return Err(set_problems(problems));
    }
    Ok(sub)
}

/// What the two seals of a file say: found once, when the file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seal {
    /// The file's digest matches its content: nothing was edited after export.
    pub digest_ok: bool,
    /// The embedded set's digest matches the set embedded.
    pub set_digest_ok: bool,
}

impl Seal {
    /// Both seals recomputed from the submission's canonical JSON.
    pub fn of(sub: &Submission) -> Seal {
        Seal {
            digest_ok: sub.compute_digest() == sub.digest,
            set_digest_ok: set_digest(&sub.criteria_set) == sub.criteria_set_digest,
        }
    }
}

/// The text a file's seal covers, when the file is laid out as the app
/// writes it (compact, `digest` last): the bytes with the digest blanked.
/// If its SHA-256 is the file's digest, the file is byte for byte what was
/// sealed, and the seal is proven without re-serialising the submission;
/// any other layout is checked the slow way. The browser hashes it with its
/// own (native) SHA-256.
pub fn seal_preimage(bytes: &[u8]) -> Option<Vec<u8>> {
    let head = seal_preimage_head(bytes)?;
    let mut text = Vec::with_capacity(head + SEAL_PREIMAGE_END.len());
    text.extend_from_slice(&bytes[..head]);
    text.extend_from_slice(SEAL_PREIMAGE_END);
    Some(text)
}

/// [`seal_preimage`] is this many of the file's first bytes followed by
/// [`SEAL_PREIMAGE_END`]: the browser builds it next to the file it read,
/// without a copy through the app.
pub fn seal_preimage_head(bytes: &[u8]) -> Option<usize> {
    claimed_digest(bytes).map(|(head, _)| head.len())
}

/// How [`seal_preimage`] ends: the digest blanked.
pub const SEAL_PREIMAGE_END: &[u8] = b",\"digest\":\"\"}";

/// The bytes before `,"digest":"…"}` at the end of the file, and that digest.
fn claimed_digest(bytes: &[u8]) -> Option<(&[u8], &str)> {
    let bytes = bytes.trim_ascii_end();
    let rest = bytes.strip_suffix(b"\"}")?;
    let (head, hex) = rest.split_at_checked(rest.len().checked_sub(64)?)?;
    let head = head.strip_suffix(b",\"digest\":\"")?;
    let hex = std::str::from_utf8(hex).ok()?;
    hex.bytes()
        .all(|b| b.is_ascii_hexdigit())
        .then_some((head, hex))
}

/// The criteria sets met while reading submissions, by their exact text:
/// each distinct set is parsed, validated and hashed once, however many of
/// a province's 190 files embed it. A cache, not part of any value: any
/// two are equal.
#[derive(Clone, Debug, Default)]
pub struct SetCache(Vec<(String, Result<(Arc<CriteriaSet>, String), Vec<Problem>>)>);

impl PartialEq for SetCache {
    fn eq(&self, _: &SetCache) -> bool {
        true
    }
}

impl SetCache {
    /// The set written as `raw` with its digest, or its problems; None when
    /// it does not even parse (the careful reader then says where).
    fn read(&mut self, raw: &str) -> Option<&Result<(Arc<CriteriaSet>, String), Vec<Problem>>> {
        if let Some(i) = self.0.iter().position(|(t, _)| t == raw) {
            return Some(&self.0[i].1);
        }
        let set: CriteriaSet = serde_json::from_str(raw).ok()?;
        let problems = validate(&set);
        let read = if problems.is_empty() {
            let digest = set_digest(&set);
            Ok((Arc::new(set), digest))
        } else {
            Err(set_problems(problems))
        };
        self.0.push((raw.to_string(), read));
        self.0.last().map(|(_, r)| r)
    }
}

fn set_problems(problems: Vec<Problem>) -> Vec<Problem> {
    problems
        .into_iter()
        .map(|p| Problem {
            path: if p.path.is_empty() {
                "criteria_set".into()
            } else {
                format!("criteria_set.{}", p.path)
            },
            ..p
        })
        .collect()
}

/// Reads a submission file and its seals, as [`read_submission`] does, but
/// fast for files as the app writes them: one typed parse, the embedded set
/// taken from `sets`, the seal proven on the bytes. Anything unusual goes
/// through [`read_submission`], which names every problem with its place.
///
/// `preimage_sha` is the SHA-256 of [`seal_preimage`], when the caller has
/// computed it (the browser, natively); otherwise it is computed here.
pub fn read_submission_sealed(
    bytes: &[u8],
    sets: &mut SetCache,
    preimage_sha: Option<&str>,
) -> Result<(Submission, Seal), Vec<Problem>> {
    if bytes.len() <= MAX_SUBMISSION_BYTES {
        if let Ok(wire) = serde_json::from_slice::<Submission<&RawValue>>(bytes) {
            if wire.format == SUBMISSION_FORMAT && wire.format_version <= SUBMISSION_FORMAT_VERSION
            {
                match sets.read(wire.criteria_set.get()) {
                    Some(Err(problems)) => return Err(problems.clone()),
                    Some(Ok((set, digest))) => {
                        let set_digest_ok = *digest == wire.criteria_set_digest;
                        let as_written = claimed_digest(bytes)
                            .is_some_and(|(_, d)| d == wire.digest)
                            && match preimage_sha {
                                Some(sha) => sha == wire.digest,
                                None => seal_preimage(bytes)
                                    .is_some_and(|p| sha256_hex(&p) == wire.digest),
                            };
                        // one set shared by every submission that embeds it
                        let sub = wire.with_set(Arc::clone(set));
                        let digest_ok = as_written || sub.compute_digest() == sub.digest;
                        return Ok((
                            sub,
                            Seal {
                                digest_ok,
                                set_digest_ok,
                            },
                        ));
                    }
                    None => {}
                }
            }
        }
    }
    let sub = read_submission(bytes)?;
    let seal = Seal::of(&sub);
    Ok((sub, seal))
}

/// One self-score that the recomputation does not confirm.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreMismatch {
    pub code: String,
    pub stated: Option<Dec>,
    pub recomputed: Dec,
}

/// What a reviewer learns on import.
#[derive(Clone, Debug, PartialEq)]
pub struct Checks {
    /// The seal matches: nothing was edited after export.
    pub digest_ok: bool,
    /// The embedded set's digest matches the set embedded.
    pub set_digest_ok: bool,
    /// Compared with the reviewer's own copy of the same id@version:
    /// Some(true) same, Some(false) differs, None when the reviewer has none.
    pub matches_official: Option<bool>,
    /// Items whose stated points differ from the recomputation.
    pub mismatches: Vec<ScoreMismatch>,
    /// The stated total, index or class differs from the recomputed one.
    pub total_mismatch: bool,
    /// Recomputed with the official set when there is one, else the embedded.
    pub report: ScoreReport,
    /// What the file states (total, index, class), for the messages.
    pub stated: StatedScores,
}

impl Checks {
    pub fn flagged(&self) -> bool {
        !self.digest_ok
            || !self.set_digest_ok
            || self.matches_official != Some(true)
            || !self.mismatches.is_empty()
            || self.total_mismatch
    }

    /// Each problem as a sentence, for the reviewer.
    pub fn messages(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.digest_ok {
            out.push(
                t!(
                    "Mã niêm phong (SHA-256) không khớp: tệp đã bị sửa sau khi xuất.",
                    "The seal (SHA-256) does not match: the file was changed after export."
                )
                .to_string(),
            );
        }
        if !self.set_digest_ok {
            out.push(
                t!("Bộ tiêu chí trong tệp không khớp mã băm ghi kèm: bộ tiêu chí đã bị sửa.", "The criteria set in the file does not match its recorded hash: the set was changed.")
                    .to_string(),
            );
        }
        match self.matches_official {
            Some(false) => out.push(t!("Bộ tiêu chí trong tệp khác với bộ tiêu chí chính thức cùng mã và phiên bản mà bạn đang có; điểm được tính lại theo bộ chính thức.", "The criteria set in the file differs from the official set with the same id and version that you have; scores are recomputed with the official set.").to_string()),
            None => out.push(t!("Chưa có bộ tiêu chí chính thức: bộ tiêu chí của tệp không có trong thư viện của bạn, nên hồ sơ được để riêng, không xếp loại và không xếp hạng (xếp loại theo bộ đi kèm tệp có thể bị làm giả). Hãy nạp bộ tiêu chí chính thức, hoặc mở hồ sơ và chấp nhận bộ đi kèm tệp nếu đúng là bộ của tỉnh.", "No official criteria set: the file's set is not in your library, so the submission is held apart, neither classed nor ranked (classes from the file's own set could be forged). Load the official set, or open the submission and accept the enclosed set if it is the province's.").to_string()),
            Some(true) => {}
        }
        if self.total_mismatch {
            let pct = |i: Option<Dec>| {
                i.map(|i| format!("{}%", i.shown_fixed2()))
                    .unwrap_or_else(|| "—".into())
            };
            out.push(tf!(
                "Tổng điểm, chỉ số hoặc xếp loại ghi trong tệp ({}; {}; {}) khác với kết quả tính lại ({}; {}; {}).",
                "The total, index or class written in the file ({}; {}; {}) differs from the recomputed result ({}; {}; {}).",
                self.stated.total.shown(),
                pct(self.stated.index),
                self.stated.class.as_deref().unwrap_or("—"),
                self.report.total.shown(),
                pct(self.report.index),
                self.report.class.as_deref().unwrap_or("—")
            ));
        }
        if !self.mismatches.is_empty() {
            out.push(tf!(
                "{} mục có điểm tự chấm khác với điểm tính lại: {}.",
                "{} items have a self-score that differs from the recomputed score: {}.",
                self.mismatches.len(),
                self.mismatches
                    .iter()
                    .take(8)
                    .map(|m| m.code.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        out
    }
}

impl Submission {
    /// The agency's answers as a draft the engine can score: its responses
    /// and its profile (the exemptions it declares count).
    pub fn as_draft(&self) -> Draft {
        Draft {
            responses: self.responses.clone(),
            profile: self.agency.clone(),
            ..Draft::default()
        }
    }

    /// The answers the set scores (see [`answers_of`]), without copying the
    /// responses as [`Submission::as_draft`] does.
    pub fn answers(&self, set: &CriteriaSet) -> Answers {
        answers_of(&self.responses, &self.agency.exemptions, set)
    }

    /// The agency's own score by `set`.
    pub fn score(&self, set: &CriteriaSet) -> ScoreReport {
        score(set, &self.answers(set))
    }
}

/// Checks a submission, recomputing every score from its answers with the
/// reviewer's official set when it has one.
pub fn check(sub: &Submission, official: Option<&CriteriaSet>) -> Checks {
    // equal sets have equal canonical JSON, so comparing the values says
    // what comparing their digests would, without hashing both again
    let official = official.map(|o| (o, *o == *sub.criteria_set));
    check_sealed(sub, Seal::of(sub), official)
}

/// [`check`] with the seals already known (found when the file was read)
/// and the official set given with whether the embedded set equals it
/// (the desk compares each distinct embedded set once).
pub fn check_sealed(
    sub: &Submission,
    seal: Seal,
    official: Option<(&CriteriaSet, bool)>,
) -> Checks {
    let body = sub;
    let Seal {
        digest_ok,
        set_digest_ok,
    } = seal;
    let matches_official = official.map(|(_, same)| same);
    let set = official.map_or(&*body.criteria_set, |(o, _)| o);
    let report = body.score(set);
    let mut mismatches = Vec::new();
    for (code, item) in &report.items {
        let stated = body.scores.items.get(code).copied();
        if stated != Some(item.points) {
            mismatches.push(ScoreMismatch {
                code: code.clone(),
                stated,
                recomputed: item.points,
            });
        }
    }
    for code in body.scores.items.keys() {
        if !report.items.contains_key(code) {
            mismatches.push(ScoreMismatch {
                code: code.clone(),
                stated: body.scores.items.get(code).copied(),
                recomputed: Dec::ZERO,
            });
        }
    }
    Checks {
        digest_ok,
        set_digest_ok,
        matches_official,
        total_mismatch: body.scores.total != report.total
            || body.scores.index != report.index
            || body.scores.class != report.class,
        mismatches,
        report,
        stated: StatedScores {
            items: BTreeMap::new(),
            ..body.scores.clone()
        },
    }
}

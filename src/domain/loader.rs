//! Reading a criteria-set file: every problem is reported, in Vietnamese,
//! with the JSON path and the item code where there is one.
//!
//! Two passes. The structure pass reads the file piece by piece (the header,
//! each field, each criterion, each item separately) so one broken item does
//! not hide the others. When the structure is sound, the arithmetic pass
//! checks codes, bands and sums.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::criteria_set::*;
use super::serde_vi::{json_syntax_vi, serde_message_vi};
use super::validation::validate;

/// Largest criteria-set file accepted. The largest real set (~100 items with
/// guidance) is well under 200 KB.
pub const MAX_SET_BYTES: usize = 2 * 1024 * 1024;

/// One problem found in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where in the file, e.g. "fields[0].criteria[1].items[2].rule.bands[1]".
    /// Empty for the whole file.
    pub path: String,
    /// The code of the field, criterion or item concerned, when known.
    pub code: Option<String>,
    /// What is wrong, in Vietnamese.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(code) = &self.code {
            write!(f, "[{code}] ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

pub(crate) fn problem(
    path: impl Into<String>,
    code: Option<&str>,
    message: impl Into<String>,
) -> Problem {
    Problem {
        path: path.into(),
        code: code.map(str::to_string),
        message: message.into(),
    }
}

/// Reads raw file bytes: size, encoding, JSON syntax, then the format.
pub fn load_criteria_set(bytes: &[u8]) -> Result<CriteriaSet, Vec<Problem>> {
    let value = read_json(bytes, MAX_SET_BYTES)?;
    let set = parse_structure(value)?;
    let problems = validate(&set);
    if problems.is_empty() {
        Ok(set)
    } else {
        Err(problems)
    }
}

/// Size, UTF-8 and JSON syntax checks shared by every importer.
pub fn read_json(bytes: &[u8], limit: usize) -> Result<Value, Vec<Problem>> {
    if bytes.len() > limit {
        return Err(vec![problem(
            "",
            None,
            tf!(
                "Tệp quá lớn ({} KB); giới hạn là {} KB",
                "File too large ({} KB); the limit is {} KB",
                bytes.len().div_ceil(1024),
                limit / 1024
            ),
        )]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![problem(
            "",
            None,
            tf!("Tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {}); hãy lưu lại tệp với mã hóa UTF-8", "The file is not UTF-8 text (bad byte at position {}); save it again with UTF-8 encoding",
                e.valid_up_to()
            ),
        )]
    })?;
    if text.trim().is_empty() {
        return Err(vec![problem("", None, t!("Tệp rỗng", "Empty file"))]);
    }
    serde_json::from_str::<Value>(text).map_err(|e| vec![problem("", None, json_syntax_vi(&e))])
}

/// Reads a typed value from parsed JSON. Every typed read in the app goes
/// through this one deserializer type (path-tracking over `&Value`), so each
/// type's deserialisation code exists once in the wasm, not once per source.
pub fn typed<T: DeserializeOwned>(v: Value) -> Result<T, String> {
    serde_path_to_error::deserialize::<_, T>(&v).map_err(|e| format!("{}: {}", e.path(), e.inner()))
}

/// Parses text and reads a typed value from it (see [`typed`]).
pub fn typed_from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    typed(serde_json::from_str::<Value>(text).map_err(|e| e.to_string())?)
}

/// Deserialises one piece, reporting the path inside it on failure. serde
/// stops at the first error in a struct, so after an error under a key the
/// key is dropped and the piece read again: every bad key is reported, and a
/// key dropped that way is not reported again as missing.
pub(crate) fn piece<T: DeserializeOwned>(
    mut v: Value,
    base: &str,
    code: Option<&str>,
    out: &mut Vec<Problem>,
) -> Option<T> {
    let mut dropped: Vec<String> = Vec::new();
    for _ in 0..64 {
        // read from a reference: the value is kept for the next attempt
        // without copying the whole tree (a criteria set is thousands of nodes)
        let e = match serde_path_to_error::deserialize::<_, T>(&v) {
            Ok(t) => return if dropped.is_empty() { Some(t) } else { None },
            Err(e) => e,
        };
        let inner = e.path().to_string();
        let message = e.into_inner().to_string();
        let first_key = inner.split(['.', '[']).next().unwrap_or("").to_string();
        let missing_dropped = dropped
            .iter()
            .any(|k| message == format!("missing field `{k}`"));
        if !missing_dropped {
            let path = match (base.is_empty(), inner.as_str()) {
                (_, ".") | (_, "") => base.to_string(),
                (true, p) => p.to_string(),
                (false, p) => format!("{base}.{p}"),
            };
            out.push(problem(path, code, serde_message_vi(&message)));
        }
        // Drop the offending key and look for more problems. A missing field
        // is reported only once every present key has been read, so there is
        // nothing more to find after one.
        if first_key.is_empty() || first_key == "." {
            return None;
        }
        let removed = v.as_object_mut().and_then(|obj| obj.remove(&first_key));
        if removed.is_none() {
            return None;
        }
        dropped.push(first_key);
    }
    None
}

fn code_of(obj: &Map<String, Value>) -> Option<String> {
    obj.get("code").and_then(Value::as_str).map(str::to_string)
}

/// Takes an array out of an object. Absent is Ok(empty); not an array is a problem.
fn take_array(
    obj: &mut Map<String, Value>,
    key: &str,
    path: &str,
    code: Option<&str>,
    out: &mut Vec<Problem>,
) -> Vec<Value> {
    match obj.remove(key) {
        None => Vec::new(),
        Some(Value::Array(a)) => a,
        Some(_) => {
            out.push(problem(
                join(path, key),
                code,
                tf!("«{key}» phải là một mảng", "«{key}» must be an array"),
            ));
            Vec::new()
        }
    }
}

pub(crate) fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}.{key}")
    }
}

/// A rule's `kind` is checked by hand so that an unknown kind gets a
/// specific message, and so does a missing one.
fn check_rule_kind(
    obj: &Map<String, Value>,
    path: &str,
    code: Option<&str>,
    out: &mut Vec<Problem>,
) -> bool {
    let Some(rule) = obj.get("rule") else {
        return true; // a missing rule is reported by the structure pass
    };
    let rpath = join(path, "rule");
    match rule.get("kind") {
        None => {
            out.push(problem(
                rpath,
                code,
                tf!(
                    "quy tắc chấm thiếu «kind»; các loại hợp lệ: {}",
                    "scoring rule lacks «kind»; valid kinds: {}",
                    Rule::KINDS.join(", ")
                ),
            ));
            false
        }
        Some(Value::String(k)) if !Rule::KINDS.contains(&k.as_str()) => {
            out.push(problem(
                join(&rpath, "kind"),
                code,
                tf!(
                    "loại quy tắc chấm «{k}» không được hỗ trợ; các loại hợp lệ: {}",
                    "scoring rule kind «{k}» is not supported; valid kinds: {}",
                    Rule::KINDS.join(", ")
                ),
            ));
            false
        }
        _ => true,
    }
}

fn parse_structure(value: Value) -> Result<CriteriaSet, Vec<Problem>> {
    let mut out = Vec::new();
    let Value::Object(mut top) = value else {
        return Err(vec![problem(
            "",
            None,
            t!(
                "Tệp phải chứa một đối tượng JSON { … } mô tả bộ tiêu chí",
                "The file must hold a JSON object { … } describing a criteria set"
            ),
        )]);
    };
    // Recognise other files people may pick by mistake before anything else.
    match top.get("format").and_then(Value::as_str) {
        Some(CRITERIA_SET_FORMAT) | None => {}
        Some(other) => {
            return Err(vec![problem(
                "format",
                None,
                tf!("Đây không phải tệp bộ tiêu chí (format là «{other}», cần «{CRITERIA_SET_FORMAT}»)", "This is not a criteria-set file (format is «{other}», expected «{CRITERIA_SET_FORMAT}»)"
            ),
            )])
        }
    }
    if let Some(v) = top.get("format_version").and_then(Value::as_u64) {
        if v != CRITERIA_SET_FORMAT_VERSION as u64 {
            return Err(vec![problem(
                "format_version",
                None,
                tf!("Phiên bản định dạng {v} chưa được hỗ trợ; ứng dụng này đọc phiên bản {CRITERIA_SET_FORMAT_VERSION}", "Format version {v} is not supported yet; this app reads version {CRITERIA_SET_FORMAT_VERSION}"),
            )]);
        }
    }
    let has_fields = top.contains_key("fields");
    let field_values = take_array(&mut top, "fields", "", None, &mut out);
    if !has_fields {
        out.push(problem(
            "fields",
            None,
            t!(
                "thiếu trường bắt buộc «fields» (danh sách lĩnh vực)",
                "missing required field «fields» (the list of fields)"
            ),
        ));
    }
    let header: Option<CriteriaSet> = piece(Value::Object(top), "", None, &mut out);

    let mut fields = Vec::new();
    for (fi, fv) in field_values.into_iter().enumerate() {
        let fpath = format!("fields[{fi}]");
        let Value::Object(mut fobj) = fv else {
            out.push(problem(
                fpath,
                None,
                t!(
                    "mỗi lĩnh vực phải là một đối tượng",
                    "each field must be an object"
                ),
            ));
            continue;
        };
        let fcode = code_of(&fobj);
        let crit_values = take_array(&mut fobj, "criteria", &fpath, fcode.as_deref(), &mut out);
        let field: Option<Field> = piece(Value::Object(fobj), &fpath, fcode.as_deref(), &mut out);
        let mut criteria = Vec::new();
        for (ci, cv) in crit_values.into_iter().enumerate() {
            let cpath = format!("{fpath}.criteria[{ci}]");
            let Value::Object(mut cobj) = cv else {
                out.push(problem(
                    cpath,
                    None,
                    t!(
                        "mỗi tiêu chí phải là một đối tượng",
                        "each criterion must be an object"
                    ),
                ));
                continue;
            };
            let ccode = code_of(&cobj);
            let item_values = take_array(&mut cobj, "items", &cpath, ccode.as_deref(), &mut out);
            let kind_ok = check_rule_kind(&cobj, &cpath, ccode.as_deref(), &mut out);
            let criterion: Option<Criterion> = if kind_ok {
                piece(Value::Object(cobj), &cpath, ccode.as_deref(), &mut out)
            } else {
                None
            };
            let mut items = Vec::new();
            for (ii, iv) in item_values.into_iter().enumerate() {
                let ipath = format!("{cpath}.items[{ii}]");
                let Value::Object(iobj) = iv else {
                    out.push(problem(
                        ipath,
                        None,
                        t!(
                            "mỗi tiêu chí thành phần phải là một đối tượng",
                            "each sub-criterion must be an object"
                        ),
                    ));
                    continue;
                };
                let icode = code_of(&iobj);
                if !iobj.contains_key("rule") {
                    out.push(problem(
                        &ipath,
                        icode.as_deref(),
                        t!("thiếu quy tắc chấm «rule»", "missing scoring rule «rule»"),
                    ));
                    continue;
                }
                if check_rule_kind(&iobj, &ipath, icode.as_deref(), &mut out) {
                    if let Some(item) =
                        piece::<Item>(Value::Object(iobj), &ipath, icode.as_deref(), &mut out)
                    {
                        items.push(item);
                    }
                }
            }
            if let Some(mut c) = criterion {
                c.items = items;
                criteria.push(c);
            }
        }
        if let Some(mut f) = field {
            f.criteria = criteria;
            fields.push(f);
        }
    }
    match header {
        Some(mut set) if out.is_empty() => {
            set.fields = fields;
            Ok(set)
        }
        _ => Err(out),
    }
}

//! Reading any JSON file the app accepts: size, encoding and syntax, typed
//! pieces that report every bad key, and the problems found, in people's
//! words, with where they are.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::file_kinds::{binary_kind, not_this_kind};
use super::serde_vi::{json_syntax_vi, serde_message_vi};

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

/// The `format` a JSON file says it is in, read without the rest: which
/// of the app's files it is.
pub fn format_of(bytes: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct FormatOnly {
        #[serde(default)]
        format: Option<String>,
    }
    serde_json::from_slice::<FormatOnly>(bytes).ok()?.format
}

pub fn problem(path: impl Into<String>, code: Option<&str>, message: impl Into<String>) -> Problem {
    Problem {
        path: path.into(),
        code: code.map(str::to_string),
        message: message.into(),
    }
}

/// Size, UTF-8 and JSON syntax checks shared by every importer; a PDF, an
/// Office file or an image picked by mistake is named as such.
pub fn read_json(bytes: &[u8], limit: usize) -> Result<Value, Vec<Problem>> {
    if let Some(kind) = binary_kind(bytes) {
        return Err(vec![problem("", None, kind)]);
    }
    read_own_json(bytes, limit)
}

/// The same checks for what the app wrote or ships itself (the library
/// kept in storage, the bundled sets), read on every start: nobody picked
/// these, so no guess at what else they might be (it stays out of the
/// first download).
pub fn read_own_json(bytes: &[u8], limit: usize) -> Result<Value, Vec<Problem>> {
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

/// Reads a typed value from parsed JSON, saying where a problem is. Every
/// read of a file brought in goes through this one deserializer type
/// (path-tracking over `&Value`), so each type's code exists once in the
/// wasm; what the app reads on every start uses [`typed_plain`].
pub fn typed<T: DeserializeOwned>(v: Value) -> Result<T, String> {
    serde_path_to_error::deserialize::<_, T>(&v).map_err(|e| format!("{}: {}", e.path(), e.inner()))
}

/// Reads a typed value without tracking where a problem is: for what this
/// app wrote itself or ships (drafts in its storage, the bundled sets), read
/// on every start. Path tracking roughly doubles each type's code, and this
/// keeps that code out of the first download.
pub fn typed_plain<T: DeserializeOwned>(v: &Value) -> Result<T, String> {
    T::deserialize(v).map_err(|e| serde_message_vi(&e.to_string()))
}

/// Parses text and reads a typed value from it (see [`typed`]).
pub fn typed_from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    typed(serde_json::from_str::<Value>(text).map_err(|e| e.to_string())?)
}

/// Reads a file of one of this app's formats: its size, the JSON, the
/// `format` key (another format is refused with `not_this`), then the typed
/// value with every problem's place.
pub fn read_format<T: DeserializeOwned>(
    bytes: &[u8],
    limit: usize,
    format: &str,
    not_this: String,
) -> Result<T, Vec<Problem>> {
    let value = read_json(bytes, limit)?;
    let found = value.get("format").and_then(|f| f.as_str());
    if found != Some(format) {
        return Err(vec![problem(
            "format",
            None,
            not_this_kind(not_this, found),
        )]);
    }
    let mut problems = Vec::new();
    piece::<T>(value, "", None, &mut problems).ok_or(problems)
}

/// Deserialises one piece, reporting the path inside it on failure. serde
/// stops at the first error in a struct, so after an error under a key the
/// key is dropped and the piece read again: every bad key is reported, and a
/// key dropped that way is not reported again as missing.
pub fn piece<T: DeserializeOwned>(
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

pub fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}.{key}")
    }
}

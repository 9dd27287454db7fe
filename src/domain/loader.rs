//! Reading a criteria-set file: every problem is reported, in Vietnamese,
//! with the JSON path and the item code where there is one.
//!
//! Two passes. The structure pass reads the file piece by piece (the header,
//! each field, each criterion, each item separately) so one broken item does
//! not hide the others. When the structure is sound, the arithmetic pass
//! checks codes, bands and sums.

use std::collections::HashMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::criteria_set::*;
use super::decimal::Dec;
use super::rule_text::range_vi;

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

fn problem(path: impl Into<String>, code: Option<&str>, message: impl Into<String>) -> Problem {
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
            format!(
                "Tệp quá lớn ({} KB); giới hạn là {} KB",
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
            format!(
                "Tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {}); hãy lưu lại tệp với mã hóa UTF-8",
                e.valid_up_to()
            ),
        )]
    })?;
    if text.trim().is_empty() {
        return Err(vec![problem("", None, "Tệp rỗng")]);
    }
    serde_json::from_str::<Value>(text).map_err(|e| vec![problem("", None, json_syntax_vi(&e))])
}

fn json_syntax_vi(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let what = if msg.contains("recursion limit") {
        "JSON lồng nhau quá sâu"
    } else if e.is_eof() {
        "tệp bị cắt ngang, JSON chưa kết thúc"
    } else if msg.contains("trailing characters") {
        "còn ký tự thừa sau khi JSON đã kết thúc"
    } else if msg.contains("trailing comma") {
        "thừa dấu phẩy"
    } else if msg.contains("key must be a string") {
        "tên trường phải đặt trong dấu nháy kép"
    } else if msg.contains("control character") {
        "chuỗi chứa ký tự điều khiển không hợp lệ"
    } else if msg.contains("number out of range") {
        "số quá lớn"
    } else {
        "lỗi cú pháp JSON"
    };
    format!(
        "Tệp không phải JSON hợp lệ: {what} (dòng {}, cột {})",
        e.line(),
        e.column()
    )
}

/// Turns a serde message into Vietnamese. Our own messages (numbers) are
/// already Vietnamese and pass through.
pub fn serde_message_vi(msg: &str) -> String {
    fn between<'a>(s: &'a str, prefix: &str) -> Option<(&'a str, &'a str)> {
        let rest = s.strip_prefix(prefix)?;
        let end = rest.find('`')?;
        Some((&rest[..end], &rest[end + 1..]))
    }
    fn expected_list(rest: &str) -> String {
        rest.split_once("expected one of ")
            .or_else(|| rest.split_once("expected "))
            .map(|(_, l)| l.replace('`', ""))
            .unwrap_or_default()
    }
    if let Some((name, _)) = between(msg, "missing field `") {
        return format!("thiếu trường bắt buộc «{name}»");
    }
    if let Some((name, rest)) = between(msg, "unknown field `") {
        let list = expected_list(rest);
        return if list.is_empty() || rest.contains("there are no fields") {
            format!("trường «{name}» không có trong định dạng")
        } else {
            format!(
                "trường «{name}» không có trong định dạng (gõ sai tên?); các trường hợp lệ: {list}"
            )
        };
    }
    if let Some((name, rest)) = between(msg, "unknown variant `") {
        return format!(
            "giá trị «{name}» không hợp lệ; các giá trị hợp lệ: {}",
            expected_list(rest)
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (got, want) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "sai kiểu dữ liệu: nhận {}, cần {}",
            kind_vi(got),
            kind_vi(want)
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (got, want) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "giá trị {} nằm ngoài phạm vi; cần {}",
            got.replace('`', ""),
            kind_vi(want)
        );
    }
    if msg.starts_with("invalid length") {
        return format!("số phần tử không đúng ({msg})");
    }
    if msg.starts_with("duplicate field `") {
        return format!(
            "trường «{}» xuất hiện hai lần",
            between(msg, "duplicate field `").map(|x| x.0).unwrap_or("")
        );
    }
    msg.to_string()
}

fn kind_vi(s: &str) -> String {
    let s = s.trim();
    let head = s.split([' ', '`', '"']).next().unwrap_or(s);
    match head {
        "string" | "a" if s.starts_with("a string") || head == "string" => "chuỗi văn bản".into(),
        "integer" => format!("số nguyên {}", s.trim_start_matches("integer").trim()),
        "floating" => format!(
            "số thập phân {}",
            s.trim_start_matches("floating point").trim()
        ),
        "boolean" => format!(
            "giá trị true/false {}",
            s.trim_start_matches("boolean").trim()
        ),
        "sequence" => "một mảng".into(),
        "map" => "một đối tượng".into(),
        "null" => "null".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "số nguyên không âm".into(),
        "struct" | "internally" => "một đối tượng".into(),
        _ if s.starts_with("a boolean") => "true hoặc false".into(),
        _ if s.starts_with("a sequence") => "một mảng".into(),
        _ if s.starts_with("a map") => "một đối tượng".into(),
        _ => s.to_string(),
    }
    .trim()
    .to_string()
}

/// Deserialises one piece, reporting the path inside it on failure. serde
/// stops at the first error in a struct, so after an error under a key the
/// key is dropped and the piece read again: every bad key is reported, and a
/// key dropped that way is not reported again as missing.
fn piece<T: DeserializeOwned>(
    mut v: Value,
    base: &str,
    code: Option<&str>,
    out: &mut Vec<Problem>,
) -> Option<T> {
    let mut dropped: Vec<String> = Vec::new();
    for _ in 0..64 {
        let e = match serde_path_to_error::deserialize::<_, T>(v.clone()) {
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
                format!("«{key}» phải là một mảng"),
            ));
            Vec::new()
        }
    }
}

fn join(base: &str, key: &str) -> String {
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
                format!(
                    "quy tắc chấm thiếu «kind»; các loại hợp lệ: {}",
                    Rule::KINDS.join(", ")
                ),
            ));
            false
        }
        Some(Value::String(k)) if !Rule::KINDS.contains(&k.as_str()) => {
            out.push(problem(
                join(&rpath, "kind"),
                code,
                format!(
                    "loại quy tắc chấm «{k}» không được hỗ trợ; các loại hợp lệ: {}",
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
            "Tệp phải chứa một đối tượng JSON { … } mô tả bộ tiêu chí",
        )]);
    };
    // Recognise other files people may pick by mistake before anything else.
    match top.get("format").and_then(Value::as_str) {
        Some(CRITERIA_SET_FORMAT) | None => {}
        Some(other) => {
            return Err(vec![problem(
                "format",
                None,
                format!(
                "Đây không phải tệp bộ tiêu chí (format là «{other}», cần «{CRITERIA_SET_FORMAT}»)"
            ),
            )])
        }
    }
    if let Some(v) = top.get("format_version").and_then(Value::as_u64) {
        if v != CRITERIA_SET_FORMAT_VERSION as u64 {
            return Err(vec![problem(
                "format_version",
                None,
                format!("Phiên bản định dạng {v} chưa được hỗ trợ; ứng dụng này đọc phiên bản {CRITERIA_SET_FORMAT_VERSION}"),
            )]);
        }
    }
    let has_fields = top.contains_key("fields");
    let field_values = take_array(&mut top, "fields", "", None, &mut out);
    if !has_fields {
        out.push(problem(
            "fields",
            None,
            "thiếu trường bắt buộc «fields» (danh sách lĩnh vực)",
        ));
    }
    let header: Option<CriteriaSet> = piece(Value::Object(top), "", None, &mut out);

    let mut fields = Vec::new();
    for (fi, fv) in field_values.into_iter().enumerate() {
        let fpath = format!("fields[{fi}]");
        let Value::Object(mut fobj) = fv else {
            out.push(problem(fpath, None, "mỗi lĩnh vực phải là một đối tượng"));
            continue;
        };
        let fcode = code_of(&fobj);
        let crit_values = take_array(&mut fobj, "criteria", &fpath, fcode.as_deref(), &mut out);
        let field: Option<Field> = piece(Value::Object(fobj), &fpath, fcode.as_deref(), &mut out);
        let mut criteria = Vec::new();
        for (ci, cv) in crit_values.into_iter().enumerate() {
            let cpath = format!("{fpath}.criteria[{ci}]");
            let Value::Object(mut cobj) = cv else {
                out.push(problem(cpath, None, "mỗi tiêu chí phải là một đối tượng"));
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
                        "mỗi tiêu chí thành phần phải là một đối tượng",
                    ));
                    continue;
                };
                let icode = code_of(&iobj);
                if !iobj.contains_key("rule") {
                    out.push(problem(
                        &ipath,
                        icode.as_deref(),
                        "thiếu quy tắc chấm «rule»",
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

/// The arithmetic pass: codes, bands, options and sums. Returns every problem.
pub fn validate(set: &CriteriaSet) -> Vec<Problem> {
    let mut out = Vec::new();
    validate_header(set, &mut out);
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut check_code = |code: &str, path: &str, out: &mut Vec<Problem>| {
        if code.trim().is_empty() {
            out.push(problem(path, None, "mã (code) không được để trống"));
        } else if let Some(first) = seen.get(code) {
            out.push(problem(
                path,
                Some(code),
                format!("mã «{code}» bị trùng (đã dùng ở {first})"),
            ));
        } else {
            seen.insert(code.to_string(), path.to_string());
        }
    };
    if set.fields.is_empty() {
        out.push(problem("fields", None, "bộ tiêu chí chưa có lĩnh vực nào"));
    }
    let mut has_bonus = false;
    let mut total = Dec::ZERO;
    for (fi, field) in set.fields.iter().enumerate() {
        let fpath = format!("fields[{fi}]");
        let fcode = Some(field.code.as_str());
        check_code(&field.code, &fpath, &mut out);
        check_title(&field.title, &fpath, fcode, &mut out);
        if field.criteria.is_empty() {
            out.push(problem(&fpath, fcode, "lĩnh vực chưa có tiêu chí nào"));
        }
        let mut sum = Dec::ZERO;
        for (ci, c) in field.criteria.iter().enumerate() {
            let cpath = format!("{fpath}.criteria[{ci}]");
            let ccode = Some(c.code.as_str());
            check_code(&c.code, &cpath, &mut out);
            check_title(&c.title, &cpath, ccode, &mut out);
            match (&c.rule, c.items.is_empty()) {
                (Some(_), false) => out.push(problem(
                    &cpath,
                    ccode,
                    "tiêu chí vừa có «rule» vừa có «items»: chỉ chấm trực tiếp hoặc chấm qua tiêu chí thành phần",
                )),
                (None, true) => out.push(problem(
                    &cpath,
                    ccode,
                    "tiêu chí không có «rule» và cũng không có «items»",
                )),
                (Some(rule), true) => {
                    if matches!(rule, Rule::Deduction { .. }) {
                        out.push(problem(
                            join(&cpath, "rule"),
                            ccode,
                            "điểm trừ phải là tiêu chí thành phần của một tiêu chí có điểm để trừ",
                        ));
                    }
                    has_bonus |= matches!(rule, Rule::Bonus { .. });
                    validate_rule(rule, c.max, &join(&cpath, "rule"), ccode, &mut out);
                }
                (None, false) => {}
            }
            let counted_max = if c.rule.as_ref().is_some_and(|r| !r.counts_toward_max()) {
                Dec::ZERO
            } else {
                c.max
            };
            if c.rule.is_none() && !c.items.is_empty() {
                let mut isum = Dec::ZERO;
                for (ii, item) in c.items.iter().enumerate() {
                    let ipath = format!("{cpath}.items[{ii}]");
                    let icode = Some(item.code.as_str());
                    check_code(&item.code, &ipath, &mut out);
                    check_title(&item.title, &ipath, icode, &mut out);
                    has_bonus |= matches!(item.rule, Rule::Bonus { .. });
                    validate_rule(&item.rule, item.max, &join(&ipath, "rule"), icode, &mut out);
                    if item.rule.counts_toward_max() {
                        isum += item.max;
                    }
                }
                if isum != c.max {
                    out.push(problem(
                        join(&cpath, "max"),
                        ccode,
                        format!(
                            "điểm tối đa khai báo của tiêu chí ({}) khác tổng điểm tối đa các tiêu chí thành phần ({})",
                            c.max.vi(),
                            isum.vi()
                        ),
                    ));
                }
            }
            sum += counted_max;
        }
        if sum != field.max {
            out.push(problem(
                join(&fpath, "max"),
                fcode,
                format!(
                    "điểm tối đa khai báo của lĩnh vực ({}) khác tổng điểm tối đa các tiêu chí ({})",
                    field.max.vi(),
                    sum.vi()
                ),
            ));
        }
        total += field.max;
    }
    if !set.fields.is_empty() && total != set.total_max {
        out.push(problem(
            "total_max",
            None,
            format!(
                "tổng điểm khai báo ({}) khác tổng điểm tối đa các lĩnh vực ({})",
                set.total_max.vi(),
                total.vi()
            ),
        ));
    }
    match set.bonus_cap {
        None if has_bonus => out.push(problem(
            "bonus_cap",
            None,
            "bộ tiêu chí có điểm thưởng nên phải khai báo mức trần «bonus_cap»",
        )),
        Some(cap) if cap.is_negative() => out.push(problem(
            "bonus_cap",
            None,
            "mức trần điểm thưởng không được âm",
        )),
        _ => {}
    }
    out
}

fn check_title(title: &str, path: &str, code: Option<&str>, out: &mut Vec<Problem>) {
    if title.trim().is_empty() {
        out.push(problem(
            join(path, "title"),
            code,
            "tên (title) không được để trống",
        ));
    }
}

fn validate_header(set: &CriteriaSet, out: &mut Vec<Problem>) {
    let id_ok = !set.id.is_empty()
        && set.id.len() <= 100
        && set
            .id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if !id_ok {
        out.push(problem(
            "id",
            None,
            "mã bộ tiêu chí chỉ gồm chữ không dấu, số, «-», «_», «.» (tối đa 100 ký tự)",
        ));
    }
    for (key, value) in [
        ("version", &set.version),
        ("title", &set.title),
        ("issuer", &set.issuer),
    ] {
        if value.trim().is_empty() {
            out.push(problem(key, None, format!("«{key}» không được để trống")));
        }
    }
    if set.decision.number.trim().is_empty() {
        out.push(problem(
            "decision.number",
            None,
            "số quyết định không được để trống",
        ));
    }
    if !is_iso_date(&set.decision.date) {
        out.push(problem(
            "decision.date",
            None,
            format!(
                "ngày «{}» không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2023-10-16",
                set.decision.date
            ),
        ));
    }
    if !(2000..=2100).contains(&set.year) {
        out.push(problem(
            "year",
            None,
            format!("năm đánh giá {} không hợp lệ", set.year),
        ));
    }
    if set.total_max <= Dec::ZERO {
        out.push(problem("total_max", None, "tổng điểm phải lớn hơn 0"));
    }
    if set.bands.is_empty() {
        out.push(problem(
            "bands",
            None,
            "chưa khai báo thang xếp loại («bands»)",
        ));
    }
    for (i, b) in set.bands.iter().enumerate() {
        if b.label.trim().is_empty() {
            out.push(problem(
                format!("bands[{i}].label"),
                None,
                "tên xếp loại không được để trống",
            ));
        }
    }
    let ranges: Vec<Range> = set.bands.iter().map(ClassBand::range).collect();
    for msg in coverage_problems(&ranges, Dec::HUNDRED, "%") {
        out.push(problem("bands", None, format!("thang xếp loại: {msg}")));
    }
}

/// YYYY-MM-DD with a real calendar day.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r)
            .filter(|t| t.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|t| t.parse::<u32>().ok())
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2200).contains(&y) && (1..=days).contains(&d)
}

fn validate_rule(rule: &Rule, max: Dec, path: &str, code: Option<&str>, out: &mut Vec<Problem>) {
    let mut p = |sub: &str, msg: String| {
        out.push(problem(
            if sub.is_empty() {
                path.to_string()
            } else {
                join(path, sub)
            },
            code,
            msg,
        ))
    };
    if max.is_negative() {
        p("", "điểm tối đa không được âm".into());
        return;
    }
    match rule {
        Rule::Deduction { .. } => {
            if !max.is_zero() {
                p("", format!("điểm trừ không cộng vào điểm tối đa: «max» phải là 0 hoặc bỏ trống (đang là {})", max.vi()));
            }
        }
        _ if max.is_zero() => p("", "điểm tối đa («max») phải lớn hơn 0".into()),
        _ => {}
    }
    let check_points = |label: &str, points: Dec, sub: &str, p: &mut dyn FnMut(&str, String)| {
        if points.is_negative() {
            p(
                sub,
                format!("{label}: điểm không được âm ({})", points.vi()),
            );
        } else if points > max {
            p(
                sub,
                format!(
                    "{label}: {} điểm, vượt điểm tối đa {} của tiêu chí",
                    points.vi(),
                    max.vi()
                ),
            );
        }
    };
    let check_best = |best: Option<Dec>, p: &mut dyn FnMut(&str, String)| {
        if let Some(b) = best {
            if b < max {
                p(
                    "",
                    format!(
                        "mức cao nhất chỉ được {} điểm, không đạt điểm tối đa {}",
                        b.vi(),
                        max.vi()
                    ),
                );
            }
        }
    };
    let check_ids = |ids: Vec<(&str, &str)>, p: &mut dyn FnMut(&str, String)| {
        if ids.is_empty() {
            p("options", "chưa có mức nào («options» rỗng)".into());
        }
        let mut seen = std::collections::HashSet::new();
        for (i, (id, label)) in ids.iter().enumerate() {
            if id.trim().is_empty() {
                p(
                    &format!("options[{i}].id"),
                    "mã mức («id») không được để trống".into(),
                );
            } else if !seen.insert(*id) {
                p(
                    &format!("options[{i}].id"),
                    format!("mã mức «{id}» bị trùng"),
                );
            }
            if label.trim().is_empty() {
                p(
                    &format!("options[{i}].label"),
                    "tên mức («label») không được để trống".into(),
                );
            }
        }
    };
    match rule {
        Rule::Levels { options } | Rule::Bonus { options } => {
            check_ids(
                options
                    .iter()
                    .map(|o| (o.id.as_str(), o.label.as_str()))
                    .collect(),
                &mut p,
            );
            for (i, o) in options.iter().enumerate() {
                check_points(
                    &format!("mức «{}»", o.label),
                    o.points,
                    &format!("options[{i}].points"),
                    &mut p,
                );
            }
            check_best(options.iter().map(|o| o.points).max(), &mut p);
        }
        Rule::YesNo {
            yes_points,
            no_points,
            ..
        } => {
            let (y, n) = (yes_points.unwrap_or(max), no_points.unwrap_or(Dec::ZERO));
            check_points("mức «Có»", y, "yes_points", &mut p);
            check_points("mức «Không»", n, "no_points", &mut p);
            check_best(Some(y.max(n)), &mut p);
        }
        Rule::PercentBands { bands, .. } => {
            score_bands(bands, max, Some(Dec::HUNDRED), "%", &mut p, check_points);
            check_best(bands.iter().map(|b| b.points).max(), &mut p);
        }
        Rule::CountBands { bands, unit } => {
            let u = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            for (i, b) in bands.iter().enumerate() {
                for (bound, name) in [(b.min, "min"), (b.max, "max")] {
                    if let Some(v) = bound {
                        if !v.is_integer() || v.is_negative() {
                            p(
                                &format!("bands[{i}].{name}"),
                                format!(
                                    "ngưỡng số lượng phải là số nguyên không âm (đang là {})",
                                    v.vi()
                                ),
                            );
                        }
                    }
                }
            }
            score_bands(bands, max, None, &u, &mut p, check_points);
            check_best(bands.iter().map(|b| b.points).max(), &mut p);
        }
        Rule::Ratio { .. } | Rule::Survey {} => {}
        Rule::Direct { step } => {
            if *step <= Dec::ZERO {
                p("step", "bước chấm («step») phải lớn hơn 0".into());
            } else if !max.is_multiple_of(*step) {
                p(
                    "step",
                    format!(
                        "điểm tối đa {} không chia hết cho bước chấm {}",
                        max.vi(),
                        step.vi()
                    ),
                );
            }
        }
        Rule::Deduction { options } => {
            check_ids(
                options
                    .iter()
                    .map(|o| (o.id.as_str(), o.label.as_str()))
                    .collect(),
                &mut p,
            );
            for (i, o) in options.iter().enumerate() {
                let sub = format!("options[{i}]");
                match (o.points, o.percent) {
                    (Some(_), Some(_)) => p(
                        &sub,
                        "mức trừ chỉ ghi «points» hoặc «percent», không ghi cả hai".into(),
                    ),
                    (None, None) => p(
                        &sub,
                        "mức trừ phải ghi «points» (số điểm trừ) hoặc «percent» (% điểm trừ)"
                            .into(),
                    ),
                    (Some(pts), None) if pts.is_negative() => {
                        p(&sub, "số điểm trừ không được âm".into())
                    }
                    (None, Some(pct)) if pct.is_negative() || pct > Dec::HUNDRED => p(
                        &sub,
                        format!("phần trăm trừ phải từ 0 đến 100 (đang là {})", pct.vi()),
                    ),
                    _ => {}
                }
            }
        }
    }
}

fn score_bands(
    bands: &[ScoreBand],
    max: Dec,
    upper: Option<Dec>,
    unit: &str,
    p: &mut dyn FnMut(&str, String),
    check_points: impl Fn(&str, Dec, &str, &mut dyn FnMut(&str, String)),
) {
    if bands.is_empty() {
        p("bands", "chưa có mức nào («bands» rỗng)".into());
        return;
    }
    let _ = max;
    for (i, b) in bands.iter().enumerate() {
        check_points(
            &format!("mức «{}»", range_vi(&b.range(), unit)),
            b.points,
            &format!("bands[{i}].points"),
            p,
        );
    }
    let ranges: Vec<Range> = bands.iter().map(ScoreBand::range).collect();
    let problems = match upper {
        Some(hi) => coverage_problems(&ranges, hi, unit),
        None => integer_coverage_problems(&ranges, unit),
    };
    for msg in problems {
        p("bands", msg);
    }
}

/// Checks that the ranges cover [0, hi] exactly once. Messages in Vietnamese.
pub fn coverage_problems(ranges: &[Range], hi: Dec, unit: &str) -> Vec<String> {
    let mut out = Vec::new();
    // (lo, lo_incl, hi, hi_incl, original) clipped to [0, hi]
    let mut iv: Vec<(Dec, bool, Dec, bool, usize)> = Vec::new();
    for (i, r) in ranges.iter().enumerate() {
        let (lo, lo_incl) = match r.min {
            Some(v) if v >= Dec::ZERO => (v, r.min_inclusive),
            _ => (Dec::ZERO, true),
        };
        let (h, h_incl) = match r.max {
            Some(v) if v <= hi => (v, r.max_inclusive),
            _ => (hi, true),
        };
        if lo > h || (lo == h && !(lo_incl && h_incl)) {
            out.push(format!(
                "mức «{}» không chứa giá trị nào trong khoảng 0–{}{unit}",
                range_vi(r, unit),
                hi.vi()
            ));
            continue;
        }
        iv.push((lo, lo_incl, h, h_incl, i));
    }
    if iv.is_empty() {
        return out;
    }
    iv.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let v = |d: Dec| format!("{}{unit}", d.vi());
    let first = iv[0];
    if first.0 > Dec::ZERO || !first.1 {
        out.push(format!(
            "bỏ trống: không mức nào chứa giá trị từ 0{unit} đến {}",
            v(first.0)
        ));
    }
    let (mut cov_hi, mut cov_incl, mut cov_idx) = (first.2, first.3, first.4);
    for &(lo, lo_incl, h, h_incl, idx) in &iv[1..] {
        let gap = lo > cov_hi || (lo == cov_hi && !cov_incl && !lo_incl);
        let overlap = lo < cov_hi || (lo == cov_hi && cov_incl && lo_incl);
        if gap {
            if lo == cov_hi {
                out.push(format!("bỏ trống: không mức nào chứa giá trị {}", v(lo)));
            } else {
                out.push(format!(
                    "bỏ trống: không mức nào chứa giá trị từ {} đến {}",
                    v(cov_hi),
                    v(lo)
                ));
            }
        } else if overlap {
            out.push(format!(
                "mức «{}» và mức «{}» chồng lấn nhau",
                range_vi(&ranges[cov_idx], unit),
                range_vi(&ranges[idx], unit)
            ));
        }
        if h > cov_hi || (h == cov_hi && h_incl && !cov_incl) {
            cov_hi = h;
            cov_incl = h_incl;
            cov_idx = idx;
        }
    }
    if cov_hi < hi || !cov_incl {
        out.push(format!("bỏ trống: không mức nào chứa giá trị {}", v(hi)));
    }
    out
}

/// Checks that whole-number ranges cover 0, 1, 2, … exactly once.
pub fn integer_coverage_problems(ranges: &[Range], unit: &str) -> Vec<String> {
    let mut out = Vec::new();
    // closed integer intervals [a, b], b = None for unbounded
    let mut iv: Vec<(i64, Option<i64>, usize)> = Vec::new();
    for (i, r) in ranges.iter().enumerate() {
        let a = match r.min {
            None => 0,
            Some(v) => {
                let n = v.hundredths().div_euclid(100);
                let n = if v.is_integer() { n } else { n + 1 };
                if r.min_inclusive || !v.is_integer() {
                    n.max(0)
                } else {
                    (n + 1).max(0)
                }
            }
        };
        let b = r.max.map(|v| {
            let n = v.hundredths().div_euclid(100);
            if r.max_inclusive || !v.is_integer() {
                n
            } else {
                n - 1
            }
        });
        if b.is_some_and(|b| b < a) {
            out.push(format!(
                "mức «{}» không chứa số nguyên nào",
                range_vi(r, unit)
            ));
            continue;
        }
        iv.push((a, b, i));
    }
    if iv.is_empty() {
        return out;
    }
    iv.sort_by_key(|x| x.0);
    if iv[0].0 > 0 {
        out.push(format!(
            "bỏ trống: không mức nào chứa giá trị từ 0 đến {}{unit}",
            iv[0].0 - 1
        ));
    }
    let (mut cov, mut cov_idx) = (iv[0].1, iv[0].2);
    for &(a, b, idx) in &iv[1..] {
        match cov {
            None => out.push(format!(
                "mức «{}» và mức «{}» chồng lấn nhau",
                range_vi(&ranges[cov_idx], unit),
                range_vi(&ranges[idx], unit)
            )),
            Some(c) if a <= c => out.push(format!(
                "mức «{}» và mức «{}» chồng lấn nhau",
                range_vi(&ranges[cov_idx], unit),
                range_vi(&ranges[idx], unit)
            )),
            Some(c) if a > c + 1 => {
                if a - 1 == c + 1 {
                    out.push(format!(
                        "bỏ trống: không mức nào chứa giá trị {}{unit}",
                        c + 1
                    ));
                } else {
                    out.push(format!(
                        "bỏ trống: không mức nào chứa giá trị từ {} đến {}{unit}",
                        c + 1,
                        a - 1
                    ));
                }
            }
            _ => {}
        }
        let extends = match (cov, b) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(c), Some(b)) => b > c,
        };
        if extends {
            cov = b;
            cov_idx = idx;
        }
    }
    if let Some(c) = cov {
        out.push(format!(
            "bỏ trống: không mức nào chứa giá trị từ {}{unit} trở lên",
            c + 1
        ));
    }
    out
}

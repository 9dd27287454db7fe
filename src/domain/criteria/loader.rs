//! Reading a criteria-set file: every problem is reported, in Vietnamese,
//! with the JSON path and the item code where there is one.
//!
//! Two passes. The structure pass reads the file piece by piece (the header,
//! each field, each criterion, each item separately) so one broken item does
//! not hide the others. When the structure is sound, the arithmetic pass
//! checks codes, bands and sums.

use serde_json::{Map, Value};

use super::set::*;
use super::validation::validate;
use crate::domain::base::file_kinds::not_this_kind;
use crate::domain::base::json::{
    join, piece, problem, read_json, read_own_json, typed_plain, Problem,
};

/// Largest criteria-set file accepted. The largest real set (~100 items with
/// guidance) is well under 200 KB.
pub const MAX_SET_BYTES: usize = 2 * 1024 * 1024;

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

/// Reads a set this app ships or has already accepted (the bundled sets,
/// the library kept in storage) on every start: the format and its version
/// are checked, but not the arithmetic, which [`load_criteria_set`] proved
/// when the set was brought in, and `examples/check_sets.rs` proves for the
/// bundled sets before every build. That keeps the checks and their
/// messages, and the piece-by-piece reader, out of the first download.
/// Files brought in go through [`load_criteria_set`].
pub fn read_known_set(bytes: &[u8]) -> Result<CriteriaSet, Vec<Problem>> {
    let value = read_own_json(bytes, MAX_SET_BYTES)?;
    let format = value.get("format").and_then(Value::as_str);
    let version = value.get("format_version").and_then(Value::as_u64);
    if format != Some(CRITERIA_SET_FORMAT)
        || !version.is_some_and(|v| (1..=CRITERIA_SET_FORMAT_VERSION as u64).contains(&v))
    {
        return Err(vec![problem(
            "format_version",
            None,
            tf!("không phải bộ tiêu chí «{CRITERIA_SET_FORMAT}» phiên bản 1 đến {CRITERIA_SET_FORMAT_VERSION}", "not a «{CRITERIA_SET_FORMAT}» criteria set of version 1 to {CRITERIA_SET_FORMAT_VERSION}"),
        )]);
    }
    let set: CriteriaSet = typed_plain(&value).map_err(|m| vec![problem("", None, m)])?;
    if set.format_version < set.needed_format_version() {
        return Err(vec![exemptions_need_version_2()]);
    }
    Ok(set)
}

fn exemptions_need_version_2() -> Problem {
    problem(
        "format_version",
        None,
        t!(
            "bộ tiêu chí có «exemptions» (miễn chấm) phải ghi «format_version»: 2",
            "a set with «exemptions» must say «format_version»: 2"
        ),
    )
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
                not_this_kind(tf!("Đây không phải tệp bộ tiêu chí (format là «{other}», cần «{CRITERIA_SET_FORMAT}»)", "This is not a criteria-set file (format is «{other}», expected «{CRITERIA_SET_FORMAT}»)"
            ), Some(other)),
            )])
        }
    }
    if let Some(v) = top.get("format_version").and_then(Value::as_u64) {
        if !(1..=CRITERIA_SET_FORMAT_VERSION as u64).contains(&v) {
            return Err(vec![problem(
                "format_version",
                None,
                tf!("Phiên bản định dạng {v} chưa được hỗ trợ; ứng dụng này đọc phiên bản 1 đến {CRITERIA_SET_FORMAT_VERSION}", "Format version {v} is not supported yet; this app reads versions 1 to {CRITERIA_SET_FORMAT_VERSION}"),
            )]);
        }
        if v < 2 && top.contains_key("exemptions") {
            out.push(exemptions_need_version_2());
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

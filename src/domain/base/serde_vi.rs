//! JSON and serde error messages in Vietnamese: what a province's author
//! reads when their file is not well-formed or has a key of the wrong type.

pub(crate) fn json_syntax_vi(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let what = if msg.contains("recursion limit") {
        t!("JSON lồng nhau quá sâu", "JSON nested too deeply")
    } else if e.is_eof() {
        t!(
            "tệp bị cắt ngang, JSON chưa kết thúc",
            "file cut short: the JSON does not end"
        )
    } else if msg.contains("trailing characters") {
        t!(
            "còn ký tự thừa sau khi JSON đã kết thúc",
            "extra characters after the end of the JSON"
        )
    } else if msg.contains("trailing comma") {
        t!("thừa dấu phẩy", "trailing comma")
    } else if msg.contains("key must be a string") {
        t!(
            "tên trường phải đặt trong dấu nháy kép",
            "field names must be in double quotes"
        )
    } else if msg.contains("control character") {
        t!(
            "chuỗi chứa ký tự điều khiển không hợp lệ",
            "a string holds an invalid control character"
        )
    } else if msg.contains("number out of range") {
        t!("số quá lớn", "number too large")
    } else {
        t!("lỗi cú pháp JSON", "JSON syntax error")
    };
    tf!(
        "Tệp không phải JSON hợp lệ: {what} (dòng {}, cột {})",
        "The file is not valid JSON: {what} (line {}, column {})",
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
        return tf!(
            "thiếu trường bắt buộc «{name}»",
            "missing required field «{name}»"
        );
    }
    if let Some((name, rest)) = between(msg, "unknown field `") {
        let list = expected_list(rest);
        return if list.is_empty() || rest.contains("there are no fields") {
            tf!(
                "trường «{name}» không có trong định dạng",
                "field «{name}» is not part of the format"
            )
        } else {
            tf!(
                "trường «{name}» không có trong định dạng (gõ sai tên?); các trường hợp lệ: {list}",
                "field «{name}» is not part of the format (a typo?); valid fields: {list}"
            )
        };
    }
    if let Some((name, rest)) = between(msg, "unknown variant `") {
        return tf!(
            "giá trị «{name}» không hợp lệ; các giá trị hợp lệ: {}",
            "value «{name}» is not valid; valid values: {}",
            expected_list(rest)
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (got, want) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return tf!(
            "sai kiểu dữ liệu: nhận {}, cần {}",
            "wrong type: got {}, expected {}",
            kind_text(got),
            kind_text(want)
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (got, want) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return tf!(
            "giá trị {} nằm ngoài phạm vi; cần {}",
            "value {} is out of range; expected {}",
            got.replace('`', ""),
            kind_text(want)
        );
    }
    if msg.starts_with("invalid length") {
        return tf!(
            "số phần tử không đúng ({msg})",
            "wrong number of elements ({msg})"
        );
    }
    if msg.starts_with("duplicate field `") {
        return tf!(
            "trường «{}» xuất hiện hai lần",
            "field «{}» appears twice",
            between(msg, "duplicate field `").map(|x| x.0).unwrap_or("")
        );
    }
    msg.to_string()
}

fn kind_text(s: &str) -> String {
    let s = s.trim();
    let head = s.split([' ', '`', '"']).next().unwrap_or(s);
    match head {
        "string" | "a" if s.starts_with("a string") || head == "string" => {
            t!("chuỗi văn bản", "a text string").into()
        }
        "integer" => tf!(
            "số nguyên {}",
            "integer {}",
            s.trim_start_matches("integer").trim()
        ),
        "floating" => tf!(
            "số thập phân {}",
            "decimal number {}",
            s.trim_start_matches("floating point").trim()
        ),
        "boolean" => tf!(
            "giá trị true/false {}",
            "true/false value {}",
            s.trim_start_matches("boolean").trim()
        ),
        "sequence" => t!("một mảng", "an array").into(),
        "map" => t!("một đối tượng", "an object").into(),
        "null" => "null".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => {
            t!("số nguyên không âm", "a non-negative integer").into()
        }
        "struct" | "internally" => t!("một đối tượng", "an object").into(),
        _ if s.starts_with("a boolean") => t!("true hoặc false", "true or false").into(),
        _ if s.starts_with("a sequence") => t!("một mảng", "an array").into(),
        _ if s.starts_with("a map") => t!("một đối tượng", "an object").into(),
        _ => s.to_string(),
    }
    .trim()
    .to_string()
}

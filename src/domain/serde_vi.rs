//! JSON and serde error messages in Vietnamese: what a province's author
//! reads when their file is not well-formed or has a key of the wrong type.

pub(crate) fn json_syntax_vi(e: &serde_json::Error) -> String {
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

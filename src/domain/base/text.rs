//! Text helpers for Vietnamese: matching without diacritics.

/// Lower-case, without Vietnamese diacritics: "Kế hoạch" → "ke hoach".
pub fn fold_vi(text: &str) -> String {
    const GROUPS: [(&str, char); 7] = [
        ("àáạảãâầấậẩẫăằắặẳẵ", 'a'),
        ("èéẹẻẽêềếệểễ", 'e'),
        ("ìíịỉĩ", 'i'),
        ("òóọỏõôồốộổỗơờớợởỡ", 'o'),
        ("ùúụủũưừứựửữ", 'u'),
        ("ỳýỵỷỹ", 'y'),
        ("đ", 'd'),
    ];
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c.is_ascii() {
                return c;
            }
            GROUPS
                .iter()
                .find(|(g, _)| g.contains(c))
                .map(|(_, base)| *base)
                .unwrap_or(c)
        })
        .collect()
}

/// One CSV cell, quoted, and safe to open in a spreadsheet: a text that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read
/// as a formula (OWASP "CSV injection"), so it gets a leading apostrophe.
/// A plain number such as "-0,5" is left as it is.
pub fn csv_cell(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = crate::domain::base::decimal::Dec::parse(text).is_ok();
    let text = if risky && !number {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A file-name-safe form: "Sở Tư pháp" → "so-tu-phap".
pub fn file_slug(text: &str, empty: &str) -> String {
    let folded = fold_vi(text);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let t: String = out.trim_end_matches('-').chars().take(60).collect();
    if t.is_empty() {
        empty.to_string()
    } else {
        t
    }
}

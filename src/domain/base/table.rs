//! A table as pasted or uploaded: the clipboard's HTML table (Word, Excel,
//! a web page), tab-separated text (Excel's plain copy), or a CSV file.
//! Cells keep their line breaks; merged cells (colspan, rowspan) are spread
//! as empty cells so columns stay aligned.

/// Largest table text accepted (a 300-row annex with long guidance is
/// well under 2 MB, even as Word's verbose HTML).
pub const MAX_TABLE_BYTES: usize = 8 * 1024 * 1024;

/// Reads any of the three forms into rows of cells.
pub fn read_table(text: &str) -> Vec<Vec<String>> {
    let lower = text
        .get(..text.len().min(200_000))
        .unwrap_or(text)
        .to_ascii_lowercase();
    let rows = if lower.contains("<table") || lower.contains("<tr") {
        read_html(text)
    } else if text.contains('\t') {
        read_delimited(text, '\t')
    } else {
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let sep = if first.matches(';').count() > first.matches(',').count() {
            ';'
        } else {
            ','
        };
        read_delimited(text, sep)
    };
    rows.into_iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .collect()
}

/// Delimited text with "quoted" cells (a quote inside is doubled), as
/// Excel writes both TSV and CSV.
fn read_delimited(text: &str, sep: char) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    cell.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            c if c == sep => {
                row.push(std::mem::take(&mut cell).trim().to_string());
                at_start = true;
            }
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut cell).trim().to_string());
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            c => {
                cell.push(c);
                at_start = false;
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell.trim().to_string());
        rows.push(row);
    }
    rows
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let Some(end) = end else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let name = &tail[1..end];
        let ch = match name {
            "nbsp" => Some(' '),
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Collapses runs of spaces inside each line and trims lines.
pub fn tidy(cell: &str) -> String {
    cell.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn attr_number(tag: &str, name: &str) -> usize {
    let lower = tag.to_ascii_lowercase();
    lower
        .find(name)
        .and_then(|i| {
            let v = lower[i + name.len()..].trim_start().strip_prefix('=')?;
            let v = v.trim_start().trim_start_matches(['"', '\'']);
            let end = v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len());
            v[..end].parse().ok()
        })
        .unwrap_or(1)
        .clamp(1, 50)
}

/// A small HTML table reader: rows, cells, line breaks, entities, spans.
/// Scripts and styles are skipped; nothing is ever executed or rendered.
fn read_html(html: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<(String, usize)> = None;
    // columns still covered by a rowspan from above: (column, rows left)
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut pending_rowspan: Vec<(usize, usize)> = Vec::new();
    let mut skip_until: Option<&str> = None;
    let mut rest = html;
    let fill_spans = |row: &mut Vec<String>, spans: &mut Vec<(usize, usize)>| {
        while let Some(k) = spans.iter().position(|&(c, n)| c == row.len() && n > 0) {
            row.push(String::new());
            spans[k].1 -= 1;
        }
    };
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if let Some((c, _)) = cell.as_mut() {
                c.push_str(&decode_entities(rest));
            }
            break;
        };
        if let Some((c, _)) = cell.as_mut() {
            if skip_until.is_none() {
                c.push_str(&decode_entities(&rest[..lt]));
            }
        }
        let after = &rest[lt..];
        if after.starts_with("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        let tag = &after[1..gt];
        rest = &after[gt + 1..];
        let lower = tag.to_ascii_lowercase();
        let name: String = lower
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let closing = lower.starts_with('/');
        if let Some(until) = skip_until {
            if closing && name == until {
                skip_until = None;
            }
            continue;
        }
        match (name.as_str(), closing) {
            ("script", false) => skip_until = Some("script"),
            ("style", false) => skip_until = Some("style"),
            ("tr", false) => {
                if let Some(r) = row.take() {
                    rows.push(r);
                }
                spans.retain(|&(_, n)| n > 0);
                spans.append(&mut pending_rowspan);
                let mut r = Vec::new();
                fill_spans(&mut r, &mut spans);
                row = Some(r);
            }
            ("tr", true) => {
                if let Some(mut r) = row.take() {
                    if let Some((c, colspan)) = cell.take() {
                        r.push(tidy(&c));
                        r.extend(std::iter::repeat_n(String::new(), colspan - 1));
                    }
                    fill_spans(&mut r, &mut spans);
                    rows.push(r);
                }
            }
            ("td" | "th", false) => {
                let r = row.get_or_insert_with(Vec::new);
                if let Some((c, colspan)) = cell.take() {
                    r.push(tidy(&c));
                    r.extend(std::iter::repeat_n(String::new(), colspan - 1));
                }
                fill_spans(r, &mut spans);
                let rowspan = attr_number(tag, "rowspan");
                if rowspan > 1 {
                    pending_rowspan.push((r.len(), rowspan - 1));
                }
                cell = Some((String::new(), attr_number(tag, "colspan")));
            }
            ("td" | "th", true) => {
                if let (Some(r), Some((c, colspan))) = (row.as_mut(), cell.take()) {
                    r.push(tidy(&c));
                    r.extend(std::iter::repeat_n(String::new(), colspan - 1));
                    fill_spans(r, &mut spans);
                }
            }
            ("br", _) | ("p", true) | ("div", true) | ("li", true) => {
                if let Some((c, _)) = cell.as_mut() {
                    c.push('\n');
                }
            }
            _ => {}
        }
    }
    if let Some(r) = row.take() {
        rows.push(r);
    }
    rows
}

//! A cited document (tài liệu kiểm chứng) and its checks: a date not in the
//! future, a link that is an http(s) address.

use serde::{Deserialize, Serialize};

use crate::domain::criteria::validation::is_iso_date;

/// One cited document (tài liệu kiểm chứng).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvidenceRef {
    /// Số, ký hiệu, e.g. "125/KH-UBND".
    pub number: String,
    /// Ngày ban hành, YYYY-MM-DD.
    pub date: String,
    /// Cơ quan ban hành.
    pub issuer: String,
    /// Trích yếu.
    pub subject: String,
    /// Mục, trang: where in the document.
    pub location: String,
    /// Đường dẫn (http/https).
    pub link: String,
    /// Ghi chú.
    pub note: String,
}

/// The parts of an evidence reference that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidencePart {
    Date,
    Link,
}

impl EvidenceRef {
    /// Nothing identifies a document yet.
    pub fn is_blank(&self) -> bool {
        [
            &self.number,
            &self.subject,
            &self.link,
            &self.issuer,
            &self.location,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }

    /// The reference as one line, the way documents are cited in a report:
    /// "125/KH-UBND · ngày 15/01/2026 · UBND tỉnh · Kế hoạch CCHC · Mục II".
    /// The link and note are left to the caller (a link is shown as text).
    pub fn citation(&self) -> String {
        let date = (!self.date.is_empty()).then(|| {
            tf!(
                "ngày {}",
                "dated {}",
                crate::domain::criteria::rule_text::date_text(&self.date)
            )
        });
        [
            Some(self.number.clone()),
            date,
            Some(self.issuer.clone()),
            Some(self.subject.clone()),
            Some(self.location.clone()),
        ]
        .into_iter()
        .flatten()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
    }

    /// [`Self::citation`] followed by the link as text, when there is one:
    /// how a document is listed on paper, in the report and in the CSV.
    pub fn citation_with_link(&self) -> String {
        let mut line = self.citation();
        if !self.link.trim().is_empty() {
            line.push_str(&format!(" · {}", self.link.trim()));
        }
        line
    }

    /// Problems with this reference; `today` is YYYY-MM-DD.
    pub fn problems(&self, today: &str) -> Vec<(EvidencePart, String)> {
        let mut out = Vec::new();
        let date = self.date.trim();
        if !date.is_empty() {
            if !is_iso_date(date) {
                out.push((
                    EvidencePart::Date,
                    tf!(
                        "Ngày «{date}» chưa đúng: gõ ngày/tháng/năm, ví dụ 25/10/2026.",
                        "Date «{date}» is not right: type day/month/year, e.g. 25/10/2026."
                    ),
                ));
            } else if is_iso_date(today) && date > today {
                out.push((
                    EvidencePart::Date,
                    tf!(
                        "Ngày ban hành {} ở tương lai (hôm nay là {}).",
                        "Issue date {} is in the future (today is {}).",
                        crate::domain::criteria::rule_text::date_text(date),
                        crate::domain::criteria::rule_text::date_text(today)
                    ),
                ));
            }
        }
        if let Some(m) = link_problem(&self.link) {
            out.push((EvidencePart::Link, m));
        }
        out
    }
}

/// A date as typed, in the Vietnamese order day/month/year ("25/10/2026",
/// "5/3/2026", "25-10-2026", "25.10.2026"; an ISO "2026-10-25" too): as
/// stored, YYYY-MM-DD. What is not (yet) a whole valid date is kept as typed,
/// for [`EvidenceRef::problems`] to point out; nothing typed is lost.
pub fn date_from_typed(text: &str) -> String {
    let t = text.trim();
    if is_iso_date(t) {
        return t.to_string();
    }
    let parts: Vec<&str> = t.split(['/', '-', '.']).map(str::trim).collect();
    if let [d, m, y] = parts[..] {
        let num = |s: &str, max_len: usize| {
            (!s.is_empty() && s.len() <= max_len && s.bytes().all(|c| c.is_ascii_digit()))
                .then(|| s.parse::<u32>().ok())
                .flatten()
        };
        if let (Some(d), Some(m), Some(y)) = (num(d, 2), num(m, 2), num(y, 4)) {
            let iso = format!("{y:04}-{m:02}-{d:02}");
            if y >= 1900 && is_iso_date(&iso) {
                return iso;
            }
        }
    }
    t.to_string()
}

/// A stored date as the user reads and types it: "25/10/2026".
pub fn date_for_typing(stored: &str) -> String {
    if is_iso_date(stored) {
        crate::domain::criteria::rule_text::date_text(stored)
    } else {
        stored.to_string()
    }
}

/// An http(s) address with a host name. Empty is not checked here.
pub fn link_problem(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let lower = t.to_lowercase();
    let rest = if lower.starts_with("https://") {
        &t[8..]
    } else if lower.starts_with("http://") {
        &t[7..]
    } else {
        return Some(tf!(
            "Đường dẫn «{t}» phải bắt đầu bằng http:// hoặc https://.",
            "Link «{t}» must start with http:// or https://."
        ));
    };
    if t.chars().any(char::is_whitespace) {
        return Some(
            t!(
                "Đường dẫn không được chứa dấu cách.",
                "A link cannot contain spaces."
            )
            .into(),
        );
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let (host, port) = match host_port.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (host_port, None),
    };
    let host_ok = !host.is_empty()
        && (host.contains('.') || host.eq_ignore_ascii_case("localhost"))
        && !host.starts_with(['.', '-'])
        && !host.ends_with(['.', '-'])
        && !host.contains("..")
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    if !host_ok || !port_ok {
        return Some(tf!(
            "Đường dẫn «{t}» thiếu tên miền hợp lệ (ví dụ https://vanban.nghean.gov.vn/…).",
            "Link «{t}» lacks a valid domain (e.g. https://vanban.nghean.gov.vn/…)."
        ));
    }
    None
}

impl EvidenceRef {
    /// What tells one document from another: its number, date and issuer,
    /// or its title when it has no number, compared ignoring case, accents
    /// and spacing. The section, page and note are the citing item's own.
    pub fn identity(&self) -> String {
        use crate::domain::base::text::fold_vi;
        let f = |s: &str| fold_vi(s).split_whitespace().collect::<Vec<_>>().join(" ");
        if self.number.trim().is_empty() {
            format!(
                "|{}|{}|{}",
                f(&self.subject),
                f(&self.issuer),
                self.date.trim()
            )
        } else {
            format!(
                "{}|{}|{}",
                f(&self.number),
                self.date.trim(),
                f(&self.issuer)
            )
        }
    }

    /// The same document, to cite on another item: what identifies it, with
    /// no section or page yet.
    pub fn for_another_item(&self) -> EvidenceRef {
        EvidenceRef {
            location: String::new(),
            note: String::new(),
            ..self.clone()
        }
    }
}

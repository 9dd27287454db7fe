//! The agency and its focal point (đầu mối CCHC), checked against the chosen
//! criteria set: unit type, year, phone and email.

use serde::{Deserialize, Serialize};

use crate::domain::criteria::set::{CriteriaSet, UnitType};

/// The agency and its focal point (đầu mối CCHC).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgencyProfile {
    /// Tên cơ quan, đơn vị.
    pub name: String,
    pub unit_type: Option<UnitType>,
    /// Tỉnh, thành phố.
    pub province: String,
    /// Năm đánh giá, as typed.
    pub year: String,
    pub focal_name: String,
    pub focal_position: String,
    pub focal_phone: String,
    pub focal_email: String,
    /// Cơ quan chủ quản, the first line of the report's heading, e.g.
    /// "UBND TỈNH NGHỆ AN"; empty prints no such line.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub parent_agency: String,
    /// Số, ký hiệu of the report, e.g. "125/BC-SNV".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub doc_number: String,
    /// Ids of the set's exemptions (miễn chấm) that apply to this agency.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exemptions: Vec<String>,
}

/// The inputs of the profile form, to tie each message to its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProfileInput {
    Name,
    UnitType,
    Province,
    Year,
    FocalName,
    FocalPosition,
    FocalPhone,
    FocalEmail,
}

/// The provincial People's Committee as a document's issuer:
/// "Minh Họa" → "UBND TỈNH MINH HỌA"; "Thành phố Huế" → "UBND THÀNH PHỐ HUẾ".
pub fn province_issuer(province: &str) -> String {
    let p = province.trim();
    if p.is_empty() {
        return t!("UBND TỈNH", "PROVINCIAL PEOPLE'S COMMITTEE").into();
    }
    let folded = crate::domain::base::text::fold_vi(p);
    if folded.starts_with("tinh ") || folded.starts_with("thanh pho ") {
        tf!("UBND {}", "PEOPLE'S COMMITTEE OF {}", p.to_uppercase())
    } else {
        tf!(
            "UBND TỈNH {}",
            "PEOPLE'S COMMITTEE OF {} PROVINCE",
            p.to_uppercase()
        )
    }
}

impl AgencyProfile {
    /// The issuer's lines of the report's heading: the parent agency when
    /// given, then the agency's name in capitals.
    pub fn heading_lines(&self) -> Vec<String> {
        let parent = self.parent_agency.trim();
        (!parent.is_empty())
            .then(|| parent.to_uppercase())
            .into_iter()
            .chain([self.name.trim().to_uppercase()])
            .collect()
    }

    /// Every problem of the profile against the chosen set. `strict` also
    /// reports empty required inputs (after the user asks to go on).
    pub fn problems(&self, set: &CriteriaSet, strict: bool) -> Vec<(ProfileInput, String)> {
        let mut out = Vec::new();
        let mut required = |input, value: &str, what: &str| {
            if strict && value.trim().is_empty() {
                out.push((input, tf!("Chưa nhập {what}.", "Please enter {what}.")));
            }
        };
        required(
            ProfileInput::Name,
            &self.name,
            t!("tên cơ quan, đơn vị", "the agency or unit name"),
        );
        required(
            ProfileInput::Province,
            &self.province,
            t!("tỉnh, thành phố", "the province or city"),
        );
        required(
            ProfileInput::Year,
            &self.year,
            t!("năm đánh giá", "the assessment year"),
        );
        required(
            ProfileInput::FocalName,
            &self.focal_name,
            t!("họ tên người đầu mối", "the focal point's full name"),
        );
        required(
            ProfileInput::FocalPhone,
            &self.focal_phone,
            t!("số điện thoại", "the phone number"),
        );
        required(
            ProfileInput::FocalEmail,
            &self.focal_email,
            t!("thư điện tử", "the email address"),
        );
        match self.unit_type {
            None if strict => out.push((ProfileInput::UnitType, t!("Chưa chọn loại đơn vị.", "No unit type chosen.").into())),
            Some(t) if t != set.unit_type => out.push((
                ProfileInput::UnitType,
                tf!("Bộ tiêu chí đã chọn dành cho «{}», không dùng được cho «{}». Hãy chọn bộ tiêu chí đúng loại đơn vị.", "The chosen criteria set is for «{}» and cannot be used for «{}». Choose a criteria set for the right unit type.",
                    set.unit_type.label(),
                    t.label()
                ),
            )),
            _ => {}
        }
        let year = self.year.trim();
        if !year.is_empty() {
            match year.parse::<u16>() {
                Ok(y) if (2000..=2100).contains(&y) => {
                    if y != set.year {
                        out.push((
                            ProfileInput::Year,
                            tf!(
                                "Bộ tiêu chí đã chọn dùng cho năm {}, không phải năm {y}.",
                                "The chosen criteria set is for {}, not {y}.",
                                set.year
                            ),
                        ));
                    }
                }
                _ => out.push((
                    ProfileInput::Year,
                    tf!(
                        "Năm «{year}» không hợp lệ: hãy nhập bốn chữ số, ví dụ {}.",
                        "Year «{year}» is not valid: enter four digits, e.g. {}.",
                        set.year
                    ),
                )),
            }
        }
        if let Some(m) = phone_problem(&self.focal_phone) {
            out.push((ProfileInput::FocalPhone, m));
        }
        if let Some(m) = email_problem(&self.focal_email) {
            out.push((ProfileInput::FocalEmail, m));
        }
        // in the order of the form, so the first one is the first to fix
        out.sort_by_key(|(input, _)| *input);
        out
    }
}

/// A Vietnamese phone number: 0 or +84, then 9–10 digits; spaces, dots,
/// dashes and brackets allowed between digits. Empty is not checked here.
pub fn phone_problem(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let mut digits = String::new();
    for (i, c) in t.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '.' | '-' | '(' | ')' => {}
            _ => {
                return Some(tf!("Số điện thoại «{t}» có ký tự không hợp lệ «{c}»: chỉ dùng chữ số, dấu cách, dấu chấm.", "Phone number «{t}» has an invalid character «{c}»: use only digits, spaces and dots."
                ))
            }
        }
    }
    let national = if t.starts_with('+') {
        match digits.strip_prefix("84") {
            Some(rest) => format!("0{rest}"),
            None => {
                return Some(
                    t!(
                        "Số điện thoại quốc tế phải bắt đầu bằng +84.",
                        "An international number must start with +84."
                    )
                    .into(),
                )
            }
        }
    } else {
        digits
    };
    if !national.starts_with('0') || !(10..=11).contains(&national.len()) {
        return Some(tf!("Số điện thoại «{t}» không đúng: cần 10 hoặc 11 chữ số, bắt đầu bằng 0 (ví dụ 0238 3844 123 hoặc 0912 345 678).", "Phone number «{t}» is not right: it needs 10 or 11 digits starting with 0 (e.g. 0238 3844 123 or 0912 345 678)."
        ));
    }
    None
}

/// name@domain.tld, no spaces. Empty is not checked here.
pub fn email_problem(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let ok = match t.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
                && !t.chars().any(|c| c.is_whitespace() || c == ',' || c == ';')
        }
        None => false,
    };
    (!ok).then(|| {
        tf!(
            "Thư điện tử «{t}» không đúng dạng ten@coquan.gov.vn.",
            "Email «{t}» is not in the form name@agency.gov.vn."
        )
    })
}

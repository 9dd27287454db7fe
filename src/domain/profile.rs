//! The agency and its focal point (đầu mối CCHC), checked against the chosen
//! criteria set: unit type, year, phone and email.

use serde::{Deserialize, Serialize};

use super::criteria_set::{CriteriaSet, UnitType};

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

impl AgencyProfile {
    /// Every problem of the profile against the chosen set. `strict` also
    /// reports empty required inputs (after the user asks to go on).
    pub fn problems(&self, set: &CriteriaSet, strict: bool) -> Vec<(ProfileInput, String)> {
        let mut out = Vec::new();
        let mut required = |input, value: &str, what: &str| {
            if strict && value.trim().is_empty() {
                out.push((input, format!("Chưa nhập {what}.")));
            }
        };
        required(ProfileInput::Name, &self.name, "tên cơ quan, đơn vị");
        required(ProfileInput::Province, &self.province, "tỉnh, thành phố");
        required(ProfileInput::Year, &self.year, "năm đánh giá");
        required(
            ProfileInput::FocalName,
            &self.focal_name,
            "họ tên người đầu mối",
        );
        required(ProfileInput::FocalPhone, &self.focal_phone, "số điện thoại");
        required(ProfileInput::FocalEmail, &self.focal_email, "thư điện tử");
        match self.unit_type {
            None if strict => out.push((ProfileInput::UnitType, "Chưa chọn loại đơn vị.".into())),
            Some(t) if t != set.unit_type => out.push((
                ProfileInput::UnitType,
                format!(
                    "Bộ tiêu chí đã chọn dành cho «{}», không dùng được cho «{}». Hãy chọn bộ tiêu chí đúng loại đơn vị.",
                    set.unit_type.label_vi(),
                    t.label_vi()
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
                            format!(
                                "Bộ tiêu chí đã chọn dùng cho năm {}, không phải năm {y}.",
                                set.year
                            ),
                        ));
                    }
                }
                _ => out.push((
                    ProfileInput::Year,
                    format!(
                        "Năm «{year}» không hợp lệ: hãy nhập bốn chữ số, ví dụ {}.",
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
                return Some(format!(
                    "Số điện thoại «{t}» có ký tự không hợp lệ «{c}»: chỉ dùng chữ số, dấu cách, dấu chấm."
                ))
            }
        }
    }
    let national = if t.starts_with('+') {
        match digits.strip_prefix("84") {
            Some(rest) => format!("0{rest}"),
            None => return Some("Số điện thoại quốc tế phải bắt đầu bằng +84.".into()),
        }
    } else {
        digits
    };
    if !national.starts_with('0') || !(10..=11).contains(&national.len()) {
        return Some(format!(
            "Số điện thoại «{t}» không đúng: cần 10 hoặc 11 chữ số, bắt đầu bằng 0 (ví dụ 0238 3844 123 hoặc 0912 345 678)."
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
    (!ok).then(|| format!("Thư điện tử «{t}» không đúng dạng ten@coquan.gov.vn."))
}

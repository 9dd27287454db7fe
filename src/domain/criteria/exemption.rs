//! Miễn chấm: a set may leave some fields, criteria or items unscored for one
//! kind of agency (e.g. Hà Nam 2023: the provincial office, the inspectorate
//! and one board are not scored on the TTHC field nor on items 7.3 and 7.5).
//! The agency declares the exemption on its profile; those items are then
//! not applicable, removed from its maximum, whatever the item allows.

use std::collections::{BTreeMap, BTreeSet};

use super::set::CriteriaSet;
use crate::domain::base::json::{problem, Problem};

impl CriteriaSet {
    /// The lowest format version that holds this set: 2 with exemptions,
    /// otherwise 1 (so copies of the app that read only 1 keep reading it).
    pub fn needed_format_version(&self) -> u32 {
        if self.exemptions.is_empty() {
            1
        } else {
            2
        }
    }

    /// The scored units exempted for an agency that declares the given
    /// exemptions (by id), each with the exemption's label.
    pub fn exempted(&self, declared: &[String]) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for ex in self.exemptions.iter().filter(|e| declared.contains(&e.id)) {
            let covers = |code: &str| ex.codes.iter().any(|c| c.trim() == code);
            for field in &self.fields {
                for criterion in &field.criteria {
                    for unit in criterion.units(field) {
                        if covers(&field.code) || covers(&criterion.code) || covers(unit.code) {
                            out.entry(unit.code.to_string())
                                .or_insert_with(|| ex.label.clone());
                        }
                    }
                }
            }
        }
        out
    }
}

/// Every problem of the exemptions: an empty or repeated id, an empty label,
/// no codes, or a code the set does not have.
pub fn exemption_problems(set: &CriteriaSet) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut known = BTreeSet::new();
    for field in &set.fields {
        known.insert(field.code.as_str());
        for criterion in &field.criteria {
            known.insert(criterion.code.as_str());
            known.extend(criterion.items.iter().map(|i| i.code.as_str()));
        }
    }
    let mut ids = BTreeSet::new();
    for (i, ex) in set.exemptions.iter().enumerate() {
        let path = format!("exemptions[{i}]");
        let name = if ex.label.trim().is_empty() {
            (i + 1).to_string()
        } else {
            ex.label.clone()
        };
        let id_ok = !ex.id.is_empty()
            && ex
                .id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
        if !id_ok {
            out.push(problem(
                format!("{path}.id"),
                None,
                tf!(
                    "miễn chấm «{name}»: mã chỉ gồm chữ không dấu, số, «-», «_»",
                    "exemption «{name}»: the id may hold only unaccented letters, digits, «-», «_»"
                ),
            ));
        } else if !ids.insert(ex.id.as_str()) {
            out.push(problem(
                format!("{path}.id"),
                None,
                tf!(
                    "miễn chấm «{name}»: mã «{}» bị trùng",
                    "exemption «{name}»: id «{}» is a duplicate",
                    ex.id
                ),
            ));
        }
        if ex.label.trim().is_empty() {
            out.push(problem(
                format!("{path}.label"),
                None,
                tf!(
                    "miễn chấm thứ {}: chưa ghi áp dụng cho cơ quan nào",
                    "exemption {}: no label saying which agencies it is for",
                    i + 1
                ),
            ));
        }
        if ex.codes.iter().all(|c| c.trim().is_empty()) {
            out.push(problem(
                format!("{path}.codes"),
                None,
                tf!(
                    "miễn chấm «{name}»: chưa ghi lĩnh vực, tiêu chí hay tiêu chí thành phần nào",
                    "exemption «{name}»: no field, criterion or sub-criterion listed"
                ),
            ));
        }
        for code in ex.codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            if !known.contains(code) {
                out.push(problem(
                    format!("{path}.codes"),
                    None,
                    tf!(
                        "miễn chấm «{name}»: bộ tiêu chí không có mã «{code}»",
                        "exemption «{name}»: the set has no code «{code}»"
                    ),
                ));
            }
        }
    }
    out
}

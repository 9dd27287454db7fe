//! From an annex table (phụ lục) to a criteria set: the columns recognised
//! from their Vietnamese headers (and reassignable), the hierarchy from the
//! codes (1 / 1.1 / 1.1.2, or I / 1 / a), each row's scoring text read into a
//! rule, and every row the reader is not sure about listed "cần xem lại".

use std::collections::BTreeMap;

use super::rule_reader::{read_rule, Part};
use crate::domain::base::decimal::Dec;
use crate::domain::base::text::fold_vi;
use crate::domain::criteria::set::{
    ClassBand, CriteriaSet, Criterion, Decision, Field, Item, Provenance, Rule, UnitType,
    CRITERIA_SET_FORMAT,
};

/// Which column holds what (indices into a row).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    pub code: Option<usize>,
    pub title: Option<usize>,
    pub max: Option<usize>,
    pub scoring: Option<usize>,
    pub evidence: Option<usize>,
}

/// The header row's index and the columns recognised in it. Headers are
/// matched without diacritics; a column not recognised stays unassigned.
pub fn recognise_columns(rows: &[Vec<String>]) -> (Option<usize>, Columns) {
    for (r, row) in rows.iter().enumerate().take(8) {
        let mut c = Columns::default();
        for (i, cell) in row.iter().enumerate() {
            let h = fold_vi(cell);
            let h = h.trim();
            let slot = if h.contains("cach tinh")
                || h.contains("huong dan cham")
                || h.contains("cach cham")
                || h.contains("phuong phap")
                || h.contains("cach danh gia")
            {
                &mut c.scoring
            } else if h.contains("kiem chung") {
                &mut c.evidence
            } else if h.contains("toi da") || h.contains("diem chuan") || h.contains("thang diem") {
                &mut c.max
            } else if h == "stt" || h == "tt" || h == "ma" || h.starts_with("so tt") || h == "ma so"
            {
                &mut c.code
            } else if h.contains("tieu chi") || h.contains("linh vuc") || h.contains("noi dung") {
                &mut c.title
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(i);
            }
        }
        let found = [c.code, c.title, c.max, c.scoring, c.evidence]
            .iter()
            .filter(|x| x.is_some())
            .count();
        if found >= 2 && c.title.is_some() {
            return (Some(r), c);
        }
    }
    (None, Columns::default())
}

/// One row of the table, as read through the columns.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnexRow {
    /// 1-based row number in the pasted table, for messages.
    pub line: usize,
    pub code: String,
    pub title: String,
    pub max: Option<Dec>,
    pub scoring: String,
    pub evidence: String,
}

pub fn annex_rows(rows: &[Vec<String>], header: Option<usize>, cols: &Columns) -> Vec<AnnexRow> {
    let get = |row: &Vec<String>, c: Option<usize>| {
        c.and_then(|i| row.get(i))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    rows.iter()
        .enumerate()
        .skip(header.map_or(0, |h| h + 1))
        .map(|(i, row)| AnnexRow {
            line: i + 1,
            code: get(row, cols.code)
                .trim_end_matches(['.', ')'])
                .trim()
                .to_string(),
            title: get(row, cols.title),
            max: Dec::parse(
                get(row, cols.max).trim_end_matches(|c: char| c.is_alphabetic() || c == ' '),
            )
            .ok(),
            scoring: get(row, cols.scoring),
            evidence: get(row, cols.evidence),
        })
        .filter(|r| !(r.code.is_empty() && r.title.is_empty() && r.scoring.is_empty()))
        .collect()
}

/// A row the reader is not sure about, kept for a person to confirm.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReviewNote {
    /// The row number in the pasted table (0 when not from a table).
    pub line: usize,
    /// The scoring text as written in the annex.
    pub text: String,
    /// Why it needs a person.
    pub why: String,
}

/// What the import made of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnexImport {
    pub set: CriteriaSet,
    /// By item code: rules to confirm.
    pub review: BTreeMap<String, ReviewNote>,
    /// Scored units (items and criteria scored directly) read.
    pub scored: usize,
    /// Rows that could not be placed in the tree (line, why).
    pub skipped: Vec<(usize, String)>,
}

impl AnnexImport {
    /// "Đọc được quy tắc của 82/89 tiêu chí thành phần; 7 cần xem lại".
    pub fn summary(&self) -> String {
        let sure = self.scored - self.review.len().min(self.scored);
        tf!(
            "Đọc được quy tắc của {sure}/{} tiêu chí thành phần; {} cần xem lại",
            "Rules read for {sure}/{} sub-criteria; {} to review",
            self.scored,
            self.review.len()
        )
    }
}

fn roman_value(code: &str) -> Option<usize> {
    if code.is_empty() || !code.chars().all(|c| "IVXLivxl".contains(c)) {
        return None;
    }
    let v = |c: char| match c.to_ascii_uppercase() {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 0,
    };
    let chars: Vec<i64> = code.chars().map(v).collect();
    let mut total = 0i64;
    for (i, &x) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|&n| n > x) {
            total -= x;
        } else {
            total += x;
        }
    }
    usize::try_from(total).ok().filter(|&t| t > 0)
}

fn is_letter_code(code: &str) -> bool {
    let mut c = code.chars();
    matches!((c.next(), c.next()), (Some(ch), None) if ch.is_ascii_lowercase() || ch == 'đ')
}

fn numeric_depth(code: &str) -> Option<usize> {
    let parts: Vec<&str> = code.split('.').collect();
    parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        .then_some(parts.len())
}

fn part_of(title: &str) -> Option<Part> {
    let f = fold_vi(title);
    if f.contains("diem thuong") || f.contains("diem cong") {
        Some(Part::Bonus)
    } else if f.contains("diem tru") {
        Some(Part::Deduction)
    } else {
        None
    }
}

/// Builds a set from the rows. The header (id, issuer, decision…) is left
/// for the author to fill in; the studio shows what is missing.
pub fn import_annex(rows: &[AnnexRow], year: u16) -> AnnexImport {
    let roman = rows
        .iter()
        .any(|r| roman_value(&r.code).is_some() && r.code.len() <= 5 && !is_letter_code(&r.code));
    let mut fields: Vec<Field> = Vec::new();
    let mut review = BTreeMap::new();
    let mut skipped = Vec::new();
    let mut part = Part::Main;
    let mut bonus_cap = None;
    // declared maxima, checked later by validation against the sums
    let mut scored = 0;

    let new_field = |code: String, title: String, max: Option<Dec>| Field {
        code,
        title,
        title_en: None,
        max: max.unwrap_or(Dec::ZERO),
        criteria: Vec::new(),
    };
    let new_criterion = |code: String, title: String, max: Option<Dec>| Criterion {
        code,
        title,
        title_en: None,
        max: max.unwrap_or(Dec::ZERO),
        guidance: None,
        evidence: None,
        allow_na: false,
        rule: None,
        items: Vec::new(),
    };
    let mut declared_field_max: Vec<bool> = Vec::new();

    for row in rows {
        let code = row.code.trim();
        let fcode_fold = fold_vi(code);
        let is_part_code =
            fcode_fold.starts_with("phan") || fcode_fold == "a" && code == "A" || code == "B";
        // a part heading: "PHẦN II | ĐIỂM THƯỞNG (tối đa 2 điểm)"
        let heading_part = part_of(&row.title).filter(|_| {
            row.scoring.trim().is_empty()
                && (code.is_empty() || is_part_code || roman_value(code).is_some())
        });
        if is_part_code && heading_part.is_none() {
            part = Part::Main;
            skipped.push((
                row.line,
                tf!(
                    "«{code}» là tiêu đề phần; không chấm điểm",
                    "«{code}» is a part heading; not scored"
                ),
            ));
            continue;
        }
        if let Some(p) = heading_part {
            part = p;
            if p == Part::Bonus {
                bonus_cap = row.max.or(bonus_cap);
            }
            let fcode = if p == Part::Bonus {
                "DT".to_string()
            } else {
                "DTR".to_string()
            };
            fields.push(new_field(fcode.clone(), row.title.clone(), Some(Dec::ZERO)));
            declared_field_max.push(true);
            fields.last_mut().unwrap().criteria.push(new_criterion(
                format!("{fcode}.1"),
                row.title.clone(),
                Some(Dec::ZERO),
            ));
            continue;
        }
        enum Level {
            Field,
            Criterion,
            Item,
        }
        let level = if code.is_empty() {
            if row.scoring.trim().is_empty() && row.max.is_none() {
                skipped.push((
                    row.line,
                    t!(
                        "không có mã (STT); coi là dòng ghi chú",
                        "no code; taken as a note row"
                    )
                    .to_string(),
                ));
                continue;
            }
            Level::Item
        } else if part != Part::Main && !fields.is_empty() {
            // in a bonus or deduction part every numbered row is an item
            Level::Item
        } else if roman && roman_value(code).is_some() && !is_letter_code(code) {
            Level::Field
        } else if is_letter_code(code) {
            Level::Item
        } else {
            match (numeric_depth(code), roman) {
                (Some(1), false) => Level::Field,
                (Some(1), true) => Level::Criterion,
                (Some(2), false) => Level::Criterion,
                (Some(2), true) => Level::Item,
                (Some(_), _) => Level::Item,
                (None, _) => {
                    skipped.push((
                        row.line,
                        tf!("không hiểu mã «{code}»", "code «{code}» not understood"),
                    ));
                    continue;
                }
            }
        };
        match level {
            Level::Field => {
                let fcode = if roman {
                    code.to_uppercase()
                } else {
                    code.to_string()
                };
                fields.push(new_field(fcode, row.title.clone(), row.max));
                declared_field_max.push(row.max.is_some());
            }
            Level::Criterion => {
                let Some(field) = fields.last_mut() else {
                    skipped.push((
                        row.line,
                        t!(
                            "tiêu chí nằm trước lĩnh vực đầu tiên",
                            "criterion before the first field"
                        )
                        .into(),
                    ));
                    continue;
                };
                let ccode = if roman {
                    format!("{}.{code}", field.code)
                } else {
                    code.to_string()
                };
                let mut c = new_criterion(ccode.clone(), row.title.clone(), row.max);
                if !row.scoring.trim().is_empty() {
                    // scored directly unless items follow (then the text is guidance)
                    let reading = read_rule(&row.scoring, c.max, part);
                    c.guidance = Some(row.scoring.clone());
                    c.evidence = (!row.evidence.is_empty()).then(|| row.evidence.clone());
                    c.allow_na = fold_vi(&row.scoring).contains("khong ap dung");
                    c.rule = Some(reading.rule.clone().unwrap_or(Rule::Direct {
                        step: Dec::from_hundredths(25),
                    }));
                    if let Some(why) = reading.review {
                        review.insert(
                            ccode,
                            ReviewNote {
                                line: row.line,
                                text: row.scoring.clone(),
                                why,
                            },
                        );
                    }
                }
                field.criteria.push(c);
            }
            Level::Item => {
                let Some(field) = fields.last_mut() else {
                    skipped.push((
                        row.line,
                        t!(
                            "tiêu chí thành phần nằm trước lĩnh vực đầu tiên",
                            "sub-criterion before the first field"
                        )
                        .into(),
                    ));
                    continue;
                };
                if field.criteria.is_empty() {
                    let c = new_criterion(format!("{}.1", field.code), field.title.clone(), None);
                    field.criteria.push(c);
                }
                let criterion = field.criteria.last_mut().unwrap();
                if let Some(old) = criterion.rule.take() {
                    // the criterion had its own scoring text: it is guidance now
                    let _ = old;
                    review.remove(&criterion.code);
                }
                let n = criterion.items.len() + 1;
                let icode = if code.is_empty() {
                    format!("{}.{n}", criterion.code)
                } else if is_letter_code(code) || roman {
                    format!("{}.{code}", criterion.code)
                } else {
                    code.to_string()
                };
                let max = row.max.unwrap_or(Dec::ZERO);
                let reading = read_rule(&row.scoring, max, part);
                let rule = reading.rule.clone().unwrap_or(match part {
                    Part::Bonus => Rule::Bonus {
                        options: Vec::new(),
                    },
                    _ => Rule::Direct {
                        step: Dec::from_hundredths(25),
                    },
                });
                let mut why = reading.review;
                if part == Part::Deduction && why.is_none() && criterion.max.is_zero() {
                    why = Some(
                        t!(
                        "điểm trừ vào tổng điểm: hãy chuyển mục này vào tiêu chí mà nó trừ điểm",
                        "deducted from the total: move this item into the criterion it deducts from"
                    )
                        .into(),
                    );
                }
                if row.max.is_none()
                    && rule.counts_toward_max()
                    && !rule.is_survey()
                    && why.is_none()
                {
                    why = Some(t!("không có điểm tối đa", "no maximum").into());
                }
                if let Some(why) = why {
                    review.insert(
                        icode.clone(),
                        ReviewNote {
                            line: row.line,
                            text: row.scoring.clone(),
                            why,
                        },
                    );
                }
                criterion.items.push(Item {
                    code: icode,
                    title: row.title.clone(),
                    title_en: None,
                    max,
                    guidance: (!row.scoring.is_empty()).then(|| row.scoring.clone()),
                    evidence: (!row.evidence.is_empty()).then(|| row.evidence.clone()),
                    allow_na: fold_vi(&row.scoring).contains("khong ap dung")
                        || fold_vi(&row.title).contains("khong ap dung"),
                    rule,
                });
            }
        }
    }
    // criteria scored by items: their maximum is the items' sum when not
    // declared; fields likewise
    for (fi, f) in fields.iter_mut().enumerate() {
        for c in &mut f.criteria {
            if c.max.is_zero() && !c.items.is_empty() {
                c.max = c
                    .items
                    .iter()
                    .filter(|i| i.rule.counts_toward_max())
                    .map(|i| i.max)
                    .sum();
            }
            if !c.items.is_empty() {
                c.guidance = None;
                c.evidence = None;
                c.allow_na = false;
            }
        }
        if !declared_field_max.get(fi).copied().unwrap_or(false) {
            f.max = f.criteria.iter().map(|c| c.max).sum();
        }
    }
    scored = scored
        + fields
            .iter()
            .flat_map(|f| &f.criteria)
            .map(|c| {
                if c.items.is_empty() {
                    usize::from(c.rule.is_some())
                } else {
                    c.items.len()
                }
            })
            .sum::<usize>();
    let total_max = fields.iter().map(|f| f.max).sum();
    let has_bonus = fields
        .iter()
        .flat_map(|f| &f.criteria)
        .flat_map(|c| &c.items)
        .any(|i| matches!(i.rule, Rule::Bonus { .. }));
    let bonus_cap = if has_bonus {
        Some(bonus_cap.unwrap_or_else(|| {
            fields
                .iter()
                .flat_map(|f| &f.criteria)
                .flat_map(|c| &c.items)
                .filter(|i| matches!(i.rule, Rule::Bonus { .. }))
                .map(|i| i.max)
                .sum()
        }))
    } else {
        None
    };
    AnnexImport {
        set: CriteriaSet {
            bonus_cap,
            total_max,
            fields,
            ..blank_set(year)
        },
        review,
        scored,
        skipped,
    }
}

/// A set with an empty tree and the header to be filled in: the usual
/// classes (Tốt ≥ 90, Khá 80–90, Trung bình 65–80, Yếu < 65) as a start.
pub fn blank_set(year: u16) -> CriteriaSet {
    let band = |label: &str, label_en: &str, min: Option<i64>, max: Option<i64>| ClassBand {
        label: label.into(),
        label_en: Some(label_en.into()),
        min: min.map(Dec::from_int),
        min_inclusive: true,
        max: max.map(Dec::from_int),
        max_inclusive: false,
    };
    CriteriaSet {
        format: CRITERIA_SET_FORMAT.into(),
        format_version: 1,
        id: format!("bo-tieu-chi-moi-{year}"),
        version: format!("{year}.1"),
        title: tf!(
            "Bộ tiêu chí xác định Chỉ số CCHC năm {year}",
            "PAR Index criteria {year}"
        ),
        title_en: None,
        issuer: String::new(),
        decision: Decision {
            number: String::new(),
            date: String::new(),
        },
        year,
        unit_type: UnitType::SoBanNganh,
        provenance: Provenance::Official,
        provenance_note: None,
        total_max: Dec::from_int(100),
        bonus_cap: None,
        exemptions: Vec::new(),
        bands: vec![
            band("Tốt", "Good", Some(90), None),
            band("Khá", "Fair", Some(80), Some(90)),
            band("Trung bình", "Average", Some(65), Some(80)),
            band("Yếu", "Weak", None, Some(65)),
        ],
        fields: Vec::new(),
    }
}

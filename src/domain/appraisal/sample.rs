//! Generated agencies' answers on a set: realistic submissions for the
//! benchmark and the tests (`examples/generate_submissions.rs`), and the
//! desk's rehearsal, which takes one such file through the reviewer's whole
//! import (read, seal, checks, list, ranking) on a scratch desk while the
//! reviewer is still choosing files. The browser compiles WebAssembly code
//! the first time it runs, ~300 ms at 4× CPU throttling for an import's
//! code, so the first real import would otherwise pay for it.

use crate::domain::appraisal::desk::Desk;
use crate::domain::appraisal::desk_list::DeskQuery;
use crate::domain::appraisal::ranking::ranking_blocks_checked;
use crate::domain::appraisal::submission::export;
use crate::domain::{CriteriaSet, Draft, EvidenceRef, InputKind, Rule, UnitType};

/// Agency number `i`'s answers on `set`: most items answered (every ninth
/// or so left blank), the choices mostly the best option, figures spread,
/// and two documents cited per answered item, as agencies do.
pub fn sample_draft(set: &CriteriaSet, i: usize) -> Draft {
    // ids and names per set, so communes and departments share a desk
    let mut d = Draft::new(&format!("sinh-{}-{i:03}", set.id), "2026-11-20T09:00:00");
    d.profile.name = match set.unit_type {
        UnitType::UbndXaPhuong => format!("UBND xã thử nghiệm số {i:03}"),
        _ => format!("Cơ quan thử nghiệm số {i:03}"),
    };
    d.profile.unit_type = Some(set.unit_type);
    let name = d.profile.name.clone();
    d.profile.year = set.year.to_string();
    d.profile.province = "Minh Họa".into();
    for (k, u) in set.scored_units().enumerate() {
        if (i * 7 + k) % 9 == 0 {
            continue;
        }
        let pick = (i * 31 + k * 17) % 97;
        let kind = InputKind::of(u.rule);
        d.edit(u.code, |r| match kind {
            InputKind::Choice => {
                let ids: Vec<&str> = match u.rule {
                    Rule::Levels { options } | Rule::Bonus { options } => {
                        options.iter().map(|o| o.id.as_str()).collect()
                    }
                    Rule::Deduction { options } => options.iter().map(|o| o.id.as_str()).collect(),
                    _ => vec![],
                };
                // most agencies pick the best option
                if let Some(id) = ids.get(if pick < 70 {
                    0
                } else {
                    pick % ids.len().max(1)
                }) {
                    r.choice = Some(id.to_string());
                }
            }
            InputKind::YesNo => r.choice = Some(if pick < 80 { "yes" } else { "no" }.into()),
            InputKind::Percent => r.value = format!("{}", 50 + pick / 2),
            InputKind::Fraction => {
                r.numerator = format!("{}", 5 + pick % 6);
                r.denominator = "10".into();
            }
            InputKind::Count => r.value = format!("{}", pick % 5),
            InputKind::Direct => r.value = "0".into(),
            InputKind::Survey => {}
        });
        if kind != InputKind::Survey {
            let code = u.code.to_string();
            d.edit(u.code, |r| {
                r.evidence = (1..=2)
                    .map(|j| EvidenceRef {
                        number: format!(
                            "{}/{}-UBND",
                            100 + (i * 3 + k + j) % 800,
                            if j == 1 { "KH" } else { "BC" }
                        ),
                        date: format!("2026-{:02}-{:02}", 1 + (k + j) % 11, 1 + (i + k) % 27),
                        issuer: name.clone(),
                        subject: format!(
                            "{} thực hiện nhiệm vụ cải cách hành chính năm 2026, mục {code}",
                            if j == 1 {
                                "Kế hoạch"
                            } else {
                                "Báo cáo kết quả"
                            }
                        ),
                        location: format!("Mục {}, trang {}", 1 + k % 5, 2 + j),
                        link: format!("https://vanban.minhhoa.gov.vn/{i:03}/{code}-{j}.pdf"),
                        note: String::new(),
                    })
                    .collect();
            });
        }
    }
    d
}

/// Agency number `i`'s sealed submission file on `set`, as the app writes it.
pub fn sample_file(set: &CriteriaSet, i: usize) -> String {
    export(&sample_draft(set, i), set, "2026-11-22T10:00:00", 1).to_json()
}

/// What the rehearsal went through, for its test.
#[derive(Clone, Debug, PartialEq)]
pub struct Rehearsal {
    pub imported: usize,
    pub sealed: bool,
    pub flagged: bool,
    pub listed: usize,
    pub ranked: usize,
}

/// Takes two sample files on `set` (the second sharing the first's set, as
/// a province's files do) through an import onto a scratch desk: read and
/// seal, the checks against `set` as official, the desk's list and the
/// ranking. Nothing is kept.
pub fn rehearse(set: &CriteriaSet) -> Rehearsal {
    let mut desk = Desk::default();
    let mut imported = 0;
    for i in 0..2 {
        let file = sample_file(set, i);
        if desk
            .import(
                &format!("mau-{i}.json"),
                file.as_bytes(),
                "2026-11-23T08:00:00",
            )
            .is_ok()
        {
            imported += 1;
        }
    }
    let key = format!("{}@{}", set.id, set.version);
    let official = |k: &str| (k == key).then_some(set);
    let checks = desk.checks(official);
    let listed = desk.list(&DeskQuery::default(), &checks).keys.len();
    let ranked = ranking_blocks_checked(&desk, official, &checks)
        .iter()
        .map(|b| b.rows.len())
        .sum();
    Rehearsal {
        imported,
        sealed: desk
            .entries
            .values()
            .all(|e| e.seal.digest_ok && e.seal.set_digest_ok),
        flagged: checks.values().any(|c| c.flagged()),
        listed,
        ranked,
    }
}

//! Two sets side by side (this year against last year): what was added,
//! removed, re-numbered, and what changed in the maxima, rules, guidance and
//! titles. Units are matched by code, then by title for what moved.

use crate::domain::base::decimal::Dec;
use crate::domain::base::text::fold_vi;
use crate::domain::criteria::rule_text::rule_line;
use crate::domain::criteria::set::CriteriaSet;

/// One difference, described for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Added {
        code: String,
        title: String,
    },
    Removed {
        code: String,
        title: String,
    },
    Renumbered {
        from: String,
        to: String,
        title: String,
    },
    Title {
        code: String,
        before: String,
        after: String,
    },
    Max {
        code: String,
        before: Dec,
        after: Dec,
    },
    Rule {
        code: String,
        before: String,
        after: String,
    },
    Guidance {
        code: String,
    },
    Evidence {
        code: String,
    },
}

impl Change {
    pub fn code(&self) -> &str {
        match self {
            Change::Added { code, .. }
            | Change::Removed { code, .. }
            | Change::Title { code, .. }
            | Change::Max { code, .. }
            | Change::Rule { code, .. }
            | Change::Guidance { code }
            | Change::Evidence { code } => code,
            Change::Renumbered { to, .. } => to,
        }
    }

    pub fn text(&self) -> String {
        match self {
            Change::Added { code, title } => tf!("Thêm {code} «{title}»", "Added {code} «{title}»"),
            Change::Removed { code, title } => {
                tf!("Bỏ {code} «{title}»", "Removed {code} «{title}»")
            }
            Change::Renumbered { from, to, title } => {
                tf!(
                    "Đổi số {from} → {to} «{title}»",
                    "Renumbered {from} → {to} «{title}»"
                )
            }
            Change::Title {
                code,
                before,
                after,
            } => {
                tf!(
                    "{code}: tên «{before}» → «{after}»",
                    "{code}: title «{before}» → «{after}»"
                )
            }
            Change::Max {
                code,
                before,
                after,
            } => tf!(
                "{code}: điểm tối đa {} → {}",
                "{code}: maximum {} → {}",
                before.shown(),
                after.shown()
            ),
            Change::Rule {
                code,
                before,
                after,
            } => {
                tf!(
                    "{code}: cách tính điểm «{before}» → «{after}»",
                    "{code}: scoring «{before}» → «{after}»"
                )
            }
            Change::Guidance { code } => tf!(
                "{code}: hướng dẫn chấm thay đổi",
                "{code}: guidance changed"
            ),
            Change::Evidence { code } => {
                tf!(
                    "{code}: tài liệu kiểm chứng thay đổi",
                    "{code}: evidence required changed"
                )
            }
        }
    }
}

/// A flattened node: fields, criteria and items alike.
struct Unit {
    code: String,
    title: String,
    max: Dec,
    rule: Option<String>,
    guidance: Option<String>,
    evidence: Option<String>,
}

fn units(set: &CriteriaSet) -> Vec<Unit> {
    let mut out = Vec::new();
    for f in &set.fields {
        out.push(Unit {
            code: f.code.clone(),
            title: f.title.clone(),
            max: f.max,
            rule: None,
            guidance: None,
            evidence: None,
        });
        for c in &f.criteria {
            out.push(Unit {
                code: c.code.clone(),
                title: c.title.clone(),
                max: c.max,
                rule: c.rule.as_ref().map(|r| rule_line(r, c.max)),
                guidance: c.guidance.clone(),
                evidence: c.evidence.clone(),
            });
            for i in &c.items {
                out.push(Unit {
                    code: i.code.clone(),
                    title: i.title.clone(),
                    max: i.max,
                    rule: Some(rule_line(&i.rule, i.max)),
                    guidance: i.guidance.clone(),
                    evidence: i.evidence.clone(),
                });
            }
        }
    }
    out
}

fn same_title(a: &str, b: &str) -> bool {
    fold_vi(a)
        .split_whitespace()
        .eq(fold_vi(b).split_whitespace())
}

/// The differences from `before` to `after`, in `after`'s order (removals last).
pub fn compare(before: &CriteriaSet, after: &CriteriaSet) -> Vec<Change> {
    let old = units(before);
    let new = units(after);
    let mut used = vec![false; old.len()];
    let mut matched: Vec<Option<usize>> = vec![None; new.len()];
    // 1. same code, same title; 2. same title elsewhere (re-numbered);
    // 3. same code, title changed
    let passes: [&dyn Fn(&Unit, &Unit) -> bool; 3] = [
        &|o, n| o.code == n.code && same_title(&o.title, &n.title),
        &|o, n| same_title(&o.title, &n.title),
        &|o, n| o.code == n.code,
    ];
    for pass in passes {
        for (ni, n) in new.iter().enumerate() {
            if matched[ni].is_some() {
                continue;
            }
            if let Some(oi) = (0..old.len()).find(|&oi| !used[oi] && pass(&old[oi], n)) {
                used[oi] = true;
                matched[ni] = Some(oi);
            }
        }
    }
    let mut out = Vec::new();
    for (ni, n) in new.iter().enumerate() {
        match matched[ni] {
            Some(oi) => {
                if old[oi].code != n.code {
                    out.push(Change::Renumbered {
                        from: old[oi].code.clone(),
                        to: n.code.clone(),
                        title: n.title.clone(),
                    });
                }
                diff(&old[oi], n, &mut out);
            }
            None => out.push(Change::Added {
                code: n.code.clone(),
                title: n.title.clone(),
            }),
        }
    }
    for (oi, o) in old.iter().enumerate() {
        if !used[oi] {
            out.push(Change::Removed {
                code: o.code.clone(),
                title: o.title.clone(),
            });
        }
    }
    out
}

fn diff(o: &Unit, n: &Unit, out: &mut Vec<Change>) {
    let code = n.code.clone();
    if !same_title(&o.title, &n.title) {
        out.push(Change::Title {
            code: code.clone(),
            before: o.title.clone(),
            after: n.title.clone(),
        });
    }
    if o.max != n.max {
        out.push(Change::Max {
            code: code.clone(),
            before: o.max,
            after: n.max,
        });
    }
    if o.rule != n.rule {
        out.push(Change::Rule {
            code: code.clone(),
            before: o.rule.clone().unwrap_or_default(),
            after: n.rule.clone().unwrap_or_default(),
        });
    }
    if o.guidance != n.guidance {
        out.push(Change::Guidance { code: code.clone() });
    }
    if o.evidence != n.evidence {
        out.push(Change::Evidence { code });
    }
}

//! Editing a set's tree: add, remove, move and re-number fields, criteria
//! and items; the totals recomputed next to the declared ones; and every
//! problem validation finds, placed on its node.

use super::annex::ReviewNote;
use crate::domain::base::decimal::Dec;
use crate::domain::base::json::Problem;
use crate::domain::criteria::set::{CriteriaSet, Criterion, Field, Item, Rule};
use std::collections::BTreeMap;

/// A node of the tree: a field, a criterion in it, or an item in that.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Node {
    pub field: usize,
    pub criterion: Option<usize>,
    pub item: Option<usize>,
}

impl Node {
    pub fn field(f: usize) -> Node {
        Node {
            field: f,
            criterion: None,
            item: None,
        }
    }
    pub fn criterion(f: usize, c: usize) -> Node {
        Node {
            field: f,
            criterion: Some(c),
            item: None,
        }
    }
    pub fn item(f: usize, c: usize, i: usize) -> Node {
        Node {
            field: f,
            criterion: Some(c),
            item: Some(i),
        }
    }

    /// The node a validation path points into ("fields[0].criteria[1].items[2].rule…"),
    /// or None for the header.
    pub fn of_path(path: &str) -> Option<Node> {
        let index = |key: &str| -> Option<usize> {
            let i = path.find(key)? + key.len();
            let end = path[i..].find(']')? + i;
            path[i..end].parse().ok()
        };
        let field = index("fields[")?;
        Some(Node {
            field,
            criterion: index("criteria["),
            item: index("items["),
        })
    }
}

/// A removed node, kept for undo.
#[derive(Clone, Debug, PartialEq)]
pub enum Removed {
    Field(usize, Field),
    Criterion(usize, usize, Criterion),
    Item(usize, usize, usize, Item),
}

fn next_code(parent: &str, n: usize) -> String {
    if parent.is_empty() {
        n.to_string()
    } else {
        format!("{parent}.{n}")
    }
}

pub fn add_field(set: &mut CriteriaSet) -> Node {
    let n = set.fields.len() + 1;
    set.fields.push(Field {
        code: next_code("", n),
        title: t!("Lĩnh vực mới", "New field").into(),
        title_en: None,
        max: Dec::ZERO,
        criteria: Vec::new(),
    });
    Node::field(n - 1)
}

pub fn add_criterion(set: &mut CriteriaSet, f: usize) -> Option<Node> {
    let field = set.fields.get_mut(f)?;
    let n = field.criteria.len() + 1;
    field.criteria.push(Criterion {
        code: next_code(&field.code, n),
        title: t!("Tiêu chí mới", "New criterion").into(),
        title_en: None,
        max: Dec::ZERO,
        guidance: None,
        evidence: None,
        allow_na: false,
        rule: None,
        items: Vec::new(),
    });
    Some(Node::criterion(f, n - 1))
}

pub fn add_item(set: &mut CriteriaSet, f: usize, c: usize) -> Option<Node> {
    let criterion = set.fields.get_mut(f)?.criteria.get_mut(c)?;
    let n = criterion.items.len() + 1;
    criterion.rule = None;
    criterion.items.push(Item {
        code: next_code(&criterion.code, n),
        title: t!("Tiêu chí thành phần mới", "New sub-criterion").into(),
        title_en: None,
        max: Dec::from_int(1),
        guidance: None,
        evidence: None,
        allow_na: false,
        rule: Rule::YesNo {
            yes_label: None,
            no_label: None,
            yes_points: None,
            no_points: None,
        },
    });
    Some(Node::item(f, c, n - 1))
}

pub fn remove(set: &mut CriteriaSet, node: Node) -> Option<Removed> {
    match (node.criterion, node.item) {
        (None, _) => (node.field < set.fields.len())
            .then(|| Removed::Field(node.field, set.fields.remove(node.field))),
        (Some(c), None) => {
            let f = set.fields.get_mut(node.field)?;
            (c < f.criteria.len()).then(|| Removed::Criterion(node.field, c, f.criteria.remove(c)))
        }
        (Some(c), Some(i)) => {
            let cr = set.fields.get_mut(node.field)?.criteria.get_mut(c)?;
            (i < cr.items.len()).then(|| Removed::Item(node.field, c, i, cr.items.remove(i)))
        }
    }
}

/// Puts a removed node back where it was.
pub fn undo_remove(set: &mut CriteriaSet, removed: Removed) {
    match removed {
        Removed::Field(f, field) => set.fields.insert(f.min(set.fields.len()), field),
        Removed::Criterion(f, c, cr) => {
            if let Some(field) = set.fields.get_mut(f) {
                field.criteria.insert(c.min(field.criteria.len()), cr);
            }
        }
        Removed::Item(f, c, i, item) => {
            if let Some(cr) = set.fields.get_mut(f).and_then(|x| x.criteria.get_mut(c)) {
                cr.items.insert(i.min(cr.items.len()), item);
            }
        }
    }
}

/// Moves a node one place up (-1) or down (+1) among its siblings.
pub fn move_node(set: &mut CriteriaSet, node: Node, delta: isize) -> Option<Node> {
    fn shift<T>(v: &mut [T], i: usize, delta: isize) -> Option<usize> {
        let j = i.checked_add_signed(delta)?;
        (j < v.len() && i < v.len()).then(|| {
            v.swap(i, j);
            j
        })
    }
    match (node.criterion, node.item) {
        (None, _) => shift(&mut set.fields, node.field, delta).map(Node::field),
        (Some(c), None) => {
            let f = set.fields.get_mut(node.field)?;
            shift(&mut f.criteria, c, delta).map(|j| Node::criterion(node.field, j))
        }
        (Some(c), Some(i)) => {
            let cr = set.fields.get_mut(node.field)?.criteria.get_mut(c)?;
            shift(&mut cr.items, i, delta).map(|j| Node::item(node.field, c, j))
        }
    }
}

/// Re-numbers the whole tree 1, 1.1, 1.1.1… in its current order and
/// returns the old code → new code of everything that changed (so notes
/// kept by code follow their items).
pub fn renumber(set: &mut CriteriaSet) -> BTreeMap<String, String> {
    let mut moved = BTreeMap::new();
    let mut note = |old: &mut String, new: String| {
        if *old != new {
            moved.insert(std::mem::replace(old, new.clone()), new);
        }
    };
    for (fi, f) in set.fields.iter_mut().enumerate() {
        let fcode = (fi + 1).to_string();
        note(&mut f.code, fcode.clone());
        for (ci, c) in f.criteria.iter_mut().enumerate() {
            let ccode = format!("{fcode}.{}", ci + 1);
            note(&mut c.code, ccode.clone());
            for (ii, i) in c.items.iter_mut().enumerate() {
                note(&mut i.code, format!("{ccode}.{}", ii + 1));
            }
        }
    }
    moved
}

/// Review notes follow their items through a re-numbering.
pub fn rename_notes(notes: &mut BTreeMap<String, ReviewNote>, moved: &BTreeMap<String, String>) {
    let old = std::mem::take(notes);
    for (code, n) in old {
        notes.insert(moved.get(&code).cloned().unwrap_or(code), n);
    }
}

/// Declared and computed maxima of a field or criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Totals {
    pub declared: Dec,
    pub computed: Dec,
}

impl Totals {
    pub fn agree(&self) -> bool {
        self.declared == self.computed
    }
}

pub fn criterion_totals(c: &Criterion) -> Totals {
    let computed = if c.items.is_empty() {
        c.max
    } else {
        c.items
            .iter()
            .filter(|i| i.rule.counts_toward_max())
            .map(|i| i.max)
            .sum()
    };
    Totals {
        declared: c.max,
        computed,
    }
}

pub fn field_totals(f: &Field) -> Totals {
    Totals {
        declared: f.max,
        computed: f.criteria.iter().map(|c| c.max).sum(),
    }
}

pub fn set_totals(set: &CriteriaSet) -> Totals {
    Totals {
        declared: set.total_max,
        computed: set.fields.iter().map(|f| f.max).sum(),
    }
}

/// Every problem, placed on the node it concerns (None: the header).
pub fn problems_by_node(problems: &[Problem]) -> BTreeMap<Option<Node>, Vec<Problem>> {
    let mut out: BTreeMap<Option<Node>, Vec<Problem>> = BTreeMap::new();
    for p in problems {
        out.entry(Node::of_path(&p.path))
            .or_default()
            .push(p.clone());
    }
    out
}

/// What the editor shows of a node (a copy; edits go through [`node_mut`]).
#[derive(Clone, Debug, PartialEq)]
pub struct NodeView {
    pub code: String,
    pub title: String,
    pub max: Dec,
    /// Scored units only: the rule and its texts.
    pub rule: Option<Rule>,
    pub guidance: String,
    pub evidence: String,
    pub allow_na: bool,
    /// A criterion with items is not scored itself.
    pub has_items: bool,
}

/// A node to change in place.
pub enum NodeMut<'a> {
    Field(&'a mut Field),
    Criterion(&'a mut Criterion),
    Item(&'a mut Item),
}

pub fn node_mut(set: &mut CriteriaSet, n: Node) -> Option<NodeMut<'_>> {
    let f = set.fields.get_mut(n.field)?;
    let Some(c) = n.criterion else {
        return Some(NodeMut::Field(f));
    };
    let c = f.criteria.get_mut(c)?;
    match n.item {
        None => Some(NodeMut::Criterion(c)),
        Some(i) => c.items.get_mut(i).map(NodeMut::Item),
    }
}

pub fn node_view(set: &CriteriaSet, n: Node) -> Option<NodeView> {
    let f = set.fields.get(n.field)?;
    let Some(ci) = n.criterion else {
        return Some(NodeView {
            code: f.code.clone(),
            title: f.title.clone(),
            max: f.max,
            rule: None,
            guidance: String::new(),
            evidence: String::new(),
            allow_na: false,
            has_items: !f.criteria.is_empty(),
        });
    };
    let c = f.criteria.get(ci)?;
    Some(match n.item {
        None => NodeView {
            code: c.code.clone(),
            title: c.title.clone(),
            max: c.max,
            rule: c.rule.clone(),
            guidance: c.guidance.clone().unwrap_or_default(),
            evidence: c.evidence.clone().unwrap_or_default(),
            allow_na: c.allow_na,
            has_items: !c.items.is_empty(),
        },
        Some(ii) => {
            let i = c.items.get(ii)?;
            NodeView {
                code: i.code.clone(),
                title: i.title.clone(),
                max: i.max,
                rule: Some(i.rule.clone()),
                guidance: i.guidance.clone().unwrap_or_default(),
                evidence: i.evidence.clone().unwrap_or_default(),
                allow_na: i.allow_na,
                has_items: false,
            }
        }
    })
}

/// Every node in tree order: the shape the editor draws (it changes only
/// when something is added, removed or moved).
pub fn shape(set: &CriteriaSet) -> Vec<Node> {
    let mut out = Vec::new();
    for (fi, f) in set.fields.iter().enumerate() {
        out.push(Node::field(fi));
        for (ci, c) in f.criteria.iter().enumerate() {
            out.push(Node::criterion(fi, ci));
            out.extend((0..c.items.len()).map(|ii| Node::item(fi, ci, ii)));
        }
    }
    out
}

/// Sets the rule of a scored node (an item, or a criterion scored directly).
pub fn set_rule(set: &mut CriteriaSet, n: Node, rule: Rule) {
    match node_mut(set, n) {
        Some(NodeMut::Item(i)) => i.rule = rule,
        Some(NodeMut::Criterion(c)) if c.items.is_empty() => c.rule = Some(rule),
        _ => {}
    }
}

/// A fresh rule of the given kind for an item of maximum `max`, keeping what
/// can be kept from the old one (the options' labels).
pub fn rule_of_kind(kind: &str, max: Dec, old: Option<&Rule>) -> Rule {
    use crate::domain::criteria::set::{
        DeductionOption, LevelOption, PercentInput, ScoreBand, ZeroDenominator,
    };
    let labels: Vec<String> = match old {
        Some(Rule::Levels { options }) | Some(Rule::Bonus { options }) => {
            options.iter().map(|o| o.label.clone()).collect()
        }
        Some(Rule::Deduction { options }) => options.iter().map(|o| o.label.clone()).collect(),
        _ => Vec::new(),
    };
    let label = |k: usize, d: &str| labels.get(k).cloned().unwrap_or_else(|| d.to_string());
    let level = |k: usize, d: &str, p: Dec| LevelOption {
        id: format!("muc_{}", k + 1),
        label: label(k, d),
        label_en: None,
        points: p,
    };
    let band = |min: Option<i64>, max_: Option<i64>, p: Dec| ScoreBand {
        min: min.map(Dec::from_int),
        min_inclusive: true,
        max: max_.map(Dec::from_int),
        max_inclusive: false,
        points: p,
    };
    match kind {
        "levels" => Rule::Levels {
            options: vec![level(0, "Đạt", max), level(1, "Không đạt", Dec::ZERO)],
        },
        "bonus" => Rule::Bonus {
            options: vec![level(0, "Xuất sắc", max), level(1, "Hoàn thành", Dec::ZERO)],
        },
        "percent_bands" => Rule::PercentBands {
            input: PercentInput::Percent,
            numerator_label: None,
            denominator_label: None,
            zero_denominator: ZeroDenominator::NotApplicable,
            bands: vec![band(Some(100), None, max), band(None, Some(100), Dec::ZERO)],
        },
        "ratio" => Rule::Ratio {
            numerator_label: None,
            denominator_label: None,
            zero_denominator: ZeroDenominator::NotApplicable,
        },
        "count_bands" => Rule::CountBands {
            unit: None,
            bands: vec![band(Some(1), None, max), band(None, Some(1), Dec::ZERO)],
        },
        "direct" => Rule::Direct {
            step: Dec::from_hundredths(25),
        },
        "deduction" => Rule::Deduction {
            options: vec![DeductionOption {
                id: "muc_1".into(),
                label: label(0, "Có vi phạm"),
                label_en: None,
                points: None,
                percent: Some(Dec::from_int(50)),
            }],
        },
        "survey" => Rule::Survey {},
        _ => Rule::YesNo {
            yes_label: None,
            no_label: None,
            yes_points: None,
            no_points: None,
        },
    }
}

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

//! The domain's folders are the stages of the work and depend one way:
//! base ← criteria ← scoring ← assessment ← appraisal ← demo. This test reads
//! every `use` and path of `src/domain/` (comments and test modules left out),
//! resolves each to the file it names, and fails on an import against that
//! order, on any circle between files, and on any UI or browser crate.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Stages in order; files directly in `src/domain/` (the demo) come last.
const STAGES: [&str; 5] = ["base", "criteria", "scoring", "assessment", "appraisal"];

fn rank(module: &[String]) -> usize {
    STAGES
        .iter()
        .position(|s| module.first().map(String::as_str) == Some(*s))
        .unwrap_or(STAGES.len())
}

/// Module path of a file relative to src/domain: "criteria/set.rs" → [criteria, set].
fn module_of(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if parts.last().map(String::as_str) == Some("mod") {
        parts.pop();
    }
    parts
}

fn collect(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            collect(&p, root, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, fs::read_to_string(&p).unwrap());
        }
    }
}

/// The code without comments and without the unit-test module.
fn code(src: &str) -> String {
    let src = match src.find("#[cfg(test)]") {
        Some(i) => &src[..i],
        None => src,
    };
    src.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident_at(s: &str) -> Option<(&str, &str)> {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    (end > 0).then(|| (&s[..end], &s[end..]))
}

/// Every module path written after `crate::domain::` or `super::` (brace
/// groups expanded one level), as absolute module paths.
fn referenced_paths(me: &[String], is_mod_rs: bool, src: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let parent: Vec<String> = if is_mod_rs {
        me.to_vec()
    } else {
        me[..me.len() - 1].to_vec()
    };
    let mut rest = src;
    while let Some(i) = rest.find(|c: char| c == 'c' || c == 's') {
        rest = &rest[i..];
        let (base, after) = if let Some(a) = rest.strip_prefix("crate::domain::") {
            (Vec::new(), a)
        } else if let Some(a) = rest.strip_prefix("super::") {
            let mut b = parent.clone();
            let mut a = a;
            if is_mod_rs {
                b.pop();
            }
            while let Some(more) = a.strip_prefix("super::") {
                b.pop();
                a = more;
            }
            (b, a)
        } else {
            rest = &rest[1..];
            continue;
        };
        let mut heads = Vec::new();
        let mut prefix = Vec::new();
        let mut a = after;
        loop {
            if let Some(group) = a.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for part in group[..end].split(',') {
                    let mut p = prefix.clone();
                    p.extend(
                        part.trim()
                            .split("::")
                            .map_while(|seg| ident_at(seg.trim()).map(|(id, _)| id.to_string())),
                    );
                    heads.push(p);
                }
                break;
            }
            let Some((id, r)) = ident_at(a) else {
                heads.push(prefix.clone());
                break;
            };
            prefix.push(id.to_string());
            match r.strip_prefix("::") {
                Some(r2) => a = r2,
                None => {
                    heads.push(prefix.clone());
                    break;
                }
            }
        }
        for h in heads {
            let mut p = base.clone();
            p.extend(h);
            out.push(p);
        }
        rest = after;
    }
    out
}

#[test]
fn domain_stages_depend_one_way_and_files_form_no_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut files = BTreeMap::new();
    collect(&root, &root, &mut files);
    let modules: BTreeMap<Vec<String>, String> = files
        .keys()
        .map(|rel| (module_of(rel), rel.clone()))
        .collect();

    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut wrong_way = Vec::new();
    let mut forbidden = Vec::new();
    for (rel, src) in &files {
        let me = module_of(rel);
        let body = code(src);
        for krate in ["leptos", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
            if body.contains(&format!("{krate}::")) {
                forbidden.push(format!("{rel} uses {krate}"));
            }
        }
        let deps = edges.entry(rel.clone()).or_default();
        for path in referenced_paths(&me, rel.ends_with("mod.rs"), &body) {
            let target = (1..=path.len())
                .rev()
                .find_map(|k| modules.get(&path[..k]))
                .filter(|t| *t != rel);
            if let Some(t) = target {
                // a stage's mod.rs declares its own files: not a dependency
                if rel.ends_with("mod.rs") && module_of(t).starts_with(&me) {
                    continue;
                }
                deps.insert(t.clone());
                if rank(&module_of(t)) > rank(&me) {
                    wrong_way.push(format!("{rel} → {t}"));
                }
            }
        }
    }
    assert!(
        forbidden.is_empty(),
        "UI/browser crates in the domain: {forbidden:?}"
    );
    assert!(
        wrong_way.is_empty(),
        "imports against the stage order: {wrong_way:?}"
    );
    assert!(
        edges.values().map(BTreeSet::len).sum::<usize>() > 30,
        "the reader found too few imports to be reading them: {edges:?}"
    );

    // circles: depth-first search for a back edge
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|s| s == m).unwrap();
                    let mut c = stack[from..].to_vec();
                    c.push(m.clone());
                    return Some(c);
                }
                0 => {
                    if let Some(c) = visit(m, edges, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in edges.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(n, &edges, &mut state, &mut Vec::new()) {
                panic!("files that import each other: {}", c.join(" → "));
            }
        }
    }
}

#[test]
fn the_reader_sees_a_circle_and_a_wrong_way_import() {
    // the reader itself, on a made-up pair of files
    let a = referenced_paths(
        &["scoring".into(), "engine".into()],
        false,
        "use super::rules::score_unit;\nuse crate::domain::assessment::{draft::Draft, summary};",
    );
    assert_eq!(
        a,
        vec![
            vec!["scoring".to_string(), "rules".into(), "score_unit".into()],
            vec!["assessment".into(), "draft".into(), "Draft".into()],
            vec!["assessment".into(), "summary".into()],
        ]
    );
    assert!(rank(&a[1]) > rank(&["scoring".into()]));
}

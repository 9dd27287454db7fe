//! Helpers shared by the native test files.
#![allow(dead_code)]

use cchc_tu_danh_gia::domain::*;

pub fn repo_file(rel: &str) -> Vec<u8> {
    std::fs::read(format!("{}/{rel}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub fn load(rel: &str) -> CriteriaSet {
    load_criteria_set(&repo_file(rel)).unwrap_or_else(|p| panic!("{rel} does not load: {p:#?}"))
}

pub fn d(s: &str) -> Dec {
    Dec::parse(s).unwrap()
}

pub fn opt(id: &str) -> Answer {
    Answer {
        value: Some(AnswerValue::Option { id: id.into() }),
        not_applicable: false,
        exempt: None,
    }
}
pub fn yes(y: bool) -> Answer {
    Answer {
        value: Some(AnswerValue::YesNo { yes: y }),
        not_applicable: false,
        exempt: None,
    }
}
pub fn percent(p: &str) -> Answer {
    Answer {
        value: Some(AnswerValue::Percent { percent: d(p) }),
        not_applicable: false,
        exempt: None,
    }
}
pub fn frac(n: &str, den: &str) -> Answer {
    Answer {
        value: Some(AnswerValue::Fraction {
            numerator: d(n),
            denominator: d(den),
        }),
        not_applicable: false,
        exempt: None,
    }
}
pub fn count(c: u64) -> Answer {
    Answer {
        value: Some(AnswerValue::Count { count: c }),
        not_applicable: false,
        exempt: None,
    }
}
pub fn points(p: &str) -> Answer {
    Answer {
        value: Some(AnswerValue::Points { points: d(p) }),
        not_applicable: false,
        exempt: None,
    }
}
pub fn na() -> Answer {
    Answer {
        value: None,
        not_applicable: true,
        exempt: None,
    }
}

pub fn answers(list: &[(&str, Answer)]) -> Answers {
    list.iter()
        .map(|(c, a)| (c.to_string(), a.clone()))
        .collect()
}

/// A rule without its option ids (ids are derived from labels when a rule is
/// read from text), for comparing what a rule does.
pub fn without_ids(rule: &Rule) -> Rule {
    let mut r = rule.clone();
    match &mut r {
        Rule::Levels { options } | Rule::Bonus { options } => {
            options.iter_mut().for_each(|o| o.id.clear())
        }
        Rule::Deduction { options } => options.iter_mut().for_each(|o| o.id.clear()),
        _ => {}
    }
    r
}

/// The bundled department set and the sample data's draft on it (Sở Tư
/// pháp: every item answered, documents cited).
pub fn sample_department_draft() -> (CriteriaSet, Draft) {
    use cchc_tu_danh_gia::domain::assessment::stored::{read_stored, DRAFT_KEY_PREFIX};
    use cchc_tu_danh_gia::domain::criteria::library::set_key;
    use cchc_tu_danh_gia::domain::demo::read_demo;
    let set = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let demo = read_demo(&repo_file("public/demo/du-lieu-mau.json")).unwrap();
    let draft = demo
        .entries
        .iter()
        .filter(|(k, _)| k.starts_with(DRAFT_KEY_PREFIX))
        .map(|(k, t)| read_stored(t, &k[DRAFT_KEY_PREFIX.len()..]).unwrap().draft)
        .find(|d| d.set_key == set_key(&set))
        .expect("a sample department draft");
    (set, draft)
}

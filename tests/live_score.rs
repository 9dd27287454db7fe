//! The open draft's live score: after any sequence of edits it equals
//! scoring the draft anew, and it names every item whose card must change.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeMap;
use std::sync::Arc;

use cchc_tu_danh_gia::domain::assessment::live::{Changes, LiveScore};
use cchc_tu_danh_gia::domain::assessment::review_file::{Appraisal, ReviewFile, ReviewStatus};
use cchc_tu_danh_gia::domain::assessment::summary::outstanding;
use cchc_tu_danh_gia::domain::*;
use proptest::prelude::*;
use support::*;

/// The option ids a unit's rule offers (plus ones it does not).
fn choices(unit: &ScoredUnit) -> Vec<String> {
    let mut out: Vec<String> = match unit.rule {
        Rule::Levels { options } | Rule::Bonus { options } => {
            options.iter().map(|o| o.id.clone()).collect()
        }
        Rule::Deduction { options } => options.iter().map(|o| o.id.clone()).collect(),
        _ => vec!["yes".into(), "no".into()],
    };
    out.push("khong_co".into());
    out
}

fn review(items: &[&str]) -> ReviewFile {
    ReviewFile {
        format: "cchc-review".into(),
        format_version: 1,
        draft_id: String::new(),
        agency_name: String::new(),
        round: 1,
        submission_digest: String::new(),
        exported_at: String::new(),
        status: ReviewStatus::default(),
        items: items
            .iter()
            .map(|c| {
                let a = Appraisal {
                    comment: "Bổ sung tài liệu".into(),
                    ..Appraisal::default()
                };
                (c.to_string(), a)
            })
            .collect(),
        appraised_total: Dec::ZERO,
        appraised_index: None,
        appraised_class: None,
    }
}

#[derive(Clone, Debug)]
enum Edit {
    Value(usize, String),
    Choice(usize, usize),
    NotApplicable(usize, bool),
    Explanation(usize, String),
    Evidence(usize, String),
    Clear(usize),
    Exemption(usize),
    Review(usize),
    OtherText(String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), "[-0-9,.a ]{0,5}").prop_map(|(i, v)| Edit::Value(i, v)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, c)| Edit::Choice(i, c)),
        (any::<usize>(), any::<bool>()).prop_map(|(i, b)| Edit::NotApplicable(i, b)),
        (any::<usize>(), "[a-z ]{0,3}").prop_map(|(i, v)| Edit::Explanation(i, v)),
        (any::<usize>(), "[0-9/A-Z]{0,4}").prop_map(|(i, v)| Edit::Evidence(i, v)),
        any::<usize>().prop_map(Edit::Clear),
        any::<usize>().prop_map(Edit::Exemption),
        any::<usize>().prop_map(Edit::Review),
        "[a-z]{0,4}".prop_map(Edit::OtherText),
    ]
}

fn apply(set: &CriteriaSet, draft: &mut Draft, e: &Edit) {
    let units: Vec<ScoredUnit> = set.scored_units().collect();
    let unit = |i: usize| &units[i % units.len()];
    match e {
        Edit::Value(i, v) => {
            let v = v.clone();
            draft.edit(unit(*i).code, |r| {
                r.value = v.clone();
                r.numerator = v.clone();
                r.denominator = v.chars().rev().collect();
            });
        }
        Edit::Choice(i, c) => {
            let options = choices(unit(*i));
            let pick = options[c % options.len()].clone();
            draft.edit(unit(*i).code, |r| r.choice = Some(pick));
        }
        Edit::NotApplicable(i, b) => draft.edit(unit(*i).code, |r| r.not_applicable = *b),
        Edit::Explanation(i, v) => draft.edit(unit(*i).code, |r| r.explanation = v.clone()),
        Edit::Evidence(i, v) => draft.edit(unit(*i).code, |r| {
            r.evidence = vec![EvidenceRef {
                number: v.clone(),
                ..EvidenceRef::default()
            }]
        }),
        Edit::Clear(i) => {
            draft.responses.remove(unit(*i).code);
        }
        Edit::Exemption(i) => {
            if let Some(ex) = set.exemptions.get(i % set.exemptions.len().max(1)) {
                let list = &mut draft.profile.exemptions;
                match list.iter().position(|e| e == &ex.id) {
                    Some(p) => drop(list.remove(p)),
                    None => list.push(ex.id.clone()),
                }
            }
        }
        Edit::Review(i) => {
            draft.review = match i % 3 {
                0 => None,
                n => Some(review(&[unit(*i).code, unit(i + n).code])),
            }
        }
        Edit::OtherText(t) => draft.difficulties = t.clone(),
    }
}

/// The live score agrees with a fresh scoring, and `changes_since` names
/// every item whose card shows something new.
fn check(set: &Arc<CriteriaSet>, draft: &Draft, live: &LiveScore, before: &Before) {
    let report = draft.score(set);
    assert_eq!(live.report(), &report);
    let open = outstanding(set, draft, &report);
    assert_eq!(live.outstanding(), open);
    assert_eq!(live.lacking_by_field(), &open.lacking_by_field[..]);
    // each criterion's share, and where an agency picks its work up again
    let answers = draft.answers(set);
    let mut flat = 0;
    for (fi, field) in set.fields.iter().enumerate() {
        let mut unfinished = None;
        for (ki, criterion) in field.criteria.iter().enumerate() {
            let part = live.part(fi, ki).expect("every criterion has a part");
            assert_eq!(part.score, report.criteria[flat]);
            flat += 1;
            let units: Vec<_> = criterion
                .units(field)
                .filter(|u| !u.rule.is_survey())
                .collect();
            let answered = units
                .iter()
                .filter(|u| {
                    answers
                        .get(u.code)
                        .is_some_and(|a| a.value.is_some() || a.not_applicable)
                })
                .count();
            assert_eq!((part.answered, part.answerable), (answered, units.len()));
            if answered < units.len() && unfinished.is_none() {
                unfinished = Some(ki);
            }
        }
        assert_eq!(live.first_unfinished(fi), unfinished);
        // the whole field taken as one part
        let all = live.progress(fi, 0..field.criteria.len());
        let fs = &report.fields[fi];
        assert_eq!((all.answered, all.answerable), (fs.answered, fs.answerable));
        let criteria = &report.criteria[flat - field.criteria.len()..flat];
        assert_eq!(all.points, criteria.iter().map(|c| c.points).sum());
        assert_eq!(
            all.applicable_max,
            criteria.iter().map(|c| c.applicable_max).sum()
        );
        assert!(live.part(fi, field.criteria.len()).is_none());
    }
    let exempted = set.exempted(&draft.profile.exemptions);
    for unit in set.scored_units() {
        assert_eq!(live.exempt(unit.code), exempted.get(unit.code));
        assert_eq!(
            live.lacking(unit.code),
            open.lacking_evidence.iter().any(|c| c == unit.code)
        );
    }
    match live.changes_since(before.version) {
        Changes::All => {}
        Changes::Items(codes) => {
            assert_eq!(
                draft.review, before.review,
                "a new review changes every card"
            );
            for unit in set.scored_units() {
                let c = unit.code;
                let card_changed = draft.responses.get(c) != before.responses.get(c)
                    || report.items.get(c) != before.report.items.get(c)
                    || open.lacking_evidence.iter().any(|x| x == c)
                        != before.lacking.iter().any(|x| x == c);
                if card_changed {
                    assert!(codes.contains(&c), "{c} changed but was not named");
                }
            }
        }
    }
}

struct Before {
    version: u64,
    responses: BTreeMap<String, Response>,
    review: Option<ReviewFile>,
    report: ScoreReport,
    lacking: Vec<String>,
}

fn before(set: &CriteriaSet, draft: &Draft, live: &LiveScore) -> Before {
    let report = draft.score(set);
    Before {
        version: live.version(),
        responses: draft.responses.clone(),
        review: draft.review.clone(),
        lacking: outstanding(set, draft, &report).lacking_evidence,
        report,
    }
}

fn run(set: Arc<CriteriaSet>, edits: &[Edit], readers_every: usize) {
    let mut draft = Draft::default();
    let mut live = LiveScore::new(set.clone(), &draft);
    let mut seen = before(&set, &draft, &live);
    for (n, e) in edits.iter().enumerate() {
        apply(&set, &mut draft, e);
        live.follow(&set, &draft);
        // a reader that looks after every change, or only now and then
        if (n + 1) % readers_every == 0 {
            check(&set, &draft, &live, &seen);
            seen = before(&set, &draft, &live);
        }
    }
    check(&set, &draft, &live, &seen);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn the_live_score_is_the_score_on_a_commune_set(
        edits in prop::collection::vec(edit(), 1..40),
        every in 1usize..5,
    ) {
        run(Arc::new(load("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json")), &edits, every);
    }

    #[test]
    fn the_live_score_is_the_score_on_a_department_set_with_exemptions(
        edits in prop::collection::vec(edit(), 1..40),
        every in 1usize..5,
    ) {
        run(Arc::new(load("public/criteria/minh-hoa-so-ban-nganh-2026.json")), &edits, every);
    }

    #[test]
    fn the_live_score_is_the_score_on_every_rule_kind(
        edits in prop::collection::vec(edit(), 1..40),
    ) {
        run(Arc::new(load("tests/fixtures/every-rule-kind.json")), &edits, 1);
    }
}

#[test]
fn typing_in_one_item_names_that_item_only() {
    let set = Arc::new(load("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json"));
    let mut draft = Draft::default();
    let mut live = LiveScore::new(set.clone(), &draft);
    let v0 = live.version();
    let code = set.scored_units().nth(3).unwrap().code.to_string();
    draft.edit(&code, |r| r.explanation = "Đang xây dựng".into());
    assert!(live.follow(&set, &draft));
    assert_eq!(
        live.changes_since(v0),
        Changes::Items([code.as_str()].into_iter().collect())
    );
    // a change no card shows is no change
    let v1 = live.version();
    draft.difficulties = "Thiếu biên chế".into();
    assert!(!live.follow(&set, &draft));
    assert_eq!(live.version(), v1);
    assert_eq!(live.changes_since(v1), Changes::Items(Default::default()));
}

#[test]
fn a_reader_too_far_behind_is_told_everything_changed() {
    let set = Arc::new(load("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json"));
    let codes: Vec<String> = set.scored_units().map(|u| u.code.to_string()).collect();
    let mut draft = Draft::default();
    let mut live = LiveScore::new(set.clone(), &draft);
    let v0 = live.version();
    for i in 0..100 {
        draft.edit(&codes[i % codes.len()], |r| {
            r.explanation = format!("lần {i}")
        });
        live.follow(&set, &draft);
    }
    assert_eq!(live.changes_since(v0), Changes::All);
    assert!(matches!(live.changes_since(live.version() - 1), Changes::Items(c) if c.len() == 1));
    // another set: everything
    let other = Arc::new(load("public/criteria/minh-hoa-so-ban-nganh-2026.json"));
    let v = live.version();
    assert!(live.follow(&other, &draft));
    assert_eq!(live.changes_since(v), Changes::All);
    assert_eq!(live.report(), &draft.score(&other));
    // scored anew (the page does when a reader still holds the score)
    let again = live.anew(other.clone(), &draft);
    assert_eq!(again.changes_since(live.version()), Changes::All);
    assert_eq!(again.report(), live.report());
}

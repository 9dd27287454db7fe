//! Scores a draft against a criteria set with the domain engine and prints
//! the figures the summary page shows, formatted the way it shows them.
//! The end-to-end test compares the page with this output.
//!
//!     cargo run --example score_draft -- <criteria-set.json> <draft.json>

use cchc_tu_danh_gia::domain::assessment::summary::{next_class_gap, outstanding};
use cchc_tu_danh_gia::domain::{load_criteria_set, Draft};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [set_path, draft_path] = args.as_slice() else {
        eprintln!("usage: score_draft <criteria-set.json> <draft.json>");
        std::process::exit(2);
    };
    let set = load_criteria_set(&std::fs::read(set_path).expect("read set"))
        .unwrap_or_else(|p| panic!("set does not load: {p:?}"));
    let draft: Draft =
        serde_json::from_slice(&std::fs::read(draft_path).expect("read draft")).expect("draft");
    let report = draft.score(&set);
    let open = outstanding(&set, &draft, &report);
    let pct = |i: Option<cchc_tu_danh_gia::domain::Dec>| {
        i.map(|i| format!("{}%", i.shown_fixed2()))
            .unwrap_or_else(|| "—".into())
    };
    let fields: Vec<serde_json::Value> = report
        .fields
        .iter()
        .map(|f| {
            serde_json::json!({
                "code": f.code,
                "applicable_max": f.applicable_max.shown(),
                "points": f.points.shown(),
                "index": pct(f.index),
                "answered": format!("{}/{}", f.answered, f.answerable),
            })
        })
        .collect();
    let gap = next_class_gap(&set, &report);
    let out = serde_json::json!({
        "total": report.total.shown(),
        "applicable_max": report.applicable_max.shown(),
        "bonus": report.bonus.shown(),
        "index": pct(report.index),
        "class": report.class,
        "answered": format!("{}/{}", report.answered, report.answerable),
        "fields": fields,
        "unanswered": open.unanswered,
        "lacking_evidence": open.lacking_evidence,
        "input_errors": open.input_errors,
        "next_class": gap.map(|g| serde_json::json!({"label": g.label, "needed": g.needed.map(|n| n.shown())})),
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap());
}

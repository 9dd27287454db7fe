//! docs/criteria-set.schema.json is generated from the Rust types; this test
//! keeps it in sync. Regenerate with: UPDATE_SCHEMA=1 cargo test --test format_schema
#![cfg(not(target_arch = "wasm32"))]

use cchc_tu_danh_gia::domain::criteria::schema::criteria_set_schema_json;

#[test]
fn committed_schema_matches_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/criteria-set.schema.json");
    let generated = criteria_set_schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/criteria-set.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test --test format_schema"
    );
}

#[test]
fn schema_names_every_rule_kind() {
    let s = criteria_set_schema_json();
    for kind in cchc_tu_danh_gia::domain::Rule::KINDS {
        assert!(
            s.contains(&format!("\"{kind}\"")),
            "{kind} missing from the schema"
        );
    }
}

//! The JSON Schema of the criteria-set format, generated from the Rust types.
//! Native only: schema crates must never reach the wasm bundle.
//! `docs/criteria-set.schema.json` is kept equal to this by a test.

use super::set::CriteriaSet;

/// The schema as pretty JSON with a trailing newline.
pub fn criteria_set_schema_json() -> String {
    let schema = schemars::schema_for!(CriteriaSet);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}

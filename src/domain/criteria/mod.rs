//! Stage 1, the criteria set (bộ tiêu chí): its file format, reading and
//! checking a file, band coverage, rules in words, the library of sets and
//! the JSON Schema. Uses only `base`.

pub mod coverage;
pub mod exemption;
pub mod library;
pub mod loader;
pub mod rule_de;
pub mod rule_text;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod set;
pub mod validation;

//! The trainer's sample data (dữ liệu mẫu trình diễn): fictional agencies'
//! drafts and a reviewer's desk with appraised submissions. It is data,
//! shipped as `public/demo/du-lieu-mau.json` and written by
//! `examples/generate_demo.rs`.
//!
//! The file holds storage entries exactly as the app stores them, so loading
//! the demo is copying them into the demo space; the app then reads them
//! through the same readers as a user's own drafts and desk (and the tests
//! check that every one of them reads).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::appraisal::desk_storage::{REVIEW_ENTRY_PREFIX, REVIEW_SET_PREFIX};
use super::assessment::stored::DRAFT_KEY_PREFIX;
use super::base::json::{read_json, Problem};

pub const DEMO_FORMAT: &str = "cchc-demo";
/// The sample file is a few hundred KB; anything far larger is not ours.
pub const MAX_DEMO_BYTES: usize = 4 * 1024 * 1024;
/// Which draft the demo opens on.
pub const DEMO_OPEN_KEY: &str = "cchc.open-draft.v1";

/// The whole sample: storage key → stored text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DemoData {
    pub format: String,
    pub format_version: u32,
    pub entries: BTreeMap<String, String>,
}

fn allowed(key: &str) -> bool {
    key == DEMO_OPEN_KEY
        || [DRAFT_KEY_PREFIX, REVIEW_ENTRY_PREFIX, REVIEW_SET_PREFIX]
            .iter()
            .any(|p| key.len() > p.len() && key.starts_with(p))
}

/// Reads the sample file. It may only write drafts, the desk and which
/// draft is open.
pub fn read_demo(bytes: &[u8]) -> Result<DemoData, Vec<Problem>> {
    let fail = |path: &str, message: String| {
        vec![Problem {
            path: path.into(),
            code: None,
            message,
        }]
    };
    let value = read_json(bytes, MAX_DEMO_BYTES)?;
    if value.get("format").and_then(Value::as_str) != Some(DEMO_FORMAT) {
        return Err(fail(
            "format",
            tf!(
                "tệp không phải dữ liệu mẫu «{DEMO_FORMAT}»",
                "file is not sample data «{DEMO_FORMAT}»"
            ),
        ));
    }
    // read by hand: a derived reader for a map of strings would cost the
    // wasm more than these lines
    let Some(map) = value.get("entries").and_then(Value::as_object) else {
        return Err(fail(
            "entries",
            t!(
                "dữ liệu mẫu thiếu mục «entries»",
                "sample data lacks «entries»"
            )
            .into(),
        ));
    };
    let mut entries = BTreeMap::new();
    for (k, v) in map {
        let Some(text) = v.as_str().filter(|_| allowed(k)) else {
            return Err(fail(
                &format!("entries.{k}"),
                t!("dữ liệu mẫu chỉ được chứa bản tự đánh giá và hồ sơ thẩm định, dưới dạng văn bản", "sample data may hold only self-assessment drafts and appraisal records, as text")
                    .into(),
            ));
        };
        entries.insert(k.clone(), text.to_string());
    }
    let data = DemoData {
        format: DEMO_FORMAT.into(),
        format_version: 1,
        entries,
    };
    Ok(data)
}

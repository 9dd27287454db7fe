//! Writes N sealed submissions of generated agencies on a bundled set, for
//! the reviewer's desk tests and the benchmark: realistic in size, with two
//! documents cited per answered item (as agencies do). The agencies are
//! [`sample_draft`]'s, the ones the desk rehearses its import with.
//!
//!     cargo run --example generate_submissions -- <dir> <n> [criteria-set.json]

use cchc_tu_danh_gia::domain::appraisal::sample::sample_draft;
use cchc_tu_danh_gia::domain::appraisal::submission::export;
use cchc_tu_danh_gia::domain::load_criteria_set;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .expect("usage: generate_submissions <dir> <n> [set.json]");
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(50);
    let set_path = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| "public/criteria/minh-hoa-so-ban-nganh-2026.json".into());
    let set = load_criteria_set(&std::fs::read(&set_path).expect("read set")).expect("set loads");
    std::fs::create_dir_all(dir).expect("create dir");
    for i in 0..n {
        let sub = export(&sample_draft(&set, i), &set, "2026-11-22T10:00:00", 1);
        std::fs::write(
            format!(
                "{dir}/{}",
                sub.file_name().replace(".json", &format!("-{i:03}.json"))
            ),
            sub.to_json(),
        )
        .expect("write");
    }
}

//! Checks the criteria sets the app ships (`public/criteria/index.json` and
//! every file it lists) with the full loader, as a file brought in by a user
//! is checked. The app reads its bundled sets at start without repeating
//! the arithmetic checks (that code loads only when a user brings a set),
//! so a set that does not add up must be stopped here: `scripts/build.sh`
//! runs this before every build, and fails with each problem in Vietnamese.
//!
//!     cargo run --example check_sets -- public/criteria

use cchc_tu_danh_gia::domain::load_criteria_set;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "public/criteria".into());
    let index = std::fs::read(format!("{dir}/index.json")).unwrap_or_else(|e| {
        eprintln!("{dir}/index.json: {e}");
        std::process::exit(1);
    });
    let files: Vec<String> = serde_json::from_slice(&index).unwrap_or_else(|e| {
        eprintln!("{dir}/index.json không phải danh sách tên tệp JSON: {e}");
        std::process::exit(1);
    });
    let mut bad = 0;
    for f in &files {
        let problems = match std::fs::read(format!("{dir}/{f}")) {
            Err(e) => vec![e.to_string()],
            Ok(bytes) => match load_criteria_set(&bytes) {
                Ok(_) => Vec::new(),
                Err(ps) => ps.iter().map(|p| p.to_string()).collect(),
            },
        };
        if problems.is_empty() {
            println!("bộ tiêu chí có sẵn {f}: hợp lệ");
        } else {
            bad += 1;
            eprintln!("bộ tiêu chí có sẵn {f}: {} lỗi", problems.len());
            for p in problems {
                eprintln!("  - {p}");
            }
        }
    }
    if bad > 0 || files.is_empty() {
        eprintln!(
            "Không đóng gói: hãy sửa các bộ tiêu chí trên (hoặc danh sách {dir}/index.json)."
        );
        std::process::exit(1);
    }
}

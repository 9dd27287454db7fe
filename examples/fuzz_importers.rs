//! Feeds every importer generated and mutated inputs and counts panics.
//! Importers: criteria set, submission, review file, stored draft (and a
//! draft opened from a file, a sent submission included), demo data, the
//! reviewer's desk import (its fast reader and, for anything unusual, the
//! careful one; a file it takes is then checked against the
//! official set, ranked, written as CSV, a result notice and a review
//! file), the desk's backup (restored and checked), last year's files, a
//! council member's part, the secretary's assignment package, the start's
//! reader of known sets (scored after), a pasted table of survey scores
//! matched to a desk, and the studio's annex table, pasted or as .xlsx.
//! Each input goes to all of them.
//!
//!     cargo run --release --example fuzz_importers [-- <inputs> [<seed>]]
//!
//! Default 1,000,000 inputs. Prints the count per kind of input, the panics
//! (must be 0) and the slowest refusal of an oversize file. Kept outside
//! the test command for its run time (minutes); `tests/` holds the fast
//! property tests.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use cchc_tu_danh_gia::domain::appraisal::assignment::{read_package, Assignment};
use cchc_tu_danh_gia::domain::appraisal::council::{read_part, Member};
use cchc_tu_danh_gia::domain::appraisal::desk::{Desk, DeskEntry};
use cchc_tu_danh_gia::domain::appraisal::desk_storage::read_backup;
use cchc_tu_danh_gia::domain::appraisal::last_year_file::read_last_year;
use cchc_tu_danh_gia::domain::appraisal::notice::result_notice;
use cchc_tu_danh_gia::domain::appraisal::ranking::{ranking_blocks_checked, ranking_csv};
use cchc_tu_danh_gia::domain::appraisal::recovery::open_draft_file;
use cchc_tu_danh_gia::domain::appraisal::submission::{
    export, read_submission, MAX_SUBMISSION_BYTES,
};
use cchc_tu_danh_gia::domain::appraisal::survey::match_survey_table;
use cchc_tu_danh_gia::domain::assessment::review_file::read_review_file;
use cchc_tu_danh_gia::domain::assessment::stored::read_stored;
use cchc_tu_danh_gia::domain::authoring::annex::{annex_rows, import_annex, recognise_columns};
use cchc_tu_danh_gia::domain::authoring::xlsx::read_xlsx;
use cchc_tu_danh_gia::domain::base::table::read_table;
use cchc_tu_danh_gia::domain::criteria::loader::read_known_set;
use cchc_tu_danh_gia::domain::demo::read_demo;
use cchc_tu_danh_gia::domain::scoring::engine::score;
use cchc_tu_danh_gia::domain::CriteriaSet;
use cchc_tu_danh_gia::domain::{load_criteria_set, Answers, Draft, InputKind, MAX_SET_BYTES};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

/// Values that have broken parsers before: out-of-range and NaN-like
/// numbers, wrong types, hostile text.
const TOKENS: &[&str] = &[
    "NaN",
    "\"NaN\"",
    "Infinity",
    "-Infinity",
    "\"Infinity\"",
    "1e400",
    "-1e400",
    "1e-400",
    "18446744073709551616",
    "-9223372036854775809",
    "340282366920938463463374607431768211456",
    "0.1e999999999",
    "-0",
    "\"-0\"",
    "null",
    "true",
    "[]",
    "{}",
    "\"\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"<img src=x onerror=alert(1)>\"",
    "\"../../etc/passwd\"",
    "1.",
    ".5",
    "\"12,5\"",
    "\"1e3\"",
    "9999999999999999999999.5",
    "\"٣\"",
    "\"１２\"",
    "0x10",
];

fn seeds() -> Vec<(String, Vec<u8>)> {
    let read = |p: &str| std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let so = read("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let xa = read("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json");
    let set = load_criteria_set(&xa).expect("bundled set loads");
    // a submission and a review file of a filled draft
    let mut d = Draft::new("fuzz", "2026-11-20T09:00:00");
    d.profile.name = "Cơ quan thử".into();
    d.profile.year = "2026".into();
    for u in set.scored_units() {
        d.edit(u.code, |r| match InputKind::of(u.rule) {
            InputKind::YesNo => r.choice = Some("yes".into()),
            InputKind::Percent => r.value = "87,5".into(),
            InputKind::Fraction => {
                r.numerator = "7".into();
                r.denominator = "8".into();
            }
            InputKind::Count => r.value = "2".into(),
            _ => {}
        });
    }
    let sub = export(&d, &set, "2026-11-21T10:00:00", 1);
    let mut desk = Desk::default();
    desk.import("a.json", sub.to_json().as_bytes(), "2026-11-21T11:00:00")
        .expect("imports");
    let entry: &DeskEntry = desk.entries.values().next().expect("entry");
    let review =
        serde_json::to_string(&entry.review_file(&set, "2026-11-22T08:00:00")).expect("json");
    let draft = serde_json::to_string(&d).expect("json");
    let demo = read("public/demo/du-lieu-mau.json");
    let member = Member {
        name: "Trần Thị B".into(),
        agency: "Sở Tư pháp".into(),
    };
    let package = serde_json::to_string(&desk.assignment_package(
        &member,
        &Assignment {
            member: member.clone(),
            role: "Thành viên".into(),
            fields: vec!["2".into()],
        },
        "2026-11-22T08:00:00",
    ))
    .expect("json");
    let part = serde_json::to_string(&desk.export_part(&member, &[], "t")).expect("json");
    let survey = "STT\tCơ quan\tĐiểm\n1\tCơ quan thử\t8,5\n2\t\"UBND; xã\"\t1e400\n";
    let backup = serde_json::to_string(&desk.backup("2026-11-22T09:00:00")).expect("json");
    let annex = read("tests/fixtures/phu-luc-so-ban-nganh.tsv");
    let xlsx = read("tests/fixtures/phu-luc-so-ban-nganh.xlsx");
    vec![
        ("bộ tiêu chí sở".into(), so),
        ("bộ tiêu chí xã".into(), xa),
        ("tệp nộp".into(), sub.to_json().into_bytes()),
        ("kết quả thẩm định".into(), review.into_bytes()),
        ("bản nháp".into(), draft.into_bytes()),
        (
            "bản nháp v1".into(),
            br#"{"set_key":"x@1","answers":{"1.1":{"choice":"yes"}}}"#.to_vec(),
        ),
        ("gói phân công".into(), package.into_bytes()),
        ("phần thẩm định".into(), part.into_bytes()),
        ("bảng điểm ĐTXHH".into(), survey.as_bytes().to_vec()),
        ("bản sao lưu bàn thẩm định".into(), backup.into_bytes()),
        ("bảng phụ lục (dán)".into(), annex),
        ("bảng phụ lục (.xlsx)".into(), xlsx),
        // the demo file is large; a cut of it keeps the run fast
        (
            "dữ liệu mẫu".into(),
            demo[..demo.len().min(60_000)].to_vec(),
        ),
    ]
}

/// One mutation of a seed.
fn mutate(rng: &mut Rng, seed: &[u8]) -> (usize, Vec<u8>) {
    let mut b = seed.to_vec();
    if b.is_empty() {
        b.push(b'{');
    }
    let kind = rng.below(10);
    match kind {
        // flip bytes
        0 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
        }
        // cut
        1 => b.truncate(rng.below(b.len())),
        // replace a value after a colon with a hostile token
        2 => {
            let colons: Vec<usize> = b
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == b':')
                .map(|(i, _)| i)
                .collect();
            if let Some(&at) = colons.get(rng.below(colons.len())) {
                let end = b[at + 1..]
                    .iter()
                    .position(|c| matches!(c, b',' | b'}' | b']'))
                    .map_or(b.len(), |p| at + 1 + p);
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(at + 1..end, token.iter().copied());
            }
        }
        // deeply nested arrays or objects in place of a value, or whole
        3 => {
            let depth = 10 + rng.below(200_000);
            let (open, close) = if rng.below(2) == 0 {
                ("[", "]")
            } else {
                ("{\"a\":", "}")
            };
            let mut n = open.repeat(depth);
            n.push('1');
            n.push_str(&close.repeat(depth));
            if rng.below(2) == 0 {
                b = n.into_bytes();
            } else {
                let i = rng.below(b.len());
                b.splice(i..i, n.into_bytes());
            }
        }
        // invalid UTF-8
        4 => {
            let i = rng.below(b.len());
            let bad: &[u8] = [
                &b"\xff\xfe"[..],
                b"\xc3\x28",
                b"\xe2\x82",
                b"\xf0\x90\x28\xbc",
                b"\xed\xa0\x80",
            ][rng.below(5)];
            b.splice(i..i, bad.iter().copied());
        }
        // duplicate a slice (repeated keys, broken structure)
        5 => {
            let i = rng.below(b.len());
            let j = (i + rng.below(400)).min(b.len());
            let piece = b[i..j].to_vec();
            let k = rng.below(b.len());
            b.splice(k..k, piece);
        }
        // oversize: just over the largest limit, refused before parsing
        6 if rng.below(50) == 0 => {
            b = vec![b' '; MAX_SET_BYTES.max(MAX_SUBMISSION_BYTES) * 2 + 1];
        }
        // a byte-stuffed string (very long text field)
        7 => {
            let i = rng.below(b.len());
            let mut s = b"\"".to_vec();
            s.extend(std::iter::repeat_n(b'a', rng.below(100_000)));
            s.push(b'"');
            b.splice(i..i, s);
        }
        // random bytes
        8 => {
            b = (0..rng.below(300)).map(|_| rng.next() as u8).collect();
        }
        // swap two tokens of hostile text in at random points
        _ => {
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(b.len());
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(i..i, token.iter().copied());
            }
        }
    }
    (kind, b)
}

fn feed(bytes: &[u8]) {
    let _ = load_criteria_set(bytes);
    let _ = read_submission(bytes);
    let _ = read_review_file(bytes);
    let _ = read_demo(bytes);
    let text = String::from_utf8_lossy(bytes);
    let _ = read_stored(&text, "fuzz");
    let _ = open_draft_file(&text, "fuzz", "2026-12-07T08:00:00");
    let mut desk = Desk::default();
    if desk.import("f.json", bytes, "2026-11-22T08:00:00").is_ok() {
        REACHED[0].fetch_add(1, Ordering::Relaxed);
        // what the desk does with a file it took: its checks against the
        // official set (forged bands, stated figures), the ranking and its
        // CSV, the result notice, the review file
        let official = official_set();
        let checks = desk.checks(|_| Some(official));
        for block in ranking_blocks_checked(&desk, |_| Some(official), &checks) {
            let _ = ranking_csv(&block);
        }
        for e in desk.entries.values() {
            let _ = result_notice(e, official);
            let _ = e.review_file(official, "2026-11-23T08:00:00");
        }
    }
    if let Ok(restored) = read_backup(&text) {
        REACHED[1].fetch_add(1, Ordering::Relaxed);
        let official = official_set();
        let _ = restored.checks(|_| Some(official));
    }
    let _ = read_last_year(&[("f.json".into(), bytes.to_vec())], "2027");
    let _ = read_part(bytes);
    let _ = read_package(bytes);
    if let Ok(set) = read_known_set(bytes) {
        let _ = score(&set, &Answers::new());
    }
    // the text as a survey table, on a desk holding a real submission
    let seeded = SEEDED_DESK.get_or_init(seeded_desk);
    let _ = match_survey_table(seeded, &text, |_| None);
    // the studio: the text as a pasted annex table, the bytes as an .xlsx
    annex(&read_table(&text));
    if let Ok(rows) = read_xlsx(bytes) {
        REACHED[2].fetch_add(1, Ordering::Relaxed);
        annex(&rows);
    }
}

/// Inputs taken by the desk (then checked and ranked), restored as a
/// backup, and read as an .xlsx: how far the mutations get.
static REACHED: [AtomicUsize; 3] = [const { AtomicUsize::new(0) }; 3];

/// The studio's reading of an annex table into a criteria set.
fn annex(rows: &[Vec<String>]) {
    let (header, cols) = recognise_columns(rows);
    let _ = import_annex(&annex_rows(rows, header, &cols), 2026);
}

static OFFICIAL: std::sync::OnceLock<CriteriaSet> = std::sync::OnceLock::new();

/// The commune set, as the reviewer's official one.
fn official_set() -> &'static CriteriaSet {
    OFFICIAL.get_or_init(|| {
        load_criteria_set(
            &std::fs::read("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json").expect("set"),
        )
        .expect("bundled set loads")
    })
}

static SEEDED_DESK: std::sync::OnceLock<Desk> = std::sync::OnceLock::new();

fn seeded_desk() -> Desk {
    let set = load_criteria_set(
        &std::fs::read("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json").expect("set"),
    )
    .expect("bundled set loads");
    let mut d = Draft::new("fuzz", "2026-11-20T09:00:00");
    d.profile.name = "Cơ quan thử".into();
    let mut desk = Desk::default();
    desk.import(
        "a.json",
        export(&d, &set, "2026-11-21T10:00:00", 1)
            .to_json()
            .as_bytes(),
        "t",
    )
    .expect("imports");
    desk
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let total: usize = args
        .first()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = args
        .get(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_2026_u64);
    let seeds = seeds();
    // panics are counted, not printed one by one
    if std::env::var_os("FUZZ_VERBOSE").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    let done = AtomicUsize::new(0);
    let panics = AtomicUsize::new(0);
    let kinds: Vec<AtomicUsize> = (0..10).map(|_| AtomicUsize::new(0)).collect();
    let slowest_oversize = std::sync::Mutex::new(Duration::ZERO);
    let first_panic = std::sync::Mutex::new(None::<Vec<u8>>);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let started = Instant::now();
    std::thread::scope(|s| {
        for t in 0..threads {
            let (seeds, done, panics, kinds) = (&seeds, &done, &panics, &kinds);
            let (slowest_oversize, first_panic) = (&slowest_oversize, &first_panic);
            s.spawn(move || {
                let mut rng = Rng(seed ^ (0x9E37_79B9_7F4A_7C15u64.wrapping_mul(t as u64 + 1)));
                loop {
                    let n = done.fetch_add(1, Ordering::Relaxed);
                    if n >= total {
                        break;
                    }
                    let (_, base) = &seeds[rng.below(seeds.len())];
                    // most inputs are one mutation; some are mutations of mutations
                    let (kind, mut input) = mutate(&mut rng, base);
                    if rng.below(4) == 0 && input.len() < 400_000 {
                        input = mutate(&mut rng, &input).1;
                    }
                    kinds[kind].fetch_add(1, Ordering::Relaxed);
                    let t0 = Instant::now();
                    if catch_unwind(AssertUnwindSafe(|| feed(&input))).is_err() {
                        panics.fetch_add(1, Ordering::Relaxed);
                        first_panic.lock().unwrap().get_or_insert(input.clone());
                    }
                    if input.len() > MAX_SET_BYTES.max(MAX_SUBMISSION_BYTES) {
                        let mut s = slowest_oversize.lock().unwrap();
                        *s = (*s).max(t0.elapsed());
                    }
                    if n > 0 && n % 100_000 == 0 {
                        eprintln!("… {n} đầu vào, {:.0} s", started.elapsed().as_secs_f64());
                    }
                }
            });
        }
    });
    let names = [
        "lật bit",
        "cắt ngắn",
        "giá trị độc (NaN, 1e400, …)",
        "lồng sâu",
        "UTF-8 hỏng",
        "lặp đoạn",
        "quá cỡ / khác",
        "chuỗi rất dài",
        "byte ngẫu nhiên",
        "chèn token",
    ];
    println!("== Thử nghiệm mờ (fuzz) các bộ đọc: {total} đầu vào, mỗi đầu vào qua mọi bộ đọc, {threads} luồng");
    for (name, k) in names.iter().zip(&kinds) {
        println!("{name:<30} {:>9}", k.load(Ordering::Relaxed));
    }
    let reached = |i: usize| REACHED[i].load(Ordering::Relaxed);
    println!(
        "đi sâu: bàn thẩm định nhận (rồi kiểm tra, xếp hạng) {}, khôi phục bản sao lưu {}, đọc được như .xlsx {}",
        reached(0),
        reached(1),
        reached(2)
    );
    println!("thời gian: {:.1} s", started.elapsed().as_secs_f64());
    println!(
        "tệp quá cỡ bị từ chối chậm nhất sau: {:.3} ms",
        slowest_oversize.lock().unwrap().as_secs_f64() * 1000.0
    );
    let p = panics.load(Ordering::Relaxed);
    println!("panic: {p}");
    if let Some(input) = first_panic.lock().unwrap().take() {
        let path = "target/fuzz-panic-input.bin";
        let _ = std::fs::write(path, &input);
        println!("đầu vào gây panic đầu tiên: {path}");
    }
    if p > 0 {
        std::process::exit(1);
    }
}

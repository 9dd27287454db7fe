//! Writes N sealed submissions of generated agencies on a bundled set, for
//! the reviewer's desk tests and the benchmark: realistic in size, with two
//! documents cited per answered item (as agencies do).
//!
//!     cargo run --example generate_submissions -- <dir> <n> [criteria-set.json]

use cchc_tu_danh_gia::domain::appraisal::submission::export;
use cchc_tu_danh_gia::domain::{load_criteria_set, Draft, EvidenceRef, InputKind, Rule, UnitType};

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
        // ids and names per set, so communes and departments share a desk
        let mut d = Draft::new(&format!("sinh-{}-{i:03}", set.id), "2026-11-20T09:00:00");
        d.profile.name = match set.unit_type {
            UnitType::UbndXaPhuong => format!("UBND xã thử nghiệm số {i:03}"),
            _ => format!("Cơ quan thử nghiệm số {i:03}"),
        };
        d.profile.unit_type = Some(set.unit_type);
        let d_name = d.profile.name.clone();
        d.profile.year = set.year.to_string();
        d.profile.province = "Minh Họa".into();
        for (k, u) in set.scored_units().enumerate() {
            if (i * 7 + k) % 9 == 0 {
                continue;
            }
            let pick = (i * 31 + k * 17) % 97;
            d.edit(u.code, |r| match InputKind::of(u.rule) {
                InputKind::Choice => {
                    let ids: Vec<&str> = match u.rule {
                        Rule::Levels { options } | Rule::Bonus { options } => {
                            options.iter().map(|o| o.id.as_str()).collect()
                        }
                        Rule::Deduction { options } => {
                            options.iter().map(|o| o.id.as_str()).collect()
                        }
                        _ => vec![],
                    };
                    // most agencies pick the best option
                    r.choice = Some(ids[if pick < 70 { 0 } else { pick % ids.len() }].to_string());
                }
                InputKind::YesNo => r.choice = Some(if pick < 80 { "yes" } else { "no" }.into()),
                InputKind::Percent => r.value = format!("{}", 50 + pick / 2),
                InputKind::Fraction => {
                    r.numerator = format!("{}", 5 + pick % 6);
                    r.denominator = "10".into();
                }
                InputKind::Count => r.value = format!("{}", pick % 5),
                InputKind::Direct => r.value = "0".into(),
                InputKind::Survey => {}
            });
            if !matches!(InputKind::of(u.rule), InputKind::Survey) {
                let code = u.code.to_string();
                d.edit(u.code, |r| {
                    r.evidence = (1..=2)
                        .map(|j| EvidenceRef {
                            number: format!(
                                "{}/{}-UBND",
                                100 + (i * 3 + k + j) % 800,
                                if j == 1 { "KH" } else { "BC" }
                            ),
                            date: format!("2026-{:02}-{:02}", 1 + (k + j) % 11, 1 + (i + k) % 27),
                            issuer: d_name.clone(),
                            subject: format!(
                                "{} thực hiện nhiệm vụ cải cách hành chính năm 2026, mục {code}",
                                if j == 1 {
                                    "Kế hoạch"
                                } else {
                                    "Báo cáo kết quả"
                                }
                            ),
                            location: format!("Mục {}, trang {}", 1 + k % 5, 2 + j),
                            link: format!("https://vanban.minhhoa.gov.vn/{i:03}/{code}-{j}.pdf"),
                            note: String::new(),
                        })
                        .collect();
                });
            }
        }
        let sub = export(&d, &set, "2026-11-22T10:00:00", 1);
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

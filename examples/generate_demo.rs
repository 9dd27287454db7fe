//! Writes the trainer's sample data, `public/demo/du-lieu-mau.json`:
//! fictional agencies of the fictional province "Minh Họa", each answering
//! the bundled sets the way a unit of that standing would, with evidence
//! cited, some gaps and some mistakes left for the demo to find; and a
//! reviewer's desk where two submissions are appraised.
//!
//!     cargo run --example generate_demo [-- <out.json>]
//!
//! Deterministic: the same sets give the same file.

use std::collections::BTreeMap;

use cchc_tu_danh_gia::domain::appraisal::desk::{Desk, DeskEntry};
use cchc_tu_danh_gia::domain::appraisal::submission::export;
use cchc_tu_danh_gia::domain::assessment::review_file::{Appraisal, RequestKind, ReviewStatus};
use cchc_tu_danh_gia::domain::assessment::stored::draft_key;
use cchc_tu_danh_gia::domain::demo::{DemoData, DEMO_FORMAT, DEMO_OPEN_KEY};
use cchc_tu_danh_gia::domain::{
    load_criteria_set, CriteriaSet, Dec, Draft, EvidenceRef, InputKind, Rule, ScoredUnit, UnitType,
};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

struct Agency {
    id: &'static str,
    name: &'static str,
    abbr: &'static str,
    focal: (&'static str, &'static str, &'static str, &'static str),
    /// How well the unit does, 0–1.
    standing: f64,
    /// Share of items answered (a draft still in progress is below 1).
    answered: f64,
    /// Share of scoring items that cite evidence.
    cites: f64,
}

const DEPARTMENTS: [Agency; 6] = [
    Agency {
        id: "mau-so-tu-phap",
        name: "Sở Tư pháp tỉnh Minh Họa",
        abbr: "STP",
        focal: (
            "Nguyễn Thị Lan",
            "Chánh Văn phòng",
            "0203 3851 234",
            "vanphong.stp@minhhoa.gov.vn",
        ),
        standing: 0.93,
        answered: 1.0,
        cites: 0.97,
    },
    Agency {
        id: "mau-so-tai-chinh",
        name: "Sở Tài chính tỉnh Minh Họa",
        abbr: "STC",
        focal: (
            "Trần Văn Hùng",
            "Phó Chánh Văn phòng",
            "0203 3852 111",
            "cchc.stc@minhhoa.gov.vn",
        ),
        standing: 0.85,
        answered: 1.0,
        cites: 0.9,
    },
    Agency {
        id: "mau-so-y-te",
        name: "Sở Y tế tỉnh Minh Họa",
        abbr: "SYT",
        focal: (
            "Lê Minh Tuấn",
            "Chuyên viên Văn phòng",
            "0912 345 678",
            "tuanlm.syt@minhhoa.gov.vn",
        ),
        standing: 0.74,
        answered: 1.0,
        cites: 0.72,
    },
    Agency {
        id: "mau-so-xay-dung",
        name: "Sở Xây dựng tỉnh Minh Họa",
        abbr: "SXD",
        focal: (
            "Phạm Thu Hà",
            "Trưởng phòng Hành chính - Tổng hợp",
            "0203 3853 456",
            "ha.pt.sxd@minhhoa.gov.vn",
        ),
        standing: 0.66,
        answered: 1.0,
        cites: 0.8,
    },
    Agency {
        id: "mau-so-cong-thuong",
        name: "Sở Công Thương tỉnh Minh Họa",
        abbr: "SCT",
        focal: (
            "Đặng Quốc Việt",
            "Chuyên viên Văn phòng",
            "0203 3854 789",
            "vietdq.sct@minhhoa.gov.vn",
        ),
        standing: 0.88,
        answered: 1.0,
        cites: 0.93,
    },
    Agency {
        id: "mau-so-giao-duc",
        name: "Sở Giáo dục và Đào tạo tỉnh Minh Họa",
        abbr: "SGDĐT",
        focal: (
            "Hoàng Văn Nam",
            "Chuyên viên Văn phòng",
            "0988 222 333",
            "namhv.sgddt@minhhoa.gov.vn",
        ),
        standing: 0.8,
        answered: 0.7,
        cites: 0.85,
    },
];

const COMMUNES: [Agency; 2] = [
    Agency {
        id: "mau-phuong-hoa-binh",
        name: "UBND phường Hòa Bình",
        abbr: "UBND",
        focal: (
            "Đỗ Thị Mai",
            "Công chức Văn phòng - Thống kê",
            "0977 111 222",
            "ubndhoabinh@minhhoa.gov.vn",
        ),
        standing: 0.82,
        answered: 1.0,
        cites: 0.88,
    },
    Agency {
        id: "mau-xa-song-cau",
        name: "UBND xã Sông Cầu",
        abbr: "UBND",
        focal: (
            "Vũ Văn Bình",
            "Công chức Văn phòng - Thống kê",
            "0966 333 444",
            "ubndsongcau@minhhoa.gov.vn",
        ),
        standing: 0.6,
        answered: 0.45,
        cites: 0.6,
    },
];

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The document cited for an item: what the set says proves it (its
/// "tài liệu kiểm chứng cần có", up to the first note in brackets), and the
/// abbreviation its number would carry.
fn document(u: &ScoredUnit) -> (String, &'static str) {
    let subject = u
        .evidence
        .map(|e| e.split([';', '(']).next().unwrap_or(e).trim().to_string())
        .filter(|e| !e.is_empty())
        .unwrap_or_else(|| format!("Báo cáo kết quả {}", lower_first(u.title)));
    let kinds = [
        ("Quyết định", "QĐ"),
        ("Kế hoạch", "KH"),
        ("Thông báo", "TB"),
        ("Biên bản", "BB"),
        ("Tờ trình", "TTr"),
        ("Công văn", "CV"),
        ("Văn bản", "CV"),
        ("Kết luận", "KL"),
        ("Báo cáo", "BC"),
    ];
    let kind = kinds
        .iter()
        .find(|(w, _)| subject.starts_with(w))
        .map_or("BC", |(_, k)| k);
    (subject, kind)
}

fn answer(d: &mut Draft, u: &ScoredUnit, a: &Agency, rng: &mut Rng, n: &mut u32) {
    let good = rng.unit() < a.standing;
    let q = a.standing;
    d.edit(u.code, |r| match InputKind::of(u.rule) {
        InputKind::Choice => match u.rule {
            Rule::Levels { options } | Rule::Bonus { options } => {
                let i = if good { 0 } else { rng.below(options.len()) };
                r.choice = Some(options[i].id.clone());
            }
            Rule::Deduction { options } => {
                let i = if rng.unit() < 0.9 {
                    0
                } else {
                    rng.below(options.len())
                };
                r.choice = Some(options[i].id.clone());
            }
            _ => {}
        },
        InputKind::YesNo => r.choice = Some(if good { "yes" } else { "no" }.into()),
        InputKind::Percent => {
            let v = if good {
                100.0
            } else {
                (q * 100.0 - 10.0 + rng.unit() * 15.0).clamp(40.0, 99.0)
            };
            r.value = format!("{}", v.round());
        }
        InputKind::Fraction => {
            let den = 12 + rng.below(140);
            let num = if good {
                den
            } else {
                ((den as f64) * (q - 0.1 + rng.unit() * 0.1)).floor() as usize
            };
            r.numerator = num.min(den).to_string();
            r.denominator = den.to_string();
        }
        InputKind::Count => {
            if let Rule::CountBands { bands, .. } = u.rule {
                let best = bands
                    .iter()
                    .max_by(|x, y| x.points.cmp(&y.points))
                    .expect("bands");
                let band = if good {
                    best
                } else {
                    &bands[rng.below(bands.len())]
                };
                let v = band.min.or(band.max).unwrap_or_default();
                r.value = v.to_string();
            }
        }
        InputKind::Direct => {
            if let Rule::Direct { step } = u.rule {
                let steps = (u.max.to_f64() / step.to_f64()).floor();
                let k = (steps * if good { 1.0 } else { q * 0.7 }).round();
                r.value = Dec::from_f64(k * step.to_f64())
                    .expect("in range")
                    .to_string();
            }
        }
        InputKind::Survey => {}
    });
    // evidence on most items, as the unit's record-keeping allows
    if rng.unit() < a.cites {
        let (subject, kind) = document(u);
        *n += 1 + rng.below(4) as u32;
        let month = 1 + (*n as usize * 7 + u.code.len()) % 10;
        let day = 1 + rng.below(27);
        d.edit(u.code, |r| {
            r.evidence.push(EvidenceRef {
                number: format!("{}/{kind}-{}", *n, a.abbr),
                date: format!("2026-{month:02}-{day:02}"),
                issuer: a.name.to_string(),
                subject,
                location: if rng.unit() < 0.3 {
                    format!("Mục {}, trang {}", 1 + rng.below(4), 1 + rng.below(12))
                } else {
                    String::new()
                },
                link: if rng.unit() < 0.25 {
                    format!(
                        "https://vanban.minhhoa.gov.vn/{}/{}-{}",
                        a.abbr.to_lowercase(),
                        kind.to_lowercase(),
                        n
                    )
                } else {
                    String::new()
                },
                note: String::new(),
            })
        });
    } else if rng.unit() < 0.5 {
        d.edit(u.code, |r| {
            r.explanation =
                "Đơn vị đã thực hiện; văn bản đang được số hóa và sẽ bổ sung khi thẩm định.".into()
        });
    }
}

fn draft_for(a: &Agency, set: &CriteriaSet, seed: u64) -> Draft {
    let mut rng = Rng(seed);
    let mut d = Draft::new(a.id, "2026-11-02T08:30:00");
    d.modified = "2026-11-18T16:45:00".into();
    d.set_key = format!("{}@{}", set.id, set.version);
    d.profile.name = a.name.into();
    d.profile.unit_type = Some(set.unit_type);
    d.profile.province = "Minh Họa".into();
    d.profile.year = set.year.to_string();
    (
        d.profile.focal_name,
        d.profile.focal_position,
        d.profile.focal_phone,
        d.profile.focal_email,
    ) = (
        a.focal.0.into(),
        a.focal.1.into(),
        a.focal.2.into(),
        a.focal.3.into(),
    );
    let mut numbering = 10;
    let units: Vec<ScoredUnit> = set.scored_units().collect();
    let answered = ((units.len() as f64) * a.answered).round() as usize;
    for u in units.iter().take(answered) {
        answer(&mut d, u, a, &mut rng, &mut numbering);
    }
    d.difficulties = "Một số thủ tục hành chính chưa được tích hợp lên Cổng Dịch vụ công quốc gia do hệ thống chuyên ngành chưa kết nối; nhân lực làm công tác CCHC còn kiêm nhiệm.".into();
    d.proposals = "Đề nghị Sở Nội vụ tổ chức tập huấn cách chấm điểm các tiêu chí mới của năm 2026 và sớm công bố bộ tiêu chí cho năm sau.".into();
    d
}

/// An appraisal that questions a few items: a lower score where evidence is
/// missing, and requests where the reviewer wants more.
fn appraise(entry: &DeskEntry, set: &CriteriaSet, strict: bool) -> BTreeMap<String, Appraisal> {
    let mut out = BTreeMap::new();
    let self_report = cchc_tu_danh_gia::domain::score(set, &answers_of(entry, set));
    for u in set.scored_units() {
        let Some(item) = self_report.items.get(u.code) else {
            continue;
        };
        let resp = entry.submission.responses.get(u.code);
        let cited = resp.is_some_and(|r| !r.evidence.is_empty());
        if item.points > Dec::default() && !cited {
            let half = matches!(InputKind::of(u.rule), InputKind::YesNo | InputKind::Choice);
            out.insert(
                u.code.to_string(),
                Appraisal {
                    score: if strict && !half {
                        "0".into()
                    } else {
                        String::new()
                    },
                    comment:
                        "Không có tài liệu kiểm chứng kèm theo; đề nghị bổ sung văn bản chứng minh."
                            .into(),
                    request: RequestKind::BoSungTaiLieu,
                },
            );
        } else if resp.is_some_and(|r| !r.explanation.is_empty()) && out.len() < 6 {
            out.insert(
                u.code.to_string(),
                Appraisal {
                    score: String::new(),
                    comment: "Giải trình chưa nêu rõ thời điểm hoàn thành.".into(),
                    request: RequestKind::GiaiTrinh,
                },
            );
        }
    }
    out
}

fn answers_of(entry: &DeskEntry, set: &CriteriaSet) -> cchc_tu_danh_gia::domain::Answers {
    let mut d = Draft::new(&entry.submission.draft_id, "");
    d.responses = entry.submission.responses.clone();
    d.answers(set)
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "public/demo/du-lieu-mau.json".into());
    let read =
        |p: &str| load_criteria_set(&std::fs::read(p).expect("read set")).expect("set loads");
    let so = read("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let xa = read("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json");
    assert_eq!(so.unit_type, UnitType::SoBanNganh);

    let mut drafts = Vec::new();
    let mut desk = Desk::default();
    for (i, a) in DEPARTMENTS.iter().enumerate() {
        let mut d = draft_for(a, &so, 0x9E37_79B9 + i as u64 * 7919);
        if a.answered >= 1.0 {
            // exported once, for the reviewer's desk
            let sub = export(&d, &so, "2026-11-20T09:15:00", 1);
            d.last_exported = Some("2026-11-20T09:15:00".into());
            d.sent.insert(1, sub.digest.clone());
            desk.import(
                &sub.file_name(),
                sub.to_json().as_bytes(),
                "2026-11-21T08:00:00",
            )
            .expect("sample submission imports");
            let entry = desk.entries.get_mut(a.id).expect("on desk");
            // two appraised: one closed, one sent back with requests
            match i {
                0 => {
                    entry.appraisals = appraise(entry, &so, false);
                    entry.status = ReviewStatus::DaChot;
                    entry.survey_score = "5.25".into();
                }
                2 => {
                    entry.appraisals = appraise(entry, &so, true);
                    entry.status = ReviewStatus::DaGuiYeuCau;
                    entry.survey_score = "4.5".into();
                    // the agency has received the reviewer's requests
                    d.review = Some(entry.review_file(&so, "2026-11-21T15:00:00"));
                }
                1 => entry.status = ReviewStatus::DangThamDinh,
                _ => {}
            }
        }
        drafts.push(d);
    }
    for (i, a) in COMMUNES.iter().enumerate() {
        drafts.push(draft_for(a, &xa, 0x85EB_CA6B + i as u64 * 104_729));
    }
    let mut entries: BTreeMap<String, String> = drafts
        .iter()
        .map(|d| {
            (
                draft_key(&d.id),
                serde_json::to_string(d).expect("draft json"),
            )
        })
        .collect();
    entries.extend(desk.stored());
    entries.insert(DEMO_OPEN_KEY.into(), drafts[0].id.clone());
    let data = DemoData {
        format: DEMO_FORMAT.into(),
        format_version: 1,
        entries,
    };
    if let Some(dir) = std::path::Path::new(&out).parent() {
        std::fs::create_dir_all(dir).expect("create dir");
    }
    std::fs::write(&out, serde_json::to_string(&data).expect("json")).expect("write");
    eprintln!("wrote {out}");
}

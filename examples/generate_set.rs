//! Writes a large criteria set for the benchmark: the bundled sở/ban/ngành
//! set's criteria repeated (and renumbered) until it has about N items, with
//! every maximum summed again so the set is valid.
//!
//!     cargo run --example generate_set -- <n-items> <out.json>

use cchc_tu_danh_gia::domain::{load_criteria_set, Dec};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let out = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "target/bo-1000-muc.json".into());
    let src = std::fs::read("public/criteria/minh-hoa-so-ban-nganh-2026.json").expect("read set");
    let mut set = load_criteria_set(&src).expect("bundled set loads");
    let per_field = n.div_ceil(set.fields.len());
    let mut total = Dec::ZERO;
    for field in &mut set.fields {
        let original = field.criteria.clone();
        let mut criteria = Vec::new();
        let mut items = 0;
        'fill: loop {
            for c in &original {
                let mut c = c.clone();
                let k = criteria.len() + 1;
                c.code = format!("{}.{k}", field.code);
                for (j, it) in c.items.iter_mut().enumerate() {
                    it.code = format!("{}.{k}.{}", field.code, j + 1);
                }
                items += c.items.len().max(1);
                criteria.push(c);
                if items >= per_field {
                    break 'fill;
                }
            }
        }
        field.max = criteria.iter().fold(Dec::ZERO, |s, c| s + c.max);
        field.criteria = criteria;
        total = total + field.max;
    }
    set.total_max = total;
    set.id = format!("bo-thu-{n}-muc");
    set.title = format!("Bộ tiêu chí thử nghiệm {n} mục (sinh tự động cho đo hiệu năng)");
    let text = serde_json::to_string(&set).expect("json");
    let check = load_criteria_set(text.as_bytes());
    if let Err(p) = check {
        panic!("generated set does not load: {:?}", &p[..p.len().min(5)]);
    }
    std::fs::write(&out, text).expect("write");
    eprintln!("wrote {out}: {} items", set.scored_units().count());
}

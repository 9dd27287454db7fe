//! What the council publishes and hands out: each member's assignment
//! package, the survey scores taken from a pasted table (unmatched rows
//! listed, nothing guessed), the ranking by field and by criterion, and the
//! result notice of each agency.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cchc_tu_danh_gia::domain::appraisal::assignment::*;
use cchc_tu_danh_gia::domain::appraisal::council::Member;
use cchc_tu_danh_gia::domain::appraisal::desk::*;
use cchc_tu_danh_gia::domain::appraisal::notice::*;
use cchc_tu_danh_gia::domain::appraisal::ranking::*;
use cchc_tu_danh_gia::domain::appraisal::submission::*;
use cchc_tu_danh_gia::domain::appraisal::survey::*;
use cchc_tu_danh_gia::domain::assessment::review_file::*;
use cchc_tu_danh_gia::domain::criteria::library::set_key;
use cchc_tu_danh_gia::domain::*;
use support::*;

const COMMUNES: &str = "public/criteria/minh-hoa-ubnd-xa-phuong-2026.json";
const DEPARTMENTS: &str = "public/criteria/minh-hoa-so-ban-nganh-2026.json";

/// An agency that answers "yes" / the best option on every item whose
/// position is not a multiple of `skip`.
fn agency(id: &str, name: &str, set: &CriteriaSet, skip: usize) -> Submission {
    agency_in_round(id, name, set, skip, 1)
}

fn agency_in_round(id: &str, name: &str, set: &CriteriaSet, skip: usize, round: u32) -> Submission {
    let mut d = Draft::new(id, "2026-11-20T09:00:00");
    d.profile.name = name.into();
    d.profile.province = "Minh Họa".into();
    d.profile.year = "2026".into();
    for (k, u) in set.scored_units().enumerate() {
        if k % skip == 0 {
            continue;
        }
        d.edit(u.code, |r| match u.rule {
            Rule::Levels { options } => r.choice = Some(options[0].id.clone()),
            Rule::YesNo { .. } => r.choice = Some("yes".into()),
            Rule::PercentBands { .. } => r.value = "100".into(),
            _ => {}
        });
    }
    export(&d, set, "2026-11-22T10:00:00", round)
}

fn desk_of(subs: &[Submission]) -> Desk {
    let mut d = Desk::default();
    for s in subs {
        d.import("f.json", s.to_json().as_bytes(), "2026-11-23T08:00:00")
            .unwrap();
    }
    d
}

fn member(name: &str, agency: &str) -> Member {
    Member {
        name: name.into(),
        agency: agency.into(),
    }
}

#[test]
fn an_assignment_package_carries_the_submissions_without_appraisals() {
    let set = load(COMMUNES);
    let mut desk = desk_of(&[
        agency("xa-1", "UBND xã Tân Lập", &set, 3),
        agency("xa-2", "UBND phường Hòa Bình", &set, 4),
    ]);
    let code = set.scored_units().nth(1).unwrap().code.to_string();
    desk.entries.get_mut("xa-1").unwrap().appraisals.insert(
        code.clone(),
        Appraisal {
            score: "0".into(),
            comment: "thư ký".into(),
            request: RequestKind::None,
        },
    );
    desk.entries.get_mut("xa-1").unwrap().survey_score = "5".into();
    let assignment = Assignment {
        member: member("Lê B", "Sở Tư pháp"),
        role: "Thành viên".into(),
        fields: vec!["1".into(), "2".into()],
    };
    let pkg = desk.assignment_package(
        &member("Trần A", "Sở Nội vụ"),
        &assignment,
        "2026-11-24T08:00:00",
    );
    let text = serde_json::to_string(&pkg).unwrap();
    let (read, sent) = read_package(text.as_bytes()).unwrap();
    assert_eq!(read.assignment, assignment);
    assert_eq!(sent.entries.len(), 2);
    for e in sent.entries.values() {
        assert!(e.appraisals.is_empty() && e.history.is_empty() && e.survey_score.is_empty());
        assert!(
            e.seal.digest_ok && e.seal.set_digest_ok,
            "seals proven again when read"
        );
    }
    // the member's own desk: new ones added, the same file left, own work kept
    let mut mine = desk_of(&[agency("xa-1", "UBND xã Tân Lập", &set, 3)]);
    mine.entries.get_mut("xa-1").unwrap().appraisals.insert(
        code.clone(),
        Appraisal {
            score: "0".into(),
            comment: "của tôi".into(),
            request: RequestKind::None,
        },
    );
    let report = mine.take_package(sent.clone());
    assert_eq!((report.added, report.same, report.newer), (1, 1, 0));
    assert_eq!(report.changed, vec!["xa-2".to_string()]);
    assert_eq!(mine.entries["xa-1"].appraisals[&code].comment, "của tôi");
    // a later round in a package replaces the earlier, the member's work stays
    let later = agency_in_round("xa-1", "UBND xã Tân Lập", &set, 5, 2);
    let secretary = desk_of(&[later]);
    let pkg = secretary.assignment_package(&member("Trần A", "Sở Nội vụ"), &assignment, "t");
    let (_, sent2) = read_package(serde_json::to_string(&pkg).unwrap().as_bytes()).unwrap();
    let report = mine.take_package(sent2.clone());
    assert_eq!(report.newer, 1);
    assert_eq!(mine.entries["xa-1"].submission.round, 2);
    assert_eq!(mine.entries["xa-1"].previous.as_ref().unwrap().round, 1);
    assert_eq!(mine.entries["xa-1"].appraisals[&code].comment, "của tôi");
    // an older package does not undo it
    let report = mine.take_package(sent);
    assert_eq!(report.kept.len(), 1, "{report:?}");
    assert_eq!(mine.entries["xa-1"].submission.round, 2);
    // a closed record is not touched, even by a later round
    mine.entries.get_mut("xa-1").unwrap().status = ReviewStatus::DaChot;
    let round3 = desk_of(&[agency_in_round("xa-1", "UBND xã Tân Lập", &set, 6, 3)]);
    let pkg = round3.assignment_package(&member("Trần A", "Sở Nội vụ"), &assignment, "t");
    let (_, sent3) = read_package(serde_json::to_string(&pkg).unwrap().as_bytes()).unwrap();
    let report = mine.take_package(sent3);
    assert!(report.kept[0].1.contains("đã chốt điểm"), "{report:?}");
    assert_eq!(mine.entries["xa-1"].submission.round, 2);

    // bad packages say why
    assert!(read_package(b"{\"format\":\"cchc-submission\"}").is_err());
    let mut nameless = desk.assignment_package(&member("A", "B"), &Assignment::default(), "t");
    nameless.stored.clear();
    let err = read_package(serde_json::to_string(&nameless).unwrap().as_bytes()).unwrap_err();
    assert!(
        err[0].message.contains("không ghi tên thành viên"),
        "{err:?}"
    );
}

#[test]
fn coverage_names_unassigned_and_shared_fields() {
    let all: Vec<String> = ["1", "2", "3", "4"].map(String::from).to_vec();
    let members = vec![
        Assignment {
            member: member("A", "Sở Tư pháp"),
            role: "Thành viên".into(),
            fields: vec!["1".into(), "2".into()],
        },
        Assignment {
            member: member("B", "Sở Tài chính"),
            role: "Thành viên".into(),
            fields: vec!["2".into()],
        },
        // a row without a name counts for nothing
        Assignment {
            member: Member::default(),
            role: String::new(),
            fields: vec!["3".into()],
        },
    ];
    assert_eq!(
        coverage(&members, &all),
        (
            vec!["3".to_string(), "4".to_string()],
            vec!["2".to_string()]
        )
    );
}

#[test]
fn survey_scores_from_a_pasted_table_match_by_name_and_list_the_rest() {
    let communes = load(COMMUNES);
    let departments = load(DEPARTMENTS);
    let mut desk = desk_of(&[
        agency("xa-1", "UBND xã Tân Lập", &communes, 3),
        agency("xa-2", "UBND phường Hòa Bình", &communes, 4),
        agency("xa-3", "UBND xã Đông Sơn", &communes, 5),
        agency("so-1", "Sở Tư pháp", &departments, 3),
    ]);
    desk.entries.get_mut("xa-3").unwrap().status = ReviewStatus::DaChot;
    let max = communes.survey_max();
    assert!(!max.is_zero());
    let over = (max + Dec::from_int(1)).shown();
    // as Excel copies it: tab-separated, a heading, an STT column
    let table = format!(
        "STT\tCơ quan\tĐiểm ĐTXHH\n\
         1\tubnd  xa tan-lap\t8,5\n\
         2\tUBND phường Hoà Bình\t{over}\n\
         3\tUBND xã Không Có\t7\n\
         4\tUBND xã Tân Lập\t9\n\
         5\tUBND xã Đông Sơn\t6\n\
         6\tSở Tư pháp\tchưa có\n"
    );
    let official = |k: &str| {
        [&communes, &departments]
            .into_iter()
            .find(|s| set_key(s) == k)
    };
    let m = match_survey_table(&desk, &table, official);
    assert_eq!(m.heading.as_deref(), Some("STT | Cơ quan | Điểm ĐTXHH"));
    assert_eq!(m.hits.len(), 1, "{m:#?}");
    assert_eq!(
        (m.hits[0].key.as_str(), m.hits[0].score),
        ("xa-1", d("8.5"))
    );
    assert_eq!(m.hits[0].line, 2);
    let why: Vec<(usize, &str)> = m.misses.iter().map(|x| (x.line, x.why.as_str())).collect();
    assert_eq!(why.len(), 5, "{why:#?}");
    assert!(why[0].1.contains("ngoài khoảng 0 đến"), "{why:?}");
    assert!(
        why[1].1.contains("không có cơ quan «UBND xã Không Có»"),
        "{why:?}"
    );
    assert!(why[2].1.contains("đã có điểm ở dòng 2"), "{why:?}");
    assert!(why[3].1.contains("đã chốt điểm"), "{why:?}");
    assert!(why[4].1.contains("«chưa có»"), "{why:?}");
    assert_eq!(m.misses[1].row, "3 | UBND xã Không Có | 7");
    // every agency without a score from the table is named
    let missing: Vec<&str> = m.not_in_table.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(missing, vec!["so-1", "xa-2", "xa-3"]);
    // taken, and taking it again changes nothing
    assert_eq!(desk.take_survey_scores(&m.hits), vec!["xa-1".to_string()]);
    assert_eq!(desk.entries["xa-1"].survey_score, "8,5");
    assert!(desk.take_survey_scores(&m.hits).is_empty());
    // CSV with semicolons (Excel in Vietnamese) and quotes works the same
    let csv = "Cơ quan;Điểm\r\n\"UBND phường Hòa Bình\";\"7,25\"\r\n";
    let m = match_survey_table(&desk, csv, official);
    assert_eq!(m.hits.len(), 1, "{m:#?}");
    assert_eq!(m.hits[0].score, d("7.25"));
    // two agencies of one name: neither is guessed
    let mut twins = desk_of(&[
        agency("a", "UBND xã Tân Lập", &communes, 3),
        agency("b", "UBND xã Tân Lập ", &departments, 3),
    ]);
    let m = match_survey_table(&twins, "UBND xã Tân Lập\t5", official);
    assert!(
        m.hits.is_empty() && m.misses[0].why.contains("2 hồ sơ trên bàn cùng tên"),
        "{m:#?}"
    );
    assert!(twins.take_survey_scores(&m.hits).is_empty());
    // a paste far larger than any province's table is refused whole, at once
    let huge = "UBND xã Tân Lập\t5\n".repeat(600_000);
    let m = match_survey_table(&desk, &huge, official);
    assert!(
        m.hits.is_empty() && m.misses.len() == 1 && m.misses[0].why.starts_with("bảng quá lớn"),
        "{:?}",
        m.misses.first()
    );
}

#[test]
fn a_block_ranks_by_field_and_by_criterion_with_shared_ranks() {
    let set = load(COMMUNES);
    let desk = desk_of(&[
        agency("xa-1", "UBND xã A", &set, 2),
        agency("xa-2", "UBND xã B", &set, 3),
        agency("xa-3", "UBND xã C", &set, 3),
    ]);
    let blocks = ranking_blocks(&desk, |k| (k == set_key(&set)).then_some(&set));
    let block = &blocks[0];
    let n_criteria: usize = set.fields.iter().map(|f| f.criteria.len()).sum();
    assert_eq!(block.criteria.len(), n_criteria);
    for r in &block.rows {
        assert_eq!(r.criterion_points.len(), n_criteria);
        // each column holds its own criterion's points, by code
        let report = appraised_report(&set, &desk.entries[&r.key].submission, &Default::default());
        for (i, (code, _, _)) in block.criteria.iter().enumerate() {
            let c = report.criteria.iter().find(|c| &c.code == code).unwrap();
            let expected = (!c.applicable_max.is_zero()).then_some(c.points);
            assert_eq!(r.criterion_points[i], expected, "{} {code}", r.key);
        }
    }
    // overall: the block's own order and ranks
    let overall = ranked_by(block, RankBy::Overall);
    assert_eq!(
        overall
            .iter()
            .map(|(k, r, _)| (*k, r.key.as_str()))
            .collect::<Vec<_>>(),
        block
            .rows
            .iter()
            .map(|r| (r.rank, r.key.as_str()))
            .collect::<Vec<_>>()
    );
    for by in (0..block.fields.len())
        .map(RankBy::Field)
        .chain((0..n_criteria).map(RankBy::Criterion))
    {
        let list = ranked_by(block, by);
        assert_eq!(list.len(), 3);
        for w in list.windows(2) {
            let ((ra, _, va), (rb, _, vb)) = (&w[0], &w[1]);
            match (va, vb) {
                (Some(a), Some(b)) => {
                    assert!(a >= b, "{by:?} highest first");
                    assert_eq!(a == b, ra == rb, "{by:?} ties share a rank");
                }
                (Some(_), None) => assert_eq!(*rb, 0),
                (None, Some(_)) => panic!("{by:?}: not applicable ranks last"),
                (None, None) => {}
            }
        }
        // B and C answered alike: same value, same rank
        let b = list.iter().find(|x| x.1.key == "xa-2").unwrap();
        let c = list.iter().find(|x| x.1.key == "xa-3").unwrap();
        assert_eq!((b.0, b.2), (c.0, c.2));
        assert!(!by.label(block).is_empty());
        let csv = ranking_by_csv(block, by);
        assert!(csv.starts_with('\u{feff}'));
        assert_eq!(csv.lines().count(), 4, "{csv}");
    }
    // a criterion's points are the sum of its items after appraisal
    let first = &set.fields[0].criteria[0];
    let r = &appraised_report(&set, &desk.entries["xa-1"].submission, &Default::default());
    let points = r
        .criteria
        .iter()
        .find(|c| c.code == first.code)
        .unwrap()
        .points;
    assert_eq!(
        block
            .rows
            .iter()
            .find(|r| r.key == "xa-1")
            .unwrap()
            .criterion_points[0],
        Some(points)
    );
    let csv = ranking_by_csv(block, RankBy::Criterion(0));
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .contains(&format!("Điểm tiêu chí {}", first.code)),
        "{csv}"
    );
}

#[test]
fn the_result_notice_lists_every_change_request_and_the_totals() {
    let set = load(COMMUNES);
    let mut desk = desk_of(&[agency("xa-1", "UBND xã Tân Lập", &set, 3)]);
    let e = desk.entries.get_mut("xa-1").unwrap();
    let own = e.submission.as_draft().score(&set);
    // two items scored above 0 by the agency, appraised at 0
    let scored: Vec<String> = set
        .scored_units()
        .filter(|u| own.items.get(u.code).is_some_and(|i| i.points > Dec::ZERO))
        .map(|u| u.code.to_string())
        .take(3)
        .collect();
    for (i, code) in scored.iter().take(2).enumerate() {
        e.appraisals.insert(
            code.clone(),
            Appraisal {
                score: "0".into(),
                comment: format!("Không có tài liệu số {i}"),
                request: if i == 0 {
                    RequestKind::BoSungTaiLieu
                } else {
                    RequestKind::None
                },
            },
        );
    }
    // a request without a change of score
    e.appraisals.insert(
        scored[2].clone(),
        Appraisal {
            score: String::new(),
            comment: "Giải trình thêm".into(),
            request: RequestKind::GiaiTrinh,
        },
    );
    e.survey_score = "8".into();
    let n = result_notice(&desk.entries["xa-1"], &set);
    assert_eq!(n.agency, "UBND xã Tân Lập");
    assert_eq!(
        n.changed.iter().map(|i| &i.code).collect::<Vec<_>>(),
        scored.iter().take(2).collect::<Vec<_>>()
    );
    assert!(n
        .changed
        .iter()
        .all(|i| i.appraised.is_zero() && i.self_points > Dec::ZERO));
    assert_eq!(n.changed[0].comment, "Không có tài liệu số 0");
    assert!(!n.changed[0].self_reason.is_empty());
    assert_eq!(
        n.requests
            .iter()
            .map(|i| (i.code.as_str(), i.request))
            .collect::<Vec<_>>(),
        vec![
            (scored[0].as_str(), RequestKind::BoSungTaiLieu),
            (scored[2].as_str(), RequestKind::GiaiTrinh)
        ]
    );
    let lost: Dec = n.changed.iter().map(|i| i.self_points - i.appraised).sum();
    assert_eq!(n.self_total - n.appraised_total, lost);
    let field_lost: Dec = n.fields.iter().map(|f| f.self_points - f.appraised).sum();
    assert_eq!(field_lost, lost, "the fields add up to the same loss");
    assert_eq!(n.fields.len(), set.fields.len());
    let (s, m) = n.survey.unwrap();
    assert_eq!((s, m), (Dec::from_int(8), set.survey_max()));
    // the same index and class as the ranking
    let blocks = ranking_blocks(&desk, |k| (k == set_key(&set)).then_some(&set));
    assert_eq!(n.final_index, blocks[0].rows[0].index);
    assert_eq!(n.final_class, blocks[0].rows[0].class);
}

//! The criteria-set studio's core: an annex table read into a set, edits
//! that keep it valid or say exactly what broke, and the comparison.

mod support;

use cchc_tu_danh_gia::domain::authoring::annex::{annex_rows, import_annex, recognise_columns};
use cchc_tu_danh_gia::domain::authoring::compare::{compare, Change};
use cchc_tu_danh_gia::domain::authoring::edit::*;
use cchc_tu_danh_gia::domain::authoring::studio::{copy_for_year, StudioDraft};
use cchc_tu_danh_gia::domain::base::table::read_table;
use cchc_tu_danh_gia::domain::*;
use support::*;

fn fixture_import() -> cchc_tu_danh_gia::domain::authoring::annex::AnnexImport {
    let text = String::from_utf8(repo_file("tests/fixtures/phu-luc-so-ban-nganh.tsv")).unwrap();
    let table = read_table(&text);
    let (header, cols) = recognise_columns(&table);
    assert_eq!(header, Some(1), "the header is the second row");
    assert_eq!(
        (cols.code, cols.title, cols.max, cols.scoring, cols.evidence),
        (Some(0), Some(1), Some(2), Some(3), Some(4))
    );
    import_annex(&annex_rows(&table, header, &cols), 2027)
}

#[test]
fn an_annex_with_roman_fields_and_a_bonus_part_becomes_the_set_it_came_from() {
    let original = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let import = fixture_import();
    let set = &import.set;
    // 7 fields, then the bonus part
    assert_eq!(set.fields.len(), 8);
    assert_eq!(set.fields[0].code, "I");
    assert_eq!(set.fields[0].criteria[0].code, "I.1");
    assert_eq!(set.fields[0].criteria[0].items[0].code, "I.1.a");
    assert_eq!(set.bonus_cap, Some(d("2")));
    let bonus: Vec<_> = set.fields[7].criteria[0]
        .items
        .iter()
        .map(|i| i.rule.kind())
        .collect();
    assert_eq!(bonus, ["bonus", "bonus"]);
    // the count the author sees
    assert_eq!(import.scored, original.scored_units().count() + 2);
    assert_eq!(
        import.summary(),
        format!(
            "Đọc được quy tắc của {}/{} tiêu chí thành phần; 5 cần xem lại",
            import.scored - 5,
            import.scored
        )
    );
    // exactly the five rows written in unusual wording are flagged, never guessed
    let flagged: Vec<&str> = import.review.keys().map(String::as_str).collect();
    assert_eq!(flagged, ["I.1.a", "II.1.b", "III.2.a", "V.1.a", "VII.1.a"]);
    assert!(import.review["II.1.b"].text.contains("Theo hướng dẫn"));
    assert!(import.review["III.2.a"].line > 0);
    // every other rule is the original one, and every maximum too
    let imported: Vec<_> = set.scored_units().collect();
    for (o, n) in original.scored_units().zip(&imported) {
        assert_eq!(o.max, n.max, "{}", o.code);
        assert_eq!(o.title, n.title);
        if !import.review.contains_key(n.code) {
            assert_eq!(
                without_ids(o.rule),
                without_ids(n.rule),
                "{} → {}",
                o.code,
                n.code
            );
        }
    }
    // the header is left to the author, and validation says what is missing
    let problems = validate(set);
    assert!(problems.iter().any(|p| p.path == "issuer"), "{problems:#?}");
    assert!(
        problems
            .iter()
            .all(|p| p.code.is_none() || import.review.contains_key(p.code.as_deref().unwrap())),
        "{problems:#?}"
    );
}

#[test]
fn a_studio_draft_publishes_only_once_every_rule_is_confirmed_and_the_set_is_valid() {
    let import = fixture_import();
    let mut draft = StudioDraft::new(import.set.clone(), import.review.clone(), None);
    let blockers = draft.publish().unwrap_err();
    assert!(blockers.iter().any(|p| p.message.contains("cần xem lại")));
    draft.set.issuer = "UBND tỉnh Minh Họa".into();
    draft.set.decision = Decision {
        number: "123/QĐ-UBND".into(),
        date: "2026-11-20".into(),
    };
    draft.set.id = "minh-hoa-so-2027".into();
    // the author fixes the flagged rules from the original set and confirms them
    let original = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let rules: Vec<Rule> = original.scored_units().map(|u| u.rule.clone()).collect();
    let mut k = 0;
    for f in &mut draft.set.fields[..7] {
        for c in &mut f.criteria {
            if let Some(r) = c.rule.as_mut() {
                *r = rules[k].clone();
                k += 1;
            }
            for i in &mut c.items {
                i.rule = rules[k].clone();
                k += 1;
            }
        }
    }
    draft.review.clear();
    let (text, name) = draft.publish().unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(name, "minh-hoa-so-2027-2027.1.json");
    let published = load_criteria_set(text.as_bytes()).unwrap();
    assert_eq!(published, draft.set);
    // stored and read back
    let stored = serde_json::to_string(&draft).unwrap();
    assert_eq!(StudioDraft::read(&stored).unwrap(), draft);
    assert!(StudioDraft::read("{\"format\":\"x\"}").is_err());
}

#[test]
fn html_tables_from_word_keep_cells_lines_and_merged_columns() {
    let html = r#"<html><body><style>td{}</style><table>
      <tr><td>STT</td><td>Tiêu chí</td><td>Điểm tối đa</td><td>Cách tính điểm</td></tr>
      <tr><td rowspan=2>1</td><td colspan="2">Lĩnh vực &amp; chỉ đạo</td><td></td></tr>
      <tr><td>Ban hành<br>kế hoạch</td><td>1</td><td><p>Có: 1;</p><p>Không: 0</p></td></tr>
      <tr><td>1.1.2</td><td>A &lt;b&gt; &#7871;</td><td>1</td><td>x</td></tr>
      <!-- <tr><td>hidden</td></tr> -->
    </table><script>alert(1)</script></body></html>"#;
    let t = read_table(html);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(t[1], ["1", "Lĩnh vực & chỉ đạo", "", ""]);
    assert_eq!(t[2], ["", "Ban hành\nkế hoạch", "1", "Có: 1;\nKhông: 0"]);
    assert_eq!(t[3][1], "A <b> ế");
}

#[test]
fn csv_and_tab_text_with_quoted_multiline_cells() {
    let csv =
        "\u{feff}STT;Tiêu chí;Điểm tối đa\n1;\"Kế hoạch; năm\";5\n2;\"Dòng 1\nDòng \"\"2\"\"\";3\n";
    let t = read_table(csv);
    assert_eq!(
        t,
        vec![
            vec!["STT", "Tiêu chí", "Điểm tối đa"],
            vec!["1", "Kế hoạch; năm", "5"],
            vec!["2", "Dòng 1\nDòng \"2\"", "3"],
        ]
    );
    let tsv = "a\tb\n\n\"x\ty\"\tz";
    assert_eq!(read_table(tsv), vec![vec!["a", "b"], vec!["x\ty", "z"]]);
}

#[test]
fn numeric_codes_give_the_hierarchy_and_criteria_scored_directly() {
    let tsv = "STT\tNội dung\tĐiểm tối đa\tHướng dẫn chấm\n\
        1\tChỉ đạo\t3\t\n\
        1.1\tKế hoạch\t2\t\n\
        1.1.1\tBan hành\t1\tCó: 1; Không: 0\n\
        1.1.2\tThực hiện\t1\tTừ 90% trở lên: 1; dưới 90%: 0\n\
        1.2\tBáo cáo\t1\tĐúng hạn: 1; Chậm: 0. Không áp dụng nếu không phát sinh\n\
        2\tThể chế\t1\t\n\
        2.1\tVăn bản\t1\tĐiểm = Tỷ lệ × điểm tối đa\n";
    let table = read_table(tsv);
    let (h, cols) = recognise_columns(&table);
    let import = import_annex(&annex_rows(&table, h, &cols), 2027);
    let s = &import.set;
    assert_eq!(
        s.fields.iter().map(|f| f.code.as_str()).collect::<Vec<_>>(),
        ["1", "2"]
    );
    assert_eq!(
        s.fields[0].criteria[1].rule.as_ref().map(Rule::kind),
        Some("yes_no")
    );
    assert!(s.fields[0].criteria[1].allow_na);
    assert_eq!(
        s.fields[1].criteria[0].rule.as_ref().map(Rule::kind),
        Some("ratio")
    );
    assert_eq!(import.scored, 4);
    assert!(import.review.is_empty(), "{:?}", import.review);
    assert_eq!(s.total_max, d("4"));
}

#[test]
fn edits_keep_the_set_valid_or_say_exactly_what_broke() {
    let mut set = load("public/criteria/minh-hoa-ubnd-xa-phuong-2026.json");
    assert!(validate(&set).is_empty());
    // a new item with max 1 under 1.1: the criterion, field and total no longer add up
    let node = add_item(&mut set, 0, 0).unwrap();
    let problems = validate(&set);
    let placed = problems_by_node(&problems);
    assert!(
        placed
            .keys()
            .all(|k| matches!(k, None | Some(Node { field: 0, .. }))),
        "{placed:#?}"
    );
    assert!(
        placed.contains_key(&Some(Node::criterion(0, 0))),
        "{placed:#?}"
    );
    assert_eq!(
        criterion_totals(&set.fields[0].criteria[0]).computed,
        set.fields[0].criteria[0].max + d("1")
    );
    // undoing the addition restores a valid set
    let removed = remove(&mut set, node).unwrap();
    assert!(validate(&set).is_empty());
    undo_remove(&mut set, removed.clone());
    remove(&mut set, node).unwrap();
    // removing an item and undoing it gives the same set back
    let before = set.clone();
    let r = remove(&mut set, Node::item(0, 0, 1)).unwrap();
    undo_remove(&mut set, r);
    assert_eq!(set, before);
    // moving keeps it valid; renumbering reports what moved
    move_node(&mut set, Node::item(0, 0, 0), 1).unwrap();
    assert!(validate(&set).is_empty());
    assert!(move_node(&mut set, Node::field(0), -1).is_none());
    let moved = renumber(&mut set);
    assert_eq!(moved.get("1.1.2").map(String::as_str), Some("1.1.1"));
    assert_eq!(moved.get("1.1.1").map(String::as_str), Some("1.1.2"));
    assert!(validate(&set).is_empty());
    // a duplicate code is reported on the node that carries it
    set.fields[1].criteria[0].code = set.fields[1].criteria[1].code.clone();
    let problems = validate(&set);
    assert!(
        problems
            .iter()
            .any(|p| Node::of_path(&p.path).is_some_and(|n| n.field == 1)),
        "{problems:#?}"
    );
}

#[test]
fn comparing_shows_exactly_what_changed() {
    let old = load("public/criteria/minh-hoa-so-ban-nganh-2026.json");
    let mut new = copy_for_year(&old, 2027);
    assert_eq!(new.id, "minh-hoa-so-ban-nganh-2027");
    assert_eq!(new.version, "2027.1");
    assert!(compare(&old, &new).is_empty());
    new.fields[0].criteria[0].items[0].title = "Ban hành kế hoạch CCHC năm 2027".into();
    new.fields[1].criteria[0].items[0].guidance = Some("Mới".into());
    let step = Rule::Direct { step: d("0.5") };
    assert_ne!(new.fields[2].criteria[0].items[0].rule, step);
    new.fields[2].criteria[0].items[0].rule = step;
    let changes = compare(&old, &new);
    let codes: Vec<&str> = changes.iter().map(Change::code).collect();
    assert_eq!(codes.len(), 3, "{changes:#?}");
    assert!(matches!(changes[0], Change::Title { .. }));
    assert!(matches!(changes[1], Change::Guidance { .. }));
    assert!(matches!(changes[2], Change::Rule { .. }));
    // a renumbered item is matched by its title, not reported as removed and added
    let mut moved = old.clone();
    moved.fields[0].criteria[0].items.swap(0, 1);
    renumber(&mut moved);
    let changes = compare(&old, &moved);
    assert!(
        changes.iter().all(|c| matches!(
            c,
            Change::Renumbered { .. }
                | Change::Rule { .. }
                | Change::Guidance { .. }
                | Change::Evidence { .. }
                | Change::Max { .. }
                | Change::Title { .. }
        )),
        "{changes:#?}"
    );
    assert!(changes
        .iter()
        .any(|c| matches!(c, Change::Renumbered { .. })));
}

#[test]
fn an_excel_workbook_reads_like_the_pasted_table() {
    use cchc_tu_danh_gia::domain::authoring::xlsx::read_xlsx;
    let xlsx = read_xlsx(&repo_file("tests/fixtures/phu-luc-so-ban-nganh.xlsx")).unwrap();
    let text = String::from_utf8(repo_file("tests/fixtures/phu-luc-so-ban-nganh.tsv")).unwrap();
    let tsv = read_table(&text);
    assert_eq!(xlsx.len(), tsv.len());
    let (h, cols) = recognise_columns(&xlsx);
    let from_excel = import_annex(&annex_rows(&xlsx, h, &cols), 2027);
    let (h, cols) = recognise_columns(&tsv);
    let from_paste = import_annex(&annex_rows(&tsv, h, &cols), 2027);
    assert_eq!(from_excel.set, from_paste.set);
    assert_eq!(from_excel.review.len(), 5);
    // not a workbook: a clear message, no panic
    let err = read_xlsx(b"PK\x03\x04 not really a zip").unwrap_err();
    assert!(err.contains("Không đọc được tệp Excel"), "{err}");
}

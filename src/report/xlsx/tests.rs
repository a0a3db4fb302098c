use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;

use super::*;

fn created() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2023, 12, 4)
        .unwrap()
        .and_hms_opt(8, 30, 0)
        .unwrap()
}

fn sample() -> Table {
    Table {
        title: Some("UBND các xã, thị trấn (xa)".into()),
        headers: vec!["Hạng".into(), "Đơn vị".into(), "Tổng điểm".into()],
        rows: vec![
            vec![
                Cell::Num(1.0, 0),
                Cell::text("UBND xã Phước Hải"),
                Cell::Num(18.125, 2),
            ],
            vec![
                Cell::Num(2.0, 0),
                Cell::text("=HYPERLINK(\"http://x\",\"y\")"),
                Cell::Empty,
            ],
        ],
        notes: vec!["Đã xếp 7/7 suất".into()],
    }
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).unwrap()
}

#[test]
fn numbers_are_numbers_rounded_as_shown_with_their_decimals() {
    let sheets = [Sheet {
        name: "xa".into(),
        table: sample(),
    }];
    let mut wb = open(workbook(&sheets, created(), Lang::En).unwrap());
    let range = wb.worksheet_range("xa").unwrap();
    assert_eq!(
        range.get((0, 0)),
        Some(&Data::String("UBND các xã, thị trấn (xa)".into()))
    );
    assert_eq!(range.get((1, 2)), Some(&Data::String("Tổng điểm".into())));
    assert_eq!(
        range.get((2, 2)),
        Some(&Data::Float(18.13)),
        "half away from zero"
    );
    assert_eq!(range.get((2, 0)), Some(&Data::Float(1.0)));
    assert_eq!(range.get((3, 2)), Some(&Data::Empty));
    assert_eq!(
        range.get((5, 0)),
        Some(&Data::String("Đã xếp 7/7 suất".into()))
    );
    let styles = wb.worksheet_style("xa").unwrap();
    let code = |r, c| {
        styles
            .get((r, c))
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone())
    };
    assert_eq!(code(2, 2).as_deref(), Some("0.00"));
    assert_eq!(code(2, 0).as_deref(), Some("0"));
}

#[test]
fn formula_text_stays_text() {
    let sheets = [Sheet {
        name: "xa".into(),
        table: sample(),
    }];
    let mut wb = open(workbook(&sheets, created(), Lang::En).unwrap());
    let range = wb.worksheet_range("xa").unwrap();
    assert_eq!(
        range.get((3, 1)),
        Some(&Data::String("=HYPERLINK(\"http://x\",\"y\")".into()))
    );
    let formulas = wb.worksheet_formula("xa").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula cell"
    );
}

#[test]
fn one_sheet_per_table_with_valid_unique_names() {
    let sheets: Vec<Sheet> = ["Các cơ quan, đơn vị thuộc UBND huyện", "a/b:c", "A/B:C", ""]
        .iter()
        .map(|n| Sheet {
            name: n.to_string(),
            table: sample(),
        })
        .collect();
    let wb = open(workbook(&sheets, created(), Lang::En).unwrap());
    assert_eq!(
        wb.sheet_names(),
        [
            "Các cơ quan, đơn vị thuộc UBND…",
            "a-b-c",
            "A-B-C (2)",
            "Sheet"
        ]
    );
}

#[test]
fn sheet_names_obey_excel() {
    let long = "x".repeat(40);
    let n = sheet_name(&long, &[]);
    assert_eq!(n.encode_utf16().count(), 31);
    assert!(n.ends_with('…'));
    assert_eq!(sheet_name("'quoted'", &[]), "quoted");
    assert_eq!(sheet_name("History", &[]), "History (2)");
    assert_eq!(sheet_name("[x]*?", &[]), "-x---");
    let used = vec![long.chars().take(30).collect::<String>() + "…"];
    let second = sheet_name(&long, &used);
    assert!(
        second.ends_with("… (2)") && second.encode_utf16().count() <= 31,
        "{second}"
    );
}

#[test]
fn widths_fit_vietnamese_text_however_it_is_encoded() {
    let nfc = "Phòng Nông nghiệp";
    let nfd = "Pho\u{300}ng No\u{302}ng nghie\u{323}\u{302}p";
    assert_eq!(text_width(nfc), 17.0);
    assert_eq!(text_width(nfd), text_width(nfc));
    assert_eq!(text_width("東京"), 4.0);
    let w = widths(&sample(), Lang::En);
    assert_eq!(w.len(), 3);
    assert!(w[0] >= MIN_WIDTH && w[1] > text_width("=HYPERLINK(\"http://x\",\"y\")"));
    assert!((w[2] - (text_width("Tổng điểm") * 1.1 + 2.0)).abs() < 1e-9);
}

#[test]
fn same_inputs_same_bytes() {
    let sheets = [Sheet {
        name: "xa".into(),
        table: sample(),
    }];
    assert_eq!(
        workbook(&sheets, created(), Lang::En).unwrap(),
        workbook(&sheets, created(), Lang::En).unwrap()
    );
}

#[test]
fn text_over_excels_limit_goes_on_in_the_rows_below() {
    let list: Vec<String> = (0..6000).map(|i| format!("UBND xã số {i}")).collect();
    let note = format!("Không đủ điều kiện: {}", list.join("; "));
    let name = "Đơn vị ".repeat(6000);
    let mut t = sample();
    t.rows[0][1] = Cell::text(name.clone());
    t.notes = vec![note.clone(), "Đã xếp 7/7 suất".into()];
    // A note goes on in rows no taller than Excel allows at the table's width.
    let note_piece = print::piece_chars(widths(&t, Lang::Vi).iter().sum(), 11.0);
    let sheets = [Sheet {
        name: "xa".into(),
        table: t,
    }];
    let mut wb = open(workbook(&sheets, created(), Lang::En).unwrap());
    let range = wb.worksheet_range("xa").unwrap();
    let column = |c: u32| -> Vec<String> {
        (0..range.height() as u32)
            .map(|r| match range.get_value((r, c)) {
                Some(Data::String(s)) => s.clone(),
                _ => String::new(),
            })
            .collect()
    };
    let (a, b) = (column(0), column(1));
    for s in a.iter().chain(&b) {
        assert!(s.encode_utf16().count() <= split::CELL_MAX, "{}", s.len());
    }
    // Unit 1's name goes on below it, so unit 2 moves down as many rows.
    let (n, k) = (
        split::pieces(&name, split::CELL_MAX).len(),
        split::pieces(&note, note_piece).len(),
    );
    assert!(n == 2 && k > 2, "{n} {k}");
    assert!(b[2..2 + n].concat() == name, "the name is whole");
    assert_eq!(b[2 + n], "=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(range.get_value((2, 0)), Some(&Data::Float(1.0)));
    assert_eq!(range.get_value((2 + n as u32, 0)), Some(&Data::Float(2.0)));
    // After a blank row, the note in k rows, then the next note.
    let first = 2 + n + 2;
    assert!(a[first..first + k].concat() == note, "the note is whole");
    assert!(a[first].ends_with("; "), "split after a separator");
    assert_eq!(a[first + k], "Đã xếp 7/7 suất");
}

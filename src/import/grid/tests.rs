//! The producers on small files made here: each kind of cell, positions, merges.

use rust_xlsxwriter::{Format, Workbook};

use super::*;
use crate::i18n::InEnglish as _;

/// A zip of `parts`, deflated.
pub fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for (name, data) in parts {
        w.start_file(*name, o).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const WB: &str = r#"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const RELS: &str = r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

/// An `.xlsx` of one sheet `S` whose `<sheetData>` is `data` (and whatever
/// follows it), with `strings` as its shared strings part when given.
pub fn book(data: &str, strings: Option<&str>) -> Vec<u8> {
    let sheet = format!("<worksheet><sheetData>{data}</worksheet>");
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("xl/workbook.xml", WB.as_bytes()),
        ("xl/_rels/workbook.xml.rels", RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    if let Some(s) = strings {
        parts.push(("xl/sharedStrings.xml", s.as_bytes()));
    }
    zip_of(&parts)
}

fn err(bytes: &[u8]) -> crate::problem::Problem {
    let e = read(bytes, "h.xlsx", &Options::default()).unwrap_err();
    match e.downcast::<GridError>() {
        Ok(g) => g.0,
        Err(e) => panic!("not a grid error: {e}"),
    }
}

fn xlsx(build: impl FnOnce(&mut Workbook)) -> Vec<u8> {
    let mut wb = Workbook::new();
    build(&mut wb);
    wb.save_to_buffer().unwrap()
}

fn opts() -> Options {
    Options::default()
}

#[test]
fn xlsx_cells_keep_their_types_and_places() {
    let bytes = xlsx(|wb| {
        let date = Format::new().set_num_format("dd/mm/yyyy");
        let ws = wb.add_worksheet().set_name("Tháng 10").unwrap();
        ws.write_string(0, 0, "Tên đơn vị").unwrap();
        ws.write_number(0, 1, 1608.25).unwrap();
        ws.write_boolean(1, 0, true).unwrap();
        ws.write_number_with_format(1, 1, 45658.0, &date).unwrap();
        ws.write_string(6, 1, "a & b <c>").unwrap();
        ws.write_formula(7, 2, "=1/0").unwrap();
        ws.merge_range(9, 0, 9, 3, "Tiêu đề", &Format::new())
            .unwrap();
    });
    let g = read(&bytes, "b.xlsx", &opts()).unwrap();
    assert_eq!(g.label, "b.xlsx[Tháng 10]");
    assert_eq!(g.get(1, 1), Some(&Cell::Text("Tên đơn vị".into())));
    assert_eq!(g.get(1, 2), Some(&Cell::Number(1608.25)));
    assert_eq!(g.get(2, 1), Some(&Cell::Bool(true)));
    assert_eq!(g.get(2, 2), Some(&Cell::Date(45658.0)));
    assert_eq!(g.get(7, 2), Some(&Cell::Text("a & b <c>".into())));
    assert_eq!(g.get(10, 1), Some(&Cell::Text("Tiêu đề".into())));
    assert_eq!(
        g.merges,
        vec![Merge {
            first_row: 10,
            last_row: 10,
            first_col: 1,
            last_col: 4
        }]
    );
    assert_eq!(g.pos(7, Some(2)).en(), "b.xlsx[Tháng 10]!B7");
    // A formula keeps the result the file caches (rust_xlsxwriter writes 0).
    assert_eq!(g.get(8, 3), Some(&Cell::Number(0.0)));
    assert_eq!(
        g.rows.iter().map(|r| r.number).collect::<Vec<_>>(),
        vec![1, 2, 7, 8, 10]
    );
}

#[test]
fn xlsx_sheet_choice_and_hidden_sheets() {
    let bytes = xlsx(|wb| {
        wb.add_worksheet().set_name("Ẩn").unwrap().set_hidden(true);
        let ws = wb.add_worksheet().set_name("Dữ liệu").unwrap();
        ws.write_string(0, 0, "x").unwrap();
        wb.worksheet_from_index(1).unwrap().set_active(true);
    });
    let g = read(&bytes, "b.xlsx", &opts()).unwrap();
    assert_eq!(g.label, "b.xlsx[Dữ liệu]");
    let o = Options {
        sheet: Some("ẩn".into()),
        ..opts()
    };
    assert_eq!(read(&bytes, "b.xlsx", &o).unwrap().label, "b.xlsx[Ẩn]");
    let o = Options {
        sheet: Some("Khác".into()),
        ..opts()
    };
    let e = read(&bytes, "b.xlsx", &o).unwrap_err();
    assert!(e.downcast_ref::<crate::UsageError>().is_some(), "{e}");
    assert!(e.en().contains("Ẩn, Dữ liệu"), "{e}");
}

#[test]
fn xlsx_typed_cells_written_by_hand() {
    let sst = r#"<sst uniqueCount="4000000000"><si><t>Xã</t></si><si><r><t>Phú</t></r><r><t xml:space="preserve"> Mỹ</t></r><rPh><t>ふ</t></rPh></si></sst>"#;
    let data = r#"<row r="3"><c r="A3" t="s"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="inlineStr"><is><t>a_x000D_b</t></is></c>
        <c t="str"><f>A1</f><v>Xã</v></c><c t="d"><v>2025-01-01T12:00:00</v></c><c t="b"><v>0</v></c><c><v>1E-3</v></c><c r="XFD3"/></row>
        <row><c><v>-0</v></c></row></sheetData><mergeCells><mergeCell ref="B2:A1"/></mergeCells>"#;
    let g = read(&book(data, Some(sst)), "h.xlsx", &Options::default()).unwrap();
    let row3: Vec<(u32, Cell)> = g.row(3).unwrap().cells.clone();
    assert_eq!(
        row3,
        vec![
            (1, Cell::Text("Phú Mỹ".into())),
            (2, Cell::Error("#N/A".into())),
            (3, Cell::Text("a\rb".into())),
            (4, Cell::Text("Xã".into())),
            (5, Cell::Date(45658.5)),
            (6, Cell::Bool(false)),
            (7, Cell::Number(0.001)),
        ]
    );
    assert_eq!(g.get(4, 1), Some(&Cell::Number(-0.0)));
    assert_eq!(
        g.merges[0],
        Merge {
            first_row: 1,
            last_row: 2,
            first_col: 1,
            last_col: 2
        }
    );
}

#[test]
fn xlsx_1904_dates_move_to_the_1900_system() {
    let wb = WB.replace("<workbookPr/>", r#"<workbookPr date1904="1"/>"#);
    let styles =
        r#"<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>"#;
    let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>44196</v></c></row></sheetData></worksheet>"#;
    let bytes = zip_of(&[
        ("xl/workbook.xml", wb.as_bytes()),
        ("xl/_rels/workbook.xml.rels", RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ("xl/styles.xml", styles.as_bytes()),
    ]);
    let g = read(&bytes, "h.xlsx", &Options::default()).unwrap();
    assert_eq!(g.get(1, 1), Some(&Cell::Date(45658.0)));
}

#[test]
fn xlsx_far_cells_are_cheap_and_past_the_end_is_an_error_there() {
    let g = read(
        &book(
            r#"<row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>"#,
            None,
        ),
        "h.xlsx",
        &Options::default(),
    )
    .unwrap();
    assert_eq!(
        g.cells().collect::<Vec<_>>(),
        vec![(1_048_576, 16_384, &Cell::Number(7.0))]
    );
    assert_eq!(g.pos(1_048_576, Some(16_384)).en(), "h.xlsx[S]!XFD1048576");

    let p = err(&book(
        r#"<row r="99999999999"><c><v>1</v></c></row></sheetData>"#,
        None,
    ));
    assert_eq!(
        p.en(),
        "h.xlsx[S]:99999999999: row 99999999999 is past the last row a sheet can have (1048576)"
    );
    let p = err(&book(
        r#"<row r="2"><c r="XFE2"><v>1</v></c></row></sheetData>"#,
        None,
    ));
    assert_eq!((p.line, p.column), (Some(2), Some(16_385)));
    assert!(p.message.en().contains("column XFE"), "{}", p.message.en());
    let p = err(&book(
        r#"<row r="1"><c r="A99999999999999999999999"><v>1</v></c></row></sheetData>"#,
        None,
    ));
    assert!(
        p.message.en().contains("is not a cell reference"),
        "{}",
        p.message.en()
    );
    let p = err(&book(
        r#"<row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData>"#,
        Some("<sst/>"),
    ));
    assert_eq!(
        p.message.en(),
        "shared string 5 does not exist (the workbook has 0)"
    );
    let p = err(&book(
        r#"<row r="1"><c r="A1"><v>inf</v></c></row></sheetData>"#,
        None,
    ));
    assert_eq!(
        p.en(),
        "h.xlsx[S]:1:1: a number cell holds `inf`, which is not a finite number"
    );
}

/// An `.ods` whose `content.xml` holds `tables` in its spreadsheet body.
pub fn ods(tables: &str) -> Vec<u8> {
    let content = format!(
        r#"<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x" xmlns:style="s"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
    ])
}

#[test]
fn ods_fixture_from_another_writer() {
    let bytes = include_bytes!("../../../tests/fixtures/grid/sample.ods");
    let g = read(bytes, "s.ods", &Options::default()).unwrap();
    assert_eq!(g.label, "s.ods[Tháng 10]");
    assert_eq!(g.get(1, 1), Some(&Cell::Text("BÁO CÁO THÁNG 10".into())));
    assert_eq!(g.get(4, 2), Some(&Cell::Text("Xã  Phú Mỹ".into())));
    assert_eq!(g.get(4, 3), Some(&Cell::Number(1608.0)));
    assert_eq!(g.get(4, 4), Some(&Cell::Number(0.955)));
    assert_eq!(g.get(4, 5), Some(&Cell::Date(46027.0)));
    assert_eq!(g.get(4, 6), Some(&Cell::Bool(true)));
    assert_eq!(g.get(5, 6), Some(&Cell::Bool(false)));
    assert_eq!(
        g.merges[0],
        Merge {
            first_row: 1,
            last_row: 1,
            first_col: 1,
            last_col: 6
        }
    );
    // Three rows of 16 000 blanks then two 7s.
    for r in 6..=8 {
        let cells: Vec<(u32, Cell)> = g.row(r).unwrap().cells.clone();
        assert_eq!(
            cells,
            vec![(16_001, Cell::Number(7.0)), (16_002, Cell::Number(7.0))]
        );
    }
    assert_eq!(g.rows.len(), 8 - 1);
    let o = Options {
        sheet: Some("ẩn".into()),
        ..Options::default()
    };
    assert_eq!(
        read(bytes, "s.ods", &o).unwrap().get(1, 1),
        Some(&Cell::Text("secret".into()))
    );
}

#[test]
fn ods_repeats_cost_what_they_hold() {
    let limits = Limits {
        cells: 100,
        ..Limits::default()
    };
    let o = Options {
        limits,
        ..Options::default()
    };
    // A million blank rows of 16 384 blank cells: nothing.
    let blank = r#"<table:table table:name="A"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>"#;
    assert!(read(&ods(blank), "r.ods", &o).unwrap().rows.is_empty());
    // Values repeated past the budget: refused before a copy is made.
    let many = r#"<table:table table:name="A"><table:table-row><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="10000"/></table:table-row></table:table>"#;
    let e = read(&ods(many), "r.ods", &o).unwrap_err().en();
    assert!(e.contains("more than 100 non-empty cells"), "{e}");
    let e = read(
        &ods(&many.replace("10000\"/>", "10\"/>").replace(
            "<table:table-row>",
            r#"<table:table-row table:number-rows-repeated="1000000">"#,
        )),
        "r.ods",
        &o,
    )
    .unwrap_err()
    .en();
    assert!(
        e.starts_with("r.ods[A]:2:1: more than 100 non-empty cells"),
        "{e}"
    );
    let rows = r#"<table:table table:name="A"><table:table-row table:number-rows-repeated="4000000000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#;
    let e = read(&ods(rows), "r.ods", &o).unwrap_err().en();
    assert!(e.contains("past the last row"), "{e}");
    let spaces = r#"<table:table table:name="A"><table:table-row><table:table-cell><text:p>a<text:s text:c="4000000000"/></text:p></table:table-cell></table:table-row></table:table>"#;
    let e = read(&ods(spaces), "r.ods", &o).unwrap_err().en();
    assert!(e.contains("MiB of text"), "{e}");
    let wide = r#"<table:table table:name="A"><table:table-row><table:table-cell table:number-columns-repeated="16384"/><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
    let e = read(&ods(wide), "r.ods", &o).unwrap_err().en();
    assert_eq!(
        e,
        "r.ods[A]:1:16385: column XFE is past the last column a sheet can have (XFD, column 16384)"
    );
}

#[test]
fn ods_text_notes_and_spans() {
    let t = r#"<table:table table:name="A"><table:table-row>
        <table:table-cell table:number-rows-spanned="2" office:value-type="string">
          <office:annotation><text:p>ghi chú</text:p></office:annotation>
          <text:p>Tên <text:span>đơn</text:span> vị</text:p><text:p>dòng 2</text:p></table:table-cell>
        <table:table-cell office:value-type="time" office:time-value="PT12H00M00S"/>
        <table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>
        <table:table-cell office:value-type="percentage" office:value="0.955"><text:p>95,5%</text:p></table:table-cell>
      </table:table-row><table:table-row><table:covered-table-cell/><table:table-cell office:value-type="float" office:value="x"/></table:table-row></table:table>"#;
    let e = read(&ods(t), "n.ods", &Options::default())
        .unwrap_err()
        .en();
    assert_eq!(
        e,
        "n.ods[A]:2:2: a number cell holds `x`, which is not a finite number"
    );
    let g = read(
        &ods(&t.replace(r#"office:value="x""#, r#"office:value="2""#)),
        "n.ods",
        &Options::default(),
    )
    .unwrap();
    assert_eq!(g.get(1, 1), Some(&Cell::Text("Tên đơn vị\ndòng 2".into())));
    assert_eq!(g.get(1, 2), Some(&Cell::Date(0.5)));
    assert_eq!(g.get(1, 3), Some(&Cell::Error("#DIV/0!".into())));
    assert_eq!(g.get(1, 4), Some(&Cell::Number(0.955)));
    assert_eq!(g.get(2, 2), Some(&Cell::Number(2.0)));
    assert_eq!(
        g.merges,
        vec![Merge {
            first_row: 1,
            last_row: 2,
            first_col: 1,
            last_col: 1
        }]
    );
}

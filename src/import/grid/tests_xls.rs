//! `.xls` through the guard: a fixture written by another program, and
//! workbook streams built record by record to hit each of calamine's traps.

use super::*;
use crate::i18n::InEnglish as _;

/// One BIFF record.
pub fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut v = typ.to_le_bytes().to_vec();
    v.extend((data.len() as u16).to_le_bytes());
    v.extend(data);
    v
}

/// A Number cell.
pub fn number(row: u16, col: u16, x: f64) -> Vec<u8> {
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend(x.to_le_bytes());
    rec(0x0203, &d)
}

/// An `.xls` of one sheet "S" holding the records `cells`, in the clean
/// container we write for calamine.
pub fn xls(cells: &[Vec<u8>]) -> Vec<u8> {
    let bof = |dt: u16| {
        rec(
            0x0809,
            &[&0x0600u16.to_le_bytes()[..], &dt.to_le_bytes(), &[0; 12]].concat(),
        )
    };
    let sheet_rec = |pos: u32| {
        rec(
            0x0085,
            &[&pos.to_le_bytes()[..], &[0, 0, 1, 0, b'S']].concat(),
        )
    };
    let globals_len = bof(5).len() + sheet_rec(0).len() + 4;
    let mut s = bof(5);
    s.extend(sheet_rec(globals_len as u32));
    s.extend(rec(0x000A, &[]));
    s.extend(bof(0x10));
    for c in cells {
        s.extend(c);
    }
    s.extend(rec(0x000A, &[]));
    cfb::write(&s).unwrap()
}

fn read_xls(bytes: &[u8]) -> Result<Grid> {
    read(bytes, "k.xls", &Options::default())
}

#[test]
fn xls_fixture_from_another_writer() {
    let bytes = include_bytes!("../../../tests/fixtures/grid/sample.xls");
    let g = read(bytes, "s.xls", &Options::default()).unwrap();
    assert_eq!(g.label, "s.xls[Tháng 10]");
    assert_eq!(g.get(1, 1), Some(&Cell::Text("BÁO CÁO THÁNG 10".into())));
    assert_eq!(g.get(3, 2), Some(&Cell::Text("Tên đơn vị".into())));
    assert_eq!(g.get(4, 3), Some(&Cell::Number(1608.0)));
    assert_eq!(g.get(4, 4), Some(&Cell::Number(0.955)));
    assert_eq!(g.get(4, 5), Some(&Cell::Date(46027.0)));
    assert_eq!(g.get(4, 6), Some(&Cell::Bool(true)));
    assert_eq!(g.get(5, 6), Some(&Cell::Bool(false)));
    assert_eq!(g.get(6, 1), Some(&Cell::Text("Khối xã".into())));
    assert!(g.merges.contains(&Merge {
        first_row: 1,
        last_row: 1,
        first_col: 1,
        last_col: 6
    }));
    assert!(g.merges.contains(&Merge {
        first_row: 6,
        last_row: 7,
        first_col: 1,
        last_col: 1
    }));
    let o = Options {
        sheet: Some("ẩn".into()),
        ..Options::default()
    };
    assert_eq!(
        read(bytes, "s.xls", &o).unwrap().get(1, 1),
        Some(&Cell::Text("secret".into()))
    );
}

#[test]
fn libreoffice_saves_of_the_xls_fixture_read_the_same() {
    let xls = read(
        include_bytes!("../../../tests/fixtures/grid/sample.xls"),
        "t",
        &Options::default(),
    )
    .unwrap();
    let xlsx = include_bytes!("../../../tests/fixtures/grid/libreoffice.xlsx");
    let ods = include_bytes!("../../../tests/fixtures/grid/libreoffice.ods");
    let lo_xls = include_bytes!("../../../tests/fixtures/grid/libreoffice.xls");
    // LibreOffice turned xlwt's booleans into the formula TRUE(), which ODF
    // stores as the float 1.
    let mut as_floats = xls.clone();
    for r in &mut as_floats.rows {
        for c in &mut r.cells {
            if let Cell::Bool(b) = c.1 {
                c.1 = Cell::Number(f64::from(u8::from(b)));
            }
        }
    }
    for (other, xls) in [
        (read(xlsx, "t", &Options::default()).unwrap(), &xls),
        (read(lo_xls, "t", &Options::default()).unwrap(), &xls),
        (read(ods, "t", &Options::default()).unwrap(), &as_floats),
    ] {
        // xlwt stored no result for the formula =1/0 in B6; LibreOffice did.
        assert_eq!(other.get(6, 2), Some(&Cell::Error("#DIV/0!".into())));
        let mut rest = other.clone();
        rest.rows[4].cells.retain(|c| c.0 != 2);
        assert_eq!(rest.rows, xls.rows);
        let mut merges = other.merges.clone();
        merges.sort_by_key(|m| (m.first_row, m.first_col));
        let mut want = xls.merges.clone();
        want.sort_by_key(|m| (m.first_row, m.first_col));
        assert_eq!(merges, want);
    }
}

#[test]
fn xls_built_by_hand_reads() {
    let g = read_xls(&xls(&[number(0, 0, 1.5), number(4, 2, -7.0)])).unwrap();
    assert_eq!(g.label, "k.xls[S]");
    assert_eq!(
        g.cells().collect::<Vec<_>>(),
        vec![(1, 1, &Cell::Number(1.5)), (5, 3, &Cell::Number(-7.0))]
    );
    assert_eq!(g.pos(5, Some(3)).en(), "k.xls[S]!C5");
}

#[test]
fn xls_far_cells_are_refused_before_calamine_builds_them() {
    let e = read_xls(&xls(&[number(0, 0, 1.0), number(65535, 255, 2.0)])).unwrap_err();
    let hint = e
        .downcast_ref::<GridError>()
        .unwrap()
        .0
        .hint
        .clone()
        .unwrap()
        .en();
    assert!(hint.contains("save it again as .xlsx"), "{hint}");
    let e = e.en();
    assert!(e.contains("16777216 cells (the largest to IV65536)"), "{e}");
    // Columns past XFD exist in BIFF's 16 bits: an error at the cell.
    let e = read_xls(&xls(&[number(3, 20000, 1.0)])).unwrap_err().en();
    assert!(
        e.starts_with("k.xls[S]:4:20001: column ACOG is past the last column"),
        "{e}"
    );
}

#[test]
fn xls_declared_dimensions_and_formulas_are_not_trusted() {
    // Dimensions of 4·10⁹ rows: calamine would reserve by them.
    let dims = rec(
        0x0200,
        &[
            &0u32.to_le_bytes()[..],
            &u32::MAX.to_le_bytes(),
            &[0, 0, 0xFF, 0xFF, 0, 0],
        ]
        .concat(),
    );
    // A formula whose tokens insert spaces (quadratic rendering) and a NaN result.
    let mut f = 0u16.to_le_bytes().to_vec();
    f.extend(1u16.to_le_bytes());
    f.extend(0u16.to_le_bytes());
    f.extend(3.0f64.to_le_bytes());
    f.extend([0u8; 6]);
    let tokens: Vec<u8> = std::iter::once(0x16)
        .chain((0..1000).flat_map(|_| [0x19, 0x40, 0x00, 0xFF]))
        .collect();
    f.extend((tokens.len() as u16).to_le_bytes());
    f.extend(&tokens);
    let t = std::time::Instant::now();
    let g = read_xls(&xls(&[dims, rec(0x0006, &f)])).unwrap();
    assert!(t.elapsed().as_secs() < 5);
    assert_eq!(g.get(1, 2), Some(&Cell::Number(3.0)));
    let e = read_xls(&xls(&[number(0, 0, f64::NAN)])).unwrap_err().en();
    assert_eq!(
        e,
        "k.xls[S]:1:1: a number cell holds `NaN`, which is not a finite number"
    );
}

#[test]
fn xls_damage_is_an_error_never_a_panic() {
    // A MulRk whose last column is before its first, a BoundSheet past the end,
    // a truncated record: each an error naming the file.
    let bad = rec(0x00BD, &[0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    for bytes in [
        xls(&[bad]),
        xls(&[vec![0x03, 0x02, 0xFF, 0x00]]),
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1short".to_vec(),
    ] {
        let e = read_xls(&bytes).unwrap_err().en();
        assert!(e.starts_with("k.xls: "), "{e}");
    }
    // calamine panics on a sheet record too short for its fields (it
    // indexes past them): the panic is caught, silently, and the file named.
    let bof = |dt: u16| {
        rec(
            0x0809,
            &[&0x0600u16.to_le_bytes()[..], &dt.to_le_bytes(), &[0; 12]].concat(),
        )
    };
    let globals_len = bof(5).len() + 8 + 4;
    let mut s = bof(5);
    s.extend(rec(0x0085, &(globals_len as u32).to_le_bytes()));
    s.extend(rec(0x000A, &[]));
    s.extend(bof(0x10));
    s.extend(rec(0x000A, &[]));
    let e = read_xls(&cfb::write(&s).unwrap()).unwrap_err();
    let p = &e.downcast_ref::<GridError>().unwrap().0;
    assert_eq!(
        p.message.en(),
        "the file is damaged: the Excel 97-2003 reader failed on it"
    );
    assert!(
        p.hint
            .as_ref()
            .unwrap()
            .en()
            .contains("save it again as .xlsx")
    );
}

/// An `.xlsb` record: its type and length as 7-bit varints, then `data`.
fn brec(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut v = if typ < 0x80 {
        vec![typ as u8]
    } else {
        vec![0x80 | (typ & 0x7F) as u8, (typ >> 7) as u8]
    };
    let mut len = data.len();
    loop {
        let b = (len & 0x7F) as u8;
        len >>= 7;
        v.push(if len > 0 { b | 0x80 } else { b });
        if len == 0 {
            break;
        }
    }
    v.extend(data);
    v
}

fn wide(s: &str) -> Vec<u8> {
    let units: Vec<u16> = s.encode_utf16().collect();
    let mut v = (units.len() as u32).to_le_bytes().to_vec();
    v.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    v
}

/// An `.xlsb` of one sheet "S" holding the cell records `cells`.
fn xlsb(cells: &[Vec<u8>]) -> Vec<u8> {
    let rels = r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/></Relationships>"#;
    let mut wb = brec(
        0x009C,
        &[
            &0u32.to_le_bytes()[..],
            &1u32.to_le_bytes(),
            &wide("rId1"),
            &wide("S"),
        ]
        .concat(),
    );
    wb.extend(brec(0x0090, &[]));
    wb.extend(brec(0x009D, &[]));
    let mut sheet = brec(0x0094, &[0u8; 16]);
    sheet.extend(brec(0x0091, &[]));
    for c in cells {
        sheet.extend(c);
    }
    sheet.extend(brec(0x0092, &[]));
    super::tests::zip_of(&[
        ("xl/workbook.bin", &wb),
        ("xl/_rels/workbook.bin.rels", rels.as_bytes()),
        ("xl/worksheets/sheet1.bin", &sheet),
    ])
}

fn row_header(row: u32) -> Vec<u8> {
    brec(0x0000, &[&row.to_le_bytes()[..], &[0; 13]].concat())
}

fn real(col: u32, x: f64) -> Vec<u8> {
    brec(
        0x0005,
        &[&col.to_le_bytes()[..], &[0; 4], &x.to_le_bytes()].concat(),
    )
}

#[test]
fn xlsb_cells_stream_into_the_budget() {
    let text = brec(
        0x0006,
        &[&1u32.to_le_bytes()[..], &[0; 4], &wide("Xã Á")].concat(),
    );
    let bytes = xlsb(&[
        row_header(6),
        real(0, 2.5),
        text,
        row_header(1_048_575),
        real(16_383, 1.0),
    ]);
    let g = read(&bytes, "b.xlsb", &Options::default()).unwrap();
    assert_eq!(g.label, "b.xlsb[S]");
    assert_eq!(
        g.cells().collect::<Vec<_>>(),
        vec![
            (7, 1, &Cell::Number(2.5)),
            (7, 2, &Cell::Text("Xã Á".into())),
            (1_048_576, 16_384, &Cell::Number(1.0))
        ]
    );
    let o = Options {
        limits: Limits {
            cells: 2,
            ..Limits::default()
        },
        ..Options::default()
    };
    let e = read(&bytes, "b.xlsb", &o).unwrap_err();
    assert_eq!(
        e.downcast_ref::<GridError>().unwrap().0.line,
        Some(1_048_576)
    );
    // A shared string index past the table: calamine panics, we name the file.
    let isst = brec(
        0x0007,
        &[&0u32.to_le_bytes()[..], &[0; 4], &9u32.to_le_bytes()].concat(),
    );
    let e = read(&xlsb(&[row_header(0), isst]), "b.xlsb", &Options::default()).unwrap_err();
    assert!(e.en().starts_with("b.xlsb: the file is damaged"), "{e}");
}

//! The sheet model (`import::grid`) on whole files: a table written as an
//! Excel workbook and as CSV reads to the same cells at the same places, and
//! hostile spreadsheets (`grid_hostile.rs`) give an error or a grid, in
//! little time and memory, never a panic or an abort.

#[path = "grid_hostile.rs"]
mod hostile;

use proptest::prelude::*;
use rust_xlsxwriter::Workbook;
use thidua::import::grid::{self, Cell, Grid, Options};

#[derive(Debug, Clone)]
enum Value {
    Text(String),
    Number(f64),
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[a-zA-Z0-9 àáạảãđêếềệôơưĐ,;\"'.%-]{1,12}".prop_map(Value::Text),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(Value::Number),
        (-100_000i64..100_000).prop_map(|i| Value::Number(i as f64)),
        (0u32..10_000).prop_map(|i| Value::Number(f64::from(i) / 1000.0)),
    ]
}

/// A table placed at (`top`, `left`) (0-based), some cells empty.
fn table() -> impl Strategy<Value = (u32, u16, Vec<Vec<Option<Value>>>)> {
    (1usize..7, 1usize..6).prop_flat_map(|(rows, cols)| {
        (
            0u32..4,
            0u16..4,
            prop::collection::vec(
                prop::collection::vec(prop::option::weighted(0.8, value()), cols),
                rows,
            ),
        )
    })
}

fn as_xlsx(top: u32, left: u16, rows: &[Vec<Option<Value>>]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Bảng").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (top + r as u32, left + c as u16);
            match v {
                Some(Value::Text(t)) => ws.write_string(r, c, t).map(|_| ()).unwrap(),
                Some(Value::Number(x)) => ws.write_number(r, c, *x).map(|_| ()).unwrap(),
                None => {}
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

fn as_csv(top: u32, left: u16, rows: &[Vec<Option<Value>>]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for _ in 0..top {
        w.write_record([""]).unwrap();
    }
    for row in rows {
        let mut fields = vec![String::new(); usize::from(left)];
        fields.extend(row.iter().map(|v| match v {
            Some(Value::Text(t)) => t.clone(),
            Some(Value::Number(x)) => format!("{x}"),
            None => String::new(),
        }));
        w.write_record(&fields).unwrap();
    }
    w.into_inner().unwrap()
}

/// Every cell of `g` as (row, column, value as a number if it is one).
fn cells(g: &Grid) -> Vec<(u64, u32, Cell)> {
    g.cells().map(|(r, c, v)| (r, c, v.clone())).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_table_reads_the_same_from_xlsx_and_csv((top, left, rows) in table()) {
        let o = Options { delimiter: Some(b','), ..Options::default() };
        let x = grid::read(&as_xlsx(top, left, &rows), "t.xlsx", &o).unwrap();
        let c = grid::read(&as_csv(top, left, &rows), "t.csv", &o).unwrap();
        let (xc, cc) = (cells(&x), cells(&c));
        prop_assert_eq!(xc.len(), cc.len());
        for ((xr, xcol, xv), (cr, ccol, cv)) in xc.iter().zip(&cc) {
            prop_assert_eq!((xr, xcol), (cr, ccol));
            let Cell::Text(t) = cv else { panic!("CSV cells are text") };
            match xv {
                Cell::Number(n) => prop_assert_eq!(t.parse::<f64>().ok(), Some(*n)),
                Cell::Text(s) => prop_assert_eq!(s, t),
                other => prop_assert!(false, "unexpected {:?}", other),
            }
        }
        // And each is the table as written, at its place.
        for (r, row) in rows.iter().enumerate() {
            for (k, v) in row.iter().enumerate() {
                let at = (u64::from(top) + r as u64 + 1, u32::from(left) + k as u32 + 1);
                let want = match v {
                    Some(Value::Text(t)) => Some(Cell::Text(t.clone())),
                    Some(Value::Number(n)) => Some(Cell::Number(*n)),
                    None => None,
                };
                prop_assert_eq!(x.get(at.0, at.1).cloned(), want);
            }
        }
        prop_assert_eq!(x.label, "t.xlsx[Bảng]");
    }
}

#[test]
fn positions_print_as_users_see_them() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Tháng 10").unwrap();
    ws.write_string(6, 1, "x").unwrap();
    let g = grid::read(&wb.save_to_buffer().unwrap(), "b.xlsx", &Options::default()).unwrap();
    assert_eq!(g.pos(7, Some(2)).to_string(), "b.xlsx[Tháng 10]!B7");
    let g = grid::read(b"\n\na,b\n", "b.csv", &Options::default()).unwrap();
    assert_eq!(g.rows[0].number, 3);
    assert_eq!(g.pos(3, Some(2)).to_string(), "b.csv:3:2");
}

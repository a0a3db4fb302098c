//! Excel binary workbooks (`.xlsb`) as a [`Grid`], through calamine's
//! streaming cell reader: every zip part's declared size and ratio are
//! checked first (the `zip` crate then stops at the declared size), cells
//! come one at a time into the budget (no dense range is ever built), and
//! calamine runs under `catch_unwind`. calamine reads no merged ranges from
//! `.xlsb`, so its grids have none.

use std::io::Cursor;

use anyhow::Result;
use calamine::{Data, Reader, Xlsb};

use super::xls::{damaged, guarded, to_grid};
use super::zipped::Zip;
use super::{Grid, Options, SheetInfo, choose, file_error};

pub fn read(bytes: &[u8], file: &str, opts: &Options) -> Result<Grid> {
    Zip::open(bytes, file, &opts.limits)?.check_all()?;
    let run = || -> Result<Grid> {
        let fail = |e: calamine::XlsbError| file_error(file, crate::msg!(GridNotAWorkbook, e));
        let mut book = Xlsb::new(Cursor::new(bytes)).map_err(fail)?;
        let sheets = SheetInfo::listed(book.sheets_metadata());
        let name = choose(&sheets, file, opts.sheet.as_deref())?.name.clone();
        let shift = if book.has_1904_epoch() { 1462.0 } else { 0.0 };
        let mut cells = book.worksheet_cells_reader(&name).map_err(fail)?;
        let next = || -> Result<Option<(u64, u64, Data)>> {
            let Some(c) = cells.next_cell().map_err(fail)? else {
                return Ok(None);
            };
            let (r, col) = c.get_position();
            let d = Data::from(c.get_value().clone());
            Ok(Some((u64::from(r) + 1, u64::from(col) + 1, d)))
        };
        to_grid(
            format!("{file}[{name}]"),
            next,
            std::iter::empty(),
            shift,
            &opts.limits,
        )
    };
    match guarded(run) {
        Ok(grid) => grid,
        Err(()) => Err(damaged(file, "Excel binary (.xlsb)")),
    }
}

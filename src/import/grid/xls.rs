//! Excel 97-2003 (`.xls`) as a [`Grid`], through calamine, guarded: the
//! workbook stream is taken out of its container by us (`cfb`), walked and
//! sized before calamine sees it (`biff`), handed over in a clean container,
//! and calamine runs under `catch_unwind` with its panic message silenced, so
//! a damaged file is an error naming it, never exit 101 or an abort.
//!
//! Memory is bounded as follows: calamine holds the stream (at most the
//! file's size), one record list of the cells (≤ [`Limits::cells`]), their
//! text (≤ [`Limits::text_bytes`], from the walk's upper bound) and, per
//! sheet, a dense range of values and one of formulas over the used area
//! (all sheets together ≤ [`Limits::area`] cells, ~56 bytes each).

use std::cell::Cell as Flag;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use anyhow::Result;
use calamine::{Data, Reader, Xls};

use super::budget::{Budget, hint};
use super::cell::parse_iso;
use super::{
    Cell, Grid, Kind, Limits, MAX_COL, MAX_ROW, Merge, Options, Pos, Row, SheetInfo, biff, cfb,
    choose, file_error, letters, pos_error, tidy,
};
use crate::i18n::messages::Msg;

thread_local! {
    static QUIET: Flag<bool> = const { Flag::new(false) };
}

/// Runs `f`, a panic inside it returned as `Err` without a message on
/// stderr (other threads' panics still print).
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, ()> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Flag::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let out = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    out.map_err(|_| ())
}

/// A damaged file: an error naming it and the reader that failed.
pub fn damaged(file: &str, reader: &str) -> anyhow::Error {
    let p = crate::problem::Problem::file(file, crate::msg!(GridDecoderFailed, reader))
        .with_hint(Msg::GridHintResave);
    super::GridError(p).into()
}

pub fn read(bytes: &[u8], file: &str, opts: &Options) -> Result<Grid> {
    let broken = |why: String| file_error(file, crate::msg!(GridBadContainer, why));
    let mut stream = cfb::stream(bytes, &["Workbook", "Book"]).map_err(broken)?;
    let estimate = biff::sanitize(&mut stream).ok_or_else(|| damaged(file, "Excel 97-2003"))?;
    if !biff::fits(&estimate, &opts.limits) {
        return Err(too_big(file, &estimate, &opts.limits));
    }
    let clean = cfb::write(&stream).ok_or_else(|| damaged(file, "Excel 97-2003"))?;
    let wanted = opts.sheet.clone();
    let limits = opts.limits;
    let file_name = file.to_string();
    let run = move || -> Result<Grid> {
        let mut book = Xls::new(Cursor::new(clean))
            .map_err(|e| file_error(&file_name, crate::msg!(GridXlsUnreadable, e)))?;
        let sheets = SheetInfo::listed(book.sheets_metadata());
        let name = choose(&sheets, &file_name, wanted.as_deref())?.name.clone();
        let range = book
            .worksheet_range(&name)
            .map_err(|e| file_error(&file_name, crate::msg!(GridSheetUnreadable, name, e)))?;
        let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let shift = if book.has_1904_epoch() { 1462.0 } else { 0.0 };
        let label = format!("{file_name}[{name}]");
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut cells = range.used_cells().map(|(r, c, d)| {
            (
                u64::from(top) + r as u64 + 1,
                u64::from(left) + c as u64 + 1,
                d.clone(),
            )
        });
        let merges = merges.iter().map(|m| {
            (
                (u64::from(m.start.0) + 1, u64::from(m.start.1) + 1),
                (u64::from(m.end.0) + 1, u64::from(m.end.1) + 1),
            )
        });
        to_grid(label, || Ok(cells.next()), merges, shift, &limits)
    };
    match guarded(run) {
        Ok(grid) => grid,
        Err(()) => Err(damaged(file, "Excel 97-2003")),
    }
}

fn too_big(file: &str, e: &biff::Estimate, limits: &Limits) -> anyhow::Error {
    let p = match e.widest {
        Some((_, row, col)) if e.area > limits.area => {
            // Saved as .xlsx, the same sheet is read sparsely.
            let to = format!("{}{}", letters(col + 1), u64::from(row) + 1);
            let m = crate::msg!(GridAreaTooBig, e.area, to, limits.area);
            let p = crate::problem::Problem::file(file, m);
            return super::GridError(p.with_hint(Msg::GridHintResave)).into();
        }
        _ if e.cells > limits.cells as u64 => {
            crate::problem::Problem::file(file, crate::msg!(GridTooManyCells, limits.cells))
        }
        _ => crate::problem::Problem::file(
            file,
            crate::msg!(GridTooMuchText, limits.text_bytes >> 20),
        ),
    };
    super::GridError(p.with_hint(hint())).into()
}

/// Cells (given one by one by `next`) and merges calamine found, 1-based,
/// as a grid within `limits`.
pub fn to_grid(
    label: String,
    mut next: impl FnMut() -> Result<Option<(u64, u64, Data)>>,
    merges: impl Iterator<Item = ((u64, u64), (u64, u64))>,
    date_shift: f64,
    limits: &Limits,
) -> Result<Grid> {
    let mut budget = Budget::new(limits);
    let mut rows: Vec<Row> = Vec::new();
    let pos = |row: u64, col: u64| Pos {
        label: label.clone(),
        kind: Kind::Sheet,
        row,
        col: Some(u32::try_from(col).unwrap_or(u32::MAX)),
    };
    while let Some((row, col, d)) = next()? {
        let Some(cell) = convert(&d, date_shift, &pos(row, col))? else {
            continue;
        };
        check(row, col, &pos(row, col))?;
        let text = match &cell {
            Cell::Text(s) | Cell::Error(s) => s.len() as u64,
            _ => 0,
        };
        budget.take(1, text, || pos(row, col))?;
        match rows.last_mut() {
            Some(r) if r.number == row => r.cells.push((col as u32, cell)),
            _ => rows.push(Row {
                number: row,
                cells: vec![(col as u32, cell)],
            }),
        }
    }
    tidy(&mut rows);
    let mut out = Vec::new();
    for ((r1, c1), (r2, c2)) in merges {
        check(r1.max(r2), c1.max(c2), &pos(r1, c1))?;
        budget.take(1, 0, || pos(r1, c1))?;
        out.push(Merge {
            first_row: r1.min(r2),
            last_row: r1.max(r2),
            first_col: c1.min(c2) as u32,
            last_col: c1.max(c2) as u32,
        });
    }
    Ok(Grid {
        label,
        kind: Kind::Sheet,
        rows,
        merges: out,
    })
}

fn check(row: u64, col: u64, at: &Pos) -> Result<()> {
    if row > MAX_ROW {
        return Err(pos_error(
            at,
            crate::msg!(GridRowPastEnd, row, MAX_ROW),
            None,
        ));
    }
    if col > u64::from(MAX_COL) {
        let name = u32::try_from(col).map_or(col.to_string(), letters);
        return Err(pos_error(
            at,
            crate::msg!(GridColumnPastEnd, name, MAX_COL),
            None,
        ));
    }
    Ok(())
}

/// A calamine value as a cell; `None` for an empty one.
fn convert(d: &Data, date_shift: f64, at: &Pos) -> Result<Option<Cell>> {
    let number = |x: f64| {
        if x.is_finite() {
            Ok(x)
        } else {
            Err(pos_error(at, crate::msg!(GridBadNumber, x), None))
        }
    };
    Ok(Some(match d {
        Data::Empty => return Ok(None),
        Data::String(s) if s.is_empty() => return Ok(None),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(x) => Cell::Number(number(*x)?),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(t) => Cell::Date(number(t.as_f64())? + date_shift),
        Data::DateTimeIso(s) | Data::DurationIso(s) => match parse_iso(s) {
            Some(t) => Cell::Date(super::cell::serial(t)),
            None => Cell::Text(s.clone()),
        },
        Data::Error(e) => Cell::Error(e.to_string()),
    }))
}

//! How a sheet prints: one page wide (landscape only when the table is wide)
//! with the header row on every page, and the title and notes in rows
//! merged across the table's width with wrapped text and a row height to
//! match — a long line (the list of ineligible units) used to sit in one
//! cell, and fit-to-width shrank the whole page to fit it.

use anyhow::Result;
use rust_xlsxwriter::{Format, Worksheet};

use super::split::{CELL_MAX, pieces};
use super::{col, text, text_width};

/// Width (Excel units, about one digit) that A4 portrait prints at 100 %.
const PORTRAIT_WIDTH: f64 = 95.0;
/// Excel's tallest row, in points.
const MAX_ROW_POINTS: f64 = 409.0;
/// A wrapped line: its height in points per font point, and how much wider
/// than digits the letters run.
const LINE_PER_PT: f64 = 1.36;
const TEXT_FACTOR: f64 = 1.15;

/// Frozen, filterable header repeated on every page; A4, one page wide,
/// portrait unless the columns need landscape; nothing printed outside
/// the table's columns.
pub(super) fn page_setup(
    ws: &mut Worksheet,
    header_row: u32,
    last_row: u32,
    widths: &[f64],
) -> Result<()> {
    ws.set_freeze_panes(header_row + 1, 0)?;
    if !widths.is_empty() {
        ws.autofilter(header_row, 0, last_row, col(widths.len() - 1)?)?;
    }
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_paper_size(9); // A4
    if widths.iter().sum::<f64>() > PORTRAIT_WIDTH {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// The printed area: the table's columns, down to `last_row`.
pub(super) fn print_area(ws: &mut Worksheet, last_row: u32, cols: usize) -> Result<()> {
    if cols > 0 {
        ws.set_print_area(0, 0, last_row, col(cols - 1)?)?;
    }
    Ok(())
}

/// The most characters of a note one row holds at `width` (a row is at most
/// [`MAX_ROW_POINTS`] high), and never more than a cell may.
pub(super) fn piece_chars(width: f64, font_pt: f64) -> usize {
    let lines = (MAX_ROW_POINTS / (font_pt * LINE_PER_PT)).floor() - 1.0;
    let chars = (lines * width / TEXT_FACTOR).floor() as usize;
    chars.clamp(200, CELL_MAX)
}

/// Text across the table's width from `row` down: each piece in a row merged
/// over the columns, wrapped, as tall as its lines. Returns the rows used.
pub(super) fn wrapped_rows(
    ws: &mut Worksheet,
    row: u32,
    s: &str,
    format: &Format,
    font_pt: f64,
    widths: &[f64],
) -> Result<u32> {
    let width: f64 = widths.iter().sum::<f64>().max(10.0);
    let format = format.clone().set_text_wrap().set_font_size(font_pt);
    let mut used = 0;
    for piece in pieces(s, piece_chars(width, font_pt)) {
        let r = row + used;
        if widths.len() > 1 {
            let last = col(widths.len() - 1)?;
            ws.merge_range(r, 0, r, last, "", &format)?;
        }
        text(ws, r, 0, piece, &format)?;
        let lines = (text_width(piece) * TEXT_FACTOR / width).ceil().max(1.0);
        let points = (lines * font_pt * LINE_PER_PT + 3.0).min(MAX_ROW_POINTS);
        ws.set_row_height(r, points)?;
        used += 1;
    }
    Ok(used)
}

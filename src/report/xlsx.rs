//! Excel workbooks for staff who live in Excel: the tables every format
//! shows, one sheet per group or tier, numbers as real numbers (so sums and
//! sorts work) shown at the campaign's decimals, the header frozen. No cell
//! is over Excel's limit: longer text goes on in the rows below.

mod print;
mod sheets;
mod split;

pub use sheets::{nominate_sheets, rank_sheets, score_sheets};

use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDateTime, Timelike};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet};

use super::{Cell, Table};
use crate::i18n::Lang;
use crate::i18n::messages::Msg;
use crate::scoring::round_to;
use crate::sheet::neutralise;

/// Excel's limit on a sheet name, in UTF-16 code units.
const SHEET_NAME_MAX: usize = 31;
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 60.0;

/// One worksheet: its tab name (made valid and unique on writing) and table.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub table: Table,
}

/// The whole workbook as bytes. `created` goes into the file's properties,
/// so the same inputs give the same file.
pub fn workbook(sheets: &[Sheet], created: NaiveDateTime, lang: Lang) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_creation_datetime(&excel_time(created)?));
    let mut used: Vec<String> = Vec::new();
    for sheet in sheets {
        let name = sheet_name(&sheet.name, &used);
        used.push(name.clone());
        let ws = wb.add_worksheet();
        ws.set_name(&name)
            .with_context(|| crate::msg!(ExcelSheetName, name))?;
        fill(ws, &sheet.table, lang).with_context(|| crate::msg!(ExcelWritingSheet, name))?;
    }
    if sheets.is_empty() {
        wb.add_worksheet();
    }
    wb.save_to_buffer().context(Msg::ExcelBuilding)
}

fn excel_time(t: NaiveDateTime) -> Result<ExcelDateTime> {
    let year = u16::try_from(t.year()).context("year out of range")?;
    ExcelDateTime::from_ymd(year, t.month() as u8, t.day() as u8)
        .and_then(|d| d.and_hms(t.hour() as u16, t.minute() as u8, t.second()))
        .context("generation time")
}

/// Title (row 0, when there is one), header (frozen, filterable, repeated on
/// every printed page), data, then the notes under a blank row. Text over
/// Excel's limit goes on in the rows below, in the same column; the title and
/// notes wrap across the table's width (`print`).
fn fill(ws: &mut Worksheet, t: &Table, lang: Lang) -> Result<()> {
    let widths = widths(t, lang);
    let mut row: u32 = 0;
    if let Some(title) = &t.title {
        row += print::wrapped_rows(ws, row, title, &Format::new().set_bold(), 13.0, &widths)?;
    }
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#EDF2F7")
        .set_border_bottom(FormatBorder::Thin);
    let mut header_rows = 1;
    for (c, h) in t.headers.iter().enumerate() {
        header_rows = header_rows.max(long_text(ws, row, col(c)?, h, &head)?);
    }
    let header_row = row + header_rows - 1;
    row = header_row;
    for cells in &t.rows {
        let mut used = 1;
        for (c, cell) in cells.iter().enumerate() {
            used = used.max(write_cell(ws, row + 1, col(c)?, cell, lang)?);
        }
        row += used;
    }
    print::page_setup(ws, header_row, row, &widths)?;
    row += 1;
    let italic = Format::new().set_italic();
    for note in &t.notes {
        row += print::wrapped_rows(ws, row + 1, note, &italic, 11.0, &widths)?;
    }
    print::print_area(ws, row, widths.len())?;
    for (c, w) in widths.into_iter().enumerate() {
        ws.set_column_width(col(c)?, w)?;
    }
    Ok(())
}

fn col(c: usize) -> Result<u16> {
    u16::try_from(c).context(Msg::ExcelTooManyColumns)
}

/// Numbers are stored rounded as shown, so Excel sums match the report.
/// Returns the rows used (more than one for text over Excel's limit).
fn write_cell(ws: &mut Worksheet, row: u32, c: u16, cell: &Cell, lang: Lang) -> Result<u32> {
    match cell {
        Cell::Num(x, d) if x.is_finite() => {
            ws.write_number_with_format(row, c, round_to(*x, *d), &number_format(*d, lang))?;
        }
        Cell::Num(..) | Cell::Empty => {}
        Cell::Text(s) => return long_text(ws, row, c, s, &Format::new()),
    }
    Ok(1)
}

/// Text of any length from `row` down: one cell per piece of at most
/// Excel's 32,767 characters. Returns the rows used.
fn long_text(ws: &mut Worksheet, row: u32, c: u16, s: &str, format: &Format) -> Result<u32> {
    let pieces = split::pieces(s, split::CELL_MAX);
    let used = u32::try_from(pieces.len()).context(Msg::ExcelTooManyRows)?;
    for (k, piece) in (0..).zip(pieces) {
        let r = row.checked_add(k).context(Msg::ExcelTooManyRows)?;
        text(ws, r, c, piece, format)?;
    }
    Ok(used)
}

/// A text cell. It is stored as text, never as a formula; text that Excel
/// would turn into one when the cell is edited keeps a quote prefix.
fn text(ws: &mut Worksheet, row: u32, c: u16, s: &str, format: &Format) -> Result<()> {
    let format = if neutralise(s) != s {
        format.clone().set_quote_prefix()
    } else {
        format.clone()
    };
    ws.write_string_with_format(row, c, s, &format)?;
    Ok(())
}

/// "0" for counts and ranks, "0.00" at two decimals, and so on; in
/// Vietnamese with thousands grouped ("#,##0.00"). A format code always
/// writes `,` and `.`: Excel and LibreOffice show them in the reader's
/// locale, so a Vietnamese reader sees 1.608,00 and 82,29. The cell stays a
/// number either way (sums and sorts work).
fn number_format(decimals: u32, lang: Lang) -> Format {
    let int = match lang {
        Lang::Vi => "#,##0",
        Lang::En => "0",
    };
    let pattern = match decimals {
        0 => int.to_string(),
        d => format!("{int}.{}", "0".repeat(d as usize)),
    };
    Format::new().set_num_format(pattern)
}

/// Column widths from the longest header or cell shown in each column.
fn widths(t: &Table, lang: Lang) -> Vec<f64> {
    (0..t.headers.len())
        .map(|c| {
            let head = text_width(&t.headers[c]) * 1.1;
            let cells = t
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|cell| text_width(&cell.show("", lang)))
                .fold(0.0, f64::max);
            (head.max(cells) + 2.0).clamp(MIN_WIDTH, MAX_WIDTH)
        })
        .collect()
}

/// Width in Excel's units (about one digit): a Vietnamese letter with its
/// marks is one character whether written precomposed or with combining
/// marks; wide East Asian characters count twice.
pub fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|ch| match ch as u32 {
            0x0300..=0x036F | 0x1DC0..=0x1DFF | 0x200B..=0x200F => 0.0,
            0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF => 2.0,
            0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => 2.0,
            _ => 1.0,
        })
        .sum()
}

/// A name Excel accepts for a tab: no `[]:*?/\`, no apostrophe at either end,
/// at most 31 UTF-16 units (shortened with "…"), unique among `used`
/// regardless of case.
pub fn sheet_name(wanted: &str, used: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let base = if clean.is_empty() { "Sheet" } else { clean };
    let taken = |n: &str| used.iter().any(|u| u.to_lowercase() == n.to_lowercase());
    let mut k = 1;
    loop {
        let suffix = if k == 1 {
            String::new()
        } else {
            format!(" ({k})")
        };
        let name = shorten(base, SHEET_NAME_MAX - suffix.len()) + &suffix;
        if !taken(&name) && name.to_lowercase() != "history" {
            return name;
        }
        k += 1;
    }
}

/// `s` cut to `max` UTF-16 units, ending in "…" when cut.
fn shorten(s: &str, max: usize) -> String {
    if s.encode_utf16().count() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.encode_utf16().count() + c.len_utf16() + 1 > max {
            break;
        }
        out.push(c);
    }
    let mut out = out.trim_end().trim_end_matches('\'').to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests;

//! Excel (.xlsx, .xlsm, .xlsb, .xls) and OpenDocument (.ods) workbooks, read
//! with calamine and turned into the CSV text Excel's own "Save as CSV" would
//! give, so a workbook goes through exactly the header detection, aliases and
//! checks a CSV export does, and messages point at the sheet's own rows and
//! columns.

use std::io::Cursor;

use anyhow::{Result, anyhow};
use calamine::{Data, Ods, Range, Reader, SheetType, SheetVisible, Sheets, Xls, Xlsb, Xlsx};

use super::grid::SheetInfo;
use super::number::Locale;
#[cfg(test)]
use crate::UsageError;

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether the bytes are a workbook rather than text, by their signature
/// (staff rename files, so the extension is no guide).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP) || bytes.starts_with(OLE)
}

/// One sheet as CSV text.
#[derive(Debug)]
pub struct SheetText {
    /// `file[sheet]`, the name messages use (`[` and `]` never occur in a
    /// sheet name, so the pair is unambiguous).
    pub label: String,
    pub csv: Vec<u8>,
}

/// Reads sheet `wanted` (default: the first visible worksheet) as CSV with
/// `delimiter`, numbers written the way `locale` reads them back.
pub fn sheet_csv(
    bytes: &[u8],
    file: &str,
    wanted: Option<&str>,
    locale: Locale,
    delimiter: u8,
) -> Result<SheetText> {
    let mut book = open(bytes, file)?;
    let name = choose(&book, file, wanted)?;
    let range = book
        .worksheet_range(&name)
        .map_err(|e| anyhow!(crate::msg!(CannotReadSheet, file, name, e)))?;
    Ok(SheetText {
        label: format!("{file}[{name}]"),
        csv: to_csv(&range, locale, delimiter),
    })
}

fn open<'a>(bytes: &'a [u8], file: &str) -> Result<Sheets<Cursor<&'a [u8]>>> {
    let c = Cursor::new(bytes);
    if bytes.starts_with(OLE) {
        return Xls::new(c)
            .map(Sheets::Xls)
            .map_err(|e| anyhow!(crate::msg!(CannotReadXls, file, e)));
    }
    match Xlsx::new(c.clone()) {
        Ok(x) => Ok(Sheets::Xlsx(x)),
        Err(e) => Xlsb::new(c.clone())
            .map(Sheets::Xlsb)
            .or_else(|_| Ods::new(c).map(Sheets::Ods))
            .map_err(|_| anyhow!(crate::msg!(NotAWorkbook, file, e))),
    }
}

/// The sheet to read, by the one rule of [`super::grid::choose`].
fn choose(book: &Sheets<Cursor<&[u8]>>, file: &str, wanted: Option<&str>) -> Result<String> {
    let sheets: Vec<SheetInfo> = book
        .sheets_metadata()
        .iter()
        .map(|s| SheetInfo {
            name: s.name.clone(),
            visible: s.visible == SheetVisible::Visible,
            worksheet: s.typ == SheetType::WorkSheet,
        })
        .collect();
    Ok(super::grid::choose(&sheets, file, wanted)?.name.clone())
}

/// The used range as CSV, padded with empty rows and columns so that line
/// `n`, cell `k` is the sheet's row `n`, column `k`. A cell's line breaks
/// become spaces, keeping one row per line.
fn to_csv(range: &Range<Data>, locale: Locale, delimiter: u8) -> Vec<u8> {
    let (top, left) = range.start().unwrap_or((0, 0));
    let sep = char::from(delimiter);
    let mut out = "\n".repeat(top as usize);
    for row in range.rows() {
        let cells: Vec<String> = row.iter().map(|c| cell_text(c, locale)).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            out.extend(std::iter::repeat_n(sep, left as usize));
            for (k, c) in cells.iter().enumerate() {
                if k > 0 {
                    out.push(sep);
                }
                push_field(&mut out, c, sep);
            }
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// A field quoted when it holds the delimiter or a quote, as CSV wants.
fn push_field(out: &mut String, field: &str, sep: char) {
    if field.contains([sep, '"']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// A cell as the CSV export would show it, but with full precision: the
/// stored value, not the rounded display (95,5% is the number 0.955).
fn cell_text(cell: &Data, locale: Locale) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.replace(['\r', '\n'], " "),
        Data::Int(i) => i.to_string(),
        Data::Float(x) => number(*x, locale),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
            match (h, mi, s) {
                (0, 0, 0) => format!("{y:04}-{mo:02}-{day:02}"),
                _ => format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}:{s:02}"),
            }
        }
        Data::DateTime(d) => number(d.as_f64(), locale),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// The shortest text that reads back as the same number, with the locale's
/// decimal mark and no thousands separator.
fn number(x: f64, locale: Locale) -> String {
    let s = if x == x.trunc() && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    };
    match locale {
        Locale::Vi => s.replace('.', ","),
        Locale::En => s,
    }
}

#[cfg(test)]
mod tests;

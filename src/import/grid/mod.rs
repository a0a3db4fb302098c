//! One typed, sparse, position-keeping model of a sheet (SPEC 10, "The
//! reader"), and the producers that fill it from every kind of file an office
//! sends: CSV/TSV of any dialect, `.xlsx/.xlsm`, `.ods`, `.xls`, `.xlsb`.
//!
//! A [`Grid`] holds only the cells present, each with the value the file
//! stores and its row and column in the user's own file, so no table goes
//! through text twice and no message has to be mapped back. Every producer
//! reads within [`Limits`]: nothing is allocated by a count the file declares
//! (row numbers, dimensions, string counts, zip sizes), decoders we do not own
//! run under `catch_unwind`, and a file past a limit is an error naming it.

mod biff;
mod budget;
mod cell;
mod cfb;
mod csv;
mod ods;
mod ods_parts;
mod sheets;
mod xls;
mod xlsb;
mod xlsx;
mod xlsx_parts;
mod xml;
mod zipped;

use std::fmt;

use anyhow::Result;

pub use budget::{Budget, Limits};
pub use cell::{Cell, Kind, MAX_COL, MAX_ROW, Pos, letters, parse_ref};
pub use csv::sniff_delimiter;
pub use sheets::{SheetInfo, choose};

use crate::i18n::Text;
use crate::problem::Problem;

/// One sheet (or one CSV file) as it is in the user's file.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// `file` for text, `file[Sheet]` for a workbook: the name messages use.
    pub label: String,
    pub kind: Kind,
    /// The rows holding at least one cell, in ascending row number.
    pub rows: Vec<Row>,
    /// Merged ranges, in the order the file lists them.
    pub merges: Vec<Merge>,
}

/// One row of a [`Grid`].
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based: the sheet's row number, or the line where a CSV record starts.
    pub number: u64,
    /// The non-empty cells as (1-based column, value), by ascending column.
    pub cells: Vec<(u32, Cell)>,
}

/// A merged range, first and last row and column included (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first_row: u64,
    pub last_row: u64,
    pub first_col: u32,
    pub last_col: u32,
}

impl Merge {
    pub fn contains(&self, row: u64, col: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }
}

impl Row {
    /// The cell in column `col`, if not empty.
    pub fn get(&self, col: u32) -> Option<&Cell> {
        let i = self.cells.binary_search_by_key(&col, |c| c.0).ok()?;
        Some(&self.cells[i].1)
    }
}

impl Grid {
    /// The row numbered `number`, if it holds any cell.
    pub fn row(&self, number: u64) -> Option<&Row> {
        let i = self.rows.binary_search_by_key(&number, |r| r.number).ok()?;
        Some(&self.rows[i])
    }

    /// The cell at (`row`, `col`), if not empty.
    pub fn get(&self, row: u64, col: u32) -> Option<&Cell> {
        self.row(row)?.get(col)
    }

    /// The position of a cell (or with `col` `None`, of a whole row).
    pub fn pos(&self, row: u64, col: Option<u32>) -> Pos {
        Pos {
            label: self.label.clone(),
            kind: self.kind,
            row,
            col,
        }
    }

    /// The merged range covering (`row`, `col`), if any.
    pub fn merge_at(&self, row: u64, col: u32) -> Option<&Merge> {
        self.merges.iter().find(|m| m.contains(row, col))
    }

    /// Every cell, row by row, with its row number.
    pub fn cells(&self) -> impl Iterator<Item = (u64, u32, &Cell)> {
        self.rows
            .iter()
            .flat_map(|r| r.cells.iter().map(move |(c, v)| (r.number, *c, v)))
    }
}

impl Pos {
    /// A problem at this position, for the project's error lists.
    pub fn problem(&self, message: impl Into<Text>) -> Problem {
        Problem {
            file: self.label.clone(),
            line: Some(self.row),
            column: self.col.map(|c| c as usize),
            message: message.into(),
            hint: None,
        }
    }
}

/// How to read a file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--sheet`: the sheet's name (exact, else ignoring case).
    pub sheet: Option<String>,
    /// The CSV delimiter; sniffed among `,` `;` tab when `None`.
    pub delimiter: Option<u8>,
    pub limits: Limits,
}

/// A file that cannot be read: its problem (file, position, message, hint).
#[derive(Debug, Clone, PartialEq)]
pub struct GridError(pub Problem);

impl fmt::Display for GridError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for GridError {}

/// An error about the whole file.
pub(crate) fn file_error(file: &str, message: Text) -> anyhow::Error {
    GridError(Problem::file(file, message)).into()
}

/// An error at a position, with an optional hint.
pub(crate) fn pos_error(pos: &Pos, message: Text, hint: Option<Text>) -> anyhow::Error {
    let mut p = pos.problem(message);
    p.hint = hint;
    GridError(p).into()
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The kinds of file told apart by their first bytes (staff rename files,
/// so the extension is no guide).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A zip: `.xlsx/.xlsm`, `.xlsb` or `.ods`, told apart by its parts.
    Zip,
    /// An OLE compound file: `.xls`.
    Ole,
    Text,
}

pub fn format_of(bytes: &[u8]) -> Format {
    if bytes.starts_with(ZIP) {
        Format::Zip
    } else if bytes.starts_with(OLE) {
        Format::Ole
    } else {
        Format::Text
    }
}

/// Reads `bytes` of `file` as one grid: the chosen sheet of a workbook, or
/// the whole of a text file. An unknown `--sheet` is a usage error listing
/// the sheets; anything else unreadable is a [`GridError`].
pub fn read(bytes: &[u8], file: &str, opts: &Options) -> Result<Grid> {
    match format_of(bytes) {
        Format::Text => csv::read(bytes, file, opts.delimiter, &opts.limits),
        Format::Ole => xls::read(bytes, file, opts),
        Format::Zip => {
            let mut zip = zipped::Zip::open(bytes, file, &opts.limits)?;
            if zip.has("xl/workbook.bin") {
                drop(zip);
                xlsb::read(bytes, file, opts)
            } else if zip.has("content.xml") {
                ods::read(&mut zip, opts)
            } else {
                xlsx::read(&mut zip, opts)
            }
        }
    }
}

/// Sorts rows and their cells and drops repeats (a later cell at the same
/// position replaces an earlier one), for producers that may meet cells out
/// of order.
pub(crate) fn tidy(rows: &mut Vec<Row>) {
    if rows.windows(2).any(|w| w[0].number >= w[1].number) {
        rows.sort_by_key(|r| r.number);
        let mut out: Vec<Row> = Vec::with_capacity(rows.len());
        for r in rows.drain(..) {
            match out.last_mut() {
                Some(last) if last.number == r.number => last.cells.extend(r.cells),
                _ => out.push(r),
            }
        }
        *rows = out;
    }
    for r in rows.iter_mut() {
        if r.cells.windows(2).any(|w| w[0].0 >= w[1].0) {
            r.cells.sort_by_key(|c| c.0);
            let mut kept: Vec<(u32, Cell)> = Vec::with_capacity(r.cells.len());
            for c in r.cells.drain(..) {
                match kept.last_mut() {
                    Some(last) if last.0 == c.0 => *last = c,
                    _ => kept.push(c),
                }
            }
            r.cells = kept;
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_xls;

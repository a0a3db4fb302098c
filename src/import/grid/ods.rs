//! OpenDocument spreadsheets (`.ods`) as a [`Grid`], streaming like xlsx.
//! Repeated rows and cells are ODF's compression: repeated *empty* cells
//! only move the column on (a row of 16 384 blanks costs nothing), repeated
//! values are counted against the budget before they are copied. Spanned
//! cells give the merges; covered cells are the places they cover.

use anyhow::Result;
use quick_xml::events::{BytesStart, Event};

use super::budget::Budget;
use super::ods_parts::{CONTENT, list, missing, value};
use super::xml::{Xml, attr, push_ref};
use super::zipped::Zip;
use super::{
    Cell, Grid, Kind, MAX_COL, MAX_ROW, Merge, Options, Pos, Row, choose, letters, pos_error,
};

pub fn read(zip: &mut Zip, opts: &Options) -> Result<Grid> {
    let sheets = list(zip)?;
    let chosen = choose(&sheets, zip.file(), opts.sheet.as_deref())?;
    let index = sheets.iter().position(|s| s == chosen).unwrap_or(0);
    let mut t = TableReader {
        label: format!("{}[{}]", zip.file(), chosen.name),
        budget: Budget::new(&opts.limits),
        rows: Vec::new(),
        merges: Vec::new(),
        row: 1,
        col: 1,
        cells: Vec::new(),
        row_repeat: 1,
        open: None,
    };
    let (file, depth) = (zip.file().to_string(), opts.limits.depth);
    let input = zip.part(CONTENT)?.ok_or_else(|| missing(&file))?;
    let mut x = Xml::new(input, &file, CONTENT, depth);
    let mut table = 0usize;
    let mut inside = false;
    // Nesting inside the chosen table of what is not cell text (notes).
    let mut skip = 0usize;
    loop {
        let ev = x.next()?;
        if !inside {
            match ev {
                Event::Start(e) if e.local_name().as_ref() == "table" => {
                    inside = table == index;
                    table += 1;
                }
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match ev {
            Event::Start(e) => match e.local_name().as_ref() {
                "annotation" | "table" => skip += 1,
                _ if skip > 0 => {}
                "table-row" => t.start_row(&e),
                "table-cell" | "covered-table-cell" => t.start_cell(&e)?,
                "p" | "h" => t.paragraph(1),
                "s" => t.spaces(&e)?,
                _ => {}
            },
            Event::Empty(e) if skip == 0 => match e.local_name().as_ref() {
                "table-row" => {
                    t.start_row(&e);
                    t.end_row()?;
                }
                "table-cell" | "covered-table-cell" => {
                    t.start_cell(&e)?;
                    t.end_cell()?;
                }
                "s" => t.spaces(&e)?,
                "p" | "h" => {
                    t.paragraph(1);
                    t.paragraph(-1);
                }
                "tab" => t.push("\t")?,
                "line-break" => t.push("\n")?,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "annotation" if skip > 0 => skip -= 1,
                "table" if skip > 0 => skip -= 1,
                "table" => break,
                _ if skip > 0 => {}
                "table-row" => t.end_row()?,
                "table-cell" | "covered-table-cell" => t.end_cell()?,
                "p" | "h" => t.paragraph(-1),
                _ => {}
            },
            Event::Text(s) if skip == 0 => t.push(&s.xml10_content())?,
            Event::CData(s) if skip == 0 => t.push(&s.xml10_content())?,
            Event::GeneralRef(r) if skip == 0 && t.open.is_some() => {
                let mut s = String::new();
                push_ref(&mut s, &r).map_err(|n| x.bad(n))?;
                t.push(&s)?;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Grid {
        label: t.label,
        kind: Kind::Sheet,
        rows: t.rows,
        merges: t.merges,
    })
}

/// The cell being read.
struct OpenCell {
    repeat: u64,
    span: (u64, u64),
    typ: String,
    value: Option<String>,
    text: String,
    paragraphs: usize,
    /// Inside a paragraph: only there is text the cell's.
    in_p: usize,
}

struct TableReader {
    label: String,
    budget: Budget,
    rows: Vec<Row>,
    merges: Vec<Merge>,
    /// The current row's number and the next cell's column.
    row: u64,
    col: u64,
    cells: Vec<(u32, Cell)>,
    row_repeat: u64,
    open: Option<OpenCell>,
}

fn count(e: &BytesStart, name: &str) -> u64 {
    attr(e, name)
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n: &u64| n >= 1)
        .unwrap_or(1)
}

impl TableReader {
    fn pos(&self, row: u64, col: Option<u64>) -> Pos {
        Pos::in_sheet(&self.label, row, col)
    }

    fn start_row(&mut self, e: &BytesStart) {
        self.row_repeat = count(e, "number-rows-repeated");
        self.col = 1;
        self.cells.clear();
    }

    fn start_cell(&mut self, e: &BytesStart) -> Result<()> {
        // LibreOffice marks a formula's error as `calcext:value-type="error"`
        // beside an `office:value-type="string"`.
        let error = e
            .attributes()
            .flatten()
            .any(|a| a.key.local_name().as_ref() == "value-type" && a.value == "error");
        let typ = match error {
            true => "error".to_string(),
            false => attr(e, "value-type").unwrap_or_default(),
        };
        let value = match typ.as_str() {
            "date" => attr(e, "date-value"),
            "time" => attr(e, "time-value"),
            "boolean" => attr(e, "boolean-value"),
            "string" => attr(e, "string-value"),
            _ => attr(e, "value"),
        };
        let covered = e.local_name().as_ref() == "covered-table-cell";
        let span = (
            count(e, "number-rows-spanned"),
            count(e, "number-columns-spanned"),
        );
        self.open = Some(OpenCell {
            repeat: count(e, "number-columns-repeated"),
            span: if covered { (1, 1) } else { span },
            typ,
            value,
            text: String::new(),
            paragraphs: 0,
            in_p: 0,
        });
        Ok(())
    }

    /// Enters (`1`) or leaves (`-1`) a paragraph; paragraphs are lines.
    fn paragraph(&mut self, step: i8) {
        let Some(c) = &mut self.open else {
            return;
        };
        if step > 0 {
            if c.in_p == 0 && c.paragraphs > 0 {
                c.text.push('\n');
            }
            if c.in_p == 0 {
                c.paragraphs += 1;
            }
            c.in_p += 1;
        } else {
            c.in_p = c.in_p.saturating_sub(1);
        }
    }

    /// Text of the open cell, refused once past the text budget.
    fn push(&mut self, s: &str) -> Result<()> {
        let Some(len) = self
            .open
            .as_ref()
            .filter(|c| c.in_p > 0)
            .map(|c| c.text.len())
        else {
            return Ok(());
        };
        if len + s.len() > self.budget.text_left() {
            let pos = self.pos(self.row, Some(self.col));
            self.budget.take(0, (len + s.len()) as u64, || pos)?;
        }
        if let Some(c) = &mut self.open {
            c.text.push_str(s);
        }
        Ok(())
    }

    /// `<text:s text:c="n"/>`: n spaces, n checked against the budget first.
    fn spaces(&mut self, e: &BytesStart) -> Result<()> {
        let n = count(e, "c");
        if self.open.as_ref().is_none_or(|c| c.in_p == 0) {
            return Ok(());
        }
        if n > self.budget.text_left() as u64 {
            let pos = self.pos(self.row, Some(self.col));
            self.budget.take(0, n, || pos)?;
        }
        self.push(&" ".repeat(n as usize))
    }

    fn end_cell(&mut self) -> Result<()> {
        let Some(c) = self.open.take() else {
            return Ok(());
        };
        let (row, col) = (self.row, self.col);
        self.col = col.saturating_add(c.repeat);
        let pos = self.pos(row, Some(col));
        let cell = value(c.typ.as_str(), c.value, c.text, &pos)?;
        let spanned = c.span != (1, 1);
        if cell.is_none() && !spanned {
            return Ok(());
        }
        let last = col.saturating_add(c.repeat - 1);
        if row > MAX_ROW {
            let m = crate::msg!(GridRowPastEnd, row, MAX_ROW);
            return Err(pos_error(&self.pos(row, None), m, None));
        }
        if last > u64::from(MAX_COL) {
            let past = col.max(u64::from(MAX_COL) + 1);
            let name = u32::try_from(past).map_or(past.to_string(), letters);
            let m = crate::msg!(GridColumnPastEnd, name, MAX_COL);
            return Err(pos_error(&self.pos(row, Some(past)), m, None));
        }
        let text = match &cell {
            Some(Cell::Text(s) | Cell::Error(s)) => s.len() as u64,
            _ => 0,
        };
        let per = u64::from(cell.is_some()) + u64::from(spanned);
        self.budget.take(
            per.saturating_mul(c.repeat),
            text.saturating_mul(c.repeat),
            || pos,
        )?;
        for k in 0..c.repeat {
            let at = (col + k) as u32;
            if let Some(v) = &cell {
                self.cells.push((at, v.clone()));
            }
            if spanned {
                self.merges.push(Merge {
                    first_row: row,
                    last_row: row.saturating_add(c.span.0 - 1).min(MAX_ROW),
                    first_col: at,
                    last_col: (u64::from(at) + c.span.1 - 1).min(u64::from(MAX_COL)) as u32,
                });
            }
        }
        Ok(())
    }

    fn end_row(&mut self) -> Result<()> {
        let repeat = self.row_repeat;
        let first = self.row;
        self.row = first.saturating_add(repeat);
        if self.cells.is_empty() {
            return Ok(());
        }
        let cells = std::mem::take(&mut self.cells);
        if first.saturating_add(repeat - 1) > MAX_ROW {
            let past = first.max(MAX_ROW + 1);
            let m = crate::msg!(GridRowPastEnd, past, MAX_ROW);
            return Err(pos_error(&self.pos(past, None), m, None));
        }
        if repeat > 1 {
            let text: u64 = cells
                .iter()
                .map(|(_, c)| match c {
                    Cell::Text(s) | Cell::Error(s) => s.len() as u64,
                    _ => 0,
                })
                .sum();
            // Merges of a repeated row are repeated too.
            let of_row: Vec<Merge> = self
                .merges
                .iter()
                .filter(|m| m.first_row == first)
                .copied()
                .collect();
            let n = (cells.len() + of_row.len()) as u64;
            let pos = self.pos(first + 1, Some(u64::from(cells[0].0)));
            self.budget.take(
                n.saturating_mul(repeat - 1),
                text.saturating_mul(repeat - 1),
                || pos,
            )?;
            for k in 1..repeat {
                self.merges.extend(of_row.iter().map(|m| Merge {
                    first_row: m.first_row + k,
                    last_row: m.last_row.saturating_add(k).min(MAX_ROW),
                    ..*m
                }));
            }
        }
        for k in 0..repeat {
            self.rows.push(Row {
                number: first + k,
                cells: cells.clone(),
            });
        }
        Ok(())
    }
}

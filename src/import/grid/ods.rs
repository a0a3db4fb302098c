//! OpenDocument spreadsheets (`.ods`) as a [`Grid`], streaming like xlsx.
//! Repeated rows and cells are ODF's compression: repeated *empty* cells
//! only move the column on (a row of 16 384 blanks costs nothing), repeated
//! values are counted against the budget before they are copied. Spanned
//! cells give the merges; covered cells are the places they cover.

use anyhow::Result;
use quick_xml::events::{BytesStart, Event};

use super::budget::Budget;
use super::cell::{parse_iso, serial};
use super::xml::{Xml, attr, push_ref};
use super::zipped::Zip;
use super::{
    Cell, Grid, Kind, MAX_COL, MAX_ROW, Merge, Options, Pos, Row, SheetInfo, choose, file_error,
    letters, pos_error,
};

const CONTENT: &str = "content.xml";

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

fn missing(file: &str) -> anyhow::Error {
    file_error(file, crate::msg!(GridPartMissing, CONTENT))
}

/// The tables of `content.xml`, in order, with whether each is shown (a
/// table style with `table:display="false"` hides it).
fn list(zip: &mut Zip) -> Result<Vec<SheetInfo>> {
    let (file, depth) = (zip.file().to_string(), zip.limits().depth);
    let input = zip.part(CONTENT)?.ok_or_else(|| missing(&file))?;
    let mut x = Xml::new(input, &file, CONTENT, depth);
    let mut hidden_styles: Vec<String> = Vec::new();
    let mut style: Option<String> = None;
    let mut out = Vec::new();
    let mut depth_in_table = 0usize;
    loop {
        match x.next()? {
            Event::Start(e) | Event::Empty(e) if depth_in_table == 0 => {
                match e.local_name().as_ref() {
                    "style" => style = attr(&e, "name"),
                    "table-properties" if attr(&e, "display").as_deref() == Some("false") => {
                        hidden_styles.extend(style.clone());
                    }
                    "table" => {
                        let shown =
                            attr(&e, "style-name").is_none_or(|s| !hidden_styles.contains(&s));
                        out.push(SheetInfo {
                            name: attr(&e, "name").unwrap_or_default(),
                            visible: shown,
                            worksheet: true,
                        });
                        depth_in_table = 1;
                    }
                    _ => {}
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "table" => depth_in_table += 1,
            Event::End(e) if depth_in_table > 0 && e.local_name().as_ref() == "table" => {
                depth_in_table -= 1;
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
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
        Pos {
            label: self.label.clone(),
            kind: Kind::Sheet,
            row,
            col: col.map(|c| u32::try_from(c).unwrap_or(u32::MAX)),
        }
    }

    fn start_row(&mut self, e: &BytesStart) {
        self.row_repeat = count(e, "number-rows-repeated");
        self.col = 1;
        self.cells.clear();
    }

    fn start_cell(&mut self, e: &BytesStart) -> Result<()> {
        let typ = attr(e, "value-type").unwrap_or_default();
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

/// A cell's value from its `office:value-type`: numbers, dates, times and
/// booleans from their attribute, text from `office:string-value` or the
/// paragraphs. `None` for an empty cell.
fn value(typ: &str, value: Option<String>, text: String, pos: &Pos) -> Result<Option<Cell>> {
    let bad = |m: String| pos_error(pos, m, None);
    Ok(match (typ, value) {
        ("float" | "percentage" | "currency", Some(v)) => {
            let x: f64 = v
                .trim()
                .parse()
                .ok()
                .filter(|x: &f64| x.is_finite())
                .ok_or_else(|| bad(crate::msg!(GridBadNumber, v)))?;
            Some(Cell::Number(x))
        }
        ("date", Some(v)) => {
            let t = parse_iso(&v).ok_or_else(|| bad(crate::msg!(GridBadDate, v)))?;
            Some(Cell::Date(serial(t)))
        }
        ("time", Some(v)) => {
            let d = duration_days(&v).ok_or_else(|| bad(crate::msg!(GridBadDate, v)))?;
            Some(Cell::Date(d))
        }
        ("boolean", Some(v)) => match v.trim() {
            "true" | "1" => Some(Cell::Bool(true)),
            "false" | "0" => Some(Cell::Bool(false)),
            _ => return Err(bad(crate::msg!(ExpectedFlag))),
        },
        ("string", Some(v)) if !v.is_empty() => Some(Cell::Text(v)),
        _ if text.is_empty() => None,
        _ => Some(Cell::Text(text)),
    })
}

/// An ISO 8601 duration (`PT12H30M00S`, `P1DT2H`) in days.
fn duration_days(v: &str) -> Option<f64> {
    let v = v.trim();
    let (neg, v) = match v.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, v),
    };
    let v = v.strip_prefix('P')?;
    let (date, time) = v.split_once('T').unwrap_or((v, ""));
    let mut total = 0.0;
    for (part, units) in [
        (date, &[('D', 1.0)][..]),
        (
            time,
            &[('H', 1.0 / 24.0), ('M', 1.0 / 1440.0), ('S', 1.0 / 86400.0)][..],
        ),
    ] {
        let mut rest = part;
        for &(unit, scale) in units {
            if let Some((n, r)) = rest.split_once(unit) {
                total += n.parse::<f64>().ok().filter(|x| x.is_finite())? * scale;
                rest = r;
            }
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(if neg { -total } else { total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_days() {
        assert_eq!(duration_days("PT12H00M00S"), Some(0.5));
        assert_eq!(duration_days("P1DT6H"), Some(1.25));
        assert_eq!(duration_days("PT1H30M"), Some(0.0625));
        assert_eq!(duration_days("12:00"), None);
        assert_eq!(duration_days("PT1X"), None);
    }
}

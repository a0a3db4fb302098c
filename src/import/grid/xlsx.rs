//! `.xlsx/.xlsm` as a [`Grid`], our own streaming reader: the chosen sheet's
//! `<row>/<c>` elements are read one by one and only the cells present are
//! kept, so a lone cell at XFD1048576 costs one cell. Row and column numbers
//! are checked against Excel's limits at the cell that carries them.

use anyhow::Result;
use quick_xml::events::{BytesStart, Event};

use super::budget::Budget;
use super::cell::{parse_col, parse_iso, serial};
use super::xlsx_parts::{book, date_styles, shared_strings};
use super::xml::{Xml, attr, push_ref, unescape_excel};
use super::zipped::Zip;
use super::{
    Cell, Grid, Kind, MAX_COL, MAX_ROW, Merge, Options, Pos, Row, choose, file_error, letters,
    parse_ref, pos_error, tidy,
};

pub fn read(zip: &mut Zip, opts: &Options) -> Result<Grid> {
    let book = book(zip)?;
    let infos: Vec<_> = book.sheets.iter().map(|s| s.info.clone()).collect();
    let chosen = choose(&infos, zip.file(), opts.sheet.as_deref())?;
    let sheet = book
        .sheets
        .iter()
        .find(|s| s.info == *chosen)
        .expect("chosen among these sheets");
    let label = format!("{}[{}]", zip.file(), sheet.info.name);
    let mut budget = Budget::new(&opts.limits);
    let strings = match &book.shared_strings {
        Some(p) => shared_strings(zip, p, &mut budget)?,
        None => Vec::new(),
    };
    let dates = match &book.styles {
        Some(p) => date_styles(zip, p)?,
        None => Vec::new(),
    };
    let (file, depth) = (zip.file().to_string(), zip.limits().depth);
    let missing = || file_error(&file, crate::msg!(GridPartMissing, sheet.info.name));
    let part = sheet.part.clone().ok_or_else(missing)?;
    let input = zip.part(&part)?.ok_or_else(missing)?;
    let mut reader = SheetReader {
        label,
        strings,
        dates,
        date1904: book.date1904,
        budget,
        rows: Vec::new(),
        merges: Vec::new(),
        cell: None,
        row: 0,
        next_col: 1,
        value: String::new(),
    };
    reader.run(Xml::new(input, &file, &part, depth))?;
    let mut rows = reader.rows;
    tidy(&mut rows);
    Ok(Grid {
        label: reader.label,
        kind: Kind::Sheet,
        rows,
        merges: reader.merges,
    })
}

/// The cell being read: where, its `t=` type and `s=` style.
struct Open {
    row: u64,
    col: u32,
    typ: String,
    style: usize,
    /// Inside `<v>`, or inside an inline string's `<t>` (not a phonetic one).
    in_value: bool,
    in_inline: bool,
    phonetic: usize,
    has_value: bool,
}

struct SheetReader {
    label: String,
    strings: Vec<String>,
    dates: Vec<bool>,
    date1904: bool,
    budget: Budget,
    rows: Vec<Row>,
    merges: Vec<Merge>,
    cell: Option<Open>,
    /// The current row's number, and the column a cell without `r=` takes.
    row: u64,
    next_col: u64,
    value: String,
}

impl SheetReader {
    fn pos(&self, row: u64, col: Option<u64>) -> Pos {
        Pos::in_sheet(&self.label, row, col)
    }

    fn run<R: std::io::BufRead>(&mut self, mut x: Xml<R>) -> Result<()> {
        loop {
            match x.next()? {
                Event::Start(e) => self.start(&e, false)?,
                Event::Empty(e) => self.start(&e, true)?,
                Event::End(e) => match e.local_name().as_ref() {
                    "c" => self.finish()?,
                    "v" | "t" => self.set_in_value(false),
                    "is" => self.cell.iter_mut().for_each(|c| c.in_inline = false),
                    "rPh" => self
                        .cell
                        .iter_mut()
                        .for_each(|c| c.phonetic = c.phonetic.saturating_sub(1)),
                    _ => {}
                },
                Event::Text(t) if self.in_value() => self.value.push_str(&t.xml10_content()),
                Event::CData(t) if self.in_value() => {
                    self.value.push_str(&t.xml10_content());
                }
                Event::GeneralRef(r) if self.in_value() => {
                    push_ref(&mut self.value, &r).map_err(|n| x.bad(n))?;
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
            if self.value.len() > self.budget.text_left() {
                let (row, col) = self.cell.as_ref().map_or((self.row, 1), |c| (c.row, c.col));
                let pos = self.pos(row, Some(u64::from(col)));
                self.budget.take(0, self.value.len() as u64, || pos)?;
            }
        }
    }

    fn in_value(&self) -> bool {
        self.cell
            .as_ref()
            .is_some_and(|c| c.in_value && c.phonetic == 0)
    }

    fn set_in_value(&mut self, v: bool) {
        if let Some(c) = &mut self.cell {
            c.in_value = v;
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) -> Result<()> {
        match e.local_name().as_ref() {
            "row" => {
                self.row = match attr(e, "r") {
                    Some(r) => r.trim().parse::<u64>().map_err(|_| {
                        pos_error(
                            &self.pos(self.row + 1, None),
                            crate::msg!(GridBadRef, r),
                            None,
                        )
                    })?,
                    None => self.row + 1,
                };
                self.check(self.row, None)?;
                self.next_col = 1;
            }
            "c" => {
                let (row, col) = match attr(e, "r") {
                    Some(r) => parse_ref(r.trim()).ok_or_else(|| {
                        pos_error(&self.pos(self.row, None), crate::msg!(GridBadRef, r), None)
                    })?,
                    None => (self.row.max(1), self.next_col),
                };
                self.check(row, Some(col))?;
                self.next_col = col + 1;
                self.value.clear();
                if !empty {
                    self.cell = Some(Open {
                        row,
                        col: col as u32,
                        typ: attr(e, "t").unwrap_or_default(),
                        style: attr(e, "s").and_then(|s| s.parse().ok()).unwrap_or(0),
                        in_value: false,
                        in_inline: false,
                        phonetic: 0,
                        has_value: false,
                    });
                }
            }
            "v" if !empty => {
                if let Some(c) = &mut self.cell {
                    c.in_value = true;
                    c.has_value = true;
                }
            }
            "is" if !empty => self.cell.iter_mut().for_each(|c| c.in_inline = true),
            "t" if !empty => {
                if let Some(c) = self.cell.as_mut().filter(|c| c.in_inline) {
                    c.in_value = true;
                    c.has_value = true;
                }
            }
            "rPh" if !empty => self.cell.iter_mut().for_each(|c| c.phonetic += 1),
            "mergeCell" => {
                if let Some(r) = attr(e, "ref") {
                    self.merge(&r)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A row or column past Excel's limits is an error at that cell.
    fn check(&self, row: u64, col: Option<u64>) -> Result<()> {
        if row == 0 {
            let m = crate::msg!(GridBadRef, row);
            return Err(pos_error(&self.pos(self.row.max(1), None), m, None));
        }
        if row > MAX_ROW {
            let m = crate::msg!(GridRowPastEnd, row, MAX_ROW);
            return Err(pos_error(&self.pos(row, None), m, None));
        }
        if let Some(c) = col.filter(|&c| c > u64::from(MAX_COL)) {
            let name = u32::try_from(c).map_or(c.to_string(), letters);
            let m = crate::msg!(GridColumnPastEnd, name, MAX_COL);
            return Err(pos_error(&self.pos(row, Some(c)), m, None));
        }
        Ok(())
    }

    fn merge(&mut self, r: &str) -> Result<()> {
        let (a, b) = r.split_once(':').unwrap_or((r, r));
        let at = self.pos(self.row.max(1), None);
        let bad = || pos_error(&at, crate::msg!(GridBadRef, r), None);
        let (r1, c1) = parse_ref(a)
            .or_else(|| Some((1, parse_col(a)?)))
            .ok_or_else(bad)?;
        let (r2, c2) = parse_ref(b)
            .or_else(|| Some((MAX_ROW, parse_col(b)?)))
            .ok_or_else(bad)?;
        for (row, col) in [(r1, c1), (r2, c2)] {
            self.check(row, Some(col))?;
        }
        let pos = self.pos(r1.min(r2), Some(c1.min(c2)));
        self.budget.take(1, 0, || pos)?;
        self.merges.push(Merge {
            first_row: r1.min(r2),
            last_row: r1.max(r2),
            first_col: c1.min(c2) as u32,
            last_col: c1.max(c2) as u32,
        });
        Ok(())
    }

    /// The cell just closed, typed by its `t=` and style, kept if not empty.
    fn finish(&mut self) -> Result<()> {
        let Some(open) = self.cell.take() else {
            return Ok(());
        };
        let raw = std::mem::take(&mut self.value);
        if !open.has_value {
            return Ok(());
        }
        let pos = self.pos(open.row, Some(u64::from(open.col)));
        let cell = match open.typ.as_str() {
            "s" => {
                let i: usize = raw
                    .trim()
                    .parse()
                    .map_err(|_| pos_error(&pos, crate::msg!(NotANumber, raw), None))?;
                match self.strings.get(i) {
                    Some(s) => Cell::Text(s.clone()),
                    None => {
                        let m = crate::msg!(GridNoSharedString, i, self.strings.len());
                        return Err(pos_error(&pos, m, None));
                    }
                }
            }
            "str" | "inlineStr" => Cell::Text(unescape_excel(raw)),
            "b" => match raw.trim() {
                "1" | "true" | "TRUE" => Cell::Bool(true),
                "0" | "false" | "FALSE" => Cell::Bool(false),
                _ => return Err(pos_error(&pos, crate::msg!(ExpectedFlag), None)),
            },
            "e" => Cell::Error(raw),
            "d" => match parse_iso(&raw) {
                Some(t) if !raw.trim().is_empty() => Cell::Date(serial(t)),
                _ if raw.trim().is_empty() => return Ok(()),
                _ => return Err(pos_error(&pos, crate::msg!(GridBadDate, raw), None)),
            },
            _ => {
                let t = raw.trim();
                if t.is_empty() {
                    return Ok(());
                }
                let x: f64 = t
                    .parse()
                    .ok()
                    .filter(|x: &f64| x.is_finite())
                    .ok_or_else(|| pos_error(&pos, crate::msg!(GridBadNumber, t), None))?;
                if self.dates.get(open.style).copied().unwrap_or(false) {
                    Cell::Date(if self.date1904 { x + 1462.0 } else { x })
                } else {
                    Cell::Number(x)
                }
            }
        };
        if matches!(&cell, Cell::Text(s) | Cell::Error(s) if s.is_empty()) {
            return Ok(());
        }
        let text = match &cell {
            Cell::Text(s) | Cell::Error(s) => s.len() as u64,
            _ => 0,
        };
        self.budget.take(1, text, || pos)?;
        match self.rows.last_mut() {
            Some(r) if r.number == open.row => r.cells.push((open.col, cell)),
            _ => self.rows.push(Row {
                number: open.row,
                cells: vec![(open.col, cell)],
            }),
        }
        Ok(())
    }
}

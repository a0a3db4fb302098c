//! CSV and TSV as a [`Grid`]: the text found by `decode` (byte-order marks,
//! UTF-16), records split by the RFC 4180 reader of `record`, every field
//! text, each row numbered by the line where its record starts.

use anyhow::Result;

use super::budget::Budget;
use super::{Cell, Grid, Kind, Limits, Pos, Row, file_error};
use crate::import::decode::{self, DELIMITERS};
use crate::record::{Record, RecordReader};

/// How many records the delimiter is guessed from.
const SNIFF_ROWS: usize = 30;

/// Reads a text file: with `delimiter`, or the one [`sniff_delimiter`] finds.
pub fn read(bytes: &[u8], file: &str, delimiter: Option<u8>, limits: &Limits) -> Result<Grid> {
    let text = decode::decode(bytes, file)?;
    let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&text));
    let mut budget = Budget::new(limits);
    let mut reader = RecordReader::new(text.as_bytes(), delimiter, 1);
    let mut rec = Record::new();
    let mut rows = Vec::new();
    loop {
        let start = match reader.next(&mut rec) {
            Ok(Some(s)) => s,
            Ok(None) => break,
            Err(e) => return Err(file_error(file, crate::i18n::Text::raw(e.to_string()))),
        };
        let mut cells = Vec::new();
        for (i, field) in rec.iter().enumerate() {
            if field.is_empty() {
                continue;
            }
            // Fields split at ASCII delimiters of valid UTF-8 are UTF-8.
            let text = String::from_utf8_lossy(field).into_owned();
            let col = u32::try_from(i + 1).unwrap_or(u32::MAX);
            budget.take(1, text.len() as u64, || Pos {
                label: file.to_string(),
                kind: Kind::Text,
                row: start.line,
                col: Some(col),
            })?;
            cells.push((col, Cell::Text(text)));
        }
        if !cells.is_empty() {
            rows.push(Row {
                number: start.line,
                cells,
            });
        }
    }
    Ok(Grid {
        label: file.to_string(),
        kind: Kind::Text,
        rows,
        merges: Vec::new(),
    })
}

/// The delimiter among `,` `;` tab that splits the first records into the
/// most rows of one width above 1 (the wider width on a tie, then the order
/// `,` `;` tab); `,` when none splits anything.
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (0, 0, b',');
    for d in DELIMITERS {
        let mut reader = RecordReader::new(text.as_bytes(), d, 1);
        let mut rec = Record::new();
        let mut widths = Vec::new();
        while widths.len() < SNIFF_ROWS {
            match reader.next(&mut rec) {
                Ok(Some(_)) => widths.push(rec.len()),
                _ => break,
            }
        }
        let modal = widths
            .iter()
            .copied()
            .filter(|&w| w > 1)
            .map(|w| (widths.iter().filter(|&&x| x == w).count(), w))
            .max();
        if let Some((count, width)) = modal
            && (count, width) > (best.0, best.1)
        {
            best = (count, width, d);
        }
    }
    best.2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    fn grid(text: &[u8]) -> Grid {
        read(text, "a.csv", None, &Limits::default()).unwrap()
    }

    #[test]
    fn every_field_is_text_at_the_line_its_record_starts() {
        let g = grid(b"BAO CAO\r\n\r\nMa;Ten;So\r\nx1;\"Xa\nA\";1,5\r\nx2;;7\r\n");
        let rows: Vec<(u64, Vec<(u32, &str)>)> = g
            .rows
            .iter()
            .map(|r| {
                let cells = r.cells.iter().map(|(c, v)| (*c, v.as_text().unwrap()));
                (r.number, cells.collect())
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                (1, vec![(1, "BAO CAO")]),
                (3, vec![(1, "Ma"), (2, "Ten"), (3, "So")]),
                (4, vec![(1, "x1"), (2, "Xa\nA"), (3, "1,5")]),
                (6, vec![(1, "x2"), (3, "7")]),
            ]
        );
        assert_eq!(g.pos(6, Some(3)).to_string(), "a.csv:6:3");
        assert_eq!(g.kind, Kind::Text);
    }

    #[test]
    fn reads_utf16_and_tabs() {
        let text = "Mã\tTên\r\nx\tPhường Á\r\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let g = grid(&le);
        assert_eq!(g.get(2, 2), Some(&Cell::Text("Phường Á".into())));
    }

    #[test]
    fn sniffs_the_delimiter_of_each_dialect() {
        assert_eq!(sniff_delimiter("a;b;c\n1;2,5;3\n"), b';');
        assert_eq!(sniff_delimiter("a,b,c\n1,2.5,3\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\n1,5\t2\n"), b'\t');
        assert_eq!(sniff_delimiter("title\n"), b',');
        let g = read(b"a;b\n1;2\n", "f", Some(b','), &Limits::default()).unwrap();
        assert_eq!(g.get(2, 1), Some(&Cell::Text("1;2".into())));
    }

    #[test]
    fn limits_are_errors_at_the_cell() {
        let limits = Limits {
            cells: 3,
            ..Limits::default()
        };
        let e = read(b"a,b\nc,d\n", "f.csv", None, &limits).unwrap_err();
        let p = &e.downcast_ref::<super::super::GridError>().unwrap().0;
        assert_eq!((p.line, p.column), (Some(2), Some(2)));
        let e = read(b"a,\xFF\n", "f.csv", None, &Limits::default()).unwrap_err();
        assert!(e.en().starts_with("f.csv:1: not UTF-8"), "{}", e.en());
    }
}

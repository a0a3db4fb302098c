//! A CSV record reader that knows where each record really starts: the byte
//! offset and line of its first character, past any blank lines. The `csv`
//! crate's record positions lag behind with CRLF endings and blank lines, and
//! both the line numbers in messages and the checked split of big files
//! depend on exact positions. Built on `csv_core`, it also reads straight
//! from its own buffer into one reused record.

use std::io::{self, Read};

use csv_core::ReadRecordResult;

use crate::problem::Problem;

const BUFFER: usize = 1 << 20;
/// No real export has a row this long or this wide; past these a file is
/// refused with a message instead of growing memory without bound.
pub const MAX_RECORD_BYTES: usize = 16 << 20;
pub const MAX_FIELDS: usize = 10_000;

/// One record's fields, reused from row to row.
#[derive(Debug, Clone)]
pub struct Record {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
}

impl Record {
    pub fn new() -> Record {
        Record {
            bytes: vec![0; 1024],
            ends: vec![0; 64],
            len: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, i: usize) -> Option<&[u8]> {
        if i >= self.len {
            return None;
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(&self.bytes[start..self.ends[i]])
    }

    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.len).filter_map(|i| self.get(i))
    }
}

/// Where a record starts: byte offset from the start of the stream, and line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    pub byte: u64,
    pub line: u64,
}

pub struct RecordReader<R> {
    core: csv_core::Reader,
    input: R,
    buf: Box<[u8]>,
    pos: usize,
    end: usize,
    eof: bool,
    byte: u64,
    /// Line of the stream's first byte, and newlines in the blank lines
    /// skipped here (csv_core counts the ones it reads itself).
    first_line: u64,
    skipped_lines: u64,
}

impl<R: Read> RecordReader<R> {
    /// `first_line` is the line number of the stream's first byte.
    pub fn new(input: R, delimiter: u8, first_line: u64) -> RecordReader<R> {
        RecordReader {
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            input,
            buf: vec![0; BUFFER].into_boxed_slice(),
            pos: 0,
            end: 0,
            eof: false,
            byte: 0,
            first_line,
            skipped_lines: 0,
        }
    }

    /// Reads the next record into `rec`; `None` at the end of the stream.
    pub fn next(&mut self, rec: &mut Record) -> io::Result<Option<Start>> {
        let (mut out, mut nends) = (0, 0);
        let mut start = None;
        loop {
            if self.pos == self.end && !self.eof {
                self.end = self.read_more()?;
                self.pos = 0;
                self.eof = self.end == 0;
            }
            if start.is_none() {
                self.skip_blank_lines();
                if self.pos == self.end && !self.eof {
                    continue;
                }
                start = Some(self.position());
            }
            let input = &self.buf[self.pos..self.end];
            let (res, nin, nout, nend) =
                self.core
                    .read_record(input, &mut rec.bytes[out..], &mut rec.ends[nends..]);
            self.byte += nin as u64;
            self.pos += nin;
            out += nout;
            nends += nend;
            match res {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => grow(&mut rec.bytes, MAX_RECORD_BYTES, || {
                    format!(
                        "line {}: a row longer than {} MiB",
                        start.map_or(0, |s| s.line),
                        MAX_RECORD_BYTES >> 20
                    )
                })?,
                ReadRecordResult::OutputEndsFull => grow(&mut rec.ends, MAX_FIELDS, || {
                    format!(
                        "line {}: a row with more than {MAX_FIELDS} fields",
                        start.map_or(0, |s| s.line)
                    )
                })?,
                ReadRecordResult::Record => {
                    rec.len = nends;
                    return Ok(start);
                }
                ReadRecordResult::End => return Ok(None),
            }
        }
    }

    /// Where the next record would start (before any blank lines).
    pub fn position(&self) -> Start {
        Start {
            byte: self.byte,
            line: self.first_line + self.skipped_lines + self.core.line() - 1,
        }
    }

    fn read_more(&mut self) -> io::Result<usize> {
        loop {
            match self.input.read(&mut self.buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                r => return r,
            }
        }
    }

    /// Blank lines belong to no record: step over them, counting lines.
    fn skip_blank_lines(&mut self) {
        let rest = &self.buf[self.pos..self.end];
        let n = rest
            .iter()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .count();
        self.skipped_lines += newlines(&rest[..n]);
        self.byte += n as u64;
        self.pos += n;
    }
}

/// A CSV file with a header row, read row by row into one reused record:
/// blank rows are skipped, and a row whose width differs from the header's
/// is reported (with its line) instead of returned — except a row longer
/// than the header only by empty cells, which spreadsheets often write.
pub struct Rows<R> {
    reader: RecordReader<R>,
    pub header: Vec<Vec<u8>>,
    file: String,
}

impl<R: Read> Rows<R> {
    /// `None` when the input holds no row at all (an empty file).
    pub fn open(input: R, delimiter: u8, file: &str) -> io::Result<Option<Rows<R>>> {
        let mut reader = RecordReader::new(input, delimiter, 1);
        let mut rec = Record::new();
        if reader.next(&mut rec)?.is_none() {
            return Ok(None);
        }
        let header = rec.iter().map(<[u8]>::to_vec).collect();
        Ok(Some(Rows {
            reader,
            header,
            file: file.to_string(),
        }))
    }

    /// The next data row and its line; rows of the wrong width go to `bad`.
    /// A returned row may be longer than the header: its extra cells are empty.
    pub fn next(
        &mut self,
        rec: &mut Record,
        mut bad: impl FnMut(Problem),
    ) -> io::Result<Option<u64>> {
        while let Some(start) = self.reader.next(rec)? {
            if rec.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                continue;
            }
            if let Some(p) = width_problem(rec, self.header.len(), &self.file, start.line) {
                bad(p);
                continue;
            }
            return Ok(Some(start.line));
        }
        Ok(None)
    }
}

/// A row narrower than the header, or wider with a non-empty cell past it
/// (named by its column): nothing may be dropped silently.
pub fn width_problem(rec: &Record, width: usize, file: &str, line: u64) -> Option<Problem> {
    let n = rec.len();
    if n < width {
        return Some(Problem::line(file, line, crate::msg!(RowShort, n, width)));
    }
    let (c, cell) = rec
        .iter()
        .enumerate()
        .skip(width)
        .find(|(_, f)| !f.iter().all(u8::is_ascii_whitespace))?;
    Some(Problem::cell(
        file,
        line,
        c + 1,
        crate::msg!(RowLong, n, width, String::from_utf8_lossy(cell).trim()),
    ))
}

/// Doubles a record buffer up to `limit` entries, else an `InvalidData` error.
fn grow<T: Copy + Default>(
    buf: &mut Vec<T>,
    limit: usize,
    what: impl FnOnce() -> String,
) -> io::Result<()> {
    if buf.len() >= limit {
        return Err(io::Error::new(io::ErrorKind::InvalidData, what()));
    }
    buf.resize((buf.len() * 2).min(limit), T::default());
    Ok(())
}

fn newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

impl Default for Record {
    fn default() -> Record {
        Record::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    fn starts(data: &str) -> Vec<(String, u64, u64)> {
        let mut r = RecordReader::new(data.as_bytes(), b';', 1);
        let mut rec = Record::new();
        let mut out = Vec::new();
        while let Some(s) = r.next(&mut rec).unwrap() {
            let first = String::from_utf8_lossy(rec.get(0).unwrap()).into_owned();
            out.push((first, s.byte, s.line));
        }
        out
    }

    #[test]
    fn huge_rows_are_refused_not_allocated() {
        let wide = format!("h\n{}\n", ",".repeat(100_000));
        let mut r = RecordReader::new(wide.as_bytes(), b',', 1);
        let mut rec = Record::new();
        r.next(&mut rec).unwrap();
        let e = r.next(&mut rec).unwrap_err();
        assert_eq!(e.en(), "line 2: a row with more than 10000 fields");
        let long = std::io::Read::chain("h\n\"".as_bytes(), std::io::repeat(b'x').take(100 << 20));
        let mut r = RecordReader::new(long, b',', 1);
        r.next(&mut rec).unwrap();
        let e = r.next(&mut rec).unwrap_err();
        assert_eq!(e.en(), "line 2: a row longer than 16 MiB");
    }

    #[test]
    fn positions_are_exact_with_crlf_blank_lines_and_quoted_newlines() {
        let data = "a\r\n\r\n\"x\ny\";2\r\nb\n\nc";
        assert_eq!(
            starts(data),
            vec![
                ("a".into(), 0, 1),
                ("x\ny".into(), 5, 3),
                ("b".into(), 14, 5),
                ("c".into(), 17, 7)
            ]
        );
    }

    #[test]
    fn fields_survive_tiny_buffers_and_long_rows() {
        let long = "x".repeat(5000);
        let data = format!(
            "{long};{}\n1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21;22;23;24;25;26;27;28;29;30;31;32;33;34;35;36;37;38;39;40;41;42;43;44;45;46;47;48;49;50;51;52;53;54;55;56;57;58;59;60;61;62;63;64;65;66\n",
            "y"
        );
        let mut r = RecordReader::new(data.as_bytes(), b';', 1);
        let mut rec = Record::new();
        r.next(&mut rec).unwrap().unwrap();
        assert_eq!(rec.get(0).unwrap(), long.as_bytes());
        assert_eq!(rec.get(1).unwrap(), b"y");
        assert_eq!(rec.len(), 2);
        r.next(&mut rec).unwrap().unwrap();
        assert_eq!(rec.len(), 66);
        assert_eq!(rec.get(65).unwrap(), b"66");
        assert_eq!(rec.get(66), None);
        assert!(r.next(&mut rec).unwrap().is_none());
    }
}

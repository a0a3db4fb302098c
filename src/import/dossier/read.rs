//! Running the scanner over a file: one pass, or two threads that each take
//! half of the file. The split is checked, not assumed: the first thread reads
//! on until it meets a record start at or past the split point; only if that
//! start is exactly the split (no quoted field spans it) is the second half's
//! result used; otherwise the caller reads the file again in one pass.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use anyhow::{Context, Result};

use super::scan::Scanner;
use crate::record::{Record, RecordReader, Start};

/// How often (in rows) progress and cancellation are looked at.
const CHECK_EVERY: u64 = 1 << 16;

/// Where the data rows are and how to read them.
pub struct Source<'a> {
    pub path: &'a Path,
    pub file: &'a str,
    pub delimiter: u8,
    /// Byte offset of the first data row in the file.
    pub start: u64,
    /// Line of the first data row.
    pub line: u64,
    pub done: &'a AtomicU64,
}

/// Reads `input` (positioned at a data row; its first byte on `first_line`)
/// to its end, or up to the first record starting at or past `stop` (a byte
/// offset relative to `input`), whose start it then returns.
pub fn scan<R: Read>(
    input: R,
    src: &Source,
    first_line: u64,
    stop: Option<u64>,
    cancel: Option<&AtomicBool>,
    scanner: &mut Scanner,
) -> Result<Option<Start>> {
    let mut rdr = RecordReader::new(input, src.delimiter, first_line);
    let mut rec = Record::new();
    let (mut n, mut reported) = (0u64, 0u64);
    while let Some(start) = rdr
        .next(&mut rec)
        .with_context(|| crate::msg!(CannotReadFile, src.file))?
    {
        if stop.is_some_and(|s| start.byte >= s) {
            src.done.fetch_add(start.byte - reported, Ordering::Relaxed);
            return Ok(Some(start));
        }
        if n == 0 {
            scanner.first = Some(start);
        }
        scanner.row(&rec, start.line)?;
        n += 1;
        if n % CHECK_EVERY == 0 {
            src.done.fetch_add(start.byte - reported, Ordering::Relaxed);
            reported = start.byte;
            if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                break;
            }
        }
    }
    src.done.fetch_add(
        rdr.position().byte.saturating_sub(reported),
        Ordering::Relaxed,
    );
    // Sorted here so each thread sorts its own half.
    scanner.fingerprints.seal();
    Ok(None)
}

/// "x.csv: không mở được: không có tệp hoặc thư mục này".
pub fn open_error(file: &str, e: &std::io::Error) -> anyhow::Error {
    anyhow::anyhow!(crate::msg!(CannotOpen, file) + ": " + crate::i18n::messages::io_why(e))
}

pub fn open_at(path: &Path, offset: u64, file: &str) -> Result<File> {
    let mut f = File::open(path).map_err(|e| open_error(file, &e))?;
    f.seek(SeekFrom::Start(offset))
        .with_context(|| crate::msg!(CannotSeek, file))?;
    Ok(f)
}

/// The first line start at or after the middle of the data, if any.
pub fn split_point(path: &Path, start: u64, size: u64, file: &str) -> Result<Option<u64>> {
    let middle = start + (size - start) / 2;
    let mut f = open_at(path, middle, file)?;
    let mut buf = vec![0u8; 1 << 16];
    let mut at = middle;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        if let Some(i) = memchr_newline(&buf[..n]) {
            return Ok(Some(at + i as u64 + 1).filter(|&s| s < size));
        }
        at += n as u64;
    }
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

/// Both halves in parallel. `first` and `second` are fresh scanners; returns
/// whether `second` holds the second half (else the caller must read the file
/// again in one pass) and the number to add to `second`'s line numbers.
pub fn scan_halves(
    src: &Source,
    split: u64,
    first: &mut Scanner,
    second: &mut Scanner,
) -> Result<(bool, u64)> {
    let cancel = AtomicBool::new(false);
    let (front, back) = std::thread::scope(|s| {
        let back = s.spawn(|| -> Result<()> {
            let input = open_at(src.path, split, src.file)?;
            scan(input, src, 1, None, Some(&cancel), second).map(|_| ())
        });
        let front = (|| -> Result<Option<Start>> {
            let input = open_at(src.path, src.start, src.file)?;
            scan(input, src, src.line, Some(split - src.start), None, first)
        })();
        if !matches!(front, Ok(Some(_))) {
            cancel.store(true, Ordering::Relaxed);
        }
        (
            front,
            back.join().expect("the scanning thread does not panic"),
        )
    });
    let Some(met) = front? else {
        return Ok((false, 0));
    };
    back?;
    // Aligned when the first half meets a record start exactly where the
    // second half's first record starts.
    match second.first {
        Some(b) if src.start + met.byte == split + b.byte => Ok((true, met.line - b.line)),
        _ => Ok((false, 0)),
    }
}

/// Data rows of a UTF-8 file from `start` to the end, in one thread.
pub fn scan_all(src: &Source, scanner: &mut Scanner) -> Result<()> {
    let input = open_at(src.path, src.start, src.file)?;
    scan(input, src, src.line, None, None, scanner).map(|_| ())
}

/// Reads the head of a stream for header detection.
pub fn head<R: Read>(input: &mut R, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(limit);
    input.by_ref().take(limit as u64).read_to_end(&mut buf)?;
    Ok(buf)
}

//! What calamine will build from an `.xls` workbook stream, known before it
//! builds it. calamine reads every sheet into a dense range spanning its
//! cells, reserves memory by the sheet's declared dimensions, and renders
//! every formula as text (in quadratic time on crafted input). We walk the
//! records exactly as it does: declared dimensions and formula token lengths
//! are zeroed in place (we read neither), and each sheet's used area, its
//! cells and the text they will copy are added up, so a stream that would
//! outgrow [`Limits`] is refused before calamine sees it.

use super::Limits;

/// What calamine would hold for the whole workbook.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Estimate {
    /// Sum over sheets of the area of their used range (rows × columns).
    pub area: u64,
    pub cells: u64,
    /// Upper bound of the UTF-8 bytes of text held: the shared strings and
    /// every text cell (3 bytes per byte of a record, 6 per character of a
    /// shared string, which may be stored two bytes a character).
    pub text: u64,
    /// The largest sheet: (its stream offset, last row, last column), 0-based.
    pub widest: Option<(usize, u32, u32)>,
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// One record as calamine's `RecordIter` yields it: type, the offset and
/// length of its data, and the data of the CONTINUE records after it.
struct Record {
    typ: u16,
    at: usize,
    len: usize,
    cont: Vec<(usize, usize)>,
}

/// calamine's record iterator, over offsets: `None` at the end, `Some(Err)`
/// where calamine stops with an error.
fn next(s: &[u8], pos: &mut usize) -> Option<Result<Record, ()>> {
    let rest = &s[*pos..];
    if rest.len() < 4 {
        return if rest.is_empty() { None } else { Some(Err(())) };
    }
    let typ = u16_at(rest, 0)?;
    let len = usize::from(u16_at(rest, 2)?);
    if rest.len() < len + 4 {
        return Some(Err(()));
    }
    let at = *pos + 4;
    *pos += len + 4;
    let mut cont = Vec::new();
    let after = &s[*pos..];
    if after.len() > 4 && u16_at(after, 0) == Some(0x003C) {
        while s.len() - *pos > 4 && u16_at(s, *pos) == Some(0x003C) {
            let l = usize::from(u16_at(s, *pos + 2)?);
            if s.len() - *pos < l + 4 {
                return Some(Err(()));
            }
            cont.push((*pos + 4, l));
            *pos += l + 4;
        }
    }
    Some(Ok(Record { typ, at, len, cont }))
}

/// Walks `stream` as calamine will, zeroing what we do not read, until a
/// walk changes nothing; `None` when calamine would fail on the stream anyway
/// or the walks do not settle (then the file is refused).
pub fn sanitize(stream: &mut [u8]) -> Option<Estimate> {
    for _ in 0..4 {
        let (estimate, changed) = walk(stream)?;
        if !changed {
            return Some(estimate);
        }
    }
    None
}

fn walk(s: &mut [u8]) -> Option<(Estimate, bool)> {
    let mut sheets = Vec::new();
    let mut strings: Vec<u16> = Vec::new();
    let mut pos = 0;
    while let Some(r) = next(s, &mut pos) {
        let r = r.ok()?;
        match r.typ {
            0x0085 => sheets.push(u32_at(s, r.at)? as usize),
            0x00FC => strings = sst(s, &r)?,
            0x000A => break,
            _ => {}
        }
    }
    let mut e = Estimate {
        text: strings.iter().map(|&c| 6 * u64::from(c)).sum(),
        ..Estimate::default()
    };
    let mut changed = false;
    let mut widest = 0;
    for start in sheets {
        if start > s.len() {
            return None;
        }
        let (mut lo, mut hi) = ((u32::MAX, u32::MAX), (0u32, 0u32));
        let mut any = false;
        let mut depth = 0usize;
        let mut seen_bof = false;
        let mut pos = start;
        // A String record's cell is at the last formula's place, (0, 0) first.
        let mut fmla = (0u32, 0u32);
        let mut at = |row: u32, col: u32, n: u64, e: &mut Estimate| {
            lo = (lo.0.min(row), lo.1.min(col));
            hi = (hi.0.max(row), hi.1.max(col));
            any = true;
            e.cells += n;
        };
        while let Some(r) = next(s, &mut pos) {
            let r = r.ok()?;
            if depth > 0 {
                match r.typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let d = &s[r.at..r.at + r.len];
            let rc = (u16_at(d, 0).map(u32::from), u16_at(d, 2).map(u32::from));
            match (r.typ, rc) {
                (0x0809, _) if seen_bof => depth += 1,
                (0x0809, _) => seen_bof = true,
                (0x000A, _) => break,
                (0x0200, _) if d.iter().any(|&b| b != 0) => {
                    s[r.at..r.at + r.len].fill(0);
                    changed = true;
                }
                (0x0006, (Some(row), Some(col))) => {
                    fmla = (row, col);
                    at(row, col, 2, &mut e);
                    if r.len >= 22 && (s[r.at + 20], s[r.at + 21]) != (0, 0) {
                        s[r.at + 20] = 0;
                        s[r.at + 21] = 0;
                        changed = true;
                    }
                }
                (0x0203 | 0x0205 | 0x027E, (Some(row), Some(col))) => at(row, col, 1, &mut e),
                (0x0204 | 0x00D6, (Some(row), Some(col))) => {
                    at(row, col, 1, &mut e);
                    e.text += 3 * r.len as u64;
                }
                (0x0207, _) => {
                    at(fmla.0, fmla.1, 1, &mut e);
                    e.text += 3 * r.len as u64;
                }
                (0x00FD, (Some(row), Some(col))) => {
                    at(row, col, 1, &mut e);
                    let i = u32_at(d, 6).unwrap_or(u32::MAX) as usize;
                    e.text += 6 * u64::from(strings.get(i).copied().unwrap_or(0));
                }
                (0x00BD, (Some(row), Some(first))) if r.len >= 6 => {
                    let last = u32::from(u16_at(d, r.len - 2)?);
                    if last < first {
                        return None;
                    }
                    at(row, first, u64::from(last - first + 1), &mut e);
                    at(row, last, 0, &mut e);
                }
                _ => {}
            }
        }
        if any {
            let area = u64::from(hi.0 - lo.0 + 1) * u64::from(hi.1 - lo.1 + 1);
            e.area += area;
            if area >= widest {
                widest = area;
                e.widest = Some((start, hi.0, hi.1));
            }
        }
    }
    Some((e, changed))
}

/// The character count of each string of a shared string table, read as
/// calamine reads it (`parse_sst`, `read_rich_extended_string`).
fn sst(s: &[u8], r: &Record) -> Option<Vec<u16>> {
    let mut parts = std::iter::once((r.at, r.len)).chain(r.cont.iter().copied());
    let (at, len) = parts.next()?;
    if len < 8 {
        return None;
    }
    let mut data = &s[at + 8..at + len];
    let mut out = Vec::new();
    loop {
        if data.is_empty() {
            match parts.next() {
                Some((a, l)) => data = &s[a..a + l],
                None => return Some(out),
            }
            if data.is_empty() {
                out.push(0);
                continue;
            }
        }
        if data.len() < 3 {
            return None;
        }
        let cch = u16_at(data, 0)?;
        let flags = data[2];
        data = &data[3..];
        let mut runs = 0usize;
        let mut ext = 0usize;
        if flags & 0x8 != 0 {
            runs = usize::from(u16_at(data, 0)?);
            data = &data[2..];
        }
        if flags & 0x4 != 0 {
            ext = usize::try_from(i32::from_le_bytes(data.get(..4)?.try_into().ok()?)).ok()?;
            data = &data[4..];
        }
        // The characters, one or two bytes each, a CONTINUE restating the width.
        let mut left = usize::from(cch);
        let mut wide = flags & 0x1 != 0;
        while left > 0 {
            let take = if wide {
                (data.len() / 2).min(left)
            } else {
                data.len().min(left)
            };
            data = &data[if wide { 2 * take } else { take }..];
            left -= take;
            if left > 0 {
                let (a, l) = parts.next()?;
                data = &s[a..a + l];
                wide = *data.first()? & 0x1 != 0;
                data = &data[1..];
            }
        }
        let mut skip = runs.checked_mul(4)?.checked_add(ext)?;
        while skip > 0 {
            if data.is_empty() {
                let (a, l) = parts.next()?;
                data = &s[a..a + l];
                continue;
            }
            let k = skip.min(data.len());
            data = &data[k..];
            skip -= k;
        }
        out.push(cch);
    }
}

/// Whether calamine may build what `e` says, within `limits`.
pub fn fits(e: &Estimate, limits: &Limits) -> bool {
    e.area <= limits.area && e.cells <= limits.cells as u64 && e.text <= limits.text_bytes as u64
}

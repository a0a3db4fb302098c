//! What one cell holds and where it is, as the user sees it: the value as the
//! file stores it (an Excel number stays the `f64` it is, a date stays its
//! serial), and a position printed the way the user's own program shows it
//! (`file:7:2` for text, `file[Sheet]!B7` for a workbook).

use std::fmt;

/// Excel's last row and column (1,048,576 × XFD): beyond them a position is
/// an error at that cell, never a larger sheet.
pub const MAX_ROW: u64 = 1_048_576;
pub const MAX_COL: u32 = 16_384;

/// One non-empty cell's value, with no round-trip through text.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text as written (every CSV field is text; a workbook's shared, inline
    /// and formula strings).
    Text(String),
    /// A number as stored, never reformatted (always finite).
    Number(f64),
    Bool(bool),
    /// A date or time as the workbook's serial day number in Excel's 1900
    /// date system (1 = 1900-01-01, 45658 = 2025-01-01, the fraction is the
    /// time of day): a number cell whose format is a date format, an `.ods`
    /// date or time, or a serial of a 1904 workbook moved to the 1900 system
    /// (+1462 days). [`Cell::date_time`] gives it as a calendar value.
    Date(f64),
    /// An error value as the sheet shows it: `#N/A`, `#DIV/0!`, `#VALUE!`…
    Error(String),
}

impl Cell {
    /// The text of a text cell.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Cell::Text(s) => Some(s),
            _ => None,
        }
    }

    /// A date cell as a calendar date and time (`None` for other cells and
    /// serials before 1900-03-01, where Excel counts a 29 February 1900 that
    /// never was, or past the year 9999).
    pub fn date_time(&self) -> Option<chrono::NaiveDateTime> {
        let Cell::Date(serial) = *self else {
            return None;
        };
        if !(61.0..2_958_466.0).contains(&serial) {
            return None;
        }
        let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
        let ms = (serial * 86_400_000.0).round() as i64;
        epoch.checked_add_signed(chrono::TimeDelta::try_milliseconds(ms)?)
    }
}

/// A calendar date and time as a serial of Excel's 1900 date system (before
/// 1900-03-01 Excel counts one day less, for its 29 February 1900).
pub fn serial(t: chrono::NaiveDateTime) -> f64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    let ms = (t - epoch).num_milliseconds() as f64;
    let days = ms / 86_400_000.0;
    if days < 61.0 { days - 1.0 } else { days }
}

/// An ISO 8601 date or date and time (`2026-01-05`, `2026-01-05T08:30:00`,
/// fractions of a second and a trailing `Z` allowed) as a calendar value.
pub fn parse_iso(s: &str) -> Option<chrono::NaiveDateTime> {
    let s = s.trim().trim_end_matches('Z');
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
        .ok()
        .or_else(|| {
            let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
            d.and_hms_opt(0, 0, 0)
        })
}

/// How a position is printed: lines and field numbers for text, sheet
/// coordinates for a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Sheet,
}

/// A cell (or, without a column, a whole row) in the user's own file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pos {
    /// `file` for text, `file[Sheet]` for a workbook.
    pub label: String,
    pub kind: Kind,
    /// 1-based: the line where a CSV record starts, a sheet's row number.
    pub row: u64,
    /// 1-based column; `None` for the whole row.
    pub col: Option<u32>,
}

impl Pos {
    /// A place in a workbook's sheet `label` (`file[Sheet]`); a column past
    /// what a sheet can have keeps its size as `u32::MAX`, still an error.
    pub fn in_sheet(label: &str, row: u64, col: Option<u64>) -> Pos {
        Pos {
            label: label.to_string(),
            kind: Kind::Sheet,
            row,
            col: col.map(|c| u32::try_from(c).unwrap_or(u32::MAX)),
        }
    }
}

impl fmt::Display for Pos {
    /// `file:7:2` / `file:7` for text, `file[Sheet]!B7` / `file[Sheet]!7:7`
    /// for a workbook (Excel's own notation for a cell and a row).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.kind, self.col) {
            (Kind::Text, Some(c)) => write!(f, "{}:{}:{c}", self.label, self.row),
            (Kind::Text, None) => write!(f, "{}:{}", self.label, self.row),
            (Kind::Sheet, Some(c)) => write!(f, "{}!{}{}", self.label, letters(c), self.row),
            (Kind::Sheet, None) => write!(f, "{}!{}:{}", self.label, self.row, self.row),
        }
    }
}

/// A 1-based column as letters: 1 → A, 27 → AA, 16384 → XFD.
pub fn letters(col: u32) -> String {
    let mut n = col;
    let mut out = Vec::new();
    while n > 0 {
        let d = (n - 1) % 26;
        out.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A cell reference such as `B7` (`$` signs allowed) as (row, column), each
/// parsed without overflow; `None` when it is not one. Limits are checked by
/// the caller, which knows the cell it is reading.
pub fn parse_ref(r: &str) -> Option<(u64, u64)> {
    let r = r.as_bytes();
    let mut i = 0;
    let mut col: u64 = 0;
    if r.first() == Some(&b'$') {
        i += 1;
    }
    while let Some(&b) = r.get(i).filter(|b| b.is_ascii_alphabetic()) {
        col = col
            .checked_mul(26)?
            .checked_add(u64::from(b.to_ascii_uppercase() - b'A' + 1))?;
        i += 1;
    }
    if r.get(i) == Some(&b'$') {
        i += 1;
    }
    let digits = &r[i..];
    if col == 0 || digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let row = std::str::from_utf8(digits).ok()?.parse().ok()?;
    Some((row, col))
}

/// The column letters of a reference without a row (`B` in `B:B`), or `None`.
pub fn parse_col(r: &str) -> Option<u64> {
    let r = r.strip_prefix('$').unwrap_or(r);
    if r.is_empty() || !r.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    r.bytes().try_fold(0u64, |n, b| {
        n.checked_mul(26)?
            .checked_add(u64::from(b.to_ascii_uppercase() - b'A' + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_as_letters_and_back() {
        for (n, s) in [
            (1, "A"),
            (26, "Z"),
            (27, "AA"),
            (52, "AZ"),
            (703, "AAA"),
            (16384, "XFD"),
        ] {
            assert_eq!(letters(n), s);
            assert_eq!(parse_col(s), Some(u64::from(n)));
            assert_eq!(parse_ref(&format!("{s}7")), Some((7, u64::from(n))));
        }
        assert_eq!(parse_ref("$B$7"), Some((7, 2)));
        assert_eq!(parse_ref("XFE1"), Some((1, 16385)));
        assert_eq!(parse_ref("A99999999999"), Some((99_999_999_999, 1)));
        assert_eq!(parse_ref("A999999999999999999999999"), None);
        assert_eq!(parse_ref("AAAAAAAAAAAAAAAAAAAAAA1"), None);
        for bad in ["", "7", "B", "B-1", "B7x", "7B"] {
            assert_eq!(parse_ref(bad), None, "{bad}");
        }
    }

    #[test]
    fn positions_print_as_each_program_shows_them() {
        let at = |kind, col| Pos {
            label: match kind {
                Kind::Text => "a.csv".into(),
                Kind::Sheet => "a.xlsx[Tháng 10]".into(),
            },
            kind,
            row: 7,
            col,
        };
        assert_eq!(at(Kind::Text, Some(2)).to_string(), "a.csv:7:2");
        assert_eq!(at(Kind::Text, None).to_string(), "a.csv:7");
        assert_eq!(at(Kind::Sheet, Some(2)).to_string(), "a.xlsx[Tháng 10]!B7");
        assert_eq!(at(Kind::Sheet, None).to_string(), "a.xlsx[Tháng 10]!7:7");
    }

    #[test]
    fn date_serials_as_calendar_values() {
        let d = Cell::Date(45658.5).date_time().unwrap();
        assert_eq!(d.to_string(), "2025-01-01 12:00:00");
        assert_eq!(Cell::Date(60.0).date_time(), None);
        assert_eq!(Cell::Number(45658.0).date_time(), None);
        let t = parse_iso("2025-01-01T12:00:00Z").unwrap();
        assert_eq!(serial(t), 45658.5);
        assert_eq!(serial(parse_iso("1900-01-01").unwrap()), 1.0);
        assert_eq!(parse_iso("2025-13-01"), None);
    }
}

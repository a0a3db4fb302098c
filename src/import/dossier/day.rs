//! Dates as the one-stop systems export them (dd/mm/yyyy, with or without a
//! time, or ISO), read straight from bytes into a day number: this runs three
//! times per dossier, millions of times, so no allocation and no chrono here.

use chrono::{Datelike, NaiveDate};

/// Days since 1970-01-01 (proleptic Gregorian).
pub type Day = i32;

/// The date part of a cell; the time, if any, must be well formed but does
/// not count. `None` when the cell is not one of the accepted forms.
pub fn parse(cell: &[u8]) -> Option<Day> {
    let s = cell.trim_ascii();
    let (y, m, d, rest) = if s.len() >= 10 && s[4] == b'-' {
        iso(s)?
    } else if s.len() >= 10 && s[2] == b'/' && s[5] == b'/' {
        // dd/mm/yyyy, by far the most common: fixed places, no search
        (
            num(&s[6..10])? as i32,
            num(&s[3..5])?,
            num(&s[0..2])?,
            &s[10..],
        )
    } else {
        dmy(s)?
    };
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    time_ok(rest).then(|| from_civil(y, m, d))
}

fn iso(s: &[u8]) -> Option<(i32, u32, u32, &[u8])> {
    if s[7] != b'-' {
        return None;
    }
    Some((
        num(&s[0..4])? as i32,
        num(&s[5..7])?,
        num(&s[8..10])?,
        &s[10..],
    ))
}

/// d/m/yyyy with one- or two-digit day and month, as Excel writes them.
fn dmy(s: &[u8]) -> Option<(i32, u32, u32, &[u8])> {
    let a = s.iter().position(|&b| b == b'/')?;
    let b = a + 1 + s[a + 1..].iter().position(|&b| b == b'/')?;
    let (d, m) = (&s[..a], &s[a + 1..b]);
    if !(1..=2).contains(&d.len()) || !(1..=2).contains(&m.len()) || s.len() < b + 5 {
        return None;
    }
    let y = num(&s[b + 1..b + 5])? as i32;
    Some((y, num(m)?, num(d)?, &s[b + 5..]))
}

/// Nothing, or " HH:MM[:SS[.fff]]" / "THH:MM:SS".
fn time_ok(rest: &[u8]) -> bool {
    let Some((&sep, t)) = rest.split_first() else {
        return true;
    };
    // the usual " HH:MM:SS" and " HH:MM", checked in place
    if let [h1, h2, b':', m1, m2, tail @ ..] = t
        && matches!(tail, [] | [b':', b'0'..=b'5', b'0'..=b'9'])
        && (sep == b' ' || sep == b'T')
        && h1.is_ascii_digit()
        && h2.is_ascii_digit()
        && (h1 - b'0') * 10 + (h2 - b'0') <= 23
        && (b'0'..=b'5').contains(m1)
        && m2.is_ascii_digit()
    {
        return true;
    }
    if sep != b' ' && sep != b'T' {
        return false;
    }
    let t = match t.iter().position(|&b| b == b'.') {
        Some(dot) if dot + 1 < t.len() && t[dot + 1..].iter().all(u8::is_ascii_digit) => &t[..dot],
        Some(_) => return false,
        None => t,
    };
    let mut parts = t.split(|&b| b == b':');
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
        return false;
    };
    let s = parts.next();
    let ok = |p: &[u8], max: u32, len: std::ops::RangeInclusive<usize>| {
        len.contains(&p.len()) && num(p).is_some_and(|v| v <= max)
    };
    ok(h, 23, 1..=2)
        && ok(m, 59, 2..=2)
        && s.is_none_or(|s| ok(s, 59, 2..=2))
        && parts.next().is_none()
}

fn num(digits: &[u8]) -> Option<u32> {
    let mut acc = 0u32;
    for &b in digits {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        acc = acc * 10 + u32::from(d);
    }
    (!digits.is_empty()).then_some(acc)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days_from_civil.
fn from_civil(y: i32, m: u32, d: u32) -> Day {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe as u32 * 365 + yoe as u32 / 4 - yoe as u32 / 100 + doy;
    era * 146_097 + doe as i32 - 719_468
}

pub fn from_date(d: NaiveDate) -> Day {
    from_civil(d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day number as chrono counts it, to check the hand-written one.
    fn day(y: i32, m: u32, d: u32) -> Day {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        date.signed_duration_since(epoch).num_days() as Day
    }

    #[test]
    fn accepted_forms_give_the_date_part() {
        assert_eq!(parse(b"31/12/2023"), Some(day(2023, 12, 31)));
        assert_eq!(parse(b"5/3/2023"), Some(day(2023, 3, 5)));
        assert_eq!(parse(b"05/03/2023 17:45"), Some(day(2023, 3, 5)));
        assert_eq!(parse(b"05/03/2023 07:45:09"), Some(day(2023, 3, 5)));
        assert_eq!(parse(b"2023-03-05"), Some(day(2023, 3, 5)));
        assert_eq!(parse(b"2023-03-05T23:59:59"), Some(day(2023, 3, 5)));
        assert_eq!(parse(b"2024-02-29 00:00:00.000"), Some(day(2024, 2, 29)));
        assert_eq!(parse(b"1970-01-01"), Some(0));
    }

    #[test]
    fn impossible_or_odd_dates_are_refused() {
        for bad in [
            &b"29/02/2023"[..],
            b"31/04/2023",
            b"00/01/2023",
            b"1/13/2023",
            b"2023/03/05",
            b"05-03-2023",
            b"05/03/23",
            b"05/03/2023 25:00",
            b"05/03/2023 7",
            b"05/03/2023x",
            b"",
            b"hom nay",
            b"2023-3-5",
        ] {
            assert_eq!(parse(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn day_numbers_match_chrono_over_years() {
        let mut d = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        while d.year() < 2031 {
            let text = format!("{:02}/{:02}/{}", d.day(), d.month(), d.year());
            assert_eq!(
                parse(text.as_bytes()),
                Some(day(d.year(), d.month(), d.day()))
            );
            assert_eq!(from_date(d), day(d.year(), d.month(), d.day()));
            d = d.succ_opt().unwrap();
        }
    }
}

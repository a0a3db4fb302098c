//! Numbers as Vietnamese spreadsheets write them: "1.234" (a thousand),
//! "95,5" and "95,5%", "1 234", "-" for nothing. Which mark groups thousands is
//! the locale's; a value that fits neither rule is an error, never a guess.

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Locale {
    /// `.` groups thousands, `,` is the decimal mark: "1.234,5".
    #[default]
    Vi,
    /// `,` groups thousands, `.` is the decimal mark: "1,234.5".
    En,
}

impl Locale {
    fn marks(self) -> (char, char) {
        match self {
            Locale::Vi => ('.', ','),
            Locale::En => (',', '.'),
        }
    }

    /// A thousand and a decimal, as this locale writes them.
    fn example(self) -> (&'static str, &'static str) {
        match self {
            Locale::Vi => ("1.234", "95,5"),
            Locale::En => ("1,234", "95.5"),
        }
    }

    fn other(self) -> &'static str {
        match self {
            Locale::Vi => "en",
            Locale::En => "vi",
        }
    }
}

/// Parses one cell: `Ok(None)` for empty or a dash (no data).
pub fn parse(cell: &str, locale: Locale) -> Result<Option<f64>, crate::i18n::Text> {
    let t = cell.trim_matches(is_space);
    if t.is_empty() || matches!(t, "-" | "–" | "—") {
        return Ok(None);
    }
    let (body, percent) = match t.strip_suffix('%') {
        Some(b) => (b.trim_matches(is_space), true),
        None => (t, false),
    };
    let (negative, digits) = match body.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, body.strip_prefix('+').unwrap_or(body)),
    };
    let plain = plain_digits(digits, locale).ok_or_else(|| {
        let (group, decimal) = locale.marks();
        let (thousand, fraction) = locale.example();
        crate::msg!(
            NotANumberLocale,
            t,
            locale_name(locale),
            group,
            decimal,
            thousand,
            fraction,
            locale.other()
        )
    })?;
    let plain = if percent {
        shift_two_left(&plain)
    } else {
        plain
    };
    let x: f64 = plain.parse().map_err(|_| crate::msg!(NotANumber, t))?;
    if x >= crate::metrics::EXACT_LIMIT {
        // Written back, it would be other digits (…992 for …993, 1000…0 for
        // 99999…9): refused here, at its cell.
        return Err(crate::msg!(NumberBeyondExact, t));
    }
    Ok(Some(if negative { -x } else { x }))
}

fn locale_name(l: Locale) -> &'static str {
    match l {
        Locale::Vi => "vi",
        Locale::En => "en",
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// "1.234,5" (vi) → "1234.5"; `None` when the groups or marks are not
/// well formed, e.g. "1.5" in vi (a thousands group has three digits).
fn plain_digits(s: &str, locale: Locale) -> Option<String> {
    let (group, decimal) = locale.marks();
    let (int, frac) = match s.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let groups: Vec<&str> = int.split(|c| c == group || is_space(c)).collect();
    let first = groups[0];
    let well_grouped = !first.is_empty()
        && first.bytes().all(|b| b.is_ascii_digit())
        && (groups.len() == 1
            || (first.len() <= 3
                && groups[1..]
                    .iter()
                    .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))));
    if !well_grouped {
        return None;
    }
    let mut out: String = groups.concat();
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

/// Divides a plain decimal string by 100 exactly ("95.5" → "0.955"), so a
/// percentage reads back as the same digits rather than 0.9550000000000001.
fn shift_two_left(plain: &str) -> String {
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let padded = format!("{int:0>3}");
    let cut = padded.len() - 2;
    format!("{}.{}{}", &padded[..cut], &padded[cut..], frac)
}

/// How a number is written in the metrics CSV: whole numbers without a
/// decimal point, others in the shortest form that reads back the same.
pub fn format(x: f64) -> String {
    if x == x.trunc() && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vi(s: &str) -> Result<Option<f64>, String> {
        parse(s, Locale::Vi).map_err(|e| e.render(crate::i18n::Lang::En))
    }

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(vi("1.234"), Ok(Some(1234.0)));
        assert_eq!(vi("1 234"), Ok(Some(1234.0)));
        assert_eq!(vi("1\u{a0}234.567"), Ok(Some(1_234_567.0)));
        assert_eq!(vi("95,5"), Ok(Some(95.5)));
        assert_eq!(vi("95,5%"), Ok(Some(0.955)));
        assert_eq!(vi("5%"), Ok(Some(0.05)));
        assert_eq!(vi("1.234,5"), Ok(Some(1234.5)));
        assert_eq!(vi(" -3 "), Ok(Some(-3.0)));
        assert_eq!(vi(""), Ok(None));
        assert_eq!(vi("-"), Ok(None));
    }

    #[test]
    fn english_numbers() {
        let en = |s| parse(s, Locale::En);
        assert_eq!(en("1.234"), Ok(Some(1.234)));
        assert_eq!(en("1,234"), Ok(Some(1234.0)));
        assert_eq!(en("95.5%"), Ok(Some(0.955)));
        assert!(en("95,5").is_err());
    }

    #[test]
    fn malformed_numbers_say_what_was_expected() {
        assert_eq!(
            vi("1.5").unwrap_err(),
            "`1.5` is not a number: with --locale vi `.` groups thousands and `,` is the decimal mark (e.g. 1.234 or 95,5); use --locale en for the other way"
        );
        for bad in ["abc", "1,2,3", "12.34.5", ",5", "1.2345", "5 %%", "1e5"] {
            assert!(vi(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn numbers_beyond_two_to_the_53_are_refused() {
        let e = vi("99999999999999999999999").unwrap_err();
        assert!(e.contains("`99999999999999999999999` is too large"), "{e}");
        assert!(vi("9.007.199.254.740.993").is_err());
        assert!(vi("-9007199254740993").is_err());
        assert_eq!(
            vi("9.007.199.254.740.991"),
            Ok(Some(9_007_199_254_740_991.0))
        );
        assert_eq!(format(9_007_199_254_740_991.0), "9007199254740991");
    }

    #[test]
    fn formats_whole_numbers_without_point() {
        assert_eq!(format(1234.0), "1234");
        assert_eq!(format(0.955), "0.955");
        assert_eq!(format(-2.0), "-2");
    }
}

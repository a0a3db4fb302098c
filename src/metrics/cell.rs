//! One metrics cell read as a number, strictly: the vocabulary's counts must
//! be whole numbers written with digits only, because `1.608` in a count is
//! almost always a thousands dot (Excel in Vietnam) and reading it as 1.608
//! would give a wrong score that looks right.

use crate::i18n::Text;

/// The recommended vocabulary of SPEC 3.1: counts of dossiers, ratings,
/// letters and petitions, so whole numbers ≥ 0.
pub const COUNTS: [&str; 19] = [
    "tiep_nhan",
    "tiep_nhan_truc_tuyen",
    "tiep_nhan_bcci",
    "tra_kq_bcci",
    "da_giai_quyet",
    "truoc_han",
    "dung_han",
    "tre_han",
    "dang_giai_quyet",
    "dang_qua_han",
    "so_hoa_ho_so",
    "so_hoa_ket_qua",
    "phai_thanh_toan",
    "thanh_toan_truc_tuyen",
    "danh_gia",
    "hai_long",
    "xin_loi",
    "pakn",
    "pakn_dung_han",
];

/// Digits past this many could not be held exactly; no real count has them.
const MAX_DIGITS: usize = 15;

/// 2^53: from here on not every whole number has a double of its own, so a
/// value this large may not be the number written, and no real metric is.
pub const EXACT_LIMIT: f64 = 9_007_199_254_740_992.0;

/// Why a cell is not a value: the message, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCell {
    pub message: Text,
    pub hint: Option<Text>,
}

impl BadCell {
    fn new(message: Text) -> BadCell {
        BadCell {
            message,
            hint: None,
        }
    }

    fn import(message: Text) -> BadCell {
        BadCell {
            message,
            hint: Some(crate::i18n::messages::Msg::HintImportNumbers.into()),
        }
    }
}

/// Whether `metric` must hold whole numbers.
pub fn is_count(metric: &str) -> bool {
    COUNTS.contains(&metric)
}

/// A cell of a metric column: `None` when empty; counts are whole and ≥ 0,
/// other metrics any plain non-negative number with `.` decimals.
pub fn parse(raw: &[u8], count: bool) -> Result<Option<f64>, BadCell> {
    // Most cells are plain counts: read them without the float parser.
    if !raw.is_empty() && raw.len() <= MAX_DIGITS && raw.iter().all(u8::is_ascii_digit) {
        return Ok(Some(
            raw.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64,
        ));
    }
    let s = std::str::from_utf8(raw)
        .map_err(|_| BadCell::new(Text::raw("not UTF-8 text")))?
        .trim();
    if s.is_empty() {
        return Ok(None);
    }
    if count {
        return parse_count(s).map(Some);
    }
    match s.parse::<f64>() {
        Ok(x) if !x.is_finite() => Err(BadCell::new(crate::msg!(NotFinite, s))),
        Ok(x) if x < 0.0 => Err(BadCell::new(crate::msg!(Negative, s))),
        Ok(x) if x >= EXACT_LIMIT => Err(BadCell::new(crate::msg!(NumberBeyondExact, s))),
        Ok(x) => Ok(Some(x)),
        Err(_) if s.contains(',') => Err(BadCell::import(crate::msg!(NotNumberComma, s))),
        Err(_) => Err(BadCell::new(crate::msg!(NotNumberCell, s))),
    }
}

/// A trimmed, non-empty count cell.
fn parse_count(s: &str) -> Result<f64, BadCell> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        let digits = s.trim_start_matches('0');
        if digits.len() > MAX_DIGITS {
            return Err(BadCell::new(crate::msg!(CountTooLarge, s, MAX_DIGITS)));
        }
        return Ok(digits.parse::<u64>().unwrap_or(0) as f64);
    }
    if let Some(whole) = thousands(s) {
        return Err(BadCell::import(crate::msg!(CountThousands, s, whole)));
    }
    match s.parse::<f64>() {
        Ok(x) if x.is_finite() && x < 0.0 => Err(BadCell::new(crate::msg!(Negative, s))),
        Ok(x) if x.is_finite() => Err(BadCell::import(crate::msg!(CountNotWhole, s))),
        _ if s.contains(',') => Err(BadCell::import(crate::msg!(CountSeparators, s))),
        _ => Err(BadCell::new(crate::msg!(CountNotNumber, s))),
    }
}

/// `1.608`, `1,608`, `12.345.678`: groups of three digits after the first
/// one to three, all joined by the same `.` or `,` — the digits without them.
fn thousands(s: &str) -> Option<String> {
    let sep = s.chars().find(|c| *c == '.' || *c == ',')?;
    let mut groups = s.split(sep);
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let ok = (1..=3).contains(&first.len())
        && digits(first)
        && !rest.is_empty()
        && rest.iter().all(|g| g.len() == 3 && digits(g));
    ok.then(|| {
        let joined: String = std::iter::once(first).chain(rest).collect();
        let trimmed = joined.trim_start_matches('0');
        if trimmed.is_empty() {
            "0".into()
        } else {
            trimmed.into()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn count(s: &str) -> Result<Option<f64>, String> {
        parse(s.as_bytes(), true).map_err(|e| e.message.render(Lang::En))
    }

    #[test]
    fn counts_are_digits_only_and_thousands_dots_are_named() {
        assert_eq!(count(" 1608 "), Ok(Some(1608.0)));
        assert_eq!(count(""), Ok(None));
        assert_eq!(count("0000000000000000012"), Ok(Some(12.0)));
        let e = count("1.608").unwrap_err();
        assert!(
            e.contains("`1.608` looks like a thousands separator in a count; write 1608"),
            "{e}"
        );
        let e = count("1,608").unwrap_err();
        assert!(e.contains("write 1608"), "{e}");
        assert!(count("12.345.678").unwrap_err().contains("write 12345678"));
        let e = count("0.5").unwrap_err();
        assert!(e.contains("`0.5` is not a whole number"), "{e}");
        assert!(count("12.0").unwrap_err().contains("not a whole number"));
        assert!(count("-3").unwrap_err().contains("negative value -3"));
        assert!(count("95,5").unwrap_err().contains("not a whole number"));
        assert!(count("abc").unwrap_err().contains("is not a number"));
        assert!(count("1234567890123456").unwrap_err().contains("too large"));
        assert!(
            parse(b"1.608", true)
                .unwrap_err()
                .hint
                .unwrap()
                .render(Lang::En)
                .contains("thidua import")
        );
    }

    #[test]
    fn other_metrics_may_be_decimals() {
        assert_eq!(parse(b"1.608", false), Ok(Some(1.608)));
        assert_eq!(parse(b"0.5", false), Ok(Some(0.5)));
        assert!(
            parse(b"-1", false)
                .unwrap_err()
                .message
                .render(Lang::En)
                .contains("negative value -1")
        );
        assert!(parse(b"inf", false).is_err());
        // Beyond 2^53 a value is not the number written (1e23 for 9…9).
        for big in ["99999999999999999999999", "1e308", "9007199254740993"] {
            let e = parse(big.as_bytes(), false).unwrap_err().message;
            let e = e.render(Lang::En);
            assert!(e.contains("is too large"), "{e}");
        }
        assert_eq!(
            parse(b"9007199254740991", false),
            Ok(Some(9007199254740991.0))
        );
    }
}

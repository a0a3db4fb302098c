//! Cells that spreadsheets will open: text that Excel would take for a formula
//! is neutralised (OWASP "CSV injection"), numbers are left as numbers.

use std::borrow::Cow;

/// Prefixes `'` to text starting with `=`, `+`, `-`, `@`, tab or CR, unless
/// the whole cell is a plain number (so `-1.5` stays a number).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().map_or(true, |x| !x.is_finite()) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("+1+cmd"), "'+1+cmd");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("-inf"), "'-inf");
        assert_eq!(neutralise("-1.5"), "-1.5");
        assert_eq!(neutralise("UBND xã Phước Hải"), "UBND xã Phước Hải");
    }
}

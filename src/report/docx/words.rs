//! How a signed paper writes numbers and dates: 82,29 and 1.608 under
//! `--lang vi`, dates in words as Nghị định 30 writes them ("ngày 05 tháng 12
//! năm 2023"), and "…" wherever a field is left for the pen.

use chrono::{Datelike, NaiveDate};

use crate::i18n::Lang;

/// What an absent field prints as, so the paper can be filled by hand.
pub const BLANK: &str = "…";

/// `x` at `decimals` as the other printed outputs write it (82,29 and 1.608
/// under `Lang::Vi`): [`Lang::num`].
pub fn num(lang: Lang, x: f64, decimals: u32) -> String {
    lang.num(x, decimals)
}

/// "ngày 05 tháng 12 năm 2023": a day under 10 and the months 1 and 2 take a
/// leading zero (ND 30, Phụ lục I); "ngày … tháng … năm …" when absent.
pub fn date_in_words(date: Option<NaiveDate>) -> String {
    match date {
        Some(d) => {
            let month = if d.month() < 3 {
                format!("{:02}", d.month())
            } else {
                d.month().to_string()
            };
            format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
        }
        None => format!("ngày {BLANK} tháng {BLANK} năm {BLANK}"),
    }
}

/// "05/12/2023", or "…".
pub fn short_date(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| BLANK.to_string(), |d| d.format("%d/%m/%Y").to_string())
}

/// The text of a field, or "…".
pub fn or_blank(s: Option<&str>) -> String {
    match s.map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => BLANK.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers_group_thousands_with_dots_and_decimals_with_commas() {
        assert_eq!(num(Lang::Vi, 82.29, 2), "82,29");
        assert_eq!(num(Lang::Vi, 1608.0, 0), "1.608");
        assert_eq!(num(Lang::Vi, 1234567.891, 2), "1.234.567,89");
        assert_eq!(num(Lang::Vi, -1608.5, 1), "-1.608,5");
        assert_eq!(num(Lang::Vi, 0.0, 2), "0,00");
        assert_eq!(num(Lang::Vi, 999.0, 0), "999");
        assert_eq!(num(Lang::En, 1608.25, 2), "1608.25");
    }

    #[test]
    fn dates_in_words_follow_nd30_zeros() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(date_in_words(d(2023, 12, 5)), "ngày 05 tháng 12 năm 2023");
        assert_eq!(date_in_words(d(2024, 2, 29)), "ngày 29 tháng 02 năm 2024");
        assert_eq!(date_in_words(d(2024, 3, 1)), "ngày 01 tháng 3 năm 2024");
        assert_eq!(date_in_words(None), "ngày … tháng … năm …");
        assert_eq!(short_date(d(2023, 12, 5)), "05/12/2023");
    }

    proptest::proptest! {
        #[test]
        fn vietnamese_number_reads_back(x in -1.0e9f64..1.0e9, d in 0u32..4) {
            let vi = num(Lang::Vi, x, d);
            let back = vi.replace('.', "").replace(',', ".");
            proptest::prop_assert_eq!(back, crate::scoring::fmt_num(x, d));
        }
    }
}

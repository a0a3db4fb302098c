//! Output labels in the users' language: Vietnamese by default, English on
//! `--lang en`. Names from input (units, criteria, people) are never translated.
//! Numbers for people follow the language too: 82,29 and 1.608 in Vietnamese,
//! 82.29 and 1608 in English; CSV and JSON always write the machine form.

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// Picks the label for this language; call sites keep both texts side by
    /// side so a translation is never out of sight of its original.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// `x` at `decimals` places as people of this language write it.
    pub fn num(self, x: f64, decimals: u32) -> String {
        self.number(&crate::scoring::fmt_num(x, decimals))
    }

    /// A number already written the machine way (`-1608.5`), rewritten for
    /// people: Vietnamese groups thousands with `.` and uses `,` before the
    /// decimals; English keeps it as it is.
    pub fn number(self, machine: &str) -> String {
        if self == Lang::En {
            return machine.to_string();
        }
        let (sign, rest) = match machine.strip_prefix('-') {
            Some(r) => ("-", r),
            None => ("", machine),
        };
        let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
        if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return machine.to_string(); // inf, NaN: nothing to regroup
        }
        let mut out = String::with_capacity(machine.len() + int.len() / 3);
        out.push_str(sign);
        for (i, d) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push('.');
            }
            out.push(d);
        }
        if !frac.is_empty() {
            out.push(',');
            out.push_str(frac);
        }
        out
    }

    /// A percentage of people's reading: "82,29%".
    pub fn percent(self, x: f64, decimals: u32) -> String {
        format!("{}%", self.num(x, decimals))
    }

    /// Column headers from (Vietnamese, English) pairs.
    pub fn labels(self, pairs: &[(&str, &str)]) -> Vec<String> {
        pairs
            .iter()
            .map(|(vi, en)| self.pick(vi, en).to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;
    use proptest::prelude::*;

    #[test]
    fn vietnamese_numbers_group_thousands_and_use_a_decimal_comma() {
        assert_eq!(Lang::Vi.num(82.29, 2), "82,29");
        assert_eq!(Lang::Vi.num(1608.0, 0), "1.608");
        assert_eq!(Lang::Vi.num(1234567.891, 2), "1.234.567,89");
        assert_eq!(Lang::Vi.num(-1608.5, 1), "-1.608,5");
        assert_eq!(Lang::Vi.num(999.0, 0), "999");
        assert_eq!(Lang::Vi.percent(82.29, 2), "82,29%");
        assert_eq!(Lang::En.num(1608.25, 2), "1608.25");
        assert_eq!(Lang::Vi.number("inf"), "inf");
    }

    proptest! {
        /// Vietnamese and English write the same digits: removing the
        /// grouping dots and turning the comma back gives the machine form.
        #[test]
        fn the_vietnamese_form_reads_back_as_the_number(x in -1.0e9f64..1.0e9, d in 0u32..4) {
            let vi = Lang::Vi.num(x, d);
            let back = vi.replace('.', "").replace(',', ".");
            prop_assert_eq!(back, Lang::En.num(x, d));
        }
    }
}

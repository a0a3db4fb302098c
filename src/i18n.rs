//! Output labels in the users' language: Vietnamese by default, English on
//! `--lang en`. Names from input (units, criteria, people) are never translated.
//! Numbers for people follow the language too: 82,29 and 1.608 in Vietnamese,
//! 82.29 and 1608 in English; CSV and JSON always write the machine form.
//!
//! **Messages are typed until the edge.** The core (campaign, metrics,
//! scoring, import, …) never says anything in a language: `msg!` makes a
//! [`Text`] — a catalogue key and its arguments — and errors, problems and
//! notices carry Texts. The edge chooses the language of the run (`--lang`,
//! `THIDUA_LANG`, default Vietnamese) and turns them into words once, either
//! with [`Text::render`] or, for what prints through `Display` (an `anyhow`
//! chain, a `Problem`), inside [`scope`]`(lang, || …)`.
//!
//! A render scope is not a global language. Nothing computes under it: it is
//! opened by `main` and `cmd` only around printing, on the printing thread,
//! and closed when the text is out; a test renders one error in Vietnamese
//! and in English in the same process. Outside any scope, displaying a
//! message is a bug — words chosen before anyone knew the language — and
//! debug builds panic on it, so every test run checks that the core never
//! renders early (a release build falls back to Vietnamese).

use clap::ValueEnum;

pub mod messages;
pub mod round;
mod scope;
pub mod text;

pub use scope::scope;
pub use text::Text;

/// `x` as an English reader sees it: the library's tests check what
/// messages say in English (tests/messages.rs checks both languages).
#[cfg(test)]
pub fn en(x: impl std::fmt::Display) -> String {
    scope(Lang::En, || x.to_string())
}

/// [`en`] as a method: `error.en()`.
#[cfg(test)]
pub trait InEnglish {
    fn en(&self) -> String;
}

#[cfg(test)]
impl<T: std::fmt::Display + ?Sized> InEnglish for T {
    fn en(&self) -> String {
        en(self)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `THIDUA_LANG`'s value: `en` (or `english`) is English, anything else
    /// Vietnamese. The system locale is never read.
    pub fn from_env(value: Option<&str>) -> Lang {
        match value.map(|v| v.trim().to_ascii_lowercase()) {
            Some(v)
                if v == "en" || v == "english" || v.starts_with("en_") || v.starts_with("en-") =>
            {
                Lang::En
            }
            _ => Lang::Vi,
        }
    }

    /// The language of messages for a command line, before clap reads it:
    /// `--lang en|vi` (or `--lang=…`) wins, else `THIDUA_LANG`, else Vietnamese.
    pub fn for_messages(args: &[String], env: Option<&str>) -> Lang {
        let mut it = args.iter().skip(1);
        let mut chosen = None;
        while let Some(a) = it.next() {
            if a == "--" {
                break;
            }
            let value = match a.strip_prefix("--lang") {
                Some("") => it.next().map(String::as_str),
                Some(v) => v.strip_prefix('='),
                None => None,
            };
            match value {
                Some("en") => chosen = Some(Lang::En),
                Some("vi") => chosen = Some(Lang::Vi),
                _ => {}
            }
        }
        chosen.unwrap_or_else(|| Lang::from_env(env))
    }

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
        self.number(&round::fmt_num(x, decimals))
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
    fn the_flag_wins_over_the_environment_and_vietnamese_is_the_default() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            Lang::for_messages(&args(&["thidua", "rank"]), None),
            Lang::Vi
        );
        assert_eq!(
            Lang::for_messages(&args(&["thidua", "rank"]), Some("en")),
            Lang::En
        );
        assert_eq!(
            Lang::for_messages(&args(&["thidua", "rank"]), Some("C.UTF-8")),
            Lang::Vi
        );
        let en = args(&["thidua", "rank", "--lang", "en"]);
        assert_eq!(Lang::for_messages(&en, None), Lang::En);
        let vi = args(&["thidua", "rank", "--lang=vi"]);
        assert_eq!(Lang::for_messages(&vi, Some("en")), Lang::Vi);
        let file = args(&["thidua", "rank", "--", "--lang", "en"]);
        assert_eq!(Lang::for_messages(&file, None), Lang::Vi);
    }

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

//! The one message catalogue: every error, warning, notice and hint the shell
//! prints, each with its Vietnamese and English text side by side, so a
//! message cannot exist in one language only (a test walks them all). The
//! entries are in `messages/catalogue.rs`, `messages/campaign.rs` (what the
//! checker refuses, expressions, the warnings of `thidua check`) and
//! `messages/import.rs` (reading exports); this file holds the machinery.
//!
//! Placeholders are `{0}`, `{1}`, …; both texts of a message use the same set.
//! The language is chosen once per process by `main` (`--lang`, `THIDUA_LANG`,
//! default Vietnamese) and read by [`lang`]; the pure core never branches on it.

use std::fmt::Display;
use std::sync::OnceLock;

use super::Lang;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language of messages for this process (first call wins).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// Why a file could not be read or opened, in the language of messages:
/// a missing file in words, anything rarer as the system says it.
pub fn io_why(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => Msg::NotFound.s().to_string(),
        _ => e.to_string(),
    }
}

/// The language of messages: the one `main` chose, else `THIDUA_LANG`, else
/// Vietnamese (never the system locale).
pub fn lang() -> Lang {
    // The library's unit tests check what messages say, in English; the
    // binary's tests (tests/messages.rs) check both languages.
    if cfg!(test) && LANG.get().is_none() {
        return Lang::En;
    }
    *LANG.get_or_init(|| Lang::from_env(std::env::var("THIDUA_LANG").ok().as_deref()))
}

macro_rules! catalogue {
    ($($key:ident => $vi:literal, $en:literal;)*) => {
        /// A message of the catalogue; [`Msg::text`] gives it in a language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Msg { $($key,)* }

        impl Msg {
            /// Every message, for the completeness test.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// The raw text (placeholders unfilled) in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match self { $(Msg::$key => lang.pick($vi, $en),)* }
            }
        }
    };
}

impl Msg {
    /// This message in the process language, placeholders filled with `args`.
    pub fn fill(self, args: &[&dyn Display]) -> String {
        self.fill_in(lang(), args)
    }

    /// This message in `lang`, placeholders filled with `args` in one pass,
    /// so a `{1}` inside an argument (a step's action, say) stays as it is.
    pub fn fill_in(self, lang: Lang, args: &[&dyn Display]) -> String {
        let mut out = String::new();
        let mut rest = self.text(lang);
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let arg = after
                .find('}')
                .and_then(|j| after[..j].parse::<usize>().ok().map(|n| (j, n)))
                .and_then(|(j, n)| args.get(n).map(|a| (j, a)));
            match arg {
                Some((j, a)) => {
                    out.push_str(&a.to_string());
                    rest = &after[j + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// This message in `lang`, placeholders filled with `args` in one pass.
    pub(super) fn fill_into(self, lang: Lang, args: &[String], out: &mut String) {
        let args: Vec<&dyn Display> = args.iter().map(|a| a as &dyn Display).collect();
        out.push_str(&self.fill_in(lang, &args));
    }

    /// The plain text in the process language (no placeholders).
    pub fn s(self) -> &'static str {
        self.text(lang())
    }
}

/// `msg!(Key, a, b)`: the message `Key` in the process language with `a`, `b`
/// in its `{0}`, `{1}`.
#[macro_export]
macro_rules! msg {
    ($key:ident $(, $arg:expr)* $(,)?) => {
        $crate::i18n::messages::Msg::$key.fill(&[$(&$arg as &dyn ::std::fmt::Display),*])
    };
}

// One enum from several files: `catalogue.rs` gives its entries to
// `campaign_entries!`, which adds its own and hands them all to
// `import_entries!`, which adds its own and makes the enum with `catalogue!`.
#[macro_use]
mod import;
#[macro_use]
mod campaign;
mod catalogue;
pub use catalogue::Msg;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = s;
        while let Some(i) = rest.find('{') {
            let after = &rest[i + 1..];
            match after.find('}') {
                Some(j) if after[..j].bytes().all(|b| b.is_ascii_digit()) && j > 0 => {
                    out.insert(after[..j].to_string());
                    rest = &after[j + 1..];
                }
                _ => rest = after,
            }
        }
        out
    }

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders() {
        for m in Msg::ALL {
            let (vi, en) = (m.text(Lang::Vi), m.text(Lang::En));
            assert!(!vi.trim().is_empty(), "{m:?} has no Vietnamese text");
            assert!(!en.trim().is_empty(), "{m:?} has no English text");
            assert_eq!(
                placeholders(vi),
                placeholders(en),
                "{m:?}: placeholders differ"
            );
            if *m != Msg::ClapUsage && *m != Msg::Hint {
                assert_ne!(vi, en, "{m:?}: the Vietnamese text is the English one");
            }
        }
    }

    #[test]
    fn placeholders_are_filled_in_either_order() {
        assert_eq!(
            Msg::PeriodFlag.fill_in(Lang::Vi, &[&"--period", &"x"]),
            "--period: x; cần P hoặc TỪ..ĐẾN"
        );
        // One pass: an argument's own `{1}` is not filled.
        assert_eq!(
            Msg::PeriodFlag.fill_in(Lang::En, &[&"{1}", &"x"]),
            "{1}: x; expected P or FROM..TO"
        );
        assert_eq!(
            placeholders("a {1} {0} {x}"),
            ["0", "1"].map(String::from).into()
        );
    }
}

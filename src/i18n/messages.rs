//! The one message catalogue: every error, warning, notice and hint the shell
//! prints, each with its Vietnamese and English text side by side, so a
//! message cannot exist in one language only (a test walks them all). The
//! entries are in `messages/catalogue.rs`, `messages/campaign.rs` (what the
//! checker refuses, expressions, the warnings of `thidua check`) and
//! `messages/import.rs` (reading exports); this file holds the machinery.
//!
//! Placeholders are `{0}`, `{1}`, …; both texts of a message use the same set.
//! `msg!` makes a [`Text`] (the key and its arguments); which language it is
//! said in is chosen where it is rendered, never here.

use super::Lang;
use super::text::Text;

/// Why a file could not be read or opened: a missing file in words, anything
/// rarer as the system says it.
pub fn io_why(e: &std::io::Error) -> Text {
    match e.kind() {
        std::io::ErrorKind::NotFound => Msg::NotFound.into(),
        _ => Text::raw(e.to_string()),
    }
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
    /// This message in `lang`, placeholders filled with `args` in one pass,
    /// so a `{1}` inside an argument (a step's action, say) stays as it is.
    pub(super) fn fill_into(self, lang: Lang, args: &[String], out: &mut String) {
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
                    out.push_str(a);
                    rest = &after[j + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
    }
}

/// `msg!(Key, a, b)`: the message `Key` with `a`, `b` in its `{0}`, `{1}`,
/// as a [`Text`]: an argument that is a message (`Text`, `Msg`) stays one,
/// anything else is captured as it `Display`s.
#[macro_export]
macro_rules! msg {
    ($key:ident $(, $arg:expr)* $(,)?) => {{
        #[allow(unused_imports)]
        use $crate::i18n::text::arg::{Nested as _, Plain as _};
        $crate::i18n::Text::msg(
            $crate::i18n::messages::Msg::$key,
            ::std::vec![$((&$crate::i18n::text::arg::Wrap(&$arg)).to_text()),*],
        )
    }};
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
            crate::msg!(PeriodFlag, "--period", "x").render(Lang::Vi),
            "--period: x; cần P hoặc TỪ..ĐẾN"
        );
        // One pass: an argument's own `{1}` is not filled.
        assert_eq!(
            crate::msg!(PeriodFlag, "{1}", "x").render(Lang::En),
            "{1}: x; expected P or FROM..TO"
        );
        assert_eq!(
            placeholders("a {1} {0} {x}"),
            ["0", "1"].map(String::from).into()
        );
    }
}

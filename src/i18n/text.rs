//! A message as data, not words: the catalogue key and its arguments, each
//! argument text captured as written (a path, an id, a value from the user's
//! file), a number people write differently in each language, or another
//! message. The core builds these; only the edge turns them into words, with
//! [`Text::render`] in the language of the run, or through `Display` inside a
//! [`scope`](super::scope) (how `anyhow` chains and `Problem`s print).

use std::fmt;
use std::ops::{Add, AddAssign};

use super::Lang;
use super::messages::Msg;

/// A message, or text that is not one, not yet in any language.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Part);

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Part {
    /// A catalogue message with the texts of its `{0}`, `{1}`, ….
    Msg(Msg, Vec<Text>),
    /// Words that are no message: a name, a path, a value as written.
    Raw(String),
    /// A number in the machine form (`-1608.5`), written for people of the
    /// language it is rendered in ([`Lang::number`]).
    Number(String),
    /// Texts one after the other.
    Seq(Vec<Text>),
}

impl Default for Part {
    fn default() -> Part {
        Part::Seq(Vec::new())
    }
}

impl Text {
    /// The message `key` with `args` in its placeholders.
    pub fn msg(key: Msg, args: Vec<Text>) -> Text {
        Text(Part::Msg(key, args))
    }

    /// Text that is not a message: the same words in every language.
    pub fn raw(s: impl Into<String>) -> Text {
        Text(Part::Raw(s.into()))
    }

    /// A number written the machine way (`82.29`), which people read as
    /// 82,29 in Vietnamese and 82.29 in English.
    pub fn number(machine: impl Into<String>) -> Text {
        Text(Part::Number(machine.into()))
    }

    /// `texts` one after the other.
    pub fn seq(texts: impl IntoIterator<Item = Text>) -> Text {
        texts.into_iter().fold(Text::default(), |a, b| a + b)
    }

    /// `texts` with `sep` between them.
    pub fn join(texts: impl IntoIterator<Item = Text>, sep: impl Into<Text>) -> Text {
        let sep = sep.into();
        let mut out = Text::default();
        for (i, t) in texts.into_iter().enumerate() {
            if i > 0 {
                out += sep.clone();
            }
            out += t;
        }
        out
    }

    /// Nothing at all (no words in any language).
    pub fn is_empty(&self) -> bool {
        match &self.0 {
            Part::Seq(v) => v.iter().all(Text::is_empty),
            Part::Raw(s) => s.is_empty(),
            _ => false,
        }
    }

    /// Whether this is the message `key` (whatever its arguments).
    pub fn is(&self, key: Msg) -> bool {
        matches!(&self.0, Part::Msg(k, _) if *k == key)
    }

    /// The words, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.write(lang, &mut out);
        out
    }

    fn write(&self, lang: Lang, out: &mut String) {
        match &self.0 {
            Part::Msg(key, args) => {
                let args: Vec<String> = args.iter().map(|a| a.render(lang)).collect();
                key.fill_into(lang, &args, out);
            }
            Part::Raw(s) => out.push_str(s),
            Part::Number(n) => out.push_str(&lang.number(n)),
            Part::Seq(v) => v.iter().for_each(|t| t.write(lang, out)),
        }
    }
}

impl From<Msg> for Text {
    fn from(key: Msg) -> Text {
        Text::msg(key, Vec::new())
    }
}

/// Punctuation and other words of no language (`": "`, `" + "`).
impl From<&'static str> for Text {
    fn from(s: &'static str) -> Text {
        Text::raw(s)
    }
}

impl<T: Into<Text>> Add<T> for Text {
    type Output = Text;

    fn add(mut self, rhs: T) -> Text {
        self += rhs;
        self
    }
}

impl<T: Into<Text>> AddAssign<T> for Text {
    fn add_assign(&mut self, rhs: T) {
        let rhs = rhs.into();
        if rhs.is_empty() {
            return;
        }
        if self.is_empty() {
            *self = rhs;
            return;
        }
        if !matches!(self.0, Part::Seq(_)) {
            let first = std::mem::take(self);
            self.0 = Part::Seq(vec![first]);
        }
        if let Part::Seq(v) = &mut self.0 {
            match rhs.0 {
                Part::Seq(w) => v.extend(w),
                p => v.push(Text(p)),
            }
        }
    }
}

/// The words in the language of the current render scope (see
/// [`super::scope`]): how an `anyhow` chain or a `Problem` prints.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(super::scope::current(self)))
    }
}

impl std::error::Error for Text {}

impl Msg {
    /// This message (with no arguments) in `lang`.
    pub fn render(self, lang: Lang) -> String {
        Text::from(self).render(lang)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Text::from(*self).fmt(f)
    }
}

/// What is said, not written as is: a message, or something made of
/// messages (a problem, a list of them). As an argument of `msg!` it stays a
/// message, so the whole is rendered in one language at the edge.
pub trait Said {
    fn said(&self) -> Text;
}

impl Said for Text {
    fn said(&self) -> Text {
        self.clone()
    }
}

impl Said for Msg {
    fn said(&self) -> Text {
        Text::from(*self)
    }
}

impl<T: Said + ?Sized> Said for &T {
    fn said(&self) -> Text {
        (**self).said()
    }
}

/// How `msg!` takes its arguments: what is [`Said`] stays a message,
/// rendered in the language of the whole; anything else that `Display`s is
/// captured as written. Dispatch on the argument's type by method lookup (a
/// method on `&Wrap<&T>` is found before one on `&&Wrap<&T>`).
#[doc(hidden)]
pub mod arg {
    use super::{Said, Text};
    use std::fmt::Display;

    pub struct Wrap<T>(pub T);

    pub trait Nested {
        fn to_text(&self) -> Text;
    }
    impl<T: Said + ?Sized> Nested for Wrap<&T> {
        fn to_text(&self) -> Text {
            self.0.said()
        }
    }

    pub trait Plain {
        fn to_text(&self) -> Text;
    }
    impl<T: Display + ?Sized> Plain for &Wrap<&T> {
        fn to_text(&self) -> Text {
            Text::raw(self.0.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::scope;

    #[test]
    fn one_message_is_said_in_either_language_in_one_process() {
        let t = crate::msg!(PeriodFlag, "--period", "x");
        assert_eq!(t.render(Lang::Vi), "--period: x; cần P hoặc TỪ..ĐẾN");
        assert_eq!(t.render(Lang::En), "--period: x; expected P or FROM..TO");
        // Through `Display`, as `anyhow` prints it: the scope decides, and
        // an inner scope ends where it was opened.
        let both = scope(Lang::En, || {
            let vi = scope(Lang::Vi, || t.to_string());
            (vi, t.to_string())
        });
        assert_eq!(both.0, t.render(Lang::Vi));
        assert_eq!(both.1, t.render(Lang::En));
    }

    #[test]
    fn nested_messages_and_numbers_take_the_language_of_the_whole() {
        let inner = Text::from(Msg::KindInteger);
        let t = crate::msg!(PeriodFlag, inner, Text::number("1608.5")) + "!";
        assert_eq!(
            t.render(Lang::Vi),
            "một số nguyên: 1.608,5; cần P hoặc TỪ..ĐẾN!"
        );
        assert_eq!(
            t.render(Lang::En),
            "a whole number: 1608.5; expected P or FROM..TO!"
        );
        let list = Text::join([Msg::NameWord.into(), Text::raw("x")], Msg::AndNo);
        assert_eq!(list.render(Lang::En), "name and no x");
        assert_eq!(list.render(Lang::Vi), "tên và x");
        assert!(Text::default().is_empty() && !list.is_empty());
    }

    /// Words chosen before anyone knew the run's language are a bug: every
    /// debug build (so every test) stops at one.
    #[cfg(debug_assertions)]
    #[test]
    fn a_message_displayed_outside_a_render_scope_panics() {
        let t = crate::msg!(PeriodFlag, "--period", "x");
        let early = std::panic::catch_unwind(|| t.to_string());
        assert!(early.is_err());
        assert_eq!(scope(Lang::En, || t.to_string()), t.render(Lang::En));
    }
}

//! The render scope: the language `Display` writes messages in while the
//! edge prints them. See the module notes of `i18n` for why this is not a
//! global language.

use std::cell::Cell;

use super::Lang;
use super::text::Text;

thread_local! {
    static LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Runs `f` with messages `Display`ing in `lang` on this thread; the scope
/// before is back when `f` returns (or panics). Only the edge calls this,
/// around printing.
pub fn scope<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            LANG.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(LANG.with(|c| c.replace(Some(lang))));
    f()
}

/// The language of the scope `text` is displayed in. Outside any scope a
/// message is being turned into words too early, where nobody knows the
/// run's language: a bug, which debug builds (every test) stop at; a release
/// build says it in Vietnamese, the default. A panic being reported is
/// never made a second one.
pub(super) fn current(text: &Text) -> Lang {
    match LANG.with(Cell::get) {
        Some(lang) => lang,
        None if cfg!(debug_assertions) && !std::thread::panicking() => {
            panic!("a message was rendered outside a render scope (i18n::scope): {text:?}")
        }
        None => Lang::default(),
    }
}

//! What a run says besides its result — the campaign's warnings and the
//! readers' notices — printed on stderr, in the run's language, as it is
//! said, and kept: the JSON carries them as data (`warnings: [{code, kind,
//! message, file, line}]`) and `--strict` turns any of them into exit 1
//! before anything is written (the monthly cron job's contract).

use std::cell::RefCell;

use serde::Serialize;

use crate::i18n::messages::Msg;
use crate::i18n::{Lang, Text, scope};
use crate::problem::{Problem, Problems};

/// One warning or notice, as a script reads it.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    /// The message's stable code (`quota_zero`, `blank_notice`…).
    pub code: String,
    /// `warning` (the campaign probably does not mean it) or `notice` (how
    /// the data was read).
    pub kind: &'static str,
    /// The words, in the run's language.
    pub message: String,
    pub file: Option<String>,
    pub line: Option<u64>,
}

/// The sink of a run's warnings and notices.
#[derive(Debug, Default)]
pub struct Said {
    pub lang: Lang,
    notes: RefCell<Vec<Note>>,
}

impl Said {
    pub fn new(lang: Lang) -> Said {
        Said {
            lang,
            notes: RefCell::default(),
        }
    }

    /// A notice about no particular place.
    pub fn notice(&self, text: &Text) {
        eprintln!(
            "{} {}",
            Msg::Notice.render(self.lang),
            text.render(self.lang)
        );
        self.keep("notice", text, None, None);
    }

    /// Notices of a reader, up to the cap, then how many more (all kept).
    pub fn notices(&self, notices: &Problems) {
        let listed = notices.listed();
        scope(self.lang, || {
            for n in &listed {
                eprintln!("{} {n}", Msg::Notice);
            }
            if notices.total() > listed.len() {
                let more = notices.total() - listed.len();
                eprintln!("{} {}", Msg::Notice, crate::msg!(NoticeAndMore, more));
            }
        });
        for p in listed {
            self.keep("notice", &p.message, Some(&p.file), p.line);
        }
    }

    /// The campaign's warnings, as `thidua check` words them.
    pub fn warnings(&self, found: &[Problem]) {
        super::warnings::print(found, self.lang);
        for p in found {
            self.keep("warning", &p.message, Some(&p.file), p.line);
        }
    }

    fn keep(&self, kind: &'static str, text: &Text, file: Option<&str>, line: Option<u64>) {
        self.notes.borrow_mut().push(Note {
            code: text.code().unwrap_or_else(|| kind.to_string()),
            kind,
            message: text.render(self.lang),
            file: file.map(|f| super::scored::file_name(f).to_string()),
            line,
        });
    }

    /// Everything said so far.
    pub fn notes(&self) -> Vec<Note> {
        self.notes.borrow().clone()
    }
}

//! The campaign's warnings — what it allows but probably does not mean — as
//! `thidua check` prints them on stdout and `score`, `rank`, `nominate`
//! once on stderr, in one wording.

use std::fmt::Write as _;

use crate::campaign::{Campaign, lint};
use crate::i18n::Lang;
use crate::metrics::Metrics;
use crate::problem::Problem;
use crate::scoring::UnitScore;

/// The warnings about `written` (the campaign as its file is written: a
/// `--weights` overlay is a what-if, not a mistake) and about how `scores`
/// of `campaign` over `metrics` came out, sorted.
pub fn of(
    written: &Campaign,
    campaign: &Campaign,
    metrics: &Metrics,
    scores: &[UnitScore],
) -> Vec<Problem> {
    let mut found = lint::campaign(written);
    if written.criteria.len() == campaign.criteria.len() {
        found.extend(lint::data(written, &metrics.file, scores));
    }
    found.sort();
    found
}

/// Prints warnings on stderr as errors are printed:
/// `thidua: cảnh báo: file:line:column: …`, in the messages' language.
pub fn print(found: &[Problem], lang: Lang) {
    for p in found {
        eprintln!(
            "thidua: {}: {}: {}",
            label(lang),
            location(p),
            body(p, lang)
        );
    }
}

/// `file:line:column`, as far as known.
pub fn location(p: &Problem) -> String {
    let mut s = p.file.clone();
    if let Some(l) = p.line {
        let _ = write!(s, ":{l}");
        if let Some(c) = p.column {
            let _ = write!(s, ":{c}");
        }
    }
    s
}

pub fn label(lang: Lang) -> &'static str {
    lang.pick("cảnh báo", "warning")
}

/// The message, and the hint on the next line, in `lang`.
pub fn body(p: &Problem, lang: Lang) -> String {
    let mut s = p.message.render(lang);
    if let Some(h) = &p.hint {
        let _ = write!(s, "\n  {}: {}", lang.pick("gợi ý", "hint"), h.render(lang));
    }
    s
}

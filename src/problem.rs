//! One type for everything wrong (or doubtful) in a user's files — file, line,
//! column, message, hint — and one collector with one cap, so that metrics,
//! individuals, import and campaign checks all report the same way: every
//! problem at once, in file order, each saying where and how to fix it.
//!
//! The library fills a [`Problems`] with data problems; `cmd` adds the flag
//! names (a hint such as "use --baseline-period") where only it knows them.

use std::fmt;

use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::i18n::text::Said;

/// Past this many, problems are counted but not listed: a wrong file would
/// otherwise print a line for each of millions of rows.
pub const MAX_LISTED: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: String,
    /// 1-based; `None` when the problem is about the whole file.
    pub line: Option<u64>,
    /// 1-based; `None` when the problem is the whole row.
    pub column: Option<usize>,
    pub message: Text,
    /// How to fix it, when there is something better to say than the message.
    pub hint: Option<Text>,
}

impl Problem {
    /// A problem about a whole file.
    pub fn file(file: impl Into<String>, message: impl Into<Text>) -> Problem {
        Problem {
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A problem on one line (the whole row).
    pub fn line(file: impl Into<String>, line: u64, message: impl Into<Text>) -> Problem {
        Problem {
            line: Some(line),
            ..Problem::file(file, message)
        }
    }

    /// A problem in one cell.
    pub fn cell(
        file: impl Into<String>,
        line: u64,
        column: usize,
        message: impl Into<Text>,
    ) -> Problem {
        Problem {
            line: Some(line),
            column: Some(column),
            ..Problem::file(file, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<Text>) -> Problem {
        self.hint = Some(hint.into());
        self
    }
}

impl Problem {
    /// `file:line:column: message`, and the hint on the next line.
    pub fn text(&self) -> Text {
        let mut at = self.file.clone();
        if let Some(l) = self.line {
            at = format!("{at}:{l}");
            if let Some(c) = self.column {
                at = format!("{at}:{c}");
            }
        }
        let said = Text::raw(at + ": ") + self.message.clone();
        match &self.hint {
            Some(h) => said + "\n  " + Msg::Hint + " " + h.clone(),
            None => said,
        }
    }
}

impl Said for Problem {
    fn said(&self) -> Text {
        self.text()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text().fmt(f)
    }
}

/// The collector: keeps the first [`MAX_LISTED`] problems and counts them all.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Problems {
    list: Vec<Problem>,
    total: usize,
}

impl Problems {
    pub fn new() -> Problems {
        Problems::default()
    }

    /// Problems already capped elsewhere (readers working in parallel keep
    /// their own first ones) and the count of all that were found.
    pub fn from_listed(mut list: Vec<Problem>, total: usize) -> Problems {
        list.sort();
        list.truncate(MAX_LISTED);
        Problems {
            total: total.max(list.len()),
            list,
        }
    }

    pub fn push(&mut self, p: Problem) {
        self.total += 1;
        if self.list.len() < MAX_LISTED {
            self.list.push(p);
        }
    }

    pub fn extend(&mut self, ps: impl IntoIterator<Item = Problem>) {
        for p in ps {
            self.push(p);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Every problem found, listed or not.
    pub fn total(&self) -> usize {
        self.total
    }

    /// The listed problems, in file order.
    pub fn listed(&self) -> Vec<&Problem> {
        let mut v: Vec<&Problem> = self.list.iter().collect();
        v.sort();
        v
    }

    /// `Ok` when nothing was found, else the error listing everything.
    pub fn finish(self) -> Result<(), ProblemsError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(ProblemsError(self))
        }
    }
}

/// Several problems as one error: each listed (up to the cap) and the total.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ProblemsError(pub Problems);

impl Said for ProblemsError {
    fn said(&self) -> Text {
        let listed = self.0.listed();
        let mut out = Text::default();
        for p in &listed {
            out += p.text() + "\n";
        }
        let more = self.0.total - listed.len();
        if more > 0 {
            out += crate::msg!(AndMore, more) + "\n";
        }
        if self.0.total == 1 {
            out + Msg::ProblemsFound1
        } else {
            out + crate::msg!(ProblemsFoundN, self.0.total)
        }
    }
}

impl fmt::Display for ProblemsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, scope};

    #[test]
    fn lists_in_file_order_with_hints_and_counts_the_rest() {
        let raw = Text::raw;
        let mut ps = Problems::new();
        ps.push(Problem::line("a.csv", 9, raw("bad row")));
        ps.push(Problem::cell("a.csv", 3, 2, raw("bad cell")).with_hint(raw("fix it")));
        ps.push(Problem::file("a.csv", raw("no rows")));
        let e = scope(Lang::En, || ps.finish().unwrap_err().to_string());
        assert_eq!(
            e,
            "a.csv: no rows\na.csv:3:2: bad cell\n  hint: fix it\na.csv:9: bad row\n3 problems found"
        );
        let mut many = Problems::new();
        many.extend((0..70).map(|l| Problem::line("a.csv", l, raw("bad"))));
        assert_eq!(many.listed().len(), MAX_LISTED);
        let e = scope(Lang::Vi, || many.finish().unwrap_err().to_string());
        assert!(e.ends_with("… và 20 lỗi khác\ncó 70 lỗi"), "{e}");
        assert!(Problems::new().finish().is_ok());
    }
}

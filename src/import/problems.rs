//! Bad cells are reported all at once, each with file:line:column and what
//! was expected, so one run shows a user everything to fix in the sheet.

use std::fmt;

/// Past this many, problems are counted but not listed: a wrong file would
/// otherwise print a line for each of millions of rows.
pub const MAX_LISTED: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: String,
    pub line: u64,
    /// 1-based; `None` when the problem is the whole row.
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(c) => write!(f, "{}:{}:{}: {}", self.file, self.line, c, self.message),
            None => write!(f, "{}:{}: {}", self.file, self.line, self.message),
        }
    }
}

/// The error returned when any problem was found: every one listed (up to
/// [`MAX_LISTED`]) and the total.
pub fn summary(mut problems: Vec<Problem>, total: usize) -> anyhow::Error {
    problems.sort();
    let mut text: Vec<String> = problems
        .iter()
        .take(MAX_LISTED)
        .map(Problem::to_string)
        .collect();
    if total > text.len() {
        text.push(format!("… and {} more", total - text.len()));
    }
    let noun = if total == 1 { "problem" } else { "problems" };
    text.push(format!(
        "{total} {noun} found; nothing was written (--keep-going writes the valid rows and a .rejects.csv)"
    ));
    anyhow::anyhow!(text.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_in_file_order_and_counts_the_rest() {
        let p = |line, column: Option<usize>| Problem {
            file: "a.csv".into(),
            line,
            column,
            message: "bad".into(),
        };
        let e = summary(vec![p(9, None), p(3, Some(2))], 2).to_string();
        assert_eq!(
            e,
            "a.csv:3:2: bad\na.csv:9: bad\n2 problems found; nothing was written (--keep-going writes the valid rows and a .rejects.csv)"
        );
        let many: Vec<Problem> = (0..60).map(|l| p(l, None)).collect();
        let e = summary(many, 70).to_string();
        assert!(e.contains("… and 20 more\n70 problems found"), "{e}");
    }
}

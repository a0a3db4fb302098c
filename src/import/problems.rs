//! Bad cells are reported all at once, each with file:line:column and what
//! was expected, so one run shows a user everything to fix in the sheet —
//! with the one problem type of [`crate::problem`], and import's own closing
//! line: nothing was written.

use crate::problem::{Problems, ProblemsError};

/// The error returned when any problem was found: every one listed (up to
/// [`crate::problem::MAX_LISTED`]), the total, and that nothing was written.
pub fn summary(problems: Problems) -> anyhow::Error {
    anyhow::anyhow!(crate::msg!(ImportNothingWritten, ProblemsError(problems)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;
    use crate::problem::Problem;

    #[test]
    fn lists_in_file_order_and_counts_the_rest() {
        let mut ps = Problems::new();
        ps.push(Problem::line("a.csv", 9, "bad"));
        ps.push(Problem::cell("a.csv", 3, 2, "bad"));
        assert_eq!(
            summary(ps).en(),
            "a.csv:3:2: bad\na.csv:9: bad\n2 problems found; nothing was written (--keep-going writes the valid rows and a .rejects.csv)"
        );
        let many: Vec<Problem> = (0..60).map(|l| Problem::line("a.csv", l, "bad")).collect();
        let e = summary(Problems::from_listed(many, 70)).en();
        assert!(e.contains("… and 20 more\n70 problems found"), "{e}");
    }
}

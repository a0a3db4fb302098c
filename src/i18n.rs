//! Output labels in the users' language: Vietnamese by default, English on
//! `--lang en`. Names from input (units, criteria, people) are never translated.

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// Picks the label for this language; call sites keep both texts side by
    /// side so a translation is never out of sight of its original.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// Column headers from (Vietnamese, English) pairs.
    pub fn labels(self, pairs: &[(&str, &str)]) -> Vec<String> {
        pairs
            .iter()
            .map(|(vi, en)| self.pick(vi, en).to_string())
            .collect()
    }
}

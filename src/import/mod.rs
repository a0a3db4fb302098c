//! `thidua import`: what staff really receive — spreadsheet exports of unit
//! tables, or the dossier-by-dossier list of the one-stop system — turned into
//! the metrics CSV that score, rank and nominate read (SPEC 3.1).

pub mod aliases;
pub mod any;
pub mod decode;
pub mod dossier;
pub mod grid;
pub mod groups;
pub mod merge;
pub mod number;
pub mod people;
pub mod problems;
pub mod table;
pub mod text;
pub mod workbook;
pub mod write;

use anyhow::{Result, bail};

use crate::campaign::Campaign;
use crate::i18n::{Lang, Text};

pub use aliases::Aliases;
pub use any::{Origin, Readable, read_any};
pub use number::Locale;

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub locale: Locale,
    /// Forced delimiter; detected among `,` `;` tab when `None`.
    pub delimiter: Option<u8>,
    /// Add up a metric given for one unit by several files.
    pub sum: bool,
    /// Write the valid rows and set the others aside instead of failing.
    pub keep_going: bool,
    /// The language of the reasons in the rows set aside.
    pub lang: Lang,
}

/// What an import produced, for the command to write and report.
#[derive(Debug)]
pub struct Imported {
    pub metrics_csv: Vec<u8>,
    /// Rows set aside (`--keep-going` only), as CSV, and how many.
    pub rejects_csv: Option<Vec<u8>>,
    pub rejected: usize,
    pub units: usize,
    /// Dropped rows, inferred groups, kept unknown columns.
    pub notices: Vec<Text>,
}

/// Imports unit-level tables: `files` are (name for messages, bytes).
pub fn tables(
    files: &[(String, Vec<u8>)],
    campaign: &Campaign,
    aliases: &Aliases,
    opts: &Options,
) -> Result<Imported> {
    let reading = table::Reading {
        aliases,
        locale: opts.locale,
        delimiter: opts.delimiter,
    };
    let tables = files
        .iter()
        .map(|(name, bytes)| reading.table(bytes, name))
        .collect::<Result<Vec<_>>>()?;
    let groups = groups::GroupNames::new(campaign);
    let merger = merge::Merger {
        groups: &groups,
        aliases,
        sum: opts.sum,
    };
    let merged = merger.merge(tables)?;
    let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
    check_merged(&merged, &names, opts.keep_going)?;
    Ok(Imported {
        metrics_csv: write::metrics_csv(&merged.metrics, merged.has_period, &merged.units)?,
        rejects_csv: opts
            .keep_going
            .then(|| write::rejects_csv(&merged.rejects, opts.lang))
            .transpose()?,
        rejected: merged.rejects.len(),
        units: merged.units.len(),
        notices: merged.notices,
    })
}

/// Fails on rows set aside (unless `keep_going`) and on a table without units.
fn check_merged(merged: &merge::Merged, files: &[&str], keep_going: bool) -> Result<()> {
    if !merged.rejects.is_empty() && !keep_going {
        let mut problems = crate::problem::Problems::new();
        problems.extend(merged.rejects.iter().map(|r| r.problem.clone()));
        return Err(problems::summary(problems));
    }
    if merged.units.is_empty() && merged.rejects.is_empty() {
        bail!(crate::msg!(NoUnitRows, files.join(", ")));
    }
    Ok(())
}

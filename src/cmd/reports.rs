//! The shell around the HTML and Excel renderers: reads the clock (the
//! renderers are pure), refuses binary output on a terminal, and picks the
//! rich report of each command when `--format` asks for html or xlsx.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::Result;
use chrono::{DateTime, NaiveDateTime};

use super::{OutputArgs, UsageError};
use crate::ranking::GroupRanking;
use crate::report::html::{self, Meta};
use crate::report::nominate::NominationView;
use crate::report::units::View;
use crate::report::xlsx::{self, Sheet};
use crate::report::{Format, Table};

/// When the report is made: `SOURCE_DATE_EPOCH` (seconds, UTC) when set, so
/// a committed example regenerates byte for byte; else the local clock.
pub fn now() -> Result<NaiveDateTime> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(s) => s
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .map(|t| t.naive_utc())
            .ok_or_else(|| {
                UsageError(format!(
                    "SOURCE_DATE_EPOCH: `{s}` is not a number of seconds since 1970"
                ))
                .into()
            }),
        Err(_) => Ok(chrono::Local::now().naive_local()),
    }
}

fn meta() -> Result<Meta> {
    Ok(Meta { generated: now()? })
}

/// A workbook is binary: on a terminal it would only scramble the screen.
pub fn refuse_terminal(out: &OutputArgs, format: Format) -> Result<()> {
    let terminal = out.output.is_none() && std::io::stdout().is_terminal();
    binary_on_terminal(format, terminal)
}

fn binary_on_terminal(format: Format, terminal: bool) -> Result<()> {
    if format == Format::Xlsx && terminal {
        return Err(UsageError(
            "--format xlsx writes a binary workbook: give -o FILE.xlsx (or redirect the output)"
                .into(),
        )
        .into());
    }
    Ok(())
}

/// Any command's tables as a plain document or workbook (one sheet each).
pub fn generic(out: &OutputArgs, format: Format, tables: Vec<Table>) -> Result<Vec<u8>> {
    refuse_terminal(out, format)?;
    let meta = meta()?;
    if format == Format::Html {
        let title = tables
            .iter()
            .find_map(|t| t.title.clone())
            .unwrap_or_else(|| "thidua".into());
        return Ok(html::tables(out.lang, &title, &tables, &meta).into_bytes());
    }
    let sheets: Vec<Sheet> = tables
        .into_iter()
        .enumerate()
        .map(|(i, t)| Sheet {
            name: t.title.clone().unwrap_or_else(|| format!("Sheet{}", i + 1)),
            table: t,
        })
        .collect();
    xlsx::workbook(&sheets, meta.generated)
}

/// Writes `render()`'s bytes when the format is html or xlsx; `None` leaves
/// the other formats to the command.
fn rich(
    out: &OutputArgs,
    inputs: &[&Path],
    render: impl FnOnce(Format, &Meta) -> Result<Vec<u8>>,
) -> Option<Result<()>> {
    let format = out.format();
    if !matches!(format, Format::Html | Format::Xlsx) {
        return None;
    }
    let run = || {
        refuse_terminal(out, format)?;
        let bytes = render(format, &meta()?)?;
        crate::output::emit(out.output.as_deref(), &bytes, inputs)
    };
    Some(run())
}

/// `rank`: charts with the quota line per group, or a sheet per group.
/// `tables` are the rank tables the other formats show.
pub fn rank(
    out: &OutputArgs,
    view: &View,
    groups: &[GroupRanking],
    tier: Option<usize>,
    tables: impl FnOnce() -> Vec<Table>,
    inputs: &[&Path],
) -> Option<Result<()>> {
    rich(out, inputs, |format, meta| match format {
        Format::Html => Ok(html::rank(view, groups, tier, &tables(), meta).into_bytes()),
        _ => xlsx::workbook(&xlsx::rank_sheets(view, groups, tables()), meta.generated),
    })
}

/// `score`: the table split by group, with each group's breakdown.
pub fn score(
    out: &OutputArgs,
    view: &View,
    table: impl FnOnce() -> Table,
    inputs: &[&Path],
) -> Option<Result<()>> {
    rich(out, inputs, |format, meta| {
        let table = table();
        match format {
            Format::Html => Ok(html::score(view, &table, meta).into_bytes()),
            _ => xlsx::workbook(&xlsx::score_sheets(view, &table), meta.generated),
        }
    })
}

/// `nominate`: the proposal lists, per tier.
pub fn nominate(out: &OutputArgs, view: &NominationView, inputs: &[&Path]) -> Option<Result<()>> {
    rich(out, inputs, |format, meta| match format {
        Format::Html => Ok(html::nominate(view, meta).into_bytes()),
        _ => xlsx::workbook(&xlsx::nominate_sheets(view), meta.generated),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_workbook_is_kept_off_the_terminal() {
        let e = binary_on_terminal(Format::Xlsx, true).unwrap_err();
        assert!(e.downcast_ref::<UsageError>().is_some(), "exit code 2");
        assert!(e.to_string().contains("give -o FILE.xlsx"), "{e}");
        assert!(binary_on_terminal(Format::Xlsx, false).is_ok());
        assert!(binary_on_terminal(Format::Html, true).is_ok());
    }
}

//! The shell around the HTML, Excel and Word renderers: reads the clock and
//! the `--doc` fields (the renderers are pure) and picks the rich report of
//! each command when `--format` asks for html, xlsx or docx (a binary file on
//! a terminal was refused by `resolve`).

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{DateTime, NaiveDateTime};

use super::UsageError;
use super::resolve::Output;
use crate::ranking::GroupRanking;
use crate::report::docx::DocFields;
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

/// Any command's tables as a plain document or workbook (one sheet each).
pub fn generic(out: &Output, format: Format, tables: Vec<Table>) -> Result<Vec<u8>> {
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
    out: &Output,
    inputs: &[&Path],
    render: impl FnOnce(Format, &Meta) -> Result<Vec<u8>>,
) -> Option<Result<()>> {
    let format = out.format();
    if !matches!(format, Format::Html | Format::Xlsx) {
        return None;
    }
    let run = || {
        let bytes = render(format, &meta()?)?;
        crate::output::emit(out.output.as_deref(), &bytes, inputs)
    };
    Some(run())
}

/// `rank`: charts with the quota line per group, or a sheet per group.
/// `tables` are the rank tables the other formats show.
pub fn rank(
    out: &Output,
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
    out: &Output,
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
pub fn nominate(out: &Output, view: &NominationView, inputs: &[&Path]) -> Option<Result<()>> {
    rich(out, inputs, |format, meta| match format {
        Format::Html => Ok(html::nominate(view, meta).into_bytes()),
        _ => xlsx::workbook(&xlsx::nominate_sheets(view), meta.generated),
    })
}

/// `--doc`: the fields of the .docx paper (`score`, `rank`, `nominate`).
#[derive(Debug, clap::Args)]
pub struct DocArgs {
    /// Document fields for --format docx: issuer, number, place, date, signer,
    /// the Tờ trình, recipients (YAML, see examples/van-ban.yaml); absent ones print as "…".
    #[arg(long, value_name = "FILE")]
    pub doc: Option<PathBuf>,
}

impl DocArgs {
    /// The fields when the output is a .docx (blank without `--doc`), read
    /// before any data; `--doc` with another format is a usage error.
    pub fn load(&self, out: &Output) -> Result<Option<DocFields>> {
        match (&self.doc, out.format()) {
            (None, Format::Docx) => Ok(Some(DocFields::default())),
            (None, _) => Ok(None),
            (Some(p), Format::Docx) => {
                let text = super::read_text(p)?;
                Ok(Some(DocFields::from_yaml(&text, &p.display().to_string())?))
            }
            (Some(_), f) => Err(UsageError(format!(
                "--doc fills a Word document: add --format docx or -o FILE.docx (the output is {})",
                f.name()
            ))
            .into()),
        }
    }

    pub fn inputs(&self) -> impl Iterator<Item = &Path> {
        self.doc.iter().map(PathBuf::as_path)
    }
}

/// Writes the paper `render` makes from the fields, when there are fields
/// (the output is a .docx); `None` leaves the other formats to the command.
pub fn docx(
    out: &Output,
    fields: Option<&DocFields>,
    inputs: &[&Path],
    render: impl FnOnce(&DocFields) -> Result<Vec<u8>>,
) -> Option<Result<()>> {
    let fields = fields?;
    Some(
        render(fields).and_then(|bytes| crate::output::emit(out.output.as_deref(), &bytes, inputs)),
    )
}

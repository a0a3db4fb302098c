//! One output pipeline: each command builds its report once as a typed value
//! ([`Report`]), every format is a [`Renderer`] of those values, and
//! [`render`] turns any report into any format's bytes (the model is
//! hyperfine's exporter trait). A new format is one more renderer and one
//! more line in [`renderer`].

use anyhow::{Context as _, Result};
use chrono::NaiveDateTime;

use super::deadlines::DeadlinesReport;
use super::explain::{explain_json, explain_tables};
use super::html::{self, Meta};
use super::nominate::NominationView;
use super::units::{UnitColumns, View};
use super::xlsx::{self, Sheet};
use super::{Format, Table, json, render_csv, render_md, render_table};
use crate::UsageError;
use crate::i18n::Lang;
use crate::ranking::GroupRanking;
use crate::scoring::{Scorer, UnitScore};
use crate::stamp::Stamp;

/// Every report a command writes, as computed (nothing rendered yet).
pub enum Report<'a> {
    /// `score`: every unit's figures in file order, with the columns of the
    /// what-if modes and decisions in use.
    Score {
        view: View<'a>,
        extras: Vec<&'a dyn UnitColumns>,
    },
    /// `rank`: the groups' rankings (and the tier's quota line).
    Rank {
        view: View<'a>,
        groups: &'a [GroupRanking],
        tier: Option<usize>,
        extras: Vec<&'a dyn UnitColumns>,
    },
    /// `score --explain UNIT`: every number of one unit.
    Explain {
        view: View<'a>,
        scorer: &'a Scorer<'a>,
        score: &'a UnitScore,
    },
    /// `nominate`: the proposal lists per tier.
    Nominate(NominationView<'a>),
    /// `deadlines`: the checklist.
    Deadlines(DeadlinesReport<'a>),
    /// `gap UNIT`: what it would take, lever by lever.
    Gap(super::gap::Gap<'a>),
}

/// "Mã kiểm tra: XXXX-XXXX-XXXX" in the report's language.
fn stamp_line(lang: Lang, s: &Stamp) -> String {
    format!("{}: {}", lang.pick("Mã kiểm tra", "Stamp"), s.code)
}

impl Report<'_> {
    /// The run's stamp, on reports people read or sign.
    pub fn stamp(&self) -> Option<&Stamp> {
        match self {
            Report::Score { view, .. }
            | Report::Rank { view, .. }
            | Report::Explain { view, .. } => view.stamp,
            Report::Nominate(v) => v.units.stamp,
            Report::Deadlines(_) | Report::Gap(_) => None,
        }
    }

    fn lang(&self) -> Lang {
        match self {
            Report::Score { view, .. }
            | Report::Rank { view, .. }
            | Report::Explain { view, .. } => view.lang,
            Report::Nominate(v) => v.units.lang,
            Report::Deadlines(d) => d.cx.lang,
            Report::Gap(g) => g.view.lang,
        }
    }

    /// The tables people read (terminal, Markdown, and the plain page and
    /// workbook of reports without a richer one).
    pub fn tables(&self) -> Vec<Table> {
        match self {
            Report::Score { view, extras } => vec![view.score_table_with(false, extras)],
            Report::Rank {
                view,
                groups,
                tier,
                extras,
            } => view.rank_tables_with(groups, *tier, extras),
            Report::Explain {
                view,
                scorer,
                score,
            } => explain_tables(view, scorer, score),
            Report::Nominate(v) => v.tables(),
            Report::Deadlines(_) => Vec::new(),
            Report::Gap(g) => g.tables(),
        }
    }

    /// The one table a spreadsheet or script reads (stable headers).
    pub fn csv_table(&self) -> Option<Table> {
        match self {
            Report::Score { view, extras } => Some(view.score_table_with(true, extras)),
            Report::Rank {
                view,
                groups,
                extras,
                ..
            } => Some(view.rank_csv_with(groups, extras)),
            Report::Explain {
                view,
                scorer,
                score,
            } => explain_tables(view, scorer, score).into_iter().next(),
            Report::Nominate(v) => Some(v.csv()),
            Report::Deadlines(_) => None,
            Report::Gap(g) => Some(g.csv_table()),
        }
    }
}

/// Turns a report into the bytes of one format. `generated` is when the
/// report is made (the dated formats print it; the renderers read no clock).
pub trait Renderer {
    fn render(&self, report: &Report, generated: Option<NaiveDateTime>) -> Result<Vec<u8>>;
}

/// The renderer of each format.
pub fn renderer(format: Format) -> &'static dyn Renderer {
    match format {
        Format::Table => &Terminal,
        Format::Csv => &Csv,
        Format::CsvExcel => &CsvExcel,
        Format::Json => &Json,
        Format::Md => &Markdown,
        Format::Html => &Html,
        Format::Xlsx => &Xlsx,
        Format::Ics => &Ics,
        Format::Docx => &Docx,
    }
}

/// Any report in any format; a format the report has no renderer for is a
/// usage error (`resolve` refuses those before any data is read).
pub fn render(
    report: &Report,
    format: Format,
    generated: Option<NaiveDateTime>,
) -> Result<Vec<u8>> {
    renderer(format).render(report, generated)
}

/// Formats that print when the report was made.
pub fn dated(format: Format) -> bool {
    matches!(format, Format::Html | Format::Xlsx)
}

fn cannot(format: Format) -> anyhow::Error {
    UsageError(crate::msg!(CannotWrite, format.name())).into()
}

fn meta(report: &Report, generated: Option<NaiveDateTime>) -> Result<Meta> {
    Ok(Meta {
        stamp: report.stamp().map(|s| s.code.clone()),
        generated: generated.context("a dated report needs its generation time")?,
    })
}

/// The paper to sign: a Word document in the Nghị định 30 layout, with the
/// `--doc` fields the view carries (every absent field "…").
struct Docx;

impl Renderer for Docx {
    fn render(&self, report: &Report, _: Option<NaiveDateTime>) -> Result<Vec<u8>> {
        let fields = |v: &View| v.doc.cloned().unwrap_or_default();
        let stamp = report.stamp().map(|s| stamp_line(report.lang(), s));
        let stamp = stamp.as_deref();
        match report {
            Report::Score { view, extras } => {
                super::docx::score(view, extras, &fields(view), stamp)
            }
            Report::Rank {
                view,
                groups,
                tier,
                extras,
            } => super::docx::rank(view, groups, *tier, extras, &fields(view), stamp),
            Report::Nominate(v) => super::docx::nominate(v, &fields(&v.units), stamp),
            _ => Err(cannot(Format::Docx)),
        }
    }
}

/// A table for the terminal (`.txt`).
struct Terminal;

impl Renderer for Terminal {
    fn render(&self, report: &Report, _: Option<NaiveDateTime>) -> Result<Vec<u8>> {
        let mut text = match report {
            Report::Deadlines(d) => d.table(),
            r => render_table(&r.tables(), r.lang()),
        };
        if let Some(s) = report.stamp() {
            text.push_str(&format!("\n{}\n", stamp_line(report.lang(), s)));
        }
        Ok(text.into_bytes())
    }
}

/// CSV: stable headers, numbers with a decimal point, in any language.
struct Csv;

impl Renderer for Csv {
    fn render(&self, report: &Report, _: Option<NaiveDateTime>) -> Result<Vec<u8>> {
        match report {
            Report::Deadlines(d) => Ok(d.csv()),
            r => Ok(render_csv(&r.csv_table().unwrap_or_default())),
        }
    }
}

/// CSV for a double-click in Vietnamese Excel: BOM, `;`, decimal commas.
struct CsvExcel;

impl Renderer for CsvExcel {
    fn render(&self, report: &Report, _: Option<NaiveDateTime>) -> Result<Vec<u8>> {
        match report {
            Report::Deadlines(_) => Err(cannot(Format::CsvExcel)),
            r => Ok(super::render_csv_excel(&r.csv_table().unwrap_or_default())),
        }
    }
}

/// The version of the JSON contract, the first member of every JSON a
/// command writes: a script checks it before reading on. It changes when a
/// member is renamed, removed or changes meaning (adding one does not).
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON contract: `schema_version`, then the `#[derive(Serialize)]`
/// value of each report, then its stamp.
struct Json;

impl Renderer for Json {
    fn render(&self, report: &Report, _: Option<NaiveDateTime>) -> Result<Vec<u8>> {
        let typed: serde_json::Value = serde_json::from_slice(&unstamped_json(report)?)
            .context("re-reading the JSON to stamp it")?;
        let mut top = serde_json::Map::new();
        top.insert("schema_version".into(), SCHEMA_VERSION.into());
        match typed {
            serde_json::Value::Object(o) => top.extend(o),
            other => {
                top.insert("report".into(), other);
            }
        }
        // The stamp is a member of the top-level object, after the others.
        if let Some(stamp) = report.stamp() {
            top.insert("stamp".into(), serde_json::to_value(stamp)?);
        }
        json::to_bytes(&top)
    }
}

/// The typed JSON of a report, before its stamp.
fn unstamped_json(report: &Report) -> Result<Vec<u8>> {
    {
        match report {
            Report::Score { view, extras } => json::to_bytes(&view.score_json_with(extras)),
            Report::Rank {
                view,
                groups,
                tier,
                extras,
            } => json::to_bytes(&view.rank_json_with(groups, *tier, extras)),
            Report::Explain {
                view,
                scorer,
                score,
            } => json::to_bytes(&explain_json(view, scorer, score)),
            Report::Nominate(v) => json::to_bytes(&v.json()),
            Report::Deadlines(d) => json::to_bytes(&d.json()),
            Report::Gap(g) => json::to_bytes(&g.json()),
        }
    }
}

/// Markdown: the ready-to-paste list for `nominate`, a checklist for
/// `deadlines`, titled tables for the rest.
struct Markdown;

impl Renderer for Markdown {
    fn render(&self, report: &Report, _: Option<NaiveDateTime>) -> Result<Vec<u8>> {
        let mut text = match report {
            Report::Nominate(v) => v.markdown(),
            Report::Deadlines(d) => d.markdown(),
            r => render_md(&r.tables(), r.lang()),
        };
        if let Some(s) = report.stamp() {
            text.push_str(&format!("\n{}\n", stamp_line(report.lang(), s)));
        }
        Ok(text.into_bytes())
    }
}

/// The printable page with charts.
struct Html;

impl Renderer for Html {
    fn render(&self, report: &Report, generated: Option<NaiveDateTime>) -> Result<Vec<u8>> {
        let meta = meta(report, generated)?;
        let page = match report {
            Report::Score { view, extras } => {
                html::score(view, &view.score_table_with(false, extras), &meta)
            }
            Report::Rank {
                view,
                groups,
                tier,
                extras,
            } => html::rank(
                view,
                groups,
                *tier,
                &view.rank_tables_with(groups, *tier, extras),
                &meta,
            ),
            Report::Nominate(v) => html::nominate(v, &meta),
            Report::Explain { view, .. } => {
                let tables = report.tables();
                let title = tables
                    .iter()
                    .find_map(|t| t.title.clone())
                    .unwrap_or_else(|| "thidua".into());
                html::tables(view.lang, &title, &tables, &meta)
            }
            Report::Deadlines(_) | Report::Gap(_) => return Err(cannot(Format::Html)),
        };
        Ok(page.into_bytes())
    }
}

/// The Excel workbook: a sheet per group or tier.
struct Xlsx;

impl Renderer for Xlsx {
    fn render(&self, report: &Report, generated: Option<NaiveDateTime>) -> Result<Vec<u8>> {
        let meta = meta(report, generated)?;
        let mut sheets = match report {
            Report::Score { view, extras } => {
                xlsx::score_sheets(view, &view.score_table_with(false, extras))
            }
            Report::Rank {
                view,
                groups,
                tier,
                extras,
            } => xlsx::rank_sheets(view, groups, view.rank_tables_with(groups, *tier, extras)),
            Report::Nominate(v) => xlsx::nominate_sheets(v),
            Report::Explain { .. } => report
                .tables()
                .into_iter()
                .enumerate()
                .map(|(i, t)| Sheet {
                    name: t.title.clone().unwrap_or_else(|| format!("Sheet{}", i + 1)),
                    table: t,
                })
                .collect(),
            Report::Deadlines(_) | Report::Gap(_) => return Err(cannot(Format::Xlsx)),
        };
        // Every sheet can be printed alone: each carries the stamp.
        if let Some(s) = report.stamp() {
            for sheet in &mut sheets {
                sheet.table.notes.push(stamp_line(report.lang(), s));
            }
        }
        xlsx::workbook(&sheets, meta.generated, report.lang())
    }
}

/// iCalendar, for the deadlines.
struct Ics;

impl Renderer for Ics {
    fn render(&self, report: &Report, _: Option<NaiveDateTime>) -> Result<Vec<u8>> {
        match report {
            Report::Deadlines(d) => Ok(d.ics().into_bytes()),
            _ => Err(cannot(Format::Ics)),
        }
    }
}

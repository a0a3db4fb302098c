//! The command line: one file per subcommand, each with its clap args and a
//! `run`; this module holds the flags they share and the file plumbing.

pub mod completions;
pub mod deadlines;
pub mod gap;
pub mod import;
pub mod nominate;
mod progress;
pub mod rank;
pub mod reports;
pub mod score;
pub mod whatif;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use crate::campaign::{Campaign, DEFAULT_LABEL, DEFAULT_YAML};
use crate::i18n::Lang;
use crate::metrics::{self, Metrics};
use crate::period::PeriodSel;
use crate::report::{self, Format, Table};

#[derive(Debug, Parser)]
#[command(
    name = "thidua",
    version,
    about = "Score, rank and nominate units of an emulation campaign (phong trào thi đua)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score every unit of a metrics CSV against the campaign's criteria.
    Score(score::Args),
    /// Rank units within their groups and draw a tier's quota line.
    Rank(rank::Args),
    /// What it would take for one unit to get inside a tier's quota, lever by lever.
    Gap(gap::Args),
    /// Candidate lists per award tier: collectives and individuals under the quotas.
    Nominate(nominate::Args),
    /// The deadline checklist of each tier, on working days, with calendar export.
    Deadlines(deadlines::Args),
    /// Turn spreadsheet exports or dossier lists into the metrics CSV.
    Import(import::Args),
    /// Print the shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff), or write one per command with --dir.
    Man(completions::ManArgs),
}

pub use crate::UsageError;

#[derive(Debug, Args)]
pub struct CampaignArgs {
    /// Campaign YAML (criteria, tiers, quotas, deadlines). Default: the built-in Kế hoạch 236/KH-UBND.
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
    /// What-if overlay `{criterion_id: points}` applied on top of the campaign.
    #[arg(long, value_name = "FILE")]
    pub weights: Option<PathBuf>,
}

impl CampaignArgs {
    pub fn load(&self) -> Result<Campaign> {
        let mut campaign = match &self.criteria {
            Some(p) => Campaign::from_yaml(&read_text(p)?, &p.display().to_string())?,
            None => Campaign::from_yaml(DEFAULT_YAML, DEFAULT_LABEL)?,
        };
        if let Some(w) = &self.weights {
            campaign.apply_weights(&read_text(w)?, &w.display().to_string())?;
        }
        Ok(campaign)
    }

    pub fn inputs(&self) -> impl Iterator<Item = &Path> {
        self.criteria
            .iter()
            .chain(self.weights.iter())
            .map(PathBuf::as_path)
    }
}

/// The data a scoring command reads: the metrics file, the campaign, the
/// period, and the baseline for what-if changes and `prev.` criteria.
#[derive(Debug, Args)]
pub struct DataArgs {
    /// Metrics CSV (unit_id, unit_name, group, metric columns…).
    pub data: PathBuf,
    #[command(flatten)]
    pub campaign: CampaignArgs,
    /// Period to use when the file has a `period` column: P or FROM..TO (counts are summed).
    #[arg(long, value_name = "P")]
    pub period: Option<String>,
    #[command(flatten)]
    pub baseline: whatif::BaselineArgs,
}

impl DataArgs {
    /// The metrics of the chosen period, and the baseline when one was asked for.
    pub fn load(&self) -> Result<(Metrics, Option<whatif::Baseline>)> {
        let metrics = load_metrics(&self.data, self.period.as_deref())?;
        let baseline = self.baseline.load(&self.data, &metrics)?;
        Ok((metrics, baseline))
    }

    /// Every file read, so no output is ever written over one of them.
    pub fn inputs(&self) -> Vec<&Path> {
        let mut v = vec![self.data.as_path()];
        v.extend(self.campaign.inputs());
        v.extend(self.baseline.inputs());
        v
    }
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format. Default: from the extension of -o, else a table on a terminal and CSV in a pipe.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of labels.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

impl OutputArgs {
    pub fn format(&self) -> Format {
        if let Some(f) = self.format {
            return f;
        }
        let ext = self
            .output
            .as_ref()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str());
        match ext.map(str::to_ascii_lowercase).as_deref() {
            Some("csv") => Format::Csv,
            Some("json") => Format::Json,
            Some("md") => Format::Md,
            Some("html" | "htm") => Format::Html,
            Some("xlsx") => Format::Xlsx,
            Some(_) => Format::Table,
            None if std::io::stdout().is_terminal() => Format::Table,
            None => Format::Csv,
        }
    }
}

/// Reads a whole text file with an error that names it and says what is wrong.
pub fn read_text(path: &Path) -> Result<String> {
    if path.is_dir() {
        anyhow::bail!("{}: is a folder, expected a file", path.display());
    }
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        anyhow::anyhow!("{}: not UTF-8 text (bad byte at offset {at}); save it as UTF-8, or use `thidua import`", path.display())
    })
}

/// Reads the metrics CSV, choosing periods with `--period`.
pub fn load_metrics(path: &Path, period: Option<&str>) -> Result<Metrics> {
    let sel = period
        .map(|p| {
            PeriodSel::parse(p)
                .map_err(|e| UsageError(format!("--period: {e}; expected P or FROM..TO")))
        })
        .transpose()?;
    if path.is_dir() {
        anyhow::bail!(
            "{}: is a folder, expected a metrics CSV file",
            path.display()
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        anyhow::bail!(
            "{}: UTF-16 text; convert it with `thidua import`",
            path.display()
        );
    }
    metrics::read(&bytes[..], &path.display().to_string(), sel.as_ref())
}

/// Looks a tier up by id; an unknown one is a usage error listing the known.
pub fn tier_index(campaign: &Campaign, id: &str) -> Result<usize> {
    campaign.tier_index(id).ok_or_else(|| {
        let known: Vec<&str> = campaign.tiers.iter().map(|t| t.id.as_str()).collect();
        let list = if known.is_empty() {
            "this campaign has no tiers".to_string()
        } else {
            format!("known: {}", known.join(", "))
        };
        let close = crate::campaign::suggestion(&id.to_lowercase(), &known);
        let hint = if close.starts_with(';') {
            close
        } else {
            String::new()
        };
        UsageError(format!(
            "--tier: unknown tier `{id}` in {} ({list}){hint}",
            campaign.file
        ))
        .into()
    })
}

/// Renders tables (or the JSON value) in the chosen format and writes them out.
pub fn write_report(
    out: &OutputArgs,
    tables: impl FnOnce() -> Vec<Table>,
    csv: impl FnOnce() -> Table,
    json: impl FnOnce() -> serde_json::Value,
    inputs: &[&Path],
) -> Result<()> {
    let bytes = match out.format() {
        Format::Table => report::render_table(&tables()).into_bytes(),
        Format::Md => report::render_md(&tables()).into_bytes(),
        Format::Csv => report::render_csv(&csv()),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&json()).context("encoding JSON")?;
            s.push('\n');
            s.into_bytes()
        }
        f @ (Format::Html | Format::Xlsx) => reports::generic(out, f, tables())?,
    };
    crate::output::emit(out.output.as_deref(), &bytes, inputs)
}

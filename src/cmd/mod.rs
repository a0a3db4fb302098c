//! The command line: one file per subcommand, each with its clap args and a
//! `run`; this module holds the flags they share and the file plumbing, and
//! `resolve` checks every command's flags before any data file is read.

pub mod check;
pub mod completions;
pub mod deadlines;
pub mod gap;
pub mod help;
pub mod import;
mod levers;
pub mod nominate;
pub mod plan;
mod progress;
pub mod rank;
pub mod reports;
pub mod resolve;
pub mod score;
mod scored;
pub mod session;
pub mod stamp;
mod warnings;
pub mod whatif;

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

use crate::campaign::{Campaign, DEFAULT_YAML, default_label};
use crate::i18n::messages::Msg;
use crate::i18n::{Lang, Text, scope};
use crate::merge::MergeMap;
use crate::period::PeriodSel;
use crate::problem::Problems;
use crate::report::Format;
use crate::report::pipeline::{self, Report};
use resolve::Output;

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
    /// Check a list's "Mã kiểm tra": recompute it from the command that made it.
    Verify(stamp::VerifyArgs),
    /// Candidate lists per award tier: collectives and individuals under the quotas.
    Nominate(nominate::Args),
    /// The deadline checklist of each tier, on working days, with calendar export.
    Deadlines(deadlines::Args),
    /// Warn about what a campaign allows but probably does not mean (and check data against it).
    Check(check::Args),
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
    /// The campaign (messages in `lang` name the built-in one).
    pub fn load(&self, lang: Lang) -> Result<Campaign> {
        let mut campaign = match &self.criteria {
            Some(p) => Campaign::from_yaml(&read_text(p)?, &p.display().to_string())?,
            None => Campaign::from_yaml(DEFAULT_YAML, default_label(lang))?,
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
    #[arg(long, value_name = "P", value_parser = parse_period)]
    pub period: Option<PeriodSel>,
    #[command(flatten)]
    pub baseline: whatif::BaselineArgs,
    /// The council's decisions (YAML: `ties` settled, `adjustments` of points), applied
    /// after scoring and before ranking, and shown beside each figure they change.
    #[arg(long, value_name = "DEC.yaml")]
    pub decisions: Option<PathBuf>,
    /// Merger map CSV (old_unit_id,new_unit_id[,new_unit_name,group]): counts of old units are
    /// summed into their new unit, in the data and in --baseline, before any rate is computed.
    #[arg(long, value_name = "MAP.csv")]
    pub merge: Option<PathBuf>,
}

/// Reads `--merge MAP.csv`.
pub fn read_merge_map(path: &Path) -> Result<MergeMap> {
    if path.is_dir() {
        anyhow::bail!(crate::msg!(IsFolderMerge, path.display()));
    }
    let bytes = read_bytes(path)?;
    Ok(MergeMap::read(&bytes, &path.display().to_string())?)
}

/// `--period`: checked as clap parses the flag.
fn parse_period(text: &str) -> Result<PeriodSel, Text> {
    PeriodSel::parse(text).map_err(|e| crate::msg!(PeriodRange, e))
}

/// The output flags of score, rank and nominate, as typed; [`resolve::output`]
/// turns them into an [`Output`] before any data file is read.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format: table, csv, csv-excel, json, md, html, xlsx. Default: from the extension
    /// of -o (.txt is a table; any other is an error), else a table on a terminal and CSV in a pipe.
    #[arg(long, value_enum, hide_possible_values = true)]
    pub format: Option<Format>,
    /// CSV for a double-click in Excel (Vietnamese Windows): UTF-8 BOM, `;`, decimal commas.
    /// Same as --format csv-excel.
    #[arg(long, conflicts_with = "format")]
    pub excel: bool,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of labels.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
    /// Add a "Mã" column (unit ids) to printed outputs, which show names only.
    #[arg(long)]
    pub ids: bool,
    /// How reports name the data (default: the data file's name, without its folder).
    #[arg(long, value_name = "NAME")]
    pub label: Option<String>,
}

/// Reads a whole text file with an error that names it and says what is wrong.
pub fn read_text(path: &Path) -> Result<String> {
    if path.is_dir() {
        anyhow::bail!(crate::msg!(IsFolder, path.display()));
    }
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        anyhow::anyhow!(crate::msg!(NotUtf8, path.display(), at))
    })
}

/// The bytes of a file, or an error that names it and says why (in words).
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        let why = crate::i18n::messages::io_why(&e);
        anyhow::anyhow!(crate::msg!(CannotRead, path.display()) + ": " + why)
    })
}

/// Notices on standard error in `lang`, up to the cap, then how many more.
pub(crate) fn print_notices(notices: &Problems, lang: Lang) {
    let listed = notices.listed();
    scope(lang, || {
        for n in &listed {
            eprintln!("{} {n}", Msg::Notice);
        }
        if notices.total() > listed.len() {
            let more = notices.total() - listed.len();
            eprintln!("{} {}", Msg::Notice, crate::msg!(NoticeAndMore, more));
        }
    });
}

/// Writes any report in the chosen format: the one way out of every command
/// (the report's renderer, then an atomic write or standard output).
pub fn write_report(out: &Output, report: &Report, inputs: &[&Path]) -> Result<()> {
    let generated = if pipeline::dated(out.format) {
        Some(reports::now()?)
    } else {
        None
    };
    let bytes = pipeline::render(report, out.format, generated)?;
    crate::output::emit(out.output.as_deref(), &bytes, inputs)
}

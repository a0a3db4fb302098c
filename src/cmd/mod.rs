//! The command line: one file per subcommand, each with its clap args and a
//! `run`; this module holds the flags they share and the file plumbing, and
//! `resolve` checks every command's flags before any data file is read.

pub mod check;
pub mod completions;
pub mod deadlines;
pub mod gap;
pub mod help;
pub mod import;
pub mod nominate;
mod progress;
pub mod rank;
pub mod reports;
pub mod resolve;
pub mod score;
pub mod stamp;
pub mod whatif;

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

use crate::campaign::{Campaign, DEFAULT_YAML, default_label};
use crate::i18n::Lang;
use crate::i18n::messages::Msg;
use crate::merge::{self, MergeMap};
use crate::metrics::{self, Metrics};
use crate::period::PeriodSel;
use crate::problem::{Problems, ProblemsError};
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
    pub fn load(&self) -> Result<Campaign> {
        let mut campaign = match &self.criteria {
            Some(p) => Campaign::from_yaml(&read_text(p)?, &p.display().to_string())?,
            None => Campaign::from_yaml(DEFAULT_YAML, default_label())?,
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

impl DataArgs {
    /// The council's decisions, checked against the campaign, the data and
    /// the individuals; applied to `scores` (adjustments) at once.
    pub fn decisions(
        &self,
        campaign: &Campaign,
        metrics: &Metrics,
        people: Option<&[crate::people::Person]>,
        scores: &mut [crate::scoring::UnitScore],
    ) -> Result<Option<crate::decisions::Decisions>> {
        let Some(path) = &self.decisions else {
            return Ok(None);
        };
        let d = crate::decisions::Decisions::from_yaml(
            &read_text(path)?,
            &path.display().to_string(),
            campaign,
            metrics,
            people,
        )?;
        d.adjust(campaign, metrics, scores);
        Ok(Some(d))
    }

    /// The metrics of the chosen period, and the baseline when one was asked
    /// for; both merged by `--merge`.
    pub fn load(&self) -> Result<(Metrics, Option<whatif::Baseline>)> {
        let map = self.merge.as_deref().map(read_merge_map).transpose()?;
        let campaign = || self.campaign.load();
        let mut metrics = read_metrics(&self.data, self.period.as_ref(), "--period", &campaign)?;
        if let Some(map) = &map {
            metrics = merge_metrics(metrics, map, None)?;
        }
        let baseline = self
            .baseline
            .load(&self.data, &metrics, map.as_ref(), &campaign)?;
        Ok((metrics, baseline))
    }

    /// Every file read, so no output is ever written over one of them.
    pub fn inputs(&self) -> Vec<&Path> {
        let mut v = vec![self.data.as_path()];
        v.extend(self.campaign.inputs());
        v.extend(self.baseline.inputs());
        v.extend(self.decisions.as_deref());
        v.extend(self.merge.as_deref());
        v
    }
}

/// Reads `--merge MAP.csv`.
pub fn read_merge_map(path: &Path) -> Result<MergeMap> {
    if path.is_dir() {
        anyhow::bail!(crate::msg!(IsFolderMerge, path.display()));
    }
    let bytes = read_bytes(path)?;
    Ok(MergeMap::read(&bytes, &path.display().to_string())?)
}

/// Merges units as `map` says (names of new units the file lacks taken from
/// `named`); notices go to standard error.
pub fn merge_metrics(metrics: Metrics, map: &MergeMap, named: Option<&Metrics>) -> Result<Metrics> {
    let (merged, notices) = merge::merge_named(metrics, map, named)?;
    print_notices(&notices);
    Ok(merged)
}

/// `--period`: checked as clap parses the flag.
fn parse_period(text: &str) -> Result<PeriodSel, String> {
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

/// Reads a whole file; a missing file is said in the language of messages.
/// The bytes of a file, or an error that names it and says why (in words).
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        let why = crate::i18n::messages::io_why(&e);
        anyhow::anyhow!("{}: {why}", crate::msg!(CannotRead, path.display()))
    })
}

/// Reads the metrics file, choosing periods with `--period`; `campaign`
/// names groups when the file is an export to convert.
pub fn load_metrics(path: &Path, period: Option<&str>, campaign: &CampaignFn) -> Result<Metrics> {
    load_metrics_with(path, period, "--period", campaign)
}

/// The campaign, asked for only when a data file needs converting.
pub type CampaignFn<'a> = dyn Fn() -> Result<Campaign> + 'a;

/// Reads a metrics file, choosing periods with `period`, given by the flag
/// `flag` (named in messages); notices go to standard error, once.
pub fn load_metrics_with(
    path: &Path,
    period: Option<&str>,
    flag: &str,
    campaign: &CampaignFn,
) -> Result<Metrics> {
    let sel = period
        .map(|p| PeriodSel::parse(p).map_err(|e| UsageError(crate::msg!(PeriodFlag, flag, e))))
        .transpose()?;
    read_metrics(path, sel.as_ref(), flag, campaign)
}

/// Reads the metrics file — a metrics CSV, or anything `import` reads,
/// converted in memory by the same reader — keeping the rows of the chosen
/// periods (chosen by `flag`, named in messages); notices go to standard
/// error, once.
fn read_metrics(
    path: &Path,
    sel: Option<&PeriodSel>,
    flag: &str,
    campaign: &CampaignFn,
) -> Result<Metrics> {
    if path.is_dir() {
        anyhow::bail!(crate::msg!(IsFolderMetrics, path.display()));
    }
    let bytes = read_bytes(path)?;
    let file = path.display().to_string();
    let readable = crate::import::read_any(bytes, &file, campaign)?;
    for n in &readable.notices {
        eprintln!("{} {n}", Msg::Notice.s());
    }
    let origin = readable.origin;
    let read = metrics::read_with_notices(&readable.csv[..], &file, sel);
    let (mut metrics, notices) = read.map_err(|e| match e.downcast::<metrics::PeriodError>() {
        Ok(p) => UsageError(p.with_flag(flag)).into(),
        Err(e) => match (e.downcast::<ProblemsError>(), &origin) {
            (Ok(ps), Some(o)) => o.locate_all(&file, ps).into(),
            (Ok(ps), None) => ps.into(),
            (Err(e), _) => e,
        },
    })?;
    let notices = match &origin {
        Some(o) => {
            metrics.file.clone_from(&o.label);
            for u in &mut metrics.units {
                u.line = o.line(u.line).unwrap_or(u.line);
            }
            let listed = notices.listed().into_iter().cloned();
            let ps = listed.map(|p| o.locate(&file, p)).collect();
            Problems::from_listed(ps, notices.total())
        }
        None => notices,
    };
    print_notices(&notices);
    Ok(metrics)
}

/// Notices on standard error, up to the cap, then how many more.
fn print_notices(notices: &Problems) {
    let listed = notices.listed();
    for n in &listed {
        eprintln!("{} {n}", Msg::Notice.s());
    }
    if notices.total() > listed.len() {
        let more = notices.total() - listed.len();
        eprintln!("{} {}", Msg::Notice.s(), crate::msg!(NoticeAndMore, more));
    }
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

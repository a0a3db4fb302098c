//! Each command's flags resolved in one order: the output (format, path, never
//! over an input), then the campaign, then what depends on it (the tier, the
//! import period). The data files are read only after, by the command.

use crate::i18n::messages::Msg;

use anyhow::Result;
use chrono::NaiveDate;

use super::{DEADLINES, IMPORT, NOMINATE, Output, RANK, SCORE, format, never_over_an_input};
use super::{output, stdout_is_terminal, tier};
use crate::campaign::{Campaign, DEFAULT_YAML, default_label};
use crate::cmd::{UsageError, read_text};
use crate::cmd::{deadlines as deadlines_cmd, import as import_cmd, nominate as nominate_cmd};
use crate::cmd::{rank as rank_cmd, score as score_cmd};
use crate::report::Format;
use crate::whatif::sensitivity::Draws;

/// `score`, resolved.
pub struct Score {
    pub campaign: Campaign,
    pub out: Output,
}

/// Baseline columns were asked for (`--baseline`, or `--baseline-period`
/// within the data file).
fn since_asked(input: &crate::cmd::DataArgs) -> bool {
    input.baseline.baseline.is_some() || input.baseline.baseline_period.is_some()
}

pub fn score(args: &score_cmd::Args) -> Result<Score> {
    let out = output(SCORE, &args.out, &args.input.inputs())?;
    // Refused before any file is read, not after the work.
    if out.format == Format::Docx && since_asked(&args.input) {
        return Err(score_cmd::what_if_in_docx());
    }
    let campaign = args.input.campaign.load()?;
    Ok(Score { campaign, out })
}

/// `rank`, resolved: the tier is an index of the campaign's tiers, and the
/// draws come only with a tier (clap: `--sensitivity` requires `--tier`).
pub struct Rank {
    pub campaign: Campaign,
    pub out: Output,
    pub tier: Option<usize>,
    pub draws: Option<Draws>,
}

pub fn rank(args: &rank_cmd::Args) -> Result<Rank> {
    let mut inputs = args.input.inputs();
    inputs.extend(args.compare.inputs());
    let out = output(RANK, &args.out, &inputs)?;
    let what_if = since_asked(&args.input)
        || args.compare.compare.is_some()
        || args.compare.compare_weights.is_some()
        || args.sensitivity.sensitivity.is_some();
    if out.format == Format::Docx && what_if {
        return Err(score_cmd::what_if_in_docx());
    }
    if args.levers {
        crate::cmd::gap::no_decisions(&args.input, "--levers")?;
    }
    let draws = args.sensitivity.draws();
    let campaign = args.input.campaign.load()?;
    let tier = args
        .tier
        .as_deref()
        .map(|t| tier(&campaign, t))
        .transpose()?;
    Ok(Rank {
        campaign,
        out,
        tier,
        draws,
    })
}

/// `nominate`, resolved: the tiers to show, by index (`all`: every tier).
pub struct Nominate {
    pub campaign: Campaign,
    pub out: Output,
    pub shown: Vec<usize>,
}

pub fn nominate(args: &nominate_cmd::Args) -> Result<Nominate> {
    let mut inputs = args.input.inputs();
    inputs.extend(args.individuals.as_deref());
    let out = output(NOMINATE, &args.out, &inputs)?;
    let campaign = args.input.campaign.load()?;
    if campaign.tiers.is_empty() {
        return Err(UsageError(crate::msg!(NothingToNominate, campaign.file)).into());
    }
    let shown = match args.tier.as_str() {
        "all" => (0..campaign.tiers.len()).collect(),
        t => vec![tier(&campaign, t)?],
    };
    Ok(Nominate {
        campaign,
        out,
        shown,
    })
}

/// `deadlines`, resolved (the tier id is checked against the campaign).
pub struct Deadlines {
    pub campaign: Campaign,
    pub out: Output,
}

pub fn deadlines(args: &deadlines_cmd::Args) -> Result<Deadlines> {
    let path = args.output.as_deref();
    let format = format(DEADLINES, args.format, path, stdout_is_terminal())?;
    never_over_an_input(path, &args.inputs())?;
    let campaign = match &args.criteria {
        Some(p) => Campaign::from_yaml(&read_text(p)?, &p.display().to_string())?,
        None => Campaign::from_yaml(DEFAULT_YAML, default_label())?,
    };
    if let Some(t) = &args.tier {
        tier(&campaign, t)?;
    }
    let out = Output {
        format,
        output: args.output.clone(),
        lang: args.lang,
        ids: false,
    };
    Ok(Deadlines { campaign, out })
}

/// `import`, resolved: the output is a CSV file (or standard output), and a
/// dossier list has its period, from the flags or the campaign.
pub struct Import {
    pub campaign: Campaign,
    pub period: Option<(NaiveDate, NaiveDate)>,
}

pub fn import(args: &import_cmd::Args) -> Result<Import> {
    if let Some(p) = &args.output {
        format(IMPORT, None, Some(p), false)?;
    }
    never_over_an_input(args.output.as_deref(), &args.inputs())?;
    if args.dossiers && args.files.len() != 1 {
        return Err(UsageError(Msg::DossiersOneFile.s().into()).into());
    }
    if args.sheet.is_some() && !args.files.iter().any(|f| import_cmd::starts_as_workbook(f)) {
        return Err(UsageError(Msg::SheetNeedsWorkbook.s().into()).into());
    }
    let campaign = args.campaign.load()?;
    let period = if args.dossiers {
        Some(period(args, &campaign)?)
    } else {
        None
    };
    Ok(Import { campaign, period })
}

/// The dossiers' period: `--from`/`--to`, else the campaign's own.
fn period(args: &import_cmd::Args, campaign: &Campaign) -> Result<(NaiveDate, NaiveDate)> {
    let given = |flag: &str, v: Option<NaiveDate>, default: Option<NaiveDate>| match v.or(default) {
        Some(d) => Ok(d),
        None => Err(UsageError(crate::msg!(PeriodNeeded, flag, campaign.file))),
    };
    let from = given("--from", args.from, campaign.period.map(|p| p.0))?;
    let to = given("--to", args.to, campaign.period.map(|p| p.1))?;
    if from > to {
        return Err(UsageError(crate::msg!(FromAfterTo, from, to)).into());
    }
    Ok((from, to))
}

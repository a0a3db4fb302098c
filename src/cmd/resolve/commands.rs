//! Each command's flags resolved in one order: the output (format, path, never
//! over an input), then the campaign, then what depends on it (the tier, the
//! import period). The data files are read only after, by the command.

use crate::i18n::messages::Msg;

use anyhow::Result;
use chrono::NaiveDate;

use super::{DEADLINES, IMPORT, NOMINATE, Output, RANK, SCORE, format, never_over_an_input};
use super::{output, stdout_is_terminal, tier};
use crate::campaign::{Campaign, DEFAULT_YAML, default_label};
use crate::cmd::plan::{DataPlan, Inputs, Role};
use crate::cmd::reports::DocArgs;
use crate::cmd::{DataArgs, OutputArgs, UsageError, read_text};
use crate::cmd::{deadlines as deadlines_cmd, gap as gap_cmd, import as import_cmd};
use crate::cmd::{nominate as nominate_cmd, rank as rank_cmd, score as score_cmd};
use crate::i18n::Lang;
use crate::report::Format;
use crate::whatif::sensitivity::Draws;

/// The `--doc` fields: read for a Word paper only (blank without `--doc`);
/// `--doc` with another format is a usage error, before any file is read.
fn doc(out: &Output, doc: &DocArgs, inputs: &mut Inputs) -> Result<bool> {
    match (&doc.doc, out.format) {
        (_, Format::Docx) => {
            inputs.add(Role::Doc, doc.doc.as_deref());
            Ok(true)
        }
        (None, _) => Ok(false),
        (Some(_), f) => Err(UsageError(crate::msg!(DocNeedsDocx, f.name())).into()),
    }
}

/// The data plan with `extra` inputs, and the output checked against all
/// of them (and the `--doc` file).
fn data_and_output(
    w: super::Writes,
    input: &DataArgs,
    extra: &[(Role, Option<&std::path::Path>)],
    out: &OutputArgs,
    doc_args: Option<&DocArgs>,
    terminal: bool,
) -> Result<(DataPlan, Output, bool)> {
    let mut data = DataPlan::resolve(input)?;
    for (role, path) in extra {
        data.inputs.add(*role, *path);
    }
    let mut named = data.inputs.clone();
    named.add(Role::Doc, doc_args.and_then(|d| d.doc.as_deref()));
    let out = output(w, out, &named.paths(), terminal)?;
    let doc = match doc_args {
        Some(d) => self::doc(&out, d, &mut data.inputs)?,
        None => false,
    };
    Ok((data, out, doc))
}

/// `score`, resolved.
pub struct Score {
    pub data: DataPlan,
    pub out: Output,
    /// A Word paper: its `--doc` fields are read.
    pub doc: bool,
    pub explain: Option<String>,
}

/// Resolves `score`'s flags; `terminal`: standard output is a terminal.
pub fn score(args: &score_cmd::Args, terminal: bool) -> Result<Score> {
    let doc = Some(&args.doc);
    let (data, out, doc) = data_and_output(SCORE, &args.input, &[], &args.out, doc, terminal)?;
    // Refused before any file is read, not after the work.
    if out.format == Format::Docx && data.since_asked() {
        return Err(what_if_in_docx());
    }
    if args.explain.is_some() && out.format == Format::Docx {
        return Err(UsageError(Msg::ExplainDocx.into()).into());
    }
    Ok(Score {
        data,
        out,
        doc,
        explain: args.explain.clone(),
    })
}

/// The what-if columns have no place on a paper to sign: refused, not dropped.
pub fn what_if_in_docx() -> anyhow::Error {
    UsageError(Msg::WhatIfDocx.into()).into()
}

/// Levers re-score a unit from its figures, so points the council added
/// would be lost: refused rather than silently dropped.
fn no_decisions(data: &DataPlan, what: &str) -> Result<()> {
    if data.inputs.get(Role::Decisions).is_some() {
        return Err(UsageError(crate::msg!(NoDecisions, what)).into());
    }
    Ok(())
}

/// `rank`, resolved: the draws come only with a tier (clap: `--sensitivity`
/// requires `--tier`); the tier is looked up once the campaign is read.
pub struct Rank {
    pub data: DataPlan,
    pub out: Output,
    pub doc: bool,
    pub tier: Option<String>,
    pub draws: Option<Draws>,
    pub levers: bool,
}

impl Rank {
    /// The tier of `--tier` in `campaign` (a usage error if it has none such).
    pub fn tier_in(&self, campaign: &Campaign) -> Result<Option<usize>> {
        Ok(self
            .tier
            .as_deref()
            .map(|t| tier(campaign, t))
            .transpose()?)
    }
}

pub fn rank(args: &rank_cmd::Args, terminal: bool) -> Result<Rank> {
    let extra = [
        (Role::Compare, args.compare.compare.as_deref()),
        (
            Role::CompareWeights,
            args.compare.compare_weights.as_deref(),
        ),
    ];
    let doc = Some(&args.doc);
    let (data, out, doc) = data_and_output(RANK, &args.input, &extra, &args.out, doc, terminal)?;
    let what_if = data.since_asked()
        || data.inputs.get(Role::Compare).is_some()
        || data.inputs.get(Role::CompareWeights).is_some()
        || args.sensitivity.sensitivity.is_some();
    if out.format == Format::Docx && what_if {
        return Err(what_if_in_docx());
    }
    if args.levers {
        no_decisions(&data, "--levers")?;
    }
    Ok(Rank {
        data,
        out,
        doc,
        tier: args.tier.clone(),
        draws: args.sensitivity.draws(),
        levers: args.levers,
    })
}

/// `nominate`, resolved: the tier to show (`all`: every tier), looked up
/// once the campaign is read.
pub struct Nominate {
    pub data: DataPlan,
    pub out: Output,
    pub doc: bool,
    pub tier: String,
}

impl Nominate {
    /// The tiers to list, by index of `campaign` (`all`: every tier); a
    /// campaign without tiers has nothing to nominate.
    pub fn shown_in(&self, campaign: &Campaign) -> Result<Vec<usize>> {
        if campaign.tiers.is_empty() {
            return Err(UsageError(crate::msg!(NothingToNominate, campaign.file)).into());
        }
        Ok(match self.tier.as_str() {
            "all" => (0..campaign.tiers.len()).collect(),
            t => vec![tier(campaign, t)?],
        })
    }
}

pub fn nominate(args: &nominate_cmd::Args, terminal: bool) -> Result<Nominate> {
    let extra = [(Role::Individuals, args.individuals.as_deref())];
    let doc = Some(&args.doc);
    let (data, out, doc) =
        data_and_output(NOMINATE, &args.input, &extra, &args.out, doc, terminal)?;
    Ok(Nominate {
        data,
        out,
        doc,
        tier: args.tier.clone(),
    })
}

/// What `gap` writes.
const GAP: super::Writes = super::Writes {
    command: "gap",
    formats: &[Format::Table, Format::Csv, Format::Json, Format::Md],
};

/// `gap`, resolved.
pub struct Gap {
    pub data: DataPlan,
    pub out: Output,
    pub unit: String,
    pub tier: String,
}

pub fn gap(args: &gap_cmd::Args, terminal: bool) -> Result<Gap> {
    let (data, out, _) = data_and_output(GAP, &args.input, &[], &args.out, None, terminal)?;
    no_decisions(&data, "gap")?;
    Ok(Gap {
        data,
        out,
        unit: args.unit.clone(),
        tier: args.tier.clone(),
    })
}

/// `deadlines`, resolved (the tier id is checked against the campaign).
pub struct Deadlines {
    pub campaign: Campaign,
    pub out: Output,
}

/// `deadlines`, resolved; messages in `lang` name the built-in campaign.
pub fn deadlines(args: &deadlines_cmd::Args, lang: Lang) -> Result<Deadlines> {
    let path = args.output.as_deref();
    let format = format(DEADLINES, args.format, path, stdout_is_terminal())?;
    never_over_an_input(path, &args.inputs())?;
    let campaign = match &args.criteria {
        Some(p) => Campaign::from_yaml(&read_text(p)?, &p.display().to_string())?,
        None => Campaign::from_yaml(DEFAULT_YAML, default_label(lang))?,
    };
    if let Some(t) = &args.tier {
        tier(&campaign, t)?;
    }
    let out = Output {
        format,
        output: args.output.clone(),
        lang: args.lang,
        ids: false,
        label: None,
    };
    Ok(Deadlines { campaign, out })
}

/// `import`, resolved: the output is a CSV file (or standard output), and a
/// dossier list has its period, from the flags or the campaign.
pub struct Import {
    pub campaign: Campaign,
    pub period: Option<(NaiveDate, NaiveDate)>,
}

/// `import`, resolved; messages in `lang` name the built-in campaign.
pub fn import(args: &import_cmd::Args, lang: Lang) -> Result<Import> {
    if let Some(p) = &args.output {
        format(IMPORT, None, Some(p), false)?;
    }
    never_over_an_input(args.output.as_deref(), &args.inputs())?;
    if args.dossiers && args.files.len() != 1 {
        return Err(UsageError(Msg::DossiersOneFile.into()).into());
    }
    if args.sheet.is_some() && !args.files.iter().any(|f| import_cmd::starts_as_workbook(f)) {
        return Err(UsageError(Msg::SheetNeedsWorkbook.into()).into());
    }
    let campaign = args.campaign.load(lang)?;
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

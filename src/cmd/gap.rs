//! `thidua gap UNIT --tier T`: what it would take for one unit to get inside
//! tier T's quota, lever by lever, every answer re-checked with the real
//! quota line; also builds the `rank --levers` columns.

use std::path::Path;

use anyhow::{Result, bail};

use super::resolve::{self, Writes};
use super::whatif::threads;
use super::{DataArgs, OutputArgs, UsageError, write_report};
use crate::campaign::{Campaign, suggestion};
use crate::levers::{self, Search};
use crate::metrics::Metrics;
use crate::ranking::LineStatus;
use crate::report::Format;
use crate::report::gap::Gap;
use crate::report::levers::LeverColumns;
use crate::report::pipeline::Report;
use crate::report::units::View;
use crate::scoring::{Scorer, UnitScore};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The unit's id (unit_id in the metrics CSV).
    pub unit: String,
    /// Award tier whose quota the unit wants to get inside (e.g. `huyen`).
    #[arg(long, value_name = "TIER")]
    pub tier: String,
    #[command(flatten)]
    pub input: DataArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// Levers re-score a unit from its figures, so points the council added
/// would be lost: refused rather than silently dropped.
pub fn no_decisions(input: &DataArgs, what: &str) -> Result<()> {
    if input.decisions.is_some() {
        return Err(UsageError(crate::msg!(NoDecisions, what)).into());
    }
    Ok(())
}

/// A campaign with no levers cannot answer: say where to add them.
fn need_levers(campaign: &Campaign, flag: &str) -> Result<()> {
    if campaign.levers.is_empty() {
        return Err(UsageError(crate::msg!(
            NoLevers,
            flag,
            campaign.file,
            "- { id: giai_quyet_dung_han, name: \"hồ sơ trễ hạn được giải quyết đúng hạn\", change: { tre_han: -1, dung_han: +1 } }"
        ))
        .into());
    }
    Ok(())
}

/// The `rank --levers` columns (`None` without the flag).
pub fn columns<'a>(
    on: bool,
    campaign: &'a Campaign,
    scorer: &Scorer,
    metrics: &'a Metrics,
    scores: &[UnitScore],
    tier: Option<usize>,
) -> Result<Option<LeverColumns<'a>>> {
    let Some(tier) = tier.filter(|_| on) else {
        return Ok(None);
    };
    need_levers(campaign, "--levers")?;
    let bound = levers::bind(campaign, metrics)?;
    let answers = levers::what_it_takes(campaign, scorer, metrics, scores, tier, &bound, threads());
    Ok(Some(LeverColumns {
        campaign,
        metrics,
        tier,
        answers,
    }))
}

/// What `gap` writes.
const GAP: Writes = Writes {
    command: "gap",
    formats: &[Format::Table, Format::Csv, Format::Json, Format::Md],
};

pub fn run(args: &Args) -> Result<()> {
    let out = resolve::output(GAP, &args.out, &args.input.inputs())?;
    no_decisions(&args.input, "gap")?;
    let campaign = args.input.campaign.load()?;
    let tier = resolve::tier(&campaign, &args.tier)?;
    need_levers(&campaign, "gap")?;
    let (metrics, baseline) = args.input.load()?;
    let scorer = Scorer::with_baseline(&campaign, &metrics, baseline.as_ref().map(|b| &b.metrics))?;
    let scores = scorer.score_all(&metrics)?;
    let Some(i) = metrics.unit_index(&args.unit) else {
        let known: Vec<&str> = metrics.units.iter().map(|u| u.id.as_str()).collect();
        return Err(UsageError(crate::msg!(
            NoUnitIn,
            "gap",
            args.unit,
            metrics.file,
            suggestion(&args.unit, &known)
        ))
        .into());
    };
    let bound = levers::bind(&campaign, &metrics)?;
    let search = Search::new(&campaign, &scorer, &metrics, &scores, tier, &bound);
    let Some((status, _)) = search.lines.unchanged(i) else {
        let group = &metrics.units[i].group;
        return Err(UsageError(crate::msg!(TierNoQuotaFor, args.tier, group, args.unit)).into());
    };
    let levers = matches!(
        status,
        LineStatus::Out | LineStatus::Tie | LineStatus::Ineligible
    )
    .then(|| search.unit(i));
    for a in levers.iter().flat_map(|u| &u.answers) {
        if !search.verify(i, a) {
            let lever = &campaign.levers[a.lever].id;
            bail!(crate::msg!(GapNotHolding, lever, args.unit));
        }
    }
    let gap = Gap {
        view: View {
            campaign: &campaign,
            metrics: &metrics,
            scores: &scores,
            lang: out.lang,
            decisions: None,
            ids: out.ids,
            doc: None,
            stamp: None,
        },
        scorer: &scorer,
        bound: &bound,
        tier,
        status,
        rank: search.rank(i, &scores[i]),
        levers,
        score: i,
    };
    let inputs: Vec<&Path> = args.input.inputs();
    write_report(&out, &Report::Gap(gap), &inputs)
}

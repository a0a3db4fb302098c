//! `thidua gap UNIT --tier T`: what it would take for one unit to get inside
//! tier T's quota, lever by lever, every answer re-checked with the real
//! quota line; also builds the `rank --levers` columns.

use anyhow::{Result, bail};

use super::levers::need_levers;
use super::resolve::{self, Gap as Plan};
use super::scored::Loaded;
use super::{DataArgs, OutputArgs, UsageError, write_report};
use crate::campaign::suggestion;
use crate::i18n::Lang;
use crate::levers::{self, Search};
use crate::ranking::LineStatus;
use crate::report::gap::Gap;
use crate::report::pipeline::Report;

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

/// Runs `gap`, its messages in `lang`.
pub fn run(plan: &Plan, lang: Lang) -> Result<()> {
    let (run, tier) = Loaded::load(&plan.data, false, lang, |c| {
        let tier = resolve::tier(c, &plan.tier)?;
        need_levers(c, "gap")?;
        Ok(tier)
    })?;
    let (campaign, metrics) = (&run.campaign, &run.metrics);
    let scorer = run.scorer()?;
    let scores = scorer.score_all(metrics)?;
    let args = plan;
    let Some(i) = metrics.unit_index(&args.unit) else {
        let known = run.ids();
        return Err(UsageError(crate::msg!(
            NoUnitIn,
            "gap",
            args.unit,
            metrics.file,
            suggestion(&args.unit, &known)
        ))
        .into());
    };
    let bound = levers::bind(campaign, metrics)?;
    let search = Search::new(campaign, &scorer, metrics, &scores, tier, &bound);
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
        view: run.view(&plan.out, &scores, None, None),
        scorer: &scorer,
        bound: &bound,
        tier,
        status,
        rank: search.rank(i, &scores[i]),
        levers,
        score: i,
    };
    write_report(&plan.out, &Report::Gap(gap), &plan.data.inputs.paths())
}

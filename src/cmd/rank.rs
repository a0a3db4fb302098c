//! `thidua rank`: units ranked within their groups; with `--tier`, the groups
//! that tier's quotas name, its gates, and the quota line. What-if flags add
//! columns: the change since a baseline, the ranking under a second campaign
//! (`--compare`, `--compare-weights`), and rank stability (`--sensitivity`).

use std::path::Path;

use anyhow::Result;

use super::whatif::{Baseline, CompareArgs, SensitivityArgs, baseline_changes, threads};
use super::{DataArgs, OutputArgs, UsageError, resolve, write_report};
use crate::campaign::Campaign;
use crate::metrics::Metrics;
use crate::ranking::{self, GroupRanking};
use crate::report::pipeline::Report;
use crate::report::units::decided::DecisionColumns;
use crate::report::units::{UnitColumns, View};
use crate::report::whatif::{BaselineColumns, CompareColumns, SensitivityColumns};
use crate::scoring::{Scorer, UnitScore};
use crate::whatif::compare::compare;
use crate::whatif::sensitivity::{Draws, sensitivity};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: DataArgs,
    /// Award tier (e.g. `tinh`, `huyen`): rank the groups its quotas name and draw the quota line.
    #[arg(long, value_name = "TIER")]
    pub tier: Option<String>,
    #[command(flatten)]
    pub compare: CompareArgs,
    #[command(flatten)]
    pub sensitivity: SensitivityArgs,
    /// With --tier: for each unit below the line (or tied, or ineligible), the fewest steps of each campaign lever that put it inside.
    #[arg(long, requires = "tier")]
    pub levers: bool,
    #[command(flatten)]
    pub out: OutputArgs,
    #[command(flatten)]
    pub doc: super::reports::DocArgs,
}

pub fn run(args: &Args) -> Result<()> {
    let resolve::Rank {
        campaign,
        out,
        tier,
        draws,
    } = resolve::rank(args)?;
    let doc = args.doc.load(&out)?;
    let (metrics, baseline) = args.input.load()?;
    let prev = baseline.as_ref().map(|b| &b.metrics);
    let scorer = Scorer::with_baseline(&campaign, &metrics, prev)?;
    let mut scores = scorer.score_all(&metrics)?;
    let decisions = args
        .input
        .decisions(&campaign, &metrics, None, &mut scores)?;
    super::check::warn(&campaign, &metrics, &scores);
    let ids: Vec<&str> = metrics.units.iter().map(|u| u.id.as_str()).collect();
    let settle = decisions.as_ref().map(|decisions| ranking::Settle {
        decisions,
        unit_ids: &ids,
    });
    let groups = ranking::rank_decided(&campaign, &scores, tier, settle)?;
    let decided = decisions
        .as_ref()
        .map(|d| DecisionColumns::new(&campaign, &metrics, &scores, d, &groups));
    let a = Ranked {
        campaign: &campaign,
        metrics: &metrics,
        scores: &scores,
        groups: &groups,
        tier,
        reads_prev: scorer.reads_baseline(),
    };
    let since = baseline.as_ref().map(|b| since(&a, b)).transpose()?;
    let against = args
        .compare
        .load(&campaign)?
        .map(|(b, label)| against(&a, prev, b, label, a_label(args, &campaign)))
        .transpose()?;
    // `draws` comes only with a tier (checked first thing).
    let stability = draws
        .zip(tier)
        .map(|(d, t)| stability(&a, t, d))
        .transpose()?;
    let levers = super::gap::columns(args.levers, &campaign, &scorer, &metrics, &scores, tier)?;
    let extras: Vec<&dyn UnitColumns> = [
        since.as_ref().map(|c| c as &dyn UnitColumns),
        against.as_ref().map(|c| c as &dyn UnitColumns),
        stability.as_ref().map(|c| c as &dyn UnitColumns),
        decided.as_ref().map(|c| c as &dyn UnitColumns),
        levers.as_ref().map(|c| c as &dyn UnitColumns),
    ]
    .into_iter()
    .flatten()
    .collect();
    // Read again, after the readers checked them: the stamp hashes their bytes.
    let stamp = super::stamp::rank(&campaign, args)?;
    let view = View {
        campaign: &campaign,
        metrics: &metrics,
        scores: &scores,
        lang: out.lang,
        decisions: decisions.as_ref(),
        ids: out.ids,
        doc: doc.as_ref(),
        stamp: Some(&stamp),
    };
    let mut inputs: Vec<&Path> = args.input.inputs();
    inputs.extend(args.compare.inputs());
    inputs.extend(args.doc.inputs());
    let report = Report::Rank {
        view,
        groups: &groups,
        tier,
        extras,
    };
    write_report(&out, &report, &inputs)
}

/// Campaign A's ranking of the data, which the what-if modes start from.
struct Ranked<'a> {
    campaign: &'a Campaign,
    metrics: &'a Metrics,
    scores: &'a [UnitScore],
    groups: &'a [GroupRanking],
    tier: Option<usize>,
    /// Some criterion reads `prev.` names.
    reads_prev: bool,
}

/// The change since the baseline, with where each unit ranked then.
fn since<'a>(a: &Ranked<'a>, b: &Baseline) -> Result<BaselineColumns<'a>> {
    Ok(BaselineColumns {
        campaign: a.campaign,
        changes: baseline_changes(a.campaign, a.metrics, a.scores, b, a.reads_prev)?,
        label: b.label.clone(),
        ranks: Some(ranks_by_score(a.groups, a.scores.len())),
        per_criterion: false,
    })
}

/// Rank stability under random weights, for the tier's groups.
fn stability(a: &Ranked, tier: usize, draws: Draws) -> Result<SensitivityColumns> {
    let ranked = a.groups.iter().map(|g| g.entries.len()).sum();
    SensitivityArgs::check_size(draws, ranked)?;
    Ok(SensitivityColumns {
        robustness: sensitivity(a.campaign, a.scores, tier, a.groups, draws, threads()),
        draws,
    })
}

/// Each unit's rank in this report, by score index.
fn ranks_by_score(groups: &[GroupRanking], n: usize) -> Vec<Option<u32>> {
    let mut out = vec![None; n];
    for e in groups.iter().flat_map(|g| &g.entries) {
        out[e.score] = Some(e.rank);
    }
    out
}

fn a_label(args: &Args, campaign: &Campaign) -> String {
    match &args.input.campaign.weights {
        Some(w) => format!("{} + {}", campaign.file, w.display()),
        None => campaign.file.clone(),
    }
}

/// Scores and ranks the same data under campaign B (with the same tier id and
/// baseline) and pairs every unit with its place under A.
fn against(
    a: &Ranked,
    prev: Option<&Metrics>,
    b: Campaign,
    b_label: String,
    a_label: String,
) -> Result<CompareColumns> {
    let b_tier = match a.tier {
        None => None,
        Some(t) => {
            let id = &a.campaign.tiers[t].id;
            Some(
                b.tier_index(id)
                    .ok_or_else(|| UsageError(crate::msg!(CompareNoTier, b_label, id)))?,
            )
        }
    };
    let b_scores = Scorer::with_baseline(&b, a.metrics, prev)?.score_all(a.metrics)?;
    let b_groups = ranking::rank(&b, &b_scores, b_tier);
    Ok(CompareColumns {
        versus: compare(a.groups, a.scores, &b_groups, &b_scores),
        precision: a.campaign.precision,
        a_label,
        b_label,
        quota: a.tier.is_some(),
    })
}

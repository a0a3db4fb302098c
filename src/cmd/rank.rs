//! `thidua rank`: units ranked within their groups; with `--tier`, the groups
//! that tier's quotas name, its gates, and the quota line. What-if flags add
//! columns: the change since a baseline, the ranking under a second campaign
//! (`--compare`, `--compare-weights`), and rank stability (`--sensitivity`).

use anyhow::Result;

use super::resolve::Rank;
use super::scored::Loaded;
use super::session::Baseline;
use super::stamp::{Used, rank_flags};
use super::whatif::{CompareArgs, SensitivityArgs, baseline_changes, threads};
use super::{DataArgs, OutputArgs, UsageError, write_report};
use crate::campaign::Campaign;
use crate::i18n::Lang;
use crate::metrics::Metrics;
use crate::ranking::{self, GroupRanking};
use crate::report::pipeline::Report;
use crate::report::units::UnitColumns;
use crate::report::units::decided::DecisionColumns;
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

/// Runs `rank`, its messages in `lang`.
pub fn run(plan: &Rank, lang: Lang) -> Result<()> {
    let (run, tier) = Loaded::load(&plan.data, plan.doc, lang, |c| plan.tier_in(c))?;
    let (campaign, metrics) = (&run.campaign, &run.metrics);
    let prev = run.baseline.as_ref().map(|b| &b.metrics);
    let scorer = run.scorer()?;
    let mut scores = scorer.score_all(metrics)?;
    let decisions = run.decisions(&mut scores)?;
    run.warn(&scores);
    let ids = run.ids();
    let settle = decisions.as_ref().map(|decisions| ranking::Settle {
        decisions,
        unit_ids: &ids,
    });
    let groups = ranking::rank_decided(campaign, &scores, tier, settle)?;
    let decided = decisions
        .as_ref()
        .map(|d| DecisionColumns::new(campaign, metrics, &scores, d, &groups));
    let a = Ranked {
        campaign,
        metrics,
        scores: &scores,
        groups: &groups,
        tier,
        reads_prev: scorer.reads_baseline(),
    };
    let since = run
        .baseline
        .as_ref()
        .map(|b| since(&a, b, lang))
        .transpose()?;
    let b = run.session.compare(campaign)?;
    let against = b
        .as_ref()
        .map(|(b, label)| against(&a, prev, b, label.clone(), a_label(&run)))
        .transpose()?;
    // `draws` comes only with a tier (checked first thing).
    let stability = plan
        .draws
        .zip(tier)
        .map(|(d, t)| stability(&a, t, d))
        .transpose()?;
    let levers = super::levers::columns(plan.levers, campaign, &scorer, metrics, &scores, tier)?;
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
    let used = Used {
        decisions: decisions.as_ref(),
        compare: b.as_ref().map(|b| &b.0),
    };
    let stamp = run.stamp(used, &rank_flags(campaign, tier, plan.draws));
    let view = run.view(&plan.out, &scores, decisions.as_ref(), Some(&stamp));
    let report = Report::Rank {
        view,
        groups: &groups,
        tier,
        extras,
    };
    write_report(&plan.out, &report, &plan.data.inputs.paths())
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
fn since<'a>(a: &Ranked<'a>, b: &Baseline, lang: Lang) -> Result<BaselineColumns<'a>> {
    Ok(BaselineColumns {
        campaign: a.campaign,
        changes: baseline_changes(a.campaign, a.metrics, a.scores, b, a.reads_prev, lang)?,
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

/// Campaign A as the comparison names it: its file, and `--weights`.
fn a_label(run: &Loaded) -> String {
    let a = super::scored::file_name(&run.campaign.file);
    match run.session.get(super::plan::Role::Weights) {
        Some(w) => format!("{a} + {}", w.name()),
        None => a.to_string(),
    }
}

/// Scores and ranks the same data under campaign B (with the same tier id and
/// baseline) and pairs every unit with its place under A.
fn against(
    a: &Ranked,
    prev: Option<&Metrics>,
    b: &Campaign,
    b_label: String,
    a_label: String,
) -> Result<CompareColumns> {
    let b_tier = match a.tier {
        None => None,
        Some(t) => {
            let id = &a.campaign.tiers[t].id;
            Some(
                b.tier_index(id)
                    .ok_or_else(|| UsageError(crate::msg!(CompareNoTier, b.file, id)))?,
            )
        }
    };
    let b_scores = Scorer::with_baseline(b, a.metrics, prev)?.score_all(a.metrics)?;
    let b_groups = ranking::rank(b, &b_scores, b_tier);
    Ok(CompareColumns {
        versus: compare(a.groups, a.scores, &b_groups, &b_scores),
        precision: a.campaign.precision,
        a_label,
        b_label,
        quota: a.tier.is_some(),
    })
}

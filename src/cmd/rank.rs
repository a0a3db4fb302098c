//! `thidua rank`: units ranked within their groups; with `--tier`, the groups
//! that tier's quotas name, its gates, and the quota line. What-if flags add
//! columns: the change since a baseline, the ranking under a second campaign
//! (`--compare`, `--compare-weights`), and rank stability (`--sensitivity`).

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::whatif::{BaselineArgs, CompareArgs, SensitivityArgs, baseline_changes, threads};
use super::{CampaignArgs, OutputArgs, UsageError, load_metrics, tier_index, write_report};
use crate::campaign::Campaign;
use crate::metrics::Metrics;
use crate::ranking::{self, GroupRanking};
use crate::report::units::{UnitColumns, View};
use crate::scoring::{Scorer, UnitScore};
use crate::whatif::columns::{BaselineColumns, CompareColumns, SensitivityColumns};
use crate::whatif::compare::{Versus, compare};
use crate::whatif::sensitivity::sensitivity;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Metrics CSV (unit_id, unit_name, group, metric columns…).
    pub data: PathBuf,
    /// Award tier (e.g. `tinh`, `huyen`): rank the groups its quotas name and draw the quota line.
    #[arg(long, value_name = "TIER")]
    pub tier: Option<String>,
    #[command(flatten)]
    pub campaign: CampaignArgs,
    /// Period to rank when the file has a `period` column: P or FROM..TO (counts are summed).
    #[arg(long, value_name = "P")]
    pub period: Option<String>,
    #[command(flatten)]
    pub baseline: BaselineArgs,
    #[command(flatten)]
    pub compare: CompareArgs,
    #[command(flatten)]
    pub sensitivity: SensitivityArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(args: &Args) -> Result<()> {
    let draws = args.sensitivity.draws(args.tier.as_deref())?;
    let campaign = args.campaign.load()?;
    let tier = args
        .tier
        .as_deref()
        .map(|t| tier_index(&campaign, t))
        .transpose()?;
    let metrics = load_metrics(&args.data, args.period.as_deref())?;
    let baseline = args.baseline.load(&args.data, &metrics)?;
    let prev = baseline.as_ref().map(|b| &b.metrics);
    let scores = Scorer::with_baseline(&campaign, &metrics, prev)?.score_all(&metrics)?;
    let groups = ranking::rank(&campaign, &scores, tier);

    let changes = baseline
        .as_ref()
        .map(|b| baseline_changes(&campaign, &metrics, &scores, b))
        .transpose()?;
    let since = baseline
        .as_ref()
        .zip(changes.as_deref())
        .map(|(b, changes)| BaselineColumns {
            campaign: &campaign,
            changes,
            label: b.label.clone(),
            ranks: Some(ranks_by_score(&groups, scores.len())),
            per_criterion: false,
        });
    let a = Ranked {
        campaign: &campaign,
        scores: &scores,
        groups: &groups,
        tier,
    };
    let b_side = args
        .compare
        .load(&campaign)?
        .map(|(b, label)| versus(&a, &metrics, prev, b, label))
        .transpose()?;
    let against = b_side.as_ref().map(|(versus, label)| CompareColumns {
        versus,
        precision: campaign.precision,
        a_label: a_label(args, &campaign),
        b_label: label.clone(),
        quota: tier.is_some(),
    });
    let robustness = match (draws, tier) {
        (Some(d), Some(t)) => {
            let ranked = groups.iter().map(|g| g.entries.len()).sum();
            SensitivityArgs::check_size(d, ranked)?;
            Some((sensitivity(&campaign, &scores, t, &groups, d, threads()), d))
        }
        _ => None,
    };
    let stability = robustness
        .as_ref()
        .map(|(robustness, draws)| SensitivityColumns {
            robustness,
            draws: *draws,
        });

    let mut extras: Vec<&dyn UnitColumns> = Vec::new();
    extras.extend(since.iter().map(|c| c as &dyn UnitColumns));
    extras.extend(against.iter().map(|c| c as &dyn UnitColumns));
    extras.extend(stability.iter().map(|c| c as &dyn UnitColumns));
    let view = View {
        campaign: &campaign,
        metrics: &metrics,
        scores: &scores,
        lang: args.out.lang,
    };
    let mut inputs: Vec<&Path> = vec![&args.data];
    inputs.extend(args.campaign.inputs());
    inputs.extend(args.baseline.inputs());
    inputs.extend(args.compare.inputs());
    write_report(
        &args.out,
        || view.rank_tables_with(&groups, tier, &extras),
        || view.rank_csv_with(&groups, &extras),
        || view.rank_json_with(&groups, tier, &extras),
        &inputs,
    )
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
    match &args.campaign.weights {
        Some(w) => format!("{} + {}", campaign.file, w.display()),
        None => campaign.file.clone(),
    }
}

/// Campaign A's ranking, which campaign B is compared with.
struct Ranked<'a> {
    campaign: &'a Campaign,
    scores: &'a [UnitScore],
    groups: &'a [GroupRanking],
    tier: Option<usize>,
}

/// Scores and ranks the same data under campaign B (with the same tier id and
/// baseline) and pairs every unit with its place under A.
fn versus(
    a: &Ranked,
    metrics: &Metrics,
    prev: Option<&Metrics>,
    b: Campaign,
    label: String,
) -> Result<(Vec<Option<Versus>>, String)> {
    let b_tier = match a.tier {
        None => None,
        Some(t) => {
            let id = &a.campaign.tiers[t].id;
            Some(b.tier_index(id).ok_or_else(|| {
                UsageError(format!(
                    "--compare: {label} has no tier `{id}`, so its quota places cannot be compared"
                ))
            })?)
        }
    };
    let b_scores = Scorer::with_baseline(&b, metrics, prev)?.score_all(metrics)?;
    let b_groups = ranking::rank(&b, &b_scores, b_tier);
    Ok((compare(a.groups, a.scores, &b_groups, &b_scores), label))
}

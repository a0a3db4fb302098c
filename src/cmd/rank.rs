//! `thidua rank`: units ranked within their groups; with `--tier`, the groups
//! that tier's quotas name, its gates, and the quota line.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{CampaignArgs, OutputArgs, load_metrics, tier_index, write_report};
use crate::ranking;
use crate::report::units::View;
use crate::scoring::Scorer;

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
    pub out: OutputArgs,
}

pub fn run(args: &Args) -> Result<()> {
    let campaign = args.campaign.load()?;
    let tier = args
        .tier
        .as_deref()
        .map(|t| tier_index(&campaign, t))
        .transpose()?;
    let metrics = load_metrics(&args.data, args.period.as_deref())?;
    let scores = Scorer::new(&campaign, &metrics)?.score_all(&metrics)?;
    let groups = ranking::rank(&campaign, &scores, tier);
    let view = View {
        campaign: &campaign,
        metrics: &metrics,
        scores: &scores,
        lang: args.out.lang,
    };
    let mut inputs: Vec<&Path> = vec![&args.data];
    inputs.extend(args.campaign.inputs());
    write_report(
        &args.out,
        || view.rank_tables(&groups, tier),
        || view.rank_csv(&groups),
        || view.rank_json(&groups, tier),
        &inputs,
    )
}

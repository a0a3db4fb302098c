//! `thidua nominate`: the candidate lists of each award tier, collectives and
//! individuals, under the plan's quotas.

use std::path::PathBuf;

use anyhow::Result;

use super::resolve::{self, Nominate};
use super::scored::Loaded;
use super::session::Session;
use super::{DataArgs, OutputArgs, UsageError, write_report};
use crate::nomination::nominate_decided;
use crate::report::nominate::NominationView;
use crate::report::pipeline::Report;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: DataArgs,
    /// Award tier to list (e.g. `tinh`, `huyen`) or `all`. Higher tiers are always
    /// computed first, so an exclusive campaign never lists a winner twice.
    #[arg(long, value_name = "TIER", default_value = "all")]
    pub tier: String,
    /// Individuals CSV (unit_id, person_id, full_name, position[, direct, eligible, score, note]).
    #[arg(long, value_name = "FILE")]
    pub individuals: Option<PathBuf>,
    #[command(flatten)]
    pub out: OutputArgs,
    #[command(flatten)]
    pub doc: super::reports::DocArgs,
}

pub fn run(plan: &Nominate) -> Result<()> {
    let session = Session::load(&plan.data.inputs)?;
    let campaign = session.campaign()?;
    let c = &campaign.0;
    if c.tiers.is_empty() {
        return Err(UsageError(crate::msg!(NothingToNominate, c.file)).into());
    }
    let shown = match plan.tier.as_str() {
        "all" => (0..c.tiers.len()).collect(),
        t => vec![resolve::tier(c, t)?],
    };
    let run = Loaded::read(session, campaign, &plan.data, plan.doc)?;
    let mut scores = run.scorer()?.score_all(&run.metrics)?;
    let decisions = run.decisions(&mut scores)?;
    run.warn(&scores);
    let result = nominate_decided(
        &run.campaign,
        &scores,
        &run.ids(),
        run.people.as_deref(),
        decisions.as_ref(),
    )?;
    let stamp = run.stamp(&plan.flags());
    let view = NominationView {
        units: run.view(&plan.out, &scores, decisions.as_ref(), Some(&stamp)),
        people: run.people.as_deref(),
        tiers: shown.iter().map(|&t| &result[t]).collect(),
        decisions: decisions.as_ref(),
    };
    let inputs = plan.data.inputs.paths();
    write_report(&plan.out, &Report::Nominate(view), &inputs)
}

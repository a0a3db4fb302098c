//! `thidua nominate`: the candidate lists of each award tier, collectives and
//! individuals, under the plan's quotas.

use std::path::PathBuf;

use anyhow::Result;

use super::resolve::Nominate;
use super::scored::Loaded;
use super::stamp::{Used, nominate_flags};
use super::{DataArgs, OutputArgs, write_report};
use crate::i18n::Lang;
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

/// Runs `nominate`, its messages in `lang`.
pub fn run(plan: &Nominate, lang: Lang) -> Result<()> {
    let (run, shown) = Loaded::load(&plan.data, plan.doc, lang, |c| plan.shown_in(c))?;
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
    let used = Used {
        decisions: decisions.as_ref(),
        compare: None,
    };
    let stamp = run.stamp(used, &nominate_flags(&run.campaign, &shown));
    let view = NominationView {
        units: run.view(&plan.out, &scores, decisions.as_ref(), Some(&stamp)),
        people: run.people.as_deref(),
        tiers: shown.iter().map(|&t| &result[t]).collect(),
        decisions: decisions.as_ref(),
    };
    let inputs = plan.data.inputs.paths();
    write_report(&plan.out, &Report::Nominate(view), &inputs)
}

//! `thidua score`: every unit's points per criterion, total, percent and class;
//! `--explain UNIT` shows how each number came about; `--baseline` adds the
//! change of each criterion and of the total since the baseline.

use anyhow::Result;

use super::resolve::Score;
use super::scored::Loaded;
use super::stamp::Used;
use super::whatif::baseline_changes;
use super::{DataArgs, OutputArgs, UsageError, write_report};
use crate::campaign::suggestion;
use crate::i18n::Lang;
use crate::report::pipeline::Report;
use crate::report::units::UnitColumns;
use crate::report::units::decided::DecisionColumns;
use crate::report::whatif::BaselineColumns;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: DataArgs,
    /// Show how each number of this unit's score was computed.
    #[arg(long, value_name = "UNIT_ID")]
    pub explain: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
    #[command(flatten)]
    pub doc: super::reports::DocArgs,
}

/// Runs `score`, its messages in `lang`.
pub fn run(plan: &Score, lang: Lang) -> Result<()> {
    let (run, ()) = Loaded::load(&plan.data, plan.doc, lang, |_| Ok(()))?;
    let (campaign, metrics) = (&run.campaign, &run.metrics);
    let scorer = run.scorer()?;
    let mut scores = scorer.score_all(metrics)?;
    let decisions = run.decisions(&mut scores)?;
    if let Some(d) = &decisions {
        // Tie decisions are checked against the lines, even where none is shown.
        let ids = run.ids();
        let settle = crate::ranking::Settle {
            decisions: d,
            unit_ids: &ids,
        };
        crate::ranking::rank_decided(campaign, &scores, None, Some(settle))?;
    }
    let decided = decisions
        .as_ref()
        .map(|d| DecisionColumns::new(campaign, metrics, &scores, d, &[]));
    run.warn(&scores);
    let used = Used {
        decisions: decisions.as_ref(),
        compare: None,
    };
    let stamp = run.stamp(used, &[]);
    let view = run.view(&plan.out, &scores, decisions.as_ref(), Some(&stamp));
    let inputs = plan.data.inputs.paths();
    if let Some(id) = &plan.explain {
        let Some(i) = metrics.unit_index(id) else {
            let known = run.ids();
            return Err(UsageError(crate::msg!(
                NoUnitIn,
                "--explain",
                id,
                metrics.file,
                suggestion(id, &known)
            ))
            .into());
        };
        let report = Report::Explain {
            view,
            scorer: &scorer,
            score: &scores[i],
        };
        return write_report(&plan.out, &report, &inputs);
    }
    let since = run
        .baseline
        .as_ref()
        .map(|b| -> Result<BaselineColumns> {
            Ok(BaselineColumns {
                campaign,
                changes: baseline_changes(
                    campaign,
                    metrics,
                    &scores,
                    b,
                    scorer.reads_baseline(),
                    lang,
                )?,
                label: b.label.clone(),
                ranks: None,
                per_criterion: true,
            })
        })
        .transpose()?;
    let extras: Vec<&dyn UnitColumns> = [
        since.as_ref().map(|c| c as &dyn UnitColumns),
        decided.as_ref().map(|c| c as &dyn UnitColumns),
    ]
    .into_iter()
    .flatten()
    .collect();
    write_report(&plan.out, &Report::Score { view, extras }, &inputs)
}

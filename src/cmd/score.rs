//! `thidua score`: every unit's points per criterion, total, percent and class;
//! `--explain UNIT` shows how each number came about; `--baseline` adds the
//! change of each criterion and of the total since the baseline.

use crate::i18n::messages::Msg;
use std::path::Path;

use anyhow::Result;

use super::whatif::baseline_changes;
use super::{DataArgs, OutputArgs, UsageError, resolve, write_report};
use crate::campaign::suggestion;
use crate::report::Format;
use crate::report::pipeline::Report;
use crate::report::units::decided::DecisionColumns;
use crate::report::units::{UnitColumns, View};
use crate::report::whatif::BaselineColumns;
use crate::scoring::Scorer;

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

pub fn run(args: &Args) -> Result<()> {
    let resolve::Score { campaign, out } = resolve::score(args)?;
    if args.explain.is_some() && out.format() == Format::Docx {
        return Err(UsageError(Msg::ExplainDocx.s().into()).into());
    }
    let doc = args.doc.load(&out)?;
    let (metrics, baseline) = args.input.load()?;
    let scorer = Scorer::with_baseline(&campaign, &metrics, baseline.as_ref().map(|b| &b.metrics))?;
    let mut scores = scorer.score_all(&metrics)?;
    let decisions = args
        .input
        .decisions(&campaign, &metrics, None, &mut scores)?;
    if let Some(d) = &decisions {
        // Tie decisions are checked against the lines, even where none is shown.
        let ids: Vec<&str> = metrics.units.iter().map(|u| u.id.as_str()).collect();
        let settle = crate::ranking::Settle {
            decisions: d,
            unit_ids: &ids,
        };
        crate::ranking::rank_decided(&campaign, &scores, None, Some(settle))?;
    }
    let decided = decisions
        .as_ref()
        .map(|d| DecisionColumns::new(&campaign, &metrics, &scores, d, &[]));
    super::check::warn(&campaign, &metrics, &scores);
    // Read again, after the readers checked them: the stamp hashes their bytes.
    let stamp = super::stamp::score(&campaign, args)?;
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
    inputs.extend(args.doc.inputs());
    if let Some(id) = &args.explain {
        let Some(i) = metrics.unit_index(id) else {
            let known: Vec<&str> = metrics.units.iter().map(|u| u.id.as_str()).collect();
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
        return write_report(&out, &report, &inputs);
    }
    let since = baseline
        .as_ref()
        .map(|b| -> Result<BaselineColumns> {
            Ok(BaselineColumns {
                campaign: &campaign,
                changes: baseline_changes(
                    &campaign,
                    &metrics,
                    &scores,
                    b,
                    scorer.reads_baseline(),
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
    write_report(&out, &Report::Score { view, extras }, &inputs)
}

/// The what-if columns have no place on a paper to sign: refused, not dropped.
pub fn what_if_in_docx() -> anyhow::Error {
    UsageError(Msg::WhatIfDocx.s().into()).into()
}

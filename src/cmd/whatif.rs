//! The what-if flags `score` and `rank` share — the baseline, the campaign to
//! compare with, the sensitivity draws — with their checks (a wrong
//! combination is a usage error, exit 2); the files are read by the session.

use std::path::PathBuf;

use anyhow::Result;

use super::UsageError;
use super::session::Baseline;
use crate::campaign::Campaign;
use crate::i18n::messages::Msg;
use crate::i18n::{Lang, Text};
use crate::metrics::Metrics;
use crate::scoring::UnitScore;
use crate::whatif::baseline::{Change, changes, missing, score_baseline};
use crate::whatif::sensitivity::{Draws, MAX_DRAWS, MAX_RANKS_KEPT};

/// Units named in a notice before "and N more".
const NOTICE_LISTED: usize = 10;

#[derive(Debug, clap::Args)]
pub struct BaselineArgs {
    /// Baseline metrics CSV: show the change since it, and let criteria read `prev.<metric>`.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Period of the baseline (in --baseline, else in the data file): P or FROM..TO.
    #[arg(long, value_name = "P")]
    pub baseline_period: Option<String>,
}

impl BaselineArgs {
    /// Whether the change since a baseline was asked for.
    pub fn asked(&self) -> bool {
        self.baseline.is_some() || self.baseline_period.is_some()
    }
}

/// Scores the baseline and the change of every unit since; units it lacks
/// are named in a notice on standard error (the report shows no change for
/// them, and, when `reads_prev`, their `prev.` values were undefined).
pub fn baseline_changes(
    campaign: &Campaign,
    metrics: &Metrics,
    scores: &[UnitScore],
    baseline: &Baseline,
    reads_prev: bool,
    lang: Lang,
) -> Result<Vec<Option<Change>>> {
    let base_scores = score_baseline(campaign, &baseline.metrics)?;
    let absent = missing(metrics, &baseline.metrics);
    if !absent.is_empty() {
        let more = absent.len().saturating_sub(NOTICE_LISTED);
        let tail = if more > 0 {
            crate::msg!(BaselineAbsentMore, more)
        } else {
            Text::default()
        };
        let prev = if reads_prev {
            Msg::BaselineAbsentPrev.into()
        } else {
            Text::default()
        };
        let listed = absent[..absent.len().min(NOTICE_LISTED)].join(", ");
        let notice = crate::msg!(
            BaselineAbsent,
            absent.len(),
            baseline.label,
            listed,
            tail,
            prev
        );
        eprintln!("{} {}", Msg::Notice.render(lang), notice.render(lang));
    }
    Ok(changes(
        campaign,
        metrics,
        scores,
        &baseline.metrics,
        &base_scores,
    ))
}

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Rank also under this campaign file (B) and show the differences.
    #[arg(long, value_name = "FILE", conflicts_with = "compare_weights")]
    pub compare: Option<PathBuf>,
    /// Rank also under these weights `{criterion_id: points}` on top of the campaign (B).
    #[arg(long, value_name = "FILE")]
    pub compare_weights: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct SensitivityArgs {
    /// Draw random weights N times and show how stable each rank and quota place is (needs --tier).
    #[arg(long, value_name = "N", requires = "tier",
          value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_DRAWS)))]
    pub sensitivity: Option<u32>,
    /// How far each criterion's points may vary in a draw: ±S, 0 ≤ S < 1 [default: 0.25] (needs --sensitivity).
    #[arg(long, value_name = "S", value_parser = parse_spread, requires = "sensitivity")]
    pub spread: Option<f64>,
    /// Seed of the draws: the same seed gives the same figures everywhere [default: 1] (needs --sensitivity).
    #[arg(long, value_name = "K", requires = "sensitivity")]
    pub seed: Option<u64>,
}

fn parse_spread(text: &str) -> Result<f64, Text> {
    match text.trim().parse::<f64>() {
        Ok(s) if (0.0..1.0).contains(&s) => Ok(s),
        _ => Err(crate::msg!(NotASpread, text)),
    }
}

impl SensitivityArgs {
    /// The draws asked for; clap has checked that `--spread` and `--seed`
    /// come with `--sensitivity`, and `--sensitivity` with `--tier`.
    pub fn draws(&self) -> Option<Draws> {
        self.sensitivity.map(|count| Draws {
            count,
            spread: self.spread.unwrap_or(0.25),
            seed: self.seed.unwrap_or(1),
        })
    }

    /// Refuses runs whose ranks would not fit in memory.
    pub fn check_size(draws: Draws, units: usize) -> Result<()> {
        let kept = u64::from(draws.count) * units as u64;
        if kept > MAX_RANKS_KEPT {
            let most = MAX_RANKS_KEPT / (units as u64).max(1);
            return Err(UsageError(crate::msg!(TooManyDraws, draws.count, units, most)).into());
        }
        Ok(())
    }
}

/// Threads for the draws: one per core (the figures never depend on it).
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

//! What it would take: for each unit below tier T's quota line (or tied at
//! it, or ineligible) and each lever the campaign declares, the smallest whole
//! k such that k × the lever's change to that unit's counts puts it inside
//! T's line — decided by the real scorer and the one quota line
//! ([`crate::ranking::walk`]), so k is exact: k works and k − 1 does not.
//! Pure: no I/O; `rank --levers` and `gap` show the answers (`report::levers`,
//! `report::gap`).

pub(crate) mod line;
mod probes;
mod search;

#[cfg(test)]
mod tests;

use anyhow::{Result, anyhow};

use crate::campaign::{Campaign, Scoring, TieBreak, suggestion};
use crate::metrics::{Metrics, UnitRow, part_rules};
use crate::problem::Problem;
use crate::ranking::{LineStatus, Reason};
use crate::scoring::{Scorer, UnitScore};

pub use line::Lines;
pub use search::Search;

/// Steps tried at most when nothing in the data bounds a lever (a lever
/// that only adds): far beyond any real unit's year.
pub const SEARCH_CAP: u64 = 1_000_000;
/// Steps scanned one by one at most when the score is not monotone in k.
pub const SCAN_CAP: u64 = 20_000;

/// A lever with its metrics resolved against one data file.
#[derive(Debug, Clone)]
pub struct BoundLever {
    /// Index into `Campaign::levers`.
    pub lever: usize,
    /// (metric index, change per step).
    pub deltas: Vec<(usize, i64)>,
    /// Criteria whose value or formula reads a changed metric.
    pub criteria: Vec<usize>,
    /// Whether some penalty, gate or tie-break rule reads a changed metric.
    pub beyond_criteria: bool,
    /// By group index: whether anything a unit of the group is ranked on
    /// (its criteria, penalties and gates, the tie-break rules) reads a
    /// changed metric; when not, every k leaves the unit as it is.
    pub moves: Vec<bool>,
}

/// Resolves every lever's metric names against the data file's columns: an
/// unknown name is an error naming the campaign line and the closest column.
pub fn bind(campaign: &Campaign, metrics: &Metrics) -> Result<Vec<BoundLever>> {
    let known: Vec<&str> = metrics.names.iter().map(String::as_str).collect();
    let reads = |names: &[String], m: &str| names.iter().any(|n| n == m);
    campaign
        .levers
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let deltas = l
                .change
                .iter()
                .map(|(m, d)| {
                    let at = metrics.metric_index(m).ok_or_else(|| {
                        let why = crate::msg!(
                            LeverUnknownMetric,
                            l.id,
                            m,
                            metrics.file,
                            suggestion(m, &known)
                        );
                        anyhow!(Problem::line(&campaign.file, l.line.line(), why))
                    })?;
                    Ok((at, *d))
                })
                .collect::<Result<Vec<_>>>()?;
            let changed = |names: &[String]| l.change.iter().any(|(m, _)| reads(names, m));
            let criteria: Vec<usize> = campaign
                .criteria
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.value.as_ref().is_some_and(|e| changed(e.names()))
                        || matches!(&c.scoring, Scoring::Formula { expr, .. } if changed(expr.names()))
                })
                .map(|(i, _)| i)
                .collect();
            let rules = campaign.tiebreak.iter().any(|t| match t {
                TieBreak::Rule { rule, .. } => changed(rule.names()),
                TieBreak::Criterion(_) => false,
            });
            let beyond_criteria = rules
                || campaign.penalties.iter().any(|p| changed(p.count.names()))
                || campaign.gates.iter().any(|g| changed(g.rule.names()));
            let moves = (0..campaign.groups.len())
                .map(|g| {
                    rules
                        || criteria
                            .iter()
                            .any(|&j| campaign.criteria[j].applies_to.contains(&g))
                        || campaign
                            .penalties
                            .iter()
                            .any(|p| p.applies_to.contains(&g) && changed(p.count.names()))
                        || campaign
                            .gates
                            .iter()
                            .any(|x| x.applies_to.contains(&g) && changed(x.rule.names()))
                })
                .collect();
            Ok(BoundLever {
                lever: i,
                deltas,
                criteria,
                beyond_criteria,
                moves,
            })
        })
        .collect()
}

/// Why no k up to what the data allows puts the unit inside the line.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// The criteria the lever moves are at their maximum already (at the
    /// campaign's precision): it has nothing left to give.
    AtMax,
    /// By k_max the criteria the lever moves reach their maximum, and even
    /// that is not enough.
    MaxNotEnough,
    /// The lever moves nothing that is scored.
    NoEffect,
    /// At k_max the unit ranks no higher than it does now (the lever lowers
    /// some criterion as much as it raises others, or more).
    NoGain,
    /// At k_max the unit still fails these gates (or the floor) of the tier.
    Gate(Vec<Reason>),
    /// At k_max the unit takes a place of this higher tier instead.
    HigherTier(usize),
    /// A count the lever lowers would go below 0 past k_max.
    Zero(usize),
    /// Parts would exceed their whole past k_max (index into `part_rules`).
    Part(Vec<usize>, usize),
    /// The unit has no figure for this metric.
    Missing(usize),
    /// Nothing bounds the lever and [`SEARCH_CAP`] steps are not enough.
    Cap,
    /// The campaign cannot score the unit at k_max (`when_undefined: error`).
    Undefined,
}

impl Why {
    /// Machine id, as JSON and CSV write it.
    pub fn id(&self) -> &'static str {
        match self {
            Why::AtMax => "at_max",
            Why::MaxNotEnough => "max_not_enough",
            Why::NoEffect => "no_effect",
            Why::NoGain => "no_gain",
            Why::Gate(_) => "gate",
            Why::HigherTier(_) => "higher_tier",
            Why::Zero(_) | Why::Part(..) => "data_limit",
            Why::Missing(_) => "missing",
            Why::Cap => "search_cap",
            Why::Undefined => "undefined",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// k × change puts the unit inside; (k − 1) × change does not.
    Reached {
        k: u64,
        score: UnitScore,
        /// Rank in the group at the tier, others unchanged.
        rank: u32,
    },
    Unreachable {
        why: Why,
        /// The most steps the data allows.
        k_max: u64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Index into `Campaign::levers`.
    pub lever: usize,
    pub outcome: Outcome,
    /// The probes seen were monotone in k (else a scan decided).
    pub monotone: bool,
}

impl Answer {
    pub fn k(&self) -> Option<u64> {
        match self.outcome {
            Outcome::Reached { k, .. } => Some(k),
            Outcome::Unreachable { .. } => None,
        }
    }
}

/// A unit outside tier T's line and what each lever would take.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitLevers {
    /// Index into the scores.
    pub score: usize,
    pub status: LineStatus,
    pub answers: Vec<Answer>,
}

impl UnitLevers {
    /// The reachable lever with the fewest steps (first declared on a tie).
    pub fn cheapest(&self) -> Option<&Answer> {
        self.answers
            .iter()
            .filter(|a| a.k().is_some())
            .min_by_key(|a| a.k())
    }
}

/// Every unit of tier T's groups that is not inside its line (and did not
/// win a higher tier), with its answers; by score index, `None` for the rest.
pub fn what_it_takes(
    campaign: &Campaign,
    scorer: &Scorer,
    metrics: &Metrics,
    scores: &[UnitScore],
    tier: usize,
    levers: &[BoundLever],
    threads: usize,
) -> Vec<Option<UnitLevers>> {
    let search = Search::new(campaign, scorer, metrics, scores, tier, levers);
    let todo = search.candidates();
    let mut out: Vec<Option<UnitLevers>> = vec![None; scores.len()];
    let chunk = todo.len().div_ceil(threads.max(1)).max(1);
    let done: Vec<Vec<UnitLevers>> = std::thread::scope(|s| {
        let handles: Vec<_> = todo
            .chunks(chunk)
            .map(|part| {
                let search = &search;
                s.spawn(move || part.iter().map(|&i| search.unit(i)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a lever search thread panicked"))
            .collect()
    });
    for u in done.into_iter().flatten() {
        let i = u.score;
        out[i] = Some(u);
    }
    out
}

/// The unit's figures (by index into `Metrics::units`) after k steps.
pub fn apply(metrics: &Metrics, unit: usize, lever: &BoundLever, k: u64) -> UnitRow {
    let mut row = metrics.units[unit].clone();
    for &(m, d) in &lever.deltas {
        row.values[m] = row.values[m].map(|v| v + (k as f64) * (d as f64));
    }
    row
}

/// The part rules of the data file (see [`crate::metrics::PARTS`]).
fn parts(metrics: &Metrics) -> Vec<(Vec<usize>, usize)> {
    part_rules(&metrics.names)
}

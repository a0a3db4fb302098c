//! "Did this unit actually improve since the campaign began?": the same units
//! scored on baseline data (another file, or another period of the same file),
//! and the change per criterion and in total.

use std::collections::HashMap;

use anyhow::Result;

use crate::campaign::Campaign;
use crate::metrics::Metrics;
use crate::ranking::rank_group;
use crate::scoring::{Scorer, UnitScore, round_to};

/// One unit's standing in the baseline and its change since.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Total in the baseline.
    pub total: f64,
    /// Now minus baseline.
    pub delta_total: f64,
    /// Points now minus points then, per criterion; `None` when the criterion
    /// does not count in one of the two.
    pub criteria: Vec<Option<f64>>,
    /// Rank within the group among the baseline's units.
    pub rank: u32,
}

/// The baseline scored with the campaign. Its own `prev.` values are
/// undefined: there is no period before the baseline, so `when_undefined`
/// decides those criteria there.
pub fn score_baseline(campaign: &Campaign, baseline: &Metrics) -> Result<Vec<UnitScore>> {
    let nothing_before = Metrics {
        file: baseline.file.clone(),
        names: baseline.names.clone(),
        units: Vec::new(),
        periods: Vec::new(),
    };
    Scorer::with_baseline(campaign, baseline, Some(&nothing_before))?.score_all(baseline)
}

/// Per score index of `scores` (scored on `current`), the unit's change since
/// the baseline; `None` for units the baseline does not have.
pub fn changes(
    campaign: &Campaign,
    current: &Metrics,
    scores: &[UnitScore],
    baseline: &Metrics,
    base_scores: &[UnitScore],
) -> Vec<Option<Change>> {
    let p = campaign.precision;
    let mut base_rank = vec![0u32; base_scores.len()];
    for g in 0..campaign.groups.len() {
        for (i, r) in rank_group(campaign, base_scores, g) {
            base_rank[i] = r;
        }
    }
    let by_id: HashMap<&str, usize> = base_scores
        .iter()
        .enumerate()
        .map(|(i, s)| (baseline.units[s.unit].id.as_str(), i))
        .collect();
    scores
        .iter()
        .map(|s| {
            let &b = by_id.get(current.units[s.unit].id.as_str())?;
            let before = &base_scores[b];
            Some(Change {
                total: before.total,
                delta_total: round_to(s.total - before.total, p),
                criteria: s
                    .criteria
                    .iter()
                    .zip(&before.criteria)
                    .map(|(now, then)| Some(round_to(now.points? - then.points?, p)))
                    .collect(),
                rank: base_rank[b],
            })
        })
        .collect()
}

/// Ids of the units of `current` that the baseline does not have, in file order.
pub fn missing<'m>(current: &'m Metrics, baseline: &Metrics) -> Vec<&'m str> {
    let known: std::collections::HashSet<&str> =
        baseline.units.iter().map(|u| u.id.as_str()).collect();
    current
        .units
        .iter()
        .map(|u| u.id.as_str())
        .filter(|id| !known.contains(id))
        .collect()
}

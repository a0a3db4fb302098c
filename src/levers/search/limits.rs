//! What stops a lever on one unit: how far its figures let it go (no count
//! below 0, no part above its whole) and, when no k works, why.

use super::Search;
use crate::levers::{BoundLever, SEARCH_CAP, Why};
use crate::ranking::{LineStatus, failed_gates, rank_key};
use crate::scoring::UnitScore;

/// How far a lever can go on a unit's figures, and what stops it.
pub(super) enum Limit {
    Max(u64, Why),
    Missing(usize),
}

impl Search<'_> {
    /// The most steps the unit's figures allow: no count below 0, no part
    /// above its whole.
    pub(super) fn limit(&self, i: usize, l: &BoundLever) -> Limit {
        let v = &self.metrics.units[self.scores[i].unit].values;
        if let Some(&(m, _)) = l.deltas.iter().find(|(m, _)| v[*m].is_none()) {
            return Limit::Missing(m);
        }
        let delta = |m: usize| l.deltas.iter().find(|(x, _)| *x == m).map_or(0, |d| d.1);
        let mut best = (SEARCH_CAP, Why::Cap);
        for &(m, d) in &l.deltas {
            if d < 0 {
                let k = (v[m].unwrap_or(0.0) / (-d) as f64 + 1e-9).floor().max(0.0) as u64;
                if k < best.0 {
                    best = (k, Why::Zero(m));
                }
            }
        }
        for (ps, w) in &self.parts {
            let Some(whole) = v[*w] else { continue };
            let grow: i64 = ps.iter().map(|&p| delta(p)).sum::<i64>() - delta(*w);
            if grow <= 0 || ps.iter().all(|&p| delta(p) == 0) && delta(*w) == 0 {
                continue;
            }
            let sum: f64 = ps.iter().filter_map(|&p| v[p]).sum();
            let k = ((whole - sum + 1e-9) / grow as f64).floor().max(0.0) as u64;
            if k < best.0 {
                best = (k, Why::Part(ps.clone(), *w));
            }
        }
        Limit::Max(best.0, best.1)
    }

    /// Why the unit is still outside at k_max (`score`, `status`).
    pub(super) fn why(
        &self,
        i: usize,
        l: &BoundLever,
        score: Option<&UnitScore>,
        status: Option<LineStatus>,
        limit: Why,
    ) -> Why {
        let Some(s) = score else {
            return Why::Undefined;
        };
        let failed = failed_gates(self.campaign, s, Some(self.tier));
        if !failed.is_empty() {
            return Why::Gate(failed);
        }
        let c = self.campaign;
        let touched = self.touched(i, l).next().is_some();
        if !touched && !l.beyond_criteria {
            return Why::NoEffect;
        }
        if touched && self.at_max(i, l, s) && !l.beyond_criteria {
            return self.maxed(i, l);
        }
        if let Some(LineStatus::WonHigherTier(t)) = status {
            return Why::HigherTier(t);
        }
        if touched && self.at_max(i, l, s) {
            return self.maxed(i, l);
        }
        if rank_key(c, s) <= rank_key(c, &self.scores[i]) {
            return Why::NoGain;
        }
        limit
    }

    /// The moved criteria are at their maximum at k_max: "already at the
    /// maximum" only if they are now, else "not enough even at the maximum".
    fn maxed(&self, i: usize, l: &BoundLever) -> Why {
        if self.at_max(i, l, &self.scores[i]) {
            Why::AtMax
        } else {
            Why::MaxNotEnough
        }
    }
}

//! The search for k, one unit and one lever at a time: the most steps the
//! data allows (no count below 0, no part above its whole), then doubling and
//! bisection, a scan where the probes show the score is not monotone in k,
//! and a check that k works and k − 1 does not.

use super::line::{Lines, exact};
use super::{Answer, BoundLever, Outcome, SCAN_CAP, SEARCH_CAP, UnitLevers, Why, parts};
use crate::campaign::{Campaign, WhenUndefined};
use crate::metrics::{Metrics, UnitRow};
use crate::ranking::{LineStatus, failed_gates, rank_key};
use crate::scoring::{Scorer, UnitScore, round_to};

/// Everything a search reads, built once per (campaign, data, tier).
pub struct Search<'a> {
    campaign: &'a Campaign,
    scorer: &'a Scorer<'a>,
    metrics: &'a Metrics,
    scores: &'a [UnitScore],
    tier: usize,
    levers: &'a [BoundLever],
    parts: Vec<(Vec<usize>, usize)>,
    pub lines: Lines<'a>,
}

/// One probe: the unit scored with k steps and where that puts it.
#[derive(Debug, Clone)]
pub struct Probe {
    pub k: u64,
    /// `None` when the campaign cannot score the unit (`when_undefined: error`).
    pub score: Option<UnitScore>,
    pub status: Option<LineStatus>,
}

impl Probe {
    fn inside(&self) -> bool {
        self.status == Some(LineStatus::In)
    }
}

/// How far a lever can go on a unit's figures, and what stops it.
enum Limit {
    Max(u64, Why),
    Missing(usize),
}

impl<'a> Search<'a> {
    pub fn new(
        campaign: &'a Campaign,
        scorer: &'a Scorer<'a>,
        metrics: &'a Metrics,
        scores: &'a [UnitScore],
        tier: usize,
        levers: &'a [BoundLever],
    ) -> Search<'a> {
        Search {
            campaign,
            scorer,
            metrics,
            scores,
            tier,
            levers,
            parts: parts(metrics),
            lines: Lines::new(campaign, scores, tier),
        }
    }

    /// Score indices of the units of T's groups that are not inside its line
    /// and did not win a higher tier: out, tied, or ineligible.
    pub fn candidates(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .lines
            .walk
            .last()
            .into_iter()
            .flatten()
            .flat_map(|g| &g.entries)
            .filter(|e| {
                matches!(
                    e.line,
                    Some(LineStatus::Out | LineStatus::Tie | LineStatus::Ineligible)
                )
            })
            .map(|e| e.score)
            .collect();
        v.sort_unstable();
        v
    }

    /// Every lever's answer for the unit with score index `i`.
    pub fn unit(&self, i: usize) -> UnitLevers {
        let (status, fast) = self.lines.unchanged(i).unwrap_or((LineStatus::Out, false));
        let mut row = self.metrics.units[self.scores[i].unit].clone();
        let answers = self
            .levers
            .iter()
            .map(|l| self.lever(i, l, &mut row, fast))
            .collect();
        UnitLevers {
            score: i,
            status,
            answers,
        }
    }

    /// The unit scored with `k` steps of the lever, and its status at T.
    pub fn probe(&self, i: usize, l: &BoundLever, row: &mut UnitRow, k: u64, fast: bool) -> Probe {
        let base = &self.metrics.units[self.scores[i].unit];
        for &(m, d) in &l.deltas {
            row.values[m] = base.values[m].map(|v| v + (k as f64) * (d as f64));
        }
        let scored = self
            .scorer
            .score(self.scores[i].unit, row, &self.metrics.file)
            .ok();
        for &(m, _) in &l.deltas {
            row.values[m] = base.values[m];
        }
        let status = scored.as_ref().and_then(|s| {
            fast.then(|| self.lines.status(i, s))
                .flatten()
                .or_else(|| exact(self.campaign, self.scores, self.tier, i, s).map(|(st, _)| st))
        });
        Probe {
            k,
            score: scored,
            status,
        }
    }

    /// Checks an answer against the real walk (no shortcut): with k steps
    /// the unit is inside, with k − 1 it is not; an unreachable lever leaves
    /// it outside at k_max.
    pub fn verify(&self, i: usize, a: &Answer) -> bool {
        let l = &self.levers[a.lever];
        let inside = |k: u64| {
            let s = self.scorer.score(
                self.scores[i].unit,
                &super::apply(self.metrics, self.scores[i].unit, l, k),
                &self.metrics.file,
            );
            s.ok()
                .and_then(|s| exact(self.campaign, self.scores, self.tier, i, &s))
                .is_some_and(|(st, _)| st == LineStatus::In)
        };
        match a.outcome {
            Outcome::Reached { k, .. } => inside(k) && (k == 1 || !inside(k - 1)),
            Outcome::Unreachable { k_max, .. } => !inside(k_max),
        }
    }

    /// The status at T of unit `i` scored `s`, by the real walk (no shortcut).
    pub fn exact_status(&self, i: usize, s: &UnitScore) -> Option<LineStatus> {
        exact(self.campaign, self.scores, self.tier, i, s).map(|(st, _)| st)
    }

    /// The rank at T the unit reaches with this score (others unchanged).
    pub fn rank(&self, i: usize, s: &UnitScore) -> u32 {
        self.lines.rank(i, s)
    }

    /// The most steps the unit's figures allow: no count below 0, no part
    /// above its whole.
    fn limit(&self, i: usize, l: &BoundLever) -> Limit {
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

    fn lever(&self, i: usize, l: &BoundLever, row: &mut UnitRow, fast: bool) -> Answer {
        let k_max = match self.limit(i, l) {
            Limit::Missing(m) => {
                return Answer {
                    lever: l.lever,
                    outcome: Outcome::Unreachable {
                        why: Why::Missing(m),
                        k_max: 0,
                    },
                    monotone: true,
                };
            }
            Limit::Max(k, why) => (k, why),
        };
        if fast && self.capped(i, l) {
            return Answer {
                lever: l.lever,
                outcome: Outcome::Unreachable {
                    why: Why::AtMax,
                    k_max: k_max.0,
                },
                monotone: true,
            };
        }
        // k = 0 is the unit as it is: outside (else it would not be asked about).
        let mut probes: Vec<Probe> = vec![Probe {
            k: 0,
            score: Some(self.scores[i].clone()),
            status: None,
        }];
        let mut at = |k: u64, probes: &mut Vec<Probe>| -> bool {
            if let Some(p) = probes.iter().find(|p| p.k == k) {
                return p.inside();
            }
            let p = self.probe(i, l, row, k, fast);
            let inside = p.inside();
            probes.push(p);
            inside
        };
        // Doubling: the first k (1, 2, 4, …, k_max) that works, if any.
        let (mut lo, mut hi) = (0u64, None);
        let mut k = 1;
        while k <= k_max.0 {
            if at(k, &mut probes) {
                hi = Some(k);
                break;
            }
            lo = k;
            if k == k_max.0 {
                break;
            }
            k = (k * 2).min(k_max.0);
        }
        // Bisection between the last k that fails and the first that works.
        if let Some(mut h) = hi {
            while h - lo > 1 {
                let mid = lo + (h - lo) / 2;
                if at(mid, &mut probes) {
                    h = mid;
                } else {
                    lo = mid;
                }
            }
            hi = Some(h);
        }
        let monotone = monotone(self.campaign, &mut probes);
        if !monotone {
            // A smaller k may work between the probes: scan from 1.
            let end = hi.map_or(k_max.0, |h| h - 1).min(SCAN_CAP);
            if let Some(k) = (1..=end).find(|&k| at(k, &mut probes)) {
                hi = Some(k);
            }
        }
        let outcome = match hi {
            Some(mut k) => {
                // Verify: k works (probed); k − 1 must not. Bisection and the
                // scan have probed k − 1 already, so this only reads them back.
                while k > 1 && at(k - 1, &mut probes) {
                    k -= 1;
                }
                let p = probes.iter().find(|p| p.k == k).expect("k was probed");
                let score = p.score.clone().expect("an inside probe was scored");
                Outcome::Reached {
                    k,
                    rank: self.rank(i, &score),
                    score,
                }
            }
            None => {
                let last = if k_max.0 == 0 {
                    self.probe(i, l, row, 0, fast)
                } else {
                    at(k_max.0, &mut probes);
                    probes
                        .iter()
                        .find(|p| p.k == k_max.0)
                        .cloned()
                        .expect("probed")
                };
                Outcome::Unreachable {
                    why: self.why(i, l, &last, k_max.1),
                    k_max: k_max.0,
                }
            }
        };
        Answer {
            lever: l.lever,
            outcome,
            monotone,
        }
    }

    /// Whether the lever provably cannot help, with no probe: every
    /// criterion it moves is already at full points (points never exceed
    /// them, and none can leave the maximum, so the percent cannot rise
    /// either) and no penalty or gate reads what it changes — the unit's key,
    /// gates and percent can only stay or fall, and it is outside now. Only
    /// on the shortcut line: a unit tied at a higher tier can get in below by
    /// falling out of that tie, which the probes then find.
    fn capped(&self, i: usize, l: &BoundLever) -> bool {
        let c = self.campaign;
        let s = &self.scores[i];
        let touched = l
            .criteria
            .iter()
            .filter(|&&j| c.criteria[j].applies_to.contains(&s.group));
        !l.penalties_or_gates
            && touched.clone().next().is_some()
            && touched
                .clone()
                .all(|&j| c.criteria[j].when_undefined != WhenUndefined::Exclude)
            && touched.into_iter().all(|&j| {
                s.criteria[j]
                    .points
                    .is_some_and(|p| p >= round_to(c.criteria[j].points, c.precision))
            })
    }

    /// Why the unit is still outside at k_max (`last`).
    fn why(&self, i: usize, l: &BoundLever, last: &Probe, limit: Why) -> Why {
        let Some(s) = &last.score else {
            return Why::Undefined;
        };
        let failed = failed_gates(self.campaign, s, Some(self.tier));
        if !failed.is_empty() {
            return Why::Gate(failed);
        }
        let c = self.campaign;
        let group = self.scores[i].group;
        let touched: Vec<usize> = l
            .criteria
            .iter()
            .copied()
            .filter(|&j| c.criteria[j].applies_to.contains(&group))
            .collect();
        let at_max = |s: &UnitScore| {
            touched.iter().all(|&j| {
                s.criteria[j]
                    .points
                    .is_none_or(|p| p >= round_to(c.criteria[j].points, c.precision))
            })
        };
        if touched.is_empty() && !l.penalties_or_gates {
            return Why::NoEffect;
        }
        if !touched.is_empty() && at_max(s) && !l.penalties_or_gates {
            return Why::AtMax;
        }
        if let Some(LineStatus::WonHigherTier(t)) = last.status {
            return Why::HigherTier(t);
        }
        if !touched.is_empty() && at_max(s) {
            return Why::AtMax;
        }
        if rank_key(c, s) <= rank_key(c, &self.scores[i]) {
            return Why::NoGain;
        }
        limit
    }
}

/// Whether the probes, in order of k (from k = 0, as things are), move one
/// way only: the unit's rank key, its percent (the floor) and its gates never
/// go down and being inside is never lost — or all of them never go up, so
/// being inside is never gained. Either way bisection cannot miss a k.
fn monotone(c: &Campaign, probes: &mut [Probe]) -> bool {
    probes.sort_by_key(|p| p.k);
    let le = |x: &UnitScore, y: &UnitScore| {
        rank_key(c, x) <= rank_key(c, y)
            && x.percent <= y.percent
            && x.gates
                .iter()
                .zip(&y.gates)
                .all(|(g, h)| g.failed() || !h.failed())
    };
    let step = |a: &Probe, b: &Probe, up: bool| match (&a.score, &b.score) {
        (Some(x), Some(y)) if up => le(x, y) && (b.inside() || !a.inside()),
        (Some(x), Some(y)) => le(y, x) && (a.inside() || !b.inside()),
        _ => false,
    };
    [true, false]
        .into_iter()
        .any(|up| probes.windows(2).all(|w| step(&w[0], &w[1], up)))
}

//! The search for k, one unit and one lever at a time: the most steps the
//! data allows (no count below 0, no part above its whole), then doubling and
//! bisection, a scan where the probes show the score is not monotone in k,
//! and a check that k works and k − 1 does not.

mod limits;

use super::line::{Lines, exact};
use super::probes::Scratch;
use super::{Answer, BoundLever, Outcome, SCAN_CAP, UnitLevers, Why, parts};
use crate::campaign::{Campaign, WhenUndefined};
use crate::metrics::{Metrics, UnitRow};
use crate::ranking::{LineStatus, failed_gates, rank_key, rank_key_into};
use crate::scoring::{Scorer, UnitScore, round_to};
use limits::Limit;

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
        let mut sc = Scratch::new(self.metrics.units[self.scores[i].unit].clone());
        let answers = self
            .levers
            .iter()
            .map(|l| self.lever(i, l, &mut sc, fast))
            .collect();
        UnitLevers {
            score: i,
            status,
            answers,
        }
    }

    /// The unit scored with `k` steps of the lever, and its status at T.
    pub fn probe(&self, i: usize, l: &BoundLever, row: &mut UnitRow, k: u64, fast: bool) -> Probe {
        let mut s = UnitScore::empty();
        let scored = self.score_at(i, l, row, k, &mut s);
        let status = scored
            .then(|| self.status_of(i, &s, &rank_key(self.campaign, &s), fast))
            .flatten();
        Probe {
            k,
            score: scored.then_some(s),
            status,
        }
    }

    /// Scores the unit with `k` steps of the lever into `out` (the row is
    /// left as it was); `false` when the campaign cannot score it.
    fn score_at(
        &self,
        i: usize,
        l: &BoundLever,
        row: &mut UnitRow,
        k: u64,
        out: &mut UnitScore,
    ) -> bool {
        let base = &self.metrics.units[self.scores[i].unit];
        for &(m, d) in &l.deltas {
            row.values[m] = base.values[m].map(|v| v + (k as f64) * (d as f64));
        }
        let scored = self
            .scorer
            .score_into(self.scores[i].unit, row, &self.metrics.file, out)
            .is_ok();
        for &(m, _) in &l.deltas {
            row.values[m] = base.values[m];
        }
        scored
    }

    /// The status at T of unit `i` scored `s` (rank key `key`): by the
    /// shortcut line when it holds, else by the real walk.
    fn status_of(&self, i: usize, s: &UnitScore, key: &[i64], fast: bool) -> Option<LineStatus> {
        fast.then(|| self.lines.status_keyed(i, s, key))
            .flatten()
            .or_else(|| exact(self.campaign, self.scores, self.tier, i, s).map(|(st, _)| st))
    }

    /// Probes k into the scratch's score and records it; the unit's status at T.
    fn at(
        &self,
        i: usize,
        l: &BoundLever,
        sc: &mut Scratch,
        k: u64,
        fast: bool,
    ) -> Option<LineStatus> {
        if let Some(r) = sc.probes.find(k) {
            return r.status;
        }
        let scored = self.score_at(i, l, &mut sc.row, k, &mut sc.score);
        sc.last = scored.then_some(k);
        let status = if scored {
            rank_key_into(self.campaign, &sc.score, &mut sc.key);
            self.status_of(i, &sc.score, &sc.key, fast)
        } else {
            None
        };
        sc.probes
            .push(k, scored.then_some(&sc.score), &sc.key, status);
        status
    }

    /// The score and status at k, re-scored unless the scratch holds it.
    fn rescore(
        &self,
        i: usize,
        l: &BoundLever,
        sc: &mut Scratch,
        k: u64,
        fast: bool,
    ) -> (Option<UnitScore>, Option<LineStatus>) {
        if sc.last != Some(k) {
            let scored = self.score_at(i, l, &mut sc.row, k, &mut sc.score);
            sc.last = scored.then_some(k);
        }
        if sc.last != Some(k) {
            return (None, None);
        }
        rank_key_into(self.campaign, &sc.score, &mut sc.key);
        let status = self.status_of(i, &sc.score, &sc.key, fast);
        (Some(sc.score.clone()), status)
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

    fn lever(&self, i: usize, l: &BoundLever, sc: &mut Scratch, fast: bool) -> Answer {
        let unreachable = |why: Why, k_max: u64| Answer {
            lever: l.lever,
            outcome: Outcome::Unreachable { why, k_max },
            monotone: true,
        };
        let k_max = match self.limit(i, l) {
            Limit::Missing(m) => return unreachable(Why::Missing(m), 0),
            Limit::Max(k, why) => (k, why),
        };
        let group = self.scores[i].group;
        if !l.moves[group] {
            // Nothing the unit's score reads changes: every k scores it as it
            // is now, outside (a failed gate or floor stays failed).
            let failed = failed_gates(self.campaign, &self.scores[i], Some(self.tier));
            let why = if failed.is_empty() {
                Why::NoEffect
            } else {
                Why::Gate(failed)
            };
            return unreachable(why, k_max.0);
        }
        let settles = fast && self.maxing(i, l);
        if settles && self.at_max(i, l, &self.scores[i]) {
            return unreachable(Why::AtMax, k_max.0);
        }
        if settles && self.beyond_reach(i, l, sc) {
            // Not even full points on every moved criterion get the unit in:
            // no k does. Report what stops the lever at k_max.
            let (score, status) = self.rescore(i, l, sc, k_max.0, fast);
            return unreachable(self.why(i, l, score.as_ref(), status, k_max.1), k_max.0);
        }
        // k = 0 is the unit as it is: outside (else it would not be asked about).
        sc.probes.clear();
        sc.probes
            .push_base(self.campaign, &self.scores[i], &mut sc.key);
        // Doubling: the first k (1, 2, 4, …, k_max) that puts the unit in,
        // or past T into a higher tier's place (an exclusive campaign), if any.
        let (mut lo, mut hi) = (0u64, None);
        let mut k = 1;
        while k <= k_max.0 {
            if beyond(self.at(i, l, sc, k, fast)) {
                hi = Some(k);
                break;
            }
            lo = k;
            if k == k_max.0 {
                break;
            }
            k = (k * 2).min(k_max.0);
        }
        // Bisection between the last k that fails and the first that gets in
        // or past; past means the unit goes from below T's line straight to
        // a higher tier's place between two steps: no k puts it in T's.
        if let Some(mut h) = hi {
            while h - lo > 1 {
                let mid = lo + (h - lo) / 2;
                if beyond(self.at(i, l, sc, mid, fast)) {
                    h = mid;
                } else {
                    lo = mid;
                }
            }
            hi = (self.at(i, l, sc, h, fast) == Some(LineStatus::In)).then_some(h);
        }
        let monotone = sc.probes.monotone();
        if !monotone {
            // A smaller k may work between the probes: scan from 1.
            let end = hi.map_or(k_max.0, |h| h - 1).min(SCAN_CAP);
            if let Some(k) = (1..=end).find(|&k| self.at(i, l, sc, k, fast) == Some(LineStatus::In))
            {
                hi = Some(k);
            }
        }
        let outcome = match hi {
            Some(mut k) => {
                // Verify: k works (probed); k − 1 must not. Bisection and the
                // scan have probed k − 1 already, so this only reads them back.
                while k > 1 && self.at(i, l, sc, k - 1, fast) == Some(LineStatus::In) {
                    k -= 1;
                }
                let (score, _) = self.rescore(i, l, sc, k, fast);
                let score = score.expect("an inside probe was scored");
                Outcome::Reached {
                    k,
                    rank: self.rank(i, &score),
                    score,
                }
            }
            None => {
                let (score, status) = self.rescore(i, l, sc, k_max.0, fast);
                Outcome::Unreachable {
                    why: self.why(i, l, score.as_ref(), status, k_max.1),
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

    /// The criteria of the unit's group the lever moves.
    fn touched<'l>(
        &'l self,
        i: usize,
        l: &'l BoundLever,
    ) -> impl Iterator<Item = usize> + Clone + 'l {
        let c = self.campaign;
        let group = self.scores[i].group;
        l.criteria
            .iter()
            .copied()
            .filter(move |&j| c.criteria[j].applies_to.contains(&group))
    }

    /// Every criterion the lever moves has full points in `s` (or does not
    /// count), compared at the campaign's precision: 19,98 of 20 is not full.
    fn at_max(&self, i: usize, l: &BoundLever, s: &UnitScore) -> bool {
        let c = self.campaign;
        self.touched(i, l).all(|j| {
            s.criteria[j].points.is_none_or(|p| {
                round_to(p, c.precision) >= round_to(c.criteria[j].points, c.precision)
            })
        })
    }

    /// Whether the unit's score with every moved criterion at full points
    /// (its ceiling) is the best the lever can do for it: the lever moves
    /// some criterion, none of them can drop out of the maximum
    /// (`when_undefined: exclude`), and no penalty, gate or tie-break rule
    /// reads what it changes. Then with any k each moved criterion has at
    /// most full points and the rest is as it is, so the total, tie-break
    /// points and percent are no higher than the ceiling's (the total only
    /// grows with points) and the gates are the same; a unit that the
    /// ceiling leaves outside (not in a higher tier's place or tie) stays
    /// outside with any k. Only on the shortcut line: a unit tied at a higher
    /// tier can get in below by falling out of that tie.
    fn maxing(&self, i: usize, l: &BoundLever) -> bool {
        let c = self.campaign;
        let mut touched = self.touched(i, l).peekable();
        !l.beyond_criteria
            && touched.peek().is_some()
            && touched.all(|j| c.criteria[j].when_undefined != WhenUndefined::Exclude)
    }

    /// With [`Search::maxing`]: whether the unit's ceiling (every moved
    /// criterion at full points, totalled by [`UnitScore::settle`] as
    /// scoring totals) leaves it outside T's line — then no k puts it in.
    fn beyond_reach(&self, i: usize, l: &BoundLever, sc: &mut Scratch) -> bool {
        let c = self.campaign;
        sc.last = None;
        sc.score.clone_from(&self.scores[i]);
        for j in self.touched(i, l) {
            let cs = &mut sc.score.criteria[j];
            cs.share = Some(1.0);
            cs.points = Some(round_to(c.criteria[j].points, c.precision));
        }
        sc.score.settle(c);
        rank_key_into(c, &sc.score, &mut sc.key);
        matches!(
            self.lines.status_keyed(i, &sc.score, &sc.key),
            Some(LineStatus::Out | LineStatus::Tie | LineStatus::Ineligible)
        )
    }
}

/// Inside T's line or past it, in a higher tier's place: the unit's status
/// only rises through Out, Tie, In and then a higher tier as its rank key
/// (and percent, and gates) rise, so bisection searches for this.
fn beyond(status: Option<LineStatus>) -> bool {
    matches!(status, Some(LineStatus::In | LineStatus::WonHigherTier(_)))
}

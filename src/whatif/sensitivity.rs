//! Would the winners still win if the weights were a little different? Monte
//! Carlo on the criteria's points, as the JRC's COINr does for composite
//! indices, but about quota awards: each draw re-weights every criterion,
//! re-ranks each group with the same tie rules and redraws the quota lines —
//! the higher tiers' first in an exclusive campaign, with `ranking::Line`,
//! the one line every command draws.
//! A draw is a weighted sum of shares computed once, rounded and compared as
//! integers at the campaign's precision exactly as scoring does — so a spread
//! of 0 gives back the nominal ranking — with no parsing and no allocation.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

use crate::campaign::{Campaign, TieBreak};
use crate::ranking::{GroupRanking, Line, LineStatus, Place, Reason};
use crate::scoring::{UnitScore, round_scaled_int, round_to};

mod summary;
#[cfg(test)]
pub(super) use summary::percentile;
use summary::summarise;

/// Ranks kept in memory (draws × units): 200 MB of `u32`.
pub const MAX_RANKS_KEPT: u64 = 50_000_000;
/// Most draws one run may ask for.
pub const MAX_DRAWS: u32 = 100_000;

/// What the user asked for: `--sensitivity N --spread S --seed K`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Draws {
    pub count: u32,
    /// Each criterion's points are multiplied by a factor in [1 − spread, 1 + spread].
    pub spread: f64,
    pub seed: u64,
}

/// How one unit fared over the draws.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Robustness {
    pub nominal_rank: u32,
    /// Where the nominal ranking puts the unit against the quota line.
    pub nominal_line: Option<LineStatus>,
    pub median_rank: u32,
    pub p5_rank: u32,
    pub p95_rank: u32,
    /// Share of draws with the unit inside the quota; a tie at the line counts half.
    pub p_in_quota: f64,
}

impl Robustness {
    /// A quota place (or its absence) is robust when the draws agree with the
    /// nominal ranking more than 90% of the time. Not robust: a probability
    /// between 10% and 90%, a tie at the line, or a nominal winner that rarely
    /// wins (a compromise unit beaten whenever one criterion weighs more).
    pub fn robust(&self) -> bool {
        match self.nominal_line {
            Some(LineStatus::In) => self.p_in_quota > 0.9,
            Some(LineStatus::Tie) => false,
            _ => self.p_in_quota < 0.1,
        }
    }
}

/// The tier's groups laid out for the draws: units are numbered group after
/// group, and every per-unit figure is a flat slice indexed by that number.
struct Model {
    /// Criteria per unit.
    k: usize,
    points: Vec<f64>,
    /// Unit-major `n × k`: share of each criterion's points earned, 0 when it does not count.
    shares: Vec<f64>,
    /// Unit-major `n × k`: whether the criterion counts for the unit.
    counts: Vec<bool>,
    /// Penalty points, scaled to integers.
    penalty: Vec<i64>,
    /// Tier-major `tiers × n`: passes the tier's gates (the floor depends on
    /// the weights: checked per draw).
    gates_pass: Vec<bool>,
    /// (first unit, end) per group of the tier.
    groups: Vec<(usize, usize)>,
    /// The lines to draw in each draw, highest tier first: the higher tiers'
    /// lines over these groups (exclusive campaigns), then the tier's own.
    lines: Vec<QuotaLine>,
    /// Number of tiers walked (the tier asked for is the last).
    tiers: usize,
    /// Per tie-break entry: the criterion, or `None` for a rule.
    tiebreak: Vec<Option<usize>>,
    /// Unit-major `n × tiebreak`: whether each rule holds for the unit.
    rules: Vec<bool>,
    precision: u32,
    scale: f64,
    /// Per tier walked.
    floors: Vec<Option<f64>>,
    /// Unit number → index into the scores.
    score_of: Vec<usize>,
    /// Rank and quota line of the nominal ranking.
    nominal: Vec<(u32, Option<LineStatus>)>,
}

/// One quota line of one tier over one of the tier's groups.
struct QuotaLine {
    tier: usize,
    /// Index into `Model::groups`.
    group: usize,
    places: u32,
}

/// Scratch space of one worker, allocated once for all its draws.
struct Scratch {
    weights: Vec<f64>,
    /// Per unit: total at precision, as an integer.
    totals: Vec<i64>,
    /// Unit-major: the tie-break criteria's points, as integers.
    ties: Vec<i64>,
    /// A group's (total, unit) in rank order.
    order: Vec<(i64, u32)>,
    /// Tier-major `tiers × n`.
    meets_floor: Vec<bool>,
    /// Taken by a higher tier in this draw.
    won: Vec<bool>,
}

/// Runs the draws for the groups of `tier` (as ranked in `groups`) and
/// returns, per score index, the unit's robustness (`None` outside the tier's
/// groups). `threads` only changes the speed, never a figure.
pub fn sensitivity(
    campaign: &Campaign,
    scores: &[UnitScore],
    tier: usize,
    groups: &[GroupRanking],
    draws: Draws,
    threads: usize,
) -> Vec<Option<Robustness>> {
    let model = Model::new(campaign, scores, tier, groups);
    let n = model.score_of.len();
    let factors = factors(draws, model.k);
    let per_draw = draws.count as usize;
    let mut ranks = vec![0u32; per_draw * n];
    let mut halves = vec![0u32; n];
    let chunk = per_draw.div_ceil(threads.max(1)).max(1);
    std::thread::scope(|s| {
        let workers: Vec<_> = ranks
            .chunks_mut(chunk * n.max(1))
            .zip(factors.chunks(chunk * model.k))
            .map(|(ranks, factors)| s.spawn(|| model.run(factors, ranks)))
            .collect();
        for w in workers {
            let part = w.join().expect("a sensitivity worker panicked");
            for (h, p) in halves.iter_mut().zip(part) {
                *h += p;
            }
        }
    });
    let mut out = vec![None; scores.len()];
    for (u, r) in summarise(&model, &ranks, &halves, per_draw) {
        out[model.score_of[u]] = Some(r);
    }
    out
}

/// One factor per criterion per draw, in draw order from a single seeded
/// stream: the same seed gives the same factors whatever the threads.
fn factors(draws: Draws, k: usize) -> Vec<f64> {
    let mut rng = ChaCha8Rng::seed_from_u64(draws.seed);
    let unit = 1.0 / (1u64 << 53) as f64;
    (0..draws.count as usize * k)
        .map(|_| {
            // 53 random bits → [0, 1) exactly, with no platform float path.
            let u = (rng.next_u64() >> 11) as f64 * unit;
            1.0 - draws.spread + 2.0 * draws.spread * u
        })
        .collect()
}

impl Model {
    fn new(c: &Campaign, scores: &[UnitScore], tier: usize, groups: &[GroupRanking]) -> Model {
        let k = c.criteria.len();
        let scale = 10f64.powi(c.precision as i32);
        let tiers = tier + 1;
        let mut m = Model {
            k,
            points: c.criteria.iter().map(|cr| cr.points).collect(),
            shares: Vec::new(),
            counts: Vec::new(),
            penalty: Vec::new(),
            gates_pass: Vec::new(),
            groups: Vec::new(),
            lines: Vec::new(),
            tiers,
            tiebreak: c
                .tiebreak
                .iter()
                .map(|t| match t {
                    TieBreak::Criterion(c) => Some(*c),
                    TieBreak::Rule { .. } => None,
                })
                .collect(),
            rules: Vec::new(),
            precision: c.precision,
            scale,
            floors: c.tiers[..tiers].iter().map(|t| t.min_percent).collect(),
            score_of: Vec::new(),
            nominal: Vec::new(),
        };
        for g in groups {
            let start = m.score_of.len();
            for e in &g.entries {
                let s = &scores[e.score];
                m.score_of.push(e.score);
                m.rules.extend(&s.rules);
                m.nominal.push((e.rank, e.line));
                m.shares
                    .extend(s.criteria.iter().map(|cs| cs.share.unwrap_or(0.0)));
                m.counts
                    .extend(s.criteria.iter().map(|cs| cs.share.is_some()));
                // The council's adjustment counts as a negative penalty.
                m.penalty.push(
                    s.penalties
                        .iter()
                        .map(|p| round_scaled_int(*p, scale))
                        .sum::<i64>()
                        - round_scaled_int(s.adjustment, scale),
                );
            }
            m.groups.push((start, m.score_of.len()));
        }
        for t in 0..tiers {
            for &u in &m.score_of {
                let failed = crate::ranking::failed_gates(c, &scores[u], Some(t));
                m.gates_pass
                    .push(failed.iter().all(|f| *f == Reason::Floor));
            }
            if t < tier && !c.exclusive {
                continue;
            }
            for (j, q) in c.tiers[t].quotas.iter().enumerate() {
                // The tier's own quotas pair with their rankings, in order;
                // a higher tier's line runs over each of the tier's rankings
                // of the same group.
                let over = groups.iter().enumerate().filter(|(i, g)| {
                    if t == tier {
                        *i == j
                    } else {
                        g.group == q.group
                    }
                });
                // Places as the lines count them (percents of the group's units).
                let lines: Vec<QuotaLine> = over
                    .filter_map(|(i, g)| {
                        let places = if t == tier {
                            g.places
                        } else {
                            q.collective_places(g.entries.len() as u32)
                                .map(|c| c.places)
                        };
                        places.map(|places| QuotaLine {
                            tier: t,
                            group: i,
                            places,
                        })
                    })
                    .collect();
                m.lines.extend(lines);
            }
        }
        m
    }

    /// Runs the draws whose factors are given; writes each draw's ranks into
    /// its row of `ranks` and returns the quota credit in halves per unit.
    fn run(&self, factors: &[f64], ranks: &mut [u32]) -> Vec<u32> {
        let n = self.score_of.len();
        let mut s = Scratch {
            weights: vec![0.0; self.k],
            totals: vec![0; n],
            ties: vec![0; n * self.tiebreak.len()],
            order: vec![(0, 0); n],
            meets_floor: vec![true; n * self.tiers],
            won: vec![false; n],
        };
        let mut halves = vec![0u32; n];
        for (f, row) in factors.chunks(self.k).zip(ranks.chunks_mut(n.max(1))) {
            self.weigh(f, &mut s.weights);
            self.key_units(&mut s);
            for &(a, b) in &self.groups {
                self.rank_group(&mut s, a, b, row);
            }
            s.won.fill(false);
            for q in &self.lines {
                self.draw_line(&mut s, q, &mut halves);
            }
        }
        halves
    }

    /// Points of each criterion in this draw, rescaled so the maximum (the
    /// sum of all points) stays what the campaign says. With every factor 1
    /// this is exactly the campaign's points.
    fn weigh(&self, factors: &[f64], out: &mut [f64]) {
        let mut total = 0.0;
        let mut drawn = 0.0;
        for ((w, p), f) in out.iter_mut().zip(&self.points).zip(factors) {
            *w = p * f;
            total += p;
            drawn += *w;
        }
        let back = total / drawn;
        for w in out.iter_mut() {
            *w *= back;
        }
    }

    /// Each unit's rank key (total, then the tie-break criteria) as integers
    /// at the campaign's precision, as `ranking::rank_key` builds it.
    fn key_units(&self, s: &mut Scratch) {
        let (k, t, n) = (self.k, self.tiebreak.len(), self.score_of.len());
        for u in 0..n {
            let shares = &self.shares[u * k..(u + 1) * k];
            let mut earned = 0i64;
            for (sh, wt) in shares.iter().zip(&s.weights) {
                earned += round_scaled_int(sh * wt, self.scale);
            }
            let total = (earned - self.penalty[u]).max(0);
            s.totals[u] = total;
            let rules = &self.rules[u * t..(u + 1) * t];
            for ((slot, tb), &holds) in s.ties[u * t..(u + 1) * t]
                .iter_mut()
                .zip(&self.tiebreak)
                .zip(rules)
            {
                *slot = match *tb {
                    Some(c) if self.counts[u * k + c] => {
                        round_scaled_int(shares[c] * s.weights[c], self.scale)
                    }
                    Some(_) => i64::MIN,
                    // A rule's key does not depend on the weights.
                    None => i64::from(holds),
                };
            }
            for (t, floor) in self.floors.iter().enumerate() {
                if let Some(floor) = floor {
                    s.meets_floor[t * n + u] = self.meets_floor(u, total, &s.weights, *floor);
                }
            }
        }
    }

    /// The tier's `min_percent`, computed as scoring and ranking compute it.
    fn meets_floor(&self, u: usize, total: i64, weights: &[f64], floor: f64) -> bool {
        let counts = &self.counts[u * self.k..(u + 1) * self.k];
        let mut max = 0.0;
        for (w, _) in weights.iter().zip(counts).filter(|(_, c)| **c) {
            max += w;
        }
        max > 0.0 && round_to(100.0 * (total as f64 / self.scale) / max, self.precision) >= floor
    }

    /// Sorts one group by total, then tie-break, and gives equal keys a
    /// shared rank (1, 2, 2, 4), as `ranking::rank_group` does.
    fn rank_group(&self, s: &mut Scratch, a: usize, b: usize, ranks: &mut [u32]) {
        let t = self.tiebreak.len();
        let ties = &s.ties;
        let tie = |u: u32| &ties[u as usize * t..(u as usize + 1) * t];
        let order = &mut s.order[a..b];
        for (slot, u) in order.iter_mut().zip(a as u32..) {
            *slot = (s.totals[u as usize], u);
        }
        order.sort_unstable_by_key(|x| std::cmp::Reverse(x.0));
        // Equal totals are rare: only their runs go on to the tie-break.
        let same_total = |x: &(i64, u32), y: &(i64, u32)| x.0 == y.0;
        if t > 0 {
            for run in order.chunk_by_mut(same_total).filter(|r| r.len() > 1) {
                run.sort_unstable_by(|x, y| tie(y.1).cmp(tie(x.1)));
            }
        }
        let mut pos = 0;
        for block in order.chunk_by(|x, y| x.0 == y.0 && tie(x.1) == tie(y.1)) {
            for &(_, u) in block {
                ranks[u as usize] = pos + 1;
            }
            pos += block.len() as u32;
        }
    }

    /// Draws one quota line over a ranked group with `ranking::Line`. Units
    /// inside a higher tier's line are taken (exclusive campaigns); on the
    /// tier asked for, units inside get 2 halves, units tied at the line 1.
    fn draw_line(&self, s: &mut Scratch, q: &QuotaLine, halves: &mut [u32]) {
        let (a, b) = self.groups[q.group];
        let n = self.score_of.len();
        let t = self.tiebreak.len();
        let last = q.tier + 1 == self.tiers;
        let ties = &s.ties;
        let tie = |u: u32| &ties[u as usize * t..(u as usize + 1) * t];
        let floor = &s.meets_floor[q.tier * n..(q.tier + 1) * n];
        let gates = &self.gates_pass[q.tier * n..(q.tier + 1) * n];
        let won = &mut s.won;
        let mut line = Line::new(q.places);
        for block in s.order[a..b].chunk_by(|x, y| x.0 == y.0 && tie(x.1) == tie(y.1)) {
            let can = |u: u32| gates[u as usize] && floor[u as usize] && !won[u as usize];
            let eligible = block.iter().filter(|(_, u)| can(*u)).count() as u32;
            let place = line.block(eligible);
            let credit = match place {
                Place::In => 2,
                Place::Tie(_) => 1,
                Place::None => continue,
            };
            for &(_, u) in block {
                let u = u as usize;
                if !(gates[u] && floor[u] && !won[u]) {
                    continue;
                }
                if last {
                    halves[u] += credit;
                } else if place == Place::In {
                    won[u] = true;
                }
            }
        }
    }
}

//! The quota lines as seen by one unit that moves while every other unit
//! stays put: per group and tier, the sorted keys of the units that may take
//! a place (read from the real [`walk`]), so a probe is a score and two
//! binary searches instead of a new walk. Exact by the argument below, and
//! checked against the real walk by tests (`gap` re-checks every answer).
//!
//! [`Line::block`](crate::ranking::Line::block) gives places block by block of
//! equal keys. For a unit u with key K, eligible, let A = the eligible others
//! with a key above K and E those equal to K: the blocks above all fit when
//! A ≤ places (every prefix is ≤ A), so u is inside iff A + E + 1 ≤ places,
//! tied iff A < places < A + E + 1, else out. Others' places above u do not
//! depend on u. In an exclusive campaign, a unit that is out or ineligible at
//! a higher tier leaves that tier's lines as they were without it, so the
//! units taken above — hence who may take a place of T — stay those of the
//! walk; a unit tied at a higher tier is left to the real walk.

use std::collections::HashMap;

use crate::campaign::Campaign;
use crate::ranking::{GroupRanking, LineStatus, fails_any, rank_key, walk};
use crate::scoring::UnitScore;

type Key = Vec<i64>;

/// One quota of one tier: its places and the keys that may take them.
#[derive(Debug, Clone)]
struct TierLine {
    places: u32,
    /// Keys of the units that may take a place, highest first.
    keys: Vec<Key>,
}

/// Every line a unit of one group meets, from the highest tier to T.
#[derive(Debug, Clone, Default)]
struct GroupLines {
    /// By tier index (up to T); `None` where the tier has no quota for the
    /// group, or is not looked at (tiers above T of a campaign that is not
    /// exclusive).
    tiers: Vec<Option<TierLine>>,
    /// Every unit's key at T, highest first, for the rank reached.
    all: Vec<Key>,
}

/// The lines of tier T (and above) for every group T's quotas name.
pub struct Lines<'a> {
    campaign: &'a Campaign,
    tier: usize,
    /// The real walk of the unchanged data.
    pub walk: Vec<Vec<GroupRanking>>,
    groups: HashMap<usize, GroupLines>,
    /// The unchanged key of each scored unit.
    keys: Vec<Key>,
    /// Per score index: may take a place at tier t (by tier index), as the walk drew.
    may: Vec<Vec<bool>>,
    /// Per score index: what [`Lines::unchanged`] answers, read off the walk once.
    unchanged: Vec<Option<(LineStatus, bool)>>,
}

/// A unit's place given its key, against one line (others fixed).
fn status(line: &TierLine, key: &[i64], own: Option<&Key>, eligible: bool) -> LineStatus {
    if !eligible {
        return LineStatus::Ineligible;
    }
    let above = line.keys.partition_point(|k| k.as_slice() > key);
    let through = line.keys.partition_point(|k| k.as_slice() >= key);
    let (mut a, mut e) = (above, through - above);
    match own {
        Some(o) if o.as_slice() > key => a -= 1,
        Some(o) if o == key => e -= 1,
        _ => {}
    }
    let p = line.places as usize;
    if a + e < p {
        LineStatus::In
    } else if a < p {
        LineStatus::Tie
    } else {
        LineStatus::Out
    }
}

impl<'a> Lines<'a> {
    pub fn new(campaign: &'a Campaign, scores: &[UnitScore], tier: usize) -> Lines<'a> {
        let walk = walk(campaign, scores, tier);
        let keys: Vec<Key> = scores.iter().map(|s| rank_key(campaign, s)).collect();
        let n_tiers = tier + 1;
        let mut may = vec![vec![false; n_tiers]; scores.len()];
        let mut groups: HashMap<usize, GroupLines> = HashMap::new();
        for (t, rankings) in walk.iter().enumerate() {
            if t < tier && !campaign.exclusive {
                continue;
            }
            for g in rankings {
                let gl = groups.entry(g.group).or_default();
                gl.tiers.resize(n_tiers, None);
                let mut line_keys = Vec::new();
                for e in &g.entries {
                    let m = e.eligible && !matches!(e.line, Some(LineStatus::WonHigherTier(_)));
                    may[e.score][t] = m;
                    if m {
                        line_keys.push(keys[e.score].clone());
                    }
                    if t == tier {
                        gl.all.push(keys[e.score].clone());
                    }
                }
                line_keys.sort_by(|a, b| b.cmp(a));
                gl.tiers[t] = Some(TierLine {
                    places: g.places.unwrap_or(0),
                    keys: line_keys,
                });
            }
        }
        for gl in groups.values_mut() {
            gl.all.sort_by(|a, b| b.cmp(a));
        }
        let unchanged = unchanged(campaign, &walk, tier, scores.len());
        Lines {
            campaign,
            tier,
            walk,
            groups,
            keys,
            may,
            unchanged,
        }
    }

    /// The unit's status at T in the unchanged walk, and whether the fast
    /// path holds for it (no place or tie at a higher tier).
    pub fn unchanged(&self, i: usize) -> Option<(LineStatus, bool)> {
        self.unchanged.get(i).copied().flatten()
    }

    /// The status at T of unit `i` scored `s` (others unchanged), or `None`
    /// when the unit would tie at a higher tier (ask the real walk).
    pub fn status(&self, i: usize, s: &UnitScore) -> Option<LineStatus> {
        self.status_keyed(i, s, &rank_key(self.campaign, s))
    }

    /// [`Lines::status`] with the score's [`rank_key`] already computed.
    pub fn status_keyed(&self, i: usize, s: &UnitScore, key: &[i64]) -> Option<LineStatus> {
        let gl = self.groups.get(&s.group)?;
        for (t, line) in gl.tiers.iter().enumerate() {
            let Some(line) = line else { continue };
            let own = self.may[i][t].then(|| &self.keys[i]);
            let eligible = !fails_any(self.campaign, s, Some(t));
            let st = status(line, key, own, eligible);
            if t == self.tier {
                return Some(st);
            }
            match st {
                LineStatus::In => return Some(LineStatus::WonHigherTier(t)),
                LineStatus::Tie => return None,
                _ => {}
            }
        }
        None
    }

    /// The rank at T of unit `i` scored `s`, others unchanged.
    pub fn rank(&self, i: usize, s: &UnitScore) -> u32 {
        let Some(gl) = self.groups.get(&s.group) else {
            return 0;
        };
        let key = rank_key(self.campaign, s);
        let mut above = gl.all.partition_point(|k| k > &key);
        if self.keys[i] > key {
            above -= 1;
        }
        above as u32 + 1
    }
}

/// Per score index: the unit's status at T in the unchanged walk and whether
/// no higher tier of an exclusive campaign gave it a place or a tie; `None`
/// when some tier's entry for it has no line (or T does not list it).
fn unchanged(
    campaign: &Campaign,
    walk: &[Vec<GroupRanking>],
    tier: usize,
    n: usize,
) -> Vec<Option<(LineStatus, bool)>> {
    let mut at_t: Vec<Option<LineStatus>> = vec![None; n];
    let mut fast = vec![true; n];
    let mut lineless = vec![false; n];
    for (t, rankings) in walk.iter().enumerate() {
        for e in rankings.iter().flat_map(|g| &g.entries) {
            match e.line {
                None => lineless[e.score] = true,
                Some(line) if t == tier => at_t[e.score] = Some(line),
                Some(LineStatus::In | LineStatus::Tie) if campaign.exclusive => {
                    fast[e.score] = false;
                }
                Some(_) => {}
            }
        }
    }
    (0..n)
        .map(|i| at_t[i].filter(|_| !lineless[i]).map(|s| (s, fast[i])))
        .collect()
}

/// The real walk with unit `i` scored `s`: its status and rank at T.
pub fn exact(
    campaign: &Campaign,
    scores: &[UnitScore],
    tier: usize,
    i: usize,
    s: &UnitScore,
) -> Option<(LineStatus, u32)> {
    let mut all = scores.to_vec();
    all[i] = s.clone();
    let w = walk(campaign, &all, tier);
    w.last()?
        .iter()
        .flat_map(|g| &g.entries)
        .find(|e| e.score == i)
        .and_then(|e| Some((e.line?, e.rank)))
}

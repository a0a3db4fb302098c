//! Ranks units within their group (total at the campaign's precision, then the
//! tie-break criteria, then a shared rank) and draws a tier's quota line, never
//! breaking a tie by file order or name. `rank`, `nominate`, the what-if modes
//! and every report take their lines from here, so they cannot disagree.

use crate::campaign::{Campaign, TieBreak};
use crate::scoring::UnitScore;

mod line;

pub use line::{Line, Place, Settle, draw_line, walk, walk_decided};

/// Why a unit may not take a place of a tier: a gate it fails, or the tier's
/// floor. Different kinds, never matched by name (a gate may well be called
/// `min_percent`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Index into the campaign's gates.
    Gate(usize),
    /// Under the tier's `min_percent`.
    Floor,
}

impl Reason {
    /// Machine id, as CSV and JSON write it: the gate's id, or `min_percent`.
    pub fn id(self, campaign: &Campaign) -> &str {
        match self {
            Reason::Gate(g) => &campaign.gates[g].id,
            Reason::Floor => "min_percent",
        }
    }
}

/// The ids of `reasons`, as JSON lists them.
pub fn reason_list<'c>(campaign: &'c Campaign, reasons: &[Reason]) -> Vec<&'c str> {
    reasons.iter().map(|r| r.id(campaign)).collect()
}

/// The ids of `reasons`, joined with `sep`.
pub fn reason_ids(campaign: &Campaign, reasons: &[Reason], sep: &str) -> String {
    reason_list(campaign, reasons).join(sep)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStatus {
    /// Inside the quota's places.
    In,
    /// Tied with others for the last place(s): a decision is needed.
    Tie,
    /// Eligible, but no place left.
    Out,
    /// Fails a gate of the tier or its floor.
    Ineligible,
    /// Taken by this higher tier of an exclusive campaign: takes no place here.
    WonHigherTier(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankEntry {
    /// Index into the scores slice.
    pub score: usize,
    pub rank: u32,
    pub eligible: bool,
    /// The gates (and floor) the unit fails for the tier.
    pub failed: Vec<Reason>,
    pub line: Option<LineStatus>,
    /// Tier where the unit is tied for a place, still undecided (exclusive
    /// campaigns): if chosen there, it leaves this list.
    pub tied_higher: Option<usize>,
    /// Index into `Decisions::ties` when the council settled a tie this unit
    /// was part of (chosen: `In`; not chosen: `Out`).
    pub decided: Option<usize>,
}

/// Units tied at the quota line: `units` compete for `places`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TieAtLine {
    pub units: u32,
    pub places: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupRanking {
    pub group: usize,
    /// In rank order; equal ranks keep file order for display only.
    pub entries: Vec<RankEntry>,
    /// The quota's places when ranking for a tier (`None`: the tier gives
    /// the group no collective place).
    pub places: Option<u32>,
    /// How the places were counted (percent of the group's units, the
    /// strictest of several quotas).
    pub basis: Option<crate::campaign::quota::Counted>,
    /// Units inside the quota (tied units are not counted: their places are open).
    pub filled: u32,
    pub tie: Option<TieAtLine>,
    /// A tie at this line that the council settled: the tie, and the index
    /// of the decision in `Decisions::ties`.
    pub settled: Option<(TieAtLine, usize)>,
}

/// What ranks a unit: total, then each tie-break criterion, all compared as
/// integers at the campaign's precision so that what staff see is what ranks.
pub fn rank_key(campaign: &Campaign, s: &UnitScore) -> Vec<i64> {
    let mut key = Vec::with_capacity(1 + campaign.tiebreak.len());
    rank_key_into(campaign, s, &mut key);
    key
}

/// [`rank_key`] into a reused buffer (cleared first).
pub fn rank_key_into(campaign: &Campaign, s: &UnitScore, key: &mut Vec<i64>) {
    let scale = |x: f64| (x * 10f64.powi(campaign.precision as i32)).round() as i64;
    key.clear();
    key.push(scale(s.total));
    key.extend(
        campaign
            .tiebreak
            .iter()
            .zip(&s.rules)
            .map(|(t, &holds)| match t {
                TieBreak::Criterion(c) => s.criteria[*c].points.map_or(i64::MIN, scale),
                TieBreak::Rule { .. } => i64::from(holds),
            }),
    );
}

/// Indices of the group's scores in rank order, with their shared ranks (1, 2, 2, 4).
pub fn rank_group(campaign: &Campaign, scores: &[UnitScore], group: usize) -> Vec<(usize, u32)> {
    let mut keyed: Vec<(Vec<i64>, usize)> = scores
        .iter()
        .enumerate()
        .filter(|(_, s)| s.group == group)
        .map(|(i, s)| (rank_key(campaign, s), i))
        .collect();
    keyed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out = Vec::with_capacity(keyed.len());
    for (pos, (key, i)) in keyed.iter().enumerate() {
        let rank = if pos > 0 && keyed[pos - 1].0 == *key {
            out.last().map_or(1, |(_, r)| *r)
        } else {
            pos as u32 + 1
        };
        out.push((*i, rank));
    }
    out
}

/// The gates (and floor) a unit fails for `tier`; with no tier, only the
/// gates that apply to every tier.
pub fn failed_gates(campaign: &Campaign, s: &UnitScore, tier: Option<usize>) -> Vec<Reason> {
    let mut failed: Vec<Reason> = (0..campaign.gates.len())
        .filter(|&i| gate_fails(campaign, s, i, tier))
        .map(Reason::Gate)
        .collect();
    if below_floor(campaign, s, tier) {
        failed.push(Reason::Floor);
    }
    failed
}

/// Whether [`failed_gates`] is not empty, with nothing allocated.
pub fn fails_any(campaign: &Campaign, s: &UnitScore, tier: Option<usize>) -> bool {
    (0..campaign.gates.len()).any(|i| gate_fails(campaign, s, i, tier))
        || below_floor(campaign, s, tier)
}

/// Gate `i` counts for the tier (every tier when it names none) and fails.
fn gate_fails(campaign: &Campaign, s: &UnitScore, i: usize, tier: Option<usize>) -> bool {
    let for_tier = match (&campaign.gates[i].tiers, tier) {
        (None, _) => true,
        (Some(ts), Some(t)) => ts.contains(&t),
        (Some(_), None) => false,
    };
    for_tier && s.gates.get(i).is_some_and(|g| g.failed())
}

/// The tier has a floor and the unit's percent (rounded) is below it.
fn below_floor(campaign: &Campaign, s: &UnitScore, tier: Option<usize>) -> bool {
    tier.and_then(|t| campaign.tiers[t].min_percent)
        .is_some_and(|floor| {
            s.percent
                .is_none_or(|p| crate::scoring::round_to(p, campaign.precision) < floor)
        })
}

/// Ranks every group with no quota line; for a tier, the groups its quotas
/// name with the tier's line drawn by [`walk`], after the higher tiers of an
/// exclusive campaign took their winners — the very lines `nominate` draws.
pub fn rank(campaign: &Campaign, scores: &[UnitScore], tier: Option<usize>) -> Vec<GroupRanking> {
    match tier {
        Some(t) => walk(campaign, scores, t).pop().unwrap_or_default(),
        None => (0..campaign.groups.len())
            .map(|group| GroupRanking {
                group,
                entries: entries(campaign, scores, group, None),
                places: None,
                basis: None,
                filled: 0,
                tie: None,
                settled: None,
            })
            .collect(),
    }
}

/// [`rank`] with the council's decisions: ties they settled are settled, and
/// every decision is checked against the lines (`Err` lists what is wrong).
pub fn rank_decided(
    campaign: &Campaign,
    scores: &[UnitScore],
    tier: Option<usize>,
    settle: Option<Settle>,
) -> Result<Vec<GroupRanking>, crate::problem::ProblemsError> {
    match (tier, settle) {
        (Some(t), _) => Ok(walk_decided(campaign, scores, t, settle)?
            .pop()
            .unwrap_or_default()),
        (None, Some(_)) if !campaign.tiers.is_empty() => {
            walk_decided(campaign, scores, 0, settle)?;
            Ok(rank(campaign, scores, None))
        }
        (None, _) => Ok(rank(campaign, scores, None)),
    }
}

/// The group's units in rank order with the reasons each fails `tier`.
pub(crate) fn entries(
    campaign: &Campaign,
    scores: &[UnitScore],
    group: usize,
    tier: Option<usize>,
) -> Vec<RankEntry> {
    rank_group(campaign, scores, group)
        .into_iter()
        .map(|(i, rank)| {
            let failed = failed_gates(campaign, &scores[i], tier);
            RankEntry {
                score: i,
                rank,
                eligible: failed.is_empty(),
                failed,
                line: None,
                tied_higher: None,
                decided: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;

//! Ranks units within their group (total at the campaign's precision, then the
//! tie-break criteria, then a shared rank) and draws a tier's quota line, never
//! breaking a tie by file order or name.

use crate::campaign::Campaign;
use crate::scoring::UnitScore;

/// Pseudo gate id reported when a tier's `min_percent` floor is not met.
pub const FLOOR: &str = "min_percent";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStatus {
    /// Inside the quota's places.
    In,
    /// Tied with others for the last place(s): a decision is needed.
    Tie,
    /// Eligible, but no place left.
    Out,
    Ineligible,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankEntry {
    /// Index into the scores slice.
    pub score: usize,
    pub rank: u32,
    pub eligible: bool,
    /// Failed gate ids, and [`FLOOR`] when under the tier's floor.
    pub failed: Vec<String>,
    pub line: Option<LineStatus>,
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
    /// The quota's places when ranking for a tier.
    pub places: Option<u32>,
    /// How many of the places are taken (tied units count for the places they contest).
    pub filled: u32,
    pub tie: Option<TieAtLine>,
}

/// What ranks a unit: total, then each tie-break criterion, all compared as
/// integers at the campaign's precision so that what staff see is what ranks.
pub fn rank_key(campaign: &Campaign, s: &UnitScore) -> Vec<i64> {
    let scale = |x: f64| (x * 10f64.powi(campaign.precision as i32)).round() as i64;
    std::iter::once(scale(s.total))
        .chain(
            campaign
                .tiebreak
                .iter()
                .map(|&c| s.criteria[c].points.map_or(i64::MIN, scale)),
        )
        .collect()
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
pub fn failed_gates(campaign: &Campaign, s: &UnitScore, tier: Option<usize>) -> Vec<String> {
    let mut failed: Vec<String> = campaign
        .gates
        .iter()
        .zip(&s.gates)
        .filter(|(g, outcome)| {
            let for_tier = match (&g.tiers, tier) {
                (None, _) => true,
                (Some(ts), Some(t)) => ts.contains(&t),
                (Some(_), None) => false,
            };
            for_tier && outcome.failed()
        })
        .map(|(g, _)| g.id.clone())
        .collect();
    if let Some(floor) = tier.and_then(|t| campaign.tiers[t].min_percent)
        && s.percent
            .is_none_or(|p| crate::scoring::round_to(p, campaign.precision) < floor)
    {
        failed.push(FLOOR.to_string());
    }
    failed
}

/// Places units on either side of a quota line. `ranked` is in rank order
/// with each unit's rank and whether it may take a place; units of equal rank
/// that would straddle the line are all marked `Tie`.
pub fn draw_line(ranked: &[(u32, bool)], places: u32) -> (Vec<LineStatus>, u32, Option<TieAtLine>) {
    let mut out = vec![LineStatus::Out; ranked.len()];
    let mut filled = 0u32;
    let mut tie = None;
    let mut i = 0;
    while i < ranked.len() {
        let rank = ranked[i].0;
        let end = i + ranked[i..].iter().take_while(|(r, _)| *r == rank).count();
        let available: Vec<usize> = (i..end).filter(|&j| ranked[j].1).collect();
        let m = available.len() as u32;
        for j in i..end {
            if !ranked[j].1 {
                out[j] = LineStatus::Ineligible;
            }
        }
        if m > 0 && filled < places {
            let status = if filled + m <= places {
                LineStatus::In
            } else {
                LineStatus::Tie
            };
            if status == LineStatus::Tie {
                tie = Some(TieAtLine {
                    units: m,
                    places: places - filled,
                });
            }
            for &j in &available {
                out[j] = status;
            }
            filled = (filled + m).min(places);
        }
        i = end;
    }
    (out, filled, tie)
}

/// Ranks every group (or, for a tier, the groups its quotas name) and draws
/// the tier's quota lines.
pub fn rank(campaign: &Campaign, scores: &[UnitScore], tier: Option<usize>) -> Vec<GroupRanking> {
    let groups: Vec<(usize, Option<u32>)> = match tier {
        Some(t) => campaign.tiers[t]
            .quotas
            .iter()
            .map(|q| (q.group, Some(q.collectives)))
            .collect(),
        None => (0..campaign.groups.len()).map(|g| (g, None)).collect(),
    };
    groups
        .into_iter()
        .map(|(group, places)| {
            let mut entries: Vec<RankEntry> = rank_group(campaign, scores, group)
                .into_iter()
                .map(|(i, rank)| {
                    let failed = failed_gates(campaign, &scores[i], tier);
                    RankEntry {
                        score: i,
                        rank,
                        eligible: failed.is_empty(),
                        failed,
                        line: None,
                    }
                })
                .collect();
            let (mut filled, mut tie) = (0, None);
            if let Some(p) = places {
                let ranked: Vec<(u32, bool)> =
                    entries.iter().map(|e| (e.rank, e.eligible)).collect();
                let (lines, f, t) = draw_line(&ranked, p);
                for (e, l) in entries.iter_mut().zip(lines) {
                    e.line = Some(l);
                }
                (filled, tie) = (f, t);
            }
            GroupRanking {
                group,
                entries,
                places,
                filled,
                tie,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;

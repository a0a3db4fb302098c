//! "What changes if we weigh satisfaction more?": the same units ranked under
//! a second campaign (or weights overlay), side by side with the first, and
//! which units enter or leave the tier's quota places because of it.

use crate::ranking::{GroupRanking, LineStatus};
use crate::scoring::UnitScore;

/// One unit under campaign A and campaign B.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Versus {
    pub rank_a: u32,
    pub total_a: f64,
    pub line_a: Option<LineStatus>,
    /// `None` when B does not rank the unit's group (its tier has no quota for it).
    pub rank_b: Option<u32>,
    pub total_b: f64,
    pub line_b: Option<LineStatus>,
}

/// How a unit's quota place changes from A to B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    Enters,
    Leaves,
    /// B puts the unit in a tie at the line (a decision will be needed).
    TiesAtLine,
    Same,
}

impl Versus {
    /// Places gained under B: positive means higher under B.
    pub fn delta_rank(&self) -> Option<i64> {
        self.rank_b.map(|b| i64::from(self.rank_a) - i64::from(b))
    }

    pub fn in_quota_a(&self) -> Option<bool> {
        in_quota(self.line_a)
    }

    pub fn in_quota_b(&self) -> Option<bool> {
        in_quota(self.line_b)
    }

    pub fn shift(&self) -> Shift {
        let inside = |l| l == Some(LineStatus::In);
        match (self.line_a, self.line_b) {
            (a, b) if a == b => Shift::Same,
            (_, Some(LineStatus::Tie)) => Shift::TiesAtLine,
            (a, b) if inside(b) && !inside(a) => Shift::Enters,
            (a, b) if inside(a) && !inside(b) => Shift::Leaves,
            _ => Shift::Same,
        }
    }
}

/// Inside the quota's places: `true`; below the line or ineligible: `false`;
/// tied at the line (undecided) or no tier: unknown.
pub fn in_quota(line: Option<LineStatus>) -> Option<bool> {
    match line? {
        LineStatus::In => Some(true),
        LineStatus::Out | LineStatus::Ineligible | LineStatus::WonHigherTier(_) => Some(false),
        LineStatus::Tie => None,
    }
}

/// Pairs every unit ranked under A with its place under B, per score index
/// (both campaigns scored the same data, so score indices are unit indices).
pub fn compare(
    a: &[GroupRanking],
    a_scores: &[UnitScore],
    b: &[GroupRanking],
    b_scores: &[UnitScore],
) -> Vec<Option<Versus>> {
    let mut in_b = vec![None; b_scores.len()];
    for e in b.iter().flat_map(|g| &g.entries) {
        in_b[e.score] = Some((e.rank, e.line));
    }
    let mut out = vec![None; a_scores.len()];
    for e in a.iter().flat_map(|g| &g.entries) {
        let b_place = in_b.get(e.score).copied().flatten();
        out[e.score] = Some(Versus {
            rank_a: e.rank,
            total_a: a_scores[e.score].total,
            line_a: e.line,
            rank_b: b_place.map(|(r, _)| r),
            total_b: b_scores[e.score].total,
            line_b: b_place.and_then(|(_, l)| l),
        });
    }
    out
}

/// (entering, leaving) counts of one group under B.
pub fn shifts(group: &GroupRanking, versus: &[Option<Versus>]) -> (usize, usize) {
    let of = |want: Shift| {
        group
            .entries
            .iter()
            .filter(|e| versus[e.score].is_some_and(|v| v.shift() == want))
            .count()
    };
    (of(Shift::Enters), of(Shift::Leaves))
}

//! The quota line, drawn one way for everyone: [`Line`] takes a group's units
//! one block of equal rank at a time, and [`walk`] draws every tier's lines
//! from the highest, so that in an exclusive campaign a unit taken by a higher
//! tier takes no place of a lower one — in `rank`, `nominate`, `--compare`,
//! `--sensitivity` and every report alike.

use std::collections::{HashMap, HashSet};

use super::{GroupRanking, LineStatus, RankEntry, TieAtLine, entries};
use crate::campaign::Campaign;
use crate::decisions::{Decisions, Settles};
use crate::problem::{Problem, Problems, ProblemsError};
use crate::scoring::UnitScore;

/// What a block of equally ranked units gets from the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Every eligible unit of the block is inside.
    In,
    /// The block's eligible units contest the last places: nobody is inside
    /// until people decide, and the line closes.
    Tie(TieAtLine),
    /// No place left (or no eligible unit in the block).
    None,
}

/// A quota line being drawn: the places, and how many are taken so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    places: u32,
    filled: u32,
    closed: bool,
}

impl Line {
    pub fn new(places: u32) -> Line {
        Line {
            places,
            filled: 0,
            closed: false,
        }
    }

    /// The next block of units of equal rank, `eligible` of which may take a
    /// place. Ties are never broken: a block that does not fit whole is tied.
    pub fn block(&mut self, eligible: u32) -> Place {
        if eligible == 0 || self.closed || self.filled >= self.places {
            return Place::None;
        }
        let open = self.places - self.filled;
        if eligible <= open {
            self.filled += eligible;
            Place::In
        } else {
            self.closed = true;
            Place::Tie(TieAtLine {
                units: eligible,
                places: open,
            })
        }
    }

    /// Units inside the line (tied units hold no place until decided).
    pub fn filled(&self) -> u32 {
        self.filled
    }
}

/// Places units on either side of a quota line. `ranked` is in rank order
/// with each unit's rank and whether it may take a place; units of equal rank
/// that would straddle the line are all marked `Tie`, and an ineligible unit
/// is `Ineligible`. Returns the statuses, the places filled and the tie.
pub fn draw_line(ranked: &[(u32, bool)], places: u32) -> (Vec<LineStatus>, u32, Option<TieAtLine>) {
    let mut out = vec![LineStatus::Out; ranked.len()];
    let mut line = Line::new(places);
    let mut tie = None;
    let mut i = 0;
    while i < ranked.len() {
        let rank = ranked[i].0;
        let end = i + ranked[i..].iter().take_while(|(r, _)| *r == rank).count();
        let eligible = ranked[i..end].iter().filter(|(_, ok)| *ok).count() as u32;
        let status = match line.block(eligible) {
            Place::In => LineStatus::In,
            Place::Tie(t) => {
                tie = Some(t);
                LineStatus::Tie
            }
            Place::None => LineStatus::Out,
        };
        for j in i..end {
            out[j] = if ranked[j].1 {
                status
            } else {
                LineStatus::Ineligible
            };
        }
        i = end;
    }
    (out, line.filled(), tie)
}

/// Draws the quota lines of tiers `0..=upto`, highest first, and returns each
/// tier's rankings (one per quota). In an exclusive campaign a unit inside a
/// higher tier's line is `WonHigherTier` below and takes no place; a unit
/// tied at a higher tier stays a candidate below, marked `tied_higher`.
pub fn walk(campaign: &Campaign, scores: &[UnitScore], upto: usize) -> Vec<Vec<GroupRanking>> {
    walk_decided(campaign, scores, upto, None).expect("without decisions nothing can be wrong")
}

/// The council's decisions and the ids of the data's units (by metrics
/// index), to settle ties at the lines.
#[derive(Clone, Copy)]
pub struct Settle<'a> {
    pub decisions: &'a Decisions,
    pub unit_ids: &'a [&'a str],
}

/// [`walk`], with the ties the council settled: a decision must name units
/// tied at that very line, as many as the places they contest; the chosen
/// are `In`, the others `Out`, both marked `decided`. Every tier is walked
/// so that every decision is checked, whatever `upto` is.
pub fn walk_decided(
    campaign: &Campaign,
    scores: &[UnitScore],
    upto: usize,
    settle: Option<Settle>,
) -> Result<Vec<Vec<GroupRanking>>, ProblemsError> {
    let exclusive = campaign.exclusive;
    let mut won: HashMap<usize, usize> = HashMap::new();
    let mut tied: HashMap<usize, usize> = HashMap::new();
    let mut problems = Problems::new();
    let mut used = HashSet::new();
    let last = if settle.is_some() {
        campaign.tiers.len()
    } else {
        upto + 1
    };
    let mut out = Vec::new();
    for (t, tier) in campaign.tiers.iter().enumerate().take(last) {
        let mut groups = Vec::with_capacity(tier.quotas.len());
        for q in &tier.quotas {
            let mut entries = entries(campaign, scores, q.group, Some(t));
            let taken = |i: usize| won.get(&i).copied().filter(|_| exclusive);
            let ranked: Vec<(u32, bool)> = entries
                .iter()
                .map(|e| (e.rank, e.eligible && taken(e.score).is_none()))
                .collect();
            // A tier that gives the group people only draws no collective line.
            let basis = q.collective_places(entries.len() as u32);
            let places = basis.as_ref().map(|b| b.places);
            let (lines, mut filled, mut tie) = match places {
                Some(p) => {
                    let (l, f, t) = draw_line(&ranked, p);
                    (l.into_iter().map(Some).collect(), f, t)
                }
                None => (vec![None; entries.len()], 0, None),
            };
            for (e, line) in entries.iter_mut().zip(lines) {
                e.line = match taken(e.score) {
                    Some(w) if w < t => Some(LineStatus::WonHigherTier(w)),
                    _ => line,
                };
                e.tied_higher = tied.get(&e.score).copied().filter(|&h| exclusive && h < t);
            }
            let mut settled = None;
            if let Some(st) = settle
                && let Some((d, chosen)) = st.decisions.units_tie(t, q.group)
            {
                used.insert(d);
                let at = |p: &mut Problems, msg: crate::i18n::Text| {
                    p.push(Problem::line(
                        &st.decisions.file,
                        st.decisions.ties[d].line,
                        msg,
                    ));
                };
                let id = |e: &RankEntry| st.unit_ids[scores[e.score].unit];
                match tie {
                    None => at(
                        &mut problems,
                        crate::msg!(TieNoneAtLine, tier.id, campaign.groups[q.group].id),
                    ),
                    Some(tl) => {
                        let tied_ids: Vec<&str> = entries
                            .iter()
                            .filter(|e| e.line == Some(LineStatus::Tie))
                            .map(id)
                            .collect();
                        let strangers: Vec<&str> = chosen
                            .iter()
                            .map(String::as_str)
                            .filter(|c| !tied_ids.contains(c))
                            .collect();
                        if !strangers.is_empty() {
                            at(
                                &mut problems,
                                crate::msg!(TieNotTied, strangers.join(", "), tied_ids.join(", ")),
                            );
                        } else if chosen.len() as u32 != tl.places {
                            at(
                                &mut problems,
                                crate::msg!(
                                    TieChooseUnits,
                                    chosen.len(),
                                    tl.places,
                                    tied_ids.join(", ")
                                ),
                            );
                        } else {
                            for e in entries
                                .iter_mut()
                                .filter(|e| e.line == Some(LineStatus::Tie))
                            {
                                let picked = chosen.iter().any(|c| c == id(e));
                                e.line = Some(if picked {
                                    LineStatus::In
                                } else {
                                    LineStatus::Out
                                });
                                e.decided = Some(d);
                            }
                            filled += tl.places;
                            settled = Some((tl, d));
                            tie = None;
                        }
                    }
                }
            }
            for e in &entries {
                match e.line {
                    Some(LineStatus::In) => {
                        won.entry(e.score).or_insert(t);
                    }
                    Some(LineStatus::Tie) => {
                        tied.entry(e.score).or_insert(t);
                    }
                    _ => {}
                }
            }
            groups.push(GroupRanking {
                group: q.group,
                entries,
                places,
                basis,
                filled,
                tie,
                settled,
            });
        }
        out.push(groups);
    }
    if let Some(st) = settle {
        for (d, dec) in st.decisions.ties.iter().enumerate() {
            if let Settles::Units { group, .. } = dec.settles
                && !used.contains(&d)
            {
                problems.push(Problem::line(
                    &st.decisions.file,
                    dec.line,
                    crate::msg!(
                        TieNoQuota,
                        campaign.tiers[dec.tier].id,
                        campaign.groups[group].id
                    ),
                ));
            }
        }
    }
    problems.finish()?;
    out.truncate(upto + 1);
    Ok(out)
}

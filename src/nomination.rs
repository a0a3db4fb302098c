//! Candidate lists for each award tier: collectives in rank order under the
//! quotas, then the individuals each collective proposes. The list goes into an
//! official proposal file, so every unit gets a status and a tie at the line is
//! handed to people, never broken by file order or name.

use std::collections::{HashMap, HashSet};

use crate::campaign::Campaign;
use crate::people::Person;
use crate::ranking::{LineStatus, TieAtLine, draw_line, failed_gates, rank_group};
use crate::scoring::UnitScore;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Nominated,
    /// Tied with others for the last place(s): a decision is needed.
    Tie,
    /// Eligible, but no place left.
    BelowLine,
    /// Fails a gate of the tier or its floor.
    Ineligible,
    /// Already nominated at this (higher) tier, and the campaign is exclusive.
    WonHigherTier(usize),
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Nominated => "nominated",
            Status::Tie => "tie",
            Status::BelowLine => "below_line",
            Status::Ineligible => "ineligible",
            Status::WonHigherTier(_) => "won_higher_tier",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Collective {
    /// Index into the scores.
    pub score: usize,
    pub rank: u32,
    pub status: Status,
    /// Failed gate ids (and `min_percent`) for this tier.
    pub failed: Vec<String>,
    /// Tier where the unit is tied for a place, still undecided: if chosen
    /// there, it leaves this list.
    pub tied_higher: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Index into the people list.
    Person(usize),
    /// The unit has no eligible person left: it must propose one.
    Missing,
    /// No individuals file was given.
    ToBeProposed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Individual {
    /// Score index of the nominated collective the person comes from.
    pub collective: usize,
    pub pick: Pick,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuotaNomination {
    pub group: usize,
    pub places: u32,
    pub filled: u32,
    pub tie: Option<TieAtLine>,
    /// Every unit of the group, in rank order.
    pub collectives: Vec<Collective>,
    pub individuals: Vec<Individual>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TierNomination {
    pub tier: usize,
    pub quotas: Vec<QuotaNomination>,
}

/// Walks every tier from the highest. `unit_ids[u]` is the id of metrics unit
/// `u` (`UnitScore::unit`); `people` is `None` without an individuals file.
pub fn nominate(
    campaign: &Campaign,
    scores: &[UnitScore],
    unit_ids: &[&str],
    people: Option<&[Person]>,
) -> Vec<TierNomination> {
    let mut walk = Walk {
        campaign,
        scores,
        unit_ids,
        people,
        won: HashMap::new(),
        tied: HashMap::new(),
        chosen: HashSet::new(),
    };
    (0..campaign.tiers.len()).map(|t| walk.tier(t)).collect()
}

struct Walk<'a> {
    campaign: &'a Campaign,
    scores: &'a [UnitScore],
    unit_ids: &'a [&'a str],
    people: Option<&'a [Person]>,
    /// Score index → tier it was nominated at.
    won: HashMap<usize, usize>,
    /// Score index → tier where it is tied, undecided.
    tied: HashMap<usize, usize>,
    /// People already chosen.
    chosen: HashSet<usize>,
}

impl Walk<'_> {
    fn tier(&mut self, t: usize) -> TierNomination {
        let quotas = self.campaign.tiers[t].quotas.clone();
        let quotas = quotas
            .iter()
            .map(|q| self.quota(t, q.group, q.collectives, q.individuals_each))
            .collect();
        TierNomination { tier: t, quotas }
    }

    fn quota(
        &mut self,
        t: usize,
        group: usize,
        places: u32,
        individuals_each: u32,
    ) -> QuotaNomination {
        let exclusive = self.campaign.exclusive;
        let ranked = rank_group(self.campaign, self.scores, group);
        let mut collectives: Vec<Collective> = ranked
            .iter()
            .map(|&(i, rank)| {
                let failed = failed_gates(self.campaign, &self.scores[i], Some(t));
                let status = match self.won.get(&i) {
                    Some(&w) if exclusive => Status::WonHigherTier(w),
                    _ if !failed.is_empty() => Status::Ineligible,
                    _ => Status::BelowLine,
                };
                let tied_higher = self.tied.get(&i).copied().filter(|_| exclusive);
                Collective {
                    score: i,
                    rank,
                    status,
                    failed,
                    tied_higher,
                }
            })
            .collect();
        let line_input: Vec<(u32, bool)> = collectives
            .iter()
            .map(|c| (c.rank, c.status == Status::BelowLine))
            .collect();
        let (lines, filled, tie) = draw_line(&line_input, places);
        for (c, line) in collectives.iter_mut().zip(lines) {
            c.status = match line {
                LineStatus::In => Status::Nominated,
                LineStatus::Tie => Status::Tie,
                LineStatus::Out | LineStatus::Ineligible => c.status,
            };
        }
        let mut individuals = Vec::new();
        for c in &collectives {
            match c.status {
                Status::Nominated => {
                    self.won.entry(c.score).or_insert(t);
                    individuals.extend(self.pick(c.score, individuals_each));
                }
                Status::Tie => {
                    self.tied.entry(c.score).or_insert(t);
                }
                _ => {}
            }
        }
        QuotaNomination {
            group,
            places,
            filled,
            tie,
            collectives,
            individuals,
        }
    }

    /// Eligible people of the unit, direct workers first, then higher score,
    /// then file order; each person wins at most one tier when exclusive.
    fn pick(&mut self, score: usize, n: u32) -> Vec<Individual> {
        let Some(people) = self.people else {
            return (0..n)
                .map(|_| Individual {
                    collective: score,
                    pick: Pick::ToBeProposed,
                })
                .collect();
        };
        let unit = self.unit_ids[self.scores[score].unit];
        let mut candidates: Vec<usize> = (0..people.len())
            .filter(|&p| {
                people[p].unit_id == unit && people[p].eligible && !self.chosen.contains(&p)
            })
            .collect();
        candidates.sort_by(|&a, &b| {
            let (x, y) = (&people[a], &people[b]);
            y.direct
                .cmp(&x.direct)
                .then(
                    y.score
                        .unwrap_or(f64::NEG_INFINITY)
                        .total_cmp(&x.score.unwrap_or(f64::NEG_INFINITY)),
                )
                .then(x.line.cmp(&y.line))
        });
        (0..n as usize)
            .map(|k| match candidates.get(k) {
                Some(&p) => {
                    if self.campaign.exclusive {
                        self.chosen.insert(p);
                    }
                    Individual {
                        collective: score,
                        pick: Pick::Person(p),
                    }
                }
                None => Individual {
                    collective: score,
                    pick: Pick::Missing,
                },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;

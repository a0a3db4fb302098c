//! Candidate lists for each award tier: collectives in rank order under the
//! quotas, then the individuals each collective proposes. The list goes into an
//! official proposal file, so every unit gets a status and a tie at the line is
//! handed to people, never broken by file order or name.

use std::collections::HashSet;

use crate::campaign::Campaign;
use crate::decisions::{Decisions, Settles};
use crate::people::Person;
use crate::problem::{Problem, Problems, ProblemsError};
use crate::ranking::{GroupRanking, LineStatus, Reason, Settle, TieAtLine, walk_decided};
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
    /// The gates (and floor) the unit fails for this tier.
    pub failed: Vec<Reason>,
    /// Tier where the unit is tied for a place, still undecided: if chosen
    /// there, it leaves this list.
    pub tied_higher: Option<usize>,
    /// Index into `Decisions::ties` when the council settled a tie this unit
    /// was part of.
    pub decided: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Index into the people list.
    Person(usize),
    /// The unit has no eligible person left: it must propose one.
    Missing,
    /// No individuals file was given.
    ToBeProposed,
    /// Index into the people list: tied with others of the unit for the
    /// unit's last `places` place(s); none is chosen until people decide.
    Tie { person: usize, places: u32 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Individual {
    /// Score index of the nominated collective the person comes from.
    pub collective: usize,
    pub pick: Pick,
    /// Index into `Decisions::ties` when the council settled a tie among the
    /// unit's people (chosen ones only).
    pub decided: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuotaNomination {
    pub group: usize,
    pub places: u32,
    pub filled: u32,
    pub tie: Option<TieAtLine>,
    /// A tie the council settled: the tie, and the decision's index.
    pub settled: Option<(TieAtLine, usize)>,
    /// Every unit of the group, in rank order.
    pub collectives: Vec<Collective>,
    pub individuals: Vec<Individual>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TierNomination {
    pub tier: usize,
    pub quotas: Vec<QuotaNomination>,
}

/// Walks every tier from the highest: the collectives are the quota lines of
/// [`walk`] (the same lines `rank --tier` shows), then each nominated
/// collective proposes its individuals. `unit_ids[u]` is the id of metrics
/// unit `u` (`UnitScore::unit`); `people` is `None` without an individuals file.
pub fn nominate(
    campaign: &Campaign,
    scores: &[UnitScore],
    unit_ids: &[&str],
    people: Option<&[Person]>,
) -> Vec<TierNomination> {
    nominate_decided(campaign, scores, unit_ids, people, None)
        .expect("without decisions nothing can be wrong")
}

/// [`nominate`] with the council's decisions: ties of units and of people
/// they settled are settled; a decision that settles nothing is an error.
pub fn nominate_decided(
    campaign: &Campaign,
    scores: &[UnitScore],
    unit_ids: &[&str],
    people: Option<&[Person]>,
    decisions: Option<&Decisions>,
) -> Result<Vec<TierNomination>, ProblemsError> {
    let Some(last) = campaign.tiers.len().checked_sub(1) else {
        return Ok(Vec::new());
    };
    let settle = decisions.map(|decisions| Settle {
        decisions,
        unit_ids,
    });
    let lines = walk_decided(campaign, scores, last, settle)?;
    let mut picker = Picker {
        scores,
        unit_ids,
        people,
        chosen: HashSet::new(),
        decisions,
        used: HashSet::new(),
        problems: Problems::new(),
    };
    let result = lines
        .into_iter()
        .enumerate()
        .map(|(t, groups)| TierNomination {
            tier: t,
            quotas: groups
                .into_iter()
                .zip(&campaign.tiers[t].quotas)
                .map(|(g, q)| picker.quota(t, g, q.individuals_each))
                .collect(),
        })
        .collect();
    if let Some(d) = decisions {
        for (i, dec) in d.ties.iter().enumerate() {
            if let Settles::People { unit_id, .. } = &dec.settles
                && !picker.used.contains(&i)
            {
                picker.problems.push(Problem::line(
                    &d.file,
                    dec.line,
                    format!(
                        "no tie among the people of `{unit_id}` at tier `{}`: nothing to decide",
                        campaign.tiers[dec.tier].id
                    ),
                ));
            }
        }
    }
    picker.problems.finish().map(|()| result)
}

/// Places of individuals still open: to be proposed, missing, or contested
/// by tied people (counted once per unit, however many are tied).
pub fn open_places(individuals: &[&Individual]) -> usize {
    let mut tied: Vec<(usize, u32)> = Vec::new();
    let mut open = 0;
    for i in individuals {
        match i.pick {
            Pick::Person(_) => {}
            Pick::Missing | Pick::ToBeProposed => open += 1,
            Pick::Tie { places, .. } => {
                if !tied.iter().any(|(c, _)| *c == i.collective) {
                    tied.push((i.collective, places));
                    open += places as usize;
                }
            }
        }
    }
    open
}

/// A unit's line status as the nomination list words it.
fn status(line: Option<LineStatus>) -> Status {
    match line {
        Some(LineStatus::In) => Status::Nominated,
        Some(LineStatus::Tie) => Status::Tie,
        Some(LineStatus::Ineligible) => Status::Ineligible,
        Some(LineStatus::WonHigherTier(w)) => Status::WonHigherTier(w),
        Some(LineStatus::Out) | None => Status::BelowLine,
    }
}

struct Picker<'a> {
    scores: &'a [UnitScore],
    unit_ids: &'a [&'a str],
    people: Option<&'a [Person]>,
    /// People already proposed, at this tier or a higher one.
    chosen: HashSet<usize>,
    decisions: Option<&'a Decisions>,
    /// Decisions (indices) that settled a tie among people.
    used: HashSet<usize>,
    problems: Problems,
}

impl Picker<'_> {
    fn quota(&mut self, t: usize, g: GroupRanking, individuals_each: u32) -> QuotaNomination {
        let collectives: Vec<Collective> = g
            .entries
            .into_iter()
            .map(|e| Collective {
                score: e.score,
                rank: e.rank,
                status: status(e.line),
                failed: e.failed,
                tied_higher: e.tied_higher,
                decided: e.decided,
            })
            .collect();
        let mut individuals = Vec::new();
        for c in collectives.iter().filter(|c| c.status == Status::Nominated) {
            individuals.extend(self.pick(t, c.score, individuals_each));
        }
        QuotaNomination {
            group: g.group,
            places: g.places.unwrap_or(0),
            filled: g.filled,
            tie: g.tie,
            settled: g.settled,
            collectives,
            individuals,
        }
    }

    /// Eligible people of the unit, direct workers first, then higher score.
    /// People still equal at the unit's last place(s) are all `Tie`: never
    /// picked by file order. A person is proposed at most once, in every
    /// campaign: one achievement, one award.
    fn pick(&mut self, t: usize, score: usize, n: u32) -> Vec<Individual> {
        let one = |pick| Individual {
            collective: score,
            pick,
            decided: None,
        };
        let Some(people) = self.people else {
            return (0..n).map(|_| one(Pick::ToBeProposed)).collect();
        };
        let unit = self.unit_ids[self.scores[score].unit];
        let mut candidates: Vec<usize> = (0..people.len())
            .filter(|&p| {
                people[p].unit_id == unit && people[p].eligible && !self.chosen.contains(&p)
            })
            .collect();
        let key = |p: usize| {
            (
                people[p].direct,
                people[p].score.unwrap_or(f64::NEG_INFINITY),
            )
        };
        let cmp = |a: &usize, b: &usize| {
            let (x, y) = (key(*a), key(*b));
            y.0.cmp(&x.0).then(y.1.total_cmp(&x.1))
        };
        candidates.sort_by(|a, b| cmp(a, b).then(a.cmp(b)));
        let mut out = Vec::new();
        let mut i = 0;
        while (out.len() as u32) < n && i < candidates.len() {
            let end = i + candidates[i..]
                .iter()
                .take_while(|b| cmp(&candidates[i], b).is_eq())
                .count();
            let open = n - out.len() as u32;
            if (end - i) as u32 <= open {
                for &p in &candidates[i..end] {
                    self.chosen.insert(p);
                    out.push(one(Pick::Person(p)));
                }
            } else {
                let tied = &candidates[i..end];
                match self.settle_people(t, unit, tied, open) {
                    Some((d, chosen)) => {
                        for p in chosen {
                            self.chosen.insert(p);
                            out.push(Individual {
                                decided: Some(d),
                                ..one(Pick::Person(p))
                            });
                        }
                    }
                    None => {
                        for &person in tied {
                            out.push(one(Pick::Tie {
                                person,
                                places: open,
                            }));
                        }
                    }
                }
                return out;
            }
            i = end;
        }
        while (out.len() as u32) < n {
            out.push(one(Pick::Missing));
        }
        out
    }

    /// The people the council chose among `tied` for `open` places of
    /// `unit` at tier `t`, when a valid decision says so.
    fn settle_people(
        &mut self,
        t: usize,
        unit: &str,
        tied: &[usize],
        open: u32,
    ) -> Option<(usize, Vec<usize>)> {
        let people = self.people?;
        let decisions = self.decisions?;
        let (d, chosen) = decisions.people_tie(t, unit)?;
        self.used.insert(d);
        let line = decisions.ties[d].line;
        let tied_ids: Vec<&str> = tied.iter().map(|&p| people[p].person_id.as_str()).collect();
        let picked: Vec<usize> = tied
            .iter()
            .copied()
            .filter(|&p| chosen.contains(&people[p].person_id))
            .collect();
        if picked.len() != chosen.len() || chosen.len() as u32 != open {
            self.problems.push(Problem::line(
                &decisions.file,
                line,
                format!(
                    "choose exactly {open} of the tied people of `{unit}` ({}); got {}",
                    tied_ids.join(", "),
                    chosen.join(", ")
                ),
            ));
            return None;
        }
        Some((d, picked))
    }
}

#[cfg(test)]
mod tests;

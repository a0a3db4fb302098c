//! Candidate lists for each award tier: collectives in rank order under the
//! quotas, then the individuals each collective proposes. The list goes into an
//! official proposal file, so every unit gets a status and a tie at the line is
//! handed to people, never broken by file order or name.

use crate::campaign::Campaign;
use crate::campaign::quota::Counted;
use crate::decisions::{Decisions, Settles};
use crate::people::Person;
use crate::problem::{Problem, ProblemsError};
use crate::ranking::{LineStatus, Reason, Settle, TieAtLine, walk_decided};
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
    /// The tier gives the group people only, no collective place.
    NoPlaces,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Nominated => "nominated",
            Status::Tie => "tie",
            Status::BelowLine => "below_line",
            Status::Ineligible => "ineligible",
            Status::WonHigherTier(_) => "won_higher_tier",
            Status::NoPlaces => "no_places",
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
    /// Score index of the unit the person comes from (a nominated
    /// collective, or any unit of the group for people across the group).
    pub collective: usize,
    pub pick: Pick,
    /// Index into `Decisions::ties` when the council settled a tie among the
    /// unit's people (chosen ones only).
    pub decided: Option<usize>,
    /// Chosen among the people across the group (`individuals: N` or
    /// `"P%"`), not for a nominated collective (`individuals_each`).
    pub across: bool,
    /// Tied across the group for its unit's place(s) only (the `per_unit`
    /// cap leaves the unit fewer places than its equal people), not for the
    /// group's last places.
    pub within_unit: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuotaNomination {
    pub group: usize,
    /// Collective places (0 when the tier gives the group people only).
    pub places: u32,
    /// How the collective places were counted (percents, the strictest rule).
    pub basis: Option<Counted>,
    /// How the places for people across the group were counted.
    pub people_basis: Option<Counted>,
    /// Proposals the quota's `per_unit` cap removed: (unit's score index,
    /// people it could not propose).
    pub capped: Vec<(usize, u32)>,
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
    /// "Dự toán kinh phí khen thưởng", when the tier has a `reward`.
    pub reward: Option<RewardTotal>,
}

/// The money a tier's list costs: per entry and in all (VND).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RewardTotal {
    pub collectives: u32,
    pub individuals: u32,
    pub per_collective: f64,
    pub per_individual: f64,
    pub total: f64,
}

impl Collective {
    /// Inside the quota and proposed: counted, and paid when the tier has a
    /// reward.
    pub fn nominated(&self) -> bool {
        self.status == Status::Nominated
    }
}

impl Individual {
    /// A person proposed by name: counted, and paid when the tier has a
    /// reward (a tie, a place to be proposed or missing is not).
    pub fn named(&self) -> bool {
        matches!(self.pick, Pick::Person(_))
    }
}

impl RewardTotal {
    /// What one collective of the list receives.
    pub fn for_collective(&self, c: &Collective) -> f64 {
        if c.nominated() {
            self.per_collective
        } else {
            0.0
        }
    }

    /// What one person of the list receives.
    pub fn for_individual(&self, i: &Individual) -> f64 {
        if i.named() { self.per_individual } else { 0.0 }
    }

    /// Collectives nominated and people proposed by name, times the tier's
    /// reward multiples of the base salary, rounded to whole đồng.
    fn of(campaign: &Campaign, t: usize, quotas: &[QuotaNomination]) -> Option<RewardTotal> {
        let r = campaign.tiers[t].reward?;
        let base = campaign.base_salary?;
        let collectives = quotas
            .iter()
            .flat_map(|q| &q.collectives)
            .filter(|c| c.nominated())
            .count() as u32;
        let individuals = quotas
            .iter()
            .flat_map(|q| &q.individuals)
            .filter(|i| i.named())
            .count() as u32;
        let per_collective = (r.collective.unwrap_or(0.0) * base).round();
        let per_individual = (r.individual.unwrap_or(0.0) * base).round();
        Some(RewardTotal {
            collectives,
            individuals,
            per_collective,
            per_individual,
            total: f64::from(collectives) * per_collective
                + f64::from(individuals) * per_individual,
        })
    }
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
    let mut picker = Picker::new(campaign, scores, unit_ids, people, decisions);
    let result = lines
        .into_iter()
        .enumerate()
        .map(|(t, groups)| {
            let quotas: Vec<QuotaNomination> = groups
                .into_iter()
                .zip(&campaign.tiers[t].quotas)
                .map(|(g, q)| picker.quota(t, g, q))
                .collect();
            TierNomination {
                tier: t,
                reward: RewardTotal::of(campaign, t, &quotas),
                quotas,
            }
        })
        .collect();
    if let Some(d) = decisions {
        for (i, dec) in d.ties.iter().enumerate() {
            // A decision about people that settled nothing names a tie that
            // is not there: said, never ignored.
            let whose = match &dec.settles {
                Settles::People { unit_id, .. } => unit_id.as_str(),
                Settles::GroupPeople { group, .. } => campaign.groups[*group].id.as_str(),
                Settles::Units { .. } => continue,
            };
            if !picker.used.contains(&i) {
                picker.problems.push(Problem::line(
                    &d.file,
                    dec.line,
                    crate::msg!(TieNoPeople, whose, campaign.tiers[dec.tier].id),
                ));
            }
        }
    }
    picker.problems.finish().map(|()| result)
}

/// Places of individuals of one quota still open: (to be proposed by the
/// units — no individuals file, or no eligible person left —, contested by
/// tied people). A tie counts its places once: per unit for a collective's
/// people, once for the people across the group.
pub fn open_places(q: &QuotaNomination) -> (usize, usize) {
    let mut tied: Vec<(bool, usize)> = Vec::new();
    let (mut open, mut contested) = (0, 0);
    for i in &q.individuals {
        match i.pick {
            Pick::Person(_) => {}
            Pick::Missing | Pick::ToBeProposed => open += 1,
            Pick::Tie { places, .. } => {
                let key = tie_key(i);
                if !tied.contains(&key) {
                    tied.push(key);
                    contested += places as usize;
                }
            }
        }
    }
    (open, contested)
}

/// Which tie a tied person is part of: the ties of one unit's people (for
/// its collective, or for its capped places across the group), or the tie
/// for the group's last places.
fn tie_key(i: &Individual) -> (bool, usize) {
    let group_wide = i.across && !i.within_unit;
    (i.across, if group_wide { usize::MAX } else { i.collective })
}

/// The ties of people across the group: (places they contest, people tied),
/// each tie's places counted once.
pub fn across_ties(q: &QuotaNomination) -> (u32, usize) {
    let mut seen: Vec<(bool, usize)> = Vec::new();
    let (mut places, mut people) = (0, 0);
    for i in q.individuals.iter().filter(|i| i.across) {
        if let Pick::Tie { places: p, .. } = i.pick {
            people += 1;
            if !seen.contains(&tie_key(i)) {
                seen.push(tie_key(i));
                places += p;
            }
        }
    }
    (places, people)
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

mod pick;

use pick::Picker;

#[cfg(test)]
mod tests;

//! Who is proposed under one quota: the collectives its line put inside, the
//! people each of them proposes (`individuals_each`), the people chosen across
//! the group (`individuals`: N or "P%" of its eligible people), all under the
//! `per_unit` cap — people in the campaign's `individuals.order`, and people
//! still equal at the last place tied, never picked by file order.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use super::{Collective, Individual, Pick, QuotaNomination, Status, status};
use crate::campaign::{Campaign, PersonKey, Quota};
use crate::decisions::Decisions;
use crate::people::Person;
use crate::problem::{Problem, Problems};
use crate::ranking::GroupRanking;
use crate::scoring::UnitScore;

pub(super) struct Picker<'a> {
    campaign: &'a Campaign,
    scores: &'a [UnitScore],
    unit_ids: &'a [&'a str],
    people: Option<&'a [Person]>,
    /// Unit id → score index.
    score_of: HashMap<&'a str, usize>,
    /// People already proposed, at this tier or a higher one.
    chosen: HashSet<usize>,
    decisions: Option<&'a Decisions>,
    /// Decisions (indices) that settled a tie among people.
    pub(super) used: HashSet<usize>,
    pub(super) problems: Problems,
}

impl<'a> Picker<'a> {
    pub(super) fn new(
        campaign: &'a Campaign,
        scores: &'a [UnitScore],
        unit_ids: &'a [&'a str],
        people: Option<&'a [Person]>,
        decisions: Option<&'a Decisions>,
    ) -> Picker<'a> {
        let score_of = scores
            .iter()
            .enumerate()
            .map(|(i, s)| (unit_ids[s.unit], i))
            .collect();
        Picker {
            campaign,
            scores,
            unit_ids,
            people,
            score_of,
            chosen: HashSet::new(),
            decisions,
            used: HashSet::new(),
            problems: Problems::new(),
        }
    }

    pub(super) fn quota(&mut self, t: usize, g: GroupRanking, q: &Quota) -> QuotaNomination {
        let no_places = g.places.is_none();
        let collectives: Vec<Collective> = g
            .entries
            .into_iter()
            .map(|e| Collective {
                score: e.score,
                rank: e.rank,
                status: if no_places {
                    Status::NoPlaces
                } else {
                    status(e.line)
                },
                failed: e.failed,
                tied_higher: e.tied_higher,
                decided: e.decided,
            })
            .collect();
        // Proposals each unit got in this tier, against the `per_unit` cap.
        let mut given: HashMap<usize, u32> = HashMap::new();
        let mut capped = Vec::new();
        let mut individuals = Vec::new();
        for c in collectives.iter().filter(|c| c.status == Status::Nominated) {
            given.insert(c.score, 1);
            let mut n = q.individuals_each;
            if let Some(cap) = q.per_unit {
                let room = cap.saturating_sub(1);
                if n > room {
                    capped.push((c.score, n - room));
                    n = room;
                }
            }
            let picked = self.for_unit(t, c.score, n);
            *given.entry(c.score).or_default() += picked.len() as u32;
            individuals.extend(picked);
        }
        let people_basis = if q.individuals.is_empty() {
            None
        } else {
            let (basis, picked) = self.across_group(t, q, &mut given, &mut capped);
            individuals.extend(picked);
            basis
        };
        QuotaNomination {
            group: g.group,
            places: g.places.unwrap_or(0),
            basis: g.basis,
            people_basis,
            capped,
            filled: g.filled,
            tie: g.tie,
            settled: g.settled,
            collectives,
            individuals,
        }
    }

    /// Orders two people by the campaign's `individuals.order`.
    fn order(&self, a: &Person, b: &Person) -> Ordering {
        self.campaign
            .individuals_order
            .iter()
            .map(|k| match k {
                PersonKey::Direct => b.direct.cmp(&a.direct),
                PersonKey::Score => b
                    .score
                    .unwrap_or(f64::NEG_INFINITY)
                    .total_cmp(&a.score.unwrap_or(f64::NEG_INFINITY)),
                PersonKey::NonLeader => a.leader.cmp(&b.leader),
                PersonKey::Female => (b.female == Some(true)).cmp(&(a.female == Some(true))),
            })
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    }

    /// `candidates` (people indices) in order, as blocks of equal people.
    fn blocks(&self, people: &[Person], mut candidates: Vec<usize>) -> Vec<Vec<usize>> {
        candidates.sort_by(|&a, &b| self.order(&people[a], &people[b]).then(a.cmp(&b)));
        candidates
            .chunk_by(|&a, &b| self.order(&people[a], &people[b]).is_eq())
            .map(<[usize]>::to_vec)
            .collect()
    }

    /// `n` eligible people of one nominated unit. People still equal at the
    /// unit's last place(s) are all `Tie` unless the council decided. A
    /// person is proposed at most once, in every campaign: one achievement,
    /// one award.
    fn for_unit(&mut self, t: usize, score: usize, n: u32) -> Vec<Individual> {
        let one = |pick| Individual {
            collective: score,
            pick,
            decided: None,
            across: false,
            within_unit: false,
        };
        let Some(people) = self.people else {
            return (0..n).map(|_| one(Pick::ToBeProposed)).collect();
        };
        let unit = self.unit_ids[self.scores[score].unit];
        let candidates: Vec<usize> = (0..people.len())
            .filter(|&p| {
                people[p].unit_id == unit && people[p].eligible && !self.chosen.contains(&p)
            })
            .collect();
        let mut out = Vec::new();
        for block in self.blocks(people, candidates) {
            let open = n - out.len() as u32;
            if open == 0 {
                break;
            }
            if block.len() as u32 <= open {
                for p in block {
                    self.chosen.insert(p);
                    out.push(one(Pick::Person(p)));
                }
                continue;
            }
            match self.settle_people(t, unit, &block, open) {
                Some((d, chosen)) => {
                    for p in chosen {
                        self.chosen.insert(p);
                        out.push(Individual {
                            decided: Some(d),
                            ..one(Pick::Person(p))
                        });
                    }
                }
                None => out.extend(block.iter().map(|&person| {
                    one(Pick::Tie {
                        person,
                        places: open,
                    })
                })),
            }
            return out;
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
        let lookup = self.decisions.and_then(|d| d.people_tie(t, unit));
        self.settle(lookup, unit, tied, open)
    }

    /// The people a decision (`lookup`: its index and chosen ids) picks among
    /// `tied` for `open` places of `whose` (a unit, or a group for people
    /// across it); a decision that does not pick exactly `open` of them is a
    /// problem at its line, and the tie stays.
    fn settle(
        &mut self,
        lookup: Option<(usize, &[String])>,
        unit: &str,
        tied: &[usize],
        open: u32,
    ) -> Option<(usize, Vec<usize>)> {
        let people = self.people?;
        let decisions = self.decisions?;
        let (d, chosen) = lookup?;
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
                crate::msg!(
                    TieChoosePeople,
                    open,
                    unit,
                    tied_ids.join(", "),
                    chosen.join(", ")
                ),
            ));
            return None;
        }
        Some((d, picked))
    }
}

mod across;

//! People chosen across a group (`individuals: N` or `"P%"`) under the
//! `per_unit` cap. A tie inside one unit contests only that unit's place(s):
//! the other people of the tied block take theirs, the unit's room is spoken
//! for whoever is chosen (so no one of it below the tie slips in), and the
//! walk goes on. Equal people who would take more places than are left
//! contest the group's last places, and no one below them is reached.

use std::collections::HashMap;

use super::Picker;
use crate::campaign::{Quota, quota};
use crate::nomination::{Individual, Pick};
use crate::problem::Problem;

/// Tied people (person, unit's score index) and the places they contest:
/// those of one unit under the cap (`whose`), or the group's last places.
struct Contest {
    people: Vec<(usize, usize)>,
    places: u32,
    whose: Option<usize>,
    /// Each unit's room under the cap when the tie was drawn.
    rooms: Vec<(usize, u32)>,
}

impl Picker<'_> {
    /// People across the group: its eligible people not yet proposed, in
    /// order, for N or P% places, skipping those whose unit reached the cap.
    pub(super) fn across_group(
        &mut self,
        t: usize,
        q: &Quota,
        given: &mut HashMap<usize, u32>,
        capped: &mut Vec<(usize, u32)>,
    ) -> (Option<quota::Counted>, Vec<Individual>) {
        let Some(people) = self.people else {
            let basis = quota::count(&q.individuals, 0);
            return (basis, Vec::new());
        };
        let unit_of = |p: usize| self.score_of.get(people[p].unit_id.as_str()).copied();
        let candidates: Vec<usize> = (0..people.len())
            .filter(|&p| {
                people[p].eligible
                    && !self.chosen.contains(&p)
                    && unit_of(p).is_some_and(|u| self.scores[u].group == q.group)
            })
            .collect();
        let unit_at: HashMap<usize, usize> = candidates
            .iter()
            .map(|&p| (p, unit_of(p).expect("candidates have a unit")))
            .collect();
        let basis = quota::count(&q.individuals, candidates.len() as u32);
        let places = basis.as_ref().map_or(0, |b| b.places);
        let room = |u: usize, given: &HashMap<usize, u32>| {
            q.per_unit
                .map(|cap| cap.saturating_sub(given.get(&u).copied().unwrap_or(0)))
        };
        let entry = |pick, collective, within_unit| Individual {
            collective,
            pick,
            decided: None,
            across: true,
            within_unit,
        };
        let mut out = Vec::new();
        let mut contests: Vec<Contest> = Vec::new();
        // Places taken: people chosen, and places a tie contests.
        let mut taken = 0u32;
        for block in self.blocks(people, candidates) {
            let open = places - taken;
            if open == 0 {
                break;
            }
            // Whoever the cap stops is passed over, and said so.
            let mut fit: Vec<(usize, usize)> = Vec::new();
            for p in block {
                let u = unit_at[&p];
                if room(u, given) == Some(0) {
                    match capped.iter_mut().find(|(s, _)| *s == u) {
                        Some((_, k)) => *k += 1,
                        None => capped.push((u, 1)),
                    }
                } else {
                    fit.push((p, u));
                }
            }
            // Each unit of the block: (unit, equal people, room).
            let mut units: Vec<(usize, u32, u32)> = Vec::new();
            for &(_, u) in &fit {
                match units.iter_mut().find(|(x, _, _)| *x == u) {
                    Some((_, members, _)) => *members += 1,
                    None => units.push((u, 1, room(u, given).unwrap_or(u32::MAX))),
                }
            }
            let seats: u32 = units.iter().map(|&(_, m, r)| m.min(r)).sum();
            if seats > open {
                out.extend(fit.iter().map(|&(person, u)| {
                    entry(
                        Pick::Tie {
                            person,
                            places: open,
                        },
                        u,
                        false,
                    )
                }));
                contests.push(Contest {
                    people: fit,
                    places: open,
                    whose: None,
                    rooms: units.iter().map(|&(u, _, r)| (u, r)).collect(),
                });
                break;
            }
            taken += seats;
            for &(u, _, r) in units.iter().filter(|&&(_, m, r)| m > r) {
                *given.entry(u).or_default() += r;
                contests.push(Contest {
                    people: fit.iter().copied().filter(|&(_, x)| x == u).collect(),
                    places: r,
                    whose: Some(u),
                    rooms: vec![(u, r)],
                });
            }
            for (person, u) in fit {
                let &(_, members, r) = units.iter().find(|&&(x, _, _)| x == u).expect("fit");
                if members > r {
                    out.push(entry(Pick::Tie { person, places: r }, u, true));
                } else {
                    self.chosen.insert(person);
                    *given.entry(u).or_default() += 1;
                    out.push(entry(Pick::Person(person), u, false));
                }
            }
        }
        self.settle_across(t, q.group, &contests, &mut out);
        (basis, out)
    }

    /// Settles the ties of people across group `group` at tier `t` with the
    /// council's one decision for them: it must choose exactly each tie's
    /// places among its people, within each unit's room, else it is a
    /// problem at its line and the ties stay. Chosen people replace their
    /// tie in `out`; the others leave the list.
    fn settle_across(
        &mut self,
        t: usize,
        group: usize,
        contests: &[Contest],
        out: &mut Vec<Individual>,
    ) {
        let (Some(people), Some(decisions)) = (self.people, self.decisions) else {
            return;
        };
        if contests.is_empty() {
            return;
        }
        let tied: Vec<usize> = contests
            .iter()
            .flat_map(|c| c.people.iter().map(|&(p, _)| p))
            .collect();
        let places = contests.iter().map(|c| c.places).sum();
        let group_id = self.campaign.groups[group].id.clone();
        let lookup = decisions.group_people_tie(t, group);
        let Some((d, chosen)) = self.settle(lookup, &group_id, &tied, places) else {
            return;
        };
        let line = decisions.ties[d].line;
        let ids = |ps: &mut dyn Iterator<Item = usize>| {
            ps.map(|p| people[p].person_id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let unit_id = |u: usize| self.unit_ids[self.scores[u].unit];
        let chosen = &chosen;
        for c in contests {
            let mine = |u: Option<usize>| {
                c.people
                    .iter()
                    .filter(move |&&(p, x)| chosen.contains(&p) && u.is_none_or(|u| u == x))
                    .map(|&(p, _)| p)
            };
            if mine(None).count() as u32 != c.places {
                let whose = c.whose.map_or(group_id.as_str(), unit_id);
                let msg = crate::msg!(
                    TieChoosePeople,
                    c.places,
                    whose,
                    ids(&mut c.people.iter().map(|&(p, _)| p)),
                    ids(&mut mine(None))
                );
                self.problems
                    .push(Problem::line(&decisions.file, line, msg));
                return;
            }
            for &(u, r) in &c.rooms {
                let took = mine(Some(u)).count() as u32;
                if took > r {
                    let msg = crate::msg!(TieOverCap, took, unit_id(u), r);
                    self.problems
                        .push(Problem::line(&decisions.file, line, msg));
                    return;
                }
            }
        }
        out.retain_mut(|i| match i.pick {
            Pick::Tie { person, .. } if chosen.contains(&person) => {
                i.pick = Pick::Person(person);
                i.decided = Some(d);
                i.within_unit = false;
                true
            }
            Pick::Tie { .. } => false,
            _ => true,
        });
        self.chosen.extend(chosen.iter().copied());
    }
}

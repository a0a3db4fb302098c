//! What the council decided (SPEC 9): ties at a quota line settled (units, or
//! people of a unit), and points added or removed after scoring. The file is
//! read and checked against the campaign, the data and the individuals before
//! anything is ranked; without it nothing is decided for the council.

use crate::i18n::messages::Msg;
use std::collections::HashSet;

use serde::Deserialize;

use crate::campaign::Campaign;
use crate::metrics::Metrics;
use crate::people::Person;
use crate::problem::{Problem, Problems, ProblemsError};
use crate::scoring::{UnitScore, round_to};
use crate::yaml::{self, Keyed, Shape};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decisions {
    pub file: String,
    pub ties: Vec<TieDecision>,
    pub adjustments: Vec<Adjustment>,
}

/// Which tie a decision settles, and whom it chose.
#[derive(Debug, Clone, PartialEq)]
pub enum Settles {
    /// Units tied at the line of tier `tier` over group `group`.
    Units { group: usize, chosen: Vec<String> },
    /// People of one unit tied for its last place(s) at tier `tier`.
    People {
        unit_id: String,
        chosen_people: Vec<String>,
    },
    /// People across group `group` (`individuals: N` or `"P%"`) tied for
    /// its last place(s) at tier `tier`.
    GroupPeople {
        group: usize,
        chosen_people: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TieDecision {
    pub tier: usize,
    pub settles: Settles,
    /// "Biên bản số 12/BB-HĐTĐKT ngày 02/12/2023".
    pub document: String,
    pub line: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Adjustment {
    pub unit_id: String,
    /// Added (+) or removed (−), at the campaign's precision.
    pub points: f64,
    pub reason: String,
    pub document: String,
    pub line: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    ties: Vec<Keyed<RawTie>>,
    #[serde(default)]
    adjustments: Vec<Keyed<RawAdjustment>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTie {
    tier: String,
    group: Option<String>,
    chosen: Option<Vec<String>>,
    unit_id: Option<String>,
    chosen_people: Option<Vec<String>>,
    document: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAdjustment {
    unit_id: String,
    points: f64,
    reason: Option<String>,
    document: Option<String>,
}

/// How errors name a decisions file and say how to write one.
const SHAPE: Shape = Shape {
    lead: Some(Msg::YamlNotDecisions),
    hint: Some(Msg::HintDecisions),
    items: &[],
};

impl Decisions {
    /// Reads the decisions file and checks every id against the campaign,
    /// the data and (for people) the individuals; every problem at once.
    pub fn from_yaml(
        src: &str,
        file: &str,
        campaign: &Campaign,
        metrics: &Metrics,
        people: Option<&[Person]>,
    ) -> Result<Decisions, ProblemsError> {
        let mut problems = Problems::new();
        let raw: Raw = match yaml::parse(src, file, &SHAPE) {
            Ok(r) => r,
            Err(p) => {
                problems.push(p);
                return Err(ProblemsError(problems));
            }
        };
        let units: HashSet<&str> = metrics.units.iter().map(|u| u.id.as_str()).collect();
        let unit_known = |id: &str, line: u64, problems: &mut Problems| {
            if !units.contains(id) {
                problems.push(Problem::line(
                    file,
                    line,
                    crate::msg!(UnknownUnitIn, id, metrics.file),
                ));
            }
        };
        let mut out = Decisions {
            file: file.to_string(),
            ..Decisions::default()
        };
        let mut seen = HashSet::new();
        for Keyed { value: t, keys } in raw.ties {
            let line = keys.at().line();
            let Some(tier) = campaign.tier_index(&t.tier) else {
                problems.push(Problem::line(
                    file,
                    line,
                    crate::msg!(UnknownTierIn, t.tier, campaign.file),
                ));
                continue;
            };
            let document = match t.document.filter(|d| !d.trim().is_empty()) {
                Some(d) => d,
                None => {
                    problems.push(
                        Problem::line(file, line, Msg::DecisionNeedsDocument)
                            .with_hint(Msg::HintDecisionDocument),
                    );
                    continue;
                }
            };
            let settles = match (t.group, t.chosen, t.unit_id, t.chosen_people) {
                (Some(g), Some(chosen), None, None) => {
                    let Some(group) = campaign.group_index(&g) else {
                        problems.push(Problem::line(file, line, crate::msg!(UnknownGroup, g)));
                        continue;
                    };
                    for u in &chosen {
                        unit_known(u, line, &mut problems);
                    }
                    Settles::Units { group, chosen }
                }
                (Some(g), None, None, Some(chosen_people)) => {
                    let Some(group) = campaign.group_index(&g) else {
                        problems.push(Problem::line(file, line, crate::msg!(UnknownGroup, g)));
                        continue;
                    };
                    for p in &chosen_people {
                        if !people.is_some_and(|ps| ps.iter().any(|x| x.person_id == *p)) {
                            problems.push(Problem::line(file, line, crate::msg!(PersonUnknown, p)));
                        }
                    }
                    Settles::GroupPeople {
                        group,
                        chosen_people,
                    }
                }
                (None, None, Some(unit_id), Some(chosen_people)) => {
                    unit_known(&unit_id, line, &mut problems);
                    for p in &chosen_people {
                        let of_unit = people.is_some_and(|ps| {
                            ps.iter().any(|x| x.person_id == *p && x.unit_id == unit_id)
                        });
                        if !of_unit {
                            problems.push(Problem::line(
                                file,
                                line,
                                crate::msg!(PersonNotOfUnit, p, unit_id),
                            ));
                        }
                    }
                    Settles::People {
                        unit_id,
                        chosen_people,
                    }
                }
                _ => {
                    problems.push(Problem::line(file, line, Msg::TieNamesWhich));
                    continue;
                }
            };
            // A name twice would fill two places with one unit or person.
            let names = match &settles {
                Settles::Units { chosen, .. } => chosen,
                Settles::People { chosen_people, .. }
                | Settles::GroupPeople { chosen_people, .. } => chosen_people,
            };
            let mut once = HashSet::new();
            if let Some(twice) = names.iter().find(|n| !once.insert(n.as_str())) {
                problems.push(Problem::line(file, line, crate::msg!(ChosenTwice, twice)));
            }
            let key = match &settles {
                Settles::Units { group, .. } => (tier, format!("group:{group}")),
                Settles::People { unit_id, .. } => (tier, format!("unit:{unit_id}")),
                Settles::GroupPeople { group, .. } => (tier, format!("people:{group}")),
            };
            if !seen.insert(key) {
                problems.push(Problem::line(file, line, Msg::SecondTieDecision));
            }
            out.ties.push(TieDecision {
                tier,
                settles,
                document,
                line,
            });
        }
        for Keyed { value: a, keys } in raw.adjustments {
            let line = keys.at().line();
            unit_known(&a.unit_id, line, &mut problems);
            if !a.points.is_finite() || a.points == 0.0 {
                problems.push(Problem::line(
                    file,
                    line,
                    crate::msg!(AdjustPointsZero, a.points),
                ));
            }
            let document = a.document.filter(|d| !d.trim().is_empty());
            if document.is_none() {
                problems.push(Problem::line(file, line, Msg::AdjustNeedsDocument));
            }
            out.adjustments.push(Adjustment {
                unit_id: a.unit_id,
                points: round_to(a.points, campaign.precision),
                reason: a.reason.unwrap_or_default(),
                document: document.unwrap_or_default(),
                line,
            });
        }
        problems.finish().map(|()| out)
    }

    /// The decision settling units tied at tier `tier`'s line over `group`.
    pub fn units_tie(&self, tier: usize, group: usize) -> Option<(usize, &[String])> {
        self.ties
            .iter()
            .enumerate()
            .find_map(|(i, d)| match &d.settles {
                Settles::Units { group: g, chosen } if d.tier == tier && *g == group => {
                    Some((i, chosen.as_slice()))
                }
                _ => None,
            })
    }

    /// The decision settling people of `unit_id` tied at tier `tier`.
    pub fn people_tie(&self, tier: usize, unit_id: &str) -> Option<(usize, &[String])> {
        self.ties
            .iter()
            .enumerate()
            .find_map(|(i, d)| match &d.settles {
                Settles::People {
                    unit_id: u,
                    chosen_people,
                } if d.tier == tier && u == unit_id => Some((i, chosen_people.as_slice())),
                _ => None,
            })
    }

    /// The decision settling people across `group` tied at tier `tier`.
    pub fn group_people_tie(&self, tier: usize, group: usize) -> Option<(usize, &[String])> {
        self.ties
            .iter()
            .enumerate()
            .find_map(|(i, d)| match &d.settles {
                Settles::GroupPeople {
                    group: g,
                    chosen_people,
                } if d.tier == tier && *g == group => Some((i, chosen_people.as_slice())),
                _ => None,
            })
    }

    /// The adjustments of a unit, in file order.
    pub fn adjustments_of<'a>(&'a self, unit_id: &'a str) -> impl Iterator<Item = &'a Adjustment> {
        self.adjustments
            .iter()
            .filter(move |a| a.unit_id == unit_id)
    }

    /// Adds each unit's adjustments to its total (never below 0), after
    /// scoring and before ranking; percent and class follow the new total.
    pub fn adjust(&self, campaign: &Campaign, metrics: &Metrics, scores: &mut [UnitScore]) {
        for s in scores.iter_mut() {
            let id = &metrics.units[s.unit].id;
            let points: f64 = self.adjustments_of(id).map(|a| a.points).sum();
            if points != 0.0 {
                s.adjust(campaign, points);
            }
        }
    }
}

#[cfg(test)]
mod tests;

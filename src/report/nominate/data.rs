//! The nomination lists for programs: one flat CSV of every collective and
//! individual, and the JSON contract later tools rely on.

use serde::Serialize;

use super::NominationView;
use crate::nomination::{Collective, Individual, Pick, QuotaNomination, Status};
use crate::ranking::{reason_ids, reason_list};
use crate::report::json::Tie;
use crate::report::{Cell, Table};
use crate::scoring::round_to;

impl<'a> NominationView<'a> {
    /// One flat CSV: every collective of every quota, then the individuals.
    pub fn csv(&self) -> Table {
        let headers = [
            "tier",
            "kind",
            "group",
            "unit_id",
            "unit_name",
            "person_id",
            "full_name",
            "position",
            "rank",
            "total",
            "status",
            "detail",
        ];
        let p = self.units.campaign.precision;
        let with_money = self.tiers.iter().any(|tn| tn.reward.is_some());
        let mut rows = Vec::new();
        for tn in &self.tiers {
            let tier = Cell::text(self.tier_id(tn.tier));
            for q in &tn.quotas {
                let group = Cell::text(&self.units.campaign.groups[q.group].id);
                for c in &q.collectives {
                    let u = self.unit(c.score);
                    rows.push(vec![
                        tier.clone(),
                        Cell::text("collective"),
                        group.clone(),
                        Cell::text(&u.id),
                        Cell::text(&u.name),
                        Cell::Empty,
                        Cell::Empty,
                        Cell::Empty,
                        Cell::Num(c.rank as f64, 0),
                        Cell::Num(self.units.scores[c.score].total, p),
                        Cell::text(c.status.id()),
                        Cell::text(self.detail(c)),
                    ]);
                    if with_money {
                        let m = tn
                            .reward
                            .map_or(Cell::Empty, |r| Cell::Num(r.for_collective(c), 0));
                        rows.last_mut().expect("just pushed").push(m);
                    }
                }
                for i in &q.individuals {
                    let u = self.unit(i.collective);
                    let (pid, name, pos, status) = match (i.pick, self.people) {
                        (Pick::Person(k), Some(ppl)) => (
                            Cell::text(&ppl[k].person_id),
                            Cell::text(&ppl[k].full_name),
                            Cell::text(&ppl[k].position),
                            "nominated",
                        ),
                        (Pick::Tie { person: k, .. }, Some(ppl)) => (
                            Cell::text(&ppl[k].person_id),
                            Cell::text(&ppl[k].full_name),
                            Cell::text(&ppl[k].position),
                            "tie",
                        ),
                        (Pick::Missing, _) => (Cell::Empty, Cell::Empty, Cell::Empty, "missing"),
                        _ => (Cell::Empty, Cell::Empty, Cell::Empty, "to_be_proposed"),
                    };
                    let c = q
                        .collectives
                        .iter()
                        .find(|c| c.score == i.collective)
                        .expect("individuals come from collectives");
                    rows.push(vec![
                        tier.clone(),
                        Cell::text("individual"),
                        group.clone(),
                        Cell::text(&u.id),
                        Cell::text(&u.name),
                        pid,
                        name,
                        pos,
                        Cell::Num(c.rank as f64, 0),
                        Cell::Num(self.units.scores[c.score].total, p),
                        Cell::text(status),
                        Cell::Empty,
                    ]);
                    if with_money {
                        let m = tn
                            .reward
                            .map_or(Cell::Empty, |r| Cell::Num(r.for_individual(i), 0));
                        rows.last_mut().expect("just pushed").push(m);
                    }
                }
            }
        }
        let mut headers = headers.map(String::from).to_vec();
        if with_money {
            headers.push("reward".into());
        }
        Table {
            title: None,
            headers,
            rows,
            notes: vec![],
        }
    }

    fn detail(&self, c: &Collective) -> String {
        match c.status {
            Status::Ineligible => reason_ids(self.units.campaign, &c.failed, ";"),
            Status::WonHigherTier(t) => self.tier_id(t).to_string(),
            _ => c
                .tied_higher
                .map_or(String::new(), |t| format!("tied_at:{}", self.tier_id(t))),
        }
    }

    /// The JSON contract: per tier its quotas and every entry.
    pub fn json(&self) -> NominationJson<'a> {
        let c = self.units.campaign;
        let tiers = self
            .tiers
            .iter()
            .map(|tn| {
                let quotas = tn
                    .quotas
                    .iter()
                    .map(|q| QuotaJson {
                        group: &c.groups[q.group].id,
                        places: q.places,
                        filled: q.filled,
                        tie: q.tie.map(Tie::from),
                        individual_places: q.people_basis.as_ref().map(|b| b.places),
                        individuals_picked: q.people_basis.as_ref().map(|_| {
                            q.individuals
                                .iter()
                                .filter(|i| i.across && i.named())
                                .count()
                        }),
                        capped: (!q.capped.is_empty()).then(|| {
                            q.capped
                                .iter()
                                .map(|&(u, k)| Capped {
                                    unit_id: &self.unit(u).id,
                                    removed: k,
                                })
                                .collect()
                        }),
                    })
                    .collect();
                let mut entries = Vec::new();
                for q in &tn.quotas {
                    entries.extend(q.collectives.iter().map(|col| EntryJson {
                        reward: tn.reward.map(|r| r.for_collective(col)),
                        ..self.collective_json(q, col)
                    }));
                    entries.extend(q.individuals.iter().map(|i| EntryJson {
                        reward: tn.reward.map(|r| r.for_individual(i)),
                        ..self.individual_json(q, i)
                    }));
                }
                let t = &c.tiers[tn.tier];
                TierJson {
                    id: &t.id,
                    award: &t.award,
                    quotas,
                    entries,
                    reward: tn.reward.map(|r| RewardJson {
                        collectives: r.collectives,
                        individuals: r.individuals,
                        per_collective: r.per_collective,
                        per_individual: r.per_individual,
                        total: r.total,
                    }),
                }
            })
            .collect();
        NominationJson {
            campaign: &c.id,
            data: self.units.data,
            exclusive: c.exclusive,
            tiers,
        }
    }

    fn entry(&self, kind: &'static str, q: &QuotaNomination, col: &Collective) -> EntryJson<'a> {
        let s = &self.units.scores[col.score];
        let u = self.unit(col.score);
        EntryJson {
            kind,
            group: &self.units.campaign.groups[q.group].id,
            unit_id: &u.id,
            unit_name: &u.name,
            rank: col.rank,
            total: round_to(s.total, self.units.campaign.precision),
            status: "",
            failed_gates: None,
            won_tier: None,
            tied_at_tier: None,
            person_id: None,
            full_name: None,
            position: None,
            direct: None,
            person_status: None,
            tie_places: None,
            adjustment: None,
            decided_by: None,
            reward: None,
        }
    }

    fn collective_json(&self, q: &QuotaNomination, col: &Collective) -> EntryJson<'a> {
        let mut o = self.entry("collective", q, col);
        o.status = col.status.id();
        o.failed_gates = Some(reason_list(self.units.campaign, &col.failed));
        o.won_tier = Some(match col.status {
            Status::WonHigherTier(t) => Some(self.tier_id(t)),
            _ => None,
        });
        o.tied_at_tier = Some(col.tied_higher.map(|t| self.tier_id(t)));
        // With a decisions file: the unit's adjustment and the document that
        // settled its tie (members absent without the file, as before).
        if let Some(ds) = self.decisions {
            let s = &self.units.scores[col.score];
            o.adjustment = Some(round_to(s.adjustment, self.units.campaign.precision));
            o.decided_by = Some(col.decided.map(|d| ds.ties[d].document.as_str()));
        }
        o
    }

    fn individual_json(&self, q: &QuotaNomination, i: &Individual) -> EntryJson<'a> {
        let col = q
            .collectives
            .iter()
            .find(|c| c.score == i.collective)
            .expect("individuals come from collectives");
        let mut o = self.entry("individual", q, col);
        let (person, status, places) = match (i.pick, self.people) {
            (Pick::Person(k), Some(ppl)) => (Some(&ppl[k]), "nominated", None),
            (Pick::Tie { person: k, places }, Some(ppl)) => (Some(&ppl[k]), "tie", Some(places)),
            (Pick::Missing, _) => (None, "missing", None),
            _ => (None, "to_be_proposed", None),
        };
        o.person_id = Some(person.map(|p| p.person_id.as_str()));
        if let Some(p) = person {
            o.full_name = Some(&p.full_name);
            o.position = Some(&p.position);
            o.direct = Some(p.direct);
        }
        o.person_status = Some(status);
        o.tie_places = places;
        if let Some(ds) = self.decisions {
            o.decided_by = Some(i.decided.map(|d| ds.ties[d].document.as_str()));
        }
        o
    }
}

/// `nominate --format json`.
#[derive(Serialize)]
pub struct NominationJson<'a> {
    pub campaign: &'a str,
    pub data: &'a str,
    pub exclusive: bool,
    pub tiers: Vec<TierJson<'a>>,
}

#[derive(Serialize)]
pub struct TierJson<'a> {
    pub id: &'a str,
    pub award: &'a str,
    pub quotas: Vec<QuotaJson<'a>>,
    pub entries: Vec<EntryJson<'a>>,
    /// "Dự toán kinh phí khen thưởng": only for tiers with a `reward`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reward: Option<RewardJson>,
}

#[derive(Serialize)]
pub struct RewardJson {
    pub collectives: u32,
    pub individuals: u32,
    pub per_collective: f64,
    pub per_individual: f64,
    pub total: f64,
}

/// People of a unit that the quota's `per_unit` cap passed over.
#[derive(Serialize)]
pub struct Capped<'a> {
    pub unit_id: &'a str,
    pub removed: u32,
}

#[derive(Serialize)]
pub struct QuotaJson<'a> {
    pub group: &'a str,
    pub places: u32,
    pub filled: u32,
    pub tie: Option<Tie>,
    /// Places for people across the group (`individuals: N` or `"P%"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub individual_places: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub individuals_picked: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capped: Option<Vec<Capped<'a>>>,
}

/// A collective or an individual; members of the other kind, and those
/// that only a flag brings (`adjustment`, `decided_by`), are absent.
#[derive(Serialize)]
pub struct EntryJson<'a> {
    pub kind: &'static str,
    pub group: &'a str,
    pub unit_id: &'a str,
    pub unit_name: &'a str,
    pub rank: u32,
    pub total: f64,
    /// A collective's status (an individual's comes after the person).
    #[serde(skip_serializing_if = "str::is_empty")]
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed_gates: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub won_tier: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tied_at_tier: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_id: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direct: Option<bool>,
    #[serde(rename = "status", skip_serializing_if = "Option::is_none")]
    pub person_status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tie_places: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adjustment: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<Option<&'a str>>,
    /// VND for this entry when the tier has a `reward` (0 for an entry not
    /// nominated or not named).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reward: Option<f64>,
}

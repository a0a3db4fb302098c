//! The nomination lists for programs: one flat CSV of every collective and
//! individual, and the JSON contract later tools rely on.

use serde_json::{Map, Value, json};

use super::NominationView;
use crate::nomination::{Collective, Individual, Pick, QuotaNomination, Status};
use crate::ranking::{reason_ids, reason_list};
use crate::report::{Cell, Table};
use crate::scoring::round_to;

impl NominationView<'_> {
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
                }
            }
        }
        Table {
            title: None,
            headers: headers.map(String::from).to_vec(),
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

    pub fn json(&self) -> Value {
        let c = self.units.campaign;
        let tiers: Vec<Value> = self
            .tiers
            .iter()
            .map(|tn| {
                let quotas: Vec<Value> = tn
                    .quotas
                    .iter()
                    .map(|q| {
                        let mut o = json!({"group": c.groups[q.group].id, "places": q.places, "filled": q.filled, "tie": q.tie.map(|t| json!({"units": t.units, "places": t.places}))});
                        if let Some(b) = &q.people_basis {
                            let picked = q.individuals.iter().filter(|i| matches!(i.pick, Pick::Person(_))).count();
                            o["individual_places"] = json!(b.places);
                            o["individuals_picked"] = json!(picked);
                        }
                        if !q.capped.is_empty() {
                            let capped: Vec<Value> = q.capped.iter().map(|&(u, k)| json!({"unit_id": self.unit(u).id, "removed": k})).collect();
                            o["capped"] = json!(capped);
                        }
                        o
                    })
                    .collect();
                let mut entries = Vec::new();
                for q in &tn.quotas {
                    entries.extend(q.collectives.iter().map(|col| Value::Object(self.collective_json(q, col))));
                    entries.extend(q.individuals.iter().map(|i| Value::Object(self.individual_json(q, i))));
                }
                let t = &c.tiers[tn.tier];
                let mut o = json!({"id": t.id, "award": t.award, "quotas": quotas, "entries": entries});
                // Members of 2025+ plans, absent from plans that do not use them.
                if let Some(r) = tn.reward {
                    o["reward"] = json!({"collectives": r.collectives, "individuals": r.individuals, "per_collective": r.per_collective, "per_individual": r.per_individual, "total": r.total});
                }
                o
            })
            .collect();
        json!({"campaign": c.id, "data": self.units.metrics.file, "exclusive": c.exclusive, "tiers": tiers})
    }

    fn entry(&self, kind: &str, q: &QuotaNomination, col: &Collective) -> Map<String, Value> {
        let s = &self.units.scores[col.score];
        let u = self.unit(col.score);
        let mut o = Map::new();
        o.insert("kind".into(), json!(kind));
        o.insert(
            "group".into(),
            json!(self.units.campaign.groups[q.group].id),
        );
        o.insert("unit_id".into(), json!(u.id));
        o.insert("unit_name".into(), json!(u.name));
        o.insert("rank".into(), json!(col.rank));
        o.insert(
            "total".into(),
            json!(round_to(s.total, self.units.campaign.precision)),
        );
        o
    }

    fn collective_json(&self, q: &QuotaNomination, col: &Collective) -> Map<String, Value> {
        let mut o = self.entry("collective", q, col);
        o.insert("status".into(), json!(col.status.id()));
        o.insert(
            "failed_gates".into(),
            json!(reason_list(self.units.campaign, &col.failed)),
        );
        let won = match col.status {
            Status::WonHigherTier(t) => Some(self.tier_id(t)),
            _ => None,
        };
        o.insert("won_tier".into(), json!(won));
        o.insert(
            "tied_at_tier".into(),
            json!(col.tied_higher.map(|t| self.tier_id(t))),
        );
        self.decided_json(&mut o, col.score, col.decided);
        o
    }

    /// With a decisions file: the unit's adjustment and the document that
    /// settled its tie (members absent without the file, as before).
    fn decided_json(&self, o: &mut Map<String, Value>, score: usize, decided: Option<usize>) {
        let Some(ds) = self.decisions else {
            return;
        };
        let s = &self.units.scores[score];
        o.insert(
            "adjustment".into(),
            json!(round_to(s.adjustment, self.units.campaign.precision)),
        );
        o.insert(
            "decided_by".into(),
            json!(decided.map(|d| &ds.ties[d].document)),
        );
    }

    fn individual_json(&self, q: &QuotaNomination, i: &Individual) -> Map<String, Value> {
        let (collective, pick) = (i.collective, i.pick);
        let col = q
            .collectives
            .iter()
            .find(|c| c.score == collective)
            .expect("individuals come from collectives");
        let mut o = self.entry("individual", q, col);
        match (pick, self.people) {
            (Pick::Person(k), Some(ppl)) => {
                let p = &ppl[k];
                o.insert("person_id".into(), json!(p.person_id));
                o.insert("full_name".into(), json!(p.full_name));
                o.insert("position".into(), json!(p.position));
                o.insert("direct".into(), json!(p.direct));
                o.insert("status".into(), json!("nominated"));
            }
            (Pick::Tie { person: k, places }, Some(ppl)) => {
                let p = &ppl[k];
                o.insert("person_id".into(), json!(p.person_id));
                o.insert("full_name".into(), json!(p.full_name));
                o.insert("position".into(), json!(p.position));
                o.insert("direct".into(), json!(p.direct));
                o.insert("status".into(), json!("tie"));
                o.insert("tie_places".into(), json!(places));
            }
            (Pick::Missing, _) => {
                o.insert("person_id".into(), Value::Null);
                o.insert("status".into(), json!("missing"));
            }
            _ => {
                o.insert("person_id".into(), Value::Null);
                o.insert("status".into(), json!("to_be_proposed"));
            }
        }
        if let Some(ds) = self.decisions {
            o.insert(
                "decided_by".into(),
                json!(i.decided.map(|d| &ds.ties[d].document)),
            );
        }
        o
    }
}

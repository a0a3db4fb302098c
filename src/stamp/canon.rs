//! The canonical form of what a run used, for the stamp: the values read
//! after parsing and period selection, never the bytes they came in. So a
//! file re-saved by Excel (BOM, CRLF, `;`, quoting) or a year-to-date file
//! with next month appended keeps last month's code, while any value used
//! changes it.
//!
//! Every encoder destructures its type without `..`: a field added to
//! `UnitRow`, `Person`, a decision or the document fields stops the build
//! here until someone says whether it is meaning (encoded) or a position
//! (ignored). Fields are length-prefixed and tagged, so no two different
//! values encode alike.

use crate::decisions::{Adjustment, Decisions, Settles, TieDecision};
use crate::metrics::{Metrics, UnitRow};
use crate::people::Person;

/// A canonical encoding under construction.
#[derive(Default)]
pub struct Canon(Vec<u8>);

impl Canon {
    pub fn bytes(self) -> Vec<u8> {
        self.0
    }

    pub fn str(&mut self, s: &str) -> &mut Self {
        self.0.extend((s.len() as u64).to_le_bytes());
        self.0.extend(s.as_bytes());
        self
    }

    pub fn tag(&mut self, t: u8) -> &mut Self {
        self.0.push(t);
        self
    }

    /// A number by its bits (`-0` as `0`): what the computation used, exactly.
    pub fn num(&mut self, x: f64) -> &mut Self {
        let x = if x == 0.0 { 0.0 } else { x };
        self.0.extend(x.to_bits().to_le_bytes());
        self
    }

    pub fn opt_num(&mut self, x: Option<f64>) -> &mut Self {
        match x {
            None => self.tag(0),
            Some(x) => self.tag(1).num(x),
        }
    }

    pub fn opt_str(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            None => self.tag(0),
            Some(s) => self.tag(1).str(s),
        }
    }

    pub fn count(&mut self, n: usize) -> &mut Self {
        self.0.extend((n as u64).to_le_bytes());
        self
    }

    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.tag(u8::from(b))
    }

    pub fn strs(&mut self, v: &[String]) -> &mut Self {
        self.count(v.len());
        for s in v {
            self.str(s);
        }
        self
    }
}

/// The data as used: the periods chosen, then each unit in file order with
/// its id, name, group and values by metric name (columns in name order, so
/// moving a column changes nothing). Where it was read from is left out.
pub fn metrics(m: &Metrics) -> Vec<u8> {
    let Metrics {
        file: _,
        names,
        units,
        periods,
    } = m;
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| names[a].cmp(&names[b]));
    let mut c = Canon::default();
    c.strs(periods).count(names.len());
    for &i in &order {
        c.str(&names[i]);
    }
    c.count(units.len());
    for u in units {
        let UnitRow {
            id,
            name,
            group,
            line: _,
            values,
        } = u;
        c.str(id).str(name).str(group);
        for &i in &order {
            c.opt_num(values.get(i).copied().flatten());
        }
    }
    c.bytes()
}

/// The individuals as read, in file order.
pub fn people(people: &[Person]) -> Vec<u8> {
    let mut c = Canon::default();
    c.count(people.len());
    for p in people {
        let Person {
            unit_id,
            person_id,
            full_name,
            position,
            direct,
            eligible,
            score,
            note,
            female,
            leader,
            line: _,
        } = p;
        c.str(unit_id).str(person_id).str(full_name).str(position);
        c.bool(*direct).bool(*eligible).opt_num(*score).str(note);
        match female {
            None => c.tag(0),
            Some(f) => c.tag(1).bool(*f),
        };
        c.bool(*leader);
    }
    c.bytes()
}

/// The council's decisions as understood (tiers and groups by index of the
/// campaign, which the stamp covers too).
pub fn decisions(d: &Decisions) -> Vec<u8> {
    let Decisions {
        file: _,
        ties,
        adjustments,
    } = d;
    let mut c = Canon::default();
    c.count(ties.len());
    for t in ties {
        let TieDecision {
            tier,
            settles,
            document,
            line: _,
        } = t;
        c.count(*tier).str(document);
        match settles {
            Settles::Units { group, chosen } => c.tag(0).count(*group).strs(chosen),
            Settles::People {
                unit_id,
                chosen_people,
            } => c.tag(1).str(unit_id).strs(chosen_people),
            Settles::GroupPeople {
                group,
                chosen_people,
            } => c.tag(2).count(*group).strs(chosen_people),
        };
    }
    c.count(adjustments.len());
    for a in adjustments {
        let Adjustment {
            unit_id,
            points,
            reason,
            document,
            line: _,
        } = a;
        c.str(unit_id).num(*points).str(reason).str(document);
    }
    c.bytes()
}

//! What `score` and `rank` show about units: the same figures as tables for
//! people (Vietnamese labels) and as CSV/JSON with stable ids for scripts.
//! What-if modes add their own per-unit figures through [`UnitColumns`].

pub mod decided;
mod rank;

use serde_json::{Map, Value, json};

use super::{Cell, Table};
use crate::campaign::Campaign;
use crate::i18n::Lang;
use crate::metrics::Metrics;
use crate::ranking::{GroupRanking, LineStatus};
use crate::scoring::{UnitScore, round_to};

/// Figures a what-if mode (baseline, compare, sensitivity) adds to every unit
/// of the score and rank reports: a few columns, a JSON member, notes.
pub trait UnitColumns {
    /// Column headers: for people in `lang`, or stable ids when `machine`.
    fn headers(&self, lang: Lang, machine: bool) -> Vec<String>;
    /// The unit's cells (by score index), one per header.
    fn cells(&self, score: usize, lang: Lang, machine: bool) -> Vec<Cell>;
    /// The member added to the unit's JSON object.
    fn json(&self, score: usize) -> (&'static str, Value);
    /// Lines under the report (settings, legend).
    fn notes(&self, lang: Lang) -> Vec<String>;
    /// Lines under one group's rank table.
    fn group_notes(&self, _group: &GroupRanking, _lang: Lang) -> Vec<String> {
        Vec::new()
    }
}

/// Everything a unit report reads.
pub struct View<'a> {
    pub campaign: &'a Campaign,
    pub metrics: &'a Metrics,
    pub scores: &'a [UnitScore],
    pub lang: Lang,
}

impl View<'_> {
    fn p(&self) -> u32 {
        self.campaign.precision
    }

    fn num(&self, x: f64) -> Value {
        json!(round_to(x, self.p()))
    }

    fn class_name(&self, s: &UnitScore) -> Option<&str> {
        s.class.map(|c| self.campaign.classes[c].name.as_str())
    }

    /// The JSON object of one unit (the `score` contract).
    pub fn unit_json(&self, s: &UnitScore) -> Map<String, Value> {
        let c = self.campaign;
        let u = &self.metrics.units[s.unit];
        let mut o = Map::new();
        o.insert("unit_id".into(), json!(u.id));
        o.insert("unit_name".into(), json!(u.name));
        o.insert("group".into(), json!(u.group));
        o.insert("total".into(), self.num(s.total));
        o.insert("max".into(), self.num(s.max));
        o.insert(
            "percent".into(),
            s.percent.map_or(Value::Null, |p| self.num(p)),
        );
        o.insert("class".into(), json!(self.class_name(s)));
        if s.no_data {
            o.insert("no_data".into(), json!(true));
        }
        let crit: Map<String, Value> = c
            .criteria
            .iter()
            .zip(&s.criteria)
            .map(|(cr, cs)| {
                (
                    cr.id.clone(),
                    cs.points.map_or(Value::Null, |p| self.num(p)),
                )
            })
            .collect();
        o.insert("criteria".into(), Value::Object(crit));
        let pen: Map<String, Value> = c
            .penalties
            .iter()
            .zip(&s.penalties)
            .map(|(p, x)| (p.id.clone(), self.num(*x)))
            .collect();
        o.insert("penalties".into(), Value::Object(pen));
        o
    }

    fn header(&self) -> Map<String, Value> {
        let mut o = Map::new();
        o.insert("campaign".into(), json!(self.campaign.id));
        o.insert("data".into(), json!(self.metrics.file));
        if !self.metrics.periods.is_empty() {
            o.insert("periods".into(), json!(self.metrics.periods));
        }
        o
    }

    pub fn score_json(&self) -> Value {
        self.score_json_with(&[])
    }

    /// The unit's JSON object with the members of each what-if mode.
    fn unit_json_with(&self, i: usize, extras: &[&dyn UnitColumns]) -> Map<String, Value> {
        let mut o = self.unit_json(&self.scores[i]);
        for x in extras {
            let (key, value) = x.json(i);
            o.insert(key.into(), value);
        }
        o
    }

    pub fn score_json_with(&self, extras: &[&dyn UnitColumns]) -> Value {
        let mut o = self.header();
        o.insert(
            "units".into(),
            Value::Array(
                (0..self.scores.len())
                    .map(|i| Value::Object(self.unit_json_with(i, extras)))
                    .collect(),
            ),
        );
        Value::Object(o)
    }

    /// Score columns after the unit's identity: criteria, penalties, totals.
    fn figure_headers(&self, machine: bool) -> Vec<String> {
        let l = self.lang;
        let c = self.campaign;
        let mut h: Vec<String> = c.criteria.iter().map(|cr| cr.id.clone()).collect();
        h.extend(c.penalties.iter().map(|p| {
            if machine {
                p.id.clone()
            } else {
                format!("−{}", p.id)
            }
        }));
        let tail: [(&str, &str, &str); 4] = [
            ("total", "Tổng điểm", "Total"),
            ("max", "Tối đa", "Max"),
            ("percent", "Tỷ lệ %", "Percent"),
            ("class", "Xếp loại", "Class"),
        ];
        h.extend(tail.iter().map(|(m, vi, en)| {
            if machine {
                m.to_string()
            } else {
                l.pick(vi, en).to_string()
            }
        }));
        h
    }

    fn figures(&self, s: &UnitScore) -> Vec<Cell> {
        let p = self.p();
        let mut row: Vec<Cell> = s
            .criteria
            .iter()
            .map(|cs| Cell::opt(cs.points, p))
            .collect();
        row.extend(s.penalties.iter().map(|x| Cell::Num(*x, p)));
        row.push(Cell::Num(s.total, p));
        row.push(Cell::Num(s.max, p));
        row.push(Cell::opt(s.percent, p));
        row.push(match (s.no_data, self.lang) {
            (true, Lang::Vi) => Cell::text("không có hồ sơ trong kỳ"),
            (true, Lang::En) => Cell::text("no dossiers in the period"),
            (false, _) => self.class_name(s).map_or(Cell::Empty, Cell::text),
        });
        row
    }

    fn identity_headers(&self, machine: bool) -> Vec<String> {
        if machine {
            return ["unit_id", "unit_name", "group"].map(String::from).to_vec();
        }
        let l = self.lang;
        vec![
            l.pick("Mã", "Id").into(),
            l.pick("Đơn vị", "Unit").into(),
            l.pick("Khối", "Group").into(),
        ]
    }

    fn identity(&self, s: &UnitScore) -> Vec<Cell> {
        let u = &self.metrics.units[s.unit];
        vec![Cell::text(&u.id), Cell::text(&u.name), Cell::text(&u.group)]
    }

    /// The `score` table, in file order. `machine` = stable CSV headers.
    pub fn score_table(&self, machine: bool) -> Table {
        self.score_table_with(machine, &[])
    }

    /// The `score` table with each what-if mode's columns after the figures.
    pub fn score_table_with(&self, machine: bool, extras: &[&dyn UnitColumns]) -> Table {
        let l = self.lang;
        let mut headers = self.identity_headers(machine);
        headers.extend(self.figure_headers(machine));
        headers.extend(extras.iter().flat_map(|x| x.headers(l, machine)));
        let rows = self
            .scores
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut r = self.identity(s);
                r.extend(self.figures(s));
                r.extend(extras.iter().flat_map(|x| x.cells(i, l, machine)));
                r
            })
            .collect();
        let mut notes = if machine { vec![] } else { self.legend() };
        if !machine {
            notes.extend(extras.iter().flat_map(|x| x.notes(l)));
        }
        Table {
            title: None,
            headers,
            rows,
            notes,
        }
    }

    /// One line per criterion and penalty, so a table of ids stays readable.
    pub fn legend(&self) -> Vec<String> {
        let l = self.lang;
        let c = self.campaign;
        let mut notes: Vec<String> = c
            .criteria
            .iter()
            .map(|cr| {
                format!(
                    "{}: {} ({} {})",
                    cr.id,
                    cr.name,
                    super::super::scoring::fmt_num(cr.points, c.precision),
                    l.pick("điểm", "points")
                )
            })
            .collect();
        notes.extend(
            c.penalties
                .iter()
                .map(|p| format!("−{}: {} ({})", p.id, p.name, l.pick("điểm trừ", "penalty"))),
        );
        notes
    }
}

/// Machine names of a line status (shared with `nominate`'s vocabulary).
pub fn line_id(l: LineStatus) -> &'static str {
    match l {
        LineStatus::In => "in",
        LineStatus::Tie => "tie",
        LineStatus::Out => "below_line",
        LineStatus::Ineligible => "ineligible",
        LineStatus::WonHigherTier(_) => "won_higher_tier",
    }
}

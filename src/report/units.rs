//! What `score` and `rank` show about units: the same figures as tables for
//! people (Vietnamese labels) and as CSV/JSON with stable ids for scripts.
//! What-if modes add their own per-unit figures through [`UnitColumns`].

pub mod decided;
mod rank;

use serde::Serialize;
use serde_json::Value;

use super::json::Members;

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
    /// How reports name the data: its file name, or `--label`.
    pub data: &'a str,
    pub scores: &'a [UnitScore],
    pub lang: Lang,
    /// The council's decisions, for renderers that show them beside the
    /// figures they changed (docx); `None` without `--decisions`.
    pub decisions: Option<&'a crate::decisions::Decisions>,
    /// `--ids`: printed tables add a "Mã" column of unit ids.
    pub ids: bool,
    /// `--doc`: the fields of a Word document (`None`: every field "…").
    pub doc: Option<&'a crate::report::docx::DocFields>,
    /// "Mã kiểm tra" of the run, printed on every output people read or sign.
    pub stamp: Option<&'a crate::stamp::Stamp>,
}

/// One unit in the JSON contract (`score`; `rank` and `--explain` add to it).
#[derive(Serialize)]
pub struct UnitJson<'a> {
    pub unit_id: &'a str,
    pub unit_name: &'a str,
    pub group: &'a str,
    pub total: f64,
    pub max: f64,
    pub percent: Option<f64>,
    pub class: Option<&'a str>,
    /// A unit with no dossiers in the period is not graded (`true` only).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub no_data: bool,
    pub criteria: Members<&'a str, Option<f64>>,
    pub penalties: Members<&'a str, f64>,
    /// The members of the what-if modes and decisions in use (none without their flags).
    #[serde(flatten)]
    pub extras: Members<&'static str, Value>,
}

/// The `score` report's JSON.
#[derive(Serialize)]
pub struct ScoreJson<'a> {
    pub campaign: &'a str,
    pub data: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub periods: &'a [String],
    pub units: Vec<UnitJson<'a>>,
}

impl<'a> View<'a> {
    fn p(&self) -> u32 {
        self.campaign.precision
    }

    fn num(&self, x: f64) -> f64 {
        round_to(x, self.p())
    }

    fn class_name(&self, s: &UnitScore) -> Option<&'a str> {
        s.class.map(|c| self.campaign.classes[c].name.as_str())
    }

    /// The JSON object of one unit (the `score` contract).
    pub fn unit_json(&self, s: &UnitScore) -> UnitJson<'a> {
        let c = self.campaign;
        let u = &self.metrics.units[s.unit];
        UnitJson {
            unit_id: &u.id,
            unit_name: &u.name,
            group: &u.group,
            total: self.num(s.total),
            max: self.num(s.max),
            percent: s.percent.map(|p| self.num(p)),
            class: self.class_name(s),
            no_data: s.no_data,
            criteria: c
                .criteria
                .iter()
                .zip(&s.criteria)
                .map(|(cr, cs)| (cr.id.as_str(), cs.points.map(|p| self.num(p))))
                .collect(),
            penalties: c
                .penalties
                .iter()
                .zip(&s.penalties)
                .map(|(p, x)| (p.id.as_str(), self.num(*x)))
                .collect(),
            extras: Members::default(),
        }
    }

    pub fn score_json(&self) -> ScoreJson<'a> {
        self.score_json_with(&[])
    }

    /// The unit's JSON object with the members of each what-if mode.
    fn unit_json_with(&self, i: usize, extras: &[&dyn UnitColumns]) -> UnitJson<'a> {
        let mut o = self.unit_json(&self.scores[i]);
        o.extras = extras.iter().map(|x| x.json(i)).collect();
        o
    }

    pub fn score_json_with(&self, extras: &[&dyn UnitColumns]) -> ScoreJson<'a> {
        ScoreJson {
            campaign: &self.campaign.id,
            data: self.data,
            periods: &self.metrics.periods,
            units: (0..self.scores.len())
                .map(|i| self.unit_json_with(i, extras))
                .collect(),
        }
    }

    /// Score columns after the unit's identity: criteria, penalties, totals.
    fn figure_headers(&self, machine: bool) -> Vec<String> {
        let l = self.lang;
        let c = self.campaign;
        // Scripts read ids; people read the criterion's short label or name.
        let mut h: Vec<String> = c
            .criteria
            .iter()
            .map(|cr| {
                if machine {
                    cr.id.clone()
                } else {
                    cr.label().to_string()
                }
            })
            .collect();
        h.extend(c.penalties.iter().map(|p| {
            if machine {
                p.id.clone()
            } else {
                format!("−{}", p.name)
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
        let mut h = vec![
            l.pick("Đơn vị", "Unit").into(),
            l.pick("Khối", "Group").into(),
        ];
        if self.ids {
            h.insert(0, l.pick("Mã", "Id").into());
        }
        h
    }

    /// The unit's id (for scripts, or with `--ids`), name and group (its
    /// name for people, its id for scripts).
    fn identity(&self, s: &UnitScore, machine: bool) -> Vec<Cell> {
        let u = &self.metrics.units[s.unit];
        if machine {
            return vec![Cell::text(&u.id), Cell::text(&u.name), Cell::text(&u.group)];
        }
        let group = self
            .campaign
            .groups
            .get(s.group)
            .map_or(u.group.as_str(), |g| g.name.as_str());
        let mut r = vec![Cell::text(&u.name), Cell::text(group)];
        if self.ids {
            r.insert(0, Cell::text(&u.id));
        }
        r
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
                let mut r = self.identity(s, machine);
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

    /// One line per criterion: the header's short label, the full name and
    /// the points on offer.
    pub fn legend(&self) -> Vec<String> {
        let l = self.lang;
        let c = self.campaign;
        c.criteria
            .iter()
            .map(|cr| {
                let points = format!(
                    "{} {}",
                    l.num(cr.points, c.precision),
                    l.pick("điểm", "points")
                );
                match &cr.short {
                    Some(short) => format!("{short}: {} ({points})", cr.name),
                    None => format!("{}: {points}", cr.name),
                }
            })
            .collect()
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

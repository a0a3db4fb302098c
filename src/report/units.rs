//! What `score` and `rank` show about units: the same figures as tables for
//! people (Vietnamese labels) and as CSV/JSON with stable ids for scripts.

use serde_json::{Map, Value, json};

use super::{Cell, Table};
use crate::campaign::Campaign;
use crate::i18n::Lang;
use crate::metrics::Metrics;
use crate::ranking::{GroupRanking, LineStatus, RankEntry};
use crate::scoring::{UnitScore, round_to};

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
        let mut o = self.header();
        o.insert(
            "units".into(),
            Value::Array(
                self.scores
                    .iter()
                    .map(|s| Value::Object(self.unit_json(s)))
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
        row.push(self.class_name(s).map_or(Cell::Empty, Cell::text));
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
        let mut headers = self.identity_headers(machine);
        headers.extend(self.figure_headers(machine));
        let rows = self
            .scores
            .iter()
            .map(|s| {
                let mut r = self.identity(s);
                r.extend(self.figures(s));
                r
            })
            .collect();
        let notes = if machine { vec![] } else { self.legend() };
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
    }
}

impl View<'_> {
    fn line_label(&self, e: &RankEntry) -> String {
        let l = self.lang;
        match e.line {
            Some(LineStatus::In) => l.pick("✓ trong chỉ tiêu", "✓ within quota").into(),
            Some(LineStatus::Tie) => l
                .pick("= bằng điểm tại ranh giới", "= tied at the line")
                .into(),
            Some(LineStatus::Out) => l.pick("ngoài chỉ tiêu", "below the line").into(),
            Some(LineStatus::Ineligible) | None if !e.failed.is_empty() => {
                format!(
                    "{} {}",
                    l.pick("✗ không đạt:", "✗ fails:"),
                    e.failed.join(", ")
                )
            }
            _ => String::new(),
        }
    }

    fn group_title(&self, g: &GroupRanking, tier: Option<usize>) -> String {
        let l = self.lang;
        let grp = &self.campaign.groups[g.group];
        match (tier, g.places) {
            (Some(t), Some(p)) => format!(
                "{} ({}) — {}: {} {p} {}",
                grp.name,
                grp.id,
                self.campaign.tiers[t].award,
                l.pick("tối đa", "at most"),
                l.pick("tập thể", "collective(s)")
            ),
            _ => format!("{} ({})", grp.name, grp.id),
        }
    }

    fn group_notes(&self, g: &GroupRanking) -> Vec<String> {
        let l = self.lang;
        let mut notes = Vec::new();
        if let Some(p) = g.places {
            notes.push(format!(
                "{} {}/{p} {}",
                l.pick("Đã xếp", "Filled"),
                g.filled,
                l.pick("suất", "places")
            ));
        }
        if let Some(t) = g.tie {
            notes.push(match self.lang {
                Lang::Vi => format!(
                    "{} đơn vị bằng điểm cho {} suất cuối: cần quyết định",
                    t.units, t.places
                ),
                Lang::En => format!(
                    "{} units tied for {} place(s): decision needed",
                    t.units, t.places
                ),
            });
        }
        if g.entries.is_empty() {
            notes.push(
                l.pick(
                    "Không có đơn vị nào trong khối này.",
                    "No unit in this group.",
                )
                .into(),
            );
        }
        notes
    }

    /// Per-group tables for people (terminal and Markdown).
    pub fn rank_tables(&self, groups: &[GroupRanking], tier: Option<usize>) -> Vec<Table> {
        let l = self.lang;
        let c = self.campaign;
        let mut tables: Vec<Table> = groups
            .iter()
            .map(|g| {
                let mut headers: Vec<String> = vec![
                    l.pick("Hạng", "Rank").into(),
                    l.pick("Mã", "Id").into(),
                    l.pick("Đơn vị", "Unit").into(),
                ];
                headers.extend(c.tiebreak.iter().map(|&t| c.criteria[t].id.clone()));
                headers.extend(
                    self.figure_headers(false)
                        .split_off(c.criteria.len() + c.penalties.len()),
                );
                headers.push(l.pick("Ghi chú", "Status").into());
                let rows = g
                    .entries
                    .iter()
                    .map(|e| {
                        let s = &self.scores[e.score];
                        let u = &self.metrics.units[s.unit];
                        let mut r = vec![
                            Cell::Num(e.rank as f64, 0),
                            Cell::text(&u.id),
                            Cell::text(&u.name),
                        ];
                        r.extend(
                            c.tiebreak
                                .iter()
                                .map(|&t| Cell::opt(s.criteria[t].points, c.precision)),
                        );
                        r.extend(
                            self.figures(s)
                                .split_off(c.criteria.len() + c.penalties.len()),
                        );
                        r.push(Cell::text(self.line_label(e)));
                        r
                    })
                    .collect();
                Table {
                    title: Some(self.group_title(g, tier)),
                    headers,
                    rows,
                    notes: self.group_notes(g),
                }
            })
            .collect();
        let gates: Vec<String> = c
            .gates
            .iter()
            .map(|g| format!("{}: {}", g.id, g.name))
            .collect();
        if let Some(last) = tables.last_mut()
            && groups
                .iter()
                .any(|g| g.entries.iter().any(|e| !e.failed.is_empty()))
        {
            last.notes.extend(gates);
        }
        tables
    }

    /// One flat CSV table for all groups, stable headers.
    pub fn rank_csv(&self, groups: &[GroupRanking]) -> Table {
        let mut headers: Vec<String> = vec![
            "group".into(),
            "rank".into(),
            "unit_id".into(),
            "unit_name".into(),
        ];
        headers.extend(self.figure_headers(true));
        headers.extend(["eligible", "failed_gates", "line"].map(String::from));
        let mut rows = Vec::new();
        for g in groups {
            for e in &g.entries {
                let s = &self.scores[e.score];
                let u = &self.metrics.units[s.unit];
                let mut r = vec![
                    Cell::text(&u.group),
                    Cell::Num(e.rank as f64, 0),
                    Cell::text(&u.id),
                    Cell::text(&u.name),
                ];
                r.extend(self.figures(s));
                r.push(Cell::text(if e.eligible { "true" } else { "false" }));
                r.push(Cell::text(e.failed.join(";")));
                r.push(e.line.map_or(Cell::Empty, |l| Cell::text(line_id(l))));
                rows.push(r);
            }
        }
        Table {
            title: None,
            headers,
            rows,
            notes: vec![],
        }
    }

    pub fn rank_json(&self, groups: &[GroupRanking], tier: Option<usize>) -> Value {
        let c = self.campaign;
        let mut o = self.header();
        o.insert("tier".into(), json!(tier.map(|t| &c.tiers[t].id)));
        let gs: Vec<Value> = groups
            .iter()
            .map(|g| {
                json!({
                    "group": c.groups[g.group].id,
                    "places": g.places,
                    "filled": g.places.map(|_| g.filled),
                    "tie": g.tie.map(|t| json!({"units": t.units, "places": t.places})),
                })
            })
            .collect();
        o.insert("groups".into(), Value::Array(gs));
        let units: Vec<Value> = groups
            .iter()
            .flat_map(|g| &g.entries)
            .map(|e| {
                let mut u = self.unit_json(&self.scores[e.score]);
                u.insert("rank".into(), json!(e.rank));
                u.insert("eligible".into(), json!(e.eligible));
                u.insert("failed_gates".into(), json!(e.failed));
                u.insert("line".into(), json!(e.line.map(line_id)));
                Value::Object(u)
            })
            .collect();
        o.insert("units".into(), Value::Array(units));
        Value::Object(o)
    }
}

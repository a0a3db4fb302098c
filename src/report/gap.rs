//! `thidua gap UNIT --tier T`: what it would take for one unit, lever by
//! lever — k, the figures and points before and after for every criterion and
//! penalty the lever moves, the total and rank reached, or why no k works.

use serde_json::{Map, Value, json};

use super::{Cell, Table};
use crate::i18n::Lang;
use crate::levers::{Answer, BoundLever, Outcome, UnitLevers, apply};
use crate::ranking::LineStatus;
use crate::report::explain::gate_word;
use crate::report::levers::why_text;
use crate::report::units::{View, line_id};
use crate::scoring::{Scorer, UnitScore, round_to};

/// One unit's answers with what the report needs around them.
pub struct Gap<'a> {
    pub view: View<'a>,
    pub scorer: &'a Scorer<'a>,
    pub bound: &'a [BoundLever],
    pub tier: usize,
    /// The unit's status and rank at T as things are.
    pub status: LineStatus,
    pub rank: u32,
    pub levers: Option<UnitLevers>,
    /// Score index of the unit.
    pub score: usize,
}

fn status_text(s: LineStatus, l: Lang) -> &'static str {
    match s {
        LineStatus::In => l.pick("đã trong chỉ tiêu", "already inside"),
        LineStatus::Tie => l.pick("bằng điểm tại ranh giới", "tied at the line"),
        LineStatus::Out => l.pick("ngoài chỉ tiêu", "below the line"),
        LineStatus::Ineligible => l.pick("không đủ điều kiện", "ineligible"),
        LineStatus::WonHigherTier(_) => l.pick("đã vào cấp cao hơn", "won a higher tier"),
    }
}

/// A changed number for people: `14 → 2`, `1.069 → 1.074`.
fn before_after(a: Option<f64>, b: Option<f64>, p: u32, l: Lang) -> String {
    let f = |x: Option<f64>| x.map_or("∅".to_string(), |x| l.num(x, p));
    format!("{} → {}", f(a), f(b))
}

impl Gap<'_> {
    fn base(&self) -> &UnitScore {
        &self.view.scores[self.score]
    }

    fn title(&self) -> String {
        let v = &self.view;
        let (l, c) = (v.lang, v.campaign);
        let u = &v.metrics.units[self.base().unit];
        // Names for people; `--ids` adds the unit's id and the tier's.
        let (unit, tier) = if v.ids {
            (
                format!("{} ({})", u.name, u.id),
                format!("{} ({})", c.tiers[self.tier].award, c.tiers[self.tier].id),
            )
        } else {
            (u.name.clone(), c.tiers[self.tier].award.clone())
        };
        format!(
            "{} {unit} — {}, {tier}: {} {}, {} {}, {}",
            l.pick("Để vào chỉ tiêu:", "To get in:"),
            c.groups[self.base().group].name,
            l.pick("hạng", "rank"),
            self.rank,
            l.num(self.base().total, c.precision),
            l.pick("điểm", "points"),
            status_text(self.status, l)
        )
    }

    /// Tables: the levers, then one table per reachable lever with its detail.
    pub fn tables(&self) -> Vec<Table> {
        let v = &self.view;
        let (l, c, p) = (v.lang, v.campaign, v.campaign.precision);
        let mut summary = Table {
            title: Some(self.title()),
            headers: [
                ("Biện pháp", "Lever"),
                ("Mỗi lần", "Each step"),
                ("k", "k"),
                ("Tổng điểm đạt", "Total reached"),
                ("Hạng đạt", "Rank reached"),
                ("Kết quả", "Result"),
            ]
            .iter()
            .map(|(vi, en)| l.pick(vi, en).to_string())
            .collect(),
            rows: Vec::new(),
            notes: vec![
                l.pick(
                    "k: số lần ít nhất (các đơn vị khác giữ nguyên); k − 1 lần không đủ",
                    "k: the fewest steps (other units unchanged); k − 1 steps are not enough",
                )
                .into(),
            ],
        };
        let mut out = Vec::new();
        let answers = self.levers.as_ref().map_or(&[][..], |u| &u.answers[..]);
        for a in answers {
            let lv = &c.levers[a.lever];
            let change: Vec<String> = lv
                .change
                .iter()
                .map(|(m, d)| format!("{m} {}{d}", if *d > 0 { "+" } else { "" }))
                .collect();
            let mut row = vec![
                Cell::text(if v.ids {
                    format!("{} — {}", lv.id, lv.name)
                } else {
                    lv.name.clone()
                }),
                Cell::text(change.join(", ")),
            ];
            match &a.outcome {
                Outcome::Reached { k, score, rank } => {
                    row.extend([
                        Cell::Num(*k as f64, 0),
                        Cell::Num(score.total, p),
                        Cell::Num(f64::from(*rank), 0),
                        Cell::text(format!(
                            "{k} {} → {}",
                            lv.name,
                            l.pick("vào chỉ tiêu", "inside the quota")
                        )),
                    ]);
                    out.push(self.detail(a, *k, score));
                }
                Outcome::Unreachable { why, .. } => row.extend([
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::text(why_text(why, c, v.metrics, self.tier, l)),
                ]),
            }
            summary.rows.push(row);
        }
        if answers.is_empty() {
            summary.notes.push(status_text(self.status, l).into());
        }
        out.insert(0, summary);
        out
    }

    /// Before and after for every criterion and penalty the lever moves.
    fn detail(&self, a: &Answer, k: u64, after: &UnitScore) -> Table {
        let v = &self.view;
        let (l, c, p) = (v.lang, v.campaign, v.campaign.precision);
        let b = &self.bound[a.lever];
        let s = self.base();
        let u = &v.metrics.units[s.unit];
        let row0 = self.scorer.row(u).into_owned();
        let moved = apply(v.metrics, s.unit, b, k);
        let row1 = self.scorer.row(&moved).into_owned();
        let figures = |ins0: Vec<(String, Option<f64>)>, ins1: Vec<(String, Option<f64>)>| {
            ins0.iter()
                .zip(&ins1)
                .map(|((n, x), (_, y))| {
                    if x == y {
                        format!("{n} = {}", x.map_or("∅".into(), |x| l.num(x, 0)))
                    } else {
                        format!("{n}: {}", before_after(*x, *y, 0, l))
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut rows = Vec::new();
        for (j, cr) in c.criteria.iter().enumerate() {
            let (x, y) = (s.criteria[j].points, after.criteria[j].points);
            if !b.criteria.contains(&j) && x == y {
                continue;
            }
            rows.push(vec![
                Cell::text(if v.ids { cr.id.as_str() } else { cr.label() }),
                Cell::text(figures(
                    self.scorer.inputs(j, &row0),
                    self.scorer.inputs(j, &row1),
                )),
                Cell::opt(x, p),
                Cell::opt(y, p),
                Cell::Num(y.unwrap_or(0.0) - x.unwrap_or(0.0), p),
            ]);
        }
        for (j, pen) in c.penalties.iter().enumerate() {
            let (x, y) = (s.penalties[j], after.penalties[j]);
            if x == y {
                continue;
            }
            rows.push(vec![
                Cell::text(format!("−{}", if v.ids { &pen.id } else { &pen.name })),
                Cell::text(figures(
                    self.scorer.penalty_inputs(j, &row0),
                    self.scorer.penalty_inputs(j, &row1),
                )),
                Cell::Num(-x, p),
                Cell::Num(-y, p),
                Cell::Num(x - y, p),
            ]);
        }
        rows.push(vec![
            Cell::text(l.pick("Tổng điểm", "Total")),
            Cell::Empty,
            Cell::Num(s.total, p),
            Cell::Num(after.total, p),
            Cell::Num(after.total - s.total, p),
        ]);
        let gates: Vec<String> = c
            .gates
            .iter()
            .zip(s.gates.iter().zip(&after.gates))
            .filter(|(_, (x, y))| x != y)
            .map(|(g, (x, y))| {
                let (x, y) = (gate_word(*x, l), gate_word(*y, l));
                format!("{}: {x} → {y}", if v.ids { &g.id } else { &g.name })
            })
            .collect();
        let mut notes = Vec::new();
        if !gates.is_empty() {
            notes.push(format!(
                "{} {}",
                l.pick("Điều kiện:", "Gates:"),
                gates.join("; ")
            ));
        }
        Table {
            title: Some(format!("{} × {k}", c.levers[a.lever].name)),
            headers: [
                ("Tiêu chí", "Criterion"),
                ("Số liệu", "Figures"),
                ("Điểm trước", "Points before"),
                ("Điểm sau", "Points after"),
                ("Tăng", "Gain"),
            ]
            .iter()
            .map(|(vi, en)| l.pick(vi, en).to_string())
            .collect(),
            rows,
            notes,
        }
    }

    /// The CSV for scripts: one row per lever, stable ids and machine
    /// numbers (the people's table is for table, md).
    pub fn csv_table(&self) -> Table {
        let v = &self.view;
        let (c, p) = (v.campaign, v.campaign.precision);
        let u = &v.metrics.units[self.base().unit];
        let answers = self.levers.as_ref().map_or(&[][..], |u| &u.answers[..]);
        let rows = answers
            .iter()
            .map(|a| {
                let mut row = vec![
                    Cell::text(&u.id),
                    Cell::text(&c.tiers[self.tier].id),
                    Cell::text(&c.levers[a.lever].id),
                ];
                row.extend(match &a.outcome {
                    Outcome::Reached { k, score, rank } => [
                        Cell::Num(*k as f64, 0),
                        Cell::text("true"),
                        Cell::Num(round_to(score.total, p), p),
                        Cell::Num(f64::from(*rank), 0),
                        Cell::Empty,
                    ],
                    Outcome::Unreachable { why, .. } => [
                        Cell::Empty,
                        Cell::text("false"),
                        Cell::Empty,
                        Cell::Empty,
                        Cell::text(why.id()),
                    ],
                });
                row
            })
            .collect();
        Table {
            title: None,
            headers: [
                "unit_id",
                "tier",
                "lever",
                "k",
                "reachable",
                "total",
                "rank",
                "reason",
            ]
            .map(String::from)
            .to_vec(),
            rows,
            notes: vec![],
        }
    }

    pub fn json(&self) -> Value {
        let v = &self.view;
        let (c, p) = (v.campaign, v.campaign.precision);
        let s = self.base();
        let u = &v.metrics.units[s.unit];
        let answers = self.levers.as_ref().map_or(&[][..], |u| &u.answers[..]);
        let levers: Vec<Value> = answers
            .iter()
            .map(|a| {
                let lv = &c.levers[a.lever];
                let mut o = Map::new();
                o.insert("id".into(), json!(lv.id));
                o.insert("name".into(), json!(lv.name));
                match &a.outcome {
                    Outcome::Reached { k, score, rank } => {
                        o.insert("k".into(), json!(k));
                        o.insert("reachable".into(), json!(true));
                        o.insert("total".into(), json!(round_to(score.total, p)));
                        o.insert("rank".into(), json!(rank));
                        let crit: Map<String, Value> = c
                            .criteria
                            .iter()
                            .enumerate()
                            .filter(|(j, _)| self.bound[a.lever].criteria.contains(j))
                            .map(|(j, cr)| {
                                (
                                    cr.id.clone(),
                                    json!({
                                        "before": s.criteria[j].points.map(|x| round_to(x, p)),
                                        "after": score.criteria[j].points.map(|x| round_to(x, p)),
                                    }),
                                )
                            })
                            .collect();
                        o.insert("criteria".into(), Value::Object(crit));
                    }
                    Outcome::Unreachable { why, k_max } => {
                        o.insert("k".into(), Value::Null);
                        o.insert("reachable".into(), json!(false));
                        o.insert("total".into(), Value::Null);
                        o.insert("rank".into(), Value::Null);
                        o.insert("reason".into(), json!(why.id()));
                        o.insert(
                            "reason_text".into(),
                            json!(why_text(why, c, v.metrics, self.tier, Lang::Vi)),
                        );
                        o.insert("k_max".into(), json!(k_max));
                    }
                }
                Value::Object(o)
            })
            .collect();
        json!({
            "campaign": c.id,
            "data": v.data,
            "tier": c.tiers[self.tier].id,
            "unit_id": u.id,
            "unit_name": u.name,
            "group": u.group,
            "total": round_to(s.total, p),
            "rank": self.rank,
            "line": line_id(self.status),
            "levers": levers,
        })
    }
}

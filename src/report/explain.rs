//! `score --explain UNIT`: every number of one unit's score laid out so a
//! user can check it by hand — expression, inputs, value, method, points.

use serde::Serialize;
use serde_json::json;

use super::units::{UnitJson, View};
use super::{Cell, Table};
use crate::campaign::{Scoring, StepDir, WhenUndefined};
use crate::i18n::Lang;
use crate::scoring::{GateOutcome, Scorer, UnitScore, round_to};

/// A raw value as a person reads it: up to 4 decimals, no trailing zeros,
/// in `lang`'s way (0,9602 and 1.093 in Vietnamese).
fn show(x: Option<f64>, lang: Lang) -> String {
    match x {
        None => "∅".into(),
        Some(x) => {
            let s = format!("{:.4}", round_to(x, 4));
            lang.number(s.trim_end_matches('0').trim_end_matches('.'))
        }
    }
}

fn inputs(list: &[(String, Option<f64>)], lang: Lang) -> String {
    list.iter()
        .map(|(n, v)| format!("{n} = {}", show(*v, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The method in words, with its parameters.
pub fn describe(scoring: &Scoring, points: f64, lang: Lang) -> String {
    let pts = |f: f64| show(Some(f * points), lang);
    match scoring {
        Scoring::Proportional => format!(
            "{} × {}",
            show(Some(points), lang),
            lang.pick("giá trị (0..1)", "value (0..1)")
        ),
        Scoring::Linear { zero_at, full_at } => {
            format!(
                "{} {} → 0, {} → {}",
                lang.pick("tuyến tính:", "linear:"),
                show(Some(*zero_at), lang),
                show(Some(*full_at), lang),
                show(Some(points), lang)
            )
        }
        Scoring::Steps { dir, steps } => {
            let op = if *dir == StepDir::Min { "≥" } else { "≤" };
            let parts: Vec<String> = steps
                .iter()
                .map(|s| {
                    format!(
                        "{op}{} → {}",
                        show(Some(s.threshold), lang),
                        pts(s.fraction)
                    )
                })
                .collect();
            format!("{} {}", lang.pick("bậc:", "steps:"), parts.join("; "))
        }
        Scoring::Formula {
            expr,
            written_points,
        } => {
            let scale = if (*written_points - points).abs() > 1e-12 {
                format!(
                    " × {}/{}",
                    show(Some(points), lang),
                    show(Some(*written_points), lang)
                )
            } else {
                String::new()
            };
            format!(
                "{} {}{scale}",
                lang.pick("công thức:", "formula:"),
                expr.source()
            )
        }
    }
}

fn policy(w: WhenUndefined) -> &'static str {
    match w {
        WhenUndefined::Zero => "zero",
        WhenUndefined::Full => "full",
        WhenUndefined::Exclude => "exclude",
        WhenUndefined::Error => "error",
    }
}

pub fn gate_word(o: GateOutcome, lang: Lang) -> &'static str {
    match o {
        GateOutcome::Pass => lang.pick("đạt", "pass"),
        GateOutcome::Fail => lang.pick("không đạt", "fail"),
        GateOutcome::Undefined => lang.pick(
            "không xác định (tính là không đạt)",
            "undefined (counts as fail)",
        ),
        GateOutcome::NotApplicable => lang.pick("không áp dụng", "not applicable"),
    }
}

pub fn explain_tables(v: &View, scorer: &Scorer, s: &UnitScore) -> Vec<Table> {
    let (c, l, p) = (v.campaign, v.lang, v.campaign.precision);
    let u = &v.metrics.units[s.unit];
    let row = &*scorer.row(u);
    let crit_rows = c
        .criteria
        .iter()
        .enumerate()
        .map(|(i, cr)| {
            let cs = &s.criteria[i];
            let expr = cr
                .value
                .as_ref()
                .map_or_else(String::new, |e| e.source().to_string());
            let value = if cs.applies {
                show(cs.value, l)
            } else {
                l.pick("không áp dụng", "not applicable").into()
            };
            let mut method = describe(&cr.scoring, cr.points, l);
            if cs.applies && cs.value.is_none() {
                method = format!(
                    "{method}; {} → {}",
                    l.pick("không xác định", "undefined"),
                    policy(cr.when_undefined)
                );
            }
            vec![
                Cell::text(if v.ids { cr.id.as_str() } else { cr.label() }),
                Cell::text(expr),
                Cell::text(inputs(&scorer.inputs(i, row), l)),
                Cell::text(value),
                Cell::text(method),
                Cell::opt(cs.points, p),
                Cell::Num(cr.points, p),
            ]
        })
        .collect();
    let crit = Table {
        title: Some({
            // Names for people; `--ids` adds the unit's id.
            let group = c
                .group_index(&u.group)
                .map_or(u.group.as_str(), |g| c.groups[g].name.as_str());
            let id = if v.ids {
                format!(" ({})", u.id)
            } else {
                String::new()
            };
            format!(
                "{} {}{id} — {group}",
                l.pick("Giải trình điểm:", "Score explained:"),
                u.name,
            )
        }),
        headers: l.labels(&[
            ("Tiêu chí", "Criterion"),
            ("Biểu thức", "Expression"),
            ("Số liệu", "Inputs"),
            ("Giá trị", "Value"),
            ("Cách tính", "Method"),
            ("Điểm", "Points"),
            ("Tối đa", "Max"),
        ]),
        rows: crit_rows,
        notes: vec![total_line(v, s)],
    };
    let mut tables = vec![crit];
    if !c.penalties.is_empty() {
        let rows = c
            .penalties
            .iter()
            .enumerate()
            .map(|(i, pe)| {
                let cap = pe.max.map_or(String::new(), |m| {
                    format!(", {} {}", l.pick("tối đa", "at most"), show(Some(m), l))
                });
                vec![
                    Cell::text(if v.ids { &pe.id } else { &pe.name }),
                    Cell::text(pe.count.source()),
                    Cell::text(inputs(&scorer.penalty_inputs(i, row), l)),
                    Cell::text(show(s.penalty_counts[i], l)),
                    Cell::text(format!(
                        "{} × {}{cap}",
                        show(Some(pe.points_each), l),
                        l.pick("số lượng", "count")
                    )),
                    Cell::Num(s.penalties[i], p),
                ]
            })
            .collect();
        let headers = [
            ("Điểm trừ", "Penalty"),
            ("Đếm", "Count"),
            ("Số liệu", "Inputs"),
            ("Số lượng", "Count value"),
            ("Cách tính", "Method"),
            ("Trừ", "Minus"),
        ];
        tables.push(Table {
            title: None,
            headers: l.labels(&headers),
            rows,
            notes: vec![],
        });
    }
    if !c.gates.is_empty() {
        let rows = c
            .gates
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let tiers = g.tiers.as_ref().map_or_else(
                    || l.pick("mọi cấp", "every tier").to_string(),
                    |ts| {
                        ts.iter()
                            .map(|&t| {
                                if v.ids {
                                    c.tiers[t].id.clone()
                                } else {
                                    c.tiers[t].award.clone()
                                }
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                );
                vec![
                    Cell::text(if v.ids { &g.id } else { &g.name }),
                    Cell::text(g.rule.source()),
                    Cell::text(inputs(&scorer.gate_inputs(i, row), l)),
                    Cell::text(tiers),
                    Cell::text(gate_word(s.gates[i], l)),
                ]
            })
            .collect();
        let headers = [
            ("Điều kiện", "Gate"),
            ("Quy tắc", "Rule"),
            ("Số liệu", "Inputs"),
            ("Cấp", "Tiers"),
            ("Kết quả", "Result"),
        ];
        tables.push(Table {
            title: None,
            headers: l.labels(&headers),
            rows,
            notes: vec![],
        });
    }
    tables
}

fn total_line(v: &View, s: &UnitScore) -> String {
    let (l, p) = (v.lang, v.campaign.precision);
    let earned: f64 = s.criteria.iter().filter_map(|c| c.points).sum();
    let minus: f64 = s.penalties.iter().sum();
    let pct = s.percent.map_or("—".to_string(), |x| l.percent(x, p));
    let class = s.class.map_or(String::new(), |c| {
        format!(" — {}", v.campaign.classes[c].name)
    });
    // Points the council added or removed are a term of their own.
    let decided = match s.adjustment {
        a if a > 0.0 => format!(" + {} ({})", l.num(a, p), l.pick("quyết định", "decision")),
        a if a < 0.0 => format!(" − {} ({})", l.num(-a, p), l.pick("quyết định", "decision")),
        _ => String::new(),
    };
    format!(
        "{} = {} − {}{decided} = {} / {} ({pct}){class}",
        l.pick("Tổng điểm", "Total"),
        l.num(earned, p),
        l.num(minus, p),
        l.num(s.total, p),
        l.num(s.max, p)
    )
}

/// `score --explain --format json`: the unit's score and how it came about.
#[derive(Serialize)]
pub struct ExplainJson<'a> {
    #[serde(flatten)]
    pub unit: UnitJson<'a>,
    pub explain: ExplainBody<'a>,
}

#[derive(Serialize)]
pub struct ExplainBody<'a> {
    pub criteria: Vec<CriterionJson<'a>>,
    pub penalties: Vec<PenaltyJson<'a>>,
    pub gates: Vec<GateJson<'a>>,
}

/// The values a rule read, by name.
type Inputs = serde_json::Map<String, serde_json::Value>;

#[derive(Serialize)]
pub struct CriterionJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub value_expr: Option<&'a str>,
    pub inputs: Inputs,
    pub value: Option<f64>,
    pub applies: bool,
    pub method: String,
    pub when_undefined: &'static str,
    pub points: Option<f64>,
    pub max: f64,
}

#[derive(Serialize)]
pub struct PenaltyJson<'a> {
    pub id: &'a str,
    pub count_expr: &'a str,
    pub inputs: Inputs,
    pub count: Option<f64>,
    pub points: f64,
}

#[derive(Serialize)]
pub struct GateJson<'a> {
    pub id: &'a str,
    pub rule: &'a str,
    pub inputs: Inputs,
    pub result: &'static str,
}

pub fn explain_json<'a>(v: &View<'a>, scorer: &Scorer, s: &UnitScore) -> ExplainJson<'a> {
    let c = v.campaign;
    let row = &*scorer.row(&v.metrics.units[s.unit]);
    let as_map = |list: Vec<(String, Option<f64>)>| -> Inputs {
        list.into_iter().map(|(n, x)| (n, json!(x))).collect()
    };
    let criteria = c
        .criteria
        .iter()
        .enumerate()
        .map(|(i, cr)| CriterionJson {
            id: &cr.id,
            name: &cr.name,
            value_expr: cr.value.as_ref().map(|e| e.source()),
            inputs: as_map(scorer.inputs(i, row)),
            value: s.criteria[i].value,
            applies: s.criteria[i].applies,
            method: describe(&cr.scoring, cr.points, Lang::En),
            when_undefined: policy(cr.when_undefined),
            points: s.criteria[i].points.map(|x| round_to(x, c.precision)),
            max: cr.points,
        })
        .collect();
    let penalties = c
        .penalties
        .iter()
        .enumerate()
        .map(|(i, pe)| PenaltyJson {
            id: &pe.id,
            count_expr: pe.count.source(),
            inputs: as_map(scorer.penalty_inputs(i, row)),
            count: s.penalty_counts[i],
            points: s.penalties[i],
        })
        .collect();
    let gates = c
        .gates
        .iter()
        .enumerate()
        .map(|(i, g)| GateJson {
            id: &g.id,
            rule: g.rule.source(),
            inputs: as_map(scorer.gate_inputs(i, row)),
            result: gate_word(s.gates[i], Lang::En),
        })
        .collect();
    ExplainJson {
        unit: v.unit_json(s),
        explain: ExplainBody {
            criteria,
            penalties,
            gates,
        },
    }
}

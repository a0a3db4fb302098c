//! `score --explain UNIT`: every number of one unit's score laid out so a
//! user can check it by hand — expression, inputs, value, method, points.

use serde_json::{Value, json};

use super::units::View;
use super::{Cell, Table};
use crate::campaign::{Scoring, StepDir, WhenUndefined};
use crate::i18n::Lang;
use crate::scoring::{GateOutcome, Scorer, UnitScore, fmt_num, round_to};

/// A raw value as a person reads it: up to 4 decimals, no trailing zeros.
fn show(x: Option<f64>) -> String {
    match x {
        None => "∅".into(),
        Some(x) => {
            let s = format!("{:.4}", round_to(x, 4));
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    }
}

fn inputs(list: &[(String, Option<f64>)]) -> String {
    list.iter()
        .map(|(n, v)| format!("{n} = {}", show(*v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The method in words, with its parameters.
pub fn describe(scoring: &Scoring, points: f64, lang: Lang) -> String {
    let pts = |f: f64| show(Some(f * points));
    match scoring {
        Scoring::Proportional => format!(
            "{} × {}",
            show(Some(points)),
            lang.pick("giá trị (0..1)", "value (0..1)")
        ),
        Scoring::Linear { zero_at, full_at } => {
            format!(
                "{} {} → 0, {} → {}",
                lang.pick("tuyến tính:", "linear:"),
                show(Some(*zero_at)),
                show(Some(*full_at)),
                show(Some(points))
            )
        }
        Scoring::Steps { dir, steps } => {
            let op = if *dir == StepDir::Min { "≥" } else { "≤" };
            let parts: Vec<String> = steps
                .iter()
                .map(|s| format!("{op}{} → {}", show(Some(s.threshold)), pts(s.fraction)))
                .collect();
            format!("{} {}", lang.pick("bậc:", "steps:"), parts.join("; "))
        }
        Scoring::Formula {
            expr,
            written_points,
        } => {
            let scale = if (*written_points - points).abs() > 1e-12 {
                format!(" × {}/{}", show(Some(points)), show(Some(*written_points)))
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

fn gate_word(o: GateOutcome, lang: Lang) -> &'static str {
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
                show(cs.value)
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
                Cell::text(&cr.id),
                Cell::text(expr),
                Cell::text(inputs(&scorer.inputs(i, row))),
                Cell::text(value),
                Cell::text(method),
                Cell::opt(cs.points, p),
                Cell::Num(cr.points, p),
            ]
        })
        .collect();
    let crit = Table {
        title: Some(format!(
            "{} {} — {} ({})",
            l.pick("Giải trình điểm:", "Score explained:"),
            u.name,
            u.id,
            u.group
        )),
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
                    format!(", {} {}", l.pick("tối đa", "at most"), show(Some(m)))
                });
                vec![
                    Cell::text(&pe.id),
                    Cell::text(pe.count.source()),
                    Cell::text(inputs(&scorer.penalty_inputs(i, row))),
                    Cell::text(show(s.penalty_counts[i])),
                    Cell::text(format!(
                        "{} × {}{cap}",
                        show(Some(pe.points_each)),
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
                            .map(|&t| c.tiers[t].id.clone())
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                );
                vec![
                    Cell::text(&g.id),
                    Cell::text(g.rule.source()),
                    Cell::text(inputs(&scorer.gate_inputs(i, row))),
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
    let pct = s
        .percent
        .map_or("—".to_string(), |x| format!("{}%", fmt_num(x, p)));
    let class = s.class.map_or(String::new(), |c| {
        format!(" — {}", v.campaign.classes[c].name)
    });
    // Points the council added or removed are a term of their own.
    let decided = match s.adjustment {
        a if a > 0.0 => format!(
            " + {} ({})",
            fmt_num(a, p),
            l.pick("quyết định", "decision")
        ),
        a if a < 0.0 => format!(
            " − {} ({})",
            fmt_num(-a, p),
            l.pick("quyết định", "decision")
        ),
        _ => String::new(),
    };
    format!(
        "{} = {} − {}{decided} = {} / {} ({pct}){class}",
        l.pick("Tổng điểm", "Total"),
        fmt_num(earned, p),
        fmt_num(minus, p),
        fmt_num(s.total, p),
        fmt_num(s.max, p)
    )
}

pub fn explain_json(v: &View, scorer: &Scorer, s: &UnitScore) -> Value {
    let c = v.campaign;
    let row = &*scorer.row(&v.metrics.units[s.unit]);
    let as_map = |list: Vec<(String, Option<f64>)>| {
        list.into_iter()
            .map(|(n, x)| (n, json!(x)))
            .collect::<serde_json::Map<_, _>>()
    };
    let mut unit = v.unit_json(s);
    let criteria: Vec<Value> = c
        .criteria
        .iter()
        .enumerate()
        .map(|(i, cr)| {
            json!({
                "id": cr.id, "name": cr.name, "value_expr": cr.value.as_ref().map(|e| e.source()),
                "inputs": as_map(scorer.inputs(i, row)), "value": s.criteria[i].value, "applies": s.criteria[i].applies,
                "method": describe(&cr.scoring, cr.points, Lang::En), "when_undefined": policy(cr.when_undefined),
                "points": s.criteria[i].points.map(|x| round_to(x, c.precision)), "max": cr.points,
            })
        })
        .collect();
    let penalties: Vec<Value> = c
        .penalties
        .iter()
        .enumerate()
        .map(|(i, pe)| json!({"id": pe.id, "count_expr": pe.count.source(), "inputs": as_map(scorer.penalty_inputs(i, row)), "count": s.penalty_counts[i], "points": s.penalties[i]}))
        .collect();
    let gates: Vec<Value> = c
        .gates
        .iter()
        .enumerate()
        .map(|(i, g)| json!({"id": g.id, "rule": g.rule.source(), "inputs": as_map(scorer.gate_inputs(i, row)), "result": gate_word(s.gates[i], Lang::En)}))
        .collect();
    unit.insert(
        "explain".into(),
        json!({"criteria": criteria, "penalties": penalties, "gates": gates}),
    );
    Value::Object(unit)
}

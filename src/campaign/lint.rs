//! Warnings about a campaign that loads but is probably wrong — a fraction
//! where a percent is meant, points that do not add up, a quota of 0, a
//! deadline out of order, a district award after districts were abolished,
//! a criterion that separates no one — each located at the key to fix, with
//! what to write instead. Pure: `thidua check` prints them on stdout, and
//! `score`, `rank`, `nominate` once on stderr.
//!
//! A **ratio value** is a `value` written `a / b` where `a` and `b` are each
//! a metric name or a parenthesised sum or difference of metric names
//! (`(truoc_han + dung_han) / da_giai_quyet`): a rate of counts, between 0
//! and 1. Anything else (`100 * a / b`, `min(a / b, 1)`, a single metric) may
//! have any scale, so no threshold on it is doubted.

mod calendar;
mod levers;
mod locate;

use super::{Campaign, Places, Scoring, StepDir};
use crate::problem::Problem;
use crate::scoring::UnitScore;
pub use calendar::districts_abolished;
use calendar::{deadlines, district_awards};
use locate::Source;

/// What the criteria's points sum to when the campaign declares no `max_total`.
pub const DEFAULT_TOTAL: f64 = 100.0;

/// Every warning about the campaign as written, in file order.
pub fn campaign(c: &Campaign) -> Vec<Problem> {
    let src = Source::new(&c.source);
    let mut out = Vec::new();
    points_total(c, &src, &mut out);
    ratio_thresholds(c, &src, &mut out);
    fractions(c, &src, &mut out);
    quotas(c, &src, &mut out);
    deadlines(c, &src, &mut out);
    district_awards(c, &src, &mut out);
    levers::levers(c, &src, &mut out);
    out.sort();
    out
}

/// Warnings that need the data: a criterion on which every unit of
/// `data_file` scores 0, or every unit full points. Needs at least two units
/// the criterion counts for: one unit alone separates no one by definition.
pub fn data(c: &Campaign, data_file: &str, scores: &[UnitScore]) -> Vec<Problem> {
    let src = Source::new(&c.source);
    let mut out = Vec::new();
    for (i, crit) in c.criteria.iter().enumerate() {
        let shares: Vec<f64> = scores
            .iter()
            .filter_map(|s| s.criteria.get(i).and_then(|cs| cs.share))
            .collect();
        if shares.len() < 2 {
            continue;
        }
        let (what, hint) = if shares.iter().all(|&s| s <= 0.0) {
            (
                "0".to_string(),
                "check the value expression, the thresholds (a percent where the value is a fraction?) and the data's columns",
            )
        } else if shares.iter().all(|&s| s >= 1.0) {
            (
                format!("full points ({})", num(crit.points)),
                "check the thresholds (a fraction where the value is a percent?); a criterion everyone passes decides nothing",
            )
        } else {
            continue;
        };
        let (line, col) = src
            .key(crit.line, "id", |v| v == crit.id)
            .unwrap_or((crit.line, 1));
        out.push(
            Problem::cell(
                &c.file,
                line as u64,
                col,
                format!(
                    "criterion `{}`: every unit of {data_file} ({}) scores {what}",
                    crit.id,
                    shares.len()
                ),
            )
            .with_hint(hint),
        );
    }
    out
}

/// Whether a value expression is a ratio of counts (see the module notes).
pub fn is_ratio(expr: &str) -> bool {
    locate::ratio_of_counts(expr)
}

fn points_total(c: &Campaign, src: &Source, out: &mut Vec<Problem>) {
    let target = c.max_total.unwrap_or(DEFAULT_TOTAL);
    let sums: Vec<(usize, f64)> = (0..c.groups.len())
        .map(|g| {
            let s = c
                .criteria
                .iter()
                .filter(|k| k.applies_to.contains(&g))
                .map(|k| k.points)
                .sum();
            (g, s)
        })
        .collect();
    let off: Vec<&(usize, f64)> = sums
        .iter()
        .filter(|(_, s)| (s - target).abs() > 1e-9)
        .collect();
    if off.is_empty() {
        return;
    }
    let (line, col) = match c.max_total {
        Some(_) => src.top_key("max_total"),
        None => src.top_key("criteria"),
    }
    .unwrap_or((1, 1));
    let hint = |sum: f64| match c.max_total {
        Some(_) => format!(
            "make the points sum to {}, or correct max_total",
            num(target)
        ),
        None => format!(
            "make the points sum to 100, or declare `max_total: {}` if the plan counts to {}",
            num(sum),
            num(sum)
        ),
    };
    let same = off.len() == sums.len() && off.iter().all(|(_, s)| *s == off[0].1);
    if same {
        let sum = off[0].1;
        out.push(
            Problem::cell(
                &c.file,
                line as u64,
                col,
                format!(
                    "the criteria's points sum to {}, not {}",
                    num(sum),
                    num(target)
                ),
            )
            .with_hint(hint(sum)),
        );
        return;
    }
    for &&(g, sum) in &off {
        out.push(
            Problem::cell(
                &c.file,
                line as u64,
                col,
                format!(
                    "the points of the criteria for group `{}` sum to {}, not {}",
                    c.groups[g].id,
                    num(sum),
                    num(target)
                ),
            )
            .with_hint(hint(sum)),
        );
    }
}

fn ratio_thresholds(c: &Campaign, src: &Source, out: &mut Vec<Problem>) {
    for crit in &c.criteria {
        let Some(value) = &crit.value else { continue };
        if !is_ratio(value.source()) {
            continue;
        }
        let over: Vec<(&str, f64)> = match &crit.scoring {
            Scoring::Linear { zero_at, full_at } => [("zero_at", *zero_at), ("full_at", *full_at)]
                .into_iter()
                .filter(|(_, t)| *t > 1.0)
                .collect(),
            Scoring::Steps { dir, steps } => {
                let key = match dir {
                    StepDir::Min => "min",
                    StepDir::Max => "max",
                };
                steps
                    .iter()
                    .filter(|s| s.threshold > 1.0)
                    .map(|s| (key, s.threshold))
                    .collect()
            }
            Scoring::Proportional | Scoring::Formula { .. } => continue,
        };
        // The file's order, not the sorted one: the first offending key.
        let Some(((line, col), key, t)) = over
            .iter()
            .filter_map(|&(k, t)| src.key(crit.line, k, |v| same_num(v, t)).map(|l| (l, k, t)))
            .min_by_key(|(l, _, _)| *l)
            .or_else(|| over.first().map(|&(k, t)| ((crit.line, 1), k, t)))
        else {
            continue;
        };
        let effect = match (key, &crit.scoring) {
            ("min", _) => "no unit can reach it",
            ("max", _) => "every unit is under it",
            _ => "every unit is scored as if it were far from it",
        };
        out.push(
            Problem::cell(
                &c.file,
                line as u64,
                col,
                format!(
                    "criterion `{}`: {key} {} is above 1, but the value `{}` is a ratio (0..1): {effect}",
                    crit.id,
                    num(t),
                    value.source()
                ),
            )
            .with_hint(format!(
                "write {key}: {} for {}%",
                num(t / 100.0),
                num(t)
            )),
        );
    }
}

/// `min_percent` and class `min` are percents (0..100); 0 < x ≤ 1 is a
/// fraction written where a percent is meant. 0 is fine: no floor.
fn fractions(c: &Campaign, src: &Source, out: &mut Vec<Problem>) {
    let fraction = |x: f64| x > 0.0 && x <= 1.0;
    for t in &c.tiers {
        let Some(m) = t.min_percent.filter(|&m| fraction(m)) else {
            continue;
        };
        let from = src.item("tiers", &t.id);
        let (line, col) = src
            .key(from, "min_percent", |v| same_num(v, m))
            .unwrap_or((from, 1));
        out.push(
            Problem::cell(
                &c.file,
                line as u64,
                col,
                format!(
                    "tier `{}`: min_percent {} is a percent of the maximum, so this floor is {}%, not {}%",
                    t.id,
                    num(m),
                    num(m),
                    num(m * 100.0)
                ),
            )
            .with_hint(format!(
                "write min_percent: {} for {}%",
                num(m * 100.0),
                num(m * 100.0)
            )),
        );
    }
    let classes = src.top_key("classes").map_or(1, |(l, _)| l);
    for k in c.classes.iter().filter(|k| fraction(k.min)) {
        let from = src.text(classes, &k.name).unwrap_or(classes);
        let (line, col) = src
            .key(from, "min", |v| same_num(v, k.min))
            .unwrap_or((from, 1));
        out.push(
            Problem::cell(
                &c.file,
                line as u64,
                col,
                format!(
                    "class `{}`: min {} is a percent of the maximum, so this class starts at {}%, not {}%",
                    k.name,
                    num(k.min),
                    num(k.min),
                    num(k.min * 100.0)
                ),
            )
            .with_hint(format!(
                "write min: {} for {}%",
                num(k.min * 100.0),
                num(k.min * 100.0)
            )),
        );
    }
}

fn quotas(c: &Campaign, src: &Source, out: &mut Vec<Problem>) {
    for t in &c.tiers {
        for q in t
            .quotas
            .iter()
            .filter(|q| q.collectives.contains(&Places::Fixed(0)))
        {
            let group = &c.groups[q.group].id;
            let tier = src.item("tiers", &t.id);
            let from = src.key(tier, "group", |v| v == group).map_or(tier, |l| l.0);
            let (line, col) = src
                .key(from, "collectives", |v| same_num(v, 0.0))
                .unwrap_or((from, 1));
            out.push(
                Problem::cell(
                    &c.file,
                    line as u64,
                    col,
                    format!(
                        "tier `{}`: the quota for group `{group}` is 0 collectives: no unit of it can be proposed",
                        t.id
                    ),
                )
                .with_hint("write the number of places (collectives: 1 or more), or remove the quota"),
            );
        }
    }
}

/// Whether a YAML scalar is the number `x`.
fn same_num(text: &str, x: f64) -> bool {
    text.parse::<f64>()
        .is_ok_and(|v| (v - x).abs() <= 1e-9 * x.abs().max(1.0))
}

/// A number as a person writes it: `98`, `0.98`, `82.5` (no float noise).
pub fn num(x: f64) -> String {
    let s = format!("{:.6}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

#[cfg(test)]
mod tests;

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
mod ratio;

use super::{Campaign, Places};
use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::msg;
use crate::problem::Problem;
pub use calendar::districts_abolished;
use calendar::{deadlines, district_awards};

/// What the criteria's points sum to when the campaign declares no `max_total`.
pub const DEFAULT_TOTAL: f64 = 100.0;

/// Every warning about the campaign as written, in file order.
pub fn campaign(c: &Campaign) -> Vec<Problem> {
    let mut out = Vec::new();
    points_total(c, &mut out);
    ratio_thresholds(c, &mut out);
    fractions(c, &mut out);
    quotas(c, &mut out);
    deadlines(c, &mut out);
    district_awards(c, &mut out);
    levers::levers(c, &mut out);
    out.sort();
    out
}

/// A unit's score as [`data`] reads it (`scoring::UnitScore` is one: the
/// campaign is below scoring and does not name its types).
pub trait Shares {
    /// The share (0 to 1) of criterion `i`'s points; `None` where it does not count.
    fn share(&self, i: usize) -> Option<f64>;
}

/// Warnings that need the data: a criterion on which every unit of
/// `data_file` scores 0, or every unit full points. Needs at least two units
/// the criterion counts for: one unit alone separates no one by definition.
pub fn data(c: &Campaign, data_file: &str, scores: &[impl Shares]) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, crit) in c.criteria.iter().enumerate() {
        let shares: Vec<f64> = scores.iter().filter_map(|s| s.share(i)).collect();
        if shares.len() < 2 {
            continue;
        }
        let n = shares.len();
        let (message, hint) = if shares.iter().all(|&s| s <= 0.0) {
            (msg!(LintAllZero, crit.id, data_file, n), Msg::HintAllZero)
        } else if shares.iter().all(|&s| s >= 1.0) {
            let full = said(crit.points);
            let m = msg!(LintAllFull, crit.id, data_file, n, full);
            (m, Msg::HintAllFull)
        } else {
            continue;
        };
        out.push(crit.line.problem(&c.file, message).with_hint(hint));
    }
    out
}

/// Whether a value expression is a ratio of counts (see the module notes).
pub fn is_ratio(expr: &str) -> bool {
    ratio::ratio_of_counts(expr)
}

fn points_total(c: &Campaign, out: &mut Vec<Problem>) {
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
    let at = match c.max_total {
        Some(_) => c.max_total_at,
        None => c.criteria_at,
    };
    let hint = |sum: f64| match c.max_total {
        Some(_) => msg!(HintPointsMaxTotal, said(target)),
        None => msg!(HintPointsSum, num(sum)),
    };
    let same = off.len() == sums.len() && off.iter().all(|(_, s)| *s == off[0].1);
    if same {
        let sum = off[0].1;
        let m = msg!(LintPointsSum, said(sum), said(target));
        out.push(at.problem(&c.file, m).with_hint(hint(sum)));
        return;
    }
    for &&(g, sum) in &off {
        let m = msg!(LintPointsSumGroup, c.groups[g].id, said(sum), said(target));
        out.push(at.problem(&c.file, m).with_hint(hint(sum)));
    }
}

fn ratio_thresholds(c: &Campaign, out: &mut Vec<Problem>) {
    for crit in &c.criteria {
        let Some(value) = &crit.value else { continue };
        if !is_ratio(value.source()) {
            continue;
        }
        // The file's order, not the sorted one: the first offending key.
        let over = crit.thresholds.iter().filter(|t| t.value > 1.0);
        let Some(t) = over.min_by_key(|t| t.at) else {
            continue;
        };
        let effect = match t.key {
            "min" => Msg::RatioNoneReach,
            "max" => Msg::RatioAllUnder,
            _ => Msg::RatioAllFar,
        };
        let (id, source, key) = (&crit.id, value.source(), t.key);
        let m = msg!(LintRatioThreshold, id, key, num(t.value), source, effect);
        let hint = msg!(HintWritePercent, key, num(t.value / 100.0), said(t.value));
        out.push(t.at.problem(&c.file, m).with_hint(hint));
    }
}

/// `min_percent` and class `min` are percents (0..100); 0 < x ≤ 1 is a
/// fraction written where a percent is meant. 0 is fine: no floor.
fn fractions(c: &Campaign, out: &mut Vec<Problem>) {
    let fraction = |x: f64| x > 0.0 && x <= 1.0;
    for t in &c.tiers {
        let Some(m) = t.min_percent.filter(|&m| fraction(m)) else {
            continue;
        };
        let (pct, meant) = (said(m), m * 100.0);
        let text = msg!(LintMinPercentFraction, t.id, num(m), pct, said(meant));
        let hint = msg!(HintWritePercent, "min_percent", num(meant), said(meant));
        out.push(t.min_percent_at.problem(&c.file, text).with_hint(hint));
    }
    for k in c.classes.iter().filter(|k| fraction(k.min)) {
        let (pct, meant) = (said(k.min), k.min * 100.0);
        let text = msg!(LintClassFraction, k.name, num(k.min), pct, said(meant));
        let hint = msg!(HintWritePercent, "min", num(meant), said(meant));
        out.push(k.at.problem(&c.file, text).with_hint(hint));
    }
}

fn quotas(c: &Campaign, out: &mut Vec<Problem>) {
    for t in &c.tiers {
        for q in &t.quotas {
            let zero = q.collectives.iter().zip(&q.collectives_at);
            for (_, at) in zero.filter(|(p, _)| **p == Places::Fixed(0)) {
                let m = msg!(LintQuotaZero, t.id, c.groups[q.group].id);
                out.push(at.problem(&c.file, m).with_hint(Msg::HintQuotaZero));
            }
        }
    }
}

/// A number in a message's prose (a sum, a percent), as people of the
/// message language write it: 82,5 in Vietnamese, 82.5 in English (chosen
/// when the message is rendered). A value the user types into the file is
/// written with [`num`] in either language.
fn said(x: f64) -> Text {
    Text::number(num(x))
}

/// A number as a person writes it: `98`, `0.98`, `82.5` (no float noise).
pub fn num(x: f64) -> String {
    let s = format!("{:.6}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

#[cfg(test)]
mod tests;

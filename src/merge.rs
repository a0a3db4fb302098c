//! Mergers of units (communes merged on 1/7/2025, SPEC 8): the counts of old
//! units summed into their new unit before any rate is computed, so data and
//! baselines of old units compare with new ones. A unit the map does not know
//! is an error, never a unit left to compete on its own; a blank stays blank
//! (the same rule as summing periods); scores and rates are not added up.

mod map;

use crate::i18n::Text;
use crate::i18n::messages::Msg;
use std::collections::HashMap;

use crate::metrics::{Metrics, UnitRow, add_summand, blank_notice, is_count};
use crate::problem::{Problem, Problems, ProblemsError};

pub use map::{MergeMap, NewUnit};

/// The portal's published group scores (QĐ 766) and their total: points
/// computed by the portal, which no sum of two units' points reproduces.
pub const PORTAL_SCORES: [&str; 7] = ["ckmb", "tdgq", "dvctt", "tttt", "mdsh", "mdhl", "tong_diem"];

/// Merges the units of `metrics` as `map` says: see [`merge_named`].
pub fn merge(metrics: Metrics, map: &MergeMap) -> Result<(Metrics, Problems), ProblemsError> {
    merge_named(metrics, map, None)
}

/// Merges the units of `metrics` as `map` says: each unit is an old unit of
/// the map (summed into its new unit) or a new unit itself (kept, and summed
/// with old units of the same file). A new unit's name and group come from a
/// row of the file naming it, else from the map, else from `named` (the data
/// file, when merging its baseline). Returns the merged metrics and notices
/// (metrics left blank by a blank in some old unit), or every problem found.
pub fn merge_named(
    metrics: Metrics,
    map: &MergeMap,
    named: Option<&Metrics>,
) -> Result<(Metrics, Problems), ProblemsError> {
    let mut problems = Problems::new();
    let mut notices = Problems::new();
    // New unit id → the indices of its units in `metrics`, in file order.
    let mut order: Vec<String> = Vec::new();
    let mut parts: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, u) in metrics.units.iter().enumerate() {
        let new = match map.target(&u.id) {
            Some((new, _)) => new.to_string(),
            None if map.new_unit(&u.id).is_some() => u.id.clone(),
            None => {
                problems.push(
                    Problem::line(
                        &metrics.file,
                        u.line,
                        crate::msg!(NotInMergeMap, u.id, map.file),
                    )
                    .with_hint(crate::msg!(HintNotInMergeMap, u.id, map.file)),
                );
                continue;
            }
        };
        parts.entry(new.clone()).or_insert_with(|| {
            order.push(new.clone());
            Vec::new()
        });
        parts.get_mut(&new).expect("inserted").push(i);
    }
    let mut units = Vec::with_capacity(order.len());
    for new in &order {
        let ps = &parts[new];
        let Some((name, group, line)) = identity(new, ps, &metrics, map, named, &mut problems)
        else {
            continue;
        };
        let values = (0..metrics.names.len())
            .map(|m| sum(new, ps, m, &metrics, &mut problems, &mut notices))
            .collect();
        units.push(UnitRow {
            id: new.clone(),
            name,
            group,
            line,
            values,
        });
    }
    problems.finish()?;
    Ok((Metrics { units, ..metrics }, notices))
}

/// The new unit's name, group and line: from its own row in the file, else
/// the map, else `named`; `None` (with a problem) when nothing names it.
fn identity(
    new: &str,
    parts: &[usize],
    metrics: &Metrics,
    map: &MergeMap,
    named: Option<&Metrics>,
    problems: &mut Problems,
) -> Option<(String, String, u64)> {
    let given = map.new_unit(new).cloned().unwrap_or_default();
    let own = parts
        .iter()
        .map(|&i| &metrics.units[i])
        .find(|u| u.id == new);
    let line = own.map_or_else(|| metrics.units[parts[0]].line, |u| u.line);
    if let Some(u) = own {
        if let Some((g, l)) = &given.group
            && *g != u.group
        {
            problems.push(Problem::line(
                &map.file,
                *l,
                crate::msg!(NewUnitOtherGroup, new, g, u.group, metrics.file, u.line),
            ));
            return None;
        }
        return Some((u.name.clone(), u.group.clone(), line));
    }
    let other = named.and_then(|n| n.units.iter().find(|u| u.id == new));
    let name = given
        .name
        .map(|(n, _)| n)
        .or_else(|| other.map(|u| u.name.clone()));
    let group = given
        .group
        .map(|(g, _)| g)
        .or_else(|| other.map(|u| u.group.clone()));
    match (name, group) {
        (Some(n), Some(g)) => Some((n, g, line)),
        (n, g) => {
            let lacks: Vec<&str> = [("new_unit_name", n.is_none()), ("group", g.is_none())]
                .into_iter()
                .filter(|(_, lack)| *lack)
                .map(|(c, _)| c)
                .collect();
            let olds: Vec<&str> = parts
                .iter()
                .map(|&i| metrics.units[i].id.as_str())
                .collect();
            problems.push(
                Problem::line(
                    &map.file,
                    given.line,
                    crate::msg!(
                        NewUnitLacks,
                        new,
                        olds.join(", "),
                        Text::join(lacks.iter().map(|c| Text::raw(*c)), Msg::AndNo),
                        metrics.file
                    ),
                )
                .with_hint(crate::msg!(HintFillColumns, lacks.join(", "))),
            );
            None
        }
    }
}

/// Metric `m` of the new unit `new` summed over its `parts`: counts add up
/// (a blank part leaves the sum blank, with a notice); any other metric —
/// a portal score, a rate — cannot be added up, so two or more parts with a
/// value in it are an error.
fn sum(
    new: &str,
    parts: &[usize],
    m: usize,
    metrics: &Metrics,
    problems: &mut Problems,
    notices: &mut Problems,
) -> Option<f64> {
    let units: Vec<&UnitRow> = parts.iter().map(|&i| &metrics.units[i]).collect();
    if let [only] = units.as_slice() {
        return only.values[m];
    }
    let name = &metrics.names[m];
    let (blank, given): (Vec<&UnitRow>, Vec<&UnitRow>) =
        units.iter().partition(|u| u.values[m].is_none());
    if !is_count(name) {
        if given.is_empty() {
            return None;
        }
        let ids: Vec<&str> = given.iter().map(|u| u.id.as_str()).collect();
        let what = if PORTAL_SCORES.contains(&name.as_str()) {
            Msg::PortalScoreKind
        } else {
            Msg::NotCountKind
        };
        problems.push(
            Problem::line(
                &metrics.file,
                given[0].line,
                crate::msg!(CannotAddUp, name, what, ids.join(", "), new),
            )
            .with_hint(crate::msg!(HintCannotAddUp, name)),
        );
        return None;
    }
    let mut total = Some(0.0);
    for u in &units {
        total = add_summand(total, u.values[m]);
    }
    if !blank.is_empty() && !given.is_empty() {
        let ids = |us: &[&UnitRow]| us.iter().map(|u| format!("`{}`", u.id)).collect::<Vec<_>>();
        let at = Problem::line(&metrics.file, blank[0].line, Text::default());
        notices.push(blank_notice(at, new, name, &ids(&blank), &ids(&given)));
    }
    total
}

#[cfg(test)]
mod tests;

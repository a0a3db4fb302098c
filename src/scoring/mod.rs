//! Turns a unit's metrics into points: each criterion's method applied to its
//! value, rounded as the portal rounds, penalties subtracted, gates evaluated.
//! Pure: a `Scorer` is built once per (campaign, data file[, baseline]) and
//! then only reads.

mod bind;
mod inputs;

use std::borrow::Cow;

use anyhow::{Result, anyhow, bail};

use crate::campaign::TieBreak;
use crate::campaign::{Campaign, Criterion, Scoring, StepDir, WhenUndefined, suggestion};
use crate::i18n::Text;
pub use crate::i18n::round::{fmt_num, round_scaled, round_scaled_int, round_to, write_num};
use crate::metrics::{Metrics, UnitRow};
use crate::problem::Problem;
pub use bind::PREV;
use bind::{Binder, Bound, Prev};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateOutcome {
    Pass,
    Fail,
    /// The rule could not be evaluated (missing cell, division by zero): it
    /// cannot be shown to hold, so it counts as failed.
    Undefined,
    NotApplicable,
}

impl GateOutcome {
    pub fn failed(self) -> bool {
        matches!(self, GateOutcome::Fail | GateOutcome::Undefined)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CriterionScore {
    /// The criterion's value (its `value` expression, or the formula's result).
    pub value: Option<f64>,
    /// Rounded points; `None` when the criterion does not count for the unit.
    pub points: Option<f64>,
    /// The share of the criterion's points earned (clamped to 0..=1, before
    /// rounding), so points under other weights are `round(share × points)`
    /// without evaluating anything again; `None` when it does not count.
    pub share: Option<f64>,
    pub applies: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitScore {
    /// Index of the unit in `Metrics::units`.
    pub unit: usize,
    /// Index of the unit's group in `Campaign::groups`.
    pub group: usize,
    pub criteria: Vec<CriterionScore>,
    /// Rounded points subtracted, one per penalty (0 when it does not apply).
    pub penalties: Vec<f64>,
    /// The penalty counts as evaluated (`None` = undefined, counted as 0).
    pub penalty_counts: Vec<Option<f64>>,
    pub total: f64,
    /// Points the council added (+) or removed (−) after scoring, already in
    /// `total` (see `decisions`); 0 without decisions.
    pub adjustment: f64,
    pub max: f64,
    /// `None` when no criterion counts for the unit (max is 0).
    pub percent: Option<f64>,
    /// Index into `Campaign::classes`; `None` also when `no_data`.
    pub class: Option<usize>,
    /// No dossier at all in the period: the unit is scored (every rate
    /// undefined) but not graded; reports say "không có hồ sơ trong kỳ".
    pub no_data: bool,
    pub gates: Vec<GateOutcome>,
    /// Per tie-break entry: whether its rule holds (false for a criterion
    /// entry, and when the rule is undefined).
    pub rules: Vec<bool>,
}

impl crate::campaign::lint::Shares for UnitScore {
    fn share(&self, i: usize) -> Option<f64> {
        self.criteria.get(i).and_then(|c| c.share)
    }
}

impl UnitScore {
    /// A score with nothing in it, for [`Scorer::score_into`] to fill.
    pub fn empty() -> UnitScore {
        UnitScore {
            unit: 0,
            group: 0,
            criteria: Vec::new(),
            penalties: Vec::new(),
            penalty_counts: Vec::new(),
            total: 0.0,
            adjustment: 0.0,
            max: 0.0,
            percent: None,
            class: None,
            no_data: false,
            gates: Vec::new(),
            rules: Vec::new(),
        }
    }

    /// Percent of the max and class, from the total.
    fn grade(&mut self, c: &Campaign) {
        self.percent = (self.max > 0.0).then(|| 100.0 * self.total / self.max);
        self.class = self.percent.filter(|_| !self.no_data).and_then(|p| {
            c.classes
                .iter()
                .position(|cl| round_to(p, c.precision) >= cl.min)
        });
    }

    /// Adds points decided after scoring (never below a total of 0).
    pub fn adjust(&mut self, c: &Campaign, points: f64) {
        self.adjustment = round_to(self.adjustment + points, c.precision);
        self.settle(c);
    }

    /// Total (points earned, less penalties, plus the council's adjustment,
    /// never below 0), percent and class from the criteria and penalties as
    /// they stand: the one place a total is summed, for scoring, decisions
    /// and the lever search's ceiling.
    pub fn settle(&mut self, c: &Campaign) {
        let earned: f64 = self.criteria.iter().filter_map(|s| s.points).sum();
        let penalties: f64 = self.penalties.iter().sum();
        self.total = round_to((earned - penalties + self.adjustment).max(0.0), c.precision);
        self.grade(c);
    }
}

pub struct Scorer<'c> {
    campaign: &'c Campaign,
    /// Set when some expression reads `prev.` names.
    prev: Option<Prev<'c>>,
    values: Vec<Option<Bound<'c>>>,
    formulas: Vec<Option<Bound<'c>>>,
    penalties: Vec<Bound<'c>>,
    gates: Vec<Bound<'c>>,
    /// Per tie-break entry: the bound rule (`None` for a criterion).
    rules: Vec<Option<Bound<'c>>>,
    /// Where the data counts dossiers ([`DOSSIER_COUNTS`] it has).
    dossiers: Vec<usize>,
}

/// The counts that say whether a unit had any dossier in the period:
/// received, resolved, still in progress.
pub const DOSSIER_COUNTS: [&str; 3] = ["tiep_nhan", "da_giai_quyet", "dang_giai_quyet"];

/// No dossier received, resolved or in progress in the period (every such
/// count the data has is 0 or blank, and it has at least one): such a unit
/// is not graded, since every rate of it is undefined — "không có hồ sơ".
fn has_no_dossiers(slots: &[usize], row: &[Option<f64>]) -> bool {
    !slots.is_empty() && slots.iter().all(|&i| row[i].unwrap_or(0.0) == 0.0)
}

impl<'c> Scorer<'c> {
    /// Resolves every name of every expression against the data file's
    /// metrics; an unknown name is an error naming the campaign line and the
    /// closest metric. A `prev.` name is an error here: it needs a baseline.
    pub fn new(campaign: &'c Campaign, metrics: &Metrics) -> Result<Scorer<'c>> {
        Scorer::with_baseline(campaign, metrics, None)
    }

    /// Like [`Scorer::new`], with `prev.<metric>` names reading `baseline`.
    /// Units the baseline does not have get undefined `prev.` values.
    pub fn with_baseline(
        campaign: &'c Campaign,
        metrics: &Metrics,
        baseline: Option<&'c Metrics>,
    ) -> Result<Scorer<'c>> {
        let binder = Binder {
            campaign,
            metrics,
            baseline,
        };
        let mut values = Vec::new();
        let mut formulas = Vec::new();
        for c in &campaign.criteria {
            let what = crate::msg!(CriterionCtx, c.id);
            values.push(
                c.value
                    .as_ref()
                    .map(|e| binder.bind(e, &what, c.line))
                    .transpose()?,
            );
            formulas.push(match &c.scoring {
                Scoring::Formula { expr, .. } => Some(binder.bind(expr, &what, c.line)?),
                _ => None,
            });
        }
        let penalties: Vec<Bound> = campaign
            .penalties
            .iter()
            .map(|p| binder.bind(&p.count, &crate::msg!(PenaltyCtx, p.id), p.line))
            .collect::<Result<_>>()?;
        let gates: Vec<Bound> = campaign
            .gates
            .iter()
            .map(|g| binder.bind(&g.rule, &crate::msg!(GateCtx, g.id), g.line))
            .collect::<Result<_>>()?;
        let rules: Vec<Option<Bound>> = campaign
            .tiebreak
            .iter()
            .map(|t| match t {
                TieBreak::Rule { name, rule, at } => binder
                    .bind(rule, &crate::msg!(TiebreakRuleNamed, name), *at)
                    .map(Some),
                TieBreak::Criterion(_) => Ok(None),
            })
            .collect::<Result<_>>()?;
        check_groups(campaign, metrics)?;
        let reads_prev = values
            .iter()
            .chain(&formulas)
            .flatten()
            .chain(&penalties)
            .chain(&gates)
            .chain(rules.iter().flatten())
            .any(|b| b.slots.iter().any(|&s| s >= metrics.names.len()));
        let dossiers = DOSSIER_COUNTS
            .iter()
            .filter_map(|d| metrics.metric_index(d))
            .collect();
        Ok(Scorer {
            campaign,
            dossiers,
            prev: baseline.filter(|_| reads_prev).map(Prev::new),
            values,
            formulas,
            penalties,
            gates,
            rules,
        })
    }

    /// Whether some expression reads the baseline (`prev.` names).
    pub fn reads_baseline(&self) -> bool {
        self.prev.is_some()
    }

    /// The row a unit's expressions read: its metrics, then its baseline
    /// metrics when some expression reads `prev.` names.
    pub fn row<'r>(&self, unit: &'r UnitRow) -> Cow<'r, [Option<f64>]> {
        match &self.prev {
            Some(p) => p.extend(unit),
            None => Cow::Borrowed(&unit.values),
        }
    }

    /// Scores every unit (their groups were checked when the scorer was built).
    pub fn score_all(&self, metrics: &Metrics) -> Result<Vec<UnitScore>> {
        metrics
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| self.score(i, u, &metrics.file))
            .collect()
    }

    pub fn score(&self, index: usize, unit: &UnitRow, file: &str) -> Result<UnitScore> {
        let mut s = UnitScore::empty();
        self.score_into(index, unit, file, &mut s)?;
        Ok(s)
    }

    /// [`Scorer::score`] into a score whose vectors are reused (cleared and
    /// refilled): the one scoring path, so a search that re-scores a unit
    /// many times allocates nothing per probe. On error `out` is unspecified.
    pub fn score_into(
        &self,
        index: usize,
        unit: &UnitRow,
        file: &str,
        out: &mut UnitScore,
    ) -> Result<()> {
        let c = self.campaign;
        let Some(group) = c.group_index(&unit.group) else {
            bail!(unknown_group(c, unit, file));
        };
        let row = &*self.row(unit);
        let at_unit = |e: Text| {
            let what = crate::msg!(UnitCtx, unit.id);
            anyhow!(Problem::line(file, unit.line, what + ": " + e))
        };
        out.criteria.clear();
        for (i, crit) in c.criteria.iter().enumerate() {
            let cs = self.criterion(i, crit, row, group).map_err(at_unit)?;
            out.criteria.push(cs);
        }
        out.penalties.clear();
        out.penalty_counts.clear();
        for (p, bound) in c.penalties.iter().zip(&self.penalties) {
            let what = || crate::msg!(PenaltyCtx, p.id);
            let count = bound.eval(row, what).map_err(at_unit)?;
            out.penalty_counts.push(count);
            // A count of late files or missing letters beyond 2^53 is no
            // real count (and times points_each it could reach `inf`).
            if let Some(n) = count.filter(|n| n.abs() >= crate::metrics::EXACT_LIMIT) {
                let n = bind::shown(n);
                return Err(at_unit(crate::msg!(PenaltyOverflow, what(), n)));
            }
            let raw = if p.applies_to.contains(&group) {
                count.unwrap_or(0.0).max(0.0) * p.points_each
            } else {
                0.0
            };
            out.penalties
                .push(round_to(p.max.map_or(raw, |m| raw.min(m)), c.precision));
        }
        out.gates.clear();
        for (g, bound) in c.gates.iter().zip(&self.gates) {
            let value = bound
                .eval(row, || crate::msg!(GateCtx, g.id))
                .map_err(at_unit)?;
            out.gates
                .push(match (g.applies_to.contains(&group), value) {
                    (false, _) => GateOutcome::NotApplicable,
                    (true, None) => GateOutcome::Undefined,
                    (true, Some(v)) if v != 0.0 => GateOutcome::Pass,
                    (true, Some(_)) => GateOutcome::Fail,
                });
        }
        out.max = c
            .criteria
            .iter()
            .zip(&out.criteria)
            .filter(|(_, s)| s.points.is_some())
            .map(|(cr, _)| cr.points)
            .sum();
        out.unit = index;
        out.group = group;
        out.adjustment = 0.0;
        out.no_data = has_no_dossiers(&self.dossiers, &unit.values);
        out.rules.clear();
        for r in &self.rules {
            let holds = match r {
                Some(b) => b
                    .eval(row, || crate::msg!(TiebreakRuleCtx))
                    .map_err(at_unit)?
                    .is_some_and(|v| v != 0.0),
                None => false,
            };
            out.rules.push(holds);
        }
        out.settle(c);
        Ok(())
    }

    fn criterion(
        &self,
        i: usize,
        crit: &Criterion,
        row: &[Option<f64>],
        group: usize,
    ) -> Result<CriterionScore, Text> {
        if !crit.applies_to.contains(&group) {
            return Ok(CriterionScore {
                value: None,
                points: None,
                share: None,
                applies: false,
            });
        }
        let what = || crate::msg!(CriterionCtx, crit.id);
        let value = match &self.values[i] {
            Some(b) => b.eval(row, what)?,
            None => None,
        };
        let formula = match &self.formulas[i] {
            Some(f) => f.eval(row, what)?,
            None => None,
        };
        let fraction = match (&crit.scoring, &self.formulas[i]) {
            (Scoring::Formula { written_points, .. }, Some(_)) => {
                formula.map(|p| p / written_points)
            }
            (scoring, _) => value.map(|v| fraction(scoring, v)),
        };
        let shown_value = match &self.formulas[i] {
            Some(_) if value.is_none() => formula,
            _ => value,
        };
        let share = match fraction {
            Some(f) => Some(f.clamp(0.0, 1.0)),
            None => match crit.when_undefined {
                WhenUndefined::Zero => Some(0.0),
                WhenUndefined::Full => Some(1.0),
                WhenUndefined::Exclude => None,
                WhenUndefined::Error => {
                    return Err(crate::msg!(
                        UndefinedError,
                        crit.id,
                        crit.value.as_ref().map_or("formula", |e| e.source())
                    ));
                }
            },
        };
        let precision = self.campaign.precision;
        Ok(CriterionScore {
            value: shown_value,
            points: share.map(|s| round_to(s * crit.points, precision)),
            share,
            applies: true,
        })
    }
}

/// Every unit's group must be one of the campaign's, checked before any
/// scoring, all offending rows named at once.
fn check_groups(campaign: &Campaign, metrics: &Metrics) -> Result<()> {
    let bad: Vec<Text> = metrics
        .units
        .iter()
        .filter(|u| campaign.group_index(&u.group).is_none())
        .map(|u| unknown_group(campaign, u, &metrics.file))
        .collect();
    if bad.is_empty() {
        Ok(())
    } else {
        bail!(Text::join(bad, "\n"))
    }
}

fn unknown_group(c: &Campaign, unit: &UnitRow, file: &str) -> Text {
    let known: Vec<&str> = c.groups.iter().map(|g| g.id.as_str()).collect();
    crate::msg!(
        UnitUnknownGroup,
        file,
        unit.line,
        unit.id,
        unit.group,
        c.file,
        suggestion(&unit.group, &known)
    )
}

/// The share of a criterion's points its value earns, before clamping.
pub fn fraction(scoring: &Scoring, v: f64) -> f64 {
    match scoring {
        Scoring::Proportional => v,
        Scoring::Linear { zero_at, full_at } => (v - zero_at) / (full_at - zero_at),
        Scoring::Steps { dir, steps } => steps
            .iter()
            .find(|s| match dir {
                StepDir::Min => v >= s.threshold,
                StepDir::Max => v <= s.threshold,
            })
            .map_or(0.0, |s| s.fraction),
        Scoring::Formula { .. } => unreachable!("formulas compute points directly"),
    }
}

#[cfg(test)]
mod tests;

//! Binds expression names to columns of the row a unit is scored on: the data
//! file's metrics first, then the baseline's for `prev.<metric>`, so a
//! criterion can reward improvement since the baseline ("compared with before
//! the campaign", as the plan puts it).

use std::borrow::Cow;
use std::collections::HashMap;

use anyhow::{Result, anyhow};
use indexmap::IndexMap;

use crate::campaign::{Campaign, Scoring, TieBreak};
use crate::expr::{Expr, Overflow};
use crate::i18n::Text;
use crate::metrics::{Metrics, UnitRow};
use crate::problem::{Problem, Problems, ProblemsError};
use crate::yaml::Pos;

/// Names starting with this read the baseline's metric of the same name.
pub const PREV: &str = "prev.";

/// An expression with each name resolved to a column of the scored row.
#[derive(Debug, Clone)]
pub(super) struct Bound<'c> {
    pub expr: &'c Expr,
    pub slots: Vec<usize>,
}

impl Bound<'_> {
    /// `Ok(None)` when undefined (a blank cell, a division by zero); an error
    /// naming `what` (the criterion, penalty, gate or rule, made only then),
    /// the expression and the values it read when its arithmetic overflows.
    pub fn eval(
        &self,
        row: &[Option<f64>],
        what: impl FnOnce() -> Text,
    ) -> Result<Option<f64>, Text> {
        self.expr.eval(row, &self.slots).map_err(|Overflow| {
            let read: Vec<String> = self
                .expr
                .names()
                .iter()
                .zip(&self.slots)
                .filter_map(|(n, &s)| row.get(s).copied().flatten().map(|x| (n, x)))
                .map(|(n, x)| format!("{n} = {}", shown(x)))
                .collect();
            crate::msg!(FormulaOverflow, what(), self.expr.source(), read.join(", "))
        })
    }
}

/// A value in an overflow message: huge and tiny ones as `1e308`, not as
/// 309 digits.
pub(super) fn shown(x: f64) -> String {
    if x != 0.0 && !(1e-6..1e15).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// The baseline `prev.` names read from, with its units indexed by id.
pub(super) struct Prev<'b> {
    metrics: &'b Metrics,
    index: HashMap<&'b str, usize>,
}

impl<'b> Prev<'b> {
    pub fn new(metrics: &'b Metrics) -> Prev<'b> {
        let index = metrics
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.as_str(), i))
            .collect();
        Prev { metrics, index }
    }

    /// The unit's row followed by its baseline metrics (all undefined when the
    /// baseline does not have the unit).
    pub fn extend<'r>(&self, unit: &'r UnitRow) -> Cow<'r, [Option<f64>]> {
        let mut row = Vec::with_capacity(unit.values.len() + self.metrics.names.len());
        row.extend_from_slice(&unit.values);
        match self.index.get(unit.id.as_str()) {
            Some(&i) => row.extend_from_slice(&self.metrics.units[i].values),
            None => row.resize(row.len() + self.metrics.names.len(), None),
        }
        Cow::Owned(row)
    }
}

/// Resolves names against one data file and, for `prev.`, its baseline.
pub(super) struct Binder<'a> {
    pub campaign: &'a Campaign,
    pub metrics: &'a Metrics,
    pub baseline: Option<&'a Metrics>,
}

impl Binder<'_> {
    /// Binds every name of `expr`; `what` and `line` say where it was written.
    /// A name that is not a column is reported with every other column the
    /// campaign reads and the data lacks, against the data file.
    pub fn bind<'c>(&self, expr: &'c Expr, what: &Text, line: Pos) -> Result<Bound<'c>> {
        let slots = expr
            .names()
            .iter()
            .map(|n| match n.strip_prefix(PREV) {
                Some(m) => self.prev_slot(n, m, what, line),
                None => self.slot(n),
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Bound { expr, slots })
    }

    fn slot(&self, name: &str) -> Result<usize> {
        let at = self.metrics.names.iter().position(|k| k == name);
        at.ok_or_else(|| self.missing_columns().into())
    }

    /// Baseline columns come after the data file's in the scored row.
    fn prev_slot(&self, name: &str, metric: &str, what: &Text, line: Pos) -> Result<usize> {
        let Some(b) = self.baseline else {
            let m = crate::msg!(BaselineMissing, what, name);
            return Err(anyhow!(Problem::line(&self.campaign.file, line.line(), m)));
        };
        let at = b.names.iter().position(|k| k == metric);
        let at = at.ok_or_else(|| anyhow::Error::from(self.missing_columns()))?;
        Ok(self.metrics.names.len() + at)
    }

    /// Every column the campaign reads that its file lacks (the data file, or
    /// the baseline for `prev.` names): one problem per column, against that
    /// file, with what needs it (campaign file:line) and the closest header.
    fn missing_columns(&self) -> ProblemsError {
        // The baseline read from another period of the data file has its header.
        let same = self
            .baseline
            .is_some_and(|b| b.file == self.metrics.file && b.names == self.metrics.names);
        // (in the baseline, column) → where the campaign reads it, in order.
        let mut need: IndexMap<(bool, &str), Vec<Text>> = IndexMap::new();
        for (expr, what, line) in self.expressions() {
            for n in expr.names() {
                let (m, name, baseline) = match n.strip_prefix(PREV) {
                    None => (self.metrics, n.as_str(), false),
                    Some(m) => match self.baseline {
                        Some(b) => (b, m, !same),
                        None => continue,
                    },
                };
                if m.names.iter().any(|k| k == name) {
                    continue;
                }
                let quoted = if n.starts_with(PREV) {
                    crate::msg!(AsPrev, what, n)
                } else {
                    what.clone()
                };
                let place = crate::msg!(UsedAt, quoted, self.campaign.file, line);
                let users = need.entry((baseline, name)).or_default();
                if !users.contains(&place) {
                    users.push(place);
                }
            }
        }
        let mut problems = Problems::new();
        for ((baseline, name), users) in need {
            let m = match self.baseline {
                Some(b) if baseline => b,
                _ => self.metrics,
            };
            let file = m.file.as_str();
            let close = match closest(name, &m.names) {
                Some(h) => crate::msg!(ClosestHeader, h),
                None => Text::default(),
            };
            let p = Problem::line(
                file,
                1,
                crate::msg!(ColumnMissingFor, name, Text::join(users, ", "), close),
            );
            problems.push(p.with_hint(crate::i18n::messages::Msg::HintRenameColumn));
        }
        ProblemsError(problems)
    }

    /// Every expression of the campaign, with what it is and its line.
    fn expressions(&self) -> Vec<(&Expr, Text, Pos)> {
        let c = self.campaign;
        let mut out = Vec::new();
        for cr in &c.criteria {
            let what = crate::msg!(CriterionCtx, cr.id);
            if let Some(v) = &cr.value {
                out.push((v, what.clone(), cr.line));
            }
            if let Scoring::Formula { expr, .. } = &cr.scoring {
                out.push((expr, what, cr.line));
            }
        }
        for p in &c.penalties {
            out.push((&p.count, crate::msg!(PenaltyCtx, p.id), p.line));
        }
        for g in &c.gates {
            out.push((&g.rule, crate::msg!(GateCtx, g.id), g.line));
        }
        for t in &c.tiebreak {
            if let TieBreak::Rule { name, rule, at } = t {
                out.push((rule, crate::msg!(TiebreakRuleNamed, name), *at));
            }
        }
        out
    }
}

/// The header closest to `name` (same letters in another case first), when
/// close enough to be a misspelling of it.
fn closest<'h>(name: &str, headers: &'h [String]) -> Option<&'h str> {
    if let Some(h) = headers.iter().find(|h| h.eq_ignore_ascii_case(name)) {
        return Some(h);
    }
    headers
        .iter()
        .map(|h| (strsim::damerau_levenshtein(name, h), h.as_str()))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= name.len().max(3) / 2 + 1)
        .map(|(_, h)| h)
}

//! Binds expression names to columns of the row a unit is scored on: the data
//! file's metrics first, then the baseline's for `prev.<metric>`, so a
//! criterion can reward improvement since the baseline ("compared with before
//! the campaign", as the plan puts it).

use std::borrow::Cow;
use std::collections::HashMap;

use anyhow::{Result, anyhow};

use crate::campaign::{Campaign, suggestion};
use crate::expr::Expr;
use crate::metrics::{Metrics, UnitRow};

/// Names starting with this read the baseline's metric of the same name.
pub const PREV: &str = "prev.";

/// An expression with each name resolved to a column of the scored row.
#[derive(Debug, Clone)]
pub(super) struct Bound<'c> {
    pub expr: &'c Expr,
    pub slots: Vec<usize>,
}

impl Bound<'_> {
    pub fn eval(&self, row: &[Option<f64>]) -> Option<f64> {
        self.expr.eval(row, &self.slots)
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
    pub fn bind<'c>(&self, expr: &'c Expr, what: &str, line: usize) -> Result<Bound<'c>> {
        let slots = expr
            .names()
            .iter()
            .map(|n| match n.strip_prefix(PREV) {
                Some(m) => self.prev_slot(n, m, what, line),
                None => self.slot(n, what, line),
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Bound { expr, slots })
    }

    fn slot(&self, name: &str, what: &str, line: usize) -> Result<usize> {
        let known: Vec<&str> = self.metrics.names.iter().map(String::as_str).collect();
        known.iter().position(|k| *k == name).ok_or_else(|| {
            anyhow!(
                "{}:{line}: {what}: unknown metric `{name}` (not a column of {}){}",
                self.campaign.file,
                self.metrics.file,
                suggestion(name, &known)
            )
        })
    }

    /// Baseline columns come after the data file's in the scored row.
    fn prev_slot(&self, name: &str, metric: &str, what: &str, line: usize) -> Result<usize> {
        let Some(b) = self.baseline else {
            return Err(anyhow!(
                "{}:{line}: {what}: `{name}` reads the baseline, but none was given; add --baseline FILE or --baseline-period P",
                self.campaign.file
            ));
        };
        let known: Vec<String> = b.names.iter().map(|n| format!("{PREV}{n}")).collect();
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        let at = b.names.iter().position(|k| k == metric).ok_or_else(|| {
            anyhow!(
                "{}:{line}: {what}: unknown metric `{name}` (`{metric}` is not a column of the baseline {}){}",
                self.campaign.file,
                b.file,
                suggestion(name, &known)
            )
        })?;
        Ok(self.metrics.names.len() + at)
    }
}

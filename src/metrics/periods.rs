//! Choosing periods and summing them per unit. A blank cell stays blank: a
//! metric blank in any summed period is missing for the unit (never summed as
//! 0), and a notice says which unit, metric and period.

use std::collections::HashMap;

use anyhow::{Result, bail};

use super::UnitRow;
use crate::i18n::Text;
use crate::period::{Period, PeriodSel};
use crate::problem::{Problem, Problems};

/// Why the periods of a file cannot be used as asked. The library says what
/// is wrong with the data; `cmd` names the flag that fixes it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PeriodError {
    #[error("{}", crate::msg!(PeriodsSeveralBare, file, periods.len(), periods.join(", ")))]
    Several { file: String, periods: Vec<String> },
    #[error("{}", crate::msg!(PeriodNoColumnBare, file))]
    NoColumn { file: String },
}

impl PeriodError {
    /// The message with the flag that chooses periods, e.g. `--baseline-period`.
    pub fn with_flag(&self, flag: &str) -> Text {
        match self {
            PeriodError::Several { file, periods } => crate::msg!(
                PeriodsSeveral,
                file,
                periods.len(),
                periods.join(", "),
                flag
            ),
            PeriodError::NoColumn { file } => {
                crate::msg!(PeriodNoColumn, file, flag)
            }
        }
    }
}

/// (unit, metric) → the summed rows where its cell was blank: (line, period).
type Blanks = HashMap<(usize, usize), Vec<(u64, Period)>>;

/// A row as read: the unit's values, its period, and that period as written.
pub(super) struct Read {
    pub row: UnitRow,
    pub period: Option<Period>,
    pub text: String,
}

/// What the sum gives: one row per unit, the periods used, blank notices.
pub(super) struct Summed {
    pub units: Vec<UnitRow>,
    pub periods: Vec<String>,
    pub notices: Problems,
}

/// Keeps the rows of the chosen periods and sums each unit's counts, so every
/// rate is later a ratio of sums, never a mean of ratios. `columns[m]` is the
/// file column (0-based) of metric `m`, `names[m]` its name.
pub(super) fn select_and_sum(
    rows: Vec<Read>,
    file: &str,
    sel: Option<&PeriodSel>,
    names: &[String],
    columns: &[usize],
) -> Result<Summed> {
    let mut all_periods: Vec<(Period, String)> = Vec::new();
    for r in &rows {
        if let Some(p) = r.period
            && !all_periods.iter().any(|(q, _)| *q == p)
        {
            all_periods.push((p, r.text.clone()));
        }
    }
    all_periods.sort();
    let sel = match sel {
        Some(s) => Some(*s),
        None if all_periods.len() > 1 => {
            return Err(PeriodError::Several {
                file: file.to_string(),
                periods: all_periods.into_iter().map(|(_, t)| t).collect(),
            }
            .into());
        }
        None => None,
    };
    let mut units: Vec<UnitRow> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    let mut spans: Vec<Vec<(Period, u64)>> = Vec::new();
    let mut blanks: Blanks = HashMap::new();
    let mut used: Vec<String> = Vec::new();
    for Read { row, period, text } in rows {
        if let (Some(s), Some(p)) = (sel, period)
            && !s.contains(p)
        {
            continue;
        }
        if period.is_some() && !used.contains(&text) {
            used.push(text);
        }
        let blank: Vec<usize> = match period {
            Some(_) => (0..row.values.len())
                .filter(|&m| row.values[m].is_none())
                .collect(),
            None => Vec::new(),
        };
        let line = row.line;
        let i = match index.get(&row.id).copied() {
            None => {
                index.insert(row.id.clone(), units.len());
                spans.push(period.map(|p| vec![(p, row.line)]).unwrap_or_default());
                units.push(row);
                units.len() - 1
            }
            Some(i) => {
                let first = &units[i];
                let Some(p) = period else {
                    bail!(crate::msg!(UnitTwice, file, row.line, row.id, first.line));
                };
                if let Some((q, l)) = spans[i].iter().find(|(q, _)| q.overlaps(p)) {
                    if *q == p {
                        bail!(crate::msg!(UnitTwicePeriod, file, row.line, row.id, p, l));
                    }
                    bail!(crate::msg!(UnitOverlap, file, row.line, row.id, p, l));
                }
                if first.group != row.group {
                    bail!(crate::msg!(
                        UnitTwoGroups,
                        file,
                        row.line,
                        row.id,
                        row.group,
                        first.group,
                        first.line
                    ));
                }
                spans[i].push((p, row.line));
                for (acc, v) in units[i].values.iter_mut().zip(&row.values) {
                    *acc = add(*acc, *v);
                }
                i
            }
        };
        if let Some(p) = period {
            for m in blank {
                blanks.entry((i, m)).or_default().push((line, p));
            }
        }
    }
    if units.is_empty() {
        let have: Vec<&str> = all_periods.iter().map(|(_, t)| t.as_str()).collect();
        let s = sel.map(|s| s.to_string()).unwrap_or_default();
        bail!(crate::msg!(NoRowsForPeriod, file, s, have.join(", ")));
    }
    used.sort_by_key(|t| Period::parse(t).ok());
    let notices = blank_notices(blanks, &units, &spans, file, names, columns);
    Ok(Summed {
        units,
        periods: used,
        notices,
    })
}

/// One notice per unit and metric blank in some summed periods but given in
/// others: the sum would have been a number, so saying nothing would hide it.
fn blank_notices(
    blanks: Blanks,
    units: &[UnitRow],
    spans: &[Vec<(Period, u64)>],
    file: &str,
    names: &[String],
    columns: &[usize],
) -> Problems {
    let mut found: Vec<_> = blanks
        .into_iter()
        .filter(|((u, _), b)| b.len() < spans[*u].len())
        .collect();
    found.sort_by_key(|(k, b)| (b[0].0, k.1));
    let mut notices = Problems::new();
    for ((u, m), mut b) in found {
        let line = b[0].0;
        b.sort_by_key(|(_, p)| *p);
        let blank: Vec<String> = b.iter().map(|(_, p)| p.to_string()).collect();
        let mut given: Vec<Period> = spans[u]
            .iter()
            .map(|(p, _)| *p)
            .filter(|p| !b.iter().any(|(_, q)| q == p))
            .collect();
        given.sort();
        let given: Vec<String> = given.iter().map(Period::to_string).collect();
        let at = Problem::cell(file, line, columns[m] + 1, Text::default());
        notices.push(blank_notice(at, &units[u].id, &names[m], &blank, &given));
    }
    notices
}

/// One summand added to a sum: a blank on either side leaves the sum blank
/// (never 0). Periods of a unit and old units of a merger sum the same way.
pub fn add(sum: Option<f64>, value: Option<f64>) -> Option<f64> {
    match (sum, value) {
        (Some(a), Some(b)) => Some(a + b),
        _ => None,
    }
}

/// The notice for a metric of `unit` left missing because it is blank in the
/// summands named in `blank` (periods, or old units of a merger) but given in
/// those named in `given`; `at` says where (its message is replaced).
pub fn blank_notice(
    at: Problem,
    unit: &str,
    metric: &str,
    blank: &[String],
    given: &[String],
) -> Problem {
    Problem {
        message: crate::msg!(
            BlankNotice,
            unit,
            metric,
            blank.join(", "),
            given.join(", ")
        ),
        ..at
    }
    .with_hint(crate::i18n::messages::Msg::HintBlankNotice)
}

//! Several exports become one metrics table: rows are joined by unit id (and
//! period), each metric may come from one file only unless `--sum` adds them,
//! groups are resolved or inferred, and parts are checked against wholes.

use std::collections::HashMap;

use anyhow::{Result, bail};

use super::aliases::Aliases;
use super::groups::GroupNames;
use super::table::{Row, Table};
use crate::i18n::Text;
use crate::metrics::PARTS;
use crate::problem::Problem;

#[derive(Debug, Clone, Copy)]
struct Origin {
    table: usize,
    line: u64,
    column: usize,
}

#[derive(Debug)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub group: String,
    pub period: Option<String>,
    /// One per metric of [`Merged::metrics`].
    pub values: Vec<Option<f64>>,
}

#[derive(Debug)]
pub struct Reject {
    pub problem: Problem,
    pub cells: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Merged {
    pub metrics: Vec<String>,
    pub has_period: bool,
    pub units: Vec<Unit>,
    pub rejects: Vec<Reject>,
    pub notices: Vec<Text>,
}

struct Building {
    id: String,
    name: String,
    period: Option<String>,
    group: Option<(usize, Origin)>,
    values: HashMap<String, (f64, Origin)>,
    rows: Vec<(usize, usize)>,
    problems: Vec<Problem>,
}

pub struct Merger<'a> {
    pub groups: &'a GroupNames,
    pub aliases: &'a Aliases,
    pub sum: bool,
}

impl Merger<'_> {
    pub fn merge(&self, mut tables: Vec<Table>) -> Result<Merged> {
        let has_period = period_columns_agree(&tables)?;
        let mut units: Vec<Building> = Vec::new();
        let mut index: HashMap<(String, Option<String>), usize> = HashMap::new();
        for t in 0..tables.len() {
            for r in 0..tables[t].rows.len() {
                if !tables[t].rows[r].problems.is_empty() {
                    continue;
                }
                let key = (
                    tables[t].rows[r].id.clone(),
                    tables[t].rows[r].period.clone(),
                );
                let found = index.get(&key).copied();
                let problems = self.add_row(&tables, t, r, found, &mut units);
                if problems.is_empty() && found.is_none() {
                    index.insert(key, units.len() - 1);
                }
                tables[t].rows[r].problems.extend(problems);
            }
        }
        let mut notices: Vec<Text> = tables
            .iter_mut()
            .flat_map(|t| t.notices.drain(..))
            .collect();
        for u in &mut units {
            self.settle_group(u, &tables, &mut notices);
            check_parts(u, &tables);
        }
        Ok(self.finish(tables, units, has_period, notices))
    }

    /// Adds one row to its unit, or returns why it cannot be added.
    fn add_row(
        &self,
        tables: &[Table],
        t: usize,
        r: usize,
        found: Option<usize>,
        units: &mut Vec<Building>,
    ) -> Vec<Problem> {
        let table = &tables[t];
        let row = &table.rows[r];
        let at = |column: Option<usize>, message: Text| Problem {
            column,
            ..Problem::line(&table.file, row.line, message)
        };
        let mut problems = Vec::new();
        let group = match &row.group {
            None => None,
            Some((text, col)) => match self.groups.from_cell(text) {
                Some(g) => Some((
                    g,
                    Origin {
                        table: t,
                        line: row.line,
                        column: *col,
                    },
                )),
                None => {
                    problems.push(at(
                        Some(*col),
                        crate::msg!(UnknownGroupCell, text, self.groups.known()),
                    ));
                    None
                }
            },
        };
        let Some(u) = found else {
            if problems.is_empty() {
                units.push(new_unit(row, t, r, group, table));
            }
            return problems;
        };
        let unit = &mut units[u];
        if let Some(&(ft, fr)) = unit.rows.iter().find(|(ft, _)| *ft == t) {
            let first = tables[ft].rows[fr].line;
            problems.push(at(None, crate::msg!(DuplicateUnitAt, row.id, first)));
            return problems;
        }
        if let (Some((g, _)), Some((had, o))) = (group, unit.group)
            && g != had
        {
            problems.push(at(
                row.group.as_ref().map(|(_, c)| *c),
                crate::msg!(
                    UnitGroupDiffers,
                    row.id,
                    self.groups.id(g),
                    self.groups.id(had),
                    place(tables, o)
                ),
            ));
        }
        for (m, _, col) in &row.values {
            let metric = &table.metrics[*m];
            if let (false, Some((_, o))) = (self.sum, unit.values.get(metric)) {
                problems.push(at(
                    Some(*col),
                    crate::msg!(MetricTwice, metric, row.id, place(tables, *o)),
                ));
            }
        }
        if problems.is_empty() {
            merge_into(unit, row, t, r, group, table);
        }
        problems
    }

    fn settle_group(&self, u: &mut Building, tables: &[Table], notices: &mut Vec<Text>) {
        if u.group.is_some() {
            return;
        }
        let (t, r) = u.rows[0];
        let (file, line) = (&tables[t].file, tables[t].rows[r].line);
        match self.groups.from_name(&u.name) {
            Some((g, alias)) => {
                let group = self.groups.id(g);
                notices.push(crate::msg!(
                    UnitGroupFromName,
                    file,
                    line,
                    u.id,
                    group,
                    alias
                ));
                u.group = Some((
                    g,
                    Origin {
                        table: t,
                        line,
                        column: 0,
                    },
                ));
            }
            None => u.problems.push(Problem::line(
                file,
                line,
                crate::msg!(GroupFromNameTable, u.id, u.name, self.groups.known()),
            )),
        }
    }

    fn finish(
        &self,
        tables: Vec<Table>,
        units: Vec<Building>,
        has_period: bool,
        notices: Vec<Text>,
    ) -> Merged {
        let metrics = metric_order(&tables, self.aliases);
        let mut merged = Merged {
            metrics,
            has_period,
            notices,
            ..Merged::default()
        };
        for u in units {
            if !u.problems.is_empty() {
                for &(t, r) in &u.rows {
                    for p in &u.problems {
                        merged.rejects.push(reject(p.clone(), &tables[t].rows[r]));
                    }
                }
                continue;
            }
            let values = merged
                .metrics
                .iter()
                .map(|m| u.values.get(m).map(|v| v.0))
                .collect();
            let group = self.groups.id(u.group.expect("settled").0).to_string();
            merged.units.push(Unit {
                id: u.id,
                name: u.name,
                group,
                period: u.period,
                values,
            });
        }
        for row in tables.iter().flat_map(|t| &t.rows) {
            merged
                .rejects
                .extend(row.problems.iter().map(|p| reject(p.clone(), row)));
        }
        merged.rejects.sort_by(|a, b| a.problem.cmp(&b.problem));
        merged
    }
}

fn new_unit(
    row: &Row,
    t: usize,
    r: usize,
    group: Option<(usize, Origin)>,
    table: &Table,
) -> Building {
    let mut u = Building {
        id: row.id.clone(),
        name: row.name.clone(),
        period: row.period.clone(),
        group: None,
        values: HashMap::new(),
        rows: Vec::new(),
        problems: Vec::new(),
    };
    merge_into(&mut u, row, t, r, group, table);
    u
}

fn merge_into(
    u: &mut Building,
    row: &Row,
    t: usize,
    r: usize,
    group: Option<(usize, Origin)>,
    table: &Table,
) {
    u.rows.push((t, r));
    if u.group.is_none() {
        u.group = group;
    }
    for (m, x, column) in &row.values {
        let origin = Origin {
            table: t,
            line: row.line,
            column: *column,
        };
        u.values
            .entry(table.metrics[*m].clone())
            .and_modify(|(sum, _)| *sum += x)
            .or_insert((*x, origin));
    }
}

fn check_parts(u: &mut Building, tables: &[Table]) {
    for (parts, whole) in PARTS {
        let Some(&(w, _)) = u.values.get(*whole) else {
            continue;
        };
        let given: Vec<(&str, f64, Origin)> = parts
            .iter()
            .filter_map(|p| u.values.get(*p).map(|(x, o)| (*p, *x, *o)))
            .collect();
        let total: f64 = given.iter().map(|g| g.1).sum();
        if given.is_empty() || total <= w {
            continue;
        }
        let o = given[0].2;
        let names: Vec<&str> = given.iter().map(|g| g.0).collect();
        u.problems.push(Problem::cell(
            &tables[o.table].file,
            o.line,
            o.column,
            crate::msg!(PartOverWhole, u.id, names.join(" + "), total, whole, w),
        ));
    }
}

fn period_columns_agree(tables: &[Table]) -> Result<bool> {
    let with: Vec<&str> = tables
        .iter()
        .filter(|t| t.has_period)
        .map(|t| t.file.as_str())
        .collect();
    let without: Vec<&str> = tables
        .iter()
        .filter(|t| !t.has_period)
        .map(|t| t.file.as_str())
        .collect();
    if !with.is_empty() && !without.is_empty() {
        bail!(crate::msg!(PeriodColumnOnlyIn, with[0], without[0]));
    }
    Ok(!with.is_empty())
}

/// The vocabulary's metrics in SPEC order, then the others as first seen.
fn metric_order(tables: &[Table], aliases: &Aliases) -> Vec<String> {
    let present = |m: &String| tables.iter().any(|t| t.metrics.contains(m));
    let mut order: Vec<String> = aliases
        .vocabulary()
        .iter()
        .filter(|m| present(m))
        .cloned()
        .collect();
    for m in tables.iter().flat_map(|t| &t.metrics) {
        if !order.contains(m) {
            order.push(m.clone());
        }
    }
    order
}

fn place(tables: &[Table], o: Origin) -> String {
    match o.column {
        0 => format!("{}:{}", tables[o.table].file, o.line),
        c => format!("{}:{}:{c}", tables[o.table].file, o.line),
    }
}

fn reject(problem: Problem, row: &Row) -> Reject {
    Reject {
        problem,
        cells: row.cells.clone(),
    }
}

//! One unit-level export read into rows: header found, columns named, every
//! cell parsed; problems are attached to their row so `--keep-going` can set
//! exactly those rows aside.

use anyhow::{Result, bail};

use super::aliases::Aliases;
use super::decode::{self, Layout};
use super::number::{self, Locale};
use super::text::{slug, starts_with_words, unit_slug, words};
use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::problem::Problem;
use crate::record::{Record, RecordReader};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    UnitId,
    UnitName,
    Group,
    Period,
    RowNumber,
    Metric(usize),
    Ignored,
}

#[derive(Debug)]
pub struct Table {
    pub file: String,
    /// Metric names of this file's metric columns.
    pub metrics: Vec<String>,
    pub has_group: bool,
    pub has_period: bool,
    /// Column (1-based) of each metrics-CSV column this table gives:
    /// `unit_id`, `unit_name`, `group`, `period` and the metric names.
    pub columns: Vec<(String, usize)>,
    pub rows: Vec<Row>,
    /// Dropped rows, kept columns: things the user should know.
    pub notices: Vec<Text>,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub id: String,
    pub name: String,
    /// The group cell as written, and its column.
    pub group: Option<(String, usize)>,
    pub period: Option<String>,
    /// (index into `Table::metrics`, value, column).
    pub values: Vec<(usize, f64, usize)>,
    pub cells: Vec<String>,
    pub problems: Vec<Problem>,
}

enum Outcome {
    Keep(Box<Row>),
    Drop(Text),
}

pub struct Reading<'a> {
    pub aliases: &'a Aliases,
    pub locale: Locale,
    pub delimiter: Option<u8>,
}

impl Reading<'_> {
    pub fn table(&self, bytes: &[u8], file: &str) -> Result<Table> {
        let text = decode::decode(bytes, file)?;
        let layout = decode::find_header(&text, self.delimiter, file, |c| {
            self.aliases.table_id_in(c, false).is_some()
        })?;
        let (roles, metrics, mut notices) = self.roles(&layout, file)?;
        let has = |r: Role| roles.contains(&r);
        if !has(Role::UnitId) && !has(Role::UnitName) {
            bail!(crate::msg!(NoUnitColumn, file, layout.header_line));
        }
        let columns = columns_of(&roles, &metrics);
        let mut table = Table {
            file: file.to_string(),
            metrics,
            has_group: has(Role::Group),
            has_period: has(Role::Period),
            columns,
            rows: Vec::new(),
            notices: Vec::new(),
        };
        let body = &text.as_bytes()[layout.data_offset as usize..];
        let mut rdr = RecordReader::new(body, layout.delimiter, layout.data_line);
        let mut rec = Record::new();
        while let Some(start) = rdr.next(&mut rec)? {
            let line = start.line;
            let cells: Vec<String> = rec
                .iter()
                .map(|c| String::from_utf8_lossy(c).trim().to_string())
                .collect();
            match self.row(&roles, &table, cells, line) {
                Outcome::Keep(row) => table.rows.push(*row),
                Outcome::Drop(why) => notices.push(Text::raw(format!("{file}:{line}: ")) + why),
            }
        }
        table.notices = notices;
        Ok(table)
    }

    /// What each column is; unknown labels become metrics under their slug.
    fn roles(&self, layout: &Layout, file: &str) -> Result<(Vec<Role>, Vec<String>, Vec<Text>)> {
        let mut roles = Vec::new();
        let mut metrics: Vec<String> = Vec::new();
        let mut notices = Vec::new();
        let mut seen: Vec<(String, usize)> = Vec::new();
        let portal = layout
            .header
            .iter()
            .any(|l| self.aliases.is_portal_label(l));
        for (c, label) in layout.header.iter().enumerate() {
            let (id, role) = match self.aliases.table_id_in(label, portal) {
                Some(id) => (id.to_string(), field_role(id)),
                None if words(label).is_empty() => (String::new(), Some(Role::Ignored)),
                None => {
                    let s = slug(label);
                    let line = layout.header_line;
                    notices.push(crate::msg!(ColumnKeptAs, file, line, c + 1, label, s));
                    (s, None)
                }
            };
            if let Some((_, first)) = seen.iter().find(|(s, _)| !id.is_empty() && *s == id) {
                let line = layout.header_line;
                bail!(crate::msg!(
                    ColumnSameMeaning,
                    file,
                    line,
                    c + 1,
                    label,
                    id,
                    first
                ));
            }
            seen.push((id.clone(), c + 1));
            roles.push(role.unwrap_or_else(|| {
                metrics.push(id);
                Role::Metric(metrics.len() - 1)
            }));
        }
        Ok((roles, metrics, notices))
    }

    fn row(&self, roles: &[Role], table: &Table, cells: Vec<String>, line: u64) -> Outcome {
        let cell = |want: Role| {
            roles
                .iter()
                .position(|r| *r == want)
                .and_then(|c| cells.get(c))
                .map_or("", String::as_str)
        };
        if cells.iter().all(String::is_empty) {
            return Outcome::Drop(Msg::BlankRowDropped.into());
        }
        let (id, name) = (cell(Role::UnitId), cell(Role::UnitName));
        let label = [name, id, first_text(&cells, roles)]
            .into_iter()
            .find(|s| !s.is_empty())
            .unwrap_or("");
        if (id.is_empty() || is_total(id)) && is_total(label) {
            return Outcome::Drop(crate::msg!(TotalRowDropped, label));
        }
        let mut row = Row {
            line,
            id: if id.is_empty() {
                unit_slug(name)
            } else {
                id.to_string()
            },
            name: if name.is_empty() {
                id.to_string()
            } else {
                name.to_string()
            },
            group: None,
            period: None,
            values: Vec::new(),
            cells: cells.clone(),
            problems: Vec::new(),
        };
        if let Some((c, text)) = past_header(&cells, roles.len()) {
            let msg = crate::msg!(CellsPastHeader, cells.len(), roles.len(), text);
            row.problems
                .push(self.problem(table, line, Some(c + 1), msg));
        }
        if row.id.is_empty() {
            row.problems
                .push(self.problem(table, line, None, Msg::RowNoUnit.into()));
        }
        for (c, role) in roles.iter().enumerate() {
            let text = cells.get(c).map_or("", String::as_str);
            match role {
                Role::Group if !text.is_empty() => row.group = Some((text.to_string(), c + 1)),
                Role::Period if !text.is_empty() => {
                    if let Err(e) = crate::period::Period::parse(text) {
                        row.problems.push(self.problem(table, line, Some(c + 1), e));
                    }
                    row.period = Some(text.to_string());
                }
                Role::Metric(m) => self.value(table, &mut row, *m, c, text),
                _ => {}
            }
        }
        Outcome::Keep(Box::new(row))
    }

    fn value(&self, table: &Table, row: &mut Row, m: usize, c: usize, text: &str) {
        let metric = &table.metrics[m];
        let checked = number::parse(text, self.locale).and_then(|v| match v {
            Some(x) if self.aliases.is_count(metric) => count(x, text).map(Some),
            v => Ok(v),
        });
        match checked {
            Ok(Some(x)) => row.values.push((m, x, c + 1)),
            Ok(None) => {}
            Err(e) => {
                let m = Text::raw(format!("{metric}: ")) + e;
                let p = self.problem(table, row.line, Some(c + 1), m);
                row.problems.push(p);
            }
        }
    }

    fn problem(&self, table: &Table, line: u64, column: Option<usize>, message: Text) -> Problem {
        Problem {
            column,
            ..Problem::line(&table.file, line, message)
        }
    }
}

/// Where each metrics-CSV column comes from in this table.
fn columns_of(roles: &[Role], metrics: &[String]) -> Vec<(String, usize)> {
    roles
        .iter()
        .enumerate()
        .filter_map(|(c, r)| {
            let name = match r {
                Role::UnitId => "unit_id",
                Role::UnitName => "unit_name",
                Role::Group => "group",
                Role::Period => "period",
                Role::Metric(m) => metrics[*m].as_str(),
                Role::RowNumber | Role::Ignored => return None,
            };
            Some((name.to_string(), c + 1))
        })
        .collect()
}

fn field_role(id: &str) -> Option<Role> {
    Some(match id {
        "unit_id" => Role::UnitId,
        "unit_name" => Role::UnitName,
        "group" => Role::Group,
        "period" => Role::Period,
        "row_number" => Role::RowNumber,
        _ => return None,
    })
}

/// Counts of dossiers are whole and never negative.
fn count(x: f64, text: &str) -> Result<f64, Text> {
    if x < 0.0 {
        Err(crate::msg!(NegativeCount, text))
    } else if x.fract() != 0.0 {
        Err(crate::msg!(NotWholeCount, text))
    } else {
        Ok(x)
    }
}

/// The first non-empty cell past the header's last column: a row may be
/// longer than the header only by empty cells, or a value would be dropped.
pub fn past_header(cells: &[String], width: usize) -> Option<(usize, &str)> {
    cells
        .iter()
        .enumerate()
        .skip(width)
        .find(|(_, c)| !c.is_empty())
        .map(|(i, c)| (i, c.as_str()))
}

/// "Tổng cộng", "Cộng", "Tổng" (and "Tổng số …") rows sum the units above.
fn is_total(label: &str) -> bool {
    let w = words(label);
    ["tong", "cong"].iter().any(|t| starts_with_words(&w, t))
}

/// The first non-empty text cell outside metric columns, where exports
/// without a name column write "Tổng cộng".
fn first_text<'a>(cells: &'a [String], roles: &[Role]) -> &'a str {
    cells
        .iter()
        .zip(roles)
        .find(|(c, r)| !c.is_empty() && !matches!(r, Role::Metric(_)))
        .map_or("", |(c, _)| c.as_str())
}

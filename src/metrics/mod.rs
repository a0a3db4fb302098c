//! The metrics CSV (SPEC 3.1) read into checked rows: one per unit, periods
//! already summed, every value a non-negative number or missing. Scoring only
//! ever sees this shape.

mod cell;
mod periods;

use std::io::Read;

use anyhow::{Result, anyhow, bail};

use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::period::{Period, PeriodSel};
use crate::problem::{Problem, Problems};
use crate::record::{Record, Rows};
pub use cell::{BadCell, COUNTS, EXACT_LIMIT, is_count, parse as parse_cell};
pub use periods::{PeriodError, add as add_summand, blank_notice};
use periods::{Read as PeriodRow, select_and_sum};

pub const REQUIRED: [&str; 3] = ["unit_id", "unit_name", "group"];

/// Counts that are parts of another count in the recommended vocabulary: the
/// parts may never add up to more than the whole.
pub const PARTS: &[(&[&str], &str)] = &[
    (&["truoc_han", "dung_han", "tre_han"], "da_giai_quyet"),
    (&["tiep_nhan_truc_tuyen"], "tiep_nhan"),
    (&["tiep_nhan_bcci"], "tiep_nhan"),
    (&["so_hoa_ho_so"], "tiep_nhan"),
    (&["so_hoa_ket_qua"], "da_giai_quyet"),
    (&["tra_kq_bcci"], "da_giai_quyet"),
    (&["dang_qua_han"], "dang_giai_quyet"),
    (&["thanh_toan_truc_tuyen"], "phai_thanh_toan"),
    (&["hai_long"], "danh_gia"),
    (&["pakn_dung_han"], "pakn"),
];

#[derive(Debug, Clone)]
pub struct Metrics {
    /// Where the data came from, for messages.
    pub file: String,
    /// Metric column names, in file order.
    pub names: Vec<String>,
    pub units: Vec<UnitRow>,
    /// The periods that were summed, as written (empty without a period column).
    pub periods: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct UnitRow {
    pub id: String,
    pub name: String,
    pub group: String,
    /// Line of the unit's first row in the file.
    pub line: u64,
    /// One per metric name; `None` = missing.
    pub values: Vec<Option<f64>>,
}

impl Metrics {
    pub fn metric_index(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    pub fn unit_index(&self, id: &str) -> Option<usize> {
        self.units.iter().position(|u| u.id == id)
    }
}

struct Columns {
    unit_id: usize,
    unit_name: usize,
    group: usize,
    period: Option<usize>,
    /// (column in the file, metric index)
    metrics: Vec<(usize, usize)>,
    /// Part-of checks whose columns all exist: (part metric indices, whole index).
    parts: Vec<(Vec<usize>, usize)>,
}

/// Reads a metrics CSV. `file` names it in errors; `sel` chooses periods.
/// Notices (blanks left out of a sum) are dropped: see [`read_with_notices`].
pub fn read<R: Read>(input: R, file: &str, sel: Option<&PeriodSel>) -> Result<Metrics> {
    read_with_notices(input, file, sel).map(|(m, _)| m)
}

/// Reads a metrics CSV, with the notices a user should see: each metric left
/// missing because it is blank in some of the summed periods.
pub fn read_with_notices<R: Read>(
    input: R,
    file: &str,
    sel: Option<&PeriodSel>,
) -> Result<(Metrics, Problems)> {
    let read_err = |e: std::io::Error| {
        anyhow!(crate::msg!(CannotRead, file) + ": " + Text::raw(e.to_string()))
    };
    let Some(mut rdr) = Rows::open(input, b',', file).map_err(read_err)? else {
        bail!(crate::msg!(EmptyFileHeader, file, REQUIRED.join(", ")));
    };
    let (cols, names) = columns(&rdr.header, file)?;
    if sel.is_some() && cols.period.is_none() {
        return Err(PeriodError::NoColumn {
            file: file.to_string(),
        }
        .into());
    }
    let counts: Vec<bool> = names.iter().map(|n| is_count(n)).collect();
    let mut rows: Vec<PeriodRow> = Vec::new();
    let mut errors = Problems::new();
    let mut values = vec![None; names.len()];
    let mut rec = Record::new();
    while let Some(line) = rdr.next(&mut rec, |p| errors.push(p)).map_err(read_err)? {
        let field = |i: usize| rec.get(i).unwrap_or_default();
        let text = |i: usize| std::str::from_utf8(field(i)).map(str::trim);
        let (Ok(id), Ok(name), Ok(group)) =
            (text(cols.unit_id), text(cols.unit_name), text(cols.group))
        else {
            errors.push(Problem::line(file, line, Msg::LineNotUtf8));
            continue;
        };
        if id.is_empty() {
            errors.push(Problem::cell(
                file,
                line,
                cols.unit_id + 1,
                Msg::UnitIdEmpty,
            ));
            continue;
        }
        for (col, m) in &cols.metrics {
            values[*m] = match parse_cell(field(*col), counts[*m]) {
                Ok(v) => v,
                Err(e) => {
                    let msg = Text::raw(format!("{}: ", names[*m])) + e.message;
                    let p = Problem::cell(file, line, col + 1, msg);
                    errors.push(match e.hint {
                        Some(h) => p.with_hint(h),
                        None => p,
                    });
                    None
                }
            };
        }
        check_parts(&cols.parts, &names, &values, |msg| {
            errors.push(Problem::line(file, line, msg))
        });
        let period_text = cols
            .period
            .map(|c| String::from_utf8_lossy(field(c)).trim().to_string())
            .unwrap_or_default();
        let period = match cols.period {
            None => None,
            Some(c) => match Period::parse(&period_text) {
                Ok(p) => Some(p),
                Err(e) => {
                    errors.push(Problem::cell(file, line, c + 1, Text::from("period: ") + e));
                    continue;
                }
            },
        };
        let row = UnitRow {
            id: id.to_string(),
            name: name.to_string(),
            group: group.to_string(),
            line,
            values: values.clone(),
        };
        rows.push(PeriodRow {
            row,
            period,
            text: period_text,
        });
    }
    errors.finish()?;
    if rows.is_empty() {
        bail!(crate::msg!(NoUnits, file));
    }
    let columns: Vec<usize> = cols.metrics.iter().map(|(c, _)| *c).collect();
    let summed = select_and_sum(rows, file, sel, &names, &columns)?;
    let metrics = Metrics {
        file: file.to_string(),
        names,
        units: summed.units,
        periods: summed.periods,
    };
    Ok((metrics, summed.notices))
}

fn columns(header: &[Vec<u8>], file: &str) -> Result<(Columns, Vec<String>)> {
    if let [only] = header
        && let Some(d) = [b';', b'\t'].into_iter().find(|d| only.contains(d))
    {
        let name = if d == b';' {
            Text::from("`;`")
        } else {
            Msg::Tabs.into()
        };
        bail!(crate::msg!(SemicolonHeader, file, name));
    }
    let mut names: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let (mut unit_id, mut unit_name, mut group, mut period) = (None, None, None, None);
    let mut metrics = Vec::new();
    for (i, raw) in header.iter().enumerate() {
        let h = std::str::from_utf8(raw)
            .map_err(|_| anyhow!(crate::msg!(HeaderNotUtf8, file, i + 1)))?
            .trim_start_matches('\u{feff}')
            .trim();
        if seen.iter().any(|s| s == h) {
            bail!(Problem::cell(file, 1, i + 1, crate::msg!(ColumnTwice, h)));
        }
        seen.push(h.to_string());
        match h {
            "unit_id" => unit_id = Some(i),
            "unit_name" => unit_name = Some(i),
            "group" => group = Some(i),
            "period" => period = Some(i),
            _ if is_metric_name(h) => {
                metrics.push((i, names.len()));
                names.push(h.to_string());
            }
            _ => bail!(crate::msg!(NotMetricName, file, i + 1, h)),
        }
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .zip([unit_id, unit_name, group])
        .filter(|(_, c)| c.is_none())
        .map(|(n, _)| *n)
        .collect();
    if !missing.is_empty() {
        bail!(crate::msg!(MissingRequired, file, missing.join(", ")));
    }
    let parts = part_rules(&names);
    let cols = Columns {
        unit_id: unit_id.unwrap(),
        unit_name: unit_name.unwrap(),
        group: group.unwrap(),
        period,
        metrics,
        parts,
    };
    Ok((cols, names))
}

/// The [`PARTS`] rules whose columns all exist in `names`: (part metric
/// indices, whole index). The reader checks them on every row; what-if
/// searches (levers) stay inside them.
pub fn part_rules(names: &[String]) -> Vec<(Vec<usize>, usize)> {
    let idx = |n: &str| names.iter().position(|x| x == n);
    PARTS
        .iter()
        .filter_map(|(ps, w)| {
            Some((
                ps.iter().map(|p| idx(p)).collect::<Option<Vec<_>>>()?,
                idx(w)?,
            ))
        })
        .collect()
}

fn is_metric_name(h: &str) -> bool {
    let mut chars = h.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn check_parts(
    parts: &[(Vec<usize>, usize)],
    names: &[String],
    values: &[Option<f64>],
    mut report: impl FnMut(Text),
) {
    for (ps, whole) in parts {
        let Some(w) = values[*whole] else { continue };
        let sum: f64 = ps.iter().filter_map(|p| values[*p]).sum();
        if sum > w + 1e-9 {
            let lhs: Vec<&str> = ps.iter().map(|p| names[*p].as_str()).collect();
            report(crate::msg!(
                PartsExceedWhole,
                lhs.join(" + "),
                sum,
                names[*whole],
                w
            ));
        }
    }
}

#[cfg(test)]
mod tests;

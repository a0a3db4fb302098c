//! The metrics CSV (SPEC 3.1) read into checked rows: one per unit, periods
//! already summed, every value a non-negative number or missing. Scoring only
//! ever sees this shape.

use std::collections::HashMap;
use std::io::Read;

use anyhow::{Result, anyhow, bail};

use crate::period::{Period, PeriodSel};
use crate::record::{Record, Rows};

pub const REQUIRED: [&str; 3] = ["unit_id", "unit_name", "group"];
/// Errors past this many are counted, not listed: a wrong file would print thousands.
const MAX_LISTED: usize = 20;

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
pub fn read<R: Read>(input: R, file: &str, sel: Option<&PeriodSel>) -> Result<Metrics> {
    let read_err = |e: std::io::Error| anyhow!("{file}: cannot read: {e}");
    let Some(mut rdr) = Rows::open(input, b',', file).map_err(read_err)? else {
        bail!(
            "{file}: empty file: expected a header row with {}",
            REQUIRED.join(", ")
        );
    };
    let (cols, names) = columns(&rdr.header, file)?;
    if sel.is_some() && cols.period.is_none() {
        bail!("{file}: --period was given but the file has no `period` column");
    }
    let mut rows: Vec<(UnitRow, Option<Period>, String)> = Vec::new();
    let mut errors = Errors::default();
    let mut values = vec![None; names.len()];
    let mut rec = Record::new();
    while let Some(line) = rdr.next(&mut rec, |e| errors.push(e)).map_err(read_err)? {
        let field = |i: usize| rec.get(i).unwrap_or_default();
        let text = |i: usize| std::str::from_utf8(field(i)).map(str::trim);
        let (Ok(id), Ok(name), Ok(group)) =
            (text(cols.unit_id), text(cols.unit_name), text(cols.group))
        else {
            errors.push(format!("{file}:{line}: not UTF-8 text"));
            continue;
        };
        if id.is_empty() {
            errors.push(format!(
                "{file}:{line}:{}: unit_id is empty",
                cols.unit_id + 1
            ));
            continue;
        }
        for (col, m) in &cols.metrics {
            values[*m] = match parse_value(field(*col)) {
                Ok(v) => v,
                Err(e) => {
                    errors.push(format!("{file}:{line}:{}: {}: {e}", col + 1, names[*m]));
                    None
                }
            };
        }
        check_parts(&cols.parts, &names, &values, |msg| {
            errors.push(format!("{file}:{line}: {msg}"))
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
                    errors.push(format!("{file}:{line}:{}: period: {e}", c + 1));
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
        rows.push((row, period, period_text));
    }
    errors.finish()?;
    if rows.is_empty() {
        bail!("{file}: no units: the file has a header but no data rows");
    }
    let (units, periods) = select_and_sum(rows, file, sel)?;
    Ok(Metrics {
        file: file.to_string(),
        names,
        units,
        periods,
    })
}

fn columns(header: &[Vec<u8>], file: &str) -> Result<(Columns, Vec<String>)> {
    if let [only] = header
        && let Some(d) = [b';', b'\t'].into_iter().find(|d| only.contains(d))
    {
        let name = if d == b';' { "`;`" } else { "tabs" };
        bail!(
            "{file}:1: the header is one column holding {name}: this file is separated by {name}, not commas; convert it with `thidua import`"
        );
    }
    let mut names: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let (mut unit_id, mut unit_name, mut group, mut period) = (None, None, None, None);
    let mut metrics = Vec::new();
    for (i, raw) in header.iter().enumerate() {
        let h = std::str::from_utf8(raw)
            .map_err(|_| anyhow!("{file}:1:{}: header is not UTF-8 text", i + 1))?
            .trim_start_matches('\u{feff}')
            .trim();
        if seen.iter().any(|s| s == h) {
            bail!("{file}:1:{}: column `{h}` appears twice", i + 1);
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
            _ => bail!(
                "{file}:1:{}: column `{h}` is not a metric name (expected snake_case ASCII like `tiep_nhan`); `thidua import` converts Vietnamese headers",
                i + 1
            ),
        }
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .zip([unit_id, unit_name, group])
        .filter(|(_, c)| c.is_none())
        .map(|(n, _)| *n)
        .collect();
    if !missing.is_empty() {
        bail!(
            "{file}:1: missing required column(s) {}; the header must have unit_id, unit_name, group",
            missing.join(", ")
        );
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

fn parse_value(raw: &[u8]) -> Result<Option<f64>, String> {
    // Most cells are plain counts: read them without the float parser.
    if !raw.is_empty() && raw.len() <= 15 && raw.iter().all(u8::is_ascii_digit) {
        return Ok(Some(
            raw.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64,
        ));
    }
    let s = std::str::from_utf8(raw)
        .map_err(|_| "not UTF-8 text".to_string())?
        .trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<f64>() {
        Ok(x) if !x.is_finite() => Err(format!("`{s}` is not a finite number")),
        Ok(x) if x < 0.0 => Err(format!("negative value {s}")),
        Ok(x) => Ok(Some(x)),
        Err(_) if s.contains(',') => Err(format!(
            "`{s}` is not a number: use `.` for decimals and no thousands separator (or `thidua import`)"
        )),
        Err(_) => Err(format!(
            "`{s}` is not a number (expected a plain number or an empty cell)"
        )),
    }
}

fn check_parts(
    parts: &[(Vec<usize>, usize)],
    names: &[String],
    values: &[Option<f64>],
    mut report: impl FnMut(String),
) {
    for (ps, whole) in parts {
        let Some(w) = values[*whole] else { continue };
        let sum: f64 = ps.iter().filter_map(|p| values[*p]).sum();
        if sum > w + 1e-9 {
            let lhs: Vec<&str> = ps.iter().map(|p| names[*p].as_str()).collect();
            report(format!(
                "{} = {sum} is larger than {} = {w}",
                lhs.join(" + "),
                names[*whole]
            ));
        }
    }
}

#[derive(Default)]
struct Errors {
    list: Vec<String>,
    count: usize,
}

impl Errors {
    fn push(&mut self, e: String) {
        self.count += 1;
        if self.list.len() < MAX_LISTED {
            self.list.push(e);
        }
    }

    fn finish(self) -> Result<()> {
        if self.count == 0 {
            return Ok(());
        }
        let more = self.count - self.list.len();
        let tail = if more > 0 {
            format!("\n… and {more} more")
        } else {
            String::new()
        };
        bail!(
            "{} error(s) in the data:\n{}{tail}",
            self.count,
            self.list.join("\n")
        )
    }
}

/// Keeps the rows of the chosen periods and sums each unit's counts, so every
/// rate is later a ratio of sums, never a mean of ratios.
fn select_and_sum(
    rows: Vec<(UnitRow, Option<Period>, String)>,
    file: &str,
    sel: Option<&PeriodSel>,
) -> Result<(Vec<UnitRow>, Vec<String>)> {
    let mut all_periods: Vec<(Period, String)> = Vec::new();
    for (_, p, t) in &rows {
        if let Some(p) = p
            && !all_periods.iter().any(|(q, _)| q == p)
        {
            all_periods.push((*p, t.clone()));
        }
    }
    all_periods.sort();
    let sel = match sel {
        Some(s) => Some(*s),
        None if all_periods.len() > 1 => {
            let list: Vec<&str> = all_periods.iter().map(|(_, t)| t.as_str()).collect();
            return Err(crate::UsageError(format!(
                "{file}: the file holds {} periods ({}); choose with --period P or --period FROM..TO",
                list.len(),
                list.join(", ")
            ))
            .into());
        }
        None => None,
    };
    let mut units: Vec<UnitRow> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    let mut spans: Vec<Vec<(Period, u64)>> = Vec::new();
    let mut used: Vec<String> = Vec::new();
    for (row, period, text) in rows {
        if let (Some(s), Some(p)) = (sel, period)
            && !s.contains(p)
        {
            continue;
        }
        if period.is_some() && !used.contains(&text) {
            used.push(text);
        }
        match index.get(&row.id).copied() {
            None => {
                index.insert(row.id.clone(), units.len());
                spans.push(period.map(|p| vec![(p, row.line)]).unwrap_or_default());
                units.push(row);
            }
            Some(i) => {
                let first = &units[i];
                let Some(p) = period else {
                    bail!(
                        "{file}:{}: unit `{}` appears twice (first on line {})",
                        row.line,
                        row.id,
                        first.line
                    );
                };
                if let Some((q, l)) = spans[i].iter().find(|(q, _)| q.overlaps(p)) {
                    let what = if *q == p {
                        "appears twice for period"
                    } else {
                        "has overlapping periods at"
                    };
                    bail!(
                        "{file}:{}: unit `{}` {what} {} (see line {l})",
                        row.line,
                        row.id,
                        p
                    );
                }
                if first.group != row.group {
                    bail!(
                        "{file}:{}: unit `{}` is in group `{}` here but `{}` on line {}",
                        row.line,
                        row.id,
                        row.group,
                        first.group,
                        first.line
                    );
                }
                spans[i].push((p, row.line));
                let u = &mut units[i];
                for (acc, v) in u.values.iter_mut().zip(&row.values) {
                    *acc = match (*acc, *v) {
                        (Some(a), Some(b)) => Some(a + b),
                        (a, b) => a.or(b),
                    };
                }
            }
        }
    }
    if units.is_empty() {
        let have: Vec<&str> = all_periods.iter().map(|(_, t)| t.as_str()).collect();
        let s = sel.map(|s| s.to_string()).unwrap_or_default();
        bail!(
            "{file}: no rows for period {s} (the file has: {})",
            have.join(", ")
        );
    }
    used.sort_by_key(|t| Period::parse(t).ok());
    Ok((units, used))
}

#[cfg(test)]
mod tests;

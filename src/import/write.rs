//! The two files import writes: the metrics CSV of SPEC 3.1 (text cells made
//! spreadsheet-safe, numbers plain with `.` decimals) and, with `--keep-going`,
//! the rows set aside with the reason for each.

use anyhow::Result;

use crate::sheet::neutralise;

use super::merge::{Reject, Unit};
use super::number;
use crate::i18n::Lang;
use crate::problem::Problem;

pub const REJECTS_HEADER: [&str; 4] = ["file", "line", "column", "reason"];

/// Writes the metrics CSV: `unit_id,unit_name,group[,period],<metrics>`.
pub fn metrics_csv(metrics: &[String], has_period: bool, units: &[Unit]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["unit_id", "unit_name", "group"];
    if has_period {
        header.push("period");
    }
    header.extend(metrics.iter().map(String::as_str));
    w.write_record(&header)?;
    for u in units {
        let mut rec: Vec<String> = [&u.id, &u.name, &u.group]
            .iter()
            .map(|s| neutralise(s).into_owned())
            .collect();
        if has_period {
            rec.push(neutralise(u.period.as_deref().unwrap_or("")).into_owned());
        }
        rec.extend(
            u.values
                .iter()
                .map(|v| v.map_or(String::new(), number::format)),
        );
        w.write_record(&rec)?;
    }
    Ok(w.into_inner()?)
}

/// Writes the rejected rows: where, why (in `lang`), then the row's own cells.
pub fn rejects_csv(rejects: &[Reject], lang: Lang) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    w.write_record(REJECTS_HEADER)?;
    for r in rejects {
        w.write_record(reject_record(
            &r.problem,
            r.cells.iter().map(String::as_str),
            lang,
        ))?;
    }
    Ok(w.into_inner()?)
}

pub fn reject_record<'a>(
    p: &Problem,
    cells: impl Iterator<Item = &'a str>,
    lang: Lang,
) -> Vec<String> {
    let mut rec = vec![
        neutralise(&p.file).into_owned(),
        p.line.map_or(String::new(), |l| l.to_string()),
        p.column.map_or(String::new(), |c| c.to_string()),
        neutralise(&p.message.render(lang)).into_owned(),
    ];
    rec.extend(cells.map(|c| neutralise(c).into_owned()));
    rec
}

/// `metrics.csv` → `metrics.rejects.csv`, beside it.
pub fn rejects_path(output: &std::path::Path) -> std::path::PathBuf {
    let stem = output
        .file_stem()
        .map_or("import".into(), |s| s.to_string_lossy().into_owned());
    output.with_file_name(format!("{stem}.rejects.csv"))
}

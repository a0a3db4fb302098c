//! `import --dossiers`: one row per dossier from the one-stop system, counted
//! into unit metrics for a period [from, to] (issue 5 B rules), streaming in
//! constant memory and using both cores on big UTF-8 files.

pub mod columns;
pub mod day;
pub mod dedup;
pub mod read;
pub mod rejects;
pub mod scan;
pub mod utf16;
pub mod values;

use std::fs::File;
use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::atomic::AtomicU64;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

use super::decode::{self, Encoding, Layout};
use super::groups::GroupNames;
use super::merge::Unit;
use super::problems::summary;
use super::{Aliases, Imported, Options};
use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::problem::{Problem, Problems};
use columns::{Columns, METRICS};
use read::Source;
use rejects::Rejects;
use scan::{Scanner, UnitCounts};

/// The header is looked for in this much of the file.
const HEAD: usize = 64 << 10;
/// Below this size one thread finishes before a second would start paying off.
const PARALLEL_MIN: u64 = 8 << 20;

/// A unit known beforehand (from `--units`).
#[derive(Debug, Clone)]
pub struct KnownUnit {
    pub id: String,
    pub name: String,
    pub group: String,
    /// Metrics the unit table gives that a dossier list cannot (`xin_loi`,
    /// `pakn`…): carried into the output beside the counts.
    pub metrics: Vec<(String, Option<f64>)>,
}

pub struct Request<'a> {
    pub path: &'a Path,
    /// The file as named in messages.
    pub file: &'a str,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Units from `--units`; empty to take units from the dossiers.
    pub units: &'a [KnownUnit],
    pub groups: &'a GroupNames,
    pub aliases: &'a Aliases,
    pub options: &'a Options,
    /// Where rows are set aside (`--keep-going`).
    pub rejects: Option<&'a mut Rejects>,
    /// Bytes read so far, for the caller to show progress.
    pub done: &'a AtomicU64,
}

/// Everything one pass over the data found.
struct Counts {
    units: Vec<UnitCounts>,
    problems: Vec<Problem>,
    problem_count: u64,
}

/// The counts of every unit, or all the problems found.
pub fn import(mut req: Request) -> Result<Imported> {
    if req.from > req.to {
        bail!(crate::msg!(ImportPeriodEmpty, req.from, req.to));
    }
    let mut f = File::open(req.path).map_err(|e| read::open_error(req.file, &e))?;
    let size = f.metadata().map(|m| m.len()).unwrap_or(0);
    let raw_head = read::head(&mut f, HEAD).with_context(|| crate::msg!(CannotRead, req.file))?;
    let (encoding, bom) = decode::sniff(&raw_head);
    let (counts, cols, notices) = if encoding == Encoding::Utf8 {
        let layout = head_layout(&raw_head[bom..], &req)?;
        let (cols, notices) = Columns::resolve(&layout, req.aliases, req.file)?;
        let src = Source {
            path: req.path,
            file: req.file,
            delimiter: layout.delimiter,
            start: bom as u64 + layout.data_offset,
            line: layout.data_line,
            done: req.done,
        };
        let parallel = size >= PARALLEL_MIN && req.rejects.is_none();
        (
            utf8_counts(&src, &cols, &mut req, parallel, size)?,
            cols,
            notices,
        )
    } else {
        let done = req.done;
        utf16_counts(&mut req, encoding == Encoding::Utf16Le, done)?
    };
    report(counts, &cols, &req, notices)
}

fn report(
    counts: Counts,
    cols: &Columns,
    req: &Request,
    mut notices: Vec<Text>,
) -> Result<Imported> {
    if counts.problem_count > 0 && !req.options.keep_going {
        let total = counts.problem_count as usize;
        return Err(summary(Problems::from_listed(counts.problems, total)));
    }
    let units = finish_units(counts.units, req, &mut notices)?;
    let metrics: Vec<String> = METRICS
        .iter()
        .zip(cols.present())
        .filter(|(_, present)| *present)
        .map(|(m, _)| m.to_string())
        .collect();
    let index: Vec<usize> = (0..METRICS.len()).filter(|&i| cols.present()[i]).collect();
    let extra = unit_table_metrics(req, &metrics, &mut notices);
    let units: Vec<Unit> = units
        .into_iter()
        .enumerate()
        .map(|(i, (id, name, group, c))| {
            let mut values: Vec<Option<f64>> = index.iter().map(|&i| Some(c[i] as f64)).collect();
            let known = req.units.get(i);
            values.extend(extra.iter().map(|n| {
                known
                    .and_then(|k| k.metrics.iter().find(|(m, _)| m == n))
                    .and_then(|(_, v)| *v)
            }));
            Unit {
                id,
                name,
                group,
                period: None,
                values,
            }
        })
        .collect();
    let metrics: Vec<String> = metrics.into_iter().chain(extra).collect();
    Ok(Imported {
        metrics_csv: super::write::metrics_csv(&metrics, false, &units)?,
        rejects_csv: None,
        rejected: counts.problem_count as usize,
        units: units.len(),
        notices,
    })
}

fn span(req: &Request) -> (day::Day, day::Day) {
    (day::from_date(req.from), day::from_date(req.to))
}

fn known(req: &Request) -> Vec<Vec<u8>> {
    req.units
        .iter()
        .map(|u| u.id.clone().into_bytes())
        .collect()
}

fn head_layout(head: &[u8], req: &Request) -> Result<Layout> {
    let end = head
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(head.len(), |i| i + 1);
    let text = decode::decode(&head[..end], req.file)?;
    decode::find_header(&text, req.options.delimiter, req.file, |c| {
        req.aliases.dossier_id(c).is_some()
    })
}

/// Scans a UTF-8 file (both halves at once when `parallel`).
fn utf8_counts(
    src: &Source,
    cols: &Columns,
    req: &mut Request,
    parallel: bool,
    size: u64,
) -> Result<Counts> {
    let (span, known) = (span(req), known(req));
    let split = match parallel {
        true => read::split_point(src.path, src.start, size, src.file)?,
        false => None,
    };
    let mut halves = None;
    if let Some(split) = split {
        let mut first = Scanner::new(cols, src.file, span, &known);
        let mut second = Scanner::new(cols, src.file, span, &known);
        let (aligned, offset) = read::scan_halves(src, split, &mut first, &mut second)?;
        if aligned {
            shift_lines(&mut second, offset);
            halves = Some(vec![first, second]);
        }
    }
    counted(req, cols, halves, |s| read::scan_all(src, s))
}

/// UTF-16 files are rare and read in one thread through a transcoder.
fn utf16_counts(
    req: &mut Request,
    little: bool,
    done: &AtomicU64,
) -> Result<(Counts, Columns, Vec<Text>)> {
    let (head, _) = utf16_stream(req, little)?;
    let layout = head_layout(&head, req)?;
    let (cols, notices) = Columns::resolve(&layout, req.aliases, req.file)?;
    let src = Source {
        path: req.path,
        file: req.file,
        delimiter: layout.delimiter,
        start: layout.data_offset,
        line: layout.data_line,
        done,
    };
    let counts = counted(req, &cols, None, |s| {
        let (head, rest) = utf16_stream(&src, little)?;
        let data = Cursor::new(&head[layout.data_offset as usize..]).chain(rest);
        read::scan(data, &src, src.line, None, None, s).map(|_| ())
    })?;
    Ok((counts, cols, notices))
}

fn utf16_stream<P: HasPath>(at: &P, little: bool) -> Result<(Vec<u8>, utf16::Utf16Reader<File>)> {
    let (path, file) = at.path_and_name();
    let mut input = utf16::Utf16Reader::new(read::open_at(path, 2, file)?, little);
    let head = read::head(&mut input, HEAD).with_context(|| crate::msg!(CannotRead, file))?;
    Ok((head, input))
}

trait HasPath {
    fn path_and_name(&self) -> (&Path, &str);
}

impl HasPath for Request<'_> {
    fn path_and_name(&self) -> (&Path, &str) {
        (self.path, self.file)
    }
}

impl HasPath for Source<'_> {
    fn path_and_name(&self) -> (&Path, &str) {
        (self.path, self.file)
    }
}

/// Runs `pass` (unless `done` already holds its scanners); if a dossier
/// number fingerprint repeats, runs it once more with the exact check, so
/// duplicates are named with their lines and nothing else is counted twice.
fn counted(
    req: &mut Request,
    cols: &Columns,
    done: Option<Vec<Scanner>>,
    mut pass: impl FnMut(&mut Scanner) -> Result<()>,
) -> Result<Counts> {
    let (span, known) = (span(req), known(req));
    let mut scanners = match done {
        Some(s) => s,
        None => {
            let mut one = Scanner::new(cols, req.file, span, &known);
            one.rejects = req.rejects.as_deref_mut();
            pass(&mut one)?;
            vec![one]
        }
    };
    let mut stores = Vec::new();
    for s in &mut scanners {
        s.fingerprints.seal();
        stores.push(std::mem::take(&mut s.fingerprints));
    }
    let (suspects, _) = dedup::repeated(stores)?;
    let counts = combine(scanners);
    if suspects.is_empty() {
        return Ok(counts);
    }
    if let Some(r) = req.rejects.as_deref_mut() {
        r.reset()?;
    }
    let mut exact = Scanner::new(cols, req.file, span, &known);
    exact.suspects = Some(scan::exact_check(suspects));
    exact.rejects = req.rejects.as_deref_mut();
    pass(&mut exact)?;
    Ok(combine(vec![exact]))
}

/// The second half counted lines from its own start.
fn shift_lines(s: &mut Scanner, offset: u64) {
    for p in &mut s.problems {
        p.line = p.line.map(|l| l + offset);
    }
    for u in &mut s.units {
        u.line += offset;
    }
}

/// Adds the halves' units together by id, first half first.
fn combine(scanners: Vec<Scanner>) -> Counts {
    let mut out = Counts {
        units: Vec::new(),
        problems: Vec::new(),
        problem_count: 0,
    };
    let mut index: std::collections::HashMap<Box<[u8]>, usize> = Default::default();
    for s in scanners {
        out.problems.extend(s.problems);
        out.problem_count += s.problem_count;
        for u in s.units {
            match index.get(&u.id) {
                Some(&i) => {
                    let into = &mut out.units[i];
                    into.counts
                        .iter_mut()
                        .zip(u.counts)
                        .for_each(|(a, b)| *a += b);
                    if into.name.is_none() {
                        into.name = u.name;
                    }
                }
                None => {
                    index.insert(u.id.clone(), out.units.len());
                    out.units.push(u);
                }
            }
        }
    }
    out
}

/// A unit's id, name, group and counts.
type Named = (String, String, String, [u64; 16]);

/// Each unit with its name and group: from `--units` when given, else from
/// the dossiers' unit names (every inference reported).
/// The unit table's own metrics that the dossiers do not count, in table
/// order; a metric both give is taken from the dossiers, and said so.
fn unit_table_metrics(req: &Request, counted: &[String], notices: &mut Vec<Text>) -> Vec<String> {
    let mut extra: Vec<String> = Vec::new();
    for (name, _) in req.units.iter().flat_map(|k| &k.metrics) {
        if counted.contains(name) {
            let notice = crate::msg!(UnitsMetricIgnored, name, req.file);
            if !notices.contains(&notice) {
                notices.push(notice);
            }
        } else if !extra.contains(name) {
            extra.push(name.clone());
        }
    }
    extra
}

fn finish_units(
    units: Vec<UnitCounts>,
    req: &Request,
    notices: &mut Vec<Text>,
) -> Result<Vec<Named>> {
    let mut out = Vec::new();
    let mut problems = Problems::new();
    for (i, u) in units.into_iter().enumerate() {
        let id = text(&u.id, req.file, u.line, Msg::UnitIdNotUtf8)?;
        let name = match &u.name {
            Some(n) => text(n, req.file, u.line, Msg::UnitNameNotUtf8)?,
            None => req.units.get(i).map_or(id.clone(), |k| k.name.clone()),
        };
        if let Some(k) = req.units.get(i) {
            out.push((id, k.name.clone(), k.group.clone(), u.counts));
            continue;
        }
        match req.groups.from_name(&name) {
            Some((g, alias)) => {
                let group = req.groups.id(g).to_string();
                let (file, line) = (req.file, u.line);
                notices.push(crate::msg!(UnitGroupFromName, file, line, id, group, alias));
                out.push((id, name, group, u.counts));
            }
            None => problems.push(Problem::line(
                req.file,
                u.line,
                crate::msg!(GroupFromNameUnits, id, name, req.groups.known()),
            )),
        }
    }
    if !problems.is_empty() {
        return Err(summary(problems));
    }
    Ok(out)
}

/// The text of an id or a name; `not_utf8` says which, at `file:line`.
fn text(bytes: &[u8], file: &str, line: u64, not_utf8: Msg) -> Result<String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => bail!(Text::msg(
            not_utf8,
            vec![Text::raw(file), Text::raw(line.to_string())]
        )),
    }
}

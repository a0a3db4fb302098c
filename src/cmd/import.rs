//! `thidua import`: the command-line face of [`crate::import`] — files in,
//! the metrics CSV out (atomically, never over an input), notices on stderr.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;

use super::{CampaignArgs, read_text, resolve};
use crate::campaign::Campaign;
use crate::i18n::messages::Msg;
use crate::i18n::{Lang, Text};
use crate::import::dossier::{self, KnownUnit, rejects::Rejects};
use crate::import::groups::GroupNames;
use crate::import::{self, Aliases, Imported, Locale, Options, workbook, write};
use crate::merge::{self, MergeMap};
use crate::metrics;
use crate::problem::{Problems, ProblemsError};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Exported CSV files or workbooks (.xlsx, .xls, .ods): unit tables; with --dossiers one dossier list.
    #[arg(required = true, value_name = "RAW.csv|RAW.xlsx")]
    pub files: Vec<PathBuf>,
    /// Sheet to read from a workbook. Default: its first visible sheet.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Extra header labels, YAML `{column_id: [label, ...]}`.
    #[arg(long, value_name = "MAP.yaml")]
    pub mapping: Option<PathBuf>,
    /// The file lists dossiers (one row each), to be counted per unit.
    #[arg(long)]
    pub dossiers: bool,
    /// First day of the period (dossiers; default: the campaign's start). yyyy-mm-dd or dd/mm/yyyy.
    #[arg(long, value_name = "DATE", value_parser = date, requires = "dossiers")]
    pub from: Option<NaiveDate>,
    /// Last day of the period, included (dossiers; default: the campaign's end).
    #[arg(long, value_name = "DATE", value_parser = date, requires = "dossiers")]
    pub to: Option<NaiveDate>,
    /// Units with their names and groups (dossiers): every unit listed appears, even with no dossier.
    #[arg(long, value_name = "units.csv", requires = "dossiers")]
    pub units: Option<PathBuf>,
    /// Merger map CSV (old_unit_id,new_unit_id[,new_unit_name,group]): the dossiers of old
    /// units are counted into their new unit (dossiers).
    #[arg(long, value_name = "MAP.csv", requires = "dossiers")]
    pub merge: Option<PathBuf>,
    /// How numbers are written: vi = "1.234,5" (`.` groups thousands), en = "1,234.5".
    #[arg(long, value_enum, default_value_t)]
    pub locale: Locale,
    /// Language of messages and of the rejects' reasons: vi or en. Default: THIDUA_LANG, else vi.
    #[arg(long, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
    /// Cell delimiter; detected among `,` `;` tab when not given.
    #[arg(long, value_name = "CHAR", value_parser = delimiter)]
    pub delimiter: Option<u8>,
    /// Add up a metric that several files give for the same unit.
    #[arg(long)]
    pub sum: bool,
    /// Write the valid rows and put the others in OUTPUT.rejects.csv with the reason (needs -o).
    #[arg(long, requires = "output")]
    pub keep_going: bool,
    #[command(flatten)]
    pub campaign: CampaignArgs,
    /// Write the metrics CSV to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl Args {
    /// Every file read, so the output is never written over one of them.
    pub fn inputs(&self) -> Vec<&Path> {
        let mut inputs: Vec<&Path> = self.files.iter().map(PathBuf::as_path).collect();
        inputs.extend(self.mapping.as_deref());
        inputs.extend(self.units.as_deref());
        inputs.extend(self.merge.as_deref());
        inputs.extend(self.campaign.inputs());
        inputs
    }
}

/// Runs `import`, its messages and the rejects' reasons in `lang`.
pub fn run(args: &Args, lang: Lang) -> Result<()> {
    let resolve::Import { campaign, period } = resolve::import(args, lang)?;
    let mut aliases = Aliases::builtin();
    if let Some(m) = &args.mapping {
        aliases.extend(&read_text(m)?, &m.display().to_string())?;
    }
    let options = Options {
        locale: args.locale,
        delimiter: args.delimiter,
        sum: args.sum,
        keep_going: args.keep_going,
        lang,
    };
    let inputs = args.inputs();
    let map = args
        .merge
        .as_deref()
        .map(super::read_merge_map)
        .transpose()?;
    let (mut imported, rejects) = match period {
        Some(period) => dossiers(args, period, &campaign, &aliases, &options)?,
        None => (tables(args, &campaign, &aliases, &options)?, None),
    };
    if let Some(map) = &map {
        imported = merged(imported, map, &args.files[0].display().to_string())?;
    }
    for n in &imported.notices {
        eprintln!("{} {}", Msg::Notice.render(lang), n.render(lang));
    }
    crate::output::emit(args.output.as_deref(), &imported.metrics_csv, &inputs)?;
    // Rejects go beside the output, after it, so a refused output leaves neither.
    if let Some(out) = &args.output {
        let path = write::rejects_path(out);
        match (rejects, &imported.rejects_csv) {
            (Some(r), _) => r.persist(&path, &inputs)?,
            (None, Some(bytes)) => crate::output::emit(Some(&path), bytes, &inputs)?,
            (None, None) => {}
        }
    }
    if imported.rejected > 0 {
        let said = crate::msg!(ImportRejected, imported.units, imported.rejected);
        eprintln!("thidua: {}", said.render(lang));
    }
    Ok(())
}

fn tables(
    args: &Args,
    campaign: &Campaign,
    aliases: &Aliases,
    options: &Options,
) -> Result<Imported> {
    let files = args
        .files
        .iter()
        .map(|p| read_table(p, args.sheet.as_deref(), options))
        .collect::<Result<Vec<_>>>()?;
    import::tables(&files, campaign, aliases, options)
}

/// `period` is the resolved `--from`..`--to`; there is one file (resolved).
fn dossiers(
    args: &Args,
    (from, to): (NaiveDate, NaiveDate),
    campaign: &Campaign,
    aliases: &Aliases,
    options: &Options,
) -> Result<(Imported, Option<Rejects>)> {
    let path = &args.files[0];
    let units = match &args.units {
        Some(u) => known_units(u, campaign, aliases, options)?,
        None => Vec::new(),
    };
    let groups = GroupNames::new(campaign);
    let mut rejects = match (&args.output, args.keep_going) {
        (Some(out), true) => Some(Rejects::beside(out, options.lang)?),
        _ => None,
    };
    let (file, sheet_copy) = dossier_source(path, args.sheet.as_deref(), options)?;
    let path = sheet_copy.as_ref().map_or(path.as_path(), |t| t.path());
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    let progress = super::progress::Progress::start(size);
    let request = dossier::Request {
        path,
        file: &file,
        from,
        to,
        units: &units,
        groups: &groups,
        aliases,
        options,
        rejects: rejects.as_mut(),
        done: &progress.done,
    };
    let imported = dossier::import(request);
    progress.finish();
    Ok((imported?, rejects))
}

/// `--units`: a unit table (ids, names, groups, and any metrics a dossier
/// list cannot give, such as `xin_loi`) read like any export.
fn known_units(
    path: &Path,
    campaign: &Campaign,
    aliases: &Aliases,
    options: &Options,
) -> Result<Vec<KnownUnit>> {
    let strict = Options {
        keep_going: false,
        sum: false,
        ..options.clone()
    };
    let files = [read_table(path, None, &strict)?];
    let imported = import::tables(&files, campaign, aliases, &strict)?;
    let mut rdr = csv::Reader::from_reader(&imported.metrics_csv[..]);
    let header = rdr.headers().context(Msg::ReadingBack)?.clone();
    rdr.records()
        .map(|r| {
            let r = r.context(Msg::ReadingBack)?;
            let metrics = header
                .iter()
                .zip(r.iter())
                .skip(3)
                .filter(|(h, _)| *h != "period")
                .map(|(h, v)| (h.to_string(), v.parse::<f64>().ok()))
                .collect();
            Ok(KnownUnit {
                id: r[0].to_string(),
                name: r[1].to_string(),
                group: r[2].to_string(),
                metrics,
            })
        })
        .collect()
}

/// `--from`, `--to`: a day, checked as clap parses the flag.
fn date(text: &str) -> Result<NaiveDate, Text> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .map_err(|_| crate::msg!(NotADateImport, text))
}

/// `--delimiter`: one ASCII character, or `tab`.
fn delimiter(text: &str) -> Result<u8, Text> {
    match text {
        "\\t" | "tab" | "\t" => Ok(b'\t'),
        t if t.len() == 1 && t.is_ascii() => Ok(t.as_bytes()[0]),
        t => Err(crate::msg!(NotOneAscii, t)),
    }
}

/// A unit table by name and bytes; a workbook's sheet comes as CSV text.
fn read_table(path: &Path, sheet: Option<&str>, options: &Options) -> Result<(String, Vec<u8>)> {
    let bytes = read_bytes(path)?;
    let file = path.display().to_string();
    if !workbook::is_workbook(&bytes) {
        return Ok((file, bytes));
    }
    let delimiter = options.delimiter.unwrap_or(b',');
    let text = workbook::sheet_csv(&bytes, &file, sheet, options.locale, delimiter)?;
    Ok((text.label, text.csv))
}

/// The dossier list's name for messages and, for a workbook, a CSV copy of
/// its sheet to stream from (the dossier reader works on files).
fn dossier_source(
    path: &Path,
    sheet: Option<&str>,
    options: &Options,
) -> Result<(String, Option<tempfile::NamedTempFile>)> {
    let file = path.display().to_string();
    if !starts_as_workbook(path) {
        return Ok((file, None));
    }
    let (label, csv) = read_table(path, sheet, options)?;
    let mut copy = tempfile::NamedTempFile::new().context(Msg::SheetCopy)?;
    std::io::Write::write_all(&mut copy, &csv).context(Msg::SheetCopy)?;
    Ok((label, Some(copy)))
}

/// Whether the file begins like a workbook; unreadable files are left to
/// the reader that reports them.
pub fn starts_as_workbook(path: &Path) -> bool {
    let mut head = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| workbook::is_workbook(&head))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    if path.is_dir() {
        anyhow::bail!(crate::msg!(IsFolderCsv, path.display()));
    }
    super::read_bytes(path)
}

/// The counted units merged by `--merge`: the counts are read back from the
/// metrics CSV just made, merged and written again. Problems name the dossier
/// list `file`, without the lines of that CSV, which the user never sees.
fn merged(imported: Imported, map: &MergeMap, file: &str) -> Result<Imported> {
    let (counted, _) = metrics::read_with_notices(&imported.metrics_csv[..], file, None)?;
    let without_lines = |e: ProblemsError| {
        let ps = e.0.listed().into_iter().cloned().map(|mut p| {
            if p.file == file {
                (p.line, p.column) = (None, None);
            }
            p
        });
        ProblemsError(Problems::from_listed(ps.collect(), e.0.total()))
    };
    let (m, notices) = merge::merge(counted, map).map_err(without_lines)?;
    let units: Vec<import::merge::Unit> = m
        .units
        .into_iter()
        .map(|u| import::merge::Unit {
            id: u.id,
            name: u.name,
            group: u.group,
            period: None,
            values: u.values,
        })
        .collect();
    let mut notices_out = imported.notices;
    notices_out.extend(
        without_lines(ProblemsError(notices))
            .0
            .listed()
            .iter()
            .map(|p| p.text()),
    );
    Ok(Imported {
        metrics_csv: write::metrics_csv(&m.names, false, &units)?,
        units: units.len(),
        notices: notices_out,
        ..imported
    })
}

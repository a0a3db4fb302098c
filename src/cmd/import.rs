//! `thidua import`: the command-line face of [`crate::import`] — files in,
//! the metrics CSV out (atomically, never over an input), notices on stderr.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;

use super::{CampaignArgs, UsageError, read_text};
use crate::campaign::Campaign;
use crate::import::dossier::{self, KnownUnit, rejects::Rejects};
use crate::import::groups::GroupNames;
use crate::import::{self, Aliases, Imported, Locale, Options, write};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Exported CSV files (unit tables; with --dossiers one dossier list).
    #[arg(required = true, value_name = "RAW.csv")]
    pub files: Vec<PathBuf>,
    /// Extra header labels, YAML `{column_id: [label, ...]}`.
    #[arg(long, value_name = "MAP.yaml")]
    pub mapping: Option<PathBuf>,
    /// The file lists dossiers (one row each), to be counted per unit.
    #[arg(long)]
    pub dossiers: bool,
    /// First day of the period (dossiers; default: the campaign's start). yyyy-mm-dd or dd/mm/yyyy.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of the period, included (dossiers; default: the campaign's end).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Units with their names and groups (dossiers): every unit listed appears, even with no dossier.
    #[arg(long, value_name = "units.csv")]
    pub units: Option<PathBuf>,
    /// How numbers are written: vi = "1.234,5" (`.` groups thousands), en = "1,234.5".
    #[arg(long, value_enum, default_value_t)]
    pub locale: Locale,
    /// Cell delimiter; detected among `,` `;` tab when not given.
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
    /// Add up a metric that several files give for the same unit.
    #[arg(long)]
    pub sum: bool,
    /// Write the valid rows and put the others in OUTPUT.rejects.csv with the reason.
    #[arg(long)]
    pub keep_going: bool,
    #[command(flatten)]
    pub campaign: CampaignArgs,
    /// Write the metrics CSV to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &Args) -> Result<()> {
    let campaign = args.campaign.load()?;
    let mut aliases = Aliases::builtin();
    if let Some(m) = &args.mapping {
        aliases.extend(&read_text(m)?, &m.display().to_string())?;
    }
    let options = Options {
        locale: args.locale,
        delimiter: delimiter(args.delimiter.as_deref())?,
        sum: args.sum,
        keep_going: args.keep_going,
    };
    if args.keep_going && args.output.is_none() {
        return Err(
            UsageError("--keep-going needs -o FILE (the rejects go beside it)".into()).into(),
        );
    }
    let mut inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    inputs.extend(args.mapping.as_deref());
    inputs.extend(args.units.as_deref());
    inputs.extend(args.campaign.inputs());
    let (imported, rejects) = if args.dossiers {
        dossiers(args, &campaign, &aliases, &options)?
    } else {
        (tables(args, &campaign, &aliases, &options)?, None)
    };
    for n in &imported.notices {
        eprintln!("thidua: notice: {n}");
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
        eprintln!(
            "thidua: {} unit(s) written, {} problem(s) set aside in the rejects file",
            imported.units, imported.rejected
        );
    }
    Ok(())
}

fn tables(
    args: &Args,
    campaign: &Campaign,
    aliases: &Aliases,
    options: &Options,
) -> Result<Imported> {
    if args.from.is_some() || args.to.is_some() || args.units.is_some() {
        return Err(UsageError("--from, --to and --units go with --dossiers".into()).into());
    }
    let files = args
        .files
        .iter()
        .map(|p| read_bytes(p).map(|b| (p.display().to_string(), b)))
        .collect::<Result<Vec<_>>>()?;
    import::tables(&files, campaign, aliases, options)
}

fn dossiers(
    args: &Args,
    campaign: &Campaign,
    aliases: &Aliases,
    options: &Options,
) -> Result<(Imported, Option<Rejects>)> {
    let [path] = args.files.as_slice() else {
        return Err(UsageError("--dossiers reads one file at a time".into()).into());
    };
    let (from, to) = period(args, campaign)?;
    let units = match &args.units {
        Some(u) => known_units(u, campaign, aliases, options)?,
        None => Vec::new(),
    };
    let groups = GroupNames::new(campaign);
    let mut rejects = match (&args.output, args.keep_going) {
        (Some(out), true) => Some(Rejects::beside(out)?),
        _ => None,
    };
    let file = path.display().to_string();
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
    };
    Ok((dossier::import(request)?, rejects))
}

/// `--units`: a unit table (ids, names, groups) read like any export.
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
    let files = [(path.display().to_string(), read_bytes(path)?)];
    let imported = import::tables(&files, campaign, aliases, &strict)?;
    let mut rdr = csv::Reader::from_reader(&imported.metrics_csv[..]);
    rdr.records()
        .map(|r| {
            let r = r.context("reading the units back")?;
            Ok(KnownUnit {
                id: r[0].to_string(),
                name: r[1].to_string(),
                group: r[2].to_string(),
            })
        })
        .collect()
}

fn period(args: &Args, campaign: &Campaign) -> Result<(NaiveDate, NaiveDate)> {
    let given = |flag: &str, v: &Option<String>, default: Option<NaiveDate>| -> Result<NaiveDate> {
        match (v, default) {
            (Some(text), _) => date(flag, text),
            (None, Some(d)) => Ok(d),
            (None, None) => Err(UsageError(format!(
                "{flag} is needed: the campaign {} has no period",
                campaign.file
            ))
            .into()),
        }
    };
    let from = given("--from", &args.from, campaign.period.map(|p| p.0))?;
    let to = given("--to", &args.to, campaign.period.map(|p| p.1))?;
    if from > to {
        return Err(UsageError(format!("--from {from} is after --to {to}")).into());
    }
    Ok((from, to))
}

fn date(flag: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .map_err(|_| {
            UsageError(format!(
                "{flag}: `{text}` is not a date: expected yyyy-mm-dd or dd/mm/yyyy"
            ))
            .into()
        })
}

fn delimiter(text: Option<&str>) -> Result<Option<u8>> {
    match text {
        None => Ok(None),
        Some("\\t" | "tab" | "\t") => Ok(Some(b'\t')),
        Some(t) if t.len() == 1 && t.is_ascii() => Ok(Some(t.as_bytes()[0])),
        Some(t) => Err(UsageError(format!(
            "--delimiter: `{t}` is not one ASCII character (e.g. `;` or `tab`)"
        ))
        .into()),
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    if path.is_dir() {
        anyhow::bail!("{}: is a folder, expected a CSV file", path.display());
    }
    std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))
}

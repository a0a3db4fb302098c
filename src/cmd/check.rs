//! `thidua check [CAMPAIGN.yaml…] [DATA.csv…]`: what a campaign allows but
//! probably does not mean, found before anyone is ranked on it — findings on
//! stdout, one summary line per campaign, exit 0 with warnings and 1 on an
//! invalid file. [`warn`] gives `score`, `rank`, `nominate` the same
//! warnings, once, on stderr.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::UsageError;
use super::plan::{Inputs, Role};
use super::session::{Session, read_metrics};
use super::warnings::{body, label, location};
use crate::campaign::{Campaign, DEFAULT_YAML, default_label, lint};
use crate::i18n::Lang;
use crate::metrics::Metrics;
use crate::period::PeriodSel;
use crate::scoring::Scorer;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Campaign files (.yaml, .yml) and metrics CSV files (.csv), in any order.
    /// No campaign: the built-in one. Each data file is checked against each campaign.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Period to use when a data file has a `period` column: P or FROM..TO.
    #[arg(long, value_name = "P", value_parser = super::parse_period)]
    pub period: Option<PeriodSel>,
    /// Language of labels.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

/// `check`, resolved: the campaigns and the data files, told apart by
/// extension before any is read.
pub struct Plan {
    campaigns: Vec<PathBuf>,
    data: Vec<PathBuf>,
    period: Option<PeriodSel>,
}

pub fn resolve(args: &Args) -> Result<Plan> {
    let (campaigns, data) = split(&args.files)?;
    Ok(Plan {
        campaigns,
        data,
        period: args.period,
    })
}

/// Runs `check`, its findings and messages in `lang`.
pub fn run(plan: &Plan, lang: Lang) -> Result<()> {
    // Each file once: the campaigns, then the data files.
    let read = |role: Role, path: &PathBuf| {
        let mut inputs = Inputs::default();
        inputs.add(role, Some(path));
        Session::load(&inputs, lang)
    };
    let campaigns: Vec<Result<Campaign>> = plan
        .campaigns
        .iter()
        .map(|p| read(Role::Campaign, p).and_then(|s| s.campaign().map(|c| c.0)))
        .collect();
    // Data that cannot be read fails the command at once, as in `score`:
    // every campaign would fail on it the same way. An export to convert
    // names its groups as the first campaign does (the built-in one when
    // that campaign is itself in error, said below).
    let builtin = || Campaign::from_yaml(DEFAULT_YAML, default_label(lang));
    let first = match campaigns.first() {
        Some(Ok(c)) => c.clone(),
        _ => builtin()?,
    };
    let metrics = plan
        .data
        .iter()
        .map(|p| {
            let mut session = read(Role::Data, p)?;
            session.read_data()?;
            let source = session.get(Role::Data).expect("one data file");
            read_metrics(source, plan.period.as_ref(), "--period", &first, lang)
        })
        .collect::<Result<Vec<_>>>()?;
    // Warnings are messages: their labels follow the messages' language
    // (`--lang`, else `THIDUA_LANG`), as their text does.
    let mut errors: Vec<anyhow::Error> = Vec::new();
    let mut out = std::io::stdout().lock();
    if campaigns.is_empty() {
        report(&builtin()?, &metrics, lang, &mut out, &mut errors)?;
    }
    for loaded in campaigns {
        match loaded {
            Ok(c) => report(&c, &metrics, lang, &mut out, &mut errors)?,
            Err(e) => errors.push(e),
        }
    }
    out.flush()?;
    // Every error is said; the last one is the command's own, printed by
    // `main` exactly as other commands print theirs (exit 1).
    match errors.pop() {
        None => Ok(()),
        Some(last) => {
            crate::i18n::scope(lang, || {
                for e in &errors {
                    eprintln!("{} {e:#}", crate::i18n::messages::Msg::Error);
                }
            });
            Err(last)
        }
    }
}

/// One campaign's findings (with each data file's) and its summary line;
/// data that cannot be scored against it is an error, kept for the end.
fn report(
    campaign: &Campaign,
    metrics: &[Metrics],
    lang: Lang,
    out: &mut impl Write,
    errors: &mut Vec<anyhow::Error>,
) -> Result<()> {
    let mut found = lint::campaign(campaign);
    let mut what = campaign.file.clone();
    for m in metrics {
        match Scorer::new(campaign, m).and_then(|s| s.score_all(m)) {
            Ok(scores) => {
                found.extend(lint::data(campaign, &m.file, &scores));
                what.push_str(&format!(" + {}", m.file));
            }
            Err(e) => errors.push(e),
        }
    }
    found.sort();
    for p in &found {
        writeln!(out, "{}: {}: {}", location(p), label(lang), body(p, lang))?;
    }
    let verdict = match found.len() {
        0 => "OK".to_string(),
        1 => lang.pick("1 cảnh báo", "1 warning").to_string(),
        n => format!("{n} {}", lang.pick("cảnh báo", "warnings")),
    };
    writeln!(out, "{what}: {verdict}")?;
    Ok(())
}

/// Campaigns and data files, told apart by extension before any is read.
fn split(files: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut campaigns = Vec::new();
    let mut data = Vec::new();
    for f in files {
        let ext = f
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("yaml" | "yml") => campaigns.push(f.clone()),
            Some("csv" | "tsv" | "xlsx" | "xlsm" | "xlsb" | "xls" | "ods") => data.push(f.clone()),
            _ => {
                return Err(UsageError(crate::msg!(CheckWhichFile, f.display())).into());
            }
        }
    }
    Ok((campaigns, data))
}

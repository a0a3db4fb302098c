//! `thidua check [CAMPAIGN.yaml…] [DATA.csv…]`: what a campaign allows but
//! probably does not mean, found before anyone is ranked on it — findings on
//! stdout, one summary line per campaign, exit 0 with warnings and 1 on an
//! invalid file. [`warn`] gives `score`, `rank`, `nominate` the same
//! warnings, once, on stderr.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::{UsageError, load_metrics, read_text};
use crate::campaign::{Campaign, DEFAULT_YAML, default_label, lint};
use crate::i18n::Lang;
use crate::metrics::Metrics;
use crate::problem::Problem;
use crate::scoring::{Scorer, UnitScore};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Campaign files (.yaml, .yml) and metrics CSV files (.csv), in any order.
    /// No campaign: the built-in one. Each data file is checked against each campaign.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Period to use when a data file has a `period` column: P or FROM..TO.
    #[arg(long, value_name = "P")]
    pub period: Option<String>,
    /// Language of labels.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

pub fn run(args: &Args) -> Result<()> {
    let (campaigns, data) = split(&args.files)?;
    // Data that cannot be read fails the command at once, as in `score`:
    // every campaign would fail on it the same way.
    // An export to convert names its groups as the first campaign does.
    let first = || match campaigns.first() {
        Some(p) => Campaign::from_yaml(&read_text(p)?, &p.display().to_string()),
        None => Campaign::from_yaml(DEFAULT_YAML, default_label()),
    };
    let metrics = data
        .iter()
        .map(|d| load_metrics(d, args.period.as_deref(), &first))
        .collect::<Result<Vec<_>>>()?;
    // Warnings are messages: their labels follow the messages' language
    // (`--lang`, else `THIDUA_LANG`), as their text does.
    let lang = crate::i18n::messages::lang();
    let mut errors: Vec<anyhow::Error> = Vec::new();
    let mut out = std::io::stdout().lock();
    if campaigns.is_empty() {
        let builtin = Campaign::from_yaml(DEFAULT_YAML, default_label())?;
        report(&builtin, &metrics, lang, &mut out, &mut errors)?;
    }
    for path in &campaigns {
        let loaded =
            read_text(path).and_then(|src| Campaign::from_yaml(&src, &path.display().to_string()));
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
            for e in &errors {
                eprintln!("{} {e:#}", crate::i18n::messages::Msg::Error.s());
            }
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

/// The warnings about `campaign` as its file is written (a `--weights`
/// overlay is a what-if, not a mistake) and about how `scores` came out.
pub fn warnings(campaign: &Campaign, data_file: &str, scores: &[UnitScore]) -> Vec<Problem> {
    let written = Campaign::from_yaml(&campaign.source, &campaign.file);
    let c = written.as_ref().unwrap_or(campaign);
    let mut found = lint::campaign(c);
    if c.criteria.len() == campaign.criteria.len() {
        found.extend(lint::data(c, data_file, scores));
    }
    found.sort();
    found
}

/// Prints the campaign's warnings once on stderr, for `score`, `rank` and
/// `nominate`, after scoring (some warnings need the scores), in the
/// messages' language.
pub fn warn(campaign: &Campaign, metrics: &Metrics, scores: &[UnitScore]) {
    let lang = crate::i18n::messages::lang();
    for p in warnings(campaign, &metrics.file, scores) {
        // As errors are printed: `thidua: cảnh báo: file:line:column: …`.
        eprintln!(
            "thidua: {}: {}: {}",
            label(lang),
            location(&p),
            body(&p, lang)
        );
    }
}

/// `file:line:column`, as far as known.
fn location(p: &Problem) -> String {
    let mut s = p.file.clone();
    if let Some(l) = p.line {
        s.push_str(&format!(":{l}"));
        if let Some(c) = p.column {
            s.push_str(&format!(":{c}"));
        }
    }
    s
}

fn label(lang: Lang) -> &'static str {
    lang.pick("cảnh báo", "warning")
}

/// The message, and the hint on the next line.
fn body(p: &Problem, lang: Lang) -> String {
    let mut s = p.message.clone();
    if let Some(h) = &p.hint {
        s.push_str(&format!("\n  {}: {h}", lang.pick("gợi ý", "hint")));
    }
    s
}

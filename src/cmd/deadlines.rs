//! `thidua deadlines`: the shell around the pure checklist — reads the
//! campaign and holiday files, takes today's date from the system (the only
//! clock in the program), and writes the chosen format.

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;

use super::{UsageError, read_text, resolve};
use crate::campaign::Campaign;
use crate::deadlines::{Filter, checklist, mark_done, state, uncovered_years, unknown_steps};
use crate::holidays::{self, BUILTIN_YEARS, Calendar};
use crate::i18n::Lang;
use crate::report::Format;
use crate::report::deadlines::{Context, DeadlinesReport};
use crate::report::pipeline::Report;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Campaign YAML (its `deadlines` and each tier's). Default: the built-in Kế hoạch 236/KH-UBND.
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
    /// More holidays or make-up days, a YAML list of {date, name, working}; wins over the built-in 2022–2027 table and the campaign's `holidays`.
    #[arg(long, value_name = "FILE")]
    pub holidays: Option<PathBuf>,
    /// Only this tier's steps (campaign-wide steps are always shown).
    #[arg(long, value_name = "TIER")]
    pub tier: Option<String>,
    /// The day to count from, dd/mm/yyyy or yyyy-mm-dd. Default: today's date on this computer.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub today: Option<NaiveDate>,
    /// Steps already done (ids as the checklist shows them, e.g. tinh-1): only these are ticked.
    #[arg(long, value_name = "STEP_ID", num_args = 1.., value_delimiter = ',')]
    pub done: Vec<String>,
    /// A YAML file `done: [STEP_ID, …]` of the steps already done (adds to --done).
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Only steps due from today up to N days ahead.
    #[arg(long, value_name = "N")]
    pub within: Option<u32>,
    /// Output format: table, csv, json, md, ics. Default: from the extension of -o (.txt is a
    /// table; any other is an error), else a table on a terminal and CSV in a pipe.
    #[arg(long, value_enum, hide_possible_values = true)]
    pub format: Option<Format>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of labels (names from the campaign file stay as written).
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
    /// Calendar reminder this many days before each step (ics; 0 = on the day).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub remind_days: u32,
}

impl Args {
    /// The files this command reads, which no output may overwrite.
    pub fn inputs(&self) -> Vec<&Path> {
        self.criteria
            .iter()
            .chain(self.holidays.iter())
            .chain(self.state.iter())
            .map(PathBuf::as_path)
            .collect()
    }
}

/// `--today`: dd/mm/yyyy as Vietnamese documents write it (and `import`
/// takes), or yyyy-mm-dd.
fn parse_day(s: &str) -> Result<NaiveDate, crate::i18n::Text> {
    let t = s.trim();
    NaiveDate::parse_from_str(t, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y-%m-%d"))
        .map_err(|_| crate::msg!(NotADateDay, s))
}

/// `--done` and the state file's ids; an id of no step is a usage error
/// naming the steps there are.
fn done_steps(args: &Args, campaign: &Campaign) -> Result<Vec<String>> {
    let unknown = unknown_steps(campaign, &args.done);
    if !unknown.is_empty() {
        let known: Vec<&str> = campaign.all_deadlines().map(|d| d.id.as_str()).collect();
        return Err(UsageError(crate::msg!(
            DoneUnknown,
            unknown
                .iter()
                .map(|u| format!("`{u}`"))
                .collect::<Vec<_>>()
                .join(", "),
            known.join(", ")
        ))
        .into());
    }
    let mut done = args.done.clone();
    if let Some(p) = &args.state {
        done.extend(state::parse(
            &read_text(p)?,
            &p.display().to_string(),
            campaign,
        )?);
    }
    Ok(done)
}

/// Runs `deadlines`, its messages in `lang`.
pub fn run(args: &Args, lang: Lang) -> Result<()> {
    let resolve::Deadlines { campaign, out } = resolve::deadlines(args, lang)?;
    let done = done_steps(args, &campaign)?;
    let mut cal = Calendar::builtin();
    cal.overlay(&campaign.holidays);
    if let Some(p) = &args.holidays {
        cal.overlay(&holidays::parse(&read_text(p)?, &p.display().to_string())?);
    }
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let filter = Filter {
        tier: args.tier.as_deref(),
        within: args.within,
    };
    let mut rows = checklist(&campaign, &cal, today, filter);
    mark_done(&mut rows, &done);
    note_uncovered_years(&uncovered_years(&rows, &cal), out.lang);
    let report = Report::Deadlines(DeadlinesReport {
        cx: Context {
            campaign: &campaign,
            today,
            lang: out.lang,
        },
        rows,
        width: terminal_width(args),
        remind_days: args.remind_days,
    });
    let inputs = args.inputs();
    let bytes = crate::report::pipeline::render(&report, out.format, None)?;
    crate::output::emit(args.output.as_deref(), &bytes, &inputs)
}

/// Wrap the table to the terminal; in a file or pipe keep one line per row.
fn terminal_width(args: &Args) -> Option<u16> {
    if args.output.is_none() && resolve::stdout_is_terminal() {
        comfy_table::Table::new().width()
    } else {
        None
    }
}

/// Outside the holiday table only weekends are known: say so, on stderr.
fn note_uncovered_years(years: &[i32], lang: Lang) {
    if years.is_empty() {
        return;
    }
    let list: Vec<String> = years.iter().map(i32::to_string).collect();
    let (from, to) = (BUILTIN_YEARS.start(), BUILTIN_YEARS.end());
    eprintln!(
        "thidua: {}",
        match lang {
            Lang::Vi => format!(
                "lưu ý: chưa có lịch nghỉ lễ năm {} (bảng có sẵn: {from}–{to}); chỉ tính nghỉ cuối tuần — bổ sung bằng --holidays FILE",
                list.join(", ")
            ),
            Lang::En => format!(
                "note: no public holidays known for {} (built-in table: {from}–{to}); only weekends are counted — add them with --holidays FILE",
                list.join(", ")
            ),
        }
    );
}

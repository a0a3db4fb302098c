//! Flags lowered once into checked arguments before any data file is read, as
//! ripgrep lowers its flags (`lowargs`) into `HiArgs`: clap checks what it can
//! express (`requires`, `conflicts_with`, value parsers); this module resolves
//! the rest — the output format and path, the tier against the campaign —
//! so a wrong call is a usage error (exit 2) before any work, never halfway.

mod commands;

pub use commands::{
    Deadlines, Gap, Import, Nominate, Rank, Score, deadlines, gap, import, nominate, rank, score,
    what_if_in_docx,
};

use crate::i18n::messages::Msg;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{OutputArgs, UsageError};
use crate::campaign::Campaign;
use crate::i18n::{Lang, Text};
use crate::report::Format;

/// A command and the formats it writes.
#[derive(Debug, Clone, Copy)]
pub struct Writes {
    pub command: &'static str,
    pub formats: &'static [Format],
}

const REPORTS: &[Format] = &[
    Format::Table,
    Format::Csv,
    Format::CsvExcel,
    Format::Json,
    Format::Md,
    Format::Html,
    Format::Xlsx,
    Format::Docx,
];

pub const SCORE: Writes = Writes {
    command: "score",
    formats: REPORTS,
};
pub const RANK: Writes = Writes {
    command: "rank",
    formats: REPORTS,
};
pub const NOMINATE: Writes = Writes {
    command: "nominate",
    formats: REPORTS,
};
pub const DEADLINES: Writes = Writes {
    command: "deadlines",
    formats: &[
        Format::Table,
        Format::Csv,
        Format::Json,
        Format::Md,
        Format::Ics,
    ],
};
pub const IMPORT: Writes = Writes {
    command: "import",
    formats: &[Format::Csv],
};

/// `-o`'s extension → format, for every format the tool knows (SPEC 7), in
/// the order messages list them.
const EXTENSIONS: [(&str, Format); 8] = [
    ("csv", Format::Csv),
    ("json", Format::Json),
    ("md", Format::Md),
    ("html", Format::Html),
    ("xlsx", Format::Xlsx),
    ("docx", Format::Docx),
    ("ics", Format::Ics),
    ("txt", Format::Table),
];

impl Writes {
    fn writes(&self, f: Format) -> bool {
        self.formats.contains(&f)
    }

    /// "table, csv, json" — what `--format` accepts for this command.
    fn names(&self) -> String {
        let names: Vec<&str> = self.formats.iter().map(|f| f.name()).collect();
        names.join(", ")
    }

    /// ".csv, .json, .txt (table)" — the extensions of `-o` for this command.
    fn extensions(&self) -> String {
        let exts: Vec<String> = EXTENSIONS
            .iter()
            .filter(|(_, f)| self.writes(*f))
            .map(|(e, f)| match f {
                Format::Table => format!(".{e} (table)"),
                _ => format!(".{e}"),
            })
            .collect();
        exts.join(", ")
    }
}

/// Where a command's output goes, in which format and language: all checked.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: Format,
    pub output: Option<PathBuf>,
    pub lang: Lang,
    /// `--ids`: printed outputs add a "Mã" column.
    pub ids: bool,
    /// `--label`: how reports name the data.
    pub label: Option<String>,
}

impl Output {
    pub fn format(&self) -> Format {
        self.format
    }
}

/// The shared output flags of a command, resolved; `inputs` are the files the
/// run will read, which `-o` may not name.
pub fn output(w: Writes, args: &OutputArgs, inputs: &[&Path], terminal: bool) -> Result<Output> {
    let path = args.output.as_deref();
    // `--excel` is `--format csv-excel` (clap keeps the two apart).
    let flag = if args.excel {
        Some(Format::CsvExcel)
    } else {
        args.format
    };
    let format = format(w, flag, path, terminal)?;
    if crate::report::pipeline::dated(format) {
        super::reports::now()?; // a bad SOURCE_DATE_EPOCH, before any work
    }
    never_over_an_input(path, inputs)?;
    Ok(Output {
        format,
        output: args.output.clone(),
        lang: args.lang,
        ids: args.ids,
        label: args.label.clone(),
    })
}

/// Standard output is a terminal when nothing redirects it and `-o` is absent.
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// SPEC 7's one rule for every command: `--format` wins; else the extension
/// of `-o` (`.txt` is a table); any other extension, or none, is a usage
/// error naming the accepted ones. Without `-o`: a table on a terminal, CSV
/// in a pipe. A format the command does not write is a usage error naming
/// those it does, and a workbook is never sent to a terminal.
pub fn format(
    w: Writes,
    flag: Option<Format>,
    path: Option<&Path>,
    terminal: bool,
) -> Result<Format, UsageError> {
    let (format, via) = match (flag, path) {
        (Some(f), _) => (f, format!("--format {}", f.name())),
        (None, Some(p)) => (from_extension(w, p)?, format!("-o {}", p.display())),
        (None, None) if terminal && w.writes(Format::Table) => return Ok(Format::Table),
        (None, None) => return Ok(Format::Csv),
    };
    let listed = if flag.is_some() {
        w.names()
    } else {
        w.extensions()
    };
    if !w.writes(format) {
        return Err(UsageError(crate::msg!(
            CannotWriteVia,
            via,
            format.name(),
            w.command,
            listed
        )));
    }
    if matches!(format, Format::Xlsx | Format::Docx) && path.is_none() && terminal {
        let (f, what) = match format {
            Format::Xlsx => ("xlsx", Msg::BinaryWorkbook),
            _ => ("docx", Msg::BinaryDocx),
        };
        return Err(UsageError(crate::msg!(BinaryToTerminal, f, what)));
    }
    Ok(format)
}

fn from_extension(w: Writes, path: &Path) -> Result<Format, UsageError> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    let found = ext
        .as_deref()
        .and_then(|e| EXTENSIONS.iter().find(|(x, _)| *x == e));
    match (found, ext) {
        (Some((_, f)), _) => Ok(*f),
        (None, ext) => {
            let what = match ext {
                Some(e) => crate::msg!(NotOutputExt, e),
                None => Msg::NoOutputExt.into(),
            };
            Err(UsageError(crate::msg!(
                OutputExt,
                path.display(),
                what,
                w.command,
                w.extensions()
            )))
        }
    }
}

/// The cheap half of "never over an input", before anything is read; the
/// write itself checks again (`output::emit`).
pub fn never_over_an_input(path: Option<&Path>, inputs: &[&Path]) -> Result<()> {
    match path {
        Some(p) => crate::output::refuse_inputs(p, inputs),
        None => Ok(()),
    }
}

/// Looks a tier up by id, as typed or with Vietnamese marks and any case
/// (`tỉnh` = `tinh`, `BK Tỉnh` = `bk_tinh`); an unknown one is a usage error
/// listing the known.
pub fn tier(campaign: &Campaign, id: &str) -> Result<usize, UsageError> {
    let folded = crate::import::text::slug(id);
    let by_folding = || {
        let mut fits = (0..campaign.tiers.len())
            .filter(|&i| crate::import::text::slug(&campaign.tiers[i].id) == folded);
        fits.next().filter(|_| fits.next().is_none())
    };
    campaign.tier_index(id).or_else(by_folding).ok_or_else(|| {
        let known: Vec<&str> = campaign.tiers.iter().map(|t| t.id.as_str()).collect();
        let list = if known.is_empty() {
            Msg::NoTiers.into()
        } else {
            crate::msg!(KnownList, known.join(", "))
        };
        let close = crate::campaign::suggestion(&id.to_lowercase(), &known);
        let hint = if close.is(Msg::DidYouMean) {
            close
        } else {
            Text::default()
        };
        UsageError(crate::msg!(TierUnknownIn, id, campaign.file, list, hint))
    })
}

#[cfg(test)]
mod tests;

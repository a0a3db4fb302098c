//! The shell around the dated and paper formats (html, xlsx, docx): the
//! renderers are pure, so the shell reads the time they print, once, and the
//! `--doc` fields of a Word document.

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{DateTime, NaiveDateTime};

use super::UsageError;
use super::resolve::Output;
use crate::report::Format;
use crate::report::docx::DocFields;

/// When the report is made: `SOURCE_DATE_EPOCH` (seconds, UTC) when set, so
/// a committed example regenerates byte for byte; else the local clock.
pub fn now() -> Result<NaiveDateTime> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(s) => s
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .map(|t| t.naive_utc())
            .ok_or_else(|| UsageError(crate::msg!(SourceDateEpoch, s)).into()),
        Err(_) => Ok(chrono::Local::now().naive_local()),
    }
}

/// `--doc`: the fields of the .docx paper (`score`, `rank`, `nominate`).
#[derive(Debug, clap::Args)]
pub struct DocArgs {
    /// Document fields for --format docx: issuer, number, place, date, signer,
    /// the Tờ trình, recipients (YAML, see examples/van-ban.yaml); absent ones print as "…".
    #[arg(long, value_name = "FILE")]
    pub doc: Option<PathBuf>,
}

impl DocArgs {
    /// The fields when the output is a .docx (blank without `--doc`), read
    /// before any data; `--doc` with another format is a usage error.
    pub fn load(&self, out: &Output) -> Result<Option<DocFields>> {
        match (&self.doc, out.format()) {
            (None, Format::Docx) => Ok(Some(DocFields::default())),
            (None, _) => Ok(None),
            (Some(p), Format::Docx) => {
                let text = super::read_text(p)?;
                Ok(Some(DocFields::from_yaml(&text, &p.display().to_string())?))
            }
            (Some(_), f) => Err(UsageError(crate::msg!(DocNeedsDocx, f.name())).into()),
        }
    }

    pub fn inputs(&self) -> impl Iterator<Item = &Path> {
        self.doc.iter().map(PathBuf::as_path)
    }
}

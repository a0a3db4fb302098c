//! Rows set aside by `--keep-going`, streamed to a temporary file beside the
//! output (a bad file can have millions of them) and renamed into place only
//! when the import succeeds.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::i18n::Lang;
use crate::import::write::{REJECTS_HEADER, reject_record};
use crate::output::TempOutput;
use crate::problem::Problem;
use crate::record::Record;

pub struct Rejects {
    writer: csv::Writer<TempOutput>,
    pub count: u64,
    /// The output the rejects go beside.
    beside: PathBuf,
    /// The language of the reasons.
    lang: Lang,
}

impl Rejects {
    /// A sink for the rejects of an import whose output is `path`, their
    /// reasons said in `lang`.
    pub fn beside(path: &Path, lang: Lang) -> Result<Rejects> {
        let tmp = crate::output::temp_beside(path)?;
        let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(tmp);
        writer.write_record(REJECTS_HEADER)?;
        Ok(Rejects {
            writer,
            count: 0,
            beside: path.to_path_buf(),
            lang,
        })
    }

    pub fn push(&mut self, p: &Problem, rec: &Record) -> Result<()> {
        self.count += 1;
        let cells: Vec<String> = rec
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        self.writer
            .write_record(reject_record(
                p,
                cells.iter().map(String::as_str),
                self.lang,
            ))
            .context(crate::i18n::messages::Msg::WritingRejects)
    }

    /// Forgets what was written (the file is being read again): a fresh
    /// temporary file; dropping the old one deletes it.
    pub fn reset(&mut self) -> Result<()> {
        *self = Rejects::beside(&self.beside, self.lang)?;
        Ok(())
    }

    /// Moves the rejects to `path`, never over one of `inputs`.
    pub fn persist(self, path: &Path, inputs: &[&Path]) -> Result<()> {
        let tmp = self.writer.into_inner().map_err(|e| e.into_error())?;
        crate::output::persist(tmp, path, inputs)
    }
}

//! The parts of a zip (`.xlsx`, `.ods`, `.xlsb`), each opened only after its
//! declared size and packing ratio are checked against [`Limits`], and read
//! as a stream: the `zip` crate stops with an error at the declared size, so
//! no part unpacks to more than was checked, and nothing is held whole.

use std::io::{BufReader, Cursor, Read};

use anyhow::Result;
use zip::ZipArchive;
use zip::read::ZipFile;

use super::{Limits, file_error};

pub struct Zip<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    file: String,
    limits: Limits,
}

/// One part, unpacking as it is read.
pub type Part<'z, 'a> = BufReader<ZipFile<'z, Cursor<&'a [u8]>>>;

impl<'a> Zip<'a> {
    pub fn open(bytes: &'a [u8], file: &str, limits: &Limits) -> Result<Zip<'a>> {
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| file_error(file, crate::msg!(GridNotZip, e)))?;
        Ok(Zip {
            archive,
            file: file.to_string(),
            limits: *limits,
        })
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The stored name of part `name`: exact, else ignoring case and a
    /// leading `/` (some writers differ from the relationships in both).
    fn name_of(&self, name: &str) -> Option<String> {
        let name = name.trim_start_matches('/');
        if self.archive.index_for_name(name).is_some() {
            return Some(name.to_string());
        }
        self.archive
            .file_names()
            .flatten()
            .find(|n| n.trim_start_matches('/').eq_ignore_ascii_case(name))
            .map(|n| n.into_owned())
    }

    pub fn has(&self, name: &str) -> bool {
        self.name_of(name).is_some()
    }

    /// Part `name` to read, `None` when there is no such part; an error when
    /// it would unpack past the limits.
    pub fn part(&mut self, name: &str) -> Result<Option<Part<'_, 'a>>> {
        let Some(stored) = self.name_of(name) else {
            return Ok(None);
        };
        let (file, limits) = (self.file.clone(), self.limits);
        let entry = self
            .archive
            .by_name(&stored)
            .map_err(|e| file_error(&file, crate::msg!(GridPartBroken, stored, e)))?;
        check(
            &file,
            &stored,
            entry.size(),
            entry.compressed_size(),
            &limits,
        )?;
        Ok(Some(BufReader::with_capacity(64 << 10, entry)))
    }

    /// Checks every part's declared size and ratio, for a decoder we do not
    /// own that opens parts itself.
    pub fn check_all(&mut self) -> Result<()> {
        for i in 0..self.archive.len() {
            let entry = self
                .archive
                .by_index_raw(i)
                .map_err(|e| file_error(&self.file, crate::msg!(GridNotZip, e)))?;
            let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
            check(
                &self.file,
                &name,
                entry.size(),
                entry.compressed_size(),
                &self.limits,
            )?;
        }
        Ok(())
    }

    /// A small part read whole (relationships, workbook, styles), within the
    /// part limit.
    pub fn read_small(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let file = self.file.clone();
        let Some(mut part) = self.part(name)? else {
            return Ok(None);
        };
        let mut out = Vec::new();
        part.read_to_end(&mut out)
            .map_err(|e| file_error(&file, crate::msg!(GridPartBroken, name, e)))?;
        Ok(Some(out))
    }
}

/// A part that would unpack past the size limit, or past the ratio once
/// above [`Limits::RATIO_FLOOR`], is refused before a byte is inflated.
fn check(file: &str, name: &str, size: u64, packed: u64, limits: &Limits) -> Result<()> {
    if size > limits.part_bytes {
        let m = crate::msg!(GridPartTooBig, name, size, limits.part_bytes);
        return Err(file_error(file, m));
    }
    if size > Limits::RATIO_FLOOR && size / packed.max(1) > limits.ratio {
        let m = crate::msg!(GridPartRatio, name, limits.ratio, size, packed);
        return Err(file_error(file, m));
    }
    Ok(())
}

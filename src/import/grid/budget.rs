//! How much a file may make us hold. Every producer counts the cells and the
//! bytes of text it keeps against these limits as it goes, so memory follows
//! what the file really holds, never what it declares, and a file past them
//! is an error naming the cell where the limit was reached.

use super::{Pos, pos_error};
use crate::i18n::Text;

/// Limits on reading one file. The defaults are far above any office table
/// (a year of dossiers is ~10⁵ rows × 20 columns) and far below what would
/// strain an office PC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Non-empty cells kept (merged ranges count as cells).
    pub cells: usize,
    /// Bytes of text kept, over all cells.
    pub text_bytes: usize,
    /// Bytes one zip part may unpack to.
    pub part_bytes: u64,
    /// How many times its packed size a part larger than
    /// [`Limits::RATIO_FLOOR`] may unpack to (deflate tops out near 1032).
    pub ratio: u64,
    /// Dense cells a decoder we do not own may build (`.xls`: the area of
    /// each sheet's used range, all sheets together).
    pub area: u64,
    /// Nesting of XML elements.
    pub depth: usize,
}

impl Limits {
    /// Parts unpacking to less than this are not held to the ratio.
    pub const RATIO_FLOOR: u64 = 16 << 20;
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            cells: 5_000_000,
            text_bytes: 256 << 20,
            part_bytes: 1 << 30,
            ratio: 250,
            area: 4_000_000,
            depth: 100,
        }
    }
}

/// The cells and text kept so far.
#[derive(Debug, Clone)]
pub struct Budget {
    limits: Limits,
    cells: usize,
    text: usize,
}

impl Budget {
    pub fn new(limits: &Limits) -> Budget {
        Budget {
            limits: *limits,
            cells: 0,
            text: 0,
        }
    }

    /// Counts `n` cells holding `text` bytes of text in all, kept at `at`.
    pub fn take(&mut self, n: u64, text: u64, at: impl FnOnce() -> Pos) -> anyhow::Result<()> {
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        let text = usize::try_from(text).unwrap_or(usize::MAX);
        self.cells = self.cells.saturating_add(n);
        self.text = self.text.saturating_add(text);
        if self.cells > self.limits.cells {
            let m = crate::msg!(GridTooManyCells, self.limits.cells);
            return Err(pos_error(&at(), m, Some(hint())));
        }
        if self.text > self.limits.text_bytes {
            let m = crate::msg!(GridTooMuchText, self.limits.text_bytes >> 20);
            return Err(pos_error(&at(), m, Some(hint())));
        }
        Ok(())
    }

    /// Bytes of text that may still be kept.
    pub fn text_left(&self) -> usize {
        self.limits.text_bytes.saturating_sub(self.text)
    }

    pub fn cells(&self) -> usize {
        self.cells
    }
}

/// What to do with a file too large to read.
pub fn hint() -> Text {
    crate::i18n::messages::Msg::GridHintSplit.into()
}

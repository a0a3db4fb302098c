//! Duplicate dossier numbers in constant memory: each number becomes a 64-bit
//! fingerprint; fingerprints fill a fixed buffer that is sorted and spilled
//! to a temporary file when full, and sorted runs are merged at the end. A
//! repeated fingerprint is only a suspect: the caller confirms it exactly.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::fs::File;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};

use anyhow::{Context, Result};

/// Fingerprints held in memory before a spill: 12 MiB per scanning thread.
pub const BUFFER: usize = 3 << 19;
/// Suspects kept for the exact check; past this only their count is known.
pub const MAX_SUSPECTS: usize = 1 << 16;

/// A fast 64-bit hash of short byte strings (dossier numbers, unit ids).
/// Each 8-byte word goes through a folded 128-bit multiply, so a change in
/// any byte reaches every bit (dossier numbers differ only in a few digits).
pub fn hash(bytes: &[u8]) -> u64 {
    const K1: u64 = 0x9E37_79B9_7F4A_7C15;
    const K2: u64 = 0xD6E8_FEB8_6659_FD93;
    let mut h = (bytes.len() as u64).wrapping_mul(K2);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        h = folded_multiply(h ^ w, K1);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = folded_multiply(h ^ u64::from_le_bytes(tail), K2);
    fmix(h)
}

fn folded_multiply(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

/// MurmurHash3's finaliser: spreads every input bit over the output.
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// [`hash`] as a `Hasher`, for maps keyed by unit id bytes.
#[derive(Default)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash(bytes) ^ self.0.rotate_left(5);
    }
}

pub type FastBuild = BuildHasherDefault<FastHasher>;

#[derive(Default)]
pub struct Fingerprints {
    buffer: Vec<u64>,
    runs: Vec<File>,
}

impl Fingerprints {
    pub fn push(&mut self, fp: u64) -> Result<()> {
        if self.buffer.capacity() == 0 {
            self.buffer.reserve_exact(BUFFER);
        }
        self.buffer.push(fp);
        if self.buffer.len() == BUFFER {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> Result<()> {
        self.buffer.sort_unstable();
        let file = tempfile::tempfile().context(crate::i18n::messages::Msg::NoTempDossiers)?;
        let mut w = BufWriter::with_capacity(1 << 16, file);
        for fp in self.buffer.drain(..) {
            w.write_all(&fp.to_le_bytes())?;
        }
        let mut file = w.into_inner().map_err(|e| e.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        self.runs.push(file);
        Ok(())
    }

    /// Sorts what is still in memory (done by each scanning thread).
    pub fn seal(&mut self) {
        self.buffer.sort_unstable();
    }
}

/// Fingerprints seen more than once across all stores, and how many extra
/// occurrences there were in total.
pub fn repeated(stores: Vec<Fingerprints>) -> Result<(HashSet<u64>, u64)> {
    if stores.len() <= 2 && stores.iter().all(|s| s.runs.is_empty()) {
        let empty = Vec::new();
        let a = &stores[0].buffer;
        let b = stores.get(1).map_or(&empty, |s| &s.buffer);
        return Ok(repeated_in_memory(a, b));
    }
    let mut runs: Vec<Box<dyn Iterator<Item = Result<u64>>>> = Vec::new();
    for s in stores {
        runs.extend(
            s.runs
                .into_iter()
                .map(|f| Box::new(file_run(f)) as Box<dyn Iterator<Item = _>>),
        );
        runs.push(Box::new(s.buffer.into_iter().map(Ok)));
    }
    let mut heap = BinaryHeap::new();
    for (i, r) in runs.iter_mut().enumerate() {
        if let Some(fp) = r.next() {
            heap.push(Reverse((fp?, i)));
        }
    }
    let (mut suspects, mut extra, mut last) = (HashSet::new(), 0u64, None);
    while let Some(Reverse((fp, i))) = heap.pop() {
        if last == Some(fp) {
            extra += 1;
            if suspects.len() < MAX_SUSPECTS {
                suspects.insert(fp);
            }
        }
        last = Some(fp);
        if let Some(next) = runs[i].next() {
            heap.push(Reverse((next?, i)));
        }
    }
    Ok((suspects, extra))
}

/// Two sorted slices walked side by side: the common case, no heap needed.
fn repeated_in_memory(a: &[u64], b: &[u64]) -> (HashSet<u64>, u64) {
    let (mut i, mut j, mut last) = (0, 0, None);
    let (mut suspects, mut extra) = (HashSet::new(), 0u64);
    while i < a.len() || j < b.len() {
        let fp = if j == b.len() || (i < a.len() && a[i] <= b[j]) {
            i += 1;
            a[i - 1]
        } else {
            j += 1;
            b[j - 1]
        };
        if last == Some(fp) {
            extra += 1;
            if suspects.len() < MAX_SUSPECTS {
                suspects.insert(fp);
            }
        }
        last = Some(fp);
    }
    (suspects, extra)
}

fn file_run(file: File) -> impl Iterator<Item = Result<u64>> {
    let mut r = BufReader::with_capacity(1 << 16, file);
    std::iter::from_fn(move || {
        let mut b = [0u8; 8];
        match r.read_exact(&mut b) {
            Ok(()) => Some(Ok(u64::from_le_bytes(b))),
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => None,
            Err(e) => Some(Err(e.into())),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_repeats_across_spilled_runs_and_stores() {
        let mut a = Fingerprints::default();
        for i in 0..(BUFFER as u64 + 10) {
            a.push(hash(format!("HS-{i}").as_bytes())).unwrap();
        }
        assert_eq!(a.runs.len(), 1, "one run spilled");
        let mut b = Fingerprints::default();
        b.push(hash(b"HS-7")).unwrap();
        b.push(hash(b"HS-7")).unwrap();
        b.push(hash(b"HS-new")).unwrap();
        a.seal();
        b.seal();
        let (suspects, extra) = repeated(vec![a, b]).unwrap();
        assert_eq!(extra, 2);
        assert_eq!(suspects, HashSet::from([hash(b"HS-7")]));
    }

    #[test]
    fn in_memory_halves_find_repeats_within_and_across() {
        let mut a = Fingerprints::default();
        let mut b = Fingerprints::default();
        for n in ["A-1", "A-2", "A-1"] {
            a.push(hash(n.as_bytes())).unwrap();
        }
        for n in ["B-1", "A-2"] {
            b.push(hash(n.as_bytes())).unwrap();
        }
        a.seal();
        b.seal();
        let (suspects, extra) = repeated(vec![a, b]).unwrap();
        assert_eq!(extra, 2);
        assert_eq!(suspects, HashSet::from([hash(b"A-1"), hash(b"A-2")]));
    }

    #[test]
    fn numbers_that_differ_in_one_digit_do_not_collide() {
        let mut a = Fingerprints::default();
        for unit in ["XA01", "XA02", "PB10"] {
            for i in 0..400_000 {
                a.push(hash(format!("{unit}-{i:08}").as_bytes())).unwrap();
            }
        }
        a.seal();
        assert_eq!(repeated(vec![a]).unwrap().1, 0);
    }

    #[test]
    fn no_repeats_no_suspects() {
        let mut a = Fingerprints::default();
        for i in 0..1000 {
            a.push(hash(format!("{i}").as_bytes())).unwrap();
        }
        a.seal();
        assert_eq!(repeated(vec![a]).unwrap().1, 0);
    }
}

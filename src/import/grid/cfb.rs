//! The OLE compound file around an `.xls`: we take its workbook stream out
//! ourselves (every sector chain bounded, so a looping or oversized chain is
//! an error, not an endless allocation) and hand calamine a clean container
//! we write, holding that one stream, so calamine's own container code only
//! ever sees a well-formed file.

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const FREESECT: u32 = 0xFFFF_FFFF;
const FATSECT: u32 = 0xFFFF_FFFD;
const NOSTREAM: u32 = 0xFFFF_FFFF;
const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const MINI_CUTOFF: u64 = 4096;
/// Sectors of the containers we write (version 4): 4096 bytes.
const SECTOR: usize = 4096;
/// FAT sectors a version 4 header lists without DIFAT sectors.
const HEADER_FAT: usize = 109;

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

struct Container<'a> {
    bytes: &'a [u8],
    size: usize,
    sectors: usize,
    fat: Vec<u32>,
}

impl Container<'_> {
    /// Sector `id` (a short last sector is padded with zeros by the caller).
    fn sector(&self, id: u32) -> Result<&[u8], String> {
        let id = id as usize;
        if id >= self.sectors {
            return Err(format!("sector {id} past the end of the file"));
        }
        let start = (id + 1) * self.size;
        Ok(&self.bytes[start..(start + self.size).min(self.bytes.len())])
    }

    /// The chain from `start` through `fat` (sectors of `size` fetched by
    /// `get`), at most `len` bytes; a chain longer than the sectors there are
    /// loops, and is an error.
    fn chain<'s>(
        &'s self,
        start: u32,
        len: u64,
        fat: &[u32],
        size: usize,
        get: impl Fn(u32) -> Result<&'s [u8], String>,
    ) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut id = start;
        let mut steps = 0usize;
        while id != ENDOFCHAIN && (out.len() as u64) < len {
            steps += 1;
            if steps > fat.len() {
                return Err("a sector chain loops".into());
            }
            let s = get(id)?;
            let want = (len - out.len() as u64).min(size as u64) as usize;
            out.extend_from_slice(&s[..want.min(s.len())]);
            id = *fat
                .get(id as usize)
                .ok_or_else(|| format!("sector {id} is not in the allocation table"))?;
        }
        Ok(out)
    }
}

/// The first stream named one of `names` (ignoring ASCII case, as Excel's
/// readers do), out of compound file `bytes`.
pub fn stream(bytes: &[u8], names: &[&str]) -> Result<Vec<u8>, String> {
    if bytes.len() < 512 || bytes[..8] != SIGNATURE {
        return Err("not a compound file".into());
    }
    let size = match u16_at(bytes, 30) {
        Some(9) => 512,
        Some(12) => 4096,
        _ => return Err("unknown sector size".into()),
    };
    let sectors = bytes.len().saturating_sub(size).div_ceil(size);
    let per = size / 4;
    let mut c = Container {
        bytes,
        size,
        sectors,
        fat: Vec::new(),
    };
    // The FAT sectors: 109 in the header, then the DIFAT chain; no more are
    // needed than it takes to map every sector of the file.
    let needed = sectors.div_ceil(per) + 1;
    let mut fat_ids: Vec<u32> = (0..HEADER_FAT)
        .filter_map(|i| u32_at(bytes, 76 + 4 * i))
        .collect();
    let mut next = u32_at(bytes, 68).unwrap_or(ENDOFCHAIN);
    let mut hops = 0;
    while next < FATSECT && fat_ids.len() < needed + HEADER_FAT {
        hops += 1;
        if hops > sectors {
            return Err("the DIFAT chain loops".into());
        }
        let s = c.sector(next)?;
        fat_ids.extend((0..per - 1).filter_map(|i| u32_at(s, 4 * i)));
        next = u32_at(s, size - 4).unwrap_or(ENDOFCHAIN);
    }
    let mut fat = Vec::new();
    for &id in fat_ids.iter().filter(|&&id| id < FATSECT).take(needed) {
        let s = c.sector(id)?;
        fat.extend((0..per).map(|i| u32_at(s, 4 * i).unwrap_or(FREESECT)));
    }
    c.fat = fat;
    let dir_start = u32_at(bytes, 48).unwrap_or(ENDOFCHAIN);
    let dirs = c.chain(dir_start, u64::MAX, &c.fat, size, |id| c.sector(id))?;
    let entries: Vec<&[u8]> = dirs.chunks_exact(128).collect();
    let root = entries.first().ok_or("no directory")?;
    let entry = entries
        .iter()
        .find(|e| names.iter().any(|n| name(e).eq_ignore_ascii_case(n)))
        .ok_or_else(|| format!("no {} stream", names.join(" or ")))?;
    let start = u32_at(entry, 116).unwrap_or(ENDOFCHAIN);
    let len = match size {
        512 => u64::from(u32_at(entry, 120).unwrap_or(0)),
        _ => {
            u32_at(entry, 120).map_or(0, u64::from)
                | u32_at(entry, 124).map_or(0, |h| u64::from(h) << 32)
        }
    };
    let len = len.min(bytes.len() as u64);
    if len >= MINI_CUTOFF {
        return c.chain(start, len, &c.fat, size, |id| c.sector(id));
    }
    // A small stream lives in the mini stream, in 64-byte sectors.
    let root_start = u32_at(root, 116).unwrap_or(ENDOFCHAIN);
    let mini = c.chain(root_start, bytes.len() as u64, &c.fat, size, |id| {
        c.sector(id)
    })?;
    let minifat_start = u32_at(bytes, 60).unwrap_or(ENDOFCHAIN);
    let minifat_bytes = c.chain(minifat_start, bytes.len() as u64, &c.fat, size, |id| {
        c.sector(id)
    })?;
    let minifat: Vec<u32> = minifat_bytes
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    c.chain(start, len, &minifat, 64, |id| {
        let at = id as usize * 64;
        mini.get(at..at + 64)
            .ok_or_else(|| format!("mini sector {id} past the mini stream"))
    })
}

fn name(entry: &[u8]) -> String {
    let units: Vec<u16> = entry[..64]
        .chunks_exact(2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .take_while(|&u| u != 0)
        .collect();
    String::from_utf16_lossy(&units)
}

/// A version 4 compound file holding `stream` as "Workbook" (in the mini
/// stream when shorter than 4096 bytes, as the format wants); `None` when it
/// is too large for a header without DIFAT sectors (~457 MB).
pub fn write(stream: &[u8]) -> Option<Vec<u8>> {
    let small = (stream.len() as u64) < MINI_CUTOFF;
    // Sectors: the stream (or the mini stream and its FAT), the directory,
    // then the allocation table.
    let n = if small {
        2
    } else {
        stream.len().div_ceil(SECTOR)
    };
    let per = SECTOR / 4;
    let mut fats = 1;
    while (n + 1 + fats).div_ceil(per) > fats {
        fats += 1;
    }
    if fats > HEADER_FAT {
        return None;
    }
    let dir = n;
    let total = n + 1 + fats;
    // calamine allows mini sectors up to 8 per sector of the file: a small
    // stream (64 mini sectors) needs a file of 8 sectors, the rest free.
    let mut out = vec![0u8; SECTOR * (1 + total).max(if small { 8 } else { 0 })];
    let put =
        |out: &mut Vec<u8>, at: usize, v: u32| out[at..at + 4].copy_from_slice(&v.to_le_bytes());
    out[..8].copy_from_slice(&SIGNATURE);
    out[24..26].copy_from_slice(&0x3Eu16.to_le_bytes());
    out[26..28].copy_from_slice(&4u16.to_le_bytes());
    out[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
    out[30..32].copy_from_slice(&12u16.to_le_bytes());
    out[32..34].copy_from_slice(&6u16.to_le_bytes());
    put(&mut out, 40, 1);
    put(&mut out, 44, fats as u32);
    put(&mut out, 48, dir as u32);
    put(&mut out, 56, MINI_CUTOFF as u32);
    put(&mut out, 60, if small { 1 } else { ENDOFCHAIN });
    put(&mut out, 64, u32::from(small));
    put(&mut out, 68, ENDOFCHAIN);
    for i in 0..HEADER_FAT {
        let v = if i < fats {
            (n + 1 + i) as u32
        } else {
            FREESECT
        };
        put(&mut out, 76 + 4 * i, v);
    }
    out[SECTOR..SECTOR + stream.len()].copy_from_slice(stream);
    let minis = stream.len().div_ceil(64);
    if small {
        for i in 0..minis {
            let v = if i + 1 < minis {
                i as u32 + 1
            } else {
                ENDOFCHAIN
            };
            put(&mut out, 2 * SECTOR + 4 * i, v);
        }
        for i in minis..per {
            put(&mut out, 2 * SECTOR + 4 * i, FREESECT);
        }
    }
    let d = SECTOR * (1 + dir);
    let (root_start, root_size, start) = match (small, stream.is_empty()) {
        (true, true) => (0, 0, ENDOFCHAIN),
        (true, false) => (0, 64 * minis as u64, 0),
        // calamine wants a root start even with no mini stream.
        (false, _) => (0, 0, 0),
    };
    let entries = [
        ("Root Entry", 5u8, 1u32, root_start, root_size),
        ("Workbook", 2, NOSTREAM, start, stream.len() as u64),
    ];
    for (k, (name, typ, child, start, size)) in entries.into_iter().enumerate() {
        let e = d + 128 * k;
        let units: Vec<u16> = name.encode_utf16().collect();
        for (i, u) in units.iter().enumerate() {
            out[e + 2 * i..e + 2 * i + 2].copy_from_slice(&u.to_le_bytes());
        }
        out[e + 64..e + 66].copy_from_slice(&(2 * (units.len() as u16 + 1)).to_le_bytes());
        out[e + 66] = typ;
        out[e + 67] = 1;
        put(&mut out, e + 68, NOSTREAM);
        put(&mut out, e + 72, NOSTREAM);
        put(&mut out, e + 76, child);
        put(&mut out, e + 116, start);
        out[e + 120..e + 128].copy_from_slice(&size.to_le_bytes());
    }
    for k in 2..SECTOR / 128 {
        let e = d + 128 * k;
        for at in [68, 72, 76] {
            put(&mut out, e + at, NOSTREAM);
        }
    }
    let f = SECTOR * (2 + dir);
    let chain_end = if small { 1 } else { n };
    for id in 0..fats * per {
        let v = match id {
            _ if id + 1 < chain_end => (id + 1) as u32,
            _ if id + 1 == chain_end || (small && id == 1) || id == dir => ENDOFCHAIN,
            _ if id > dir && id <= dir + fats => FATSECT,
            _ => FREESECT,
        };
        put(&mut out, f + 4 * id, v);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_we_write_we_read_back() {
        for len in [0, 10, 4095, 4096, 4097, 5_000_000] {
            let s: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let file = write(&s).unwrap();
            let back = stream(&file, &["workbook"]).unwrap();
            assert_eq!(back, s, "{len}");
            // calamine takes our container (and then may find no records).
            let book = <calamine::Xls<_> as calamine::Reader<_>>::new(std::io::Cursor::new(file));
            if let Err(e) = book {
                assert!(!format!("{e:?}").contains("Cfb"), "{len}: {e:?}");
            }
        }
    }

    #[test]
    fn loops_and_holes_are_errors() {
        let mut file = write(&[1u8; 9000]).unwrap();
        // The FAT is the last sector: make the directory (sector 3) its own next.
        let f = file.len() - SECTOR;
        file[f + 12..f + 16].copy_from_slice(&3u32.to_le_bytes());
        assert_eq!(
            stream(&file, &["Workbook"]).unwrap_err(),
            "a sector chain loops"
        );
        let mut file = write(&[1u8; 9000]).unwrap();
        file.truncate(4096 * 2);
        assert!(stream(&file, &["Workbook"]).is_err());
        assert!(stream(b"short", &["Workbook"]).is_err());
    }
}

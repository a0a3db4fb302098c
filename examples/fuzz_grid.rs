//! A fuzz driver for the spreadsheet readers (`import::grid`), with no
//! nightly toolchain: it mutates seed files of one format — their bytes, and
//! for zips their structure (declared sizes, names, compression, the XML of
//! the parts), for `.xls` its BIFF records — and reads each variant, counting
//! what came back. A panic that escapes the reader is counted and its input
//! saved; an abort kills the process, and the input being read is always in
//! `OUT/current-FORMAT.bin`. Run it in a release build under a memory cap:
//!
//! ```sh
//! ulimit -v 4000000
//! cargo run --release --example fuzz_grid -- xlsx 600 1 target/fuzz
//! ```
//!
//! Arguments: format (`xlsx`, `ods`, `xls`), CPU seconds, seed, output folder.
//! `fuzz_grid read FILE…` reads each file once and prints what came back,
//! the time it took and the process's peak memory; `fuzz_grid dump FILE
//! [SHEET]` prints every cell.

use std::io::{Cursor, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use rust_xlsxwriter::{Format, Workbook};
use thidua::i18n::{Lang, scope};
use thidua::import::grid::{self, Options};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INTERESTING: [u64; 14] = [
    0,
    1,
    0x7F,
    0x80,
    0xFF,
    0xFFFF,
    0x7FFF_FFFF,
    0xFFFF_FFFF,
    16_384,
    16_385,
    1_048_576,
    1_048_577,
    4_000_000_000,
    99_999_999_999,
];

/// Seeds: files other programs wrote, and workbooks written here.
fn seeds(format: &str) -> Vec<Vec<u8>> {
    let fixture = |n: &str| {
        std::fs::read(format!("tests/fixtures/grid/{n}")).expect("run from the repository")
    };
    match format {
        "xls" => vec![fixture("sample.xls"), fixture("libreoffice.xls")],
        "ods" => vec![fixture("sample.ods"), fixture("libreoffice.ods")],
        _ => {
            let mut wb = Workbook::new();
            let date = Format::new().set_num_format("dd/mm/yyyy");
            let ws = wb.add_worksheet().set_name("Tháng 10").unwrap();
            ws.merge_range(0, 0, 0, 4, "BÁO CÁO", &Format::new())
                .unwrap();
            for r in 1..12u32 {
                ws.write_string(r, 0, format!("Xã {r} & <Phú>")).unwrap();
                ws.write_number(r, 1, f64::from(r) * 1.5).unwrap();
                ws.write_number_with_format(r, 2, 45_000.0 + f64::from(r), &date)
                    .unwrap();
                ws.write_boolean(r, 3, r % 2 == 0).unwrap();
                ws.write_formula(r, 4, "=B2*2").unwrap();
            }
            wb.add_worksheet().set_name("Ẩn").unwrap().set_hidden(true);
            vec![wb.save_to_buffer().unwrap(), fixture("libreoffice.xlsx")]
        }
    }
}

/// One byte-level change.
fn mutate_bytes(b: &mut Vec<u8>, rng: &mut Rng, seeds: &[Vec<u8>]) {
    if b.is_empty() {
        b.push(rng.next() as u8);
        return;
    }
    let i = rng.below(b.len());
    match rng.below(9) {
        0 => b[i] ^= 1 << rng.below(8),
        1 => b[i] = rng.next() as u8,
        2 => {
            let v = INTERESTING[rng.below(INTERESTING.len())];
            let w = [1, 2, 4, 8][rng.below(4)];
            let bytes = v.to_le_bytes();
            let n = w.min(b.len() - i);
            b[i..i + n].copy_from_slice(&bytes[..n]);
        }
        3 => {
            let n = 1 + rng.below(16);
            let at = i.min(b.len());
            for _ in 0..n {
                b.insert(at, rng.next() as u8);
            }
        }
        4 => {
            let n = (1 + rng.below(64)).min(b.len() - i);
            b.drain(i..i + n);
        }
        5 => {
            let n = (1 + rng.below(256)).min(b.len() - i);
            let chunk: Vec<u8> = b[i..i + n].to_vec();
            let at = rng.below(b.len());
            b.splice(at..at, chunk);
        }
        6 => b.truncate(i),
        7 if !seeds.is_empty() => {
            let other = &seeds[rng.below(seeds.len())];
            if !other.is_empty() {
                let j = rng.below(other.len());
                let n = (1 + rng.below(512)).min(other.len() - j).min(b.len() - i);
                b[i..i + n].copy_from_slice(&other[j..j + n]);
            }
        }
        _ => {
            let digits = INTERESTING[rng.below(INTERESTING.len())].to_string();
            let n = digits.len().min(b.len() - i);
            b[i..i + n].copy_from_slice(&digits.as_bytes()[..n]);
        }
    }
}

/// The parts of a zip, unpacked (`None` when it is not one).
fn parts(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).ok()?;
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).ok()?;
        out.push((String::from_utf8_lossy(f.name_raw()).into_owned(), data));
    }
    Some(out)
}

/// A change to the XML of a part: numbers, cell types, entities, nesting.
fn mutate_xml(x: &mut Vec<u8>, rng: &mut Rng) {
    let text = String::from_utf8_lossy(x).into_owned();
    let pieces: [&str; 16] = [
        "r=\"99999999999\"",
        "r=\"XFD1048576\"",
        "r=\"XFE1\"",
        "t=\"s\"",
        "t=\"e\"",
        "t=\"d\"",
        "t=\"inlineStr\"",
        "&#0;",
        "&bogus;",
        "&#x110000;",
        "_xD83D_",
        "<v>NaN</v>",
        "table:number-columns-repeated=\"16384\"",
        "table:number-rows-repeated=\"4000000000\"",
        "<text:s text:c=\"99999999\"/>",
        "<a><a><a><a><a>",
    ];
    let at = {
        let mut i = rng.below(text.len() + 1);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let new = match rng.below(4) {
        0 => format!(
            "{}{}{}",
            &text[..at],
            pieces[rng.below(pieces.len())],
            &text[at..]
        ),
        1 => {
            // A number in the text replaced by an interesting one.
            let digits: Vec<usize> = text
                .match_indices(|c: char| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if digits.is_empty() {
                return;
            }
            let i = digits[rng.below(digits.len())];
            let end = text[i..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(text.len(), |e| i + e);
            format!(
                "{}{}{}",
                &text[..i],
                INTERESTING[rng.below(INTERESTING.len())],
                &text[end..]
            )
        }
        2 => {
            // An element repeated many times.
            let Some(s) = text[at..].find('<').map(|s| at + s) else {
                return;
            };
            let Some(e) = text[s..].find('>').map(|e| s + e + 1) else {
                return;
            };
            let el = &text[s..e];
            format!(
                "{}{}{}",
                &text[..e],
                el.repeat(1 + rng.below(2000)),
                &text[e..]
            )
        }
        _ => {
            let mut b = text.into_bytes();
            mutate_bytes(&mut b, rng, &[]);
            *x = b;
            return;
        }
    };
    *x = new.into_bytes();
}

/// A zip rebuilt from `parts`, each stored or deflated.
fn rezip(parts: &[(String, Vec<u8>)], rng: &mut Rng) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        let method = if rng.below(3) == 0 {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let o = zip::write::SimpleFileOptions::default().compression_method(method);
        if w.start_file(name.as_str(), o).is_err() || w.write_all(data).is_err() {
            continue;
        }
    }
    w.finish().map(Cursor::into_inner).unwrap_or_default()
}

/// Changes to the fields of the zip's headers: sizes, method, CRC, names.
fn mutate_headers(b: &mut [u8], rng: &mut Rng) {
    let sigs: Vec<(usize, bool)> = (0..b.len().saturating_sub(46))
        .filter_map(|i| match &b[i..i + 4] {
            [b'P', b'K', 3, 4] => Some((i, false)),
            [b'P', b'K', 1, 2] => Some((i, true)),
            _ => None,
        })
        .collect();
    if sigs.is_empty() {
        return;
    }
    let (at, central) = sigs[rng.below(sigs.len())];
    // Offsets of method, CRC, packed size, size, name length.
    let fields: [(usize, usize); 5] = if central {
        [(10, 2), (16, 4), (20, 4), (24, 4), (28, 2)]
    } else {
        [(8, 2), (14, 4), (18, 4), (22, 4), (26, 2)]
    };
    let (off, w) = fields[rng.below(5)];
    let v = match rng.below(3) {
        0 => INTERESTING[rng.below(INTERESTING.len())],
        1 => [0, 8, 9, 12, 14, 93, 99][rng.below(7)],
        _ => rng.next(),
    };
    b[at + off..at + off + w].copy_from_slice(&v.to_le_bytes()[..w]);
}

/// Changes to a BIFF record of the first workbook stream found in `b`:
/// its type, its length, or a row, column or count field.
fn mutate_records(b: &mut [u8], rng: &mut Rng) {
    let Some(start) = b
        .windows(6)
        .position(|w| w == [0x09, 0x08, 0x10, 0x00, 0x00, 0x06])
    else {
        return;
    };
    let mut offsets = Vec::new();
    let mut i = start;
    while i + 4 <= b.len() && offsets.len() < 10_000 {
        offsets.push(i);
        i += 4 + usize::from(u16::from_le_bytes([b[i + 2], b[i + 3]]));
    }
    let at = offsets[rng.below(offsets.len())];
    let off = [0, 2, 4, 6, 8, 10, 12][rng.below(7)];
    if at + off + 2 > b.len() {
        return;
    }
    let v = match rng.below(3) {
        0 => INTERESTING[rng.below(INTERESTING.len())] as u16,
        1 => [
            0x0006, 0x00FD, 0x00FC, 0x003C, 0x00BD, 0x0200, 0x0809, 0x000A, 0x0085, 0x00E5,
        ][rng.below(10)],
        _ => rng.next() as u16,
    };
    b[at + off..at + off + 2].copy_from_slice(&v.to_le_bytes());
}

fn variant(format: &str, seeds: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut b = seeds[rng.below(seeds.len())].clone();
    let zipped = format != "xls";
    let mut deep = false;
    if zipped
        && rng.below(2) == 0
        && let Some(mut ps) = parts(&b)
    {
        // Half of these keep a sound zip, so the change reaches the XML.
        deep = rng.below(2) == 0;
        for _ in 0..1 + rng.below(3) {
            if ps.is_empty() {
                break;
            }
            let k = rng.below(ps.len());
            match rng.below(5) {
                0 => {
                    ps.remove(k);
                }
                1 => {
                    let name = &mut ps[k].0;
                    *name = match rng.below(3) {
                        0 => name.to_uppercase(),
                        1 => format!("/{name}"),
                        _ => name.replace('/', "\\"),
                    };
                }
                _ => mutate_xml(&mut ps[k].1, rng),
            }
        }
        b = rezip(&ps, rng);
    }
    for _ in 0..if deep { 0 } else { 1 + rng.below(4) } {
        match (zipped, rng.below(3)) {
            (true, 0) => mutate_headers(&mut b, rng),
            (false, 0 | 1) => mutate_records(&mut b, rng),
            _ => mutate_bytes(&mut b, rng, seeds),
        }
    }
    b
}

/// CPU seconds this process has used (user + system), from `/proc`.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // After the command name (in parentheses) come the state, then fields
    // 4 on: utime is field 14, stime 15, in clock ticks (100 a second).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn peak_rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Reads each file once: cells or the error, milliseconds, peak memory.
fn read_files(files: &[String]) {
    for f in files {
        let bytes = std::fs::read(f).unwrap();
        let t = Instant::now();
        let r = grid::read(&bytes, f, &Options::default());
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let what = match r {
            Ok(g) => format!("{} cells in {} rows", g.cells().count(), g.rows.len()),
            Err(e) => format!("error: {}", e.to_string().replace('\n', " / ")),
        };
        println!(
            "{f}: {} bytes, {ms:.1} ms, peak_rss_kb={}: {what}",
            bytes.len(),
            peak_rss_kb()
        );
    }
}

/// Messages in English, rendered where they are printed.
fn main() {
    scope(Lang::En, run);
}

fn run() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("dump") {
        // Every cell of FILE's sheet (`--sheet` as the third argument).
        let bytes = std::fs::read(&args[2]).unwrap();
        let opts = Options {
            sheet: args.get(3).cloned(),
            ..Options::default()
        };
        let g = grid::read(&bytes, &args[2], &opts).unwrap();
        for (r, c, v) in g.cells() {
            println!("{} = {v:?}", g.pos(r, Some(c)));
        }
        for m in &g.merges {
            println!("merge {m:?}");
        }
        return;
    }
    if args.get(1).map(String::as_str) == Some("read") {
        return read_files(&args[2..]);
    }
    let format = args.get(1).map_or("xlsx", String::as_str).to_string();
    let seconds: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let out = args.get(4).cloned().unwrap_or_else(|| "target/fuzz".into());
    std::fs::create_dir_all(&out).unwrap();
    // A panic escaping the reader is a bug: say where, keep the input.
    let seeds = seeds(&format);
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let (mut cases, mut ok, mut refused, mut damaged, mut panics) = (0u64, 0u64, 0u64, 0u64, 0u64);
    let mut slowest = (Duration::ZERO, 0u64);
    let start = Instant::now();
    let current = format!("{out}/current-{format}.bin");
    while cpu_seconds() < seconds as f64 {
        let bytes = variant(&format, &seeds, &mut rng);
        std::fs::write(&current, &bytes).unwrap();
        let opts = Options {
            sheet: (rng.below(4) == 0).then(|| ["S", "Tháng 10", "ẩn"][rng.below(3)].to_string()),
            ..Options::default()
        };
        let t = Instant::now();
        let r = catch_unwind(AssertUnwindSafe(|| grid::read(&bytes, "f", &opts)));
        let took = t.elapsed();
        if took > slowest.0 {
            slowest = (took, cases);
            std::fs::write(format!("{out}/slowest-{format}.bin"), &bytes).unwrap();
        }
        match r {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(e)) if e.to_string().contains("reader failed on it") => damaged += 1,
            Ok(Err(_)) => refused += 1,
            Err(_) => {
                panics += 1;
                std::fs::write(format!("{out}/panic-{format}-{seed}-{cases}.bin"), &bytes).unwrap();
            }
        }
        cases += 1;
    }
    println!(
        "format={format} seed={seed} cases={cases} read={ok} refused={refused} decoder_panics_caught={damaged} \
         escaped_panics={panics} slowest_ms={} (case {}) cpu_s={:.0} wall_s={:.0} peak_rss_kb={}",
        slowest.0.as_millis(),
        slowest.1,
        cpu_seconds(),
        start.elapsed().as_secs_f64(),
        peak_rss_kb()
    );
}

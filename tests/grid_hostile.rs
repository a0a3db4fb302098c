//! Small files built to hurt a spreadsheet reader: a cell at XFD1048576, a
//! string count of 4·10⁹, a row number of 99 999 999 999, a zip part that
//! declares or holds 4 GB (a hand-made deflate stream of zeros, 4 MB), deep
//! XML, cut-short zips and `.xls` files with bytes changed. Each must give an
//! error or a grid, fast, never a panic or an abort.

use std::time::{Duration, Instant};
use thidua::i18n::Lang;

use thidua::import::grid::{self, GridError, Limits, Options};

/// CRC-32 (IEEE), bit by bit: only small parts are stored here.
fn crc32(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// A zip part: name, method (0 stored, 8 deflated), the bytes as stored, and
/// the sizes and CRC to declare.
struct Part {
    name: &'static str,
    method: u16,
    data: Vec<u8>,
    size: u32,
    crc: u32,
}

fn stored(name: &'static str, text: &str) -> Part {
    Part {
        name,
        method: 0,
        data: text.as_bytes().to_vec(),
        size: text.len() as u32,
        crc: crc32(text.as_bytes()),
    }
}

/// A zip written field by field, so sizes can lie.
fn zip(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, x: u16| v.extend(x.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, x: u32| v.extend(x.to_le_bytes());
    for p in parts {
        let offset = out.len() as u32;
        le32(&mut out, 0x0403_4b50);
        for x in [20, 0, p.method, 0, 0x21] {
            le16(&mut out, x);
        }
        for x in [p.crc, p.data.len() as u32, p.size] {
            le32(&mut out, x);
        }
        le16(&mut out, p.name.len() as u16);
        le16(&mut out, 0);
        out.extend(p.name.as_bytes());
        out.extend(&p.data);
        le32(&mut central, 0x0201_4b50);
        for x in [20, 20, 0, p.method, 0, 0x21] {
            le16(&mut central, x);
        }
        for x in [p.crc, p.data.len() as u32, p.size] {
            le32(&mut central, x);
        }
        for x in [p.name.len() as u16, 0, 0, 0, 0] {
            le16(&mut central, x);
        }
        le32(&mut central, 0);
        le32(&mut central, offset);
        central.extend(p.name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend(&central);
    le32(&mut out, 0x0605_4b50);
    for x in [0, 0, parts.len() as u16, parts.len() as u16] {
        le16(&mut out, x);
    }
    le32(&mut out, central.len() as u32);
    le32(&mut out, at);
    le16(&mut out, 0);
    out
}

/// Bits, least significant first, as deflate packs them.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, count: u32) {
        for i in 0..count {
            if self.n.is_multiple_of(8) {
                self.out.push(0);
            }
            if value >> i & 1 == 1 {
                *self.out.last_mut().unwrap() |= 1 << (self.n % 8);
            }
            self.n += 1;
        }
    }

    /// A Huffman code: its bits go most significant first.
    fn code(&mut self, code: u32, len: u32) {
        let reversed = (0..len).fold(0, |r, i| r | ((code >> i) & 1) << (len - 1 - i));
        self.put(reversed, len);
    }

    fn zeros(&mut self, count: u64) {
        let mut left = count;
        while left > 0 && !self.n.is_multiple_of(8) {
            self.put(0, 1);
            left -= 1;
        }
        self.out.extend(std::iter::repeat_n(0, (left / 8) as usize));
        self.n += (left / 8 * 8) as u32;
        self.put(0, (left % 8) as u32);
    }
}

/// A raw deflate stream of `1 + 258·matches` zero bytes in about
/// `matches / 4` bytes: one dynamic Huffman block where a zero literal has a
/// 2-bit code and "258 bytes back 1" costs 2 bits.
fn zeros_bomb(matches: u64) -> Vec<u8> {
    let mut b = Bits::default();
    b.put(1, 1); // final block
    b.put(2, 2); // dynamic Huffman codes
    b.put(286 - 257, 5);
    b.put(0, 5); // one distance code
    b.put(18 - 4, 4);
    // Code-length code lengths, in deflate's order: 17, 18, 2 and 1 take 2 bits.
    for sym in [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1] {
        b.put(if matches!(sym, 1 | 2 | 17 | 18) { 2 } else { 0 }, 3);
    }
    // Their codes: 1 → 00, 2 → 01, 17 → 10, 18 → 11.
    let (one, two, run18) = ((0, 2), (1, 2), (3, 2));
    b.code(two.0, two.1); // literal 0: length 2
    b.code(run18.0, run18.1);
    b.put(138 - 11, 7); // literals 1..=138: none
    b.code(run18.0, run18.1);
    b.put(117 - 11, 7); // literals 139..=255: none
    b.code(two.0, two.1); // end of block: length 2
    b.code(run18.0, run18.1);
    b.put(28 - 11, 7); // lengths 257..=284: none
    b.code(one.0, one.1); // length 285 (258 bytes): 1 bit
    b.code(one.0, one.1); // distance 1: 1 bit
    // Literal/length codes: 285 → 0, literal 0 → 10, end → 11; distance → 0.
    b.code(2, 2);
    b.zeros(2 * matches);
    b.code(3, 2);
    b.out
}

const WB: &str =
    r#"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const RELS: &str = r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

/// An `.xlsx` of sheet S with `sheet` as its sheet part.
fn book(sheet: Part, more: Vec<Part>) -> Vec<u8> {
    let mut parts = vec![
        stored("xl/workbook.xml", WB),
        stored("xl/_rels/workbook.xml.rels", RELS),
        sheet,
    ];
    parts.extend(more);
    zip(&parts)
}

fn sheet(data: &str) -> Part {
    let xml = format!("<worksheet><sheetData>{data}</sheetData></worksheet>");
    stored("xl/worksheets/sheet1.xml", &xml)
}

fn problem(bytes: &[u8], opts: &Options) -> thidua::problem::Problem {
    let e = grid::read(bytes, "h.xlsx", opts).unwrap_err();
    e.downcast::<GridError>()
        .map(|g| g.0)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Reads within `limit` of time: a grid or an error naming the file.
fn quick(bytes: &[u8], limit: Duration) -> Result<grid::Grid, String> {
    let t = Instant::now();
    let r = grid::read(bytes, "h.xlsx", &Options::default());
    assert!(t.elapsed() < limit, "took {:?}", t.elapsed());
    r.map_err(|e| {
        let e = thidua::i18n::scope(thidua::i18n::Lang::En, || format!("{e:#}"));
        assert!(e.contains("h.xlsx"), "{e}");
        e
    })
}

#[test]
fn one_cell_at_xfd1048576_is_one_cell() {
    let b = book(
        sheet(r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#),
        vec![],
    );
    assert!(b.len() < 2048);
    let g = quick(&b, Duration::from_millis(200)).unwrap();
    assert_eq!(
        g.cells().map(|(r, c, _)| (r, c)).collect::<Vec<_>>(),
        vec![(1_048_576, 16_384)]
    );
}

#[test]
fn counts_and_row_numbers_the_file_declares_are_not_trusted() {
    let sst = stored(
        "xl/sharedStrings.xml",
        r#"<sst count="4000000000" uniqueCount="4000000000"><si><t>a</t></si></sst>"#,
    );
    let b = book(
        sheet(r#"<dimension ref="A1:XFD1048576"/><row r="1"><c r="A1" t="s"><v>0</v></c></row>"#),
        vec![sst],
    );
    let g = quick(&b, Duration::from_millis(200)).unwrap();
    assert_eq!(g.rows.len(), 1);
    let p = problem(
        &book(
            sheet(r#"<row r="99999999999"><c><v>1</v></c></row>"#),
            vec![],
        ),
        &Options::default(),
    );
    assert_eq!(
        (p.file.as_str(), p.line, p.column),
        ("h.xlsx[S]", Some(99_999_999_999), None)
    );
    let p = problem(
        &book(
            sheet(r#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#),
            vec![],
        ),
        &Options::default(),
    );
    assert_eq!((p.line, p.column), (Some(1), Some(16_385)));
}

#[test]
fn a_part_declaring_or_holding_4_gb_is_refused_without_inflating_it() {
    let matches = 4_000_000_000 / 258;
    let bomb = zeros_bomb(matches);
    assert!(bomb.len() < 4_200_000, "{}", bomb.len());
    let part = |size: u32| Part {
        name: "xl/worksheets/sheet1.xml",
        method: 8,
        data: bomb.clone(),
        size,
        crc: 0,
    };
    // Declared as it is: refused by its size, at once.
    let p = problem(&book(part(4_000_000_000), vec![]), &Options::default());
    assert_eq!((p.file.as_str(), p.line), ("h.xlsx", None));
    let m = p.message.render(Lang::En);
    assert!(m.contains("4000000000"), "{m}");
    // Declared 1 GB - 1: within the size limit, but 255 times its packed size.
    let p = problem(&book(part((1 << 30) - 1), vec![]), &Options::default());
    let m = p.message.render(Lang::En);
    assert!(m.contains("250"), "{m}");
    // Declared 20 MB: inflated up to 20 MB, then stopped as longer than declared.
    let t = Instant::now();
    let p = problem(&book(part(20 << 20), vec![]), &Options::default());
    assert!(t.elapsed() < Duration::from_secs(20));
    assert_eq!(p.file, "h.xlsx");
    let m = p.message.render(Lang::En);
    assert!(
        m.contains("larger than its declared uncompressed size"),
        "{m}"
    );
    // The stream really holds that much: the zip crate inflates it whole.
    let honest = zip(&[Part {
        name: "z",
        method: 8,
        data: zeros_bomb(1000),
        size: 258_001,
        crc: crc32(&vec![0; 258_001]),
    }]);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(honest)).unwrap();
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_index(0).unwrap(), &mut out).unwrap();
    assert_eq!(out, vec![0; 258_001]);
}

#[test]
fn deep_or_oversized_xml_is_an_error() {
    let deep = "<x>".repeat(100_000);
    let p = problem(&book(sheet(&deep), vec![]), &Options::default());
    assert_eq!(p.line, None);
    let big = format!(
        r#"<row r="2"><c r="C2" t="inlineStr"><is><t>{}</t></is></c></row>"#,
        "x".repeat(3 << 20)
    );
    let o = Options {
        limits: Limits {
            text_bytes: 1 << 20,
            ..Limits::default()
        },
        ..Options::default()
    };
    let p = problem(&book(sheet(&big), vec![]), &o);
    assert_eq!(
        (p.file.as_str(), p.line, p.column),
        ("h.xlsx[S]", Some(2), Some(3))
    );
    let many: String = (1..=200)
        .map(|r| format!(r#"<row r="{r}"><c r="A{r}"><v>1</v></c></row>"#))
        .collect();
    let o = Options {
        limits: Limits {
            cells: 100,
            ..Limits::default()
        },
        ..Options::default()
    };
    let p = problem(&book(sheet(&many), vec![]), &o);
    assert_eq!(p.line, Some(101));
}

#[test]
fn cut_short_zips_are_errors() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for r in 0..50 {
        ws.write_string(r, 0, "Xã Phú Mỹ").unwrap();
        ws.write_number(r, 1, f64::from(r)).unwrap();
    }
    let full = wb.save_to_buffer().unwrap();
    for cut in (0..full.len()).step_by(97) {
        let _ = quick(&full[..cut], Duration::from_secs(2));
    }
    for name in ["sample.ods", "sample.xls"] {
        let full = std::fs::read(format!("tests/fixtures/grid/{name}")).unwrap();
        for cut in (0..full.len()).step_by(61) {
            let _ = quick(&full[..cut], Duration::from_secs(2));
        }
    }
}

#[test]
fn xls_with_changed_bytes_gives_an_error_or_a_grid() {
    let full = std::fs::read("tests/fixtures/grid/sample.xls").unwrap();
    // A fixed pseudo-random walk over the file (xorshift), 400 variants of
    // 1 to 8 changed bytes each.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let (mut ok, mut refused) = (0, 0);
    for _ in 0..400 {
        let mut bytes = full.clone();
        for _ in 0..1 + next() % 8 {
            let i = (next() % bytes.len() as u64) as usize;
            bytes[i] = next() as u8;
        }
        match quick(&bytes, Duration::from_secs(2)) {
            Ok(_) => ok += 1,
            Err(_) => refused += 1,
        }
    }
    assert_eq!(ok + refused, 400);
    assert!(ok > 0 && refused > 0, "{ok} read, {refused} refused");
}

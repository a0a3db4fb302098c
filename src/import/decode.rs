//! What Excel hands over: UTF-8 with or without BOM, "Unicode text" (UTF-16
//! with BOM), `,` `;` or tab between cells, and title rows above the header.
//! This finds the text, the delimiter and the header row before any value is read.

use anyhow::{Result, bail};

use crate::record::{Record, RecordReader};

pub const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];
/// How far down a header row is looked for: exports put a few title rows first.
const HEADER_SEARCH_ROWS: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

/// The encoding and the length of its byte-order mark.
pub fn sniff(head: &[u8]) -> (Encoding, usize) {
    match head {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding::Utf8, 3),
        [0xFF, 0xFE, ..] => (Encoding::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (Encoding::Utf16Be, 2),
        _ => (Encoding::Utf8, 0),
    }
}

/// A whole file as text, whatever of the accepted encodings it is in.
pub fn decode(bytes: &[u8], file: &str) -> Result<String> {
    let (enc, bom) = sniff(bytes);
    let body = &bytes[bom..];
    match enc {
        Encoding::Utf8 => match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let at = e.valid_up_to();
                let line = 1 + body[..at].iter().filter(|&&b| b == b'\n').count();
                if bom == 0 && body.iter().take(200).filter(|&&b| b == 0).count() > 20 {
                    bail!(crate::msg!(Utf16NoBom, file));
                }
                bail!(crate::msg!(NotUtf8Byte, file, line, at + bom + 1))
            }
        },
        Encoding::Utf16Le | Encoding::Utf16Be => utf16(body, enc == Encoding::Utf16Le, file),
    }
}

fn utf16(body: &[u8], little: bool, file: &str) -> Result<String> {
    if !body.len().is_multiple_of(2) {
        bail!(crate::problem::Problem::file(
            file,
            crate::i18n::messages::Msg::Utf16Odd
        ));
    }
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let mut out = String::with_capacity(body.len());
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => out.push(c),
            Err(_) => {
                let line = 1 + out.matches('\n').count();
                bail!(crate::msg!(Utf16Broken, file, line, i + 1))
            }
        }
    }
    Ok(out)
}

/// Where the header is and how cells are separated.
#[derive(Debug, Clone)]
pub struct Layout {
    pub delimiter: u8,
    pub header: Vec<String>,
    /// Line of the header row (1-based).
    pub header_line: u64,
    /// Byte offset (in the text) where the first data row starts.
    pub data_offset: u64,
    /// Line where the first data row starts.
    pub data_line: u64,
}

/// Finds the header row: among the first rows, under each delimiter, the row
/// with the most cells that `known` recognises (at least two).
pub fn find_header(
    text: &str,
    forced: Option<u8>,
    file: &str,
    known: impl Fn(&str) -> bool,
) -> Result<Layout> {
    if text.trim().is_empty() {
        bail!(crate::msg!(ImportEmpty, file));
    }
    let mut best: Option<(usize, Layout)> = None;
    let candidates = forced.map_or(DELIMITERS.to_vec(), |d| vec![d]);
    for delimiter in candidates {
        let mut rdr = RecordReader::new(text.as_bytes(), delimiter, 1);
        let mut rec = Record::new();
        for _ in 0..HEADER_SEARCH_ROWS {
            let Ok(Some(start)) = rdr.next(&mut rec) else {
                break;
            };
            let cells: Vec<String> = rec
                .iter()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect();
            let score = cells.iter().filter(|c| known(c)).count();
            if score >= 2 && best.as_ref().is_none_or(|(s, _)| score > *s) {
                let layout = Layout {
                    delimiter,
                    header: cells,
                    header_line: start.line,
                    data_offset: rdr.position().byte,
                    data_line: rdr.position().line,
                };
                best = Some((score, layout));
            }
        }
    }
    match best {
        Some((_, layout)) => Ok(layout),
        None => bail!(crate::msg!(NoHeaderFound, file, HEADER_SEARCH_ROWS)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    #[test]
    fn sniffs_byte_order_marks() {
        assert_eq!(sniff(b"\xEF\xBB\xBFa"), (Encoding::Utf8, 3));
        assert_eq!(sniff(b"\xFF\xFEa\0"), (Encoding::Utf16Le, 2));
        assert_eq!(sniff(b"\xFE\xFF\0a"), (Encoding::Utf16Be, 2));
        assert_eq!(sniff(b"ab"), (Encoding::Utf8, 0));
    }

    #[test]
    fn decodes_utf16_both_ways() {
        let text = "Mã;Tên\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le, "f").unwrap(), text);
        assert_eq!(decode(&be, "f").unwrap(), text);
        assert!(
            decode(&le[..5], "f")
                .unwrap_err()
                .en()
                .contains("cut short")
        );
    }

    #[test]
    fn rejects_other_encodings_with_the_line() {
        let e = decode(b"a;b\n1;\xE0\n", "x.csv").unwrap_err().en();
        assert_eq!(
            e,
            "x.csv:2: not UTF-8 text (byte 7): save the sheet as \"CSV UTF-8\""
        );
    }

    #[test]
    fn finds_the_header_under_title_rows() {
        let text = "BÁO CÁO THÁNG 10\n\nSTT;Tên đơn vị;Tiếp nhận\n1;Phòng A;5\n";
        let known = |c: &str| matches!(c, "STT" | "Tên đơn vị" | "Tiếp nhận");
        let l = find_header(text, None, "f", known).unwrap();
        assert_eq!(l.delimiter, b';');
        assert_eq!(l.header_line, 3);
        assert_eq!(&text[l.data_offset as usize..], "1;Phòng A;5\n");
        assert_eq!(l.data_line, 4);
        let e = find_header("a,b\n", None, "f", known).unwrap_err().en();
        assert!(e.starts_with("f: no header row found"), "{e}");
        let e = find_header(" \n", None, "f", known).unwrap_err().en();
        assert!(e.starts_with("f: empty file"), "{e}");
    }
}

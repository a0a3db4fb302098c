//! The parts of an `.xlsx/.xlsm` around its sheets: the workbook's sheet list
//! (names, visibility, part of each), the shared strings, and which cell
//! styles are dates. Each is read as a stream and grows only with what it
//! holds (a `uniqueCount` or `count` attribute is never trusted).

use std::collections::HashMap;
use std::io::BufRead;

use anyhow::Result;
use quick_xml::events::Event;

use super::budget::Budget;
use super::xml::{Xml, attr, push_ref, unescape_excel};
use super::zipped::Zip;
use super::{Kind, Pos, SheetInfo};

/// A sheet of the workbook and the part holding it.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub info: SheetInfo,
    pub part: Option<String>,
}

/// What the workbook part says.
#[derive(Debug, Default)]
pub struct Book {
    pub sheets: Vec<Sheet>,
    pub date1904: bool,
    pub shared_strings: Option<String>,
    pub styles: Option<String>,
}

/// The relationships of part `of`: id → (type, target part).
fn relationships(zip: &mut Zip, of: &str) -> Result<HashMap<String, (String, String)>> {
    let (dir, base) = of.rsplit_once('/').unwrap_or(("", of));
    let rels = if dir.is_empty() {
        format!("_rels/{base}.rels")
    } else {
        format!("{dir}/_rels/{base}.rels")
    };
    let Some(bytes) = zip.read_small(&rels)? else {
        return Ok(HashMap::new());
    };
    let mut x = Xml::new(&bytes[..], zip.file(), &rels, zip.limits().depth);
    let mut out = HashMap::new();
    loop {
        match x.next()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) else {
                    continue;
                };
                let typ = attr(&e, "Type").unwrap_or_default();
                out.insert(id, (typ, resolve(dir, &target)));
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// A relationship target as a part name: absolute (`/xl/…`) or relative to
/// the directory of the part that points to it, `..` resolved.
fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => dir.split('/').filter(|p| !p.is_empty()).collect(),
    };
    for p in target.split(['/', '\\']) {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The workbook part, its sheets and the parts they need.
pub fn book(zip: &mut Zip) -> Result<Book> {
    let root = relationships(zip, "")?;
    let wb = root
        .values()
        .find(|(t, _)| t.ends_with("/officeDocument"))
        .map_or("xl/workbook.xml".to_string(), |(_, p)| p.clone());
    let rels = relationships(zip, &wb)?;
    let Some(bytes) = zip.read_small(&wb)? else {
        let m = crate::msg!(GridPartMissing, wb);
        return Err(super::file_error(zip.file(), m));
    };
    let mut x = Xml::new(&bytes[..], zip.file(), &wb, zip.limits().depth);
    let mut book = Book::default();
    loop {
        match x.next()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "workbookPr" => {
                    let d = attr(&e, "date1904").unwrap_or_default();
                    book.date1904 = d == "1" || d.eq_ignore_ascii_case("true");
                }
                "sheet" => {
                    let rel = attr(&e, "id").and_then(|id| rels.get(&id));
                    let state = attr(&e, "state").unwrap_or_default();
                    book.sheets.push(Sheet {
                        info: SheetInfo {
                            name: attr(&e, "name").unwrap_or_default(),
                            visible: state.is_empty() || state == "visible",
                            worksheet: rel.is_none_or(|(t, _)| t.ends_with("/worksheet")),
                        },
                        part: rel.map(|(_, p)| p.clone()),
                    });
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let find = |suffix: &str, default: &str| {
        rels.values()
            .find(|(t, _)| t.ends_with(suffix))
            .map_or(default.to_string(), |(_, p)| p.clone())
    };
    book.shared_strings = Some(find("/sharedStrings", "xl/sharedStrings.xml"));
    book.styles = Some(find("/styles", "xl/styles.xml"));
    Ok(book)
}

/// The shared strings, each counted as a cell of `budget` with its text.
pub fn shared_strings(zip: &mut Zip, part: &str, budget: &mut Budget) -> Result<Vec<String>> {
    let (file, depth) = (zip.file().to_string(), zip.limits().depth);
    let Some(input) = zip.part(part)? else {
        return Ok(Vec::new());
    };
    let mut x = Xml::new(input, &file, part, depth);
    let mut out = Vec::new();
    let mut text = String::new();
    // Inside <si>, inside a <t> that counts (not one of a phonetic <rPh>).
    let (mut in_si, mut in_t, mut phonetic) = (false, false, 0usize);
    loop {
        match x.next()? {
            Event::Start(e) => match e.local_name().as_ref() {
                "si" => {
                    in_si = true;
                    text.clear();
                }
                "t" => in_t = in_si,
                "rPh" | "phoneticPr" => phonetic += 1,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "si" => {
                take(budget, &file, out.len(), 0)?;
                out.push(String::new());
            }
            Event::End(e) => match e.local_name().as_ref() {
                "si" if in_si => {
                    in_si = false;
                    let s = unescape_excel(std::mem::take(&mut text));
                    take(budget, &file, out.len(), s.len())?;
                    out.push(s);
                }
                "t" => in_t = false,
                "rPh" | "phoneticPr" => phonetic = phonetic.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if in_t && phonetic == 0 => text.push_str(&t.xml10_content()),
            Event::CData(t) if in_t && phonetic == 0 => {
                text.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_t && phonetic == 0 => {
                push_ref(&mut text, &r).map_err(|n| x.bad(n))?;
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
        // A string longer than the whole text budget is refused as it grows.
        if text.len() > budget.text_left() {
            take(budget, &file, out.len(), text.len())?;
        }
    }
}

fn take(budget: &mut Budget, file: &str, index: usize, text: usize) -> Result<()> {
    budget.take(1, text as u64, || Pos {
        label: format!("{file}:sharedStrings"),
        kind: Kind::Text,
        row: index as u64 + 1,
        col: None,
    })
}

/// For each cell style (`s=` of a cell), whether its number format is a
/// date or time.
pub fn date_styles(zip: &mut Zip, part: &str) -> Result<Vec<bool>> {
    let (file, depth) = (zip.file().to_string(), zip.limits().depth);
    let Some(input) = zip.part(part)? else {
        return Ok(Vec::new());
    };
    read_styles(Xml::new(input, &file, part, depth))
}

fn read_styles<R: BufRead>(mut x: Xml<R>) -> Result<Vec<bool>> {
    let mut custom: HashMap<u32, bool> = HashMap::new();
    let mut out = Vec::new();
    let mut in_xfs = false;
    loop {
        match x.next()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    let id = attr(&e, "numFmtId").and_then(|v| v.parse().ok());
                    if let Some(id) = id {
                        let code = attr(&e, "formatCode").unwrap_or_default();
                        custom.insert(id, is_date_format(&code));
                    }
                }
                "cellXfs" => in_xfs = true,
                "xf" if in_xfs => {
                    let id: u32 = attr(&e, "numFmtId")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    out.push(custom.get(&id).copied().unwrap_or(builtin_date(id)));
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_xfs = false,
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// Excel's built-in number formats that are dates or times (14–22, 45–47,
/// and the East Asian ones 27–36, 50–58).
fn builtin_date(id: u32) -> bool {
    matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

/// Whether a format code shows a date or time: a `d m y h s` outside quoted
/// text, escapes and `[colour]` brackets (`[h]` elapsed hours count).
pub fn is_date_format(code: &str) -> bool {
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let inner: String = chars.by_ref().take_while(|&q| q != ']').collect();
                let lower = inner.to_ascii_lowercase();
                if !lower.is_empty() && lower.chars().all(|q| matches!(q, 'h' | 'm' | 's')) {
                    return true;
                }
            }
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_are_told_from_numbers() {
        for d in [
            "dd/mm/yyyy",
            "d-mmm-yy",
            "h:mm",
            "[h]:mm:ss",
            "yyyy\"năm\"",
            "[$-42A]dd/mm/yyyy",
        ] {
            assert!(is_date_format(d), "{d}");
        }
        for n in [
            "General",
            "#,##0",
            "0.00%",
            "#,##0 \"đồng\"",
            "[Red]0.0",
            "0.00E+00",
            "@",
            "_(* #,##0_)",
        ] {
            assert!(!is_date_format(n), "{n}");
        }
        assert!(builtin_date(14) && builtin_date(22) && !builtin_date(9) && !builtin_date(0));
    }

    #[test]
    fn relationship_targets_resolve() {
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl", "/xl/worksheets/s.xml"), "xl/worksheets/s.xml");
        assert_eq!(
            resolve("xl/sub", "../sharedStrings.xml"),
            "xl/sharedStrings.xml"
        );
        assert_eq!(resolve("", "xl/workbook.xml"), "xl/workbook.xml");
    }

    #[test]
    fn styles_map_each_xf_to_date_or_not() {
        let xml = r##"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>
            <numFmt numFmtId="165" formatCode="#,##0.0"/></numFmts>
            <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs>
            </styleSheet>"##;
        let x = Xml::new(xml.as_bytes(), "f", "styles.xml", 50);
        assert_eq!(read_styles(x).unwrap(), vec![false, true, false, true]);
    }
}

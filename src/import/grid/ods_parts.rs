//! The parts of an `.ods` around its cells: the list of tables (and which
//! are hidden) and how a cell's `office:value-type` gives its value.

use anyhow::Result;
use quick_xml::events::Event;

use super::cell::{parse_iso, serial};
use super::xml::{Xml, attr};
use super::zipped::Zip;
use super::{Cell, Pos, SheetInfo, pos_error};

pub const CONTENT: &str = "content.xml";

pub fn missing(file: &str) -> anyhow::Error {
    super::file_error(file, crate::msg!(GridPartMissing, CONTENT))
}

/// The tables of `content.xml`, in order, with whether each is shown (a
/// table style with `table:display="false"` hides it).
pub fn list(zip: &mut Zip) -> Result<Vec<SheetInfo>> {
    let (file, depth) = (zip.file().to_string(), zip.limits().depth);
    let input = zip.part(CONTENT)?.ok_or_else(|| missing(&file))?;
    let mut x = Xml::new(input, &file, CONTENT, depth);
    let mut hidden_styles: Vec<String> = Vec::new();
    let mut style: Option<String> = None;
    let mut out = Vec::new();
    let mut depth_in_table = 0usize;
    loop {
        match x.next()? {
            Event::Start(e) | Event::Empty(e) if depth_in_table == 0 => {
                match e.local_name().as_ref() {
                    "style" => style = attr(&e, "name"),
                    "table-properties" if attr(&e, "display").as_deref() == Some("false") => {
                        hidden_styles.extend(style.clone());
                    }
                    "table" => {
                        let shown =
                            attr(&e, "style-name").is_none_or(|s| !hidden_styles.contains(&s));
                        out.push(SheetInfo {
                            name: attr(&e, "name").unwrap_or_default(),
                            visible: shown,
                            worksheet: true,
                        });
                        depth_in_table = 1;
                    }
                    _ => {}
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "table" => depth_in_table += 1,
            Event::End(e) if depth_in_table > 0 && e.local_name().as_ref() == "table" => {
                depth_in_table -= 1;
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// A cell's value from its `office:value-type`: numbers, dates, times and
/// booleans from their attribute, text from `office:string-value` or the
/// paragraphs. `None` for an empty cell.
pub fn value(typ: &str, value: Option<String>, text: String, pos: &Pos) -> Result<Option<Cell>> {
    let bad = |m: crate::i18n::Text| pos_error(pos, m, None);
    Ok(match (typ, value) {
        ("float" | "percentage" | "currency", Some(v)) => {
            let x: f64 = v
                .trim()
                .parse()
                .ok()
                .filter(|x: &f64| x.is_finite())
                .ok_or_else(|| bad(crate::msg!(GridBadNumber, v)))?;
            Some(Cell::Number(x))
        }
        ("date", Some(v)) => {
            let t = parse_iso(&v).ok_or_else(|| bad(crate::msg!(GridBadDate, v)))?;
            Some(Cell::Date(serial(t)))
        }
        ("time", Some(v)) => {
            let d = duration_days(&v).ok_or_else(|| bad(crate::msg!(GridBadDate, v)))?;
            Some(Cell::Date(d))
        }
        ("boolean", Some(v)) => match v.trim() {
            "true" | "1" => Some(Cell::Bool(true)),
            "false" | "0" => Some(Cell::Bool(false)),
            _ => return Err(bad(crate::msg!(ExpectedFlag))),
        },
        ("string", Some(v)) if !v.is_empty() => Some(Cell::Text(v)),
        ("error", _) if !text.is_empty() => Some(Cell::Error(text)),
        _ if text.is_empty() => None,
        _ => Some(Cell::Text(text)),
    })
}

/// An ISO 8601 duration (`PT12H30M00S`, `P1DT2H`) in days.
fn duration_days(v: &str) -> Option<f64> {
    let v = v.trim();
    let (neg, v) = match v.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, v),
    };
    let v = v.strip_prefix('P')?;
    let (date, time) = v.split_once('T').unwrap_or((v, ""));
    let mut total = 0.0;
    for (part, units) in [
        (date, &[('D', 1.0)][..]),
        (
            time,
            &[('H', 1.0 / 24.0), ('M', 1.0 / 1440.0), ('S', 1.0 / 86400.0)][..],
        ),
    ] {
        let mut rest = part;
        for &(unit, scale) in units {
            if let Some((n, r)) = rest.split_once(unit) {
                total += n.parse::<f64>().ok().filter(|x| x.is_finite())? * scale;
                rest = r;
            }
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(if neg { -total } else { total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_days() {
        assert_eq!(duration_days("PT12H00M00S"), Some(0.5));
        assert_eq!(duration_days("P1DT6H"), Some(1.25));
        assert_eq!(duration_days("PT1H30M"), Some(0.0625));
        assert_eq!(duration_days("12:00"), None);
        assert_eq!(duration_days("PT1X"), None);
    }
}

//! Streaming XML for the zip-based workbooks: `quick-xml` events with the
//! nesting depth bounded, errors naming the file and part, and the text
//! helpers (entities, Excel's `_xHHHH_` escapes) every part needs.

use std::borrow::Cow;
use std::io::BufRead;

use anyhow::Result;
use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use super::file_error;

pub struct Xml<R> {
    reader: Reader<R>,
    buf: Vec<u8>,
    depth: usize,
    max_depth: usize,
    file: String,
    part: String,
}

impl<R: BufRead> Xml<R> {
    pub fn new(input: R, file: &str, part: &str, max_depth: usize) -> Xml<R> {
        let mut reader = Reader::from_reader(input);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.check_comments = false;
        config.expand_empty_elements = false;
        config.trim_text(false);
        Xml {
            reader,
            buf: Vec::with_capacity(4096),
            depth: 0,
            max_depth,
            file: file.to_string(),
            part: part.to_string(),
        }
    }

    /// The next event; past the depth limit or on malformed XML, an error.
    pub fn next(&mut self) -> Result<Event<'_>> {
        self.buf.clear();
        let ev = self.reader.read_event_into(&mut self.buf);
        match &ev {
            Ok(Event::Start(_)) => {
                self.depth += 1;
                if self.depth > self.max_depth {
                    let m = crate::msg!(GridXmlTooDeep, self.part, self.max_depth);
                    return Err(file_error(&self.file, m));
                }
            }
            Ok(Event::End(_)) => self.depth = self.depth.saturating_sub(1),
            Ok(_) => {}
            Err(e) => {
                let m = crate::msg!(GridBadXml, self.part, e);
                return Err(file_error(&self.file, m));
            }
        }
        Ok(ev.unwrap_or(Event::Eof))
    }

    /// An error about this part's content.
    pub fn bad(&self, what: impl std::fmt::Display) -> anyhow::Error {
        file_error(&self.file, crate::msg!(GridBadXml, self.part, what))
    }
}

/// The value of the attribute whose local name is `local` (any prefix).
pub fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(Cow::into_owned)
                .unwrap_or_else(|_| a.value.into_owned())
        })
}

/// Appends the text an entity or character reference stands for; an
/// unknown one is an error naming it.
pub fn push_ref(out: &mut String, r: &BytesRef) -> Result<(), String> {
    let name: &str = r;
    let known = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => match r.resolve_char_ref() {
            Ok(Some(c)) => {
                out.push(c);
                return Ok(());
            }
            _ => return Err(format!("&{name};")),
        },
    };
    out.push_str(known);
    Ok(())
}

/// Excel's escapes of characters XML cannot carry: `_x000D_` is a carriage
/// return, `_xD83D__xDCF7_` a surrogate pair, `_x005F_` a literal `_`.
pub fn unescape_excel(s: String) -> String {
    if !s.contains("_x") {
        return s;
    }
    let b = s.as_bytes();
    let mut units: Vec<u16> = Vec::with_capacity(s.len());
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        let code = (b.len() >= i + 7 && &b[i..i + 2] == b"_x" && b[i + 6] == b'_')
            .then(|| std::str::from_utf8(&b[i + 2..i + 6]).ok())
            .flatten()
            .and_then(|h| u16::from_str_radix(h, 16).ok());
        match code {
            Some(u) => {
                units.push(u);
                i += 7;
            }
            None => {
                flush(&mut units, &mut out);
                let ch = s[i..].chars().next().unwrap_or('\u{FFFD}');
                out.push(ch);
                i += ch.len_utf8().max(1);
            }
        }
    }
    flush(&mut units, &mut out);
    out
}

fn flush(units: &mut Vec<u16>, out: &mut String) {
    out.extend(char::decode_utf16(units.drain(..)).map(|c| c.unwrap_or('\u{FFFD}')));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    #[test]
    fn excel_escapes() {
        assert_eq!(unescape_excel("a_x000D_b".into()), "a\rb");
        assert_eq!(unescape_excel("_xD83D__xDCF7_".into()), "📷");
        assert_eq!(unescape_excel("_x005F_x000D_".into()), "_x000D_");
        assert_eq!(unescape_excel("Xã_x".into()), "Xã_x");
        assert_eq!(unescape_excel("_xZZZZ_ Á".into()), "_xZZZZ_ Á");
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "<a>".repeat(50);
        let mut x = Xml::new(deep.as_bytes(), "f.xlsx", "p.xml", 10);
        let e = loop {
            match x.next() {
                Err(e) => break e.en(),
                Ok(Event::Eof) => panic!("no error"),
                Ok(_) => {}
            }
        };
        assert_eq!(e, "f.xlsx: part `p.xml` nests elements more than 10 deep");
    }
}

//! Excel's "Unicode text" is UTF-16; the CSV reader wants UTF-8. This turns
//! one into the other as a stream, so big UTF-16 files stay in constant memory.

use std::io::{self, Read};

pub struct Utf16Reader<R> {
    inner: R,
    little: bool,
    /// Raw bytes not yet decoded (an odd byte or a lone high surrogate).
    raw: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    /// Code units decoded so far, for error messages.
    units: u64,
}

impl<R: Read> Utf16Reader<R> {
    pub fn new(inner: R, little: bool) -> Utf16Reader<R> {
        Utf16Reader {
            inner,
            little,
            raw: Vec::new(),
            out: Vec::new(),
            pos: 0,
            units: 0,
        }
    }

    fn refill(&mut self) -> io::Result<bool> {
        let mut chunk = [0u8; 1 << 16];
        let n = self.inner.read(&mut chunk)?;
        self.raw.extend_from_slice(&chunk[..n]);
        let eof = n == 0;
        let mut units: Vec<u16> = self
            .raw
            .chunks_exact(2)
            .map(|p| {
                if self.little {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .collect();
        let mut keep = self.raw.len() % 2;
        if !eof && units.last().is_some_and(|u| (0xD800..0xDC00).contains(u)) {
            units.pop();
            keep += 2;
        }
        if eof && keep != 0 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                crate::i18n::Text::from(crate::i18n::messages::Msg::Utf16Odd),
            ));
        }
        self.out.clear();
        self.pos = 0;
        for c in char::decode_utf16(units.iter().copied()) {
            let c = c.map_err(|_| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    crate::msg!(Utf16BrokenNear, self.units + 1),
                )
            })?;
            let mut b = [0u8; 4];
            self.out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
        }
        self.units += units.len() as u64;
        let used = self.raw.len() - keep;
        self.raw.drain(..used);
        Ok(!eof || !self.out.is_empty())
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            if !self.refill()? {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    #[test]
    fn decodes_across_chunk_edges() {
        let text = "Mã đơn vị;Số hồ sơ\n𝄞XA01;HS-1\n".repeat(5000);
        for little in [true, false] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| {
                    if little {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    }
                })
                .collect();
            let mut out = String::new();
            Utf16Reader::new(&bytes[..], little)
                .read_to_string(&mut out)
                .unwrap();
            assert_eq!(out, text);
            let cut = &bytes[..bytes.len() - 1];
            let e = Utf16Reader::new(cut, little)
                .read_to_string(&mut String::new())
                .unwrap_err();
            assert!(e.en().contains("cut short"), "{e}");
        }
    }
}

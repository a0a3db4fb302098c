//! The text cells of a dossier row — channel, yes/no flags, rating — read
//! through a small memo: a column holds a handful of distinct spellings, so
//! each is folded once and every later row is a byte comparison.

use crate::i18n::messages::Msg;
use crate::import::text::words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Direct,
    Online,
    Postal,
    /// Empty cell: counted as received, in no channel.
    Unstated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    None,
    Satisfied,
    NotSatisfied,
}

pub fn channel(cell: &[u8]) -> Result<Channel, Msg> {
    let w = folded(cell)?;
    Ok(match w.as_str() {
        "" => Channel::Unstated,
        "1" | "truc tiep" | "tai quay" | "nop truc tiep" | "direct" => Channel::Direct,
        "2" | "truc tuyen" | "dvc truc tuyen" | "nop truc tuyen" | "online" => Channel::Online,
        "3" | "bcci" | "buu chinh cong ich" | "buu chinh" | "qua buu chinh" | "postal" => {
            Channel::Postal
        }
        _ => {
            return Err(Msg::ExpectedChannel);
        }
    })
}

pub fn flag(cell: &[u8]) -> Result<bool, Msg> {
    match cell.trim_ascii() {
        b"" | b"0" => return Ok(false),
        b"1" => return Ok(true),
        _ => {}
    }
    match folded(cell)?.as_str() {
        "co" | "true" | "x" | "yes" | "c" => Ok(true),
        "khong" | "false" | "no" | "k" => Ok(false),
        _ => Err(Msg::ExpectedFlag),
    }
}

pub fn rating(cell: &[u8]) -> Result<Rating, Msg> {
    let w = folded(cell)?;
    Ok(match w.as_str() {
        "" => Rating::None,
        "hai long" | "rat hai long" => Rating::Satisfied,
        "khong hai long" | "binh thuong" | "chap nhan duoc" | "chua hai long" => {
            Rating::NotSatisfied
        }
        _ => return Err(Msg::ExpectedRating),
    })
}

fn folded(cell: &[u8]) -> Result<String, Msg> {
    std::str::from_utf8(cell)
        .map(words)
        .map_err(|_| Msg::LineNotUtf8)
}

type Reading<T> = Result<T, Msg>;

/// Remembers how the first distinct spellings of a column were read.
pub struct Memo<T> {
    seen: Vec<(Box<[u8]>, Reading<T>)>,
    read: fn(&[u8]) -> Result<T, Msg>,
}

/// A column with more spellings than this is not a vocabulary column;
/// past it cells are read each time rather than remembered.
const MEMO_LIMIT: usize = 64;

impl<T: Copy> Memo<T> {
    pub fn new(read: fn(&[u8]) -> Result<T, Msg>) -> Memo<T> {
        Memo {
            seen: Vec::new(),
            read,
        }
    }

    pub fn get(&mut self, cell: &[u8]) -> Result<T, Msg> {
        if let Some((_, v)) = self.seen.iter().find(|(k, _)| **k == *cell) {
            return *v;
        }
        let v = (self.read)(cell);
        if self.seen.len() < MEMO_LIMIT {
            self.seen.push((cell.into(), v));
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_in_words_and_codes() {
        assert_eq!(channel("Trực tuyến".as_bytes()), Ok(Channel::Online));
        assert_eq!(channel(b"TRUC TIEP"), Ok(Channel::Direct));
        assert_eq!(
            channel("Bưu chính công ích".as_bytes()),
            Ok(Channel::Postal)
        );
        assert_eq!(channel(b"3"), Ok(Channel::Postal));
        assert_eq!(channel(b""), Ok(Channel::Unstated));
        assert!(channel(b"fax").is_err());
    }

    #[test]
    fn flags_and_ratings() {
        assert_eq!(flag("Có".as_bytes()), Ok(true));
        assert_eq!(flag("không".as_bytes()), Ok(false));
        assert_eq!(flag(b"TRUE"), Ok(true));
        assert_eq!(flag(b""), Ok(false));
        assert_eq!(flag(b"2"), Err(Msg::ExpectedFlag));
        assert_eq!(rating("Hài lòng".as_bytes()), Ok(Rating::Satisfied));
        assert_eq!(
            rating("Không hài lòng".as_bytes()),
            Ok(Rating::NotSatisfied)
        );
        assert_eq!(rating(b""), Ok(Rating::None));
        assert!(rating(b"5 sao").is_err());
    }

    #[test]
    fn the_memo_answers_like_the_reader() {
        let mut m = Memo::new(flag);
        for _ in 0..3 {
            assert_eq!(m.get("có".as_bytes()), Ok(true));
            assert!(m.get(b"maybe").is_err());
        }
        assert_eq!(m.seen.len(), 2);
    }
}

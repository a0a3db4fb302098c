//! Characters into tokens, each with the column it starts at, so every
//! parse error can point at the character.

use super::{MAX_TOKENS, ParseError};
use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::msg;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Num(f64),
    Ident(String),
    Op(&'static str),
    LParen,
    RParen,
    Comma,
}

#[derive(Debug)]
pub(super) struct Token {
    pub(super) tok: Tok,
    /// 1-based character column.
    pub(super) col: usize,
}

pub(super) fn lex(src: &str) -> Result<Vec<Token>, ParseError> {
    let chars: Vec<char> = src.chars().collect();
    let err = |col: usize, msg: Text| ParseError {
        column: col,
        message: msg,
        source_text: src.to_string(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let col = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            // Digits past the largest double would read as infinity.
            let n = text
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .ok_or_else(|| err(col, msg!(NotANumber, text)))?;
            out.push(Token {
                tok: Tok::Num(n),
                col,
            });
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || chars[i] == '.')
            {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            out.push(Token {
                tok: Tok::Ident(text),
                col,
            });
            continue;
        }
        let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
        let (tok, len) = match (c, two.as_str()) {
            (_, "==") => (Tok::Op("=="), 2),
            (_, "!=") => (Tok::Op("!="), 2),
            (_, "<=") => (Tok::Op("<="), 2),
            (_, ">=") => (Tok::Op(">="), 2),
            ('<', _) => (Tok::Op("<"), 1),
            ('>', _) => (Tok::Op(">"), 1),
            ('+', _) => (Tok::Op("+"), 1),
            ('-', _) => (Tok::Op("-"), 1),
            ('*', _) => (Tok::Op("*"), 1),
            ('/', _) => (Tok::Op("/"), 1),
            ('(', _) => (Tok::LParen, 1),
            (')', _) => (Tok::RParen, 1),
            (',', _) => (Tok::Comma, 1),
            ('=', _) => return Err(err(col, Msg::ExprSingleEquals.into())),
            _ => return Err(err(col, msg!(ExprBadChar, c))),
        };
        out.push(Token { tok, col });
        i += len;
        if out.len() > MAX_TOKENS {
            return Err(err(col, msg!(ExprTooLong, MAX_TOKENS)));
        }
    }
    Ok(out)
}

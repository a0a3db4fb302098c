//! Reads the paths of a Rust file, for the layers test: a small tokenizer
//! (comments, strings and characters dropped) and a walk that knows
//! `#[cfg(test)]` items, inline modules and `super::` chains. Tested below on
//! every case it has to get right.

use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`
    Sep,
    P(char),
}

/// Rust tokens, enough to follow paths: comments, strings and characters are
/// dropped (a path in a doc comment or a message is no dependency).
fn tokens(src: &str) -> Vec<Tok> {
    let b: Vec<char> = src.chars().collect();
    let at = |i: usize| b.get(i).copied().unwrap_or('\0');
    let starts = |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| at(i + k) == c);
    let (mut i, mut out) = (0, Vec::new());
    while i < b.len() {
        let c = b[i];
        if starts(i, "//") {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if starts(i, "/*") {
            let mut depth = 0;
            while i < b.len() {
                if starts(i, "/*") {
                    depth += 1;
                    i += 2;
                } else if starts(i, "*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if let Some(end) = raw_string(&b, i) {
            i = end;
        } else if c == '"' || starts(i, "b\"") {
            i += if c == 'b' { 2 } else { 1 };
            while i < b.len() && b[i] != '"' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == '\'' || starts(i, "b'") {
            let q = if c == 'b' { i + 1 } else { i };
            if at(q + 1) == '\\' {
                i = q + 3;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(q + 2) == '\'' {
                i = q + 3;
            } else {
                i = q + 1; // a lifetime: its name is read as an identifier
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < b.len() && (b[i].is_alphanumeric() || b[i] == '_') {
                i += 1;
            }
            if !c.is_ascii_digit() {
                out.push(Tok::Ident(b[start..i].iter().collect()));
            }
        } else if starts(i, "::") {
            out.push(Tok::Sep);
            i += 2;
        } else {
            if !c.is_whitespace() {
                out.push(Tok::P(c));
            }
            i += 1;
        }
    }
    out
}

/// The end of a raw string (`r"…"`, `br#"…"#`) starting at `i`, if one does.
fn raw_string(b: &[char], i: usize) -> Option<usize> {
    let mut j = i + usize::from(b.get(i) == Some(&'b'));
    if b.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = b[j..].iter().take_while(|&&c| c == '#').count();
    if b.get(j + hashes) != Some(&'"') {
        return None;
    }
    let close: Vec<char> = std::iter::once('"')
        .chain(std::iter::repeat_n('#', hashes))
        .collect();
    let body = j + hashes + 1;
    (body..b.len())
        .find(|&k| b[k..].starts_with(&close))
        .map(|k| k + close.len())
}

/// What one file declares and uses: its `mod x;` (outside `#[cfg(test)]`,
/// with the inline modules around each) and the first segment of every path
/// that reaches the crate root.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Scan {
    pub mods: Vec<(Vec<String>, String)>,
    pub uses: BTreeSet<String>,
}

/// Scans a file whose module path is `module` (`["report", "units"]`).
pub(super) fn scan(src: &str, module: &[String]) -> Scan {
    let t = tokens(src);
    let id = |i: usize| match t.get(i) {
        Some(Tok::Ident(s)) => Some(s.as_str()),
        _ => None,
    };
    let p = |i: usize, c: char| t.get(i) == Some(&Tok::P(c));
    let mut out = Scan::default();
    let (mut i, mut depth, mut inline) = (0, 0usize, Vec::<(String, usize)>::new());
    while i < t.len() {
        let cfg_test = ["#", "[", "cfg", "(", "test", ")", "]"];
        let is_cfg_test = cfg_test
            .iter()
            .enumerate()
            .all(|(k, w)| match t.get(i + k) {
                Some(Tok::Ident(s)) => s == w,
                Some(Tok::P(c)) => w.len() == 1 && w.starts_with(*c),
                _ => false,
            });
        if is_cfg_test {
            i = skip_item(&t, i + cfg_test.len());
            continue;
        }
        match (&t[i], id(i + 1)) {
            (Tok::Ident(m), Some(name)) if m == "mod" && p(i + 2, ';') => {
                let around = inline.iter().map(|(n, _)| n.clone()).collect();
                out.mods.push((around, name.to_string()));
                i += 3;
            }
            (Tok::Ident(m), Some(name)) if m == "mod" && p(i + 2, '{') => {
                inline.push((name.to_string(), depth));
                depth += 1;
                i += 3;
            }
            (Tok::P('{'), _) => {
                depth += 1;
                i += 1;
            }
            (Tok::P('}'), _) => {
                depth = depth.saturating_sub(1);
                inline.retain(|&(_, d)| d < depth);
                i += 1;
            }
            (Tok::Ident(w), _)
                if (w == "crate" || w == "super") && t.get(i + 1) == Some(&Tok::Sep) =>
            {
                let mut j = i;
                let mut up = 0;
                while id(j) == Some("super") && t.get(j + 1) == Some(&Tok::Sep) {
                    up += 1;
                    j += 2;
                }
                let here = module.len() + inline.len();
                let at_root = w == "crate" || up == here;
                if w == "crate" {
                    j += 2;
                }
                if at_root {
                    out.uses.extend(first_segments(&t, j));
                }
                i = j.max(i + 1);
            }
            _ => i += 1,
        }
    }
    out
}

/// The names a path continues with at `i`: `x` in `x::…`, or each item of a
/// `{a, b::c}` group.
fn first_segments(t: &[Tok], i: usize) -> Vec<String> {
    match t.get(i) {
        Some(Tok::Ident(s)) => vec![s.clone()],
        Some(Tok::P('{')) => {
            let (mut depth, mut out, mut fresh) = (0, Vec::new(), true);
            for tok in &t[i..] {
                match tok {
                    Tok::P('{') => depth += 1,
                    Tok::P('}') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Tok::P(',') if depth == 1 => fresh = true,
                    Tok::Ident(s) if depth == 1 && fresh => {
                        out.push(s.clone());
                        fresh = false;
                    }
                    _ => fresh = false,
                }
            }
            out
        }
        _ => Vec::new(),
    }
}

/// Past the item at `i` (after its attributes): to its `;`, or past its block.
fn skip_item(t: &[Tok], mut i: usize) -> usize {
    let mut depth = 0i32;
    while i < t.len() {
        match &t[i] {
            Tok::P('(' | '[') => depth += 1,
            Tok::P(')' | ']') => depth -= 1,
            Tok::P(';') if depth == 0 => return i + 1,
            Tok::P('{') if depth == 0 => {
                let mut braces = 0;
                while i < t.len() {
                    match t[i] {
                        Tok::P('{') => braces += 1,
                        Tok::P('}') => {
                            braces -= 1;
                            if braces == 0 {
                                return i + 1;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

#[test]
fn the_reader_follows_paths_and_skips_tests_comments_and_strings() {
    let src = r##"
        use crate::{campaign::Campaign, metrics::{self, Metrics}};
        use super::super::ranking;
        use super::sibling;
        // use crate::commented;
        /* crate::blocked /* nested */ crate::still_blocked */
        const S: &str = "crate::quoted";
        const R: &str = r#"crate::raw "quoted""#;
        const C: char = '"';
        fn f<'a>(x: &'a str) -> &'a str { crate::scoring::round_to(1.0, 2); x }
        pub(crate) mod inner { use super::super::super::expr; }
        #[cfg(test)]
        mod tests { use crate::cmd::Cli; }
        #[cfg(test)]
        mod other_tests;
        mod real;
    "##;
    let found = scan(src, &["report".into(), "units".into()]);
    let uses: Vec<&str> = found.uses.iter().map(String::as_str).collect();
    assert_eq!(uses, ["campaign", "expr", "metrics", "ranking", "scoring"]);
    assert_eq!(found.mods, [(vec![], "real".to_string())]);
}

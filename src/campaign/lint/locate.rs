//! Finding the line and column of a key in the campaign text, since serde
//! keeps no positions: warnings must point at the very key to change.

use super::super::check::line_of_item;

pub(super) struct Source<'a> {
    text: &'a str,
    lines: Vec<&'a str>,
}

impl<'a> Source<'a> {
    pub(super) fn new(text: &'a str) -> Source<'a> {
        Source {
            text,
            lines: text.lines().collect(),
        }
    }

    /// Line of `id: <id>` in the top-level `section:` block.
    pub(super) fn item(&self, section: &str, id: &str) -> usize {
        line_of_item(self.text, section, id)
    }

    /// (line, column) of a top-level (unindented) `key:`.
    pub(super) fn top_key(&self, key: &str) -> Option<(usize, usize)> {
        self.lines.iter().enumerate().find_map(|(i, l)| {
            let rest = l.strip_prefix(key)?;
            rest.trim_start().starts_with(':').then_some((i + 1, 1))
        })
    }

    /// First line at or after `from` (1-based) containing `text`.
    pub(super) fn text(&self, from: usize, text: &str) -> Option<usize> {
        self.lines
            .iter()
            .enumerate()
            .skip(from.saturating_sub(1))
            .find(|(_, l)| l.contains(text))
            .map(|(i, _)| i + 1)
    }

    /// (line, column) of the first `key: value` at or after line `from`
    /// (block or flow style) whose value satisfies `want`.
    pub(super) fn key(
        &self,
        from: usize,
        key: &str,
        want: impl Fn(&str) -> bool,
    ) -> Option<(usize, usize)> {
        for (i, line) in self.lines.iter().enumerate().skip(from.saturating_sub(1)) {
            let line = strip_comment(line);
            for (at, _) in line.match_indices(key) {
                let before = line[..at].chars().next_back();
                if before.is_some_and(|c| !matches!(c, ' ' | '\t' | '{' | ',' | '-' | '"' | '\'')) {
                    continue;
                }
                let after = line[at + key.len()..].trim_start_matches(['"', '\'']);
                let Some(value) = after.trim_start().strip_prefix(':') else {
                    continue;
                };
                let value = value
                    .split([',', '}'])
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_matches(['"', '\'']);
                if want(value) {
                    return Some((i + 1, line[..at].chars().count() + 1));
                }
            }
        }
        None
    }
}

/// The line without a trailing `# comment` (a `#` outside quotes, after a space).
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '#') if prev.is_whitespace() => return &line[..i],
            _ => {}
        }
        prev = c;
    }
    line
}

/// `side / side`, each side a metric name or `( name (+|-) name … )`.
pub(super) fn ratio_of_counts(expr: &str) -> bool {
    let mut toks = Vec::new();
    let mut chars = expr.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_alphabetic() || c == '_' {
            let mut name = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
                    name.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            if matches!(name.as_str(), "and" | "or" | "not") {
                return false;
            }
            toks.push('n');
        } else if matches!(c, '(' | ')' | '+' | '-' | '/') {
            toks.push(c);
            chars.next();
        } else {
            return false;
        }
    }
    let side = |t: &[char]| -> bool {
        match t {
            ['n'] => true,
            ['(', inner @ .., ')'] => {
                !inner.is_empty()
                    && inner.len() % 2 == 1
                    && inner.iter().enumerate().all(|(i, &c)| {
                        if i % 2 == 0 {
                            c == 'n'
                        } else {
                            c == '+' || c == '-'
                        }
                    })
            }
            _ => false,
        }
    };
    let mut parts = toks.split(|&c| c == '/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), None) => side(a) && side(b),
        _ => false,
    }
}

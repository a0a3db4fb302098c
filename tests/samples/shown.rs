//! What a sample shows against what the binary prints: `...` lines that
//! stand for any lines, the shown output rewritten by a bless around them, the
//! stamp codes a bless carries to the commands and prose that quote them, and
//! the report of where the two part.

use std::collections::HashMap;

/// A line of its own in a shown output: any number of printed lines.
pub const ELIDED: &str = "...";

/// Does the printed output match the shown one? Each `...` line stands for
/// any number of lines; the other lines are compared whole (trailing spaces
/// aside), in order.
pub fn matches(shown: &[String], printed: &[String]) -> bool {
    let parts: Vec<&[String]> = shown.split(|l| l == ELIDED).collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if parts.len() == 1 {
        return shown == printed;
    }
    if first.len() + last.len() > printed.len()
        || !printed.starts_with(first)
        || !printed.ends_with(last)
    {
        return false;
    }
    let mut rest = &printed[first.len()..printed.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest
            .windows(part.len().max(1))
            .position(|w| part.is_empty() || w == *part)
        {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// The shown output rewritten from the printed one, keeping each `...` where
/// it was: the lines before the first `...` and after the last are the
/// printed output's first and last lines; a part between two `...` goes where
/// the most of its lines are still printed. `None` when the printed output no
/// longer has room for the shown parts: then it is shown whole.
pub fn bless(shown: &[String], printed: &[String]) -> Option<Vec<String>> {
    let parts: Vec<&[String]> = shown.split(|l| l == ELIDED).collect();
    let (first, last) = (parts[0].len(), parts[parts.len() - 1].len());
    if parts.len() == 1 || first + last > printed.len() {
        return None;
    }
    let mut out = printed[..first].to_vec();
    let (mut from, to) = (first, printed.len() - last);
    for part in &parts[1..parts.len() - 1] {
        let room = (to - from).checked_sub(part.len())?;
        let score = |at: usize| {
            (0..part.len())
                .filter(|k| printed[at + k] == part[*k])
                .count()
        };
        let at = (from..=from + room).max_by_key(|at| (score(*at), usize::MAX - at))?;
        if score(at) == 0 && !part.is_empty() {
            return None;
        }
        out.push(ELIDED.to_string());
        out.extend_from_slice(&printed[at..at + part.len()]);
        from = at + part.len();
    }
    out.push(ELIDED.to_string());
    out.extend_from_slice(&printed[to..]);
    Some(out)
}

/// Where the stamp codes of a text are ("Mã kiểm tra: B35C-3E51-E628":
/// three groups of four upper-case hex digits), in order.
pub fn code_at(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let word = |i: usize| {
        b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
    };
    let code = |i: usize| {
        (i == 0 || !word(i - 1))
            && !word(i + 14)
            && (0..14).all(|k| match (k, b.get(i + k)) {
                (4 | 9, Some(c)) => *c == b'-',
                (_, Some(c)) => c.is_ascii_digit() || (b'A'..=b'F').contains(c),
                _ => false,
            })
    };
    (0..b.len()).filter(|i| code(*i)).collect()
}

pub fn codes(text: &str) -> Vec<String> {
    code_at(text)
        .into_iter()
        .map(|i| text[i..i + 14].to_string())
        .collect()
}

/// The text with each code that a bless changed replaced by its new value:
/// a `verify` of the code printed above, and the prose that quotes it.
pub fn restamp(text: &str, renames: &HashMap<String, String>) -> String {
    let (mut out, mut from) = (String::new(), 0);
    for i in code_at(text) {
        if let Some(new) = renames.get(&text[i..i + 14]) {
            out += &text[from..i];
            out += new;
            from = i + 14;
        }
    }
    out + &text[from..]
}

/// Where the shown and the printed outputs part, and the next lines of each.
pub fn diff(shown: &[String], printed: &[String]) -> String {
    let same = shown
        .iter()
        .zip(printed)
        .take_while(|(a, b)| a == b)
        .count();
    let show = |sign: char, lines: &[String]| -> String {
        let tail = &lines[same.min(lines.len())..];
        let more = tail.len().saturating_sub(12);
        let mut s: String = tail
            .iter()
            .take(12)
            .map(|l| format!("  {sign} {l}\n"))
            .collect();
        if more > 0 {
            s += &format!("  {sign} … {more} more lines\n");
        }
        s
    };
    format!(
        "  from line {} of the output (- shown, + printed):\n{}{}",
        same + 1,
        show('-', shown),
        show('+', printed)
    )
}

#[test]
pub fn elisions_match_any_lines_and_bless_keeps_them() {
    let v = |s: &str| s.split('|').map(str::to_string).collect::<Vec<_>>();
    assert!(matches(&v("a|...|d"), &v("a|b|c|d")));
    assert!(matches(&v("a|...|c|...|e"), &v("a|b|c|d|e")));
    assert!(matches(&v("a|...|d"), &v("a|d")));
    assert!(!matches(&v("a|...|d"), &v("a|b|c|e")));
    assert!(!matches(&v("a|b"), &v("a|b|c")));
    assert!(
        !matches(&v("a|...|a"), &v("a")),
        "the parts may not overlap"
    );
    // A changed last line (a new stamp) keeps the elision and the middle part.
    let shown = v("t|...|x|y|...|Mã: OLD");
    let printed = v("t|1|2|x|y2|3|Mã: NEW");
    assert_eq!(bless(&shown, &printed), Some(v("t|...|x|y2|...|Mã: NEW")));
    assert_eq!(
        bless(&v("a|b|...|c|d"), &v("a|d")),
        None,
        "no room: shown whole"
    );
    let renames = HashMap::from([("B35C-3E51-E628".into(), "0000-1111-2222".into())]);
    assert_eq!(
        restamp("verify B35C-3E51-E628 -- x; AB35C-3E51-E628", &renames),
        "verify 0000-1111-2222 -- x; AB35C-3E51-E628"
    );
}

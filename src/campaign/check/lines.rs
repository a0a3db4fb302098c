//! Where things are in the campaign's YAML text: serde has dropped positions,
//! so messages find the line of a key or an item again, duplicates included.

/// Line (1-based) of the first `key:` at the start of a YAML line, or 1.
pub(in crate::campaign) fn line_of_key(src: &str, key: &str) -> usize {
    src.lines()
        .position(|l| {
            let t = l
                .trim_start()
                .trim_start_matches("- ")
                .trim_start_matches(['"', '\'']);
            t.strip_prefix(key)
                .is_some_and(|r| r.trim_start_matches(['"', '\'']).starts_with(':'))
        })
        .map_or(1, |i| i + 1)
}

/// Line of `id: <id>` inside the top-level `section:` block, for messages
/// about an item that serde has already turned into a value.
pub(in crate::campaign) fn line_of_item(src: &str, section: &str, id: &str) -> usize {
    line_of_nth_item(src, section, id, 0)
}

/// Line of the `n`-th (0-based) `id: <id>` of `section:`: where a duplicate is.
pub(in crate::campaign) fn line_of_nth_item(src: &str, section: &str, id: &str, n: usize) -> usize {
    let start = src
        .lines()
        .position(|l| l.starts_with(&format!("{section}:")))
        .unwrap_or(0);
    src.lines()
        .enumerate()
        .skip(start)
        .filter(|(_, l)| {
            let t = l
                .trim_start()
                .trim_start_matches("- ")
                .trim_start_matches('{')
                .trim_start();
            t.strip_prefix("id:").is_some_and(|r| {
                r.split([',', '}'])
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_matches(['"', '\''])
                    == id
            })
        })
        .nth(n)
        .map_or(start + 1, |(i, _)| i + 1)
}

/// Line of the `n`-th (0-based) key `<id>:` of the top-level `groups:` block.
pub(super) fn line_of_group(src: &str, id: &str, n: usize) -> usize {
    let start = line_of_key(src, "groups");
    src.lines()
        .enumerate()
        .skip(start)
        .take_while(|(_, l)| l.is_empty() || l.starts_with([' ', '\t', '#']))
        .filter(|(_, l)| {
            let t = l.trim_start().trim_start_matches(['"', '\'']);
            t.strip_prefix(id)
                .is_some_and(|r| r.trim_start_matches(['"', '\'']).starts_with(':'))
        })
        .nth(n)
        .map_or(start, |(i, _)| i + 1)
}

/// Line of the first occurrence of `text` at or after line `from`, else `from`.
pub(in crate::campaign) fn line_of_text(src: &str, text: &str, from: usize) -> usize {
    src.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, l)| l.contains(text))
        .map_or(from, |(i, _)| i + 1)
}

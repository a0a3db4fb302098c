//! Excel refuses a cell over 32,767 characters (counted in UTF-16 units), and
//! a note listing thousands of units is longer: such text goes on over the
//! rows below, split after a list separator where there is one, never cut.

/// Excel's limit on the text of one cell, in UTF-16 code units.
pub const CELL_MAX: usize = 32_767;

/// `s` in consecutive pieces of at most `max` UTF-16 units (`max` ≥ 2) whose
/// concatenation is `s`. A piece ends after the last "; " (else ", ", else a
/// space) in its second half; with none there, at a character that is not a
/// combining mark, so a letter keeps its accents.
pub fn pieces(s: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while rest.encode_utf16().count() > max {
        let fit = fitting(rest, max);
        let cut = list_break(&rest[..fit]).unwrap_or_else(|| letter_break(rest, fit));
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(rest);
    }
    out
}

/// The longest prefix of `s` (in bytes) that holds at most `max` UTF-16 units.
fn fitting(s: &str, max: usize) -> usize {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > max {
            return i;
        }
    }
    s.len()
}

/// Just after the last list separator of `head`, when it lies in its second
/// half (a piece is never less than half full because of a separator).
fn list_break(head: &str) -> Option<usize> {
    ["; ", ", ", " "].iter().find_map(|sep| {
        head.rfind(sep)
            .map(|i| i + sep.len())
            .filter(|&end| end > head.len() / 2)
    })
}

/// `fit`, moved back before any combining marks (and the letter they sit
/// on) so they stay together; `fit` itself when the whole prefix is marks.
fn letter_break(s: &str, fit: usize) -> usize {
    let mut cut = fit;
    while s[cut..].chars().next().is_some_and(is_mark) {
        match s[..cut].char_indices().next_back() {
            Some((i, _)) if i > 0 => cut = i,
            _ => return fit,
        }
    }
    cut
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn units(s: &str) -> usize {
        s.encode_utf16().count()
    }

    #[test]
    fn short_text_is_one_piece() {
        assert_eq!(pieces("", 10), vec![""]);
        assert_eq!(pieces("Xã A", 10), vec!["Xã A"]);
    }

    #[test]
    fn a_list_is_split_after_its_separators() {
        let list = "Ineligible: A (x); B (y); C (z); D (w)";
        let p = pieces(list, 20);
        assert_eq!(p, vec!["Ineligible: A (x); ", "B (y); C (z); D (w)"]);
    }

    #[test]
    fn a_letter_keeps_its_combining_marks() {
        // "ê" + combining acute: a hard cut never falls between them.
        let s = "abce\u{0302}\u{0301}fgh";
        for p in pieces(s, 5) {
            assert!(!p.starts_with(is_mark), "{p:?}");
        }
    }

    proptest! {
        #[test]
        fn pieces_fit_and_together_are_the_text(
            s in "([a-zđêơư ;,]|\u{0301}|\u{1F600}){0,200}",
            max in 2usize..40,
        ) {
            let p = pieces(&s, max);
            prop_assert_eq!(p.concat(), s.clone());
            for piece in &p {
                prop_assert!(units(piece) <= max, "{:?}", piece);
            }
            prop_assert!(p.len() == 1 || p.iter().all(|x| !x.is_empty()));
        }
    }
}

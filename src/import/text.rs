//! Vietnamese labels are written with or without diacritics, in any case and
//! spacing ("Số hóa" / "Số hoá" / "SO HOA"): folding them to plain ASCII words
//! is what lets one alias match them all, and gives stable ASCII slugs.

/// Letters with tone or vowel marks, and the plain letter each folds to.
const MARKED: &[(&str, char)] = &[
    ("àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'),
    ("èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ", 'e'),
    ("ìíỉĩịÌÍỈĨỊ", 'i'),
    ("òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'),
    ("ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ", 'u'),
    ("ỳýỷỹỵỲÝỶỸỴ", 'y'),
    ("đĐ", 'd'),
];

/// Lower-case ASCII where the letter is Vietnamese; combining marks (text
/// typed on a Mac arrives decomposed) are dropped; anything else is kept.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        } else if let Some((_, plain)) = MARKED.iter().find(|(set, _)| set.contains(c)) {
            out.push(*plain);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The words of a label, folded, for comparing headers: punctuation and
/// anything in parentheses ("(%)", "(hồ sơ)", "(3)") is left out.
pub fn words(label: &str) -> String {
    let folded = fold(label);
    let mut out = String::with_capacity(folded.len());
    let mut depth = 0u32;
    for c in folded.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => continue,
            c if c.is_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => {}
        }
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// An ASCII snake_case name for a label: "Tỷ lệ hài lòng (%)" → `ty_le_hai_long`.
/// Names never start with a digit, so they stay usable in criteria formulas.
pub fn slug(label: &str) -> String {
    let s: String = words(label)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let s = s.trim_matches('_').to_string();
    match s.chars().next() {
        Some(c) if c.is_ascii_digit() => format!("cot_{s}"),
        _ => s,
    }
}

/// A stable unit id from a unit name: the "UBND" / "Ủy ban nhân dân" that
/// every commune name starts with carries no information and is dropped.
pub fn unit_slug(name: &str) -> String {
    slug(strip_committee(&words(name)))
}

/// The words of a name without a leading "ubnd" / "uy ban nhan dan".
pub fn strip_committee(words: &str) -> &str {
    for prefix in ["ubnd ", "uy ban nhan dan "] {
        if let Some(rest) = words.strip_prefix(prefix) {
            return rest;
        }
    }
    words
}

/// Whether `words` starts with the whole words `prefix`.
pub fn starts_with_words(words: &str, prefix: &str) -> bool {
    words
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese_in_any_form() {
        assert_eq!(fold("Số hóa"), "so hoa");
        assert_eq!(fold("SỐ HOÁ"), "so hoa");
        assert_eq!(fold("Đúng hạn"), "dung han");
        // decomposed: o + combining circumflex + combining acute
        assert_eq!(fold("So\u{302}\u{301} ho\u{301}a"), "so hoa");
    }

    #[test]
    fn words_drop_punctuation_and_parentheses() {
        assert_eq!(
            words("  Tổng số  hồ sơ tiếp nhận (1) "),
            "tong so ho so tiep nhan"
        );
        assert_eq!(words("Tỷ lệ hài lòng (%)"), "ty le hai long");
        assert_eq!(words("Mã ĐV"), "ma dv");
        assert_eq!(
            words("Trả KQ qua BCCI/Bưu chính"),
            "tra kq qua bcci buu chinh"
        );
    }

    #[test]
    fn slugs_are_ascii_snake_case() {
        assert_eq!(slug("Tỷ lệ hài lòng (%)"), "ty_le_hai_long");
        assert_eq!(slug("2023 - Quý 4"), "cot_2023_quy_4");
        assert_eq!(unit_slug("UBND xã Phước Hải"), "xa_phuoc_hai");
        assert_eq!(
            unit_slug("Ủy ban nhân dân thị trấn Phước Dân"),
            "thi_tran_phuoc_dan"
        );
        assert_eq!(unit_slug("Phòng Tư pháp"), "phong_tu_phap");
    }

    #[test]
    fn word_prefixes_respect_word_ends() {
        assert!(starts_with_words("xa phuoc hai", "xa"));
        assert!(!starts_with_words("xang dau", "xa"));
        assert!(starts_with_words("xa", "xa"));
    }
}

//! Whether a value expression is a ratio of counts (see the notes of `lint`):
//! then a threshold above 1 on it is surely a percent written where a
//! fraction is meant.

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

//! serde_yaml's errors in the domain's words: "unknown field `x`, expected
//! one of …", "invalid type: integer `5`, expected f64", "missing field" and
//! "expected struct RawCampaign" become a key, what it must be and where,
//! with no Rust type name and never the input pasted back.

use super::messages::Msg;
use crate::problem::Problem;

/// A problem at the error's line and column of `file`, saying in the
/// domain's words what is wrong.
pub fn problem(e: &serde_yaml::Error, src: &str, file: &str) -> Problem {
    let loc = e.location();
    let line = loc.as_ref().map(|l| l.line());
    let message = describe(e, src, line);
    match &loc {
        Some(l) => Problem::cell(file, l.line() as u64, l.column(), message),
        None => Problem::file(file, message),
    }
}

/// The message alone (for values read without a location, e.g. `scoring:`).
pub fn describe(e: &serde_yaml::Error, src: &str, line: Option<usize>) -> String {
    let raw = e.to_string();
    let text = raw.split(" at line ").next().unwrap_or(&raw).trim();
    // serde_yaml starts with the path of the value: `criteria[0].points: …`.
    let (path, text) = match text.split_once(": ") {
        Some((p, rest))
            if !p.is_empty()
                && p.chars()
                    .all(|c| c.is_alphanumeric() || "._[]-".contains(c)) =>
        {
            (Some(p), rest)
        }
        _ => (None, text),
    };
    let from_path = path
        .and_then(|p| p.rsplit('.').next())
        .filter(|k| !k.ends_with(']'))
        .map(str::to_string);
    let key_here = line.and_then(|l| key_at(src, l)).or(from_path);
    let context = line.and_then(|l| context_at(src, l));
    let with_context = |m: String| match &context {
        Some(c) => format!("{c}: {m}"),
        None => m,
    };
    if let Some(rest) = text.strip_prefix("unknown field ") {
        let key = first_quoted(rest).unwrap_or_default();
        let valid: Vec<String> = rest
            .split_once("expected ")
            .map(|(_, v)| quoted_all(v))
            .unwrap_or_default();
        let m = if valid.is_empty() {
            crate::msg!(YamlUnknownKeyBare, key)
        } else {
            crate::msg!(YamlUnknownKey, key, valid.join(", "))
        };
        return with_context(m);
    }
    if let Some(rest) = text.strip_prefix("missing field ") {
        let key = first_quoted(rest).unwrap_or_default();
        return with_context(crate::msg!(YamlMissingKey, key));
    }
    if let Some(rest) = text.strip_prefix("duplicate field ") {
        let key = first_quoted(rest).unwrap_or_default();
        return with_context(crate::msg!(YamlDuplicateKey, key));
    }
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let found = found_kind(found);
        if expected.contains("identifier") {
            // A key that is not a name, e.g. `5:`.
            return with_context(crate::msg!(YamlWrongTypeHere, Msg::KindText.s(), found));
        }
        let key = key_here.clone().unwrap_or_default();
        let kind = expected_kind(expected, &key);
        let m = if key.is_empty() {
            crate::msg!(YamlWrongTypeHere, kind, found)
        } else {
            crate::msg!(YamlWrongType, key, kind, found)
        };
        return with_context(m);
    }
    if text.starts_with("data did not match any variant") || text.starts_with("invalid value") {
        let m = match &key_here {
            Some(k) => crate::msg!(YamlWrongType, k, Msg::KindValue.s(), "…"),
            None => Msg::KindValue.s().to_string(),
        };
        return with_context(m);
    }
    if text.starts_with("did not find")
        || text.starts_with("mapping values")
        || text.starts_with("found ")
        || text.starts_with("while ")
        || text.contains("could not find expected")
    {
        return crate::msg!(YamlSyntax, text);
    }
    crate::msg!(YamlOther, strip_rust(text))
}

/// What a value is, as people say it: `integer `5`` → "5", a text, a list…
fn found_kind(found: &str) -> String {
    let found = found.trim();
    let value = first_quoted(found).or_else(|| {
        found
            .split_once('"')
            .map(|(_, v)| format!("\"{}\"", v.trim_end_matches('"')))
    });
    let kind = if found.starts_with("integer") || found.starts_with("floating") {
        Msg::KindNumberBare.s()
    } else if found.starts_with("string") {
        Msg::KindText.s()
    } else if found.starts_with("boolean") {
        Msg::KindBool.s()
    } else if found.starts_with("sequence") {
        Msg::KindList.s()
    } else if found.starts_with("map") {
        Msg::KindMap.s()
    } else if found.starts_with("unit") {
        Msg::KindNothing.s()
    } else {
        Msg::KindValue.s()
    };
    match value {
        Some(v) if v.len() <= 40 => format!("{kind} {v}"),
        _ => kind.to_string(),
    }
}

/// What serde expected, as people say it (never a Rust type name).
fn expected_kind(expected: &str, key: &str) -> String {
    let e = expected.trim();
    let number = ["f64", "f32", "a float", "floating"];
    let whole = ["u8", "u16", "u32", "u64", "usize", "i32", "i64", "integer"];
    if number.iter().any(|n| e.contains(n)) {
        let key = if key.is_empty() { "points" } else { key };
        crate::msg!(KindNumber, key)
    } else if whole.iter().any(|n| e.contains(n)) {
        Msg::KindInteger.s().to_string()
    } else if e.contains("string") || e.contains("char") {
        Msg::KindText.s().to_string()
    } else if e.contains("bool") {
        Msg::KindBool.s().to_string()
    } else if e.contains("sequence") || e.contains("Vec") {
        Msg::KindList.s().to_string()
    } else if e.contains("map") || e.contains("struct") {
        Msg::KindMap.s().to_string()
    } else {
        Msg::KindValue.s().to_string()
    }
}

/// The key written on line `line` (1-based): `  points: abc` → `points`.
fn key_at(src: &str, line: usize) -> Option<String> {
    let l = src.lines().nth(line.checked_sub(1)?)?;
    let l = l.trim_start().trim_start_matches("- ");
    let (key, _) = l.split_once(':')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.contains(' ')).then(|| key.to_string())
}

/// The list entry around line `line`: "tiêu chí `a`" for a criterion,
/// "hình thức khen `x`" for a tier, from the nearest `- id:` above it.
fn context_at(src: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = src.lines().collect();
    let here = line.checked_sub(1)?.min(lines.len().checked_sub(1)?);
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut id = None;
    for l in lines[..=here].iter().rev() {
        let t = l.trim_start();
        if let (None, Some(v)) = (&id, t.strip_prefix("- id:")) {
            id = Some(v.trim().trim_matches('"').to_string());
        }
        if indent(l) == 0 && !t.is_empty() && !t.starts_with('#') && !t.starts_with('-') {
            let section = t.split(':').next().unwrap_or_default();
            let id = id?;
            return Some(match section {
                "criteria" => crate::msg!(CriterionCtx, id),
                "tiers" => crate::msg!(TierCtx, id),
                _ => format!("{section} `{id}`"),
            });
        }
    }
    None
}

fn first_quoted(s: &str) -> Option<String> {
    let (_, rest) = s.split_once('`')?;
    let (v, _) = rest.split_once('`')?;
    Some(v.to_string())
}

fn quoted_all(s: &str) -> Vec<String> {
    s.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, v)| v.to_string())
        .collect()
}

/// The last resort: no Rust type names (`RawCampaign`, `f64`, `struct X`).
fn strip_rust(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            if bare.starts_with("Raw")
                || ["f64", "f32", "u32", "u64", "usize", "i64"].contains(&bare)
            {
                "…"
            } else if ["struct", "variant", "identifier", "enum", "untagged"].contains(&bare) {
                ""
            } else {
                w
            }
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use crate::campaign::Campaign;

    fn err(src: &str) -> String {
        let e = Campaign::from_yaml(src, "c.yaml").unwrap_err();
        format!("{e:#}")
    }

    const HEAD: &str = "schema: thidua/v1\nid: x\ngroups:\n  a: { name: A }\ncriteria:\n";

    #[test]
    fn serde_jargon_becomes_the_domains_words_at_the_line() {
        let cases = [
            (
                format!("{HEAD}  - id: a\n    name: A\n    points: abc\n"),
                "c.yaml:8:",
                "criterion `a`: `points` must be a number, e.g. points: 20",
            ),
            (
                format!("{HEAD}  - id: a\n    name: A\n    points: 20\n    pionts: 3\n"),
                "c.yaml:9:",
                "unknown key `pionts` (valid keys: id, name,",
            ),
            (
                format!("{HEAD}  - id: a\n    points: 20\n"),
                "c.yaml:",
                "missing key `name`",
            ),
            (
                format!("{HEAD}  - id: a\n    name: A\n    points: 20\n5: x\n"),
                "c.yaml:9:",
                "unknown key `5` (valid keys: schema, id,",
            ),
            ("- 1\n- 2\n".to_string(), "c.yaml:1:", "must be a map"),
        ];
        for (src, at, says) in cases {
            let e = err(&src);
            assert!(e.starts_with(at), "{e}");
            assert!(e.contains(says), "{e}");
            for jargon in ["Raw", "f64", "struct", "variant", "identifier"] {
                assert!(!e.contains(jargon), "{jargon} in {e}");
            }
        }
    }
}

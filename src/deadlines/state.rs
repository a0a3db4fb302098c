//! The state file of a checklist (`--state FILE.yaml`, `done: [step ids]`):
//! what staff have already done, kept beside the plan, so the checklist
//! ticks only those. Every id is checked against the campaign, located.

use serde::Deserialize;

use crate::campaign::Campaign;
use crate::problem::{Problem, Problems, ProblemsError};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawState {
    #[serde(default)]
    done: Vec<String>,
}

/// The step ids listed under `done:`; an id the campaign does not have is a
/// problem at its line and column.
pub fn parse(src: &str, file: &str, campaign: &Campaign) -> Result<Vec<String>, ProblemsError> {
    let mut problems = Problems::new();
    let raw: RawState = if src.trim().is_empty() {
        RawState { done: Vec::new() }
    } else {
        match serde_yaml::from_str(src) {
            Ok(r) => r,
            Err(e) => {
                let what = crate::i18n::messages::Msg::YamlNotState.s();
                let mut p = crate::i18n::yaml::problem(&e, src, file);
                p.message = format!("{}; {what}", p.message);
                problems.push(p);
                return Err(ProblemsError(problems));
            }
        }
    };
    let known: Vec<&str> = campaign.all_deadlines().map(|d| d.id.as_str()).collect();
    let mut from = key_line(src);
    for id in &raw.done {
        if known.contains(&id.as_str()) {
            continue;
        }
        let (line, column) = locate(src, id, from);
        from = line;
        problems.push(
            Problem::cell(file, line as u64, column, crate::msg!(NoStepId, id))
                .with_hint(crate::msg!(TheSteps, known.join(", "))),
        );
    }
    problems.finish()?;
    Ok(raw.done)
}

/// The 0-based line of `done:`, where the ids start.
fn key_line(src: &str) -> usize {
    src.lines()
        .position(|l| l.trim_start().starts_with("done:"))
        .unwrap_or(0)
}

/// 1-based line and column of `id` as a whole word, from line `from`
/// (0-based) on; the `done:` line when it cannot be found.
fn locate(src: &str, id: &str, from: usize) -> (usize, usize) {
    let word = |c: char| c.is_alphanumeric() || "-_.".contains(c);
    for (i, line) in src.lines().enumerate().skip(from) {
        for (at, _) in line.match_indices(id) {
            let before = line[..at].chars().next_back();
            let after = line[at + id.len()..].chars().next();
            if !before.is_some_and(word) && !after.is_some_and(word) {
                return (i + 1, line[..at].chars().count() + 1);
            }
        }
    }
    (from + 1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked_and_located() {
        let c = Campaign::builtin();
        let ok = parse("done:\n  - chung-1\n  - tinh-1\n", "s.yaml", &c).unwrap();
        assert_eq!(ok, ["chung-1", "tinh-1"]);
        let err = parse("done: [chung-1, tinh-9]\n", "s.yaml", &c).unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("s.yaml:1:17: no step with id `tinh-9`"),
            "{text}"
        );
        assert!(
            text.contains("the steps are: chung-1, chung-2, tinh-1"),
            "{text}"
        );
        let bad = parse("dne: [chung-1]\n", "s.yaml", &c)
            .unwrap_err()
            .to_string();
        assert!(bad.starts_with("s.yaml:1:"), "{bad}");
        assert!(bad.contains("expected `done: [STEP_ID, …]`"), "{bad}");
    }
}

//! The state file of a checklist (`--state FILE.yaml`, `done: [step ids]`):
//! what staff have already done, kept beside the plan, so the checklist
//! ticks only those. Every id is checked against the campaign, located.

use serde::Deserialize;

use crate::campaign::Campaign;
use crate::i18n::messages::Msg;
use crate::problem::{Problems, ProblemsError};
use crate::yaml::{self, At, Shape};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawState {
    #[serde(default)]
    done: Vec<At<String>>,
}

/// How errors name a state file.
const SHAPE: Shape = Shape {
    lead: Some(Msg::YamlNotState),
    hint: None,
    items: &[],
};

/// The step ids listed under `done:`; an id the campaign does not have is a
/// problem at its line and column.
pub fn parse(src: &str, file: &str, campaign: &Campaign) -> Result<Vec<String>, ProblemsError> {
    let mut problems = Problems::new();
    let raw: RawState = match yaml::parse(src, file, &SHAPE) {
        Ok(r) => r,
        Err(p) => {
            problems.push(p);
            return Err(ProblemsError(problems));
        }
    };
    let known: Vec<&str> = campaign.all_deadlines().map(|d| d.id.as_str()).collect();
    for id in raw
        .done
        .iter()
        .filter(|id| !known.contains(&id.value.as_str()))
    {
        let p = id.at.problem(file, crate::msg!(NoStepId, id.value));
        problems.push(p.with_hint(crate::msg!(TheSteps, known.join(", "))));
    }
    problems.finish()?;
    Ok(raw.done.into_iter().map(|id| id.value).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    #[test]
    fn ids_are_checked_and_located() {
        let c = Campaign::builtin(crate::i18n::Lang::En);
        let ok = parse("done:\n  - chung-1\n  - tinh-1\n", "s.yaml", &c).unwrap();
        assert_eq!(ok, ["chung-1", "tinh-1"]);
        let err = parse("done: [chung-1, tinh-9]\n", "s.yaml", &c).unwrap_err();
        let text = err.en();
        assert!(
            text.starts_with("s.yaml:1:17: no step with id `tinh-9`"),
            "{text}"
        );
        assert!(
            text.contains("the steps are: chung-1, chung-2, tinh-1"),
            "{text}"
        );
        let bad = parse("dne: [chung-1]\n", "s.yaml", &c).unwrap_err().en();
        assert!(bad.starts_with("s.yaml:1:"), "{bad}");
        assert!(bad.contains("expected `done: [STEP_ID, …]`"), "{bad}");
    }
}

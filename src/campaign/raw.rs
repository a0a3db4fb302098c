//! The campaign file exactly as written, before any check: serde shapes with
//! `deny_unknown_fields` so a typo in a key is an error, never a silent default.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::yaml::{At, Keyed, Node};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCampaign {
    pub schema: At<String>,
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub issued: Option<At<String>>,
    #[serde(default)]
    pub period: Option<Keyed<RawPeriod>>,
    #[serde(default)]
    pub precision: Option<At<u32>>,
    /// What the criteria's points should sum to (default 100); only `check` reads it.
    #[serde(default)]
    pub max_total: Option<At<f64>>,
    /// In file order; a repeated id is refused by the parser at its line.
    pub groups: At<IndexMap<String, RawGroup>>,
    pub criteria: At<Vec<Keyed<RawCriterion>>>,
    #[serde(default)]
    pub penalties: Vec<Keyed<RawPenalty>>,
    #[serde(default)]
    pub gates: Vec<Keyed<RawGate>>,
    /// Criterion ids, or `{rule, name}`: read by hand (see `check`).
    #[serde(default)]
    pub tiebreak: Vec<At<Node>>,
    #[serde(default)]
    pub classes: Vec<Keyed<RawClass>>,
    #[serde(default)]
    pub tiers: Vec<Keyed<RawTier>>,
    #[serde(default)]
    pub deadlines: Vec<Keyed<RawDeadline>>,
    #[serde(default)]
    pub holidays: Vec<RawHoliday>,
    #[serde(default)]
    pub exclusive: Option<bool>,
    #[serde(default)]
    pub levers: Vec<Keyed<super::levers::RawLever>>,
    /// Lương cơ sở (VND), for reward totals.
    #[serde(default)]
    pub base_salary: Option<At<f64>>,
    #[serde(default)]
    pub individuals: Option<RawIndividuals>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndividuals {
    /// How people of a unit (or a group) are ordered: `direct`, `score`,
    /// `non_leader`, `female`.
    pub order: Vec<At<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReward {
    /// Multiples of the base salary per collective and per individual.
    #[serde(default)]
    pub collective: Option<f64>,
    #[serde(default)]
    pub individual: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    pub from: At<String>,
    pub to: At<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    pub id: String,
    pub name: String,
    /// A short label for column headers ("Tiến độ"); default: the name.
    #[serde(default)]
    pub short: Option<String>,
    #[serde(default)]
    pub section: Option<String>,
    pub points: f64,
    #[serde(default)]
    pub value: Option<At<String>>,
    /// `proportional`, or a one-key map `{linear|steps|formula: ...}`.
    #[serde(default)]
    pub scoring: Option<RawScoring>,
    #[serde(default)]
    pub when_undefined: Option<RawWhenUndefined>,
    #[serde(default)]
    pub applies_to: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawScoring {
    Proportional,
    Linear(Keyed<RawLinear>),
    Steps(Vec<Keyed<RawStep>>),
    Formula(At<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLinear {
    pub zero_at: f64,
    pub full_at: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    pub points: f64,
}

#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum RawWhenUndefined {
    Zero,
    Full,
    Exclude,
    Error,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPenalty {
    pub id: String,
    pub name: String,
    pub count: At<String>,
    pub points_each: f64,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub applies_to: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGate {
    pub id: String,
    pub name: String,
    pub rule: At<String>,
    #[serde(default)]
    pub tiers: Option<Vec<String>>,
    #[serde(default)]
    pub applies_to: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClass {
    pub name: String,
    pub min: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTier {
    pub id: String,
    pub award: String,
    #[serde(default)]
    pub quotas: Vec<Keyed<RawQuota>>,
    #[serde(default)]
    pub min_percent: Option<f64>,
    #[serde(default)]
    pub deadlines: Vec<Keyed<RawDeadline>>,
    #[serde(default)]
    pub reward: Option<RawReward>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuota {
    pub group: String,
    /// `4` or `"10%"` (of the group's units): read by `quota::Places`.
    #[serde(default)]
    pub collectives: Option<Node>,
    #[serde(default)]
    pub individuals_each: Option<u32>,
    /// `3` or `"5%"` (of the group's eligible people), across the group.
    #[serde(default)]
    pub individuals: Option<Node>,
    /// Most proposals (collective and people together) one unit may get.
    #[serde(default)]
    pub per_unit: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeadline {
    /// What `--done` and a state file call the step; derived when absent.
    #[serde(default)]
    pub id: Option<String>,
    /// `event` for a step that is not a submission ("Kết thúc phong trào").
    #[serde(default)]
    pub kind: Option<StepKind>,
    #[serde(default)]
    pub before: Option<At<String>>,
    #[serde(default)]
    pub by: Option<At<String>>,
    #[serde(default)]
    pub on: Option<At<String>>,
    pub actor: String,
    pub action: String,
    #[serde(default)]
    pub recipient: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Whether a step is something to hand in by its date, or only happens then.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// Something to send by the date (the default): weekends move it earlier.
    #[default]
    Submission,
    /// Something that happens on the date; nothing is handed in.
    Event,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHoliday {
    pub date: At<String>,
    pub name: String,
    /// `true` marks a make-up working day (ngày làm bù), usually a Saturday.
    #[serde(default)]
    pub working: Option<bool>,
}

//! The campaign file exactly as written, before any check: serde shapes with
//! `deny_unknown_fields` so a typo in a key is an error, never a silent default.

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCampaign {
    pub schema: String,
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub issued: Option<String>,
    #[serde(default)]
    pub period: Option<RawPeriod>,
    #[serde(default)]
    pub precision: Option<u32>,
    /// What the criteria's points should sum to (default 100); only `check` reads it.
    #[serde(default)]
    pub max_total: Option<f64>,
    /// Every entry as written, duplicates included, so a repeated id is an
    /// error at its own line instead of silently replacing the first.
    #[serde(deserialize_with = "entries")]
    pub groups: Vec<(String, RawGroup)>,
    pub criteria: Vec<RawCriterion>,
    #[serde(default)]
    pub penalties: Vec<RawPenalty>,
    #[serde(default)]
    pub gates: Vec<RawGate>,
    /// Criterion ids, or `{rule, name}`: read by hand (see `check`).
    #[serde(default)]
    pub tiebreak: Vec<serde_yaml::Value>,
    #[serde(default)]
    pub classes: Vec<RawClass>,
    #[serde(default)]
    pub tiers: Vec<RawTier>,
    #[serde(default)]
    pub deadlines: Vec<RawDeadline>,
    #[serde(default)]
    pub holidays: Vec<RawHoliday>,
    #[serde(default)]
    pub exclusive: Option<bool>,
    #[serde(default)]
    pub levers: Vec<super::levers::RawLever>,
    /// Lương cơ sở (VND), for reward totals.
    #[serde(default)]
    pub base_salary: Option<f64>,
    #[serde(default)]
    pub individuals: Option<RawIndividuals>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndividuals {
    /// How people of a unit (or a group) are ordered: `direct`, `score`,
    /// `non_leader`, `female`.
    pub order: Vec<String>,
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
    pub from: String,
    pub to: String,
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
    pub value: Option<String>,
    /// `proportional`, or a one-key map `{linear|steps|formula: ...}`; read
    /// by hand because serde_yaml 0.9 wants YAML tags for enum variants.
    #[serde(default)]
    pub scoring: Option<serde_yaml::Value>,
    #[serde(default)]
    pub when_undefined: Option<RawWhenUndefined>,
    #[serde(default)]
    pub applies_to: Option<Vec<String>>,
}

#[derive(Debug)]
pub enum RawScoring {
    Proportional,
    Linear(RawLinear),
    Steps(Vec<RawStep>),
    Formula(String),
}

impl RawScoring {
    pub fn from_value(v: serde_yaml::Value) -> Result<RawScoring, String> {
        use serde_yaml::Value;
        let expected = crate::i18n::messages::Msg::ScoringExpected.s();
        match v {
            Value::String(s) if s == "proportional" => Ok(RawScoring::Proportional),
            Value::Mapping(m) if m.len() == 1 => {
                let (k, v) = m.into_iter().next().expect("one entry");
                // In the domain's words (`thiếu khóa `full_at``), not serde's.
                let bad = |e: serde_yaml::Error| {
                    format!("scoring: {}", crate::i18n::yaml::describe(&e, "", None))
                };
                match k.as_str() {
                    Some("linear") => serde_yaml::from_value(v)
                        .map(RawScoring::Linear)
                        .map_err(bad),
                    Some("steps") => serde_yaml::from_value(v)
                        .map(RawScoring::Steps)
                        .map_err(bad),
                    Some("formula") => serde_yaml::from_value(v)
                        .map(RawScoring::Formula)
                        .map_err(bad),
                    _ => Err(crate::msg!(
                        ScoringUnknownMethod,
                        serde_yaml::to_string(&k).unwrap_or_default().trim(),
                        expected
                    )),
                }
            }
            other => Err(crate::msg!(
                ScoringUnknown,
                serde_yaml::to_string(&other).unwrap_or_default().trim(),
                expected
            )),
        }
    }
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
    pub count: String,
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
    pub rule: String,
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
    pub quotas: Vec<RawQuota>,
    #[serde(default)]
    pub min_percent: Option<f64>,
    #[serde(default)]
    pub deadlines: Vec<RawDeadline>,
    #[serde(default)]
    pub reward: Option<RawReward>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuota {
    pub group: String,
    /// `4` or `"10%"` (of the group's units): read by `quota::Places`.
    #[serde(default)]
    pub collectives: Option<serde_yaml::Value>,
    #[serde(default)]
    pub individuals_each: Option<u32>,
    /// `3` or `"5%"` (of the group's eligible people), across the group.
    #[serde(default)]
    pub individuals: Option<serde_yaml::Value>,
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
    pub before: Option<String>,
    #[serde(default)]
    pub by: Option<String>,
    #[serde(default)]
    pub on: Option<String>,
    pub actor: String,
    pub action: String,
    #[serde(default)]
    pub recipient: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Whether a step is something to hand in by its date, or only happens then.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
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
    pub date: String,
    pub name: String,
    /// `true` marks a make-up working day (ngày làm bù), usually a Saturday.
    #[serde(default)]
    pub working: Option<bool>,
}

/// A YAML mapping as its list of entries, keeping repeated keys.
fn entries<'de, D, V>(d: D) -> Result<Vec<(String, V)>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Entries<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
        type Value = Vec<(String, V)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map of id: { name, aliases }")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(entry) = map.next_entry()? {
                out.push(entry);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Entries(std::marker::PhantomData))
}

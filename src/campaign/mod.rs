//! The campaign: criteria, gates, tiers, quotas and deadlines, parsed from YAML
//! once and checked once, so scoring never meets an unknown id or a bad date.

mod bounds;
mod check;
mod levers;
pub mod lint;
pub mod quota;
mod raw;
mod schedule;
mod weights;

pub use bounds::MAX_POINTS;
use bounds::too_many_points;

use anyhow::{Result, anyhow, bail};
use std::sync::Arc;

use chrono::NaiveDate;

use serde::Serialize;

use crate::expr::Expr;
use crate::i18n::messages::Msg;
use crate::i18n::{Lang, Text};
use crate::yaml::{self, Keyed, Pos, Shape};
use check::Checker;
pub use quota::Places;
pub use raw::StepKind;
use raw::*;

pub use levers::Lever;

/// The plan the product was born from, compiled in so `thidua rank` works
/// with no campaign file at all.
pub const DEFAULT_YAML: &str = include_str!("../../criteria/ninh-phuoc-236.yaml");
/// How messages in `lang` name the built-in campaign.
pub fn default_label(lang: Lang) -> &'static str {
    lang.pick(
        "criteria/ninh-phuoc-236.yaml (có sẵn)",
        "criteria/ninh-phuoc-236.yaml (built in)",
    )
}
pub const SCHEMA: &str = "thidua/campaign/v1";
const MAX_PRECISION: u32 = 6;

#[derive(Debug, Clone, Serialize)]
pub struct Campaign {
    /// Where the campaign came from, for error messages; not part of what
    /// the campaign says, so never serialized.
    #[serde(skip)]
    pub file: String,
    pub id: String,
    pub title: Option<String>,
    pub issued: Option<NaiveDate>,
    pub period: Option<(NaiveDate, NaiveDate)>,
    pub precision: u32,
    /// What the criteria's points of each group should sum to, when the plan
    /// does not count to 100 (`max_total:`); read by `check` only.
    pub max_total: Option<f64>,
    /// The file as written, so `check` can read it again without an
    /// overlay; never serialized.
    #[serde(skip)]
    pub source: Arc<str>,
    /// Where `criteria:` and `max_total:` were written (warnings point there).
    pub criteria_at: Pos,
    pub max_total_at: Pos,
    pub groups: Vec<Group>,
    pub criteria: Vec<Criterion>,
    pub penalties: Vec<Penalty>,
    pub gates: Vec<Gate>,
    /// Criterion indices, compared in order when totals are equal.
    /// Compared in order when totals are equal: criteria, or rules.
    pub tiebreak: Vec<TieBreak>,
    /// Sorted by `min`, highest first.
    pub classes: Vec<Class>,
    /// Highest tier first, as written.
    pub tiers: Vec<Tier>,
    /// Campaign-wide steps (`tier == None`).
    pub deadlines: Vec<Deadline>,
    pub holidays: Vec<Holiday>,
    pub exclusive: bool,
    /// Lương cơ sở (VND), for the reward of each entry.
    pub base_salary: Option<f64>,
    /// How people are ordered (default: direct workers, then score).
    pub individuals_order: Vec<PersonKey>,
    /// Changes a unit controls, for "what it would take" (`rank --levers`).
    pub levers: Vec<Lever>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    /// Short label for printed column headers (`short:`), if the campaign gives one.
    pub short: Option<String>,
    pub section: Option<String>,
    pub points: f64,
    /// Absent only for `formula` scoring, which reads metrics directly.
    #[serde(serialize_with = "written_opt")]
    pub value: Option<Expr>,
    pub scoring: Scoring,
    pub when_undefined: WhenUndefined,
    /// Group indices; every group when the file says nothing.
    pub applies_to: Vec<usize>,
    /// Where its `id:` was written.
    pub line: Pos,
    /// Its scoring's thresholds as written, in file order (for warnings).
    pub thresholds: Vec<Threshold>,
}

/// One threshold of a scoring as written: `min: 80` (or `max`, `zero_at`,
/// `full_at`) and where its key is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Threshold {
    pub key: &'static str,
    pub value: f64,
    pub at: Pos,
}

impl Criterion {
    /// What printed outputs call the criterion: its `short` label, else its name.
    pub fn label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, Serialize)]
pub enum Scoring {
    Proportional,
    Linear {
        zero_at: f64,
        full_at: f64,
    },
    /// Thresholds with the share of the criterion's points they give, so a
    /// weights overlay rescales them with the criterion.
    Steps {
        dir: StepDir,
        steps: Vec<Step>,
    },
    /// Points as written, over the points the file gave the criterion.
    Formula {
        #[serde(serialize_with = "written")]
        expr: Expr,
        written_points: f64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum StepDir {
    /// Higher is better: the highest `min` reached wins.
    Min,
    /// Lower is better: the lowest `max` not exceeded wins.
    Max,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Step {
    pub threshold: f64,
    pub fraction: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum WhenUndefined {
    Zero,
    Full,
    Exclude,
    Error,
}

#[derive(Debug, Clone, Serialize)]
pub struct Penalty {
    pub id: String,
    pub name: String,
    #[serde(serialize_with = "written")]
    pub count: Expr,
    pub points_each: f64,
    pub max: Option<f64>,
    pub applies_to: Vec<usize>,
    pub line: Pos,
}

#[derive(Debug, Clone, Serialize)]
pub struct Gate {
    pub id: String,
    pub name: String,
    #[serde(serialize_with = "written")]
    pub rule: Expr,
    /// Tier indices; `None` = every tier.
    pub tiers: Option<Vec<usize>>,
    pub applies_to: Vec<usize>,
    pub line: Pos,
}

#[derive(Debug, Clone, Serialize)]
pub struct Class {
    pub name: String,
    pub min: f64,
    /// Where its `min:` was written.
    pub at: Pos,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tier {
    pub id: String,
    pub award: String,
    pub quotas: Vec<Quota>,
    pub min_percent: Option<f64>,
    pub deadlines: Vec<Deadline>,
    pub reward: Option<Reward>,
    /// Where its `id:`, `min_percent:` and `award:` were written.
    pub line: Pos,
    pub min_percent_at: Pos,
    pub award_at: Pos,
}

/// What one tier gives one group: every quota line of the tier over the
/// group, combined (the strictest wins).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quota {
    pub group: usize,
    /// Collective places; empty when the tier gives the group no collective.
    pub collectives: Vec<Places>,
    /// People each nominated collective proposes.
    pub individuals_each: u32,
    /// Individual places across the group (of its eligible people).
    pub individuals: Vec<Places>,
    /// Most proposals one unit may get in the tier, collective and people together.
    pub per_unit: Option<u32>,
    /// Where each quota entry combined here starts.
    pub lines: Vec<Pos>,
    /// Where each of `collectives` was written.
    pub collectives_at: Vec<Pos>,
}

impl Quota {
    /// Collective places out of the group's `units`, if the tier gives any.
    pub fn collective_places(&self, units: u32) -> Option<quota::Counted> {
        quota::count(&self.collectives, units)
    }
}

/// Money per entry, as multiples of the campaign's `base_salary`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Reward {
    pub collective: Option<f64>,
    pub individual: Option<f64>,
}

impl Campaign {
    /// The criteria of the tie-break, in order (its rules left out).
    pub fn tiebreak_criteria(&self) -> impl Iterator<Item = usize> + '_ {
        self.tiebreak.iter().filter_map(|t| match t {
            TieBreak::Criterion(c) => Some(*c),
            TieBreak::Rule { .. } => None,
        })
    }
}

/// One key of the tie-break, in order.
#[derive(Debug, Clone, Serialize)]
pub enum TieBreak {
    /// Higher points of this criterion first.
    Criterion(usize),
    /// Units for which the rule holds first (e.g. NĐ 152/2025's priority to
    /// collectives with at least 70% women).
    Rule {
        name: String,
        #[serde(serialize_with = "written")]
        rule: Expr,
        /// Where the rule was written.
        at: Pos,
    },
}

/// How people are ordered for a unit's (or a group's) places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PersonKey {
    /// Direct workers ("người trực tiếp") first.
    Direct,
    /// Higher `score` first.
    Score,
    /// Non-leaders first.
    NonLeader,
    /// Women first (NĐ 152/2025).
    Female,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DeadlineKind {
    /// "trước ngày": the last day to act is the day before.
    Before,
    /// On or before the date.
    By,
    On,
}

#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    /// The step's `id:`, or `<tier>-<n>` (`chung-<n>` campaign-wide), n
    /// counting from 1 in its list: what `--done` names.
    pub id: String,
    /// A submission, or an event that only happens on its date.
    pub step: StepKind,
    /// Tier id, `None` for campaign-wide steps.
    pub tier: Option<String>,
    pub kind: DeadlineKind,
    pub date: NaiveDate,
    pub actor: String,
    pub action: String,
    pub recipient: Option<String>,
    pub note: Option<String>,
    /// Where its `id:` (else the step) and its date's key were written.
    pub id_at: Pos,
    pub date_at: Pos,
}

#[derive(Debug, Clone, Serialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
    /// A make-up working day (ngày làm bù) rather than a day off.
    pub working: bool,
}

impl Campaign {
    /// The embedded default campaign (Kế hoạch 236/KH-UBND).
    pub fn builtin(lang: Lang) -> Campaign {
        Campaign::from_yaml(DEFAULT_YAML, default_label(lang))
            .expect("the built-in campaign is valid")
    }

    /// Parses and checks a campaign file. `file` names it in errors.
    pub fn from_yaml(src: &str, file: &str) -> Result<Campaign> {
        let raw: Keyed<RawCampaign> = yaml::parse(src, file, &SHAPE).map_err(|p| anyhow!(p))?;
        if let Some(t) = raw
            .value
            .max_total
            .as_ref()
            .filter(|t| !(t.value.is_finite() && t.value > 0.0))
        {
            let m = crate::msg!(MaxTotal, t.value);
            bail!(crate::problem::Problem::line(file, t.at.line(), m));
        }
        if let Some(t) = &raw.value.max_total
            && let Some(shown) = too_many_points(t.value)
        {
            bail!(t.at.problem(file, crate::msg!(PointsTooLarge, "max_total", shown)));
        }
        Checker { src, file }.campaign(raw)
    }

    pub fn group_index(&self, id: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.id == id)
    }

    pub fn tier_index(&self, id: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t.id == id)
    }

    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.id == id)
    }

    /// Every deadline, campaign-wide and per tier, in file order.
    pub fn all_deadlines(&self) -> impl Iterator<Item = &Deadline> {
        self.deadlines
            .iter()
            .chain(self.tiers.iter().flat_map(|t| t.deadlines.iter()))
    }
}

/// An expression as the campaign wrote it (what a serialization keeps).
fn written<S: serde::Serializer>(e: &Expr, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(e.source())
}

fn written_opt<S: serde::Serializer>(e: &Option<Expr>, s: S) -> Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.serialize_some(e.source()),
        None => s.serialize_none(),
    }
}

/// How campaign errors name entries of its lists.
const SHAPE: Shape = Shape {
    lead: None,
    hint: None,
    items: &[
        ("criteria", Msg::CriterionCtx),
        ("tiers", Msg::TierCtx),
        ("penalties", Msg::PenaltyCtx),
        ("gates", Msg::GateCtx),
        ("levers", Msg::LeverCtx),
    ],
};

/// "; did you mean `x`?" when a known name is close to `name`.
pub fn suggestion(name: &str, known: &[&str]) -> Text {
    let best = known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(name, k), *k))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((d, k)) if d <= name.len().max(3) / 2 + 1 => crate::msg!(DidYouMean, k),
        _ if !known.is_empty() && known.len() <= 12 => crate::msg!(Known, known.join(", ")),
        _ => Text::default(),
    }
}

#[cfg(test)]
mod tests;

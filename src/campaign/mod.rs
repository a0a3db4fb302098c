//! The campaign: criteria, gates, tiers, quotas and deadlines, parsed from YAML
//! once and checked once, so scoring never meets an unknown id or a bad date.

mod raw;

use anyhow::{Context, Result, anyhow, bail};
use chrono::NaiveDate;
use indexmap::IndexMap;

use crate::expr::Expr;
use raw::*;

/// The plan the product was born from, compiled in so `thidua rank` works
/// with no campaign file at all.
pub const DEFAULT_YAML: &str = include_str!("../../criteria/ninh-phuoc-236.yaml");
pub const DEFAULT_LABEL: &str = "criteria/ninh-phuoc-236.yaml (built in)";
pub const SCHEMA: &str = "thidua/campaign/v1";
const MAX_PRECISION: u32 = 6;

#[derive(Debug, Clone)]
pub struct Campaign {
    /// Where the campaign came from, for error messages.
    pub file: String,
    pub id: String,
    pub title: Option<String>,
    pub issued: Option<NaiveDate>,
    pub period: Option<(NaiveDate, NaiveDate)>,
    pub precision: u32,
    pub groups: Vec<Group>,
    pub criteria: Vec<Criterion>,
    pub penalties: Vec<Penalty>,
    pub gates: Vec<Gate>,
    /// Criterion indices, compared in order when totals are equal.
    pub tiebreak: Vec<usize>,
    /// Sorted by `min`, highest first.
    pub classes: Vec<Class>,
    /// Highest tier first, as written.
    pub tiers: Vec<Tier>,
    /// Campaign-wide steps (`tier == None`).
    pub deadlines: Vec<Deadline>,
    pub holidays: Vec<Holiday>,
    pub exclusive: bool,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    pub section: Option<String>,
    pub points: f64,
    /// Absent only for `formula` scoring, which reads metrics directly.
    pub value: Option<Expr>,
    pub scoring: Scoring,
    pub when_undefined: WhenUndefined,
    /// Group indices; every group when the file says nothing.
    pub applies_to: Vec<usize>,
    pub line: usize,
}

#[derive(Debug, Clone)]
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
        expr: Expr,
        written_points: f64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepDir {
    /// Higher is better: the highest `min` reached wins.
    Min,
    /// Lower is better: the lowest `max` not exceeded wins.
    Max,
}

#[derive(Debug, Clone, Copy)]
pub struct Step {
    pub threshold: f64,
    pub fraction: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenUndefined {
    Zero,
    Full,
    Exclude,
    Error,
}

#[derive(Debug, Clone)]
pub struct Penalty {
    pub id: String,
    pub name: String,
    pub count: Expr,
    pub points_each: f64,
    pub max: Option<f64>,
    pub applies_to: Vec<usize>,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Gate {
    pub id: String,
    pub name: String,
    pub rule: Expr,
    /// Tier indices; `None` = every tier.
    pub tiers: Option<Vec<usize>>,
    pub applies_to: Vec<usize>,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Class {
    pub name: String,
    pub min: f64,
}

#[derive(Debug, Clone)]
pub struct Tier {
    pub id: String,
    pub award: String,
    pub quotas: Vec<Quota>,
    pub min_percent: Option<f64>,
    pub deadlines: Vec<Deadline>,
}

#[derive(Debug, Clone)]
pub struct Quota {
    pub group: usize,
    pub collectives: u32,
    pub individuals_each: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineKind {
    /// "trước ngày": the last day to act is the day before.
    Before,
    /// On or before the date.
    By,
    On,
}

#[derive(Debug, Clone)]
pub struct Deadline {
    /// Tier id, `None` for campaign-wide steps.
    pub tier: Option<String>,
    pub kind: DeadlineKind,
    pub date: NaiveDate,
    pub actor: String,
    pub action: String,
    pub recipient: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
    /// A make-up working day (ngày làm bù) rather than a day off.
    pub working: bool,
}

impl Campaign {
    /// The embedded default campaign (Kế hoạch 236/KH-UBND).
    pub fn builtin() -> Campaign {
        Campaign::from_yaml(DEFAULT_YAML, DEFAULT_LABEL).expect("the built-in campaign is valid")
    }

    /// Parses and checks a campaign file. `file` names it in errors.
    pub fn from_yaml(src: &str, file: &str) -> Result<Campaign> {
        let raw: RawCampaign = serde_yaml::from_str(src)
            .with_context(|| format!("{file}: not a valid campaign file"))?;
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

    /// Applies a what-if overlay `{criterion_id: points}`. Steps and formulas
    /// scale with their criterion, so the overlay changes weights, not rules.
    pub fn apply_weights(&mut self, src: &str, file: &str) -> Result<()> {
        let overlay: IndexMap<String, f64> = serde_yaml::from_str(src)
            .with_context(|| format!("{file}: expected a map `criterion_id: points`"))?;
        for (id, points) in overlay {
            let line = line_of_key(src, &id);
            let Some(i) = self.criterion_index(&id) else {
                let known: Vec<&str> = self.criteria.iter().map(|c| c.id.as_str()).collect();
                bail!(
                    "{file}:{line}: unknown criterion `{id}`{}",
                    suggestion(&id, &known)
                );
            };
            if !(points.is_finite() && points > 0.0) {
                bail!(
                    "{file}:{line}: criterion `{id}`: points must be a number greater than 0, got {points}"
                );
            }
            self.criteria[i].points = points;
        }
        Ok(())
    }
}

/// "; did you mean `x`?" when a known name is close to `name`.
pub fn suggestion(name: &str, known: &[&str]) -> String {
    let best = known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(name, k), *k))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((d, k)) if d <= name.len().max(3) / 2 + 1 => format!("; did you mean `{k}`?"),
        _ if !known.is_empty() && known.len() <= 12 => format!(" (known: {})", known.join(", ")),
        _ => String::new(),
    }
}

/// Line (1-based) of the first `key:` at the start of a YAML line, or 1.
fn line_of_key(src: &str, key: &str) -> usize {
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
fn line_of_item(src: &str, section: &str, id: &str) -> usize {
    let start = src
        .lines()
        .position(|l| l.starts_with(&format!("{section}:")))
        .unwrap_or(0);
    src.lines()
        .enumerate()
        .skip(start)
        .find(|(_, l)| {
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
        .map_or(start + 1, |(i, _)| i + 1)
}

struct Checker<'a> {
    src: &'a str,
    file: &'a str,
}

impl Checker<'_> {
    fn campaign(&self, raw: RawCampaign) -> Result<Campaign> {
        if raw.schema != SCHEMA {
            bail!(
                "{}:{}: schema must be `{SCHEMA}`, got `{}`",
                self.file,
                line_of_key(self.src, "schema"),
                raw.schema
            );
        }
        let precision = raw.precision.unwrap_or(2);
        if precision > MAX_PRECISION {
            bail!(
                "{}:{}: precision must be 0..={MAX_PRECISION}, got {precision}",
                self.file,
                line_of_key(self.src, "precision")
            );
        }
        let groups = self.groups(raw.groups)?;
        let group_ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
        let mut criteria = Vec::new();
        for c in raw.criteria {
            let line = line_of_item(self.src, "criteria", &c.id);
            let c = self.criterion(c, &group_ids, line)?;
            if criteria.iter().any(|o: &Criterion| o.id == c.id) {
                bail!("{}:{line}: duplicate criterion id `{}`", self.file, c.id);
            }
            criteria.push(c);
        }
        if criteria.is_empty() {
            bail!(
                "{}:{}: a campaign needs at least one criterion",
                self.file,
                line_of_key(self.src, "criteria")
            );
        }
        let tiers = self.tiers(raw.tiers, &group_ids)?;
        let tier_ids: Vec<&str> = tiers.iter().map(|t| t.id.as_str()).collect();
        let penalties = raw
            .penalties
            .into_iter()
            .map(|p| self.penalty(p, &group_ids))
            .collect::<Result<Vec<_>>>()?;
        unique(
            self.file,
            self.src,
            "penalties",
            penalties.iter().map(|p| p.id.as_str()),
        )?;
        let gates = raw
            .gates
            .into_iter()
            .map(|g| self.gate(g, &group_ids, &tier_ids))
            .collect::<Result<Vec<_>>>()?;
        unique(
            self.file,
            self.src,
            "gates",
            gates.iter().map(|g| g.id.as_str()),
        )?;
        let crit_ids: Vec<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
        let tiebreak = raw
            .tiebreak
            .iter()
            .map(|id| {
                crit_ids.iter().position(|c| c == id).ok_or_else(|| {
                    anyhow!(
                        "{}:{}: tiebreak names unknown criterion `{id}`{}",
                        self.file,
                        line_of_key(self.src, "tiebreak"),
                        suggestion(id, &crit_ids)
                    )
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut classes = Vec::new();
        for c in raw.classes {
            if !c.min.is_finite() {
                bail!(
                    "{}:{}: class `{}`: min must be a number",
                    self.file,
                    line_of_key(self.src, "classes"),
                    c.name
                );
            }
            classes.push(Class {
                name: c.name,
                min: c.min,
            });
        }
        classes.sort_by(|a, b| b.min.total_cmp(&a.min));
        let deadlines = raw
            .deadlines
            .into_iter()
            .map(|d| self.deadline(d, None))
            .collect::<Result<Vec<_>>>()?;
        let holidays = raw
            .holidays
            .into_iter()
            .map(|h| {
                Ok(Holiday {
                    date: self.date(&h.date, "holidays")?,
                    name: h.name,
                    working: h.working.unwrap_or(false),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let period = match raw.period {
            Some(p) => {
                let (from, to) = (self.date(&p.from, "period")?, self.date(&p.to, "period")?);
                if from > to {
                    bail!(
                        "{}:{}: period ends before it starts",
                        self.file,
                        line_of_key(self.src, "period")
                    );
                }
                Some((from, to))
            }
            None => None,
        };
        Ok(Campaign {
            file: self.file.to_string(),
            id: raw.id,
            title: raw.title,
            issued: raw
                .issued
                .as_deref()
                .map(|d| self.date(d, "issued"))
                .transpose()?,
            period,
            precision,
            groups,
            criteria,
            penalties,
            gates,
            tiebreak,
            classes,
            tiers,
            deadlines,
            holidays,
            exclusive: raw.exclusive.unwrap_or(false),
        })
    }

    fn groups(&self, raw: IndexMap<String, RawGroup>) -> Result<Vec<Group>> {
        if raw.is_empty() {
            bail!(
                "{}:{}: a campaign needs at least one group",
                self.file,
                line_of_key(self.src, "groups")
            );
        }
        Ok(raw
            .into_iter()
            .map(|(id, g)| Group {
                id,
                name: g.name,
                aliases: g.aliases,
            })
            .collect())
    }

    fn group_list(
        &self,
        ids: Option<Vec<String>>,
        groups: &[&str],
        line: usize,
        what: &str,
    ) -> Result<Vec<usize>> {
        match ids {
            None => Ok((0..groups.len()).collect()),
            Some(ids) => ids
                .iter()
                .map(|id| {
                    groups.iter().position(|g| g == id).ok_or_else(|| {
                        anyhow!(
                            "{}:{line}: {what}: unknown group `{id}`{}",
                            self.file,
                            suggestion(id, groups)
                        )
                    })
                })
                .collect(),
        }
    }

    fn expr(&self, src: &str, line: usize, what: &str) -> Result<Expr> {
        let line = line_of_text(self.src, src, line);
        Expr::parse(src).map_err(|e| anyhow!("{}:{line}: {what}: {e}", self.file))
    }

    fn criterion(&self, c: RawCriterion, groups: &[&str], line: usize) -> Result<Criterion> {
        let what = format!("criterion `{}`", c.id);
        if !(c.points.is_finite() && c.points > 0.0) {
            bail!(
                "{}:{line}: {what}: points must be greater than 0, got {}",
                self.file,
                c.points
            );
        }
        let value = c
            .value
            .as_deref()
            .map(|v| self.expr(v, line, &what))
            .transpose()?;
        let raw_scoring = match c.scoring {
            None => RawScoring::Proportional,
            Some(v) => RawScoring::from_value(v)
                .map_err(|e| anyhow!("{}:{line}: {what}: {e}", self.file))?,
        };
        let scoring = match raw_scoring {
            RawScoring::Proportional => Scoring::Proportional,
            RawScoring::Linear(l) => {
                if !(l.zero_at.is_finite() && l.full_at.is_finite()) || l.zero_at == l.full_at {
                    bail!(
                        "{}:{line}: {what}: linear needs two different goalposts, got zero_at {} and full_at {}",
                        self.file,
                        l.zero_at,
                        l.full_at
                    );
                }
                Scoring::Linear {
                    zero_at: l.zero_at,
                    full_at: l.full_at,
                }
            }
            RawScoring::Steps(steps) => self.steps(steps, c.points, line, &what)?,
            RawScoring::Formula(f) => Scoring::Formula {
                expr: self.expr(&f, line, &what)?,
                written_points: c.points,
            },
        };
        if value.is_none() && !matches!(scoring, Scoring::Formula { .. }) {
            bail!(
                "{}:{line}: {what}: needs `value` (only `formula` scoring can do without)",
                self.file
            );
        }
        let when_undefined = match c.when_undefined.unwrap_or(RawWhenUndefined::Zero) {
            RawWhenUndefined::Zero => WhenUndefined::Zero,
            RawWhenUndefined::Full => WhenUndefined::Full,
            RawWhenUndefined::Exclude => WhenUndefined::Exclude,
            RawWhenUndefined::Error => WhenUndefined::Error,
        };
        Ok(Criterion {
            applies_to: self.group_list(c.applies_to, groups, line, &what)?,
            id: c.id,
            name: c.name,
            section: c.section,
            points: c.points,
            value,
            scoring,
            when_undefined,
            line,
        })
    }

    fn steps(&self, raw: Vec<RawStep>, points: f64, line: usize, what: &str) -> Result<Scoring> {
        let fail = |msg: String| anyhow!("{}:{line}: {what}: steps: {msg}", self.file);
        if raw.is_empty() {
            return Err(fail("need at least one step".into()));
        }
        let dir = match (raw[0].min, raw[0].max) {
            (Some(_), None) => StepDir::Min,
            (None, Some(_)) => StepDir::Max,
            _ => return Err(fail("each step needs exactly one of `min` or `max`".into())),
        };
        let mut steps = Vec::new();
        for s in &raw {
            let t = match (dir, s.min, s.max) {
                (StepDir::Min, Some(t), None) | (StepDir::Max, None, Some(t)) => t,
                _ => {
                    return Err(fail(
                        "all steps must use the same one of `min` or `max`".into(),
                    ));
                }
            };
            if !t.is_finite() || !(0.0..=points).contains(&s.points) {
                return Err(fail(format!(
                    "step points must be within 0..={points}, got {}",
                    s.points
                )));
            }
            steps.push(Step {
                threshold: t,
                fraction: s.points / points,
            });
        }
        // Most demanding first: highest min, or lowest max.
        steps.sort_by(|a, b| match dir {
            StepDir::Min => b.threshold.total_cmp(&a.threshold),
            StepDir::Max => a.threshold.total_cmp(&b.threshold),
        });
        for w in steps.windows(2) {
            if w[0].threshold == w[1].threshold {
                return Err(fail(format!("threshold {} appears twice", w[0].threshold)));
            }
            if w[0].fraction < w[1].fraction {
                return Err(fail(format!(
                    "a harder threshold ({}) gives fewer points than an easier one ({})",
                    w[0].threshold, w[1].threshold
                )));
            }
        }
        Ok(Scoring::Steps { dir, steps })
    }

    fn penalty(&self, p: RawPenalty, groups: &[&str]) -> Result<Penalty> {
        let line = line_of_item(self.src, "penalties", &p.id);
        let what = format!("penalty `{}`", p.id);
        if !(p.points_each.is_finite() && p.points_each > 0.0) {
            bail!(
                "{}:{line}: {what}: points_each must be greater than 0",
                self.file
            );
        }
        if p.max.is_some_and(|m| !(m.is_finite() && m > 0.0)) {
            bail!("{}:{line}: {what}: max must be greater than 0", self.file);
        }
        Ok(Penalty {
            count: self.expr(&p.count, line, &what)?,
            applies_to: self.group_list(p.applies_to, groups, line, &what)?,
            id: p.id,
            name: p.name,
            points_each: p.points_each,
            max: p.max,
            line,
        })
    }

    fn gate(&self, g: RawGate, groups: &[&str], tiers: &[&str]) -> Result<Gate> {
        let line = line_of_item(self.src, "gates", &g.id);
        let what = format!("gate `{}`", g.id);
        let gate_tiers = g
            .tiers
            .map(|ts| {
                ts.iter()
                    .map(|t| {
                        tiers.iter().position(|x| x == t).ok_or_else(|| {
                            anyhow!(
                                "{}:{line}: {what}: unknown tier `{t}`{}",
                                self.file,
                                suggestion(t, tiers)
                            )
                        })
                    })
                    .collect::<Result<Vec<_>>>()
            })
            .transpose()?;
        Ok(Gate {
            rule: self.expr(&g.rule, line, &what)?,
            applies_to: self.group_list(g.applies_to, groups, line, &what)?,
            tiers: gate_tiers,
            id: g.id,
            name: g.name,
            line,
        })
    }

    fn tiers(&self, raw: Vec<RawTier>, groups: &[&str]) -> Result<Vec<Tier>> {
        let mut tiers: Vec<Tier> = Vec::new();
        for t in raw {
            let line = line_of_item(self.src, "tiers", &t.id);
            let what = format!("tier `{}`", t.id);
            if tiers.iter().any(|o| o.id == t.id) {
                bail!("{}:{line}: duplicate tier id `{}`", self.file, t.id);
            }
            let mut quotas: Vec<Quota> = Vec::new();
            for q in t.quotas {
                let group = self.group_list(Some(vec![q.group]), groups, line, &what)?[0];
                if quotas.iter().any(|o| o.group == group) {
                    bail!(
                        "{}:{line}: {what}: two quotas for group `{}`",
                        self.file,
                        groups[group]
                    );
                }
                quotas.push(Quota {
                    group,
                    collectives: q.collectives,
                    individuals_each: q.individuals_each.unwrap_or(0),
                });
            }
            if t.min_percent.is_some_and(|m| !(0.0..=100.0).contains(&m)) {
                bail!(
                    "{}:{line}: {what}: min_percent must be within 0..=100",
                    self.file
                );
            }
            let deadlines = t
                .deadlines
                .into_iter()
                .map(|d| self.deadline(d, Some(&t.id)))
                .collect::<Result<Vec<_>>>()?;
            tiers.push(Tier {
                id: t.id,
                award: t.award,
                quotas,
                min_percent: t.min_percent,
                deadlines,
            });
        }
        Ok(tiers)
    }

    fn deadline(&self, d: RawDeadline, tier: Option<&str>) -> Result<Deadline> {
        let (kind, date) = match (d.before, d.by, d.on) {
            (Some(x), None, None) => (DeadlineKind::Before, x),
            (None, Some(x), None) => (DeadlineKind::By, x),
            (None, None, Some(x)) => (DeadlineKind::On, x),
            _ => bail!(
                "{}:{}: deadline `{}`: needs exactly one of `before`, `by` or `on`",
                self.file,
                line_of_text(self.src, &d.action, 1),
                d.action
            ),
        };
        Ok(Deadline {
            tier: tier.map(str::to_string),
            kind,
            date: self.date(&date, "deadlines")?,
            actor: d.actor,
            action: d.action,
            recipient: d.recipient,
            note: d.note,
        })
    }

    fn date(&self, text: &str, key: &str) -> Result<NaiveDate> {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            let line = line_of_text(self.src, text, line_of_key(self.src, key));
            anyhow!(
                "{}:{line}: `{text}` is not a date: expected YYYY-MM-DD",
                self.file
            )
        })
    }
}

/// Line of the first occurrence of `text` at or after line `from`, else `from`.
fn line_of_text(src: &str, text: &str, from: usize) -> usize {
    src.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, l)| l.contains(text))
        .map_or(from, |(i, _)| i + 1)
}

fn unique<'a>(
    file: &str,
    src: &str,
    section: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<()> {
    let mut seen = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            bail!(
                "{file}:{}: duplicate id `{id}` in {section}",
                line_of_item(src, section, id)
            );
        }
        seen.push(id);
    }
    Ok(())
}

#[cfg(test)]
mod tests;

//! Checking a campaign file once, at load: every id resolved, every
//! expression compiled, every date parsed, every parameter sane — with the
//! file and line in each message, since serde has already dropped positions.

use anyhow::{Result, anyhow, bail};

mod lines;
mod plan;

use lines::line_of_group;
pub(super) use lines::{line_of_item, line_of_key, line_of_nth_item, line_of_text};

use super::raw::*;
use super::*;
use crate::expr::Expr;

pub(super) struct Checker<'a> {
    pub(super) src: &'a str,
    pub(super) file: &'a str,
}

impl Checker<'_> {
    pub(super) fn campaign(&self, mut raw: RawCampaign) -> Result<Campaign> {
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
            let before = criteria
                .iter()
                .filter(|o: &&Criterion| o.id == c.id)
                .count();
            let line = line_of_nth_item(self.src, "criteria", &c.id, before);
            let c = self.criterion(c, &group_ids, line)?;
            if let Some(first) = criteria.iter().find(|o| o.id == c.id) {
                bail!(
                    "{}:{line}: duplicate criterion id `{}` (first on line {})",
                    self.file,
                    c.id,
                    first.line
                );
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
        let tiers = self.tiers(std::mem::take(&mut raw.tiers), &group_ids, raw.base_salary)?;
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
        let tiebreak = self.tiebreak(std::mem::take(&mut raw.tiebreak), &criteria)?;
        let individuals_order = self.individuals_order(raw.individuals.take())?;
        if raw.base_salary.is_some_and(|b| !(b.is_finite() && b > 0.0)) {
            bail!(
                "{}:{}: base_salary must be an amount in VND above 0",
                self.file,
                line_of_key(self.src, "base_salary")
            );
        }
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
            .enumerate()
            .map(|(i, d)| self.deadline(d, None, i))
            .collect::<Result<Vec<_>>>()?;
        self.step_ids(
            deadlines
                .iter()
                .chain(tiers.iter().flat_map(|t| &t.deadlines)),
        )?;
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
            max_total: raw.max_total,
            source: self.src.into(),
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
            base_salary: raw.base_salary,
            individuals_order,
            levers: self.levers(raw.levers)?,
        })
    }

    fn groups(&self, raw: Vec<(String, RawGroup)>) -> Result<Vec<Group>> {
        if raw.is_empty() {
            bail!(
                "{}:{}: a campaign needs at least one group",
                self.file,
                line_of_key(self.src, "groups")
            );
        }
        for (i, (id, _)) in raw.iter().enumerate() {
            let before = raw[..i].iter().filter(|(o, _)| o == id).count();
            if before > 0 {
                bail!(
                    "{}:{}: duplicate group id `{id}` (first on line {})",
                    self.file,
                    line_of_group(self.src, id, before),
                    line_of_group(self.src, id, 0)
                );
            }
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

    pub(super) fn group_list(
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
            short: c.short.filter(|s| !s.trim().is_empty()),
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
}

fn unique<'a>(
    file: &str,
    src: &str,
    section: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<()> {
    let mut seen = Vec::new();
    for id in ids {
        let before = seen.iter().filter(|s| **s == id).count();
        if before > 0 {
            bail!(
                "{file}:{}: duplicate id `{id}` in {section} (first on line {})",
                line_of_nth_item(src, section, id, before),
                line_of_item(src, section, id)
            );
        }
        seen.push(id);
    }
    Ok(())
}

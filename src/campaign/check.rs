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
use crate::i18n::messages::Msg;
use crate::msg;

pub(super) struct Checker<'a> {
    pub(super) src: &'a str,
    pub(super) file: &'a str,
}

impl Checker<'_> {
    pub(super) fn campaign(&self, mut raw: RawCampaign) -> Result<Campaign> {
        if raw.schema != SCHEMA {
            let line = line_of_key(self.src, "schema");
            bail!(
                "{}:{line}: {}",
                self.file,
                msg!(SchemaMust, SCHEMA, raw.schema)
            );
        }
        let precision = raw.precision.unwrap_or(2);
        if precision > MAX_PRECISION {
            let line = line_of_key(self.src, "precision");
            let m = msg!(PrecisionRange, MAX_PRECISION, precision);
            bail!("{}:{line}: {m}", self.file);
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
                let m = msg!(DuplicateCriterion, c.id, first.line);
                bail!("{}:{line}: {m}", self.file);
            }
            criteria.push(c);
        }
        if criteria.is_empty() {
            let line = line_of_key(self.src, "criteria");
            bail!("{}:{line}: {}", self.file, Msg::NeedsCriterion.s());
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
            let line = line_of_key(self.src, "base_salary");
            bail!("{}:{line}: {}", self.file, Msg::BaseSalaryPositive.s());
        }
        let mut classes = Vec::new();
        for c in raw.classes {
            if !c.min.is_finite() {
                let line = line_of_key(self.src, "classes");
                bail!("{}:{line}: {}", self.file, msg!(ClassMinNumber, c.name));
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
                    let line = line_of_key(self.src, "period");
                    bail!("{}:{line}: {}", self.file, Msg::PeriodBackwards.s());
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
            let line = line_of_key(self.src, "groups");
            bail!("{}:{line}: {}", self.file, Msg::NeedsGroup.s());
        }
        for (i, (id, _)) in raw.iter().enumerate() {
            let before = raw[..i].iter().filter(|(o, _)| o == id).count();
            if before > 0 {
                let line = line_of_group(self.src, id, before);
                let m = msg!(DuplicateGroup, id, line_of_group(self.src, id, 0));
                bail!("{}:{line}: {m}", self.file);
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
                        let m = msg!(UnknownGroupHint, what, id, suggestion(id, groups));
                        anyhow!("{}:{line}: {m}", self.file)
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
        let what = msg!(CriterionCtx, c.id);
        if !(c.points.is_finite() && c.points > 0.0) {
            bail!(
                "{}:{line}: {}",
                self.file,
                msg!(PointsAboveZero, what, c.points)
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
                    let m = msg!(LinearGoalposts, what, l.zero_at, l.full_at);
                    bail!("{}:{line}: {m}", self.file);
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
            bail!("{}:{line}: {}", self.file, msg!(NeedsValue, what));
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
        let steps = Msg::StepsCtx.s();
        let fail = |m: String| anyhow!("{}:{line}: {what}: {steps}: {m}", self.file);
        if raw.is_empty() {
            return Err(fail(Msg::StepsNone.s().into()));
        }
        let dir = match (raw[0].min, raw[0].max) {
            (Some(_), None) => StepDir::Min,
            (None, Some(_)) => StepDir::Max,
            _ => return Err(fail(Msg::StepsMinOrMax.s().into())),
        };
        let mut steps = Vec::new();
        for s in &raw {
            let t = match (dir, s.min, s.max) {
                (StepDir::Min, Some(t), None) | (StepDir::Max, None, Some(t)) => t,
                _ => {
                    return Err(fail(Msg::StepsSameKind.s().into()));
                }
            };
            if !t.is_finite() || !(0.0..=points).contains(&s.points) {
                return Err(fail(msg!(StepPointsRange, points, s.points)));
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
                return Err(fail(msg!(ThresholdTwice, w[0].threshold)));
            }
            if w[0].fraction < w[1].fraction {
                return Err(fail(msg!(HarderFewer, w[0].threshold, w[1].threshold)));
            }
        }
        Ok(Scoring::Steps { dir, steps })
    }

    fn penalty(&self, p: RawPenalty, groups: &[&str]) -> Result<Penalty> {
        let line = line_of_item(self.src, "penalties", &p.id);
        let what = msg!(PenaltyCtx, p.id);
        if !(p.points_each.is_finite() && p.points_each > 0.0) {
            bail!("{}:{line}: {}", self.file, msg!(PointsEachPositive, what));
        }
        if p.max.is_some_and(|m| !(m.is_finite() && m > 0.0)) {
            bail!("{}:{line}: {}", self.file, msg!(MaxPositive, what));
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
        let what = msg!(GateCtx, g.id);
        let gate_tiers = g
            .tiers
            .map(|ts| {
                ts.iter()
                    .map(|t| {
                        tiers.iter().position(|x| x == t).ok_or_else(|| {
                            let m = msg!(UnknownTierHint, what, t, suggestion(t, tiers));
                            anyhow!("{}:{line}: {m}", self.file)
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
            let line = line_of_nth_item(src, section, id, before);
            let m = msg!(DuplicateIdIn, id, section, line_of_item(src, section, id));
            bail!("{file}:{line}: {m}");
        }
        seen.push(id);
    }
    Ok(())
}

//! Checking a campaign file once, at load: every id resolved, every
//! expression compiled, every date parsed, every parameter sane — with the
//! file and the line the parser kept for each value in each message.

use anyhow::{Result, anyhow, bail};
use indexmap::IndexMap;

mod plan;

use super::raw::*;
use super::*;
use crate::expr::Expr;
use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::msg;
use crate::problem::Problem;
use crate::yaml::{At, Keyed, Pos};

pub(super) struct Checker<'a> {
    pub(super) src: &'a str,
    pub(super) file: &'a str,
}

impl Checker<'_> {
    pub(super) fn campaign(&self, raw: Keyed<RawCampaign>) -> Result<Campaign> {
        let Keyed {
            value: mut raw,
            keys,
        } = raw;
        if raw.schema.value != SCHEMA {
            let m = msg!(SchemaMust, SCHEMA, raw.schema.value);
            return Err(self.at(raw.schema.at, m));
        }
        let precision = match &raw.precision {
            Some(p) if p.value > MAX_PRECISION => {
                let m = msg!(PrecisionRange, MAX_PRECISION, p.value);
                return Err(self.at(p.at, m));
            }
            Some(p) => p.value,
            None => 2,
        };
        let groups = self.groups(raw.groups)?;
        let group_ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
        let mut criteria: Vec<Criterion> = Vec::new();
        let mut sum = 0.0;
        for Keyed { value: c, keys } in std::mem::take(&mut raw.criteria.value) {
            let line = keys.of("id");
            let c = self.criterion(c, &group_ids, line)?;
            // Each criterion within bounds, and all of them together: a
            // total of `inf` would grade every unit at the top.
            let at = keys.of("points");
            let what = msg!(CriterionCtx, c.id);
            self.points_bound(&what, c.points, at)?;
            sum += c.points;
            if let Some(shown) = too_many_points(sum) {
                bail!(at.problem(self.file, msg!(PointsSumTooLarge, what, shown)));
            }
            if let Some(first) = criteria.iter().find(|o| o.id == c.id) {
                let m = msg!(DuplicateCriterion, c.id, first.line);
                return Err(self.at(line, m));
            }
            criteria.push(c);
        }
        if criteria.is_empty() {
            let at = raw.criteria.at;
            return Err(self.at(at, Msg::NeedsCriterion));
        }
        let tiers = self.tiers(std::mem::take(&mut raw.tiers), &group_ids, &raw.base_salary)?;
        let tier_ids: Vec<&str> = tiers.iter().map(|t| t.id.as_str()).collect();
        let penalties = std::mem::take(&mut raw.penalties)
            .into_iter()
            .map(|p| self.penalty(p, &group_ids))
            .collect::<Result<Vec<_>>>()?;
        let ids = penalties.iter().map(|p| (p.id.as_str(), p.line));
        unique(self.file, "penalties", ids)?;
        let gates = std::mem::take(&mut raw.gates)
            .into_iter()
            .map(|g| self.gate(g, &group_ids, &tier_ids))
            .collect::<Result<Vec<_>>>()?;
        unique(
            self.file,
            "gates",
            gates.iter().map(|g| (g.id.as_str(), g.line)),
        )?;
        let tiebreak = self.tiebreak(std::mem::take(&mut raw.tiebreak), &criteria)?;
        let individuals_order = self.individuals_order(raw.individuals.take())?;
        if let Some(b) = raw
            .base_salary
            .as_ref()
            .filter(|b| !(b.value.is_finite() && b.value > 0.0))
        {
            return Err(self.at(b.at, Msg::BaseSalaryPositive));
        }
        let mut classes = Vec::new();
        for Keyed { value: c, keys } in std::mem::take(&mut raw.classes) {
            let at = keys.of("min");
            if !c.min.is_finite() {
                return Err(self.at(at, msg!(ClassMinNumber, c.name)));
            }
            classes.push(Class {
                name: c.name,
                min: c.min,
                at,
            });
        }
        classes.sort_by(|a, b| b.min.total_cmp(&a.min));
        let deadlines = std::mem::take(&mut raw.deadlines)
            .into_iter()
            .enumerate()
            .map(|(i, d)| self.deadline(d, None, i))
            .collect::<Result<Vec<_>>>()?;
        self.step_ids(
            deadlines
                .iter()
                .chain(tiers.iter().flat_map(|t| &t.deadlines)),
        )?;
        let holidays = std::mem::take(&mut raw.holidays)
            .into_iter()
            .map(|h| {
                Ok(Holiday {
                    date: self.date(&h.date)?,
                    name: h.name,
                    working: h.working.unwrap_or(false),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let period = match raw.period.take() {
            Some(Keyed { value: p, keys }) => {
                let (from, to) = (self.date(&p.from)?, self.date(&p.to)?);
                if from > to {
                    return Err(self.at(keys.at(), Msg::PeriodBackwards));
                }
                Some((from, to))
            }
            None => None,
        };
        Ok(Campaign {
            file: self.file.to_string(),
            issued: raw.issued.as_ref().map(|d| self.date(d)).transpose()?,
            levers: self.levers(std::mem::take(&mut raw.levers))?,
            id: raw.id,
            title: raw.title,
            period,
            precision,
            max_total: raw.max_total.map(|t| t.value),
            source: self.src.into(),
            criteria_at: keys.of("criteria"),
            max_total_at: keys.of("max_total"),
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
            base_salary: raw.base_salary.map(|b| b.value),
            individuals_order,
        })
    }

    fn groups(&self, raw: At<IndexMap<String, RawGroup>>) -> Result<Vec<Group>> {
        if raw.value.is_empty() {
            return Err(self.at(raw.at, Msg::NeedsGroup));
        }
        Ok(raw
            .value
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
        line: Pos,
        what: &Text,
    ) -> Result<Vec<usize>> {
        match ids {
            None => Ok((0..groups.len()).collect()),
            Some(ids) => ids
                .iter()
                .map(|id| {
                    groups.iter().position(|g| g == id).ok_or_else(|| {
                        let m = msg!(UnknownGroupHint, what, id, suggestion(id, groups));
                        self.at(line, m)
                    })
                })
                .collect(),
        }
    }

    /// Points within [`MAX_POINTS`], else an error at `at` (the key).
    fn points_bound(&self, what: &Text, points: f64, at: Pos) -> Result<()> {
        match too_many_points(points) {
            Some(shown) => bail!(at.problem(self.file, msg!(PointsTooLarge, what, shown))),
            None => Ok(()),
        }
    }

    /// An expression, refused at the position of its text.
    fn expr(&self, src: &At<String>, what: &Text) -> Result<Expr> {
        Expr::parse(&src.value).map_err(|e| self.at(src.at, what.clone() + ": " + e.text()))
    }

    /// A problem at `line` of the campaign file, as an error.
    pub(super) fn at(&self, line: Pos, m: impl Into<Text>) -> anyhow::Error {
        anyhow!(Problem::line(self.file, line.line(), m))
    }

    fn criterion(&self, c: RawCriterion, groups: &[&str], line: Pos) -> Result<Criterion> {
        let what = msg!(CriterionCtx, c.id);
        if !(c.points.is_finite() && c.points > 0.0) {
            let m = msg!(PointsAboveZero, what, c.points);
            return Err(self.at(line, m));
        }
        let value = c.value.as_ref().map(|v| self.expr(v, &what)).transpose()?;
        let (scoring, thresholds) = match c.scoring.unwrap_or(RawScoring::Proportional) {
            RawScoring::Proportional => (Scoring::Proportional, Vec::new()),
            RawScoring::Linear(Keyed { value: l, keys }) => {
                if !(l.zero_at.is_finite() && l.full_at.is_finite()) || l.zero_at == l.full_at {
                    let m = msg!(LinearGoalposts, what, l.zero_at, l.full_at);
                    return Err(self.at(line, m));
                }
                let written = |key: &'static str, value: f64| Threshold {
                    key,
                    value,
                    at: keys.of(key),
                };
                let thresholds = vec![written("zero_at", l.zero_at), written("full_at", l.full_at)];
                let scoring = Scoring::Linear {
                    zero_at: l.zero_at,
                    full_at: l.full_at,
                };
                (scoring, thresholds)
            }
            RawScoring::Steps(steps) => self.steps(steps, c.points, line, &what)?,
            RawScoring::Formula(f) => {
                let expr = self.expr(&f, &what)?;
                let scoring = Scoring::Formula {
                    expr,
                    written_points: c.points,
                };
                (scoring, Vec::new())
            }
        };
        if value.is_none() && !matches!(scoring, Scoring::Formula { .. }) {
            return Err(self.at(line, msg!(NeedsValue, what)));
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
            thresholds,
        })
    }

    fn steps(
        &self,
        raw: Vec<Keyed<RawStep>>,
        points: f64,
        line: Pos,
        what: &Text,
    ) -> Result<(Scoring, Vec<Threshold>)> {
        let fail = |m: Text| self.at(line, what.clone() + ": " + Msg::StepsCtx + ": " + m);
        let Some(first) = raw.first() else {
            return Err(fail(Msg::StepsNone.into()));
        };
        let (dir, key) = match (first.value.min, first.value.max) {
            (Some(_), None) => (StepDir::Min, "min"),
            (None, Some(_)) => (StepDir::Max, "max"),
            _ => return Err(fail(Msg::StepsMinOrMax.into())),
        };
        let mut steps = Vec::new();
        let mut thresholds = Vec::new();
        for Keyed { value: s, keys } in &raw {
            let t = match (dir, s.min, s.max) {
                (StepDir::Min, Some(t), None) | (StepDir::Max, None, Some(t)) => t,
                _ => {
                    return Err(fail(Msg::StepsSameKind.into()));
                }
            };
            if !t.is_finite() || !(0.0..=points).contains(&s.points) {
                return Err(fail(msg!(StepPointsRange, points, s.points)));
            }
            steps.push(Step {
                threshold: t,
                fraction: s.points / points,
            });
            thresholds.push(Threshold {
                key,
                value: t,
                at: keys.of(key),
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
        Ok((Scoring::Steps { dir, steps }, thresholds))
    }

    fn penalty(&self, p: Keyed<RawPenalty>, groups: &[&str]) -> Result<Penalty> {
        let Keyed { value: p, keys } = p;
        let line = keys.of("id");
        let what = msg!(PenaltyCtx, p.id);
        if !(p.points_each.is_finite() && p.points_each > 0.0) {
            return Err(self.at(line, msg!(PointsEachPositive, what)));
        }
        if p.max.is_some_and(|m| !(m.is_finite() && m > 0.0)) {
            return Err(self.at(line, msg!(MaxPositive, what)));
        }
        self.points_bound(&what, p.points_each, keys.of("points_each"))?;
        if let Some(m) = p.max {
            self.points_bound(&what, m, keys.of("max"))?;
        }
        Ok(Penalty {
            count: self.expr(&p.count, &what)?,
            applies_to: self.group_list(p.applies_to, groups, line, &what)?,
            id: p.id,
            name: p.name,
            points_each: p.points_each,
            max: p.max,
            line,
        })
    }

    fn gate(&self, g: Keyed<RawGate>, groups: &[&str], tiers: &[&str]) -> Result<Gate> {
        let Keyed { value: g, keys } = g;
        let line = keys.of("id");
        let what = msg!(GateCtx, g.id);
        let gate_tiers = g
            .tiers
            .map(|ts| {
                ts.iter()
                    .map(|t| {
                        tiers.iter().position(|x| x == t).ok_or_else(|| {
                            let m = msg!(UnknownTierHint, what, t, suggestion(t, tiers));
                            self.at(line, m)
                        })
                    })
                    .collect::<Result<Vec<_>>>()
            })
            .transpose()?;
        Ok(Gate {
            rule: self.expr(&g.rule, &what)?,
            applies_to: self.group_list(g.applies_to, groups, line, &what)?,
            tiers: gate_tiers,
            id: g.id,
            name: g.name,
            line,
        })
    }
}

/// Every id of `section` once; a repeated one is refused where it is.
fn unique<'a>(file: &str, section: &str, ids: impl Iterator<Item = (&'a str, Pos)>) -> Result<()> {
    let mut seen: Vec<(&str, Pos)> = Vec::new();
    for (id, at) in ids {
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
            bail!(Problem::line(
                file,
                at.line(),
                msg!(DuplicateIdIn, id, section, first)
            ));
        }
        seen.push((id, at));
    }
    Ok(())
}

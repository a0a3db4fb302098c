//! The campaign's calendar side, checked at load: tiers with their quotas,
//! and every deadline and holiday date parsed, so the checklist never meets a
//! bad date.

use std::collections::HashMap;

use anyhow::Result;
use chrono::NaiveDate;

use super::check::Checker;
use super::raw::*;
use super::*;
use crate::yaml::{At, Keyed};

impl Checker<'_> {
    pub(super) fn tiers(
        &self,
        raw: Vec<Keyed<RawTier>>,
        groups: &[&str],
        base_salary: &Option<At<f64>>,
    ) -> Result<Vec<Tier>> {
        let mut tiers: Vec<Tier> = Vec::new();
        for Keyed { value: t, keys } in raw {
            let line = keys.of("id");
            let what = crate::msg!(TierCtx, t.id);
            if let Some(first) = tiers.iter().find(|o| o.id == t.id) {
                let m = crate::msg!(DuplicateTier, t.id, first.line);
                return Err(self.at(line, m));
            }
            let quotas = self.quotas(t.quotas, groups, &what)?;
            let reward = self.reward(t.reward, base_salary, line, &what)?;
            if t.min_percent.is_some_and(|m| !(0.0..=100.0).contains(&m)) {
                let m = crate::msg!(MinPercentRange, what);
                return Err(self.at(keys.of("min_percent"), m));
            }
            let deadlines = t
                .deadlines
                .into_iter()
                .enumerate()
                .map(|(i, d)| self.deadline(d, Some(&t.id), i))
                .collect::<Result<Vec<_>>>()?;
            tiers.push(Tier {
                id: t.id,
                award: t.award,
                quotas,
                min_percent: t.min_percent,
                deadlines,
                reward,
                line,
                min_percent_at: keys.of("min_percent"),
                award_at: keys.of("award"),
            });
        }
        Ok(tiers)
    }

    /// Step `n` (0-based) of its list; its id is `id:` or `<tier>-<n+1>`.
    pub(super) fn deadline(
        &self,
        d: Keyed<RawDeadline>,
        tier: Option<&str>,
        n: usize,
    ) -> Result<Deadline> {
        let Keyed { value: d, keys } = d;
        let (kind, key, date) = match (d.before, d.by, d.on) {
            (Some(x), None, None) => (DeadlineKind::Before, "before", x),
            (None, Some(x), None) => (DeadlineKind::By, "by", x),
            (None, None, Some(x)) => (DeadlineKind::On, "on", x),
            _ => return Err(self.at(keys.at(), crate::msg!(DeadlineOneKind, d.action))),
        };
        let id_at = keys.of("id");
        let id = match d.id {
            Some(id) => {
                let ok = !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
                if !ok {
                    let m = crate::msg!(DeadlineIdAscii, d.action, id);
                    return Err(self.at(id_at, m));
                }
                id
            }
            None => format!("{}-{}", tier.unwrap_or("chung"), n + 1),
        };
        Ok(Deadline {
            id,
            step: d.kind.unwrap_or_default(),
            tier: tier.map(str::to_string),
            kind,
            date: self.date(&date)?,
            actor: d.actor,
            action: d.action,
            recipient: d.recipient,
            note: d.note,
            id_at,
            date_at: keys.of(key),
        })
    }

    /// Every step id once: `--done` and state files name steps by it.
    pub(super) fn step_ids<'d>(&self, all: impl Iterator<Item = &'d Deadline>) -> Result<()> {
        let mut seen: HashMap<&str, &Deadline> = HashMap::new();
        for d in all {
            if let Some(first) = seen.insert(&d.id, d) {
                let m = crate::msg!(DuplicateStepId, d.action, d.id, first.action);
                return Err(self.at(d.id_at, m));
            }
        }
        Ok(())
    }

    /// A date as written (YYYY-MM-DD), refused where it is.
    pub(super) fn date(&self, text: &At<String>) -> Result<NaiveDate> {
        NaiveDate::parse_from_str(text.value.trim(), "%Y-%m-%d").map_err(|_| {
            let m = crate::msg!(NotADateIso, text.value);
            self.at(text.at, m)
        })
    }
}

//! The campaign's calendar side, checked at load: tiers with their quotas,
//! and every deadline and holiday date parsed, so the checklist never meets a
//! bad date.

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use super::check::{Checker, line_of_item, line_of_key, line_of_nth_item, line_of_text};
use super::raw::*;
use super::*;

impl Checker<'_> {
    pub(super) fn tiers(
        &self,
        raw: Vec<RawTier>,
        groups: &[&str],
        base_salary: Option<f64>,
    ) -> Result<Vec<Tier>> {
        let mut tiers: Vec<Tier> = Vec::new();
        for t in raw {
            let before = tiers.iter().filter(|o| o.id == t.id).count();
            let line = line_of_nth_item(self.src, "tiers", &t.id, before);
            let what = crate::msg!(TierCtx, t.id);
            if before > 0 {
                let first = line_of_item(self.src, "tiers", &t.id);
                let m = crate::msg!(DuplicateTier, t.id, first);
                bail!("{}:{line}: {m}", self.file);
            }
            let quotas = self.quotas(t.quotas, groups, line, &what)?;
            let reward = self.reward(t.reward, base_salary, line, &what)?;
            if t.min_percent.is_some_and(|m| !(0.0..=100.0).contains(&m)) {
                let m = crate::msg!(MinPercentRange, what);
                bail!("{}:{line}: {m}", self.file);
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
            });
        }
        Ok(tiers)
    }

    /// Step `n` (0-based) of its list; its id is `id:` or `<tier>-<n+1>`.
    pub(super) fn deadline(
        &self,
        d: RawDeadline,
        tier: Option<&str>,
        n: usize,
    ) -> Result<Deadline> {
        let (kind, date) = match (d.before, d.by, d.on) {
            (Some(x), None, None) => (DeadlineKind::Before, x),
            (None, Some(x), None) => (DeadlineKind::By, x),
            (None, None, Some(x)) => (DeadlineKind::On, x),
            _ => bail!(
                "{}:{}: {}",
                self.file,
                line_of_text(self.src, &d.action, 1),
                crate::msg!(DeadlineOneKind, d.action)
            ),
        };
        let id = match d.id {
            Some(id) => {
                let ok = !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
                if !ok {
                    let line = line_of_text(self.src, &d.action, 1);
                    let m = crate::msg!(DeadlineIdAscii, d.action, id);
                    bail!("{}:{line}: {m}", self.file);
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
            date: self.date(&date, "deadlines")?,
            actor: d.actor,
            action: d.action,
            recipient: d.recipient,
            note: d.note,
        })
    }

    /// Every step id once: `--done` and state files name steps by it.
    pub(super) fn step_ids<'d>(&self, all: impl Iterator<Item = &'d Deadline>) -> Result<()> {
        let mut seen: Vec<&Deadline> = Vec::new();
        for d in all {
            if let Some(first) = seen.iter().find(|o| o.id == d.id) {
                let line = line_of_text(self.src, &d.action, 1);
                let m = crate::msg!(DuplicateStepId, d.action, d.id, first.action);
                bail!("{}:{line}: {m}", self.file);
            }
            seen.push(d);
        }
        Ok(())
    }

    pub(super) fn date(&self, text: &str, key: &str) -> Result<NaiveDate> {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            let line = line_of_text(self.src, text, line_of_key(self.src, key));
            anyhow!("{}:{line}: {}", self.file, crate::msg!(NotADateIso, text))
        })
    }
}

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
            let what = format!("tier `{}`", t.id);
            if before > 0 {
                let first = line_of_item(self.src, "tiers", &t.id);
                bail!(
                    "{}:{line}: duplicate tier id `{}` (first on line {first})",
                    self.file,
                    t.id
                );
            }
            let quotas = self.quotas(t.quotas, groups, line, &what)?;
            let reward = self.reward(t.reward, base_salary, line, &what)?;
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
                reward,
            });
        }
        Ok(tiers)
    }

    pub(super) fn deadline(&self, d: RawDeadline, tier: Option<&str>) -> Result<Deadline> {
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

    pub(super) fn date(&self, text: &str, key: &str) -> Result<NaiveDate> {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            let line = line_of_text(self.src, text, line_of_key(self.src, key));
            anyhow!(
                "{}:{line}: `{text}` is not a date: expected YYYY-MM-DD",
                self.file
            )
        })
    }
}

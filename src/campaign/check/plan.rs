//! The keys of a 2025+ plan (SPEC 8), checked at load: tie-break rules beside
//! criteria, the order of people, rewards and the base salary, and a tier's
//! quotas over one group combined into one.

use anyhow::{Result, anyhow, bail};

use super::super::raw::*;
use super::super::*;
use super::{Checker, line_of_key};
use crate::i18n::messages::Msg;

impl Checker<'_> {
    /// Criterion ids or `{rule, name}` maps, in order.
    pub(in crate::campaign) fn tiebreak(
        &self,
        raw: Vec<serde_yaml::Value>,
        criteria: &[Criterion],
    ) -> Result<Vec<TieBreak>> {
        let line = line_of_key(self.src, "tiebreak");
        let ids: Vec<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
        raw.into_iter()
            .map(|v| match v {
                serde_yaml::Value::String(id) => ids
                    .iter()
                    .position(|c| *c == id)
                    .map(TieBreak::Criterion)
                    .ok_or_else(|| {
                        let m = crate::msg!(TiebreakUnknownCriterion, id, suggestion(&id, &ids));
                        anyhow!("{}:{line}: {m}", self.file)
                    }),
                serde_yaml::Value::Mapping(m) => {
                    let text = |k: &str| m.get(k).and_then(|v| v.as_str()).map(str::to_string);
                    if m.keys()
                        .any(|k| !matches!(k.as_str(), Some("rule" | "name")))
                    {
                        bail!("{}:{line}: {}", self.file, Msg::TiebreakRuleKeys.s());
                    }
                    let (Some(rule), Some(name)) = (text("rule"), text("name")) else {
                        bail!("{}:{line}: {}", self.file, Msg::TiebreakRuleNeeds.s());
                    };
                    let rule = self.expr(&rule, line, Msg::TiebreakRuleCtx.s())?;
                    Ok(TieBreak::Rule { name, rule })
                }
                _ => bail!("{}:{line}: {}", self.file, Msg::TiebreakExpected.s()),
            })
            .collect()
    }

    /// `individuals: { order: [...] }`; default direct workers, then score.
    pub(in crate::campaign) fn individuals_order(
        &self,
        raw: Option<RawIndividuals>,
    ) -> Result<Vec<PersonKey>> {
        let Some(raw) = raw else {
            return Ok(vec![PersonKey::Direct, PersonKey::Score]);
        };
        let line = line_of_key(self.src, "order");
        let mut keys = Vec::new();
        for k in raw.order {
            let key = match k.as_str() {
                "direct" => PersonKey::Direct,
                "score" => PersonKey::Score,
                "non_leader" => PersonKey::NonLeader,
                "female" => PersonKey::Female,
                other => {
                    let close = suggestion(other, &["direct", "score", "non_leader", "female"]);
                    let m = crate::msg!(OrderUnknownKey, other, close);
                    bail!("{}:{line}: {m}", self.file)
                }
            };
            if keys.contains(&key) {
                bail!("{}:{line}: {}", self.file, crate::msg!(OrderTwice, k));
            }
            keys.push(key);
        }
        Ok(keys)
    }

    /// A tier's quota entries, those over one group combined into one.
    pub(in crate::campaign) fn quotas(
        &self,
        raw: Vec<RawQuota>,
        groups: &[&str],
        line: usize,
        what: &str,
    ) -> Result<Vec<Quota>> {
        let mut quotas: Vec<Quota> = Vec::new();
        for q in raw {
            let group = self.group_list(Some(vec![q.group.clone()]), groups, line, what)?[0];
            let places = |v: &Option<serde_yaml::Value>, key: &str| -> Result<Option<Places>> {
                v.as_ref()
                    .map(|v| {
                        Places::parse(v).map_err(|e| {
                            let m = crate::msg!(QuotaExpected, what, q.group, key, e);
                            anyhow!("{}:{line}: {m}", self.file)
                        })
                    })
                    .transpose()
            };
            let collectives = places(&q.collectives, "collectives")?;
            let individuals = places(&q.individuals, "individuals")?;
            if q.individuals_each.is_some() && collectives.is_none() {
                let m = crate::msg!(QuotaEachNeedsCollectives, what, q.group);
                bail!("{}:{line}: {m}", self.file);
            }
            if collectives.is_none() && individuals.is_none() && q.per_unit.is_none() {
                let m = crate::msg!(QuotaNeedsSome, what, q.group);
                bail!("{}:{line}: {m}", self.file);
            }
            let at = quotas.iter().position(|o| o.group == group);
            let entry = match at {
                Some(i) => &mut quotas[i],
                None => {
                    quotas.push(Quota {
                        group,
                        collectives: Vec::new(),
                        individuals_each: 0,
                        individuals: Vec::new(),
                        per_unit: None,
                        lines: Vec::new(),
                    });
                    quotas.last_mut().expect("just pushed")
                }
            };
            entry.collectives.extend(collectives);
            entry.individuals.extend(individuals);
            if let Some(k) = q.individuals_each {
                // The strictest wins here too.
                entry.individuals_each = if entry.lines.is_empty() || entry.individuals_each == 0 {
                    k
                } else {
                    entry.individuals_each.min(k)
                };
            }
            if let Some(k) = q.per_unit {
                entry.per_unit = Some(entry.per_unit.map_or(k, |o| o.min(k)));
            }
            entry.lines.push(line);
        }
        Ok(quotas)
    }

    /// A tier's reward, in multiples of the base salary.
    pub(in crate::campaign) fn reward(
        &self,
        raw: Option<RawReward>,
        base_salary: Option<f64>,
        line: usize,
        what: &str,
    ) -> Result<Option<Reward>> {
        let Some(r) = raw else { return Ok(None) };
        for x in [r.collective, r.individual].into_iter().flatten() {
            if !(x.is_finite() && x >= 0.0) {
                bail!(
                    "{}:{line}: {}",
                    self.file,
                    crate::msg!(RewardNonNegative, what, x)
                );
            }
        }
        if base_salary.is_none() {
            bail!(
                "{}:{line}: {}",
                self.file,
                crate::msg!(RewardNeedsBase, what)
            );
        }
        Ok(Some(Reward {
            collective: r.collective,
            individual: r.individual,
        }))
    }
}

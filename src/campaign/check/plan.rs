//! The keys of a 2025+ plan (SPEC 8), checked at load: tie-break rules beside
//! criteria, the order of people, rewards and the base salary, and a tier's
//! quotas over one group combined into one.

use anyhow::Result;

use super::super::raw::*;
use super::super::*;
use super::Checker;
use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::yaml::{At, Keyed, Node, Pos};

impl Checker<'_> {
    /// Criterion ids or `{rule, name}` maps, in order, each refused where
    /// it is written.
    pub(in crate::campaign) fn tiebreak(
        &self,
        raw: Vec<At<Node>>,
        criteria: &[Criterion],
    ) -> Result<Vec<TieBreak>> {
        let ids: Vec<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
        raw.into_iter()
            .map(|At { value, at: line }| match value {
                Node::Text(id) => ids
                    .iter()
                    .position(|c| *c == id)
                    .map(TieBreak::Criterion)
                    .ok_or_else(|| {
                        let m = crate::msg!(TiebreakUnknownCriterion, id, suggestion(&id, &ids));
                        self.at(line, m)
                    }),
                Node::Map(m) => {
                    if m.iter()
                        .any(|(k, _)| !matches!(k.value.as_str(), "rule" | "name"))
                    {
                        return Err(self.at(line, Msg::TiebreakRuleKeys));
                    }
                    let text = |k: &str| {
                        m.iter().find(|(key, _)| key.value == k).and_then(|(_, v)| {
                            v.value.text().map(|t| At {
                                value: t.to_string(),
                                at: v.at,
                            })
                        })
                    };
                    let (Some(rule), Some(name)) = (text("rule"), text("name")) else {
                        return Err(self.at(line, Msg::TiebreakRuleNeeds));
                    };
                    let at = rule.at;
                    let rule = self.expr(&rule, &Msg::TiebreakRuleCtx.into())?;
                    Ok(TieBreak::Rule {
                        name: name.value,
                        rule,
                        at,
                    })
                }
                _ => Err(self.at(line, Msg::TiebreakExpected)),
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
        let mut keys = Vec::new();
        for At { value: k, at: line } in raw.order {
            let key = match k.as_str() {
                "direct" => PersonKey::Direct,
                "score" => PersonKey::Score,
                "non_leader" => PersonKey::NonLeader,
                "female" => PersonKey::Female,
                other => {
                    let close = suggestion(other, &["direct", "score", "non_leader", "female"]);
                    let m = crate::msg!(OrderUnknownKey, other, close);
                    return Err(self.at(line, m));
                }
            };
            if keys.contains(&key) {
                return Err(self.at(line, crate::msg!(OrderTwice, k)));
            }
            keys.push(key);
        }
        Ok(keys)
    }

    /// A tier's quota entries, those over one group combined into one.
    pub(in crate::campaign) fn quotas(
        &self,
        raw: Vec<Keyed<RawQuota>>,
        groups: &[&str],
        what: &Text,
    ) -> Result<Vec<Quota>> {
        let mut quotas: Vec<Quota> = Vec::new();
        for Keyed { value: q, keys } in raw {
            let at = keys.of("group");
            let group = self.group_list(Some(vec![q.group.clone()]), groups, at, what)?[0];
            let places = |v: &Option<Node>, key: &str| -> Result<Option<Places>> {
                v.as_ref()
                    .map(|v| {
                        Places::parse(v).map_err(|e| {
                            let m = crate::msg!(QuotaExpected, what, q.group, key, e);
                            self.at(keys.of(key), m)
                        })
                    })
                    .transpose()
            };
            let collectives = places(&q.collectives, "collectives")?;
            let individuals = places(&q.individuals, "individuals")?;
            if q.individuals_each.is_some() && collectives.is_none() {
                let m = crate::msg!(QuotaEachNeedsCollectives, what, q.group);
                return Err(self.at(keys.of("individuals_each"), m));
            }
            if collectives.is_none() && individuals.is_none() && q.per_unit.is_none() {
                let m = crate::msg!(QuotaNeedsSome, what, q.group);
                return Err(self.at(keys.at(), m));
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
                        collectives_at: Vec::new(),
                    });
                    quotas.last_mut().expect("just pushed")
                }
            };
            if collectives.is_some() {
                entry.collectives_at.push(keys.of("collectives"));
            }
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
            entry.lines.push(keys.at());
        }
        Ok(quotas)
    }

    /// A tier's reward, in multiples of the base salary.
    pub(in crate::campaign) fn reward(
        &self,
        raw: Option<RawReward>,
        base_salary: &Option<At<f64>>,
        line: Pos,
        what: &Text,
    ) -> Result<Option<Reward>> {
        let Some(r) = raw else { return Ok(None) };
        for x in [r.collective, r.individual].into_iter().flatten() {
            if !(x.is_finite() && x >= 0.0) {
                return Err(self.at(line, crate::msg!(RewardNonNegative, what, x)));
            }
        }
        if base_salary.is_none() {
            return Err(self.at(line, crate::msg!(RewardNeedsBase, what)));
        }
        Ok(Some(Reward {
            collective: r.collective,
            individual: r.individual,
        }))
    }
}

//! The council's decisions beside the figures they changed: a "Quyết định"
//! column on every unit a decision touched (points added or removed, a tie
//! settled), and a note under each quota line a decision settled — "theo
//! Biên bản số 12/BB-HĐTĐKT ngày 02/12/2023", so nobody mistakes a decided
//! figure for a computed one.

use serde_json::{Value, json};

use super::UnitColumns;
use crate::campaign::Campaign;
use crate::decisions::Decisions;
use crate::i18n::Lang;
use crate::metrics::Metrics;
use crate::ranking::GroupRanking;
use crate::report::Cell;
use crate::scoring::{UnitScore, round_to};

pub struct DecisionColumns<'a> {
    pub campaign: &'a Campaign,
    pub metrics: &'a Metrics,
    pub scores: &'a [UnitScore],
    pub decisions: &'a Decisions,
    /// Decision index per score index, from the rank entries (ties settled).
    pub settled: Vec<Option<usize>>,
}

impl<'a> DecisionColumns<'a> {
    pub fn new(
        campaign: &'a Campaign,
        metrics: &'a Metrics,
        scores: &'a [UnitScore],
        decisions: &'a Decisions,
        groups: &[GroupRanking],
    ) -> DecisionColumns<'a> {
        let mut settled = vec![None; scores.len()];
        for e in groups.iter().flat_map(|g| &g.entries) {
            settled[e.score] = e.decided;
        }
        DecisionColumns {
            campaign,
            metrics,
            scores,
            decisions,
            settled,
        }
    }

    fn id(&self, i: usize) -> &str {
        &self.metrics.units[self.scores[i].unit].id
    }

    /// What was decided about the unit, in words.
    /// `machine`: the number with a decimal point, whatever the language (CSV).
    fn text(&self, i: usize, l: Lang, machine: bool) -> String {
        let p = self.campaign.precision;
        let mut parts: Vec<String> = self
            .decisions
            .adjustments_of(self.id(i))
            .map(|a| {
                let sign = if a.points > 0.0 { "+" } else { "−" };
                let what = if a.reason.is_empty() {
                    String::new()
                } else {
                    format!(" {}", a.reason)
                };
                let points = if machine {
                    Lang::En.num(a.points.abs(), p)
                } else {
                    l.num(a.points.abs(), p)
                };
                format!(
                    "{sign}{points} {}{what} ({} {})",
                    l.pick("điểm:", "points:"),
                    l.pick("theo", "per"),
                    a.document
                )
            })
            .collect();
        if let Some(d) = self.settled[i] {
            parts.push(format!(
                "{} {}",
                l.pick("bằng điểm, đã quyết định theo", "tie settled per"),
                self.decisions.ties[d].document
            ));
        }
        parts.join("; ")
    }
}

impl UnitColumns for DecisionColumns<'_> {
    fn headers(&self, l: Lang, machine: bool) -> Vec<String> {
        if machine {
            return vec!["adjustment".into(), "decision".into()];
        }
        vec![l.pick("Quyết định", "Decision").into()]
    }

    fn cells(&self, i: usize, l: Lang, machine: bool) -> Vec<Cell> {
        let text = self.text(i, l, machine);
        let cell = if text.is_empty() {
            Cell::Empty
        } else {
            Cell::text(text)
        };
        if machine {
            return vec![
                Cell::Num(self.scores[i].adjustment, self.campaign.precision),
                cell,
            ];
        }
        vec![cell]
    }

    fn json(&self, i: usize) -> (&'static str, Value) {
        let adjustments: Vec<Value> = self
            .decisions
            .adjustments_of(self.id(i))
            .map(|a| json!({"points": a.points, "reason": a.reason, "document": a.document}))
            .collect();
        let tie = self.settled[i].map(|d| &self.decisions.ties[d].document);
        (
            "decisions",
            json!({
                "adjustment": round_to(self.scores[i].adjustment, self.campaign.precision),
                "adjustments": adjustments,
                "tie_settled_by": tie,
            }),
        )
    }

    fn notes(&self, l: Lang) -> Vec<String> {
        vec![format!(
            "{} {}",
            l.pick(
                "Điểm và thứ hạng đã tính các quyết định của Hội đồng trong",
                "Scores and ranks include the council's decisions in"
            ),
            self.decisions.file
        )]
    }

    fn group_notes(&self, g: &GroupRanking, l: Lang) -> Vec<String> {
        g.settled
            .map(|(t, d)| crate::report::settled_note(l, t, &self.decisions.ties[d].document))
            .into_iter()
            .collect()
    }
}

//! A `--weights` overlay: new points for some criteria, a what-if that
//! changes weights and never rules. Every id is checked, at its line.

use anyhow::{Result, anyhow, bail};
use serde::de::IgnoredAny;

use super::{Campaign, suggestion, too_many_points};
use crate::i18n::messages::Msg;
use crate::problem::Problem;
use crate::yaml::{self, Entries, Shape};

impl Campaign {
    /// Applies a what-if overlay `{criterion_id: points}`. Steps and formulas
    /// scale with their criterion, so the overlay changes weights, not rules.
    pub fn apply_weights(&mut self, src: &str, file: &str) -> Result<()> {
        let overlay: Entries<f64> = yaml::parse(src, file, &Shape::PLAIN).map_err(|p| {
            // A campaign given where weights are expected says where it belongs.
            let keys = yaml::parse::<Entries<IgnoredAny>>(src, file, &Shape::PLAIN);
            let campaign = keys.is_ok_and(|k| k.0.iter().any(|(k, _)| k.value == "schema"));
            let hint = if campaign {
                Msg::YamlWeightsIsCampaign
            } else {
                Msg::YamlNotWeights
            };
            anyhow!(p.with_hint(hint))
        })?;
        for (id, points) in overlay.0 {
            let (line, id) = (id.at, id.value);
            let Some(i) = self.criterion_index(&id) else {
                let known: Vec<&str> = self.criteria.iter().map(|c| c.id.as_str()).collect();
                let m = crate::msg!(UnknownCriterion, id, suggestion(&id, &known));
                bail!(Problem::line(file, line.line(), m));
            };
            if !(points.is_finite() && points > 0.0) {
                let m = crate::msg!(PointsPositive, id, points);
                bail!(Problem::line(file, line.line(), m));
            }
            let what = crate::msg!(CriterionCtx, id);
            if let Some(shown) = too_many_points(points) {
                bail!(line.problem(file, crate::msg!(PointsTooLarge, what, shown)));
            }
            self.criteria[i].points = points;
            let sum: f64 = self.criteria.iter().map(|c| c.points).sum();
            if let Some(shown) = too_many_points(sum) {
                bail!(line.problem(file, crate::msg!(PointsSumTooLarge, what, shown)));
            }
        }
        Ok(())
    }
}

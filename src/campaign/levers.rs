//! Levers: realistic changes a unit controls ("one late dossier resolved on
//! time"), each a vector of whole count changes, declared by the campaign so
//! `rank --levers` and `gap` can say what it would take to get in. Checked
//! here at load; metric names are checked against the data when bound.

use anyhow::Result;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::check::Checker;
use crate::yaml::{Keyed, Pos};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLever {
    pub id: String,
    pub name: String,
    /// `{metric: delta}`; read as numbers so a fraction gets a clear message.
    pub change: IndexMap<String, f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lever {
    pub id: String,
    /// What one step is, for people: "hồ sơ trễ hạn được giải quyết đúng hạn".
    pub name: String,
    /// (metric name, whole change per step), as written; never 0.
    pub change: Vec<(String, i64)>,
    /// Where its `id:` was written.
    pub line: Pos,
}

/// Changes larger than this per step are surely a typo (and keep k × delta
/// far inside exact integers).
const MAX_DELTA: f64 = 1_000_000.0;

impl Checker<'_> {
    pub(super) fn levers(&self, raw: Vec<Keyed<RawLever>>) -> Result<Vec<Lever>> {
        let mut out: Vec<Lever> = Vec::with_capacity(raw.len());
        for Keyed { value: l, keys } in raw {
            let line = keys.of("id");
            let what = crate::msg!(LeverCtx, l.id);
            if out.iter().any(|o| o.id == l.id) {
                return Err(self.at(line, crate::msg!(LeverDuplicate, l.id)));
            }
            if l.id.trim().is_empty() || l.name.trim().is_empty() {
                return Err(self.at(line, crate::msg!(LeverEmptyName, what)));
            }
            if l.change.is_empty() {
                return Err(self.at(line, crate::msg!(LeverEmptyChange, what)));
            }
            let mut change = Vec::with_capacity(l.change.len());
            for (metric, d) in l.change {
                if !(d.is_finite() && d.fract() == 0.0 && d != 0.0 && d.abs() <= MAX_DELTA) {
                    let m = crate::msg!(LeverBadDelta, what, metric, MAX_DELTA, d);
                    return Err(self.at(line, m));
                }
                change.push((metric, d as i64));
            }
            out.push(Lever {
                id: l.id,
                name: l.name,
                change,
                line,
            });
        }
        Ok(out)
    }
}

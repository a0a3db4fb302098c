//! Where each unit's points come from, by criterion section: the stacked
//! chart every report ends a group with, so a low total shows its cause.

use super::Page;
use super::print::split_stack;
use crate::campaign::Campaign;
use crate::i18n::Lang;
use crate::report::svg::{StackChart, StackRow, colour, stack};
use crate::report::units::View;

/// The campaign's criteria grouped by `section` (a criterion without one
/// stands alone under its name), in the order they are first met.
pub(super) struct Sections {
    pub names: Vec<String>,
    /// Section of each criterion.
    of: Vec<usize>,
    /// Points on offer in each section.
    pub points: Vec<f64>,
}

impl Sections {
    pub fn new(c: &Campaign) -> Sections {
        let mut s = Sections {
            names: Vec::new(),
            of: Vec::new(),
            points: Vec::new(),
        };
        for cr in &c.criteria {
            let name = cr.section.as_deref().unwrap_or(&cr.name);
            let k = match s.names.iter().position(|n| n == name) {
                Some(k) => k,
                None => {
                    s.names.push(name.to_string());
                    s.points.push(0.0);
                    s.names.len() - 1
                }
            };
            s.of.push(k);
            s.points[k] += cr.points;
        }
        s
    }

    /// A unit's points per section (criteria that do not count add nothing).
    pub fn parts(&self, points: impl Iterator<Item = Option<f64>>) -> Vec<f64> {
        let mut parts = vec![0.0; self.names.len()];
        for (k, p) in self.of.iter().zip(points) {
            parts[*k] += p.unwrap_or(0.0);
        }
        parts
    }
}

/// Points on offer as plans write them: "20", but "2.5" when not whole.
fn whole_or(x: f64, precision: u32, lang: Lang) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        lang.num(x, precision)
    }
}

/// The axis end shared by every chart of a report: the most points any unit
/// could earn, so bars of different groups compare at a glance.
pub(super) fn scale(view: &View) -> f64 {
    view.scores.iter().map(|s| s.max).fold(0.0, f64::max)
}

/// The stacked chart of the units at `scores` (indices into the view's
/// scores, in the order shown), with its legend.
pub(super) fn figure(page: &mut Page, view: &View, scores: &[usize]) {
    let c = view.campaign;
    let sections = Sections::new(c);
    let rows: Vec<StackRow> = scores
        .iter()
        .map(|&i| {
            let s = &view.scores[i];
            StackRow {
                label: view.metrics.units[s.unit].name.clone(),
                parts: sections.parts(s.criteria.iter().map(|cs| cs.points)),
                deduct: s.penalties.iter().sum(),
            }
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let deducted = rows.iter().any(|r| r.deduct > 0.0);
    let title = page
        .pick(
            "Cơ cấu điểm theo nhóm tiêu chí",
            "Points by criterion section",
        )
        .to_string();
    let chart = StackChart {
        title: title.clone(),
        series: sections.names.clone(),
        rows,
        scale: scale(view),
        decimals: c.precision,
        lang: view.lang,
        deduct_label: page.pick("điểm trừ", "penalty").to_string(),
    };
    let mut legend: Vec<(String, String)> = sections
        .names
        .iter()
        .zip(&sections.points)
        .enumerate()
        .map(|(k, (name, pts))| {
            (
                format!("background:{}", colour(k).0),
                format!(
                    "{name} ({} {})",
                    whole_or(*pts, c.precision, view.lang),
                    page.pick("điểm", "points")
                ),
            )
        })
        .collect();
    if deducted {
        legend.push((
            "background:#fff;border:1px dashed #c53030".into(),
            page.pick("Điểm trừ", "Penalties").into(),
        ));
    }
    page.el("h3", &title);
    for part in split_stack(&chart, page.fit.chart_rows()) {
        page.figure(&stack(&part), &legend);
    }
}

//! `rank --format html`: per group the bar chart with the quota line, the
//! ranking table and the breakdown by section, one group per printed page.

use super::breakdown::{self, scale};
use super::print::{Fit, fit};
use super::{Meta, Page, mark_legend};
use crate::i18n::Lang;
use crate::ranking::{GroupRanking, LineStatus, TieAtLine};
use crate::report::Table;
use crate::report::svg::{Bar, BarChart, Line, Mark};
use crate::report::units::View;

/// The report. `tables` are the rank tables of the other formats (one per
/// group, in the same order), so every figure they show is shown here too.
pub fn rank(
    view: &View,
    groups: &[GroupRanking],
    tier: Option<usize>,
    tables: &[Table],
    meta: &Meta,
) -> String {
    let l = view.lang;
    let kind = l.pick("Báo cáo xếp hạng thi đua", "Ranking report");
    let c = view.campaign;
    let award = tier.map(|t| c.tiers[t].award.clone());
    let title = match &award {
        Some(a) => format!("{kind} — {a} — {}", c.id),
        None => format!("{kind} — {}", c.id),
    };
    let mut page = Page::new(l, &title);
    let extra: Vec<(&str, String)> = award
        .into_iter()
        .map(|a| (l.pick("Hình thức khen thưởng", "Award"), a))
        .collect();
    page.header(kind, view, &extra, meta);
    for (i, g) in groups.iter().enumerate() {
        let table = tables.get(i);
        let heading = table
            .and_then(|t| t.title.clone())
            .unwrap_or_else(|| c.groups[g.group].name.clone());
        page.section(&heading, table.map_or(Fit::Portrait, |t| fit([t])));
        group(&mut page, view, g, table);
        page.end_section();
    }
    page.footer(&view.legend(), meta);
    page.finish()
}

fn group(page: &mut Page, view: &View, g: &GroupRanking, table: Option<&Table>) {
    let marks: Vec<Mark> = g.entries.iter().map(|e| mark(e.line)).collect();
    let cut = g.places.map(|_| line_after(&marks));
    if !g.entries.is_empty() {
        let chart = chart(view, g, &marks, cut);
        page.bar_figures(&chart, &mark_legend(view.lang, &marks));
    }
    if let Some(t) = table {
        let mut classes: Vec<&str> = marks.iter().map(|m| class(*m)).collect();
        if let Some(k) = cut.filter(|k| *k > 0) {
            classes[k - 1] = match marks[k - 1] {
                Mark::Tie => "tie cut",
                _ => "in cut",
            };
        }
        page.table(t, &classes);
        page.notes(&t.notes);
    }
    let order: Vec<usize> = g.entries.iter().map(|e| e.score).collect();
    breakdown::figure(page, view, &order);
}

fn chart(view: &View, g: &GroupRanking, marks: &[Mark], cut: Option<usize>) -> BarChart {
    let c = view.campaign;
    BarChart {
        lang: view.lang,
        title: c.groups[g.group].name.clone(),
        bars: g
            .entries
            .iter()
            .zip(marks)
            .map(|(e, m)| {
                let s = &view.scores[e.score];
                Bar {
                    rank: e.rank,
                    label: view.metrics.units[s.unit].name.clone(),
                    value: s.total,
                    mark: *m,
                }
            })
            .collect(),
        scale: scale(view),
        decimals: c.precision,
        line: cut.zip(g.places).map(|(after, places)| Line {
            after,
            label: line_label(view.lang, places, g.tie),
        }),
    }
}

pub(super) fn mark(line: Option<LineStatus>) -> Mark {
    match line {
        None => Mark::Plain,
        Some(LineStatus::In) => Mark::In,
        Some(LineStatus::Tie) => Mark::Tie,
        Some(LineStatus::Out) => Mark::Out,
        Some(LineStatus::Ineligible) => Mark::Ineligible,
        Some(LineStatus::WonHigherTier(_)) => Mark::Won,
    }
}

/// How many bars (in rank order) stand above the quota line: everything up
/// to the last unit with a place or a tied claim to one.
pub(super) fn line_after(marks: &[Mark]) -> usize {
    marks
        .iter()
        .rposition(|m| matches!(m, Mark::In | Mark::Tie))
        .map_or(0, |k| k + 1)
}

pub(super) fn class(m: Mark) -> &'static str {
    match m {
        Mark::Plain => "",
        Mark::In => "in",
        Mark::Tie => "tie",
        Mark::Out => "out",
        Mark::Ineligible => "inel",
        Mark::Won => "won",
    }
}

pub(super) fn line_label(l: Lang, places: u32, tie: Option<TieAtLine>) -> String {
    let base = match l {
        Lang::Vi => format!("Ranh giới chỉ tiêu: {places} suất"),
        Lang::En => format!("Quota line: {places} place(s)"),
    };
    match (tie, l) {
        (Some(t), Lang::Vi) => format!(
            "{base} · {} đơn vị bằng điểm cho {} suất",
            t.units, t.places
        ),
        (Some(t), Lang::En) => format!("{base} · {} units tied for {} place(s)", t.units, t.places),
        (None, _) => base,
    }
}

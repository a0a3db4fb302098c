//! `nominate --format html`: per tier the proposal list as it is signed —
//! a chart per quota with its line, the collectives and individuals tables,
//! every judgement call in the notes, and where the proposed units' points
//! come from.

use super::breakdown::{self, scale};
use super::print::fit;
use super::rank::{class, line_after, line_label};
use super::{Meta, Page, mark_legend};
use crate::nomination::{QuotaNomination, Status, TierNomination};
use crate::report::nominate::NominationView;
use crate::report::svg::{Bar, BarChart, Line, Mark, escape};

pub fn nominate(view: &NominationView, meta: &Meta) -> String {
    let units = &view.units;
    let l = units.lang;
    let c = units.campaign;
    let kind = l.pick("Danh sách đề nghị khen thưởng", "Award proposal list");
    let mut page = Page::new(l, &format!("{kind} — {}", c.id));
    let awards: Vec<String> = view
        .tiers
        .iter()
        .map(|tn| c.tiers[tn.tier].award.clone())
        .collect();
    let extra = [(l.pick("Hình thức khen thưởng", "Awards"), awards.join("; "))];
    page.header(kind, units, &extra, meta);
    let tables = view.tables();
    for (k, tn) in view.tiers.iter().enumerate() {
        let collectives = &tables[2 * k];
        let individuals = &tables[2 * k + 1];
        page.section(
            collectives.title.as_deref().unwrap_or(kind),
            fit([collectives, individuals]),
        );
        for q in &tn.quotas {
            quota_chart(&mut page, view, q);
        }
        page.el("h3", l.pick("Tập thể", "Collectives"));
        page.table(collectives, &proposed_classes(tn));
        page.notes(&collectives.notes);
        page.el("h3", l.pick("Cá nhân", "Individuals"));
        page.table(individuals, &[]);
        page.notes(&individuals.notes);
        breakdown::figure(&mut page, units, &proposed(tn));
        page.end_section();
    }
    page.footer(&units.legend(), meta);
    page.finish()
}

/// One quota's units in rank order, the line under its last place.
fn quota_chart(page: &mut Page, view: &NominationView, q: &QuotaNomination) {
    let units = &view.units;
    let c = units.campaign;
    let name = &c.groups[q.group].name;
    let heading = match units.lang {
        crate::i18n::Lang::Vi => format!("{name}: tối đa {} suất", q.places),
        crate::i18n::Lang::En => format!("{name}: at most {} place(s)", q.places),
    };
    page.el("h3", &heading);
    if q.collectives.is_empty() {
        let none = page.pick(
            "Không có đơn vị nào trong khối này.",
            "No unit in this group.",
        );
        page.raw(&format!("<p class=\"empty\">{}</p>", escape(none)));
        return;
    }
    let marks: Vec<Mark> = q.collectives.iter().map(|col| mark(col.status)).collect();
    let chart = BarChart {
        lang: units.lang,
        title: heading.clone(),
        bars: q
            .collectives
            .iter()
            .zip(&marks)
            .map(|(col, m)| {
                let s = &units.scores[col.score];
                Bar {
                    rank: col.rank,
                    label: units.metrics.units[s.unit].name.clone(),
                    value: s.total,
                    mark: *m,
                }
            })
            .collect(),
        scale: scale(units),
        decimals: c.precision,
        line: Some(Line {
            after: line_after(&marks),
            label: line_label(units.lang, q.places, q.tie),
        }),
    };
    page.bar_figures(&chart, &mark_legend(units.lang, &marks));
}

fn mark(s: Status) -> Mark {
    match s {
        Status::Nominated => Mark::In,
        Status::Tie => Mark::Tie,
        Status::BelowLine => Mark::Out,
        Status::Ineligible => Mark::Ineligible,
        Status::WonHigherTier(_) => Mark::Won,
        Status::NoPlaces => Mark::Plain,
    }
}

/// The collectives the list proposes (or leaves tied), in its row order.
fn proposed_collectives(tn: &TierNomination) -> impl Iterator<Item = (usize, Status)> + '_ {
    tn.quotas
        .iter()
        .flat_map(|q| &q.collectives)
        .filter(|c| matches!(c.status, Status::Nominated | Status::Tie))
        .map(|c| (c.score, c.status))
}

fn proposed_classes(tn: &TierNomination) -> Vec<&'static str> {
    proposed_collectives(tn)
        .map(|(_, s)| class(mark(s)))
        .collect()
}

fn proposed(tn: &TierNomination) -> Vec<usize> {
    proposed_collectives(tn).map(|(score, _)| score).collect()
}

//! `score --format html`: the score table split by group, each group with
//! the breakdown of its units' points by section, one group per page.

use super::breakdown;
use super::print::fit;
use super::{Meta, Page};
use crate::report::Table;
use crate::report::units::View;

/// The report. `table` is the score table of the other formats, one row per
/// score in the view's order, so its rows can be split by group.
pub fn score(view: &View, table: &Table, meta: &Meta) -> String {
    let l = view.lang;
    let c = view.campaign;
    let kind = l.pick("Bảng điểm thi đua", "Score sheet");
    let mut page = Page::new(l, &format!("{kind} — {}", c.id));
    page.header(kind, view, &[], meta);
    for (g, group) in c.groups.iter().enumerate() {
        let members: Vec<usize> = (0..view.scores.len())
            .filter(|&i| view.scores[i].group == g)
            .collect();
        if members.is_empty() {
            continue;
        }
        let part = Table {
            title: None,
            headers: table.headers.clone(),
            rows: members
                .iter()
                .filter_map(|&i| table.rows.get(i).cloned())
                .collect(),
            notes: Vec::new(),
        };
        page.section(&group.name, fit([&part]));
        page.table(&part, &[]);
        breakdown::figure(&mut page, view, &members);
        page.end_section();
    }
    page.footer(&table.notes, meta);
    page.finish()
}

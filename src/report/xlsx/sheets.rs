//! Which sheets each command's workbook has: a sheet per group for score and
//! rank, per tier (collectives, individuals) for nominate, each holding the
//! same table the terminal shows.

use super::Sheet;
use crate::ranking::GroupRanking;
use crate::report::Table;
use crate::report::nominate::NominationView;
use crate::report::units::View;

/// The rank tables (one per group, in order) as a sheet per group.
pub fn rank_sheets(view: &View, groups: &[GroupRanking], tables: Vec<Table>) -> Vec<Sheet> {
    groups
        .iter()
        .zip(tables)
        .map(|(g, table)| Sheet {
            name: view.campaign.groups[g.group].name.clone(),
            table,
        })
        .collect()
}

/// The score table (one row per score, in the view's order) split by group;
/// each sheet keeps the criteria legend under its rows.
pub fn score_sheets(view: &View, table: &Table) -> Vec<Sheet> {
    let c = view.campaign;
    c.groups
        .iter()
        .enumerate()
        .filter_map(|(g, group)| {
            let rows: Vec<_> = view
                .scores
                .iter()
                .zip(&table.rows)
                .filter(|(s, _)| s.group == g)
                .map(|(_, r)| r.clone())
                .collect();
            (!rows.is_empty()).then(|| Sheet {
                name: group.name.clone(),
                table: Table {
                    title: Some(group.name.clone()),
                    headers: table.headers.clone(),
                    rows,
                    notes: table.notes.clone(),
                },
            })
        })
        .collect()
}

/// Two sheets per tier: the collectives (with every status) and the individuals.
pub fn nominate_sheets(view: &NominationView) -> Vec<Sheet> {
    let l = view.units.lang;
    let c = view.units.campaign;
    let mut tables = view.tables().into_iter();
    let mut out = Vec::new();
    for tn in &view.tiers {
        // The award, short enough for a tab (31 characters): "Bằng khen UBND
        // tỉnh — tập thể"; `--ids` keeps the tier id.
        let id = if view.units.ids {
            c.tiers[tn.tier].id.clone()
        } else {
            let suffix = l.pick(" — tập thể", " — individuals").chars().count();
            tab_award(&c.tiers[tn.tier].award, 31 - suffix)
        };
        let (Some(collectives), Some(mut individuals)) = (tables.next(), tables.next()) else {
            break;
        };
        individuals.title = collectives.title.clone();
        out.push(Sheet {
            name: format!("{id} — {}", l.pick("tập thể", "collectives")),
            table: collectives,
        });
        out.push(Sheet {
            name: format!("{id} — {}", l.pick("cá nhân", "individuals")),
            table: individuals,
        });
    }
    out
}

/// The award shortened to `room` characters for a sheet tab, leaving room for
/// " — tập thể" within Excel's 31 so the two sheets of a tier stay told apart.
fn tab_award(award: &str, room: usize) -> String {
    let short = award.replace("của Chủ tịch ", "");
    if short.chars().count() <= room {
        return short;
    }
    short.chars().take(room - 1).collect::<String>() + "…"
}

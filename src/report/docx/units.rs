//! `rank` and `score` as a paper with the same head: per group, a table with
//! every criterion by name (and its points), the penalties, the total, the
//! percent, the class, the rank and the status in words (gates by name, the
//! floor as "dưới 70% điểm tối đa"), and the quota line under it. Landscape,
//! since a criterion a column is wide.

use super::fields::DocFields;
use super::model::{Align, Block, Column, DocTable, Part};
use super::words::num;
use crate::i18n::Lang;
use crate::ranking::{GroupRanking, LineStatus, RankEntry, Reason};
use crate::report::units::{UnitColumns, View};

fn col(header: String, weight: u32, align: Align) -> Column {
    Column {
        header,
        weight,
        align,
    }
}

struct Report<'v, 'a> {
    view: &'v View<'a>,
    tier: Option<usize>,
    /// Columns added by `--levers` ("Để vào chỉ tiêu"), before "Ghi chú".
    extras: &'v [&'v dyn UnitColumns],
}

impl Report<'_, '_> {
    fn lang(&self) -> Lang {
        self.view.lang
    }

    fn num(&self, x: f64) -> String {
        num(self.lang(), x, self.view.campaign.precision)
    }

    /// The criteria (indices) that count for `group`.
    fn criteria(&self, group: usize) -> Vec<usize> {
        let c = self.view.campaign;
        (0..c.criteria.len())
            .filter(|&i| {
                c.criteria[i].applies_to.is_empty() || c.criteria[i].applies_to.contains(&group)
            })
            .collect()
    }

    fn penalties(&self, group: usize) -> Vec<usize> {
        let c = self.view.campaign;
        (0..c.penalties.len())
            .filter(|&i| {
                c.penalties[i].applies_to.is_empty() || c.penalties[i].applies_to.contains(&group)
            })
            .collect()
    }

    fn reason(&self, r: Reason) -> String {
        let c = self.view.campaign;
        match r {
            Reason::Gate(g) => c.gates[g].name.clone(),
            Reason::Floor => {
                let min = self.tier.and_then(|t| c.tiers[t].min_percent);
                match (self.lang(), min) {
                    (Lang::Vi, Some(m)) => format!("dưới {}% điểm tối đa", num(Lang::Vi, m, 0)),
                    (Lang::En, Some(m)) => format!("under {m}% of the maximum"),
                    (l, None) => l.pick("dưới mức điểm tối thiểu", "under the floor").into(),
                }
            }
        }
    }

    fn status(&self, e: &RankEntry) -> String {
        let mut s = self.status_word(e);
        if let (Some(d), Some(ds)) = (e.decided, self.view.decisions) {
            s.push_str(&format!(
                " ({} {})",
                self.lang().pick("theo", "per"),
                ds.ties[d].document
            ));
        }
        s
    }

    fn status_word(&self, e: &RankEntry) -> String {
        let l = self.lang();
        let c = self.view.campaign;
        match e.line {
            Some(LineStatus::In) => l.pick("Trong chỉ tiêu", "Within the quota").into(),
            Some(LineStatus::Tie) => l
                .pick(
                    "Bằng điểm tại ranh giới; chờ quyết định",
                    "Tied at the line; awaiting a decision",
                )
                .into(),
            Some(LineStatus::Out) => l.pick("Ngoài chỉ tiêu", "Below the line").into(),
            Some(LineStatus::WonHigherTier(t)) => {
                format!(
                    "{} {}",
                    l.pick("Đã đề nghị", "Proposed for"),
                    c.tiers[t].award
                )
            }
            _ if !e.failed.is_empty() => {
                let why: Vec<String> = e.failed.iter().map(|&r| self.reason(r)).collect();
                format!("{} {}", l.pick("Không đạt:", "Fails:"), why.join("; "))
            }
            _ => String::new(),
        }
    }

    fn table(&self, g: &GroupRanking) -> DocTable {
        let l = self.lang();
        let c = self.view.campaign;
        let crit = self.criteria(g.group);
        let pen = self.penalties(g.group);
        let mut columns = vec![
            col(l.pick("Hạng", "Rank").into(), 8, Align::Centre),
            col(l.pick("Đơn vị", "Unit").into(), 18, Align::Left),
        ];
        columns.extend(crit.iter().map(|&i| {
            let cr = &c.criteria[i];
            col(
                format!(
                    "{} ({} {})",
                    cr.label(),
                    self.num(cr.points),
                    l.pick("đ", "pts")
                ),
                9,
                Align::Centre,
            )
        }));
        columns.extend(pen.iter().map(|&i| {
            col(
                format!(
                    "{}: {}",
                    l.pick("Trừ điểm", "Deduction"),
                    c.penalties[i].name
                ),
                9,
                Align::Centre,
            )
        }));
        columns.push(col(l.pick("Tổng điểm", "Total").into(), 7, Align::Centre));
        columns.push(col(l.pick("Tỷ lệ %", "Percent").into(), 7, Align::Centre));
        columns.push(col(l.pick("Xếp loại", "Class").into(), 7, Align::Centre));
        for x in self.extras {
            columns.extend(
                x.headers(l, false)
                    .into_iter()
                    .map(|h| col(h, 12, Align::Left)),
            );
        }
        columns.push(col(l.pick("Ghi chú", "Status").into(), 14, Align::Left));
        let rows = g
            .entries
            .iter()
            .map(|e| {
                let s = &self.view.scores[e.score];
                let mut r = vec![
                    e.rank.to_string(),
                    self.view.metrics.units[s.unit].name.clone(),
                ];
                r.extend(
                    crit.iter()
                        .map(|&i| s.criteria[i].points.map_or("—".into(), |p| self.num(p))),
                );
                r.extend(pen.iter().map(|&i| self.num(s.penalties[i])));
                r.push(self.num(s.total));
                r.push(s.percent.map_or("—".into(), |p| self.num(p)));
                r.push(s.class.map_or("—".into(), |k| c.classes[k].name.clone()));
                for x in self.extras {
                    r.extend(
                        x.cells(e.score, l, false)
                            .iter()
                            .map(|cell| cell.show("—", l)),
                    );
                }
                r.push(self.status(e));
                r
            })
            .collect();
        DocTable { columns, rows }
    }

    fn blocks(&self, groups: &[GroupRanking]) -> Vec<Block> {
        let l = self.lang();
        let c = self.view.campaign;
        let mut blocks = Vec::new();
        for (k, g) in groups.iter().enumerate() {
            let name = &c.groups[g.group].name;
            blocks.push(Block::Heading(match (self.tier, g.places) {
                (Some(t), Some(p)) => format!(
                    "{}. {name} — {}: {} {p} {}",
                    k + 1,
                    c.tiers[t].award,
                    l.pick("tối đa", "at most"),
                    l.pick("tập thể", "collective(s)")
                ),
                _ => format!("{}. {name}", k + 1),
            }));
            if g.entries.is_empty() {
                blocks.push(Block::Paragraph(
                    l.pick(
                        "Không có đơn vị nào trong khối này.",
                        "No unit in this group.",
                    )
                    .into(),
                ));
                continue;
            }
            blocks.push(Block::Table(self.table(g)));
            if let Some(p) = g.places {
                blocks.push(Block::Note(format!(
                    "{}.",
                    crate::report::quota_note(l, p, g.filled, g.tie)
                )));
            }
            // The percent's working, as every other format shows it; the
            // council's decisions come with their column (`extras`).
            if let Some(b) = g
                .basis
                .as_ref()
                .and_then(|b| crate::report::basis_note(l, b, false))
            {
                blocks.push(Block::Note(format!("{b}.")));
            }
            for x in self.extras {
                blocks.extend(x.group_notes(g, l).into_iter().map(Block::Note));
            }
        }
        for x in self.extras {
            blocks.extend(x.notes(l).into_iter().map(Block::Note));
        }
        blocks
    }
}

/// One landscape part: `title`, the campaign, per group its table.
pub fn part(
    view: &View,
    groups: &[GroupRanking],
    tier: Option<usize>,
    extras: &[&dyn UnitColumns],
    title: &str,
    fields: &DocFields,
) -> Part {
    let r = Report { view, tier, extras };
    let c = view.campaign;
    let mut lines = vec![title.to_string()];
    if let Some(t) = &c.title {
        lines.push(t.clone());
    }
    if let Some(t) = tier {
        lines.push(format!(
            "{} {}",
            view.lang.pick("Xét", "For the"),
            c.tiers[t].award
        ));
    }
    Part {
        title: lines,
        attachment: None,
        blocks: r.blocks(groups),
        signature: super::signature(fields),
        landscape: true,
    }
}

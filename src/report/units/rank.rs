//! The `rank` report: per-group tables with the quota line for people, one
//! flat CSV and the JSON object for scripts, each with the columns of the
//! what-if modes in use.

use serde::Serialize;

use super::{UnitColumns, UnitJson, View, line_id};
use crate::ranking::{GroupRanking, LineStatus, RankEntry, reason_ids, reason_list};
use crate::report::json::Tie;
use crate::report::{Cell, Table};

/// The `rank` report's JSON.
#[derive(Serialize)]
pub struct RankJson<'a> {
    pub campaign: &'a str,
    pub data: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub periods: &'a [String],
    pub tier: Option<&'a str>,
    pub groups: Vec<GroupJson<'a>>,
    pub units: Vec<RankUnitJson<'a>>,
}

/// A group's quota line.
#[derive(Serialize)]
pub struct GroupJson<'a> {
    pub group: &'a str,
    pub places: Option<u32>,
    pub filled: Option<u32>,
    pub tie: Option<Tie>,
}

/// A unit's score with its place in the ranking.
#[derive(Serialize)]
pub struct RankUnitJson<'a> {
    #[serde(flatten)]
    pub unit: UnitJson<'a>,
    pub rank: u32,
    pub eligible: bool,
    pub failed_gates: Vec<&'a str>,
    pub line: Option<&'static str>,
}

impl<'a> View<'a> {
    fn line_label(&self, e: &RankEntry, tier: Option<usize>) -> String {
        let l = self.lang;
        match e.line {
            Some(LineStatus::In) => l.pick("✓ trong chỉ tiêu", "✓ within quota").into(),
            Some(LineStatus::Tie) => l
                .pick("= bằng điểm tại ranh giới", "= tied at the line")
                .into(),
            Some(LineStatus::Out) => l.pick("ngoài chỉ tiêu", "below the line").into(),
            Some(LineStatus::WonHigherTier(t)) => {
                crate::report::won_label(l, &self.campaign.tiers[t].award)
            }
            Some(LineStatus::Ineligible) | None if !e.failed.is_empty() => {
                format!(
                    "{} {}",
                    l.pick("✗ không đạt:", "✗ fails:"),
                    crate::report::reason_names(self.campaign, &e.failed, tier, l)
                )
            }
            _ => String::new(),
        }
    }

    fn group_title(&self, g: &GroupRanking, tier: Option<usize>) -> String {
        let l = self.lang;
        let grp = &self.campaign.groups[g.group];
        match (tier, g.places) {
            (Some(t), Some(p)) => format!(
                "{} — {}: {} {p} {}",
                grp.name,
                self.campaign.tiers[t].award,
                l.pick("tối đa", "at most"),
                l.pick("tập thể", "collective(s)")
            ),
            _ => grp.name.clone(),
        }
    }

    fn group_notes(&self, g: &GroupRanking) -> Vec<String> {
        let l = self.lang;
        let mut notes = Vec::new();
        if let Some(p) = g.places {
            notes.push(crate::report::quota_note(l, p, g.filled, g.tie));
        }
        if let Some(b) = g
            .basis
            .as_ref()
            .and_then(|b| crate::report::basis_note(l, b, false))
        {
            notes.push(b);
        }
        if g.entries.is_empty() {
            notes.push(
                l.pick(
                    "Không có đơn vị nào trong khối này.",
                    "No unit in this group.",
                )
                .into(),
            );
        }
        notes
    }

    /// Per-group tables for people (terminal and Markdown).
    pub fn rank_tables(&self, groups: &[GroupRanking], tier: Option<usize>) -> Vec<Table> {
        self.rank_tables_with(groups, tier, &[])
    }

    /// Per-group tables with each what-if mode's columns before the status.
    pub fn rank_tables_with(
        &self,
        groups: &[GroupRanking],
        tier: Option<usize>,
        extras: &[&dyn UnitColumns],
    ) -> Vec<Table> {
        let l = self.lang;
        let c = self.campaign;
        let mut tables: Vec<Table> = groups
            .iter()
            .map(|g| {
                let mut headers: Vec<String> = vec![
                    l.pick("Hạng", "Rank").into(),
                    l.pick("Đơn vị", "Unit").into(),
                ];
                if self.ids {
                    headers.insert(1, l.pick("Mã", "Id").into());
                }
                headers.extend(
                    c.tiebreak_criteria()
                        .map(|t| c.criteria[t].label().to_string()),
                );
                headers.extend(
                    self.figure_headers(false)
                        .split_off(c.criteria.len() + c.penalties.len()),
                );
                headers.extend(extras.iter().flat_map(|x| x.headers(l, false)));
                headers.push(l.pick("Ghi chú", "Status").into());
                let rows = g
                    .entries
                    .iter()
                    .map(|e| {
                        let s = &self.scores[e.score];
                        let u = &self.metrics.units[s.unit];
                        let mut r = vec![Cell::Num(e.rank as f64, 0), Cell::text(&u.name)];
                        if self.ids {
                            r.insert(1, Cell::text(&u.id));
                        }
                        r.extend(
                            c.tiebreak_criteria()
                                .map(|t| Cell::opt(s.criteria[t].points, c.precision)),
                        );
                        r.extend(
                            self.figures(s)
                                .split_off(c.criteria.len() + c.penalties.len()),
                        );
                        r.extend(extras.iter().flat_map(|x| x.cells(e.score, l, false)));
                        r.push(Cell::text(self.line_label(e, tier)));
                        r
                    })
                    .collect();
                let mut notes = self.group_notes(g);
                notes.extend(extras.iter().flat_map(|x| x.group_notes(g, l)));
                Table {
                    title: Some(self.group_title(g, tier)),
                    headers,
                    rows,
                    notes,
                }
            })
            .collect();
        if let Some(last) = tables.last_mut() {
            last.notes.extend(extras.iter().flat_map(|x| x.notes(l)));
        }
        tables
    }

    /// One flat CSV table for all groups, stable headers.
    pub fn rank_csv(&self, groups: &[GroupRanking]) -> Table {
        self.rank_csv_with(groups, &[])
    }

    /// The flat CSV with each what-if mode's columns at the end.
    pub fn rank_csv_with(&self, groups: &[GroupRanking], extras: &[&dyn UnitColumns]) -> Table {
        let l = self.lang;
        let mut headers: Vec<String> = vec![
            "group".into(),
            "rank".into(),
            "unit_id".into(),
            "unit_name".into(),
        ];
        headers.extend(self.figure_headers(true));
        headers.extend(["eligible", "failed_gates", "line"].map(String::from));
        headers.extend(extras.iter().flat_map(|x| x.headers(l, true)));
        let mut rows = Vec::new();
        for g in groups {
            for e in &g.entries {
                let s = &self.scores[e.score];
                let u = &self.metrics.units[s.unit];
                let mut r = vec![
                    Cell::text(&u.group),
                    Cell::Num(e.rank as f64, 0),
                    Cell::text(&u.id),
                    Cell::text(&u.name),
                ];
                r.extend(self.figures(s));
                r.push(Cell::text(if e.eligible { "true" } else { "false" }));
                r.push(Cell::text(reason_ids(self.campaign, &e.failed, ";")));
                r.push(e.line.map_or(Cell::Empty, |l| Cell::text(line_id(l))));
                r.extend(extras.iter().flat_map(|x| x.cells(e.score, l, true)));
                rows.push(r);
            }
        }
        Table {
            title: None,
            headers,
            rows,
            notes: vec![],
        }
    }

    pub fn rank_json(&self, groups: &[GroupRanking], tier: Option<usize>) -> RankJson<'a> {
        self.rank_json_with(groups, tier, &[])
    }

    /// The JSON object with each what-if mode's member in every unit.
    pub fn rank_json_with(
        &self,
        groups: &[GroupRanking],
        tier: Option<usize>,
        extras: &[&dyn UnitColumns],
    ) -> RankJson<'a> {
        let c = self.campaign;
        RankJson {
            campaign: &c.id,
            data: self.data,
            periods: &self.metrics.periods,
            tier: tier.map(|t| c.tiers[t].id.as_str()),
            groups: groups
                .iter()
                .map(|g| GroupJson {
                    group: &c.groups[g.group].id,
                    places: g.places,
                    filled: g.places.map(|_| g.filled),
                    tie: g.tie.map(Tie::from),
                })
                .collect(),
            units: groups
                .iter()
                .flat_map(|g| &g.entries)
                .map(|e| RankUnitJson {
                    unit: self.unit_json_with(e.score, extras),
                    rank: e.rank,
                    eligible: e.eligible,
                    failed_gates: reason_list(c, &e.failed),
                    line: e.line.map(line_id),
                })
                .collect(),
        }
    }
}

//! `nominate` as the paper the council signs: per tier, the "Danh sách đề
//! nghị khen thưởng" with its collectives (STT, Tên tập thể, Khối, Điểm, Xếp
//! hạng, Thành tích) and individuals (STT, Họ và tên, Chức vụ, Đơn vị, Thành
//! tích), ties said in words, the totals and the signature block. Names
//! only: no tier, gate or unit id reaches the paper.

use super::fields::DocFields;
use super::model::{Align, Block, Column, DocTable, Part};
use super::words::{BLANK, num, or_blank};
use crate::i18n::Lang;
use crate::nomination::{Individual, Pick, QuotaNomination, Status, TierNomination};
use crate::report::nominate::{NominationView, reward_header};

fn col(header: &str, weight: u32, align: Align) -> Column {
    Column {
        header: header.to_string(),
        weight,
        align,
    }
}

struct Tier<'v, 'a> {
    view: &'v NominationView<'a>,
    tn: &'v TierNomination,
    lang: Lang,
}

impl Tier<'_, '_> {
    fn unit_name(&self, score: usize) -> &str {
        let u = &self.view.units;
        &u.metrics.units[u.scores[score].unit].name
    }

    fn group_name(&self, q: &QuotaNomination) -> &str {
        &self.view.units.campaign.groups[q.group].name
    }

    fn points(&self, score: usize) -> String {
        let u = &self.view.units;
        num(self.lang, u.scores[score].total, u.campaign.precision)
    }

    /// The money of one collective and of one person, when the tier has a
    /// `reward` that gives that kind any.
    fn money(&self) -> (Option<f64>, Option<f64>) {
        let r = self.tn.reward;
        (
            r.map(|r| r.per_collective).filter(|&x| x > 0.0),
            r.map(|r| r.per_individual).filter(|&x| x > 0.0),
        )
    }

    fn collectives(&self) -> (DocTable, Vec<String>) {
        let l = self.lang;
        let money = self.money().0;
        let mut columns = vec![
            col("STT", 10, Align::Centre),
            col(l.pick("Tên tập thể", "Collective"), 30, Align::Left),
            col(l.pick("Khối", "Group"), 22, Align::Left),
            col(l.pick("Điểm", "Score"), 10, Align::Centre),
            col(l.pick("Xếp hạng", "Rank"), 10, Align::Centre),
            col(l.pick("Thành tích", "Achievements"), 22, Align::Left),
        ];
        if money.is_some() {
            columns.insert(5, col(reward_header(l), 18, Align::Centre));
            columns[6].weight = 16;
            columns[1].weight = 28;
        }
        let mut rows = Vec::new();
        let mut notes = Vec::new();
        for q in &self.tn.quotas {
            let listed = q
                .collectives
                .iter()
                .filter(|c| matches!(c.status, Status::Nominated | Status::Tie));
            for c in listed {
                let mut name = self.unit_name(c.score).to_string();
                if c.status == Status::Tie {
                    name.push_str(l.pick(" (bằng điểm)", " (tied)"));
                }
                // A place the council settled names its document.
                name.push_str(&self.view.per_decision(c.decided));
                let mut row = vec![
                    (rows.len() + 1).to_string(),
                    name,
                    self.group_name(q).to_string(),
                    self.points(c.score),
                    c.rank.to_string(),
                    BLANK.to_string(),
                ];
                if let Some(m) = money {
                    let paid = c.nominated();
                    row.insert(
                        5,
                        if paid {
                            crate::report::money(l, m)
                        } else {
                            String::new()
                        },
                    );
                }
                rows.push(row);
            }
            notes.extend(self.tie_note(q));
            notes.extend(self.decision_notes(q));
        }
        (DocTable { columns, rows }, notes)
    }

    /// The council's decisions on a quota, as every other format says them:
    /// the tie it settled, the points it added or removed for a listed unit.
    fn decision_notes(&self, q: &QuotaNomination) -> Vec<String> {
        let Some(ds) = self.view.units.decisions else {
            return Vec::new();
        };
        let l = self.lang;
        let mut out: Vec<String> = q
            .settled
            .map(|(t, d)| crate::report::settled_note(l, t, &ds.ties[d].document) + ".")
            .into_iter()
            .collect();
        let listed = q
            .collectives
            .iter()
            .filter(|c| matches!(c.status, Status::Nominated | Status::Tie));
        for c in listed {
            let u = &self.view.units.metrics.units[self.view.units.scores[c.score].unit];
            for a in ds.adjustments_of(&u.id) {
                let p = self.view.units.campaign.precision;
                out.push(crate::report::adjustment_note(l, p, &u.name, a) + ".");
            }
        }
        out
    }

    /// "Khối …: UBND xã A, UBND xã B bằng 76,05 điểm cho 1 suất còn lại; chờ
    /// Hội đồng Thi đua - Khen thưởng xem xét, quyết định."
    fn tie_note(&self, q: &QuotaNomination) -> Option<String> {
        let tie = q.tie?;
        let tied: Vec<usize> = q
            .collectives
            .iter()
            .filter(|c| c.status == Status::Tie)
            .map(|c| c.score)
            .collect();
        let names: Vec<&str> = tied.iter().map(|&s| self.unit_name(s)).collect();
        let points = tied.first().map(|&s| self.points(s)).unwrap_or_default();
        Some(match self.lang {
            Lang::Vi => format!(
                "{}: {} bằng {points} điểm cho {} suất còn lại; chờ Hội đồng Thi đua - Khen thưởng xem xét, quyết định.",
                self.group_name(q),
                names.join(", "),
                tie.places
            ),
            Lang::En => format!(
                "{}: {} are tied at {points} points for the last {} place(s); awaiting the council's decision.",
                self.group_name(q),
                names.join(", "),
                tie.places
            ),
        })
    }

    fn individuals(&self) -> Option<DocTable> {
        let l = self.lang;
        let all: Vec<&Individual> = self.tn.quotas.iter().flat_map(|q| &q.individuals).collect();
        if all.is_empty() {
            return None;
        }
        let money = self.money().1;
        let mut columns = vec![
            col("STT", 10, Align::Centre),
            col(l.pick("Họ và tên", "Full name"), 22, Align::Left),
            col(l.pick("Chức vụ", "Position"), 22, Align::Left),
            col(l.pick("Đơn vị", "Unit"), 26, Align::Left),
            col(l.pick("Thành tích", "Achievements"), 24, Align::Left),
        ];
        if money.is_some() {
            columns.insert(4, col(reward_header(l), 18, Align::Centre));
            columns[3].weight = 22;
            columns[5].weight = 18;
        }
        let people = self.view.people.unwrap_or(&[]);
        let rows = all
            .iter()
            .enumerate()
            .map(|(k, i)| {
                let (name, position, note) = match i.pick {
                    Pick::Person(p) => (
                        people[p].full_name.clone() + &self.view.per_decision(i.decided),
                        or_blank(Some(&people[p].position)),
                        or_blank(Some(&people[p].note)),
                    ),
                    Pick::Tie { person, places } => (
                        format!(
                            "{}{}",
                            people[person].full_name,
                            l.pick(" (bằng điểm)", " (tied)")
                        ),
                        or_blank(Some(&people[person].position)),
                        match l {
                            Lang::Vi => format!("bằng điểm cho {places} suất; chờ quyết định"),
                            Lang::En => format!("tied for {places} place(s); awaiting a decision"),
                        },
                    ),
                    Pick::Missing | Pick::ToBeProposed => {
                        (BLANK.to_string(), BLANK.to_string(), BLANK.to_string())
                    }
                };
                let mut row = vec![
                    (k + 1).to_string(),
                    name,
                    position,
                    self.unit_name(i.collective).to_string(),
                    note,
                ];
                if let Some(m) = money {
                    let named = i.named();
                    row.insert(
                        4,
                        if named {
                            crate::report::money(l, m)
                        } else {
                            String::new()
                        },
                    );
                }
                row
            })
            .collect();
        Some(DocTable { columns, rows })
    }

    /// "Tổng cộng: 2 tập thể, 2 cá nhân.", with the reward budget when the
    /// tier has one: the same line as every other format.
    fn total(&self) -> String {
        format!("{}.", self.view.total_line(self.tn))
    }

    fn part(&self, fields: &DocFields) -> Part {
        let l = self.lang;
        let award = &self.view.units.campaign.tiers[self.tn.tier].award;
        let (collectives, notes) = self.collectives();
        // A tier that gives no collective place (people only, as a commune's
        // Giấy khen) has no collectives' section: its people are section I.
        let with_collectives = self.tn.quotas.iter().any(|q| q.places > 0);
        let mut blocks = Vec::new();
        if with_collectives {
            blocks.push(Block::Heading(
                l.pick("I. TẬP THỂ", "I. COLLECTIVES").into(),
            ));
            blocks.push(if collectives.rows.is_empty() {
                Block::Paragraph(
                    l.pick(
                        "Không có tập thể được đề nghị.",
                        "No collective is proposed.",
                    )
                    .into(),
                )
            } else {
                Block::Table(collectives)
            });
        }
        blocks.extend(notes.into_iter().map(Block::Note));
        if let Some(t) = self.individuals() {
            blocks.push(Block::Heading(match with_collectives {
                true => l.pick("II. CÁ NHÂN", "II. INDIVIDUALS").into(),
                false => l.pick("I. CÁ NHÂN", "I. INDIVIDUALS").into(),
            }));
            blocks.push(Block::Table(t));
        }
        blocks.push(Block::Total(self.total()));
        Part {
            title: vec![
                l.pick("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "AWARD PROPOSAL LIST")
                    .into(),
                award.clone(),
            ],
            attachment: Some(super::attachment(fields)),
            blocks,
            signature: super::signature(fields),
            landscape: false,
        }
    }
}

/// One part per tier shown.
pub fn parts(view: &NominationView, fields: &DocFields) -> Vec<Part> {
    view.tiers
        .iter()
        .map(|tn| {
            Tier {
                view,
                tn,
                lang: view.units.lang,
            }
            .part(fields)
        })
        .collect()
}

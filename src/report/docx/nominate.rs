//! `nominate` as the paper the council signs: per tier, the "Danh sách đề
//! nghị khen thưởng" with its collectives (STT, Tên tập thể, Khối, Điểm, Xếp
//! hạng, Thành tích) and individuals (STT, Họ và tên, Chức vụ, Đơn vị, Thành
//! tích), ties said in words, the totals and the signature block. Names
//! only: no tier, gate or unit id reaches the paper.

use super::fields::DocFields;
use super::model::{Align, Block, Column, DocTable, Part};
use super::words::{BLANK, num, or_blank};
use crate::i18n::Lang;
use crate::nomination::{Individual, Pick, QuotaNomination, Status, TierNomination, open_places};
use crate::report::nominate::NominationView;

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

    fn collectives(&self) -> (DocTable, Vec<String>) {
        let l = self.lang;
        let columns = vec![
            col("STT", 8, Align::Centre),
            col(l.pick("Tên tập thể", "Collective"), 30, Align::Left),
            col(l.pick("Khối", "Group"), 22, Align::Left),
            col(l.pick("Điểm", "Score"), 10, Align::Centre),
            col(l.pick("Xếp hạng", "Rank"), 10, Align::Centre),
            col(l.pick("Thành tích", "Achievements"), 22, Align::Left),
        ];
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
                rows.push(vec![
                    (rows.len() + 1).to_string(),
                    name,
                    self.group_name(q).to_string(),
                    self.points(c.score),
                    c.rank.to_string(),
                    BLANK.to_string(),
                ]);
            }
            notes.extend(self.tie_note(q));
        }
        (DocTable { columns, rows }, notes)
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
        let columns = vec![
            col("STT", 8, Align::Centre),
            col(l.pick("Họ và tên", "Full name"), 22, Align::Left),
            col(l.pick("Chức vụ", "Position"), 22, Align::Left),
            col(l.pick("Đơn vị", "Unit"), 26, Align::Left),
            col(l.pick("Thành tích", "Achievements"), 24, Align::Left),
        ];
        let people = self.view.people.unwrap_or(&[]);
        let rows = all
            .iter()
            .enumerate()
            .map(|(k, i)| {
                let (name, position, note) = match i.pick {
                    Pick::Person(p) => (
                        people[p].full_name.clone(),
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
                vec![
                    (k + 1).to_string(),
                    name,
                    position,
                    self.unit_name(i.collective).to_string(),
                    note,
                ]
            })
            .collect();
        Some(DocTable { columns, rows })
    }

    /// "Tổng cộng: 2 tập thể, 2 cá nhân."
    fn total(&self) -> String {
        let collectives = self
            .tn
            .quotas
            .iter()
            .flat_map(|q| &q.collectives)
            .filter(|c| c.status == Status::Nominated)
            .count();
        let all: Vec<&Individual> = self.tn.quotas.iter().flat_map(|q| &q.individuals).collect();
        let named = all
            .iter()
            .filter(|i| matches!(i.pick, Pick::Person(_)))
            .count();
        let open = open_places(&all);
        match self.lang {
            Lang::Vi => format!(
                "Tổng cộng: {collectives} tập thể, {named} cá nhân{}.",
                if open > 0 {
                    format!(" (còn {open} cá nhân do đơn vị đề xuất)")
                } else {
                    String::new()
                }
            ),
            Lang::En => format!(
                "Total: {collectives} collective(s), {named} individual(s){}.",
                if open > 0 {
                    format!(" ({open} still to be proposed by the units)")
                } else {
                    String::new()
                }
            ),
        }
    }

    fn part(&self, fields: &DocFields) -> Part {
        let l = self.lang;
        let award = &self.view.units.campaign.tiers[self.tn.tier].award;
        let (collectives, notes) = self.collectives();
        let mut blocks = vec![Block::Heading(
            l.pick("I. TẬP THỂ", "I. COLLECTIVES").into(),
        )];
        if collectives.rows.is_empty() {
            blocks.push(Block::Paragraph(
                l.pick(
                    "Không có tập thể được đề nghị.",
                    "No collective is proposed.",
                )
                .into(),
            ));
        } else {
            blocks.push(Block::Table(collectives));
        }
        blocks.extend(notes.into_iter().map(Block::Note));
        if let Some(t) = self.individuals() {
            blocks.push(Block::Heading(
                l.pick("II. CÁ NHÂN", "II. INDIVIDUALS").into(),
            ));
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

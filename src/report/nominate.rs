//! What `nominate` shows: per tier the collectives proposed under each quota
//! and their individuals, every judgement call spelled out; Markdown is the
//! ready-to-paste "Danh sách đề nghị khen thưởng".

mod data;
mod notes;

use super::units::View;
use super::{Cell, Table, md_escape, md_table};
use crate::i18n::Lang;
use crate::nomination::{
    Collective, Individual, Pick, QuotaNomination, Status, TierNomination, open_places,
};
use crate::people::Person;

pub struct NominationView<'a> {
    pub units: View<'a>,
    pub people: Option<&'a [Person]>,
    /// The tiers to show (all were computed, for the exclusive cascade).
    pub tiers: Vec<&'a TierNomination>,
    /// The council's decisions, shown beside what they settled.
    pub decisions: Option<&'a crate::decisions::Decisions>,
}

impl<'a> NominationView<'a> {
    fn lang(&self) -> Lang {
        self.units.lang
    }

    fn unit(&self, score: usize) -> &'a crate::metrics::UnitRow {
        &self.units.metrics.units[self.units.scores[score].unit]
    }

    fn tier_id(&self, t: usize) -> &'a str {
        &self.units.campaign.tiers[t].id
    }

    /// A tier as printed: its award ("Bằng khen của Chủ tịch UBND tỉnh"), its
    /// id with `--ids`.
    fn tier_label(&self, t: usize) -> &'a str {
        let tier = &self.units.campaign.tiers[t];
        if self.units.ids {
            &tier.id
        } else {
            &tier.award
        }
    }

    fn group_name(&self, q: &QuotaNomination) -> &str {
        &self.units.campaign.groups[q.group].name
    }

    /// "theo <document>" for a decision of the council, by index.
    fn per_decision(&self, d: Option<usize>) -> String {
        match (d, self.decisions) {
            (Some(d), Some(ds)) => format!(
                " ({} {})",
                self.lang().pick("theo", "per"),
                ds.ties[d].document
            ),
            _ => String::new(),
        }
    }

    fn status_label(&self, c: &Collective, tier: usize) -> String {
        format!(
            "{}{}",
            self.status_word(c, tier),
            self.per_decision(c.decided)
        )
    }

    fn status_word(&self, c: &Collective, tier: usize) -> String {
        let l = self.lang();
        match c.status {
            Status::Nominated => l.pick("đề nghị", "nominated").into(),
            Status::Tie => l
                .pick("bằng điểm — cần quyết định", "tied — decision needed")
                .into(),
            Status::BelowLine => l.pick("ngoài chỉ tiêu", "below the line").into(),
            Status::Ineligible => format!(
                "{} {}",
                l.pick("không đủ điều kiện:", "ineligible:"),
                crate::report::reason_names(self.units.campaign, &c.failed, Some(tier), l)
            ),
            Status::WonHigherTier(t) => {
                crate::report::won_label(l, &self.units.campaign.tiers[t].award)
            }
            Status::NoPlaces => l
                .pick(
                    "không xét tập thể ở cấp này",
                    "no collective places at this tier",
                )
                .into(),
        }
    }

    fn pick_text(&self, pick: Pick) -> (String, String, String) {
        let l = self.lang();
        match (pick, self.people) {
            (Pick::Person(p), Some(people)) => {
                let person = &people[p];
                let note = if person.direct {
                    l.pick("người trực tiếp", "direct worker")
                } else {
                    ""
                };
                (
                    person.full_name.clone(),
                    person.position.clone(),
                    note.to_string(),
                )
            }
            (Pick::Tie { person, places }, Some(people)) => (
                people[person].full_name.clone(),
                people[person].position.clone(),
                match l {
                    Lang::Vi => format!("bằng nhau cho {places} suất — cần quyết định"),
                    Lang::En => format!("tied for {places} place(s) — decision needed"),
                },
            ),
            (Pick::Missing, _) => (
                "—".into(),
                String::new(),
                l.pick(
                    "thiếu cá nhân: đơn vị phải đề xuất",
                    "individual missing: the unit must propose one",
                )
                .into(),
            ),
            _ => (
                "—".into(),
                String::new(),
                l.pick("do đơn vị đề xuất", "to be proposed by the unit")
                    .into(),
            ),
        }
    }

    fn collectives_table(&self, tn: &TierNomination, full: bool) -> Table {
        let l = self.lang();
        let p = self.units.campaign.precision;
        let mut headers: Vec<String> = vec![
            "STT".into(),
            l.pick("Tên tập thể", "Collective").into(),
            l.pick("Khối", "Group").into(),
            l.pick("Điểm", "Score").into(),
            l.pick("Xếp hạng", "Rank").into(),
        ];
        let ids = self.units.ids;
        if ids {
            headers.insert(1, l.pick("Mã", "Id").into());
        }
        if full {
            headers.push(l.pick("Trạng thái", "Status").into());
        }
        let mut rows = Vec::new();
        for q in &tn.quotas {
            for c in q
                .collectives
                .iter()
                .filter(|c| matches!(c.status, Status::Nominated | Status::Tie))
            {
                let u = self.unit(c.score);
                let mut row = vec![
                    Cell::Num((rows.len() + 1) as f64, 0),
                    Cell::text(&u.name),
                    Cell::text(self.group_name(q)),
                    Cell::Num(self.units.scores[c.score].total, p),
                    Cell::Num(c.rank as f64, 0),
                ];
                if c.status == Status::Tie && !full {
                    row[1] = Cell::text(format!(
                        "{} ({})",
                        u.name,
                        l.pick("bằng điểm — cần quyết định", "tied — decision needed")
                    ));
                }
                if full {
                    row.push(Cell::text(self.status_label(c, tn.tier)));
                }
                if ids {
                    row.insert(1, Cell::text(&u.id));
                }
                rows.push(row);
            }
        }
        let notes = tn
            .quotas
            .iter()
            .flat_map(|q| self.quota_notes(q, tn.tier))
            .collect();
        Table {
            title: None,
            headers,
            rows,
            notes,
        }
    }

    fn individuals_table(&self, tn: &TierNomination) -> Table {
        let l = self.lang();
        let headers = vec![
            "STT".into(),
            l.pick("Họ và tên", "Full name").into(),
            l.pick("Chức vụ", "Position").into(),
            l.pick("Đơn vị", "Unit").into(),
            l.pick("Ghi chú", "Note").into(),
        ];
        let rows = tn
            .quotas
            .iter()
            .flat_map(|q| &q.individuals)
            .enumerate()
            .map(|(k, i)| {
                let (name, position, mut note) = self.pick_text(i.pick);
                note.push_str(&self.per_decision(i.decided));
                vec![
                    Cell::Num((k + 1) as f64, 0),
                    Cell::text(name),
                    Cell::text(position),
                    Cell::text(&self.unit(i.collective).name),
                    Cell::text(note),
                ]
            })
            .collect();
        Table {
            title: None,
            headers,
            rows,
            notes: vec![],
        }
    }

    fn counts(&self, tn: &TierNomination) -> (usize, usize, usize) {
        let collectives = tn
            .quotas
            .iter()
            .flat_map(|q| &q.collectives)
            .filter(|c| c.status == Status::Nominated)
            .count();
        let individuals: Vec<&Individual> = tn.quotas.iter().flat_map(|q| &q.individuals).collect();
        let named = individuals
            .iter()
            .filter(|i| matches!(i.pick, Pick::Person(_)))
            .count();
        (collectives, named, open_places(&individuals))
    }

    fn total_line(&self, tn: &TierNomination) -> String {
        let mut s = self.count_line(tn);
        if let Some(r) = tn.reward {
            let l = self.lang();
            let money = |x: f64| crate::report::money(l, x);
            s.push_str(&match l {
                Lang::Vi => format!(
                    ". Dự toán kinh phí khen thưởng: {} tập thể × {} + {} cá nhân × {} = {} đồng",
                    r.collectives,
                    money(r.per_collective),
                    r.individuals,
                    money(r.per_individual),
                    money(r.total)
                ),
                Lang::En => format!(
                    ". Reward budget: {} collective(s) × {} + {} individual(s) × {} = {} VND",
                    r.collectives,
                    money(r.per_collective),
                    r.individuals,
                    money(r.per_individual),
                    money(r.total)
                ),
            });
        }
        s
    }

    fn count_line(&self, tn: &TierNomination) -> String {
        let (c, named, open) = self.counts(tn);
        match self.lang() {
            Lang::Vi => format!(
                "Tổng cộng: {c} tập thể, {named} cá nhân{}",
                if open > 0 {
                    format!(" (còn {open} cá nhân do đơn vị đề xuất)")
                } else {
                    String::new()
                }
            ),
            Lang::En => format!(
                "Total: {c} collective(s), {named} individual(s){}",
                if open > 0 {
                    format!(" ({open} still to be proposed by units)")
                } else {
                    String::new()
                }
            ),
        }
    }

    fn heading(&self, tn: &TierNomination) -> String {
        let t = &self.units.campaign.tiers[tn.tier];
        format!(
            "{} — {}",
            self.lang()
                .pick("Danh sách đề nghị khen thưởng", "Award proposal list"),
            t.award
        )
    }

    /// Terminal tables: collectives (with ids and statuses), then individuals.
    pub fn tables(&self) -> Vec<Table> {
        let l = self.lang();
        let mut out = Vec::new();
        for tn in &self.tiers {
            let mut c = self.collectives_table(tn, true);
            c.title = Some(format!(
                "{} — {} {}",
                self.heading(tn),
                l.pick("Kế hoạch", "Plan"),
                self.units.campaign.id
            ));
            out.push(c);
            let mut i = self.individuals_table(tn);
            i.notes.push(self.total_line(tn));
            out.push(i);
        }
        out
    }

    /// Markdown ready to paste into the proposal file.
    pub fn markdown(&self) -> String {
        let l = self.lang();
        let mut out = String::new();
        for tn in &self.tiers {
            out.push_str(&format!("# {}\n\n", md_escape(&self.heading(tn))));
            // The list goes with a Tờ trình (SPEC 9); its number, date and
            // issuer are left for the office to fill in.
            out.push_str(&format!(
                "{}\n\n",
                l.pick(
                    "(Kèm theo Tờ trình số …/TTr-… ngày … của …)",
                    "(Attached to Submission No. …/TTr-… of … by …)"
                )
            ));
            let c = self.collectives_table(tn, false);
            out.push_str(&format!(
                "## {}\n\n{}\n",
                l.pick("Tập thể", "Collectives"),
                md_table(&c, l)
            ));
            out.push_str(&format!(
                "## {}\n\n{}\n",
                l.pick("Cá nhân", "Individuals"),
                md_table(&self.individuals_table(tn), l)
            ));
            out.push_str(&format!("**{}**\n\n", md_escape(&self.total_line(tn))));
            for n in &c.notes {
                out.push_str(&format!("- {}\n", md_escape(n)));
            }
            out.push('\n');
        }
        out
    }
}

/// The tier a quota of the view belongs to.
fn tier_of_quota(view: &NominationView, q: &QuotaNomination) -> usize {
    view.tiers
        .iter()
        .find(|t| t.quotas.iter().any(|x| std::ptr::eq(x, q)))
        .map_or(0, |t| t.tier)
}

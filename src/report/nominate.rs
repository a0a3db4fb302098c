//! What `nominate` shows: per tier the collectives proposed under each quota
//! and their individuals, every judgement call spelled out; Markdown is the
//! ready-to-paste "Danh sách đề nghị khen thưởng".

mod data;
mod notes;

use super::units::View;
use super::{Cell, Table, md_escape, md_table};
use crate::i18n::Lang;
use crate::nomination::{Collective, Pick, QuotaNomination, Status, TierNomination, open_places};
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
    pub(crate) fn per_decision(&self, d: Option<usize>) -> String {
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
        let money = self.reward_each(tn).map(|(c, _)| c).filter(|&c| c > 0.0);
        if money.is_some() {
            headers.push(reward_header(l).into());
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
                if let Some(m) = money {
                    row.push(if c.nominated() {
                        Cell::Num(m, 0)
                    } else {
                        Cell::Empty
                    });
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
        let money = self.reward_each(tn).map(|(_, i)| i).filter(|&i| i > 0.0);
        let mut headers = vec![
            "STT".into(),
            l.pick("Họ và tên", "Full name").into(),
            l.pick("Chức vụ", "Position").into(),
            l.pick("Đơn vị", "Unit").into(),
            l.pick("Ghi chú", "Note").into(),
        ];
        if money.is_some() {
            headers.insert(4, reward_header(l).into());
        }
        let rows = tn
            .quotas
            .iter()
            .flat_map(|q| &q.individuals)
            .enumerate()
            .map(|(k, i)| {
                let (name, position, mut note) = self.pick_text(i.pick);
                note.push_str(&self.per_decision(i.decided));
                let mut row = vec![
                    Cell::Num((k + 1) as f64, 0),
                    Cell::text(name),
                    Cell::text(position),
                    Cell::text(&self.unit(i.collective).name),
                    Cell::text(note),
                ];
                if let Some(m) = money {
                    let named = i.named();
                    row.insert(4, if named { Cell::Num(m, 0) } else { Cell::Empty });
                }
                row
            })
            .collect();
        Table {
            title: None,
            headers,
            rows,
            notes: vec![],
        }
    }

    /// Collectives nominated, people named, people still to be proposed by
    /// their units, places contested by tied people.
    fn counts(&self, tn: &TierNomination) -> (usize, usize, usize, usize) {
        let collectives = tn
            .quotas
            .iter()
            .flat_map(|q| &q.collectives)
            .filter(|c| c.nominated())
            .count();
        let named = tn
            .quotas
            .iter()
            .flat_map(|q| &q.individuals)
            .filter(|i| i.named())
            .count();
        let (open, contested) = tn
            .quotas
            .iter()
            .map(open_places)
            .fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
        (collectives, named, open, contested)
    }

    /// "Tổng cộng: 7 tập thể, 10 cá nhân. Dự toán kinh phí khen thưởng: 7 tập
    /// thể × 7.020.000 + 10 cá nhân × 3.510.000 = 84.240.000 đồng" (a kind the
    /// tier does not reward is left out of the sum).
    pub(crate) fn total_line(&self, tn: &TierNomination) -> String {
        let mut s = self.count_line(tn);
        if let Some(r) = tn.reward {
            let l = self.lang();
            let money = |x: f64| crate::report::money(l, x);
            let mut terms = Vec::new();
            if r.per_collective > 0.0 {
                let what = l.pick("tập thể", "collective(s)");
                terms.push(format!(
                    "{} {what} × {}",
                    r.collectives,
                    money(r.per_collective)
                ));
            }
            if r.per_individual > 0.0 {
                let what = l.pick("cá nhân", "individual(s)");
                terms.push(format!(
                    "{} {what} × {}",
                    r.individuals,
                    money(r.per_individual)
                ));
            }
            s.push_str(&match l {
                Lang::Vi => format!(
                    ". Dự toán kinh phí khen thưởng: {} = {} đồng",
                    terms.join(" + "),
                    money(r.total)
                ),
                Lang::En => format!(
                    ". Reward budget: {} = {} VND",
                    terms.join(" + "),
                    money(r.total)
                ),
            });
        }
        s
    }

    /// The money of one collective and of one person in this tier's list
    /// (`reward` × `base_salary`), when the tier has a reward.
    fn reward_each(&self, tn: &TierNomination) -> Option<(f64, f64)> {
        tn.reward.map(|r| (r.per_collective, r.per_individual))
    }

    fn count_line(&self, tn: &TierNomination) -> String {
        let (c, named, open, contested) = self.counts(tn);
        let l = self.lang();
        let mut pending = Vec::new();
        if open > 0 {
            pending.push(match l {
                Lang::Vi => format!("còn {open} cá nhân do đơn vị đề xuất"),
                Lang::En => format!("{open} still to be proposed by units"),
            });
        }
        if contested > 0 {
            pending.push(match l {
                Lang::Vi => format!("{contested} suất cá nhân chờ quyết định"),
                Lang::En => format!("{contested} individual place(s) awaiting a decision"),
            });
        }
        let pending = if pending.is_empty() {
            String::new()
        } else {
            format!(" ({})", pending.join("; "))
        };
        match l {
            Lang::Vi => format!("Tổng cộng: {c} tập thể, {named} cá nhân{pending}"),
            Lang::En => format!("Total: {c} collective(s), {named} individual(s){pending}"),
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

/// The money column of a list with a `reward`.
pub(crate) fn reward_header(l: Lang) -> &'static str {
    l.pick("Tiền thưởng (đồng)", "Reward (VND)")
}

/// The tier a quota of the view belongs to.
fn tier_of_quota(view: &NominationView, q: &QuotaNomination) -> usize {
    view.tiers
        .iter()
        .find(|t| t.quotas.iter().any(|x| std::ptr::eq(x, q)))
        .map_or(0, |t| t.tier)
}

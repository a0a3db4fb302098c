//! The notes under a quota of the nomination list: places filled and left
//! open by a tie, what a per-unit cap passed over, the council's decisions,
//! who went to a higher tier, who is ineligible and why, how many are out.

use super::{NominationView, tier_of_quota};
use crate::i18n::Lang;
use crate::nomination::{Collective, QuotaNomination, Status};

impl NominationView<'_> {
    /// The notes under a quota: places, ties, and who is out and why.
    pub(super) fn quota_notes(&self, q: &QuotaNomination, tier: usize) -> Vec<String> {
        let l = self.lang();
        let mut notes = Vec::new();
        if q.basis.is_some() {
            notes.push(format!(
                "{}: {}",
                self.group_name(q),
                crate::report::quota_note(l, q.places, q.filled, q.tie)
            ));
        }
        if let Some(b) = &q.people_basis {
            // People across the group only (those of `individuals_each` go
            // with their collective); tied people fill no place.
            let picked = q
                .individuals
                .iter()
                .filter(|i| i.across && i.named())
                .count();
            let (open, tied) = crate::nomination::across_ties(q);
            let group = self.group_name(q);
            let mut note = match l {
                Lang::Vi => format!(
                    "{group}: cá nhân toàn khối: Đã xếp {picked}/{} suất",
                    b.places
                ),
                Lang::En => format!(
                    "{group}: people across the group: {picked}/{} places filled",
                    b.places
                ),
            };
            if tied > 0 {
                note.push_str(&match l {
                    Lang::Vi => format!("; {open} suất chờ quyết định ({tied} người bằng nhau)"),
                    Lang::En => {
                        format!("; {open} place(s) awaiting a decision ({tied} people tied)")
                    }
                });
            }
            // Places no one can take: every eligible person of the group is
            // proposed already (here or at a higher tier) or their unit is
            // at its cap.
            let empty = b.places.saturating_sub(picked as u32 + open);
            if empty > 0 && self.people.is_some() {
                note.push_str(&match l {
                    Lang::Vi => format!(
                        "; {empty} suất bỏ trống: không còn người đủ điều kiện chưa được đề nghị"
                    ),
                    Lang::En => format!(
                        "; {empty} place(s) left empty: no eligible person not yet proposed"
                    ),
                });
            }
            notes.push(note);
        }
        let bases = [(&q.basis, false), (&q.people_basis, true)];
        for (basis, people) in bases {
            if let Some(b) = basis
                .as_ref()
                .and_then(|b| crate::report::basis_note(l, b, people))
            {
                notes.push(b);
            }
        }
        if !q.capped.is_empty() {
            let cap = self.units.campaign.tiers[tier_of_quota(self, q)]
                .quotas
                .iter()
                .find(|x| x.group == q.group)
                .and_then(|x| x.per_unit)
                .unwrap_or(0);
            let list: Vec<String> = q
                .capped
                .iter()
                .map(|&(u, k)| format!("{} ({k})", self.unit(u).name))
                .collect();
            notes.push(match l {
                Lang::Vi => format!(
                    "Giới hạn {cap} đề nghị mỗi đơn vị đã bỏ qua: {}",
                    list.join("; ")
                ),
                Lang::En => format!(
                    "The cap of {cap} proposal(s) per unit passed over: {}",
                    list.join("; ")
                ),
            });
        }
        if let (Some((t, d)), Some(ds)) = (q.settled, self.decisions) {
            notes.push(crate::report::settled_note(l, t, &ds.ties[d].document));
        }
        if let Some(ds) = self.decisions {
            for c in &q.collectives {
                let u = self.unit(c.score);
                let p = self.units.campaign.precision;
                for a in ds.adjustments_of(&u.id) {
                    notes.push(crate::report::adjustment_note(l, p, &u.name, a));
                }
            }
        }
        let list = |pred: &dyn Fn(&Collective) -> bool,
                    detail: &dyn Fn(&Collective) -> String|
         -> Vec<String> {
            q.collectives
                .iter()
                .filter(|c| pred(c))
                .map(|c| format!("{}{}", self.unit(c.score).name, detail(c)))
                .collect()
        };
        let won = list(
            &|c| matches!(c.status, Status::WonHigherTier(_)),
            &|c| match c.status {
                Status::WonHigherTier(t) => format!(" ({})", self.tier_label(t)),
                _ => String::new(),
            },
        );
        if !won.is_empty() {
            notes.push(format!(
                "{} {}",
                l.pick("Đã đề nghị ở cấp cao hơn:", "Won a higher tier:"),
                won.join("; ")
            ));
        }
        let tied_higher = list(
            &|c| c.tied_higher.is_some() && c.status == Status::Nominated,
            &|c| format!(" ({})", c.tied_higher.map_or("", |t| self.tier_label(t))),
        );
        if !tied_higher.is_empty() {
            notes.push(format!(
                "{} {}",
                l.pick(
                    "Còn bằng điểm ở cấp cao hơn, nếu được chọn ở đó sẽ rời danh sách này:",
                    "Still tied at a higher tier; if chosen there, leaves this list:"
                ),
                tied_higher.join("; ")
            ));
        }
        let inel = list(&|c| c.status == Status::Ineligible, &|c| {
            format!(
                " ({})",
                crate::report::reason_names(self.units.campaign, &c.failed, Some(tier), l)
            )
        });
        if !inel.is_empty() {
            notes.push(format!(
                "{} {}",
                l.pick("Không đủ điều kiện:", "Ineligible:"),
                inel.join("; ")
            ));
        }
        let below = q
            .collectives
            .iter()
            .filter(|c| c.status == Status::BelowLine)
            .count();
        if below > 0 {
            notes.push(match l {
                Lang::Vi => format!("Ngoài chỉ tiêu: {below} đơn vị"),
                Lang::En => format!("Below the line: {below} unit(s)"),
            });
        }
        notes
    }
}

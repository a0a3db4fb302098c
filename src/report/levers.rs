//! How the levers show up in the rank reports, through the what-if columns
//! mechanism ([`UnitColumns`]): for people one short column "Để vào chỉ tiêu"
//! with the cheapest lever in words; for scripts the k, total, rank and
//! reason of every lever; in JSON a `levers` list per unit.

use serde_json::{Value, json};

use super::Cell;
use super::units::UnitColumns;
use crate::campaign::Campaign;
use crate::i18n::Lang;
use crate::levers::{Answer, Outcome, SEARCH_CAP, UnitLevers, Why};
use crate::metrics::Metrics;
use crate::scoring::{fmt_num, round_to};

/// The answers of `rank --tier T --levers`, by score index.
pub struct LeverColumns<'a> {
    pub campaign: &'a Campaign,
    pub metrics: &'a Metrics,
    pub tier: usize,
    pub answers: Vec<Option<UnitLevers>>,
}

/// "12 hồ sơ trễ hạn được giải quyết đúng hạn": k and the lever's name.
pub fn in_words(c: &Campaign, a: &Answer) -> Option<String> {
    a.k().map(|k| format!("{k} {}", c.levers[a.lever].name))
}

/// For people: "không đủ: tiêu chí đã tối đa"; gates and tiers by name
/// (`tier`: the tier whose line the search is for).
pub fn why_text(why: &Why, c: &Campaign, m: &Metrics, tier: usize, lang: Lang) -> String {
    let name = |i: &usize| m.names[*i].as_str();
    match why {
        Why::AtMax => lang
            .pick(
                "không đủ: tiêu chí đã tối đa",
                "not enough: the criteria are at their maximum",
            )
            .into(),
        Why::MaxNotEnough => lang
            .pick(
                "chưa đủ kể cả khi đạt tối đa",
                "not enough even at the criteria's maximum",
            )
            .into(),
        Why::NoEffect => lang
            .pick(
                "không đủ: biện pháp không làm thay đổi điểm",
                "not enough: the lever changes no points",
            )
            .into(),
        Why::NoGain => lang
            .pick(
                "không đủ: biện pháp không làm tăng điểm",
                "not enough: the lever does not raise the score",
            )
            .into(),
        Why::Gate(r) => format!(
            "{} {}",
            lang.pick("không qua điều kiện:", "fails:"),
            super::reason_names(c, r, Some(tier), lang)
        ),
        Why::HigherTier(t) => format!(
            "{} {}",
            lang.pick("vào cấp cao hơn:", "takes a place of the higher tier"),
            c.tiers[*t].award
        ),
        Why::Zero(i) => format!(
            "{} ({} = 0)",
            lang.pick("chạm giới hạn số liệu", "reaches a data limit"),
            name(i)
        ),
        Why::Part(ps, w) => format!(
            "{} ({} ≤ {})",
            lang.pick("chạm giới hạn số liệu", "reaches a data limit"),
            ps.iter().map(name).collect::<Vec<_>>().join(" + "),
            name(w)
        ),
        Why::Missing(i) => format!("{} {}", lang.pick("thiếu số liệu:", "no figure:"), name(i)),
        Why::Cap => format!(
            "{} {SEARCH_CAP}",
            lang.pick("không đủ với k ≤", "not enough with k ≤")
        ),
        Why::Undefined => lang
            .pick(
                "không tính được điểm (when_undefined: error)",
                "cannot be scored (when_undefined: error)",
            )
            .into(),
    }
}

impl LeverColumns<'_> {
    /// The people's cell: the cheapest lever, else why none works.
    fn summary(&self, u: &UnitLevers, l: Lang) -> String {
        if let Some(a) = u.cheapest() {
            return in_words(self.campaign, a).unwrap_or_default();
        }
        let whys: Vec<String> = u
            .answers
            .iter()
            .filter_map(|a| match &a.outcome {
                Outcome::Unreachable { why, .. } => {
                    Some(why_text(why, self.campaign, self.metrics, self.tier, l))
                }
                Outcome::Reached { .. } => None,
            })
            .collect();
        match whys.first() {
            Some(w) if whys.iter().all(|x| x == w) => w.clone(),
            Some(_) => l
                .pick(
                    "không biện pháp nào đủ (xem thidua gap)",
                    "no lever is enough (see thidua gap)",
                )
                .into(),
            None => String::new(),
        }
    }
}

impl UnitColumns for LeverColumns<'_> {
    fn headers(&self, l: Lang, machine: bool) -> Vec<String> {
        if !machine {
            return vec![l.pick("Để vào chỉ tiêu", "To get in").into()];
        }
        self.campaign
            .levers
            .iter()
            .flat_map(|lv| ["k", "total", "rank", "reason"].map(|f| format!("lever_{}_{f}", lv.id)))
            .collect()
    }

    fn cells(&self, i: usize, l: Lang, machine: bool) -> Vec<Cell> {
        let u = self.answers.get(i).and_then(Option::as_ref);
        if !machine {
            return vec![u.map_or(Cell::Empty, |u| Cell::text(self.summary(u, l)))];
        }
        let p = self.campaign.precision;
        let Some(u) = u else {
            return vec![Cell::Empty; 4 * self.campaign.levers.len()];
        };
        u.answers
            .iter()
            .flat_map(|a| match &a.outcome {
                Outcome::Reached { k, score, rank } => [
                    Cell::Num(*k as f64, 0),
                    Cell::Num(score.total, p),
                    Cell::Num(f64::from(*rank), 0),
                    Cell::Empty,
                ],
                Outcome::Unreachable { why, .. } => {
                    [Cell::Empty, Cell::Empty, Cell::Empty, Cell::text(why.id())]
                }
            })
            .collect()
    }

    fn json(&self, i: usize) -> (&'static str, Value) {
        let Some(u) = self.answers.get(i).and_then(Option::as_ref) else {
            return ("levers", Value::Null);
        };
        let p = self.campaign.precision;
        let list = u
            .answers
            .iter()
            .map(|a| {
                let id = &self.campaign.levers[a.lever].id;
                match &a.outcome {
                    Outcome::Reached { k, score, rank } => json!({
                        "id": id, "k": k, "reachable": true,
                        "total": round_to(score.total, p), "rank": rank,
                        "monotone": a.monotone,
                    }),
                    Outcome::Unreachable { why, k_max } => json!({
                        "id": id, "k": null, "reachable": false, "total": null, "rank": null,
                        "reason": why.id(),
                        "reason_text": why_text(why, self.campaign, self.metrics, self.tier, Lang::Vi),
                        "k_max": k_max, "monotone": a.monotone,
                    }),
                }
            })
            .collect();
        ("levers", Value::Array(list))
    }

    fn notes(&self, l: Lang) -> Vec<String> {
        let c = self.campaign;
        let mut notes = vec![format!(
            "{} {}; {} thidua gap MÃ --tier {}",
            l.pick(
                "Để vào chỉ tiêu: số lần ít nhất của biện pháp rẻ nhất (các đơn vị khác giữ nguyên) để vào chỉ tiêu",
                "To get in: the fewest steps of the cheapest lever (other units unchanged) to get inside the quota of",
            ),
            c.tiers[self.tier].award,
            l.pick("chi tiết:", "details:"),
            c.tiers[self.tier].id,
        )];
        notes.extend(c.levers.iter().map(|lv| {
            let change: Vec<String> = lv
                .change
                .iter()
                .map(|(m, d)| format!("{m} {}", fmt_signed(*d)))
                .collect();
            format!("{} ({})", lv.name, change.join(", "))
        }));
        notes
    }
}

fn fmt_signed(d: i64) -> String {
    if d > 0 {
        format!("+{}", fmt_num(d as f64, 0))
    } else {
        fmt_num(d as f64, 0)
    }
}

//! How each what-if mode shows up in the unit reports: its columns for people
//! (signed changes, arrows, a robustness mark), its stable CSV columns and its
//! JSON member, so `score` and `rank` only choose which modes to show.

use serde_json::{Map, Value, json};

use super::Cell;
use super::units::{UnitColumns, line_id};
use crate::campaign::Campaign;
use crate::i18n::Lang;
use crate::ranking::GroupRanking;
use crate::scoring::round_to;
use crate::whatif::baseline::Change;
use crate::whatif::compare::{self, Shift, Versus};
use crate::whatif::sensitivity::{Draws, Robustness};

/// A change in points for people: `+1,50`, `-0,25`, `0,00` (`+1.50` in English).
fn signed(x: f64, precision: u32, l: Lang) -> String {
    let s = l.num(x, precision);
    if round_to(x, precision) > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

/// Places gained for people: `▲2`, `▼1`, `=`.
fn arrow(places: i64) -> String {
    match places {
        0 => "=".into(),
        p if p > 0 => format!("▲{p}"),
        p => format!("▼{}", -p),
    }
}

/// Change since the baseline (`--baseline`, `--baseline-period`).
pub struct BaselineColumns<'a> {
    pub campaign: &'a Campaign,
    /// By score index.
    pub changes: Vec<Option<Change>>,
    /// What the baseline is, for the notes: file and periods.
    pub label: String,
    /// Current ranks by score index, when the report ranks (adds rank change).
    pub ranks: Option<Vec<Option<u32>>>,
    /// Show the change of every criterion in people's tables too.
    pub per_criterion: bool,
}

impl BaselineColumns<'_> {
    fn delta_rank(&self, i: usize, base: u32) -> Option<i64> {
        let now = self.ranks.as_ref()?[i]?;
        Some(i64::from(base) - i64::from(now))
    }
}

impl UnitColumns for BaselineColumns<'_> {
    fn headers(&self, l: Lang, machine: bool) -> Vec<String> {
        let ids = self.campaign.criteria.iter().map(|c| &c.id);
        if machine {
            let mut h = vec!["baseline_total".to_string(), "delta_total".to_string()];
            if self.ranks.is_some() {
                h.extend(["baseline_rank".to_string(), "delta_rank".to_string()]);
            }
            h.extend(ids.map(|id| format!("delta_{id}")));
            return h;
        }
        let mut h = vec![
            l.pick("Tổng kỳ gốc", "Baseline total").to_string(),
            l.pick("Δ tổng", "Δ total").to_string(),
        ];
        if self.ranks.is_some() {
            h.extend([
                l.pick("Hạng kỳ gốc", "Baseline rank").to_string(),
                l.pick("Δ hạng", "Δ rank").to_string(),
            ]);
        }
        if self.per_criterion {
            h.extend(ids.map(|id| format!("Δ {id}")));
        }
        h
    }

    fn cells(&self, i: usize, l: Lang, machine: bool) -> Vec<Cell> {
        let p = self.campaign.precision;
        let k = self.campaign.criteria.len();
        let ranked = self.ranks.is_some();
        let width =
            2 + if ranked { 2 } else { 0 } + if machine || self.per_criterion { k } else { 0 };
        let Some(ch) = &self.changes[i] else {
            return vec![Cell::Empty; width];
        };
        let delta = |x: f64| {
            if machine {
                Cell::Num(x, p)
            } else {
                Cell::text(signed(x, p, l))
            }
        };
        let mut r = vec![Cell::Num(ch.total, p), delta(ch.delta_total)];
        if ranked {
            r.push(Cell::Num(f64::from(ch.rank), 0));
            r.push(match self.delta_rank(i, ch.rank) {
                Some(d) if machine => Cell::Num(d as f64, 0),
                Some(d) => Cell::text(arrow(d)),
                None => Cell::Empty,
            });
        }
        if machine || self.per_criterion {
            r.extend(ch.criteria.iter().map(|d| d.map_or(Cell::Empty, delta)));
        }
        r
    }

    fn json(&self, i: usize) -> (&'static str, Value) {
        let Some(ch) = &self.changes[i] else {
            return ("baseline", Value::Null);
        };
        let p = self.campaign.precision;
        let criteria: Map<String, Value> = self
            .campaign
            .criteria
            .iter()
            .zip(&ch.criteria)
            .map(|(c, d)| (c.id.clone(), json!(d.map(|x| round_to(x, p)))))
            .collect();
        let mut o = Map::new();
        o.insert("total".into(), json!(round_to(ch.total, p)));
        o.insert("delta_total".into(), json!(round_to(ch.delta_total, p)));
        o.insert("criteria".into(), Value::Object(criteria));
        if self.ranks.is_some() {
            o.insert("rank".into(), json!(ch.rank));
            o.insert("delta_rank".into(), json!(self.delta_rank(i, ch.rank)));
        }
        ("baseline", Value::Object(o))
    }

    fn notes(&self, l: Lang) -> Vec<String> {
        vec![format!(
            "{} {}; {}",
            l.pick("Kỳ gốc:", "Baseline:"),
            self.label,
            l.pick(
                "Δ = hiện tại − kỳ gốc; Δ hạng ▲ = tăng hạng",
                "Δ = now − baseline; Δ rank ▲ = places gained"
            )
        )]
    }
}

/// The same units under a second campaign or weights (`--compare`, `--compare-weights`).
pub struct CompareColumns {
    /// By score index.
    pub versus: Vec<Option<Versus>>,
    pub precision: u32,
    /// What A and B are, for the notes.
    pub a_label: String,
    pub b_label: String,
    /// A tier was given: quota places exist.
    pub quota: bool,
}

impl CompareColumns {
    fn shift_label(&self, v: &Versus, l: Lang) -> String {
        match v.shift() {
            Shift::Enters => l.pick("▲ vào chỉ tiêu", "▲ enters the quota").into(),
            Shift::Leaves => l.pick("▼ ra khỏi chỉ tiêu", "▼ leaves the quota").into(),
            Shift::TiesAtLine => l
                .pick("= bằng điểm tại ranh giới", "= tied at the line")
                .into(),
            Shift::Same if v.in_quota_b() == Some(true) => "✓".into(),
            Shift::Same => String::new(),
        }
    }
}

impl UnitColumns for CompareColumns {
    fn headers(&self, l: Lang, machine: bool) -> Vec<String> {
        if machine {
            return [
                "compare_rank",
                "compare_total",
                "delta_rank",
                "in_quota_a",
                "in_quota_b",
                "compare_line",
            ]
            .map(String::from)
            .to_vec();
        }
        let mut h = vec![
            l.pick("Hạng (B)", "Rank (B)").to_string(),
            l.pick("Δ hạng", "Δ rank").to_string(),
            l.pick("Tổng điểm (B)", "Total (B)").to_string(),
        ];
        if self.quota {
            h.push(l.pick("Chỉ tiêu (B)", "Quota (B)").to_string());
        }
        h
    }

    fn cells(&self, i: usize, l: Lang, machine: bool) -> Vec<Cell> {
        let Some(v) = &self.versus[i] else {
            return vec![
                Cell::Empty;
                if machine {
                    6
                } else {
                    3 + usize::from(self.quota)
                }
            ];
        };
        let p = self.precision;
        let rank_b = v.rank_b.map_or(Cell::Empty, |r| Cell::Num(f64::from(r), 0));
        if machine {
            let flag = |b: Option<bool>| b.map_or(Cell::Empty, |b| Cell::text(b.to_string()));
            return vec![
                rank_b,
                Cell::Num(v.total_b, p),
                v.delta_rank()
                    .map_or(Cell::Empty, |d| Cell::Num(d as f64, 0)),
                flag(v.in_quota_a()),
                flag(v.in_quota_b()),
                v.line_b.map_or(Cell::Empty, |s| Cell::text(line_id(s))),
            ];
        }
        let mut r = vec![
            rank_b,
            v.delta_rank().map_or(Cell::Empty, |d| Cell::text(arrow(d))),
            Cell::Num(v.total_b, p),
        ];
        if self.quota {
            r.push(Cell::text(self.shift_label(v, l)));
        }
        r
    }

    fn json(&self, i: usize) -> (&'static str, Value) {
        let Some(v) = &self.versus[i] else {
            return ("compare", Value::Null);
        };
        (
            "compare",
            json!({
                "rank": v.rank_b,
                "total": round_to(v.total_b, self.precision),
                "delta_rank": v.delta_rank(),
                "in_quota_a": v.in_quota_a(),
                "in_quota_b": v.in_quota_b(),
                "line": v.line_b.map(line_id),
            }),
        )
    }

    fn notes(&self, l: Lang) -> Vec<String> {
        vec![format!(
            "A: {}; B: {}; {}",
            self.a_label,
            self.b_label,
            l.pick(
                "Δ hạng ▲ = tăng hạng khi tính theo B",
                "Δ rank ▲ = places gained under B"
            )
        )]
    }

    fn group_notes(&self, g: &GroupRanking, l: Lang) -> Vec<String> {
        if !self.quota {
            return Vec::new();
        }
        let (enter, leave) = compare::shifts(g, &self.versus);
        vec![match l {
            Lang::Vi => format!("Theo B: {enter} đơn vị vào, {leave} đơn vị ra khỏi chỉ tiêu"),
            Lang::En => format!("Under B: {enter} unit(s) enter, {leave} leave the quota"),
        }]
    }
}

/// Rank stability under random weights (`--sensitivity`).
pub struct SensitivityColumns {
    /// By score index.
    pub robustness: Vec<Option<Robustness>>,
    pub draws: Draws,
}

impl UnitColumns for SensitivityColumns {
    fn headers(&self, l: Lang, machine: bool) -> Vec<String> {
        if machine {
            return ["median_rank", "p5_rank", "p95_rank", "p_in_quota", "robust"]
                .map(String::from)
                .to_vec();
        }
        vec![
            l.pick("Hạng trung vị", "Median rank").into(),
            l.pick("Hạng p5–p95", "Rank p5–p95").into(),
            l.pick("Xác suất trong chỉ tiêu", "P(in quota)").into(),
            l.pick("Độ vững", "Robust").into(),
        ]
    }

    fn cells(&self, i: usize, l: Lang, machine: bool) -> Vec<Cell> {
        let Some(r) = &self.robustness[i] else {
            return vec![Cell::Empty; if machine { 5 } else { 4 }];
        };
        let rank = |x: u32| Cell::Num(f64::from(x), 0);
        if machine {
            return vec![
                rank(r.median_rank),
                rank(r.p5_rank),
                rank(r.p95_rank),
                Cell::Num(r.p_in_quota, 4),
                Cell::text(r.robust().to_string()),
            ];
        }
        vec![
            rank(r.median_rank),
            Cell::text(format!("{}–{}", r.p5_rank, r.p95_rank)),
            Cell::text(l.percent(100.0 * r.p_in_quota, 1)),
            Cell::text(if r.robust() {
                ""
            } else {
                l.pick("⚠ chưa vững", "⚠ not robust")
            }),
        ]
    }

    fn json(&self, i: usize) -> (&'static str, Value) {
        let Some(r) = &self.robustness[i] else {
            return ("sensitivity", Value::Null);
        };
        (
            "sensitivity",
            json!({
                "nominal_rank": r.nominal_rank,
                "median_rank": r.median_rank,
                "p5_rank": r.p5_rank,
                "p95_rank": r.p95_rank,
                "p_in_quota": round_to(r.p_in_quota, 4),
            }),
        )
    }

    fn notes(&self, l: Lang) -> Vec<String> {
        let d = self.draws;
        let spread = l.num(100.0 * d.spread, 1);
        vec![match l {
            Lang::Vi => format!(
                "Độ nhạy: {} lần rút, hạt giống {}; mỗi lần, điểm của mỗi tiêu chí nhân một hệ số ngẫu nhiên trong ±{spread}% rồi chia lại để tổng điểm tối đa không đổi, xếp hạng lại từng khối. Xác suất trong chỉ tiêu: tỷ lệ số lần đơn vị nằm trong chỉ tiêu, bằng điểm tại ranh giới tính một nửa. ⚠ chưa vững: xác suất từ 10% đến 90%, bằng điểm tại ranh giới, hoặc kết quả danh nghĩa không giữ được trong hơn 90% số lần.",
                d.count, d.seed
            ),
            Lang::En => format!(
                "Sensitivity: {} draws, seed {}; in each, every criterion's points are multiplied by a random factor within ±{spread}% and rescaled so the maximum stays the same, and each group is ranked again. P(in quota): share of draws inside the quota places, a tie at the line counting half. ⚠ not robust: probability between 10% and 90%, a tie at the line, or a nominal place that holds in at most 90% of draws.",
                d.count, d.seed
            ),
        }]
    }
}

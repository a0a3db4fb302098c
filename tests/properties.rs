//! Laws of scoring and ranking that must hold for any data.

use proptest::prelude::*;
use thidua::campaign::Campaign;
use thidua::metrics::{Metrics, UnitRow};
use thidua::ranking;
use thidua::scoring::Scorer;

/// The built-in campaign's metrics: SPEC 3.1's counts without the petitions.
const METRICS: &[&str] = thidua::metrics::COUNTS.split_at(17).0;

/// A unit's counts, consistent enough to be plausible (parts within wholes
/// are not needed by the scorer, which clamps).
fn unit() -> impl Strategy<Value = (bool, Vec<Option<f64>>)> {
    (
        any::<bool>(),
        prop::collection::vec(prop::option::weighted(0.95, 0u32..60), METRICS.len()),
    )
        .prop_map(|(xa, v)| (xa, v.into_iter().map(|x| x.map(f64::from)).collect()))
}

fn metrics(units: &[(bool, Vec<Option<f64>>)]) -> Metrics {
    Metrics {
        file: "p.csv".into(),
        names: METRICS.iter().map(|s| s.to_string()).collect(),
        periods: vec![],
        units: units
            .iter()
            .enumerate()
            .map(|(i, (xa, values))| UnitRow {
                id: format!("u{i}"),
                name: format!("U{i}"),
                group: if *xa { "xa" } else { "phong_ban" }.into(),
                line: i as u64 + 2,
                values: values.clone(),
            })
            .collect(),
    }
}

/// (unit id, total, rank, line status) for every unit, sorted by id.
fn outcome(
    c: &Campaign,
    m: &Metrics,
    tier: Option<usize>,
) -> Vec<(String, f64, u32, Option<ranking::LineStatus>)> {
    let scores = Scorer::new(c, m).unwrap().score_all(m).unwrap();
    let mut out: Vec<_> = ranking::rank(c, &scores, tier)
        .into_iter()
        .flat_map(|g| g.entries)
        .map(|e| {
            (
                m.units[scores[e.score].unit].id.clone(),
                scores[e.score].total,
                e.rank,
                e.line,
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// (tier, unit id, status) of every collective, sorted.
fn nominations(c: &Campaign, m: &Metrics) -> Vec<(usize, String, &'static str)> {
    let scores = Scorer::new(c, m).unwrap().score_all(m).unwrap();
    let ids: Vec<&str> = m.units.iter().map(|u| u.id.as_str()).collect();
    let mut out: Vec<_> = thidua::nomination::nominate(c, &scores, &ids, None)
        .iter()
        .flat_map(|t| {
            t.quotas
                .iter()
                .flat_map(move |q| q.collectives.iter().map(move |x| (t.tier, x)))
        })
        .map(|(t, x)| (t, ids[scores[x.score].unit].to_string(), x.status.id()))
        .collect();
    out.sort();
    out
}

proptest! {
    #[test]
    fn row_order_never_changes_a_score_rank_or_line(
        units in prop::collection::vec(unit(), 1..25),
        seed in any::<u64>(),
    ) {
        let c = Campaign::builtin(thidua::i18n::Lang::Vi);
        let m = metrics(&units);
        let mut shuffled = m.clone();
        // A deterministic permutation from the seed.
        let n = shuffled.units.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            shuffled.units.swap(i, j);
        }
        for tier in [None, Some(0), Some(1)] {
            prop_assert_eq!(outcome(&c, &m, tier), outcome(&c, &shuffled, tier));
        }
        prop_assert_eq!(nominations(&c, &m), nominations(&c, &shuffled));
    }

    #[test]
    fn raising_a_numerator_never_lowers_the_total(
        u in unit(),
        extra in 1u32..100,
        which in prop::sample::select(vec!["tiep_nhan_truc_tuyen", "so_hoa_ho_so", "so_hoa_ket_qua", "thanh_toan_truc_tuyen", "hai_long", "truoc_han", "xin_loi"]),
    ) {
        let c = Campaign::builtin(thidua::i18n::Lang::Vi);
        // Raising means from a known value: a missing cell turning into a
        // number changes what is known, not how good the unit is.
        let mut before = metrics(std::slice::from_ref(&u));
        let i = before.metric_index(which).unwrap();
        let base = before.units[0].values[i].unwrap_or(0.0);
        before.units[0].values[i] = Some(base);
        let mut after = before.clone();
        after.units[0].values[i] = Some(base + f64::from(extra));
        let s0 = Scorer::new(&c, &before).unwrap().score_all(&before).unwrap();
        let s1 = Scorer::new(&c, &after).unwrap().score_all(&after).unwrap();
        prop_assert!(s1[0].total >= s0[0].total, "{} raised: {} -> {}", which, s0[0].total, s1[0].total);
    }
}

proptest! {
    #[test]
    fn nominations_respect_quotas_gates_and_exclusivity(units in prop::collection::vec(unit(), 1..30)) {
        use thidua::nomination::{Status, nominate};
        let c = Campaign::builtin(thidua::i18n::Lang::Vi);
        let m = metrics(&units);
        let scores = Scorer::new(&c, &m).unwrap().score_all(&m).unwrap();
        let ids: Vec<&str> = m.units.iter().map(|u| u.id.as_str()).collect();
        let result = nominate(&c, &scores, &ids, None);
        let mut seen = std::collections::HashSet::new();
        for tn in &result {
            for (q, quota) in tn.quotas.iter().zip(&c.tiers[tn.tier].quotas) {
                let nominated: Vec<usize> = q.collectives.iter().filter(|x| x.status == Status::Nominated).map(|x| x.score).collect();
                let tied = q.collectives.iter().filter(|x| x.status == Status::Tie).count() as u32;
                let places = quota.collective_places(q.collectives.len() as u32).unwrap().places;
                prop_assert_eq!(places, q.places);
                prop_assert!(nominated.len() as u32 <= places);
                // Tied units contest exactly the places left after the nominated ones.
                prop_assert_eq!(q.tie.map_or(0, |t| t.units), tied);
                prop_assert!(q.tie.is_none_or(|t| nominated.len() as u32 + t.places == places && t.units > t.places));
                prop_assert_eq!(q.individuals.len(), nominated.len() * quota.individuals_each as usize);
                for &i in &nominated {
                    prop_assert!(ranking::failed_gates(&c, &scores[i], Some(tn.tier)).is_empty());
                    prop_assert!(seen.insert(i), "a unit nominated twice in an exclusive campaign");
                }
            }
        }
    }
}

proptest! {
    #[test]
    fn score_json_and_score_csv_agree(units in prop::collection::vec(unit(), 1..15)) {
        use thidua::report::{render_csv, units::View};
        let c = Campaign::builtin(thidua::i18n::Lang::Vi);
        let m = metrics(&units);
        let scores = Scorer::new(&c, &m).unwrap().score_all(&m).unwrap();
        let view = View { campaign: &c, metrics: &m, data: "data.csv", scores: &scores, lang: thidua::i18n::Lang::Vi, ids: false, decisions: None, doc: None, stamp: None };
        let json = serde_json::to_value(view.score_json()).unwrap();
        let csv = render_csv(&view.score_table(true));
        let mut rdr = csv::Reader::from_reader(&csv[..]);
        let headers = rdr.headers().unwrap().clone();
        for (row, unit) in rdr.records().zip(json["units"].as_array().unwrap()) {
            let row = row.unwrap();
            for (h, cell) in headers.iter().zip(row.iter()) {
                let want = match h {
                    // A unit with no dossiers has no class; the sheet says why.
                    "class" if unit["no_data"] == true => "không có hồ sơ trong kỳ".to_string(),
                    "unit_id" | "unit_name" | "group" | "class" => unit[h].as_str().unwrap_or("").to_string(),
                    "total" | "max" | "percent" => unit[h].as_f64().map_or(String::new(), |x| format!("{x:.2}")),
                    id if unit["criteria"].get(id).is_some() => unit["criteria"][id].as_f64().map_or(String::new(), |x| format!("{x:.2}")),
                    id => format!("{:.2}", unit["penalties"][id].as_f64().unwrap()),
                };
                prop_assert_eq!(cell, want.as_str(), "column {}", h);
            }
        }
    }
}

//! One quota line: for random exclusive (and non-exclusive) campaigns with
//! gates, floors and ties, `rank --tier T`, `nominate`'s tier T and the
//! sensitivity draws with no spread all put the same units inside the line,
//! the same units at a tie, and the same units out as taken by a higher tier.

use proptest::prelude::*;
use thidua::campaign::Campaign;
use thidua::nomination::{Status, nominate};
use thidua::ranking::{self, LineStatus};
use thidua::scoring::Scorer;
use thidua::whatif::sensitivity::{Draws, sensitivity};

/// A tier: places per group (`None`: no quota for the group), a floor, and
/// whether the gate applies to it.
type TierSpec = (Option<u32>, Option<u32>, Option<u32>, bool);

fn yaml(precision: u32, exclusive: bool, tiers: &[TierSpec]) -> String {
    let mut s = format!(
        "schema: thidua/campaign/v1\nid: p\nprecision: {precision}\nexclusive: {exclusive}\n\
         groups: {{ xa: {{ name: X }}, pb: {{ name: P }} }}\n\
         criteria:\n  - {{ id: a, name: A, points: 10, value: \"a / 10\" }}\n  - {{ id: b, name: B, points: 10, value: \"b / 10\" }}\n\
         tiebreak: [a]\n"
    );
    let gated: Vec<String> = (0..tiers.len())
        .filter(|&t| tiers[t].3)
        .map(|t| format!("t{t}"))
        .collect();
    if !gated.is_empty() {
        s.push_str(&format!(
            "gates:\n  - {{ id: min_percent, name: G, rule: \"late == 0\", tiers: [{}] }}\n",
            gated.join(", ")
        ));
    }
    s.push_str("tiers:\n");
    for (t, (xa, pb, floor, _)) in tiers.iter().enumerate() {
        s.push_str(&format!("  - id: t{t}\n    award: T{t}\n"));
        if let Some(f) = floor {
            s.push_str(&format!("    min_percent: {f}\n"));
        }
        s.push_str("    quotas:\n");
        for (g, places) in [("xa", xa), ("pb", pb)] {
            if let Some(p) = places {
                s.push_str(&format!("      - {{ group: {g}, collectives: {p} }}\n"));
            }
        }
        if xa.is_none() && pb.is_none() {
            s.push_str("      - { group: xa, collectives: 1 }\n");
        }
    }
    s
}

fn tier() -> impl Strategy<Value = TierSpec> {
    (
        prop::option::weighted(0.8, 0u32..5),
        prop::option::weighted(0.8, 0u32..5),
        prop::option::weighted(0.3, prop::sample::select(vec![30u32, 50, 70])),
        prop::bool::weighted(0.4),
    )
}

/// Units: group, a, b (0..=10, so ties are common), late.
fn units() -> impl Strategy<Value = Vec<(bool, u32, u32, u32)>> {
    prop::collection::vec((any::<bool>(), 0u32..=10, 0u32..=10, 0u32..3), 1..25)
}

fn csv(units: &[(bool, u32, u32, u32)]) -> String {
    let mut s = String::from("unit_id,unit_name,group,a,b,late\n");
    for (i, (xa, a, b, late)) in units.iter().enumerate() {
        let g = if *xa { "xa" } else { "pb" };
        s.push_str(&format!("u{i},U{i},{g},{a},{b},{late}\n"));
    }
    s
}

proptest! {
    #![proptest_config(crate::util::cases(200))]
    #[test]
    fn rank_nominate_and_sensitivity_draw_the_same_line(
        precision in 0u32..3,
        exclusive in prop::bool::weighted(0.8),
        tiers in prop::collection::vec(tier(), 1..4),
        units in units(),
    ) {
        let c = Campaign::from_yaml(&yaml(precision, exclusive, &tiers), "p.yaml").unwrap();
        let m = thidua::metrics::read(csv(&units).as_bytes(), "p.csv", None).unwrap();
        let scores = Scorer::new(&c, &m).unwrap().score_all(&m).unwrap();
        let ids: Vec<&str> = m.units.iter().map(|u| u.id.as_str()).collect();
        let nominated = nominate(&c, &scores, &ids, None);
        for (t, tn) in nominated.iter().enumerate() {
            let ranked = ranking::rank(&c, &scores, Some(t));
            prop_assert_eq!(ranked.len(), tn.quotas.len());
            for (g, q) in ranked.iter().zip(&tn.quotas) {
                prop_assert_eq!((g.filled, g.tie), (q.filled, q.tie));
                prop_assert_eq!(g.entries.len(), q.collectives.len());
                for (e, col) in g.entries.iter().zip(&q.collectives) {
                    prop_assert_eq!(e.score, col.score);
                    let same = match (e.line, col.status) {
                        (Some(LineStatus::In), Status::Nominated)
                        | (Some(LineStatus::Tie), Status::Tie)
                        | (Some(LineStatus::Out), Status::BelowLine)
                        | (Some(LineStatus::Ineligible), Status::Ineligible) => true,
                        (Some(LineStatus::WonHigherTier(a)), Status::WonHigherTier(b)) => a == b && a < t,
                        _ => false,
                    };
                    prop_assert!(same, "tier {}: {:?} vs {:?}", t, e.line, col.status);
                    if !exclusive {
                        prop_assert!(!matches!(e.line, Some(LineStatus::WonHigherTier(_))));
                    }
                }
                // Places given never exceed the quota, and `filled` counts them.
                let inside = g.entries.iter().filter(|e| e.line == Some(LineStatus::In)).count() as u32;
                prop_assert_eq!(inside, g.filled);
                prop_assert!(g.filled <= g.places.unwrap());
            }
            // With no spread, every draw is the nominal ranking: the draws
            // credit exactly the nominal line, higher tiers included.
            let draws = Draws { count: 3, spread: 0.0, seed: 1 };
            let robust = sensitivity(&c, &scores, t, &ranked, draws, 1);
            for e in ranked.iter().flat_map(|g| &g.entries) {
                let r = robust[e.score].unwrap();
                let want = match e.line {
                    Some(LineStatus::In) => 1.0,
                    Some(LineStatus::Tie) => 0.5,
                    _ => 0.0,
                };
                prop_assert_eq!(r.p_in_quota, want, "tier {} unit {}: {:?}", t, e.score, e.line);
                prop_assert_eq!(r.median_rank, e.rank);
            }
        }
    }
}

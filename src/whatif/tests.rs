use super::baseline::{changes, missing, score_baseline};
use super::compare::{Shift, Versus, compare, in_quota};
use super::sensitivity::{Draws, sensitivity};
use crate::campaign::Campaign;
use crate::metrics::{self, Metrics};
use crate::ranking::{GroupRanking, LineStatus, rank};
use crate::scoring::{Scorer, UnitScore};

/// Two criteria a unit can trade against each other, a floor, a gate and a
/// tie-break, so every rule of the quota line is exercised by the draws.
const CAMPAIGN: &str = r#"schema: thidua/campaign/v1
id: t
precision: 2
groups: { xa: { name: X }, pb: { name: P } }
criteria:
  - { id: a, name: A, points: 10, value: "a" }
  - { id: b, name: B, points: 10, value: "b" }
  - { id: c, name: C, points: 5, value: "c / d", when_undefined: exclude }
penalties:
  - { id: late, name: L, count: "late", points_each: 0.5 }
gates:
  - { id: clean, name: Clean, rule: "late < 3", tiers: [top] }
tiebreak: [a]
tiers:
  - id: top
    award: Top
    min_percent: 40
    quotas: [{ group: xa, collectives: 2 }, { group: pb, collectives: 1 }]
"#;

const DATA: &str = "unit_id,unit_name,group,a,b,c,d,late\n\
    p,P,xa,0.9,0.3,1,2,0\n\
    q,Q,xa,0.3,0.9,1,2,0\n\
    r,R,xa,0.6,0.6,1,2,0\n\
    s,S,xa,0.6,0.6,1,2,0\n\
    t,T,xa,0.95,0.95,0,0,4\n\
    u,U,xa,0.2,0.1,1,1,0\n\
    v,V,pb,0.5,0.5,1,1,0\n\
    w,W,pb,0.5,0.5,1,1,0\n";

struct Fixture {
    campaign: Campaign,
    metrics: Metrics,
    scores: Vec<UnitScore>,
    groups: Vec<GroupRanking>,
}

fn fixture(campaign: &str, data: &str) -> Fixture {
    let campaign = Campaign::from_yaml(campaign, "c.yaml").unwrap();
    let metrics = metrics::read(data.as_bytes(), "m.csv", None).unwrap();
    let scores = Scorer::new(&campaign, &metrics)
        .unwrap()
        .score_all(&metrics)
        .unwrap();
    let groups = rank(&campaign, &scores, Some(0));
    Fixture {
        campaign,
        metrics,
        scores,
        groups,
    }
}

fn draws(count: u32, spread: f64, seed: u64) -> Draws {
    Draws {
        count,
        spread,
        seed,
    }
}

#[test]
fn no_spread_gives_back_the_nominal_ranking_and_line() {
    let f = fixture(CAMPAIGN, DATA);
    let got = sensitivity(&f.campaign, &f.scores, 0, &f.groups, draws(7, 0.0, 3), 2);
    for e in f.groups.iter().flat_map(|g| &g.entries) {
        let r = got[e.score].unwrap();
        let id = &f.metrics.units[e.score].id;
        assert_eq!(
            (r.nominal_rank, r.median_rank, r.p5_rank, r.p95_rank),
            (e.rank, e.rank, e.rank, e.rank),
            "{id}"
        );
        let want = match e.line {
            Some(LineStatus::In) => 1.0,
            Some(LineStatus::Tie) => 0.5,
            _ => 0.0,
        };
        assert_eq!(r.p_in_quota, want, "{id}: {:?}", e.line);
    }
    // The fixture really has every kind of place: in, tie, out, ineligible.
    let lines: Vec<_> = f
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .map(|e| e.line)
        .collect();
    for l in [
        LineStatus::In,
        LineStatus::Tie,
        LineStatus::Out,
        LineStatus::Ineligible,
    ] {
        assert!(lines.contains(&Some(l)), "{l:?} missing from {lines:?}");
    }
}

#[test]
fn threads_never_change_a_figure_and_seeds_do() {
    let f = fixture(CAMPAIGN, DATA);
    let run = |seed, threads| {
        sensitivity(
            &f.campaign,
            &f.scores,
            0,
            &f.groups,
            draws(501, 0.6, seed),
            threads,
        )
    };
    let one = run(9, 1);
    assert_eq!(one, run(9, 2));
    assert_eq!(one, run(9, 7));
    assert_ne!(one, run(10, 1), "another seed, other draws");
}

#[test]
fn traded_criteria_make_the_quota_uncertain_and_the_gate_holds() {
    let f = fixture(CAMPAIGN, DATA);
    let got = sensitivity(&f.campaign, &f.scores, 0, &f.groups, draws(2000, 0.5, 1), 2);
    let by_id = |id: &str| got[f.metrics.unit_index(id).unwrap()].unwrap();
    // p (strong on a) and q (strong on b) swap places as the weights move.
    let (p, q) = (by_id("p"), by_id("q"));
    assert!(
        p.p5_rank < p.p95_rank && q.p5_rank < q.p95_rank,
        "{p:?} {q:?}"
    );
    for x in [p, q] {
        assert!(
            x.p_in_quota > 0.1 && x.p_in_quota < 0.9 && !x.robust(),
            "{x:?}"
        );
    }
    // t ranks first but fails the gate: never inside the quota.
    assert_eq!((by_id("t").median_rank, by_id("t").p_in_quota), (1, 0.0));
    // v and w are identical: always tied for the one place.
    assert_eq!((by_id("v").p_in_quota, by_id("w").p_in_quota), (0.5, 0.5));
    for r in got.iter().flatten() {
        assert!(r.p5_rank <= r.median_rank && r.median_rank <= r.p95_rank);
    }
}

#[test]
fn the_floor_is_checked_in_every_draw() {
    // u sits at 37.5% nominally (7.50 of 20, c excluded), under the 40%
    // floor; when a weighs enough more than b it passes: probability in between.
    let data = "unit_id,unit_name,group,a,b,c,d,late\n\
        x,X,xa,0.1,0.1,1,2,0\nu,U,xa,0.65,0.1,0,0,0\n";
    let f = fixture(CAMPAIGN, data);
    let u = f.metrics.unit_index("u").unwrap();
    assert_eq!(f.groups[0].entries[0].line, Some(LineStatus::Ineligible));
    let got = sensitivity(&f.campaign, &f.scores, 0, &f.groups, draws(2000, 0.5, 4), 1);
    let p = got[u].unwrap().p_in_quota;
    assert!(p > 0.05 && p < 0.95, "{p}");
}

#[test]
fn compare_pairs_ranks_totals_and_quota_places() {
    let f = fixture(CAMPAIGN, DATA);
    let mut b = f.campaign.clone();
    b.apply_weights("b: 30\n", "w.yaml").unwrap();
    let b_scores = Scorer::new(&b, &f.metrics)
        .unwrap()
        .score_all(&f.metrics)
        .unwrap();
    let b_groups = rank(&b, &b_scores, Some(0));
    let got = compare(&f.groups, &f.scores, &b_groups, &b_scores);
    let v = |id: &str| got[f.metrics.unit_index(id).unwrap()].unwrap();
    assert_eq!((v("p").rank_a, v("p").rank_b), (2, Some(5)));
    assert_eq!((v("q").rank_a, v("q").rank_b), (5, Some(2)));
    assert_eq!(
        (v("p").shift(), v("q").shift()),
        (Shift::Leaves, Shift::Enters)
    );
    assert_eq!(
        (v("p").delta_rank(), v("q").delta_rank()),
        (Some(-3), Some(3))
    );
    assert_eq!(v("q").total_b, 32.5, "3 + 27 + 2.50");
    let same = compare(&f.groups, &f.scores, &f.groups, &f.scores);
    assert!(
        same.iter().flatten().all(|v| v.delta_rank() == Some(0)
            && v.shift() == Shift::Same
            && v.total_a == v.total_b)
    );
}

#[test]
fn quota_membership_of_each_line_status() {
    assert_eq!(in_quota(Some(LineStatus::In)), Some(true));
    assert_eq!(in_quota(Some(LineStatus::Out)), Some(false));
    assert_eq!(in_quota(Some(LineStatus::Ineligible)), Some(false));
    assert_eq!(in_quota(Some(LineStatus::Tie)), None);
    assert_eq!(in_quota(None), None);
    let v = |a, b| Versus {
        rank_a: 1,
        total_a: 1.0,
        line_a: a,
        rank_b: Some(1),
        total_b: 1.0,
        line_b: b,
    };
    use LineStatus::*;
    assert_eq!(v(Some(In), Some(Tie)).shift(), Shift::TiesAtLine);
    assert_eq!(v(Some(Tie), Some(In)).shift(), Shift::Enters);
    assert_eq!(v(Some(Ineligible), Some(Out)).shift(), Shift::Same);
    assert_eq!(v(Some(In), Some(Ineligible)).shift(), Shift::Leaves);
}

#[test]
fn change_since_the_baseline_per_criterion_and_rank() {
    let f = fixture(CAMPAIGN, DATA);
    let before = metrics::read(
        "unit_id,unit_name,group,a,b,c,d,late\np,P,xa,0.5,0.3,1,0,1\nq,Q,xa,0.3,0.9,1,2,0\n"
            .as_bytes(),
        "b.csv",
        None,
    )
    .unwrap();
    let base = score_baseline(&f.campaign, &before).unwrap();
    let got = changes(&f.campaign, &f.metrics, &f.scores, &before, &base);
    let p = got[0].as_ref().unwrap();
    // p then: a 5, b 3, c excluded (d = 0), 0.5 penalty: 7.50; now 9 + 3 + 2.5.
    assert_eq!((p.total, p.delta_total), (7.5, 7.0));
    assert_eq!(p.criteria, [Some(4.0), Some(0.0), None]);
    assert_eq!(p.rank, 2, "q had 14.50 in the baseline");
    assert!(got[2].is_none(), "r is not in the baseline");
    assert_eq!(missing(&f.metrics, &before), ["r", "s", "t", "u", "v", "w"]);
}

#[test]
fn percentiles_are_nearest_rank_over_the_draws() {
    use super::sensitivity::percentile;
    // 20 draws: rank 1 once, rank 2 eighteen times, rank 3 once.
    let hist = [0, 1, 18, 1];
    assert_eq!(percentile(&hist, 20, 5), 1, "⌈5% of 20⌉ = 1st draw");
    assert_eq!(percentile(&hist, 20, 50), 2);
    assert_eq!(percentile(&hist, 20, 95), 2, "⌈95% of 20⌉ = 19th draw");
    assert_eq!(percentile(&[0, 1, 18, 1], 20, 100), 3);
    assert_eq!(
        percentile(&[0, 0, 0, 1], 1, 5),
        3,
        "one draw is every percentile"
    );
}

#[test]
fn a_nominal_winner_that_rarely_wins_is_not_robust() {
    // a leads with 0.5 everywhere (30.00); each b_i is best at one criterion
    // (10 + 5 × 3.99 = 29.95): whichever criterion weighs more, some b wins.
    // Its nominal rank 1 then lies outside its p5–p95 interval: the interval
    // describes the draws, and the mark is what warns about such a place.
    let criteria: String = (0..6)
        .map(|i| format!("  - {{ id: c{i}, name: C{i}, points: 10, value: \"m{i}\" }}\n"))
        .collect();
    let campaign = format!(
        "schema: thidua/campaign/v1\nid: t\ngroups: {{ xa: {{ name: X }} }}\ncriteria:\n{criteria}\
         tiers:\n  - {{ id: top, award: T, quotas: [{{ group: xa, collectives: 1 }}] }}\n"
    );
    let mut data =
        String::from("unit_id,unit_name,group,m0,m1,m2,m3,m4,m5\na,A,xa,0.5,0.5,0.5,0.5,0.5,0.5\n");
    for i in 0..6 {
        let row: Vec<&str> = (0..6).map(|j| if i == j { "1" } else { "0.399" }).collect();
        data.push_str(&format!("b{i},B,xa,{}\n", row.join(",")));
    }
    let f = fixture(&campaign, &data);
    let a = f.metrics.unit_index("a").unwrap();
    assert_eq!(f.groups[0].entries[0].score, a);
    assert_eq!(f.groups[0].entries[0].line, Some(LineStatus::In));
    let got = sensitivity(
        &f.campaign,
        &f.scores,
        0,
        &f.groups,
        draws(2000, 0.25, 5),
        2,
    );
    let r = got[a].unwrap();
    assert!(r.p_in_quota < 0.1 && r.p5_rank > 1, "{r:?}");
    assert!(!r.robust(), "the nominal winner almost never wins: {r:?}");
}

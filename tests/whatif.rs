//! `rank --compare` and `rank --sensitivity` end to end, the flag
//! combinations they refuse, and the law that a spread of 0 gives back the
//! nominal ranking on any data.

use crate::util::*;
use proptest::prelude::*;
use thidua::campaign::Campaign;
use thidua::metrics::{Metrics, UnitRow};
use thidua::ranking::{self, LineStatus};
use thidua::scoring::Scorer;
use thidua::whatif::sensitivity::{Draws, sensitivity};

/// One quota place and two criteria x and y trade against each other.
const DUEL: &str = "schema: thidua/campaign/v1\nid: duel\ngroups: { xa: { name: Xã } }\n\
    criteria:\n  - { id: a, name: A, points: 10, value: \"a\" }\n  - { id: b, name: B, points: 10, value: \"b\" }\n\
    tiers:\n  - { id: top, award: Top, quotas: [{ group: xa, collectives: 1 }] }\n";
const DUEL_DATA: &str =
    "unit_id,unit_name,group,a,b\nx,X,xa,1,0.5\ny,Y,xa,0.6,0.8\nz,Z,xa,0.2,0.2\n";

#[test]
fn compare_with_the_same_campaign_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let same = write(dir.path(), "same.yaml", "tien_do: 20\nhai_long: 20\n");
    for flag in [
        ["--compare", "criteria/ninh-phuoc-236.yaml"],
        ["--compare-weights", same.as_str()],
    ] {
        for tier in ["huyen", "tinh"] {
            let v = json(&["rank", EXAMPLE, "--tier", tier, flag[0], flag[1]]);
            assert_eq!(units(&v).len(), 23);
            for u in units(&v) {
                let c = &u["compare"];
                assert_eq!(c["delta_rank"], 0, "{u}");
                assert_eq!((&c["rank"], &c["total"]), (&u["rank"], &u["total"]), "{u}");
                assert_eq!(c["in_quota_a"], c["in_quota_b"], "{u}");
                assert_eq!(c["line"], u["line"], "{u}");
            }
        }
    }
    let csv = stdout(&[
        "rank",
        EXAMPLE,
        "--compare",
        "criteria/ninh-phuoc-236.yaml",
        "--format",
        "csv",
    ]);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let at = header.iter().position(|h| *h == "delta_rank").unwrap();
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.split(',').nth(at) == Some("0")),
        "{csv}"
    );
}

#[test]
fn a_weight_overlay_that_flips_two_units_shows_both_flips_and_the_quota_change() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(dir.path(), "duel.yaml", DUEL);
    let d = write(dir.path(), "duel.csv", DUEL_DATA);
    let w = write(dir.path(), "w.yaml", "b: 30\n");
    let args = [
        "rank",
        &d,
        "--criteria",
        &c,
        "--tier",
        "top",
        "--compare-weights",
        &w,
    ];
    let v = json(&args);
    // x: 10 + 5 = 15 before, 10 + 15 = 25 after; y: 6 + 8 = 14, then 6 + 24 = 30.
    let (x, y) = (unit(&v, "x"), unit(&v, "y"));
    assert_eq!((&x["rank"], &x["total"]), (&1.into(), &15.0.into()));
    assert_eq!(
        x["compare"],
        serde_json::json!({"rank": 2, "total": 25.0, "delta_rank": -1, "in_quota_a": true, "in_quota_b": false, "line": "below_line"})
    );
    assert_eq!(
        y["compare"],
        serde_json::json!({"rank": 1, "total": 30.0, "delta_rank": 1, "in_quota_a": false, "in_quota_b": true, "line": "in"})
    );
    assert_eq!(unit(&v, "z")["compare"]["delta_rank"], 0);
    let mut table = args.to_vec();
    table.extend(["--format", "table", "--lang", "en", "--ids"]);
    let t = stdout(&table);
    let line_of = |id: &str| t.lines().find(|l| l.contains(&format!(" {id} "))).unwrap();
    assert!(
        line_of("x").contains("▼1") && line_of("x").contains("▼ leaves the quota"),
        "{t}"
    );
    assert!(
        line_of("y").contains("▲1") && line_of("y").contains("▲ enters the quota"),
        "{t}"
    );
    assert!(
        t.contains("Under B: 1 unit(s) enter, 1 leave the quota"),
        "{t}"
    );
    // Reports name files without their folder.
    assert!(t.contains("B: A + w.yaml") && !t.contains(&w), "{t}");
}

fn sensitivity_json(tier: &str, n: &str, spread: &str, seed: &str) -> serde_json::Value {
    json(&[
        "rank",
        EXAMPLE,
        "--tier",
        tier,
        "--sensitivity",
        n,
        "--spread",
        spread,
        "--seed",
        seed,
    ])
}

#[test]
fn no_spread_gives_intervals_at_the_nominal_rank_and_certain_places() {
    for tier in ["huyen", "tinh"] {
        let v = sensitivity_json(tier, "40", "0", "3");
        for u in units(&v) {
            let s = &u["sensitivity"];
            for k in ["nominal_rank", "median_rank", "p5_rank", "p95_rank"] {
                assert_eq!(s[k], u["rank"], "{k} of {u}");
            }
            // Units taken by tỉnh never take a huyện place, in any draw.
            let p = match u["line"].as_str().unwrap() {
                "in" => 1.0,
                "tie" => 0.5,
                _ => 0.0,
            };
            assert_eq!(s["p_in_quota"], p, "{u}");
        }
    }
    // With 3 huyện places for the phòng ban, Tư pháp and VH-TT tie for the third.
    let dir = tempfile::tempdir().unwrap();
    let yaml = std::fs::read_to_string("criteria/ninh-phuoc-236.yaml")
        .unwrap()
        .replace("collectives: 4", "collectives: 3");
    let c = write(dir.path(), "c.yaml", &yaml);
    let t = stdout(&[
        "rank",
        EXAMPLE,
        "--criteria",
        &c,
        "--tier",
        "huyen",
        "--sensitivity",
        "10",
        "--spread",
        "0",
        "--format",
        "table",
        "--lang",
        "en",
    ]);
    let tied: Vec<&str> = t.lines().filter(|l| l.contains("50.0%")).collect();
    assert_eq!(tied.len(), 2, "the two units tied at the line: {t}");
    assert!(tied.iter().all(|l| l.contains("⚠ not robust")), "{t}");
    assert!(t.contains("a tie at the line counting half"), "{t}");
}

#[test]
fn the_same_seed_gives_byte_identical_output() {
    for format in ["table", "csv", "json", "md"] {
        let args = [
            "rank",
            EXAMPLE,
            "--tier",
            "huyen",
            "--sensitivity",
            "500",
            "--spread",
            "0.3",
            "--seed",
            "11",
            "--format",
            format,
        ];
        assert_eq!(stdout(&args), stdout(&args), "{format}");
    }
    let a = sensitivity_json("huyen", "500", "0.3", "11");
    let b = sensitivity_json("huyen", "500", "0.3", "12");
    assert_ne!(a, b, "another seed draws other weights");
}

#[test]
fn the_nominal_rank_lies_inside_every_interval_of_the_example() {
    for (tier, seed) in [("huyen", "1"), ("huyen", "2"), ("tinh", "3")] {
        let v = sensitivity_json(tier, "2000", "0.25", seed);
        let mut unsure = 0;
        for u in units(&v) {
            let s = &u["sensitivity"];
            let r = |k: &str| s[k].as_u64().unwrap();
            assert!(
                r("p5_rank") <= r("nominal_rank") && r("nominal_rank") <= r("p95_rank"),
                "{u}"
            );
            assert!(
                r("p5_rank") <= r("median_rank") && r("median_rank") <= r("p95_rank"),
                "{u}"
            );
            let p = s["p_in_quota"].as_f64().unwrap();
            unsure += usize::from(p > 0.0 && p < 1.0);
        }
        // In `huyen` a spread of 25% moves units across the line; in `tinh`
        // the gate leaves one eligible commune, and the first agency leads by 2.56.
        assert_eq!(unsure > 0, tier == "huyen", "{unsure} unsure in {tier}");
    }
}

#[test]
fn bad_flag_combinations_are_usage_errors_that_say_what_to_do() {
    let base = ["rank", EXAMPLE];
    let with = |extra: &[&str]| {
        let mut a = base.to_vec();
        a.extend(extra);
        fails(&a, 2)
    };
    assert!(
        with(&["--sensitivity", "100"])
            .contains("required arguments were not provided:\n  --tier <TIER>")
    );
    for bad in ["1", "1.5", "=-0.1", "NaN", "lots"] {
        let flag = if bad.starts_with('=') {
            format!("--spread{bad}")
        } else {
            "--spread".into()
        };
        let mut extra = vec!["--tier", "huyen", "--sensitivity", "10", flag.as_str()];
        if !bad.starts_with('=') {
            extra.push(bad);
        }
        let err = with(&extra);
        assert!(
            err.contains("is not a spread: expected a number at least 0 and below 1"),
            "{bad}: {err}"
        );
    }
    assert!(
        with(&["--tier", "huyen", "--spread", "0.1"])
            .contains("required arguments were not provided:\n  --sensitivity <N>")
    );
    assert!(
        with(&["--tier", "huyen", "--seed", "4"])
            .contains("required arguments were not provided:\n  --sensitivity <N>")
    );
    assert!(with(&["--tier", "huyen", "--sensitivity", "0"]).contains("0 is not in 1..=100000"));
    let err = with(&[
        "--compare",
        "criteria/qd-766.yaml",
        "--compare-weights",
        "w.yaml",
    ]);
    assert!(err.contains("cannot be used with"), "{err}");
    let err = with(&["--tier", "huyen", "--compare", "criteria/qd-766.yaml"]);
    assert!(
        err.contains("--compare: criteria/qd-766.yaml has no tier `huyen`"),
        "{err}"
    );
    let err = with(&["--baseline-period", "2023-13"]);
    assert!(
        err.contains("--baseline-period: `2023-13` is not a period"),
        "{err}"
    );
    let err = with(&["--baseline-period", "2023-01"]);
    assert!(err.contains("examples/ninh-phuoc-2023.csv has no `period` column; give the baseline file with --baseline FILE"), "{err}");
}

const METRICS: [&str; 4] = ["a", "b", "c", "late"];

fn campaign() -> Campaign {
    Campaign::from_yaml(
        "schema: thidua/campaign/v1\nid: p\nprecision: 1\ngroups: { xa: { name: X }, pb: { name: P } }\n\
         criteria:\n  - { id: a, name: A, points: 7, value: \"a / 60\" }\n  - { id: b, name: B, points: 13, value: \"b / (a + 1)\" }\n  - { id: c, name: C, points: 5, value: \"c / a\", when_undefined: exclude }\n\
         penalties:\n  - { id: l, name: L, count: \"late\", points_each: 0.3, max: 2 }\n\
         gates:\n  - { id: g, name: G, rule: \"late < 40\" }\n\
         tiebreak: [b]\n\
         tiers:\n  - { id: top, award: T, min_percent: 30, quotas: [{ group: xa, collectives: 3 }, { group: pb, collectives: 1 }] }\n",
        "p.yaml",
    )
    .unwrap()
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
                group: if *xa { "xa" } else { "pb" }.into(),
                line: i as u64 + 2,
                values: values.clone(),
            })
            .collect(),
    }
}

proptest! {
    #[test]
    fn no_spread_gives_back_the_nominal_rank_and_line_on_any_data(
        units in prop::collection::vec(
            (any::<bool>(), prop::collection::vec(prop::option::weighted(0.9, 0u32..60), METRICS.len())),
            1..30,
        ),
        seed in any::<u64>(),
    ) {
        let units: Vec<(bool, Vec<Option<f64>>)> = units
            .into_iter()
            .map(|(xa, v)| (xa, v.into_iter().map(|x| x.map(f64::from)).collect()))
            .collect();
        let c = campaign();
        let m = metrics(&units);
        let scores = Scorer::new(&c, &m).unwrap().score_all(&m).unwrap();
        let groups = ranking::rank(&c, &scores, Some(0));
        let draws = Draws { count: 3, spread: 0.0, seed };
        let got = sensitivity(&c, &scores, 0, &groups, draws, 2);
        for e in groups.iter().flat_map(|g| &g.entries) {
            let r = got[e.score].unwrap();
            prop_assert_eq!((r.median_rank, r.p5_rank, r.p95_rank), (e.rank, e.rank, e.rank));
            let want = match e.line {
                Some(LineStatus::In) => 1.0,
                Some(LineStatus::Tie) => 0.5,
                _ => 0.0,
            };
            prop_assert_eq!(r.p_in_quota, want);
        }
    }
}

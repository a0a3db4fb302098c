use super::*;
use crate::i18n::InEnglish as _;
use crate::metrics;

fn campaign(criteria: &str) -> Campaign {
    let src = format!(
        "schema: thidua/campaign/v1\nid: t\nprecision: 2\ngroups:\n  xa: {{ name: X }}\n  pb: {{ name: P }}\ncriteria:\n{criteria}"
    );
    Campaign::from_yaml(&src, "c.yaml").unwrap()
}

fn data(csv: &str) -> Metrics {
    metrics::read(csv.as_bytes(), "m.csv", None).unwrap()
}

fn scores(c: &Campaign, m: &Metrics) -> Vec<UnitScore> {
    Scorer::new(c, m).unwrap().score_all(m).unwrap()
}

fn points(c: &Campaign, header: &str, rows: &[&str]) -> Vec<Option<f64>> {
    let csv = format!(
        "unit_id,unit_name,group,{header}\n{}",
        rows.iter()
            .enumerate()
            .map(|(i, r)| format!("u{i},U,xa,{r}\n"))
            .collect::<String>()
    );
    let m = data(&csv);
    scores(c, &m).iter().map(|s| s.criteria[0].points).collect()
}

#[test]
fn rounding_is_half_away_from_zero() {
    assert_eq!(round_to(18.125, 2), 18.13);
    assert_eq!(round_to(1.005, 2), 1.01);
    assert_eq!(round_to(2.675, 2), 2.68);
    assert_eq!(round_to(-18.125, 2), -18.13);
    assert_eq!(round_to(0.125, 2), 0.13);
    assert_eq!(round_to(16.5306, 2), 16.53);
    assert_eq!(round_to(2.5, 0), 3.0);
    assert_eq!(fmt_num(20.0 * 29.0 / 32.0, 2), "18.13");
    assert_eq!(fmt_num(-0.0001, 2), "0.00");
}

#[test]
fn golden_tien_do_rows_of_the_portal() {
    let c = campaign(
        "  - { id: tien_do, name: T, points: 20, value: \"on_time / received\", when_undefined: zero }\n",
    );
    let golden = [
        (588, 486, 16.53),
        (482, 332, 13.78),
        (326, 207, 12.70),
        (2, 0, 0.00),
        (2971, 2348, 15.81),
        (1270, 854, 13.45),
        (1038, 939, 18.09),
        (1610, 1511, 18.77),
        (0, 0, 0.00),
    ];
    let rows: Vec<String> = golden.iter().map(|(r, o, _)| format!("{r},{o}")).collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let got = points(&c, "received,on_time", &rows);
    for ((r, o, want), p) in golden.iter().zip(got) {
        assert!(
            (p.unwrap() - want).abs() < 0.005,
            "({r}, {o}): got {p:?}, want {want}"
        );
    }
}

#[test]
fn proportional_clamps_to_the_criterion() {
    let c = campaign("  - { id: a, name: A, points: 10, value: \"x\" }\n");
    assert_eq!(
        points(&c, "x", &["0", "0.5", "1", "1.7"]),
        [Some(0.0), Some(5.0), Some(10.0), Some(10.0)]
    );
}

#[test]
fn linear_works_in_both_directions_and_clamps() {
    let up = campaign(
        "  - { id: a, name: A, points: 20, value: \"x\", scoring: { linear: { zero_at: 0.5, full_at: 0.9 } } }\n",
    );
    assert_eq!(
        points(&up, "x", &["0.4", "0.5", "0.7", "0.9", "1"]),
        [Some(0.0), Some(0.0), Some(10.0), Some(20.0), Some(20.0)]
    );
    let down = campaign(
        "  - { id: a, name: A, points: 10, value: \"x\", scoring: { linear: { zero_at: 10, full_at: 0 } } }\n",
    );
    assert_eq!(
        points(&down, "x", &["0", "2.5", "10", "12"]),
        [Some(10.0), Some(7.5), Some(0.0), Some(0.0)]
    );
}

#[test]
fn steps_pick_the_highest_min_or_lowest_max_reached() {
    let c = campaign(
        "  - { id: a, name: A, points: 20, value: \"x\", scoring: { steps: [{ min: 0.8, points: 10 }, { min: 0.95, points: 20 }] } }\n",
    );
    assert_eq!(
        points(&c, "x", &["0.79", "0.8", "0.94", "0.95", "1"]),
        [Some(0.0), Some(10.0), Some(10.0), Some(20.0), Some(20.0)]
    );
    let low = campaign(
        "  - { id: a, name: A, points: 6, value: \"x\", scoring: { steps: [{ max: 0, points: 6 }, { max: 2, points: 3 }] } }\n",
    );
    assert_eq!(
        points(&low, "x", &["0", "1", "2", "3"]),
        [Some(6.0), Some(3.0), Some(3.0), Some(0.0)]
    );
}

#[test]
fn formula_gives_points_clamped_to_the_criterion() {
    let c = campaign(
        "  - { id: a, name: A, points: 10, scoring: { formula: \"6 * r + min(2, 2.5 * s) + 5 * s\" } }\n",
    );
    assert_eq!(
        points(&c, "r,s", &["1,0", "0.5,0.8", "1,1", "0,0"]),
        [Some(6.0), Some(9.0), Some(10.0), Some(0.0)]
    );
}

#[test]
fn when_undefined_policies_at_their_edges() {
    let crit = |policy: &str| {
        campaign(&format!(
            "  - {{ id: a, name: A, points: 10, value: \"x / y\", when_undefined: {policy} }}\n  - {{ id: b, name: B, points: 30, value: \"x\" }}\n"
        ))
    };
    let csv = "unit_id,unit_name,group,x,y\nu,U,xa,0.5,0\nv,V,xa,,2\n";
    let m = data(csv);
    let zero = scores(&crit("zero"), &m);
    assert_eq!(
        (zero[0].criteria[0].points, zero[0].total, zero[0].max),
        (Some(0.0), 15.0, 40.0)
    );
    assert_eq!(
        zero[1].criteria[1].points,
        Some(0.0),
        "a missing cell is undefined too"
    );
    let full = scores(&crit("full"), &m);
    assert_eq!(
        (full[0].criteria[0].points, full[0].total),
        (Some(10.0), 25.0)
    );
    let excl = scores(&crit("exclude"), &m);
    assert_eq!(
        (
            excl[0].criteria[0].points,
            excl[0].total,
            excl[0].max,
            excl[0].percent
        ),
        (None, 15.0, 30.0, Some(50.0))
    );
    let c = crit("error");
    let e = Scorer::new(&c, &m).unwrap().score_all(&m).unwrap_err().en();
    assert!(
        e.contains("m.csv:2: unit `u`: criterion `a`: `x / y` is undefined"),
        "{e}"
    );
}

#[test]
fn everything_excluded_leaves_no_percent() {
    let c =
        campaign("  - { id: a, name: A, points: 10, value: \"x / y\", when_undefined: exclude }\n");
    let s = &scores(&c, &data("unit_id,unit_name,group,x,y\nu,U,xa,0,0\n"))[0];
    assert_eq!((s.total, s.max, s.percent, s.class), (0.0, 0.0, None, None));
}

#[test]
fn applies_to_leaves_other_groups_out_of_total_and_max() {
    let c = campaign(
        "  - { id: a, name: A, points: 10, value: \"x\", applies_to: [pb] }\n  - { id: b, name: B, points: 10, value: \"x\" }\n",
    );
    let s = scores(&c, &data("unit_id,unit_name,group,x\nu,U,xa,1\nv,V,pb,1\n"));
    assert_eq!(
        (s[0].criteria[0].applies, s[0].total, s[0].max),
        (false, 10.0, 10.0)
    );
    assert_eq!((s[1].total, s[1].max), (20.0, 20.0));
}

#[test]
fn penalties_are_capped_and_total_never_negative() {
    let c = Campaign::from_yaml(
        "schema: thidua/campaign/v1\nid: t\ngroups: { xa: { name: X } }\ncriteria:\n  - { id: a, name: A, points: 10, value: \"x\" }\n\
         penalties:\n  - { id: late, name: L, count: \"max(late - sorry, 0)\", points_each: 0.5, max: 5 }\n\
         gates:\n  - { id: g, name: G, rule: \"late == 0\" }\n\
         classes: [{ name: Good, min: 80 }, { name: Weak, min: 0 }]\n",
        "c.yaml",
    )
    .unwrap();
    let m = data(
        "unit_id,unit_name,group,x,late,sorry\nu,U,xa,1,3,1\nv,V,xa,0.2,40,0\nw,W,xa,0.9,0,\nz,Z,xa,1,,\n",
    );
    let s = scores(&c, &m);
    assert_eq!(
        (s[0].penalties[0], s[0].total, s[0].class),
        (1.0, 9.0, Some(0))
    );
    assert_eq!(
        (s[1].penalties[0], s[1].total, s[1].class),
        (5.0, 0.0, Some(1))
    );
    assert_eq!(s[0].gates[0], GateOutcome::Fail);
    assert_eq!(s[2].gates[0], GateOutcome::Pass);
    assert_eq!(
        (s[3].gates[0], s[3].penalty_counts[0], s[3].penalties[0]),
        (GateOutcome::Undefined, None, 0.0)
    );
}

#[test]
fn unknown_metric_names_the_criterion_line_and_the_closest_metric() {
    let c = campaign("  - id: a\n    name: A\n    points: 10\n    value: \"hai_lon / danh_gia\"\n");
    let m = data("unit_id,unit_name,group,hai_long,danh_gia\nu,U,xa,1,1\n");
    let e = Scorer::new(&c, &m).err().unwrap().en();
    assert!(e.contains("m.csv:1: column `hai_lon` is missing (needed by criterion `a` at c.yaml:8); closest header: `hai_long`"), "{e}");
}

#[test]
fn unknown_group_names_the_row() {
    let c = campaign("  - { id: a, name: A, points: 10, value: \"x\" }\n");
    let m = data("unit_id,unit_name,group,x\nu,U,xa,1\nv,V,phuong,1\nw,W,phong,1\n");
    // Checked before any scoring, every bad row at once.
    let e = Scorer::new(&c, &m).err().unwrap().en();
    assert!(
        e.contains("m.csv:4: unit `w`: unknown group `phong`"),
        "{e}"
    );
    assert!(
        e.contains("m.csv:3: unit `v`: unknown group `phuong` (not in c.yaml)"),
        "{e}"
    );
}

/// A criterion rewarding the rise in satisfaction since the baseline.
fn improvement() -> Campaign {
    campaign(
        "  - id: tien_bo\n    name: T\n    points: 10\n    value: \"hai_long / danh_gia - prev.hai_long / prev.danh_gia\"\n    scoring: { linear: { zero_at: 0, full_at: 0.2 } }\n    when_undefined: zero\n",
    )
}

#[test]
fn prev_names_read_the_same_unit_in_the_baseline() {
    let c = improvement();
    let now = data(
        "unit_id,unit_name,group,hai_long,danh_gia\nu,U,xa,9,10\nv,V,xa,5,10\nnew,N,xa,10,10\n",
    );
    let before = data("unit_id,unit_name,group,danh_gia,hai_long\nv,V,xa,10,6\nu,U,xa,10,8\n");
    let scorer = Scorer::with_baseline(&c, &now, Some(&before)).unwrap();
    assert!(scorer.reads_baseline());
    let s = scorer.score_all(&now).unwrap();
    // u: 0.9 − 0.8 = 0.1 of a 0.2 span → 5 points; v went down → 0.
    assert_eq!(s[0].criteria[0].points, Some(5.0));
    assert_eq!(s[1].criteria[0].points, Some(0.0));
    // Not in the baseline: `prev.` is undefined, so when_undefined (zero) decides.
    assert_eq!(
        (s[2].criteria[0].value, s[2].criteria[0].points),
        (None, Some(0.0))
    );
    let row = scorer.row(&now.units[0]);
    assert_eq!(
        scorer.inputs(0, &row),
        [
            ("hai_long".to_string(), Some(9.0)),
            ("danh_gia".to_string(), Some(10.0)),
            ("prev.hai_long".to_string(), Some(8.0)),
            ("prev.danh_gia".to_string(), Some(10.0)),
        ]
    );
}

#[test]
fn prev_without_a_baseline_names_the_criterion_and_the_flags() {
    let c = improvement();
    let now = data("unit_id,unit_name,group,hai_long,danh_gia\nu,U,xa,9,10\n");
    let e = Scorer::new(&c, &now).err().unwrap().en();
    assert!(
        e.contains("c.yaml:8: criterion `tien_bo`: `prev.hai_long` reads the baseline, but none was given; add --baseline FILE or --baseline-period P"),
        "{e}"
    );
    let before = data("unit_id,unit_name,group,hai_lon,danh_gia\nu,U,xa,9,10\n");
    let e = Scorer::with_baseline(&c, &now, Some(&before))
        .err()
        .unwrap()
        .en();
    assert!(
        e.contains("m.csv:1: column `hai_long` is missing (needed by criterion `tien_bo` (as `prev.hai_long`) at c.yaml:8); closest header: `hai_lon`"),
        "{e}"
    );
}

#[test]
fn a_baseline_nobody_reads_changes_nothing() {
    let c = campaign("  - { id: a, name: A, points: 10, value: \"x\" }\n");
    let now = data("unit_id,unit_name,group,x\nu,U,xa,0.5\n");
    let before = data("unit_id,unit_name,group,x\nu,U,xa,1\n");
    let with = Scorer::with_baseline(&c, &now, Some(&before)).unwrap();
    assert!(!with.reads_baseline());
    assert_eq!(with.score_all(&now).unwrap(), scores(&c, &now));
}

#[test]
fn share_times_points_rounds_to_the_points() {
    let c = campaign(
        "  - { id: a, name: A, points: 20, value: \"x / y\" }\n  - { id: b, name: B, points: 5, value: \"x / y\", when_undefined: full }\n",
    );
    let s = scores(
        &c,
        &data("unit_id,unit_name,group,x,y\nu,U,xa,29,32\nv,V,xa,1,0\n"),
    );
    assert_eq!(s[0].criteria[0].share, Some(29.0 / 32.0));
    assert_eq!(s[0].criteria[0].points, Some(18.13));
    assert_eq!(
        (s[1].criteria[1].share, s[1].criteria[1].points),
        (Some(1.0), Some(5.0))
    );
}

#[test]
fn numbers_are_written_exactly_at_precision() {
    let cases = [
        (0.0, 2, "0.00"),
        (18.125, 2, "18.13"),
        (-18.125, 2, "-18.13"),
        (5.0, 0, "5"),
        (0.05, 1, "0.1"),
        (100.0, 2, "100.00"),
        (0.004, 2, "0.00"),
        (-0.004, 2, "0.00"),
        (1234567.891, 3, "1234567.891"),
        (0.5, 0, "1"),
        (7.0, 6, "7.000000"),
    ];
    for (x, p, want) in cases {
        assert_eq!(fmt_num(x, p), want, "{x} at {p}");
    }
    assert_eq!(
        fmt_num(1e300, 2).len(),
        304,
        "huge values fall back to float formatting"
    );
}

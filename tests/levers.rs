//! Levers ("what it would take"): for random campaigns and units outside the
//! line, k × change written into the data file puts the unit inside through
//! the normal pipeline and (k − 1) × change does not; an unreachable lever
//! leaves it outside at the most the data allows. Then the same through the
//! binary on the shipped example, and the errors a campaign's levers can get.

use proptest::prelude::*;
use serde_json::Value;
use thidua::campaign::Campaign;
use thidua::levers::{self, Outcome};
use thidua::metrics::{self, Metrics};
use thidua::ranking::{self, LineStatus};
use thidua::scoring::Scorer;

use crate::util::{EXAMPLE, fails, json, stdout, unit, write};

const COLS: [&str; 9] = [
    "tiep_nhan",
    "tiep_nhan_truc_tuyen",
    "da_giai_quyet",
    "truoc_han",
    "dung_han",
    "tre_han",
    "danh_gia",
    "hai_long",
    "xin_loi",
];

/// One unit's counts, consistent with the part rules.
pub(crate) fn counts() -> impl Strategy<Value = Vec<u32>> {
    (0u32..40, 0u32..40, 0u32..12, 0u32..30, 0u32..6).prop_flat_map(
        |(rec, res, late, rated, sorry)| {
            (0..=rec, 0..=res.saturating_sub(late.min(res)), 0..=rated).prop_map(
                move |(online, early, happy)| {
                    let late = late.min(res);
                    let on_time = res - late - early.min(res - late);
                    vec![
                        rec,
                        online,
                        res,
                        early.min(res - late),
                        on_time,
                        late,
                        rated,
                        happy,
                        sorry,
                    ]
                },
            )
        },
    )
}

pub(crate) fn scoring() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "proportional",
        "{ linear: { zero_at: 0.2, full_at: 0.9 } }",
        "{ steps: [ { min: 0.9, points: 10 }, { min: 0.6, points: 6 }, { min: 0.3, points: 2 } ] }",
    ])
}

/// A campaign: three criteria with random scoring, a capped penalty, maybe a
/// gate, one or two tiers (exclusive or not), and five levers — one of which
/// lowers a ratio (more received, same online), one moves a whole and a part.
#[allow(clippy::too_many_arguments)]
pub(crate) fn yaml(
    precision: u32,
    s: [&str; 3],
    penalty: (u32, u32),
    gate: Option<u32>,
    exclusive: bool,
    places: &[u32],
    floor: Option<u32>,
) -> String {
    let mut y = format!(
        "schema: thidua/campaign/v1\nid: p\nprecision: {precision}\nexclusive: {exclusive}\n\
         groups: {{ xa: {{ name: X }} }}\n\
         criteria:\n\
         \x20 - {{ id: tien_do, name: T, points: 10, value: \"(truoc_han + dung_han) / da_giai_quyet\", scoring: {} }}\n\
         \x20 - {{ id: truc_tuyen, name: O, points: 10, value: \"tiep_nhan_truc_tuyen / tiep_nhan\", scoring: {} }}\n\
         \x20 - {{ id: hai_long, name: H, points: 10, value: \"hai_long / danh_gia\", scoring: {}, when_undefined: full }}\n\
         penalties:\n  - {{ id: tre, name: L, count: \"max(tre_han - xin_loi, 0)\", points_each: {}, max: {} }}\n\
         tiebreak: [tien_do]\n",
        s[0],
        s[1],
        s[2],
        f64::from(penalty.0) / 4.0,
        penalty.1
    );
    if let Some(g) = gate {
        y.push_str(&format!(
            "gates:\n  - {{ id: it, name: G, rule: \"tre_han <= {g}\", tiers: [t0] }}\n"
        ));
    }
    y.push_str("tiers:\n");
    for (t, p) in places.iter().enumerate() {
        y.push_str(&format!(
            "  - id: t{t}\n    award: A{t}\n    quotas: [ {{ group: xa, collectives: {p} }} ]\n"
        ));
        if let (Some(f), true) = (floor, t + 1 == places.len()) {
            y.push_str(&format!("    min_percent: {f}\n"));
        }
    }
    y.push_str(
        "levers:\n\
         \x20 - { id: dung_han, name: D, change: { tre_han: -1, dung_han: +1 } }\n\
         \x20 - { id: hai_long, name: H, change: { danh_gia: +1, hai_long: +1 } }\n\
         \x20 - { id: truc_tuyen, name: O, change: { tiep_nhan_truc_tuyen: +1 } }\n\
         \x20 - { id: nhan_them, name: R, change: { tiep_nhan: +1 } }\n\
         \x20 - { id: giai_quyet, name: S, change: { da_giai_quyet: +1, dung_han: +1 } }\n",
    );
    y
}

pub(crate) fn csv(units: &[Vec<u32>]) -> String {
    let mut s = format!("unit_id,unit_name,group,{}\n", COLS.join(","));
    for (i, u) in units.iter().enumerate() {
        let v: Vec<String> = u.iter().map(u32::to_string).collect();
        s.push_str(&format!("u{i},U{i},xa,{}\n", v.join(",")));
    }
    s
}

/// The data file with unit `u`'s counts moved by k steps of the lever: read
/// back by the real reader (so a part above its whole would be an error).
pub(crate) fn moved(c: &Campaign, m: &Metrics, u: usize, lever: usize, k: u64) -> Metrics {
    let mut rows: Vec<Vec<u32>> = m
        .units
        .iter()
        .map(|r| r.values.iter().map(|v| v.unwrap() as u32).collect())
        .collect();
    for (metric, d) in &c.levers[lever].change {
        let at = COLS.iter().position(|x| x == metric).unwrap();
        let v = i64::from(rows[u][at]) + k as i64 * d;
        rows[u][at] = u32::try_from(v).expect("k stays within the data");
    }
    metrics::read(csv(&rows).as_bytes(), "moved.csv", None).expect("k stays within the part rules")
}

/// The normal pipeline: score the file, draw tier T's line, unit u's status.
pub(crate) fn status(c: &Campaign, m: &Metrics, tier: usize, u: usize) -> LineStatus {
    let scores = Scorer::new(c, m).unwrap().score_all(m).unwrap();
    let groups = ranking::rank(c, &scores, Some(tier));
    let e = groups[0].entries.iter().find(|e| e.score == u).unwrap();
    e.line.unwrap()
}

/// A random campaign with levers and 2 to `max_units` − 1 units of data,
/// loaded: (campaign, data, number of tiers).
pub(crate) fn case(max_units: usize) -> impl Strategy<Value = (Campaign, Metrics, usize)> {
    (
        prop::collection::vec(counts(), 2..max_units),
        0u32..3,
        [scoring(), scoring(), scoring()],
        (1u32..8, 1u32..6),
        prop::option::weighted(0.4, 0u32..4),
        any::<bool>(),
        prop::collection::vec(0u32..4, 1..3),
        prop::option::weighted(0.3, prop::sample::select(vec![20u32, 40, 60])),
    )
        .prop_map(
            |(units, precision, s, penalty, gate, exclusive, places, floor)| {
                let text = yaml(precision, s, penalty, gate, exclusive, &places, floor);
                let c = Campaign::from_yaml(&text, "p.yaml").unwrap();
                let m = metrics::read(csv(&units).as_bytes(), "p.csv", None).unwrap();
                (c, m, places.len())
            },
        )
}

proptest! {
    #![proptest_config(crate::util::cases(64))]
    #[test]
    fn k_works_and_k_minus_one_does_not((c, m, tiers) in case(9)) {
        let scorer = Scorer::new(&c, &m).unwrap();
        let scores = scorer.score_all(&m).unwrap();
        let bound = levers::bind(&c, &m).unwrap();
        for tier in 0..tiers {
            // The shortcut line agrees with the real walk, probe by probe.
            let search = levers::Search::new(&c, &scorer, &m, &scores, tier, &bound);
            for u in search.candidates() {
                let (_, fast) = search.lines.unchanged(u).unwrap();
                let mut row = m.units[u].clone();
                for l in &bound {
                    for k in 0..6 {
                        let p = search.probe(u, l, &mut row, k, fast);
                        if let Some(s) = &p.score {
                            prop_assert_eq!(p.status, search.exact_status(u, s), "lever {} k {}", l.lever, k);
                        }
                    }
                }
            }
            let answers = levers::what_it_takes(&c, &scorer, &m, &scores, tier, &bound, 2);
            for (u, a) in answers.iter().enumerate() {
                let before = status(&c, &m, tier, u);
                let Some(a) = a else {
                    prop_assert!(matches!(before, LineStatus::In | LineStatus::WonHigherTier(_)));
                    continue;
                };
                prop_assert!(before != LineStatus::In);
                for ans in &a.answers {
                    match &ans.outcome {
                        Outcome::Reached { k, score, .. } => {
                            let m1 = moved(&c, &m, u, ans.lever, *k);
                            prop_assert_eq!(status(&c, &m1, tier, u), LineStatus::In, "lever {} k {}", ans.lever, k);
                            let again = Scorer::new(&c, &m1).unwrap().score_all(&m1).unwrap();
                            prop_assert_eq!(&again[u], score);
                            let m0 = moved(&c, &m, u, ans.lever, k - 1);
                            prop_assert!(status(&c, &m0, tier, u) != LineStatus::In, "lever {} k-1 {}", ans.lever, k - 1);
                        }
                        Outcome::Unreachable { k_max, .. } => {
                            let m1 = moved(&c, &m, u, ans.lever, *k_max);
                            prop_assert!(status(&c, &m1, tier, u) != LineStatus::In, "lever {} k_max {}", ans.lever, k_max);
                        }
                    }
                }
            }
        }
    }
}

/// The first commune below the huyện line on the shipped example.
const SON: &str = "xa_phuoc_son";

/// The example with `unit`'s counts moved by k steps of `change`.
fn example_moved(dir: &std::path::Path, change: &[(String, i64)], k: i64) -> String {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let header: Vec<String> = lines[0].split(',').map(String::from).collect();
    for line in lines.iter_mut().skip(1) {
        let mut cells: Vec<String> = line.split(',').map(String::from).collect();
        if cells[0] != SON {
            continue;
        }
        for (metric, d) in change {
            let at = header.iter().position(|h| h == metric).unwrap();
            let v: i64 = cells[at].parse().unwrap();
            cells[at] = (v + k * d).to_string();
        }
        *line = cells.join(",");
    }
    write(dir, &format!("moved-{k}.csv"), &(lines.join("\n") + "\n"))
}

fn line_of(v: &Value, id: &str) -> String {
    unit(v, id)["line"].as_str().unwrap().to_string()
}

#[test]
fn the_binary_gives_k_that_works_on_the_edited_file_and_k_minus_one_that_does_not() {
    let v = json(&["rank", "--tier", "huyen", "--levers", EXAMPLE]);
    assert_eq!(line_of(&v, SON), "below_line");
    assert_eq!(unit(&v, SON)["rank"], 9);
    let levers = unit(&v, SON)["levers"].as_array().unwrap().clone();
    let first = &levers[0];
    assert_eq!(first["id"], "giai_quyet_dung_han");
    assert_eq!(first["k"], 5, "{first}");
    assert_eq!(first["reachable"], true);
    assert!(
        unit(&v, "xa_phuoc_hai")["levers"].is_null(),
        "inside: no levers"
    );
    let campaign = Campaign::builtin(thidua::i18n::Lang::Vi);
    let dir = tempfile::tempdir().unwrap();
    let mut reached = 0;
    for l in &levers {
        let change = &campaign
            .levers
            .iter()
            .find(|x| x.id == l["id"].as_str().unwrap())
            .unwrap()
            .change;
        if l["reachable"] == true {
            reached += 1;
            let k = l["k"].as_i64().unwrap();
            let with_k = json(&[
                "rank",
                "--tier",
                "huyen",
                &example_moved(dir.path(), change, k),
            ]);
            assert_eq!(line_of(&with_k, SON), "in", "{l}");
            assert_eq!(unit(&with_k, SON)["total"], l["total"], "{l}");
            assert_eq!(unit(&with_k, SON)["rank"], l["rank"], "{l}");
            let short = json(&[
                "rank",
                "--tier",
                "huyen",
                &example_moved(dir.path(), change, k - 1),
            ]);
            assert_ne!(line_of(&short, SON), "in", "{l}");
        } else {
            let k_max = l["k_max"].as_i64().unwrap();
            let most = json(&[
                "rank",
                "--tier",
                "huyen",
                &example_moved(dir.path(), change, k_max),
            ]);
            assert_ne!(line_of(&most, SON), "in", "{l}");
        }
    }
    assert!(reached >= 2, "{levers:?}");
}

#[test]
fn levers_that_cannot_work_say_so() {
    let v = json(&["rank", "--tier", "huyen", "--levers", EXAMPLE]);
    let hai_long = &unit(&v, SON)["levers"][1];
    assert_eq!(hai_long["id"], "them_hai_long");
    assert_eq!(hai_long["reachable"], false);
    assert_eq!(hai_long["k"], Value::Null);
    // Satisfaction is at 19,55 of 20: not at its maximum, and even the
    // maximum is not enough.
    assert_eq!(hai_long["reason"], "max_not_enough");
    let gap = stdout(&["gap", SON, "--tier", "huyen", EXAMPLE, "--format", "md"]);
    assert!(gap.contains("chưa đủ kể cả khi đạt tối đa"), "{gap}");
    assert!(!gap.contains("đã tối đa"), "{gap}");
    assert!(
        gap.contains("5 hồ sơ trễ hạn được giải quyết đúng hạn → vào chỉ tiêu"),
        "{gap}"
    );
    assert!(gap.contains("tre_han: 17 → 12"), "{gap}");
    // Printed for people: names, Vietnamese numbers, no internal ids.
    assert!(
        gap.contains("## Để vào chỉ tiêu: UBND xã Phước Sơn — UBND các xã, thị trấn, Giấy khen của Chủ tịch UBND huyện: hạng 9, 70,88 điểm"),
        "{gap}"
    );
    assert!(
        gap.contains("## hồ sơ trễ hạn được giải quyết đúng hạn × 5"),
        "{gap}"
    );
    assert!(gap.contains("| Tiến độ | "), "{gap}");
    assert!(gap.contains("da_giai_quyet = 1.069"), "{gap}");
    for id in [SON, "giai_quyet_dung_han", "tien_do |", "huyen", "(xa)"] {
        assert!(!gap.contains(id), "{id} in {gap}");
    }
    let ids = stdout(&[
        "gap", SON, "--tier", "huyen", EXAMPLE, "--format", "md", "--ids",
    ]);
    assert!(ids.contains(&format!("UBND xã Phước Sơn ({SON})")), "{ids}");
}

#[test]
fn the_table_shows_the_cheapest_lever_in_words() {
    let t = stdout(&[
        "rank", "--tier", "huyen", "--levers", EXAMPLE, "--format", "md", "--ids",
    ]);
    assert!(t.contains("| Để vào chỉ tiêu |"), "{t}");
    let row = t.lines().find(|l| l.contains(SON)).unwrap();
    assert!(
        row.contains("| 5 hồ sơ trễ hạn được giải quyết đúng hạn |"),
        "{row}"
    );
    let csv = stdout(&[
        "rank", "--tier", "huyen", "--levers", EXAMPLE, "--format", "csv",
    ]);
    let header = csv.lines().next().unwrap();
    assert!(header.contains("lever_giai_quyet_dung_han_k,lever_giai_quyet_dung_han_total"));
}

#[test]
fn gap_on_a_unit_inside_says_it_is_inside() {
    let t = stdout(&[
        "gap",
        "xa_phuoc_thuan",
        "--tier",
        "huyen",
        EXAMPLE,
        "--format",
        "md",
    ]);
    assert!(t.contains("đã trong chỉ tiêu"), "{t}");
}

#[test]
fn bad_levers_are_errors_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let base = thidua::campaign::DEFAULT_YAML;
    let unknown = base.replace(
        "change: { tre_han: -1, dung_han: +1 }",
        "change: { tre_han: -1, dung_hn: +1 }",
    );
    let f = write(dir.path(), "unknown.yaml", &unknown);
    let line = unknown.lines().position(|l| l.contains("dung_hn")).unwrap() + 1;
    let err = fails(
        &[
            "rank",
            "--tier",
            "huyen",
            "--levers",
            EXAMPLE,
            "--criteria",
            &f,
        ],
        1,
    );
    assert!(
        err.contains(&format!(
            "unknown.yaml:{line}: lever `giai_quyet_dung_han`: unknown metric `dung_hn`"
        )),
        "{err}"
    );
    assert!(err.contains("did you mean `dung_han`?"), "{err}");
    let half = base.replace(
        "change: { tiep_nhan_truc_tuyen: +1 }",
        "change: { tiep_nhan_truc_tuyen: 0.5 }",
    );
    let f = write(dir.path(), "half.yaml", &half);
    let err = fails(&["rank", EXAMPLE, "--criteria", &f], 1);
    assert!(
        err.contains(
            "lever `them_truc_tuyen`: change of `tiep_nhan_truc_tuyen` must be a whole number"
        ),
        "{err}"
    );
    let twice = base.replace("id: so_hoa_ket_qua, name", "id: so_hoa, name");
    let f = write(dir.path(), "twice.yaml", &twice);
    let err = fails(&["rank", EXAMPLE, "--criteria", &f], 1);
    assert!(err.contains("duplicate id `so_hoa` in levers"), "{err}");
}

#[test]
fn levers_need_a_tier_and_a_campaign_that_declares_them() {
    let err = fails(&["rank", "--levers", EXAMPLE], 2);
    assert!(err.contains("--tier"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let base = thidua::campaign::DEFAULT_YAML;
    let none: String = base
        .lines()
        .filter(|l| !l.starts_with("levers:") && !l.contains("change:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let f = write(dir.path(), "none.yaml", &none);
    let err = fails(
        &["gap", SON, "--tier", "huyen", EXAMPLE, "--criteria", &f],
        2,
    );
    assert!(err.contains("declares no levers"), "{err}");
}

/// `gap --format csv` is for scripts: ids and machine numbers, one row per
/// lever, the same answers as the JSON.
#[test]
fn gap_csv_is_the_json_s_answers_in_rows() {
    let csv = stdout(&["gap", SON, "--tier", "huyen", EXAMPLE, "--format", "csv"]);
    let v = json(&["gap", SON, "--tier", "huyen", EXAMPLE]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("unit_id,tier,lever,k,reachable,total,rank,reason")
    );
    let want: Vec<String> = v["levers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let n = |x: &Value| x.as_f64().map_or(String::new(), |x| x.to_string());
            format!(
                "{SON},huyen,{},{},{},{},{},{}",
                a["id"].as_str().unwrap(),
                n(&a["k"]),
                a["reachable"],
                a["total"]
                    .as_f64()
                    .map_or(String::new(), |t| format!("{t:.2}")),
                n(&a["rank"]),
                a["reason"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(lines.map(String::from).collect::<Vec<_>>(), want);
}

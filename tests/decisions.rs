//! The council's decisions through the binary: points added move a unit
//! across the line in `rank` and `nominate` alike, a settled tie fills its
//! place with the chosen unit and says by which document, and a decision that
//! names anything but what is tied is refused with its line.

use crate::util::*;

const DECISIONS: &str = "examples/quyet-dinh-hoi-dong.yaml";

fn line_of<'a>(v: &'a serde_json::Value, id: &str) -> &'a str {
    unit(v, id)["line"].as_str().unwrap()
}

#[test]
fn points_added_by_the_council_move_a_unit_across_the_line_everywhere() {
    let before = json(&["rank", "--tier", "huyen", EXAMPLE]);
    assert_eq!(line_of(&before, "xa_phuoc_son"), "below_line");
    assert_eq!(line_of(&before, "xa_phuoc_dinh"), "in");
    let after = json(&["rank", "--tier", "huyen", EXAMPLE, "--decisions", DECISIONS]);
    let son = unit(&after, "xa_phuoc_son");
    assert_eq!(son["total"], 73.88);
    assert_eq!(son["line"], "in");
    assert_eq!(son["decisions"]["adjustment"], 3.0);
    assert!(
        son["decisions"]["adjustments"][0]["document"]
            .as_str()
            .unwrap()
            .starts_with("Quyết định số 45/QĐ-UBND")
    );
    assert_eq!(line_of(&after, "xa_phuoc_dinh"), "below_line");
    let n = json(&[
        "nominate",
        "--tier",
        "huyen",
        EXAMPLE,
        "--decisions",
        DECISIONS,
    ]);
    let status = |id: &str| {
        n["tiers"][0]["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == "collective" && e["unit_id"] == id)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("xa_phuoc_son"), "nominated");
    assert_eq!(status("xa_phuoc_dinh"), "below_line");
    let md = stdout(&[
        "nominate",
        "--tier",
        "huyen",
        EXAMPLE,
        "--decisions",
        DECISIONS,
        "--format",
        "md",
    ]);
    assert!(md.contains("UBND xã Phước Sơn: +3,00 điểm Sáng kiến cải cách TTHC được công nhận cấp huyện (theo Quyết định số 45/QĐ-UBND"), "{md}");
    let explain = stdout(&[
        "score",
        EXAMPLE,
        "--explain",
        "xa_phuoc_son",
        "--decisions",
        DECISIONS,
        "--format",
        "md",
    ]);
    assert!(explain.contains("+ 3,00 (quyết định) = 73,88"), "{explain}");
}

#[test]
fn a_settled_tie_fills_the_place_with_the_chosen_unit_and_names_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = std::fs::read_to_string("criteria/ninh-phuoc-236.yaml")
        .unwrap()
        .replace("collectives: 4", "collectives: 3");
    let c = write(dir.path(), "c.yaml", &yaml);
    let d = write(
        dir.path(),
        "d.yaml",
        "ties:\n  - { tier: huyen, group: phong_ban, chosen: [phong_vh_tt], document: \"Biên bản số 12/BB-HĐTĐKT ngày 02/12/2023\" }\n",
    );
    let v = json(&[
        "rank",
        "--tier",
        "huyen",
        EXAMPLE,
        "--criteria",
        &c,
        "--decisions",
        &d,
    ]);
    assert_eq!(line_of(&v, "phong_vh_tt"), "in");
    assert_eq!(line_of(&v, "phong_tu_phap"), "below_line");
    assert_eq!(v["groups"][0]["filled"], 3);
    assert!(v["groups"][0]["tie"].is_null());
    assert_eq!(
        unit(&v, "phong_tu_phap")["decisions"]["tie_settled_by"],
        "Biên bản số 12/BB-HĐTĐKT ngày 02/12/2023"
    );
    let t = stdout(&[
        "rank",
        "--tier",
        "huyen",
        EXAMPLE,
        "--criteria",
        &c,
        "--decisions",
        &d,
        "--format",
        "md",
    ]);
    assert!(t.contains("2 đơn vị bằng điểm cho 1 suất: đã quyết định theo Biên bản số 12/BB-HĐTĐKT ngày 02/12/2023"), "{t}");
    let n = json(&[
        "nominate",
        "--tier",
        "huyen",
        EXAMPLE,
        "--criteria",
        &c,
        "--decisions",
        &d,
        "--individuals",
        "examples/ninh-phuoc-2023-canhan.csv",
    ]);
    let vh = n["tiers"][0]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "collective" && e["unit_id"] == "phong_vh_tt")
        .unwrap()
        .clone();
    assert_eq!(vh["status"], "nominated");
    assert_eq!(vh["decided_by"], "Biên bản số 12/BB-HĐTĐKT ngày 02/12/2023");
    // Without the file nothing is decided for the council.
    let v = json(&["rank", "--tier", "huyen", EXAMPLE, "--criteria", &c]);
    assert_eq!(line_of(&v, "phong_vh_tt"), "tie");
}

#[test]
fn a_decision_about_anything_but_the_tie_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = write(
        dir.path(),
        "d.yaml",
        "# Hội đồng\nties:\n  - { tier: huyen, group: xa, chosen: [xa_phuoc_vinh], document: BB 12 }\nadjustments:\n  - { unit_id: xa_khong_co, points: 1, document: QĐ 1 }\n",
    );
    for cmd in ["rank", "nominate", "score"] {
        let mut args = vec![cmd, EXAMPLE, "--decisions", &d];
        if cmd == "rank" {
            args.extend(["--tier", "huyen"]);
        }
        let err = fails(&args, 1);
        assert!(
            err.contains("d.yaml:5: unknown unit `xa_khong_co`"),
            "{cmd}: {err}"
        );
    }
    let twice = write(
        dir.path(),
        "twice.yaml",
        "ties:\n  - { tier: huyen, group: xa, chosen: [xa_phuoc_vinh, xa_phuoc_vinh], document: BB 12 }\n",
    );
    let err = fails(
        &["rank", "--tier", "huyen", EXAMPLE, "--decisions", &twice],
        1,
    );
    assert!(
        err.contains("twice.yaml:2: `xa_phuoc_vinh` is chosen twice"),
        "{err}"
    );
    let d = write(
        dir.path(),
        "d2.yaml",
        "ties:\n  - { tier: huyen, group: xa, chosen: [xa_phuoc_vinh], document: BB 12 }\n",
    );
    let err = fails(&["rank", "--tier", "huyen", EXAMPLE, "--decisions", &d], 1);
    assert!(
        err.contains(
            "d2.yaml:2: no tie at the line of tier `huyen`, group `xa`: nothing to decide"
        ),
        "{err}"
    );
}

fn strs(a: &[String]) -> Vec<&str> {
    a.iter().map(String::as_str).collect()
}

/// People across a group tied for its last place (the 2026 khối sở: two
/// people at 9,4 for 1 place) are settled by `group` + `chosen_people`; a
/// decision that picks both, or a tie no longer there, is refused at its line.
#[test]
fn a_tie_among_people_across_a_group_is_settled_by_the_council() {
    let dir = tempfile::tempdir().unwrap();
    // The 2026 Bằng khen list with a decisions file holding one tie decision.
    let with = |name: &str, tie: &str| -> Vec<String> {
        let d = write(dir.path(), name, &format!("ties:\n  - {tie}\n"));
        [
            "nominate",
            "--criteria",
            "criteria/tinh-xa-2026.yaml",
            "examples/tinh-2026.csv",
            "--individuals",
            "examples/tinh-2026-canhan.csv",
            "--tier",
            "bk_tinh",
            "--decisions",
            &d,
        ]
        .map(String::from)
        .to_vec()
    };
    let a = with(
        "mot.yaml",
        "{ tier: bk_tinh, group: khoi_so, chosen_people: [so_vh_tt_dl_04], document: \"Biên bản số 12/BB-HĐTĐKT\" }",
    );
    let v = json(&strs(&a));
    let people: Vec<(&str, &str)> = v["tiers"][0]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "individual" && e["group"] == "khoi_so")
        .map(|e| {
            (
                e["person_id"].as_str().unwrap_or(""),
                e["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        people.contains(&("so_vh_tt_dl_04", "nominated")),
        "{people:?}"
    );
    assert!(
        !people.iter().any(|(p, _)| *p == "so_gd_dt_03"),
        "{people:?}"
    );
    assert!(!people.iter().any(|(_, s)| *s == "tie"), "{people:?}");
    for (name, tie, want) in [
        (
            "hai.yaml",
            "{ tier: bk_tinh, group: khoi_so, chosen_people: [so_vh_tt_dl_04, so_gd_dt_03], document: BB }",
            "hai.yaml:2: choose exactly 1 of the tied people of `khoi_so` (so_gd_dt_03, so_vh_tt_dl_04)",
        ),
        (
            "khong.yaml",
            "{ tier: bk_tinh, group: khoi_phuong, chosen_people: [so_gd_dt_03], document: BB }",
            "khong.yaml:2: no tie among the people of `khoi_phuong` at tier `bk_tinh`",
        ),
    ] {
        let err = fails(&strs(&with(name, tie)), 1);
        assert!(err.contains(want), "{err}");
    }
}

//! `thidua nominate` end to end on the shipped example and on small files.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::{EXAMPLE, json, stdout, thidua};

const PEOPLE: &str = "examples/ninh-phuoc-2023-canhan.csv";

fn entries<'a>(tier: &'a Value, kind: &'a str, status: &'a str) -> Vec<&'a str> {
    tier["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == kind && e["status"] == status)
        .map(|e| {
            e[if kind == "individual" && status == "nominated" {
                "person_id"
            } else {
                "unit_id"
            }]
            .as_str()
            .unwrap()
        })
        .collect()
}

#[test]
fn the_plans_totals_come_out_of_the_default_campaign() {
    let v = json(&[
        "nominate",
        EXAMPLE,
        "--tier",
        "all",
        "--individuals",
        PEOPLE,
    ]);
    let tiers = v["tiers"].as_array().unwrap();
    assert_eq!(
        tiers
            .iter()
            .map(|t| t["id"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["tinh", "huyen"]
    );
    let count = |t: &Value, kind: &str| entries(t, kind, "nominated").len();
    assert_eq!(
        (
            count(&tiers[0], "collective"),
            count(&tiers[0], "individual")
        ),
        (2, 2)
    );
    assert_eq!(
        (
            count(&tiers[1], "collective"),
            count(&tiers[1], "individual")
        ),
        (11, 11)
    );
    assert_eq!(
        entries(&tiers[0], "collective", "nominated"),
        ["phong_noi_vu", "xa_phuoc_hai"]
    );
    // The best direct worker of xa_phuoc_hai is not eligible: the next one is chosen.
    assert!(entries(&tiers[0], "individual", "nominated").contains(&"xa_phuoc_hai_03"));
    // Exclusive: the tinh winners are out of huyen, which fills from the next ones.
    assert_eq!(
        entries(&tiers[1], "collective", "won_higher_tier"),
        ["phong_noi_vu", "xa_phuoc_hai"]
    );
    let pb: Vec<&str> = entries(&tiers[1], "collective", "nominated")
        .into_iter()
        .filter(|u| !u.starts_with("x") && !u.starts_with("tt_"))
        .collect();
    assert_eq!(
        pb,
        [
            "phong_tc_kh",
            "vp_hdnd_ubnd",
            "phong_tu_phap",
            "phong_vh_tt"
        ]
    );
    let quotas = &tiers[1]["quotas"];
    assert_eq!(
        (quotas[0]["places"].as_u64(), quotas[0]["filled"].as_u64()),
        (Some(4), Some(4))
    );
    let all_units: usize = tiers[1]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "collective")
        .count();
    assert_eq!(all_units, 23, "every unit of a quota's group has a status");
    let tc = tiers[0]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["unit_id"] == "phong_tc_kh")
        .unwrap();
    assert_eq!(
        (tc["status"].as_str(), tc["failed_gates"][0].as_str()),
        (Some("ineligible"), Some("khong_tre_han"))
    );
}

#[test]
fn huyen_alone_still_leaves_out_the_tinh_winners_and_says_so() {
    let out = stdout(&["nominate", EXAMPLE, "--tier", "huyen", "--format", "table"]);
    assert!(
        !out.contains("khen thưởng — Bằng khen"),
        "only the huyen list is shown"
    );
    assert!(
        out.contains("Đã đề nghị ở cấp cao hơn: Phòng Nội vụ (Bằng khen của Chủ tịch UBND tỉnh)"),
        "the higher tier by its award, not its id: {out}"
    );
    assert!(
        out.contains("do đơn vị đề xuất"),
        "no individuals file: one line per collective"
    );
    let v = json(&["nominate", EXAMPLE, "--tier", "huyen"]);
    assert_eq!(v["tiers"].as_array().unwrap().len(), 1);
    assert_eq!(
        entries(&v["tiers"][0], "individual", "to_be_proposed").len(),
        11
    );
}

#[test]
fn markdown_is_the_ready_to_paste_list() {
    let md = stdout(&[
        "nominate",
        EXAMPLE,
        "--tier",
        "tinh",
        "--individuals",
        PEOPLE,
        "--format",
        "md",
    ]);
    insta::assert_snapshot!(md);
}

#[test]
fn a_tie_at_the_line_is_not_picked_and_no_individual_is_chosen() {
    let dir = tempfile::tempdir().unwrap();
    // With 3 phong_ban places at huyen (Phòng Nội vụ won tinh), Phòng Tài chính - Kế
    // hoạch and the Văn phòng take two; the two tied units contest the last one.
    let yaml = fs::read_to_string("criteria/ninh-phuoc-236.yaml")
        .unwrap()
        .replace("collectives: 4", "collectives: 3");
    let p = dir.path().join("c.yaml");
    fs::write(&p, yaml).unwrap();
    let c = p.to_str().unwrap();
    let v = json(&[
        "nominate",
        EXAMPLE,
        "--criteria",
        c,
        "--tier",
        "huyen",
        "--individuals",
        PEOPLE,
    ]);
    let t = &v["tiers"][0];
    assert_eq!(
        entries(t, "collective", "tie"),
        ["phong_tu_phap", "phong_vh_tt"]
    );
    assert_eq!(
        t["quotas"][0]["tie"],
        serde_json::json!({"units": 2, "places": 1})
    );
    let people_units: Vec<&str> = t["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "individual")
        .map(|e| e["unit_id"].as_str().unwrap())
        .collect();
    assert!(!people_units.contains(&"phong_tu_phap") && !people_units.contains(&"phong_vh_tt"));
    let table = stdout(&[
        "nominate",
        EXAMPLE,
        "--criteria",
        c,
        "--tier",
        "huyen",
        "--format",
        "table",
        "--lang",
        "en",
    ]);
    assert!(
        table.contains("Filled 2/3 places; 1 place(s) awaiting a decision (2 units tied)"),
        "{table}"
    );
}

#[test]
fn a_collective_without_an_eligible_person_gets_a_visible_line() {
    let dir = tempfile::tempdir().unwrap();
    let people = dir.path().join("p.csv");
    fs::write(&people, "unit_id,person_id,full_name,position,eligible\nphong_noi_vu,a,Nguyễn Văn A,Chuyên viên,không\n").unwrap();
    let out = stdout(&[
        "nominate",
        EXAMPLE,
        "--tier",
        "tinh",
        "--individuals",
        people.to_str().unwrap(),
        "--format",
        "table",
    ]);
    assert!(out.contains("thiếu cá nhân: đơn vị phải đề xuất"), "{out}");
    let csv = stdout(&[
        "nominate",
        EXAMPLE,
        "--tier",
        "tinh",
        "--individuals",
        people.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert!(csv.starts_with(
        "tier,kind,group,unit_id,unit_name,person_id,full_name,position,rank,total,status,detail\n"
    ));
    assert!(
        csv.contains("tinh,individual,phong_ban,phong_noi_vu,Phòng Nội vụ,,,,1,82.29,missing,"),
        "{csv}"
    );
    assert!(csv.contains("tinh,collective,phong_ban,phong_tc_kh,Phòng Tài chính - Kế hoạch,,,,2,81.17,ineligible,khong_tre_han"), "{csv}");
}

#[test]
fn bad_inputs_are_refused_with_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let w = |name: &str, text: &str| {
        let p = dir.path().join(name);
        fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let people = w(
        "p.csv",
        "unit_id,person_id,full_name,position\nxa_khong_co,p1,A,B\n",
    );
    let out = dir.path().join("out.md");
    let a = thidua()
        .args([
            "nominate",
            EXAMPLE,
            "--individuals",
            &people,
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .code(1);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("p.csv:2: person `p1`: unit `xa_khong_co` is not in the metrics file"),
        "{err}"
    );
    assert!(!Path::new(&out).exists());
    let a = thidua()
        .args(["nominate", EXAMPLE, "--tier", "xa"])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("unknown tier `xa`"));
    let a = thidua()
        .args(["nominate", EXAMPLE, "--criteria", "criteria/qd-766.yaml"])
        .assert()
        .code(2);
    assert!(
        String::from_utf8_lossy(&a.get_output().stderr)
            .contains("qd-766.yaml has no award tiers: nothing to nominate")
    );
}

#[test]
fn a_campaign_rewarding_improvement_nominates_against_a_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = fs::read_to_string("criteria/ninh-phuoc-236.yaml")
        .unwrap()
        .replace("    value: \"hai_long / danh_gia\"\n    scoring: { linear: { zero_at: 0, full_at: 0.9 } }", "    value: \"hai_long / danh_gia - prev.hai_long / prev.danh_gia\"\n    scoring: { linear: { zero_at: 0, full_at: 0.05 } }");
    assert!(yaml.contains("prev.hai_long"));
    let c = dir.path().join("c.yaml");
    fs::write(&c, yaml).unwrap();
    let c = c.to_str().unwrap();
    let monthly = "examples/ninh-phuoc-2023-monthly.csv";
    let a = thidua()
        .args(["nominate", monthly, "--period", "2023-10", "--criteria", c])
        .assert()
        .code(1);
    assert!(
        String::from_utf8_lossy(&a.get_output().stderr).contains("prev."),
        "prev. without a baseline is an error"
    );
    let v = json(&[
        "nominate",
        monthly,
        "--period",
        "2023-10",
        "--baseline-period",
        "2023-09",
        "--criteria",
        c,
    ]);
    let ranked = json(&[
        "rank",
        monthly,
        "--tier",
        "tinh",
        "--period",
        "2023-10",
        "--baseline-period",
        "2023-09",
        "--criteria",
        c,
    ]);
    let inside: Vec<&str> = ranked["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["line"] == "in")
        .map(|u| u["unit_id"].as_str().unwrap())
        .collect();
    assert!(!inside.is_empty());
    assert_eq!(
        entries(&v["tiers"][0], "collective", "nominated"),
        inside,
        "the same scores as rank, baseline included"
    );
}

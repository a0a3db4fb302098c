//! The quotas of 2025+ plans through the binary: percents rounded down with
//! the computation shown, several quotas of a tier over a group (the
//! strictest wins), people across a group in the plan's order, the per-unit
//! cap, tie-break rules, rewards — and the shipped 2026 template on its data.

use serde_json::Value;

use crate::util::*;

/// Ten units of one group; `a` is the only criterion (points = 10 × a).
const CAMPAIGN: &str = r#"schema: thidua/campaign/v1
id: "q"
groups: { xa: { name: "Khối xã" } }
criteria: [{ id: a, name: A, points: 10, value: "a" }]
tiebreak:
  - a
  - { rule: "ty_le_nu >= 0.7", name: "Tập thể có từ 70% nữ" }
individuals:
  order: [direct, non_leader, score, female]
base_salary: 2340000
exclusive: true
tiers:
  - id: bk
    award: "Bằng khen của Chủ tịch UBND tỉnh"
    quotas:
      - { group: xa, collectives: 4, individuals_each: 2 }
      - { group: xa, collectives: "25%" }
      - { group: xa, per_unit: 2 }
    reward: { collective: 3.0, individual: 1.5 }
  - id: gk
    award: "Giấy khen của Chủ tịch UBND xã"
    quotas:
      - { group: xa, individuals: "50%", per_unit: 1 }
"#;

fn data() -> String {
    let mut s = String::from("unit_id,unit_name,group,a,ty_le_nu\n");
    // u1 and u2 are equal on points; only u2 has 70% women: it ranks first.
    let rows = [
        ("u1", 0.9, 0.5),
        ("u2", 0.9, 0.75),
        ("u3", 0.8, 0.5),
        ("u4", 0.7, 0.5),
        ("u5", 0.6, 0.5),
        ("u6", 0.5, 0.5),
        ("u7", 0.4, 0.5),
        ("u8", 0.3, 0.5),
    ];
    for (id, a, nu) in rows {
        s.push_str(&format!("{id},Xã {id},xa,{a},{nu}\n"));
    }
    s
}

const PEOPLE: &str = "unit_id,person_id,full_name,position,direct,score,gender,leader\n\
    u2,p21,Lãnh đạo,Chủ tịch,1,9,nam,1\n\
    u2,p22,Chuyên viên nam,Công chức,1,8,nam,0\n\
    u2,p23,Chuyên viên nữ,Công chức,1,8,nữ,0\n\
    u1,p11,Một,Công chức,1,8,nữ,0\n\
    u3,p31,Ba,Công chức,0,9,nam,0\n\
    u4,p41,Bốn,Công chức,1,7,nam,0\n\
    u4,p42,Bốn B,Công chức,1,6,nam,0\n\
    u5,p51,Năm,Công chức,1,5,nữ,0\n";

struct Files {
    _dir: tempfile::TempDir,
    campaign: String,
    data: String,
    people: String,
}

fn files() -> Files {
    let dir = tempfile::tempdir().unwrap();
    Files {
        campaign: write(dir.path(), "c.yaml", CAMPAIGN),
        data: write(dir.path(), "d.csv", &data()),
        people: write(dir.path(), "p.csv", PEOPLE),
        _dir: dir,
    }
}

fn entries<'a>(v: &'a Value, tier: usize, kind: &str) -> Vec<&'a Value> {
    v["tiers"][tier]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == kind)
        .collect()
}

#[test]
fn percent_quotas_round_down_and_the_strictest_of_several_wins() {
    let f = files();
    let v = json(&["rank", &f.data, "--criteria", &f.campaign, "--tier", "bk"]);
    // 4 places, or 25% × 8 = 2: the strictest is 2.
    assert_eq!(v["groups"][0]["places"], 2);
    let inside: Vec<&str> = units(&v)
        .iter()
        .filter(|u| u["line"] == "in")
        .map(|u| u["unit_id"].as_str().unwrap())
        .collect();
    assert_eq!(inside, ["u2", "u1"], "the rule tie-break puts u2 first");
    assert_eq!(unit(&v, "u2")["rank"], 1);
    assert_eq!(unit(&v, "u1")["rank"], 2);
    let md = stdout(&[
        "rank",
        &f.data,
        "--criteria",
        &f.campaign,
        "--tier",
        "bk",
        "--format",
        "md",
    ]);
    assert!(
        md.contains("4 suất; 25% × 8 đơn vị = 2 → 2 suất — lấy mức chặt hơn: 2 suất"),
        "{md}"
    );
}

#[test]
fn people_follow_the_plans_order_under_the_per_unit_cap() {
    let f = files();
    let v = json(&[
        "nominate",
        &f.data,
        "--criteria",
        &f.campaign,
        "--individuals",
        &f.people,
    ]);
    let people: Vec<(String, String)> = entries(&v, 0, "individual")
        .iter()
        .map(|e| {
            (
                e["unit_id"].as_str().unwrap().to_string(),
                format!(
                    "{}:{}",
                    e["person_id"].as_str().unwrap_or("-"),
                    e["status"].as_str().unwrap()
                ),
            )
        })
        .collect();
    // u2: 2 per unit in all, its collective takes one: one person. Direct
    // workers all; non-leaders before the chairman; then score (8 = 8); then
    // women first: p23, not p22 and never by file order.
    assert_eq!(
        people,
        [
            ("u2".to_string(), "p23:nominated".to_string()),
            ("u1".to_string(), "p11:nominated".to_string()),
        ]
    );
    let q = &v["tiers"][0]["quotas"][0];
    assert_eq!(
        q["capped"],
        serde_json::json!([{"unit_id": "u2", "removed": 1}, {"unit_id": "u1", "removed": 1}])
    );
    // Reward: 2 collectives × 3.0 + 2 people × 1.5 of 2.340.000.
    assert_eq!(
        v["tiers"][0]["reward"]["total"],
        2.0 * 7_020_000.0 + 2.0 * 3_510_000.0
    );
    let md = stdout(&[
        "nominate",
        &f.data,
        "--criteria",
        &f.campaign,
        "--individuals",
        &f.people,
        "--format",
        "md",
    ]);
    assert!(md.contains("Dự toán kinh phí khen thưởng: 2 tập thể × 7.020.000 + 2 cá nhân × 3.510.000 = 21.060.000 đồng"), "{md}");
    // gk: 50% of the eligible people not yet proposed (6 → 3), one per unit.
    let gk = entries(&v, 1, "individual");
    let picked: Vec<&str> = gk
        .iter()
        .filter(|e| e["status"] == "nominated")
        .map(|e| e["person_id"].as_str().unwrap())
        .collect();
    assert_eq!(picked.len(), 3, "{gk:?}");
    let units: std::collections::HashSet<&str> =
        gk.iter().map(|e| e["unit_id"].as_str().unwrap()).collect();
    assert_eq!(units.len(), picked.len(), "one per unit");
    assert!(
        !picked.contains(&"p23") && !picked.contains(&"p11"),
        "never twice"
    );
    assert!(
        md.contains("50% × 6 người đủ điều kiện = 3 → 3 suất"),
        "{md}"
    );
}

#[test]
fn quota_values_that_are_not_places_are_refused_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    for (bad, want) in [
        (
            "collectives: \"120%\"",
            "collectives: expected a percent above 0 and at most 100",
        ),
        (
            "collectives: ten",
            "collectives: expected a whole number of places",
        ),
        (
            "individuals_each: 1",
            "`individuals_each` goes with `collectives`",
        ),
    ] {
        let yaml = CAMPAIGN.replace("per_unit: 2", bad);
        let c = write(dir.path(), "c.yaml", &yaml);
        let d = write(dir.path(), "d.csv", &data());
        let err = fails(&["rank", &d, "--criteria", &c, "--tier", "bk"], 1);
        assert!(
            err.contains("c.yaml:") && err.contains(want),
            "{bad}: {err}"
        );
    }
}

#[test]
fn the_2026_template_checks_clean_on_its_data_and_ranks() {
    let (out, _) = run(&[
        "check",
        "criteria/tinh-xa-2026.yaml",
        "examples/tinh-2026.csv",
    ]);
    assert!(out.contains("OK"), "{out}");
    let v = json(&[
        "rank",
        "--criteria",
        "criteria/tinh-xa-2026.yaml",
        "--tier",
        "bk_tinh",
        "examples/tinh-2026.csv",
    ]);
    let groups: Vec<(&str, u64)> = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["group"].as_str().unwrap(), g["places"].as_u64().unwrap()))
        .collect();
    assert_eq!(groups, [("khoi_xa", 4), ("khoi_phuong", 1), ("khoi_so", 2)]);
    let n = json(&[
        "nominate",
        "--criteria",
        "criteria/tinh-xa-2026.yaml",
        "examples/tinh-2026.csv",
        "--individuals",
        "examples/tinh-2026-canhan.csv",
    ]);
    assert!(n["tiers"][0]["reward"]["total"].as_f64().unwrap() > 0.0);
    assert_eq!(n["tiers"][1]["id"], "gk_xa");
    // Its levers answer "what would it take" for the first xã below the line.
    let l = json(&[
        "rank",
        "--criteria",
        "criteria/tinh-xa-2026.yaml",
        "--tier",
        "bk_tinh",
        "--levers",
        "examples/tinh-2026.csv",
    ]);
    let van_thang = l["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit_name"] == "Xã Vạn Thắng")
        .unwrap();
    let pakn = van_thang["levers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "pakn_dung_han")
        .unwrap();
    assert_eq!(
        (pakn["reachable"].as_bool(), pakn["k"].as_u64()),
        (Some(true), Some(1))
    );
}

/// The 2026 list as the council reads it: the money of each entry, the
/// places of people across a group counted without the collectives' people,
/// a tie among them as one contested place, a place no one can take said so,
/// and the paper with the same money and budget.
#[test]
fn the_2026_list_shows_each_reward_and_counts_people_across_a_group() {
    let args = [
        "nominate",
        "--criteria",
        "criteria/tinh-xa-2026.yaml",
        "examples/tinh-2026.csv",
        "--individuals",
        "examples/tinh-2026-canhan.csv",
    ];
    let mut md_args = args.to_vec();
    md_args.extend(["--format", "md"]);
    let md = stdout(&md_args);
    assert!(
        md.contains("| STT | Tên tập thể | Khối | Điểm | Xếp hạng | Tiền thưởng (đồng) |"),
        "{md}"
    );
    assert!(
        md.contains("| 1 | Xã Vĩnh Hải | Khối các xã, đặc khu | 94,41 | 1 | 7.020.000 |"),
        "{md}"
    );
    assert!(
        md.contains("| STT | Họ và tên | Chức vụ | Đơn vị | Tiền thưởng (đồng) | Ghi chú |"),
        "{md}"
    );
    // khối sở: 2 people with their collectives, then 3 across the group: 2
    // named and 2 equal people for the last place.
    assert!(
        md.contains("Khối các sở, ban, ngành: cá nhân toàn khối: Đã xếp 2/3 suất; 1 suất chờ quyết định (2 người bằng nhau)"),
        "{md}"
    );
    assert!(
        md.contains("Tổng cộng: 7 tập thể, 10 cá nhân (1 suất cá nhân chờ quyết định). Dự toán kinh phí khen thưởng: 7 tập thể × 7.020.000 + 10 cá nhân × 3.510.000 = 84.240.000 đồng"),
        "{md}"
    );
    // Giấy khen of the communes: people only, so no collectives' money; the
    // person of a commune already proposed for the Bằng khen leaves a place.
    assert!(
        md.contains("Tổng cộng: 0 tập thể, 64 cá nhân. Dự toán kinh phí khen thưởng: 64 cá nhân × 702.000 = 44.928.000 đồng"),
        "{md}"
    );
    assert!(
        md.contains("Khối các xã, đặc khu: cá nhân toàn khối: Đã xếp 48/49 suất; 1 suất bỏ trống: không còn người đủ điều kiện chưa được đề nghị"),
        "{md}"
    );
    // For programs: each entry's money adds up to the tier's total, and the
    // people across a group are counted without the collectives' people.
    let v = json(&args);
    for t in v["tiers"].as_array().unwrap() {
        let sum: f64 = t["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["reward"].as_f64().unwrap())
            .sum();
        assert_eq!(sum, t["reward"]["total"].as_f64().unwrap(), "{}", t["id"]);
    }
    let so = &v["tiers"][0]["quotas"][2];
    assert_eq!(
        (
            so["group"].as_str(),
            so["individual_places"].as_u64(),
            so["individuals_picked"].as_u64()
        ),
        (Some("khoi_so"), Some(3), Some(2))
    );
    let mut csv_args = args.to_vec();
    csv_args.extend(["--format", "csv"]);
    let csv = stdout(&csv_args);
    assert!(
        csv.lines().next().unwrap().ends_with(",detail,reward"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "bk_tinh,collective,khoi_xa,xa_vinh_hai,Xã Vĩnh Hải,,,,1,94.41,nominated,,7020000\n"
        ),
        "{csv}"
    );
    // The Word paper: the same money column and budget line.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("de-nghi.docx");
    let mut docx_args = args.to_vec();
    docx_args.extend(["-o", out.to_str().unwrap()]);
    run(&docx_args);
    let xml = crate::docx::document_xml(&std::fs::read(&out).unwrap());
    let text = crate::docx::text(&xml);
    assert!(text.contains("Tiền thưởng (đồng)"), "{text}");
    assert!(text.contains("7.020.000"), "{text}");
    assert!(
        text.contains("Dự toán kinh phí khen thưởng: 7 tập thể × 7.020.000 + 10 cá nhân × 3.510.000 = 84.240.000 đồng."),
        "{text}"
    );
}

/// Two equal people of one unit under `per_unit: 1`: they contest the unit's
/// one place (never both in, never the first in the file), the next person
/// still gets a place, and a decision cannot take both past the cap.
#[test]
fn equal_people_of_one_unit_contest_its_capped_place() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(
        dir.path(),
        "c.yaml",
        "schema: thidua/campaign/v1\nid: q\ngroups: { xa: { name: \"Khối xã\" } }\ncriteria: [{ id: a, name: A, points: 10, value: \"a\" }]\ntiers:\n  - id: gk\n    award: \"Giấy khen\"\n    quotas:\n      - { group: xa, individuals: 3, per_unit: 1 }\n",
    );
    let d = write(
        dir.path(),
        "d.csv",
        "unit_id,unit_name,group,a\nu1,X1,xa,0.9\nu2,X2,xa,0.5\n",
    );
    let p = write(
        dir.path(),
        "p.csv",
        "unit_id,person_id,full_name,position,direct,score\nu1,p1,A,cv,1,9\nu1,p2,B,cv,1,9\nu2,p3,C,cv,1,5\n",
    );
    let base = [
        "nominate",
        d.as_str(),
        "--criteria",
        c.as_str(),
        "--individuals",
        p.as_str(),
    ];
    let v = json(&base);
    let people: Vec<(&str, &str)> = v["tiers"][0]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "individual")
        .map(|e| {
            (
                e["person_id"].as_str().unwrap(),
                e["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(people, [("p1", "tie"), ("p2", "tie"), ("p3", "nominated")]);
    let both = write(
        dir.path(),
        "hai.yaml",
        "ties:\n  - { tier: gk, group: xa, chosen_people: [p1, p2], document: BB }\n",
    );
    let mut args = base.to_vec();
    args.extend(["--decisions", both.as_str()]);
    let err = fails(&args, 1);
    assert!(err.contains("hai.yaml:2: "), "{err}");
    let one = write(
        dir.path(),
        "mot.yaml",
        "ties:\n  - { tier: gk, group: xa, chosen_people: [p2], document: BB }\n",
    );
    args.pop();
    args.push(one.as_str());
    let v = json(&args);
    let named: Vec<&str> = v["tiers"][0]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "individual" && e["status"] == "nominated")
        .map(|e| e["person_id"].as_str().unwrap())
        .collect();
    assert_eq!(named, ["p2", "p3"]);
}

//! Issue 11's quota-line cases through the binary: a gate called
//! `min_percent` is a gate, not the floor (sensitivity gives its failures no
//! chance), and two equally qualified people are both `tie`, never the first
//! in the file.

use crate::util::*;

#[test]
fn a_gate_named_min_percent_is_a_gate_and_its_failures_never_get_a_place() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(
        dir.path(),
        "c.yaml",
        r#"schema: thidua/campaign/v1
id: g
groups: { xa: { name: X } }
criteria:
  - { id: a, name: A, points: 10, value: "a" }
  - { id: b, name: B, points: 10, value: "b" }
gates:
  - { id: min_percent, name: "Không có hồ sơ trễ hạn", rule: "late == 0" }
tiers:
  - { id: t, award: T, quotas: [{ group: xa, collectives: 2 }] }
"#,
    );
    let d = write(
        dir.path(),
        "d.csv",
        "unit_id,unit_name,group,a,b,late\nu1,U1,xa,1,1,3\nu2,U2,xa,0.9,0.5,0\nu3,U3,xa,0.5,0.9,0\nu4,U4,xa,0.6,0.6,0\n",
    );
    let v = json(&[
        "rank",
        &d,
        "--criteria",
        &c,
        "--tier",
        "t",
        "--sensitivity",
        "200",
        "--spread",
        "0.5",
        "--seed",
        "3",
    ]);
    let u1 = unit(&v, "u1");
    assert_eq!(u1["line"], "ineligible");
    assert_eq!(u1["failed_gates"], serde_json::json!(["min_percent"]));
    assert_eq!(
        u1["sensitivity"]["p_in_quota"], 0.0,
        "a failed gate never takes a place"
    );
}

#[test]
fn two_equally_qualified_people_are_both_tied_and_none_is_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let people = write(
        dir.path(),
        "p.csv",
        "unit_id,person_id,full_name,position,direct,score\n\
         xa_phuoc_hai,a,Nguyễn Văn A,Công chức,1,9\n\
         xa_phuoc_hai,b,Trần Thị B,Công chức,1,9\n\
         phong_noi_vu,c,Lê Văn C,Chuyên viên,1,8\n",
    );
    let v = json(&[
        "nominate",
        EXAMPLE,
        "--tier",
        "tinh",
        "--individuals",
        &people,
    ]);
    let people: Vec<(String, String)> = v["tiers"][0]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "individual")
        .map(|e| {
            (
                e["person_id"].as_str().unwrap_or("-").to_string(),
                e["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("c".to_string(), "nominated".to_string()),
            ("a".to_string(), "tie".to_string()),
            ("b".to_string(), "tie".to_string()),
        ]
    );
    let md = stdout(&[
        "nominate",
        EXAMPLE,
        "--tier",
        "tinh",
        "--individuals",
        &people_path(&dir),
        "--format",
        "md",
    ]);
    assert!(md.contains("bằng nhau cho 1 suất — cần quyết định"), "{md}");
}

fn people_path(dir: &tempfile::TempDir) -> String {
    dir.path().join("p.csv").to_str().unwrap().to_string()
}

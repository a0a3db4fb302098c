//! The real binary on real files: every format, the shipped examples, and the
//! bad inputs users hit first.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::util::{EXAMPLE, MONTHLY, fails, json, stdout, thidua};

/// A small file in `dir`, as a path.
fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    PathBuf::from(crate::util::write(dir, name, text))
}

#[test]
fn rank_huyen_on_the_shipped_example_table() {
    insta::assert_snapshot!(stdout(&[
        "rank", "--tier", "huyen", EXAMPLE, "--format", "table"
    ]));
}

#[test]
fn rank_tinh_markdown_in_english() {
    insta::assert_snapshot!(stdout(&[
        "rank", "--tier", "tinh", EXAMPLE, "--format", "md", "--lang", "en"
    ]));
}

#[test]
fn explain_shows_every_input_and_points() {
    insta::assert_snapshot!(stdout(&[
        "score",
        EXAMPLE,
        "--explain",
        "tt_phuoc_dan",
        "--format",
        "table"
    ]));
}

#[test]
fn score_json_follows_the_contract() {
    let v = json(&["score", EXAMPLE]);
    let units = v["units"].as_array().unwrap();
    assert_eq!(units.len(), 23);
    let hai = units
        .iter()
        .find(|u| u["unit_id"] == "xa_phuoc_hai")
        .unwrap();
    assert_eq!(hai["unit_name"], "UBND xã Phước Hải");
    assert_eq!(hai["group"], "xa");
    assert_eq!(hai["total"], 84.9);
    assert_eq!(hai["max"], 100.0);
    assert_eq!(hai["class"], "Tốt");
    assert_eq!(hai["criteria"]["tien_do"], 20.0);
    assert_eq!(hai["penalties"]["tre_han_khong_xin_loi"], 0.0);
    let sum: f64 = hai["criteria"]
        .as_object()
        .unwrap()
        .values()
        .map(|x| x.as_f64().unwrap())
        .sum();
    assert!((sum - 84.9).abs() < 1e-9, "criteria add up to the total");
    let none = units
        .iter()
        .find(|u| u["unit_id"] == "phong_dan_toc")
        .unwrap();
    assert_eq!(
        (
            none["total"].as_f64(),
            none["class"].as_str(),
            &none["no_data"]
        ),
        (Some(0.0), None, &serde_json::json!(true)),
        "a unit with no dossiers scores 0 and is not graded"
    );
}

#[test]
fn rank_draws_the_line_nominate_draws_after_the_higher_tier() {
    // The built-in plan is exclusive: Phòng Nội vụ and xã Phước Hải are taken
    // by tỉnh, so at huyện they take no place; the four phòng ban places go to
    // the next four (Tư pháp and VH-TT, equal 4th, both fit), and the seventh
    // xã place to Phước Dinh — exactly what `nominate` proposes.
    let v = json(&["rank", "--tier", "huyen", EXAMPLE]);
    assert_eq!(v["tier"], "huyen");
    let pb = &v["groups"][0];
    assert_eq!(
        (
            pb["group"].as_str(),
            pb["places"].as_u64(),
            pb["filled"].as_u64()
        ),
        (Some("phong_ban"), Some(4), Some(4))
    );
    assert!(pb["tie"].is_null(), "{pb}");
    let units = v["units"].as_array().unwrap();
    let with = |line: &str| -> Vec<&str> {
        units
            .iter()
            .filter(|u| u["line"] == line)
            .map(|u| u["unit_id"].as_str().unwrap())
            .collect()
    };
    assert_eq!(with("won_higher_tier"), ["phong_noi_vu", "xa_phuoc_hai"]);
    assert!(with("tie").is_empty());
    let inside = with("in");
    assert!(inside.contains(&"phong_tu_phap") && inside.contains(&"phong_vh_tt"));
    assert!(inside.contains(&"xa_phuoc_dinh"));
    let n = json(&["nominate", "--tier", "huyen", EXAMPLE]);
    let mut nominated: Vec<&str> = n["tiers"][0]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "collective" && e["status"] == "nominated")
        .map(|e| e["unit_id"].as_str().unwrap())
        .collect();
    let mut inside = inside.clone();
    nominated.sort();
    inside.sort();
    assert_eq!(nominated, inside, "rank and nominate agree");
    let t = stdout(&["rank", "--tier", "huyen", EXAMPLE, "--format", "md"]);
    assert!(
        t.contains("| ↑ đã đề nghị Bằng khen của Chủ tịch UBND tỉnh |"),
        "{t}"
    );
}

#[test]
fn a_tie_at_the_last_place_leaves_it_open() {
    // With 3 huyện places for the phòng ban, Tư pháp and VH-TT (equal 4th)
    // contest the third: 2 of 3 places are filled, one awaits a decision.
    let dir = tempfile::tempdir().unwrap();
    let yaml = fs::read_to_string("criteria/ninh-phuoc-236.yaml")
        .unwrap()
        .replace("collectives: 4", "collectives: 3");
    let c = write(dir.path(), "c.yaml", &yaml);
    let c = c.to_str().unwrap();
    let v = json(&["rank", "--tier", "huyen", EXAMPLE, "--criteria", c]);
    let pb = &v["groups"][0];
    assert_eq!(
        (pb["places"].as_u64(), pb["filled"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(pb["tie"], serde_json::json!({"units": 2, "places": 1}));
    let n = json(&["nominate", "--tier", "huyen", EXAMPLE, "--criteria", c]);
    assert_eq!(n["tiers"][0]["quotas"][0]["filled"], 2);
    for lang in ["vi", "en"] {
        let t = stdout(&[
            "rank",
            "--tier",
            "huyen",
            EXAMPLE,
            "--criteria",
            c,
            "--format",
            "md",
            "--lang",
            lang,
        ]);
        let want = if lang == "vi" {
            "Đã xếp 2/3 suất; 1 suất chờ quyết định (2 đơn vị bằng điểm)"
        } else {
            "Filled 2/3 places; 1 place(s) awaiting a decision (2 units tied)"
        };
        assert!(t.contains(want), "{t}");
        assert!(!t.contains("3/3"), "{t}");
    }
}

#[test]
fn rank_json_marks_the_gates() {
    let tinh = json(&["rank", "--tier", "tinh", EXAMPLE]);
    let tc = tinh["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit_id"] == "phong_tc_kh")
        .unwrap();
    assert_eq!(
        (tc["eligible"].as_bool(), tc["line"].as_str()),
        (Some(false), Some("ineligible"))
    );
    assert_eq!(tc["failed_gates"], serde_json::json!(["khong_tre_han"]));
}

#[test]
fn csv_output_to_a_file_is_atomic_and_agrees_with_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("scores.csv");
    thidua()
        .args(["score", EXAMPLE, "-o", out.to_str().unwrap()])
        .assert()
        .success()
        .stdout("");
    let csv = fs::read_to_string(&out).unwrap();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("unit_id,unit_name,group,tien_do,"),
        "format from the extension"
    );
    let v = json(&["score", EXAMPLE]);
    for (line, unit) in lines.zip(v["units"].as_array().unwrap()) {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells[0], unit["unit_id"].as_str().unwrap());
        let total: f64 = cells[cells.len() - 4].parse().unwrap();
        assert_eq!(total, unit["total"].as_f64().unwrap());
    }
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[test]
fn markdown_and_english_labels() {
    let md = stdout(&["score", EXAMPLE, "--format", "md", "--lang", "en"]);
    assert!(md.starts_with("| Unit | Group | Tiến độ |"), "{md}");
    assert!(md.contains("| UBND thị trấn Phước Dân | UBND các xã, thị trấn | 19.85 |"));
    assert!(
        md.contains("- Tiến độ: Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn (20.00 points)"),
        "names stay as written"
    );
}

#[test]
fn periods_are_summed_before_rates_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let monthly = write(
        dir.path(),
        "m.csv",
        "unit_id,unit_name,group,period,da_giai_quyet,truoc_han,dung_han,tre_han,tiep_nhan,tiep_nhan_truc_tuyen,tiep_nhan_bcci,tra_kq_bcci,so_hoa_ho_so,so_hoa_ket_qua,phai_thanh_toan,thanh_toan_truc_tuyen,danh_gia,hai_long,xin_loi,dang_qua_han\n\
        a,A,xa,2023-01,10,5,0,5,10,1,0,0,0,0,0,0,0,0,0,0\na,A,xa,2023-02,90,90,0,0,90,9,0,0,0,0,0,0,0,0,0,0\na,A,xa,2023-03,1,0,0,1,1,1,0,0,0,0,0,0,0,0,0,0\n",
    );
    let summed = write(
        dir.path(),
        "s.csv",
        "unit_id,unit_name,group,da_giai_quyet,truoc_han,dung_han,tre_han,tiep_nhan,tiep_nhan_truc_tuyen,tiep_nhan_bcci,tra_kq_bcci,so_hoa_ho_so,so_hoa_ket_qua,phai_thanh_toan,thanh_toan_truc_tuyen,danh_gia,hai_long,xin_loi,dang_qua_han\n\
        a,A,xa,100,95,0,5,100,10,0,0,0,0,0,0,0,0,0,0\n",
    );
    let a = json(&[
        "score",
        monthly.to_str().unwrap(),
        "--period",
        "2023-01..2023-02",
    ]);
    let b = json(&["score", summed.to_str().unwrap()]);
    assert_eq!(a["units"], b["units"]);
    assert_eq!(
        a["units"][0]["criteria"]["tien_do"], 19.0,
        "ratio of sums (95/100), not mean of ratios"
    );
    assert_eq!(a["periods"], serde_json::json!(["2023-01", "2023-02"]));
    let err = fails(&["score", monthly.to_str().unwrap()], 2);
    assert!(err.contains("holds 3 periods"), "{err}");
    assert!(
        fails(&["rank", MONTHLY, "--period", "2023-13"], 2)
            .contains("'--period <P>': `2023-13` is not a period")
    );
}

#[test]
fn weights_overlay_changes_the_ranking() {
    let dir = tempfile::tempdir().unwrap();
    let w = write(dir.path(), "w.yaml", "truc_tuyen: 5\nhai_long: 40\n");
    let v = json(&["score", EXAMPLE, "--weights", w.to_str().unwrap()]);
    let u = &v["units"][0];
    assert_eq!(u["max"], 105.0);
    let bad = write(dir.path(), "bad.yaml", "hai_lon: 40\n");
    let err = fails(&["score", EXAMPLE, "--weights", bad.to_str().unwrap()], 1);
    assert!(
        err.contains("bad.yaml:1: unknown criterion `hai_lon`; did you mean `hai_long`?"),
        "{err}"
    );
}

#[test]
fn qd766_criteria_against_a_file_without_its_metrics_names_the_closest() {
    let err = fails(&["score", EXAMPLE, "--criteria", "criteria/qd-766.yaml"], 1);
    assert!(err.contains("criteria/qd-766.yaml:"), "{err}");
    assert!(
        err.contains(
            "examples/ninh-phuoc-2023.csv:1: column `cong_bo_dung_han_tu` is missing (needed by criterion"
        ),
        "{err}"
    );
}

#[test]
fn bad_data_and_usage_errors_name_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let d = |name: &str, text: &str| write(dir.path(), name, text).to_str().unwrap().to_string();
    let head = "unit_id,unit_name,group,tiep_nhan\n";
    let dup = d("dup.csv", &format!("{head}a,A,xa,1\na,A,xa,2\n"));
    assert!(
        fails(&["score", &dup, "--criteria", "criteria/qd-766.yaml"], 1)
            .contains("dup.csv:3: unit `a` appears twice (first on line 2)")
    );
    let ex = fs::read_to_string(EXAMPLE)
        .unwrap()
        .replacen(",xa,", ",phuong,", 1);
    let grp = d("grp.csv", &ex);
    let err = fails(&["rank", &grp], 1);
    assert!(
        err.contains("grp.csv:15: unit `tt_phuoc_dan`: unknown group `phuong`"),
        "{err}"
    );
    let empty = d("empty.csv", "");
    assert!(fails(&["score", &empty], 1).contains("empty file"));
    assert!(fails(&["score", &d("h.csv", head)], 1).contains("no units"));
    assert!(fails(&["rank", EXAMPLE, "--tier", "quoc_gia"], 2).contains("unknown tier `quoc_gia`"));
    assert!(fails(&["rank", EXAMPLE, "--tier", "huyn"], 2).contains("; did you mean `huyen`?"));
    assert!(fails(&["score", "no-such.csv"], 1).contains("no-such.csv: cannot read"));
    assert!(fails(&["score", "examples"], 1).contains("examples: is a folder"));
    assert!(
        fails(&["score", EXAMPLE, "--explain", "xa_phuoc_ha"], 2)
            .contains("did you mean `xa_phuoc_hai`?")
    );
    let yaml = fs::read_to_string("criteria/ninh-phuoc-236.yaml")
        .unwrap()
        .replace(
            "    when_undefined: zero          # nothing",
            "    when_undefinde: zero          # nothing",
        );
    let y = d("c.yaml", &yaml);
    let err = fails(&["score", EXAMPLE, "--criteria", &y], 1);
    assert!(
        err.contains("c.yaml")
            && err.contains("c.yaml:34:5: criterion `tien_do`: unknown key `when_undefinde`"),
        "{err}"
    );
    fails(&["score", EXAMPLE, "--format", "xml"], 2);
    fails(&["frobnicate"], 2);
}

#[test]
fn never_writes_over_an_input_or_leaves_a_half_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "data.csv",
        &fs::read_to_string(EXAMPLE).unwrap(),
    );
    let before = fs::read_to_string(&data).unwrap();
    let err = fails(
        &[
            "score",
            data.to_str().unwrap(),
            "-o",
            data.to_str().unwrap(),
        ],
        1,
    );
    assert!(
        err.contains("refusing to write over the input file"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&data).unwrap(), before);
    let bad = write(
        dir.path(),
        "bad.csv",
        "unit_id,unit_name,group,x\na,A,nowhere,1\n",
    );
    let out = dir.path().join("out.csv");
    fails(
        &["score", bad.to_str().unwrap(), "-o", out.to_str().unwrap()],
        1,
    );
    assert!(!out.exists(), "invalid input writes no output file");
    let missing = dir.path().join("no/such/dir/out.csv");
    assert!(
        fails(&["score", EXAMPLE, "-o", missing.to_str().unwrap()], 1).contains("does not exist")
    );
}

#[test]
fn hostile_names_are_neutralised_in_csv() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "h.csv",
        &fs::read_to_string(EXAMPLE)
            .unwrap()
            .replace("Phòng Nội vụ", "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
    );
    let csv = stdout(&["score", data.to_str().unwrap(), "--format", "csv"]);
    assert!(
        csv.contains("phong_noi_vu,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",phong_ban,"),
        "{csv}"
    );
    assert!(predicate::str::contains("Phòng Tư pháp").eval(&csv));
}

#[test]
fn awkward_names_round_trip_through_csv() {
    let dir = tempfile::tempdir().unwrap();
    // Commas, quotes, a line break, a formula, and Vietnamese written with
    // combining marks (NFD) rather than precomposed letters.
    let names = [
        "Phòng A, B và C",
        "Phòng \"Một cửa\"",
        "UBND xã\nPhước Hải",
        "-Phòng Y tế",
        "Phu\u{0300}ng Nô\u{0323}i vu\u{0323}",
    ];
    let mut csv = String::from("unit_id,unit_name,group,x\n");
    for (i, n) in names.iter().enumerate() {
        csv.push_str(&format!("u{i},\"{}\",xa,1\n", n.replace('"', "\"\"")));
    }
    let data = write(dir.path(), "n.csv", &csv);
    let c = write(
        dir.path(),
        "c.yaml",
        "schema: thidua/campaign/v1\nid: t\ngroups: { xa: { name: X } }\ncriteria: [{ id: a, name: A, points: 1, value: x }]\n",
    );
    let out = stdout(&[
        "score",
        data.to_str().unwrap(),
        "--criteria",
        c.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let got: Vec<String> = rdr.records().map(|r| r.unwrap()[1].to_string()).collect();
    let want: Vec<String> = names
        .iter()
        .map(|n| {
            if n.starts_with('-') {
                format!("'{n}")
            } else {
                n.to_string()
            }
        })
        .collect();
    assert_eq!(
        got, want,
        "names come back as written; only a formula-like one is defused"
    );
}

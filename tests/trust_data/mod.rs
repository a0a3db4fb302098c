//! Issue 11, the data readers: no silent wrong number, and errors that blame
//! the right file — whole counts, blanks that stay blank when periods are
//! summed, missing columns reported against the data, the flag that fixes a
//! baseline, duplicate ids at the duplicate, and no cell dropped past the
//! header. Every case through the real binary.

use std::fs;

use crate::util::{EXAMPLE, fails, json, run, thidua, write};

/// The shipped example with one cell of unit `xa_phuoc_hai` replaced.
fn example_with(dir: &std::path::Path, from: &str, to: &str) -> (String, usize) {
    let text = fs::read_to_string(EXAMPLE).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("xa_phuoc_hai,"))
        .unwrap()
        + 1;
    let changed: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with("xa_phuoc_hai,") {
                l.replacen(from, to, 1)
            } else {
                l.to_string()
            }
        })
        .collect();
    assert_ne!(changed.join("\n"), text.trim_end(), "the cell was replaced");
    (write(dir, "data.csv", &(changed.join("\n") + "\n")), line)
}

// Case 1: counts are whole numbers.
#[test]
fn a_thousands_dot_in_a_count_is_an_error_naming_the_cell_and_import() {
    let dir = tempfile::tempdir().unwrap();
    // xa_phuoc_hai received 1610 dossiers; Excel writes "1.610".
    let (data, line) = example_with(dir.path(), ",1610,", ",1.610,");
    for cmd in ["score", "rank", "nominate"] {
        let err = fails(&[cmd, &data], 1);
        assert!(
            err.contains(&format!(
                "{data}:{line}:4: tiep_nhan: `1.610` looks like a thousands separator in a count; write 1610, or convert the file with `thidua import`"
            )),
            "{cmd}: {err}"
        );
        assert!(
            err.contains("hint: `thidua import` reads Vietnamese number formats"),
            "{err}"
        );
    }
    let (data, line) = example_with(dir.path(), ",909,0", ",909,0.5");
    let err = fails(&["score", &data], 1);
    assert!(
        err.contains(&format!(
            "{data}:{line}:20: xin_loi: `0.5` is not a whole number"
        )),
        "{err}"
    );
}

#[test]
fn other_metrics_may_still_be_decimals() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "d.csv",
        "unit_id,unit_name,group,ty_le\na,A,xa,1.608\nb,B,xa,0.5\n",
    );
    let c = write(
        dir.path(),
        "c.yaml",
        "schema: thidua/campaign/v1\nid: t\ngroups: { xa: { name: X } }\ncriteria:\n  - { id: r, name: R, points: 10, value: \"ty_le / 2\" }\n",
    );
    let v = json(&["score", &data, "--criteria", &c]);
    assert_eq!(v["units"][0]["criteria"]["r"], 8.04);
    assert_eq!(v["units"][1]["criteria"]["r"], 2.5);
}

#[test]
fn import_turns_thousands_dots_into_counts_that_score() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("metrics.csv");
    let out = out.to_str().unwrap();
    run(&[
        "import",
        "tests/fixtures/import/portal-export.csv",
        "-o",
        out,
    ]);
    let text = fs::read_to_string(out).unwrap();
    // "1.270" and "1.232" of Phòng Tài nguyên và Môi trường.
    assert!(text.contains("phong_tn_mt,"), "{text}");
    assert!(text.contains(",1270,") && text.contains(",1232,"), "{text}");
    let v = json(&["score", out]);
    let tn = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit_id"] == "phong_tn_mt")
        .unwrap();
    assert!(tn["total"].as_f64().unwrap() > 0.0, "{tn}");
}

// Case 3: a blank is not a zero.
const HL: &str = "schema: thidua/campaign/v1\nid: t\ngroups: { xa: { name: X } }\ncriteria:\n  - id: hl\n    name: HL\n    points: 20\n    value: \"hai_long / danh_gia\"\n    when_undefined: exclude\n";

#[test]
fn a_blank_month_leaves_the_sum_missing_with_one_notice() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(dir.path(), "c.yaml", HL);
    let data = write(
        dir.path(),
        "d.csv",
        "unit_id,unit_name,group,period,danh_gia,hai_long\n\
         a,A,xa,2023-01,10,\na,A,xa,2023-02,10,10\nb,B,xa,2023-01,10,10\nb,B,xa,2023-02,10,10\n",
    );
    let args = [
        "score",
        data.as_str(),
        "--criteria",
        &c,
        "--period",
        "2023-01..2023-02",
        "--format",
        "json",
    ];
    let (out, err) = run(&args);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Not 10/20 → 10 points: missing, so `exclude` leaves the criterion out.
    assert_eq!(v["units"][0]["criteria"]["hl"], serde_json::Value::Null);
    assert_eq!(v["units"][0]["max"], 0.0);
    assert_eq!(v["units"][1]["criteria"]["hl"], 20.0);
    let notice = format!(
        "thidua: notice: {data}:2:6: unit `a`: `hai_long` is blank for 2023-01 but given for 2023-02: its sum is left missing, not counted as 0"
    );
    assert_eq!(err.matches("notice:").count(), 1, "{err}");
    assert!(err.contains(&notice), "{err}");
    // The same month alone: nothing summed, nothing to say.
    let (_, err) = run(&[
        "score",
        &data,
        "--criteria",
        &c,
        "--period",
        "2023-01",
        "--format",
        "json",
    ]);
    assert!(!err.contains("notice"), "{err}");
}

// Case 10: a misspelt data column is the data file's problem.
#[test]
fn misspelt_data_columns_are_all_blamed_on_the_data_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(EXAMPLE)
        .unwrap()
        .replacen("hai_long", "hai_Long", 1)
        .replacen("tre_han", "tre_hann", 1);
    let data = write(dir.path(), "data.csv", &text);
    let err = fails(&["score", &data], 1);
    assert!(
        err.contains(&format!(
            "{data}:1: column `hai_long` is missing (needed by criterion `hai_long` at criteria/ninh-phuoc-236.yaml (built in):"
        )),
        "{err}"
    );
    assert!(err.contains("); closest header: `hai_Long`"), "{err}");
    assert!(
        err.contains(&format!("{data}:1: column `tre_han` is missing (needed by penalty `tre_han_khong_xin_loi` at criteria/ninh-phuoc-236.yaml (built in):")),
        "{err}"
    );
    assert!(err.contains(", gate `khong_tre_han` at"), "{err}");
    assert!(err.contains("closest header: `tre_hann`"), "{err}");
    assert!(err.contains("2 problems found"), "{err}");
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn a_baseline_lacking_a_prev_column_is_the_baselines_problem() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(
        dir.path(),
        "c.yaml",
        "schema: thidua/campaign/v1\nid: t\ngroups: { xa: { name: X } }\ncriteria:\n  - id: up\n    name: Up\n    points: 10\n    value: \"hai_long - prev.hai_long\"\n",
    );
    let data = write(
        dir.path(),
        "now.csv",
        "unit_id,unit_name,group,hai_long\na,A,xa,5\n",
    );
    let before = write(
        dir.path(),
        "before.csv",
        "unit_id,unit_name,group,hai_lon\na,A,xa,4\n",
    );
    let err = fails(
        &["score", &data, "--criteria", &c, "--baseline", &before],
        1,
    );
    assert!(
        err.contains(&format!(
            "{before}:1: column `hai_long` is missing (needed by criterion `up` (as `prev.hai_long`) at {c}:5); closest header: `hai_lon`"
        )),
        "{err}"
    );
}

// Case 11: hints name the right flag; duplicates point at the duplicate.
#[test]
fn a_baseline_with_several_periods_names_baseline_period() {
    let err = fails(&["score", EXAMPLE, "--baseline", crate::util::MONTHLY], 2);
    assert!(
        err.contains("choose with --baseline-period P or --baseline-period FROM..TO"),
        "{err}"
    );
    assert!(!err.contains("--period P"), "{err}");
    let err = fails(&["score", crate::util::MONTHLY], 2);
    assert!(
        err.contains("choose with --period P or --period FROM..TO"),
        "{err}"
    );
    let err = fails(
        &[
            "score",
            EXAMPLE,
            "--baseline",
            EXAMPLE,
            "--baseline-period",
            "2023",
        ],
        2,
    );
    assert!(
        err.contains("--baseline-period was given but the file has no `period` column"),
        "{err}"
    );
}

#[test]
fn duplicate_ids_point_at_the_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let head =
        "schema: thidua/campaign/v1\nid: t\ngroups:\n  xa: { name: X }\n  phong_ban: { name: P }\n";
    let crit = "criteria:\n  - id: a\n    name: A\n    points: 10\n    value: \"tiep_nhan\"\n";
    let cases = [
        (
            format!("{head}  xa: {{ name: Y }}\n{crit}"),
            "6:3: groups: key `xa` is repeated (first on line 4)",
        ),
        (
            format!(
                "{head}{crit}  - id: b\n    name: B\n    points: 1\n    value: x\n  - id: a\n    name: A2\n    points: 5\n    value: \"tiep_nhan\"\n"
            ),
            "15: duplicate criterion id `a` (first on line 7)",
        ),
        (
            format!(
                "{head}{crit}penalties:\n  - {{ id: p, name: P, count: tre_han, points_each: 1 }}\n  - {{ id: p, name: Q, count: tre_han, points_each: 2 }}\n"
            ),
            "13: duplicate id `p` in penalties (first on line 12)",
        ),
        (
            format!(
                "{head}{crit}gates:\n  - {{ id: g, name: G, rule: \"tre_han == 0\" }}\n  - {{ id: g, name: H, rule: \"tre_han == 0\" }}\n"
            ),
            "13: duplicate id `g` in gates (first on line 12)",
        ),
        (
            format!("{head}{crit}tiers:\n  - id: t1\n    award: A\n  - id: t1\n    award: B\n"),
            "14: duplicate tier id `t1` (first on line 12)",
        ),
    ];
    for (yaml, want) in cases {
        let c = write(dir.path(), "c.yaml", &yaml);
        let err = fails(&["score", EXAMPLE, "--criteria", &c], 1);
        assert!(err.contains(&format!("{c}:{want}")), "{yaml}\n{err}");
    }
}

// Case 5: nothing dropped past the header.
#[test]
fn metrics_and_individuals_rows_longer_than_the_header_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(dir.path(), "c.yaml", HL);
    let data = write(
        dir.path(),
        "d.csv",
        "unit_id,unit_name,group,danh_gia,hai_long\na,A,xa,10,9,,\nb,B,xa,10,9,7\n",
    );
    let err = fails(&["score", &data, "--criteria", &c], 1);
    assert!(
        err.contains(&format!(
            "{data}:3:6: 6 fields, but the header has 5: `7` is past the last column"
        )),
        "{err}"
    );
    assert!(!err.contains(":2:"), "trailing empty cells are fine: {err}");
    let people = write(
        dir.path(),
        "p.csv",
        "unit_id,person_id,full_name,position\nxa_phuoc_hai,p1,A,x,\nxa_phuoc_hai,p2,B,y,1\n",
    );
    let err = fails(
        &[
            "nominate",
            EXAMPLE,
            "--tier",
            "tinh",
            "--individuals",
            &people,
        ],
        1,
    );
    assert!(
        err.contains(&format!(
            "{people}:3:5: 5 fields, but the header has 4: `1` is past the last column"
        )),
        "{err}"
    );
    assert!(!err.contains(&format!("{people}:2")), "{err}");
}

#[test]
fn notices_do_not_change_the_exit_code() {
    let out = thidua()
        .args(["score", EXAMPLE, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty());
}

#[test]
fn import_refuses_cells_past_the_header_unless_empty() {
    let dir = tempfile::tempdir().unwrap();
    let table = write(
        dir.path(),
        "t.csv",
        "Mã đơn vị,Tên đơn vị,Khối,Tiếp nhận\nxa_a,A,xa,1,2,3\nxa_b,B,xa,4,,\n",
    );
    let out = dir.path().join("out.csv");
    let out = out.to_str().unwrap();
    let err = fails(&["import", &table, "-o", out], 1);
    assert!(
        err.contains(&format!(
            "{table}:2:5: 6 cells, but the header has 4: `2` is past the last column"
        )),
        "{err}"
    );
    assert!(!err.contains(&format!("{table}:3")), "{err}");
    assert!(!std::path::Path::new(out).exists());
    let dossiers = fs::read_to_string("tests/fixtures/import/dossiers.csv").unwrap();
    let mut lines: Vec<String> = dossiers.lines().map(str::to_string).collect();
    lines[1].push_str(",,");
    lines[2].push_str(",x");
    let d = write(dir.path(), "d.csv", &(lines.join("\n") + "\n"));
    let err = fails(
        &[
            "import",
            "--dossiers",
            &d,
            "--from",
            "2023-01-01",
            "--to",
            "2023-12-31",
            "-o",
            out,
        ],
        1,
    );
    assert!(
        err.contains(&format!(
            "{d}:3:14: 14 cells, but the header has 13: `x` is past the last column"
        )),
        "{err}"
    );
    assert!(!err.contains(&format!("{d}:2:")), "{err}");
}

mod fuzz;

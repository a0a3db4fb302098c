//! For scripts (SPEC 10): what a run says besides its result is data in the
//! JSON (`warnings`), and `--strict` turns any warning or notice into exit 1
//! with nothing written — the monthly cron job's contract.

use crate::util::{MONTHLY, fails, json, run, write};

/// The monthly example with one blank count in February.
fn with_a_blank(dir: &std::path::Path) -> (String, u64) {
    let text = std::fs::read_to_string(MONTHLY).unwrap();
    let mut line = 0;
    let rows: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if line == 0 && l.contains(",2023-02,") {
                line = i as u64 + 1;
                let mut cells: Vec<&str> = l.split(',').collect();
                cells[4] = "";
                return cells.join(",");
            }
            l.to_string()
        })
        .collect();
    (write(dir, "ytd.csv", &(rows.join("\n") + "\n")), line)
}

#[test]
fn warnings_are_data_and_strict_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (ytd, line) = with_a_blank(dir.path());
    let args = [
        "rank",
        "--tier",
        "huyen",
        &ytd,
        "--period",
        "2023-01..2023-03",
    ];
    let v = json(&args);
    let said = v["warnings"].as_array().unwrap();
    let blank = said
        .iter()
        .find(|w| w["code"] == "blank_notice")
        .unwrap_or_else(|| panic!("{said:?}"));
    assert_eq!(blank["kind"], "notice");
    assert_eq!(blank["file"], "ytd.csv");
    assert_eq!(blank["line"], line);
    assert!(blank["message"].as_str().unwrap().contains("tiep_nhan"));
    // --strict: exit 1, the notice said, nothing written.
    let out = dir.path().join("kq.json");
    let mut a = args.to_vec();
    a.extend(["--strict", "-o", out.to_str().unwrap()]);
    let err = fails(&a, 1);
    assert!(
        err.contains("--strict") && err.contains("tiep_nhan"),
        "{err}"
    );
    assert!(!out.exists(), "nothing written under --strict");
}

#[test]
fn a_clean_run_says_nothing_and_passes_strict() {
    let args = ["rank", "--tier", "huyen", MONTHLY, "--period", "2023-10"];
    assert_eq!(json(&args)["warnings"], serde_json::json!([]));
    let mut a = args.to_vec();
    a.extend(["--strict", "--format", "csv"]);
    let (out, err) = run(&a);
    assert!(!out.is_empty() && err.is_empty(), "{err}");
}

//! The catalogue of bad inputs users hit first, through every subcommand:
//! each ends with exit code 1 (data) or 2 (usage), a message naming the file
//! or flag and the problem, no panic, and no output file.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

const EXAMPLE: &str = "examples/ninh-phuoc-2023.csv";

struct Case {
    what: &'static str,
    args: Vec<String>,
    code: i32,
    /// Text the message must contain.
    says: String,
}

fn catalogue(dir: &Path) -> Vec<Case> {
    let file = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        fs::write(&p, bytes).unwrap();
        p.to_str().unwrap().to_string()
    };
    let empty = file("empty.csv", b"");
    let header = file("header.csv", b"unit_id,unit_name,group,tiep_nhan\n");
    let semicolons = file(
        "semi.csv",
        "unit_id;unit_name;group;tiep_nhan\na;Xã A;xa;1\n".as_bytes(),
    );
    let garbage = file(
        "garbage.csv",
        &(0..=255u8).cycle().take(3000).collect::<Vec<u8>>(),
    );
    let missing = dir.join("missing.csv").to_str().unwrap().to_string();
    let folder = dir.to_str().unwrap().to_string();
    let mut cases = Vec::new();
    let mut add = |what: &'static str, args: &[&str], code: i32, says: &str| {
        cases.push(Case {
            what,
            args: args.iter().map(|s| s.to_string()).collect(),
            code,
            says: says.to_string(),
        });
    };
    for cmd in ["score", "rank", "nominate"] {
        add(
            "missing file",
            &[cmd, &missing],
            1,
            "missing.csv: cannot read",
        );
        add("folder instead of file", &[cmd, &folder], 1, "is a folder");
        add("empty file", &[cmd, &empty], 1, "empty.csv: empty file");
        add("header only", &[cmd, &header], 1, "header.csv: no units");
        add(
            "`;` file read as import reads it, short of columns",
            &[cmd, &semicolons],
            1,
            "semi.csv:1: column `da_giai_quyet` is missing",
        );
        add("binary garbage", &[cmd, &garbage], 1, "garbage.csv");
        add(
            "unknown flag",
            &[cmd, EXAMPLE, "--frobnicate"],
            2,
            "--frobnicate",
        );
        add(
            "bad period",
            &[cmd, EXAMPLE, "--period", "2023-13"],
            2,
            "'--period <P>': `2023-13` is not a period",
        );
        add(
            "missing campaign",
            &[cmd, EXAMPLE, "--criteria", &missing],
            1,
            "missing.csv: cannot read",
        );
    }
    add(
        "unknown tier",
        &["rank", EXAMPLE, "--tier", "quoc_gia"],
        2,
        "unknown tier `quoc_gia`",
    );
    add(
        "unknown tier",
        &["nominate", EXAMPLE, "--tier", "quoc_gia"],
        2,
        "unknown tier `quoc_gia`",
    );
    add(
        "missing individuals",
        &["nominate", EXAMPLE, "--individuals", &missing],
        1,
        "missing.csv: cannot read",
    );
    add(
        "garbage individuals",
        &["nominate", EXAMPLE, "--individuals", &garbage],
        1,
        "garbage.csv",
    );
    add(
        "bad date",
        &["deadlines", "--today", "2023-02-30"],
        2,
        "2023-02-30",
    );
    add(
        "unknown tier",
        &["deadlines", "--tier", "quoc_gia"],
        2,
        "unknown tier `quoc_gia`",
    );
    add(
        "missing holidays",
        &["deadlines", "--holidays", &missing],
        1,
        "missing.csv",
    );
    add(
        "garbage campaign",
        &["deadlines", "--criteria", &garbage],
        1,
        "garbage.csv",
    );
    add("missing file", &["import", &missing], 1, "missing.csv");
    add("folder instead of file", &["import", &folder], 1, &folder);
    add("empty file", &["import", &empty], 1, "empty.csv");
    add("header only", &["import", &header], 1, "header.csv");
    add("binary garbage", &["import", &garbage], 1, "garbage.csv");
    add(
        "missing dossiers",
        &["import", "--dossiers", &missing],
        1,
        "missing.csv",
    );
    add(
        "bad date",
        &["import", "--dossiers", &header, "--from", "2023-02-30"],
        2,
        "2023-02-30",
    );
    cases
}

#[test]
fn every_bad_input_fails_cleanly_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for case in catalogue(dir.path()) {
        let out = dir.path().join("out.csv");
        let mut args = case.args.clone();
        args.extend(["-o".to_string(), out.to_str().unwrap().to_string()]);
        let res = Command::cargo_bin("thidua")
            .unwrap()
            .env("THIDUA_LANG", "en")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(&args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&res.stderr);
        let problem = if res.status.code() != Some(case.code) {
            Some(format!(
                "exit {:?}, expected {}",
                res.status.code(),
                case.code
            ))
        } else if !err.contains(&case.says) {
            Some(format!("message lacks `{}`", case.says))
        } else if err.contains("panicked") {
            Some("panicked".to_string())
        } else if out.exists() {
            Some("wrote an output file".to_string())
        } else {
            None
        };
        if let Some(p) = problem {
            failures.push(format!(
                "{} {:?}: {p}\n  stderr: {}",
                case.what,
                case.args,
                err.trim()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

//! The JSON contract stays byte for byte what it was before the output
//! pipeline: every fixture under tests/fixtures/json/ was written by the
//! binary before the refactor, and each case must still print exactly it.
//! (`THIDUA_BLESS_JSON=1 cargo test json_contract` rewrites them: only for a
//! deliberate change of the contract, reviewed in the diff.)

use crate::util::{EXAMPLE, MONTHLY, stdout, thidua};

const PEOPLE: &str = "examples/ninh-phuoc-2023-canhan.csv";
const DECISIONS: &str = "examples/quyet-dinh-hoi-dong.yaml";

/// (fixture name, arguments); `--format json` is added.
fn cases() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("score", vec!["score", EXAMPLE]),
        ("rank", vec!["rank", EXAMPLE]),
        ("rank-huyen", vec!["rank", "--tier", "huyen", EXAMPLE]),
        (
            "score-baseline",
            vec![
                "score",
                MONTHLY,
                "--period",
                "2023-10",
                "--baseline-period",
                "2023-09",
            ],
        ),
        (
            "rank-baseline",
            vec![
                "rank",
                "--tier",
                "huyen",
                MONTHLY,
                "--period",
                "2023-10",
                "--baseline-period",
                "2023-09",
            ],
        ),
        (
            "rank-compare",
            vec![
                "rank",
                "--tier",
                "tinh",
                EXAMPLE,
                "--compare-weights",
                "tests/fixtures/json/weights.yaml",
            ],
        ),
        (
            "rank-sensitivity",
            vec![
                "rank",
                "--tier",
                "huyen",
                EXAMPLE,
                "--sensitivity",
                "40",
                "--seed",
                "3",
            ],
        ),
        (
            "nominate",
            vec!["nominate", EXAMPLE, "--individuals", PEOPLE],
        ),
        (
            "nominate-huyen",
            vec!["nominate", EXAMPLE, "--tier", "huyen"],
        ),
        (
            "explain",
            vec!["score", EXAMPLE, "--explain", "xa_phuoc_hai"],
        ),
        (
            "score-decisions",
            vec!["score", EXAMPLE, "--decisions", DECISIONS],
        ),
        (
            "rank-decisions",
            vec!["rank", "--tier", "huyen", EXAMPLE, "--decisions", DECISIONS],
        ),
        (
            "nominate-decisions",
            vec![
                "nominate",
                EXAMPLE,
                "--individuals",
                PEOPLE,
                "--decisions",
                DECISIONS,
            ],
        ),
        ("deadlines", vec!["deadlines", "--today", "2023-11-27"]),
        (
            "deadlines-tinh",
            vec!["deadlines", "--today", "2023-11-27", "--tier", "tinh"],
        ),
    ]
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/json")
        .join(format!("{name}.json"))
}

#[test]
fn json_output_is_byte_compatible_with_the_fixtures() {
    let bless = std::env::var_os("THIDUA_BLESS_JSON").is_some();
    let mut differ = Vec::new();
    for (name, args) in cases() {
        let out = thidua()
            .args(&args)
            .args(["--format", "json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if bless {
            std::fs::write(fixture(name), &out.stdout).unwrap();
            continue;
        }
        let want = std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        if out.stdout != want {
            differ.push(name);
        }
    }
    assert!(
        differ.is_empty(),
        "JSON differs from tests/fixtures/json for {differ:?}"
    );
}

#[test]
fn flag_members_stay_absent_without_their_flags() {
    let plain = std::fs::read_to_string(fixture("nominate")).unwrap();
    for member in [
        "\"decisions\"",
        "\"adjustment\"",
        "\"decided_by\"",
        "\"baseline\"",
        "\"compare\"",
        "\"sensitivity\"",
    ] {
        assert!(!plain.contains(member), "{member} in plain nominate JSON");
        let score = std::fs::read_to_string(fixture("score")).unwrap();
        assert!(!score.contains(member), "{member} in plain score JSON");
    }
    let decided = std::fs::read_to_string(fixture("nominate-decisions")).unwrap();
    assert!(decided.contains("\"decided_by\"") && decided.contains("\"adjustment\""));
}

/// Every JSON a command writes opens with `schema_version`, so a script can
/// check the contract before it reads on.
#[test]
fn every_json_opens_with_its_schema_version() {
    let runs: [&[&str]; 6] = [
        &["score", EXAMPLE],
        &["score", EXAMPLE, "--explain", "xa_phuoc_son"],
        &["rank", "--tier", "huyen", EXAMPLE],
        &["nominate", EXAMPLE],
        &["gap", "xa_phuoc_son", "--tier", "huyen", EXAMPLE],
        &["deadlines", "--today", "2023-11-25"],
    ];
    for args in runs {
        let mut a = args.to_vec();
        a.extend(["--format", "json"]);
        let text = stdout(&a);
        assert!(
            text.starts_with("{\n  \"schema_version\": 1,\n"),
            "{args:?}: {}",
            &text[..text.len().min(80)]
        );
    }
}

//! Running the binary for every integration test: success with stdout, failure
//! with its exit code and stderr, and small files in a temporary folder.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

pub const EXAMPLE: &str = "examples/ninh-phuoc-2023.csv";
pub const MONTHLY: &str = "examples/ninh-phuoc-2023-monthly.csv";

pub fn thidua() -> Command {
    let mut c = Command::cargo_bin("thidua").unwrap();
    // Messages in English: these tests are about content; tests/messages.rs is about language.
    c.env("THIDUA_LANG", "en");
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Runs and expects success; returns (stdout, stderr).
pub fn run(args: &[&str]) -> (String, String) {
    let out = thidua().args(args).assert().success().get_output().clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

pub fn stdout(args: &[&str]) -> String {
    run(args).0
}

pub fn json(args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    serde_json::from_str(&stdout(&a)).unwrap()
}

/// Runs and expects failure with `code` and nothing on stdout; returns stderr.
pub fn fails(args: &[&str], code: i32) -> String {
    let out = thidua().args(args).assert().code(code).get_output().clone();
    assert!(out.stdout.is_empty(), "nothing on stdout when failing");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("panicked"), "{err}");
    err
}

pub fn write(dir: &Path, name: &str, text: &str) -> String {
    let p: PathBuf = dir.join(name);
    fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

/// The units of a JSON report.
pub fn units(v: &Value) -> &Vec<Value> {
    v["units"].as_array().unwrap()
}

pub fn unit<'a>(v: &'a Value, id: &str) -> &'a Value {
    units(v)
        .iter()
        .find(|u| u["unit_id"] == id)
        .unwrap_or_else(|| panic!("no unit {id}"))
}

/// A proptest config of `default` cases, or `PROPTEST_CASES` when set, so a
/// long run (the fuzzing of `tests/robustness.rs`) needs no edit.
pub fn cases(default: u32) -> proptest::test_runner::Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    proptest::test_runner::Config::with_cases(cases)
}

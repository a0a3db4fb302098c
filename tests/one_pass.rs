//! Each input is read once per run: the files are given as named pipes,
//! which can be read only once — a second open would wait for a writer that
//! never comes — and the run must give the very output, stamp included, of
//! the same files on disk.

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::thread;
use std::time::Duration;

use crate::util::{EXAMPLE, thidua};

const PEOPLE: &str = "examples/ninh-phuoc-2023-canhan.csv";
const DECISIONS: &str = "examples/quyet-dinh-hoi-dong.yaml";

/// A named pipe in `dir` that gives the bytes of `file` to one reader.
fn pipe(dir: &Path, name: &str, file: &str) -> (PathBuf, thread::JoinHandle<()>) {
    let path = dir.join(name);
    let ok = Process::new("mkfifo").arg(&path).status().unwrap();
    assert!(ok.success(), "mkfifo");
    let bytes = std::fs::read(file).unwrap();
    let at = path.clone();
    // Opening for writing waits for the reader; one reader gets the bytes.
    let writer = thread::spawn(move || std::fs::write(&at, bytes).unwrap());
    (path, writer)
}

fn output(args: &[&str]) -> String {
    let out = thidua()
        .args(args)
        .timeout(Duration::from_secs(30))
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn rank_nominate_and_verify_open_each_input_once() {
    let on_disk = output(&[
        "nominate",
        EXAMPLE,
        "--individuals",
        PEOPLE,
        "--decisions",
        DECISIONS,
        "--format",
        "json",
    ]);
    let code = serde_json::from_str::<serde_json::Value>(&on_disk).unwrap()["stamp"]["code"]
        .as_str()
        .unwrap()
        .to_string();
    for command in ["nominate", "verify"] {
        let dir = tempfile::tempdir().unwrap();
        let (data, w1) = pipe(dir.path(), "data.csv", EXAMPLE);
        let (people, w2) = pipe(dir.path(), "people.csv", PEOPLE);
        let (decisions, w3) = pipe(dir.path(), "dec.yaml", DECISIONS);
        let (data, people, decisions) = (
            data.to_str().unwrap(),
            people.to_str().unwrap(),
            decisions.to_str().unwrap(),
        );
        let tail = [data, "--individuals", people, "--decisions", decisions];
        if command == "nominate" {
            let mut args = vec!["nominate"];
            args.extend(tail);
            args.extend(["--format", "json"]);
            // The same list and stamp; only the data's name differs.
            let piped = output(&args).replace("\"data.csv\"", "\"ninh-phuoc-2023.csv\"");
            assert_eq!(piped, on_disk, "the same list from pipes");
        } else {
            let mut args = vec!["verify", &code, "--", "nominate"];
            args.extend(tail);
            assert!(output(&args).contains(&code), "verify reads each pipe once");
        }
        for w in [w1, w2, w3] {
            w.join().unwrap();
        }
    }
}

#[test]
fn rank_with_a_baseline_period_reads_the_data_file_once() {
    let monthly = crate::util::MONTHLY;
    let args = |data: &str| {
        vec![
            "rank".to_string(),
            "--tier".into(),
            "huyen".into(),
            data.into(),
            "--period".into(),
            "2023-10".into(),
            "--baseline-period".into(),
            "2023-09".into(),
            "--format".into(),
            "csv".into(),
        ]
    };
    let on_disk: Vec<String> = args(monthly);
    let on_disk = output(&on_disk.iter().map(String::as_str).collect::<Vec<_>>());
    let dir = tempfile::tempdir().unwrap();
    let (data, w) = pipe(dir.path(), "monthly.csv", monthly);
    let piped = args(data.to_str().unwrap());
    let piped = output(&piped.iter().map(String::as_str).collect::<Vec<_>>());
    w.join().unwrap();
    assert_eq!(piped, on_disk);
}

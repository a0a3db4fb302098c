//! What the `deadlines` integration tests share: a temp folder to run the
//! real binary in, and a campaign with steps inside Tết 2024.
// Each test binary uses its own part of these helpers.
#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A campaign with a step inside Tết 2024 and Vietnamese text full of the
/// characters RFC 5545 makes special, long enough to need folding.
pub const TET: &str = r#"schema: thidua/campaign/v1
id: "12/KH-UBND"
title: "Thi đua Tết Giáp Thìn"
groups: { xa: { name: "UBND các xã" } }
criteria: [{ id: r, name: "R", points: 10, value: "x / y" }]
deadlines:
  - by: 2024-03-01
    actor: "Các xã, thị trấn"
    action: "Tổng kết; báo cáo"
tiers:
  - id: tinh
    award: "Bằng khen, cờ thi đua"
    deadlines:
      - before: 2024-02-12
        actor: "Các cơ quan, đơn vị, UBND các xã, thị trấn"
        action: "Gửi hồ sơ đề nghị khen thưởng; bản sao C:\\ho-so, kèm danh sách cá nhân tiêu biểu trực tiếp lao động"
        recipient: "Văn phòng HĐND và UBND huyện; Phòng Nội vụ"
      - on: 2024-02-10
        actor: "Hội đồng Thi đua - Khen thưởng"
        action: "Họp xét"
  - id: huyen
    award: "Giấy khen"
    deadlines:
      - { by: 2024-02-20, actor: "Xã", action: "Nộp danh sách" }
"#;

pub struct Run {
    pub dir: TempDir,
}

impl Run {
    pub fn new() -> Run {
        Run {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        fs::write(&p, text).unwrap();
        p
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("thidua").unwrap();
        // Messages in English: these tests are about content; tests/messages.rs is about language.
        c.env("THIDUA_LANG", "en");
        c.current_dir(self.dir.path()).arg("deadlines").args(args);
        c
    }

    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self
            .cmd(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Vec<Value> {
        let mut a = args.to_vec();
        a.extend(["--format", "json"]);
        let v: Value = serde_json::from_str(&self.stdout(&a)).unwrap();
        v["deadlines"].as_array().unwrap().clone()
    }

    /// Expects exit `code`, nothing on stdout, no file at `out.txt`; returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let mut a = args.to_vec();
        a.extend(["-o", "out.txt"]);
        let out = self.cmd(&a).assert().code(code).get_output().clone();
        assert!(out.stdout.is_empty());
        assert!(!self.dir.path().join("out.txt").exists(), "no output file");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!err.contains("panicked"), "{err}");
        err
    }
}

pub fn step<'a>(rows: &'a [Value], date: &str) -> &'a Value {
    rows.iter().find(|r| r["date"] == date).unwrap()
}

//! `thidua deadlines` as users run it: the real binary in a temp folder, every
//! format, the calendar file read back, and the bad inputs they hit first.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A campaign with a step inside Tết 2024 and Vietnamese text full of the
/// characters RFC 5545 makes special, long enough to need folding.
const TET: &str = r#"schema: thidua/campaign/v1
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

struct Run {
    dir: TempDir,
}

impl Run {
    fn new() -> Run {
        Run {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        fs::write(&p, text).unwrap();
        p
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("thidua").unwrap();
        c.current_dir(self.dir.path()).arg("deadlines").args(args);
        c
    }

    fn stdout(&self, args: &[&str]) -> String {
        let out = self
            .cmd(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }

    fn json(&self, args: &[&str]) -> Vec<Value> {
        let mut a = args.to_vec();
        a.extend(["--format", "json"]);
        let v: Value = serde_json::from_str(&self.stdout(&a)).unwrap();
        v["deadlines"].as_array().unwrap().clone()
    }

    /// Expects exit `code`, nothing on stdout, no file at `out.txt`; returns stderr.
    fn fails(&self, args: &[&str], code: i32) -> String {
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

fn step<'a>(rows: &'a [Value], date: &str) -> &'a Value {
    rows.iter().find(|r| r["date"] == date).unwrap()
}

#[test]
fn tinh_checklist_on_27_11_2023_table() {
    let run = Run::new();
    insta::assert_snapshot!(run.stdout(&[
        "--tier",
        "tinh",
        "--today",
        "2023-11-27",
        "--format",
        "table"
    ]));
}

#[test]
fn whole_plan_as_a_markdown_checklist_on_04_12_2023() {
    let run = Run::new();
    let md = run.stdout(&["--today", "2023-12-04", "--format", "md"]);
    assert_eq!(md.matches("- [x] ").count(), 3, "{md}");
    assert_eq!(md.matches("- [ ] ").count(), 4, "{md}");
    insta::assert_snapshot!(md);
}

#[test]
fn english_labels_keep_the_plan_text() {
    let run = Run::new();
    let md = run.stdout(&[
        "--tier",
        "tinh",
        "--today",
        "2023-11-27",
        "--format",
        "md",
        "--lang",
        "en",
    ]);
    assert!(
        md.contains("03/12/2023 is a Sunday — submit by Friday 01/12/2023 at the latest"),
        "{md}"
    );
    assert!(
        md.contains("Văn phòng HĐND và UBND huyện → Phòng Nội vụ"),
        "{md}"
    );
    assert!(md.contains("4 days left (4 working days)"), "{md}");
}

#[test]
fn json_follows_the_contract() {
    let run = Run::new();
    let rows = run.json(&["--today", "2023-11-27"]);
    assert_eq!(rows.len(), 7);
    let keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut want = [
        "tier",
        "date",
        "kind",
        "actor",
        "action",
        "recipient",
        "weekday",
        "non_working",
        "last_working_day",
        "days_left",
        "working_days_left",
        "status",
    ];
    let mut got = keys.clone();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
    assert_eq!(
        rows[0]["tier"],
        Value::Null,
        "campaign-wide first: 22/11/2022"
    );
    let sunday = step(&rows, "2023-12-03");
    assert_eq!(sunday["tier"], "tinh");
    assert_eq!(sunday["kind"], "before");
    assert_eq!(sunday["weekday"], "Chủ nhật");
    assert_eq!(sunday["non_working"], true);
    assert_eq!(sunday["last_working_day"], "2023-12-01");
    assert_eq!(sunday["days_left"], 4);
    assert_eq!(sunday["working_days_left"], 4);
    assert_eq!(sunday["status"], "upcoming");
    assert_eq!(sunday["recipient"], "Phòng Nội vụ");
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted, "sorted by date");
}

#[test]
fn status_the_day_before_on_and_after() {
    let run = Run::new();
    let at = |today| {
        step(
            &run.json(&["--tier", "tinh", "--today", today]),
            "2023-12-03",
        )
        .clone()
    };
    let before = at("2023-11-30");
    assert_eq!(
        (before["status"].as_str(), before["days_left"].as_i64()),
        (Some("upcoming"), Some(1))
    );
    assert_eq!(before["working_days_left"], 1);
    let on = at("2023-12-01");
    assert_eq!(
        (on["status"].as_str(), on["days_left"].as_i64()),
        (Some("today"), Some(0))
    );
    let after = at("2023-12-02");
    assert_eq!(
        (after["status"].as_str(), after["days_left"].as_i64()),
        (Some("done"), Some(-1))
    );
    assert_eq!(after["working_days_left"], 0);
}

#[test]
fn within_shows_only_what_falls_due_soon() {
    let run = Run::new();
    let rows = run.json(&["--within", "14", "--today", "2023-11-20"]);
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    // Due 29/11, 01/12 and 04/12; 14/12 (huyen) is 24 days off, 22/11/2022 is past.
    assert_eq!(dates, ["2023-11-30", "2023-12-03", "2023-12-05"]);
    let none = run.stdout(&[
        "--within",
        "3",
        "--today",
        "2023-11-20",
        "--format",
        "table",
    ]);
    assert!(none.contains("Không có bước nào cần làm."), "{none}");
}

#[test]
fn every_kind_moves_out_of_tet_2024() {
    let run = Run::new();
    run.write("tet.yaml", TET);
    let rows = run.json(&["--criteria", "tet.yaml", "--today", "2024-02-01"]);
    let lwd = |d| {
        step(&rows, d)["last_working_day"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(lwd("2024-02-12"), "2024-02-07", "before: inside Tết");
    assert_eq!(lwd("2024-02-10"), "2024-02-07", "on: mùng 1 Tết");
    assert_eq!(lwd("2024-02-20"), "2024-02-20", "by: a working Tuesday");
    assert_eq!(step(&rows, "2024-02-12")["working_days_left"], 4);
    let huyen = run.json(&[
        "--criteria",
        "tet.yaml",
        "--today",
        "2024-02-01",
        "--tier",
        "huyen",
    ]);
    assert_eq!(huyen.len(), 2, "huyen's step and the campaign-wide one");
}

#[test]
fn holidays_from_the_campaign_and_from_a_file() {
    let run = Run::new();
    let with_list = TET.replace(
        "deadlines:\n  - by: 2024-03-01",
        "holidays:\n  - { date: 2024-02-07, name: \"Nghỉ địa phương\" }\ndeadlines:\n  - by: 2024-03-01",
    );
    run.write("tet.yaml", &with_list);
    let rows = run.json(&["--criteria", "tet.yaml", "--today", "2024-02-01"]);
    assert_eq!(step(&rows, "2024-02-12")["last_working_day"], "2024-02-06");
    // The file wins: 07/02 is worked after all, and 20/02 becomes a day off.
    run.write(
        "extra.yaml",
        "- { date: 2024-02-07, name: \"Trực\", working: true }\n- { date: 2024-02-20, name: \"Nghỉ riêng\" }\n",
    );
    let args = [
        "--criteria",
        "tet.yaml",
        "--holidays",
        "extra.yaml",
        "--today",
        "2024-02-01",
    ];
    let rows = run.json(&args);
    assert_eq!(step(&rows, "2024-02-12")["last_working_day"], "2024-02-07");
    assert_eq!(step(&rows, "2024-02-20")["last_working_day"], "2024-02-19");
    assert_eq!(step(&rows, "2024-02-20")["non_working"], true);
}

/// Reads an .ics back: checks line endings and lengths, then unfolds.
fn read_ics(bytes: &[u8]) -> Vec<String> {
    let text = std::str::from_utf8(bytes).unwrap();
    assert!(text.ends_with("\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break in {line:?}"
        );
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    text.replace("\r\n ", "")
        .split_terminator("\r\n")
        .map(String::from)
        .collect()
}

fn values<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
    lines
        .iter()
        .filter_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(':')))
        .collect()
}

#[test]
fn calendar_file_reads_back_and_keeps_its_uids() {
    let run = Run::new();
    run.write("tet.yaml", TET);
    run.cmd(&[
        "--criteria",
        "tet.yaml",
        "--today",
        "2024-02-01",
        "-o",
        "a.ics",
    ])
    .assert()
    .success();
    let first = fs::read(run.dir.path().join("a.ics")).unwrap();
    let lines = read_ics(&first);
    assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
    assert_eq!(
        values(&lines, "BEGIN")
            .iter()
            .filter(|v| **v == "VEVENT")
            .count(),
        4
    );
    let uids = values(&lines, "UID");
    let mut unique = uids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 4, "{uids:?}");
    assert_eq!(
        values(&lines, "DTSTART;VALUE=DATE")
            .iter()
            .filter(|v| **v == "20240207")
            .count(),
        2
    );
    assert_eq!(values(&lines, "TRIGGER"), ["-P3D"; 4]);
    // Commas, semicolons and backslashes of the Vietnamese text are escaped.
    let summary = values(&lines, "SUMMARY")
        .into_iter()
        .find(|s| s.contains("Gửi hồ sơ"))
        .unwrap();
    assert_eq!(
        summary,
        "[tinh] Gửi hồ sơ đề nghị khen thưởng\\; bản sao C:\\\\ho-so\\, kèm danh sách cá nhân tiêu biểu trực tiếp lao động"
    );
    let desc = values(&lines, "DESCRIPTION").join("\n");
    assert!(
        desc.contains("Các cơ quan\\, đơn vị\\, UBND các xã\\, thị trấn"),
        "{desc}"
    );
    assert!(
        desc.contains("Văn phòng HĐND và UBND huyện\\; Phòng Nội vụ"),
        "{desc}"
    );
    assert!(
        desc.contains("\\n⚠ 12/02/2024 là ngày nghỉ Tết Nguyên đán (mùng 3)"),
        "{desc}"
    );
    // Another day, another reminder: the same UIDs, so a re-import updates.
    let args = [
        "--criteria",
        "tet.yaml",
        "--today",
        "2024-02-05",
        "--format",
        "ics",
        "--remind-days",
        "1",
    ];
    let again = run.stdout(&args);
    let lines2 = read_ics(again.as_bytes());
    assert_eq!(values(&lines2, "UID"), uids);
    assert_eq!(values(&lines2, "TRIGGER"), ["-P1D"; 4]);
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    let run = Run::new();
    run.write(
        "evil.yaml",
        &TET.replace("\"Họp xét\"", "'=HYPERLINK(\"http://x\",\"y\")'"),
    );
    let csv = run.stdout(&[
        "--criteria",
        "evil.yaml",
        "--today",
        "2024-02-01",
        "--format",
        "csv",
    ]);
    assert!(
        csv.starts_with("tier,date,kind,weekday,non_working,last_working_day,days_left,"),
        "{csv}"
    );
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        "{csv}"
    );
    assert!(csv.contains(",2024-02-07,6,4,upcoming,"), "{csv}");
}

#[test]
fn years_without_holiday_data_are_flagged() {
    let run = Run::new();
    run.write("late.yaml", &TET.replace("2024-03-01", "2031-03-03"));
    let out = run
        .cmd(&[
            "--criteria",
            "late.yaml",
            "--today",
            "2024-02-01",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("2031") && err.contains("--holidays"), "{err}");
}

#[test]
fn the_system_date_is_the_default() {
    let run = Run::new();
    for r in run.json(&[]) {
        assert!(["done", "today", "upcoming"].contains(&r["status"].as_str().unwrap()));
    }
}

#[test]
fn bad_input_names_the_flag_or_file_and_writes_nothing() {
    let run = Run::new();
    let e = run.fails(&["--today", "2023-02-30"], 2);
    assert!(e.contains("--today") && e.contains("2023-02-30"), "{e}");
    let e = run.fails(&["--tier", "tinhh"], 2);
    assert!(e.contains("tinhh") && e.contains("tinh, huyen"), "{e}");
    let e = run.fails(&["--holidays", "nope.yaml"], 1);
    assert!(e.contains("nope.yaml"), "{e}");
    run.write("bad.yaml", "- { date: 2024-13-01, name: x }\n");
    let e = run.fails(&["--holidays", "bad.yaml"], 1);
    assert!(e.contains("bad.yaml:1") && e.contains("2024-13-01"), "{e}");
    run.write("notalist.yaml", "holidays: 2024-01-01\n");
    let e = run.fails(&["--holidays", "notalist.yaml"], 1);
    assert!(
        e.contains("notalist.yaml") && e.contains("expected a list"),
        "{e}"
    );
    run.write("c.yaml", "schema: thidua/campaign/v1\nid: [\n");
    let e = run.fails(&["--criteria", "c.yaml"], 1);
    assert!(e.contains("c.yaml"), "{e}");
    let e = run.fails(&["--within=-3"], 2);
    assert!(e.contains("--within"), "{e}");
}

#[test]
fn never_writes_over_an_input() {
    let run = Run::new();
    let p: &Path = &run.write("extra.yaml", "- { date: 2024-02-20, name: x }\n");
    let out = run
        .cmd(&["--holidays", "extra.yaml", "-o", "extra.yaml"])
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("refusing to write over the input"), "{err}");
    assert_eq!(
        fs::read_to_string(p).unwrap(),
        "- { date: 2024-02-20, name: x }\n"
    );
}

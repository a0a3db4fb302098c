//! `thidua deadlines` writing files: the calendar read back, spreadsheet-safe
//! CSV, and the bad inputs users hit first (no output file left behind).

use std::fs;
use std::path::Path;

use crate::deadlines_support::{Run, TET};

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
        "[Bằng khen\\, cờ thi đua] Gửi hồ sơ đề nghị khen thưởng\\; bản sao C:\\\\ho-so\\, kèm danh sách cá nhân tiêu biểu trực tiếp lao động"
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
        .cmd(&[
            "--holidays",
            "extra.yaml",
            "--format",
            "csv",
            "-o",
            "extra.yaml",
        ])
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("refusing to write over the input"), "{err}");
    assert_eq!(
        fs::read_to_string(p).unwrap(),
        "- { date: 2024-02-20, name: x }\n"
    );
}

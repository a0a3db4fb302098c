//! Issue 12, part 3, through the real binary: a checklist that ticks only
//! what was done and does not ask anyone to "nộp" an event; CSV that a
//! Vietnamese Excel opens in columns.

use crate::deadlines_support::Run;
use crate::util::{fails, stdout, write};

fn md(args: &[&str]) -> String {
    let mut a = vec!["deadlines", "--format", "md"];
    a.extend(args);
    stdout(&a)
}

#[test]
fn today_takes_the_vietnamese_date_like_import() {
    let vn = md(&["--today", "27/11/2023"]);
    assert_eq!(vn, md(&["--today", "2023-11-27"]));
    assert!(vn.contains("Hôm nay: Thứ Hai 27/11/2023"), "{vn}");
    let err = fails(&["deadlines", "--today", "31/11/2023"], 2);
    assert!(err.contains("expected dd/mm/yyyy or yyyy-mm-dd"), "{err}");
}

#[test]
fn only_steps_marked_done_are_ticked() {
    // Long past, but nobody said it was done: not ticked.
    let none = md(&["--today", "28/12/2023"]);
    assert!(!none.contains("- [x]"), "{none}");
    assert!(none.contains("- [ ] **Thứ Hai 21/11/2022**"), "{none}");
    assert!(none.contains("đã qua hạn, chưa đánh dấu xong"), "{none}");

    let some = md(&["--today", "28/12/2023", "--done", "chung-1", "tinh-2"]);
    let ticked: Vec<&str> = some.lines().filter(|l| l.starts_with("- [x]")).collect();
    assert_eq!(ticked.len(), 2, "{some}");
    assert!(ticked[0].ends_with("`chung-1`"), "{some}");
    assert!(ticked[1].ends_with("`tinh-2`"), "{some}");
    assert!(some.contains("Tình trạng: đã xong"), "{some}");
}

#[test]
fn a_state_file_marks_steps_done_and_bad_ids_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let state = write(dir.path(), "da-lam.yaml", "done:\n  - tinh-1\n");
    let out = md(&[
        "--today",
        "2023-12-28",
        "--state",
        &state,
        "--done",
        "huyen-1",
    ]);
    let ticked: Vec<&str> = out.lines().filter(|l| l.starts_with("- [x]")).collect();
    assert_eq!(ticked.len(), 2, "{out}");
    assert!(
        ticked[0].contains("Gửi hồ sơ đề nghị khen thưởng cấp tỉnh"),
        "{out}"
    );
    assert!(ticked[1].contains("cấp huyện"), "{out}");

    let bad = write(dir.path(), "sai.yaml", "done:\n  - tinh-1\n  - tinh-7\n");
    let err = fails(&["deadlines", "--state", &bad], 1);
    assert!(
        err.contains("sai.yaml:3:5: no step with id `tinh-7`"),
        "{err}"
    );
    assert!(
        err.contains("the steps are: chung-1, chung-2, tinh-1"),
        "{err}"
    );

    let err = fails(&["deadlines", "--done", "tinh-7"], 2);
    assert!(err.contains("--done: no step with id `tinh-7`"), "{err}");
}

#[test]
fn the_end_of_the_campaign_is_an_event_not_a_submission() {
    let run = Run::new();
    let rows = run.json(&["--today", "2023-12-28"]);
    let end = rows.iter().find(|r| r["id"] == "chung-2").unwrap();
    assert_eq!(end["step"], "event");
    assert_eq!(end["action"], "Kết thúc phong trào thi đua");
    // 31/12/2023 is a Sunday: an event still happens that day.
    assert_eq!(end["last_working_day"], "2023-12-31");
    let table = stdout(&["deadlines", "--today", "2023-12-28", "--format", "table"]);
    let md = md(&["--today", "2023-12-28"]);
    for text in [&table, &md] {
        assert!(
            !text.contains("31/12/2023 là Chủ nhật — nộp chậm nhất"),
            "{text}"
        );
        // A real submission on a Sunday still warns.
        assert!(text.contains("03/12/2023 là Chủ nhật — nộp chậm nhất Thứ Sáu 01/12/2023"));
    }
}

#[test]
fn steps_take_an_id_and_kind_from_the_campaign() {
    let run = Run::new();
    let plan = "schema: thidua/campaign/v1\nid: p\ngroups: { xa: { name: X } }\ncriteria: [{ id: r, name: R, points: 10, value: \"x / y\" }]\ndeadlines:\n  - { id: ho-so, before: 2024-06-02, actor: A, action: Nộp hồ sơ }\n  - { before: 2024-06-02, kind: event, actor: A, action: Hội nghị tổng kết }\n";
    let c = run.write("plan.yaml", plan);
    let rows = run.json(&[
        "--criteria",
        c.to_str().unwrap(),
        "--today",
        "01/06/2024",
        "--done",
        "ho-so",
    ]);
    assert_eq!(rows[0]["id"], "ho-so");
    assert_eq!(rows[0]["marked_done"], true);
    // 02/06/2024 is a Sunday: the submission moves to Friday, the event does not.
    assert_eq!(rows[0]["last_working_day"], "2024-05-31");
    assert_eq!(
        (rows[1]["id"].as_str(), rows[1]["step"].as_str()),
        (Some("chung-2"), Some("event"))
    );
    assert_eq!(rows[1]["last_working_day"], "2024-06-01");
    assert_eq!(rows[1]["marked_done"], false);

    let dup = run.write("dup.yaml", &plan.replace("id: ho-so", "id: chung-2"));
    let err = run.fails(&["--criteria", dup.to_str().unwrap()], 1);
    assert!(
        err.contains("dup.yaml:7:") && err.contains("duplicate step id `chung-2`"),
        "{err}"
    );
    let bad = run.write("bad.yaml", &plan.replace("kind: event", "kind: party"));
    let err = run.fails(&["--criteria", bad.to_str().unwrap()], 1);
    assert!(err.contains("bad.yaml"), "{err}");
}

#[test]
fn excel_csv_opens_in_columns_with_decimal_commas() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("xep-hang.csv");
    let o = out.to_str().unwrap();
    crate::util::run(&[
        "rank",
        "--tier",
        "huyen",
        crate::util::EXAMPLE,
        "--excel",
        "-o",
        o,
    ]);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM first");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let head = r.headers().unwrap().clone();
    let total = head.iter().position(|h| h == "total").unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 23, "{text}");
    let id = head.iter().position(|h| h == "unit_id").unwrap();
    let noi_vu = rows.iter().find(|r| &r[id] == "phong_noi_vu").unwrap();
    assert_eq!(&noi_vu[total], "82,29");
    assert!(rows.iter().any(|r| r.iter().any(|c| c == "Phòng Nội vụ")));
    // The same as `--format csv-excel`, and the plain CSV is untouched.
    assert_eq!(
        stdout(&[
            "rank",
            "--tier",
            "huyen",
            crate::util::EXAMPLE,
            "--format",
            "csv-excel"
        ])
        .into_bytes(),
        std::fs::read(&out).unwrap()
    );
    let plain = stdout(&[
        "rank",
        "--tier",
        "huyen",
        crate::util::EXAMPLE,
        "--format",
        "csv",
    ]);
    assert!(
        plain.starts_with("group,rank,unit_id,") && plain.contains(",82.29,"),
        "{plain}"
    );
}

#[test]
fn excel_csv_still_neutralises_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let data = std::fs::read_to_string(crate::util::EXAMPLE)
        .unwrap()
        .replace("Phòng Nội vụ", "=HYPERLINK(\"http://x\";\"Nội vụ\")");
    let f = write(dir.path(), "d.csv", &data);
    let text = stdout(&["score", &f, "--excel"]);
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(
        !text.contains(";=HYPERLINK") && !text.contains(";\"=HYPERLINK"),
        "{text}"
    );
    let err = fails(&["score", &f, "--excel", "--format", "csv"], 2);
    assert!(err.contains("--excel"), "{err}");
}

/// Median height (pt) of the words on page 1 of `pdf`, from `pdftotext -bbox`.
fn word_height(pdf: &std::path::Path) -> f64 {
    let out = std::process::Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("no pdftotext on PATH: install poppler-utils as .ci/run does");
    let html = String::from_utf8(out.stdout).unwrap();
    let num = |w: &str, key: &str| -> f64 {
        let at = w.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        w[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut heights: Vec<f64> = html
        .split("<word ")
        .skip(1)
        .map(|w| num(w, "yMax") - num(w, "yMin"))
        .collect();
    assert!(heights.len() > 20, "page 1 has almost no text: {html}");
    heights.sort_by(f64::total_cmp);
    heights[heights.len() / 2]
}

#[test]
#[ignore = "needs LibreOffice Calc and pdftotext: cargo test -- --ignored (as .ci/run does)"]
fn the_nomination_workbook_prints_readably_through_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("de-nghi.xlsx");
    crate::util::run(&[
        "nominate",
        crate::util::EXAMPLE,
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    let profile = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&xlsx)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("no soffice on PATH: install libreoffice-calc-nogui as .ci/run does");
    assert!(status.success());
    let pdf = dir.path().join("de-nghi.pdf");
    // The one-line list of ineligible units made fit-to-width shrink the
    // whole sheet to about 2 pt type; wrapped notes keep it near 9 pt.
    let h = word_height(&pdf);
    assert!(h >= 6.0, "words {h:.1} pt high on page 1: unreadable");
}

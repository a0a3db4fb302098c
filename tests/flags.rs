//! Flags are checked before any data file is read (SPEC 7): the output format
//! follows one rule for every command, and a wrong combination of flags is a
//! usage error (exit 2) naming the flag.

use std::fs;
use std::path::Path;

use crate::util::{EXAMPLE, fails, run, stdout, thidua, write};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn an_unknown_extension_or_none_is_a_usage_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["score", "rank", "nominate"] {
        for name in ["kq.xls", "out", "kq.htm", "kq.pdf"] {
            let out = dir.path().join(name);
            let err = fails(&[cmd, EXAMPLE, "-o", s(&out)], 2);
            assert!(err.contains(&format!("-o {}", out.display())), "{err}");
            assert!(
                err.contains(".csv, .json, .md, .html, .xlsx, .docx, .txt (table)"),
                "names the accepted extensions: {err}"
            );
            assert!(!out.exists(), "{cmd} -o {name} wrote a file");
        }
    }
    let err = fails(&["deadlines", "-o", s(&dir.path().join("lich"))], 2);
    assert!(
        err.contains(".csv, .json, .md, .ics, .txt (table)"),
        "{err}"
    );
}

#[test]
fn docx_is_written_by_the_report_commands_and_not_by_deadlines() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lich.docx");
    let err = fails(&["deadlines", "-o", s(&out)], 2);
    assert!(err.contains("this command cannot write docx"), "{err}");
    assert!(!out.exists());
}

#[test]
fn txt_is_a_table_and_format_wins_over_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("kq.txt");
    run(&["rank", EXAMPLE, "--tier", "huyen", "-o", s(&txt)]);
    let table = fs::read_to_string(&txt).unwrap();
    assert!(table.contains("┌") && table.contains("Đã xếp"), "{table}");
    let xls = dir.path().join("kq.xls");
    run(&["score", EXAMPLE, "--format", "csv", "-o", s(&xls)]);
    let csv = fs::read_to_string(&xls).unwrap();
    assert!(csv.starts_with("unit_id,"), "{csv}");
    assert_eq!(csv, stdout(&["score", EXAMPLE, "--format", "csv"]));
}

#[test]
fn without_o_a_pipe_gets_csv() {
    let piped = stdout(&["score", EXAMPLE]);
    assert_eq!(piped, stdout(&["score", EXAMPLE, "--format", "csv"]));
    let piped = stdout(&["deadlines", "--today", "2023-11-01"]);
    assert_eq!(
        piped,
        stdout(&["deadlines", "--today", "2023-11-01", "--format", "csv"])
    );
}

#[test]
fn a_format_the_command_does_not_write_names_those_it_does() {
    let dir = tempfile::tempdir().unwrap();
    let err = fails(&["score", EXAMPLE, "--format", "ics"], 2);
    assert!(
        err.contains("score writes table, csv, csv-excel, json, md, html, xlsx"),
        "{err}"
    );
    let ics = dir.path().join("lich.ics");
    let err = fails(&["rank", EXAMPLE, "-o", s(&ics)], 2);
    assert!(err.contains("cannot write ics; rank writes .csv"), "{err}");
    let err = fails(&["deadlines", "--format", "xlsx"], 2);
    assert!(
        err.contains("deadlines writes table, csv, json, md, ics"),
        "{err}"
    );
    run(&["deadlines", "--today", "2023-11-01", "-o", s(&ics)]);
    assert!(
        fs::read_to_string(&ics)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR")
    );
    let m = dir.path().join("metrics.txt");
    let err = fails(&["import", EXAMPLE, "-o", s(&m)], 2);
    assert!(err.contains("import writes .csv"), "{err}");
    assert!(!m.exists());
}

#[test]
fn a_wrong_call_is_refused_before_the_data_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such.csv");
    let out = dir.path().join("kq.xls");
    for cmd in ["score", "rank", "nominate"] {
        let err = fails(&[cmd, s(&missing), "-o", s(&out)], 2);
        assert!(err.contains("`.xls` is not an output format"), "{err}");
    }
    let err = fails(&["rank", s(&missing), "--tier", "xa"], 2);
    assert!(err.contains("--tier: unknown tier `xa`"), "{err}");
    let err = fails(&["nominate", s(&missing), "--tier", "xa"], 2);
    assert!(err.contains("--tier: unknown tier `xa`"), "{err}");
    let err = fails(&["deadlines", "--tier", "xa"], 2);
    assert!(err.contains("--tier: unknown tier `xa`"), "{err}");
}

#[test]
fn a_bad_report_date_is_refused_before_the_data_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such.csv");
    let out = thidua()
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["rank", s(&missing), "--format", "html"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("SOURCE_DATE_EPOCH: `yesterday`"), "{err}");
}

#[test]
fn never_over_an_input_is_checked_before_the_data_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.csv",
        "unit_id,unit_name,group,x\na,A,nowhere,1\n",
    );
    let people = write(
        dir.path(),
        "people.csv",
        "unit_id,person_id,full_name,position\n",
    );
    let err = fails(
        &[
            "nominate",
            &bad,
            "--individuals",
            &people,
            "--format",
            "csv",
            "-o",
            &people,
        ],
        1,
    );
    assert!(
        err.contains("refusing to write over the input file"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&people).unwrap(),
        "unit_id,person_id,full_name,position\n"
    );
}

#[test]
fn sensitivity_flags_go_together() {
    let err = fails(&["rank", EXAMPLE, "--sensitivity", "10"], 2);
    assert!(err.contains("--tier <TIER>"), "{err}");
    for extra in [["--spread", "0.1"], ["--seed", "7"]] {
        let mut a = vec!["rank", EXAMPLE, "--tier", "huyen"];
        a.extend(extra);
        let err = fails(&a, 2);
        assert!(err.contains("--sensitivity <N>"), "{extra:?}: {err}");
    }
    let (out, _) = run(&[
        "rank",
        EXAMPLE,
        "--tier",
        "huyen",
        "--sensitivity",
        "20",
        "--spread",
        "0.1",
        "--seed",
        "7",
        "--format",
        "json",
    ]);
    assert!(out.contains("\"units\""), "{out}");
}

#[test]
fn import_flags_go_together_and_are_checked_before_any_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-mapping.yaml");
    let base = ["import", EXAMPLE, "--mapping", s(&missing)];
    let with = |extra: &[&str]| {
        let mut a = base.to_vec();
        a.extend(extra);
        fails(&a, 2)
    };
    let err = with(&["--keep-going"]);
    assert!(err.contains("--output <FILE>"), "{err}");
    for flag in ["--from", "--to"] {
        let err = with(&[flag, "2023-01-01"]);
        assert!(err.contains("--dossiers"), "{flag}: {err}");
    }
    let err = with(&["--units", EXAMPLE]);
    assert!(err.contains("--dossiers"), "{err}");
    let err = with(&["--dossiers", "--from", "2023-13-01"]);
    assert!(
        err.contains("'--from <DATE>'") && err.contains("is not a date"),
        "{err}"
    );
    let err = with(&["--delimiter", ";;"]);
    assert!(err.contains("'--delimiter <CHAR>'"), "{err}");
    let err = with(&["--dossiers", EXAMPLE]);
    assert!(err.contains("--dossiers reads one file at a time"), "{err}");
    let err = with(&["--dossiers", "--from", "2023-12-01", "--to", "2023-01-01"]);
    assert!(
        err.contains("--from 2023-12-01 is after --to 2023-01-01"),
        "{err}"
    );
}

/// A metrics file of `n` units (valid counts, most with late dossiers, so
/// the gate of tier `tinh` lists thousands of ineligible units in one note).
fn many_units(n: usize) -> String {
    let mut csv = String::from(
        "unit_id,unit_name,group,tiep_nhan,tiep_nhan_truc_tuyen,tiep_nhan_bcci,tra_kq_bcci,\
         da_giai_quyet,truoc_han,dung_han,tre_han,dang_giai_quyet,dang_qua_han,so_hoa_ho_so,\
         so_hoa_ket_qua,phai_thanh_toan,thanh_toan_truc_tuyen,danh_gia,hai_long,xin_loi\n",
    );
    for i in 0..n {
        let rec = 100 + (i * 37) % 2900;
        let pend = (i * 7) % (rec / 20 + 1);
        let res = rec - pend;
        let late = (i * 13) % (res / 15 + 1);
        let early = (i * 31) % (res - late + 1);
        let fee = (i * 11) % (rec / 3 + 1);
        let rated = (i * 17) % (res + 1);
        let group = if i % 3 == 0 { "phong_ban" } else { "xa" };
        csv.push_str(&format!(
            "u{i:05},Đơn vị số {i},{group},{rec},{},{},{},{res},{early},{},{late},{pend},{},{},{},{fee},{},{rated},{},{}\n",
            (i * 23) % (rec + 1),
            (i * 29) % (rec / 10 + 1),
            (i * 41) % (res / 10 + 1),
            res - late - early,
            (i * 43) % (pend + 1),
            (i * 47) % (rec + 1),
            (i * 53) % (res + 1),
            (i * 3) % (fee + 1),
            (i * 5) % (rated + 1),
            (i * 19) % (late + 1),
        ));
    }
    csv
}

#[test]
fn nominate_xlsx_of_ten_thousand_units_splits_long_notes_over_rows() {
    use calamine::{Data, Reader, Xlsx};
    const EXCEL_MAX: usize = 32_767;
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "units.csv", &many_units(10_000));
    let out = dir.path().join("de-nghi.xlsx");
    run(&["nominate", &data, "-o", s(&out)]);
    let mut wb: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let mut column_a = String::new();
    let mut longest = 0;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for (c, cell) in row.iter().enumerate() {
                if let Data::String(text) = cell {
                    let len = text.encode_utf16().count();
                    assert!(len <= EXCEL_MAX, "{name}: a cell of {len} characters");
                    longest = longest.max(len);
                    if c == 0 {
                        column_a.push_str(text);
                    }
                }
            }
        }
    }
    // Notes go on in rows as tall as Excel allows at the table's width
    // (about 2,500 characters each), so they print readably.
    assert!(longest > 1_000, "the long notes fill their rows");
    // The same notes as the table prints them, whole: the rows of each
    // split note, read in order, hold all of it.
    let table = stdout(&["nominate", &data, "--format", "table"]);
    let long: Vec<&str> = table
        .lines()
        .filter(|l| l.encode_utf16().count() > EXCEL_MAX)
        .collect();
    assert!(!long.is_empty(), "some note lists more than a cell holds");
    for line in long {
        assert!(
            column_a.contains(line),
            "a note of {} characters was cut: {}…",
            line.chars().count(),
            &line[..line.char_indices().nth(60).unwrap().0]
        );
    }
}

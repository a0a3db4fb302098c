//! `thidua import` on workbooks through the real binary: an Excel export
//! imports exactly like its CSV export, unit tables and dossier lists alike.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

fn thidua() -> Command {
    let mut c = Command::cargo_bin("thidua").unwrap();
    // Messages in English: these tests are about content; tests/messages.rs is about language.
    c.env("THIDUA_LANG", "en");
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> Vec<u8> {
    thidua()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

fn code(args: &[&str], code: i32) -> String {
    let out = thidua().args(args).assert().code(code).get_output().clone();
    String::from_utf8(out.stderr).unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_workbook_export_imports_like_its_csv() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("export.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Tổng hợp").unwrap();
    ws.merge_range(0, 0, 0, 4, "TỔNG HỢP KẾT QUẢ NĂM 2023", &Format::new())
        .unwrap();
    for (c, h) in [
        "Mã đơn vị",
        "Tên đơn vị",
        "Khối",
        "Tiếp nhận",
        "Tỷ lệ hài lòng",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_string(3, 0, "xa_a").unwrap();
    ws.write_string(3, 1, "UBND xã A").unwrap();
    ws.write_string(3, 2, "Xã").unwrap();
    ws.write_number(3, 3, 1234.0).unwrap();
    let percent = Format::new().set_num_format("0.0%");
    ws.write_number_with_format(3, 4, 0.955, &percent).unwrap();
    wb.save(&xlsx).unwrap();
    let csv = dir.path().join("export.csv");
    fs::write(&csv, "TỔNG HỢP KẾT QUẢ NĂM 2023;;;;\n;;;;\nMã đơn vị;Tên đơn vị;Khối;Tiếp nhận;Tỷ lệ hài lòng\nxa_a;UBND xã A;Xã;1.234;95,5%\n").unwrap();
    let from_csv = run(&["import", s(&csv)]);
    assert_eq!(run(&["import", s(&xlsx)]), from_csv);
    assert_eq!(run(&["import", s(&xlsx), "--sheet", "tổng hợp"]), from_csv);
    assert!(
        String::from_utf8(from_csv)
            .unwrap()
            .ends_with("xa_a,UBND xã A,xa,1234,0.955\n")
    );
    let err = code(&["import", s(&xlsx), "--sheet", "Tháng 1"], 2);
    assert!(
        err.contains("--sheet: no sheet `Tháng 1`") && err.contains("(sheets: Tổng hợp)"),
        "{err}"
    );
    let err = code(&["import", s(&csv), "--sheet", "Tổng hợp"], 2);
    assert!(err.contains("--sheet goes with a workbook"), "{err}");
}

/// A cell of the dossier fixture as Excel would hold it: dates as dates,
/// flags as numbers, the rest as text.
fn put_cell(ws: &mut Worksheet, r: u32, c: u16, text: &str) {
    let date = text.len() >= 10 && text.as_bytes()[2] == b'/' && text.as_bytes()[5] == b'/';
    if date {
        let n = |a: usize, b: usize| text[a..b].parse::<u16>().unwrap();
        let mut d = ExcelDateTime::from_ymd(n(6, 10), n(3, 5) as u8, n(0, 2) as u8).unwrap();
        if text.len() >= 16 {
            let sec = if text.len() >= 19 { n(17, 19) } else { 0 };
            d = d.and_hms(n(11, 13), n(14, 16) as u8, sec).unwrap();
        }
        let f = Format::new().set_num_format("dd/mm/yyyy hh:mm");
        ws.write_datetime_with_format(r, c, &d, &f).unwrap();
    } else if let Ok(x) = text.parse::<f64>() {
        ws.write_number(r, c, x).unwrap();
    } else if !text.is_empty() {
        ws.write_string(r, c, text).unwrap();
    }
}

#[test]
fn a_dossier_list_in_a_workbook_counts_like_its_csv() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "tests/fixtures/import/dossiers.csv";
    let text = fs::read_to_string(csv).unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            put_cell(ws, r as u32, c as u16, cell);
        }
    }
    let xlsx = dir.path().join("ho-so.xlsx");
    wb.save(&xlsx).unwrap();
    let q1 = ["--dossiers", "--from", "2023-01-01", "--to", "31/03/2023"];
    let from_csv = run(&[&["import", csv], &q1[..]].concat());
    assert_eq!(run(&[&["import", s(&xlsx)], &q1[..]].concat()), from_csv);
}

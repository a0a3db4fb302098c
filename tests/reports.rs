//! The printable and Excel reports through the real binary: files written by
//! extension or --format, workbooks read back by calamine with the numbers
//! of the CSV, the shipped example kept fresh, shell integration.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{Data, Range, Reader, Xlsx};

use crate::util::EXAMPLE;

const PEOPLE: &str = "examples/ninh-phuoc-2023-canhan.csv";
/// 2023-12-04 08:30:00 UTC.
const EPOCH: &str = "1701678600";

/// The binary with a fixed generation time, so reports are byte-stable.
fn thidua() -> Command {
    let mut c = crate::util::thidua();
    c.env("SOURCE_DATE_EPOCH", EPOCH);
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

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn path(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn workbook(p: &Path) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(fs::read(p).unwrap())).unwrap()
}

/// Column `name` of a sheet whose header is at row `header`, as numbers.
fn numbers(range: &Range<Data>, header: usize, name: &str) -> Vec<f64> {
    let col = (0..range.width())
        .find(|&c| range.get((header, c)) == Some(&Data::String(name.into())))
        .unwrap_or_else(|| panic!("no column {name}"));
    (header + 1..range.height())
        .map_while(|r| match range.get((r, col)) {
            Some(Data::Float(x)) => Some(*x),
            _ => None,
        })
        .collect()
}

fn csv_column(csv: &[u8], name: &str, filter: impl Fn(&csv::StringRecord) -> bool) -> Vec<f64> {
    let mut rdr = csv::Reader::from_reader(csv);
    let col = rdr
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == name)
        .unwrap();
    rdr.records()
        .map(Result::unwrap)
        .filter(|r| filter(r))
        .map(|r| r[col].parse().unwrap())
        .collect()
}

#[test]
fn nominate_html_is_one_file_named_by_its_extension() {
    let dir = tmp();
    let out = path(dir.path(), "de-nghi.html");
    run(&["nominate", EXAMPLE, "--individuals", PEOPLE, "-o", s(&out)]);
    let doc = fs::read_to_string(&out).unwrap();
    assert!(doc.starts_with("<!DOCTYPE html>"));
    assert!(doc.contains("<title>Danh sách đề nghị khen thưởng — 236/KH-UBND</title>"));
    assert!(
        doc.contains("<dt>Ngày lập</dt><dd>04/12/2023 08:30</dd>"),
        "SOURCE_DATE_EPOCH pins the date"
    );
    assert_eq!(
        doc.matches("<svg ").count(),
        6,
        "2 tiers × (2 quotas + breakdown)"
    );
    run(&[
        "nominate",
        EXAMPLE,
        "--individuals",
        PEOPLE,
        "-o",
        s(&path(dir.path(), "again.html")),
    ]);
    assert_eq!(
        fs::read(path(dir.path(), "again.html")).unwrap(),
        doc.as_bytes(),
        "same inputs, same bytes"
    );
}

#[test]
fn nominate_workbook_has_two_sheets_per_tier_with_the_csv_totals() {
    let dir = tmp();
    let out = path(dir.path(), "de-nghi.xlsx");
    run(&["nominate", EXAMPLE, "-o", s(&out)]);
    let mut wb = workbook(&out);
    assert_eq!(
        wb.sheet_names(),
        [
            "Bằng khen UBND tỉnh — tập thể",
            "Bằng khen UBND tỉnh — cá nhân",
            "Giấy khen UBND huyện — tập thể",
            "Giấy khen UBND huyện — cá nhân"
        ]
    );
    let csv = run(&["nominate", EXAMPLE, "--format", "csv"]);
    for (tier, tab) in [
        ("tinh", "Bằng khen UBND tỉnh"),
        ("huyen", "Giấy khen UBND huyện"),
    ] {
        let range = wb.worksheet_range(&format!("{tab} — tập thể")).unwrap();
        let want = csv_column(&csv, "total", |r| {
            &r[0] == tier && &r[1] == "collective" && matches!(&r[10], "nominated" | "tie")
        });
        assert_eq!(numbers(&range, 1, "Điểm"), want, "{tier}");
    }
}

#[test]
fn completions_for_every_shell_and_a_manual_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = String::from_utf8(run(&["completions", shell])).unwrap();
        assert!(
            script.contains("nominate") && script.contains("sheet"),
            "{shell}"
        );
    }
    assert!(code(&["completions", "cmd"], 2).contains("invalid value 'cmd'"));
    let page = String::from_utf8(run(&["man"])).unwrap();
    assert!(
        page.contains(".TH thidua 1") && page.contains("nominate"),
        "{page}"
    );
    let dir = tmp();
    run(&["man", "--dir", s(dir.path())]);
    let rank = fs::read_to_string(path(dir.path(), "thidua-rank.1")).unwrap();
    assert!(
        rank.contains(".TH thidua-rank 1") && rank.contains("\\-\\-tier"),
        "{rank}"
    );
}

#[test]
fn the_generation_time_comes_from_source_date_epoch_when_set() {
    let err = String::from_utf8(
        thidua()
            .env("SOURCE_DATE_EPOCH", "yesterday")
            .args(["nominate", EXAMPLE, "--format", "html"])
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(err.contains("SOURCE_DATE_EPOCH: `yesterday`"), "{err}");
}

#[test]
fn rank_html_has_a_chart_per_group_and_what_if_columns_when_asked() {
    let dir = tmp();
    let out = path(dir.path(), "bao-cao.html");
    run(&["rank", EXAMPLE, "--tier", "huyen", "-o", s(&out)]);
    let doc = fs::read_to_string(&out).unwrap();
    assert!(doc.contains(
        "<title>Báo cáo xếp hạng thi đua — Giấy khen của Chủ tịch UBND huyện — 236/KH-UBND</title>"
    ));
    assert_eq!(doc.matches("<section class=\"group\">").count(), 2);
    assert_eq!(doc.matches("class=\"quota\"").count(), 2);
    let weights = path(dir.path(), "w.yaml");
    fs::write(&weights, "tien_do: 30\n").unwrap();
    let html = run(&[
        "rank",
        EXAMPLE,
        "--tier",
        "huyen",
        "--compare-weights",
        s(&weights),
        "--format",
        "html",
    ]);
    assert!(
        String::from_utf8(html)
            .unwrap()
            .contains("<th>Hạng (B)</th>")
    );
}

#[test]
fn rank_workbook_reads_back_with_the_numbers_of_the_csv() {
    let dir = tmp();
    let out = path(dir.path(), "xep-hang.xlsx");
    run(&["rank", EXAMPLE, "--tier", "huyen", "-o", s(&out)]);
    let mut wb = workbook(&out);
    assert_eq!(
        wb.sheet_names(),
        ["Các cơ quan, đơn vị thuộc UBND…", "UBND các xã, thị trấn"]
    );
    let csv = run(&["rank", EXAMPLE, "--tier", "huyen", "--format", "csv"]);
    for (sheet, group) in wb.sheet_names().iter().zip(["phong_ban", "xa"]) {
        let range = wb.worksheet_range(sheet).unwrap();
        let in_group = |r: &csv::StringRecord| &r[0] == group;
        for (label, id) in [
            ("Hạng", "rank"),
            ("Tổng điểm", "total"),
            ("Tối đa", "max"),
            ("Tỷ lệ %", "percent"),
        ] {
            assert_eq!(
                numbers(&range, 1, label),
                csv_column(&csv, id, in_group),
                "{sheet} {label}"
            );
        }
    }
}

#[test]
fn score_workbook_has_a_sheet_per_group_with_every_criterion_as_in_the_csv() {
    let dir = tmp();
    let out = path(dir.path(), "diem.xlsx");
    run(&["score", EXAMPLE, "--format", "xlsx", "-o", s(&out)]);
    let mut wb = workbook(&out);
    let csv = run(&["score", EXAMPLE, "--format", "csv"]);
    let ids: Vec<String> = csv::Reader::from_reader(&csv[..])
        .headers()
        .unwrap()
        .iter()
        .skip(3)
        .take_while(|h| *h != "class")
        .map(String::from)
        .collect();
    assert!(
        ids.len() >= 10,
        "criteria, penalty, total, max, percent: {ids:?}"
    );
    let mut units = 0;
    for (sheet, group) in wb.sheet_names().iter().zip(["phong_ban", "xa"]) {
        let range = wb.worksheet_range(sheet).unwrap();
        let in_group = |r: &csv::StringRecord| &r[2] == group;
        for (k, id) in ids.iter().enumerate() {
            let col: Vec<f64> = (2..range.height())
                .map_while(|r| match range.get((r, 2 + k)) {
                    Some(Data::Float(x)) => Some(*x),
                    _ => None,
                })
                .collect();
            assert_eq!(col, csv_column(&csv, id, in_group), "{sheet} {id}");
        }
        units += numbers(&range, 1, "Tổng điểm").len();
    }
    assert_eq!(units, 23);
    let html = String::from_utf8(run(&["score", EXAMPLE, "--format", "html"])).unwrap();
    // 16 columns: each group prints on landscape pages.
    assert_eq!(html.matches("<section class=\"group wide\">").count(), 2);
}

#[test]
fn other_tables_become_plain_documents_and_sheets() {
    let html = String::from_utf8(run(&[
        "score",
        EXAMPLE,
        "--explain",
        "xa_phuoc_hai",
        "--format",
        "html",
    ]))
    .unwrap();
    assert!(
        html.contains("<h1>Giải trình điểm: UBND xã Phước Hải"),
        "{html}"
    );
    let dir = tmp();
    let out = path(dir.path(), "giai-trinh.xlsx");
    run(&["score", EXAMPLE, "--explain", "xa_phuoc_hai", "-o", s(&out)]);
    assert!(workbook(&out).sheet_names()[0].starts_with("Giải trình điểm"));
}

#[test]
fn the_shipped_example_report_is_what_the_binary_makes() {
    let made = run(&["rank", EXAMPLE, "--tier", "huyen", "--format", "html"]);
    let shipped = fs::read("examples/bao-cao-huyen.html").unwrap();
    assert!(
        made == shipped,
        "examples/bao-cao-huyen.html is stale: regenerate it with\n\
         SOURCE_DATE_EPOCH={EPOCH} cargo run -- rank {EXAMPLE} --tier huyen --format html -o examples/bao-cao-huyen.html"
    );
}

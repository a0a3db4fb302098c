use rust_xlsxwriter::{Format, Workbook, Worksheet};

use super::*;
use crate::campaign::{Campaign, DEFAULT_YAML, default_label};
use crate::i18n::InEnglish as _;
use crate::import::{self, Aliases, Options};

const CSV_EXPORT: &[u8] = include_bytes!("../../../tests/fixtures/import/export-bom-semicolon.csv");

const HEADER: [&str; 13] = [
    "STT",
    "Ma don vi",
    "Ten don vi",
    "Khoi",
    "Tong so ho so tiep nhan",
    "Tiep nhan truc tuyen",
    "Da giai quyet",
    "Truoc han",
    "Dung han",
    "Tre han",
    "Luot danh gia",
    "Hai long",
    "Ty le hai long (%)",
];

/// Writes `cells` from (row, col) on, strings as text and numbers as numbers.
fn put(ws: &mut Worksheet, row: u32, col: u16, cells: &[&str]) {
    for (k, c) in cells.iter().enumerate() {
        let at = col + k as u16;
        match c.parse::<f64>() {
            Ok(x) => ws.write_number(row, at, x).map(|_| ()),
            Err(_) if c.is_empty() => Ok(()),
            Err(_) => ws.write_string(row, at, *c).map(|_| ()),
        }
        .unwrap();
    }
}

/// The fixture CSV export rebuilt as Excel has it: a merged title, the
/// percentage a formatted number, the dashes text, the total row at the end.
fn export_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Báo cáo").unwrap();
    let title = "BAO CAO KET QUA GIAI QUYET THU TUC HANH CHINH";
    ws.merge_range(0, 0, 0, 12, title, &Format::new().set_bold())
        .unwrap();
    put(ws, 1, 0, &["Ky bao cao: thang 10/2023"]);
    put(ws, 3, 0, &HEADER);
    let units: [&[&str]; 3] = [
        &[
            "1",
            "PTP",
            "Phong Tu phap",
            "Phong ban",
            "1234",
            "1000",
            "1200",
            "600",
            "550",
            "50",
            "100",
            "95",
        ],
        &[
            "2",
            "XPH",
            "UBND xa Phuoc Hai",
            "Xa",
            "320",
            "150",
            "300",
            "120",
            "170",
            "10",
            "40",
            "30",
            "75",
        ],
        &[
            "3",
            "TTPD",
            "UBND thi tran Phuoc Dan",
            "Thi tran",
            "2050",
            "1875",
            "2000",
            "1500",
            "480",
            "20",
            "-",
            "-",
        ],
    ];
    for (i, u) in units.iter().enumerate() {
        put(ws, 4 + i as u32, 0, u);
    }
    let percent = Format::new().set_num_format("0.0%");
    ws.write_number_with_format(4, 12, 0.955, &percent).unwrap();
    put(
        ws,
        8,
        2,
        &[
            "Tong cong",
            "",
            "3604",
            "3025",
            "3500",
            "2220",
            "1200",
            "80",
            "140",
            "125",
        ],
    );
    wb.save_to_buffer().unwrap()
}

fn import_one(label: &str, bytes: Vec<u8>) -> anyhow::Result<String> {
    let campaign = Campaign::from_yaml(DEFAULT_YAML, default_label(crate::i18n::Lang::En)).unwrap();
    let files = [(label.to_string(), bytes)];
    let out = import::tables(&files, &campaign, &Aliases::builtin(), &Options::default())?;
    Ok(String::from_utf8(out.metrics_csv).unwrap())
}

fn sheet(bytes: &[u8], wanted: Option<&str>) -> Result<SheetText> {
    sheet_csv(bytes, "x.xlsx", wanted, Locale::Vi, b',')
}

#[test]
fn a_workbook_imports_exactly_as_its_csv_export() {
    let xlsx = export_workbook();
    assert!(is_workbook(&xlsx) && !is_workbook(CSV_EXPORT));
    let text = sheet(&xlsx, None).unwrap();
    assert_eq!(text.label, "x.xlsx[Báo cáo]");
    let from_csv = import_one("export.csv", CSV_EXPORT.to_vec()).unwrap();
    assert_eq!(import_one(&text.label, text.csv).unwrap(), from_csv);
    assert!(from_csv.contains(",0.955\n"), "the percentage: {from_csv}");
}

#[test]
fn lines_and_columns_are_the_sheets_own() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    // The table starts at B3, as when a sheet keeps a margin.
    put(
        ws,
        2,
        1,
        &[
            "Ma don vi",
            "Ten don vi",
            "Khoi",
            "Tiep nhan",
            "Da giai quyet",
        ],
    );
    put(ws, 3, 1, &["A", "Phong A", "Phong ban", "5", "4"]);
    put(ws, 4, 1, &["B", "Phong B", "Phong ban", "nhiều", "4"]);
    let text = sheet(&wb.save_to_buffer().unwrap(), None).unwrap();
    let e = import_one(&text.label, text.csv).unwrap_err().en();
    assert!(
        e.contains("x.xlsx[Sheet1]:5:5: tiep_nhan: `nhiều` is not a number"),
        "{e}"
    );
}

#[test]
fn sheets_are_chosen_by_name_or_the_first_visible_one() {
    let mut wb = Workbook::new();
    put(
        wb.add_worksheet().set_name("Ẩn").unwrap().set_hidden(true),
        0,
        0,
        &["x"],
    );
    // Excel never hides the active sheet, so the next one is active.
    let second = wb.add_worksheet().set_name("Tháng 10").unwrap();
    put(second.set_active(true), 0, 0, &["a"]);
    put(
        wb.add_worksheet().set_name("Tháng 11").unwrap(),
        0,
        0,
        &["b"],
    );
    let bytes = wb.save_to_buffer().unwrap();
    assert_eq!(sheet(&bytes, None).unwrap().csv, b"a\n");
    assert_eq!(sheet(&bytes, Some("tháng 11")).unwrap().csv, b"b\n");
    assert_eq!(sheet(&bytes, Some("Ẩn")).unwrap().csv, b"x\n");
    let e = sheet(&bytes, Some("Tháng 12")).unwrap_err();
    assert!(e.downcast_ref::<UsageError>().is_some());
    assert_eq!(
        e.en(),
        "--sheet: no sheet `Tháng 12` in x.xlsx (sheets: Ẩn, Tháng 10, Tháng 11)"
    );
}

#[test]
fn cells_read_as_the_export_would_write_them() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_number(0, 0, 1234.5).unwrap();
    ws.write_number(0, 1, -0.25).unwrap();
    ws.write_boolean(0, 2, true).unwrap();
    ws.write_string(0, 3, "a;b \"c\"\nd").unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2023, 10, 5).unwrap();
    ws.write_datetime_with_format(0, 4, &date, &Format::new().set_num_format("dd/mm/yyyy"))
        .unwrap();
    ws.write_formula(0, 5, "=1/0").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let vi = sheet_csv(&bytes, "x.xlsx", None, Locale::Vi, b';').unwrap();
    assert_eq!(
        String::from_utf8(vi.csv).unwrap(),
        "1234,5;-0,25;TRUE;\"a;b \"\"c\"\" d\";2023-10-05;0\n"
    );
    let en = sheet_csv(&bytes, "x.xlsx", None, Locale::En, b',').unwrap();
    assert!(
        String::from_utf8(en.csv)
            .unwrap()
            .starts_with("1234.5,-0.25,")
    );
}

#[test]
fn broken_workbooks_say_so() {
    let e = sheet(b"PK\x03\x04 not really a zip", None)
        .unwrap_err()
        .en();
    assert!(e.starts_with("x.xlsx: not a readable workbook"), "{e}");
    let mut ole = OLE.to_vec();
    ole.extend([0u8; 64]);
    let e = sheet(&ole, None).unwrap_err().en();
    assert!(e.contains("Excel 97-2003") && e.contains("password"), "{e}");
}

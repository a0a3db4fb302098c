//! Every command reads what `import` reads (issue 13, 3–4): `;` CSVs with
//! decimal commas, UTF-16 text, workbooks, Vietnamese headers, CRLF, paths
//! with diacritics — by running import's reader; clean metrics CSVs as before.

use std::fs;
use std::path::Path;

use crate::readers_people::PEOPLE;
use crate::util::{EXAMPLE, fails, json, run, stdout, write};

/// The example's rows, as (header, rows) of cells.
pub fn example() -> (Vec<String>, Vec<Vec<String>>) {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).unwrap();
    let mut lines = text
        .lines()
        .map(|l| l.split(',').map(String::from).collect::<Vec<_>>());
    let header = lines.next().unwrap();
    (header, lines.collect())
}

/// The example as an office's export: a title row, `;`, CRLF.
fn semicolon_export() -> String {
    let (header, rows) = example();
    let mut out = String::from("BÁO CÁO KẾT QUẢ NĂM 2023\r\n");
    out += &header.join(";");
    out += "\r\n";
    for r in rows {
        out += &r.join(";");
        out += "\r\n";
    }
    out
}

fn rank_csv(data: &str) -> String {
    stdout(&["rank", "--tier", "huyen", "--format", "csv", data])
}

#[test]
fn a_semicolon_export_ranks_like_the_metrics_csv() {
    let dir = tempfile::tempdir().unwrap();
    let semi = write(dir.path(), "bao-cao.csv", &semicolon_export());
    assert_eq!(rank_csv(&semi), rank_csv(EXAMPLE));
    // Lines of messages and reports are the export's own.
    let v = json(&["score", &semi]);
    assert_eq!(v["units"][0]["unit_id"], "vp_hdnd_ubnd");
}

#[test]
fn utf16_text_with_tabs_ranks_like_the_metrics_csv() {
    let (header, rows) = example();
    let mut text = header.join("\t") + "\r\n";
    for r in rows {
        text += &(r.join("\t") + "\r\n");
    }
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("unicode.txt");
    fs::write(&p, bytes).unwrap();
    assert_eq!(rank_csv(p.to_str().unwrap()), rank_csv(EXAMPLE));
}

#[test]
fn rank_reads_a_workbook_directly() {
    let (header, rows) = example();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "TỔNG HỢP").unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 3, c as u16);
            match cell.parse::<f64>() {
                Ok(x) if c > 2 => ws.write_number(r, c, x).map(|_| ()),
                _ => ws.write_string(r, c, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bao-cao.xlsx");
    wb.save(&p).unwrap();
    assert_eq!(rank_csv(p.to_str().unwrap()), rank_csv(EXAMPLE));
}

/// The example's header as staff write it.
const VIETNAMESE_HEADER: &str = "Mã đơn vị;Tên đơn vị;Khối;Tổng số hồ sơ tiếp nhận;Tiếp nhận trực tuyến;\
    Tiếp nhận qua BCCI;Trả kết quả qua BCCI;Đã giải quyết;Trước hạn;Đúng hạn;Trễ hạn;Đang giải quyết;\
    Đang giải quyết quá hạn;Số hóa hồ sơ;Số hóa kết quả;Phải thanh toán;Thanh toán trực tuyến;\
    Lượt đánh giá;Hài lòng;Văn bản xin lỗi";

#[test]
fn vietnamese_headers_and_thousands_dots_read_as_import_reads_them() {
    let (_, rows) = example();
    let mut text = VIETNAMESE_HEADER.to_string() + "\n";
    for r in rows {
        // Groups by their names, counts with a thousands dot where they reach 1000.
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, v)| match (c, v.parse::<u64>()) {
                (2, _) if v == "xa" => "Khối xã".to_string(),
                (2, _) => "Phòng ban".to_string(),
                (_, Ok(n)) if n >= 1000 => format!("{}.{:03}", n / 1000, n % 1000),
                _ => v.clone(),
            })
            .collect();
        text += &(cells.join(";") + "\n");
    }
    assert!(
        text.contains(".0") || text.contains(".1") || text.contains(".2"),
        "a thousands dot"
    );
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "Báo cáo.csv", &text);
    assert_eq!(rank_csv(&data), rank_csv(EXAMPLE));
    let imported = dir.path().join("imported.csv");
    run(&["import", &data, "-o", imported.to_str().unwrap()]);
    assert_eq!(rank_csv(&data), rank_csv(imported.to_str().unwrap()));
}

#[test]
fn an_export_s_errors_point_at_its_own_cells() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "x.csv",
        "Kết quả\nMã đơn vị;Tên đơn vị;Khối;Tiếp nhận;Đã giải quyết;Đúng hạn\n\
         xa_a;UBND xã A;Xã;10;10;12\nxa_b;UBND xã B;Xã;abc;3;3\n",
    );
    let e = fails(&["rank", "--tier", "huyen", &data], 1);
    assert!(
        e.contains("x.csv:3:6: unit `xa_a`: dung_han = 12 is more than da_giai_quyet = 10"),
        "{e}"
    );
    assert!(
        e.contains("x.csv:4:4: tiep_nhan: `abc` is not a number"),
        "{e}"
    );
    // A problem only the metrics reader sees is traced back too.
    let data = write(
        dir.path(),
        "y.csv",
        "Mã đơn vị;Tên đơn vị;Khối;Tiếp nhận;Tỷ lệ x\n\nxa_a;UBND xã A;Xã;5;-1\n",
    );
    let e = fails(&["score", &data], 1);
    assert!(e.contains("y.csv:3:5: ty_le_x: negative value -1"), "{e}");
}

#[test]
fn a_clean_metrics_csv_keeps_its_strict_errors() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "m.csv",
        "unit_id,unit_name,group,tiep_nhan\nxa_a,A,xa,1.608\n",
    );
    let e = fails(&["score", &data], 1);
    assert!(
        e.contains("m.csv:2:4: tiep_nhan: `1.608` looks like a thousands separator in a count"),
        "{e}"
    );
}

#[test]
fn the_baseline_may_be_an_export_too() {
    let dir = tempfile::tempdir().unwrap();
    let semi = write(dir.path(), "2022.csv", &semicolon_export());
    let plain = run(&["score", "--baseline", EXAMPLE, "--format", "csv", EXAMPLE]).0;
    let export = run(&["score", "--baseline", &semi, "--format", "csv", EXAMPLE]).0;
    assert_eq!(plain, export);
}

#[test]
fn tier_ids_accept_their_vietnamese_spelling() {
    assert_eq!(
        stdout(&["rank", "--tier", "tỉnh", "--format", "csv", EXAMPLE]),
        stdout(&["rank", "--tier", "tinh", "--format", "csv", EXAMPLE])
    );
    assert_eq!(
        stdout(&["rank", "--tier", "HUYỆN", "--format", "csv", EXAMPLE]),
        stdout(&["rank", "--tier", "huyen", "--format", "csv", EXAMPLE])
    );
    let e = fails(&["rank", "--tier", "xã", EXAMPLE], 2);
    assert!(e.contains("--tier: unknown tier `xã`"), "{e}");
}

#[test]
fn paths_with_vietnamese_letters_and_crlf_inputs_read() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("Báo cáo thi đua");
    fs::create_dir(&sub).unwrap();
    let crlf = |rel: &str, name: &str| {
        let text = fs::read_to_string(root.join(rel)).unwrap();
        assert!(!text.contains('\r'));
        write(&sub, name, &text.replace('\n', "\r\n"))
    };
    let data = crlf(EXAMPLE, "số liệu.csv");
    let people = crlf(PEOPLE, "cá nhân.csv");
    let criteria = crlf("criteria/ninh-phuoc-236.yaml", "tiêu chí.yaml");
    let decisions = crlf("examples/quyet-dinh-hoi-dong.yaml", "quyết định.yaml");
    let plain = stdout(&[
        "nominate",
        "--individuals",
        PEOPLE,
        "--decisions",
        "examples/quyet-dinh-hoi-dong.yaml",
        "--format",
        "csv",
        EXAMPLE,
    ]);
    let windows = stdout(&[
        "nominate",
        "--individuals",
        &people,
        "--decisions",
        &decisions,
        "--criteria",
        &criteria,
        "--format",
        "csv",
        &data,
    ]);
    assert_eq!(windows, plain.replace(EXAMPLE, &data));
    let out = sub.join("kết quả.csv");
    run(&[
        "rank",
        "--tier",
        "huyen",
        &data,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(fs::read_to_string(&out).unwrap(), rank_csv(EXAMPLE));
}

/// A month's units with no dossier at all are not graded.
#[test]
fn a_unit_without_dossiers_is_not_graded() {
    let v = json(&["score", crate::util::MONTHLY, "--period", "2023-10"]);
    let u = crate::util::unit(&v, "thanh_tra");
    assert_eq!(u["class"], serde_json::Value::Null, "{u}");
    assert_eq!(u["no_data"], true, "{u}");
    let busy = crate::util::unit(&v, "phong_noi_vu");
    assert!(
        busy["class"].is_string() && busy.get("no_data").is_none(),
        "{busy}"
    );
    let md = stdout(&[
        "score",
        crate::util::MONTHLY,
        "--period",
        "2023-10",
        "--format",
        "md",
    ]);
    let line = md.lines().find(|l| l.contains("Thanh tra huyện")).unwrap();
    assert!(
        line.contains("không có hồ sơ trong kỳ") && !line.contains("Yếu"),
        "{line}"
    );
    let en = stdout(&[
        "score",
        crate::util::MONTHLY,
        "--period",
        "2023-10",
        "--format",
        "md",
        "--lang",
        "en",
    ]);
    assert!(en.contains("no dossiers in the period"), "{en}");
}

#[cfg(unix)]
#[test]
fn the_monthly_recipe_titles_the_month_and_leaves_nothing_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    let recipe = |data: &str, month: &str| {
        std::process::Command::new("sh")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("THIDUA", env!("CARGO_BIN_EXE_thidua"))
            .args([
                "examples/monthly-report.sh",
                data,
                month,
                out.to_str().unwrap(),
            ])
            .output()
            .unwrap()
    };
    let bad = write(
        dir.path(),
        "bad.csv",
        "unit_id,unit_name,group,period,tiep_nhan\nx,X,xa,2023-10,1.5\n",
    );
    let o = recipe(&bad, "2023-10");
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!out.exists(), "no folder is left behind on failure");
    let o = recipe(crate::util::MONTHLY, "2023-10");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report = fs::read_to_string(out.join("2023-10/report.md")).unwrap();
    assert!(
        report.starts_with("# Báo cáo thi đua tháng 10/2023\n"),
        "{report}"
    );
    assert!(report.contains("không có hồ sơ trong kỳ"), "{report}");
    let mut files: Vec<String> = fs::read_dir(out.join("2023-10"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "rank.csv",
            "rank.md",
            "report.md",
            "scores.csv",
            "scores.md"
        ]
    );
}

/// Windows: the PowerShell recipe writes what the shell recipe writes.
#[cfg(windows)]
#[test]
fn the_powershell_recipe_writes_the_same_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    let o = std::process::Command::new("powershell")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("THIDUA", env!("CARGO_BIN_EXE_thidua"))
        .args([
            "-NoProfile",
            "-ExecutionPolicy",
            "Bypass",
            "-File",
            "examples/monthly-report.ps1",
        ])
        .args([crate::util::MONTHLY, "2023-10", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report = fs::read_to_string(out.join("2023-10").join("report.md")).unwrap();
    assert!(
        report.starts_with("# Báo cáo thi đua tháng 10/2023\n"),
        "{report}"
    );
    assert!(report.contains("không có hồ sơ trong kỳ"), "{report}");
    let bad = write(
        dir.path(),
        "bad.csv",
        "unit_id,unit_name,group,period,tiep_nhan\nx,X,xa,2023-11,1.5\n",
    );
    let o = std::process::Command::new("powershell")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("THIDUA", env!("CARGO_BIN_EXE_thidua"))
        .args([
            "-NoProfile",
            "-ExecutionPolicy",
            "Bypass",
            "-File",
            "examples/monthly-report.ps1",
        ])
        .args([bad.as_str(), "2023-11", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.join("2023-11").exists());
}

/// Windows: Excel holds the report open; replacing it says what to do.
#[cfg(windows)]
#[test]
fn an_output_open_in_excel_says_to_close_it() {
    use std::os::windows::fs::OpenOptionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("báo cáo.csv");
    fs::write(&out, "old").unwrap();
    // Excel opens a workbook without sharing delete: a rename over it fails.
    let _held = fs::OpenOptions::new()
        .read(true)
        .share_mode(0)
        .open(&out)
        .unwrap();
    let e = fails(
        &[
            "rank",
            "--tier",
            "huyen",
            EXAMPLE,
            "-o",
            out.to_str().unwrap(),
        ],
        1,
    );
    assert!(e.contains("close the file in Excel and run again"), "{e}");
}

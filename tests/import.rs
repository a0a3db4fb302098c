//! `thidua import` as staff run it: the real binary on files that look like
//! real exports (title rows, BOM, `;`, Vietnamese headers, decimal commas,
//! total rows, UTF-16, several files, dossier lists), every check's message,
//! and the promise that a failed import writes nothing.

use std::fs;
use std::path::{Path, PathBuf};

const FIX: &str = "tests/fixtures/import";

use crate::util::thidua;

fn fixture(name: &str) -> String {
    format!("{FIX}/{name}")
}

/// Runs import; returns (exit code, stdout, stderr).
fn import(args: &[&str]) -> (i32, String, String) {
    let out = thidua().arg("import").args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
    (
        out.status.code().unwrap(),
        text(&out.stdout),
        text(&out.stderr),
    )
}

fn ok(args: &[&str]) -> (String, String) {
    let (code, out, err) = import(args);
    assert_eq!(code, 0, "stderr: {err}");
    (out, err)
}

/// A failing import into `-o`: exit 1, the file never created; stderr returned.
fn fails(dir: &Path, args: &[&str]) -> String {
    let out = dir.join("out.csv");
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["-o", out.to_str().unwrap()]);
    let (code, _, err) = import(&all);
    assert_eq!(code, 1, "stderr: {err}");
    assert!(!out.exists(), "an output file was written despite: {err}");
    err
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn excel_export_with_bom_semicolons_title_and_total_rows() {
    let (out, err) = ok(&[&fixture("export-bom-semicolon.csv")]);
    assert_eq!(
        out,
        "unit_id,unit_name,group,tiep_nhan,tiep_nhan_truc_tuyen,da_giai_quyet,truoc_han,dung_han,tre_han,danh_gia,hai_long,ty_le_hai_long\n\
         PTP,Phong Tu phap,phong_ban,1234,1000,1200,600,550,50,100,95,0.955\n\
         XPH,UBND xa Phuoc Hai,xa,320,150,300,120,170,10,40,30,75\n\
         TTPD,UBND thi tran Phuoc Dan,xa,2050,1875,2000,1500,480,20,,,\n"
    );
    let f = fixture("export-bom-semicolon.csv");
    assert!(err.contains(&format!("{f}:4:13: column \"Ty le hai long (%)\" is not a known metric; kept as `ty_le_hai_long`")), "{err}");
    assert!(err.contains(&format!("{f}:8: blank row dropped")), "{err}");
    assert!(
        err.contains(&format!("{f}:9: total row \"Tong cong\" dropped")),
        "{err}"
    );
}

#[test]
fn unicode_text_utf16_both_byte_orders_with_ids_and_groups_from_names() {
    let expected = "unit_id,unit_name,group,tiep_nhan,da_giai_quyet,truoc_han,dung_han,tre_han\n\
        xa_phuoc_hai,UBND xã Phước Hải,xa,120,100,40,55,5\n\
        thi_tran_phuoc_dan,UBND thị trấn Phước Dân,xa,1234,1000,500,480,20\n\
        van_phong_hdnd_va_ubnd_huyen,Văn phòng HĐND và UBND huyện,phong_ban,80,80,10,70,0\n";
    for name in ["unicode-text-utf16le.txt", "unicode-text-utf16be.txt"] {
        let (out, err) = ok(&[&fixture(name)]);
        assert_eq!(out, expected, "{name}");
        let f = fixture(name);
        assert!(
            err.contains(&format!(
                "{f}:3: unit `thi_tran_phuoc_dan` put in group `xa` from its name (\"thi tran\")"
            )),
            "{err}"
        );
        assert!(err.contains(&format!("{f}:4: unit `van_phong_hdnd_va_ubnd_huyen` put in group `phong_ban` from its name (\"van phong\")")), "{err}");
    }
}

#[test]
fn two_files_are_merged_by_unit_id() {
    let (out, _) = ok(&[&fixture("merge-a.csv"), &fixture("merge-b.csv")]);
    assert_eq!(
        out,
        "unit_id,unit_name,group,tiep_nhan,tiep_nhan_bcci,tra_kq_bcci,da_giai_quyet,truoc_han,dung_han,tre_han,danh_gia,hai_long\n\
         PTP,Phòng Tư pháp,phong_ban,50,1,2,40,10,28,2,20,20\n\
         XPH,UBND xã Phước Hải,xa,30,4,6,30,5,25,0,12,11\n"
    );
}

#[test]
fn a_metric_given_twice_across_files_needs_sum() {
    let dir = tmp();
    let second = write(dir.path(), "b.csv", "Mã đơn vị,Tiếp nhận,Khối\nXPH,5,xa\n");
    let a = fixture("merge-a.csv");
    let err = fails(dir.path(), &[&a, second.to_str().unwrap()]);
    let b = second.display();
    assert!(
        err.contains(&format!("{b}:2:2: metric `tiep_nhan` of unit `XPH` is given twice: here and at {a}:3:4 (use --sum to add them up)")),
        "{err}"
    );
    let (out, _) = ok(&[&a, second.to_str().unwrap(), "--sum"]);
    assert!(
        out.contains("XPH,UBND xã Phước Hải,xa,35,30,5,25,0\n"),
        "{out}"
    );
}

#[test]
fn every_bad_cell_is_reported_at_once_and_nothing_is_written() {
    let dir = tmp();
    let f = write(
        dir.path(),
        "bad.csv",
        "Mã đơn vị,Tên đơn vị,Khối,Tiếp nhận,Trực tuyến,Đã giải quyết,Trước hạn,Đúng hạn,Trễ hạn,Lượt đánh giá,Hài lòng\n\
         A,Phòng A,phong_ban,-3,0,10,5,5,0,0,0\n\
         B,Phòng B,phong_ban,12,\"2,5\",10,5,5,0,0,0\n\
         C,Phòng C,phong_ban,10,11,10,6,5,1,4,5\n\
         C,Phòng C,phong_ban,1,0,0,0,0,0,0,0\n\
         D,Doanh nghiệp D,Doanh nghiệp,1,0,0,0,0,0,0,0\n",
    );
    let err = fails(dir.path(), &[f.to_str().unwrap()]);
    let p = f.display();
    for expected in [
        format!("{p}:2:4: tiep_nhan: negative count `-3`: expected a whole number ≥ 0"),
        format!(
            "{p}:3:5: tiep_nhan_truc_tuyen: `2,5` is not a whole count: expected a whole number ≥ 0"
        ),
        format!(
            "{p}:4:5: unit `C`: tiep_nhan_truc_tuyen = 11 is more than tiep_nhan = 10: a part cannot be larger than its whole"
        ),
        format!(
            "{p}:4:7: unit `C`: truoc_han + dung_han + tre_han = 12 is more than da_giai_quyet = 10: a part cannot be larger than its whole"
        ),
        format!(
            "{p}:4:11: unit `C`: hai_long = 5 is more than danh_gia = 4: a part cannot be larger than its whole"
        ),
        format!("{p}:5: duplicate unit `C` (also at line 4)"),
        format!(
            "{p}:6:3: unknown group \"Doanh nghiệp\": expected one of the campaign's groups (phong_ban, xa) or one of their aliases"
        ),
        "7 problems found; nothing was written".to_string(),
    ] {
        assert!(err.contains(&expected), "missing «{expected}» in:\n{err}");
    }
}

#[test]
fn empty_files_and_files_without_a_header_are_refused() {
    let dir = tmp();
    let empty = write(dir.path(), "empty.csv", "\u{feff}\r\n");
    let err = fails(dir.path(), &[empty.to_str().unwrap()]);
    assert!(
        err.contains(&format!(
            "{}: empty file: expected a header row",
            empty.display()
        )),
        "{err}"
    );
    let no_header = write(dir.path(), "x.csv", "a,b,c\n1,2,3\n");
    let err = fails(dir.path(), &[no_header.to_str().unwrap()]);
    assert!(
        err.contains(&format!(
            "{}: no header row found in the first 30 rows",
            no_header.display()
        )),
        "{err}"
    );
    let latin1 = dir.path().join("latin1.csv");
    fs::write(&latin1, b"T\xEAn \xF0\xF5n v\xEF;Ti\xEAp nh\xE2n\n").unwrap();
    let err = fails(dir.path(), &[latin1.to_str().unwrap()]);
    assert!(
        err.contains(&format!(
            "{}:1: not UTF-8 text (byte 2): save the sheet as \"CSV UTF-8\"",
            latin1.display()
        )),
        "{err}"
    );
}

#[test]
fn the_locale_decides_what_1_234_means() {
    let dir = tmp();
    let f = write(dir.path(), "r.csv", "Mã đơn vị;Khối;Tỷ lệ\nA;xa;1.234\n");
    let (vi, _) = ok(&[f.to_str().unwrap()]);
    assert!(vi.ends_with("A,A,xa,1234\n"), "{vi}");
    let (en, _) = ok(&[f.to_str().unwrap(), "--locale", "en"]);
    assert!(en.ends_with("A,A,xa,1.234\n"), "{en}");
    let g = write(dir.path(), "g.csv", "Mã đơn vị;Khối;Tỷ lệ\nA;xa;1.5\n");
    let err = fails(dir.path(), &[g.to_str().unwrap()]);
    assert!(err.contains("g.csv:2:3: ty_le: `1.5` is not a number: with --locale vi `.` groups thousands and `,` is the decimal mark (e.g. 1.234 or 95,5); use --locale en for the other way"), "{err}");
}

#[test]
fn keep_going_writes_valid_rows_and_the_rejects_with_reasons() {
    let dir = tmp();
    let f = write(
        dir.path(),
        "k.csv",
        "Mã đơn vị,Khối,Tiếp nhận\nA,xa,5\nB,xa,-1\nC,xa,=2+3\n",
    );
    let out = dir.path().join("m.csv");
    let (code, _, err) = import(&[
        f.to_str().unwrap(),
        "--keep-going",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        fs::read_to_string(&out).unwrap(),
        "unit_id,unit_name,group,tiep_nhan\nA,A,xa,5\n"
    );
    let rejects = fs::read_to_string(dir.path().join("m.rejects.csv")).unwrap();
    let p = f.display();
    assert_eq!(
        rejects,
        format!(
            "file,line,column,reason\n{p},3,3,tiep_nhan: negative count `-1`: expected a whole number ≥ 0,B,xa,-1\n\
             {p},4,3,\"tiep_nhan: `=2+3` is not a number: with --locale vi `.` groups thousands and `,` is the decimal mark (e.g. 1.234 or 95,5); use --locale en for the other way\",C,xa,'=2+3\n"
        )
    );
}

#[test]
fn text_cells_that_look_like_formulas_are_neutralised() {
    let dir = tmp();
    let f = write(
        dir.path(),
        "f.csv",
        "Mã đơn vị,Tên đơn vị,Khối,Tiếp nhận\n=1+1,\"@SUM(A1)\",xa,3\n",
    );
    let (out, _) = ok(&[f.to_str().unwrap()]);
    assert_eq!(
        out,
        "unit_id,unit_name,group,tiep_nhan\n'=1+1,'@SUM(A1),xa,3\n"
    );
}

#[test]
fn never_writes_over_an_input_and_usage_mistakes_exit_2() {
    let dir = tmp();
    let f = write(dir.path(), "in.csv", "Mã đơn vị,Khối,Tiếp nhận\nA,xa,5\n");
    let (code, _, err) = import(&[f.to_str().unwrap(), "-o", f.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("refusing to write over the input file"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&f).unwrap(),
        "Mã đơn vị,Khối,Tiếp nhận\nA,xa,5\n"
    );
    for args in [
        vec![f.to_str().unwrap(), "--keep-going"],
        vec![f.to_str().unwrap(), f.to_str().unwrap(), "--dossiers"],
        vec![f.to_str().unwrap(), "--dossiers", "--from", "31/31/2023"],
        vec![f.to_str().unwrap(), "--from", "2023-01-01"],
    ] {
        let (code, _, err) = import(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
    }
}

#[test]
fn a_portal_export_scores_like_the_metrics_it_holds() {
    let dir = tmp();
    let metrics = dir.path().join("metrics.csv");
    ok(&[
        &fixture("portal-export.csv"),
        "-o",
        metrics.to_str().unwrap(),
    ]);
    let score = |file: &str| {
        let out = thidua()
            .args(["score", file, "--format", "csv"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let imported = score(metrics.to_str().unwrap());
    assert_eq!(imported, score("examples/ninh-phuoc-2023.csv"));
    assert_eq!(
        fs::read_to_string(&metrics).unwrap(),
        fs::read_to_string("examples/ninh-phuoc-2023.csv").unwrap()
    );
}

//! `thidua import --dossiers` on dossier lists: the counting rules at their
//! boundaries, every check's message, `--units`, `--keep-going`, and a file big
//! enough to be read by two threads, which must agree with one.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use assert_cmd::Command;

const FIX: &str = "tests/fixtures/import";
const HEADER: &str = "unit_id,unit_name,group,tiep_nhan,tiep_nhan_truc_tuyen,tiep_nhan_bcci,tra_kq_bcci,da_giai_quyet,truoc_han,dung_han,tre_han,dang_giai_quyet,dang_qua_han,so_hoa_ho_so,so_hoa_ket_qua,phai_thanh_toan,thanh_toan_truc_tuyen,danh_gia,hai_long\n";

fn import(args: &[&str]) -> (i32, String, String) {
    let mut c = Command::cargo_bin("thidua").unwrap();
    // Messages in English: these tests are about content; tests/messages.rs is about language.
    c.env("THIDUA_LANG", "en");
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    let out = c
        .arg("import")
        .arg("--dossiers")
        .args(args)
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
    (
        out.status.code().unwrap(),
        text(&out.stdout),
        text(&out.stderr),
    )
}

fn q1(file: &str) -> Vec<String> {
    [file, "--from", "2023-01-01", "--to", "31/03/2023"]
        .map(String::from)
        .to_vec()
}

fn run(args: &[String]) -> (i32, String, String) {
    import(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// XA01 rows, one rule each (see the fixture): due date equal to the finish
/// date is on time (đúng hạn); finished after `to` is still pending and not
/// resolved; received before `from` and pending counts as pending only; a
/// rating on an unfinished dossier is ignored; ISO and d/m/yyyy dates.
#[test]
fn counting_rules_at_their_boundaries() {
    let (code, out, err) = run(&q1(&format!("{FIX}/dossiers.csv")));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!(
            "{HEADER}XA01,UBND xã Phước Hải,xa,4,1,2,1,3,1,1,1,2,2,1,1,1,1,2,1\n\
             PB01,Phòng Tư pháp,phong_ban,0,0,0,0,1,1,0,0,0,0,0,0,0,0,0,0\n"
        )
    );
    assert!(
        err.contains("dossiers.csv:2: unit `XA01` put in group `xa` from its name (\"xa\")"),
        "{err}"
    );
}

#[test]
fn one_day_shifts_the_boundaries() {
    // to = 20/01: dossier 1 (finished 20/01, due 20/01) still counts as on
    // time; everything received later is outside the period.
    let mut a = q1(&format!("{FIX}/dossiers.csv"));
    a[4] = "2023-01-20".into();
    let (code, out, err) = run(&a);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\nXA01,UBND xã Phước Hải,xa,1,1,0,0,1,0,1,0,1,1,1,1,1,1,1,1\n"),
        "{out}"
    );
    // to = 19/01: dossier 1 is pending, not yet overdue (due 20/01 is after to).
    a[4] = "2023-01-19".into();
    let (_, out, _) = run(&a);
    assert!(
        out.contains("\nXA01,UBND xã Phước Hải,xa,1,1,0,0,0,0,0,0,2,1,1,0,1,1,0,0\n"),
        "{out}"
    );
}

#[test]
fn units_file_gives_groups_and_lists_units_without_dossiers() {
    let mut a = q1(&format!("{FIX}/dossiers.csv"));
    a.extend(["--units".into(), format!("{FIX}/units.csv")]);
    let (code, out, err) = run(&a);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.ends_with("PB02,Phòng Nội vụ,phong_ban,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n"),
        "{out}"
    );
    assert!(!err.contains("from its name"), "{err}");
}

#[test]
fn bad_dates_early_finishes_and_duplicate_numbers_are_errors_with_lines() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.csv");
    let mut a = q1(&format!("{FIX}/dossiers-bad.csv"));
    a.extend(["-o".into(), out.display().to_string()]);
    let (code, _, err) = run(&a);
    assert_eq!(code, 1, "{err}");
    assert!(!out.exists());
    let f = format!("{FIX}/dossiers-bad.csv");
    assert_eq!(
        err,
        format!(
            "thidua: error: {f}:3:3: ngay_tiep_nhan (\"Ngày tiếp nhận\"): `31/02/2023` is not a date: expected dd/mm/yyyy, dd/mm/yyyy HH:MM[:SS], yyyy-mm-dd or yyyy-mm-ddTHH:MM:SS\n\
             {f}:4:5: ngay_hoan_thanh (\"Ngày hoàn thành\"): the dossier is finished before it was received\n\
             {f}:5:2: so_ho_so (\"Số hồ sơ\"): duplicate dossier number `HS-1` (first at line 2)\n\
             3 problems found; nothing was written (--keep-going writes the valid rows and a .rejects.csv)\n"
        )
    );
}

#[test]
fn unknown_units_missing_columns_and_needed_due_dates() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    let f = write(
        "u.csv",
        "Mã đơn vị,Số hồ sơ,Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành,Kênh\nXX9,1,02/01/2023,,03/01/2023,fax\n",
    );
    let mut a = q1(&f);
    a.extend(["--units".into(), format!("{FIX}/units.csv")]);
    let (code, _, err) = run(&a);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{f}:2:6: kenh (\"Kênh\"): expected a channel: Trực tiếp, Trực tuyến, BCCI / Bưu chính công ích, or 1, 2, 3")), "{err}");
    assert!(
        err.contains(&format!(
            "{f}:2:1: unit_id (\"Mã đơn vị\"): unknown unit `XX9`: not in the --units file"
        )),
        "{err}"
    );
    let g = write(
        "g.csv",
        "Mã đơn vị,Số hồ sơ,Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành\nXA01,1,02/01/2023,,03/01/2023\n",
    );
    let (_, _, err) = run(&q1(&g));
    assert!(err.contains(&format!("{g}:2:4: han_xu_ly (\"Hạn xử lý\"): expected a date: the due date is needed to judge this dossier")), "{err}");
    let h = write(
        "h.csv",
        "Mã đơn vị,Số hồ sơ,Ngày tiếp nhận,Ngày hoàn thành\nXA01,1,02/01/2023,03/01/2023\n",
    );
    let (_, _, err) = run(&q1(&h));
    assert!(
        err.contains(&format!(
            "{h}:1: no `han_xu_ly` column: expected a header such as \"Hạn xử lý\""
        )),
        "{err}"
    );
    let n = write(
        "n.csv",
        "Mã đơn vị,Số hồ sơ,Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành\nXA01,1,02/01/2023,09/01/2023,03/01/2023\n",
    );
    let (_, _, err) = run(&q1(&n));
    assert!(err.contains(&format!("{n}:2: cannot tell the group of unit `XA01` (\"XA01\") from its name: give --units FILE")), "{err}");
}

#[test]
fn keep_going_counts_the_good_dossiers_and_sets_the_others_aside() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.csv");
    let mut a = q1(&format!("{FIX}/dossiers-bad.csv"));
    a.extend([
        "--keep-going".into(),
        "--units".into(),
        format!("{FIX}/units.csv"),
    ]);
    a.extend(["-o".into(), out.display().to_string()]);
    let (code, _, err) = run(&a);
    assert_eq!(code, 0, "{err}");
    let metrics = fs::read_to_string(&out).unwrap();
    assert!(
        metrics.contains("\nXA01,UBND xã Phước Hải,xa,1,1,1,0,0,0,0\n"),
        "{metrics}"
    );
    let rejects = fs::read_to_string(dir.path().join("m.rejects.csv")).unwrap();
    let lines: Vec<&str> = rejects.lines().collect();
    assert_eq!(lines.len(), 4, "{rejects}");
    assert!(lines[3].contains(",5,2,\"so_ho_so (\"\"Số hồ sơ\"\"): duplicate dossier number `HS-1` (first at line 2)\",XA01,HS-1,11/01/2023,21/01/2023,"), "{rejects}");
}

/// ~12 MiB: read by two threads. Quoted names with commas and newlines, CRLF.
fn big_file(dir: &Path, duplicate_at: Option<usize>) -> String {
    let mut s = String::from(
        "\u{feff}Mã đơn vị,Tên đơn vị,Số hồ sơ,Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành,Kênh,Đánh giá\r\n",
    );
    let rows = 120_000;
    for i in 0..rows {
        let unit = i % 7;
        let number = if Some(i) == duplicate_at { 17 } else { i };
        let (d, m) = (1 + i % 28, 1 + (i / 28) % 12);
        let finished = if i % 9 == 0 {
            String::new()
        } else {
            format!("{:02}/{m:02}/2023 10:00", (d + i % 5).min(28))
        };
        let channel = ["Trực tiếp", "Trực tuyến", "BCCI"][i % 3];
        let rating = ["", "Hài lòng", "Không hài lòng"][i % 3];
        writeln!(
            s,
            "U{unit},\"UBND xã Số {unit}, \"\"Khu {unit}\"\"\nthôn {unit}\",HS-{number:09},{d:02}/{m:02}/2023 08:00,{:02}/{m:02}/2023,{finished},{channel},{rating}\r",
            (d + 2).min(28)
        )
        .unwrap();
    }
    let p = dir.join(format!("big-{duplicate_at:?}.csv"));
    fs::write(&p, s).unwrap();
    assert!(
        fs::metadata(&p).unwrap().len() > 8 << 20,
        "big enough for two threads"
    );
    p.display().to_string()
}

#[test]
fn two_threads_count_like_one_and_find_duplicates_across_halves() {
    let dir = tempfile::tempdir().unwrap();
    let f = big_file(dir.path(), None);
    let (code, parallel, err) = run(&q1(&f));
    assert_eq!(code, 0, "{err}");
    // --keep-going reads in one thread
    let one = dir.path().join("one.csv");
    let mut a = q1(&f);
    a.extend([
        "--keep-going".into(),
        "-o".into(),
        one.display().to_string(),
    ]);
    let (code, _, err) = run(&a);
    assert_eq!(code, 0, "{err}");
    assert_eq!(parallel, fs::read_to_string(&one).unwrap());
    assert!(parallel.contains("\nU0,"), "{parallel}");
    let g = big_file(dir.path(), Some(110_000));
    let (code, _, err) = run(&q1(&g));
    assert_eq!(code, 1);
    // header on line 1, each dossier on two lines: row i starts on line 2 + 2i
    assert!(err.contains(&format!("{g}:220002:3: so_ho_so (\"Số hồ sơ\"): duplicate dossier number `HS-000000017` (first at line 36)")), "{err}");
}

/// A quoted note with many line breaks spans the middle of the file: the
/// second thread starts inside it, the check sees the split is not a record
/// boundary, and the file is read again in one pass with the same result.
#[test]
fn a_quoted_field_across_the_split_falls_back_to_one_pass() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = String::from(
        "Mã đơn vị,Tên đơn vị,Số hồ sơ,Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành,Ghi chú\n",
    );
    let row = |s: &mut String, i: usize, note: &str| {
        writeln!(
            s,
            "XA01,UBND xã Phước Hải,HS-{i},02/01/2023,09/01/2023,05/01/2023,\"{note}\""
        )
        .unwrap()
    };
    for i in 0..1000 {
        row(&mut s, i, "");
    }
    row(
        &mut s,
        1000,
        &"XA02,x,HS-1,02/01/2023,09/01/2023,,\n".repeat(300_000),
    );
    for i in 1001..2000 {
        row(&mut s, i, "");
    }
    let f = dir.path().join("note.csv");
    fs::write(&f, s).unwrap();
    let (code, out, err) = run(&q1(&f.display().to_string()));
    assert_eq!(code, 0, "{err}");
    // no XA02: what the second thread read inside the note was thrown away
    assert!(
        out.ends_with("\nXA01,UBND xã Phước Hải,xa,2000,2000,2000,0,0,0,0\n"),
        "{out}"
    );
}

/// A dossier list cannot say how many apology letters a unit sent: the unit
/// table given with `--units` can, and its extra metrics join the counts, so
/// the built-in campaign (whose penalty reads `xin_loi`) scores the result.
#[test]
fn units_file_metrics_join_the_counts_and_the_result_scores() {
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("units.csv");
    fs::write(
        &units,
        "Mã đơn vị,Tên đơn vị,Khối,Văn bản xin lỗi,Tiếp nhận\nXA01,UBND xã Phước Hải,Xã,1,999\nPB01,Phòng Tư pháp,Phòng ban,0,5\nPB02,Phòng Nội vụ,Phòng ban,,7\n",
    )
    .unwrap();
    let out = dir.path().join("m.csv");
    let mut a = q1(&format!("{FIX}/dossiers.csv"));
    a.extend([
        "--units".into(),
        units.to_str().unwrap().into(),
        "-o".into(),
        out.to_str().unwrap().into(),
    ]);
    let (code, _, err) = run(&a);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("`tiep_nhan` of --units ignored: it is counted from the dossiers"),
        "{err}"
    );
    let csv = fs::read_to_string(&out).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        format!("{},xin_loi", HEADER.trim_end())
    );
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows[0].starts_with("XA01,") && rows[0].ends_with(",1"),
        "{}",
        rows[0]
    );
    assert!(
        !rows[0].contains(",999,"),
        "tiep_nhan comes from the dossiers"
    );
    assert!(
        rows[2].starts_with("PB02,") && rows[2].ends_with(','),
        "an empty cell stays missing: {}",
        rows[2]
    );
    let scored = Command::cargo_bin("thidua")
        .unwrap()
        .env("THIDUA_LANG", "en")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["score", out.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(
        scored.status.success(),
        "{}",
        String::from_utf8_lossy(&scored.stderr)
    );
}

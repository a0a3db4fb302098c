//! `--baseline` / `--baseline-period` end to end: the change of one unit
//! worked out by hand, `prev.` names in criteria, the notice for units the
//! baseline lacks, and the monthly report recipe.

use crate::util::*;
use serde_json::json;

const HEAD: &str = "unit_id,unit_name,group,period,tiep_nhan,tiep_nhan_truc_tuyen,tiep_nhan_bcci,tra_kq_bcci,da_giai_quyet,truoc_han,dung_han,tre_han,dang_giai_quyet,dang_qua_han,so_hoa_ho_so,so_hoa_ket_qua,phai_thanh_toan,thanh_toan_truc_tuyen,danh_gia,hai_long,xin_loi\n";
/// Unit `a` in September (the baseline) and October; `b` in both; `c` only in October.
const ROWS: &str = "a,Xã A,xa,2023-09,40,20,2,2,32,20,9,3,8,0,30,16,10,5,10,9,1\n\
    a,Xã A,xa,2023-10,50,35,5,5,40,30,6,4,10,0,45,30,16,12,20,15,4\n\
    b,Xã B,xa,2023-09,10,10,1,1,10,10,0,0,0,0,10,10,2,2,10,10,0\n\
    b,Xã B,xa,2023-10,10,5,0,0,10,9,1,0,0,0,5,5,2,1,10,8,0\n\
    c,Xã C,xa,2023-10,10,5,0,0,10,9,1,0,0,0,5,5,2,1,10,8,0\n";

#[test]
fn change_of_one_unit_worked_out_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "m.csv", &format!("{HEAD}{ROWS}"));
    let (out, err) = run(&[
        "score",
        &data,
        "--period",
        "2023-10",
        "--baseline-period",
        "2023-09",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // September: tien_do 20·29/32 = 18.125 → 18.13; so_hoa_ho_so 10·30/40 = 7.50;
    // so_hoa_ket_qua 10·16/32 = 5.00; truc_tuyen 20·20/40 = 10.00;
    // bcci 10·4/72 = 0.556 → 0.56; thanh_toan 10·5/10 = 5.00; hai_long 0.9
    // satisfied reaches full_at 0.9 → 20.00; late without apology (3 − 1)·0.5
    // = 1.00. Total 65.19.
    // October: 20·36/40 = 18.00; 10·45/50 = 9.00; 10·30/40 = 7.50;
    // 20·35/50 = 14.00; 10·10/90 = 1.11; 10·12/16 = 7.50; 20·0.75/0.9 =
    // 16.67; no penalty (4 late, 4 apologies). Total 73.78.
    let a = unit(&v, "a");
    assert_eq!(a["total"], 73.78);
    assert_eq!(
        a["baseline"],
        json!({
            "total": 65.19,
            "delta_total": 8.59,
            "criteria": {
                "tien_do": -0.13, "so_hoa_ho_so": 1.5, "so_hoa_ket_qua": 2.5, "truc_tuyen": 4.0,
                "bcci": 0.55, "thanh_toan": 2.5, "hai_long": -3.33
            }
        })
    );
    assert_eq!(unit(&v, "c")["baseline"], serde_json::Value::Null);
    assert!(
        err.contains("notice: 1 unit(s) not in the baseline")
            && err.contains(": c; no change is shown for them\n"),
        "{err}"
    );
    // The same baseline from its own file gives the same change.
    let sept: String = ROWS
        .lines()
        .filter(|l| l.contains("2023-09"))
        .map(|l| format!("{l}\n"))
        .collect();
    let before = write(dir.path(), "before.csv", &format!("{HEAD}{sept}"));
    let w = json(&["score", &data, "--period", "2023-10", "--baseline", &before]);
    assert_eq!(unit(&w, "a")["baseline"], a["baseline"]);
    // `rank` adds where the unit stood then: b led a in September.
    let r = json(&[
        "rank",
        &data,
        "--period",
        "2023-10",
        "--baseline-period",
        "2023-09",
    ]);
    let a = unit(&r, "a");
    assert_eq!(
        (
            &a["rank"],
            &a["baseline"]["rank"],
            &a["baseline"]["delta_rank"]
        ),
        (&1.into(), &2.into(), &1.into())
    );
}

#[test]
fn score_table_shows_signed_changes_and_csv_plain_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "m.csv", &format!("{HEAD}{ROWS}"));
    let args = [
        "score",
        &data,
        "--period",
        "2023-10",
        "--baseline-period",
        "2023-09",
    ];
    let mut t = args.to_vec();
    t.extend(["--format", "table", "--lang", "en", "--ids"]);
    let table = stdout(&t);
    assert!(
        table.contains("Δ total") && table.contains("Δ hai_long"),
        "{table}"
    );
    let a = table.lines().find(|l| l.contains(" a ")).unwrap();
    assert!(
        a.contains("+8.59") && a.contains("-3.33") && a.contains("65.19"),
        "{a}"
    );
    assert!(
        table.contains("Baseline: m.csv (2023-09)") && !table.contains(&data),
        "{table}"
    );
    let mut c = args.to_vec();
    c.extend(["--format", "csv"]);
    let csv = stdout(&c);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",baseline_total,delta_total,delta_tien_do,delta_so_hoa_ho_so,delta_so_hoa_ket_qua,delta_truc_tuyen,delta_bcci,delta_thanh_toan,delta_hai_long"), "{header}");
    assert!(
        csv.lines().any(|l| l.starts_with("a,")
            && l.ends_with(",65.19,8.59,-0.13,1.50,2.50,4.00,0.55,2.50,-3.33")),
        "{csv}"
    );
}

/// A criterion rewarding the rise in satisfaction since the baseline.
const IMPROVEMENT: &str = "schema: thidua/campaign/v1\nid: tien-bo\ngroups: { xa: { name: Xã } }\ncriteria:\n  - id: tien_bo\n    name: \"Hài lòng tăng so với trước\"\n    points: 10\n    value: \"hai_long / danh_gia - prev.hai_long / prev.danh_gia\"\n    scoring: { linear: { zero_at: 0, full_at: 0.2 } }\n";

#[test]
fn prev_names_need_a_baseline_and_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(dir.path(), "m.csv", &format!("{HEAD}{ROWS}"));
    let c = write(dir.path(), "c.yaml", IMPROVEMENT);
    let err = fails(
        &["score", &data, "--period", "2023-10", "--criteria", &c],
        1,
    );
    assert!(
        err.contains(&format!("{c}:5: criterion `tien_bo`: `prev.hai_long` reads the baseline, but none was given; add --baseline FILE or --baseline-period P")),
        "{err}"
    );
    fails(&["rank", &data, "--period", "2023-10", "--criteria", &c], 1);
    let (out, err) = run(&[
        "score",
        &data,
        "--period",
        "2023-10",
        "--criteria",
        &c,
        "--baseline-period",
        "2023-09",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // a: 15/20 − 9/10 < 0 → 0; b: 8/10 − 10/10 < 0 → 0; c: no baseline → zero.
    let got: Vec<f64> = units(&v)
        .iter()
        .map(|u| u["criteria"]["tien_bo"].as_f64().unwrap())
        .collect();
    assert_eq!(got, [0.0, 0.0, 0.0]);
    assert!(err.contains("their prev. values are undefined"), "{err}");
    // Reversed months, the rise is rewarded: a 0.9 − 0.75 = 0.15 of 0.2 → 7.50.
    let v = json(&[
        "score",
        &data,
        "--period",
        "2023-09",
        "--criteria",
        &c,
        "--baseline-period",
        "2023-10",
    ]);
    assert_eq!(unit(&v, "a")["criteria"]["tien_bo"], 7.5);
    assert_eq!(unit(&v, "b")["criteria"]["tien_bo"], 10.0);
    let explain = stdout(&[
        "score",
        &data,
        "--period",
        "2023-09",
        "--criteria",
        &c,
        "--baseline-period",
        "2023-10",
        "--explain",
        "a",
        "--format",
        "table",
    ]);
    assert!(explain.contains("prev.hai_long = 15"), "{explain}");
}

#[cfg(unix)]
#[test]
fn monthly_recipe_writes_every_group_as_markdown_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    let run = |month: &str| {
        let o = std::process::Command::new("sh")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("THIDUA", env!("CARGO_BIN_EXE_thidua"))
            .env("TIER", "huyen")
            .args([
                "examples/monthly-report.sh",
                MONTHLY,
                month,
                out.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stderr).unwrap()
    };
    assert_eq!(run("2023-10"), "");
    let month = out.join("2023-10");
    let read = |f: &str| std::fs::read_to_string(month.join(f)).unwrap();
    let report = read("report.md");
    assert!(
        report.starts_with("# Báo cáo thi đua tháng 10/2023\n"),
        "{report}"
    );
    for group in [
        "## Các cơ quan, đơn vị thuộc UBND huyện",
        "## UBND các xã, thị trấn",
    ] {
        assert!(report.contains(group), "{group} in {report}");
    }
    assert!(
        report.contains("Δ tổng") && report.contains("Hạng kỳ gốc"),
        "{report}"
    );
    // The CSV files are for people: Excel's Vietnamese layout (BOM, `;`).
    let rank = read("rank.csv");
    assert!(rank.starts_with('\u{feff}'), "{rank}");
    assert!(
        rank.lines()
            .next()
            .unwrap()
            .contains(";line;baseline_total;delta_total;baseline_rank;delta_rank;")
    );
    assert!(
        read("scores.csv").lines().count() == 24,
        "23 units and a header"
    );
    assert!(
        run("2023-01").contains("no 2022-12 rows"),
        "January has no month before"
    );
    assert!(
        !std::fs::read_to_string(out.join("2023-01/rank.csv"))
            .unwrap()
            .contains("delta_total")
    );
}

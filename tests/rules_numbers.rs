//! Numbers that cannot be what they say are errors at their cell or key,
//! never a silent 0 or `inf` (issue 18): a count beyond 2^53 in an export
//! or a metrics file, a metric whose formula overflows, campaign points or
//! `--weights` so large that totals would print `inf`.

use crate::util::*;

/// An export as a district office sends it: a row number, Vietnamese
/// labels, thousands dots.
const EXPORT: &str = "STT,Tên đơn vị,Khối,Tiếp nhận,Đã giải quyết,Trước hạn,Đúng hạn,Trễ hạn\n\
    1,UBND xã Phước Dinh,xã,1.245,1.200,700,452,48\n\
    2,UBND xã An Hải,xã,99999999999999999999999,980,520,420,40\n\
    3,UBND xã Phước Hải,xã,\"9.007.199.254.740.993\",900,400,300,200\n\
    4,UBND xã Phước Diêm,xã,\"9.007.199.254.740.991\",900,400,300,200\n";

#[test]
fn a_count_beyond_two_to_the_53_is_an_error_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let raw = write(dir.path(), "bao-cao.csv", EXPORT);
    let out = dir.path().join("so-lieu.csv");
    let err = fails(&["import", &raw, "-o", out.to_str().unwrap()], 1);
    // Each at its cell (line, column), never written back as 1000…0 or
    // …992.
    assert!(err.contains("bao-cao.csv:3:4: "), "{err}");
    assert!(
        err.contains("`99999999999999999999999` is too large"),
        "{err}"
    );
    assert!(err.contains("bao-cao.csv:4:4: "), "{err}");
    assert!(!err.contains("bao-cao.csv:5:"), "{err}");
    assert!(!out.exists());

    // The same in a metrics file read directly: a count (too many digits)
    // and any other metric (a rate written as 1e308).
    let m = write(
        dir.path(),
        "m.csv",
        "unit_id,unit_name,group,tiep_nhan,ty_le_nu\n\
         xa_an_hai,UBND xã An Hải,xa,99999999999999999999999,0.5\n\
         xa_phuoc_hai,UBND xã Phước Hải,xa,900,1e308\n",
    );
    let err = fails(&["score", &m], 1);
    assert!(err.contains("m.csv:2:4: tiep_nhan: "), "{err}");
    assert!(
        err.contains("m.csv:3:5: ty_le_nu: `1e308` is too large"),
        "{err}"
    );
}

#[test]
fn a_formula_that_overflows_is_an_error_at_the_units_row() {
    let dir = tempfile::tempdir().unwrap();
    // A scale written out in digits, used twice: finite inputs, an infinite
    // result.
    let big = format!("1{}", "0".repeat(300));
    let campaign = format!(
        "schema: thidua/campaign/v1\nid: \"125/KH-UBND\"\nmax_total: 20\ngroups:\n  khoi_xa: {{ name: \"Khối xã\" }}\ncriteria:\n  - id: tien_do\n    name: \"Tiến độ giải quyết\"\n    points: 20\n    scoring: {{ formula: \"min(20, 20 * dung_han / da_giai_quyet * {big} * {big})\" }}\n"
    );
    let c = write(dir.path(), "ke-hoach.yaml", &campaign);
    let d = write(
        dir.path(),
        "so-lieu.csv",
        "unit_id,unit_name,group,dung_han,da_giai_quyet\n\
         xa_phuoc_dinh,UBND xã Phước Dinh,khoi_xa,0,1200\n\
         xa_an_hai,UBND xã An Hải,khoi_xa,980,1000\n",
    );
    let err = fails(&["score", &d, "--criteria", &c], 1);
    assert!(
        err.contains("so-lieu.csv:3: unit `xa_an_hai`: criterion `tien_do`: "),
        "{err}"
    );
    assert!(err.contains("goes beyond the largest number"), "{err}");
    assert!(
        err.contains("dung_han = 980, da_giai_quyet = 1000"),
        "{err}"
    );
    // The same unit without the overflow scores as it should.
    let small = campaign.replace(&big, "1");
    let c = write(dir.path(), "nho.yaml", &small);
    let v = json(&["score", &d, "--criteria", &c]);
    assert_eq!(unit(&v, "xa_an_hai")["total"], 19.6);
    assert_eq!(unit(&v, "xa_phuoc_dinh")["total"], 0.0);
}

const PLAN: &str = r#"schema: thidua/campaign/v1
id: "125/KH-UBND"
groups:
  khoi_xa: { name: "Khối xã" }
criteria:
  - id: tien_do
    name: "Tiến độ giải quyết"
    points: 60
    value: "dung_han / da_giai_quyet"
  - id: so_hoa
    name: "Số hoá hồ sơ"
    points: 40
    value: "so_hoa_ho_so / tiep_nhan"
penalties:
  - id: tre_han
    name: "Hồ sơ trễ hạn"
    count: "tre_han"
    points_each: 0.5
classes:
  - { name: "Xuất sắc", min: 90 }
  - { name: "Tốt", min: 80 }
"#;

const DATA: &str = "unit_id,unit_name,group,dung_han,da_giai_quyet,so_hoa_ho_so,tiep_nhan,tre_han\n\
    xa_phuoc_dinh,UBND xã Phước Dinh,khoi_xa,600,1200,300,1245,2\n\
    xa_an_hai,UBND xã An Hải,khoi_xa,900,1000,900,1000,0\n";

#[test]
fn points_too_large_for_a_plan_are_errors_at_their_key() {
    let dir = tempfile::tempdir().unwrap();
    let d = write(dir.path(), "so-lieu.csv", DATA);
    // The plan as written grades by merit: 52,5 of 100 is no class.
    let ok = write(dir.path(), "ke-hoach.yaml", PLAN);
    let v = json(&["score", &d, "--criteria", &ok]);
    assert_eq!(unit(&v, "xa_phuoc_dinh")["total"], 38.64);
    assert_eq!(unit(&v, "xa_an_hai")["class"], "Xuất sắc");
    let cases: [(&[(&str, &str)], &str); 5] = [
        // `points: 1e308` graded every unit "Xuất sắc" (total inf).
        (
            &[("    points: 40\n", "    points: 1e308\n")],
            "12:5: criterion `so_hoa`: 1e308 points is too large",
        ),
        (
            &[("    points: 60\n", "    points: 2000000\n")],
            "8:5: criterion `tien_do`: 2000000 points is too large",
        ),
        // Each within bounds, together beyond.
        (
            &[
                ("    points: 60\n", "    points: 999999\n"),
                ("    points: 40\n", "    points: 999999\n"),
            ],
            "12:5: criterion `so_hoa`: the criteria's points up to here sum to 1999998",
        ),
        (
            &[("points_each: 0.5", "points_each: 1e300")],
            "18:5: penalty `tre_han`: 1e300 points is too large",
        ),
        (
            &[("groups:", "max_total: 1e308\ngroups:")],
            "3:12: max_total: 1e308 points is too large",
        ),
    ];
    for (edits, says) in cases {
        let plan = edits
            .iter()
            .fold(PLAN.to_string(), |p, (from, to)| p.replace(from, to));
        let c = write(dir.path(), "sai.yaml", &plan);
        let err = fails(&["score", &d, "--criteria", &c], 1);
        assert!(err.contains(&format!("sai.yaml:{says}")), "{says}\n{err}");
    }
    // A --weights overlay: one weight, or the sum it makes.
    for (weights, says) in [
        (
            "so_hoa: 1e308\n",
            "w.yaml:1:1: criterion `so_hoa`: 1e308 points is too large",
        ),
        (
            "tien_do: 999000\nso_hoa: 999000\n",
            "w.yaml:2:1: criterion `so_hoa`: the criteria's points up to here sum to 1998000",
        ),
    ] {
        let w = write(dir.path(), "w.yaml", weights);
        let err = fails(&["score", &d, "--criteria", &ok, "--weights", &w], 1);
        assert!(err.contains(says), "{says}\n{err}");
    }
}

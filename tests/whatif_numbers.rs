//! What-if columns print numbers as the rest of a Vietnamese report does:
//! `+8,59` and `87,5%` under `--lang vi` (the default), `+8.59` and `87.5%`
//! under `--lang en`; machine formats keep `.`.

use crate::util::{EXAMPLE, stdout, write};

/// Unit `a` in September (the baseline) and October, as whatif_baseline has it.
const HEAD: &str = "unit_id,unit_name,group,period,tiep_nhan,tiep_nhan_truc_tuyen,tiep_nhan_bcci,tra_kq_bcci,da_giai_quyet,truoc_han,dung_han,tre_han,dang_giai_quyet,dang_qua_han,so_hoa_ho_so,so_hoa_ket_qua,phai_thanh_toan,thanh_toan_truc_tuyen,danh_gia,hai_long,xin_loi
";

#[test]
fn baseline_changes_use_decimal_commas_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let rows = "a,Xã A,xa,2023-09,40,20,2,2,32,20,9,3,8,0,30,16,10,5,10,9,1\n\
        a,Xã A,xa,2023-10,50,35,5,5,40,30,6,4,10,0,45,30,16,12,20,15,4\n";
    let data = write(dir.path(), "m.csv", &format!("{HEAD}{rows}"));
    let args = |lang: &'static str| {
        stdout(&[
            "score",
            &data,
            "--period",
            "2023-10",
            "--baseline-period",
            "2023-09",
            "--format",
            "md",
            "--lang",
            lang,
        ])
    };
    // 65.19 → 73.78 (worked out by hand in whatif_baseline): +8.59.
    let vi = args("vi");
    assert!(vi.contains("+8,59"), "{vi}");
    assert!(!vi.contains("+8.59"), "{vi}");
    let en = args("en");
    assert!(en.contains("+8.59"), "{en}");
}

#[test]
fn probabilities_in_quota_use_decimal_commas_in_vietnamese() {
    let t = |lang: &'static str| {
        stdout(&[
            "rank",
            EXAMPLE,
            "--tier",
            "huyen",
            "--sensitivity",
            "40",
            "--format",
            "md",
            "--lang",
            lang,
        ])
    };
    let vi = t("vi");
    let en = t("en");
    let pcts = |s: &str, sep: char| {
        s.split(['|', ' '])
            .filter(|c| c.ends_with('%') && c.contains(sep))
            .count()
    };
    // 40 draws: a share like 87.5% has one decimal; ±10.0% spread in the note.
    assert!(pcts(&vi, ',') > 0, "{vi}");
    assert_eq!(pcts(&vi, '.'), 0, "{vi}");
    assert!(pcts(&en, '.') > 0, "{en}");
}

//! `--merge MAP.csv` through the binary: counts of old units summed before
//! any rate (data, baseline, dossiers), the map's errors and unmapped units at
//! their lines, blanks and portal scores; and the portal's score headers read
//! by `import`, then scored.

use std::fs;

use serde_json::Value;

use crate::util::{fails, json, run, unit, units, write};

/// Khối xã / phường / sở of the 2026 example, two ratio criteria.
const CAMPAIGN: &str = r#"schema: thidua/campaign/v1
id: "mau-2026"
groups:
  khoi_xa: { name: "Khối xã" }
  khoi_phuong: { name: "Khối phường" }
  khoi_so: { name: "Khối sở ngành" }
criteria:
  - id: tien_do
    name: "Tiến độ giải quyết"
    points: 60
    value: "(truoc_han + dung_han) / da_giai_quyet"
    scoring: proportional
  - id: hai_long
    name: "Mức độ hài lòng"
    points: 40
    value: "hai_long / danh_gia"
    scoring: proportional
tiers:
  - id: bk_tinh
    award: "Bằng khen của Chủ tịch UBND tỉnh"
    quotas:
      - { group: khoi_xa, collectives: 1 }
      - { group: khoi_so, collectives: 1 }
"#;

const MAP: &str = "old_unit_id,new_unit_id,new_unit_name,group\n\
                   a,x,Xã X,khoi_xa\n\
                   b,x,,\n\
                   so,so,,\n";

fn points(v: &Value, id: &str, criterion: &str) -> f64 {
    unit(v, id)["criteria"][criterion]
        .as_f64()
        .unwrap_or_else(|| panic!("{id} {criterion}: {}", unit(v, id)))
}

#[test]
fn counts_are_summed_before_the_rate() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(dir.path(), "c.yaml", CAMPAIGN);
    let m = write(dir.path(), "m.csv", MAP);
    // a: 10 of 10 satisfied, b: 50 of 100. Ratio of sums 60/110, not the
    // mean of 100% and 50%.
    let d = write(
        dir.path(),
        "d.csv",
        "unit_id,unit_name,group,da_giai_quyet,truoc_han,dung_han,danh_gia,hai_long\n\
         a,A,xa,10,5,5,10,10\n\
         b,B,xa,100,50,50,100,50\n\
         so,Sở Nội vụ,khoi_so,10,10,0,10,9\n",
    );
    let v = json(&["score", &d, "--criteria", &c, "--merge", &m]);
    assert_eq!(units(&v).len(), 2, "{v}");
    assert_eq!(unit(&v, "x")["unit_name"], "Xã X");
    assert_eq!(points(&v, "x", "hai_long"), 21.82); // 40 × 60/110
    assert_eq!(points(&v, "so", "hai_long"), 36.0);
    // rank and nominate take the flag too.
    let r = json(&["rank", &d, "--criteria", &c, "--merge", &m]);
    assert_eq!(unit(&r, "x")["group"], "khoi_xa", "{r}");
    let (out, _) = run(&[
        "nominate",
        &d,
        "--criteria",
        &c,
        "--merge",
        &m,
        "--format",
        "csv",
    ]);
    assert!(!out.contains(",a,") && !out.contains(",b,"), "{out}");
}

#[test]
fn a_blank_old_unit_leaves_the_metric_missing_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(dir.path(), "c.yaml", CAMPAIGN);
    let m = write(dir.path(), "m.csv", MAP);
    let d = write(
        dir.path(),
        "d.csv",
        "unit_id,unit_name,group,da_giai_quyet,truoc_han,dung_han,danh_gia,hai_long\n\
         a,A,xa,10,5,5,,\n\
         b,B,xa,100,50,50,100,50\n\
         so,Sở Nội vụ,khoi_so,10,10,0,10,9\n",
    );
    let (out, err) = run(&[
        "score",
        &d,
        "--criteria",
        &c,
        "--merge",
        &m,
        "--format",
        "json",
    ]);
    assert!(
        err.contains(&format!(
            "thidua: notice: {d}:2: unit `x`: `danh_gia` is blank for `a` but given for `b`: its sum is left missing, not counted as 0"
        )),
        "{err}"
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    // when_undefined: zero (the default), not 50/100 of b alone.
    assert_eq!(points(&v, "x", "hai_long"), 0.0);
    assert_eq!(points(&v, "x", "tien_do"), 60.0);
}

#[test]
fn unmapped_units_and_unsummable_scores_are_errors_at_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(dir.path(), "c.yaml", CAMPAIGN);
    let m = write(dir.path(), "m.csv", MAP);
    let d = write(
        dir.path(),
        "d.csv",
        "unit_id,unit_name,group,da_giai_quyet,truoc_han,dung_han,danh_gia,hai_long,ckmb\n\
         a,A,xa,10,5,5,10,10,17.5\n\
         zz,Z,xa,1,1,0,1,1,\n\
         b,B,xa,100,50,50,100,50,16\n\
         yy,Y,xa,1,1,0,1,1,\n\
         so,Sở Nội vụ,khoi_so,10,10,0,10,9,18\n",
    );
    let err = fails(&["score", &d, "--criteria", &c, "--merge", &m], 1);
    for want in [
        format!(
            "{d}:2: `ckmb` is a portal group score (points computed by the portal): the values of a, b cannot be added up into the merged unit `x`"
        ),
        format!("{d}:3: unit `zz` is not in the merge map {m}"),
        format!("add the line `zz,NEW_UNIT_ID` to {m} (or `zz,zz` if it was not merged)"),
        format!("{d}:5: unit `yy` is not in the merge map {m}"),
        "3 problems found".to_string(),
    ] {
        assert!(err.contains(&want), "{want}\n---\n{err}");
    }
}

#[test]
fn an_old_unit_mapped_twice_is_an_error_at_the_map_line() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(dir.path(), "c.yaml", CAMPAIGN);
    let m = write(
        dir.path(),
        "m.csv",
        "old_unit_id,new_unit_id,new_unit_name,group\na,x,Xã X,khoi_xa\nb,x,,\na,y,Xã Y,khoi_xa\nb,y,,\n",
    );
    let d = write(
        dir.path(),
        "d.csv",
        "unit_id,unit_name,group,danh_gia,hai_long\na,A,xa,1,1\n",
    );
    let err = fails(&["rank", &d, "--criteria", &c, "--merge", &m], 1);
    assert!(
        err.contains(&format!(
            "{m}:4:1: old unit `a` is mapped twice: to `x` on line 2 and to `y` here"
        )) && err.contains(&format!(
            "{m}:5:1: old unit `b` is mapped twice: to `x` on line 3 and to `y` here"
        )),
        "{err}"
    );
}

/// The realistic case: 2026 data of the new units, a 2024 baseline of the
/// communes before the merger, and the map between them.
#[test]
fn the_baseline_of_old_communes_is_merged_so_every_new_unit_shows_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(dir.path(), "c.yaml", CAMPAIGN);
    let base = "examples/tinh-2024-truoc-sap-xep.csv";
    let (out, err) = run(&[
        "score",
        "examples/tinh-2026.csv",
        "--criteria",
        &c,
        "--baseline",
        base,
        "--merge",
        "examples/sap-xep-2025.csv",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(units(&v).len(), 79);
    for u in units(&v) {
        assert!(
            u["baseline"].is_object(),
            "no baseline for {}",
            u["unit_id"]
        );
    }
    assert!(!err.contains("not in the baseline"), "{err}");
    // Trường Sa = thị trấn Trường Sa + Song Tử Tây (no dossier) + Sinh Tồn.
    let text = fs::read_to_string(base).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split(',').collect())
        .filter(|r: &Vec<&str>| {
            ["xa_cu_tt_truong_sa", "xa_cu_song_tu_tay", "xa_cu_sinh_ton"].contains(&r[0])
        })
        .collect();
    assert_eq!(rows.len(), 3);
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let sum = |name: &str| -> f64 {
        let i = header.iter().position(|h| *h == name).unwrap();
        rows.iter().map(|r| r[i].parse::<f64>().unwrap()).sum()
    };
    let then = 60.0 * (sum("truoc_han") + sum("dung_han")) / sum("da_giai_quyet");
    let now = points(&v, "dac_khu_truong_sa", "tien_do");
    let delta = unit(&v, "dac_khu_truong_sa")["baseline"]["criteria"]["tien_do"]
        .as_f64()
        .unwrap();
    assert!(
        (now - delta - then).abs() < 0.006,
        "{now} - {delta} vs {then}"
    );
    // Xã Ninh Phước: xã Phước Hải did not report its ratings in 2024.
    assert!(
        err.contains(&format!("{base}:92: unit `xa_ninh_phuoc`: `hai_long` is blank for `xa_cu_phuoc_hai` but given for `xa_cu_tt_phuoc_dan`, `xa_cu_phuoc_thuan`")),
        "{err}"
    );
    // Without the map the old communes are units of groups that no longer exist.
    let err = fails(
        &[
            "score",
            "examples/tinh-2026.csv",
            "--criteria",
            &c,
            "--baseline",
            base,
        ],
        1,
    );
    assert!(
        err.contains(&format!(
            "{base}:2: unit `xa_cu_nam_cam_ranh_1`: unknown group `xa`"
        )),
        "{err}"
    );
}

#[test]
fn dossiers_of_old_units_are_counted_into_the_new_unit() {
    let dir = tempfile::tempdir().unwrap();
    let m = write(
        dir.path(),
        "m.csv",
        "old_unit_id,new_unit_id,new_unit_name,group\nXA01,moi,Xã Mới,xa\nPB01,moi,,\n",
    );
    let file = "tests/fixtures/import/dossiers.csv";
    let args = [
        "import",
        "--dossiers",
        file,
        "--from",
        "2023-01-01",
        "--to",
        "2023-03-31",
        "--merge",
        &m,
    ];
    let (out, _) = run(&args);
    // XA01 (4 received, 3 resolved, 1 early) + PB01 (1 resolved, early).
    assert_eq!(
        out.lines().nth(1),
        Some("moi,Xã Mới,xa,4,1,2,1,4,2,1,1,2,2,1,1,1,1,2,1"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 2);
    let only_xa = write(dir.path(), "x.csv", "old_unit_id,new_unit_id\nXA01,XA01\n");
    let mut a = args.to_vec();
    *a.last_mut().unwrap() = &only_xa;
    let err = fails(&a, 1);
    assert!(
        err.contains(&format!(
            "{file}: unit `PB01` is not in the merge map {only_xa}"
        )),
        "{err}"
    );
    // A unit table has no dossiers to merge.
    let err = fails(&["import", file, "--merge", &m], 2);
    assert!(err.contains("--dossiers"), "{err}");
}

/// An export of the portal's scores (dichvucong.gov.vn, Bộ chỉ số 766): a
/// title row, `;`, decimal commas, headers with and without diacritics.
#[test]
fn portal_score_headers_import_and_score_with_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let raw = write(
        dir.path(),
        "portal.csv",
        "BẢNG ĐIỂM BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP NĂM 2026\r\n\
         STT;Tên đơn vị;Khối;Công khai, minh bạch;Tien do giai quyet;Dịch vụ công trực tuyến;Thanh toán trực tuyến;SO HOA HO SO;Mức độ hài lòng;Tổng điểm\r\n\
         1;Xã Ninh Phước;Xã;17,5;18,25;10,5;8;19,75;17;91\r\n\
         2;Phường Phan Rang;Phường;16;19;11;9,5;20;16,5;92\r\n",
    );
    let c = write(
        dir.path(),
        "c.yaml",
        r#"schema: thidua/campaign/v1
id: "766"
groups:
  xa: { name: "Khối xã", aliases: ["xã"] }
  phuong: { name: "Khối phường", aliases: ["phường"] }
criteria:
  - id: chi_so_766
    name: "Bộ chỉ số 766 (điểm của Cổng)"
    points: 100
    scoring: { formula: "ckmb + tdgq + dvctt + tttt + mdsh + mdhl" }
"#,
    );
    let out = dir.path().join("m.csv");
    let out = out.to_str().unwrap();
    run(&["import", &raw, "--criteria", &c, "-o", out]);
    let csv = fs::read_to_string(out).unwrap();
    assert_eq!(
        csv,
        "unit_id,unit_name,group,ckmb,tdgq,dvctt,tttt,mdsh,mdhl,tong_diem\n\
         xa_ninh_phuoc,Xã Ninh Phước,xa,17.5,18.25,10.5,8,19.75,17,91\n\
         phuong_phan_rang,Phường Phan Rang,phuong,16,19,11,9.5,20,16.5,92\n"
    );
    let v = json(&["score", out, "--criteria", &c]);
    assert_eq!(unit(&v, "xa_ninh_phuoc")["total"], 91.0);
    assert_eq!(unit(&v, "phuong_phan_rang")["total"], 92.0);
}

//! SPEC 10, smaller rules: `gap` says a criterion is at its maximum only
//! when it is, compared at the campaign's precision (19,98 of 20 is not);
//! a lever whose criteria reach their maximum and still fall short says
//! "chưa đủ kể cả khi đạt tối đa". In both languages, and by id for scripts.

use serde_json::Value;

use crate::util::*;

const CAMPAIGN: &str = r#"schema: thidua/campaign/v1
id: "125/KH-UBND"
title: "Thi đua cải cách hành chính năm 2026"
precision: 2
max_total: 38
groups:
  khoi_xa: { name: "Khối xã" }
criteria:
  - id: tien_do
    name: "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn"
    points: 20
    value: "(truoc_han + dung_han) / da_giai_quyet"
  - id: pakn
    name: "Phản ánh, kiến nghị xử lý đúng hạn"
    points: 6
    value: "pakn_dung_han / pakn"
  - id: hai_long
    name: "Mức độ hài lòng"
    points: 12
    value: "hai_long / danh_gia"
levers:
  - { id: giai_quyet_dung_han, name: "hồ sơ trễ hạn được giải quyết đúng hạn", change: { tre_han: -1, dung_han: +1 } }
  - { id: pakn_dung_han, name: "phản ánh, kiến nghị được xử lý đúng hạn", change: { pakn_dung_han: +1 } }
  - { id: them_hai_long, name: "đánh giá hài lòng thêm", change: { danh_gia: +1, hai_long: +1 } }
tiers:
  - id: bk_tinh
    award: "Bằng khen của Chủ tịch UBND tỉnh"
    quotas:
      - { group: khoi_xa, collectives: 1 }
"#;

/// Xã Phước Dinh is far ahead. Xã An Hải has 999 of 1.000 files on time
/// (19,98 of 20), 12 of 13 petitions on time (5,54 of 6) and every rating
/// satisfied (12 of 12).
const DATA: &str = "unit_id,unit_name,group,da_giai_quyet,truoc_han,dung_han,tre_han,pakn,pakn_dung_han,danh_gia,hai_long\n\
    xa_phuoc_dinh,Xã Phước Dinh,khoi_xa,1200,700,500,0,10,10,400,400\n\
    xa_an_hai,Xã An Hải,khoi_xa,1000,600,399,1,13,12,300,300\n\
    xa_phuoc_hai,Xã Phước Hải,khoi_xa,900,400,300,200,10,5,300,200\n";

/// reason id of each lever in `gap --format json`.
fn reasons(v: &Value) -> Vec<(String, String)> {
    v["levers"]
        .as_array()
        .unwrap_or_else(|| panic!("{v}"))
        .iter()
        .map(|l| {
            (
                l["id"].as_str().unwrap().to_string(),
                l["reason"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn gap_says_at_maximum_only_at_the_maximum() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(dir.path(), "ke-hoach.yaml", CAMPAIGN);
    let d = write(dir.path(), "so-lieu.csv", DATA);
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            "gap".to_string(),
            "xa_an_hai".into(),
            "--tier".into(),
            "bk_tinh".into(),
            d.clone(),
            "--criteria".into(),
            c.clone(),
        ];
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let run_with = |extra: &[&'static str]| {
        let a = args(extra);
        stdout(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    // The unit's points first, so the test shows what it is about.
    let score = json(&["score", &d, "--criteria", &c]);
    let an_hai = unit(&score, "xa_an_hai");
    assert_eq!(an_hai["criteria"]["tien_do"], 19.98);
    assert_eq!(an_hai["criteria"]["pakn"], 5.54);
    assert_eq!(an_hai["criteria"]["hai_long"], 12.0);

    let v: Value = serde_json::from_str(&run_with(&["--format", "json"])).unwrap();
    assert_eq!(
        reasons(&v),
        [
            ("giai_quyet_dung_han".into(), "max_not_enough".into()),
            ("pakn_dung_han".into(), "max_not_enough".into()),
            ("them_hai_long".into(), "at_max".into()),
        ]
    );
    let vi = run_with(&["--format", "md"]);
    let row = |t: &str, lever: &str| {
        t.lines()
            .find(|l| l.starts_with(&format!("| {lever} |")))
            .unwrap_or_else(|| panic!("{lever} in {t}"))
            .to_string()
    };
    let tien_do = row(&vi, "hồ sơ trễ hạn được giải quyết đúng hạn");
    assert!(
        tien_do.ends_with("| chưa đủ kể cả khi đạt tối đa |"),
        "{tien_do}"
    );
    assert!(!tien_do.contains("đã tối đa"), "{tien_do}");
    let pakn = row(&vi, "phản ánh, kiến nghị được xử lý đúng hạn");
    assert!(pakn.ends_with("| chưa đủ kể cả khi đạt tối đa |"), "{pakn}");
    let hai_long = row(&vi, "đánh giá hài lòng thêm");
    assert!(
        hai_long.ends_with("| không đủ: tiêu chí đã tối đa |"),
        "{hai_long}"
    );

    let en = run_with(&["--format", "md", "--lang", "en"]);
    let tien_do = row(&en, "hồ sơ trễ hạn được giải quyết đúng hạn");
    assert!(
        tien_do.ends_with("| not enough even at the criteria's maximum |"),
        "{tien_do}"
    );
    let hai_long = row(&en, "đánh giá hài lòng thêm");
    assert!(
        hai_long.ends_with("| not enough: the criteria are at their maximum |"),
        "{hai_long}"
    );
}

//! The individuals list as offices keep it (issue 13, 3): Vietnamese headers
//! ("Họ và tên", "Chức vụ", "Đơn vị"), units matched by name, from CSV or a
//! workbook — nominating like the individuals CSV; unknown or ambiguous
//! names are errors listing the candidates.

use std::fs;
use std::path::Path;

use crate::readers::example;
use crate::util::{EXAMPLE, fails, json, write};

pub const PEOPLE: &str = "examples/ninh-phuoc-2023-canhan.csv";

/// Individuals entries of a nomination, without person ids.
fn nominated_people(individuals: &str) -> Vec<serde_json::Value> {
    let v = json(&["nominate", "--individuals", individuals, EXAMPLE]);
    let mut out = Vec::new();
    for t in v["tiers"].as_array().unwrap() {
        for e in t["entries"].as_array().unwrap() {
            if e["kind"] == "individual" {
                let mut e = e.clone();
                e.as_object_mut().unwrap().remove("person_id");
                out.push(e);
            }
        }
    }
    assert!(!out.is_empty());
    out
}

/// The example's individuals as an office keeps them: STT, Vietnamese
/// headers, the unit by its name, no person id, x / có / không cells.
fn office_rows() -> (Vec<&'static str>, Vec<Vec<String>>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let names: std::collections::HashMap<String, String> = example()
        .1
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let text = fs::read_to_string(root.join(PEOPLE)).unwrap();
    let header = vec![
        "STT",
        "Họ và tên",
        "Chức vụ",
        "Đơn vị",
        "Trực tiếp",
        "Đủ điều kiện",
        "Điểm",
        "Thành tích",
    ];
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let rows = rdr
        .records()
        .enumerate()
        .map(|(i, r)| {
            let r = r.unwrap();
            let direct = if &r[4] == "có" { "x" } else { "" };
            vec![
                (i + 1).to_string(),
                r[2].to_string(),
                r[3].to_string(),
                names[&r[0]].to_uppercase(),
                direct.to_string(),
                r[5].to_string(),
                r[6].replace('.', ","),
                r[7].to_string(),
            ]
        })
        .collect();
    (header, rows)
}

#[test]
fn an_office_individuals_list_nominates_like_the_individuals_csv() {
    let (header, rows) = office_rows();
    let mut text = String::from("DANH SÁCH CÁ NHÂN\r\n") + &header.join(";") + "\r\n";
    for r in &rows {
        text += &(r.join(";") + "\r\n");
    }
    let dir = tempfile::tempdir().unwrap();
    let office = write(dir.path(), "danh-sách cá nhân.csv", &text);
    assert_eq!(nominated_people(&office), nominated_people(PEOPLE));
    // Ids are made from unit and name, the same on every run.
    let v = json(&["nominate", "--individuals", &office, EXAMPLE]);
    let ids: Vec<String> = v["tiers"][0]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["person_id"].as_str().map(String::from))
        .collect();
    assert!(
        ids.contains(&"phong_noi_vu_phan_thanh_lan".to_string()),
        "{ids:?}"
    );
}

#[test]
fn an_individuals_workbook_nominates_like_the_individuals_csv() {
    let (header, rows) = office_rows();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match cell.replace(',', ".").parse::<f64>() {
                Ok(x) if c == 6 => ws.write_number(r, c, x).map(|_| ()),
                _ => ws.write_string(r, c, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("canhan.xlsx");
    wb.save(&p).unwrap();
    assert_eq!(
        nominated_people(p.to_str().unwrap()),
        nominated_people(PEOPLE)
    );
}

#[test]
fn unknown_or_ambiguous_unit_names_are_errors_with_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let office = write(
        dir.path(),
        "cn.csv",
        "Họ và tên;Chức vụ;Đơn vị\nA;Chuyên viên;Phòng Nội\n",
    );
    let e = fails(&["nominate", "--individuals", &office, EXAMPLE], 1);
    assert!(
        e.contains("cn.csv:2:3: unit \"Phòng Nội\" is not a unit of the metrics file (closest: `phong_noi_vu` (Phòng Nội vụ)"),
        "{e}"
    );
    let (h, mut rows) = example();
    rows.push({
        let mut r = rows[1].clone();
        r[0] = "phong_noi_vu_2".into();
        r
    });
    let mut data = h.join(",") + "\n";
    for r in rows {
        data += &(r.join(",") + "\n");
    }
    let data = write(dir.path(), "twice.csv", &data);
    let office = write(
        dir.path(),
        "cn2.csv",
        "Họ và tên;Chức vụ;Đơn vị\nA;Chuyên viên;phong noi vu\n",
    );
    let e = fails(&["nominate", "--individuals", &office, &data], 1);
    assert!(
        e.contains("cn2.csv:2:3: unit \"phong noi vu\" fits several units of the data: `phong_noi_vu` (Phòng Nội vụ), `phong_noi_vu_2` (Phòng Nội vụ)"),
        "{e}"
    );
}

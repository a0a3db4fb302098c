//! SPEC 10, smaller rules: under a `per_unit` cap a tie between people of
//! one unit contests only that unit's place(s). The other units of the tied
//! block take theirs, the tied unit's place is spoken for (no one of it below
//! the tie slips in), and a tie for the group's last places stops the list.
//! Files as a Sở Nội vụ keeps them: the individuals list with Vietnamese
//! headers and `x` marks.

use serde_json::Value;

use crate::util::*;

const CAMPAIGN: &str = r#"schema: thidua/campaign/v1
id: "125/KH-UBND"
title: "Thi đua cải cách hành chính năm 2026"
precision: 2
groups:
  khoi_xa: { name: "Khối xã", aliases: ["xã"] }
criteria:
  - id: tien_do
    section: "Tiến độ giải quyết"
    name: "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn"
    points: 100
    value: "(truoc_han + dung_han) / da_giai_quyet"
tiers:
  - id: gk_xa
    award: "Giấy khen của Chủ tịch UBND xã"
    quotas:
      - { group: khoi_xa, individuals: PLACES, per_unit: 1 }
"#;

const DATA: &str = "unit_id,unit_name,group,da_giai_quyet,truoc_han,dung_han\n\
    xa_phuoc_dinh,Xã Phước Dinh,khoi_xa,1200,700,452\n\
    xa_phuoc_hai,Xã Phước Hải,khoi_xa,980,520,420\n\
    xa_an_hai,Xã An Hải,khoi_xa,1530,800,650\n\
    xa_phuoc_huu,Xã Phước Hữu,khoi_xa,760,300,380\n\
    xa_phuoc_thai,Xã Phước Thái,khoi_xa,640,200,360\n";

/// Four equal people head the list: two of Phước Dinh, one of Phước Hải,
/// one of An Hải. Below them a third of Phước Dinh, then one of Phước Hữu.
/// Phước Thái's two are equal, lower still.
const PEOPLE: &str = "Mã đơn vị,Mã cá nhân,Họ và tên,Chức vụ,Trực tiếp,Đủ điều kiện,Điểm\n\
    xa_phuoc_dinh,pd01,Nguyễn Văn An,Công chức Văn phòng - Thống kê,x,x,9.5\n\
    xa_phuoc_dinh,pd02,Trần Thị Bình,Công chức Tư pháp - Hộ tịch,x,x,9.5\n\
    xa_phuoc_hai,ph01,Lê Văn Cường,Công chức Địa chính - Xây dựng,x,x,9.5\n\
    xa_an_hai,ah01,Phạm Thị Dung,Công chức Văn hóa - Xã hội,x,x,9.5\n\
    xa_phuoc_dinh,pd03,Hoàng Văn Em,Công chức Tài chính - Kế toán,x,x,9.0\n\
    xa_phuoc_huu,pu01,Vũ Thị Giang,Công chức Văn phòng - Thống kê,x,x,8.5\n\
    xa_phuoc_thai,pt01,Đặng Văn Hùng,Công chức Tư pháp - Hộ tịch,x,x,8.0\n\
    xa_phuoc_thai,pt02,Bùi Thị Lan,Công chức Văn hóa - Xã hội,x,x,8.0\n";

struct Case {
    dir: tempfile::TempDir,
    campaign: String,
    data: String,
    people: String,
}

fn case(places: u32) -> Case {
    let dir = tempfile::tempdir().unwrap();
    let yaml = CAMPAIGN.replace("PLACES", &places.to_string());
    let campaign = write(dir.path(), "ke-hoach.yaml", &yaml);
    let data = write(dir.path(), "so-lieu.csv", DATA);
    let people = write(dir.path(), "ca-nhan.csv", PEOPLE);
    Case {
        dir,
        campaign,
        data,
        people,
    }
}

impl Case {
    fn args<'a>(&'a self, extra: &[&'a str]) -> Vec<&'a str> {
        let mut a = vec![
            "nominate",
            self.data.as_str(),
            "--criteria",
            &self.campaign,
            "--individuals",
            &self.people,
        ];
        a.extend(extra);
        a
    }

    fn decisions(&self, name: &str, chosen: &str) -> String {
        let text = format!(
            "ties:\n  - {{ tier: gk_xa, group: khoi_xa, chosen_people: [{chosen}], document: \"Biên bản số 12/BB-HĐTĐKT\" }}\n"
        );
        write(self.dir.path(), name, &text)
    }
}

/// (person id, status, places a tie contests) of every person listed.
fn people(v: &Value) -> Vec<(String, String, Option<u64>)> {
    v["tiers"][0]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "individual")
        .map(|e| {
            (
                e["person_id"].as_str().unwrap().to_string(),
                e["status"].as_str().unwrap().to_string(),
                e["tie_places"].as_u64(),
            )
        })
        .collect()
}

fn row(id: &str, status: &str, places: Option<u64>) -> (String, String, Option<u64>) {
    (id.to_string(), status.to_string(), places)
}

#[test]
fn a_tie_inside_one_commune_contests_only_its_place() {
    let c = case(3);
    let v = json(&c.args(&[]));
    assert_eq!(
        people(&v),
        [
            row("pd01", "tie", Some(1)),
            row("pd02", "tie", Some(1)),
            row("ph01", "nominated", None),
            row("ah01", "nominated", None),
        ]
    );
    let q = &v["tiers"][0]["quotas"][0];
    assert_eq!(q["individual_places"], 3);
    assert_eq!(q["individuals_picked"], 2);
    // The note a council reads: two places given, one awaiting a decision
    // between two people, in both languages.
    let vi = stdout(&c.args(&["--format", "table"]));
    assert!(
        vi.contains("Đã xếp 2/3 suất; 1 suất chờ quyết định (2 người bằng nhau)"),
        "{vi}"
    );
    let en = stdout(&c.args(&["--format", "table", "--lang", "en"]));
    assert!(
        en.contains("2/3 places filled; 1 place(s) awaiting a decision (2 people tied)"),
        "{en}"
    );
}

#[test]
fn no_one_of_the_tied_commune_below_the_tie_is_picked() {
    let c = case(6);
    let v = json(&c.args(&[]));
    // Hoàng Văn Em is below the tie, of the tied commune: Phước Dinh's one
    // place is spoken for whoever is chosen, so the cap passes him over.
    // Vũ Thị Giang gets a place whatever the council decides; Phước Thái's
    // two equal people contest their commune's place.
    assert_eq!(
        people(&v),
        [
            row("pd01", "tie", Some(1)),
            row("pd02", "tie", Some(1)),
            row("ph01", "nominated", None),
            row("ah01", "nominated", None),
            row("pu01", "nominated", None),
            row("pt01", "tie", Some(1)),
            row("pt02", "tie", Some(1)),
        ]
    );
    let q = &v["tiers"][0]["quotas"][0];
    assert_eq!(q["capped"][0]["unit_id"], "xa_phuoc_dinh");
    assert_eq!(q["capped"][0]["removed"], 1);
    let table = stdout(&c.args(&["--format", "table", "--lang", "en"]));
    assert!(
        table.contains("3/6 places filled; 2 place(s) awaiting a decision (4 people tied)"),
        "{table}"
    );
    // One decision settles both ties, one person of each commune.
    let d = c.decisions("bb.yaml", "pd02, pt01");
    let v = json(&c.args(&["--decisions", &d]));
    let named: Vec<String> = people(&v)
        .into_iter()
        .filter(|p| p.1 == "nominated")
        .map(|p| p.0)
        .collect();
    assert_eq!(named, ["pd02", "ph01", "ah01", "pu01", "pt01"]);
    // Two of Phước Dinh and none of Phước Thái: each commune's place goes
    // to one of its own.
    let d = c.decisions("hai.yaml", "pd01, pd02");
    let err = fails(&c.args(&["--decisions", &d]), 1);
    assert!(err.contains("hai.yaml:2: "), "{err}");
    assert!(err.contains("xa_phuoc_dinh"), "{err}");
    // A person who is not tied cannot be chosen for the tie.
    let d = c.decisions("ngoai.yaml", "pd01, pd03");
    let err = fails(&c.args(&["--decisions", &d]), 1);
    assert!(err.contains("ngoai.yaml:2: "), "{err}");
}

#[test]
fn a_tie_for_the_last_places_stops_the_list() {
    // Two places for four equal people whose communes could take three: the
    // block contests both places, and no one below is reached.
    let c = case(2);
    let v = json(&c.args(&[]));
    assert_eq!(
        people(&v),
        [
            row("pd01", "tie", Some(2)),
            row("pd02", "tie", Some(2)),
            row("ph01", "tie", Some(2)),
            row("ah01", "tie", Some(2)),
        ]
    );
    // Both of Phước Dinh would break the cap.
    let d = c.decisions("hai.yaml", "pd01, pd02");
    let err = fails(&c.args(&["--decisions", &d]), 1);
    assert!(err.contains("hai.yaml:2: "), "{err}");
    assert!(err.contains("per_unit"), "{err}");
    let d = c.decisions("bb.yaml", "pd02, ah01");
    let v = json(&c.args(&["--decisions", &d]));
    assert_eq!(
        people(&v),
        [
            row("pd02", "nominated", None),
            row("ah01", "nominated", None)
        ]
    );
}

//! `thidua deadlines` as users run it: the real binary in a temp folder,
//! the checklist in every reading format, working days, status and filters.

use crate::deadlines_support::{Run, TET, step};
use serde_json::Value;

#[test]
fn tinh_checklist_on_27_11_2023_table() {
    let run = Run::new();
    insta::assert_snapshot!(run.stdout(&[
        "--tier",
        "tinh",
        "--today",
        "2023-11-27",
        "--format",
        "table"
    ]));
}

#[test]
fn whole_plan_as_a_markdown_checklist_on_04_12_2023() {
    let run = Run::new();
    let md = run.stdout(&["--today", "2023-12-04", "--format", "md"]);
    // Only steps marked done are ticked (`--done`); none are here.
    assert_eq!(md.matches("- [x] ").count(), 0, "{md}");
    assert_eq!(md.matches("- [ ] ").count(), 7, "{md}");
    insta::assert_snapshot!(md);
}

#[test]
fn english_labels_keep_the_plan_text() {
    let run = Run::new();
    let md = run.stdout(&[
        "--tier",
        "tinh",
        "--today",
        "2023-11-27",
        "--format",
        "md",
        "--lang",
        "en",
    ]);
    assert!(
        md.contains("03/12/2023 is a Sunday — submit by Friday 01/12/2023 at the latest"),
        "{md}"
    );
    assert!(
        md.contains("Văn phòng HĐND và UBND huyện → Phòng Nội vụ"),
        "{md}"
    );
    assert!(md.contains("4 days left (4 working days)"), "{md}");
}

#[test]
fn json_follows_the_contract() {
    let run = Run::new();
    let rows = run.json(&["--today", "2023-11-27"]);
    assert_eq!(rows.len(), 7);
    let keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut want = [
        "tier",
        "date",
        "kind",
        "actor",
        "action",
        "recipient",
        "weekday",
        "non_working",
        "last_working_day",
        "days_left",
        "working_days_left",
        "status",
        "id",
        "step",
        "marked_done",
    ];
    let mut got = keys.clone();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
    assert_eq!(
        rows[0]["tier"],
        Value::Null,
        "campaign-wide first: 22/11/2022"
    );
    let sunday = step(&rows, "2023-12-03");
    assert_eq!(sunday["tier"], "tinh");
    assert_eq!(sunday["kind"], "before");
    assert_eq!(sunday["weekday"], "Chủ nhật");
    assert_eq!(sunday["non_working"], true);
    assert_eq!(sunday["last_working_day"], "2023-12-01");
    assert_eq!(sunday["days_left"], 4);
    assert_eq!(sunday["working_days_left"], 4);
    assert_eq!(sunday["status"], "upcoming");
    assert_eq!(sunday["recipient"], "Phòng Nội vụ");
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted, "sorted by date");
}

#[test]
fn status_the_day_before_on_and_after() {
    let run = Run::new();
    let at = |today| {
        step(
            &run.json(&["--tier", "tinh", "--today", today]),
            "2023-12-03",
        )
        .clone()
    };
    let before = at("2023-11-30");
    assert_eq!(
        (before["status"].as_str(), before["days_left"].as_i64()),
        (Some("upcoming"), Some(1))
    );
    assert_eq!(before["working_days_left"], 1);
    let on = at("2023-12-01");
    assert_eq!(
        (on["status"].as_str(), on["days_left"].as_i64()),
        (Some("today"), Some(0))
    );
    let after = at("2023-12-02");
    assert_eq!(
        (after["status"].as_str(), after["days_left"].as_i64()),
        (Some("done"), Some(-1))
    );
    assert_eq!(after["working_days_left"], 0);
}

#[test]
fn within_shows_only_what_falls_due_soon() {
    let run = Run::new();
    let rows = run.json(&["--within", "14", "--today", "2023-11-20"]);
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    // Due 29/11, 01/12 and 04/12; 14/12 (huyen) is 24 days off, 22/11/2022 is past.
    assert_eq!(dates, ["2023-11-30", "2023-12-03", "2023-12-05"]);
    let none = run.stdout(&[
        "--within",
        "3",
        "--today",
        "2023-11-20",
        "--format",
        "table",
    ]);
    assert!(none.contains("Không có bước nào cần làm."), "{none}");
}

#[test]
fn every_kind_moves_out_of_tet_2024() {
    let run = Run::new();
    run.write("tet.yaml", TET);
    let rows = run.json(&["--criteria", "tet.yaml", "--today", "2024-02-01"]);
    let lwd = |d| {
        step(&rows, d)["last_working_day"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(lwd("2024-02-12"), "2024-02-07", "before: inside Tết");
    assert_eq!(lwd("2024-02-10"), "2024-02-07", "on: mùng 1 Tết");
    assert_eq!(lwd("2024-02-20"), "2024-02-20", "by: a working Tuesday");
    assert_eq!(step(&rows, "2024-02-12")["working_days_left"], 4);
    let huyen = run.json(&[
        "--criteria",
        "tet.yaml",
        "--today",
        "2024-02-01",
        "--tier",
        "huyen",
    ]);
    assert_eq!(huyen.len(), 2, "huyen's step and the campaign-wide one");
}

#[test]
fn holidays_from_the_campaign_and_from_a_file() {
    let run = Run::new();
    let with_list = TET.replace(
        "deadlines:\n  - by: 2024-03-01",
        "holidays:\n  - { date: 2024-02-07, name: \"Nghỉ địa phương\" }\ndeadlines:\n  - by: 2024-03-01",
    );
    run.write("tet.yaml", &with_list);
    let rows = run.json(&["--criteria", "tet.yaml", "--today", "2024-02-01"]);
    assert_eq!(step(&rows, "2024-02-12")["last_working_day"], "2024-02-06");
    // The file wins: 07/02 is worked after all, and 20/02 becomes a day off.
    run.write(
        "extra.yaml",
        "- { date: 2024-02-07, name: \"Trực\", working: true }\n- { date: 2024-02-20, name: \"Nghỉ riêng\" }\n",
    );
    let args = [
        "--criteria",
        "tet.yaml",
        "--holidays",
        "extra.yaml",
        "--today",
        "2024-02-01",
    ];
    let rows = run.json(&args);
    assert_eq!(step(&rows, "2024-02-12")["last_working_day"], "2024-02-07");
    assert_eq!(step(&rows, "2024-02-20")["last_working_day"], "2024-02-19");
    assert_eq!(step(&rows, "2024-02-20")["non_working"], true);
}

#[test]
fn the_system_date_is_the_default() {
    let run = Run::new();
    for r in run.json(&[]) {
        assert!(["done", "today", "upcoming"].contains(&r["status"].as_str().unwrap()));
    }
}

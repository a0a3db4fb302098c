use proptest::prelude::*;

use super::*;
use crate::campaign::Campaign;
use crate::deadlines::{Filter, checklist};
use crate::holidays::Calendar;
use crate::i18n::Lang;

/// Undoes folding: a CRLF followed by a space joins two lines.
fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

fn builtin_ics(today: &str, remind: u32) -> String {
    let campaign = Campaign::builtin(crate::i18n::Lang::En);
    let today: NaiveDate = today.parse().unwrap();
    let rows = checklist(&campaign, &Calendar::builtin(), today, Filter::default());
    let cx = Context {
        campaign: &campaign,
        today,
        lang: Lang::Vi,
    };
    calendar(&cx, &rows, remind)
}

#[test]
fn text_is_escaped_per_rfc_5545() {
    assert_eq!(
        escape_text("Văn phòng HĐND và UBND huyện; Phòng Nội vụ"),
        "Văn phòng HĐND và UBND huyện\\; Phòng Nội vụ"
    );
    assert_eq!(escape_text("a, b\\c\r\nd\ne\u{7}"), "a\\, b\\\\c\\nd\\ne ");
}

#[test]
fn folding_never_splits_a_character() {
    let mut out = String::new();
    let line = format!(
        "DESCRIPTION:{}",
        "Gửi kết quả xét chọn để thẩm định, ".repeat(5)
    );
    fold_into(&mut out, &line);
    assert!(out.ends_with("\r\n"));
    for l in out.trim_end_matches("\r\n").split("\r\n") {
        assert!(l.len() <= MAX_LINE_OCTETS, "{} octets: {l}", l.len());
    }
    assert!(out.lines().count() > 2, "long enough to fold");
    assert_eq!(unfold(&out), format!("{line}\r\n"));
}

proptest! {
    #[test]
    fn folding_round_trips(s in "\\PC{0,300}") {
        let mut out = String::new();
        fold_into(&mut out, &s);
        for l in out.trim_end_matches("\r\n").split("\r\n") {
            prop_assert!(l.len() <= MAX_LINE_OCTETS);
        }
        prop_assert_eq!(unfold(&out), format!("{s}\r\n"));
    }
}

#[test]
fn uids_depend_on_the_step_only() {
    let day: NaiveDate = "2023-12-03".parse().unwrap();
    let a = uid(
        "236/KH-UBND",
        Some("tinh"),
        day,
        "Gửi kết quả xét chọn để thẩm định",
    );
    // FNV-1a 64 of the key, checked independently; fixed forever, since a
    // change would duplicate the events in users' calendars.
    assert_eq!(a, "266cedcf2d773d6c-20231203@thidua.deadlines");
    assert_ne!(
        a,
        uid(
            "236/KH-UBND",
            Some("huyen"),
            day,
            "Gửi kết quả xét chọn để thẩm định"
        )
    );
    assert_ne!(
        a,
        uid(
            "236/KH-UBND",
            None,
            day,
            "Gửi kết quả xét chọn để thẩm định"
        )
    );
}

#[test]
fn the_builtin_campaign_as_a_calendar() {
    let ics = builtin_ics("2023-11-27", 3);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    let text = unfold(&ics);
    let lines: Vec<&str> = text.split("\r\n").collect();
    let uids: Vec<&&str> = lines.iter().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), 7);
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 7);
    // The Sunday step sits on Friday 01/12, with its warning in the description.
    let sunday = text
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("Gửi kết quả xét chọn"))
        .unwrap();
    assert!(sunday.contains("DTSTART;VALUE=DATE:20231201\r\nDTEND;VALUE=DATE:20231202"));
    assert!(sunday.contains("⚠ 03/12/2023 là Chủ nhật — nộp chậm nhất Thứ Sáu 01/12/2023"));
    let first = text.split("BEGIN:VEVENT").nth(1).unwrap();
    assert!(
        first.contains("Văn phòng HĐND và UBND huyện\\; Phòng Nội vụ"),
        "{first}"
    );
    assert!(first.contains("Các cơ quan\\, đơn vị"), "{first}");
    assert_eq!(text.matches("TRIGGER:-P3D").count(), 7);
    assert_eq!(
        builtin_ics("2023-11-27", 0).matches("TRIGGER:PT0S").count(),
        7
    );
    assert_eq!(ics, builtin_ics("2023-11-27", 3), "same input, same file");
}

#[test]
fn identical_steps_get_distinct_uids() {
    let src = r#"schema: thidua/campaign/v1
id: x
groups: { a: { name: A } }
criteria: [{ id: r, name: R, points: 1, value: "x" }]
deadlines:
  - { by: 2024-03-01, actor: "A", action: "Nộp" }
  - { by: 2024-03-01, actor: "B", action: "Nộp" }
"#;
    let campaign = Campaign::from_yaml(src, "x.yaml").unwrap();
    let today: NaiveDate = "2024-01-02".parse().unwrap();
    let rows = checklist(&campaign, &Calendar::builtin(), today, Filter::default());
    let cx = Context {
        campaign: &campaign,
        today,
        lang: Lang::En,
    };
    let ics = calendar(&cx, &rows, 3);
    let uids: Vec<&str> = ics.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), 2);
    assert_ne!(uids[0], uids[1]);
    assert!(uids[1].contains("-2@"), "{}", uids[1]);
}

use super::*;

const MINI: &str = r#"schema: thidua/campaign/v1
id: mini
groups:
  a: { name: "A" }
criteria:
  - { id: r, name: "R", points: 10, value: "x / y" }
deadlines:
  - { by: 2024-03-01, actor: "Mọi đơn vị", action: "Tổng kết" }
tiers:
  - id: t1
    award: "Bằng khen"
    deadlines:
      - { before: 2024-02-15, actor: "Xã", action: "Gửi hồ sơ", recipient: "Huyện" }
  - id: t2
    award: "Giấy khen"
    deadlines:
      - { on: 2024-02-10, actor: "Xã", action: "Họp xét" }
"#;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn cal() -> Calendar {
    Calendar::builtin()
}

fn lwd(kind: DeadlineKind, date: &str) -> String {
    last_working_day(&cal(), kind, d(date)).to_string()
}

#[test]
fn before_is_strictly_earlier_and_skips_the_weekend() {
    // 03/12/2023 is a Sunday: the day before is a Saturday, so Friday.
    assert_eq!(lwd(DeadlineKind::Before, "2023-12-03"), "2023-12-01");
    // A Monday: the Sunday before, so again Friday.
    assert_eq!(lwd(DeadlineKind::Before, "2023-12-04"), "2023-12-01");
    // A Tuesday: plainly the Monday.
    assert_eq!(lwd(DeadlineKind::Before, "2023-12-05"), "2023-12-04");
}

#[test]
fn by_and_on_include_the_date_and_skip_the_weekend() {
    assert_eq!(lwd(DeadlineKind::By, "2023-12-31"), "2023-12-29");
    assert_eq!(lwd(DeadlineKind::On, "2023-12-02"), "2023-12-01");
    assert_eq!(lwd(DeadlineKind::By, "2023-12-01"), "2023-12-01");
    assert_eq!(lwd(DeadlineKind::On, "2023-12-05"), "2023-12-05");
}

#[test]
fn every_kind_skips_tet_2024() {
    // Offices were closed Thu 08/02 – Wed 14/02/2024; the last day before is Wed 07/02.
    assert_eq!(lwd(DeadlineKind::Before, "2024-02-12"), "2024-02-07");
    assert_eq!(lwd(DeadlineKind::Before, "2024-02-15"), "2024-02-07");
    assert_eq!(lwd(DeadlineKind::By, "2024-02-14"), "2024-02-07");
    assert_eq!(lwd(DeadlineKind::On, "2024-02-10"), "2024-02-07");
    assert_eq!(lwd(DeadlineKind::By, "2024-02-15"), "2024-02-15");
}

#[test]
fn a_make_up_saturday_is_a_working_day() {
    // Thứ Bảy 04/05/2024 was worked in exchange for Monday 29/04.
    assert_eq!(lwd(DeadlineKind::By, "2024-05-05"), "2024-05-04");
    assert_eq!(lwd(DeadlineKind::Before, "2024-05-02"), "2024-04-26");
}

#[test]
fn the_sunday_warning_reads_as_staff_write_it() {
    let c = cal();
    let w = warning(&c, DeadlineKind::Before, d("2023-12-03"), d("2023-12-01")).unwrap();
    assert_eq!(
        warning_text(&w, Lang::Vi),
        "03/12/2023 là Chủ nhật — nộp chậm nhất Thứ Sáu 01/12/2023"
    );
    assert_eq!(
        warning_text(&w, Lang::En),
        "03/12/2023 is a Sunday — submit by Friday 01/12/2023 at the latest"
    );
}

#[test]
fn holiday_warnings_name_the_holiday() {
    let c = cal();
    let text = |kind, date: &str| {
        let r = last_working_day(&c, kind, d(date));
        warning(&c, kind, d(date), r).map(|w| warning_text(&w, Lang::Vi))
    };
    assert_eq!(
        text(DeadlineKind::Before, "2024-02-12").unwrap(),
        "12/02/2024 là ngày nghỉ Tết Nguyên đán (mùng 3) — nộp chậm nhất Thứ Tư 07/02/2024"
    );
    // The written date is a working day but the day before is not.
    assert_eq!(
        text(DeadlineKind::Before, "2024-02-15").unwrap(),
        "14/02/2024 là ngày nghỉ bù Tết Nguyên đán — nộp chậm nhất Thứ Tư 07/02/2024"
    );
    // Saturday "before" date: Friday is the plain reading, nothing to warn.
    assert_eq!(text(DeadlineKind::Before, "2023-12-02"), None);
    assert_eq!(text(DeadlineKind::By, "2023-12-01"), None);
}

#[test]
fn status_the_day_before_on_and_after() {
    let c = cal();
    let last = d("2023-12-01");
    assert_eq!(
        status(&c, last, d("2023-11-30")),
        Status::Left {
            days: 1,
            working_days: 1
        }
    );
    assert_eq!(status(&c, last, d("2023-12-01")), Status::Today);
    assert_eq!(status(&c, last, d("2023-12-02")), Status::Done);
    // Over a weekend: 7 calendar days, 5 working days (27/11 – 01/12).
    assert_eq!(
        status(&c, last, d("2023-11-24")),
        Status::Left {
            days: 7,
            working_days: 5
        }
    );
}

#[test]
fn working_days_skip_tet() {
    assert_eq!(
        working_days_after(&cal(), d("2024-02-07"), d("2024-02-16")),
        2
    );
    assert_eq!(
        working_days_after(&cal(), d("2024-02-07"), d("2024-02-07")),
        0
    );
}

#[test]
fn builtin_campaign_warns_on_03_12_2023_only_where_due() {
    let campaign = Campaign::builtin(crate::i18n::Lang::En);
    let rows = checklist(&campaign, &cal(), d("2023-11-27"), Filter::default());
    let sunday = rows
        .iter()
        .find(|r| r.deadline.date == d("2023-12-03"))
        .unwrap();
    assert!(sunday.non_working);
    assert_eq!(sunday.last_working_day, d("2023-12-01"));
    assert_eq!(
        warning_text(sunday.warning.as_ref().unwrap(), Lang::Vi),
        "03/12/2023 là Chủ nhật — nộp chậm nhất Thứ Sáu 01/12/2023"
    );
    let dates: Vec<String> = rows.iter().map(|r| r.deadline.date.to_string()).collect();
    assert_eq!(
        dates,
        [
            "2022-11-22",
            "2023-11-30",
            "2023-12-03",
            "2023-12-05",
            "2023-12-15",
            "2023-12-20",
            "2023-12-31"
        ]
    );
}

#[test]
fn tier_filter_keeps_campaign_wide_steps_and_sorts_by_date() {
    let c = Campaign::from_yaml(MINI, "mini.yaml").unwrap();
    let f = Filter {
        tier: Some("t1"),
        within: None,
    };
    let rows = checklist(&c, &cal(), d("2024-01-02"), f);
    let got: Vec<(Option<&str>, String)> = rows
        .iter()
        .map(|r| (r.deadline.tier.as_deref(), r.deadline.date.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("t1"), "2024-02-15".into()),
            (None, "2024-03-01".into())
        ]
    );
    let all = checklist(&c, &cal(), d("2024-01-02"), Filter::default());
    assert_eq!(all.len(), 3);
    assert_eq!(
        all[0].deadline.tier.as_deref(),
        Some("t2"),
        "sorted by date"
    );
}

#[test]
fn within_keeps_only_what_falls_due_soon() {
    let c = Campaign::from_yaml(MINI, "mini.yaml").unwrap();
    let within = |today: &str, n| {
        let f = Filter {
            tier: None,
            within: Some(n),
        };
        checklist(&c, &cal(), d(today), f)
            .iter()
            .map(|r| r.deadline.action.clone())
            .collect::<Vec<_>>()
    };
    // Both Tết steps are really due on 07/02: 6 days after 01/02.
    assert_eq!(within("2024-02-01", 5), Vec::<String>::new());
    assert_eq!(
        within("2024-02-01", 6),
        ["Họp xét", "Gửi hồ sơ"].map(String::from)
    );
    assert_eq!(
        within("2024-02-07", 0),
        ["Họp xét", "Gửi hồ sơ"].map(String::from)
    );
    // Passed steps are never "within".
    assert_eq!(within("2024-02-08", 30), ["Tổng kết"].map(String::from));
}

#[test]
fn weekday_names_and_status_texts() {
    let names: Vec<&str> = d("2023-11-27")
        .iter_days()
        .take(7)
        .map(|x| weekday_name(x.weekday(), Lang::Vi))
        .collect();
    assert_eq!(
        names,
        [
            "Thứ Hai",
            "Thứ Ba",
            "Thứ Tư",
            "Thứ Năm",
            "Thứ Sáu",
            "Thứ Bảy",
            "Chủ nhật"
        ]
    );
    let left = Status::Left {
        days: 1,
        working_days: 1,
    };
    assert_eq!(status_text(left, Lang::Vi), "còn 1 ngày (1 ngày làm việc)");
    assert_eq!(status_text(left, Lang::En), "1 day left (1 working day)");
    assert_eq!(status_text(Status::Done, Lang::Vi), "đã qua hạn");
    assert_eq!(
        written_date(DeadlineKind::Before, d("2023-12-03"), Lang::Vi),
        "trước ngày 03/12/2023"
    );
}

#[test]
fn years_without_holiday_data_are_reported() {
    let src = MINI.replace("2024-03-01", "2031-03-03");
    let c = Campaign::from_yaml(&src, "mini.yaml").unwrap();
    let rows = checklist(&c, &cal(), d("2024-01-02"), Filter::default());
    assert_eq!(uncovered_years(&rows, &cal()), [2031]);
}

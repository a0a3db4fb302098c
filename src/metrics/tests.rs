use super::*;
use crate::i18n::InEnglish as _;
use crate::i18n::{Lang, en};

fn rd(csv: &str, sel: Option<&str>) -> Result<Metrics> {
    let sel = sel.map(|s| PeriodSel::parse(s).unwrap());
    read(csv.as_bytes(), "m.csv", sel.as_ref())
}

fn err(csv: &str, sel: Option<&str>) -> String {
    crate::i18n::en(format_args!("{:#}", rd(csv, sel).unwrap_err()))
}

#[test]
fn reads_units_with_bom_and_missing_cells() {
    let m = rd("\u{feff}unit_id,unit_name,group,tiep_nhan,hai_long\na,Xã A,xa,10,\nb,\"Phòng B, huyện\",phong_ban,0,3\n", None).unwrap();
    assert_eq!(m.names, ["tiep_nhan", "hai_long"]);
    assert_eq!(m.units.len(), 2);
    assert_eq!(m.units[0].values, [Some(10.0), None]);
    assert_eq!(m.units[1].name, "Phòng B, huyện");
    assert_eq!(m.units[1].line, 3);
}

#[test]
fn periods_are_summed_before_any_rate() {
    let csv = "unit_id,unit_name,group,period,da_giai_quyet,dung_han\n\
               a,A,xa,2023-01,10,5\na,A,xa,2023-02,30,30\na,A,xa,2023-03,100,0\nb,B,xa,2023-01,4,\nb,B,xa,2023-02,,2\n";
    let m = rd(csv, Some("2023-01..2023-02")).unwrap();
    assert_eq!(m.units[0].values, [Some(40.0), Some(35.0)]);
    // b is blank in one of the two summed months for each metric: missing.
    assert_eq!(m.units[1].values, [None, None]);
    assert_eq!(m.periods, ["2023-01", "2023-02"]);
    let m = rd(csv, Some("2023-03")).unwrap();
    assert_eq!(m.units.len(), 1);
    assert_eq!(m.units[0].values, [Some(100.0), Some(0.0)]);
    let m = rd(csv, Some("2023-Q1")).unwrap();
    assert_eq!(m.units[0].values, [Some(140.0), Some(35.0)]);
}

#[test]
fn several_periods_need_a_selection() {
    let csv = "unit_id,unit_name,group,period,x\na,A,xa,2023-01,1\na,A,xa,2023-02,2\n";
    let e = rd(csv, None).unwrap_err();
    let p = e.downcast_ref::<PeriodError>().expect("a period error");
    assert!(
        en(&e).contains("holds 2 periods (2023-01, 2023-02); choose one period or a range"),
        "{e}"
    );
    assert!(
        p.with_flag("--baseline-period")
            .render(Lang::En)
            .contains("choose with --baseline-period P or --baseline-period FROM..TO")
    );
    assert!(
        err(csv, Some("2024")).contains("no rows for period 2024 (the file has: 2023-01, 2023-02)")
    );
    assert!(
        err("unit_id,unit_name,group,x\na,A,xa,1\n", Some("2023")).contains("no `period` column")
    );
}

#[test]
fn duplicates_and_overlaps_are_errors_naming_lines() {
    let e = err(
        "unit_id,unit_name,group,x\na,A,xa,1\nb,B,xa,1\na,A2,xa,2\n",
        None,
    );
    assert!(
        e.contains("m.csv:4: unit `a` appears twice (first on line 2)"),
        "{e}"
    );
    let e = err(
        "unit_id,unit_name,group,period,x\na,A,xa,2023-01,1\na,A,xa,2023-01,2\n",
        Some("2023"),
    );
    assert!(
        e.contains("m.csv:3: unit `a` appears twice for period 2023-01 (see line 2)"),
        "{e}"
    );
    let e = err(
        "unit_id,unit_name,group,period,x\na,A,xa,2023-Q1,1\na,A,xa,2023-02,2\n",
        Some("2023"),
    );
    assert!(e.contains("overlapping periods"), "{e}");
    let e = err(
        "unit_id,unit_name,group,period,x\na,A,xa,2023-01,1\na,A,phong_ban,2023-02,2\n",
        Some("2023"),
    );
    assert!(
        e.contains("m.csv:3: unit `a` is in group `phong_ban` here but `xa` on line 2"),
        "{e}"
    );
}

#[test]
fn bad_cells_are_all_reported_with_line_and_column() {
    let csv = "unit_id,unit_name,group,tiep_nhan,tiep_nhan_truc_tuyen\na,A,xa,-3,1\nb,B,xa,1234,\"95,5\"\nc,C,xa,5,9\n";
    let e = err(csv, None);
    assert!(e.ends_with("3 problems found"), "{e}");
    assert!(e.contains("m.csv:2:4: tiep_nhan: negative value -3"), "{e}");
    assert!(
        e.contains("m.csv:3:5: tiep_nhan_truc_tuyen: `95,5` is not a whole number"),
        "{e}"
    );
    assert!(
        e.contains("m.csv:4: tiep_nhan_truc_tuyen = 9 is larger than tiep_nhan = 5"),
        "{e}"
    );
}

#[test]
fn parts_of_resolved_dossiers_may_not_exceed_the_whole() {
    let e = err(
        "unit_id,unit_name,group,da_giai_quyet,truoc_han,dung_han,tre_han\na,A,xa,10,5,5,1\n",
        None,
    );
    assert!(
        e.contains("truoc_han + dung_han + tre_han = 11 is larger than da_giai_quyet = 10"),
        "{e}"
    );
    assert!(
        rd(
            "unit_id,unit_name,group,hai_long,danh_gia\na,A,xa,3,3\n",
            None
        )
        .is_ok()
    );
}

#[test]
fn header_problems_are_clear() {
    assert!(err("", None).contains("empty file"));
    assert!(err("unit_id,unit_name,group,x\n", None).contains("no units"));
    let e = err("unit_id,unit_name,group,Tiếp nhận\na,A,xa,1\n", None);
    assert!(
        e.contains("m.csv:1:4: column `Tiếp nhận` is not a metric name"),
        "{e}"
    );
    let e = err("unit_id,group,x\na,xa,1\n", None);
    assert!(e.contains("missing required column(s) unit_name"), "{e}");
    assert!(err("unit_id,unit_name,group,x,x\n", None).contains("column `x` appears twice"));
    let e = err("unit_id,unit_name,group,x\na,A,xa,1,2\n", None);
    assert!(
        e.contains("m.csv:2:5: 5 fields, but the header has 4"),
        "{e}"
    );
    let e = err("unit_id,unit_name,group,x\na,A,xa\n", None);
    assert!(e.contains("m.csv:2: 3 fields, but the header has 4"), "{e}");
    assert!(
        err("unit_id,unit_name,group,x\n,A,xa,1\n", None).contains("m.csv:2:1: unit_id is empty")
    );
}

#[test]
fn line_numbers_are_exact_with_crlf_and_blank_lines() {
    let e = err(
        "unit_id,unit_name,group,x\r\na,A,xa,1\r\nb,B,xa,-1\r\n",
        None,
    );
    assert!(e.contains("m.csv:3:4: x: negative value -1"), "{e}");
    let e = err("unit_id,unit_name,group,x\n\na,A,xa,1\n\nb,B,xa,-1\n", None);
    assert!(e.contains("m.csv:5:4: x: negative value -1"), "{e}");
    let m = rd(
        "unit_id,unit_name,group,x\r\n\"a\",\"Xã\r\nA\",xa,1\r\nb,B,xa,2\r\n",
        None,
    )
    .unwrap();
    assert_eq!((m.units[0].name.as_str(), m.units[1].line), ("Xã\r\nA", 4));
}

#[test]
fn counts_are_whole_and_other_metrics_may_be_decimals() {
    let csv = "unit_id,unit_name,group,tiep_nhan,xin_loi,ty_le\na,A,xa,\"1,608\",0.5,0.75\nb,B,xa,1.608,0,1.608\n";
    let e = err(csv, None);
    assert!(
        e.contains(
            "m.csv:2:4: tiep_nhan: `1,608` looks like a thousands separator in a count; write 1608"
        ),
        "{e}"
    );
    assert!(
        e.contains("m.csv:2:5: xin_loi: `0.5` is not a whole number"),
        "{e}"
    );
    assert!(
        e.contains("m.csv:3:4: tiep_nhan: `1.608` looks like"),
        "{e}"
    );
    assert!(
        e.contains("hint: `thidua import` reads Vietnamese number formats"),
        "{e}"
    );
    assert!(e.ends_with("3 problems found"), "{e}");
    let m = rd("unit_id,unit_name,group,ty_le\na,A,xa,1.608\n", None).unwrap();
    assert_eq!(m.units[0].values, [Some(1.608)]);
}

#[test]
fn a_blank_in_a_summed_period_leaves_the_metric_missing_with_a_notice() {
    let csv = "unit_id,unit_name,group,period,danh_gia,hai_long\n\
               a,A,xa,2023-01,,\na,A,xa,2023-02,10,10\nb,B,xa,2023-01,,\nb,B,xa,2023-02,,\nc,C,xa,2023-01,4,3\nc,C,xa,2023-02,5,5\n";
    let sel = PeriodSel::parse("2023-01..2023-02").unwrap();
    let (m, notices) = read_with_notices(csv.as_bytes(), "m.csv", Some(&sel)).unwrap();
    assert_eq!(m.units[0].values, [None, None]);
    assert_eq!(
        m.units[1].values,
        [None, None],
        "blank everywhere: missing, no notice"
    );
    assert_eq!(m.units[2].values, [Some(9.0), Some(8.0)]);
    let listed: Vec<String> = notices.listed().iter().map(|p| p.en()).collect();
    assert_eq!(notices.total(), 2, "{listed:?}");
    assert!(
        listed[0].starts_with(
            "m.csv:2:5: unit `a`: `danh_gia` is blank for 2023-01 but given for 2023-02"
        ),
        "{listed:?}"
    );
    assert!(
        listed[1].starts_with("m.csv:2:6: unit `a`: `hai_long`"),
        "{listed:?}"
    );
    // One period chosen: nothing is summed, nothing to say.
    let one = PeriodSel::parse("2023-01").unwrap();
    let (_, notices) = read_with_notices(csv.as_bytes(), "m.csv", Some(&one)).unwrap();
    assert!(notices.is_empty());
}

#[test]
fn rows_longer_than_the_header_only_by_empty_cells_are_fine() {
    let m = rd("unit_id,unit_name,group,x\na,A,xa,1,,  \n", None).unwrap();
    assert_eq!(m.units[0].values, [Some(1.0)]);
    let e = err("unit_id,unit_name,group,x\na,A,xa,1,,3\n", None);
    assert!(
        e.contains("m.csv:2:6: 6 fields, but the header has 4: `3` is past the last column"),
        "{e}"
    );
}

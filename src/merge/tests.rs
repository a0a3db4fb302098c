//! The merge on small in-memory files: sums before rates, blanks, the map's
//! own errors, and every unit accounted for.

use super::*;
use crate::i18n::InEnglish as _;
use crate::metrics::read_with_notices;

fn metrics(csv: &str) -> Metrics {
    read_with_notices(csv.as_bytes(), "d.csv", None).unwrap().0
}

fn map(csv: &str) -> MergeMap {
    MergeMap::read(csv.as_bytes(), "m.csv").unwrap()
}

fn value(m: &Metrics, unit: &str, metric: &str) -> Option<f64> {
    let u = m.unit_index(unit).unwrap();
    m.units[u].values[m.metric_index(metric).unwrap()]
}

const MAP: &str = "old_unit_id,new_unit_id,new_unit_name,group\n\
                   a,x,Xã X,khoi_xa\nb,x,,\nc,x,,\nso,so,,\n";

#[test]
fn counts_of_old_units_add_up_into_the_new_one() {
    let data = "unit_id,unit_name,group,danh_gia,hai_long\n\
                a,A,xa,10,10\nb,B,xa,100,50\nc,C,thi_tran,0,0\nso,Sở,so,5,4\n";
    let (m, notices) = merge(metrics(data), &map(MAP)).unwrap();
    assert!(notices.is_empty());
    let ids: Vec<&str> = m.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["x", "so"]);
    assert_eq!(
        (m.units[0].name.as_str(), m.units[0].group.as_str()),
        ("Xã X", "khoi_xa")
    );
    assert_eq!(m.units[0].line, 2);
    // 60/110, not the mean of 100% and 50%.
    assert_eq!(value(&m, "x", "danh_gia"), Some(110.0));
    assert_eq!(value(&m, "x", "hai_long"), Some(60.0));
    assert_eq!(value(&m, "so", "hai_long"), Some(4.0));
}

#[test]
fn a_blank_old_unit_leaves_the_sum_blank_with_a_notice() {
    let data = "unit_id,unit_name,group,danh_gia,hai_long\n\
                a,A,xa,10,\nb,B,xa,100,50\nc,C,xa,1,\nso,Sở,so,5,4\n";
    let (m, notices) = merge(metrics(data), &map(MAP)).unwrap();
    assert_eq!(value(&m, "x", "hai_long"), None);
    assert_eq!(value(&m, "x", "danh_gia"), Some(111.0));
    let n: Vec<String> = notices.listed().iter().map(|p| p.en()).collect();
    assert_eq!(n.len(), 1);
    assert!(
        n[0].starts_with("d.csv:2: unit `x`: `hai_long` is blank for `a`, `c` but given for `b`: its sum is left missing, not counted as 0"),
        "{}",
        n[0]
    );
}

#[test]
fn unknown_units_and_unsummable_metrics_are_all_reported() {
    let data = "unit_id,unit_name,group,danh_gia,ckmb,ty_le_nu\n\
                a,A,xa,1,15.5,0.5\nb,B,xa,1,16,\nzz,Z,xa,1,,\nso,Sở,so,5,17.25,0.8\n";
    let e = merge(metrics(data), &map(MAP)).unwrap_err().en();
    assert!(e.contains("d.csv:2: `ckmb` is a portal group score (points computed by the portal): the values of a, b cannot be added up into the merged unit `x`"), "{e}");
    assert!(e.contains("d.csv:2: `ty_le_nu` is not a count"), "{e}");
    assert!(e.contains("d.csv:4: unit `zz` is not in the merge map m.csv\n  hint: add the line `zz,NEW_UNIT_ID` to m.csv (or `zz,zz` if it was not merged)"), "{e}");
    assert!(e.ends_with("3 problems found"), "{e}");
}

#[test]
fn a_renamed_unit_keeps_its_scores_and_rates() {
    let data = "unit_id,unit_name,group,ckmb\nold,Old,xa,15.5\n";
    let (m, _) = merge(
        metrics(data),
        &map("old_unit_id,new_unit_id,new_unit_name,group\nold,new,New,khoi_xa\n"),
    )
    .unwrap();
    assert_eq!(value(&m, "new", "ckmb"), Some(15.5));
}

#[test]
fn new_units_already_in_the_data_are_kept_and_name_themselves() {
    let data = "unit_id,unit_name,group,danh_gia\nx,UBND xã X,khoi_xa,7\na,A,xa,1\n";
    let plain = map("old_unit_id,new_unit_id\na,x\nb,x\n");
    let (m, _) = merge(metrics(data), &plain).unwrap();
    assert_eq!(m.units.len(), 1);
    assert_eq!(
        (m.units[0].name.as_str(), value(&m, "x", "danh_gia")),
        ("UBND xã X", Some(8.0))
    );
    // A baseline without the new unit takes its name from the data file…
    let base = metrics("unit_id,unit_name,group,danh_gia\nb,B,xa,3\n");
    let (b, _) = merge_named(base.clone(), &plain, Some(&m)).unwrap();
    assert_eq!(
        (b.units[0].group.as_str(), value(&b, "x", "danh_gia")),
        ("khoi_xa", Some(3.0))
    );
    // … and without one, the map must name it.
    let e = merge(base, &plain).unwrap_err().en();
    assert!(e.starts_with("m.csv:2: new unit `x` (merging b) has no new_unit_name and no group: d.csv has no row for it"), "{e}");
    // A group that disagrees with the data's row is an error at the map.
    let e = merge(
        metrics(data),
        &map("old_unit_id,new_unit_id,group\na,x,khoi_phuong\n"),
    )
    .unwrap_err()
    .en();
    assert!(
        e.starts_with(
            "m.csv:2: new unit `x` is in group `khoi_phuong` here but in `khoi_xa` in d.csv:2"
        ),
        "{e}"
    );
}

#[test]
fn the_map_is_checked_as_a_whole() {
    let e = MergeMap::read(
        b"old_unit_id,new_unit_id,new_unit_name,note\na,x,X,\nb,x,Y,\na,y,,\nx,z,,\n,z,,\n",
        "m.csv",
    )
    .unwrap_err()
    .en();
    assert!(
        e.contains("m.csv:1:4: column `note` is not a merge map column"),
        "{e}"
    );
    assert!(
        e.contains("m.csv:3:3: new unit `x` has name `Y` here but `X` on line 2"),
        "{e}"
    );
    assert!(
        e.contains("m.csv:4:1: old unit `a` is mapped twice: to `x` on line 2 and to `y` here"),
        "{e}"
    );
    assert!(
        e.contains("m.csv:5:1: `x` is the new unit of line 2 but is merged here into `z`"),
        "{e}"
    );
    assert!(e.contains("m.csv:6:1: old_unit_id is empty"), "{e}");
    let e = MergeMap::read(b"old,new\n", "m.csv").unwrap_err().en();
    assert!(
        e.contains("m.csv:1: missing column(s) old_unit_id, new_unit_id"),
        "{e}"
    );
    assert!(MergeMap::read(b"", "m.csv").is_err());
    // An identity line is not a chain.
    assert!(MergeMap::read(b"old_unit_id,new_unit_id\nx,x\na,x\n", "m.csv").is_ok());
}

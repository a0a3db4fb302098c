//! The one output pipeline through the real binary: every format of every
//! report comes out, printed outputs write Vietnamese numbers and names
//! (ids only with `--ids`), CSV stays machine-readable.

use crate::util::{EXAMPLE, stdout, thidua};

const PEOPLE: &str = "examples/ninh-phuoc-2023-canhan.csv";

#[test]
fn every_report_renders_in_every_format_it_writes() {
    let dir = tempfile::tempdir().unwrap();
    let reports: [&[&str]; 4] = [
        &["score", EXAMPLE],
        &["rank", EXAMPLE, "--tier", "huyen"],
        &["score", EXAMPLE, "--explain", "xa_phuoc_hai"],
        &["nominate", EXAMPLE, "--individuals", PEOPLE],
    ];
    for (k, args) in reports.iter().enumerate() {
        for format in ["table", "csv", "json", "md", "html", "xlsx"] {
            let out = dir.path().join(format!("r{k}.{format}"));
            thidua()
                .args(*args)
                .args(["--format", format, "-o", out.to_str().unwrap()])
                .env("SOURCE_DATE_EPOCH", "1701678600")
                .assert()
                .success();
            let bytes = std::fs::read(&out).unwrap();
            assert!(
                bytes.len() > 100,
                "{args:?} {format}: {} bytes",
                bytes.len()
            );
        }
    }
    for format in ["table", "csv", "json", "md", "ics"] {
        let out = stdout(&["deadlines", "--today", "2023-11-27", "--format", format]);
        assert!(out.contains("2023"), "deadlines {format}");
    }
}

#[test]
fn printed_outputs_write_vietnamese_numbers_and_names_csv_stays_plain() {
    let table = stdout(&["rank", EXAMPLE, "--tier", "huyen", "--format", "table"]);
    assert!(
        table.contains("82,29") && !table.contains("82.29"),
        "{table}"
    );
    assert!(
        table.contains("Tiến độ") && table.contains("Hài lòng"),
        "short labels"
    );
    assert!(
        !table.contains("phong_noi_vu") && !table.contains("(phong_ban)"),
        "{table}"
    );
    assert!(
        !table.contains("(huyen)") && !table.contains("(tinh)"),
        "{table}"
    );
    let en = stdout(&[
        "rank", EXAMPLE, "--tier", "huyen", "--format", "table", "--lang", "en",
    ]);
    assert!(en.contains("82.29") && !en.contains("82,29"), "{en}");
    let csv = stdout(&["rank", EXAMPLE, "--tier", "huyen", "--format", "csv"]);
    assert!(
        csv.contains(",82.29,") && csv.contains("phong_noi_vu"),
        "{csv}"
    );
    let ids = stdout(&[
        "rank", EXAMPLE, "--tier", "huyen", "--format", "md", "--ids",
    ]);
    assert!(
        ids.contains("| Hạng | Mã | Đơn vị |") && ids.contains("| phong_noi_vu |"),
        "{ids}"
    );
    let explain = stdout(&[
        "score",
        EXAMPLE,
        "--explain",
        "tt_phuoc_dan",
        "--format",
        "md",
    ]);
    assert!(
        explain.contains("hai_long = 1.608") && explain.contains("77,05%"),
        "{explain}"
    );
}

#[test]
fn nominate_prints_gates_by_name_and_goes_with_a_to_trinh() {
    let md = stdout(&["nominate", EXAMPLE, "--tier", "tinh", "--format", "md"]);
    assert!(
        md.contains("(Kèm theo Tờ trình số …/TTr-… ngày … của …)"),
        "{md}"
    );
    assert!(
        !md.contains("Kèm theo Kế hoạch") && !md.contains("(tinh)"),
        "{md}"
    );
    assert!(
        md.contains("Không có hồ sơ trễ hạn") && !md.contains("khong_tre_han"),
        "{md}"
    );
    let table = stdout(&["nominate", EXAMPLE, "--tier", "tinh", "--format", "table"]);
    assert!(
        !table.contains("│ Mã") && !table.contains("phong_noi_vu"),
        "{table}"
    );
    let ids = stdout(&[
        "nominate", EXAMPLE, "--tier", "tinh", "--format", "table", "--ids",
    ]);
    assert!(ids.contains("Mã") && ids.contains("phong_noi_vu"), "{ids}");
}

#[test]
fn the_floor_is_written_as_a_share_of_the_maximum() {
    let dir = tempfile::tempdir().unwrap();
    let c = crate::util::write(
        dir.path(),
        "c.yaml",
        "schema: thidua/campaign/v1\nid: T\ngroups:\n  xa: { name: Xã }\ncriteria:\n  - { id: a, name: Chỉ tiêu A, short: A, points: 10, value: \"a\" }\n\
         tiers:\n  - { id: top, award: Giấy khen, min_percent: 70, quotas: [{ group: xa, collectives: 1 }] }\n",
    );
    let d = crate::util::write(
        dir.path(),
        "d.csv",
        "unit_id,unit_name,group,a\nx,X,xa,0.5\ny,Y,xa,0.9\n",
    );
    let t = stdout(&[
        "rank",
        &d,
        "--criteria",
        &c,
        "--tier",
        "top",
        "--format",
        "md",
    ]);
    assert!(t.contains("✗ không đạt: dưới 70% điểm tối đa"), "{t}");
}

//! Messages in the users' language: Vietnamese by default, English with
//! `--lang en` or `THIDUA_LANG=en`; `--help` in Vietnamese; a campaign YAML
//! with a wrong type, an unknown key or a missing key said in the domain's
//! words at file:line, never in serde's.

use assert_cmd::Command;

use crate::util::{EXAMPLE, write};

/// The binary with no THIDUA_LANG (whatever the environment running the tests).
pub fn bin() -> Command {
    let mut c = Command::cargo_bin("thidua").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("THIDUA_LANG");
    c
}

pub fn stderr(c: &mut Command, args: &[&str], code: i32) -> String {
    let out = c.args(args).assert().code(code).get_output().clone();
    String::from_utf8(out.stderr).unwrap()
}

pub const JARGON: [&str; 6] = [
    "Raw",
    "f64",
    "struct",
    "variant",
    "identifier",
    "invalid type",
];

#[test]
fn the_same_mistakes_in_vietnamese_by_default_and_in_english_on_request() {
    let missing = ["rank", "--tier", "huyen", "khong-co.csv"];
    let vi = stderr(&mut bin(), &missing, 1);
    assert!(
        vi.starts_with("thidua: lỗi: khong-co.csv: không đọc được: không có tệp"),
        "{vi}"
    );
    let en_flag = stderr(&mut bin(), &[&missing[..], &["--lang", "en"]].concat(), 1);
    assert!(
        en_flag.starts_with("thidua: error: khong-co.csv: cannot read: no such file"),
        "{en_flag}"
    );
    let en_env = stderr(bin().env("THIDUA_LANG", "en"), &missing, 1);
    assert_eq!(en_env, en_flag);
    // The flag wins over the environment.
    let vi_again = stderr(
        bin().env("THIDUA_LANG", "en"),
        &[&missing[..], &["--lang", "vi"]].concat(),
        1,
    );
    assert_eq!(vi_again, vi);

    let unknown_flag = ["rank", "--tierr", "huyen", EXAMPLE];
    let vi = stderr(&mut bin(), &unknown_flag, 2);
    assert!(
        vi.contains("thidua: lỗi: tùy chọn không hợp lệ `--tierr`; ý bạn là `--tier`?"),
        "{vi}"
    );
    assert!(vi.contains("Xem thêm: thidua rank --help"), "{vi}");
    let en = stderr(bin().env("THIDUA_LANG", "en"), &unknown_flag, 2);
    assert!(en.contains("unexpected argument '--tierr'"), "{en}");

    let period = ["rank", "--tier", "huyen", EXAMPLE, "--period", "2023-13"];
    let vi = stderr(&mut bin(), &period, 2);
    assert!(vi.contains("(khoảng kỳ viết TỪ..ĐẾN)"), "{vi}");
}

#[test]
fn help_is_vietnamese_by_default_and_english_on_request() {
    let top = bin()
        .arg("--help")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let top = String::from_utf8(top).unwrap();
    assert!(
        top.starts_with("Chấm điểm, xếp hạng và đề nghị khen thưởng"),
        "{top}"
    );
    assert!(
        top.contains("Cách dùng: thidua <LỆNH>") && top.contains("Lệnh:"),
        "{top}"
    );
    assert!(
        top.contains("In trợ giúp") && !top.contains("Print help"),
        "{top}"
    );
    let rank = bin()
        .args(["rank", "--help"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rank = String::from_utf8(rank).unwrap();
    assert!(
        rank.contains("Tùy chọn:") && rank.contains("Tham số:"),
        "{rank}"
    );
    assert!(
        rank.contains("Cách dùng: thidua rank [TÙY CHỌN] <DATA>"),
        "{rank}"
    );
    assert!(
        rank.contains("Hình thức khen (ví dụ `tinh`, `huyen`)"),
        "{rank}"
    );
    assert!(
        !rank.contains("Award tier") && !rank.contains("Options:"),
        "{rank}"
    );
    let en = bin()
        .env("THIDUA_LANG", "en")
        .args(["rank", "--help"])
        .assert()
        .success();
    let en = String::from_utf8(en.get_output().stdout.clone()).unwrap();
    assert!(
        en.contains("Award tier (e.g. `tinh`, `huyen`)") && en.contains("Options:"),
        "{en}"
    );
    let en = bin()
        .args(["rank", "--lang", "en", "--help"])
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&en.get_output().stdout).contains("Award tier"));
}

#[test]
fn a_wrong_campaign_yaml_is_said_in_the_domains_words_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let head = "schema: thidua/v1\nid: x\ngroups:\n  a: { name: A }\ncriteria:\n  - id: tien_do\n    name: Tiến độ\n";
    let cases = [
        (
            "type.yaml",
            format!("{head}    points: hai mươi\n"),
            ":8:",
            "tiêu chí `tien_do`: `points` phải là một số, ví dụ points: 20",
            "criterion `tien_do`: `points` must be a number, e.g. points: 20",
        ),
        (
            "key.yaml",
            format!("{head}    points: 20\n    pionts: 3\n"),
            ":9:",
            "tiêu chí `tien_do`: khóa không hợp lệ `pionts` (các khóa hợp lệ: id, name,",
            "criterion `tien_do`: unknown key `pionts` (valid keys: id, name,",
        ),
        (
            "missing.yaml",
            "schema: thidua/v1\nid: x\ngroups:\n  a: { name: A }\n".to_string(),
            ":",
            "thiếu khóa `criteria`",
            "missing key `criteria`",
        ),
    ];
    for (name, text, at, vi, en) in cases {
        let file = write(dir.path(), name, &text);
        let args = ["rank", "--criteria", file.as_str(), EXAMPLE];
        let err_vi = stderr(&mut bin(), &args, 1);
        let err_en = stderr(bin().env("THIDUA_LANG", "en"), &args, 1);
        for (err, says) in [(&err_vi, vi), (&err_en, en)] {
            assert!(err.contains(&format!("{file}{at}")), "{err}");
            assert!(err.contains(says), "{err}");
            for j in JARGON {
                assert!(!err.contains(j), "`{j}` in {err}");
            }
            assert!(err.lines().count() <= 3, "no input pasted back: {err}");
        }
    }
}

#[test]
fn a_wrong_decisions_file_names_its_key_and_kind() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "qd.yaml", "ties: 5\n");
    let args = [
        "rank",
        "--tier",
        "huyen",
        EXAMPLE,
        "--decisions",
        file.as_str(),
    ];
    let err = stderr(&mut bin(), &args, 1);
    assert!(err.contains(&format!("{file}:1:")), "{err}");
    assert!(err.contains("không phải tệp quyết định của hội đồng: `ties` phải là một danh sách (- …), không phải một số 5"), "{err}");
    assert!(err.contains("gợi ý: cần các danh sách `ties:`"), "{err}");
    for j in JARGON {
        assert!(!err.contains(j), "`{j}` in {err}");
    }
}

/// The same command in Vietnamese (no THIDUA_LANG) and in English (THIDUA_LANG=en).
pub fn both(args: &[&str], code: i32) -> (String, String) {
    let vi = stderr(&mut bin(), args, code);
    let en = stderr(bin().env("THIDUA_LANG", "en"), args, code);
    (vi, en)
}

#[test]
fn usage_errors_of_the_commands_are_vietnamese_by_default() {
    let (vi, en) = both(&["rank", "--tier", "tinhh", EXAMPLE], 2);
    assert!(
        vi.contains("--tier: không có hình thức khen `tinhh` trong"),
        "{vi}"
    );
    assert!(vi.contains("; ý bạn là `tinh`?"), "{vi}");
    assert!(vi.contains("criteria/ninh-phuoc-236.yaml (có sẵn)"), "{vi}");
    assert!(
        en.contains("criteria/ninh-phuoc-236.yaml (built in)"),
        "{en}"
    );
    assert!(en.contains("--tier: unknown tier `tinhh` in"), "{en}");
    assert!(en.contains("; did you mean `tinh`?"), "{en}");

    let (vi, en) = both(&["rank", "--tier", "huyen", EXAMPLE, "-o", "x.pdf"], 2);
    assert!(
        vi.contains("-o x.pdf: `.pdf` không phải định dạng đầu ra; rank ghi"),
        "{vi}"
    );
    assert!(
        en.contains("-o x.pdf: `.pdf` is not an output format; rank writes"),
        "{en}"
    );

    let (vi, en) = both(&["score", EXAMPLE, "--explain", "khong-co"], 2);
    assert!(
        vi.contains("--explain: không có đơn vị `khong-co` trong"),
        "{vi}"
    );
    assert!(en.contains("--explain: no unit `khong-co` in"), "{en}");

    let (vi, en) = both(&["score", EXAMPLE, "-o", EXAMPLE, "--format", "csv"], 1);
    assert!(
        vi.contains(&format!(
            "{EXAMPLE}: không ghi đè lên tệp đầu vào {EXAMPLE}"
        )),
        "{vi}"
    );
    assert!(
        en.contains(&format!(
            "{EXAMPLE}: refusing to write over the input file {EXAMPLE}"
        )),
        "{en}"
    );

    let (vi, en) = both(&["deadlines", "--today", "32/13/2023"], 2);
    assert!(
        vi.contains("`32/13/2023` không phải một ngày: cần dd/mm/yyyy hoặc yyyy-mm-dd"),
        "{vi}"
    );
    assert!(
        en.contains("`32/13/2023` is not a date: expected dd/mm/yyyy or yyyy-mm-dd"),
        "{en}"
    );
}

#[test]
fn data_errors_are_vietnamese_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let example =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE))
            .unwrap();
    let mut lines = example.lines();
    let header = lines.next().unwrap();
    let row = lines.next().unwrap();
    let thousands = row.replacen(",214,", ",1.608,", 1);
    let d = write(dir.path(), "d.csv", &format!("{header}\n{thousands}\n"));
    let (vi, en) = both(&["rank", "--tier", "huyen", &d], 1);
    assert!(
        vi.contains("`1.608` có vẻ dùng dấu phân cách hàng nghìn trong số đếm; hãy viết 1608"),
        "{vi}"
    );
    assert!(
        vi.contains("gợi ý: `thidua import` đọc cách viết số"),
        "{vi}"
    );
    assert!(
        en.contains("`1.608` looks like a thousands separator in a count; write 1608"),
        "{en}"
    );

    let other = row.replacen(",phong_ban,", ",khoi_la,", 1);
    let d = write(dir.path(), "g.csv", &format!("{header}\n{other}\n"));
    let (vi, en) = both(&["rank", "--tier", "huyen", &d], 1);
    assert!(
        vi.contains("đơn vị `vp_hdnd_ubnd`: khối không có trong phong trào `khoi_la`"),
        "{vi}"
    );
    assert!(
        en.contains("unit `vp_hdnd_ubnd`: unknown group `khoi_la`"),
        "{en}"
    );

    let c = write(
        dir.path(),
        "c.yaml",
        "schema: thidua/campaign/v1\nid: x\ngroups:\n  phong_ban: { name: A }\ncriteria:\n  - id: tien_do\n    name: T\n    points: 20\n    value: tiep_nhann\n",
    );
    let (vi, en) = both(&["score", EXAMPLE, "--criteria", &c], 1);
    assert!(
        vi.contains(&format!("thiếu cột `tiep_nhann` (cần cho tiêu chí `tien_do` ở {c}:6); cột gần giống nhất: `tiep_nhan`")),
        "{vi}"
    );
    assert!(
        en.contains(&format!("column `tiep_nhann` is missing (needed by criterion `tien_do` at {c}:6); closest header: `tiep_nhan`")),
        "{en}"
    );

    let m = write(
        dir.path(),
        "m.csv",
        "old_unit_id,new_unit_id\nvp_hdnd_ubnd,x\n",
    );
    let (vi, en) = both(&["score", EXAMPLE, "--merge", &m], 1);
    assert!(
        vi.contains("đơn vị `phong_noi_vu` không có trong bảng ghép"),
        "{vi}"
    );
    assert!(
        vi.contains("gợi ý: hãy thêm dòng `phong_noi_vu,MÃ_ĐƠN_VỊ_MỚI`"),
        "{vi}"
    );
    assert!(
        en.contains("unit `phong_noi_vu` is not in the merge map"),
        "{en}"
    );
}

#[test]
fn campaign_checks_are_vietnamese_by_default_with_ban_la() {
    let dir = tempfile::tempdir().unwrap();
    let head = "schema: thidua/campaign/v1\nid: x\ngroups:\n  khoi_xa: { name: A }\ncriteria:\n  - id: tien_do\n    name: Tiến độ\n    points: 20\n    value: tiep_nhan\n";
    let cases = [
        (
            "group.yaml",
            format!("{head}    applies_to: [khoi_xaa]\n"),
            "tiêu chí `tien_do`: khối không có trong phong trào `khoi_xaa`; ý bạn là `khoi_xa`?",
            "criterion `tien_do`: unknown group `khoi_xaa`; did you mean `khoi_xa`?",
        ),
        (
            "tiebreak.yaml",
            format!("{head}tiebreak: [tien_doo]\n"),
            "tiebreak ghi tiêu chí không có trong phong trào `tien_doo`; ý bạn là `tien_do`?",
            "tiebreak names unknown criterion `tien_doo`; did you mean `tien_do`?",
        ),
        (
            "lever.yaml",
            format!("{head}levers:\n  - {{ id: l, name: L, change: {{}} }}\n"),
            "đòn bẩy `l`: `change` bị trống",
            "lever `l`: `change` is empty",
        ),
    ];
    for (name, text, vi, en) in cases {
        let file = write(dir.path(), name, &text);
        let (err_vi, err_en) = both(&["rank", "--criteria", &file, EXAMPLE], 1);
        assert!(
            err_vi.starts_with(&format!("thidua: lỗi: {file}:")),
            "{err_vi}"
        );
        assert!(err_vi.contains(vi), "{err_vi}");
        assert!(
            err_en.starts_with(&format!("thidua: error: {file}:")),
            "{err_en}"
        );
        assert!(err_en.contains(en), "{err_en}");
    }
}

//! Users' files in the users' language: the warnings of `thidua check` (and
//! their hints) in Vietnamese by default and word for word as before with
//! `--lang en`, at the same file:line:column; expression, scoring and quota
//! errors, and what `thidua import` finds in an export, in Vietnamese too,
//! never in a parser's words.

use assert_cmd::Command;

use crate::messages::{JARGON, bin, both, stderr};
use crate::util::write;

/// Points summing to 110, and a percent (98) on a ratio: two warnings.
const SAI: &str = "schema: thidua/campaign/v1
id: sai
groups:
  xa: { name: \"UBND các xã\" }
criteria:
  - id: tien_do
    name: \"Tỷ lệ hồ sơ đúng hạn\"
    points: 60
    value: \"(truoc_han + dung_han) / da_giai_quyet\"
    scoring: { steps: [{ min: 98, points: 60 }, { min: 90, points: 30 }] }
  - id: hai_long
    name: \"Mức độ hài lòng\"
    points: 50
    value: \"hai_long / danh_gia\"
";

/// `thidua check` (exit 0, nothing on stderr): its stdout.
fn check_out(c: &mut Command, args: &[&str]) -> String {
    let out = c.args(args).assert().success().get_output().clone();
    assert!(out.stderr.is_empty(), "findings go to stdout");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn campaign_warnings_are_vietnamese_by_default_and_english_with_lang_en() {
    let dir = tempfile::tempdir().unwrap();
    let c = write(dir.path(), "sai.yaml", SAI);
    let vi = check_out(&mut bin(), &["check", &c]);
    assert_eq!(
        vi,
        format!(
            "{c}:5:1: cảnh báo: tổng điểm tối đa của các tiêu chí là 110, không phải 100\n  \
             gợi ý: hãy sửa điểm tối đa của các tiêu chí cho tổng bằng 100, hoặc khai báo `max_total: 110` nếu kế hoạch chấm theo thang 110 điểm\n\
             {c}:10:26: cảnh báo: tiêu chí `tien_do`: min 98 lớn hơn 1, nhưng giá trị `(truoc_han + dung_han) / da_giai_quyet` là một tỷ lệ (0..1): không đơn vị nào đạt được\n  \
             gợi ý: viết min: 0.98 cho 98%\n\
             {c}: 2 cảnh báo\n"
        )
    );
    let en = check_out(&mut bin(), &["check", &c, "--lang", "en"]);
    assert_eq!(
        en,
        format!(
            "{c}:5:1: warning: the criteria's points sum to 110, not 100\n  \
             hint: make the points sum to 100, or declare `max_total: 110` if the plan counts to 110\n\
             {c}:10:26: warning: criterion `tien_do`: min 98 is above 1, but the value `(truoc_han + dung_han) / da_giai_quyet` is a ratio (0..1): no unit can reach it\n  \
             hint: write min: 0.98 for 98%\n\
             {c}: 2 warnings\n"
        )
    );
    for text in [&vi, &en] {
        for word in ["Problem", "format!", "{0}", "{1}"] {
            assert!(!text.contains(word), "{text}");
        }
    }

    // Prose numbers as Vietnamese write them (0,8%), values as typed (min 0.8).
    let fraction =
        SAI.replace("points: 50", "points: 40") + "classes:\n  - { name: \"Tốt\", min: 0.8 }\n";
    let f = write(dir.path(), "phan-so.yaml", &fraction);
    let vi = check_out(&mut bin(), &["check", &f]);
    assert!(
        vi.contains("xếp loại `Tốt`: min 0.8 là phần trăm của điểm tối đa, nên xếp loại này bắt đầu từ 0,8%, không phải 80%\n  gợi ý: viết min: 80 cho 80%\n"),
        "{vi}"
    );
}

#[test]
fn expression_and_scoring_errors_are_vietnamese_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "expr.yaml",
            SAI.replace("hai_long / danh_gia", "hai_long / * danh_gia"),
            "tiêu chí `hai_long`: ký tự thứ 12 của `hai_long / * danh_gia`: cần một số, một tên chỉ số hoặc dấu `(`",
            "criterion `hai_long`: expected a number, a metric name or `(` at character 12 of `hai_long / * danh_gia`",
        ),
        (
            "steps.yaml",
            SAI.replace("{ min: 90, points: 30 }", "{ max: 90, points: 30 }"),
            "tiêu chí `tien_do`: các bậc (steps): mọi bậc phải cùng dùng `min` hoặc cùng dùng `max`",
            "criterion `tien_do`: steps: all steps must use the same one of `min` or `max`",
        ),
        (
            "linear.yaml",
            SAI.replace(
                "{ steps: [{ min: 98, points: 60 }, { min: 90, points: 30 }] }",
                "{ linear: { zero_at: 0 } }",
            ),
            "tiêu chí `tien_do`: scoring: thiếu khóa `full_at`",
            "criterion `tien_do`: scoring: missing key `full_at`",
        ),
        (
            "quota.yaml",
            SAI.to_string()
                + "tiers:\n  - id: tinh\n    award: \"Bằng khen\"\n    quotas:\n      - { group: xa, collectives: 1.5 }\n",
            "cần một số suất nguyên (ví dụ 4) hoặc một tỷ lệ phần trăm (ví dụ \"10%\"), nhưng là 1.5",
            "expected a whole number of places (e.g. 4) or a percent (e.g. \"10%\"), got 1.5",
        ),
    ];
    for (name, text, vi, en) in cases {
        let file = write(dir.path(), name, &text);
        let (err_vi, err_en) = both(&["check", &file], 1);
        assert!(err_vi.contains(&format!("{file}:")), "{err_vi}");
        assert!(err_vi.contains(vi), "{err_vi}");
        assert!(err_en.contains(en), "{err_en}");
        for word in JARGON.iter().chain(&["field", "token", "parse"]) {
            assert!(!err_vi.contains(word), "{word}: {err_vi}");
            assert!(!err_en.contains(word), "{word}: {err_en}");
        }
    }
}

#[test]
fn import_problems_are_vietnamese_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let raw = "Mã đơn vị;Tên đơn vị;Khối;Tiếp nhận;Đã giải quyết\n\
               xa_a;UBND xã A;xa;1.5;3\n\
               xa_b;UBND xã B;xa;-2;3;9\n";
    let t = write(dir.path(), "t.csv", raw);
    let out = dir.path().join("out.csv");
    let args = ["import", &t, "-o", out.to_str().unwrap()];
    let (vi, en) = both(&args, 1);
    for want in [
        format!(
            "{t}:2:4: tiep_nhan: `1.5` không phải một số: với --locale vi, `.` phân cách hàng nghìn và `,` là dấu thập phân (ví dụ 1.234 hoặc 95,5); dùng --locale en cho cách viết còn lại"
        ),
        format!("{t}:3:4: tiep_nhan: số đếm âm `-2`: cần số nguyên ≥ 0"),
        format!("{t}:3:6: dòng có 6 ô, nhưng dòng tiêu đề có 5: `9` nằm sau cột cuối"),
        "có 3 lỗi; chưa ghi gì (--keep-going".to_string(),
    ] {
        assert!(vi.contains(&want), "{want}\n{vi}");
    }
    for want in [
        format!(
            "{t}:2:4: tiep_nhan: `1.5` is not a number: with --locale vi `.` groups thousands and `,` is the decimal mark (e.g. 1.234 or 95,5); use --locale en for the other way"
        ),
        format!("{t}:3:4: tiep_nhan: negative count `-2`: expected a whole number ≥ 0"),
        "3 problems found; nothing was written (--keep-going".to_string(),
    ] {
        assert!(en.contains(&want), "{want}\n{en}");
    }
    assert!(!out.exists(), "nothing written");
    // `import --lang en` is accepted as by every command, and wins over the
    // variable; `--lang vi` forces Vietnamese.
    let mut args = args.to_vec();
    args.extend(["--lang", "en"]);
    let lang_en = stderr(&mut bin(), &args, 1);
    assert!(lang_en.contains("negative count `-2`"), "{lang_en}");
    *args.last_mut().unwrap() = "vi";
    let lang_vi = stderr(bin().env("THIDUA_LANG", "en"), &args, 1);
    assert!(lang_vi.contains("số đếm âm `-2`"), "{lang_vi}");
}

/// A file that is not there is said in words, whichever input it is meant
/// to be, never as the system's "No such file or directory (os error 2)".
#[test]
fn a_missing_input_is_said_in_the_users_language() {
    for args in [
        vec![
            "nominate",
            "examples/ninh-phuoc-2023.csv",
            "--individuals",
            "khong-co.csv",
        ],
        vec![
            "import",
            "--dossiers",
            "khong-co.csv",
            "--from",
            "2023-01-01",
            "--to",
            "2023-12-31",
        ],
    ] {
        let (vi, en) = both(&args, 1);
        assert!(
            vi.contains("khong-co.csv: ") && vi.contains("không có tệp hoặc thư mục này"),
            "{vi}"
        );
        assert!(en.contains("no such file or directory"), "{en}");
        assert!(
            !vi.contains("os error") && !en.contains("os error"),
            "{vi}{en}"
        );
    }
}

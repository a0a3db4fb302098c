//! "Mã kiểm tra" through the binary: the same code in every format a person
//! reads and in every run, whatever the file is called; another code after a
//! one-byte change of any input; and `thidua verify` both ways.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::Reader;

use crate::util::*;

const PEOPLE: &str = "examples/ninh-phuoc-2023-canhan.csv";
const DECISIONS: &str = "examples/quyet-dinh-hoi-dong.yaml";

/// The code printed in a text output ("Mã kiểm tra: XXXX-XXXX-XXXX").
fn code_in(text: &str) -> String {
    let at = text.rfind("Mã kiểm tra: ").expect("no stamp in the output");
    text[at + "Mã kiểm tra: ".len()..][..14].to_string()
}

fn json_code(args: &[&str]) -> String {
    json(args)["stamp"]["code"].as_str().unwrap().to_string()
}

fn file_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    match path.extension().and_then(|e| e.to_str()) {
        Some("docx") => {
            let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
            let mut xml = String::new();
            zip.by_name("word/document.xml")
                .unwrap()
                .read_to_string(&mut xml)
                .unwrap();
            xml
        }
        Some("xlsx") => {
            let mut wb = calamine::Xlsx::new(Cursor::new(bytes)).unwrap();
            let first = wb.sheet_names()[0].clone();
            let range = wb.worksheet_range(&first).unwrap();
            range
                .rows()
                .flat_map(|r| r.iter().map(|c| c.to_string()))
                .collect::<Vec<_>>()
                .join("\n")
        }
        _ => String::from_utf8(bytes).unwrap(),
    }
}

#[test]
fn the_code_is_the_same_in_every_format_every_run_and_any_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["nominate", EXAMPLE, "--individuals", PEOPLE];
    let code = json_code(&args);
    assert_eq!(code.len(), 14);
    assert_eq!(json_code(&args), code, "a second run");
    for fmt in ["table", "md"] {
        let mut a = args.to_vec();
        a.extend(["--format", fmt]);
        assert_eq!(code_in(&stdout(&a)), code, "{fmt}");
    }
    for ext in ["html", "xlsx", "docx"] {
        let out = dir.path().join(format!("list.{ext}"));
        let mut a = args.to_vec();
        a.extend(["-o", out.to_str().unwrap()]);
        run(&a);
        assert!(
            file_text(&out).contains(&format!("Mã kiểm tra: {code}")),
            "{ext}"
        );
    }
    // The same bytes under another name and folder: the same code.
    let copy = write(
        dir.path(),
        "du-lieu-khac.csv",
        &std::fs::read_to_string(EXAMPLE).unwrap(),
    );
    let people = write(
        dir.path(),
        "ca-nhan.csv",
        &std::fs::read_to_string(PEOPLE).unwrap(),
    );
    assert_eq!(
        json_code(&["nominate", &copy, "--individuals", &people]),
        code
    );
    // CSV is for programs: no stamp line in it.
    let mut a = args.to_vec();
    a.extend(["--format", "csv"]);
    assert!(!stdout(&a).contains("Mã kiểm tra"));
}

#[test]
fn one_byte_of_any_input_changes_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let data = std::fs::read_to_string(EXAMPLE).unwrap();
    let people = std::fs::read_to_string(PEOPLE).unwrap();
    let decisions = std::fs::read_to_string(DECISIONS).unwrap();
    let d = write(dir.path(), "d.csv", &data);
    let p = write(dir.path(), "p.csv", &people);
    let q = write(dir.path(), "q.yaml", &decisions);
    let b = write(dir.path(), "b.csv", &data);
    let base = |d: &str, p: &str, q: &str, b: &str| {
        json_code(&[
            "nominate",
            d,
            "--individuals",
            p,
            "--decisions",
            q,
            "--baseline",
            b,
        ])
    };
    let code = base(&d, &p, &q, &b);
    // One byte each: a count 1093 → 1092, a name's letter, the points 3 → 4,
    // the baseline's count.
    let d2 = write(dir.path(), "d2.csv", &data.replacen("1093", "1092", 1));
    let p2 = write(dir.path(), "p2.csv", &people.replacen("Lan", "Lam", 1));
    let q2 = write(
        dir.path(),
        "q2.yaml",
        &decisions.replacen("points: 3", "points: 4", 1),
    );
    let b2 = write(dir.path(), "b2.csv", &data.replacen("1093", "1092", 1));
    let changed = [
        ("data", base(&d2, &p, &q, &b)),
        ("individuals", base(&d, &p2, &q, &b)),
        ("decisions", base(&d, &p, &q2, &b)),
        ("baseline", base(&d, &p, &q, &b2)),
    ];
    for (what, other) in changed {
        assert_ne!(other, code, "{what}");
        // The campaign's group of the code stays; the inputs' group moves.
        assert_eq!(other[..4], code[..4], "{what}");
        assert_ne!(other[5..9], code[5..9], "{what}");
    }
    // Another tier asked for: the same files, another code.
    let mut a = vec![
        "nominate",
        &d,
        "--individuals",
        &p,
        "--decisions",
        &q,
        "--baseline",
        &b,
    ];
    a.extend(["--tier", "tinh"]);
    assert_ne!(json_code(&a), code);
}

#[test]
fn verify_says_khop_for_the_same_figures_and_what_differs_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let code = json_code(&["rank", "--tier", "huyen", EXAMPLE]);
    let (out, _) = run(&["verify", &code, "--", "rank", "--tier", "huyen", EXAMPLE]);
    assert!(out.contains("khớp"), "{out}");
    // The full digest works too.
    let sha = json(&["rank", "--tier", "huyen", EXAMPLE])["stamp"]["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    run(&["verify", &sha, "--", "rank", "--tier", "huyen", EXAMPLE]);
    // As people copy a code: lower case, no dashes, or spaces between groups.
    for typed in [code.replace('-', "").to_lowercase(), code.replace('-', " ")] {
        let (out, _) = run(&["verify", &typed, "--", "rank", "--tier", "huyen", EXAMPLE]);
        assert!(out.contains("khớp"), "{typed}: {out}");
    }
    // Other data.
    let data = std::fs::read_to_string(EXAMPLE)
        .unwrap()
        .replacen("1093", "1092", 1);
    let d2 = write(dir.path(), "d.csv", &data);
    let err = fails(&["verify", &code, "--", "rank", "--tier", "huyen", &d2], 1);
    assert!(
        err.contains("không khớp") && err.contains("khác số liệu"),
        "{err}"
    );
    // Another campaign (a what-if weight).
    let w = write(dir.path(), "w.yaml", "tien_do: 25\n");
    let err = fails(
        &[
            "verify",
            &code,
            "--",
            "rank",
            "--tier",
            "huyen",
            EXAMPLE,
            "--weights",
            &w,
        ],
        1,
    );
    assert!(err.contains("khác phong trào"), "{err}");
    // Another tier: same files, other flags.
    let err = fails(
        &["verify", &code, "--", "rank", "--tier", "tinh", EXAMPLE],
        1,
    );
    assert!(err.contains("khác tùy chọn"), "{err}");
    // Not a code, or not a command that prints one.
    fails(&["verify", "12-34", "--", "rank", EXAMPLE], 2);
    fails(&["verify", &code, "--", "deadlines"], 2);
}

/// The code covers what the run used, not how the files were saved: a data
/// file re-saved by Excel (BOM, CRLF, `;`, quoted cells), a decisions file
/// with other comments and spacing, a tier typed with its marks, and a
/// year-to-date file with next month appended all keep the code.
#[test]
fn the_code_survives_resaving_and_next_month() {
    let dir = tempfile::tempdir().unwrap();
    let data = std::fs::read_to_string(EXAMPLE).unwrap();
    let decisions = std::fs::read_to_string(DECISIONS).unwrap();
    let code = json_code(&["nominate", EXAMPLE, "--decisions", DECISIONS]);
    // Excel's "CSV UTF-8": a BOM, CRLF line ends, every cell quoted.
    let quoted: String = data
        .lines()
        .map(|l| {
            let cells: Vec<String> = l.split(',').map(|c| format!("\"{c}\"")).collect();
            cells.join(",") + "\r\n"
        })
        .collect();
    let saved = write(dir.path(), "excel.csv", &format!("\u{feff}{quoted}"));
    // Comments and spacing in the decisions.
    let spaced = format!("# đã rà soát lại\n\n{}", decisions.replace(": ", ":   "));
    let q = write(dir.path(), "q.yaml", &spaced);
    assert_eq!(json_code(&["nominate", &saved, "--decisions", &q]), code);
    // `tỉnh` is the tier `tinh`: the same run, the same code.
    let by_id = json_code(&["rank", "--tier", "tinh", EXAMPLE]);
    assert_eq!(json_code(&["rank", "--tier", "Tỉnh", EXAMPLE]), by_id);
    // A year-to-date file: September's list keeps its code when October is added.
    let monthly = std::fs::read_to_string(MONTHLY).unwrap();
    let to_sept: String = monthly
        .lines()
        .filter(|l| !l.contains(",2023-10,"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(to_sept.len() < monthly.len(), "the file has October rows");
    let sept = write(dir.path(), "ytd-09.csv", &to_sept);
    let range = ["--period", "2023-01..2023-09", "--tier", "huyen"];
    let mut a = vec!["rank", sept.as_str()];
    a.extend(range);
    let mut b = vec!["rank", MONTHLY];
    b.extend(range);
    assert_eq!(json_code(&a), json_code(&b));
    // The raw files' digests stay in the JSON for audit, and differ.
    let raw = |args: &[&str]| json(args)["stamp"]["inputs"][0]["sha256"].clone();
    assert_ne!(raw(&a), raw(&b));
}

/// The "Mã kiểm tra" of a Word paper covers what the paper states: another
/// issuer or signer in `--doc` is another code, which `verify` refuses.
#[test]
fn the_code_of_a_paper_covers_its_doc_fields() {
    let dir = tempfile::tempdir().unwrap();
    let doc = std::fs::read_to_string("examples/van-ban.yaml").unwrap();
    let real = write(dir.path(), "vb.yaml", &doc);
    let forged = write(
        dir.path(),
        "vb2.yaml",
        &doc.replacen("signer_name:", "signer_name: Người Khác #", 1),
    );
    assert_ne!(doc, std::fs::read_to_string(&forged).unwrap());
    let out = dir.path().join("ds.docx");
    let o = out.to_str().unwrap();
    run(&["nominate", EXAMPLE, "-o", o, "--doc", &real]);
    let code = code_in(&file_text(&out));
    let (said, _) = run(&[
        "verify", &code, "--", "nominate", EXAMPLE, "-o", o, "--doc", &real,
    ]);
    assert!(said.contains("khớp"), "{said}");
    let err = fails(
        &[
            "verify", &code, "--", "nominate", EXAMPLE, "-o", o, "--doc", &forged,
        ],
        1,
    );
    assert!(err.contains("không khớp") && err.contains("--doc"), "{err}");
}

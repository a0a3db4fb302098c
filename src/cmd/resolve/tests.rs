use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::i18n::Lang;

fn rule(
    w: Writes,
    flag: Option<Format>,
    path: Option<&str>,
    terminal: bool,
) -> Result<Format, String> {
    format(w, flag, path.map(Path::new), terminal).map_err(|e| e.0.render(Lang::En))
}

#[test]
fn the_extension_names_the_format_and_txt_is_a_table() {
    for (file, want) in [
        ("kq.csv", Format::Csv),
        ("kq.JSON", Format::Json),
        ("kq.md", Format::Md),
        ("kq.html", Format::Html),
        ("kq.xlsx", Format::Xlsx),
        ("kq.txt", Format::Table),
        ("dir.v2/kq.Csv", Format::Csv),
    ] {
        for terminal in [true, false] {
            assert_eq!(rule(SCORE, None, Some(file), terminal), Ok(want), "{file}");
        }
    }
    assert_eq!(
        rule(DEADLINES, None, Some("lich.ics"), true),
        Ok(Format::Ics)
    );
}

#[test]
fn an_unknown_extension_or_none_is_refused_naming_the_accepted_ones() {
    for file in [
        "kq.xls",
        "kq.htm",
        "out",
        "dir.v2/out",
        "kq.csv.bak",
        ".csv",
    ] {
        let e = rule(RANK, None, Some(file), false).unwrap_err();
        assert!(e.starts_with(&format!("-o {file}: ")), "{e}");
        assert!(
            e.contains(
                "rank writes .csv, .json, .md, .html, .xlsx, .docx, .txt (table) (or choose with --format)"
            ),
            "{e}"
        );
    }
    let e = rule(IMPORT, None, Some("metrics"), false).unwrap_err();
    assert!(
        e.ends_with("import writes .csv (or choose with --format)"),
        "{e}"
    );
}

#[test]
fn format_wins_over_the_extension() {
    assert_eq!(
        rule(SCORE, Some(Format::Json), Some("kq.xls"), false),
        Ok(Format::Json)
    );
    assert_eq!(
        rule(SCORE, Some(Format::Md), Some("out"), true),
        Ok(Format::Md)
    );
}

#[test]
fn without_o_a_table_on_a_terminal_and_csv_in_a_pipe() {
    assert_eq!(rule(NOMINATE, None, None, true), Ok(Format::Table));
    assert_eq!(rule(NOMINATE, None, None, false), Ok(Format::Csv));
    assert_eq!(rule(DEADLINES, None, None, true), Ok(Format::Table));
    assert_eq!(
        rule(IMPORT, None, None, true),
        Ok(Format::Csv),
        "import writes only CSV"
    );
}

#[test]
fn a_known_format_the_command_does_not_write_names_those_it_does() {
    let e = rule(SCORE, Some(Format::Ics), None, false).unwrap_err();
    assert_eq!(
        e,
        "--format ics: this command cannot write ics; score writes table, csv, csv-excel, json, md, html, xlsx, docx"
    );
    let e = rule(DEADLINES, None, Some("d.xlsx"), false).unwrap_err();
    assert_eq!(
        e,
        "-o d.xlsx: this command cannot write xlsx; deadlines writes .csv, .json, .md, .ics, .txt (table)"
    );
    let e = rule(IMPORT, None, Some("m.txt"), false).unwrap_err();
    assert!(e.contains("cannot write table; import writes .csv"), "{e}");
}

#[test]
fn docx_is_written_by_the_report_commands_only() {
    for w in [SCORE, RANK, NOMINATE] {
        assert_eq!(rule(w, None, Some("de-nghi.docx"), true), Ok(Format::Docx));
        assert_eq!(rule(w, Some(Format::Docx), None, false), Ok(Format::Docx));
        let e = rule(w, Some(Format::Docx), None, true).unwrap_err();
        assert!(e.contains("give -o FILE.docx"), "{e}");
    }
    let e = rule(DEADLINES, None, Some("bao-cao.docx"), false).unwrap_err();
    assert!(
        e.contains("-o bao-cao.docx: this command cannot write docx; deadlines writes"),
        "{e}"
    );
}

#[test]
fn a_workbook_is_kept_off_the_terminal_only() {
    let e = rule(SCORE, Some(Format::Xlsx), None, true).unwrap_err();
    assert!(e.contains("give -o FILE.xlsx"), "{e}");
    assert_eq!(
        rule(SCORE, Some(Format::Xlsx), None, false),
        Ok(Format::Xlsx)
    );
    assert_eq!(
        rule(SCORE, Some(Format::Html), None, true),
        Ok(Format::Html)
    );
    assert_eq!(rule(SCORE, None, Some("kq.xlsx"), true), Ok(Format::Xlsx));
}

proptest! {
    /// Whatever is typed, the answer is a format the command writes or a
    /// usage error naming the flag; the same call always gives the same answer.
    #[test]
    fn the_rule_only_yields_what_the_command_writes(
        name in "[a-z]{0,4}(\\.[a-zA-Z]{0,5}){0,2}",
        flag in proptest::option::of(0usize..9),
        terminal: bool,
        cmd in 0usize..5,
    ) {
        let all = [Format::Table, Format::Csv, Format::Json, Format::Md, Format::Html,
                   Format::Xlsx, Format::Docx, Format::Ics, Format::CsvExcel];
        let w = [SCORE, RANK, NOMINATE, DEADLINES, IMPORT][cmd];
        let flag = flag.map(|i| all[i]);
        let path = (!name.is_empty()).then_some(name.as_str());
        let got = rule(w, flag, path, terminal);
        prop_assert_eq!(&got, &rule(w, flag, path, terminal));
        match got {
            Ok(f) => {
                prop_assert!(w.formats.contains(&f));
                if let Some(g) = flag { prop_assert_eq!(f, g); }
            }
            Err(e) => prop_assert!(e.starts_with("-o ") || e.starts_with("--format "), "{}", e),
        }
    }
}

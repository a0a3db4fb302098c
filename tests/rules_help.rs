//! SPEC 10, smaller rules: `--help` in Vietnamese has no clap English. Every
//! command's short (-h) and long (--help) help, and `thidua help CMD`, under
//! THIDUA_LANG=vi, is searched for what clap would write in English.

use thidua::cmd::help::command;
use thidua::i18n::Lang;

use crate::util::thidua;

/// What clap writes in English around the help texts.
const ENGLISH: &[&str] = &[
    "[default:",
    "[possible values:",
    "Possible values:",
    "Print help",
    "Print version",
    "see a summary",
    "see more with",
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "[aliases:",
    "[env:",
];

/// Every command path: "", "rank", … (and nested ones, if any).
fn paths(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
    out.push(prefix.to_vec());
    for s in cmd.get_subcommands() {
        let mut p = prefix.to_vec();
        p.push(s.get_name().to_string());
        paths(s, &p, out);
    }
}

fn help_vi(args: &[String]) -> String {
    let out = thidua()
        .env("THIDUA_LANG", "vi")
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn vietnamese_help_has_no_clap_english() {
    let mut all = Vec::new();
    paths(&command(Lang::Vi), &[], &mut all);
    assert!(all.len() > 10, "{all:?}");
    let mut checked = 0;
    for path in &all {
        if path.first().is_some_and(|p| p == "help") {
            // `thidua help`, `thidua help rank`: `help` takes no -h.
            forms_checked(path, &mut checked);
            continue;
        }
        let mut forms: Vec<Vec<String>> = ["-h", "--help"]
            .iter()
            .map(|h| {
                let mut a = path.clone();
                a.push(h.to_string());
                a
            })
            .collect();
        if !path.is_empty() {
            let mut a = vec!["help".to_string()];
            a.extend(path.iter().cloned());
            forms.push(a);
        }
        for args in forms {
            forms_checked(&args, &mut checked);
        }
    }
    assert!(checked >= 30, "{checked}");
    // No command at all: the program's help, on stderr, exit 2.
    let out = thidua().env("THIDUA_LANG", "vi").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(text.contains("Cách dùng: thidua <LỆNH>"), "{text}");
    no_english(&text, "thidua");
    // `help` takes no -h: the error points at the program's help, never
    // back at itself.
    let out = thidua()
        .env("THIDUA_LANG", "vi")
        .args(["help", "--help"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("Xem thêm: thidua --help"), "{err}");
}

fn forms_checked(args: &[String], checked: &mut usize) {
    let text = help_vi(args);
    assert!(!text.is_empty(), "{args:?}");
    no_english(&text, &format!("thidua {}", args.join(" ")));
    *checked += 1;
}

fn no_english(text: &str, what: &str) {
    for english in ENGLISH {
        assert!(
            !text.contains(english),
            "`{what}` says {english:?}:\n{text}"
        );
    }
}

#[test]
fn defaults_and_values_are_said_in_vietnamese() {
    let rank = help_vi(&["rank".into(), "-h".into()]);
    let flat = rank.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("[mặc định: vi] [giá trị: vi, en]"), "{rank}");
    let long = help_vi(&["import".into(), "--help".into()]);
    assert!(long.contains("Giá trị:"), "{long}");
    assert!(
        long.contains("- vi: `.` ngăn hàng nghìn, `,` là dấu thập phân: \"1.234,5\""),
        "{long}"
    );
    assert!(long.contains("[mặc định: vi]"), "{long}");
    assert!(
        long.contains("In trợ giúp (xem bản tóm tắt với '-h')"),
        "{long}"
    );
    let short = help_vi(&["import".into(), "-h".into()]);
    assert!(
        short.contains("In trợ giúp (xem thêm với '--help')"),
        "{short}"
    );
    let top = help_vi(&["--help".into()]);
    assert!(top.contains("In phiên bản"), "{top}");
    // English stays clap's own.
    let en = crate::util::stdout(&["rank", "-h"]);
    assert!(en.contains("[default: vi]"), "{en}");
}

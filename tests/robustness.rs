//! No input can crash the readers: arbitrary text through the expression
//! parser, the metrics CSV reader, the individuals reader and the campaign
//! loader gives a value or an error, never a panic.

use proptest::prelude::*;
use thidua::campaign::Campaign;
use thidua::expr::Expr;
use thidua::i18n::{Lang, scope};
use thidua::import::people;
use thidua::metrics;

/// Text made of the characters these formats care about, so the generator
/// reaches deep into the parsers instead of failing on the first byte.
pub fn texty(alphabet: &'static str, max: usize) -> impl Strategy<Value = String> {
    let chars: Vec<char> = alphabet.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..max).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn expressions_parse_or_fail_cleanly(src in texty("ab_.0123456789+-*/()<>=!, andortmixfsb\u{1ec7}", 60)) {
        if let Ok(e) = Expr::parse(&src) {
            let row = vec![Some(0.0), Some(1.5), None];
            let slots: Vec<usize> = (0..e.names().len()).map(|i| i % 3).collect();
            // A value is finite; an overflow is an error, never infinity.
            if let Ok(v) = e.eval(&row, &slots) {
                prop_assert!(v.is_none_or(f64::is_finite));
            }
        }
    }

    #[test]
    fn metrics_csv_reads_or_fails_cleanly(src in texty("unit_id,name,group\nxa0123456789.-\"\u{feff} period2023-Qtiep_nhan", 300)) {
        let _ = metrics::read(src.as_bytes(), "fuzz.csv", None);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_csv_readers(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = metrics::read(&bytes[..], "fuzz.csv", None);
        let _ = people::read(&bytes[..], "fuzz.csv");
    }

    #[test]
    fn campaign_yaml_loads_or_fails_cleanly(mutation in texty("abcdefgxyz:-[]{}&*!|>\"' \n0123456789.", 40), at in 0usize..2000) {
        let base = thidua::campaign::DEFAULT_YAML;
        let mut at = at.min(base.len());
        while !base.is_char_boundary(at) {
            at -= 1;
        }
        let src = format!("{}{}{}", &base[..at], mutation, &base[at..]);
        let _ = Campaign::from_yaml(&src, "fuzz.yaml");
    }
}

#[test]
fn yaml_alias_bombs_fail_fast() {
    let mut src = String::from(
        "schema: thidua/campaign/v1\nid: x\ngroups: { xa: { name: X } }\ncriteria:\n  - id: a\n    name: A\n    points: 1\n    value: x\ntiebreak:\n  - l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        src.push_str(&format!(
            "  - l{i}: &l{i} [{}]\n",
            vec![format!("*l{}", i - 1); 9].join(", ")
        ));
    }
    let e = Campaign::from_yaml(&src, "bomb.yaml").unwrap_err();
    // Refused at the first anchor, in either language of messages.
    for lang in [Lang::Vi, Lang::En] {
        let e = scope(lang, || format!("{e:#}"));
        assert!(
            e.starts_with("bomb.yaml:10:") && e.contains("(&)") && e.contains("(*)"),
            "{e}"
        );
    }
}

mod import {
    use super::texty;
    use proptest::prelude::*;
    use thidua::campaign::Campaign;
    use thidua::import::dossier::{self, Request};
    use thidua::import::groups::GroupNames;
    use thidua::import::{self as imp, Aliases, Options};

    const TABLE: &str = "STT;Mã đơn vị;Tên đơn vị;Khối;Tiếp nhận;Hài lòng;Tổng cộng\n0123456789.,%-\"\u{feff}\t xã UBND";
    const DOSSIERS: &str = "Mã đơn vị,Số hồ sơ,Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành,Kênh\n0123456789/-: ,.\"xa_BCCI";

    proptest! {
        #![proptest_config(crate::util::cases(128))]

        #[test]
        fn unit_tables_import_or_fail_cleanly(text in texty(TABLE, 400), bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let campaign = Campaign::builtin(thidua::i18n::Lang::Vi);
            let aliases = Aliases::builtin();
            for data in [text.into_bytes(), bytes] {
                let _ = imp::tables(&[("fuzz.csv".to_string(), data)], &campaign, &aliases, &Options::default());
            }
        }

        #[test]
        fn dossier_records_import_or_fail_cleanly(text in texty(DOSSIERS, 600)) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("d.csv");
            std::fs::write(&path, text).unwrap();
            let campaign = Campaign::builtin(thidua::i18n::Lang::Vi);
            let groups = GroupNames::new(&campaign);
            let aliases = Aliases::builtin();
            let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
            let req = Request {
                path: &path,
                file: "d.csv",
                from: day("2023-01-01"),
                to: day("2023-12-31"),
                units: &[],
                groups: &groups,
                aliases: &aliases,
                options: &Options::default(),
                rejects: None,
                done: &std::sync::atomic::AtomicU64::new(0),
            };
            let _ = dossier::import(req);
        }
    }
}

//! No input can crash the readers: arbitrary text through the expression
//! parser, the metrics CSV reader, the individuals reader and the campaign
//! loader gives a value or an error, never a panic.

use proptest::prelude::*;
use thidua::campaign::Campaign;
use thidua::expr::Expr;
use thidua::{metrics, people};

/// Text made of the characters these formats care about, so the generator
/// reaches deep into the parsers instead of failing on the first byte.
fn texty(alphabet: &'static str, max: usize) -> impl Strategy<Value = String> {
    let chars: Vec<char> = alphabet.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..max).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn expressions_parse_or_fail_cleanly(src in texty("ab_.0123456789+-*/()<>=!, andortmixfsb\u{1ec7}", 60)) {
        if let Ok(e) = Expr::parse(&src) {
            let row = vec![Some(0.0), Some(1.5), None];
            let slots: Vec<usize> = (0..e.names().len()).map(|i| i % 3).collect();
            let v = e.eval(&row, &slots);
            prop_assert!(v.is_none_or(f64::is_finite));
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
        "schema: thidua/campaign/v1\nid: x\ngroups: { xa: { name: X } }\ncriteria:\n  - id: a\n    name: A\n    points: 1\n    value: x\n    scoring:\n      formula:\n        l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        src.push_str(&format!(
            "        l{i}: &l{i} [{}]\n",
            vec![format!("*l{}", i - 1); 9].join(", ")
        ));
    }
    let e = format!("{:#}", Campaign::from_yaml(&src, "bomb.yaml").unwrap_err());
    assert!(
        e.contains("bomb.yaml: not a valid campaign file: repetition limit exceeded"),
        "{e}"
    );
}

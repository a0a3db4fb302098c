//! Fuzz targets for the new paths; small by default, for long runs set
//! PROPTEST_CASES (e.g. `PROPTEST_CASES=20000 cargo test --release trust_data`).

use proptest::prelude::*;
use thidua::metrics;
use thidua::period::PeriodSel;

fn cases() -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64);
    ProptestConfig::with_cases(n)
}

proptest! {
    #![proptest_config(cases())]

    /// Arbitrary cell text never panics; an accepted count is the whole
    /// number ≥ 0 its digits say, and nothing but digits is accepted.
    #[test]
    fn the_count_parser_accepts_only_whole_numbers(
        text in "[ 0-9.,+eE\\-a-z]{0,20}|[0-9]{1,3}([.,][0-9]{3}){0,3}|\\PC{0,8}",
    ) {
        if let Ok(Some(x)) = metrics::parse_cell(text.as_bytes(), true) {
            let t = text.trim();
            prop_assert!(t.bytes().all(|b| b.is_ascii_digit()), "accepted {t:?}");
            let n: u64 = t.trim_start_matches('0').parse().unwrap_or(0);
            prop_assert!(x >= 0.0 && x.fract() == 0.0);
            prop_assert_eq!(x, n as f64);
        }
        let _ = metrics::parse_cell(text.as_bytes(), false);
    }

    /// Summing random months: a unit blank in any selected month has the
    /// metric missing; otherwise the sum is the sum of its cells.
    #[test]
    fn period_sums_keep_blanks_blank(
        cells in prop::collection::vec(prop::collection::vec(prop::option::weighted(0.8, 0u32..1000), 4), 1..5),
        from in 1u32..5,
        len in 0u32..4,
    ) {
        let to = (from + len).min(4);
        let mut csv = String::from("unit_id,unit_name,group,period,tiep_nhan\n");
        for (u, months) in cells.iter().enumerate() {
            for (m, v) in months.iter().enumerate() {
                let v = v.map_or(String::new(), |v| v.to_string());
                csv.push_str(&format!("u{u},U,xa,2023-0{},{v}\n", m + 1));
            }
        }
        let sel = PeriodSel::parse(&format!("2023-0{from}..2023-0{to}")).unwrap();
        let (m, notices) = metrics::read_with_notices(csv.as_bytes(), "f.csv", Some(&sel)).unwrap();
        let mut expected_notices = 0;
        for (u, months) in cells.iter().enumerate() {
            let chosen = &months[from as usize - 1..to as usize];
            let want = chosen.iter().try_fold(0.0, |s, v| v.map(|v| s + f64::from(v)));
            prop_assert_eq!(m.units[u].values[0], want);
            let blanks = chosen.iter().filter(|v| v.is_none()).count();
            if blanks > 0 && blanks < chosen.len() {
                expected_notices += 1;
            }
        }
        prop_assert_eq!(notices.total(), expected_notices);
    }
}

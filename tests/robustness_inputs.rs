//! No input of this release can crash its reader either: the council's
//! decisions, the merge map, the office individuals list (CSV or bytes that
//! look like a workbook), the document fields, the deadlines state and the
//! 2026 campaign, each mutated or arbitrary, give a value or an error.

use proptest::prelude::*;
use thidua::campaign::Campaign;
use thidua::decisions::Decisions;
use thidua::import::people::{UnitName, read_any};
use thidua::merge::MergeMap;
use thidua::report::docx::fields::DocFields;

use crate::robustness::texty;
use crate::util::EXAMPLE;

const TINH_2026: &str = include_str!("../criteria/tinh-xa-2026.yaml");
const DECISIONS: &str = include_str!("../examples/quyet-dinh-hoi-dong.yaml");
const DOC: &str = include_str!("../examples/van-ban.yaml");
const MAP: &str =
    "old_unit_id,new_unit_id,new_unit_name,group\nxa_a,xa_moi,Xã Mới,xa\n0123456789,;\"\u{feff}";
const OFFICE: &str = "Họ và tên;Chức vụ;Đơn vị;Giới tính;STT\nNguyễn Văn A;Chuyên viên;UBND xã Phước Hải;nữ;1\n\"\t,0123456789";

/// `base` with `mutation` put in at byte `at` (on a character boundary).
fn mutate(base: &str, mutation: &str, at: usize) -> String {
    let mut at = at.min(base.len());
    while !base.is_char_boundary(at) {
        at -= 1;
    }
    format!("{}{}{}", &base[..at], mutation, &base[at..])
}

fn yaml_bits() -> impl Strategy<Value = String> {
    texty("abcdefgxyz_:-[]{}&*!|>\"' \n0123456789.", 40)
}

proptest! {
    #![proptest_config(crate::util::cases(128))]

    #[test]
    fn the_2026_campaign_loads_or_fails_cleanly(m in yaml_bits(), at in 0usize..7_000) {
        let _ = Campaign::from_yaml(&mutate(TINH_2026, &m, at), "fuzz.yaml");
    }

    #[test]
    fn decisions_load_or_fail_cleanly(m in yaml_bits(), at in 0usize..1_000) {
        let c = Campaign::builtin(thidua::i18n::Lang::Vi);
        let data = std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).unwrap();
        let metrics = thidua::metrics::read(&data[..], "data.csv", None).unwrap();
        let _ = Decisions::from_yaml(&mutate(DECISIONS, &m, at), "fuzz.yaml", &c, &metrics, None);
    }

    #[test]
    fn document_fields_load_or_fail_cleanly(m in yaml_bits(), at in 0usize..1_100) {
        let _ = DocFields::from_yaml(&mutate(DOC, &m, at), "fuzz.yaml");
    }

    #[test]
    fn deadlines_state_loads_or_fails_cleanly(src in texty("done:-[] \nchungtinhuyen0123456789_#", 120)) {
        let _ = thidua::deadlines::state::parse(&src, "fuzz.yaml", &Campaign::builtin(thidua::i18n::Lang::Vi));
    }

    #[test]
    fn merge_maps_read_or_fail_cleanly(text in texty(MAP, 300), bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = MergeMap::read(text.as_bytes(), "fuzz.csv");
        let _ = MergeMap::read(&bytes, "fuzz.csv");
    }

    #[test]
    fn office_people_lists_read_or_fail_cleanly(text in texty(OFFICE, 300), bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let units = [
            UnitName { id: "xa_phuoc_hai", name: "UBND xã Phước Hải" },
            UnitName { id: "xa_phuoc_hau", name: "UBND xã Phước Hậu" },
        ];
        let _ = read_any(text.as_bytes(), "fuzz.csv", &units);
        // Bytes that start as a zip (an .xlsx) reach the workbook reader.
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&bytes);
        let _ = read_any(&zip, "fuzz.xlsx", &units);
        let _ = read_any(&bytes, "fuzz.csv", &units);
    }
}

use super::*;
use crate::i18n::InEnglish as _;

fn err(src: &str) -> String {
    DocFields::from_yaml(src, "van-ban.yaml")
        .unwrap_err()
        .0
        .listed()
        .iter()
        .map(|p| p.en())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn reads_every_field_and_both_date_forms() {
    let f = DocFields::from_yaml(
        "parent: UBND TỈNH NINH THUẬN\nissuer: UBND HUYỆN NINH PHƯỚC\nnumber: 12/DS-UBND\n\
         place: Ninh Phước\ndate: 05/12/2023\nsigner_title: [KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]\n\
         signer_name: Nguyễn Văn A\nsubmission:\n  number: 99/TTr-UBND\n  date: 2023-12-04\n  \
         by: UBND huyện Ninh Phước\nrecipients: [Như trên;, Lưu VT.]\n",
        "f.yaml",
    )
    .unwrap();
    assert_eq!(f.date, NaiveDate::from_ymd_opt(2023, 12, 5));
    assert_eq!(f.submission.date, NaiveDate::from_ymd_opt(2023, 12, 4));
    assert_eq!(f.signer_title, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    assert_eq!(f.recipients.len(), 2);
    assert_eq!(f.submission.by.as_deref(), Some("UBND huyện Ninh Phước"));
}

#[test]
fn an_empty_file_leaves_every_field_blank() {
    assert_eq!(DocFields::from_yaml("", "f").unwrap(), DocFields::default());
    assert_eq!(
        DocFields::from_yaml("issuer: '  '\n", "f").unwrap(),
        DocFields::default()
    );
}

#[test]
fn a_signer_title_on_two_lines_is_two_lines() {
    let f = DocFields::from_yaml("signer_title: \"KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH\"\n", "f").unwrap();
    assert_eq!(f.signer_title, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
}

#[test]
fn an_unknown_key_is_an_error_at_its_line() {
    let e = err("issuer: UBND\nsigner: Nguyễn Văn A\n");
    assert!(e.starts_with("van-ban.yaml:2:"), "{e}");
    assert!(
        e.contains("unknown key `signer` (valid keys: parent, issuer"),
        "{e}"
    );
    let e = err("submission:\n  number: '1'\n  when: 2023-12-01\n");
    assert!(e.starts_with("van-ban.yaml:3:"), "{e}");
}

#[test]
fn a_bad_date_is_an_error_at_its_value() {
    let e = err("issuer: UBND\ndate: 31/02/2023\n");
    assert_eq!(
        e,
        "van-ban.yaml:2:7: date: `31/02/2023` is not a date: expected YYYY-MM-DD or dd/mm/yyyy"
    );
    let e = err("date: 2023-12-05\nsubmission:\n  by: UBND\n  date: hôm qua\n");
    assert!(
        e.starts_with("van-ban.yaml:4:9: submission.date: `hôm qua`"),
        "{e}"
    );
}

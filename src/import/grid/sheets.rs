//! Which sheet of a workbook is read: `--sheet NAME` exactly, else ignoring
//! case, else the first visible worksheet; an unknown name is a usage error
//! listing the sheets. One rule for every workbook format.

use anyhow::Result;

use crate::UsageError;

/// A sheet as the workbook lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetInfo {
    pub name: String,
    /// Not hidden (nor "very hidden").
    pub visible: bool,
    /// A worksheet, not a chart or macro sheet.
    pub worksheet: bool,
}

impl SheetInfo {
    /// The sheets as calamine lists them (`.xls`, `.xlsb`).
    pub fn listed(sheets: &[calamine::Sheet]) -> Vec<SheetInfo> {
        use calamine::{SheetType, SheetVisible};
        sheets
            .iter()
            .map(|s| SheetInfo {
                name: s.name.clone(),
                visible: s.visible == SheetVisible::Visible,
                worksheet: s.typ == SheetType::WorkSheet,
            })
            .collect()
    }
}

/// The sheet asked for (exactly, else ignoring case), or the first visible
/// worksheet (else the first worksheet); an unknown name is a usage error
/// listing the worksheets.
pub fn choose<'a>(
    sheets: &'a [SheetInfo],
    file: &str,
    wanted: Option<&str>,
) -> Result<&'a SheetInfo> {
    let work: Vec<&SheetInfo> = sheets.iter().filter(|s| s.worksheet).collect();
    let found = match wanted {
        Some(w) => work.iter().find(|s| s.name == w).or_else(|| {
            work.iter()
                .find(|s| s.name.to_lowercase() == w.to_lowercase())
        }),
        None => work.iter().find(|s| s.visible).or(work.first()),
    };
    found.copied().ok_or_else(|| {
        let names: Vec<&str> = work.iter().map(|s| s.name.as_str()).collect();
        let what = match wanted {
            Some(w) => crate::msg!(NoSheetNamed, w, file),
            None => crate::msg!(NoWorksheet, file),
        };
        UsageError(crate::msg!(SheetsAre, what, names.join(", "))).into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    fn sheet(name: &str, visible: bool, worksheet: bool) -> SheetInfo {
        SheetInfo {
            name: name.into(),
            visible,
            worksheet,
        }
    }

    #[test]
    fn exact_then_any_case_then_first_visible_worksheet() {
        let s = [
            sheet("Biểu đồ", true, false),
            sheet("Ẩn", false, true),
            sheet("Tháng 10", true, true),
            sheet("tháng 10", true, true),
        ];
        assert_eq!(choose(&s, "f", None).unwrap().name, "Tháng 10");
        assert_eq!(choose(&s, "f", Some("tháng 10")).unwrap().name, "tháng 10");
        assert_eq!(choose(&s, "f", Some("THÁNG 10")).unwrap().name, "Tháng 10");
        assert_eq!(choose(&s, "f", Some("ẩn")).unwrap().name, "Ẩn");
        let e = choose(&s, "f", Some("Biểu đồ")).unwrap_err();
        assert!(e.downcast_ref::<UsageError>().is_some());
        assert_eq!(
            e.en(),
            "--sheet: no sheet `Biểu đồ` in f (sheets: Ẩn, Tháng 10, tháng 10)"
        );
        let hidden = [sheet("A", false, true)];
        assert_eq!(choose(&hidden, "f", None).unwrap().name, "A");
        let e = choose(&[], "f", None).unwrap_err().en();
        assert_eq!(e, "f: the workbook has no worksheet (sheets: )");
    }
}

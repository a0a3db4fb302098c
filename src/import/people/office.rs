//! The individuals list as offices keep it (SPEC 8): any dialect `import`
//! reads (`;`, tabs, UTF-16, a workbook), Vietnamese headers, units named
//! rather than given by id, and no person ids — each made from the unit and
//! the name, the same on every run.

use std::collections::HashMap;

use anyhow::{Result, bail};

use super::{Columns, Numbers, Person, RowPerson, read, row, settle};
use crate::i18n::Text;
use crate::import::text::{slug, strip_committee, words};
use crate::import::{Aliases, Locale, decode, workbook};
use crate::problem::{Problem, Problems};
use crate::record::{Record, RecordReader, width_problem};

/// A unit of the data, by which people name their unit.
#[derive(Debug, Clone, Copy)]
pub struct UnitName<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// Reads the individuals file in whatever form it comes: a clean
/// individuals CSV exactly as [`read`] does, anything else as an office list.
pub fn read_any(bytes: &[u8], file: &str, units: &[UnitName]) -> Result<Vec<Person>> {
    if is_people_csv(bytes) {
        return read(bytes, file);
    }
    let book = workbook::is_workbook(bytes);
    let (label, text) = if book {
        let sheet = workbook::sheet_csv(bytes, file, None, Locale::Vi, b',')?;
        let text = String::from_utf8(sheet.csv).expect("a sheet is written as UTF-8");
        (sheet.label, text)
    } else {
        (file.to_string(), decode::decode(bytes, file)?)
    };
    let aliases = Aliases::builtin();
    let known = |c: &str| aliases.people_id(c).is_some();
    let layout = decode::find_header(&text, None, &label, known)
        .map_err(|_| anyhow::anyhow!(crate::msg!(PeopleNoHeader, label)))?;
    let cols = columns(&layout, &aliases, &label)?;
    let numbers = if book || layout.delimiter != b',' {
        Numbers::Vietnamese
    } else {
        Numbers::Plain
    };
    let body = &text.as_bytes()[layout.data_offset as usize..];
    let mut rdr = RecordReader::new(body, layout.delimiter, layout.data_line);
    let mut rec = Record::new();
    let mut errors = Problems::new();
    let mut rows = Vec::new();
    while let Some(start) = rdr.next(&mut rec)? {
        if rec.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        if let Some(p) = width_problem(&rec, layout.header.len(), &label, start.line) {
            errors.push(p);
            continue;
        }
        let cells: Vec<String> = rec
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        rows.push(row(&cells, &cols, &label, start.line, numbers, &mut errors));
    }
    let index = NameIndex::new(units);
    for r in &mut rows {
        if r.person.unit_id.is_empty() && !r.unit_name.is_empty() {
            let col = cols.unit_name.map_or(1, |c| c + 1);
            match index.find(&r.unit_name) {
                Ok(id) => r.person.unit_id = id.to_string(),
                Err(msg) => errors.push(Problem::cell(&label, r.person.line, col, msg)),
            }
        }
    }
    make_ids(&mut rows);
    let people = settle(rows, &label, &mut errors);
    errors.finish()?;
    Ok(people)
}

/// A clean individuals CSV: UTF-8, its first row at commas all snake_case
/// names, the required ones among them.
fn is_people_csv(bytes: &[u8]) -> bool {
    let (enc, bom) = decode::sniff(bytes);
    if enc != decode::Encoding::Utf8 || workbook::is_workbook(bytes) {
        return false;
    }
    let mut rdr = RecordReader::new(&bytes[bom..], b',', 1);
    let mut rec = Record::new();
    let Ok(Some(_)) = rdr.next(&mut rec) else {
        return false;
    };
    let names: Vec<&str> = rec
        .iter()
        .filter_map(|c| std::str::from_utf8(c).ok())
        .map(str::trim)
        .collect();
    names.len() == rec.len()
        && names.iter().all(|n| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        && super::REQUIRED.iter().all(|r| names.contains(r))
}

/// What each header cell means; an unknown label is an error, never dropped.
fn columns(layout: &decode::Layout, aliases: &Aliases, file: &str) -> Result<Columns> {
    let mut ids: Vec<Option<&str>> = Vec::new();
    for (c, label) in layout.header.iter().enumerate() {
        let at = format!("{file}:{}:{}", layout.header_line, c + 1);
        let id = match aliases.people_id(label) {
            None if words(label).is_empty() => None,
            None => bail!(crate::msg!(PeopleNotColumn, at, label.trim())),
            Some("row_number") => None,
            Some(id) => Some(id),
        };
        if let Some(first) = id.and_then(|id| ids.iter().position(|i| *i == Some(id))) {
            bail!(crate::msg!(
                PeopleSameMeaning,
                at,
                label.trim(),
                id.unwrap_or_default(),
                first + 1
            ));
        }
        ids.push(id);
    }
    let cols = Columns::of(&ids);
    let mut missing: Vec<Text> = Vec::new();
    if cols.unit.is_none() && cols.unit_name.is_none() {
        missing.push(crate::i18n::messages::Msg::UnitIdOrName.into());
    }
    if cols.name.is_none() {
        missing.push("\"Họ và tên\"".into());
    }
    if cols.pos.is_none() {
        missing.push("\"Chức vụ\"".into());
    }
    if !missing.is_empty() {
        bail!(crate::msg!(
            MissingColumnsAt,
            file,
            layout.header_line,
            Text::join(missing, ", ")
        ));
    }
    Ok(cols)
}

/// The data's units by their folded names ("UBND" left out).
struct NameIndex<'a> {
    by_name: HashMap<String, Vec<UnitName<'a>>>,
    units: Vec<UnitName<'a>>,
}

fn key(name: &str) -> String {
    strip_committee(&words(name)).to_string()
}

impl<'a> NameIndex<'a> {
    fn new(units: &[UnitName<'a>]) -> NameIndex<'a> {
        let mut by_name: HashMap<String, Vec<UnitName<'a>>> = HashMap::new();
        for u in units {
            by_name.entry(key(u.name)).or_default().push(*u);
        }
        NameIndex {
            by_name,
            units: units.to_vec(),
        }
    }

    /// The unit a name means, or why none can be chosen, with candidates.
    fn find(&self, name: &str) -> Result<&'a str, Text> {
        let k = key(name);
        match self.by_name.get(&k).map(Vec::as_slice) {
            Some([one]) => Ok(one.id),
            Some(many) => Err(crate::msg!(UnitNameAmbiguous, name, list(many))),
            None => {
                let near = self.nearest(&k);
                let hint = if near.is_empty() {
                    crate::i18n::messages::Msg::NoCloseName.into()
                } else {
                    crate::msg!(Closest, list(&near))
                };
                Err(crate::msg!(UnitNameUnknown, name, hint))
            }
        }
    }

    /// Up to three units sharing the most words with `k`.
    fn nearest(&self, k: &str) -> Vec<UnitName<'a>> {
        let want: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
        let mut scored: Vec<(usize, UnitName<'a>)> = self
            .units
            .iter()
            .map(|u| {
                let kw = key(u.name);
                let shared = kw.split(' ').filter(|w| want.contains(w)).count();
                (shared, *u)
            })
            .filter(|(n, _)| *n > 0)
            .collect();
        scored.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
        scored.into_iter().take(3).map(|(_, u)| u).collect()
    }
}

fn list(units: &[UnitName]) -> String {
    let shown: Vec<String> = units
        .iter()
        .map(|u| format!("`{}` ({})", u.id, u.name))
        .collect();
    shown.join(", ")
}

/// Person ids where the list has none: `unit_id` + the name's slug, then
/// `_2`, `_3`… for a second person of the same name in the same unit, in
/// file order, so the same list gives the same ids on every run.
fn make_ids(rows: &mut [RowPerson]) {
    let mut taken: HashMap<String, usize> = HashMap::new();
    for r in rows.iter().filter(|r| !r.person.person_id.is_empty()) {
        taken.insert(r.person.person_id.clone(), 1);
    }
    for r in rows.iter_mut() {
        let p = &mut r.person;
        if !p.person_id.is_empty() || p.unit_id.is_empty() || p.full_name.is_empty() {
            continue;
        }
        let base = format!("{}_{}", p.unit_id, slug(&p.full_name));
        let n = taken.entry(base.clone()).or_insert(0);
        *n += 1;
        p.person_id = if *n == 1 { base } else { format!("{base}_{n}") };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    const UNITS: [UnitName; 3] = [
        UnitName {
            id: "xa_a",
            name: "UBND xã Phước Hải",
        },
        UnitName {
            id: "phong_nv",
            name: "Phòng Nội vụ",
        },
        UnitName {
            id: "xa_b",
            name: "UBND xã Phước Hà",
        },
    ];

    #[test]
    fn an_office_list_gets_units_by_name_and_stable_ids() {
        let text = "DANH SÁCH\nSTT;Họ và tên;Chức vụ;Đơn vị;Trực tiếp;Giới tính;Điểm\n\
                    1;Nguyễn Thị Lan;Công chức;xã Phước Hải;x;Nữ;9,5\n\
                    2;Nguyễn Thị Lan;Chuyên viên;UBND XA PHUOC HAI;;nữ;\n\
                    3;Trần Văn Bình;Trưởng phòng;Phòng Nội Vụ;không;Nam;8\n";
        let p = read_any(text.as_bytes(), "cn.csv", &UNITS).unwrap();
        let ids: Vec<&str> = p.iter().map(|p| p.person_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "xa_a_nguyen_thi_lan",
                "xa_a_nguyen_thi_lan_2",
                "phong_nv_tran_van_binh"
            ]
        );
        assert_eq!(
            (p[0].direct, p[0].female, p[0].score),
            (true, Some(true), Some(9.5))
        );
        assert_eq!((p[2].unit_id.as_str(), p[2].line), ("phong_nv", 5));
    }

    #[test]
    fn unknown_and_ambiguous_units_list_candidates() {
        let units = [
            UNITS[0],
            UNITS[1],
            UnitName {
                id: "xa_c",
                name: "Xã Phước Hải",
            },
        ];
        let text = "Họ và tên,Chức vụ,Đơn vị\nA,x,Phước Hải\nB,x,xã Phước Hải\n";
        let e = read_any(text.as_bytes(), "cn.csv", &units)
            .unwrap_err()
            .en();
        assert!(e.contains("cn.csv:2:3: unit \"Phước Hải\" is not a unit of the metrics file (closest: `xa_a` (UBND xã Phước Hải)"), "{e}");
        assert!(e.contains("cn.csv:3:3: unit \"xã Phước Hải\" fits several units of the data: `xa_a` (UBND xã Phước Hải), `xa_c` (Xã Phước Hải)"), "{e}");
        let e = read_any("Họ và tên;Chức vụ;Quê quán\n".as_bytes(), "cn.csv", &units)
            .unwrap_err()
            .en();
        assert!(
            e.starts_with("cn.csv:1:3: column \"Quê quán\" is not a column"),
            "{e}"
        );
    }
}

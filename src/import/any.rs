//! Every command reads what `import` reads: a file that is already a clean
//! metrics CSV passes through untouched (today's results, today's errors), and
//! anything else — a workbook, a `;` CSV with decimal commas, UTF-16 text,
//! Vietnamese headers — goes through import's own reader in memory, with the
//! lines of the metrics CSV it makes traced back to the user's file.

use std::borrow::Cow;
use std::collections::HashMap;

use anyhow::{Result, bail};

use super::aliases::Aliases;
use super::groups::GroupNames;
use super::merge::Merger;
use super::table::Reading;
use super::{Locale, decode, workbook, write};
use crate::campaign::Campaign;
use crate::i18n::Text;
use crate::metrics::REQUIRED;
use crate::problem::{Problem, Problems, ProblemsError};
use crate::record::RecordReader;

/// A file made readable by the metrics reader.
#[derive(Debug)]
pub struct Readable<'a> {
    /// The metrics CSV: the file's own bytes when it was one already.
    pub csv: Cow<'a, [u8]>,
    /// Where the converted CSV's lines and columns come from; `None` when the
    /// file passed through.
    pub origin: Option<Origin>,
    /// What import says of a conversion (rows dropped, groups inferred…).
    pub notices: Vec<Text>,
}

/// The user's file behind a converted metrics CSV.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The name messages use (`file[sheet]` for a workbook).
    pub label: String,
    /// Line in the user's file of each data row (index 0 = CSV line 2).
    lines: Vec<u64>,
    /// Column in the user's file of each CSV column (index 0 = column 1).
    columns: Vec<Option<usize>>,
}

impl Origin {
    /// The user's line for a line of the converted CSV.
    pub fn line(&self, csv_line: u64) -> Option<u64> {
        let i = usize::try_from(csv_line.checked_sub(2)?).ok()?;
        self.lines.get(i).copied()
    }

    /// A problem the metrics reader found in the converted CSV of `file`,
    /// pointed at the user's own file, line and column.
    pub fn locate(&self, file: &str, mut p: Problem) -> Problem {
        if p.file != file {
            return p;
        }
        p.file = self.label.clone();
        match p.line {
            Some(1) => p.line = None,
            Some(l) => p.line = self.line(l),
            None => {}
        }
        p.column = match (p.line, p.column) {
            (Some(_), Some(c)) => self.columns.get(c - 1).copied().flatten(),
            _ => None,
        };
        p
    }

    /// [`Origin::locate`] over every problem of an error.
    pub fn locate_all(&self, file: &str, e: ProblemsError) -> ProblemsError {
        let total = e.0.total();
        let listed = e.0.listed().into_iter().cloned();
        let ps = listed.map(|p| self.locate(file, p)).collect();
        ProblemsError(Problems::from_listed(ps, total))
    }
}

/// Reads `bytes` of `file` as `import` would when they are not a clean
/// metrics CSV; `campaign` (its groups name the group cells) is asked for
/// only then.
pub fn read_any<'a>(
    bytes: &'a [u8],
    file: &str,
    campaign: impl FnOnce() -> Result<Campaign>,
) -> Result<Readable<'a>> {
    if is_metrics_csv(bytes) {
        return Ok(Readable {
            csv: Cow::Borrowed(bytes),
            origin: None,
            notices: Vec::new(),
        });
    }
    let (label, text) = if workbook::is_workbook(bytes) {
        let sheet = workbook::sheet_csv(bytes, file, None, Locale::Vi, b',')?;
        (sheet.label, Cow::Owned(sheet.csv))
    } else {
        (file.to_string(), Cow::Borrowed(bytes))
    };
    let campaign = campaign()?;
    let aliases = Aliases::builtin();
    let reading = Reading {
        aliases: &aliases,
        locale: Locale::Vi,
        delimiter: None,
    };
    let table = reading.table(&text, &label)?;
    let lines: HashMap<(String, Option<String>), u64> = table
        .rows
        .iter()
        .map(|r| ((r.id.clone(), r.period.clone()), r.line))
        .collect();
    let from: HashMap<String, usize> = table.columns.iter().cloned().collect();
    let groups = GroupNames::new(&campaign);
    let merger = Merger {
        groups: &groups,
        aliases: &aliases,
        sum: false,
    };
    let merged = merger.merge(vec![table])?;
    if !merged.rejects.is_empty() {
        let mut problems = Problems::new();
        problems.extend(merged.rejects.iter().map(|r| r.problem.clone()));
        return Err(ProblemsError(problems).into());
    }
    if merged.units.is_empty() {
        bail!(crate::msg!(NoUnitRows, label));
    }
    let mut header: Vec<&str> = REQUIRED.to_vec();
    if merged.has_period {
        header.push("period");
    }
    header.extend(merged.metrics.iter().map(String::as_str));
    let origin = Origin {
        lines: merged
            .units
            .iter()
            .map(|u| lines[&(u.id.clone(), u.period.clone())])
            .collect(),
        columns: header.iter().map(|h| from.get(*h).copied()).collect(),
        label,
    };
    Ok(Readable {
        csv: Cow::Owned(write::metrics_csv(
            &merged.metrics,
            merged.has_period,
            &merged.units,
        )?),
        origin: Some(origin),
        notices: merged.notices,
    })
}

/// Whether the bytes are a metrics CSV already: UTF-8 text (a byte-order
/// mark allowed) whose first row, split at commas, is all snake_case names.
/// Such a file keeps the metrics reader's own strict rules and messages.
pub fn is_metrics_csv(bytes: &[u8]) -> bool {
    let (enc, bom) = decode::sniff(bytes);
    if enc != decode::Encoding::Utf8 || workbook::is_workbook(bytes) {
        return false;
    }
    let mut rdr = RecordReader::new(&bytes[bom..], b',', 1);
    let mut rec = crate::record::Record::new();
    let Ok(Some(_)) = rdr.next(&mut rec) else {
        return false;
    };
    let mut cells = rec.iter().map(|c| std::str::from_utf8(c).map(str::trim));
    cells.all(|c| c.is_ok_and(is_name)) && rec.iter().any(|c| c.trim_ascii() == b"unit_id")
}

fn is_name(h: &str) -> bool {
    let mut chars = h.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    #[test]
    fn clean_metrics_csvs_pass_through() {
        assert!(is_metrics_csv(
            b"unit_id,unit_name,group,tiep_nhan\na,A,xa,1.608\n"
        ));
        assert!(is_metrics_csv(b"\xEF\xBB\xBFunit_id,unit_name\n"));
        assert!(is_metrics_csv(b"unit_id,unit_name,tiep_nhan\n"));
        assert!(!is_metrics_csv(b"unit_id;unit_name;group;tiep_nhan\n"));
        assert!(!is_metrics_csv("Mã đơn vị,Tên đơn vị\n".as_bytes()));
        assert!(!is_metrics_csv(b"unit_id,unit_name,group,Ti\xE1p\n"));
        assert!(!is_metrics_csv(b"\xFF\xFEu\0"));
        assert!(!is_metrics_csv(b""));
    }

    #[test]
    fn a_semicolon_file_is_converted_and_traced_back() {
        let text = "BÁO CÁO\nMã đơn vị;Tên đơn vị;Khối;Tiếp nhận;Đã giải quyết\n\
                    a;Xã A;Xã;1.608;1.600\nb;Phòng B;Phòng ban;5;5\n";
        let r = read_any(text.as_bytes(), "x.csv", || {
            Ok(Campaign::builtin(crate::i18n::Lang::En))
        })
        .unwrap();
        assert_eq!(
            String::from_utf8(r.csv.into_owned()).unwrap(),
            "unit_id,unit_name,group,tiep_nhan,da_giai_quyet\na,Xã A,xa,1608,1600\nb,Phòng B,phong_ban,5,5\n"
        );
        let o = r.origin.unwrap();
        assert_eq!((o.line(2), o.line(3), o.line(4)), (Some(3), Some(4), None));
        let p = o.locate("x.csv", Problem::cell("x.csv", 3, 5, "bad"));
        assert_eq!(p.en(), "x.csv:4:5: bad");
    }
}

//! Reports and their renderers: every command builds its report once
//! ([`pipeline::Report`]), and [`pipeline::render`] writes it in any format;
//! this module holds the plain tables most renderers share (terminal, CSV,
//! Markdown), numbers written in the reader's language on printed ones.

pub mod deadlines;
pub mod docx;
pub mod explain;
pub mod gap;
pub mod html;
pub mod ics;
pub mod json;
pub mod levers;
pub mod nominate;
mod notes;
pub mod pipeline;
pub mod svg;
pub mod units;
pub mod whatif;
pub mod xlsx;

use clap::ValueEnum;
use comfy_table::{CellAlignment, ContentArrangement, Table as Comfy, presets};

use crate::i18n::Lang;
use crate::scoring::write_num;
use crate::sheet::neutralise;
pub use notes::{
    adjustment_note, basis_note, money, quota_note, reason_names, settled_note, won_label,
};

/// Every output format the tool knows; each command says which it writes
/// (`cmd::resolve`), and `-o`'s extension names one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal (`.txt`).
    Table,
    Csv,
    /// CSV for a double-click in Vietnamese Excel: UTF-8 BOM, `;`, decimal
    /// commas (`--excel`).
    CsvExcel,
    Json,
    Md,
    /// A self-contained printable page with charts.
    Html,
    /// An Excel workbook (binary: needs -o or a redirect).
    Xlsx,
    /// A Word document in the Nghị định 30 layout (binary: needs -o or a
    /// redirect): `nominate`, `rank`, `score`.
    Docx,
    /// iCalendar (RFC 5545), for any calendar app (`deadlines`).
    Ics,
}

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::CsvExcel => "csv-excel",
            Format::Json => "json",
            Format::Md => "md",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
            Format::Ics => "ics",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A number and the decimals it is shown with.
    Num(f64, u32),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn opt(x: Option<f64>, decimals: u32) -> Cell {
        x.map_or(Cell::Empty, |x| Cell::Num(x, decimals))
    }

    /// The cell as people read it: numbers in `lang`'s way (82,29 in Vietnamese).
    pub fn show(&self, empty: &str, lang: Lang) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Num(x, d) => lang.num(*x, *d),
            Cell::Empty => empty.to_string(),
        }
    }
}
/// One titled table with notes under it.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub title: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub notes: Vec<String>,
}

/// Terminal table (comfy-table); several tables one after another.
pub fn render_table(tables: &[Table], lang: Lang) -> String {
    let mut out = String::new();
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if let Some(title) = &t.title {
            out.push_str(title);
            out.push('\n');
        }
        let mut c = Comfy::new();
        c.load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled);
        c.set_header(&t.headers);
        for row in &t.rows {
            c.add_row(row.iter().map(|cell| {
                let mut x = comfy_table::Cell::new(cell.show("—", lang));
                if matches!(cell, Cell::Num(..)) {
                    x = x.set_alignment(CellAlignment::Right);
                }
                x
            }));
        }
        out.push_str(&c.to_string());
        out.push('\n');
        for n in &t.notes {
            out.push_str(n);
            out.push('\n');
        }
    }
    out
}

/// CSV of one table (titles and notes are not data); text cells are made safe
/// for spreadsheets, numbers stay numbers.
pub fn render_csv(t: &Table) -> Vec<u8> {
    csv_of(t, b',', '.', Vec::with_capacity(64 * (t.rows.len() + 1)))
}

/// The same CSV as Excel expects it on a Vietnamese Windows (list separator
/// `;`, decimal comma): a UTF-8 byte-order mark first, so a double-click opens
/// it in columns with the diacritics intact. Text cells are neutralised as in
/// [`render_csv`]; numbers are written `82,29`, without thousands separators,
/// so Excel reads them as numbers.
pub fn render_csv_excel(t: &Table) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * (t.rows.len() + 1) + 3);
    out.extend_from_slice("\u{feff}".as_bytes());
    csv_of(t, b';', ',', out)
}

fn csv_of(t: &Table, delimiter: u8, decimal: char, into: Vec<u8>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(into);
    w.write_record(t.headers.iter().map(|h| neutralise(h).into_owned()))
        .expect("writing to memory");
    let mut num = String::new();
    for row in &t.rows {
        for c in row {
            let field: &str = match c {
                Cell::Text(s) => &neutralise(s),
                Cell::Num(x, d) => {
                    num.clear();
                    write_num(&mut num, *x, *d);
                    if decimal != '.' {
                        num = num.replace('.', &decimal.to_string());
                    }
                    &num
                }
                Cell::Empty => "",
            };
            w.write_field(field).expect("writing to memory");
        }
        w.write_record(None::<&[u8]>).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

/// GitHub-flavoured Markdown: a heading per titled table, notes as a list.
pub fn render_md(tables: &[Table], lang: Lang) -> String {
    let mut out = String::new();
    for t in tables {
        if let Some(title) = &t.title {
            out.push_str(&format!("## {}\n\n", md_escape(title)));
        }
        out.push_str(&md_table(t, lang));
        if !t.notes.is_empty() {
            out.push('\n');
            for n in &t.notes {
                out.push_str(&format!("- {}\n", md_escape(n)));
            }
        }
        out.push('\n');
    }
    out
}

/// The rows of one table in Markdown; numbers right-aligned.
pub fn md_table(t: &Table, lang: Lang) -> String {
    let mut out = format!(
        "| {} |\n",
        t.headers
            .iter()
            .map(|h| md_escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let align: Vec<&str> = (0..t.headers.len())
        .map(|i| {
            if t.rows
                .first()
                .is_some_and(|r| matches!(r.get(i), Some(Cell::Num(..))))
            {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    out.push_str(&format!("| {} |\n", align.join(" | ")));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| md_escape(&c.show("—", lang))).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

pub fn md_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        Table {
            title: Some("Khối xã".into()),
            headers: vec!["Đơn vị".into(), "Điểm".into()],
            rows: vec![
                vec![
                    Cell::text("=HYPERLINK(\"http://x\",\"y\")"),
                    Cell::Num(18.125, 2),
                ],
                vec![Cell::text("Xã A | B, \"C\""), Cell::Empty],
            ],
            notes: vec!["1 ghi chú".into()],
        }
    }

    #[test]
    fn csv_neutralises_formulas_and_keeps_numbers() {
        let csv = String::from_utf8(render_csv(&sample())).unwrap();
        assert_eq!(
            csv,
            "Đơn vị,Điểm\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",18.13\n\"Xã A | B, \"\"C\"\"\",\n"
        );
    }

    #[test]
    fn excel_csv_has_a_bom_semicolons_and_decimal_commas() {
        let bytes = render_csv_excel(&sample());
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(
            csv,
            "Đơn vị;Điểm\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";18,13\n\"Xã A | B, \"\"C\"\"\";\n"
        );
    }

    #[test]
    fn markdown_escapes_pipes_and_aligns_numbers() {
        let md = render_md(&[sample()], Lang::En);
        assert!(
            md.starts_with("## Khối xã\n\n| Đơn vị | Điểm |\n| --- | ---: |\n"),
            "{md}"
        );
        assert!(md.contains("| Xã A \\| B, \"C\" | — |"), "{md}");
        assert!(md.contains("- 1 ghi chú"), "{md}");
    }

    #[test]
    fn table_shows_title_rows_and_notes() {
        let t = render_table(&[sample()], Lang::En);
        assert!(t.starts_with("Khối xã\n"), "{t}");
        assert!(
            t.contains("18.13") && t.contains("—") && t.ends_with("1 ghi chú\n"),
            "{t}"
        );
    }
}

//! Reports and their renderers: every command builds its report once
//! ([`pipeline::Report`]), and [`pipeline::render`] writes it in any format;
//! this module holds the plain tables most renderers share (terminal, CSV,
//! Markdown), numbers written in the reader's language on printed ones.

pub mod docx;
pub mod explain;
pub mod gap;
pub mod html;
pub mod json;
pub mod nominate;
pub mod pipeline;
pub mod svg;
pub mod units;
pub mod xlsx;

use clap::ValueEnum;
use comfy_table::{CellAlignment, ContentArrangement, Table as Comfy, presets};

use crate::i18n::Lang;
use crate::scoring::write_num;
use crate::sheet::neutralise;

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

/// What a quota line gave: places filled out of the quota, and the places a
/// tie leaves open — "Đã xếp 3/4 suất; 1 suất chờ quyết định (2 đơn vị bằng
/// điểm)", never "4/4" while a place is undecided.
pub fn quota_note(
    lang: crate::i18n::Lang,
    places: u32,
    filled: u32,
    tie: Option<crate::ranking::TieAtLine>,
) -> String {
    use crate::i18n::Lang;
    let mut s = match lang {
        Lang::Vi => format!("Đã xếp {filled}/{places} suất"),
        Lang::En => format!("Filled {filled}/{places} places"),
    };
    if let Some(t) = tie {
        s.push_str(&match lang {
            Lang::Vi => format!(
                "; {} suất chờ quyết định ({} đơn vị bằng điểm)",
                t.places, t.units
            ),
            Lang::En => format!(
                "; {} place(s) awaiting a decision ({} units tied)",
                t.places, t.units
            ),
        });
    }
    s
}

/// How a quota's places were counted, when there is anything to show: a
/// percent ("10% × 16 = 1,6 → 1 suất") or several rules (the strictest wins).
/// `of_people` says whether the percents are of people or of units.
pub fn basis_note(
    lang: crate::i18n::Lang,
    basis: &crate::campaign::quota::Counted,
    of_people: bool,
) -> Option<String> {
    use crate::campaign::Places;
    use crate::i18n::Lang;
    if basis.rules.len() < 2 && !matches!(basis.rules.first(), Some((Places::Percent(_), _))) {
        return None;
    }
    let comma = |x: f64| {
        let s = format!("{}", (x * 100.0).round() / 100.0);
        match lang {
            Lang::Vi => s.replace('.', ","),
            Lang::En => s,
        }
    };
    let (units, places) = match (lang, of_people) {
        (Lang::Vi, false) => ("đơn vị", "suất"),
        (Lang::Vi, true) => ("người đủ điều kiện", "suất"),
        (Lang::En, false) => ("units", "place(s)"),
        (Lang::En, true) => ("eligible people", "place(s)"),
    };
    let parts: Vec<String> = basis
        .rules
        .iter()
        .map(|(rule, k)| match rule {
            Places::Fixed(n) => format!("{n} {places}"),
            Places::Percent(p) => format!(
                "{}% × {} {units} = {} → {k} {places}",
                comma(*p),
                basis.of,
                comma(p * f64::from(basis.of) / 100.0)
            ),
        })
        .collect();
    let mut s = parts.join("; ");
    if basis.rules.len() > 1 {
        s.push_str(&match lang {
            Lang::Vi => format!(" — lấy mức chặt hơn: {} {places}", basis.places),
            Lang::En => format!(" — the strictest applies: {} {places}", basis.places),
        });
    }
    Some(s)
}

/// A whole amount of money with thousands grouped as the language writes it
/// (2.340.000 in Vietnamese, 2,340,000 in English).
pub fn money(lang: crate::i18n::Lang, x: f64) -> String {
    let digits = format!("{}", x.round().abs() as u64);
    let sep = match lang {
        crate::i18n::Lang::Vi => '.',
        crate::i18n::Lang::En => ',',
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    if x < 0.0 { format!("-{out}") } else { out }
}

/// "2 đơn vị bằng điểm cho 1 suất: đã quyết định theo <document>".
pub fn settled_note(lang: Lang, t: crate::ranking::TieAtLine, document: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "{} đơn vị bằng điểm cho {} suất: đã quyết định theo {document}",
            t.units, t.places
        ),
        Lang::En => format!(
            "{} units tied for {} place(s): settled per {document}",
            t.units, t.places
        ),
    }
}

/// Under a group's table: the tie the council settled at its line, and the
/// points it added or removed for the group's units, each with its document.
pub fn decision_notes(
    lang: crate::i18n::Lang,
    campaign: &crate::campaign::Campaign,
    view: &units::View,
    ds: &crate::decisions::Decisions,
    g: &crate::ranking::GroupRanking,
) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((t, d)) = g.settled {
        out.push(settled_note(lang, t, &ds.ties[d].document) + ".");
    }
    for e in &g.entries {
        let u = &view.metrics.units[view.scores[e.score].unit];
        for a in ds.adjustments_of(&u.id) {
            out.push(format!(
                "{}.",
                adjustment_note(lang, campaign.precision, &u.name, a)
            ));
        }
    }
    out
}

/// "UBND xã Phước Sơn: +3,00 điểm Sáng kiến … (theo Quyết định số 45/…)".
pub fn adjustment_note(
    lang: Lang,
    precision: u32,
    unit: &str,
    a: &crate::decisions::Adjustment,
) -> String {
    let sign = if a.points > 0.0 { "+" } else { "−" };
    format!(
        "{unit}: {sign}{} {} {} ({} {})",
        lang.num(a.points.abs(), precision),
        lang.pick("điểm", "points"),
        a.reason,
        lang.pick("theo", "per"),
        a.document
    )
}

/// Why a unit is ineligible, as people read it: gates by name, the floor as
/// "dưới 70% điểm tối đa" (the floor of `tier`, when known).
pub fn reason_names(
    campaign: &crate::campaign::Campaign,
    reasons: &[crate::ranking::Reason],
    tier: Option<usize>,
    lang: Lang,
) -> String {
    use crate::ranking::Reason;
    reasons
        .iter()
        .map(|r| match *r {
            Reason::Gate(g) => campaign.gates[g].name.clone(),
            Reason::Floor => match tier.and_then(|t| campaign.tiers[t].min_percent) {
                Some(p) => match lang {
                    Lang::Vi => format!("dưới {}% điểm tối đa", lang.number(&p.to_string())),
                    Lang::En => format!("under {}% of the maximum", p),
                },
                None => lang
                    .pick("dưới mức điểm tối thiểu", "under the minimum score")
                    .to_string(),
            },
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The status of a unit taken by a higher tier of an exclusive campaign.
pub fn won_label(lang: crate::i18n::Lang, award: &str) -> String {
    format!("↑ {} {award}", lang.pick("đã đề nghị", "nominated for"))
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

//! The blocks of a part: headings kept with their table, paragraphs, italic
//! notes, totals, and the bordered list tables (header row bold, centred,
//! repeated on each page; rows never split across pages).

use docx_rs::{AlignmentType, Docx, Table, TableLayoutType, TableRow, VAlignType, WidthType};

use super::{cell, para, run, text_width};
use crate::report::docx::model::{Align, Block, DocTable};

/// How the renderer finds a list's header row in the built XML: docx-rs
/// writes a row's properties in this order, and only header rows get a
/// minimum height of exactly this many twips.
pub const HEADER_ROW_MARK: &str = r#"<w:trHeight w:val="397" w:hRule="atLeast" />"#;
const HEADER_ROW_HEIGHT: f32 = 397.0;

pub fn block_into(docx: Docx, b: &Block, landscape: bool) -> Docx {
    match b {
        Block::Heading(t) => docx.add_paragraph(
            para(AlignmentType::Left, 200, 80)
                .keep_next(true)
                .add_run(run(t, 26).bold()),
        ),
        Block::Paragraph(t) => {
            docx.add_paragraph(para(AlignmentType::Both, 60, 60).add_run(run(t, 26)))
        }
        Block::Note(t) => {
            docx.add_paragraph(para(AlignmentType::Both, 60, 0).add_run(run(t, 24).italic()))
        }
        Block::Total(t) => {
            docx.add_paragraph(para(AlignmentType::Left, 120, 0).add_run(run(t, 26).bold()))
        }
        Block::Table(t) => docx.add_table(table(t, landscape)),
    }
}

fn align(a: Align) -> AlignmentType {
    match a {
        Align::Left => AlignmentType::Left,
        Align::Centre => AlignmentType::Center,
    }
}

/// Column widths in twips, in proportion to their weights, filling `width`.
fn widths(t: &DocTable, width: usize) -> Vec<usize> {
    let total: u32 = t.columns.iter().map(|c| c.weight.max(1)).sum();
    let mut w: Vec<usize> = t
        .columns
        .iter()
        .map(|c| width * c.weight.max(1) as usize / total as usize)
        .collect();
    let used: usize = w.iter().sum();
    if let Some(last) = w.last_mut() {
        *last += width - used;
    }
    w
}

fn table(t: &DocTable, landscape: bool) -> Table {
    let width = text_width(landscape);
    let w = widths(t, width);
    // Wide lists print smaller so a criterion's name keeps to a few lines.
    let size = if t.columns.len() > 8 { 20 } else { 24 };
    let header = TableRow::new(
        t.columns
            .iter()
            .zip(&w)
            .map(|(c, &cw)| {
                cell(
                    cw,
                    vec![para(AlignmentType::Center, 40, 40).add_run(run(&c.header, size).bold())],
                )
                .vertical_align(VAlignType::Center)
            })
            .collect(),
    )
    .cant_split()
    .row_height(HEADER_ROW_HEIGHT);
    let rows = t.rows.iter().map(|r| {
        TableRow::new(
            t.columns
                .iter()
                .zip(&w)
                .zip(r)
                .map(|((c, &cw), text)| {
                    cell(
                        cw,
                        vec![para(align(c.align), 30, 30).add_run(run(text, size))],
                    )
                    .vertical_align(VAlignType::Center)
                })
                .collect(),
        )
        .cant_split()
    });
    Table::new(std::iter::once(header).chain(rows).collect())
        .set_grid(w)
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

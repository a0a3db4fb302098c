//! Writes a [`Document`] as .docx with `docx-rs`: Times New Roman, A4, the
//! margins of Nghị định 30 (top/bottom 20 mm, left 30 mm, right 20 mm), the
//! head in two borderless columns, bordered tables whose header row repeats
//! on every page, and the signature block. docx-rs has no "repeat header
//! row" switch, so `repeat_headers` adds `<w:tblHeader/>` to the built XML.

mod blocks;

use std::io::Cursor;

use anyhow::{Context, Result};
use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, LineSpacingType, PageMargin, PageOrientationType,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    SectionProperty, Table, TableCell, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::model::{Document, Head, Part, Signature};
use super::words::{BLANK, date_in_words, or_blank};

pub const FONT: &str = "Times New Roman";
/// A4 in twentieths of a point.
const A4: (u32, u32) = (11906, 16838);
/// 20 mm, 30 mm and 20 mm in twips.
const MARGIN_TB: i32 = 1134;
const MARGIN_LEFT: i32 = 1701;
const MARGIN_RIGHT: i32 = 1134;
/// 5 mm.
const HEAD_OUTSET: usize = 283;

/// The width text may take on a page, in twips.
pub fn text_width(landscape: bool) -> usize {
    let page = if landscape { A4.1 } else { A4.0 };
    page as usize - (MARGIN_LEFT + MARGIN_RIGHT) as usize
}

/// Text in a run: Times New Roman at `half_points`.
pub fn run(text: &str, half_points: usize) -> Run {
    Run::new().add_text(text).size(half_points).fonts(
        RunFonts::new()
            .ascii(FONT)
            .hi_ansi(FONT)
            .cs(FONT)
            .east_asia(FONT),
    )
}

/// A paragraph with the given spacing before and after (twips), single lines.
pub fn para(align: AlignmentType, before: u32, after: u32) -> Paragraph {
    Paragraph::new().align(align).line_spacing(
        LineSpacing::new()
            .before(before)
            .after(after)
            .line(240)
            .line_rule(LineSpacingType::Auto),
    )
}

/// A cell of `width` twips holding `paragraphs`.
pub fn cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Top)
}

fn page(landscape: bool) -> (u32, u32, PageOrientationType) {
    if landscape {
        (A4.1, A4.0, PageOrientationType::Landscape)
    } else {
        (A4.0, A4.1, PageOrientationType::Portrait)
    }
}

fn margins() -> PageMargin {
    PageMargin::new()
        .top(MARGIN_TB)
        .bottom(MARGIN_TB)
        .left(MARGIN_LEFT)
        .right(MARGIN_RIGHT)
        .header(720)
        .footer(720)
}

/// The .docx bytes of `doc`.
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let mut docx = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .cs(FONT)
                .east_asia(FONT),
        )
        .default_size(26);
    let last = doc.parts.len().saturating_sub(1);
    for (i, part) in doc.parts.iter().enumerate() {
        docx = part_into(docx, &doc.head, part);
        if i < last {
            // The section of this part ends here; the next starts a new page.
            let (w, h, o) = page(part.landscape);
            let sect = SectionProperty::new()
                .page_size(docx_rs::PageSize::new().size(w, h).orient(o))
                .page_margin(margins());
            docx = docx.add_paragraph(para(AlignmentType::Left, 0, 0).section_property(sect));
        }
    }
    let landscape = doc.parts.last().is_some_and(|p| p.landscape);
    let (w, h, o) = page(landscape);
    docx = docx.page_size(w, h).page_orient(o).page_margin(margins());
    let mut xml = docx.build();
    xml.document = repeat_headers(&String::from_utf8_lossy(&xml.document)).into_bytes();
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).context("writing the .docx package")?;
    Ok(out.into_inner())
}

fn part_into(mut docx: Docx, head: &Head, part: &Part) -> Docx {
    let width = text_width(part.landscape);
    docx = docx.add_table(head_table(head, width));
    for (i, line) in part.title.iter().enumerate() {
        docx = docx.add_paragraph(
            para(AlignmentType::Center, if i == 0 { 360 } else { 0 }, 0)
                .keep_next(true)
                .add_run(run(line, 28).bold()),
        );
    }
    if let Some(a) = &part.attachment {
        docx = docx.add_paragraph(
            para(AlignmentType::Center, 0, 0)
                .keep_next(true)
                .add_run(run(a, 26).italic()),
        );
    }
    docx = docx.add_paragraph(rule(width, 1800));
    for b in &part.blocks {
        docx = blocks::block_into(docx, b, part.landscape);
    }
    docx.add_table(signature_table(&part.signature, width))
}

/// A horizontal rule `len` twips long, centred in a cell `width` wide.
fn rule(width: usize, len: usize) -> Paragraph {
    let side = width.saturating_sub(len) as i32 / 2;
    let mut p = para(AlignmentType::Center, 0, 0)
        .indent(Some(side), None, Some(side), None)
        .add_run(run("", 4));
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(docx_rs::BorderType::Single)
                .size(6)
                .space(1),
        ),
    );
    p
}

/// The head: parent body, issuer (bold), rule, "Số: …" on the left; quốc
/// hiệu, tiêu ngữ (underlined, as long as its line) and place and date in
/// words (italic) on the right.
fn head_table(head: &Head, text: usize) -> Table {
    // The two names rarely fit in the text width: the head reaches 5 mm into
    // each margin, as the office templates do.
    let width = text + 2 * HEAD_OUTSET;
    let left = width * 42 / 100;
    let right = width - left;
    let upper = |s: &Option<String>| or_blank(s.as_deref()).to_uppercase();
    let bodies = vec![
        para(AlignmentType::Center, 0, 0).add_run(run(&upper(&head.parent), 26)),
        para(AlignmentType::Center, 0, 0).add_run(run(&upper(&head.issuer), 26).bold()),
        rule(left - 216, 1300),
    ];
    let nation = vec![
        para(AlignmentType::Center, 0, 0)
            .add_run(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 24).bold()),
        para(AlignmentType::Center, 0, 0).add_run(
            run("Độc lập - Tự do - Hạnh phúc", 26)
                .bold()
                .underline("single"),
        ),
    ];
    let number = vec![para(AlignmentType::Center, 120, 0).add_run(run(
        &format!("Số: {}", or_blank(head.number.as_deref())),
        26,
    ))];
    let date = vec![
        para(AlignmentType::Center, 120, 0).add_run(
            run(
                &format!(
                    "{}, {}",
                    or_blank(head.place.as_deref()),
                    date_in_words(head.date)
                ),
                26,
            )
            .italic(),
        ),
    ];
    Table::without_borders(vec![
        TableRow::new(vec![cell(left, bodies), cell(right, nation)]),
        TableRow::new(vec![cell(left, number), cell(right, date)]),
    ])
    .set_grid(vec![left, right])
    .width(width, WidthType::Dxa)
    .indent(-(HEAD_OUTSET as i32))
    .layout(TableLayoutType::Fixed)
}

/// "Nơi nhận:" on the left; the signer's title, room to sign, the name.
fn signature_table(s: &Signature, width: usize) -> Table {
    let left = width * 45 / 100;
    let right = width - left;
    let mut recipients =
        vec![para(AlignmentType::Left, 240, 0).add_run(run("Nơi nhận:", 24).bold().italic())];
    let lines: Vec<String> = if s.recipients.is_empty() {
        vec![BLANK.to_string()]
    } else {
        s.recipients.clone()
    };
    recipients.extend(
        lines
            .iter()
            .map(|r| para(AlignmentType::Left, 0, 0).add_run(run(&format!("- {r}"), 22))),
    );
    let titles: Vec<String> = if s.title.is_empty() {
        vec![BLANK.to_string()]
    } else {
        s.title.clone()
    };
    let mut signer: Vec<Paragraph> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            para(AlignmentType::Center, if i == 0 { 240 } else { 0 }, 0)
                .keep_next(true)
                .add_run(run(&t.to_uppercase(), 28).bold())
        })
        .collect();
    signer.push(
        para(AlignmentType::Center, 0, 0).keep_next(true).add_run(
            run("", 28)
                .add_break(BreakType::TextWrapping)
                .add_break(BreakType::TextWrapping)
                .add_break(BreakType::TextWrapping)
                .add_break(BreakType::TextWrapping),
        ),
    );
    signer.push(
        para(AlignmentType::Center, 0, 0).add_run(run(&or_blank(s.name.as_deref()), 28).bold()),
    );
    Table::without_borders(vec![
        TableRow::new(vec![cell(left, recipients), cell(right, signer)]).cant_split(),
    ])
    .set_grid(vec![left, right])
    .width(width, WidthType::Dxa)
    .layout(TableLayoutType::Fixed)
}

/// Marks the first row of every bordered list table as a header row that
/// Word and LibreOffice repeat at the top of each page: the rows `blocks`
/// builds for a list start with the `cantSplit` + exact-height pair that
/// only a header row has (the head and signature tables carry neither).
pub fn repeat_headers(xml: &str) -> String {
    xml.replace(
        blocks::HEADER_ROW_MARK,
        &format!("{}<w:tblHeader />", blocks::HEADER_ROW_MARK),
    )
}

//! A generic official document (Nghị định 30/2020/NĐ-CP layout) as plain
//! data: the head, then parts (one per list or report, each on new pages),
//! each with its title, blocks and signature. Adapters fill it from the
//! reports; `render` writes it as .docx. Absent fields are `None` ("…").

use chrono::NaiveDate;

/// The head every part repeats: bodies, number, place and date.
#[derive(Debug, Clone, Default)]
pub struct Head {
    /// Cơ quan chủ quản (upright, upper case).
    pub parent: Option<String>,
    /// Cơ quan ban hành (bold, upper case, the rule under it).
    pub issuer: Option<String>,
    /// Số, ký hiệu ("12/DS-UBND").
    pub number: Option<String>,
    pub place: Option<String>,
    pub date: Option<NaiveDate>,
}

/// How a column's cells are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    /// Relative width; the table fills the text width.
    pub weight: u32,
    pub align: Align,
}

/// A bordered table whose header row repeats on every page.
#[derive(Debug, Clone)]
pub struct DocTable {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone)]
pub enum Block {
    /// "I. TẬP THỂ": bold, kept with what follows.
    Heading(String),
    Paragraph(String),
    /// An italic remark (ties, notes).
    Note(String),
    Table(DocTable),
    /// "Tổng cộng: 2 tập thể, 2 cá nhân." (bold).
    Total(String),
}

/// Who signs: title lines ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), then the name;
/// "Nơi nhận:" on the left.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    pub title: Vec<String>,
    pub name: Option<String>,
    pub recipients: Vec<String>,
}

/// One part: starts on a new page with the head.
#[derive(Debug, Clone)]
pub struct Part {
    /// Bold, centred lines: "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", the award.
    pub title: Vec<String>,
    /// "(Kèm theo Tờ trình số …)" under the title, italic.
    pub attachment: Option<String>,
    pub blocks: Vec<Block>,
    pub signature: Signature,
    /// Wide tables: the part is printed on landscape pages.
    pub landscape: bool,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub head: Head,
    pub parts: Vec<Part>,
}

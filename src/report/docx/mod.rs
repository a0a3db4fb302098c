//! The .docx output: papers a secretary prints and the chairman signs, in
//! the layout of Nghị định 30/2020/NĐ-CP (SPEC 9). A generic document model
//! (`model`), one renderer (`render`, on the `docx-rs` crate), the `--doc`
//! fields (`fields`), and adapters from the `nominate`, `rank` and `score`
//! reports. One function per report: report value + fields → bytes.

pub mod fields;
mod model;
mod nominate;
mod render;
mod units;
mod words;

use anyhow::Result;

pub use fields::DocFields;
pub use words::num as vi_num;

use crate::ranking::GroupRanking;
use crate::report::nominate::NominationView;
use crate::report::units::{UnitColumns, View};
use model::{Block, Document, Head, Part, Signature};
use words::{or_blank, short_date};

fn head(f: &DocFields) -> Head {
    Head {
        parent: f.parent.clone(),
        issuer: f.issuer.clone(),
        number: f.number.clone(),
        place: f.place.clone(),
        date: f.date,
    }
}

/// "(Kèm theo Tờ trình số …/TTr-UBND ngày 04/12/2023 của UBND huyện …)".
fn attachment(f: &DocFields) -> String {
    let s = &f.submission;
    format!(
        "(Kèm theo Tờ trình số {} ngày {} của {})",
        or_blank(s.number.as_deref()),
        short_date(s.date),
        or_blank(s.by.as_deref())
    )
}

fn signature(f: &DocFields) -> Signature {
    Signature {
        title: f.signer_title.clone(),
        name: f.signer_name.clone(),
        recipients: f.recipients.clone(),
    }
}

/// `nominate`: per tier shown, the Danh sách đề nghị khen thưởng.
pub fn nominate(view: &NominationView, fields: &DocFields, stamp: Option<&str>) -> Result<Vec<u8>> {
    render::render(&Document {
        head: head(fields),
        parts: stamped(nominate::parts(view, fields), stamp),
    })
}

/// "Mã kiểm tra: …" under each part, so every printed list carries it.
fn stamped(mut parts: Vec<Part>, stamp: Option<&str>) -> Vec<Part> {
    if let Some(s) = stamp {
        for p in &mut parts {
            p.blocks.push(Block::Note(s.to_string()));
        }
    }
    parts
}

/// `rank`: the ranking per group (with the quota line under `tier`).
pub fn rank(
    view: &View,
    groups: &[GroupRanking],
    tier: Option<usize>,
    extras: &[&dyn UnitColumns],
    fields: &DocFields,
    stamp: Option<&str>,
) -> Result<Vec<u8>> {
    let title = view
        .lang
        .pick("BẢNG XẾP HẠNG KẾT QUẢ THI ĐUA", "CAMPAIGN RANKING");
    render::render(&Document {
        head: head(fields),
        parts: stamped(
            vec![units::part(view, groups, tier, extras, title, fields)],
            stamp,
        ),
    })
}

/// `score`: every unit's points per group, ranked within its group.
pub fn score(
    view: &View,
    extras: &[&dyn UnitColumns],
    fields: &DocFields,
    stamp: Option<&str>,
) -> Result<Vec<u8>> {
    let groups = crate::ranking::rank(view.campaign, view.scores, None);
    let title = view
        .lang
        .pick("BẢNG TỔNG HỢP ĐIỂM THI ĐUA", "CAMPAIGN SCORES");
    render::render(&Document {
        head: head(fields),
        parts: stamped(
            vec![units::part(view, &groups, None, extras, title, fields)],
            stamp,
        ),
    })
}

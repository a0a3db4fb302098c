//! `--doc DOC.yaml`: the fields of the paper that no data file knows (issuing
//! body, number, place, date, signer, the Tờ trình it goes with, recipients).
//! A pure loader: every field may be absent (the paper then shows "…"), but
//! an unknown key or a date that is not one is an error at its line.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::i18n::messages::Msg;
use crate::problem::{Problems, ProblemsError};
use crate::yaml::{self, At, Shape};

/// The document fields, checked; `None` prints as "…".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocFields {
    /// Cơ quan chủ quản, e.g. "UBND TỈNH NINH THUẬN".
    pub parent: Option<String>,
    /// Cơ quan ban hành, e.g. "UBND HUYỆN NINH PHƯỚC".
    pub issuer: Option<String>,
    /// Số, ký hiệu, e.g. "…/DS-UBND".
    pub number: Option<String>,
    pub place: Option<String>,
    pub date: Option<NaiveDate>,
    /// "CHỦ TỊCH", or "KT. CHỦ TỊCH" then "PHÓ CHỦ TỊCH".
    pub signer_title: Vec<String>,
    pub signer_name: Option<String>,
    /// The Tờ trình the list goes with.
    pub submission: Submission,
    /// "Nơi nhận:" lines.
    pub recipients: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Submission {
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    /// "của …": who submits it.
    pub by: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    parent: Option<String>,
    issuer: Option<String>,
    number: Option<String>,
    place: Option<String>,
    date: Option<At<String>>,
    signer_title: Option<Lines>,
    signer_name: Option<String>,
    submission: Option<RawSubmission>,
    #[serde(default)]
    recipients: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSubmission {
    number: Option<String>,
    date: Option<At<String>>,
    by: Option<String>,
}

/// One line or several.
#[derive(Deserialize)]
#[serde(untagged)]
enum Lines {
    One(String),
    Many(Vec<String>),
}

impl DocFields {
    /// Reads `src` (the text of `file`); every problem at once.
    pub fn from_yaml(src: &str, file: &str) -> Result<DocFields, ProblemsError> {
        let mut problems = Problems::new();
        let raw: Raw = match yaml::parse(src, file, &SHAPE) {
            Ok(r) => r,
            Err(p) => {
                problems.push(p);
                return Err(ProblemsError(problems));
            }
        };
        let mut date = |value: Option<At<String>>, path: &str| {
            let v = value?;
            parse_date(&v.value).or_else(|| {
                let m = crate::msg!(DocFieldNotDate, path, v.value);
                problems.push(v.at.problem(file, m));
                None
            })
        };
        let doc_date = date(raw.date, "date");
        let sub = raw.submission.unwrap_or(RawSubmission {
            number: None,
            date: None,
            by: None,
        });
        let sub_date = date(sub.date, "submission.date");
        problems.finish()?;
        let text = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Ok(DocFields {
            parent: text(raw.parent),
            issuer: text(raw.issuer),
            number: text(raw.number),
            place: text(raw.place),
            date: doc_date,
            signer_title: match raw.signer_title {
                None => Vec::new(),
                Some(Lines::One(s)) => s.lines().map(|l| l.trim().to_string()).collect(),
                Some(Lines::Many(v)) => v,
            }
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect(),
            signer_name: text(raw.signer_name),
            submission: Submission {
                number: text(sub.number),
                date: sub_date,
                by: text(sub.by),
            },
            recipients: raw.recipients,
        })
    }
}

/// YYYY-MM-DD or dd/mm/yyyy (as `import` and `--today` read them).
fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

/// How errors name a `--doc` file and say how to write one.
const SHAPE: Shape = Shape {
    lead: Some(Msg::YamlNotDocFields),
    hint: Some(Msg::HintDocFields),
    items: &[],
};

#[cfg(test)]
mod tests;

//! `--doc DOC.yaml`: the fields of the paper that no data file knows (issuing
//! body, number, place, date, signer, the Tờ trình it goes with, recipients).
//! A pure loader: every field may be absent (the paper then shows "…"), but
//! an unknown key or a date that is not one is an error at its line.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::i18n::messages::Msg;
use crate::problem::{Problem, Problems, ProblemsError};

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
    date: Option<String>,
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
    date: Option<String>,
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
        let raw: Raw = if src.trim().is_empty() {
            serde_yaml::from_str("{}").expect("an empty mapping")
        } else {
            match serde_yaml::from_str(src) {
                Ok(r) => r,
                Err(e) => {
                    let what = Msg::YamlNotDocFields.s();
                    let mut p = crate::i18n::yaml::problem(&e, src, file);
                    p.message = format!("{what}: {}", p.message);
                    problems.push(p.with_hint(Msg::HintDocFields.s()));
                    return Err(ProblemsError(problems));
                }
            }
        };
        let mut date = |value: Option<String>, path: &[&str]| {
            let v = value?;
            parse_date(&v).or_else(|| {
                let (line, column) = locate(src, path).unwrap_or((1, 1));
                problems.push(Problem::cell(
                    file,
                    line,
                    column,
                    crate::msg!(DocFieldNotDate, path.join("."), v),
                ));
                None
            })
        };
        let doc_date = date(raw.date, &["date"]);
        let sub = raw.submission.unwrap_or(RawSubmission {
            number: None,
            date: None,
            by: None,
        });
        let sub_date = date(sub.date, &["submission", "date"]);
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

/// Line and column (1-based) of the value of a key, nested keys by deeper
/// indentation: `["submission", "date"]`.
fn locate(src: &str, path: &[&str]) -> Option<(u64, usize)> {
    let mut depth = 0;
    let mut indent = 0;
    for (i, line) in src.lines().enumerate() {
        let t = line.trim_start();
        let at = line.len() - t.len();
        if depth > 0 && at <= indent && !t.is_empty() && !t.starts_with('#') {
            return None; // left the parent mapping without finding the key
        }
        let Some(rest) = t
            .strip_prefix(path[depth])
            .and_then(|r| r.strip_prefix(':'))
        else {
            continue;
        };
        if depth + 1 == path.len() {
            let value = rest.len() - rest.trim_start().len();
            let col = line[..line.len() - rest.len() + value].chars().count() + 1;
            return Some((i as u64 + 1, col));
        }
        depth += 1;
        indent = at;
    }
    None
}

#[cfg(test)]
mod tests;

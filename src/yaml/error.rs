//! The parser's errors as problems in the catalogue's words: each kind of
//! error (a key unknown or missing, a value of the wrong kind, a limit
//! reached) has its message; only the parser's own syntax errors keep its
//! text, after a Vietnamese lead-in. Where a value was refused, the document
//! is read again as a plain tree to say which entry and key it belongs to.

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{Error, ExternalMessageSource};

use super::node::{Trail, trail};
use super::{At, MAX_DEPTH, Node, Pos, Shape, options};
use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::msg;
use crate::problem::Problem;

pub(super) fn problem(e: &Error, src: &str, file: &str, shape: &Shape) -> Problem {
    let (at, detail) = explain(e.without_snippet(), src, shape);
    let message = match shape.lead {
        Some(lead) => Text::from(lead) + ": " + detail,
        None => detail,
    };
    let p = match at {
        Some(at) => at.problem(file, message),
        None => Problem::file(file, message),
    };
    match shape.hint {
        Some(h) => p.with_hint(h),
        None => p,
    }
}

/// Where the error is and what is wrong, in the domain's words.
fn explain(e: &Error, src: &str, shape: &Shape) -> (Option<Pos>, Text) {
    let at = e.location().map(Pos::of).filter(|p| p.line > 0);
    let of_a_value = matches!(
        e,
        Error::SerdeUnknownField { .. }
            | Error::SerdeMissingField { .. }
            | Error::DuplicateMappingKey { .. }
            | Error::SerdeUnknownVariant { .. }
            | Error::InvalidScalar { .. }
            | Error::InvalidBooleanStrict { .. }
            | Error::NullIntoString { .. }
            | Error::Unexpected { .. }
            | Error::SerdeInvalidType { .. }
            | Error::SerdeInvalidValue { .. }
    );
    let Some(at) = at.filter(|_| of_a_value) else {
        return (at, describe_alone(e));
    };
    // Read again as a plain tree, repeated keys kept (to say where a key
    // was first); a document that is not YAML at all says so instead.
    let mut o = options();
    o.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    match serde_saphyr::from_str_with_options::<At<Node>>(src, o) {
        Ok(root) => describe(e, &trail(&root, at, shape.items), at),
        Err(syntax) => {
            let syntax = syntax.without_snippet();
            let at = syntax.location().map(Pos::of).filter(|p| p.line > 0);
            (at, describe_alone(syntax))
        }
    }
}

/// What is wrong with a value, said from where it sits in the document.
fn describe(e: &Error, t: &Trail, at: Pos) -> (Option<Pos>, Text) {
    let subject = t.keys.last().copied().filter(|_| !t.in_item && !t.on_key);
    let found = || t.found.map_or_else(|| Text::raw("…"), Node::said);
    let wrong = |kind: Kind| {
        let kind = kind.said(subject.unwrap_or("points"));
        let m = match subject {
            Some(key) => msg!(YamlWrongType, key, kind, found()),
            None => msg!(YamlWrongTypeHere, kind, found()),
        };
        lead(t, subject.is_some()) + m
    };
    let text = match e {
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            let m = if expected.is_empty() {
                msg!(YamlUnknownKeyBare, field)
            } else {
                msg!(YamlUnknownKey, field, expected.join(", "))
            };
            lead(t, t.on_key) + m
        }
        Error::SerdeMissingField { field, .. } => {
            // At the start of the mapping that lacks it.
            let start = t.map.and_then(|m| m.first()).map(|(k, _)| k.at);
            let m = lead(t, !t.in_item && !t.at_start) + msg!(YamlMissingKey, field);
            return (Some(start.unwrap_or(at)), m);
        }
        Error::DuplicateMappingKey { key, .. } => {
            let key = key.as_deref().unwrap_or("…");
            let first = t.map.and_then(|m| m.iter().find(|(k, _)| k.value == key));
            let line = first.map_or(at.line, |(k, _)| k.at.line);
            lead(t, t.on_key) + msg!(YamlDuplicateKey, key, line)
        }
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => lead(t, t.on_key) + msg!(YamlUnknownValue, variant, expected.join(", ")),
        Error::InvalidScalar { ty, .. } => wrong(Kind::of(ty)),
        Error::InvalidBooleanStrict { .. } => wrong(Kind::Bool),
        Error::NullIntoString { .. } => wrong(Kind::Text),
        Error::Unexpected { expected, .. } => wrong(Kind::of(expected)),
        Error::SerdeInvalidType { expected, .. } | Error::SerdeInvalidValue { expected, .. } => {
            wrong(Kind::of(expected))
        }
        _ => describe_alone(e),
    };
    (Some(at), text)
}

/// Said before a message: the named entry and the first key below it that
/// is not the message's own subject ("tiêu chí `a`: scoring: ").
fn lead(t: &Trail, last_is_subject: bool) -> Text {
    let start = t.entry.as_ref().map_or(0, |(_, n)| *n);
    let mut below = t.keys.get(start..).unwrap_or(&[]);
    if last_is_subject {
        below = &below[..below.len().saturating_sub(1)];
    }
    let entry = t.entry.iter().map(|(what, _)| what.clone());
    let key = below.first().map(|k| Text::raw(*k));
    Text::seq(entry.chain(key).map(|p| p + ": "))
}

/// Errors that need no tree: limits, anchors, the parser's syntax.
fn describe_alone(e: &Error) -> Text {
    match e {
        Error::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } => msg!(YamlTooDeep, MAX_DEPTH),
            BudgetBreach::Aliases { .. }
            | BudgetBreach::Anchors { .. }
            | BudgetBreach::AliasAnchorRatio { .. }
            | BudgetBreach::RecordedAnchorEvents { .. }
            | BudgetBreach::RecordedAnchorBytes { .. } => Msg::YamlAnchor.into(),
            _ => Msg::YamlTooBig.into(),
        },
        Error::UnknownAnchor { .. }
        | Error::AliasError { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => Msg::YamlAnchor.into(),
        Error::ExternalMessage { source, msg, .. } => match &**source {
            ExternalMessageSource::Parser(scan)
                if *scan.kind() == ErrorKind::RecursionLimitExceeded =>
            {
                msg!(YamlTooDeep, MAX_DEPTH)
            }
            _ => msg!(YamlSyntax, msg),
        },
        Error::Message { msg, .. } => msg!(YamlSyntax, msg),
        other => {
            // The parser's own words, without the position it appends
            // (the problem says it first).
            let text = other.to_string();
            let text = text
                .rsplit_once(" at line ")
                .map_or(text.as_str(), |(t, _)| t);
            msg!(YamlSyntax, text)
        }
    }
}

/// The kinds of value a key may want.
#[derive(Clone, Copy)]
enum Kind {
    Number,
    Integer,
    Text,
    Bool,
    List,
    Map,
    Char,
    Scalar,
    Value,
}

impl Kind {
    /// The kind named by the parser's or serde's word for it (`f64`,
    /// `sequence start`, `a string`…).
    fn of(word: &str) -> Kind {
        let has = |ws: &[&str]| ws.iter().any(|w| word.contains(w));
        if has(&["f64", "f32", "float"]) {
            Kind::Number
        } else if has(&[
            "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "integer",
        ]) {
            Kind::Integer
        } else if has(&["bool"]) {
            Kind::Bool
        } else if has(&["char"]) {
            Kind::Char
        } else if has(&["sequence", "seq"]) {
            Kind::List
        } else if has(&["map", "struct"]) {
            Kind::Map
        } else if has(&["scalar"]) {
            // The parser wanted one value where a list or a map is.
            Kind::Scalar
        } else if has(&["str"]) {
            Kind::Text
        } else {
            Kind::Value
        }
    }

    fn said(self, key: &str) -> Text {
        match self {
            Kind::Number => msg!(KindNumber, key),
            Kind::Integer => Msg::KindInteger.into(),
            Kind::Text => Msg::KindText.into(),
            Kind::Bool => Msg::KindBool.into(),
            Kind::List => Msg::KindList.into(),
            Kind::Map => Msg::KindMap.into(),
            Kind::Char => Msg::KindChar.into(),
            Kind::Scalar => Msg::KindScalar.into(),
            Kind::Value => Msg::KindValue.into(),
        }
    }
}

//! A YAML document as a plain tree, every key and value with its position:
//! for the few values that may be of several shapes (a tie-break entry is a
//! criterion id or a rule; a quota is `4` or `"10%"`), and to say, when a
//! file is refused, which entry and key the refused value belongs to.

use std::fmt;

use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{At, Pos};
use crate::i18n::Text;
use crate::i18n::messages::Msg;

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    List(Vec<At<Node>>),
    Map(Vec<(At<String>, At<Node>)>),
}

impl Node {
    /// The text of a string scalar.
    pub fn text(&self) -> Option<&str> {
        match self {
            Node::Text(s) => Some(s),
            _ => None,
        }
    }

    /// What this is, as people say it, with a short value: "một số 5".
    pub fn said(&self) -> Text {
        let short = |s: &str| {
            let s: String = s.chars().take(40).collect();
            format!("\"{s}\"")
        };
        let kind = |k: Msg, v: String| Text::from(k) + Text::raw(format!(" {v}"));
        match self {
            Node::Null => Msg::KindNothing.into(),
            Node::Bool(b) => Text::raw(format!("`{b}`")),
            Node::Int(i) => kind(Msg::KindNumberBare, i.to_string()),
            Node::Float(x) => kind(Msg::KindNumberBare, x.to_string()),
            Node::Text(s) => kind(Msg::KindText, short(s)),
            Node::List(_) => Msg::KindList.into(),
            Node::Map(_) => Msg::KindMap.into(),
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Node;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a YAML value")
            }
            fn visit_unit<E>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_none<E>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
                Node::deserialize(d)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Node, E> {
                Ok(Node::Bool(b))
            }
            fn visit_i64<E>(self, i: i64) -> Result<Node, E> {
                Ok(Node::Int(i))
            }
            fn visit_u64<E>(self, u: u64) -> Result<Node, E> {
                Ok(i64::try_from(u).map_or(Node::Float(u as f64), Node::Int))
            }
            fn visit_f64<E>(self, x: f64) -> Result<Node, E> {
                Ok(Node::Float(x))
            }
            fn visit_str<E>(self, s: &str) -> Result<Node, E> {
                Ok(Node::Text(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<Node, E> {
                Ok(Node::Text(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut out = Vec::new();
                while let Some(x) = seq.next_element()? {
                    out.push(x);
                }
                Ok(Node::List(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Node::Map(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// Where a position sits in a document: the keys from the top down to it,
/// the entry of a named list it is in, and the value that starts there.
#[derive(Debug, Default)]
pub(super) struct Trail<'a> {
    pub keys: Vec<&'a str>,
    /// "tiêu chí `tien_do`", and how many keys lead to that entry.
    pub entry: Option<(Text, usize)>,
    /// The value that starts exactly at the position.
    pub found: Option<&'a Node>,
    /// Whether the position is on a key rather than in its value.
    pub on_key: bool,
    /// Whether the last step down was into a list's item.
    pub in_item: bool,
    /// The mapping the last key is in, or that starts at the position.
    pub map: Option<&'a [(At<String>, At<Node>)]>,
    /// Whether the position is the start of a list or mapping (the error
    /// is about it as a whole, not about its first key).
    pub at_start: bool,
}

/// The trail from the top of `root` down to `at`.
pub(super) fn trail<'a>(root: &'a At<Node>, at: Pos, items: &[(&str, Msg)]) -> Trail<'a> {
    let mut t = Trail::default();
    let mut node = root;
    loop {
        if node.at == at {
            t.found = Some(&node.value);
            t.at_start = true;
            if let Node::Map(entries) = &node.value {
                t.map = Some(entries);
            }
            break;
        }
        match &node.value {
            Node::Map(entries) => {
                let Some((k, v)) = entries.iter().rev().find(|(k, _)| k.at <= at) else {
                    break;
                };
                t.keys.push(&k.value);
                t.in_item = false;
                t.map = Some(entries);
                if v.at > at {
                    t.on_key = true;
                    break;
                }
                node = v;
            }
            Node::List(list) => {
                let Some(item) = list.iter().rev().find(|i| i.at <= at) else {
                    break;
                };
                if let ([section], None) = (t.keys.as_slice(), &t.entry) {
                    let named = items.iter().find(|(s, _)| s == section);
                    if let (Some((_, what)), Some(id)) = (named, id_of(&item.value)) {
                        t.entry = Some((Text::msg(*what, vec![Text::raw(id)]), 1));
                    }
                }
                t.in_item = true;
                node = item;
            }
            _ => break,
        }
    }
    t
}

/// The `id:` of a mapping entry, as written.
fn id_of(node: &Node) -> Option<String> {
    let Node::Map(entries) = node else {
        return None;
    };
    let (_, v) = entries.iter().find(|(k, _)| k.value == "id")?;
    match &v.value {
        Node::Text(s) => Some(s.clone()),
        Node::Int(i) => Some(i.to_string()),
        Node::Float(x) => Some(x.to_string()),
        _ => None,
    }
}

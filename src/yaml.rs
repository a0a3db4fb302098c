//! Every YAML file the tool reads — a campaign, a `--weights` overlay, the
//! council's decisions, holidays, a checklist's state, `--mapping`, `--doc`
//! and the built-in tables — goes through [`parse`]: one parser
//! (serde-saphyr) with one set of limits, so that no file can make it spend
//! more than linear time or unbounded memory. Anchors and aliases are refused
//! outright (a 1 MB file could otherwise expand to gigabytes), nesting stops
//! at [`MAX_DEPTH`], and every error is a [`Problem`] at file:line:column, said
//! in the catalogue's words.
//!
//! Positions come from the parser, never from searching the text: [`At`]
//! keeps where a value was written, [`Keyed`] where each key of a mapping
//! was. A [`Pos`] serializes as nothing, so a canonical serialization of what
//! was read leaves out where it was written by construction.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::messages::Msg;
use crate::problem::Problem;

mod error;
mod node;

pub use node::Node;

/// Deeper nesting than this is refused: real files never pass 8 levels.
pub const MAX_DEPTH: usize = 32;
/// Values (scalars, lists, maps) in one file: far above any real plan (a
/// campaign of 100,000 deadlines has 800,000), and a bound on the work.
const MAX_NODES: usize = 1_000_000;

/// What a file is, for the words of its errors.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Said before the detail: "không phải tệp quyết định của hội đồng: …".
    pub lead: Option<Msg>,
    /// How to write the file, added to every error about it.
    pub hint: Option<Msg>,
    /// Top-level lists whose entries messages name by their `id`, with the
    /// message naming one: `("criteria", Msg::CriterionCtx)`.
    pub items: &'static [(&'static str, Msg)],
}

impl Shape {
    /// No lead, no hint, no named entries.
    pub const PLAIN: Shape = Shape {
        lead: None,
        hint: None,
        items: &[],
    };
}

/// Reads `src` (the text of `file`) as a `T`, within the limits.
pub fn parse<T: DeserializeOwned>(src: &str, file: &str, shape: &Shape) -> Result<T, Problem> {
    serde_saphyr::from_str_with_options(src, options())
        .map_err(|e| error::problem(&e, src, file, shape))
}

/// The one set of options: no anchors or aliases, bounded depth and size,
/// `true`/`false` only as booleans, a repeated key an error.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_anchors = 0;
    budget.max_aliases = 0;
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_events = 2 * MAX_NODES;
    let mut o = serde_saphyr::Options::default();
    o.budget = Some(budget);
    o.with_snippet = false;
    o.strict_booleans = true;
    o.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    o
}

/// Where something was written: 1-based line and column (in characters).
/// Never part of what a file means: it serializes as nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub fn line(self) -> u64 {
        u64::from(self.line)
    }

    pub fn column(self) -> usize {
        self.column as usize
    }

    /// A problem at this position of `file`.
    pub fn problem(self, file: &str, message: impl Into<crate::i18n::Text>) -> Problem {
        Problem::cell(file, self.line(), self.column(), message)
    }

    fn of(l: serde_saphyr::Location) -> Pos {
        let n = |x: u64| u32::try_from(x).unwrap_or(u32::MAX);
        Pos {
            line: n(l.line()),
            column: n(l.column()),
        }
    }
}

/// The line, as messages that name only a line print it.
impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.line)
    }
}

impl Serialize for Pos {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_unit()
    }
}

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub at: Pos,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        Ok(At {
            value: s.value,
            at: Pos::of(s.referenced),
        })
    }
}

/// A mapping read as a `T` (its own `Deserialize`: unknown keys refused as
/// it says), with where the mapping and each of its keys were written.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyed<T> {
    pub value: T,
    pub keys: Keys,
}

/// Where a mapping and each of its keys were written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keys {
    at: Pos,
    list: Vec<(String, Pos)>,
}

impl Keys {
    /// Where the mapping starts (its first key in block style).
    pub fn at(&self) -> Pos {
        self.at
    }

    /// Where `key` was written, if it was.
    pub fn get(&self, key: &str) -> Option<Pos> {
        self.list.iter().find(|(k, _)| k == key).map(|(_, p)| *p)
    }

    /// Where `key` was written, else where the mapping starts.
    pub fn of(&self, key: &str) -> Pos {
        self.get(key).unwrap_or(self.at)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Keyed<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let At {
            value: Recorded(value, list),
            at,
        } = At::<Recorded<T>>::deserialize(d)?;
        Ok(Keyed {
            value,
            keys: Keys { at, list },
        })
    }
}

/// A `T` read from a mapping whose keys are noted as they pass.
struct Recorded<T>(T, Vec<(String, Pos)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Recorded<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Recorded<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let mut keys = Vec::new();
                let noting = Noting {
                    map,
                    keys: &mut keys,
                };
                let value = T::deserialize(de::value::MapAccessDeserializer::new(noting))?;
                Ok(Recorded(value, keys))
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

/// Hands a mapping's entries on, noting each key and where it was.
struct Noting<'k, A> {
    map: A,
    keys: &'k mut Vec<(String, Pos)>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Noting<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(key) = self.map.next_key::<At<String>>()? else {
            return Ok(None);
        };
        self.keys.push((key.value.clone(), key.at));
        seed.deserialize(key.value.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// A mapping's entries in file order, each key with where it was written
/// (a repeated key is refused by the parser).
#[derive(Debug, Clone, PartialEq)]
pub struct Entries<V>(pub Vec<(At<String>, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct E<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for E<V> {
            type Value = Entries<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(E(PhantomData))
    }
}

#[cfg(test)]
mod tests;

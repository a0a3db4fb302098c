//! Pieces of the JSON contract shared by the typed reports: an ordered map
//! of named members (criteria by id, the members what-if modes add) and the
//! tie at a quota line. Field order is struct order (`preserve_order`).

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::ranking::TieAtLine;

/// Named members in a fixed order, written as a JSON object.
#[derive(Debug, Clone, Default)]
pub struct Members<K, V>(pub Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for Members<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<K, V> FromIterator<(K, V)> for Members<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Members(iter.into_iter().collect())
    }
}

/// `{"units": …, "places": …}`: the units tied for the last place(s).
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Tie {
    pub units: u32,
    pub places: u32,
}

impl From<TieAtLine> for Tie {
    fn from(t: TieAtLine) -> Tie {
        Tie {
            units: t.units,
            places: t.places,
        }
    }
}

/// Pretty JSON with the final newline every command prints.
pub fn to_bytes(value: &impl Serialize) -> anyhow::Result<Vec<u8>> {
    let mut s =
        serde_json::to_string_pretty(value).map_err(|e| anyhow::anyhow!("encoding JSON: {e}"))?;
    s.push('\n');
    Ok(s.into_bytes())
}

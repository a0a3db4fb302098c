//! How many places a quota gives (SPEC 8): a fixed number, or a percent of
//! the group's units (or of its eligible people) rounded down, as plans say
//! "không quá 10%". Several quotas of one tier over one group combine: the
//! strictest wins, and the computation says which, so a council can check
//! "10% × 16 = 1,6 → 1 suất" by hand.

use serde::Serialize;

use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::msg;
use crate::yaml::Node;

/// One rule for a number of places, as written in the campaign.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Places {
    Fixed(u32),
    /// Percent (0..=100] of the units, or people, it counts.
    Percent(f64),
}

impl Places {
    /// Reads `4` or `"10%"` (also `"10 %"`, `"2,5%"`).
    /// The error says what is wanted.
    pub fn parse(v: &Node) -> Result<Places, Text> {
        let expected = Msg::PlacesKind;
        match v {
            Node::Int(k) => match u32::try_from(*k) {
                Ok(k) => Ok(Places::Fixed(k)),
                _ => Err(msg!(PlacesGot, expected, k)),
            },
            Node::Float(x) => Err(msg!(PlacesGot, expected, x)),
            Node::Text(s) => {
                let t = s.trim();
                let Some(p) = t.strip_suffix('%') else {
                    return Err(msg!(PlacesGot, expected, format!("\"{s}\"")));
                };
                match p.trim().replace(',', ".").parse::<f64>() {
                    Ok(x) if x > 0.0 && x <= 100.0 => Ok(Places::Percent(x)),
                    _ => Err(msg!(PlacesPercent, s)),
                }
            }
            _ => Err(expected.into()),
        }
    }

    /// Places this rule gives out of `of` units (or people): a percent is
    /// rounded down ("không quá").
    pub fn count(self, of: u32) -> u32 {
        match self {
            Places::Fixed(k) => k,
            // A hair of tolerance so that 10% × 30 is 3, not 2.9999….
            Places::Percent(p) => ((p * f64::from(of)) / 100.0 + 1e-9).floor() as u32,
        }
    }
}

/// The places a list of rules gives out of `of`, and how each rule counted.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    pub places: u32,
    /// Units (or people) the percents are of.
    pub of: u32,
    /// Each rule with the places it gives, in file order.
    pub rules: Vec<(Places, u32)>,
    /// Index into `rules` of the strictest (the first one, on equal places).
    pub strictest: usize,
}

/// The strictest of `rules` out of `of`; `None` when there is no rule.
pub fn count(rules: &[Places], of: u32) -> Option<Counted> {
    let counted: Vec<(Places, u32)> = rules.iter().map(|r| (*r, r.count(of))).collect();
    let (strictest, places) = counted
        .iter()
        .enumerate()
        .map(|(i, (_, k))| (i, *k))
        .min_by_key(|&(i, k)| (k, i))?;
    Some(Counted {
        places,
        of,
        rules: counted,
        strictest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Node {
        crate::yaml::parse(s, "q.yaml", &crate::yaml::Shape::PLAIN).unwrap()
    }

    #[test]
    fn percents_round_down_and_the_strictest_wins() {
        assert_eq!(Places::parse(&v("4")), Ok(Places::Fixed(4)));
        assert_eq!(Places::parse(&v("\"10%\"")), Ok(Places::Percent(10.0)));
        assert_eq!(Places::parse(&v("\"2,5 %\"")), Ok(Places::Percent(2.5)));
        for bad in ["-1", "1.5", "\"0%\"", "\"150%\"", "\"ten\"", "[1]"] {
            assert!(Places::parse(&v(bad)).is_err(), "{bad}");
        }
        assert_eq!(Places::Percent(10.0).count(16), 1);
        assert_eq!(Places::Percent(10.0).count(30), 3);
        assert_eq!(Places::Percent(10.0).count(9), 0);
        assert_eq!(Places::Percent(5.0).count(140), 7);
        let c = count(&[Places::Fixed(4), Places::Percent(10.0)], 16).unwrap();
        assert_eq!((c.places, c.strictest, c.of), (1, 1, 16));
        let c = count(&[Places::Fixed(4), Places::Percent(10.0)], 64).unwrap();
        assert_eq!((c.places, c.strictest), (4, 0));
        assert_eq!(count(&[], 10), None);
    }
}

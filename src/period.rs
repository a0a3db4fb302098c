//! Reporting periods (`2023`, `2023-Q4`, `2023-10`) as month spans, so a
//! selection like `2023-01..2023-10` can pick and sum monthly rows.

use std::fmt;

/// An inclusive span of months, counted as `year * 12 + month - 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    first: u32,
    last: u32,
}

impl Period {
    pub fn parse(text: &str) -> Result<Period, crate::i18n::Text> {
        let t = text.trim();
        let bad = || crate::msg!(NotAPeriod, t);
        let (year, rest) = match t.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (t, None),
        };
        if year.len() != 4 {
            return Err(bad());
        }
        let y: u32 = year.parse().map_err(|_| bad())?;
        let base = y * 12;
        let (first, last) = match rest {
            None => (base, base + 11),
            Some(q) if q.len() == 2 && (q.starts_with('Q') || q.starts_with('q')) => {
                let n: u32 = q[1..].parse().map_err(|_| bad())?;
                if !(1..=4).contains(&n) {
                    return Err(bad());
                }
                (base + 3 * (n - 1), base + 3 * n - 1)
            }
            Some(m) if m.len() == 2 => {
                let n: u32 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&n) {
                    return Err(bad());
                }
                (base + n - 1, base + n - 1)
            }
            Some(_) => return Err(bad()),
        };
        Ok(Period { first, last })
    }

    pub fn overlaps(self, other: Period) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m) = (self.first / 12, self.first % 12 + 1);
        match self.last - self.first {
            0 => write!(f, "{y}-{m:02}"),
            2 if m % 3 == 1 => write!(f, "{y}-Q{}", m / 3 + 1),
            11 if m == 1 => write!(f, "{y}"),
            _ => write!(
                f,
                "{}..{}",
                Period {
                    first: self.first,
                    last: self.first
                },
                Period {
                    first: self.last,
                    last: self.last
                }
            ),
        }
    }
}

/// What `--period` chose: one period or a range `FROM..TO`, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodSel {
    span: Period,
}

impl PeriodSel {
    pub fn parse(text: &str) -> Result<PeriodSel, crate::i18n::Text> {
        match text.split_once("..") {
            None => Ok(PeriodSel {
                span: Period::parse(text)?,
            }),
            Some((a, b)) => {
                let (a, b) = (Period::parse(a)?, Period::parse(b)?);
                if a.first > b.last {
                    return Err(crate::msg!(RangeBackwards, text));
                }
                Ok(PeriodSel {
                    span: Period {
                        first: a.first,
                        last: b.last,
                    },
                })
            }
        }
    }

    /// A row's period counts when it lies wholly inside the selection.
    pub fn contains(self, p: Period) -> bool {
        self.span.first <= p.first && p.last <= self.span.last
    }
}

impl fmt::Display for PeriodSel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.span.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_as_month_spans() {
        let q4 = Period::parse("2023-Q4").unwrap();
        assert!(q4.overlaps(Period::parse("2023-10").unwrap()));
        assert!(!q4.overlaps(Period::parse("2023-09").unwrap()));
        assert!(Period::parse("2023").unwrap().overlaps(q4));
        assert_eq!(Period::parse("2023-10").unwrap().to_string(), "2023-10");
        assert_eq!(q4.to_string(), "2023-Q4");
        assert_eq!(Period::parse("2023").unwrap().to_string(), "2023");
        for bad in [
            "23",
            "2023-13",
            "2023-Q5",
            "2023-1",
            "abcd",
            "2023-10-01",
            "",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn selections_contain_whole_periods_only() {
        let r = PeriodSel::parse("2023-01..2023-10").unwrap();
        assert!(r.contains(Period::parse("2023-01").unwrap()));
        assert!(r.contains(Period::parse("2023-10").unwrap()));
        assert!(!r.contains(Period::parse("2023-11").unwrap()));
        assert!(!r.contains(Period::parse("2023").unwrap()));
        assert!(r.contains(Period::parse("2023-Q3").unwrap()));
        assert_eq!(r.to_string(), "2023-01..2023-10");
        assert!(PeriodSel::parse("2023-10..2023-01").is_err());
        assert!(
            PeriodSel::parse("2023")
                .unwrap()
                .contains(Period::parse("2023-05").unwrap())
        );
    }
}

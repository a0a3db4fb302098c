//! Which days a state office works: weekends off, Vietnamese public holidays
//! off, make-up Saturdays on. The 2022–2027 table is compiled in; a campaign's
//! `holidays:` list and `--holidays FILE` extend or override it.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Result, anyhow};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

use crate::campaign::Holiday;
use crate::i18n::messages::Msg;
use crate::yaml::{self, At, Shape};

/// The built-in table: same shape as a `--holidays` file.
pub const BUILTIN_YAML: &str = include_str!("holidays.yaml");
/// Where the built-in table comes from (it is valid, so no message names it).
const BUILTIN_FILE: &str = "src/holidays.yaml";
/// Years the built-in table covers in full.
pub const BUILTIN_YEARS: std::ops::RangeInclusive<i32> = 2022..=2027;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    date: At<String>,
    name: String,
    #[serde(default)]
    working: Option<bool>,
}

/// Parses a holiday list (`- { date: YYYY-MM-DD, name: "...", working: true }`).
/// `file` names the source in errors, with the line of the bad entry.
pub fn parse(src: &str, file: &str) -> Result<Vec<Holiday>> {
    let raw: Vec<RawEntry> = yaml::parse(src, file, &SHAPE).map_err(|p| anyhow!(p))?;
    raw.into_iter()
        .map(|r| {
            let date =
                NaiveDate::parse_from_str(r.date.value.trim(), "%Y-%m-%d").map_err(|_| {
                    let m = crate::msg!(NotADateIso, r.date.value);
                    anyhow!(r.date.at.problem(file, m))
                })?;
            Ok(Holiday {
                date,
                name: r.name,
                working: r.working.unwrap_or(false),
            })
        })
        .collect()
}

/// How errors name a holiday list.
const SHAPE: Shape = Shape {
    lead: Some(Msg::HolidaysExpected),
    hint: None,
    items: &[],
};

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOff<'a> {
    Holiday(&'a str),
    Weekend(Weekday),
}

/// Working days of a state office. Later layers win over earlier ones for the
/// same date, so a campaign can cancel a built-in day off or add its own.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    days: BTreeMap<NaiveDate, Holiday>,
    /// Years for which someone gave holidays: outside them only weekends count.
    years: BTreeSet<i32>,
}

impl Calendar {
    /// The built-in 2022–2027 table.
    pub fn builtin() -> Calendar {
        let list = parse(BUILTIN_YAML, BUILTIN_FILE).expect("the built-in holiday table is valid");
        let mut cal = Calendar::default();
        cal.overlay(&list);
        cal.years.extend(BUILTIN_YEARS);
        cal
    }

    /// Adds `list` on top; an entry replaces any earlier one for its date.
    pub fn overlay(&mut self, list: &[Holiday]) {
        for h in list {
            self.years.insert(h.date.year());
            self.days.insert(h.date, h.clone());
        }
    }

    /// Why `date` is not a working day, or `None` when it is one.
    pub fn day_off(&self, date: NaiveDate) -> Option<DayOff<'_>> {
        match self.days.get(&date) {
            Some(h) if h.working => None,
            Some(h) => Some(DayOff::Holiday(&h.name)),
            None => match date.weekday() {
                w @ (Weekday::Sat | Weekday::Sun) => Some(DayOff::Weekend(w)),
                _ => None,
            },
        }
    }

    pub fn is_working(&self, date: NaiveDate) -> bool {
        self.day_off(date).is_none()
    }

    /// True when holidays are known for `year` (not just weekends).
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn each_year_has_the_legal_days_off_plus_one_per_swap() {
        // Bộ luật Lao động 2019 Điều 112: 11 paid holidays a year; a weekend
        // holiday is given back on a weekday, and a swap adds a weekday off
        // for each make-up Saturday. So weekdays off = 11 + make-up days.
        let list = parse(BUILTIN_YAML, BUILTIN_FILE).unwrap();
        for year in BUILTIN_YEARS {
            let of_year = list.iter().filter(|h| h.date.year() == year);
            let weekday = |h: &&Holiday| h.date.weekday().number_from_monday() <= 5;
            let off = of_year
                .clone()
                .filter(|h| !h.working)
                .filter(weekday)
                .count();
            let make_up = of_year.clone().filter(|h| h.working).count();
            assert_eq!(off, 11 + make_up, "{year}");
        }
    }

    #[test]
    fn table_entries_are_consistent() {
        let list = parse(BUILTIN_YAML, BUILTIN_FILE).unwrap();
        let mut seen = BTreeSet::new();
        for h in &list {
            assert!(seen.insert(h.date), "{} listed twice", h.date);
            let weekend = h.date.weekday().number_from_monday() > 5;
            if h.working {
                assert_eq!(h.date.weekday(), Weekday::Sat, "{}", h.date);
            }
            if h.name.starts_with("Nghỉ") {
                assert!(!weekend, "{} given back on a weekend", h.date);
            }
        }
    }

    #[test]
    fn tet_and_weekends_and_make_up_days() {
        let cal = Calendar::builtin();
        assert_eq!(
            cal.day_off(d("2024-02-12")),
            Some(DayOff::Holiday("Tết Nguyên đán (mùng 3)"))
        );
        assert_eq!(
            cal.day_off(d("2023-12-03")),
            Some(DayOff::Weekend(Weekday::Sun))
        );
        assert!(cal.is_working(d("2024-05-04")), "make-up Saturday");
        assert!(!cal.is_working(d("2024-05-05")));
        assert!(cal.is_working(d("2023-12-01")));
        assert!(cal.covers(2027) && !cal.covers(2028));
    }

    #[test]
    fn a_later_layer_overrides_and_extends() {
        let mut cal = Calendar::builtin();
        let extra = parse(
            "- { date: 2024-02-14, name: Trực Tết, working: true }\n\
             - { date: 2028-01-03, name: Nghỉ riêng }\n",
            "extra.yaml",
        )
        .unwrap();
        cal.overlay(&extra);
        assert!(cal.is_working(d("2024-02-14")));
        assert_eq!(
            cal.day_off(d("2028-01-03")),
            Some(DayOff::Holiday("Nghỉ riêng"))
        );
        assert!(cal.covers(2028));
    }

    #[test]
    fn bad_files_name_file_and_line() {
        let e = parse("- { date: 2024-02-30, name: x }\n", "h.yaml")
            .unwrap_err()
            .en();
        assert!(
            e.starts_with("h.yaml:1:") && e.contains("2024-02-30"),
            "{e}"
        );
        let e = parse("- { date: 2024-02-03, nam: x }\n", "h.yaml")
            .unwrap_err()
            .en();
        assert!(e.starts_with("h.yaml:1:") && e.contains("nam"), "{e}");
        let e = parse("date: 2024-02-03\n", "h.yaml").unwrap_err().en();
        assert!(e.contains("expected a list"), "{e}");
    }
}

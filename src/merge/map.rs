//! The merge map (`old_unit_id,new_unit_id[,new_unit_name,group]`) read and
//! checked as a whole: each old unit merges into exactly one new unit, so an
//! old unit mapped twice, or merged into a unit that is itself merged away,
//! is an error at its line — every one at once.

use crate::i18n::messages::Msg;
use std::collections::HashMap;

use crate::problem::{Problem, Problems, ProblemsError};
use crate::record::{Record, Rows};

const COLUMNS: [&str; 4] = ["old_unit_id", "new_unit_id", "new_unit_name", "group"];

/// Which old unit merges into which new one, and the new units' names and
/// groups where the map gives them.
#[derive(Debug, Clone, Default)]
pub struct MergeMap {
    /// The map as named in messages.
    pub file: String,
    /// Old unit id → (new unit id, line).
    old: HashMap<String, (String, u64)>,
    /// New unit id → what the map says of it.
    new: HashMap<String, NewUnit>,
}

/// A new unit as the map gives it: the first line naming it, and its name
/// and group when a line gives them (with the line that did).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewUnit {
    pub line: u64,
    pub name: Option<(String, u64)>,
    pub group: Option<(String, u64)>,
}

impl MergeMap {
    /// Reads a map; `file` names it in messages.
    pub fn read(bytes: &[u8], file: &str) -> Result<MergeMap, ProblemsError> {
        let mut problems = Problems::new();
        let map = read_into(bytes, file, &mut problems);
        problems.finish().map(|()| map)
    }

    /// The new unit an old unit merges into, and the map's line saying so.
    pub fn target(&self, old: &str) -> Option<(&str, u64)> {
        self.old.get(old).map(|(n, l)| (n.as_str(), *l))
    }

    /// What the map says of a new unit, when it names it as one.
    pub fn new_unit(&self, id: &str) -> Option<&NewUnit> {
        self.new.get(id)
    }
}

fn read_into(bytes: &[u8], file: &str, problems: &mut Problems) -> MergeMap {
    let mut map = MergeMap {
        file: file.to_string(),
        ..MergeMap::default()
    };
    let header_hint = Msg::HintMergeHeader;
    let mut rows = match Rows::open(bytes, b',', file) {
        Ok(Some(rows)) => rows,
        Ok(None) => {
            problems.push(Problem::file(file, Msg::EmptyFileNoHeader).with_hint(header_hint));
            return map;
        }
        Err(e) => {
            problems.push(Problem::file(file, crate::msg!(CannotReadWhy, e)));
            return map;
        }
    };
    let mut at = [None; 4];
    for (i, raw) in rows.header.iter().enumerate() {
        let h = String::from_utf8_lossy(raw);
        let h = h.trim_start_matches('\u{feff}').trim();
        match COLUMNS.iter().position(|c| *c == h) {
            Some(k) if at[k].is_some() => {
                problems.push(Problem::cell(file, 1, i + 1, crate::msg!(ColumnTwice, h)));
            }
            Some(k) => at[k] = Some(i),
            None => problems.push(
                Problem::cell(file, 1, i + 1, crate::msg!(NotMergeColumn, h))
                    .with_hint(header_hint),
            ),
        }
    }
    let (Some(old_col), Some(new_col)) = (at[0], at[1]) else {
        let missing: Vec<&str> = COLUMNS[..2]
            .iter()
            .zip(at)
            .filter(|(_, c)| c.is_none())
            .map(|(n, _)| *n)
            .collect();
        problems.push(
            Problem::line(file, 1, crate::msg!(MissingColumns, missing.join(", ")))
                .with_hint(header_hint),
        );
        return map;
    };
    let mut rec = Record::new();
    loop {
        let line = match rows.next(&mut rec, |p| problems.push(p)) {
            Ok(Some(line)) => line,
            Ok(None) => break,
            Err(e) => {
                problems.push(Problem::file(file, crate::msg!(CannotReadWhy, e)));
                break;
            }
        };
        let cell = |c: Option<usize>| -> Result<String, Problem> {
            let Some(c) = c else { return Ok(String::new()) };
            std::str::from_utf8(rec.get(c).unwrap_or_default())
                .map(|s| s.trim().to_string())
                .map_err(|_| Problem::cell(file, line, c + 1, Msg::LineNotUtf8))
        };
        let cells: Result<Vec<String>, Problem> = at.iter().map(|c| cell(*c)).collect();
        let [old, new, name, group]: [String; 4] = match cells {
            Ok(c) => c.try_into().expect("four columns"),
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        if old.is_empty() || new.is_empty() {
            let (what, c) = if old.is_empty() {
                ("old_unit_id", old_col)
            } else {
                ("new_unit_id", new_col)
            };
            problems.push(Problem::cell(
                file,
                line,
                c + 1,
                crate::msg!(CellEmpty, what),
            ));
            continue;
        }
        if let Some((first, l)) = map.old.get(&old) {
            problems.push(
                Problem::cell(
                    file,
                    line,
                    old_col + 1,
                    crate::msg!(OldMappedTwice, old, first, l, new),
                )
                .with_hint(Msg::HintOneLine),
            );
            continue;
        }
        map.old.insert(old, (new.clone(), line));
        let unit = map.new.entry(new.clone()).or_insert(NewUnit {
            line,
            ..NewUnit::default()
        });
        for (given, slot, k, what) in [
            (name, &mut unit.name, 2, Msg::NameWord),
            (group, &mut unit.group, 3, Msg::GroupWord),
        ] {
            if given.is_empty() {
                continue;
            }
            match slot {
                Some((first, l)) if *first != given => problems.push(Problem::cell(
                    file,
                    line,
                    at[k].map_or(1, |c| c + 1),
                    crate::msg!(NewUnitDiffers, new, what, given, first, l),
                )),
                Some(_) => {}
                None => *slot = Some((given, line)),
            }
        }
    }
    // A unit merged into another may not itself be a merger's new unit, or
    // its old units would need two steps: map each straight to the last.
    let mut chains: Vec<Problem> = map
        .old
        .iter()
        .filter(|(old, (new, _))| old != &new && map.new.contains_key(*old))
        .map(|(old, (new, line))| {
            Problem::cell(
                file,
                *line,
                old_col + 1,
                crate::msg!(MergeChain, old, map.new[old].line, new),
            )
            .with_hint(crate::msg!(HintMergeStraight, new))
        })
        .collect();
    chains.sort();
    problems.extend(chains);
    map
}

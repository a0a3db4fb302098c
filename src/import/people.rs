//! The individuals CSV (SPEC 3.2) read and checked before any nomination
//! runs: every bad cell at once, and each person's unit against the data.
//! Office lists in other forms go through `office`.

use std::collections::HashSet;
use std::io::Read;

use anyhow::{Result, anyhow, bail};

use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::people::Person;
use crate::problem::{Problem, Problems};
use crate::record::{Record, Rows};

mod office;
pub use office::{UnitName, read_any};

const REQUIRED: [&str; 4] = ["unit_id", "person_id", "full_name", "position"];
const OPTIONAL: [&str; 6] = ["direct", "eligible", "score", "note", "gender", "leader"];

/// Where each field is in a row (0-based), as the header said.
#[derive(Debug, Default, Clone)]
struct Columns {
    unit: Option<usize>,
    unit_name: Option<usize>,
    pid: Option<usize>,
    name: Option<usize>,
    pos: Option<usize>,
    direct: Option<usize>,
    eligible: Option<usize>,
    score: Option<usize>,
    note: Option<usize>,
    gender: Option<usize>,
    leader: Option<usize>,
}

impl Columns {
    /// From field ids (`unit_id`, `full_name`…), one per column; `None` for a
    /// column that is read for nothing (a row number).
    fn of(ids: &[Option<&str>]) -> Columns {
        let col = |name: &str| ids.iter().position(|h| *h == Some(name));
        Columns {
            unit: col("unit_id"),
            unit_name: col("unit_name"),
            pid: col("person_id"),
            name: col("full_name"),
            pos: col("position"),
            direct: col("direct"),
            eligible: col("eligible"),
            score: col("score"),
            note: col("note"),
            gender: col("gender"),
            leader: col("leader"),
        }
    }
}

/// Reads the individuals file; every bad cell is reported at once.
pub fn read<R: Read>(input: R, file: &str) -> Result<Vec<Person>> {
    let read_err = |e: std::io::Error| {
        anyhow!(crate::msg!(CannotRead, file) + ": " + Text::raw(e.to_string()))
    };
    let Some(mut rdr) = Rows::open(input, b',', file).map_err(read_err)? else {
        bail!(crate::msg!(EmptyFileHeader, file, REQUIRED.join(", ")));
    };
    let mut rec = Record::new();
    let header: Vec<String> = rdr
        .header
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim_start_matches('\u{feff}')
                .trim()
                .to_string()
        })
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|n| col(n).is_none())
        .collect();
    if !missing.is_empty() {
        bail!(crate::msg!(PeopleMissingRequired, file, missing.join(", ")));
    }
    if let Some((i, h)) = header
        .iter()
        .enumerate()
        .find(|(_, h)| !REQUIRED.contains(&h.as_str()) && !OPTIONAL.contains(&h.as_str()))
    {
        let known = [REQUIRED.join(", "), OPTIONAL.join(", ")].join(", ");
        bail!(crate::msg!(PeopleUnknownColumn, file, i + 1, h, known));
    }
    let ids: Vec<Option<&str>> = header.iter().map(|h| Some(h.as_str())).collect();
    let cols = Columns::of(&ids);
    let mut rows = Vec::new();
    let mut errors = Problems::new();
    while let Some(line) = rdr.next(&mut rec, |e| errors.push(e)).map_err(read_err)? {
        let Ok(cells) = rec
            .iter()
            .map(std::str::from_utf8)
            .collect::<Result<Vec<&str>, _>>()
        else {
            errors.push(Problem::line(file, line, Msg::LineNotUtf8));
            continue;
        };
        rows.push(row(&cells, &cols, file, line, Numbers::Plain, &mut errors));
    }
    let people = settle(rows, file, &mut errors);
    errors.finish()?;
    Ok(people)
}

/// How the score column writes decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbers {
    /// `9.5`, as in a metrics CSV.
    Plain,
    /// As import reads a Vietnamese export: `9,5`.
    Vietnamese,
}

/// One row's person; `unit_id` or `person_id` may still be empty (an office
/// list names units and leaves ids out), to be settled by [`office`] from
/// `unit_name` and the person's name.
struct RowPerson {
    person: Person,
    unit_name: String,
}

fn row(
    cells: &[&str],
    cols: &Columns,
    file: &str,
    line: u64,
    numbers: Numbers,
    errors: &mut Problems,
) -> RowPerson {
    let get = |i: usize| cells.get(i).copied().unwrap_or("").trim().to_string();
    let opt = |c: Option<usize>| c.map(get).unwrap_or_default();
    let mut flag = |c: Option<usize>, default: bool, what: &str| match parse_flag(&opt(c)) {
        Ok(v) => v.unwrap_or(default),
        Err(e) => {
            // A flag that failed to parse came from a column that exists.
            let c = c.map_or(1, |c| c + 1);
            errors.push(Problem::cell(
                file,
                line,
                c,
                Text::raw(format!("{what}: ")) + e,
            ));
            default
        }
    };
    let (is_direct, is_eligible, is_leader) = (
        flag(cols.direct, false, "direct"),
        flag(cols.eligible, true, "eligible"),
        flag(cols.leader, false, "leader"),
    );
    let gender_text = opt(cols.gender);
    let female = match super::text::fold(&gender_text).as_str() {
        "" => None,
        "nu" | "n" | "f" | "female" => Some(true),
        "nam" | "m" | "male" => Some(false),
        _ => {
            let c = cols.gender.map_or(1, |c| c + 1);
            errors.push(
                Problem::cell(file, line, c, crate::msg!(GenderNotNamNu, gender_text))
                    .with_hint(Msg::HintGender),
            );
            None
        }
    };
    let score_text = opt(cols.score);
    let parsed = match numbers {
        _ if score_text.is_empty() => Ok(None),
        Numbers::Plain => score_text.parse::<f64>().map(Some).map_err(|_| ()),
        Numbers::Vietnamese => {
            super::number::parse(&score_text, Default::default()).map_err(|_| ())
        }
    };
    let score_value = match parsed {
        Ok(x) if x.is_none_or(f64::is_finite) => x,
        _ => {
            let c = cols.score.map_or(1, |c| c + 1);
            errors.push(Problem::cell(
                file,
                line,
                c,
                crate::msg!(ScoreNotNumber, score_text),
            ));
            None
        }
    };
    RowPerson {
        person: Person {
            unit_id: opt(cols.unit),
            person_id: opt(cols.pid),
            full_name: opt(cols.name),
            position: opt(cols.pos),
            direct: is_direct,
            eligible: is_eligible,
            score: score_value,
            note: opt(cols.note),
            female,
            leader: is_leader,
            line,
        },
        unit_name: opt(cols.unit_name),
    }
}

/// Checks every person has a unit, an id and a name, once each.
fn settle(rows: Vec<RowPerson>, file: &str, errors: &mut Problems) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let mut seen = HashSet::new();
    for RowPerson { person: p, .. } in rows {
        let line = p.line;
        if p.unit_id.is_empty() || p.person_id.is_empty() || p.full_name.is_empty() {
            errors.push(Problem::line(file, line, Msg::PersonEmpty));
            continue;
        }
        if !seen.insert(p.person_id.clone()) {
            let first = people
                .iter()
                .find(|q| q.person_id == p.person_id)
                .map_or(Text::default(), |q| crate::msg!(FirstOnLine, q.line));
            errors.push(Problem::line(
                file,
                line,
                crate::msg!(PersonTwice, p.person_id, first),
            ));
            continue;
        }
        people.push(p);
    }
    people
}

/// `1/0`, `true/false`, `có/không`, `x`/empty; `None` for an empty cell.
fn parse_flag(s: &str) -> Result<Option<bool>, Text> {
    match super::text::fold(s).as_str() {
        "" => Ok(None),
        "1" | "true" | "co" | "yes" | "x" => Ok(Some(true)),
        "0" | "false" | "khong" | "no" => Ok(Some(false)),
        _ => Err(crate::msg!(NotYesNo, s)),
    }
}

/// Checks every person belongs to a unit of the data file.
pub fn check_units(people: &[Person], file: &str, known: &HashSet<&str>) -> Result<()> {
    let mut bad = Problems::new();
    bad.extend(
        people
            .iter()
            .filter(|p| !known.contains(p.unit_id.as_str()))
            .map(|p| {
                Problem::line(
                    file,
                    p.line,
                    crate::msg!(PersonUnitNotInData, p.person_id, p.unit_id),
                )
            }),
    );
    Ok(bad.finish()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    #[test]
    fn reads_flags_scores_and_defaults() {
        let csv = "\u{feff}unit_id,person_id,full_name,position,direct,eligible,score\n\
                   a,p1,Nguyễn Văn A,Công chức một cửa,có,,9.5\na,p2,Trần Thị B,Phó Chủ tịch,0,không,\n";
        let p = read(csv.as_bytes(), "p.csv").unwrap();
        assert_eq!(
            (p[0].direct, p[0].eligible, p[0].score),
            (true, true, Some(9.5))
        );
        assert_eq!(
            (p[1].direct, p[1].eligible, p[1].score, p[1].line),
            (false, false, None, 3)
        );
    }

    #[test]
    fn bad_people_files_name_the_cell() {
        let e = read("unit_id,person_id,full_name\n".as_bytes(), "p.csv")
            .unwrap_err()
            .en();
        assert!(
            e.contains("p.csv:1: missing required column(s) position"),
            "{e}"
        );
        let e = read(
            "unit_id,person_id,full_name,position,rank\n".as_bytes(),
            "p.csv",
        )
        .unwrap_err()
        .en();
        assert!(e.contains("p.csv:1:5: unknown column `rank`"), "{e}");
        let csv =
            "unit_id,person_id,full_name,position,direct,score\na,p1,A,x,maybe,1\na,p1,B,x,1,abc\n";
        let e = read(csv.as_bytes(), "p.csv").unwrap_err().en();
        assert!(
            e.contains("p.csv:2:5: direct: `maybe` is not a yes/no value"),
            "{e}"
        );
        assert!(e.contains("p.csv:3:6: score: `abc` is not a number"), "{e}");
        assert!(e.contains("p.csv:3: person `p1` appears twice"), "{e}");
        let people = read(
            "unit_id,person_id,full_name,position\nz,p1,A,x\n".as_bytes(),
            "p.csv",
        )
        .unwrap();
        let e = check_units(&people, "p.csv", &HashSet::from(["a"]))
            .unwrap_err()
            .en();
        assert!(
            e.contains("p.csv:2: person `p1`: unit `z` is not in the metrics file"),
            "{e}"
        );
    }
}

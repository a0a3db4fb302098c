//! The per-dossier loop: one reused record, columns resolved once, dates read
//! from bytes, units found by hash; nothing is allocated per row. Memory grows
//! with the number of units (and the fixed fingerprint buffer), never with the
//! number of dossiers.

use std::collections::{HashMap, HashSet};

use anyhow::Result;

use super::columns::{Columns, m};
use super::day::{self, Day};
use super::dedup::{FastBuild, Fingerprints, hash};
use super::rejects::Rejects;
use super::values::{self, Channel, Memo, Rating};
use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::problem::{MAX_LISTED, Problem};
use crate::record::{Record, Start};

/// Per unit: its id, the first name seen, the line it first appears on, counts.
#[derive(Debug, Clone)]
pub struct UnitCounts {
    pub id: Box<[u8]>,
    pub name: Option<Box<[u8]>>,
    pub line: u64,
    pub counts: [u64; 16],
}

/// The exact check for suspected duplicates: fingerprint → (number, line).
pub type Suspects = HashMap<u64, Vec<(Box<[u8]>, u64)>>;

pub struct Scanner<'a> {
    cols: &'a Columns,
    file: &'a str,
    from: Day,
    to: Day,
    index: HashMap<Box<[u8]>, u32, FastBuild>,
    pub units: Vec<UnitCounts>,
    /// Units outside this list (from `--units`) are errors when it is closed.
    closed: bool,
    last: Option<u32>,
    pub fingerprints: Fingerprints,
    /// Set on the exact pass that follows a repeated fingerprint.
    pub suspects: Option<Suspects>,
    channel: Memo<Channel>,
    flag: Memo<bool>,
    rating: Memo<Rating>,
    row_problems: Vec<(usize, Text)>,
    pub problems: Vec<Problem>,
    pub problem_count: u64,
    pub rows: u64,
    /// Where the first record this scanner read starts.
    pub first: Option<Start>,
    /// Where rows set aside go (`--keep-going`).
    pub rejects: Option<&'a mut Rejects>,
}

impl<'a> Scanner<'a> {
    pub fn new(
        cols: &'a Columns,
        file: &'a str,
        span: (Day, Day),
        known: &[Vec<u8>],
    ) -> Scanner<'a> {
        let mut s = Scanner {
            cols,
            file,
            from: span.0,
            to: span.1,
            index: HashMap::default(),
            units: Vec::new(),
            closed: !known.is_empty(),
            last: None,
            fingerprints: Fingerprints::default(),
            suspects: None,
            channel: Memo::new(values::channel),
            flag: Memo::new(values::flag),
            rating: Memo::new(values::rating),
            row_problems: Vec::new(),
            problems: Vec::new(),
            problem_count: 0,
            rows: 0,
            first: None,
            rejects: None,
        };
        for id in known {
            s.add_unit(id, 0);
        }
        s
    }

    fn add_unit(&mut self, id: &[u8], line: u64) -> u32 {
        let i = self.units.len() as u32;
        self.units.push(UnitCounts {
            id: id.into(),
            name: None,
            line,
            counts: [0; 16],
        });
        self.index.insert(id.into(), i);
        i
    }

    /// Reads one dossier; `line` is where it starts in the file.
    pub fn row(&mut self, rec: &Record, line: u64) -> Result<()> {
        self.rows += 1;
        self.row_problems.clear();
        let cell = |c: usize| rec.get(c).unwrap_or(b"").trim_ascii();
        let c = self.cols;
        let width = c.labels.len();
        if let Some((col, text)) = rec
            .iter()
            .enumerate()
            .skip(width)
            .find(|(_, f)| !f.trim_ascii().is_empty())
        {
            let past = String::from_utf8_lossy(text.trim_ascii());
            let msg = crate::msg!(CellsPastHeader, rec.len(), width, past);
            self.row_problems.push((col, msg));
        }
        let received = self.date(cell(c.received), c.received, true);
        let due = self.date(cell(c.due), c.due, false);
        let finished = self.date(cell(c.finished), c.finished, false);
        if let (Some(r), Some(f)) = (received, finished)
            && f < r
        {
            let msg = Msg::FinishedBeforeReceived;
            self.row_problems.push((c.finished, msg.into()));
        }
        let channel = c
            .channel
            .map_or(Ok(Channel::Unstated), |i| self.channel.get(cell(i)));
        let channel = self.ok(channel, c.channel).unwrap_or(Channel::Unstated);
        let mut flag = |i: Option<usize>| {
            let v = match i.map(cell) {
                None | Some(b"" | b"0") => Ok(false),
                Some(b"1") => Ok(true),
                Some(text) => self.flag.get(text),
            };
            self.ok(v, i).unwrap_or(false)
        };
        let flags = [
            flag(c.postal_return),
            flag(c.digitised),
            flag(c.result_digitised),
            flag(c.fee),
            flag(c.paid_online),
        ];
        let rating = c
            .rating
            .map_or(Ok(Rating::None), |i| self.rating.get(cell(i)));
        let rating = self.ok(rating, c.rating).unwrap_or(Rating::None);
        self.number(cell(c.number), line)?;
        let unit = self.unit(cell(c.unit_id), line);
        if !self.row_problems.is_empty() {
            return self.reject(rec, line);
        }
        let (Some(received), Some(unit)) = (received, unit) else {
            return self.reject(rec, line);
        };
        let d = Dossier {
            received,
            due,
            finished,
            channel,
            flags,
            rating,
        };
        if let Err(col) = self.count(unit, &d) {
            self.row_problems.push((col, Msg::DueDateNeeded.into()));
            return self.reject(rec, line);
        }
        if let (Some(i), None) = (c.unit_name, &self.units[unit as usize].name) {
            let name = cell(i);
            if !name.is_empty() {
                self.units[unit as usize].name = Some(name.into());
            }
        }
        Ok(())
    }

    fn date(&mut self, text: &[u8], col: usize, required: bool) -> Option<Day> {
        if text.is_empty() {
            if required {
                self.row_problems.push((col, Msg::DateEmpty.into()));
            }
            return None;
        }
        let d = day::parse(text);
        if d.is_none() {
            self.row_problems.push((
                col,
                crate::msg!(NotADateDossier, String::from_utf8_lossy(text)),
            ));
        }
        d
    }

    fn ok<T>(&mut self, v: Result<T, Msg>, col: Option<usize>) -> Option<T> {
        match v {
            Ok(v) => Some(v),
            Err(e) => {
                self.row_problems.push((col.unwrap_or(0), e.into()));
                None
            }
        }
    }

    fn number(&mut self, number: &[u8], line: u64) -> Result<()> {
        if number.is_empty() {
            self.row_problems
                .push((self.cols.number, Msg::DossierNumberEmpty.into()));
            return Ok(());
        }
        let fp = hash(number);
        match &mut self.suspects {
            None => self.fingerprints.push(fp)?,
            Some(suspects) => {
                let Some(seen) = suspects.get_mut(&fp) else {
                    return Ok(());
                };
                match seen.iter().find(|(n, _)| **n == *number) {
                    Some((_, first)) => {
                        let number = String::from_utf8_lossy(number);
                        let msg = crate::msg!(DossierNumberTwice, number, first);
                        self.row_problems.push((self.cols.number, msg));
                    }
                    None => seen.push((number.into(), line)),
                }
            }
        }
        Ok(())
    }

    fn unit(&mut self, id: &[u8], line: u64) -> Option<u32> {
        if id.is_empty() {
            self.row_problems
                .push((self.cols.unit_id, Msg::UnitIdCellEmpty.into()));
            return None;
        }
        if let Some(i) = self.last.filter(|&i| *self.units[i as usize].id == *id) {
            return Some(i);
        }
        let i = match self.index.get(id) {
            Some(&i) => i,
            None if self.closed => {
                let msg = crate::msg!(UnitNotInUnits, String::from_utf8_lossy(id));
                self.row_problems.push((self.cols.unit_id, msg));
                return None;
            }
            None => self.add_unit(id, line),
        };
        self.last = Some(i);
        Some(i)
    }

    fn reject(&mut self, rec: &Record, line: u64) -> Result<()> {
        let mut reasons: Vec<Text> = Vec::new();
        let first_col = self.row_problems.first().map(|(c, _)| c + 1);
        for (col, msg) in std::mem::take(&mut self.row_problems) {
            self.problem_count += 1;
            let message = if col < self.cols.labels.len() {
                Text::raw(format!("{}: ", self.cols.name(col, col_id(self.cols, col)))) + msg
            } else {
                msg
            };
            if self.rejects.is_some() {
                reasons.push(message.clone());
            }
            if self.problems.len() < MAX_LISTED {
                let file = self.file.to_string();
                self.problems
                    .push(Problem::cell(file, line, col + 1, message));
            }
        }
        if let Some(r) = self.rejects.as_mut() {
            let file = self.file.to_string();
            let p = Problem {
                column: first_col,
                ..Problem::line(file, line, Text::join(reasons, "; "))
            };
            r.push(&p, rec)?;
        }
        Ok(())
    }

    /// Adds a valid dossier to its unit (SPEC rules for the period [from, to]);
    /// `Err(column)` when the due date is needed but missing.
    fn count(&mut self, unit: u32, d: &Dossier) -> Result<(), usize> {
        let (from, to) = (self.from, self.to);
        let in_period = |x: Day| from <= x && x <= to;
        let [postal_return, digitised, result_digitised, fee, paid_online] = d.flags;
        let finished_in = d.finished.filter(|&f| in_period(f));
        let pending = d.received <= to && d.finished.is_none_or(|f| f > to);
        let due = match d.due {
            Some(due) => due,
            None if finished_in.is_some() || pending => return Err(self.cols.due),
            None => Day::MAX,
        };
        let n = &mut self.units[unit as usize].counts;
        let mut add = |i: usize, yes: bool| n[i] += u64::from(yes);
        if in_period(d.received) {
            add(m::TIEP_NHAN, true);
            add(m::TRUC_TUYEN, d.channel == Channel::Online);
            add(m::BCCI, d.channel == Channel::Postal);
            add(m::SO_HOA_HO_SO, digitised);
            add(m::PHAI_THANH_TOAN, fee);
            add(m::THANH_TOAN_TRUC_TUYEN, fee && paid_online);
        }
        if let Some(f) = finished_in {
            add(m::DA_GIAI_QUYET, true);
            add(m::TRUOC_HAN, f < due);
            add(m::DUNG_HAN, f == due);
            add(m::TRE_HAN, f > due);
            add(m::SO_HOA_KET_QUA, result_digitised);
            add(m::TRA_KQ_BCCI, postal_return);
            add(m::DANH_GIA, d.rating != Rating::None);
            add(m::HAI_LONG, d.rating == Rating::Satisfied);
        }
        if pending {
            add(m::DANG_GIAI_QUYET, true);
            add(m::DANG_QUA_HAN, due < to);
        }
        Ok(())
    }
}

struct Dossier {
    received: Day,
    due: Option<Day>,
    finished: Option<Day>,
    channel: Channel,
    flags: [bool; 5],
    rating: Rating,
}

fn col_id(c: &Columns, col: usize) -> &'static str {
    let named = [
        (Some(c.unit_id), "unit_id"),
        (Some(c.number), "so_ho_so"),
        (Some(c.received), "ngay_tiep_nhan"),
        (Some(c.due), "han_xu_ly"),
        (Some(c.finished), "ngay_hoan_thanh"),
        (c.channel, "kenh"),
        (c.postal_return, "tra_kq_bcci"),
        (c.digitised, "so_hoa"),
        (c.result_digitised, "so_hoa_kq"),
        (c.fee, "phi"),
        (c.paid_online, "tt_truc_tuyen"),
        (c.rating, "danh_gia"),
    ];
    named
        .iter()
        .find(|(i, _)| *i == Some(col))
        .map_or("column", |(_, id)| id)
}

/// Suspects of the fingerprint pass, ready for the exact pass.
pub fn exact_check(suspects: HashSet<u64>) -> Suspects {
    suspects.into_iter().map(|fp| (fp, Vec::new())).collect()
}

//! The deadline checklist: when each step of a campaign is really due, given
//! weekends and holidays, and how it stands against a given day. Staff miss
//! award rounds because a date fell on a Sunday or in Tết; this is the cure.
//! Pure: `today` is a parameter, the calendar is passed in.

pub mod state;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::campaign::{Campaign, Deadline, DeadlineKind, StepKind};
use crate::holidays::{Calendar, DayOff};
use crate::i18n::Lang;

/// A bound on walks through the calendar; no real run of days off is longer.
const MAX_DAYS_OFF_IN_A_ROW: u32 = 366;

/// One step of the checklist, worked out.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub deadline: &'a Deadline,
    /// The written date is not a working day.
    pub non_working: bool,
    /// The real last day to act.
    pub last_working_day: NaiveDate,
    pub status: Status,
    /// Set when the last working day is earlier than the plan reads.
    pub warning: Option<Warning>,
    /// Marked done by the user (`--done`, a state file); only these are ticked.
    pub done: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The last working day has passed (whether or not the step was done:
    /// that is [`Row::done`]).
    Done,
    Today,
    /// Calendar days and working days after today up to the last working day.
    Left {
        days: i64,
        working_days: i64,
    },
}

/// "03/12/2023 là Chủ nhật — nộp chậm nhất Thứ Sáu 01/12/2023".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The day the plan seems to allow (the written date, or the day before
    /// it for `before`) that is not a working day.
    pub day: NaiveDate,
    pub reason: Reason,
    pub last_working_day: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Weekend(Weekday),
    Holiday(String),
}

/// Which steps to show.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter<'a> {
    /// Keep this tier's steps and the campaign-wide ones.
    pub tier: Option<&'a str>,
    /// Keep steps due from today to `within` days ahead.
    pub within: Option<u32>,
}

/// The checklist of `campaign` as it stands on `today`, sorted by date.
pub fn checklist<'a>(
    campaign: &'a Campaign,
    cal: &Calendar,
    today: NaiveDate,
    filter: Filter<'_>,
) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = campaign
        .all_deadlines()
        .filter(|d| filter.tier.is_none() || d.tier.is_none() || d.tier.as_deref() == filter.tier)
        .map(|d| row(d, cal, today))
        .filter(|r| filter.within.is_none_or(|n| is_within(r.status, n)))
        .collect();
    rows.sort_by_key(|r| r.deadline.date); // stable: file order on equal dates
    rows
}

fn is_within(status: Status, n: u32) -> bool {
    match status {
        Status::Done => false,
        Status::Today => true,
        Status::Left { days, .. } => days <= i64::from(n),
    }
}

/// Works out one step against the calendar and `today`. An event happens on
/// its day whatever the day is: nothing moves it, nothing warns.
pub fn row<'a>(deadline: &'a Deadline, cal: &Calendar, today: NaiveDate) -> Row<'a> {
    let (last, warning) = match deadline.step {
        StepKind::Submission => {
            let last = last_working_day(cal, deadline.kind, deadline.date);
            (last, warning(cal, deadline.kind, deadline.date, last))
        }
        StepKind::Event => (plain_last_day(deadline.kind, deadline.date), None),
    };
    Row {
        deadline,
        non_working: !cal.is_working(deadline.date),
        last_working_day: last,
        status: status(cal, last, today),
        warning,
        done: false,
    }
}

/// Ids in `done` that name no step of `campaign`, in the order given.
pub fn unknown_steps<'d>(campaign: &Campaign, done: &'d [String]) -> Vec<&'d str> {
    done.iter()
        .filter(|id| !campaign.all_deadlines().any(|d| &d.id == *id))
        .map(String::as_str)
        .collect()
}

/// Marks the rows whose step id is in `done`.
pub fn mark_done(rows: &mut [Row<'_>], done: &[String]) {
    for r in rows {
        r.done = done.contains(&r.deadline.id);
    }
}

/// The status as the user reads it: marked done first, then an event that
/// has taken place, then where the window stands.
pub fn row_status_text(r: &Row<'_>, lang: Lang) -> String {
    match (r.done, r.deadline.step, r.status) {
        (true, _, _) => lang.pick("đã xong", "done").to_string(),
        (false, StepKind::Event, Status::Done) => lang.pick("đã diễn ra", "took place").to_string(),
        (false, StepKind::Event, Status::Today) => lang.pick("hôm nay", "today").to_string(),
        (false, StepKind::Submission, Status::Done) => lang
            .pick(
                "đã qua hạn, chưa đánh dấu xong",
                "window passed, not marked done",
            )
            .to_string(),
        (false, _, s) => status_text(s, lang),
    }
}

/// The last day the plan's wording allows, before weekends and holidays:
/// the day before for `before` ("trước ngày"), the date itself otherwise.
pub fn plain_last_day(kind: DeadlineKind, date: NaiveDate) -> NaiveDate {
    match kind {
        DeadlineKind::Before => date.pred_opt().unwrap_or(date),
        DeadlineKind::By | DeadlineKind::On => date,
    }
}

/// The last working day strictly before `date` for `before`, on or before it
/// for `by` and `on`.
pub fn last_working_day(cal: &Calendar, kind: DeadlineKind, date: NaiveDate) -> NaiveDate {
    let mut day = plain_last_day(kind, date);
    for _ in 0..MAX_DAYS_OFF_IN_A_ROW {
        if cal.is_working(day) {
            return day;
        }
        match day.pred_opt() {
            Some(p) => day = p,
            None => break,
        }
    }
    day
}

/// Where `last` stands against `today`.
pub fn status(cal: &Calendar, last: NaiveDate, today: NaiveDate) -> Status {
    if last < today {
        return Status::Done;
    }
    if last == today {
        return Status::Today;
    }
    Status::Left {
        days: (last - today).num_days(),
        working_days: working_days_after(cal, today, last),
    }
}

/// Working days in `(from, to]`.
pub fn working_days_after(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> i64 {
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .filter(|d| cal.is_working(*d))
        .count() as i64
}

fn warning(
    cal: &Calendar,
    kind: DeadlineKind,
    date: NaiveDate,
    last: NaiveDate,
) -> Option<Warning> {
    let plain = plain_last_day(kind, date);
    if last == plain {
        return None;
    }
    // Name the written date when it is the day off, as staff read it.
    let day = if cal.is_working(date) { plain } else { date };
    let reason = match cal.day_off(day)? {
        DayOff::Weekend(w) => Reason::Weekend(w),
        DayOff::Holiday(name) => Reason::Holiday(name.to_string()),
    };
    Some(Warning {
        day,
        reason,
        last_working_day: last,
    })
}

/// dd/mm/yyyy, as Vietnamese documents write dates.
pub fn vn_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

pub fn weekday_name(day: Weekday, lang: Lang) -> &'static str {
    match day {
        Weekday::Mon => lang.pick("Thứ Hai", "Monday"),
        Weekday::Tue => lang.pick("Thứ Ba", "Tuesday"),
        Weekday::Wed => lang.pick("Thứ Tư", "Wednesday"),
        Weekday::Thu => lang.pick("Thứ Năm", "Thursday"),
        Weekday::Fri => lang.pick("Thứ Sáu", "Friday"),
        Weekday::Sat => lang.pick("Thứ Bảy", "Saturday"),
        Weekday::Sun => lang.pick("Chủ nhật", "Sunday"),
    }
}

/// "Thứ Sáu 01/12/2023".
pub fn day_label(date: NaiveDate, lang: Lang) -> String {
    format!("{} {}", weekday_name(date.weekday(), lang), vn_date(date))
}

/// The warning as one sentence.
pub fn warning_text(w: &Warning, lang: Lang) -> String {
    let what = match (&w.reason, lang) {
        (Reason::Weekend(day), Lang::Vi) => weekday_name(*day, lang).to_string(),
        (Reason::Weekend(day), Lang::En) => format!("a {}", weekday_name(*day, lang)),
        (Reason::Holiday(name), Lang::Vi) => holiday_phrase(name),
        (Reason::Holiday(name), Lang::En) => format!("a public holiday ({name})"),
    };
    let last = day_label(w.last_working_day, lang);
    match lang {
        Lang::Vi => format!("{} là {what} — nộp chậm nhất {last}", vn_date(w.day)),
        Lang::En => format!(
            "{} is {what} — submit by {last} at the latest",
            vn_date(w.day)
        ),
    }
}

/// "ngày nghỉ Tết Nguyên đán (mùng 3)", and "ngày nghỉ bù Tết Nguyên đán"
/// for a name that already starts with "Nghỉ".
fn holiday_phrase(name: &str) -> String {
    match name.strip_prefix("Nghỉ ") {
        Some(rest) => format!("ngày nghỉ {rest}"),
        None => format!("ngày nghỉ {name}"),
    }
}

/// "trước ngày 03/12/2023", "by 31/12/2023": the date as the plan words it.
pub fn written_date(kind: DeadlineKind, date: NaiveDate, lang: Lang) -> String {
    let word = match kind {
        DeadlineKind::Before => lang.pick("trước ngày", "before"),
        DeadlineKind::By => lang.pick("chậm nhất ngày", "by"),
        DeadlineKind::On => lang.pick("ngày", "on"),
    };
    format!("{word} {}", vn_date(date))
}

/// "done", "today", "4 days left (3 working days)" in the user's language.
pub fn status_text(status: Status, lang: Lang) -> String {
    match status {
        Status::Done => lang.pick("đã qua hạn", "done (window passed)").to_string(),
        Status::Today => lang.pick("hạn chót hôm nay", "due today").to_string(),
        Status::Left { days, working_days } => match lang {
            Lang::Vi => format!("còn {days} ngày ({working_days} ngày làm việc)"),
            Lang::En => format!(
                "{days} day{} left ({working_days} working day{})",
                plural(days),
                plural(working_days)
            ),
        },
    }
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Years of the rows' dates that the calendar knows only weekends for.
pub fn uncovered_years(rows: &[Row<'_>], cal: &Calendar) -> Vec<i32> {
    let mut years: Vec<i32> = rows
        .iter()
        .flat_map(|r| [r.deadline.date.year(), r.last_working_day.year()])
        .filter(|y| !cal.covers(*y))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

#[cfg(test)]
mod tests;

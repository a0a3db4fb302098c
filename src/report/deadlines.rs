//! The checklist as people and programs read it: the typed report
//! ([`DeadlinesReport`]) the output pipeline renders as a terminal table, CSV
//! for a spreadsheet, JSON (a fixed contract), a Markdown checklist to tick
//! off, or a calendar.

use chrono::{Datelike, NaiveDate};
use comfy_table::{ColumnConstraint, ContentArrangement, Table, presets};
use serde::Serialize;

use crate::campaign::{Campaign, DeadlineKind, StepKind};
use crate::deadlines::{
    Row, Status, day_label, row_status_text, warning_text, weekday_name, written_date,
};
use crate::i18n::Lang;
use crate::sheet::neutralise;

/// What every view shows above the steps.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub campaign: &'a Campaign,
    pub today: NaiveDate,
    pub lang: Lang,
}

/// The `deadlines` report: the checklist's steps, as computed, and how the
/// terminal table wraps and the calendar reminds.
pub struct DeadlinesReport<'a> {
    pub cx: Context<'a>,
    pub rows: Vec<Row<'a>>,
    /// Terminal width to wrap the table to (none: one line per cell).
    pub width: Option<u16>,
    /// Calendar reminder this many days before each step.
    pub remind_days: u32,
}

impl<'a> DeadlinesReport<'a> {
    pub fn table(&self) -> String {
        table(&self.cx, &self.rows, self.width)
    }

    pub fn csv(&self) -> Vec<u8> {
        csv(&self.cx, &self.rows)
    }

    /// The JSON contract.
    pub fn json(&self) -> JsonDoc<'a> {
        JsonDoc {
            deadlines: self.rows.iter().map(|r| json_row(r, &self.cx)).collect(),
        }
    }

    pub fn markdown(&self) -> String {
        markdown(&self.cx, &self.rows)
    }

    pub fn ics(&self) -> String {
        super::ics::calendar(&self.cx, &self.rows, self.remind_days)
    }
}

/// The tier's award as people call it ("Bằng khen của Chủ tịch UBND tỉnh"),
/// or "Chung" (all) for campaign-wide steps; ids stay in CSV and JSON.
pub fn tier_label(cx: &Context<'_>, row: &Row<'_>) -> String {
    match &row.deadline.tier {
        Some(t) => cx
            .campaign
            .tier_index(t)
            .map_or_else(|| t.clone(), |i| cx.campaign.tiers[i].award.clone()),
        None => cx.lang.pick("Chung", "All").to_string(),
    }
}

fn recipient<'a>(row: &Row<'a>) -> &'a str {
    row.deadline.recipient.as_deref().unwrap_or("")
}

/// The title line (campaign id and title) and the "today" line.
fn heading(cx: &Context<'_>) -> (String, String) {
    let title = cx
        .campaign
        .title
        .as_deref()
        .map_or(String::new(), |t| format!(" — {t}"));
    let first = format!(
        "{} {}{title}",
        cx.lang.pick("Lịch hạn của kế hoạch", "Deadlines of plan"),
        cx.campaign.id
    );
    let today = format!(
        "{}: {}",
        cx.lang.pick("Hôm nay", "Today"),
        day_label(cx.today, cx.lang)
    );
    (first, today)
}

fn no_steps(lang: Lang) -> &'static str {
    lang.pick("Không có bước nào cần làm.", "No steps to show.")
}

/// A terminal table; `width` wraps long text (none: one line per cell).
fn table(cx: &Context<'_>, rows: &[Row<'_>], width: Option<u16>) -> String {
    let lang = cx.lang;
    let (title, today) = heading(cx);
    let mut out = format!("{title}\n{today}\n");
    if rows.is_empty() {
        return out + no_steps(lang) + "\n";
    }
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED).force_no_tty();
    match width {
        Some(w) => t
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(w),
        None => t.set_content_arrangement(ContentArrangement::Disabled),
    };
    t.set_header(vec![
        lang.pick("Bước", "Step"),
        lang.pick("Hạn chót", "Last working day"),
        lang.pick("Cấp", "Tier"),
        lang.pick("Việc", "What"),
        lang.pick("Ai làm", "Who"),
        lang.pick("Gửi đến", "To whom"),
        lang.pick("Tình trạng", "Status"),
    ]);
    for r in rows {
        let mark = if r.warning.is_some() { " ⚠" } else { "" };
        t.add_row(vec![
            r.deadline.id.clone(),
            // The real day first, the plan's wording under it.
            format!(
                "{}\n{}{mark}",
                day_label(r.last_working_day, lang),
                written_date(r.deadline.kind, r.deadline.date, lang)
            ),
            tier_label(cx, r),
            r.deadline.action.clone(),
            r.deadline.actor.clone(),
            recipient(r).to_string(),
            row_status_text(r, lang).replacen(" (", "\n(", 1),
        ]);
    }
    // Step id and dates never wrap; the award and the plan's text share what
    // is left.
    for i in 0..2 {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    out.push_str(&t.to_string());
    out.push('\n');
    for r in rows {
        if let Some(w) = &r.warning {
            out.push_str(&format!(
                "⚠ {} ({})\n",
                warning_text(w, lang),
                r.deadline.action
            ));
        }
        if let Some(n) = r.deadline.note.as_deref().filter(|n| !n.is_empty()) {
            out.push_str(&format!(
                "{}: {n} ({})\n",
                lang.pick("Ghi chú", "Note"),
                r.deadline.action
            ));
        }
    }
    out
}

fn kind_key(kind: DeadlineKind) -> &'static str {
    match kind {
        DeadlineKind::Before => "before",
        DeadlineKind::By => "by",
        DeadlineKind::On => "on",
    }
}

fn status_key(status: Status) -> &'static str {
    match status {
        Status::Done => "done",
        Status::Today => "today",
        Status::Left { .. } => "upcoming",
    }
}

/// Calendar days to the last working day (negative once passed) and
/// working days still left after today (0 on the day and after).
fn counts(r: &Row<'_>, today: NaiveDate) -> (i64, i64) {
    let days = (r.last_working_day - today).num_days();
    match r.status {
        Status::Left { working_days, .. } => (days, working_days),
        Status::Today | Status::Done => (days, 0),
    }
}

/// One step in the JSON contract; field order is the contract's.
#[derive(Serialize)]
pub struct JsonRow<'a> {
    id: &'a str,
    tier: Option<&'a str>,
    date: String,
    kind: &'static str,
    actor: &'a str,
    action: &'a str,
    recipient: &'a str,
    weekday: &'static str,
    non_working: bool,
    last_working_day: String,
    days_left: i64,
    working_days_left: i64,
    status: &'static str,
    step: &'static str,
    marked_done: bool,
}

#[derive(Serialize)]
pub struct JsonDoc<'a> {
    deadlines: Vec<JsonRow<'a>>,
}

fn json_row<'a>(r: &Row<'a>, cx: &Context<'_>) -> JsonRow<'a> {
    let (days_left, working_days_left) = counts(r, cx.today);
    let d = r.deadline;
    JsonRow {
        id: &d.id,
        tier: d.tier.as_deref(),
        date: d.date.to_string(),
        kind: kind_key(d.kind),
        actor: &d.actor,
        action: &d.action,
        recipient: d.recipient.as_deref().unwrap_or(""),
        weekday: weekday_name(d.date.weekday(), cx.lang),
        non_working: r.non_working,
        last_working_day: r.last_working_day.to_string(),
        days_left,
        working_days_left,
        status: status_key(r.status),
        step: match d.step {
            StepKind::Submission => "submission",
            StepKind::Event => "event",
        },
        marked_done: r.done,
    }
}

const CSV_HEADER: [&str; 17] = [
    "tier",
    "date",
    "kind",
    "weekday",
    "non_working",
    "last_working_day",
    "days_left",
    "working_days_left",
    "status",
    "actor",
    "action",
    "recipient",
    "note",
    "warning",
    "id",
    "step",
    "marked_done",
];

/// The JSON fields plus note and warning, ISO dates; every text cell is
/// neutralised so a spreadsheet never runs it as a formula.
fn csv(cx: &Context<'_>, rows: &[Row<'_>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER).expect("writing to memory");
    for r in rows {
        let j = json_row(r, cx);
        let text = |s: &str| neutralise(s).into_owned();
        let warning = r
            .warning
            .as_ref()
            .map_or(String::new(), |w| warning_text(w, cx.lang));
        w.write_record([
            text(j.tier.unwrap_or("")),
            j.date,
            j.kind.to_string(),
            text(j.weekday),
            j.non_working.to_string(),
            j.last_working_day,
            j.days_left.to_string(),
            j.working_days_left.to_string(),
            j.status.to_string(),
            text(j.actor),
            text(j.action),
            text(j.recipient),
            text(r.deadline.note.as_deref().unwrap_or("")),
            text(&warning),
            text(j.id),
            j.step.to_string(),
            j.marked_done.to_string(),
        ])
        .expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

/// Text from the campaign file, safe inside a Markdown line: no markup, no
/// line breaks that would end the list item.
fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A checklist: `- [x]` for the steps marked done, `- [ ]` for the others,
/// each with its step id (what `--done` takes).
fn markdown(cx: &Context<'_>, rows: &[Row<'_>]) -> String {
    let lang = cx.lang;
    let (title, today) = heading(cx);
    let mut out = format!("## {}\n\n{today}\n\n", md_text(&title));
    if rows.is_empty() {
        return out + no_steps(lang) + "\n";
    }
    for r in rows {
        let d = r.deadline;
        let tick = if r.done { 'x' } else { ' ' };
        out.push_str(&format!(
            "- [{tick}] **{}** — {} ({}) `{}`\n",
            day_label(r.last_working_day, lang),
            md_text(&d.action),
            md_text(&tier_label(cx, r)),
            d.id
        ));
        let to = match recipient(r) {
            "" => String::new(),
            to => format!(" → {}", md_text(to)),
        };
        out.push_str(&format!("  - {}{to}\n", md_text(&d.actor)));
        out.push_str(&format!(
            "  - {}: {} ({})\n",
            lang.pick("Theo kế hoạch", "As written"),
            written_date(d.kind, d.date, lang),
            weekday_name(d.date.weekday(), lang)
        ));
        out.push_str(&format!(
            "  - {}: {}\n",
            lang.pick("Tình trạng", "Status"),
            row_status_text(r, lang)
        ));
        if let Some(w) = &r.warning {
            out.push_str(&format!("  - ⚠ {}\n", md_text(&warning_text(w, lang))));
        }
        if let Some(n) = d.note.as_deref().filter(|n| !n.is_empty()) {
            out.push_str(&format!(
                "  - {}: {}\n",
                lang.pick("Ghi chú", "Note"),
                md_text(n)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadlines::{Filter, checklist};
    use crate::holidays::Calendar;

    fn view(lang: Lang, f: impl Fn(&Context<'_>, &[Row<'_>]) -> String) -> String {
        let campaign = Campaign::builtin(crate::i18n::Lang::En);
        let today = NaiveDate::from_ymd_opt(2023, 11, 27).unwrap();
        let rows = checklist(&campaign, &Calendar::builtin(), today, Filter::default());
        f(
            &Context {
                campaign: &campaign,
                today,
                lang,
            },
            &rows,
        )
    }

    #[test]
    fn a_table_wraps_to_the_terminal_width() {
        let t = view(Lang::Vi, |cx, rows| table(cx, rows, Some(100)));
        let grid = t.lines().filter(|l| l.starts_with(['│', '┌', '└', '╞']));
        for line in grid {
            assert!(line.chars().count() <= 100, "{line}");
        }
        assert!(t.contains("⚠ 03/12/2023 là Chủ nhật — nộp chậm nhất Thứ Sáu 01/12/2023"));
    }

    #[test]
    fn markdown_text_cannot_open_markup() {
        assert_eq!(md_text("a*b_[c]\nd|#"), "a\\*b\\_\\[c\\] d\\|\\#");
        let md = view(Lang::En, markdown);
        assert!(md.starts_with("## Deadlines of plan 236/KH-UBND"), "{md}");
        // Nothing marked done: nothing ticked, however long ago.
        assert!(md.contains("- [ ] **Monday 21/11/2022**"), "{md}");
        assert!(!md.contains("- [x]"), "{md}");
        assert!(md.contains("- [ ] **Friday 01/12/2023**"), "{md}");
    }
}

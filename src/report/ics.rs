//! The checklist as an iCalendar file (RFC 5545) that any calendar app
//! imports: one all-day event per step on its last working day, with a
//! reminder, and UIDs that stay the same across runs so a re-import updates
//! the events instead of duplicating them.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::deadlines::{Context, tier_label};
use crate::deadlines::{Row, warning_text, weekday_name, written_date};

/// RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets (without CRLF).
pub const MAX_LINE_OCTETS: usize = 75;

/// The whole VCALENDAR, CRLF line endings, folded.
pub fn calendar(cx: &Context<'_>, rows: &[Row<'_>], remind_days: u32) -> String {
    let mut out = String::new();
    let mut line = |s: &str| fold_into(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//thidua//deadlines//VI");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape_text(&calendar_name(cx))));
    let mut seen: HashMap<String, u32> = HashMap::new();
    for r in rows {
        let base = uid(
            &cx.campaign.id,
            r.deadline.tier.as_deref(),
            r.deadline.date,
            &r.deadline.action,
        );
        // Two identical steps would share a UID; number the repeats.
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 {
            base
        } else {
            base.replace('@', &format!("-{n}@"))
        };
        for l in event(cx, r, &id, remind_days) {
            line(&l);
        }
    }
    line("END:VCALENDAR");
    out
}

fn calendar_name(cx: &Context<'_>) -> String {
    format!(
        "{} {}",
        cx.lang.pick("Hạn thi đua", "Deadlines"),
        cx.campaign.id
    )
}

fn event(cx: &Context<'_>, r: &Row<'_>, uid: &str, remind_days: u32) -> Vec<String> {
    let day = r.last_working_day;
    let next = day.succ_opt().unwrap_or(day);
    let summary = format!("[{}] {}", tier_label(cx, r), r.deadline.action);
    let lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{uid}"),
        // A stamp from `today`, not the clock, so the same run gives the same file.
        format!("DTSTAMP:{}T000000Z", ymd(cx.today)),
        format!("DTSTART;VALUE=DATE:{}", ymd(day)),
        format!("DTEND;VALUE=DATE:{}", ymd(next)),
        format!("SUMMARY:{}", escape_text(&summary)),
        format!("DESCRIPTION:{}", escape_text(&description(cx, r))),
        format!("CATEGORIES:{}", escape_text(&tier_label(cx, r))),
        "TRANSP:TRANSPARENT".to_string(),
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        format!("DESCRIPTION:{}", escape_text(&summary)),
        trigger(remind_days),
        "END:VALARM".to_string(),
        "END:VEVENT".to_string(),
    ];
    lines
}

/// Before the start of the all-day event, i.e. midnight `days` days earlier.
fn trigger(days: u32) -> String {
    if days == 0 {
        "TRIGGER:PT0S".to_string()
    } else {
        format!("TRIGGER:-P{days}D")
    }
}

fn description(cx: &Context<'_>, r: &Row<'_>) -> String {
    let (lang, d) = (cx.lang, r.deadline);
    let mut parts = vec![format!("{}: {}", lang.pick("Ai làm", "Who"), d.actor)];
    if let Some(to) = d.recipient.as_deref().filter(|t| !t.is_empty()) {
        parts.push(format!("{}: {to}", lang.pick("Gửi đến", "To whom")));
    }
    parts.push(format!(
        "{}: {} ({})",
        lang.pick("Theo kế hoạch", "As written"),
        written_date(d.kind, d.date, lang),
        weekday_name(d.date.weekday(), lang)
    ));
    if let Some(w) = &r.warning {
        parts.push(format!("⚠ {}", warning_text(w, lang)));
    }
    if let Some(n) = d.note.as_deref().filter(|n| !n.is_empty()) {
        parts.push(format!("{}: {n}", lang.pick("Ghi chú", "Note")));
    }
    let award = d
        .tier
        .as_deref()
        .and_then(|t| cx.campaign.tiers.iter().find(|x| x.id == t))
        .map_or(String::new(), |t| format!(" — {}", t.award));
    parts.push(format!(
        "{}: {}{award}",
        lang.pick("Kế hoạch", "Plan"),
        cx.campaign.id
    ));
    parts.join("\n")
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// A UID that depends only on what the step is: campaign, tier, date, action.
/// FNV-1a, because std's hasher may change between Rust releases.
pub fn uid(campaign: &str, tier: Option<&str>, date: NaiveDate, action: &str) -> String {
    let key = format!(
        "{campaign}\u{1f}{}\u{1f}{date}\u{1f}{action}",
        tier.unwrap_or("")
    );
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}-{}@thidua.deadlines", ymd(date))
}

/// TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and
/// line breaks; other control characters are not allowed, so they become spaces.
pub fn escape_text(s: &str) -> String {
    let s = s.replace("\r\n", "\n");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (a continuation starts with a space,
/// which counts), never inside a UTF-8 character, ending with CRLF.
pub fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests;

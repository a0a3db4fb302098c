//! The calendar side of the warnings: deadlines out of order or outside the
//! campaign period, and district (huyện) awards once districts are gone.

use chrono::NaiveDate;

use super::locate::Source;
use crate::campaign::{Campaign, DeadlineKind};
use crate::i18n::messages::Msg;
use crate::msg;
use crate::problem::Problem;

/// From this day there are no districts (huyện): the two-level local
/// government of the 2025 Law on the Organisation of Local Government.
pub fn districts_abolished() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 1).expect("a valid date")
}

pub(super) fn deadlines(c: &Campaign, src: &Source, out: &mut Vec<Problem>) {
    let mut lists = vec![(
        None,
        src.top_key("deadlines").map_or(1, |l| l.0),
        &c.deadlines,
    )];
    for t in &c.tiers {
        lists.push((Some(&t.id), src.item("tiers", &t.id), &t.deadlines));
    }
    for (tier, start, list) in lists {
        let whose = tier.map_or(String::new(), |t| format!("{}: ", msg!(TierCtx, t)));
        let mut cursor = start;
        let mut previous: Option<NaiveDate> = None;
        for d in list.iter() {
            let key = match d.kind {
                DeadlineKind::Before => "before",
                DeadlineKind::By => "by",
                DeadlineKind::On => "on",
            };
            let date = d.date.format("%Y-%m-%d").to_string();
            let (line, col) = src.key(cursor, key, |v| v == date).unwrap_or((cursor, 1));
            cursor = line + 1;
            let at = |text: String, hint: Msg| {
                Problem::cell(&c.file, line as u64, col, format!("{whose}{text}"))
                    .with_hint(hint.s())
            };
            if let Some(p) = previous.filter(|&p| d.date < p) {
                let text = msg!(LintDeadlineOrder, date, d.action, p);
                out.push(at(text, Msg::HintDeadlineOrder));
            }
            previous = Some(previous.map_or(d.date, |p| p.max(d.date)));
            // "before X" means the last day is the day before X.
            let last_day = match d.kind {
                DeadlineKind::Before => d.date.pred_opt().unwrap_or(d.date),
                _ => d.date,
            };
            if let Some((from, to)) = c.period.filter(|(f, t)| last_day < *f || last_day > *t) {
                let text = msg!(LintDeadlineOutside, date, d.action, from, to);
                out.push(at(text, Msg::HintDeadlineOutside));
            }
        }
    }
}

pub(super) fn district_awards(c: &Campaign, src: &Source, out: &mut Vec<Problem>) {
    let cutoff = districts_abolished();
    let Some(dated) = [c.issued, c.period.map(|p| p.1)]
        .into_iter()
        .flatten()
        .max()
    else {
        return;
    };
    if dated < cutoff {
        return;
    }
    let runs_to = c.period.is_some_and(|p| p.1 == dated);
    for t in &c.tiers {
        let award = t.award.to_lowercase();
        if !(award.contains("huyện") || award.contains("huyen")) {
            continue;
        }
        let from = src.item("tiers", &t.id);
        let (line, col) = src.key(from, "award", |_| true).unwrap_or((from, 1));
        let text = if runs_to {
            msg!(LintDistrictRunsTo, t.id, t.award, cutoff, dated)
        } else {
            msg!(LintDistrictIssued, t.id, t.award, cutoff, dated)
        };
        out.push(Problem::cell(&c.file, line as u64, col, text).with_hint(Msg::HintDistrict.s()));
    }
}

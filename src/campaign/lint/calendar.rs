//! The calendar side of the warnings: deadlines out of order or outside the
//! campaign period, and district (huyện) awards once districts are gone.

use chrono::NaiveDate;

use crate::campaign::{Campaign, DeadlineKind};
use crate::i18n::Text;
use crate::i18n::messages::Msg;
use crate::msg;
use crate::problem::Problem;

/// From this day there are no districts (huyện): the two-level local
/// government of the 2025 Law on the Organisation of Local Government.
pub fn districts_abolished() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 1).expect("a valid date")
}

pub(super) fn deadlines(c: &Campaign, out: &mut Vec<Problem>) {
    let mut lists = vec![(None, &c.deadlines)];
    for t in &c.tiers {
        lists.push((Some(&t.id), &t.deadlines));
    }
    for (tier, list) in lists {
        let whose = tier.map_or(Text::default(), |t| msg!(TierCtx, t) + ": ");
        let mut previous: Option<NaiveDate> = None;
        for d in list.iter() {
            let date = d.date.format("%Y-%m-%d").to_string();
            let at = |text: Text, hint: Msg| {
                d.date_at
                    .problem(&c.file, whose.clone() + text)
                    .with_hint(hint)
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

pub(super) fn district_awards(c: &Campaign, out: &mut Vec<Problem>) {
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
        let text = if runs_to {
            msg!(LintDistrictRunsTo, t.id, t.award, cutoff, dated)
        } else {
            msg!(LintDistrictIssued, t.id, t.award, cutoff, dated)
        };
        out.push(
            t.award_at
                .problem(&c.file, text)
                .with_hint(Msg::HintDistrict),
        );
    }
}

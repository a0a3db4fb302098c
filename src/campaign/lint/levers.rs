//! A lever that breaks a rule of the data, whatever the data: one that adds
//! to a part of a partition (on-time, early and late dossiers make up the
//! resolved ones) without adding to the whole or taking from another part.
//! Applied once, such a change makes the parts exceed their whole, so no unit
//! can ever use it; the search would only answer "data limit".

use super::Source;
use crate::campaign::Campaign;
use crate::metrics::PARTS;
use crate::problem::Problem;

pub(super) fn levers(c: &Campaign, src: &Source, out: &mut Vec<Problem>) {
    for lever in &c.levers {
        let delta = |m: &str| -> i64 {
            lever
                .change
                .iter()
                .filter(|(n, _)| n == m)
                .map(|(_, d)| *d)
                .sum()
        };
        // Partitions only: one part alone below its whole (online dossiers
        // of all received) leaves room, and the search bounds k by it.
        for (parts, whole) in PARTS.iter().filter(|(ps, _)| ps.len() > 1) {
            let grown: i64 = parts.iter().map(|p| delta(p)).sum();
            if grown <= delta(whole) {
                continue;
            }
            let raised: Vec<&str> = parts.iter().copied().filter(|p| delta(p) > 0).collect();
            let (line, col) = src
                .key(lever.line, "id", |v| v == lever.id)
                .unwrap_or((lever.line, 1));
            out.push(
                Problem::cell(
                    &c.file,
                    line as u64,
                    col,
                    format!(
                        "lever `{}` adds to {} without adding to {whole}: {} would exceed {whole} at the first step, so no unit can use it",
                        lever.id,
                        raised.join(", "),
                        parts.join(" + ")
                    ),
                )
                .with_hint(format!(
                    "move dossiers between the parts instead, e.g. change: {{ tre_han: -1, {}: +1 }}",
                    raised.first().unwrap_or(&"dung_han")
                )),
            );
        }
    }
}

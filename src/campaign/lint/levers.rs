//! A lever that breaks a rule of the data, whatever the data: one that adds
//! to a part of a partition (on-time, early and late dossiers make up the
//! resolved ones) without adding to the whole or taking from another part.
//! Applied once, such a change makes the parts exceed their whole, so no unit
//! can ever use it; the search would only answer "data limit".

use super::Source;
use crate::campaign::Campaign;
use crate::metrics::PARTS;
use crate::msg;
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
            let (raised_list, sum) = (raised.join(", "), parts.join(" + "));
            let text = msg!(LintLeverPartition, lever.id, raised_list, whole, sum);
            let hint = msg!(HintLeverPartition, raised.first().unwrap_or(&"dung_han"));
            out.push(Problem::cell(&c.file, line as u64, col, text).with_hint(hint));
        }
    }
}

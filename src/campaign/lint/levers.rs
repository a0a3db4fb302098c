//! A lever that breaks a rule of the data, whatever the data: one that adds
//! to a part of a partition (on-time, early and late dossiers make up the
//! resolved ones) without adding to the whole or taking from another part.
//! Applied once, such a change makes the parts exceed their whole, so no unit
//! can ever use it; the search would only answer "data limit".

use crate::campaign::Campaign;
use crate::metrics::PARTS;
use crate::msg;
use crate::problem::Problem;

pub(super) fn levers(c: &Campaign, out: &mut Vec<Problem>) {
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
            let (raised_list, sum) = (raised.join(", "), parts.join(" + "));
            let text = msg!(LintLeverPartition, lever.id, raised_list, whole, sum);
            let hint = msg!(HintLeverPartition, raised.first().unwrap_or(&"dung_han"));
            out.push(lever.line.problem(&c.file, text).with_hint(hint));
        }
    }
}

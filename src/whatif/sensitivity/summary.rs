//! The draws summed up per unit: median and 5th–95th percentile ranks from a
//! histogram of each unit's ranks, and the share of draws inside the quota.

use super::{Model, Robustness};

/// Median, 5th and 95th percentile ranks (nearest rank: integers only) and
/// the quota probability of every unit. Reads the draw-major rank matrix a
/// block of units at a time: each pass reads a contiguous run of every row,
/// and the block's histograms stay in cache.
pub(super) fn summarise(
    model: &Model,
    ranks: &[u32],
    halves: &[u32],
    draws: usize,
) -> Vec<(usize, Robustness)> {
    const BLOCK: usize = 128;
    let n = model.score_of.len();
    let largest = model.groups.iter().map(|(a, b)| b - a).max().unwrap_or(0);
    let mut hist = vec![0u32; BLOCK * (largest + 1)];
    let mut out = Vec::with_capacity(n);
    for first in (0..n).step_by(BLOCK) {
        let last = (first + BLOCK).min(n);
        hist.fill(0);
        for row in ranks.chunks(n) {
            for (j, &r) in row[first..last].iter().enumerate() {
                hist[j * (largest + 1) + r as usize] += 1;
            }
        }
        for u in first..last {
            let h = &hist[(u - first) * (largest + 1)..(u - first + 1) * (largest + 1)];
            out.push((
                u,
                Robustness {
                    nominal_rank: model.nominal[u].0,
                    nominal_line: model.nominal[u].1,
                    median_rank: percentile(h, draws, 50),
                    p5_rank: percentile(h, draws, 5),
                    p95_rank: percentile(h, draws, 95),
                    p_in_quota: f64::from(halves[u]) / (2.0 * draws as f64),
                },
            ));
        }
    }
    out
}

/// Nearest-rank percentile of a histogram of ranks: the smallest rank whose
/// cumulative count reaches ⌈p% of the draws⌉.
pub(in crate::whatif) fn percentile(hist: &[u32], draws: usize, p: usize) -> u32 {
    let target = (p * draws).div_ceil(100).max(1) as u64;
    let mut seen = 0u64;
    for (rank, &c) in hist.iter().enumerate() {
        seen += u64::from(c);
        if seen >= target {
            return rank as u32;
        }
    }
    hist.len() as u32 - 1
}

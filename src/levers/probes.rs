//! The probes of one search (one unit, one lever) kept flat in buffers that
//! the search reuses from lever to lever, so a probe allocates nothing: what
//! the monotonicity check and the search read of each probe (k, inside, rank
//! key, percent, failed gates).

use std::ops::Range;

use crate::campaign::Campaign;
use crate::metrics::UnitRow;
use crate::ranking::{LineStatus, rank_key_into};
use crate::scoring::UnitScore;

/// One probe as recorded.
#[derive(Debug, Clone)]
pub(super) struct Rec {
    pub k: u64,
    /// The campaign could score the unit with k steps.
    pub scored: bool,
    pub status: Option<LineStatus>,
    pub percent: Option<f64>,
    key: Range<usize>,
    gates: Range<usize>,
}

impl Rec {
    /// Inside T's line or in a higher tier's place (see `search::beyond`).
    fn beyond(&self) -> bool {
        matches!(
            self.status,
            Some(LineStatus::In | LineStatus::WonHigherTier(_))
        )
    }
}

/// The probes of one search, by the order they were made.
#[derive(Debug, Default)]
pub(super) struct Probes {
    recs: Vec<Rec>,
    keys: Vec<i64>,
    failed: Vec<bool>,
}

/// What a unit's search reuses: its row, the last probe's score, a key and
/// the probes.
pub(super) struct Scratch {
    pub row: UnitRow,
    pub score: UnitScore,
    /// The k `score` holds, when it holds a scored probe.
    pub last: Option<u64>,
    pub key: Vec<i64>,
    pub probes: Probes,
}

impl Scratch {
    pub fn new(row: UnitRow) -> Scratch {
        Scratch {
            row,
            score: UnitScore::empty(),
            last: None,
            key: Vec::new(),
            probes: Probes::default(),
        }
    }
}

impl Probes {
    pub fn clear(&mut self) {
        self.recs.clear();
        self.keys.clear();
        self.failed.clear();
    }

    pub fn find(&self, k: u64) -> Option<&Rec> {
        self.recs.iter().find(|r| r.k == k)
    }

    /// Records the probe at k: `score` is `None` when the unit could not be
    /// scored; `key` is the score's rank key.
    pub fn push(
        &mut self,
        k: u64,
        score: Option<&UnitScore>,
        key: &[i64],
        status: Option<LineStatus>,
    ) {
        let k0 = self.keys.len();
        let g0 = self.failed.len();
        if let Some(s) = score {
            self.keys.extend_from_slice(key);
            self.failed.extend(s.gates.iter().map(|g| g.failed()));
        }
        self.recs.push(Rec {
            k,
            scored: score.is_some(),
            status,
            percent: score.and_then(|s| s.percent),
            key: k0..self.keys.len(),
            gates: g0..self.failed.len(),
        });
    }

    /// Records k = 0, the unit as it is (outside: no status is needed).
    pub fn push_base(&mut self, c: &Campaign, s: &UnitScore, key: &mut Vec<i64>) {
        rank_key_into(c, s, key);
        self.push(0, Some(s), key, None);
    }

    /// Whether the probes, in order of k (from k = 0, as things are), move
    /// one way only: the unit's rank key, its percent (the floor) and its
    /// gates never go down and being inside (or past, in a higher tier's
    /// place) is never lost — or all of them never go up, so it is never
    /// gained. Either way bisection cannot miss a k.
    pub fn monotone(&mut self) -> bool {
        self.recs.sort_by_key(|r| r.k);
        let le = |x: &Rec, y: &Rec| {
            self.keys[x.key.clone()] <= self.keys[y.key.clone()]
                && x.percent <= y.percent
                && self.failed[x.gates.clone()]
                    .iter()
                    .zip(&self.failed[y.gates.clone()])
                    .all(|(&g, &h)| g || !h)
        };
        let step = |a: &Rec, b: &Rec, up: bool| match (a.scored, b.scored) {
            (true, true) if up => le(a, b) && (b.beyond() || !a.beyond()),
            (true, true) => le(b, a) && (a.beyond() || !b.beyond()),
            _ => false,
        };
        [true, false]
            .into_iter()
            .any(|up| self.recs.windows(2).all(|w| step(&w[0], &w[1], up)))
    }
}

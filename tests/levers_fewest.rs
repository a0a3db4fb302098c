//! The lever search's shortcuts (the ceiling that skips the search, levers
//! that move nothing of a group) never change an answer: against a plain
//! scan of k = 1, 2, … on the edited data, a reached k is the fewest that
//! gets the unit in, and an unreachable lever gets it in with no k.

use proptest::prelude::*;
use thidua::levers::{self, Outcome};
use thidua::ranking::LineStatus;
use thidua::scoring::Scorer;

use crate::levers::{case, moved, status};

/// Steps scanned at most per answer (the generated counts are small, so
/// this covers k_max or goes well past any k found).
const SCAN: u64 = 40;

proptest! {
    #![proptest_config(crate::util::cases(32))]
    #[test]
    fn reached_k_is_the_fewest_and_unreachable_means_no_k((c, m, tiers) in case(7)) {
        let scorer = Scorer::new(&c, &m).unwrap();
        let scores = scorer.score_all(&m).unwrap();
        let bound = levers::bind(&c, &m).unwrap();
        for tier in 0..tiers {
            let answers = levers::what_it_takes(&c, &scorer, &m, &scores, tier, &bound, 2);
            for (u, a) in answers.iter().enumerate() {
                let Some(a) = a else { continue };
                for ans in &a.answers {
                    let last = match ans.outcome {
                        Outcome::Reached { k, .. } => k - 1,
                        Outcome::Unreachable { k_max, .. } => k_max,
                    };
                    let first = (1..=last.min(SCAN))
                        .find(|&k| status(&c, &moved(&c, &m, u, ans.lever, k), tier, u) == LineStatus::In);
                    prop_assert_eq!(first, None, "unit {} lever {} {:?}", u, ans.lever, ans.outcome);
                }
            }
        }
    }
}

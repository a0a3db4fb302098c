//! Unit tests of the lever search: the shortcut line agrees with the real
//! walk, on the shipped example.

use super::*;
use crate::campaign::Campaign;
use crate::metrics;

fn example() -> (Campaign, Metrics) {
    let src = include_str!("../../examples/ninh-phuoc-2023.csv");
    (
        Campaign::builtin(crate::i18n::Lang::En),
        metrics::read(src.as_bytes(), "ex.csv", None).unwrap(),
    )
}

#[test]
fn shortcut_line_agrees_with_the_walk_on_the_example() {
    let (c, m) = example();
    let scorer = Scorer::new(&c, &m).unwrap();
    let scores = scorer.score_all(&m).unwrap();
    let bound = bind(&c, &m).unwrap();
    for tier in 0..c.tiers.len() {
        let search = Search::new(&c, &scorer, &m, &scores, tier, &bound);
        for i in search.candidates() {
            let (_, fast) = search.lines.unchanged(i).unwrap();
            for l in &bound {
                let mut row = m.units[scores[i].unit].clone();
                for k in 0..40 {
                    let p = search.probe(i, l, &mut row, k, fast);
                    let s = p.score.unwrap();
                    let want = line::exact(&c, &scores, tier, i, &s).map(|x| x.0);
                    assert_eq!(
                        p.status, want,
                        "unit {} lever {} k {k}",
                        m.units[i].id, c.levers[l.lever].id
                    );
                }
            }
        }
    }
}

#[test]
fn the_first_commune_below_the_line_needs_five_late_dossiers_on_time() {
    let (c, m) = example();
    let scorer = Scorer::new(&c, &m).unwrap();
    let scores = scorer.score_all(&m).unwrap();
    let bound = bind(&c, &m).unwrap();
    let huyen = c.tier_index("huyen").unwrap();
    let search = Search::new(&c, &scorer, &m, &scores, huyen, &bound);
    let i = m.unit_index("xa_phuoc_son").unwrap();
    let u = search.unit(i);
    assert_eq!(u.status, LineStatus::Out);
    for a in &u.answers {
        assert!(search.verify(i, a), "{}", c.levers[a.lever].id);
    }
    assert_eq!(u.answers[0].k(), Some(5));
    // Satisfaction is at 19,55 of 20: full marks would still not be enough.
    assert_eq!(
        u.answers[1].outcome,
        Outcome::Unreachable {
            why: Why::MaxNotEnough,
            k_max: SEARCH_CAP
        }
    );
}

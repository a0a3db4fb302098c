//! The `per_unit` rule for people across a group, as a law over any list:
//! no unit gets more than its cap (places a tie speaks for included), no tie
//! lets anyone of its unit below it in, a tie for the group's last places is
//! the end of the list, nobody equal to or better than a chosen person is
//! left out unless the cap stops them, and the file's order decides nothing.

use std::collections::HashMap;

use proptest::prelude::*;
use thidua::campaign::Campaign;
use thidua::nomination::{Pick, across_ties, nominate};
use thidua::people::Person;
use thidua::scoring::Scorer;

/// (unit, direct, score, eligible): few scores, so ties are common.
type Row = (usize, bool, u32, bool);

fn rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec(
        (
            0usize..5,
            any::<bool>(),
            7u32..10,
            prop::bool::weighted(0.9),
        ),
        0..24,
    )
}

fn person(i: usize, &(u, direct, score, eligible): &Row) -> Person {
    Person {
        unit_id: format!("u{u}"),
        person_id: format!("p{i}"),
        full_name: format!("Người {i}"),
        position: "Công chức".into(),
        direct,
        eligible,
        score: Some(f64::from(score)),
        note: String::new(),
        female: None,
        leader: false,
        line: i as u64 + 2,
    }
}

/// A person's place in the plan's order `[direct, score]`: lower is better.
fn level(p: &Person) -> (bool, i64) {
    (!p.direct, -(p.score.unwrap() as i64))
}

/// Person id → status ("named", "unit_tie", "group_tie") of the list, and
/// the places of the tie for the group's last places (0 without one).
fn outcome(places: u32, cap: u32, people: &[Person]) -> (HashMap<String, &'static str>, u32) {
    let yaml = format!(
        "schema: thidua/campaign/v1\nid: q\ngroups: {{ xa: {{ name: X }} }}\ncriteria: [{{ id: a, name: A, points: 10, value: a }}]\ntiers:\n  - {{ id: gk, award: G, quotas: [{{ group: xa, individuals: {places}, per_unit: {cap} }}] }}\n"
    );
    let c = Campaign::from_yaml(&yaml, "p.yaml").unwrap();
    let csv = "unit_id,unit_name,group,a\nu0,A,xa,1\nu1,B,xa,2\nu2,C,xa,3\nu3,D,xa,4\nu4,E,xa,5\n";
    let m = thidua::metrics::read(csv.as_bytes(), "p.csv", None).unwrap();
    let scores = Scorer::new(&c, &m).unwrap().score_all(&m).unwrap();
    let ids: Vec<&str> = m.units.iter().map(|u| u.id.as_str()).collect();
    let tn = nominate(&c, &scores, &ids, Some(people));
    let q = &tn[0].quotas[0];
    let (contested, _) = across_ties(q);
    let named = q.individuals.iter().filter(|i| i.named()).count() as u32;
    assert!(
        named + contested <= places,
        "{named} + {contested} > {places}"
    );
    let mut last = 0;
    let out = q
        .individuals
        .iter()
        .map(|i| match i.pick {
            Pick::Person(p) => (people[p].person_id.clone(), "named"),
            Pick::Tie { person, .. } if i.within_unit => {
                (people[person].person_id.clone(), "unit_tie")
            }
            Pick::Tie { person, places } => {
                last = places;
                (people[person].person_id.clone(), "group_tie")
            }
            other => panic!("with an individuals file nothing is {other:?}"),
        })
        .collect();
    (out, last)
}

proptest! {
    #![proptest_config(crate::util::cases(300))]
    #[test]
    fn per_unit_ties_contest_only_their_units_places(
        rows in rows(),
        places in 1u32..8,
        cap in 1u32..3,
        seed in any::<u64>(),
    ) {
        let people: Vec<Person> = rows.iter().enumerate().map(|(i, r)| person(i, r)).collect();
        let (out, last) = outcome(places, cap, &people);
        let of = |id: &str| people.iter().find(|p| p.person_id == id).unwrap();
        // Per unit: named people, and the levels of its people tied for its
        // own place(s) (all equal, more than its room).
        for u in 0..5 {
            let unit = format!("u{u}");
            let mine = |s: &str| out.iter().filter(|&(id, st)| *st == s && of(id).unit_id == unit).map(|(id, _)| of(id)).collect::<Vec<_>>();
            let named = mine("named");
            let tied = mine("unit_tie");
            let room = cap - named.len().min(cap as usize) as u32;
            prop_assert!(named.len() as u32 <= cap, "{} over its cap", unit);
            if let Some(t) = tied.first() {
                prop_assert!(tied.iter().all(|p| level(p) == level(t)));
                prop_assert!(tied.len() as u32 > room, "a unit tie with room for all of it");
                // Nobody of the unit below its tie is named.
                prop_assert!(named.iter().all(|p| level(p) < level(t)));
            }
        }
        // A tie for the group's last places is one its people could not all
        // take: their units' room gives them more seats than the places.
        let seats: u32 = (0..5).map(|u| {
            let unit = format!("u{u}");
            let count = |s: &str| out.iter().filter(|&(id, st)| *st == s && of(id).unit_id == unit).count() as u32;
            count("group_tie").min(cap - count("named"))
        }).sum();
        prop_assert!(last == 0 || seats > last, "{} seats tied for {} places", seats, last);
        // Nothing below a tie for the group's last places is named.
        if let Some(worst) = out.iter().filter(|&(_, s)| *s == "group_tie").map(|(id, _)| level(of(id))).max() {
            prop_assert!(out.iter().filter(|&(_, s)| *s == "named").all(|(id, _)| level(of(id)) <= worst));
        }
        // Whoever is left out is below everyone listed, or their unit is
        // spoken for (named and tied for its places fill its cap).
        let listed_worst = out.keys().map(|id| level(of(id))).max();
        for p in people.iter().filter(|p| p.eligible && !out.contains_key(&p.person_id)) {
            let full = out.keys().map(|id| of(id)).filter(|x| x.unit_id == p.unit_id).count() as u32 >= cap;
            prop_assert!(full || listed_worst.is_none_or(|w| level(p) > w) || out.values().any(|s| *s == "group_tie"),
                "{} left out", p.person_id);
            prop_assert!(full || listed_worst.is_none_or(|w| level(p) >= w), "{} left out above the list", p.person_id);
        }
        // The file's order decides nothing.
        let mut shuffled = people.clone();
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        prop_assert_eq!(outcome(places, cap, &shuffled), (out, last));
    }
}

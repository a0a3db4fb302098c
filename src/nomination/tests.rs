use super::*;
use crate::import::people;
use crate::metrics;
use crate::scoring::Scorer;

/// Two tiers (top: 1 place, low: 2 places) over one group; `x` is the only
/// criterion, so totals are 10 × x; a gate on `late` for the top tier.
const CAMPAIGN: &str = r#"schema: thidua/campaign/v1
id: t
groups: { xa: { name: X } }
criteria:
  - { id: a, name: A, points: 10, value: "x" }
gates:
  - { id: clean, name: Clean, rule: "late == 0", tiers: [top] }
exclusive: true
tiers:
  - { id: top, award: Top, quotas: [{ group: xa, collectives: 1, individuals_each: 1 }] }
  - { id: low, award: Low, min_percent: 30, quotas: [{ group: xa, collectives: 2, individuals_each: 1 }] }
"#;

struct Run {
    ids: Vec<String>,
    result: Vec<TierNomination>,
}

fn run_with(
    campaign: &str,
    rows: &[(&str, f64, u32)],
    people_csv: Option<&str>,
) -> (Run, Vec<Person>) {
    let c = Campaign::from_yaml(campaign, "c.yaml").unwrap();
    let csv: String = std::iter::once("unit_id,unit_name,group,x,late\n".to_string())
        .chain(
            rows.iter()
                .map(|(id, x, late)| format!("{id},{id},xa,{x},{late}\n")),
        )
        .collect();
    let m = metrics::read(csv.as_bytes(), "m.csv", None).unwrap();
    let scores = Scorer::new(&c, &m).unwrap().score_all(&m).unwrap();
    let ids: Vec<String> = m.units.iter().map(|u| u.id.clone()).collect();
    let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let ppl = people_csv
        .map(|p| people::read(p.as_bytes(), "p.csv").unwrap())
        .unwrap_or_default();
    let result = nominate(&c, &scores, &id_refs, people_csv.map(|_| ppl.as_slice()));
    (Run { ids, result }, ppl)
}

fn run(rows: &[(&str, f64, u32)]) -> Run {
    run_with(CAMPAIGN, rows, None).0
}

impl Run {
    fn statuses(&self, tier: usize) -> Vec<(String, &'static str)> {
        self.result[tier].quotas[0]
            .collectives
            .iter()
            .map(|c| (self.ids[c.score].clone(), c.status.id()))
            .collect()
    }

    fn with(&self, tier: usize, status: &str) -> Vec<&str> {
        self.result[tier].quotas[0]
            .collectives
            .iter()
            .filter(|c| c.status.id() == status)
            .map(|c| self.ids[c.score].as_str())
            .collect()
    }
}

#[test]
fn a_gate_failure_skips_the_top_unit_and_the_cascade_fills_from_the_next() {
    let r = run(&[
        ("a", 1.0, 3),
        ("b", 0.9, 0),
        ("c", 0.8, 0),
        ("d", 0.7, 0),
        ("e", 0.6, 0),
    ]);
    assert_eq!(r.with(0, "nominated"), ["b"]);
    assert_eq!(r.with(0, "ineligible"), ["a"]);
    assert_eq!(
        r.result[0].quotas[0].collectives[0].failed,
        [crate::ranking::Reason::Gate(0)]
    );
    // low: b already won top (exclusive); a is eligible here (the gate is top-only).
    assert_eq!(r.with(1, "won_higher_tier"), ["b"]);
    assert_eq!(r.with(1, "nominated"), ["a", "c"]);
    assert_eq!(r.with(1, "below_line"), ["d", "e"]);
    assert_eq!(
        r.result[1].quotas[0]
            .collectives
            .iter()
            .find(|c| c.status == Status::WonHigherTier(0))
            .map(|c| c.rank),
        Some(2)
    );
}

#[test]
fn quotas_are_maxima() {
    let r = run(&[("a", 0.9, 1), ("b", 0.5, 1), ("c", 0.1, 0)]);
    // top: only c passes the gate; low: a and b, c is under the 30% floor and won top anyway.
    assert_eq!(
        (r.with(0, "nominated"), r.result[0].quotas[0].filled),
        (vec!["c"], 1)
    );
    assert_eq!(
        (r.with(1, "nominated"), r.result[1].quotas[0].filled),
        (vec!["a", "b"], 2)
    );
    let r = run(&[("a", 0.9, 1), ("b", 0.2, 1)]);
    assert_eq!(
        (r.with(0, "nominated").len(), r.result[0].quotas[0].filled),
        (0, 0),
        "no eligible unit: 0 of 1 places"
    );
    assert_eq!(
        r.statuses(1),
        [
            ("a".to_string(), "nominated"),
            ("b".to_string(), "ineligible")
        ],
        "b is under the floor"
    );
    assert_eq!(
        r.result[1].quotas[0].collectives[1].failed,
        [crate::ranking::Reason::Floor]
    );
}

#[test]
fn a_tie_at_the_line_is_handed_to_people() {
    let r = run(&[("a", 0.9, 0), ("b", 0.7, 0), ("c", 0.7, 0), ("d", 0.6, 0)]);
    // low has 2 places; a won top; b and c tie for both places: both in.
    assert_eq!(r.with(1, "nominated"), ["b", "c"]);
    let r = run(&[("a", 0.9, 0), ("z", 0.8, 0), ("b", 0.7, 0), ("c", 0.7, 0)]);
    // low: z takes one place; b and c tie for the last one: neither is picked.
    assert_eq!(r.with(1, "nominated"), ["z"]);
    assert_eq!(r.with(1, "tie"), ["b", "c"]);
    let q = &r.result[1].quotas[0];
    assert_eq!(
        (q.filled, q.tie),
        (
            1,
            Some(TieAtLine {
                units: 2,
                places: 1
            })
        )
    );
    assert!(
        q.individuals
            .iter()
            .all(|i| i.collective != q.collectives[2].score),
        "no individual for a tie yet"
    );
}

#[test]
fn a_tie_for_a_higher_tier_stays_open_below() {
    let r = run(&[("a", 0.9, 0), ("b", 0.9, 0), ("c", 0.5, 0)]);
    assert_eq!(r.with(0, "tie"), ["a", "b"]);
    assert_eq!(r.with(1, "nominated"), ["a", "b"]);
    assert!(
        r.result[1].quotas[0].collectives[..2]
            .iter()
            .all(|c| c.tied_higher == Some(0))
    );
}

const PEOPLE: &str = "unit_id,person_id,full_name,position,direct,eligible,score\n\
    b,b1,Lê Văn Một,Phó Chủ tịch,0,1,9.9\n\
    b,b2,Ngô Thị Hai,Công chức một cửa,1,1,8\n\
    b,b3,Đỗ Văn Ba,Công chức tư pháp,1,0,10\n\
    b,b4,Phan Thị Bốn,Công chức địa chính,1,1,8\n\
    a,a1,Vũ Năm,Văn thư,1,0,\n";

#[test]
fn individuals_follow_the_rule_and_are_never_chosen_twice() {
    let c = CAMPAIGN.replace(
        "collectives: 2, individuals_each: 1",
        "collectives: 2, individuals_each: 2",
    );
    let c = c.replace("exclusive: true", "exclusive: false");
    let (r, people) = run_with(&c, &[("a", 0.6, 1), ("b", 0.9, 0)], Some(PEOPLE));
    let names = |tier: usize| -> Vec<String> {
        r.result[tier].quotas[0]
            .individuals
            .iter()
            .map(|i| match i.pick {
                Pick::Person(p) => format!("{}:{}", r.ids[i.collective], people[p].person_id),
                other => format!("{}:{other:?}", r.ids[i.collective]),
            })
            .collect()
    };
    // top: b2 and b4 are both direct workers with score 8, so neither is
    // picked (never by file order); the ineligible b3 is skipped despite its
    // score.
    assert_eq!(
        names(0),
        [
            "b:Tie { person: 1, places: 1 }",
            "b:Tie { person: 3, places: 1 }"
        ]
    );
    // Not exclusive: b wins low too, with two places: b2 and b4 both fit.
    assert_eq!(names(1), ["b:b2", "b:b4", "a:Missing", "a:Missing"]);
    // With b4 scoring less, top picks b2; low (not exclusive) cannot propose
    // b2 again: one achievement, one award, in every campaign.
    let people_csv = PEOPLE.replace(
        "Phan Thị Bốn,Công chức địa chính,1,1,8",
        "Phan Thị Bốn,Công chức địa chính,1,1,7.5",
    );
    let (r, people) = run_with(&c, &[("a", 0.6, 1), ("b", 0.9, 0)], Some(&people_csv));
    let names = |tier: usize| -> Vec<String> {
        r.result[tier].quotas[0]
            .individuals
            .iter()
            .map(|i| match i.pick {
                Pick::Person(p) => format!("{}:{}", r.ids[i.collective], people[p].person_id),
                other => format!("{}:{other:?}", r.ids[i.collective]),
            })
            .collect()
    };
    assert_eq!(names(0), ["b:b2"]);
    assert_eq!(names(1), ["b:b4", "b:b1", "a:Missing", "a:Missing"]);
    let (r, people) = run_with(
        CAMPAIGN,
        &[("a", 0.6, 1), ("b", 0.9, 0), ("d", 0.5, 0)],
        Some(&people_csv),
    );
    let chosen: Vec<&str> = r
        .result
        .iter()
        .flat_map(|t| &t.quotas[0].individuals)
        .filter_map(|i| {
            if let Pick::Person(p) = i.pick {
                Some(people[p].person_id.as_str())
            } else {
                None
            }
        })
        .collect();
    assert_eq!(
        chosen,
        ["b2"],
        "exclusive: b won top, a has no eligible person, d is not in the file"
    );
    let (r, _) = run_with(CAMPAIGN, &[("b", 0.9, 0)], None);
    assert_eq!(
        r.result[0].quotas[0].individuals[0].pick,
        Pick::ToBeProposed
    );
}

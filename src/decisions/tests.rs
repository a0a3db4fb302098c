use super::*;
use crate::i18n::InEnglish as _;
use crate::import::people;
use crate::metrics;
use crate::nomination::{Pick, Status, nominate_decided};
use crate::ranking::{LineStatus, Settle, rank_decided};
use crate::scoring::Scorer;

/// One tier, 2 places over `xa`; b and c tie for the second.
const CAMPAIGN: &str = r#"schema: thidua/campaign/v1
id: t
groups: { xa: { name: X }, pb: { name: P } }
criteria:
  - { id: a, name: A, points: 10, value: "x" }
tiers:
  - { id: top, award: Top, quotas: [{ group: xa, collectives: 2, individuals_each: 1 }] }
"#;

const DATA: &str = "unit_id,unit_name,group,x\na,A,xa,0.9\nb,B,xa,0.7\nc,C,xa,0.7\nd,D,xa,0.5\n";

const PEOPLE: &str = "unit_id,person_id,full_name,position,direct,score\n\
    a,a1,Một,CV,1,8\na,a2,Hai,CV,1,8\nb,b1,Ba,CV,1,9\nc,c1,Bốn,CV,1,9\n";

struct Fixture {
    campaign: Campaign,
    metrics: Metrics,
    people: Vec<Person>,
}

fn fixture() -> Fixture {
    Fixture {
        campaign: Campaign::from_yaml(CAMPAIGN, "c.yaml").unwrap(),
        metrics: metrics::read(DATA.as_bytes(), "m.csv", None).unwrap(),
        people: people::read(PEOPLE.as_bytes(), "p.csv").unwrap(),
    }
}

impl Fixture {
    fn decisions(&self, yaml: &str) -> Result<Decisions, ProblemsError> {
        Decisions::from_yaml(
            yaml,
            "d.yaml",
            &self.campaign,
            &self.metrics,
            Some(&self.people),
        )
    }

    fn scores(&self, d: &Decisions) -> Vec<UnitScore> {
        let mut s = Scorer::new(&self.campaign, &self.metrics)
            .unwrap()
            .score_all(&self.metrics)
            .unwrap();
        d.adjust(&self.campaign, &self.metrics, &mut s);
        s
    }

    fn ids(&self) -> Vec<&str> {
        self.metrics.units.iter().map(|u| u.id.as_str()).collect()
    }

    /// (unit id, line) in rank order, or the problems.
    fn lines(&self, yaml: &str) -> Result<Vec<(String, Option<LineStatus>)>, String> {
        let d = self.decisions(yaml).map_err(|e| e.en())?;
        let scores = self.scores(&d);
        let ids = self.ids();
        let settle = Settle {
            decisions: &d,
            unit_ids: &ids,
        };
        let g = rank_decided(&self.campaign, &scores, Some(0), Some(settle)).map_err(|e| e.en())?;
        Ok(g[0]
            .entries
            .iter()
            .map(|e| (ids[scores[e.score].unit].to_string(), e.line))
            .collect())
    }
}

fn line(id: &str, l: LineStatus) -> (String, Option<LineStatus>) {
    (id.to_string(), Some(l))
}

#[test]
fn a_settled_tie_puts_the_chosen_inside_and_the_other_out() {
    use LineStatus::*;
    let f = fixture();
    assert_eq!(
        f.lines("").unwrap(),
        [
            line("a", In),
            line("b", Tie),
            line("c", Tie),
            line("d", Out)
        ],
        "without the file nothing is decided"
    );
    let yaml = "ties:\n  - { tier: top, group: xa, chosen: [c], document: \"Biên bản số 12/BB-HĐTĐKT ngày 02/12/2023\" }\n";
    assert_eq!(
        f.lines(yaml).unwrap(),
        [line("a", In), line("b", Out), line("c", In), line("d", Out)]
    );
    let d = f.decisions(yaml).unwrap();
    let scores = f.scores(&d);
    let ids = f.ids();
    let settle = Settle {
        decisions: &d,
        unit_ids: &ids,
    };
    let g = &rank_decided(&f.campaign, &scores, Some(0), Some(settle)).unwrap()[0];
    assert_eq!((g.filled, g.tie), (2, None));
    assert_eq!(
        g.settled.map(|(t, i)| (t.units, t.places, i)),
        Some((2, 1, 0))
    );
    assert_eq!(g.entries.iter().filter(|e| e.decided == Some(0)).count(), 2);
}

#[test]
fn a_tie_decision_must_name_tied_units_as_many_as_the_places() {
    let f = fixture();
    let bad = [
        (
            "ties:\n  - { tier: top, group: xa, chosen: [d], document: BB }\n",
            "d.yaml:2: d not tied at this line (tied: b, c)",
        ),
        (
            "ties:\n  - { tier: top, group: xa, chosen: [b, c], document: BB }\n",
            "d.yaml:2: 2 unit(s) chosen for 1 open place(s): choose exactly 1 of b, c",
        ),
        (
            "ties:\n  - { tier: top, group: pb, chosen: [b], document: BB }\n",
            "d.yaml:2: tier `top` has no quota for group `pb`",
        ),
        (
            "ties:\n  - { tier: top, group: xa, chosen: [zz], document: BB }\n",
            "d.yaml:2: unknown unit `zz`: not in m.csv",
        ),
        (
            "ties:\n  - { tier: nope, group: xa, chosen: [b], document: BB }\n",
            "d.yaml:2: unknown tier `nope`",
        ),
        (
            "ties:\n  - { tier: top, group: xa, chosen: [b] }\n",
            "d.yaml:2: a decision needs its `document`",
        ),
        (
            "ties:\n  - { tier: top, group: xa, chosen: [b], document: BB }\n  - { tier: top, group: xa, chosen: [c], document: BB }\n",
            "d.yaml:3: a second decision for the same tie",
        ),
        (
            "adjustments:\n  - { unit_id: a, points: 0, document: QĐ }\n",
            "d.yaml:2: points must be a number other than 0",
        ),
        (
            "ties: 3\n",
            "d.yaml:1:7: not a decisions file: `ties` must be a list (- …), not a number 3",
        ),
    ];
    for (yaml, want) in bad {
        let e = f.lines(yaml).unwrap_err();
        assert!(e.contains(want), "{yaml}\n→ {e}");
    }
    // With the adjustment below, b passes c: no tie left to decide.
    let yaml = "adjustments:\n  - { unit_id: b, points: 0.5, reason: Sáng kiến, document: QĐ 45 }\nties:\n  - { tier: top, group: xa, chosen: [c], document: BB }\n";
    let e = f.lines(yaml).unwrap_err();
    assert!(
        e.contains("d.yaml:4: no tie at the line of tier `top`, group `xa`"),
        "{e}"
    );
}

#[test]
fn adjustments_change_the_total_and_the_ranking_never_below_zero() {
    use LineStatus::*;
    let f = fixture();
    let yaml = "adjustments:\n  - { unit_id: d, points: 3, reason: Sáng kiến, document: \"Quyết định số 45/QĐ-UBND\" }\n  - { unit_id: a, points: -20, reason: Vi phạm, document: QĐ 46 }\n";
    let d = f.decisions(yaml).unwrap();
    let scores = f.scores(&d);
    let total = |id: &str| {
        let s = scores
            .iter()
            .find(|s| f.metrics.units[s.unit].id == id)
            .unwrap();
        (s.total, s.adjustment)
    };
    assert_eq!(total("d"), (8.0, 3.0));
    assert_eq!(total("a"), (0.0, -20.0), "never below 0");
    assert_eq!(
        f.lines(yaml).unwrap(),
        [
            line("d", In),
            line("b", Tie),
            line("c", Tie),
            line("a", Out)
        ]
    );
}

#[test]
fn tied_people_are_settled_only_by_a_decision_naming_them() {
    let f = fixture();
    let ids = f.ids();
    let run = |yaml: &str| {
        let d = f.decisions(yaml).map_err(|e| e.en())?;
        let scores = f.scores(&d);
        nominate_decided(&f.campaign, &scores, &ids, Some(&f.people), Some(&d)).map_err(|e| e.en())
    };
    // a's people a1 and a2 tie; the units b and c tie too.
    let r = run("").unwrap();
    let a = &r[0].quotas[0].individuals;
    assert!(
        a.iter()
            .all(|i| matches!(i.pick, Pick::Tie { places: 1, .. })),
        "{a:?}"
    );
    let yaml = "ties:\n  - { tier: top, unit_id: a, chosen_people: [a2], document: BB 12 }\n  - { tier: top, group: xa, chosen: [b], document: BB 12 }\n";
    let r = run(yaml).unwrap();
    let q = &r[0].quotas[0];
    let picks: Vec<(Pick, Option<usize>)> =
        q.individuals.iter().map(|i| (i.pick, i.decided)).collect();
    assert_eq!(picks, [(Pick::Person(1), Some(0)), (Pick::Person(2), None)]);
    assert_eq!(q.collectives[2].status, Status::BelowLine);
    let e = run("ties:\n  - { tier: top, unit_id: a, chosen_people: [a1, a2], document: BB }\n")
        .unwrap_err();
    assert!(
        e.contains("choose exactly 1 of the tied people of `a` (a1, a2)"),
        "{e}"
    );
    let e = run("ties:\n  - { tier: top, unit_id: b, chosen_people: [b1], document: BB }\n")
        .unwrap_err();
    assert!(e.contains("no tie among the people of `b`"), "{e}");
    let e = run("ties:\n  - { tier: top, unit_id: a, chosen_people: [c1], document: BB }\n")
        .unwrap_err();
    assert!(
        e.contains("person `c1` is not in the individuals file as a person of `a`"),
        "{e}"
    );
}

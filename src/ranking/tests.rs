use super::*;
use crate::metrics;
use crate::scoring::Scorer;

const CAMPAIGN: &str = r#"schema: thidua/campaign/v1
id: t
precision: 2
groups: { xa: { name: X }, pb: { name: P } }
criteria:
  - { id: a, name: A, points: 10, value: "a" }
  - { id: b, name: B, points: 10, value: "b" }
gates:
  - { id: clean, name: Clean, rule: "late == 0", tiers: [top] }
tiebreak: [a]
tiers:
  - id: top
    award: Top
    min_percent: 50
    quotas: [{ group: xa, collectives: 2 }]
"#;

fn ranked(csv: &str, tier: Option<usize>) -> (Vec<GroupRanking>, Vec<String>) {
    let c = Campaign::from_yaml(CAMPAIGN, "c.yaml").unwrap();
    let m = metrics::read(csv.as_bytes(), "m.csv", None).unwrap();
    let s = Scorer::new(&c, &m).unwrap().score_all(&m).unwrap();
    let ids = s.iter().map(|x| m.units[x.unit].id.clone()).collect();
    (rank(&c, &s, tier), ids)
}

fn order(g: &GroupRanking, ids: &[String]) -> Vec<(String, u32)> {
    g.entries
        .iter()
        .map(|e| (ids[e.score].clone(), e.rank))
        .collect()
}

#[test]
fn totals_compare_at_precision_then_tiebreak_then_share_a_rank() {
    // p and q differ only below the precision (7.001 vs 7.004 -> 7.00 both):
    // equal totals, tie-break on `a` puts q first; r and s are equal on
    // everything and share rank 3; t comes 5th, not 4th.
    let csv = "unit_id,unit_name,group,a,b,late\n\
               p,P,xa,0.3,0.4001,0\nq,Q,xa,0.4,0.3004,0\nr,R,xa,0.2,0.4,0\ns,S,xa,0.2,0.4,0\nt,T,xa,0.1,0.1,0\nz,Z,pb,1,1,0\n";
    let (g, ids) = ranked(csv, None);
    assert_eq!(g.len(), 2);
    let got = order(&g[0], &ids);
    let want: Vec<(String, u32)> = [("q", 1), ("p", 2), ("r", 3), ("s", 3), ("t", 5)]
        .iter()
        .map(|(a, b)| (a.to_string(), *b))
        .collect();
    assert_eq!(got, want);
    assert_eq!(order(&g[1], &ids), [("z".to_string(), 1)]);
    assert!(
        g[0].entries.iter().all(|e| e.eligible && e.line.is_none()),
        "tier-only gates do not apply without a tier"
    );
}

#[test]
fn row_order_never_changes_ranks() {
    let a =
        "unit_id,unit_name,group,a,b,late\np,P,xa,0.5,0.5,0\nq,Q,xa,0.5,0.5,0\nr,R,xa,0.9,0.1,0\n";
    let b =
        "unit_id,unit_name,group,a,b,late\nr,R,xa,0.9,0.1,0\nq,Q,xa,0.5,0.5,0\np,P,xa,0.5,0.5,0\n";
    let rank_of = |csv: &str| {
        let (g, ids) = ranked(csv, None);
        let mut v = order(&g[0], &ids);
        v.sort();
        v
    };
    assert_eq!(rank_of(a), rank_of(b));
    assert_eq!(rank_of(a)[0], ("p".to_string(), 2));
}

#[test]
fn tier_ranking_marks_gates_floor_and_the_line() {
    // u1 is best but has a late dossier (fails the tier's gate); u5 is under
    // the 50% floor; u2 and u3 take the two places; u4 is below the line.
    let csv = "unit_id,unit_name,group,a,b,late\n\
               u1,U1,xa,1,1,2\nu2,U2,xa,0.9,0.9,0\nu3,U3,xa,0.8,0.8,0\nu4,U4,xa,0.7,0.7,0\nu5,U5,xa,0.2,0.2,0\nz,Z,pb,1,1,0\n";
    let (g, ids) = ranked(csv, Some(0));
    assert_eq!(g.len(), 1, "only the groups the tier's quotas name");
    let g = &g[0];
    let lines: Vec<(String, Option<LineStatus>, Vec<Reason>)> = g
        .entries
        .iter()
        .map(|e| (ids[e.score].clone(), e.line, e.failed.clone()))
        .collect();
    use LineStatus::*;
    assert_eq!(
        lines[0],
        ("u1".into(), Some(Ineligible), vec![Reason::Gate(0)])
    );
    assert_eq!(lines[1], ("u2".into(), Some(In), vec![]));
    assert_eq!(lines[2], ("u3".into(), Some(In), vec![]));
    assert_eq!(lines[3], ("u4".into(), Some(Out), vec![]));
    assert_eq!(
        lines[4],
        ("u5".into(), Some(Ineligible), vec![Reason::Floor])
    );
    assert_eq!((g.places, g.filled, g.tie), (Some(2), 2, None));
}

#[test]
fn draw_line_marks_ties_at_the_line_not_above_it() {
    use LineStatus::*;
    // Two tied for the last of 2 places.
    assert_eq!(
        draw_line(&[(1, true), (2, true), (2, true), (4, true)], 2),
        (
            vec![In, Tie, Tie, Out],
            1,
            Some(TieAtLine {
                units: 2,
                places: 1
            })
        )
    );
    // A tie above the line: both in.
    assert_eq!(
        draw_line(&[(1, true), (1, true), (3, true)], 2),
        (vec![In, In, Out], 2, None)
    );
    // Three tied for two places.
    assert_eq!(
        draw_line(&[(1, true), (1, true), (1, true)], 2),
        (
            vec![Tie, Tie, Tie],
            0,
            Some(TieAtLine {
                units: 3,
                places: 2
            })
        )
    );
    // An ineligible unit inside a tie does not take part in it.
    assert_eq!(
        draw_line(&[(1, true), (2, false), (2, true), (4, true)], 2),
        (vec![In, Ineligible, In, Out], 2, None)
    );
    // Fewer eligible units than places: the quota is a maximum.
    assert_eq!(
        draw_line(&[(1, false), (2, true)], 3),
        (vec![Ineligible, In], 1, None)
    );
    assert_eq!(draw_line(&[], 3), (vec![], 0, None));
}

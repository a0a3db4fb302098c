use super::*;
use crate::i18n::Lang;
use crate::metrics;
use crate::scoring::Scorer;

/// A small valid campaign; `extra` is appended (tiers, classes…) and
/// `scoring` replaces the criterion's scoring line.
fn yaml(head: &str, scoring: &str, extra: &str) -> String {
    format!(
        "schema: thidua/campaign/v1\nid: t\n{head}groups:\n  xa: {{ name: X }}\n  pb: {{ name: P }}\ncriteria:\n  - id: rate\n    name: R\n    points: 60\n    value: \"(a + b) / c\"\n    scoring: {scoring}\n  - id: other\n    name: O\n    points: 40\n    value: \"a / c\"\n{extra}"
    )
}

fn lint(src: &str) -> Vec<Problem> {
    campaign(&Campaign::from_yaml(src, "c.yaml").unwrap())
}

/// A warning as it reads in English.
#[derive(Debug)]
struct Said {
    line: Option<u64>,
    column: Option<usize>,
    message: String,
    hint: Option<String>,
}

fn en(ps: Vec<Problem>) -> Vec<Said> {
    ps.into_iter()
        .map(|p| Said {
            line: p.line,
            column: p.column,
            message: p.message.render(Lang::En),
            hint: p.hint.map(|h| h.render(Lang::En)),
        })
        .collect()
}

fn one(src: &str) -> Said {
    let ps = en(lint(src));
    assert_eq!(ps.len(), 1, "{ps:#?}");
    ps.into_iter().next().unwrap()
}

fn at(p: &Said) -> (u64, usize) {
    (p.line.unwrap(), p.column.unwrap())
}

#[test]
fn shipped_campaigns_are_clean() {
    for f in ["criteria/ninh-phuoc-236.yaml", "criteria/qd-766.yaml"] {
        let src = std::fs::read_to_string(f).unwrap();
        assert_eq!(lint(&src), vec![], "{f}");
    }
}

#[test]
fn a_clean_campaign_has_no_warning() {
    assert_eq!(lint(&yaml("", "proportional", "")), vec![]);
}

#[test]
fn ratio_is_a_quotient_of_counts_only() {
    for r in [
        "a / b",
        "(a + b) / c",
        "(truoc_han + dung_han - x) / (tiep_nhan + da_giai_quyet)",
        "prev.a / b",
    ] {
        assert!(is_ratio(r), "{r}");
    }
    for r in [
        "100 * a / b",
        "a / b * 100",
        "a",
        "min(a / b, 1)",
        "a / b / c",
        "(a * 2) / b",
        "() / b",
        "(a +) / b",
        "a / 2",
        "(a and b) / c",
    ] {
        assert!(!is_ratio(r), "{r}");
    }
}

#[test]
fn points_must_sum_to_100_or_max_total() {
    let src = yaml("", "proportional", "").replace("points: 40", "points: 50");
    let p = one(&src);
    assert_eq!(p.message, "the criteria's points sum to 110, not 100");
    assert_eq!(at(&p), (6, 1));
    assert!(p.hint.unwrap().contains("max_total: 110"));
    let declared = yaml("max_total: 110\n", "proportional", "").replace("points: 40", "points: 50");
    assert_eq!(lint(&declared), vec![]);
    let wrong = yaml("max_total: 1000\n", "proportional", "");
    let p = one(&wrong);
    assert_eq!(
        (p.message.as_str(), at(&p)),
        ("the criteria's points sum to 100, not 1000", (3, 1))
    );
}

#[test]
fn points_are_summed_per_group() {
    let src = yaml("", "proportional", "")
        .replace("value: \"a / c\"", "value: \"a / c\"\n    applies_to: [xa]");
    let p = one(&src);
    assert_eq!(
        p.message,
        "the points of the criteria for group `pb` sum to 60, not 100"
    );
}

#[test]
fn thresholds_above_1_on_a_ratio() {
    let src = yaml(
        "",
        "{ steps: [{ min: 0.5, points: 30 }, { min: 80, points: 60 }] }",
        "",
    );
    let p = one(&src);
    assert_eq!(at(&p), (11, 52));
    assert!(p.message.contains("min 80 is above 1"), "{}", p.message);
    assert_eq!(p.hint.as_deref(), Some("write min: 0.8 for 80%"));
    let lin = yaml(
        "",
        "\n      linear: { zero_at: 50,\n                full_at: 90 }",
        "",
    );
    let p = one(&lin);
    assert_eq!(at(&p), (12, 17));
    assert_eq!(p.hint.as_deref(), Some("write zero_at: 0.5 for 50%"));
    // Not a ratio: a percent may have thresholds in 0..100.
    let pct = yaml("", "{ steps: [{ min: 80, points: 60 }] }", "")
        .replace("(a + b) / c", "100 * (a + b) / c");
    assert_eq!(lint(&pct), vec![]);
}

#[test]
fn fractions_where_percents_are_meant() {
    let extra = "classes:\n  - { name: \"Tốt\", min: 0.8 }\n  - { name: \"Yếu\", min: 0 }\ntiers:\n  - id: tinh\n    award: A\n    min_percent: 0.8\n  - id: h\n    award: B\n    min_percent: 0\n";
    let ps = en(lint(&yaml("", "proportional", extra)));
    assert_eq!(ps.len(), 2, "{ps:#?}");
    assert_eq!(at(&ps[0]), (17, 20));
    assert_eq!(ps[0].hint.as_deref(), Some("write min: 80 for 80%"));
    assert_eq!(at(&ps[1]), (22, 5));
    assert_eq!(ps[1].hint.as_deref(), Some("write min_percent: 80 for 80%"));
}

#[test]
fn a_quota_of_zero() {
    let extra = "tiers:\n  - id: tinh\n    award: A\n    quotas:\n      - { group: xa, collectives: 2 }\n      - { group: pb, collectives: 0 }\n";
    let p = one(&yaml("", "proportional", extra));
    assert_eq!(at(&p), (21, 22));
    assert!(
        p.message.contains("group `pb` is 0 collectives"),
        "{}",
        p.message
    );
}

#[test]
fn deadlines_out_of_order_or_outside_the_period() {
    let head = "period: { from: 2023-01-01, to: 2023-12-31 }\n";
    let extra = "deadlines:\n  - { by: 2023-03-01, actor: X, action: A }\n  - { by: 2023-02-01, actor: X, action: B }\n  - { before: 2024-01-01, actor: X, action: C }\ntiers:\n  - id: tinh\n    award: T\n    deadlines:\n      - { on: 2024-02-01, actor: X, action: D }\n";
    let ps = en(lint(&yaml(head, "proportional", extra)));
    let got: Vec<(u64, usize, &str)> = ps
        .iter()
        .map(|p| (p.line.unwrap(), p.column.unwrap(), p.message.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                19,
                7,
                "deadline 2023-02-01 (\"B\") comes before the step above it (2023-03-01)"
            ),
            (
                25,
                11,
                "tier `tinh`: deadline 2024-02-01 (\"D\") is outside the campaign period 2023-01-01..2023-12-31"
            ),
        ]
    );
}

#[test]
fn district_awards_after_july_2025() {
    let extra = "tiers:\n  - id: huyen\n    award: \"Giấy khen của Chủ tịch UBND huyện\"\n";
    assert_eq!(
        lint(&yaml("issued: 2025-06-30\n", "proportional", extra)),
        vec![]
    );
    let p = one(&yaml("issued: 2025-07-01\n", "proportional", extra));
    assert_eq!(at(&p), (19, 5));
    assert!(
        p.message.contains("was issued on 2025-07-01"),
        "{}",
        p.message
    );
    let late = "period: { from: 2025-01-01, to: 2025-12-31 }\n";
    assert!(
        one(&yaml(late, "proportional", extra))
            .message
            .contains("runs to 2025-12-31")
    );
}

#[test]
fn a_criterion_that_separates_no_one() {
    let src = yaml("", "{ steps: [{ min: 0.99, points: 60 }] }", "");
    let c = Campaign::from_yaml(&src, "c.yaml").unwrap();
    let data = "unit_id,unit_name,group,a,b,c\nu1,U1,xa,1,0,10\nu2,U2,xa,5,0,10\n";
    let m = metrics::read(data.as_bytes(), "d.csv", None).unwrap();
    let scores = Scorer::new(&c, &m).unwrap().score_all(&m).unwrap();
    let ps = en(super::data(&c, "d.csv", &scores));
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(
        ps[0].message,
        "criterion `rate`: every unit of d.csv (2) scores 0"
    );
    assert_eq!(at(&ps[0]), (7, 5));
    let full = "unit_id,unit_name,group,a,b,c\nu1,U1,xa,10,0,10\nu2,U2,xa,10,0,10\n";
    let m = metrics::read(full.as_bytes(), "d.csv", None).unwrap();
    let scores = Scorer::new(&c, &m).unwrap().score_all(&m).unwrap();
    let ps = en(super::data(&c, "d.csv", &scores));
    assert_eq!(ps.len(), 2, "{ps:#?}");
    assert!(
        ps[1].message.ends_with("scores full points (40)"),
        "{}",
        ps[1].message
    );
    // One unit alone separates no one: nothing to say.
    let one = "unit_id,unit_name,group,a,b,c\nu1,U1,xa,1,0,10\n";
    let m = metrics::read(one.as_bytes(), "d.csv", None).unwrap();
    let scores = Scorer::new(&c, &m).unwrap().score_all(&m).unwrap();
    assert_eq!(super::data(&c, "d.csv", &scores), vec![]);
}

#[test]
fn numbers_print_as_written() {
    assert_eq!(num(0.8 * 100.0), "80");
    assert_eq!(num(0.98), "0.98");
    assert_eq!(num(82.5), "82.5");
    assert_eq!(num(0.0), "0");
}

use super::*;
use crate::i18n::{Lang, en};

fn ev(src: &str, vals: &[(&str, Option<f64>)]) -> Option<f64> {
    let e = Expr::parse(src).unwrap();
    let row: Vec<Option<f64>> = vals.iter().map(|v| v.1).collect();
    let slots: Vec<usize> = e
        .names()
        .iter()
        .map(|n| {
            vals.iter()
                .position(|v| v.0 == n)
                .expect("name in test row")
        })
        .collect();
    e.eval(&row, &slots).expect("no overflow")
}

#[test]
fn arithmetic_and_precedence() {
    assert_eq!(ev("1 + 2 * 3", &[]), Some(7.0));
    assert_eq!(ev("(1 + 2) * 3", &[]), Some(9.0));
    assert_eq!(ev("-2 * -3", &[]), Some(6.0));
    assert_eq!(ev("10 / 4 - 1", &[]), Some(1.5));
    assert_eq!(
        ev(
            "(a + b) / c",
            &[("a", Some(3.0)), ("b", Some(1.0)), ("c", Some(8.0))]
        ),
        Some(0.5)
    );
}

#[test]
fn division_by_zero_and_missing_are_undefined() {
    assert_eq!(ev("a / b", &[("a", Some(0.0)), ("b", Some(0.0))]), None);
    assert_eq!(ev("a + 1", &[("a", None)]), None);
    assert_eq!(
        ev("if(b > 0, a / b, 1)", &[("b", Some(0.0)), ("a", Some(3.0))]),
        Some(1.0)
    );
}

#[test]
fn logic_comparisons_and_functions() {
    assert_eq!(
        ev("a == 0 and b == 0", &[("a", Some(0.0)), ("b", Some(1.0))]),
        Some(0.0)
    );
    assert_eq!(
        ev("a == 0 or b == 0", &[("a", Some(0.0)), ("b", None)]),
        Some(1.0)
    );
    assert_eq!(
        ev("a > 0 and b > 0", &[("a", Some(0.0)), ("b", None)]),
        Some(0.0)
    );
    assert_eq!(ev("not a >= 2", &[("a", Some(1.0))]), Some(1.0));
    assert_eq!(ev("min(1, a / 0.8)", &[("a", Some(0.4))]), Some(0.5));
    assert_eq!(
        ev("max(a - b, 0)", &[("a", Some(1.0)), ("b", Some(3.0))]),
        Some(0.0)
    );
    assert_eq!(ev("abs(0 - 2.5)", &[]), Some(2.5));
    assert_eq!(ev("a != a", &[("a", Some(1.0))]), Some(0.0));
}

#[test]
fn names_are_collected_once() {
    let e = Expr::parse("a / b + a * prev.c").unwrap();
    assert_eq!(e.names(), ["a", "b", "prev.c"]);
}

#[test]
fn errors_point_at_the_character() {
    let e = Expr::parse("a + * b").unwrap_err();
    assert_eq!(e.column, 5);
    assert!(en(&e).contains("at character 5 of `a + * b`"), "{e}");
    assert_eq!(Expr::parse("(a + b").unwrap_err().column, 7);
    let e = Expr::parse("a = 0").unwrap_err();
    assert!(e.message.render(Lang::En).contains("=="), "{e}");
    let e = Expr::parse("sqrt(a)").unwrap_err();
    assert!(
        e.message
            .render(Lang::En)
            .contains("unknown function `sqrt`"),
        "{e}"
    );
    assert_eq!(e.column, 1);
    assert!(
        Expr::parse("if(a, b)")
            .unwrap_err()
            .message
            .render(Lang::En)
            .contains("takes 3")
    );
    assert_eq!(Expr::parse("a b").unwrap_err().column, 3);
    assert_eq!(Expr::parse("a # b").unwrap_err().column, 3);
    assert!(Expr::parse("").is_err());
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = format!("{}1{}", "(".repeat(100), ")".repeat(100));
    assert!(
        Expr::parse(&deep)
            .unwrap_err()
            .message
            .render(Lang::En)
            .contains("nested deeper")
    );
    let negs = format!("{}1", "-".repeat(100));
    assert!(
        Expr::parse(&negs)
            .unwrap_err()
            .message
            .render(Lang::En)
            .contains("nested deeper")
    );
    let nots = format!("{}1", "not ".repeat(100));
    assert!(Expr::parse(&nots).is_err());
    let chain = format!("1{}", "+1".repeat(100_000));
    assert!(
        Expr::parse(&chain)
            .unwrap_err()
            .message
            .render(Lang::En)
            .contains("longer than")
    );
}

#[test]
fn overflow_is_an_error_never_undefined_or_infinite() {
    let e = Expr::parse("min(10, a * 10)").unwrap();
    assert_eq!(e.eval(&[Some(1e308)], &[0]), Err(Overflow));
    assert_eq!(e.eval(&[Some(0.5)], &[0]), Ok(Some(5.0)));
    let e = Expr::parse("a / b + 1").unwrap();
    assert_eq!(e.eval(&[Some(1e300), Some(1e-300)], &[0, 1]), Err(Overflow));
    // A division by zero stays undefined, a missing cell too.
    assert_eq!(e.eval(&[Some(1.0), Some(0.0)], &[0, 1]), Ok(None));
    assert_eq!(e.eval(&[None, Some(1e-300)], &[0, 1]), Ok(None));
    // A literal past the largest double is refused when the file loads.
    assert!(Expr::parse(&format!("a * 1{}", "0".repeat(400))).is_err());
}

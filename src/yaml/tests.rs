use serde::Deserialize;

use super::*;
use crate::i18n::{Lang, Text, en};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    name: At<String>,
    #[serde(default)]
    items: Vec<Keyed<Item>>,
    #[serde(default)]
    points: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    id: String,
    #[serde(default)]
    min: Option<f64>,
}

const ITEMS: Shape = Shape {
    lead: None,
    hint: None,
    items: &[("items", Msg::CriterionCtx)],
};

fn doc(src: &str) -> Result<Doc, Problem> {
    parse(src, "d.yaml", &ITEMS)
}

fn err(src: &str) -> String {
    en(doc(src).unwrap_err())
}

fn pos(line: u32, column: u32) -> Pos {
    Pos { line, column }
}

#[test]
fn values_and_keys_keep_where_they_were_written() {
    let d = doc("# a comment\nname: \"Tốt\"\nitems:\n  - id: a\n    min: 0.8\n  - { name2: x }\n")
        .map(|_| ())
        .unwrap_err();
    assert_eq!((d.line, d.column), (Some(6), Some(7)));
    let d =
        doc("# a comment\nname: \"Tốt\"\nitems:\n  - id: a\n    min: 0.8\n  - { id: b, min: 2 }\n")
            .unwrap();
    assert_eq!(d.name.at, pos(2, 7));
    assert_eq!(
        (d.items[1].value.id.as_str(), d.items[1].value.min),
        ("b", Some(2.0))
    );
    assert_eq!(d.points, None);
    assert_eq!(d.items[0].keys.at(), pos(4, 5));
    assert_eq!(d.items[0].keys.of("min"), pos(5, 5));
    // Columns count characters, not bytes: "Tốt" is 3 of them.
    let d = doc("items: [{ id: \"Tốt\", min: 1 }]\nname: x\n").unwrap();
    assert_eq!(d.items[0].keys.of("min"), pos(1, 22));
    assert_eq!(d.items[0].keys.get("max"), None);
    assert_eq!(d.items[0].keys.of("max"), d.items[0].keys.at());
}

#[test]
fn a_position_serializes_as_nothing() {
    let a = serde_json::to_string(&pos(3, 4)).unwrap();
    assert_eq!(a, serde_json::to_string(&pos(90, 1)).unwrap());
    assert_eq!(a, "null");
}

#[test]
fn anchors_and_aliases_are_refused_where_they_are() {
    for src in [
        "name: &n x\nitems: []\n",
        "name: x\npoints: *p\n",
        "name: x\nitems:\n  - &i { id: a }\n  - *i\n",
    ] {
        let e = doc(src).unwrap_err();
        assert!(e.line.is_some(), "{e}");
        let said = e.message.render(Lang::En);
        assert!(said.contains("anchors (&) and aliases (*)"), "{e}");
    }
}

#[test]
fn nesting_stops_at_the_limit() {
    let deep = format!("name: x\npoints: {}", "[".repeat(100_000));
    let e = err(&deep);
    assert!(e.contains(&format!("more than {MAX_DEPTH} levels")), "{e}");
    let ok = format!("name: x\npoints: {}1{}", "[".repeat(10), "]".repeat(10));
    assert!(
        err(&ok).contains("`points` must be"),
        "a list, not too deep"
    );
}

#[test]
fn errors_name_the_key_the_entry_and_what_was_found() {
    let head = "name: x\nitems:\n  - id: a\n";
    assert_eq!(
        err(&format!("{head}    min: abc\n")),
        "d.yaml:4:10: criterion `a`: `min` must be a number, e.g. min: 20, not a text \"abc\""
    );
    assert_eq!(
        err(&format!("{head}    mni: 1\n")),
        "d.yaml:4:5: criterion `a`: unknown key `mni` (valid keys: id, min)"
    );
    assert_eq!(
        err(&format!("{head}    min: 1\n    min: 2\n")),
        "d.yaml:5:5: criterion `a`: key `min` is repeated (first on line 4)"
    );
    assert_eq!(
        err("name: x\nitems:\n  - min: 1\n"),
        "d.yaml:3:5: items: missing key `id`"
    );
    assert_eq!(err("items: []\n"), "d.yaml:1:1: missing key `name`");
    assert_eq!(
        err("name: x\nitems: 5\n"),
        "d.yaml:2:8: `items` must be a list (- …), not a number 5"
    );
    assert_eq!(
        err("- 1\n"),
        "d.yaml:1:1: here must be a map `key: value`, not a list (- …)"
    );
    let e = err("name: x\n  items: [\n");
    assert!(
        e.starts_with("d.yaml:2:") && e.contains("not readable as YAML: "),
        "{e}"
    );
}

#[test]
fn a_lead_and_a_hint_frame_every_error() {
    let shape = Shape {
        lead: Some(Msg::YamlNotDecisions),
        hint: Some(Msg::HintDecisions),
        items: &[],
    };
    let e = parse::<Doc>("nam: x\n", "q.yaml", &shape).unwrap_err();
    assert!(
        en(&e).starts_with("q.yaml:1:1: not a decisions file: unknown key `nam`"),
        "{e}"
    );
    assert_eq!(e.hint, Some(Text::from(Msg::HintDecisions)));
}

#[test]
fn entries_keep_order_and_positions() {
    let e: Entries<f64> = parse("b: 1\na: 2\n", "w.yaml", &Shape::PLAIN).unwrap();
    let keys: Vec<(&str, Pos)> = e.0.iter().map(|(k, _)| (k.value.as_str(), k.at)).collect();
    assert_eq!(keys, [("b", pos(1, 1)), ("a", pos(2, 1))]);
}

//! The layers of `src/` (issue 17), as a table the tests hold the code to:
//! each top-level module sits in one layer and uses only its own layer and
//! those below, and no two top-level modules use each other, not even through
//! others. The test reads every `crate::…` (and `super::…` reaching the crate
//! root) path of every file the library compiles and prints each edge that
//! breaks the table, with the files that make it. Code under `#[cfg(test)]`
//! is left out: a test may build its fixtures with anything, as Cargo lets
//! dev-dependencies do. The `crate::msg!` macro of `i18n` is not a module.

mod reader;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use reader::scan;

/// The architecture, lowest layer first.
const LAYERS: &[(&str, &[&str])] = &[
    // Messages, labels and numbers (rounded, written) in the users' language;
    // a problem with its file position; periods; spreadsheet-safe text; YAML
    // read within limits, with positions.
    ("leaf", &["problem", "i18n", "period", "sheet", "yaml"]),
    // What the input files say, read and checked: CSV records, formulas, the
    // campaign, the metrics, the people, the unit mergers, the holiday table.
    (
        "model",
        &[
            "record", "expr", "campaign", "metrics", "people", "merge", "holidays",
        ],
    ),
    // Pure computations on the model: scores, council decisions, ranks and
    // quota lines, nominations, levers, what-if, the deadline checklist.
    (
        "engine",
        &[
            "scoring",
            "decisions",
            "ranking",
            "nomination",
            "levers",
            "whatif",
            "deadlines",
        ],
    ),
    // Files in and out: office exports read as data and people, atomic writes,
    // the stamp.
    ("io", &["import", "output", "stamp"]),
    // Every report and its formats (tables, CSV, JSON, HTML, Word, Excel, iCalendar).
    ("report", &["report"]),
    // The command line: flags, plans, and the plumbing between them.
    ("cmd", &["cmd"]),
];

/// Edges tolerated for now, each named by the file that makes it. A line
/// here that no longer matches anything fails the test, so it cannot outlive
/// its reason.
const TOLERATED: &[(&str, &str)] = &[];

/// The edges between top-level modules: (from, to) → the files that make them.
type Edges = BTreeMap<(String, String), BTreeSet<String>>;

/// Every file the library compiles outside tests, from `src/lib.rs` down,
/// with the top-level modules `lib.rs` declares.
fn read_crate(root: &Path) -> (BTreeSet<String>, Edges, Vec<(String, String)>) {
    let lib = scan(&std::fs::read_to_string(root.join("lib.rs")).unwrap(), &[]);
    let tops: BTreeSet<String> = lib.mods.iter().map(|(_, m)| m.clone()).collect();
    let mut files: Vec<(PathBuf, Vec<String>)> = Vec::new();
    let mut queue: Vec<(PathBuf, Vec<String>)> = tops
        .iter()
        .map(|m| (module_file(root, m), vec![m.clone()]))
        .collect();
    while let Some((file, module)) = queue.pop() {
        let src = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
        let found = scan(&src, &module);
        let dir = match file.file_name().and_then(|n| n.to_str()) {
            Some("mod.rs") => file.parent().unwrap().to_path_buf(),
            _ => file.with_extension(""),
        };
        for (around, name) in &found.mods {
            let d = around.iter().fold(dir.clone(), |d, n| d.join(n));
            let mut path = module.clone();
            path.extend(around.iter().cloned());
            path.push(name.clone());
            queue.push((module_file(&d, name), path));
        }
        files.push((file, module));
    }
    let mut edges = Edges::new();
    let mut tolerated_seen = Vec::new();
    for (file, module) in &files {
        let rel = format!("src/{}", file.strip_prefix(root).unwrap().display());
        let rel = rel.replace('\\', "/");
        let src = std::fs::read_to_string(file).unwrap();
        for to in scan(&src, module).uses {
            if !tops.contains(&to) || to == module[0] {
                continue;
            }
            if TOLERATED.iter().any(|&(f, m)| f == rel && m == to) {
                tolerated_seen.push((rel.clone(), to));
                continue;
            }
            let key = (module[0].clone(), to);
            edges.entry(key).or_default().insert(rel.clone());
        }
    }
    (tops, edges, tolerated_seen)
}

/// `dir/name.rs`, else `dir/name/mod.rs`.
fn module_file(dir: &Path, name: &str) -> PathBuf {
    let flat = dir.join(format!("{name}.rs"));
    if flat.exists() {
        flat
    } else {
        dir.join(name).join("mod.rs")
    }
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, ms)| ms.contains(&module))
}

/// The modules reachable from each module.
fn reach(tops: &BTreeSet<String>, edges: &Edges) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for start in tops {
        let (mut seen, mut todo) = (BTreeSet::new(), vec![start.clone()]);
        while let Some(m) = todo.pop() {
            for (a, b) in edges.keys() {
                if *a == m && seen.insert(b.clone()) {
                    todo.push(b.clone());
                }
            }
        }
        out.insert(start.clone(), seen);
    }
    out
}

#[test]
fn imports_point_down_the_layers_and_never_in_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (tops, edges, tolerated_seen) = read_crate(&root);
    let mut wrong = Vec::new();
    for m in &tops {
        if layer_of(m).is_none() {
            wrong.push(format!("`{m}` is in no layer: add it to LAYERS"));
        }
    }
    for (layer, ms) in LAYERS {
        for m in ms.iter().filter(|m| !tops.contains(**m)) {
            wrong.push(format!("`{m}` ({layer}) is no module of src/lib.rs"));
        }
    }
    for &(file, to) in TOLERATED {
        if !tolerated_seen.iter().any(|(f, m)| f == file && m == to) {
            wrong.push(format!(
                "{file} no longer uses `{to}`: take it out of TOLERATED"
            ));
        }
    }
    for ((a, b), files) in &edges {
        let (Some(la), Some(lb)) = (layer_of(a), layer_of(b)) else {
            continue;
        };
        if lb > la {
            wrong.push(format!(
                "{a} ({}) uses {b} ({}), a higher layer, in {}",
                LAYERS[la].0,
                LAYERS[lb].0,
                files.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
    }
    let reach = reach(&tops, &edges);
    let mut cycles = BTreeSet::new();
    for m in &tops {
        let circle: BTreeSet<&String> = reach[m].iter().filter(|o| reach[*o].contains(m)).collect();
        if !circle.is_empty() {
            cycles.insert(circle);
        }
    }
    for circle in cycles {
        let names: Vec<&str> = circle.iter().map(|s| s.as_str()).collect();
        wrong.push(format!("import cycle among {}:", names.join(", ")));
        for ((a, b), files) in &edges {
            if circle.contains(a) && circle.contains(b) {
                let files: Vec<&str> = files.iter().map(String::as_str).collect();
                wrong.push(format!("    {a} → {b} in {}", files.join(", ")));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the layers of src/ are broken:\n{}",
        wrong.join("\n")
    );
    // The reader sees the crate: the command line uses every layer below it.
    for below in ["report", "import", "scoring", "campaign", "i18n"] {
        assert!(
            edges.contains_key(&("cmd".into(), below.into())),
            "cmd → {below} not seen"
        );
    }
}

//! Every `$ thidua …` sample in the Markdown files (README.md, CONTRIBUTING.md,
//! CHANGELOG.md, docs/**/*.md) runs here against the built binary, so a sample
//! can never drift from what the program prints; and docs/reference/flags.md
//! is the binary's `--help`, regenerated and compared. `THIDUA_BLESS=1 cargo
//! test --test tests samples` rewrites the shown outputs (and flags.md) from
//! the binary instead of failing. The conventions (one temporary folder per
//! document, `# exit N`, `...`, `file=NAME` blocks) are in CONTRIBUTING.md.

mod flags;
mod shell;
mod shown;

use std::collections::HashMap;
use std::fs;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use shown::{ELIDED, bless, codes, diff, matches, restamp};

/// Generated whole and checked by `flags_reference_is_the_binarys_help`.
pub const FLAGS: &str = "docs/reference/flags.md";

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn blessing() -> bool {
    std::env::var_os("THIDUA_BLESS").is_some_and(|v| v == "1")
}

/// A command of a document, with the output it shows and where that is.
struct Sample {
    line: usize,
    text: String,
    command: shell::Command,
    shown: Vec<String>,
    /// The shown output's lines in the file (`start..end`) and their indent.
    at: (usize, usize),
    indent: String,
}

enum Item {
    /// A block written into the sample folder: ```` ```yaml file=sai.yaml ````.
    File(String, String),
    Sample(Sample),
}

/// The fenced blocks of a document: samples and files in order, or what is
/// wrong with them (a `thidua` command that is not a sample, a stray line).
fn parse(name: &str, text: &str) -> (Vec<Item>, Vec<String>) {
    let lines: Vec<&str> = text.lines().collect();
    let (mut items, mut errors) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < lines.len() {
        let trimmed = lines[i].trim_start();
        let fence = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f));
        let Some(fence) = fence else {
            i += 1;
            continue;
        };
        let indent = lines[i][..lines[i].len() - trimmed.len()].to_string();
        let info = trimmed.trim_start_matches(fence.chars().next().unwrap());
        let file = info
            .split_whitespace()
            .find_map(|w| w.strip_prefix("file="));
        let start = i + 1;
        let mut end = start;
        while end < lines.len() && !lines[end].trim_start().starts_with(fence) {
            end += 1;
        }
        let body: Vec<&str> = (start..end)
            .map(|j| lines[j].strip_prefix(indent.as_str()).unwrap_or(""))
            .collect();
        if let Some(file) = file {
            match shell::relative(file) {
                Ok(f) => items.push(Item::File(f.to_string(), body.join("\n") + "\n")),
                Err(e) => errors.push(format!("{name}:{i}: {e}", i = i + 1)),
            }
        } else if body.iter().any(|l| l.starts_with("$ ")) {
            block(name, &body, start, &indent, &mut items, &mut errors);
        } else {
            for (j, l) in body.iter().enumerate() {
                if shell::runs_thidua(l) {
                    errors.push(format!(
                        "{name}:{}: a thidua command in a fenced block is not a sample: write it `$ thidua …` with its output\n  {l}",
                        start + j + 1
                    ));
                }
            }
        }
        i = end + 1;
    }
    (items, errors)
}

/// The samples of one block: each `$ ` line (continued by a trailing `\`)
/// and the lines up to the next one.
fn block(
    name: &str,
    body: &[&str],
    start: usize,
    indent: &str,
    items: &mut Vec<Item>,
    errors: &mut Vec<String>,
) {
    let mut j = 0;
    while j < body.len() {
        if !body[j].starts_with("$ ") {
            let what = "a line before the first `$ ` of a sample block";
            errors.push(format!("{name}:{}: {what}: {}", start + j + 1, body[j]));
            j += 1;
            continue;
        }
        let line = start + j + 1;
        let mut text = body[j][2..].to_string();
        while text.ends_with('\\') && j + 1 < body.len() {
            text.pop();
            j += 1;
            text = format!("{} {}", text.trim_end(), body[j].trim_start());
        }
        j += 1;
        let first = j;
        while j < body.len() && !body[j].starts_with("$ ") {
            j += 1;
        }
        match shell::Command::parse(&text) {
            Ok(command) => items.push(Item::Sample(Sample {
                line,
                text,
                command,
                shown: body[first..j]
                    .iter()
                    .map(|l| l.trim_end().to_string())
                    .collect(),
                at: (start + first, start + j),
                indent: indent.to_string(),
            })),
            Err(e) => errors.push(format!("{name}:{line}: {e}\n  $ {text}")),
        }
    }
}

/// The binary run as a person runs it: from `dir`, environment bare but for
/// PATH and HOME (and the sample's own `NAME=value`), stdout and stderr into
/// one stream in the order written, as a terminal shows them.
fn run(command: &shell::Command, dir: &Path) -> (i32, Vec<String>) {
    let program = crate::util::thidua().get_program().to_owned();
    let mut out = tempfile::tempfile().unwrap();
    let mut c = Command::new(program);
    c.env_clear();
    for keep in ["PATH", "HOME", "SystemRoot", "TEMP", "TMP"] {
        if let Some(v) = std::env::var_os(keep) {
            c.env(keep, v);
        }
    }
    let status = c
        .envs(command.env.iter().map(|(k, v)| (k, v)))
        .args(command.args(dir))
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(out.try_clone().unwrap())
        .status()
        .unwrap();
    let mut bytes = Vec::new();
    out.rewind().unwrap();
    out.read_to_end(&mut bytes).unwrap();
    let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
    let lines = text.lines().map(|l| l.trim_end().to_string()).collect();
    (status.code().unwrap_or(-1), lines)
}

/// A fresh folder laid out as the repository root for what samples read:
/// `examples/` and `criteria/` (copies, so a sample may write over them).
fn workdir() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for e in fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let target = to.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                copy(&e.path(), &target);
            } else {
                fs::copy(e.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    for sub in ["examples", "criteria"] {
        copy(&root().join(sub), &dir.path().join(sub));
    }
    dir
}

/// Runs a document's samples in order in one folder; returns what failed and,
/// when blessing, the document rewritten.
fn check(path: &Path) -> (Vec<String>, Option<String>) {
    let name = path.strip_prefix(root()).unwrap().display().to_string();
    let text = fs::read_to_string(path).unwrap().replace("\r\n", "\n");
    let (items, mut errors) = parse(&name, &text);
    let dir = workdir();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let (mut changes, mut renames) = (Vec::new(), HashMap::new());
    for item in items {
        let sample = match item {
            Item::File(file, body) => {
                let target = dir.path().join(file);
                fs::create_dir_all(target.parent().unwrap()).unwrap();
                fs::write(target, body).unwrap();
                continue;
            }
            Item::Sample(s) => s,
        };
        let at = format!("{name}:{}: $ {}", sample.line, sample.text);
        // A code printed above and changed by this bless is the one to verify.
        let command = match renames.is_empty() {
            true => sample.command,
            false => shell::Command::parse(&restamp(&sample.text, &renames)).unwrap(),
        };
        if let Err(e) = command.deterministic() {
            errors.push(format!("{at}\n  {e}"));
            continue;
        }
        let (code, printed) = run(&command, dir.path());
        if printed.iter().any(|l| l.contains("panicked")) {
            errors.push(format!(
                "{at}\n  the program panicked:\n{}",
                printed.join("\n")
            ));
        } else if code != command.exit {
            let (want, got) = (command.exit, code);
            errors.push(format!("{at}\n  exit {got}, the sample says {want} (`# exit N`; bless never changes a command):\n{}", printed.join("\n")));
        } else if !matches(&sample.shown, &printed) {
            if blessing() {
                let new = bless(&sample.shown, &printed).unwrap_or_else(|| {
                    if sample.shown.iter().any(|l| l == ELIDED) {
                        eprintln!("{at}\n  shown whole: its `...` no longer fit the output");
                    }
                    printed.clone()
                });
                let (was, now) = (codes(&sample.shown.join("\n")), codes(&new.join("\n")));
                if was.len() == now.len() {
                    renames.extend(was.into_iter().zip(now).filter(|(a, b)| a != b));
                }
                changes.push((sample.at, sample.indent, new));
            } else {
                errors.push(format!("{at}\n{}", diff(&sample.shown, &printed)));
            }
        }
    }
    if changes.is_empty() {
        return (errors, None);
    }
    for ((start, end), indent, new) in changes.into_iter().rev() {
        let new = new.into_iter().map(|l| {
            if l.is_empty() {
                l
            } else {
                format!("{indent}{l}")
            }
        });
        lines.splice(start..end, new);
    }
    (errors, Some(restamp(&(lines.join("\n") + "\n"), &renames)))
}

/// README.md, CONTRIBUTING.md, CHANGELOG.md and every `.md` under docs/.
fn documents() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "md") && !p.ends_with(FLAGS) {
                out.push(p);
            }
        }
    }
    let mut docs: Vec<PathBuf> = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md"]
        .iter()
        .map(|f| root().join(f))
        .filter(|p| p.exists())
        .collect();
    walk(&root().join("docs"), &mut docs);
    docs.sort();
    docs
}

#[test]
#[cfg_attr(
    windows,
    ignore = "the stamp codes shown hash the examples' bytes, which a Windows checkout may turn to CRLF"
)]
fn every_sample_prints_what_it_shows() {
    let docs = documents();
    assert!(docs.iter().any(|d| d.ends_with("README.md")));
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = docs.iter().map(|d| s.spawn(move || check(d))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut errors = Vec::new();
    for (doc, (errs, rewritten)) in docs.iter().zip(results) {
        errors.extend(errs);
        if let Some(text) = rewritten {
            fs::write(doc, text).unwrap();
            eprintln!("blessed {}", doc.display());
        }
    }
    assert!(
        errors.is_empty(),
        "{}\n\n{} problem(s); `THIDUA_BLESS=1 cargo test --test tests samples` rewrites the shown outputs",
        errors.join("\n\n"),
        errors.len()
    );
}

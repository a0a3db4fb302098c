//! The little of a shell that samples use, read the way sh reads it: words
//! with quotes and backslashes, `NAME=value` before the command, `*` in a file
//! name, a `# exit N` comment, and a `\` at the end of a line to go on. Pipes,
//! redirections and substitutions are refused: a sample shows what one thidua
//! command prints.

use std::path::Path;

#[derive(Default)]
struct Word {
    text: String,
    glob: bool,
}

/// One sample's command: its environment, its arguments after `thidua`, and
/// the exit code it expects (0 unless it ends with `# exit N`).
pub struct Command {
    pub env: Vec<(String, String)>,
    words: Vec<Word>,
    pub exit: i32,
}

const REFUSED: &str = "a sample runs one thidua command, without pipes, redirections or substitutions: show what it prints instead";

fn lex(text: &str) -> Result<(Vec<Word>, String), String> {
    let (mut words, mut word): (Vec<Word>, Option<Word>) = (Vec::new(), None);
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' => words.extend(word.take()),
            '#' if word.is_none() => return Ok((words, chars.as_str().trim().to_string())),
            '\'' => {
                let w = word.get_or_insert_with(Word::default);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => w.text.push(c),
                        None => return Err("a quote ' is not closed".into()),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(Word::default);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => w.text.extend(chars.next()),
                        Some('$' | '`') => return Err(REFUSED.into()),
                        Some(c) => w.text.push(c),
                        None => return Err("a quote \" is not closed".into()),
                    }
                }
            }
            '\\' => word
                .get_or_insert_with(Word::default)
                .text
                .extend(chars.next()),
            '|' | ';' | '&' | '<' | '>' | '`' | '$' | '(' | ')' => return Err(REFUSED.into()),
            c => {
                let w = word.get_or_insert_with(Word::default);
                w.glob |= c == '*';
                w.text.push(c);
            }
        }
    }
    words.extend(word);
    Ok((words, String::new()))
}

fn assignment(word: &str) -> Option<(&str, &str)> {
    let (name, value) = word.split_once('=')?;
    let mut chars = name.chars();
    let first = chars.next()?;
    let ok = (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    ok.then_some((name, value))
}

impl Command {
    pub fn parse(text: &str) -> Result<Command, String> {
        let (mut words, comment) = lex(text)?;
        let exit = match comment.strip_prefix("exit ") {
            Some(n) => n
                .trim()
                .parse()
                .map_err(|_| format!("`# {comment}`: not an exit code"))?,
            None => 0,
        };
        let mut env = Vec::new();
        while let Some((name, value)) = words.first().and_then(|w| assignment(&w.text)) {
            env.push((name.to_string(), value.to_string()));
            words.remove(0);
        }
        if words.first().is_none_or(|w| w.text != "thidua") {
            return Err("only `thidua` commands are samples".into());
        }
        words.remove(0);
        Ok(Command { env, words, exit })
    }

    /// The arguments, a word with `*` expanded as sh does (in its last path
    /// component, sorted; left as written when nothing matches).
    pub fn args(&self, dir: &Path) -> Vec<String> {
        let mut args = Vec::new();
        for w in &self.words {
            let (folder, pattern) = match w.text.rsplit_once('/') {
                Some((f, p)) => (format!("{f}/"), p),
                None => (String::new(), w.text.as_str()),
            };
            let mut found: Vec<String> = match fs_names(&dir.join(&folder)) {
                Some(names) if w.glob => names
                    .into_iter()
                    .filter(|n| glob(pattern, n) && !n.starts_with('.'))
                    .map(|n| format!("{folder}{n}"))
                    .collect(),
                _ => Vec::new(),
            };
            found.sort();
            if found.is_empty() {
                found.push(w.text.clone());
            }
            args.extend(found);
        }
        args
    }

    /// A sample must print the same thing every day: `deadlines` counts from
    /// today unless `--today` pins the date.
    pub fn deterministic(&self) -> Result<(), String> {
        let has = |flag: &str| {
            self.words
                .iter()
                .any(|w| w.text == flag || w.text.starts_with(&format!("{flag}=")))
        };
        let deadlines = self.words.iter().any(|w| w.text == "deadlines");
        if deadlines && !has("--today") {
            return Err("deadlines counts from the computer's date: pin it with --today".into());
        }
        Ok(())
    }
}

fn fs_names(dir: &Path) -> Option<Vec<String>> {
    let entries = std::fs::read_dir(dir).ok()?;
    Some(
        entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect(),
    )
}

/// `*` matches any run of characters; everything else itself.
fn glob(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((head, tail)) => {
            let Some(rest) = name.strip_prefix(head) else {
                return false;
            };
            (0..=rest.len())
                .filter(|i| rest.is_char_boundary(*i))
                .any(|i| glob(tail, &rest[i..]))
        }
    }
}

/// Does this line of a block that is not a sample run thidua (as a command,
/// not as a word of its output)?
pub fn runs_thidua(line: &str) -> bool {
    let mut command = true;
    for token in line.split_whitespace() {
        if command && assignment(token).is_some() {
            continue;
        }
        if command && token.trim_start_matches("$(") == "thidua" {
            return true;
        }
        command = matches!(
            token,
            "|" | "||" | "&&" | ";" | "&" | "then" | "do" | "time" | "sudo"
        ) || token.ends_with(';');
    }
    false
}

/// A `file=NAME` block's name: a relative path inside the sample folder.
pub fn relative(name: &str) -> Result<&str, String> {
    let path = Path::new(name);
    let inside = path.is_relative()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    if inside {
        Ok(name)
    } else {
        Err(format!(
            "file={name}: a file block is named by a relative path without `..`"
        ))
    }
}

#[test]
fn words_as_sh_reads_them() {
    let c = Command::parse(r#"THIDUA_LANG=en thidua rank "a b.csv" --tier 'tỉnh' x\ y   # exit 2"#)
        .unwrap();
    assert_eq!(c.env, [("THIDUA_LANG".to_string(), "en".to_string())]);
    assert_eq!(
        c.args(Path::new("/nonexistent")),
        ["rank", "a b.csv", "--tier", "tỉnh", "x y"]
    );
    assert_eq!(c.exit, 2);
    assert!(Command::parse("thidua rank x.csv | head -3").is_err());
    assert!(Command::parse("thidua rank x.csv 2>&1").is_err());
    assert!(Command::parse("echo $?").is_err());
    assert!(Command::parse("thidua rank x.csv  # a note").is_ok_and(|c| c.exit == 0));
    assert!(glob("*.yaml", "qd-766.yaml") && !glob("*.yaml", "a.csv") && glob("a*b*c", "abxbc"));
    assert!(runs_thidua("  thidua rank x.csv") && runs_thidua("cd x && thidua rank"));
    assert!(!runs_thidua("thidua: lỗi: …") && !runs_thidua("sh monthly.sh # thidua"));
    assert!(relative("a/b.yaml").is_ok() && relative("../x").is_err() && relative("/x").is_err());
}

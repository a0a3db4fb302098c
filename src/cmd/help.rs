//! `--help` in the users' language: the doc comments of `cmd` are the English
//! text; this table gives every command and flag its Vietnamese text, and
//! [`command`] builds the command line in the language of messages. A test
//! fails when a command or flag has no Vietnamese text.

use clap::builder::PossibleValue;
use clap::{Arg, Command, CommandFactory};

use super::Cli;
use crate::i18n::messages::Msg;
use crate::i18n::{Lang, Text, scope};

mod vi;
use vi::VI;

/// The command line with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    localize(cmd, lang, "")
}

fn localize(mut cmd: Command, lang: Lang, path: &str) -> Command {
    let vi = lang == Lang::Vi;
    if vi {
        if let Some(about) = vietnamese(path, "") {
            cmd = cmd.about(about);
            if cmd.get_long_about().is_some() {
                cmd = cmd.long_about(about);
            }
        }
        cmd = cmd
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                Msg::ClapUsage.text(lang)
            ))
            .subcommand_help_heading("Lệnh")
            .subcommand_value_name("LỆNH");
        // clap writes "[OPTIONS]" into the usage line by itself: the line is
        // rendered once and given back in Vietnamese.
        let usage = cmd.render_usage().to_string();
        let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
        let usage = usage.replace("[OPTIONS]", "[TÙY CHỌN]");
        cmd = cmd.override_usage(usage);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id.as_str(), |a| {
            if !vi {
                return a;
            }
            let heading = if a.is_positional() {
                "Tham số"
            } else {
                "Tùy chọn"
            };
            vietnamese_arg(a.help_heading(heading), path, &id)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for s in subs {
        let sub_path = if path.is_empty() {
            s.clone()
        } else {
            format!("{path} {s}")
        };
        cmd = cmd.mut_subcommand(s.as_str(), |c| localize(c, lang, &sub_path));
    }
    cmd
}

/// A flag's help in Vietnamese, with what clap would add in English around
/// it ("[default: …]", "[possible values: …]", "Possible values:", "Print
/// help (see a summary with '-h')") said in Vietnamese instead: short help
/// on one line, long help (`--help` of a command that has one) with the
/// values listed and described.
fn vietnamese_arg(a: Arg, path: &str, id: &str) -> Arg {
    if id == "help" && a.get_long_help().is_some() {
        // clap's own -h/--help of a command whose --help says more.
        return a
            .help(vietnamese(path, "help more").unwrap_or_default())
            .long_help(vietnamese(path, "help summary").unwrap_or_default());
    }
    let text = vietnamese(path, id)
        .map(str::to_string)
        .or_else(|| a.get_help().map(ToString::to_string))
        .unwrap_or_default();
    let mut specs = Vec::new();
    let defaults = a.get_default_values();
    if a.get_action().takes_values() && !a.is_hide_default_value_set() && !defaults.is_empty() {
        let shown: Vec<_> = defaults.iter().map(|v| v.to_string_lossy()).collect();
        specs.push(format!("[mặc định: {}]", shown.join(" ")));
    }
    let values: Vec<PossibleValue> = if a.is_hide_possible_values_set() {
        Vec::new()
    } else {
        a.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    };
    let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
    let mut short = vec![text.clone()];
    short.extend(specs.iter().cloned());
    if !values.is_empty() {
        short.push(format!("[giá trị: {}]", names.join(", ")));
    }
    let mut long = vec![text];
    if values.iter().any(|v| v.get_help().is_some()) {
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        let lines: Vec<String> = values
            .iter()
            .map(|v| {
                let name = v.get_name();
                let key = format!("{id}={name}");
                let help = vietnamese(path, &key)
                    .map(str::to_string)
                    .or_else(|| v.get_help().map(ToString::to_string))
                    .unwrap_or_default();
                format!(
                    "- {name}: {:pad$}{help}",
                    "",
                    pad = width - name.chars().count()
                )
            })
            .collect();
        long.push(format!("Giá trị:\n{}", lines.join("\n")));
        long.push(specs.join("\n"));
    } else {
        let mut specs = specs;
        if !values.is_empty() {
            specs.push(format!("[giá trị: {}]", names.join(", ")));
        }
        long.push(specs.join("\n"));
    }
    let join = |parts: Vec<String>, sep: &str| {
        parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(sep)
    };
    a.hide_default_value(true)
        .hide_possible_values(true)
        .help(join(short, " "))
        .long_help(join(long, "\n\n"))
}

/// A clap error in `lang`: the common kinds said in the catalogue's words,
/// any other as clap says it (without its `error:`). A value parser's error
/// is one of our messages, said in `lang` too.
pub fn clap_message(e: &clap::Error, lang: Lang) -> String {
    scope(lang, || message(e).render(lang))
}

fn message(e: &clap::Error) -> Text {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let suggest = || match ctx(ContextKind::SuggestedArg) {
        s if s.is_empty() => match ctx(ContextKind::SuggestedSubcommand) {
            s if s.is_empty() => Text::default(),
            s => Text::from("; ") + crate::msg!(ClapDidYouMean, s),
        },
        s => Text::from("; ") + crate::msg!(ClapDidYouMean, s),
    };
    let arg = || ctx(ContextKind::InvalidArg);
    match e.kind() {
        ErrorKind::UnknownArgument => crate::msg!(ClapUnknownArg, arg()) + suggest(),
        ErrorKind::InvalidSubcommand => {
            crate::msg!(ClapUnknownCommand, ctx(ContextKind::InvalidSubcommand)) + suggest()
        }
        ErrorKind::InvalidValue => {
            let mut m = crate::msg!(ClapInvalidValue, ctx(ContextKind::InvalidValue), arg());
            let valid = ctx(ContextKind::ValidValue);
            if !valid.is_empty() {
                m = m + "; " + crate::msg!(ClapPossible, valid);
            }
            m
        }
        ErrorKind::MissingRequiredArgument => crate::msg!(ClapMissingArg, arg()),
        ErrorKind::MissingSubcommand => Msg::ClapNoCommand.into(),
        ErrorKind::ArgumentConflict => {
            crate::msg!(ClapConflict, arg(), ctx(ContextKind::PriorArg))
        }
        ErrorKind::ValueValidation => {
            // Our value parsers' errors are messages: said in the scope.
            let source = std::error::Error::source(e).map(|s| s.to_string());
            Text::raw(format!(
                "{}: {}",
                arg(),
                source.unwrap_or_else(|| ctx(ContextKind::InvalidValue))
            ))
        }
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            crate::msg!(ClapMissingValue, arg())
        }
        _ => {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or_default();
            crate::msg!(ClapOther, first.trim_start_matches("error: "))
        }
    }
}

/// The Vietnamese text of a command (`arg` empty) or of one of its flags:
/// `"rank --tier"` first, then a text shared by every command (`"--tier"`).
fn vietnamese(path: &str, arg: &str) -> Option<&'static str> {
    let key = match (path.is_empty(), arg.is_empty()) {
        (true, true) => String::new(),
        (false, true) => path.to_string(),
        (_, false) => format!("{path} --{arg}").trim_start().to_string(),
    };
    // `thidua help rank` shows what `thidua rank --help` says of rank.
    let key = key.strip_prefix("help ").unwrap_or(&key).to_string();
    let find = |k: &str| VI.iter().find(|(key, _)| *key == k).map(|(_, t)| *t);
    find(&key).or_else(|| {
        (!arg.is_empty())
            .then(|| find(&format!("--{arg}")))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn missing(cmd: &Command, path: &str, out: &mut Vec<String>) {
        if vietnamese(path, "").is_none() {
            out.push(format!(
                "{path:?} {:?}",
                cmd.get_about().map(|s| s.to_string())
            ));
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if a.is_hide_set() {
                continue;
            }
            if vietnamese(path, id).is_none() {
                out.push(format!(
                    "{path} --{id} {:?}",
                    a.get_help().map(|s| s.to_string())
                ));
            }
            // A value's own help is listed under a command's --help.
            let listed = !a.is_hide_possible_values_set();
            for v in a.get_possible_values().into_iter().filter(|_| listed) {
                let key = format!("{id}={}", v.get_name());
                if v.get_help().is_some() && vietnamese(path, &key).is_none() {
                    out.push(format!("{path} --{key} {:?}", v.get_help()));
                }
            }
        }
        for s in cmd.get_subcommands() {
            let p = if path.is_empty() {
                s.get_name().to_string()
            } else {
                format!("{path} {}", s.get_name())
            };
            missing(s, &p, out);
        }
    }

    #[test]
    fn every_command_and_flag_has_a_vietnamese_help() {
        let mut out = Vec::new();
        missing(&command(Lang::En), "", &mut out);
        assert!(
            out.is_empty(),
            "no Vietnamese help for:\n{}",
            out.join("\n")
        );
    }
}

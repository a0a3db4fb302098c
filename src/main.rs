//! The `thidua` binary: chooses the language of messages, parses the command
//! line, dispatches, and turns errors into exit codes (0 ok, 1 data or
//! runtime error, 2 usage). Errors are typed messages until here: they are
//! said once, in the run's language, inside a render scope.

use std::io;
use std::process::ExitCode;

use clap::FromArgMatches;
use thidua::cmd::{self, Cli, Command, UsageError, help, resolve};
use thidua::i18n::messages::Msg;
use thidua::i18n::{Lang, scope};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let lang = Lang::for_messages(&args, std::env::var("THIDUA_LANG").ok().as_deref());
    let cli = match help::command(lang)
        .try_get_matches_from(std::env::args_os())
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return clap_error(e, lang),
    };
    let terminal = resolve::stdout_is_terminal();
    let result = match &cli.command {
        Command::Score(args) => {
            resolve::score(args, terminal).and_then(|p| cmd::score::run(&p, lang))
        }
        Command::Rank(args) => resolve::rank(args, terminal).and_then(|p| cmd::rank::run(&p, lang)),
        Command::Gap(args) => resolve::gap(args, terminal).and_then(|p| cmd::gap::run(&p, lang)),
        Command::Verify(args) => cmd::stamp::verify(args, lang),
        Command::Nominate(args) => {
            resolve::nominate(args, terminal).and_then(|p| cmd::nominate::run(&p, lang))
        }
        Command::Deadlines(args) => cmd::deadlines::run(args, lang),
        Command::Check(args) => cmd::check::resolve(args).and_then(|p| cmd::check::run(&p, lang)),
        Command::Import(args) => cmd::import::run(args, lang),
        Command::Completions(args) => cmd::completions::completions(args),
        Command::Man(args) => cmd::completions::man(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            scope(lang, || eprintln!("{} {e:#}", Msg::Error));
            if e.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// clap's help and version as clap prints them; its errors in the language
/// of messages, with where to read more. A value parser's error inside is
/// one of our messages: clap prints it in a render scope.
fn clap_error(e: clap::Error, lang: Lang) -> ExitCode {
    use clap::error::ErrorKind;
    if lang == Lang::En {
        // clap's own English, usage included.
        let _ = scope(lang, || e.print());
        return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
    }
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::from(
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                2
            } else {
                0
            },
        );
    }
    eprintln!(
        "{} {}",
        Msg::Error.render(lang),
        help::clap_message(&e, lang)
    );
    let sub = std::env::args()
        .nth(1)
        // `thidua help --help` is no help: point at the program's.
        .filter(|a| a != "help" && help::command(lang).find_subcommand(a).is_some())
        .map(|a| format!("{a} "))
        .unwrap_or_default();
    eprintln!("{}", thidua::msg!(ClapMoreInfo, sub).render(lang));
    ExitCode::from(2)
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

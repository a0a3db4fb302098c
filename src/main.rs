//! The `thidua` binary: parses the command line, dispatches, and turns errors
//! into exit codes (0 ok, 1 data or runtime error, 2 usage).

use std::io;
use std::process::ExitCode;

use clap::Parser;
use thidua::cmd::{self, Cli, Command, UsageError};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Score(args) => cmd::score::run(args),
        Command::Rank(args) => cmd::rank::run(args),
        Command::Gap(args) => cmd::gap::run(args),
        Command::Verify(args) => cmd::stamp::verify(args),
        Command::Nominate(args) => cmd::nominate::run(args),
        Command::Deadlines(args) => cmd::deadlines::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Import(args) => cmd::import::run(args),
        Command::Completions(args) => cmd::completions::completions(args),
        Command::Man(args) => cmd::completions::man(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("thidua: error: {e:#}");
            if e.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

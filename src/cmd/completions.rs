//! `thidua completions SHELL` and `thidua man`: tab completion and manual
//! pages generated from the same clap definitions the binary parses with, so
//! they can never drift from the real flags.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// Shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write thidua.1 and one page per command (thidua-rank.1, …) into DIR
    /// instead of printing thidua.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// Prints the completion script on standard output.
pub fn completions(args: &CompletionsArgs) -> Result<()> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "thidua", &mut out);
    crate::output::emit(None, &out, &[])
}

/// The page of `thidua` itself, or every page into `--dir`.
pub fn man(args: &ManArgs) -> Result<()> {
    let mut top = Cli::command().disable_help_subcommand(true);
    // Building names each subcommand `thidua-rank` and so on, as man wants.
    top.build();
    let Some(dir) = &args.dir else {
        return crate::output::emit(None, &render(&clap_mangen::Man::new(top))?, &[]);
    };
    let pages = std::iter::once(top.clone())
        .chain(top.get_subcommands().cloned())
        .map(clap_mangen::Man::new);
    for page in pages {
        crate::output::emit(Some(&dir.join(page.get_filename())), &render(&page)?, &[])?;
    }
    Ok(())
}

fn render(page: &clap_mangen::Man) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    page.render(&mut out)
        .context(crate::i18n::messages::Msg::ManPage)?;
    Ok(out)
}

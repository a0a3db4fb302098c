//! thidua: score, rank and nominate units of an emulation campaign from flat
//! files. The scoring core (campaign, expr, metrics, scoring, ranking) is pure:
//! no I/O, no clock, no global state; `cmd` and `output` are the shell.

pub mod campaign;
pub mod cmd;
pub mod deadlines;
pub mod decisions;
pub mod expr;
pub mod holidays;
pub mod i18n;
pub mod import;
pub mod levers;
pub mod merge;
pub mod metrics;
pub mod nomination;
pub mod output;
pub mod people;
pub mod period;
pub mod problem;
pub mod ranking;
pub mod record;
pub mod report;
pub mod scoring;
pub mod sheet;
pub mod stamp;
pub mod whatif;
pub mod yaml;

/// A mistake in how the command was called (exit code 2), as opposed to bad
/// data (exit code 1).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub i18n::Text);

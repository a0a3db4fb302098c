//! thidua: score, rank and nominate units of an emulation campaign from flat
//! files. The scoring core (campaign, expr, metrics, scoring, ranking) is pure:
//! no I/O, no clock, no global state; `cmd` and `output` are the shell.

pub mod campaign;
pub mod expr;
pub mod i18n;
pub mod output;
pub mod sheet;

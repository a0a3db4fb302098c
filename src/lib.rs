//! thidua: score, rank and nominate units of an emulation campaign from flat
//! files. The scoring core (campaign, expr, metrics, scoring, ranking) is pure:
//! no I/O, no clock, no global state; `cmd` and `output` are the shell.

pub mod campaign;
pub mod deadlines;
pub mod expr;
pub mod holidays;
pub mod i18n;
pub mod ics;
pub mod output;
pub mod sheet;

//! thidua: score, rank and nominate units of an emulation campaign from flat files.

pub mod campaign;
pub mod expr;

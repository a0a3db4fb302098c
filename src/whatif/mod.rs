//! What-if, robustness and progress — the three questions no spreadsheet
//! answers well: what changes under other weights (`compare`), would the
//! winners still win if the weights were a bit different (`sensitivity`), and
//! did a unit improve since the baseline (`baseline`). Pure, like scoring:
//! figures in, figures out; `report::whatif` shows them in the unit reports.

pub mod baseline;
pub mod compare;
pub mod sensitivity;

#[cfg(test)]
mod tests;

//! One integration test binary (as xsv's `tests/tests.rs`): every module below
//! runs the real binary or the library on real files; `util` is what they share.

mod util;

mod bad_inputs;
mod browser;
mod cli;
mod deadlines;
mod deadlines_files;
mod deadlines_support;
mod golden;
mod import;
mod import_dossiers;
mod import_workbook;
mod levers;
mod nominate;
mod properties;
mod quota_line;
mod reports;
mod robustness;
mod whatif;
mod whatif_baseline;

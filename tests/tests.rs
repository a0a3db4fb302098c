//! One integration test binary (as xsv's `tests/tests.rs`): every module below
//! runs the real binary or the library on real files; `util` is what they share.

mod util;

mod bad_inputs;
mod browser;
mod check;
mod cli;
mod deadlines;
mod deadlines_files;
mod deadlines_support;
mod decisions;
mod docx;
mod flags;
mod golden;
mod import;
mod import_dossiers;
mod import_workbook;
mod json_contract;
mod layers;
mod levers;
mod levers_fewest;
mod merge;
mod messages;
mod messages_files;
mod nominate;
mod one_pass;
mod output_atomic;
mod pipeline;
mod print;
mod properties;
mod quota_line;
mod quotas;
mod readers;
mod readers_people;
mod render_law;
mod render_law_gen;
mod reports;
mod robustness;
mod robustness_inputs;
mod samples;
mod stamp;
mod trust_data;
mod trust_line;
mod whatif;
mod whatif_baseline;
mod whatif_numbers;

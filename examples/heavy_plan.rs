//! Writes the heavy plan the benchmarks measure (2,000 tasks, 20,000 time
//! entries, 5,000 expenses) to a file, for timing the window's start with it:
//! `cargo run --release --example heavy_plan -- heavy.plan.ron`.

use std::process::ExitCode;

use chrono::NaiveDate;
use yearplan::io;
use yearplan::model::sample::{Size, heavy_plan};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: heavy_plan OUT.plan.ron");
        return ExitCode::FAILURE;
    };
    // The benches' day, so the file is the plan they measure.
    let today = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap_or_default();
    let plan = heavy_plan(&io::default_plan(today), Size::HEAVY);
    match io::save_plan_replacing(std::path::Path::new(&path), &plan) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("heavy_plan: {error}");
            ExitCode::FAILURE
        }
    }
}

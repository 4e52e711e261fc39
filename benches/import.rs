//! How long importing a big export takes, and how much memory it needs at
//! its peak: 50,000 rows of a Toggl Track detailed export into the seed plan
//! (issue 12 asks for at most 200 ms, and a peak under 4× the file's size).
//!
//! Run with `cargo bench --bench import`. The peak is measured by counting
//! what the allocator hands out (peak_alloc), above what was live before the
//! import.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use peak_alloc::PeakAlloc;
use yearplan::io;
use yearplan::io::import::{Choices, preview};
use yearplan::model::TimeEntry;

// The system allocator, counting what is live and the most ever live.
#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

const ROWS: usize = 50_000;

/// A Toggl Track detailed export of `ROWS` rows over the seed's categories
/// and two projects no category is named after (mapped by `--map`-style rules).
fn toggl_export() -> Vec<u8> {
    let mut text = String::from(
        "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\n",
    );
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let projects = [
        "Learning",
        "Building",
        "Review/Documentation",
        "#HeatingRepair",
    ];
    for row in 0..ROWS {
        let day = start + Duration::days((row / 40) as i64);
        let project = projects[row % projects.len()];
        let minutes = 15 + (row % 8) * 15;
        let _ = writeln!(
            text,
            "Ada,ada@example.org,Acme,{project},,\"Session {row}, part {}\",No,{day},09:{:02}:00,{day},10:00:00,{:02}:{:02}:00,\"focus, deep\"",
            row % 3,
            row % 60,
            minutes / 60,
            minutes % 60
        );
    }
    text.into_bytes()
}

fn import(c: &mut Criterion) {
    let plan = io::default_plan(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    let bytes = toggl_export();
    let choices = Choices::default();

    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let result = preview::<TimeEntry>(&bytes, &plan, &choices);
    let peak = ALLOCATOR.peak_usage().saturating_sub(before);
    assert_eq!(result.batch.records.len() + result.skipped.len(), ROWS);
    #[allow(clippy::cast_precision_loss)]
    let ratio = peak as f64 / bytes.len() as f64;
    println!(
        "import/toggl-50k: file {} bytes, peak {} bytes above the start ({ratio:.2}× the file), {} records",
        bytes.len(),
        peak,
        result.batch.records.len()
    );
    drop(result);

    c.bench_function("import/toggl-50k", |b| {
        b.iter(|| black_box(preview::<TimeEntry>(black_box(&bytes), &plan, &choices)));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = import
}
criterion_main!(benches);

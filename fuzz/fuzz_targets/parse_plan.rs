//! The plan loader: bytes as a plan file holds them.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use yearplan::io::{load_plan, parse_plan};

/// One file per fuzzing process, rewritten for every input, so the bytes
/// also go through the size and UTF-8 checks that opening a file makes.
fn scratch_file() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::temp_dir().join(format!("yearplan-fuzz-{}.plan.ron", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    let from_text = std::str::from_utf8(data).ok().map(parse_plan);
    let from_file = std::fs::write(scratch_file(), data)
        .ok()
        .map(|()| load_plan(scratch_file()));
    if let (Some(text), Some(file)) = (&from_text, &from_file) {
        match (text, file) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "the file and its text load differently"),
            (Err(_), Err(_)) => {}
            _ => panic!("the file and its text load differently: {text:?} / {file:?}"),
        }
    }
    if let Some(Ok(plan)) = &from_file {
        yearplan_fuzz::check_plan(plan);
    } else if let Some(Ok(plan)) = &from_text {
        yearplan_fuzz::check_plan(plan);
    }
});

//! The Markdown importer: any text, read as a plan written by hand.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yearplan::io::markdown::import_markdown;

fuzz_target!(|text: &str| {
    // The importer never fails: whatever it returns is a plan it vouches for.
    let import = import_markdown(text, yearplan_fuzz::today());
    yearplan_fuzz::check_plan(&import.plan);
});

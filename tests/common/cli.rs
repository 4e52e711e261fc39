//! The real `yearplan` binary, run the way a person runs it in a terminal.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};

/// The binary Cargo built for these tests, to be given arguments and run.
pub fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_yearplan"))
}

/// Runs the binary with `args` in `folder`, and waits for it to finish.
pub fn yearplan(args: &[&OsStr], folder: &Path) -> Output {
    binary().args(args).current_dir(folder).output().unwrap()
}

/// Output of the binary as text, whatever its bytes.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn assert_no_panic(output: &Output) {
    let stderr = text(&output.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
}

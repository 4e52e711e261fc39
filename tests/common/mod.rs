//! What the tests share: the window driven by label (`window`), the real
//! binary run in a folder (`cli`), and dates, folders and files.
//!
//! Each file under `tests/` is a crate of its own and includes this module
//! with `mod common;`; a helper one crate does not call would warn there.
#![allow(dead_code)]
// A helper that cannot do its step should fail the test right there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod cli;
pub mod window;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// Writes `contents` to the file `name` in `folder`, and gives its path.
pub fn write_file(folder: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

//! The real `yearplan` binary, run the way a person runs it in a terminal.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;

use common::cli::{assert_no_panic, text, yearplan};
use common::write_file;

#[test]
fn new_then_check_summarises_the_default_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");

    let output = yearplan(&["new".as_ref(), path.as_os_str()], dir.path());
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
    assert_no_panic(&output);
    assert!(path.is_file());

    let output = yearplan(&["check".as_ref(), path.as_os_str()], dir.path());
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
    for expected in [
        "Swimlanes:\n",
        "  Core: 0/",
        "  Scale: 0/",
        "  Compliance: 0/",
        "Phases: 0/15 done\n",
        "  Learning: 15–20 h\n",
        "  Books: $500.00 once\n",
        "  Infrastructure: $100.00/month\n",
        "Monthly run-rate: $300.00/month\n",
    ] {
        assert!(stdout.contains(expected), "{expected:?} not in:\n{stdout}");
    }
    assert_no_panic(&output);
}

#[test]
fn new_refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "plan.ron", "my precious notes");

    let output = yearplan(&["new".as_ref(), path.as_os_str()], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("already exists; Yearplan will not overwrite it"),
        "stderr: {stderr}"
    );
    assert_no_panic(&output);
    assert_eq!(fs::read_to_string(&path).unwrap(), "my precious notes");
    assert!(!dir.path().join("plan.ron.bak").exists());
}

#[test]
fn check_on_a_malformed_file_reports_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let broken =
        "(\n    format_version: 1,\n    title: \"Broken\"\n    start_date: \"2026-01-01\",\n)\n";
    let path = write_file(dir.path(), "broken.ron", broken);

    let output = yearplan(&["check".as_ref(), path.as_os_str()], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with(&format!("yearplan: {}:4:5: ", path.display())),
        "stderr: {stderr}"
    );
    assert!(output.stdout.is_empty());
    assert_no_panic(&output);
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn check_on_an_invalid_plan_lists_its_problems() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let output = yearplan(&["new".as_ref(), path.as_os_str()], dir.path());
    assert!(output.status.success());
    let text_before = fs::read_to_string(&path).unwrap();
    let bad = text_before.replacen("cents: 10000", "cents: -10000", 1);
    fs::write(&path, &bad).unwrap();

    let output = yearplan(&["check".as_ref(), path.as_os_str()], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("is not a valid plan:\nbudget line 2 (\"Infrastructure\"): "),
        "stderr: {stderr}"
    );
    assert_no_panic(&output);
}

#[test]
fn check_on_a_missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let output = yearplan(&["check".as_ref(), "nowhere.ron".as_ref()], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "yearplan: No such file: nowhere.ron\n"
    );
    assert!(output.stdout.is_empty());
    assert!(!dir.path().join("nowhere.ron").exists());
}

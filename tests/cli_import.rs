//! `yearplan import-hours` and `import-expenses`, run as a script or cron
//! job runs them, on exports written with the quirks of the real tools.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ffi::OsStr;
use std::fs;
use std::path::Path;

use common::cli::{assert_no_panic, text, yearplan};
use common::write_file;
use yearplan::io::load_plan;

/// A Toggl Track detailed export that went through a spreadsheet: 12-hour
/// clock durations (`12:20:00 AM` is 20 minutes), a byte-order mark.
const TOGGL: &str = "\u{feff}User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\n\
Ada,ada@example.org,Acme,#Boiler,,Read the manual,No,2026-01-05,09:00:00 AM,2026-01-05,11:00:00 AM,02:00:00 AM,\n\
Ada,ada@example.org,Acme,#Boiler,,\"Fix it, at last\",No,2026-01-06,01:00:00 PM,2026-01-06,01:20:00 PM,12:20:00 AM,\n\
Ada,ada@example.org,Acme,meetings,,Weekly call,No,2026-01-07,10:00:00 AM,2026-01-07,11:30:00 AM,01:30:00 AM,\n\
Ada,ada@example.org,Acme,errands,,Post office,No,2026-01-07,12:00:00 PM,2026-01-07,12:00:00 PM,12:00:00 AM,\n";

fn new_plan(folder: &Path) -> std::path::PathBuf {
    let plan = folder.join("year.plan.ron");
    let output = yearplan(&["new".as_ref(), plan.as_os_str()], folder);
    assert!(output.status.success(), "{}", text(&output.stderr));
    plan
}

fn args<'a>(words: &'a [&'a str]) -> Vec<&'a OsStr> {
    words.iter().map(OsStr::new).collect()
}

#[test]
fn hours_come_in_by_map_rules_and_a_second_run_adds_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let plan = new_plan(folder.path());
    write_file(folder.path(), "toggl.csv", TOGGL);
    let run = |extra: &[&str]| {
        let mut words = vec!["import-hours", "toggl.csv", "--into", "year.plan.ron"];
        words.extend_from_slice(extra);
        yearplan(&args(&words), folder.path())
    };

    let dry = run(&[
        "--map",
        "boiler=Building",
        "--map",
        "meetings=Review/Documentation",
        "--dry-run",
    ]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    assert_eq!(load_plan(&plan).unwrap().time_entries.len(), 0);

    let output = run(&[
        "--map",
        "boiler=Building",
        "--map",
        "meetings=Review/Documentation",
    ]);
    assert_no_panic(&output);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Toggl Track detailed export, 4 rows"),
        "{stdout}"
    );
    // 2 h + 20 min under Building; 1 h 30 min under Review; the zero one skipped.
    assert!(stdout.contains("  Building: 2 entries, 2.33 h"), "{stdout}");
    assert!(
        stdout.contains("  Review/Documentation: 1 entry, 1.50 h"),
        "{stdout}"
    );
    assert!(stdout.contains("line 5: Nothing to add"), "{stdout}");
    let saved = load_plan(&plan).unwrap();
    assert_eq!(saved.time_entries.len(), 3);
    assert_eq!(saved.time_entries[1].note, "#Boiler — Fix it, at last");
    assert!(folder.path().join("year.plan.ron.bak").is_file());

    let again = run(&[
        "--map",
        "boiler=Building",
        "--map",
        "meetings=Review/Documentation",
    ]);
    assert!(again.status.success());
    assert!(
        text(&again.stdout).contains("duplicate 3"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(load_plan(&plan).unwrap().time_entries.len(), 3);
}

#[test]
fn a_map_to_no_such_category_and_an_unreadable_file_exit_1_and_change_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let plan = new_plan(folder.path());
    let before = fs::read(&plan).unwrap();
    write_file(folder.path(), "toggl.csv", TOGGL);
    let output = yearplan(
        &args(&[
            "import-hours",
            "toggl.csv",
            "--into",
            "year.plan.ron",
            "--map",
            "boiler=Plumbing",
        ]),
        folder.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("no category named \"Plumbing\""),
        "{}",
        text(&output.stderr)
    );

    write_file(folder.path(), "noise.csv", "just,some\nwords,here\n");
    let output = yearplan(
        &args(&["import-expenses", "noise.csv", "--into", "year.plan.ron"]),
        folder.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert_no_panic(&output);
    assert_eq!(fs::read(&plan).unwrap(), before);
}

#[test]
fn ambiguous_dates_need_an_order_and_money_in_is_skipped() {
    let folder = tempfile::tempdir().unwrap();
    let plan = new_plan(folder.path());
    // Monefy-style: every date reads both ways, spending negative, a
    // quoted thousands separator, two columns named currency, a transfer.
    write_file(
        folder.path(),
        "monefy.csv",
        "date,account,category,amount,currency,converted amount,currency,description\n\
         03/04/2026,Cash,Books,-44.99,USD,-44.99,USD,Elixir in Action\n\
         03/04/2026,Cash,Salary,\"2,400.5\",USD,\"2,400.5\",USD,salary\n\
         05/04/2026,Cash,To 'Card',-50,USD,-50,USD,\n",
    );
    let words = ["import-expenses", "monefy.csv", "--into", "year.plan.ron"];
    let output = yearplan(&args(&words), folder.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("--date-order dmy or mdy"),
        "{}",
        text(&output.stderr)
    );

    let mut words = words.to_vec();
    words.extend(["--date-order", "dmy"]);
    let output = yearplan(&args(&words), folder.path());
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("  Books: 1 expense, $44.99"), "{stdout}");
    assert!(
        stdout.contains("income or refund 1, transfer 1"),
        "{stdout}"
    );
    let expenses = load_plan(&plan).unwrap().expenses;
    assert_eq!(expenses.len(), 1);
    assert_eq!(expenses[0].date.to_string(), "2026-04-03");
    assert_eq!(expenses[0].cents, 4499);
}

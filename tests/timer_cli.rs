//! `yearplan log` and `yearplan timer`, as a terminal, a script or a
//! desktop shortcut runs them. The commands' work is run at a fixed "now"
//! (through the library, as `main` calls it) so every figure can be worked
//! out by hand; the real binary is run for exit codes and for files left
//! untouched by a refusal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use clap::Parser as _;
use common::cli::{assert_no_panic, text, yearplan};
use common::date;
use yearplan::cli::{Cli, Command, log_at, timer_at};
use yearplan::io;
use yearplan::model::{CategoryId, EntryId, Plan, TimeCategory, TimeEntry};

fn at(day: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    day.and_hms_opt(hour, minute, 0).unwrap()
}

fn thursday() -> NaiveDate {
    date(2026, 12, 3)
}

/// A plan file in a fresh folder.
fn plan_file(plan: &Plan) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("year.plan.ron");
    io::save_plan(&path, plan).unwrap();
    (folder, path)
}

fn entry(id: u64, day: NaiveDate, category: u64, hours: f64) -> TimeEntry {
    TimeEntry {
        id: EntryId(id),
        date: day,
        category: CategoryId(category),
        hours,
        note: String::new(),
    }
}

/// Runs `yearplan WORDS…` at `now` in the library, as `main` would.
fn run(words: &[&str], now: NaiveDateTime) -> Result<String, String> {
    let cli = Cli::try_parse_from(std::iter::once("yearplan").chain(words.iter().copied()))
        .unwrap_or_else(|error| panic!("{words:?} did not parse: {error}"));
    match cli.command {
        Some(Command::Log(args)) => log_at(&args, now),
        Some(Command::Timer(args)) => timer_at(&args, now),
        other => panic!("not log or timer: {other:?}"),
    }
}

fn load(path: &Path) -> Plan {
    io::load_plan(path).unwrap()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The text with every run of spaces made one, so column padding does not
/// hide the figures being checked.
fn squeezed(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn log_reads_hours_as_the_quick_entry_does_and_categories_by_prefix() {
    let (_folder, path) = plan_file(&io::default_plan(date(2026, 1, 1)));
    let now = at(thursday(), 18, 0);
    let said = run(&["log", p(&path), "1:30", "learn"], now).unwrap();
    assert_eq!(
        said,
        "Logged 1.5 h of Learning on Thu 3 Dec 2026. Learning that week: 1.5 h of 15–20 h.\n"
    );
    run(
        &["log", p(&path), "90m", "LEARNING", "--note", " ch. 3 "],
        now,
    )
    .unwrap();
    run(
        &["log", p(&path), "1,5", "review/doc", "--date", "2026-12-01"],
        now,
    )
    .unwrap();
    let said = run(&["log", p(&path), "2h 30m", "b"], now).unwrap();
    assert!(said.contains("Logged 2.5 h of Building"), "{said}");
    let plan = load(&path);
    let logged: Vec<(NaiveDate, u64, f64, &str)> = plan
        .time_entries
        .iter()
        .map(|e| (e.date, e.category.0, e.hours, e.note.as_str()))
        .collect();
    assert_eq!(
        logged,
        [
            (thursday(), 1, 1.5, ""),
            (thursday(), 1, 1.5, "ch. 3"),
            (date(2026, 12, 1), 3, 1.5, ""),
            (thursday(), 2, 2.5, ""),
        ]
    );
    assert!(io::backup_path(&path).exists(), "saved with its .bak");
}

#[test]
fn log_refuses_bad_input_and_leaves_the_file_as_it_was() {
    let mut plan = io::default_plan(date(2026, 1, 1));
    plan.time_categories.push(TimeCategory {
        id: CategoryId(4),
        name: "Lectures".to_owned(),
        weekly_min_hours: 0.0,
        weekly_max_hours: 2.0,
    });
    let (_folder, path) = plan_file(&plan);
    let before = std::fs::read(&path).unwrap();
    let now = at(thursday(), 18, 0);
    let refused = |words: &[&str]| run(words, now).unwrap_err();
    assert_eq!(
        refused(&["log", p(&path), "abc", "learning"]),
        "hours \"abc\": Not a number of hours: try 1.5, 1:30 or 90m"
    );
    assert!(refused(&["log", p(&path), "25", "learning"]).contains("more than 24 hours"));
    assert!(refused(&["log", p(&path), "0", "learning"]).contains("more than zero"));
    assert!(refused(&["log", p(&path), "-1:30", "learning"]).contains("more than zero"));
    assert_eq!(
        refused(&["log", p(&path), "1", "le"]),
        "\"le\" could be Learning, Lectures; write more of the name"
    );
    assert_eq!(
        refused(&["log", p(&path), "1", "Writing"]),
        "the plan has no time category \"Writing\"; its categories are Learning, Building, \
         Review/Documentation, Lectures"
    );
    assert!(refused(&["log", p(&path), "1", "learning", "--date", "2301-01-01"]).contains("2301"));
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing was written");

    let missing = path.with_file_name("missing.ron");
    assert!(refused(&["log", p(&missing), "1", "learning"]).contains("missing.ron"));
    std::fs::write(&path, "(format_version: 4, title: ").unwrap();
    let damaged = refused(&["log", p(&path), "1", "learning"]);
    assert!(damaged.contains("year.plan.ron"), "{damaged}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"(format_version: 4, title: "
    );
}

#[test]
fn the_timer_starts_stops_and_records_from_the_terminal() {
    let (_folder, path) = plan_file(&io::default_plan(date(2026, 1, 1)));
    let said = run(
        &["timer", p(&path), "start", "learn", "--note", "OTP book"],
        at(thursday(), 9, 0),
    )
    .unwrap();
    assert_eq!(said, "Started the timer on Learning at 09:00.\n");
    assert!(load(&path).timer.is_some(), "the timer is in the file");
    // The same again is no change.
    let said = run(
        &["timer", p(&path), "start", "Learning", "--note", "OTP book"],
        at(thursday(), 9, 5),
    )
    .unwrap();
    assert_eq!(
        said,
        "The timer already runs on Learning (since Thu 3 Dec 2026 09:00).\n"
    );

    // Starting another stops the first and records its 1:30.
    let said = run(
        &["timer", p(&path), "start", "build"],
        at(thursday(), 10, 30),
    )
    .unwrap();
    assert_eq!(
        said,
        "Stopped the timer on Learning. Recorded 1:30 of Learning on Thu 3 Dec 2026.\n\
         Started the timer on Building at 10:30.\n"
    );
    let said = run(&["timer", p(&path), "stop"], at(thursday(), 11, 0)).unwrap();
    assert_eq!(said, "Recorded 0:30 of Building on Thu 3 Dec 2026.\n");
    let plan = load(&path);
    assert_eq!(plan.timer, None);
    let logged: Vec<(u64, f64, &str)> = plan
        .time_entries
        .iter()
        .map(|e| (e.category.0, e.hours, e.note.as_str()))
        .collect();
    assert_eq!(logged, [(1, 1.5, "OTP book"), (2, 0.5, "")]);

    let before = std::fs::read(&path).unwrap();
    assert_eq!(
        run(&["timer", p(&path), "stop"], at(thursday(), 12, 0)).unwrap_err(),
        format!("no timer is running in {}", path.display())
    );
    assert!(run(&["timer", p(&path), "cancel"], at(thursday(), 12, 0)).is_err());
    assert!(
        run(
            &["timer", p(&path), "start", "nothing"],
            at(thursday(), 12, 0)
        )
        .unwrap_err()
        .contains("no time category \"nothing\"")
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_timer_runs_on_across_invocations_as_across_a_restart() {
    let (_folder, path) = plan_file(&io::default_plan(date(2026, 1, 1)));
    run(
        &["timer", p(&path), "start", "learning"],
        at(thursday(), 9, 0),
    )
    .unwrap();
    // Later, another process (a status bar's) reads the file: 42 minutes.
    let said = run(
        &["timer", p(&path), "status", "--short"],
        at(thursday(), 9, 42),
    )
    .unwrap();
    assert_eq!(
        said,
        "● Learning 0:42 · today 0.7 h · week 0.7 of 30–40 h\n"
    );
}

#[test]
fn stop_at_a_given_time_and_refusals_of_impossible_times() {
    let (_folder, path) = plan_file(&io::default_plan(date(2026, 1, 1)));
    run(
        &["timer", p(&path), "start", "learning"],
        at(thursday(), 9, 0),
    )
    .unwrap();
    let now = at(thursday(), 11, 0);
    let before = std::fs::read(&path).unwrap();
    assert_eq!(
        run(&["timer", p(&path), "stop", "--at", "08:00"], now).unwrap_err(),
        "Thu 3 Dec 2026 08:00 is before the timer started (Thu 3 Dec 2026 09:00)"
    );
    assert_eq!(
        run(&["timer", p(&path), "stop", "--at", "12:00"], now).unwrap_err(),
        "Thu 3 Dec 2026 12:00 is later than now (Thu 3 Dec 2026 11:00); the timer cannot stop \
         in the future"
    );
    assert!(
        run(&["timer", p(&path), "stop", "--at", "half past ten"], now)
            .unwrap_err()
            .contains("is not a time")
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let said = run(
        &["timer", p(&path), "stop", "--at", "2026-12-03 10:15"],
        now,
    )
    .unwrap();
    assert_eq!(said, "Recorded 1:15 of Learning on Thu 3 Dec 2026.\n");
    assert_eq!(load(&path).time_entries[0].hours, 1.25);
}

#[test]
fn a_forgotten_timer_stopped_from_the_terminal_says_how_long_it_ran() {
    let (_folder, path) = plan_file(&io::default_plan(date(2026, 1, 1)));
    run(
        &["timer", p(&path), "start", "learning"],
        at(date(2026, 12, 2), 9, 0),
    )
    .unwrap();
    // Wednesday 09:00 to Thursday 10:00: 15 h on Wednesday, 10 on Thursday.
    let said = run(&["timer", p(&path), "stop"], at(thursday(), 10, 0)).unwrap();
    assert_eq!(
        said,
        "Recorded 25:00 of Learning as 2 entries, one per day: 15:00 on Wed 2 Dec 2026, \
         10:00 on Thu 3 Dec 2026.\n\
         It ran 25:00, more than 12 hours. If it was left running, edit the entries in the \
         Time tab; the plan before is in the .bak beside it.\n"
    );
    let hours: Vec<f64> = load(&path).time_entries.iter().map(|e| e.hours).collect();
    assert_eq!(hours, [15.0, 10.0]);
}

#[test]
fn cancel_stops_the_timer_and_records_nothing() {
    let (_folder, path) = plan_file(&io::default_plan(date(2026, 1, 1)));
    run(
        &["timer", p(&path), "start", "learning"],
        at(thursday(), 9, 0),
    )
    .unwrap();
    let said = run(&["timer", p(&path), "cancel"], at(thursday(), 9, 45)).unwrap();
    assert_eq!(
        said,
        "Stopped the timer on Learning without recording its 0:45.\n"
    );
    let plan = load(&path);
    assert_eq!((plan.timer, plan.time_entries.len()), (None, 0));
}

/// This week (Mon 30 Nov – Sun 6 Dec 2026) has, logged: Learning 3 h on
/// Monday and 2.5 h today, Building 4 h on Wednesday, Review 1 h today.
fn logged_week() -> Plan {
    let mut plan = io::default_plan(date(2026, 1, 1));
    plan.time_entries = vec![
        entry(1, date(2026, 11, 30), 1, 3.0),
        entry(2, thursday(), 1, 2.5),
        entry(3, date(2026, 12, 2), 2, 4.0),
        entry(4, thursday(), 3, 1.0),
        // Last week's: not counted.
        entry(5, date(2026, 11, 29), 1, 9.0),
    ];
    plan
}

#[test]
fn status_shows_the_timer_and_today_and_this_week_against_the_targets() {
    let (_folder, path) = plan_file(&logged_week());
    run(
        &["timer", p(&path), "start", "learning", "--note", "OTP book"],
        at(thursday(), 9, 0),
    )
    .unwrap();
    // At 10:30 the timer has run 1:30 (1.5 h): today 2.5 + 1 + 1.5 = 5.0 h;
    // Learning this week 3 + 2.5 + 1.5 = 7.0 h, 8.0 h short of its 15;
    // Building 4.0 h, 6.0 short of 10; Review 1.0 h, 4.0 short of 5;
    // the total 12.0 h, 18.0 short of 30.
    let said = run(&["timer", p(&path), "status"], at(thursday(), 10, 30)).unwrap();
    assert_eq!(
        squeezed(&said),
        [
            "Timer: Learning 1:30 since Thu 3 Dec 2026 09:00 (OTP book)",
            "Today (Thu 3 Dec 2026): 5.0 h (with 1:30 running)",
            "This week (Mon 30 Nov 2026 – Sun 6 Dec 2026):",
            "Learning 7.0 h of 15–20 h 8.0 h to go (with 1:30 running)",
            "Building 4.0 h of 10–15 h 6.0 h to go",
            "Review/Documentation 1.0 h of 5 h 4.0 h to go",
            "Total 12.0 h of 30–40 h 18.0 h to go (with 1:30 running)",
        ]
    );
    let short = run(
        &["timer", p(&path), "status", "--short"],
        at(thursday(), 10, 30),
    )
    .unwrap();
    assert_eq!(
        short,
        "● Learning 1:30 · today 5.0 h · week 12.0 of 30–40 h\n"
    );
}

#[test]
fn status_without_a_timer_and_over_a_target() {
    let mut plan = logged_week();
    plan.time_entries.push(entry(6, date(2026, 12, 1), 3, 5.0));
    let (_folder, path) = plan_file(&plan);
    // Review: 1 + 5 = 6 h against exactly 5 h: over, not short.
    let said = run(&["timer", p(&path), "status"], at(thursday(), 20, 0)).unwrap();
    let lines = squeezed(&said);
    assert_eq!(lines[0], "Timer: not running");
    assert_eq!(lines[1], "Today (Thu 3 Dec 2026): 3.5 h");
    assert_eq!(lines[5], "Review/Documentation 6.0 h of 5 h over");
    let short = run(
        &["timer", p(&path), "status", "--short"],
        at(thursday(), 20, 0),
    )
    .unwrap();
    assert_eq!(short, "no timer · today 3.5 h · week 15.5 of 30–40 h\n");
}

fn args<'a>(words: &'a [&'a str]) -> Vec<&'a OsStr> {
    words.iter().map(OsStr::new).collect()
}

#[test]
fn the_binary_exits_0_on_success_and_1_with_a_message_on_a_refusal() {
    let (folder, path) = plan_file(&io::default_plan(date(2026, 1, 1)));
    let ok = yearplan(
        &args(&["log", "year.plan.ron", "45m", "learn"]),
        folder.path(),
    );
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert!(text(&ok.stdout).starts_with("Logged 0.75 h of Learning on "));
    let before = std::fs::read(&path).unwrap();

    let bad = yearplan(
        &args(&["log", "year.plan.ron", "lots", "learn"]),
        folder.path(),
    );
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(
        text(&bad.stderr),
        "yearplan: hours \"lots\": Not a number of hours: try 1.5, 1:30 or 90m\n"
    );
    assert_no_panic(&bad);
    let stop = yearplan(&args(&["timer", "year.plan.ron", "stop"]), folder.path());
    assert_eq!(stop.status.code(), Some(1));
    assert!(text(&stop.stderr).starts_with("yearplan: no timer is running in year.plan.ron"));
    let missing = yearplan(&args(&["timer", "nowhere.ron", "status"]), folder.path());
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("nowhere.ron"));
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let start = yearplan(
        &args(&["timer", "year.plan.ron", "start", "Learning"]),
        folder.path(),
    );
    assert!(start.status.success(), "{}", text(&start.stderr));
    let status = yearplan(
        &args(&["timer", "year.plan.ron", "status", "--short"]),
        folder.path(),
    );
    assert!(status.status.success());
    let line = text(&status.stdout);
    assert!(line.starts_with("● Learning 0:0"), "{line}");
    assert_eq!(line.lines().count(), 1);
    let stop = yearplan(&args(&["timer", "year.plan.ron", "cancel"]), folder.path());
    assert!(stop.status.success(), "{}", text(&stop.stderr));
}

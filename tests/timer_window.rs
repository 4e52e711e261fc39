//! The timer in the window, driven as a person drives it: started from the
//! Time tab, the Overview, the top bar and Ctrl+T; watched as the clock
//! moves; stopped; carried across a restart and a kill through the file;
//! the question about a timer left running; and a stop from a terminal
//! picked up by the open window.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use common::date;
use common::window::{
    Window, app_on, choose, click, plan, shortcut, type_into, wait_for_open, wait_for_save, window,
};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use yearplan::app::{Clock, YearplanApp};
use yearplan::io;
use yearplan::model::{CategoryId, EntryId, Plan, TimeEntry};

fn thursday() -> NaiveDate {
    date(2026, 12, 3)
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    day.and_hms_opt(hour, minute, 0).unwrap()
}

fn harness(app: YearplanApp) -> Window {
    let builder = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .with_max_steps(400);
    window(builder, app)
}

fn default_plan() -> Plan {
    io::default_plan(date(2026, 1, 1))
}

/// The window on `plan` (no file) at `now`.
fn window_at(plan: Plan, now: NaiveDateTime) -> Window {
    harness(app_on(plan, now.date()).with_clock(Clock::At(now)))
}

/// Moves the window's clock to `now` and draws.
fn set_time(harness: &mut Window, now: NaiveDateTime) {
    harness.state_mut().set_clock(Clock::At(now));
    harness.run();
}

/// Whether some text on screen reads exactly `text`.
fn shows(harness: &Window, text: &str) -> bool {
    harness.query_all_by_label(text).next().is_some()
}

fn shows_containing(harness: &Window, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn entries(harness: &Window) -> Vec<(NaiveDate, u64, f64, String)> {
    plan(harness)
        .time_entries
        .iter()
        .map(|e| (e.date, e.category.0, e.hours, e.note.clone()))
        .collect()
}

#[test]
fn a_timer_started_on_the_time_tab_runs_in_the_top_bar_and_records_on_stop() {
    let mut harness = window_at(default_plan(), at(thursday(), 9, 0));
    click(&mut harness, "Time");
    choose(&mut harness, "Timer category", "Building");
    type_into(&mut harness, "Timer note", "CI pipeline");
    click(&mut harness, "Start timer");
    assert!(shows(&harness, "● Building 0:00"));
    harness.get_by_label("Started the timer on Building at 09:00.");
    assert_eq!(
        harness.state().window_title(),
        "● Building 0:00 · Yearplan — Annual Plan •"
    );

    // 42 minutes later the clock says so, and this week and today count it.
    set_time(&mut harness, at(thursday(), 9, 42));
    assert!(shows(&harness, "● Building 0:42"));
    assert!(
        harness
            .state()
            .window_title()
            .starts_with("● Building 0:42 · ")
    );
    assert!(
        harness.query_all_by_label("0.7 h ●").count() >= 2,
        "this week's and today's Building hours count the running 0.7 h"
    );
    assert!(
        entries(&harness).is_empty(),
        "nothing recorded while it runs"
    );

    click(&mut harness, "Stop the timer");
    assert_eq!(
        entries(&harness),
        [(thursday(), 2, 0.7, "CI pipeline".to_owned())]
    );
    assert_eq!(plan(&harness).timer, None);
    harness.get_by_label("Recorded 0:42 of Building on Thu 3 Dec 2026.");
    assert!(!shows_containing(&harness, "● Building"));
    // One undo takes the stop back: the timer runs again.
    shortcut(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(plan(&harness).timer.is_some());
    assert!(entries(&harness).is_empty());
}

#[test]
fn ctrl_t_starts_on_the_category_last_used_and_stops() {
    let mut logged = default_plan();
    logged.time_entries.push(TimeEntry {
        id: EntryId(1),
        date: date(2026, 12, 1),
        category: CategoryId(3),
        hours: 1.0,
        note: String::new(),
    });
    let mut harness = window_at(logged, at(thursday(), 16, 0));
    click(&mut harness, "Swimlanes");
    shortcut(&mut harness, Modifiers::COMMAND, Key::T);
    let running = plan_timer(&harness);
    assert_eq!(
        running.category,
        CategoryId(3),
        "hours were last logged to Review"
    );
    assert!(shows(&harness, "● Review/Documentation 0:00"));
    set_time(&mut harness, at(thursday(), 16, 30));
    shortcut(&mut harness, Modifiers::COMMAND, Key::T);
    assert_eq!(plan(&harness).timer, None);
    assert_eq!(entries(&harness)[1], (thursday(), 3, 0.5, String::new()));
}

fn plan_timer(harness: &Window) -> yearplan::model::timer::Timer {
    plan(harness).timer.clone().expect("a timer running")
}

#[test]
fn starting_another_records_the_first_and_discard_records_nothing() {
    let mut harness = window_at(default_plan(), at(thursday(), 9, 0));
    // From the Overview, on its first category.
    click(&mut harness, "Start timer");
    assert_eq!(plan_timer(&harness).category, CategoryId(1));
    // Another, from the same row, stops and records the first.
    set_time(&mut harness, at(thursday(), 9, 30));
    choose(&mut harness, "Timer category", "Building");
    click(&mut harness, "Start timer");
    assert_eq!(plan_timer(&harness).category, CategoryId(2));
    assert_eq!(entries(&harness), [(thursday(), 1, 0.5, String::new())]);
    harness.get_by_label(
        "Recorded 0:30 of Learning on Thu 3 Dec 2026. Started the timer on Building at 09:30.",
    );

    // Ctrl+T on the Swimlanes tab stops it; the top bar then offers Start.
    set_time(&mut harness, at(thursday(), 10, 15));
    click(&mut harness, "Swimlanes");
    shortcut(&mut harness, Modifiers::COMMAND, Key::T);
    assert_eq!(entries(&harness)[1], (thursday(), 2, 0.75, String::new()));
    click(&mut harness, "Start timer…");
    type_into(&mut harness, "Timer note", "review notes");
    click(&mut harness, "Start on Review/Documentation");
    let running = plan_timer(&harness);
    assert_eq!(
        (running.category, running.note.as_str()),
        (CategoryId(3), "review notes")
    );

    click(&mut harness, "Overview");
    set_time(&mut harness, at(thursday(), 10, 40));
    click(&mut harness, "Discard");
    assert_eq!(plan(&harness).timer, None);
    assert_eq!(entries(&harness).len(), 2);
    harness
        .get_by_label("Discarded the timer on Review/Documentation: its 0:25 were not recorded.");
}

/// The built-in plan saved in a fresh folder.
fn saved() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("year.plan.ron");
    io::save_plan(&path, &default_plan()).unwrap();
    (folder, path)
}

fn open_at(path: &Path, now: NaiveDateTime) -> Window {
    let mut app = YearplanApp::open(Some(path), Clock::At(now));
    app.wait_for_load();
    harness(app)
}

#[test]
fn a_started_timer_is_in_the_file_at_once_and_runs_on_after_a_kill() {
    let (_folder, path) = saved();
    let mut harness = open_at(&path, at(thursday(), 9, 0));
    click(&mut harness, "Time");
    click(&mut harness, "Start timer");
    wait_for_save(&mut harness);
    assert!(
        !harness.state().document().dirty,
        "the whole plan was saved"
    );
    let on_disk = io::load_plan(&path).unwrap();
    assert_eq!(on_disk.timer, plan(&harness).timer);
    // Killed: dropped without a word, nothing more written.
    drop(harness);

    let mut reopened = open_at(&path, at(thursday(), 10, 5));
    assert!(shows(&reopened, "● Learning 1:05"));
    click(&mut reopened, "Stop the timer");
    wait_for_save(&mut reopened);
    let on_disk = io::load_plan(&path).unwrap();
    assert_eq!(on_disk.timer, None);
    assert_eq!(on_disk.time_entries.len(), 1);
    assert!((on_disk.time_entries[0].hours - 65.0 / 60.0).abs() < 1e-12);
}

#[test]
fn with_other_changes_unsaved_only_the_timer_reaches_the_file() {
    let (_folder, path) = saved();
    let mut harness = open_at(&path, at(thursday(), 9, 0));
    common::window::tick_on_the_board(&mut harness, "Establish CI/CD pipeline");
    shortcut(&mut harness, Modifiers::COMMAND, Key::T);
    wait_for_save(&mut harness);
    let on_disk = io::load_plan(&path).unwrap();
    assert!(on_disk.timer.is_some(), "the timer is in the file");
    assert!(
        !on_disk
            .tasks()
            .any(|task| task.title == "Establish CI/CD pipeline" && task.done),
        "the unsaved tick is not"
    );
    assert!(
        harness.state().document().dirty,
        "the tick is still unsaved"
    );
    assert!(!harness.state().is_showing_disk_change());

    // Saving now writes both, without asking about a changed file.
    shortcut(&mut harness, Modifiers::COMMAND, Key::S);
    wait_for_save(&mut harness);
    assert!(harness.state().pending_action().is_none());
    let on_disk = io::load_plan(&path).unwrap();
    assert_eq!(&on_disk, plan(&harness));
}

/// A plan file whose timer was started on Wednesday at `hour` and never stopped.
fn left_running(hour: u32) -> (tempfile::TempDir, PathBuf) {
    let (folder, path) = saved();
    let mut plan = io::load_plan(&path).unwrap();
    plan.timer = Some(yearplan::model::timer::Timer {
        category: CategoryId(1),
        note: "Reading".to_owned(),
        started: at(date(2026, 12, 2), hour, 0),
    });
    io::save_plan(&path, &plan).unwrap();
    (folder, path)
}

#[test]
fn a_timer_left_running_asks_what_to_record_until_now() {
    // Wednesday 20:00 to Thursday 10:00: 14 h, 4 on Wednesday, 10 on Thursday.
    let (_folder, path) = left_running(20);
    let mut harness = open_at(&path, at(thursday(), 10, 0));
    assert!(harness.state().is_asking_about_forgotten_timer());
    harness.get_by_label("Was the timer left running?");
    click(&mut harness, "Until now (14:00)");
    assert!(!harness.state().is_asking_about_forgotten_timer());
    assert_eq!(
        entries(&harness),
        [
            (date(2026, 12, 2), 1, 4.0, "Reading".to_owned()),
            (thursday(), 1, 10.0, "Reading".to_owned())
        ]
    );
}

#[test]
fn a_timer_left_running_records_until_the_time_given() {
    let (_folder, path) = left_running(20);
    let mut harness = open_at(&path, at(thursday(), 10, 0));
    type_into(&mut harness, "Stopped at", "25:00");
    click(&mut harness, "Record until then");
    harness.get_by_label("Write the time it stopped as HH:MM, e.g. 18:30");
    assert!(entries(&harness).is_empty());
    common::window::retype(&mut harness, "Stopped at", "19:00");
    click(&mut harness, "Record until then");
    harness.get_by_label("That is before the timer started (Wed 2 Dec 2026 20:00).");
    common::window::retype(&mut harness, "Stopped at", "22:30");
    click(&mut harness, "Record until then");
    assert_eq!(
        entries(&harness),
        [(date(2026, 12, 2), 1, 2.5, "Reading".to_owned())]
    );
    assert_eq!(plan(&harness).timer, None);
    wait_for_save(&mut harness);
    assert_eq!(io::load_plan(&path).unwrap().time_entries.len(), 1);
}

#[test]
fn a_timer_left_running_can_record_nothing_or_keep_running() {
    let (_folder, path) = left_running(8);
    let mut harness = open_at(&path, at(thursday(), 10, 0));
    click(&mut harness, "Keep it running");
    assert!(plan(&harness).timer.is_some());
    assert!(!harness.state().is_asking_about_forgotten_timer());
    drop(harness);

    let mut harness = open_at(&path, at(thursday(), 10, 0));
    click(&mut harness, "Record nothing");
    assert_eq!(plan(&harness).timer, None);
    assert!(entries(&harness).is_empty());
}

#[test]
fn a_timer_running_under_twelve_hours_asks_nothing() {
    let (_folder, path) = left_running(22);
    let harness = open_at(&path, at(thursday(), 9, 59));
    assert!(!harness.state().is_asking_about_forgotten_timer());
    assert!(shows(&harness, "● Learning 11:59"));
}

#[test]
fn a_stop_from_the_terminal_comes_into_the_open_window() {
    let (_folder, path) = saved();
    let mut harness = open_at(&path, at(thursday(), 9, 0));
    click(&mut harness, "Time");
    click(&mut harness, "Start timer");
    wait_for_save(&mut harness);

    // `yearplan timer PLAN stop` at 10:30, in another process.
    let mut theirs = io::load_plan(&path).unwrap();
    theirs
        .apply(&yearplan::model::command::Command::Time(
            yearplan::model::command::TimeCommand::StopTimer {
                at: at(thursday(), 10, 30),
                seed: 5,
            },
        ))
        .unwrap();
    io::save_plan(&path, &theirs).unwrap();
    set_time(&mut harness, at(thursday(), 10, 31));
    harness.state_mut().check_disk_now();
    wait_for_open(&mut harness);
    assert_eq!(plan(&harness).timer, None);
    assert_eq!(entries(&harness), [(thursday(), 1, 1.5, String::new())]);
    harness.get_by_label(
        "From another program: the timer stopped, 1 hour entry added. Undo takes it back.",
    );
    // The log table shows the entry.
    assert!(shows(&harness, "1.5 h") || shows(&harness, "1.50"));
    assert!(!shows_containing(&harness, "● Learning"));
}

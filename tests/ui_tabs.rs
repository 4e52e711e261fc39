//! The window as a person uses it, driven through egui_kittest by label.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::date;
use common::window::{
    Window, app_on, choose_file, click, click_checkbox, shortcut, tick_on_the_board, wait_for_save,
    window,
};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use yearplan::app::{Clock, Document, YearplanApp};
use yearplan::io;
use yearplan::ui::Tab;

fn today() -> NaiveDate {
    date(2026, 2, 16)
}

fn app_on_default_plan(folder: &std::path::Path) -> YearplanApp {
    app_on(io::default_plan(today()), today()).with_untitled_folder(folder)
}

fn harness(app: YearplanApp) -> Window {
    window(
        Harness::builder().with_size(egui::vec2(1400.0, 1000.0)),
        app,
    )
}

/// File → Open example.
fn open_example(harness: &mut Window) {
    click(harness, "File");
    click(harness, "Open example");
}

#[test]
fn each_tab_opens_by_its_label() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness(app_on_default_plan(folder.path()));
    assert_eq!(harness.state().tab(), Tab::Overview);

    // Each tab, clicked by its label, shows something only that tab has.
    let tabs = [
        (Tab::Swimlanes, "Learning phases"),
        (Tab::Time, "Weekly targets"),
        (Tab::Budget, "Budget lines"),
        (Tab::MetricsReviews, "Success metrics"),
        (Tab::Overview, "This week: open Time"),
    ];
    for (tab, marker) in tabs {
        click(&mut harness, tab.label());
        assert_eq!(harness.state().tab(), tab);
        harness.get_by_label(marker);
    }
}

#[test]
fn ctrl_and_a_number_opens_each_tab() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness(app_on_default_plan(folder.path()));
    let keys = [Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num1];
    let tabs = [
        Tab::Swimlanes,
        Tab::Time,
        Tab::Budget,
        Tab::MetricsReviews,
        Tab::Overview,
    ];
    for (key, tab) in keys.into_iter().zip(tabs) {
        shortcut(&mut harness, Modifiers::COMMAND, key);
        assert_eq!(harness.state().tab(), tab);
    }
}

#[test]
fn ticking_a_task_by_its_label_updates_the_progress_shown() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness(app_on_default_plan(folder.path()));
    click(&mut harness, "Swimlanes");

    // Core Q1 has four tasks; the lane has sixteen; none is done.
    harness.get_by_label("Core Q1 progress: 0/4");
    harness.get_by_label("Core progress: 0/16");
    assert!(!harness.state().window_title().contains('•'));

    click_checkbox(&mut harness, "Establish CI/CD pipeline");
    // A screen reader reads the window's name, unsaved mark and all.
    assert_eq!(
        harness.root().accesskit_node().label().as_deref(),
        Some(harness.state().window_title().as_str())
    );

    harness.get_by_label("Core Q1 progress: 1/4");
    harness.get_by_label("Core progress: 1/16");
    // Q1 holds Core Q1 (4), Scale Q1–Q2 (3) and Compliance Q1 (2).
    harness.get_by_label("Q1 progress: 1/9");
    let task = harness
        .state()
        .document()
        .plan
        .tasks()
        .find(|task| task.title == "Establish CI/CD pipeline")
        .unwrap()
        .clone();
    assert!(task.done);
    assert_eq!(task.done_on, Some(today()));
    assert!(harness.state().document().dirty);
    assert!(harness.state().window_title().ends_with('•'));

    // Unticking takes the figure back down.
    click_checkbox(&mut harness, "Establish CI/CD pipeline");
    harness.get_by_label("Core Q1 progress: 0/4");
}

#[test]
fn ctrl_s_saves_a_new_plan_into_the_documents_folder() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness(app_on_default_plan(folder.path()));
    click(&mut harness, "Swimlanes");
    click_checkbox(&mut harness, "Load testing framework");
    shortcut(&mut harness, Modifiers::COMMAND, Key::S);
    wait_for_save(&mut harness);

    let saved = folder.path().join("Annual Plan.ron");
    let state = harness.state();
    assert_eq!(state.document().path.as_deref(), Some(saved.as_path()));
    assert!(!state.document().dirty);
    let reloaded = io::load_plan(&saved).unwrap();
    assert_eq!(reloaded, state.document().plan);
    // The status bar says where the plan went.
    harness.get_by_label(&format!("Saved to {}", saved.display()));
}

#[test]
fn saving_a_new_plan_never_overwrites_another_file() {
    let folder = tempfile::tempdir().unwrap();
    let existing = folder.path().join("Annual Plan.ron");
    std::fs::write(&existing, "someone else's file").unwrap();
    let mut app = app_on_default_plan(folder.path());
    app.save();
    app.wait_for_save();
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "someone else's file"
    );
    assert_eq!(
        app.document().path.as_deref(),
        Some(folder.path().join("Annual Plan (2).ron").as_path())
    );
}

#[test]
fn a_plan_that_cannot_be_opened_says_why_and_shows_the_default_plan() {
    let folder = tempfile::tempdir().unwrap();
    let bad = folder.path().join("bad.ron");
    std::fs::write(&bad, "(format_version: 1, title: ").unwrap();
    let mut app = YearplanApp::open(Some(&bad), Clock::Fixed(today()));
    app.wait_for_load();
    assert!(app.document().path.is_none());
    let notice = format!("{:?}", app.notice());
    assert!(notice.contains("Could not open the plan"), "{notice}");
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        "(format_version: 1, title: "
    );
}

#[test]
fn a_plan_without_a_title_is_shown_as_untitled() {
    let folder = tempfile::tempdir().unwrap();
    let mut plan = io::default_plan(today());
    plan.title = "  ".to_owned();
    let app = YearplanApp::new(Document {
        plan,
        path: None,
        dirty: false,
    })
    .with_untitled_folder(folder.path());
    assert_eq!(app.window_title(), "Yearplan — Untitled plan");
    let harness = harness(app);
    harness.get_by_label("Untitled plan");
}

/// What the window's close button (and Quit, and Ctrl+Q) does: the
/// platform asks the root viewport to close.
fn request_close(harness: &mut Window) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
}

#[test]
fn closing_with_no_changes_asks_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness(app_on_default_plan(folder.path()));
    request_close(&mut harness);
    assert!(!harness.state().is_asking_before_close());
    assert!(harness.query_by_label("Don't Save").is_none());
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_plan() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness(app_on_default_plan(folder.path()));
    tick_on_the_board(&mut harness, "Establish CI/CD pipeline");
    let plan_before = harness.state().document().plan.clone();

    request_close(&mut harness);
    assert!(harness.state().is_asking_before_close());
    harness.get_by_label_contains("before closing?");
    click(&mut harness, "Cancel");

    assert!(!harness.state().is_asking_before_close());
    assert!(harness.state().document().dirty);
    assert_eq!(harness.state().document().plan, plan_before);
    assert!(std::fs::read_dir(folder.path()).unwrap().next().is_none());

    // Asked again, the question comes back: Cancel did not approve the close.
    request_close(&mut harness);
    assert!(harness.state().is_asking_before_close());
}

#[test]
fn closing_with_unsaved_changes_and_save_writes_the_plan() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness(app_on_default_plan(folder.path()));
    tick_on_the_board(&mut harness, "Establish CI/CD pipeline");

    request_close(&mut harness);
    click(&mut harness, "Save");
    wait_for_save(&mut harness);

    let saved = folder.path().join("Annual Plan.ron");
    let reloaded = io::load_plan(&saved).unwrap();
    assert_eq!(reloaded, harness.state().document().plan);
    assert!(!harness.state().document().dirty);
    assert!(!harness.state().is_asking_before_close());
}

#[test]
fn closing_with_unsaved_changes_and_dont_save_leaves_the_disk_alone() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness(app_on_default_plan(folder.path()));
    tick_on_the_board(&mut harness, "Establish CI/CD pipeline");

    request_close(&mut harness);
    click(&mut harness, "Don't Save");
    assert!(!harness.state().is_asking_before_close());
    assert!(std::fs::read_dir(folder.path()).unwrap().next().is_none());

    // The close now goes through without asking again.
    request_close(&mut harness);
    assert!(!harness.state().is_asking_before_close());
}

#[test]
fn file_open_example_shows_the_example_plan() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness(app_on_default_plan(folder.path()));
    open_example(&mut harness);

    let state = harness.state();
    assert_eq!(state.document().plan.title, "Elixir Systems Mastery");
    assert_eq!(state.document().path, None);
    assert!(!state.document().dirty);
    assert_eq!(state.window_title(), "Yearplan — Elixir Systems Mastery");
}

#[test]
fn opening_the_example_over_unsaved_changes_asks_first() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness(app_on_default_plan(folder.path()));
    tick_on_the_board(&mut harness, "Establish CI/CD pipeline");
    let before = harness.state().document().plan.clone();

    open_example(&mut harness);
    harness.get_by_label_contains("before opening the example plan?");
    click(&mut harness, "Cancel");
    assert_eq!(harness.state().document().plan, before);

    open_example(&mut harness);
    click(&mut harness, "Don't Save");
    assert_eq!(
        harness.state().document().plan.title,
        "Elixir Systems Mastery"
    );
}

#[test]
fn a_picture_asked_for_where_none_is_painted_says_so() {
    // The test window paints nothing egui could read back, so the picture
    // never comes: the app must say so rather than wait.
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("time.png");
    let mut harness = window(
        Harness::builder().with_size(egui::vec2(1400.0, 1000.0)),
        app_on(
            yearplan::io::default_plan(date(2026, 3, 2)),
            date(2026, 3, 2),
        ),
    );
    choose_file(
        &mut harness,
        yearplan::dialogs::FilePurpose::SavePicture,
        &path,
    );
    for _ in 0..5 {
        harness.step();
    }
    harness.run();
    assert!(!harness.state().is_taking_picture());
    harness.get_by_label("Could not take a picture of the window: it was not painted.");
    assert!(!path.exists());
}

#[test]
fn the_status_page_is_exported_from_the_file_menu() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("status.html");
    let mut harness = window(
        Harness::builder().with_size(egui::vec2(1400.0, 1000.0)),
        app_on(yearplan::io::example_plan().unwrap(), date(2026, 11, 27)),
    );
    choose_file(
        &mut harness,
        yearplan::dialogs::FilePurpose::ExportStatusPage,
        &path,
    );
    harness.get_by_label(&format!("Exported the status page to {}", path.display()));
    let page = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        page,
        yearplan::report::status_page(&harness.state().document().plan, date(2026, 11, 27))
    );
}

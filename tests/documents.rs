//! Documents that never lose work: recovery after a crash, a file changed on
//! disk, the save-first questions, New, Open, Save As, errors, recent files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::window::{
    Window, app_on, choose_file, click, plan, shortcut, tick_on_the_board, wait_for_open,
    wait_for_save, window,
};
use common::{date, write_file};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use tempfile::TempDir;
use yearplan::app::{Clock, Reading, YearplanApp};
use yearplan::dialogs::FilePurpose;
use yearplan::io;
use yearplan::model::Plan;

fn today() -> NaiveDate {
    date(2026, 2, 16)
}

fn harness(app: YearplanApp) -> Window {
    let builder = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .with_max_steps(400);
    window(builder, app)
}

/// The built-in plan saved in a throw-away folder, with a folder for the
/// app's recovery copies beside it.
struct Saved {
    folder: TempDir,
    path: PathBuf,
    plan: Plan,
    recovery: PathBuf,
}

fn saved_plan() -> Saved {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("year.plan.ron");
    let plan = io::default_plan(today());
    io::save_plan(&path, &plan).unwrap();
    let recovery = folder.path().join("recovery");
    Saved {
        folder,
        path,
        plan,
        recovery,
    }
}

impl Saved {
    /// The app started on the saved plan, as `yearplan PATH` starts it.
    fn app(&self) -> YearplanApp {
        let mut app = YearplanApp::open(Some(&self.path), Clock::Fixed(today()))
            .with_recovery_folder(&self.recovery)
            .with_untitled_folder(&self.recovery);
        app.wait_for_load();
        app
    }

    /// Where the app keeps its copy of changes not saved yet.
    fn unsaved_copy(&self) -> PathBuf {
        self.recovery.join("unsaved.plan.ron")
    }
}

/// What Save As does once the person has picked `path`, up to the save landing.
fn save_as(harness: &mut Window, path: &Path) {
    harness
        .state_mut()
        .file_chosen(FilePurpose::SavePlanAs, path);
    wait_for_save(harness);
}

/// Lets a moment pass, in which the recovery copy is written (steps are a
/// quarter second).
fn wait_for_the_recovery_copy(harness: &mut Window) {
    for _ in 0..10 {
        harness.step();
    }
}

/// Another program (say, git pull) gives the plan's file a new title, and
/// the app looks at the disk.
fn retitled_elsewhere(harness: &mut Window, path: &Path, title: &str) {
    let mut theirs = io::load_plan(path).unwrap();
    theirs.title = title.to_owned();
    io::save_plan(path, &theirs).unwrap();
    harness.state_mut().check_disk_now();
    harness.run();
}

#[test]
fn after_a_crash_the_next_start_offers_the_unsaved_changes() {
    let saved = saved_plan();

    let mut first = harness(saved.app());
    tick_on_the_board(&mut first, "Establish CI/CD pipeline");
    wait_for_the_recovery_copy(&mut first);
    let edited = plan(&first).clone();
    assert!(saved.unsaved_copy().exists());
    // The crash: the app is gone without saving; the file is as it was.
    drop(first);
    assert_eq!(io::load_plan(&saved.path).unwrap(), saved.plan);

    let mut second = harness(saved.app());
    assert!(second.state().is_offering_recovery());
    second.get_by_label_contains("with changes that were never saved");
    click(&mut second, "Restore");
    assert_eq!(plan(&second), &edited);
    assert!(second.state().document().dirty);
    assert_eq!(
        second.state().document().path.as_deref(),
        Some(saved.path.as_path())
    );

    // Saving puts the changes in the file and retires the copy.
    shortcut(&mut second, Modifiers::COMMAND, Key::S);
    wait_for_save(&mut second);
    assert_eq!(io::load_plan(&saved.path).unwrap(), edited);
    assert!(!saved.unsaved_copy().exists());
}

/// The window is up before its plan is read: it says which file it is
/// opening, offers nothing to click, and only then shows the plan and the
/// question about a crash's unsaved changes, whose copy the opening keeps.
/// The reading waits here until the test lets it go on.
#[test]
fn the_window_is_up_while_its_plan_is_read() {
    let saved = saved_plan();
    let mut first = harness(saved.app());
    tick_on_the_board(&mut first, "Establish CI/CD pipeline");
    wait_for_the_recovery_copy(&mut first);
    drop(first);

    let (go_on, wait) = std::sync::mpsc::channel::<()>();
    let read = move |path: &Path| {
        let _ = wait.recv();
        io::load_plan(path)
    };
    let reading = Reading::start_with(&saved.path, read);
    let app = YearplanApp::opening(Some(reading), Clock::Fixed(today()))
        .with_recovery_folder(&saved.recovery)
        .with_untitled_folder(&saved.recovery);
    let mut window = harness(app);
    window.get_by_label("Opening year.plan.ron…");
    assert!(window.state().is_starting());
    assert_eq!(
        window.state().window_title(),
        "Yearplan — opening year.plan.ron…"
    );
    assert!(!window.state().is_offering_recovery());
    assert!(
        window
            .query_by_label_contains("with changes that were never saved")
            .is_none()
    );
    assert!(window.query_by_label("Swimlanes").is_none());
    // Ctrl+S does not save the stand-in plan over anything.
    shortcut(&mut window, Modifiers::COMMAND, Key::S);
    assert!(!window.state().is_saving());
    assert!(saved.unsaved_copy().exists());

    go_on.send(()).unwrap();
    wait_for_open(&mut window);
    assert_eq!(plan(&window), &saved.plan);
    assert_eq!(
        window.state().document().path.as_deref(),
        Some(saved.path.as_path())
    );
    assert!(window.state().is_offering_recovery());
    assert!(saved.unsaved_copy().exists());
    window.get_by_label_contains("with changes that were never saved");
}

/// A plan that cannot be read at the start leaves the window on the
/// built-in plan, saying why.
#[test]
fn a_bad_plan_at_the_start_is_explained_once_the_window_is_up() {
    let saved = saved_plan();
    std::fs::write(&saved.path, "(format_version: 1, title: ").unwrap();
    let mut window = harness(
        YearplanApp::open(Some(&saved.path), Clock::Fixed(today()))
            .with_recovery_folder(&saved.recovery),
    );
    wait_for_open(&mut window);
    assert!(window.state().document().path.is_none());
    assert!(
        window
            .state()
            .error()
            .is_some_and(|error| error.starts_with("Could not open the plan."))
    );
    window.get_by_label("Swimlanes");
    assert_eq!(
        std::fs::read_to_string(&saved.path).unwrap(),
        "(format_version: 1, title: "
    );
}

#[test]
fn declining_the_recovery_keeps_the_copy_until_the_next_save() {
    let saved = saved_plan();
    let mut first = harness(saved.app());
    tick_on_the_board(&mut first, "Audit logging");
    wait_for_the_recovery_copy(&mut first);
    drop(first);

    let mut second = harness(saved.app());
    click(&mut second, "Not now");
    assert!(!second.state().is_offering_recovery());
    assert!(!second.state().document().dirty);
    assert!(saved.unsaved_copy().exists());
    // Still there for the start after.
    let third = harness(saved.app());
    assert!(third.state().is_offering_recovery());
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let saved = saved_plan();
    let mut harness = harness(saved.app());
    tick_on_the_board(&mut harness, "Audit logging");

    retitled_elsewhere(&mut harness, &saved.path, "Changed elsewhere");
    harness.get_by_label("The plan's file was changed by another program.");

    click(&mut harness, "Keep mine");
    shortcut(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("The file changed on disk");
    click(&mut harness, "Cancel");
    assert_eq!(
        io::load_plan(&saved.path).unwrap().title,
        "Changed elsewhere"
    );
    assert!(harness.state().document().dirty);

    shortcut(&mut harness, Modifiers::COMMAND, Key::S);
    click(&mut harness, "Overwrite");
    wait_for_save(&mut harness);
    assert_eq!(io::load_plan(&saved.path).unwrap(), *plan(&harness));
    assert!(!harness.state().document().dirty);
}

#[test]
fn the_banner_reloads_what_another_program_wrote() {
    let saved = saved_plan();
    let mut harness = harness(saved.app());
    tick_on_the_board(&mut harness, "Audit logging");
    retitled_elsewhere(&mut harness, &saved.path, "Pulled from git");
    click(&mut harness, "Reload (drops your unsaved changes)");
    wait_for_open(&mut harness);
    assert_eq!(plan(&harness).title, "Pulled from git");
    assert!(!harness.state().document().dirty);
}

/// Another program ticks `title` in the plan's file, on `day`.
fn ticked_elsewhere(harness: &mut Window, path: &Path, title: &str, day: NaiveDate) {
    let mut theirs = io::load_plan(path).unwrap();
    let id = theirs.tasks().find(|task| task.title == title).unwrap().id;
    let task = theirs.task_mut(id).unwrap();
    task.done = true;
    task.done_on = Some(day);
    io::save_plan(path, &theirs).unwrap();
    harness.state_mut().check_disk_now();
    wait_for_open(harness);
}

fn is_done(window: &Window, title: &str) -> bool {
    plan(window)
        .tasks()
        .any(|task| task.title == title && task.done)
}

#[test]
fn with_nothing_unsaved_the_file_comes_in_by_itself_as_one_undo_step() {
    let saved = saved_plan();
    let mut harness = harness(saved.app());
    ticked_elsewhere(
        &mut harness,
        &saved.path,
        "Audit logging",
        date(2026, 2, 10),
    );
    assert!(is_done(&harness, "Audit logging"));
    assert!(
        !harness.state().document().dirty,
        "the file holds this state"
    );
    assert!(!harness.state().is_showing_disk_change());
    harness.get_by_label_contains("From another program: 1 task ticked.");

    shortcut(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(!is_done(&harness, "Audit logging"));
    assert!(
        harness.state().document().dirty,
        "undone: no longer what the file holds"
    );
}

#[test]
fn with_unsaved_changes_merge_keeps_both_and_is_one_undo_step() {
    let saved = saved_plan();
    let mut harness = harness(saved.app());
    tick_on_the_board(&mut harness, "Establish CI/CD pipeline");
    ticked_elsewhere(
        &mut harness,
        &saved.path,
        "Audit logging",
        date(2026, 2, 10),
    );
    harness.get_by_label("The plan's file was changed by another program.");

    click(&mut harness, "Merge");
    wait_for_open(&mut harness);
    assert!(harness.state().is_showing_merge());
    harness.get_by_label("Merge the changes from the plan's file");
    harness.get_by_label("They changed: 1 task ticked.");
    harness.get_by_label("You changed (not saved yet): 1 task ticked.");
    harness.get_by_label_contains("Nothing was changed two ways");
    click(&mut harness, "Merge");
    assert!(!harness.state().is_showing_merge());
    assert!(is_done(&harness, "Audit logging"));
    assert!(is_done(&harness, "Establish CI/CD pipeline"));
    assert!(harness.state().document().dirty, "merged, not saved");
    assert!(!harness.state().is_showing_disk_change());

    // Saving writes the merge without asking: the file's changes are in it.
    shortcut(&mut harness, Modifiers::COMMAND, Key::S);
    wait_for_save(&mut harness);
    let on_disk = io::load_plan(&saved.path).unwrap();
    assert_eq!(on_disk, *plan(&harness));

    shortcut(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(
        !is_done(&harness, "Audit logging"),
        "one undo takes the merge back"
    );
    assert!(is_done(&harness, "Establish CI/CD pipeline"));
}

#[test]
fn a_conflict_shows_both_sides_and_the_choice_is_kept() {
    let saved = saved_plan();
    let mut harness = harness(saved.app());
    // Ticked here today (16 Feb) and there on 10 Feb: the tick is a conflict.
    tick_on_the_board(&mut harness, "Audit logging");
    ticked_elsewhere(
        &mut harness,
        &saved.path,
        "Audit logging",
        date(2026, 2, 10),
    );
    click(&mut harness, "Merge");
    wait_for_open(&mut harness);
    harness.get_by_label_contains("1 thing was changed two ways");
    harness
        .get_by_label_contains("Keep mine for task 29 \"Audit logging\", done: done on 2026-02-16");
    harness
        .get_by_label_contains(
            "Keep theirs for task 29 \"Audit logging\", done: done on 2026-02-10",
        )
        .click();
    harness.run();
    click(&mut harness, "Merge");
    let task = plan(&harness)
        .tasks()
        .find(|task| task.title == "Audit logging")
        .unwrap()
        .clone();
    assert_eq!(task.done_on, Some(date(2026, 2, 10)));
    harness.get_by_label_contains("(1 conflict: 1 theirs, 0 mine)");
}

#[test]
fn saving_over_a_changed_file_offers_to_merge_first() {
    let saved = saved_plan();
    let mut harness = harness(saved.app());
    tick_on_the_board(&mut harness, "Establish CI/CD pipeline");
    ticked_elsewhere(
        &mut harness,
        &saved.path,
        "Audit logging",
        date(2026, 2, 10),
    );
    click(&mut harness, "Keep mine");
    shortcut(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("The file changed on disk");
    click(&mut harness, "Merge");
    wait_for_open(&mut harness);
    click(&mut harness, "Merge");
    assert!(is_done(&harness, "Audit logging"));
    assert!(is_done(&harness, "Establish CI/CD pipeline"));
    shortcut(&mut harness, Modifiers::COMMAND, Key::S);
    wait_for_save(&mut harness);
    let on_disk = io::load_plan(&saved.path).unwrap();
    assert!(on_disk.tasks().filter(|task| task.done).count() >= 2);
}

#[test]
fn after_a_crash_the_kept_base_lets_the_restored_changes_merge_with_the_file() {
    let saved = saved_plan();
    let mut first = harness(saved.app());
    tick_on_the_board(&mut first, "Establish CI/CD pipeline");
    wait_for_the_recovery_copy(&mut first);
    assert!(saved.recovery.join("unsaved.base.ron").exists());
    drop(first);
    // While Yearplan was not running, the other machine ticked a task.
    let mut theirs = io::load_plan(&saved.path).unwrap();
    let id = theirs
        .tasks()
        .find(|t| t.title == "Audit logging")
        .unwrap()
        .id;
    theirs.task_mut(id).unwrap().done = true;
    io::save_plan(&saved.path, &theirs).unwrap();

    let mut second = harness(saved.app());
    click(&mut second, "Restore");
    wait_for_open(&mut second);
    second.get_by_label("The plan's file was changed by another program.");
    click(&mut second, "Merge");
    wait_for_open(&mut second);
    second.get_by_label("They changed: 1 task ticked.");
    click(&mut second, "Merge");
    assert!(is_done(&second, "Audit logging"));
    assert!(is_done(&second, "Establish CI/CD pipeline"));
}

#[test]
fn a_sync_conflict_copy_beside_the_plan_is_offered_for_merging() {
    let saved = saved_plan();
    let copy = saved
        .folder
        .path()
        .join("year.plan.sync-conflict-20260216-101500-7ZXNKIE.ron");
    let mut theirs = saved.plan.clone();
    let id = theirs
        .tasks()
        .find(|t| t.title == "Audit logging")
        .unwrap()
        .id;
    theirs.task_mut(id).unwrap().done = true;
    io::save_plan(&copy, &theirs).unwrap();

    let mut harness = harness(saved.app());
    harness.get_by_label_contains("A sync tool left a conflict copy of this plan beside it");
    click(&mut harness, "Merge it");
    wait_for_open(&mut harness);
    harness
        .get_by_label("Merge the changes from year.plan.sync-conflict-20260216-101500-7ZXNKIE.ron");
    harness.get_by_label("They changed: 1 task ticked.");
    click(&mut harness, "Merge");
    assert!(is_done(&harness, "Audit logging"));
    assert!(harness.state().document().dirty);
    harness.get_by_label_contains("Merged the conflict copy");
    click(&mut harness, "Keep the copy");
    assert!(copy.exists(), "kept as asked");
    assert!(harness.state().merged_copy().is_none());
}

#[test]
fn opening_over_unsaved_changes_asks_and_cancel_keeps_the_plan() {
    let saved = saved_plan();
    let other = saved.folder.path().join("other.plan.ron");
    let mut other_plan = io::default_plan(today());
    other_plan.title = "Other plan".to_owned();
    io::save_plan(&other, &other_plan).unwrap();

    let mut harness = harness(saved.app());
    tick_on_the_board(&mut harness, "Audit logging");
    let before = plan(&harness).clone();

    // A plan file dropped on the window.
    harness.state_mut().file_dropped(other.clone());
    harness.run();
    harness.get_by_label_contains("before opening another plan?");
    click(&mut harness, "Cancel");
    assert_eq!(plan(&harness), &before);
    assert!(harness.state().document().dirty);

    harness.state_mut().file_dropped(other.clone());
    harness.run();
    click(&mut harness, "Don't Save");
    wait_for_open(&mut harness);
    assert_eq!(plan(&harness).title, "Other plan");
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(other.as_path())
    );
    // The first file never saw the dropped changes.
    assert_eq!(io::load_plan(&saved.path).unwrap().title, "Annual Plan");
}

#[test]
fn a_bad_file_opened_shows_why_and_leaves_the_plan_as_it_was() {
    let saved = saved_plan();
    let bad = write_file(
        saved.folder.path(),
        "bad.plan.ron",
        "(format_version: 1, title: \"x\" start_date: 5)",
    );
    let mut harness = harness(saved.app());
    let before = plan(&harness).clone();

    harness.state_mut().file_chosen(FilePurpose::OpenPlan, &bad);
    wait_for_open(&mut harness);
    let error = harness.state().error().unwrap().to_owned();
    assert!(error.contains("Could not open the plan"), "{error}");
    assert!(error.contains(&bad.display().to_string()), "{error}");
    click(&mut harness, "OK");
    assert_eq!(plan(&harness), &before);
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(saved.path.as_path())
    );
}

#[test]
fn a_failed_save_says_where_and_why_and_keeps_the_changes() {
    let saved = saved_plan();
    let mut harness = harness(saved.app());
    tick_on_the_board(&mut harness, "Audit logging");
    let edited = plan(&harness).clone();

    let nowhere = saved
        .folder
        .path()
        .join("no such folder")
        .join("plan.plan.ron");
    save_as(&mut harness, &nowhere);
    let error = harness.state().error().unwrap().to_owned();
    assert!(error.contains("no such folder"), "{error}");
    assert_eq!(plan(&harness), &edited);
    assert!(harness.state().document().dirty);
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(saved.path.as_path())
    );
}

#[test]
fn save_as_writes_a_new_file_and_remembers_it() {
    let saved = saved_plan();
    let mut harness = harness(saved.app());
    tick_on_the_board(&mut harness, "Audit logging");
    let copy = saved.folder.path().join("copy.plan.ron");
    save_as(&mut harness, &copy);
    assert_eq!(io::load_plan(&copy).unwrap(), *plan(&harness));
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(copy.as_path())
    );
    assert!(!harness.state().document().dirty);
    assert_eq!(harness.state().preferences().recent[0], copy);
    assert_eq!(harness.state().preferences().recent[1], saved.path);
}

#[test]
fn recent_files_show_a_missing_one_which_can_be_removed() {
    let saved = saved_plan();
    let gone = saved.folder.path().join("gone.plan.ron");
    let prefs = yearplan::app::Preferences {
        recent: vec![saved.path.clone(), gone.clone()],
        ..Default::default()
    };
    let mut harness = harness(saved.app().with_preferences(prefs));
    click(&mut harness, "File");
    click(&mut harness, "Open Recent");
    harness.get_by_label(&format!("{} (missing)", gone.display()));
    click(
        &mut harness,
        &format!("Remove {} from the list", gone.display()),
    );
    assert_eq!(harness.state().preferences().recent, [saved.path]);
}

#[test]
fn new_asks_for_the_start_date() {
    let folder = tempfile::tempdir().unwrap();
    let app = app_on(io::example_plan().unwrap(), today()).with_untitled_folder(folder.path());
    let mut harness = harness(app);
    shortcut(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("New plan");
    click(&mut harness, "Create");
    let plan = plan(&harness);
    assert_eq!(plan.title, "Annual Plan");
    assert_eq!(plan.start_date, date(2026, 1, 1));
    assert!(plan.time_entries.is_empty());
}

#[test]
fn a_dropped_markdown_plan_imports_and_a_plan_exports_to_markdown() {
    let folder = tempfile::tempdir().unwrap();
    let seed = folder.path().join("annual-plan.md");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/markdown_fixtures/annual-plan.md"
        ),
        &seed,
    )
    .unwrap();
    let app = app_on(io::example_plan().unwrap(), today()).with_untitled_folder(folder.path());
    let mut harness = harness(app);
    harness.state_mut().file_dropped(seed);
    harness.run();
    let imported = plan(&harness).clone();
    assert_eq!(imported.title, "Annual Plan");
    assert_eq!(imported.swimlanes.len(), 3);
    assert_eq!(imported.tasks().count(), 36);
    assert_eq!(imported.phases.len(), 15);
    // Imported, not yet saved anywhere.
    assert!(harness.state().document().dirty);
    assert_eq!(harness.state().document().path, None);

    let out = folder.path().join("out.md");
    choose_file(&mut harness, FilePurpose::ExportMarkdown, &out);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("### Core (Foundation Building)"), "{text}");
    assert!(text.contains("**Q1-Q2**"), "{text}");
}

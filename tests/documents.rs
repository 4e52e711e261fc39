//! Documents that never lose work: recovery after a crash, a file changed on
//! disk, the save-first questions, New, Open, Save As, errors, recent files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use yearplan::app::{Clock, Document, YearplanApp};
use yearplan::dialogs::FilePurpose;
use yearplan::io;
use yearplan::model::Plan;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 2, 16).unwrap()
}

fn harness(app: YearplanApp) -> Harness<'static, YearplanApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .with_max_steps(400)
        .build_ui_state(|ui, app: &mut YearplanApp| app.ui_root(ui), app);
    harness.run();
    harness
}

fn plan<'a>(harness: &'a Harness<'_, YearplanApp>) -> &'a Plan {
    &harness.state().document().plan
}

/// Ticks a task on the board, making an unsaved change.
fn tick(harness: &mut Harness<'_, YearplanApp>, title: &str) {
    harness.get_by_label("Swimlanes").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, title).click();
    harness.run();
    assert!(harness.state().document().dirty);
}

/// Steps until a plan being opened has been read.
fn wait_for_open(harness: &mut Harness<'_, YearplanApp>) {
    for _ in 0..500 {
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    assert!(
        !harness.state().is_loading(),
        "the plan never finished opening"
    );
    harness.run();
}

fn saved_plan(folder: &Path) -> (PathBuf, Plan) {
    let path = folder.join("year.plan.ron");
    let plan = io::default_plan(today());
    io::save_plan(&path, &plan).unwrap();
    (path, plan)
}

fn app_on(path: &Path, recovery: &Path) -> YearplanApp {
    YearplanApp::open(Some(path), Clock::Fixed(today()))
        .with_recovery_folder(recovery)
        .with_untitled_folder(recovery)
}

#[test]
fn after_a_crash_the_next_start_offers_the_unsaved_changes() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let (path, on_disk) = saved_plan(folder.path());

    let mut first = harness(app_on(&path, &recovery));
    tick(&mut first, "Establish CI/CD pipeline");
    // A moment later the recovery copy is written (steps are a quarter second).
    for _ in 0..10 {
        first.step();
    }
    let edited = plan(&first).clone();
    assert!(recovery.join("unsaved.plan.ron").exists());
    // The crash: the app is gone without saving; the file is as it was.
    drop(first);
    assert_eq!(io::load_plan(&path).unwrap(), on_disk);

    let mut second = harness(app_on(&path, &recovery));
    assert!(second.state().is_offering_recovery());
    second.get_by_label_contains("with changes that were never saved");
    second.get_by_label("Restore").click();
    second.run();
    assert_eq!(plan(&second), &edited);
    assert!(second.state().document().dirty);
    assert_eq!(
        second.state().document().path.as_deref(),
        Some(path.as_path())
    );

    // Saving puts the changes in the file and retires the copy.
    second.key_press_modifiers(Modifiers::COMMAND, Key::S);
    second.run();
    second.state_mut().wait_for_save();
    second.run();
    assert_eq!(io::load_plan(&path).unwrap(), edited);
    assert!(!recovery.join("unsaved.plan.ron").exists());
}

#[test]
fn declining_the_recovery_keeps_the_copy_until_the_next_save() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let (path, _) = saved_plan(folder.path());
    let mut first = harness(app_on(&path, &recovery));
    tick(&mut first, "Audit logging");
    for _ in 0..10 {
        first.step();
    }
    drop(first);

    let mut second = harness(app_on(&path, &recovery));
    second.get_by_label("Not now").click();
    second.run();
    assert!(!second.state().is_offering_recovery());
    assert!(!second.state().document().dirty);
    assert!(recovery.join("unsaved.plan.ron").exists());
    // Still there for the start after.
    let third = harness(app_on(&path, &recovery));
    assert!(third.state().is_offering_recovery());
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let (path, _) = saved_plan(folder.path());
    let mut harness = harness(app_on(&path, &recovery));

    // Another program (say, git pull) rewrites the file.
    let mut theirs = io::load_plan(&path).unwrap();
    theirs.title = "Changed elsewhere".to_owned();
    io::save_plan(&path, &theirs).unwrap();
    harness.state_mut().check_disk_now();
    harness.run();
    harness.get_by_label("The plan's file was changed by another program.");

    harness.get_by_label("Keep mine").click();
    harness.run();
    tick(&mut harness, "Audit logging");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("The file changed on disk");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(io::load_plan(&path).unwrap().title, "Changed elsewhere");
    assert!(harness.state().document().dirty);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Overwrite").click();
    harness.run();
    harness.state_mut().wait_for_save();
    harness.run();
    assert_eq!(io::load_plan(&path).unwrap(), *plan(&harness));
    assert!(!harness.state().document().dirty);
}

#[test]
fn the_banner_reloads_what_another_program_wrote() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let (path, _) = saved_plan(folder.path());
    let mut harness = harness(app_on(&path, &recovery));
    let mut theirs = io::load_plan(&path).unwrap();
    theirs.title = "Pulled from git".to_owned();
    io::save_plan(&path, &theirs).unwrap();
    harness.state_mut().check_disk_now();
    harness.run();
    harness.get_by_label("Reload").click();
    harness.run();
    wait_for_open(&mut harness);
    assert_eq!(plan(&harness).title, "Pulled from git");
}

#[test]
fn opening_over_unsaved_changes_asks_and_cancel_keeps_the_plan() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let (path, _) = saved_plan(folder.path());
    let other = folder.path().join("other.plan.ron");
    let mut other_plan = io::default_plan(today());
    other_plan.title = "Other plan".to_owned();
    io::save_plan(&other, &other_plan).unwrap();

    let mut harness = harness(app_on(&path, &recovery));
    tick(&mut harness, "Audit logging");
    let before = plan(&harness).clone();

    // A plan file dropped on the window.
    harness.state_mut().file_dropped(other.clone());
    harness.run();
    harness.get_by_label_contains("before opening another plan?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(plan(&harness), &before);
    assert!(harness.state().document().dirty);

    harness.state_mut().file_dropped(other.clone());
    harness.run();
    harness.get_by_label("Don't Save").click();
    harness.run();
    wait_for_open(&mut harness);
    assert_eq!(plan(&harness).title, "Other plan");
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(other.as_path())
    );
    // The first file never saw the dropped changes.
    assert_eq!(io::load_plan(&path).unwrap().title, "Annual Plan");
}

#[test]
fn a_bad_file_opened_shows_why_and_leaves_the_plan_as_it_was() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let (path, _) = saved_plan(folder.path());
    let bad = folder.path().join("bad.plan.ron");
    std::fs::write(&bad, "(format_version: 1, title: \"x\" start_date: 5)").unwrap();
    let mut harness = harness(app_on(&path, &recovery));
    let before = plan(&harness).clone();

    harness.state_mut().file_chosen(FilePurpose::OpenPlan, &bad);
    wait_for_open(&mut harness);
    let error = harness.state().error().unwrap().to_owned();
    assert!(error.contains("Could not open the plan"), "{error}");
    assert!(error.contains(&bad.display().to_string()), "{error}");
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(plan(&harness), &before);
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(path.as_path())
    );
}

#[test]
fn a_failed_save_says_where_and_why_and_keeps_the_changes() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let (path, _) = saved_plan(folder.path());
    let mut harness = harness(app_on(&path, &recovery));
    tick(&mut harness, "Audit logging");
    let edited = plan(&harness).clone();

    let nowhere = folder.path().join("no such folder").join("plan.plan.ron");
    harness
        .state_mut()
        .file_chosen(FilePurpose::SavePlanAs, &nowhere);
    harness.state_mut().wait_for_save();
    harness.run();
    let error = harness.state().error().unwrap().to_owned();
    assert!(error.contains("no such folder"), "{error}");
    assert_eq!(plan(&harness), &edited);
    assert!(harness.state().document().dirty);
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(path.as_path())
    );
}

#[test]
fn save_as_writes_a_new_file_and_remembers_it() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let (path, _) = saved_plan(folder.path());
    let mut harness = harness(app_on(&path, &recovery));
    tick(&mut harness, "Audit logging");
    let copy = folder.path().join("copy.plan.ron");
    harness
        .state_mut()
        .file_chosen(FilePurpose::SavePlanAs, &copy);
    harness.state_mut().wait_for_save();
    harness.run();
    assert_eq!(io::load_plan(&copy).unwrap(), *plan(&harness));
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(copy.as_path())
    );
    assert!(!harness.state().document().dirty);
    assert_eq!(harness.state().preferences().recent[0], copy);
    assert_eq!(harness.state().preferences().recent[1], path);
}

#[test]
fn recent_files_show_a_missing_one_which_can_be_removed() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let (path, _) = saved_plan(folder.path());
    let gone = folder.path().join("gone.plan.ron");
    let prefs = yearplan::app::Preferences {
        recent: vec![path.clone(), gone.clone()],
        ..Default::default()
    };
    let mut harness = harness(app_on(&path, &recovery).with_preferences(prefs));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open Recent").click();
    harness.run();
    harness.get_by_label(&format!("{} (missing)", gone.display()));
    harness
        .get_by_label(&format!("Remove {} from the list", gone.display()))
        .click();
    harness.run();
    assert_eq!(harness.state().preferences().recent, [path]);
}

#[test]
fn new_asks_for_the_start_date() {
    let folder = tempfile::tempdir().unwrap();
    let app = YearplanApp::new(Document {
        plan: io::example_plan().unwrap(),
        path: None,
        dirty: false,
    })
    .with_clock(Clock::Fixed(today()))
    .with_untitled_folder(folder.path());
    let mut harness = harness(app);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("New plan");
    harness.get_by_label("Create").click();
    harness.run();
    let plan = plan(&harness);
    assert_eq!(plan.title, "Annual Plan");
    assert_eq!(
        plan.start_date,
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    );
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
    let app = YearplanApp::new(Document {
        plan: io::example_plan().unwrap(),
        path: None,
        dirty: false,
    })
    .with_clock(Clock::Fixed(today()))
    .with_untitled_folder(folder.path());
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
    harness
        .state_mut()
        .file_chosen(FilePurpose::ExportMarkdown, &out);
    harness.run();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("### Core (Foundation Building)"), "{text}");
    assert!(text.contains("**Q1-Q2**"), "{text}");
}

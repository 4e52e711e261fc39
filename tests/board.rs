//! The Swimlanes board driven as a person would, by label: dragging tasks,
//! moving them with the keyboard, editing tasks, lanes and blocks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::date;
use common::window::{
    Window, app_on, choose, click, click_checkbox, drag, focused_field, plan, press, right_click,
    shortcut, start_drag, type_into, type_into_multiline, wait_for_save, window,
};
use egui::{Key, Modifiers, Pos2, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use yearplan::io;
use yearplan::model::{BlockId, PhaseStatus, Plan, Task, TaskId};
use yearplan::ui::Tab;

fn today() -> NaiveDate {
    date(2026, 2, 16)
}

// Blocks of the built-in plan.
const CORE_Q1: BlockId = BlockId(1);
const CORE_Q2: BlockId = BlockId(2);
const SCALE_Q3: BlockId = BlockId(6);
const COMPLIANCE_Q2: BlockId = BlockId(9);

fn board_with(plan: Plan) -> Window {
    let app = app_on(plan, today()).with_untitled_folder(std::env::temp_dir());
    let builder = Harness::builder()
        .with_size(egui::vec2(1400.0, 1700.0))
        .with_step_dt(1.0 / 60.0);
    let mut harness = window(builder, app);
    click(&mut harness, Tab::Swimlanes.label());
    harness
}

fn board() -> Window {
    board_with(io::default_plan(today()))
}

fn titles(harness: &Window, block: BlockId) -> Vec<String> {
    plan(harness)
        .block(block)
        .unwrap()
        .tasks
        .iter()
        .map(|task| task.title.clone())
        .collect()
}

fn task_named(harness: &Window, title: &str) -> Task {
    plan(harness)
        .tasks()
        .find(|task| task.title == title)
        .unwrap()
        .clone()
}

/// The rect of a task's title on the board.
fn title_rect(harness: &Window, title: &str) -> egui::Rect {
    harness.get_by_role_and_label(Role::Label, title).rect()
}

/// A point just above the middle of a task's title: dropping there puts the
/// dragged task before it.
fn above(rect: egui::Rect) -> Pos2 {
    egui::pos2(rect.center().x, rect.top() + 2.0)
}

/// A point just below the middle of a task's title: dropping there puts the
/// dragged task after it.
fn below(rect: egui::Rect) -> Pos2 {
    egui::pos2(rect.center().x, rect.bottom() - 2.0)
}

/// Gives a task's title the keyboard focus, as Tab would.
fn focus_title(harness: &mut Window, title: &str) {
    harness.get_by_role_and_label(Role::Label, title).focus();
    harness.run();
}

/// Types into the field that has the focus, then presses `key`.
fn type_and_press(harness: &mut Window, text: &str, key: Key) {
    focused_field(harness).type_text(text);
    harness.key_press(key);
    harness.run();
}

/// Types `text` over all the focused field holds and presses Enter.
fn rename_to(harness: &mut Window, text: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_and_press(harness, text, Key::Enter);
}

/// Opens a task's dialog from its menu.
fn open_task_dialog(harness: &mut Window, title: &str) {
    right_click(harness, title);
    click(harness, "Details…");
}

#[test]
fn dragging_a_task_within_its_block_reorders_it() {
    let mut harness = board();
    let moved = task_named(&harness, "Build labs apps for each phase");
    let from = title_rect(&harness, "Build labs apps for each phase").center();
    let to = below(title_rect(&harness, "Document ADRs for key decisions"));
    drag(&mut harness, from, to);

    assert_eq!(
        titles(&harness, CORE_Q1),
        [
            "Complete Phases 0-3 (Tooling, Core Elixir, Processes, GenServer)",
            "Establish CI/CD pipeline",
            "Document ADRs for key decisions",
            "Build labs apps for each phase",
        ]
    );
    assert_eq!(
        task_named(&harness, "Build labs apps for each phase"),
        moved
    );
    assert!(harness.state().document().dirty);

    // And back up to the top.
    let from = title_rect(&harness, "Build labs apps for each phase").center();
    let to = above(title_rect(
        &harness,
        "Complete Phases 0-3 (Tooling, Core Elixir, Processes, GenServer)",
    ));
    drag(&mut harness, from, to);
    assert_eq!(
        titles(&harness, CORE_Q1)[0],
        "Build labs apps for each phase"
    );
}

#[test]
fn dragging_a_task_to_another_quarter_takes_its_id_notes_and_done_state() {
    let mut seed = io::default_plan(today());
    let task = seed.task_mut(TaskId(3)).unwrap();
    assert_eq!(task.title, "Establish CI/CD pipeline");
    task.done = true;
    task.done_on = Some(today());
    task.notes = "GitHub Actions".to_owned();
    task.due = NaiveDate::from_ymd_opt(2026, 3, 31);
    let before = task.clone();
    let mut harness = board_with(seed);

    let from = title_rect(&harness, "Establish CI/CD pipeline").center();
    let to = above(title_rect(&harness, "Implement full test suite"));
    drag(&mut harness, from, to);

    assert_eq!(titles(&harness, CORE_Q1).len(), 3);
    assert_eq!(
        titles(&harness, CORE_Q2),
        [
            "Complete Phases 4-7 (Fleets, Ecto, Phoenix, Dataflow)",
            "Begin Pulse app development",
            "Establish CI/CD pipeline",
            "Implement full test suite",
            "Create runbook for common operations",
        ]
    );
    assert_eq!(plan(&harness).task(TaskId(3)), Some(&before));
    // The progress figures follow the task.
    harness.get_by_label("Core Q1 progress: 0/3");
    harness.get_by_label("Core Q2 progress: 1/5");
}

#[test]
fn dragging_a_task_to_another_lane_moves_it_there() {
    let mut harness = board();
    let moved = task_named(&harness, "Audit logging");
    let from = title_rect(&harness, "Audit logging").center();
    let to = below(title_rect(&harness, "Query performance tuning"));
    drag(&mut harness, from, to);

    assert_eq!(
        titles(&harness, SCALE_Q3),
        [
            "Multi-node clustering",
            "Cache optimization",
            "Query performance tuning",
            "Audit logging",
        ]
    );
    assert!(!titles(&harness, COMPLIANCE_Q2).contains(&"Audit logging".to_owned()));
    assert_eq!(task_named(&harness, "Audit logging"), moved);
    harness.get_by_label("Scale progress: 0/10");
    harness.get_by_label("Compliance progress: 0/10");
}

#[test]
fn escape_during_a_drag_changes_nothing() {
    let mut harness = board();
    let before = plan(&harness).clone();
    let from = title_rect(&harness, "Audit logging").center();
    let to = below(title_rect(&harness, "Query performance tuning"));
    start_drag(&mut harness, from, to);
    harness.key_press(Key::Escape);
    harness.step();
    harness.drop_at(to);
    harness.run();

    assert_eq!(plan(&harness), &before);
    assert!(!harness.state().document().dirty);
}

#[test]
fn a_drop_outside_every_block_changes_nothing() {
    let mut harness = board();
    let before = plan(&harness).clone();
    let from = title_rect(&harness, "Audit logging").center();
    let to = harness.get_by_label("Learning phases").rect().center();
    drag(&mut harness, from, to);

    assert_eq!(plan(&harness), &before);
    assert!(!harness.state().document().dirty);
}

#[test]
fn alt_and_the_arrows_move_the_focused_task() {
    let mut harness = board();
    let title = "Build labs apps for each phase";
    focus_title(&mut harness, title);

    shortcut(&mut harness, Modifiers::ALT, Key::ArrowDown);
    assert_eq!(titles(&harness, CORE_Q1)[2], title);

    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    harness.run();
    // The focus stays on the task as it moves, so the second press moves it again.
    assert_eq!(titles(&harness, CORE_Q1)[0], title);

    shortcut(&mut harness, Modifiers::ALT, Key::ArrowRight);
    assert_eq!(titles(&harness, CORE_Q2).last().unwrap(), title);
    assert_eq!(titles(&harness, CORE_Q1).len(), 3);

    shortcut(&mut harness, Modifiers::ALT, Key::ArrowLeft);
    assert_eq!(titles(&harness, CORE_Q1).last().unwrap(), title);
    assert_eq!(titles(&harness, CORE_Q2).len(), 4);
}

#[test]
fn a_task_is_added_at_the_end_of_a_block_by_clicking_and_typing() {
    let mut harness = board();
    click(&mut harness, "Add task to Core Q1");
    type_and_press(&mut harness, "Write the weekly review template", Key::Enter);

    assert_eq!(
        titles(&harness, CORE_Q1).last().unwrap(),
        "Write the weekly review template"
    );
    harness.get_by_label("Core Q1 progress: 0/5");
    // The field stays open for the next task.
    focused_field(&harness).type_text("And another");
    harness.key_press(Key::Enter);
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(titles(&harness, CORE_Q1).len(), 6);
    assert!(
        harness
            .get_all_by_role(Role::TextInput)
            .all(|node| !node.is_focused())
    );
}

#[test]
fn a_task_is_renamed_in_place_and_escape_cancels() {
    let mut harness = board();
    let id = task_named(&harness, "Audit logging").id;

    // From the task's menu (double-clicking the title does the same).
    right_click(&mut harness, "Audit logging");
    click(&mut harness, "Rename");
    rename_to(&mut harness, "Audit logging with retention");
    assert_eq!(
        plan(&harness).task(id).unwrap().title,
        "Audit logging with retention"
    );

    // F2 on the focused title edits too; Escape leaves the title as it was.
    focus_title(&mut harness, "Audit logging with retention");
    press(&mut harness, Key::F2);
    type_and_press(&mut harness, " and more", Key::Escape);
    assert_eq!(
        plan(&harness).task(id).unwrap().title,
        "Audit logging with retention"
    );

    // Enter on the focused title edits as well.
    focus_title(&mut harness, "Audit logging with retention");
    press(&mut harness, Key::Enter);
    rename_to(&mut harness, "Audit trail");
    assert_eq!(plan(&harness).task(id).unwrap().title, "Audit trail");
}

#[test]
fn the_task_dialog_sets_notes_due_date_and_phase() {
    let mut harness = board();
    let id = task_named(&harness, "Build labs apps for each phase").id;
    open_task_dialog(&mut harness, "Build labs apps for each phase");
    type_into_multiline(&mut harness, "Notes", "One small app per phase");
    click_checkbox(&mut harness, "Due");
    choose(&mut harness, "Phase", "Phase 2: Processes");
    click(&mut harness, "Save");

    let task = plan(&harness).task(id).unwrap();
    assert_eq!(task.notes, "One small app per phase");
    assert_eq!(task.due, Some(today()));
    assert_eq!(task.phase, Some(2));
    // The card shows the phase chip, and the phase counts its linked task.
    harness.get_by_label("Phase 2: Processes");
}

#[test]
fn a_task_is_deleted_from_its_menu() {
    let mut harness = board();
    right_click(&mut harness, "PII handling");
    click(&mut harness, "Delete task");
    assert!(!titles(&harness, COMPLIANCE_Q2).contains(&"PII handling".to_owned()));
    harness.get_by_label("Compliance Q2 progress: 0/2");
}

#[test]
fn ticking_tasks_updates_every_progress_figure() {
    let mut harness = board();
    for title in [
        "Establish CI/CD pipeline",
        "Security tooling (Sobelow, mix_audit)",
    ] {
        click_checkbox(&mut harness, title);
    }
    // Hand-computed: Core Q1 1 of 4; Core 1 of 16; Compliance Q1 1 of 2;
    // Q1 holds 4 + 3 + 2 = 9 tasks, 2 done; the plan 2 of 36.
    harness.get_by_label("Core Q1 progress: 1/4");
    harness.get_by_label("Core progress: 1/16");
    harness.get_by_label("Compliance Q1 progress: 1/2");
    harness.get_by_label("Q1 progress: 2/9");
    harness.get_by_label("Plan progress: 2/36");
}

#[test]
fn lanes_are_added_renamed_reordered_and_deleted() {
    let mut harness = board();
    click(&mut harness, "+ Add swimlane");
    type_and_press(&mut harness, "Research", Key::Enter);
    let names = |harness: &Window| -> Vec<String> {
        plan(harness)
            .swimlanes
            .iter()
            .map(|lane| lane.name.clone())
            .collect()
    };
    assert_eq!(names(&harness), ["Core", "Scale", "Compliance", "Research"]);

    // A new lane offers a block in every quarter.
    click(&mut harness, "Add Q2 block to Research");
    let research = plan(&harness).swimlanes[3].clone();
    assert_eq!(research.blocks.len(), 1);
    assert_eq!(
        research.blocks[0].first_quarter,
        yearplan::model::Quarter::Q2
    );

    // Move it up, above Compliance.
    click(&mut harness, "Research lane menu");
    click(&mut harness, "Move up");
    assert_eq!(names(&harness), ["Core", "Scale", "Research", "Compliance"]);

    // Rename it.
    click(&mut harness, "Research lane menu");
    click(&mut harness, "Rename…");
    rename_to(&mut harness, "Reading");
    assert_eq!(names(&harness)[2], "Reading");

    // A lane without tasks goes at once.
    click(&mut harness, "Reading lane menu");
    click(&mut harness, "Delete lane…");
    assert_eq!(names(&harness), ["Core", "Scale", "Compliance"]);
}

#[test]
fn deleting_a_lane_with_tasks_asks_first() {
    let mut harness = board();
    click(&mut harness, "Scale lane menu");
    click(&mut harness, "Delete lane…");
    harness.get_by_label("Delete the lane “Scale” and its 9 tasks?");
    click(&mut harness, "Cancel");
    assert_eq!(plan(&harness).swimlanes.len(), 3);
    assert!(!harness.state().document().dirty);

    click(&mut harness, "Scale lane menu");
    click(&mut harness, "Delete lane…");
    click(&mut harness, "Delete");
    assert_eq!(plan(&harness).swimlanes.len(), 2);
    harness.get_by_label("Plan progress: 0/27");
}

#[test]
fn a_blocks_span_is_changed_and_a_block_deleted_from_its_menu() {
    let mut harness = board();
    click(&mut harness, "Scale Q3 block menu");
    click(&mut harness, "Span");
    click(&mut harness, "Q3–Q4");
    let block = plan(&harness).block(SCALE_Q3).unwrap().clone();
    assert_eq!(
        (block.first_quarter, block.last_quarter),
        (yearplan::model::Quarter::Q3, yearplan::model::Quarter::Q4)
    );

    click(&mut harness, "Scale Q3–Q4 block menu");
    click(&mut harness, "Delete block…");
    harness.get_by_label("Delete the Q3–Q4 block of Scale and its 3 tasks?");
    click(&mut harness, "Delete");
    assert!(plan(&harness).block(SCALE_Q3).is_none());
    harness.get_by_label("Scale progress: 0/6");
}

#[test]
fn find_and_hide_done_filter_the_board() {
    let mut harness = board();
    click_checkbox(&mut harness, "Cache optimization");

    click(&mut harness, "Hide done");
    assert!(harness.query_by_label("Cache optimization").is_none());
    harness.get_by_label("Cost optimization");

    click(&mut harness, "Hide done");
    type_into(&mut harness, "Find", "optim");
    harness.get_by_role_and_label(Role::Label, "Cache optimization");
    harness.get_by_role_and_label(Role::Label, "Cost optimization");
    harness.get_by_role_and_label(Role::Label, "Performance optimization");
    assert!(harness.query_by_label("Audit logging").is_none());
    // Progress still counts every task, shown or not.
    harness.get_by_label("Plan progress: 1/36");
}

#[test]
fn a_phase_status_is_changed_and_dated() {
    let mut harness = board();
    click(&mut harness, "Status of phase 3: Not started");
    click(&mut harness, "In progress");
    let phase = plan(&harness).phase(3).unwrap().clone();
    assert_eq!(phase.status, PhaseStatus::InProgress);
    assert_eq!(phase.started_on, Some(today()));

    click(&mut harness, "Status of phase 3: In progress");
    click(&mut harness, "Done");
    let phase = plan(&harness).phase(3).unwrap().clone();
    assert_eq!(phase.status, PhaseStatus::Done);
    assert_eq!(phase.done_on, Some(today()));
    // The headline, above the board and above the phases.
    assert_eq!(harness.get_all_by_label("1 of 15 phases done").count(), 2);
}

#[test]
fn double_clicking_a_title_renames_it() {
    let mut harness = board();
    let id = task_named(&harness, "Audit logging").id;
    harness
        .get_by_role_and_label(Role::Label, "Audit logging")
        .click();
    harness.step();
    harness
        .get_by_role_and_label(Role::Label, "Audit logging")
        .click();
    harness.run();
    rename_to(&mut harness, "Audit trail");
    assert_eq!(plan(&harness).task(id).unwrap().title, "Audit trail");
}

#[test]
fn undo_and_redo_take_back_a_tick_and_a_drag() {
    let mut harness = board();
    let original = plan(&harness).clone();
    click_checkbox(&mut harness, "Audit logging");
    let ticked = plan(&harness).clone();

    let from = title_rect(&harness, "Audit logging").center();
    let to = below(title_rect(&harness, "Query performance tuning"));
    drag(&mut harness, from, to);
    let dragged = plan(&harness).clone();
    assert_ne!(dragged, ticked);

    // One drag is one step.
    shortcut(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(plan(&harness), &ticked);
    shortcut(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(plan(&harness), &original);
    // Back where it started, nothing is unsaved.
    assert!(!harness.state().document().dirty);

    shortcut(
        &mut harness,
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::Z,
    );
    assert_eq!(plan(&harness), &ticked);
    shortcut(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(plan(&harness), &dragged);
    assert!(harness.state().document().dirty);

    // The buttons do the same.
    click(&mut harness, "Undo");
    assert_eq!(plan(&harness), &ticked);
    click(&mut harness, "Redo");
    assert_eq!(plan(&harness), &dragged);
}

#[test]
fn the_task_dialog_is_one_undo_step_and_history_survives_a_save() {
    let mut harness = board();
    let original = plan(&harness).clone();
    open_task_dialog(&mut harness, "PII handling");
    type_into_multiline(&mut harness, "Notes", "GDPR");
    click_checkbox(&mut harness, "Due");
    click(&mut harness, "Save");

    shortcut(&mut harness, Modifiers::COMMAND, Key::S);
    wait_for_save(&mut harness);
    assert!(!harness.state().document().dirty);

    shortcut(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(plan(&harness), &original);
    assert!(harness.state().document().dirty);
    if let Some(path) = harness.state().document().path.clone() {
        std::fs::remove_file(&path).ok();
        std::fs::remove_file(io::backup_path(&path)).ok();
    }
}

/// A board of 3,200 tasks draws only what is in and near the view,
/// and Tab still walks it task by task: the view follows the focus, and
/// the rows past the view come in as it moves.
#[test]
fn a_large_board_draws_near_the_view_and_tab_walks_all_of_it() {
    use yearplan::model::sample::{Size, heavy_plan};
    let size = Size {
        tasks: 3_200,
        time_entries: 0,
        expenses: 0,
    };
    let app = app_on(heavy_plan(&io::default_plan(today()), size), today());
    let builder = Harness::builder().with_size(egui::vec2(1280.0, 820.0));
    let mut harness = window(builder, app);
    click(&mut harness, Tab::Swimlanes.label());
    harness.run();
    // A block holds 100 tasks: the end of the first, screens down, is not
    // drawn, nor is anything of the second lane.
    harness.get_by_label("Task 1 of lane 1 in Q1");
    assert!(harness.query_by_label("Task 100 of lane 1 in Q1").is_none());
    assert!(harness.query_by_label("Task 401 of lane 2 in Q1").is_none());

    focus_title(&mut harness, "Task 1 of lane 1 in Q1");
    // Each task is its checkbox, then its title.
    for _ in 0..2 * 99 {
        press(&mut harness, Key::Tab);
    }
    let last = harness.get_by_role_and_label(Role::Label, "Task 100 of lane 1 in Q1");
    assert!(last.is_focused());
    // It was scrolled into view, within the window.
    assert!(last.rect().bottom() <= 820.0, "{:?}", last.rect());
    assert!(last.rect().top() >= 0.0, "{:?}", last.rect());
}

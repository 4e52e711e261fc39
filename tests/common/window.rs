//! The Yearplan window in an `egui_kittest` harness, driven as a person
//! drives it: widgets found by their label, clicked, typed into, chosen
//! from, dragged; and the plan read back out of the app.

use std::path::Path;

use chrono::NaiveDate;
use egui::{Key, Modifiers, Pos2, Role};
use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, HarnessBuilder, Node};
use yearplan::app::{Clock, Document, YearplanApp};
use yearplan::dialogs::FilePurpose;
use yearplan::model::Plan;

/// The app's window as the tests drive it.
pub type Window = Harness<'static, YearplanApp>;

/// The app on `plan` before it has a file: nothing unsaved, and the day
/// fixed at `today` so that dates on screen do not follow the calendar.
pub fn app_on(plan: Plan, today: NaiveDate) -> YearplanApp {
    YearplanApp::new(Document {
        plan,
        path: None,
        dirty: false,
    })
    .with_clock(Clock::Fixed(today))
}

/// Opens `app` in a window made by `builder` (its size, and for some tests
/// the length of a step or how many steps a run may take), and draws it.
pub fn window(builder: HarnessBuilder<YearplanApp>, app: YearplanApp) -> Window {
    let mut harness = builder
        .with_context_setup(yearplan::app::install_fonts)
        .build_ui_state(|ui, app: &mut YearplanApp| app.ui_root(ui), app);
    harness.run();
    harness
}

/// The plan as the app holds it now.
pub fn plan(window: &Window) -> &Plan {
    &window.state().document().plan
}

/// Clicks the one widget labelled `label`, and lets the window settle.
pub fn click(window: &mut Window, label: &str) {
    window.get_by_label(label).click();
    window.run();
}

/// Opens the collapsed section `label` and lets the window grow around it:
/// egui sizes a modal that grows over a few frames, and a run can stop
/// before it has, leaving later clicks where widgets were.
pub fn expand(window: &mut Window, label: &str) {
    click(window, label);
    for _ in 0..8 {
        window.run();
    }
}

/// Clicks the check box labelled `label`: ticks it, or unticks it.
pub fn click_checkbox(window: &mut Window, label: &str) {
    window.get_by_role_and_label(Role::CheckBox, label).click();
    window.run();
}

/// Right-clicks the text `label` (a task's title), which opens its menu.
pub fn right_click(window: &mut Window, label: &str) {
    window
        .get_by_role_and_label(Role::Label, label)
        .click_secondary();
    window.run();
}

/// Ticks the task `title` on the Swimlanes board, making an unsaved change.
pub fn tick_on_the_board(window: &mut Window, title: &str) {
    click(window, "Swimlanes");
    click_checkbox(window, title);
    assert!(window.state().document().dirty);
}

/// Clicks into the one-line field `label` and types `text` after what it holds.
pub fn type_into(window: &mut Window, label: &str, text: &str) {
    type_into_field(window, Role::TextInput, label, text, false);
}

/// Clicks into the one-line field `label` and types `text` over all it holds.
pub fn retype(window: &mut Window, label: &str, text: &str) {
    type_into_field(window, Role::TextInput, label, text, true);
}

/// Clicks into the many-line field `label` (notes) and types `text`.
pub fn type_into_multiline(window: &mut Window, label: &str, text: &str) {
    type_into_field(window, Role::MultilineTextInput, label, text, false);
}

fn type_into_field(window: &mut Window, role: Role, label: &str, text: &str, select_all: bool) {
    window.get_by_role_and_label(role, label).focus();
    window.run();
    if select_all {
        window.key_press_modifiers(Modifiers::COMMAND, Key::A);
    }
    window.get_by_role_and_label(role, label).type_text(text);
    window.run();
}

/// The text field that has the keyboard focus (a field opened on the board
/// takes it at once, as a person expects to type straight away).
pub fn focused_field(window: &Window) -> Node<'_> {
    window
        .get_all_by_role(Role::TextInput)
        .find(Node::is_focused)
        .expect("a focused text field")
}

/// Opens the combo box `combo` and clicks its option `option`.
pub fn choose(window: &mut Window, combo: &str, option: &str) {
    window.get_by_role_and_label(Role::ComboBox, combo).click();
    window.run();
    window.get_by_role_and_label(Role::Button, option).click();
    window.run();
}

/// Presses `key`, and lets the window settle.
pub fn press(window: &mut Window, key: Key) {
    window.key_press(key);
    window.run();
}

/// Presses `key` with `modifiers` held, and lets the window settle.
pub fn shortcut(window: &mut Window, modifiers: Modifiers, key: Key) {
    window.key_press_modifiers(modifiers, key);
    window.run();
}

/// What a file dialog does when the person picks `path` in it.
pub fn choose_file(window: &mut Window, purpose: FilePurpose, path: &Path) {
    window.state_mut().file_chosen(purpose, path);
    window.run();
}

/// Steps until a plan being opened has been read.
pub fn wait_for_open(harness: &mut Window) {
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

/// Waits for the save under way to land, and draws the result.
pub fn wait_for_save(window: &mut Window) {
    window.state_mut().wait_for_save();
    window.run();
}

/// Presses on `from`, moves in small steps to `to`, and releases there.
pub fn drag(window: &mut Window, from: Pos2, to: Pos2) {
    start_drag(window, from, to);
    window.drop_at(to);
    window.run();
}

/// Presses on `from` and moves in small steps to `to`, still holding: egui
/// only sees a drag, and the drop zone under the pointer, across frames.
pub fn start_drag(window: &mut Window, from: Pos2, to: Pos2) {
    window.hover_at(from);
    window.step();
    window.drag_at(from);
    window.step();
    for step in 1..=8 {
        window.hover_at(from.lerp(to, step as f32 / 8.0));
        window.step();
    }
    window.hover_at(to);
    window.step();
}

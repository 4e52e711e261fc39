//! The ledger's widgets in both tabs, found by the names people and screen
//! readers know them by: the words each kind gives the shared code must
//! come out exactly as the tabs said them before they shared it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::model::command::{Command, MoneyCommand, TimeCommand};
use crate::model::derived::Derived;
use crate::model::{CategoryId, Expense, LineId, Plan, TimeEntry};
use crate::ui::PlanView;
use crate::ui::budget::BudgetTab;
use crate::ui::time::TimeTab;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()
}

/// A tab drawn on its own, keeping the commands it emits.
struct Drawn<T> {
    tab: T,
    plan: Plan,
    derived: Derived,
    commands: Vec<Command>,
}

fn harness<T: 'static>(
    tab: T,
    plan: Plan,
    draw: fn(&mut T, &mut egui::Ui, &PlanView<'_>, &mut Vec<Command>),
) -> Harness<'static, Drawn<T>> {
    let derived = Derived::of(&plan);
    let state = Drawn {
        tab,
        plan,
        derived,
        commands: Vec::new(),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1100.0))
        .build_ui_state(
            move |ui, state: &mut Drawn<T>| {
                let view = PlanView {
                    plan: &state.plan,
                    derived: &state.derived,
                    today: today(),
                    now: today().and_time(chrono::NaiveTime::MIN),
                    running: None,
                    revision: 0,
                };
                draw(&mut state.tab, ui, &view, &mut state.commands);
            },
            state,
        );
    harness.run();
    harness
}

/// Sets a text field the way a screen reader does, then clicks "Save".
fn save_with<T>(harness: &mut Harness<'_, Drawn<T>>, field: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .set_text_value_accesskit(text);
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
}

#[test]
fn the_time_log_keeps_its_names_and_says_a_refused_edit_on_hover() {
    let mut plan = crate::io::default_plan(today());
    plan.time_entries.push(TimeEntry {
        id: Default::default(),
        date: today(),
        category: CategoryId(1),
        hours: 2.0,
        note: "Ecto".to_owned(),
    });
    let mut harness = harness(TimeTab::default(), plan, |tab, ui, view, commands| {
        tab.ui(
            ui,
            view,
            commands,
            &mut crate::ui::timer::TimerForm::default(),
        );
    });
    harness.get_by_label("Log hours");
    harness.get_by_role_and_label(Role::TextInput, "Hours");
    harness.get_by_role_and_label(Role::ComboBox, "Category");
    harness.get_by_label("Logged hours");
    harness.get_by_role_and_label(Role::ComboBox, "Filter by category");
    harness.get_by_label("From");
    harness.get_by_label("To");
    harness.get_by_label("1 entry shown · 2.0 h in total");
    harness.get_by_label("Delete entry 1");

    harness.get_by_label("Edit entry 1").click();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, "Edit category");
    harness.get_by_role_and_label(Role::TextInput, "Edit note");
    save_with(&mut harness, "Edit hours", "lots");
    assert!(harness.state().commands.is_empty());
    harness.get_by_label("!");

    save_with(&mut harness, "Edit hours", "1:30");
    assert_eq!(
        harness.state().commands,
        [Command::Time(TimeCommand::EditEntry {
            index: 0,
            entry: TimeEntry {
                id: Default::default(),
                date: today(),
                category: CategoryId(1),
                hours: 1.5,
                note: "Ecto".to_owned(),
            },
        })]
    );
}

#[test]
fn the_expense_log_keeps_its_names_and_says_a_refused_edit_in_full() {
    let mut plan = crate::io::default_plan(today());
    plan.expenses.push(Expense {
        id: Default::default(),
        date: today(),
        line: LineId(2),
        cents: 4_999,
        note: "Fly.io".to_owned(),
    });
    let mut harness = harness(BudgetTab::default(), plan, |tab, ui, view, commands| {
        tab.ui(ui, view, commands);
    });
    harness.get_by_label("Log an expense");
    harness.get_by_role_and_label(Role::TextInput, "Amount");
    harness.get_by_role_and_label(Role::ComboBox, "Line");
    harness.get_by_role_and_label(Role::ComboBox, "Filter by line");
    harness.get_by_role_and_label(Role::ComboBox, "month");
    harness.get_by_label("1 expense shown · $49.99 in total");
    harness.get_by_label("Delete expense 1");

    harness.get_by_label("Edit expense 1").click();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, "Edit line");
    harness.get_by_role_and_label(Role::TextInput, "Edit note");
    save_with(&mut harness, "Edit amount", "-5");
    assert!(harness.state().commands.is_empty());
    harness.get_by_label_contains("negative");

    save_with(&mut harness, "Edit amount", "$12.50");
    assert_eq!(
        harness.state().commands,
        [Command::Money(MoneyCommand::EditExpense {
            index: 0,
            expense: Expense {
                id: Default::default(),
                date: today(),
                line: LineId(2),
                cents: 1_250,
                note: "Fly.io".to_owned(),
            },
        })]
    );
}

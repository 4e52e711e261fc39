//! The task dialog: title, notes, due date and phase of a task, saved
//! together.

use chrono::NaiveDate;
use egui::{Id, RichText};

use super::SwimlanesTab;
use super::board::Board;
use super::phases::phase_label;
use crate::model::command::Command;
use crate::model::{PhaseNumber, Task, TaskId};
use crate::ui::widgets;

/// The task dialog: everything about a task, saved together.
pub(super) struct TaskDetails {
    task: TaskId,
    title: String,
    notes: String,
    due: Option<NaiveDate>,
    /// What the date picker starts on when a due date is first set.
    default_due: NaiveDate,
    phase: Option<PhaseNumber>,
}

impl SwimlanesTab {
    pub(super) fn open_details(&mut self, task: &Task, today: NaiveDate) {
        self.details = Some(TaskDetails {
            task: task.id,
            title: task.title.clone(),
            notes: task.notes.clone(),
            due: task.due,
            default_due: task.due.unwrap_or(today),
            phase: task.phase,
        });
    }

    pub(super) fn details_ui(&mut self, ctx: &egui::Context, board: &mut Board<'_, '_>) {
        let Some(details) = self.details.as_mut() else {
            return;
        };
        let plan = board.view.plan;
        let mut close = false;
        let modal = egui::Modal::new(Id::unique("task_details")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.label(RichText::new("Task").heading());
            egui::Grid::new("task_details_grid")
                .num_columns(2)
                .spacing([10.0, 8.0])
                .show(ui, |ui| {
                    let label = ui.label("Title");
                    ui.add(egui::TextEdit::singleline(&mut details.title).desired_width(300.0))
                        .labelled_by(label.id);
                    ui.end_row();

                    let label = ui.label("Notes");
                    ui.add(
                        egui::TextEdit::multiline(&mut details.notes)
                            .desired_rows(4)
                            .desired_width(300.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();

                    let label = ui.label("Due");
                    ui.horizontal(|ui| {
                        let mut has_due = details.due.is_some();
                        if ui
                            .checkbox(&mut has_due, "")
                            .labelled_by(label.id)
                            .changed()
                        {
                            details.due = has_due.then_some(details.default_due);
                        }
                        if let Some(due) = details.due.as_mut() {
                            widgets::date_picker(ui, "task_due", due);
                        } else {
                            ui.label(RichText::new("no due date").weak());
                        }
                    });
                    ui.end_row();

                    let label = ui.label("Phase");
                    let selected = details.phase.map_or_else(
                        || "None".to_owned(),
                        |number| phase_label(board.view, number),
                    );
                    widgets::list_above_modal(
                        egui::ComboBox::from_id_salt("task_phase")
                            .selected_text(selected)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut details.phase, None, "None");
                                for phase in &plan.phases {
                                    ui.selectable_value(
                                        &mut details.phase,
                                        Some(phase.number),
                                        phase_label(board.view, phase.number),
                                    );
                                }
                            })
                            .response,
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    if let Some(task) = plan.task(details.task) {
                        push_detail_changes(board.commands, task, details);
                    }
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
                ui.separator();
                if ui.button("Delete task").clicked() {
                    board
                        .commands
                        .push(Command::DeleteTask { task: details.task });
                    close = true;
                }
            });
        });
        if close || modal.should_close() || plan.task(details.task).is_none() {
            self.details = None;
        }
    }
}

/// One command for each field the dialog changed; an emptied title keeps the
/// old one.
fn push_detail_changes(commands: &mut Vec<Command>, task: &Task, details: &TaskDetails) {
    let title = details.title.trim();
    if !title.is_empty() && title != task.title {
        commands.push(Command::RenameTask {
            task: task.id,
            title: title.to_owned(),
        });
    }
    if details.notes != task.notes {
        commands.push(Command::SetTaskNotes {
            task: task.id,
            notes: details.notes.clone(),
        });
    }
    if details.due != task.due {
        commands.push(Command::SetTaskDue {
            task: task.id,
            due: details.due,
        });
    }
    if details.phase != task.phase {
        commands.push(Command::SetTaskPhase {
            task: task.id,
            phase: details.phase,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task() -> Task {
        Task {
            id: TaskId(7),
            title: "Read the book".to_owned(),
            done: false,
            done_on: None,
            due: None,
            notes: "chapter 1".to_owned(),
            phase: None,
        }
    }

    fn details(task: &Task) -> TaskDetails {
        TaskDetails {
            task: task.id,
            title: task.title.clone(),
            notes: task.notes.clone(),
            due: task.due,
            default_due: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default(),
            phase: task.phase,
        }
    }

    fn changes(task: &Task, details: &TaskDetails) -> Vec<Command> {
        let mut commands = Vec::new();
        push_detail_changes(&mut commands, task, details);
        commands
    }

    #[test]
    fn saving_without_changes_emits_nothing() {
        let task = task();
        assert_eq!(changes(&task, &details(&task)), []);
    }

    #[test]
    fn each_changed_field_is_one_command_and_the_title_is_trimmed() {
        let task = task();
        let mut details = details(&task);
        details.title = "  Read the whole book ".to_owned();
        details.due = Some(details.default_due);
        details.phase = Some(2);
        assert_eq!(
            changes(&task, &details),
            [
                Command::RenameTask {
                    task: TaskId(7),
                    title: "Read the whole book".to_owned(),
                },
                Command::SetTaskDue {
                    task: TaskId(7),
                    due: Some(details.default_due),
                },
                Command::SetTaskPhase {
                    task: TaskId(7),
                    phase: Some(2),
                },
            ]
        );
    }

    #[test]
    fn an_emptied_title_keeps_the_old_one() {
        let task = task();
        let mut details = details(&task);
        details.title = "   ".to_owned();
        details.notes = String::new();
        assert_eq!(
            changes(&task, &details),
            [Command::SetTaskNotes {
                task: TaskId(7),
                notes: String::new(),
            }]
        );
    }
}

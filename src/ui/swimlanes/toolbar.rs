//! Above the board: plan progress, and the find box and hide-done toggle that
//! choose which tasks the board shows.

use egui::{RichText, Ui};

use super::SwimlanesTab;
use super::board::Board;
use crate::model::Task;
use crate::ui::PlanView;
use crate::ui::widgets::progress_bar;

impl SwimlanesTab {
    pub(super) fn toolbar_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Plan progress").strong());
            progress_bar(ui, "Plan", view.derived.plan_progress, 200.0);
            ui.separator();
            ui.label(format!(
                "{} of {} phases done",
                view.derived.phases_done.done, view.derived.phases_done.total
            ));
            ui.separator();
            let find = ui.label("Find");
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text("title or notes")
                    .desired_width(180.0),
            )
            .labelled_by(find.id);
            if !self.filter.is_empty() && ui.small_button("Clear").clicked() {
                self.filter.clear();
            }
            ui.checkbox(&mut self.hide_done, "Hide done");
        });
    }
}

impl Board<'_, '_> {
    /// Whether a task passes the find box and the "hide done" toggle.
    pub(super) fn shows(&self, task: &Task, hide_done: bool) -> bool {
        if hide_done && task.done {
            return false;
        }
        self.needle.is_empty()
            || task.title.to_lowercase().contains(&self.needle)
            || task.notes.to_lowercase().contains(&self.needle)
    }
}

//! The Time tab: quick entry of hours, this week against the targets, the
//! targets themselves, weekly hours plotted against the target bands, and
//! the log of entries. The form, the log and the import preview are the
//! ledger's (`ui::ledger`); this tab keeps what is particular to hours.

pub(crate) mod chart;
mod entry;
mod week;

use egui::Ui;

use super::PlanView;
use super::ledger::{BucketAction, CsvRequest, Ledger, bucket_buttons_ui};
use super::widgets::{section_heading, set_accessible_name};
use crate::model::command::{Command, TimeCommand};
use crate::model::format::format_hours_range;
use crate::model::{CategoryId, TimeCategory, TimeEntry};

/// What the Time tab asks the app to do outside the plan.
pub type TimeRequest = CsvRequest;

/// What the Time tab remembers between frames.
#[derive(Default)]
pub struct TimeTab {
    ledger: Ledger<TimeEntry>,
    targets: Option<TargetEdit>,
    new_category: Option<NewCategory>,
    reset_chart: bool,
}

/// A category's name and weekly range being edited.
struct TargetEdit {
    category: CategoryId,
    name: String,
    min_hours: f64,
    max_hours: f64,
}

struct NewCategory {
    name: String,
    min_hours: f64,
    max_hours: f64,
}

impl TimeTab {
    /// Opens the import preview of a file's `bytes`, named `file_name`.
    pub fn show_import(&mut self, file_name: String, bytes: Vec<u8>) {
        self.ledger.show_import(file_name, bytes);
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
        timer: &mut super::timer::TimerForm,
    ) -> Option<TimeRequest> {
        let mut request = None;
        self.ledger.form_ui(ui, view, commands);
        super::timer::panel_ui(ui, view, timer);
        ui.separator();
        egui::Panel::left("time_side")
            .resizable(true)
            .default_size(330.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("time_side_scroll")
                    .show(ui, |ui| {
                        week::this_week_ui(ui, view);
                        self.targets_ui(ui, view, commands);
                        self.ledger.rules_ui(ui, view, commands);
                    });
            });
        egui::Panel::bottom("time_log")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                request = self.ledger.log_ui(ui, view, commands);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            chart::charts_ui(ui, view, &mut self.reset_chart);
        });
        self.ledger.removal_ui(ui.ctx(), view, commands);
        self.ledger.import_ui(ui.ctx(), view, commands);
        request
    }

    fn targets_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        section_heading(ui, "Weekly targets");
        egui::Grid::new("time_targets")
            .num_columns(3)
            .striped(true)
            .show(ui, |ui| {
                for category in &view.plan.time_categories {
                    self.target_row_ui(ui, view, category, commands);
                    ui.end_row();
                }
            });
        ui.add_space(4.0);
        match &mut self.new_category {
            None => {
                if ui.button("+ Add category").clicked() {
                    self.new_category = Some(NewCategory {
                        name: String::new(),
                        min_hours: 5.0,
                        max_hours: 10.0,
                    });
                }
            }
            Some(new) => {
                let mut close = false;
                ui.horizontal(|ui| {
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut new.name)
                            .hint_text("Name")
                            .desired_width(120.0),
                    );
                    set_accessible_name(&field, egui::Role::TextInput, "New category name");
                    hours_range_ui(ui, &mut new.min_hours, &mut new.max_hours, "New category");
                });
                ui.horizontal(|ui| {
                    if ui.button("Add category").clicked() {
                        let category = view.plan.unused_category_id(super::fresh_id_candidate());
                        commands.push(Command::Time(TimeCommand::AddCategory {
                            category,
                            name: new.name.clone(),
                            min_hours: new.min_hours,
                            max_hours: new.max_hours,
                        }));
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
                if close {
                    self.new_category = None;
                }
            }
        }
    }

    fn target_row_ui(
        &mut self,
        ui: &mut Ui,
        view: &PlanView<'_>,
        category: &TimeCategory,
        commands: &mut Vec<Command>,
    ) {
        let editing = self
            .targets
            .as_mut()
            .filter(|edit| edit.category == category.id);
        let Some(edit) = editing else {
            ui.label(&category.name);
            ui.label(format_hours_range(
                category.weekly_min_hours,
                category.weekly_max_hours,
            ));
            ui.horizontal(|ui| match bucket_buttons_ui(ui, &category.name) {
                Some(BucketAction::Edit) => {
                    self.targets = Some(TargetEdit {
                        category: category.id,
                        name: category.name.clone(),
                        min_hours: category.weekly_min_hours,
                        max_hours: category.weekly_max_hours,
                    });
                }
                Some(BucketAction::Remove) => {
                    self.ledger.remove_bucket(view, category.id, commands);
                }
                None => {}
            });
            return;
        };
        let name = ui.add(egui::TextEdit::singleline(&mut edit.name).desired_width(120.0));
        set_accessible_name(&name, egui::Role::TextInput, "Category name");
        hours_range_ui(ui, &mut edit.min_hours, &mut edit.max_hours, &category.name);
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.small_button("Save").clicked() {
                if edit.name.trim() != category.name {
                    commands.push(Command::Time(TimeCommand::RenameCategory {
                        category: category.id,
                        name: edit.name.clone(),
                    }));
                }
                if edit.min_hours != category.weekly_min_hours
                    || edit.max_hours != category.weekly_max_hours
                {
                    commands.push(Command::Time(TimeCommand::SetCategoryTarget {
                        category: category.id,
                        min_hours: edit.min_hours,
                        max_hours: edit.max_hours,
                    }));
                }
                close = true;
            }
            if ui.small_button("Cancel").clicked() {
                close = true;
            }
        });
        if close {
            self.targets = None;
        }
    }
}

/// A weekly range of hours, from `min` to `max`; known to screen readers (and
/// tests) as "`name` weekly minimum" and "`name` weekly maximum".
fn hours_range_ui(ui: &mut Ui, min: &mut f64, max: &mut f64, name: &str) {
    weekly_hours_ui(ui, min, &format!("{name} weekly minimum"));
    ui.label("–");
    weekly_hours_ui(ui, max, &format!("{name} weekly maximum"));
    if *max < *min {
        *max = *min;
    }
}

fn weekly_hours_ui(ui: &mut Ui, hours: &mut f64, accessible_name: &str) {
    let field = ui.add(
        egui::DragValue::new(hours)
            .range(0.0..=168.0)
            .speed(0.25)
            .suffix(" h"),
    );
    set_accessible_name(&field, egui::Role::SpinButton, accessible_name);
}

//! The Time tab: the weekly targets and the log of hours.

use egui::{RichText, Ui};

use super::PlanView;
use super::widgets::{self, hours_state_colour, hours_state_label, section_heading};
use crate::model::format::{format_date, format_hours, format_hours_range};
use crate::model::time::target_state;

pub fn ui(ui: &mut Ui, view: &PlanView<'_>) {
    let week = view.this_week();
    section_heading(ui, "Weekly targets");
    egui::Grid::new("time_targets")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Category").strong());
            ui.label(RichText::new("Target per week").strong());
            ui.label(RichText::new("This week").strong());
            ui.label("");
            ui.end_row();
            for category in &view.plan.time_categories {
                let hours = view.derived.weekly_hours.hours(week, category.id);
                let state =
                    target_state(hours, category.weekly_min_hours, category.weekly_max_hours);
                ui.label(&category.name);
                widgets::number_cell(
                    ui,
                    format_hours_range(category.weekly_min_hours, category.weekly_max_hours),
                );
                widgets::number_cell(ui, format_hours(hours));
                ui.label(RichText::new(hours_state_label(state)).color(hours_state_colour(state)));
                ui.end_row();
            }
        });

    section_heading(ui, "Logged hours");
    let entries = &view.plan.time_entries;
    if entries.is_empty() {
        ui.label(RichText::new("No hours logged yet.").weak());
        return;
    }
    ui.label(format!("{} entries, newest first", entries.len()));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("time_entries")
        .show_rows(ui, row_height, entries.len(), |ui, rows| {
            egui::Grid::new("time_entries_grid")
                .num_columns(4)
                .striped(true)
                .min_col_width(80.0)
                .show(ui, |ui| {
                    for &index in &view.derived.entries_newest_first[rows] {
                        let entry = &entries[index];
                        ui.label(format_date(entry.date));
                        let category = view
                            .plan
                            .category(entry.category)
                            .map_or("?", |category| category.name.as_str());
                        ui.label(category);
                        widgets::number_cell(ui, format_hours(entry.hours));
                        ui.label(&entry.note);
                        ui.end_row();
                    }
                });
        });
}

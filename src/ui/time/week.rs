//! This week, the last complete week and the four-week average per category,
//! each against its weekly range: the top of the Time tab's side panel.

use egui::{RichText, Ui};

use crate::model::CategoryId;
use crate::model::calendar::IsoWeek;
use crate::model::format::{format_date, format_hours, format_hours_range};
use crate::model::time::{
    hours_to_minimum, last_complete_week, rolling_average_hours, target_state,
};
use crate::ui::PlanView;
use crate::ui::timer::with_running_mark;
use crate::ui::widgets::{self, hours_state_colour, hours_state_label, section_heading};

/// This week, the last complete week and the four-week average, per category
/// and in total, each against its range.
pub(super) fn this_week_ui(ui: &mut Ui, view: &PlanView<'_>) {
    let week = IsoWeek::of(view.today);
    let last_week = last_complete_week(view.today);
    let weekly = &view.derived.weekly_hours;
    section_heading(ui, "This week");
    ui.label(
        RichText::new(format!(
            "{} – {}",
            format_date(week.monday()),
            format_date(week.sunday())
        ))
        .weak(),
    );
    if view.plan.time_categories.is_empty() {
        ui.label("Add a time category below to set weekly targets.");
        return;
    }
    egui::Grid::new("this_week")
        .num_columns(7)
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            ui.strong("This week");
            ui.label("");
            ui.strong("To go");
            ui.strong("Today");
            ui.strong("Last week");
            ui.strong("4-week avg");
            ui.end_row();
            let row = |ui: &mut Ui, name: &str, category: Option<CategoryId>, range: (f64, f64)| {
                let (min, max) = range;
                // This week and today count the running timer, marked ●.
                let now = view.hours_now(category);
                let hours = now.week;
                let last = category
                    .map_or_else(|| weekly.total(last_week), |id| weekly.hours(last_week, id));
                let average = rolling_average_hours(weekly, category, last_week, 4);
                ui.label(name)
                    .on_hover_text(format!("Target {}", format_hours_range(min, max)));
                state_cell(ui, hours, now.running, min, max);
                // The state in words too: colour is never the only sign.
                let state = target_state(hours, min, max);
                ui.label(
                    RichText::new(hours_state_label(state))
                        .small()
                        .color(hours_state_colour(state)),
                );
                widgets::number_cell(ui, format_hours(hours_to_minimum(hours, min)));
                widgets::number_cell(ui, with_running_mark(now.today, now.running));
                state_cell(ui, last, false, min, max);
                state_cell(ui, average, false, min, max);
                ui.end_row();
            };
            for category in &view.plan.time_categories {
                row(
                    ui,
                    &category.name,
                    Some(category.id),
                    (category.weekly_min_hours, category.weekly_max_hours),
                );
            }
            row(ui, "Total", None, view.derived.weekly_target_hours);
        });
    let (min, max) = view.derived.weekly_target_hours;
    let running = if view.running.is_some() {
        " ● counts the running timer."
    } else {
        ""
    };
    ui.label(
        RichText::new(format!(
            "Targets add up to {} a week.{running}",
            format_hours_range(min, max)
        ))
        .weak(),
    );
}

/// Hours coloured by where they stand against the range, with the state in words
/// on hover (colour is never the only sign).
fn state_cell(ui: &mut Ui, hours: f64, running: bool, min: f64, max: f64) {
    let state = target_state(hours, min, max);
    widgets::number_cell(
        ui,
        RichText::new(with_running_mark(hours, running)).color(hours_state_colour(state)),
    )
    .on_hover_text(format!(
        "{} the target of {}",
        hours_state_label(state),
        format_hours_range(min, max)
    ));
}

//! The Overview tab: whether the year is on track, at a glance.

use egui::{RichText, Ui};

use super::PlanView;
use super::widgets::{self, hours_state_colour, hours_state_label, progress_bar, section_heading};
use crate::model::format::{format_date, format_hours, format_hours_range};
use crate::model::time::target_state;

pub fn ui(ui: &mut Ui, view: &PlanView<'_>) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("overview_scroll")
        .show(ui, |ui| {
            this_week_ui(ui, view);
            this_month_ui(ui, view);
            progress_ui(ui, view);
            reviews_ui(ui, view);
        });
}

fn this_week_ui(ui: &mut Ui, view: &PlanView<'_>) {
    let week = view.this_week();
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
        ui.label("This plan has no time categories.");
        return;
    }
    egui::Grid::new("overview_week")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            for category in &view.plan.time_categories {
                let hours = view.derived.weekly_hours.hours(week, category.id);
                let state =
                    target_state(hours, category.weekly_min_hours, category.weekly_max_hours);
                ui.label(&category.name);
                widgets::number_cell(ui, format_hours(hours));
                ui.label(
                    RichText::new(format_hours_range(
                        category.weekly_min_hours,
                        category.weekly_max_hours,
                    ))
                    .weak(),
                );
                ui.label(RichText::new(hours_state_label(state)).color(hours_state_colour(state)));
                ui.end_row();
            }
            let (min, max) = view.derived.weekly_target_hours;
            let total = view.derived.weekly_hours.total(week);
            let state = target_state(total, min, max);
            ui.label(RichText::new("Total").strong());
            widgets::number_cell(ui, RichText::new(format_hours(total)).strong());
            ui.label(RichText::new(format_hours_range(min, max)).weak());
            ui.label(RichText::new(hours_state_label(state)).color(hours_state_colour(state)));
            ui.end_row();
        });
}

fn this_month_ui(ui: &mut Ui, view: &PlanView<'_>) {
    let month = view.this_month();
    section_heading(ui, "This month");
    let spent = view.derived.monthly_spend.total(month);
    let run_rate = view.derived.run_rate_cents;
    let text = format!(
        "{}: {} spent of a {} monthly run-rate",
        month.label(),
        view.money(spent),
        view.money(run_rate)
    );
    if spent > run_rate {
        ui.label(RichText::new(text).color(widgets::OVER_BUDGET));
    } else {
        ui.label(text);
    }
}

fn progress_ui(ui: &mut Ui, view: &PlanView<'_>) {
    section_heading(ui, "Progress");
    egui::Grid::new("overview_progress")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(RichText::new("Whole plan").strong());
            progress_bar(ui, "Whole plan", view.derived.plan_progress, 240.0);
            ui.end_row();
            for lane in &view.plan.swimlanes {
                ui.label(&lane.name);
                progress_bar(
                    ui,
                    &format!("Lane {}", lane.name),
                    crate::model::progress::lane_progress(lane),
                    240.0,
                );
                ui.end_row();
            }
            for quarter in crate::model::Quarter::ALL {
                ui.label(quarter.label());
                progress_bar(
                    ui,
                    &format!("Quarter {quarter}"),
                    view.derived.quarter_progress[quarter.index()],
                    240.0,
                );
                ui.end_row();
            }
            ui.label("Phases done");
            progress_bar(ui, "Phases", view.derived.phases_done, 240.0);
            ui.end_row();
        });
}

fn reviews_ui(ui: &mut Ui, view: &PlanView<'_>) {
    section_heading(ui, "Reviews");
    if view.plan.review_cadences.is_empty() {
        ui.label("This plan has no review cadence.");
    }
    for cadence in &view.plan.review_cadences {
        let last = view
            .plan
            .reviews
            .iter()
            .filter(|review| review.period == cadence.period)
            .map(|review| review.date)
            .max();
        let last = last.map_or_else(
            || "never reviewed".to_owned(),
            |date| format!("last {}", format_date(date)),
        );
        ui.label(format!(
            "{}: {} ({last})",
            cadence.period.label(),
            cadence.purpose
        ));
    }
}

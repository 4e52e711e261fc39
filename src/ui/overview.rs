//! The Overview tab: whether the year is on track, at a glance. Every part
//! leads to its tab with one click.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::widgets::{self, hours_state_colour, progress_bar};
use super::{PlanView, Tab};
use crate::model::format::{format_date, format_hours_range};
use crate::model::overview::{Overview, PhaseForecast, overview};
use crate::model::time::target_state;
use crate::model::{PhaseStatus, Quarter};

/// The overview's figures, worked out once per state of the plan and day.
#[derive(Default)]
pub struct OverviewTab {
    cache: Option<(u64, NaiveDate, Overview)>,
}

impl OverviewTab {
    /// Draws the overview; returns the tab a click asked to go to.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: &PlanView<'_>,
        timer: &mut super::timer::TimerForm,
    ) -> Option<Tab> {
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|(revision, today, _)| *revision == view.revision && *today == view.today);
        if !fresh {
            let figures = overview(
                view.plan,
                &view.derived.weekly_hours,
                &view.derived.monthly_spend,
                view.today,
            );
            self.cache = Some((view.revision, view.today, figures));
        }
        let Some((_, _, figures)) = &self.cache else {
            return None;
        };
        let mut go_to = None;
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .id_salt("overview_scroll")
            .show(ui, |ui| {
                ui.add_space(4.0);
                super::timer::panel_ui(ui, view, timer);
                ui.columns(2, |columns| {
                    if let [left, right] = columns {
                        week_ui(left, view, figures, &mut go_to);
                        month_ui(left, view, figures, &mut go_to);
                        forecasts_ui(left, view, figures, &mut go_to);
                        progress_ui(right, view, figures, &mut go_to);
                        reviews_ui(right, view, figures, &mut go_to);
                        next_tasks_ui(right, view, figures, &mut go_to);
                    }
                });
            });
        go_to
    }
}

/// A section heading that is also a link to the tab holding the details.
fn heading_link(ui: &mut Ui, text: &str, tab: Tab, go_to: &mut Option<Tab>) {
    ui.add_space(8.0);
    let link = ui
        .add(egui::Button::new(RichText::new(text).heading()).frame(false))
        .on_hover_text(format!("Open {}", tab.label()));
    widgets::set_accessible_name(
        &link,
        egui::Role::Link,
        &format!("{text}: open {}", tab.label()),
    );
    if link.clicked() {
        *go_to = Some(tab);
    }
    ui.add_space(2.0);
}

fn week_ui(ui: &mut Ui, view: &PlanView<'_>, figures: &Overview, go_to: &mut Option<Tab>) {
    heading_link(ui, "This week", Tab::Time, go_to);
    ui.label(
        RichText::new(format!(
            "{} – {}",
            format_date(figures.week.monday()),
            format_date(figures.week.sunday())
        ))
        .weak(),
    );
    if figures.week_hours.is_empty() {
        ui.label("This plan has no time categories.");
        return;
    }
    egui::Grid::new("overview_week")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            for (category, hours) in &figures.week_hours {
                let name = view
                    .plan
                    .category(*category)
                    .map_or("?", |category| category.name.as_str());
                ui.label(name);
                // The figures are the log's; the running timer is added as it runs.
                let now = view.hours_now(Some(*category));
                let state = target_state(now.week, hours.min_hours, hours.max_hours);
                widgets::number_cell(
                    ui,
                    RichText::new(super::timer::with_running_mark(now.week, now.running))
                        .color(hours_state_colour(state)),
                );
                ui.label(
                    RichText::new(format_hours_range(hours.min_hours, hours.max_hours)).weak(),
                );
                ui.label(
                    RichText::new(widgets::hours_state_label(state))
                        .color(hours_state_colour(state)),
                );
                ui.end_row();
            }
            let total = figures.week_total;
            let now = view.hours_now(None);
            let state = target_state(now.week, total.min_hours, total.max_hours);
            ui.label(RichText::new("Total").strong());
            widgets::number_cell(
                ui,
                RichText::new(super::timer::with_running_mark(now.week, now.running))
                    .strong()
                    .color(hours_state_colour(state)),
            );
            ui.label(RichText::new(format_hours_range(total.min_hours, total.max_hours)).weak());
            ui.label(
                RichText::new(widgets::hours_state_label(state)).color(hours_state_colour(state)),
            );
            ui.end_row();
        });
    let now = view.hours_now(None);
    ui.label(format!(
        "Today: {}",
        super::timer::with_running_mark(now.today, now.running)
    ));
    if now.running {
        ui.label(RichText::new("● counts the running timer").weak().small());
    }
}

fn month_ui(ui: &mut Ui, view: &PlanView<'_>, figures: &Overview, go_to: &mut Option<Tab>) {
    heading_link(ui, "This month", Tab::Budget, go_to);
    let month = figures.month;
    let text = month.describe(&view.plan.currency_symbol);
    if month.is_over() {
        ui.label(RichText::new(text).color(widgets::OVER_BUDGET));
    } else {
        ui.label(text);
    }
}

fn forecasts_ui(ui: &mut Ui, view: &PlanView<'_>, figures: &Overview, go_to: &mut Option<Tab>) {
    heading_link(ui, "Forecasts", Tab::Swimlanes, go_to);
    let phases = match figures.phase_forecast {
        PhaseForecast::NoPhases => "This plan has no phases.".to_owned(),
        PhaseForecast::AllDone { on: Some(on) } => {
            format!("Every phase is done (the last on {}).", format_date(on))
        }
        PhaseForecast::AllDone { on: None } => "Every phase is done.".to_owned(),
        PhaseForecast::NotEnoughData => {
            "Phases: not enough data yet — finish a phase to see a forecast.".to_owned()
        }
        PhaseForecast::Projected { last_phase, on, .. } => {
            let late = on > crate::model::calendar::plan_end(view.plan.start_date);
            let text = format!(
                "At this pace Phase {last_phase} completes on {}{}",
                format_date(on),
                if late {
                    ", after the plan year ends."
                } else {
                    "."
                }
            );
            ui.label(if late {
                RichText::new(text).color(widgets::UNDER)
            } else {
                RichText::new(text)
            });
            String::new()
        }
    };
    if !phases.is_empty() {
        ui.label(phases);
    }
    let spend = figures.spend_forecast;
    let text = spend.describe(&view.plan.currency_symbol);
    if spend.is_over() {
        ui.label(RichText::new(text).color(widgets::OVER_BUDGET));
    } else {
        ui.label(text);
    }
}

fn progress_ui(ui: &mut Ui, view: &PlanView<'_>, figures: &Overview, go_to: &mut Option<Tab>) {
    heading_link(ui, "Progress", Tab::Swimlanes, go_to);
    egui::Grid::new("overview_progress")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(RichText::new("Whole plan").strong());
            progress_bar(ui, "Whole plan", figures.plan_progress, 220.0);
            ui.end_row();
            for (lane, progress) in &figures.lanes {
                let name = view.plan.lane(*lane).map_or("?", |lane| lane.name.as_str());
                ui.label(name);
                progress_bar(ui, &format!("Lane {name}"), *progress, 220.0);
                ui.end_row();
            }
            for quarter in Quarter::ALL {
                ui.label(quarter.label());
                progress_bar(
                    ui,
                    &format!("Quarter {quarter}"),
                    figures.quarters[quarter.index()],
                    220.0,
                );
                ui.end_row();
            }
            ui.label("Phases done");
            progress_bar(ui, "Phases", figures.phases_done, 220.0);
            ui.end_row();
        });
    let in_progress: Vec<String> = view
        .plan
        .phases
        .iter()
        .filter(|phase| phase.status == PhaseStatus::InProgress)
        .map(|phase| format!("{}: {}", phase.number, phase.name))
        .collect();
    if !in_progress.is_empty() {
        ui.label(RichText::new(format!("In progress: {}", in_progress.join(", "))).weak());
    }
}

fn reviews_ui(ui: &mut Ui, view: &PlanView<'_>, figures: &Overview, go_to: &mut Option<Tab>) {
    heading_link(ui, "Reviews", Tab::MetricsReviews, go_to);
    if figures.reviews.is_empty() {
        ui.label("This plan has no review cadence.");
    }
    for cadence in &figures.reviews {
        let text = cadence.describe(view.today);
        if cadence.due.is_due() {
            ui.label(RichText::new(text).color(widgets::UNDER));
        } else {
            ui.label(text);
        }
    }
}

fn next_tasks_ui(ui: &mut Ui, view: &PlanView<'_>, figures: &Overview, go_to: &mut Option<Tab>) {
    heading_link(ui, "Next tasks due", Tab::Swimlanes, go_to);
    if figures.next_tasks.is_empty() {
        ui.label(RichText::new("No open task has a due date.").weak());
    }
    for due in &figures.next_tasks {
        let title = view
            .plan
            .task(due.task)
            .map_or("?", |task| task.title.as_str());
        let text = format!("{title} — {} ({})", due.describe(), format_date(due.due));
        if due.days_left < 0 {
            ui.label(RichText::new(text).color(widgets::OVER_BUDGET));
        } else {
            ui.label(text);
        }
    }
}

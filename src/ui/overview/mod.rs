//! The Overview tab: whether the year is on track, at a glance — a
//! dashboard of small cards, each a chart or a few lines, each heading a
//! link to the tab that holds the details.

mod charts;

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::widgets::{self, hours_state_colour, progress_bar};
use super::{PlanView, Tab};
use crate::model::calendar::{IsoWeek, YearPosition};
use crate::model::format::{format_date, format_hours_range};
use crate::model::overview::{Overview, PhaseForecast, overview};
use crate::model::progress::burn_up;
use crate::model::summaries::{
    cumulative_spend_summary, monthly_spend_summary, weekly_hours_summary,
};
use crate::model::time::target_state;
use crate::model::{PhaseStatus, Quarter};

/// How many weeks the hours card shows, ending with this one.
const CARD_WEEKS: u64 = 12;

/// The overview's figures, worked out once per state of the plan and day.
#[derive(Default)]
pub struct OverviewTab {
    cache: Option<(u64, NaiveDate, Figures)>,
    /// "Start next year…" was clicked (it shows once the plan year is over).
    next_year_asked: bool,
}

struct Figures {
    overview: Overview,
    /// The whole plan's burn-up, then each lane's.
    burns: Vec<charts::BurnLine>,
}

impl Figures {
    fn of(view: &PlanView<'_>) -> Figures {
        let plan = view.plan;
        let line =
            |name: String, burn| charts::BurnLine::of(name, &burn, plan.start_date, view.today);
        let mut burns = vec![line("Whole plan".to_owned(), burn_up(plan, None))];
        burns.extend(
            plan.swimlanes
                .iter()
                .map(|lane| line(lane.name.clone(), burn_up(plan, Some(lane.id)))),
        );
        Figures {
            overview: overview(
                plan,
                &view.derived.weekly_hours,
                &view.derived.monthly_spend,
                view.today,
            ),
            burns,
        }
    }
}

/// Room a card's frame and heading take from its height.
const CARD_CHROME: f32 = 58.0;

impl OverviewTab {
    /// Whether "Start next year…" was clicked since the last look.
    pub fn take_next_year_request(&mut self) -> bool {
        std::mem::take(&mut self.next_year_asked)
    }

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
            self.cache = Some((view.revision, view.today, Figures::of(view)));
        }
        let Some((_, _, figures)) = &self.cache else {
            return None;
        };
        let mut go_to = None;
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .id_salt("overview_scroll")
            .show(ui, |ui| {
                ui.add_space(2.0);
                ui.horizontal(|ui| {
                    super::timer::panel_ui(ui, view, timer);
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let position = YearPosition::of(view.plan.start_date, view.today);
                        if position.has_ended() && ui.button("Start next year…").clicked() {
                            self.next_year_asked = true;
                        }
                        ui.label(RichText::new(format!("Plan year: {position}")).strong());
                    });
                });
                ui.add_space(4.0);
                let gap = 8.0;
                // Three rows of three fill the window, with room kept for
                // the scroll bar; a small window scrolls.
                let width = ((ui.available_width() - 2.0 * gap - 10.0) / 3.0).max(260.0);
                let height = ((ui.available_height() - 2.0 * gap - 12.0) / 3.0).max(200.0);
                let size = egui::vec2(width, height);
                let chart = height - CARD_CHROME;
                let overview = &figures.overview;
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing.x = gap;
                    card(ui, size, "This week", Tab::Time, &mut go_to, |ui| {
                        week_card(ui, view, overview, chart);
                    });
                    card(ui, size, "Hours per week", Tab::Time, &mut go_to, |ui| {
                        weeks_card(ui, view, chart);
                    });
                    card(ui, size, "Reviews", Tab::MetricsReviews, &mut go_to, |ui| {
                        reviews_ui(ui, view, overview);
                        ui.add_space(4.0);
                        next_tasks_ui(ui, view, overview);
                    });
                });
                ui.add_space(gap);
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing.x = gap;
                    card(ui, size, "This month", Tab::Budget, &mut go_to, |ui| {
                        month_card(ui, view, overview, chart);
                    });
                    card(
                        ui,
                        size,
                        "Cumulative spend",
                        Tab::Budget,
                        &mut go_to,
                        |ui| {
                            cumulative_card(ui, view, overview, chart);
                        },
                    );
                    card(ui, size, "Phases", Tab::Swimlanes, &mut go_to, |ui| {
                        phases_card(ui, view, overview, chart);
                    });
                });
                ui.add_space(gap);
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing.x = gap;
                    card(ui, size, "Tasks done", Tab::Swimlanes, &mut go_to, |ui| {
                        if figures.burns.first().is_none_or(|line| line.total == 0) {
                            empty(ui, "No tasks yet — add them on the Swimlanes tab.");
                        } else {
                            charts::burn_up_ui(ui, view, &figures.burns, chart);
                        }
                    });
                    card(ui, size, "Progress", Tab::Swimlanes, &mut go_to, |ui| {
                        progress_ui(ui, view, overview);
                    });
                    card(
                        ui,
                        size,
                        "Forecasts",
                        Tab::MetricsReviews,
                        &mut go_to,
                        |ui| {
                            forecasts_ui(ui, view, overview);
                            ui.add_space(4.0);
                            metrics_line(ui, view, overview);
                        },
                    );
                });
            });
        go_to
    }
}

/// A card of the dashboard: a frame of `size`, its heading a link to `tab`.
fn card(
    ui: &mut Ui,
    size: egui::Vec2,
    title: &str,
    tab: Tab,
    go_to: &mut Option<Tab>,
    content: impl FnOnce(&mut Ui),
) {
    ui.allocate_ui(size, |ui| {
        egui::Frame::group(ui.style())
            .inner_margin(6.0)
            .show(ui, |ui| {
                let inner = size - egui::vec2(14.0, 14.0);
                ui.set_min_size(inner);
                ui.set_max_size(inner);
                ui.vertical(|ui| {
                    heading_link(ui, title, tab, go_to);
                    // A plan with many lanes or cadences scrolls within its
                    // card rather than being cut.
                    egui::ScrollArea::vertical()
                        .id_salt(("overview_card", title))
                        .auto_shrink([false, true])
                        .show(ui, content);
                });
            });
    });
}

fn empty(ui: &mut Ui, text: &str) {
    ui.add_space(12.0);
    ui.label(RichText::new(text).weak());
}

fn week_card(ui: &mut Ui, view: &PlanView<'_>, overview: &Overview, chart: f32) {
    if view.plan.time_categories.is_empty() {
        empty(
            ui,
            "Add a time category on the Time tab to set weekly targets.",
        );
        return;
    }
    charts::this_week_ui(ui, view, chart - 36.0);
    let total = overview.week_total;
    let now = view.hours_now(None);
    let state = target_state(now.week, total.min_hours, total.max_hours);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "Total {} of {}",
                super::timer::with_running_mark(now.week, now.running),
                format_hours_range(total.min_hours, total.max_hours)
            ))
            .color(hours_state_colour(state)),
        );
        ui.label(format!(
            "· today {}",
            super::timer::with_running_mark(now.today, now.running)
        ));
    });
    ui.label(
        RichText::new(format!(
            "{} – {}{}",
            format_date(overview.week.monday()),
            format_date(overview.week.sunday()),
            if now.running {
                " · ● counts the running timer"
            } else {
                ""
            }
        ))
        .weak()
        .small(),
    );
}

/// Each category's last twelve weeks against its band, one small chart
/// each, as on the Time tab.
fn weeks_card(ui: &mut Ui, view: &PlanView<'_>, chart: f32) {
    let categories = &view.plan.time_categories;
    if categories.is_empty() {
        empty(
            ui,
            "Add a time category on the Time tab to set weekly targets.",
        );
        return;
    }
    if view.derived.weekly_hours.is_empty() {
        empty(
            ui,
            "No hours logged yet — log some on the Time tab, or start the timer above.",
        );
        return;
    }
    let this_week = view.this_week().monday();
    let weeks: Vec<IsoWeek> = (0..CARD_WEEKS)
        .rev()
        .filter_map(|back| this_week.checked_sub_days(chrono::Days::new(7 * back)))
        .map(IsoWeek::of)
        .collect();
    let each = (chart / categories.len() as f32 - 16.0).max(40.0);
    for category in categories {
        let hours: Vec<f64> = weeks
            .iter()
            .map(|week| view.derived.weekly_hours.hours(*week, category.id))
            .collect();
        let target = (category.weekly_min_hours, category.weekly_max_hours);
        ui.label(
            RichText::new(format!(
                "{} · {}",
                category.name,
                format_hours_range(target.0, target.1)
            ))
            .small(),
        );
        let response = super::time::chart::week_chart_ui(
            ui,
            &super::time::chart::WeekChart {
                name: &category.name,
                weeks: &weeks,
                hours: &hours,
                target,
                height: each,
                link: "overview_weeks",
                compact: true,
            },
            false,
        );
        let summary = weekly_hours_summary(
            &category.name,
            &view.derived.weekly_hours,
            Some(category.id),
            target,
            view.today,
        );
        widgets::set_accessible_name(&response, egui::Role::Image, &summary);
    }
}

fn month_card(ui: &mut Ui, view: &PlanView<'_>, overview: &Overview, chart: f32) {
    if view.plan.expenses.is_empty() {
        empty(ui, "No expenses yet — add one on the Budget tab.");
        return;
    }
    let response = super::budget::charts::monthly_chart_ui(ui, view, chart - 36.0, false, true);
    let summary = monthly_spend_summary(view.plan, &view.derived.monthly_spend, view.today);
    widgets::set_accessible_name(&response, egui::Role::Image, &summary);
    let month = overview.month;
    let text = month.describe(&view.plan.currency_symbol);
    let colour = if month.is_over() {
        widgets::OVER_BUDGET
    } else {
        ui.visuals().text_color()
    };
    ui.label(RichText::new(text).color(colour).small());
}

fn cumulative_card(ui: &mut Ui, view: &PlanView<'_>, overview: &Overview, chart: f32) {
    if view.plan.expenses.is_empty() {
        empty(ui, "No expenses yet — add one on the Budget tab.");
        return;
    }
    let response = super::budget::charts::cumulative_chart_ui(ui, view, chart - 36.0, false, true);
    let summary = cumulative_spend_summary(view.plan, &view.derived.monthly_spend, view.today);
    widgets::set_accessible_name(&response, egui::Role::Image, &summary);
    let spend = overview.spend_forecast;
    let colour = if spend.is_over() {
        widgets::OVER_BUDGET
    } else {
        ui.visuals().text_color()
    };
    ui.label(
        RichText::new(spend.describe(&view.plan.currency_symbol))
            .color(colour)
            .small(),
    );
}

fn phases_card(ui: &mut Ui, view: &PlanView<'_>, overview: &Overview, chart: f32) {
    if view.plan.phases.is_empty() {
        empty(ui, "This plan has no phases.");
        return;
    }
    charts::phases_ui(ui, view, chart - 36.0);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let key = |ui: &mut Ui, text: &str, colour| {
            ui.label(RichText::new(text).small().color(colour));
        };
        key(ui, "dot: done", widgets::IN_RANGE);
        key(
            ui,
            "· ring: end of its planned quarter",
            ui.visuals().weak_text_color(),
        );
        key(ui, "· cross: late", widgets::OVER_BUDGET);
        key(ui, "· line: today", widgets::UNDER);
    });
    let in_progress: Vec<String> = view
        .plan
        .phases
        .iter()
        .filter(|phase| phase.status == PhaseStatus::InProgress)
        .map(|phase| format!("{}: {}", phase.number, phase.name))
        .collect();
    let text = if in_progress.is_empty() {
        format!("{} phases done", overview.phases_done)
    } else {
        format!(
            "{} phases done · in progress: {}",
            overview.phases_done,
            in_progress.join(", ")
        )
    };
    ui.label(RichText::new(text).weak().small());
}

fn metrics_line(ui: &mut Ui, view: &PlanView<'_>, overview: &Overview) {
    let met = overview
        .metrics
        .iter()
        .filter(|(_, status)| status.met)
        .count();
    ui.label(
        RichText::new(format!(
            "Success metrics: {met} of {} met",
            overview.metrics.len()
        ))
        .strong(),
    );
    for (id, status) in &overview.metrics {
        let name = view
            .plan
            .success_metrics
            .iter()
            .find(|metric| metric.id == *id)
            .map_or("?", |metric| metric.name.as_str());
        let mark = if status.met { "[x]" } else { "[ ]" };
        ui.label(RichText::new(format!("{mark} {name} ({})", status.progress)).small())
            .on_hover_text(&status.evidence);
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

fn forecasts_ui(ui: &mut Ui, view: &PlanView<'_>, figures: &Overview) {
    let phases = match figures.phase_forecast {
        PhaseForecast::NoPhases => "No phases to forecast.".to_owned(),
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
    // The spend's forecast is under the cumulative spend, beside this card.
}

fn progress_ui(ui: &mut Ui, view: &PlanView<'_>, figures: &Overview) {
    // Lanes on the left, quarters and phases on the right: two short
    // columns fit a card where one long one would not.
    let bar = ((ui.available_width() - 24.0) / 2.0 - 90.0).clamp(60.0, 220.0);
    ui.horizontal_top(|ui| {
        egui::Grid::new("overview_progress_lanes")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(RichText::new("Whole plan").strong());
                progress_bar(ui, "Whole plan", figures.plan_progress, bar);
                ui.end_row();
                for (lane, progress) in &figures.lanes {
                    let name = view.plan.lane(*lane).map_or("?", |lane| lane.name.as_str());
                    ui.label(name);
                    progress_bar(ui, &format!("Lane {name}"), *progress, bar);
                    ui.end_row();
                }
            });
        egui::Grid::new("overview_progress_quarters")
            .num_columns(2)
            .show(ui, |ui| {
                for quarter in Quarter::ALL {
                    ui.label(quarter.label());
                    progress_bar(
                        ui,
                        &format!("Quarter {quarter}"),
                        figures.quarters[quarter.index()],
                        bar,
                    );
                    ui.end_row();
                }
                ui.label("Phases");
                progress_bar(ui, "Phases", figures.phases_done, bar);
                ui.end_row();
            });
    });
}

fn reviews_ui(ui: &mut Ui, view: &PlanView<'_>, figures: &Overview) {
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

fn next_tasks_ui(ui: &mut Ui, view: &PlanView<'_>, figures: &Overview) {
    ui.label(RichText::new("Next tasks due").strong());
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

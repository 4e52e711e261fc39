//! The Time tab's charts: weekly hours of each category, and of all of them
//! together, against the target bands.

use egui::{RichText, Ui};

use crate::model::TimeEntry;
use crate::model::calendar::IsoWeek;
use crate::model::format::{format_date, format_hours, format_hours_range};
use crate::model::summaries::weekly_hours_summary;
use crate::model::time::{TargetState, plan_weeks, target_state};
use crate::ui::PlanView;
use crate::ui::ledger::{LedgerRow, charts_heading_ui, no_charts_yet_ui};
use crate::ui::widgets::{self, hours_state_colour, hours_state_label};

/// The charts, one per category and one for the total, with their heading.
/// `reset` is set by the heading's "Reset zoom" and taken by the charts.
pub(super) fn charts_ui(ui: &mut Ui, view: &PlanView<'_>, reset: &mut bool) {
    charts_heading_ui(ui, "Hours per week", reset);
    if view.derived.weekly_hours.is_empty() {
        no_charts_yet_ui(ui, TimeEntry::LABELS.nothing_yet);
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Bars:").weak());
        for state in [TargetState::Under, TargetState::InRange, TargetState::Over] {
            widgets::swatch(ui, hours_state_colour(state));
            ui.label(RichText::new(hours_state_label(state)).weak());
        }
        ui.label(RichText::new("· the shaded band is the weekly target").weak());
    });
    let weeks = plan_weeks(view.plan.start_date);
    let reset = std::mem::take(reset);
    let categories = &view.plan.time_categories;
    let plots = categories.len() + 1;
    let height = ((ui.available_height() - 8.0) / plots as f32).max(110.0);
    egui::ScrollArea::vertical()
        .id_salt("time_chart_scroll")
        .show(ui, |ui| {
            for category in categories {
                let hours: Vec<f64> = weeks
                    .iter()
                    .map(|week| view.derived.weekly_hours.hours(*week, category.id))
                    .collect();
                let target = (category.weekly_min_hours, category.weekly_max_hours);
                let response = week_chart_ui(
                    ui,
                    &WeekChart {
                        name: &category.name,
                        weeks: &weeks,
                        hours: &hours,
                        target,
                        height,
                        link: "time_weeks",
                        compact: false,
                    },
                    reset,
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
            let totals: Vec<f64> = weeks
                .iter()
                .map(|week| view.derived.weekly_hours.total(*week))
                .collect();
            let response = week_chart_ui(
                ui,
                &WeekChart {
                    name: "Total",
                    weeks: &weeks,
                    hours: &totals,
                    target: view.derived.weekly_target_hours,
                    height,
                    link: "time_weeks",
                    compact: false,
                },
                reset,
            );
            let summary = weekly_hours_summary(
                "All categories",
                &view.derived.weekly_hours,
                None,
                view.derived.weekly_target_hours,
                view.today,
            );
            widgets::set_accessible_name(&response, egui::Role::Image, &summary);
        });
}

/// One chart of hours per week against a target band.
pub(crate) struct WeekChart<'a> {
    pub name: &'a str,
    pub weeks: &'a [IsoWeek],
    pub hours: &'a [f64],
    pub target: (f64, f64),
    pub height: f32,
    /// Charts sharing this move and zoom together.
    pub link: &'a str,
    /// For the Overview's small cards: no legend, no axis title, fixed.
    pub compact: bool,
}

/// What the bar at `argument` says when hovered.
fn week_bar_text(weeks: &[IsoWeek], argument: f64, hours: f64, (min, max): (f64, f64)) -> String {
    let index = argument.round();
    let week = (index >= 0.0).then(|| weeks.get(index as usize)).flatten();
    week.map_or_else(String::new, |week| {
        format!(
            "Week of {} ({week})\n{} · target {} · {}",
            format_date(week.monday()),
            format_hours(hours),
            format_hours_range(min, max),
            hours_state_label(target_state(hours, min, max))
        )
    })
}

pub(crate) fn week_chart_ui(ui: &mut Ui, chart: &WeekChart<'_>, reset: bool) -> egui::Response {
    use egui_plot::{Bar, BarChart, FilledArea, Legend, Plot};

    let WeekChart {
        name,
        weeks,
        hours,
        target: (min, max),
        height,
        link,
        compact,
    } = *chart;

    let xs: Vec<f64> = (0..weeks.len()).map(|index| index as f64).collect();
    // A bar's words are written only when it is hovered, not for every
    // bar of every chart each frame.
    let bars: Vec<Bar> = hours
        .iter()
        .enumerate()
        .map(|(index, &value)| {
            Bar::new(index as f64, value)
                .width(0.8)
                .fill(hours_state_colour(target_state(value, min, max)).gamma_multiply(0.85))
        })
        .collect();
    let weeks_for_bars = weeks.to_vec();
    let bar_text = move |bar: &Bar, _chart: &BarChart| {
        week_bar_text(&weeks_for_bars, bar.argument, bar.value, (min, max))
    };
    let band_low = vec![min; xs.len()];
    let band_high = vec![max; xs.len()];
    let weeks_for_axis = weeks.to_vec();
    let mut plot = Plot::new(("week_chart", link, name))
        .height(height)
        .link_axis(egui::Id::unique(link), [true, false])
        .link_cursor(egui::Id::unique(link), [true, false])
        .include_y(0.0)
        .include_y(max * 1.2)
        .x_axis_formatter(move |mark, _range| {
            let index = mark.value.round();
            if (mark.value - index).abs() > 1e-6 || index < 0.0 {
                return String::new();
            }
            weeks_for_axis
                .get(index as usize)
                .map_or_else(String::new, |week| {
                    week.monday().format("%-d %b").to_string()
                })
        })
        // Bars say what they are on hover; elsewhere a coordinate means nothing.
        .label_formatter(|_| None)
        .allow_scroll(false);
    plot = if compact {
        plot.y_axis_min_width(18.0)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_boxed_zoom(false)
    } else {
        plot.legend(Legend::default().position(egui_plot::Corner::LeftTop))
            .y_axis_label("hours")
    };
    if reset {
        plot = plot.reset();
    }
    plot.show(ui, |plot_ui| {
        plot_ui.add(
            FilledArea::new(
                format!("{name} target {}", format_hours_range(min, max)),
                &xs,
                &band_low,
                &band_high,
            )
            .fill_color(widgets::IN_RANGE.gamma_multiply(0.18)),
        );
        plot_ui.bar_chart(
            BarChart::new(format!("{name} hours"), bars)
                .color(widgets::IN_RANGE)
                .element_formatter(Box::new(bar_text)),
        );
    })
    .response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hovered_bar_says_its_week_hours_and_target() {
        let weeks = [
            IsoWeek {
                year: 2026,
                week: 46,
            },
            IsoWeek {
                year: 2026,
                week: 47,
            },
        ];
        let monday = format_date(weeks[1].monday());
        assert_eq!(
            week_bar_text(&weeks, 1.0, 12.5, (15.0, 20.0)),
            format!("Week of {monday} (2026-W47)\n12.5 h · target 15–20 h · under")
        );
        assert_eq!(week_bar_text(&weeks, 2.0, 1.0, (15.0, 20.0)), "");
        assert_eq!(week_bar_text(&weeks, -1.0, 1.0, (15.0, 20.0)), "");
    }
}

//! The Budget tab's charts: spend per month stacked by line against the
//! run-rate, and cumulative spend against the cumulative budget.

use egui::{RichText, Ui};

use crate::model::Expense;
use crate::model::calendar::YearMonth;
use crate::model::money::{
    cumulative_budget_cents, cumulative_spend_cents, months_elapsed, months_over_run_rate,
    plan_months, projected_year_end_cents,
};
use crate::model::summaries::{cumulative_spend_summary, monthly_spend_summary};
use crate::ui::PlanView;
use crate::ui::ledger::{LedgerRow, charts_heading_ui, no_charts_yet_ui};
use crate::ui::widgets;

/// Both charts under one heading. `reset` is set by the heading's "Reset
/// zoom" and taken by the charts.
pub(super) fn charts_ui(ui: &mut Ui, view: &PlanView<'_>, reset: &mut bool) {
    charts_heading_ui(ui, "Spend per month", reset);
    if view.plan.expenses.is_empty() {
        no_charts_yet_ui(ui, Expense::LABELS.nothing_yet);
        return;
    }
    let reset = std::mem::take(reset);
    let height = ((ui.available_height() - 40.0) / 2.0).max(140.0);
    egui::ScrollArea::vertical()
        .id_salt("budget_charts_scroll")
        .show(ui, |ui| {
            let monthly = monthly_chart_ui(ui, view, height, reset, false);
            let summary = monthly_spend_summary(view.plan, &view.derived.monthly_spend, view.today);
            widgets::set_accessible_name(&monthly, egui::Role::Image, &summary);
            ui.label(RichText::new("Cumulative spend").heading());
            let cumulative = cumulative_chart_ui(ui, view, height, reset, false);
            let summary =
                cumulative_spend_summary(view.plan, &view.derived.monthly_spend, view.today);
            widgets::set_accessible_name(&cumulative, egui::Role::Image, &summary);
        });
}

/// Spend per month stacked by line against the run-rate; `compact` for the
/// Overview's small card (no legend, no axis title, fixed in place).
pub(crate) fn monthly_chart_ui(
    ui: &mut Ui,
    view: &PlanView<'_>,
    height: f32,
    reset: bool,
    compact: bool,
) -> egui::Response {
    use egui_plot::{Bar, BarChart, HLine, Legend, Plot};

    let months = plan_months(view.plan.start_date);
    let spend = &view.derived.monthly_spend;
    let over: Vec<YearMonth> = months_over_run_rate(view.plan, spend);
    let palette = line_palette();
    let mut charts: Vec<BarChart> = Vec::new();
    for (index, line) in view.plan.budget_lines.iter().enumerate() {
        let colour = palette[index % palette.len()];
        let bars: Vec<Bar> = months
            .iter()
            .enumerate()
            .map(|(x, month)| {
                let cents = spend.cents(*month, line.id);
                let mut label = format!(
                    "{} · {}: {}\nmonth total {}",
                    month.label(),
                    line.name,
                    view.money(cents),
                    view.money(spend.total(*month))
                );
                if over.contains(month) {
                    label.push_str(" · over the run-rate");
                }
                Bar::new(x as f64, cents as f64 / 100.0)
                    .width(0.7)
                    .name(label)
            })
            .collect();
        let chart = BarChart::new(line.name.clone(), bars)
            .color(colour)
            .element_formatter(Box::new(|bar, _| bar.name.clone()));
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = chart.stack_on(&below);
        charts.push(chart);
    }
    let month_labels: Vec<String> = months.iter().map(|month| month.label()).collect();
    let mut plot = Plot::new(("monthly_spend", compact))
        .height(height)
        .x_axis_formatter(month_axis(month_labels))
        .label_formatter(|_| None)
        .include_y(0.0)
        .include_y(view.derived.run_rate_cents as f64 / 100.0 * 1.3)
        .allow_scroll(false);
    plot = if compact {
        plot.allow_drag(false)
            .allow_zoom(false)
            .allow_boxed_zoom(false)
    } else {
        plot.legend(Legend::default().position(egui_plot::Corner::RightTop))
            .y_axis_label(format!("{} per month", view.plan.currency_symbol))
    };
    if reset {
        plot = plot.reset();
    }
    let run_rate = view.derived.run_rate_cents as f64 / 100.0;
    let run_rate_name = format!("Run-rate {}", view.money(view.derived.run_rate_cents));
    let over_marks: Vec<f64> = over
        .iter()
        .filter_map(|month| months.iter().position(|candidate| candidate == month))
        .map(|x| x as f64)
        .collect();
    plot.show(ui, |plot_ui| {
        for chart in charts {
            plot_ui.bar_chart(chart);
        }
        plot_ui.hline(
            HLine::new(run_rate_name, run_rate)
                .color(widgets::OVER_BUDGET.gamma_multiply(0.8))
                .width(1.5),
        );
        if !over_marks.is_empty() {
            let points: Vec<[f64; 2]> = over_marks.iter().map(|&x| [x, run_rate * 1.2]).collect();
            plot_ui.points(
                egui_plot::Points::new("Over the run-rate", points)
                    .shape(egui_plot::MarkerShape::Down)
                    .radius(5.0)
                    .color(widgets::OVER_BUDGET),
            );
        }
    })
    .response
}

/// Spend so far against the budget so far, with the projection; `compact`
/// as for [`monthly_chart_ui`].
pub(crate) fn cumulative_chart_ui(
    ui: &mut Ui,
    view: &PlanView<'_>,
    height: f32,
    reset: bool,
    compact: bool,
) -> egui::Response {
    use egui_plot::{HLine, Legend, Line, Plot};

    let months = plan_months(view.plan.start_date);
    let spend = &view.derived.monthly_spend;
    let elapsed = months_elapsed(view.plan.start_date, view.today);
    let cumulative = cumulative_spend_cents(spend, &months);
    let spent: Vec<[f64; 2]> = cumulative
        .iter()
        .take(elapsed.max(1))
        .enumerate()
        .map(|(x, &cents)| [x as f64, cents as f64 / 100.0])
        .collect();
    let budget: Vec<[f64; 2]> = (0..months.len())
        .map(|x| {
            [
                x as f64,
                cumulative_budget_cents(view.plan, x + 1) as f64 / 100.0,
            ]
        })
        .collect();
    let projection = projected_year_end_cents(view.plan, spend, view.today);
    let month_labels: Vec<String> = months.iter().map(|month| month.label()).collect();
    let mut plot = Plot::new(("cumulative_spend", compact))
        .height(height)
        .x_axis_formatter(month_axis(month_labels))
        .include_y(0.0)
        .allow_scroll(false);
    plot = if compact {
        plot.allow_drag(false)
            .allow_zoom(false)
            .allow_boxed_zoom(false)
    } else {
        plot.legend(Legend::default().position(egui_plot::Corner::LeftTop))
            .y_axis_label(format!("{} so far", view.plan.currency_symbol))
    };
    if reset {
        plot = plot.reset();
    }
    let annual = view.derived.annual_budget_cents as f64 / 100.0;
    let annual_name = format!(
        "Annual budget {}",
        view.money(view.derived.annual_budget_cents)
    );
    let last_spent = spent.last().copied();
    let last_x = months.len().saturating_sub(1) as f64;
    let projection_name = projection.map(|cents| format!("Projection {}", view.money(cents)));
    plot.show(ui, |plot_ui| {
        plot_ui.line(
            Line::new("Cumulative budget", budget)
                .color(widgets::IN_RANGE)
                .style(egui_plot::LineStyle::dashed_loose()),
        );
        plot_ui.line(
            Line::new("Spent", spent)
                .color(widgets::OVER_HOURS)
                .width(2.0),
        );
        if let (Some(cents), Some(name), Some([x, y])) = (projection, projection_name, last_spent) {
            plot_ui.line(
                Line::new(name, vec![[x, y], [last_x, cents as f64 / 100.0]])
                    .color(widgets::OVER_HOURS.gamma_multiply(0.6))
                    .style(egui_plot::LineStyle::dotted_dense()),
            );
        }
        plot_ui.hline(
            HLine::new(annual_name, annual)
                .color(widgets::UNDER)
                .width(1.0),
        );
    })
    .response
}

/// Labels the x axis with month names at whole numbers.
fn month_axis(
    labels: Vec<String>,
) -> impl Fn(egui_plot::GridMark, &std::ops::RangeInclusive<f64>) -> String {
    move |mark, _range| {
        let index = mark.value.round();
        if (mark.value - index).abs() > 1e-6 || index < 0.0 {
            return String::new();
        }
        labels.get(index as usize).cloned().unwrap_or_default()
    }
}

/// Colours for budget lines in the stacked chart, distinct from the state colours.
fn line_palette() -> [egui::Color32; 6] {
    [
        egui::Color32::from_rgb(0x6c, 0x8e, 0xbf),
        egui::Color32::from_rgb(0x9b, 0x7b, 0xc4),
        egui::Color32::from_rgb(0x4f, 0xa3, 0xa5),
        egui::Color32::from_rgb(0xc4, 0x8f, 0x6a),
        egui::Color32::from_rgb(0x8a, 0x9a, 0x5b),
        egui::Color32::from_rgb(0xb5, 0x6f, 0x8f),
    ]
}

//! The Overview's own small charts: this week's hours against the bands,
//! the phases on the plan year's timeline, and tasks done over the year.
//! The weekly and the spend charts are the Time and Budget tabs' own, in
//! their compact form.

use chrono::NaiveDate;
use egui::Ui;
use egui_plot::{
    Bar, BarChart, HoverPosition, Legend, Line, LineStyle, MarkerShape, Plot, Points, Polygon,
    VLine,
};

use crate::model::calendar::{plan_end, quarter_end};
use crate::model::format::{format_date, format_hours, format_hours_range};
use crate::model::progress::BurnUp;
use crate::model::time::target_state;
use crate::model::{Phase, PhaseStatus};
use crate::ui::PlanView;
use crate::ui::widgets::{self, hours_state_colour, hours_state_label};

/// Plots on a card are looked at, not worked in: no dragging or zooming
/// that would need a Reset to undo.
fn fixed(plot: Plot<'_>, height: f32) -> Plot<'_> {
    plot.height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .y_axis_min_width(18.0)
}

/// A bar per category, this week's hours with the running timer, over its
/// target band; the summary names them all.
pub(super) fn this_week_ui(ui: &mut Ui, view: &PlanView<'_>, height: f32) -> egui::Response {
    let categories = &view.plan.time_categories;
    let mut summary = Vec::new();
    let mut bars = Vec::new();
    let mut bands = Vec::new();
    let mut top: f64 = 1.0;
    for (index, category) in categories.iter().enumerate() {
        let x = index as f64;
        let (min, max) = (category.weekly_min_hours, category.weekly_max_hours);
        let hours = view.hours_now(Some(category.id)).week;
        let state = target_state(hours, min, max);
        top = top.max(hours).max(max);
        let said = format!(
            "{}: {} of {} ({})",
            category.name,
            format_hours(hours),
            format_hours_range(min, max),
            hours_state_label(state)
        );
        bars.push(
            Bar::new(x, hours)
                .width(0.45)
                .fill(hours_state_colour(state).gamma_multiply(0.85))
                .name(said.clone()),
        );
        // The band a little wider than the bar, so both show.
        bands.push(Polygon::new(
            format!("{} target", category.name),
            vec![
                [x - 0.35, min],
                [x + 0.35, min],
                [x + 0.35, max.max(min + top * 0.01)],
                [x - 0.35, max.max(min + top * 0.01)],
            ],
        ));
        summary.push(said);
    }
    // Short, so every bar keeps its name under it.
    let names: Vec<String> = categories
        .iter()
        .map(|category| {
            let name = category.name.as_str();
            match name.char_indices().nth(11) {
                Some((cut, _)) => format!("{}…", &name[..cut]),
                None => name.to_owned(),
            }
        })
        .collect();
    let plot = fixed(Plot::new("overview_this_week"), height)
        .include_y(0.0)
        .include_y(top * 1.15)
        .include_x(-0.6)
        .include_x(categories.len() as f64 - 0.4)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .x_axis_formatter(move |mark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() > 1e-6 || index < 0.0 {
                return String::new();
            }
            names.get(index as usize).cloned().unwrap_or_default()
        })
        .label_formatter(|_| None);
    let response = plot
        .show(ui, |plot_ui| {
            for band in bands {
                plot_ui.polygon(
                    band.fill_color(widgets::IN_RANGE.gamma_multiply(0.18))
                        .stroke(egui::Stroke::NONE),
                );
            }
            plot_ui.bar_chart(
                BarChart::new("Hours this week", bars)
                    .element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
        })
        .response;
    let summary = format!("This week's hours: {}", summary.join("; "));
    widgets::set_accessible_name(&response, egui::Role::Image, &summary);
    response
}

/// Each phase on the plan year: where its planned quarter ends (a ring) and
/// the day it was done (a dot); one not done past its quarter is marked late.
pub(super) fn phases_ui(ui: &mut Ui, view: &PlanView<'_>, height: f32) -> egui::Response {
    let plan = view.plan;
    let start = plan.start_date;
    let day = |date: chrono::NaiveDate| (date - start).num_days() as f64;
    let mut planned = Vec::new();
    let mut done = Vec::new();
    let mut late = Vec::new();
    for phase in &plan.phases {
        let y = f64::from(phase.number);
        let due = quarter_end(start, phase.quarter);
        planned.push([day(due), y]);
        match (phase.status, phase.done_on) {
            (PhaseStatus::Done, Some(on)) => done.push([day(on), y]),
            (PhaseStatus::Done, None) => {}
            _ if due < view.today => late.push([day(due), y]),
            _ => {}
        }
    }
    let late_count = late.len();
    let done_count = plan
        .phases
        .iter()
        .filter(|phase| phase.status == PhaseStatus::Done)
        .count();
    let year_days = day(plan_end(start));
    let today = day(view.today);
    let axis_start = start;
    // The hover needs the phases alone: a clone of the plan each frame
    // would cost a heavy plan more than the whole dashboard.
    let hover_phases = plan.phases.clone();
    let plot = fixed(Plot::new("overview_phases"), height)
        .include_x(0.0)
        .include_x(year_days)
        .include_y(-0.5)
        .include_y(
            plan.phases
                .iter()
                .map(|p| f64::from(p.number))
                .fold(0.0, f64::max)
                + 0.5,
        )
        .x_axis_formatter(move |mark, _| month_label(axis_start, mark.value))
        .y_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .label_formatter(move |hover| match hover {
            HoverPosition::NearDataPoint { position, .. } => {
                phase_hover(&hover_phases, start, position.y)
            }
            HoverPosition::Elsewhere { .. } => None,
        });
    let response = plot
        .show(ui, |plot_ui| {
            plot_ui.points(
                Points::new("Planned (end of its quarter)", planned)
                    .shape(MarkerShape::Circle)
                    .filled(false)
                    .radius(3.5)
                    .color(egui::Color32::GRAY),
            );
            plot_ui.points(
                Points::new("Done", done)
                    .shape(MarkerShape::Circle)
                    .radius(3.5)
                    .color(widgets::IN_RANGE),
            );
            if !late.is_empty() {
                plot_ui.points(
                    Points::new("Late", late)
                        .shape(MarkerShape::Cross)
                        .radius(5.0)
                        .color(widgets::OVER_BUDGET),
                );
            }
            plot_ui.vline(VLine::new("Today", today).color(widgets::UNDER).width(1.0));
        })
        .response;
    let summary = format!(
        "Phases: {done_count} of {} done, {late_count} late (not done by the end of their \
         planned quarter)",
        plan.phases.len()
    );
    widgets::set_accessible_name(&response, egui::Role::Image, &summary);
    response
}

/// What the pointer is over on the phase timeline: the phase of that row.
fn phase_hover(phases: &[Phase], start: NaiveDate, y: f64) -> Option<String> {
    let number = y.round();
    let phase = phases
        .iter()
        .find(|phase| f64::from(phase.number) == number)?;
    let planned = format!(
        "planned by the end of {} ({})",
        phase.quarter,
        format_date(quarter_end(start, phase.quarter))
    );
    let state = match (phase.status, phase.done_on) {
        (PhaseStatus::Done, Some(on)) => format!("done {}", format_date(on)),
        (PhaseStatus::Done, None) => "done".to_owned(),
        (PhaseStatus::InProgress, _) => "in progress".to_owned(),
        (PhaseStatus::NotStarted, _) => "not started".to_owned(),
    };
    Some(format!(
        "Phase {}: {}\n{planned}; {state}",
        phase.number, phase.name
    ))
}

/// A burn-up ready to draw: its name, a point per week up to today (days
/// since the start, tasks done), and its counts. Worked out when the plan
/// changes, so a frame draws a few dozen points rather than a day each.
pub(super) struct BurnLine {
    pub name: String,
    pub points: Vec<[f64; 2]>,
    pub done: usize,
    pub total: usize,
}

impl BurnLine {
    pub(super) fn of(name: String, burn: &BurnUp, start: NaiveDate, today: NaiveDate) -> BurnLine {
        let year_days = (plan_end(start) - start).num_days();
        let until = (today - start).num_days().clamp(0, year_days);
        let mut points = Vec::new();
        let mut ticked = burn.points.iter().peekable();
        let mut done = burn.undated;
        let mut day = 0;
        loop {
            while let Some(&&(on, count)) = ticked.peek() {
                if on > day {
                    break;
                }
                done = burn.undated + count;
                ticked.next();
            }
            points.push([day as f64, done as f64]);
            if day >= until {
                break;
            }
            day = (day + 7).min(until);
        }
        BurnLine {
            name,
            points,
            done: burn.done,
            total: burn.total,
        }
    }
}

/// Tasks done over the plan year, for the plan and each lane, against an
/// even line from none at the start to all at the end.
pub(super) fn burn_up_ui(
    ui: &mut Ui,
    view: &PlanView<'_>,
    lines: &[BurnLine],
    height: f32,
) -> egui::Response {
    let start = view.plan.start_date;
    let year_days = (plan_end(start) - start).num_days() as f64;
    let today = (view.today - start).num_days() as f64;
    let total = lines.first().map_or(0, |line| line.total);
    let axis_start = start;
    let hover_start = start;
    let plot = fixed(Plot::new("overview_burn_up"), height)
        .include_x(0.0)
        .include_x(year_days)
        .include_y(0.0)
        .include_y(total as f64 * 1.05)
        .x_axis_formatter(move |mark, _| month_label(axis_start, mark.value))
        .label_formatter(move |hover| match hover {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } if !plot_name.is_empty() => {
                let day = hover_start + chrono::Days::new(position.x.max(0.0).round() as u64);
                Some(format!(
                    "{plot_name}\n{}: {:.0} tasks done",
                    format_date(day),
                    position.y
                ))
            }
            _ => None,
        })
        .legend(Legend::default().position(egui_plot::Corner::RightBottom));
    let palette = [
        egui::Color32::from_rgb(0x6c, 0x8e, 0xbf),
        egui::Color32::from_rgb(0x9b, 0x7b, 0xc4),
        egui::Color32::from_rgb(0x4f, 0xa3, 0xa5),
        egui::Color32::from_rgb(0xc4, 0x8f, 0x6a),
    ];
    let response = plot
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new("Even pace", vec![[0.0, 0.0], [year_days, total as f64]])
                    .color(egui::Color32::GRAY)
                    .style(LineStyle::dashed_loose()),
            );
            for (index, line) in lines.iter().enumerate() {
                let (colour, width) = if index == 0 {
                    (widgets::IN_RANGE, 2.2)
                } else {
                    (palette[(index - 1) % palette.len()], 1.2)
                };
                plot_ui.line(
                    Line::new(line.name.clone(), line.points.clone())
                        .color(colour)
                        .width(width),
                );
            }
            plot_ui.vline(VLine::new("", today).color(widgets::UNDER).width(1.0));
        })
        .response;
    let counts: Vec<String> = lines
        .iter()
        .map(|line| format!("{} {} of {}", line.name, line.done, line.total))
        .collect();
    let even = if year_days > 0.0 {
        (total as f64 * today.clamp(0.0, year_days) / year_days).round()
    } else {
        0.0
    };
    let summary = format!(
        "Tasks done: {}; an even pace would have {even:.0} done by today",
        counts.join(", ")
    );
    widgets::set_accessible_name(&response, egui::Role::Image, &summary);
    response
}

/// "Mar" at the first of each month of the plan year, nothing elsewhere.
fn month_label(start: chrono::NaiveDate, value: f64) -> String {
    if value < 0.0 {
        return String::new();
    }
    let day = start + chrono::Days::new(value.round() as u64);
    day.format("%b").to_string()
}

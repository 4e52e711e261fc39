//! The Metrics & reviews tab: the success metrics, the review cadences and
//! the review log.

use egui::{RichText, Ui};

use super::PlanView;
use super::widgets::{progress_bar, section_heading};
use crate::model::MetricMeasure;
use crate::model::format::format_date;
use crate::model::progress::lane_progress;

pub fn ui(ui: &mut Ui, view: &PlanView<'_>) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("metrics_scroll")
        .show(ui, |ui| {
            section_heading(ui, "Success metrics");
            if view.plan.success_metrics.is_empty() {
                ui.label(RichText::new("This plan has no success metrics.").weak());
            }
            for metric in &view.plan.success_metrics {
                ui.horizontal(|ui| {
                    match metric.measure {
                        MetricMeasure::Manual { done } => {
                            // Ticking by hand arrives with the metrics issue; shown read-only.
                            let mut done = done;
                            ui.add_enabled(false, egui::Checkbox::new(&mut done, &metric.name));
                        }
                        MetricMeasure::PhasesDone => {
                            ui.label(&metric.name);
                            progress_bar(ui, &metric.name, view.derived.phases_done, 160.0);
                            ui.label(RichText::new("derived from the phases").weak());
                        }
                        MetricMeasure::LaneTasksDone { lane } => {
                            ui.label(&metric.name);
                            if let Some(lane) = view.plan.lane(lane) {
                                progress_bar(ui, &metric.name, lane_progress(lane), 160.0);
                                ui.label(RichText::new(format!("tasks of {}", lane.name)).weak());
                            }
                        }
                        MetricMeasure::WeeksInRange { weeks } => {
                            ui.label(&metric.name);
                            ui.label(
                                RichText::new(format!(
                                    "weeks with hours in range, of the last {weeks}"
                                ))
                                .weak(),
                            );
                        }
                        MetricMeasure::MonthsWithinRunRate { months } => {
                            ui.label(&metric.name);
                            ui.label(
                                RichText::new(format!(
                                    "months within the run-rate, of the last {months}"
                                ))
                                .weak(),
                            );
                        }
                    }
                });
            }

            section_heading(ui, "Review cadence");
            egui::Grid::new("cadences")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for cadence in &view.plan.review_cadences {
                        ui.label(RichText::new(cadence.period.label()).strong());
                        ui.label(&cadence.purpose);
                        ui.end_row();
                    }
                });

            section_heading(ui, "Review log");
            if view.plan.reviews.is_empty() {
                ui.label(RichText::new("No reviews yet.").weak());
            }
            for review in view.plan.reviews.iter().rev() {
                ui.label(
                    RichText::new(format!(
                        "{} · {} review",
                        format_date(review.date),
                        review.period.label()
                    ))
                    .strong(),
                );
                if !review.notes.is_empty() {
                    ui.label(&review.notes);
                }
            }
        });
}

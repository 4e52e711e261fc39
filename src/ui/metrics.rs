//! The Metrics & reviews tab: the success metrics (ticked by hand or derived
//! from the data, with the evidence), the review cadences with what is due,
//! the review form with its frozen summary, and the review log.

use egui::{RichText, Ui};

use super::widgets::{self, count, progress_bar, section_heading, set_accessible_name};
use super::{PlanView, fresh_id_candidate};
use crate::model::calendar::plan_end;
use crate::model::command::{Command, MetricCommand};
use crate::model::format::format_date;
use crate::model::overview::metric_progress;
use crate::model::review::{cadence_statuses, days, period_summary};
use crate::model::year_end::{YEAR_END_PURPOSE, year_end_review, year_end_summary};
use crate::model::{LaneId, MetricId, MetricMeasure, Period, Review, ReviewId, SuccessMetric};

#[derive(Default)]
pub struct MetricsTab {
    /// A metric being added (`metric: None`) or edited.
    form: Option<MetricForm>,
    /// The review being written.
    review: Option<ReviewForm>,
    /// A cadence's purpose being edited.
    purpose: Option<(Period, String)>,
}

/// The kinds of measure, as the form offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Manual,
    PhasesDone,
    LaneTasksDone,
    WeeksInRange,
    MonthsWithinRunRate,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::Manual,
        Kind::PhasesDone,
        Kind::LaneTasksDone,
        Kind::WeeksInRange,
        Kind::MonthsWithinRunRate,
    ];

    fn label(self) -> &'static str {
        match self {
            Kind::Manual => "Ticked by hand",
            Kind::PhasesDone => "Phases done",
            Kind::LaneTasksDone => "Tasks of a lane done",
            Kind::WeeksInRange => "Weeks with every target reached",
            Kind::MonthsWithinRunRate => "Months within the run-rate",
        }
    }
}

struct MetricForm {
    metric: Option<MetricId>,
    name: String,
    kind: Kind,
    lane: Option<LaneId>,
    /// Weeks or months looked back over.
    span: u32,
    done: bool,
}

impl MetricForm {
    fn of(metric: &SuccessMetric) -> MetricForm {
        let (kind, lane, span, done) = match metric.measure {
            MetricMeasure::Manual { done } => (Kind::Manual, None, 4, done),
            MetricMeasure::PhasesDone => (Kind::PhasesDone, None, 4, false),
            MetricMeasure::LaneTasksDone { lane } => (Kind::LaneTasksDone, Some(lane), 4, false),
            MetricMeasure::WeeksInRange { weeks } => (Kind::WeeksInRange, None, weeks, false),
            MetricMeasure::MonthsWithinRunRate { months } => {
                (Kind::MonthsWithinRunRate, None, months, false)
            }
        };
        MetricForm {
            metric: Some(metric.id),
            name: metric.name.clone(),
            kind,
            lane,
            span,
            done,
        }
    }

    fn measure(&self) -> Option<MetricMeasure> {
        Some(match self.kind {
            Kind::Manual => MetricMeasure::Manual { done: self.done },
            Kind::PhasesDone => MetricMeasure::PhasesDone,
            Kind::LaneTasksDone => MetricMeasure::LaneTasksDone { lane: self.lane? },
            Kind::WeeksInRange => MetricMeasure::WeeksInRange { weeks: self.span },
            Kind::MonthsWithinRunRate => MetricMeasure::MonthsWithinRunRate { months: self.span },
        })
    }
}

struct ReviewForm {
    period: Period,
    /// Frozen when the form opened: what the period looked like that day.
    summary: String,
    notes: String,
}

impl MetricsTab {
    pub fn ui(&mut self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .id_salt("metrics_scroll")
            .show(ui, |ui| {
                self.metrics_ui(ui, view, commands);
                ui.add_space(8.0);
                self.cadences_ui(ui, view, commands);
                ui.add_space(8.0);
                review_log_ui(ui, view, commands);
            });
        self.review_form_ui(ui.ctx(), view, commands);
    }

    fn metrics_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        section_heading(ui, "Success metrics");
        if view.plan.success_metrics.is_empty() {
            ui.label(RichText::new("This plan has no success metrics yet.").weak());
        }
        let count_metrics = view.plan.success_metrics.len();
        for (index, metric) in view.plan.success_metrics.iter().enumerate() {
            if self
                .form
                .as_ref()
                .is_some_and(|form| form.metric == Some(metric.id))
            {
                self.metric_form_ui(ui, view, commands);
                continue;
            }
            let status = metric_progress(
                view.plan,
                &view.derived.weekly_hours,
                &view.derived.monthly_spend,
                metric.measure,
                view.today,
            );
            ui.horizontal(|ui| {
                if let MetricMeasure::Manual { done } = metric.measure {
                    let mut ticked = done;
                    if ui.checkbox(&mut ticked, &metric.name).changed() {
                        commands.push(Command::Metrics(MetricCommand::SetMetricDone {
                            metric: metric.id,
                            done: ticked,
                        }));
                    }
                } else {
                    let name = if status.met {
                        RichText::new(&metric.name).color(widgets::IN_RANGE)
                    } else {
                        RichText::new(&metric.name)
                    };
                    ui.label(name);
                    progress_bar(ui, &metric.name, status.progress, 140.0);
                }
                let menu = ui.menu_button("…", |ui| {
                    if ui.button("Edit…").clicked() {
                        self.form = Some(MetricForm::of(metric));
                    }
                    if ui
                        .add_enabled(index > 0, egui::Button::new("Move up"))
                        .clicked()
                    {
                        commands.push(Command::Metrics(MetricCommand::MoveMetric {
                            metric: metric.id,
                            index: index - 1,
                        }));
                    }
                    if ui
                        .add_enabled(index + 1 < count_metrics, egui::Button::new("Move down"))
                        .clicked()
                    {
                        commands.push(Command::Metrics(MetricCommand::MoveMetric {
                            metric: metric.id,
                            index: index + 1,
                        }));
                    }
                    ui.separator();
                    if ui.button("Delete").clicked() {
                        commands.push(Command::Metrics(MetricCommand::DeleteMetric {
                            metric: metric.id,
                        }));
                    }
                });
                set_accessible_name(
                    &menu.response,
                    egui::Role::Button,
                    &format!("{} menu", metric.name),
                );
            });
            ui.label(RichText::new(&status.evidence).weak().small());
        }
        ui.add_space(4.0);
        if self.form.as_ref().is_some_and(|form| form.metric.is_none()) {
            self.metric_form_ui(ui, view, commands);
        } else if self.form.is_none() && ui.button("+ Add metric").clicked() {
            self.form = Some(MetricForm {
                metric: None,
                name: String::new(),
                kind: Kind::Manual,
                lane: view.plan.swimlanes.first().map(|lane| lane.id),
                span: 4,
                done: false,
            });
        }
    }

    fn metric_form_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label("Metric");
                ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(260.0))
                    .labelled_by(label.id);
                let label = ui.label("Measured by");
                egui::ComboBox::from_id_salt("metric_kind")
                    .selected_text(form.kind.label())
                    .show_ui(ui, |ui| {
                        for kind in Kind::ALL {
                            ui.selectable_value(&mut form.kind, kind, kind.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                match form.kind {
                    Kind::LaneTasksDone => {
                        let label = ui.label("Lane");
                        let selected = form
                            .lane
                            .and_then(|id| view.plan.lane(id))
                            .map_or("—", |lane| lane.name.as_str());
                        egui::ComboBox::from_id_salt("metric_lane")
                            .selected_text(selected)
                            .show_ui(ui, |ui| {
                                for lane in &view.plan.swimlanes {
                                    ui.selectable_value(&mut form.lane, Some(lane.id), &lane.name);
                                }
                            })
                            .response
                            .labelled_by(label.id);
                    }
                    Kind::WeeksInRange | Kind::MonthsWithinRunRate => {
                        let label = ui.label("of the last");
                        let (unit, most) = if form.kind == Kind::WeeksInRange {
                            (" weeks", 520)
                        } else {
                            (" months", 120)
                        };
                        ui.add(
                            egui::DragValue::new(&mut form.span)
                                .range(1..=most)
                                .suffix(unit),
                        )
                        .labelled_by(label.id);
                    }
                    Kind::Manual | Kind::PhasesDone => {}
                }
            });
            ui.horizontal(|ui| {
                if ui.button("Save metric").clicked()
                    && let Some(measure) = form.measure()
                {
                    let command = match form.metric {
                        Some(metric) => MetricCommand::EditMetric {
                            metric,
                            name: form.name.clone(),
                            measure,
                        },
                        None => MetricCommand::AddMetric {
                            metric: view.plan.unused_metric_id(super::fresh_id_candidate()),
                            name: form.name.clone(),
                            measure,
                        },
                    };
                    commands.push(Command::Metrics(command));
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.form = None;
        }
    }

    fn cadences_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        section_heading(ui, "Review cadence");
        let statuses = cadence_statuses(view.plan, view.today);
        if statuses.is_empty() {
            ui.label(RichText::new("This plan has no review cadence.").weak());
        }
        let has_yearly_cadence = statuses
            .iter()
            .any(|status| status.period == Period::Yearly);
        egui::Grid::new("cadences")
            .num_columns(4)
            .striped(true)
            .show(ui, |ui| {
                for status in statuses {
                    ui.label(RichText::new(status.period.label()).strong());
                    match &mut self.purpose {
                        Some((period, text)) if *period == status.period => {
                            let field = ui.add(egui::TextEdit::singleline(text));
                            set_accessible_name(
                                &field,
                                egui::Role::TextInput,
                                &format!("{} purpose", status.period.label()),
                            );
                            if field.lost_focus() {
                                commands.push(Command::Metrics(MetricCommand::SetCadencePurpose {
                                    period: status.period,
                                    purpose: text.clone(),
                                }));
                                self.purpose = None;
                            } else if !field.has_focus() {
                                field.request_focus();
                            }
                        }
                        _ => {
                            let purpose = ui
                                .add(egui::Label::new(&status.purpose).sense(egui::Sense::click()))
                                .on_hover_text("Double-click to edit what this review is for");
                            if purpose.double_clicked() {
                                self.purpose = Some((status.period, status.purpose.clone()));
                            }
                        }
                    }
                    let due = status.due.describe(view.today);
                    if status.due.is_due() {
                        ui.label(RichText::new(due).color(widgets::UNDER));
                    } else {
                        ui.label(RichText::new(due).weak());
                    }
                    let start = ui.button("Start review");
                    set_accessible_name(
                        &start,
                        egui::Role::Button,
                        &format!("Start {} review", status.period.label().to_lowercase()),
                    );
                    if start.clicked() {
                        self.review = Some(ReviewForm {
                            period: status.period,
                            summary: period_summary(view.plan, status.period, view.today),
                            notes: String::new(),
                        });
                    }
                    ui.end_row();
                }
                // Every plan year ends: its review is offered whether or not
                // the plan keeps a yearly cadence (which would be a row above).
                if !has_yearly_cadence {
                    self.year_end_row(ui, view);
                }
            });
    }

    fn year_end_row(&mut self, ui: &mut Ui, view: &PlanView<'_>) {
        ui.label(RichText::new(Period::Yearly.review_title()).strong());
        ui.label(YEAR_END_PURPOSE);
        let end = plan_end(view.plan.start_date);
        match year_end_review(view.plan) {
            Some(review) => {
                ui.label(RichText::new(format!("done {}", format_date(review.date))).weak());
            }
            None if view.today > end => {
                let since = end.succ_opt().unwrap_or(end);
                ui.label(
                    RichText::new(format!("due since {}", format_date(since)))
                        .color(widgets::UNDER),
                );
            }
            None => {
                ui.label(
                    RichText::new(format!(
                        "the plan year ends {} (in {})",
                        format_date(end),
                        days((end - view.today).num_days())
                    ))
                    .weak(),
                );
            }
        }
        let start = ui.button("Start review");
        set_accessible_name(&start, egui::Role::Button, "Start year-end review");
        if start.clicked() {
            self.review = Some(ReviewForm {
                period: Period::Yearly,
                summary: year_end_summary(view.plan, view.today),
                notes: String::new(),
            });
        }
        ui.end_row();
    }

    fn review_form_ui(
        &mut self,
        ctx: &egui::Context,
        view: &PlanView<'_>,
        commands: &mut Vec<Command>,
    ) {
        let Some(form) = self.review.as_mut() else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("review_form")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.label(
                RichText::new(format!(
                    "{}, {}",
                    form.period.review_title(),
                    format_date(view.today)
                ))
                .heading(),
            );
            ui.label(RichText::new("What the period looked like today:").weak());
            egui::ScrollArea::vertical()
                .id_salt("review_summary")
                .max_height(260.0)
                .show(ui, |ui| {
                    ui.label(RichText::new(&form.summary).monospace());
                });
            ui.add_space(6.0);
            let label = ui.label("Notes");
            ui.add(
                egui::TextEdit::multiline(&mut form.notes)
                    .desired_rows(5)
                    .desired_width(f32::INFINITY)
                    .hint_text("What went well, what slipped, what changes"),
            )
            .labelled_by(label.id);
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button("Save review").clicked() {
                    commands.push(Command::Metrics(MetricCommand::AddReview {
                        review: Review {
                            id: ReviewId(fresh_id_candidate()),
                            date: view.today,
                            period: form.period,
                            summary: form.summary.clone(),
                            notes: form.notes.clone(),
                        },
                    }));
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.review = None;
        }
    }
}

fn review_log_ui(ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
    section_heading(ui, "Review log");
    if view.plan.reviews.is_empty() {
        ui.label(RichText::new("No reviews yet — start one above when a cadence is due.").weak());
        return;
    }
    ui.label(
        RichText::new(format!(
            "{}, newest first",
            count(view.plan.reviews.len(), "review", "reviews")
        ))
        .weak(),
    );
    for (index, review) in view.plan.reviews.iter().enumerate().rev() {
        let title = format!(
            "{} · {}",
            format_date(review.date),
            review.period.review_title()
        );
        egui::CollapsingHeader::new(&title)
            .id_salt(("review", index))
            .show(ui, |ui| {
                if !review.notes.is_empty() {
                    ui.label(&review.notes);
                }
                if !review.summary.is_empty() {
                    ui.label(RichText::new(&review.summary).monospace().weak());
                }
                let delete = ui.small_button("Delete review");
                set_accessible_name(
                    &delete,
                    egui::Role::Button,
                    &format!("Delete the review of {}", format_date(review.date)),
                );
                if delete.clicked() {
                    commands.push(Command::Metrics(MetricCommand::DeleteReview { index }));
                }
            });
    }
}

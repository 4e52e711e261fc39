//! The Swimlanes tab: lanes as rows, quarters as columns, a card per block,
//! and the phases with their status.

use egui::{RichText, Ui};

use super::PlanView;
use super::widgets::{self, progress_bar};
use crate::model::calendar::{quarter_end, quarter_of, quarter_start};
use crate::model::command::Command;
use crate::model::format::format_date;
use crate::model::progress::{block_progress, lane_progress, late_phases};
use crate::model::{Block, PhaseStatus, Quarter, Swimlane, Task};

const LANE_HEADER_WIDTH: f32 = 170.0;
const MIN_COLUMN_WIDTH: f32 = 190.0;

pub fn ui(ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Plan progress").strong());
        progress_bar(ui, "Plan", view.derived.plan_progress, 200.0);
        ui.separator();
        ui.label(format!(
            "{} of {} phases done",
            view.derived.phases_done.done, view.derived.phases_done.total
        ));
    });
    ui.separator();
    egui::ScrollArea::both()
        .auto_shrink(false)
        .id_salt("board_scroll")
        .show(ui, |ui| {
            let spacing = ui.spacing().item_spacing.x;
            // Leave room for the vertical scroll bar so the last column is not hidden under it.
            let scroll_bar = ui.spacing().scroll.allocated_width();
            let column_width =
                ((ui.available_width() - LANE_HEADER_WIDTH - 4.0 * spacing - scroll_bar) / 4.0)
                    .max(MIN_COLUMN_WIDTH);
            let current = quarter_of(view.plan.start_date, view.today);
            quarter_headers_ui(ui, view, column_width, current);
            for lane in &view.plan.swimlanes {
                ui.separator();
                lane_ui(ui, view, lane, column_width, current, commands);
            }
            if view.plan.swimlanes.is_empty() {
                ui.label("This plan has no swimlanes yet.");
            }
            ui.add_space(12.0);
            phases_ui(ui, view);
        });
}

fn quarter_headers_ui(
    ui: &mut Ui,
    view: &PlanView<'_>,
    column_width: f32,
    current: Option<Quarter>,
) {
    ui.horizontal_top(|ui| {
        ui.allocate_space(egui::vec2(LANE_HEADER_WIDTH, 1.0));
        for quarter in Quarter::ALL {
            ui.allocate_ui_with_layout(
                egui::vec2(column_width, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    let is_current = current == Some(quarter);
                    let mut frame = egui::Frame::new().inner_margin(4.0).corner_radius(4.0);
                    if is_current {
                        frame = frame.fill(ui.visuals().selection.bg_fill.gamma_multiply(0.35));
                    }
                    frame.show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(quarter.label()).heading());
                            if is_current {
                                ui.label(RichText::new("now").small().strong());
                            }
                        });
                        let start = quarter_start(view.plan.start_date, quarter);
                        let end = quarter_end(view.plan.start_date, quarter);
                        ui.label(
                            RichText::new(format!("{} – {}", format_date(start), format_date(end)))
                                .small()
                                .weak(),
                        );
                        progress_bar(
                            ui,
                            quarter.label(),
                            view.derived.quarter_progress[quarter.index()],
                            ui.available_width(),
                        );
                    });
                },
            );
        }
    });
}

fn lane_ui(
    ui: &mut Ui,
    view: &PlanView<'_>,
    lane: &Swimlane,
    column_width: f32,
    current: Option<Quarter>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(LANE_HEADER_WIDTH, 0.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(LANE_HEADER_WIDTH);
                ui.label(RichText::new(&lane.name).heading().strong());
                if !lane.subtitle.is_empty() {
                    ui.label(RichText::new(&lane.subtitle).weak());
                }
                progress_bar(ui, &lane.name, lane_progress(lane), LANE_HEADER_WIDTH - 8.0);
            },
        );
        ui.vertical(|ui| {
            for row in pack_rows(&lane.blocks) {
                block_row_ui(ui, view, lane, &row, column_width, current, commands);
            }
            if lane.blocks.is_empty() {
                ui.label(RichText::new("No blocks in this lane yet.").weak());
            }
        });
    });
}

/// Blocks of a lane placed on rows so that no two blocks of a row share a
/// quarter; a lane whose blocks do not overlap (the usual case) is one row.
fn pack_rows(blocks: &[Block]) -> Vec<Vec<&Block>> {
    let mut rows: Vec<Vec<&Block>> = Vec::new();
    for block in blocks {
        let fits = |row: &Vec<&Block>| {
            row.iter().all(|other| {
                block.last_quarter < other.first_quarter || other.last_quarter < block.first_quarter
            })
        };
        match rows.iter_mut().find(|row| fits(row)) {
            Some(row) => row.push(block),
            None => rows.push(vec![block]),
        }
    }
    for row in &mut rows {
        row.sort_by_key(|block| block.first_quarter);
    }
    rows
}

fn block_row_ui(
    ui: &mut Ui,
    view: &PlanView<'_>,
    lane: &Swimlane,
    row: &[&Block],
    column_width: f32,
    current: Option<Quarter>,
    commands: &mut Vec<Command>,
) {
    let spacing = ui.spacing().item_spacing.x;
    let span_width = |columns: usize| {
        let columns = columns.max(1) as f32;
        column_width * columns + spacing * (columns - 1.0)
    };
    ui.horizontal_top(|ui| {
        let mut next_column = 0;
        for block in row {
            let first = block.first_quarter.index();
            let last = block.last_quarter.index();
            if first > next_column {
                ui.allocate_space(egui::vec2(span_width(first - next_column), 1.0));
            }
            ui.allocate_ui_with_layout(
                egui::vec2(span_width(last + 1 - first), 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    let is_current = current.is_some_and(|quarter| block.spans(quarter));
                    block_ui(ui, view, lane, block, is_current, commands);
                },
            );
            next_column = last + 1;
        }
    });
}

fn block_ui(
    ui: &mut Ui,
    view: &PlanView<'_>,
    lane: &Swimlane,
    block: &Block,
    is_current: bool,
    commands: &mut Vec<Command>,
) {
    let mut frame = egui::Frame::group(ui.style()).inner_margin(6.0);
    if is_current {
        frame = frame.stroke(egui::Stroke::new(
            1.5,
            ui.visuals().selection.bg_fill.gamma_multiply(0.8),
        ));
    }
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        let span = if block.first_quarter == block.last_quarter {
            block.first_quarter.label().to_owned()
        } else {
            format!("{}–{}", block.first_quarter, block.last_quarter)
        };
        ui.horizontal(|ui| {
            ui.label(RichText::new(&span).strong());
            progress_bar(
                ui,
                &format!("{} {span}", lane.name),
                block_progress(block),
                ui.available_width(),
            );
        });
        for task in &block.tasks {
            task_ui(ui, view, task, commands);
        }
        if block.tasks.is_empty() {
            ui.label(RichText::new("No tasks").weak().italics());
        }
    });
}

fn task_ui(ui: &mut Ui, view: &PlanView<'_>, task: &Task, commands: &mut Vec<Command>) {
    let title = if task.done {
        RichText::new(&task.title).strikethrough().weak()
    } else {
        RichText::new(&task.title)
    };
    let mut done = task.done;
    if ui.checkbox(&mut done, title).changed() {
        commands.push(Command::SetTaskDone {
            task: task.id,
            done,
            on: view.today,
        });
    }
    let overdue = !task.done && task.due.is_some_and(|due| due < view.today);
    if task.due.is_some() || task.phase.is_some() || !task.notes.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.add_space(ui.spacing().icon_width + ui.spacing().icon_spacing);
            if let Some(due) = task.due {
                let text = RichText::new(format!("due {}", format_date(due))).small();
                if overdue {
                    ui.label(text.color(widgets::OVER_BUDGET).strong())
                        .on_hover_text("Overdue");
                } else {
                    ui.label(text.weak());
                }
            }
            if let Some(phase) = task.phase {
                let name = view
                    .plan
                    .phase(phase)
                    .map_or("", |phase| phase.name.as_str());
                ui.label(
                    RichText::new(format!("Phase {phase} {name}"))
                        .small()
                        .weak(),
                );
            }
            if !task.notes.is_empty() {
                ui.label(RichText::new("notes").small().weak())
                    .on_hover_text(&task.notes);
            }
        });
    }
}

fn phases_ui(ui: &mut Ui, view: &PlanView<'_>) {
    let phases_done = view.derived.phases_done;
    ui.label(RichText::new("Learning phases").heading());
    ui.label(format!(
        "{} of {} phases done",
        phases_done.done, phases_done.total
    ));
    if view.plan.phases.is_empty() {
        ui.label(RichText::new("This plan has no phases.").weak());
        return;
    }
    let late = late_phases(view.plan, view.today);
    egui::Grid::new("phases_grid")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            ui.label(RichText::new("#").strong());
            ui.label(RichText::new("Phase").strong());
            ui.label(RichText::new("Planned").strong());
            ui.label(RichText::new("Status").strong());
            ui.label(RichText::new("Linked tasks").strong());
            ui.end_row();
            for phase in &view.plan.phases {
                widgets::number_cell(ui, phase.number.to_string());
                ui.label(&phase.name);
                ui.label(phase.quarter.label());
                let status = match phase.status {
                    PhaseStatus::Done => {
                        let on = phase
                            .done_on
                            .map(|date| format!(" on {}", format_date(date)))
                            .unwrap_or_default();
                        RichText::new(format!("Done{on}")).color(widgets::IN_RANGE)
                    }
                    status if late.contains(&phase.number) => {
                        RichText::new(format!("{} — late", status.label())).color(widgets::UNDER)
                    }
                    status => RichText::new(status.label()),
                };
                ui.label(status);
                let linked = view
                    .derived
                    .linked_tasks
                    .get(&phase.number)
                    .copied()
                    .unwrap_or(0);
                widgets::number_cell(ui, linked.to_string());
                ui.end_row();
            }
        });
}

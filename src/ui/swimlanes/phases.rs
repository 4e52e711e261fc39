//! The learning phases below the board: each with its planned quarter, a
//! status to change, its dates (and whether it is late), and how many tasks
//! link to it.

use egui::{RichText, Ui};

use super::board::Board;
use crate::model::command::Command;
use crate::model::format::format_date;
use crate::model::progress::late_phases;
use crate::model::{PhaseNumber, PhaseStatus};
use crate::ui::PlanView;
use crate::ui::widgets::{self, set_accessible_name};

pub(super) fn phases_ui(ui: &mut Ui, board: &mut Board<'_, '_>) {
    let view = board.view;
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
        .num_columns(6)
        .show(ui, |ui| {
            for heading in ["#", "Phase", "Planned", "Status", "Dates", "Linked tasks"] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for phase in &view.plan.phases {
                widgets::number_cell(ui, phase.number.to_string());
                ui.label(&phase.name);
                ui.label(phase.quarter.label());
                let mut status = phase.status;
                let combo = egui::ComboBox::from_id_salt(("phase_status", phase.number))
                    .selected_text(status.label())
                    .width(110.0)
                    .show_ui(ui, |ui| {
                        for choice in [
                            PhaseStatus::NotStarted,
                            PhaseStatus::InProgress,
                            PhaseStatus::Done,
                        ] {
                            ui.selectable_value(&mut status, choice, choice.label());
                        }
                    })
                    .response;
                set_accessible_name(
                    &combo,
                    egui::Role::ComboBox,
                    &format!("Status of phase {}: {}", phase.number, phase.status.label()),
                );
                if status != phase.status {
                    board.commands.push(Command::SetPhaseStatus {
                        phase: phase.number,
                        status,
                        on: view.today,
                    });
                }
                let dates = match (phase.started_on, phase.done_on) {
                    (_, Some(done)) => RichText::new(format!("done {}", format_date(done)))
                        .color(widgets::IN_RANGE),
                    (Some(started), None) => {
                        RichText::new(format!("started {}", format_date(started)))
                    }
                    (None, None) if late.contains(&phase.number) => {
                        RichText::new("late").color(widgets::UNDER)
                    }
                    (None, None) => RichText::new(""),
                };
                let dates = if late.contains(&phase.number) && phase.started_on.is_some() {
                    RichText::new(format!("{} — late", dates.text())).color(widgets::UNDER)
                } else {
                    dates
                };
                ui.label(dates);
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

/// "Phase 2: Scale", or "Phase 2" for a number the plan has no phase for.
pub(super) fn phase_label(view: &PlanView<'_>, number: PhaseNumber) -> String {
    match view.plan.phase(number) {
        Some(phase) => format!("Phase {number}: {}", phase.name),
        None => format!("Phase {number}"),
    }
}

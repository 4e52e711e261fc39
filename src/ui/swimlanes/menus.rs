//! The lane header (its name renamed in place, its subtitle and progress),
//! the lane and block "…" menus, "+ Add swimlane", and the question before a
//! deletion that would take tasks with it.

use egui::{Id, Key, RichText, Sense, Ui};

use super::board::{Board, LANE_HEADER_WIDTH, push_add_block, span_label};
use super::{Edit, SwimlanesTab, focus_on_open};
use crate::model::command::Command;
use crate::model::progress::lane_progress;
use crate::model::{Block, BlockId, LaneId, Quarter, Swimlane};
use crate::ui::fresh_id_candidate;
use crate::ui::widgets::{count, progress_bar, set_accessible_name};

/// A deletion that would take tasks with it, waiting for a yes.
pub(super) enum Confirm {
    DeleteLane { lane: LaneId, message: String },
    DeleteBlock { block: BlockId, message: String },
}

impl SwimlanesTab {
    pub(super) fn lane_header_ui(
        &mut self,
        ui: &mut Ui,
        board: &mut Board<'_, '_>,
        lane: &Swimlane,
        index: usize,
    ) {
        if let Some(Edit::Lane {
            lane: editing,
            name,
            subtitle,
        }) = &mut self.editing
            && *editing == lane.id
        {
            let name_field = ui.add(egui::TextEdit::singleline(name).hint_text("Lane name"));
            set_accessible_name(&name_field, egui::Role::TextInput, "Lane name");
            let subtitle_field = ui.add(egui::TextEdit::singleline(subtitle).hint_text("Subtitle"));
            set_accessible_name(&subtitle_field, egui::Role::TextInput, "Lane subtitle");
            if !name_field.has_focus() && !subtitle_field.has_focus() && !name_field.lost_focus() {
                name_field.request_focus();
            }
            let escape = ui.input(|input| input.key_pressed(Key::Escape));
            let done = (name_field.lost_focus() || subtitle_field.lost_focus())
                && !name_field.has_focus()
                && !subtitle_field.has_focus();
            if escape {
                self.editing = None;
            } else if done || ui.input(|input| input.key_pressed(Key::Enter)) {
                board.commands.push(Command::RenameLane {
                    lane: lane.id,
                    name: name.clone(),
                    subtitle: subtitle.clone(),
                });
                self.editing = None;
            }
            return;
        }

        ui.horizontal(|ui| {
            let name = ui.add(
                egui::Label::new(RichText::new(&lane.name).heading().strong())
                    .sense(Sense::click()),
            );
            if name.double_clicked() {
                self.start_lane_edit(lane);
            }
            let menu = ui.menu_button("…", |ui| {
                if ui.button("Rename…").clicked() {
                    self.start_lane_edit(lane);
                }
                let lanes = board.view.plan.swimlanes.len();
                if ui
                    .add_enabled(index > 0, egui::Button::new("Move up"))
                    .clicked()
                {
                    board.commands.push(Command::MoveLane {
                        lane: lane.id,
                        index: index - 1,
                    });
                }
                if ui
                    .add_enabled(index + 1 < lanes, egui::Button::new("Move down"))
                    .clicked()
                {
                    board.commands.push(Command::MoveLane {
                        lane: lane.id,
                        index: index + 1,
                    });
                }
                ui.menu_button("Add block", |ui| {
                    for quarter in Quarter::ALL {
                        if ui.button(quarter.label()).clicked() {
                            push_add_block(board, lane.id, quarter);
                        }
                    }
                });
                ui.separator();
                if ui.button("Delete lane…").clicked() {
                    let tasks = lane_progress(lane).total;
                    if tasks == 0 {
                        board.commands.push(Command::DeleteLane { lane: lane.id });
                    } else {
                        self.confirm = Some(Confirm::DeleteLane {
                            lane: lane.id,
                            message: format!(
                                "Delete the lane “{}” and its {}?",
                                lane.name,
                                count(tasks, "task", "tasks")
                            ),
                        });
                    }
                }
            });
            set_accessible_name(
                &menu.response,
                egui::Role::Button,
                &format!("{} lane menu", lane.name),
            );
        });
        if !lane.subtitle.is_empty() {
            ui.label(RichText::new(&lane.subtitle).weak());
        }
        progress_bar(ui, &lane.name, lane_progress(lane), LANE_HEADER_WIDTH - 8.0);
    }

    /// Opens the lane's name and subtitle for editing in its header.
    fn start_lane_edit(&mut self, lane: &Swimlane) {
        self.editing = Some(Edit::Lane {
            lane: lane.id,
            name: lane.name.clone(),
            subtitle: lane.subtitle.clone(),
        });
    }

    pub(super) fn add_lane_ui(&mut self, ui: &mut Ui, board: &mut Board<'_, '_>) {
        let Some(Edit::NewLane { name }) = &mut self.editing else {
            if ui.button("+ Add swimlane").clicked() {
                self.editing = Some(Edit::NewLane {
                    name: String::new(),
                });
            }
            return;
        };
        let mut finished = false;
        ui.horizontal(|ui| {
            let label = ui.label("New lane");
            let field = ui
                .add(egui::TextEdit::singleline(name).hint_text("Name, then Enter"))
                .labelled_by(label.id);
            focus_on_open(&field);
            if field.lost_focus() {
                let escape = ui.input(|input| input.key_pressed(Key::Escape));
                if !escape && !name.trim().is_empty() {
                    let lane = board.view.plan.unused_lane_id(fresh_id_candidate());
                    board.commands.push(Command::AddLane {
                        lane,
                        name: name.clone(),
                        subtitle: String::new(),
                    });
                }
                finished = true;
            }
        });
        if finished {
            self.editing = None;
        }
    }

    pub(super) fn block_menu_ui(
        &mut self,
        ui: &mut Ui,
        board: &mut Board<'_, '_>,
        lane: &Swimlane,
        block: &Block,
        span: &str,
    ) {
        let menu = ui.menu_button("…", |ui| {
            ui.menu_button("Span", |ui| {
                for first in Quarter::ALL {
                    for last in Quarter::ALL.into_iter().filter(|last| *last >= first) {
                        let current = block.first_quarter == first && block.last_quarter == last;
                        if ui.radio(current, span_label(first, last)).clicked() && !current {
                            board.commands.push(Command::SetBlockSpan {
                                block: block.id,
                                first_quarter: first,
                                last_quarter: last,
                            });
                        }
                    }
                }
            });
            if ui.button("Add task").clicked() {
                self.start_new_task(block.id);
            }
            ui.separator();
            if ui.button("Delete block…").clicked() {
                if block.tasks.is_empty() {
                    board
                        .commands
                        .push(Command::DeleteBlock { block: block.id });
                } else {
                    self.confirm = Some(Confirm::DeleteBlock {
                        block: block.id,
                        message: format!(
                            "Delete the {span} block of {} and its {}?",
                            lane.name,
                            count(block.tasks.len(), "task", "tasks")
                        ),
                    });
                }
            }
        });
        set_accessible_name(
            &menu.response,
            egui::Role::Button,
            &format!("{} {span} block menu", lane.name),
        );
    }

    /// The question before deleting a lane or block that has tasks.
    pub(super) fn confirm_ui(&mut self, ctx: &egui::Context, board: &mut Board<'_, '_>) {
        let Some(confirm) = &self.confirm else {
            return;
        };
        let message = match confirm {
            Confirm::DeleteLane { message, .. } | Confirm::DeleteBlock { message, .. } => message,
        };
        let mut answer = None;
        let modal = egui::Modal::new(Id::unique("board_confirm")).show(ctx, |ui| {
            ui.set_max_width(380.0);
            ui.label(RichText::new(message).strong());
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Delete").clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        if answer == Some(true) {
            board.commands.push(match *confirm {
                Confirm::DeleteLane { lane, .. } => Command::DeleteLane { lane },
                Confirm::DeleteBlock { block, .. } => Command::DeleteBlock { block },
            });
        }
        if answer.is_some() || modal.should_close() {
            self.confirm = None;
        }
    }
}

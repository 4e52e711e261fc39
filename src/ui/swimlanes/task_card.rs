//! A task's row on a block: its checkbox, its title (renamed in place, the
//! handle to drag it by), its keys, its context menu and its meta line; and
//! the "+ Add task" field at the foot of a block.

use egui::{Id, Key, Modifiers, Rect, RichText, Sense, Ui};

use super::board::{Board, span_label};
use super::drag::TaskDrag;
use super::phases::phase_label;
use super::{Edit, SwimlanesTab, focus_on_open};
use crate::model::command::Command;
use crate::model::format::format_date;
use crate::model::{Block, BlockId, Quarter, Swimlane, Task};
use crate::ui::widgets::{self, set_accessible_name};
use crate::ui::{PlanView, fresh_id_candidate};

/// Where a task stands on the board: its lane, its block and its index among
/// the block's tasks.
pub(super) struct TaskPlace<'a> {
    pub(super) lane: &'a Swimlane,
    pub(super) block: &'a Block,
    pub(super) task: &'a Task,
    pub(super) index: usize,
}

impl SwimlanesTab {
    /// One task: checkbox, title, meta line. Returns the rect of the row.
    pub(super) fn task_ui(
        &mut self,
        ui: &mut Ui,
        board: &mut Board<'_, '_>,
        place: &TaskPlace<'_>,
    ) -> Rect {
        let view = board.view;
        let task = place.task;
        let dragged = self.drag.as_ref().is_some_and(|drag| drag.task == task.id);
        // A row far out of view keeps its place at the height it had when
        // last drawn, unless something is happening to its task.
        let height_id = Id::unique(("task_height", task.id.0));
        let busy = dragged
            || self.focus_task == Some(task.id)
            || matches!(&self.editing, Some(Edit::TaskTitle { task: editing, .. }) if *editing == task.id);
        let known_height: Option<f32> = ui.ctx().data(|data| data.get_temp(height_id));
        if let Some(height) = known_height.filter(|_| !busy) {
            let rect =
                Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
            if !board.draws(rect) {
                ui.allocate_space(rect.size());
                return rect;
            }
        }
        // The row's widgets keep their ids wherever the task moves, so focus
        // and state follow it between blocks.
        let builder = egui::UiBuilder::new().scope_id(Id::unique(("task", task.id.0)));
        let row = ui.scope_builder(builder, |ui| {
            if dragged {
                ui.multiply_opacity(0.35);
            }
            ui.horizontal_top(|ui| {
                let mut done = task.done;
                let checkbox = ui.add(egui::Checkbox::without_text(&mut done));
                if checkbox.changed() {
                    board.commands.push(Command::SetTaskDone {
                        task: task.id,
                        done,
                        on: view.today,
                    });
                }
                if let Some(Edit::TaskTitle {
                    task: editing,
                    text,
                }) = &mut self.editing
                    && *editing == task.id
                {
                    let field = ui
                        .add(egui::TextEdit::singleline(text).desired_width(ui.available_width()));
                    set_accessible_name(&field, egui::Role::TextInput, "Task title");
                    checkbox.labelled_by(field.id);
                    focus_on_open(&field);
                    if field.lost_focus() {
                        let escape = ui.input(|input| input.key_pressed(Key::Escape));
                        if !escape && text.trim() != task.title && !text.trim().is_empty() {
                            board.commands.push(Command::RenameTask {
                                task: task.id,
                                title: text.clone(),
                            });
                        }
                        self.editing = None;
                        self.focus_task = Some(task.id);
                    }
                    return;
                }
                let title = if task.done {
                    RichText::new(&task.title).strikethrough().weak()
                } else {
                    RichText::new(&task.title)
                };
                // The title is the handle: click to focus, double-click to
                // rename, drag to move. (A drag-only area on top of the row
                // would take the clicks from the checkbox beneath it.)
                let label = ui
                    .add(
                        egui::Label::new(title)
                            .wrap()
                            .selectable(false)
                            .sense(Sense::click_and_drag()),
                    )
                    .on_hover_cursor(egui::CursorIcon::Grab)
                    .on_hover_text(
                        "Double-click or F2 to rename · right-click for notes, due date, \
                         phase · drag to move (Alt+arrows with the keyboard)",
                    );
                // Tab walks the board, and the view follows it (rows far
                // out of view are not drawn, so they could not take it).
                if checkbox.gained_focus() {
                    checkbox.scroll_to_me(None);
                }
                checkbox.labelled_by(label.id);
                if label.gained_focus() {
                    label.scroll_to_me(None);
                }
                if self.focus_task == Some(task.id) {
                    label.request_focus();
                    self.focus_task = None;
                }
                // A second click can arrive counted as a third when egui
                // re-runs a frame, so both mean "double-click" here.
                if label.double_clicked() || label.triple_clicked() {
                    self.start_title_edit(task);
                }
                if label.drag_started() {
                    self.drag = Some(TaskDrag {
                        task: task.id,
                        title: task.title.clone(),
                    });
                }
                if label.has_focus() {
                    self.task_keys_ui(ui, board, place);
                }
                label.context_menu(|ui| {
                    if ui.button("Rename").clicked() {
                        self.start_title_edit(task);
                    }
                    if ui.button("Details…").clicked() {
                        self.open_details(task, view.today);
                    }
                    ui.separator();
                    if ui.button("Delete task").clicked() {
                        board.commands.push(Command::DeleteTask { task: task.id });
                    }
                });
            });
            task_meta_ui(ui, view, task);
        });
        let rect = row.response.rect;
        ui.ctx()
            .data_mut(|data| data.insert_temp(height_id, rect.height()));
        rect
    }

    fn start_title_edit(&mut self, task: &Task) {
        self.editing = Some(Edit::TaskTitle {
            task: task.id,
            text: task.title.clone(),
        });
    }

    /// Opens the "New task" field at the foot of a block.
    pub(super) fn start_new_task(&mut self, block: BlockId) {
        self.editing = Some(Edit::NewTask {
            block,
            text: String::new(),
        });
    }

    /// The keyboard on a focused task: F2 or Enter renames, Ctrl+Enter opens
    /// the details, Delete deletes, Alt+arrows move it.
    fn task_keys_ui(&mut self, ui: &mut Ui, board: &mut Board<'_, '_>, place: &TaskPlace<'_>) {
        let TaskPlace {
            lane,
            block,
            task,
            index,
        } = *place;
        let (rename, details, delete, up, down, left, right) = ui.input_mut(|input| {
            (
                input.consume_key(Modifiers::NONE, Key::F2)
                    || input.consume_key(Modifiers::NONE, Key::Enter),
                input.consume_key(Modifiers::COMMAND, Key::Enter),
                input.consume_key(Modifiers::NONE, Key::Delete),
                input.consume_key(Modifiers::ALT, Key::ArrowUp),
                input.consume_key(Modifiers::ALT, Key::ArrowDown),
                input.consume_key(Modifiers::ALT, Key::ArrowLeft),
                input.consume_key(Modifiers::ALT, Key::ArrowRight),
            )
        });
        if rename {
            self.start_title_edit(task);
        }
        if details {
            self.open_details(task, board.view.today);
        }
        if delete {
            board.commands.push(Command::DeleteTask { task: task.id });
        }
        let mut move_to = |to_block: BlockId, index: usize| {
            board.commands.push(Command::MoveTask {
                task: task.id,
                to_block,
                index,
            });
            self.focus_task = Some(task.id);
        };
        if up && index > 0 {
            move_to(block.id, index - 1);
        }
        if down && index + 1 < block.tasks.len() {
            move_to(block.id, index + 1);
        }
        if left && let Some(target) = neighbour_block(lane, block, -1) {
            move_to(target.id, target.tasks.len());
        }
        if right && let Some(target) = neighbour_block(lane, block, 1) {
            move_to(target.id, target.tasks.len());
        }
    }

    pub(super) fn new_task_ui(
        &mut self,
        ui: &mut Ui,
        board: &mut Board<'_, '_>,
        lane: &Swimlane,
        block: &Block,
    ) {
        if let Some(Edit::NewTask {
            block: editing,
            text,
        }) = &mut self.editing
            && *editing == block.id
        {
            let field = ui.add(
                egui::TextEdit::singleline(text)
                    .hint_text("New task, then Enter")
                    .desired_width(ui.available_width()),
            );
            set_accessible_name(&field, egui::Role::TextInput, "New task");
            focus_on_open(&field);
            if field.lost_focus() {
                let (escape, enter) = ui.input(|input| {
                    (
                        input.key_pressed(Key::Escape),
                        input.key_pressed(Key::Enter),
                    )
                });
                if !escape && !text.trim().is_empty() {
                    board.commands.push(Command::AddTask {
                        block: block.id,
                        task: board.view.plan.unused_task_id(fresh_id_candidate()),
                        title: text.clone(),
                    });
                }
                if enter && !text.trim().is_empty() {
                    // Ready for the next one: adding several tasks is typing and Enter.
                    text.clear();
                    field.request_focus();
                } else {
                    self.editing = None;
                }
            }
            return;
        }
        let add = ui.add(egui::Button::new(RichText::new("+ Add task").weak()).frame(false));
        set_accessible_name(
            &add,
            egui::Role::Button,
            &format!(
                "Add task to {} {}",
                lane.name,
                span_label(block.first_quarter, block.last_quarter)
            ),
        );
        if add.clicked() {
            self.start_new_task(block.id);
        }
    }
}

/// Below the title, when there is any: the due date (red when overdue), the
/// phase, and "notes" with the notes on hover.
fn task_meta_ui(ui: &mut Ui, view: &PlanView<'_>, task: &Task) {
    if task.due.is_none() && task.phase.is_none() && task.notes.is_empty() {
        return;
    }
    let overdue = !task.done && task.due.is_some_and(|due| due < view.today);
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
            ui.label(RichText::new(phase_label(view, phase)).small().weak());
        }
        if !task.notes.is_empty() {
            ui.label(RichText::new("notes").small().weak().underline())
                .on_hover_text(&task.notes);
        }
    });
}

/// The block of the same lane that covers the quarter before (`step` −1) or
/// after (+1) this block's span.
fn neighbour_block<'a>(lane: &'a Swimlane, block: &Block, step: i32) -> Option<&'a Block> {
    let quarter = if step < 0 {
        block.first_quarter.index().checked_sub(1)?
    } else {
        block.last_quarter.index() + 1
    };
    let quarter = Quarter::from_index(quarter)?;
    lane.blocks
        .iter()
        .find(|other| other.id != block.id && other.spans(quarter))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LaneId;
    use crate::model::Quarter::{Q1, Q2, Q3, Q4};

    fn lane(spans: &[(u64, Quarter, Quarter)]) -> Swimlane {
        Swimlane {
            id: LaneId(1),
            name: "Core".to_owned(),
            subtitle: String::new(),
            blocks: spans
                .iter()
                .map(|&(id, first_quarter, last_quarter)| Block {
                    id: BlockId(id),
                    first_quarter,
                    last_quarter,
                    tasks: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn the_neighbour_is_the_block_over_the_quarter_next_to_the_span() {
        let lane = lane(&[(1, Q1, Q1), (2, Q2, Q3), (3, Q4, Q4)]);
        let middle = &lane.blocks[1];
        assert_eq!(
            neighbour_block(&lane, middle, -1).map(|b| b.id),
            Some(BlockId(1))
        );
        assert_eq!(
            neighbour_block(&lane, middle, 1).map(|b| b.id),
            Some(BlockId(3))
        );
    }

    #[test]
    fn there_is_no_neighbour_past_the_year_or_over_an_empty_quarter() {
        let lane = lane(&[(1, Q1, Q1), (3, Q3, Q4)]);
        assert!(neighbour_block(&lane, &lane.blocks[0], -1).is_none());
        assert!(neighbour_block(&lane, &lane.blocks[0], 1).is_none());
        assert!(neighbour_block(&lane, &lane.blocks[1], 1).is_none());
        assert!(neighbour_block(&lane, &lane.blocks[1], -1).is_none());
    }
}

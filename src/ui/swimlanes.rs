//! The Swimlanes tab: lanes as rows, quarters as columns, a card per block,
//! tasks that are ticked, edited and dragged, and the phases with their status.

use chrono::NaiveDate;
use egui::{Id, Key, Modifiers, Rect, RichText, Sense, Ui};

use super::widgets::{self, count, progress_bar, set_accessible_name};
use super::{PlanView, fresh_id_candidate};
use crate::model::calendar::{quarter_end, quarter_of, quarter_start};
use crate::model::command::Command;
use crate::model::format::format_date;
use crate::model::progress::{block_progress, lane_progress, late_phases};
use crate::model::{
    Block, BlockId, LaneId, PhaseNumber, PhaseStatus, Quarter, Swimlane, Task, TaskId,
};

const LANE_HEADER_WIDTH: f32 = 170.0;
const MIN_COLUMN_WIDTH: f32 = 190.0;

/// What the board remembers between frames: the find box, what is being
/// edited, an open dialog, and a drag in progress.
#[derive(Default)]
pub struct SwimlanesTab {
    filter: String,
    hide_done: bool,
    editing: Option<Edit>,
    details: Option<TaskDetails>,
    confirm: Option<Confirm>,
    drag: Option<TaskDrag>,
    /// A task moved by keyboard keeps the focus in its new place.
    focus_task: Option<TaskId>,
}

/// An inline text field open on the board.
enum Edit {
    TaskTitle {
        task: TaskId,
        text: String,
    },
    NewTask {
        block: BlockId,
        text: String,
    },
    Lane {
        lane: LaneId,
        name: String,
        subtitle: String,
    },
    NewLane {
        name: String,
    },
}

/// The task dialog: everything about a task, saved together.
struct TaskDetails {
    task: TaskId,
    title: String,
    notes: String,
    due: Option<NaiveDate>,
    /// What the date picker starts on when a due date is first set.
    default_due: NaiveDate,
    phase: Option<PhaseNumber>,
}

/// A deletion that would take tasks with it, waiting for a yes.
enum Confirm {
    DeleteLane { lane: LaneId, message: String },
    DeleteBlock { block: BlockId, message: String },
}

struct TaskDrag {
    task: TaskId,
    title: String,
}

/// Where a block and its task rows were drawn this frame, to find where a
/// dragged task would land.
struct BlockSlot {
    block: BlockId,
    rect: Rect,
    /// Visible rows: the task, its index in the block, and its rect.
    rows: Vec<(TaskId, usize, Rect)>,
    task_count: usize,
}

/// Where a dragged task would land: a block, and the index among the block's
/// tasks as they are now (before the task leaves its old place).
#[derive(Clone, Copy, Debug, PartialEq)]
struct DropTarget {
    block: BlockId,
    index: usize,
    line_y: f32,
    line_x: (f32, f32),
}

/// Per-frame context for drawing the board.
struct Board<'a, 'v> {
    view: &'a PlanView<'v>,
    commands: &'a mut Vec<Command>,
    slots: Vec<BlockSlot>,
    needle: String,
    column_width: f32,
    current: Option<Quarter>,
}

impl SwimlanesTab {
    pub fn ui(&mut self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        self.toolbar_ui(ui, view);
        ui.separator();

        let mut board = Board {
            view,
            commands,
            slots: Vec::new(),
            needle: self.filter.trim().to_lowercase(),
            column_width: MIN_COLUMN_WIDTH,
            current: quarter_of(view.plan.start_date, view.today),
        };
        let scroll = egui::ScrollArea::both()
            .auto_shrink(false)
            .id_salt("board_scroll")
            .show(ui, |ui| {
                let spacing = ui.spacing().item_spacing.x;
                // Leave room for the vertical scroll bar so the last column is not under it.
                let scroll_bar = ui.spacing().scroll.allocated_width();
                board.column_width =
                    ((ui.available_width() - LANE_HEADER_WIDTH - 4.0 * spacing - scroll_bar) / 4.0)
                        .max(MIN_COLUMN_WIDTH);
                quarter_headers_ui(ui, &board);
                for (index, lane) in view.plan.swimlanes.iter().enumerate() {
                    ui.separator();
                    self.lane_ui(ui, &mut board, lane, index);
                }
                ui.separator();
                self.add_lane_ui(ui, &mut board);
                ui.add_space(12.0);
                phases_ui(ui, &mut board);
            });
        let board_clip = scroll.inner_rect;

        self.drag_ui(ui, &mut board, board_clip);
        self.details_ui(ui.ctx(), &mut board);
        self.confirm_ui(ui.ctx(), &mut board);
    }

    fn toolbar_ui(&mut self, ui: &mut Ui, view: &PlanView<'_>) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Plan progress").strong());
            progress_bar(ui, "Plan", view.derived.plan_progress, 200.0);
            ui.separator();
            ui.label(format!(
                "{} of {} phases done",
                view.derived.phases_done.done, view.derived.phases_done.total
            ));
            ui.separator();
            let find = ui.label("Find");
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text("title or notes")
                    .desired_width(180.0),
            )
            .labelled_by(find.id);
            if !self.filter.is_empty() && ui.small_button("Clear").clicked() {
                self.filter.clear();
            }
            ui.checkbox(&mut self.hide_done, "Hide done");
        });
    }

    fn lane_ui(&mut self, ui: &mut Ui, board: &mut Board<'_, '_>, lane: &Swimlane, index: usize) {
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(LANE_HEADER_WIDTH, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(LANE_HEADER_WIDTH);
                    self.lane_header_ui(ui, board, lane, index);
                },
            );
            ui.vertical(|ui| {
                let rows = pack_rows(&lane.blocks);
                if rows.is_empty() {
                    empty_cells_ui(ui, board, lane);
                }
                for (row_index, row) in rows.iter().enumerate() {
                    self.block_row_ui(ui, board, lane, row, row_index == 0);
                }
            });
        });
    }

    fn lane_header_ui(
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
                self.editing = Some(Edit::Lane {
                    lane: lane.id,
                    name: lane.name.clone(),
                    subtitle: lane.subtitle.clone(),
                });
            }
            let menu = ui.menu_button("…", |ui| {
                if ui.button("Rename…").clicked() {
                    self.editing = Some(Edit::Lane {
                        lane: lane.id,
                        name: lane.name.clone(),
                        subtitle: lane.subtitle.clone(),
                    });
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

    fn add_lane_ui(&mut self, ui: &mut Ui, board: &mut Board<'_, '_>) {
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
            if !field.has_focus() && !field.lost_focus() {
                field.request_focus();
            }
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

    fn block_row_ui(
        &mut self,
        ui: &mut Ui,
        board: &mut Board<'_, '_>,
        lane: &Swimlane,
        row: &[&Block],
        first_row: bool,
    ) {
        let spacing = ui.spacing().item_spacing.x;
        let column_width = board.column_width;
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
                    gap_ui(ui, board, lane, next_column, first, first_row, &span_width);
                }
                ui.allocate_ui_with_layout(
                    egui::vec2(span_width(last + 1 - first), 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| self.block_ui(ui, board, lane, block),
                );
                next_column = last + 1;
            }
            if next_column < 4 {
                gap_ui(ui, board, lane, next_column, 4, first_row, &span_width);
            }
        });
    }

    fn block_ui(&mut self, ui: &mut Ui, board: &mut Board<'_, '_>, lane: &Swimlane, block: &Block) {
        // A block scrolled out of view keeps its place at the height it had
        // when last drawn, without laying out its tasks: a board of
        // thousands of tasks costs only what is on screen.
        let height_id = Id::unique(("block_height", block.id.0));
        let known_height: Option<f32> = ui.ctx().data(|data| data.get_temp(height_id));
        if let Some(height) = known_height {
            let rect =
                Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
            if !ui.is_rect_visible(rect) {
                ui.allocate_space(rect.size());
                board.slots.push(BlockSlot {
                    block: block.id,
                    rect,
                    rows: Vec::new(),
                    task_count: block.tasks.len(),
                });
                return;
            }
        }
        let is_current = board.current.is_some_and(|quarter| block.spans(quarter));
        let mut frame = egui::Frame::group(ui.style()).inner_margin(6.0);
        if is_current {
            frame = frame.stroke(egui::Stroke::new(
                1.5,
                ui.visuals().selection.bg_fill.gamma_multiply(0.8),
            ));
        }
        let mut rows = Vec::new();
        let response = frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            let span = span_label(block.first_quarter, block.last_quarter);
            ui.horizontal(|ui| {
                ui.label(RichText::new(&span).strong());
                self.block_menu_ui(ui, board, lane, block, &span);
                progress_bar(
                    ui,
                    &format!("{} {span}", lane.name),
                    block_progress(block),
                    ui.available_width(),
                );
            });
            for (index, task) in block.tasks.iter().enumerate() {
                if !board.shows(task, self.hide_done) {
                    continue;
                }
                let rect = self.task_ui(ui, board, lane, block, task, index);
                rows.push((task.id, index, rect));
            }
            if block.tasks.is_empty() {
                ui.label(RichText::new("No tasks yet").weak().italics());
            } else if rows.is_empty() {
                ui.label(RichText::new("No matching tasks").weak().italics());
            }
            self.new_task_ui(ui, board, lane, block);
        });
        let rect = response.response.rect;
        ui.ctx()
            .data_mut(|data| data.insert_temp(height_id, rect.height()));
        board.slots.push(BlockSlot {
            block: block.id,
            rect,
            rows,
            task_count: block.tasks.len(),
        });
    }

    fn block_menu_ui(
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
                self.editing = Some(Edit::NewTask {
                    block: block.id,
                    text: String::new(),
                });
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

    /// One task: checkbox, title, meta line. Returns the rect of the row.
    fn task_ui(
        &mut self,
        ui: &mut Ui,
        board: &mut Board<'_, '_>,
        lane: &Swimlane,
        block: &Block,
        task: &Task,
        index: usize,
    ) -> Rect {
        let view = board.view;
        // The row's widgets keep their ids wherever the task moves, so focus
        // and state follow it between blocks.
        let builder = egui::UiBuilder::new().scope_id(Id::unique(("task", task.id.0)));
        let dragged = self.drag.as_ref().is_some_and(|drag| drag.task == task.id);
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
                    if !field.has_focus() && !field.lost_focus() {
                        field.request_focus();
                    }
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
                checkbox.labelled_by(label.id);
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
                    self.task_keys_ui(ui, board, lane, block, task, index);
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
        row.response.rect
    }

    fn start_title_edit(&mut self, task: &Task) {
        self.editing = Some(Edit::TaskTitle {
            task: task.id,
            text: task.title.clone(),
        });
    }

    fn open_details(&mut self, task: &Task, today: NaiveDate) {
        self.details = Some(TaskDetails {
            task: task.id,
            title: task.title.clone(),
            notes: task.notes.clone(),
            due: task.due,
            default_due: task.due.unwrap_or(today),
            phase: task.phase,
        });
    }

    /// The keyboard on a focused task: F2 or Enter renames, Ctrl+Enter opens
    /// the details, Delete deletes, Alt+arrows move it.
    fn task_keys_ui(
        &mut self,
        ui: &mut Ui,
        board: &mut Board<'_, '_>,
        lane: &Swimlane,
        block: &Block,
        task: &Task,
        index: usize,
    ) {
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

    fn new_task_ui(
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
            if !field.has_focus() && !field.lost_focus() {
                field.request_focus();
            }
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
            self.editing = Some(Edit::NewTask {
                block: block.id,
                text: String::new(),
            });
        }
    }

    /// While a task is dragged: a floating copy under the pointer, a line where
    /// it would land, and the move itself when it is dropped. Escape, or a
    /// drop outside every block, changes nothing.
    fn drag_ui(&mut self, ui: &mut Ui, board: &mut Board<'_, '_>, clip: Rect) {
        let Some(drag) = self.drag.as_ref() else {
            return;
        };
        let ctx = ui.ctx().clone();
        let escape = ctx.input_mut(|input| input.consume_key(Modifiers::NONE, Key::Escape));
        if escape {
            self.drag = None;
            ctx.stop_dragging();
            return;
        }
        let pointer = ctx.pointer_interact_pos();
        let target = pointer
            .filter(|pos| clip.contains(*pos))
            .and_then(|pos| drop_target(&board.slots, pos, ui.spacing().item_spacing.y));

        if let Some(pos) = pointer {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Tooltip,
                Id::unique("task-drag-preview"),
            ));
            let galley = painter.layout(
                drag.title.clone(),
                egui::FontId::proportional(13.0),
                ui.visuals().strong_text_color(),
                280.0,
            );
            let rect = Rect::from_min_size(pos + egui::vec2(12.0, 4.0), galley.size()).expand(6.0);
            painter.rect(
                rect,
                4.0,
                ui.visuals().window_fill,
                ui.visuals().window_stroke,
                egui::StrokeKind::Outside,
            );
            painter.galley(
                rect.min + egui::vec2(6.0, 6.0),
                galley,
                egui::Color32::WHITE,
            );
        }
        if let Some(target) = target {
            let painter = ctx
                .layer_painter(egui::LayerId::new(
                    egui::Order::Foreground,
                    Id::unique("task-drop-line"),
                ))
                .with_clip_rect(clip);
            painter.line_segment(
                [
                    egui::pos2(target.line_x.0, target.line_y),
                    egui::pos2(target.line_x.1, target.line_y),
                ],
                egui::Stroke::new(2.5, ui.visuals().selection.stroke.color),
            );
        }

        let released = ctx.input(|input| input.pointer.any_released());
        let pointer_down = ctx.input(|input| input.pointer.any_down());
        if released || !pointer_down {
            let task = drag.task;
            self.drag = None;
            if let Some(target) = target {
                push_move(board, task, target);
            }
        } else {
            ctx.request_repaint();
        }
    }

    fn details_ui(&mut self, ctx: &egui::Context, board: &mut Board<'_, '_>) {
        let Some(details) = self.details.as_mut() else {
            return;
        };
        let plan = board.view.plan;
        let mut close = false;
        let modal = egui::Modal::new(Id::unique("task_details")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.label(RichText::new("Task").heading());
            egui::Grid::new("task_details_grid")
                .num_columns(2)
                .spacing([10.0, 8.0])
                .show(ui, |ui| {
                    let label = ui.label("Title");
                    ui.add(egui::TextEdit::singleline(&mut details.title).desired_width(300.0))
                        .labelled_by(label.id);
                    ui.end_row();

                    let label = ui.label("Notes");
                    ui.add(
                        egui::TextEdit::multiline(&mut details.notes)
                            .desired_rows(4)
                            .desired_width(300.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();

                    let label = ui.label("Due");
                    ui.horizontal(|ui| {
                        let mut has_due = details.due.is_some();
                        if ui
                            .checkbox(&mut has_due, "")
                            .labelled_by(label.id)
                            .changed()
                        {
                            details.due = has_due.then_some(details.default_due);
                        }
                        if let Some(due) = details.due.as_mut() {
                            widgets::date_picker(ui, "task_due", due);
                        } else {
                            ui.label(RichText::new("no due date").weak());
                        }
                    });
                    ui.end_row();

                    let label = ui.label("Phase");
                    let selected = details.phase.map_or_else(
                        || "None".to_owned(),
                        |number| phase_label(board.view, number),
                    );
                    egui::ComboBox::from_id_salt("task_phase")
                        .selected_text(selected)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut details.phase, None, "None");
                            for phase in &plan.phases {
                                ui.selectable_value(
                                    &mut details.phase,
                                    Some(phase.number),
                                    phase_label(board.view, phase.number),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    if let Some(task) = plan.task(details.task) {
                        push_detail_changes(board.commands, task, details);
                    }
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
                ui.separator();
                if ui.button("Delete task").clicked() {
                    board
                        .commands
                        .push(Command::DeleteTask { task: details.task });
                    close = true;
                }
            });
        });
        if close || modal.should_close() || plan.task(details.task).is_none() {
            self.details = None;
        }
    }

    fn confirm_ui(&mut self, ctx: &egui::Context, board: &mut Board<'_, '_>) {
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

impl Board<'_, '_> {
    /// Whether a task passes the find box and the "hide done" toggle.
    fn shows(&self, task: &Task, hide_done: bool) -> bool {
        if hide_done && task.done {
            return false;
        }
        self.needle.is_empty()
            || task.title.to_lowercase().contains(&self.needle)
            || task.notes.to_lowercase().contains(&self.needle)
    }
}

fn quarter_headers_ui(ui: &mut Ui, board: &Board<'_, '_>) {
    let view = board.view;
    ui.horizontal_top(|ui| {
        ui.allocate_space(egui::vec2(LANE_HEADER_WIDTH, 1.0));
        for quarter in Quarter::ALL {
            ui.allocate_ui_with_layout(
                egui::vec2(board.column_width, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    let is_current = board.current == Some(quarter);
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

/// Empty quarters of a lane's first row offer a one-click "+ Add block".
fn gap_ui(
    ui: &mut Ui,
    board: &mut Board<'_, '_>,
    lane: &Swimlane,
    from: usize,
    to: usize,
    first_row: bool,
    span_width: &dyn Fn(usize) -> f32,
) {
    if !first_row {
        ui.allocate_space(egui::vec2(span_width(to - from), 1.0));
        return;
    }
    for column in from..to {
        ui.allocate_ui_with_layout(
            egui::vec2(span_width(1), 0.0),
            egui::Layout::top_down(egui::Align::Center),
            |ui| {
                ui.set_width(span_width(1));
                let Some(quarter) = Quarter::from_index(column) else {
                    return;
                };
                let button =
                    ui.add(egui::Button::new(RichText::new("+ Add block").weak()).frame(false));
                set_accessible_name(
                    &button,
                    egui::Role::Button,
                    &format!("Add {quarter} block to {}", lane.name),
                );
                if button.clicked() {
                    push_add_block(board, lane.id, quarter);
                }
            },
        );
    }
}

fn empty_cells_ui(ui: &mut Ui, board: &mut Board<'_, '_>, lane: &Swimlane) {
    let spacing = ui.spacing().item_spacing.x;
    let column_width = board.column_width;
    let span_width = |columns: usize| {
        let columns = columns.max(1) as f32;
        column_width * columns + spacing * (columns - 1.0)
    };
    ui.horizontal_top(|ui| gap_ui(ui, board, lane, 0, 4, true, &span_width));
}

fn push_add_block(board: &mut Board<'_, '_>, lane: LaneId, quarter: Quarter) {
    let block = board.view.plan.unused_block_id(fresh_id_candidate());
    board.commands.push(Command::AddBlock {
        lane,
        block,
        first_quarter: quarter,
        last_quarter: quarter,
    });
}

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

fn phase_label(view: &PlanView<'_>, number: PhaseNumber) -> String {
    match view.plan.phase(number) {
        Some(phase) => format!("Phase {number}: {}", phase.name),
        None => format!("Phase {number}"),
    }
}

fn phases_ui(ui: &mut Ui, board: &mut Board<'_, '_>) {
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

/// Where a task dropped at `pos` lands: before the first visible row whose
/// middle is below the pointer, else after the last visible row.
fn drop_target(slots: &[BlockSlot], pos: egui::Pos2, gap: f32) -> Option<DropTarget> {
    let slot = slots.iter().find(|slot| slot.rect.contains(pos))?;
    let line_x = (slot.rect.left() + 6.0, slot.rect.right() - 6.0);
    let before = slot
        .rows
        .iter()
        .find(|(_, _, rect)| pos.y < rect.center().y);
    let (index, line_y) = match (before, slot.rows.last()) {
        (Some(&(_, index, rect)), _) => (index, rect.top() - gap / 2.0),
        (None, Some(&(_, index, rect))) => (index + 1, rect.bottom() + gap / 2.0),
        (None, None) => (slot.task_count, slot.rect.top() + 28.0),
    };
    Some(DropTarget {
        block: slot.block,
        index,
        line_y,
        line_x,
    })
}

/// Turns a visual drop position into a move. The command's index counts the
/// block's tasks after the moved one has left its old place.
fn push_move(board: &mut Board<'_, '_>, task: TaskId, target: DropTarget) {
    let Some((_, from_block, from_index)) = board.view.plan.block_of_task(task) else {
        return;
    };
    let index = if from_block == target.block && from_index < target.index {
        target.index - 1
    } else {
        target.index
    };
    if from_block == target.block && from_index == index {
        return;
    }
    board.commands.push(Command::MoveTask {
        task,
        to_block: target.block,
        index,
    });
}

fn push_detail_changes(commands: &mut Vec<Command>, task: &Task, details: &TaskDetails) {
    let title = details.title.trim();
    if !title.is_empty() && title != task.title {
        commands.push(Command::RenameTask {
            task: task.id,
            title: title.to_owned(),
        });
    }
    if details.notes != task.notes {
        commands.push(Command::SetTaskNotes {
            task: task.id,
            notes: details.notes.clone(),
        });
    }
    if details.due != task.due {
        commands.push(Command::SetTaskDue {
            task: task.id,
            due: details.due,
        });
    }
    if details.phase != task.phase {
        commands.push(Command::SetTaskPhase {
            task: task.id,
            phase: details.phase,
        });
    }
}

fn span_label(first: Quarter, last: Quarter) -> String {
    if first == last {
        first.label().to_owned()
    } else {
        format!("{first}–{last}")
    }
}

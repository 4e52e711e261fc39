//! Dragging a task to another place on the board: a floating copy under the
//! pointer, a line where it would land, and the move when it is dropped.

use egui::{Id, Key, Modifiers, Rect, Ui};

use super::SwimlanesTab;
use super::board::Board;
use crate::model::command::Command;
use crate::model::{BlockId, TaskId};

/// A task being dragged.
pub(super) struct TaskDrag {
    pub(super) task: TaskId,
    pub(super) title: String,
}

/// Where a block and its task rows were drawn this frame, to find where a
/// dragged task would land.
pub(super) struct BlockSlot {
    pub(super) block: BlockId,
    pub(super) rect: Rect,
    /// Visible rows: the task, its index in the block, and its rect.
    pub(super) rows: Vec<(TaskId, usize, Rect)>,
    pub(super) task_count: usize,
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

impl SwimlanesTab {
    /// While a task is dragged: a floating copy under the pointer, a line where
    /// it would land, and the move itself when it is dropped. Escape, or a
    /// drop outside every block, changes nothing.
    pub(super) fn drag_ui(&mut self, ui: &mut Ui, board: &mut Board<'_, '_>, clip: Rect) {
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use egui::{pos2, vec2};

    use super::*;
    use crate::model::derived::Derived;
    use crate::model::{Block, LaneId, Plan, Quarter, Swimlane, Task};
    use crate::ui::PlanView;

    const GAP: f32 = 4.0;

    fn row(task: u64, index: usize, top: f32) -> (TaskId, usize, Rect) {
        (
            TaskId(task),
            index,
            Rect::from_min_size(pos2(0.0, top), vec2(200.0, 20.0)),
        )
    }

    /// A block at (0, 0)–(200, 200) showing its tasks 0 and 2 (task 1 is
    /// filtered out) at y 40–60 and 60–80.
    fn slots() -> Vec<BlockSlot> {
        vec![
            BlockSlot {
                block: BlockId(10),
                rect: Rect::from_min_size(pos2(0.0, 0.0), vec2(200.0, 200.0)),
                rows: vec![row(1, 0, 40.0), row(3, 2, 60.0)],
                task_count: 3,
            },
            BlockSlot {
                block: BlockId(20),
                rect: Rect::from_min_size(pos2(300.0, 0.0), vec2(200.0, 100.0)),
                rows: Vec::new(),
                task_count: 0,
            },
        ]
    }

    fn landing(pos: egui::Pos2) -> Option<(u64, usize, f32)> {
        drop_target(&slots(), pos, GAP).map(|target| (target.block.0, target.index, target.line_y))
    }

    #[test]
    fn a_task_lands_before_the_first_row_whose_middle_is_below_the_pointer() {
        assert_eq!(landing(pos2(50.0, 45.0)), Some((10, 0, 38.0)));
        assert_eq!(landing(pos2(50.0, 55.0)), Some((10, 2, 58.0)));
    }

    #[test]
    fn below_the_last_shown_row_a_task_lands_after_it() {
        assert_eq!(landing(pos2(50.0, 150.0)), Some((10, 3, 82.0)));
    }

    #[test]
    fn in_a_block_without_rows_a_task_lands_at_its_end() {
        assert_eq!(landing(pos2(350.0, 50.0)), Some((20, 0, 28.0)));
    }

    #[test]
    fn outside_every_block_there_is_nowhere_to_land() {
        assert_eq!(landing(pos2(250.0, 50.0)), None);
    }

    fn plan() -> Plan {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let mut plan = Plan::empty("Year", start);
        let task = |id: u64| Task {
            id: TaskId(id),
            title: format!("Task {id}"),
            done: false,
            done_on: None,
            due: None,
            notes: String::new(),
            phase: None,
        };
        plan.swimlanes.push(Swimlane {
            id: LaneId(1),
            name: "Core".to_owned(),
            subtitle: String::new(),
            blocks: vec![
                Block {
                    id: BlockId(10),
                    first_quarter: Quarter::Q1,
                    last_quarter: Quarter::Q1,
                    tasks: vec![task(1), task(2), task(3)],
                },
                Block {
                    id: BlockId(20),
                    first_quarter: Quarter::Q2,
                    last_quarter: Quarter::Q2,
                    tasks: Vec::new(),
                },
            ],
        });
        plan
    }

    /// The commands a drop of `task` on `block` before its task `index` emits.
    fn moves(task: u64, block: u64, index: usize) -> Vec<Command> {
        let plan = plan();
        let derived = Derived::of(&plan);
        let view = PlanView {
            plan: &plan,
            derived: &derived,
            today: plan.start_date,
            now: plan.start_date.and_time(chrono::NaiveTime::MIN),
            running: None,
            revision: 0,
        };
        let mut commands = Vec::new();
        let mut board = Board::new(&view, &mut commands, "");
        let target = DropTarget {
            block: BlockId(block),
            index,
            line_y: 0.0,
            line_x: (0.0, 0.0),
        };
        push_move(&mut board, TaskId(task), target);
        commands
    }

    fn move_task(task: u64, block: u64, index: usize) -> Vec<Command> {
        vec![Command::MoveTask {
            task: TaskId(task),
            to_block: BlockId(block),
            index,
        }]
    }

    #[test]
    fn moving_down_its_own_block_counts_without_the_task_itself() {
        assert_eq!(moves(1, 10, 3), move_task(1, 10, 2));
        assert_eq!(moves(3, 10, 0), move_task(3, 10, 0));
    }

    #[test]
    fn a_drop_on_its_own_place_moves_nothing() {
        assert_eq!(moves(2, 10, 1), []);
        assert_eq!(moves(2, 10, 2), []);
    }

    #[test]
    fn a_drop_on_another_block_moves_there() {
        assert_eq!(moves(2, 20, 0), move_task(2, 20, 0));
    }
}

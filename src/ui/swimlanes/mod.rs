//! The Swimlanes tab: lanes as rows, quarters as columns, a card per block,
//! tasks that are ticked, edited and dragged, and the phases with their status.
//!
//! This file holds what the tab remembers and draws it in order; the parts
//! live next to it:
//! - `toolbar`: plan progress, and the find box and hide-done toggle that
//!   choose which tasks the board shows;
//! - `board`: the lanes × quarters layout and the blocks placed on it;
//! - `task_card`: a task's row — checkbox, title renamed in place, its keys;
//! - `drag`: dragging a task to another place, with the line where it lands;
//! - `menus`: the lane header, the lane and block "…" menus, and the question
//!   before a deletion that takes tasks with it;
//! - `task_dialog`: the dialog with everything about a task;
//! - `phases`: the list of phases below the board.

mod board;
mod drag;
mod menus;
mod phases;
mod task_card;
mod task_dialog;
mod toolbar;

use egui::Ui;

use super::PlanView;
use crate::model::command::Command;
use crate::model::{BlockId, LaneId, TaskId};
use board::Board;
use drag::TaskDrag;
use menus::Confirm;
use task_dialog::TaskDetails;

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

impl SwimlanesTab {
    pub fn ui(&mut self, ui: &mut Ui, view: &PlanView<'_>, commands: &mut Vec<Command>) {
        self.toolbar_ui(ui, view);
        ui.separator();

        let mut board = Board::new(view, commands, &self.filter);
        let board_clip = self.board_ui(ui, &mut board);

        self.drag_ui(ui, &mut board, board_clip);
        self.details_ui(ui.ctx(), &mut board);
        self.confirm_ui(ui.ctx(), &mut board);
    }
}

/// An inline field takes the focus when it opens; once it has lost it the
/// edit is over, and it must not take the focus back.
fn focus_on_open(field: &egui::Response) {
    if !field.has_focus() && !field.lost_focus() {
        field.request_focus();
    }
}

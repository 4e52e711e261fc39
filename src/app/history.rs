//! Undo and redo.

use crate::model::Plan;

/// Earlier and later states of the plan, for undo and redo. Whole plans
/// are kept: a plan is small next to memory, and a snapshot cannot get an
/// inverse command wrong.
#[derive(Default)]
pub(super) struct History {
    undo: Vec<(Plan, u64)>,
    redo: Vec<(Plan, u64)>,
    last_revision: u64,
}

impl History {
    /// How many steps back undo reaches.
    const DEPTH: usize = 200;

    pub(super) fn record(&mut self, before: Plan, revision: u64) {
        self.undo.push((before, revision));
        if self.undo.len() > Self::DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub(super) fn next_revision(&mut self) -> u64 {
        self.last_revision += 1;
        self.last_revision
    }

    pub(super) fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub(super) fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub(super) fn undo(&mut self, current: Plan, revision: u64) -> Option<(Plan, u64)> {
        let previous = self.undo.pop()?;
        self.redo.push((current, revision));
        Some(previous)
    }

    pub(super) fn redo(&mut self, current: Plan, revision: u64) -> Option<(Plan, u64)> {
        let next = self.redo.pop()?;
        self.undo.push((current, revision));
        Some(next)
    }
}

//! Every change to a plan is a [`Command`], applied in one place. The UI only
//! emits commands; the app applies them, which is where the dirty flag, undo
//! points and recovery hook in.
//!
//! A command that succeeds leaves a plan that passes [`validate`] if it passed
//! before, and a command that fails leaves the plan exactly as it was: every
//! check is made before anything is changed. Whatever ids or indices a command
//! carries, applying it cannot panic; indices past the end are clamped.
//!
//! [`validate`]: super::validate::validate

use chrono::{Datelike, NaiveDate};

pub use super::metric_command::MetricCommand;
pub use super::money_command::MoneyCommand;
pub use super::time_command::TimeCommand;
use super::validate::{MAX_YEAR, MIN_YEAR};
use super::{
    BlockId, CategoryId, LaneId, LineId, MetricId, PhaseNumber, PhaseStatus, Plan, Quarter, TaskId,
};

/// One edit of the plan, as a person would name it.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// An edit of the time budget or the time log.
    Time(TimeCommand),
    /// An edit of the money budget or the expenses.
    Money(MoneyCommand),
    /// An edit of the success metrics, the review cadences or the reviews.
    Metrics(MetricCommand),
    /// Tick or untick a task. Ticking records `on` as the day it was done;
    /// unticking forgets that day.
    SetTaskDone {
        task: TaskId,
        done: bool,
        on: NaiveDate,
    },
    /// Adds a new, unticked task at the end of `block`. The title is trimmed.
    AddTask {
        block: BlockId,
        task: TaskId,
        title: String,
    },
    /// The title is trimmed; an unchanged title changes nothing.
    RenameTask {
        task: TaskId,
        title: String,
    },
    /// Notes are kept exactly as typed: they are free text, and trimming them
    /// would eat the space a person is in the middle of typing.
    SetTaskNotes {
        task: TaskId,
        notes: String,
    },
    SetTaskDue {
        task: TaskId,
        due: Option<NaiveDate>,
    },
    /// Links the task to a phase the plan has, or unlinks it.
    SetTaskPhase {
        task: TaskId,
        phase: Option<PhaseNumber>,
    },
    DeleteTask {
        task: TaskId,
    },
    /// Moves a task, unchanged, to position `index` of `to_block`. `index`
    /// counts positions after the task has been taken out of its old place,
    /// so moving the first of `[a, b, c]` to 2 gives `[b, c, a]`; an index
    /// past the end means the end.
    MoveTask {
        task: TaskId,
        to_block: BlockId,
        index: usize,
    },
    /// Adds a swimlane, with no blocks, after the others. Name and subtitle
    /// are trimmed.
    AddLane {
        lane: LaneId,
        name: String,
        subtitle: String,
    },
    /// Name and subtitle are trimmed; the name must not be empty.
    RenameLane {
        lane: LaneId,
        name: String,
        subtitle: String,
    },
    /// Deletes a swimlane with its blocks and tasks. A success metric that
    /// counted that lane's tasks becomes an unticked manual one, so it keeps
    /// its name and the plan keeps no reference to a lane it lacks.
    DeleteLane {
        lane: LaneId,
    },
    /// Moves a swimlane to position `index`, counted as for [`Command::MoveTask`].
    MoveLane {
        lane: LaneId,
        index: usize,
    },
    /// Adds an empty block at the end of `lane`.
    AddBlock {
        lane: LaneId,
        block: BlockId,
        first_quarter: Quarter,
        last_quarter: Quarter,
    },
    /// Deletes a block with its tasks.
    DeleteBlock {
        block: BlockId,
    },
    SetBlockSpan {
        block: BlockId,
        first_quarter: Quarter,
        last_quarter: Quarter,
    },
    /// Sets a phase's status, keeping its dates true to it: not started has
    /// no dates; in progress has a start date (`on`, unless it already had
    /// one) and no done date; done is done `on`, and started `on` unless it
    /// had started earlier.
    SetPhaseStatus {
        phase: PhaseNumber,
        status: PhaseStatus,
        on: NaiveDate,
    },
}

/// Why a command was refused. Most often it names something the plan no
/// longer has, e.g. a task deleted between the click and the command being
/// applied.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("the task with id {0} is not in the plan")]
    NoSuchTask(TaskId),
    #[error("the block with id {0} is not in the plan")]
    NoSuchBlock(BlockId),
    #[error("the swimlane with id {0} is not in the plan")]
    NoSuchLane(LaneId),
    #[error("the plan has no phase {0}")]
    NoSuchPhase(PhaseNumber),
    /// Names what the id was wanted for, e.g. `task id 7`.
    #[error("{0} is already in use in this plan")]
    IdInUse(String),
    #[error(
        "a block cannot run backwards from {first} to {last}; \
         the first quarter must not come after the last"
    )]
    ReversedSpan { first: Quarter, last: Quarter },
    #[error("a title or name cannot be empty")]
    EmptyTitle,
    /// A date the plan would refuse on load: almost always a typing mistake
    /// or a clock gone wrong.
    #[error("the date {0} is outside the years {MIN_YEAR}–{MAX_YEAR}")]
    DateOutOfRange(NaiveDate),
    #[error("the time category with id {0} is not in the plan")]
    NoSuchCategory(CategoryId),
    #[error("the budget line with id {0} is not in the plan")]
    NoSuchLine(LineId),
    #[error("there is no time entry number {0}")]
    NoSuchEntry(usize),
    #[error("there is no expense number {0}")]
    NoSuchExpense(usize),
    #[error("the success metric with id {0} is not in the plan")]
    NoSuchMetric(MetricId),
    #[error("there is no review number {0}")]
    NoSuchReview(usize),
    /// A value the plan cannot hold, e.g. 25 hours in a day; says which and why.
    #[error("{0}")]
    Invalid(String),
}

impl Plan {
    /// Applies `command`. Returns whether the plan changed, so that a click
    /// that changes nothing does not mark the plan as modified.
    pub fn apply(&mut self, command: &Command) -> Result<bool, CommandError> {
        match command {
            Command::Time(command) => self.apply_time(command),
            Command::Money(command) => self.apply_money(command),
            Command::Metrics(command) => self.apply_metrics(command),
            &Command::SetTaskDone { task, done, on } => self.set_task_done(task, done, on),
            Command::AddTask { block, task, title } => self.add_task(*block, *task, title),
            Command::RenameTask { task, title } => self.rename_task(*task, title),
            Command::SetTaskNotes { task, notes } => self.set_task_notes(*task, notes),
            &Command::SetTaskDue { task, due } => self.set_task_due(task, due),
            &Command::SetTaskPhase { task, phase } => self.set_task_phase(task, phase),
            &Command::DeleteTask { task } => self.delete_task(task),
            &Command::MoveTask {
                task,
                to_block,
                index,
            } => self.move_task(task, to_block, index),
            Command::AddLane {
                lane,
                name,
                subtitle,
            } => self.add_lane(*lane, name, subtitle),
            Command::RenameLane {
                lane,
                name,
                subtitle,
            } => self.rename_lane(*lane, name, subtitle),
            &Command::DeleteLane { lane } => self.delete_lane(lane),
            &Command::MoveLane { lane, index } => self.move_lane(lane, index),
            &Command::AddBlock {
                lane,
                block,
                first_quarter,
                last_quarter,
            } => self.add_block(lane, block, first_quarter, last_quarter),
            &Command::DeleteBlock { block } => self.delete_block(block),
            &Command::SetBlockSpan {
                block,
                first_quarter,
                last_quarter,
            } => self.set_block_span(block, first_quarter, last_quarter),
            &Command::SetPhaseStatus { phase, status, on } => {
                self.set_phase_status(phase, status, on)
            }
        }
    }
}

/// The trimmed `title`, refused when nothing is left of it.
pub(super) fn non_empty(title: &str) -> Result<&str, CommandError> {
    let title = title.trim();
    if title.is_empty() {
        Err(CommandError::EmptyTitle)
    } else {
        Ok(title)
    }
}

/// Refuses a date the validator would refuse, so no command can make a plan
/// that its own file would fail to load.
pub(super) fn checked_date(date: NaiveDate) -> Result<NaiveDate, CommandError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(CommandError::DateOutOfRange(date))
    }
}

/// Sets `slot` to `value` and says whether that changed it.
pub(super) fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

/// Like [`set`] for text, copying only when the text differs.
pub(super) fn replace(slot: &mut String, value: &str) -> bool {
    if slot == value {
        false
    } else {
        value.clone_into(slot);
        true
    }
}

/// Removes the item at `index` of `items`, or refuses with `missing` when
/// there is none, so a stale index cannot panic.
pub(super) fn remove_at<T>(
    items: &mut Vec<T>,
    index: usize,
    missing: CommandError,
) -> Result<bool, CommandError> {
    if index >= items.len() {
        return Err(missing);
    }
    items.remove(index);
    Ok(true)
}

/// Moves the item at `from` to `to`, where `to` counts positions after the
/// item is taken out and is clamped to the end. Says whether anything moved.
pub(super) fn move_within<T>(items: &mut Vec<T>, from: usize, to: usize) -> bool {
    let Some(last) = items.len().checked_sub(1) else {
        return false;
    };
    let to = to.min(last);
    if from > last || from == to {
        return false;
    }
    let item = items.remove(from);
    items.insert(to, item);
    true
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn errors_read_as_sentences() {
        let messages: Vec<String> = [
            CommandError::NoSuchTask(TaskId(7)),
            CommandError::NoSuchBlock(BlockId(3)),
            CommandError::NoSuchLane(LaneId(2)),
            CommandError::NoSuchPhase(14),
            CommandError::IdInUse("task id 7".to_owned()),
            CommandError::ReversedSpan {
                first: Quarter::Q3,
                last: Quarter::Q1,
            },
            CommandError::EmptyTitle,
            CommandError::DateOutOfRange(day(2226, 1, 1)),
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            messages,
            [
                "the task with id 7 is not in the plan",
                "the block with id 3 is not in the plan",
                "the swimlane with id 2 is not in the plan",
                "the plan has no phase 14",
                "task id 7 is already in use in this plan",
                "a block cannot run backwards from Q3 to Q1; \
                 the first quarter must not come after the last",
                "a title or name cannot be empty",
                "the date 2226-01-01 is outside the years 1900–2200",
            ]
        );
    }
}

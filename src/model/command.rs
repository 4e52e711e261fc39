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
    Block, BlockId, CategoryId, LaneId, LineId, MetricId, MetricMeasure, PhaseNumber, PhaseStatus,
    Plan, Quarter, Swimlane, Task, TaskId,
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

/// Puts `record` at `index` of `list` (an index already checked); `Ok(false)`
/// when that record is already there, so the plan is not marked modified.
pub(super) fn replace_record<T: PartialEq>(
    list: &mut [T],
    index: usize,
    record: T,
    missing: CommandError,
) -> Result<bool, CommandError> {
    let slot = list.get_mut(index).ok_or(missing)?;
    if *slot == record {
        return Ok(false);
    }
    *slot = record;
    Ok(true)
}

/// Checks every imported record before any is added, so one bad row adds
/// none; the error names the record as a person counts them, from 1.
pub(super) fn check_imported<T>(
    records: &[T],
    what: &str,
    check: impl Fn(&T) -> Result<T, CommandError>,
    date: impl Fn(&T) -> NaiveDate,
) -> Result<Vec<T>, CommandError> {
    records
        .iter()
        .enumerate()
        .map(|(index, record)| {
            check(record).map_err(|error| {
                CommandError::Invalid(format!(
                    "imported {what} {} ({}): {error}",
                    index + 1,
                    date(record)
                ))
            })
        })
        .collect()
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

    fn set_task_done(
        &mut self,
        task: TaskId,
        done: bool,
        on: NaiveDate,
    ) -> Result<bool, CommandError> {
        let found = self.existing_task_mut(task)?;
        if found.done == done {
            return Ok(false);
        }
        if done {
            checked_date(on)?;
        }
        found.done = done;
        found.done_on = done.then_some(on);
        Ok(true)
    }

    fn add_task(
        &mut self,
        block: BlockId,
        task: TaskId,
        title: &str,
    ) -> Result<bool, CommandError> {
        if self.block(block).is_none() {
            return Err(CommandError::NoSuchBlock(block));
        }
        if self.task(task).is_some() {
            return Err(CommandError::IdInUse(format!("task id {task}")));
        }
        let title = non_empty(title)?;
        let target = self.existing_block_mut(block)?;
        target.tasks.push(Task {
            id: task,
            title: title.to_owned(),
            done: false,
            done_on: None,
            due: None,
            notes: String::new(),
            phase: None,
        });
        Ok(true)
    }

    fn rename_task(&mut self, task: TaskId, title: &str) -> Result<bool, CommandError> {
        let found = self.existing_task_mut(task)?;
        let title = non_empty(title)?;
        Ok(replace(&mut found.title, title))
    }

    fn set_task_notes(&mut self, task: TaskId, notes: &str) -> Result<bool, CommandError> {
        let found = self.existing_task_mut(task)?;
        Ok(replace(&mut found.notes, notes))
    }

    fn set_task_due(&mut self, task: TaskId, due: Option<NaiveDate>) -> Result<bool, CommandError> {
        let found = self.existing_task_mut(task)?;
        if let Some(date) = due {
            checked_date(date)?;
        }
        Ok(set(&mut found.due, due))
    }

    fn set_task_phase(
        &mut self,
        task: TaskId,
        phase: Option<PhaseNumber>,
    ) -> Result<bool, CommandError> {
        if self.task(task).is_none() {
            return Err(CommandError::NoSuchTask(task));
        }
        if let Some(number) = phase
            && self.phase(number).is_none()
        {
            return Err(CommandError::NoSuchPhase(number));
        }
        let found = self.existing_task_mut(task)?;
        Ok(set(&mut found.phase, phase))
    }

    fn delete_task(&mut self, task: TaskId) -> Result<bool, CommandError> {
        let (lane, block, index) = self
            .task_position(task)
            .ok_or(CommandError::NoSuchTask(task))?;
        let tasks = &mut self
            .block_at_mut(lane, block)
            .ok_or(CommandError::NoSuchTask(task))?
            .tasks;
        if index >= tasks.len() {
            return Err(CommandError::NoSuchTask(task));
        }
        tasks.remove(index);
        Ok(true)
    }

    fn move_task(
        &mut self,
        task: TaskId,
        to_block: BlockId,
        index: usize,
    ) -> Result<bool, CommandError> {
        let (from_lane, from_block, from_index) = self
            .task_position(task)
            .ok_or(CommandError::NoSuchTask(task))?;
        let (to_lane, to_block_index) = self
            .block_position(to_block)
            .ok_or(CommandError::NoSuchBlock(to_block))?;
        let source = self
            .block_at_mut(from_lane, from_block)
            .ok_or(CommandError::NoSuchTask(task))?;
        if (from_lane, from_block) == (to_lane, to_block_index) {
            return Ok(move_within(&mut source.tasks, from_index, index));
        }
        if from_index >= source.tasks.len() {
            return Err(CommandError::NoSuchTask(task));
        }
        let moved = source.tasks.remove(from_index);
        if let Some(target) = self.block_at_mut(to_lane, to_block_index) {
            let at = index.min(target.tasks.len());
            target.tasks.insert(at, moved);
            return Ok(true);
        }
        // Unreachable, since taking out a task moves no block; but should it
        // ever happen, the task goes back rather than being lost.
        if let Some(source) = self.block_at_mut(from_lane, from_block) {
            let at = from_index.min(source.tasks.len());
            source.tasks.insert(at, moved);
        }
        Err(CommandError::NoSuchBlock(to_block))
    }

    fn add_lane(&mut self, lane: LaneId, name: &str, subtitle: &str) -> Result<bool, CommandError> {
        if self.lane(lane).is_some() {
            return Err(CommandError::IdInUse(format!("swimlane id {lane}")));
        }
        let name = non_empty(name)?;
        self.swimlanes.push(Swimlane {
            id: lane,
            name: name.to_owned(),
            subtitle: subtitle.trim().to_owned(),
            blocks: Vec::new(),
        });
        Ok(true)
    }

    fn rename_lane(
        &mut self,
        lane: LaneId,
        name: &str,
        subtitle: &str,
    ) -> Result<bool, CommandError> {
        let found = self.existing_lane_mut(lane)?;
        let name = non_empty(name)?;
        let renamed = replace(&mut found.name, name);
        let resubtitled = replace(&mut found.subtitle, subtitle.trim());
        Ok(renamed || resubtitled)
    }

    fn delete_lane(&mut self, lane: LaneId) -> Result<bool, CommandError> {
        let position = self
            .swimlanes
            .iter()
            .position(|found| found.id == lane)
            .ok_or(CommandError::NoSuchLane(lane))?;
        self.swimlanes.remove(position);
        // A metric cannot count the tasks of a lane that is gone. Turning it
        // into an unticked manual metric keeps its name (the goal still
        // stands) and keeps the plan valid; the person can tick it by hand or
        // point it at another lane.
        if self.lane(lane).is_none() {
            for metric in &mut self.success_metrics {
                if metric.measure == (MetricMeasure::LaneTasksDone { lane }) {
                    metric.measure = MetricMeasure::Manual { done: false };
                }
            }
        }
        Ok(true)
    }

    fn move_lane(&mut self, lane: LaneId, index: usize) -> Result<bool, CommandError> {
        let position = self
            .swimlanes
            .iter()
            .position(|found| found.id == lane)
            .ok_or(CommandError::NoSuchLane(lane))?;
        Ok(move_within(&mut self.swimlanes, position, index))
    }

    fn add_block(
        &mut self,
        lane: LaneId,
        block: BlockId,
        first_quarter: Quarter,
        last_quarter: Quarter,
    ) -> Result<bool, CommandError> {
        if self.lane(lane).is_none() {
            return Err(CommandError::NoSuchLane(lane));
        }
        if self.block(block).is_some() {
            return Err(CommandError::IdInUse(format!("block id {block}")));
        }
        checked_span(first_quarter, last_quarter)?;
        self.existing_lane_mut(lane)?.blocks.push(Block {
            id: block,
            first_quarter,
            last_quarter,
            tasks: Vec::new(),
        });
        Ok(true)
    }

    fn delete_block(&mut self, block: BlockId) -> Result<bool, CommandError> {
        let (lane, index) = self
            .block_position(block)
            .ok_or(CommandError::NoSuchBlock(block))?;
        let blocks = &mut self
            .swimlanes
            .get_mut(lane)
            .ok_or(CommandError::NoSuchBlock(block))?
            .blocks;
        if index >= blocks.len() {
            return Err(CommandError::NoSuchBlock(block));
        }
        blocks.remove(index);
        Ok(true)
    }

    fn set_block_span(
        &mut self,
        block: BlockId,
        first_quarter: Quarter,
        last_quarter: Quarter,
    ) -> Result<bool, CommandError> {
        let found = self.existing_block_mut(block)?;
        checked_span(first_quarter, last_quarter)?;
        let first_changed = set(&mut found.first_quarter, first_quarter);
        let last_changed = set(&mut found.last_quarter, last_quarter);
        Ok(first_changed || last_changed)
    }

    fn set_phase_status(
        &mut self,
        phase: PhaseNumber,
        status: PhaseStatus,
        on: NaiveDate,
    ) -> Result<bool, CommandError> {
        let found = self
            .phases
            .iter_mut()
            .find(|found| found.number == phase)
            .ok_or(CommandError::NoSuchPhase(phase))?;
        if found.status == status {
            return Ok(false);
        }
        match status {
            PhaseStatus::NotStarted => {
                found.started_on = None;
                found.done_on = None;
            }
            PhaseStatus::InProgress => {
                checked_date(on)?;
                found.started_on.get_or_insert(on);
                found.done_on = None;
            }
            PhaseStatus::Done => {
                checked_date(on)?;
                // A start recorded after `on` (a clock set wrong, or a file
                // edited on another machine) cannot be true of a phase done
                // `on`, and would make the plan invalid: it moves back to `on`.
                found.started_on = Some(found.started_on.map_or(on, |started| started.min(on)));
                found.done_on = Some(on);
            }
        }
        found.status = status;
        Ok(true)
    }

    /// The lane index, block index and task index of the task `id`.
    fn task_position(&self, id: TaskId) -> Option<(usize, usize, usize)> {
        self.swimlanes
            .iter()
            .enumerate()
            .find_map(|(lane_index, lane)| {
                lane.blocks
                    .iter()
                    .enumerate()
                    .find_map(|(block_index, block)| {
                        let index = block.tasks.iter().position(|task| task.id == id)?;
                        Some((lane_index, block_index, index))
                    })
            })
    }

    /// The lane index and block index of the block `id`.
    fn block_position(&self, id: BlockId) -> Option<(usize, usize)> {
        self.swimlanes
            .iter()
            .enumerate()
            .find_map(|(lane_index, lane)| {
                let index = lane.blocks.iter().position(|block| block.id == id)?;
                Some((lane_index, index))
            })
    }

    fn block_at_mut(&mut self, lane: usize, block: usize) -> Option<&mut Block> {
        self.swimlanes.get_mut(lane)?.blocks.get_mut(block)
    }

    fn existing_task_mut(&mut self, id: TaskId) -> Result<&mut Task, CommandError> {
        self.task_mut(id).ok_or(CommandError::NoSuchTask(id))
    }

    fn existing_block_mut(&mut self, id: BlockId) -> Result<&mut Block, CommandError> {
        self.swimlanes
            .iter_mut()
            .flat_map(|lane| lane.blocks.iter_mut())
            .find(|block| block.id == id)
            .ok_or(CommandError::NoSuchBlock(id))
    }

    fn existing_lane_mut(&mut self, id: LaneId) -> Result<&mut Swimlane, CommandError> {
        self.swimlanes
            .iter_mut()
            .find(|lane| lane.id == id)
            .ok_or(CommandError::NoSuchLane(id))
    }
}

/// The trimmed `title`, refused when nothing is left of it.
fn non_empty(title: &str) -> Result<&str, CommandError> {
    let title = title.trim();
    if title.is_empty() {
        Err(CommandError::EmptyTitle)
    } else {
        Ok(title)
    }
}

/// Refuses a date the validator would refuse, so no command can make a plan
/// that its own file would fail to load.
fn checked_date(date: NaiveDate) -> Result<NaiveDate, CommandError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(CommandError::DateOutOfRange(date))
    }
}

fn checked_span(first: Quarter, last: Quarter) -> Result<(), CommandError> {
    if first > last {
        Err(CommandError::ReversedSpan { first, last })
    } else {
        Ok(())
    }
}

/// Sets `slot` to `value` and says whether that changed it.
fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

/// Like [`set`] for text, copying only when the text differs.
fn replace(slot: &mut String, value: &str) -> bool {
    if slot == value {
        false
    } else {
        value.clone_into(slot);
        true
    }
}

/// Moves the item at `from` to `to`, where `to` counts positions after the
/// item is taken out and is clamped to the end. Says whether anything moved.
fn move_within<T>(items: &mut Vec<T>, from: usize, to: usize) -> bool {
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
    use crate::model::validate::validate;
    use crate::model::{MetricId, Phase, SuccessMetric};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn task(id: u64, title: &str) -> Task {
        Task {
            id: TaskId(id),
            title: title.to_owned(),
            done: false,
            done_on: None,
            due: None,
            notes: String::new(),
            phase: None,
        }
    }

    fn block(id: u64, quarter: Quarter, tasks: Vec<Task>) -> Block {
        Block {
            id: BlockId(id),
            first_quarter: quarter,
            last_quarter: quarter,
            tasks,
        }
    }

    fn phase(number: PhaseNumber, name: &str) -> Phase {
        Phase {
            number,
            name: name.to_owned(),
            quarter: Quarter::Q1,
            status: PhaseStatus::NotStarted,
            started_on: None,
            done_on: None,
        }
    }

    /// Lane 1 "Core" holds block 1 [a, b, c] and block 2 [d]; lane 2 "Scale"
    /// holds block 3 [e]. Phases 0 and 1; metric 1 counts lane 2's tasks.
    fn small_plan() -> Plan {
        let mut plan = Plan::empty("Test", day(2026, 1, 1));
        plan.swimlanes = vec![
            Swimlane {
                id: LaneId(1),
                name: "Core".to_owned(),
                subtitle: "Foundation".to_owned(),
                blocks: vec![
                    block(
                        1,
                        Quarter::Q1,
                        vec![task(1, "a"), task(2, "b"), task(3, "c")],
                    ),
                    block(2, Quarter::Q2, vec![task(4, "d")]),
                ],
            },
            Swimlane {
                id: LaneId(2),
                name: "Scale".to_owned(),
                subtitle: String::new(),
                blocks: vec![block(3, Quarter::Q1, vec![task(5, "e")])],
            },
        ];
        plan.phases = vec![phase(0, "Tooling"), phase(1, "Core Elixir")];
        plan.success_metrics = vec![
            SuccessMetric {
                id: MetricId(1),
                name: "Scale done".to_owned(),
                measure: MetricMeasure::LaneTasksDone { lane: LaneId(2) },
            },
            SuccessMetric {
                id: MetricId(2),
                name: "Core done".to_owned(),
                measure: MetricMeasure::LaneTasksDone { lane: LaneId(1) },
            },
        ];
        validate(&plan).unwrap();
        plan
    }

    fn titles(plan: &Plan, id: u64) -> Vec<&str> {
        plan.block(BlockId(id))
            .unwrap()
            .tasks
            .iter()
            .map(|task| task.title.as_str())
            .collect()
    }

    fn lane_names(plan: &Plan) -> Vec<&str> {
        plan.swimlanes
            .iter()
            .map(|lane| lane.name.as_str())
            .collect()
    }

    /// Applies a command that must be refused with `error`, and checks that
    /// the refusal left the plan exactly as it was.
    // Taken by value so that calls can build the command inline.
    #[allow(clippy::needless_pass_by_value)]
    fn assert_refused(plan: &mut Plan, command: Command, error: CommandError) {
        let before = plan.clone();
        assert_eq!(plan.apply(&command), Err(error), "{command:?}");
        assert_eq!(*plan, before, "{command:?} changed the plan it refused");
    }

    /// Applies a command that must succeed without changing anything.
    #[allow(clippy::needless_pass_by_value)]
    fn assert_no_change(plan: &mut Plan, command: Command) {
        let before = plan.clone();
        assert_eq!(plan.apply(&command), Ok(false), "{command:?}");
        assert_eq!(*plan, before);
    }

    fn plan_with_one_task() -> Plan {
        let mut plan = Plan::empty("Test", day(2026, 1, 1));
        plan.swimlanes.push(Swimlane {
            id: LaneId(1),
            name: "Core".into(),
            subtitle: String::new(),
            blocks: vec![block(
                1,
                Quarter::Q1,
                vec![task(7, "Establish CI/CD pipeline")],
            )],
        });
        plan
    }

    #[test]
    fn ticking_records_the_day_and_unticking_clears_it() {
        let mut plan = plan_with_one_task();
        let tick = Command::SetTaskDone {
            task: TaskId(7),
            done: true,
            on: day(2026, 3, 2),
        };
        assert_eq!(plan.apply(&tick), Ok(true));
        let task = plan.task(TaskId(7)).unwrap();
        assert!(task.done);
        assert_eq!(task.done_on, Some(day(2026, 3, 2)));

        // Ticking again changes nothing, so the plan is not marked modified.
        assert_eq!(plan.apply(&tick), Ok(false));

        let untick = Command::SetTaskDone {
            task: TaskId(7),
            done: false,
            on: day(2026, 3, 5),
        };
        assert_eq!(plan.apply(&untick), Ok(true));
        let task = plan.task(TaskId(7)).unwrap();
        assert!(!task.done);
        assert_eq!(task.done_on, None);
    }

    #[test]
    fn a_missing_task_is_an_error_and_changes_nothing() {
        let mut plan = plan_with_one_task();
        let before = plan.clone();
        let result = plan.apply(&Command::SetTaskDone {
            task: TaskId(99),
            done: true,
            on: day(2026, 3, 2),
        });
        assert_eq!(result, Err(CommandError::NoSuchTask(TaskId(99))));
        assert_eq!(plan, before);
    }

    #[test]
    fn ticking_on_a_day_from_another_era_is_refused() {
        let mut plan = plan_with_one_task();
        assert_refused(
            &mut plan,
            Command::SetTaskDone {
                task: TaskId(7),
                done: true,
                on: day(2226, 3, 2),
            },
            CommandError::DateOutOfRange(day(2226, 3, 2)),
        );
    }

    #[test]
    fn add_task_appends_an_unticked_task_with_a_trimmed_title() {
        let mut plan = small_plan();
        let add = Command::AddTask {
            block: BlockId(1),
            task: TaskId(40),
            title: "  Write the runbook \n".to_owned(),
        };
        assert_eq!(plan.apply(&add), Ok(true));
        assert_eq!(titles(&plan, 1), ["a", "b", "c", "Write the runbook"]);
        assert_eq!(plan.task(TaskId(40)), Some(&task(40, "Write the runbook")));
        validate(&plan).unwrap();

        // The same command again would duplicate the id.
        assert_refused(
            &mut plan,
            add,
            CommandError::IdInUse("task id 40".to_owned()),
        );
    }

    #[test]
    fn add_task_refusals() {
        let mut plan = small_plan();
        assert_refused(
            &mut plan,
            Command::AddTask {
                block: BlockId(1),
                task: TaskId(40),
                title: " \t\n".to_owned(),
            },
            CommandError::EmptyTitle,
        );
        assert_refused(
            &mut plan,
            Command::AddTask {
                block: BlockId(9),
                task: TaskId(40),
                title: "x".to_owned(),
            },
            CommandError::NoSuchBlock(BlockId(9)),
        );
        // Ids are unique across the plan, not only within a block.
        assert_refused(
            &mut plan,
            Command::AddTask {
                block: BlockId(1),
                task: TaskId(5),
                title: "x".to_owned(),
            },
            CommandError::IdInUse("task id 5".to_owned()),
        );
    }

    #[test]
    fn rename_task_trims_and_ignores_the_same_title() {
        let mut plan = small_plan();
        let rename = |title: &str| Command::RenameTask {
            task: TaskId(2),
            title: title.to_owned(),
        };
        assert_eq!(plan.apply(&rename(" Load testing ")), Ok(true));
        assert_eq!(titles(&plan, 1), ["a", "Load testing", "c"]);
        assert_no_change(&mut plan, rename("Load testing  "));
        assert_refused(&mut plan, rename("   "), CommandError::EmptyTitle);
        assert_refused(
            &mut plan,
            Command::RenameTask {
                task: TaskId(99),
                title: "x".to_owned(),
            },
            CommandError::NoSuchTask(TaskId(99)),
        );
    }

    #[test]
    fn notes_are_kept_as_typed() {
        let mut plan = small_plan();
        let notes = |notes: &str| Command::SetTaskNotes {
            task: TaskId(3),
            notes: notes.to_owned(),
        };
        assert_eq!(plan.apply(&notes("see ADR 4 ")), Ok(true));
        assert_eq!(plan.task(TaskId(3)).unwrap().notes, "see ADR 4 ");
        assert_no_change(&mut plan, notes("see ADR 4 "));
        assert_eq!(plan.apply(&notes("")), Ok(true));
        assert_eq!(plan.task(TaskId(3)).unwrap().notes, "");
        assert_refused(
            &mut plan,
            Command::SetTaskNotes {
                task: TaskId(99),
                notes: "x".to_owned(),
            },
            CommandError::NoSuchTask(TaskId(99)),
        );
    }

    #[test]
    fn due_dates_are_set_cleared_and_checked() {
        let mut plan = small_plan();
        let due = |due| Command::SetTaskDue {
            task: TaskId(1),
            due,
        };
        assert_eq!(plan.apply(&due(Some(day(2026, 3, 31)))), Ok(true));
        assert_eq!(plan.task(TaskId(1)).unwrap().due, Some(day(2026, 3, 31)));
        assert_no_change(&mut plan, due(Some(day(2026, 3, 31))));
        assert_refused(
            &mut plan,
            due(Some(day(20260, 3, 31))),
            CommandError::DateOutOfRange(day(20260, 3, 31)),
        );
        assert_eq!(plan.apply(&due(None)), Ok(true));
        assert_eq!(plan.task(TaskId(1)).unwrap().due, None);
        assert_no_change(&mut plan, due(None));
        assert_refused(
            &mut plan,
            Command::SetTaskDue {
                task: TaskId(99),
                due: None,
            },
            CommandError::NoSuchTask(TaskId(99)),
        );
    }

    #[test]
    fn a_task_links_only_to_a_phase_the_plan_has() {
        let mut plan = small_plan();
        let link = |phase| Command::SetTaskPhase {
            task: TaskId(4),
            phase,
        };
        assert_eq!(plan.apply(&link(Some(1))), Ok(true));
        assert_eq!(plan.task(TaskId(4)).unwrap().phase, Some(1));
        assert_no_change(&mut plan, link(Some(1)));
        assert_refused(&mut plan, link(Some(2)), CommandError::NoSuchPhase(2));
        assert_eq!(plan.apply(&link(None)), Ok(true));
        assert_eq!(plan.task(TaskId(4)).unwrap().phase, None);
        assert_refused(
            &mut plan,
            Command::SetTaskPhase {
                task: TaskId(99),
                phase: Some(0),
            },
            CommandError::NoSuchTask(TaskId(99)),
        );
    }

    #[test]
    fn delete_task_removes_only_that_task() {
        let mut plan = small_plan();
        assert_eq!(
            plan.apply(&Command::DeleteTask { task: TaskId(2) }),
            Ok(true)
        );
        assert_eq!(titles(&plan, 1), ["a", "c"]);
        assert_eq!(plan.tasks().count(), 4);
        assert_refused(
            &mut plan,
            Command::DeleteTask { task: TaskId(2) },
            CommandError::NoSuchTask(TaskId(2)),
        );
    }

    fn move_task(id: u64, to_block: u64, index: usize) -> Command {
        Command::MoveTask {
            task: TaskId(id),
            to_block: BlockId(to_block),
            index,
        }
    }

    #[test]
    fn moving_within_a_block_counts_the_index_after_removal() {
        let mut plan = small_plan();
        assert_eq!(plan.apply(&move_task(1, 1, 2)), Ok(true));
        assert_eq!(titles(&plan, 1), ["b", "c", "a"]);

        let mut plan = small_plan();
        assert_eq!(plan.apply(&move_task(3, 1, 0)), Ok(true));
        assert_eq!(titles(&plan, 1), ["c", "a", "b"]);

        let mut plan = small_plan();
        assert_eq!(plan.apply(&move_task(1, 1, 1)), Ok(true));
        assert_eq!(titles(&plan, 1), ["b", "a", "c"]);

        // Past the end means the end.
        let mut plan = small_plan();
        assert_eq!(plan.apply(&move_task(2, 1, usize::MAX)), Ok(true));
        assert_eq!(titles(&plan, 1), ["a", "c", "b"]);
    }

    #[test]
    fn moving_to_the_same_place_changes_nothing() {
        let mut plan = small_plan();
        assert_no_change(&mut plan, move_task(2, 1, 1));
        assert_no_change(&mut plan, move_task(3, 1, 2));
        // The last task moved "past the end" stays where it is.
        assert_no_change(&mut plan, move_task(3, 1, 7));
        // A block's only task.
        assert_no_change(&mut plan, move_task(4, 2, 0));
        assert_no_change(&mut plan, move_task(4, 2, usize::MAX));
    }

    #[test]
    fn a_moved_task_travels_whole_across_blocks_and_lanes() {
        let mut plan = small_plan();
        let rich = Task {
            done: true,
            done_on: Some(day(2026, 2, 3)),
            due: Some(day(2026, 3, 31)),
            notes: "see ADR 4".to_owned(),
            phase: Some(1),
            ..task(2, "b")
        };
        *plan.task_mut(TaskId(2)).unwrap() = rich.clone();

        // Into another lane's block, in front of its task.
        assert_eq!(plan.apply(&move_task(2, 3, 0)), Ok(true));
        assert_eq!(titles(&plan, 1), ["a", "c"]);
        assert_eq!(titles(&plan, 3), ["b", "e"]);
        assert_eq!(plan.task(TaskId(2)), Some(&rich));
        assert_eq!(
            plan.block_of_task(TaskId(2)),
            Some((LaneId(2), BlockId(3), 0))
        );
        validate(&plan).unwrap();

        // Back to another block of the first lane, past its end.
        assert_eq!(plan.apply(&move_task(2, 2, 99)), Ok(true));
        assert_eq!(titles(&plan, 2), ["d", "b"]);
        assert_eq!(titles(&plan, 3), ["e"]);
        assert_eq!(plan.task(TaskId(2)), Some(&rich));

        // Into the middle of a block.
        assert_eq!(plan.apply(&move_task(2, 1, 1)), Ok(true));
        assert_eq!(titles(&plan, 1), ["a", "b", "c"]);
        assert_eq!(titles(&plan, 2), ["d"]);
        assert_eq!(plan.task(TaskId(2)), Some(&rich));
    }

    #[test]
    fn a_block_can_be_emptied_and_refilled_by_moves() {
        let mut plan = small_plan();
        assert_eq!(plan.apply(&move_task(5, 1, 0)), Ok(true));
        assert_eq!(titles(&plan, 3), Vec::<&str>::new());
        assert_eq!(plan.apply(&move_task(1, 3, 5)), Ok(true));
        assert_eq!(titles(&plan, 3), ["a"]);
        assert_eq!(titles(&plan, 1), ["e", "b", "c"]);
    }

    #[test]
    fn moving_to_an_unknown_block_or_an_unknown_task_is_refused() {
        let mut plan = small_plan();
        assert_refused(
            &mut plan,
            move_task(1, 9, 0),
            CommandError::NoSuchBlock(BlockId(9)),
        );
        assert_refused(
            &mut plan,
            move_task(99, 1, 0),
            CommandError::NoSuchTask(TaskId(99)),
        );
    }

    #[test]
    fn add_lane_appends_an_empty_lane() {
        let mut plan = small_plan();
        let add = Command::AddLane {
            lane: LaneId(3),
            name: " Compliance ".to_owned(),
            subtitle: " Security & Operations ".to_owned(),
        };
        assert_eq!(plan.apply(&add), Ok(true));
        assert_eq!(lane_names(&plan), ["Core", "Scale", "Compliance"]);
        assert_eq!(
            plan.lane(LaneId(3)),
            Some(&Swimlane {
                id: LaneId(3),
                name: "Compliance".to_owned(),
                subtitle: "Security & Operations".to_owned(),
                blocks: Vec::new(),
            })
        );
        validate(&plan).unwrap();
        assert_refused(
            &mut plan,
            add,
            CommandError::IdInUse("swimlane id 3".to_owned()),
        );
        assert_refused(
            &mut plan,
            Command::AddLane {
                lane: LaneId(4),
                name: " ".to_owned(),
                subtitle: "x".to_owned(),
            },
            CommandError::EmptyTitle,
        );
    }

    #[test]
    fn rename_lane_sets_name_and_subtitle() {
        let mut plan = small_plan();
        let rename = |name: &str, subtitle: &str| Command::RenameLane {
            lane: LaneId(2),
            name: name.to_owned(),
            subtitle: subtitle.to_owned(),
        };
        assert_no_change(&mut plan, rename("Scale ", ""));
        assert_eq!(plan.apply(&rename("Scale", " Growth ")), Ok(true));
        assert_eq!(plan.lane(LaneId(2)).unwrap().subtitle, "Growth");
        assert_eq!(plan.apply(&rename("Growth", "Growth")), Ok(true));
        assert_eq!(plan.lane(LaneId(2)).unwrap().name, "Growth");
        assert_refused(&mut plan, rename("", "x"), CommandError::EmptyTitle);
        assert_refused(
            &mut plan,
            Command::RenameLane {
                lane: LaneId(9),
                name: "x".to_owned(),
                subtitle: String::new(),
            },
            CommandError::NoSuchLane(LaneId(9)),
        );
    }

    #[test]
    fn delete_lane_takes_its_tasks_and_frees_its_metric() {
        let mut plan = small_plan();
        assert_eq!(
            plan.apply(&Command::DeleteLane { lane: LaneId(2) }),
            Ok(true)
        );
        assert_eq!(lane_names(&plan), ["Core"]);
        assert_eq!(plan.block(BlockId(3)), None);
        assert_eq!(plan.task(TaskId(5)), None);
        // The metric that counted lane 2 is now ticked by hand; the one that
        // counts lane 1 is untouched.
        assert_eq!(
            plan.success_metrics[0],
            SuccessMetric {
                id: MetricId(1),
                name: "Scale done".to_owned(),
                measure: MetricMeasure::Manual { done: false },
            }
        );
        assert_eq!(
            plan.success_metrics[1].measure,
            MetricMeasure::LaneTasksDone { lane: LaneId(1) }
        );
        validate(&plan).unwrap();
        assert_refused(
            &mut plan,
            Command::DeleteLane { lane: LaneId(2) },
            CommandError::NoSuchLane(LaneId(2)),
        );
    }

    #[test]
    fn move_lane_counts_the_index_after_removal() {
        let mut plan = small_plan();
        plan.apply(&Command::AddLane {
            lane: LaneId(3),
            name: "Compliance".to_owned(),
            subtitle: String::new(),
        })
        .unwrap();
        let move_lane = |id, index| Command::MoveLane {
            lane: LaneId(id),
            index,
        };
        assert_eq!(plan.apply(&move_lane(1, 2)), Ok(true));
        assert_eq!(lane_names(&plan), ["Scale", "Compliance", "Core"]);
        assert_eq!(plan.apply(&move_lane(1, 0)), Ok(true));
        assert_eq!(lane_names(&plan), ["Core", "Scale", "Compliance"]);
        assert_eq!(plan.apply(&move_lane(1, usize::MAX)), Ok(true));
        assert_eq!(lane_names(&plan), ["Scale", "Compliance", "Core"]);
        assert_no_change(&mut plan, move_lane(1, 2));
        assert_no_change(&mut plan, move_lane(1, 9));
        assert_no_change(&mut plan, move_lane(2, 0));
        assert_refused(
            &mut plan,
            move_lane(9, 0),
            CommandError::NoSuchLane(LaneId(9)),
        );
    }

    #[test]
    fn add_block_appends_an_empty_block_to_the_lane() {
        let mut plan = small_plan();
        let add = |lane, block, first, last| Command::AddBlock {
            lane: LaneId(lane),
            block: BlockId(block),
            first_quarter: first,
            last_quarter: last,
        };
        assert_eq!(plan.apply(&add(2, 4, Quarter::Q2, Quarter::Q4)), Ok(true));
        assert_eq!(
            plan.lane(LaneId(2)).unwrap().blocks[1],
            Block {
                id: BlockId(4),
                first_quarter: Quarter::Q2,
                last_quarter: Quarter::Q4,
                tasks: Vec::new(),
            }
        );
        assert_eq!(plan.apply(&add(2, 5, Quarter::Q1, Quarter::Q1)), Ok(true));
        validate(&plan).unwrap();

        assert_refused(
            &mut plan,
            add(2, 6, Quarter::Q3, Quarter::Q2),
            CommandError::ReversedSpan {
                first: Quarter::Q3,
                last: Quarter::Q2,
            },
        );
        // Block 1 belongs to lane 1; ids are unique across the plan.
        assert_refused(
            &mut plan,
            add(2, 1, Quarter::Q1, Quarter::Q1),
            CommandError::IdInUse("block id 1".to_owned()),
        );
        assert_refused(
            &mut plan,
            add(9, 6, Quarter::Q1, Quarter::Q1),
            CommandError::NoSuchLane(LaneId(9)),
        );
    }

    #[test]
    fn delete_block_takes_its_tasks() {
        let mut plan = small_plan();
        assert_eq!(
            plan.apply(&Command::DeleteBlock { block: BlockId(1) }),
            Ok(true)
        );
        let core = plan.lane(LaneId(1)).unwrap();
        assert_eq!(core.blocks.len(), 1);
        assert_eq!(core.blocks[0].id, BlockId(2));
        assert_eq!(plan.tasks().count(), 2);
        assert_eq!(plan.task(TaskId(1)), None);
        assert_refused(
            &mut plan,
            Command::DeleteBlock { block: BlockId(1) },
            CommandError::NoSuchBlock(BlockId(1)),
        );
    }

    #[test]
    fn block_spans_change_but_never_run_backwards() {
        let mut plan = small_plan();
        let span = |block, first, last| Command::SetBlockSpan {
            block: BlockId(block),
            first_quarter: first,
            last_quarter: last,
        };
        assert_eq!(plan.apply(&span(3, Quarter::Q1, Quarter::Q2)), Ok(true));
        assert!(plan.block(BlockId(3)).unwrap().spans(Quarter::Q2));
        assert_no_change(&mut plan, span(3, Quarter::Q1, Quarter::Q2));
        assert_eq!(plan.apply(&span(3, Quarter::Q2, Quarter::Q2)), Ok(true));
        assert!(!plan.block(BlockId(3)).unwrap().spans(Quarter::Q1));
        assert_refused(
            &mut plan,
            span(3, Quarter::Q4, Quarter::Q1),
            CommandError::ReversedSpan {
                first: Quarter::Q4,
                last: Quarter::Q1,
            },
        );
        assert_refused(
            &mut plan,
            span(9, Quarter::Q1, Quarter::Q1),
            CommandError::NoSuchBlock(BlockId(9)),
        );
    }

    fn status(
        plan: &Plan,
        number: PhaseNumber,
    ) -> (PhaseStatus, Option<NaiveDate>, Option<NaiveDate>) {
        let phase = plan.phase(number).unwrap();
        (phase.status, phase.started_on, phase.done_on)
    }

    fn set_status(number: PhaseNumber, status: PhaseStatus, on: NaiveDate) -> Command {
        Command::SetPhaseStatus {
            phase: number,
            status,
            on,
        }
    }

    #[test]
    fn phase_status_keeps_its_dates_true() {
        use PhaseStatus::{Done, InProgress, NotStarted};
        let mut plan = small_plan();

        assert_eq!(
            plan.apply(&set_status(0, InProgress, day(2026, 1, 5))),
            Ok(true)
        );
        assert_eq!(status(&plan, 0), (InProgress, Some(day(2026, 1, 5)), None));
        // Same status, another day: nothing changes, the start stays.
        assert_no_change(&mut plan, set_status(0, InProgress, day(2026, 1, 9)));

        assert_eq!(plan.apply(&set_status(0, Done, day(2026, 2, 1))), Ok(true));
        assert_eq!(
            status(&plan, 0),
            (Done, Some(day(2026, 1, 5)), Some(day(2026, 2, 1)))
        );
        assert_no_change(&mut plan, set_status(0, Done, day(2026, 2, 8)));

        // Reopened: the start stays, the done date goes.
        assert_eq!(
            plan.apply(&set_status(0, InProgress, day(2026, 2, 9))),
            Ok(true)
        );
        assert_eq!(status(&plan, 0), (InProgress, Some(day(2026, 1, 5)), None));

        assert_eq!(
            plan.apply(&set_status(0, NotStarted, day(2026, 2, 10))),
            Ok(true)
        );
        assert_eq!(status(&plan, 0), (NotStarted, None, None));
        assert_no_change(&mut plan, set_status(0, NotStarted, day(2026, 2, 11)));

        // Straight to done: started and done the same day.
        assert_eq!(plan.apply(&set_status(1, Done, day(2026, 3, 2))), Ok(true));
        assert_eq!(
            status(&plan, 1),
            (Done, Some(day(2026, 3, 2)), Some(day(2026, 3, 2)))
        );
        // Done to not started clears both dates.
        assert_eq!(
            plan.apply(&set_status(1, NotStarted, day(2026, 3, 3))),
            Ok(true)
        );
        assert_eq!(status(&plan, 1), (NotStarted, None, None));
        validate(&plan).unwrap();
    }

    #[test]
    fn a_phase_done_before_its_recorded_start_starts_that_day_too() {
        use PhaseStatus::{Done, InProgress};
        let mut plan = small_plan();
        plan.apply(&set_status(0, InProgress, day(2026, 3, 10)))
            .unwrap();
        assert_eq!(plan.apply(&set_status(0, Done, day(2026, 3, 2))), Ok(true));
        assert_eq!(
            status(&plan, 0),
            (Done, Some(day(2026, 3, 2)), Some(day(2026, 3, 2)))
        );
        validate(&plan).unwrap();
    }

    #[test]
    fn phase_status_refusals() {
        use PhaseStatus::{Done, InProgress};
        let mut plan = small_plan();
        assert_refused(
            &mut plan,
            set_status(7, Done, day(2026, 3, 2)),
            CommandError::NoSuchPhase(7),
        );
        assert_refused(
            &mut plan,
            set_status(0, InProgress, day(1800, 3, 2)),
            CommandError::DateOutOfRange(day(1800, 3, 2)),
        );
        assert_refused(
            &mut plan,
            set_status(0, Done, day(2201, 1, 1)),
            CommandError::DateOutOfRange(day(2201, 1, 1)),
        );
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

    /// Applies `command` and checks what every command promises: a refusal
    /// or `Ok(false)` leaves the plan as it was, `Ok(true)` changes it, and a
    /// valid plan stays valid.
    fn apply_checked(plan: &mut Plan, command: &Command) -> Result<bool, CommandError> {
        let before = plan.clone();
        let result = plan.apply(command);
        match result {
            Ok(true) => assert_ne!(*plan, before, "{command:?} said it changed the plan"),
            Ok(false) | Err(_) => assert_eq!(*plan, before, "{command:?} changed the plan"),
        }
        if let Err(error) = validate(plan) {
            panic!("{command:?} left an invalid plan:\n{error}");
        }
        result
    }

    #[test]
    fn a_long_edit_session_on_the_default_plan_keeps_it_valid() {
        use CommandError::{
            DateOutOfRange, EmptyTitle, IdInUse, NoSuchBlock, NoSuchLane, NoSuchPhase, NoSuchTask,
            ReversedSpan,
        };
        use PhaseStatus::{Done, InProgress, NotStarted};
        use Quarter::{Q1, Q2, Q3, Q4};

        let today = day(2026, 3, 2);
        let mut plan = crate::io::default_plan(today);
        // A metric that counts a lane, so deleting that lane has something to fix.
        plan.success_metrics.push(SuccessMetric {
            id: MetricId(6),
            name: "Scale lane done".to_owned(),
            measure: MetricMeasure::LaneTasksDone { lane: LaneId(2) },
        });
        validate(&plan).unwrap();

        // The default plan uses tasks 1–36, blocks 1–11 and lanes 1–3.
        let new_task = plan.unused_task_id(1);
        let new_block = plan.unused_block_id(1);
        let new_lane = plan.unused_lane_id(1);
        assert_eq!(
            (new_task, new_block, new_lane),
            (TaskId(37), BlockId(12), LaneId(4))
        );

        let text = |s: &str| s.to_owned();
        let ok = Ok(true);
        // One edit per line, with what it must give.
        #[rustfmt::skip]
        let script = vec![
            (Command::SetTaskDone { task: TaskId(1), done: true, on: today }, ok.clone()),
            (Command::SetTaskDone { task: TaskId(1), done: true, on: today }, Ok(false)),
            (Command::SetTaskDue { task: TaskId(2), due: Some(day(2026, 3, 31)) }, ok.clone()),
            (Command::SetTaskDue { task: TaskId(2), due: Some(day(3026, 3, 31)) }, Err(DateOutOfRange(day(3026, 3, 31)))),
            (Command::SetTaskPhase { task: TaskId(1), phase: Some(3) }, ok.clone()),
            (Command::SetTaskPhase { task: TaskId(2), phase: Some(99) }, Err(NoSuchPhase(99))),
            (Command::SetTaskNotes { task: TaskId(3), notes: text("GitHub Actions") }, ok.clone()),
            (Command::RenameTask { task: TaskId(4), title: text("  Write ADRs  ") }, ok.clone()),
            (Command::RenameTask { task: TaskId(4), title: text("") }, Err(EmptyTitle)),
            (Command::AddTask { block: BlockId(1), task: new_task, title: text("Set up Credo") }, ok.clone()),
            (Command::AddTask { block: BlockId(1), task: new_task, title: text("Duplicate") }, Err(IdInUse(text("task id 37")))),
            (Command::MoveTask { task: TaskId(1), to_block: BlockId(2), index: 0 }, ok.clone()),
            (Command::MoveTask { task: new_task, to_block: BlockId(8), index: usize::MAX }, ok.clone()),
            (Command::MoveTask { task: TaskId(17), to_block: BlockId(5), index: 2 }, ok.clone()),
            (Command::MoveTask { task: TaskId(17), to_block: BlockId(5), index: 2 }, Ok(false)),
            (Command::MoveTask { task: TaskId(17), to_block: BlockId(999), index: 0 }, Err(NoSuchBlock(BlockId(999)))),
            (Command::SetPhaseStatus { phase: 0, status: InProgress, on: day(2026, 1, 5) }, ok.clone()),
            (Command::SetPhaseStatus { phase: 0, status: Done, on: day(2026, 2, 1) }, ok.clone()),
            (Command::SetPhaseStatus { phase: 1, status: Done, on: today }, ok.clone()),
            (Command::SetPhaseStatus { phase: 1, status: NotStarted, on: today }, ok.clone()),
            (Command::SetPhaseStatus { phase: 99, status: Done, on: today }, Err(NoSuchPhase(99))),
            (Command::AddLane { lane: new_lane, name: text("Portfolio"), subtitle: text("Show the work") }, ok.clone()),
            (Command::AddBlock { lane: new_lane, block: new_block, first_quarter: Q2, last_quarter: Q3 }, ok.clone()),
            (Command::AddBlock { lane: new_lane, block: BlockId(1), first_quarter: Q1, last_quarter: Q1 }, Err(IdInUse(text("block id 1")))),
            (Command::AddBlock { lane: new_lane, block: BlockId(500), first_quarter: Q4, last_quarter: Q1 }, Err(ReversedSpan { first: Q4, last: Q1 })),
            (Command::MoveTask { task: TaskId(2), to_block: new_block, index: 0 }, ok.clone()),
            (Command::MoveTask { task: TaskId(5), to_block: new_block, index: 0 }, ok.clone()),
            (Command::SetBlockSpan { block: new_block, first_quarter: Q1, last_quarter: Q4 }, ok.clone()),
            (Command::SetBlockSpan { block: new_block, first_quarter: Q4, last_quarter: Q3 }, Err(ReversedSpan { first: Q4, last: Q3 })),
            (Command::MoveLane { lane: new_lane, index: 0 }, ok.clone()),
            (Command::MoveLane { lane: LaneId(1), index: usize::MAX }, ok.clone()),
            (Command::RenameLane { lane: LaneId(3), name: text("Ops"), subtitle: text("") }, ok.clone()),
            (Command::DeleteLane { lane: LaneId(2) }, ok.clone()),
            (Command::MoveTask { task: TaskId(20), to_block: BlockId(1), index: 0 }, Err(NoSuchTask(TaskId(20)))),
            (Command::DeleteBlock { block: BlockId(4) }, ok.clone()),
            (Command::DeleteTask { task: TaskId(3) }, ok.clone()),
            (Command::DeleteTask { task: TaskId(3) }, Err(NoSuchTask(TaskId(3)))),
            (Command::SetTaskDone { task: TaskId(2), done: true, on: today }, ok.clone()),
            (Command::MoveTask { task: TaskId(2), to_block: BlockId(9), index: 1 }, ok.clone()),
            (Command::SetTaskDone { task: TaskId(2), done: false, on: today }, ok.clone()),
            (Command::DeleteLane { lane: new_lane }, ok.clone()),
            (Command::DeleteLane { lane: LaneId(1) }, ok.clone()),
            (Command::DeleteLane { lane: LaneId(3) }, ok.clone()),
            (Command::DeleteLane { lane: LaneId(3) }, Err(NoSuchLane(LaneId(3)))),
            (Command::AddTask { block: BlockId(8), task: TaskId(1), title: text("Gone") }, Err(NoSuchBlock(BlockId(8)))),
            (Command::AddLane { lane: LaneId(1), name: text("Core"), subtitle: text("again") }, ok.clone()),
            (Command::AddBlock { lane: LaneId(1), block: BlockId(1), first_quarter: Q1, last_quarter: Q1 }, ok.clone()),
            (Command::AddTask { block: BlockId(1), task: TaskId(1), title: text("Start over") }, ok),
        ];
        for (command, expected) in &script {
            assert_eq!(&apply_checked(&mut plan, command), expected, "{command:?}");
        }
        assert_eq!(lane_names(&plan), ["Core"]);
        assert_eq!(titles(&plan, 1), ["Start over"]);
        assert_eq!(
            plan.success_metrics.last().unwrap().measure,
            MetricMeasure::Manual { done: false }
        );
        assert_eq!(
            status(&plan, 0),
            (Done, Some(day(2026, 1, 5)), Some(day(2026, 2, 1)))
        );
    }

    /// A small deterministic generator, so the test needs no dependency and
    /// fails the same way every time.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        fn index(&mut self) -> usize {
            match self.below(10) {
                0 => usize::MAX,
                n => usize::try_from(n - 1).unwrap(),
            }
        }

        fn quarter(&mut self) -> Quarter {
            Quarter::from_index(usize::try_from(self.below(4)).unwrap()).unwrap()
        }

        fn date(&mut self) -> NaiveDate {
            if self.below(20) == 0 {
                day(2300, 1, 1)
            } else {
                day(2026, 1, 1) + chrono::Days::new(self.below(400))
            }
        }

        fn text(&mut self) -> String {
            ["Task", "  padded  ", "", " ", "Ünïcode ✓"][usize::try_from(self.below(5)).unwrap()]
                .to_owned()
        }

        fn command(&mut self) -> Command {
            let task = TaskId(self.below(45));
            let block = BlockId(self.below(16));
            let lane = LaneId(self.below(6));
            let phase = u32::try_from(self.below(17)).unwrap();
            // Deletions are rare, as in real use, so the plan does not drain.
            match self.below(32) {
                0 | 28 => Command::SetTaskDone {
                    task,
                    done: self.below(2) == 0,
                    on: self.date(),
                },
                1 | 19 | 22..=24 => Command::AddTask {
                    block,
                    task,
                    title: self.text(),
                },
                2 => Command::RenameTask {
                    task,
                    title: self.text(),
                },
                3 => Command::SetTaskNotes {
                    task,
                    notes: self.text(),
                },
                4 => Command::SetTaskDue {
                    task,
                    due: (self.below(3) > 0).then(|| self.date()),
                },
                5 => Command::SetTaskPhase {
                    task,
                    phase: (self.below(3) > 0).then_some(phase),
                },
                6 => Command::DeleteTask { task },
                7 | 8 | 15..=18 | 25..=27 => Command::MoveTask {
                    task,
                    to_block: block,
                    index: self.index(),
                },
                9 | 20 => Command::AddLane {
                    lane,
                    name: self.text(),
                    subtitle: self.text(),
                },
                10 => Command::RenameLane {
                    lane,
                    name: self.text(),
                    subtitle: self.text(),
                },
                11 if self.below(4) == 0 => Command::DeleteLane { lane },
                11 | 12 => Command::MoveLane {
                    lane,
                    index: self.index(),
                },
                13 | 21 => Command::AddBlock {
                    lane,
                    block,
                    first_quarter: self.quarter(),
                    last_quarter: self.quarter(),
                },
                14 => Command::DeleteBlock { block },
                _ => {
                    let status = [
                        PhaseStatus::NotStarted,
                        PhaseStatus::InProgress,
                        PhaseStatus::Done,
                    ][usize::try_from(self.below(3)).unwrap()];
                    if self.below(2) == 0 {
                        Command::SetPhaseStatus {
                            phase,
                            status,
                            on: self.date(),
                        }
                    } else {
                        Command::SetBlockSpan {
                            block,
                            first_quarter: self.quarter(),
                            last_quarter: self.quarter(),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn random_commands_never_panic_and_keep_the_plan_valid() {
        let mut took_effect = std::collections::HashSet::new();
        for seed in 1..=20_u64 {
            let mut plan = crate::io::default_plan(day(2026, 3, 2));
            plan.success_metrics.push(SuccessMetric {
                id: MetricId(6),
                name: "Compliance done".to_owned(),
                measure: MetricMeasure::LaneTasksDone { lane: LaneId(3) },
            });
            let mut random = XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            for _ in 0..500 {
                let command = random.command();
                if apply_checked(&mut plan, &command) == Ok(true) {
                    took_effect.insert(std::mem::discriminant(&command));
                }
            }
        }
        // Every kind of command made real edits, not only refusals.
        assert_eq!(took_effect.len(), 16);
    }
}

//! Every change to a plan is a [`Command`], applied in one place. The UI only
//! emits commands; the app applies them, which is where the dirty flag, undo
//! points and recovery hook in.

use chrono::NaiveDate;

use super::{Plan, TaskId};

/// One edit of the plan, as a person would name it.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Tick or untick a task. Ticking records `on` as the day it was done;
    /// unticking forgets that day.
    SetTaskDone {
        task: TaskId,
        done: bool,
        on: NaiveDate,
    },
}

/// A command that names something the plan no longer has, e.g. a task
/// deleted between the click and the command being applied.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("the task with id {0} is not in the plan")]
    NoSuchTask(TaskId),
}

impl Plan {
    /// Applies `command`. Returns whether the plan changed, so that a click
    /// that changes nothing does not mark the plan as modified.
    pub fn apply(&mut self, command: &Command) -> Result<bool, CommandError> {
        match *command {
            Command::SetTaskDone { task, done, on } => {
                let found = self.task_mut(task).ok_or(CommandError::NoSuchTask(task))?;
                if found.done == done {
                    return Ok(false);
                }
                found.done = done;
                found.done_on = done.then_some(on);
                Ok(true)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::{Block, BlockId, LaneId, Quarter, Swimlane, Task};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn plan_with_one_task() -> Plan {
        let mut plan = Plan::empty("Test", day(2026, 1, 1));
        plan.swimlanes.push(Swimlane {
            id: LaneId(1),
            name: "Core".into(),
            subtitle: String::new(),
            blocks: vec![Block {
                id: BlockId(1),
                first_quarter: Quarter::Q1,
                last_quarter: Quarter::Q1,
                tasks: vec![Task {
                    id: TaskId(7),
                    title: "Establish CI/CD pipeline".into(),
                    done: false,
                    done_on: None,
                    due: None,
                    notes: String::new(),
                    phase: None,
                }],
            }],
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
}

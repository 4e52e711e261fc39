//! Edits of the board: swimlanes, their blocks, the tasks in them, and the
//! phases tasks link to. `Command` names them; `Plan::apply` sends them here.

use chrono::NaiveDate;

use super::command::{CommandError, checked_date, move_within, non_empty, remove_at, replace, set};
use super::{
    Block, BlockId, LaneId, MetricMeasure, PhaseNumber, PhaseStatus, Plan, Quarter, Swimlane, Task,
    TaskId,
};

impl Plan {
    pub(super) fn set_task_done(
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

    pub(super) fn add_task(
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

    pub(super) fn rename_task(&mut self, task: TaskId, title: &str) -> Result<bool, CommandError> {
        let found = self.existing_task_mut(task)?;
        let title = non_empty(title)?;
        Ok(replace(&mut found.title, title))
    }

    pub(super) fn set_task_notes(
        &mut self,
        task: TaskId,
        notes: &str,
    ) -> Result<bool, CommandError> {
        let found = self.existing_task_mut(task)?;
        Ok(replace(&mut found.notes, notes))
    }

    pub(super) fn set_task_due(
        &mut self,
        task: TaskId,
        due: Option<NaiveDate>,
    ) -> Result<bool, CommandError> {
        let found = self.existing_task_mut(task)?;
        if let Some(date) = due {
            checked_date(date)?;
        }
        Ok(set(&mut found.due, due))
    }

    pub(super) fn set_task_phase(
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

    pub(super) fn delete_task(&mut self, task: TaskId) -> Result<bool, CommandError> {
        let (lane, block, index) = self
            .task_position(task)
            .ok_or(CommandError::NoSuchTask(task))?;
        let found = self
            .block_at_mut(lane, block)
            .ok_or(CommandError::NoSuchTask(task))?;
        remove_at(&mut found.tasks, index, CommandError::NoSuchTask(task))
    }

    pub(super) fn move_task(
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

    pub(super) fn add_lane(
        &mut self,
        lane: LaneId,
        name: &str,
        subtitle: &str,
    ) -> Result<bool, CommandError> {
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

    pub(super) fn rename_lane(
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

    pub(super) fn delete_lane(&mut self, lane: LaneId) -> Result<bool, CommandError> {
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

    pub(super) fn move_lane(&mut self, lane: LaneId, index: usize) -> Result<bool, CommandError> {
        let position = self
            .swimlanes
            .iter()
            .position(|found| found.id == lane)
            .ok_or(CommandError::NoSuchLane(lane))?;
        Ok(move_within(&mut self.swimlanes, position, index))
    }

    pub(super) fn add_block(
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

    pub(super) fn delete_block(&mut self, block: BlockId) -> Result<bool, CommandError> {
        let (lane, index) = self
            .block_position(block)
            .ok_or(CommandError::NoSuchBlock(block))?;
        let found = self
            .swimlanes
            .get_mut(lane)
            .ok_or(CommandError::NoSuchBlock(block))?;
        remove_at(&mut found.blocks, index, CommandError::NoSuchBlock(block))
    }

    pub(super) fn set_block_span(
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

    pub(super) fn set_phase_status(
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

fn checked_span(first: Quarter, last: Quarter) -> Result<(), CommandError> {
    if first > last {
        Err(CommandError::ReversedSpan { first, last })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::command::Command;
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
}

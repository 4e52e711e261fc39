//! The plan for the year after this one: this plan's structure, with what
//! was not done carried over.

use chrono::NaiveDate;

use super::calendar::plan_end;
use super::format::format_date;
use super::validate::StartOutsideYears;
use super::{Block, BlockId, PhaseStatus, Plan, Quarter};

/// Where the unfinished tasks go in the next year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unfinished {
    /// Each stays in its quarter and block.
    KeepQuarter,
    /// All go into the first quarter, at the end of each lane's Q1 block.
    IntoQ1,
}

impl Plan {
    /// The first day of the year after this one.
    pub fn next_year_start(&self) -> NaiveDate {
        plan_end(self.start_date)
            .succ_opt()
            .unwrap_or(self.start_date)
    }

    /// The plan for the year starting on `start`: this plan's lanes, blocks,
    /// categories and targets, budget lines, success metrics, review
    /// cadences and import rules ([`Plan::structure`]), holding only the
    /// tasks not done (each with a note of the year it came from) and the
    /// phases not done (as they stand). Done tasks and phases, entries,
    /// expenses and reviews stay in this year's plan.
    ///
    /// Refused when `start` is outside the years a plan accepts.
    pub fn next_year(
        &self,
        start: NaiveDate,
        unfinished: Unfinished,
    ) -> Result<Plan, StartOutsideYears> {
        let mut next = self.structure(start)?;
        let origin = format!(
            "Carried over from the plan year starting {}.",
            format_date(self.start_date)
        );
        next.phases = (self.phases.iter())
            .filter(|phase| phase.status != PhaseStatus::Done)
            .cloned()
            .collect();
        let carried_phases: Vec<_> = next.phases.iter().map(|phase| phase.number).collect();
        let mut next_block = (self.swimlanes.iter())
            .flat_map(|lane| &lane.blocks)
            .map(|block| block.id.0)
            .max()
            .unwrap_or(0);
        for (lane, this_lane) in next.swimlanes.iter_mut().zip(&self.swimlanes) {
            let mut moved = Vec::new();
            for (block, this_block) in lane.blocks.iter_mut().zip(&this_lane.blocks) {
                let tasks = std::mem::take(&mut block.tasks);
                for (mut task, this_task) in tasks.into_iter().zip(&this_block.tasks) {
                    if this_task.done {
                        continue;
                    }
                    task.notes = if task.notes.trim().is_empty() {
                        origin.clone()
                    } else {
                        format!("{}\n{origin}", task.notes.trim_end())
                    };
                    task.phase = task.phase.filter(|number| carried_phases.contains(number));
                    match unfinished {
                        Unfinished::KeepQuarter => block.tasks.push(task),
                        Unfinished::IntoQ1 => moved.push((block.first_quarter, task)),
                    }
                }
            }
            if moved.is_empty() {
                continue;
            }
            // In the order of their quarters, then of their places.
            moved.sort_by_key(|(quarter, _)| quarter.index());
            let q1 = match lane
                .blocks
                .iter()
                .position(|block| block.first_quarter == Quarter::Q1)
            {
                Some(index) => index,
                None => {
                    next_block += 1;
                    lane.blocks.insert(
                        0,
                        Block {
                            id: BlockId(next_block),
                            first_quarter: Quarter::Q1,
                            last_quarter: Quarter::Q1,
                            tasks: Vec::new(),
                        },
                    );
                    0
                }
            };
            if let Some(block) = lane.blocks.get_mut(q1) {
                block.tasks.extend(moved.into_iter().map(|(_, task)| task));
            }
        }
        Ok(next)
    }
}

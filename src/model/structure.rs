//! A plan's structure without its year: what "New with this plan's
//! structure" starts from.

use chrono::NaiveDate;

use super::validate::{StartOutsideYears, check_start, is_within_years};
use super::{MetricMeasure, PhaseStatus, Plan};

impl Plan {
    /// This plan's lanes, blocks and tasks, phases, categories and targets,
    /// budget lines, success metrics, review cadences and import rules, for
    /// a year starting on `start`: with every task and phase not done yet,
    /// hand-ticked metrics not met, and no time entries, expenses, reviews
    /// or running timer. Due dates move with the start, so a task due three
    /// weeks into this year is due three weeks into the new one; a due
    /// date that would move out of the years a plan accepts is dropped.
    ///
    /// Refused when `start` itself is outside those years.
    pub fn structure(&self, start: NaiveDate) -> Result<Plan, StartOutsideYears> {
        check_start(start)?;
        let shift = start - self.start_date;
        let mut plan = self.clone();
        plan.start_date = start;
        for task in plan
            .swimlanes
            .iter_mut()
            .flat_map(|lane| &mut lane.blocks)
            .flat_map(|block| &mut block.tasks)
        {
            task.done = false;
            task.done_on = None;
            task.due = (task.due)
                .and_then(|due| due.checked_add_signed(shift))
                .filter(|&due| is_within_years(due));
        }
        for phase in &mut plan.phases {
            phase.status = PhaseStatus::NotStarted;
            phase.started_on = None;
            phase.done_on = None;
        }
        for metric in &mut plan.success_metrics {
            if let MetricMeasure::Manual { done } = &mut metric.measure {
                *done = false;
            }
        }
        plan.timer = None;
        plan.time_entries.clear();
        plan.expenses.clear();
        plan.reviews.clear();
        Ok(plan)
    }
}

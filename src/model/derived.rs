//! Aggregates of the plan that the tabs, the report and the fuzz checks
//! read. Pure arithmetic over the plan, so it lives with the model.

use std::collections::BTreeMap;

use crate::model::money::{self, MonthlySpend};
use crate::model::progress::{self, Progress};
use crate::model::time::{self as plan_time, WeeklyHours};
use crate::model::{PhaseNumber, Plan, Quarter};

/// Aggregates of the plan that the tabs show. Computed when the plan changes,
/// never per frame, so a plan with tens of thousands of entries stays smooth.
#[derive(Clone, Debug)]
pub struct Derived {
    pub weekly_hours: WeeklyHours,
    pub monthly_spend: MonthlySpend,
    pub run_rate_cents: i64,
    pub annual_budget_cents: i64,
    pub weekly_target_hours: (f64, f64),
    pub plan_progress: Progress,
    pub phases_done: Progress,
    /// Progress of each quarter column, Q1 first.
    pub quarter_progress: [Progress; 4],
    /// How many tasks link to each phase.
    pub linked_tasks: BTreeMap<PhaseNumber, usize>,
    /// Time entry indices, newest first.
    pub entries_newest_first: Vec<usize>,
    /// Expense indices, newest first.
    pub expenses_newest_first: Vec<usize>,
}

impl Derived {
    pub fn of(plan: &Plan) -> Derived {
        let mut entries_newest_first: Vec<usize> = (0..plan.time_entries.len()).collect();
        entries_newest_first.sort_by(|&a, &b| {
            plan.time_entries[b]
                .date
                .cmp(&plan.time_entries[a].date)
                .then(b.cmp(&a))
        });
        let mut expenses_newest_first: Vec<usize> = (0..plan.expenses.len()).collect();
        expenses_newest_first.sort_by(|&a, &b| {
            plan.expenses[b]
                .date
                .cmp(&plan.expenses[a].date)
                .then(b.cmp(&a))
        });
        let mut linked_tasks = BTreeMap::new();
        for phase in plan.tasks().filter_map(|task| task.phase) {
            *linked_tasks.entry(phase).or_insert(0) += 1;
        }
        Derived {
            weekly_hours: plan_time::weekly_hours(plan),
            monthly_spend: money::monthly_spend(plan),
            run_rate_cents: money::monthly_run_rate_cents(plan),
            annual_budget_cents: money::annual_budget_cents(plan),
            weekly_target_hours: plan_time::weekly_target_total(plan),
            plan_progress: progress::plan_progress(plan),
            phases_done: progress::phases_done(plan),
            quarter_progress: Quarter::ALL.map(|quarter| progress::quarter_progress(plan, quarter)),
            linked_tasks,
            entries_newest_first,
            expenses_newest_first,
        }
    }
}

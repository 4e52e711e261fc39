//! Plans made up for measuring: a heavy plan with thousands of tasks and log
//! entries, generated deterministically so that runs compare.

use chrono::{Days, NaiveDate};

use super::{
    Block, BlockId, CategoryId, Expense, LaneId, LineId, Plan, Quarter, Swimlane, Task, TaskId,
    TimeEntry,
};

/// How big a generated plan is.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub tasks: usize,
    pub time_entries: usize,
    pub expenses: usize,
}

impl Size {
    /// The heavy plan every benchmark measures: 2,000 tasks, 20,000 time
    /// entries and 5,000 expenses.
    pub const HEAVY: Size = Size {
        tasks: 2_000,
        time_entries: 20_000,
        expenses: 5_000,
    };
}

/// A small deterministic pseudo-random sequence (SplitMix64), so the heavy
/// plan is the same on every run without a random-number crate.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: u64) -> u64 {
        if bound == 0 { 0 } else { self.next() % bound }
    }
}

/// `base` (its budgets, categories and phases) grown to `size`: eight lanes of
/// quarter blocks holding the tasks, and time entries and expenses spread
/// over the plan year.
pub fn heavy_plan(base: &Plan, size: Size) -> Plan {
    let mut plan = base.clone();
    let mut sequence = Sequence(2026);
    let lanes = 8_u64;
    let tasks_per_block = size.tasks.div_ceil(32).max(1);

    plan.swimlanes.clear();
    let mut next_block = 1;
    let mut next_task = 1;
    for lane in 1..=lanes {
        let mut blocks = Vec::new();
        for quarter in Quarter::ALL {
            let mut tasks = Vec::new();
            while tasks.len() < tasks_per_block && next_task <= size.tasks as u64 {
                let done = sequence.below(3) == 0;
                tasks.push(Task {
                    id: TaskId(next_task),
                    title: format!("Task {next_task} of lane {lane} in {quarter}"),
                    done,
                    done_on: done.then_some(base.start_date),
                    due: None,
                    notes: String::new(),
                    phase: None,
                });
                next_task += 1;
            }
            blocks.push(Block {
                id: BlockId(next_block),
                first_quarter: quarter,
                last_quarter: quarter,
                tasks,
            });
            next_block += 1;
        }
        plan.swimlanes.push(Swimlane {
            id: LaneId(lane),
            name: format!("Lane {lane}"),
            subtitle: "Generated".to_owned(),
            blocks,
        });
    }

    let categories: Vec<CategoryId> = plan.time_categories.iter().map(|c| c.id).collect();
    let lines: Vec<LineId> = plan.budget_lines.iter().map(|l| l.id).collect();
    let day = |sequence: &mut Sequence| -> NaiveDate {
        base.start_date
            .checked_add_days(Days::new(sequence.below(365)))
            .unwrap_or(base.start_date)
    };
    plan.time_entries.clear();
    if !categories.is_empty() {
        for _ in 0..size.time_entries {
            let category = categories[sequence.below(categories.len() as u64) as usize];
            plan.time_entries.push(TimeEntry {
                date: day(&mut sequence),
                category,
                hours: (sequence.below(16) + 1) as f64 / 4.0,
                note: String::new(),
            });
        }
    }
    plan.expenses.clear();
    if !lines.is_empty() {
        for _ in 0..size.expenses {
            let line = lines[sequence.below(lines.len() as u64) as usize];
            plan.expenses.push(Expense {
                date: day(&mut sequence),
                line,
                cents: sequence.below(5_000) as i64 + 1,
                note: "generated".to_owned(),
            });
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn the_heavy_plan_has_the_requested_size() {
        let mut base = Plan::empty("Heavy", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        base.time_categories.push(crate::model::TimeCategory {
            id: CategoryId(1),
            name: "Learning".into(),
            weekly_min_hours: 15.0,
            weekly_max_hours: 20.0,
        });
        base.budget_lines.push(crate::model::BudgetLine {
            id: LineId(1),
            name: "Books".into(),
            kind: crate::model::BudgetKind::OneTime { cap_cents: 50_000 },
        });
        let plan = heavy_plan(&base, Size::HEAVY);
        assert_eq!(plan.tasks().count(), 2_000);
        assert_eq!(plan.time_entries.len(), 20_000);
        assert_eq!(plan.expenses.len(), 5_000);
        assert!(crate::model::validate::validate(&plan).is_ok());
    }
}

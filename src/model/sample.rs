//! Plans made up from the seed: a heavy plan with thousands of tasks and log
//! entries for measuring, and the example plan a new user can open to see the
//! tabs with half a year of life in them. Both are generated
//! deterministically, so runs compare and the example file can be remade.

use chrono::{Days, NaiveDate};

use super::{
    Block, BlockId, CategoryId, Expense, LaneId, LineId, Period, PhaseStatus, Plan, Quarter,
    Review, Swimlane, Task, TaskId, TimeEntry,
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
                id: Default::default(),
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
                id: Default::default(),
                date: day(&mut sequence),
                line,
                cents: sequence.below(5_000) as i64 + 1,
                note: "generated".to_owned(),
            });
        }
    }
    plan.give_missing_ids();
    plan
}

/// The first day of the example plan's year: a Monday in May 2026.
pub const EXAMPLE_START: (i32, u32, u32) = (2026, 5, 4);

/// How many weeks of hours the example plan has logged.
pub const EXAMPLE_WEEKS: u64 = 30;

/// The weeks (counted from 0) of the example's summer holiday: nothing logged.
const HOLIDAY_WEEKS: [u64; 2] = [12, 13];

/// The seed plan as a person would have it thirty weeks in: hours logged most
/// days (some weeks under the targets, some over, two weeks of holiday),
/// expenses in every month, the first quarter's tasks and phases done, a few
/// reviews. `seed` is the built-in plan; its ids and names are kept.
pub fn example_plan(seed: &Plan) -> Plan {
    let mut plan = seed.clone();
    let (year, month, day) = EXAMPLE_START;
    let start = NaiveDate::from_ymd_opt(year, month, day).unwrap_or(seed.start_date);
    let date = |days: u64| start.checked_add_days(Days::new(days)).unwrap_or(start);
    plan.title = "Elixir Systems Mastery".to_owned();
    plan.start_date = start;
    let mut sequence = Sequence(4);

    // Tasks: the first quarter's blocks done, a few of the second's.
    let done_by_block: [(u64, usize, u64); 5] = [
        // (block, how many of its tasks are done, the day the first was done)
        (1, 4, 20),
        (5, 2, 40),
        (8, 2, 55),
        (2, 2, 110),
        (9, 1, 150),
    ];
    for (block, count, first_day) in done_by_block {
        let Some(block) = plan
            .swimlanes
            .iter_mut()
            .flat_map(|lane| lane.blocks.iter_mut())
            .find(|found| found.id == BlockId(block))
        else {
            continue;
        };
        for (index, task) in block.tasks.iter_mut().take(count).enumerate() {
            task.done = true;
            task.done_on = Some(date(first_day + 9 * index as u64));
        }
    }
    if let Some(task) = plan.task_mut(TaskId(7)) {
        task.notes = "Property tests for the parsers first".to_owned();
        task.due = Some(date(170));
    }
    if let Some(task) = plan.task_mut(TaskId(3)) {
        task.notes = "GitHub Actions: format, credo, dialyzer, tests".to_owned();
    }

    // Phases: 0–5 done about three weeks apart, 6 under way.
    for phase in &mut plan.phases {
        let n = u64::from(phase.number);
        if n <= 5 {
            phase.status = PhaseStatus::Done;
            phase.started_on = Some(date(n * 22));
            phase.done_on = Some(date(n * 22 + 19));
        } else if n == 6 {
            phase.status = PhaseStatus::InProgress;
            phase.started_on = Some(date(n * 22));
        }
    }
    for (task, phase) in [(2, 1), (6, 5), (7, 4)] {
        if let Some(task) = plan.task_mut(TaskId(task)) {
            task.phase = Some(phase);
        }
    }

    // Hours: six days a week, each category near its target with a weekly
    // mood: a few light weeks (under), a few crunch weeks (over).
    let notes: [&[&str]; 3] = [
        &[
            "Elixir in Action, ch. 5",
            "GenServer exercises",
            "Supervision trees",
            "Ecto changesets",
            "Phoenix contexts",
            "LiveView course",
            "OTP design principles",
        ],
        &[
            "Pulse: ingestion",
            "Pulse: dashboards",
            "Labs app",
            "CI pipeline",
            "Load test harness",
        ],
        &["ADR write-up", "Weekly notes", "Runbook"],
    ];
    plan.time_entries.clear();
    let categories: Vec<(CategoryId, f64)> = plan
        .time_categories
        .iter()
        .map(|category| (category.id, category.weekly_min_hours.max(1.0)))
        .collect();
    for week in 0..EXAMPLE_WEEKS {
        if HOLIDAY_WEEKS.contains(&week) {
            continue;
        }
        let mood = match week % 7 {
            2 => 0.7,
            5 => 1.35,
            _ => 1.0 + (sequence.below(21) as f64 - 8.0) / 100.0,
        };
        for (index, &(category, min_hours)) in categories.iter().enumerate() {
            // Aim a little above the minimum, in quarter hours.
            let target = (min_hours * 1.12 * mood * 4.0).round() / 4.0;
            let days: u32 = if min_hours <= 5.0 { 2 } else { 6 };
            let mut left = target;
            for day in 0..days {
                let hours = if day + 1 == days {
                    left
                } else {
                    (target / f64::from(days) * 4.0).round() / 4.0
                };
                if hours <= 0.0 {
                    break;
                }
                let hours = hours.min(left).min(8.0);
                left -= hours;
                let day_offset = week * 7
                    + if days == 2 {
                        2 + 3 * u64::from(day)
                    } else {
                        u64::from(day)
                    };
                let list = notes.get(index).copied().unwrap_or(&[]);
                let note = list
                    .get(sequence.below(list.len() as u64) as usize)
                    .copied()
                    .unwrap_or_default();
                plan.time_entries.push(TimeEntry {
                    id: Default::default(),
                    date: date(day_offset),
                    category,
                    hours,
                    note: note.to_owned(),
                });
            }
        }
    }

    // Expenses: the monthly lines every month (a few months over), books now and then.
    plan.expenses.clear();
    let lines: Vec<LineId> = plan.budget_lines.iter().map(|line| line.id).collect();
    let [books, infrastructure, tools] = [0, 1, 2].map(|i| lines.get(i).copied());
    let mut push = |day: u64, line: Option<LineId>, cents: i64, note: &str| {
        if let Some(line) = line {
            plan.expenses.push(Expense {
                id: Default::default(),
                date: date(day),
                line,
                cents,
                note: note.to_owned(),
            });
        }
    };
    for month in 0..7_u64 {
        let base = month * 30;
        push(base + 2, infrastructure, 4_900, "Fly.io");
        push(
            base + 2,
            infrastructure,
            3_600 + 400 * (month % 3) as i64,
            "Hetzner box",
        );
        push(base + 5, tools, 1_900, "GitHub Copilot");
        push(base + 5, tools, 9_900, "AppSignal");
        if month % 3 == 1 {
            push(base + 16, tools, 12_900, "Load testing service");
        }
        if month == 4 {
            push(
                base + 20,
                infrastructure,
                8_750,
                "Extra nodes for clustering tests",
            );
        }
    }
    push(3, books, 4_499, "Elixir in Action, 3rd ed.");
    push(33, books, 3_999, "Designing Elixir Systems with OTP");
    push(95, books, 4_750, "Programming Phoenix LiveView");
    push(150, books, 3_520, "Concurrent Data Processing in Elixir");
    push(190, books, 5_200, "Real-Time Phoenix");

    // Reviews: weekly most weeks early on, monthly, and the first quarterly.
    plan.reviews.clear();
    for week in [0_u64, 1, 2, 3, 5, 6, 8, 9, 10, 15, 17, 20, 24, 27] {
        plan.reviews.push(Review {
            id: Default::default(),
            date: date(week * 7 + 6),
            period: Period::Weekly,
            summary: String::new(),
            notes: "Checked the week against the board.".to_owned(),
        });
    }
    for month in 1..7_u64 {
        plan.reviews.push(Review {
            id: Default::default(),
            date: date(month * 30),
            period: Period::Monthly,
            summary: String::new(),
            notes: "Swimlanes reviewed; moved what slipped.".to_owned(),
        });
    }
    plan.reviews.push(Review {
        id: Default::default(),
        date: date(92),
        period: Period::Quarterly,
        summary: String::new(),
        notes: "Q1 done on time; budget slightly over on tools.".to_owned(),
    });
    plan.reviews.sort_by_key(|review| review.date);
    plan.time_entries.sort_by_key(|entry| entry.date);
    plan.expenses.sort_by_key(|expense| expense.date);
    plan.give_missing_ids();
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

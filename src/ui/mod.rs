//! The window's contents: one file per tab, plus small shared widgets. Tabs
//! read the plan through a [`PlanView`] and emit commands; they never change
//! the plan themselves.

pub mod budget;
pub mod ledger;
pub mod metrics;
pub mod overview;
pub mod shared;
pub mod swimlanes;
pub mod time;
pub mod top_bar;
pub mod widgets;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::calendar::{IsoWeek, YearMonth};
use crate::model::money::{self, MonthlySpend};
use crate::model::progress::{self, Progress};
use crate::model::time::{self as plan_time, WeeklyHours};
use crate::model::{PhaseNumber, Plan, Quarter};

/// The five tabs of the window, in the order of Ctrl+1…5.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    #[default]
    Overview,
    Swimlanes,
    Time,
    Budget,
    MetricsReviews,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Overview,
        Tab::Swimlanes,
        Tab::Time,
        Tab::Budget,
        Tab::MetricsReviews,
    ];

    pub fn from_index(index: usize) -> Option<Tab> {
        Tab::ALL.get(index).copied()
    }

    pub fn label(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Swimlanes => "Swimlanes",
            Tab::Time => "Time",
            Tab::Budget => "Budget",
            Tab::MetricsReviews => "Metrics & reviews",
        }
    }
}

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

/// A random starting point for a new id. Ids of new tasks, blocks and lanes
/// are drawn at random (then checked for clashes) so that two people adding
/// tasks to copies of the same plan file do not pick the same id, and the
/// copies still merge.
pub fn fresh_id_candidate() -> u64 {
    use std::hash::{BuildHasher as _, Hasher as _};
    // RandomState is seeded from the OS; a 32-bit id keeps the file readable.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u8(0);
    hasher.finish() % u64::from(u32::MAX)
}

/// What a tab needs to draw itself.
pub struct PlanView<'a> {
    pub plan: &'a Plan,
    pub derived: &'a Derived,
    pub today: NaiveDate,
    /// Changes whenever the plan does, so tabs can cache what they derive.
    pub revision: u64,
}

impl PlanView<'_> {
    pub fn this_week(&self) -> IsoWeek {
        IsoWeek::of(self.today)
    }

    pub fn this_month(&self) -> YearMonth {
        YearMonth::of(self.today)
    }

    pub fn money(&self, cents: i64) -> String {
        crate::model::format::format_cents(cents, &self.plan.currency_symbol)
    }
}

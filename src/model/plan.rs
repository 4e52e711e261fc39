//! The plan as it is written in the file: every type here is serialised with
//! serde in field order, so the order of fields is the order in the RON file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::import_rules::ImportRules;
use super::timer::Timer;

/// The file format this build writes. Older files are migrated on load; a file
/// with a larger number was written by a newer Yearplan and is refused.
///
/// Format 2 added `import_rules`; a format 1 file reads as one without rules.
/// Format 3 gave every record an id (time entries, expenses, reviews, review
/// cadences), so that two copies of a plan merge record by record; records of
/// older files get ids derived from their content and position on load.
/// Format 4 added the running `timer`; a format 3 file reads as one with
/// no timer running.
pub const FORMAT_VERSION: u32 = 5;

/// Declares a small copyable id type that is written to the file as a bare
/// number, so references read as `category: 2` rather than `category: (2)`.
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl From<u64> for $name {
            fn from(number: u64) -> Self {
                $name(number)
            }
        }

        impl From<$name> for u64 {
            fn from(id: $name) -> u64 {
                id.0
            }
        }
    };
}

id_type!(
    /// Identifies a swimlane; derived metrics refer to lanes by it.
    LaneId
);
id_type!(
    /// Identifies a block within the whole plan.
    BlockId
);
id_type!(
    /// Identifies a task for its whole life, whichever block it moves to.
    TaskId
);
id_type!(
    /// Identifies a time category; time entries refer to it.
    CategoryId
);
id_type!(
    /// Identifies a budget line; expenses refer to it.
    LineId
);
id_type!(
    /// Identifies a success metric.
    MetricId
);
id_type!(
    /// Identifies a time entry, so an entry edited on one machine and left
    /// alone on another is one entry when the copies merge.
    EntryId
);
id_type!(
    /// Identifies an expense; see [`EntryId`].
    ExpenseId
);
id_type!(
    /// Identifies a review that took place; see [`EntryId`].
    ReviewId
);
id_type!(
    /// Identifies a review cadence; see [`EntryId`].
    CadenceId
);

/// A phase is named by its number (0–14 in the seed); tasks link to it.
pub type PhaseNumber = u32;

/// A whole one-year plan: the document Yearplan opens and saves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub format_version: u32,
    pub title: String,
    /// The first day of Q1; the plan year runs twelve months from here.
    pub start_date: NaiveDate,
    /// Written before every amount of money, e.g. `$`.
    pub currency_symbol: String,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub swimlanes: Vec<Swimlane>,
    #[serde(default)]
    pub phases: Vec<Phase>,
    #[serde(default)]
    pub time_categories: Vec<TimeCategory>,
    #[serde(default)]
    pub budget_lines: Vec<BudgetLine>,
    #[serde(default)]
    pub success_metrics: Vec<SuccessMetric>,
    #[serde(default)]
    pub review_cadences: Vec<ReviewCadence>,
    /// The timer running on a category, if one is; it lives in the file so
    /// that it survives a restart and reaches the other machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer: Option<Timer>,
    #[serde(default)]
    pub time_entries: Vec<TimeEntry>,
    #[serde(default)]
    pub expenses: Vec<Expense>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// How values of imported files map to categories and lines, remembered
    /// for the next import; last in the file, as the least read part.
    #[serde(default)]
    pub import_rules: ImportRules,
}

/// A row of the board: "Core (Foundation Building)".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Swimlane {
    pub id: LaneId,
    pub name: String,
    #[serde(default)]
    pub subtitle: String,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

/// A checklist that covers one quarter or a span of quarters of a lane.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub id: BlockId,
    pub first_quarter: Quarter,
    pub last_quarter: Quarter,
    #[serde(default)]
    pub tasks: Vec<Task>,
}

impl Block {
    /// Whether this block's span covers `quarter`.
    pub fn spans(&self, quarter: Quarter) -> bool {
        self.first_quarter <= quarter && quarter <= self.last_quarter
    }
}

/// One of the four quarters of the plan year, counted from its start date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Quarter {
    Q1,
    Q2,
    Q3,
    Q4,
}

impl Quarter {
    pub const ALL: [Quarter; 4] = [Quarter::Q1, Quarter::Q2, Quarter::Q3, Quarter::Q4];

    /// 0 for Q1 up to 3 for Q4.
    pub fn index(self) -> usize {
        match self {
            Quarter::Q1 => 0,
            Quarter::Q2 => 1,
            Quarter::Q3 => 2,
            Quarter::Q4 => 3,
        }
    }

    pub fn from_index(index: usize) -> Option<Quarter> {
        Quarter::ALL.get(index).copied()
    }

    pub fn label(self) -> &'static str {
        match self {
            Quarter::Q1 => "Q1",
            Quarter::Q2 => "Q2",
            Quarter::Q3 => "Q3",
            Quarter::Q4 => "Q4",
        }
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// One checklist item of a block.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub id: TaskId,
    pub title: String,
    #[serde(default)]
    pub done: bool,
    /// The day the task was ticked; absent for tasks ticked outside Yearplan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<PhaseNumber>,
}

/// A learning phase such as "3: GenServer".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub number: PhaseNumber,
    pub name: String,
    /// The quarter the phase is planned to be completed in.
    pub quarter: Quarter,
    #[serde(default)]
    pub status: PhaseStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PhaseStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl PhaseStatus {
    pub fn label(self) -> &'static str {
        match self {
            PhaseStatus::NotStarted => "Not started",
            PhaseStatus::InProgress => "In progress",
            PhaseStatus::Done => "Done",
        }
    }
}

/// Where the weekly hours go: "Learning", with a target of 15–20 hours a week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeCategory {
    pub id: CategoryId,
    pub name: String,
    pub weekly_min_hours: f64,
    pub weekly_max_hours: f64,
}

/// Hours logged on a day against a category.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeEntry {
    /// Absent in files before format 3, and in entries written by hand: such
    /// an entry reads as 0 and is given an id on load (see [`Plan::give_missing_ids`]).
    #[serde(default)]
    pub id: EntryId,
    pub date: NaiveDate,
    pub category: CategoryId,
    pub hours: f64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A line of the money budget.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    pub id: LineId,
    pub name: String,
    pub kind: BudgetKind,
}

/// A budget line either allows an amount every month or caps a one-time spend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BudgetKind {
    Monthly { cents: i64 },
    OneTime { cap_cents: i64 },
}

/// Money spent on a day against a budget line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expense {
    /// See [`TimeEntry::id`].
    #[serde(default)]
    pub id: ExpenseId,
    pub date: NaiveDate,
    pub line: LineId,
    pub cents: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A named goal of the year, ticked by hand or derived from the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuccessMetric {
    pub id: MetricId,
    pub name: String,
    pub measure: MetricMeasure,
}

/// How a success metric is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MetricMeasure {
    /// Ticked by hand.
    Manual { done: bool },
    /// Phases done out of all phases.
    PhasesDone,
    /// The tasks of one lane done out of all its tasks.
    LaneTasksDone { lane: LaneId },
    /// Weeks in which every category reached its weekly minimum, out of
    /// the last `weeks` (hours over a range's top are no miss).
    WeeksInRange { weeks: u32 },
    /// Months whose spend stayed within the run-rate, out of the last `months`.
    MonthsWithinRunRate { months: u32 },
}

/// How often the plan is reviewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Period {
    Weekly,
    Monthly,
    Quarterly,
    /// The year-end review: the plan year summed up (format 5).
    Yearly,
}

impl Period {
    pub fn label(self) -> &'static str {
        match self {
            Period::Weekly => "Weekly",
            Period::Monthly => "Monthly",
            Period::Quarterly => "Quarterly",
            Period::Yearly => "Yearly",
        }
    }

    /// What a review of this period is called: "Weekly review", "Year-end review".
    pub fn review_title(self) -> &'static str {
        match self {
            Period::Weekly => "Weekly review",
            Period::Monthly => "Monthly review",
            Period::Quarterly => "Quarterly review",
            Period::Yearly => "Year-end review",
        }
    }
}

/// A review rhythm and what it is for: "Weekly: progress check against tasks".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewCadence {
    /// See [`TimeEntry::id`].
    #[serde(default)]
    pub id: CadenceId,
    pub period: Period,
    pub purpose: String,
}

/// A review that took place, with its summary frozen as it was that day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// See [`TimeEntry::id`].
    #[serde(default)]
    pub id: ReviewId,
    pub date: NaiveDate,
    pub period: Period,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Plan {
    /// An empty plan starting on `start_date`.
    pub fn empty(title: impl Into<String>, start_date: NaiveDate) -> Plan {
        Plan {
            format_version: FORMAT_VERSION,
            title: title.into(),
            start_date,
            currency_symbol: "$".to_owned(),
            goals: Vec::new(),
            swimlanes: Vec::new(),
            phases: Vec::new(),
            time_categories: Vec::new(),
            budget_lines: Vec::new(),
            success_metrics: Vec::new(),
            review_cadences: Vec::new(),
            timer: None,
            time_entries: Vec::new(),
            expenses: Vec::new(),
            reviews: Vec::new(),
            import_rules: ImportRules::default(),
        }
    }

    /// The title to show: "Untitled plan" when the plan has none yet.
    pub fn display_title(&self) -> &str {
        let title = self.title.trim();
        if title.is_empty() {
            "Untitled plan"
        } else {
            title
        }
    }

    /// Every task of the plan, lane by lane, block by block.
    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.swimlanes
            .iter()
            .flat_map(|lane| lane.blocks.iter())
            .flat_map(|block| block.tasks.iter())
    }

    pub fn task(&self, id: TaskId) -> Option<&Task> {
        self.tasks().find(|task| task.id == id)
    }

    pub fn task_mut(&mut self, id: TaskId) -> Option<&mut Task> {
        self.swimlanes
            .iter_mut()
            .flat_map(|lane| lane.blocks.iter_mut())
            .flat_map(|block| block.tasks.iter_mut())
            .find(|task| task.id == id)
    }

    pub fn lane(&self, id: LaneId) -> Option<&Swimlane> {
        self.swimlanes.iter().find(|lane| lane.id == id)
    }

    pub fn category(&self, id: CategoryId) -> Option<&TimeCategory> {
        self.time_categories
            .iter()
            .find(|category| category.id == id)
    }

    pub fn budget_line(&self, id: LineId) -> Option<&BudgetLine> {
        self.budget_lines.iter().find(|line| line.id == id)
    }

    pub fn phase(&self, number: PhaseNumber) -> Option<&Phase> {
        self.phases.iter().find(|phase| phase.number == number)
    }

    pub fn block(&self, id: BlockId) -> Option<&Block> {
        self.swimlanes
            .iter()
            .flat_map(|lane| lane.blocks.iter())
            .find(|block| block.id == id)
    }

    /// The swimlane that holds the block `id`.
    pub fn lane_of_block(&self, id: BlockId) -> Option<&Swimlane> {
        self.swimlanes
            .iter()
            .find(|lane| lane.blocks.iter().any(|block| block.id == id))
    }

    /// Where the task `id` sits: its lane, its block, and its index in the
    /// block's list.
    pub fn block_of_task(&self, id: TaskId) -> Option<(LaneId, BlockId, usize)> {
        self.swimlanes.iter().find_map(|lane| {
            lane.blocks.iter().find_map(|block| {
                let index = block.tasks.iter().position(|task| task.id == id)?;
                Some((lane.id, block.id, index))
            })
        })
    }

    /// A task id no task of this plan has: `candidate` itself if it is free,
    /// else the next free one after it.
    ///
    /// The app passes a random candidate rather than "largest + 1" so that two
    /// machines adding tasks to copies of the same file pick different ids, and
    /// the copies still merge into a valid plan.
    pub fn unused_task_id(&self, candidate: u64) -> TaskId {
        TaskId(first_unused(candidate, self.tasks().map(|task| task.id.0)))
    }

    /// A block id no block of this plan has; see [`Plan::unused_task_id`].
    pub fn unused_block_id(&self, candidate: u64) -> BlockId {
        let used = self
            .swimlanes
            .iter()
            .flat_map(|lane| lane.blocks.iter())
            .map(|block| block.id.0);
        BlockId(first_unused(candidate, used))
    }

    /// A swimlane id no swimlane of this plan has; see [`Plan::unused_task_id`].
    pub fn unused_lane_id(&self, candidate: u64) -> LaneId {
        LaneId(first_unused(
            candidate,
            self.swimlanes.iter().map(|lane| lane.id.0),
        ))
    }
}

/// `candidate`, or the first value after it (wrapping past `u64::MAX`) that is
/// not in `used`. Zero is never returned: it reads as "no id" to a person
/// editing the file, and a hand-made plan may use it as a placeholder.
///
/// Terminates because `used` holds fewer than `u64::MAX` values.
pub(super) fn first_unused(candidate: u64, used: impl Iterator<Item = u64>) -> u64 {
    first_unused_in(candidate, &used.collect())
}

/// [`first_unused`] against a set already built, for callers that pick
/// many ids in a row.
pub(super) fn first_unused_in(candidate: u64, used: &std::collections::HashSet<u64>) -> u64 {
    let mut id = candidate;
    while id == 0 || used.contains(&id) {
        id = id.wrapping_add(1);
    }
    id
}

//! What a plan must satisfy beyond its types: the things serde cannot check
//! (NaN hours, dangling references, duplicate ids, dates from another era).
//!
//! A plan that passes is one every other part of Yearplan may trust: sums of
//! money cannot overflow, weeks and months can be counted, and every reference
//! resolves. The file loader calls this after parsing, so a bad file is
//! refused with the whole list of what is wrong rather than the first thing.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::import_rules::ImportRule;
use super::{BudgetKind, CategoryId, LineId, MetricMeasure, PhaseNumber, Plan, Task};

/// The largest amount of money one figure may hold: $1,000,000,000.00.
///
/// Chosen so that summing every amount of any file that passes the loader's
/// size cap (64 MiB, and every amount takes at least one byte of it) stays far
/// below `i64::MAX`; the loader asserts this at compile time.
pub const MAX_CENTS: i64 = 100_000_000_000;

/// No one logs more hours on one day than the day has.
pub const MAX_HOURS_PER_ENTRY: f64 = 24.0;

/// No weekly target can exceed the hours of a week.
pub const MAX_WEEKLY_HOURS: f64 = 168.0;

/// Dates outside these years are typing mistakes (20260 for 2026), and
/// keeping them out keeps calendar arithmetic far from chrono's limits.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

/// A plan year asked to start on a day outside [`MIN_YEAR`]–[`MAX_YEAR`]:
/// the next year of a plan starting in 2200, or a start typed as 20270.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "a plan year cannot start on {}: plans start in the years {MIN_YEAR}–{MAX_YEAR}",
    super::format::format_date(*.0)
)]
pub struct StartOutsideYears(pub NaiveDate);

/// Whether a plan year may start on `start`.
pub fn check_start(start: NaiveDate) -> Result<(), StartOutsideYears> {
    if is_within_years(start) {
        Ok(())
    } else {
        Err(StartOutsideYears(start))
    }
}

/// Whether `date` is in the years a plan accepts.
pub fn is_within_years(date: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&date.year())
}

/// A metric looks back over at most ten years of weeks or months; more would
/// only make the app loop for nothing.
pub const MAX_METRIC_WEEKS: u32 = 520;
pub const MAX_METRIC_MONTHS: u32 = 120;

/// How many problems a [`ValidationError`] lists; a file with thousands of
/// bad entries is better described by the first few and a count.
pub const MAX_LISTED_PROBLEMS: usize = 20;

/// Everything found wrong with a plan, one human sentence per problem.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", render(.problems, *.unlisted))]
pub struct ValidationError {
    problems: Vec<String>,
    unlisted: usize,
}

impl ValidationError {
    /// The listed problems, at most [`MAX_LISTED_PROBLEMS`] of them, in the
    /// order they appear in the plan.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// How many problems were found in all, listed or not.
    pub fn total(&self) -> usize {
        self.problems.len() + self.unlisted
    }
}

fn render(problems: &[String], unlisted: usize) -> String {
    let mut text = problems.join("\n");
    if unlisted > 0 {
        let noun = if unlisted == 1 { "problem" } else { "problems" };
        text.push_str(&format!("\nand {unlisted} more {noun}"));
    }
    text
}

/// Checks everything about `plan` that its types do not, and reports every
/// problem found (up to [`MAX_LISTED_PROBLEMS`]) at once.
pub fn validate(plan: &Plan) -> Result<(), ValidationError> {
    let mut problems = Problems::default();
    check_dates_and_title(plan, &mut problems);
    check_swimlanes(plan, &mut problems);
    check_phases(plan, &mut problems);
    check_time(plan, &mut problems);
    check_money(plan, &mut problems);
    check_metrics(plan, &mut problems);
    check_reviews(plan, &mut problems);
    check_import_rules(plan, &mut problems);
    problems.finish()
}

/// Collects problems, formatting only the ones that will be listed so a
/// hostile file with a million bad entries costs a counter, not a million
/// strings.
#[derive(Default)]
struct Problems {
    listed: Vec<String>,
    unlisted: usize,
}

impl Problems {
    fn add(&mut self, problem: fmt::Arguments<'_>) {
        if self.listed.len() < MAX_LISTED_PROBLEMS {
            self.listed.push(problem.to_string());
        } else {
            self.unlisted += 1;
        }
    }

    fn finish(self) -> Result<(), ValidationError> {
        if self.listed.is_empty() {
            Ok(())
        } else {
            Err(ValidationError {
                problems: self.listed,
                unlisted: self.unlisted,
            })
        }
    }

    fn check_date(&mut self, place: &dyn fmt::Display, what: &str, date: NaiveDate) {
        if !is_within_years(date) {
            self.add(format_args!(
                "{place}: {what} {date} is outside the years {MIN_YEAR}–{MAX_YEAR}"
            ));
        }
    }

    fn check_cents(&mut self, place: &dyn fmt::Display, what: &str, cents: i64) {
        if cents < 0 {
            self.add(format_args!(
                "{place}: {what} must not be negative, found {cents} cents"
            ));
        } else if cents > MAX_CENTS {
            self.add(format_args!(
                "{place}: {what} of {cents} cents is above the limit of {MAX_CENTS} cents \
                 (1,000,000,000.00)"
            ));
        }
    }
}

/// Remembers the first owner of each id and reports every later one. The
/// owner is whatever names it in a message: a `String`, or a [`Place`] for
/// the long lists, written out only if a message needs it.
struct Ids<K, O = String> {
    seen: HashMap<K, O>,
}

impl<K: std::hash::Hash + Eq + Copy + fmt::Display, O: fmt::Display> Ids<K, O> {
    fn new() -> Self {
        Ids {
            seen: HashMap::new(),
        }
    }

    fn claim(&mut self, problems: &mut Problems, kind: &str, id: K, owner: impl FnOnce() -> O) {
        match self.seen.entry(id) {
            Entry::Vacant(slot) => {
                slot.insert(owner());
            }
            Entry::Occupied(first) => {
                let first = first.get();
                let second = owner();
                problems.add(format_args!(
                    "{kind} {id} is used twice: by {first} and by {second}"
                ));
            }
        }
    }
}

/// Where a dated record of a list is, as a person counts them in the file
/// (from 1): "time entry 3 (2026-03-02)". Kept as the number and the date,
/// and written out only for a message, since a plan may hold tens of
/// thousands of records and nearly all are fine.
#[derive(Clone, Copy)]
struct Place {
    what: &'static str,
    index: usize,
    date: NaiveDate,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ({})", self.what, self.index + 1, self.date)
    }
}

/// A name as it appears in a message: quoted, escaped, and short enough that
/// a pasted essay does not drown the message.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX_CHARS: usize = 40;
        match self.0.char_indices().nth(MAX_CHARS) {
            Some((cut, _)) => write!(f, "{:?}", format!("{}…", &self.0[..cut])),
            None => write!(f, "{:?}", self.0),
        }
    }
}

/// A hours figure as a person reads it; `{}` already writes NaN and inf.
struct Hours(f64);

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

fn task_place(task: &Task) -> String {
    format!("task {} ({})", task.id, Quoted(&task.title))
}

fn check_dates_and_title(plan: &Plan, problems: &mut Problems) {
    // An empty title is allowed: a plan being set up may not have one yet,
    // and the window shows "Untitled" rather than refusing the file.
    problems.check_date(&"the plan", "start date", plan.start_date);
}

fn check_swimlanes(plan: &Plan, problems: &mut Problems) {
    // Sets, not lookups in the plan, so a hostile file with many tasks and
    // phases is checked in linear time.
    let phase_numbers: HashSet<PhaseNumber> =
        plan.phases.iter().map(|phase| phase.number).collect();
    let mut lane_ids = Ids::new();
    let mut block_ids = Ids::new();
    let mut task_ids = Ids::new();
    for lane in &plan.swimlanes {
        let lane_place = format!("swimlane {} ({})", lane.id, Quoted(&lane.name));
        lane_ids.claim(problems, "swimlane id", lane.id, || lane_place.clone());
        for block in &lane.blocks {
            let block_place = format!("block {} of {lane_place}", block.id);
            block_ids.claim(problems, "block id", block.id, || block_place.clone());
            if block.first_quarter > block.last_quarter {
                problems.add(format_args!(
                    "{block_place}: its quarters run backwards ({} to {}); \
                     the first quarter must not come after the last",
                    block.first_quarter, block.last_quarter
                ));
            }
            for task in &block.tasks {
                check_task(&phase_numbers, task, problems);
                task_ids.claim(problems, "task id", task.id, || task_place(task));
            }
        }
    }
}

fn check_task(phase_numbers: &HashSet<PhaseNumber>, task: &Task, problems: &mut Problems) {
    let place = task_place(task);
    if let Some(done_on) = task.done_on {
        problems.check_date(&place, "done date", done_on);
        if !task.done {
            problems.add(format_args!(
                "{place}: has a done date ({done_on}) but is not ticked done"
            ));
        }
    }
    if let Some(due) = task.due {
        problems.check_date(&place, "due date", due);
    }
    if let Some(number) = task.phase
        && !phase_numbers.contains(&number)
    {
        problems.add(format_args!(
            "{place}: refers to phase {number}, which the plan does not have"
        ));
    }
}

fn check_phases(plan: &Plan, problems: &mut Problems) {
    let mut numbers = Ids::new();
    for phase in &plan.phases {
        let place = format!("phase {} ({})", phase.number, Quoted(&phase.name));
        numbers.claim(problems, "phase number", phase.number, || place.clone());
        if let Some(started_on) = phase.started_on {
            problems.check_date(&place, "start date", started_on);
        }
        if let Some(done_on) = phase.done_on {
            problems.check_date(&place, "done date", done_on);
        }
        if let (Some(started_on), Some(done_on)) = (phase.started_on, phase.done_on)
            && done_on < started_on
        {
            problems.add(format_args!(
                "{place}: is done on {done_on}, before it was started on {started_on}"
            ));
        }
    }
}

fn check_time(plan: &Plan, problems: &mut Problems) {
    let known_categories: HashSet<CategoryId> = plan
        .time_categories
        .iter()
        .map(|category| category.id)
        .collect();
    if let Some(timer) = &plan.timer {
        problems.check_date(&"the timer", "start", timer.started.date());
        if !known_categories.contains(&timer.category) {
            problems.add(format_args!(
                "the timer: runs on time category {}, which the plan does not have",
                timer.category
            ));
        }
    }
    let mut category_ids = Ids::new();
    for category in &plan.time_categories {
        let place = format!("time category {} ({})", category.id, Quoted(&category.name));
        category_ids.claim(problems, "time category id", category.id, || place.clone());
        let (min, max) = (category.weekly_min_hours, category.weekly_max_hours);
        let mut both_sane = true;
        for (which, hours) in [("minimum", min), ("maximum", max)] {
            if !hours.is_finite() || !(0.0..=MAX_WEEKLY_HOURS).contains(&hours) {
                both_sane = false;
                problems.add(format_args!(
                    "{place}: the weekly {which} must be between 0 and {MAX_WEEKLY_HOURS} hours, \
                     found {}",
                    Hours(hours)
                ));
            }
        }
        if both_sane && min > max {
            problems.add(format_args!(
                "{place}: the weekly minimum ({}) is above the maximum ({})",
                Hours(min),
                Hours(max)
            ));
        }
    }

    let mut entry_ids: Ids<u64, Place> = Ids::new();
    for (index, entry) in plan.time_entries.iter().enumerate() {
        let place = Place {
            what: "time entry",
            index,
            date: entry.date,
        };
        // 0: read without an id, and given one on load; never "used twice".
        if entry.id.0 != 0 {
            entry_ids.claim(problems, "time entry id", entry.id.0, || place);
        }
        problems.check_date(&place, "date", entry.date);
        if !known_categories.contains(&entry.category) {
            problems.add(format_args!(
                "{place}: refers to time category {}, which the plan does not have",
                entry.category
            ));
        }
        let hours = entry.hours;
        if !hours.is_finite() || hours <= 0.0 {
            problems.add(format_args!(
                "{place}: hours must be a positive number of hours, found {}",
                Hours(hours)
            ));
        } else if hours > MAX_HOURS_PER_ENTRY {
            problems.add(format_args!(
                "{place}: {} hours is more than a day has ({MAX_HOURS_PER_ENTRY})",
                Hours(hours)
            ));
        }
    }
}

fn check_money(plan: &Plan, problems: &mut Problems) {
    let known_lines: HashSet<LineId> = plan.budget_lines.iter().map(|line| line.id).collect();
    let mut line_ids = Ids::new();
    for line in &plan.budget_lines {
        let place = format!("budget line {} ({})", line.id, Quoted(&line.name));
        line_ids.claim(problems, "budget line id", line.id, || place.clone());
        match line.kind {
            BudgetKind::Monthly { cents } => {
                problems.check_cents(&place, "the monthly amount", cents);
            }
            BudgetKind::OneTime { cap_cents } => {
                problems.check_cents(&place, "the one-time cap", cap_cents);
            }
        }
    }

    let mut expense_ids: Ids<u64, Place> = Ids::new();
    for (index, expense) in plan.expenses.iter().enumerate() {
        let place = Place {
            what: "expense",
            index,
            date: expense.date,
        };
        // 0: read without an id, and given one on load; never "used twice".
        if expense.id.0 != 0 {
            expense_ids.claim(problems, "expense id", expense.id.0, || place);
        }
        problems.check_date(&place, "date", expense.date);
        if !known_lines.contains(&expense.line) {
            problems.add(format_args!(
                "{place}: refers to budget line {}, which the plan does not have",
                expense.line
            ));
        }
        problems.check_cents(&place, "the amount", expense.cents);
    }
}

fn check_metrics(plan: &Plan, problems: &mut Problems) {
    let mut metric_ids = Ids::new();
    for metric in &plan.success_metrics {
        let place = format!("success metric {} ({})", metric.id, Quoted(&metric.name));
        metric_ids.claim(problems, "success metric id", metric.id, || place.clone());
        match metric.measure {
            MetricMeasure::LaneTasksDone { lane } => {
                if plan.lane(lane).is_none() {
                    problems.add(format_args!(
                        "{place}: refers to swimlane {lane}, which the plan does not have"
                    ));
                }
            }
            MetricMeasure::WeeksInRange { weeks } => {
                if !(1..=MAX_METRIC_WEEKS).contains(&weeks) {
                    problems.add(format_args!(
                        "{place}: must look back between 1 and {MAX_METRIC_WEEKS} weeks, \
                         found {weeks}"
                    ));
                }
            }
            MetricMeasure::MonthsWithinRunRate { months } => {
                if !(1..=MAX_METRIC_MONTHS).contains(&months) {
                    problems.add(format_args!(
                        "{place}: must look back between 1 and {MAX_METRIC_MONTHS} months, \
                         found {months}"
                    ));
                }
            }
            MetricMeasure::Manual { .. } | MetricMeasure::PhasesDone => {}
        }
    }
}

fn check_reviews(plan: &Plan, problems: &mut Problems) {
    let mut periods = HashMap::new();
    let mut cadence_ids = Ids::new();
    for cadence in &plan.review_cadences {
        let period = cadence.period;
        if cadence.id.0 != 0 {
            cadence_ids.claim(problems, "review cadence id", cadence.id.0, || {
                format!("review cadence {}", period.label())
            });
        }
        if periods.insert(period, ()).is_some() {
            problems.add(format_args!(
                "review cadence {}: there is more than one {} cadence; keep one per period",
                period.label(),
                period.label().to_lowercase()
            ));
        }
    }
    let mut review_ids: Ids<u64, Place> = Ids::new();
    for (index, review) in plan.reviews.iter().enumerate() {
        let place = Place {
            what: "review",
            index,
            date: review.date,
        };
        // 0: read without an id, and given one on load; never "used twice".
        if review.id.0 != 0 {
            review_ids.claim(problems, "review id", review.id.0, || place);
        }
        problems.check_date(&place, "date", review.date);
    }
}

fn check_import_rules(plan: &Plan, problems: &mut Problems) {
    let categories: HashSet<CategoryId> = plan
        .time_categories
        .iter()
        .map(|category| category.id)
        .collect();
    check_rules(
        &plan.import_rules.hours,
        "hours",
        "time category",
        &categories,
        problems,
    );
    let lines: HashSet<LineId> = plan.budget_lines.iter().map(|line| line.id).collect();
    check_rules(
        &plan.import_rules.expenses,
        "expenses",
        "budget line",
        &lines,
        problems,
    );
}

/// Each rule of one ledger needs a text to look for and, unless it leaves
/// rows out, a bucket the plan has.
fn check_rules<Id: std::hash::Hash + Eq + fmt::Display>(
    rules: &[ImportRule<Id>],
    ledger: &str,
    bucket: &str,
    known: &HashSet<Id>,
    problems: &mut Problems,
) {
    for (index, rule) in rules.iter().enumerate() {
        // Counted from 1, as a person counts the rules in the file.
        let place = format!(
            "import rule {} of {ledger} ({})",
            index + 1,
            Quoted(&rule.contains)
        );
        if rule.contains.trim().is_empty() {
            problems.add(format_args!(
                "{place}: has no text to look for, so it would match nothing"
            ));
        }
        if let Some(into) = &rule.into
            && !known.contains(into)
        {
            problems.add(format_args!(
                "{place}: refers to {bucket} {into}, which the plan does not have"
            ));
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::{
        Block, BlockId, BudgetLine, CategoryId, EntryId, Expense, LaneId, LineId, MetricId, Period,
        Phase, PhaseStatus, Quarter, Review, ReviewCadence, ReviewId, SuccessMetric, Swimlane,
        TaskId, TimeCategory, TimeEntry,
    };

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
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

    /// A small plan that uses every kind of reference, and is valid.
    fn good_plan() -> Plan {
        let mut plan = Plan::empty("Year", date(2026, 1, 1));
        plan.swimlanes.push(Swimlane {
            id: LaneId(1),
            name: "Core".to_owned(),
            subtitle: String::new(),
            blocks: vec![Block {
                id: BlockId(1),
                first_quarter: Quarter::Q1,
                last_quarter: Quarter::Q2,
                tasks: vec![
                    Task {
                        done: true,
                        done_on: Some(date(2026, 2, 1)),
                        phase: Some(0),
                        ..task(1, "Tooling")
                    },
                    task(2, "GenServer"),
                ],
            }],
        });
        plan.phases.push(Phase {
            number: 0,
            name: "Tooling".to_owned(),
            quarter: Quarter::Q1,
            status: PhaseStatus::Done,
            started_on: Some(date(2026, 1, 5)),
            done_on: Some(date(2026, 2, 1)),
        });
        plan.time_categories.push(TimeCategory {
            id: CategoryId(1),
            name: "Learning".to_owned(),
            weekly_min_hours: 15.0,
            weekly_max_hours: 20.0,
        });
        plan.time_entries.push(TimeEntry {
            id: Default::default(),
            date: date(2026, 1, 5),
            category: CategoryId(1),
            hours: 2.5,
            note: String::new(),
        });
        plan.budget_lines.push(BudgetLine {
            id: LineId(1),
            name: "Books".to_owned(),
            kind: BudgetKind::OneTime { cap_cents: 50_000 },
        });
        plan.expenses.push(Expense {
            id: Default::default(),
            date: date(2026, 1, 6),
            line: LineId(1),
            cents: 4_500,
            note: String::new(),
        });
        plan.success_metrics.push(SuccessMetric {
            id: MetricId(1),
            name: "Core done".to_owned(),
            measure: MetricMeasure::LaneTasksDone { lane: LaneId(1) },
        });
        plan.review_cadences.push(ReviewCadence {
            id: Default::default(),
            period: Period::Weekly,
            purpose: "Progress".to_owned(),
        });
        plan.reviews.push(Review {
            id: Default::default(),
            date: date(2026, 1, 11),
            period: Period::Weekly,
            summary: String::new(),
            notes: String::new(),
        });
        plan
    }

    fn problems_of(plan: &Plan) -> Vec<String> {
        validate(plan).unwrap_err().problems().to_vec()
    }

    fn assert_one_problem(plan: &Plan, expected: &str) {
        let problems = problems_of(plan);
        assert_eq!(problems, vec![expected.to_owned()]);
    }

    #[test]
    fn good_plan_and_empty_plan_pass() {
        validate(&good_plan()).unwrap();
        validate(&Plan::empty("", date(2026, 1, 1))).unwrap();
    }

    #[test]
    fn hours_must_be_positive_finite_and_at_most_a_day() {
        for (hours, shown) in [
            (f64::NAN, "found NaN"),
            (f64::INFINITY, "found inf"),
            (-1.0, "found -1"),
            (0.0, "found 0"),
        ] {
            let mut plan = good_plan();
            plan.time_entries[0].hours = hours;
            assert_one_problem(
                &plan,
                &format!(
                    "time entry 1 (2026-01-05): hours must be a positive number of hours, {shown}"
                ),
            );
        }
        let mut plan = good_plan();
        plan.time_entries[0].hours = 24.5;
        assert_one_problem(
            &plan,
            "time entry 1 (2026-01-05): 24.5 hours is more than a day has (24)",
        );
        plan.time_entries[0].hours = 24.0;
        validate(&plan).unwrap();
    }

    #[test]
    fn weekly_targets_must_be_sane_and_ordered() {
        let mut plan = good_plan();
        plan.time_categories[0].weekly_min_hours = f64::NAN;
        plan.time_categories[0].weekly_max_hours = -2.0;
        let problems = problems_of(&plan);
        assert_eq!(problems.len(), 2);
        assert!(problems[0].contains("weekly minimum must be between 0 and 168 hours, found NaN"));
        assert!(problems[1].contains("weekly maximum must be between 0 and 168 hours, found -2"));

        let mut plan = good_plan();
        plan.time_categories[0].weekly_min_hours = 21.0;
        assert_one_problem(
            &plan,
            "time category 1 (\"Learning\"): the weekly minimum (21) is above the maximum (20)",
        );
    }

    #[test]
    fn money_must_be_non_negative_and_under_the_cap() {
        let mut plan = good_plan();
        plan.expenses[0].cents = -1;
        plan.budget_lines[0].kind = BudgetKind::Monthly {
            cents: MAX_CENTS + 1,
        };
        let problems = problems_of(&plan);
        assert_eq!(problems.len(), 2);
        assert!(problems[0].starts_with("budget line 1 (\"Books\"): the monthly amount of"));
        assert!(problems[0].contains("above the limit"));
        assert_eq!(
            problems[1],
            "expense 1 (2026-01-06): the amount must not be negative, found -1 cents"
        );

        let mut plan = good_plan();
        plan.expenses[0].cents = MAX_CENTS;
        validate(&plan).unwrap();
    }

    #[test]
    fn duplicate_ids_are_reported_with_both_owners() {
        let mut plan = good_plan();
        plan.swimlanes[0].blocks[0].tasks[1].id = TaskId(1);
        assert_one_problem(
            &plan,
            "task id 1 is used twice: by task 1 (\"Tooling\") and by task 1 (\"GenServer\")",
        );

        let mut plan = good_plan();
        let lane = plan.swimlanes[0].clone();
        let block = lane.blocks[0].clone();
        plan.swimlanes[0].blocks.push(Block {
            tasks: Vec::new(),
            ..block
        });
        plan.swimlanes.push(Swimlane {
            blocks: Vec::new(),
            ..lane
        });
        plan.phases.push(plan.phases[0].clone());
        plan.time_categories.push(plan.time_categories[0].clone());
        plan.budget_lines.push(plan.budget_lines[0].clone());
        plan.success_metrics.push(plan.success_metrics[0].clone());
        plan.review_cadences.push(plan.review_cadences[0].clone());
        let problems = problems_of(&plan);
        let starts: Vec<&str> = problems
            .iter()
            .map(|p| p.split(" is used twice").next().unwrap_or(p))
            .collect();
        assert_eq!(
            starts,
            vec![
                "block id 1",
                "swimlane id 1",
                "phase number 0",
                "time category id 1",
                "budget line id 1",
                "success metric id 1",
                "review cadence Weekly: there is more than one weekly cadence; keep one per period",
            ]
        );
    }

    #[test]
    fn records_sharing_an_id_are_named_by_place_and_unnumbered_ones_pass() {
        let mut plan = good_plan();
        let mut entry = plan.time_entries[0].clone();
        entry.id = EntryId(77);
        plan.time_entries = vec![entry.clone(), entry.clone(), entry];
        plan.time_entries[2].id = EntryId(0);
        let mut review = plan.reviews[0].clone();
        review.id = ReviewId(0);
        plan.reviews = vec![review.clone(), review];
        let date = plan.time_entries[0].date;
        assert_one_problem(
            &plan,
            &format!(
                "time entry id 77 is used twice: by time entry 1 ({date}) and by time entry 2 ({date})"
            ),
        );
    }

    #[test]
    fn unknown_references_are_named() {
        let mut plan = good_plan();
        plan.time_entries[0].category = CategoryId(9);
        plan.expenses[0].line = LineId(8);
        plan.swimlanes[0].blocks[0].tasks[1].phase = Some(7);
        plan.success_metrics[0].measure = MetricMeasure::LaneTasksDone { lane: LaneId(6) };
        assert_eq!(
            problems_of(&plan),
            vec![
                "task 2 (\"GenServer\"): refers to phase 7, which the plan does not have",
                "time entry 1 (2026-01-05): refers to time category 9, which the plan does not have",
                "expense 1 (2026-01-06): refers to budget line 8, which the plan does not have",
                "success metric 1 (\"Core done\"): refers to swimlane 6, which the plan does not have",
            ]
        );
    }

    #[test]
    fn reversed_span_done_dates_and_phase_order() {
        let mut plan = good_plan();
        plan.swimlanes[0].blocks[0].first_quarter = Quarter::Q3;
        plan.swimlanes[0].blocks[0].tasks[0].done = false;
        plan.phases[0].started_on = Some(date(2026, 3, 1));
        assert_eq!(
            problems_of(&plan),
            vec![
                "block 1 of swimlane 1 (\"Core\"): its quarters run backwards (Q3 to Q2); \
                 the first quarter must not come after the last",
                "task 1 (\"Tooling\"): has a done date (2026-02-01) but is not ticked done",
                "phase 0 (\"Tooling\"): is done on 2026-02-01, before it was started on 2026-03-01",
            ]
        );
    }

    #[test]
    fn dates_must_fall_in_sane_years() {
        let mut plan = good_plan();
        plan.start_date = date(1899, 12, 31);
        plan.swimlanes[0].blocks[0].tasks[1].due = Some(date(2201, 1, 1));
        plan.time_entries[0].date = date(20260, 1, 5);
        plan.reviews[0].date = date(1, 1, 1);
        assert_eq!(
            problems_of(&plan),
            vec![
                "the plan: start date 1899-12-31 is outside the years 1900–2200",
                "task 2 (\"GenServer\"): due date 2201-01-01 is outside the years 1900–2200",
                "time entry 1 (+20260-01-05): date +20260-01-05 is outside the years 1900–2200",
                "review 1 (0001-01-01): date 0001-01-01 is outside the years 1900–2200",
            ]
        );
    }

    #[test]
    fn metric_windows_must_be_countable() {
        let mut plan = good_plan();
        plan.success_metrics[0].measure = MetricMeasure::WeeksInRange { weeks: 0 };
        assert_one_problem(
            &plan,
            "success metric 1 (\"Core done\"): must look back between 1 and 520 weeks, found 0",
        );
        plan.success_metrics[0].measure = MetricMeasure::MonthsWithinRunRate { months: u32::MAX };
        assert_eq!(problems_of(&plan).len(), 1);
    }

    #[test]
    fn list_is_capped_and_display_counts_the_rest() {
        let mut plan = good_plan();
        let entry = plan.time_entries[0].clone();
        plan.time_entries = vec![
            TimeEntry {
                hours: -1.0,
                ..entry
            };
            25
        ];
        let error = validate(&plan).unwrap_err();
        assert_eq!(error.problems().len(), MAX_LISTED_PROBLEMS);
        assert_eq!(error.total(), 25);
        let text = error.to_string();
        assert_eq!(text.lines().count(), MAX_LISTED_PROBLEMS + 1);
        assert!(text.starts_with("time entry 1 (2026-01-05): hours must be"));
        assert!(text.ends_with("\nand 5 more problems"));
    }

    #[test]
    fn import_rules_need_a_text_and_a_bucket_the_plan_has() {
        use crate::model::import_rules::ImportRule;
        let mut plan = good_plan();
        fn rule<Id>(contains: &str, into: Option<Id>) -> ImportRule<Id> {
            ImportRule {
                contains: contains.to_owned(),
                into,
            }
        }
        plan.import_rules.hours = vec![
            rule("orga", Some(CategoryId(1))),
            rule(" ", None),
            rule("Lunch", Some(CategoryId(9))),
        ];
        plan.import_rules.expenses = vec![
            rule("aws", Some(LineId(4))),
            rule("", Some(LineId(5))),
            rule("books", Some(LineId(1))),
        ];
        assert_eq!(
            problems_of(&plan),
            vec![
                "import rule 2 of hours (\" \"): has no text to look for, so it would match \
                 nothing",
                "import rule 3 of hours (\"Lunch\"): refers to time category 9, which the plan \
                 does not have",
                "import rule 1 of expenses (\"aws\"): refers to budget line 4, which the plan \
                 does not have",
                "import rule 2 of expenses (\"\"): has no text to look for, so it would match \
                 nothing",
                "import rule 2 of expenses (\"\"): refers to budget line 5, which the plan does \
                 not have",
            ]
        );
        // Each ledger's rules are looked up among its own buckets only.
        plan.import_rules.hours = vec![rule("x", Some(CategoryId(1)))];
        plan.import_rules.expenses = vec![rule("x", Some(LineId(1)))];
        validate(&plan).unwrap();
    }

    #[test]
    fn long_names_are_shortened_and_escaped() {
        let mut plan = good_plan();
        plan.swimlanes[0].blocks[0].tasks[1].title = format!("\"quoted\"\n{}", "x".repeat(100));
        plan.swimlanes[0].blocks[0].tasks[1].phase = Some(99);
        let problem = &problems_of(&plan)[0];
        assert!(problem.starts_with("task 2 (\"\\\"quoted\\\"\\nxxx"));
        assert!(problem.contains("x…\"): refers to phase 99"));
    }
}

//! The figures of the Overview tab, and the words they are shown in: this
//! week's hours, this month's spend, progress, reviews due, the next tasks
//! due, the two forecasts and the success metrics. `yearplan report` prints
//! the same [`Overview`] with the same sentences, so the tab and the report
//! cannot disagree.
//!
//! Everything here is a pure function of the plan, the aggregates the app
//! already caches ([`WeeklyHours`], [`MonthlySpend`]) and `today`. Dated
//! records after `today` are not hidden: "today" places the week, the month
//! and the windows the metrics judge, as the app's clock does.
//!
//! # Which weeks and months a metric judges
//!
//! [`MetricMeasure::WeeksInRange`] judges the last `weeks` *complete* ISO
//! weeks before today's week, keeping only weeks that lie wholly inside the
//! plan year (see [`judged_weeks`]). The week in progress is left out because
//! on a Tuesday every category is still under its weekly target; a partial
//! first or last week of the plan year is left out because a weekly target
//! cannot be met in the four days a year starting on a Thursday gives it. A
//! week is *in range* when every time category's hours are within its target,
//! both ends inclusive: over the top counts as out of range, since the top of
//! a range is there to protect the other categories and the person.
//!
//! [`MetricMeasure::MonthsWithinRunRate`] judges the last `months` complete
//! calendar months before today's month among the months that have a day in
//! the plan year (see [`judged_months`]), the same months the Budget tab
//! holds against the run-rate. A month is *within* when its spend on the
//! lines that are not one-time caps is at most the run-rate, as in
//! [`months_over_run_rate`](super::money::months_over_run_rate). Unlike a
//! week, a partial first month is judged: subscriptions bill a whole month
//! whichever day the plan started.
//!
//! Both count against the full `weeks` or `months`: a metric looking at 4
//! weeks shows 1/4 after the first good week, and is met only when all 4 of
//! the last 4 were good.

use std::fmt::Write as _;

use chrono::{Datelike, Days, NaiveDate};

use super::calendar::{IsoWeek, YearMonth, plan_end};
use super::format::{format_cents, format_date, format_hours, format_hours_range};
use super::money::{
    MonthlySpend, annual_budget_cents, monthly_lines_spend_cents, monthly_run_rate_cents,
    plan_months, projected_year_end_cents,
};
use super::progress::{Progress, lane_progress, phases_done, plan_progress, quarter_progress};
use super::review::{CadenceStatus, against_allowance, cadence_statuses, days, target_state_label};
use super::time::{TargetState, WeeklyHours, target_state, weekly_target_total};
use super::{
    CategoryId, LaneId, MetricId, MetricMeasure, PhaseNumber, PhaseStatus, Plan, Quarter, TaskId,
};

/// How many tasks the overview lists under "Next tasks due".
pub const NEXT_TASKS: usize = 5;

/// How many missed weeks or months a metric's evidence names before it only
/// counts the rest.
const LISTED_MISSES: usize = 3;

/// Where a success metric stands, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricStatus {
    /// For a metric ticked by hand, 0/1 or 1/1.
    pub progress: Progress,
    /// Whether the goal is reached: ticked, every phase or task done, or every
    /// one of the weeks or months it looks at good.
    pub met: bool,
    /// The evidence in words, e.g. "6 of 15 phases done".
    pub evidence: String,
}

/// Where the metric measured by `measure` stands on `today`. `weekly` and
/// `spend` are the plan's aggregates (`weekly_hours(plan)`,
/// `monthly_spend(plan)`), passed in because the app already caches them.
///
/// It takes the measure rather than the whole metric so that a metric being
/// edited can show its figure before it is saved.
pub fn metric_progress(
    plan: &Plan,
    weekly: &WeeklyHours,
    spend: &MonthlySpend,
    measure: MetricMeasure,
    today: NaiveDate,
) -> MetricStatus {
    match measure {
        MetricMeasure::Manual { done } => MetricStatus {
            progress: Progress {
                done: usize::from(done),
                total: 1,
            },
            met: done,
            evidence: if done {
                "Ticked by hand".to_owned()
            } else {
                "Not ticked yet".to_owned()
            },
        },
        MetricMeasure::PhasesDone => {
            let progress = phases_done(plan);
            let evidence = if progress.total == 0 {
                "The plan has no phases".to_owned()
            } else {
                format!("{} of {} phases done", progress.done, progress.total)
            };
            derived(progress, evidence)
        }
        MetricMeasure::LaneTasksDone { lane } => match plan.lane(lane) {
            Some(found) => {
                let progress = lane_progress(found);
                let evidence = if progress.total == 0 {
                    format!("{} has no tasks", found.name)
                } else {
                    format!(
                        "{}: {} of {} tasks done",
                        found.name, progress.done, progress.total
                    )
                };
                derived(progress, evidence)
            }
            None => derived(
                Progress::default(),
                format!("Swimlane {lane} is not in the plan"),
            ),
        },
        MetricMeasure::WeeksInRange { weeks } => weeks_in_range(plan, weekly, weeks, today),
        MetricMeasure::MonthsWithinRunRate { months } => {
            months_within_run_rate(plan, spend, months, today)
        }
    }
}

fn derived(progress: Progress, evidence: String) -> MetricStatus {
    MetricStatus {
        progress,
        met: progress.is_complete(),
        evidence,
    }
}

fn count(value: u32) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

/// The first Monday on or after `date`.
fn monday_on_or_after(date: NaiveDate) -> NaiveDate {
    let ahead = (7 - date.weekday().num_days_from_monday()) % 7;
    date.checked_add_days(Days::new(u64::from(ahead)))
        .unwrap_or(NaiveDate::MAX)
}

/// The ISO weeks a [`MetricMeasure::WeeksInRange`] metric looking at `weeks`
/// weeks judges on `today`, oldest first: the last `weeks` complete weeks
/// before today's week that lie wholly inside the plan year starting on
/// `plan_start`. Fewer early in the year (or none); after the year, its last
/// weeks.
pub fn judged_weeks(plan_start: NaiveDate, today: NaiveDate, weeks: u32) -> Vec<IsoWeek> {
    if weeks == 0 {
        return Vec::new();
    }
    let last_complete = IsoWeek::of(today)
        .monday()
        .checked_sub_days(Days::new(7))
        .unwrap_or(NaiveDate::MIN);
    let first_full = monday_on_or_after(plan_start);
    // The Monday of the last week whose Sunday is still inside the year.
    let end = plan_end(plan_start);
    let last_full = IsoWeek::of(end).monday();
    let last_full = if IsoWeek::of(end).sunday() == end {
        last_full
    } else {
        last_full
            .checked_sub_days(Days::new(7))
            .unwrap_or(NaiveDate::MIN)
    };
    // Once the year is over, its last weeks stay the ones judged, so the
    // metric keeps the figure the year ended on.
    let last = last_complete.min(last_full);
    let window_first = last
        .checked_sub_days(Days::new((u64::from(weeks) - 1) * 7))
        .unwrap_or(NaiveDate::MIN);
    let mut monday = window_first.max(first_full);
    // At most the 53 weeks of a plan year, whatever `weeks` says.
    let mut judged = Vec::new();
    while monday <= last {
        judged.push(IsoWeek::of(monday));
        match monday.checked_add_days(Days::new(7)) {
            Some(next) => monday = next,
            None => break,
        }
    }
    judged
}

/// The calendar months a [`MetricMeasure::MonthsWithinRunRate`] metric
/// looking at `months` months judges on `today`, oldest first: the last
/// `months` months before today's month among those with a day in the plan
/// year (after the year, its last months).
pub fn judged_months(plan_start: NaiveDate, today: NaiveDate, months: u32) -> Vec<YearMonth> {
    let current = YearMonth::of(today);
    let complete: Vec<YearMonth> = plan_months(plan_start)
        .into_iter()
        .filter(|&month| month < current)
        .collect();
    let skip = complete.len().saturating_sub(count(months));
    complete.into_iter().skip(skip).collect()
}

/// The categories of `week` that were not in range, with their state.
fn off_target(plan: &Plan, weekly: &WeeklyHours, week: IsoWeek) -> Vec<(String, TargetState)> {
    plan.time_categories
        .iter()
        .filter_map(|category| {
            let state = target_state(
                weekly.hours(week, category.id),
                category.weekly_min_hours,
                category.weekly_max_hours,
            );
            (state != TargetState::InRange).then(|| (category.name.clone(), state))
        })
        .collect()
}

/// "2026-W44 – 2026-W47", or one label when first and last are the same.
fn span<T: std::fmt::Display + PartialEq>(first: &T, last: &T) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first} – {last}")
    }
}

/// "; out of range: A, B, C and 2 more" for the misses, or nothing.
fn misses(heading: &str, missed: &[String]) -> String {
    if missed.is_empty() {
        return String::new();
    }
    let listed = missed
        .iter()
        .take(LISTED_MISSES)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let more = missed.len().saturating_sub(LISTED_MISSES);
    if more == 0 {
        format!("; {heading}: {listed}")
    } else {
        format!("; {heading}: {listed} and {more} more")
    }
}

/// The opening of a windowed metric's evidence: "3 of the last 4 weeks" when
/// the whole window has been judged, "1 of the 2 complete weeks of the plan
/// year so far" when the year is younger than the window.
fn judged_phrase(good: usize, judged: usize, wanted: usize, unit: &str) -> String {
    if judged >= wanted {
        format!("{good} of the last {judged} {unit}")
    } else {
        format!("{good} of the {judged} complete {unit} of the plan year so far")
    }
}

fn weeks_in_range(plan: &Plan, weekly: &WeeklyHours, weeks: u32, today: NaiveDate) -> MetricStatus {
    let wanted = count(weeks);
    if plan.time_categories.is_empty() {
        return not_met(wanted, "The plan has no time categories to be in range");
    }
    let judged = judged_weeks(plan.start_date, today, weeks);
    let (Some(first), Some(last)) = (judged.first(), judged.last()) else {
        return not_met(wanted, "No complete week of the plan year to judge yet");
    };
    let mut missed = Vec::new();
    for &week in &judged {
        let off = off_target(plan, weekly, week);
        if !off.is_empty() {
            let which: Vec<String> = off
                .iter()
                .map(|(name, state)| format!("{name} {}", target_state_label(*state)))
                .collect();
            missed.push(format!("{week} ({})", which.join(", ")));
        }
    }
    let good = judged.len() - missed.len();
    let mut evidence = format!(
        "{} had every category in range ({})",
        judged_phrase(good, judged.len(), wanted, "weeks"),
        span(first, last)
    );
    if judged.len() < wanted {
        let _ = write!(evidence, "; the metric looks at {wanted}");
    }
    evidence.push_str(&misses("out of range", &missed));
    windowed(good, wanted, evidence)
}

fn months_within_run_rate(
    plan: &Plan,
    spend: &MonthlySpend,
    months: u32,
    today: NaiveDate,
) -> MetricStatus {
    let wanted = count(months);
    let judged = judged_months(plan.start_date, today, months);
    let (Some(first), Some(last)) = (judged.first(), judged.last()) else {
        return not_met(wanted, "No complete month of the plan year to judge yet");
    };
    let run_rate = monthly_run_rate_cents(plan);
    let symbol = plan.currency_symbol.as_str();
    let missed: Vec<String> = judged
        .iter()
        .filter_map(|&month| {
            let spent = monthly_lines_spend_cents(plan, spend, month);
            (spent > run_rate)
                .then(|| format!("{} ({})", month.label(), format_cents(spent, symbol)))
        })
        .collect();
    let good = judged.len() - missed.len();
    let mut evidence = format!(
        "{} stayed within the {} run-rate ({})",
        judged_phrase(good, judged.len(), wanted, "months"),
        format_cents(run_rate, symbol),
        span(&first.label(), &last.label())
    );
    if judged.len() < wanted {
        let _ = write!(evidence, "; the metric looks at {wanted}");
    }
    evidence.push_str(&misses("over", &missed));
    windowed(good, wanted, evidence)
}

fn not_met(wanted: usize, evidence: &str) -> MetricStatus {
    MetricStatus {
        progress: Progress {
            done: 0,
            total: wanted,
        },
        met: false,
        evidence: evidence.to_owned(),
    }
}

fn windowed(good: usize, wanted: usize, evidence: String) -> MetricStatus {
    let progress = Progress {
        done: good,
        total: wanted,
    };
    MetricStatus {
        progress,
        met: progress.is_complete(),
        evidence,
    }
}

/// When the last phase completes, at the pace of the phases done so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhaseForecast {
    /// The plan has no phases.
    NoPhases,
    /// Every phase is done; `on` is the latest done date, if any is known.
    AllDone { on: Option<NaiveDate> },
    /// No phase is done yet, or the plan year has not begun: no pace to go on.
    NotEnoughData,
    /// At the pace so far, phase `last_phase` (the highest-numbered phase not
    /// done) completes `on` that day. `done` phases took `days_elapsed` days.
    Projected {
        last_phase: PhaseNumber,
        on: NaiveDate,
        done: usize,
        remaining: usize,
        days_elapsed: i64,
    },
}

/// The phase forecast on `today`.
///
/// The pace is the phases done per day of the plan so far: `done` phases in
/// the `days_elapsed` days from the plan's start to today. The remaining
/// phases take `remaining × days_elapsed ÷ done` days from today, rounded up
/// to whole days so the forecast never promises a day early.
///
/// Counting to today rather than to the latest done date makes a stall slow
/// the forecast, as it should, and keeps the projected day from falling in
/// the past; it also needs no done dates, which phases ticked outside
/// Yearplan may lack. Phases are counted by status, so a phase marked done
/// counts whatever its date.
pub fn phase_completion_forecast(plan: &Plan, today: NaiveDate) -> PhaseForecast {
    let progress = phases_done(plan);
    if progress.total == 0 {
        return PhaseForecast::NoPhases;
    }
    if progress.done >= progress.total {
        let on = plan.phases.iter().filter_map(|phase| phase.done_on).max();
        return PhaseForecast::AllDone { on };
    }
    let days_elapsed = (today - plan.start_date).num_days();
    let Some(last_phase) = plan
        .phases
        .iter()
        .filter(|phase| phase.status != PhaseStatus::Done)
        .map(|phase| phase.number)
        .max()
    else {
        return PhaseForecast::NotEnoughData;
    };
    if progress.done == 0 || days_elapsed <= 0 {
        return PhaseForecast::NotEnoughData;
    }
    let remaining = progress.total - progress.done;
    let wide = |value: usize| i128::try_from(value).unwrap_or(i128::MAX);
    let numerator = i128::from(days_elapsed).saturating_mul(wide(remaining));
    let days_left = numerator.div_euclid(wide(progress.done))
        + i128::from(numerator.rem_euclid(wide(progress.done)) != 0);
    let on = u64::try_from(days_left)
        .ok()
        .and_then(|days_left| today.checked_add_days(Days::new(days_left)))
        .unwrap_or(NaiveDate::MAX);
    PhaseForecast::Projected {
        last_phase,
        on,
        done: progress.done,
        remaining,
        days_elapsed,
    }
}

impl PhaseForecast {
    /// The forecast as a sentence, e.g. "At this pace (6 phases done in 207
    /// days), Phase 14 completes on Tue 5 Oct 2027, after the plan year ends
    /// on Mon 3 May 2027".
    pub fn describe(self, plan_start: NaiveDate) -> String {
        match self {
            PhaseForecast::NoPhases => "The plan has no phases to forecast".to_owned(),
            PhaseForecast::AllDone { on: Some(on) } => {
                format!("All phases done, the last on {}", format_date(on))
            }
            PhaseForecast::AllDone { on: None } => "All phases done".to_owned(),
            PhaseForecast::NotEnoughData => {
                "Not enough data yet to forecast the phases: none is done so far".to_owned()
            }
            PhaseForecast::Projected {
                last_phase,
                on,
                done,
                days_elapsed,
                ..
            } => {
                let end = plan_end(plan_start);
                let phases = if done == 1 { "phase" } else { "phases" };
                let when = if on <= end {
                    "within the plan year".to_owned()
                } else {
                    format!("after the plan year ends on {}", format_date(end))
                };
                format!(
                    "At this pace ({done} {phases} done in {}), Phase {last_phase} completes \
                     on {}, {when}",
                    days(days_elapsed),
                    format_date(on)
                )
            }
        }
    }
}

/// Where the year's spend is heading, against the annual budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpendForecast {
    /// From [`projected_year_end_cents`]; `None` before the plan year starts.
    pub projected_cents: Option<i64>,
    /// Twelve months of run-rate plus every one-time cap.
    pub annual_budget_cents: i64,
}

/// The spend forecast on `today` (see [`projected_year_end_cents`] for how
/// the projection is made).
pub fn spend_forecast(plan: &Plan, spend: &MonthlySpend, today: NaiveDate) -> SpendForecast {
    SpendForecast {
        projected_cents: projected_year_end_cents(plan, spend, today),
        annual_budget_cents: annual_budget_cents(plan),
    }
}

impl SpendForecast {
    pub fn is_over(self) -> bool {
        self.projected_cents
            .is_some_and(|projected| projected > self.annual_budget_cents)
    }

    /// "Year-end spend projected at $3,829.79, within the $4,100.00 annual
    /// budget ($270.21 to spare)", or over it by how much.
    pub fn describe(self, symbol: &str) -> String {
        let budget = format_cents(self.annual_budget_cents, symbol);
        match self.projected_cents {
            None => {
                "Not enough data yet to project the year-end spend: the plan year has not begun"
                    .to_owned()
            }
            Some(projected) if projected > self.annual_budget_cents => format!(
                "Year-end spend projected at {}, over the {budget} annual budget by {}",
                format_cents(projected, symbol),
                format_cents(projected.saturating_sub(self.annual_budget_cents), symbol)
            ),
            Some(projected) => format!(
                "Year-end spend projected at {}, within the {budget} annual budget ({} to spare)",
                format_cents(projected, symbol),
                format_cents(self.annual_budget_cents.saturating_sub(projected), symbol)
            ),
        }
    }
}

/// An open task with a due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DueTask {
    pub task: TaskId,
    pub due: NaiveDate,
    /// Negative when overdue: -3 is three days late, 0 is due today.
    pub days_left: i64,
}

impl DueTask {
    /// "overdue by 37 days", "due today", "due in 4 days".
    pub fn describe(self) -> String {
        match self.days_left {
            0 => "due today".to_owned(),
            left if left < 0 => format!("overdue by {}", days(left.saturating_neg())),
            left => format!("due in {}", days(left)),
        }
    }
}

/// Up to `n` tasks not done that have a due date, soonest due first, so the
/// overdue ones lead. Tasks due the same day keep the board's order.
pub fn next_tasks_due(plan: &Plan, today: NaiveDate, n: usize) -> Vec<DueTask> {
    let mut due: Vec<DueTask> = plan
        .tasks()
        .filter(|task| !task.done)
        .filter_map(|task| {
            task.due.map(|due| DueTask {
                task: task.id,
                due,
                days_left: (due - today).num_days(),
            })
        })
        .collect();
    // Stable, so ties keep the board's order.
    due.sort_by_key(|task| task.due);
    due.truncate(n);
    due
}

/// Hours against a weekly target range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HoursAgainstTarget {
    pub hours: f64,
    pub min_hours: f64,
    pub max_hours: f64,
    pub state: TargetState,
}

impl HoursAgainstTarget {
    pub fn new(hours: f64, min_hours: f64, max_hours: f64) -> HoursAgainstTarget {
        HoursAgainstTarget {
            hours,
            min_hours,
            max_hours,
            state: target_state(hours, min_hours, max_hours),
        }
    }

    /// "17.3 h of 15–20 h (in range)".
    pub fn describe(self) -> String {
        format!(
            "{} of {} ({})",
            format_hours(self.hours),
            format_hours_range(self.min_hours, self.max_hours),
            target_state_label(self.state)
        )
    }
}

/// This month's spend against the run-rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthAgainstRunRate {
    pub month: YearMonth,
    /// Spend on every line that is not a one-time cap: what the run-rate is
    /// for (see [`monthly_lines_spend_cents`]).
    pub monthly_lines_cents: i64,
    /// Spend on one-time lines, held against their caps rather than the
    /// run-rate, and shown beside it.
    pub one_time_cents: i64,
    pub run_rate_cents: i64,
}

impl MonthAgainstRunRate {
    pub fn is_over(self) -> bool {
        self.monthly_lines_cents > self.run_rate_cents
    }

    /// "Nov 2026: $184.00 on the monthly lines of the $300.00 run-rate
    /// (within), plus $52.00 on one-time lines".
    pub fn describe(self, symbol: &str) -> String {
        let mut text = format!(
            "{}: {} on the monthly lines of the {} run-rate ({})",
            self.month.label(),
            format_cents(self.monthly_lines_cents, symbol),
            format_cents(self.run_rate_cents, symbol),
            against_allowance(self.monthly_lines_cents, self.run_rate_cents, symbol)
        );
        if self.one_time_cents != 0 {
            let _ = write!(
                text,
                ", plus {} on one-time lines",
                format_cents(self.one_time_cents, symbol)
            );
        }
        text
    }
}

/// Everything the Overview tab shows, computed in one go.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub today: NaiveDate,
    /// The ISO week holding today, in progress.
    pub week: IsoWeek,
    /// Each time category's hours this week, in the plan's order.
    pub week_hours: Vec<(CategoryId, HoursAgainstTarget)>,
    /// All categories together against the summed targets.
    pub week_total: HoursAgainstTarget,
    pub month: MonthAgainstRunRate,
    pub plan_progress: Progress,
    /// Each swimlane's progress, in the plan's order.
    pub lanes: Vec<(LaneId, Progress)>,
    /// Q1 first; a block spanning quarters counts in each (see
    /// [`quarter_progress`]).
    pub quarters: [Progress; 4],
    pub phases_done: Progress,
    /// The plan's cadences, due or not.
    pub reviews: Vec<CadenceStatus>,
    /// Up to [`NEXT_TASKS`] open tasks with a due date, overdue first.
    pub next_tasks: Vec<DueTask>,
    pub phase_forecast: PhaseForecast,
    pub spend_forecast: SpendForecast,
    /// Each success metric, in the plan's order.
    pub metrics: Vec<(MetricId, MetricStatus)>,
}

/// The overview of `plan` on `today`. `weekly` and `spend` are
/// `weekly_hours(plan)` and `monthly_spend(plan)`.
pub fn overview(
    plan: &Plan,
    weekly: &WeeklyHours,
    spend: &MonthlySpend,
    today: NaiveDate,
) -> Overview {
    let week = IsoWeek::of(today);
    let week_hours = plan
        .time_categories
        .iter()
        .map(|category| {
            (
                category.id,
                HoursAgainstTarget::new(
                    weekly.hours(week, category.id),
                    category.weekly_min_hours,
                    category.weekly_max_hours,
                ),
            )
        })
        .collect();
    let (min_hours, max_hours) = weekly_target_total(plan);
    let month = YearMonth::of(today);
    let monthly_lines_cents = monthly_lines_spend_cents(plan, spend, month);
    Overview {
        today,
        week,
        week_hours,
        week_total: HoursAgainstTarget::new(weekly.total(week), min_hours, max_hours),
        month: MonthAgainstRunRate {
            month,
            monthly_lines_cents,
            one_time_cents: spend.total(month).saturating_sub(monthly_lines_cents),
            run_rate_cents: monthly_run_rate_cents(plan),
        },
        plan_progress: plan_progress(plan),
        lanes: plan
            .swimlanes
            .iter()
            .map(|lane| (lane.id, lane_progress(lane)))
            .collect(),
        quarters: Quarter::ALL.map(|quarter| quarter_progress(plan, quarter)),
        phases_done: phases_done(plan),
        reviews: cadence_statuses(plan, today),
        next_tasks: next_tasks_due(plan, today, NEXT_TASKS),
        phase_forecast: phase_completion_forecast(plan, today),
        spend_forecast: spend_forecast(plan, spend, today),
        metrics: plan
            .success_metrics
            .iter()
            .map(|metric| {
                (
                    metric.id,
                    metric_progress(plan, weekly, spend, metric.measure, today),
                )
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::money::monthly_spend;
    use crate::model::time::weekly_hours;
    use crate::model::{
        Block, BlockId, BudgetKind, BudgetLine, Expense, LineId, Period, Phase, Swimlane, Task,
        TimeCategory, TimeEntry,
    };

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn week(year: i32, week: u32) -> IsoWeek {
        IsoWeek { year, week }
    }

    fn month(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    /// The example plan: starts Monday 4 May 2026, hours logged through
    /// Saturday 28 November, phases 0–5 of 15 done, task 7 due 21 October.
    fn example() -> Plan {
        crate::io::example_plan().unwrap()
    }

    /// The example's Friday 27 November 2026, in ISO week 2026-W48.
    fn example_today() -> NaiveDate {
        day(2026, 11, 27)
    }

    fn status(plan: &Plan, measure: MetricMeasure, today: NaiveDate) -> MetricStatus {
        metric_progress(
            plan,
            &weekly_hours(plan),
            &monthly_spend(plan),
            measure,
            today,
        )
    }

    #[test]
    fn a_manual_metric_is_what_was_ticked() {
        let plan = example();
        let ticked = status(&plan, MetricMeasure::Manual { done: true }, example_today());
        assert_eq!(ticked.progress, Progress { done: 1, total: 1 });
        assert!(ticked.met);
        assert_eq!(ticked.evidence, "Ticked by hand");
        let open = status(
            &plan,
            MetricMeasure::Manual { done: false },
            example_today(),
        );
        assert_eq!(open.progress, Progress { done: 0, total: 1 });
        assert!(!open.met);
        assert_eq!(open.evidence, "Not ticked yet");
    }

    #[test]
    fn phases_done_counts_the_example_phases() {
        // Phases 0–5 are Done, 6 is in progress, 7–14 not started.
        let mut plan = example();
        let phases = status(&plan, MetricMeasure::PhasesDone, example_today());
        assert_eq!(phases.progress, Progress { done: 6, total: 15 });
        assert!(!phases.met);
        assert_eq!(phases.evidence, "6 of 15 phases done");
        for phase in &mut plan.phases {
            phase.status = PhaseStatus::Done;
        }
        let all = status(&plan, MetricMeasure::PhasesDone, example_today());
        assert!(all.met);
        assert_eq!(all.evidence, "15 of 15 phases done");
        plan.phases.clear();
        let none = status(&plan, MetricMeasure::PhasesDone, example_today());
        assert_eq!(none.progress, Progress::default());
        assert!(!none.met);
        assert_eq!(none.evidence, "The plan has no phases");
    }

    #[test]
    fn lane_tasks_done_counts_one_lanes_tasks() {
        let plan = example();
        // Core: tasks 1–6 of 1–16 done; Compliance: 26, 27 and 28 of 26–36.
        let core = status(
            &plan,
            MetricMeasure::LaneTasksDone { lane: LaneId(1) },
            example_today(),
        );
        assert_eq!(core.progress, Progress { done: 6, total: 16 });
        assert_eq!(core.evidence, "Core: 6 of 16 tasks done");
        assert!(!core.met);
        let compliance = status(
            &plan,
            MetricMeasure::LaneTasksDone { lane: LaneId(3) },
            example_today(),
        );
        assert_eq!(compliance.evidence, "Compliance: 3 of 11 tasks done");
        let gone = status(
            &plan,
            MetricMeasure::LaneTasksDone { lane: LaneId(9) },
            example_today(),
        );
        assert_eq!(gone.progress, Progress::default());
        assert_eq!(gone.evidence, "Swimlane 9 is not in the plan");
        assert!(!gone.met);
    }

    #[test]
    fn weeks_in_range_on_the_example() {
        // Weeks 2026-W44 to W47 (26 October – 22 November), by hand from the
        // file: Learning 17.25, 22.75, 15.5, 17.0; Building 11.5, 15.0,
        // 10.25, 11.25; Review/Documentation 5.75, 7.5, 5.25, 5.75.
        // Review's target is exactly 5 h, so every week is over it.
        let mut plan = example();
        let four = MetricMeasure::WeeksInRange { weeks: 4 };
        let strict = status(&plan, four, example_today());
        assert_eq!(strict.progress, Progress { done: 0, total: 4 });
        assert!(!strict.met);
        assert_eq!(
            strict.evidence,
            "0 of the last 4 weeks had every category in range (2026-W44 – 2026-W47); \
             out of range: 2026-W44 (Review/Documentation over), \
             2026-W45 (Learning over, Review/Documentation over), \
             2026-W46 (Review/Documentation over) and 1 more"
        );
        // With Review allowed up to 8 h, only W45's 22.75 h of Learning
        // (over 20) is out of range.
        plan.time_categories[2].weekly_max_hours = 8.0;
        let relaxed = status(&plan, four, example_today());
        assert_eq!(relaxed.progress, Progress { done: 3, total: 4 });
        assert_eq!(
            relaxed.evidence,
            "3 of the last 4 weeks had every category in range (2026-W44 – 2026-W47); \
             out of range: 2026-W45 (Learning over)"
        );
        // The last two weeks, W46 and W47, were both in range: met.
        let two = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 2 },
            example_today(),
        );
        assert_eq!(two.progress, Progress { done: 2, total: 2 });
        assert!(two.met);
        assert_eq!(
            two.evidence,
            "2 of the last 2 weeks had every category in range (2026-W46 – 2026-W47)"
        );
        // On Sunday 29 November W48 is still in progress; on Monday 30 it counts.
        let sunday = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 1 },
            day(2026, 11, 29),
        );
        assert!(
            sunday.evidence.ends_with("(2026-W47)"),
            "{}",
            sunday.evidence
        );
        let monday = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 1 },
            day(2026, 11, 30),
        );
        assert!(
            monday.evidence.ends_with("(2026-W48)"),
            "{}",
            monday.evidence
        );
    }

    #[test]
    fn weeks_in_range_early_in_the_year_and_across_the_holiday() {
        let mut plan = example();
        plan.time_categories[2].weekly_max_hours = 8.0;
        // Wednesday 20 May: W19 and W20 are complete, both in range.
        let early = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 4 },
            day(2026, 5, 20),
        );
        assert_eq!(early.progress, Progress { done: 2, total: 4 });
        assert!(!early.met);
        assert_eq!(
            early.evidence,
            "2 of the 2 complete weeks of the plan year so far had every category in range \
             (2026-W19 – 2026-W20); the metric looks at 4"
        );
        // Monday 10 August: W29, W30, then the holiday weeks W31 and W32
        // with nothing logged (every category under).
        let holiday = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 4 },
            day(2026, 8, 10),
        );
        assert_eq!(holiday.progress, Progress { done: 2, total: 4 });
        assert_eq!(
            holiday.evidence,
            "2 of the last 4 weeks had every category in range (2026-W29 – 2026-W32); \
             out of range: 2026-W31 (Learning under, Building under, \
             Review/Documentation under), 2026-W32 (Learning under, Building under, \
             Review/Documentation under)"
        );
        // On the plan's first day no week is complete.
        let first = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 4 },
            day(2026, 5, 4),
        );
        assert_eq!(first.progress, Progress { done: 0, total: 4 });
        assert_eq!(
            first.evidence,
            "No complete week of the plan year to judge yet"
        );
        plan.time_categories.clear();
        let no_categories = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 4 },
            example_today(),
        );
        assert_eq!(
            no_categories.evidence,
            "The plan has no time categories to be in range"
        );
        assert!(!no_categories.met);
    }

    #[test]
    fn judged_weeks_skip_partial_weeks_at_both_ends_of_the_year() {
        // A year from Thursday 1 January 2026 to Thursday 31 December 2026:
        // its first full week is W02 (5–11 January), its last W52 (21–27
        // December).
        let start = day(2026, 1, 1);
        assert!(judged_weeks(start, day(2026, 1, 11), 4).is_empty());
        assert_eq!(judged_weeks(start, day(2026, 1, 12), 4), [week(2026, 2)]);
        assert_eq!(
            judged_weeks(start, day(2026, 1, 26), 2),
            [week(2026, 3), week(2026, 4)]
        );
        // Long after the year: the last four full weeks, W49 (30 November) to W52.
        assert_eq!(
            judged_weeks(start, day(2027, 2, 1), 4),
            [
                week(2026, 49),
                week(2026, 50),
                week(2026, 51),
                week(2026, 52)
            ]
        );
        assert_eq!(judged_weeks(start, day(2027, 2, 1), 520).len(), 51);
        assert!(judged_weeks(start, day(2026, 6, 1), 0).is_empty());
        assert!(judged_weeks(start, day(2025, 6, 1), 4).is_empty());
        // A year starting on a Monday keeps its first week.
        assert_eq!(
            judged_weeks(day(2026, 5, 4), day(2026, 5, 11), 4),
            [week(2026, 19)]
        );
        // Nothing at the calendar's ends panics or spins.
        assert!(judged_weeks(NaiveDate::MAX, NaiveDate::MAX, u32::MAX).len() <= 53);
        assert!(judged_weeks(NaiveDate::MIN, NaiveDate::MAX, u32::MAX).len() <= 53);
    }

    #[test]
    fn judged_months_are_complete_months_of_the_plan_year() {
        let start = day(2026, 1, 1);
        assert!(judged_months(start, day(2026, 1, 31), 3).is_empty());
        assert_eq!(
            judged_months(start, day(2026, 3, 15), 12),
            [month(2026, 1), month(2026, 2)]
        );
        assert_eq!(judged_months(start, day(2026, 3, 1), 1), [month(2026, 2)]);
        assert_eq!(
            judged_months(start, day(2027, 6, 1), 3),
            [month(2026, 10), month(2026, 11), month(2026, 12)]
        );
        // The example starts on 4 May: May counts, partial as it is.
        assert_eq!(
            judged_months(day(2026, 5, 4), day(2026, 6, 1), 3),
            [month(2026, 5)]
        );
        assert!(judged_months(start, day(2026, 6, 1), 0).is_empty());
    }

    #[test]
    fn months_within_run_rate_on_the_example() {
        // Monthly-line spend by hand: May 203.00, Jun 336.00 (with the load
        // testing service), Jul 211.00, Aug 203.00, Sep 423.50 (load testing
        // and extra nodes), Oct 211.00; the run-rate is 300.00.
        let plan = example();
        let three = status(
            &plan,
            MetricMeasure::MonthsWithinRunRate { months: 3 },
            example_today(),
        );
        assert_eq!(three.progress, Progress { done: 2, total: 3 });
        assert!(!three.met);
        assert_eq!(
            three.evidence,
            "2 of the last 3 months stayed within the $300.00 run-rate \
             (Aug 2026 – Oct 2026); over: Sep 2026 ($423.50)"
        );
        let year = status(
            &plan,
            MetricMeasure::MonthsWithinRunRate { months: 12 },
            example_today(),
        );
        assert_eq!(year.progress, Progress { done: 4, total: 12 });
        assert_eq!(
            year.evidence,
            "4 of the 6 complete months of the plan year so far stayed within the $300.00 \
             run-rate (May 2026 – Oct 2026); the metric looks at 12; \
             over: Jun 2026 ($336.00), Sep 2026 ($423.50)"
        );
        // The one-time book bought in October does not count against it.
        let october = status(
            &plan,
            MetricMeasure::MonthsWithinRunRate { months: 1 },
            example_today(),
        );
        assert!(october.met);
        assert_eq!(
            october.evidence,
            "1 of the last 1 months stayed within the $300.00 run-rate (Oct 2026)"
        );
        let first = status(
            &plan,
            MetricMeasure::MonthsWithinRunRate { months: 3 },
            day(2026, 5, 31),
        );
        assert_eq!(
            first.evidence,
            "No complete month of the plan year to judge yet"
        );
    }

    fn phase(number: PhaseNumber, status: PhaseStatus, done_on: Option<NaiveDate>) -> Phase {
        Phase {
            number,
            name: format!("Phase {number}"),
            quarter: Quarter::Q1,
            status,
            started_on: None,
            done_on,
        }
    }

    #[test]
    fn the_phase_forecast_on_the_example() {
        // 6 phases done in the 207 days from 4 May to 27 November; 9 left
        // take 207 × 9 ÷ 6 = 310.5, so 311 days: Monday 4 October 2027,
        // after the year's last day, 3 May 2027.
        let plan = example();
        let forecast = phase_completion_forecast(&plan, example_today());
        assert_eq!(
            forecast,
            PhaseForecast::Projected {
                last_phase: 14,
                on: day(2027, 10, 4),
                done: 6,
                remaining: 9,
                days_elapsed: 207,
            }
        );
        assert_eq!(
            forecast.describe(plan.start_date),
            "At this pace (6 phases done in 207 days), Phase 14 completes on \
             Mon 4 Oct 2027, after the plan year ends on Mon 3 May 2027"
        );
    }

    #[test]
    fn the_phase_forecast_by_hand_on_a_small_plan() {
        let mut plan = Plan::empty("Test", day(2026, 1, 1));
        assert_eq!(
            phase_completion_forecast(&plan, day(2026, 2, 1)),
            PhaseForecast::NoPhases
        );
        plan.phases = vec![
            phase(0, PhaseStatus::Done, Some(day(2026, 1, 5))),
            phase(1, PhaseStatus::Done, None),
            phase(2, PhaseStatus::InProgress, None),
            phase(3, PhaseStatus::NotStarted, None),
        ];
        // 2 done in the 10 days to 11 January: 2 more take 10 days exactly.
        let even = phase_completion_forecast(&plan, day(2026, 1, 11));
        assert_eq!(
            even,
            PhaseForecast::Projected {
                last_phase: 3,
                on: day(2026, 1, 21),
                done: 2,
                remaining: 2,
                days_elapsed: 10,
            }
        );
        assert_eq!(
            even.describe(plan.start_date),
            "At this pace (2 phases done in 10 days), Phase 3 completes on \
             Wed 21 Jan 2026, within the plan year"
        );
        // 3 done in 10 days: the last takes 10 ÷ 3 = 3.3, rounded up to 4.
        plan.phases[2].status = PhaseStatus::Done;
        assert_eq!(
            phase_completion_forecast(&plan, day(2026, 1, 11)),
            PhaseForecast::Projected {
                last_phase: 3,
                on: day(2026, 1, 15),
                done: 3,
                remaining: 1,
                days_elapsed: 10,
            }
        );
        // The highest-numbered open phase is the last to complete, wherever it is listed.
        plan.phases[3].status = PhaseStatus::Done;
        plan.phases[0].status = PhaseStatus::NotStarted;
        plan.phases[0].done_on = None;
        let PhaseForecast::Projected { last_phase, .. } =
            phase_completion_forecast(&plan, day(2026, 1, 11))
        else {
            panic!("a forecast was expected");
        };
        assert_eq!(last_phase, 0);
    }

    #[test]
    fn no_forecast_without_a_pace_and_none_needed_when_all_are_done() {
        let mut plan = Plan::empty("Test", day(2026, 1, 1));
        plan.phases = vec![
            phase(0, PhaseStatus::InProgress, None),
            phase(1, PhaseStatus::NotStarted, None),
        ];
        let none_done = phase_completion_forecast(&plan, day(2026, 6, 1));
        assert_eq!(none_done, PhaseForecast::NotEnoughData);
        assert_eq!(
            none_done.describe(plan.start_date),
            "Not enough data yet to forecast the phases: none is done so far"
        );
        // One done, but no day of the year has passed: no pace.
        plan.phases[0] = phase(0, PhaseStatus::Done, Some(day(2025, 12, 20)));
        assert_eq!(
            phase_completion_forecast(&plan, day(2026, 1, 1)),
            PhaseForecast::NotEnoughData
        );
        assert_eq!(
            phase_completion_forecast(&plan, day(2025, 12, 24)),
            PhaseForecast::NotEnoughData
        );
        plan.phases[1] = phase(1, PhaseStatus::Done, Some(day(2026, 3, 2)));
        let all = phase_completion_forecast(&plan, day(2026, 6, 1));
        assert_eq!(
            all,
            PhaseForecast::AllDone {
                on: Some(day(2026, 3, 2))
            }
        );
        assert_eq!(
            all.describe(plan.start_date),
            "All phases done, the last on Mon 2 Mar 2026"
        );
        assert_eq!(
            PhaseForecast::AllDone { on: None }.describe(plan.start_date),
            "All phases done"
        );
    }

    #[test]
    fn the_forecast_saturates_rather_than_panicking() {
        let mut plan = Plan::empty("Test", NaiveDate::MIN);
        plan.phases = vec![
            phase(0, PhaseStatus::Done, None),
            phase(1, PhaseStatus::NotStarted, None),
        ];
        let PhaseForecast::Projected { on, .. } = phase_completion_forecast(&plan, NaiveDate::MAX)
        else {
            panic!("a forecast was expected");
        };
        assert_eq!(on, NaiveDate::MAX);
    }

    #[test]
    fn the_spend_forecast_on_the_example() {
        // Monthly lines May–Nov: 203.00 + 336.00 + 211.00 + 203.00 + 423.50
        // + 211.00 + 203.00 = 1,790.50 over 7 months begun, × 12 ÷ 7 =
        // 3,069.43 (3,069.428… rounded); books 44.99 + 39.99 + 47.50 + 35.20
        // + 52.00 = 219.68 once. 3,289.11 against 12 × 300 + 500 = 4,100.
        let plan = example();
        let forecast = spend_forecast(&plan, &monthly_spend(&plan), example_today());
        assert_eq!(
            forecast,
            SpendForecast {
                projected_cents: Some(328_911),
                annual_budget_cents: 410_000,
            }
        );
        assert!(!forecast.is_over());
        assert_eq!(
            forecast.describe("$"),
            "Year-end spend projected at $3,289.11, within the $4,100.00 annual budget \
             ($810.89 to spare)"
        );
        let over = SpendForecast {
            projected_cents: Some(420_000),
            annual_budget_cents: 410_000,
        };
        assert!(over.is_over());
        assert_eq!(
            over.describe("$"),
            "Year-end spend projected at $4,200.00, over the $4,100.00 annual budget by $100.00"
        );
        let before = spend_forecast(&plan, &monthly_spend(&plan), day(2026, 5, 3));
        assert_eq!(before.projected_cents, None);
        assert_eq!(
            before.describe("$"),
            "Not enough data yet to project the year-end spend: the plan year has not begun"
        );
    }

    fn lane_of_tasks(tasks: Vec<Task>) -> Plan {
        let mut plan = Plan::empty("Test", day(2026, 1, 1));
        plan.swimlanes = vec![Swimlane {
            id: LaneId(1),
            name: "Core".to_owned(),
            subtitle: String::new(),
            blocks: vec![Block {
                id: BlockId(1),
                first_quarter: Quarter::Q1,
                last_quarter: Quarter::Q4,
                tasks,
            }],
        }];
        plan
    }

    fn task(id: u64, done: bool, due: Option<NaiveDate>) -> Task {
        Task {
            id: TaskId(id),
            title: format!("Task {id}"),
            done,
            done_on: done.then(|| day(2026, 1, 2)),
            due,
            notes: String::new(),
            phase: None,
        }
    }

    #[test]
    fn next_tasks_due_lead_with_the_overdue() {
        let plan = lane_of_tasks(vec![
            task(1, false, Some(day(2026, 3, 20))),
            task(2, false, None),
            task(3, true, Some(day(2026, 3, 1))),
            task(4, false, Some(day(2026, 3, 5))),
            task(5, false, Some(day(2026, 3, 10))),
            task(6, false, Some(day(2026, 3, 5))),
        ]);
        let today = day(2026, 3, 10);
        let due = next_tasks_due(&plan, today, 3);
        assert_eq!(
            due,
            [
                DueTask {
                    task: TaskId(4),
                    due: day(2026, 3, 5),
                    days_left: -5
                },
                DueTask {
                    task: TaskId(6),
                    due: day(2026, 3, 5),
                    days_left: -5
                },
                DueTask {
                    task: TaskId(5),
                    due: day(2026, 3, 10),
                    days_left: 0
                },
            ]
        );
        let all = next_tasks_due(&plan, today, 10);
        assert_eq!(all.len(), 4);
        assert_eq!(all[3].task, TaskId(1));
        assert_eq!(all[0].describe(), "overdue by 5 days");
        assert_eq!(all[2].describe(), "due today");
        assert_eq!(all[3].describe(), "due in 10 days");
        assert!(next_tasks_due(&plan, today, 0).is_empty());
        // The example's only due date: task 7, 21 October, 37 days before 27 November.
        assert_eq!(
            next_tasks_due(&example(), example_today(), NEXT_TASKS),
            [DueTask {
                task: TaskId(7),
                due: day(2026, 10, 21),
                days_left: -37
            }]
        );
    }

    #[test]
    fn the_overview_of_the_example() {
        let plan = example();
        let figures = overview(
            &plan,
            &weekly_hours(&plan),
            &monthly_spend(&plan),
            example_today(),
        );
        assert_eq!(figures.week, week(2026, 48));
        // 23–29 November: Learning 3 × 5 + 2.25, Building 2 × 5 + 1.5,
        // Review 3 + 2.75.
        let hours: Vec<(CategoryId, f64, TargetState)> = figures
            .week_hours
            .iter()
            .map(|(id, figure)| (*id, figure.hours, figure.state))
            .collect();
        assert_eq!(
            hours,
            [
                (CategoryId(1), 17.25, TargetState::InRange),
                (CategoryId(2), 11.5, TargetState::InRange),
                (CategoryId(3), 5.75, TargetState::Over),
            ]
        );
        assert_eq!(
            figures.week_hours[0].1.describe(),
            "17.3 h of 15–20 h (in range)"
        );
        assert_eq!(
            figures.week_total,
            HoursAgainstTarget {
                hours: 34.5,
                min_hours: 30.0,
                max_hours: 40.0,
                state: TargetState::InRange
            }
        );
        // November: 49 + 36 + 19 + 99 on the monthly lines; a 52.00 book.
        assert_eq!(
            figures.month,
            MonthAgainstRunRate {
                month: month(2026, 11),
                monthly_lines_cents: 20_300,
                one_time_cents: 5_200,
                run_rate_cents: 30_000,
            }
        );
        assert!(!figures.month.is_over());
        assert_eq!(
            figures.month.describe("$"),
            "Nov 2026: $203.00 on the monthly lines of the $300.00 run-rate (within), \
             plus $52.00 on one-time lines"
        );
        assert_eq!(
            figures.plan_progress,
            Progress {
                done: 11,
                total: 36
            }
        );
        assert_eq!(
            figures.lanes,
            [
                (LaneId(1), Progress { done: 6, total: 16 }),
                (LaneId(2), Progress { done: 2, total: 9 }),
                (LaneId(3), Progress { done: 3, total: 11 }),
            ]
        );
        // Q1: blocks 1 (4/4), 5 (Q1–Q2, 2/3), 8 (2/2); Q2: 2 (2/4), 5, 9 (1/3).
        assert_eq!(
            figures.quarters,
            [
                Progress { done: 8, total: 9 },
                Progress { done: 5, total: 10 },
                Progress { done: 0, total: 10 },
                Progress { done: 0, total: 10 },
            ]
        );
        assert_eq!(figures.phases_done, Progress { done: 6, total: 15 });
        let due: Vec<(Period, bool)> = figures
            .reviews
            .iter()
            .map(|cadence| (cadence.period, cadence.due.is_due()))
            .collect();
        assert_eq!(
            due,
            [
                (Period::Weekly, true),
                (Period::Monthly, false),
                (Period::Quarterly, true)
            ]
        );
        assert_eq!(figures.next_tasks.len(), 1);
        assert_eq!(figures.metrics.len(), 5);
        assert_eq!(figures.metrics[0].1.evidence, "6 of 15 phases done");
    }

    #[test]
    fn month_wording_without_one_time_spend_and_when_over() {
        let figure = MonthAgainstRunRate {
            month: month(2026, 3),
            monthly_lines_cents: 31_000,
            one_time_cents: 0,
            run_rate_cents: 30_000,
        };
        assert!(figure.is_over());
        assert_eq!(
            figure.describe("€"),
            "Mar 2026: €310.00 on the monthly lines of the €300.00 run-rate (over by €10.00)"
        );
    }

    #[test]
    fn a_week_with_nothing_logged_is_under_everywhere() {
        let mut plan = Plan::empty("Test", day(2026, 1, 5));
        plan.time_categories = vec![TimeCategory {
            id: CategoryId(1),
            name: "Learning".to_owned(),
            weekly_min_hours: 15.0,
            weekly_max_hours: 20.0,
        }];
        plan.time_entries = vec![TimeEntry {
            date: day(2026, 1, 12),
            category: CategoryId(1),
            hours: 15.0,
            note: String::new(),
        }];
        plan.budget_lines = vec![BudgetLine {
            id: LineId(1),
            name: "Tools".to_owned(),
            kind: BudgetKind::Monthly { cents: 1_000 },
        }];
        plan.expenses = vec![Expense {
            date: day(2026, 1, 30),
            line: LineId(1),
            cents: 1_001,
            note: String::new(),
        }];
        // W02 (5–11 January) empty, W03 (12–18) exactly at the minimum.
        let weeks = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 2 },
            day(2026, 1, 19),
        );
        assert_eq!(weeks.progress, Progress { done: 1, total: 2 });
        assert_eq!(
            weeks.evidence,
            "1 of the last 2 weeks had every category in range (2026-W02 – 2026-W03); \
             out of range: 2026-W02 (Learning under)"
        );
        // January: 10.01 against a 10.00 run-rate, one cent over.
        let months = status(
            &plan,
            MetricMeasure::MonthsWithinRunRate { months: 1 },
            day(2026, 2, 1),
        );
        assert_eq!(months.progress, Progress { done: 0, total: 1 });
        assert_eq!(
            months.evidence,
            "0 of the last 1 months stayed within the $10.00 run-rate (Jan 2026); \
             over: Jan 2026 ($10.01)"
        );
    }
}

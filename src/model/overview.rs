//! The figures of the Overview tab, and the words they are shown in: this
//! week's hours, this month's spend, progress, reviews due, the next tasks
//! due, the two forecasts and the success metrics. `yearplan report` prints
//! the same [`Overview`] with the same sentences, so the tab and the report
//! cannot disagree.
//!
//! Everything here is a pure function of the plan, the aggregates the app
//! already caches ([`WeeklyHours`], [`MonthlySpend`]) and `today`. Dated
//! records after `today` are not hidden: "today" places the week, the month
//! and the windows the metrics judge, as the app's clock does. Which weeks
//! and months those are is in `window`.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};

use super::calendar::{IsoWeek, YearMonth, plan_end};
use super::format::{format_cents, format_date, format_hours, format_hours_range};
use super::money::{
    MonthlySpend, annual_budget_cents, monthly_lines_spend_cents, monthly_run_rate_cents,
    projected_year_end_cents,
};
use super::progress::{Progress, lane_progress, phases_done, plan_progress, quarter_progress};
use super::review::{CadenceStatus, against_allowance, days, target_state_label};
use super::time::{TargetState, WeeklyHours, target_state, weekly_target_total};
use super::window::count;
pub use super::window::{judged_months, judged_weeks};
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

/// The categories of `week` that did not reach their weekly minimum.
/// Hours over the top of a range are shown as over, but the target was
/// met: more effort is not a miss.
fn short_of_target(plan: &Plan, weekly: &WeeklyHours, week: IsoWeek) -> Vec<String> {
    plan.time_categories
        .iter()
        .filter_map(|category| {
            let state = target_state(
                weekly.hours(week, category.id),
                category.weekly_min_hours,
                category.weekly_max_hours,
            );
            (state == TargetState::Under).then(|| category.name.clone())
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
        return not_met(wanted, "The plan has no time categories to reach");
    }
    let judged = judged_weeks(plan.start_date, today, weeks);
    let (Some(first), Some(last)) = (judged.first(), judged.last()) else {
        return not_met(wanted, "No complete week of the plan year to judge yet");
    };
    let mut missed = Vec::new();
    for &week in &judged {
        let short = short_of_target(plan, weekly, week);
        if !short.is_empty() {
            missed.push(format!("{week} ({})", short.join(", ")));
        }
    }
    let good = judged.len() - missed.len();
    let mut evidence = format!(
        "{} reached every category's target ({})",
        judged_phrase(good, judged.len(), wanted, "weeks"),
        span(first, last)
    );
    if judged.len() < wanted {
        let _ = write!(evidence, "; the metric looks at {wanted}");
    }
    evidence.push_str(&misses("short", &missed));
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
    /// The plan's cadences, due or not, and the year-end review once it is due.
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
        reviews: super::year_end::review_statuses(plan, today),
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
    use crate::model::{Block, BlockId, Phase, Swimlane, Task};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn month(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
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
}

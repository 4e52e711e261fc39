//! The year-end review: the plan year summed up, frozen into a review of
//! the yearly period when the year is over or the next year starts.
//!
//! # What it covers
//!
//! The plan year from its first day through its last, or through the day
//! of the review when that comes first (a next year started in December):
//! hours and spend count only what is dated in those days, as in every
//! review. Tasks, phases and success metrics are counted as they stand on
//! the day of the review, which is what "done this year" means for a file
//! that holds one year.
//!
//! Hours are set against the weekly targets twice: as the year's weekly
//! average (total × 7 ÷ days), and as the number of full ISO weeks (Monday
//! to Sunday, all seven days in the covered days) that reached the target's
//! minimum. Spend is set against the annual budget (twelve months of
//! run-rate and every one-time cap), then split: the monthly lines against
//! the run-rate for the plan months begun, each one-time line against its cap.

use chrono::NaiveDate;
use std::fmt::Write as _;

use super::calendar::{IsoWeek, plan_end};
use super::command::{Command, CommandError, MetricCommand};
use super::format::{format_cents, format_date, format_hours, format_hours_range};
use super::money::{annual_budget_cents, monthly_run_rate_cents, monthly_spend, months_elapsed};
use super::overview::metric_progress;
use super::progress::{lane_progress, phases_done, plan_progress};
use super::review::{
    CadenceStatus, against_allowance, cadence_due, cadence_statuses, days, hours_between,
    spend_between, target_state_label,
};
use super::time::{TargetState, WeeklyHours, target_state, weekly_hours};
use super::{BudgetKind, Period, PhaseStatus, Plan, Review, ReviewId};

/// The first and last day (both inclusive) a year-end review made on
/// `today` covers: the plan year, cut at `today` when the year is not over.
pub fn year_end_window(plan: &Plan, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = plan.start_date;
    let last = plan_end(first).min(today).max(first);
    (first, last)
}

/// The plan year's year-end review, if it has had one: a yearly review
/// dated on or after the plan's start (the latest, if a file holds two).
pub fn year_end_review(plan: &Plan) -> Option<&Review> {
    plan.reviews
        .iter()
        .filter(|review| review.period == Period::Yearly && review.date >= plan.start_date)
        .max_by_key(|review| review.date)
}

/// The plan's cadences with their status on `today` ([`cadence_statuses`]),
/// and once the plan year is over without its year-end review, that review
/// too, due since the day after the year's end — unless the plan keeps a
/// yearly cadence, whose row already says so.
pub fn review_statuses(plan: &Plan, today: NaiveDate) -> Vec<CadenceStatus> {
    let mut statuses = cadence_statuses(plan, today);
    let over = today > plan_end(plan.start_date);
    let yearly = statuses
        .iter()
        .any(|status| status.period == Period::Yearly);
    if over && !yearly && year_end_review(plan).is_none() {
        statuses.push(CadenceStatus {
            period: Period::Yearly,
            purpose: YEAR_END_PURPOSE.to_owned(),
            last_review: None,
            due: cadence_due(plan, Period::Yearly, today),
        });
    }
    statuses
}

/// What the year-end review is for, where the plan names no yearly cadence.
pub const YEAR_END_PURPOSE: &str = "The plan year summed up";

/// The year-end review made on `today`, with its summary frozen in and no
/// notes; `id` as for any new record (the plan keeps ids unique when it is
/// added).
pub fn new_year_end_review(plan: &Plan, today: NaiveDate, id: ReviewId) -> Review {
    Review {
        id,
        date: today,
        period: Period::Yearly,
        summary: year_end_summary(plan, today),
        notes: String::new(),
    }
}

/// Gives the plan its year-end review made on `today`, unless it has one:
/// whether it was added. Refused only for a day outside the years a plan
/// accepts.
pub fn give_year_end_review(
    plan: &mut Plan,
    today: NaiveDate,
    id: ReviewId,
) -> Result<bool, CommandError> {
    if year_end_review(plan).is_some() {
        return Ok(false);
    }
    let review = new_year_end_review(plan, today, id);
    plan.apply(&Command::Metrics(MetricCommand::AddReview { review }))
}

/// The year-end summary of the plan on `today` (see the module notes).
pub fn year_end_summary(plan: &Plan, today: NaiveDate) -> String {
    let (first, last) = year_end_window(plan, today);
    let covered = (last - first).num_days() + 1;
    let year = (plan_end(first) - first).num_days() + 1;
    let mut text = String::new();
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = write!(
        text,
        "Year-end review of {} – {} ",
        format_date(first),
        format_date(last)
    );
    if covered == year {
        let _ = writeln!(text, "({})", days(covered));
    } else {
        let _ = writeln!(text, "({covered} of the year's {})", days(year));
    }
    let weekly = weekly_hours(plan);
    hours_for_the_year(plan, &weekly, first, last, &mut text);
    spend_for_the_year(plan, first, last, &mut text);
    tasks_and_phases(plan, &mut text);
    metrics_met(plan, &weekly, last, &mut text);
    text
}

/// The ISO weeks whose seven days all lie in `first..=last`.
fn full_weeks(first: NaiveDate, last: NaiveDate) -> Vec<IsoWeek> {
    let mut weeks = Vec::new();
    let mut week = IsoWeek::of(first);
    if week.monday() < first {
        week = week.next();
    }
    while week.sunday() <= last {
        weeks.push(week);
        let next = week.next();
        // `next` saturates at the end of the calendar; stop rather than spin.
        if next == week {
            break;
        }
        week = next;
    }
    weeks
}

fn hours_for_the_year(
    plan: &Plan,
    weekly: &WeeklyHours,
    first: NaiveDate,
    last: NaiveDate,
    text: &mut String,
) {
    if plan.time_categories.is_empty() {
        let _ = writeln!(text, "Hours: the plan has no time categories");
        return;
    }
    let covered = (last - first).num_days() + 1;
    let weeks = full_weeks(first, last);
    let _ = writeln!(
        text,
        "Hours for the year, as a weekly average over the {}, against the weekly targets:",
        days(covered)
    );
    for category in &plan.time_categories {
        let hours = hours_between(plan, category.id, first, last);
        let per_week = hours * 7.0 / covered.max(1) as f64;
        let (min, max) = (category.weekly_min_hours, category.weekly_max_hours);
        let state = target_state_label(target_state(per_week, min, max));
        let _ = write!(
            text,
            "  {}: {} in all, {} a week (target {}, {state})",
            category.name,
            format_hours(hours),
            format_hours(per_week),
            format_hours_range(min, max)
        );
        if weeks.is_empty() {
            let _ = writeln!(text);
            continue;
        }
        let reached = (weeks.iter())
            .filter(|&&week| {
                target_state(weekly.hours(week, category.id), min, max) != TargetState::Under
            })
            .count();
        let _ = writeln!(
            text,
            "; {reached} of {} full weeks reached {}",
            weeks.len(),
            format_hours_range(min, min)
        );
    }
}

fn spend_for_the_year(plan: &Plan, first: NaiveDate, last: NaiveDate, text: &mut String) {
    let symbol = plan.currency_symbol.as_str();
    let money = |cents: i64| format_cents(cents, symbol);
    let spent_on = |line: super::LineId| -> i64 {
        (plan.expenses.iter())
            .filter(|expense| expense.line == line && first <= expense.date && expense.date <= last)
            .fold(0_i64, |sum, expense| sum.saturating_add(expense.cents))
    };
    // Every line is a monthly line or a one-time cap.
    let (monthly, once) = spend_between(plan, first, last);
    let in_window = monthly.saturating_add(once);
    let annual = annual_budget_cents(plan);
    if annual == 0 {
        let _ = writeln!(text, "Spend: {}; the plan has no budget", money(in_window));
    } else {
        let percent = (i128::from(in_window) * 100 + i128::from(annual) / 2) / i128::from(annual);
        let _ = writeln!(
            text,
            "Spend: {} of the {} annual budget ({percent}%): {}",
            money(in_window),
            money(annual),
            against_allowance(in_window, annual, symbol)
        );
    }
    let run_rate = monthly_run_rate_cents(plan);
    if run_rate > 0 || monthly > 0 {
        let months = months_elapsed(first, last);
        let allowed = run_rate.saturating_mul(i64::try_from(months).unwrap_or(i64::MAX));
        let _ = writeln!(
            text,
            "  Monthly lines: {} against {months} {} of the {} run-rate ({}): {}",
            money(monthly),
            if months == 1 { "month" } else { "months" },
            money(run_rate),
            money(allowed),
            against_allowance(monthly, allowed, symbol)
        );
    }
    for line in &plan.budget_lines {
        if let BudgetKind::OneTime { cap_cents } = line.kind {
            let spent = spent_on(line.id);
            let _ = writeln!(
                text,
                "  {} (one-time): {} of its {} cap: {}",
                line.name,
                money(spent),
                money(cap_cents),
                against_allowance(spent, cap_cents, symbol)
            );
        }
    }
}

fn tasks_and_phases(plan: &Plan, text: &mut String) {
    let tasks = plan_progress(plan);
    let _ = writeln!(
        text,
        "Tasks done: {} of {}{}",
        tasks.done,
        tasks.total,
        percent_of(tasks.done, tasks.total)
    );
    for lane in &plan.swimlanes {
        let progress = lane_progress(lane);
        let _ = writeln!(
            text,
            "  {}: {} of {}",
            lane.name, progress.done, progress.total
        );
    }
    let phases = phases_done(plan);
    if phases.total == 0 {
        let _ = writeln!(text, "Phases: the plan has none");
        return;
    }
    let _ = writeln!(text, "Phases done: {} of {}", phases.done, phases.total);
    for phase in (plan.phases.iter()).filter(|phase| phase.status == PhaseStatus::Done) {
        let _ = write!(text, "  Phase {} ({}): done", phase.number, phase.name);
        match phase.done_on {
            Some(on) => {
                let _ = writeln!(text, " {}", format_date(on));
            }
            None => {
                let _ = writeln!(text);
            }
        }
    }
}

/// " (31%)", or nothing of nothing.
fn percent_of(part: usize, whole: usize) -> String {
    if whole == 0 {
        return String::new();
    }
    format!(" ({}%)", (part * 100 + whole / 2) / whole)
}

fn metrics_met(plan: &Plan, weekly: &WeeklyHours, last: NaiveDate, text: &mut String) {
    if plan.success_metrics.is_empty() {
        let _ = writeln!(text, "Success metrics: the plan has none");
        return;
    }
    let spend = monthly_spend(plan);
    let statuses: Vec<_> = (plan.success_metrics.iter())
        .map(|metric| {
            (
                metric,
                metric_progress(plan, weekly, &spend, metric.measure, last),
            )
        })
        .collect();
    let met = statuses.iter().filter(|(_, status)| status.met).count();
    let _ = writeln!(text, "Success metrics met: {met} of {}", statuses.len());
    for (metric, status) in statuses {
        let verdict = if status.met { "met" } else { "not met" };
        let _ = writeln!(text, "  {}: {verdict} ({})", metric.name, status.evidence);
    }
}

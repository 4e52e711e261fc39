//! Review cadences: when each falls due, and the summary of a period that is
//! frozen into a review when it is saved.
//!
//! # When a cadence is due
//!
//! A cadence is due once one whole period has passed since its last review:
//! 7 days for weekly, one calendar month for monthly, three for quarterly.
//! Before its first review it counts from the plan's start, so the first
//! quarterly review falls due on the first day of Q2.
//!
//! Periods are measured from the review's own day, not snapped to ISO weeks
//! or calendar months: a review done on a Sunday is due again the next
//! Sunday, where "once per ISO week" would make it due the very next Monday
//! and count a Monday review and the Sunday before it as two weeks apart.
//! A month after a day that the next month lacks is that month's last day
//! (chrono's rule): 31 January is due again on 28 February (29 in a leap
//! year), and a quarterly review on 30 November is due on 28 February.
//!
//! The last review is the latest by date, not the last in the list, since a
//! merged or hand-edited file need not keep the log in order.
//!
//! # What a review summarises
//!
//! A review made on `today` looks back over one period ending on `today`
//! (see [`review_window`]): the week of 7 days through today, the month since
//! the same day last month, the three months since the same day three months
//! ago. A review done on time therefore covers exactly the days since the
//! one before. The summary is plain text, and [`Review::summary`] stores it,
//! so a review keeps saying what was true that day however the plan changes
//! later.

use chrono::{Days, Months, NaiveDate};
use std::fmt::Write as _;

use super::format::{format_cents, format_date, format_hours, format_hours_range};
use super::time::{TargetState, target_state};
use super::{BudgetKind, CategoryId, LineId, Period, Plan};

/// One period after `date`: 7 days, or one or three calendar months (ending
/// on the last day of a shorter month). Saturates at the end of the calendar.
pub fn one_period_after(period: Period, date: NaiveDate) -> NaiveDate {
    match period {
        Period::Weekly => date.checked_add_days(Days::new(7)),
        Period::Monthly => date.checked_add_months(Months::new(1)),
        Period::Quarterly => date.checked_add_months(Months::new(3)),
        Period::Yearly => date.checked_add_months(Months::new(12)),
    }
    .unwrap_or(NaiveDate::MAX)
}

/// One period before `date`, the mirror of [`one_period_after`]. Saturates at
/// the start of the calendar.
pub fn one_period_before(period: Period, date: NaiveDate) -> NaiveDate {
    match period {
        Period::Weekly => date.checked_sub_days(Days::new(7)),
        Period::Monthly => date.checked_sub_months(Months::new(1)),
        Period::Quarterly => date.checked_sub_months(Months::new(3)),
        Period::Yearly => date.checked_sub_months(Months::new(12)),
    }
    .unwrap_or(NaiveDate::MIN)
}

/// Whether a cadence is due, and since when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueStatus {
    /// Not due until `next_due`, which is after today.
    NotDue { next_due: NaiveDate },
    /// Due since `since`; `overdue_days` is 0 on that day itself.
    Due { since: NaiveDate, overdue_days: i64 },
}

impl DueStatus {
    pub fn is_due(self) -> bool {
        matches!(self, DueStatus::Due { .. })
    }

    /// "due today", "overdue by 3 days (due since Sun 8 Mar 2026)",
    /// "next due Sun 8 Mar 2026 (in 2 days)". `today` is the day the status
    /// was computed for; it is needed only for "in N days".
    pub fn describe(self, today: NaiveDate) -> String {
        match self {
            DueStatus::Due {
                overdue_days: 0, ..
            } => "due today".to_owned(),
            DueStatus::Due {
                since,
                overdue_days,
            } => format!(
                "overdue by {} (due since {})",
                days(overdue_days),
                format_date(since)
            ),
            DueStatus::NotDue { next_due } => format!(
                "next due {} (in {})",
                format_date(next_due),
                days((next_due - today).num_days())
            ),
        }
    }
}

/// "1 day", "3 days".
pub fn days(count: i64) -> String {
    if count == 1 {
        "1 day".to_owned()
    } else {
        format!("{count} days")
    }
}

/// The day of the latest review of `period`, if there has been one.
pub fn last_review(plan: &Plan, period: Period) -> Option<NaiveDate> {
    plan.reviews
        .iter()
        .filter(|review| review.period == period)
        .map(|review| review.date)
        .max()
}

/// Whether the `period` cadence is due on `today` (see the module notes).
/// It is answered for any period, whether or not the plan has that cadence.
pub fn cadence_due(plan: &Plan, period: Period, today: NaiveDate) -> DueStatus {
    let from = last_review(plan, period).unwrap_or(plan.start_date);
    let due = one_period_after(period, from);
    if today < due {
        DueStatus::NotDue { next_due: due }
    } else {
        DueStatus::Due {
            since: due,
            overdue_days: (today - due).num_days(),
        }
    }
}

/// A cadence of the plan with its last review and whether it is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CadenceStatus {
    pub period: Period,
    pub purpose: String,
    pub last_review: Option<NaiveDate>,
    pub due: DueStatus,
}

impl CadenceStatus {
    /// "Weekly (Progress check against tasks): overdue by 5 days (due since
    /// Sun 22 Nov 2026); last review Sun 15 Nov 2026". The Overview tab and
    /// `yearplan report` both write it so.
    pub fn describe(&self, today: NaiveDate) -> String {
        let mut text = self.period.label().to_owned();
        if !self.purpose.trim().is_empty() {
            let _ = write!(text, " ({})", self.purpose.trim());
        }
        let _ = write!(text, ": {}; ", self.due.describe(today));
        match self.last_review {
            Some(date) => {
                let _ = write!(text, "last review {}", format_date(date));
            }
            None => text.push_str("no review yet"),
        }
        text
    }
}

/// Every cadence of the plan, in the plan's order, with its status on `today`.
pub fn cadence_statuses(plan: &Plan, today: NaiveDate) -> Vec<CadenceStatus> {
    plan.review_cadences
        .iter()
        .map(|cadence| CadenceStatus {
            period: cadence.period,
            purpose: cadence.purpose.clone(),
            last_review: last_review(plan, cadence.period),
            due: cadence_due(plan, cadence.period, today),
        })
        .collect()
}

/// The first and last day (both inclusive) that a `period` review made on
/// `today` looks back over: from the day after [`one_period_before`] today,
/// through today. A weekly window always has 7 days; a monthly one 28 to 31.
pub fn review_window(period: Period, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let before = one_period_before(period, today);
    let first = before.succ_opt().unwrap_or(before).min(today);
    (first, today)
}

/// The words the plan uses for a weekly target state, the same everywhere
/// (chips, the overview, the report, frozen summaries).
pub fn target_state_label(state: TargetState) -> &'static str {
    match state {
        TargetState::Under => "under",
        TargetState::InRange => "in range",
        TargetState::Over => "over the range, target met",
    }
}

/// "within" or "over by $12.00": monthly-line spend against what was allowed.
pub(crate) fn against_allowance(spent_cents: i64, allowed_cents: i64, symbol: &str) -> String {
    if spent_cents > allowed_cents {
        format!(
            "over by {}",
            format_cents(spent_cents.saturating_sub(allowed_cents), symbol)
        )
    } else {
        "within".to_owned()
    }
}

/// Spend between `first` and `last` (inclusive), split into what the
/// run-rate covers (every line that is not a one-time cap) and one-time spend.
pub(crate) fn spend_between(plan: &Plan, first: NaiveDate, last: NaiveDate) -> (i64, i64) {
    let one_time: std::collections::HashSet<LineId> = plan
        .budget_lines
        .iter()
        .filter(|line| matches!(line.kind, BudgetKind::OneTime { .. }))
        .map(|line| line.id)
        .collect();
    plan.expenses
        .iter()
        .filter(|expense| first <= expense.date && expense.date <= last)
        .fold((0_i64, 0_i64), |(running, once), expense| {
            if one_time.contains(&expense.line) {
                (running, once.saturating_add(expense.cents))
            } else {
                (running.saturating_add(expense.cents), once)
            }
        })
}

/// The summary of the `period` that ends on `today`, as frozen into a review
/// saved that day: hours against the weekly targets, the tasks done in it,
/// spend against the run-rate, and the phases started or done in it. Only
/// what is dated inside [`review_window`] counts; tasks ticked without a
/// date cannot be placed in any period and are left out.
///
/// For a monthly or quarterly review, hours are also given as a weekly
/// average (total × 7 ÷ days) so that they compare with the weekly targets.
/// The run-rate is monthly, so a monthly review holds the period's spend
/// against it once and a quarterly review against three times it; a week is
/// too short to judge against a monthly figure, so a weekly review holds the
/// calendar month so far (through today) against it instead.
///
/// A yearly review is the year-end review, which covers the plan year
/// rather than the twelve months before today: see [`super::year_end`].
pub fn period_summary(plan: &Plan, period: Period, today: NaiveDate) -> String {
    if period == Period::Yearly {
        return super::year_end::year_end_summary(plan, today);
    }
    let (first, last) = review_window(period, today);
    let day_count = (last - first).num_days() + 1;
    let mut text = String::new();
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(
        text,
        "{} review of {} – {} ({})",
        period.label(),
        format_date(first),
        format_date(last),
        days(day_count)
    );
    hours_summary(plan, period, first, last, day_count, &mut text);
    tasks_summary(plan, first, last, &mut text);
    spend_summary(plan, period, first, last, &mut text);
    phases_summary(plan, first, last, &mut text);
    text
}

fn hours_summary(
    plan: &Plan,
    period: Period,
    first: NaiveDate,
    last: NaiveDate,
    day_count: i64,
    text: &mut String,
) {
    if plan.time_categories.is_empty() {
        let _ = writeln!(text, "Hours: the plan has no time categories");
        return;
    }
    let weekly = period == Period::Weekly;
    if weekly {
        let _ = writeln!(text, "Hours against the weekly targets:");
    } else {
        let _ = writeln!(
            text,
            "Hours, as a weekly average over the {}, against the weekly targets:",
            days(day_count)
        );
    }
    // Entries after `last` do not exist yet on the day of the review, and
    // leaving them out keeps the summary what it was that day.
    for category in &plan.time_categories {
        let hours = hours_between(plan, category.id, first, last);
        let per_week = hours * 7.0 / day_count.max(1) as f64;
        let state = target_state(
            per_week,
            category.weekly_min_hours,
            category.weekly_max_hours,
        );
        let target = format_hours_range(category.weekly_min_hours, category.weekly_max_hours);
        let state = target_state_label(state);
        if weekly {
            let _ = writeln!(
                text,
                "  {}: {} (target {target}, {state})",
                category.name,
                format_hours(hours)
            );
        } else {
            let _ = writeln!(
                text,
                "  {}: {} in all, {} a week (target {target}, {state})",
                category.name,
                format_hours(hours),
                format_hours(per_week)
            );
        }
    }
}

/// The hours logged on `category` between `first` and `last` (inclusive).
pub(crate) fn hours_between(
    plan: &Plan,
    category: CategoryId,
    first: NaiveDate,
    last: NaiveDate,
) -> f64 {
    (plan.time_entries.iter())
        .filter(|entry| entry.category == category && first <= entry.date && entry.date <= last)
        .map(|entry| entry.hours)
        .sum()
}

fn tasks_summary(plan: &Plan, first: NaiveDate, last: NaiveDate, text: &mut String) {
    let mut done: Vec<(NaiveDate, &str)> = plan
        .tasks()
        .filter(|task| task.done)
        .filter_map(|task| {
            let on = task.done_on?;
            (first <= on && on <= last).then_some((on, task.title.as_str()))
        })
        .collect();
    // Stable, so tasks done on the same day keep the board's order.
    done.sort_by_key(|&(on, _)| on);
    if done.is_empty() {
        let _ = writeln!(text, "Tasks done: none");
        return;
    }
    let _ = writeln!(text, "Tasks done ({}):", done.len());
    for (on, title) in done {
        let _ = writeln!(text, "  {}: {title}", format_date(on));
    }
}

fn spend_summary(
    plan: &Plan,
    period: Period,
    first: NaiveDate,
    last: NaiveDate,
    text: &mut String,
) {
    let symbol = plan.currency_symbol.as_str();
    let money = |cents: i64| format_cents(cents, symbol);
    let run_rate = super::money::monthly_run_rate_cents(plan);
    let (running, once) = spend_between(plan, first, last);
    let _ = writeln!(
        text,
        "Spend: {} on the monthly lines, {} on one-time lines",
        money(running),
        money(once)
    );
    match period {
        Period::Weekly => {
            let month = super::calendar::YearMonth::of(last);
            let (month_running, _) = spend_between(plan, month.first_day(), last);
            let _ = writeln!(
                text,
                "  Month to date ({}): {} on the monthly lines of the {} run-rate: {}",
                month.label(),
                money(month_running),
                money(run_rate),
                against_allowance(month_running, run_rate, symbol)
            );
        }
        Period::Monthly => {
            let _ = writeln!(
                text,
                "  Against the {} monthly run-rate: {}",
                money(run_rate),
                against_allowance(running, run_rate, symbol)
            );
        }
        Period::Quarterly | Period::Yearly => {
            let (months, words) = if period == Period::Quarterly {
                (3, "three")
            } else {
                (12, "twelve")
            };
            let allowed = run_rate.saturating_mul(months);
            let _ = writeln!(
                text,
                "  Against {words} months of run-rate ({}): {}",
                money(allowed),
                against_allowance(running, allowed, symbol)
            );
        }
    }
}

fn phases_summary(plan: &Plan, first: NaiveDate, last: NaiveDate, text: &mut String) {
    let inside = |date: Option<NaiveDate>| date.filter(|&on| first <= on && on <= last);
    let changes: Vec<String> = plan
        .phases
        .iter()
        .filter_map(|phase| {
            let events: Vec<String> = [
                ("started", inside(phase.started_on)),
                ("done", inside(phase.done_on)),
            ]
            .into_iter()
            .filter_map(|(what, on)| on.map(|on| format!("{what} {}", format_date(on))))
            .collect();
            (!events.is_empty()).then(|| {
                format!(
                    "  Phase {} ({}): {}",
                    phase.number,
                    phase.name,
                    events.join(", ")
                )
            })
        })
        .collect();
    if changes.is_empty() {
        let _ = writeln!(text, "Phases changed: none");
        return;
    }
    let _ = writeln!(text, "Phases changed:");
    for change in changes {
        let _ = writeln!(text, "{change}");
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::{
        Block, BlockId, BudgetLine, CategoryId, Expense, LaneId, Phase, PhaseStatus, Quarter,
        Review, ReviewCadence, Swimlane, Task, TaskId, TimeCategory, TimeEntry,
    };

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn review(date: NaiveDate, period: Period) -> Review {
        Review {
            id: Default::default(),
            date,
            period,
            summary: String::new(),
            notes: String::new(),
        }
    }

    fn plan_with_reviews(start: NaiveDate, reviews: Vec<Review>) -> Plan {
        let mut plan = Plan::empty("Test", start);
        plan.reviews = reviews;
        plan
    }

    fn due(since: NaiveDate, overdue_days: i64) -> DueStatus {
        DueStatus::Due {
            since,
            overdue_days,
        }
    }

    fn not_due(next_due: NaiveDate) -> DueStatus {
        DueStatus::NotDue { next_due }
    }

    #[test]
    fn weekly_is_due_seven_days_after_the_last_review() {
        // Sunday 1 March 2026 → due Sunday 8 March, whatever the ISO week.
        let plan = plan_with_reviews(
            day(2026, 1, 1),
            vec![review(day(2026, 3, 1), Period::Weekly)],
        );
        let weekly = |today| cadence_due(&plan, Period::Weekly, today);
        assert_eq!(weekly(day(2026, 3, 2)), not_due(day(2026, 3, 8)));
        assert_eq!(weekly(day(2026, 3, 7)), not_due(day(2026, 3, 8)));
        assert_eq!(weekly(day(2026, 3, 8)), due(day(2026, 3, 8), 0));
        assert_eq!(weekly(day(2026, 3, 10)), due(day(2026, 3, 8), 2));
        // 8 March to 1 April: 23 days of March left plus 1.
        assert_eq!(weekly(day(2026, 4, 1)), due(day(2026, 3, 8), 24));
    }

    #[test]
    fn weekly_across_the_new_year() {
        // Monday 29 December 2025 is in ISO week 2026-W01; due Monday 5 January.
        let plan = plan_with_reviews(
            day(2025, 6, 1),
            vec![review(day(2025, 12, 29), Period::Weekly)],
        );
        assert_eq!(
            cadence_due(&plan, Period::Weekly, day(2026, 1, 4)),
            not_due(day(2026, 1, 5))
        );
        assert_eq!(
            cadence_due(&plan, Period::Weekly, day(2026, 1, 5)),
            due(day(2026, 1, 5), 0)
        );
    }

    #[test]
    fn monthly_from_the_31st_falls_on_the_last_day_of_february() {
        let plan = plan_with_reviews(
            day(2026, 1, 1),
            vec![review(day(2026, 1, 31), Period::Monthly)],
        );
        let monthly = |today| cadence_due(&plan, Period::Monthly, today);
        assert_eq!(monthly(day(2026, 2, 27)), not_due(day(2026, 2, 28)));
        assert_eq!(monthly(day(2026, 2, 28)), due(day(2026, 2, 28), 0));
        // 28 February → 3 March 2026: 1 March, 2 March, 3 March.
        assert_eq!(monthly(day(2026, 3, 3)), due(day(2026, 2, 28), 3));

        // In a leap year the 29th exists.
        let leap = plan_with_reviews(
            day(2024, 1, 1),
            vec![review(day(2024, 1, 31), Period::Monthly)],
        );
        assert_eq!(
            cadence_due(&leap, Period::Monthly, day(2024, 2, 28)),
            not_due(day(2024, 2, 29))
        );
        assert_eq!(
            cadence_due(&leap, Period::Monthly, day(2024, 3, 1)),
            due(day(2024, 2, 29), 1)
        );
    }

    #[test]
    fn monthly_across_the_year_end_and_from_mid_month() {
        let plan = plan_with_reviews(
            day(2026, 1, 1),
            vec![review(day(2026, 12, 15), Period::Monthly)],
        );
        assert_eq!(
            cadence_due(&plan, Period::Monthly, day(2027, 1, 14)),
            not_due(day(2027, 1, 15))
        );
        assert_eq!(
            cadence_due(&plan, Period::Monthly, day(2027, 1, 15)),
            due(day(2027, 1, 15), 0)
        );
        // 30 April → 30 May: a month of 30 days is still "the same day".
        let april = plan_with_reviews(
            day(2026, 1, 1),
            vec![review(day(2026, 4, 30), Period::Monthly)],
        );
        assert_eq!(
            cadence_due(&april, Period::Monthly, day(2026, 5, 29)),
            not_due(day(2026, 5, 30))
        );
    }

    #[test]
    fn quarterly_is_three_calendar_months_on() {
        // 30 November + 3 months: 30 February does not exist, so 28 February.
        let plan = plan_with_reviews(
            day(2025, 6, 1),
            vec![review(day(2025, 11, 30), Period::Quarterly)],
        );
        let quarterly = |today| cadence_due(&plan, Period::Quarterly, today);
        assert_eq!(quarterly(day(2026, 2, 27)), not_due(day(2026, 2, 28)));
        assert_eq!(quarterly(day(2026, 2, 28)), due(day(2026, 2, 28), 0));
        // 31 August + 3 months = 30 November.
        let august = plan_with_reviews(
            day(2026, 1, 1),
            vec![review(day(2026, 8, 31), Period::Quarterly)],
        );
        assert_eq!(
            cadence_due(&august, Period::Quarterly, day(2026, 11, 29)),
            not_due(day(2026, 11, 30))
        );
    }

    #[test]
    fn before_any_review_the_plan_start_counts() {
        let plan = Plan::empty("Test", day(2026, 1, 1));
        // The first quarterly review is due when Q2 starts.
        assert_eq!(
            cadence_due(&plan, Period::Quarterly, day(2026, 3, 31)),
            not_due(day(2026, 4, 1))
        );
        assert_eq!(
            cadence_due(&plan, Period::Quarterly, day(2026, 4, 1)),
            due(day(2026, 4, 1), 0)
        );
        assert_eq!(
            crate::model::calendar::quarter_start(plan.start_date, Quarter::Q2),
            day(2026, 4, 1)
        );
        assert_eq!(
            cadence_due(&plan, Period::Monthly, day(2026, 2, 3)),
            due(day(2026, 2, 1), 2)
        );
        assert_eq!(
            cadence_due(&plan, Period::Weekly, day(2026, 1, 7)),
            not_due(day(2026, 1, 8))
        );
        // Before the plan starts nothing is due.
        assert_eq!(
            cadence_due(&plan, Period::Weekly, day(2025, 12, 1)),
            not_due(day(2026, 1, 8))
        );
    }

    #[test]
    fn the_latest_review_of_the_period_counts_whatever_the_order() {
        let plan = plan_with_reviews(
            day(2026, 1, 1),
            vec![
                review(day(2026, 3, 1), Period::Weekly),
                review(day(2026, 3, 20), Period::Monthly),
                review(day(2026, 2, 22), Period::Weekly),
            ],
        );
        assert_eq!(last_review(&plan, Period::Weekly), Some(day(2026, 3, 1)));
        assert_eq!(last_review(&plan, Period::Quarterly), None);
        // The monthly review on 20 March does not reset the weekly cadence.
        assert_eq!(
            cadence_due(&plan, Period::Weekly, day(2026, 3, 20)),
            due(day(2026, 3, 8), 12)
        );
        // A review dated after today: not due until a week after it.
        let ahead = plan_with_reviews(
            day(2026, 1, 1),
            vec![review(day(2026, 3, 20), Period::Weekly)],
        );
        assert_eq!(
            cadence_due(&ahead, Period::Weekly, day(2026, 3, 1)),
            not_due(day(2026, 3, 27))
        );
    }

    #[test]
    fn due_arithmetic_never_panics_at_the_calendar_limits() {
        let plan = plan_with_reviews(NaiveDate::MAX, vec![]);
        assert_eq!(
            cadence_due(&plan, Period::Quarterly, NaiveDate::MAX),
            due(NaiveDate::MAX, 0)
        );
        assert_eq!(
            one_period_before(Period::Monthly, NaiveDate::MIN),
            NaiveDate::MIN
        );
        assert_eq!(
            review_window(Period::Weekly, NaiveDate::MIN),
            (NaiveDate::MIN, NaiveDate::MIN)
        );
        let plan = plan_with_reviews(NaiveDate::MIN, vec![]);
        let status = cadence_due(&plan, Period::Weekly, NaiveDate::MAX);
        assert!(status.is_due());
        assert!(!period_summary(&plan, Period::Quarterly, NaiveDate::MAX).is_empty());
    }

    #[test]
    fn due_statuses_read_as_words() {
        let today = day(2026, 3, 10);
        assert_eq!(due(today, 0).describe(today), "due today");
        assert_eq!(
            due(day(2026, 3, 9), 1).describe(today),
            "overdue by 1 day (due since Mon 9 Mar 2026)"
        );
        assert_eq!(
            due(day(2026, 3, 8), 2).describe(today),
            "overdue by 2 days (due since Sun 8 Mar 2026)"
        );
        assert_eq!(
            not_due(day(2026, 3, 15)).describe(today),
            "next due Sun 15 Mar 2026 (in 5 days)"
        );
        let status = CadenceStatus {
            period: Period::Weekly,
            purpose: "Progress check".to_owned(),
            last_review: Some(day(2026, 3, 1)),
            due: due(day(2026, 3, 8), 2),
        };
        assert_eq!(
            status.describe(today),
            "Weekly (Progress check): overdue by 2 days (due since Sun 8 Mar 2026); \
             last review Sun 1 Mar 2026"
        );
    }

    #[test]
    fn cadence_statuses_follow_the_plans_cadences() {
        let mut plan = plan_with_reviews(
            day(2026, 1, 1),
            vec![review(day(2026, 3, 31), Period::Monthly)],
        );
        plan.review_cadences = vec![
            ReviewCadence {
                id: Default::default(),
                period: Period::Monthly,
                purpose: "Swimlanes".to_owned(),
            },
            ReviewCadence {
                id: Default::default(),
                period: Period::Quarterly,
                purpose: String::new(),
            },
        ];
        let statuses = cadence_statuses(&plan, day(2026, 4, 30));
        assert_eq!(statuses.len(), 2);
        assert_eq!(statuses[0].due, due(day(2026, 4, 30), 0));
        assert_eq!(statuses[0].last_review, Some(day(2026, 3, 31)));
        assert_eq!(statuses[1].due, due(day(2026, 4, 1), 29));
        assert_eq!(
            statuses[1].describe(day(2026, 4, 30)),
            "Quarterly: overdue by 29 days (due since Wed 1 Apr 2026); no review yet"
        );
    }

    #[test]
    fn review_windows_end_today_and_span_one_period() {
        assert_eq!(
            review_window(Period::Weekly, day(2026, 3, 8)),
            (day(2026, 3, 2), day(2026, 3, 8))
        );
        assert_eq!(
            review_window(Period::Monthly, day(2026, 3, 31)),
            (day(2026, 3, 1), day(2026, 3, 31))
        );
        // 15 March − 1 month = 15 February, so from the 16th.
        assert_eq!(
            review_window(Period::Monthly, day(2026, 3, 15)),
            (day(2026, 2, 16), day(2026, 3, 15))
        );
        assert_eq!(
            review_window(Period::Quarterly, day(2026, 3, 31)),
            (day(2026, 1, 1), day(2026, 3, 31))
        );
    }

    /// One lane with four tasks, two categories, three budget lines and two
    /// phases; the data around the week of Monday 2 – Sunday 8 March 2026.
    fn summary_plan() -> Plan {
        let mut plan = Plan::empty("Test", day(2026, 1, 1));
        let task = |id: u64, title: &str, done_on: Option<NaiveDate>| Task {
            id: TaskId(id),
            title: title.to_owned(),
            done: done_on.is_some(),
            done_on,
            due: None,
            notes: String::new(),
            phase: None,
        };
        plan.swimlanes = vec![Swimlane {
            id: LaneId(1),
            name: "Core".to_owned(),
            subtitle: String::new(),
            blocks: vec![Block {
                id: BlockId(1),
                first_quarter: Quarter::Q1,
                last_quarter: Quarter::Q1,
                tasks: vec![
                    task(1, "Set up CI", Some(day(2026, 3, 5))),
                    task(2, "Write ADRs", Some(day(2026, 3, 2))),
                    task(3, "Done last week", Some(day(2026, 3, 1))),
                    task(4, "Still open", None),
                ],
            }],
        }];
        plan.time_categories = vec![
            TimeCategory {
                id: CategoryId(1),
                name: "Learning".to_owned(),
                weekly_min_hours: 15.0,
                weekly_max_hours: 20.0,
            },
            TimeCategory {
                id: CategoryId(2),
                name: "Review".to_owned(),
                weekly_min_hours: 5.0,
                weekly_max_hours: 5.0,
            },
        ];
        let entry = |date, category, hours| TimeEntry {
            id: Default::default(),
            date,
            category: CategoryId(category),
            hours,
            note: String::new(),
        };
        plan.time_entries = vec![
            entry(day(2026, 3, 1), 1, 4.0), // the day before the window
            entry(day(2026, 3, 2), 1, 8.0),
            entry(day(2026, 3, 6), 1, 8.5),
            entry(day(2026, 3, 8), 2, 6.0),
            entry(day(2026, 3, 9), 1, 9.0), // after the review
            entry(day(2026, 2, 10), 1, 15.0),
        ];
        plan.budget_lines = vec![
            BudgetLine {
                id: LineId(1),
                name: "Books".to_owned(),
                kind: BudgetKind::OneTime { cap_cents: 50_000 },
            },
            BudgetLine {
                id: LineId(2),
                name: "Infrastructure".to_owned(),
                kind: BudgetKind::Monthly { cents: 10_000 },
            },
            BudgetLine {
                id: LineId(3),
                name: "Tools".to_owned(),
                kind: BudgetKind::Monthly { cents: 20_000 },
            },
        ];
        let expense = |date, line, cents| Expense {
            id: Default::default(),
            date,
            line: LineId(line),
            cents,
            note: String::new(),
        };
        plan.expenses = vec![
            expense(day(2026, 3, 1), 2, 10_000),
            expense(day(2026, 3, 3), 3, 12_345),
            expense(day(2026, 3, 7), 1, 4_500),
            expense(day(2026, 3, 8), 3, 9_000),
            expense(day(2026, 3, 9), 2, 99_999),
            expense(day(2026, 2, 20), 3, 5_000),
        ];
        plan.phases = vec![
            Phase {
                number: 0,
                name: "Tooling".to_owned(),
                quarter: Quarter::Q1,
                status: PhaseStatus::Done,
                started_on: Some(day(2026, 2, 1)),
                done_on: Some(day(2026, 3, 4)),
            },
            Phase {
                number: 1,
                name: "Core Elixir".to_owned(),
                quarter: Quarter::Q1,
                status: PhaseStatus::InProgress,
                started_on: Some(day(2026, 3, 4)),
                done_on: None,
            },
        ];
        plan
    }

    #[test]
    fn a_weekly_summary_by_hand() {
        let plan = summary_plan();
        // Window Mon 2 – Sun 8 March. Learning 8 + 8.5 = 16.5 (in 15–20);
        // Review 6 (over 5, so met). Monthly lines: 123.45 + 90.00 = 213.45; books
        // 45.00. Month to date (1–8 March): 100.00 + 213.45 = 313.45, over the
        // 300.00 run-rate by 13.45.
        let summary = period_summary(&plan, Period::Weekly, day(2026, 3, 8));
        assert_eq!(
            summary,
            "Weekly review of Mon 2 Mar 2026 – Sun 8 Mar 2026 (7 days)\n\
             Hours against the weekly targets:\n\
             \x20 Learning: 16.5 h (target 15–20 h, in range)\n\
             \x20 Review: 6.0 h (target 5 h, over the range, target met)\n\
             Tasks done (2):\n\
             \x20 Mon 2 Mar 2026: Write ADRs\n\
             \x20 Thu 5 Mar 2026: Set up CI\n\
             Spend: $213.45 on the monthly lines, $45.00 on one-time lines\n\
             \x20 Month to date (Mar 2026): $313.45 on the monthly lines of the \
             $300.00 run-rate: over by $13.45\n\
             Phases changed:\n\
             \x20 Phase 0 (Tooling): done Wed 4 Mar 2026\n\
             \x20 Phase 1 (Core Elixir): started Wed 4 Mar 2026\n"
        );
    }

    #[test]
    fn a_monthly_summary_averages_hours_per_week() {
        let plan = summary_plan();
        // Window 9 February – 8 March: 28 days, four weeks. Learning 15 + 4 +
        // 8 + 8.5 = 35.5 h, 8.875 a week (under 15); Review 6, 1.5 a week.
        // Monthly lines 50 + 100 + 123.45 + 90 = 363.45, over 300 by 63.45.
        let summary = period_summary(&plan, Period::Monthly, day(2026, 3, 8));
        assert!(
            summary.starts_with("Monthly review of Mon 9 Feb 2026 – Sun 8 Mar 2026 (28 days)\n"),
            "{summary}"
        );
        assert!(summary.contains(
            "Hours, as a weekly average over the 28 days, against the weekly targets:\n\
             \x20 Learning: 35.5 h in all, 8.9 h a week (target 15–20 h, under)\n\
             \x20 Review: 6.0 h in all, 1.5 h a week (target 5 h, under)\n"
        ));
        assert!(summary.contains("Tasks done (3):\n  Sun 1 Mar 2026: Done last week\n"));
        assert!(summary.contains(
            "Spend: $363.45 on the monthly lines, $45.00 on one-time lines\n\
             \x20 Against the $300.00 monthly run-rate: over by $63.45\n"
        ));
        assert!(summary.contains("Phase 0 (Tooling): done Wed 4 Mar 2026\n"));
    }

    #[test]
    fn a_quarterly_summary_allows_three_months_of_run_rate() {
        let plan = summary_plan();
        // 9 December – 8 March: everything dated up to 8 March. Monthly lines
        // 363.45 of 900.00: within. Phase 0 both started and done.
        let summary = period_summary(&plan, Period::Quarterly, day(2026, 3, 8));
        assert!(summary.contains("(90 days)\n"), "{summary}");
        assert!(summary.contains("  Against three months of run-rate ($900.00): within\n"));
        assert!(
            summary.contains("  Phase 0 (Tooling): started Sun 1 Feb 2026, done Wed 4 Mar 2026\n")
        );
    }

    #[test]
    fn an_empty_plan_summarises_to_nothing_done() {
        let plan = Plan::empty("Empty", day(2026, 1, 1));
        let summary = period_summary(&plan, Period::Weekly, day(2026, 1, 7));
        assert_eq!(
            summary,
            "Weekly review of Thu 1 Jan 2026 – Wed 7 Jan 2026 (7 days)\n\
             Hours: the plan has no time categories\n\
             Tasks done: none\n\
             Spend: $0.00 on the monthly lines, $0.00 on one-time lines\n\
             \x20 Month to date (Jan 2026): $0.00 on the monthly lines of the $0.00 \
             run-rate: within\n\
             Phases changed: none\n"
        );
    }
}

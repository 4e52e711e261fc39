//! Money spent per month and budget line, and the budget it is held against.
//!
//! Every sum saturates: files are validated to cap amounts, but arithmetic on
//! a plan must never panic, whatever the plan holds.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};

use super::calendar::{YearMonth, plan_end};
use super::{BudgetKind, LineId, Plan};

fn saturating_sum(amounts: impl Iterator<Item = i64>) -> i64 {
    amounts.fold(0_i64, i64::saturating_add)
}

/// Cents per calendar month and budget line, summed once from the plan's
/// expenses so the UI reads them without walking every expense each frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthlySpend {
    by_month: BTreeMap<YearMonth, BTreeMap<LineId, i64>>,
}

impl MonthlySpend {
    /// Cents spent in `month` on `line`; 0 when none.
    pub fn cents(&self, month: YearMonth, line: LineId) -> i64 {
        self.by_month
            .get(&month)
            .and_then(|lines| lines.get(&line))
            .copied()
            .unwrap_or(0)
    }

    /// Cents spent in `month` across all lines.
    pub fn total(&self, month: YearMonth) -> i64 {
        self.by_month
            .get(&month)
            .map_or(0, |lines| saturating_sum(lines.values().copied()))
    }

    /// The months that have at least one expense, earliest first.
    pub fn months(&self) -> impl Iterator<Item = YearMonth> + '_ {
        self.by_month.keys().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.by_month.is_empty()
    }
}

pub fn monthly_spend(plan: &Plan) -> MonthlySpend {
    let mut by_month: BTreeMap<YearMonth, BTreeMap<LineId, i64>> = BTreeMap::new();
    for expense in &plan.expenses {
        let cents = by_month
            .entry(YearMonth::of(expense.date))
            .or_default()
            .entry(expense.line)
            .or_insert(0);
        *cents = cents.saturating_add(expense.cents);
    }
    MonthlySpend { by_month }
}

/// What the monthly lines allow each month together: the run-rate.
pub fn monthly_run_rate_cents(plan: &Plan) -> i64 {
    saturating_sum(plan.budget_lines.iter().map(|line| match line.kind {
        BudgetKind::Monthly { cents } => cents,
        BudgetKind::OneTime { .. } => 0,
    }))
}

/// The one-time caps together.
pub fn one_time_caps_cents(plan: &Plan) -> i64 {
    saturating_sum(plan.budget_lines.iter().map(|line| match line.kind {
        BudgetKind::OneTime { cap_cents } => cap_cents,
        BudgetKind::Monthly { .. } => 0,
    }))
}

/// The year's budget: twelve months of run-rate plus every one-time cap.
pub fn annual_budget_cents(plan: &Plan) -> i64 {
    monthly_run_rate_cents(plan)
        .saturating_mul(12)
        .saturating_add(one_time_caps_cents(plan))
}

/// Everything spent on `line`, whenever it was spent: a one-time cap is for
/// the purchase, not for a calendar window.
pub fn spent_on_line_cents(plan: &Plan, line: LineId) -> i64 {
    saturating_sum(
        plan.expenses
            .iter()
            .filter(|expense| expense.line == line)
            .map(|expense| expense.cents),
    )
}

/// Every calendar month with at least one day in the plan year starting on
/// `plan_start`, in order: twelve when the plan starts on the 1st, else
/// thirteen, the first and last partial.
pub fn plan_months(plan_start: NaiveDate) -> Vec<YearMonth> {
    let last = YearMonth::of(plan_end(plan_start));
    let mut month = YearMonth::of(plan_start);
    let mut months = vec![month];
    while month < last {
        let next = month.next();
        // `next` saturates at the end of i32 years; stop rather than spin.
        if next <= month {
            break;
        }
        month = next;
        months.push(month);
    }
    months
}

/// What becomes of a budget line's expenses when the line is removed (see
/// `MoneyCommand::RemoveLine`): they cannot stay, since an expense must name
/// a line the plan has. It lives here rather than beside the command because
/// the command's own module is private to `model`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpensesFate {
    /// Reassign them to another line of the plan.
    MoveTo(LineId),
    Delete,
}

/// The running total of spend at the end of each of `months`, in order.
pub fn cumulative_spend_cents(spend: &MonthlySpend, months: &[YearMonth]) -> Vec<i64> {
    let mut total = 0_i64;
    months
        .iter()
        .map(|&month| {
            total = total.saturating_add(spend.total(month));
            total
        })
        .collect()
}

/// What the plan allows to have been spent once `months_elapsed` months of
/// the plan year have begun: the run-rate for each of them, plus every
/// one-time cap in full from the first month on, because a one-time purchase
/// may fall in any month (the seed's books are as likely bought in January
/// as in June) and spending it early is not overspending.
pub fn cumulative_budget_cents(plan: &Plan, months_elapsed: usize) -> i64 {
    let months = i64::try_from(months_elapsed).unwrap_or(i64::MAX);
    monthly_run_rate_cents(plan)
        .saturating_mul(months)
        .saturating_add(one_time_caps_cents(plan))
}

/// How many months of the plan year starting on `plan_start` have begun by
/// `today`: 0 before the start, 1 from the start day on, and at most 12.
///
/// Plan months are counted from the start day, as quarters are, not chained
/// month to month: a plan starting on 31 January has its second month begin
/// on 28 February and its third on 31 March.
pub fn months_elapsed(plan_start: NaiveDate, today: NaiveDate) -> usize {
    if today < plan_start {
        return 0;
    }
    let later_begun = (1..12_u32)
        .take_while(|&months| {
            plan_start
                .checked_add_months(Months::new(months))
                .is_some_and(|begins| begins <= today)
        })
        .count();
    1 + later_begun
}

/// The lines whose kind is a one-time cap.
fn one_time_lines(plan: &Plan) -> std::collections::HashSet<LineId> {
    plan.budget_lines
        .iter()
        .filter(|line| matches!(line.kind, BudgetKind::OneTime { .. }))
        .map(|line| line.id)
        .collect()
}

/// Cents spent in `month` on every line that is not a one-time cap: the spend
/// the run-rate is there to cover. An expense on a line the plan lacks counts
/// here too, as money going out that no cap accounts for.
pub fn monthly_lines_spend_cents(plan: &Plan, spend: &MonthlySpend, month: YearMonth) -> i64 {
    split_spend(&one_time_lines(plan), spend, month).running
}

/// A month's spend split between the lines the run-rate covers and the
/// one-time lines, each summed on its own so that one saturating does not
/// distort the other.
struct SplitSpend {
    running: i64,
    once: i64,
}

fn split_spend(
    one_time: &std::collections::HashSet<LineId>,
    spend: &MonthlySpend,
    month: YearMonth,
) -> SplitSpend {
    let Some(lines) = spend.by_month.get(&month) else {
        return SplitSpend {
            running: 0,
            once: 0,
        };
    };
    let of = |want_one_time: bool| {
        saturating_sum(
            lines
                .iter()
                .filter(|(line, _)| one_time.contains(line) == want_one_time)
                .map(|(_, &cents)| cents),
        )
    };
    SplitSpend {
        running: of(false),
        once: of(true),
    }
}

/// `numerator / denominator` to the nearest whole number, halves away from
/// zero; `denominator` must be positive.
fn divide_rounded(numerator: i128, denominator: i128) -> i128 {
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    if remainder.unsigned_abs() * 2 >= denominator.unsigned_abs() {
        quotient + numerator.signum()
    } else {
        quotient
    }
}

/// Where spend is heading by the end of the plan year: the average monthly
/// spend on the monthly lines over the months begun so far, times twelve,
/// plus what has been spent on the one-time lines. `None` before the plan
/// starts, when there is nothing to average.
///
/// One-time spend is added once rather than averaged: the seed's $500 of
/// books bought in January would otherwise project $6,000 of books a year.
///
/// The current month counts in full even though it has only begun, because
/// this budget is mostly subscriptions billed once a month: by the first
/// days of a month most of its spend is already in. Leaving it out would
/// ignore the latest figures and leave the first month with no projection.
/// This matches [`cumulative_budget_cents`], which allows the whole of the
/// current month's run-rate.
///
/// The months are the calendar months of [`plan_months`], since spend is
/// summed per calendar month; for a plan that starts on the 1st they are
/// exactly the plan's months. For one that starts mid-month the first
/// calendar month also holds the days before the start, so the figure is an
/// approximation there. Expenses outside the plan year are not counted.
pub fn projected_year_end_cents(
    plan: &Plan,
    spend: &MonthlySpend,
    today: NaiveDate,
) -> Option<i64> {
    if today < plan.start_date {
        return None;
    }
    let current = YearMonth::of(today);
    let one_time = one_time_lines(plan);
    let mut months_begun: i128 = 0;
    let mut running: i128 = 0;
    let mut once: i128 = 0;
    for month in plan_months(plan.start_date)
        .into_iter()
        .take_while(|&month| month <= current)
    {
        months_begun += 1;
        let split = split_spend(&one_time, spend, month);
        running += i128::from(split.running);
        once += i128::from(split.once);
    }
    if months_begun == 0 {
        return None;
    }
    let projected = once + divide_rounded(running * 12, months_begun);
    let clamped = projected.clamp(i128::from(i64::MIN), i128::from(i64::MAX));
    i64::try_from(clamped).ok()
}

/// The months of the plan year in which the monthly lines together spent more
/// than the run-rate. Spend on one-time lines is left out: it is held against
/// its own cap (see [`cap_statuses`]), and counting it would mark a planned
/// purchase as overspending.
pub fn months_over_run_rate(plan: &Plan, spend: &MonthlySpend) -> Vec<YearMonth> {
    let run_rate = monthly_run_rate_cents(plan);
    let one_time = one_time_lines(plan);
    plan_months(plan.start_date)
        .into_iter()
        .filter(|&month| split_spend(&one_time, spend, month).running > run_rate)
        .collect()
}

/// A one-time budget line and how much of its cap is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CapStatus {
    pub line: LineId,
    pub spent_cents: i64,
    pub cap_cents: i64,
    /// Negative when the line has gone over its cap.
    pub left_cents: i64,
}

/// Every one-time line, in the plan's order, with what was spent on it
/// (whenever it was spent) and what is left of its cap.
pub fn cap_statuses(plan: &Plan) -> Vec<CapStatus> {
    plan.budget_lines
        .iter()
        .filter_map(|line| match line.kind {
            BudgetKind::OneTime { cap_cents } => {
                let spent_cents = spent_on_line_cents(plan, line.id);
                Some(CapStatus {
                    line: line.id,
                    spent_cents,
                    cap_cents,
                    left_cents: cap_cents.saturating_sub(spent_cents),
                })
            }
            BudgetKind::Monthly { .. } => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::{BudgetLine, Expense};

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn month(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    fn expense(date: NaiveDate, line: u64, cents: i64) -> Expense {
        Expense {
            id: Default::default(),
            date,
            line: LineId(line),
            cents,
            note: String::new(),
        }
    }

    fn line(id: u64, name: &str, kind: BudgetKind) -> BudgetLine {
        BudgetLine {
            id: LineId(id),
            name: name.to_owned(),
            kind,
        }
    }

    fn seed_budget() -> Plan {
        let mut plan = Plan::empty("Test", date(2026, 1, 1));
        plan.budget_lines = vec![
            line(1, "Books", BudgetKind::OneTime { cap_cents: 50_000 }),
            line(2, "Infrastructure", BudgetKind::Monthly { cents: 10_000 }),
            line(3, "Tools/Services", BudgetKind::Monthly { cents: 20_000 }),
        ];
        plan
    }

    #[test]
    fn seed_budget_figures() {
        let plan = seed_budget();
        assert_eq!(monthly_run_rate_cents(&plan), 30_000);
        assert_eq!(one_time_caps_cents(&plan), 50_000);
        // 12 × $300 + $500 = $4,100.
        assert_eq!(annual_budget_cents(&plan), 410_000);
        let empty = Plan::empty("Empty", date(2026, 1, 1));
        assert_eq!(annual_budget_cents(&empty), 0);
    }

    #[test]
    fn expenses_fall_in_their_calendar_month() {
        let mut plan = seed_budget();
        plan.expenses = vec![
            expense(date(2026, 1, 31), 2, 1_000),
            expense(date(2026, 2, 1), 2, 2_000),
            expense(date(2026, 1, 1), 3, 300),
            expense(date(2026, 1, 15), 3, 700),
            expense(date(2026, 12, 31), 1, 4_999),
            expense(date(2027, 1, 1), 1, 1),
            expense(date(2024, 2, 29), 3, 2_900),
            expense(date(2024, 3, 1), 3, 100),
        ];
        let spend = monthly_spend(&plan);
        assert_eq!(spend.cents(month(2026, 1), LineId(2)), 1_000);
        assert_eq!(spend.cents(month(2026, 1), LineId(3)), 1_000);
        assert_eq!(spend.total(month(2026, 1)), 2_000);
        assert_eq!(spend.cents(month(2026, 2), LineId(2)), 2_000);
        assert_eq!(spend.total(month(2026, 2)), 2_000);
        assert_eq!(spend.total(month(2026, 12)), 4_999);
        assert_eq!(spend.total(month(2027, 1)), 1);
        assert_eq!(spend.cents(month(2024, 2), LineId(3)), 2_900);
        assert_eq!(spend.cents(month(2024, 3), LineId(3)), 100);
        assert_eq!(spend.total(month(2026, 3)), 0);
        assert_eq!(spend.cents(month(2026, 1), LineId(1)), 0);
        assert_eq!(
            spend.months().collect::<Vec<_>>(),
            vec![
                month(2024, 2),
                month(2024, 3),
                month(2026, 1),
                month(2026, 2),
                month(2026, 12),
                month(2027, 1),
            ]
        );
        assert_eq!(spent_on_line_cents(&plan, LineId(1)), 5_000);
        assert_eq!(spent_on_line_cents(&plan, LineId(2)), 3_000);
        assert_eq!(spent_on_line_cents(&plan, LineId(3)), 4_000);
        assert_eq!(spent_on_line_cents(&plan, LineId(99)), 0);
        assert!(monthly_spend(&Plan::empty("Empty", date(2026, 1, 1))).is_empty());
    }

    #[test]
    fn sums_saturate_instead_of_overflowing() {
        let mut plan = seed_budget();
        plan.budget_lines
            .push(line(4, "Huge", BudgetKind::Monthly { cents: i64::MAX }));
        plan.budget_lines.push(line(
            5,
            "Huge cap",
            BudgetKind::OneTime {
                cap_cents: i64::MAX,
            },
        ));
        assert_eq!(monthly_run_rate_cents(&plan), i64::MAX);
        assert_eq!(one_time_caps_cents(&plan), i64::MAX);
        assert_eq!(annual_budget_cents(&plan), i64::MAX);

        plan.expenses = vec![
            expense(date(2026, 5, 1), 2, i64::MAX),
            expense(date(2026, 5, 2), 2, i64::MAX),
            expense(date(2026, 5, 3), 3, i64::MAX),
            expense(date(2026, 6, 1), 3, i64::MIN),
            expense(date(2026, 6, 2), 3, i64::MIN),
        ];
        let spend = monthly_spend(&plan);
        assert_eq!(spend.cents(month(2026, 5), LineId(2)), i64::MAX);
        assert_eq!(spend.total(month(2026, 5)), i64::MAX);
        assert_eq!(spend.total(month(2026, 6)), i64::MIN);
        assert_eq!(spent_on_line_cents(&plan, LineId(2)), i64::MAX);
    }

    #[test]
    fn plan_months_cover_the_plan_year() {
        let months = plan_months(date(2026, 1, 1));
        assert_eq!(months.len(), 12);
        assert_eq!(months.first(), Some(&month(2026, 1)));
        assert_eq!(months.last(), Some(&month(2026, 12)));

        // From 29 Feb 2024 to 27 Feb 2025: both Februaries are touched.
        let months = plan_months(date(2024, 2, 29));
        assert_eq!(months.len(), 13);
        assert_eq!(months.first(), Some(&month(2024, 2)));
        assert_eq!(months.last(), Some(&month(2025, 2)));

        assert_eq!(
            plan_months(NaiveDate::MAX),
            vec![YearMonth::of(NaiveDate::MAX)]
        );
    }

    /// The seed's budget with a quarter of expenses: January buys $120 of
    /// books, February's tools cost $250 instead of $200.
    fn seed_with_expenses() -> Plan {
        let mut plan = seed_budget();
        plan.expenses = vec![
            expense(date(2025, 12, 31), 2, 99_900),
            expense(date(2026, 1, 2), 2, 10_000),
            expense(date(2026, 1, 3), 3, 20_000),
            expense(date(2026, 1, 31), 1, 12_000),
            expense(date(2026, 2, 1), 2, 10_000),
            expense(date(2026, 2, 1), 3, 25_000),
            expense(date(2026, 3, 5), 2, 10_000),
        ];
        plan
    }

    #[test]
    fn cumulative_budget_counts_the_caps_from_month_one() {
        let plan = seed_budget();
        assert_eq!(cumulative_budget_cents(&plan, 0), 50_000);
        assert_eq!(cumulative_budget_cents(&plan, 1), 80_000);
        // 3 × $300 + $500 = $1,400.
        assert_eq!(cumulative_budget_cents(&plan, 3), 140_000);
        assert_eq!(
            cumulative_budget_cents(&plan, 12),
            annual_budget_cents(&plan)
        );
        assert_eq!(cumulative_budget_cents(&plan, 12), 410_000);
        assert_eq!(cumulative_budget_cents(&plan, usize::MAX), i64::MAX);
    }

    #[test]
    fn months_elapsed_turn_over_at_month_ends() {
        let start = date(2026, 1, 1);
        assert_eq!(months_elapsed(start, date(2025, 12, 31)), 0);
        assert_eq!(months_elapsed(start, date(2026, 1, 1)), 1);
        assert_eq!(months_elapsed(start, date(2026, 1, 31)), 1);
        assert_eq!(months_elapsed(start, date(2026, 2, 1)), 2);
        assert_eq!(months_elapsed(start, date(2026, 3, 31)), 3);
        assert_eq!(months_elapsed(start, date(2026, 12, 1)), 12);
        assert_eq!(months_elapsed(start, date(2026, 12, 31)), 12);
        assert_eq!(months_elapsed(start, date(2030, 1, 1)), 12);
    }

    #[test]
    fn months_elapsed_across_the_year_boundary() {
        let start = date(2026, 7, 1);
        assert_eq!(months_elapsed(start, date(2026, 6, 30)), 0);
        assert_eq!(months_elapsed(start, date(2026, 12, 31)), 6);
        assert_eq!(months_elapsed(start, date(2027, 1, 1)), 7);
        assert_eq!(months_elapsed(start, date(2027, 6, 1)), 12);
    }

    #[test]
    fn months_elapsed_from_a_leap_day_or_a_month_end() {
        // Months begin on the 29th; February 2025 has no 29th, so the plan
        // year's last month (from 29 Jan 2025) runs to 27 Feb 2025.
        let start = date(2024, 2, 29);
        assert_eq!(months_elapsed(start, date(2024, 2, 28)), 0);
        assert_eq!(months_elapsed(start, date(2024, 2, 29)), 1);
        assert_eq!(months_elapsed(start, date(2024, 3, 28)), 1);
        assert_eq!(months_elapsed(start, date(2024, 3, 29)), 2);
        assert_eq!(months_elapsed(start, date(2025, 1, 28)), 11);
        assert_eq!(months_elapsed(start, date(2025, 1, 29)), 12);
        // Counted from the start, not chained: 31 Jan, 28 Feb, 31 Mar.
        let start = date(2026, 1, 31);
        assert_eq!(months_elapsed(start, date(2026, 2, 27)), 1);
        assert_eq!(months_elapsed(start, date(2026, 2, 28)), 2);
        assert_eq!(months_elapsed(start, date(2026, 3, 30)), 2);
        assert_eq!(months_elapsed(start, date(2026, 3, 31)), 3);
        // Near chrono's end the later months cannot be reached.
        assert_eq!(months_elapsed(NaiveDate::MAX, NaiveDate::MAX), 1);
    }

    #[test]
    fn cumulative_spend_is_a_running_total() {
        let plan = seed_with_expenses();
        let spend = monthly_spend(&plan);
        let months = plan_months(plan.start_date);
        let cumulative = cumulative_spend_cents(&spend, &months);
        assert_eq!(cumulative.len(), 12);
        // Jan: 100 + 200 + 120 = $420; Feb: + 100 + 250 = $770; Mar: + 100 = $870.
        // The $999 of 31 Dec 2025 is before the plan and not in its months.
        assert_eq!(&cumulative[..4], &[42_000, 77_000, 87_000, 87_000]);
        assert_eq!(cumulative[11], 87_000);
        assert!(cumulative_spend_cents(&spend, &[]).is_empty());
    }

    #[test]
    fn cumulative_spend_across_the_year_boundary() {
        let mut plan = seed_budget();
        plan.start_date = date(2026, 7, 1);
        plan.expenses = vec![
            expense(date(2026, 12, 31), 2, 10_000),
            expense(date(2027, 1, 1), 2, 7_000),
            expense(date(2027, 6, 30), 3, 1),
        ];
        let spend = monthly_spend(&plan);
        let months = plan_months(plan.start_date);
        assert_eq!(months[5], month(2026, 12));
        assert_eq!(months[6], month(2027, 1));
        let cumulative = cumulative_spend_cents(&spend, &months);
        assert_eq!(cumulative[4], 0);
        assert_eq!(cumulative[5], 10_000);
        assert_eq!(cumulative[6], 17_000);
        assert_eq!(cumulative[11], 17_001);
    }

    #[test]
    fn monthly_lines_are_held_against_the_run_rate() {
        let plan = seed_with_expenses();
        let spend = monthly_spend(&plan);
        // January: $300 on the monthly lines (the $120 of books is apart).
        assert_eq!(
            monthly_lines_spend_cents(&plan, &spend, month(2026, 1)),
            30_000
        );
        assert_eq!(spend.total(month(2026, 1)), 42_000);
        assert_eq!(
            monthly_lines_spend_cents(&plan, &spend, month(2026, 2)),
            35_000
        );
        assert_eq!(monthly_lines_spend_cents(&plan, &spend, month(2026, 4)), 0);
        // January is exactly at the run-rate, not over; February is $50 over.
        // December 2025 is over, but not in the plan year.
        assert_eq!(months_over_run_rate(&plan, &spend), vec![month(2026, 2)]);
    }

    #[test]
    fn projection_averages_the_months_begun_and_adds_one_time_spend_once() {
        let plan = seed_with_expenses();
        let spend = monthly_spend(&plan);
        assert_eq!(
            projected_year_end_cents(&plan, &spend, date(2025, 12, 31)),
            None
        );
        // On 10 March three months have begun: ($300 + $350 + $100) / 3 × 12
        // = $3,000, plus the $120 of books once = $3,120.
        assert_eq!(
            projected_year_end_cents(&plan, &spend, date(2026, 3, 10)),
            Some(312_000)
        );
        // On 31 January: $300 × 12 + $120 = $3,720.
        assert_eq!(
            projected_year_end_cents(&plan, &spend, date(2026, 1, 31)),
            Some(372_000)
        );
        // On 1 February: ($300 + $350) / 2 × 12 + $120 = $3,900 + $120.
        assert_eq!(
            projected_year_end_cents(&plan, &spend, date(2026, 2, 1)),
            Some(402_000)
        );
        // After the year: the twelve months' average × 12 is what was spent.
        assert_eq!(
            projected_year_end_cents(&plan, &spend, date(2027, 3, 1)),
            Some(87_000)
        );
        // Nothing spent yet: a projection of nothing, not none.
        let empty = seed_budget();
        assert_eq!(
            projected_year_end_cents(&empty, &monthly_spend(&empty), date(2026, 1, 1)),
            Some(0)
        );
    }

    #[test]
    fn projection_rounds_to_the_nearest_cent() {
        let mut plan = seed_budget();
        plan.expenses = vec![expense(date(2026, 1, 1), 2, 10_000)];
        let spend = monthly_spend(&plan);
        // $100 over 7 months × 12 = $171.428… → $171.43.
        assert_eq!(
            projected_year_end_cents(&plan, &spend, date(2026, 7, 1)),
            Some(17_143)
        );
        // 1 cent over 8 months × 12 = 1.5 cents → 2.
        plan.expenses = vec![expense(date(2026, 1, 1), 2, 1)];
        let spend = monthly_spend(&plan);
        assert_eq!(
            projected_year_end_cents(&plan, &spend, date(2026, 8, 31)),
            Some(2)
        );
        // The extremes saturate rather than overflow.
        plan.expenses = vec![
            expense(date(2026, 1, 1), 2, i64::MAX),
            expense(date(2026, 1, 2), 1, i64::MAX),
        ];
        let spend = monthly_spend(&plan);
        assert_eq!(
            projected_year_end_cents(&plan, &spend, date(2026, 1, 1)),
            Some(i64::MAX)
        );
        plan.expenses = vec![
            expense(date(2026, 1, 1), 2, i64::MIN),
            expense(date(2026, 1, 2), 1, i64::MIN),
        ];
        let spend = monthly_spend(&plan);
        assert_eq!(
            projected_year_end_cents(&plan, &spend, date(2026, 1, 1)),
            Some(i64::MIN)
        );
    }

    #[test]
    fn caps_show_spent_and_left() {
        let mut plan = seed_with_expenses();
        plan.budget_lines
            .push(line(4, "Course", BudgetKind::OneTime { cap_cents: 20_000 }));
        plan.expenses.push(expense(date(2026, 4, 1), 4, 25_000));
        assert_eq!(
            cap_statuses(&plan),
            vec![
                CapStatus {
                    line: LineId(1),
                    spent_cents: 12_000,
                    cap_cents: 50_000,
                    left_cents: 38_000,
                },
                CapStatus {
                    line: LineId(4),
                    spent_cents: 25_000,
                    cap_cents: 20_000,
                    left_cents: -5_000,
                },
            ]
        );
        assert!(cap_statuses(&Plan::empty("Empty", date(2026, 1, 1))).is_empty());
    }
}

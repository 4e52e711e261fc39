//! Money spent per month and budget line, and the budget it is held against.
//!
//! Every sum saturates: files are validated to cap amounts, but arithmetic on
//! a plan must never panic, whatever the plan holds.

use std::collections::BTreeMap;

use chrono::NaiveDate;

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
}

//! What each chart shows, in a sentence: the name a screen reader reads for
//! it (and a test finds it by), so the figures are there without the picture.

use chrono::{Days, NaiveDate};

use super::calendar::{IsoWeek, YearMonth};
use super::format::{format_cents, format_hours_range, format_tenths};
use super::money::{
    MonthlySpend, cumulative_budget_cents, monthly_lines_spend_cents, monthly_run_rate_cents,
    months_elapsed, months_over_run_rate, plan_months, projected_year_end_cents,
};
use super::time::{WeeklyHours, last_complete_week};
use super::{CategoryId, Plan};

/// How many complete weeks a weekly chart's summary reads out.
const SUMMARY_WEEKS: u64 = 4;

/// "Learning, hours per week: 17.3, 22.8, 15.5, 17.0 in the last four
/// weeks; target 15–20 h", for one category or, with `None`, all of them.
/// The weeks are the four complete ISO weeks before today's, oldest first.
pub fn weekly_hours_summary(
    name: &str,
    weekly: &WeeklyHours,
    category: Option<CategoryId>,
    (min, max): (f64, f64),
    today: NaiveDate,
) -> String {
    let target = format_hours_range(min, max);
    if weekly.is_empty() {
        return format!("{name}, hours per week: nothing logged yet; target {target}");
    }
    let last = last_complete_week(today).monday();
    let hours: Vec<String> = (0..SUMMARY_WEEKS)
        .rev()
        .filter_map(|back| last.checked_sub_days(Days::new(7 * back)))
        .map(IsoWeek::of)
        .map(|week| {
            let hours = category.map_or_else(|| weekly.total(week), |id| weekly.hours(week, id));
            format_tenths(hours)
        })
        .collect();
    format!(
        "{name}, hours per week: {} in the last four weeks; target {target}",
        hours.join(", ")
    )
}

/// "Spend per month: Sep 2026 $423.50, Oct 2026 $211.00, Nov 2026 $255.00 so
/// far; the monthly lines went over the $300.00 run-rate in 2 months of the
/// plan year (Jun 2026, Sep 2026)": the last three months up to this one.
pub fn monthly_spend_summary(plan: &Plan, spend: &MonthlySpend, today: NaiveDate) -> String {
    let symbol = &plan.currency_symbol;
    let this_month = YearMonth::of(today);
    let months: Vec<YearMonth> = plan_months(plan.start_date)
        .into_iter()
        .filter(|month| *month <= this_month)
        .collect();
    let shown: Vec<String> = months
        .iter()
        .rev()
        .take(3)
        .rev()
        .map(|month| {
            let so_far = if *month == this_month { " so far" } else { "" };
            format!(
                "{} {}{so_far}",
                month.label(),
                format_cents(spend.total(*month), symbol)
            )
        })
        .collect();
    let run_rate = format_cents(monthly_run_rate_cents(plan), symbol);
    let mut text = if shown.is_empty() {
        "Spend per month: the plan year has not begun".to_owned()
    } else {
        format!("Spend per month: {}", shown.join(", "))
    };
    let over: Vec<String> = months_over_run_rate(plan, spend)
        .into_iter()
        .filter(|month| *month <= this_month)
        .map(YearMonth::label)
        .collect();
    if over.is_empty() {
        text.push_str(&format!(
            "; the monthly lines stayed within the {run_rate} run-rate every month"
        ));
    } else {
        let months_word = if over.len() == 1 { "month" } else { "months" };
        text.push_str(&format!(
            "; the monthly lines went over the {run_rate} run-rate in {} {months_word} of the \
             plan year ({})",
            over.len(),
            over.join(", ")
        ));
    }
    if months.contains(&this_month) {
        text.push_str(&format!(
            "; this month {} on them",
            format_cents(monthly_lines_spend_cents(plan, spend, this_month), symbol)
        ));
    }
    text
}

/// "Cumulative spend: $2,345.00 so far, against $2,700.00 budgeted to the
/// end of this month; the year-end projection is $3,289.11 of the $4,100.00
/// annual budget".
pub fn cumulative_spend_summary(plan: &Plan, spend: &MonthlySpend, today: NaiveDate) -> String {
    let symbol = &plan.currency_symbol;
    let elapsed = months_elapsed(plan.start_date, today);
    let spent: i64 = plan_months(plan.start_date)
        .iter()
        .take(elapsed)
        .map(|month| spend.total(*month))
        .sum();
    let mut text = format!(
        "Cumulative spend: {} so far, against {} budgeted to the end of this month",
        format_cents(spent, symbol),
        format_cents(cumulative_budget_cents(plan, elapsed), symbol)
    );
    let annual = format_cents(super::money::annual_budget_cents(plan), symbol);
    match projected_year_end_cents(plan, spend, today) {
        Some(projected) => text.push_str(&format!(
            "; the year-end projection is {} of the {annual} annual budget",
            format_cents(projected, symbol)
        )),
        None => text.push_str(&format!("; the annual budget is {annual}")),
    }
    text
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::money::monthly_spend;
    use crate::model::time::weekly_hours;
    use crate::model::{CategoryId, EntryId, TimeCategory, TimeEntry};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn plan() -> Plan {
        let mut plan = Plan::empty("Test", day(2026, 1, 1));
        plan.time_categories.push(TimeCategory {
            id: CategoryId(1),
            name: "Learning".to_owned(),
            weekly_min_hours: 15.0,
            weekly_max_hours: 20.0,
        });
        plan
    }

    #[test]
    fn an_empty_log_says_so() {
        let plan = plan();
        let weekly = weekly_hours(&plan);
        assert_eq!(
            weekly_hours_summary(
                "Learning",
                &weekly,
                Some(CategoryId(1)),
                (15.0, 20.0),
                day(2026, 3, 4)
            ),
            "Learning, hours per week: nothing logged yet; target 15–20 h"
        );
        let spend = monthly_spend(&plan);
        assert_eq!(
            monthly_spend_summary(&plan, &spend, day(2025, 12, 1)),
            "Spend per month: the plan year has not begun; the monthly lines stayed within \
             the $0.00 run-rate every month"
        );
    }

    #[test]
    fn weeks_without_hours_read_as_zero_and_halves_round_up() {
        let mut plan = plan();
        // Wednesday 4 March: the last four complete weeks are W06–W09
        // (2 Feb – 1 Mar). 2.25 h on Tue 24 Feb (W09) only.
        plan.time_entries.push(TimeEntry {
            id: EntryId(1),
            date: day(2026, 2, 24),
            category: CategoryId(1),
            hours: 2.25,
            note: String::new(),
        });
        let weekly = weekly_hours(&plan);
        assert_eq!(
            weekly_hours_summary(
                "Learning",
                &weekly,
                Some(CategoryId(1)),
                (15.0, 20.0),
                day(2026, 3, 4)
            ),
            "Learning, hours per week: 0.0, 0.0, 0.0, 2.3 in the last four weeks; target 15–20 h"
        );
    }
}

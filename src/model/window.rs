//! Which weeks and months a success metric judges, for the Overview's
//! metrics and `yearplan report` alike.
//!
//! [`WeeksInRange`](super::MetricMeasure::WeeksInRange) judges the last
//! `weeks` *complete* ISO weeks before today's week, keeping only weeks that
//! lie wholly inside the plan year (see [`judged_weeks`]). The week in
//! progress is left out because on a Tuesday every category is still under
//! its weekly target; a partial first or last week of the plan year is left
//! out because a weekly target cannot be met in the four days a year
//! starting on a Thursday gives it. A week *reaches its targets* when every
//! time category's hours reach its weekly minimum: hours over the top of a
//! range are shown as over (blue), but more effort is not a miss.
//!
//! [`MonthsWithinRunRate`](super::MetricMeasure::MonthsWithinRunRate) judges
//! the last `months` complete calendar months before today's month among the
//! months that have a day in the plan year (see [`judged_months`]), the same
//! months the Budget tab holds against the run-rate. A month is *within*
//! when its spend on the lines that are not one-time caps is at most the
//! run-rate, as in
//! [`months_over_run_rate`](super::money::months_over_run_rate). Unlike a
//! week, a partial first month is judged: subscriptions bill a whole month
//! whichever day the plan started.
//!
//! Both count against the full `weeks` or `months`: a metric looking at 4
//! weeks shows 1/4 after the first good week, and is met only when all 4 of
//! the last 4 were good.

use chrono::{Datelike, Days, NaiveDate};

use super::calendar::{IsoWeek, YearMonth, plan_end};
use super::money::plan_months;

/// `value` as a count of items, saturating rather than failing on a 16-bit
/// target.
pub(super) fn count(value: u32) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

/// The first Monday on or after `date`.
fn monday_on_or_after(date: NaiveDate) -> NaiveDate {
    let ahead = (7 - date.weekday().num_days_from_monday()) % 7;
    date.checked_add_days(Days::new(u64::from(ahead)))
        .unwrap_or(NaiveDate::MAX)
}

/// The ISO weeks a [`WeeksInRange`](super::MetricMeasure::WeeksInRange)
/// metric looking at `weeks` weeks judges on `today`, oldest first: the last `weeks` complete weeks
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

/// The calendar months a
/// [`MonthsWithinRunRate`](super::MetricMeasure::MonthsWithinRunRate) metric
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn week(year: i32, week: u32) -> IsoWeek {
        IsoWeek { year, week }
    }

    fn month(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
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
}

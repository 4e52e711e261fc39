//! Weeks, months and the quarters of a plan year.
//!
//! Overflow policy: every function here is total. A date that would fall
//! outside chrono's range saturates to [`NaiveDate::MIN`] or
//! [`NaiveDate::MAX`] rather than returning an `Option`, because callers draw
//! calendars and a clamped date is harmless there, while an `Option` on every
//! week and month would spread error handling that can never matter for a
//! real plan. Week and month fields are public, so values that name no real
//! week or month are given a meaning too (see each type).

use chrono::{Datelike, Months, NaiveDate};

use super::Quarter;

/// Days since 1 January of year 1 as a date, saturating at chrono's limits.
fn date_from_days(days: i64) -> NaiveDate {
    let min = i64::from(NaiveDate::MIN.num_days_from_ce());
    let max = i64::from(NaiveDate::MAX.num_days_from_ce());
    let clamped = days.clamp(min, max);
    i32::try_from(clamped)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(if days < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

/// The date chrono cannot represent for `year`, on the side it overflows.
fn saturate(year: i32) -> NaiveDate {
    if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    }
}

fn is_leap_year(year: i32) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// An ISO 8601 week: weeks start on Monday, and week 1 is the week holding the
/// year's first Thursday, so the last days of December can belong to week 1
/// of the next year and the first days of January to week 52 or 53.
///
/// A `week` beyond the year's last week (or 0) counts on from week 1 of
/// `year`, so `2026-W00` is the Monday-week before `2026-W01`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    pub year: i32,
    pub week: u32,
}

impl IsoWeek {
    pub fn of(date: NaiveDate) -> IsoWeek {
        let iso = date.iso_week();
        IsoWeek {
            year: iso.year(),
            week: iso.week(),
        }
    }

    /// Days from the common era to this week's Monday, unbounded so the
    /// caller can add a few days to it before clamping once.
    fn monday_days(self) -> i64 {
        // Far enough outside chrono's range that adding a week stays outside.
        const BEYOND: i64 = 1_000;
        if self.year > NaiveDate::MAX.year() {
            return i64::from(NaiveDate::MAX.num_days_from_ce()) + BEYOND;
        }
        if self.year < NaiveDate::MIN.year() {
            return i64::from(NaiveDate::MIN.num_days_from_ce()) - BEYOND;
        }
        // 4 January is always in week 1, and exists for every year in range.
        let Some(jan4) = NaiveDate::from_ymd_opt(self.year, 1, 4) else {
            return i64::from(saturate(self.year).num_days_from_ce());
        };
        let week1_monday =
            i64::from(jan4.num_days_from_ce()) - i64::from(jan4.weekday().num_days_from_monday());
        week1_monday + (i64::from(self.week) - 1) * 7
    }

    pub fn monday(self) -> NaiveDate {
        date_from_days(self.monday_days())
    }

    pub fn sunday(self) -> NaiveDate {
        date_from_days(self.monday_days() + 6)
    }

    /// The following week. Saturates: the last week chrono can represent is
    /// its own successor, so loops over weeks must also stop on no progress.
    #[must_use]
    pub fn next(self) -> IsoWeek {
        IsoWeek::of(date_from_days(self.monday_days() + 7))
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        IsoWeek::of(date) == self
    }
}

impl std::fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A calendar month. A `month` outside 1–12 is read as the nearest real month
/// (0 as January, 13 as December) so that no value of the public fields panics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    fn month_number(self) -> u32 {
        self.month.clamp(1, 12)
    }

    pub fn days_in_month(self) -> u32 {
        match self.month_number() {
            2 if is_leap_year(self.year) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month_number(), 1)
            .unwrap_or_else(|| saturate(self.year))
    }

    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month_number(), self.days_in_month())
            .unwrap_or_else(|| saturate(self.year))
    }

    #[must_use]
    pub fn next(self) -> YearMonth {
        if self.month_number() == 12 {
            YearMonth {
                year: self.year.saturating_add(1),
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month_number() + 1,
            }
        }
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        date.year() == self.year && date.month() == self.month_number()
    }

    /// The month as people read it on a chart axis: "Mar 2026".
    pub fn label(self) -> String {
        let index = usize::try_from(self.month_number() - 1).unwrap_or(0);
        let name = MONTH_ABBREVIATIONS.get(index).copied().unwrap_or("Jan");
        format!("{name} {}", self.year)
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month_number())
    }
}

/// `start` plus `months` calendar months, or `None` past chrono's range.
///
/// chrono clamps to the end of a shorter month: 31 January plus one month is
/// 28 (or 29) February. Quarters are therefore always counted from the plan's
/// start, never chained from the previous quarter, so a plan starting on
/// 31 January has Q2 on 30 April but Q3 back on 31 July.
fn months_after(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(months))
}

/// Months from the plan's start to the start of `quarter`.
fn quarter_offset_months(quarter: Quarter) -> u32 {
    match quarter {
        Quarter::Q1 => 0,
        Quarter::Q2 => 3,
        Quarter::Q3 => 6,
        Quarter::Q4 => 9,
    }
}

/// The first day of `quarter` of the plan year starting on `plan_start`:
/// the start plus three months per quarter before it.
pub fn quarter_start(plan_start: NaiveDate, quarter: Quarter) -> NaiveDate {
    months_after(plan_start, quarter_offset_months(quarter)).unwrap_or(NaiveDate::MAX)
}

/// The last day of `quarter` (inclusive): the day before the next quarter
/// starts, so quarters tile the plan year with no gap and no overlap.
pub fn quarter_end(plan_start: NaiveDate, quarter: Quarter) -> NaiveDate {
    day_before(months_after(plan_start, quarter_offset_months(quarter) + 3))
}

/// The last day of the plan year (inclusive): start plus twelve months, less
/// a day. A plan starting on 29 February 2024 ends on 27 February 2025,
/// because chrono clamps "29 February 2025" to the 28th, which is then the
/// first day of the following plan year.
pub fn plan_end(plan_start: NaiveDate) -> NaiveDate {
    day_before(months_after(plan_start, 12))
}

/// The day before `next_start`; a next start past chrono's range means the
/// current span runs to the end of the calendar.
fn day_before(next_start: Option<NaiveDate>) -> NaiveDate {
    next_start.map_or(NaiveDate::MAX, |next| {
        next.pred_opt().unwrap_or(NaiveDate::MIN)
    })
}

/// The quarter of the plan year holding `date`, or `None` outside the year.
pub fn quarter_of(plan_start: NaiveDate, date: NaiveDate) -> Option<Quarter> {
    Quarter::ALL.into_iter().find(|&quarter| {
        quarter_start(plan_start, quarter) <= date && date <= quarter_end(plan_start, quarter)
    })
}

/// Where a day stands in the plan year, written to follow "Plan year:".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearPosition {
    /// The plan year starts in `days` days.
    Before { days: i64 },
    /// Week `week` of `weeks` (the year's weeks counted from its first day,
    /// the last one short), with `days_left` days to go, today included.
    Within {
        week: i64,
        weeks: i64,
        days_left: i64,
    },
    /// The plan year ended `days` days ago.
    After { days: i64 },
}

impl YearPosition {
    pub fn of(plan_start: NaiveDate, today: NaiveDate) -> YearPosition {
        let end = plan_end(plan_start);
        if today < plan_start {
            YearPosition::Before {
                days: (plan_start - today).num_days(),
            }
        } else if today > end {
            YearPosition::After {
                days: (today - end).num_days(),
            }
        } else {
            let length = (end - plan_start).num_days() + 1;
            YearPosition::Within {
                week: (today - plan_start).num_days() / 7 + 1,
                weeks: (length + 6) / 7,
                days_left: (end - today).num_days() + 1,
            }
        }
    }

    /// Whether the plan year is over.
    pub fn has_ended(self) -> bool {
        matches!(self, YearPosition::After { .. })
    }
}

impl std::fmt::Display for YearPosition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let days = |n: i64| {
            if n == 1 {
                "1 day".to_owned()
            } else {
                format!("{n} days")
            }
        };
        match *self {
            YearPosition::Before { days: n } => write!(f, "starts in {}", days(n)),
            YearPosition::Within {
                week,
                weeks,
                days_left,
            } => write!(f, "week {week} of {weeks} · {} left", days(days_left)),
            YearPosition::After { days: n } => write!(f, "ended {} ago", days(n)),
        }
    }
}

/// 1 January of `today`'s year: the start a new plan is offered.
pub fn first_day_of_year(today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn week(year: i32, week: u32) -> IsoWeek {
        IsoWeek { year, week }
    }

    #[test]
    fn where_a_day_stands_in_the_plan_year() {
        let start = date(2026, 1, 1);
        let at = |day| YearPosition::of(start, day).to_string();
        // 3 December is day 337: 336 days after the start, in week 49;
        // 3 to 31 December are 29 days. 365 days make 53 weeks, one short.
        assert_eq!(at(date(2026, 12, 3)), "week 49 of 53 · 29 days left");
        assert_eq!(at(date(2026, 1, 1)), "week 1 of 53 · 365 days left");
        assert_eq!(at(date(2026, 1, 7)), "week 1 of 53 · 359 days left");
        assert_eq!(at(date(2026, 1, 8)), "week 2 of 53 · 358 days left");
        assert_eq!(at(date(2026, 12, 31)), "week 53 of 53 · 1 day left");
        assert_eq!(at(date(2027, 1, 1)), "ended 1 day ago");
        assert_eq!(at(date(2027, 1, 11)), "ended 11 days ago");
        assert_eq!(at(date(2025, 12, 31)), "starts in 1 day");
        assert!(YearPosition::of(start, date(2027, 1, 1)).has_ended());
        assert!(!YearPosition::of(start, date(2026, 12, 31)).has_ended());
        // A leap year has 366 days: still 53 weeks, the last of two days.
        let leap = date(2028, 1, 1);
        assert_eq!(
            YearPosition::of(leap, date(2028, 12, 30)).to_string(),
            "week 53 of 53 · 2 days left"
        );
        // A plan year from 1 July runs to 30 June.
        assert_eq!(
            YearPosition::of(date(2026, 7, 1), date(2027, 6, 30)).to_string(),
            "week 53 of 53 · 1 day left"
        );
    }

    #[test]
    fn iso_weeks_at_year_ends() {
        assert_eq!(IsoWeek::of(date(2020, 12, 31)), week(2020, 53));
        assert_eq!(IsoWeek::of(date(2021, 1, 3)), week(2020, 53));
        assert_eq!(IsoWeek::of(date(2021, 1, 4)), week(2021, 1));
        assert_eq!(IsoWeek::of(date(2024, 12, 30)), week(2025, 1));
        assert_eq!(IsoWeek::of(date(2026, 1, 1)), week(2026, 1));
        assert_eq!(IsoWeek::of(date(2025, 12, 29)), week(2026, 1));
    }

    #[test]
    fn iso_week_monday_and_sunday() {
        assert_eq!(week(2020, 53).monday(), date(2020, 12, 28));
        assert_eq!(week(2020, 53).sunday(), date(2021, 1, 3));
        assert_eq!(week(2025, 1).monday(), date(2024, 12, 30));
        assert_eq!(week(2026, 1).monday(), date(2025, 12, 29));
        assert_eq!(week(2026, 1).sunday(), date(2026, 1, 4));
        assert_eq!(week(2026, 10).monday(), date(2026, 3, 2));
    }

    #[test]
    fn iso_week_next_crosses_year_ends() {
        assert_eq!(week(2020, 53).next(), week(2021, 1));
        assert_eq!(week(2024, 52).next(), week(2025, 1));
        assert_eq!(week(2026, 52).next(), week(2026, 53));
        assert_eq!(week(2026, 53).next(), week(2027, 1));
        // Out-of-range week numbers count on from week 1 and normalise.
        assert_eq!(week(2026, 0).next(), week(2026, 1));
    }

    #[test]
    fn iterating_weeks_across_year_ends_visits_each_week_once() {
        // 2020 has 53 ISO weeks, 2021 has 52.
        let mut current = week(2020, 50);
        let mut seen = vec![current];
        while current < week(2021, 3) {
            current = current.next();
            seen.push(current);
        }
        let expected = vec![
            week(2020, 50),
            week(2020, 51),
            week(2020, 52),
            week(2020, 53),
            week(2021, 1),
            week(2021, 2),
            week(2021, 3),
        ];
        assert_eq!(seen, expected);
        for pair in seen.windows(2) {
            assert_eq!(
                pair[1].monday() - pair[0].monday(),
                chrono::TimeDelta::days(7)
            );
        }
    }

    #[test]
    fn iso_week_display() {
        assert_eq!(week(2026, 1).to_string(), "2026-W01");
        assert_eq!(week(2020, 53).to_string(), "2020-W53");
    }

    #[test]
    fn iso_week_never_panics_at_calendar_limits() {
        let first = IsoWeek::of(NaiveDate::MIN);
        let last = IsoWeek::of(NaiveDate::MAX);
        assert_eq!(first.monday(), NaiveDate::MIN);
        assert!(last.sunday() <= NaiveDate::MAX);
        assert_eq!(last.next(), last);
        let wild = week(i32::MAX, u32::MAX);
        assert_eq!(wild.monday(), NaiveDate::MAX);
        assert_eq!(wild.next(), last);
        assert_eq!(week(i32::MIN, 0).sunday(), NaiveDate::MIN);
    }

    #[test]
    fn month_lengths_follow_the_leap_year_rule() {
        let feb = |year| YearMonth { year, month: 2 };
        assert_eq!(feb(2024).last_day(), date(2024, 2, 29));
        assert_eq!(feb(2025).last_day(), date(2025, 2, 28));
        assert_eq!(feb(2100).last_day(), date(2100, 2, 28));
        assert_eq!(feb(2000).last_day(), date(2000, 2, 29));
        assert_eq!(
            YearMonth {
                year: 2026,
                month: 4
            }
            .last_day(),
            date(2026, 4, 30)
        );
        assert_eq!(
            YearMonth {
                year: 2026,
                month: 12
            }
            .last_day(),
            date(2026, 12, 31)
        );
        assert_eq!(
            YearMonth {
                year: 2026,
                month: 3
            }
            .first_day(),
            date(2026, 3, 1)
        );
    }

    #[test]
    fn year_month_of_next_and_display() {
        assert_eq!(
            YearMonth::of(date(2026, 3, 17)),
            YearMonth {
                year: 2026,
                month: 3
            }
        );
        assert_eq!(
            YearMonth {
                year: 2026,
                month: 12
            }
            .next(),
            YearMonth {
                year: 2027,
                month: 1
            }
        );
        assert_eq!(
            YearMonth {
                year: 2026,
                month: 1
            }
            .next(),
            YearMonth {
                year: 2026,
                month: 2
            }
        );
        assert_eq!(
            YearMonth {
                year: 2026,
                month: 3
            }
            .to_string(),
            "2026-03"
        );
        assert_eq!(
            YearMonth {
                year: 2026,
                month: 3
            }
            .label(),
            "Mar 2026"
        );
        assert_eq!(
            YearMonth {
                year: 2026,
                month: 12
            }
            .label(),
            "Dec 2026"
        );
        assert!(
            YearMonth {
                year: 2024,
                month: 2
            }
            .contains(date(2024, 2, 29))
        );
        assert!(
            !YearMonth {
                year: 2024,
                month: 2
            }
            .contains(date(2024, 3, 1))
        );
    }

    #[test]
    fn year_month_never_panics() {
        let odd = YearMonth {
            year: 2026,
            month: 0,
        };
        assert_eq!(odd.first_day(), date(2026, 1, 1));
        let odd = YearMonth {
            year: 2026,
            month: 99,
        };
        assert_eq!(odd.last_day(), date(2026, 12, 31));
        assert_eq!(
            odd.next(),
            YearMonth {
                year: 2027,
                month: 1
            }
        );
        assert_eq!(
            YearMonth {
                year: i32::MAX,
                month: 2
            }
            .first_day(),
            NaiveDate::MAX
        );
        assert_eq!(
            YearMonth {
                year: i32::MIN,
                month: 2
            }
            .last_day(),
            NaiveDate::MIN
        );
        assert_eq!(YearMonth::of(NaiveDate::MAX).last_day(), NaiveDate::MAX);
        assert_eq!(YearMonth::of(NaiveDate::MIN).first_day(), NaiveDate::MIN);
        let _ = YearMonth {
            year: i32::MAX,
            month: 12,
        }
        .next();
    }

    #[test]
    fn quarters_of_a_calendar_year_plan() {
        let start = date(2026, 1, 1);
        assert_eq!(quarter_start(start, Quarter::Q1), date(2026, 1, 1));
        assert_eq!(quarter_end(start, Quarter::Q1), date(2026, 3, 31));
        assert_eq!(quarter_start(start, Quarter::Q2), date(2026, 4, 1));
        assert_eq!(quarter_end(start, Quarter::Q2), date(2026, 6, 30));
        assert_eq!(quarter_start(start, Quarter::Q3), date(2026, 7, 1));
        assert_eq!(quarter_end(start, Quarter::Q3), date(2026, 9, 30));
        assert_eq!(quarter_start(start, Quarter::Q4), date(2026, 10, 1));
        assert_eq!(quarter_end(start, Quarter::Q4), date(2026, 12, 31));
        assert_eq!(plan_end(start), date(2026, 12, 31));
    }

    #[test]
    fn quarters_are_counted_from_the_start_not_chained() {
        let start = date(2026, 1, 31);
        assert_eq!(quarter_start(start, Quarter::Q2), date(2026, 4, 30));
        assert_eq!(quarter_end(start, Quarter::Q1), date(2026, 4, 29));
        assert_eq!(quarter_start(start, Quarter::Q3), date(2026, 7, 31));
        assert_eq!(quarter_end(start, Quarter::Q2), date(2026, 7, 30));
        assert_eq!(quarter_start(start, Quarter::Q4), date(2026, 10, 31));
        assert_eq!(quarter_end(start, Quarter::Q4), date(2027, 1, 30));
        assert_eq!(plan_end(start), date(2027, 1, 30));
    }

    #[test]
    fn a_plan_starting_on_a_leap_day() {
        let start = date(2024, 2, 29);
        assert_eq!(quarter_start(start, Quarter::Q2), date(2024, 5, 29));
        assert_eq!(quarter_end(start, Quarter::Q1), date(2024, 5, 28));
        assert_eq!(quarter_start(start, Quarter::Q3), date(2024, 8, 29));
        assert_eq!(quarter_start(start, Quarter::Q4), date(2024, 11, 29));
        // 29 Feb 2025 does not exist: the next plan year starts on the 28th.
        assert_eq!(quarter_end(start, Quarter::Q4), date(2025, 2, 27));
        assert_eq!(plan_end(start), date(2025, 2, 27));
        assert_eq!(quarter_of(start, date(2025, 2, 27)), Some(Quarter::Q4));
        assert_eq!(quarter_of(start, date(2025, 2, 28)), None);
        assert_eq!(quarter_of(start, date(2024, 2, 28)), None);
        assert_eq!(quarter_of(start, date(2024, 2, 29)), Some(Quarter::Q1));
    }

    #[test]
    fn quarter_of_finds_the_quarter_at_its_edges() {
        let start = date(2026, 1, 1);
        assert_eq!(quarter_of(start, date(2025, 12, 31)), None);
        assert_eq!(quarter_of(start, date(2026, 1, 1)), Some(Quarter::Q1));
        assert_eq!(quarter_of(start, date(2026, 3, 31)), Some(Quarter::Q1));
        assert_eq!(quarter_of(start, date(2026, 4, 1)), Some(Quarter::Q2));
        assert_eq!(quarter_of(start, date(2026, 9, 30)), Some(Quarter::Q3));
        assert_eq!(quarter_of(start, date(2026, 12, 31)), Some(Quarter::Q4));
        assert_eq!(quarter_of(start, date(2027, 1, 1)), None);
    }

    #[test]
    fn plan_arithmetic_never_panics_at_calendar_limits() {
        let late = NaiveDate::MAX.pred_opt().unwrap();
        assert_eq!(quarter_start(late, Quarter::Q1), late);
        assert_eq!(quarter_start(late, Quarter::Q4), NaiveDate::MAX);
        assert_eq!(quarter_end(late, Quarter::Q1), NaiveDate::MAX);
        assert_eq!(plan_end(late), NaiveDate::MAX);
        assert_eq!(quarter_of(late, NaiveDate::MAX), Some(Quarter::Q1));
        assert_eq!(
            quarter_of(NaiveDate::MIN, NaiveDate::MIN),
            Some(Quarter::Q1)
        );
        assert_eq!(quarter_of(NaiveDate::MAX, NaiveDate::MIN), None);
        for quarter in Quarter::ALL {
            assert!(quarter_start(NaiveDate::MAX, quarter) <= quarter_end(NaiveDate::MAX, quarter));
        }
    }

    #[test]
    fn first_day_of_year_is_new_year() {
        assert_eq!(first_day_of_year(date(2026, 3, 2)), date(2026, 1, 1));
        assert_eq!(first_day_of_year(date(2024, 12, 31)), date(2024, 1, 1));
        assert_eq!(first_day_of_year(NaiveDate::MAX).ordinal(), 1);
        assert_eq!(first_day_of_year(NaiveDate::MIN), NaiveDate::MIN);
    }
}

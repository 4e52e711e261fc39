//! Hours logged per ISO week and category, and how they stand against the
//! weekly targets.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::calendar::{IsoWeek, plan_end};
use super::{CategoryId, Plan};

/// Hours per ISO week and category, summed once from the plan's time entries
/// so the UI reads them without walking every entry each frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeeklyHours {
    by_week: BTreeMap<IsoWeek, BTreeMap<CategoryId, f64>>,
    /// The same per day, for "today".
    by_day: BTreeMap<NaiveDate, BTreeMap<CategoryId, f64>>,
}

impl WeeklyHours {
    /// Hours logged in `week` against `category`; 0 when none.
    pub fn hours(&self, week: IsoWeek, category: CategoryId) -> f64 {
        self.by_week
            .get(&week)
            .and_then(|categories| categories.get(&category))
            .copied()
            .unwrap_or(0.0)
    }

    /// Hours logged in `week` across all categories.
    pub fn total(&self, week: IsoWeek) -> f64 {
        self.by_week
            .get(&week)
            .map_or(0.0, |categories| categories.values().sum())
    }

    /// Hours logged on `date` against `category`; 0 when none.
    pub fn day_hours(&self, date: NaiveDate, category: CategoryId) -> f64 {
        self.by_day
            .get(&date)
            .and_then(|categories| categories.get(&category))
            .copied()
            .unwrap_or(0.0)
    }

    /// Hours logged on `date` across all categories.
    pub fn day_total(&self, date: NaiveDate) -> f64 {
        self.by_day
            .get(&date)
            .map_or(0.0, |categories| categories.values().sum())
    }

    /// The weeks that have at least one entry, earliest first.
    pub fn weeks(&self) -> impl Iterator<Item = IsoWeek> + '_ {
        self.by_week.keys().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.by_week.is_empty()
    }
}

pub fn weekly_hours(plan: &Plan) -> WeeklyHours {
    let mut by_week: BTreeMap<IsoWeek, BTreeMap<CategoryId, f64>> = BTreeMap::new();
    let mut by_day: BTreeMap<NaiveDate, BTreeMap<CategoryId, f64>> = BTreeMap::new();
    for entry in &plan.time_entries {
        *by_week
            .entry(IsoWeek::of(entry.date))
            .or_default()
            .entry(entry.category)
            .or_insert(0.0) += entry.hours;
        *by_day
            .entry(entry.date)
            .or_default()
            .entry(entry.category)
            .or_insert(0.0) += entry.hours;
    }
    WeeklyHours { by_week, by_day }
}

/// What becomes of the entries of a time category being removed (see
/// `TimeCommand::RemoveCategory`). It lives here rather than beside the
/// command because the command's own module is private to `model`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntriesFate {
    /// They are kept, counted from now on against another category.
    MoveTo(CategoryId),
    Delete,
}

/// Where a week's hours stand against a target range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TargetState {
    Under,
    InRange,
    Over,
}

/// How far a sum of hours may stray from a target edge and still count as on
/// it. Summing logged floats drifts (0.1 + 0.2 ≠ 0.3), so 14.999999999 must
/// count as 15. A millionth of an hour is far below anything a person logs,
/// and wide enough to absorb the drift of thousands of additions.
pub const HOURS_TOLERANCE: f64 = 1e-6;

/// `min_hours` and `max_hours` are both inclusive. Hours that are not a
/// number count as under, so a corrupt sum never shows as on target.
pub fn target_state(hours: f64, min_hours: f64, max_hours: f64) -> TargetState {
    if hours.is_nan() || hours < min_hours - HOURS_TOLERANCE {
        TargetState::Under
    } else if hours > max_hours + HOURS_TOLERANCE {
        TargetState::Over
    } else {
        TargetState::InRange
    }
}

/// The weekly target of all categories together, as (min, max) hours.
pub fn weekly_target_total(plan: &Plan) -> (f64, f64) {
    plan.time_categories
        .iter()
        .fold((0.0, 0.0), |(min_hours, max_hours), category| {
            (
                min_hours + category.weekly_min_hours,
                max_hours + category.weekly_max_hours,
            )
        })
}

/// The ISO week before the one holding `today`: the latest week whose hours
/// can no longer grow. Saturates at the first week chrono can represent.
pub fn last_complete_week(today: NaiveDate) -> IsoWeek {
    IsoWeek::of(
        today
            .checked_sub_days(Days::new(7))
            .unwrap_or(NaiveDate::MIN),
    )
}

/// The mean weekly hours over the `weeks` consecutive ISO weeks that end with
/// `last_week`, for one category or, with `None`, all categories together.
///
/// Weeks with nothing logged count as zero hours: a week off lowers the
/// average, as it should. No weeks at all average to zero.
///
/// Only the weeks that have entries are visited, so the cost does not grow
/// with `weeks`; a window reaching past the start of the calendar still
/// divides by `weeks`, since those weeks hold nothing either.
pub fn rolling_average_hours(
    weekly: &WeeklyHours,
    category: Option<CategoryId>,
    last_week: IsoWeek,
    weeks: u32,
) -> f64 {
    if weeks == 0 {
        return 0.0;
    }
    // Through a date, so that a week number beyond the year's last (which
    // `IsoWeek` allows) finds the same key the entries were summed under.
    let last_monday = last_week.monday();
    let last = IsoWeek::of(last_monday);
    let first = IsoWeek::of(
        last_monday
            .checked_sub_days(Days::new((u64::from(weeks) - 1) * 7))
            .unwrap_or(NaiveDate::MIN),
    );
    // Cannot happen, as dates and weeks order alike; `range` would panic.
    if first > last {
        return 0.0;
    }
    let sum: f64 = weekly
        .by_week
        .range(first..=last)
        .map(|(_, categories)| match category {
            Some(category) => categories.get(&category).copied().unwrap_or(0.0),
            None => categories.values().sum(),
        })
        .sum();
    sum / f64::from(weeks)
}

/// How many more hours reach `min_hours`: zero once reached (within
/// [`HOURS_TOLERANCE`], as in [`target_state`]), never negative. Hours that
/// are not a number count as none logged, as `target_state` counts them under.
pub fn hours_to_minimum(hours: f64, min_hours: f64) -> f64 {
    if hours.is_nan() {
        return min_hours.max(0.0);
    }
    if hours >= min_hours - HOURS_TOLERANCE {
        return 0.0;
    }
    (min_hours - hours).max(0.0)
}

/// Every ISO week that has at least one day in the plan year starting on
/// `plan_start`, in order. The first and last weeks are usually partial.
pub fn plan_weeks(plan_start: NaiveDate) -> Vec<IsoWeek> {
    let last = IsoWeek::of(plan_end(plan_start));
    let mut week = IsoWeek::of(plan_start);
    let mut weeks = vec![week];
    while week < last {
        let next = week.next();
        // `next` saturates at the end of the calendar; stop rather than spin.
        if next == week {
            break;
        }
        week = next;
        weeks.push(week);
    }
    weeks
}

/// Why a name typed for a category (on the command line) names none.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CategoryMatchError {
    #[error("the plan has no time category {typed:?}; its categories are {known}")]
    Unknown { typed: String, known: String },
    #[error("{typed:?} could be {candidates}; write more of the name")]
    Ambiguous { typed: String, candidates: String },
    #[error("the plan has no time categories yet; add one in the Time tab")]
    NoCategories,
}

impl Plan {
    /// The category `typed` names: its name in any case, or the start of
    /// exactly one category's name (`learn` for Learning).
    pub fn find_category(&self, typed: &str) -> Result<CategoryId, CategoryMatchError> {
        let folded = typed.trim().to_lowercase();
        let names = || {
            self.time_categories
                .iter()
                .map(|category| (category.id, category.name.to_lowercase()))
        };
        if self.time_categories.is_empty() {
            return Err(CategoryMatchError::NoCategories);
        }
        if let Some((id, _)) = names().find(|(_, name)| *name == folded) {
            return Ok(id);
        }
        let starting: Vec<CategoryId> = names()
            .filter(|(_, name)| !folded.is_empty() && name.starts_with(&folded))
            .map(|(id, _)| id)
            .collect();
        let listed = |ids: &mut dyn Iterator<Item = CategoryId>| {
            ids.filter_map(|id| self.category(id))
                .map(|category| category.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match starting.as_slice() {
            [one] => Ok(*one),
            [] => Err(CategoryMatchError::Unknown {
                typed: typed.trim().to_owned(),
                known: listed(&mut self.time_categories.iter().map(|category| category.id)),
            }),
            _ => Err(CategoryMatchError::Ambiguous {
                typed: typed.trim().to_owned(),
                candidates: listed(&mut starting.iter().copied()),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::{TimeCategory, TimeEntry};

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn entry(date: NaiveDate, category: u64, hours: f64) -> TimeEntry {
        TimeEntry {
            id: Default::default(),
            date,
            category: CategoryId(category),
            hours,
            note: String::new(),
        }
    }

    fn category(id: u64, name: &str, min_hours: f64, max_hours: f64) -> TimeCategory {
        TimeCategory {
            id: CategoryId(id),
            name: name.to_owned(),
            weekly_min_hours: min_hours,
            weekly_max_hours: max_hours,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn hours_are_summed_per_iso_week_and_category() {
        let mut plan = Plan::empty("Test", date(2026, 1, 1));
        plan.time_entries = vec![
            // Mon 29 Dec 2025 and Sun 4 Jan 2026 are both in 2026-W01.
            entry(date(2025, 12, 29), 1, 2.0),
            entry(date(2026, 1, 4), 1, 1.5),
            entry(date(2026, 1, 1), 2, 3.0),
            // Mon 5 Jan 2026 starts 2026-W02.
            entry(date(2026, 1, 5), 1, 4.0),
        ];
        let weekly = weekly_hours(&plan);
        let w1 = IsoWeek {
            year: 2026,
            week: 1,
        };
        let w2 = IsoWeek {
            year: 2026,
            week: 2,
        };
        assert!(close(weekly.hours(w1, CategoryId(1)), 3.5));
        assert!(close(weekly.hours(w1, CategoryId(2)), 3.0));
        assert!(close(weekly.total(w1), 6.5));
        assert!(close(weekly.hours(w2, CategoryId(1)), 4.0));
        assert!(close(weekly.hours(w2, CategoryId(2)), 0.0));
        assert!(close(weekly.total(w2), 4.0));
        let w3 = IsoWeek {
            year: 2026,
            week: 3,
        };
        assert!(close(weekly.total(w3), 0.0));
        assert_eq!(weekly.weeks().collect::<Vec<_>>(), vec![w1, w2]);
        assert!(!weekly.is_empty());
        assert!(weekly_hours(&Plan::empty("Empty", date(2026, 1, 1))).is_empty());
    }

    #[test]
    fn target_edges_are_inclusive() {
        use TargetState::{InRange, Over, Under};
        assert_eq!(target_state(15.0, 15.0, 20.0), InRange);
        assert_eq!(target_state(14.99, 15.0, 20.0), Under);
        assert_eq!(target_state(20.0, 15.0, 20.0), InRange);
        assert_eq!(target_state(20.01, 15.0, 20.0), Over);
        assert_eq!(target_state(17.5, 15.0, 20.0), InRange);
        assert_eq!(target_state(0.0, 15.0, 20.0), Under);
        assert_eq!(target_state(5.0, 5.0, 5.0), InRange);
        assert_eq!(target_state(4.9, 5.0, 5.0), Under);
        assert_eq!(target_state(5.1, 5.0, 5.0), Over);
        assert_eq!(target_state(f64::NAN, 15.0, 20.0), Under);
    }

    #[test]
    fn float_drift_at_an_edge_counts_as_on_it() {
        use TargetState::{InRange, Over};
        assert_eq!(target_state(14.999_999_999, 15.0, 20.0), InRange);
        assert_eq!(target_state(20.000_000_001, 15.0, 20.0), InRange);
        assert_ne!(0.1 + 0.2, 0.3);
        assert_eq!(target_state(0.1 + 0.2, 0.3, 0.3), InRange);

        // 150 entries of 0.1 h do not add up to exactly 15.0 in f64.
        let mut plan = Plan::empty("Test", date(2026, 1, 5));
        plan.time_entries = (0..150).map(|_| entry(date(2026, 1, 5), 1, 0.1)).collect();
        let week = IsoWeek::of(date(2026, 1, 5));
        let sum = weekly_hours(&plan).hours(week, CategoryId(1));
        assert!(sum.to_bits() != 15.0_f64.to_bits());
        assert_eq!(target_state(sum, 15.0, 20.0), InRange);
        // 200 entries of 0.1 h are 20 h, still in range rather than over.
        plan.time_entries = (0..200).map(|_| entry(date(2026, 1, 5), 1, 0.1)).collect();
        let sum = weekly_hours(&plan).hours(week, CategoryId(1));
        assert_eq!(target_state(sum, 15.0, 20.0), InRange);
        assert_eq!(target_state(sum + 0.05, 15.0, 20.0), Over);
    }

    #[test]
    fn weekly_target_total_sums_the_categories() {
        let mut plan = Plan::empty("Test", date(2026, 1, 1));
        assert_eq!(weekly_target_total(&plan), (0.0, 0.0));
        plan.time_categories = vec![
            category(1, "Learning", 15.0, 20.0),
            category(2, "Building", 10.0, 15.0),
            category(3, "Review/Documentation", 5.0, 5.0),
        ];
        let (min_hours, max_hours) = weekly_target_total(&plan);
        assert!(close(min_hours, 30.0));
        assert!(close(max_hours, 40.0));
    }

    fn week(year: i32, week: u32) -> IsoWeek {
        IsoWeek { year, week }
    }

    #[test]
    fn a_week_that_straddles_new_year_is_one_week() {
        // 2020-W53 runs from Mon 28 Dec 2020 to Sun 3 Jan 2021; 2021-W01
        // starts on Mon 4 Jan 2021.
        let mut plan = Plan::empty("Test", date(2020, 12, 1));
        plan.time_entries = vec![
            entry(date(2020, 12, 27), 1, 1.0),
            entry(date(2020, 12, 28), 1, 2.0),
            entry(date(2020, 12, 31), 2, 0.5),
            entry(date(2021, 1, 1), 1, 1.25),
            entry(date(2021, 1, 3), 1, 3.0),
            entry(date(2021, 1, 4), 1, 4.0),
        ];
        let weekly = weekly_hours(&plan);
        assert_eq!(
            weekly.weeks().collect::<Vec<_>>(),
            [week(2020, 52), week(2020, 53), week(2021, 1)]
        );
        // 2 + 1.25 + 3 = 6.25 for category 1; plus 0.5 for category 2.
        assert!(close(weekly.hours(week(2020, 53), CategoryId(1)), 6.25));
        assert!(close(weekly.total(week(2020, 53)), 6.75));
        assert!(close(weekly.hours(week(2021, 1), CategoryId(1)), 4.0));
        assert!(close(weekly.hours(week(2020, 52), CategoryId(1)), 1.0));
    }

    #[test]
    fn summed_entries_meet_the_target_edges_exactly() {
        use TargetState::{InRange, Over, Under};
        let monday = date(2026, 3, 2);
        let tuesday = date(2026, 3, 3);
        let state = |first: f64, second: f64, min_hours: f64, max_hours: f64| {
            let mut plan = Plan::empty("Test", date(2026, 1, 1));
            plan.time_entries = vec![entry(monday, 1, first), entry(tuesday, 1, second)];
            let hours = weekly_hours(&plan).hours(IsoWeek::of(monday), CategoryId(1));
            target_state(hours, min_hours, max_hours)
        };
        // Learning, 15–20 h.
        assert_eq!(state(7.5, 7.5, 15.0, 20.0), InRange);
        assert_eq!(state(7.5, 7.49, 15.0, 20.0), Under);
        assert_eq!(state(10.0, 10.0, 15.0, 20.0), InRange);
        assert_eq!(state(10.0, 10.01, 15.0, 20.0), Over);
        // Review/Documentation, 5–5 h.
        assert_eq!(state(2.5, 2.5, 5.0, 5.0), InRange);
        assert_eq!(state(1.5, 3.5, 5.0, 5.0), InRange);
        assert_eq!(state(2.5, 2.49, 5.0, 5.0), Under);
        assert_eq!(state(2.5, 2.51, 5.0, 5.0), Over);
    }

    #[test]
    fn the_last_complete_week_is_the_one_before_today() {
        // Mon 2 Mar 2026 opens 2026-W10 (W01 began Mon 29 Dec 2025).
        assert_eq!(last_complete_week(date(2026, 3, 2)), week(2026, 9));
        assert_eq!(last_complete_week(date(2026, 3, 4)), week(2026, 9));
        assert_eq!(last_complete_week(date(2026, 3, 8)), week(2026, 9));
        assert_eq!(last_complete_week(date(2026, 3, 9)), week(2026, 10));
        // Across new year, into a 53-week year.
        assert_eq!(last_complete_week(date(2021, 1, 4)), week(2020, 53));
        assert_eq!(last_complete_week(date(2021, 1, 3)), week(2020, 52));
        assert_eq!(last_complete_week(date(2026, 1, 1)), week(2025, 52));
        // Saturates rather than panicking at the start of the calendar.
        assert_eq!(
            last_complete_week(NaiveDate::MIN),
            IsoWeek::of(NaiveDate::MIN)
        );
    }

    /// Weeks 2020-W50 to 2021-W02, with 2020-W52 empty.
    fn weekly_across_new_year() -> WeeklyHours {
        let mut plan = Plan::empty("Test", date(2020, 12, 1));
        plan.time_entries = vec![
            entry(date(2020, 12, 13), 1, 10.0), // Sun, 2020-W50
            entry(date(2020, 12, 15), 1, 3.0),  // 2020-W51
            entry(date(2020, 12, 31), 1, 5.0),  // 2020-W53
            entry(date(2021, 1, 2), 1, 2.5),    // Sat, 2020-W53
            entry(date(2021, 1, 4), 1, 4.0),    // Mon, 2021-W01
            entry(date(2021, 1, 10), 2, 1.5),   // Sun, 2021-W01
            entry(date(2021, 1, 11), 1, 8.0),   // Mon, 2021-W02
        ];
        weekly_hours(&plan)
    }

    #[test]
    fn four_week_average_across_new_year_counts_empty_weeks_as_zero() {
        let weekly = weekly_across_new_year();
        let learning = Some(CategoryId(1));
        // 2020-W51 + W52 + W53 + 2021-W01 = (3 + 0 + 7.5 + 4) / 4.
        assert!(close(
            rolling_average_hours(&weekly, learning, week(2021, 1), 4),
            3.625
        ));
        // Building logged only 1.5 h in 2021-W01: 1.5 / 4.
        assert!(close(
            rolling_average_hours(&weekly, Some(CategoryId(2)), week(2021, 1), 4),
            0.375
        ));
        // All categories: (3 + 0 + 7.5 + 5.5) / 4.
        assert!(close(
            rolling_average_hours(&weekly, None, week(2021, 1), 4),
            4.0
        ));
        // A category with no entries at all.
        assert!(close(
            rolling_average_hours(&weekly, Some(CategoryId(9)), week(2021, 1), 4),
            0.0
        ));
        // Ending on 2020-W53: W50 + W51 + W52 + W53 = (10 + 3 + 0 + 7.5) / 4.
        assert!(close(
            rolling_average_hours(&weekly, learning, week(2020, 53), 4),
            5.125
        ));
        // One-week and two-week windows.
        assert!(close(
            rolling_average_hours(&weekly, learning, week(2020, 53), 1),
            7.5
        ));
        assert!(close(
            rolling_average_hours(&weekly, learning, week(2021, 1), 2),
            5.75
        ));
        // Four weeks that are all empty.
        assert!(close(
            rolling_average_hours(&weekly, learning, week(2020, 40), 4),
            0.0
        ));
        assert!(close(
            rolling_average_hours(&WeeklyHours::default(), None, week(2021, 1), 4),
            0.0
        ));
    }

    #[test]
    fn rolling_average_edge_cases() {
        let weekly = weekly_across_new_year();
        let learning = Some(CategoryId(1));
        assert!(close(
            rolling_average_hours(&weekly, learning, week(2021, 1), 0),
            0.0
        ));
        // "2020-W54" and "2021-W00" are read through their Mondays, as
        // 2021-W01 and 2020-W53.
        assert!(close(
            rolling_average_hours(&weekly, learning, week(2020, 54), 4),
            3.625
        ));
        assert!(close(
            rolling_average_hours(&weekly, learning, week(2021, 0), 1),
            7.5
        ));
        // A window of every week there is, ending 2021-W01: all of category
        // 1 up to then (10 + 3 + 7.5 + 4 = 24.5) over u32::MAX weeks, and
        // quickly, because only weeks with entries are visited.
        let average = rolling_average_hours(&weekly, learning, week(2021, 1), u32::MAX);
        assert_eq!(average, 24.5 / f64::from(u32::MAX));
        // At the ends of the calendar, nothing panics.
        for last_week in [
            IsoWeek::of(NaiveDate::MIN),
            IsoWeek::of(NaiveDate::MAX),
            week(i32::MIN, 0),
            week(i32::MAX, u32::MAX),
        ] {
            let average = rolling_average_hours(&weekly, None, last_week, 4);
            assert!(average.is_finite() && average >= 0.0);
        }
    }

    #[test]
    fn hours_still_needed_to_reach_the_minimum() {
        assert!(close(hours_to_minimum(10.0, 15.0), 5.0));
        assert!(close(hours_to_minimum(0.0, 15.0), 15.0));
        assert!(close(hours_to_minimum(14.99, 15.0), 0.01));
        assert_eq!(hours_to_minimum(15.0, 15.0), 0.0);
        assert_eq!(hours_to_minimum(22.0, 15.0), 0.0);
        assert_eq!(hours_to_minimum(5.0, 5.0), 0.0);
        assert_eq!(hours_to_minimum(3.0, 0.0), 0.0);
        // Float drift that `target_state` counts as on the edge needs nothing more.
        assert_eq!(hours_to_minimum(14.999_999_999, 15.0), 0.0);
        assert_eq!(hours_to_minimum(f64::NAN, 15.0), 15.0);
        assert_eq!(hours_to_minimum(2.0, f64::NAN), 0.0);
    }

    #[test]
    fn plan_weeks_cover_the_plan_year() {
        // 1 Jan 2026 is a Thursday, so 2026 has 53 ISO weeks; 31 Dec 2026 is
        // a Thursday in 2026-W53.
        let weeks = plan_weeks(date(2026, 1, 1));
        assert_eq!(weeks.len(), 53);
        assert_eq!(
            weeks.first(),
            Some(&IsoWeek {
                year: 2026,
                week: 1
            })
        );
        assert_eq!(
            weeks.last(),
            Some(&IsoWeek {
                year: 2026,
                week: 53
            })
        );
        assert!(weeks.windows(2).all(|pair| pair[0] < pair[1]));

        // 1 Jan 2021 (Friday) is in 2020-W53; 31 Dec 2021 (Friday) in 2021-W52.
        let weeks = plan_weeks(date(2021, 1, 1));
        assert_eq!(weeks.len(), 53);
        assert_eq!(
            weeks.first(),
            Some(&IsoWeek {
                year: 2020,
                week: 53
            })
        );
        assert_eq!(
            weeks.last(),
            Some(&IsoWeek {
                year: 2021,
                week: 52
            })
        );

        // A plan from Mon 4 Jan 2021 ends on Mon 3 Jan 2022: 52 whole weeks
        // plus the single day that opens 2022-W01.
        let weeks = plan_weeks(date(2021, 1, 4));
        assert_eq!(plan_end(date(2021, 1, 4)), date(2022, 1, 3));
        assert_eq!(weeks.len(), 53);
        assert_eq!(
            weeks.last(),
            Some(&IsoWeek {
                year: 2022,
                week: 1
            })
        );
    }

    #[test]
    fn plan_weeks_end_at_the_calendar_limit() {
        let weeks = plan_weeks(NaiveDate::MAX);
        assert_eq!(weeks, vec![IsoWeek::of(NaiveDate::MAX)]);
        let late = NaiveDate::MAX - chrono::Days::new(20);
        let weeks = plan_weeks(late);
        assert!(!weeks.is_empty() && weeks.len() <= 5);
    }
}

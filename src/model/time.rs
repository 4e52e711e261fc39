//! Hours logged per ISO week and category, and how they stand against the
//! weekly targets.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::calendar::{IsoWeek, plan_end};
use super::{CategoryId, Plan};

/// Hours per ISO week and category, summed once from the plan's time entries
/// so the UI reads them without walking every entry each frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeeklyHours {
    by_week: BTreeMap<IsoWeek, BTreeMap<CategoryId, f64>>,
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
    for entry in &plan.time_entries {
        *by_week
            .entry(IsoWeek::of(entry.date))
            .or_default()
            .entry(entry.category)
            .or_insert(0.0) += entry.hours;
    }
    WeeklyHours { by_week }
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

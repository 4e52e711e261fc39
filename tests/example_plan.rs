//! The example plan shipped in `assets/examples/`: half a year of realistic
//! use of the seed plan, for screenshots and for a new user to explore.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;

use common::date;
use yearplan::io;
use yearplan::model::calendar::{IsoWeek, YearMonth};
use yearplan::model::sample::example_plan;
use yearplan::model::time::{TargetState, target_state, weekly_hours};
use yearplan::model::{CategoryId, Plan};

const EXAMPLE: &str = include_str!("../assets/examples/example-plan.ron");

fn example() -> Plan {
    io::parse_plan(EXAMPLE).unwrap()
}

#[test]
fn the_example_file_is_what_the_generator_makes() {
    // Regenerate with: to_ron_string(&example_plan(&default_plan(..))).
    let seed = io::default_plan(date(2026, 11, 27));
    let generated = io::to_ron_string(&example_plan(&seed)).unwrap();
    assert!(
        generated == EXAMPLE,
        "assets/examples/example-plan.ron is out of date"
    );
}

#[test]
fn the_example_has_thirty_weeks_of_hours_with_a_holiday_gap() {
    let plan = example();
    let weeks: BTreeSet<IsoWeek> = plan
        .time_entries
        .iter()
        .map(|entry| IsoWeek::of(entry.date))
        .collect();
    let first = *weeks.first().unwrap();
    let last = *weeks.last().unwrap();
    assert_eq!(first, IsoWeek::of(plan.start_date));
    // 30 weeks from the first to the last, two of them without any entry.
    let mut span = 1;
    let mut week = first;
    while week != last {
        week = week.next();
        span += 1;
    }
    assert_eq!(span, 30);
    assert_eq!(weeks.len(), 28);
}

#[test]
fn the_example_has_weeks_under_in_and_over_the_learning_target() {
    let plan = example();
    let weekly = weekly_hours(&plan);
    let learning = plan.category(CategoryId(1)).unwrap();
    let states: BTreeSet<String> = weekly
        .weeks()
        .map(|week| {
            let hours = weekly.hours(week, learning.id);
            format!(
                "{:?}",
                target_state(hours, learning.weekly_min_hours, learning.weekly_max_hours)
            )
        })
        .collect();
    for state in [TargetState::Under, TargetState::InRange, TargetState::Over] {
        assert!(states.contains(&format!("{state:?}")), "no week {state:?}");
    }
}

#[test]
fn the_example_has_expenses_in_every_month_of_its_half_year() {
    let plan = example();
    let months: BTreeSet<YearMonth> = plan
        .expenses
        .iter()
        .map(|expense| YearMonth::of(expense.date))
        .collect();
    let mut month = YearMonth::of(plan.start_date);
    for _ in 0..7 {
        assert!(months.contains(&month), "no expense in {month}");
        month = month.next();
    }
}

//! The timer in the plan: starting and stopping it, what it records (rounded
//! to the minute, split at midnight, never more than 24 hours a day), its
//! line in the file, and how two copies with timers merge. Every figure is
//! worked out by hand in the comment beside it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::date;
use yearplan::io;
use yearplan::model::command::{Command, TimeCommand};
use yearplan::model::merge::merge;
use yearplan::model::time::EntriesFate;
use yearplan::model::timer::{self, Timer};
use yearplan::model::validate::validate;
use yearplan::model::{CategoryId, EntryId, Plan, TimeEntry};

const LEARNING: CategoryId = CategoryId(1);
const BUILDING: CategoryId = CategoryId(2);

fn at(day: NaiveDate, hour: u32, minute: u32, second: u32) -> NaiveDateTime {
    day.and_hms_opt(hour, minute, second).unwrap()
}

fn thursday() -> NaiveDate {
    date(2026, 12, 3)
}

fn plan() -> Plan {
    io::default_plan(date(2026, 1, 1))
}

fn start(plan: &mut Plan, category: CategoryId, note: &str, when: NaiveDateTime) -> bool {
    let changed = plan
        .apply(&Command::Time(TimeCommand::StartTimer {
            category,
            note: note.to_owned(),
            at: when,
            seed: 7,
        }))
        .unwrap();
    validate(plan).unwrap();
    changed
}

fn stop(plan: &mut Plan, when: NaiveDateTime) {
    plan.apply(&Command::Time(TimeCommand::StopTimer {
        at: when,
        seed: 11,
    }))
    .unwrap();
    validate(plan).unwrap();
}

/// (date, hours, note) of every entry, in order.
fn entries(plan: &Plan) -> Vec<(NaiveDate, CategoryId, f64, &str)> {
    plan.time_entries
        .iter()
        .map(|entry| (entry.date, entry.category, entry.hours, entry.note.as_str()))
        .collect()
}

#[test]
fn stop_records_the_run_rounded_to_the_minute() {
    let mut plan = plan();
    assert!(start(
        &mut plan,
        LEARNING,
        "  OTP book ",
        at(thursday(), 9, 15, 0)
    ));
    let running = plan.timer.clone().unwrap();
    assert_eq!(running.note, "OTP book", "the note is trimmed");
    assert_eq!(running.started, at(thursday(), 9, 15, 0));
    // 09:15:00 to 10:57:20 is 1:42:20, 102 minutes: 1.7 h.
    stop(&mut plan, at(thursday(), 10, 57, 20));
    assert_eq!(plan.timer, None);
    assert_eq!(entries(&plan), [(thursday(), LEARNING, 1.7, "OTP book")]);
    assert_ne!(plan.time_entries[0].id, EntryId(0));
}

#[test]
fn the_start_is_kept_to_the_second() {
    let mut plan = plan();
    let with_nanos = at(thursday(), 9, 15, 3) + chrono::Duration::nanoseconds(123_456_789);
    start(&mut plan, LEARNING, "", with_nanos);
    assert_eq!(plan.timer.unwrap().started, at(thursday(), 9, 15, 3));
}

#[test]
fn starting_another_stops_the_first_and_records_it() {
    let mut plan = plan();
    start(&mut plan, LEARNING, "", at(thursday(), 9, 0, 0));
    // The same category and note again changes nothing.
    assert!(!start(&mut plan, LEARNING, "", at(thursday(), 9, 30, 0)));
    start(&mut plan, BUILDING, "CI", at(thursday(), 10, 30, 0));
    assert_eq!(entries(&plan), [(thursday(), LEARNING, 1.5, "")]);
    let running = plan.timer.unwrap();
    assert_eq!((running.category, running.note.as_str()), (BUILDING, "CI"));
    assert_eq!(running.started, at(thursday(), 10, 30, 0));
}

#[test]
fn a_run_across_midnight_is_one_entry_per_day() {
    let mut plan = plan();
    let friday = date(2026, 12, 4);
    // 22:30 to 01:15: 90 minutes on Thursday, 75 on Friday.
    start(&mut plan, LEARNING, "late", at(thursday(), 22, 30, 0));
    stop(&mut plan, at(friday, 1, 15, 0));
    assert_eq!(
        entries(&plan),
        [
            (thursday(), LEARNING, 1.5, "late"),
            (friday, LEARNING, 1.25, "late")
        ]
    );
    let ids: Vec<EntryId> = plan.time_entries.iter().map(|e| e.id).collect();
    assert_ne!(ids[0], ids[1]);
}

#[test]
fn under_a_minute_records_nothing_and_says_so() {
    let mut plan = plan();
    start(&mut plan, LEARNING, "", at(thursday(), 9, 0, 0));
    let stopped = timer::stop(&plan, at(thursday(), 9, 0, 59), 1).unwrap();
    assert!(stopped.entries.is_empty());
    assert_eq!(
        stopped.describe(&plan),
        "The timer ran under a minute; nothing was recorded."
    );
    stop(&mut plan, at(thursday(), 9, 0, 59));
    assert!(plan.time_entries.is_empty());
    assert_eq!(plan.timer, None, "the timer is stopped all the same");
}

#[test]
fn a_day_never_holds_more_than_24_hours_because_of_a_timer() {
    let mut plan = plan();
    plan.time_entries.push(TimeEntry {
        id: EntryId(5),
        date: thursday(),
        category: BUILDING,
        hours: 23.5,
        note: String::new(),
    });
    // 08:00 to 10:00 is 120 minutes, but the day has room for 30.
    start(&mut plan, LEARNING, "", at(thursday(), 8, 0, 0));
    let stopped = timer::stop(&plan, at(thursday(), 10, 0, 0), 3).unwrap();
    assert_eq!(
        stopped.describe(&plan),
        "Recorded 0:30 of Learning on Thu 3 Dec 2026. \
         Left out 1:30 on Thu 3 Dec 2026: a day holds at most 24 hours."
    );
    stop(&mut plan, at(thursday(), 10, 0, 0));
    assert_eq!(entries(&plan)[1], (thursday(), LEARNING, 0.5, ""));
    let day: f64 = plan.time_entries.iter().map(|e| e.hours).sum();
    assert!((day - 24.0).abs() < 1e-9);
}

#[test]
fn a_full_day_is_skipped_and_the_next_day_recorded() {
    let mut plan = plan();
    plan.time_entries.push(TimeEntry {
        id: EntryId(5),
        date: thursday(),
        category: BUILDING,
        hours: 24.0,
        note: String::new(),
    });
    // 23:00 to 00:45: Thursday's hour is left out, Friday's 45 minutes kept.
    start(&mut plan, LEARNING, "", at(thursday(), 23, 0, 0));
    let stopped = timer::stop(&plan, at(date(2026, 12, 4), 0, 45, 0), 3).unwrap();
    assert_eq!(
        stopped.describe(&plan),
        "Recorded 0:45 of Learning on Fri 4 Dec 2026. \
         Left out 1:00 on Thu 3 Dec 2026: a day holds at most 24 hours."
    );
}

#[test]
fn a_timer_stopped_before_its_start_records_nothing() {
    // Started on another machine whose clock runs ahead.
    let mut plan = plan();
    start(&mut plan, LEARNING, "", at(thursday(), 18, 0, 0));
    let stopped = timer::stop(&plan, at(thursday(), 17, 0, 0), 1).unwrap();
    assert!(stopped.entries.is_empty());
    assert!(stopped.describe(&plan).contains("before its start"));
}

#[test]
fn a_run_of_more_than_a_month_is_refused_not_recorded_day_by_day() {
    let mut plan = plan();
    start(&mut plan, LEARNING, "", at(date(2026, 10, 1), 9, 0, 0));
    let before = plan.clone();
    let refused = plan.apply(&Command::Time(TimeCommand::StopTimer {
        at: at(thursday(), 9, 0, 0),
        seed: 1,
    }));
    assert!(
        refused
            .unwrap_err()
            .to_string()
            .contains("more than 31 days")
    );
    assert_eq!(plan, before);
    // Discarding it always works.
    plan.apply(&Command::Time(TimeCommand::DiscardTimer))
        .unwrap();
    assert_eq!(plan.timer, None);
}

#[test]
fn a_timer_on_a_missing_category_is_refused() {
    let mut plan = plan();
    let before = plan.clone();
    let refused = plan.apply(&Command::Time(TimeCommand::StartTimer {
        category: CategoryId(99),
        note: String::new(),
        at: at(thursday(), 9, 0, 0),
        seed: 1,
    }));
    assert!(refused.is_err());
    assert_eq!(plan, before);
}

#[test]
fn the_timer_follows_its_category_when_that_is_removed() {
    let mut plan = plan();
    start(&mut plan, LEARNING, "", at(thursday(), 9, 0, 0));
    let mut moved = plan.clone();
    moved
        .apply(&Command::Time(TimeCommand::RemoveCategory {
            category: LEARNING,
            entries: EntriesFate::MoveTo(BUILDING),
        }))
        .unwrap();
    assert_eq!(moved.timer.as_ref().unwrap().category, BUILDING);
    validate(&moved).unwrap();
    plan.apply(&Command::Time(TimeCommand::RemoveCategory {
        category: LEARNING,
        entries: EntriesFate::Delete,
    }))
    .unwrap();
    assert_eq!(plan.timer, None);
    validate(&plan).unwrap();
}

#[test]
fn the_timer_is_one_line_of_the_file_and_reads_back() {
    let mut plan = plan();
    start(
        &mut plan,
        LEARNING,
        "Chapter \"3\"",
        at(thursday(), 9, 15, 7),
    );
    let text = io::to_ron_string(&plan).unwrap();
    assert!(
        text.contains(
            "\n    timer: (category: 1, note: \"Chapter \\\"3\\\"\", started: \"2026-12-03T09:15:07\"),\n    time_entries: ["
        ),
        "{text}"
    );
    assert_eq!(io::parse_plan(&text).unwrap(), plan);
    // None: no line at all.
    let none = io::to_ron_string(&self::plan()).unwrap();
    assert!(!none.contains("timer"));
}

#[test]
fn a_timer_written_by_hand_reads_with_or_without_seconds() {
    let text = io::to_ron_string(&plan()).unwrap().replace(
        "    time_entries: [",
        "    timer: Some((category: 2, started: \"2026-12-03 09:15\")),\n    time_entries: [",
    );
    let read = io::parse_plan(&text).unwrap();
    assert_eq!(
        read.timer,
        Some(Timer {
            category: BUILDING,
            note: String::new(),
            started: at(thursday(), 9, 15, 0),
        })
    );
}

#[test]
fn a_bad_timer_in_the_file_is_refused_with_a_clear_message() {
    let base = io::to_ron_string(&plan()).unwrap();
    let with = |timer: &str| {
        base.replace(
            "    time_entries: [",
            &format!("    timer: {timer},\n    time_entries: ["),
        )
    };
    let bad_time = io::parse_plan(&with("(category: 1, started: \"yesterday at nine\")"))
        .unwrap_err()
        .to_string();
    assert!(
        bad_time.contains("\"yesterday at nine\" is not a local date and time"),
        "{bad_time}"
    );
    let bad_category = io::parse_plan(&with("(category: 9, started: \"2026-12-03T09:15:00\")"))
        .unwrap_err()
        .to_string();
    assert!(
        bad_category.contains("the timer: runs on time category 9, which the plan does not have"),
        "{bad_category}"
    );
    let bad_year = io::parse_plan(&with("(category: 1, started: \"1066-10-14T09:00:00\")"))
        .unwrap_err()
        .to_string();
    assert!(
        bad_year.contains("the timer: start 1066-10-14"),
        "{bad_year}"
    );
}

#[test]
fn a_format_3_file_reads_as_one_with_no_timer() {
    let text = io::to_ron_string(&plan())
        .unwrap()
        .replace("format_version: 5,", "format_version: 3,");
    let read = io::parse_plan(&text).unwrap();
    assert_eq!(read.timer, None);
    assert_eq!(read.format_version, yearplan::model::FORMAT_VERSION);
}

#[test]
fn a_timer_started_on_one_side_merges_with_hours_logged_on_the_other() {
    let base = plan();
    let mut mine = base.clone();
    start(&mut mine, LEARNING, "", at(thursday(), 9, 0, 0));
    let mut theirs = base.clone();
    theirs.time_entries.push(TimeEntry {
        id: EntryId(77),
        date: thursday(),
        category: BUILDING,
        hours: 2.0,
        note: String::new(),
    });
    let merged = merge(&base, &mine, &theirs).unwrap();
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.plan.timer, mine.timer);
    assert_eq!(merged.plan.time_entries, theirs.time_entries);

    // Stopped on one side, left alone on the other: stopped, with its entry.
    let mut stopped = mine.clone();
    stop(&mut stopped, at(thursday(), 10, 0, 0));
    let merged = merge(&mine, &stopped, &mine).unwrap();
    assert_eq!(merged.plan, stopped);
    let said = yearplan::model::merge::changes(&mine, &stopped).to_string();
    assert!(said.contains("the timer stopped"), "{said}");
    assert!(said.contains("1 hour entry added"), "{said}");
}

#[test]
fn timers_started_on_both_sides_are_a_conflict_mine_kept() {
    let base = plan();
    let mut mine = base.clone();
    start(&mut mine, LEARNING, "", at(thursday(), 9, 0, 0));
    let mut theirs = base.clone();
    start(&mut theirs, BUILDING, "", at(thursday(), 9, 5, 0));
    let merged = merge(&base, &mine, &theirs).unwrap();
    assert_eq!(merged.plan.timer, mine.timer);
    let conflicts: Vec<String> = merged.conflicts.iter().map(ToString::to_string).collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert!(
        conflicts[0].contains("timer: mine running since Thu 3 Dec 2026 09:00, theirs running since Thu 3 Dec 2026 09:05"),
        "{conflicts:?}"
    );
}

#[test]
fn a_category_deleted_on_one_side_is_kept_while_the_other_times_it() {
    let base = plan();
    let mut mine = base.clone();
    start(&mut mine, BUILDING, "", at(thursday(), 9, 0, 0));
    let mut theirs = base.clone();
    theirs
        .time_categories
        .retain(|category| category.id != BUILDING);
    let merged = merge(&base, &mine, &theirs).unwrap();
    assert!(merged.plan.category(BUILDING).is_some());
    assert!(
        merged
            .kept
            .iter()
            .any(|said| said.contains("the timer runs on it")),
        "{:?}",
        merged.kept
    );
    validate(&merged.plan).unwrap();
}

mod properties {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// However long it ran and however full its days were, a stop
        /// records the run rounded to the minute, less only what its days
        /// had no room for; one entry per day, in order, on the days it
        /// ran; and no day it touched ends above 24 hours.
        #[test]
        fn a_stop_records_the_rounded_run_and_never_overfills_a_day(
            start_minute in 0_i64..(3 * 1440),
            start_second in 0_i64..60,
            run_secs in 0_i64..(4 * 86_400),
            logged in proptest::collection::vec((0_i64..6, 0_u32..=96), 0..8),
        ) {
            let first = date(2026, 11, 30);
            let started = at(first, 0, 0, 0)
                + chrono::Duration::minutes(start_minute)
                + chrono::Duration::seconds(start_second);
            let stopped_at = started + chrono::Duration::seconds(run_secs);
            let mut plan = plan();
            // Hours already logged, in quarter hours, at most 24 h a day.
            let mut day_totals: BTreeMap<NaiveDate, f64> = BTreeMap::new();
            for (index, (day, quarters)) in logged.into_iter().enumerate() {
                let on = first + chrono::Days::new(u64::try_from(day).unwrap());
                let total = day_totals.entry(on).or_insert(0.0);
                let hours = (f64::from(quarters) / 4.0).min(24.0 - *total);
                if hours > 0.0 {
                    *total += hours;
                    plan.time_entries.push(TimeEntry {
                        id: EntryId(1000 + index as u64),
                        date: on,
                        category: BUILDING,
                        hours,
                        note: String::new(),
                    });
                }
            }
            let logged_entries = plan.time_entries.len();
            plan.timer = Some(Timer { category: LEARNING, note: String::new(), started });
            let stopped = timer::stop(&plan, stopped_at, 42).unwrap();

            let minutes = if run_secs < 60 { 0 } else { (run_secs + 30) / 60 };
            let cut: i64 = stopped.cut.iter().map(|share| share.minutes).sum();
            prop_assert_eq!(stopped.recorded_minutes() + cut, minutes);
            let dates: Vec<NaiveDate> = stopped.entries.iter().map(|e| e.date).collect();
            prop_assert!(dates.windows(2).all(|pair| pair[0] < pair[1]));
            prop_assert!(dates.iter().all(|d| *d >= started.date() && *d <= stopped_at.date()));

            plan.apply(&Command::Time(TimeCommand::StopTimer { at: stopped_at, seed: 42 })).unwrap();
            validate(&plan).unwrap();
            prop_assert_eq!(plan.time_entries.len(), logged_entries + stopped.entries.len());
            let mut totals: BTreeMap<NaiveDate, f64> = BTreeMap::new();
            for entry in &plan.time_entries {
                *totals.entry(entry.date).or_insert(0.0) += entry.hours;
            }
            for (day, total) in totals {
                prop_assert!(total <= 24.0 + 1e-9, "{} holds {} h", day, total);
            }
        }
    }
}

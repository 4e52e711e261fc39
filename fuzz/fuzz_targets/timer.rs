//! The timer and what `yearplan log` and `yearplan timer` read: bytes as
//! the text of HOURS, CATEGORY and `--at TIME`, and as a script of timer
//! edits at moments anywhere in the years a plan accepts.
#![no_main]

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use libfuzzer_sys::fuzz_target;
use yearplan::model::command::{Command, TimeCommand};
use yearplan::model::hours::parse_hours;
use yearplan::model::timer::{self, parse_date_time};
use yearplan::model::validate::validate;
use yearplan::model::{CategoryId, Plan};

/// Six bytes an edit: what (start, stop, discard, add hours by text), the
/// category, and how far from the plan's start the moment is (three bytes
/// of minutes: up to 32 years, past the years a plan accepts).
fn edits(plan: &mut Plan, data: &[u8]) {
    let origin = NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap_or_default()
        .and_time(NaiveTime::MIN);
    for chunk in data.chunks_exact(6) {
        let minutes = i64::from(chunk[2]) << 16 | i64::from(chunk[3]) << 8 | i64::from(chunk[4]);
        let at: NaiveDateTime = origin + Duration::minutes(minutes) + Duration::seconds(i64::from(chunk[5] % 60));
        let category = CategoryId(u64::from(chunk[1] % 5));
        let before = plan.clone();
        let stopping = plan.timer.is_some() && chunk[0] % 4 != 2;
        let command = match chunk[0] % 4 {
            0 => TimeCommand::StartTimer {
                category,
                note: String::from_utf8_lossy(&chunk[1..3]).into_owned(),
                at,
                seed: u64::from(chunk[5]),
            },
            1 => TimeCommand::StopTimer { at, seed: u64::from(chunk[4]) },
            2 => TimeCommand::DiscardTimer,
            _ => {
                let Ok(hours) = parse_hours(&String::from_utf8_lossy(&chunk[1..])) else {
                    continue;
                };
                TimeCommand::AddEntry {
                    entry: yearplan::model::TimeEntry {
                        id: Default::default(),
                        date: at.date(),
                        category,
                        hours,
                        note: String::new(),
                    },
                }
            }
        };
        let expected = if stopping && chunk[0] % 4 != 3 {
            timer::stop(&before, at, 0).map(|stopped| stopped.entries.len())
        } else {
            None
        };
        match plan.apply(&Command::Time(command)) {
            Ok(changed) => {
                if let Err(error) = validate(plan) {
                    panic!("a timer edit left an invalid plan: {error}");
                }
                if !changed {
                    // Starting the timer that already runs, or stopping none.
                    assert_eq!(*plan, before, "an edit that changed nothing changed the plan");
                } else if let Some(added) = expected {
                    assert_eq!(plan.time_entries.len(), before.time_entries.len() + added);
                    // Entries the stop added never fill a day past 24 hours
                    // that was not past it already.
                    for entry in &plan.time_entries[before.time_entries.len()..] {
                        let day = |p: &Plan| -> f64 {
                            p.time_entries.iter().filter(|e| e.date == entry.date).map(|e| e.hours).sum()
                        };
                        assert!(day(plan) <= day(&before).max(24.0) + 1e-6);
                    }
                }
            }
            Err(_) => assert_eq!(*plan, before, "a refused edit changed the plan"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut plan = yearplan_fuzz::default_plan();
    let text = String::from_utf8_lossy(data);
    let _ = parse_hours(&text);
    let _ = plan.find_category(&text);
    if let Some(at) = parse_date_time(&text) {
        let _ = timer::format_date_time(at);
    }
    edits(&mut plan, data);
    if let Some(timer) = &plan.timer {
        let now = timer.started + Duration::hours(30);
        let _ = timer.running(now);
        let _ = timer::stop(&plan, now, 1).map(|stopped| stopped.describe(&plan));
    }
    yearplan_fuzz::check_plan(&plan);
});

//! The plan in the calendar: `yearplan calendar` and File → Export calendar
//! write an iCalendar file, read back here by an iCalendar parser.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::ffi::OsStr;

use chrono::{DateTime, NaiveDate, Utc};
use common::cli::{assert_no_panic, text, yearplan};
use common::date;
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use yearplan::io::{self, calendar::plan_calendar};

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-27T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// UID → (start day, summary, RRULE) of every event.
fn events(ics: &str) -> BTreeMap<String, (NaiveDate, String, Option<String>)> {
    let calendar: Calendar = ics.parse().unwrap();
    calendar
        .components
        .iter()
        .filter_map(|component| match component {
            CalendarComponent::Event(event) => Some(event),
            _ => None,
        })
        .map(|event| {
            let Some(DatePerhapsTime::Date(start)) = event.get_start() else {
                panic!("not an all-day event: {event:?}");
            };
            (
                event.get_uid().unwrap().to_owned(),
                (
                    start,
                    event.get_summary().unwrap().to_owned(),
                    event.property_value("RRULE").map(str::to_owned),
                ),
            )
        })
        .collect()
}

/// The example plan on Friday 27 November 2026, its year from 4 May 2026
/// to 3 May 2027. One task has a due date: task 7, 21 October. Fifteen
/// phases, each on the last day of its planned quarter: Q1 ends 3 August,
/// Q2 3 November, Q3 3 February, Q4 3 May. The weekly review was last on
/// 15 November, so the next was due 22 November; the monthly one on
/// 31 October, due 30 November; the quarterly one on 4 August, due
/// 4 November. Each repeats until the year's last day.
#[test]
fn the_example_plans_calendar_holds_its_due_dates_phases_and_reviews() {
    let plan = io::example_plan().unwrap();
    let ics = plan_calendar(&plan, date(2026, 11, 27), now());
    let events = events(&ics);
    assert_eq!(events.len(), 1 + 15 + 3);

    let key = "elixir-systems-mastery.2026-05-04@yearplan";
    let event = |uid: &str| events.get(&format!("{uid}.{key}")).unwrap().clone();
    assert_eq!(
        event("task-7"),
        (
            date(2026, 10, 21),
            "Due: Implement full test suite".to_owned(),
            None
        )
    );
    assert_eq!(
        event("phase-0"),
        (date(2026, 8, 3), "Done: Phase 0: Tooling".to_owned(), None)
    );
    assert_eq!(event("phase-14").0, date(2027, 5, 3));
    assert_eq!(
        event("review-1"),
        (
            date(2026, 11, 22),
            "Weekly review: Progress check against tasks".to_owned(),
            Some("FREQ=WEEKLY;UNTIL=20270503".to_owned())
        )
    );
    // Due on the 30th (a month after 31 October): each month's 30th, or
    // its last day when it has none, as Yearplan counts months.
    assert_eq!(
        event("review-2"),
        (
            date(2026, 11, 30),
            "Monthly review: Swimlane review and adjustment".to_owned(),
            Some("FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1;UNTIL=20270503".to_owned())
        )
    );
    assert_eq!(
        event("review-3"),
        (
            date(2026, 11, 4),
            "Quarterly review: Budget and timeline review".to_owned(),
            Some("FREQ=MONTHLY;INTERVAL=3;UNTIL=20270503".to_owned())
        )
    );
    // All-day events end, exclusively, on the next day.
    assert!(ics.contains("DTSTART;VALUE=DATE:20261021\r\n"), "{ics}");
    assert!(ics.contains("DTEND;VALUE=DATE:20261022\r\n"), "{ics}");
    assert!(
        ics.contains("X-WR-CALNAME:Elixir Systems Mastery\r\n"),
        "{ics}"
    );
}

/// A yearly cadence is one event, on the day after the plan year ends,
/// with no rule: the next year's plan has its own.
#[test]
fn a_yearly_cadence_is_one_event_when_the_year_is_over() {
    let mut plan = io::example_plan().unwrap();
    plan.review_cadences.push(yearplan::model::ReviewCadence {
        id: yearplan::model::CadenceId(4),
        period: yearplan::model::Period::Yearly,
        purpose: "The year summed up".to_owned(),
    });
    let events = events(&plan_calendar(&plan, date(2026, 11, 27), now()));
    assert_eq!(
        events["review-4.elixir-systems-mastery.2026-05-04@yearplan"],
        (
            date(2027, 5, 4),
            "Year-end review: The year summed up".to_owned(),
            None
        )
    );
}

/// Exported again later, after a rename and a tick, the same events carry
/// the same UIDs, so a calendar app updates them rather than adding more.
#[test]
fn exporting_again_keeps_every_uid() {
    let mut plan = io::example_plan().unwrap();
    let first = events(&plan_calendar(&plan, date(2026, 11, 27), now()));
    let task = plan
        .swimlanes
        .iter_mut()
        .flat_map(|lane| &mut lane.blocks)
        .flat_map(|block| &mut block.tasks)
        .find(|task| task.due.is_some())
        .unwrap();
    task.title = "The whole test suite".to_owned();
    task.done = true;
    let later = now() + chrono::Duration::days(3);
    let second = events(&plan_calendar(&plan, date(2026, 11, 30), later));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    let renamed = second
        .values()
        .find(|(_, summary, _)| summary.contains("The whole test suite"))
        .unwrap();
    assert_eq!(renamed.1, "Done: The whole test suite");
}

#[test]
fn the_command_writes_the_calendar_and_refuses_a_bad_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("year.plan.ron");
    io::save_plan(&plan, &io::example_plan().unwrap()).unwrap();
    let out = dir.path().join("year.ics");
    let arg = OsStr::new;
    let output = yearplan(
        &[
            arg("calendar"),
            plan.as_os_str(),
            arg("-o"),
            out.as_os_str(),
        ],
        dir.path(),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(events(&std::fs::read_to_string(&out).unwrap()).len(), 19);

    // A missing plan and a broken one: exit 1, a reason, no file written.
    for bad in ["missing.plan.ron", "broken.plan.ron"] {
        let path = dir.path().join(bad);
        if bad.starts_with("broken") {
            std::fs::write(&path, "(format_version: 4, title: ").unwrap();
        }
        let target = dir.path().join(format!("{bad}.ics"));
        let output = yearplan(
            &[
                arg("calendar"),
                path.as_os_str(),
                arg("-o"),
                target.as_os_str(),
            ],
            dir.path(),
        );
        assert_no_panic(&output);
        assert_eq!(output.status.code(), Some(1), "{bad}");
        assert!(text(&output.stderr).starts_with("yearplan: "), "{bad}");
        assert!(!target.exists(), "{bad}");
    }
}

#[test]
fn file_export_calendar_writes_the_open_plans_calendar() {
    use common::window::{app_on, choose_file, click, window};
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(io::example_plan().unwrap(), date(2026, 11, 27));
    let mut harness = window(egui_kittest::Harness::builder(), app);
    click(&mut harness, "File");
    harness.get_by_label("Export calendar…");
    let out = dir.path().join("plan.ics");
    choose_file(
        &mut harness,
        yearplan::dialogs::FilePurpose::ExportCalendar,
        &out,
    );
    let written = events(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(written.len(), 19);
    assert!(written.keys().any(|uid| uid.starts_with("review-1.")));
}

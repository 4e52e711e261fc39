//! The plan in the calendar: an iCalendar file (RFC 5545) with each task's
//! due date, each phase's planned quarter end and each review cadence as a
//! recurring event, so the calendar app does the reminding.
//!
//! Every event's UID is made of what it is (a task's or a cadence's id, a
//! phase's number) and of the plan (its title and start), never of the
//! moment: importing the file again updates the events rather than adding
//! them twice. Renaming the plan or moving its start makes new ones.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::model::calendar::{plan_end, quarter_end};
use crate::model::review::{DueStatus, cadence_due};
use crate::model::{Period, PhaseStatus, Plan};

/// The plan's calendar as iCalendar text, stamped `now`.
pub fn plan_calendar(plan: &Plan, today: NaiveDate, now: DateTime<Utc>) -> String {
    let key = plan_key(plan);
    let mut calendar = Calendar::new();
    calendar.name(plan.display_title());
    for lane in &plan.swimlanes {
        for block in &lane.blocks {
            for task in &block.tasks {
                let Some(due) = task.due else { continue };
                let summary = if task.done {
                    format!("Done: {}", task.title)
                } else {
                    format!("Due: {}", task.title)
                };
                calendar.push(day_event(
                    &format!("task-{}.{key}@yearplan", task.id.0),
                    due,
                    &summary,
                    &format!("{} · {}", lane.name, plan.display_title()),
                    now,
                ));
            }
        }
    }
    for phase in &plan.phases {
        let done = phase.status == PhaseStatus::Done;
        let summary = format!(
            "{}Phase {}: {}",
            if done { "Done: " } else { "" },
            phase.number,
            phase.name
        );
        calendar.push(day_event(
            &format!("phase-{}.{key}@yearplan", phase.number),
            quarter_end(plan.start_date, phase.quarter),
            &summary,
            &format!(
                "Planned to be done by the end of {} · {}",
                phase.quarter,
                plan.display_title()
            ),
            now,
        ));
    }
    let until = plan_end(plan.start_date).format("%Y%m%d");
    for cadence in &plan.review_cadences {
        let next = match cadence_due(plan, cadence.period, today) {
            DueStatus::NotDue { next_due } => next_due,
            DueStatus::Due { since, .. } => since,
        };
        let rule = match cadence.period {
            Period::Weekly => Some("FREQ=WEEKLY".to_owned()),
            Period::Monthly => Some(format!("FREQ=MONTHLY{}", month_day_rule(next))),
            Period::Quarterly => Some(format!("FREQ=MONTHLY;INTERVAL=3{}", month_day_rule(next))),
            // Once a plan year, when the year is over: one event, which
            // the next year's calendar follows.
            Period::Yearly => None,
        };
        let mut event = day_event(
            &format!("review-{}.{key}@yearplan", cadence.id.0),
            next,
            &format!("{}: {}", cadence.period.review_title(), cadence.purpose),
            plan.display_title(),
            now,
        );
        if let Some(rule) = rule {
            event.add_property("RRULE", format!("{rule};UNTIL={until}"));
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

/// For a monthly rule starting on the 29th, 30th or 31st: the last of those
/// days each month has, as Yearplan counts a month after a day the next month
/// lacks (31 January, then 28 February). A bare monthly rule would skip the
/// months without the day (RFC 5545 drops dates that do not exist).
fn month_day_rule(start: NaiveDate) -> String {
    let day = start.day();
    if day <= 28 {
        return String::new();
    }
    let days: Vec<String> = (28..=day).map(|day| day.to_string()).collect();
    format!(";BYMONTHDAY={};BYSETPOS=-1", days.join(","))
}

/// An event over the whole of `day`.
fn day_event(uid: &str, day: NaiveDate, summary: &str, about: &str, now: DateTime<Utc>) -> Event {
    Event::new()
        .uid(uid)
        .timestamp(now)
        .starts(day)
        // An all-day event ends, exclusively, on the next day.
        .ends(day.checked_add_days(Days::new(1)).unwrap_or(day))
        .summary(summary)
        .description(about)
        .done()
}

/// What tells this plan's events from another plan's: its title, in
/// letters and digits, and its start.
fn plan_key(plan: &Plan) -> String {
    let mut slug = String::new();
    for c in plan.display_title().chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    format!("{slug}.{}", plan.start_date.format("%Y-%m-%d"))
}

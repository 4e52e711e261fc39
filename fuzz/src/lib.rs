//! What every fuzz target does with a plan that came out of outside input:
//! the later steps a person's click can reach (validation, the figures the
//! tabs and the report show, saving and opening again, the exports) must
//! never panic on a plan that loaded.

use std::sync::OnceLock;

use chrono::{Days, NaiveDate};
use yearplan::io::csv_money::expenses_to_csv;
use yearplan::io::csv_time::time_entries_to_csv;
use yearplan::io::import::{Choices, Importable, preview};
use yearplan::io::markdown::{export_markdown, import_markdown};
use yearplan::io::{parse_plan, to_ron_string};
use yearplan::model::validate::validate;
use yearplan::model::derived::Derived;
use yearplan::model::{Expense, Period, Plan, TimeEntry, money, overview, progress, review};
use yearplan::report::{report, status_page};

/// A fixed "today" for the importers, so a run is repeatable.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap_or_default()
}

/// The plan Yearplan starts with, parsed once per process: the CSV targets
/// import into a copy of it.
pub fn default_plan() -> Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| yearplan::io::default_plan(today()))
        .clone()
}

/// Days to look at a plan on: before, inside and after its year.
fn days_around(plan: &Plan) -> Vec<NaiveDate> {
    let start = plan.start_date;
    let mut days = vec![today(), start];
    days.extend(start.checked_sub_days(Days::new(3)));
    days.extend(start.checked_add_days(Days::new(200)));
    days.extend(start.checked_add_days(Days::new(400)));
    days
}

/// Validation, the derived figures, the report and the CSV exports read
/// back, for a plan that was accepted from outside input.
pub fn check_figures(plan: &Plan) {
    if let Err(error) = validate(plan) {
        panic!(
            "a plan that loaded fails validation: {:?}",
            error.problems()
        );
    }
    let derived = Derived::of(plan);
    let _ = money::months_over_run_rate(plan, &derived.monthly_spend);
    let _ = money::cap_statuses(plan);
    for day in days_around(plan) {
        let _ = report(plan, day);
        // Whatever the plan holds, the status page has no markup of its own.
        let page = status_page(plan, day);
        assert!(!page.contains("<script"), "the status page holds a script");
        let ics = yearplan::io::calendar::plan_calendar(plan, day, chrono::DateTime::UNIX_EPOCH);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "the calendar does not begin as one");
        assert!(ics.ends_with("END:VCALENDAR\r\n"), "the calendar does not end as one");
        let _ = progress::late_phases(plan, day);
        let _ = overview::next_tasks_due(plan, day, 5);
        let _ = review::cadence_statuses(plan, day);
        for period in [Period::Weekly, Period::Monthly, Period::Quarterly, Period::Yearly] {
            let _ = review::period_summary(plan, period, day);
        }
    }
    check_own_export_adds_nothing::<TimeEntry>(plan, &time_entries_to_csv(plan));
    check_own_export_adds_nothing::<Expense>(plan, &expenses_to_csv(plan));
}

/// A plan's own CSV export, imported into it, adds nothing: every row is a
/// record it has (or hours under half a second, which no import keeps).
fn check_own_export_adds_nothing<R: Importable + std::fmt::Debug>(plan: &Plan, export: &str) {
    let again = preview::<R>(export.as_bytes(), plan, &Choices::default());
    assert!(
        again.batch.records.is_empty() && again.batch.new_buckets.is_empty(),
        "a plan's own export adds {:?} to it\n{export}",
        again.batch.records
    );
}

/// Saving writes this RON; opening it again must give the same plan, or a
/// saved plan could not be opened.
pub fn check_saved_and_opened(plan: &Plan) {
    let text = match to_ron_string(plan) {
        Ok(text) => text,
        Err(error) => panic!("a plan that loaded cannot be written: {error}"),
    };
    match parse_plan(&text) {
        Ok(opened) => assert_eq!(&opened, plan, "saving and opening changed the plan"),
        Err(error) => panic!("a saved plan does not open again: {error}\n{text}"),
    }
}

/// The Markdown export of a plan imports again without a panic, into a
/// plan that passes validation.
pub fn check_markdown_export(plan: &Plan) {
    let again = import_markdown(&export_markdown(plan), today());
    if let Err(error) = validate(&again.plan) {
        panic!(
            "the import of an export fails validation: {:?}",
            error.problems()
        );
    }
}

/// The next year's plan and a plan's structure are sound plans whenever the
/// plan is, whichever way the unfinished tasks go.
fn check_next_year(plan: &Plan) {
    use yearplan::model::next_year::Unfinished;
    let start = plan.next_year_start();
    let made = [
        plan.next_year(start, Unfinished::KeepQuarter),
        plan.next_year(start, Unfinished::IntoQ1),
        plan.structure(start),
    ];
    for made in made {
        // Refused only for a year that would start outside the years a plan accepts.
        let next = match made {
            Ok(next) => next,
            Err(error) => {
                assert!(!yearplan::model::validate::is_within_years(start), "{error}");
                continue;
            }
        };
        if let Err(error) = validate(&next) {
            panic!("the next year fails validation: {:?}", error.problems());
        }
        assert!(next.time_entries.is_empty() && next.expenses.is_empty());
        assert!(next.tasks().all(|task| !task.done));
    }
}

/// Everything above, for a plan that came from outside input.
pub fn check_plan(plan: &Plan) {
    check_figures(plan);
    check_saved_and_opened(plan);
    check_markdown_export(plan);
    check_next_year(plan);
}

//! The year-end review: its summary worked by hand on a small plan, the
//! yearly period in the file, and the review written into this year's plan
//! by `yearplan next-year` and by File → Start next year… in the window.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ffi::OsStr;

use common::cli::{assert_no_panic, text, yearplan};
use common::date;
use yearplan::io;
use yearplan::model::review::{cadence_due, one_period_after, period_summary};
use yearplan::model::year_end::{year_end_review, year_end_summary, year_end_window};
use yearplan::model::{Period, Plan};

/// A plan year of 2026 (Thu 1 Jan – Thu 31 Dec, 365 days, full ISO weeks
/// W02 5 Jan – W52 27 Dec: 51). Hours: Learning 16 h in W02, 8 h in W06,
/// 4 h on 31 Dec (in the year, in no full week) = 28 h, and 10 h on
/// 31 Dec 2025 (before the year); Review 5 h in W02. Spend in the year:
/// Books $300, Infrastructure $100, Tools $250 = $650 of the $4,100 budget
/// (12 × $300 + $500), 15.85 % → 16 %; $999 on 20 Dec 2025 is not the year's.
const PLAN: &str = r#"(
    format_version: 5,
    title: "Small year",
    start_date: "2026-01-01",
    currency_symbol: "$",
    goals: [],
    swimlanes: [
        (id: 1, name: "Core", subtitle: "", blocks: [
            (id: 1, first_quarter: Q1, last_quarter: Q2, tasks: [
                (id: 1, title: "One", done: true, done_on: Some("2026-02-01")),
                (id: 2, title: "Two", done: true),
                (id: 3, title: "Three"),
            ]),
        ]),
        (id: 2, name: "Scale", subtitle: "", blocks: [
            (id: 2, first_quarter: Q3, last_quarter: Q3, tasks: [
                (id: 4, title: "Four"),
            ]),
        ]),
    ],
    phases: [
        (number: 1, name: "Basics", quarter: Q1, status: Done, done_on: Some("2026-03-31")),
        (number: 2, name: "Depth", quarter: Q2, status: InProgress, started_on: Some("2026-04-01")),
    ],
    time_categories: [
        (id: 1, name: "Learning", weekly_min_hours: 15.0, weekly_max_hours: 20.0),
        (id: 2, name: "Review", weekly_min_hours: 5.0, weekly_max_hours: 5.0),
    ],
    budget_lines: [
        (id: 1, name: "Books", kind: OneTime(cap_cents: 50000)),
        (id: 2, name: "Infrastructure", kind: Monthly(cents: 10000)),
        (id: 3, name: "Tools", kind: Monthly(cents: 20000)),
    ],
    success_metrics: [
        (id: 1, name: "All phases done", measure: PhasesDone),
        (id: 2, name: "Shipped", measure: Manual(done: true)),
    ],
    review_cadences: [
        (id: 1, period: Weekly, purpose: "Progress"),
    ],
    time_entries: [
        (id: 1, date: "2025-12-31", category: 1, hours: 10.0, note: "before the year"),
        (id: 2, date: "2026-01-05", category: 1, hours: 10.0, note: ""),
        (id: 3, date: "2026-01-06", category: 2, hours: 5.0, note: ""),
        (id: 4, date: "2026-01-07", category: 1, hours: 6.0, note: ""),
        (id: 5, date: "2026-02-02", category: 1, hours: 8.0, note: ""),
        (id: 6, date: "2026-12-31", category: 1, hours: 4.0, note: ""),
    ],
    expenses: [
        (id: 1, date: "2025-12-20", line: 3, cents: 99900, note: "before the year"),
        (id: 2, date: "2026-01-15", line: 2, cents: 10000, note: ""),
        (id: 3, date: "2026-03-01", line: 1, cents: 30000, note: ""),
        (id: 4, date: "2026-06-15", line: 3, cents: 25000, note: ""),
    ],
    reviews: [],
)"#;

fn small_year() -> Plan {
    io::parse_plan(PLAN).unwrap()
}

#[test]
fn the_year_end_summary_of_a_whole_year() {
    let plan = small_year();
    let after = date(2027, 1, 10);
    assert_eq!(
        year_end_window(&plan, after),
        (date(2026, 1, 1), date(2026, 12, 31))
    );
    assert_eq!(
        year_end_summary(&plan, after),
        "Year-end review of Thu 1 Jan 2026 – Thu 31 Dec 2026 (365 days)\n\
         Hours for the year, as a weekly average over the 365 days, against the weekly targets:\n\
         \x20 Learning: 28.0 h in all, 0.5 h a week (target 15–20 h, under); 1 of 51 full weeks reached 15 h\n\
         \x20 Review: 5.0 h in all, 0.1 h a week (target 5 h, under); 1 of 51 full weeks reached 5 h\n\
         Spend: $650.00 of the $4,100.00 annual budget (16%): within\n\
         \x20 Monthly lines: $350.00 against 12 months of the $300.00 run-rate ($3,600.00): within\n\
         \x20 Books (one-time): $300.00 of its $500.00 cap: within\n\
         Tasks done: 2 of 4 (50%)\n\
         \x20 Core: 2 of 3\n\
         \x20 Scale: 0 of 1\n\
         Phases done: 1 of 2\n\
         \x20 Phase 1 (Basics): done Tue 31 Mar 2026\n\
         Success metrics met: 1 of 2\n\
         \x20 All phases done: not met (1 of 2 phases done)\n\
         \x20 Shipped: met (Ticked by hand)\n"
    );
    // The yearly period's summary is the year-end summary.
    assert_eq!(
        period_summary(&plan, Period::Yearly, after),
        year_end_summary(&plan, after)
    );
}

/// Started in December, the review covers the year so far: 1 Jan – 4 Dec
/// is 338 days, full weeks W02–W48 (to Sun 29 Nov) are 47, and the 4 h of
/// 31 Dec are not there yet: 24 h × 7 ÷ 338 = 0.497 h a week.
#[test]
fn a_year_end_review_before_the_end_covers_the_year_so_far() {
    let plan = small_year();
    let summary = year_end_summary(&plan, date(2026, 12, 4));
    let lines: Vec<&str> = summary.lines().collect();
    assert_eq!(
        lines[0],
        "Year-end review of Thu 1 Jan 2026 – Fri 4 Dec 2026 (338 of the year's 365 days)"
    );
    assert_eq!(
        lines[2],
        "  Learning: 24.0 h in all, 0.5 h a week (target 15–20 h, under); 1 of 47 full weeks reached 15 h"
    );
}

/// A plan with nothing to count says so rather than printing zeros of nothing.
#[test]
fn an_empty_plan_has_a_year_end_summary_too() {
    let plan = Plan::empty("Nothing", date(2026, 1, 1));
    assert_eq!(
        year_end_summary(&plan, date(2026, 6, 30)),
        "Year-end review of Thu 1 Jan 2026 – Tue 30 Jun 2026 (181 of the year's 365 days)\n\
         Hours: the plan has no time categories\n\
         Spend: $0.00; the plan has no budget\n\
         Tasks done: 0 of 0\n\
         Phases: the plan has none\n\
         Success metrics: the plan has none\n"
    );
}

/// The yearly period in the file (format 5): due a year after the start,
/// read and written as `Yearly`, and a format 4 file still opens.
#[test]
fn the_yearly_period_is_due_at_the_years_end_and_round_trips() {
    let mut plan = small_year();
    assert_eq!(
        one_period_after(Period::Yearly, date(2026, 2, 28)),
        date(2027, 2, 28)
    );
    let due = cadence_due(&plan, Period::Yearly, date(2027, 1, 3));
    assert_eq!(
        due.describe(date(2027, 1, 3)),
        "overdue by 2 days (due since Fri 1 Jan 2027)"
    );
    plan.reviews
        .push(yearplan::model::year_end::new_year_end_review(
            &plan,
            date(2026, 12, 4),
            yearplan::model::ReviewId(7),
        ));
    let text = io::to_ron_string(&plan).unwrap();
    assert!(text.starts_with("(\n    format_version: 5,\n"), "{text}");
    assert!(text.contains("period: Yearly"), "{text}");
    assert_eq!(io::parse_plan(&text).unwrap(), plan);
    assert_eq!(year_end_review(&plan).unwrap().date, date(2026, 12, 4));

    let old = PLAN.replace("format_version: 5,", "format_version: 4,");
    assert_eq!(io::parse_plan(&old).unwrap(), small_year());
}

/// A yearly review from before this plan year (a file carried on from an
/// older one) is not this year's review.
#[test]
fn only_a_yearly_review_of_this_year_is_its_year_end_review() {
    let mut plan = small_year();
    let mut review = yearplan::model::year_end::new_year_end_review(
        &plan,
        date(2025, 12, 30),
        Default::default(),
    );
    plan.reviews.push(review.clone());
    assert_eq!(year_end_review(&plan), None);
    review.period = Period::Quarterly;
    review.date = date(2026, 12, 30);
    plan.reviews.push(review);
    assert_eq!(year_end_review(&plan), None);
}

/// Once the year is over, the Overview and the report say the year-end
/// review is due, until it is done; a yearly cadence says it by itself.
#[test]
fn the_year_end_review_is_due_once_the_year_is_over() {
    use yearplan::model::year_end::review_statuses;
    let mut plan = small_year();
    let line = "Yearly (The plan year summed up): overdue by 3 days (due since Fri 1 Jan 2027); \
                no review yet";
    assert_eq!(review_statuses(&plan, date(2026, 12, 31)).len(), 1);
    let statuses = review_statuses(&plan, date(2027, 1, 4));
    assert_eq!(statuses.len(), 2);
    assert_eq!(statuses[1].describe(date(2027, 1, 4)), line);
    let report = yearplan::report::report(&plan, date(2027, 1, 4));
    assert!(report.contains(line), "{report}");

    plan.reviews
        .push(yearplan::model::year_end::new_year_end_review(
            &plan,
            date(2027, 1, 2),
            Default::default(),
        ));
    assert_eq!(review_statuses(&plan, date(2027, 1, 4)).len(), 1);

    plan.reviews.clear();
    plan.review_cadences.push(yearplan::model::ReviewCadence {
        id: yearplan::model::CadenceId(4),
        period: Period::Yearly,
        purpose: "Big picture".to_owned(),
    });
    let statuses = review_statuses(&plan, date(2027, 1, 4));
    assert_eq!(statuses.len(), 2);
    assert_eq!(statuses[1].purpose, "Big picture");
}

#[test]
fn next_year_writes_the_year_end_review_into_this_years_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("2026.plan.ron");
    io::save_plan(&plan, &small_year()).unwrap();
    let next = dir.path().join("2027.plan.ron");
    let arg = OsStr::new;
    let run = |next: &std::path::Path| {
        yearplan(
            &[
                arg("next-year"),
                plan.as_os_str(),
                arg("-o"),
                next.as_os_str(),
            ],
            dir.path(),
        )
    };
    let output = run(&next);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let said = text(&output.stdout);
    assert!(said.contains("Added the year-end review of"), "{said}");

    let this = io::load_plan(&plan).unwrap();
    let review = year_end_review(&this).unwrap();
    assert_eq!(review.period, Period::Yearly);
    // Frozen as it was that day: the plan without the review, summed up.
    let mut before = this.clone();
    before.reviews.clear();
    assert_eq!(review.summary, year_end_summary(&before, review.date));
    assert!(review.summary.contains("Tasks done: 2 of 4 (50%)"));
    // The old file is kept beside it, as by every save.
    let backup = dir.path().join("2026.plan.ron.bak");
    assert_eq!(io::load_plan(&backup).unwrap(), small_year());
    // The next year holds no review.
    assert!(io::load_plan(&next).unwrap().reviews.is_empty());

    // Run again into another file: the review is not written twice.
    let other = dir.path().join("2027 again.plan.ron");
    let output = run(&other);
    assert_no_panic(&output);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("already has its year-end review"));
    assert_eq!(io::load_plan(&plan).unwrap(), this);

    // An existing NEXT: refused, and this year's plan is left as it was.
    let bytes = std::fs::read(&plan).unwrap();
    let output = run(&next);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read(&plan).unwrap(), bytes);
}

mod window {
    use super::*;
    use common::window::{
        Window, app_on, choose, click, plan, tick_on_the_board, wait_for_open, wait_for_save,
        window,
    };
    use egui_kittest::kittest::Queryable;
    use yearplan::model::next_year::Unfinished;

    fn on_file(path: &std::path::Path, today: chrono::NaiveDate) -> Window {
        io::save_plan(path, &small_year()).unwrap();
        let mut app = app_on(small_year(), today);
        app.open_path(path);
        app.wait_for_load();
        window(
            egui_kittest::Harness::builder().with_size([1280.0, 820.0]),
            app,
        )
    }

    /// Start next year…, offered on the Overview once the year is over,
    /// writes the year-end review into this year's file, then the window
    /// holds the next year, without a file.
    #[test]
    fn start_next_year_writes_the_year_end_review_then_turns_to_the_new_year() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026.plan.ron");
        let today = date(2027, 1, 4);
        let mut harness = on_file(&path, today);
        harness.get_by_label(
            "Yearly (The plan year summed up): overdue by 3 days (due since Fri 1 Jan 2027); \
             no review yet",
        );
        click(&mut harness, "Start next year…");
        harness.get_by_label_contains("gets its year-end review");
        choose(
            &mut harness,
            "Start from",
            "Next year, unfinished tasks moved into Q1",
        );
        click(&mut harness, "Create");
        wait_for_save(&mut harness);
        harness.run();

        let this = io::load_plan(&path).unwrap();
        let review = year_end_review(&this).unwrap();
        assert_eq!(review.date, today);
        assert_eq!(review.summary, year_end_summary(&small_year(), today));
        let expected = small_year()
            .next_year(date(2027, 1, 1), Unfinished::IntoQ1)
            .unwrap();
        assert_eq!(plan(&harness), &expected);
        assert!(harness.state().document().path.is_none());
        harness.get_by_label_contains("2026.plan.ron has its year-end review.");
    }

    /// Another machine's change synced into the file just before: the
    /// review is made from the file's plan and written with that change.
    #[test]
    fn a_change_synced_into_the_file_is_kept_with_the_year_end_review() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026.plan.ron");
        let today = date(2027, 1, 4);
        let mut harness = on_file(&path, today);
        let mut synced = small_year();
        synced.swimlanes[1].blocks[0].tasks[0].done = true;
        io::save_plan(&path, &synced).unwrap();
        harness.state_mut().check_disk_now();
        wait_for_open(&mut harness);
        click(&mut harness, "Start next year…");
        click(&mut harness, "Create");
        wait_for_save(&mut harness);
        harness.run();
        let this = io::load_plan(&path).unwrap();
        assert!(this.swimlanes[1].blocks[0].tasks[0].done);
        let review = year_end_review(&this).unwrap();
        assert!(
            review.summary.contains("Tasks done: 3 of 4 (75%)"),
            "{}",
            review.summary
        );
    }

    /// Chose not to save the last change before starting the next year:
    /// the review goes into the file's version, and the change stays out.
    #[test]
    fn an_unsaved_change_not_saved_stays_out_of_the_year_end_review() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026.plan.ron");
        let today = date(2027, 1, 4);
        let mut harness = on_file(&path, today);
        tick_on_the_board(&mut harness, "Three");
        click(&mut harness, "File");
        click(&mut harness, "Start next year…");
        click(&mut harness, "Don't Save");
        click(&mut harness, "Create");
        wait_for_save(&mut harness);
        harness.run();
        let this = io::load_plan(&path).unwrap();
        assert_eq!(this.tasks().filter(|task| task.done).count(), 2);
        let review = year_end_review(&this).unwrap();
        assert!(
            review.summary.contains("Tasks done: 2 of 4 (50%)"),
            "{}",
            review.summary
        );
    }

    /// The Metrics & reviews tab offers the year-end review of any plan.
    #[test]
    fn the_metrics_tab_offers_the_year_end_review() {
        let mut harness = window(
            egui_kittest::Harness::builder().with_size([1280.0, 820.0]),
            app_on(small_year(), date(2027, 1, 4)),
        );
        click(&mut harness, "Metrics & reviews");
        harness.get_by_label("due since Fri 1 Jan 2027");
        click(&mut harness, "Start year-end review");
        harness.get_by_label("Year-end review, Mon 4 Jan 2027");
        click(&mut harness, "Save review");
        let reviews = &plan(&harness).reviews;
        assert_eq!(reviews.len(), 1);
        assert_eq!(reviews[0].period, Period::Yearly);
        assert_eq!(
            reviews[0].summary,
            year_end_summary(&small_year(), date(2027, 1, 4))
        );
        harness.get_by_label("done Mon 4 Jan 2027");
        harness.get_by_label("Mon 4 Jan 2027 · Year-end review");
    }
}

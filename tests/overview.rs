//! The Overview's dashboard on the example plan, driven by label: every
//! chart found by the sentence a screen reader reads for it, every card
//! followed to its tab, the empty states of a plan with nothing in it, and
//! all of it inside a 1280×820 window.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::date;
use common::window::{Window, app_on, click, window};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use yearplan::io;
use yearplan::model::Plan;
use yearplan::ui::Tab;

/// A Friday: 2026-W48 is 23–29 November.
fn today() -> NaiveDate {
    date(2026, 11, 27)
}

fn overview(plan: Plan, size: egui::Vec2) -> Window {
    window(Harness::builder().with_size(size), app_on(plan, today()))
}

fn example() -> Window {
    overview(io::example_plan().unwrap(), egui::vec2(1280.0, 820.0))
}

#[test]
fn every_chart_says_what_it_shows() {
    let harness = example();
    // By hand from the file (see tests/report.rs): this week Learning 17.25 h,
    // Building 11.5, Review 5.75 over its exact 5 h; the last four complete
    // weeks W44–W47 as on the Time tab; spend as on the Budget tab; phases
    // 0–5 done, 6 and 7 planned for Q2 (which ended on 3 November) not done;
    // tasks 11 of 36 (Core 6/16, Scale 2/9, Compliance 3/11), and an even
    // pace through the 364 days from 4 May would have 36 × 207 ÷ 364 = 20.5,
    // about 20, done by the 207th.
    for summary in [
        "This week's hours: Learning: 17.3 h of 15–20 h (in range); Building: 11.5 h of \
         10–15 h (in range); Review/Documentation: 5.8 h of 5 h (over)",
        "Learning, hours per week: 17.3, 22.8, 15.5, 17.0 in the last four weeks; target 15–20 h",
        "Building, hours per week: 11.5, 15.0, 10.3, 11.3 in the last four weeks; target 10–15 h",
        "Review/Documentation, hours per week: 5.8, 7.5, 5.3, 5.8 in the last four weeks; \
         target 5 h",
        "Spend per month: Sep 2026 $423.50, Oct 2026 $246.20, Nov 2026 $255.00 so far; the \
         monthly lines went over the $300.00 run-rate in 2 months of the plan year (Jun 2026, \
         Sep 2026); this month $203.00 on them",
        "Phases: 6 of 15 done, 2 late (not done by the end of their planned quarter)",
        "Tasks done: Whole plan 11 of 36, Core 6 of 16, Scale 2 of 9, Compliance 3 of 11; an \
         even pace would have 20 done by today",
    ] {
        harness.get_by_role_and_label(Role::Image, summary);
    }
    harness.get_by_label_contains("Cumulative spend: $2,010.18 so far");
    // The figures in words beside the charts.
    harness.get_by_label("Total 34.5 h of 30–40 h");
    harness.get_by_label_contains("Year-end spend projected at $3,289.11");
    harness.get_by_label("Success metrics: 0 of 5 met");
    harness.get_by_label("Whole plan progress: 11/36");
    // 27 November is 207 days after the start on 4 May: week 30 of the
    // year's 53, and 158 days to 3 May, both counted.
    harness.get_by_label("Plan year: week 30 of 53 · 158 days left");
}

#[test]
fn each_card_leads_to_its_tab() {
    let mut harness = example();
    for (link, tab) in [
        ("This week: open Time", Tab::Time),
        ("Hours per week: open Time", Tab::Time),
        ("Reviews: open Metrics & reviews", Tab::MetricsReviews),
        ("This month: open Budget", Tab::Budget),
        ("Cumulative spend: open Budget", Tab::Budget),
        ("Phases: open Swimlanes", Tab::Swimlanes),
        ("Tasks done: open Swimlanes", Tab::Swimlanes),
        ("Progress: open Swimlanes", Tab::Swimlanes),
        ("Forecasts: open Metrics & reviews", Tab::MetricsReviews),
    ] {
        click(&mut harness, Tab::Overview.label());
        click(&mut harness, link);
        assert_eq!(harness.state().tab(), tab, "{link}");
    }
}

#[test]
fn the_dashboard_fits_the_window_without_scrolling() {
    let harness = example();
    let bottom = 820.0 - 24.0; // the status line
    for label in [
        "Tasks done: open Swimlanes",
        "Progress: open Swimlanes",
        "Forecasts: open Metrics & reviews",
        "Success metrics: 0 of 5 met",
        "Phases progress: 6/15",
    ] {
        let rect = harness.get_by_label(label).rect();
        assert!(rect.bottom() < bottom, "{label} ends at {}", rect.bottom());
        assert!(rect.right() <= 1280.0, "{label} ends at x {}", rect.right());
    }
    let chart = harness
        .get_by_role_and_label(
            Role::Image,
            "Tasks done: Whole plan 11 of 36, Core 6 of 16, Scale 2 of 9, Compliance 3 of 11; \
             an even pace would have 20 done by today",
        )
        .rect();
    assert!(
        chart.bottom() < bottom,
        "the burn-up ends at {}",
        chart.bottom()
    );
}

#[test]
fn an_empty_plan_says_what_to_do_on_each_card() {
    let harness = overview(
        Plan::empty("Blank", date(2026, 1, 1)),
        egui::vec2(1280.0, 820.0),
    );
    assert_eq!(
        harness
            .query_all_by_label("Add a time category on the Time tab to set weekly targets.")
            .count(),
        2
    );
    assert_eq!(
        harness
            .query_all_by_label("No expenses yet — add one on the Budget tab.")
            .count(),
        2
    );
    harness.get_by_label("This plan has no phases.");
    harness.get_by_label("No tasks yet — add them on the Swimlanes tab.");
    harness.get_by_label("This plan has no review cadence.");
}

#[test]
fn with_categories_but_no_hours_the_weeks_card_says_how_to_log_them() {
    let harness = overview(
        io::default_plan(date(2026, 1, 1)),
        egui::vec2(1280.0, 820.0),
    );
    harness
        .get_by_label("No hours logged yet — log some on the Time tab, or start the timer above.");
}

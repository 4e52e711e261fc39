//! The Overview and the Metrics & reviews tab, driven by label.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::date;
use common::window::{
    Window, app_on, choose, click, click_checkbox, plan, type_into, type_into_multiline, window,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use yearplan::io;
use yearplan::model::{MetricMeasure, Period, Plan, TimeEntry};
use yearplan::ui::Tab;

/// The day the example plan is shown on: its weekly review is overdue.
fn today() -> NaiveDate {
    date(2026, 11, 27)
}

fn harness_with(plan: Plan) -> Window {
    let builder = Harness::builder().with_size(egui::vec2(1400.0, 1100.0));
    window(builder, app_on(plan, today()))
}

#[test]
fn a_weekly_review_is_done_end_to_end() {
    let mut harness = harness_with(io::example_plan().unwrap());
    click(&mut harness, Tab::MetricsReviews.label());
    harness.get_by_label("overdue by 5 days (due since Sun 22 Nov 2026)");
    let reviews_before = plan(&harness).reviews.len();

    click(&mut harness, "Start weekly review");
    harness.get_by_label("Weekly review, Fri 27 Nov 2026");
    type_into_multiline(
        &mut harness,
        "Notes",
        "Phoenix took longer; pulled a Building evening.",
    );
    click(&mut harness, "Save review");

    let reviews = &plan(&harness).reviews;
    assert_eq!(reviews.len(), reviews_before + 1);
    let review = reviews
        .iter()
        .find(|review| review.date == today())
        .unwrap();
    assert_eq!(review.period, Period::Weekly);
    assert_eq!(
        review.notes,
        "Phoenix took longer; pulled a Building evening."
    );
    assert!(!review.summary.is_empty());
    // In the log, and the cadence is no longer due: the next is a week on.
    harness.get_by_label("Fri 27 Nov 2026 · Weekly review");
    harness.get_by_label("next due Fri 4 Dec 2026 (in 7 days)");

    // The summary was frozen that day: later hours do not change it.
    let frozen = review.summary.clone();
    harness
        .state_mut()
        .apply(&yearplan::model::command::Command::Time(
            yearplan::model::command::TimeCommand::AddEntry {
                entry: TimeEntry {
                    id: Default::default(),
                    date: today(),
                    category: yearplan::model::CategoryId(1),
                    hours: 6.0,
                    note: "late evening".to_owned(),
                },
            },
        ));
    harness.run();
    let review = plan(&harness)
        .reviews
        .iter()
        .find(|review| review.date == today())
        .unwrap();
    assert_eq!(review.summary, frozen);
}

#[test]
fn each_part_of_the_overview_leads_to_its_tab() {
    let mut harness = harness_with(io::example_plan().unwrap());
    for (link, tab) in [
        ("This week: open Time", Tab::Time),
        ("This month: open Budget", Tab::Budget),
        ("Progress: open Swimlanes", Tab::Swimlanes),
        ("Reviews: open Metrics & reviews", Tab::MetricsReviews),
    ] {
        click(&mut harness, Tab::Overview.label());
        click(&mut harness, link);
        assert_eq!(harness.state().tab(), tab, "{link}");
    }
}

#[test]
fn the_overview_shows_the_forecasts() {
    let harness = harness_with(io::example_plan().unwrap());
    harness.get_by_label_contains("At this pace Phase 14 completes on");
    harness.get_by_label_contains("Year-end spend projected at");
}

#[test]
fn metrics_are_added_ticked_and_deleted() {
    let mut harness = harness_with(io::default_plan(today()));
    click(&mut harness, Tab::MetricsReviews.label());

    click_checkbox(&mut harness, "SLOs consistently met");
    let slos = plan(&harness)
        .success_metrics
        .iter()
        .find(|metric| metric.name == "SLOs consistently met")
        .unwrap()
        .clone();
    assert_eq!(slos.measure, MetricMeasure::Manual { done: true });

    click(&mut harness, "+ Add metric");
    type_into(&mut harness, "Metric", "Core lane finished");
    choose(&mut harness, "Measured by", "Tasks of a lane done");
    click(&mut harness, "Save metric");
    let added = plan(&harness).success_metrics.last().unwrap().clone();
    assert_eq!(added.name, "Core lane finished");
    assert!(matches!(added.measure, MetricMeasure::LaneTasksDone { .. }));
    harness.get_by_label_contains("Core: 0 of 16 tasks done");

    click(&mut harness, "Core lane finished menu");
    click(&mut harness, "Delete");
    assert_eq!(plan(&harness).success_metrics.len(), 5);
}

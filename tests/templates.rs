//! The plans a new plan starts from: each embedded template read and checked,
//! `yearplan new --template`, the New dialog, and a plan's structure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ffi::OsStr;

use common::cli::{assert_no_panic, text, yearplan};
use common::date;
use common::window::{Window, app_on, choose, click, plan, shortcut, window};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use yearplan::io::{self, TEMPLATES, Template};
use yearplan::model::{BudgetKind, MetricMeasure, PhaseStatus, Plan};

fn lanes(plan: &Plan) -> Vec<&str> {
    plan.swimlanes
        .iter()
        .map(|lane| lane.name.as_str())
        .collect()
}

#[test]
fn every_template_reads_as_a_sound_plan_starting_where_asked() {
    let start = date(2027, 3, 1);
    for template in TEMPLATES {
        let plan = template.plan(start).unwrap_or_else(|error| {
            panic!("the template {} does not read: {error}", template.name)
        });
        assert_eq!(plan.start_date, start, "{}", template.name);
        assert!(
            plan.time_entries.is_empty() && plan.expenses.is_empty(),
            "{}",
            template.name
        );
        assert!(
            plan.reviews.is_empty() && plan.timer.is_none(),
            "{}",
            template.name
        );
        assert!(plan.tasks().all(|task| !task.done), "{}", template.name);
        // What it writes, it reads back the same.
        let written = io::to_ron_string(&plan).unwrap();
        assert_eq!(io::parse_plan(&written).unwrap(), plan, "{}", template.name);
        assert_eq!(
            Template::named(&template.name.to_uppercase()),
            Some(template)
        );
    }
    let names: std::collections::HashSet<_> = TEMPLATES.iter().map(|t| t.name).collect();
    assert_eq!(names.len(), TEMPLATES.len());
    assert_eq!(Template::named("no such"), None);
}

#[test]
fn each_template_holds_what_it_says() {
    let start = date(2027, 1, 1);
    let named = |name| Template::named(name).unwrap().plan(start).unwrap();

    let built_in = named("built-in");
    assert_eq!(lanes(&built_in), ["Core", "Scale", "Compliance"]);
    assert_eq!(built_in.phases.len(), 15);
    assert_eq!(built_in, io::default_plan(start));

    let blank = named("blank");
    assert_eq!(lanes(&blank), ["Plan"]);
    assert_eq!(blank.swimlanes[0].blocks.len(), 4);
    assert!(blank.budget_lines.is_empty() && blank.time_categories.is_empty());
    assert!(blank.phases.is_empty() && blank.tasks().next().is_none());

    let roadmap = named("team-roadmap");
    assert_eq!(lanes(&roadmap), ["Product", "Platform", "Quality", "Team"]);
    assert!(roadmap.budget_lines.is_empty() && roadmap.time_categories.is_empty());

    let learning = named("learning");
    assert_eq!(learning.phases.len(), 4);
    assert_eq!(learning.time_categories.len(), 2);

    let reading = named("reading");
    assert_eq!(reading.time_categories[0].name, "Reading");
    assert_eq!(
        reading.budget_lines[0].kind,
        BudgetKind::Monthly { cents: 3000 }
    );

    let fitness = named("fitness");
    assert_eq!(lanes(&fitness), ["Strength", "Endurance", "Mobility"]);
}

#[test]
fn new_writes_the_template_asked_for_and_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.plan.ron");
    let arg = |s: &'static str| OsStr::new(s);
    let output = yearplan(
        &[
            arg("new"),
            path.as_os_str(),
            arg("--template"),
            arg("team-roadmap"),
        ],
        dir.path(),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let plan = io::load_plan(&path).unwrap();
    assert_eq!(lanes(&plan), ["Product", "Platform", "Quality", "Team"]);
    assert_eq!(plan.start_date.format("%m-%d").to_string(), "01-01");

    let listed = yearplan(&[arg("new"), arg("--list-templates")], dir.path());
    assert!(listed.status.success());
    let listed = text(&listed.stdout);
    for template in TEMPLATES {
        assert!(listed.contains(template.name), "{listed}");
    }

    // An unknown name: exit 1, the list, and no file.
    let other = dir.path().join("other.plan.ron");
    let output = yearplan(
        &[
            arg("new"),
            other.as_os_str(),
            arg("--template"),
            arg("gardening"),
        ],
        dir.path(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let said = text(&output.stderr);
    assert!(
        said.contains("there is no template called \"gardening\""),
        "{said}"
    );
    assert!(said.contains("team-roadmap"), "{said}");
    assert!(!other.exists());

    // An existing file is not overwritten by any template.
    let before = std::fs::read(&path).unwrap();
    let output = yearplan(
        &[
            arg("new"),
            path.as_os_str(),
            arg("--template"),
            arg("blank"),
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// The example plan's structure: its 36 tasks (11 done), 15 phases (6 done),
/// categories, lines, metrics and cadences, with its entries, expenses and
/// reviews gone and nothing done. Its start moves from 4 May 2026 to
/// 1 May 2027: 362 days, so task 7's due date, 21 October 2026, becomes
/// 18 October 2027.
#[test]
fn a_plans_structure_keeps_the_plan_and_drops_the_year() {
    let example = io::example_plan().unwrap();
    let structure = example.structure(date(2027, 5, 1)).unwrap();
    assert_eq!(structure.start_date, date(2027, 5, 1));
    assert_eq!(structure.tasks().count(), example.tasks().count());
    assert_eq!(example.tasks().filter(|task| task.done).count(), 11);
    assert!(
        structure
            .tasks()
            .all(|task| !task.done && task.done_on.is_none())
    );
    assert!(
        structure
            .phases
            .iter()
            .all(|phase| phase.status == PhaseStatus::NotStarted
                && phase.started_on.is_none()
                && phase.done_on.is_none())
    );
    assert!(
        structure
            .success_metrics
            .iter()
            .all(|metric| match metric.measure {
                MetricMeasure::Manual { done } => !done,
                _ => true,
            })
    );
    assert!(structure.time_entries.is_empty() && !example.time_entries.is_empty());
    assert!(structure.expenses.is_empty() && structure.reviews.is_empty());
    assert_eq!(structure.time_categories, example.time_categories);
    assert_eq!(structure.budget_lines, example.budget_lines);
    assert_eq!(structure.review_cadences, example.review_cadences);
    assert_eq!(lanes(&structure), lanes(&example));
    let due = |plan: &Plan| {
        plan.tasks()
            .find(|task| task.title == "Implement full test suite")
            .and_then(|task| task.due)
    };
    assert_eq!(due(&example), Some(date(2026, 10, 21)));
    assert_eq!(due(&structure), Some(date(2027, 10, 18)));
}

fn new_dialog(plan: Plan) -> Window {
    let folder = tempfile::tempdir().unwrap();
    let app = app_on(plan, date(2026, 12, 4)).with_untitled_folder(folder.path());
    let builder = Harness::builder().with_size(egui::vec2(1280.0, 820.0));
    let mut harness = window(builder, app);
    click(&mut harness, "File");
    click(&mut harness, "New from template…");
    harness.get_by_label("New plan");
    harness
}

#[test]
fn new_from_template_makes_the_plan_chosen() {
    let mut harness = new_dialog(io::example_plan().unwrap());
    choose(&mut harness, "Start from", "A team roadmap");
    click(&mut harness, "Create");
    let plan = plan(&harness);
    assert_eq!(lanes(plan), ["Product", "Platform", "Quality", "Team"]);
    assert_eq!(plan.start_date, date(2026, 1, 1));
    assert!(harness.state().document().path.is_none());
}

#[test]
fn new_with_this_plans_structure_keeps_its_lanes_and_drops_its_logs() {
    let example = io::example_plan().unwrap();
    let mut harness = new_dialog(example.clone());
    choose(&mut harness, "Start from", "This plan's structure");
    click(&mut harness, "Create");
    assert_eq!(
        plan(&harness),
        &example.structure(date(2026, 1, 1)).unwrap()
    );
    assert!(plan(&harness).time_entries.is_empty());
}

#[test]
fn ctrl_n_still_starts_from_the_built_in_plan() {
    let folder = tempfile::tempdir().unwrap();
    let app =
        app_on(io::example_plan().unwrap(), date(2026, 12, 4)).with_untitled_folder(folder.path());
    let mut harness = window(Harness::builder(), app);
    shortcut(&mut harness, Modifiers::COMMAND, Key::N);
    click(&mut harness, "Create");
    assert_eq!(plan(&harness), &io::default_plan(date(2026, 1, 1)));
}

//! The next year from this one: what is carried and what stays, by hand
//! from the example plan, and `yearplan next-year` with bad input.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ffi::OsStr;

use common::cli::{assert_no_panic, text, yearplan};
use common::date;
use yearplan::io;
use yearplan::model::next_year::Unfinished;
use yearplan::model::{PhaseStatus, Plan, Quarter};

fn titles_of_lane(plan: &Plan, lane: usize, quarter: Quarter) -> usize {
    plan.swimlanes[lane]
        .blocks
        .iter()
        .filter(|block| block.first_quarter == quarter)
        .map(|block| block.tasks.len())
        .sum()
}

/// The example plan (4 May 2026 – 3 May 2027): 36 tasks of which 11 are
/// done (Core 6 of 16, Scale 2 of 9, Compliance 3 of 11), so 25 come along;
/// 15 phases of which 0–5 are done and 6 is in progress, so 9 come along,
/// 6 still in progress. The next year starts on 4 May 2027, 365 days on:
/// task 7, due 21 October 2026, is due 21 October 2027, and its phase 4,
/// done, is no longer its phase.
#[test]
fn the_next_year_carries_what_was_not_done() {
    let this = io::example_plan().unwrap();
    assert_eq!(this.next_year_start(), date(2027, 5, 4));
    let next = this
        .next_year(date(2027, 5, 4), Unfinished::KeepQuarter)
        .unwrap();

    assert_eq!(next.start_date, date(2027, 5, 4));
    assert_eq!(next.tasks().count(), 25);
    assert!(
        next.tasks()
            .all(|task| !task.done && task.done_on.is_none())
    );
    let numbers: Vec<u32> = next.phases.iter().map(|phase| phase.number).collect();
    assert_eq!(numbers, (6..=14).collect::<Vec<_>>());
    assert_eq!(next.phases[0].status, PhaseStatus::InProgress);
    assert!(next.time_entries.is_empty() && next.expenses.is_empty());
    assert!(next.reviews.is_empty() && next.timer.is_none());
    assert_eq!(next.time_categories, this.time_categories);
    assert_eq!(next.budget_lines, this.budget_lines);
    assert_eq!(next.review_cadences, this.review_cadences);
    assert_eq!(next.success_metrics.len(), this.success_metrics.len());

    let task = next
        .tasks()
        .find(|task| task.title == "Implement full test suite")
        .unwrap();
    assert_eq!(task.due, Some(date(2027, 10, 21)));
    assert_eq!(task.phase, None);
    assert_eq!(
        task.notes,
        "Property tests for the parsers first\n\
         Carried over from the plan year starting Mon 4 May 2026."
    );
    // Each unfinished task is where it was: no done task came along.
    for (lane, this_lane) in next.swimlanes.iter().zip(&this.swimlanes) {
        for (block, this_block) in lane.blocks.iter().zip(&this_lane.blocks) {
            let kept: Vec<_> = this_block
                .tasks
                .iter()
                .filter(|t| !t.done)
                .map(|t| t.id)
                .collect();
            let carried: Vec<_> = block.tasks.iter().map(|t| t.id).collect();
            assert_eq!(carried, kept);
        }
    }
    // The plan is sound: it writes and reads back.
    let text = io::to_ron_string(&next).unwrap();
    assert_eq!(io::parse_plan(&text).unwrap(), next);
}

#[test]
fn into_q1_puts_every_unfinished_task_in_the_first_quarter() {
    let this = io::example_plan().unwrap();
    let next = this
        .next_year(date(2027, 5, 4), Unfinished::IntoQ1)
        .unwrap();
    assert_eq!(next.tasks().count(), 25);
    // Core 16 − 6, Scale 9 − 2 (its Q1 block spans Q1–Q2), Compliance 11 − 3.
    assert_eq!(titles_of_lane(&next, 0, Quarter::Q1), 10);
    assert_eq!(titles_of_lane(&next, 1, Quarter::Q1), 7);
    assert_eq!(titles_of_lane(&next, 2, Quarter::Q1), 8);
    for quarter in [Quarter::Q2, Quarter::Q3, Quarter::Q4] {
        for lane in 0..3 {
            assert_eq!(titles_of_lane(&next, lane, quarter), 0, "{quarter:?}");
        }
    }
    assert_eq!(
        io::parse_plan(&io::to_ron_string(&next).unwrap()).unwrap(),
        next
    );
}

#[test]
fn a_lane_without_a_q1_block_gets_one() {
    let mut this = io::example_plan().unwrap();
    this.swimlanes[0]
        .blocks
        .retain(|block| block.first_quarter != Quarter::Q1);
    let next = this
        .next_year(date(2027, 5, 4), Unfinished::IntoQ1)
        .unwrap();
    let first = &next.swimlanes[0].blocks[0];
    assert_eq!(
        (first.first_quarter, first.last_quarter),
        (Quarter::Q1, Quarter::Q1)
    );
    let highest = this
        .swimlanes
        .iter()
        .flat_map(|lane| &lane.blocks)
        .map(|block| block.id.0)
        .max()
        .unwrap();
    assert_eq!(first.id.0, highest + 1);
    assert!(!first.tasks.is_empty());
    assert_eq!(
        io::parse_plan(&io::to_ron_string(&next).unwrap()).unwrap(),
        next
    );
}

/// Plans start in 1900–2200: a plan of 2200 has no next year, and a due
/// date that would move past 2200 is dropped rather than kept unreadable.
#[test]
fn the_next_year_stays_within_the_years_a_plan_accepts() {
    let mut last = io::example_plan().unwrap();
    last.start_date = date(2200, 1, 1);
    assert_eq!(last.next_year_start(), date(2201, 1, 1));
    let refused = last.next_year(date(2201, 1, 1), Unfinished::KeepQuarter);
    assert_eq!(
        refused.unwrap_err().to_string(),
        "a plan year cannot start on Thu 1 Jan 2201: plans start in the years 1900–2200"
    );
    assert!(last.structure(date(1899, 12, 31)).is_err());

    let mut this = io::example_plan().unwrap();
    let task = &mut this.swimlanes[0].blocks[0].tasks[0];
    task.done = false;
    task.done_on = None;
    task.due = Some(date(2200, 12, 1));
    let id = task.id;
    let next = this
        .next_year(date(2027, 5, 4), Unfinished::KeepQuarter)
        .unwrap();
    let carried = next.tasks().find(|task| task.id == id).unwrap();
    assert_eq!(carried.due, None);
    assert!(yearplan::model::validate::validate(&next).is_ok());
}

#[test]
fn next_year_writes_the_new_plan_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("2026.plan.ron");
    io::save_plan(&plan, &io::example_plan().unwrap()).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let next = dir.path().join("2027.plan.ron");
    let arg = OsStr::new;
    let output = yearplan(
        &[
            arg("next-year"),
            plan.as_os_str(),
            arg("-o"),
            next.as_os_str(),
            arg("--unfinished"),
            arg("q1"),
        ],
        dir.path(),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let said = text(&output.stdout);
    assert!(
        said.contains("25 unfinished tasks and 9 phases carried over"),
        "{said}"
    );
    let written = io::load_plan(&next).unwrap();
    assert_eq!(written.start_date, date(2027, 5, 4));
    assert_eq!(titles_of_lane(&written, 0, Quarter::Q1), 10);
    // This year's plan keeps everything and gains its year-end review
    // (tests/year_end.rs works out what it says).
    let mut this = io::load_plan(&plan).unwrap();
    assert_ne!(std::fs::read(&plan).unwrap(), before);
    let reviews = this.reviews.len();
    this.reviews
        .retain(|review| review.period != yearplan::model::Period::Yearly);
    assert_eq!(this.reviews.len(), reviews - 1);
    assert_eq!(this, io::example_plan().unwrap());

    // An existing NEXT is never overwritten.
    let written_bytes = std::fs::read(&next).unwrap();
    let output = yearplan(
        &[
            arg("next-year"),
            plan.as_os_str(),
            arg("-o"),
            next.as_os_str(),
            arg("--start"),
            arg("2028-01-01"),
        ],
        dir.path(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read(&next).unwrap(), written_bytes);

    // A missing plan: exit 1 and no file.
    let other = dir.path().join("other.plan.ron");
    let missing = dir.path().join("missing.plan.ron");
    let output = yearplan(
        &[
            arg("next-year"),
            missing.as_os_str(),
            arg("-o"),
            other.as_os_str(),
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).starts_with("yearplan: "));
    assert!(!other.exists());

    // A bad date: refused before anything is read or written.
    let output = yearplan(
        &[
            arg("next-year"),
            plan.as_os_str(),
            arg("-o"),
            other.as_os_str(),
            arg("--start"),
            arg("2027-02-30"),
        ],
        dir.path(),
    );
    assert_no_panic(&output);
    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains("2027-02-30"),
        "{}",
        text(&output.stderr)
    );
    assert!(!other.exists());

    // A start outside the years a plan accepts: exit 1, said why, no file.
    let output = yearplan(
        &[
            arg("next-year"),
            plan.as_os_str(),
            arg("-o"),
            other.as_os_str(),
            arg("--start"),
            arg("2201-01-01"),
        ],
        dir.path(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr).trim(),
        "yearplan: a plan year cannot start on Thu 1 Jan 2201: plans start in the years 1900–2200"
    );
    assert!(!other.exists());
}

mod window {
    use super::*;
    use common::window::{Window, app_on, choose, click, plan, window};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    fn on(today: chrono::NaiveDate) -> Window {
        let folder = tempfile::tempdir().unwrap();
        let app = app_on(io::example_plan().unwrap(), today).with_untitled_folder(folder.path());
        window(Harness::builder().with_size(egui::vec2(1280.0, 820.0)), app)
    }

    #[test]
    fn file_start_next_year_makes_the_next_years_plan() {
        let mut harness = on(date(2027, 4, 20));
        click(&mut harness, "File");
        click(&mut harness, "Start next year…");
        harness.get_by_label("Start next year");
        choose(
            &mut harness,
            "Start from",
            "Next year, unfinished tasks moved into Q1",
        );
        click(&mut harness, "Create");
        let expected = io::example_plan()
            .unwrap()
            .next_year(date(2027, 5, 4), Unfinished::IntoQ1)
            .unwrap();
        assert_eq!(plan(&harness), &expected);
        assert!(harness.state().document().path.is_none());
    }

    #[test]
    fn after_the_year_ends_the_overview_offers_the_next_year() {
        let during = on(date(2026, 11, 27));
        assert!(during.query_by_label("Start next year…").is_none());

        // The year ran to 3 May 2027.
        let mut after = on(date(2027, 5, 10));
        after.get_by_label("Plan year: ended 7 days ago");
        click(&mut after, "Start next year…");
        after.get_by_label("Start next year");
        click(&mut after, "Create");
        assert_eq!(plan(&after).start_date, date(2027, 5, 4));
        assert_eq!(plan(&after).tasks().count(), 25);
    }
}

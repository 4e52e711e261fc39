//! Markdown import and export of plans: the seed, hand-written plans of other
//! shapes, round trips, hostile input, and the `import` and `export` commands.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::process::Output;

use chrono::NaiveDate;
use common::cli::{assert_no_panic, text, yearplan};
use common::{date, write_file};
use yearplan::io::markdown::{
    MAX_LISTED_UNPLACED, MarkdownImport, UnplacedLine, export_markdown, import_markdown,
};
use yearplan::io::{default_plan, example_plan, load_plan, save_plan};
use yearplan::model::validate::validate;
use yearplan::model::{
    Block, BlockId, BudgetKind, LaneId, MetricMeasure, Period, Phase, PhaseStatus, Plan, Quarter,
    Swimlane, Task, TaskId,
};

const SEED: &str = include_str!("markdown_fixtures/annual-plan.md");
const TEAM_ROADMAP: &str = include_str!("markdown_fixtures/team-roadmap.md");
const MINIMAL: &str = include_str!("markdown_fixtures/minimal.md");
const MESSY: &str = include_str!("markdown_fixtures/messy.md");
const KANBAN: &str = include_str!("markdown_fixtures/kanban-board.md");
const ROADMAP: &str = include_str!("markdown_fixtures/roadmap-quarter-headings.md");
const LAZY: &str = include_str!("markdown_fixtures/lazy-quarter.md");
const TABLE: &str = include_str!("markdown_fixtures/quarter-table.md");
const OUTLINE: &str = include_str!("markdown_fixtures/reading-outline.md");
const QUARTER_ITEMS: &str = include_str!("markdown_fixtures/quarter-items-and-titles.md");

fn today() -> NaiveDate {
    date(2026, 3, 2)
}

/// Imports `text`, checking what every import must give: a valid plan.
fn import(text: &str) -> MarkdownImport {
    let import = import_markdown(text, today());
    if let Err(error) = validate(&import.plan) {
        panic!("invalid plan from an import: {error}");
    }
    import
}

fn unplaced_lines(import: &MarkdownImport) -> Vec<usize> {
    import
        .unplaced
        .iter()
        .map(|unplaced| unplaced.line)
        .collect()
}

fn reason_of(import: &MarkdownImport, line: usize) -> &str {
    import
        .unplaced
        .iter()
        .find(|unplaced| unplaced.line == line)
        .map_or("", |unplaced| unplaced.reason.as_str())
}

/// The plan as Markdown carries it: without its logs.
fn without_logs(plan: &Plan) -> Plan {
    Plan {
        time_entries: Vec::new(),
        expenses: Vec::new(),
        reviews: Vec::new(),
        ..plan.clone()
    }
}

/// The export without its header comment.
fn export_body(plan: &Plan) -> String {
    let export = export_markdown(plan);
    let (_, body) = export.split_once("-->\n").unwrap();
    body.to_owned()
}

fn titles(block: &Block) -> Vec<(&str, bool)> {
    block
        .tasks
        .iter()
        .map(|task| (task.title.as_str(), task.done))
        .collect()
}

fn spans(lane: &Swimlane) -> Vec<(Quarter, Quarter)> {
    lane.blocks
        .iter()
        .map(|block| (block.first_quarter, block.last_quarter))
        .collect()
}

/// Each lane's name and subtitle.
fn lanes(plan: &Plan) -> Vec<(&str, &str)> {
    plan.swimlanes
        .iter()
        .map(|lane| (lane.name.as_str(), lane.subtitle.as_str()))
        .collect()
}

/// Each time category's name and weekly target.
fn hours(plan: &Plan) -> Vec<(&str, f64, f64)> {
    plan.time_categories
        .iter()
        .map(|c| (c.name.as_str(), c.weekly_min_hours, c.weekly_max_hours))
        .collect()
}

/// Each budget line's name and kind.
fn money(plan: &Plan) -> Vec<(&str, BudgetKind)> {
    plan.budget_lines
        .iter()
        .map(|line| (line.name.as_str(), line.kind))
        .collect()
}

fn cadences(plan: &Plan) -> Vec<(Period, &str)> {
    plan.review_cadences
        .iter()
        .map(|c| (c.period, c.purpose.as_str()))
        .collect()
}

// --- the seed -----------------------------------------------------------------

#[test]
fn the_fixture_is_the_seed() {
    // The fixture is a copy, so that this suite does not reach outside the
    // repository; when the seed beside the design is there, they must agree.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/annual-plan.md");
    if let Ok(text) = fs::read_to_string(seed) {
        assert_eq!(
            text, SEED,
            "tests/markdown_fixtures/annual-plan.md is out of date"
        );
    }
}

#[test]
fn importing_the_seed_gives_the_default_plan() {
    let import = import(SEED);
    assert_eq!(import.plan, default_plan(today()));
    // The Overview paragraph is the seed's one line a plan has no place for.
    assert_eq!(
        import.unplaced,
        vec![UnplacedLine {
            line: 4,
            text: "This document outlines the annual plan for Elixir Systems Mastery, \
                   organized into three swimlanes: Core, Scale, and Compliance."
                .to_owned(),
            reason: "under \"Overview\", a section a plan has no place for".to_owned(),
        }]
    );

    // The year is the one of `today`, as for the default plan.
    let later = date(2031, 7, 15);
    assert_eq!(
        import_markdown(SEED, later).plan,
        default_plan(later),
        "start date from today's year"
    );
}

#[test]
fn exporting_the_default_plan_gives_back_the_seed() {
    // The seed less its Overview (a plan has no place for it), plus the
    // start date, which the seed leaves to the year it is imported in.
    let expected = SEED.replace(
        "# Annual Plan\n\n## Overview\nThis document outlines the annual plan for Elixir \
         Systems Mastery, organized into three swimlanes: Core, Scale, and Compliance.\n",
        "# Annual Plan\n**Start**: 2026-01-01\n",
    );
    assert_ne!(expected, SEED);
    assert!(expected.ends_with("review\n"));
    assert_eq!(export_body(&default_plan(today())), expected);
}

#[test]
fn the_export_says_what_markdown_does_not_carry() {
    let export = export_markdown(&default_plan(today()));
    assert!(export.starts_with("<!--\n"), "{export}");
    let (header, _) = export.split_once("-->").unwrap();
    for words in [
        "does not hold the time entries, expenses or reviews",
        "yearplan import",
    ] {
        assert!(header.contains(words), "{words:?} not in {header}");
    }
}

// --- other shapes ---------------------------------------------------------------

#[test]
fn a_team_roadmap_with_five_lanes_spans_and_ticked_boxes() {
    let import = import(TEAM_ROADMAP);
    assert_eq!(import.unplaced, Vec::new());
    let plan = &import.plan;
    assert_eq!(plan.title, "Platform Team Roadmap 2027");
    assert_eq!(plan.start_date, date(2027, 4, 1));
    assert_eq!(plan.currency_symbol, "€");
    assert_eq!(
        plan.goals,
        [
            "Cut p95 latency in half",
            "Ship the self-serve onboarding",
            "Hire two engineers"
        ]
    );

    assert_eq!(
        lanes(plan),
        [
            ("Infrastructure", "Cloud & Networking"),
            ("API", "Public Endpoints"),
            ("Mobile", ""),
            ("Data", "Analytics"),
            ("Hiring", "People"),
        ]
    );
    use Quarter::{Q1, Q2, Q3, Q4};
    let all_spans: Vec<_> = plan.swimlanes.iter().map(spans).collect();
    assert_eq!(
        all_spans,
        [
            vec![(Q1, Q1), (Q2, Q4)],
            vec![(Q1, Q2), (Q3, Q3)],
            vec![(Q2, Q3), (Q4, Q4)],
            vec![(Q2, Q4)],
            vec![(Q1, Q1), (Q2, Q2)],
        ]
    );
    let infrastructure = &plan.swimlanes[0];
    assert_eq!(
        titles(&infrastructure.blocks[1]),
        [
            ("Multi-region failover", false),
            ("Cost dashboards per team", true)
        ]
    );
    let done = plan.tasks().filter(|task| task.done).count();
    assert_eq!((plan.tasks().count(), done), (14, 6));
    // Ids in the order of the document.
    let ids: Vec<u64> = plan.tasks().map(|task| task.id.0).collect();
    assert_eq!(ids, (1..=14).collect::<Vec<_>>());
    assert!(plan.phases.is_empty());

    assert_eq!(
        hours(plan),
        [("On-call", 4.0, 6.0), ("Code review", 8.0, 8.0)]
    );
    assert_eq!(
        money(plan),
        [
            ("Cloud", BudgetKind::Monthly { cents: 250_000 }),
            (
                "Conference travel",
                BudgetKind::OneTime { cap_cents: 400_000 }
            ),
        ]
    );
    let metrics: Vec<MetricMeasure> = plan.success_metrics.iter().map(|m| m.measure).collect();
    assert_eq!(
        metrics,
        [
            MetricMeasure::Manual { done: true },
            MetricMeasure::Manual { done: false },
            MetricMeasure::Manual { done: false },
        ]
    );
    assert_eq!(
        cadences(plan),
        [
            (Period::Weekly, "Team sync on blockers"),
            (Period::Quarterly, "Roadmap re-plan with product"),
        ]
    );
}

#[test]
fn a_plan_of_only_tasks_goes_into_one_lane_for_the_year() {
    let import = import(MINIMAL);
    assert_eq!(import.unplaced, Vec::new());
    let plan = &import.plan;
    assert_eq!(plan.title, "");
    assert_eq!(plan.start_date, date(2026, 1, 1));
    assert_eq!(plan.swimlanes.len(), 1);
    let lane = &plan.swimlanes[0];
    assert_eq!((lane.id, lane.name.as_str()), (LaneId(1), "Tasks"));
    assert_eq!(spans(lane), [(Quarter::Q1, Quarter::Q4)]);
    assert_eq!(
        titles(&lane.blocks[0]),
        [
            ("Renew passport", false),
            ("Book dentist", true),
            ("Learn to juggle", false)
        ]
    );
    assert!(plan.phases.is_empty() && plan.goals.is_empty());
}

#[test]
fn an_outline_with_no_checkboxes_or_quarters_reads_its_bullets_as_tasks() {
    let import = import(OUTLINE);
    let plan = &import.plan;
    assert_eq!(plan.title, "Mara's year of Rust");
    // A heading with a list under it is a lane; one with only headings
    // under it ("Foundations") is reported, as is prose between lists.
    assert_eq!(
        lanes(plan),
        [
            ("Books to work through", ""),
            ("Side projects", ""),
            ("Tools to learn", "")
        ]
    );
    for lane in &plan.swimlanes {
        assert_eq!(spans(lane), [(Quarter::Q1, Quarter::Q4)], "{}", lane.name);
    }
    assert_eq!(
        titles(&plan.swimlanes[0].blocks[0]),
        [
            (
                "The Rust Programming Language: https://doc.rust-lang.org/book/",
                false
            ),
            ("Rust for Rustaceans", false),
            ("Zero to Production", false),
        ]
    );
    // Bullets under a bullet are its details, however deep, with their
    // further lines.
    let books = &plan.swimlanes[0].blocks[0].tasks;
    assert_eq!(
        books[1].notes,
        "- chapters 1-4 first\n- https://rust-for-rustaceans.com/"
    );
    let projects = &plan.swimlanes[1].blocks[0].tasks;
    assert_eq!(
        titles(&plan.swimlanes[1].blocks[0]),
        [("Weather station", false), ("Tiny text editor", false)]
    );
    assert_eq!(
        projects[0].notes,
        "- sensor driver\n- needs an I2C breakout\n- dashboard\nwith a second line of detail"
    );
    assert_eq!(
        titles(&plan.swimlanes[2].blocks[0]),
        [("cargo-fuzz", false), ("criterion", false)]
    );
    // The aim, the heading with only headings under it and the two lines
    // of prose; the empty bullet is nothing to report.
    assert_eq!(unplaced_lines(&import), [3, 5, 8, 28]);
    assert!(reason_of(&import, 5).contains("nothing under it"));

    // One checkbox anywhere says which items are tasks: the plain bullets
    // outside a lane are then reported, not read as tasks.
    let ticked = import_markdown(&OUTLINE.replace("+ Tiny", "- [x] Tiny"), today());
    let tasks: Vec<&str> = ticked
        .plan
        .tasks()
        .map(|task| task.title.as_str())
        .collect();
    assert_eq!(tasks, ["Tiny text editor"]);
}

#[test]
fn quarters_as_list_items_and_quarters_with_titles() {
    let import = import(QUARTER_ITEMS);
    let plan = &import.plan;
    // Quarter headings under "Roadmap" stand in no lane: the plan's lane.
    assert_eq!(
        lanes(plan),
        [("Core", ""), ("Scale", ""), ("Plan 2027", "")]
    );
    use Quarter::{Q1, Q2, Q3, Q4};
    // `- **Q1**` with its tasks nested under it is a block of the lane.
    assert_eq!(spans(&plan.swimlanes[0]), [(Q1, Q1), (Q2, Q2)]);
    assert_eq!(
        titles(&plan.swimlanes[0].blocks[0]),
        [("Write the parser", false), ("Set up CI", true)]
    );
    assert_eq!(titles(&plan.swimlanes[0].blocks[1]), [("Ship 1.0", false)]);
    // A plain bullet under a quarter item is a task too.
    assert_eq!(spans(&plan.swimlanes[1]), [(Q3, Q3), (Q4, Q4)]);
    assert_eq!(
        titles(&plan.swimlanes[1].blocks[0]),
        [("Load tests", false)]
    );
    assert_eq!(titles(&plan.swimlanes[1].blocks[1]), [("Chaos day", false)]);
    // Quarter headings with a title; the year sets the start.
    assert_eq!(plan.start_date, date(2027, 1, 1));
    assert_eq!(spans(&plan.swimlanes[2]), [(Q1, Q1), (Q3, Q3)]);
    assert_eq!(
        titles(&plan.swimlanes[2].blocks[1]),
        [("Marketing site", true)]
    );
    // Each title is said, since a block has no place for it.
    assert_eq!(unplaced_lines(&import), [13, 18, 21]);
    assert!(reason_of(&import, 18).contains("the title \"Foundations\" of Q1"));
}

#[test]
fn a_lane_named_like_a_quarter_with_a_title_stays_a_lane() {
    let mut plan = Plan::empty("Lanes", date(2026, 1, 1));
    plan.swimlanes.push(Swimlane {
        id: LaneId(1),
        name: "Q1: Foundations".to_owned(),
        subtitle: String::new(),
        blocks: vec![Block {
            id: BlockId(1),
            first_quarter: Quarter::Q2,
            last_quarter: Quarter::Q2,
            tasks: vec![task(1, "Pick a stack")],
        }],
    });
    let again = import(&export_markdown(&plan));
    assert_eq!(lanes(&again.plan), [("Q1: Foundations", "")]);
    assert_eq!(
        spans(&again.plan.swimlanes[0]),
        [(Quarter::Q2, Quarter::Q2)]
    );
}

#[test]
fn a_messy_plan_imports_what_it_can_and_reports_every_other_line() {
    // The fixture has Windows line endings; make sure of it whatever git does.
    let crlf = MESSY.replace("\r\n", "\n").replace('\n', "\r\n");
    let import = import(&crlf);
    let plan = &import.plan;

    assert_eq!(plan.title, "My messy 2026 plan!");
    assert_eq!(plan.start_date, date(2026, 2, 1));
    assert_eq!(
        plan.goals,
        ["Get fit", "Read 20 books (fiction and non-fiction)"]
    );

    assert_eq!(
        lanes(plan),
        [
            ("Health", ""),
            ("Reading list", "Books"),
            ("Learning", "Elixir"),
            ("", ""),
        ]
    );
    use Quarter::{Q1, Q2, Q3, Q4};
    let health = &plan.swimlanes[0];
    assert_eq!(spans(health), [(Q1, Q1), (Q1, Q3), (Q2, Q2)]);
    assert_eq!(
        titles(&health.blocks[0]),
        [("Join a gym", true), ("Run a 5k", false)]
    );
    let run = &health.blocks[0].tasks[1];
    assert_eq!(run.due, Some(date(2026, 3, 15)));
    assert_eq!(run.notes, "Bring the good shoes");
    assert_eq!(
        titles(&health.blocks[2]),
        [
            ("Phase 3: GenServer", true),
            ("Phase 4 - Supervision trees", false)
        ]
    );
    let reading = &plan.swimlanes[1];
    assert_eq!(spans(reading), [(Q2, Q2)]);
    assert_eq!(
        titles(&reading.blocks[0]),
        [
            ("Dune", false),
            ("Neuromancer", false),
            ("Something under a quarter that is not one", false),
        ]
    );
    assert_eq!(spans(&plan.swimlanes[2]), [(Q3, Q4)]);
    assert_eq!(spans(&plan.swimlanes[3]), [(Q4, Q4)]);

    // "Phase 3: GenServer" is ticked, so phase 3 is done.
    let phases: Vec<(u32, &str, Quarter, PhaseStatus)> = plan
        .phases
        .iter()
        .map(|p| (p.number, p.name.as_str(), p.quarter, p.status))
        .collect();
    assert_eq!(
        phases,
        [
            (3, "GenServer", Q2, PhaseStatus::Done),
            (4, "Supervision trees", Q2, PhaseStatus::NotStarted),
            (5, "Ecto", Q4, PhaseStatus::NotStarted),
        ]
    );

    assert_eq!(plan.currency_symbol, "$");
    assert_eq!(
        money(plan),
        [
            ("Gym", BudgetKind::Monthly { cents: 120_000 }),
            ("Streaming", BudgetKind::Monthly { cents: 5_000 }),
            ("Course", BudgetKind::OneTime { cap_cents: 30_000 }),
        ]
    );
    assert_eq!(
        hours(plan),
        [
            ("Exercise", 10.0, 10.0),
            ("Reading", 5.0, 5.0),
            ("Sleep", 49.0, 56.0)
        ]
    );
    let metrics: Vec<(&str, MetricMeasure)> = plan
        .success_metrics
        .iter()
        .map(|m| (m.name.as_str(), m.measure))
        .collect();
    assert_eq!(
        metrics,
        [
            ("Gym habit formed", MetricMeasure::Manual { done: true }),
            ("All 2 phases completed", MetricMeasure::PhasesDone),
        ]
    );
    assert_eq!(
        cadences(plan),
        [
            (Period::Weekly, "sunday check-in"),
            (Period::Monthly, "budget look")
        ]
    );

    // Every line that is not in the plan as written, in order, once.
    assert_eq!(
        unplaced_lines(&import),
        [
            1, 12, 23, 35, 41, 45, 47, 48, 53, 54, 57, 59, 65, 70, 71, 73, 74, 75
        ]
    );
    for (line, words) in [
        (1, "prose"),
        (12, "Goals"),
        (23, "backwards; read as Q1-Q3"),
        (35, "prose"),
        (41, "numbers 2 phases but names 1"),
        (45, "written in € but the plan's currency is $"),
        (47, "per week"),
        (48, "not a weekly hours target"),
        (53, "read as 49-56"),
        (54, "hours per day"),
        (57, "Risks"),
        (59, "nothing under it"),
        (65, "Success Metrics"),
        (70, "not a review cadence"),
        (71, "second weekly cadence"),
        (74, "code"),
    ] {
        assert!(
            reason_of(&import, line).contains(words),
            "line {line}: {:?} lacks {words:?}",
            reason_of(&import, line)
        );
    }
    let first = &import.unplaced[0];
    assert_eq!(
        first.text,
        "Some intro text before any heading, nobody knows why."
    );

    // Line endings change nothing but the bytes.
    let lf = import_markdown(&MESSY.replace("\r\n", "\n"), today());
    assert_eq!(lf, import);
    let cr = import_markdown(&MESSY.replace("\r\n", "\r"), today());
    assert_eq!(unplaced_lines(&cr), unplaced_lines(&import));
}

#[test]
fn other_shapes_of_the_same_things() {
    let text = "\u{feff}Annual goals\n------------\n\n\
        - Ship it\n\n\
        ## Platform — no subtitle here\n\n\
        ### Q2\n\
        + [ ] Under a quarter heading\n\n\
        ## Tasks\n\
        - [ ] Lands in a lane named after its heading\n\n\
        ## Time and money\n\
        Deep work: ~8h weekly\n\
        **Reading:** 3 hours\n\
        Hosting - 80 EUR a month\n\
        **Conferences**: $1,200/year\n\
        Currency: EUR\n";
    let import = import(text);
    let plan = &import.plan;
    assert_eq!(plan.title, "");
    assert_eq!(plan.goals, ["Ship it"]);
    let lanes: Vec<&str> = plan.swimlanes.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(lanes, ["Platform — no subtitle here", "Tasks"]);
    assert_eq!(spans(&plan.swimlanes[0]), [(Quarter::Q2, Quarter::Q2)]);
    assert_eq!(
        spans(&plan.swimlanes[1]),
        [(Quarter::Q1, Quarter::Q4)],
        "tasks without a quarter cover the year"
    );
    assert_eq!(
        hours(plan),
        [("Deep work", 8.0, 8.0), ("Reading", 3.0, 3.0)]
    );
    assert_eq!(plan.currency_symbol, "EUR");
    let money: Vec<BudgetKind> = plan.budget_lines.iter().map(|l| l.kind).collect();
    assert_eq!(
        money,
        [
            BudgetKind::Monthly { cents: 8_000 },
            BudgetKind::OneTime { cap_cents: 120_000 }
        ]
    );
    // The yearly amount was bent into a one-time cap, and its $ is not the
    // plan's EUR.
    assert_eq!(unplaced_lines(&import), [18, 18]);
    assert!(
        import
            .unplaced
            .iter()
            .any(|unplaced| unplaced.reason.contains("one-time cap"))
    );
}

// --- plans as people write them -----------------------------------------------------

/// The same text with Windows line endings, whatever git did to the fixture.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

#[test]
fn a_quarter_line_right_after_a_task_starts_the_next_block() {
    use Quarter::{Q1, Q2, Q3, Q4};
    let import = import(LAZY);
    let plan = &import.plan;
    assert_eq!(lanes(plan), [("Garden", ""), ("Writing", "")]);
    let garden = &plan.swimlanes[0];
    assert_eq!(spans(garden), [(Q1, Q1), (Q2, Q2), (Q3, Q3), (Q4, Q4)]);
    assert_eq!(
        titles(&garden.blocks[0]),
        [("Order seeds", false), ("Build raised bed", true)]
    );
    assert_eq!(titles(&garden.blocks[1]), [("Plant tomatoes", false)]);
    // The detail under the task stays with it; the quarter after it does not.
    assert_eq!(garden.blocks[1].tasks[0].notes, "- cherry and beefsteak");
    assert_eq!(titles(&garden.blocks[2]), [("Harvest", false)]);
    assert_eq!(titles(&garden.blocks[3]), [("Compost the beds", false)]);
    assert!(
        garden.blocks[0]
            .tasks
            .iter()
            .all(|task| task.notes.is_empty())
    );

    let writing = &plan.swimlanes[1];
    assert_eq!(spans(writing), [(Q1, Q2), (Q3, Q3), (Q4, Q4)]);
    assert_eq!(writing.blocks[0].tasks[0].notes, "one chapter a week");
    assert_eq!(titles(&writing.blocks[1]), []);
    assert_eq!(titles(&writing.blocks[2]), [("Send to an agent", true)]);
    // The prose after a quarter is not the task's: it is reported.
    assert_eq!(unplaced_lines(&import), [22]);
    assert!(reason_of(&import, 22).contains("prose"));

    // As if the writer had left a blank line before each quarter.
    let spaced = LAZY.replace("\n**Q", "\n\n**Q").replace("\nQ3:", "\n\nQ3:");
    let spaced = import_markdown(&spaced, today());
    assert_eq!(spaced.plan, import.plan);
    assert_eq!(import_markdown(&crlf(LAZY), today()), import);
}

#[test]
fn a_lazy_quarter_line_after_a_paragraph_or_a_nested_item() {
    let text = "## Ops\nSome words first\n**Q2**\n- [ ] Patch\n  - [x] Nested\nQ4:\n- [ ] Audit";
    let import = import(text);
    let lane = &import.plan.swimlanes[0];
    assert_eq!(
        spans(lane),
        [(Quarter::Q2, Quarter::Q2), (Quarter::Q4, Quarter::Q4)]
    );
    assert_eq!(
        titles(&lane.blocks[0]),
        [("Patch", false), ("Nested", true)]
    );
    assert_eq!(titles(&lane.blocks[1]), [("Audit", false)]);
    assert_eq!(unplaced_lines(&import), [2]);
}

#[test]
fn a_roadmap_of_quarter_headings_in_a_readme() {
    use Quarter::{Q3, Q4};
    let import = import(ROADMAP);
    let plan = &import.plan;
    assert_eq!(plan.title, "Orbit Sync Operator");
    // The first heading is Q3 2025: the plan is the year 2025.
    assert_eq!(plan.start_date, date(2025, 1, 1));
    assert_eq!(lanes(plan), [("Orbit Sync Operator", "")]);
    let lane = &plan.swimlanes[0];
    assert_eq!(spans(lane), [(Q3, Q3), (Q4, Q4), (Q4, Q4)]);
    assert_eq!(
        titles(&lane.blocks[0]),
        [
            ("Helm chart", true),
            ("Multi-tenant mode", false),
            ("Metrics endpoint", true)
        ]
    );
    assert_eq!(
        titles(&lane.blocks[1]),
        [("`v1` API (stable)", false), ("ARM64 images", false)]
    );
    assert_eq!(titles(&lane.blocks[2]), [("Web console", false)]);
    // The prose around the roadmap, the empty "Getting started" and
    // "License", and Q1 2026, which is after the plan's year.
    assert_eq!(
        unplaced_lines(&import),
        [2, 5, 6, 8, 9, 10, 11, 13, 15, 28, 32, 33]
    );
    let bent = reason_of(&import, 28);
    assert!(
        bent.contains("after") && bent.contains("read as Q4"),
        "{bent}"
    );
    assert_eq!(import_markdown(&crlf(ROADMAP), today()).plan, import.plan);
}

#[test]
fn quarter_headings_with_and_without_years_and_plain_bullets() {
    use Quarter::{Q1, Q2, Q3};
    let text = "# Launch\n\n## Q1 2027\n- plain dash\n* star\n+ plus\n  - a detail\n\n\
        ### 2027 Q2\n- [x] ticked\n\n## Q3 (Jul–Sep)\n- [ ] three\n\n\
        ## Notes\nSome prose\n- not a task\n";
    let import = import(text);
    let plan = &import.plan;
    assert_eq!(plan.start_date, date(2027, 1, 1));
    assert_eq!(lanes(plan), [("Launch", "")]);
    let lane = &plan.swimlanes[0];
    assert_eq!(spans(lane), [(Q1, Q1), (Q2, Q2), (Q3, Q3)]);
    assert_eq!(
        titles(&lane.blocks[0]),
        [("plain dash", false), ("star", false), ("plus", false)]
    );
    assert_eq!(lane.blocks[0].tasks[2].notes, "- a detail");
    assert_eq!(titles(&lane.blocks[1]), [("ticked", true)]);
    assert_eq!(titles(&lane.blocks[2]), [("three", false)]);
    assert_eq!(unplaced_lines(&import), [16, 17]);

    // No title: the lane is "Plan". No year: the start stays.
    let untitled = import_markdown("### Q3\n- [ ] x\n", today());
    assert_eq!(lanes(&untitled.plan), [("Plan", "")]);
    assert_eq!(spans(&untitled.plan.swimlanes[0]), [(Q3, Q3)]);
    assert_eq!(untitled.plan.start_date, date(2026, 1, 1));
}

#[test]
fn quarter_headings_inside_lanes_and_lanes_inside_quarters() {
    use Quarter::{Q1, Q2};
    // The lane heading above the quarter.
    let lane_first = import("## Backend\n### Q1 2027\n- [ ] API\n### Q2 2027\n- [ ] Billing\n");
    assert_eq!(lanes(&lane_first.plan), [("Backend", "")]);
    assert_eq!(spans(&lane_first.plan.swimlanes[0]), [(Q1, Q1), (Q2, Q2)]);
    assert_eq!(lane_first.plan.start_date, date(2027, 1, 1));
    assert_eq!(lane_first.unplaced, Vec::new());

    // Quarters first, lanes below them: each lane taken up again by name.
    let quarters_first = import(
        "# Team\n## Q1\n### Backend\n- [ ] API\n### Frontend\n- [ ] Login page\n\
         ## Q2\n### Backend\n- [ ] Billing\n",
    );
    let plan = &quarters_first.plan;
    assert_eq!(lanes(plan), [("Backend", ""), ("Frontend", "")]);
    assert_eq!(spans(&plan.swimlanes[0]), [(Q1, Q1), (Q2, Q2)]);
    assert_eq!(titles(&plan.swimlanes[0].blocks[1]), [("Billing", false)]);
    assert_eq!(spans(&plan.swimlanes[1]), [(Q1, Q1)]);
    assert_eq!(quarters_first.unplaced, Vec::new());

    // A start date the document gives wins; a calendar quarter is then
    // the plan's quarter it falls in.
    let started = import("Start: 2026-04-01\n\n## Q3 2026\n- [ ] Summer\n");
    assert_eq!(started.plan.start_date, date(2026, 4, 1));
    assert_eq!(spans(&started.plan.swimlanes[0]), [(Q2, Q2)]);
}

#[test]
fn an_obsidian_kanban_board_comes_in_as_a_lane_per_column() {
    let text = crlf(KANBAN);
    assert!(!text.ends_with('\n'), "the fixture has no final newline");
    let import = import(&text);
    let plan = &import.plan;
    // Neither the front matter nor the settings are tasks or reported.
    assert_eq!(import.unplaced, Vec::new());
    assert_eq!(plan.title, "");
    assert_eq!(
        lanes(plan),
        [
            ("Backlog", ""),
            ("Doing", ""),
            ("Done", ""),
            ("Archive", "")
        ]
    );
    for lane in &plan.swimlanes {
        assert_eq!(spans(lane), [(Quarter::Q1, Quarter::Q4)], "{}", lane.name);
    }
    assert_eq!(
        titles(&plan.swimlanes[0].blocks[0]),
        [
            ("Save game format", false),
            ("Controller rumble #feature", false),
            ("Hex pathfinding (works, needs tuning)", true),
            ("Audio mixer with `ducking`", false),
        ]
    );
    assert_eq!(
        titles(&plan.swimlanes[1].blocks[0]),
        [("Inventory screen #ui", false), ("drag and drop", false)]
    );
    // The **Complete** column: every card done, the marker no card.
    assert_eq!(
        titles(&plan.swimlanes[2].blocks[0]),
        [("Title screen", true), ("Main menu music", true)]
    );
    assert_eq!(
        titles(&plan.swimlanes[3].blocks[0]),
        [
            ("2024-03-02 10:15 Switch to wgpu", true),
            ("2024-03-02 10:15 Old particle system", false)
        ]
    );
    assert_eq!(
        import_markdown(&text.replace("\r\n", "\n"), today()),
        import
    );
}

#[test]
fn kanban_settings_and_front_matter_in_any_document_are_skipped() {
    // Not a board: a "## Done" heading is then a lane only for its tasks,
    // and an unclosed comment is said.
    let text = "---\ntitle: Plan from a site\n\nlayout: page\n---\n\n## Done\n- [x] One\n\n%% a note\nstill a note %%\n\n%% open\n- [ ] hidden\n";
    let import = import(text);
    assert_eq!(import.plan.title, "Plan from a site");
    assert_eq!(lanes(&import.plan), [("Done", "")]);
    assert_eq!(import.plan.tasks().count(), 1);
    assert_eq!(unplaced_lines(&import), [13]);
    assert!(reason_of(&import, 13).contains("never closed"));
}

#[test]
fn a_table_with_a_column_per_quarter() {
    use Quarter::{Q1, Q2, Q3, Q4};
    let import = import(TABLE);
    let plan = &import.plan;
    assert_eq!(plan.title, "2025 : My year in four columns");
    assert_eq!(
        lanes(plan),
        [
            ("Run a half marathon", ""),
            ("Read 24 books.", ""),
            ("████ ███", ""),
            ("Learn Rust", "")
        ]
    );
    let run = &plan.swimlanes[0];
    assert_eq!(spans(run), [(Q1, Q1), (Q2, Q2), (Q4, Q4)]);
    assert_eq!(titles(&run.blocks[1]), [("Done.", true)]);
    assert_eq!(titles(&run.blocks[2]), [("Failed", false)]);
    let read = &plan.swimlanes[1];
    assert_eq!(spans(read), [(Q1, Q1), (Q2, Q2), (Q3, Q3)]);
    assert_eq!(titles(&read.blocks[0]), [("5/24", false)]);
    assert_eq!(titles(&read.blocks[2]), [("Nothing yet", false)]);
    assert_eq!(spans(&plan.swimlanes[2]).len(), 4);
    let rust = &plan.swimlanes[3];
    assert_eq!(spans(rust), [(Q1, Q1), (Q2, Q2)]);
    assert_eq!(
        titles(&rust.blocks[0]),
        [("The Book", true), ("Rustlings", false)]
    );
    // The prose, the <br>, the quote and the notes after the table, which
    // are not tasks of its last row.
    assert_eq!(unplaced_lines(&import), [10, 19, 21, 23, 25, 26]);

    // A table without quarters is reported, row by row.
    let other = import_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n", today());
    assert_eq!(unplaced_lines(&other), [1, 3]);
    assert!(other.plan.swimlanes.is_empty());
}

// --- round trips ----------------------------------------------------------------

#[test]
fn the_default_plan_survives_export_and_import() {
    let plan = default_plan(today());
    let back = import(&export_markdown(&plan));
    assert_eq!(back.unplaced, Vec::new());
    assert_eq!(back.plan, plan);
}

#[test]
fn the_example_plan_survives_export_and_import_less_its_logs() {
    let plan = example_plan().unwrap();
    assert!(!plan.time_entries.is_empty() && !plan.expenses.is_empty());
    let back = import(&export_markdown(&plan));
    assert_eq!(back.unplaced, Vec::new());
    assert_eq!(back.plan, without_logs(&plan));
    // Phase statuses and dates, done dates, due dates, notes and phase
    // links are all in it.
    assert!(
        back.plan
            .phases
            .iter()
            .any(|p| p.status == PhaseStatus::InProgress)
    );
    assert!(back.plan.tasks().any(|t| t.done_on.is_some()));
    assert!(
        back.plan
            .tasks()
            .any(|t| t.due.is_some() && !t.notes.is_empty())
    );
    assert!(back.plan.tasks().any(|t| t.phase.is_some()));
}

fn task(id: u64, title: &str) -> Task {
    Task {
        id: TaskId(id),
        title: title.to_owned(),
        done: false,
        done_on: None,
        due: None,
        notes: String::new(),
        phase: None,
    }
}

/// A plan with everything Markdown could misread: markup in names, names
/// that look like quarters or end in parentheses, empty lanes and blocks,
/// notes over paragraphs, every kind of metric, phases of every status, an
/// unusual currency.
fn awkward_plan() -> Plan {
    let mut plan = Plan::empty("Plan #", date(2026, 4, 1));
    plan.currency_symbol = "#".to_owned();
    plan.goals = vec![
        "*Not* emphasis, [not] a link, `not` code, <not> html, &amp; not an entity".to_owned(),
        "1. not a list".to_owned(),
    ];
    let block = |id: u64, first: Quarter, last: Quarter, tasks: Vec<Task>| Block {
        id: BlockId(id),
        first_quarter: first,
        last_quarter: last,
        tasks,
    };
    plan.swimlanes = vec![
        Swimlane {
            id: LaneId(1),
            name: "Ops (EU)".to_owned(),
            subtitle: String::new(),
            blocks: vec![
                block(
                    1,
                    Quarter::Q1,
                    Quarter::Q4,
                    vec![
                        Task {
                            done: true,
                            done_on: Some(date(2026, 5, 1)),
                            due: Some(date(2026, 4, 30)),
                            phase: Some(2),
                            notes: "First line\n- not a list\n\nAfter a blank line\n**Due**: \
                                    not a date"
                                .to_owned(),
                            ..task(1, "- [ ] not a checkbox _really_ \\ back\\slash")
                        },
                        task(2, ""),
                        task(3, "Phase 9: Named by a task but listed below"),
                    ],
                ),
                block(2, Quarter::Q3, Quarter::Q3, Vec::new()),
            ],
        },
        Swimlane {
            id: LaneId(2),
            name: "Q2".to_owned(),
            subtitle: "Looks like a quarter".to_owned(),
            blocks: Vec::new(),
        },
        Swimlane {
            id: LaneId(3),
            name: "H1".to_owned(),
            subtitle: String::new(),
            blocks: vec![block(
                3,
                Quarter::Q2,
                Quarter::Q3,
                vec![task(4, "#hashtag")],
            )],
        },
    ];
    let phase = |number, name: &str, quarter, status| Phase {
        number,
        name: name.to_owned(),
        quarter,
        status,
        started_on: None,
        done_on: None,
    };
    plan.phases = vec![
        Phase {
            started_on: Some(date(2026, 4, 2)),
            done_on: Some(date(2026, 4, 20)),
            ..phase(2, "Two, with a comma", Quarter::Q1, PhaseStatus::Done)
        },
        Phase {
            started_on: Some(date(2026, 5, 2)),
            ..phase(9, "Nine — dashed", Quarter::Q3, PhaseStatus::InProgress)
        },
        phase(11, "", Quarter::Q4, PhaseStatus::NotStarted),
    ];
    plan.time_categories = vec![yearplan::model::TimeCategory {
        id: yearplan::model::CategoryId(1),
        name: "Deep: work".to_owned(),
        weekly_min_hours: 7.25,
        weekly_max_hours: 12.5,
    }];
    plan.budget_lines = vec![
        yearplan::model::BudgetLine {
            id: yearplan::model::LineId(1),
            name: "Start".to_owned(),
            kind: BudgetKind::Monthly { cents: 12_345 },
        },
        yearplan::model::BudgetLine {
            id: yearplan::model::LineId(2),
            name: "Nothing".to_owned(),
            kind: BudgetKind::OneTime { cap_cents: 0 },
        },
    ];
    let metric = |id: u64, name: &str, measure| yearplan::model::SuccessMetric {
        id: yearplan::model::MetricId(id),
        name: name.to_owned(),
        measure,
    };
    plan.success_metrics = vec![
        metric(
            1,
            "All 3 phases completed",
            MetricMeasure::Manual { done: true },
        ),
        metric(2, "Phases, counted", MetricMeasure::PhasesDone),
        metric(
            3,
            "Ops done",
            MetricMeasure::LaneTasksDone { lane: LaneId(1) },
        ),
        metric(4, "Steady weeks", MetricMeasure::WeeksInRange { weeks: 12 }),
        metric(
            5,
            "Frugal months",
            MetricMeasure::MonthsWithinRunRate { months: 6 },
        ),
    ];
    plan.review_cadences = vec![yearplan::model::ReviewCadence {
        id: yearplan::model::CadenceId::for_period(Period::Monthly),
        period: Period::Monthly,
        purpose: String::new(),
    }];
    validate(&plan).unwrap();
    plan
}

#[test]
fn an_awkward_plan_survives_export_and_import() {
    let plan = awkward_plan();
    let export = export_markdown(&plan);
    let back = import(&export);
    assert_eq!(back.unplaced, Vec::new(), "{export}");
    assert_eq!(back.plan, plan, "{export}");
    assert!(export.contains("\n## Phases\n"), "{export}");
    assert!(export.contains("**Currency**: \\#"), "{export}");
}

#[test]
fn a_plan_without_phases_section_needs_none() {
    // The default plan's phases are exactly those its task lines name.
    let export = export_markdown(&default_plan(today()));
    assert!(!export.contains("## Phases"));
    // A status the task lines cannot say makes the section appear.
    let mut plan = default_plan(today());
    plan.phases[0].status = PhaseStatus::InProgress;
    let export = export_markdown(&plan);
    assert!(
        export.contains("- [ ] Phase 0: Tooling — Q1, in progress\n"),
        "{export}"
    );
    assert_eq!(import(&export).plan, plan);
}

/// A small deterministic generator, so the suite needs no dependency for it.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "# Title",
    "# Second title",
    "## Goals",
    "## Swimlanes",
    "### Core (Sub)",
    "### Ops",
    "###",
    "#### Q2",
    "## Budget",
    "## Phases",
    "## Success Metrics",
    "## Review Cadence",
    "## Notes",
    "## Random heading",
    "**Q1**",
    "**Q2-Q4**",
    "**Q3-Q1**",
    "H1",
    "Q2 ()",
    "- [ ] task *em* `code` [link](http://x.example)",
    "- [x] Complete Phases 0-2 (A, B, C)",
    "- [ ] Phase 7: Seven",
    "- [x] Phase 7 — Q2, in progress, started 2026-01-01, done 2025-01-01",
    "- [ ] Phase 8: Eight — Q5",
    "- plain bullet",
    "* [X] starred",
    "  **Due**: 2026-05-01",
    "  **Done**: 2026-05-02",
    "  **Phase**: 7",
    "  **Phase**: 70",
    "  **Notes**: note line",
    "  more notes",
    "    - deeper",
    "1. one",
    "2) [ ] two",
    "- **Learning**: 15-20 hours/week",
    "- **Sleep**: 90-300 hours/week",
    "- **Books**: $500",
    "- **Hosting**: €10/month",
    "- **Bad**: $1.234",
    "- [x] All 3 phases completed",
    "  **Measured**: tasks done in lane Core",
    "  **Measured**: weeks in range over the last 9999 weeks",
    "  **Measured**: by hand",
    "- **Weekly**: check",
    "- **Monthly**: look",
    "Start: 2026-01-01",
    "Start: 1800-01-01",
    "**Currency**: £",
    "prose line",
    "> - [ ] quoted task",
    "```",
    "<div>",
    "<!-- c -->",
    "",
    "",
    "- ",
    "- [ ]",
    "| a | b |",
    "\\# escaped",
    "&amp; &#38; &bogus;",
    "[ref]: http://x.example",
    "Title\n=====",
    "***",
    "- [ ] a\u{0}nul",
];

#[test]
fn generated_documents_import_valid_plans_that_survive_a_round_trip() {
    let mut random = Lcg(7);
    for round in 0..400 {
        let count = 1 + random.below(40);
        let ending = if random.below(3) == 0 { "\r\n" } else { "\n" };
        let document: Vec<&str> = (0..count)
            .map(|_| FRAGMENTS[random.below(FRAGMENTS.len())])
            .collect();
        let document = document.join(ending);
        let first = import(&document);
        let export = export_markdown(&first.plan);
        let second = import(&export);
        assert_eq!(
            second.plan, first.plan,
            "round {round}:\n{document}\n--- exported as ---\n{export}"
        );
    }
}

// --- hostile input ----------------------------------------------------------------

#[test]
fn hostile_documents_give_valid_plans_and_never_panic() {
    let deep_quotes = format!("{}- [ ] deep\n", "> ".repeat(50_000));
    let deep_lists: String = (0..2_000)
        .map(|depth| format!("{}- [ ] level {depth}\n", "  ".repeat(depth)))
        .collect();
    let brackets = format!("{}{}\n", "[".repeat(200_000), "]".repeat(200_000));
    let emphasis = "*a **b ".repeat(100_000);
    let long_line = format!("- [ ] {}\n", "x".repeat(2_000_000));
    let phases = "- [ ] Phases 0-4294967295 (A)\n- [ ] Phase 4294967296: Big\n".repeat(100);
    // Many of everything, to catch anything quadratic.
    let many_phases: String = (0..10_000)
        .map(|number| format!("- [ ] Phase {number}: P{number}\n  **Phase**: {number}\n"))
        .collect();
    let many_links: String = (0..20_000)
        .map(|n| format!("[line {n}\nbreaks](http://x.example/{n})\n"))
        .collect();
    let numbers = format!(
        "- **Huge**: ${}\n- **Hours**: {} hours/week\n",
        "9".repeat(500),
        "9".repeat(500)
    );
    for document in [
        deep_quotes.as_str(),
        &deep_lists,
        &brackets,
        &emphasis,
        &long_line,
        &phases,
        &many_phases,
        &many_links,
        &numbers,
        "\u{0}\u{1}\u{7f}\r\r\n\n",
        "#",
        "**",
        "- [x]",
        "<!--",
        "```\n- [ ] inside an unclosed fence",
        "",
    ] {
        let import = import(document);
        assert!(import.unplaced.len() <= MAX_LISTED_UNPLACED + 1);
        let again = import_markdown(&export_markdown(&import.plan), today());
        assert_eq!(again.plan, import.plan);
    }
    let long = import(&long_line);
    assert_eq!(long.plan.tasks().next().unwrap().title.len(), 2_000_000);
    // Lines quoted in a report are cut short.
    let prose = import(&format!("{}\n", "y".repeat(100_000)));
    assert!(prose.unplaced[0].text.chars().count() <= 201);
}

#[test]
fn a_document_of_nothing_but_stray_lines_lists_a_thousand_and_counts_the_rest() {
    let document = "stray\n\n".repeat(5_000);
    let import = import(&document);
    assert_eq!(import.unplaced.len(), MAX_LISTED_UNPLACED + 1);
    let last = import.unplaced.last().unwrap();
    assert_eq!(last.line, 2 * MAX_LISTED_UNPLACED + 1);
    assert!(
        last.reason.starts_with("and 4000 more lines"),
        "{}",
        last.reason
    );
}

// --- the commands -----------------------------------------------------------------

/// `yearplan COMMAND INPUT -o OUTPUT`, run in `folder`.
fn yearplan_to(
    command: &str,
    input: impl AsRef<OsStr>,
    output: impl AsRef<OsStr>,
    folder: &Path,
) -> Output {
    yearplan(
        &[
            command.as_ref(),
            input.as_ref(),
            "-o".as_ref(),
            output.as_ref(),
        ],
        folder,
    )
}

#[test]
fn import_writes_the_plan_and_warns_about_each_line_it_could_not_place() {
    let dir = tempfile::tempdir().unwrap();
    let markdown = write_file(dir.path(), "messy.md", MESSY);
    let output = dir.path().join("messy.ron");

    let run = yearplan_to("import", &markdown, &output, dir.path());
    assert_no_panic(&run);
    assert_eq!(run.status.code(), Some(0), "stderr: {}", text(&run.stderr));
    let stderr = text(&run.stderr);
    assert!(
        stderr.starts_with(
            "yearplan: warning: line 1: prose Yearplan does not read: not a task (- [ ] …), a \
             quarter (**Q1**), a start date, hours or an amount: Some intro text before any \
             heading, nobody knows why.\n"
        ),
        "stderr: {stderr}"
    );
    assert_eq!(stderr.lines().count(), 18, "stderr: {stderr}");
    assert!(
        stderr.contains("warning: line 47: an amount per week"),
        "stderr: {stderr}"
    );

    let plan = load_plan(&output).unwrap();
    assert_eq!(plan.title, "My messy 2026 plan!");
    assert_eq!(plan.swimlanes.len(), 4);
    assert!(text(&run.stdout).contains("18 lines not placed"));
}

#[test]
fn import_refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let markdown = write_file(dir.path(), "plan.md", SEED);
    let output = write_file(dir.path(), "plan.ron", "my precious plan");

    let run = yearplan(
        &[
            "import".as_ref(),
            markdown.as_os_str(),
            "--output".as_ref(),
            output.as_os_str(),
        ],
        dir.path(),
    );
    assert_no_panic(&run);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("already exists; Yearplan will not overwrite it"),
        "stderr: {stderr}"
    );
    assert_eq!(fs::read_to_string(&output).unwrap(), "my precious plan");
}

#[test]
fn import_of_a_missing_or_binary_file_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("plan.ron");
    let run = yearplan_to("import", "nowhere.md", &output, dir.path());
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(text(&run.stderr), "yearplan: No such file: nowhere.md\n");
    assert!(!output.exists());

    let binary = write_file(dir.path(), "binary.md", [0xff, 0xfe, 0x00, 0x41]);
    let run = yearplan_to("import", &binary, &output, dir.path());
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text(&run.stderr).contains("not valid UTF-8"),
        "{}",
        text(&run.stderr)
    );
    assert_no_panic(&run);
    assert!(!output.exists());

    // Without -o, clap says what is missing (and exits 2, as clap does).
    let run = yearplan(&["import".as_ref(), binary.as_os_str()], dir.path());
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("--output"));
}

#[test]
fn export_then_import_on_the_command_line_keeps_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("example.ron");
    let markdown = write_file(dir.path(), "example.md", "an old export");
    let back = dir.path().join("back.ron");
    let plan = example_plan().unwrap();
    save_plan(&plan_path, &plan).unwrap();

    let run = yearplan_to("export", &plan_path, &markdown, dir.path());
    assert_no_panic(&run);
    assert_eq!(run.status.code(), Some(0), "stderr: {}", text(&run.stderr));
    assert!(run.stderr.is_empty());
    assert_eq!(
        fs::read_to_string(&markdown).unwrap(),
        export_markdown(&plan)
    );

    let run = yearplan_to("import", &markdown, &back, dir.path());
    assert_eq!(run.status.code(), Some(0), "stderr: {}", text(&run.stderr));
    assert!(run.stderr.is_empty(), "stderr: {}", text(&run.stderr));
    assert_eq!(load_plan(&back).unwrap(), without_logs(&plan));
}

#[test]
fn export_fails_on_a_bad_plan_and_never_writes_over_the_plan_itself() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write_file(dir.path(), "bad.ron", "(format_version: 1, title: \"x\"");
    let markdown = dir.path().join("out.md");
    let run = yearplan_to("export", &bad, &markdown, dir.path());
    assert_no_panic(&run);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text(&run.stderr).starts_with("yearplan: "),
        "{}",
        text(&run.stderr)
    );
    assert!(!markdown.exists());

    let plan_path = dir.path().join("plan.ron");
    save_plan(&plan_path, &default_plan(today())).unwrap();
    let before = fs::read_to_string(&plan_path).unwrap();
    let run = yearplan_to("export", "plan.ron", "./plan.ron", dir.path());
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text(&run.stderr).contains("is the plan itself"),
        "{}",
        text(&run.stderr)
    );
    assert_eq!(fs::read_to_string(&plan_path).unwrap(), before);
}

/// A yearly rhythm is written many ways; each is the yearly cadence (format
/// 5), and the export writes it back as one.
#[test]
fn a_yearly_review_cadence_is_read_in_the_words_people_use() {
    for written in [
        "Yearly",
        "**Annually**",
        "Year-end review",
        "Every year",
        "Annual review",
    ] {
        let text = format!("# Plan\n\n## Review Cadence\n- {written}: the year summed up\n");
        let plan = import(&text).plan;
        assert_eq!(
            cadences(&plan),
            [(Period::Yearly, "the year summed up")],
            "{written}"
        );
        let again = import(&export_markdown(&plan)).plan;
        assert_eq!(cadences(&again), cadences(&plan), "{written}");
    }
}

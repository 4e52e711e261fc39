//! The embedded default plan is the seed `annual-plan.md`, structured. These
//! tests hold it to the seed's text and figures, and keep the file in the
//! exact form Yearplan writes, so saving it unchanged produces no diff.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::date;
use yearplan::model::money::{annual_budget_cents, monthly_run_rate_cents, one_time_caps_cents};
use yearplan::model::progress::{Progress, phases_done, plan_progress};
use yearplan::model::time::weekly_target_total;
use yearplan::model::{
    BudgetKind, CategoryId, LineId, MetricMeasure, Period, PhaseStatus, Plan, Quarter,
};

const DEFAULT_PLAN: &str = include_str!("../assets/default-plan.ron");

fn plan() -> Plan {
    ron::Options::default()
        .from_str::<Plan>(DEFAULT_PLAN)
        .expect("the default plan parses")
}

/// The seed's checklists, lane by lane and block by block, in document order.
const SEED_TASKS: [(&str, Quarter, Quarter, &[&str]); 11] = [
    (
        "Core",
        Quarter::Q1,
        Quarter::Q1,
        &[
            "Complete Phases 0-3 (Tooling, Core Elixir, Processes, GenServer)",
            "Build labs apps for each phase",
            "Establish CI/CD pipeline",
            "Document ADRs for key decisions",
        ],
    ),
    (
        "Core",
        Quarter::Q2,
        Quarter::Q2,
        &[
            "Complete Phases 4-7 (Fleets, Ecto, Phoenix, Dataflow)",
            "Begin Pulse app development",
            "Implement full test suite",
            "Create runbook for common operations",
        ],
    ),
    (
        "Core",
        Quarter::Q3,
        Quarter::Q3,
        &[
            "Complete Phases 8-10 (ETS, Clustering, Observability)",
            "Scale Pulse app across nodes",
            "Establish SLOs and monitoring",
            "Performance optimization",
        ],
    ),
    (
        "Core",
        Quarter::Q4,
        Quarter::Q4,
        &[
            "Complete Phases 11-14 (Testing, Delivery, Capstone, CTO)",
            "Production deployment",
            "GameDay exercises",
            "Final documentation",
        ],
    ),
    (
        "Scale",
        Quarter::Q1,
        Quarter::Q2,
        &[
            "Establish baseline metrics",
            "Define capacity planning approach",
            "Load testing framework",
        ],
    ),
    (
        "Scale",
        Quarter::Q3,
        Quarter::Q3,
        &[
            "Multi-node clustering",
            "Cache optimization",
            "Query performance tuning",
        ],
    ),
    (
        "Scale",
        Quarter::Q4,
        Quarter::Q4,
        &[
            "Production scale testing",
            "Cost optimization",
            "Capacity review",
        ],
    ),
    (
        "Compliance",
        Quarter::Q1,
        Quarter::Q1,
        &[
            "Security tooling (Sobelow, mix_audit)",
            "Dependency management process",
        ],
    ),
    (
        "Compliance",
        Quarter::Q2,
        Quarter::Q2,
        &[
            "Authentication & authorization",
            "Audit logging",
            "PII handling",
        ],
    ),
    (
        "Compliance",
        Quarter::Q3,
        Quarter::Q3,
        &[
            "SOC2 readiness assessment",
            "Incident response procedures",
            "DR planning",
        ],
    ),
    (
        "Compliance",
        Quarter::Q4,
        Quarter::Q4,
        &[
            "Compliance review",
            "Security audit",
            "Policy documentation",
        ],
    ),
];

#[test]
fn the_file_is_in_canonical_form() {
    let written = yearplan::io::to_ron_string(&plan()).unwrap();
    assert_eq!(written, DEFAULT_PLAN);
}

#[test]
fn header_and_goals() {
    let plan = plan();
    assert_eq!(plan.format_version, 5);
    assert_eq!(plan.format_version, yearplan::model::FORMAT_VERSION);
    assert_eq!(plan.title, "Annual Plan");
    assert_eq!(plan.start_date, date(2026, 1, 1));
    assert_eq!(plan.currency_symbol, "$");
    assert_eq!(
        plan.goals,
        [
            "Achieve production-grade Elixir/OTP mastery",
            "Build portfolio of demonstrable systems",
            "Establish CTO-level operational practices",
        ]
    );
}

#[test]
fn three_lanes_with_their_subtitles() {
    let plan = plan();
    let lanes: Vec<(u64, &str, &str)> = plan
        .swimlanes
        .iter()
        .map(|lane| (lane.id.0, lane.name.as_str(), lane.subtitle.as_str()))
        .collect();
    assert_eq!(
        lanes,
        [
            (1, "Core", "Foundation Building"),
            (2, "Scale", "Growth & Performance"),
            (3, "Compliance", "Security & Operations"),
        ]
    );
}

#[test]
fn task_counts_per_lane() {
    // Counted by hand from the seed: Core 4+4+4+4, Scale 3+3+3,
    // Compliance 2+3+3+3.
    let plan = plan();
    let counts: Vec<usize> = plan
        .swimlanes
        .iter()
        .map(|lane| lane.blocks.iter().map(|block| block.tasks.len()).sum())
        .collect();
    assert_eq!(counts, [16, 9, 11]);
    assert_eq!(plan.tasks().count(), 36);
    assert_eq!(plan_progress(&plan), Progress { done: 0, total: 36 });
}

#[test]
fn every_seed_task_in_order_with_ids_from_one() {
    let plan = plan();
    let blocks: Vec<_> = plan
        .swimlanes
        .iter()
        .flat_map(|lane| lane.blocks.iter().map(move |block| (lane, block)))
        .collect();
    assert_eq!(blocks.len(), SEED_TASKS.len());

    let mut next_task_id = 1;
    for (index, ((lane, block), (lane_name, first, last, titles))) in
        blocks.iter().zip(SEED_TASKS).enumerate()
    {
        assert_eq!(lane.name, lane_name);
        assert_eq!(block.id.0, index as u64 + 1, "block ids run 1.. in order");
        assert_eq!((block.first_quarter, block.last_quarter), (first, last));
        let block_titles: Vec<&str> = block.tasks.iter().map(|task| task.title.as_str()).collect();
        assert_eq!(block_titles, titles);
        for task in &block.tasks {
            assert_eq!(
                task.id.0, next_task_id,
                "task ids run 1.. in document order"
            );
            next_task_id += 1;
            assert!(!task.done && task.done_on.is_none(), "{}", task.title);
            assert!(task.due.is_none() && task.notes.is_empty() && task.phase.is_none());
        }
    }

    for title in SEED_TASKS
        .iter()
        .flat_map(|(_, _, _, titles)| titles.iter())
    {
        assert_eq!(
            plan.tasks().filter(|task| task.title == *title).count(),
            1,
            "{title}"
        );
    }
}

#[test]
fn the_scale_q1_q2_block_spans_two_quarters() {
    let plan = plan();
    let scale = &plan.swimlanes[1];
    let block = &scale.blocks[0];
    assert_eq!(
        (block.first_quarter, block.last_quarter),
        (Quarter::Q1, Quarter::Q2)
    );
    assert!(block.spans(Quarter::Q1) && block.spans(Quarter::Q2));
    assert!(!block.spans(Quarter::Q3));
    let spanning = plan
        .swimlanes
        .iter()
        .flat_map(|lane| lane.blocks.iter())
        .filter(|block| block.first_quarter != block.last_quarter)
        .count();
    assert_eq!(spanning, 1);
}

#[test]
fn fifteen_phases_with_names_and_quarters() {
    let plan = plan();
    let expected = [
        (0, "Tooling", Quarter::Q1),
        (1, "Core Elixir", Quarter::Q1),
        (2, "Processes", Quarter::Q1),
        (3, "GenServer", Quarter::Q1),
        (4, "Fleets", Quarter::Q2),
        (5, "Ecto", Quarter::Q2),
        (6, "Phoenix", Quarter::Q2),
        (7, "Dataflow", Quarter::Q2),
        (8, "ETS", Quarter::Q3),
        (9, "Clustering", Quarter::Q3),
        (10, "Observability", Quarter::Q3),
        (11, "Testing", Quarter::Q4),
        (12, "Delivery", Quarter::Q4),
        (13, "Capstone", Quarter::Q4),
        (14, "CTO", Quarter::Q4),
    ];
    let phases: Vec<_> = plan
        .phases
        .iter()
        .map(|phase| (phase.number, phase.name.as_str(), phase.quarter))
        .collect();
    assert_eq!(phases, expected);
    assert!(
        plan.phases
            .iter()
            .all(|phase| phase.status == PhaseStatus::NotStarted
                && phase.started_on.is_none()
                && phase.done_on.is_none())
    );
    assert_eq!(phases_done(&plan), Progress { done: 0, total: 15 });
}

#[test]
fn time_budget_is_30_to_40_hours_a_week() {
    let plan = plan();
    let categories: Vec<_> = plan
        .time_categories
        .iter()
        .map(|category| {
            (
                category.id,
                category.name.as_str(),
                category.weekly_min_hours,
                category.weekly_max_hours,
            )
        })
        .collect();
    assert_eq!(
        categories,
        [
            (CategoryId(1), "Learning", 15.0, 20.0),
            (CategoryId(2), "Building", 10.0, 15.0),
            (CategoryId(3), "Review/Documentation", 5.0, 5.0),
        ]
    );
    assert_eq!(weekly_target_total(&plan), (30.0, 40.0));
}

#[test]
fn money_budget_is_300_a_month_and_4100_a_year() {
    let plan = plan();
    let lines: Vec<_> = plan
        .budget_lines
        .iter()
        .map(|line| (line.id, line.name.as_str(), line.kind))
        .collect();
    assert_eq!(
        lines,
        [
            (
                LineId(1),
                "Books",
                BudgetKind::OneTime { cap_cents: 50_000 }
            ),
            (
                LineId(2),
                "Infrastructure",
                BudgetKind::Monthly { cents: 10_000 }
            ),
            (
                LineId(3),
                "Tools/Services",
                BudgetKind::Monthly { cents: 20_000 }
            ),
        ]
    );
    assert_eq!(monthly_run_rate_cents(&plan), 30_000);
    assert_eq!(one_time_caps_cents(&plan), 50_000);
    assert_eq!(annual_budget_cents(&plan), 410_000);
}

#[test]
fn five_metrics_one_derived() {
    let plan = plan();
    let metrics: Vec<_> = plan
        .success_metrics
        .iter()
        .map(|metric| (metric.id.0, metric.name.as_str(), metric.measure))
        .collect();
    let manual = MetricMeasure::Manual { done: false };
    assert_eq!(
        metrics,
        [
            (1, "All 15 phases completed", MetricMeasure::PhasesDone),
            (2, "Production-grade Pulse app deployed", manual),
            (3, "SLOs consistently met", manual),
            (4, "All documentation complete", manual),
            (
                5,
                "Portfolio demonstrable to potential employers/clients",
                manual
            ),
        ]
    );
    let derived = plan
        .success_metrics
        .iter()
        .filter(|metric| !matches!(metric.measure, MetricMeasure::Manual { .. }))
        .count();
    assert_eq!(derived, 1);
}

#[test]
fn three_review_cadences() {
    let plan = plan();
    let cadences: Vec<_> = plan
        .review_cadences
        .iter()
        .map(|cadence| (cadence.period, cadence.purpose.as_str()))
        .collect();
    assert_eq!(
        cadences,
        [
            (Period::Weekly, "Progress check against tasks"),
            (Period::Monthly, "Swimlane review and adjustment"),
            (Period::Quarterly, "Budget and timeline review"),
        ]
    );
}

#[test]
fn no_logs_yet() {
    let plan = plan();
    assert!(plan.time_entries.is_empty());
    assert!(plan.expenses.is_empty());
    assert!(plan.reviews.is_empty());
}

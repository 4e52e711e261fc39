//! What the model finds and works out on the plans Yearplan ships: the
//! default plan's lookups and free ids, and the overview of the example
//! plan. Both plans are read through `io`, so these tests live here rather
//! than beside the code in `model`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

mod plan {
    use chrono::NaiveDate;

    use yearplan::model::*;

    fn default_plan() -> Plan {
        yearplan::io::default_plan(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    }

    #[test]
    fn blocks_and_tasks_are_found_with_their_lane() {
        let plan = default_plan();
        // Block 5 is the Scale lane's Q1–Q2 block; task 19 is its third task.
        let block = plan.block(BlockId(5)).unwrap();
        assert_eq!(
            (block.first_quarter, block.last_quarter),
            (Quarter::Q1, Quarter::Q2)
        );
        assert_eq!(plan.lane_of_block(BlockId(5)).unwrap().name, "Scale");
        assert_eq!(
            plan.block_of_task(TaskId(19)),
            Some((LaneId(2), BlockId(5), 2))
        );
        assert_eq!(
            plan.block_of_task(TaskId(1)),
            Some((LaneId(1), BlockId(1), 0))
        );
        assert_eq!(plan.block(BlockId(99)), None);
        assert_eq!(plan.lane_of_block(BlockId(99)), None);
        assert_eq!(plan.block_of_task(TaskId(99)), None);
    }

    #[test]
    fn a_free_candidate_id_is_taken_as_it_is() {
        let plan = default_plan();
        assert_eq!(plan.unused_task_id(1_000), TaskId(1_000));
        assert_eq!(plan.unused_block_id(12), BlockId(12));
        assert_eq!(plan.unused_lane_id(u64::MAX), LaneId(u64::MAX));
    }

    #[test]
    fn a_used_candidate_moves_on_to_the_next_free_id() {
        // Tasks 1–36, blocks 1–11 and lanes 1–3 are used.
        let plan = default_plan();
        assert_eq!(plan.unused_task_id(7), TaskId(37));
        assert_eq!(plan.unused_task_id(36), TaskId(37));
        assert_eq!(plan.unused_block_id(1), BlockId(12));
        assert_eq!(plan.unused_lane_id(2), LaneId(4));
    }

    #[test]
    fn zero_is_never_handed_out() {
        let plan = default_plan();
        assert_eq!(plan.unused_task_id(0), TaskId(37));
        assert_eq!(plan.unused_lane_id(0), LaneId(4));
        let empty = Plan::empty("", plan.start_date);
        assert_eq!(empty.unused_task_id(0), TaskId(1));
        assert_eq!(empty.unused_block_id(0), BlockId(1));
        assert_eq!(empty.unused_lane_id(0), LaneId(1));
    }

    #[test]
    fn the_search_wraps_past_the_largest_id_and_skips_zero() {
        let mut plan = default_plan();
        let last = u64::MAX;
        plan.swimlanes[0].blocks[0].tasks[0].id = TaskId(last);
        plan.swimlanes[0].blocks[0].tasks[1].id = TaskId(last - 1);
        // Task 1 is now `u64::MAX`, so 1 is free after the wrap.
        assert_eq!(plan.unused_task_id(last - 1), TaskId(1));
        plan.swimlanes[0].blocks[0].id = BlockId(last);
        plan.swimlanes[0].blocks[1].id = BlockId(0);
        // Blocks 0, 3–11 and `u64::MAX` are used; 1 is free.
        assert_eq!(plan.unused_block_id(last), BlockId(1));
        plan.swimlanes[2].id = LaneId(last);
        // Lanes 1, 2 and `u64::MAX`: past the wrap, 1 and 2 are taken.
        assert_eq!(plan.unused_lane_id(last), LaneId(3));
    }
}

mod overview {
    use chrono::NaiveDate;

    use super::day;
    use yearplan::model::calendar::{IsoWeek, YearMonth};
    use yearplan::model::money::monthly_spend;
    use yearplan::model::overview::*;
    use yearplan::model::progress::Progress;
    use yearplan::model::time::TargetState;
    use yearplan::model::time::weekly_hours;
    use yearplan::model::*;

    fn week(year: i32, week: u32) -> IsoWeek {
        IsoWeek { year, week }
    }

    fn month(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    /// The example plan: starts Monday 4 May 2026, hours logged through
    /// Saturday 28 November, phases 0–5 of 15 done, task 7 due 21 October.
    fn example() -> Plan {
        yearplan::io::example_plan().unwrap()
    }

    /// The example's Friday 27 November 2026, in ISO week 2026-W48.
    fn example_today() -> NaiveDate {
        day(2026, 11, 27)
    }

    fn status(plan: &Plan, measure: MetricMeasure, today: NaiveDate) -> MetricStatus {
        metric_progress(
            plan,
            &weekly_hours(plan),
            &monthly_spend(plan),
            measure,
            today,
        )
    }

    #[test]
    fn a_manual_metric_is_what_was_ticked() {
        let plan = example();
        let ticked = status(&plan, MetricMeasure::Manual { done: true }, example_today());
        assert_eq!(ticked.progress, Progress { done: 1, total: 1 });
        assert!(ticked.met);
        assert_eq!(ticked.evidence, "Ticked by hand");
        let open = status(
            &plan,
            MetricMeasure::Manual { done: false },
            example_today(),
        );
        assert_eq!(open.progress, Progress { done: 0, total: 1 });
        assert!(!open.met);
        assert_eq!(open.evidence, "Not ticked yet");
    }

    #[test]
    fn phases_done_counts_the_example_phases() {
        // Phases 0–5 are Done, 6 is in progress, 7–14 not started.
        let mut plan = example();
        let phases = status(&plan, MetricMeasure::PhasesDone, example_today());
        assert_eq!(phases.progress, Progress { done: 6, total: 15 });
        assert!(!phases.met);
        assert_eq!(phases.evidence, "6 of 15 phases done");
        for phase in &mut plan.phases {
            phase.status = PhaseStatus::Done;
        }
        let all = status(&plan, MetricMeasure::PhasesDone, example_today());
        assert!(all.met);
        assert_eq!(all.evidence, "15 of 15 phases done");
        plan.phases.clear();
        let none = status(&plan, MetricMeasure::PhasesDone, example_today());
        assert_eq!(none.progress, Progress::default());
        assert!(!none.met);
        assert_eq!(none.evidence, "The plan has no phases");
    }

    #[test]
    fn lane_tasks_done_counts_one_lanes_tasks() {
        let plan = example();
        // Core: tasks 1–6 of 1–16 done; Compliance: 26, 27 and 28 of 26–36.
        let core = status(
            &plan,
            MetricMeasure::LaneTasksDone { lane: LaneId(1) },
            example_today(),
        );
        assert_eq!(core.progress, Progress { done: 6, total: 16 });
        assert_eq!(core.evidence, "Core: 6 of 16 tasks done");
        assert!(!core.met);
        let compliance = status(
            &plan,
            MetricMeasure::LaneTasksDone { lane: LaneId(3) },
            example_today(),
        );
        assert_eq!(compliance.evidence, "Compliance: 3 of 11 tasks done");
        let gone = status(
            &plan,
            MetricMeasure::LaneTasksDone { lane: LaneId(9) },
            example_today(),
        );
        assert_eq!(gone.progress, Progress::default());
        assert_eq!(gone.evidence, "Swimlane 9 is not in the plan");
        assert!(!gone.met);
    }

    #[test]
    fn weeks_in_range_on_the_example() {
        // Weeks 2026-W44 to W47 (26 October – 22 November), by hand from the
        // file: Learning 17.25, 22.75, 15.5, 17.0; Building 11.5, 15.0,
        // 10.25, 11.25; Review/Documentation 5.75, 7.5, 5.25, 5.75.
        // Every week reaches every minimum (15, 10 and 5 h). Review's exact
        // 5 h is topped every week and W45's 22.75 h of Learning tops 20:
        // over the range, shown as over, but no miss.
        let mut plan = example();
        let four = MetricMeasure::WeeksInRange { weeks: 4 };
        let all = status(&plan, four, example_today());
        assert_eq!(all.progress, Progress { done: 4, total: 4 });
        assert!(all.met);
        assert_eq!(
            all.evidence,
            "4 of the last 4 weeks reached every category's target (2026-W44 – 2026-W47)"
        );
        // With Learning's minimum at 17 h, W46's 15.5 h falls short; W47's
        // 17.0 h is exactly on it, which counts.
        plan.time_categories[0].weekly_min_hours = 17.0;
        let raised = status(&plan, four, example_today());
        assert_eq!(raised.progress, Progress { done: 3, total: 4 });
        assert!(!raised.met);
        assert_eq!(
            raised.evidence,
            "3 of the last 4 weeks reached every category's target (2026-W44 – 2026-W47); \
             short: 2026-W46 (Learning)"
        );
        // The last week, W47, reached them all: met.
        let one = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 1 },
            example_today(),
        );
        assert_eq!(one.progress, Progress { done: 1, total: 1 });
        assert!(one.met);
        assert_eq!(
            one.evidence,
            "1 of the last 1 weeks reached every category's target (2026-W47)"
        );
        // On Sunday 29 November W48 is still in progress; on Monday 30 it counts.
        let sunday = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 1 },
            day(2026, 11, 29),
        );
        assert!(
            sunday.evidence.ends_with("(2026-W47)"),
            "{}",
            sunday.evidence
        );
        let monday = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 1 },
            day(2026, 11, 30),
        );
        assert!(
            monday.evidence.ends_with("(2026-W48)"),
            "{}",
            monday.evidence
        );
    }

    #[test]
    fn weeks_in_range_early_in_the_year_and_across_the_holiday() {
        // Review's hours over its exact 5 h are no miss: only the minimums count.
        let mut plan = example();
        // Wednesday 20 May: W19 and W20 are complete, both in range.
        let early = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 4 },
            day(2026, 5, 20),
        );
        assert_eq!(early.progress, Progress { done: 2, total: 4 });
        assert!(!early.met);
        assert_eq!(
            early.evidence,
            "2 of the 2 complete weeks of the plan year so far reached every category's target \
             (2026-W19 – 2026-W20); the metric looks at 4"
        );
        // Monday 10 August: W29, W30, then the holiday weeks W31 and W32
        // with nothing logged (every category under).
        let holiday = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 4 },
            day(2026, 8, 10),
        );
        assert_eq!(holiday.progress, Progress { done: 2, total: 4 });
        assert_eq!(
            holiday.evidence,
            "2 of the last 4 weeks reached every category's target (2026-W29 – 2026-W32); \
             short: 2026-W31 (Learning, Building, Review/Documentation), \
             2026-W32 (Learning, Building, Review/Documentation)"
        );
        // On the plan's first day no week is complete.
        let first = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 4 },
            day(2026, 5, 4),
        );
        assert_eq!(first.progress, Progress { done: 0, total: 4 });
        assert_eq!(
            first.evidence,
            "No complete week of the plan year to judge yet"
        );
        plan.time_categories.clear();
        let no_categories = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 4 },
            example_today(),
        );
        assert_eq!(
            no_categories.evidence,
            "The plan has no time categories to reach"
        );
        assert!(!no_categories.met);
    }

    #[test]
    fn months_within_run_rate_on_the_example() {
        // Monthly-line spend by hand: May 203.00, Jun 336.00 (with the load
        // testing service), Jul 211.00, Aug 203.00, Sep 423.50 (load testing
        // and extra nodes), Oct 211.00; the run-rate is 300.00.
        let plan = example();
        let three = status(
            &plan,
            MetricMeasure::MonthsWithinRunRate { months: 3 },
            example_today(),
        );
        assert_eq!(three.progress, Progress { done: 2, total: 3 });
        assert!(!three.met);
        assert_eq!(
            three.evidence,
            "2 of the last 3 months stayed within the $300.00 run-rate \
             (Aug 2026 – Oct 2026); over: Sep 2026 ($423.50)"
        );
        let year = status(
            &plan,
            MetricMeasure::MonthsWithinRunRate { months: 12 },
            example_today(),
        );
        assert_eq!(year.progress, Progress { done: 4, total: 12 });
        assert_eq!(
            year.evidence,
            "4 of the 6 complete months of the plan year so far stayed within the $300.00 \
             run-rate (May 2026 – Oct 2026); the metric looks at 12; \
             over: Jun 2026 ($336.00), Sep 2026 ($423.50)"
        );
        // The one-time book bought in October does not count against it.
        let october = status(
            &plan,
            MetricMeasure::MonthsWithinRunRate { months: 1 },
            example_today(),
        );
        assert!(october.met);
        assert_eq!(
            october.evidence,
            "1 of the last 1 months stayed within the $300.00 run-rate (Oct 2026)"
        );
        let first = status(
            &plan,
            MetricMeasure::MonthsWithinRunRate { months: 3 },
            day(2026, 5, 31),
        );
        assert_eq!(
            first.evidence,
            "No complete month of the plan year to judge yet"
        );
    }

    #[test]
    fn the_phase_forecast_on_the_example() {
        // 6 phases done in the 207 days from 4 May to 27 November; 9 left
        // take 207 × 9 ÷ 6 = 310.5, so 311 days: Monday 4 October 2027,
        // after the year's last day, 3 May 2027.
        let plan = example();
        let forecast = phase_completion_forecast(&plan, example_today());
        assert_eq!(
            forecast,
            PhaseForecast::Projected {
                last_phase: 14,
                on: day(2027, 10, 4),
                done: 6,
                remaining: 9,
                days_elapsed: 207,
            }
        );
        assert_eq!(
            forecast.describe(plan.start_date),
            "At this pace (6 phases done in 207 days), Phase 14 completes on \
             Mon 4 Oct 2027, after the plan year ends on Mon 3 May 2027"
        );
    }

    #[test]
    fn the_spend_forecast_on_the_example() {
        // Monthly lines May–Nov: 203.00 + 336.00 + 211.00 + 203.00 + 423.50
        // + 211.00 + 203.00 = 1,790.50 over 7 months begun, × 12 ÷ 7 =
        // 3,069.43 (3,069.428… rounded); books 44.99 + 39.99 + 47.50 + 35.20
        // + 52.00 = 219.68 once. 3,289.11 against 12 × 300 + 500 = 4,100.
        let plan = example();
        let forecast = spend_forecast(&plan, &monthly_spend(&plan), example_today());
        assert_eq!(
            forecast,
            SpendForecast {
                projected_cents: Some(328_911),
                annual_budget_cents: 410_000,
            }
        );
        assert!(!forecast.is_over());
        assert_eq!(
            forecast.describe("$"),
            "Year-end spend projected at $3,289.11, within the $4,100.00 annual budget \
             ($810.89 to spare)"
        );
        let over = SpendForecast {
            projected_cents: Some(420_000),
            annual_budget_cents: 410_000,
        };
        assert!(over.is_over());
        assert_eq!(
            over.describe("$"),
            "Year-end spend projected at $4,200.00, over the $4,100.00 annual budget by $100.00"
        );
        let before = spend_forecast(&plan, &monthly_spend(&plan), day(2026, 5, 3));
        assert_eq!(before.projected_cents, None);
        assert_eq!(
            before.describe("$"),
            "Not enough data yet to project the year-end spend: the plan year has not begun"
        );
    }

    #[test]
    fn the_examples_only_due_task_is_overdue() {
        // The example's only due date: task 7, 21 October, 37 days before 27 November.
        assert_eq!(
            next_tasks_due(&example(), example_today(), NEXT_TASKS),
            [DueTask {
                task: TaskId(7),
                due: day(2026, 10, 21),
                days_left: -37
            }]
        );
    }
    #[test]
    fn the_overview_of_the_example() {
        let plan = example();
        let figures = overview(
            &plan,
            &weekly_hours(&plan),
            &monthly_spend(&plan),
            example_today(),
        );
        assert_eq!(figures.week, week(2026, 48));
        // 23–29 November: Learning 3 × 5 + 2.25, Building 2 × 5 + 1.5,
        // Review 3 + 2.75.
        let hours: Vec<(CategoryId, f64, TargetState)> = figures
            .week_hours
            .iter()
            .map(|(id, figure)| (*id, figure.hours, figure.state))
            .collect();
        assert_eq!(
            hours,
            [
                (CategoryId(1), 17.25, TargetState::InRange),
                (CategoryId(2), 11.5, TargetState::InRange),
                (CategoryId(3), 5.75, TargetState::Over),
            ]
        );
        assert_eq!(
            figures.week_hours[0].1.describe(),
            "17.3 h of 15–20 h (in range)"
        );
        assert_eq!(
            figures.week_total,
            HoursAgainstTarget {
                hours: 34.5,
                min_hours: 30.0,
                max_hours: 40.0,
                state: TargetState::InRange
            }
        );
        // November: 49 + 36 + 19 + 99 on the monthly lines; a 52.00 book.
        assert_eq!(
            figures.month,
            MonthAgainstRunRate {
                month: month(2026, 11),
                monthly_lines_cents: 20_300,
                one_time_cents: 5_200,
                run_rate_cents: 30_000,
            }
        );
        assert!(!figures.month.is_over());
        assert_eq!(
            figures.month.describe("$"),
            "Nov 2026: $203.00 on the monthly lines of the $300.00 run-rate (within), \
             plus $52.00 on one-time lines"
        );
        assert_eq!(
            figures.plan_progress,
            Progress {
                done: 11,
                total: 36
            }
        );
        assert_eq!(
            figures.lanes,
            [
                (LaneId(1), Progress { done: 6, total: 16 }),
                (LaneId(2), Progress { done: 2, total: 9 }),
                (LaneId(3), Progress { done: 3, total: 11 }),
            ]
        );
        // Q1: blocks 1 (4/4), 5 (Q1–Q2, 2/3), 8 (2/2); Q2: 2 (2/4), 5, 9 (1/3).
        assert_eq!(
            figures.quarters,
            [
                Progress { done: 8, total: 9 },
                Progress { done: 5, total: 10 },
                Progress { done: 0, total: 10 },
                Progress { done: 0, total: 10 },
            ]
        );
        assert_eq!(figures.phases_done, Progress { done: 6, total: 15 });
        let due: Vec<(Period, bool)> = figures
            .reviews
            .iter()
            .map(|cadence| (cadence.period, cadence.due.is_due()))
            .collect();
        assert_eq!(
            due,
            [
                (Period::Weekly, true),
                (Period::Monthly, false),
                (Period::Quarterly, true)
            ]
        );
        assert_eq!(figures.next_tasks.len(), 1);
        assert_eq!(figures.metrics.len(), 5);
        assert_eq!(figures.metrics[0].1.evidence, "6 of 15 phases done");
    }

    #[test]
    fn a_week_with_nothing_logged_is_under_everywhere() {
        let mut plan = Plan::empty("Test", day(2026, 1, 5));
        plan.time_categories = vec![TimeCategory {
            id: CategoryId(1),
            name: "Learning".to_owned(),
            weekly_min_hours: 15.0,
            weekly_max_hours: 20.0,
        }];
        plan.time_entries = vec![TimeEntry {
            id: Default::default(),
            date: day(2026, 1, 12),
            category: CategoryId(1),
            hours: 15.0,
            note: String::new(),
        }];
        plan.budget_lines = vec![BudgetLine {
            id: LineId(1),
            name: "Tools".to_owned(),
            kind: BudgetKind::Monthly { cents: 1_000 },
        }];
        plan.expenses = vec![Expense {
            id: Default::default(),
            date: day(2026, 1, 30),
            line: LineId(1),
            cents: 1_001,
            note: String::new(),
        }];
        // W02 (5–11 January) empty, W03 (12–18) exactly at the minimum.
        let weeks = status(
            &plan,
            MetricMeasure::WeeksInRange { weeks: 2 },
            day(2026, 1, 19),
        );
        assert_eq!(weeks.progress, Progress { done: 1, total: 2 });
        assert_eq!(
            weeks.evidence,
            "1 of the last 2 weeks reached every category's target (2026-W02 – 2026-W03); \
             short: 2026-W02 (Learning)"
        );
        // January: 10.01 against a 10.00 run-rate, one cent over.
        let months = status(
            &plan,
            MetricMeasure::MonthsWithinRunRate { months: 1 },
            day(2026, 2, 1),
        );
        assert_eq!(months.progress, Progress { done: 0, total: 1 });
        assert_eq!(
            months.evidence,
            "0 of the last 1 months stayed within the $10.00 run-rate (Jan 2026); \
             over: Jan 2026 ($10.01)"
        );
    }
}

//! How much of the plan is done: per block, lane, quarter, the whole plan and
//! its phases.

use chrono::NaiveDate;

use super::calendar::quarter_end;
use super::{Block, PhaseNumber, PhaseStatus, Plan, Quarter, Swimlane, Task};

/// `done` out of `total`, shown as "3/4" on progress bars.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// Between 0.0 and 1.0 for a sane count; 0.0 when there is nothing to do,
    /// so an empty block draws an empty bar rather than a full one.
    pub fn fraction(self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            self.done as f32 / self.total as f32
        }
    }

    pub fn is_complete(self) -> bool {
        self.total > 0 && self.done >= self.total
    }
}

impl std::ops::Add for Progress {
    type Output = Progress;

    fn add(self, other: Progress) -> Progress {
        Progress {
            done: self.done.saturating_add(other.done),
            total: self.total.saturating_add(other.total),
        }
    }
}

impl std::iter::Sum for Progress {
    fn sum<I: Iterator<Item = Progress>>(iter: I) -> Progress {
        iter.fold(Progress::default(), |sum, progress| sum + progress)
    }
}

impl std::fmt::Display for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.done, self.total)
    }
}

fn tasks_progress<'a>(tasks: impl Iterator<Item = &'a Task>) -> Progress {
    tasks.fold(Progress::default(), |sum, task| {
        sum + Progress {
            done: usize::from(task.done),
            total: 1,
        }
    })
}

pub fn block_progress(block: &Block) -> Progress {
    tasks_progress(block.tasks.iter())
}

pub fn lane_progress(lane: &Swimlane) -> Progress {
    lane.blocks.iter().map(block_progress).sum()
}

/// The tasks of every block whose span covers `quarter`.
///
/// A block spanning Q1–Q2 counts in both quarters, because the board's Q1 and
/// Q2 columns both show that work; the four quarters therefore do not add up
/// to [`plan_progress`] when a plan has spanning blocks.
pub fn quarter_progress(plan: &Plan, quarter: Quarter) -> Progress {
    plan.swimlanes
        .iter()
        .flat_map(|lane| lane.blocks.iter())
        .filter(|block| block.spans(quarter))
        .map(block_progress)
        .sum()
}

pub fn plan_progress(plan: &Plan) -> Progress {
    tasks_progress(plan.tasks())
}

/// Phases whose status is Done, out of all phases.
pub fn phases_done(plan: &Plan) -> Progress {
    Progress {
        done: plan
            .phases
            .iter()
            .filter(|phase| phase.status == PhaseStatus::Done)
            .count(),
        total: plan.phases.len(),
    }
}

/// Phases not done whose planned quarter ended before `today`, in plan order.
pub fn late_phases(plan: &Plan, today: NaiveDate) -> Vec<PhaseNumber> {
    plan.phases
        .iter()
        .filter(|phase| {
            phase.status != PhaseStatus::Done && quarter_end(plan.start_date, phase.quarter) < today
        })
        .map(|phase| phase.number)
        .collect()
}

/// Tasks done over the plan year, for a burn-up chart: how many were done
/// by the end of each day a task was ticked, against the whole count.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BurnUp {
    /// (days since the plan's start, tasks done by the end of that day),
    /// one point per day something was ticked, in order. Tasks ticked
    /// before the start count on its first day.
    pub points: Vec<(i64, usize)>,
    /// Done tasks without the day they were ticked (ticked by hand in the
    /// file): counted in `done` but on no day.
    pub undated: usize,
    pub done: usize,
    pub total: usize,
}

/// The burn-up of `lane`'s tasks, or of the whole plan's with `None`.
pub fn burn_up(plan: &Plan, lane: Option<super::LaneId>) -> BurnUp {
    let mut days: Vec<i64> = Vec::new();
    let mut burn = BurnUp::default();
    for task in plan
        .swimlanes
        .iter()
        .filter(|candidate| lane.is_none_or(|id| candidate.id == id))
        .flat_map(|lane| lane.blocks.iter())
        .flat_map(|block| block.tasks.iter())
    {
        burn.total += 1;
        if !task.done {
            continue;
        }
        burn.done += 1;
        match task.done_on {
            Some(on) => days.push((on - plan.start_date).num_days().max(0)),
            None => burn.undated += 1,
        }
    }
    days.sort_unstable();
    let mut done = 0;
    for day in days {
        done += 1;
        match burn.points.last_mut() {
            Some(last) if last.0 == day => last.1 = done,
            _ => burn.points.push((day, done)),
        }
    }
    burn
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::{BlockId, LaneId, Phase, TaskId};

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn task(id: u64, done: bool) -> Task {
        Task {
            id: TaskId(id),
            title: format!("Task {id}"),
            done,
            done_on: None,
            due: None,
            notes: String::new(),
            phase: None,
        }
    }

    fn block(id: u64, first: Quarter, last: Quarter, done: &[bool]) -> Block {
        Block {
            id: BlockId(id),
            first_quarter: first,
            last_quarter: last,
            tasks: done
                .iter()
                .enumerate()
                .map(|(i, &done)| task(id * 100 + i as u64, done))
                .collect(),
        }
    }

    fn phase(number: PhaseNumber, quarter: Quarter, status: PhaseStatus) -> Phase {
        Phase {
            number,
            name: format!("Phase {number}"),
            quarter,
            status,
            started_on: None,
            done_on: None,
        }
    }

    /// Lane A: Q1 (2 of 3 done), Q2 (0 of 1). Lane B: Q1–Q2 (1 of 2), Q4 (2 of 2).
    fn plan() -> Plan {
        let mut plan = Plan::empty("Test", date(2026, 1, 1));
        plan.swimlanes = vec![
            Swimlane {
                id: LaneId(1),
                name: "A".to_owned(),
                subtitle: String::new(),
                blocks: vec![
                    block(1, Quarter::Q1, Quarter::Q1, &[true, true, false]),
                    block(2, Quarter::Q2, Quarter::Q2, &[false]),
                ],
            },
            Swimlane {
                id: LaneId(2),
                name: "B".to_owned(),
                subtitle: String::new(),
                blocks: vec![
                    block(3, Quarter::Q1, Quarter::Q2, &[true, false]),
                    block(4, Quarter::Q4, Quarter::Q4, &[true, true]),
                ],
            },
        ];
        plan.phases = vec![
            phase(0, Quarter::Q1, PhaseStatus::Done),
            phase(1, Quarter::Q1, PhaseStatus::InProgress),
            phase(2, Quarter::Q2, PhaseStatus::NotStarted),
            phase(3, Quarter::Q3, PhaseStatus::Done),
        ];
        plan
    }

    #[test]
    fn fraction_and_display() {
        let progress = Progress { done: 3, total: 4 };
        assert!((progress.fraction() - 0.75).abs() < f32::EPSILON);
        assert_eq!(progress.to_string(), "3/4");
        assert!(Progress::default().fraction().abs() < f32::EPSILON);
        assert_eq!(Progress::default().to_string(), "0/0");
        assert!(!Progress::default().is_complete());
        assert!(Progress { done: 2, total: 2 }.is_complete());
    }

    #[test]
    fn blocks_and_lanes() {
        let plan = plan();
        let a = &plan.swimlanes[0];
        let b = &plan.swimlanes[1];
        assert_eq!(block_progress(&a.blocks[0]), Progress { done: 2, total: 3 });
        assert_eq!(block_progress(&a.blocks[1]), Progress { done: 0, total: 1 });
        assert_eq!(lane_progress(a), Progress { done: 2, total: 4 });
        assert_eq!(lane_progress(b), Progress { done: 3, total: 4 });
        assert_eq!(plan_progress(&plan), Progress { done: 5, total: 8 });
    }

    #[test]
    fn a_spanning_block_counts_in_each_quarter_it_spans() {
        let plan = plan();
        // Q1: A/Q1 (2/3) + B/Q1–Q2 (1/2).
        assert_eq!(
            quarter_progress(&plan, Quarter::Q1),
            Progress { done: 3, total: 5 }
        );
        // Q2: A/Q2 (0/1) + B/Q1–Q2 (1/2).
        assert_eq!(
            quarter_progress(&plan, Quarter::Q2),
            Progress { done: 1, total: 3 }
        );
        assert_eq!(quarter_progress(&plan, Quarter::Q3), Progress::default());
        assert_eq!(
            quarter_progress(&plan, Quarter::Q4),
            Progress { done: 2, total: 2 }
        );
        let quarters: Progress = Quarter::ALL
            .into_iter()
            .map(|quarter| quarter_progress(&plan, quarter))
            .sum();
        assert_eq!(quarters, Progress { done: 6, total: 10 });
        assert_ne!(quarters, plan_progress(&plan));
    }

    #[test]
    fn an_empty_plan_has_no_progress() {
        let plan = Plan::empty("Empty", date(2026, 1, 1));
        assert_eq!(plan_progress(&plan), Progress::default());
        assert_eq!(phases_done(&plan), Progress::default());
        assert_eq!(quarter_progress(&plan, Quarter::Q1), Progress::default());
        assert!(late_phases(&plan, date(2030, 1, 1)).is_empty());
    }

    #[test]
    fn phases_done_counts_done_status_only() {
        assert_eq!(phases_done(&plan()), Progress { done: 2, total: 4 });
    }

    #[test]
    fn late_phases_are_those_whose_quarter_has_ended() {
        let plan = plan();
        // On the last day of Q1 nothing is late yet.
        assert!(late_phases(&plan, date(2026, 3, 31)).is_empty());
        // The day after, phase 1 (Q1, in progress) is late; phase 0 is done.
        assert_eq!(late_phases(&plan, date(2026, 4, 1)), vec![1]);
        assert_eq!(late_phases(&plan, date(2026, 7, 1)), vec![1, 2]);
        // Phase 3 is done, so it is never late.
        assert_eq!(late_phases(&plan, date(2027, 6, 1)), vec![1, 2]);
        assert!(late_phases(&plan, date(2025, 6, 1)).is_empty());
    }

    #[test]
    fn the_burn_up_counts_ticks_by_day_and_keeps_undated_ones_apart() {
        let start = date(2026, 1, 1);
        let mut plan = Plan::empty("Burn", start);
        let ticked = |id, on: Option<NaiveDate>| Task {
            done: true,
            done_on: on,
            ..task(id, true)
        };
        plan.swimlanes.push(Swimlane {
            id: LaneId(1),
            name: "Core".to_owned(),
            subtitle: String::new(),
            blocks: vec![Block {
                id: BlockId(1),
                first_quarter: Quarter::Q1,
                last_quarter: Quarter::Q1,
                tasks: vec![
                    ticked(1, Some(date(2026, 1, 11))),
                    ticked(2, Some(date(2026, 1, 11))),
                    ticked(3, None),
                    task(4, false),
                    ticked(5, Some(date(2025, 12, 20))),
                ],
            }],
        });
        plan.swimlanes.push(Swimlane {
            id: LaneId(2),
            name: "Scale".to_owned(),
            subtitle: String::new(),
            blocks: vec![Block {
                id: BlockId(2),
                first_quarter: Quarter::Q2,
                last_quarter: Quarter::Q2,
                tasks: vec![ticked(6, Some(date(2026, 2, 1))), task(7, false)],
            }],
        });
        // Before the start counts on day 0; the 11th is day 10; 1 Feb day 31.
        let all = burn_up(&plan, None);
        assert_eq!(all.points, vec![(0, 1), (10, 3), (31, 4)]);
        assert_eq!((all.done, all.undated, all.total), (5, 1, 7));
        let scale = burn_up(&plan, Some(LaneId(2)));
        assert_eq!(scale.points, vec![(31, 1)]);
        assert_eq!((scale.done, scale.total), (1, 2));
    }
}

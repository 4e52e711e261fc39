//! The commands of every tab applied to the plan Yearplan ships (read
//! through `io`, which is why these tests live here rather than beside the
//! commands in `model`): each command's promises, and long random edit
//! sessions that must never panic nor leave an invalid plan.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use yearplan::model::Plan;
use yearplan::model::command::{Command, CommandError};
use yearplan::model::validate::validate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Applies `command` and checks what every command promises: a refusal or
/// `Ok(false)` leaves the plan as it was, `Ok(true)` changes it, and a valid
/// plan stays valid.
fn apply_checked(plan: &mut Plan, command: &Command) -> Result<bool, CommandError> {
    let before = plan.clone();
    let result = plan.apply(command);
    match result {
        Ok(true) => assert_ne!(*plan, before, "{command:?} said it changed the plan"),
        Ok(false) | Err(_) => assert_eq!(*plan, before, "{command:?} changed the plan"),
    }
    if let Err(error) = validate(plan) {
        panic!("{command:?} left an invalid plan:\n{error}");
    }
    result
}

/// A small deterministic generator, so the random tests need no dependency
/// and fail the same way every time.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> XorShift {
        XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A day of 2026 or early 2027, or now and then one the plan refuses.
    fn date(&mut self) -> NaiveDate {
        if self.below(20) == 0 {
            day(2300, 1, 1)
        } else {
            day(2026, 1, 1) + chrono::Days::new(self.below(400))
        }
    }
}

mod board {
    use chrono::NaiveDate;

    use super::{XorShift, apply_checked, day};
    use yearplan::model::command::*;
    use yearplan::model::validate::validate;
    use yearplan::model::*;

    fn status(
        plan: &Plan,
        number: PhaseNumber,
    ) -> (PhaseStatus, Option<NaiveDate>, Option<NaiveDate>) {
        let phase = plan.phase(number).unwrap();
        (phase.status, phase.started_on, phase.done_on)
    }

    /// The titles of block `id`'s tasks, in order.
    fn titles(plan: &Plan, id: u64) -> Vec<&str> {
        let tasks = &plan.block(BlockId(id)).unwrap().tasks;
        tasks.iter().map(|task| task.title.as_str()).collect()
    }

    fn lane_names(plan: &Plan) -> Vec<&str> {
        plan.swimlanes
            .iter()
            .map(|lane| lane.name.as_str())
            .collect()
    }

    #[test]
    fn a_long_edit_session_on_the_default_plan_keeps_it_valid() {
        use CommandError::{
            DateOutOfRange, EmptyTitle, IdInUse, NoSuchBlock, NoSuchLane, NoSuchPhase, NoSuchTask,
            ReversedSpan,
        };
        use PhaseStatus::{Done, InProgress, NotStarted};
        use Quarter::{Q1, Q2, Q3, Q4};

        let today = day(2026, 3, 2);
        let mut plan = yearplan::io::default_plan(today);
        // A metric that counts a lane, so deleting that lane has something to fix.
        plan.success_metrics.push(SuccessMetric {
            id: MetricId(6),
            name: "Scale lane done".to_owned(),
            measure: MetricMeasure::LaneTasksDone { lane: LaneId(2) },
        });
        validate(&plan).unwrap();

        // The default plan uses tasks 1–36, blocks 1–11 and lanes 1–3.
        let new_task = plan.unused_task_id(1);
        let new_block = plan.unused_block_id(1);
        let new_lane = plan.unused_lane_id(1);
        assert_eq!(
            (new_task, new_block, new_lane),
            (TaskId(37), BlockId(12), LaneId(4))
        );

        let text = |s: &str| s.to_owned();
        let ok = Ok(true);
        // One edit per line, with what it must give.
        #[rustfmt::skip]
        let script = vec![
            (Command::SetTaskDone { task: TaskId(1), done: true, on: today }, ok.clone()),
            (Command::SetTaskDone { task: TaskId(1), done: true, on: today }, Ok(false)),
            (Command::SetTaskDue { task: TaskId(2), due: Some(day(2026, 3, 31)) }, ok.clone()),
            (Command::SetTaskDue { task: TaskId(2), due: Some(day(3026, 3, 31)) }, Err(DateOutOfRange(day(3026, 3, 31)))),
            (Command::SetTaskPhase { task: TaskId(1), phase: Some(3) }, ok.clone()),
            (Command::SetTaskPhase { task: TaskId(2), phase: Some(99) }, Err(NoSuchPhase(99))),
            (Command::SetTaskNotes { task: TaskId(3), notes: text("GitHub Actions") }, ok.clone()),
            (Command::RenameTask { task: TaskId(4), title: text("  Write ADRs  ") }, ok.clone()),
            (Command::RenameTask { task: TaskId(4), title: text("") }, Err(EmptyTitle)),
            (Command::AddTask { block: BlockId(1), task: new_task, title: text("Set up Credo") }, ok.clone()),
            (Command::AddTask { block: BlockId(1), task: new_task, title: text("Duplicate") }, Err(IdInUse(text("task id 37")))),
            (Command::MoveTask { task: TaskId(1), to_block: BlockId(2), index: 0 }, ok.clone()),
            (Command::MoveTask { task: new_task, to_block: BlockId(8), index: usize::MAX }, ok.clone()),
            (Command::MoveTask { task: TaskId(17), to_block: BlockId(5), index: 2 }, ok.clone()),
            (Command::MoveTask { task: TaskId(17), to_block: BlockId(5), index: 2 }, Ok(false)),
            (Command::MoveTask { task: TaskId(17), to_block: BlockId(999), index: 0 }, Err(NoSuchBlock(BlockId(999)))),
            (Command::SetPhaseStatus { phase: 0, status: InProgress, on: day(2026, 1, 5) }, ok.clone()),
            (Command::SetPhaseStatus { phase: 0, status: Done, on: day(2026, 2, 1) }, ok.clone()),
            (Command::SetPhaseStatus { phase: 1, status: Done, on: today }, ok.clone()),
            (Command::SetPhaseStatus { phase: 1, status: NotStarted, on: today }, ok.clone()),
            (Command::SetPhaseStatus { phase: 99, status: Done, on: today }, Err(NoSuchPhase(99))),
            (Command::AddLane { lane: new_lane, name: text("Portfolio"), subtitle: text("Show the work") }, ok.clone()),
            (Command::AddBlock { lane: new_lane, block: new_block, first_quarter: Q2, last_quarter: Q3 }, ok.clone()),
            (Command::AddBlock { lane: new_lane, block: BlockId(1), first_quarter: Q1, last_quarter: Q1 }, Err(IdInUse(text("block id 1")))),
            (Command::AddBlock { lane: new_lane, block: BlockId(500), first_quarter: Q4, last_quarter: Q1 }, Err(ReversedSpan { first: Q4, last: Q1 })),
            (Command::MoveTask { task: TaskId(2), to_block: new_block, index: 0 }, ok.clone()),
            (Command::MoveTask { task: TaskId(5), to_block: new_block, index: 0 }, ok.clone()),
            (Command::SetBlockSpan { block: new_block, first_quarter: Q1, last_quarter: Q4 }, ok.clone()),
            (Command::SetBlockSpan { block: new_block, first_quarter: Q4, last_quarter: Q3 }, Err(ReversedSpan { first: Q4, last: Q3 })),
            (Command::MoveLane { lane: new_lane, index: 0 }, ok.clone()),
            (Command::MoveLane { lane: LaneId(1), index: usize::MAX }, ok.clone()),
            (Command::RenameLane { lane: LaneId(3), name: text("Ops"), subtitle: text("") }, ok.clone()),
            (Command::DeleteLane { lane: LaneId(2) }, ok.clone()),
            (Command::MoveTask { task: TaskId(20), to_block: BlockId(1), index: 0 }, Err(NoSuchTask(TaskId(20)))),
            (Command::DeleteBlock { block: BlockId(4) }, ok.clone()),
            (Command::DeleteTask { task: TaskId(3) }, ok.clone()),
            (Command::DeleteTask { task: TaskId(3) }, Err(NoSuchTask(TaskId(3)))),
            (Command::SetTaskDone { task: TaskId(2), done: true, on: today }, ok.clone()),
            (Command::MoveTask { task: TaskId(2), to_block: BlockId(9), index: 1 }, ok.clone()),
            (Command::SetTaskDone { task: TaskId(2), done: false, on: today }, ok.clone()),
            (Command::DeleteLane { lane: new_lane }, ok.clone()),
            (Command::DeleteLane { lane: LaneId(1) }, ok.clone()),
            (Command::DeleteLane { lane: LaneId(3) }, ok.clone()),
            (Command::DeleteLane { lane: LaneId(3) }, Err(NoSuchLane(LaneId(3)))),
            (Command::AddTask { block: BlockId(8), task: TaskId(1), title: text("Gone") }, Err(NoSuchBlock(BlockId(8)))),
            (Command::AddLane { lane: LaneId(1), name: text("Core"), subtitle: text("again") }, ok.clone()),
            (Command::AddBlock { lane: LaneId(1), block: BlockId(1), first_quarter: Q1, last_quarter: Q1 }, ok.clone()),
            (Command::AddTask { block: BlockId(1), task: TaskId(1), title: text("Start over") }, ok),
        ];
        for (command, expected) in &script {
            assert_eq!(&apply_checked(&mut plan, command), expected, "{command:?}");
        }
        assert_eq!(lane_names(&plan), ["Core"]);
        assert_eq!(titles(&plan, 1), ["Start over"]);
        assert_eq!(
            plan.success_metrics.last().unwrap().measure,
            MetricMeasure::Manual { done: false }
        );
        assert_eq!(
            status(&plan, 0),
            (Done, Some(day(2026, 1, 5)), Some(day(2026, 2, 1)))
        );
    }

    /// The shared generator, with what this module's commands are made of.
    struct Random(XorShift);

    impl Random {
        fn below(&mut self, n: u64) -> u64 {
            self.0.below(n)
        }

        fn index(&mut self) -> usize {
            match self.below(10) {
                0 => usize::MAX,
                n => usize::try_from(n - 1).unwrap(),
            }
        }

        fn quarter(&mut self) -> Quarter {
            Quarter::from_index(usize::try_from(self.below(4)).unwrap()).unwrap()
        }

        fn date(&mut self) -> NaiveDate {
            self.0.date()
        }

        fn text(&mut self) -> String {
            ["Task", "  padded  ", "", " ", "Ünïcode ✓"][usize::try_from(self.below(5)).unwrap()]
                .to_owned()
        }

        fn command(&mut self) -> Command {
            let task = TaskId(self.below(45));
            let block = BlockId(self.below(16));
            let lane = LaneId(self.below(6));
            let phase = u32::try_from(self.below(17)).unwrap();
            // Deletions are rare, as in real use, so the plan does not drain.
            match self.below(32) {
                0 | 28 => Command::SetTaskDone {
                    task,
                    done: self.below(2) == 0,
                    on: self.date(),
                },
                1 | 19 | 22..=24 => Command::AddTask {
                    block,
                    task,
                    title: self.text(),
                },
                2 => Command::RenameTask {
                    task,
                    title: self.text(),
                },
                3 => Command::SetTaskNotes {
                    task,
                    notes: self.text(),
                },
                4 => Command::SetTaskDue {
                    task,
                    due: (self.below(3) > 0).then(|| self.date()),
                },
                5 => Command::SetTaskPhase {
                    task,
                    phase: (self.below(3) > 0).then_some(phase),
                },
                6 => Command::DeleteTask { task },
                7 | 8 | 15..=18 | 25..=27 => Command::MoveTask {
                    task,
                    to_block: block,
                    index: self.index(),
                },
                9 | 20 => Command::AddLane {
                    lane,
                    name: self.text(),
                    subtitle: self.text(),
                },
                10 => Command::RenameLane {
                    lane,
                    name: self.text(),
                    subtitle: self.text(),
                },
                11 if self.below(4) == 0 => Command::DeleteLane { lane },
                11 | 12 => Command::MoveLane {
                    lane,
                    index: self.index(),
                },
                13 | 21 => Command::AddBlock {
                    lane,
                    block,
                    first_quarter: self.quarter(),
                    last_quarter: self.quarter(),
                },
                14 => Command::DeleteBlock { block },
                _ => {
                    let status = [
                        PhaseStatus::NotStarted,
                        PhaseStatus::InProgress,
                        PhaseStatus::Done,
                    ][usize::try_from(self.below(3)).unwrap()];
                    if self.below(2) == 0 {
                        Command::SetPhaseStatus {
                            phase,
                            status,
                            on: self.date(),
                        }
                    } else {
                        Command::SetBlockSpan {
                            block,
                            first_quarter: self.quarter(),
                            last_quarter: self.quarter(),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn random_commands_never_panic_and_keep_the_plan_valid() {
        let mut took_effect = std::collections::HashSet::new();
        for seed in 1..=20_u64 {
            let mut plan = yearplan::io::default_plan(day(2026, 3, 2));
            plan.success_metrics.push(SuccessMetric {
                id: MetricId(6),
                name: "Compliance done".to_owned(),
                measure: MetricMeasure::LaneTasksDone { lane: LaneId(3) },
            });
            let mut random = Random(XorShift::new(seed));
            for _ in 0..500 {
                let command = random.command();
                if apply_checked(&mut plan, &command) == Ok(true) {
                    took_effect.insert(std::mem::discriminant(&command));
                }
            }
        }
        // Every kind of command made real edits, not only refusals.
        assert_eq!(took_effect.len(), 16);
    }
}

mod time {
    use chrono::NaiveDate;

    use super::{XorShift, day};
    use yearplan::model::command::Command;
    use yearplan::model::command::*;
    use yearplan::model::import_rules::{ImportBatch, ImportRule};
    use yearplan::model::ledger::LedgerRecord;
    use yearplan::model::time::EntriesFate;
    use yearplan::model::*;

    fn entry(date: NaiveDate, category: u64, hours: f64, note: &str) -> TimeEntry {
        TimeEntry::new(0, date, CategoryId(category), hours, note.to_owned())
    }

    /// `entry` with the id `id`: the id a command gives an entry added with
    /// none is the first free one, counted from 1.
    fn with_id(id: u64, entry: TimeEntry) -> TimeEntry {
        TimeEntry {
            id: EntryId(id),
            ..entry
        }
    }

    /// The seed's categories: Learning (1) 15–20, Building (2) 10–15,
    /// Review/Documentation (3) 5–5; no entries.
    fn seed() -> Plan {
        yearplan::io::default_plan(day(2026, 3, 2))
    }

    fn apply(plan: &mut Plan, command: TimeCommand) -> Result<bool, CommandError> {
        super::apply_checked(plan, &Command::Time(command))
    }

    fn invalid(message: &str) -> Result<bool, CommandError> {
        Err(CommandError::Invalid(message.to_owned()))
    }

    fn names(plan: &Plan) -> Vec<&str> {
        plan.time_categories
            .iter()
            .map(|category| category.name.as_str())
            .collect()
    }

    #[test]
    fn entries_are_added_edited_and_deleted() {
        use TimeCommand::{AddEntry, DeleteEntry, EditEntry};
        let mut plan = seed();
        let first = entry(day(2026, 3, 2), 1, 1.5, "  Read chapter 3  ");
        assert_eq!(apply(&mut plan, AddEntry { entry: first }), Ok(true));
        assert_eq!(
            plan.time_entries,
            [with_id(1, entry(day(2026, 3, 2), 1, 1.5, "Read chapter 3"))]
        );
        let second = entry(day(2026, 3, 1), 2, 24.0, "");
        assert_eq!(
            apply(
                &mut plan,
                AddEntry {
                    entry: second.clone()
                }
            ),
            Ok(true)
        );
        assert_eq!(plan.time_entries[1], with_id(2, second.clone()));

        // The same entry again, even with the note padded, changes nothing.
        let same = entry(day(2026, 3, 2), 1, 1.5, "Read chapter 3 ");
        let edit = |index, entry| EditEntry { index, entry };
        assert_eq!(apply(&mut plan, edit(0, same)), Ok(false));
        let changed = entry(day(2026, 3, 3), 3, 4.0 / 3.0, "ADR");
        assert_eq!(apply(&mut plan, edit(0, changed.clone())), Ok(true));
        // An edited entry keeps its id.
        assert_eq!(
            plan.time_entries,
            [with_id(1, changed.clone()), with_id(2, second.clone())]
        );
        assert_eq!(
            apply(&mut plan, edit(2, changed.clone())),
            Err(CommandError::NoSuchEntry(2))
        );
        assert_eq!(
            apply(&mut plan, edit(usize::MAX, changed.clone())),
            Err(CommandError::NoSuchEntry(usize::MAX))
        );

        assert_eq!(apply(&mut plan, DeleteEntry { index: 0 }), Ok(true));
        assert_eq!(plan.time_entries, [with_id(2, second)]);
        assert_eq!(
            apply(&mut plan, DeleteEntry { index: 1 }),
            Err(CommandError::NoSuchEntry(1))
        );
        assert_eq!(
            apply(&mut plan, DeleteEntry { index: usize::MAX }),
            Err(CommandError::NoSuchEntry(usize::MAX))
        );
        assert_eq!(apply(&mut plan, DeleteEntry { index: 0 }), Ok(true));
        assert!(plan.time_entries.is_empty());
    }

    #[test]
    fn entries_the_plan_cannot_hold_are_refused() {
        use TimeCommand::{AddEntry, EditEntry};
        let mut plan = seed();
        let good = entry(day(2026, 3, 2), 1, 2.0, "");
        apply(
            &mut plan,
            AddEntry {
                entry: good.clone(),
            },
        )
        .unwrap();
        let hours_message = |found: &str| {
            invalid(&format!(
                "an entry holds more than 0 and at most 24 hours, found {found}"
            ))
        };
        for (bad, expected) in [
            (
                entry(day(2026, 3, 2), 9, 2.0, ""),
                Err(CommandError::NoSuchCategory(CategoryId(9))),
            ),
            (entry(day(2026, 3, 2), 1, 0.0, ""), hours_message("0")),
            (entry(day(2026, 3, 2), 1, -1.5, ""), hours_message("-1.5")),
            (entry(day(2026, 3, 2), 1, 24.01, ""), hours_message("24.01")),
            (
                entry(day(2026, 3, 2), 1, f64::NAN, ""),
                hours_message("NaN"),
            ),
            (
                entry(day(2026, 3, 2), 1, f64::INFINITY, ""),
                hours_message("inf"),
            ),
            (
                entry(day(1899, 12, 31), 1, 2.0, ""),
                Err(CommandError::DateOutOfRange(day(1899, 12, 31))),
            ),
            (
                entry(day(2201, 1, 1), 1, 2.0, ""),
                Err(CommandError::DateOutOfRange(day(2201, 1, 1))),
            ),
        ] {
            assert_eq!(
                apply(&mut plan, AddEntry { entry: bad.clone() }),
                expected,
                "{bad:?}"
            );
            assert_eq!(
                apply(
                    &mut plan,
                    EditEntry {
                        index: 0,
                        entry: bad.clone()
                    }
                ),
                expected,
                "{bad:?}"
            );
        }
        // The edges of what is allowed.
        for fine in [
            entry(day(1900, 1, 1), 1, 24.0, ""),
            entry(day(2200, 12, 31), 3, f64::MIN_POSITIVE, ""),
        ] {
            assert_eq!(apply(&mut plan, AddEntry { entry: fine }), Ok(true));
        }
        assert_eq!(plan.time_entries.len(), 3);
        assert_eq!(
            CommandError::NoSuchEntry(4).to_string(),
            "there is no time entry number 4"
        );
    }

    #[test]
    fn an_import_adds_every_entry_or_none() {
        use TimeCommand::ImportEntries;
        let mut plan = seed();
        let good = vec![
            entry(day(2026, 1, 5), 1, 1.5, "Elixir in Action, ch. 1"),
            entry(day(2026, 1, 6), 2, 2.0, " padded "),
            entry(day(2026, 1, 6), 3, 0.5, ""),
        ];
        let mut bad = good.clone();
        bad.insert(2, entry(day(2026, 1, 7), 7, 1.0, ""));
        assert_eq!(
            apply(&mut plan, ImportEntries { entries: bad }),
            invalid(
                "imported entry 3 (2026-01-07): the time category with id 7 is not in the plan"
            )
        );
        let mut bad = good.clone();
        bad.push(entry(day(2026, 1, 8), 1, 25.0, ""));
        assert_eq!(
            apply(&mut plan, ImportEntries { entries: bad }),
            invalid(
                "imported entry 4 (2026-01-08): an entry holds more than 0 and at most 24 hours, \
                 found 25"
            )
        );
        assert!(plan.time_entries.is_empty());

        assert_eq!(
            apply(
                &mut plan,
                ImportEntries {
                    entries: Vec::new()
                }
            ),
            Ok(false)
        );
        assert_eq!(
            apply(
                &mut plan,
                ImportEntries {
                    entries: good.clone()
                }
            ),
            Ok(true)
        );
        assert_eq!(plan.time_entries.len(), 3);
        assert_eq!(plan.time_entries[0], with_id(1, good[0].clone()));
        assert_eq!(plan.time_entries[1].note, "padded");
        // Imported after what was there, in the order given.
        assert_eq!(
            apply(
                &mut plan,
                ImportEntries {
                    entries: good.clone()
                }
            ),
            Ok(true)
        );
        assert_eq!(plan.time_entries.len(), 6);
        assert_eq!(plan.time_entries[3], with_id(4, good[0].clone()));
        // Each entry has an id of its own.
        let ids: Vec<EntryId> = plan.time_entries.iter().map(|entry| entry.id).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5, 6].map(EntryId));
    }

    #[test]
    fn categories_are_added_with_a_unique_name_and_a_sane_target() {
        let add =
            |category: u64, name: &str, min_hours: f64, max_hours: f64| TimeCommand::AddCategory {
                category: CategoryId(category),
                name: name.to_owned(),
                min_hours,
                max_hours,
            };
        let mut plan = seed();
        assert_eq!(apply(&mut plan, add(4, "  Writing ", 2.0, 4.0)), Ok(true));
        assert_eq!(
            plan.time_categories[3],
            TimeCategory {
                id: CategoryId(4),
                name: "Writing".to_owned(),
                weekly_min_hours: 2.0,
                weekly_max_hours: 4.0,
            }
        );
        assert_eq!(
            apply(&mut plan, add(1, "Reading", 1.0, 2.0)),
            Err(CommandError::IdInUse("time category id 1".to_owned()))
        );
        assert_eq!(
            apply(&mut plan, add(5, " \t", 1.0, 2.0)),
            Err(CommandError::EmptyTitle)
        );
        assert_eq!(
            apply(&mut plan, add(5, " LEARNING ", 1.0, 2.0)),
            invalid("there is already a time category named \"Learning\"")
        );
        let range = "a weekly target must be between 0 and 168 hours";
        for (min_hours, max_hours, shown) in [
            (-1.0, 2.0, "-1 to 2"),
            (1.0, 168.5, "1 to 168.5"),
            (f64::NAN, 2.0, "NaN to 2"),
            (1.0, f64::INFINITY, "1 to inf"),
        ] {
            assert_eq!(
                apply(&mut plan, add(5, "Reading", min_hours, max_hours)),
                invalid(&format!("{range}, found {shown}"))
            );
        }
        assert_eq!(
            apply(&mut plan, add(5, "Reading", 3.0, 2.5)),
            invalid("the weekly minimum (3 hours) cannot be above the maximum (2.5 hours)")
        );
        // 0–0 and 168–168 are the extremes allowed; -0.0 is stored as 0.0.
        assert_eq!(apply(&mut plan, add(5, "Rest", -0.0, 0.0)), Ok(true));
        assert!(plan.time_categories[4].weekly_min_hours.is_sign_positive());
        assert_eq!(
            apply(&mut plan, add(6, "Everything", 168.0, 168.0)),
            Ok(true)
        );
        assert_eq!(
            names(&plan),
            [
                "Learning",
                "Building",
                "Review/Documentation",
                "Writing",
                "Rest",
                "Everything"
            ]
        );
    }

    #[test]
    fn categories_are_renamed_and_retargeted() {
        let rename = |category: u64, name: &str| TimeCommand::RenameCategory {
            category: CategoryId(category),
            name: name.to_owned(),
        };
        let target =
            |category: u64, min_hours: f64, max_hours: f64| TimeCommand::SetCategoryTarget {
                category: CategoryId(category),
                min_hours,
                max_hours,
            };
        let mut plan = seed();
        assert_eq!(apply(&mut plan, rename(3, " Review ")), Ok(true));
        assert_eq!(apply(&mut plan, rename(3, "Review")), Ok(false));
        // Its own name in another case is not a clash.
        assert_eq!(apply(&mut plan, rename(3, "REVIEW")), Ok(true));
        assert_eq!(
            apply(&mut plan, rename(3, "building")),
            invalid("there is already a time category named \"Building\"")
        );
        assert_eq!(
            apply(&mut plan, rename(3, "")),
            Err(CommandError::EmptyTitle)
        );
        assert_eq!(
            apply(&mut plan, rename(9, "Other")),
            Err(CommandError::NoSuchCategory(CategoryId(9)))
        );
        assert_eq!(names(&plan), ["Learning", "Building", "REVIEW"]);

        assert_eq!(apply(&mut plan, target(1, 15.0, 20.0)), Ok(false));
        assert_eq!(apply(&mut plan, target(1, 12.5, 18.0)), Ok(true));
        assert_eq!(
            (
                plan.time_categories[0].weekly_min_hours,
                plan.time_categories[0].weekly_max_hours
            ),
            (12.5, 18.0)
        );
        assert_eq!(apply(&mut plan, target(3, 0.0, 0.0)), Ok(true));
        assert_eq!(
            apply(&mut plan, target(1, 19.0, 18.0)),
            invalid("the weekly minimum (19 hours) cannot be above the maximum (18 hours)")
        );
        assert_eq!(
            apply(&mut plan, target(1, 1.0, 169.0)),
            invalid("a weekly target must be between 0 and 168 hours, found 1 to 169")
        );
        assert_eq!(
            apply(&mut plan, target(9, 1.0, 2.0)),
            Err(CommandError::NoSuchCategory(CategoryId(9)))
        );
        // The summed range follows: 12.5 + 10 + 0 to 18 + 15 + 0.
        assert_eq!(
            yearplan::model::time::weekly_target_total(&plan),
            (22.5, 33.0)
        );
    }

    #[test]
    fn removing_a_category_moves_or_deletes_its_entries_as_told() {
        use EntriesFate::{Delete, MoveTo};
        let remove = |category: u64, entries| TimeCommand::RemoveCategory {
            category: CategoryId(category),
            entries,
        };
        let mut plan = seed();
        plan.time_entries = vec![
            entry(day(2026, 3, 2), 1, 2.0, "a"),
            entry(day(2026, 3, 2), 3, 1.0, "b"),
            entry(day(2026, 3, 3), 2, 3.0, "c"),
            entry(day(2026, 3, 4), 3, 0.5, "d"),
        ];
        assert_eq!(
            apply(&mut plan, remove(3, MoveTo(CategoryId(3)))),
            invalid("the entries of a category being removed must move to another category")
        );
        assert_eq!(
            apply(&mut plan, remove(3, MoveTo(CategoryId(9)))),
            Err(CommandError::NoSuchCategory(CategoryId(9)))
        );
        assert_eq!(
            apply(&mut plan, remove(9, Delete)),
            Err(CommandError::NoSuchCategory(CategoryId(9)))
        );

        assert_eq!(apply(&mut plan, remove(3, MoveTo(CategoryId(1)))), Ok(true));
        assert_eq!(names(&plan), ["Learning", "Building"]);
        let categories: Vec<u64> = plan.time_entries.iter().map(|e| e.category.0).collect();
        assert_eq!(categories, [1, 1, 2, 1]);
        // Moved entries now count towards Learning: 2 + 1 + 0.5 in 2026-W10.
        let weekly = yearplan::model::time::weekly_hours(&plan);
        let week = yearplan::model::calendar::IsoWeek::of(day(2026, 3, 2));
        assert_eq!(weekly.hours(week, CategoryId(1)), 3.5);

        assert_eq!(apply(&mut plan, remove(1, Delete)), Ok(true));
        assert_eq!(names(&plan), ["Building"]);
        assert_eq!(plan.time_entries, [entry(day(2026, 3, 3), 2, 3.0, "c")]);
        // A category with no entries goes either way.
        assert!(apply(&mut plan, remove(2, MoveTo(CategoryId(2)))).is_err());
        assert_eq!(apply(&mut plan, remove(2, Delete)), Ok(true));
        assert!(plan.time_categories.is_empty() && plan.time_entries.is_empty());
    }

    #[test]
    fn unused_category_ids_skip_taken_ones_and_zero() {
        let plan = seed();
        assert_eq!(plan.unused_category_id(1), CategoryId(4));
        assert_eq!(plan.unused_category_id(3), CategoryId(4));
        assert_eq!(plan.unused_category_id(0), CategoryId(4));
        assert_eq!(plan.unused_category_id(77), CategoryId(77));
        assert_eq!(plan.unused_category_id(u64::MAX), CategoryId(u64::MAX));
        let mut plan = plan;
        plan.time_categories[0].id = CategoryId(u64::MAX);
        // Wraps past u64::MAX, skipping 0 and the taken 2 and 3.
        assert_eq!(plan.unused_category_id(u64::MAX), CategoryId(1));
        assert_eq!(plan.unused_category_id(2), CategoryId(4));
    }

    fn rule(contains: &str, into: Option<u64>) -> ImportRule<CategoryId> {
        ImportRule {
            contains: contains.to_owned(),
            into: into.map(CategoryId),
        }
    }

    fn category(id: u64, name: &str, min_hours: f64, max_hours: f64) -> TimeCategory {
        TimeCategory {
            id: CategoryId(id),
            name: name.to_owned(),
            weekly_min_hours: min_hours,
            weekly_max_hours: max_hours,
        }
    }

    fn import(
        new_buckets: Vec<TimeCategory>,
        rules: Vec<ImportRule<CategoryId>>,
        records: Vec<TimeEntry>,
    ) -> TimeCommand {
        TimeCommand::Import(ImportBatch {
            new_buckets,
            rules,
            records,
        })
    }

    #[test]
    fn an_import_batch_adds_categories_rules_and_entries_as_one_edit() {
        let mut plan = seed();
        let orga = plan.unused_category_id(40);
        assert_eq!(orga, CategoryId(40));
        let batch = import(
            vec![category(40, " Orga ", 0.0, -0.0)],
            vec![
                rule(" orga ", Some(40)),
                rule("lunch", None),
                rule("Elixir", Some(1)),
            ],
            vec![
                entry(day(2026, 1, 5), 40, 1.5, "standup"),
                entry(day(2026, 1, 5), 1, 2.0, " ch. 2 "),
            ],
        );
        assert_eq!(apply(&mut plan, batch.clone()), Ok(true));
        assert_eq!(
            names(&plan),
            ["Learning", "Building", "Review/Documentation", "Orga"]
        );
        // Stored as AddCategory stores one: no minus sign on nothing.
        assert!(plan.time_categories[3].weekly_max_hours.is_sign_positive());
        assert_eq!(
            plan.import_rules.hours,
            [
                rule("orga", Some(40)),
                rule("lunch", None),
                rule("Elixir", Some(1))
            ]
        );
        assert!(plan.import_rules.expenses.is_empty());
        assert_eq!(
            plan.time_entries,
            [
                with_id(1, entry(day(2026, 1, 5), 40, 1.5, "standup")),
                with_id(2, entry(day(2026, 1, 5), 1, 2.0, "ch. 2"))
            ]
        );

        // The same batch again: its category is there now, so nothing of it
        // is added, not even the entries.
        let before = plan.clone();
        assert_eq!(
            apply(&mut plan, batch),
            invalid(
                "the new time category \" Orga \": time category id 40 is already in use in this plan"
            )
        );
        assert_eq!(plan, before);
    }

    #[test]
    fn any_bad_part_of_an_import_batch_changes_nothing() {
        let good_category = || category(40, "Orga", 0.0, 0.0);
        let good_rule = || rule("orga", Some(40));
        let good_entry = || entry(day(2026, 1, 5), 40, 1.5, "");
        let cases = [
            (
                import(vec![category(40, " learning", 0.0, 0.0)], vec![], vec![]),
                "the new time category \" learning\": there is already a time category \
                 named \"Learning\"",
            ),
            (
                import(
                    vec![good_category(), category(41, "ORGA", 0.0, 0.0)],
                    vec![],
                    vec![],
                ),
                "the new time category \"ORGA\": there is already a time category named \"Orga\"",
            ),
            (
                import(
                    vec![good_category(), category(40, "Rest", 0.0, 0.0)],
                    vec![],
                    vec![],
                ),
                "the new time category \"Rest\": time category id 40 is already in use in \
                 this plan",
            ),
            (
                import(vec![category(40, "  ", 0.0, 0.0)], vec![], vec![]),
                "the new time category \"  \": a title or name cannot be empty",
            ),
            (
                import(vec![category(40, "Orga", 5.0, 2.0)], vec![], vec![]),
                "the new time category \"Orga\": the weekly minimum (5 hours) cannot be above \
                 the maximum (2 hours)",
            ),
            (
                import(
                    vec![category(40, "Orga", f64::NAN, 2.0)],
                    vec![good_rule()],
                    vec![good_entry()],
                ),
                "the new time category \"Orga\": a weekly target must be between 0 and 168 \
                 hours, found NaN to 2",
            ),
            (
                import(
                    vec![good_category()],
                    vec![good_rule(), rule(" \t", Some(1))],
                    vec![good_entry()],
                ),
                "import rule 2 (\" \\t\"): a rule needs a text to look for",
            ),
            (
                import(
                    vec![good_category()],
                    vec![good_rule(), rule("meeting", Some(41))],
                    vec![good_entry()],
                ),
                "import rule 2 (\"meeting\"): the time category with id 41 is not in the plan",
            ),
            (
                import(vec![], vec![good_rule()], vec![]),
                "import rule 1 (\"orga\"): the time category with id 40 is not in the plan",
            ),
            (
                import(
                    vec![good_category()],
                    vec![good_rule()],
                    vec![good_entry(), entry(day(2026, 1, 6), 41, 1.0, "")],
                ),
                "imported entry 2 (2026-01-06): the time category with id 41 is not in the plan",
            ),
            (
                import(
                    vec![good_category()],
                    vec![good_rule()],
                    vec![entry(day(2026, 1, 6), 40, 24.5, ""), good_entry()],
                ),
                "imported entry 1 (2026-01-06): an entry holds more than 0 and at most 24 \
                 hours, found 24.5",
            ),
        ];
        let mut plan = seed();
        plan.import_rules.hours = vec![rule("Lunch", None)];
        let before = plan.clone();
        for (command, message) in cases {
            // `apply` also checks that a refusal leaves the plan as it was.
            assert_eq!(apply(&mut plan, command), invalid(message));
            assert_eq!(plan, before);
        }
    }

    #[test]
    fn a_rule_for_a_known_text_replaces_it_in_place() {
        let mut plan = seed();
        plan.import_rules.hours = vec![rule("orga", Some(2)), rule("lunch", None)];
        let remap = import(
            vec![],
            vec![rule("ORGA ", Some(3)), rule("meeting", Some(1))],
            vec![],
        );
        assert_eq!(apply(&mut plan, remap.clone()), Ok(true));
        assert_eq!(
            plan.import_rules.hours,
            [
                rule("ORGA", Some(3)),
                rule("lunch", None),
                rule("meeting", Some(1))
            ]
        );
        // Remembering what is already remembered is no edit.
        assert_eq!(apply(&mut plan, remap), Ok(false));
        // Two rules of one batch for one text: the later choice is kept,
        // and when it is the choice already remembered, nothing changed.
        let twice = |into| {
            import(
                vec![],
                vec![rule("Lunch", Some(1)), rule("lunch ", into)],
                vec![],
            )
        };
        assert_eq!(apply(&mut plan, twice(None)), Ok(false));
        assert_eq!(apply(&mut plan, twice(Some(2))), Ok(true));
        assert_eq!(plan.import_rules.hours[1], rule("lunch", Some(2)));
        assert_eq!(plan.import_rules.hours.len(), 3);
        assert_eq!(apply(&mut plan, import(vec![], vec![], vec![])), Ok(false));
    }

    #[test]
    fn rules_are_removed_and_reordered() {
        use TimeCommand::{MoveRule, RemoveRule};
        let mut plan = seed();
        plan.import_rules.hours = vec![rule("a", Some(1)), rule("b", None), rule("c", Some(2))];
        assert_eq!(apply(&mut plan, MoveRule { from: 2, to: 0 }), Ok(true));
        assert_eq!(
            plan.import_rules.hours,
            [rule("c", Some(2)), rule("a", Some(1)), rule("b", None)]
        );
        assert_eq!(
            apply(
                &mut plan,
                MoveRule {
                    from: 0,
                    to: usize::MAX
                }
            ),
            Ok(true)
        );
        assert_eq!(
            plan.import_rules.hours,
            [rule("a", Some(1)), rule("b", None), rule("c", Some(2))]
        );
        assert_eq!(apply(&mut plan, MoveRule { from: 1, to: 1 }), Ok(false));
        assert_eq!(
            apply(&mut plan, MoveRule { from: 3, to: 0 }),
            invalid("there is no import rule 4 of hours")
        );
        assert_eq!(apply(&mut plan, RemoveRule { index: 1 }), Ok(true));
        assert_eq!(
            plan.import_rules.hours,
            [rule("a", Some(1)), rule("c", Some(2))]
        );
        assert_eq!(
            apply(&mut plan, RemoveRule { index: 2 }),
            invalid("there is no import rule 3 of hours")
        );
        assert_eq!(
            apply(&mut plan, RemoveRule { index: usize::MAX }),
            invalid(&format!("there is no import rule {} of hours", usize::MAX))
        );
    }

    #[test]
    fn rules_follow_the_entries_of_a_removed_category() {
        let mut plan = seed();
        plan.time_entries = vec![
            entry(day(2026, 1, 5), 2, 1.0, "orga"),
            entry(day(2026, 1, 5), 3, 1.0, "docs"),
        ];
        plan.import_rules.hours = vec![
            rule("orga", Some(2)),
            rule("lunch", None),
            rule("build", Some(2)),
            rule("read", Some(1)),
        ];
        let remove = |category, entries| TimeCommand::RemoveCategory {
            category: CategoryId(category),
            entries,
        };
        assert_eq!(
            apply(&mut plan, remove(2, EntriesFate::MoveTo(CategoryId(3)))),
            Ok(true)
        );
        assert_eq!(
            plan.import_rules.hours,
            [
                rule("orga", Some(3)),
                rule("lunch", None),
                rule("build", Some(3)),
                rule("read", Some(1))
            ]
        );
        assert_eq!(apply(&mut plan, remove(3, EntriesFate::Delete)), Ok(true));
        assert!(plan.time_entries.is_empty());
        assert_eq!(
            plan.import_rules.hours,
            [rule("lunch", None), rule("read", Some(1))]
        );
    }

    /// The shared generator, with what this module's commands are made of.
    struct Random(XorShift);

    impl Random {
        fn below(&mut self, n: u64) -> u64 {
            self.0.below(n)
        }

        fn pick<T: Copy>(&mut self, from: &[T]) -> T {
            from[usize::try_from(self.below(from.len() as u64)).unwrap()]
        }

        fn index(&mut self) -> usize {
            if self.below(10) == 0 {
                usize::MAX
            } else {
                usize::try_from(self.below(12)).unwrap()
            }
        }

        fn hours(&mut self) -> f64 {
            self.pick(&[
                1.5,
                0.25,
                24.0,
                8.0,
                0.0,
                -1.0,
                24.5,
                f64::NAN,
                f64::INFINITY,
                170.0,
                -0.0,
                168.0,
            ])
        }

        fn entry(&mut self) -> TimeEntry {
            let date = if self.below(15) == 0 {
                day(2201, 1, 1)
            } else {
                day(2026, 1, 1) + chrono::Days::new(self.below(400))
            };
            TimeEntry {
                id: Default::default(),
                date,
                category: CategoryId(self.below(7)),
                hours: self.hours(),
                note: self.pick(&["", " x ", "note, with \"quotes\""]).to_owned(),
            }
        }

        fn command(&mut self) -> TimeCommand {
            let category = CategoryId(self.below(7));
            let name = self
                .pick(&["Learning", "learning ", "", "Writing", "Rest", "Ünïcode"])
                .to_owned();
            // A moment in three days of June, now and then far off.
            let on = if self.below(10) == 0 {
                self.0.date()
            } else {
                day(2026, 6, 1) + chrono::Days::new(self.below(3))
            };
            let at = on.and_hms_opt(
                u32::try_from(self.below(24)).unwrap(),
                u32::try_from(self.below(60)).unwrap(),
                u32::try_from(self.below(60)).unwrap(),
            );
            let at = at.unwrap();
            match self.below(18) {
                15 => {
                    return TimeCommand::StartTimer {
                        category,
                        note: name,
                        at,
                        seed: self.0.next(),
                    };
                }
                16 => {
                    return TimeCommand::StopTimer {
                        at,
                        seed: self.0.next(),
                    };
                }
                17 => return TimeCommand::DiscardTimer,
                _ => {}
            }
            match self.below(15) {
                0..=3 => TimeCommand::AddEntry {
                    entry: self.entry(),
                },
                4 => TimeCommand::EditEntry {
                    index: self.index(),
                    entry: self.entry(),
                },
                5 => TimeCommand::DeleteEntry {
                    index: self.index(),
                },
                6 => TimeCommand::AddCategory {
                    category,
                    name,
                    min_hours: self.hours(),
                    max_hours: self.hours(),
                },
                7 => TimeCommand::RenameCategory { category, name },
                8 => TimeCommand::SetCategoryTarget {
                    category,
                    min_hours: self.hours(),
                    max_hours: self.hours(),
                },
                9 => TimeCommand::RemoveCategory {
                    category,
                    entries: if self.below(2) == 0 {
                        EntriesFate::Delete
                    } else {
                        EntriesFate::MoveTo(CategoryId(self.below(7)))
                    },
                },
                10 | 11 => TimeCommand::ImportEntries {
                    entries: (0..self.below(4)).map(|_| self.entry()).collect(),
                },
                12 => TimeCommand::Import(self.batch()),
                13 => TimeCommand::RemoveRule {
                    index: self.index(),
                },
                _ => TimeCommand::MoveRule {
                    // Mostly among the first rules, which an edit session has.
                    from: if self.below(3) == 0 {
                        self.index()
                    } else {
                        usize::try_from(self.below(2)).unwrap()
                    },
                    to: self.index(),
                },
            }
        }

        fn batch(&mut self) -> ImportBatch<TimeEntry> {
            let new_buckets = (0..self.below(3))
                .map(|_| TimeCategory {
                    id: CategoryId(self.below(7)),
                    name: self
                        .pick(&["Orga", "orga ", "", "Learning", "Ünïcode"])
                        .to_owned(),
                    weekly_min_hours: self.hours(),
                    weekly_max_hours: self.hours(),
                })
                .collect();
            let rules = (0..self.below(4))
                .map(|_| ImportRule {
                    contains: self.pick(&["orga", "ORGA ", " ", "Lunch", "ä"]).to_owned(),
                    into: (self.below(4) != 0).then(|| CategoryId(self.below(7))),
                })
                .collect();
            let records = (0..self.below(3)).map(|_| self.entry()).collect();
            ImportBatch {
                new_buckets,
                rules,
                records,
            }
        }
    }

    #[test]
    fn random_commands_never_panic_and_keep_the_plan_valid() {
        let mut took_effect = std::collections::HashSet::new();
        for seed_number in 1..=20_u64 {
            let mut plan = seed();
            let mut random = Random(XorShift::new(seed_number));
            for _ in 0..400 {
                let command = random.command();
                if apply(&mut plan, command.clone()) == Ok(true) {
                    took_effect.insert(std::mem::discriminant(&command));
                }
            }
        }
        // Every kind of command made real edits, not only refusals.
        assert_eq!(took_effect.len(), 14);
    }
}

mod money {
    use chrono::NaiveDate;

    use super::{XorShift, day};
    use yearplan::model::amount::parse_amount_cents;
    use yearplan::model::command::Command;
    use yearplan::model::command::*;
    use yearplan::model::import_rules::{ImportBatch, ImportRule};
    use yearplan::model::ledger::LedgerRecord;
    use yearplan::model::money::ExpensesFate;
    use yearplan::model::money::{annual_budget_cents, monthly_run_rate_cents};
    use yearplan::model::validate::MAX_CENTS;
    use yearplan::model::*;

    fn expense(date: NaiveDate, line: u64, cents: i64, note: &str) -> Expense {
        Expense::new(0, date, LineId(line), cents, note.to_owned())
    }

    /// `expense` with the id `id`: the id a command gives an expense added
    /// with none is the first free one, counted from 1.
    fn with_id(id: u64, expense: Expense) -> Expense {
        Expense {
            id: ExpenseId(id),
            ..expense
        }
    }

    /// The seed's budget: 1 Books (one-time $500), 2 Infrastructure ($100 a
    /// month), 3 Tools/Services ($200 a month).
    fn seed() -> Plan {
        let plan = yearplan::io::default_plan(day(2026, 3, 2));
        assert_eq!(monthly_run_rate_cents(&plan), 30_000);
        assert_eq!(annual_budget_cents(&plan), 410_000);
        plan
    }

    fn apply_checked(plan: &mut Plan, command: MoneyCommand) -> Result<bool, CommandError> {
        super::apply_checked(plan, &Command::Money(command))
    }

    fn line_names(plan: &Plan) -> Vec<&str> {
        plan.budget_lines
            .iter()
            .map(|line| line.name.as_str())
            .collect()
    }

    #[test]
    fn expenses_are_added_edited_and_deleted() {
        let mut plan = seed();
        let lunch = expense(day(2026, 3, 2), 3, 1_999, "  Copilot  ");
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::AddExpense {
                    expense: lunch.clone()
                }
            ),
            Ok(true)
        );
        assert_eq!(
            plan.expenses,
            vec![with_id(1, expense(day(2026, 3, 2), 3, 1_999, "Copilot"))]
        );

        // The same expense again, as typed, changes nothing.
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::EditExpense {
                    index: 0,
                    expense: lunch
                }
            ),
            Ok(false)
        );
        let fixed = expense(day(2026, 3, 3), 2, 2_000, "VPS");
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::EditExpense {
                    index: 0,
                    expense: fixed.clone()
                }
            ),
            Ok(true)
        );
        // An edited expense keeps its id.
        assert_eq!(plan.expenses, vec![with_id(1, fixed.clone())]);
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::EditExpense {
                    index: 1,
                    expense: fixed
                }
            ),
            Err(CommandError::NoSuchExpense(1))
        );
        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::DeleteExpense { index: 1 }),
            Err(CommandError::NoSuchExpense(1))
        );
        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::DeleteExpense { index: 0 }),
            Ok(true)
        );
        assert!(plan.expenses.is_empty());
    }

    #[test]
    fn expenses_the_plan_cannot_hold_are_refused() {
        let mut plan = seed();
        let add = |line, cents, date| MoneyCommand::AddExpense {
            expense: expense(date, line, cents, ""),
        };
        let today = day(2026, 3, 2);
        assert_eq!(
            apply_checked(&mut plan, add(9, 100, today)),
            Err(CommandError::NoSuchLine(LineId(9)))
        );
        for cents in [0, -1, MAX_CENTS + 1, i64::MIN, i64::MAX] {
            assert!(matches!(
                apply_checked(&mut plan, add(1, cents, today)),
                Err(CommandError::Invalid(_))
            ));
        }
        assert_eq!(
            apply_checked(&mut plan, add(1, 1, day(1899, 12, 31))),
            Err(CommandError::DateOutOfRange(day(1899, 12, 31)))
        );
        assert_eq!(
            apply_checked(&mut plan, add(1, 1, day(2201, 1, 1))),
            Err(CommandError::DateOutOfRange(day(2201, 1, 1)))
        );
        assert_eq!(
            apply_checked(&mut plan, add(1, MAX_CENTS, day(1900, 1, 1))),
            Ok(true)
        );
        assert_eq!(
            apply_checked(&mut plan, add(1, 1, day(2200, 12, 31))),
            Ok(true)
        );
        match apply_checked(&mut plan, add(1, -500, today)) {
            Err(error) => assert_eq!(
                error.to_string(),
                "an expense must be more than 0 and at most $1,000,000,000.00, found -$5.00"
            ),
            Ok(changed) => panic!("a negative expense was taken ({changed})"),
        }
    }

    #[test]
    fn typed_amounts_add_up_exactly_in_the_plan() {
        let mut plan = seed();
        for text in ["0.10", "0.20"] {
            let cents = parse_amount_cents(text, &plan.currency_symbol).unwrap();
            apply_checked(
                &mut plan,
                MoneyCommand::AddExpense {
                    expense: expense(day(2026, 3, 2), 2, cents, ""),
                },
            )
            .unwrap();
        }
        let spent = yearplan::model::money::spent_on_line_cents(&plan, LineId(2));
        assert_eq!(spent, parse_amount_cents("0.30", "$").unwrap());
        assert_eq!(spent, 30);
    }

    #[test]
    fn lines_are_added_renamed_and_given_a_kind() {
        let mut plan = seed();
        let id = plan.unused_line_id(1);
        assert_eq!(id, LineId(4));
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::AddLine {
                    line: id,
                    name: "  Conferences ".to_owned(),
                    kind: BudgetKind::OneTime { cap_cents: 80_000 },
                }
            ),
            Ok(true)
        );
        assert_eq!(
            line_names(&plan),
            ["Books", "Infrastructure", "Tools/Services", "Conferences"]
        );
        // $300 a month still; the year gains the $800 cap: $4,900.
        assert_eq!(monthly_run_rate_cents(&plan), 30_000);
        assert_eq!(annual_budget_cents(&plan), 490_000);

        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::SetLineKind {
                    line: id,
                    kind: BudgetKind::Monthly { cents: 5_000 },
                }
            ),
            Ok(true)
        );
        assert_eq!(monthly_run_rate_cents(&plan), 35_000);
        assert_eq!(annual_budget_cents(&plan), 35_000 * 12 + 50_000);
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::SetLineKind {
                    line: id,
                    kind: BudgetKind::Monthly { cents: 5_000 },
                }
            ),
            Ok(false)
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::SetLineKind {
                    line: id,
                    kind: BudgetKind::Monthly { cents: 0 },
                }
            ),
            Ok(true)
        );

        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RenameLine {
                    line: id,
                    name: "Events".to_owned(),
                }
            ),
            Ok(true)
        );
        // Changing only the case of its own name is allowed.
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RenameLine {
                    line: LineId(1),
                    name: "BOOKS".to_owned(),
                }
            ),
            Ok(true)
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RenameLine {
                    line: LineId(1),
                    name: " BOOKS ".to_owned(),
                }
            ),
            Ok(false)
        );
        assert_eq!(
            line_names(&plan),
            ["BOOKS", "Infrastructure", "Tools/Services", "Events"]
        );
    }

    #[test]
    fn line_edits_the_plan_cannot_hold_are_refused() {
        let mut plan = seed();
        let add = |id, name: &str, kind| MoneyCommand::AddLine {
            line: LineId(id),
            name: name.to_owned(),
            kind,
        };
        let monthly = BudgetKind::Monthly { cents: 100 };
        assert_eq!(
            apply_checked(&mut plan, add(2, "Hosting", monthly)),
            Err(CommandError::IdInUse("budget line id 2".to_owned()))
        );
        assert_eq!(
            apply_checked(&mut plan, add(7, "  ", monthly)),
            Err(CommandError::EmptyTitle)
        );
        assert_eq!(
            apply_checked(&mut plan, add(7, " infrastructure ", monthly)),
            Err(CommandError::Invalid(
                "there is already a budget line named \"Infrastructure\"".to_owned()
            ))
        );
        for kind in [
            BudgetKind::Monthly { cents: -1 },
            BudgetKind::OneTime {
                cap_cents: MAX_CENTS + 1,
            },
            BudgetKind::OneTime {
                cap_cents: i64::MIN,
            },
        ] {
            assert!(matches!(
                apply_checked(&mut plan, add(7, "Hosting", kind)),
                Err(CommandError::Invalid(_))
            ));
            assert!(matches!(
                apply_checked(
                    &mut plan,
                    MoneyCommand::SetLineKind {
                        line: LineId(1),
                        kind
                    }
                ),
                Err(CommandError::Invalid(_))
            ));
        }
        assert_eq!(
            apply_checked(
                &mut plan,
                add(
                    7,
                    "Hosting",
                    BudgetKind::OneTime {
                        cap_cents: MAX_CENTS
                    }
                )
            ),
            Ok(true)
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RenameLine {
                    line: LineId(7),
                    name: "tools/services".to_owned(),
                }
            ),
            Err(CommandError::Invalid(
                "there is already a budget line named \"Tools/Services\"".to_owned()
            ))
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RenameLine {
                    line: LineId(9),
                    name: "Anything".to_owned(),
                }
            ),
            Err(CommandError::NoSuchLine(LineId(9)))
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::SetLineKind {
                    line: LineId(9),
                    kind: monthly,
                }
            ),
            Err(CommandError::NoSuchLine(LineId(9)))
        );
    }

    /// The seed with an expense on each line: $120 of books, $100 of
    /// infrastructure, $25 of tools.
    fn seed_with_expenses() -> Plan {
        let mut plan = seed();
        plan.expenses = vec![
            expense(day(2026, 1, 5), 1, 12_000, "Elixir in Action"),
            expense(day(2026, 1, 6), 2, 10_000, "VPS"),
            expense(day(2026, 1, 7), 3, 2_500, "Copilot"),
        ];
        plan
    }

    #[test]
    fn removing_a_line_moves_or_deletes_its_expenses() {
        let mut plan = seed_with_expenses();
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RemoveLine {
                    line: LineId(3),
                    expenses: ExpensesFate::MoveTo(LineId(2)),
                }
            ),
            Ok(true)
        );
        assert_eq!(line_names(&plan), ["Books", "Infrastructure"]);
        assert_eq!(
            yearplan::model::money::spent_on_line_cents(&plan, LineId(2)),
            12_500
        );
        assert_eq!(plan.expenses.len(), 3);

        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RemoveLine {
                    line: LineId(1),
                    expenses: ExpensesFate::Delete,
                }
            ),
            Ok(true)
        );
        assert_eq!(line_names(&plan), ["Infrastructure"]);
        assert_eq!(
            plan.expenses
                .iter()
                .map(|expense| expense.note.as_str())
                .collect::<Vec<_>>(),
            ["VPS", "Copilot"]
        );
        // A one-time line gone: the run-rate stays, the caps are none.
        assert_eq!(monthly_run_rate_cents(&plan), 10_000);
        assert_eq!(annual_budget_cents(&plan), 120_000);
    }

    #[test]
    fn removing_a_line_refuses_a_bad_destination() {
        let mut plan = seed_with_expenses();
        assert!(matches!(
            apply_checked(
                &mut plan,
                MoneyCommand::RemoveLine {
                    line: LineId(3),
                    expenses: ExpensesFate::MoveTo(LineId(3)),
                }
            ),
            Err(CommandError::Invalid(_))
        ));
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RemoveLine {
                    line: LineId(3),
                    expenses: ExpensesFate::MoveTo(LineId(8)),
                }
            ),
            Err(CommandError::NoSuchLine(LineId(8)))
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RemoveLine {
                    line: LineId(8),
                    expenses: ExpensesFate::Delete,
                }
            ),
            Err(CommandError::NoSuchLine(LineId(8)))
        );
    }

    #[test]
    fn currency_symbol_is_checked() {
        let mut plan = seed();
        let set = |symbol: &str| MoneyCommand::SetCurrencySymbol {
            symbol: symbol.to_owned(),
        };
        assert_eq!(apply_checked(&mut plan, set(" $ ")), Ok(false));
        assert_eq!(apply_checked(&mut plan, set("€")), Ok(true));
        assert_eq!(plan.currency_symbol, "€");
        for good in ["CHF", "US$", "kr.", "R$", "₹"] {
            assert_eq!(apply_checked(&mut plan, set(good)), Ok(true), "{good}");
        }
        for bad in [
            "", "  ", "EURO$", "1", "$1", "-", "(", "+", ",", "k r", ".", "..", "٣", "\t$\u{7}",
        ] {
            assert!(
                matches!(
                    apply_checked(&mut plan, set(bad)),
                    Err(CommandError::Invalid(_))
                ),
                "{bad:?}"
            );
        }
        assert_eq!(plan.currency_symbol, "₹");
    }

    #[test]
    fn an_import_is_all_or_nothing() {
        let mut plan = seed();
        let good = vec![
            expense(day(2026, 1, 5), 1, 12_000, " Elixir in Action "),
            expense(day(2026, 1, 6), 2, 10_000, ""),
        ];
        let mut bad = good.clone();
        bad.push(expense(day(2026, 1, 7), 9, 100, ""));
        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::ImportExpenses { expenses: bad }),
            Err(CommandError::Invalid(
                "imported expense 3 (2026-01-07): the budget line with id 9 is not in the plan"
                    .to_owned()
            ))
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::ImportExpenses {
                    expenses: Vec::new()
                }
            ),
            Ok(false)
        );
        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::ImportExpenses { expenses: good }),
            Ok(true)
        );
        assert_eq!(plan.expenses.len(), 2);
        assert_eq!(plan.expenses[0].note, "Elixir in Action");
        assert_eq!(
            yearplan::model::money::spent_on_line_cents(&plan, LineId(1)),
            12_000
        );
    }

    fn line_rule(contains: &str, into: Option<u64>) -> ImportRule<LineId> {
        ImportRule {
            contains: contains.to_owned(),
            into: into.map(LineId),
        }
    }

    fn line(id: u64, name: &str, kind: BudgetKind) -> BudgetLine {
        BudgetLine {
            id: LineId(id),
            name: name.to_owned(),
            kind,
        }
    }

    #[test]
    fn an_import_batch_adds_lines_rules_and_expenses_or_nothing() {
        let mut plan = seed();
        let aws = plan.unused_line_id(7);
        let batch = ImportBatch {
            new_buckets: vec![line(aws.0, "Cloud ", BudgetKind::Monthly { cents: 0 })],
            rules: vec![line_rule("AWS", Some(aws.0)), line_rule("coffee", None)],
            records: vec![
                expense(day(2026, 2, 3), aws.0, 1_250, "AWS EC2"),
                expense(day(2026, 2, 4), 1, 3_999, ""),
            ],
        };
        // Each part refused in turn leaves the plan as it was.
        let refusals = [
            (
                ImportBatch {
                    new_buckets: vec![line(aws.0, "Cloud", BudgetKind::OneTime { cap_cents: -1 })],
                    ..batch.clone()
                },
                "the new budget line \"Cloud\": a one-time cap must be between $0.00 and \
                 $1,000,000,000.00, found -$0.01",
            ),
            (
                ImportBatch {
                    new_buckets: vec![line(aws.0, "BOOKS", BudgetKind::Monthly { cents: 0 })],
                    ..batch.clone()
                },
                "the new budget line \"BOOKS\": there is already a budget line named \"Books\"",
            ),
            (
                ImportBatch {
                    new_buckets: Vec::new(),
                    ..batch.clone()
                },
                "import rule 1 (\"AWS\"): the budget line with id 7 is not in the plan",
            ),
            (
                ImportBatch {
                    records: vec![expense(day(2026, 2, 3), aws.0, 0, "")],
                    ..batch.clone()
                },
                "imported expense 1 (2026-02-03): an expense must be more than 0 and at most \
                 $1,000,000,000.00, found $0.00",
            ),
        ];
        for (refused, message) in refusals {
            assert_eq!(
                apply_checked(&mut plan, MoneyCommand::Import(refused)),
                Err(CommandError::Invalid(message.to_owned()))
            );
        }
        assert_eq!(plan, seed());

        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::Import(batch)),
            Ok(true)
        );
        assert_eq!(
            line_names(&plan),
            ["Books", "Infrastructure", "Tools/Services", "Cloud"]
        );
        assert_eq!(
            plan.import_rules.expenses,
            [line_rule("AWS", Some(7)), line_rule("coffee", None)]
        );
        assert!(plan.import_rules.hours.is_empty());
        assert_eq!(plan.expenses.len(), 2);
        assert_eq!(
            yearplan::model::money::spent_on_line_cents(&plan, LineId(7)),
            1_250
        );
        // A new line of $0 a month leaves the run-rate as it was.
        assert_eq!(monthly_run_rate_cents(&plan), 30_000);

        // A remapped value keeps its place; a rule can be moved and removed.
        let remap = ImportBatch {
            new_buckets: Vec::new(),
            rules: vec![line_rule("aws", Some(3))],
            records: Vec::new(),
        };
        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::Import(remap)),
            Ok(true)
        );
        assert_eq!(
            plan.import_rules.expenses,
            [line_rule("aws", Some(3)), line_rule("coffee", None)]
        );
        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::MoveRule { from: 1, to: 0 }),
            Ok(true)
        );
        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::RemoveRule { index: 1 }),
            Ok(true)
        );
        assert_eq!(plan.import_rules.expenses, [line_rule("coffee", None)]);
        assert_eq!(
            apply_checked(&mut plan, MoneyCommand::RemoveRule { index: 1 }),
            Err(CommandError::Invalid(
                "there is no import rule 2 of expenses".to_owned()
            ))
        );
    }

    #[test]
    fn rules_follow_the_expenses_of_a_removed_line() {
        let mut plan = seed();
        plan.expenses = vec![expense(day(2026, 1, 5), 2, 500, "")];
        plan.import_rules.expenses = vec![
            line_rule("hetzner", Some(2)),
            line_rule("coffee", None),
            line_rule("github", Some(3)),
        ];
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RemoveLine {
                    line: LineId(2),
                    expenses: ExpensesFate::MoveTo(LineId(3)),
                }
            ),
            Ok(true)
        );
        assert_eq!(
            plan.import_rules.expenses,
            [
                line_rule("hetzner", Some(3)),
                line_rule("coffee", None),
                line_rule("github", Some(3))
            ]
        );
        assert_eq!(
            apply_checked(
                &mut plan,
                MoneyCommand::RemoveLine {
                    line: LineId(3),
                    expenses: ExpensesFate::Delete,
                }
            ),
            Ok(true)
        );
        assert!(plan.expenses.is_empty());
        assert_eq!(plan.import_rules.expenses, [line_rule("coffee", None)]);
    }

    #[test]
    fn unused_line_ids_skip_used_ones_and_zero() {
        let plan = seed();
        assert_eq!(plan.unused_line_id(0), LineId(4));
        assert_eq!(plan.unused_line_id(2), LineId(4));
        assert_eq!(plan.unused_line_id(77), LineId(77));
        let mut plan = plan;
        plan.budget_lines[0].id = LineId(u64::MAX);
        assert_eq!(plan.unused_line_id(u64::MAX), LineId(1));
    }

    /// The shared generator, with what this module's commands are made of.
    struct Random(XorShift);

    impl Random {
        fn below(&mut self, n: u64) -> u64 {
            self.0.below(n)
        }

        fn cents(&mut self) -> i64 {
            match self.below(12) {
                0 => -1,
                1 => 0,
                2 => MAX_CENTS + 1,
                3 => i64::MAX,
                n => i64::try_from(n * 1_234).unwrap(),
            }
        }

        fn date(&mut self) -> NaiveDate {
            self.0.date()
        }

        fn text(&mut self) -> String {
            ["Books", "  books ", "", " ", "Ünïcode ✓", "€", "12"]
                [usize::try_from(self.below(7)).unwrap()]
            .to_owned()
        }

        fn kind(&mut self) -> BudgetKind {
            if self.below(2) == 0 {
                BudgetKind::Monthly {
                    cents: self.cents(),
                }
            } else {
                BudgetKind::OneTime {
                    cap_cents: self.cents(),
                }
            }
        }

        fn expense(&mut self) -> Expense {
            Expense {
                id: Default::default(),
                date: self.date(),
                line: LineId(self.below(6)),
                cents: self.cents(),
                note: self.text(),
            }
        }

        fn command(&mut self) -> MoneyCommand {
            let line = LineId(self.below(6));
            let index = usize::try_from(self.below(12)).unwrap();
            match self.below(19) {
                0..=4 => MoneyCommand::AddExpense {
                    expense: self.expense(),
                },
                5 | 6 => MoneyCommand::EditExpense {
                    index,
                    expense: self.expense(),
                },
                7 => MoneyCommand::DeleteExpense { index },
                8 | 9 => MoneyCommand::AddLine {
                    line,
                    name: self.text(),
                    kind: self.kind(),
                },
                10 => MoneyCommand::RenameLine {
                    line,
                    name: self.text(),
                },
                11 => MoneyCommand::SetLineKind {
                    line,
                    kind: self.kind(),
                },
                12 => MoneyCommand::RemoveLine {
                    line,
                    expenses: if self.below(2) == 0 {
                        ExpensesFate::Delete
                    } else {
                        ExpensesFate::MoveTo(LineId(self.below(6)))
                    },
                },
                13 => MoneyCommand::SetCurrencySymbol {
                    symbol: self.text(),
                },
                14 | 15 => MoneyCommand::ImportExpenses {
                    expenses: (0..self.below(4)).map(|_| self.expense()).collect(),
                },
                16 => MoneyCommand::Import(ImportBatch {
                    new_buckets: (0..self.below(3))
                        .map(|_| BudgetLine {
                            id: LineId(self.below(6)),
                            name: self.text(),
                            kind: self.kind(),
                        })
                        .collect(),
                    rules: (0..self.below(4))
                        .map(|_| ImportRule {
                            contains: self.text(),
                            into: (self.below(4) != 0).then(|| LineId(self.below(6))),
                        })
                        .collect(),
                    records: (0..self.below(3)).map(|_| self.expense()).collect(),
                }),
                17 => MoneyCommand::RemoveRule { index },
                _ => MoneyCommand::MoveRule {
                    from: index,
                    to: usize::try_from(self.below(12)).unwrap(),
                },
            }
        }
    }

    #[test]
    fn random_commands_never_panic_and_keep_the_plan_valid() {
        let mut took_effect = std::collections::HashSet::new();
        for seed_value in 1..=20_u64 {
            let mut plan = seed();
            let mut random = Random(XorShift::new(seed_value));
            for _ in 0..500 {
                let command = random.command();
                let kind = std::mem::discriminant(&command);
                if apply_checked(&mut plan, command) == Ok(true) {
                    took_effect.insert(kind);
                }
            }
        }
        // Every kind of command made real edits, not only refusals.
        assert_eq!(took_effect.len(), 12);
    }
}

mod metrics {
    use chrono::NaiveDate;

    use super::{XorShift, day};
    use yearplan::model::command::Command;
    use yearplan::model::command::*;
    use yearplan::model::*;
    use yearplan::model::{LaneId, TaskId, TimeEntry};

    /// The default plan: metrics 1–5 (phases done, then four ticked by
    /// hand), the three cadences, lanes 1–3, no reviews.
    fn plan() -> Plan {
        yearplan::io::default_plan(day(2026, 3, 2))
    }

    fn apply(plan: &mut Plan, command: MetricCommand) -> Result<bool, CommandError> {
        super::apply_checked(plan, &Command::Metrics(command))
    }

    fn ids(plan: &Plan) -> Vec<u64> {
        plan.success_metrics
            .iter()
            .map(|metric| metric.id.0)
            .collect()
    }

    fn review(date: NaiveDate, period: Period, notes: &str) -> Review {
        Review {
            id: Default::default(),
            date,
            period,
            summary: format!("summary of {date}"),
            notes: notes.to_owned(),
        }
    }

    #[test]
    fn metric_ids_are_found_like_task_ids() {
        let plan = plan();
        assert_eq!(plan.unused_metric_id(1), MetricId(6));
        assert_eq!(plan.unused_metric_id(0), MetricId(6));
        assert_eq!(plan.unused_metric_id(40), MetricId(40));
        assert_eq!(plan.unused_metric_id(u64::MAX), MetricId(u64::MAX));
        let empty = Plan::empty("", day(2026, 1, 1));
        assert_eq!(empty.unused_metric_id(0), MetricId(1));
    }

    #[test]
    fn add_a_metric_of_each_kind() {
        let mut plan = plan();
        let add = |metric: u64, name: &str, measure| MetricCommand::AddMetric {
            metric: MetricId(metric),
            name: name.to_owned(),
            measure,
        };
        assert_eq!(
            apply(
                &mut plan,
                add(
                    6,
                    "  Core done  ",
                    MetricMeasure::LaneTasksDone { lane: LaneId(1) }
                )
            ),
            Ok(true)
        );
        assert_eq!(plan.success_metrics[5].name, "Core done");
        assert_eq!(
            apply(
                &mut plan,
                add(
                    7,
                    "Steady weeks",
                    MetricMeasure::WeeksInRange { weeks: 520 }
                )
            ),
            Ok(true)
        );
        assert_eq!(
            apply(
                &mut plan,
                add(
                    8,
                    "Frugal",
                    MetricMeasure::MonthsWithinRunRate { months: 1 }
                )
            ),
            Ok(true)
        );
        assert_eq!(ids(&plan), [1, 2, 3, 4, 5, 6, 7, 8]);
    }

    #[test]
    fn adding_or_editing_a_metric_refuses_what_the_file_would() {
        let mut plan = plan();
        let add = |metric: u64, name: &str, measure| MetricCommand::AddMetric {
            metric: MetricId(metric),
            name: name.to_owned(),
            measure,
        };
        assert_eq!(
            apply(&mut plan, add(1, "Again", MetricMeasure::PhasesDone)),
            Err(CommandError::IdInUse("success metric id 1".to_owned()))
        );
        assert_eq!(
            apply(&mut plan, add(6, "   ", MetricMeasure::PhasesDone)),
            Err(CommandError::EmptyTitle)
        );
        assert_eq!(
            apply(
                &mut plan,
                add(6, "Lane", MetricMeasure::LaneTasksDone { lane: LaneId(9) })
            ),
            Err(CommandError::NoSuchLane(LaneId(9)))
        );
        assert_eq!(
            apply(
                &mut plan,
                add(6, "Weeks", MetricMeasure::WeeksInRange { weeks: 0 })
            ),
            Err(CommandError::Invalid(
                "a metric must look back between 1 and 520 weeks, found 0".to_owned()
            ))
        );
        assert_eq!(
            apply(
                &mut plan,
                add(
                    6,
                    "Months",
                    MetricMeasure::MonthsWithinRunRate { months: 121 }
                )
            ),
            Err(CommandError::Invalid(
                "a metric must look back between 1 and 120 months, found 121".to_owned()
            ))
        );
        let edit = |metric: u64, name: &str, measure| MetricCommand::EditMetric {
            metric: MetricId(metric),
            name: name.to_owned(),
            measure,
        };
        assert_eq!(
            apply(&mut plan, edit(9, "Gone", MetricMeasure::PhasesDone)),
            Err(CommandError::NoSuchMetric(MetricId(9)))
        );
        assert_eq!(
            apply(
                &mut plan,
                edit(
                    1,
                    "All 15 phases completed",
                    MetricMeasure::WeeksInRange { weeks: 521 }
                )
            ),
            Err(CommandError::Invalid(
                "a metric must look back between 1 and 520 weeks, found 521".to_owned()
            ))
        );
    }

    #[test]
    fn edit_renames_and_remeasures() {
        let mut plan = plan();
        let edit = |name: &str, measure| MetricCommand::EditMetric {
            metric: MetricId(1),
            name: name.to_owned(),
            measure,
        };
        assert_eq!(
            apply(
                &mut plan,
                edit(" All 15 phases completed ", MetricMeasure::PhasesDone)
            ),
            Ok(false)
        );
        assert_eq!(
            apply(
                &mut plan,
                edit("Phases", MetricMeasure::Manual { done: true })
            ),
            Ok(true)
        );
        assert_eq!(plan.success_metrics[0].name, "Phases");
        assert_eq!(
            plan.success_metrics[0].measure,
            MetricMeasure::Manual { done: true }
        );
    }

    #[test]
    fn delete_and_move_metrics() {
        let mut plan = plan();
        let move_to = |metric: u64, index| MetricCommand::MoveMetric {
            metric: MetricId(metric),
            index,
        };
        // The index counts after the metric is taken out: 1 to 2 of [2, 3, 4, 5].
        assert_eq!(apply(&mut plan, move_to(1, 2)), Ok(true));
        assert_eq!(ids(&plan), [2, 3, 1, 4, 5]);
        assert_eq!(apply(&mut plan, move_to(2, usize::MAX)), Ok(true));
        assert_eq!(ids(&plan), [3, 1, 4, 5, 2]);
        assert_eq!(apply(&mut plan, move_to(2, 4)), Ok(false));
        assert_eq!(apply(&mut plan, move_to(5, 0)), Ok(true));
        assert_eq!(ids(&plan), [5, 3, 1, 4, 2]);
        assert_eq!(
            apply(&mut plan, move_to(9, 0)),
            Err(CommandError::NoSuchMetric(MetricId(9)))
        );
        let delete = |metric| MetricCommand::DeleteMetric {
            metric: MetricId(metric),
        };
        assert_eq!(apply(&mut plan, delete(3)), Ok(true));
        assert_eq!(ids(&plan), [5, 1, 4, 2]);
        assert_eq!(
            apply(&mut plan, delete(3)),
            Err(CommandError::NoSuchMetric(MetricId(3)))
        );
    }

    #[test]
    fn only_a_manual_metric_is_ticked_by_hand() {
        let mut plan = plan();
        let tick = |metric, done| MetricCommand::SetMetricDone {
            metric: MetricId(metric),
            done,
        };
        assert_eq!(apply(&mut plan, tick(2, true)), Ok(true));
        assert_eq!(
            plan.success_metrics[1].measure,
            MetricMeasure::Manual { done: true }
        );
        assert_eq!(apply(&mut plan, tick(2, true)), Ok(false));
        assert_eq!(apply(&mut plan, tick(2, false)), Ok(true));
        assert_eq!(
            apply(&mut plan, tick(1, true)),
            Err(CommandError::Invalid(
                "“All 15 phases completed” is worked out from the plan; \
                 only a metric ticked by hand can be ticked"
                    .to_owned()
            ))
        );
        assert_eq!(
            apply(&mut plan, tick(9, true)),
            Err(CommandError::NoSuchMetric(MetricId(9)))
        );
    }

    #[test]
    fn reviews_are_logged_in_date_order() {
        let mut plan = plan();
        let add = |review| MetricCommand::AddReview { review };
        assert_eq!(
            apply(
                &mut plan,
                add(review(day(2026, 3, 8), Period::Weekly, "  On track.  "))
            ),
            Ok(true)
        );
        assert_eq!(
            apply(&mut plan, add(review(day(2026, 3, 1), Period::Weekly, ""))),
            Ok(true)
        );
        // Same day as the first: after it.
        assert_eq!(
            apply(
                &mut plan,
                add(review(day(2026, 3, 8), Period::Monthly, "Month"))
            ),
            Ok(true)
        );
        let log: Vec<(NaiveDate, Period, &str)> = plan
            .reviews
            .iter()
            .map(|review| (review.date, review.period, review.notes.as_str()))
            .collect();
        assert_eq!(
            log,
            [
                (day(2026, 3, 1), Period::Weekly, ""),
                (day(2026, 3, 8), Period::Weekly, "On track."),
                (day(2026, 3, 8), Period::Monthly, "Month"),
            ]
        );
        assert_eq!(plan.reviews[1].summary, "summary of 2026-03-08");
        assert_eq!(
            apply(&mut plan, add(review(day(2201, 1, 1), Period::Weekly, ""))),
            Err(CommandError::DateOutOfRange(day(2201, 1, 1)))
        );
        assert_eq!(
            apply(
                &mut plan,
                add(review(day(1899, 12, 31), Period::Weekly, ""))
            ),
            Err(CommandError::DateOutOfRange(day(1899, 12, 31)))
        );
        // A review with no cadence behind it is still a review.
        plan.review_cadences.clear();
        assert_eq!(
            apply(
                &mut plan,
                add(review(day(2026, 4, 1), Period::Quarterly, ""))
            ),
            Ok(true)
        );
        assert_eq!(
            apply(&mut plan, MetricCommand::DeleteReview { index: 1 }),
            Ok(true)
        );
        assert_eq!(plan.reviews.len(), 3);
        assert_eq!(plan.reviews[1].period, Period::Monthly);
        assert_eq!(
            apply(&mut plan, MetricCommand::DeleteReview { index: 3 }),
            Err(CommandError::NoSuchReview(3))
        );
    }

    #[test]
    fn a_saved_summary_stays_as_it_was_that_day() {
        use yearplan::model::review::period_summary;
        // The example plan's week of Sunday 22 – Saturday 28 November.
        let mut plan = yearplan::io::example_plan().unwrap();
        let today = day(2026, 11, 28);
        let summary = period_summary(&plan, Period::Weekly, today);
        assert!(
            summary.contains("  Learning: 17.3 h (target 15–20 h, in range)\n"),
            "{summary}"
        );
        assert!(summary.contains("Tasks done: none\n"), "{summary}");
        let saved = Review {
            id: Default::default(),
            date: today,
            period: Period::Weekly,
            summary: summary.clone(),
            notes: "Good week.".to_owned(),
        };
        apply(&mut plan, MetricCommand::AddReview { review: saved }).unwrap();

        // Later the same week's data changes: more hours, a task ticked.
        let more = Command::Time(yearplan::model::command::TimeCommand::AddEntry {
            entry: TimeEntry {
                id: Default::default(),
                date: day(2026, 11, 26),
                category: yearplan::model::CategoryId(1),
                hours: 5.0,
                note: String::new(),
            },
        });
        assert_eq!(plan.apply(&more), Ok(true));
        let tick = Command::SetTaskDone {
            task: TaskId(8),
            done: true,
            on: day(2026, 11, 27),
        };
        assert_eq!(plan.apply(&tick), Ok(true));

        let now = period_summary(&plan, Period::Weekly, today);
        assert!(
            now.contains("  Learning: 22.3 h (target 15–20 h, over the range, target met)\n"),
            "{now}"
        );
        assert!(now.contains("Tasks done (1):\n"), "{now}");
        let stored = &plan.reviews.last().unwrap().summary;
        assert_eq!(stored, &summary);
        assert_ne!(stored, &now);
    }

    #[test]
    fn cadences_are_set_added_in_order_and_removed() {
        let mut plan = plan();
        let purpose = |period, text: &str| MetricCommand::SetCadencePurpose {
            period,
            purpose: text.to_owned(),
        };
        assert_eq!(
            apply(
                &mut plan,
                purpose(Period::Weekly, " Progress check against tasks ")
            ),
            Ok(false)
        );
        assert_eq!(
            apply(&mut plan, purpose(Period::Weekly, "Plan the week")),
            Ok(true)
        );
        assert_eq!(plan.review_cadences[0].purpose, "Plan the week");
        assert_eq!(
            apply(
                &mut plan,
                MetricCommand::RemoveCadence {
                    period: Period::Monthly
                }
            ),
            Ok(true)
        );
        assert_eq!(
            apply(
                &mut plan,
                MetricCommand::RemoveCadence {
                    period: Period::Monthly
                }
            ),
            Err(CommandError::Invalid(
                "the plan has no monthly review cadence".to_owned()
            ))
        );
        // Adding it back puts it between weekly and quarterly.
        assert_eq!(apply(&mut plan, purpose(Period::Monthly, "")), Ok(true));
        let periods: Vec<(Period, &str)> = plan
            .review_cadences
            .iter()
            .map(|cadence| (cadence.period, cadence.purpose.as_str()))
            .collect();
        assert_eq!(
            periods,
            [
                (Period::Weekly, "Plan the week"),
                (Period::Monthly, ""),
                (Period::Quarterly, "Budget and timeline review"),
            ]
        );
        plan.review_cadences.clear();
        assert_eq!(apply(&mut plan, purpose(Period::Quarterly, "Q")), Ok(true));
        assert_eq!(apply(&mut plan, purpose(Period::Weekly, "W")), Ok(true));
        assert_eq!(plan.review_cadences[0].period, Period::Weekly);
    }

    #[test]
    fn new_errors_read_as_sentences() {
        assert_eq!(
            CommandError::NoSuchMetric(MetricId(4)).to_string(),
            "the success metric with id 4 is not in the plan"
        );
        assert_eq!(
            CommandError::NoSuchReview(2).to_string(),
            "there is no review number 2"
        );
    }

    /// The shared generator, with what this module's commands are made of.
    struct Random(XorShift);

    impl Random {
        fn below(&mut self, n: u64) -> u64 {
            self.0.below(n)
        }

        fn period(&mut self) -> Period {
            [
                Period::Weekly,
                Period::Monthly,
                Period::Quarterly,
                Period::Yearly,
            ][self.below(4) as usize]
        }

        fn measure(&mut self) -> MetricMeasure {
            match self.below(5) {
                0 => MetricMeasure::Manual {
                    done: self.below(2) == 0,
                },
                1 => MetricMeasure::PhasesDone,
                2 => MetricMeasure::LaneTasksDone {
                    lane: LaneId(self.below(5)),
                },
                3 => MetricMeasure::WeeksInRange {
                    weeks: [0, 1, 4, 520, 521, u32::MAX][self.below(6) as usize],
                },
                _ => MetricMeasure::MonthsWithinRunRate {
                    months: [0, 1, 3, 120, 121][self.below(5) as usize],
                },
            }
        }

        fn command(&mut self) -> MetricCommand {
            let metric = MetricId(self.below(9));
            let name = ["Goal", "  padded  ", "", "Ünïcode ✓"][self.below(4) as usize].to_owned();
            let index = [0, 1, 3, usize::MAX][self.below(4) as usize];
            match self.below(10) {
                0 | 1 => MetricCommand::AddMetric {
                    metric,
                    name,
                    measure: self.measure(),
                },
                2 => MetricCommand::EditMetric {
                    metric,
                    name,
                    measure: self.measure(),
                },
                3 => MetricCommand::DeleteMetric { metric },
                4 => MetricCommand::MoveMetric { metric, index },
                5 => MetricCommand::SetMetricDone {
                    metric,
                    done: self.below(2) == 0,
                },
                6 => MetricCommand::AddReview {
                    review: Review {
                        id: Default::default(),
                        date: [day(2026, 3, 1), day(2025, 1, 31), day(2300, 1, 1)]
                            [self.below(3) as usize],
                        period: self.period(),
                        summary: name.clone(),
                        notes: name,
                    },
                },
                7 => MetricCommand::DeleteReview { index },
                8 => MetricCommand::SetCadencePurpose {
                    period: self.period(),
                    purpose: name,
                },
                _ => MetricCommand::RemoveCadence {
                    period: self.period(),
                },
            }
        }
    }

    #[test]
    fn random_commands_never_panic_and_keep_the_plan_valid() {
        let mut took_effect = std::collections::HashSet::new();
        for seed in 1..=20_u64 {
            let mut plan = plan();
            let mut random = Random(XorShift::new(seed));
            for _ in 0..300 {
                let command = random.command();
                if apply(&mut plan, command.clone()) == Ok(true) {
                    took_effect.insert(std::mem::discriminant(&command));
                }
            }
        }
        // Every kind of command made real edits, not only refusals.
        assert_eq!(took_effect.len(), 9);
    }
}

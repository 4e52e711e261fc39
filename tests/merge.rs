//! The three-way merge, by property: random edit scripts applied to the
//! example plan on both sides.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use yearplan::model::merge::{Choices, merge, merge_choosing};
use yearplan::model::validate::validate;
use yearplan::model::{
    BlockId, CategoryId, EntryId, Expense, ExpenseId, MetricMeasure, Plan, Review, ReviewId, Task,
    TaskId, TimeEntry,
};

/// One edit a person makes, with indices taken modulo the list they pick from.
#[derive(Clone, Debug)]
enum Edit {
    Tick(usize),
    Rename(usize, String),
    Notes(usize, String),
    Move(usize, usize, usize),
    DeleteTask(usize),
    AddTask(usize, u64, String),
    AddEntry(u64, usize, u8),
    SetHours(usize, u8),
    DeleteEntry(usize),
    AddExpense(u64, usize, u32),
    SetAmount(usize, u32),
    DeleteExpense(usize),
    RenameCategory(usize, String),
    SetTarget(usize, u8, u8),
    RemoveCategory(usize),
    SwapLanes(usize, usize),
    RenameLane(usize, String),
    AddReview(u64),
    SetPurpose(usize, String),
    ToggleMetric(usize),
    PhaseDone(usize),
}

fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Alpha".to_owned()),
        Just("Beta".to_owned()),
        "[a-zA-Z ]{1,12}",
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    let index = 0..10_000usize;
    let id = 1..u64::MAX;
    prop_oneof![
        index.clone().prop_map(Edit::Tick),
        (index.clone(), words()).prop_map(|(i, w)| Edit::Rename(i, w)),
        (index.clone(), words()).prop_map(|(i, w)| Edit::Notes(i, w)),
        (index.clone(), index.clone(), index.clone()).prop_map(|(a, b, c)| Edit::Move(a, b, c)),
        index.clone().prop_map(Edit::DeleteTask),
        (index.clone(), id.clone(), words()).prop_map(|(b, id, w)| Edit::AddTask(b, id, w)),
        (id.clone(), index.clone(), 1..96u8).prop_map(|(id, c, h)| Edit::AddEntry(id, c, h)),
        (index.clone(), 1..96u8).prop_map(|(i, h)| Edit::SetHours(i, h)),
        index.clone().prop_map(Edit::DeleteEntry),
        (id.clone(), index.clone(), 1..100_000u32)
            .prop_map(|(id, l, c)| Edit::AddExpense(id, l, c)),
        (index.clone(), 1..100_000u32).prop_map(|(i, c)| Edit::SetAmount(i, c)),
        index.clone().prop_map(Edit::DeleteExpense),
        (index.clone(), words()).prop_map(|(i, w)| Edit::RenameCategory(i, w)),
        (index.clone(), 0..40u8, 0..40u8).prop_map(|(i, a, b)| Edit::SetTarget(i, a, b)),
        index.clone().prop_map(Edit::RemoveCategory),
        (index.clone(), index.clone()).prop_map(|(a, b)| Edit::SwapLanes(a, b)),
        (index.clone(), words()).prop_map(|(i, w)| Edit::RenameLane(i, w)),
        id.prop_map(Edit::AddReview),
        (index.clone(), words()).prop_map(|(i, w)| Edit::SetPurpose(i, w)),
        index.clone().prop_map(Edit::ToggleMetric),
        index.prop_map(Edit::PhaseDone),
    ]
}

fn script() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(edit(), 0..25)
}

fn example() -> Plan {
    yearplan::io::example_plan().unwrap()
}

fn task_ids(plan: &Plan) -> Vec<TaskId> {
    plan.tasks().map(|task| task.id).collect()
}

fn block_ids(plan: &Plan) -> Vec<BlockId> {
    plan.swimlanes
        .iter()
        .flat_map(|lane| lane.blocks.iter().map(|block| block.id))
        .collect()
}

fn take_task(plan: &mut Plan, id: TaskId) -> Option<Task> {
    for lane in &mut plan.swimlanes {
        for block in &mut lane.blocks {
            if let Some(index) = block.tasks.iter().position(|task| task.id == id) {
                return Some(block.tasks.remove(index));
            }
        }
    }
    None
}

fn block_mut(plan: &mut Plan, id: BlockId) -> Option<&mut yearplan::model::Block> {
    plan.swimlanes
        .iter_mut()
        .flat_map(|lane| lane.blocks.iter_mut())
        .find(|block| block.id == id)
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap()
        .checked_add_days(Days::new(offset % 365))
        .unwrap()
}

/// Applies `edit` as the window would, keeping the plan valid; an edit that
/// finds nothing to work on does nothing.
fn apply(plan: &mut Plan, edit: &Edit) {
    let tasks = task_ids(plan);
    let pick = |index: usize, len: usize| (len > 0).then(|| index % len);
    match edit {
        Edit::Tick(i) => {
            if let Some(i) = pick(*i, tasks.len()) {
                let task = plan.task_mut(tasks[i]).unwrap();
                task.done = !task.done;
                task.done_on = task.done.then(|| day(i as u64));
            }
        }
        Edit::Rename(i, title) => {
            if let Some(i) = pick(*i, tasks.len()) {
                plan.task_mut(tasks[i]).unwrap().title = title.clone();
            }
        }
        Edit::Notes(i, notes) => {
            if let Some(i) = pick(*i, tasks.len()) {
                plan.task_mut(tasks[i]).unwrap().notes = notes.clone();
            }
        }
        Edit::Move(i, b, at) => {
            let blocks = block_ids(plan);
            if let (Some(i), Some(b)) = (pick(*i, tasks.len()), pick(*b, blocks.len())) {
                let task = take_task(plan, tasks[i]).unwrap();
                let block = block_mut(plan, blocks[b]).unwrap();
                let at = at % (block.tasks.len() + 1);
                block.tasks.insert(at, task);
            }
        }
        Edit::DeleteTask(i) => {
            if let Some(i) = pick(*i, tasks.len()) {
                take_task(plan, tasks[i]);
            }
        }
        Edit::AddTask(b, id, title) => {
            let blocks = block_ids(plan);
            let id = plan.unused_task_id(*id);
            if let Some(b) = pick(*b, blocks.len()) {
                block_mut(plan, blocks[b]).unwrap().tasks.push(Task {
                    id,
                    title: title.clone(),
                    done: false,
                    done_on: None,
                    due: None,
                    notes: String::new(),
                    phase: None,
                });
            }
        }
        Edit::AddEntry(id, c, quarters) => {
            if let Some(c) = pick(*c, plan.time_categories.len()) {
                let taken: HashSet<u64> = plan.time_entries.iter().map(|e| e.id.0).collect();
                if !taken.contains(id) {
                    plan.time_entries.push(TimeEntry {
                        id: EntryId(*id),
                        date: day(*id),
                        category: plan.time_categories[c].id,
                        hours: f64::from(*quarters) / 4.0,
                        note: String::new(),
                    });
                }
            }
        }
        Edit::SetHours(i, quarters) => {
            if let Some(i) = pick(*i, plan.time_entries.len()) {
                plan.time_entries[i].hours = f64::from(*quarters) / 4.0;
            }
        }
        Edit::DeleteEntry(i) => {
            if let Some(i) = pick(*i, plan.time_entries.len()) {
                plan.time_entries.remove(i);
            }
        }
        Edit::AddExpense(id, l, cents) => {
            if let Some(l) = pick(*l, plan.budget_lines.len()) {
                let taken: HashSet<u64> = plan.expenses.iter().map(|e| e.id.0).collect();
                if !taken.contains(id) {
                    plan.expenses.push(Expense {
                        id: ExpenseId(*id),
                        date: day(*id),
                        line: plan.budget_lines[l].id,
                        cents: i64::from(*cents),
                        note: "bought".to_owned(),
                    });
                }
            }
        }
        Edit::SetAmount(i, cents) => {
            if let Some(i) = pick(*i, plan.expenses.len()) {
                plan.expenses[i].cents = i64::from(*cents);
            }
        }
        Edit::DeleteExpense(i) => {
            if let Some(i) = pick(*i, plan.expenses.len()) {
                plan.expenses.remove(i);
            }
        }
        Edit::RenameCategory(i, name) => {
            if let Some(i) = pick(*i, plan.time_categories.len()) {
                plan.time_categories[i].name = name.clone();
            }
        }
        Edit::SetTarget(i, a, b) => {
            if let Some(i) = pick(*i, plan.time_categories.len()) {
                let (min, max) = (a.min(b), a.max(b));
                plan.time_categories[i].weekly_min_hours = f64::from(*min);
                plan.time_categories[i].weekly_max_hours = f64::from(*max);
            }
        }
        Edit::RemoveCategory(i) => {
            if let Some(i) = pick(*i, plan.time_categories.len()) {
                let id: CategoryId = plan.time_categories[i].id;
                plan.time_categories.remove(i);
                plan.time_entries.retain(|entry| entry.category != id);
                plan.import_rules.hours.retain(|rule| rule.into != Some(id));
            }
        }
        Edit::SwapLanes(a, b) => {
            let len = plan.swimlanes.len();
            if let (Some(a), Some(b)) = (pick(*a, len), pick(*b, len)) {
                plan.swimlanes.swap(a, b);
            }
        }
        Edit::RenameLane(i, name) => {
            if let Some(i) = pick(*i, plan.swimlanes.len()) {
                plan.swimlanes[i].name = name.clone();
            }
        }
        Edit::AddReview(id) => {
            let taken: HashSet<u64> = plan.reviews.iter().map(|r| r.id.0).collect();
            if !taken.contains(id) {
                plan.reviews.push(Review {
                    id: ReviewId(*id),
                    date: day(*id),
                    period: yearplan::model::Period::Weekly,
                    summary: String::new(),
                    notes: "looked back".to_owned(),
                });
            }
        }
        Edit::SetPurpose(i, purpose) => {
            if let Some(i) = pick(*i, plan.review_cadences.len()) {
                plan.review_cadences[i].purpose = purpose.clone();
            }
        }
        Edit::ToggleMetric(i) => {
            if let Some(i) = pick(*i, plan.success_metrics.len())
                && let MetricMeasure::Manual { done } = &mut plan.success_metrics[i].measure
            {
                *done = !*done;
            }
        }
        Edit::PhaseDone(i) => {
            if let Some(i) = pick(*i, plan.phases.len()) {
                let phase = &mut plan.phases[i];
                phase.status = yearplan::model::PhaseStatus::Done;
                phase.done_on = phase.started_on.or(Some(day(200)));
            }
        }
    }
}

fn edited(base: &Plan, script: &[Edit]) -> Plan {
    let mut plan = base.clone();
    for edit in script {
        apply(&mut plan, edit);
    }
    validate(&plan).expect("the edit script keeps the plan valid");
    plan
}

/// Each task with the block it sits in.
fn placed_tasks(plan: &Plan) -> HashMap<TaskId, (BlockId, Task)> {
    plan.swimlanes
        .iter()
        .flat_map(|lane| lane.blocks.iter())
        .flat_map(|block| {
            block
                .tasks
                .iter()
                .map(|task| (task.id, (block.id, task.clone())))
        })
        .collect()
}

fn entries(plan: &Plan) -> HashMap<EntryId, TimeEntry> {
    plan.time_entries
        .iter()
        .map(|e| (e.id, e.clone()))
        .collect()
}

fn expenses(plan: &Plan) -> HashMap<ExpenseId, Expense> {
    plan.expenses.iter().map(|e| (e.id, e.clone())).collect()
}

/// The keys whose record differs between `base` and `side` (added,
/// changed or deleted).
fn changed<K: Eq + std::hash::Hash + Clone, V: PartialEq>(
    base: &HashMap<K, V>,
    side: &HashMap<K, V>,
) -> HashSet<K> {
    base.keys()
        .chain(side.keys())
        .filter(|key| base.get(key) != side.get(key))
        .cloned()
        .collect()
}

/// For every record only one side changed, the merge holds that side's
/// version (or, if that side deleted it, none).
fn one_sided_changes_survive<K, V>(
    base: &HashMap<K, V>,
    mine: &HashMap<K, V>,
    theirs: &HashMap<K, V>,
    merged: &HashMap<K, V>,
) -> Result<(), TestCaseError>
where
    K: Eq + std::hash::Hash + Clone + std::fmt::Debug,
    V: PartialEq + std::fmt::Debug,
{
    let by_mine = changed(base, mine);
    let by_theirs = changed(base, theirs);
    for key in by_mine.symmetric_difference(&by_theirs) {
        let side = if by_mine.contains(key) { mine } else { theirs };
        prop_assert_eq!(merged.get(key), side.get(key), "record {:?}", key);
    }
    // Untouched on both sides: as in the base.
    for key in base.keys() {
        if !by_mine.contains(key) && !by_theirs.contains(key) {
            prop_assert_eq!(merged.get(key), base.get(key), "record {:?}", key);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_side_that_changed_nothing_gives_the_other(script in script()) {
        let base = example();
        let x = edited(&base, &script);
        prop_assert_eq!(&merge(&base, &x, &base).unwrap().plan, &x);
        prop_assert_eq!(&merge(&base, &base, &x).unwrap().plan, &x);
        let both = merge(&base, &x, &x).unwrap();
        prop_assert_eq!(&both.plan, &x);
        prop_assert!(both.conflicts.is_empty());
    }

    #[test]
    fn merges_validate_keep_one_sided_changes_and_conflict_only_where_both_changed(
        mine_script in script(),
        theirs_script in script(),
    ) {
        let base = example();
        let mine = edited(&base, &mine_script);
        let theirs = edited(&base, &theirs_script);
        let merged = merge(&base, &mine, &theirs).expect("a merge of valid plans validates");
        prop_assert!(validate(&merged.plan).is_ok());

        let [b, m, t, x] = [&base, &mine, &theirs, &merged.plan].map(placed_tasks);
        one_sided_changes_survive(&b, &m, &t, &x)?;
        let [b, m, t, x] = [&base, &mine, &theirs, &merged.plan].map(entries);
        one_sided_changes_survive(&b, &m, &t, &x)?;
        let [b, m, t, x] = [&base, &mine, &theirs, &merged.plan].map(expenses);
        one_sided_changes_survive(&b, &m, &t, &x)?;

        // A conflict names a record both sides changed.
        let both_changed = |kind: &str, id: &str| -> bool {
            let key_of = |plan: &Plan| -> Option<String> {
                match kind {
                    "task" => placed_tasks(plan).get(&TaskId(id.parse().ok()?)).map(|t| format!("{t:?}")),
                    "time entry" => entries(plan).get(&EntryId(id.parse().ok()?)).map(|e| format!("{e:?}")),
                    "expense" => expenses(plan).get(&ExpenseId(id.parse().ok()?)).map(|e| format!("{e:?}")),
                    "time category" => plan.time_categories.iter().find(|c| c.id.0.to_string() == id).map(|c| format!("{c:?}")),
                    "swimlane" => plan.swimlanes.iter().find(|l| l.id.0.to_string() == id).map(|l| format!("{:?}", (&l.name, &l.subtitle))),
                    "review cadence" => plan.review_cadences.iter().find(|c| c.id.0.to_string() == id).map(|c| format!("{c:?}")),
                    "success metric" => plan.success_metrics.iter().find(|c| c.id.0.to_string() == id).map(|c| format!("{c:?}")),
                    "phase" => plan.phases.iter().find(|p| p.number.to_string() == id).map(|p| format!("{p:?}")),
                    _ => Some(format!("{kind}{id}")),
                }
            };
            let before = key_of(&base);
            key_of(&mine) != before && key_of(&theirs) != before
        };
        for conflict in &merged.conflicts {
            prop_assert!(
                both_changed(conflict.key.kind, &conflict.key.id),
                "conflict over a record only one side changed: {}", conflict
            );
        }

        // Choosing theirs in every conflict also gives a valid plan.
        let all: Choices = merged.conflicts.iter().map(|c| c.key.clone()).collect();
        let chosen = merge_choosing(&base, &mine, &theirs, &all).expect("valid");
        prop_assert!(validate(&chosen.plan).is_ok());
    }

    #[test]
    fn edits_of_different_kinds_of_record_merge_without_conflict(
        mine_script in script(),
        theirs_script in script(),
    ) {
        // Mine only touches the board, theirs only the ledgers and reviews.
        let board = |edit: &Edit| matches!(edit,
            Edit::Tick(..) | Edit::Rename(..) | Edit::Notes(..) | Edit::Move(..)
            | Edit::DeleteTask(..) | Edit::AddTask(..) | Edit::SwapLanes(..) | Edit::RenameLane(..));
        let mine_script: Vec<Edit> = mine_script.into_iter().filter(board).collect();
        let theirs_script: Vec<Edit> = theirs_script.into_iter().filter(|e| !board(e)).collect();
        let base = example();
        let mine = edited(&base, &mine_script);
        let theirs = edited(&base, &theirs_script);
        let merged = merge(&base, &mine, &theirs).unwrap();
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        prop_assert_eq!(&merged.plan.swimlanes, &mine.swimlanes);
        prop_assert_eq!(&merged.plan.time_entries, &theirs.time_entries);
        prop_assert_eq!(&merged.plan.expenses, &theirs.expenses);
        prop_assert_eq!(&merged.plan.time_categories, &theirs.time_categories);
        prop_assert_eq!(&merged.plan.reviews, &theirs.reviews);
    }
}

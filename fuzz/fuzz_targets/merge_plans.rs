//! The three-way merge.
//!
//! Two kinds of input. Bytes that hold three texts split by NUL bytes are
//! read as three plan files (base, mine, theirs): any three plans that load
//! must merge into a plan that validates, however unrelated they are. Any
//! other bytes are two edit scripts applied to the example plan, four bytes
//! an edit, split at the first 0xFF: the merge of two copies edited apart
//! must validate, give back one side when the other changed nothing, and
//! survive choosing theirs in every conflict.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use yearplan::io::parse_plan;
use yearplan::model::merge::{Choices, merge, merge_choosing};
use yearplan::model::{
    BlockId, EntryId, Expense, ExpenseId, Plan, Task, TaskId, TimeEntry,
};

fn example() -> Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| yearplan::io::example_plan().unwrap_or_else(|_| yearplan_fuzz::default_plan()))
        .clone()
}

fn blocks(plan: &Plan) -> Vec<BlockId> {
    plan.swimlanes
        .iter()
        .flat_map(|lane| lane.blocks.iter().map(|block| block.id))
        .collect()
}

fn take_task(plan: &mut Plan, id: TaskId) -> Option<Task> {
    plan.swimlanes
        .iter_mut()
        .flat_map(|lane| lane.blocks.iter_mut())
        .find_map(|block| {
            let index = block.tasks.iter().position(|task| task.id == id)?;
            Some(block.tasks.remove(index))
        })
}

/// One edit from four bytes; an edit that finds nothing to work on does nothing.
fn apply(plan: &mut Plan, [op, a, b, c]: [u8; 4]) {
    let tasks: Vec<TaskId> = plan.tasks().map(|task| task.id).collect();
    let pick = |index: u8, len: usize| (len > 0).then(|| usize::from(index) % len);
    let id = u64::from_le_bytes([a, b, c, op, a ^ 0x55, b ^ 0xAA, 1, 0]);
    match op % 12 {
        0 => {
            if let Some(i) = pick(a, tasks.len()) {
                if let Some(task) = plan.task_mut(tasks[i]) {
                    task.done = !task.done;
                    task.done_on = task.done.then_some(plan_day(b));
                }
            }
        }
        1 => {
            if let Some(i) = pick(a, tasks.len()) {
                if let Some(task) = plan.task_mut(tasks[i]) {
                    task.title = format!("title {b}");
                }
            }
        }
        2 => {
            let blocks = blocks(plan);
            if let (Some(i), Some(to)) = (pick(a, tasks.len()), pick(b, blocks.len())) {
                if let Some(task) = take_task(plan, tasks[i]) {
                    if let Some(block) = plan
                        .swimlanes
                        .iter_mut()
                        .flat_map(|lane| lane.blocks.iter_mut())
                        .find(|block| block.id == blocks[to])
                    {
                        let at = usize::from(c) % (block.tasks.len() + 1);
                        block.tasks.insert(at, task);
                    }
                }
            }
        }
        3 => {
            if let Some(i) = pick(a, tasks.len()) {
                take_task(plan, tasks[i]);
            }
        }
        4 => {
            let blocks = blocks(plan);
            let task_id = plan.unused_task_id(id);
            if let Some(to) = pick(a, blocks.len()) {
                if let Some(block) = plan
                    .swimlanes
                    .iter_mut()
                    .flat_map(|lane| lane.blocks.iter_mut())
                    .find(|block| block.id == blocks[to])
                {
                    block.tasks.push(Task {
                        id: task_id,
                        title: format!("new {c}"),
                        done: false,
                        done_on: None,
                        due: None,
                        notes: String::new(),
                        phase: None,
                    });
                }
            }
        }
        5 => {
            if let Some(category) = pick(a, plan.time_categories.len()) {
                if plan.time_entries.iter().all(|entry| entry.id.0 != id) {
                    plan.time_entries.push(TimeEntry {
                        id: EntryId(id),
                        date: plan_day(b),
                        category: plan.time_categories[category].id,
                        hours: f64::from(c % 96 + 1) / 4.0,
                        note: String::new(),
                    });
                }
            }
        }
        6 => {
            if let Some(i) = pick(a, plan.time_entries.len()) {
                plan.time_entries[i].hours = f64::from(b % 96 + 1) / 4.0;
            }
        }
        7 => {
            if let Some(i) = pick(a, plan.time_entries.len()) {
                plan.time_entries.remove(i);
            }
        }
        8 => {
            if let Some(line) = pick(a, plan.budget_lines.len()) {
                if plan.expenses.iter().all(|expense| expense.id.0 != id) {
                    plan.expenses.push(Expense {
                        id: ExpenseId(id),
                        date: plan_day(b),
                        line: plan.budget_lines[line].id,
                        cents: i64::from(c) * 100,
                        note: String::new(),
                    });
                }
            }
        }
        9 => {
            if let Some(i) = pick(a, plan.time_categories.len()) {
                let category = plan.time_categories.remove(i).id;
                plan.time_entries.retain(|entry| entry.category != category);
                plan.import_rules.hours.retain(|rule| rule.into != Some(category));
            }
        }
        10 => {
            let len = plan.swimlanes.len();
            if let (Some(x), Some(y)) = (pick(a, len), pick(b, len)) {
                plan.swimlanes.swap(x, y);
            }
        }
        _ => {
            if let Some(i) = pick(a, plan.swimlanes.len()) {
                // A lane removed with its blocks and tasks, as the board does
                // after asking.
                plan.swimlanes.remove(i);
                let lanes: Vec<_> = plan.swimlanes.iter().map(|lane| lane.id).collect();
                plan.success_metrics.retain(|metric| match metric.measure {
                    yearplan::model::MetricMeasure::LaneTasksDone { lane } => lanes.contains(&lane),
                    _ => true,
                });
            }
        }
    }
}

fn plan_day(offset: u8) -> chrono::NaiveDate {
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    start
        .checked_add_days(chrono::Days::new(u64::from(offset)))
        .unwrap_or(start)
}

fn edited(base: &Plan, script: &[u8]) -> Option<Plan> {
    let mut plan = base.clone();
    for edit in script.chunks_exact(4) {
        apply(&mut plan, [edit[0], edit[1], edit[2], edit[3]]);
    }
    // The scripts keep the plan valid; one that does not is not a merge case.
    yearplan::model::validate::validate(&plan).ok()?;
    Some(plan)
}

/// The merge of three plans must validate, also with every conflict
/// chosen as theirs, and the merged plan must survive what a click reaches.
fn check_merge(base: &Plan, mine: &Plan, theirs: &Plan) -> Plan {
    let merged = match merge(base, mine, theirs) {
        Ok(merged) => merged,
        Err(error) => panic!("three valid plans did not merge: {error}"),
    };
    let all: Choices = merged.conflicts.iter().map(|c| c.key.clone()).collect();
    if let Err(error) = merge_choosing(base, mine, theirs, &all) {
        panic!("choosing theirs gave an invalid plan: {error}");
    }
    let _ = yearplan::model::merge::changes(base, &merged.plan).to_string();
    merged.plan
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let parts: Vec<&str> = text.split('\0').collect();
        if parts.len() == 3 {
            let plans: Vec<Plan> = parts.iter().filter_map(|part| parse_plan(part).ok()).collect();
            if let [base, mine, theirs] = plans.as_slice() {
                let merged = check_merge(base, mine, theirs);
                yearplan_fuzz::check_saved_and_opened(&merged);
            }
            return;
        }
    }
    let split = data.iter().position(|byte| *byte == 0xFF).unwrap_or(data.len());
    let (mine_script, theirs_script) = data.split_at(split);
    let theirs_script = theirs_script.get(1..).unwrap_or_default();
    let base = example();
    let (Some(mine), Some(theirs)) = (edited(&base, mine_script), edited(&base, theirs_script))
    else {
        return;
    };
    let merged = check_merge(&base, &mine, &theirs);
    assert!(merge(&base, &mine, &base).is_ok_and(|m| m.plan == mine), "merge(base, mine, base) != mine");
    assert!(merge(&base, &theirs, &theirs).is_ok_and(|m| m.plan == theirs && m.conflicts.is_empty()), "merge(base, x, x) != x");
    yearplan_fuzz::check_saved_and_opened(&merged);
});

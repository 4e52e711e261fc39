//! How long merging two edited copies of the heavy plan takes (2,000 tasks,
//! 20,000 time entries, 5,000 expenses); issue 13 asks for at most 50 ms.
//!
//! Run with `cargo bench --bench merge`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use yearplan::io;
use yearplan::model::merge::merge;
use yearplan::model::sample::{Size, heavy_plan};
use yearplan::model::{EntryId, ExpenseId, Plan};

/// The laptop: every tenth task ticked, every fifth entry's hours changed,
/// 500 entries added, 200 deleted.
fn laptop(base: &Plan) -> Plan {
    let mut plan = base.clone();
    for task in plan
        .swimlanes
        .iter_mut()
        .flat_map(|lane| lane.blocks.iter_mut())
        .flat_map(|block| block.tasks.iter_mut())
        .step_by(10)
    {
        task.done = !task.done;
        task.done_on = None;
    }
    for entry in plan.time_entries.iter_mut().step_by(5) {
        entry.hours = 0.5;
    }
    let added: Vec<_> = plan.time_entries[..500]
        .iter()
        .enumerate()
        .map(|(n, entry)| {
            let mut entry = entry.clone();
            entry.id = EntryId(0xA11_0000 + n as u64);
            entry
        })
        .collect();
    plan.time_entries.extend(added);
    plan.time_entries.drain(1_000..1_200);
    plan
}

/// The desktop: every seventh task renamed, each lane's first task moved
/// to the next lane, every eleventh entry's note changed (some of them
/// entries the laptop changed the hours of: a merge by field), every third
/// expense changed, 300 expenses added.
fn desktop(base: &Plan) -> Plan {
    let mut plan = base.clone();
    for task in plan
        .swimlanes
        .iter_mut()
        .flat_map(|lane| lane.blocks.iter_mut())
        .flat_map(|block| block.tasks.iter_mut())
        .step_by(7)
    {
        task.title.push_str(" (renamed)");
    }
    let lanes = plan.swimlanes.len();
    for index in 0..lanes {
        if let Some(task) = plan.swimlanes[index]
            .blocks
            .first_mut()
            .filter(|block| !block.tasks.is_empty())
            .map(|block| block.tasks.remove(0))
        {
            let next = (index + 1) % lanes;
            if let Some(block) = plan.swimlanes[next].blocks.last_mut() {
                block.tasks.push(task);
            }
        }
    }
    // Not those the laptop deletes: that would be a conflict, and this is
    // a clean merge.
    for (index, entry) in plan.time_entries.iter_mut().enumerate() {
        if index % 11 == 0 && !(1_000..1_200).contains(&index) {
            entry.note.push_str(" (desktop)");
        }
    }
    for expense in plan.expenses.iter_mut().step_by(3) {
        expense.cents += 1;
    }
    let added: Vec<_> = plan.expenses[..300]
        .iter()
        .enumerate()
        .map(|(n, expense)| {
            let mut expense = expense.clone();
            expense.id = ExpenseId(0xDE5_0000 + n as u64);
            expense
        })
        .collect();
    plan.expenses.extend(added);
    plan
}

fn merging(c: &mut Criterion) {
    let base = heavy_plan(&io::example_plan().unwrap(), Size::HEAVY);
    let (mine, theirs) = (laptop(&base), desktop(&base));
    let merged = merge(&base, &mine, &theirs).unwrap();
    assert!(merged.is_clean(), "{:?}", merged.conflicts.first());
    assert_eq!(merged.plan.time_entries.len(), 20_000 + 500 - 200);
    assert_eq!(merged.plan.expenses.len(), 5_000 + 300);
    println!(
        "merge/heavy: {} tasks, {} entries, {} expenses merged",
        merged.plan.tasks().count(),
        merged.plan.time_entries.len(),
        merged.plan.expenses.len()
    );

    c.bench_function("merge/heavy", |b| {
        b.iter(|| black_box(merge(black_box(&base), &mine, &theirs).unwrap()));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = merging
}
criterion_main!(benches);

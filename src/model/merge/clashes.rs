//! Two different records that both sides added with the same id.
//!
//! Yearplan draws new ids at random, so that only happens to records a
//! person added by hand, each picking "the next number" in their copy. They
//! are two records, not one changed two ways: theirs is given an unused id
//! (and whatever points at it follows) before the merge, so both are kept.

use std::collections::HashSet;

use super::Board;
use crate::model::plan::first_unused_in;
use crate::model::{MetricMeasure, Plan};

/// `theirs` with every record that clashes with a different record of
/// mine (same id, added on both sides) given a new id, and a sentence for
/// each; `None` when nothing clashes.
pub(super) fn renumbered(base: &Plan, mine: &Plan, theirs: &Plan) -> Option<(Plan, Vec<String>)> {
    let [b, m, t] = [base, mine, theirs].map(Board::of);
    let mut plan = theirs.clone();
    let mut said = Vec::new();

    // Tasks: compared with the block they sit in left out, since a task two
    // people added is the same task wherever each put it.
    let clashing = clashes(
        b.tasks.iter().map(|placed| placed.task.id.0),
        m.tasks
            .iter()
            .map(|placed| (placed.task.id.0, &placed.task)),
        t.tasks
            .iter()
            .map(|placed| (placed.task.id.0, &placed.task)),
    );
    if !clashing.is_empty() {
        let mut used = used_ids([&b, &m, &t].map(|board| board.tasks.iter().map(|p| p.task.id.0)));
        for lane in &mut plan.swimlanes {
            for block in &mut lane.blocks {
                for task in &mut block.tasks {
                    if clashing.contains(&task.id.0) {
                        let new = first_unused_in(task.id.0, &used);
                        used.insert(new);
                        said.push(clash("task", task.id.0, new, &task.title));
                        task.id.0 = new;
                    }
                }
            }
        }
    }

    let clashing = clashes(
        b.blocks.iter().map(|block| block.id.0),
        m.blocks.iter().map(|block| (block.id.0, block)),
        t.blocks.iter().map(|block| (block.id.0, block)),
    );
    if !clashing.is_empty() {
        let mut used = used_ids([&b, &m, &t].map(|board| board.blocks.iter().map(|x| x.id.0)));
        for lane in &mut plan.swimlanes {
            for block in &mut lane.blocks {
                if clashing.contains(&block.id.0) {
                    let new = first_unused_in(block.id.0, &used);
                    used.insert(new);
                    said.push(clash("block", block.id.0, new, &lane.name));
                    block.id.0 = new;
                }
            }
        }
    }

    let clashing = clashes(
        b.lanes.iter().map(|lane| lane.id.0),
        m.lanes.iter().map(|lane| (lane.id.0, lane)),
        t.lanes.iter().map(|lane| (lane.id.0, lane)),
    );
    for old in clashing {
        let new = unused(
            old,
            [base, mine, &plan].map(|p| p.swimlanes.iter().map(|l| l.id.0)),
        );
        for lane in plan.swimlanes.iter_mut().filter(|lane| lane.id.0 == old) {
            said.push(clash("swimlane", old, new, &lane.name));
            lane.id.0 = new;
        }
        for metric in &mut plan.success_metrics {
            if let MetricMeasure::LaneTasksDone { lane } = &mut metric.measure
                && lane.0 == old
            {
                lane.0 = new;
            }
        }
    }

    for old in list_clashes(base, mine, theirs, |p| &p.time_categories, |c| c.id.0) {
        let new = unused(
            old,
            [base, mine, &plan].map(|p| p.time_categories.iter().map(|c| c.id.0)),
        );
        for category in plan.time_categories.iter_mut().filter(|c| c.id.0 == old) {
            said.push(clash("time category", old, new, &category.name));
            category.id.0 = new;
        }
        for entry in plan.time_entries.iter_mut().filter(|e| e.category.0 == old) {
            entry.category.0 = new;
        }
        for rule in &mut plan.import_rules.hours {
            if let Some(into) = &mut rule.into
                && into.0 == old
            {
                into.0 = new;
            }
        }
    }

    for old in list_clashes(base, mine, theirs, |p| &p.budget_lines, |l| l.id.0) {
        let new = unused(
            old,
            [base, mine, &plan].map(|p| p.budget_lines.iter().map(|l| l.id.0)),
        );
        for line in plan.budget_lines.iter_mut().filter(|l| l.id.0 == old) {
            said.push(clash("budget line", old, new, &line.name));
            line.id.0 = new;
        }
        for expense in plan.expenses.iter_mut().filter(|e| e.line.0 == old) {
            expense.line.0 = new;
        }
        for rule in &mut plan.import_rules.expenses {
            if let Some(into) = &mut rule.into
                && into.0 == old
            {
                into.0 = new;
            }
        }
    }

    for old in list_clashes(base, mine, theirs, |p| &p.success_metrics, |m| m.id.0) {
        let new = unused(
            old,
            [base, mine, &plan].map(|p| p.success_metrics.iter().map(|m| m.id.0)),
        );
        for metric in plan.success_metrics.iter_mut().filter(|m| m.id.0 == old) {
            said.push(clash("success metric", old, new, &metric.name));
            metric.id.0 = new;
        }
    }

    // Entries, expenses and reviews: an id written by hand, or one derived
    // from the record's content (which two different records do not share).
    for old in list_clashes(base, mine, theirs, |p| &p.time_entries, |e| e.id.0) {
        let new = unused(
            old,
            [base, mine, &plan].map(|p| p.time_entries.iter().map(|e| e.id.0)),
        );
        for entry in plan.time_entries.iter_mut().filter(|e| e.id.0 == old) {
            said.push(clash("time entry", old, new, &entry.date.to_string()));
            entry.id.0 = new;
        }
    }
    for old in list_clashes(base, mine, theirs, |p| &p.expenses, |e| e.id.0) {
        let new = unused(
            old,
            [base, mine, &plan].map(|p| p.expenses.iter().map(|e| e.id.0)),
        );
        for expense in plan.expenses.iter_mut().filter(|e| e.id.0 == old) {
            said.push(clash("expense", old, new, &expense.date.to_string()));
            expense.id.0 = new;
        }
    }
    for old in list_clashes(base, mine, theirs, |p| &p.reviews, |r| r.id.0) {
        let new = unused(
            old,
            [base, mine, &plan].map(|p| p.reviews.iter().map(|r| r.id.0)),
        );
        for review in plan.reviews.iter_mut().filter(|r| r.id.0 == old) {
            said.push(clash("review", old, new, &review.date.to_string()));
            review.id.0 = new;
        }
    }

    (!said.is_empty()).then_some((plan, said))
}

fn clash(kind: &str, old: u64, new: u64, name: &str) -> String {
    format!(
        "both sides added a {kind} {old}, and they differ ({name:?} is theirs); theirs is now {kind} {new}"
    )
}

/// The ids added on both sides (absent from the base) whose records differ.
fn clashes<'a, R: PartialEq + 'a>(
    base: impl Iterator<Item = u64>,
    mine: impl Iterator<Item = (u64, &'a R)>,
    theirs: impl Iterator<Item = (u64, &'a R)>,
) -> HashSet<u64> {
    let in_base: HashSet<u64> = base.collect();
    let mine: std::collections::HashMap<u64, &R> =
        mine.filter(|(id, _)| !in_base.contains(id)).collect();
    if mine.is_empty() {
        return HashSet::new();
    }
    theirs
        .filter(|(id, record)| mine.get(id).is_some_and(|other| other != record))
        .map(|(id, _)| id)
        .collect()
}

fn list_clashes<R: PartialEq>(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    list: fn(&Plan) -> &Vec<R>,
    id: fn(&R) -> u64,
) -> Vec<u64> {
    let mut found: Vec<u64> = clashes(
        list(base).iter().map(id),
        list(mine).iter().map(|r| (id(r), r)),
        list(theirs).iter().map(|r| (id(r), r)),
    )
    .into_iter()
    .collect();
    found.sort_unstable();
    found
}

fn used_ids<I: Iterator<Item = u64>>(lists: [I; 3]) -> HashSet<u64> {
    lists.into_iter().flatten().collect()
}

/// An id after `old` that none of the three versions uses.
fn unused<I: Iterator<Item = u64>>(old: u64, lists: [I; 3]) -> u64 {
    first_unused_in(old, &used_ids(lists))
}

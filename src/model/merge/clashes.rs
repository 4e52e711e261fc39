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

    let categories = List {
        kind: "time category",
        records: |p| &p.time_categories,
        records_mut: |p| &mut p.time_categories,
        id: |c| c.id.0,
        id_mut: |c| &mut c.id.0,
        name: |c| c.name.clone(),
    };
    for (old, new) in categories.renumber(base, mine, theirs, &mut plan, &mut said) {
        for entry in plan.time_entries.iter_mut().filter(|e| e.category.0 == old) {
            entry.category.0 = new;
        }
        for into in plan
            .import_rules
            .hours
            .iter_mut()
            .filter_map(|r| r.into.as_mut())
        {
            if into.0 == old {
                into.0 = new;
            }
        }
    }
    let lines = List {
        kind: "budget line",
        records: |p| &p.budget_lines,
        records_mut: |p| &mut p.budget_lines,
        id: |l| l.id.0,
        id_mut: |l| &mut l.id.0,
        name: |l| l.name.clone(),
    };
    for (old, new) in lines.renumber(base, mine, theirs, &mut plan, &mut said) {
        for expense in plan.expenses.iter_mut().filter(|e| e.line.0 == old) {
            expense.line.0 = new;
        }
        for into in plan
            .import_rules
            .expenses
            .iter_mut()
            .filter_map(|r| r.into.as_mut())
        {
            if into.0 == old {
                into.0 = new;
            }
        }
    }
    List {
        kind: "success metric",
        records: |p| &p.success_metrics,
        records_mut: |p| &mut p.success_metrics,
        id: |m| m.id.0,
        id_mut: |m| &mut m.id.0,
        name: |m| m.name.clone(),
    }
    .renumber(base, mine, theirs, &mut plan, &mut said);
    // Entries, expenses and reviews: an id written by hand, or one derived
    // from the record's content (which two different records do not share).
    List {
        kind: "time entry",
        records: |p| &p.time_entries,
        records_mut: |p| &mut p.time_entries,
        id: |e| e.id.0,
        id_mut: |e| &mut e.id.0,
        name: |e| e.date.to_string(),
    }
    .renumber(base, mine, theirs, &mut plan, &mut said);
    List {
        kind: "expense",
        records: |p| &p.expenses,
        records_mut: |p| &mut p.expenses,
        id: |e| e.id.0,
        id_mut: |e| &mut e.id.0,
        name: |e| e.date.to_string(),
    }
    .renumber(base, mine, theirs, &mut plan, &mut said);
    List {
        kind: "review",
        records: |p| &p.reviews,
        records_mut: |p| &mut p.reviews,
        id: |r| r.id.0,
        id_mut: |r| &mut r.id.0,
        name: |r| r.date.to_string(),
    }
    .renumber(base, mine, theirs, &mut plan, &mut said);

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

/// A flat list of records with number ids, as renumbering sees it.
struct List<R> {
    kind: &'static str,
    records: fn(&Plan) -> &Vec<R>,
    records_mut: fn(&mut Plan) -> &mut Vec<R>,
    id: fn(&R) -> u64,
    id_mut: fn(&mut R) -> &mut u64,
    name: fn(&R) -> String,
}

impl<R: PartialEq> List<R> {
    /// Gives each record of `plan` (theirs) that clashes with a different
    /// record of mine an id none of the three versions uses; the ids
    /// changed, old and new, for what points at them to follow.
    fn renumber(
        &self,
        base: &Plan,
        mine: &Plan,
        theirs: &Plan,
        plan: &mut Plan,
        said: &mut Vec<String>,
    ) -> Vec<(u64, u64)> {
        let mut clashing: Vec<u64> = clashes(
            (self.records)(base).iter().map(|r| (self.id)(r)),
            (self.records)(mine).iter().map(|r| ((self.id)(r), r)),
            (self.records)(theirs).iter().map(|r| ((self.id)(r), r)),
        )
        .into_iter()
        .collect();
        if clashing.is_empty() {
            return Vec::new();
        }
        clashing.sort_unstable();
        let mut used =
            used_ids([base, mine, theirs].map(|p| (self.records)(p).iter().map(|r| (self.id)(r))));
        let mut renamed = Vec::with_capacity(clashing.len());
        for old in clashing {
            let new = first_unused_in(old, &used);
            used.insert(new);
            for record in (self.records_mut)(plan) {
                let id = (self.id_mut)(record);
                if *id == old {
                    *id = new;
                    said.push(clash(self.kind, old, new, &(self.name)(record)));
                }
            }
            renamed.push((old, new));
        }
        renamed
    }
}

fn used_ids<I: Iterator<Item = u64>>(lists: [I; 3]) -> HashSet<u64> {
    lists.into_iter().flatten().collect()
}

/// An id after `old` that none of the three versions uses.
fn unused<I: Iterator<Item = u64>>(old: u64, lists: [I; 3]) -> u64 {
    first_unused_in(old, &used_ids(lists))
}

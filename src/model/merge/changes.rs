//! What one side changed, in words: "2 tasks ticked, 5 hour entries added".

use std::collections::HashMap;
use std::fmt;

use super::Board;
use super::fields::Record;
use crate::model::Plan;

/// What changed from one version of a plan to another, counted by kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Each kind of change with how often it happened, in the plan's order.
    counts: Vec<Phrase>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Phrase {
    /// How many, the noun for one and for many, and what happened to them.
    Counted(usize, &'static str, &'static str, &'static str),
    /// A change to something the plan has one of.
    Once(&'static str),
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// One phrase per kind of change: "2 tasks ticked".
    pub fn phrases(&self) -> Vec<String> {
        self.counts
            .iter()
            .map(|phrase| match phrase {
                Phrase::Counted(count, one, many, what) => {
                    let noun = if *count == 1 { one } else { many };
                    format!("{count} {noun} {what}")
                }
                Phrase::Once(text) => (*text).to_owned(),
            })
            .collect()
    }

    fn add(&mut self, count: usize, one: &'static str, many: &'static str, what: &'static str) {
        if count > 0 {
            self.counts.push(Phrase::Counted(count, one, many, what));
        }
    }

    fn add_diff<R: Record>(
        &mut self,
        before: &[R],
        after: &[R],
        one: &'static str,
        many: &'static str,
    ) {
        let diff = diff(before, after);
        self.add(diff.added, one, many, "added");
        self.add(diff.changed.len(), one, many, "changed");
        self.add(diff.removed, one, many, "removed");
    }
}

impl fmt::Display for Changes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("nothing");
        }
        f.write_str(&self.phrases().join(", "))
    }
}

struct Diff<'a, R> {
    added: usize,
    removed: usize,
    changed: Vec<(&'a R, &'a R)>,
}

fn diff<'a, R: Record>(before: &'a [R], after: &'a [R]) -> Diff<'a, R> {
    let by_key: HashMap<R::Key, &R> = before.iter().map(|record| (record.key(), record)).collect();
    let mut diff = Diff {
        added: 0,
        removed: 0,
        changed: Vec::new(),
    };
    let mut found = 0;
    for record in after {
        match by_key.get(&record.key()).copied() {
            None => diff.added += 1,
            Some(old) => {
                found += 1;
                if old != record {
                    diff.changed.push((old, record));
                }
            }
        }
    }
    diff.removed = before.len().saturating_sub(found);
    diff
}

/// How many records differ between `before` and `after` (added, changed
/// or removed), of every kind.
pub(super) fn count(before: &Plan, after: &Plan) -> usize {
    changes(before, after)
        .counts
        .iter()
        .map(|phrase| match phrase {
            // Ticked, renamed and moved count one task each time they
            // apply; that only weighs a task changed many ways more.
            Phrase::Counted(count, ..) => *count,
            Phrase::Once(_) => 1,
        })
        .sum()
}

/// What changed from `before` to `after`.
pub fn changes(before: &Plan, after: &Plan) -> Changes {
    let mut changes = Changes::default();
    if (&before.title, before.start_date, &before.currency_symbol)
        != (&after.title, after.start_date, &after.currency_symbol)
    {
        changes
            .counts
            .push(Phrase::Once("the title, start date or currency changed"));
    }
    match (&before.timer, &after.timer) {
        (None, Some(_)) => changes.counts.push(Phrase::Once("the timer started")),
        (Some(_), None) => changes.counts.push(Phrase::Once("the timer stopped")),
        (Some(old), Some(new)) if old != new => {
            changes.counts.push(Phrase::Once("the timer started anew"));
        }
        _ => {}
    }
    if before.goals != after.goals {
        changes.counts.push(Phrase::Once("the goals changed"));
    }

    let (old, new) = (Board::of(before), Board::of(after));
    let tasks = diff(&old.tasks, &new.tasks);
    changes.add(tasks.added, "task", "tasks", "added");
    let count = |test: fn(&crate::model::Task, &crate::model::Task) -> bool| {
        tasks
            .changed
            .iter()
            .filter(|(a, b)| test(&a.task, &b.task))
            .count()
    };
    changes.add(count(|a, b| !a.done && b.done), "task", "tasks", "ticked");
    changes.add(count(|a, b| a.done && !b.done), "task", "tasks", "unticked");
    changes.add(count(|a, b| a.title != b.title), "task", "tasks", "renamed");
    changes.add(
        tasks
            .changed
            .iter()
            .filter(|(a, b)| a.block != b.block)
            .count(),
        "task",
        "tasks",
        "moved",
    );
    changes.add(
        count(|a, b| (a.due, &a.notes, a.phase) != (b.due, &b.notes, b.phase)),
        "task",
        "tasks",
        "edited",
    );
    changes.add(tasks.removed, "task", "tasks", "deleted");
    changes.add_diff(&old.lanes, &new.lanes, "swimlane", "swimlanes");
    changes.add_diff(&old.blocks, &new.blocks, "block", "blocks");
    changes.add_diff(&before.phases, &after.phases, "phase", "phases");
    changes.add_diff(
        &before.time_entries,
        &after.time_entries,
        "hour entry",
        "hour entries",
    );
    changes.add_diff(&before.expenses, &after.expenses, "expense", "expenses");
    changes.add_diff(&before.reviews, &after.reviews, "review", "reviews");
    changes.add_diff(
        &before.time_categories,
        &after.time_categories,
        "time category",
        "time categories",
    );
    changes.add_diff(
        &before.budget_lines,
        &after.budget_lines,
        "budget line",
        "budget lines",
    );
    changes.add_diff(
        &before.success_metrics,
        &after.success_metrics,
        "success metric",
        "success metrics",
    );
    changes.add_diff(
        &before.review_cadences,
        &after.review_cadences,
        "review cadence",
        "review cadences",
    );
    if before.import_rules != after.import_rules {
        changes
            .counts
            .push(Phrase::Once("the import rules changed"));
    }
    changes
}

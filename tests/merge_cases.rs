//! The merge on hand-made cases of the example plan.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use yearplan::model::merge::{Choices, WHOLE_RECORD, changes, merge, merge_choosing};
use yearplan::model::{BlockId, CategoryId, EntryId, LaneId, Plan, Task, TaskId, TimeEntry};

fn example() -> Plan {
    yearplan::io::example_plan().unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn task_mut(plan: &mut Plan, id: u64) -> &mut Task {
    plan.task_mut(TaskId(id)).unwrap()
}

fn entry(id: u64, hours: f64) -> TimeEntry {
    TimeEntry {
        id: EntryId(id),
        date: day(2026, 7, 1),
        category: CategoryId(1),
        hours,
        note: format!("entry {id}"),
    }
}

/// The first task not done, and another one after it.
fn two_open_tasks(plan: &Plan) -> (u64, u64) {
    let open: Vec<u64> = plan.tasks().filter(|t| !t.done).map(|t| t.id.0).collect();
    (open[0], open[1])
}

#[test]
fn a_side_that_changed_nothing_gives_the_other() {
    let base = example();
    let mut mine = base.clone();
    let (a, _) = two_open_tasks(&base);
    task_mut(&mut mine, a).title = "Renamed".to_owned();
    mine.time_entries.push(entry(77, 1.5));
    let merged = merge(&base, &mine, &base).unwrap();
    assert_eq!(merged.plan, mine);
    assert!(merged.is_clean());
    let merged = merge(&base, &base, &mine).unwrap();
    assert_eq!(merged.plan, mine);
    let merged = merge(&base, &mine, &mine).unwrap();
    assert_eq!(merged.plan, mine);
}

#[test]
fn ticks_and_hours_on_one_side_meet_renames_moves_and_expenses_on_the_other() {
    let base = example();
    let (a, b) = two_open_tasks(&base);
    let mut mine = base.clone();
    task_mut(&mut mine, a).done = true;
    task_mut(&mut mine, a).done_on = Some(day(2026, 7, 2));
    task_mut(&mut mine, b).done = true;
    mine.time_entries.push(entry(1001, 2.0));
    mine.time_entries.push(entry(1002, 0.5));

    let mut theirs = base.clone();
    task_mut(&mut theirs, a).title = "Renamed on the laptop".to_owned();
    // Move task b to the last block of the last lane, at its top.
    let moved = theirs.swimlanes[0].blocks[0]
        .tasks
        .iter()
        .position(|t| t.id.0 == b);
    let task = match moved {
        Some(index) => theirs.swimlanes[0].blocks[0].tasks.remove(index),
        None => {
            let (lane, block, index) = theirs.block_of_task(TaskId(b)).unwrap();
            let lane = theirs.swimlanes.iter_mut().find(|l| l.id == lane).unwrap();
            let block = lane.blocks.iter_mut().find(|x| x.id == block).unwrap();
            block.tasks.remove(index)
        }
    };
    let target = theirs
        .swimlanes
        .last_mut()
        .unwrap()
        .blocks
        .last_mut()
        .unwrap();
    let target_id = target.id;
    target.tasks.insert(0, task);
    let mut expense = theirs.expenses[0].clone();
    expense.id = yearplan::model::ExpenseId(555);
    expense.note = "New book".to_owned();
    theirs.expenses.push(expense);

    let merged = merge(&base, &mine, &theirs).unwrap();
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    let plan = &merged.plan;
    let task_a = plan.task(TaskId(a)).unwrap();
    assert!(task_a.done);
    assert_eq!(task_a.done_on, Some(day(2026, 7, 2)));
    assert_eq!(task_a.title, "Renamed on the laptop");
    let (_, block, index) = plan.block_of_task(TaskId(b)).unwrap();
    assert_eq!((block, index), (target_id, 0), "moved");
    assert!(plan.task(TaskId(b)).unwrap().done, "and ticked");
    assert_eq!(plan.time_entries.len(), base.time_entries.len() + 2);
    assert_eq!(plan.expenses.len(), base.expenses.len() + 1);
    assert_eq!(plan.tasks().count(), base.tasks().count());

    let mine_changed = changes(&base, &mine).to_string();
    assert_eq!(mine_changed, "2 tasks ticked, 2 hour entries added");
    let theirs_changed = changes(&base, &theirs).to_string();
    assert_eq!(
        theirs_changed,
        "1 task renamed, 1 task moved, 1 expense added"
    );
}

#[test]
fn a_field_changed_two_ways_is_a_conflict_that_keeps_mine_until_chosen() {
    let base = example();
    let (a, _) = two_open_tasks(&base);
    let mut mine = base.clone();
    task_mut(&mut mine, a).title = "Mine".to_owned();
    task_mut(&mut mine, a).notes = "Only mine touched the notes".to_owned();
    let mut theirs = base.clone();
    task_mut(&mut theirs, a).title = "Theirs".to_owned();

    let merged = merge(&base, &mine, &theirs).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.key.kind, "task");
    assert_eq!(conflict.key.field, "title");
    assert_eq!(conflict.mine, "\"Mine\"");
    assert_eq!(conflict.theirs, "\"Theirs\"");
    let task = merged.plan.task(TaskId(a)).unwrap();
    assert_eq!(task.title, "Mine");
    assert_eq!(task.notes, "Only mine touched the notes");

    let choices: Choices = [conflict.key.clone()].into_iter().collect();
    let chosen = merge_choosing(&base, &mine, &theirs, &choices).unwrap();
    let task = chosen.plan.task(TaskId(a)).unwrap();
    assert_eq!(task.title, "Theirs");
    assert_eq!(task.notes, "Only mine touched the notes");
    assert_eq!(chosen.conflicts.len(), 1, "the conflict is still listed");
}

#[test]
fn a_record_deleted_on_one_side_goes_unless_the_other_changed_it() {
    let base = example();
    let gone = base.time_entries[0].id;
    let edited = base.time_entries[1].id;
    let mut mine = base.clone();
    mine.time_entries.retain(|e| e.id != gone && e.id != edited);
    let mut theirs = base.clone();
    theirs.time_entries[1].hours += 1.0;

    let merged = merge(&base, &mine, &theirs).unwrap();
    assert!(merged.plan.time_entries.iter().all(|e| e.id != gone));
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].key.field, WHOLE_RECORD);
    assert_eq!(merged.conflicts[0].mine, "deleted");
    // Mine deleted it, so until chosen it stays deleted.
    assert!(merged.plan.time_entries.iter().all(|e| e.id != edited));
    let choices: Choices = [merged.conflicts[0].key.clone()].into_iter().collect();
    let chosen = merge_choosing(&base, &mine, &theirs, &choices).unwrap();
    let kept = chosen
        .plan
        .time_entries
        .iter()
        .find(|e| e.id == edited)
        .unwrap();
    assert_eq!(kept.hours, base.time_entries[1].hours + 1.0);
}

#[test]
fn a_category_removed_on_one_side_stays_when_the_other_logged_to_it() {
    let base = example();
    let category = base.time_categories[2].id;
    let mut mine = base.clone();
    mine.time_categories.retain(|c| c.id != category);
    mine.time_entries.retain(|e| e.category != category);
    let mut theirs = base.clone();
    theirs.time_entries.push(TimeEntry {
        category,
        ..entry(4242, 1.0)
    });

    let merged = merge(&base, &mine, &theirs).unwrap();
    assert!(merged.plan.category(category).is_some());
    assert_eq!(merged.kept.len(), 1, "{:?}", merged.kept);
    assert!(
        merged.kept[0].contains("logged hours to it"),
        "{}",
        merged.kept[0]
    );
    let of_category = |plan: &Plan| {
        plan.time_entries
            .iter()
            .filter(|e| e.category == category)
            .count()
    };
    assert_eq!(of_category(&merged.plan), 1, "only the new entry");
}

#[test]
fn the_order_follows_the_side_that_reordered_and_additions_find_their_place() {
    let base = example();
    let mut mine = base.clone();
    mine.swimlanes.reverse();
    let mut theirs = base.clone();
    let mut lane = theirs.swimlanes[0].clone();
    lane.id = LaneId(900);
    lane.name = "Added".to_owned();
    for block in &mut lane.blocks {
        block.id = BlockId(block.id.0 + 9_000);
        for task in &mut block.tasks {
            task.id = TaskId(task.id.0 + 9_000);
        }
    }
    theirs.swimlanes.insert(1, lane);
    let merged = merge(&base, &mine, &theirs).unwrap();
    let names: Vec<&str> = merged
        .plan
        .swimlanes
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    let base_names: Vec<&str> = base
        .swimlanes
        .iter()
        .rev()
        .map(|l| l.name.as_str())
        .collect();
    // Mine's order, with theirs' lane after the lane it followed there.
    let mut expected = base_names.clone();
    let after = expected
        .iter()
        .position(|n| *n == base.swimlanes[0].name)
        .unwrap();
    expected.insert(after + 1, "Added");
    assert_eq!(names, expected);
}

#[test]
fn the_heavy_plan_merges_in_time_and_validates() {
    let base =
        yearplan::model::sample::heavy_plan(&example(), yearplan::model::sample::Size::HEAVY);
    let mut mine = base.clone();
    let mut theirs = base.clone();
    for entry in mine.time_entries.iter_mut().step_by(7) {
        entry.hours = 1.0;
    }
    theirs.time_entries.truncate(19_000);
    let merged = merge(&base, &mine, &theirs).unwrap();
    assert!(merged.is_clean() || !merged.conflicts.is_empty());
    assert!(merged.plan.time_entries.len() <= 20_000);
}

#[test]
fn the_plan_s_own_fields_merge_and_conflict_like_a_record_s() {
    let base = example();
    let mut mine = base.clone();
    mine.title = "Mine".to_owned();
    let mut theirs = base.clone();
    theirs.title = "Theirs".to_owned();
    theirs.currency_symbol = "€".to_owned();
    theirs.goals.push("Ship it".to_owned());
    let merged = merge(&base, &mine, &theirs).unwrap();
    assert_eq!(merged.plan.title, "Mine");
    assert_eq!(merged.plan.currency_symbol, "€");
    assert_eq!(merged.plan.goals.last().unwrap(), "Ship it");
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(
        merged.conflicts[0].to_string(),
        "the plan \"Mine\", title: mine \"Mine\", theirs \"Theirs\""
    );
}

#[test]
fn a_conflict_names_the_blocks_and_categories_it_is_about() {
    let base = example();
    let (a, _) = two_open_tasks(&base);
    let move_to = |plan: &mut Plan, lane: usize, block: usize| {
        let (from_lane, from_block, index) = plan.block_of_task(TaskId(a)).unwrap();
        let task = plan
            .swimlanes
            .iter_mut()
            .find(|l| l.id == from_lane)
            .unwrap()
            .blocks
            .iter_mut()
            .find(|b| b.id == from_block)
            .unwrap()
            .tasks
            .remove(index);
        plan.swimlanes[lane].blocks[block].tasks.push(task);
    };
    let mut mine = base.clone();
    move_to(&mut mine, 1, 0);
    mine.time_entries[0].category = base.time_categories[1].id;
    let mut theirs = base.clone();
    move_to(&mut theirs, 2, 1);
    theirs.time_entries[0].category = base.time_categories[2].id;

    let merged = merge(&base, &mine, &theirs).unwrap();
    let texts: Vec<String> = merged.conflicts.iter().map(ToString::to_string).collect();
    let lane = |i: usize| &base.swimlanes[i].name;
    assert!(
        texts.iter().any(|t| t.ends_with(&format!(
            "block: mine {:?}, Q1-Q2, theirs {:?}, Q2",
            lane(1),
            lane(2)
        ))),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.ends_with(&format!(
            "category: mine {:?}, theirs {:?}",
            base.time_categories[1].name, base.time_categories[2].name
        ))),
        "{texts:?}"
    );
}

#[test]
fn two_records_added_by_hand_with_one_id_are_both_kept() {
    let base = example();
    let next = base.tasks().map(|t| t.id.0).max().unwrap() + 1;
    let add = |plan: &mut Plan, title: &str| {
        plan.swimlanes[0].blocks[0].tasks.push(Task {
            id: TaskId(next),
            title: title.to_owned(),
            done: false,
            done_on: None,
            due: None,
            notes: String::new(),
            phase: None,
        });
        plan.time_categories.push(yearplan::model::TimeCategory {
            id: CategoryId(9),
            name: format!("{title} category"),
            weekly_min_hours: 1.0,
            weekly_max_hours: 2.0,
        });
        plan.time_entries.push(TimeEntry {
            category: CategoryId(9),
            note: title.to_owned(),
            ..entry(0x9999, 1.0)
        });
    };
    let mut mine = base.clone();
    add(&mut mine, "Mine");
    let mut theirs = base.clone();
    add(&mut theirs, "Theirs");

    let merged = merge(&base, &mine, &theirs).unwrap();
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    let plan = &merged.plan;
    assert_eq!(plan.task(TaskId(next)).unwrap().title, "Mine");
    let theirs_task = plan.tasks().find(|t| t.title == "Theirs").unwrap();
    assert_ne!(theirs_task.id, TaskId(next));
    assert_eq!(plan.tasks().count(), base.tasks().count() + 2);
    let theirs_category = plan
        .time_categories
        .iter()
        .find(|c| c.name == "Theirs category")
        .unwrap();
    assert_ne!(theirs_category.id, CategoryId(9));
    let theirs_entry = plan
        .time_entries
        .iter()
        .find(|e| e.note == "Theirs")
        .unwrap();
    assert_eq!(
        theirs_entry.category, theirs_category.id,
        "the entry follows its category"
    );
    assert_eq!(plan.time_entries.len(), base.time_entries.len() + 2);
    assert!(
        merged
            .kept
            .iter()
            .any(|k| k.contains("both sides added a task")),
        "{:?}",
        merged.kept
    );
    // The same record added on both sides is one record.
    let same = merge(&base, &mine, &mine).unwrap();
    assert_eq!(same.plan, mine);
}

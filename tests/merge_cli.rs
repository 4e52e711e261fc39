//! Two copies of a plan edited apart, merged by `yearplan merge` and by
//! `git merge` with Yearplan's merge driver installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use common::cli::{assert_no_panic, text, yearplan};
use yearplan::io::{load_plan, save_plan};
use yearplan::model::{EntryId, Expense, ExpenseId, Plan, TaskId, TimeEntry};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn example() -> Plan {
    yearplan::io::example_plan().unwrap()
}

/// The first two tasks not done yet.
fn open_tasks(plan: &Plan) -> [TaskId; 2] {
    let open: Vec<TaskId> = plan.tasks().filter(|t| !t.done).map(|t| t.id).collect();
    [open[0], open[1]]
}

/// The laptop's copy: two tasks ticked, three hours logged.
fn ticked_and_logged(base: &Plan) -> Plan {
    let mut plan = base.clone();
    for id in open_tasks(base) {
        let task = plan.task_mut(id).unwrap();
        task.done = true;
        task.done_on = Some(day(2026, 7, 20));
    }
    let category = plan.time_categories[0].id;
    for (n, hours) in [(1_u64, 1.5), (2, 2.0), (3, 0.75)] {
        plan.time_entries.push(TimeEntry {
            id: EntryId(0xA000 + n),
            date: day(2026, 7, 20),
            category,
            hours,
            note: format!("laptop {n}"),
        });
    }
    plan
}

/// The desktop's copy: the first open task renamed, the second moved to the
/// last block, two expenses added.
fn renamed_moved_and_spent(base: &Plan) -> Plan {
    let mut plan = base.clone();
    let [first, second] = open_tasks(base);
    plan.task_mut(first).unwrap().title = "Renamed on the desktop".to_owned();
    let (lane, block, index) = plan.block_of_task(second).unwrap();
    let lane = plan.swimlanes.iter_mut().find(|l| l.id == lane).unwrap();
    let task = lane
        .blocks
        .iter_mut()
        .find(|b| b.id == block)
        .unwrap()
        .tasks
        .remove(index);
    plan.swimlanes
        .last_mut()
        .unwrap()
        .blocks
        .last_mut()
        .unwrap()
        .tasks
        .push(task);
    let line = plan.budget_lines[0].id;
    for (n, cents) in [(1_u64, 2_999), (2, 4_500)] {
        plan.expenses.push(Expense {
            id: ExpenseId(0xB000 + n),
            date: day(2026, 7, 21),
            line,
            cents,
            note: format!("desktop {n}"),
        });
    }
    plan
}

/// Both sides' edits are in `merged`.
fn assert_both_edits(base: &Plan, merged: &Plan) {
    let [first, second] = open_tasks(base);
    let first_task = merged.task(first).unwrap();
    assert!(first_task.done);
    assert_eq!(first_task.title, "Renamed on the desktop");
    assert!(merged.task(second).unwrap().done);
    let last_block = merged.swimlanes.last().unwrap().blocks.last().unwrap();
    assert_eq!(last_block.tasks.last().unwrap().id, second, "moved");
    assert_eq!(merged.time_entries.len(), base.time_entries.len() + 3);
    assert_eq!(merged.expenses.len(), base.expenses.len() + 2);
    assert_eq!(merged.tasks().count(), base.tasks().count());
}

fn write(folder: &Path, name: &str, plan: &Plan) -> PathBuf {
    let path = folder.join(name);
    save_plan(&path, plan).unwrap();
    path
}

fn args<'a>(parts: &[&'a Path]) -> Vec<&'a std::ffi::OsStr> {
    parts.iter().map(|p| p.as_os_str()).collect()
}

fn run(folder: &Path, parts: &[&str]) -> std::process::Output {
    let owned: Vec<&std::ffi::OsStr> = parts.iter().map(std::ffi::OsStr::new).collect();
    yearplan(&owned, folder)
}

#[test]
fn merge_keeps_both_sides_edits_and_says_what_each_changed() {
    let dir = tempfile::tempdir().unwrap();
    let base = example();
    write(dir.path(), "base.ron", &base);
    write(dir.path(), "mine.ron", &ticked_and_logged(&base));
    write(dir.path(), "theirs.ron", &renamed_moved_and_spent(&base));

    let output = run(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "mine.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
    );
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    assert_no_panic(&output);
    assert!(
        stdout.contains("Mine changed: 2 tasks ticked, 3 hour entries added."),
        "{stdout}"
    );
    assert!(
        stdout.contains("Theirs changed: 1 task renamed, 1 task moved, 2 expenses added."),
        "{stdout}"
    );
    assert!(stdout.contains("No conflicts."), "{stdout}");
    assert_both_edits(&base, &load_plan(&dir.path().join("out.ron")).unwrap());
}

#[test]
fn a_conflict_exits_1_with_mine_kept_and_lists_the_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let base = example();
    let [first, _] = open_tasks(&base);
    let mut mine = base.clone();
    mine.task_mut(first).unwrap().title = "Mine".to_owned();
    let mut theirs = base.clone();
    theirs.task_mut(first).unwrap().title = "Theirs".to_owned();
    write(dir.path(), "base.ron", &base);
    write(dir.path(), "mine.ron", &mine);
    write(dir.path(), "theirs.ron", &theirs);

    let output = run(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "mine.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
    );
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("1 conflict (mine is kept"), "{stdout}");
    assert!(
        stdout.contains(&format!("task {first} "))
            && stdout.contains("title: mine \"Mine\", theirs \"Theirs\""),
        "{stdout}"
    );
    let out = load_plan(&dir.path().join("out.ron")).unwrap();
    assert_eq!(out.task(first).unwrap().title, "Mine");
}

#[test]
fn a_bad_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let base = example();
    write(dir.path(), "base.ron", &base);
    write(dir.path(), "mine.ron", &base);
    fs::write(
        dir.path().join("theirs.ron"),
        "<<<<<<< HEAD\n(format_version: 3,\n",
    )
    .unwrap();

    let output = run(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "mine.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("theirs.ron"),
        "{}",
        text(&output.stderr)
    );
    assert!(!dir.path().join("out.ron").exists());
    let output = run(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "mine.ron",
            "missing.ron",
            "-o",
            "out.ron",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_no_panic(&output);
}

#[test]
fn merge_never_writes_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let base = example();
    let mine_path = write(dir.path(), "mine.ron", &ticked_and_logged(&base));
    write(dir.path(), "base.ron", &base);
    write(dir.path(), "theirs.ron", &renamed_moved_and_spent(&base));
    let before = fs::read(&mine_path).unwrap();
    let output = run(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "mine.ron",
            "theirs.ron",
            "-o",
            "./mine.ron",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("is an input of the merge"));
    assert_eq!(fs::read(&mine_path).unwrap(), before);
}

fn git(repo: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .arg("-C")
        .arg(repo)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
        ])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap()
}

fn git_ok(repo: &Path, args: &[&str]) -> String {
    let output = git(repo, args);
    assert!(
        output.status.success(),
        "git {args:?}: {}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    text(&output.stdout)
}

#[test]
fn git_merge_with_the_driver_merges_two_branches_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git_ok(repo, &["init", "-q"]);
    let base = example();
    let plan_path = write(repo, "year.plan.ron", &base);
    let _ = fs::remove_file(repo.join("year.plan.ron.bak"));

    let output = yearplan(&args(&[Path::new("install-git-merge"), repo]), repo);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        fs::read_to_string(repo.join(".gitattributes"))
            .unwrap()
            .contains("*.ron merge=yearplan")
    );
    let driver = git_ok(repo, &["config", "merge.yearplan.driver"]);
    assert!(driver.contains("merge-driver %O %A %B"), "{driver}");

    git_ok(repo, &["add", "year.plan.ron", ".gitattributes"]);
    git_ok(repo, &["commit", "-q", "-m", "The plan"]);
    git_ok(repo, &["checkout", "-q", "-b", "desktop"]);
    save_plan(&plan_path, &renamed_moved_and_spent(&base)).unwrap();
    git_ok(
        repo,
        &["commit", "-q", "-am", "Desktop: rename, move, spend"],
    );
    git_ok(repo, &["checkout", "-q", "main"]);
    save_plan(&plan_path, &ticked_and_logged(&base)).unwrap();
    git_ok(repo, &["commit", "-q", "-am", "Laptop: tick and log"]);
    let _ = fs::remove_file(repo.join("year.plan.ron.bak"));

    let output = git(repo, &["merge", "--no-edit", "desktop"]);
    assert!(
        output.status.success(),
        "git merge: {}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    let merged_text = fs::read_to_string(&plan_path).unwrap();
    assert!(!merged_text.contains("<<<<<<<"), "conflict markers left");
    assert_both_edits(&base, &load_plan(&plan_path).unwrap());
    let status = git_ok(repo, &["status", "--porcelain"]);
    assert!(status.trim().is_empty(), "left behind: {status}");
}

#[test]
fn the_driver_reports_conflicts_with_a_nonzero_exit_and_leaves_mine() {
    let dir = tempfile::tempdir().unwrap();
    let base = example();
    let [first, _] = open_tasks(&base);
    let mut mine = base.clone();
    mine.task_mut(first).unwrap().title = "Mine".to_owned();
    let mut theirs = base.clone();
    theirs.task_mut(first).unwrap().title = "Theirs".to_owned();
    theirs.time_entries.pop();
    let o = write(dir.path(), "o.ron", &base);
    let a = write(dir.path(), "a.ron", &mine);
    let b = write(dir.path(), "b.ron", &theirs);
    let _ = fs::remove_file(dir.path().join("a.ron.bak"));

    let output = yearplan(&args(&[Path::new("merge-driver"), &o, &a, &b]), dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("title: mine \"Mine\", theirs \"Theirs\""),
        "{stderr}"
    );
    let result = load_plan(&a).unwrap();
    assert_eq!(result.task(first).unwrap().title, "Mine");
    assert_eq!(result.time_entries.len(), base.time_entries.len() - 1);
    assert!(
        !dir.path().join("a.ron.bak").exists(),
        "no litter beside git's file"
    );
}

#[test]
fn the_driver_merges_a_file_that_is_not_a_plan_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let o = dir.path().join("o.ron");
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    fs::write(&o, "(\n    a: 1,\n    b: 2,\n    c: 3,\n)\n").unwrap();
    fs::write(&a, "(\n    a: 10,\n    b: 2,\n    c: 3,\n)\n").unwrap();
    fs::write(&b, "(\n    a: 1,\n    b: 2,\n    c: 30,\n)\n").unwrap();
    let output = yearplan(&args(&[Path::new("merge-driver"), &o, &a, &b]), dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        fs::read_to_string(&a).unwrap(),
        "(\n    a: 10,\n    b: 2,\n    c: 30,\n)\n"
    );
}

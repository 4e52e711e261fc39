//! Plan files on disk: what is written reads back the same, and every kind of
//! bad file gets a clear message while leaving the file exactly as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use common::{date, write_file};
use tempfile::TempDir;
use yearplan::io::{
    FileError, MAX_FILE_BYTES, backup_path, default_plan, load_plan, parse_plan, save_new_plan,
    save_plan, to_ron_string,
};
use yearplan::model::import_rules::{ImportRule, ImportRules};
use yearplan::model::{
    Block, BlockId, CadenceId, CategoryId, EntryId, Expense, ExpenseId, FORMAT_VERSION, LineId,
    Period, PhaseStatus, Plan, Quarter, Review, ReviewId, TaskId, TimeEntry,
};

/// Plans as Yearplan wrote them in format 1, before import rules: the
/// default plan and the fuzzing seed as they were shipped then.
const V1_DEFAULT_PLAN: &str = include_str!("format_v1/default-plan.v1.ron");
const V1_SMALL_PLAN: &str = include_str!("format_v1/small.v1.ron");

/// The example plan as Yearplan wrote it in format 2, before records had ids.
const V2_EXAMPLE_PLAN: &str = include_str!("merge_fixtures/example-format-2.ron");

fn seed_plan() -> Plan {
    default_plan(date(2026, 3, 2))
}

/// The seed plan after a few weeks of use: ticked tasks with dates, notes,
/// due dates and phases, phases under way, and some of every log.
fn used_plan() -> Plan {
    let mut plan = seed_plan();
    {
        let tasks = &mut plan.swimlanes[0].blocks[0].tasks;
        tasks[0].done = true;
        tasks[0].done_on = Some(date(2026, 1, 20));
        tasks[0].notes = "Used asdf; \"mise\" next time.\nSecond line.".to_owned();
        tasks[0].phase = Some(0);
        tasks[1].due = Some(date(2026, 3, 31));
        tasks[1].phase = Some(1);
    }
    plan.phases[0].status = PhaseStatus::Done;
    plan.phases[0].started_on = Some(date(2026, 1, 2));
    plan.phases[0].done_on = Some(date(2026, 1, 20));
    plan.phases[1].status = PhaseStatus::InProgress;
    plan.phases[1].started_on = Some(date(2026, 1, 21));
    plan.time_entries = vec![
        TimeEntry {
            id: EntryId(1),
            date: date(2026, 1, 5),
            category: CategoryId(1),
            hours: 2.5,
            note: "Read chapter 1".to_owned(),
        },
        // Ids the app draws take all 64 bits.
        TimeEntry {
            id: EntryId(0x9E37_79B9_7F4A_7C15),
            date: date(2026, 1, 6),
            category: CategoryId(2),
            hours: 1.75,
            note: String::new(),
        },
    ];
    plan.expenses = vec![
        Expense {
            id: ExpenseId(u64::MAX),
            date: date(2026, 1, 10),
            line: LineId(1),
            cents: 4599,
            note: "Elixir in Action".to_owned(),
        },
        Expense {
            id: ExpenseId(2),
            date: date(2026, 2, 1),
            line: LineId(2),
            cents: 10000,
            note: String::new(),
        },
    ];
    plan.reviews = vec![Review {
        id: ReviewId(7),
        date: date(2026, 1, 11),
        period: Period::Weekly,
        summary: "Phase 0 done".to_owned(),
        notes: "On track.".to_owned(),
    }];
    plan.import_rules = ImportRules {
        hours: vec![
            rule("Orga \"weekly\"", Some(CategoryId(2))),
            rule("lunch", None),
        ],
        expenses: vec![rule("Äpfel", Some(LineId(3)))],
    };
    plan
}

fn rule<Id>(contains: &str, into: Option<Id>) -> ImportRule<Id> {
    ImportRule {
        contains: contains.to_owned(),
        into,
    }
}

fn used_plan_text() -> String {
    to_ron_string(&used_plan()).unwrap()
}

/// A folder holding one file, to be loaded.
struct Fixture {
    _dir: TempDir,
    path: PathBuf,
}

fn fixture(bytes: impl AsRef<[u8]>) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "plan.ron", bytes);
    Fixture { _dir: dir, path }
}

/// The names in a folder, sorted, to show that nothing was left behind.
fn listing(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Loads a file expected to be refused, and checks that the refusal left it
/// byte for byte as it was and created nothing beside it.
fn refused(bytes: impl AsRef<[u8]>) -> (FileError, String) {
    let bytes = bytes.as_ref();
    let fixture = fixture(bytes);
    let folder = fixture.path.parent().unwrap().to_path_buf();
    let error = load_plan(&fixture.path).expect_err("the file should be refused");
    assert_eq!(fs::read(&fixture.path).unwrap(), bytes, "file changed");
    assert_eq!(listing(&folder), vec!["plan.ron"]);
    let message = error.to_string();
    assert!(
        message.contains(&*fixture.path.to_string_lossy()),
        "message should name the file: {message}"
    );
    assert_eq!(error.path(), Some(fixture.path.as_path()));
    (error, message)
}

/// `refused` for a text made from the used plan by replacing `from` (which
/// must occur exactly once) with `to`.
fn refused_edit(from: &str, to: &str) -> (FileError, String) {
    let text = used_plan_text();
    assert_eq!(text.matches(from).count(), 1, "{from:?} should occur once");
    refused(text.replacen(from, to, 1))
}

/// `refused` for the used plan changed through the model, then written as
/// Yearplan writes (the writer does not validate, so this makes bad files).
fn refused_plan(change: impl FnOnce(&mut Plan)) -> (FileError, String) {
    let mut plan = used_plan();
    change(&mut plan);
    refused(to_ron_string(&plan).unwrap())
}

fn assert_contains(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(message.contains(part), "{part:?} not in message: {message}");
    }
}

// Round trips.

#[test]
fn default_plan_saves_as_canonical_text_and_loads_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let plan = seed_plan();
    save_plan(&path, &plan).unwrap();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        to_ron_string(&plan).unwrap()
    );
    assert_eq!(load_plan(&path).unwrap(), plan);
    // A first save has nothing to back up, and leaves no temporary file.
    assert_eq!(listing(dir.path()), vec!["plan.ron"]);
}

#[test]
fn default_plan_starts_on_new_year_of_today() {
    for year in [1999, 2026, 2100] {
        let plan = default_plan(date(year, 12, 31));
        assert_eq!(plan.start_date, date(year, 1, 1));
        assert_eq!(plan.phases.len(), 15);
    }
}

#[test]
fn used_plan_round_trips_through_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let plan = used_plan();
    save_plan(&path, &plan).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text, to_ron_string(&plan).unwrap());
    assert_contains(
        &text,
        &[
            "done_on: Some(\"2026-01-20\")",
            "due: Some(\"2026-03-31\")",
            "phase: Some(1)",
            "hours: 1.75",
            "cents: 4599",
            "period: Weekly",
        ],
    );
    assert_eq!(load_plan(&path).unwrap(), plan);
    assert_eq!(parse_plan(&text).unwrap(), plan);
}

#[test]
fn import_rules_are_the_last_section_one_rule_a_line() {
    let text = used_plan_text();
    assert!(
        text.ends_with(
            "    import_rules: (\n        \
                 hours: [\n            \
                     (contains: \"Orga \\\"weekly\\\"\", into: Some(2)),\n            \
                     (contains: \"lunch\", into: None),\n        \
                 ],\n        \
                 expenses: [\n            \
                     (contains: \"Äpfel\", into: Some(3)),\n        \
                 ],\n    \
             ),\n)\n"
        ),
        "{text}"
    );
    assert_eq!(parse_plan(&text).unwrap(), used_plan());

    // No rules are still written, so a reader sees where they go.
    let seed = to_ron_string(&seed_plan()).unwrap();
    assert!(
        seed.ends_with(
            "    import_rules: (\n        hours: [],\n        expenses: [],\n    ),\n)\n"
        ),
        "{seed}"
    );
}

#[test]
fn hand_written_import_rules_load() {
    // `into: 2` for `into: Some(2)`, a ledger left out, and the section
    // spread over one line: all as a person would write it.
    let text = to_ron_string(&seed_plan()).unwrap().replacen(
        "    import_rules: (\n        hours: [],\n        expenses: [],\n    ),\n",
        "    import_rules: (hours: [(contains: \"orga\", into: 2), (contains: \"x\", into: None)]),\n",
        1,
    );
    let plan = parse_plan(&text).unwrap();
    assert_eq!(
        plan.import_rules.hours,
        [rule("orga", Some(CategoryId(2))), rule("x", None)]
    );
    assert!(plan.import_rules.expenses.is_empty());
}

#[test]
fn a_format_1_plan_loads_without_rules_and_saves_as_format_3() {
    assert!(V1_DEFAULT_PLAN.starts_with("(\n    format_version: 1,\n"));
    assert!(!V1_DEFAULT_PLAN.contains("import_rules"));
    assert!(!V1_DEFAULT_PLAN.contains("id: 1, period"));
    let fixture = fixture(V1_DEFAULT_PLAN);
    let plan = load_plan(&fixture.path).unwrap();
    assert_eq!(plan.format_version, FORMAT_VERSION);
    assert!(plan.import_rules.is_empty());
    // Nothing else changed since format 1, and the cadences get the ids of
    // their periods: it is the plan shipped now.
    assert_eq!(
        plan,
        parse_plan(include_str!("../assets/default-plan.ron")).unwrap()
    );
    assert_eq!(plan.phases.len(), 15);

    save_plan(&fixture.path, &plan).unwrap();
    let saved = fs::read_to_string(&fixture.path).unwrap();
    assert!(
        saved.starts_with(&format!("(\n    format_version: {FORMAT_VERSION},\n")),
        "{saved}"
    );
    assert!(saved.contains("\n    import_rules: (\n"), "{saved}");
    // The format 1 file is kept beside it as it was.
    assert_eq!(
        fs::read_to_string(backup_path(&fixture.path)).unwrap(),
        V1_DEFAULT_PLAN
    );
    assert_eq!(load_plan(&fixture.path).unwrap(), plan);

    // A hand-written format 1 plan with every kind of record.
    let small = parse_plan(V1_SMALL_PLAN).unwrap();
    assert_eq!(small.format_version, FORMAT_VERSION);
    assert!(small.import_rules.is_empty());
    assert_eq!(small.currency_symbol, "€");
    assert_eq!(
        (
            small.time_entries.len(),
            small.expenses.len(),
            small.reviews.len()
        ),
        (1, 1, 1)
    );
    // Its records, read without ids, were given some.
    assert_ne!(small.time_entries[0].id, EntryId(0));
    assert_ne!(small.expenses[0].id, ExpenseId(0));
    assert_ne!(small.reviews[0].id, ReviewId(0));
    assert_eq!(
        small.review_cadences[0].id,
        CadenceId::for_period(Period::Weekly)
    );
    assert_eq!(parse_plan(&to_ron_string(&small).unwrap()).unwrap(), small);
}

/// The ids of the plan's time entries, expenses and reviews, after checking
/// that each list has records, none with id 0 and no id twice.
fn record_ids(plan: &Plan) -> [Vec<u64>; 3] {
    let checked = |what: &str, ids: Vec<u64>| {
        assert!(!ids.is_empty(), "the plan has no {what}");
        assert!(!ids.contains(&0), "a {what} has no id: {ids:?}");
        let unique: HashSet<u64> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "two {what}s share an id: {ids:?}");
        ids
    };
    [
        checked(
            "time entry",
            plan.time_entries.iter().map(|e| e.id.0).collect(),
        ),
        checked("expense", plan.expenses.iter().map(|e| e.id.0).collect()),
        checked("review", plan.reviews.iter().map(|r| r.id.0).collect()),
    ]
}

#[test]
fn a_format_2_plan_gets_the_same_ids_on_every_load_and_keeps_them_in_format_3() {
    assert!(V2_EXAMPLE_PLAN.starts_with("(\n    format_version: 2,\n"));
    // Its records start with their dates: none has an id.
    assert!(V2_EXAMPLE_PLAN.contains("(date: "));
    assert!(!V2_EXAMPLE_PLAN.contains(", date: "));
    // Two copies of one old file, as on two machines.
    let dir = tempfile::tempdir().unwrap();
    let first = write_file(dir.path(), "first.ron", V2_EXAMPLE_PLAN);
    let second = write_file(dir.path(), "second.ron", V2_EXAMPLE_PLAN);
    let plan = load_plan(&first).unwrap();
    assert_eq!(load_plan(&second).unwrap(), plan);
    assert_eq!(plan.format_version, FORMAT_VERSION);

    let ids = record_ids(&plan);
    let cadences: Vec<(Period, CadenceId)> = plan
        .review_cadences
        .iter()
        .map(|cadence| (cadence.period, cadence.id))
        .collect();
    assert_eq!(
        cadences,
        [
            (Period::Weekly, CadenceId(1)),
            (Period::Monthly, CadenceId(2)),
            (Period::Quarterly, CadenceId(3)),
        ]
    );

    // Saved, the ids are in the file, and the file reads back with them.
    save_plan(&first, &plan).unwrap();
    let saved = fs::read_to_string(&first).unwrap();
    assert!(
        saved.starts_with(&format!("(\n    format_version: {FORMAT_VERSION},\n")),
        "{saved}"
    );
    assert!(
        saved.contains(&format!("(id: {}, date: ", ids[0][0])),
        "{saved}"
    );
    let again = load_plan(&first).unwrap();
    assert_eq!(again, plan);
    assert_eq!(record_ids(&again), ids);
    // The copy that was not saved still reads as the saved one.
    assert_eq!(load_plan(&second).unwrap(), again);
}

#[test]
fn saving_again_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let first = seed_plan();
    save_plan(&path, &first).unwrap();
    let first_text = fs::read_to_string(&path).unwrap();

    let second = used_plan();
    save_plan(&path, &second).unwrap();
    let backup = backup_path(&path);
    assert_eq!(backup, dir.path().join("plan.ron.bak"));
    assert_eq!(fs::read_to_string(&backup).unwrap(), first_text);
    assert_eq!(load_plan(&path).unwrap(), second);

    let mut third = second.clone();
    third.title = "Third".to_owned();
    save_plan(&path, &third).unwrap();
    assert_eq!(load_plan(&backup).unwrap(), second);
    assert_eq!(load_plan(&path).unwrap(), third);
    assert_eq!(listing(dir.path()), vec!["plan.ron", "plan.ron.bak"]);
}

#[test]
fn a_hand_edited_file_with_comments_and_struct_names_loads() {
    let text = used_plan_text()
        .replacen("(\n", "// My plan, edited by hand.\nPlan(\n", 1)
        .replace("hours: 2.5", "hours: 2.5 /* an evening */");
    assert_eq!(parse_plan(&text).unwrap(), used_plan());
}

#[test]
fn a_hand_edited_file_may_leave_out_some() {
    let text = used_plan_text()
        .replace("Some(\"2026-01-20\")", "\"2026-01-20\"")
        .replace("phase: Some(1)", "phase: 1");
    assert!(!text.contains("Some(\"2026-01-20\")"));
    assert_eq!(parse_plan(&text).unwrap(), used_plan());
}

#[test]
fn save_new_plan_refuses_an_existing_file() {
    let fixture = fixture("not a plan, but mine");
    let error = save_new_plan(&fixture.path, &seed_plan()).unwrap_err();
    assert_contains(
        &error.to_string(),
        &["already exists; Yearplan will not overwrite it"],
    );
    assert_eq!(
        fs::read_to_string(&fixture.path).unwrap(),
        "not a plan, but mine"
    );
    assert_eq!(listing(fixture.path.parent().unwrap()), vec!["plan.ron"]);
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_writes_the_linked_file() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    save_plan(&real, &seed_plan()).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    save_plan(&link, &used_plan()).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(load_plan(&real).unwrap(), used_plan());
    assert_eq!(
        load_plan(&dir.path().join("real.ron.bak")).unwrap(),
        seed_plan()
    );
}

#[cfg(unix)]
#[test]
fn saving_keeps_the_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_plan(&path, &seed_plan()).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    save_plan(&path, &used_plan()).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

/// A new plan or export is made as any new file is (0666 less the umask,
/// as `File::create` makes one), not private as a temporary file is.
#[cfg(unix)]
#[test]
fn a_new_file_has_the_permissions_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |path: &std::path::Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let reference = dir.path().join("made by File::create");
    fs::File::create(&reference).unwrap();
    let plan = dir.path().join("plan.ron");
    save_plan(&plan, &seed_plan()).unwrap();
    let export = dir.path().join("status.html");
    yearplan::io::save_export(&export, "<html></html>").unwrap();
    assert_eq!(mode(&plan), mode(&reference));
    assert_eq!(mode(&export), mode(&reference));
    assert_ne!(
        mode(&reference),
        0o600,
        "the umask here hides the difference"
    );
}

// Bad files: each is refused with a message that says what and where, and
// the file is left as it was (checked inside `refused`).

#[test]
fn syntax_error_gives_line_and_column() {
    // The missing comma after the title is noticed at the next field.
    let (error, message) = refused_edit("title: \"Annual Plan\",", "title: \"Annual Plan\"");
    assert_eq!(error.line_column(), Some((4, 5)));
    assert_contains(&message, &[":4:5: ", "omma", "near: start_date"]);
}

#[test]
fn wrong_type_string_for_hours() {
    let (error, message) = refused_edit("hours: 2.5", "hours: \"2.5\"");
    let (line, column) = error.line_column().unwrap();
    assert_contains(
        &message,
        &[&format!(":{line}:{column}: "), "float", "hours: \"2.5\""],
    );
}

#[test]
fn unknown_field() {
    let (_, message) = refused_edit("hours: 2.5", "hours: 2.5, colour: \"red\"");
    assert_contains(&message, &[".ron:", "colour", "TimeEntry"]);
}

#[test]
fn missing_field() {
    // Whatever the layout, the field goes with its comma and the space after.
    let text = used_plan_text();
    let start = text.find("hours: 2.5,").unwrap();
    let rest = &text[start + "hours: 2.5,".len()..];
    let text = format!("{}{}", &text[..start], rest.trim_start());
    let (_, message) = refused(text);
    assert_contains(&message, &[".ron:", "missing field", "hours"]);
}

#[test]
fn impossible_date() {
    let (_, message) = refused_edit("\"2026-01-05\"", "\"2026-02-30\"");
    assert_contains(
        &message,
        &[".ron:", "not a valid date", "YYYY-MM-DD", "2026-02-30"],
    );
}

#[test]
fn negative_hours() {
    let (_, message) = refused_edit("hours: 2.5", "hours: -2.5");
    assert_contains(
        &message,
        &[
            "is not a valid plan:",
            "time entry 1 (2026-01-05): hours must be a positive number of hours, found -2.5",
        ],
    );
}

#[test]
fn nan_hours() {
    let (_, message) = refused_edit("hours: 2.5", "hours: NaN");
    assert_contains(
        &message,
        &["time entry 1 (2026-01-05): hours must be a positive number of hours, found NaN"],
    );
}

#[test]
fn negative_cents() {
    let (_, message) = refused_edit("cents: 4599", "cents: -4599");
    assert_contains(
        &message,
        &["expense 1 (2026-01-10): the amount must not be negative, found -4599 cents"],
    );
}

#[test]
fn cents_overflowing_i64() {
    let (error, message) = refused_edit("cents: 4599", "cents: 99999999999999999999");
    assert!(error.line_column().is_some());
    assert_contains(
        &message,
        &[
            ".ron:",
            "the number is too large (or too small) for this field",
        ],
    );
}

#[test]
fn cents_above_the_cap() {
    let (_, message) = refused_edit("cents: 4599", "cents: 100000000001");
    assert_contains(
        &message,
        &["expense 1 (2026-01-10): the amount of 100000000001 cents is above the limit"],
    );
}

#[test]
fn unknown_category_reference() {
    let (_, message) = refused_plan(|plan| plan.time_entries[1].category = CategoryId(9));
    assert_contains(
        &message,
        &["time entry 2 (2026-01-06): refers to time category 9, which the plan does not have"],
    );
}

#[test]
fn duplicate_task_id() {
    let (_, message) = refused_plan(|plan| {
        plan.swimlanes[1].blocks[0].tasks[0].id = TaskId(1);
    });
    assert_contains(
        &message,
        &["task id 1 is used twice: by task 1 (\"Complete Phases"],
    );
}

#[test]
fn reversed_quarter_span() {
    let (_, message) = refused_plan(|plan| {
        plan.swimlanes[0].blocks.push(Block {
            id: BlockId(99),
            first_quarter: Quarter::Q4,
            last_quarter: Quarter::Q2,
            tasks: Vec::new(),
        });
    });
    assert_contains(
        &message,
        &["block 99 of swimlane 1 (\"Core\"): its quarters run backwards (Q4 to Q2)"],
    );
}

#[test]
fn unknown_quarter() {
    let text = used_plan_text();
    let (_, message) = refused(text.replacen("last_quarter: Q1,", "last_quarter: Q5,", 1));
    assert_contains(&message, &[".ron:", "Q5", "Q4"]);
}

#[test]
fn dangling_or_empty_import_rules() {
    let (_, message) = refused_plan(|plan| {
        plan.import_rules.hours.push(rule(" ", None));
        plan.import_rules
            .expenses
            .push(rule("hetzner", Some(LineId(9))));
    });
    assert_contains(
        &message,
        &[
            "import rule 3 of hours (\" \"): has no text to look for, so it would match nothing",
            "import rule 2 of expenses (\"hetzner\"): refers to budget line 9, which the plan \
             does not have",
        ],
    );
    let (_, message) = refused_edit(
        "(contains: \"lunch\", into: None)",
        "(contains: \"lunch\", into: None, colour: 3)",
    );
    assert_contains(&message, &["colour"]);
}

/// The version line Yearplan writes, as it appears in the used plan's text.
fn current_version_field() -> String {
    format!("format_version: {FORMAT_VERSION},")
}

#[test]
fn newer_format_version() {
    let newer = FORMAT_VERSION + 1;
    let (error, message) = refused_edit(
        &current_version_field(),
        &format!("format_version: {newer},"),
    );
    assert!(matches!(error, FileError::NewerFormat { found, .. } if found == newer));
    assert!(message.ends_with(&format!(
        " was written by a newer version of Yearplan (format {newer}; this version reads \
         format {FORMAT_VERSION}). Update Yearplan to open it."
    )));
}

#[test]
fn newer_format_version_is_recognised_despite_new_fields() {
    let text = used_plan_text()
        .replacen(&current_version_field(), "format_version: 7,", 1)
        .replacen(
            "goals: [",
            "colour_scheme: Dark(contrast: 2),\n    goals: [",
            1,
        );
    let (_, message) = refused(text);
    assert_contains(
        &message,
        &[&format!(
            "(format 7; this version reads format {FORMAT_VERSION})"
        )],
    );
}

#[test]
fn missing_or_zero_format_version() {
    let (_, message) = refused_edit(&format!("    {}\n", current_version_field()), "");
    assert_contains(&message, &["has no format_version"]);
    let (_, message) = refused_edit(&current_version_field(), "format_version: 0,");
    assert_contains(&message, &["has format_version 0"]);
}

#[test]
fn hostile_nesting_is_refused_without_overflowing_the_stack() {
    let deep = "[".repeat(100_000);
    let (error, message) = refused(&deep);
    assert_eq!(error.line_column().map(|(line, _)| line), Some(1));
    assert!(
        message.len() < 500,
        "message too long: {} bytes",
        message.len()
    );

    let (_, message) = refused(used_plan_text().replacen("goals: [", &format!("goals: {deep}"), 1));
    assert_contains(&message, &[".ron:6:"]);

    // An unknown field is skipped by the version check, which nests into it.
    let (_, message) =
        refused(used_plan_text().replacen("goals: [", &format!("extra: {deep},\n    goals: ["), 1));
    assert_contains(&message, &[".ron:6:", "extra"]);
}

#[test]
fn empty_file() {
    let (_, message) = refused("");
    assert_contains(
        &message,
        &[&format!(
            "is empty; a plan file starts with `(format_version: {FORMAT_VERSION}, title: ...`"
        )],
    );
    let (_, message) = refused("  \n\t\n");
    assert_contains(&message, &["is empty"]);
}

#[test]
fn binary_file_is_not_utf8() {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..=255u8).cycle().take(4096));
    let (error, message) = refused(&bytes);
    assert!(matches!(error, FileError::NotUtf8 { offset: 0, .. }));
    assert_contains(&message, &["is not a text file: byte 0 is not valid UTF-8"]);

    let mut text = used_plan_text().into_bytes();
    text.insert(20, 0xC3);
    let (_, message) = refused(&text);
    assert_contains(&message, &["byte 20 is not valid UTF-8"]);
}

#[test]
fn file_over_the_size_cap_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = fs::File::create(&path).unwrap();
    // Sparse, so the test is instant and the disk stays empty.
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    let error = load_plan(&path).unwrap_err();
    assert_contains(
        &error.to_string(),
        &[
            "huge.ron is too large to be a plan: it is 64 MiB (67108865 bytes), \
             and the limit is 64 MiB (67108864 bytes)",
        ],
    );
    assert_eq!(fs::metadata(&path).unwrap().len(), MAX_FILE_BYTES + 1);
    assert_eq!(listing(dir.path()), vec!["huge.ron"]);
}

#[test]
fn a_folder_is_not_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("plans");
    fs::create_dir(&folder).unwrap();
    let error = load_plan(&folder).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("{} is a folder, not a plan file", folder.display())
    );
    assert!(listing(&folder).is_empty());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    // Opening a FIFO with no writer blocks forever; a timeout turns such a
    // bug into a failure instead of a hung test run.
    let (send, receive) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = send.send(load_plan(&path).map_err(|error| error.to_string()));
    });
    let result = receive
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("loading a FIFO must not block");
    let message = result.unwrap_err();
    assert_contains(
        &message,
        &["pipe.ron is not a regular file (it is a pipe, socket or device)"],
    );
    assert!(
        !fs::metadata(&fifo).unwrap().is_file(),
        "the FIFO is still there"
    );
}

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.ron");
    let error = load_plan(&path).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("No such file: {}", path.display())
    );
    assert!(listing(dir.path()).is_empty());
}

// Failed saves leave the previous file as it was.

#[test]
fn save_into_a_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("gone");
    let path = folder.join("plan.ron");
    let error = save_plan(&path, &seed_plan()).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "Could not save {}: the folder {} does not exist",
            path.display(),
            folder.display()
        )
    );
    assert!(!folder.exists());
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn save_where_the_target_is_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside.txt"), "keep").unwrap();
    let error = save_plan(&path, &seed_plan()).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("Could not save {}: it is a folder", path.display())
    );
    assert_eq!(listing(&path), vec!["inside.txt"]);
    assert_eq!(listing(dir.path()), vec!["plan.ron"]);
}

#[cfg(unix)]
#[test]
fn save_into_a_read_only_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("locked");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("plan.ron");
    save_plan(&path, &seed_plan()).unwrap();
    let before = fs::read(&path).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();

    // Root ignores folder permissions; then there is nothing to test.
    let probe = folder.join("probe");
    if fs::write(&probe, "").is_ok() {
        let _ = fs::remove_file(&probe);
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: running with permissions that ignore a read-only folder");
        return;
    }

    let result = save_plan(&path, &used_plan());
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    let message = result.unwrap_err().to_string();
    assert_contains(
        &message,
        &[
            &format!(
                "Could not save {}: could not create a file in ",
                path.display()
            ),
            "ermission denied",
        ],
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(listing(&folder), vec!["plan.ron"]);
}

#[test]
fn an_invalid_plan_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_plan(&path, &seed_plan()).unwrap();
    let before = fs::read(&path).unwrap();
    let mut plan = used_plan();
    plan.time_entries[0].hours = f64::NAN;
    let message = save_plan(&path, &plan).unwrap_err().to_string();
    assert_contains(
        &message,
        &[
            &format!(
                "Did not save {}, because the plan has problems:",
                path.display()
            ),
            "time entry 1 (2026-01-05): hours must be a positive number of hours, found NaN",
        ],
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(listing(dir.path()), vec!["plan.ron"]);
}

#[test]
fn parse_plan_errors_have_no_path() {
    let error = parse_plan("(format_version: 1, title: 3)").unwrap_err();
    assert_eq!(error.path(), None);
    assert!(error.to_string().starts_with("line 1, column "), "{error}");
}

//! The Time tab driven by label: logging hours, bad input, categories,
//! editing the log, and CSV in and out.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;

use chrono::NaiveDate;
use common::window::{
    Window, app_on, choose, choose_file, click, expand, plan, press, retype, shortcut, type_into,
    window,
};
use common::{date, write_file};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use yearplan::dialogs::FilePurpose;
use yearplan::io;
use yearplan::model::calendar::IsoWeek;
use yearplan::model::time::{TargetState, target_state, weekly_hours};
use yearplan::model::{CategoryId, EntryId, Plan, TimeEntry};
use yearplan::ui::Tab;

/// A Wednesday.
fn today() -> NaiveDate {
    date(2026, 3, 4)
}

const LEARNING: CategoryId = CategoryId(1);
const BUILDING: CategoryId = CategoryId(2);

fn time_tab_with(plan: Plan) -> Window {
    let builder = Harness::builder().with_size(egui::vec2(1500.0, 1100.0));
    let mut harness = window(builder, app_on(plan, today()));
    click(&mut harness, Tab::Time.label());
    harness
}

fn time_tab() -> Window {
    time_tab_with(io::default_plan(today()))
}

/// `entries` with their ids cleared, to compare with entries written out:
/// the form gives each new entry a random id. Checks first that every entry
/// has an id, no two the same.
fn without_ids(entries: &[TimeEntry]) -> Vec<TimeEntry> {
    let ids: HashSet<EntryId> = entries.iter().map(|entry| entry.id).collect();
    assert_eq!(ids.len(), entries.len(), "ids repeat: {entries:?}");
    assert!(
        !ids.contains(&EntryId(0)),
        "an entry has no id: {entries:?}"
    );
    entries
        .iter()
        .map(|entry| TimeEntry {
            id: EntryId(0),
            ..entry.clone()
        })
        .collect()
}

fn learning_this_week(harness: &Window) -> f64 {
    weekly_hours(plan(harness)).hours(IsoWeek::of(today()), LEARNING)
}

#[test]
fn hours_added_through_the_form_count_in_this_week() {
    let mut harness = time_tab();
    type_into(&mut harness, "Hours", "1:30");
    type_into(&mut harness, "Note", "GenServer chapter");
    click(&mut harness, "Add");

    assert_eq!(
        without_ids(&plan(&harness).time_entries),
        [TimeEntry {
            id: EntryId(0),
            date: today(),
            category: LEARNING,
            hours: 1.5,
            note: "GenServer chapter".to_owned(),
        }]
    );
    assert!(harness.get_all_by_label("1.5 h").count() >= 1);
    // The form is ready for the next entry.
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Hours")
            .value()
            .unwrap_or_default(),
        ""
    );

    // Enter adds too; 13.5 more hours bring Learning to its 15 h minimum.
    type_into(&mut harness, "Hours", "13.5");
    press(&mut harness, egui::Key::Enter);
    assert_eq!(learning_this_week(&harness), 15.0);
    // The second entry got an id of its own.
    assert_eq!(without_ids(&plan(&harness).time_entries).len(), 2);
    let learning = plan(&harness).category(LEARNING).unwrap().clone();
    assert_eq!(
        target_state(15.0, learning.weekly_min_hours, learning.weekly_max_hours),
        TargetState::InRange
    );
    assert!(harness.get_all_by_label("15.0 h").count() >= 1);
    assert!(harness.state().document().dirty);
}

#[test]
fn bad_hours_show_a_message_and_add_nothing() {
    let mut harness = time_tab();
    let cases = [
        ("", "Enter the hours"),
        ("abc", "Not a number of hours"),
        ("-2", "more than zero"),
        ("0", "more than zero"),
        ("25", "more than 24 hours"),
        ("1:75", "minutes from 00 to 59"),
    ];
    for (bad, message) in cases {
        retype(&mut harness, "Hours", bad);
        click(&mut harness, "Add");
        assert!(plan(&harness).time_entries.is_empty(), "{bad} was added");
        assert!(!harness.state().document().dirty);
        harness.get_by_label_contains(message);
    }
}

#[test]
fn removing_a_category_with_entries_moves_them() {
    let mut seed = io::default_plan(today());
    for (day, hours) in [(2, 2.0), (3, 1.5), (4, 3.0)] {
        seed.time_entries.push(TimeEntry {
            id: Default::default(),
            date: date(2026, 3, day),
            category: LEARNING,
            hours,
            note: String::new(),
        });
    }
    let mut harness = time_tab_with(seed);
    click(&mut harness, "Remove Learning");
    harness.get_by_label_contains("has 3 entries logged");
    // Building is offered first; move them there.
    click(&mut harness, "Move and remove");

    let plan = plan(&harness);
    assert!(plan.category(LEARNING).is_none());
    assert_eq!(plan.time_entries.len(), 3);
    assert!(
        plan.time_entries
            .iter()
            .all(|entry| entry.category == BUILDING)
    );
    let hours: f64 = plan.time_entries.iter().map(|entry| entry.hours).sum();
    assert_eq!(hours, 6.5);
}

#[test]
fn removing_a_category_can_be_cancelled_or_delete_its_entries() {
    let mut seed = io::default_plan(today());
    seed.time_entries.push(TimeEntry {
        id: Default::default(),
        date: today(),
        category: BUILDING,
        hours: 2.0,
        note: String::new(),
    });
    let mut harness = time_tab_with(seed);
    let before = plan(&harness).clone();
    click(&mut harness, "Remove Building");
    click(&mut harness, "Cancel");
    assert_eq!(plan(&harness), &before);

    click(&mut harness, "Remove Building");
    click(&mut harness, "Delete the 1 entry too");
    assert!(plan(&harness).category(BUILDING).is_none());
    assert!(plan(&harness).time_entries.is_empty());
}

#[test]
fn a_category_is_added_and_its_target_edited() {
    let mut harness = time_tab();
    click(&mut harness, "+ Add category");
    type_into(&mut harness, "New category name", "Writing");
    click(&mut harness, "Add category");
    let writing = plan(&harness)
        .time_categories
        .iter()
        .find(|category| category.name == "Writing")
        .unwrap()
        .clone();
    assert_eq!(
        (writing.weekly_min_hours, writing.weekly_max_hours),
        (5.0, 10.0)
    );

    click(&mut harness, "Edit Learning");
    harness
        .get_by_label("Learning weekly minimum")
        .set_value_accesskit(12.0);
    harness.run();
    click(&mut harness, "Save");
    let learning = plan(&harness).category(LEARNING).unwrap().clone();
    assert_eq!(
        (learning.weekly_min_hours, learning.weekly_max_hours),
        (12.0, 20.0)
    );
    // The summed range follows: 12 + 10 + 5 + 5 to 20 + 15 + 5 + 10.
    harness.get_by_label("Targets add up to 32–50 h a week.");
}

#[test]
fn an_entry_is_edited_and_deleted_in_the_table() {
    let mut seed = io::default_plan(today());
    seed.time_entries.push(TimeEntry {
        id: Default::default(),
        date: today(),
        category: LEARNING,
        hours: 2.0,
        note: "Ecto".to_owned(),
    });
    let mut harness = time_tab_with(seed);
    click(&mut harness, "Edit entry 1");
    retype(&mut harness, "Edit hours", "45m");
    click(&mut harness, "Save");
    assert_eq!(plan(&harness).time_entries[0].hours, 0.75);

    click(&mut harness, "Delete entry 1");
    assert!(plan(&harness).time_entries.is_empty());
    // And undo brings it back.
    shortcut(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(plan(&harness).time_entries.len(), 1);
}

#[test]
fn import_previews_maps_a_new_category_and_is_one_undo_step() {
    let folder = tempfile::tempdir().unwrap();
    let csv = write_file(
        folder.path(),
        "hours.csv",
        "date,category,hours,note\n\
         2026-03-02,Learning,1:30,Read\n\
         2026-03-03,Building,2,\"Pulse, ingestion\"\n\
         2026-03-04,Juggling,1,three balls\n",
    );
    let mut harness = time_tab();
    choose_file(&mut harness, FilePurpose::ImportTimeCsv, &csv);
    harness.get_by_label_contains("hours.csv — Yearplan time log, 3 rows");
    // 1.5 h + 2 h; Juggling is no category of the plan, so it waits.
    harness.get_by_label("2 entries will come in (3.5 h); 1 row will not.");
    assert!(plan(&harness).time_entries.is_empty());

    choose(&mut harness, "Juggling", "New category: Juggling");
    harness.get_by_label("3 entries will come in (4.5 h); 0 rows will not.");
    click(&mut harness, "Import 3 entries");
    harness.get_by_label_contains(
        "Imported 3 entries and 1 new category; Undo takes the import back.",
    );
    let imported = plan(&harness);
    assert_eq!(imported.time_entries.len(), 3);
    assert_eq!(imported.time_entries[1].note, "Pulse, ingestion");
    assert_eq!(imported.time_entries[0].hours, 1.5);
    let juggling = imported
        .time_categories
        .iter()
        .find(|category| category.name == "Juggling")
        .unwrap()
        .id;
    assert_eq!(imported.time_entries[2].category, juggling);
    // The choice is kept as a rule, so the next export maps itself.
    assert_eq!(imported.import_rules.hours.len(), 1);
    assert_eq!(imported.import_rules.hours[0].contains, "Juggling");
    assert_eq!(imported.import_rules.hours[0].into, Some(juggling));

    // One undo takes back the entries, the category and the rule together.
    shortcut(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    let undone = plan(&harness);
    assert!(undone.time_entries.is_empty());
    assert!(undone.time_categories.iter().all(|c| c.name != "Juggling"));
    assert!(undone.import_rules.hours.is_empty());
}

#[test]
fn a_file_whose_dates_read_both_ways_asks_for_the_order() {
    let folder = tempfile::tempdir().unwrap();
    let csv = write_file(
        folder.path(),
        "hours.csv",
        "Date,Project,Hours\n03/04/2026,Learning,1\n05/06/2026,Learning,2\n",
    );
    let mut harness = time_tab();
    choose_file(&mut harness, FilePurpose::ImportTimeCsv, &csv);
    harness.get_by_label_contains("Choose the date order");
    harness.get_by_label("0 entries will come in (0.0 h); 2 rows will not.");
    click(&mut harness, "day/month/year");
    click(&mut harness, "Import 2 entries");
    let dates: Vec<String> = plan(&harness)
        .time_entries
        .iter()
        .map(|entry| entry.date.to_string())
        .collect();
    assert_eq!(dates, ["2026-04-03", "2026-06-05"]);
}

#[test]
fn import_rules_are_listed_reordered_and_forgotten() {
    use yearplan::model::import_rules::ImportRule;
    let mut seed = io::default_plan(today());
    harness_rules(&mut seed);
    let mut harness = time_tab_with(seed);
    harness.get_by_label("\"HeatingRepair\"");
    assert_eq!(harness.get_all_by_label("to Learning").count(), 2);
    harness.get_by_label("left out");
    // The first rule cannot go up, the last cannot go down.
    assert!(
        harness
            .get_by_label("Move rule 1 up")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        harness
            .get_by_label("Move rule 3 down")
            .accesskit_node()
            .is_disabled()
    );

    click(&mut harness, "Move rule 3 up");
    let texts = |harness: &Window| -> Vec<String> {
        plan(harness)
            .import_rules
            .hours
            .iter()
            .map(|rule| rule.contains.clone())
            .collect()
    };
    assert_eq!(texts(&harness), ["HeatingRepair", "lunch", "orga"]);
    click(&mut harness, "Forget rule 1");
    assert_eq!(texts(&harness), ["lunch", "orga"]);
    // Each is one undo step.
    shortcut(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(texts(&harness), ["HeatingRepair", "lunch", "orga"]);

    fn harness_rules(plan: &mut yearplan::model::Plan) {
        plan.import_rules.hours = vec![
            ImportRule {
                contains: "HeatingRepair".to_owned(),
                into: Some(LEARNING),
            },
            ImportRule {
                contains: "orga".to_owned(),
                into: Some(LEARNING),
            },
            ImportRule {
                contains: "lunch".to_owned(),
                into: None,
            },
        ];
    }
}

#[test]
fn with_no_rules_the_list_says_where_they_come_from() {
    let harness = time_tab();
    harness.get_by_label_contains("None yet. Where you send a value when importing is kept here");
}

#[test]
fn a_note_joins_the_columns_chosen_for_it() {
    let folder = tempfile::tempdir().unwrap();
    let csv = write_file(
        folder.path(),
        "hours.csv",
        "Date,Project,Task,Description,Hours\n2026-03-02,Learning,Ch. 3,Exercises,1\n",
    );
    let mut harness = time_tab();
    choose_file(&mut harness, FilePurpose::ImportTimeCsv, &csv);
    expand(&mut harness, "Coming in: 1 entry");
    expand(&mut harness, "Columns");
    // The task, then the description, each a choice of its own, and one
    // more choice to add a third part.
    let value = |harness: &Window, combo: &str| {
        harness
            .get_by_role_and_label(egui::accesskit::Role::ComboBox, combo)
            .value()
    };
    assert_eq!(value(&harness, "Note from").as_deref(), Some("Task"));
    assert_eq!(
        value(&harness, "Note part 2 from").as_deref(),
        Some("Description")
    );
    assert_eq!(value(&harness, "Note part 3 from").as_deref(), Some("—"));
    harness.get_by_label("Ch. 3 — Exercises");
    // Taking the description out leaves the task, and it can be put back.
    choose(&mut harness, "Note part 2 from", "—");
    harness.get_by_label("Ch. 3");
    choose(&mut harness, "Note part 2 from", "Description");
    harness.get_by_label("Ch. 3 — Exercises");
    choose(&mut harness, "Note part 2 from", "—");
    click(&mut harness, "Import 1 entry");
    assert_eq!(plan(&harness).time_entries[0].note, "Ch. 3");
}

#[test]
fn csv_export_writes_every_entry() {
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("out.csv");
    let example = io::example_plan().unwrap();
    let entries = example.time_entries.len();
    let mut harness = time_tab_with(example);
    choose_file(&mut harness, FilePurpose::ExportTimeCsv, &csv);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("date,category,hours,note"));
    assert_eq!(text.lines().count(), entries + 1);
    harness.get_by_label_contains("Exported the hours to");
}

#[test]
fn importing_the_same_file_twice_adds_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let csv = write_file(
        folder.path(),
        "hours.csv",
        "date,category,hours,note\n2026-03-02,Learning,1:30,Read\n2026-03-03,Building,2,Pulse\n",
    );
    let mut harness = time_tab();
    choose_file(&mut harness, FilePurpose::ImportTimeCsv, &csv);
    click(&mut harness, "Import 2 entries");

    choose_file(&mut harness, FilePurpose::ImportTimeCsv, &csv);
    harness.get_by_label("0 entries will come in (0.0 h); 2 rows will not.");
    harness.get_by_label_contains("duplicate: 2");
    click(&mut harness, "Cancel");
    assert_eq!(plan(&harness).time_entries.len(), 2);
}

#[test]
fn each_chart_says_what_it_shows_to_a_screen_reader() {
    // The example plan on Friday 27 November: the last four complete weeks
    // are 2026-W44 to W47. By hand from the file: Learning 17.25, 22.75,
    // 15.5, 17.0; Building 11.5, 15.0, 10.25, 11.25; Review 5.75, 7.5, 5.25,
    // 5.75; all together 34.5, 45.25, 31.0, 34.0. Halves round up.
    let builder = Harness::builder().with_size(egui::vec2(1500.0, 1100.0));
    let mut harness = window(
        builder,
        app_on(io::example_plan().unwrap(), date(2026, 11, 27)),
    );
    click(&mut harness, Tab::Time.label());
    for summary in [
        "Learning, hours per week: 17.3, 22.8, 15.5, 17.0 in the last four weeks; target 15–20 h",
        "Building, hours per week: 11.5, 15.0, 10.3, 11.3 in the last four weeks; target 10–15 h",
        "Review/Documentation, hours per week: 5.8, 7.5, 5.3, 5.8 in the last four weeks; \
         target 5 h",
        "All categories, hours per week: 34.5, 45.3, 31.0, 34.0 in the last four weeks; \
         target 30–40 h",
    ] {
        harness.get_by_role_and_label(egui::Role::Image, summary);
    }
}

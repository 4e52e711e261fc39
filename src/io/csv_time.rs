//! The time log as CSV: `date,category,hours,note`, one entry a row.
//!
//! Export writes what a spreadsheet and Yearplan's import both read: ISO
//! dates, categories by name (by id where a name would not do), hours as
//! Rust writes an `f64` (the shortest text that reads back to the same
//! number, so `1.5` stays `1.5`), notes quoted when they need to be. The
//! import pipeline knows this file as "Yearplan time log".

use super::csv_ledger::{LedgerCsv, ledger_to_csv};
use crate::model::{Plan, TimeEntry};

/// The header row export writes.
pub const HEADER: &str = "date,category,hours,note";

impl LedgerCsv for TimeEntry {
    const HEADER: &'static str = HEADER;

    fn quantity_text(&self) -> String {
        self.hours.to_string()
    }
}

/// The plan's time entries as CSV, oldest first (entries of one day in the
/// plan's order), with a header row.
pub fn time_entries_to_csv(plan: &Plan) -> String {
    ledger_to_csv::<TimeEntry>(plan)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::collections::HashSet;

    use chrono::NaiveDate;

    use super::*;
    use crate::io::import::{Choices, Preview, preview};
    use crate::model::command::{Command, TimeCommand};
    use crate::model::{CategoryId, EntryId};

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn entry(date: NaiveDate, category: u64, hours: f64, note: &str) -> TimeEntry {
        TimeEntry {
            id: Default::default(),
            date,
            category: CategoryId(category),
            hours,
            note: note.to_owned(),
        }
    }

    /// `entries` with their ids cleared, to compare imported entries with
    /// the ones exported: an import gives each entry a random id. Checks
    /// first that every entry has an id, no two the same.
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

    /// The seed's categories: Learning (1), Building (2), Review/Documentation (3).
    fn seed() -> Plan {
        crate::io::default_plan(day(2026, 3, 2))
    }

    /// What importing `text` into `plan` would add.
    fn imported(text: &str, plan: &Plan) -> Preview<TimeEntry> {
        preview(text.as_bytes(), plan, &Choices::default())
    }

    #[test]
    fn export_writes_a_header_and_rows_oldest_first() {
        let mut plan = seed();
        plan.time_entries = vec![
            entry(day(2026, 3, 3), 2, 2.0, "Pulse: supervision tree"),
            entry(day(2026, 3, 2), 1, 1.5, "Elixir in Action, ch. 3"),
            entry(day(2026, 3, 2), 3, 0.25, "He said \"ship it\""),
            entry(day(2026, 3, 4), 1, 4.0 / 3.0, "line one\nline two"),
            entry(day(2026, 3, 5), 1, 1.0, "tab\there"),
        ];
        let text = time_entries_to_csv(&plan);
        assert_eq!(
            text,
            "date,category,hours,note\n\
             2026-03-02,Learning,1.5,\"Elixir in Action, ch. 3\"\n\
             2026-03-02,Review/Documentation,0.25,\"He said \"\"ship it\"\"\"\n\
             2026-03-03,Building,2,Pulse: supervision tree\n\
             2026-03-04,Learning,1.3333333333333333,\"line one\nline two\"\n\
             2026-03-05,Learning,1,\"tab\there\"\n"
        );
        assert_eq!(
            time_entries_to_csv(&Plan::empty("", day(2026, 1, 1))),
            "date,category,hours,note\n"
        );
    }

    #[test]
    fn export_then_import_gives_the_same_entries() {
        let mut plan = seed();
        plan.time_categories[2].name = "Review; Docs, \"notes\"".to_owned();
        let mut entries = vec![
            entry(day(2026, 1, 5), 1, 1.5, "Elixir in Action, ch. 1"),
            entry(
                day(2026, 1, 5),
                2,
                4.0 / 3.0,
                "quotes \"inside\" and ; semicolons",
            ),
            entry(day(2026, 1, 6), 3, 0.1, "two\nlines\r\nand CRLF"),
            entry(day(2026, 1, 7), 1, 24.0, ""),
            entry(day(2026, 1, 8), 2, 1.0 / 60.0, "Ünïcode ✓ — dash"),
            entry(day(1900, 1, 1), 1, 0.5, "date"),
            entry(day(2200, 12, 31), 3, 23.75, ","),
        ];
        plan.time_entries = entries.clone();
        let text = time_entries_to_csv(&plan);
        let mut fresh = plan.clone();
        fresh.time_entries.clear();
        let import = imported(&text, &fresh);
        assert_eq!(import.recognised, "Yearplan time log");
        assert_eq!(import.skipped, []);
        entries.sort_by_key(|entry| entry.date);
        // A note comes in on one line.
        entries[3].note = "two lines and CRLF".to_owned();
        let records = import.batch.records.clone();
        assert_eq!(without_ids(&records), entries);
        assert_eq!(
            fresh.apply(&Command::Time(TimeCommand::Import(import.batch))),
            Ok(true)
        );
        // The ids the import drew are the ones the plan keeps.
        assert_eq!(fresh.time_entries, records);

        // Into the plan it came from, it adds nothing: all are duplicates,
        // the note on two lines among them.
        let again = imported(&text, &plan);
        assert_eq!(again.batch.records, []);
        assert_eq!(again.skipped.len(), 7);
    }

    #[test]
    fn categories_that_names_cannot_tell_apart_export_by_id() {
        let mut plan = seed();
        plan.time_categories[1].name = "learning".to_owned();
        plan.time_categories[2].name = "  ".to_owned();
        // A name that is another category's id is written as its own id.
        plan.time_categories.push(crate::model::TimeCategory {
            id: CategoryId(4),
            name: "1".to_owned(),
            weekly_min_hours: 0.0,
            weekly_max_hours: 0.0,
        });
        plan.time_entries = vec![
            entry(day(2026, 1, 5), 1, 1.0, ""),
            entry(day(2026, 1, 5), 2, 2.0, ""),
            entry(day(2026, 1, 5), 3, 3.0, ""),
            entry(day(2026, 1, 5), 4, 4.0, ""),
        ];
        let text = time_entries_to_csv(&plan);
        assert_eq!(
            text,
            "date,category,hours,note\n\
             2026-01-05,1,1,\n2026-01-05,2,2,\n2026-01-05,3,3,\n2026-01-05,4,4,\n"
        );
        let mut fresh = plan.clone();
        fresh.time_entries.clear();
        assert_eq!(
            without_ids(&imported(&text, &fresh).batch.records),
            plan.time_entries
        );
    }
}

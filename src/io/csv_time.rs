//! The time log as CSV: `date,category,hours,note`, one entry a row.
//!
//! Export writes what a spreadsheet and this importer both read: ISO dates,
//! categories by name, hours as Rust writes an `f64` (the shortest text that
//! reads back to the same number, so `1.5` stays `1.5`), notes quoted when
//! they need to be.
//!
//! Import is forgiving about the shape of the file (a header or none, `,` or
//! `;`, a byte-order mark, CRLF, `1:30` or `1,5` hours, categories by name in
//! any case or by id) and strict about its meaning: a date that could be read
//! two ways, an unknown category or impossible hours rejects the row, with
//! its line number and the reason, and never guesses. Nothing here changes a
//! plan: the caller shows the result and, once the person confirms, applies
//! `TimeCommand::ImportEntries` with the accepted entries.
//!
//! Export and import are the ledger's, in `csv_ledger`, shared with
//! `csv_money`; what is the time log's own is here: hours as text.

use super::csv_ledger::{Format, LedgerCsv, LedgerImport, ledger_to_csv, parse_ledger_csv};
use crate::model::hours::{HoursError, parse_hours};
use crate::model::{Plan, TimeEntry};

pub use super::csv_rows::RejectedRow;

/// The header row export writes, and the columns import expects.
pub const HEADER: &str = "date,category,hours,note";

impl LedgerCsv for TimeEntry {
    const FORMAT: Format = Format {
        header: HEADER,
        columns: "date, category, hours, note",
        bucket: "category",
        may_hold_delimiter: "A note",
    };

    /// As Rust writes an `f64`: the shortest text that reads back to the
    /// same number, so `1.5` stays `1.5`.
    fn quantity_text(&self) -> String {
        self.hours.to_string()
    }

    fn parse_quantity(hours: &str, _plan: &Plan) -> Result<f64, String> {
        parse_hours(hours).map_err(|error| match error {
            HoursError::Empty => "The hours are missing.".to_owned(),
            _ => format!("{error} (found {hours:?})."),
        })
    }
}

/// What an import would add, and what it had to leave out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimeImport {
    /// The rows that can be added, in the order of the file.
    pub entries: Vec<TimeEntry>,
    pub rejected: Vec<RejectedRow>,
}

/// The plan's time entries as CSV, oldest first (entries of one day in the
/// plan's order), with a header row.
pub fn time_entries_to_csv(plan: &Plan) -> String {
    ledger_to_csv::<TimeEntry>(plan)
}

/// Reads a CSV of time entries against `plan`'s categories. Never fails as
/// a whole: every row is either an entry or a rejected row with a reason.
pub fn parse_time_csv(text: &str, plan: &Plan) -> TimeImport {
    let LedgerImport { records, rejected } = parse_ledger_csv(text, plan);
    TimeImport {
        entries: records,
        rejected,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::fmt::Write as _;

    use super::*;
    use crate::model::CategoryId;
    use chrono::NaiveDate;

    use crate::io::csv_ledger::testing::{self, day, random_texts};
    use crate::io::csv_rows::{MAX_REJECTED_TEXT_CHARS, sniff_delimiter};

    fn entry(date: NaiveDate, category: u64, hours: f64, note: &str) -> TimeEntry {
        TimeEntry {
            date,
            category: CategoryId(category),
            hours,
            note: note.to_owned(),
        }
    }

    /// The seed's categories: Learning (1), Building (2), Review/Documentation (3).
    fn seed() -> Plan {
        crate::io::default_plan(day(2026, 3, 2))
    }

    fn reasons(import: &TimeImport) -> Vec<(usize, &str)> {
        testing::reasons(&import.rejected)
    }

    #[test]
    fn export_writes_a_header_and_rows_oldest_first() {
        let mut plan = seed();
        plan.time_entries = vec![
            entry(day(2026, 3, 3), 2, 2.0, "Pulse: supervision tree"),
            entry(day(2026, 3, 2), 1, 1.5, "Elixir in Action, ch. 3"),
            entry(day(2026, 3, 2), 3, 0.25, "He said \"ship it\""),
            entry(day(2026, 3, 4), 1, 4.0 / 3.0, "line one\nline two"),
        ];
        let text = time_entries_to_csv(&plan);
        assert_eq!(
            text,
            "date,category,hours,note\n\
             2026-03-02,Learning,1.5,\"Elixir in Action, ch. 3\"\n\
             2026-03-02,Review/Documentation,0.25,\"He said \"\"ship it\"\"\"\n\
             2026-03-03,Building,2,Pulse: supervision tree\n\
             2026-03-04,Learning,1.3333333333333333,\"line one\nline two\"\n"
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
            entry(day(1900, 1, 1), 1, f64::MIN_POSITIVE, "date"),
            entry(day(2200, 12, 31), 3, 23.999_999_999_999_996, ","),
        ];
        plan.time_entries = entries.clone();
        let import = parse_time_csv(&time_entries_to_csv(&plan), &plan);
        assert_eq!(import.rejected, []);
        entries.sort_by_key(|entry| entry.date);
        assert_eq!(import.entries, entries);
        // Bit for bit, not merely close.
        for (imported, original) in import.entries.iter().zip(&entries) {
            assert_eq!(imported.hours.to_bits(), original.hours.to_bits());
        }

        // What a command would store reads back the same from the csv crate's
        // own writer, too.
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .write_record(["date", "category", "hours", "note"])
            .unwrap();
        for entry in &entries {
            let category = if entry.category == CategoryId(3) {
                "3".to_owned()
            } else {
                plan.category(entry.category).unwrap().name.clone()
            };
            writer
                .write_record([
                    entry.date.to_string(),
                    category,
                    entry.hours.to_string(),
                    entry.note.clone(),
                ])
                .unwrap();
        }
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(parse_time_csv(&text, &plan).entries, entries);
    }

    #[test]
    fn categories_that_names_cannot_tell_apart_export_by_id() {
        let mut plan = seed();
        plan.time_categories[1].name = "learning".to_owned();
        plan.time_categories[2].name = "  ".to_owned();
        plan.time_entries = vec![
            entry(day(2026, 1, 5), 1, 1.0, ""),
            entry(day(2026, 1, 5), 2, 2.0, ""),
            entry(day(2026, 1, 5), 3, 3.0, ""),
        ];
        let text = time_entries_to_csv(&plan);
        assert_eq!(
            text,
            "date,category,hours,note\n2026-01-05,1,1,\n2026-01-05,2,2,\n2026-01-05,3,3,\n"
        );
        assert_eq!(parse_time_csv(&text, &plan).entries, plan.time_entries);
    }

    #[test]
    fn import_reads_the_shapes_people_write() {
        let plan = seed();
        let expected = vec![
            entry(day(2026, 3, 2), 1, 1.5, "ch. 3"),
            entry(day(2026, 3, 3), 2, 1.5, ""),
            entry(day(2026, 3, 4), 3, 0.75, "ADR, reviewed"),
        ];
        for text in [
            // A header, commas, LF.
            "date,category,hours,note\n2026-03-02,Learning,1.5,ch. 3\n\
             2026-03-03,building,1:30,\n2026-03-04,3,45m,\"ADR, reviewed\"\n",
            // No header, CRLF, a BOM, spaces around fields, blank lines at the end.
            "\u{feff}2026-03-02 , LEARNING , 1.5 , ch. 3\r\n2026-03-03,Building,90m\r\n\
             2026-03-04, Review/Documentation ,0:45,\"ADR, reviewed\"\r\n\r\n\r\n",
            // Semicolons with decimal commas, a header in capitals.
            "Date;Category;Hours;Note\n2026-03-02;Learning;1,5;ch. 3\n\
             2026-03-03;Building;1,5;\n2026-03-04;Review/Documentation;0,75;ADR, reviewed\n",
            // Semicolons, no header, a note with commas unquoted, short dates.
            "2026-3-2;Learning;1h 30m;ch. 3\n2026-03-03;2;1.5\n2026-03-04;3;0.75;ADR, reviewed",
        ] {
            let import = parse_time_csv(text, &plan);
            assert_eq!(import.rejected, [], "{text:?}");
            assert_eq!(import.entries, expected, "{text:?}");
        }
        assert_eq!(parse_time_csv("", &plan), TimeImport::default());
        assert_eq!(
            parse_time_csv("\u{feff}\n\n \n", &plan),
            TimeImport::default()
        );
        assert_eq!(parse_time_csv(HEADER, &plan), TimeImport::default());
        assert_eq!(
            parse_time_csv("\n,,,\n date ,category,hours,note\n", &plan),
            TimeImport::default()
        );
        // Rows of nothing but delimiters are blank too.
        assert_eq!(
            parse_time_csv(",,,\n , , ,\n", &plan),
            TimeImport::default()
        );
    }

    #[test]
    fn bad_rows_are_rejected_with_their_line_and_reason() {
        let plan = seed();
        let text = "date,category,hours,note\n\
                    2026-03-02,Learning,1.5,fine\n\
                    03/02/2026,Learning,1.5,day or month first?\n\
                    2026-02-30,Learning,1,\n\
                    1850-01-01,Learning,1,\n\
                    yesterday,Learning,1,\n\
                    ,Learning,1,\n\
                    2026-03-03,Gardening,1,\n\
                    2026-03-03,,1,\n\
                    2026-03-03,Learning,0,\n\
                    2026-03-03,Learning,-2,\n\
                    2026-03-03,Learning,25,\n\
                    2026-03-03,Learning,1:75,\n\
                    2026-03-03,Learning,lots,\n\
                    2026-03-03,Learning,,\n\
                    2026-03-03,Learning\n\
                    2026-03-03,Learning,1,a note, with a comma\n\
                    \"2026-03-03\",\"Building\",\"2\",\"quoted, all\"\n\
                    02.03.2026,Nope,0,\n\
                    2026-03-09,Learning,2,last\n";
        let import = parse_time_csv(text, &plan);
        assert_eq!(
            import.entries,
            [
                entry(day(2026, 3, 2), 1, 1.5, "fine"),
                entry(day(2026, 3, 3), 2, 2.0, "quoted, all"),
                entry(day(2026, 3, 9), 1, 2.0, "last"),
            ]
        );
        let names = "Learning, Building, Review/Documentation";
        assert_eq!(
            reasons(&import),
            [
                (
                    3,
                    "\"03/02/2026\" could be day/month or month/day: \
                     write dates as YYYY-MM-DD, e.g. 2026-03-02."
                ),
                (4, "\"2026-02-30\" is not a day of the calendar."),
                (5, "The date 1850-01-01 is outside the years 1900–2200."),
                (
                    6,
                    "\"yesterday\" is not a date: write dates as YYYY-MM-DD, e.g. 2026-03-02."
                ),
                (7, "The date is missing."),
                (
                    8,
                    &*format!("There is no category \"Gardening\"; the plan has {names}.")
                ),
                (9, "The category is missing."),
                (10, "Hours must be more than zero (found \"0\")."),
                (11, "Hours must be more than zero (found \"-2\")."),
                (12, "That is more than 24 hours (found \"25\")."),
                (
                    13,
                    "After the colon write minutes from 00 to 59, e.g. 1:30 (found \"1:75\")."
                ),
                (
                    14,
                    "Not a number of hours: try 1.5, 1:30 or 90m (found \"lots\")."
                ),
                (15, "The hours are missing."),
                (
                    16,
                    "Expected 4 fields (date, category, hours, note) but found 2."
                ),
                (
                    17,
                    "Expected 4 fields (date, category, hours, note) but found 5. \
                     A note that holds a , must be in double quotes."
                ),
                (
                    19,
                    &*format!(
                        "\"02.03.2026\" could be day/month or month/day: write dates as \
                         YYYY-MM-DD, e.g. 2026-03-02. There is no category \"Nope\"; the plan \
                         has {names}. Hours must be more than zero (found \"0\")."
                    )
                ),
            ]
        );
        assert_eq!(
            import.rejected[0].text,
            "03/02/2026,Learning,1.5,day or month first?"
        );
        assert_eq!(import.rejected[13].text, "2026-03-03,Learning");
    }

    #[test]
    fn line_numbers_count_lines_of_the_file_not_rows() {
        let plan = seed();
        // The second row's note spans three lines, so the bad row after it
        // starts on line 6. CRLF endings, a BOM and a blank line in between.
        let text = "\u{feff}date,category,hours,note\r\n\
                    2026-03-02,Learning,1,\"one\r\ntwo\r\nthree\"\r\n\
                    \r\n\
                    2026-03-02,Learning,x,\r\n";
        let import = parse_time_csv(text, &plan);
        assert_eq!(import.entries.len(), 1);
        assert_eq!(import.entries[0].note, "one\r\ntwo\r\nthree");
        assert_eq!(import.rejected.len(), 1);
        assert_eq!(import.rejected[0].line, 6);
        assert_eq!(import.rejected[0].text, "2026-03-02,Learning,x,");
        // Blank lines before the first row count too.
        let import = parse_time_csv("\n\r\n\n2026-03-02,Learning,x,\n", &plan);
        assert_eq!(import.rejected[0].line, 4);
        assert_eq!(import.rejected[0].text, "2026-03-02,Learning,x,");
    }

    #[test]
    fn a_quote_left_open_is_reported_not_swallowed() {
        let plan = seed();
        let text = "2026-03-02,Learning,1,fine\n\
                    2026-03-03,Learning,2,\"never closed\n\
                    2026-03-04,Learning,3,lost inside the quote\n";
        let import = parse_time_csv(text, &plan);
        assert_eq!(import.entries, [entry(day(2026, 3, 2), 1, 1.0, "fine")]);
        assert_eq!(import.rejected.len(), 1);
        assert_eq!(import.rejected[0].line, 2);
        assert!(
            import.rejected[0]
                .reason
                .starts_with("A quote opened in this row is never closed")
        );
        assert_eq!(
            import.rejected[0].text,
            "2026-03-03,Learning,2,\"never closed\n2026-03-04,Learning,3,lost inside the quote"
        );
        // A quote inside an unquoted field is only a character.
        let import = parse_time_csv("2026-03-02,Learning,1,a 5\" screen\n", &plan);
        assert_eq!(import.entries[0].note, "a 5\" screen");
        // Long rejected rows are shortened.
        let text = format!("2026-03-02,Learning,1,\"{}", "x".repeat(1_000));
        let rejected = &parse_time_csv(&text, &plan).rejected[0];
        assert_eq!(rejected.text.chars().count(), MAX_REJECTED_TEXT_CHARS + 1);
        assert!(rejected.text.ends_with('…'));
    }

    #[test]
    fn ambiguous_category_names_ask_for_an_id() {
        let mut plan = seed();
        plan.time_categories[1].name = "LEARNING".to_owned();
        let import = parse_time_csv("2026-03-02,learning,1,\n2026-03-02,2,1,\n", &plan);
        assert_eq!(import.entries, [entry(day(2026, 3, 2), 2, 1.0, "")]);
        assert_eq!(
            reasons(&import),
            [(
                1,
                "More than one category is named \"learning\"; give its id instead."
            )]
        );
        let import = parse_time_csv("2026-03-02,Anything,1,", &Plan::empty("", day(2026, 1, 1)));
        assert_eq!(
            reasons(&import),
            [(
                1,
                "There is no category \"Anything\"; the plan has none yet."
            )]
        );
    }

    #[test]
    fn the_delimiter_is_sniffed_from_the_first_line() {
        assert_eq!(sniff_delimiter("date,category,hours,note"), b',');
        assert_eq!(sniff_delimiter("date;category;hours;note"), b';');
        assert_eq!(sniff_delimiter("\n\n2026-03-02;Learning;1,5;a, b\n"), b';');
        assert_eq!(sniff_delimiter("2026-03-02;Learning;1,5"), b';');
        assert_eq!(sniff_delimiter("2026-03-02,Learning,1.5,a; b"), b',');
        assert_eq!(sniff_delimiter("2026-03-02,Learning,\"a;b;c;d\""), b',');
        assert_eq!(sniff_delimiter(""), b',');
        assert_eq!(sniff_delimiter("no delimiter at all"), b',');
        assert_eq!(sniff_delimiter("\"2026-03-02\";\"Learning\";\"1,5\""), b';');
        assert_eq!(sniff_delimiter("03/02/2026;Learning;1,5;a"), b';');
    }

    #[test]
    fn no_input_panics() {
        let plan = seed();
        // Random bytes, and random picks from the characters CSV cares about.
        for (bytes, text) in random_texts(&["Learning", "1:30"]) {
            let _ = parse_time_csv(&bytes, &plan);
            let import = parse_time_csv(&text, &plan);
            for entry in &import.entries {
                assert!(entry.hours > 0.0 && entry.hours <= 24.0);
            }
        }
    }

    #[test]
    fn a_hundred_thousand_lines_import_quickly() {
        let plan = seed();
        let mut text = String::from("date;category;hours;note\n");
        for index in 0..100_000_u32 {
            let date = day(2026, 1, 1) + chrono::Days::new(u64::from(index % 365));
            let category = ["Learning", "building", "3"][(index % 3) as usize];
            // Every thousandth row is bad.
            let hours = if index % 1_000 == 999 { "25" } else { "1,5" };
            let _ = writeln!(text, "{date};{category};{hours};row {index}");
        }
        let started = std::time::Instant::now();
        let import = parse_time_csv(&text, &plan);
        let elapsed = started.elapsed();
        assert_eq!(import.entries.len(), 99_900);
        assert_eq!(import.rejected.len(), 100);
        // Row 999 of the data is line 1,001 of the file (after the header).
        assert_eq!(import.rejected[0].line, 1_001);
        assert_eq!(import.entries[0].note, "row 0");
        // Generous for a debug build on a slow machine; it takes well under a second.
        assert!(elapsed.as_secs() < 10, "took {elapsed:?}");
    }
}
